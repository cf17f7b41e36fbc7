//! Where an assessment stands, in one view: maturity, coverage, the stage 1
//! and certification verdicts with their reasons and rules, findings by kind, KPI status.

use clausewise_core::dashboard::{KindCount, KpiStatus};
use clausewise_core::practices::ExecutionControl;
use clausewise_core::verdicts::Verdicts;
use clausewise_store::Store;
use serde::Serialize;
use uuid::Uuid;

use crate::OpError;

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub assessment_id: Uuid,
    pub client: String,
    pub title: String,
    pub overall: Option<f64>,
    pub overall_target: Option<f64>,
    /// The lowest-rated requirement (with `below_mean` when the overall
    /// figure hides it).
    pub weakest: Option<clausewise_core::Weakest>,
    pub coverage: f64,
    pub assessed: u32,
    pub assessable: u32,
    pub not_applicable: u32,
    /// Stage 1 and certification readiness, each with its rule and reasons.
    pub verdicts: Verdicts,
    pub findings_by_kind: Vec<KindCount>,
    pub kpis: KpiStatus,
    /// KPIs that missed their target in the newest period and led to no
    /// decision or action: measured, but not acted upon.
    pub kpis_not_acted_upon: Vec<KpiShortfall>,
    /// The ITIL practices the client runs against the management system.
    pub execution_control: ExecutionSummary,
    /// Every clause in catalogue order: a requirement with its rating and
    /// conformity, a group with its score and weakest link.
    pub clauses: Vec<SummaryClause>,
}

/// Execution against control, in short: the two scores and the practices
/// whose governing requirements fall short.
#[derive(Debug, Clone, Serialize)]
pub struct ExecutionSummary {
    /// Mean capability (1-5) of the practices the client runs.
    pub execution: Option<f64>,
    /// Mean maturity (0-5) of the SMS governance requirements.
    pub control: Option<f64>,
    pub headline: String,
    pub practices_run: u32,
    pub governance_assessed: u32,
    pub governance_total: u32,
    /// Practices that run while a requirement governing them is below
    /// target or nonconforming, in ITIL order.
    pub practices_without_governance: Vec<PracticeShortfall>,
    /// The gap in plain words, as in the report's executive summary.
    pub narrative: Option<String>,
}

/// A KPI measured but not acted upon.
#[derive(Debug, Clone, Serialize)]
pub struct KpiShortfall {
    pub kpi_id: Uuid,
    pub name: String,
    /// The newest measurement.
    pub value: Option<f64>,
    pub period: Option<String>,
    pub unit: String,
    pub target: Option<f64>,
    pub owner: String,
    /// Periods missed, of those measured.
    pub missed: u32,
    pub measured: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct PracticeShortfall {
    pub practice: String,
    pub capability: Option<u8>,
    /// The governing requirements below target or nonconforming.
    pub requirements: Vec<String>,
}

impl From<&ExecutionControl> for ExecutionSummary {
    fn from(m: &ExecutionControl) -> ExecutionSummary {
        ExecutionSummary {
            execution: m.execution,
            control: m.control,
            headline: m.headline.clone(),
            practices_run: m.practices_run,
            governance_assessed: m.governance_assessed,
            governance_total: m.governance_total,
            practices_without_governance: m
                .outrunning()
                .map(|p| PracticeShortfall {
                    practice: p.practice.clone(),
                    capability: p.capability,
                    requirements: p
                        .weak_requirements()
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                })
                .collect(),
            narrative: m.narrative.clone(),
        }
    }
}

/// One clause of the summary.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryClause {
    pub clause_id: String,
    pub title: String,
    /// An assessable requirement (rated and judged), or a group of them.
    pub requirement: bool,
    /// A requirement's rating; `None` for a group.
    pub rating: Option<clausewise_core::Rating>,
    /// A requirement's level, or a group's mean.
    pub score: Option<f64>,
    pub target: Option<f64>,
    /// The conformity as it stands (open nonconformities counted), for a
    /// requirement.
    pub judgement: Option<clausewise_core::Judgement>,
    /// What the consultant recorded, for a requirement.
    pub recorded_judgement: Option<clausewise_core::Judgement>,
    pub inconsistencies: Vec<clausewise_core::Inconsistency>,
    /// The lowest requirement at or below the clause.
    pub weakest: Option<clausewise_core::Weakest>,
}

/// The summary of `id`, read in one transaction.
pub fn summary(store: &Store, id: Uuid) -> Result<Summary, OpError> {
    let (workspace, dashboard, kpis) =
        store.read(|s| Ok((s.workspace(id)?, s.dashboard(id)?, s.kpi_rows(id)?)))?;
    let kpis_not_acted_upon = kpis
        .iter()
        .filter(|r| r.not_acted_upon)
        .map(|r| {
            let k = &r.kpi;
            KpiShortfall {
                kpi_id: k.id,
                name: k.name.clone(),
                value: k.value(),
                period: k.latest().map(|m| m.period.clone()),
                unit: k.unit.clone(),
                target: k.target,
                owner: k.owner.clone(),
                missed: r
                    .statuses
                    .iter()
                    .filter(|s| **s == Some(clausewise_core::kpi::PeriodStatus::Missed))
                    .count() as u32,
                measured: k.measurements.len() as u32,
            }
        })
        .collect();
    let card = dashboard.scorecard;
    let catalogue = clausewise_core::Catalogue::builtin();
    let clauses = catalogue
        .clauses
        .iter()
        .map(|clause| {
            let score = card.clause(&clause.id);
            let response = workspace
                .responses
                .iter()
                .find(|r| r.clause_id == clause.id);
            let standing = workspace
                .standings
                .iter()
                .find(|s| s.clause_id == clause.id);
            SummaryClause {
                clause_id: clause.id.clone(),
                title: clause.title.clone(),
                requirement: clause.assessable,
                rating: clause
                    .assessable
                    .then(|| response.map_or(clausewise_core::Rating::NotAssessed, |r| r.rating)),
                score: score.and_then(|s| s.score),
                target: score.and_then(|s| s.target),
                judgement: standing.map(|s| s.effective),
                recorded_judgement: standing.map(|s| s.recorded),
                inconsistencies: standing.map_or_else(Vec::new, |s| s.inconsistencies.clone()),
                weakest: score.and_then(|s| s.weakest.clone()),
            }
        })
        .collect();
    Ok(Summary {
        assessment_id: id,
        client: workspace.client_name,
        title: workspace.assessment.title,
        overall: card.overall,
        overall_target: card.overall_target,
        weakest: card.weakest,
        coverage: card.coverage,
        assessed: card.assessed,
        assessable: card.assessable,
        not_applicable: card.not_applicable,
        verdicts: dashboard.verdicts,
        findings_by_kind: dashboard.findings_by_kind,
        kpis: dashboard.kpi_status,
        kpis_not_acted_upon,
        execution_control: ExecutionSummary::from(&dashboard.execution_control),
        clauses,
    })
}
