//! `clausewise-cli summary`: where an assessment stands, in text or JSON.

use std::io::{self, Write};
use std::path::PathBuf;

use clausewise_api::summary::{summary, Summary};
use clausewise_core::verdicts::Weight;
use uuid::Uuid;

use crate::db::{database_path, open_for_reading};
use crate::error::{finish, json as to_json, CliError};

pub fn run(
    db: Option<PathBuf>,
    id: Uuid,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let store = open_for_reading(&database_path(db)?)?;
    let summary = summary(&store, id)?;
    if json {
        super::line(out, to_json(&summary)?)
    } else {
        finish(write_text(&summary, out))
    }
}

fn write_text(s: &Summary, out: &mut impl Write) -> io::Result<()> {
    let score = clausewise_core::format_score;
    writeln!(out, "{} — {}", s.client, s.title)?;
    writeln!(
        out,
        "Overall maturity  {} (target {})",
        score(s.overall),
        score(s.overall_target)
    )?;
    if let Some(w) = s.weakest.as_ref().filter(|w| w.below_mean) {
        let title = clausewise_core::Catalogue::builtin()
            .clause(&w.clause_id)
            .map_or(String::new(), |c| format!(" {}", c.title));
        writeln!(
            out,
            "Lowest            {}{title} at level {}",
            w.clause_id, w.level
        )?;
    }
    writeln!(
        out,
        "Coverage          {} of {} requirements ({:.0}%), {} not applicable",
        s.assessed,
        s.assessable,
        s.coverage * 100.0,
        s.not_applicable
    )?;
    for stage in [&s.verdicts.stage_1, &s.verdicts.certification] {
        writeln!(out, "{:<24}{}", stage.stage.label(), stage.headline)?;
        for reason in &stage.reasons {
            let mark = match reason.weight {
                Weight::Blocks => "x",
                Weight::Unjudged => "?",
                Weight::Note => "-",
            };
            writeln!(out, "  {mark} {}", reason.message)?;
        }
    }
    writeln!(out, "Findings (open / total)")?;
    for k in &s.findings_by_kind {
        // Good practice is neither open nor closed.
        let open = k.open.map_or("–".to_owned(), |n| n.to_string());
        writeln!(out, "  {:<30} {open} / {}", k.kind.label(), k.total)?;
    }
    writeln!(
        out,
        "KPIs              {} met, {} within tolerance, {} not met, {} not measured",
        s.kpis.met, s.kpis.within_tolerance, s.kpis.not_met, s.kpis.unknown
    )?;
    if !s.kpis_not_acted_upon.is_empty() {
        writeln!(
            out,
            "  Measured but not acted upon ({}):",
            s.kpis_not_acted_upon.len()
        )?;
        for k in &s.kpis_not_acted_upon {
            let value = k
                .value
                .map_or("–".to_owned(), |v| format!("{v} {}", k.unit));
            let target = k
                .target
                .map_or("–".to_owned(), |v| format!("{v} {}", k.unit));
            writeln!(
                out,
                "  x {}: {} in {} against {}, missed {} of {} periods",
                k.name,
                value.trim_end(),
                k.period.as_deref().unwrap_or("–"),
                target.trim_end(),
                k.missed,
                k.measured
            )?;
        }
    }
    let e = &s.execution_control;
    writeln!(out, "Execution/control {}", e.headline)?;
    if !e.practices_without_governance.is_empty() {
        writeln!(
            out,
            "  Practices running ahead of their governance ({}):",
            e.practices_without_governance.len()
        )?;
        for p in &e.practices_without_governance {
            let capability = p.capability.map_or("–".to_owned(), |c| c.to_string());
            writeln!(
                out,
                "  x {} (capability {capability}): {}",
                p.practice,
                p.requirements.join(", ")
            )?;
        }
    }
    for stage in [&s.verdicts.stage_1, &s.verdicts.certification] {
        writeln!(out, "Rule for {}:", stage.stage.label().to_lowercase())?;
        for line in &stage.rule {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
