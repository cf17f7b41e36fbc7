//! Merging another copy of an assessment: what a merge would take from the
//! other copy, what it would add, and where both copies changed the same
//! thing differently, for the consultant to choose.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::history::{HistoryEntry, RecordChange, Subject};

/// One of the two copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The copy in this database.
    Mine,
    /// The copy in the file.
    Theirs,
}

impl Side {
    pub fn parse(text: &str) -> Option<Side> {
        match text {
            "mine" => Some(Side::Mine),
            "theirs" => Some(Side::Theirs),
            _ => None,
        }
    }
}

/// Who changed a thing last on one side, as its history says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangedBy {
    pub author: String,
    pub at: DateTime<Utc>,
}

/// A field (or a whole record) both copies changed, differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MergeConflict {
    /// Names the conflict in [`MergeChoices::choices`]; the same for the
    /// same conflict in every preview.
    pub id: String,
    pub subject: Subject,
    /// What the record is called: a clause id, a finding's title, …
    pub label: String,
    /// The stored field (`level`, `notes`, …); empty when one copy removed
    /// the record and the other changed it.
    pub field: String,
    /// The value in this database; `None` where it has none (or the record
    /// is removed here).
    pub mine: Option<String>,
    pub theirs: Option<String>,
    /// Who changed it here and when, when the history says.
    pub mine_by: Option<ChangedBy>,
    pub theirs_by: Option<ChangedBy>,
}

/// What merging a file would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MergePreview {
    pub assessment_id: Uuid,
    pub title: String,
    /// The file carries a history: only what each copy changed since they
    /// parted is weighed. Without one, every difference is a conflict.
    pub with_history: bool,
    /// Changes only the other copy made, taken as they are (fields before:
    /// here; after: the file).
    pub taken: Vec<RecordChange>,
    /// Records only the other copy has (a finding, a KPI, evidence, a
    /// person, …), added.
    pub united: Vec<RecordChange>,
    pub conflicts: Vec<MergeConflict>,
    /// What cannot be merged, and why (an attached file whose content is
    /// not in this database).
    pub left_out: Vec<String>,
}

/// How the conflicts are decided: one by one, else by a preference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MergeChoices {
    /// For every conflict not chosen one by one ("mine for all").
    #[ts(optional)]
    pub prefer: Option<Side>,
    /// By conflict id.
    #[serde(default)]
    pub choices: BTreeMap<String, Side>,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Merged {
    pub taken: usize,
    pub united: usize,
    pub conflicts: usize,
    /// The merge as the log shows it; none when nothing changed.
    pub entry: Option<HistoryEntry>,
}
