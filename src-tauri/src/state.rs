//! The store as managed state. If the database cannot be opened (a newer
//! schema, a damaged file) the app still starts and every command answers
//! with the reason, so the UI can explain instead of crashing.

use std::path::PathBuf;
use std::sync::Mutex;

use clausewise_core::api::AppInfo;
use clausewise_core::ApiError;
use clausewise_store::{default_data_dir, OpenMode, Store, StoreError, DATABASE_FILE_NAME};

pub struct AppState {
    store: Result<Mutex<Store>, ApiError>,
    database_path: PathBuf,
}

impl AppState {
    /// Opens the database in the data folder (`CLAUSEWISE_DATA_DIR` or the
    /// OS per-user data folder) and seeds the demo assessment on the very
    /// first start.
    pub fn open_default() -> AppState {
        match default_data_dir() {
            Ok(dir) => AppState::open(dir.join(DATABASE_FILE_NAME)),
            Err(err) => AppState {
                store: Err(err.into()),
                database_path: PathBuf::new(),
            },
        }
    }

    pub fn open(database_path: PathBuf) -> AppState {
        let store = Store::open(&database_path, OpenMode::CreateIfMissing).and_then(|mut store| {
            if store.was_created() {
                store.create_demo()?;
            }
            // A failed daily snapshot (e.g. a full disk) must not keep the
            // consultant from working; the next start tries again.
            if let Err(err) = store.snapshot_if_due() {
                eprintln!("Clausewise: the daily snapshot was not taken: {err}");
            }
            Ok(store)
        });
        AppState {
            store: store.map(Mutex::new).map_err(ApiError::from),
            database_path,
        }
    }

    /// Runs `f` against the store, mapping its errors for the UI.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, ApiError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back), so a poisoned lock is safe to reuse.
        let mut guard = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard).map_err(ApiError::from)
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.database_path.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clausewise_core::ErrorCode;

    #[test]
    fn first_start_seeds_the_demo_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/clausewise.db");
        let state = AppState::open(path.clone());
        let list = state.with(|s| s.list_assessments()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].client_name, "Nordwind Logistik GmbH");
        let id = list[0].id;
        state.with(|s| s.delete_assessment(id)).unwrap();
        drop(state);

        let again = AppState::open(path);
        assert!(again.with(|s| s.list_assessments()).unwrap().is_empty());
    }

    #[test]
    fn an_unreadable_database_becomes_an_error_every_command_reports() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clausewise.db");
        std::fs::write(&path, b"this is a spreadsheet, not a database ....................................................").unwrap();
        let state = AppState::open(path.clone());
        let err = state.with(|s| s.list_assessments()).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotADatabase);
        assert!(err.message.contains("clausewise.db"), "{}", err.message);
        assert_eq!(state.info().database_path, path);
    }

    #[test]
    fn validation_errors_name_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("clausewise.db"));
        let err = state
            .with(|s| {
                s.create_assessment(&clausewise_core::NewAssessment {
                    client_name: "Acme".into(),
                    title: "   ".into(),
                    scope: String::new(),
                    assessors: String::new(),
                    target_level: 3,
                })
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some("title"));
    }
}
