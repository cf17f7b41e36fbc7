//! `clausewise-cli catalogue`: the built-in catalogue, as a readable text
//! document or in the catalogue file format.

use std::io::{self, Write};

use clausewise_core::Catalogue;

use crate::error::{finish, json as to_json, CliError};

pub fn run(json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let catalogue = Catalogue::builtin();
    if json {
        super::line(out, to_json(catalogue)?)
    } else {
        finish(write(out, catalogue))
    }
}

fn write(out: &mut impl Write, catalogue: &Catalogue) -> io::Result<()> {
    writeln!(
        out,
        "{} (catalogue {}, edition {}): {} clauses, {} assessable requirements",
        catalogue.title,
        catalogue.id,
        catalogue.version,
        catalogue.clauses.len(),
        catalogue.assessable().count()
    )?;
    writeln!(out, "\nMaturity scale")?;
    for level in &catalogue.maturity_levels {
        writeln!(
            out,
            "  {} {:<12} {}",
            level.level, level.name, level.descriptor
        )?;
    }
    for clause in &catalogue.clauses {
        let indent = "  ".repeat(usize::from(clause.depth));
        let marker = if clause.assessable {
            "  [requirement]"
        } else {
            ""
        };
        writeln!(out, "\n{indent}{} {}{marker}", clause.id, clause.title)?;
        let body = format!("{indent}    ");
        if let Some(intro) = &clause.intro {
            writeln!(out, "{body}{intro}")?;
        }
        if let Some(summary) = &clause.summary {
            writeln!(out, "{body}Summary: {summary}")?;
        }
        for (label, items) in [
            ("Questions", &clause.questions),
            ("Evidence to look for", &clause.evidence),
            ("Documented information", &clause.documented_information),
            ("ITIL 4 practices", &clause.itil_practices),
            ("KPIs", &clause.kpis),
        ] {
            if label == "ITIL 4 practices" && clause.sms_governance {
                writeln!(
                    out,
                    "{body}{label}: none (SMS governance: no ITIL 4 practice equivalent)"
                )?;
                continue;
            }
            if items.is_empty() {
                continue;
            }
            writeln!(out, "{body}{label}:")?;
            for item in items {
                writeln!(out, "{body}  - {item}")?;
            }
        }
    }
    Ok(())
}
