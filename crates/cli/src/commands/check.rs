//! `clausewise-cli check`: is the database sound?

use std::io::Write;
use std::path::PathBuf;

use clausewise_store::CheckReport;

use crate::db::{database_path, open_for_reading};
use crate::error::{finish, json as to_json, CliError};

pub fn run(db: Option<PathBuf>, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let path = database_path(db)?;
    let store = open_for_reading(&path)?;
    let report = store.check()?;
    if json {
        super::line(out, to_json(&report)?)?;
    } else {
        finish(write_check(out, &path, &report))?;
    }
    if !report.is_ok() {
        return Err(CliError::Failed(format!(
            "{} has problems (see above).",
            path.display()
        )));
    }
    Ok(())
}

fn write_check(
    out: &mut impl Write,
    path: &std::path::Path,
    r: &CheckReport,
) -> std::io::Result<()> {
    writeln!(out, "Database      {}", path.display())?;
    writeln!(out, "Schema        version {}", r.schema_version)?;
    writeln!(out, "Integrity     {}", r.integrity.join("; "))?;
    if r.foreign_key_violations.is_empty() {
        writeln!(out, "Foreign keys  ok")?;
    } else {
        writeln!(
            out,
            "Foreign keys  {} dangling rows",
            r.foreign_key_violations.len()
        )?;
        for v in &r.foreign_key_violations {
            writeln!(out, "  - {v}")?;
        }
    }
    if !r.unreadable_values.is_empty() {
        writeln!(
            out,
            "Stored times  {} cannot be read back (shown as the nearest time that can)",
            r.unreadable_values.len()
        )?;
        for v in &r.unreadable_values {
            writeln!(out, "  - {v}")?;
        }
    }
    if !r.damaged_files.is_empty() {
        writeln!(
            out,
            "Files         {} damaged (content does not match its SHA-256)",
            r.damaged_files.len()
        )?;
        for v in &r.damaged_files {
            writeln!(out, "  - {v}")?;
        }
    }
    writeln!(
        out,
        "Contents      {} clients, {} assessments, {} clause responses, {} findings, {} KPIs, \
         {} attached files",
        r.clients, r.assessments, r.responses, r.findings, r.kpis, r.files
    )?;
    writeln!(
        out,
        "Result        {}",
        if r.is_ok() { "sound" } else { "PROBLEMS FOUND" }
    )
}
