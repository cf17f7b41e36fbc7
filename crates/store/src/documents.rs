//! The documented information register: the 7.5.4 checklist and what each
//! other requirement expects, with whether each was seen, approved and in
//! its current version, and the evidence item it was seen as.

use clausewise_core::verdicts::{fill_register, DocumentCheck, CHECKLIST_CLAUSE};
use clausewise_core::{Catalogue, ValidationError};
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{now, parse_uuid, timestamp, touch_assessment};
use crate::{Store, StoreError};

fn flag(v: Option<i64>) -> Option<bool> {
    v.map(|v| v != 0)
}

/// The whole register of an assessment, in register order.
pub(crate) fn list(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<DocumentCheck>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT clause_id, item, present, approved, current, evidence_id
           FROM document_register WHERE assessment_id = ?1",
    )?;
    let rows = stmt
        .query_map([assessment_id.to_string()], |row| {
            let evidence: Option<String> = row.get(5)?;
            Ok(DocumentCheck {
                clause_id: row.get(0)?,
                item: row.get(1)?,
                present: flag(row.get(2)?),
                approved: flag(row.get(3)?),
                current: flag(row.get(4)?),
                evidence_id: evidence.map(|e| parse_uuid(&e)).transpose()?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(fill_register(Catalogue::builtin(), &rows))
}

/// Writes one entry (a blank one is removed). The item must be on the
/// register and its evidence item, if any, of the same assessment.
pub(crate) fn write(
    conn: &Connection,
    assessment_id: Uuid,
    check: &DocumentCheck,
) -> Result<(), StoreError> {
    let on_register = clausewise_core::verdicts::document_register(Catalogue::builtin())
        .iter()
        .any(|r| r.clause_id == check.clause_id && r.item == check.item);
    if !on_register {
        return Err(ValidationError::UnknownDocument {
            item: check.item.clone(),
        }
        .into());
    }
    if let Some(e) = check.evidence_id {
        let ours: Option<String> = conn
            .query_row(
                "SELECT id FROM evidence WHERE id = ?1 AND assessment_id = ?2",
                params![e.to_string(), assessment_id.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        if ours.is_none() {
            return Err(ValidationError::UnknownEvidence.into());
        }
    }
    if check.is_blank() {
        conn.execute(
            "DELETE FROM document_register
              WHERE assessment_id = ?1 AND clause_id = ?2 AND item = ?3",
            params![assessment_id.to_string(), check.clause_id, check.item],
        )?;
    } else {
        conn.execute(
            "INSERT INTO document_register
                 (assessment_id, clause_id, item, present, approved, current, evidence_id, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (assessment_id, clause_id, item) DO UPDATE SET
                 present = excluded.present, approved = excluded.approved,
                 current = excluded.current, evidence_id = excluded.evidence_id,
                 updated_at = excluded.updated_at",
            params![
                assessment_id.to_string(),
                check.clause_id,
                check.item,
                check.present.map(i64::from),
                check.approved.map(i64::from),
                check.current.map(i64::from),
                check.evidence_id.map(|e| e.to_string()),
                timestamp(now())
            ],
        )?;
    }
    Ok(())
}

impl Store {
    /// The documented information register of an assessment: every item,
    /// each status unset where nobody has checked.
    pub fn documents(&self, assessment_id: Uuid) -> Result<Vec<DocumentCheck>, StoreError> {
        self.get_assessment(assessment_id)?;
        list(&self.conn, assessment_id)
    }

    /// Records whether one item of the 7.5.4 checklist was seen (`None`: not
    /// checked), keeping its other statuses, and returns the whole register.
    pub fn set_document(
        &mut self,
        assessment_id: Uuid,
        item: &str,
        present: Option<bool>,
    ) -> Result<Vec<DocumentCheck>, StoreError> {
        // The other statuses are read under the write lock, so a change made
        // meanwhile by another program is kept, not written over.
        self.write_document(assessment_id, |register| {
            let existing = register
                .iter()
                .find(|d| d.clause_id == CHECKLIST_CLAUSE && d.item == item)
                .cloned()
                .unwrap_or_else(|| DocumentCheck::unchecked(CHECKLIST_CLAUSE, item));
            DocumentCheck {
                present,
                ..existing
            }
        })
    }

    /// Records one entry of the register as given, marks the assessment
    /// changed, and returns the whole register.
    pub fn set_document_check(
        &mut self,
        assessment_id: Uuid,
        check: &DocumentCheck,
    ) -> Result<Vec<DocumentCheck>, StoreError> {
        self.write_document(assessment_id, |_| check.clone())
    }

    /// One entry written in one IMMEDIATE transaction: `entry` makes it from
    /// the register as it stands under the write lock.
    fn write_document(
        &mut self,
        assessment_id: Uuid,
        entry: impl FnOnce(&[DocumentCheck]) -> DocumentCheck,
    ) -> Result<Vec<DocumentCheck>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let check = entry(&list(&tx, assessment_id)?);
        write(&tx, assessment_id, &check)?;
        let all = list(&tx, assessment_id)?;
        commit_change(tx)?;
        Ok(all)
    }
}
