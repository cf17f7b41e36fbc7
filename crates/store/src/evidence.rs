//! The evidence register and its attached files. A file's content is kept
//! in the database once per SHA-256 (`file_blob`), however many items use
//! it; it goes when the last item that uses it lets go. It is
//! written and read in pieces, so a large file never has to fit in memory,
//! and its hash is checked whenever it is read back.

use std::io::{Read, Write};
use std::path::Path;

use clausewise_core::engagement::{
    describe_size, file_name, next_code, EvidenceFile, EvidenceInput, EvidenceItem, EvidenceKind,
    Sampling, MAX_ATTACHMENT_BYTES, MAX_FILES_PER_ITEM,
};
use clausewise_core::Catalogue;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, MAIN_DB};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{
    json_column, json_text, now, optional_date, parse_uuid, read_time, timestamp, touch_assessment,
};
use crate::{Store, StoreError};

/// Pieces files are read and written in.
const CHUNK: usize = 256 * 1024;

/// Why a file cannot be attached, read back or carried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachmentError {
    #[error(
        "“{name}” is {}; an attached file may be at most {}. Attach a smaller export or a \
         reference to where it is kept.",
        describe_size(*size),
        describe_size(MAX_ATTACHMENT_BYTES)
    )]
    TooLarge { name: String, size: u64 },
    #[error("“{name}” is a folder; attach the files in it one by one.")]
    Folder { name: String },
    #[error("“{name}” is not there any more (it was moved or deleted before it could be read).")]
    Vanished { name: String },
    #[error("“{name}” cannot be read: {reason}.")]
    Unreadable { name: String, reason: String },
    #[error("“{name}” changed while it was being read; nothing was attached. Try again.")]
    Changed { name: String },
    #[error(
        "The stored copy of “{name}” does not match its SHA-256 any more: it is damaged. \
         Attach the file again from the original."
    )]
    Damaged { name: String },
    #[error(
        "The content of “{name}” is not in this database: the assessment was imported from a \
         file exported without its attachments. Attach it again, or import the package that \
         carries it."
    )]
    NotStored { name: String },
    #[error("“{name}” is attached to {code} already.")]
    AlreadyAttached { name: String, code: String },
    #[error("An evidence item holds at most {MAX_FILES_PER_ITEM} files.")]
    TooMany,
    #[error("No file with SHA-256 {sha256} is attached to this item.")]
    NotAttached { sha256: String },
}

fn evidence_from_row(row: &Row<'_>) -> rusqlite::Result<EvidenceItem> {
    let kind: String = row.get("kind")?;
    let population: Option<u32> = row.get("population")?;
    let sample: Option<u32> = row.get("sample")?;
    let exceptions: Option<u32> = row.get("exceptions")?;
    Ok(EvidenceItem {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        code: row.get("code")?,
        kind: EvidenceKind::parse(&kind).unwrap_or(EvidenceKind::Document),
        title: row.get("title")?,
        version: row.get("version")?,
        owner: row.get("owner")?,
        seen_on: optional_date(row, "seen_on")?,
        location: row.get("location")?,
        notes: row.get("notes")?,
        clause_ids: json_column(row, "clause_ids")?,
        finding_ids: json_column(row, "finding_ids")?,
        scope_ids: json_column(row, "scope_ids")?,
        sampling: match (population, sample, exceptions) {
            (Some(population), Some(sample), Some(exceptions)) => Some(Sampling {
                population,
                sample,
                exceptions,
            }),
            _ => None,
        },
        files: Vec::new(),
    })
}

fn files_of(conn: &Connection, evidence_id: &str) -> Result<Vec<EvidenceFile>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.sha256, f.name, f.size, f.added_at,
                EXISTS (SELECT 1 FROM file_blob b WHERE b.sha256 = f.sha256) AS stored
           FROM evidence_file f WHERE f.evidence_id = ?1 ORDER BY f.position, f.rowid",
    )?;
    let rows = stmt
        .query_map([evidence_id], |row| {
            Ok(EvidenceFile {
                sha256: row.get(0)?,
                name: row.get(1)?,
                size: row.get::<_, i64>(2)?.max(0) as u64,
                added_at: read_time(&row.get::<_, String>(3)?),
                stored: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The register of an assessment in code order, each item with its files.
/// Links to findings deleted since are left out (undoing the deletion
/// brings them back).
pub(crate) fn list(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<EvidenceItem>, StoreError> {
    let findings: Vec<Uuid> = conn
        .prepare_cached("SELECT id FROM finding WHERE assessment_id = ?1")?
        .query_map([assessment_id.to_string()], |row| {
            parse_uuid(&row.get::<_, String>(0)?)
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM evidence WHERE assessment_id = ?1
          ORDER BY CAST(substr(code, 3) AS INTEGER), code",
    )?;
    let mut items = stmt
        .query_map([assessment_id.to_string()], evidence_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for item in &mut items {
        item.finding_ids.retain(|f| findings.contains(f));
        item.files = files_of(conn, &item.id.to_string())?;
    }
    Ok(items)
}

fn get(conn: &Connection, assessment_id: Uuid, id: Uuid) -> Result<EvidenceItem, StoreError> {
    list(conn, assessment_id)?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(StoreError::NotFound {
            what: "evidence item",
        })
}

fn ids(conn: &Connection, sql: &str, assessment_id: Uuid) -> Result<Vec<Uuid>, StoreError> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([assessment_id.to_string()], |row| {
            parse_uuid(&row.get::<_, String>(0)?)
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn validated(
    conn: &Connection,
    assessment_id: Uuid,
    input: &EvidenceInput,
) -> Result<EvidenceInput, StoreError> {
    let findings = ids(
        conn,
        "SELECT id FROM finding WHERE assessment_id = ?1",
        assessment_id,
    )?;
    let scope = ids(
        conn,
        "SELECT id FROM scope_item WHERE assessment_id = ?1",
        assessment_id,
    )?;
    Ok(input.validated(Catalogue::builtin(), &findings, &scope)?)
}

/// Writes an item's row as given (already validated): a new id is inserted
/// with `created_at`; an existing one keeps the time it was created.
pub(crate) fn write_row(
    conn: &Connection,
    assessment_id: Uuid,
    item: &EvidenceItem,
    created_at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let s = item.sampling;
    conn.execute(
        "INSERT INTO evidence (id, assessment_id, code, kind, title, version, owner, seen_on,
                location, notes, clause_ids, finding_ids, scope_ids, population, sample,
                exceptions, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title,
                version = excluded.version, owner = excluded.owner, seen_on = excluded.seen_on,
                location = excluded.location, notes = excluded.notes,
                clause_ids = excluded.clause_ids, finding_ids = excluded.finding_ids,
                scope_ids = excluded.scope_ids, population = excluded.population,
                sample = excluded.sample, exceptions = excluded.exceptions,
                updated_at = excluded.updated_at",
        params![
            item.id.to_string(),
            assessment_id.to_string(),
            item.code,
            item.kind.as_str(),
            item.title,
            item.version,
            item.owner,
            item.seen_on.map(|d| d.format("%Y-%m-%d").to_string()),
            item.location,
            item.notes,
            json_text(&item.clause_ids),
            json_text(&item.finding_ids),
            json_text(&item.scope_ids),
            s.map(|s| s.population),
            s.map(|s| s.sample),
            s.map(|s| s.exceptions),
            timestamp(created_at),
            timestamp(now()),
        ],
    )?;
    Ok(())
}

/// Lists a file on an item (its content stored already, or not at all).
pub(crate) fn link_file(
    conn: &Connection,
    evidence_id: Uuid,
    file: &EvidenceFile,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO evidence_file (evidence_id, sha256, name, size, position, added_at)
         VALUES (?1, ?2, ?3, ?4,
                 (SELECT COALESCE(MAX(position), 0) + 1 FROM evidence_file WHERE evidence_id = ?1),
                 ?5)",
        params![
            evidence_id.to_string(),
            file.sha256,
            file.name,
            file.size as i64,
            timestamp(file.added_at)
        ],
    )?;
    Ok(())
}

/// Removes the content no evidence item uses any more. Called at the end
/// of every transaction that lets go of files, so that a replaced
/// assessment's files stay for the copy that replaces it.
pub(crate) fn release_unused(conn: &Connection) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM file_blob WHERE NOT EXISTS
             (SELECT 1 FROM evidence_file f WHERE f.sha256 = file_blob.sha256)",
        [],
    )?;
    Ok(())
}

/// Whether the database holds the content of `sha256`.
pub(crate) fn has_blob(conn: &Connection, sha256: &str) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM file_blob WHERE sha256 = ?1)",
        [sha256],
        |row| row.get(0),
    )?)
}

/// What went wrong copying content in: the source failed, or it is not
/// what it was said to be.
#[derive(Debug)]
pub(crate) enum Copy {
    Read(std::io::Error),
    Mismatch,
    Store(StoreError),
}

impl Copy {
    /// As an error about the file `name`.
    pub(crate) fn into_error(self, name: &str) -> StoreError {
        match self {
            Copy::Read(e) => AttachmentError::Unreadable {
                name: name.to_owned(),
                reason: e.to_string(),
            }
            .into(),
            Copy::Mismatch => AttachmentError::Changed {
                name: name.to_owned(),
            }
            .into(),
            Copy::Store(e) => e,
        }
    }
}

impl From<rusqlite::Error> for Copy {
    fn from(e: rusqlite::Error) -> Copy {
        Copy::Store(e.into())
    }
}

/// Stores `size` bytes read from `source` as the content of `sha256`,
/// hashing as it goes: the content must be exactly `size` bytes with that
/// hash, else nothing is kept (the caller's transaction is rolled back).
pub(crate) fn store_blob(
    tx: &Transaction<'_>,
    sha256: &str,
    size: u64,
    source: &mut dyn Read,
) -> Result<(), Copy> {
    if size > MAX_ATTACHMENT_BYTES {
        return Err(Copy::Mismatch);
    }
    tx.execute(
        "INSERT INTO file_blob (sha256, size, content) VALUES (?1, ?2, zeroblob(?2))",
        params![sha256, size as i64],
    )?;
    let rowid = tx.last_insert_rowid();
    let mut blob = tx.blob_open(MAIN_DB, c"file_blob", c"content", rowid, false)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut written: u64 = 0;
    loop {
        let n = source.read(&mut buf).map_err(Copy::Read)?;
        if n == 0 {
            break;
        }
        if written + n as u64 > size {
            return Err(Copy::Mismatch);
        }
        hasher.update(&buf[..n]);
        blob.write_all(&buf[..n]).map_err(|e| {
            Copy::Store(StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(
                e.into(),
            )))
        })?;
        written += n as u64;
    }
    blob.close()?;
    if written != size || hex(&hasher.finalize()) != sha256 {
        return Err(Copy::Mismatch);
    }
    Ok(())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 and length of everything `source` yields.
pub fn hash_reader(source: &mut dyn Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = source.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Ok((hex(&hasher.finalize()), total))
}

/// Streams the stored content of `sha256` into `out`, checking the hash:
/// on a mismatch `out` has received damaged bytes and the caller must drop
/// them. Returns the number of bytes.
pub(crate) fn copy_blob(
    conn: &Connection,
    sha256: &str,
    name: &str,
    out: &mut dyn Write,
) -> Result<u64, StoreError> {
    let rowid: Option<i64> = conn
        .query_row(
            "SELECT rowid FROM file_blob WHERE sha256 = ?1",
            [sha256],
            |row| row.get(0),
        )
        .optional()?;
    let Some(rowid) = rowid else {
        return Err(AttachmentError::NotStored {
            name: name.to_owned(),
        }
        .into());
    };
    let mut blob = conn.blob_open(MAIN_DB, c"file_blob", c"content", rowid, true)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = blob.read(&mut buf).map_err(|e| StoreError::Io {
            path: name.into(),
            source: e,
        })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(|e| StoreError::Io {
            path: name.into(),
            source: e,
        })?;
        total += n as u64;
    }
    if hex(&hasher.finalize()) != sha256 {
        return Err(AttachmentError::Damaged {
            name: name.to_owned(),
        }
        .into());
    }
    Ok(total)
}

fn open_source(path: &Path, name: &str) -> Result<(std::fs::File, u64), AttachmentError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(AttachmentError::Vanished {
                name: name.to_owned(),
            })
        }
        Err(e) => {
            return Err(AttachmentError::Unreadable {
                name: name.to_owned(),
                reason: e.to_string(),
            })
        }
    };
    if meta.is_dir() {
        return Err(AttachmentError::Folder {
            name: name.to_owned(),
        });
    }
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentError::TooLarge {
            name: name.to_owned(),
            size: meta.len(),
        });
    }
    match std::fs::File::open(path) {
        Ok(f) => Ok((f, meta.len())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(AttachmentError::Vanished {
            name: name.to_owned(),
        }),
        Err(e) => Err(AttachmentError::Unreadable {
            name: name.to_owned(),
            reason: e.to_string(),
        }),
    }
}

impl Store {
    /// The evidence register of an assessment, in code order.
    pub fn evidence(&self, assessment_id: Uuid) -> Result<Vec<EvidenceItem>, StoreError> {
        self.get_assessment(assessment_id)?;
        list(&self.conn, assessment_id)
    }

    /// Adds an item to the register under the next free code.
    pub fn add_evidence(
        &mut self,
        assessment_id: Uuid,
        input: &EvidenceInput,
    ) -> Result<EvidenceItem, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let input = validated(&tx, assessment_id, input)?;
        let codes: Vec<String> = tx
            .prepare_cached("SELECT code FROM evidence WHERE assessment_id = ?1")?
            .query_map([assessment_id.to_string()], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let code = next_code(codes.iter().map(String::as_str));
        let item = input.into_item(Uuid::new_v4(), code, Vec::new());
        write_row(&tx, assessment_id, &item, now())?;
        let item = get(&tx, assessment_id, item.id)?;
        commit_change(tx)?;
        Ok(item)
    }

    /// Changes an item's description and links; its code and files stay.
    pub fn update_evidence(
        &mut self,
        assessment_id: Uuid,
        id: Uuid,
        input: &EvidenceInput,
    ) -> Result<EvidenceItem, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let before = get(&tx, assessment_id, id)?;
        let input = validated(&tx, assessment_id, input)?;
        let item = input.into_item(id, before.code, Vec::new());
        write_row(&tx, assessment_id, &item, now())?;
        let item = get(&tx, assessment_id, id)?;
        commit_change(tx)?;
        Ok(item)
    }

    /// Deletes an item. Its files' content stays as long as another item
    /// (of any assessment) still uses it.
    pub fn delete_evidence(&mut self, assessment_id: Uuid, id: Uuid) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let gone = tx.execute(
            "DELETE FROM evidence WHERE id = ?1 AND assessment_id = ?2",
            params![id.to_string(), assessment_id.to_string()],
        )?;
        if gone == 0 {
            return Err(StoreError::NotFound {
                what: "evidence item",
            });
        }
        release_unused(&tx)?;
        commit_change(tx)?;
        Ok(())
    }

    /// Attaches the file at `path` to an item: read once to hash it, then
    /// again into the database (content already here is not stored twice),
    /// all in one transaction. Returns the item with its files.
    pub fn attach_file(
        &mut self,
        assessment_id: Uuid,
        evidence_id: Uuid,
        path: &Path,
    ) -> Result<EvidenceItem, StoreError> {
        let shown = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let name = file_name(&shown)?;
        let (mut first, size) = open_source(path, &name)?;
        let (sha256, hashed) =
            hash_reader(&mut first).map_err(|e| AttachmentError::Unreadable {
                name: name.clone(),
                reason: e.to_string(),
            })?;
        drop(first);
        if hashed != size {
            return Err(AttachmentError::Changed { name }.into());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let item = get(&tx, assessment_id, evidence_id)?;
        if item.files.iter().any(|f| f.sha256 == sha256) {
            return Err(AttachmentError::AlreadyAttached {
                name,
                code: item.code,
            }
            .into());
        }
        if item.files.len() >= MAX_FILES_PER_ITEM {
            return Err(AttachmentError::TooMany.into());
        }
        if !has_blob(&tx, &sha256)? {
            let (mut second, _) = open_source(path, &name)?;
            store_blob(&tx, &sha256, size, &mut second).map_err(|e| e.into_error(&name))?;
        }
        link_file(
            &tx,
            evidence_id,
            &EvidenceFile {
                sha256,
                name,
                size,
                added_at: now(),
                stored: true,
            },
        )?;
        let item = get(&tx, assessment_id, evidence_id)?;
        commit_change(tx)?;
        Ok(item)
    }

    /// Takes a file off an item (its content goes with the last item using it).
    pub fn detach_file(
        &mut self,
        assessment_id: Uuid,
        evidence_id: Uuid,
        sha256: &str,
    ) -> Result<EvidenceItem, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        get(&tx, assessment_id, evidence_id)?;
        let gone = tx.execute(
            "DELETE FROM evidence_file WHERE evidence_id = ?1 AND sha256 = ?2",
            params![evidence_id.to_string(), sha256],
        )?;
        if gone == 0 {
            return Err(AttachmentError::NotAttached {
                sha256: sha256.to_owned(),
            }
            .into());
        }
        release_unused(&tx)?;
        let item = get(&tx, assessment_id, evidence_id)?;
        commit_change(tx)?;
        Ok(item)
    }

    /// Writes the content of one attached file to `out`, hash checked; the
    /// file must be attached to an item of the assessment.
    pub fn read_attachment(
        &self,
        assessment_id: Uuid,
        sha256: &str,
        out: &mut dyn Write,
    ) -> Result<EvidenceFile, StoreError> {
        let file = list(&self.conn, assessment_id)?
            .into_iter()
            .flat_map(|e| e.files)
            .find(|f| f.sha256 == sha256)
            .ok_or_else(|| AttachmentError::NotAttached {
                sha256: sha256.to_owned(),
            })?;
        copy_blob(&self.conn, sha256, &file.name, out)?;
        Ok(file)
    }

    /// Raises the finding an item's sample calls for (see
    /// [`clausewise_core::engagement::sampling_finding`]) and links it to the
    /// item, in one transaction. Returns both.
    pub fn raise_sample_finding(
        &mut self,
        assessment_id: Uuid,
        evidence_id: Uuid,
    ) -> Result<(clausewise_core::finding::Finding, EvidenceItem), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let item = get(&tx, assessment_id, evidence_id)?;
        let input = clausewise_core::engagement::sampling_finding(&item)
            .ok_or(clausewise_core::ValidationError::EmptySample)?;
        let finding = crate::findings::new_finding(input.validated(Catalogue::builtin())?, now());
        crate::findings::insert_finding(&tx, assessment_id, &finding)?;
        let mut linked = EvidenceInput::from(&item);
        linked.finding_ids.push(finding.id);
        write_row(
            &tx,
            assessment_id,
            &linked.into_item(item.id, item.code.clone(), Vec::new()),
            now(),
        )?;
        let item = get(&tx, assessment_id, evidence_id)?;
        commit_change(tx)?;
        Ok((finding, item))
    }

    /// The engagement on record of an assessment, as the app shows it.
    pub fn engagement(
        &self,
        assessment_id: Uuid,
    ) -> Result<clausewise_core::engagement::Engagement, StoreError> {
        self.read(|s| {
            let a = s.get_assessment(assessment_id)?;
            Ok(clausewise_core::engagement::Engagement::new(
                Catalogue::builtin(),
                crate::people::list_scope(&s.conn, assessment_id)?,
                crate::people::list_people(&s.conn, a.client_id)?,
                crate::people::list_interviews(&s.conn, assessment_id)?,
                list(&s.conn, assessment_id)?,
                crate::documents::list(&s.conn, assessment_id)?,
                crate::people::list_finding_scope(&s.conn, assessment_id)?,
            ))
        })
    }

    /// Every stored file of the database by SHA-256 with its size, for checks.
    pub fn stored_files(&self) -> Result<Vec<(String, u64)>, StoreError> {
        Ok(self
            .conn
            .prepare("SELECT sha256, size FROM file_blob ORDER BY sha256")?
            .query_map([], |row| {
                Ok((row.get(0)?, row.get::<_, i64>(1)?.max(0) as u64))
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
