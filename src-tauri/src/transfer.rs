//! Assessment files and spreadsheets: export through the native save
//! dialog, import through the native open dialog.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use clausewise_core::transfer::FILE_EXTENSION;
use clausewise_core::{ApiError, Assessment, ErrorCode};
use clausewise_store::OnConflict;
use serde::Deserialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use clausewise_report::ReportError;

use crate::report::{ask_save_path, completed_path, suggested_stem, write_error};
use crate::AppState;

/// For automated tests of debug builds only: when set, the open dialog is
/// not shown and this file is imported. Release builds ignore it.
#[cfg(debug_assertions)]
pub const OPEN_ENV: &str = "CLAUSEWISE_OPEN";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Clausewise,
    Xlsx,
    CsvClauses,
    CsvFindings,
    CsvProgress,
}

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
    delimiter: Option<clausewise_report::sheets::Delimiter>,
) -> Result<Option<String>, ApiError> {
    let (bytes, stem) = state.with(|s| {
        let ws = s.workspace(id)?;
        let stem = suggested_stem(&ws.client_name, &ws.assessment.title);
        let bytes = if format == ExportFormat::Clausewise {
            Ok(s.export_assessment(id)?.to_json().into_bytes())
        } else {
            let findings = s.list_findings(id)?;
            let kpis = s.list_kpis(id)?;
            let progress = s.progress(id)?;
            let input = clausewise_report::ReportInput::of(&ws, &findings, &kpis)
                .with_progress(progress.as_ref());
            use clausewise_report::sheets;
            let table = match format {
                ExportFormat::CsvFindings => sheets::Table::Findings,
                ExportFormat::CsvProgress => sheets::Table::Progress,
                _ => sheets::Table::Clauses,
            };
            match format {
                ExportFormat::Xlsx => sheets::xlsx(&input).map_err(|e| {
                    ApiError::new(
                        ErrorCode::Internal,
                        format!("The workbook could not be produced: {e}"),
                    )
                }),
                _ => sheets::csv_with(&input, table, delimiter.unwrap_or_default()).ok_or_else(
                    || {
                        ApiError::new(
                            ErrorCode::NotFound,
                            "This assessment has no baseline, so there is no progress to export.",
                        )
                    },
                ),
            }
        };
        Ok((bytes, stem))
    })?;
    let bytes = bytes?;
    let (name, filter, ext): (String, &str, &str) = match format {
        ExportFormat::Clausewise => (stem, "Clausewise assessment", FILE_EXTENSION),
        ExportFormat::Xlsx => (stem, "Excel workbook", "xlsx"),
        ExportFormat::CsvClauses => (format!("{stem} - clause results"), "CSV table", "csv"),
        ExportFormat::CsvFindings => (format!("{stem} - findings"), "CSV table", "csv"),
        ExportFormat::CsvProgress => (format!("{stem} - progress"), "CSV table", "csv"),
    };
    let Some(path) = ask_save_path(&app, &name, filter, ext) else {
        return Ok(None);
    };
    let path = completed_path(path, ext)?;
    clausewise_store::check_export_target(&path, state.database_path())?;
    clausewise_report::write_file(&path, &bytes).map_err(|e| save_error(format, e))?;
    Ok(Some(path.display().to_string()))
}

/// A failed write, named by what was being saved.
fn save_error(format: ExportFormat, e: ReportError) -> ApiError {
    match e {
        ReportError::Write { path, message } => {
            let what = match format {
                ExportFormat::Clausewise => "The assessment file",
                ExportFormat::Xlsx => "The workbook",
                ExportFormat::CsvClauses
                | ExportFormat::CsvFindings
                | ExportFormat::CsvProgress => "The CSV file",
            };
            ApiError::new(
                ErrorCode::Storage,
                format!(
                    "{what} could not be saved to {}: {message}. Choose another folder, or free \
                     some space and try again.",
                    path.display()
                ),
            )
        }
        other => write_error(other),
    }
}

/// Imports an assessment file. Without `path` the open dialog asks for one
/// (`None` back when cancelled); with `path` (a file picked before, when
/// the consultant answered the conflict question) it imports that.
#[tauri::command]
pub async fn import_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picked: State<'_, Picked>,
    path: Option<PathBuf>,
    on_conflict: Option<String>,
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
    let policy = match on_conflict.as_deref() {
        None | Some("fail") => OnConflict::Fail,
        Some("replace") => OnConflict::Replace,
        Some("keep_both") => OnConflict::KeepBoth,
        Some(other) => {
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!("Unknown choice {other:?}."),
            ))
        }
    };
    let bytes = read_file(&path)?;
    let result = state.with(|s| match s.import_assessment(&bytes, policy) {
        Ok(a) => Ok(Ok(a)),
        Err(
            e @ (clausewise_store::StoreError::AlreadyExists { .. }
            | clausewise_store::StoreError::SharedIds { .. }),
        ) => Ok(Err(e.to_string())),
        Err(e) => Err(e),
    });
    let path_text = path.display().to_string();
    match result {
        Ok(Ok(imported)) => Ok(Some(ImportResult {
            assessment: Some(imported.assessment),
            conflict: None,
            notice: imported.notice,
            path: path_text,
        })),
        Ok(Err(conflict)) => Ok(Some(ImportResult {
            assessment: None,
            conflict: Some(conflict),
            notice: None,
            path: path_text,
        })),
        Err(e) if e.code == ErrorCode::Validation => Err(ApiError {
            message: format!("{} cannot be imported. {}", file_name(&path), e.message),
            ..e
        }),
        Err(e) => Err(e),
    }
}

/// What an import did: the imported assessment, or the question to ask
/// when the assessment is already in the database.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportResult {
    pub assessment: Option<Assessment>,
    /// Set when the assessment exists already: the sentence to show.
    pub conflict: Option<String>,
    /// Set when the import went through with something to know (a
    /// follow-up whose baseline is not here).
    pub notice: Option<String>,
    /// The file, to pass back with the consultant's choice.
    pub path: String,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    clausewise_core::transfer::read_file(path, &file_name(path))
        .map_err(|m| ApiError::new(ErrorCode::Validation, m))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_save_names_what_was_being_saved_and_why() {
        let failed = || ReportError::Write {
            path: PathBuf::from("/media/usb/Nordwind.xlsx"),
            message: "the disk is full".to_owned(),
        };
        for (format, what) in [
            (ExportFormat::Clausewise, "The assessment file"),
            (ExportFormat::Xlsx, "The workbook"),
            (ExportFormat::CsvClauses, "The CSV file"),
            (ExportFormat::CsvFindings, "The CSV file"),
            (ExportFormat::CsvProgress, "The CSV file"),
        ] {
            let err = save_error(format, failed());
            assert_eq!(err.code, ErrorCode::Storage);
            assert_eq!(
                err.message,
                format!(
                    "{what} could not be saved to /media/usb/Nordwind.xlsx: the disk is full. \
                     Choose another folder, or free some space and try again."
                )
            );
        }
    }
}
