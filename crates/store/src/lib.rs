//! Clausewise's local storage: one SQLite file per installation.
//!
//! [`Store::open`] is the only way in, so every connection gets the same
//! pragmas and the schema is always migrated (or refused) before use.

mod assessments;
mod backup;
mod check;
mod error;
mod findings;
mod follow_up;
mod kpis;
mod migrations;
mod paths;
mod responses;
mod transfer;

pub use backup::{backup_dir, list_snapshots, recover_from_snapshot, set_aside, Snapshot};
pub use check::CheckReport;
pub use error::StoreError;
pub use migrations::SCHEMA_VERSION;
pub use paths::{default_data_dir, DATABASE_FILE_NAME, DATA_DIR_ENV};
pub use transfer::{Imported, OnConflict};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Whether opening may create a new, empty database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    CreateIfMissing,
    MustExist,
}

pub struct Store {
    conn: Connection,
    /// The database file; `None` in memory.
    path: Option<PathBuf>,
    created: bool,
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to
    /// date. A file that is not a database, or one written by a newer
    /// Clausewise, is refused before anything is written to it.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store, StoreError> {
        let exists = path.exists();
        if !exists {
            if mode == OpenMode::MustExist {
                return Err(StoreError::Missing {
                    path: path.to_owned(),
                });
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateFolder {
                    path: dir.to_owned(),
                    source,
                })?;
            }
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_owned(),
            source,
        })?;

        // Read the schema version before any pragma that writes (switching to
        // WAL rewrites the file header): a refused file stays byte-identical.
        let found = migrations::schema_version(&conn).map_err(|e| StoreError::classify(path, e))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_owned(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        configure(&conn).map_err(|e| StoreError::classify(path, e))?;
        if found > 0 && found < SCHEMA_VERSION {
            // Keep the data as it was before a migration touches it.
            backup::snapshot_connection(
                &conn,
                path,
                &format!("before-migration-to-v{SCHEMA_VERSION}"),
            )?;
        }
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            created: found == 0,
        })
    }

    /// An empty database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: None,
            created: true,
        })
    }

    /// True when this open created the schema, i.e. the installation's very
    /// first start (used to seed the demo assessment exactly once).
    pub fn was_created(&self) -> bool {
        self.created
    }
}

/// Per-connection settings, in one place.
///
/// - WAL: readers never block the writer, and a crash mid-write leaves the
///   last committed state intact.
/// - synchronous=FULL: every commit is fsynced before it returns. In WAL mode
///   NORMAL is crash-safe but may drop the last commits on power loss; a
///   consultant's laptop dying mid-workshop is exactly the case we must
///   survive, and a local fsync costs well under the time of a keystroke.
/// - foreign_keys=ON: SQLite leaves them off by default.
/// - busy_timeout: the CLI and the app may touch the file at the same time.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_connection_gets_the_pragmas() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("p.db"), OpenMode::CreateIfMissing).expect("open");
        let get = |name: &str| -> i64 {
            store
                .conn
                .pragma_query_value(None, name, |r| r.get(0))
                .expect("pragma")
        };
        assert_eq!(get("foreign_keys"), 1);
        assert_eq!(get("synchronous"), 2, "FULL");
        assert_eq!(get("busy_timeout"), 5000);
        let err = store
            .conn
            .execute(
                "INSERT INTO assessment (id, client_id, title, target_level, created_at, updated_at)
                 VALUES ('a', 'no-such-client', 't', 3, 'x', 'x')",
                [],
            )
            .expect_err("orphan assessment");
        assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    }
}
