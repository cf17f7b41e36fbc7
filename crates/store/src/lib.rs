//! Clausewise's local storage: one SQLite file per installation.
//!
//! [`Store::open`] is the only way in, so every connection gets the same
//! pragmas and the schema is always migrated (or refused) before use.
//!
//! Where things are:
//! - here: opening (read-write, read-only, in memory) and the pragmas;
//! - `migrations`: the ordered schema changes and the schema each version
//!   must have; `paths`: the app's data folder;
//! - the repositories, one per table or operation, as `impl Store`
//!   blocks: `assessments` (clients and assessments, the demo),
//!   `responses` (clause responses, the workspace and dashboard),
//!   `findings`, `documents` (the 7.5.4 checklist), `kpis`, `follow_up` (starting one, its progress) and
//!   `transfer` (exporting and importing an assessment file);
//! - `sql`: what the repositories share: the stored forms of times,
//!   dates, ids and enums, read back leniently or strictly, and marking an
//!   assessment changed;
//! - `history`: the change log of each assessment (recorded by triggers in
//!   the transaction of the change), undo and redo, the author's name;
//! - `backup` (snapshots, rotation, restore), `check` (integrity, foreign
//!   keys, schema, unreadable stored values), `files` (recognising
//!   SQLite files, scratch files, leftovers) and `error`.

mod assessments;
mod backup;
mod check;
mod documents;
mod error;
mod evidence;
mod files;
mod findings;
mod follow_up;
mod history;
mod kpis;
mod merge;
mod migrations;
mod narrative;
mod paths;
mod people;
mod practices;
mod responses;
mod sql;
mod transfer;

pub use backup::{
    backup_dir, list_snapshots, recover_from_snapshot, set_aside, Snapshot, SnapshotReason,
};
pub use check::CheckReport;
pub use clausewise_core::transfer::OnConflict;
pub use error::StoreError;
pub use evidence::{hash_reader, AttachmentError};
pub use files::{check_export_target, is_sqlite_file};
pub use history::HISTORY_LIMIT;
pub use migrations::SCHEMA_VERSION;
pub use paths::{default_data_dir, DATABASE_FILE_NAME, DATA_DIR_ENV};
pub use transfer::{FileSource, Imported, NoFiles};

use files::Contents;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Whether opening may create a new, empty database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Creates the database if there is none: where the file is missing, is
    /// empty (zero bytes) or is an SQLite database with nothing in it.
    CreateIfMissing,
    /// The file must be a Clausewise database already.
    MustExist,
}

/// What a connection is opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Changes, each recorded in the history.
    Write,
    /// Reading only: every change is refused.
    Read,
}

pub struct Store {
    conn: Connection,
    /// The database file; `None` in memory.
    path: Option<PathBuf>,
    created: bool,
    read_only: bool,
}

/// What a first, read-only look at an SQLite file found.
struct Inspection {
    version: i64,
    /// Tables, indexes, triggers or views of any kind.
    has_objects: bool,
}

fn inspect(conn: &Connection) -> rusqlite::Result<Inspection> {
    Ok(Inspection {
        version: migrations::schema_version(conn)?,
        has_objects: conn.query_row("SELECT count(*) > 0 FROM sqlite_schema", [], |r| r.get(0))?,
    })
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to
    /// date. Anything that is not a Clausewise database (another program's
    /// database, a text file, an empty file when not asked to create one) or
    /// one written by a newer Clausewise is refused before anything is
    /// written: the file stays byte-identical and no files are added beside it.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store, StoreError> {
        Store::open_as(path, mode, Use::Write)
    }

    /// Opens the Clausewise database at `path`, as [`Store::open`] does with
    /// [`OpenMode::MustExist`], for a caller that only reads: an older schema
    /// is still brought up to date, but then the connection refuses every
    /// change (`query_only`), so it needs none of the history's triggers.
    pub fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
        Store::open_as(path, OpenMode::MustExist, Use::Read)
    }

    fn open_as(path: &Path, mode: OpenMode, usage: Use) -> Result<Store, StoreError> {
        let create = match files::sniff(path)? {
            Contents::Sqlite => false,
            Contents::NotSqlite => {
                return Err(StoreError::NotADatabase {
                    path: path.to_owned(),
                })
            }
            Contents::Empty if mode == OpenMode::MustExist => {
                return Err(StoreError::EmptyFile {
                    path: path.to_owned(),
                })
            }
            Contents::Empty => true,
            Contents::Missing if mode == OpenMode::MustExist => {
                return Err(StoreError::Missing {
                    path: path.to_owned(),
                })
            }
            Contents::Missing => {
                let dir = files::folder_of(path);
                std::fs::create_dir_all(&dir).map_err(|source| StoreError::CreateFolder {
                    path: dir.clone(),
                    source,
                })?;
                true
            }
        };
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| files::diagnose(path, e))?;
        // Before the first read: another program may hold a lock for a moment.
        conn.busy_timeout(BUSY_TIMEOUT)?;

        // Only reads until the file is known to be ours (switching to WAL
        // rewrites the header): a refused file stays byte-identical.
        let found = inspect(&conn).map_err(|e| files::diagnose(path, e))?;
        accept(&conn, path, &found, mode)?;
        configure(&mut conn).map_err(|e| files::diagnose(path, e))?;
        files::remove_leftovers(path);
        if found.version > 0 && found.version < SCHEMA_VERSION {
            // Keep the data as it was before a migration touches it.
            backup::snapshot_connection(
                &conn,
                path,
                &SnapshotReason::BeforeMigration {
                    version: SCHEMA_VERSION as u32,
                },
                &[],
            )?;
        }
        let before = migrations::migrate(&mut conn).map_err(|e| match e {
            StoreError::Sqlite(e) => files::diagnose(path, e),
            other => other,
        })?;
        match usage {
            Use::Write => history::install(&conn),
            Use::Read => conn.pragma_update(None, "query_only", "ON"),
        }
        .map_err(|e| files::diagnose(path, e))?;
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            created: before == 0,
            read_only: usage == Use::Read,
        })
    }

    /// Opens a Clausewise database only to read it, writing nothing at all
    /// (for a database in a read-only folder, or on a full disk). Its schema
    /// must be this version's: updating it would mean writing.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        match files::sniff(path)? {
            Contents::Sqlite => {}
            Contents::NotSqlite => {
                return Err(StoreError::NotADatabase {
                    path: path.to_owned(),
                })
            }
            Contents::Empty => {
                return Err(StoreError::EmptyFile {
                    path: path.to_owned(),
                })
            }
            Contents::Missing => {
                return Err(StoreError::Missing {
                    path: path.to_owned(),
                })
            }
        }
        let open = |uri: Option<String>| -> rusqlite::Result<(Connection, Inspection)> {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = match uri {
                Some(uri) => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?,
                None => Connection::open_with_flags(path, flags)?,
            };
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let found = inspect(&conn)?;
            Ok((conn, found))
        };
        let (conn, found) = match open(None) {
            Ok(opened) => opened,
            // A database in WAL mode needs its shared-memory file, which a
            // read-only folder or a full disk cannot give it. Without a
            // write-ahead log holding changes the file alone is complete, and
            // nobody can be writing it there, so it is read as it is.
            Err(e) => {
                let log = std::fs::metadata(files::with_suffix(path, "-wal"));
                if log.is_ok_and(|m| m.len() > 0) {
                    return Err(files::diagnose(path, e));
                }
                open(Some(immutable_uri(path))).map_err(|_| files::diagnose(path, e))?
            }
        };
        accept(&conn, path, &found, OpenMode::MustExist)?;
        if found.version < SCHEMA_VERSION {
            return Err(StoreError::NeedsUpdateReadOnly {
                path: path.to_owned(),
                folder: files::folder_of(path),
            });
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            created: false,
            read_only: true,
        })
    }

    /// An empty database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn)?;
        migrations::migrate(&mut conn)?;
        history::install(&conn)?;
        Ok(Store {
            conn,
            path: None,
            created: true,
            read_only: false,
        })
    }

    /// True when this open created the schema, i.e. the installation's very
    /// first start (used to seed the demo assessment exactly once).
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// Runs `f` in one read transaction, so that everything it reads comes
    /// from the same moment even while another program writes. Inside a
    /// transaction already, `f` simply joins it.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let out = f(self);
        tx.finish()?;
        out
    }

    /// True when opened with [`Store::open_read_only`] or
    /// [`Store::open_for_reading`]: every write fails.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The database file; `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// Decides from a first look whether the file is a Clausewise database this
/// version may use (or, where allowed, an empty one to create it in).
fn accept(
    conn: &Connection,
    path: &Path,
    found: &Inspection,
    mode: OpenMode,
) -> Result<(), StoreError> {
    if found.version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: found.version,
            supported: SCHEMA_VERSION,
        });
    }
    if found.version == 0 {
        return match (found.has_objects, mode) {
            (true, _) => Err(StoreError::Foreign {
                path: path.to_owned(),
            }),
            (false, OpenMode::MustExist) => Err(StoreError::EmptyFile {
                path: path.to_owned(),
            }),
            (false, OpenMode::CreateIfMissing) => Ok(()),
        };
    }
    if found.version == SCHEMA_VERSION
        && migrations::is_current_exactly(conn).map_err(|e| files::diagnose(path, e))?
    {
        return Ok(());
    }
    let differences = migrations::schema_differences(conn, found.version).map_err(|e| match e {
        StoreError::Sqlite(e) => files::diagnose(path, e),
        other => other,
    })?;
    if differences.problems.is_empty() {
        Ok(())
    } else if differences.foreign {
        Err(StoreError::Foreign {
            path: path.to_owned(),
        })
    } else {
        Err(StoreError::UnexpectedSchema {
            path: path.to_owned(),
            problems: differences.problems,
        })
    }
}

/// A `file:` URI that opens `path` as immutable (no locks, no WAL files).
fn immutable_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        // A drive letter (C:/…) or a relative path: keep it a path.
        if text.as_bytes().get(1) == Some(&b':') {
            uri.push('/');
        }
    }
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// How long a write waits for another program's write to finish: long
/// enough for another program's largest write (a demo or an import with
/// its files) on a slow, busy disk.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// Per-connection settings, in one place.
///
/// - busy_timeout first: the other settings may have to wait for a lock.
/// - WAL: readers never block the writer, and a crash mid-write leaves the
///   last committed state intact.
/// - synchronous=FULL: every commit is fsynced before it returns. In WAL mode
///   NORMAL is crash-safe but may drop the last commits on power loss; a
///   consultant's laptop dying mid-workshop is exactly the case we must
///   survive, and a local fsync costs well under the time of a keystroke.
/// - foreign_keys=ON: SQLite leaves them off by default.
/// - Transactions start with the write lock (BEGIN IMMEDIATE): one that
///   reads first and writes later would fail at once, without waiting, when
///   another program wrote in between.
fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    write_ahead_log(conn)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The history's bookkeeping lives in temporary tables: in memory, they
    // cost no file writes of their own.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.set_prepared_statement_cache_capacity(64);
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(())
}

/// Switches the database to WAL, and makes sure it is. Switching needs the
/// database to itself for a moment: while another program opens or creates
/// the same file, SQLite may answer "busy" at once, without waiting, or
/// leave the mode as it was; both are tried again until the busy timeout.
fn write_ahead_log(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let is_wal = |mode: &str| mode.eq_ignore_ascii_case("wal") || mode == "memory";
    loop {
        let outcome = conn
            .pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
            .and_then(|mode| {
                if is_wal(&mode) {
                    Ok(mode)
                } else {
                    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
                }
            });
        let busy = match outcome {
            Ok(mode) if is_wal(&mode) => return Ok(()),
            Ok(_) => true,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => true,
            Err(e) => return Err(e),
        };
        if busy && std::time::Instant::now() >= deadline {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                Some("database is locked".to_owned()),
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
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
        assert_eq!(get("busy_timeout"), 15_000);
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
