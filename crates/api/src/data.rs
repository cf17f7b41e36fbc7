//! Everything the report and the spreadsheets show of one assessment, read
//! in one transaction.

use clausewise_core::finding::Finding;
use clausewise_core::kpi::Kpi;
use clausewise_core::progress::Progress;
use clausewise_core::view::Workspace;
use clausewise_report::ReportInput;
use clausewise_store::Store;
use uuid::Uuid;

use crate::OpError;

/// One assessment as the report and the exports need it, owned, so that
/// the store is free again while a PDF or a workbook is built from it.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub workspace: Workspace,
    pub findings: Vec<Finding>,
    pub kpis: Vec<Kpi>,
    /// Progress since the baseline, for a follow-up.
    pub progress: Option<Progress>,
    /// Scope, people, interviews, the evidence and document registers.
    pub engagement: clausewise_core::engagement::Engagement,
    /// The consultant's own words for the report.
    pub narrative: clausewise_core::narrative::Narrative,
    /// Who assessed which requirements, from the history.
    pub assessed_by: Vec<clausewise_core::history::AssessedBy>,
}

impl ReportData {
    /// Reads the assessment, its findings, KPIs and progress from the same
    /// moment, even while another program writes.
    pub fn load(store: &Store, id: Uuid) -> Result<ReportData, OpError> {
        Ok(store.read(|s| {
            Ok(ReportData {
                workspace: s.workspace(id)?,
                findings: s.list_findings(id)?,
                kpis: s.list_kpis(id)?,
                progress: s.progress(id)?,
                engagement: s.engagement(id)?,
                narrative: s.narrative(id)?,
                assessed_by: s.assessed_by(id)?,
            })
        })?)
    }

    /// As the report model and the sheets take it, produced now.
    pub fn input(&self) -> ReportInput<'_> {
        ReportInput::of(&self.workspace, &self.findings, &self.kpis)
            .with_progress(self.progress.as_ref())
            .with_engagement(Some(&self.engagement))
            .with_narrative(Some(&self.narrative))
            .with_assessed_by(&self.assessed_by)
    }

    pub fn title(&self) -> &str {
        &self.workspace.assessment.title
    }

    /// Client and title as a file name without extension, without the
    /// characters file systems refuse.
    pub fn file_stem(&self) -> String {
        file_stem(
            &self.workspace.client_name,
            &self.workspace.assessment.title,
        )
    }
}

/// `client - title` as a file name without extension.
pub fn file_stem(client: &str, title: &str) -> String {
    let raw = format!("{client} - {title}");
    let clean: String = raw
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean: String = clean.chars().take(120).collect();
    clean.trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_what_file_systems_refuse() {
        assert_eq!(
            file_stem("Acme: A/B", "Review *2026*?"),
            "Acme A B - Review 2026"
        );
        assert_eq!(
            file_stem("Ж".repeat(200).as_str(), "x").chars().count(),
            120
        );
        assert_eq!(file_stem("Acme", "v1."), "Acme - v1");
    }
}
