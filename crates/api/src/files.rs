//! Writing an export where the consultant chose: never over the database or
//! any other SQLite file, and never leaving a half-written file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_report::ReportError;
use clausewise_store::check_export_target;

use crate::OpError;

/// Writes `bytes` to `target` (`what` names it in messages: "The workbook"),
/// after refusing the database at `database` and any SQLite file. The file
/// is written to a temporary file in the same folder, synced and renamed over
/// the target: the target is the old file or the complete new one.
pub fn write_export(
    target: &Path,
    database: &Path,
    bytes: &[u8],
    what: &'static str,
) -> Result<(), OpError> {
    check_export_target(target, database)?;
    write_file(target, bytes).map_err(|message| OpError::Save {
        what,
        path: target.to_owned(),
        message,
    })
}

/// Largest logo file accepted (a logo is a few hundred KiB at most).
pub const MAX_LOGO_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a file the report is made with, refusing what is no file or is
/// larger than `max` bytes (`too_large`); `fail` words the other reasons.
fn read_limited<E>(
    path: &Path,
    max: u64,
    fail: impl Fn(&str) -> E,
    too_large: impl FnOnce() -> E,
) -> Result<Vec<u8>, E> {
    let meta = std::fs::metadata(path)
        .map_err(|e| fail(&format!("cannot be opened ({})", io_message(&e))))?;
    if !meta.is_file() {
        return Err(fail("is not a file"));
    }
    if meta.len() > max {
        return Err(too_large());
    }
    std::fs::read(path).map_err(|e| fail(&format!("cannot be read ({})", io_message(&e))))
}

/// Reads a logo file, refusing what cannot be a PNG or JPEG logo.
pub fn read_logo(path: &Path) -> Result<Vec<u8>, ReportError> {
    let fail = |m: &str| ReportError::Logo(format!("{} {m}", path.display()));
    let bytes = read_limited(path, MAX_LOGO_BYTES, fail, || fail("is larger than 10 MiB"))?;
    if !clausewise_report::is_png_or_jpeg(&bytes) {
        return Err(fail("is neither a PNG nor a JPEG image"));
    }
    Ok(bytes)
}

/// Largest Word template accepted.
pub const MAX_TEMPLATE_BYTES: u64 = 64 * 1024 * 1024;

/// The content of a firm's Word template file, not yet checked as one.
pub fn template_bytes(path: &Path) -> Result<Vec<u8>, ReportError> {
    let fail = |m: &str| {
        ReportError::Template(clausewise_report::TemplateError::Unreadable(format!(
            "{} {m}",
            path.display()
        )))
    };
    read_limited(path, MAX_TEMPLATE_BYTES, fail, || {
        clausewise_report::TemplateError::TooLarge.into()
    })
}

/// Reads and checks a firm's Word template (.docx or .dotx).
pub fn read_template(path: &Path) -> Result<clausewise_report::Template, ReportError> {
    Ok(clausewise_report::Template::read(&template_bytes(path)?)?)
}

/// The atomic write itself; the error is the reason in plain words.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err("it is a folder".to_owned());
    }
    let old_permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut tmp = tempfile::Builder::new()
        .prefix(".clausewise-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| io_message(&e))?;
    tmp.write_all(bytes).map_err(|e| io_message(&e))?;
    // Temporary files are private (0600); the document gets the permissions
    // of the file it replaces, or the usual ones for a new document.
    if let Some(permissions) = old_permissions.or_else(default_permissions) {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| io_message(&e))?;
    }
    tmp.as_file().sync_all().map_err(|e| io_message(&e))?;
    // On failure the temporary file is removed when `tmp` is dropped.
    tmp.persist(path).map_err(|e| io_message(&e.error))?;
    Ok(())
}

#[cfg(unix)]
pub(crate) fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(crate) fn default_permissions() -> Option<std::fs::Permissions> {
    // Elsewhere a new temporary file already has the usual permissions.
    None
}

pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(28) => "the disk is full".to_owned(),
        Some(30) => "the drive is read-only".to_owned(),
        _ => match e.kind() {
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            std::io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
            _ => e.to_string(),
        },
    }
}
