//! Snapshots of the database file: automatically once a day when the app
//! starts and before every schema migration, by hand with
//! `clausewise-cli backup`, and before every restore. They live in a
//! `backups` folder beside the database; the newest [`KEEP`] are kept.

use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, SubsecRound};
pub use clausewise_core::api::Snapshot;
use rusqlite::{Connection, OpenFlags};

use crate::assessments::now;
use crate::{Store, StoreError, SCHEMA_VERSION};

/// How many snapshots are kept; older ones are deleted.
pub const KEEP: usize = 20;
const PREFIX: &str = "clausewise-";
const SUFFIX: &str = ".db";

/// The folder snapshots of the database at `db_path` go to.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .map_or_else(|| PathBuf::from("backups"), |p| p.join("backups"))
}

/// Snapshots of the database at `db_path`, newest first.
pub fn list_snapshots(db_path: &Path) -> Result<Vec<Snapshot>, StoreError> {
    let dir = backup_dir(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut snapshots: Vec<Snapshot> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            // clausewise-20261124-235900-daily.db
            let created = NaiveDateTime::parse_from_str(stem.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
            Some(Snapshot {
                path: entry.path(),
                created: created.and_utc(),
                reason: stem.get(16..).unwrap_or_default().to_owned(),
                bytes: entry.metadata().ok()?.len(),
            })
        })
        .collect();
    snapshots.sort_by(|a, b| b.created.cmp(&a.created).then(b.path.cmp(&a.path)));
    Ok(snapshots)
}

/// Writes a consistent copy of `conn`'s database: `VACUUM INTO` a temporary
/// file, then rename, so a half-written snapshot never looks like a real one.
pub(crate) fn snapshot_connection(
    conn: &Connection,
    db_path: &Path,
    reason: &str,
) -> Result<Snapshot, StoreError> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
        path: dir.clone(),
        source,
    })?;
    let created = now();
    let stamp = created.format("%Y%m%d-%H%M%S");
    let mut path = dir.join(format!("{PREFIX}{stamp}-{reason}{SUFFIX}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{PREFIX}{stamp}-{reason}-{n}{SUFFIX}"));
        n += 1;
    }
    let temp = dir.join(format!(
        ".{}.partial",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&temp);
    let written = conn
        .execute("VACUUM INTO ?1", [temp.to_string_lossy()])
        .map_err(StoreError::from)
        .and_then(|_| {
            std::fs::rename(&temp, &path).map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })
        });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    let bytes = std::fs::metadata(&path)
        .map(|m| m.len())
        .unwrap_or_default();
    rotate(db_path)?;
    Ok(Snapshot {
        path,
        created: created.trunc_subsecs(0),
        reason: reason.to_owned(),
        bytes,
    })
}

fn rotate(db_path: &Path) -> Result<(), StoreError> {
    for old in list_snapshots(db_path)?.into_iter().skip(KEEP) {
        std::fs::remove_file(&old.path).map_err(|source| StoreError::Io {
            path: old.path.clone(),
            source,
        })?;
    }
    Ok(())
}

impl Store {
    fn file_path(&self) -> Result<&Path, StoreError> {
        self.path.as_deref().ok_or(StoreError::NotAFile)
    }

    /// Takes a snapshot now.
    pub fn snapshot(&self, reason: &str) -> Result<Snapshot, StoreError> {
        snapshot_connection(&self.conn, self.file_path()?, reason)
    }

    /// Takes the daily snapshot unless one was already taken today (UTC).
    pub fn snapshot_if_due(&self) -> Result<Option<Snapshot>, StoreError> {
        let today = now().date_naive();
        let taken = list_snapshots(self.file_path()?)?
            .iter()
            .any(|s| s.reason == "daily" && s.created.date_naive() == today);
        if taken {
            return Ok(None);
        }
        self.snapshot("daily").map(Some)
    }

    /// Replaces the database content with `snapshot`, after checking that the
    /// snapshot is a sound Clausewise database this version can read, and
    /// after snapshotting the current state (so a restore can be undone).
    pub fn restore(&mut self, snapshot: &Path) -> Result<Snapshot, StoreError> {
        validate_snapshot(snapshot)?;
        let before = self.snapshot("before-restore")?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            snapshot,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        // A snapshot from an older version is brought up to date.
        crate::migrations::migrate(&mut self.conn)?;
        Ok(before)
    }
}

/// Checks that `snapshot` is a sound Clausewise database this version reads.
fn validate_snapshot(snapshot: &Path) -> Result<(), StoreError> {
    let unusable = |reason: String| StoreError::SnapshotUnusable {
        path: snapshot.to_owned(),
        reason,
    };

    let source = Connection::open_with_flags(snapshot, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| unusable(e.to_string()))?;
    let version: i64 = source
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| unusable(e.to_string()))?;
    if version > SCHEMA_VERSION {
        return Err(unusable(format!(
            "it was written by a newer Clausewise (schema {version})"
        )));
    }
    let integrity: String = source
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| unusable(e.to_string()))?;
    if integrity != "ok" {
        return Err(unusable(format!("it is damaged ({integrity})")));
    }
    let tables: i64 = source
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'assessment'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| unusable(e.to_string()))?;
    if tables == 0 {
        return Err(unusable("it is not a Clausewise database".to_owned()));
    }
    Ok(())
}

/// Moves the database file (and its WAL files) aside under a new name, never
/// deleting anything, and returns where it went.
pub fn set_aside(db_path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = now().format("%Y%m%d-%H%M%S");
    let name = db_path.file_name().unwrap_or_default().to_string_lossy();
    // Never over an earlier set-aside file: rename would replace it.
    let mut aside = db_path.with_file_name(format!("{name}.set-aside-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = db_path.with_file_name(format!("{name}.set-aside-{stamp}-{n}"));
        n += 1;
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io { path, source }
    };
    std::fs::rename(db_path, &aside).map_err(io(db_path))?;
    for extra in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{extra}", db_path.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{extra}", aside.display()));
            std::fs::rename(&from, &to).map_err(io(&from))?;
        }
    }
    Ok(aside)
}

/// For a database that cannot be opened at all: checks the snapshot, sets
/// the unusable file aside and puts a copy of the snapshot in its place.
/// Returns where the unusable file went, if there was one.
pub fn recover_from_snapshot(
    db_path: &Path,
    snapshot: &Path,
) -> Result<Option<PathBuf>, StoreError> {
    validate_snapshot(snapshot)?;
    let temp = db_path.with_file_name(".clausewise-restore.partial");
    let copied = std::fs::copy(snapshot, &temp)
        .and_then(|_| std::fs::File::open(&temp)?.sync_all())
        .map_err(|source| StoreError::Io {
            path: temp.clone(),
            source,
        });
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    let aside = if db_path.exists() {
        Some(set_aside(db_path)?)
    } else {
        None
    };
    std::fs::rename(&temp, db_path).map_err(|source| StoreError::Io {
        path: db_path.to_owned(),
        source,
    })?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpenMode;

    #[test]
    fn snapshots_are_listed_newest_first_and_rotated() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clausewise.db");
        let mut store = Store::open(&db, OpenMode::CreateIfMissing).expect("open");
        store.create_demo().expect("demo");
        for _ in 0..(KEEP + 3) {
            store.snapshot("manual").expect("snapshot");
        }
        let list = list_snapshots(&db).expect("list");
        assert_eq!(list.len(), KEEP);
        assert!(list
            .iter()
            .all(|s| s.reason.starts_with("manual") && s.bytes > 0));
        assert!(list.windows(2).all(|w| w[0].created >= w[1].created));
        // No partial files are left behind.
        let partial = std::fs::read_dir(backup_dir(&db))
            .expect("dir")
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".partial"));
        assert!(!partial);
    }

    #[test]
    fn the_daily_snapshot_is_taken_once_a_day() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clausewise.db");
        let store = Store::open(&db, OpenMode::CreateIfMissing).expect("open");
        assert!(store.snapshot_if_due().expect("first").is_some());
        assert!(store.snapshot_if_due().expect("second").is_none());
        assert_eq!(list_snapshots(&db).expect("list").len(), 1);
    }

    #[test]
    fn in_memory_stores_have_no_snapshots() {
        let store = Store::open_in_memory().expect("open");
        assert!(matches!(
            store.snapshot("manual"),
            Err(StoreError::NotAFile)
        ));
    }
}
