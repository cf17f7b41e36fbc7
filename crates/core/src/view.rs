//! The view models the front doors show: what the workspace, the backups
//! page and the recovery screen receive.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

use crate::error::ApiError;

/// Facts about the running app shown in the UI (about box, footer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    #[ts(type = "string")]
    pub database_path: PathBuf,
}

/// A snapshot of the database file, as listed for restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Snapshot {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub created: chrono::DateTime<chrono::Utc>,
    /// Why it was taken.
    pub reason: SnapshotReason,
    /// The reason as the Backups page says it ([`SnapshotReason::label`]).
    pub reason_label: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Why a snapshot was taken. Its file name carries the reason as a tag
/// (`clausewise-20261124-235900-daily.db`); see [`SnapshotReason::tag`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SnapshotReason {
    /// The first start of the day.
    Daily,
    /// Taken by hand (the Backups page, `clausewise-cli backup`).
    Manual,
    /// What a restore replaced.
    BeforeRestore,
    /// The data as it was before a schema update to `version`.
    BeforeMigration { version: u32 },
    /// A tag this version does not know (a snapshot from a newer one).
    Other { tag: String },
}

impl SnapshotReason {
    /// The tag in the file name.
    pub fn tag(&self) -> String {
        match self {
            SnapshotReason::Daily => "daily".to_owned(),
            SnapshotReason::Manual => "manual".to_owned(),
            SnapshotReason::BeforeRestore => "before-restore".to_owned(),
            SnapshotReason::BeforeMigration { version } => {
                format!("before-migration-to-v{version}")
            }
            SnapshotReason::Other { tag } => tag.clone(),
        }
    }

    /// Reads a file name's tag; a numbered duplicate ("manual-2", two
    /// snapshots in one second) has the reason of its tag.
    pub fn from_tag(tag: &str) -> SnapshotReason {
        let base = match tag.rsplit_once('-') {
            Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
            _ => tag,
        };
        match base {
            "daily" => SnapshotReason::Daily,
            "manual" => SnapshotReason::Manual,
            "before-restore" => SnapshotReason::BeforeRestore,
            other => match other
                .strip_prefix("before-migration-to-v")
                .and_then(|v| v.parse().ok())
            {
                Some(version) => SnapshotReason::BeforeMigration { version },
                None => SnapshotReason::Other {
                    tag: tag.to_owned(),
                },
            },
        }
    }

    /// As the Backups page and the recovery screen say it.
    pub fn label(&self) -> String {
        match self {
            SnapshotReason::Daily => "Daily, on start".to_owned(),
            SnapshotReason::Manual => "Taken by hand".to_owned(),
            SnapshotReason::BeforeRestore => "Before a restore".to_owned(),
            SnapshotReason::BeforeMigration { version } => {
                format!("Before the database update to version {version}")
            }
            SnapshotReason::Other { tag } => tag.clone(),
        }
    }
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
    /// Every requirement's conformity judgement once its open findings are
    /// counted, with what a reviewer would question, in catalogue order.
    pub standings: Vec<crate::Standing>,
    /// The documented information register: the 7.5.4 checklist, then what
    /// each other requirement expects, every entry in catalogue order.
    pub documents: Vec<crate::verdicts::DocumentCheck>,
    /// The ITIL practice profile: every one of the 34 practices, in ITIL
    /// order, blank where nothing was recorded.
    pub practices: Vec<crate::practices::PracticeRecord>,
}

/// The answer to saving a response (or one field of it): what was stored and
/// the new roll-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedResponse {
    pub response: crate::ClauseResponse,
    pub scorecard: crate::Scorecard,
    /// The requirement's standing after the change.
    pub standing: crate::Standing,
}

/// A PDF report the app has written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedReport {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// Pages of a PDF; a Word document's depend on the computer showing it.
    pub pages: Option<u32>,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Things that came out differently from what was typed (e.g. characters
    /// outside the report's typeface).
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_reasons_round_trip_through_their_tags() {
        for reason in [
            SnapshotReason::Daily,
            SnapshotReason::Manual,
            SnapshotReason::BeforeRestore,
            SnapshotReason::BeforeMigration { version: 5 },
            SnapshotReason::Other {
                tag: "before-something-new".into(),
            },
        ] {
            assert_eq!(SnapshotReason::from_tag(&reason.tag()), reason);
        }
        assert_eq!(SnapshotReason::from_tag("manual-2"), SnapshotReason::Manual);
        assert_eq!(
            SnapshotReason::from_tag("before-migration-to-v12-3"),
            SnapshotReason::BeforeMigration { version: 12 }
        );
        let json = serde_json::to_value(SnapshotReason::BeforeMigration { version: 5 }).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "before_migration", "version": 5})
        );
    }
}
