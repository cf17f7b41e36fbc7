//! Why an operation failed, for both front doors: the desktop shell turns it
//! into `{code, message, field}` for the UI, the CLI prints the message.

use clausewise_core::{ApiError, ErrorCode};
use clausewise_report::ReportError;
use clausewise_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(
        "“{title}” has no baseline to compare with: it was not started as a follow-up, or its \
         baseline was deleted."
    )]
    NoBaseline { title: String },
    #[error("“{title}” has no baseline, so there is no progress to export.")]
    NoProgress { title: String },
    /// A file to import that cannot be read or is not a valid assessment
    /// file; the reason names the file.
    #[error("{reason}")]
    CannotImport { reason: String },
    #[error("The workbook could not be produced: {0}")]
    Workbook(String),
    #[error("{what} could not be saved to {}: {message}. Choose another folder, or free some space and try again.", path.display())]
    Save {
        what: &'static str,
        path: std::path::PathBuf,
        message: String,
    },
}

impl From<OpError> for ApiError {
    fn from(err: OpError) -> Self {
        match err {
            OpError::Store(e) => e.into(),
            OpError::Report(e) => {
                let code = ErrorCode::Validation;
                let field =
                    matches!(e, ReportError::Logo(_)).then_some(clausewise_core::Field::Logo);
                ApiError {
                    code,
                    message: e.to_string(),
                    field,
                }
            }
            e @ (OpError::NoBaseline { .. } | OpError::NoProgress { .. }) => {
                ApiError::new(ErrorCode::NotFound, e.to_string())
            }
            e @ OpError::Workbook(_) => ApiError::new(ErrorCode::Internal, e.to_string()),
            e @ OpError::CannotImport { .. } => ApiError::new(ErrorCode::Validation, e.to_string()),
            e @ OpError::Save { .. } => ApiError::new(ErrorCode::Storage, e.to_string()),
        }
    }
}
