use clausewise_core::{ApiError, ErrorCode, ValidationError};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("There is no database at {}.", path.display())]
    Missing { path: PathBuf },
    #[error("The data folder {} could not be created: {source}.", path.display())]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("The database {} could not be opened: {source}.", path.display())]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "{} is not a Clausewise database, or it is damaged. It was left untouched.",
        path.display()
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{} was written by a newer version of Clausewise (schema {found}; this version \
         understands up to {supported}). Update Clausewise to open it; the file was left untouched.",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("No per-user data folder is known on this system; set CLAUSEWISE_DATA_DIR.")]
    NoDataFolder,
    #[error("{} could not be read or written: {source}.", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("This database is not stored in a file, so it has no snapshots.")]
    NotAFile,
    #[error("{} cannot be restored: {reason}. Nothing was changed.", path.display())]
    SnapshotUnusable { path: PathBuf, reason: String },
    #[error("The {what} was not found; it may have been deleted.")]
    NotFound { what: &'static str },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    File(#[from] clausewise_core::transfer::FileError),
    #[error(
        "The assessment “{title}” is already in this database (same id). {}",
        newer_copy(*here_changed, *file_changed)
    )]
    AlreadyExists {
        id: uuid::Uuid,
        title: String,
        /// When the copy in the database and the copy in the file were last
        /// changed, so the consultant can tell which is newer.
        here_changed: chrono::DateTime<chrono::Utc>,
        file_changed: chrono::DateTime<chrono::Utc>,
    },
    #[error("“{title}” is final, as issued to the client. Reopen it as a draft to change it.")]
    Final { title: String },
    #[error("The database could not be updated: {0}.")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
}

/// Which of two copies of an assessment changed last, in local time.
fn newer_copy(here: chrono::DateTime<chrono::Utc>, file: chrono::DateTime<chrono::Utc>) -> String {
    let when = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono::Local)
            .format("%-d %B %Y at %H:%M")
            .to_string()
    };
    let (here_text, file_text) = (when(here), when(file));
    match here.cmp(&file) {
        std::cmp::Ordering::Less => format!(
            "The file’s copy is newer: changed on {file_text}; the one here on {here_text}."
        ),
        std::cmp::Ordering::Greater => format!(
            "The copy here is newer: changed on {here_text}; the file’s copy on {file_text}."
        ),
        std::cmp::Ordering::Equal => {
            format!("Both copies were last changed on {here_text}: they are likely the same.")
        }
    }
}

fn sqlite_message(err: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match err.sqlite_error_code() {
        Some(C::DiskFull) => {
            "The disk is full: nothing was saved. Free some space and try again.".into()
        }
        Some(C::ReadOnly) | Some(C::CannotOpen) | Some(C::PermissionDenied) => {
            "The database cannot be written (read-only file or folder): nothing was saved.".into()
        }
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => {
            "The database is busy in another program; try again in a moment.".into()
        }
        _ => format!("A database error occurred: {err}"),
    }
}

impl StoreError {
    /// Sorts an error from the first read of a file: "not a database" and
    /// "corrupt" get their own message, naming the file.
    pub(crate) fn classify(path: &Path, err: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        match err.sqlite_error_code() {
            Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => StoreError::NotADatabase {
                path: path.to_owned(),
            },
            _ => StoreError::Open {
                path: path.to_owned(),
                source: err,
            },
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Missing { .. }
            | StoreError::CreateFolder { .. }
            | StoreError::Open { .. }
            | StoreError::NoDataFolder => ErrorCode::Unavailable,
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Invalid(_) | StoreError::File(_) => ErrorCode::Validation,
            StoreError::AlreadyExists { .. } => ErrorCode::Conflict,
            StoreError::Final { .. } => ErrorCode::Final,
            StoreError::Migration(_)
            | StoreError::Sqlite(_)
            | StoreError::Io { .. }
            | StoreError::NotAFile => ErrorCode::Storage,
            StoreError::SnapshotUnusable { .. } => ErrorCode::Validation,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Invalid(invalid) => invalid.into(),
            other => ApiError::new(other.code(), other.to_string()),
        }
    }
}
