//! The dashboard of an assessment and the chart model behind it. The PDF
//! report draws its charts from the same [`ChartModel`], so the picture in
//! the app and in the report is the same.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Catalogue;
use crate::finding::{Finding, FindingKind, Priority};
use crate::judgement::standings;
use crate::kpi::{Kpi, PeriodStatus};
use crate::practices::{execution_control, ExecutionControl, PracticeRecord};
use crate::response::{ClauseResponse, Rating};
use crate::scoring::{scorecard, Scorecard, Weakest};
use crate::verdicts::{verdicts, DocumentCheck, Verdicts};

/// Why a clause has no score. Charts draw such a clause as a gap with this
/// label, never as a score of 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoScore {
    /// No requirement below it is rated yet.
    NotAssessed,
    /// Every requirement below it that is decided is not applicable.
    NotApplicable,
}

impl NoScore {
    pub const ALL: [NoScore; 2] = [NoScore::NotAssessed, NoScore::NotApplicable];

    pub fn label(self) -> &'static str {
        match self {
            NoScore::NotAssessed => "not assessed",
            NoScore::NotApplicable => "not applicable",
        }
    }
}

/// Current against target for one clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClauseBar {
    pub clause_id: String,
    pub title: String,
    pub current: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    /// Set exactly when `current` is `None`: why there is nothing to plot.
    pub no_score: Option<NoScore>,
    /// The lowest requirement below the clause, when it is below the mean
    /// shown (a mean of 2.7 with 9.2 at level 0 names 9.2).
    pub weakest: Option<Weakest>,
}

/// One requirement in the heat map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HeatCell {
    pub clause_id: String,
    pub title: String,
    pub rating: Rating,
}

/// The requirements of one top-level clause, for one row of the heat map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HeatRow {
    pub clause_id: String,
    pub title: String,
    pub cells: Vec<HeatCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartModel {
    /// Clauses 4 to 10, in order: the radar's spokes.
    pub radar: Vec<ClauseBar>,
    /// Second-level clauses (4.1 … 10.2) below their target, largest gap first.
    pub gaps: Vec<ClauseBar>,
    pub heat_map: Vec<HeatRow>,
}

pub fn chart_model(
    catalogue: &Catalogue,
    card: &Scorecard,
    responses: &[ClauseResponse],
) -> ChartModel {
    let bar = |id: &str, title: &str| {
        let score = card.clause(id);
        let current = score.and_then(|s| s.score);
        // Without a score, a clause is not applicable only when all its
        // requirements are; otherwise some are still to be assessed.
        let all_na = score.is_some_and(|s| s.assessable > 0 && s.not_applicable == s.assessable);
        ClauseBar {
            clause_id: id.to_owned(),
            title: title.to_owned(),
            current,
            target: score.and_then(|s| s.target),
            gap: score.and_then(|s| s.gap),
            no_score: match (current, all_na) {
                (Some(_), _) => None,
                (None, true) => Some(NoScore::NotApplicable),
                (None, false) => Some(NoScore::NotAssessed),
            },
            weakest: score.and_then(|s| s.hidden_weakest()).cloned(),
        }
    };
    let radar = catalogue
        .top_level()
        .map(|c| bar(&c.id, &c.title))
        .collect();
    let mut gaps: Vec<ClauseBar> = catalogue
        .clauses
        .iter()
        .filter(|c| c.depth == 1)
        .map(|c| bar(&c.id, &c.title))
        .filter(|b| b.gap.is_some_and(|g| g > 0.0))
        .collect();
    // Largest gap first; equal gaps keep clause order (stable sort).
    gaps.sort_by(|a, b| b.gap.unwrap_or(0.0).total_cmp(&a.gap.unwrap_or(0.0)));
    let rating = |id: &str| {
        responses
            .iter()
            .find(|r| r.clause_id == id)
            .map_or(Rating::NotAssessed, |r| r.rating)
    };
    let heat_map = catalogue
        .top_level()
        .map(|top| HeatRow {
            clause_id: top.id.clone(),
            title: top.title.clone(),
            cells: catalogue
                .assessable()
                .filter(|c| c.id.starts_with(&format!("{}.", top.id)) || c.id == top.id)
                .map(|c| HeatCell {
                    clause_id: c.id.clone(),
                    title: c.title.clone(),
                    rating: rating(&c.id),
                })
                .collect(),
        })
        .collect();
    ChartModel {
        radar,
        gaps,
        heat_map,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KindCount {
    pub kind: FindingKind,
    /// Open findings of this kind; `None` for good practice, which is
    /// neither open nor closed ([`Finding::is_open`]).
    pub open: Option<u32>,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PriorityCount {
    pub priority: Priority,
    pub open: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiStatus {
    /// The newest measurement meets the target.
    pub met: u32,
    /// Short of target, within the tolerance band.
    pub within_tolerance: u32,
    /// Missed, beyond the tolerance.
    pub not_met: u32,
    /// Nothing measured or no target yet.
    pub unknown: u32,
    /// Missed with no decision or linked action: measured but not acted upon.
    pub not_acted_upon: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub scorecard: Scorecard,
    /// Stage 1 and certification readiness.
    pub verdicts: Verdicts,
    pub charts: ChartModel,
    pub findings_by_kind: Vec<KindCount>,
    pub findings_by_priority: Vec<PriorityCount>,
    pub kpi_status: KpiStatus,
    /// The practices the client runs against the management system.
    pub execution_control: ExecutionControl,
}

pub fn dashboard(
    catalogue: &Catalogue,
    default_target: u8,
    responses: &[ClauseResponse],
    findings: &[Finding],
    kpis: &[Kpi],
    documents: &[DocumentCheck],
    practices: &[PracticeRecord],
) -> Dashboard {
    let card = scorecard(catalogue, responses, default_target);
    let count = |matches: &dyn Fn(&Finding) -> bool| {
        let all = findings.iter().filter(|f| matches(f));
        let (open, total) = all.fold((0, 0), |(o, t), f| (o + u32::from(f.is_open()), t + 1));
        (open, total)
    };
    let findings_by_kind = FindingKind::ALL
        .iter()
        .map(|&kind| {
            let (open, total) = count(&|f| f.kind == kind);
            KindCount {
                kind,
                open: kind.calls_for_action().then_some(open),
                total,
            }
        })
        .collect();
    let findings_by_priority = [Priority::High, Priority::Medium, Priority::Low]
        .iter()
        .map(|&priority| {
            let (open, total) = count(&|f| f.priority == priority && f.kind.calls_for_action());
            PriorityCount {
                priority,
                open,
                total,
            }
        })
        .collect();
    let mut kpi_status = KpiStatus {
        met: 0,
        within_tolerance: 0,
        not_met: 0,
        unknown: 0,
        not_acted_upon: 0,
    };
    for kpi in kpis {
        match kpi.status() {
            Some(PeriodStatus::Met) => kpi_status.met += 1,
            Some(PeriodStatus::WithinTolerance) => kpi_status.within_tolerance += 1,
            Some(PeriodStatus::Missed) => kpi_status.not_met += 1,
            None => kpi_status.unknown += 1,
        }
        kpi_status.not_acted_upon += u32::from(kpi.not_acted_upon(findings));
    }
    let standing = standings(catalogue, responses, findings);
    Dashboard {
        execution_control: execution_control(
            catalogue,
            &card,
            default_target,
            &standing,
            practices,
        ),
        verdicts: verdicts(catalogue, responses, findings, documents),
        charts: chart_model(catalogue, &card, responses),
        scorecard: card,
        findings_by_kind,
        findings_by_priority,
        kpi_status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdicts::Verdict;

    fn level(id: &str, level: u8) -> ClauseResponse {
        ClauseResponse::at_level(id, level)
    }

    #[test]
    fn the_chart_model_follows_the_scorecard() {
        let cat = Catalogue::builtin();
        let responses = [
            level("9.2", 0),
            level("9.3", 2),
            level("8.6.1", 4),
            level("4.1", 3),
        ];
        let d = dashboard(cat, 3, &responses, &[], &[], &[], &[]);
        let radar: Vec<&str> = d
            .charts
            .radar
            .iter()
            .map(|b| b.clause_id.as_str())
            .collect();
        assert_eq!(radar, ["4", "5", "6", "7", "8", "9", "10"]);
        assert_eq!(d.charts.radar[5].current, Some(1.0));
        assert_eq!(d.charts.radar[5].no_score, None);
        // Clause 5 has no rated requirement: nothing to plot, not a 0.
        assert_eq!(d.charts.radar[1].current, None);
        assert_eq!(d.charts.radar[1].no_score, Some(NoScore::NotAssessed));
        let na = |id: &str| ClauseResponse {
            rating: Rating::NotApplicable,
            ..ClauseResponse::blank(id)
        };
        let three = dashboard(
            cat,
            3,
            &[na("4.1"), na("4.2"), na("4.3")],
            &[],
            &[],
            &[],
            &[],
        );
        // One requirement of clause 4 (4.4) is still open.
        assert_eq!(three.charts.radar[0].no_score, Some(NoScore::NotAssessed));
        let all = dashboard(
            cat,
            3,
            &[na("4.1"), na("4.2"), na("4.3"), na("4.4")],
            &[],
            &[],
            &[],
            &[],
        );
        assert_eq!(all.charts.radar[0].no_score, Some(NoScore::NotApplicable));
        assert_eq!(all.charts.radar[0].current, None);
        // 9.2 (gap 3) before 9.3 (gap 1); 8.6 and 4.1 meet their target.
        let gaps: Vec<(&str, Option<f64>)> = d
            .charts
            .gaps
            .iter()
            .map(|b| (b.clause_id.as_str(), b.gap))
            .collect();
        assert_eq!(gaps, [("9.2", Some(3.0)), ("9.3", Some(1.0))]);
        assert_eq!(d.charts.heat_map.len(), 7);
        let cells: usize = d.charts.heat_map.iter().map(|r| r.cells.len()).sum();
        assert_eq!(cells, 57);
        let nine = &d.charts.heat_map[5];
        assert_eq!(nine.cells[1].rating, Rating::Level { level: 0 });
        // Nothing is judged yet: no verdict, only how much is judged.
        assert_eq!(d.verdicts.certification.verdict, Verdict::Provisional);
    }

    #[test]
    fn counts_findings_and_kpis() {
        use crate::finding::FindingStatus;
        use chrono::Utc;
        let finding = |kind, status, priority| Finding {
            id: uuid::Uuid::new_v4(),
            clause_id: "9.3".into(),
            kind,
            title: "t".into(),
            observation: String::new(),
            evidence: String::new(),
            recommendation: String::new(),
            priority,
            owner: String::new(),
            due_date: None,
            lifecycle: Default::default(),
            nc_stage: None,
            status,
            phase: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let findings = [
            finding(
                FindingKind::MajorNonconformity,
                FindingStatus::Open,
                Priority::High,
            ),
            finding(
                FindingKind::MajorNonconformity,
                FindingStatus::Closed,
                Priority::High,
            ),
            finding(
                FindingKind::GoodPractice,
                FindingStatus::Open,
                Priority::Low,
            ),
            finding(
                FindingKind::Observation,
                FindingStatus::InProgress,
                Priority::Low,
            ),
        ];
        let mut kpis: Vec<Kpi> = Vec::new();
        for (value, target) in [
            (Some(99.9), Some(99.5)),
            (Some(90.0), Some(95.0)),
            (Some(94.5), Some(95.0)),
            (None, Some(4.0)),
        ] {
            let mut k = crate::kpi::suggestions().remove(0).into_kpi(Utc::now());
            k.target = target;
            k.tolerance = Some(1.0);
            k.measurements = value
                .map(|value| crate::kpi::Measurement {
                    period: "2026-09".into(),
                    value,
                    note: String::new(),
                })
                .into_iter()
                .collect();
            kpis.push(k);
        }
        let d = dashboard(Catalogue::builtin(), 3, &[], &findings, &kpis, &[], &[]);
        assert_eq!(
            d.findings_by_kind[0],
            KindCount {
                kind: FindingKind::MajorNonconformity,
                open: Some(1),
                total: 2
            }
        );
        // Good practice is recorded, never open: an open status is ignored.
        assert_eq!(
            d.findings_by_kind[4],
            KindCount {
                kind: FindingKind::GoodPractice,
                open: None,
                total: 1
            }
        );
        assert!(!findings[2].is_open());
        assert!(findings[3].is_open());
        // Good practice is not an action: it does not count by priority.
        assert_eq!(
            d.findings_by_priority[2],
            PriorityCount {
                priority: Priority::Low,
                open: 1,
                total: 1
            }
        );
        assert_eq!(
            d.kpi_status,
            KpiStatus {
                met: 1,
                within_tolerance: 1,
                not_met: 1,
                unknown: 1,
                // 90 % against 95 % missed, and nothing links it to an action.
                not_acted_upon: 1,
            }
        );
    }
}
