//! What the report tests share: an assessment's report data read from a
//! store, produced at a fixed moment.

use chrono::{TimeZone, Utc};
use clausewise_core::catalogue::Catalogue;
use clausewise_core::engagement::Engagement;
use clausewise_core::finding::Finding;
use clausewise_core::kpi::Kpi;
use clausewise_core::narrative::Narrative;
use clausewise_core::progress::Progress;
use clausewise_core::view::Workspace;
use clausewise_report::ReportInput;
use clausewise_store::Store;
use uuid::Uuid;

/// Everything the report of one assessment is made of.
pub struct Data {
    pub ws: Workspace,
    pub findings: Vec<Finding>,
    pub kpis: Vec<Kpi>,
    pub progress: Option<Progress>,
    pub engagement: Engagement,
    pub narrative: Narrative,
    pub assessed_by: Vec<clausewise_core::history::AssessedBy>,
}

impl Data {
    pub fn load(store: &Store, id: Uuid) -> Data {
        Data {
            ws: store.workspace(id).unwrap(),
            findings: store.list_findings(id).unwrap(),
            kpis: store.list_kpis(id).unwrap(),
            progress: store.progress(id).unwrap(),
            engagement: store.engagement(id).unwrap(),
            narrative: store.narrative(id).unwrap(),
            assessed_by: store.assessed_by(id).unwrap(),
        }
    }

    /// The report's input, produced on 25 November 2026 at 9:30.
    pub fn input(&self) -> ReportInput<'_> {
        ReportInput {
            catalogue: Catalogue::builtin(),
            assessment: &self.ws.assessment,
            client_name: &self.ws.client_name,
            responses: &self.ws.responses,
            findings: &self.findings,
            kpis: &self.kpis,
            documents: &self.ws.documents,
            practices: &self.ws.practices,
            generated: Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap(),
            progress: self.progress.as_ref(),
            engagement: Some(&self.engagement),
            narrative: Some(&self.narrative),
            assessed_by: &self.assessed_by,
        }
    }
}
