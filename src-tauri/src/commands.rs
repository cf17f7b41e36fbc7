//! Tauri commands: each is a one-line adapter onto the store.

use clausewise_core::dashboard::Dashboard;
use clausewise_core::finding::{Finding, FindingInput};
use clausewise_core::history::{HistoryEntry, HistoryQuery, Reverted, UndoState};
use clausewise_core::i18n::Lang;
use clausewise_core::kpi::{KpiInput, KpiRow};
use clausewise_core::narrative::Narrative;
use clausewise_core::practices::PracticeRecord;
use clausewise_core::progress::Progress;
use clausewise_core::response::ResponseEdit;
use clausewise_core::verdicts::DocumentCheck;
use clausewise_core::view::{AppInfo, RecoveryInfo, SavedResponse, Snapshot, Workspace};
use clausewise_core::{
    ApiError, Assessment, AssessmentStatus, AssessmentSummary, Catalogue, Client, FollowUpInput,
    NewAssessment,
};
use tauri::State;
use uuid::Uuid;

use crate::AppState;

type Reply<T> = Result<T, ApiError>;

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.info()
}

#[tauri::command]
pub fn list_assessments(state: State<'_, AppState>) -> Reply<Vec<AssessmentSummary>> {
    state.with(|s| s.list_assessments())
}

#[tauri::command]
pub fn list_clients(state: State<'_, AppState>) -> Reply<Vec<Client>> {
    state.with(|s| s.list_clients())
}

#[tauri::command]
pub fn create_assessment(state: State<'_, AppState>, input: NewAssessment) -> Reply<Assessment> {
    state.with(|s| s.create_assessment(&input))
}

#[tauri::command]
pub fn rename_assessment(state: State<'_, AppState>, id: Uuid, title: String) -> Reply<Assessment> {
    state.with(|s| s.rename_assessment(id, &title))
}

#[tauri::command]
pub fn update_assessment(
    state: State<'_, AppState>,
    id: Uuid,
    details: NewAssessment,
) -> Reply<Assessment> {
    state.with(|s| s.update_assessment(id, &details))
}

#[tauri::command]
pub fn set_assessment_status(
    state: State<'_, AppState>,
    id: Uuid,
    status: AssessmentStatus,
) -> Reply<Assessment> {
    state.with(|s| s.set_assessment_status(id, status))
}

#[tauri::command]
pub fn delete_assessment(state: State<'_, AppState>, id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_assessment(id))
}

#[tauri::command]
pub fn get_catalogue() -> &'static Catalogue {
    Catalogue::builtin()
}

#[tauri::command]
pub fn get_workspace(state: State<'_, AppState>, id: Uuid) -> Reply<Workspace> {
    state.with(|s| s.workspace(id))
}

#[tauri::command]
pub fn edit_response(
    state: State<'_, AppState>,
    id: Uuid,
    clause_id: String,
    edit: ResponseEdit,
) -> Reply<SavedResponse> {
    state.with(|s| s.edit_response(id, &clause_id, &edit))
}

/// Records one practice of the ITIL practice profile (the whole record);
/// returns it as stored.
#[tauri::command]
pub fn set_practice(
    state: State<'_, AppState>,
    id: Uuid,
    record: PracticeRecord,
) -> Reply<PracticeRecord> {
    state.with(|s| s.set_practice(id, &record))
}

/// The consultant's own words for the report of an assessment.
#[tauri::command]
pub fn get_narrative(state: State<'_, AppState>, id: Uuid) -> Reply<Narrative> {
    state.with(|s| s.narrative(id))
}

/// The language last chosen for the reports of the assessment's client
/// (none before a report was exported for it).
#[tauri::command]
pub fn report_lang(state: State<'_, AppState>, id: Uuid) -> Reply<Option<Lang>> {
    state.with(|s| s.report_lang(id))
}

/// Saves one part of the narrative ("summary", "key_messages",
/// "conclusions", "next_steps", "clause:N"); returns the whole narrative as
/// stored.
#[tauri::command]
pub fn save_narrative(
    state: State<'_, AppState>,
    id: Uuid,
    part: String,
    text: String,
) -> Reply<Narrative> {
    state.with(|s| s.save_narrative(id, &part, &text))
}

/// Records whether an item of the documented information checklist (7.5.4)
/// was seen; `present` null means not checked.
#[tauri::command]
pub fn set_document(
    state: State<'_, AppState>,
    id: Uuid,
    item: String,
    present: Option<bool>,
) -> Reply<Vec<DocumentCheck>> {
    state.with(|s| s.set_document(id, &item, present))
}

#[tauri::command]
pub fn list_findings(state: State<'_, AppState>, id: Uuid) -> Reply<Vec<Finding>> {
    state.with(|s| s.list_findings(id))
}

#[tauri::command]
pub fn create_finding(state: State<'_, AppState>, id: Uuid, input: FindingInput) -> Reply<Finding> {
    state.with(|s| s.create_finding(id, &input))
}

#[tauri::command]
pub fn update_finding(
    state: State<'_, AppState>,
    id: Uuid,
    finding_id: Uuid,
    input: FindingInput,
) -> Reply<Finding> {
    state.with(|s| s.update_finding(id, finding_id, &input))
}

#[tauri::command]
pub fn delete_finding(state: State<'_, AppState>, id: Uuid, finding_id: Uuid) -> Reply<Finding> {
    state.with(|s| s.delete_finding(id, finding_id))
}

#[tauri::command]
pub fn restore_finding(state: State<'_, AppState>, id: Uuid, finding: Finding) -> Reply<Finding> {
    state.with(|s| s.restore_finding(id, &finding))
}

#[tauri::command]
pub fn list_kpis(state: State<'_, AppState>, id: Uuid) -> Reply<Vec<KpiRow>> {
    state.with(|s| s.kpi_rows(id))
}

#[tauri::command]
pub fn create_kpi(state: State<'_, AppState>, id: Uuid, input: KpiInput) -> Reply<KpiRow> {
    state.with(|s| {
        let kpi = s.create_kpi(id, &input)?;
        s.kpi_row(id, kpi)
    })
}

#[tauri::command]
pub fn update_kpi(
    state: State<'_, AppState>,
    id: Uuid,
    kpi_id: Uuid,
    input: KpiInput,
) -> Reply<KpiRow> {
    state.with(|s| {
        let kpi = s.update_kpi(id, kpi_id, &input)?;
        s.kpi_row(id, kpi)
    })
}

/// A KPI line of the catalogue as a KPI to track, for the consultant to
/// complete (pure: nothing is stored).
#[tauri::command]
pub fn adopt_kpi(clause_id: String, line: String) -> KpiInput {
    clausewise_core::kpi::adopt(&clause_id, &line)
}

#[tauri::command]
pub fn delete_kpi(state: State<'_, AppState>, id: Uuid, kpi_id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_kpi(id, kpi_id))
}

#[tauri::command]
pub fn kpi_suggestions() -> Vec<KpiInput> {
    clausewise_core::kpi::suggestions()
}

#[tauri::command]
pub fn get_dashboard(state: State<'_, AppState>, id: Uuid) -> Reply<Dashboard> {
    state.with(|s| s.dashboard(id))
}

#[tauri::command]
pub fn start_follow_up(
    state: State<'_, AppState>,
    id: Uuid,
    input: FollowUpInput,
) -> Reply<Assessment> {
    state.with(|s| s.start_follow_up(id, &input))
}

#[tauri::command]
pub fn get_progress(state: State<'_, AppState>, id: Uuid) -> Reply<Option<Progress>> {
    state.with(|s| s.progress(id))
}

#[tauri::command]
pub fn recovery_info(state: State<'_, AppState>) -> RecoveryInfo {
    state.recovery_info()
}

#[tauri::command]
pub fn list_snapshots(state: State<'_, AppState>) -> Reply<Vec<Snapshot>> {
    state.snapshots()
}

#[tauri::command]
pub fn take_snapshot(state: State<'_, AppState>) -> Reply<Snapshot> {
    state.with_op(|s| clausewise_api::backup::backup(s))
}

#[tauri::command]
pub fn restore_snapshot(state: State<'_, AppState>, path: std::path::PathBuf) -> Reply<()> {
    state.restore_snapshot(&path)
}

#[tauri::command]
pub fn start_fresh(state: State<'_, AppState>) -> Reply<()> {
    state.start_fresh()
}

/// The assessment's change log, newest first, as `query` narrows it.
#[tauri::command]
pub fn get_history(
    state: State<'_, AppState>,
    id: Uuid,
    query: HistoryQuery,
) -> Reply<Vec<HistoryEntry>> {
    state.with(|s| s.history(id, &query))
}

/// Everyone who changed the assessment, for filtering the log.
#[tauri::command]
pub fn get_history_authors(state: State<'_, AppState>, id: Uuid) -> Reply<Vec<String>> {
    state.with(|s| s.history_authors(id))
}

/// What undo and redo would take back or bring back now.
#[tauri::command]
pub fn get_undo_state(state: State<'_, AppState>, id: Uuid) -> Reply<UndoState> {
    state.with(|s| s.undo_state(id))
}

/// Takes back the assessment's latest change that stands.
#[tauri::command]
pub fn undo_change(state: State<'_, AppState>, id: Uuid) -> Reply<Reverted> {
    state.with(|s| s.undo(id))
}

/// Brings back what the latest undo took back.
#[tauri::command]
pub fn redo_change(state: State<'_, AppState>, id: Uuid) -> Reply<Reverted> {
    state.with(|s| s.redo(id))
}

/// The consultant's name recorded with each change; none until given.
#[tauri::command]
pub fn get_author(state: State<'_, AppState>) -> Reply<Option<String>> {
    state.with(|s| s.known_author())
}

/// Keeps the consultant's name for every later change; the name as kept.
#[tauri::command]
pub fn set_author(state: State<'_, AppState>, name: String) -> Reply<String> {
    state.with(|s| s.set_author(&name))
}
