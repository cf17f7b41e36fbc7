//! Ordered schema migrations. Each entry is one schema version; never edit a
//! released entry, append a new one. `rusqlite_migration` runs pending
//! entries in one transaction and records the version in `user_version`.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::StoreError;

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_clients_assessments.sql")),
    M::up(include_str!("migrations/0002_clause_responses.sql")),
    M::up(include_str!("migrations/0003_findings_kpis.sql")),
    M::up(include_str!("migrations/0004_follow_up_baseline.sql")),
    M::up(include_str!(
        "migrations/0005_fieldwork_dates_carried_over.sql"
    )),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    Migrations::from_slice(MIGRATIONS).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(Migrations::from_slice(MIGRATIONS).validate().is_ok());
    }
}
