//! The documented information checklist (7.5.4): which of the documents the
//! standard asks for were seen in the assessment.

use clausewise_core::verdicts::DocumentCheck;
use clausewise_core::{Catalogue, ValidationError};
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::sql::{now, timestamp, touch_assessment};
use crate::{Store, StoreError};

/// The items the checklist asks for, in catalogue order.
fn items() -> &'static [String] {
    Catalogue::builtin()
        .clause("7.5.4")
        .map_or(&[], |c| c.documented_information.as_slice())
}

pub(crate) fn list(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<DocumentCheck>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT item, present FROM document_check WHERE assessment_id = ?1")?;
    let rows = stmt
        .query_map([assessment_id.to_string()], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? != 0))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items()
        .iter()
        .map(|item| DocumentCheck {
            item: item.clone(),
            present: rows.iter().find(|(i, _)| i == item).map(|(_, p)| *p),
        })
        .collect())
}

pub(crate) fn write(
    conn: &Connection,
    assessment_id: Uuid,
    item: &str,
    present: Option<bool>,
) -> Result<(), StoreError> {
    if !items().iter().any(|i| i == item) {
        return Err(ValidationError::UnknownDocument {
            item: item.to_owned(),
        }
        .into());
    }
    match present {
        Some(present) => conn.execute(
            "INSERT INTO document_check (assessment_id, item, present, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (assessment_id, item)
                 DO UPDATE SET present = excluded.present, updated_at = excluded.updated_at",
            params![
                assessment_id.to_string(),
                item,
                i64::from(present),
                timestamp(now())
            ],
        )?,
        None => conn.execute(
            "DELETE FROM document_check WHERE assessment_id = ?1 AND item = ?2",
            params![assessment_id.to_string(), item],
        )?,
    };
    Ok(())
}

impl Store {
    /// The documented information checklist of an assessment: every item,
    /// `present` unset where nobody has checked.
    pub fn documents(&self, assessment_id: Uuid) -> Result<Vec<DocumentCheck>, StoreError> {
        self.get_assessment(assessment_id)?;
        list(&self.conn, assessment_id)
    }

    /// Records whether one item was seen (`None`: not checked), marks the
    /// assessment changed, and returns the whole checklist.
    pub fn set_document(
        &mut self,
        assessment_id: Uuid,
        item: &str,
        present: Option<bool>,
    ) -> Result<Vec<DocumentCheck>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        write(&tx, assessment_id, item, present)?;
        let all = list(&tx, assessment_id)?;
        tx.commit()?;
        Ok(all)
    }
}
