//! Readiness for a certification stage 1 audit, by an explicit rule that is
//! shown to the user with every verdict, together with its reasons.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::finding::{Finding, FindingKind};
use crate::response::{ClauseResponse, Rating};
use crate::text::{count, plural};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotReady,
    ConditionallyReady,
    Ready,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [
        Verdict::NotReady,
        Verdict::ConditionallyReady,
        Verdict::Ready,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotReady => "Not ready",
            Verdict::ConditionallyReady => "Conditionally ready",
            Verdict::Ready => "Ready",
        }
    }
}

/// The rule, as shown to the user next to the verdict.
pub const RULE: [&str; 3] = [
    "Not ready: any open major nonconformity, or any requirement below level 2 (Managed).",
    "Conditionally ready: otherwise, any open minor nonconformity, any requirement below its \
     target, or any requirement not yet assessed.",
    "Ready: none of the above.",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reason {
    /// The verdict this reason alone leads to.
    pub leads_to: Verdict,
    pub message: String,
    pub clause_id: Option<String>,
    pub finding_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Readiness {
    pub verdict: Verdict,
    /// Every reason, the ones that decide the verdict first.
    pub reasons: Vec<Reason>,
    pub rule: Vec<String>,
}

pub fn readiness(
    catalogue: &Catalogue,
    responses: &[ClauseResponse],
    default_target: u8,
    findings: &[Finding],
) -> Readiness {
    let mut reasons = Vec::new();
    let clause_label = |id: &str| match catalogue.clause(id) {
        Some(c) => format!("{} {}", c.id, c.title),
        None => id.to_owned(),
    };

    for finding in findings.iter().filter(|f| f.is_open()) {
        let leads_to = match finding.kind {
            FindingKind::MajorNonconformity => Verdict::NotReady,
            FindingKind::MinorNonconformity => Verdict::ConditionallyReady,
            _ => continue,
        };
        reasons.push(Reason {
            leads_to,
            message: format!(
                "Open {} at {}: {}",
                finding.kind.label().to_lowercase(),
                clause_label(&finding.clause_id),
                finding.title
            ),
            clause_id: Some(finding.clause_id.clone()),
            finding_id: Some(finding.id),
        });
    }

    let mut not_assessed = 0u32;
    for clause in catalogue.assessable() {
        let response = responses.iter().find(|r| r.clause_id == clause.id);
        let rating = response.map_or(Rating::NotAssessed, |r| r.rating);
        let target = response
            .and_then(|r| r.target_level)
            .unwrap_or(default_target);
        match rating {
            Rating::NotAssessed => not_assessed += 1,
            Rating::NotApplicable => {}
            Rating::Level { level } if level < 2 => reasons.push(Reason {
                leads_to: Verdict::NotReady,
                message: format!(
                    "{} is at level {level}, below level 2 (Managed)",
                    clause_label(&clause.id)
                ),
                clause_id: Some(clause.id.clone()),
                finding_id: None,
            }),
            Rating::Level { level } if level < target => reasons.push(Reason {
                leads_to: Verdict::ConditionallyReady,
                message: format!(
                    "{} is at level {level}, below its target {target}",
                    clause_label(&clause.id)
                ),
                clause_id: Some(clause.id.clone()),
                finding_id: None,
            }),
            Rating::Level { .. } => {}
        }
    }
    if not_assessed > 0 {
        reasons.push(Reason {
            leads_to: Verdict::ConditionallyReady,
            message: format!(
                "{} {} not assessed yet",
                count(not_assessed, "requirement", "requirements"),
                plural(not_assessed, "is", "are")
            ),
            clause_id: None,
            finding_id: None,
        });
    }

    // Stable: the deciding reasons first, each group in the order found.
    reasons.sort_by_key(|r| r.leads_to);
    Readiness {
        verdict: reasons.first().map_or(Verdict::Ready, |r| r.leads_to),
        reasons,
        rule: RULE.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FindingStatus;

    fn all_at(level: u8) -> Vec<ClauseResponse> {
        Catalogue::builtin()
            .assessable()
            .map(|c| ClauseResponse {
                rating: Rating::Level { level },
                ..ClauseResponse::blank(&c.id)
            })
            .collect()
    }

    fn finding(kind: FindingKind, status: FindingStatus) -> Finding {
        Finding::for_test("9.3", kind, status, "Management review skipped in 2026")
    }

    #[test]
    fn everything_at_target_and_no_open_nonconformity_is_ready() {
        let cat = Catalogue::builtin();
        let closed = finding(FindingKind::MajorNonconformity, FindingStatus::Closed);
        let r = readiness(cat, &all_at(3), 3, &[closed]);
        assert_eq!(r.verdict, Verdict::Ready);
        assert!(r.reasons.is_empty());
        assert_eq!(r.rule.len(), 3);
    }

    #[test]
    fn an_open_major_nonconformity_means_not_ready_with_the_finding_named() {
        let cat = Catalogue::builtin();
        let major = finding(FindingKind::MajorNonconformity, FindingStatus::InProgress);
        let r = readiness(cat, &all_at(3), 3, std::slice::from_ref(&major));
        assert_eq!(r.verdict, Verdict::NotReady);
        assert_eq!(r.reasons[0].finding_id, Some(major.id));
        assert_eq!(
            r.reasons[0].message,
            "Open major nonconformity at 9.3 Management review: Management review skipped in 2026"
        );
    }

    #[test]
    fn a_requirement_below_level_2_means_not_ready() {
        let cat = Catalogue::builtin();
        let mut responses = all_at(3);
        responses[0].rating = Rating::Level { level: 1 };
        let r = readiness(cat, &responses, 3, &[]);
        assert_eq!(r.verdict, Verdict::NotReady);
        assert_eq!(r.reasons[0].clause_id.as_deref(), Some("4.1"));
        assert!(r.reasons[0].message.contains("below level 2"));
    }

    #[test]
    fn minor_nonconformities_gaps_and_unassessed_requirements_are_conditional() {
        let cat = Catalogue::builtin();
        let minor = finding(FindingKind::MinorNonconformity, FindingStatus::Open);
        let r = readiness(cat, &all_at(3), 3, &[minor]);
        assert_eq!(r.verdict, Verdict::ConditionallyReady);

        let r = readiness(cat, &all_at(2), 3, &[]);
        assert_eq!(r.verdict, Verdict::ConditionallyReady);
        assert_eq!(r.reasons.len(), 57);

        let mut responses = all_at(4);
        responses.truncate(50);
        let r = readiness(cat, &responses, 3, &[]);
        assert_eq!(r.verdict, Verdict::ConditionallyReady);
        assert_eq!(r.reasons[0].message, "7 requirements are not assessed yet");

        // N/A counts as decided; observations never change the verdict.
        let mut responses = all_at(3);
        responses[5].rating = Rating::NotApplicable;
        let obs = finding(FindingKind::Observation, FindingStatus::Open);
        assert_eq!(
            readiness(cat, &responses, 3, &[obs]).verdict,
            Verdict::Ready
        );
    }

    #[test]
    fn deciding_reasons_come_first() {
        let cat = Catalogue::builtin();
        let mut responses = all_at(2);
        responses[10].rating = Rating::Level { level: 0 };
        let r = readiness(cat, &responses, 3, &[]);
        assert_eq!(r.verdict, Verdict::NotReady);
        assert_eq!(r.reasons[0].leads_to, Verdict::NotReady);
        assert!(r.reasons[1..]
            .iter()
            .all(|x| x.leads_to == Verdict::ConditionallyReady));
    }
}
