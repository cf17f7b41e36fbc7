//! Service KPIs of an assessment.

use chrono::{DateTime, Utc};
use clausewise_core::kpi::{Kpi, KpiInput};
use clausewise_core::Catalogue;
use rusqlite::{params, Row, Transaction};
use uuid::Uuid;

use crate::sql::{
    enum_text, now, parse_enum, parse_uuid, time_column, timestamp, touch_assessment,
};
use crate::{Store, StoreError};

fn kpi_from_row(row: &Row<'_>) -> rusqlite::Result<Kpi> {
    let clause_ids: String = row.get("clause_ids")?;
    Ok(Kpi {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        name: row.get("name")?,
        clause_ids: serde_json::from_str(&clause_ids).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?,
        unit: row.get("unit")?,
        direction: parse_enum(&row.get::<_, String>("direction")?)?,
        value: row.get("value")?,
        target: row.get("target")?,
        period: row.get("period")?,
        source: row.get("source")?,
        created_at: time_column(row, "created_at")?,
        updated_at: time_column(row, "updated_at")?,
    })
}

fn clause_list(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}

impl Store {
    pub fn list_kpis(&self, assessment_id: Uuid) -> Result<Vec<Kpi>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM kpi WHERE assessment_id = ?1 ORDER BY created_at, rowid",
        )?;
        let rows = stmt.query_map([assessment_id.to_string()], kpi_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn create_kpi(&mut self, assessment_id: Uuid, input: &KpiInput) -> Result<Kpi, StoreError> {
        let kpi = new_kpi(input.validated(Catalogue::builtin())?, now());
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        insert_kpi(&tx, assessment_id, &kpi)?;
        tx.commit()?;
        Ok(kpi)
    }

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
        let changed = tx.execute(
            "UPDATE kpi SET name = ?3, clause_ids = ?4, unit = ?5, direction = ?6, value = ?7,
                 target = ?8, period = ?9, source = ?10, updated_at = ?11
             WHERE id = ?1 AND assessment_id = ?2",
            params![
                kpi_id.to_string(),
                assessment_id.to_string(),
                input.name,
                clause_list(&input.clause_ids),
                input.unit,
                enum_text(input.direction),
                input.value,
                input.target,
                input.period,
                input.source,
                timestamp(now()),
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "KPI" });
        }
        let kpi = tx.query_row(
            "SELECT * FROM kpi WHERE id = ?1",
            [kpi_id.to_string()],
            kpi_from_row,
        )?;
        tx.commit()?;
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
        tx.commit()?;
        Ok(())
    }
}

/// A new KPI from validated input.
pub(crate) fn new_kpi(input: KpiInput, now: DateTime<Utc>) -> Kpi {
    Kpi {
        id: Uuid::new_v4(),
        name: input.name,
        clause_ids: input.clause_ids,
        unit: input.unit,
        direction: input.direction,
        value: input.value,
        target: input.target,
        period: input.period,
        source: input.source,
        created_at: now,
        updated_at: now,
    }
}

pub(crate) fn insert_kpi(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    kpi: &Kpi,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO kpi (id, assessment_id, name, clause_ids, unit, direction, value, target,
             period, source, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            kpi.id.to_string(),
            assessment_id.to_string(),
            kpi.name,
            clause_list(&kpi.clause_ids),
            kpi.unit,
            enum_text(kpi.direction),
            kpi.value,
            kpi.target,
            kpi.period,
            kpi.source,
            timestamp(kpi.created_at),
            timestamp(kpi.updated_at),
        ],
    )?;
    Ok(())
}
