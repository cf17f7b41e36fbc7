//! Which database a command works on, and opening it for writing or only
//! for reading.

use std::path::{Path, PathBuf};

use clausewise_store::{default_data_dir, OpenMode, Store, StoreError, DATABASE_FILE_NAME};

use crate::error::CliError;

/// `--db` if given, else the desktop app's database.
pub fn database_path(db: Option<PathBuf>) -> Result<PathBuf, CliError> {
    match db {
        Some(path) => Ok(path),
        None => Ok(default_data_dir()?.join(DATABASE_FILE_NAME)),
    }
}

/// Opens the database for a command that writes.
pub fn open(path: &Path, mode: OpenMode) -> Result<Store, CliError> {
    Store::open(path, mode).map_err(|e| CliError::Failed(open_message(path, e)))
}

/// Opens the database for a command that only reads (the connection refuses
/// any change): where nothing can be written (a read-only folder or file, a
/// full disk) it is read as it is.
pub fn open_for_reading(path: &Path) -> Result<Store, CliError> {
    match Store::open_for_reading(path) {
        Ok(store) => Ok(store),
        Err(
            e @ (StoreError::ReadOnlyFolder { .. }
            | StoreError::ReadOnlyFile { .. }
            | StoreError::DiskFull { .. }),
        ) => Store::open_read_only(path).map_err(|read| {
            CliError::Failed(match read {
                StoreError::NeedsUpdateReadOnly { .. } => read.to_string(),
                _ => e.to_string(),
            })
        }),
        Err(e) => Err(CliError::Failed(open_message(path, e))),
    }
}

pub fn open_message(path: &Path, e: StoreError) -> String {
    match e {
        StoreError::Missing { .. } => format!(
            "{e} Create one with `clausewise-cli --db {} demo`, or start the desktop app.",
            path.display()
        ),
        StoreError::ReadOnlyFolder { .. } | StoreError::ReadOnlyFile { .. } => format!(
            "{e} The commands that only read (list, summary, compare, export, report, check) \
             still work."
        ),
        other => other.to_string(),
    }
}
