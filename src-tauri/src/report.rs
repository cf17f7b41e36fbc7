//! Exporting the gap report (PDF or Word): the native save dialog, rendering
//! off the UI thread, an atomic write, and opening the result; keeping the
//! firm's logo and Word template in the app's data folder.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use clausewise_api::ReportData;
use clausewise_core::report::{ReportFormat, ReportOptions};
use clausewise_core::view::ExportedReport;
use clausewise_core::{ApiError, ErrorCode, Field};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use uuid::Uuid;

use crate::AppState;

/// For automated tests of debug builds only: when set, the save dialog is
/// not shown and the file is written to this path (with the extension of
/// what is saved). Release builds ignore it.
#[cfg(debug_assertions)]
pub const SAVE_AS_ENV: &str = "CLAUSEWISE_SAVE_AS";

/// The reports written in this session: only these may be opened from the
/// UI, so the open command cannot be used to launch arbitrary files.
#[derive(Default)]
pub struct Exported(Mutex<Vec<PathBuf>>);

impl Exported {
    fn remember(&self, path: &Path) {
        let mut list = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if !list.iter().any(|p| p == path) {
            list.push(path.to_owned());
        }
    }

    fn contains(&self, path: &Path) -> bool {
        let list = self.0.lock().unwrap_or_else(|p| p.into_inner());
        list.iter().any(|p| p == path)
    }
}

fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has {
        path
    } else {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(ext);
        path.with_file_name(name)
    }
}

/// The native save dialog, suggesting `name` (without extension).
pub(crate) fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
    name: &str,
    filter: &str,
    ext: &str,
) -> Option<PathBuf> {
    // Test builds only: release builds always ask.
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os(SAVE_AS_ENV) {
        return Some(PathBuf::from(path).with_extension(ext));
    }
    let chosen = app
        .dialog()
        .file()
        .set_title("Export")
        .set_file_name(format!("{name}.{ext}"))
        .add_filter(filter, &[ext])
        .blocking_save_file()?;
    chosen.into_path().ok()
}

/// The chosen path with the format's extension. Where the dialog did not add
/// it, adding it must not replace a file the consultant was never asked
/// about.
pub(crate) fn completed_path(chosen: PathBuf, ext: &str) -> Result<PathBuf, ApiError> {
    let path = with_extension(chosen.clone(), ext);
    if path != chosen && path.exists() {
        return Err(ApiError::new(
            ErrorCode::Validation,
            format!(
                "{} already exists. Choose it in the dialog to replace it, or another name.",
                path.display()
            ),
        ));
    }
    Ok(path)
}

/// Asks where to save, then writes the report there. `None` when the
/// consultant cancels the dialog.
#[tauri::command]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    id: Uuid,
    options: ReportOptions,
) -> Result<Option<ExportedReport>, ApiError> {
    let options = options.validated()?;
    // Everything that can be checked before the dialog is checked first.
    let logo = match &options.logo_path {
        Some(path) => Some(read_kept_logo(&state, Path::new(path))?),
        None => None,
    };
    let template = match (&options.template_path, options.format) {
        (Some(path), ReportFormat::Docx) => Some(read_kept_template(&state, Path::new(path))?),
        _ => None,
    };
    let data = state.with_op(|s| ReportData::load(s, id))?;
    let ext = options.format.name();
    let Some(path) = ask_save_path(
        &app,
        &clausewise_api::report::suggested_stem(&data),
        options.format.label(),
        ext,
    ) else {
        return Ok(None);
    };
    let path = completed_path(path, ext)?;
    // Laid out and written with the store free for the workspace.
    let rendered =
        clausewise_api::report::render_as(&data, &options, logo.as_deref(), template.as_ref())?;
    clausewise_api::files::write_export(
        &path,
        state.database_path(),
        &rendered.bytes,
        "The report",
    )?;
    exported.remember(&path);
    // The client's next report starts in this one's language. The report
    // is written either way: a preference that could not be kept is no
    // reason to report the export as failed.
    let _ = state.with(|s| s.remember_report_lang(id, options.lang));
    Ok(Some(ExportedReport {
        path,
        pages: rendered.pages.map(|p| u32::try_from(p).unwrap_or(u32::MAX)),
        bytes: rendered.bytes.len() as u64,
        warnings: rendered.warnings,
    }))
}

/// The logo is read only from the app's data folder, where `choose_logo`
/// keeps a copy of the file the consultant picked: the UI cannot make the
/// app read any other file.
fn read_kept_logo(state: &AppState, path: &Path) -> Result<Vec<u8>, ApiError> {
    let kept = state
        .data_dir()
        .is_some_and(|dir| path.parent() == Some(dir) && is_kept_logo_name(path));
    if !kept {
        return Err(ApiError {
            code: ErrorCode::Validation,
            message: "Choose the logo again.".to_owned(),
            field: Some(Field::Logo),
        });
    }
    Ok(clausewise_api::files::read_logo(path).map_err(clausewise_api::OpError::from)?)
}

fn is_kept_logo_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "report-logo.png" || n == "report-logo.jpg")
}

/// Lets the consultant pick a logo file; checks it is a PNG or JPEG and
/// keeps a copy in the app's data folder (so the original may move).
#[tauri::command]
pub async fn choose_logo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, ApiError> {
    let Some(chosen) = app
        .dialog()
        .file()
        .set_title("Choose the firm's logo")
        .add_filter("PNG or JPEG image", &["png", "jpg", "jpeg"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| ApiError {
        code: ErrorCode::Validation,
        message: format!("That file cannot be used: {e}"),
        field: Some(Field::Logo),
    })?;
    let bytes = clausewise_api::files::read_logo(&path).map_err(clausewise_api::OpError::from)?;
    let Some(dir) = state.data_dir() else {
        return Err(ApiError::new(
            ErrorCode::Unavailable,
            "The app's data folder is not available, so the logo cannot be kept.",
        ));
    };
    let name = if bytes.starts_with(b"\x89PNG") {
        "report-logo.png"
    } else {
        "report-logo.jpg"
    };
    let kept = dir.join(name);
    clausewise_api::files::write_file(&kept, &bytes).map_err(|reason| {
        ApiError::new(
            ErrorCode::Storage,
            format!("The logo could not be kept in {}: {reason}.", dir.display()),
        )
    })?;
    Ok(Some(kept.display().to_string()))
}

/// The kept template's file name.
const KEPT_TEMPLATE: &str = "report-template.docx";

/// For automated tests of debug builds only: the template file "chosen"
/// without showing the file dialog.
#[cfg(debug_assertions)]
pub const PICK_TEMPLATE_ENV: &str = "CLAUSEWISE_PICK_TEMPLATE";

/// The template is read only from the app's data folder, where
/// `choose_template` keeps a copy of the file the consultant picked.
fn read_kept_template(state: &AppState, path: &Path) -> Result<clausewise_api::Template, ApiError> {
    let kept = state.data_dir().is_some_and(|dir| {
        path.parent() == Some(dir) && path.file_name().is_some_and(|n| n == KEPT_TEMPLATE)
    });
    if !kept {
        return Err(ApiError {
            code: ErrorCode::Validation,
            message: "Choose the Word template again.".to_owned(),
            field: Some(Field::Template),
        });
    }
    clausewise_api::files::read_template(path).map_err(|e| ApiError {
        code: ErrorCode::Validation,
        message: e.to_string(),
        field: Some(Field::Template),
    })
}

/// Lets the consultant pick the firm's Word template (.docx or .dotx);
/// checks it has styles to use and keeps a copy in the app's data folder.
#[tauri::command]
pub async fn choose_template<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, ApiError> {
    #[cfg(debug_assertions)]
    let picked = std::env::var_os(PICK_TEMPLATE_ENV).map(PathBuf::from);
    #[cfg(not(debug_assertions))]
    let picked: Option<PathBuf> = None;
    let path = match picked {
        Some(p) => p,
        None => {
            let Some(chosen) = app
                .dialog()
                .file()
                .set_title("Choose the firm's Word template")
                .add_filter("Word document or template", &["docx", "dotx"])
                .blocking_pick_file()
            else {
                return Ok(None);
            };
            chosen.into_path().map_err(|e| ApiError {
                code: ErrorCode::Validation,
                message: format!("That file cannot be used: {e}"),
                field: Some(Field::Template),
            })?
        }
    };
    let invalid = |e: clausewise_api::ReportError| ApiError {
        code: ErrorCode::Validation,
        message: e.to_string(),
        field: Some(Field::Template),
    };
    // Read once: checked as a template, then kept as it is.
    let bytes = clausewise_api::files::template_bytes(&path).map_err(invalid)?;
    clausewise_api::Template::read(&bytes)
        .map_err(|e| invalid(clausewise_api::ReportError::Template(e)))?;
    let Some(dir) = state.data_dir() else {
        return Err(ApiError::new(
            ErrorCode::Unavailable,
            "The app's data folder is not available, so the template cannot be kept.",
        ));
    };
    let kept = dir.join(KEPT_TEMPLATE);
    clausewise_api::files::write_file(&kept, &bytes).map_err(|reason| {
        ApiError::new(
            ErrorCode::Storage,
            format!(
                "The template could not be kept in {}: {reason}.",
                dir.display()
            ),
        )
    })?;
    Ok(Some(kept.display().to_string()))
}

/// Opens a report written in this session with the system's PDF viewer
/// (`reveal`: shows it in the file manager instead).
#[tauri::command]
pub fn open_report<R: Runtime>(
    app: AppHandle<R>,
    exported: State<'_, Exported>,
    path: PathBuf,
    reveal: bool,
) -> Result<(), ApiError> {
    if !exported.contains(&path) {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "Only reports exported in this session can be opened from here.",
        ));
    }
    let opener = app.opener();
    let result = if reveal {
        opener.reveal_item_in_dir(&path)
    } else {
        opener.open_path(path.display().to_string(), None::<&str>)
    };
    result.map_err(|e| {
        ApiError::new(
            ErrorCode::Unavailable,
            format!("The report could not be opened: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_when_missing() {
        assert_eq!(
            with_extension("/tmp/a".into(), "pdf"),
            PathBuf::from("/tmp/a.pdf")
        );
        assert_eq!(
            with_extension("/tmp/a.PDF".into(), "pdf"),
            PathBuf::from("/tmp/a.PDF")
        );
        assert_eq!(
            with_extension("/tmp/a.v2".into(), "xlsx"),
            PathBuf::from("/tmp/a.v2.xlsx")
        );
    }
}
