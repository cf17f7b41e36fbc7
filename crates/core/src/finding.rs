//! Findings: what the assessment found at a clause, and what to do about it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::validation::{
    date_in_range, optional_line, optional_text, required_line, Field, ValidationError,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    MajorNonconformity,
    MinorNonconformity,
    Observation,
    OpportunityForImprovement,
    GoodPractice,
}

impl FindingKind {
    pub const ALL: [FindingKind; 5] = [
        FindingKind::MajorNonconformity,
        FindingKind::MinorNonconformity,
        FindingKind::Observation,
        FindingKind::OpportunityForImprovement,
        FindingKind::GoodPractice,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FindingKind::MajorNonconformity => "Major nonconformity",
            FindingKind::MinorNonconformity => "Minor nonconformity",
            FindingKind::Observation => "Observation",
            FindingKind::OpportunityForImprovement => "Opportunity for improvement",
            FindingKind::GoodPractice => "Good practice",
        }
    }

    /// Whether a finding of this kind asks the client to act. Good practice
    /// does not: it has no priority, status or roadmap phase in the report
    /// and is never counted as open.
    pub fn calls_for_action(self) -> bool {
        self != FindingKind::GoodPractice
    }

    /// As a badge in lists and the roadmap.
    pub fn short_label(self) -> &'static str {
        match self {
            FindingKind::MajorNonconformity => "Major NC",
            FindingKind::MinorNonconformity => "Minor NC",
            FindingKind::Observation => "Observation",
            FindingKind::OpportunityForImprovement => "OFI",
            FindingKind::GoodPractice => "Good practice",
        }
    }

    /// Where its action usually belongs on the roadmap; good practice needs
    /// no action.
    pub fn default_phase(self) -> Option<Phase> {
        match self {
            FindingKind::MajorNonconformity => Some(Phase::BeforeStage1),
            FindingKind::MinorNonconformity => Some(Phase::BeforeStage2),
            FindingKind::Observation | FindingKind::OpportunityForImprovement => {
                Some(Phase::AfterCertification)
            }
            FindingKind::GoodPractice => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    Open,
    InProgress,
    Closed,
}

impl FindingStatus {
    pub const ALL: [FindingStatus; 3] = [
        FindingStatus::Open,
        FindingStatus::InProgress,
        FindingStatus::Closed,
    ];

    pub fn is_open(self) -> bool {
        self != FindingStatus::Closed
    }

    pub fn label(self) -> &'static str {
        match self {
            FindingStatus::Open => "Open",
            FindingStatus::InProgress => "In progress",
            FindingStatus::Closed => "Closed",
        }
    }
}

impl Priority {
    /// Highest first, the order findings are sorted in.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub fn label(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

impl Phase {
    pub const ALL: [Phase; 3] = [
        Phase::BeforeStage1,
        Phase::BeforeStage2,
        Phase::AfterCertification,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Phase::BeforeStage1 => "Before the stage 1 audit",
            Phase::BeforeStage2 => "Before the stage 2 audit",
            Phase::AfterCertification => "After certification",
        }
    }
}

/// Roadmap phases, in the order a certification project runs through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    BeforeStage1,
    BeforeStage2,
    AfterCertification,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub id: Uuid,
    pub clause_id: String,
    pub kind: FindingKind,
    pub title: String,
    /// What was observed.
    pub observation: String,
    pub evidence: String,
    pub recommendation: String,
    pub priority: Priority,
    pub owner: String,
    #[ts(type = "string | null")]
    pub due_date: Option<NaiveDate>,
    pub status: FindingStatus,
    /// Roadmap phase of the recommended action; none for good practice.
    pub phase: Option<Phase>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Finding {
    /// An open finding: one that calls for action and is not closed. This
    /// is the one rule the dashboard, readiness, follow-ups and the report
    /// count open findings by; good practice is never open.
    pub fn is_open(&self) -> bool {
        self.kind.calls_for_action() && self.status.is_open()
    }

    /// A finding for the rules' tests: the given kind and status at a
    /// clause, medium priority, phased where its kind usually goes.
    #[cfg(test)]
    pub(crate) fn for_test(
        clause_id: &str,
        kind: FindingKind,
        status: FindingStatus,
        title: &str,
    ) -> Finding {
        Finding {
            id: Uuid::new_v4(),
            clause_id: clause_id.into(),
            kind,
            title: title.into(),
            observation: String::new(),
            evidence: String::new(),
            recommendation: String::new(),
            priority: Priority::Medium,
            owner: String::new(),
            due_date: None,
            status,
            phase: kind.default_phase(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }
}

/// A finding as the consultant edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FindingInput {
    pub clause_id: String,
    pub kind: FindingKind,
    pub title: String,
    #[serde(default)]
    pub observation: String,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub recommendation: String,
    pub priority: Priority,
    #[serde(default)]
    pub owner: String,
    #[ts(type = "string | null")]
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub status: FindingStatus,
    #[serde(default)]
    pub phase: Option<Phase>,
}

impl FindingInput {
    pub fn validated(&self, catalogue: &Catalogue) -> Result<FindingInput, ValidationError> {
        if catalogue.clause(&self.clause_id).is_none() {
            return Err(ValidationError::UnknownClause {
                id: self.clause_id.clone(),
            });
        }
        Ok(FindingInput {
            clause_id: self.clause_id.clone(),
            kind: self.kind,
            title: required_line(Field::FindingTitle, &self.title)?,
            observation: optional_text(Field::Observation, &self.observation)?,
            evidence: optional_text(Field::Evidence, &self.evidence)?,
            recommendation: optional_text(Field::Recommendation, &self.recommendation)?,
            priority: self.priority,
            owner: optional_line(Field::Owner, &self.owner)?,
            due_date: self
                .due_date
                .map(|d| date_in_range(Field::DueDate, d))
                .transpose()?,
            status: self.status,
            phase: if self.kind == FindingKind::GoodPractice {
                None
            } else {
                self.phase.or(self.kind.default_phase())
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: FindingKind) -> FindingInput {
        FindingInput {
            clause_id: "8.5.1.3".into(),
            kind,
            title: "Emergency changes approved after the fact".into(),
            observation: String::new(),
            evidence: String::new(),
            recommendation: String::new(),
            priority: Priority::High,
            owner: String::new(),
            due_date: None,
            status: FindingStatus::Open,
            phase: None,
        }
    }

    #[test]
    fn phases_default_from_the_kind_and_good_practice_has_none() {
        let cat = Catalogue::builtin();
        let major = input(FindingKind::MajorNonconformity)
            .validated(cat)
            .unwrap();
        assert_eq!(major.phase, Some(Phase::BeforeStage1));
        let mut ofi = input(FindingKind::OpportunityForImprovement);
        ofi.phase = Some(Phase::BeforeStage2);
        assert_eq!(ofi.validated(cat).unwrap().phase, Some(Phase::BeforeStage2));
        let mut good = input(FindingKind::GoodPractice);
        good.phase = Some(Phase::BeforeStage1);
        assert_eq!(good.validated(cat).unwrap().phase, None);
    }

    #[test]
    fn a_finding_needs_a_title_and_a_real_clause() {
        let cat = Catalogue::builtin();
        let mut f = input(FindingKind::Observation);
        f.title = "  ".into();
        assert_eq!(f.validated(cat).unwrap_err().field(), Field::FindingTitle);
        let mut f = input(FindingKind::Observation);
        f.clause_id = "11.1".into();
        assert!(matches!(
            f.validated(cat),
            Err(ValidationError::UnknownClause { .. })
        ));
        // Findings may also sit on a group clause (e.g. "8.5" as a whole).
        f.clause_id = "8.5".into();
        assert!(f.validated(cat).is_ok());
    }

    #[test]
    fn enums_serialise_in_snake_case() {
        assert_eq!(
            serde_json::to_value(FindingKind::OpportunityForImprovement).unwrap(),
            "opportunity_for_improvement"
        );
        assert_eq!(
            serde_json::to_value(Phase::BeforeStage1).unwrap(),
            "before_stage1"
        );
    }
}
