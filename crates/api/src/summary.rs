//! Where an assessment stands, in one view: maturity, coverage, readiness
//! with its reasons and rule, findings by kind, KPI status.

use clausewise_core::dashboard::{KindCount, KpiStatus};
use clausewise_core::readiness::Readiness;
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
    pub readiness: Readiness,
    pub findings_by_kind: Vec<KindCount>,
    pub kpis: KpiStatus,
}

/// The summary of `id`, read in one transaction.
pub fn summary(store: &Store, id: Uuid) -> Result<Summary, OpError> {
    let (workspace, dashboard) = store.read(|s| Ok((s.workspace(id)?, s.dashboard(id)?)))?;
    let card = dashboard.scorecard;
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
        readiness: dashboard.readiness,
        findings_by_kind: dashboard.findings_by_kind,
        kpis: dashboard.kpi_status,
    })
}
