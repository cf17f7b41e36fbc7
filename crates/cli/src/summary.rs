//! `clausewise-cli summary`: where an assessment stands, in text or JSON.

use std::io::{self, Write};

use clausewise_core::dashboard::{KindCount, KpiStatus};
use clausewise_core::readiness::Readiness;
use clausewise_store::{Store, StoreError};
use serde::Serialize;
use uuid::Uuid;

#[derive(Serialize)]
pub struct Summary {
    pub assessment_id: Uuid,
    pub client: String,
    pub title: String,
    pub overall: Option<f64>,
    pub overall_target: Option<f64>,
    pub coverage: f64,
    pub assessed: u32,
    pub assessable: u32,
    pub not_applicable: u32,
    pub readiness: Readiness,
    pub findings_by_kind: Vec<KindCount>,
    pub kpis: KpiStatus,
}

impl Summary {
    pub fn load(store: &Store, id: Uuid) -> Result<Summary, StoreError> {
        let workspace = store.workspace(id)?;
        let dashboard = store.dashboard(id)?;
        let card = dashboard.scorecard;
        Ok(Summary {
            assessment_id: id,
            client: workspace.client_name,
            title: workspace.assessment.title,
            overall: card.overall,
            overall_target: card.overall_target,
            coverage: card.coverage,
            assessed: card.assessed,
            assessable: card.assessable,
            not_applicable: card.not_applicable,
            readiness: dashboard.readiness,
            findings_by_kind: dashboard.findings_by_kind,
            kpis: dashboard.kpi_status,
        })
    }

    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        let score = clausewise_core::format_score;
        writeln!(out, "{} — {}", self.client, self.title)?;
        writeln!(
            out,
            "Overall maturity  {} (target {})",
            score(self.overall),
            score(self.overall_target)
        )?;
        writeln!(
            out,
            "Coverage          {} of {} requirements ({:.0}%), {} not applicable",
            self.assessed,
            self.assessable,
            self.coverage * 100.0,
            self.not_applicable
        )?;
        writeln!(out, "Readiness         {}", self.readiness.verdict.label())?;
        for reason in &self.readiness.reasons {
            writeln!(out, "  - {}", reason.message)?;
        }
        writeln!(out, "Findings (open / total)")?;
        for k in &self.findings_by_kind {
            // Good practice is neither open nor closed.
            let open = k.open.map_or("–".to_owned(), |n| n.to_string());
            writeln!(out, "  {:<30} {open} / {}", k.kind.label(), k.total)?;
        }
        writeln!(
            out,
            "KPIs              {} met, {} not met, {} not measured",
            self.kpis.met, self.kpis.not_met, self.kpis.unknown
        )?;
        writeln!(out, "Rule:")?;
        for line in &self.readiness.rule {
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }
}
