//! Clients and assessments.

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use clausewise_core::assessment::validate_title;
use clausewise_core::{
    Assessment, AssessmentStatus, AssessmentSummary, Catalogue, Client, NewAssessment,
};
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use crate::{Store, StoreError};

/// The current time at the precision stored (microseconds), so that what a
/// write returns equals what a later read gives.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub(crate) fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(crate) fn parse_time(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

pub(crate) fn parse_uuid(text: &str) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn optional_uuid(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<Uuid>> {
    row.get::<_, Option<String>>(column)?
        .as_deref()
        .map(parse_uuid)
        .transpose()
}

fn parse_status(text: &str) -> rusqlite::Result<AssessmentStatus> {
    AssessmentStatus::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown assessment status {text:?}").into(),
        )
    })
}

fn client_from_row(row: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        name: row.get("name")?,
        created_at: parse_time(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_time(&row.get::<_, String>("updated_at")?)?,
    })
}

fn assessment_from_row(row: &Row<'_>) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        client_id: parse_uuid(&row.get::<_, String>("client_id")?)?,
        title: row.get("title")?,
        scope: row.get("scope")?,
        assessors: row.get("assessors")?,
        target_level: row.get("target_level")?,
        status: parse_status(&row.get::<_, String>("status")?)?,
        catalogue_id: row.get("catalogue_id")?,
        catalogue_version: row.get("catalogue_version")?,
        baseline_id: optional_uuid(row, "baseline_id")?,
        created_at: parse_time(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_time(&row.get::<_, String>("updated_at")?)?,
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
        created_at: parse_time(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_time(&row.get::<_, String>("updated_at")?)?,
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

    /// All assessments, most recently changed first.
    pub fn list_assessments(&self) -> Result<Vec<AssessmentSummary>, StoreError> {
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
        let tx = self.conn.transaction()?;
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
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM client WHERE name = ?1 COLLATE NOCASE",
            [&input.client_name],
            |row| row.get(0),
        )
        .optional()?;
    let client_id = match existing {
        Some(id) => parse_uuid(&id)?,
        None => {
            let id = Uuid::new_v4();
            tx.execute(
                "INSERT INTO client (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![id.to_string(), input.client_name, timestamp(now)],
            )?;
            id
        }
    };
    let assessment = Assessment {
        id: Uuid::new_v4(),
        client_id,
        title: input.title,
        scope: input.scope,
        assessors: input.assessors,
        target_level: input.target_level,
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

/// Writes one assessment row as given (ids and timestamps included).
pub(crate) fn insert_assessment_row(
    tx: &rusqlite::Transaction<'_>,
    a: &Assessment,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO assessment
                 (id, client_id, title, scope, assessors, target_level, status,
                  catalogue_id, catalogue_version, baseline_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            a.id.to_string(),
            a.client_id.to_string(),
            a.title,
            a.scope,
            a.assessors,
            a.target_level,
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
        let changed = self.conn.execute(
            "UPDATE assessment SET title = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.to_string(), title, timestamp(now())],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "assessment" });
        }
        self.get_assessment(id)
    }

    /// Deletes the assessment; its client stays (clients outlive assessments).
    pub fn delete_assessment(&mut self, id: Uuid) -> Result<(), StoreError> {
        let deleted = self
            .conn
            .execute("DELETE FROM assessment WHERE id = ?1", [id.to_string()])?;
        if deleted == 0 {
            return Err(StoreError::NotFound { what: "assessment" });
        }
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
        let tx = self.conn.transaction()?;
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
        for input in &demo.findings {
            let finding = crate::findings::new_finding(input.validated(catalogue)?, now);
            crate::findings::insert_finding(&tx, assessment.id, &finding)?;
        }
        for input in &demo.kpis {
            crate::kpis::insert_kpi(
                &tx,
                assessment.id,
                &crate::kpis::new_kpi(input.validated(catalogue)?, now),
            )?;
        }
        tx.commit()?;
        Ok(assessment)
    }
}
