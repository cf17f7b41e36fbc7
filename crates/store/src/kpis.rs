//! Service KPIs of an assessment.

use clausewise_core::kpi::{Kpi, KpiInput, KpiRow};
use clausewise_core::{Catalogue, ValidationError};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{
    enum_text, json_column, json_text, now, parse_enum, parse_uuid, time_column, timestamp,
    touch_assessment,
};
use crate::{Store, StoreError};

fn kpi_from_row(row: &Row<'_>) -> rusqlite::Result<Kpi> {
    Ok(Kpi {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        name: row.get("name")?,
        clause_ids: json_column(row, "clause_ids")?,
        unit: row.get("unit")?,
        direction: parse_enum(&row.get::<_, String>("direction")?)?,
        target: row.get("target")?,
        tolerance: row.get("tolerance")?,
        owner: row.get("owner")?,
        definition: row.get("definition")?,
        source: row.get("source")?,
        service: row.get("service")?,
        measurements: json_column(row, "measurements")?,
        finding_ids: json_column(row, "finding_ids")?,
        decision: row.get("decision")?,
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    })
}

/// The linked findings must be findings of the same assessment.
fn check_findings(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    input: &KpiInput,
) -> Result<(), StoreError> {
    let mut stmt =
        tx.prepare_cached("SELECT 1 FROM finding WHERE id = ?1 AND assessment_id = ?2")?;
    for id in &input.finding_ids {
        if !stmt.exists(params![id.to_string(), assessment_id.to_string()])? {
            return Err(ValidationError::UnknownFinding.into());
        }
    }
    Ok(())
}

impl Store {
    pub fn list_kpis(&self, assessment_id: Uuid) -> Result<Vec<Kpi>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM kpi WHERE assessment_id = ?1 ORDER BY created_at, rowid",
        )?;
        let rows = stmt.query_map([assessment_id.to_string()], kpi_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The KPIs with how each period compares with the target and whether
    /// a missed one was acted upon, in the order they were added.
    pub fn kpi_rows(&self, assessment_id: Uuid) -> Result<Vec<KpiRow>, StoreError> {
        let findings = self.list_findings(assessment_id)?;
        Ok(self
            .list_kpis(assessment_id)?
            .into_iter()
            .map(|k| KpiRow::new(k, &findings))
            .collect())
    }

    /// One KPI as [`Store::kpi_rows`] lists it.
    pub fn kpi_row(&self, assessment_id: Uuid, kpi: Kpi) -> Result<KpiRow, StoreError> {
        Ok(KpiRow::new(kpi, &self.list_findings(assessment_id)?))
    }

    pub fn create_kpi(&mut self, assessment_id: Uuid, input: &KpiInput) -> Result<Kpi, StoreError> {
        let input = input.validated(Catalogue::builtin())?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        check_findings(&tx, assessment_id, &input)?;
        let kpi = input.into_kpi(now());
        insert_kpi(&tx, assessment_id, &kpi)?;
        commit_change(tx)?;
        Ok(kpi)
    }

    /// Replaces what a KPI holds (its series included) with `input`.
    pub fn update_kpi(
        &mut self,
        assessment_id: Uuid,
        kpi_id: Uuid,
        input: &KpiInput,
    ) -> Result<Kpi, StoreError> {
        let input = input.validated(Catalogue::builtin())?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let existing = tx
            .query_row(
                "SELECT * FROM kpi WHERE id = ?1 AND assessment_id = ?2",
                params![kpi_id.to_string(), assessment_id.to_string()],
                kpi_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "KPI" })?;
        check_findings(&tx, assessment_id, &input)?;
        let kpi = Kpi {
            id: existing.id,
            created_at: existing.created_at,
            ..input.into_kpi(now())
        };
        // Updated in place: the KPI keeps its place in the list.
        tx.execute(
            "UPDATE kpi SET name = ?2, clause_ids = ?3, unit = ?4, direction = ?5, target = ?6,
                 tolerance = ?7, owner = ?8, definition = ?9, source = ?10, service = ?11,
                 measurements = ?12, finding_ids = ?13, decision = ?14, updated_at = ?15
             WHERE id = ?1",
            params![
                kpi.id.to_string(),
                kpi.name,
                json_text(&kpi.clause_ids),
                kpi.unit,
                enum_text(kpi.direction),
                kpi.target,
                kpi.tolerance,
                kpi.owner,
                kpi.definition,
                kpi.source,
                kpi.service,
                json_text(&kpi.measurements),
                json_text(&kpi.finding_ids),
                kpi.decision,
                timestamp(kpi.updated_at),
            ],
        )?;
        commit_change(tx)?;
        Ok(kpi)
    }

    pub fn delete_kpi(&mut self, assessment_id: Uuid, kpi_id: Uuid) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let deleted = tx.execute(
            "DELETE FROM kpi WHERE id = ?1 AND assessment_id = ?2",
            params![kpi_id.to_string(), assessment_id.to_string()],
        )?;
        if deleted == 0 {
            return Err(StoreError::NotFound { what: "KPI" });
        }
        commit_change(tx)?;
        Ok(())
    }
}

pub(crate) fn insert_kpi(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    kpi: &Kpi,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO kpi (id, assessment_id, name, clause_ids, unit, direction, target, tolerance,
             owner, definition, source, service, measurements, finding_ids, decision,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            kpi.id.to_string(),
            assessment_id.to_string(),
            kpi.name,
            json_text(&kpi.clause_ids),
            kpi.unit,
            enum_text(kpi.direction),
            kpi.target,
            kpi.tolerance,
            kpi.owner,
            kpi.definition,
            kpi.source,
            kpi.service,
            json_text(&kpi.measurements),
            json_text(&kpi.finding_ids),
            kpi.decision,
            timestamp(kpi.created_at),
            timestamp(kpi.updated_at),
        ],
    )?;
    Ok(())
}
