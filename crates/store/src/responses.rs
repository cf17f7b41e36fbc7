//! Clause responses: one row per assessment and requirement, written in one
//! transaction per change.

use chrono::{DateTime, Utc};
use clausewise_core::dashboard::{dashboard, Dashboard};
use clausewise_core::judgement::{standing, standings};
use clausewise_core::response::ResponseEdit;
use clausewise_core::view::{SavedResponse, Workspace};
use clausewise_core::{scorecard, Catalogue, ClauseResponse, Rating};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{enum_text, now, parse_enum, time_column, timestamp, touch_assessment};
use crate::{Store, StoreError};

fn response_from_row(row: &Row<'_>) -> rusqlite::Result<ClauseResponse> {
    let kind: String = row.get("rating")?;
    let rating = match kind.as_str() {
        "level" => Rating::Level {
            level: row.get("level")?,
        },
        "not_applicable" => Rating::NotApplicable,
        _ => Rating::NotAssessed,
    };
    Ok(ClauseResponse {
        clause_id: row.get("clause_id")?,
        rating,
        target_level: row.get("target_level")?,
        na_justification: row.get("na_justification")?,
        na_basis: parse_enum(&row.get::<_, String>("na_basis")?)?,
        judgement: parse_enum(&row.get::<_, String>("judgement")?)?,
        notes: row.get("notes")?,
        evidence: row.get("evidence")?,
        interviewees: row.get("interviewees")?,
        carried_over: row.get("carried_over")?,
        updated_at: Some(time_column(row, "updated_at")?),
    })
}

fn rating_columns(rating: Rating) -> (&'static str, Option<u8>) {
    match rating {
        Rating::NotAssessed => ("not_assessed", None),
        Rating::NotApplicable => ("not_applicable", None),
        Rating::Level { level } => ("level", Some(level)),
    }
}

/// Every stored response of every assessment, by assessment id.
pub(crate) fn all_responses(
    conn: &rusqlite::Connection,
) -> Result<std::collections::HashMap<String, Vec<ClauseResponse>>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT * FROM clause_response")?;
    let mut rows = stmt.query([])?;
    let mut all: std::collections::HashMap<String, Vec<ClauseResponse>> = Default::default();
    while let Some(row) = rows.next()? {
        let id: String = row.get("assessment_id")?;
        all.entry(id).or_default().push(response_from_row(row)?);
    }
    Ok(all)
}

impl Store {
    /// The stored responses of an assessment, in no particular order.
    pub fn list_responses(&self, assessment_id: Uuid) -> Result<Vec<ClauseResponse>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT * FROM clause_response WHERE assessment_id = ?1")?;
        let rows = stmt.query_map([assessment_id.to_string()], response_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Everything the clause-by-clause workspace shows for one assessment.
    pub fn workspace(&self, assessment_id: Uuid) -> Result<Workspace, StoreError> {
        let assessment = self.get_assessment(assessment_id)?;
        let client_name: String = self.conn.query_row(
            "SELECT name FROM client WHERE id = ?1",
            [assessment.client_id.to_string()],
            |row| row.get(0),
        )?;
        let responses = self.list_responses(assessment_id)?;
        let catalogue = Catalogue::builtin();
        let scorecard = scorecard(catalogue, &responses, assessment.target_level);
        let findings = self.list_findings(assessment_id)?;
        Ok(Workspace {
            assessment,
            client_name,
            standings: standings(catalogue, &responses, &findings),
            responses,
            scorecard,
            documents: crate::documents::list(&self.conn, assessment_id)?,
            practices: crate::practices::list(&self.conn, assessment_id)?,
        })
    }

    /// Scores, the two verdicts, chart model, finding and KPI counts of an assessment.
    pub fn dashboard(&self, assessment_id: Uuid) -> Result<Dashboard, StoreError> {
        let assessment = self.get_assessment(assessment_id)?;
        Ok(dashboard(
            Catalogue::builtin(),
            assessment.target_level,
            &self.list_responses(assessment_id)?,
            &self.list_findings(assessment_id)?,
            &self.list_kpis(assessment_id)?,
            &crate::documents::list(&self.conn, assessment_id)?,
            &crate::practices::list(&self.conn, assessment_id)?,
        ))
    }

    /// Validates and stores one requirement's response, and marks the
    /// assessment changed, in one transaction: when this returns, the change
    /// is on disk. Returns the saved response and the new roll-up.
    pub fn save_response(
        &mut self,
        assessment_id: Uuid,
        response: &ClauseResponse,
    ) -> Result<SavedResponse, StoreError> {
        let catalogue = Catalogue::builtin();
        let mut saved = response.validated(catalogue)?;
        let now = now();
        saved.updated_at = Some(now);

        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        upsert_response(&tx, assessment_id, &saved, now)?;
        commit_change(tx)?;
        self.saved_response(assessment_id, saved)
    }

    /// Changes one field of one requirement's response, in one transaction,
    /// leaving its other fields as stored: when this returns, the change is
    /// on disk. Only the edited field is checked, so a field the consultant
    /// has yet to shorten never holds back another one.
    pub fn edit_response(
        &mut self,
        assessment_id: Uuid,
        clause_id: &str,
        edit: &ResponseEdit,
    ) -> Result<SavedResponse, StoreError> {
        let catalogue = Catalogue::builtin();
        let now = now();
        // Immediate: the stored response is read under the write lock, so a
        // concurrent writer's change to another field is never overwritten.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let stored = tx
            .prepare_cached(
                "SELECT * FROM clause_response WHERE assessment_id = ?1 AND clause_id = ?2",
            )?
            .query_row(
                params![assessment_id.to_string(), clause_id],
                response_from_row,
            )
            .optional()?
            .unwrap_or_else(|| ClauseResponse::blank(clause_id));
        let mut saved = stored.edited(edit, catalogue)?;
        saved.updated_at = Some(now);
        upsert_response(&tx, assessment_id, &saved, now)?;
        commit_change(tx)?;
        self.saved_response(assessment_id, saved)
    }

    fn saved_response(
        &self,
        assessment_id: Uuid,
        saved: ClauseResponse,
    ) -> Result<SavedResponse, StoreError> {
        let default_target: u8 = self.conn.query_row(
            "SELECT target_level FROM assessment WHERE id = ?1",
            [assessment_id.to_string()],
            |row| row.get(0),
        )?;
        let responses = self.list_responses(assessment_id)?;
        let findings = self.list_findings(assessment_id)?;
        let at: Vec<_> = findings
            .iter()
            .filter(|f| f.clause_id == saved.clause_id)
            .collect();
        Ok(SavedResponse {
            standing: standing(&saved, &at),
            response: saved,
            scorecard: scorecard(Catalogue::builtin(), &responses, default_target),
        })
    }
}

/// Inserts or replaces one validated response inside `tx`.
pub(crate) fn upsert_response(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    r: &ClauseResponse,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (kind, level) = rating_columns(r.rating);
    // Cached: the statement carries the history's triggers, which are
    // compiled with it.
    tx.prepare_cached(
        "INSERT INTO clause_response
             (assessment_id, clause_id, rating, level, target_level, na_justification,
              notes, evidence, interviewees, carried_over, updated_at, judgement, na_basis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (assessment_id, clause_id) DO UPDATE SET
             rating = excluded.rating,
             level = excluded.level,
             target_level = excluded.target_level,
             na_justification = excluded.na_justification,
             notes = excluded.notes,
             evidence = excluded.evidence,
             interviewees = excluded.interviewees,
             carried_over = excluded.carried_over,
             updated_at = excluded.updated_at,
             judgement = excluded.judgement,
             na_basis = excluded.na_basis",
    )?
    .execute(params![
        assessment_id.to_string(),
        r.clause_id,
        kind,
        level,
        r.target_level,
        r.na_justification,
        r.notes,
        r.evidence,
        r.interviewees,
        r.carried_over,
        timestamp(now),
        enum_text(r.judgement),
        enum_text(r.na_basis),
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpenMode;
    use clausewise_core::ErrorCode;

    #[test]
    fn a_full_disk_is_a_clear_message_and_loses_nothing_saved() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store =
            Store::open(&dir.path().join("full.db"), OpenMode::CreateIfMissing).expect("open");
        let id = store.create_demo().expect("demo").id;
        let before = store.list_responses(id).expect("responses");
        // Let the file grow no further: SQLite then fails exactly as on a full disk.
        let pages: i64 = store
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .expect("page count");
        store
            .conn
            .pragma_update(None, "max_page_count", pages)
            .expect("cap");
        let big = ClauseResponse {
            rating: Rating::Level { level: 4 },
            notes: "Workshop transcript. ".repeat(15_000),
            ..ClauseResponse::blank("9.3")
        };
        let err = store.save_response(id, &big).expect_err("no room");
        assert_eq!(err.code(), ErrorCode::Storage);
        assert_eq!(
            err.to_string(),
            "The disk is full: nothing was saved. Free some space and try again."
        );
        assert_eq!(store.list_responses(id).expect("responses"), before);
        assert!(store.check().expect("check").is_ok());
    }

    #[test]
    fn a_read_only_database_is_a_clear_message() {
        let mut store = Store::open_in_memory().expect("open");
        let id = store.create_demo().expect("demo").id;
        // As root, file permissions do not stop writes; SQLite's own switch
        // fails writes the way a read-only file or folder does.
        store
            .conn
            .pragma_update(None, "query_only", true)
            .expect("read-only");
        let err = store
            .save_response(id, &ClauseResponse::blank("4.1"))
            .expect_err("read-only");
        assert_eq!(err.code(), ErrorCode::Storage);
        assert_eq!(
            err.to_string(),
            "The database cannot be written (read-only file or folder): nothing was saved."
        );
    }
}
