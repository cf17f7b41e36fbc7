//! The database as a running front door holds it. If it cannot be opened (a
//! newer schema, a damaged file) the app still starts: every operation
//! answers with the reason, and the recovery operations can restore a
//! snapshot or set the file aside, after which the store is opened again.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use clausewise_core::view::{AppInfo, RecoveryInfo, Snapshot};
use clausewise_core::{ApiError, ErrorCode};
use clausewise_store::{
    backup_dir, default_data_dir, list_snapshots, set_aside, OpenMode, Store, StoreError,
    DATABASE_FILE_NAME,
};

pub struct Session {
    store: Mutex<Result<Store, ApiError>>,
    database_path: PathBuf,
}

impl Session {
    /// Opens the database in the data folder (`CLAUSEWISE_DATA_DIR` or the
    /// OS per-user data folder) and seeds the demo assessment on the very
    /// first start.
    pub fn open_default() -> Session {
        match default_data_dir() {
            Ok(dir) => Session::open(dir.join(DATABASE_FILE_NAME)),
            Err(err) => Session {
                store: Mutex::new(Err(err.into())),
                database_path: PathBuf::new(),
            },
        }
    }

    pub fn open(database_path: PathBuf) -> Session {
        Session::open_seeded(database_path, true)
    }

    /// Opens the database at `database_path`; `seed_demo` adds the demo
    /// assessment when this open created the database.
    pub fn open_seeded(database_path: PathBuf, seed_demo: bool) -> Session {
        let store = open_store(&database_path, seed_demo);
        Session {
            store: Mutex::new(store),
            database_path,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Result<Store, ApiError>> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back), so a poisoned lock is safe to reuse.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The database file.
    pub fn database_path(&self) -> &Path {
        &self.database_path
    }

    /// The app's own data folder (where the database lives).
    pub fn data_dir(&self) -> Option<&Path> {
        self.database_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
    }

    /// Runs `f` against the store, mapping its errors for the UI.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.lock();
        let store = guard.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(ApiError::from)
    }

    /// Runs an operation of the application layer against the store.
    pub fn with_op<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, crate::OpError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.lock();
        let store = guard.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(ApiError::from)
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.database_path.clone(),
        }
    }

    pub fn recovery_info(&self) -> RecoveryInfo {
        RecoveryInfo {
            problem: self.lock().as_ref().err().cloned(),
            database_path: self.database_path.clone(),
            snapshots: list_snapshots(&self.database_path).unwrap_or_default(),
        }
    }

    pub fn snapshots(&self) -> Result<Vec<Snapshot>, ApiError> {
        list_snapshots(&self.database_path).map_err(ApiError::from)
    }

    /// Restores one of the app's own snapshots. Works whether or not the
    /// current database could be opened; nothing is ever deleted.
    pub fn restore_snapshot(&self, snapshot: &Path) -> Result<(), ApiError> {
        let snapshot = self.own_snapshot(snapshot)?;
        let mut guard = self.lock();
        let opened = guard.is_ok();
        crate::backup::restore(guard.as_mut().ok(), &self.database_path, &snapshot)?;
        if !opened {
            *guard = open_store(&self.database_path, false);
        }
        guard.as_ref().map(|_| ()).map_err(|e| e.clone())
    }

    /// Sets an unusable database file aside (never deleting it) and starts
    /// with an empty database.
    pub fn start_fresh(&self) -> Result<(), ApiError> {
        let mut guard = self.lock();
        if guard.is_ok() {
            return Err(ApiError::new(
                ErrorCode::Validation,
                "The database works; there is nothing to set aside.",
            ));
        }
        if self.database_path.exists() {
            set_aside(&self.database_path)?;
        }
        *guard = open_store(&self.database_path, false);
        guard.as_ref().map(|_| ()).map_err(|e| e.clone())
    }

    /// Only files in the app's own backups folder may be restored from the
    /// UI; anything else would have to come through a native file dialog.
    fn own_snapshot(&self, snapshot: &Path) -> Result<PathBuf, ApiError> {
        let refuse = || {
            ApiError::new(
                ErrorCode::Validation,
                "Only snapshots in Clausewise's own backups folder can be restored here.",
            )
        };
        let dir = backup_dir(&self.database_path)
            .canonicalize()
            .map_err(|_| refuse())?;
        let file = snapshot.canonicalize().map_err(|_| refuse())?;
        if file.parent() == Some(dir.as_path()) && file.is_file() {
            Ok(file)
        } else {
            Err(refuse())
        }
    }
}

/// Opens the database, or says why it cannot be used: then the app shows
/// the recovery screen. A database that opens but fails SQLite's quick
/// check is damaged too; working on in it could lose more.
fn open_store(path: &Path, seed_demo: bool) -> Result<Store, ApiError> {
    Store::open(path, OpenMode::CreateIfMissing)
        .and_then(|mut store| {
            store.quick_check()?;
            if seed_demo && store.was_created() {
                store.create_demo()?;
            }
            // A name given for this run only (a shared machine, a script):
            // recorded with the changes instead of the one in the settings.
            if let Some(name) = std::env::var("CLAUSEWISE_AUTHOR")
                .ok()
                .filter(|n| !n.trim().is_empty())
            {
                store.use_author(&name)?;
            }
            // A failed daily snapshot (e.g. a full disk) must not keep the
            // consultant from working; the next start tries again.
            if let Err(err) = store.snapshot_if_due() {
                eprintln!("Clausewise: the daily snapshot was not taken: {err}");
            }
            Ok(store)
        })
        .map_err(ApiError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_start_seeds_the_demo_once_and_takes_the_daily_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/clausewise.db");
        let state = Session::open(path.clone());
        let list = state.with(|s| s.list_assessments()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].client_name, "Nordwind Logistik GmbH");
        assert_eq!(state.snapshots().unwrap().len(), 1);
        let id = list[0].id;
        state.with(|s| s.delete_assessment(id)).unwrap();
        drop(state);

        let again = Session::open(path);
        assert!(again.with(|s| s.list_assessments()).unwrap().is_empty());
        assert_eq!(again.snapshots().unwrap().len(), 1, "once a day");
    }

    #[test]
    fn an_unreadable_database_can_be_recovered_from_a_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clausewise.db");
        let snapshot = {
            let state = Session::open(path.clone());
            state.snapshots().unwrap().remove(0)
        };
        std::fs::write(&path, b"this is a spreadsheet, not a database ....................................................").unwrap();
        let state = Session::open(path.clone());
        let err = state.with(|s| s.list_assessments()).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotADatabase);
        assert!(err.message.contains("clausewise.db"), "{}", err.message);
        let info = state.recovery_info();
        assert_eq!(info.problem.map(|p| p.code), Some(ErrorCode::NotADatabase));
        assert_eq!(info.snapshots.len(), 1);

        // Files outside the backups folder are refused.
        let outside = dir.path().join("elsewhere.db");
        std::fs::copy(&snapshot.path, &outside).unwrap();
        assert_eq!(
            state.restore_snapshot(&outside).unwrap_err().code,
            ErrorCode::Validation
        );

        state.restore_snapshot(&snapshot.path).unwrap();
        assert_eq!(state.with(|s| s.list_assessments()).unwrap().len(), 1);
        assert!(state.recovery_info().problem.is_none());
        let aside = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().contains(".set-aside-"));
        assert!(aside, "the unreadable file was kept");
    }

    #[test]
    fn a_damaged_database_that_still_opens_leads_to_the_recovery_screen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clausewise.db");
        let snapshot = {
            let state = Session::open(path.clone());
            state.snapshots().unwrap().remove(0)
        };
        // One page of the KPI table overwritten: the file still opens.
        let (root, size): (i64, i64) = {
            let conn = rusqlite::Connection::open(&path).unwrap();
            (
                conn.query_row(
                    "SELECT rootpage FROM sqlite_schema WHERE name = 'kpi'",
                    [],
                    |r| r.get(0),
                )
                .unwrap(),
                conn.pragma_query_value(None, "page_size", |r| r.get(0))
                    .unwrap(),
            )
        };
        let mut bytes = std::fs::read(&path).unwrap();
        let start = ((root - 1) * size) as usize;
        bytes[start..start + size as usize].fill(0x5a);
        std::fs::write(&path, &bytes).unwrap();
        assert!(Store::open(&path, OpenMode::MustExist).is_ok());

        let state = Session::open(path.clone());
        let info = state.recovery_info();
        let problem = info.problem.expect("the damage is the recovery problem");
        assert_eq!(problem.code, ErrorCode::NotADatabase);
        assert!(
            problem.message.contains("is damaged"),
            "{}",
            problem.message
        );
        assert!(
            problem.message.contains("Restore a snapshot"),
            "{}",
            problem.message
        );
        assert!(state.with(|s| s.list_assessments()).is_err());

        state.restore_snapshot(&snapshot.path).unwrap();
        assert_eq!(state.with(|s| s.list_assessments()).unwrap().len(), 1);
        assert!(state.with(|s| s.check()).unwrap().is_ok());
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".set-aside-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            std::fs::read(aside[0].path()).unwrap(),
            bytes,
            "kept as it was"
        );
    }

    #[test]
    fn starting_fresh_sets_the_file_aside_and_opens_an_empty_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clausewise.db");
        std::fs::write(&path, b"not a database at all, but someone's notes ..............................................").unwrap();
        let state = Session::open(path.clone());
        assert!(state.with(|s| s.list_assessments()).is_err());
        state.start_fresh().unwrap();
        assert!(
            state.with(|s| s.list_assessments()).unwrap().is_empty(),
            "no demo on a fresh start after recovery"
        );
        assert!(
            state.start_fresh().is_err(),
            "only when the database is unusable"
        );
    }

    #[test]
    fn validation_errors_name_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let state = Session::open(dir.path().join("clausewise.db"));
        let err = state
            .with(|s| {
                s.create_assessment(&clausewise_core::NewAssessment {
                    client_name: "Acme".into(),
                    title: "   ".into(),
                    scope: String::new(),
                    assessors: String::new(),
                    target_level: 3,
                    starts_on: None,
                    ends_on: None,
                })
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field, Some(clausewise_core::Field::Title));
    }
}
