//! The ITIL practice profile: which of the 34 practices the client runs,
//! how capable each is, the tool it runs on and who owns it.

use clausewise_core::practices::{profile, PracticeRecord, PracticeStatus};
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{enum_text, now, parse_enum, timestamp, touch_assessment};
use crate::{Store, StoreError};

/// The whole profile of an assessment, every practice in ITIL order.
pub(crate) fn list(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<PracticeRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT practice, status, capability, tool, owner, notes
           FROM practice_profile WHERE assessment_id = ?1",
    )?;
    let stored = stmt
        .query_map([assessment_id.to_string()], |row| {
            let status: Option<String> = row.get(1)?;
            Ok(PracticeRecord {
                practice: row.get(0)?,
                status: status
                    .map(|s| parse_enum::<PracticeStatus>(&s))
                    .transpose()?,
                capability: row.get(2)?,
                tool: row.get(3)?,
                owner: row.get(4)?,
                notes: row.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(profile(&stored))
}

/// Validates and writes one practice's record (a blank one is removed).
/// Returns the record as stored.
pub(crate) fn write(
    conn: &Connection,
    assessment_id: Uuid,
    record: &PracticeRecord,
) -> Result<PracticeRecord, StoreError> {
    let record = record.validated()?;
    if record.is_blank() {
        conn.execute(
            "DELETE FROM practice_profile WHERE assessment_id = ?1 AND practice = ?2",
            params![assessment_id.to_string(), record.practice],
        )?;
    } else {
        conn.execute(
            "INSERT INTO practice_profile
                 (assessment_id, practice, status, capability, tool, owner, notes, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (assessment_id, practice) DO UPDATE SET
                 status = excluded.status, capability = excluded.capability,
                 tool = excluded.tool, owner = excluded.owner, notes = excluded.notes,
                 updated_at = excluded.updated_at",
            params![
                assessment_id.to_string(),
                record.practice,
                record.status.map(enum_text),
                record.capability,
                record.tool,
                record.owner,
                record.notes,
                timestamp(now()),
            ],
        )?;
    }
    Ok(record)
}

impl Store {
    /// The practice profile of an assessment: all 34 practices in ITIL
    /// order, blank where nothing was recorded.
    pub fn practices(&self, assessment_id: Uuid) -> Result<Vec<PracticeRecord>, StoreError> {
        self.get_assessment(assessment_id)?;
        list(&self.conn, assessment_id)
    }

    /// Records one practice (the whole record: status, capability, tool,
    /// owner, notes) and marks the assessment changed, in one transaction.
    /// Returns the record as stored.
    pub fn set_practice(
        &mut self,
        assessment_id: Uuid,
        record: &PracticeRecord,
    ) -> Result<PracticeRecord, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let stored = write(&tx, assessment_id, record)?;
        commit_change(tx)?;
        Ok(stored)
    }
}
