//! Export and import of whole assessments (the `.clausewise` file).

use clausewise_core::transfer::{AssessmentFile, OnConflict};
use clausewise_core::{Assessment, Catalogue, Client};
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::assessments::client_from_row;
use crate::sql::{now, parse_uuid, read_time, timestamp};
use crate::{Store, StoreError};

/// A title for a second copy that tells it apart from every assessment in
/// the database: "Title (imported copy)", then "(imported copy 2)", …, with
/// the title shortened where needed to stay within its limit.
fn copy_title(tx: &rusqlite::Transaction<'_>, title: &str) -> Result<String, StoreError> {
    let max = clausewise_core::Field::Title.max_chars();
    let taken = |candidate: &str| -> Result<bool, StoreError> {
        Ok(tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM assessment WHERE title = ?1)",
            [candidate],
            |row| row.get(0),
        )?)
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            " (imported copy)".to_owned()
        } else {
            format!(" (imported copy {n})")
        };
        let room = max.saturating_sub(suffix.chars().count());
        let base: String = title.chars().take(room).collect();
        let candidate = format!("{}{suffix}", base.trim_end());
        if !taken(&candidate)? {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// The first finding or KPI id of `file` that an assessment in the database
/// already uses, as what it is and that assessment's title.
fn shared_ids(
    tx: &rusqlite::Transaction<'_>,
    file: &AssessmentFile,
) -> Result<Option<(&'static str, String)>, StoreError> {
    let owner = |sql: &str, id: Uuid| -> Result<Option<String>, StoreError> {
        Ok(tx
            .prepare_cached(sql)?
            .query_row([id.to_string()], |row| row.get(0))
            .optional()?)
    };
    for f in &file.findings {
        let sql = "SELECT a.title FROM finding f JOIN assessment a ON a.id = f.assessment_id
                   WHERE f.id = ?1";
        if let Some(title) = owner(sql, f.id)? {
            return Ok(Some(("finding", title)));
        }
    }
    for k in &file.kpis {
        let sql = "SELECT a.title FROM kpi k JOIN assessment a ON a.id = k.assessment_id
                   WHERE k.id = ?1";
        if let Some(title) = owner(sql, k.id)? {
            return Ok(Some(("KPI", title)));
        }
    }
    let others: [(&'static str, &str, Vec<Uuid>); 3] = [
        (
            "evidence",
            "SELECT a.title FROM evidence x JOIN assessment a ON a.id = x.assessment_id
              WHERE x.id = ?1",
            file.evidence.iter().map(|e| e.id).collect(),
        ),
        (
            "scope",
            "SELECT a.title FROM scope_item x JOIN assessment a ON a.id = x.assessment_id
              WHERE x.id = ?1",
            file.scope.iter().map(|e| e.id).collect(),
        ),
        (
            "interview",
            "SELECT a.title FROM interview x JOIN assessment a ON a.id = x.assessment_id
              WHERE x.id = ?1",
            file.interviews.iter().map(|e| e.id).collect(),
        ),
    ];
    for (what, sql, ids) in others {
        for id in ids {
            if let Some(title) = owner(sql, id)? {
                return Ok(Some((what, title)));
            }
        }
    }
    Ok(None)
}

/// Where an import finds the content of the files an assessment lists.
pub trait FileSource {
    /// Whether this import carries content at all (a package does, a plain
    /// assessment file does not).
    fn carries_files(&self) -> bool;
    /// Whether it carries the content of `sha256`.
    fn has(&self, sha256: &str) -> bool;
    /// The content of one listed file. Called once per distinct file the
    /// database does not have yet; an error stops the import.
    fn open(&mut self, sha256: &str) -> Result<Box<dyn std::io::Read + '_>, String>;
}

/// An import without content: files are listed, their content is not here.
pub struct NoFiles;

impl FileSource for NoFiles {
    fn carries_files(&self) -> bool {
        false
    }
    fn has(&self, _sha256: &str) -> bool {
        false
    }
    fn open(&mut self, _sha256: &str) -> Result<Box<dyn std::io::Read + '_>, String> {
        Err("the file carries no attachments".to_owned())
    }
}

fn assessment_client(conn: &rusqlite::Connection, id: Uuid) -> Result<Uuid, StoreError> {
    let client: String = conn.query_row(
        "SELECT client_id FROM assessment WHERE id = ?1",
        [id.to_string()],
        |row| row.get(0),
    )?;
    Ok(parse_uuid(&client)?)
}

/// Scope, people, interviews and evidence (with file content) of an
/// imported assessment, inside the import's transaction.
fn import_engagement(
    tx: &rusqlite::Transaction<'_>,
    file: &AssessmentFile,
    assessment_id: Uuid,
    client_id: Uuid,
    files: &mut dyn FileSource,
) -> Result<(), StoreError> {
    for s in &file.scope {
        crate::people::write_scope(tx, assessment_id, s)?;
    }
    // People belong to the client: one already in its directory stays as it
    // is here; one whose id another client uses comes in under a new id.
    let mut renamed = std::collections::HashMap::new();
    for p in &file.people {
        let owner: Option<String> = tx
            .query_row(
                "SELECT client_id FROM person WHERE id = ?1",
                [p.id.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        match owner {
            Some(o) if o == client_id.to_string() => {}
            Some(_) => {
                let new = clausewise_core::engagement::Person {
                    id: Uuid::new_v4(),
                    ..p.clone()
                };
                renamed.insert(p.id, new.id);
                crate::people::write_person(tx, client_id, &new)?;
            }
            None => {
                crate::people::write_person(tx, client_id, p)?;
            }
        }
    }
    for i in &file.interviews {
        let mut i = i.clone();
        for p in &mut i.person_ids {
            if let Some(new) = renamed.get(p) {
                *p = *new;
            }
        }
        crate::people::write_interview(tx, assessment_id, client_id, &i)?;
    }
    for l in &file.finding_scope {
        crate::people::write_finding_scope(tx, assessment_id, l.finding_id, &l.scope_ids)?;
    }
    let carried = files.carries_files();
    for e in &file.evidence {
        crate::evidence::write_row(tx, assessment_id, e, file.assessment.created_at)?;
        for f in &e.files {
            // Content here already is not read again; a package must carry
            // every file its exporter held (`stored`), and may carry others.
            let wanted = files.has(&f.sha256) || (carried && f.stored);
            if wanted && !crate::evidence::has_blob(tx, &f.sha256)? {
                let mut source = files.open(&f.sha256).map_err(|reason| {
                    clausewise_core::transfer::FileError::Invalid {
                        place: format!("{} “{}”", e.code, f.name),
                        message: reason,
                    }
                })?;
                match crate::evidence::store_blob(tx, &f.sha256, f.size, &mut source) {
                    Ok(()) => {}
                    Err(crate::evidence::Copy::Store(err)) => return Err(err),
                    Err(crate::evidence::Copy::Read(err)) => {
                        return Err(clausewise_core::transfer::FileError::Invalid {
                            place: format!("{} “{}”", e.code, f.name),
                            message: format!("its content cannot be read from the package ({err})"),
                        }
                        .into())
                    }
                    Err(crate::evidence::Copy::Mismatch) => {
                        return Err(clausewise_core::transfer::FileError::Invalid {
                            place: format!("{} “{}”", e.code, f.name),
                            message: "its content in the package does not match its SHA-256 \
                                      and size: the package is damaged or was altered"
                                .to_owned(),
                        }
                        .into())
                    }
                }
            }
            crate::evidence::link_file(tx, e.id, f)?;
        }
    }
    Ok(())
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// Something the consultant should know: a follow-up whose baseline
    /// could not be linked.
    pub notice: Option<String>,
}

impl Store {
    pub fn get_client(&self, id: Uuid) -> Result<Client, StoreError> {
        self.conn
            .query_row(
                "SELECT id, name, created_at, updated_at FROM client WHERE id = ?1",
                [id.to_string()],
                client_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "client" })
    }

    /// Everything about one assessment, as a portable file.
    pub fn export_assessment(&self, id: Uuid) -> Result<AssessmentFile, StoreError> {
        let assessment = self.get_assessment(id)?;
        let client = self.get_client(assessment.client_id)?;
        Ok(AssessmentFile::new(
            client,
            assessment,
            self.list_responses(id)?,
            self.list_findings(id)?,
            self.list_kpis(id)?,
            now(),
        )
        .with_documents(crate::documents::list(&self.conn, id)?)
        .with_practices(crate::practices::list(&self.conn, id)?)
        .with_engagement(
            crate::people::list_scope(&self.conn, id)?,
            crate::people::list_people(&self.conn, assessment_client(&self.conn, id)?)?,
            crate::people::list_interviews(&self.conn, id)?,
            crate::evidence::list(&self.conn, id)?,
        )
        .with_finding_scope(crate::people::list_finding_scope(&self.conn, id)?)
        .with_narrative(crate::narrative::read(
            &self.conn,
            clausewise_core::Catalogue::builtin(),
            id,
        )?)
        .with_history(crate::history::recorded(&self.conn, id)?))
    }

    /// Streams the content of one file an exported assessment lists into
    /// `out`, hash checked.
    pub fn copy_file_content(
        &self,
        sha256: &str,
        name: &str,
        out: &mut dyn std::io::Write,
    ) -> Result<u64, StoreError> {
        crate::evidence::copy_blob(&self.conn, sha256, name, out)
    }

    /// Reads, checks and imports an assessment file in one transaction: on
    /// any problem the database is exactly as before. Files its evidence
    /// register lists are listed without content unless the database has
    /// them already.
    pub fn import_assessment(
        &mut self,
        bytes: &[u8],
        on_conflict: OnConflict,
    ) -> Result<Imported, StoreError> {
        self.import_assessment_with_files(bytes, on_conflict, &mut NoFiles)
    }

    /// Imports an assessment file with the content of its files from
    /// `files` (a package), all in one transaction: content that does not
    /// match its SHA-256 or size, or that is missing, stops the import and
    /// the database is exactly as before.
    pub fn import_assessment_with_files(
        &mut self,
        bytes: &[u8],
        on_conflict: OnConflict,
        files: &mut dyn FileSource,
    ) -> Result<Imported, StoreError> {
        let file = AssessmentFile::parse(bytes, Catalogue::builtin())?;
        // Immediate: the write lock is taken up front, so a concurrent writer
        // makes this wait (busy timeout) rather than fail half-way.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let exists: Option<(String, String)> = tx
            .query_row(
                "SELECT title, updated_at FROM assessment WHERE id = ?1",
                [file.assessment.id.to_string()],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        // Follow-ups of the assessment being replaced keep pointing at it.
        let mut followers: Vec<String> = Vec::new();
        let file = match (exists, on_conflict) {
            (None, _) => file,
            (Some((title, changed)), OnConflict::Fail) => {
                return Err(StoreError::AlreadyExists {
                    id: file.assessment.id,
                    title,
                    here_changed: read_time(&changed),
                    file_changed: file.assessment.updated_at,
                })
            }
            (Some(_), OnConflict::Replace) => {
                followers = tx
                    .prepare("SELECT id FROM assessment WHERE baseline_id = ?1")?
                    .query_map([file.assessment.id.to_string()], |row| row.get(0))?
                    .collect::<Result<_, _>>()?;
                tx.execute(
                    "DELETE FROM assessment WHERE id = ?1",
                    [file.assessment.id.to_string()],
                )?;
                file
            }
            (Some(_), OnConflict::KeepBoth) => {
                let title = copy_title(&tx, &file.assessment.title)?;
                let mut copy = file.with_new_ids();
                copy.assessment.title = title;
                copy
            }
        };

        // Finding and KPI ids are unique across the database: a file whose
        // ids another assessment here already has (a copy of it with a new
        // assessment id) is imported only as a copy with ids of its own.
        let file = match shared_ids(&tx, &file)? {
            None => file,
            Some(_) if on_conflict == OnConflict::KeepBoth => {
                let title = copy_title(&tx, &file.assessment.title)?;
                let mut copy = file.with_new_ids();
                copy.assessment.title = title;
                copy
            }
            Some((what, title)) => return Err(StoreError::SharedIds { what, title }),
        };

        // The client: the same one (by id), else one of the same name, else new.
        let by_id: Option<String> = tx
            .query_row(
                "SELECT id FROM client WHERE id = ?1",
                [file.client.id.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        let by_name: Option<String> = tx
            .query_row(
                "SELECT id FROM client WHERE name = ?1 COLLATE NOCASE",
                [&file.client.name],
                |row| row.get(0),
            )
            .optional()?;
        let client_id = match (by_id, by_name) {
            (Some(id), _) | (None, Some(id)) => parse_uuid(&id)?,
            (None, None) => {
                let c = &file.client;
                tx.execute(
                    "INSERT INTO client (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
                    params![
                        c.id.to_string(),
                        c.name,
                        timestamp(c.created_at),
                        timestamp(c.updated_at)
                    ],
                )?;
                c.id
            }
        };

        // A baseline that is not in this database is not linked.
        let mut notice = None;
        let baseline_id = match file.assessment.baseline_id {
            Some(id) => tx
                .query_row(
                    "SELECT id FROM assessment WHERE id = ?1",
                    [id.to_string()],
                    |row| row.get::<_, String>(0),
                )
                .optional()?
                .map(|_| id),
            None => None,
        };
        if file.assessment.baseline_id.is_some() && baseline_id.is_none() {
            notice = Some(
                "It is a follow-up, but its baseline is not in this database, so it was imported \
                 without one. To see its progress, import the baseline's file, then this file \
                 again, replacing it."
                    .to_owned(),
            );
        }
        let mut a = Assessment {
            client_id,
            baseline_id,
            ..file.assessment.clone()
        };
        crate::assessments::insert_assessment_row(&tx, &a)?;
        for follower in &followers {
            tx.execute(
                "UPDATE assessment SET baseline_id = ?2 WHERE id = ?1",
                params![follower, a.id.to_string()],
            )?;
        }
        // A baseline that is (a follow-up of) a follow-up of this assessment
        // would make a loop, each measured against the other: not linked.
        if let Some(baseline) = a.baseline_id {
            let loops: bool = tx.query_row(
                "WITH RECURSIVE chain(id) AS (
                     SELECT ?1
                     UNION
                     SELECT x.baseline_id FROM assessment x JOIN chain ON x.id = chain.id
                     WHERE x.baseline_id IS NOT NULL)
                 SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?2)",
                params![baseline.to_string(), a.id.to_string()],
                |row| row.get(0),
            )?;
            if loops {
                tx.execute(
                    "UPDATE assessment SET baseline_id = NULL WHERE id = ?1",
                    [a.id.to_string()],
                )?;
                a.baseline_id = None;
                notice = Some(
                    "Its baseline is itself a follow-up of this assessment, so it was imported \
                     without a baseline."
                        .to_owned(),
                );
            }
        }
        for r in &file.responses {
            let changed = r.updated_at.unwrap_or(a.updated_at);
            crate::responses::upsert_response(&tx, a.id, r, changed)?;
        }
        for f in &file.findings {
            crate::findings::insert_finding(&tx, a.id, f)?;
        }
        for k in &file.kpis {
            crate::kpis::insert_kpi(&tx, a.id, k)?;
        }
        for p in &file.practices {
            crate::practices::write(&tx, a.id, p)?;
        }
        crate::narrative::write_all(
            &tx,
            clausewise_core::Catalogue::builtin(),
            a.id,
            &file.narrative,
        )?;
        import_engagement(&tx, &file, a.id, client_id, files)?;
        for d in &file.documents {
            crate::documents::write(&tx, a.id, d)?;
        }
        // Content only the replaced assessment used and the file no longer
        // lists goes now.
        crate::evidence::release_unused(&tx)?;
        crate::history::store_recorded(&tx, a.id, &file.history)?;
        tx.commit()?;
        Ok(Imported {
            assessment: a,
            notice,
        })
    }
}
