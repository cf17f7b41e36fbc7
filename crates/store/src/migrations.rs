//! Ordered schema migrations. Each entry is one schema version; never edit a
//! released entry, append a new one. Pending entries run in one `BEGIN
//! IMMEDIATE` transaction that reads `user_version` under the write lock, so
//! two programs opening a new database at the same moment never both create
//! it; the version is recorded in `user_version`.
//!
//! The schema a version creates is also the yardstick for files that claim to
//! be Clausewise databases: [`schema_differences`] compares a file's objects
//! with what these migrations create, so another program's tables, triggers,
//! views or indexes are never mistaken for ours.

use std::collections::BTreeMap;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_clients_assessments.sql"),
    include_str!("migrations/0002_clause_responses.sql"),
    include_str!("migrations/0003_findings_kpis.sql"),
    include_str!("migrations/0004_follow_up_baseline.sql"),
    include_str!("migrations/0005_fieldwork_dates_carried_over.sql"),
    include_str!("migrations/0006_judgement_na_basis.sql"),
    include_str!("migrations/0007_lifecycle_documents.sql"),
    include_str!("migrations/0008_practice_profile.sql"),
    include_str!("migrations/0009_kpi_series.sql"),
    include_str!("migrations/0010_engagement_record.sql"),
    include_str!("migrations/0011_report_narrative.sql"),
    include_str!("migrations/0012_client_report_language.sql"),
    include_str!("migrations/0013_change_history.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the database up to [`SCHEMA_VERSION`]. Returns the version it had
/// (read under the write lock); 0 means this call created the schema.
pub(crate) fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = schema_version(&tx)?;
    if found >= SCHEMA_VERSION {
        return Ok(found);
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql)
            .map_err(|source| StoreError::Migration {
                version: index as i64 + 1,
                source,
            })?;
        // Schema 10 brought the people directory: the names typed as free
        // text under "people interviewed" become its first entries (the
        // text itself stays as it was).
        if index + 1 == 10 {
            crate::people::adopt_interviewees(&tx).map_err(|source| StoreError::Migration {
                version: 10,
                source,
            })?;
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(found)
}

/// One schema object as compared: its table and a description of its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    table: String,
    detail: Vec<String>,
}

/// Every object in a database's schema, by (type, name). SQLite's own
/// tables (`sqlite_stat1`, automatic indexes) are left out: they follow from
/// the rest or are statistics, never behaviour.
type Schema = BTreeMap<(String, String), Shape>;

fn describe(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut objects = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT type, name, tbl_name, sql FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            objects.push(row?);
        }
    }
    let mut schema = Schema::new();
    for (kind, name, table, sql) in objects {
        let detail = if kind == "table" {
            // Compared by structure rather than by text: ALTER TABLE rewrites
            // the stored text, and how may differ between SQLite releases.
            let mut detail = Vec::new();
            let mut columns = conn.prepare(
                "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden
                 FROM pragma_table_xinfo(?1)",
            )?;
            let rows = columns.query_map([&name], |r| {
                Ok(format!(
                    "column {} {} {} type={} notnull={} default={:?} pk={}",
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })?;
            for row in rows {
                detail.push(row?);
            }
            let mut keys = conn.prepare(
                "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete
                 FROM pragma_foreign_key_list(?1)",
            )?;
            let rows = keys.query_map([&name], |r| {
                Ok(format!(
                    "foreign key {}.{} {} -> {}({:?}) update={} delete={}",
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })?;
            for row in rows {
                detail.push(row?);
            }
            let strict: i64 = conn.query_row(
                "SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?1",
                [&name],
                |r| r.get(0),
            )?;
            detail.push(format!("strict={strict}"));
            detail
        } else {
            // Indexes, triggers and views are never altered: their text is
            // exactly what was written, up to spacing.
            vec![collapse_spaces(&sql.unwrap_or_default())]
        };
        schema.insert((kind, name), Shape { table, detail });
    }
    Ok(schema)
}

/// The schema this version's migrations create, as SQLite stores it: one
/// object per line, `type<TAB>name<TAB>table<TAB>SQL` with the SQL's spacing
/// collapsed, in order of type and name. A database whose schema reads
/// exactly so needs no closer look ([`is_current_exactly`]); a test keeps
/// this file equal to what the migrations create.
const CURRENT_SCHEMA: &str = include_str!("migrations/schema.tsv");

/// A database's objects in the form of [`CURRENT_SCHEMA`].
fn listing(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY type, name",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = String::new();
    while let Some(row) = rows.next()? {
        let parts = [
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            collapse_spaces(&row.get::<_, Option<String>>(3)?.unwrap_or_default()),
        ];
        out.push_str(&parts.join("\t"));
        out.push('\n');
    }
    Ok(out)
}

/// Whether the schema of `conn` is, to the letter, the one this version's
/// migrations create: the quick answer for the usual case, which spares
/// building the expected schema and comparing it object by object.
pub(crate) fn is_current_exactly(conn: &Connection) -> rusqlite::Result<bool> {
    Ok(listing(conn)? == CURRENT_SCHEMA)
}

/// SQL with every run of spacing (line breaks, indentation) as one space:
/// how an object's text is compared.
fn collapse_spaces(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema that migrations 1 to `version` create.
fn expected(version: i64) -> Result<Schema, StoreError> {
    let conn = Connection::open_in_memory()?;
    for sql in MIGRATIONS.iter().take(version.max(0) as usize) {
        conn.execute_batch(sql)?;
    }
    Ok(describe(&conn)?)
}

/// How a file's schema differs from the one Clausewise creates.
#[derive(Debug, Default)]
pub(crate) struct Differences {
    /// In words; empty when the schema is exactly Clausewise's.
    pub problems: Vec<String>,
    /// At least half of Clausewise's tables are missing or different: the
    /// file is another program's database rather than a changed Clausewise one.
    pub foreign: bool,
}

/// How the schema of `conn` (at `version`) differs from what Clausewise
/// creates for that version.
pub(crate) fn schema_differences(
    conn: &Connection,
    version: i64,
) -> Result<Differences, StoreError> {
    let found = describe(conn).map_err(StoreError::Sqlite)?;
    let wanted = expected(version)?;
    let mut problems = Vec::new();
    let mut bad_tables = 0;
    for ((kind, name), shape) in &found {
        match wanted.get(&(kind.clone(), name.clone())) {
            None => problems.push(format!(
                "it has {} {kind} “{name}” that Clausewise does not create",
                if kind == "index" { "an" } else { "a" }
            )),
            Some(w) if w != shape => {
                bad_tables += usize::from(kind == "table");
                problems.push(format!(
                    "its {kind} “{name}” is not the one Clausewise creates"
                ));
            }
            Some(_) => {}
        }
    }
    for (kind, name) in wanted.keys() {
        if !found.contains_key(&(kind.clone(), name.clone())) {
            bad_tables += usize::from(kind == "table");
            problems.push(format!("its {kind} “{name}” is missing"));
        }
    }
    let tables = wanted.keys().filter(|(kind, _)| kind == "table").count();
    Ok(Differences {
        foreign: bad_tables * 2 >= tables.max(1),
        problems,
    })
}

/// [`schema_differences`] in words only.
#[cfg(test)]
fn schema_problems(conn: &Connection, version: i64) -> Result<Vec<String>, StoreError> {
    Ok(schema_differences(conn, version)?.problems)
}

/// The first few problems in words, and how many more there are.
pub(crate) fn summary(problems: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = problems
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    match problems.len().saturating_sub(SHOWN) {
        0 => {}
        1 => text.push_str("; and one more difference"),
        n => text.push_str(&format!("; and {n} more differences")),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_matches_its_own_yardstick() {
        for version in 1..=SCHEMA_VERSION {
            let conn = Connection::open_in_memory().unwrap();
            for sql in &MIGRATIONS[..version as usize] {
                conn.execute_batch(sql).unwrap();
            }
            assert_eq!(
                schema_problems(&conn, version).unwrap(),
                Vec::<String>::new()
            );
            if version > 1 {
                assert!(!schema_problems(&conn, version - 1).unwrap().is_empty());
            }
        }
    }

    #[test]
    fn the_recorded_schema_is_the_one_the_migrations_create() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let created = listing(&conn).unwrap();
        assert!(
            created == CURRENT_SCHEMA,
            "crates/store/src/migrations/schema.tsv is not what the migrations create; \
             it should read:\n{created}"
        );
        assert!(is_current_exactly(&conn).unwrap());
        // Any change to an object is no longer the exact schema.
        conn.execute_batch("CREATE INDEX extra ON kpi (name);")
            .unwrap();
        assert!(!is_current_exactly(&conn).unwrap());
    }

    #[test]
    fn a_migrated_database_matches_a_new_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 1);
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        assert!(schema_problems(&conn, SCHEMA_VERSION).unwrap().is_empty());
        assert!(is_current_exactly(&conn).unwrap());
        assert_eq!(
            migrate(&mut conn).unwrap(),
            SCHEMA_VERSION,
            "nothing left to do"
        );
    }

    #[test]
    fn objects_clausewise_does_not_create_are_named() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON finding BEGIN DELETE FROM clause_response; END;
             CREATE VIEW v AS SELECT 1;
             CREATE INDEX extra ON kpi (name);
             DROP INDEX kpi_assessment;
             ALTER TABLE client ADD COLUMN note TEXT;",
        )
        .unwrap();
        let problems = schema_problems(&conn, SCHEMA_VERSION).unwrap();
        for expected in [
            "it has a trigger “wipe” that Clausewise does not create",
            "it has a view “v” that Clausewise does not create",
            "it has an index “extra” that Clausewise does not create",
            "its table “client” is not the one Clausewise creates",
            "its index “kpi_assessment” is missing",
        ] {
            assert!(problems.iter().any(|p| p == expected), "{problems:?}");
        }
    }
}
