//! Findings of an assessment.

use chrono::{DateTime, NaiveDate, Utc};
use clausewise_core::finding::{Finding, FindingInput, Lifecycle};
use clausewise_core::Catalogue;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{
    enum_text, now, optional_date, parse_enum, parse_uuid, time_column, timestamp, touch_assessment,
};
use crate::{Store, StoreError};

fn finding_from_row(row: &Row<'_>) -> rusqlite::Result<Finding> {
    let phase: Option<String> = row.get("phase")?;
    Ok(Finding {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        clause_id: row.get("clause_id")?,
        kind: parse_enum(&row.get::<_, String>("kind")?)?,
        title: row.get("title")?,
        observation: row.get("observation")?,
        evidence: row.get("evidence")?,
        recommendation: row.get("recommendation")?,
        priority: parse_enum(&row.get::<_, String>("priority")?)?,
        owner: row.get("owner")?,
        due_date: optional_date(row, "due_date")?,
        status: parse_enum(&row.get::<_, String>("status")?)?,
        phase: phase.map(|p| parse_enum(&p)).transpose()?,
        lifecycle: Lifecycle {
            correction: row.get("correction")?,
            root_cause: row.get("root_cause")?,
            corrective_action: row.get("corrective_action")?,
            plan_accepted_on: optional_date(row, "plan_accepted_on")?,
            implemented_on: optional_date(row, "implemented_on")?,
            verified_on: optional_date(row, "verified_on")?,
            verified_by: row.get("verified_by")?,
            verification: row.get("verification")?,
        },
        nc_stage: None,
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    }
    .with_stage())
}

impl Store {
    /// Findings of an assessment in clause order, oldest first per clause.
    pub fn list_findings(&self, assessment_id: Uuid) -> Result<Vec<Finding>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM finding WHERE assessment_id = ?1 ORDER BY created_at, rowid",
        )?;
        let rows = stmt.query_map([assessment_id.to_string()], finding_from_row)?;
        let mut findings: Vec<Finding> = rows.collect::<Result<_, _>>()?;
        findings.sort_by(|a, b| {
            clausewise_core::catalogue::compare_clause_ids(&a.clause_id, &b.clause_id)
        });
        Ok(findings)
    }

    pub fn create_finding(
        &mut self,
        assessment_id: Uuid,
        input: &FindingInput,
    ) -> Result<Finding, StoreError> {
        let finding = new_finding(input.validated(Catalogue::builtin())?, now());
        self.store_finding(assessment_id, &finding)?;
        Ok(finding)
    }

    /// Puts back a finding exactly as it was (undo of a delete).
    pub fn restore_finding(
        &mut self,
        assessment_id: Uuid,
        finding: &Finding,
    ) -> Result<Finding, StoreError> {
        let input = FindingInput {
            clause_id: finding.clause_id.clone(),
            kind: finding.kind,
            title: finding.title.clone(),
            observation: finding.observation.clone(),
            evidence: finding.evidence.clone(),
            recommendation: finding.recommendation.clone(),
            priority: finding.priority,
            owner: finding.owner.clone(),
            due_date: finding.due_date,
            status: finding.status,
            phase: finding.phase,
            lifecycle: finding.lifecycle.clone(),
        }
        // As it was recorded: a finding closed before verification existed
        // comes back as it was.
        .validated_as_recorded(Catalogue::builtin())?;
        let restored = Finding {
            phase: input.phase,
            ..finding.clone()
        }
        .with_stage();
        self.store_finding(assessment_id, &restored)?;
        Ok(restored)
    }

    fn store_finding(&mut self, assessment_id: Uuid, f: &Finding) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        insert_finding(&tx, assessment_id, f)?;
        commit_change(tx)?;
        Ok(())
    }

    pub fn update_finding(
        &mut self,
        assessment_id: Uuid,
        finding_id: Uuid,
        input: &FindingInput,
    ) -> Result<Finding, StoreError> {
        let input = input.validated(Catalogue::builtin())?;
        let now = now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let changed = tx.execute(
            "UPDATE finding SET clause_id = ?3, kind = ?4, title = ?5, observation = ?6,
                 evidence = ?7, recommendation = ?8, priority = ?9, owner = ?10, due_date = ?11,
                 status = ?12, phase = ?13, updated_at = ?14, correction = ?15,
                 root_cause = ?16, corrective_action = ?17, plan_accepted_on = ?18,
                 implemented_on = ?19, verified_on = ?20, verified_by = ?21, verification = ?22
             WHERE id = ?1 AND assessment_id = ?2",
            params![
                finding_id.to_string(),
                assessment_id.to_string(),
                input.clause_id,
                enum_text(input.kind),
                input.title,
                input.observation,
                input.evidence,
                input.recommendation,
                enum_text(input.priority),
                input.owner,
                day(input.due_date),
                enum_text(input.status),
                input.phase.map(enum_text),
                timestamp(now),
                input.lifecycle.correction,
                input.lifecycle.root_cause,
                input.lifecycle.corrective_action,
                day(input.lifecycle.plan_accepted_on),
                day(input.lifecycle.implemented_on),
                day(input.lifecycle.verified_on),
                input.lifecycle.verified_by,
                input.lifecycle.verification,
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "finding" });
        }
        let finding = tx.query_row(
            "SELECT * FROM finding WHERE id = ?1",
            [finding_id.to_string()],
            finding_from_row,
        )?;
        commit_change(tx)?;
        Ok(finding)
    }

    /// Deletes a finding and returns it, so the UI can offer undo.
    pub fn delete_finding(
        &mut self,
        assessment_id: Uuid,
        finding_id: Uuid,
    ) -> Result<Finding, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let finding = tx
            .query_row(
                "SELECT * FROM finding WHERE id = ?1 AND assessment_id = ?2",
                params![finding_id.to_string(), assessment_id.to_string()],
                finding_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "finding" })?;
        touch_assessment(&tx, assessment_id)?;
        tx.execute(
            "DELETE FROM finding WHERE id = ?1",
            [finding_id.to_string()],
        )?;
        commit_change(tx)?;
        Ok(finding)
    }
}

/// A new finding from validated input.
pub(crate) fn new_finding(input: FindingInput, now: DateTime<Utc>) -> Finding {
    Finding::new(input, now)
}

pub(crate) fn insert_finding(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    f: &Finding,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO finding (id, assessment_id, clause_id, kind, title, observation, evidence,
                 recommendation, priority, owner, due_date, status, phase, created_at, updated_at,
                 correction, root_cause, corrective_action, plan_accepted_on, implemented_on,
                 verified_on, verified_by, verification)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                 ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
        params![
            f.id.to_string(),
            assessment_id.to_string(),
            f.clause_id,
            enum_text(f.kind),
            f.title,
            f.observation,
            f.evidence,
            f.recommendation,
            enum_text(f.priority),
            f.owner,
            day(f.due_date),
            enum_text(f.status),
            f.phase.map(enum_text),
            timestamp(f.created_at),
            timestamp(f.updated_at),
            f.lifecycle.correction,
            f.lifecycle.root_cause,
            f.lifecycle.corrective_action,
            day(f.lifecycle.plan_accepted_on),
            day(f.lifecycle.implemented_on),
            day(f.lifecycle.verified_on),
            f.lifecycle.verified_by,
            f.lifecycle.verification,
        ],
    )?;
    Ok(())
}

/// A date as stored: ISO 8601, `NULL` when there is none.
fn day(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}
