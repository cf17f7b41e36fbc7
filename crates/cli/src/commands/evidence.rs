//! `clausewise-cli evidence` and `attach`: the evidence register and its files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clausewise_core::engagement::{describe_size, EvidenceItem};
use clausewise_store::OpenMode;
use uuid::Uuid;

use crate::db::{database_path, open, open_for_reading};
use crate::error::{finish, json as to_json, CliError};

pub fn list(
    db: Option<PathBuf>,
    id: Uuid,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let store = open_for_reading(&database_path(db)?)?;
    let items = store.read(|s| s.evidence(id))?;
    if json {
        return super::line(out, to_json(&items)?);
    }
    let findings = store.read(|s| s.list_findings(id))?;
    finish(write_text(&items, &findings, out))
}

fn write_text(
    items: &[EvidenceItem],
    findings: &[clausewise_core::finding::Finding],
    out: &mut impl Write,
) -> io::Result<()> {
    if items.is_empty() {
        return writeln!(out, "The evidence register is empty.");
    }
    for e in items {
        let mut head = format!("{}  {}  {}", e.code, e.kind.label(), e.title);
        if !e.version.is_empty() {
            head.push_str(&format!("  (version {})", e.version));
        }
        if let Some(d) = e.seen_on {
            head.push_str(&format!("  seen {d}"));
        }
        writeln!(out, "{head}")?;
        if !e.clause_ids.is_empty() {
            writeln!(out, "    Requirements  {}", e.clause_ids.join(", "))?;
        }
        for f in &e.finding_ids {
            if let Some(f) = findings.iter().find(|x| x.id == *f) {
                writeln!(out, "    Finding       {} ({})", f.title, f.clause_id)?;
            }
        }
        if let Some(s) = e.sampling {
            writeln!(out, "    Sampling      {}", s.summary())?;
        }
        for f in &e.files {
            let missing = if f.stored {
                ""
            } else {
                "  (content not in this database)"
            };
            writeln!(
                out,
                "    File          {}  {}  sha256 {}{missing}",
                f.name,
                describe_size(f.size),
                f.sha256
            )?;
        }
    }
    Ok(())
}

pub fn attach(
    db: Option<PathBuf>,
    id: Uuid,
    evidence: &str,
    file: &Path,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut store = open(&database_path(db)?, OpenMode::MustExist)?;
    let items = store.read(|s| s.evidence(id))?;
    let item = items
        .iter()
        .find(|e| e.code.eq_ignore_ascii_case(evidence) || e.id.to_string() == evidence)
        .ok_or_else(|| {
            CliError::Failed(format!(
                "There is no evidence item {evidence} in this assessment. `clausewise-cli \
                 evidence {id}` lists the register."
            ))
        })?;
    let updated = store.attach_file(id, item.id, file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let attached = updated
        .files
        .iter()
        .rev()
        .find(|f| f.name == name)
        .or(updated.files.last())
        .map(|f| f.sha256.clone())
        .unwrap_or_default();
    super::line(out, format!("{} {attached}", updated.code))
}
