//! What crosses the boundary to the user interface.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
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

/// An error as the UI receives it: a code to act on and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the message belongs to, for validation errors.
    pub field: Option<String>,
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
            field: Some(field_key(err.field()).to_owned()),
        }
    }
}

fn field_key(field: Field) -> &'static str {
    match field {
        Field::ClientName => "client_name",
        Field::Title => "title",
        Field::Scope => "scope",
        Field::Assessors => "assessors",
        Field::TargetLevel => "target_level",
        Field::NaJustification => "na_justification",
        Field::Notes => "notes",
        Field::Evidence => "evidence",
        Field::Interviewees => "interviewees",
        Field::Level => "rating",
        Field::FindingTitle => "title",
        Field::Observation => "observation",
        Field::Recommendation => "recommendation",
        Field::Owner => "owner",
        Field::KpiName => "name",
        Field::KpiUnit => "unit",
        Field::KpiValue => "value",
        Field::KpiPeriod => "period",
        Field::KpiSource => "source",
        Field::Confidentiality => "confidentiality",
        Field::Firm => "firm",
        Field::Author => "author",
        Field::Sections => "sections",
        Field::StartsOn => "starts_on",
        Field::EndsOn => "ends_on",
        Field::DueDate => "due_date",
    }
}

/// Facts about the running app shown in the UI (about box, footer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    #[ts(type = "string")]
    pub database_path: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_carry_the_field_key_used_by_the_ui() {
        let err: ApiError = ValidationError::Required {
            field: Field::ClientName,
        }
        .into();
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some("client_name"));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "validation");
        assert_eq!(json["message"], "Client name is required.");
    }
}

/// A snapshot of the database file, as listed for restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Snapshot {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub created: chrono::DateTime<chrono::Utc>,
    /// Why it was taken: daily, manual, before-restore, before-migration-to-vN.
    pub reason: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What the recovery screen needs when the database cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoveryInfo {
    /// Why the database cannot be used; `None` when all is well.
    pub problem: Option<ApiError>,
    #[ts(type = "string")]
    pub database_path: PathBuf,
    pub snapshots: Vec<Snapshot>,
}

/// Everything the clause-by-clause workspace shows for one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Workspace {
    pub assessment: crate::Assessment,
    pub client_name: String,
    /// Stored responses; requirements without one are not assessed yet.
    pub responses: Vec<crate::ClauseResponse>,
    pub scorecard: crate::Scorecard,
}

/// The answer to saving a response (or one field of it): what was stored and
/// the new roll-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedResponse {
    pub response: crate::ClauseResponse,
    pub scorecard: crate::Scorecard,
}

/// A PDF report the app has written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedReport {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub pages: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Things that came out differently from what was typed (e.g. characters
    /// outside the report's typeface).
    pub warnings: Vec<String>,
}
