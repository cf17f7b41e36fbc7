//! Tauri commands: each is a one-line adapter onto the store.

use clausewise_core::api::{AppInfo, SavedResponse, Workspace};
use clausewise_core::{
    ApiError, Assessment, AssessmentSummary, Catalogue, ClauseResponse, Client, NewAssessment,
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
pub fn save_response(
    state: State<'_, AppState>,
    id: Uuid,
    response: ClauseResponse,
) -> Reply<SavedResponse> {
    state.with(|s| s.save_response(id, &response))
}
