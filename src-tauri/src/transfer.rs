//! Assessment files and spreadsheets: export through the native save
//! dialog, import through the native open dialog. What is exported or
//! imported is the application layer's ([`clausewise_api`]); this module
//! only asks where.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use clausewise_api::export::ExportSource;
use clausewise_core::export::{CsvDelimiter, ExportFormat};
use clausewise_core::merge::{MergeChoices, MergePreview, Merged};
use clausewise_core::transfer::{ImportResult, OnConflict, FILE_EXTENSION};
use clausewise_core::{ApiError, ErrorCode};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::report::{ask_save_path, completed_path};
use crate::AppState;

/// For automated tests of debug builds only: when set, the open dialog is
/// not shown and this file is imported. Release builds ignore it.
#[cfg(debug_assertions)]
pub const OPEN_ENV: &str = "CLAUSEWISE_OPEN";

/// Files picked in the open dialog this session: an import retried after a
/// conflict question may name only one of these.
#[derive(Default)]
pub struct Picked(Mutex<Vec<PathBuf>>);

/// Asks where to save, then writes the assessment in the chosen format
/// (a CSV table comma-separated unless `delimiter` says otherwise).
/// Returns the path, or `None` when the consultant cancels.
#[tauri::command]
pub async fn export_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: uuid::Uuid,
    format: ExportFormat,
    delimiter: Option<CsvDelimiter>,
    with_files: Option<bool>,
) -> Result<Option<String>, ApiError> {
    if with_files == Some(true) && format == ExportFormat::Clausewise {
        let (client, title) = state.with(|s| {
            let a = s.get_assessment(id)?;
            Ok((s.get_client(a.client_id)?.name, a.title))
        })?;
        let stem = format!(
            "{} (with files)",
            clausewise_api::data::file_stem(&client, &title)
        );
        let ext = format.extension();
        let Some(path) = ask_save_path(&app, &stem, format.kind_label(), ext) else {
            return Ok(None);
        };
        let path = completed_path(path, ext)?;
        let database = state.database_path().to_owned();
        state.with_op(|s| clausewise_api::package::write_package(s, id, &path, &database))?;
        return Ok(Some(path.display().to_string()));
    }
    let source = state.with_op(|s| ExportSource::load(s, id, format))?;
    // Built with the store free for the workspace.
    let file = source.build(delimiter.unwrap_or_default())?;
    let ext = format.extension();
    let Some(path) = ask_save_path(&app, &file.suggested_stem, format.kind_label(), ext) else {
        return Ok(None);
    };
    let path = completed_path(path, ext)?;
    clausewise_api::files::write_export(&path, state.database_path(), &file.bytes, format.what())?;
    Ok(Some(path.display().to_string()))
}

/// Imports an assessment file or package. Without `path` the open dialog asks for one
/// (`None` back when cancelled); with `path` (a file picked before, when
/// the consultant answered the conflict question) it imports that.
#[tauri::command]
pub async fn import_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picked: State<'_, Picked>,
    path: Option<PathBuf>,
    on_conflict: Option<OnConflict>,
) -> Result<Option<ImportResult>, ApiError> {
    let path = match path {
        Some(p) => {
            let known = picked
                .0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&p);
            if !known {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    "Choose the file to import again.",
                ));
            }
            p
        }
        None => {
            let Some(p) = ask_open_path(&app) else {
                return Ok(None);
            };
            picked
                .0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(p.clone());
            p
        }
    };
    let outcome = state.with_op(|s| {
        clausewise_api::package::import_path(
            s,
            &path,
            &file_name(&path),
            on_conflict.unwrap_or(OnConflict::Fail),
        )
    })?;
    Ok(Some(ImportResult { path, outcome }))
}

/// What merging the picked file into the same assessment here would do.
#[tauri::command]
pub fn preview_merge(
    state: State<'_, AppState>,
    picked: State<'_, Picked>,
    path: PathBuf,
) -> Result<MergePreview, ApiError> {
    let bytes = picked_for_merge(&picked, &path)?;
    state.with(|s| s.preview_merge(&bytes))
}

/// Merges the picked file into the same assessment here, the conflicts
/// decided as `choices` say.
#[tauri::command]
pub fn merge_assessment(
    state: State<'_, AppState>,
    picked: State<'_, Picked>,
    path: PathBuf,
    choices: MergeChoices,
) -> Result<Merged, ApiError> {
    let bytes = picked_for_merge(&picked, &path)?;
    state.with(|s| s.merge(&bytes, &choices))
}

fn picked_for_merge(picked: &Picked, path: &Path) -> Result<Vec<u8>, ApiError> {
    let known = picked
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .any(|p| p == path);
    if !known {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "Choose the file to import again.",
        ));
    }
    Ok(clausewise_api::import::read_for_merge(
        path,
        &file_name(path),
    )?)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn ask_open_path<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    // Test builds only: release builds always ask.
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os(OPEN_ENV) {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title("Import an assessment file")
        .add_filter("Clausewise assessment", &[FILE_EXTENSION])
        .blocking_pick_file()?
        .into_path()
        .ok()
}
