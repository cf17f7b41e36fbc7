//! Where the database lives. The desktop app and the CLI share this so that
//! `clausewise-cli` without `--db` sees what the app shows.

use std::path::PathBuf;

use crate::StoreError;

/// Overrides the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "CLAUSEWISE_DATA_DIR";
pub const DATABASE_FILE_NAME: &str = "clausewise.db";
/// Same as the bundle identifier in `src-tauri/tauri.conf.json`.
const APP_IDENTIFIER: &str = "com.clausewise.desktop";

/// `$CLAUSEWISE_DATA_DIR` if set, else the OS per-user data folder
/// (`~/.local/share/com.clausewise.desktop` on Linux).
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or(StoreError::NoDataFolder)
}
