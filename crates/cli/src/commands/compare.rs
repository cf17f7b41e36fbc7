//! `clausewise-cli compare`: a follow-up assessment against its baseline.

use std::io::{self, Write};
use std::path::PathBuf;

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
    let (assessment, progress) = clausewise_api::compare::compare(&store, id)?;
    if json {
        super::line(out, to_json(&progress)?)
    } else {
        finish(write_text(&progress, &assessment.title, out))
    }
}

use clausewise_core::progress::{format_delta, ClauseChange, Progress};
use clausewise_core::Rating;

use clausewise_core::format_score as score;

fn rating(r: Option<Rating>) -> &'static str {
    r.map_or("–", Rating::short_label)
}

fn delta(c: &ClauseChange) -> String {
    c.delta.map_or_else(|| "–".to_owned(), format_delta)
}

fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

fn write_text(p: &Progress, title: &str, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{title} — progress since “{}” ({}, {})",
        p.baseline.title,
        p.baseline.status.as_str(),
        p.baseline.created_at.format("%Y-%m-%d")
    )?;
    let overall = match p.overall_delta {
        Some(d) if p.scored_one_side > 0 => format!(
            "  ({}, {}; on the {} requirement(s) scored in both, {} scored on one side only)",
            format_delta(d),
            p.overall_trend.label().to_lowercase(),
            p.scored_both,
            p.scored_one_side
        ),
        Some(d) => format!(
            "  ({}, {})",
            format_delta(d),
            p.overall_trend.label().to_lowercase()
        ),
        None => "  (not comparable yet: no requirement scored in both)".to_owned(),
    };
    writeln!(
        out,
        "Overall maturity   {} → {}{overall}",
        score(p.overall_baseline),
        score(p.overall_current)
    )?;
    writeln!(
        out,
        "Coverage           {:.0}% → {:.0}%",
        p.coverage_baseline * 100.0,
        p.coverage_current * 100.0
    )?;
    writeln!(
        out,
        "Certification      {} → {}",
        p.verdict_baseline.label(),
        p.verdict_current.label()
    )?;
    for (label, c) in [
        ("Open major NCs", p.open_major),
        ("Open minor NCs", p.open_minor),
        ("Open actions", p.open_actions),
    ] {
        writeln!(out, "{label:<18} {} → {}", c.baseline, c.current)?;
    }
    let kpis = |met: u32, measured: u32| {
        if measured == 0 {
            "none measured".to_owned()
        } else {
            format!("{met} of {measured} measured")
        }
    };
    writeln!(
        out,
        "KPIs met           {} → {}",
        kpis(p.kpis_met.baseline, p.kpis_measured.baseline),
        kpis(p.kpis_met.current, p.kpis_measured.current)
    )?;
    let t = p.requirements;
    writeln!(
        out,
        "Requirements       {} improved, {} regressed, {} unchanged, {} not comparable",
        t.improved, t.regressed, t.unchanged, t.not_comparable
    )?;

    writeln!(out)?;
    writeln!(
        out,
        "{:<9} {:<44} {:>8} {:>5} {:>6}  TREND",
        "CLAUSE", "TITLE", "BASELINE", "NOW", "DELTA"
    )?;
    for c in p.clauses.iter().filter(|c| c.depth <= 1) {
        writeln!(
            out,
            "{:<9} {:<44} {:>8} {:>5} {:>6}  {}",
            c.clause_id,
            cut(&c.title, 44),
            score(c.baseline),
            score(c.current),
            delta(c),
            c.trend.label()
        )?;
    }

    if !p.kpi_trends.is_empty() {
        writeln!(out)?;
        writeln!(out, "KPIs, the newest value on each side:")?;
        let side = |v: Option<f64>, period: &Option<String>, unit: &str| match (v, period) {
            (Some(v), Some(period)) if unit.is_empty() => format!("{v} ({period})"),
            (Some(v), Some(period)) => format!("{v} {unit} ({period})"),
            _ => "not measured".to_owned(),
        };
        for k in &p.kpi_trends {
            writeln!(
                out,
                "  {:<48} {} → {}  {}",
                cut(&k.name, 48),
                side(k.baseline, &k.baseline_period, &k.unit),
                side(k.current, &k.current_period, &k.unit),
                k.trend.label()
            )?;
        }
    }

    let moved: Vec<&ClauseChange> = p.moved().collect();
    writeln!(out)?;
    if moved.is_empty() {
        writeln!(out, "No requirement has changed level.")?;
    } else {
        writeln!(
            out,
            "Requirements that changed level, largest change first:"
        )?;
        for c in moved {
            writeln!(
                out,
                "  {:<9} {:<44} {:>3} → {:<3} {:>6}  {}",
                c.clause_id,
                cut(&c.title, 44),
                rating(c.baseline_rating),
                rating(c.current_rating),
                delta(c),
                c.trend.label()
            )?;
        }
    }
    Ok(())
}
