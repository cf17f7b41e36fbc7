//! The change history of an assessment as the front doors show it: who
//! changed what and when, with the values before and after, and what undo
//! and redo would take back or bring back.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a group of changes was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The consultant changed something.
    Edit,
    /// An undo took back an earlier change.
    Undo,
    /// A redo brought back what an undo took back.
    Redo,
    /// A merge of another copy of the assessment.
    Merge,
}

/// Where a group of changes was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// In this database.
    #[default]
    Local,
    /// In another copy, brought in by a merge.
    Imported,
}

/// What kind of thing a change concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Assessment,
    Client,
    Requirement,
    Finding,
    Kpi,
    Document,
    Practice,
    Scope,
    Person,
    Interview,
    Evidence,
    FindingScope,
    EvidenceFile,
    Narrative,
}

impl Subject {
    /// Every subject, with the table it is stored in.
    pub const TABLES: [(Subject, &'static str); 14] = [
        (Subject::Assessment, "assessment"),
        (Subject::Client, "client"),
        (Subject::Requirement, "clause_response"),
        (Subject::Finding, "finding"),
        (Subject::Kpi, "kpi"),
        (Subject::Document, "document_register"),
        (Subject::Practice, "practice_profile"),
        (Subject::Scope, "scope_item"),
        (Subject::Person, "person"),
        (Subject::Interview, "interview"),
        (Subject::Evidence, "evidence"),
        (Subject::FindingScope, "finding_scope"),
        (Subject::EvidenceFile, "evidence_file"),
        (Subject::Narrative, "narrative"),
    ];

    pub fn table(self) -> &'static str {
        Self::TABLES
            .iter()
            .find(|(s, _)| *s == self)
            .map(|(_, t)| *t)
            .unwrap_or("")
    }

    pub fn from_table(table: &str) -> Option<Subject> {
        Self::TABLES
            .iter()
            .find(|(_, t)| *t == table)
            .map(|(s, _)| *s)
    }

    /// Whether the consultant sees the record as there from the start (a
    /// requirement's response, a register entry, a practice, a part of the
    /// report text): storing its first values, or letting them go, reads as
    /// a change of values, not as a record added or removed.
    pub fn always_there(self) -> bool {
        matches!(
            self,
            Subject::Assessment
                | Subject::Client
                | Subject::Requirement
                | Subject::Document
                | Subject::Practice
                | Subject::Narrative
        )
    }

    /// How the subject is named in the log, in English (the CLI's words).
    pub fn label(self) -> &'static str {
        match self {
            Subject::Assessment => "assessment",
            Subject::Client => "client",
            Subject::Requirement => "requirement",
            Subject::Finding => "finding",
            Subject::Kpi => "KPI",
            Subject::Document => "documented information",
            Subject::Practice => "practice",
            Subject::Scope => "scope",
            Subject::Person => "person",
            Subject::Interview => "interview",
            Subject::Evidence => "evidence",
            Subject::FindingScope => "finding scope",
            Subject::EvidenceFile => "attached file",
            Subject::Narrative => "report text",
        }
    }
}

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Added,
    Changed,
    Removed,
}

/// One field's values before and after; `None` where it had none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// The stored field's name (`level`, `notes`, `title`, …).
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One record's change within a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordChange {
    pub subject: Subject,
    /// The record's key as stored (for a requirement: assessment, clause).
    pub key: Vec<String>,
    /// What the record is called: a clause id, a finding's title, a KPI's
    /// name, …
    pub label: String,
    pub op: ChangeOp,
    /// The fields that changed; for a record added or removed, the fields
    /// that held something.
    pub fields: Vec<FieldChange>,
}

/// One entry of the log: the changes one action made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    pub author: String,
    pub kind: ChangeKind,
    pub origin: Origin,
    /// The entry this one undid or redid.
    pub reverts: Option<String>,
    /// The undo that took this entry back, while it stands.
    pub reverted_by: Option<String>,
    pub changes: Vec<RecordChange>,
}

impl HistoryEntry {
    /// A one-line summary in English: "8.2 level 2 → 3", "added finding
    /// “No change records”".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for change in &self.changes {
            if matches!(
                change.subject,
                Subject::FindingScope | Subject::EvidenceFile
            ) && self.changes.len() > 1
            {
                continue;
            }
            let what = if change.label.is_empty() {
                change.subject.label().to_owned()
            } else if change.label.chars().all(|c| c.is_ascii_digit() || c == '.') {
                format!("{} {}", change.subject.label(), change.label)
            } else {
                format!("{} “{}”", change.subject.label(), change.label)
            };
            parts.push(match change.op {
                ChangeOp::Added => format!("added {what}"),
                ChangeOp::Removed => format!("removed {what}"),
                ChangeOp::Changed => {
                    let fields: Vec<String> = change
                        .fields
                        .iter()
                        .map(|f| {
                            format!(
                                "{} {} → {}",
                                f.field.replace('_', " "),
                                short_value(f.before.as_deref()),
                                short_value(f.after.as_deref())
                            )
                        })
                        .collect();
                    format!("{what}: {}", fields.join(", "))
                }
            });
        }
        if parts.is_empty() {
            return "no change".to_owned();
        }
        parts.join("; ")
    }
}

/// A value as a one-line summary shows it: "—" for none, a number as it
/// is, text quoted and cut after 40 characters of its first line.
pub fn short_value(value: Option<&str>) -> String {
    match value {
        None | Some("") => "—".to_owned(),
        Some(text) => {
            let line = text.lines().next().unwrap_or("");
            let cut: String = line.chars().take(40).collect();
            if cut.len() < text.len() {
                format!("“{cut}…”")
            } else if text.parse::<f64>().is_ok() {
                text.to_owned()
            } else {
                format!("“{text}”")
            }
        }
    }
}

/// One group of the history as an assessment file carries it (format 6),
/// oldest first: what a merge needs to tell what each copy changed since
/// they parted, and what the log of the copy shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordedGroup {
    pub id: String,
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub author: String,
    pub kind: ChangeKind,
    /// Where the exporting copy had it from.
    #[serde(default)]
    pub origin: Origin,
    /// The group it undid or redid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reverts: Option<String>,
    pub rows: Vec<RecordedRow>,
}

/// One row's change within a [`RecordedGroup`], as stored: the table, the
/// row's key and its values before and after (only the changed columns of
/// an update).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordedRow {
    pub table: String,
    #[ts(type = "unknown[]")]
    pub key: Vec<serde_json::Value>,
    pub op: RowOp,
    #[ts(type = "Record<string, unknown> | null")]
    pub before: Option<serde_json::Map<String, serde_json::Value>>,
    #[ts(type = "Record<string, unknown> | null")]
    pub after: Option<serde_json::Map<String, serde_json::Value>>,
}

/// What happened to a stored row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowOp {
    Insert,
    Update,
    Delete,
}

impl RowOp {
    pub fn as_str(self) -> &'static str {
        match self {
            RowOp::Insert => "insert",
            RowOp::Update => "update",
            RowOp::Delete => "delete",
        }
    }

    pub fn parse(text: &str) -> Option<RowOp> {
        match text {
            "insert" => Some(RowOp::Insert),
            "update" => Some(RowOp::Update),
            "delete" => Some(RowOp::Delete),
            _ => None,
        }
    }
}

/// Which entries of the log to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryQuery {
    /// Only changes to this requirement (its response and its documented
    /// information).
    #[ts(optional)]
    pub clause_id: Option<String>,
    /// Only changes to this finding.
    #[ts(optional)]
    pub finding_id: Option<String>,
    /// Only this author's changes.
    #[ts(optional)]
    pub author: Option<String>,
    /// Only changes on or after this day (UTC).
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    /// Only changes on or before this day (UTC).
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    /// At most this many entries, newest first.
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// One consultant and the requirements whose levels, judgements or notes
/// they set, as the history records it (for the report's method).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssessedBy {
    pub author: String,
    /// Clause ids in catalogue order.
    pub clauses: Vec<String>,
}

/// What undo and redo would do now, for the menu and the shortcuts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UndoState {
    /// The summary of the change undo would take back.
    pub undo: Option<String>,
    /// The summary of the change redo would bring back.
    pub redo: Option<String>,
}

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reverted {
    /// The entry taken back (undo) or brought back (redo).
    pub entry: HistoryEntry,
    /// Its one-line summary ([`HistoryEntry::summary`]).
    pub summary: String,
    /// What undo and redo would do next.
    pub state: UndoState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subject_has_its_own_table() {
        for (subject, table) in Subject::TABLES {
            assert_eq!(Subject::from_table(table), Some(subject));
            assert_eq!(subject.table(), table);
        }
        assert_eq!(Subject::from_table("file_blob"), None);
    }

    #[test]
    fn the_summary_names_the_record_and_the_values() {
        let entry = HistoryEntry {
            id: "g".into(),
            at: Utc::now(),
            author: "Ana".into(),
            kind: ChangeKind::Edit,
            origin: Origin::Local,
            reverts: None,
            reverted_by: None,
            changes: vec![RecordChange {
                subject: Subject::Requirement,
                key: vec!["a".into(), "8.2".into()],
                label: "8.2".into(),
                op: ChangeOp::Changed,
                fields: vec![
                    FieldChange {
                        field: "level".into(),
                        before: Some("2".into()),
                        after: Some("3".into()),
                    },
                    FieldChange {
                        field: "notes".into(),
                        before: None,
                        after: Some("Змінено після інтерв'ю з 运维 team".into()),
                    },
                ],
            }],
        };
        assert_eq!(
            entry.summary(),
            "requirement 8.2: level 2 → 3, notes — → “Змінено після інтерв'ю з 运维 team”"
        );
    }
}
