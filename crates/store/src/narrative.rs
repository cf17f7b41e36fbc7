//! The consultant's narrative for the report: one row per part written.

use clausewise_core::i18n::Lang;
use clausewise_core::narrative::{validated_text, Narrative, Part};
use clausewise_core::Catalogue;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{now, timestamp, touch_assessment};
use crate::{Store, StoreError};

/// Everything written for an assessment's report.
pub(crate) fn read(
    conn: &Connection,
    catalogue: &Catalogue,
    assessment_id: Uuid,
) -> Result<Narrative, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT part, body FROM narrative WHERE assessment_id = ?1")?;
    let rows = stmt
        .query_map([assessment_id.to_string()], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut narrative = Narrative::default();
    for (key, body) in rows {
        // A comment on a clause the catalogue no longer has is kept in the
        // database but not shown.
        if let Ok(part) = Part::parse(&key, catalogue) {
            narrative.set(&part, body, catalogue);
        }
    }
    Ok(narrative)
}

/// Writes one part (an empty text removes it), in the caller's transaction.
pub(crate) fn write(
    conn: &Connection,
    assessment_id: Uuid,
    part: &Part,
    text: &str,
) -> Result<(), StoreError> {
    if text.is_empty() {
        conn.execute(
            "DELETE FROM narrative WHERE assessment_id = ?1 AND part = ?2",
            params![assessment_id.to_string(), part.key()],
        )?;
    } else {
        conn.execute(
            "INSERT INTO narrative (assessment_id, part, body, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (assessment_id, part)
             DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![
                assessment_id.to_string(),
                part.key(),
                text,
                timestamp(now())
            ],
        )?;
    }
    Ok(())
}

/// Writes every part of a narrative from elsewhere (a file, the demo),
/// each checked as the app checks it, in the caller's transaction.
pub(crate) fn write_all(
    conn: &Connection,
    catalogue: &Catalogue,
    assessment_id: Uuid,
    narrative: &Narrative,
) -> Result<(), StoreError> {
    for (key, text) in narrative.parts() {
        let part = Part::parse(&key, catalogue)?;
        write(conn, assessment_id, &part, &validated_text(&text)?)?;
    }
    Ok(())
}

impl Store {
    /// The consultant's narrative for the report of an assessment.
    pub fn narrative(&self, assessment_id: Uuid) -> Result<Narrative, StoreError> {
        read(&self.conn, Catalogue::builtin(), assessment_id)
    }

    /// The language the reports of the assessment's client are written in,
    /// as last chosen; none before a report was exported.
    pub fn report_lang(&self, assessment_id: Uuid) -> Result<Option<Lang>, StoreError> {
        let code: Option<String> = self
            .conn
            .query_row(
                "SELECT c.report_lang FROM client c JOIN assessment a ON a.client_id = c.id \
                 WHERE a.id = ?1",
                [assessment_id.to_string()],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "assessment" })?;
        Ok(code.as_deref().and_then(Lang::parse))
    }

    /// Remembers the language of a report exported for the assessment's
    /// client, for the client's next report. A preference of the client, not
    /// a change of the assessment: a final assessment takes it too.
    pub fn remember_report_lang(&self, assessment_id: Uuid, lang: Lang) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE client SET report_lang = ?2 \
             WHERE id = (SELECT client_id FROM assessment WHERE id = ?1)",
            rusqlite::params![assessment_id.to_string(), lang.code()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "assessment" });
        }
        Ok(())
    }

    /// Saves one part of the narrative (`key` as [`Part::parse`] reads it)
    /// in one write transaction; returns the whole narrative as stored.
    pub fn save_narrative(
        &mut self,
        assessment_id: Uuid,
        key: &str,
        text: &str,
    ) -> Result<Narrative, StoreError> {
        let catalogue = Catalogue::builtin();
        let part = Part::parse(key, catalogue)?;
        let text = validated_text(text)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        write(&tx, assessment_id, &part, &text)?;
        let stored = read(&tx, catalogue, assessment_id)?;
        commit_change(tx)?;
        Ok(stored)
    }
}
