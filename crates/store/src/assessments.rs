//! Clients and assessments.

use chrono::{DateTime, Utc};
use clausewise_core::assessment::validate_title;
use clausewise_core::{
    Assessment, AssessmentStatus, AssessmentSummary, Catalogue, Client, NewAssessment,
};
use rusqlite::{params, OptionalExtension, Row, TransactionBehavior};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{
    now, optional_date, optional_uuid, parse_uuid, time_column, timestamp, touch_assessment,
};
use crate::{Store, StoreError};

fn parse_status(text: &str) -> rusqlite::Result<AssessmentStatus> {
    AssessmentStatus::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown assessment status {text:?}").into(),
        )
    })
}

pub(crate) fn client_from_row(row: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        name: row.get("name")?,
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    })
}

fn assessment_from_row(row: &Row<'_>) -> rusqlite::Result<Assessment> {
    let catalogue_id: String = row.get("catalogue_id")?;
    let stored_version: String = row.get("catalogue_version")?;
    // An assessment recorded against an edition the built-in catalogue
    // supersedes (same clause ids) is read as following the current one, so
    // it exports as such; the row itself is left as it is, which needs no
    // write and also works on a read-only database.
    let catalogue_version = Catalogue::builtin()
        .current_version(&catalogue_id, &stored_version)
        .to_owned();
    Ok(Assessment {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        client_id: parse_uuid(&row.get::<_, String>("client_id")?)?,
        title: row.get("title")?,
        scope: row.get("scope")?,
        assessors: row.get("assessors")?,
        target_level: row.get("target_level")?,
        starts_on: optional_date(row, "starts_on")?,
        ends_on: optional_date(row, "ends_on")?,
        status: parse_status(&row.get::<_, String>("status")?)?,
        catalogue_id,
        catalogue_version,
        baseline_id: optional_uuid(row, "baseline_id")?,
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    })
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<AssessmentSummary> {
    Ok(AssessmentSummary {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        title: row.get("title")?,
        client_id: parse_uuid(&row.get::<_, String>("client_id")?)?,
        client_name: row.get("client_name")?,
        status: parse_status(&row.get::<_, String>("status")?)?,
        target_level: row.get("target_level")?,
        baseline_id: optional_uuid(row, "baseline_id")?,
        baseline_title: row.get("baseline_title")?,
        // Filled in from the responses by `list_assessments`.
        overall: None,
        assessed: 0,
        assessable: 0,
        follow_up_title: String::new(),
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    })
}

impl Store {
    pub fn list_clients(&self) -> Result<Vec<Client>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT * FROM client ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], client_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// All assessments, most recently changed first, each with its overall
    /// maturity and how many requirements are assessed.
    pub fn list_assessments(&self) -> Result<Vec<AssessmentSummary>, StoreError> {
        // One read transaction: the rows and their scores from one moment.
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let mut list = self.assessment_rows()?;
        let mut responses = crate::responses::all_responses(&self.conn)?;
        tx.finish()?;
        for a in &mut list {
            let card = clausewise_core::scorecard(
                Catalogue::builtin(),
                &responses.remove(&a.id.to_string()).unwrap_or_default(),
                a.target_level,
            );
            a.overall = card.overall;
            a.assessed = card.assessed;
            a.assessable = card.assessable;
            a.follow_up_title = clausewise_core::progress::follow_up_title(&a.title);
        }
        Ok(list)
    }

    fn assessment_rows(&self) -> Result<Vec<AssessmentSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.title, a.client_id, c.name AS client_name, a.status, a.target_level,
                    b.id AS baseline_id, b.title AS baseline_title, a.created_at, a.updated_at
             FROM assessment a JOIN client c ON c.id = a.client_id
             LEFT JOIN assessment b ON b.id = a.baseline_id
             ORDER BY a.updated_at DESC, a.title",
        )?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_assessment(&self, id: Uuid) -> Result<Assessment, StoreError> {
        self.conn
            .prepare_cached("SELECT * FROM assessment WHERE id = ?1")?
            .query_row([id.to_string()], assessment_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "assessment" })
    }

    /// Validates the input, files it under the client of that name (created
    /// if new) and stores the assessment, all in one transaction.
    pub fn create_assessment(&mut self, input: &NewAssessment) -> Result<Assessment, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let assessment = insert_assessment(&tx, input)?;
        tx.commit()?;
        Ok(assessment)
    }
}

/// Inserts a validated assessment (and its client if new) inside `tx`.
fn insert_assessment(
    tx: &rusqlite::Transaction<'_>,
    input: &NewAssessment,
) -> Result<Assessment, StoreError> {
    let input = input.validated()?;
    let catalogue = Catalogue::builtin();
    let now = now();
    let client_id = client_named(tx, &input.client_name, now)?;
    let assessment = Assessment {
        id: Uuid::new_v4(),
        client_id,
        title: input.title,
        scope: input.scope,
        assessors: input.assessors,
        target_level: input.target_level,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        status: AssessmentStatus::Draft,
        catalogue_id: catalogue.id.clone(),
        catalogue_version: catalogue.version.clone(),
        baseline_id: None,
        created_at: now,
        updated_at: now,
    };
    insert_assessment_row(tx, &assessment)?;
    Ok(assessment)
}

/// The client of that name (any letter case), created if there is none.
fn client_named(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM client WHERE name = ?1 COLLATE NOCASE",
            [name],
            |row| row.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => Ok(parse_uuid(&id)?),
        None => {
            let id = Uuid::new_v4();
            tx.execute(
                "INSERT INTO client (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![id.to_string(), name, timestamp(now)],
            )?;
            Ok(id)
        }
    }
}

/// Writes one assessment row as given (ids and timestamps included).
pub(crate) fn insert_assessment_row(
    tx: &rusqlite::Transaction<'_>,
    a: &Assessment,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO assessment
                 (id, client_id, title, scope, assessors, target_level, starts_on, ends_on,
                  status, catalogue_id, catalogue_version, baseline_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            a.id.to_string(),
            a.client_id.to_string(),
            a.title,
            a.scope,
            a.assessors,
            a.target_level,
            a.starts_on.map(|d| d.to_string()),
            a.ends_on.map(|d| d.to_string()),
            a.status.as_str(),
            a.catalogue_id,
            a.catalogue_version,
            a.baseline_id.map(|id| id.to_string()),
            timestamp(a.created_at),
            timestamp(a.updated_at),
        ],
    )?;
    Ok(())
}

impl Store {
    pub fn rename_assessment(&mut self, id: Uuid, title: &str) -> Result<Assessment, StoreError> {
        let title = validate_title(title)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        touch_assessment(&tx, id)?;
        tx.execute(
            "UPDATE assessment SET title = ?2 WHERE id = ?1",
            params![id.to_string(), title],
        )?;
        commit_change(tx)?;
        self.get_assessment(id)
    }

    /// Changes the details typed when the assessment was created: client,
    /// title, scope, assessors, target and fieldwork dates, in one
    /// transaction. Naming another client files the assessment under that
    /// client (created if new); the former client stays.
    pub fn update_assessment(
        &mut self,
        id: Uuid,
        details: &NewAssessment,
    ) -> Result<Assessment, StoreError> {
        let details = details.validated()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        touch_assessment(&tx, id)?;
        let client_id = client_named(&tx, &details.client_name, now())?;
        tx.execute(
            "UPDATE assessment SET client_id = ?2, title = ?3, scope = ?4, assessors = ?5,
                 target_level = ?6, starts_on = ?7, ends_on = ?8
             WHERE id = ?1",
            params![
                id.to_string(),
                client_id.to_string(),
                details.title,
                details.scope,
                details.assessors,
                details.target_level,
                details.starts_on.map(|d| d.to_string()),
                details.ends_on.map(|d| d.to_string()),
            ],
        )?;
        commit_change(tx)?;
        self.get_assessment(id)
    }

    /// Marks the assessment final (issued to the client; no further changes)
    /// or reopens it as a draft.
    pub fn set_assessment_status(
        &mut self,
        id: Uuid,
        status: AssessmentStatus,
    ) -> Result<Assessment, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE assessment SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.to_string(), status.as_str(), timestamp(now())],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "assessment" });
        }
        tx.commit()?;
        self.get_assessment(id)
    }

    /// Deletes the assessment; its client stays (clients outlive assessments).
    pub fn delete_assessment(&mut self, id: Uuid) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let deleted = tx.execute("DELETE FROM assessment WHERE id = ?1", [id.to_string()])?;
        if deleted == 0 {
            return Err(StoreError::NotFound { what: "assessment" });
        }
        crate::evidence::release_unused(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// Adds the demo client and assessment with all its responses, findings
    /// and KPIs (see `clausewise_core::demo`), in one transaction.
    pub fn create_demo(&mut self) -> Result<Assessment, StoreError> {
        self.create_demo_with(0)
    }

    /// The demo plus `extra_findings` generated findings (for benchmarks).
    pub fn create_demo_with(&mut self, extra_findings: usize) -> Result<Assessment, StoreError> {
        let demo = clausewise_core::demo::demo(extra_findings);
        let catalogue = Catalogue::builtin();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let assessment = insert_assessment(&tx, &demo.assessment)?;
        let now = now();
        for response in &demo.responses {
            crate::responses::upsert_response(
                &tx,
                assessment.id,
                &response.validated(catalogue)?,
                now,
            )?;
        }
        let mut findings = Vec::with_capacity(demo.findings.len());
        for input in &demo.findings {
            let finding = crate::findings::new_finding(input.validated(catalogue)?, now);
            crate::findings::insert_finding(&tx, assessment.id, &finding)?;
            findings.push(finding);
        }
        for check in &demo.documents {
            crate::documents::write(&tx, assessment.id, check)?;
        }
        for practice in &demo.practices {
            crate::practices::write(&tx, assessment.id, practice)?;
        }
        for kpi in &demo.kpis {
            let mut input = kpi.input.validated(catalogue)?;
            input.finding_ids = kpi
                .drives
                .iter()
                .filter_map(|title| findings.iter().find(|f| &f.title == title).map(|f| f.id))
                .collect();
            crate::kpis::insert_kpi(&tx, assessment.id, &input.into_kpi(now))?;
        }
        insert_demo_engagement(&tx, &assessment, &demo.engagement, &findings)?;
        crate::narrative::write_all(&tx, catalogue, assessment.id, &demo.engagement.narrative)?;
        tx.commit()?;
        Ok(assessment)
    }
}

/// The demo's scope, people, interviews, evidence (with its generated
/// attachments) and document register, keys resolved to ids.
fn insert_demo_engagement(
    tx: &rusqlite::Transaction<'_>,
    assessment: &Assessment,
    demo: &clausewise_core::demo::DemoEngagement,
    findings: &[clausewise_core::finding::Finding],
) -> Result<(), StoreError> {
    use clausewise_core::engagement::{EvidenceInput, Interview, Person, ScopeItem};
    use std::collections::HashMap;
    let catalogue = Catalogue::builtin();
    let mut scope: HashMap<&str, Uuid> = HashMap::new();
    for s in &demo.scope {
        let item = ScopeItem {
            id: Uuid::new_v4(),
            kind: s.item.kind,
            name: s.item.name.clone(),
            owner: s.item.owner.clone(),
            criticality: s.item.criticality,
            customers: s.item.customers.clone(),
            reference: s.item.reference.clone(),
            processes: s.item.processes.clone(),
        };
        crate::people::write_scope(tx, assessment.id, &item)?;
        scope.insert(&s.key, item.id);
    }
    let mut people: HashMap<&str, Uuid> = HashMap::new();
    for p in &demo.people {
        // The demo client may have people already (the demo added before).
        let known: Option<String> = tx
            .query_row(
                "SELECT id FROM person WHERE client_id = ?1 AND name = ?2",
                rusqlite::params![assessment.client_id.to_string(), p.name],
                |row| row.get(0),
            )
            .optional()?;
        let id = match known {
            Some(id) => crate::sql::parse_uuid(&id)?,
            None => {
                let person = Person {
                    id: Uuid::new_v4(),
                    name: p.name.clone(),
                    role: p.role.clone(),
                    unit: p.unit.clone(),
                    site: p.site.clone(),
                    email: p.email.clone(),
                };
                crate::people::write_person(tx, assessment.client_id, &person)?;
                person.id
            }
        };
        people.insert(&p.key, id);
    }
    for i in &demo.interviews {
        let interview = Interview {
            id: Uuid::new_v4(),
            held_on: i.held_on,
            time: i.time.clone(),
            person_ids: i
                .people
                .iter()
                .filter_map(|k| people.get(k.as_str()).copied())
                .collect(),
            clause_ids: i.clause_ids.clone(),
            notes: i.notes.clone(),
        };
        crate::people::write_interview(tx, assessment.id, assessment.client_id, &interview)?;
    }
    let finding_ids: Vec<Uuid> = findings.iter().map(|f| f.id).collect();
    let scope_ids: Vec<Uuid> = scope.values().copied().collect();
    let mut evidence: HashMap<&str, Uuid> = HashMap::new();
    for e in &demo.evidence {
        let input = EvidenceInput {
            kind: e.kind,
            title: e.title.clone(),
            version: e.version.clone(),
            owner: e.owner.clone(),
            seen_on: e.seen_on,
            location: e.location.clone(),
            notes: e.notes.clone(),
            clause_ids: e.clause_ids.clone(),
            finding_ids: e
                .findings
                .iter()
                .filter_map(|t| findings.iter().find(|f| &f.title == t).map(|f| f.id))
                .collect(),
            scope_ids: e
                .scope
                .iter()
                .filter_map(|k| scope.get(k.as_str()).copied())
                .collect(),
            sampling: e.sampling,
        }
        .validated(catalogue, &finding_ids, &scope_ids)?;
        let item = input.into_item(Uuid::new_v4(), e.key.clone(), Vec::new());
        crate::evidence::write_row(tx, assessment.id, &item, now())?;
        evidence.insert(&e.key, item.id);
    }
    // A finding concerns the services, sites and parties of the evidence
    // that backs it.
    for f in findings {
        let mut concerns: Vec<Uuid> = Vec::new();
        for e in demo
            .evidence
            .iter()
            .filter(|e| e.findings.contains(&f.title))
        {
            for k in &e.scope {
                if let Some(id) = scope.get(k.as_str()) {
                    if !concerns.contains(id) {
                        concerns.push(*id);
                    }
                }
            }
        }
        if !concerns.is_empty() {
            crate::people::write_finding_scope(tx, assessment.id, f.id, &concerns)?;
        }
    }
    for a in clausewise_core::demo::demo_attachments() {
        let Some(&item) = evidence.get(a.code) else {
            continue;
        };
        let (sha256, size) =
            crate::evidence::hash_reader(&mut a.content.as_slice()).map_err(|e| {
                StoreError::Io {
                    path: a.name.into(),
                    source: e,
                }
            })?;
        if !crate::evidence::has_blob(tx, &sha256)? {
            crate::evidence::store_blob(tx, &sha256, size, &mut a.content.as_slice())
                .map_err(|e| e.into_error(a.name))?;
        }
        crate::evidence::link_file(
            tx,
            item,
            &clausewise_core::engagement::EvidenceFile {
                sha256,
                name: a.name.to_owned(),
                size,
                added_at: now(),
                stored: true,
            },
        )?;
    }
    for d in &demo.documents {
        crate::documents::write(
            tx,
            assessment.id,
            &clausewise_core::verdicts::DocumentCheck {
                clause_id: d.clause_id.clone(),
                item: d.item.clone(),
                present: d.present,
                approved: d.approved,
                current: d.current,
                evidence_id: d.evidence.as_deref().and_then(|k| evidence.get(k).copied()),
            },
        )?;
    }
    Ok(())
}
