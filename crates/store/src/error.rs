use clausewise_core::{ApiError, ErrorCode, ValidationError};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("There is no database at {}.", path.display())]
    Missing { path: PathBuf },
    #[error("The data folder {} could not be created: {source}.", path.display())]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("The database {} could not be opened: {}.", path.display(), sqlite_reason(source))]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "{} is not a Clausewise database, or it is damaged. It was left untouched.",
        path.display()
    )]
    NotADatabase { path: PathBuf },
    #[error("{} is an empty file, not a Clausewise database. It was left untouched.", path.display())]
    EmptyFile { path: PathBuf },
    #[error(
        "{} is another program's database, not a Clausewise database. It was left untouched.",
        path.display()
    )]
    Foreign { path: PathBuf },
    #[error(
        "{} is not a database as Clausewise creates it: {}. It was left untouched; \
         restore a snapshot to get a sound database back.",
        path.display(),
        crate::migrations::summary(problems)
    )]
    UnexpectedSchema {
        path: PathBuf,
        problems: Vec<String>,
    },
    #[error(
        "The database {} is damaged (SQLite's check reports: {detail}). Restore a snapshot, \
         or set the file aside and start empty; the damaged file is kept either way.",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
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
    #[error(
        "{} was written by an earlier version of Clausewise and must be updated before it can \
         be read, which cannot be done while {} is read-only. Make the folder writable and try \
         again; the file was left untouched.",
        path.display(),
        folder.display()
    )]
    NeedsUpdateReadOnly { path: PathBuf, folder: PathBuf },
    #[error(
        "The folder {} is read-only, so nothing can be saved to {}. Make the folder writable, \
         or copy the database to a folder you can write to and use that copy.",
        folder.display(),
        path.display()
    )]
    ReadOnlyFolder { path: PathBuf, folder: PathBuf },
    #[error(
        "{} is a read-only file, so nothing can be saved to it. Make it writable, or copy it \
         and use the copy.",
        path.display()
    )]
    ReadOnlyFile { path: PathBuf },
    #[error(
        "The disk holding {} is full, so the database cannot be opened. Free some space on \
         that disk and try again; nothing was changed.",
        path.display()
    )]
    DiskFull { path: PathBuf },
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
    #[error(transparent)]
    Attachment(#[from] crate::evidence::AttachmentError),
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
    #[error(
        "The file shares {what} ids with the assessment “{title}” that is already here, so it \
         cannot be imported as it is. Import it with Keep both: the copy gets ids of its own."
    )]
    SharedIds { what: &'static str, title: String },
    #[error(
        "{} is the Clausewise database itself; an export never replaces it. Choose another file.",
        path.display()
    )]
    ExportOverLiveDatabase { path: PathBuf },
    #[error(
        "{} is a database file; an export never replaces a database. Choose another file.",
        path.display()
    )]
    ExportOverDatabase { path: PathBuf },
    #[error("“{title}” is final, as issued to the client. Reopen it as a draft to change it.")]
    Final { title: String },
    #[error(
        "The database could not be updated to this version of Clausewise (step {version}): {}. \
         It was left as it was.",
        sqlite_reason(source)
    )]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("There is nothing to undo in this assessment.")]
    NothingToUndo,
    #[error("There is nothing to redo: the last change was not an undo.")]
    NothingToRedo,
    #[error(
        "This change cannot be taken back: {what} has been changed since (by a merge or another \
         program). Nothing was changed."
    )]
    UndoBlocked { what: String },
    #[error(
        "The two copies changed the same things differently; choose which to keep: {}.",
        conflicts.join("; ")
    )]
    MergeConflicts { conflicts: Vec<String> },
    #[error(
        "“{title}” is not in this database: a merge joins two copies of the same assessment. \
         Import the file instead."
    )]
    NotACopy { title: String },
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
        Some(C::DatabaseCorrupt) | Some(C::NotADatabase) => {
            "The database is damaged: nothing was saved. Run `clausewise-cli check`, or restore \
             a snapshot from the backups."
                .into()
        }
        _ => format!("A database error occurred: {}.", sqlite_reason(err)),
    }
}

/// SQLite's own description of an error, without Rust's wrapping.
pub(crate) fn sqlite_reason(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::SqliteFailure(e, Some(message)) => {
            if message.is_empty() {
                e.to_string()
            } else {
                message.clone()
            }
        }
        rusqlite::Error::SqliteFailure(e, None) => e.to_string(),
        other => other.to_string(),
    }
}

impl StoreError {
    /// True when the error says the database file itself is damaged.
    pub(crate) fn is_damage(&self) -> bool {
        use rusqlite::ErrorCode as C;
        matches!(
            self,
            StoreError::Sqlite(e) if matches!(
                e.sqlite_error_code(),
                Some(C::DatabaseCorrupt) | Some(C::NotADatabase)
            )
        )
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Missing { .. }
            | StoreError::CreateFolder { .. }
            | StoreError::Open { .. }
            | StoreError::NoDataFolder => ErrorCode::Unavailable,
            StoreError::NotADatabase { .. }
            | StoreError::EmptyFile { .. }
            | StoreError::Foreign { .. }
            | StoreError::UnexpectedSchema { .. }
            | StoreError::Damaged { .. } => ErrorCode::NotADatabase,
            StoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Invalid(_) | StoreError::File(_) | StoreError::Attachment(_) => {
                ErrorCode::Validation
            }
            StoreError::AlreadyExists { .. } | StoreError::SharedIds { .. } => ErrorCode::Conflict,
            StoreError::ExportOverLiveDatabase { .. } | StoreError::ExportOverDatabase { .. } => {
                ErrorCode::Validation
            }
            StoreError::Final { .. } => ErrorCode::Final,
            StoreError::Migration { .. }
            | StoreError::NeedsUpdateReadOnly { .. }
            | StoreError::ReadOnlyFolder { .. }
            | StoreError::ReadOnlyFile { .. }
            | StoreError::DiskFull { .. }
            | StoreError::Sqlite(_)
            | StoreError::Io { .. }
            | StoreError::NotAFile => ErrorCode::Storage,
            StoreError::SnapshotUnusable { .. } => ErrorCode::Validation,
            StoreError::NothingToUndo | StoreError::NothingToRedo => ErrorCode::NotFound,
            StoreError::UndoBlocked { .. } | StoreError::MergeConflicts { .. } => {
                ErrorCode::Conflict
            }
            StoreError::NotACopy { .. } => ErrorCode::NotFound,
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
