//! The database as a file: what it holds before SQLite is let near it, why
//! opening it failed, the scratch files Clausewise writes beside it, and the
//! files an export must never replace.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

use crate::backup::backup_dir;
use crate::StoreError;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// Scratch files (half-written snapshots, copies being restored, probes)
/// start with this; nothing else Clausewise writes does.
const SCRATCH_PREFIX: &str = ".clausewise-";
/// Held shared while scratch files are being written, exclusively while
/// leftovers of killed runs are removed, so a cleanup never takes away a
/// file another process is still writing.
const SCRATCH_LOCK: &str = ".clausewise-scratch.lock";

/// What a path holds, judged from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Contents {
    Missing,
    Empty,
    NotSqlite,
    Sqlite,
}

pub(crate) fn sniff(path: &Path) -> Result<Contents, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(e) => return Err(io(e)),
    };
    if file.metadata().map_err(io)?.is_dir() {
        return Ok(Contents::NotSqlite);
    }
    let mut head = Vec::with_capacity(SQLITE_HEADER.len());
    Read::by_ref(&mut file)
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    Ok(if head.is_empty() {
        Contents::Empty
    } else if head == SQLITE_HEADER {
        Contents::Sqlite
    } else {
        Contents::NotSqlite
    })
}

/// True when `path` is an existing file that starts like an SQLite database.
pub fn is_sqlite_file(path: &Path) -> bool {
    matches!(sniff(path), Ok(Contents::Sqlite))
}

/// The folder a database file is in ("." for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// `path` with `suffix` appended to its file name (`x.db` → `x.db-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Turns an SQLite error from opening (or first writing) the database into
/// the reason a consultant can act on: a read-only folder or file, a full
/// disk, a file that is not a database.
pub(crate) fn diagnose(path: &Path, err: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    match err.sqlite_error_code() {
        Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => StoreError::NotADatabase {
            path: path.to_owned(),
        },
        Some(
            C::CannotOpen | C::ReadOnly | C::PermissionDenied | C::SystemIoFailure | C::DiskFull,
        ) => writing_problem(path).unwrap_or_else(|| match err.sqlite_error_code() {
            Some(C::DiskFull) => StoreError::DiskFull {
                path: path.to_owned(),
            },
            _ => StoreError::Open {
                path: path.to_owned(),
                source: err,
            },
        }),
        _ => StoreError::Open {
            path: path.to_owned(),
            source: err,
        },
    }
}

/// Why nothing can be written beside or into `path`, if that is so. Only
/// asked after SQLite failed, so the probe costs nothing in normal use.
pub(crate) fn writing_problem(path: &Path) -> Option<StoreError> {
    let folder = folder_of(path);
    let probe = folder.join(format!("{SCRATCH_PREFIX}probe-{}", std::process::id()));
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut f| {
            // Room for SQLite's shared-memory index, the first thing it adds.
            let room = f.write_all(&[0u8; 64 * 1024]).and_then(|()| f.sync_all());
            let _ = std::fs::remove_file(&probe);
            room
        });
    match written {
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            return Some(StoreError::ReadOnlyFolder {
                path: path.to_owned(),
                folder,
            })
        }
        Err(e) if matches!(e.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded) => {
            return Some(StoreError::DiskFull {
                path: path.to_owned(),
            })
        }
        _ => {}
    }
    match OpenOptions::new().write(true).open(path) {
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Some(StoreError::ReadOnlyFile {
                path: path.to_owned(),
            })
        }
        _ => None,
    }
}

/// Scratch files being written: removed (with any journal SQLite kept for
/// them) when this is dropped, unless kept.
pub(crate) struct Scratch {
    _lock: Option<File>,
    files: Vec<PathBuf>,
}

impl Scratch {
    /// Starts writing scratch files for the database at `db_path`.
    pub(crate) fn begin(db_path: &Path) -> Scratch {
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder_of(db_path).join(SCRATCH_LOCK))
            .ok()
            .filter(|f| f.lock_shared().is_ok());
        Scratch {
            _lock: lock,
            files: Vec::new(),
        }
    }

    /// A fresh scratch file name in `dir`, e.g. `.clausewise-<what>.partial`;
    /// nothing is left there from before.
    pub(crate) fn file(&mut self, dir: &Path, what: &str) -> PathBuf {
        let path = dir.join(format!("{SCRATCH_PREFIX}{what}.partial"));
        remove_with_companions(&path);
        self.files.push(path.clone());
        path
    }

    /// `path` became a real file (renamed into place): not to be removed.
    pub(crate) fn keep(&mut self, path: &Path) {
        self.files.retain(|p| p != path);
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        for path in &self.files {
            remove_with_companions(path);
        }
    }
}

fn remove_with_companions(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// Removes what killed runs left behind: half-written snapshots and copies
/// (`.clausewise-….partial` and their journals) beside the database and in
/// its backups folder, and journals of snapshots. Only Clausewise's own
/// names, and only while no other process is writing one.
pub(crate) fn remove_leftovers(db_path: &Path) {
    let folder = folder_of(db_path);
    let mut leftovers = Vec::new();
    for dir in [folder.clone(), backup_dir(db_path)] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let leftover = entry.file_name().to_str().is_some_and(is_leftover)
                && entry.file_type().is_ok_and(|t| t.is_file());
            if leftover {
                leftovers.push(entry.path());
            }
        }
    }
    if leftovers.is_empty() {
        return;
    }
    let Ok(lock) = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(folder.join(SCRATCH_LOCK))
    else {
        return;
    };
    if lock.try_lock().is_err() {
        return;
    }
    for path in leftovers {
        let _ = std::fs::remove_file(path);
    }
}

fn is_leftover(name: &str) -> bool {
    let scratch = name.starts_with(SCRATCH_PREFIX)
        && (name.starts_with(&format!("{SCRATCH_PREFIX}probe-"))
            || [
                ".partial",
                ".partial-journal",
                ".partial-wal",
                ".partial-shm",
            ]
            .iter()
            .any(|end| name.ends_with(end)));
    // A snapshot is complete before it gets its name and is never written
    // again, so a journal beside one is stale.
    let snapshot_journal = name.starts_with("clausewise-") && name.ends_with(".db-journal");
    scratch || snapshot_journal
}

/// Whether two paths name the same file (also through links or `..`).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    let resolve = |p: &Path| -> PathBuf {
        if let Ok(c) = p.canonicalize() {
            return c;
        }
        match (p.parent(), p.file_name()) {
            (Some(dir), Some(name)) => folder_of(p)
                .canonicalize()
                .map(|d| d.join(name))
                .unwrap_or_else(|_| dir.join(name)),
            _ => p.to_owned(),
        }
    };
    resolve(a) == resolve(b)
}

/// Refuses to export to `out` when it is the database at `database` (or one
/// of the files SQLite keeps beside it), or any other SQLite database.
pub fn check_export_target(out: &Path, database: &Path) -> Result<(), StoreError> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if same_file(out, &with_suffix(database, suffix)) {
            return Err(StoreError::ExportOverLiveDatabase {
                path: out.to_owned(),
            });
        }
    }
    if is_sqlite_file(out) {
        return Err(StoreError::ExportOverDatabase {
            path: out.to_owned(),
        });
    }
    Ok(())
}

/// Makes a rename in `dir` durable (where the system allows it).
pub(crate) fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clausewise_leftovers_are_recognised() {
        for name in [
            ".clausewise-20260101-120000-manual.db.partial",
            ".clausewise-20260101-120000-manual.db.partial-journal",
            ".clausewise-restore-4711.partial",
            ".clausewise-probe-4711",
            "clausewise-20260101-120000-daily.db-journal",
        ] {
            assert!(is_leftover(name), "{name}");
        }
        for name in [
            "clausewise-20260101-120000-daily.db",
            "clausewise-20260101-120000-before-restore.db-wal",
            ".clausewise-scratch.lock",
            ".clausewise-a1b2.part",
            "notes.partial",
            "clausewise.db-journal",
            "clausewise.db",
        ] {
            assert!(!is_leftover(name), "{name}");
        }
    }

    #[test]
    fn files_are_sniffed_by_their_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("empty"), b"").unwrap();
        std::fs::write(p("text"), b"SQLite format 2 and some notes").unwrap();
        std::fs::write(p("db"), b"SQLite format 3\0rest of the header").unwrap();
        assert_eq!(sniff(&p("none")).unwrap(), Contents::Missing);
        assert_eq!(sniff(&p("empty")).unwrap(), Contents::Empty);
        assert_eq!(sniff(&p("text")).unwrap(), Contents::NotSqlite);
        assert_eq!(sniff(&p("db")).unwrap(), Contents::Sqlite);
        assert_eq!(sniff(dir.path()).unwrap(), Contents::NotSqlite);
        assert!(is_sqlite_file(&p("db")) && !is_sqlite_file(&p("text")));
    }
}
