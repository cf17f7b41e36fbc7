//! Conformity beside maturity: what an auditor would conclude about each
//! requirement, and where that conclusion and the rest of the record
//! disagree.
//!
//! - The consultant records a judgement per requirement: conforms, not yet
//!   evidenced, minor or major nonconformity (or leaves it not judged).
//! - Open nonconformity findings at a requirement raise it: an open major
//!   makes it a major nonconformity, an open minor at least a minor one,
//!   whatever was recorded. The standing says which findings did.
//! - Inconsistencies a reviewer would catch are flagged where the consultant
//!   works: a high level with an open major, "conforms" with nothing written
//!   down, several minors that together may be a major, a nonconformity
//!   without a finding to act on, "conforms" at level 0.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::finding::{Finding, FindingKind};
use crate::response::ClauseResponse;

/// An auditor's conclusion on one requirement, least severe first.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    #[default]
    NotJudged,
    Conforms,
    /// Said to be in place, but nothing seen yet shows it.
    NotYetEvidenced,
    MinorNonconformity,
    MajorNonconformity,
}

impl Judgement {
    pub const ALL: [Judgement; 5] = [
        Judgement::NotJudged,
        Judgement::Conforms,
        Judgement::NotYetEvidenced,
        Judgement::MinorNonconformity,
        Judgement::MajorNonconformity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Judgement::NotJudged => "Not judged",
            Judgement::Conforms => "Conforms",
            Judgement::NotYetEvidenced => "Not yet evidenced",
            Judgement::MinorNonconformity => "Minor nonconformity",
            Judgement::MajorNonconformity => "Major nonconformity",
        }
    }

    /// As printed in a table cell.
    pub fn short_label(self) -> &'static str {
        match self {
            Judgement::NotJudged => "–",
            Judgement::Conforms => "Conforms",
            Judgement::NotYetEvidenced => "Not evidenced",
            Judgement::MinorNonconformity => "Minor NC",
            Judgement::MajorNonconformity => "Major NC",
        }
    }

    pub fn is_nonconformity(self) -> bool {
        matches!(
            self,
            Judgement::MinorNonconformity | Judgement::MajorNonconformity
        )
    }

    /// The judgement an open finding of this kind stands for, if any.
    pub fn of_finding(kind: FindingKind) -> Option<Judgement> {
        match kind {
            FindingKind::MajorNonconformity => Some(Judgement::MajorNonconformity),
            FindingKind::MinorNonconformity => Some(Judgement::MinorNonconformity),
            _ => None,
        }
    }
}

/// What a reviewer would question in a requirement's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Inconsistency {
    /// Level 3 or more while a major nonconformity is open there.
    HighLevelWithOpenMajor,
    /// Judged to conform with no notes, evidence or people interviewed.
    ConformsWithoutRecord,
    /// Judged to conform at level 0 (the activity is missing).
    ConformsAtLevelZero,
    /// Several open minors at one requirement: together they may amount to
    /// a major nonconformity.
    SeveralMinors,
    /// Judged a nonconformity, but no open finding records it, so nothing
    /// on the roadmap acts on it.
    NonconformityWithoutFinding,
}

/// How many open minors at one requirement make a reviewer ask whether
/// they amount to a major.
pub const SEVERAL_MINORS: usize = 3;

impl Inconsistency {
    pub const ALL: [Inconsistency; 5] = [
        Inconsistency::HighLevelWithOpenMajor,
        Inconsistency::ConformsWithoutRecord,
        Inconsistency::ConformsAtLevelZero,
        Inconsistency::SeveralMinors,
        Inconsistency::NonconformityWithoutFinding,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Inconsistency::HighLevelWithOpenMajor => {
                "Rated level 3 or more while a major nonconformity is open here"
            }
            Inconsistency::ConformsWithoutRecord => {
                "Judged to conform with no notes, evidence or people interviewed"
            }
            Inconsistency::ConformsAtLevelZero => {
                "Judged to conform at level 0, where the activity is missing"
            }
            Inconsistency::SeveralMinors => {
                "Three or more open minor nonconformities here: together they may be a major one"
            }
            Inconsistency::NonconformityWithoutFinding => {
                "Judged a nonconformity, but no open finding records it: raise one so it is acted on"
            }
        }
    }
}

/// A requirement's judgement once its findings are counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Standing {
    pub clause_id: String,
    /// What the consultant recorded.
    pub recorded: Judgement,
    /// What stands: the recorded judgement, raised by open nonconformities.
    pub effective: Judgement,
    /// The open findings that raised it above what was recorded.
    pub raised_by: Vec<Uuid>,
    pub inconsistencies: Vec<Inconsistency>,
}

/// The standing of one requirement, given its response and the findings
/// recorded at it (any status; only open ones count).
pub fn standing(response: &ClauseResponse, findings: &[&Finding]) -> Standing {
    let open: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| f.clause_id == response.clause_id && f.is_open())
        .collect();
    let recorded = response.judgement;
    let mut effective = recorded;
    let mut raised_by = Vec::new();
    for finding in &open {
        if let Some(j) = Judgement::of_finding(finding.kind) {
            if j > recorded {
                raised_by.push(finding.id);
            }
            effective = effective.max(j);
        }
    }
    // Only the findings that set the final judgement explain it.
    raised_by.retain(|id| {
        open.iter()
            .find(|f| f.id == *id)
            .and_then(|f| Judgement::of_finding(f.kind))
            == Some(effective)
    });

    let count = |kind: FindingKind| open.iter().filter(|f| f.kind == kind).count();
    let level = response.rating.level();
    let mut inconsistencies = Vec::new();
    if level.is_some_and(|l| l >= 3) && count(FindingKind::MajorNonconformity) > 0 {
        inconsistencies.push(Inconsistency::HighLevelWithOpenMajor);
    }
    if recorded == Judgement::Conforms {
        let nothing = [&response.notes, &response.evidence, &response.interviewees]
            .iter()
            .all(|t| t.trim().is_empty());
        if nothing {
            inconsistencies.push(Inconsistency::ConformsWithoutRecord);
        }
        if level == Some(0) {
            inconsistencies.push(Inconsistency::ConformsAtLevelZero);
        }
    }
    if count(FindingKind::MinorNonconformity) >= SEVERAL_MINORS {
        inconsistencies.push(Inconsistency::SeveralMinors);
    }
    if recorded.is_nonconformity() && open.iter().all(|f| Judgement::of_finding(f.kind).is_none()) {
        inconsistencies.push(Inconsistency::NonconformityWithoutFinding);
    }
    Standing {
        clause_id: response.clause_id.clone(),
        recorded,
        effective,
        raised_by,
        inconsistencies,
    }
}

/// The standing of every assessable requirement, in catalogue order;
/// requirements without a stored response stand as blank ones.
pub fn standings(
    catalogue: &Catalogue,
    responses: &[ClauseResponse],
    findings: &[Finding],
) -> Vec<Standing> {
    catalogue
        .assessable()
        .map(|clause| {
            let blank;
            let response = match responses.iter().find(|r| r.clause_id == clause.id) {
                Some(r) => r,
                None => {
                    blank = ClauseResponse::blank(&clause.id);
                    &blank
                }
            };
            let at: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.clause_id == clause.id)
                .collect();
            standing(response, &at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FindingStatus;
    use crate::response::Rating;

    fn response(level: Option<u8>, judgement: Judgement) -> ClauseResponse {
        ClauseResponse {
            rating: level.map_or(Rating::NotAssessed, |level| Rating::Level { level }),
            judgement,
            ..ClauseResponse::blank("8.5.1.3")
        }
    }

    fn finding(kind: FindingKind, status: FindingStatus) -> Finding {
        Finding::for_test(
            "8.5.1.3",
            kind,
            status,
            "Changes approved after implementation",
        )
    }

    #[test]
    fn judgements_are_ordered_by_severity_and_serialise_in_snake_case() {
        assert!(Judgement::NotJudged < Judgement::Conforms);
        assert!(Judgement::Conforms < Judgement::NotYetEvidenced);
        assert!(Judgement::NotYetEvidenced < Judgement::MinorNonconformity);
        assert!(Judgement::MinorNonconformity < Judgement::MajorNonconformity);
        assert_eq!(
            serde_json::to_value(Judgement::NotYetEvidenced).unwrap(),
            "not_yet_evidenced"
        );
        assert_eq!(Judgement::default(), Judgement::NotJudged);
    }

    #[test]
    fn an_open_minor_raises_a_conforming_requirement_and_says_which_finding() {
        let mut r = response(Some(3), Judgement::Conforms);
        r.notes = "Four of ten sampled changes were approved after implementation.".into();
        let minor = finding(FindingKind::MinorNonconformity, FindingStatus::Open);
        let s = standing(&r, &[&minor]);
        assert_eq!(s.recorded, Judgement::Conforms);
        assert_eq!(s.effective, Judgement::MinorNonconformity);
        assert_eq!(s.raised_by, vec![minor.id]);
        assert!(s.inconsistencies.is_empty(), "{:?}", s.inconsistencies);
    }

    #[test]
    fn a_closed_finding_raises_nothing_and_a_recorded_major_is_never_lowered() {
        let closed = finding(FindingKind::MajorNonconformity, FindingStatus::Closed);
        let s = standing(&response(Some(2), Judgement::Conforms), &[&closed]);
        assert_eq!(s.effective, Judgement::Conforms);
        assert!(s.raised_by.is_empty());

        let minor = finding(FindingKind::MinorNonconformity, FindingStatus::InProgress);
        let s = standing(&response(Some(1), Judgement::MajorNonconformity), &[&minor]);
        assert_eq!(s.effective, Judgement::MajorNonconformity);
        assert!(s.raised_by.is_empty());
    }

    #[test]
    fn only_the_findings_that_set_the_judgement_explain_it() {
        let minor = finding(FindingKind::MinorNonconformity, FindingStatus::Open);
        let major = finding(FindingKind::MajorNonconformity, FindingStatus::Open);
        let observation = finding(FindingKind::Observation, FindingStatus::Open);
        let s = standing(
            &response(Some(2), Judgement::NotJudged),
            &[&minor, &major, &observation],
        );
        assert_eq!(s.effective, Judgement::MajorNonconformity);
        assert_eq!(s.raised_by, vec![major.id]);
    }

    #[test]
    fn a_reviewer_s_questions_are_flagged() {
        let major = finding(FindingKind::MajorNonconformity, FindingStatus::Open);
        let s = standing(&response(Some(4), Judgement::NotJudged), &[&major]);
        assert_eq!(
            s.inconsistencies,
            vec![Inconsistency::HighLevelWithOpenMajor]
        );

        // "Conforms" with nothing written down, and at level 0.
        let s = standing(&response(Some(0), Judgement::Conforms), &[]);
        assert_eq!(
            s.inconsistencies,
            vec![
                Inconsistency::ConformsWithoutRecord,
                Inconsistency::ConformsAtLevelZero
            ]
        );
        let mut noted = response(Some(3), Judgement::Conforms);
        noted.evidence = "CAB minutes, March to May".into();
        assert!(standing(&noted, &[]).inconsistencies.is_empty());

        // Three open minors at one requirement.
        let minors: Vec<Finding> = (0..SEVERAL_MINORS)
            .map(|_| finding(FindingKind::MinorNonconformity, FindingStatus::Open))
            .collect();
        let refs: Vec<&Finding> = minors.iter().collect();
        let s = standing(&response(Some(2), Judgement::NotJudged), &refs);
        assert_eq!(s.inconsistencies, vec![Inconsistency::SeveralMinors]);
        let s = standing(&response(Some(2), Judgement::NotJudged), &refs[..2]);
        assert!(s.inconsistencies.is_empty());

        // A nonconformity judged without a finding to act on it; an
        // observation does not count.
        let observation = finding(FindingKind::Observation, FindingStatus::Open);
        let s = standing(
            &response(Some(1), Judgement::MinorNonconformity),
            &[&observation],
        );
        assert_eq!(
            s.inconsistencies,
            vec![Inconsistency::NonconformityWithoutFinding]
        );
        let minor = finding(FindingKind::MinorNonconformity, FindingStatus::Open);
        let s = standing(&response(Some(1), Judgement::MinorNonconformity), &[&minor]);
        assert!(s.inconsistencies.is_empty());
    }

    #[test]
    fn every_requirement_stands_in_catalogue_order_and_findings_elsewhere_do_not_count() {
        let cat = Catalogue::builtin();
        let mut elsewhere = finding(FindingKind::MajorNonconformity, FindingStatus::Open);
        elsewhere.clause_id = "9.2".into();
        let all = standings(cat, &[response(Some(3), Judgement::Conforms)], &[elsewhere]);
        assert_eq!(all.len(), cat.assessable().count());
        let change = all.iter().find(|s| s.clause_id == "8.5.1.3").unwrap();
        assert_eq!(change.effective, Judgement::Conforms);
        let audit = all.iter().find(|s| s.clause_id == "9.2").unwrap();
        assert_eq!(audit.recorded, Judgement::NotJudged);
        assert_eq!(audit.effective, Judgement::MajorNonconformity);
        assert!(all.windows(2).all(|w| w[0].clause_id != w[1].clause_id));
    }
}
