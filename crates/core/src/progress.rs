//! Progress since a baseline: a follow-up assessment compared, clause by
//! clause, with the earlier assessment it was started from.
//!
//! Both sides are scored with the same roll-up ([`scorecard`]) and judged by
//! the same readiness rule, so the comparison shows exactly the numbers each
//! assessment shows on its own dashboard.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::assessment::{Assessment, AssessmentStatus};
use crate::catalogue::Catalogue;
use crate::finding::{Finding, FindingKind};
use crate::kpi::Kpi;
use crate::response::{ClauseResponse, Rating};
use crate::scoring::scorecard;
use crate::verdicts::{verdicts, Verdict};

/// Scores closer than this are the same.
const SAME: f64 = 1e-9;

/// Scores are compared at the precision they are shown with (one decimal),
/// so a change always matches the two figures printed next to it.
fn shown(score: Option<f64>) -> Option<f64> {
    score.map(crate::scoring::round_score)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Improved,
    Regressed,
    Unchanged,
    /// A side has no score: for a requirement, not assessed or not
    /// applicable on one side only; for a clause group, none of its
    /// requirements is scored on both sides.
    NotComparable,
}

impl Trend {
    pub const ALL: [Trend; 4] = [
        Trend::Improved,
        Trend::Regressed,
        Trend::Unchanged,
        Trend::NotComparable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Trend::Improved => "Improved",
            Trend::Regressed => "Regressed",
            Trend::Unchanged => "Unchanged",
            Trend::NotComparable => "Not comparable",
        }
    }

    fn of(baseline: Option<f64>, current: Option<f64>) -> (Option<f64>, Trend) {
        match (baseline, current) {
            (Some(b), Some(c)) => {
                // Rounded again: 2.3 − 2.2 is 0.0999… in binary.
                let delta = crate::scoring::round_score(c - b);
                let trend = if delta > SAME {
                    Trend::Improved
                } else if delta < -SAME {
                    Trend::Regressed
                } else {
                    Trend::Unchanged
                };
                (
                    Some(if trend == Trend::Unchanged {
                        0.0
                    } else {
                        delta
                    }),
                    trend,
                )
            }
            _ => (None, Trend::NotComparable),
        }
    }
}

/// A change in score as printed: "+0.5", "−1.0", "±0.0".
pub fn format_delta(delta: f64) -> String {
    if delta.abs() <= SAME {
        "±0.0".to_owned()
    } else if delta > 0.0 {
        format!("+{:.1}", crate::scoring::round_score(delta))
    } else {
        format!("\u{2212}{:.1}", crate::scoring::round_score(-delta))
    }
}

/// Whether requirement `id` lies under clause group `group` ("8.5.1.2" under
/// "8.5" but not under "8.50").
fn is_within(id: &str, group: &str) -> bool {
    id.strip_prefix(group)
        .is_some_and(|rest| rest.starts_with('.'))
}

/// The title a follow-up gets unless the consultant types another.
pub fn follow_up_title(baseline_title: &str) -> String {
    const PREFIX: &str = "Follow-up: ";
    let room = crate::validation::Field::Title.max_chars() - PREFIX.chars().count();
    let base: String = baseline_title.trim().chars().take(room).collect();
    format!("{PREFIX}{}", base.trim_end())
}

/// One clause, then and now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClauseChange {
    pub clause_id: String,
    pub title: String,
    pub depth: u8,
    pub assessable: bool,
    pub baseline: Option<f64>,
    pub current: Option<f64>,
    /// Current minus baseline, when both have a score.
    pub delta: Option<f64>,
    pub trend: Trend,
    /// The requirement's rating then and now (requirements only).
    pub baseline_rating: Option<Rating>,
    pub current_rating: Option<Rating>,
}

/// How many requirements went which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Tally {
    pub improved: u32,
    pub regressed: u32,
    pub unchanged: u32,
    pub not_comparable: u32,
}

/// A count then and now, and whether it went the good way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountChange {
    pub baseline: u32,
    pub current: u32,
    /// Current minus baseline.
    #[ts(type = "number")]
    pub delta: i64,
    /// Improved when the count went the good way (fewer open findings, more
    /// KPIs met), regressed when it went the other.
    pub trend: Trend,
}

impl CountChange {
    fn new(baseline: u32, current: u32, fewer_is_better: bool) -> CountChange {
        let delta = i64::from(current) - i64::from(baseline);
        let better = if fewer_is_better {
            delta < 0
        } else {
            delta > 0
        };
        let trend = match delta {
            0 => Trend::Unchanged,
            _ if better => Trend::Improved,
            _ => Trend::Regressed,
        };
        CountChange {
            baseline,
            current,
            delta,
            trend,
        }
    }
}

/// The assessment a follow-up is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BaselineInfo {
    pub id: Uuid,
    pub title: String,
    pub status: AssessmentStatus,
    pub created_at: DateTime<Utc>,
}

/// Progress since the baseline, for the dashboard, the comparison view and
/// the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Progress {
    pub baseline: BaselineInfo,
    /// The overall figure then and now, over the requirements scored on both
    /// sides (like for like; see [`progress`]).
    pub overall_baseline: Option<f64>,
    pub overall_current: Option<f64>,
    pub overall_delta: Option<f64>,
    pub overall_trend: Trend,
    pub coverage_baseline: f64,
    pub coverage_current: f64,
    pub verdict_baseline: Verdict,
    pub verdict_current: Verdict,
    /// Requirements (the 57 leaves) by direction of change.
    pub requirements: Tally,
    /// Requirements with a score on one side only (assessed on one side and
    /// not assessed or not applicable on the other). They are left out of
    /// the clause groups and the overall figure on both sides.
    pub scored_one_side: u32,
    /// Requirements with a score on both sides: what the clause groups and
    /// the overall figure are compared on.
    pub scored_both: u32,
    pub open_major: CountChange,
    pub open_minor: CountChange,
    /// Open findings that call for action (all kinds but good practice).
    pub open_actions: CountChange,
    pub kpis_met: CountChange,
    /// KPIs with both a measurement and a target (met or not).
    pub kpis_measured: CountChange,
    /// Every catalogue clause, in catalogue order.
    pub clauses: Vec<ClauseChange>,
    /// The follow-up's KPIs, each against the KPI of the same name in the
    /// baseline: the newest value on each side, in the KPI's direction.
    pub kpi_trends: Vec<KpiTrend>,
}

/// One KPI since the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiTrend {
    pub name: String,
    pub unit: String,
    /// The baseline's newest value and the period it covers.
    pub baseline: Option<f64>,
    pub baseline_period: Option<String>,
    pub current: Option<f64>,
    pub current_period: Option<String>,
    /// Improved when it moved the way the KPI wants.
    pub trend: Trend,
    pub current_status: Option<crate::kpi::PeriodStatus>,
}

fn kpi_trends(baseline: &[Kpi], current: &[Kpi]) -> Vec<KpiTrend> {
    current
        .iter()
        .map(|k| {
            let before = baseline
                .iter()
                .find(|b| b.name.to_lowercase() == k.name.to_lowercase());
            let (b, c) = (before.and_then(|b| b.latest()), k.latest());
            let trend = match (b, c) {
                (Some(b), Some(c)) => {
                    let better = match k.direction {
                        crate::kpi::Direction::HigherIsBetter => c.value - b.value,
                        crate::kpi::Direction::LowerIsBetter => b.value - c.value,
                    };
                    if better > 1e-9 {
                        Trend::Improved
                    } else if better < -1e-9 {
                        Trend::Regressed
                    } else {
                        Trend::Unchanged
                    }
                }
                _ => Trend::NotComparable,
            };
            KpiTrend {
                name: k.name.clone(),
                unit: k.unit.clone(),
                baseline: b.map(|m| m.value),
                baseline_period: b.map(|m| m.period.clone()),
                current: c.map(|m| m.value),
                current_period: c.map(|m| m.period.clone()),
                trend,
                current_status: k.status(),
            }
        })
        .collect()
}

impl Progress {
    /// Requirements that improved or regressed, largest change first.
    pub fn moved(&self) -> impl Iterator<Item = &ClauseChange> {
        let mut moved: Vec<&ClauseChange> = self
            .clauses
            .iter()
            .filter(|c| c.assessable && matches!(c.trend, Trend::Improved | Trend::Regressed))
            .collect();
        moved.sort_by(|a, b| {
            let size = |c: &ClauseChange| c.delta.unwrap_or(0.0).abs();
            size(b).total_cmp(&size(a))
        });
        moved.into_iter()
    }
}

/// One assessment's records, as compared.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub assessment: &'a Assessment,
    pub responses: &'a [ClauseResponse],
    pub findings: &'a [Finding],
    pub kpis: &'a [Kpi],
}

/// Compares `current` with `baseline`.
///
/// Requirements compare their own levels. Clause groups and the overall
/// figure compare like with like: both sides are rolled up over the
/// requirements scored on both sides only, so a requirement assessed for the
/// first time (or marked not applicable) in the follow-up does not move a
/// group's mean by itself. Once both assessments score the same requirements
/// (the usual end of a follow-up), these are exactly the figures each
/// assessment's own dashboard shows.
pub fn progress(catalogue: &Catalogue, baseline: Side<'_>, current: Side<'_>) -> Progress {
    let before = scorecard(
        catalogue,
        baseline.responses,
        baseline.assessment.target_level,
    );
    let now = scorecard(
        catalogue,
        current.responses,
        current.assessment.target_level,
    );
    let rating = |side: &Side<'_>, id: &str| {
        side.responses
            .iter()
            .find(|r| r.clause_id == id)
            .map_or(Rating::NotAssessed, |r| r.rating)
    };
    let scored = |card: &crate::Scorecard, id: &str| card.clause(id).and_then(|s| s.score);
    let one_sided: HashSet<&str> = catalogue
        .assessable()
        .filter(|c| scored(&before, &c.id).is_some() != scored(&now, &c.id).is_some())
        .map(|c| c.id.as_str())
        .collect();
    let scored_both = catalogue
        .assessable()
        .filter(|c| scored(&before, &c.id).is_some() && scored(&now, &c.id).is_some())
        .count();
    // The same roll-up over the requirements scored on both sides.
    let common = |side: &Side<'_>| {
        let kept: Vec<ClauseResponse> = side
            .responses
            .iter()
            .filter(|r| !one_sided.contains(r.clause_id.as_str()))
            .cloned()
            .collect();
        scorecard(catalogue, &kept, side.assessment.target_level)
    };
    let (before_common, now_common) = (common(&baseline), common(&current));
    // Not applicable then and now is a decision that stands.
    let na_both = |id: &str| {
        rating(&baseline, id) == Rating::NotApplicable
            && rating(&current, id) == Rating::NotApplicable
    };
    let mut requirements = Tally::default();
    let clauses = catalogue
        .clauses
        .iter()
        .map(|clause| {
            let (b, c) = if clause.assessable {
                (&before, &now)
            } else {
                (&before_common, &now_common)
            };
            let (baseline_score, current_score) =
                (shown(scored(b, &clause.id)), shown(scored(c, &clause.id)));
            let (baseline_rating, current_rating) = if clause.assessable {
                (
                    Some(rating(&baseline, &clause.id)),
                    Some(rating(&current, &clause.id)),
                )
            } else {
                (None, None)
            };
            let (delta, mut trend) = Trend::of(baseline_score, current_score);
            let all_na = if clause.assessable {
                na_both(&clause.id)
            } else {
                catalogue
                    .assessable()
                    .filter(|r| is_within(&r.id, &clause.id))
                    .all(|r| na_both(&r.id))
            };
            if all_na {
                trend = Trend::Unchanged;
            }
            if clause.assessable {
                let slot = match trend {
                    Trend::Improved => &mut requirements.improved,
                    Trend::Regressed => &mut requirements.regressed,
                    Trend::Unchanged => &mut requirements.unchanged,
                    Trend::NotComparable => &mut requirements.not_comparable,
                };
                *slot += 1;
            }
            ClauseChange {
                clause_id: clause.id.clone(),
                title: clause.title.clone(),
                depth: clause.depth,
                assessable: clause.assessable,
                baseline: baseline_score,
                current: current_score,
                delta,
                trend,
                baseline_rating,
                current_rating,
            }
        })
        .collect();
    let (overall_baseline, overall_current) =
        (shown(before_common.overall), shown(now_common.overall));
    let (overall_delta, overall_trend) = Trend::of(overall_baseline, overall_current);
    let open = |side: &Side<'_>, wanted: &dyn Fn(FindingKind) -> bool| -> u32 {
        let n = side
            .findings
            .iter()
            .filter(|f| f.is_open() && wanted(f.kind))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let change = |wanted: &dyn Fn(FindingKind) -> bool| {
        CountChange::new(open(&baseline, wanted), open(&current, wanted), true)
    };
    let kpis = |side: &Side<'_>, wanted: &dyn Fn(Option<bool>) -> bool| {
        u32::try_from(side.kpis.iter().filter(|k| wanted(k.met())).count()).unwrap_or(u32::MAX)
    };
    // Certification readiness: the documented information checklist is
    // part of stage 1 only, so it is not needed here.
    let verdict = |side: &Side<'_>| {
        verdicts(catalogue, side.responses, side.findings, &[])
            .certification
            .verdict
    };
    let b = baseline.assessment;
    Progress {
        baseline: BaselineInfo {
            id: b.id,
            title: b.title.clone(),
            status: b.status,
            created_at: b.created_at,
        },
        overall_baseline,
        overall_current,
        overall_delta,
        overall_trend,
        coverage_baseline: before.coverage,
        coverage_current: now.coverage,
        verdict_baseline: verdict(&baseline),
        verdict_current: verdict(&current),
        requirements,
        scored_one_side: u32::try_from(one_sided.len()).unwrap_or(u32::MAX),
        scored_both: u32::try_from(scored_both).unwrap_or(u32::MAX),
        open_major: change(&|k| k == FindingKind::MajorNonconformity),
        open_minor: change(&|k| k == FindingKind::MinorNonconformity),
        open_actions: change(&FindingKind::calls_for_action),
        kpis_met: CountChange::new(
            kpis(&baseline, &|m| m == Some(true)),
            kpis(&current, &|m| m == Some(true)),
            false,
        ),
        kpis_measured: CountChange::new(
            kpis(&baseline, &|m| m.is_some()),
            kpis(&current, &|m| m.is_some()),
            false,
        ),
        clauses,
        kpi_trends: kpi_trends(baseline.kpis, current.kpis),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{FindingStatus, Priority};

    fn assessment(title: &str) -> Assessment {
        let now = Utc::now();
        Assessment {
            id: Uuid::new_v4(),
            client_id: Uuid::new_v4(),
            title: title.into(),
            scope: String::new(),
            assessors: String::new(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
            status: AssessmentStatus::Final,
            catalogue_id: "iso20000-1".into(),
            catalogue_version: "2018".into(),
            baseline_id: None,
            created_at: now,
            updated_at: now,
        }
    }

    fn rated(id: &str, rating: Rating) -> ClauseResponse {
        ClauseResponse {
            rating,
            ..ClauseResponse::blank(id)
        }
    }

    fn level(id: &str, level: u8) -> ClauseResponse {
        rated(id, Rating::Level { level })
    }

    fn major(status: FindingStatus) -> Finding {
        Finding {
            id: Uuid::new_v4(),
            clause_id: "9.2".into(),
            kind: FindingKind::MajorNonconformity,
            title: "No internal audit programme".into(),
            observation: String::new(),
            evidence: String::new(),
            recommendation: String::new(),
            priority: Priority::High,
            owner: String::new(),
            due_date: None,
            lifecycle: Default::default(),
            nc_stage: None,
            status,
            phase: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    /// An assessment's side with responses and nothing else.
    fn levels_only<'a>(assessment: &'a Assessment, responses: &'a [ClauseResponse]) -> Side<'a> {
        Side {
            assessment,
            responses,
            findings: &[],
            kpis: &[],
        }
    }

    fn change<'a>(p: &'a Progress, id: &str) -> &'a ClauseChange {
        p.clauses.iter().find(|c| c.clause_id == id).unwrap()
    }

    #[test]
    fn compares_every_clause_and_counts_requirements_by_direction() {
        let cat = Catalogue::builtin();
        let (a0, a1) = (assessment("2025"), assessment("2026"));
        let before = [
            level("9.2", 1),
            level("9.3", 2),
            level("4.1", 3),
            level("8.1", 4),
            rated("8.7.3.1", Rating::NotApplicable),
        ];
        let after = [
            level("9.2", 3),
            level("9.3", 2),
            level("4.1", 2),
            rated("8.1", Rating::NotAssessed),
            level("8.7.3.1", 2),
            level("10.1", 3),
            level("9.4", 2),
        ];
        let findings_before = [major(FindingStatus::Open), major(FindingStatus::Open)];
        let findings_after = [
            major(FindingStatus::Closed),
            major(FindingStatus::InProgress),
        ];
        let p = progress(
            cat,
            Side {
                assessment: &a0,
                responses: &before,
                findings: &findings_before,
                kpis: &[],
            },
            Side {
                assessment: &a1,
                responses: &after,
                findings: &findings_after,
                kpis: &[],
            },
        );
        assert_eq!(p.clauses.len(), cat.clauses.len());
        assert_eq!(p.baseline.title, "2025");

        let c = change(&p, "9.2");
        assert_eq!(
            (c.baseline, c.current, c.delta),
            (Some(1.0), Some(3.0), Some(2.0))
        );
        assert_eq!(c.trend, Trend::Improved);
        assert_eq!(c.baseline_rating, Some(Rating::Level { level: 1 }));
        assert_eq!(change(&p, "9.3").trend, Trend::Unchanged);
        assert_eq!(change(&p, "9.3").delta, Some(0.0));
        assert_eq!(change(&p, "4.1").trend, Trend::Regressed);
        assert_eq!(change(&p, "4.1").delta, Some(-1.0));
        // A level then, not assessed now; not applicable then, a level now.
        assert_eq!(change(&p, "8.1").trend, Trend::NotComparable);
        assert_eq!(change(&p, "8.7.3.1").trend, Trend::NotComparable);
        assert_eq!(
            change(&p, "8.7.3.1").baseline_rating,
            Some(Rating::NotApplicable)
        );
        // Groups compare their roll-ups over the requirements scored on both
        // sides (4.1, 9.2, 9.3), and carry no rating; 9.4, 8.1, 8.7.3.1 and
        // 10.1 are scored on one side only and left out of both.
        let four = change(&p, "4");
        assert_eq!((four.delta, four.trend), (Some(-1.0), Trend::Regressed));
        assert_eq!(four.baseline_rating, None);
        let nine = change(&p, "9");
        assert_eq!(
            (nine.baseline, nine.current, nine.delta, nine.trend),
            (Some(1.5), Some(2.5), Some(1.0), Trend::Improved),
            "9.4, assessed only now, does not move clause 9 by itself"
        );
        for group in ["8", "8.7", "10"] {
            let g = change(&p, group);
            assert_eq!((g.delta, g.trend), (None, Trend::NotComparable), "{group}");
        }
        assert_eq!((p.scored_one_side, p.scored_both), (4, 3));
        // Overall: the mean of clauses 4 and 9, (3 + 1.5) / 2 then and
        // (2 + 2.5) / 2 now.
        assert_eq!(
            (
                p.overall_baseline,
                p.overall_current,
                p.overall_delta,
                p.overall_trend
            ),
            (Some(2.3), Some(2.3), Some(0.0), Trend::Unchanged)
        );

        let assessable = u32::try_from(cat.assessable().count()).unwrap();
        let t = p.requirements;
        assert_eq!((t.improved, t.regressed, t.unchanged), (1, 1, 1));
        assert_eq!(
            t.improved + t.regressed + t.unchanged + t.not_comparable,
            assessable
        );
        assert_eq!(
            p.open_major,
            CountChange {
                baseline: 2,
                current: 1,
                delta: -1,
                trend: Trend::Improved
            },
            "fewer open majors is an improvement"
        );
        assert_eq!(p.open_actions.current, 1);
        // Neither side is judged: certification readiness has no verdict.
        assert_eq!(p.verdict_baseline, Verdict::Provisional);
        assert!(p.coverage_current > p.coverage_baseline);

        let moved: Vec<&str> = p.moved().map(|c| c.clause_id.as_str()).collect();
        assert_eq!(moved, ["9.2", "4.1"], "largest change first");
    }

    #[test]
    fn a_count_improves_in_the_direction_of_what_it_counts() {
        let more_met = CountChange::new(1, 3, false);
        assert_eq!((more_met.delta, more_met.trend), (2, Trend::Improved));
        let more_open = CountChange::new(1, 3, true);
        assert_eq!((more_open.delta, more_open.trend), (2, Trend::Regressed));
        assert_eq!(CountChange::new(3, 1, true).trend, Trend::Improved);
        assert_eq!(CountChange::new(2, 2, true).trend, Trend::Unchanged);
    }

    #[test]
    fn with_the_same_requirements_scored_the_figures_are_each_dashboards() {
        let cat = Catalogue::builtin();
        let (a0, a1) = (assessment("then"), assessment("now"));
        let levels = |shift: u8| -> Vec<ClauseResponse> {
            cat.assessable()
                .enumerate()
                .map(|(i, c)| match i % 7 {
                    0 => rated(&c.id, Rating::NotApplicable),
                    n => level(&c.id, u8::try_from(n).unwrap().min(5 - shift) + shift),
                })
                .collect()
        };
        let (before, after) = (levels(0), levels(1));
        let p = progress(cat, levels_only(&a0, &before), levels_only(&a1, &after));
        assert_eq!(p.scored_one_side, 0);
        let own = |r: &[ClauseResponse]| scorecard(cat, r, 3);
        let (b, c) = (own(&before), own(&after));
        assert_eq!(p.overall_baseline, shown(b.overall));
        assert_eq!(p.overall_current, shown(c.overall));
        assert_eq!(p.overall_trend, Trend::Improved);
        for change in &p.clauses {
            assert_eq!(
                change.baseline,
                shown(b.clause(&change.clause_id).unwrap().score)
            );
            assert_eq!(
                change.current,
                shown(c.clause(&change.clause_id).unwrap().score)
            );
        }
    }

    #[test]
    fn not_applicable_then_and_now_stands_for_requirements_and_groups() {
        let cat = Catalogue::builtin();
        let (a0, a1) = (assessment("then"), assessment("now"));
        let na = |id: &str| rated(id, Rating::NotApplicable);
        let before = [na("8.7.3.1"), na("8.7.3.2"), na("8.7.3.3"), na("8.1")];
        let after = [na("8.7.3.1"), na("8.7.3.2"), na("8.7.3.3"), level("8.1", 2)];
        let p = progress(cat, levels_only(&a0, &before), levels_only(&a1, &after));
        for id in ["8.7.3.1", "8.7.3"] {
            let c = change(&p, id);
            assert_eq!((c.delta, c.trend), (None, Trend::Unchanged), "{id}");
        }
        // Not applicable then, a level now: a new judgement, not a change.
        assert_eq!(change(&p, "8.1").trend, Trend::NotComparable);
        assert_eq!(change(&p, "8.7").trend, Trend::NotComparable);
        assert_eq!(p.requirements.unchanged, 3);
    }

    #[test]
    fn changes_match_the_figures_shown() {
        // 2.34 and 2.26 both show as 2.3: unchanged, not "improved by 0.08".
        assert_eq!(
            Trend::of(shown(Some(2.26)), shown(Some(2.34))),
            (Some(0.0), Trend::Unchanged)
        );
        let (delta, trend) = Trend::of(shown(Some(2.325)), shown(Some(2.475)));
        assert_eq!(trend, Trend::Improved);
        assert_eq!(format_delta(delta.unwrap()), "+0.2", "2.3 → 2.5");
        assert_eq!(Trend::of(Some(2.2), Some(2.3)).0, Some(0.1));
    }

    #[test]
    fn deltas_and_titles_print_as_people_read_them() {
        assert_eq!(format_delta(0.5), "+0.5");
        assert_eq!(format_delta(-1.0), "\u{2212}1.0");
        assert_eq!(format_delta(1e-12), "±0.0");
        assert_eq!(
            follow_up_title("  Readiness 2026 "),
            "Follow-up: Readiness 2026"
        );
        let long = "x".repeat(500);
        assert!(crate::assessment::validate_title(&follow_up_title(&long)).is_ok());
    }

    #[test]
    fn an_untouched_baseline_has_nothing_to_compare() {
        let (a0, a1) = (assessment("then"), assessment("now"));
        let side = |a| Side {
            assessment: a,
            responses: &[],
            findings: &[],
            kpis: &[],
        };
        let p = progress(Catalogue::builtin(), side(&a0), side(&a1));
        assert_eq!(p.overall_trend, Trend::NotComparable);
        assert_eq!(p.overall_delta, None);
        assert_eq!(p.requirements.not_comparable, 57);
        assert_eq!(p.moved().count(), 0);
    }
}
