//! Snapshots of the database file: automatically once a day when the app
//! starts and before every schema migration, by hand with
//! `clausewise-cli backup`, and before every restore. They live in a
//! `backups` folder beside the database; the newest [`KEEP`] are kept (see
//! [`rotate`] for the ones that are never deleted).

use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, SubsecRound};
pub use clausewise_core::view::{Snapshot, SnapshotReason};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::files::{self, Contents, Scratch};
use crate::sql::now;
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
            let reason = SnapshotReason::from_tag(stem.get(16..).unwrap_or_default());
            Some(Snapshot {
                path: entry.path(),
                created: created.and_utc(),
                reason: reason.clone(),
                reason_label: reason.label(),
                bytes: entry.metadata().ok()?.len(),
            })
        })
        .collect();
    snapshots.sort_by(|a, b| b.created.cmp(&a.created).then(b.path.cmp(&a.path)));
    Ok(snapshots)
}

/// A name for a new snapshot taken now: `clausewise-<stamp>-<reason>.db`,
/// numbered if that exists.
fn fresh_name(dir: &Path, reason: &SnapshotReason) -> (PathBuf, chrono::DateTime<chrono::Utc>) {
    let reason = reason.tag();
    let created = now();
    let stamp = created.format("%Y%m%d-%H%M%S");
    let mut path = dir.join(format!("{PREFIX}{stamp}-{reason}{SUFFIX}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{PREFIX}{stamp}-{reason}-{n}{SUFFIX}"));
        n += 1;
    }
    (path, created)
}

fn scratch_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .trim_start_matches(PREFIX)
        .to_owned()
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

fn sync_file(path: &Path) -> Result<(), StoreError> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(io_error(path))
}

/// Writes a consistent copy of `conn`'s database: `VACUUM INTO` a scratch
/// file, then rename, so a half-written snapshot never looks like a real
/// one. Rotation afterwards never deletes the new snapshot or any of
/// `protect`.
pub(crate) fn snapshot_connection(
    conn: &Connection,
    db_path: &Path,
    reason: &SnapshotReason,
    protect: &[&Path],
) -> Result<Snapshot, StoreError> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let mut scratch = Scratch::begin(db_path);
    let (path, created) = fresh_name(&dir, reason);
    let temp = scratch.file(&dir, &scratch_name(&path));
    conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
    sync_file(&temp)?;
    std::fs::rename(&temp, &path).map_err(io_error(&path))?;
    scratch.keep(&temp);
    files::sync_folder(&dir);
    finish_snapshot(db_path, path, created, reason, protect)
}

/// For a database too damaged for `VACUUM INTO`: a copy of the file as it
/// is, with its write-ahead log, so nothing in it is lost.
fn copy_snapshot(
    conn: &Connection,
    db_path: &Path,
    reason: &SnapshotReason,
    protect: &[&Path],
) -> Result<Snapshot, StoreError> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let mut scratch = Scratch::begin(db_path);
    let (path, created) = fresh_name(&dir, reason);
    let temp = scratch.file(&dir, &scratch_name(&path));
    let temp_log = files::with_suffix(&temp, "-wal");
    let log = files::with_suffix(db_path, "-wal");
    // Holding the write lock keeps the file and its log in step while they
    // are copied; a file damaged where the lock needs to read is copied anyway.
    let lock = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate).ok();
    std::fs::copy(db_path, &temp).map_err(io_error(&temp))?;
    let has_log = log.exists();
    if has_log {
        std::fs::copy(&log, &temp_log).map_err(io_error(&temp_log))?;
    }
    drop(lock);
    sync_file(&temp)?;
    if has_log {
        sync_file(&temp_log)?;
        // The log first: the snapshot never appears without it.
        let final_log = files::with_suffix(&path, "-wal");
        std::fs::rename(&temp_log, &final_log).map_err(io_error(&final_log))?;
    }
    std::fs::rename(&temp, &path).map_err(io_error(&path))?;
    scratch.keep(&temp);
    files::sync_folder(&dir);
    finish_snapshot(db_path, path, created, reason, protect)
}

fn finish_snapshot(
    db_path: &Path,
    path: PathBuf,
    created: chrono::DateTime<chrono::Utc>,
    reason: &SnapshotReason,
    protect: &[&Path],
) -> Result<Snapshot, StoreError> {
    let bytes = std::fs::metadata(&path)
        .map(|m| m.len())
        .unwrap_or_default();
    let mut keep: Vec<&Path> = protect.to_vec();
    keep.push(&path);
    rotate(db_path, &keep)?;
    Ok(Snapshot {
        path,
        created: created.trunc_subsecs(0),
        reason: reason.clone(),
        reason_label: reason.label(),
        bytes,
    })
}

/// Keeps the newest [`KEEP`] snapshots by the date in their names. Whatever
/// those dates (a clock set back, a folder copied from another machine),
/// it never deletes a snapshot in `protect` (the one just written, the one
/// being restored), the database itself, or the newest before-restore
/// snapshot (by when the file was written): they count towards the
/// [`KEEP`], and older ones go first.
fn rotate(db_path: &Path, protect: &[&Path]) -> Result<(), StoreError> {
    let snapshots = list_snapshots(db_path)?;
    let written = |s: &Snapshot| std::fs::metadata(&s.path).and_then(|m| m.modified()).ok();
    let last_undo = snapshots
        .iter()
        .filter(|s| s.reason == SnapshotReason::BeforeRestore)
        .max_by_key(|s| written(s))
        .map(|s| s.path.clone());
    let protected = |s: &Snapshot| {
        protect.iter().any(|p| files::same_file(p, &s.path))
            || files::same_file(db_path, &s.path)
            || last_undo.as_deref() == Some(s.path.as_path())
    };
    let mut room = KEEP.saturating_sub(snapshots.iter().filter(|s| protected(s)).count());
    for old in &snapshots {
        if protected(old) {
            continue;
        }
        if room > 0 {
            room -= 1;
            continue;
        }
        // A snapshot that cannot be deleted (permissions) stays; the new
        // one is written either way.
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(files::with_suffix(&old.path, suffix));
        }
    }
    Ok(())
}

impl Store {
    fn file_path(&self) -> Result<&Path, StoreError> {
        self.path.as_deref().ok_or(StoreError::NotAFile)
    }

    /// Takes a snapshot now.
    pub fn snapshot(&self, reason: SnapshotReason) -> Result<Snapshot, StoreError> {
        snapshot_connection(&self.conn, self.file_path()?, &reason, &[])
    }

    /// Takes the daily snapshot unless one was already taken today (UTC).
    pub fn snapshot_if_due(&self) -> Result<Option<Snapshot>, StoreError> {
        let today = now().date_naive();
        let taken = list_snapshots(self.file_path()?)?
            .iter()
            .any(|s| s.reason == SnapshotReason::Daily && s.created.date_naive() == today);
        if taken {
            return Ok(None);
        }
        self.snapshot(SnapshotReason::Daily).map(Some)
    }

    /// Replaces the database content with `snapshot`. Nothing happens to the
    /// database until the snapshot has been opened read-only, checked in full
    /// (integrity, foreign keys, exactly Clausewise's schema of its version)
    /// and copied aside (and brought up to this version's schema there);
    /// then the current state is snapshotted (so the restore can be undone)
    /// and the copy replaces the content in one transaction.
    pub fn restore(&mut self, snapshot: &Path) -> Result<Snapshot, StoreError> {
        let db_path = self.file_path()?.to_owned();
        let mut scratch = Scratch::begin(&db_path);
        let page_size: i64 = self
            .conn
            .pragma_query_value(None, "page_size", |r| r.get(0))?;
        let copy = prepare_copy(snapshot, &db_path, &mut scratch, Some(page_size))?;
        let before = match snapshot_connection(
            &self.conn,
            &db_path,
            &SnapshotReason::BeforeRestore,
            &[snapshot],
        ) {
            Err(e) if e.is_damage() => copy_snapshot(
                &self.conn,
                &db_path,
                &SnapshotReason::BeforeRestore,
                &[snapshot],
            )?,
            other => other?,
        };
        self.replace_content(&copy)?;
        Ok(before)
    }

    /// Writes every page of the database at `copy` over this database, in
    /// one transaction (SQLite's backup API).
    fn replace_content(&mut self, copy: &Path) -> Result<(), StoreError> {
        let source = Connection::open_with_flags(
            copy,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        {
            let backup = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            // The busy timeout has already been waited out once per try.
            let mut tries = 0;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    _ if tries < 3 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(100));
                    }
                    _ => {
                        return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            None,
                        )))
                    }
                }
            }
        }
        self.conn.flush_prepared_statement_cache();
        Ok(())
    }
}

/// Why `snapshot` cannot be restored, in words.
fn unusable(snapshot: &Path, reason: impl Into<String>) -> StoreError {
    StoreError::SnapshotUnusable {
        path: snapshot.to_owned(),
        reason: reason.into(),
    }
}

use crate::error::sqlite_reason as reason_of;

/// Opens a snapshot to read it (never creating anything) and checks that it
/// is a sound Clausewise database this version can use. Returns its schema
/// version.
fn open_snapshot(snapshot: &Path) -> Result<(Connection, i64), StoreError> {
    match files::sniff(snapshot).map_err(|_| unusable(snapshot, "it cannot be read"))? {
        Contents::Missing => return Err(unusable(snapshot, "there is no file there")),
        Contents::Empty => return Err(unusable(snapshot, "it is an empty file")),
        Contents::NotSqlite => return Err(unusable(snapshot, "it is not a database file")),
        Contents::Sqlite => {}
    }
    let source = Connection::open_with_flags(
        snapshot,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| unusable(snapshot, format!("it cannot be opened: {}", reason_of(&e))))?;
    let version = validate(&source, SCHEMA_VERSION).map_err(|r| unusable(snapshot, r))?;
    Ok((source, version))
}

/// Checks a database to restore from: a Clausewise schema no newer than
/// `newest`, exactly as Clausewise creates it, intact, with no row pointing
/// at one that does not exist. Returns its schema version, or the reason.
fn validate(conn: &Connection, newest: i64) -> Result<i64, String> {
    let damaged = |e: rusqlite::Error| format!("it cannot be read: {}", reason_of(&e));
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if version > newest {
        return Err(format!(
            "it was written by a newer Clausewise (schema {version})"
        ));
    }
    if version == 0 {
        return Err("it is not a Clausewise database".to_owned());
    }
    let differences =
        crate::migrations::schema_differences(conn, version).map_err(|e| match e {
            StoreError::Sqlite(e) => damaged(e),
            other => other.to_string(),
        })?;
    if differences.foreign {
        return Err("it is another program's database, not a Clausewise database".to_owned());
    }
    if !differences.problems.is_empty() {
        return Err(format!(
            "it is not a database as Clausewise creates it ({})",
            crate::migrations::summary(&differences.problems)
        ));
    }
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()
        })
        .map_err(damaged)?;
    if integrity != ["ok"] {
        return Err(format!(
            "it is damaged (SQLite's check reports: {})",
            integrity.first().map(String::as_str).unwrap_or_default()
        ));
    }
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(damaged)?;
    match dangling {
        0 => {}
        1 => return Err("one of its rows refers to a row that does not exist".to_owned()),
        n => return Err(format!("{n} of its rows refer to rows that do not exist")),
    }
    Ok(version)
}

/// Checks `snapshot` and copies it aside into the data folder of `db_path`,
/// brought up to this version's schema (and to `page_size`, which the
/// database it replaces has): what is restored is exactly what was checked,
/// even if the snapshot is deleted or changed meanwhile.
fn prepare_copy(
    snapshot: &Path,
    db_path: &Path,
    scratch: &mut Scratch,
    page_size: Option<i64>,
) -> Result<PathBuf, StoreError> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if files::same_file(snapshot, &files::with_suffix(db_path, suffix)) {
            return Err(unusable(snapshot, "it is the database itself"));
        }
    }
    let (source, _) = open_snapshot(snapshot)?;
    let copy = scratch.file(
        &files::folder_of(db_path),
        &format!("restore-{}", std::process::id()),
    );
    source
        .execute("VACUUM INTO ?1", [copy.to_string_lossy()])
        .map_err(|e| match e.sqlite_error_code() {
            // Nothing wrong with the snapshot: there is no room for the copy.
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::Sqlite(e),
            _ => unusable(
                snapshot,
                format!(
                    "it could not be copied beside the database: {}",
                    reason_of(&e)
                ),
            ),
        })?;
    drop(source);
    let mut conn = Connection::open_with_flags(
        &copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    crate::migrations::migrate(&mut conn)?;
    if let Some(size) = page_size {
        let own: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
        if own != size {
            // A database in WAL mode only takes pages of its own size.
            conn.pragma_update(None, "page_size", size)?;
            conn.execute_batch("VACUUM")?;
        }
    }
    validate(&conn, SCHEMA_VERSION).map_err(|r| unusable(snapshot, r))?;
    drop(conn);
    sync_file(&copy)?;
    Ok(copy)
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
    std::fs::rename(db_path, &aside).map_err(io_error(db_path))?;
    for extra in ["-wal", "-shm"] {
        let from = files::with_suffix(db_path, extra);
        if from.exists() {
            let to = files::with_suffix(&aside, extra);
            std::fs::rename(&from, &to).map_err(io_error(&from))?;
        }
    }
    files::sync_folder(&files::folder_of(db_path));
    Ok(aside)
}

/// For a database that cannot be used (it does not open, or it is
/// damaged): checks the snapshot and copies it aside as for a restore, then
/// sets the unusable file aside (never deleting it) and puts the copy in its
/// place. Returns where the unusable file went, if there was one.
pub fn recover_from_snapshot(
    db_path: &Path,
    snapshot: &Path,
) -> Result<Option<PathBuf>, StoreError> {
    let mut scratch = Scratch::begin(db_path);
    let copy = prepare_copy(snapshot, db_path, &mut scratch, None)?;
    let aside = if db_path.exists() {
        Some(set_aside(db_path)?)
    } else {
        None
    };
    std::fs::rename(&copy, db_path).map_err(io_error(db_path))?;
    scratch.keep(&copy);
    files::sync_folder(&files::folder_of(db_path));
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
            store.snapshot(SnapshotReason::Manual).expect("snapshot");
        }
        let list = list_snapshots(&db).expect("list");
        assert_eq!(list.len(), KEEP);
        assert!(list
            .iter()
            .all(|s| s.reason == SnapshotReason::Manual && s.bytes > 0));
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
            store.snapshot(SnapshotReason::Manual),
            Err(StoreError::NotAFile)
        ));
    }
}
