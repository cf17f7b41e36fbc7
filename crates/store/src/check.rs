//! Health check of a database file: SQLite's integrity and foreign-key
//! checks, and that the schema is the one this build writes.

use serde::Serialize;

use crate::{Store, StoreError, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub schema_version: i64,
    /// `["ok"]` when the file is sound, else SQLite's list of problems.
    pub integrity: Vec<String>,
    /// Rows that point at a parent that does not exist, as "table row → parent".
    pub foreign_key_violations: Vec<String>,
    pub clients: i64,
    pub assessments: i64,
    pub responses: i64,
    pub findings: i64,
    pub kpis: i64,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.foreign_key_violations.is_empty()
            && self.schema_version == SCHEMA_VERSION
    }
}

impl Store {
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let integrity = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let foreign_key_violations = self
            .conn
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |row| {
                Ok(format!(
                    "{} row {} → {}",
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    row.get::<_, String>(2)?
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let count = |table: &str| -> Result<i64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(CheckReport {
            schema_version: self
                .conn
                .pragma_query_value(None, "user_version", |r| r.get(0))?,
            integrity,
            foreign_key_violations,
            clients: count("client")?,
            assessments: count("assessment")?,
            responses: count("clause_response")?,
            findings: count("finding")?,
            kpis: count("kpi")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sound_database_passes() {
        let mut store = Store::open_in_memory().expect("store");
        store.create_demo().expect("demo");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{report:?}");
        assert_eq!(
            (
                report.assessments,
                report.responses,
                report.findings,
                report.kpis
            ),
            (1, 57, 30, 8)
        );
    }

    #[test]
    fn dangling_rows_are_reported() {
        let store = Store::open_in_memory().expect("store");
        store
            .conn
            .pragma_update(None, "foreign_keys", "OFF")
            .expect("fk off");
        store
            .conn
            .execute(
                "INSERT INTO finding (id, assessment_id, clause_id, kind, title, priority, status,
                     created_at, updated_at)
                 VALUES ('f', 'gone', '9.3', 'observation', 't', 'low', 'open', 'x', 'x')",
                [],
            )
            .expect("orphan");
        let report = store.check().expect("check");
        assert!(!report.is_ok());
        assert_eq!(report.foreign_key_violations.len(), 1);
        assert!(
            report.foreign_key_violations[0].starts_with("finding row"),
            "{report:?}"
        );
    }
}
