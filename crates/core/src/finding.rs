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

    /// A major or minor nonconformity: the kinds with a corrective action
    /// cycle and a conformity judgement of their own.
    pub fn is_nonconformity(self) -> bool {
        matches!(
            self,
            FindingKind::MajorNonconformity | FindingKind::MinorNonconformity
        )
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

/// Where a nonconformity stands in its cycle from raised to verified
/// effective, in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NcStage {
    /// Raised; no corrective action written yet.
    Raised,
    /// A corrective action is written but the plan is not accepted.
    Planned,
    /// The corrective action plan (with owner and due date) is accepted.
    PlanAccepted,
    /// The corrective action is implemented, its effect not yet verified.
    Implemented,
    /// Verified effective: the nonconformity can be closed.
    Verified,
}

impl NcStage {
    pub const ALL: [NcStage; 5] = [
        NcStage::Raised,
        NcStage::Planned,
        NcStage::PlanAccepted,
        NcStage::Implemented,
        NcStage::Verified,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NcStage::Raised => "Raised, no action planned",
            NcStage::Planned => "Action planned, not accepted",
            NcStage::PlanAccepted => "Plan accepted",
            NcStage::Implemented => "Implemented, not verified",
            NcStage::Verified => "Verified effective",
        }
    }

    /// As a badge in lists, the roadmap and the report's tables.
    pub fn short_label(self) -> &'static str {
        match self {
            NcStage::Raised => "Raised",
            NcStage::Planned => "Planned",
            NcStage::PlanAccepted => "Plan accepted",
            NcStage::Implemented => "Implemented",
            NcStage::Verified => "Verified",
        }
    }
}

/// The corrective action cycle of a nonconformity: what was done at once,
/// why it happened, what will stop it recurring (owned and dated by the
/// finding's owner and due date), and the proof that it worked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Lifecycle {
    /// What was done at once to contain the nonconformity.
    pub correction: String,
    pub root_cause: String,
    /// What will remove the cause.
    pub corrective_action: String,
    #[ts(type = "string | null")]
    pub plan_accepted_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub implemented_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub verified_on: Option<NaiveDate>,
    pub verified_by: String,
    /// What was checked to show the corrective action worked.
    pub verification: String,
}

impl Lifecycle {
    /// The furthest step reached. Steps are recorded in order (validation
    /// makes sure), so the last one present says where it stands.
    pub fn stage(&self) -> NcStage {
        if self.verified_on.is_some() {
            NcStage::Verified
        } else if self.implemented_on.is_some() {
            NcStage::Implemented
        } else if self.plan_accepted_on.is_some() {
            NcStage::PlanAccepted
        } else if !self.corrective_action.trim().is_empty() {
            NcStage::Planned
        } else {
            NcStage::Raised
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Lifecycle::default()
    }

    /// Checked and trimmed, for a finding with the given owner and due date
    /// (the corrective action's); `closing` when the finding is to be closed.
    fn validated(
        &self,
        owner: &str,
        due_date: Option<NaiveDate>,
        closing: bool,
    ) -> Result<Lifecycle, ValidationError> {
        let l = Lifecycle {
            correction: optional_text(Field::Correction, &self.correction)?,
            root_cause: optional_text(Field::RootCause, &self.root_cause)?,
            corrective_action: optional_text(Field::CorrectiveAction, &self.corrective_action)?,
            plan_accepted_on: self
                .plan_accepted_on
                .map(|d| date_in_range(Field::PlanAcceptedOn, d))
                .transpose()?,
            implemented_on: self
                .implemented_on
                .map(|d| date_in_range(Field::ImplementedOn, d))
                .transpose()?,
            verified_on: self
                .verified_on
                .map(|d| date_in_range(Field::VerifiedOn, d))
                .transpose()?,
            verified_by: optional_line(Field::VerifiedBy, &self.verified_by)?,
            verification: optional_text(Field::Verification, &self.verification)?,
        };
        let order = |field, needs| Err(ValidationError::LifecycleOrder { field, needs });
        if l.plan_accepted_on.is_some() {
            if l.corrective_action.is_empty() {
                return order(Field::PlanAcceptedOn, "a corrective action");
            }
            if owner.is_empty() {
                return order(Field::PlanAcceptedOn, "an owner");
            }
            if due_date.is_none() {
                return order(Field::PlanAcceptedOn, "a due date");
            }
        }
        if l.implemented_on.is_some() && l.plan_accepted_on.is_none() {
            return order(Field::ImplementedOn, "an accepted plan");
        }
        if l.verified_on.is_some() {
            if l.implemented_on.is_none() {
                return order(Field::VerifiedOn, "the date it was implemented");
            }
            if l.verified_by.is_empty() {
                return Err(ValidationError::Required {
                    field: Field::VerifiedBy,
                });
            }
            if l.verification.is_empty() {
                return Err(ValidationError::Required {
                    field: Field::Verification,
                });
            }
        } else if (!l.verified_by.is_empty() || !l.verification.is_empty())
            && l.implemented_on.is_none()
        {
            let field = if l.verified_by.is_empty() {
                Field::Verification
            } else {
                Field::VerifiedBy
            };
            return order(field, "the date it was implemented");
        }
        let not_before = |field, date: Option<NaiveDate>, before, earlier: Option<NaiveDate>| match (
            date, earlier,
        ) {
            (Some(d), Some(e)) if d < e => Err(ValidationError::DateBefore { field, before }),
            _ => Ok(()),
        };
        not_before(
            Field::ImplementedOn,
            l.implemented_on,
            Field::PlanAcceptedOn,
            l.plan_accepted_on,
        )?;
        not_before(
            Field::VerifiedOn,
            l.verified_on,
            Field::ImplementedOn,
            l.implemented_on,
        )?;
        if closing && l.verified_on.is_none() {
            return Err(ValidationError::ClosedUnverified);
        }
        Ok(l)
    }
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
    /// The corrective action cycle; nonconformities only (empty otherwise).
    #[serde(default)]
    pub lifecycle: Lifecycle,
    /// Where a nonconformity stands in its cycle, as computed from the
    /// lifecycle (see [`Finding::with_stage`]); `None` for other kinds.
    /// Written for readers; whatever is read is recomputed.
    #[serde(default)]
    pub nc_stage: Option<NcStage>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Finding {
    /// A new finding, with a fresh id, from validated input.
    pub fn new(input: FindingInput, now: DateTime<Utc>) -> Finding {
        Finding {
            id: Uuid::new_v4(),
            clause_id: input.clause_id,
            kind: input.kind,
            title: input.title,
            observation: input.observation,
            evidence: input.evidence,
            recommendation: input.recommendation,
            priority: input.priority,
            owner: input.owner,
            due_date: input.due_date,
            status: input.status,
            phase: input.phase,
            lifecycle: input.lifecycle,
            nc_stage: None,
            created_at: now,
            updated_at: now,
        }
        .with_stage()
    }

    /// An open finding: one that calls for action and is not closed. This
    /// is the one rule the dashboard, readiness, follow-ups and the report
    /// count open findings by; good practice is never open.
    pub fn is_open(&self) -> bool {
        self.kind.calls_for_action() && self.status.is_open()
    }

    pub fn is_nonconformity(&self) -> bool {
        self.kind.is_nonconformity()
    }

    /// Where a nonconformity stands in its cycle; `None` for other kinds.
    pub fn stage(&self) -> Option<NcStage> {
        self.is_nonconformity().then(|| self.lifecycle.stage())
    }

    /// The finding with [`Finding::nc_stage`] filled in from its lifecycle.
    pub fn with_stage(mut self) -> Finding {
        self.nc_stage = self.stage();
        self
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
            lifecycle: Lifecycle::default(),
            nc_stage: None,
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
    #[serde(default)]
    pub lifecycle: Lifecycle,
}

impl FindingInput {
    /// Checked and trimmed, as the consultant saves it: a nonconformity is
    /// closed only once verified effective.
    pub fn validated(&self, catalogue: &Catalogue) -> Result<FindingInput, ValidationError> {
        self.checked(catalogue, true)
    }

    /// Checked as a record made elsewhere (an assessment file, possibly from
    /// before the lifecycle existed): a nonconformity closed without a
    /// verification record is taken as it was recorded, and shows as such.
    pub fn validated_as_recorded(
        &self,
        catalogue: &Catalogue,
    ) -> Result<FindingInput, ValidationError> {
        self.checked(catalogue, false)
    }

    fn checked(
        &self,
        catalogue: &Catalogue,
        verified_to_close: bool,
    ) -> Result<FindingInput, ValidationError> {
        if catalogue.clause(&self.clause_id).is_none() {
            return Err(ValidationError::UnknownClause {
                id: self.clause_id.clone(),
            });
        }
        let owner = optional_line(Field::Owner, &self.owner)?;
        let due_date = self
            .due_date
            .map(|d| date_in_range(Field::DueDate, d))
            .transpose()?;
        let nonconformity = self.kind.is_nonconformity();
        // Only a nonconformity has a corrective action cycle; another kind
        // keeps none (a finding downgraded from a nonconformity drops it).
        let lifecycle = if nonconformity {
            self.lifecycle.validated(
                &owner,
                due_date,
                verified_to_close && self.status == FindingStatus::Closed,
            )?
        } else {
            Lifecycle::default()
        };
        Ok(FindingInput {
            clause_id: self.clause_id.clone(),
            kind: self.kind,
            title: required_line(Field::FindingTitle, &self.title)?,
            observation: optional_text(Field::Observation, &self.observation)?,
            evidence: optional_text(Field::Evidence, &self.evidence)?,
            recommendation: optional_text(Field::Recommendation, &self.recommendation)?,
            priority: self.priority,
            owner,
            due_date,
            status: self.status,
            lifecycle,
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
            lifecycle: Lifecycle::default(),
        }
    }

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 11, d)
    }

    #[test]
    fn a_nonconformity_walks_its_cycle_in_order_and_closes_only_when_verified() {
        let cat = Catalogue::builtin();
        let mut f = input(FindingKind::MinorNonconformity);
        assert_eq!(f.validated(cat).unwrap().lifecycle.stage(), NcStage::Raised);

        // Closing straight away is refused: nothing shows the fix worked.
        f.status = FindingStatus::Closed;
        assert_eq!(
            f.validated(cat).unwrap_err(),
            ValidationError::ClosedUnverified
        );
        f.status = FindingStatus::InProgress;

        f.lifecycle.correction = "Three changes re-reviewed by the CAB".into();
        f.lifecycle.root_cause = " Emergency path skips the approval step ".into();
        f.lifecycle.corrective_action = "Approval gate in the change tool".into();
        let v = f.validated(cat).unwrap();
        assert_eq!(v.lifecycle.stage(), NcStage::Planned);
        assert_eq!(
            v.lifecycle.root_cause,
            "Emergency path skips the approval step"
        );

        // A plan is accepted only with an owner and a due date.
        f.lifecycle.plan_accepted_on = day(10);
        let e = f.validated(cat).unwrap_err();
        assert_eq!(e.field(), Field::PlanAcceptedOn);
        assert_eq!(e.to_string(), "Plan accepted on needs an owner first.");
        f.owner = "Change manager".into();
        f.due_date = day(30);
        assert_eq!(
            f.validated(cat).unwrap().lifecycle.stage(),
            NcStage::PlanAccepted
        );

        // Implemented before the plan was accepted: refused.
        f.lifecycle.implemented_on = day(5);
        assert_eq!(
            f.validated(cat).unwrap_err(),
            ValidationError::DateBefore {
                field: Field::ImplementedOn,
                before: Field::PlanAcceptedOn
            }
        );
        f.lifecycle.implemented_on = day(20);
        assert_eq!(
            f.validated(cat).unwrap().lifecycle.stage(),
            NcStage::Implemented
        );

        // Verification needs who and what.
        f.lifecycle.verified_on = day(28);
        assert_eq!(f.validated(cat).unwrap_err().field(), Field::VerifiedBy);
        f.lifecycle.verified_by = "A. Auditor".into();
        assert_eq!(f.validated(cat).unwrap_err().field(), Field::Verification);
        f.lifecycle.verification = "Sampled 12 changes since; all approved first".into();
        f.status = FindingStatus::Closed;
        let v = f.validated(cat).unwrap();
        assert_eq!(v.lifecycle.stage(), NcStage::Verified);
        assert_eq!(v.status, FindingStatus::Closed);
    }

    #[test]
    fn steps_cannot_skip_ahead_and_other_kinds_keep_no_cycle() {
        let cat = Catalogue::builtin();
        let mut f = input(FindingKind::MajorNonconformity);
        f.lifecycle.implemented_on = day(3);
        assert_eq!(
            f.validated(cat).unwrap_err().to_string(),
            "Implemented on needs an accepted plan first."
        );
        f.lifecycle = Lifecycle {
            plan_accepted_on: day(1),
            ..Lifecycle::default()
        };
        assert_eq!(
            f.validated(cat).unwrap_err().to_string(),
            "Plan accepted on needs a corrective action first."
        );
        f.lifecycle = Lifecycle {
            verification: "Looked at the log".into(),
            ..Lifecycle::default()
        };
        assert_eq!(f.validated(cat).unwrap_err().field(), Field::Verification);

        // An observation closes freely and drops any cycle it was sent.
        let mut obs = input(FindingKind::Observation);
        obs.status = FindingStatus::Closed;
        obs.lifecycle.correction = "Something".into();
        let v = obs.validated(cat).unwrap();
        assert!(v.lifecycle.is_empty());
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
