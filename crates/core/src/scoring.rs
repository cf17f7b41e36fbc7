//! The maturity roll-up. One pure function: the workspace, the dashboard,
//! the CLI and the report all show these numbers.
//!
//! - A requirement's score is its level; not assessed and not applicable
//!   requirements have no score.
//! - A group's score is the mean of the scores its direct sub-clauses have;
//!   its target is the mean of the same sub-clauses' targets, so score and
//!   target always compare like with like.
//! - Overall is the mean of the top-level clauses (4–10) that have a score.
//! - Gap = max(0, target − score).
//! - A group's weakest link is its lowest-rated requirement (the first in
//!   catalogue order on a tie), shown beside its mean: a mean can hide a
//!   requirement at level 0 that alone stands in the way of certification.
//! - Coverage = decided requirements (a level or not applicable) divided by
//!   assessable requirements.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Catalogue;
use crate::response::{ClauseResponse, Rating};

/// The lowest-rated requirement at or below a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Weakest {
    pub clause_id: String,
    pub level: u8,
    /// Below the score shown for the clause it is the weakest link of (one
    /// decimal): the mean hides it, so it is shown beside the mean. Never
    /// for a requirement itself.
    pub below_mean: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClauseScore {
    pub clause_id: String,
    pub score: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    /// Requirements at or below this clause that have a level or are N/A.
    pub assessed: u32,
    pub not_applicable: u32,
    /// Of the assessed, those whose level a follow-up carried over from its
    /// baseline and nobody has confirmed yet.
    pub carried_over: u32,
    /// Requirements at or below this clause.
    pub assessable: u32,
    /// The lowest level at or below this clause (for a requirement with a
    /// level, the requirement itself); `None` while none has a level.
    pub weakest: Option<Weakest>,
}

impl ClauseScore {
    /// The weakest link when the mean hides it: a group whose lowest
    /// requirement is below the score shown for it.
    pub fn hidden_weakest(&self) -> Option<&Weakest> {
        self.weakest.as_ref().filter(|w| w.below_mean)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scorecard {
    /// One entry per catalogue clause, in catalogue order.
    pub clauses: Vec<ClauseScore>,
    pub overall: Option<f64>,
    pub overall_target: Option<f64>,
    pub overall_gap: Option<f64>,
    pub assessed: u32,
    pub not_applicable: u32,
    /// Assessed requirements still carrying the baseline's level unconfirmed.
    pub carried_over: u32,
    pub assessable: u32,
    /// Share of requirements decided, 0.0 to 1.0.
    pub coverage: f64,
    /// The lowest-rated requirement of the whole assessment.
    pub weakest: Option<Weakest>,
}

impl Scorecard {
    pub fn clause(&self, id: &str) -> Option<&ClauseScore> {
        self.clauses.iter().find(|c| c.clause_id == id)
    }
}

/// A score rounded to the one decimal it is shown with: to the nearest
/// thousandth first (which removes binary noise such as 1.15 being stored as
/// 1.1499…), then half up. The UI rounds the same way (`ui/src/lib/levels.ts`),
/// so 2.25 reads 2.3 in the app, the report, the workbook and the CLI alike.
pub fn round_score(value: f64) -> f64 {
    // Scores are 0–5: the product fits an i64 with room to spare.
    let thousandths = (value.abs() * 1000.0).round() as i64;
    let tenths = (thousandths + 50) / 100;
    let rounded = tenths as f64 / 10.0;
    if value < 0.0 {
        -rounded
    } else {
        rounded
    }
}

/// A score as shown everywhere: one decimal, or a dash when there is none.
pub fn format_score(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}", round_score(v)))
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn gap(score: Option<f64>, target: Option<f64>) -> Option<f64> {
    Some((target? - score?).max(0.0))
}

pub fn scorecard(
    catalogue: &Catalogue,
    responses: &[ClauseResponse],
    default_target: u8,
) -> Scorecard {
    let by_id: HashMap<&str, &ClauseResponse> = responses
        .iter()
        .map(|r| (r.clause_id.as_str(), r))
        .collect();
    let mut scores: HashMap<&str, ClauseScore> = HashMap::new();

    // Children come after their parents in a valid catalogue, so walking it
    // backwards scores every sub-clause before the clause above it.
    for clause in catalogue.clauses.iter().rev() {
        let entry = if clause.assessable {
            let response = by_id.get(clause.id.as_str());
            let rating = response.map_or(Rating::NotAssessed, |r| r.rating);
            let carried_over = response.is_some_and(|r| r.carried_over);
            let target = by_id
                .get(clause.id.as_str())
                .and_then(|r| r.target_level)
                .unwrap_or(default_target);
            let score = rating.level().map(f64::from);
            let target = (rating != Rating::NotApplicable).then_some(f64::from(target));
            ClauseScore {
                clause_id: clause.id.clone(),
                score,
                target,
                gap: gap(score, target),
                assessed: u32::from(rating != Rating::NotAssessed),
                not_applicable: u32::from(rating == Rating::NotApplicable),
                carried_over: u32::from(carried_over && rating != Rating::NotAssessed),
                assessable: 1,
                weakest: rating.level().map(|level| Weakest {
                    clause_id: clause.id.clone(),
                    level,
                    below_mean: false,
                }),
            }
        } else {
            let children: Vec<&ClauseScore> = catalogue
                .children(&clause.id)
                .filter_map(|c| scores.get(c.id.as_str()))
                .collect();
            group_score(&clause.id, &children)
        };
        scores.insert(clause.id.as_str(), entry);
    }

    let tops: Vec<&ClauseScore> = catalogue
        .top_level()
        .filter_map(|c| scores.get(c.id.as_str()))
        .collect();
    let total = group_score("", &tops);
    Scorecard {
        clauses: catalogue
            .clauses
            .iter()
            .filter_map(|c| scores.remove(c.id.as_str()))
            .collect(),
        overall: total.score,
        overall_target: total.target,
        overall_gap: total.gap,
        assessed: total.assessed,
        not_applicable: total.not_applicable,
        carried_over: total.carried_over,
        assessable: total.assessable,
        coverage: if total.assessable == 0 {
            0.0
        } else {
            f64::from(total.assessed) / f64::from(total.assessable)
        },
        weakest: total.weakest,
    }
}

fn group_score(id: &str, children: &[&ClauseScore]) -> ClauseScore {
    let scored = || children.iter().filter(|c| c.score.is_some());
    let score = mean(scored().filter_map(|c| c.score));
    let target = mean(scored().filter_map(|c| c.target));
    ClauseScore {
        clause_id: id.to_owned(),
        score,
        target,
        gap: gap(score, target),
        assessed: children.iter().map(|c| c.assessed).sum(),
        not_applicable: children.iter().map(|c| c.not_applicable).sum(),
        carried_over: children.iter().map(|c| c.carried_over).sum(),
        assessable: children.iter().map(|c| c.assessable).sum(),
        // The first lowest in catalogue order: min_by_key keeps the first.
        weakest: children
            .iter()
            .filter_map(|c| c.weakest.as_ref())
            .min_by_key(|w| w.level)
            .map(|w| Weakest {
                below_mean: score.is_some_and(|s| f64::from(w.level) < round_score(s)),
                ..w.clone()
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_round_half_up_at_one_decimal_without_binary_noise() {
        for (value, shown) in [
            (2.25, "2.3"),
            (2.75, "2.8"),
            (1.15, "1.2"),
            (2.35, "2.4"),
            (2.0 + 1.0 / 3.0, "2.3"),
            (1.0625, "1.1"),
            (0.04, "0.0"),
            (5.0, "5.0"),
            (-0.25, "-0.3"),
        ] {
            assert_eq!(format_score(Some(value)), shown, "{value}");
        }
        assert_eq!(format_score(None), "–");
    }
    use crate::catalogue::{Clause, MaturityLevel};
    use proptest::prelude::*;

    fn rated(id: &str, rating: Rating) -> ClauseResponse {
        ClauseResponse {
            rating,
            ..ClauseResponse::blank(id)
        }
    }

    fn level(id: &str, level: u8) -> ClauseResponse {
        rated(id, Rating::Level { level })
    }

    #[test]
    fn an_empty_assessment_has_no_scores() {
        let card = scorecard(Catalogue::builtin(), &[], 3);
        assert_eq!(card.overall, None);
        assert_eq!(card.assessable, 57);
        assert_eq!(card.assessed, 0);
        assert_eq!(card.coverage, 0.0);
        assert_eq!(card.clauses.len(), 77);
        let leaf = card.clause("4.1").unwrap();
        assert_eq!((leaf.score, leaf.target, leaf.gap), (None, Some(3.0), None));
    }

    #[test]
    fn groups_average_their_scored_children_only() {
        let cat = Catalogue::builtin();
        let card = scorecard(
            cat,
            &[
                level("5.2.1", 1),
                level("5.2.2", 3),
                level("5.1", 4),
                rated("5.3", Rating::NotApplicable),
            ],
            3,
        );
        let policy = card.clause("5.2").unwrap();
        assert_eq!(policy.score, Some(2.0));
        assert_eq!(policy.gap, Some(1.0));
        // 5 = mean(5.1 = 4, 5.2 = 2); 5.3 is N/A and left out.
        let leadership = card.clause("5").unwrap();
        assert_eq!(leadership.score, Some(3.0));
        assert_eq!(leadership.assessed, 4);
        assert_eq!(leadership.not_applicable, 1);
        assert_eq!(leadership.assessable, 4);
        assert_eq!(card.clause("5.3").unwrap().target, None);
        // Only clause 5 has a score, so overall is clause 5's.
        assert_eq!(card.overall, Some(3.0));
        assert_eq!(card.assessed, 4);
        assert!((card.coverage - 4.0 / 57.0).abs() < 1e-12);
    }

    #[test]
    fn a_groups_weakest_link_is_its_lowest_requirement_and_shows_when_the_mean_hides_it() {
        let cat = Catalogue::builtin();
        // 9.1 at 4, 9.2 (internal audit) at 0, 9.3 at 4: clause 9 reads 2.7,
        // which alone says nothing of the audit that was never held.
        let card = scorecard(
            cat,
            &[
                level("9.1", 4),
                level("9.2", 0),
                level("9.3", 4),
                level("10.1", 3),
                level("10.2", 3),
            ],
            3,
        );
        let nine = card.clause("9").unwrap();
        let weakest = Weakest {
            clause_id: "9.2".into(),
            level: 0,
            below_mean: true,
        };
        assert_eq!(nine.weakest.as_ref(), Some(&weakest));
        assert_eq!(nine.hidden_weakest(), Some(&weakest));
        assert_eq!(card.weakest.as_ref(), Some(&weakest));
        // Equal levels hide nothing; the first in catalogue order is named.
        let ten = card.clause("10").unwrap();
        assert_eq!(ten.weakest.as_ref().unwrap().clause_id, "10.1");
        assert_eq!(ten.hidden_weakest(), None);
        // A requirement is its own weakest link, never a hidden one.
        let audit = card.clause("9.2").unwrap();
        assert_eq!(audit.weakest.as_ref().map(|w| w.level), Some(0));
        assert_eq!(audit.hidden_weakest(), None);
        // Nothing rated, nothing named; N/A is not a level.
        let none = scorecard(cat, &[rated("5.3", Rating::NotApplicable)], 3);
        assert_eq!(none.clause("5").unwrap().weakest, None);
        assert_eq!(none.weakest, None);
    }

    #[test]
    fn a_weakest_link_below_a_mean_that_rounds_to_it_is_not_hidden() {
        // 2 and 3 average 2.5: the lowest (2) is below what is shown.
        let card = scorecard(
            Catalogue::builtin(),
            &[level("5.2.1", 2), level("5.2.2", 3)],
            3,
        );
        assert_eq!(
            card.clause("5.2")
                .unwrap()
                .hidden_weakest()
                .map(|w| w.level),
            Some(2)
        );
    }

    #[test]
    fn per_requirement_targets_override_the_default_and_gaps_never_go_negative() {
        let cat = Catalogue::builtin();
        let mut above = level("9.2", 5);
        above.target_level = Some(4);
        let mut below = level("9.3", 1);
        below.target_level = Some(4);
        let card = scorecard(cat, &[above, below], 3);
        assert_eq!(card.clause("9.2").unwrap().gap, Some(0.0));
        assert_eq!(card.clause("9.3").unwrap().gap, Some(3.0));
        let nine = card.clause("9").unwrap();
        assert_eq!(nine.score, Some(3.0));
        assert_eq!(nine.target, Some(4.0));
        assert_eq!(nine.gap, Some(1.0));
    }

    #[test]
    fn overall_is_the_mean_of_the_top_level_clauses() {
        let cat = Catalogue::builtin();
        let card = scorecard(
            cat,
            &[level("4.1", 4), level("10.1", 1), level("10.2", 2)],
            3,
        );
        // 4 → 4.0, 10 → 1.5; overall = 2.75 (not the mean of the three leaves).
        assert_eq!(card.overall, Some(2.75));
        assert_eq!(card.overall_gap, Some(0.25));
    }

    // Random catalogues: a forest built from a list of "attach to node k"
    // choices, so every generated tree is valid by construction.
    fn random_catalogue(shape: &[usize]) -> Catalogue {
        let mut clauses: Vec<Clause> = Vec::new();
        let mut child_count: Vec<usize> = Vec::new();
        let mut tops = 0;
        for &choice in shape {
            let parent = if clauses.is_empty() || choice % (clauses.len() + 1) == clauses.len() {
                None
            } else {
                Some(choice % (clauses.len() + 1))
            };
            let id = match parent {
                None => {
                    tops += 1;
                    tops.to_string()
                }
                Some(p) => {
                    child_count[p] += 1;
                    format!("{}.{}", clauses[p].id, child_count[p])
                }
            };
            clauses.push(Clause {
                id,
                title: "t".into(),
                parent: parent.map(|p| clauses[p].id.clone()),
                intro: None,
                summary: None,
                questions: vec![],
                evidence: vec![],
                documented_information: vec![],
                itil_practices: vec![],
                sms_governance: false,
                kpis: vec![],
                assessable: false,
                depth: 0,
            });
            child_count.push(0);
        }
        // Document order: parents before children, siblings in order.
        clauses.sort_by(|a, b| crate::catalogue::compare_clause_ids(&a.id, &b.id));
        for i in 0..clauses.len() {
            let id = clauses[i].id.clone();
            clauses[i].assessable = !clauses.iter().any(|c| c.parent.as_deref() == Some(&id));
        }
        Catalogue {
            format: crate::catalogue::FORMAT.into(),
            format_version: 1,
            id: "random".into(),
            version: "1".into(),
            supersedes: vec![],
            title: "Random".into(),
            description: String::new(),
            maturity_levels: (0..=5)
                .map(|l| MaturityLevel {
                    level: l,
                    name: l.to_string(),
                    descriptor: "d".into(),
                })
                .collect(),
            clauses,
        }
    }

    fn rating_from(code: u8) -> Rating {
        match code {
            0..=5 => Rating::Level { level: code },
            6 => Rating::NotApplicable,
            _ => Rating::NotAssessed,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn roll_up_invariants_hold_for_any_tree(
            shape in prop::collection::vec(0usize..1000, 1..60),
            codes in prop::collection::vec(0u8..8, 60),
            targets in prop::collection::vec(prop::option::of(1u8..=5), 60),
            default_target in 1u8..=5,
        ) {
            let cat = random_catalogue(&shape);
            let responses: Vec<ClauseResponse> = cat
                .assessable()
                .enumerate()
                .map(|(i, c)| ClauseResponse {
                    rating: rating_from(codes[i % codes.len()]),
                    target_level: targets[i % targets.len()],
                    ..ClauseResponse::blank(&c.id)
                })
                .collect();
            let card = scorecard(&cat, &responses, default_target);

            prop_assert_eq!(card.clauses.len(), cat.clauses.len());
            prop_assert_eq!(card.assessable as usize, cat.assessable().count());
            prop_assert!((0.0..=1.0).contains(&card.coverage));
            let any_level = responses.iter().any(|r| r.rating.level().is_some());
            prop_assert_eq!(card.overall.is_some(), any_level);

            for (clause, score) in cat.clauses.iter().zip(&card.clauses) {
                prop_assert_eq!(&clause.id, &score.clause_id);
                if let Some(s) = score.score {
                    prop_assert!((0.0..=5.0).contains(&s));
                }
                if let Some(g) = score.gap {
                    prop_assert!(g >= 0.0);
                    prop_assert!((g - (score.target.unwrap() - score.score.unwrap()).max(0.0)).abs() < 1e-9);
                }
                prop_assert!(score.assessed <= score.assessable);
                prop_assert!(score.not_applicable <= score.assessed);
                if !clause.assessable {
                    let kids: Vec<f64> = cat
                        .children(&clause.id)
                        .filter_map(|k| card.clause(&k.id).unwrap().score)
                        .collect();
                    match score.score {
                        None => prop_assert!(kids.is_empty()),
                        Some(s) => {
                            let lo = kids.iter().cloned().fold(f64::INFINITY, f64::min);
                            let hi = kids.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                            prop_assert!(s >= lo - 1e-9 && s <= hi + 1e-9);
                            let m = kids.iter().sum::<f64>() / kids.len() as f64;
                            prop_assert!((s - m).abs() < 1e-9);
                            // The weakest link is never above the mean.
                            let w = score.weakest.as_ref().expect("a scored group has a weakest link");
                            prop_assert!(f64::from(w.level) <= s + 1e-9);
                            let prefix = format!("{}.", clause.id);
                            prop_assert!(w.clause_id.starts_with(&prefix));
                        }
                    }
                }
            }
        }

        #[test]
        fn marking_an_unassessed_requirement_not_applicable_changes_no_score(
            shape in prop::collection::vec(0usize..1000, 1..40),
            codes in prop::collection::vec(0u8..8, 40),
            pick in 0usize..40,
        ) {
            let cat = random_catalogue(&shape);
            let mut responses: Vec<ClauseResponse> = cat
                .assessable()
                .enumerate()
                .map(|(i, c)| ClauseResponse { rating: rating_from(codes[i % codes.len()]), ..ClauseResponse::blank(&c.id) })
                .collect();
            let unassessed: Vec<usize> = (0..responses.len())
                .filter(|&i| responses[i].rating == Rating::NotAssessed)
                .collect();
            prop_assume!(!unassessed.is_empty());
            let before = scorecard(&cat, &responses, 3);
            responses[unassessed[pick % unassessed.len()]].rating = Rating::NotApplicable;
            let after = scorecard(&cat, &responses, 3);
            let scores = |c: &Scorecard| c.clauses.iter().map(|s| s.score).collect::<Vec<_>>();
            prop_assert_eq!(scores(&before), scores(&after));
            prop_assert_eq!(before.overall, after.overall);
            prop_assert_eq!(after.assessed, before.assessed + 1);
        }
    }
}
