//! The error every front door reports: a code to act on, a sentence for
//! people, and the field it belongs to.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{Field, ValidationError};

/// Machine-readable error kinds; the UI decides what to show by `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input did not pass validation; `field` says which input.
    Validation,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The database was written by a newer Clausewise.
    NewerSchema,
    /// The database file is not a Clausewise/SQLite database or is damaged.
    NotADatabase,
    /// The database could not be opened at all (permissions, missing folder).
    Unavailable,
    /// Reading or writing failed (disk full, read-only folder, I/O error).
    Storage,
    /// A fault in Clausewise itself.
    Internal,
    /// The thing to add exists already (an imported assessment's id).
    Conflict,
    /// The assessment is final; it must be reopened as a draft to change it.
    Final,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 9] = [
        ErrorCode::Validation,
        ErrorCode::NotFound,
        ErrorCode::NewerSchema,
        ErrorCode::NotADatabase,
        ErrorCode::Unavailable,
        ErrorCode::Storage,
        ErrorCode::Internal,
        ErrorCode::Conflict,
        ErrorCode::Final,
    ];
}

/// An error as the UI receives it: a code to act on and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the message belongs to, for validation errors.
    pub field: Option<Field>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            field: None,
        }
    }
}

impl From<ValidationError> for ApiError {
    fn from(err: ValidationError) -> Self {
        ApiError {
            code: ErrorCode::Validation,
            message: err.to_string(),
            field: Some(err.field()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_carry_the_field_they_belong_to() {
        let err: ApiError = ValidationError::Required {
            field: Field::ClientName,
        }
        .into();
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field, Some(Field::ClientName));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "validation");
        assert_eq!(json["message"], "Client name is required.");
        assert_eq!(json["field"], "client_name");
    }
}
