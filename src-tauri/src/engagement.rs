//! The engagement on record: scope, people, interviews, the evidence
//! register and its files. Each command is an adapter onto the store or the
//! application layer; files are picked with the native open dialog or
//! dropped on the window, and opened with the system's viewer.

use std::path::PathBuf;

use clausewise_core::engagement::{
    AttachReport, Engagement, EvidenceInput, EvidenceItem, Interview, OpenedFile, Person, ScopeItem,
};
use clausewise_core::finding::Finding;
use clausewise_core::verdicts::DocumentCheck;
use clausewise_core::{ApiError, ErrorCode};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use uuid::Uuid;

use crate::AppState;

type Reply<T> = Result<T, ApiError>;

/// For automated tests of debug builds only: when set, the open dialog for
/// attachments is not shown and these files (separated by the platform's
/// path separator) are attached; and opened files are not handed to a
/// viewer. Release builds ignore both.
#[cfg(debug_assertions)]
pub const ATTACH_ENV: &str = "CLAUSEWISE_ATTACH";
#[cfg(debug_assertions)]
pub const NO_VIEWER_ENV: &str = "CLAUSEWISE_NO_VIEWER";

#[tauri::command]
pub fn get_engagement(state: State<'_, AppState>, id: Uuid) -> Reply<Engagement> {
    state.with(|s| s.engagement(id))
}

#[tauri::command]
pub fn save_scope_item(
    state: State<'_, AppState>,
    id: Uuid,
    item: ScopeItem,
) -> Reply<Vec<ScopeItem>> {
    state.with(|s| s.save_scope_item(id, &item))
}

#[tauri::command]
pub fn delete_scope_item(
    state: State<'_, AppState>,
    id: Uuid,
    item_id: Uuid,
) -> Reply<Vec<ScopeItem>> {
    state.with(|s| s.delete_scope_item(id, item_id))
}

#[tauri::command]
pub fn save_person(state: State<'_, AppState>, id: Uuid, person: Person) -> Reply<Vec<Person>> {
    state.with(|s| s.save_person(id, &person))
}

#[tauri::command]
pub fn delete_person(state: State<'_, AppState>, id: Uuid, person_id: Uuid) -> Reply<Vec<Person>> {
    state.with(|s| s.delete_person(id, person_id))
}

#[tauri::command]
pub fn save_interview(
    state: State<'_, AppState>,
    id: Uuid,
    interview: Interview,
) -> Reply<Vec<Interview>> {
    state.with(|s| s.save_interview(id, &interview))
}

#[tauri::command]
pub fn delete_interview(
    state: State<'_, AppState>,
    id: Uuid,
    interview_id: Uuid,
) -> Reply<Vec<Interview>> {
    state.with(|s| s.delete_interview(id, interview_id))
}

#[tauri::command]
pub fn add_evidence(
    state: State<'_, AppState>,
    id: Uuid,
    input: EvidenceInput,
) -> Reply<EvidenceItem> {
    state.with(|s| s.add_evidence(id, &input))
}

#[tauri::command]
pub fn update_evidence(
    state: State<'_, AppState>,
    id: Uuid,
    evidence_id: Uuid,
    input: EvidenceInput,
) -> Reply<EvidenceItem> {
    state.with(|s| s.update_evidence(id, evidence_id, &input))
}

#[tauri::command]
pub fn delete_evidence(state: State<'_, AppState>, id: Uuid, evidence_id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_evidence(id, evidence_id))
}

#[tauri::command]
pub fn detach_file(
    state: State<'_, AppState>,
    id: Uuid,
    evidence_id: Uuid,
    sha256: String,
) -> Reply<EvidenceItem> {
    state.with(|s| s.detach_file(id, evidence_id, &sha256))
}

#[tauri::command]
pub fn raise_sample_finding(
    state: State<'_, AppState>,
    id: Uuid,
    evidence_id: Uuid,
) -> Reply<(Finding, EvidenceItem)> {
    state.with(|s| s.raise_sample_finding(id, evidence_id))
}

#[tauri::command]
pub fn set_finding_scope(
    state: State<'_, AppState>,
    id: Uuid,
    finding_id: Uuid,
    scope_ids: Vec<Uuid>,
) -> Reply<Vec<clausewise_core::engagement::FindingScope>> {
    state.with(|s| s.set_finding_scope(id, finding_id, &scope_ids))
}

#[tauri::command]
pub fn set_document_check(
    state: State<'_, AppState>,
    id: Uuid,
    check: DocumentCheck,
) -> Reply<Vec<DocumentCheck>> {
    state.with(|s| s.set_document_check(id, &check))
}

/// Attaches files to an item: `paths` as dropped on the window, or, without
/// them, the files picked in the open dialog (`None` back when cancelled).
#[tauri::command]
pub async fn attach_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Uuid,
    evidence_id: Uuid,
    paths: Option<Vec<PathBuf>>,
) -> Reply<Option<AttachReport>> {
    let paths = match paths {
        Some(p) => p,
        None => match pick_files(&app) {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    state
        .with_op(|s| clausewise_api::evidence::attach_paths(s, id, evidence_id, &paths))
        .map(Some)
}

fn pick_files<R: Runtime>(app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(list) = std::env::var_os(ATTACH_ENV) {
        return Some(std::env::split_paths(&list).collect());
    }
    let picked = app
        .dialog()
        .file()
        .set_title("Attach files to the evidence item")
        .blocking_pick_files()?;
    Some(
        picked
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect(),
    )
}

/// Copies an attached file out (hash checked) and opens it with the
/// system's viewer. Returns where the copy is.
#[tauri::command]
pub fn open_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Uuid,
    sha256: String,
) -> Reply<OpenedFile> {
    let dir = std::env::temp_dir().join("clausewise-opened");
    let opened = state.with_op(|s| clausewise_api::evidence::extract(s, id, &sha256, &dir))?;
    #[cfg(debug_assertions)]
    if std::env::var_os(NO_VIEWER_ENV).is_some() {
        return Ok(opened);
    }
    app.opener()
        .open_path(opened.path.display().to_string(), None::<&str>)
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Unavailable,
                format!("“{}” could not be opened: {e}", opened.name),
            )
        })?;
    Ok(opened)
}
