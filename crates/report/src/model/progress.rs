//! Progress since the baseline, for a follow-up assessment: headline
//! figures, clauses baseline against now, and the requirements that
//! changed level.

use clausewise_core::format_score as fmt_score;
use clausewise_core::progress::{format_delta, ClauseChange, Progress, Trend};
use clausewise_core::text::{count, plural};
use clausewise_core::{AssessmentStatus, Rating};

use super::verdict_color;
use crate::colours::{BRAND, GREEN, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Table, Tile};

/// One sentence on the progress since the baseline, for the summary.
pub(super) fn progress_sentence(p: &Progress) -> String {
    let overall = match (p.overall_baseline, p.overall_current, p.overall_delta) {
        (Some(b), Some(c), Some(d)) => format!(
            "overall maturity moved from {} to {} ({}{})",
            fmt_score(Some(b)),
            fmt_score(Some(c)),
            format_delta(d),
            like_for_like(p)
        ),
        _ => "overall maturity cannot be compared yet, as no requirement is scored in both"
            .to_owned(),
    };
    format!(
        "It follows up the assessment “{}”: since then, {overall}; {}.",
        p.baseline.title,
        moved_note(p.requirements.improved, p.requirements.regressed)
    )
}

/// The "Progress since baseline" section of a follow-up assessment.
pub(super) fn progress(p: &Progress) -> Vec<Block> {
    let b = &p.baseline;
    let mut blocks = vec![Block::text(format!(
        "This assessment is a follow-up of “{}” ({}, started {}). Both are scored on the same \
         scale with the same roll-up. A clause is improved or regressed when its score moved. \
         A requirement cannot be compared when a side has no score (not assessed, or not \
         applicable on one side only). Clause groups and the overall figure compare like with \
         like: on both sides they are the mean of the requirements scored in both \
         assessments{}.",
        b.title,
        match b.status {
            AssessmentStatus::Draft => "draft",
            AssessmentStatus::Final => "final",
        },
        b.created_at.format("%-d %B %Y"),
        scored_in_one_only(p.scored_one_side)
    ))];
    let t = p.requirements;
    blocks.push(Block::Tiles(vec![
        Tile {
            label: "Overall maturity".into(),
            value: format!(
                "{} → {}",
                fmt_score(p.overall_baseline),
                fmt_score(p.overall_current)
            ),
            note: p.overall_delta.map_or_else(
                || "not comparable yet".to_owned(),
                |d| match p.scored_one_side {
                    0 => format!("{} since the baseline", format_delta(d)),
                    _ => format!("{} on {} in both", format_delta(d), p.scored_both),
                },
            ),
            accent: match p.overall_trend {
                Trend::Improved => GREEN,
                Trend::Regressed => RED,
                _ => BRAND,
            },
        },
        Tile {
            label: "Requirements up".into(),
            value: t.improved.to_string(),
            note: format!("{} unchanged", t.unchanged),
            accent: GREEN,
        },
        Tile {
            label: "Requirements down".into(),
            value: t.regressed.to_string(),
            note: format!("{} not comparable", t.not_comparable),
            accent: if t.regressed > 0 { RED } else { BRAND },
        },
        Tile {
            label: "Certification readiness".into(),
            value: p.verdict_current.label().into(),
            note: format!("baseline: {}", p.verdict_baseline.label()),
            accent: verdict_color(p.verdict_current),
        },
    ]));

    blocks.push(Block::h2("Headline figures"));
    let count_row = |label: &str, c: clausewise_core::progress::CountChange, fewer_is_better| {
        let diff = i64::from(c.current) - i64::from(c.baseline);
        let good = if fewer_is_better { diff < 0 } else { diff > 0 };
        let text = match diff {
            0 => "±0".to_owned(),
            d if d > 0 => format!("+{d}"),
            d => format!("\u{2212}{}", -d),
        };
        let change = match diff {
            0 => Cell::new(text).colored(MUTED),
            _ if good => Cell::new(text).colored(GREEN),
            _ => Cell::new(text).colored(RED),
        };
        vec![
            Cell::new(label),
            Cell::new(c.baseline.to_string()),
            Cell::new(c.current.to_string()),
            change,
        ]
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Measure", 4.6),
            Column::new("Baseline", 1.4).right(),
            Column::new("Now", 1.4).right(),
            Column::new("Change", 1.4).right(),
        ],
        rows: vec![
            vec![
                Cell::new("Overall maturity"),
                Cell::new(fmt_score(p.overall_baseline)),
                Cell::new(fmt_score(p.overall_current)),
                match p.overall_delta {
                    Some(d) => Cell::new(format_delta(d)).colored(match p.overall_trend {
                        Trend::Improved => GREEN,
                        Trend::Regressed => RED,
                        _ => MUTED,
                    }),
                    None => Cell::new("–").colored(MUTED),
                },
            ],
            vec![
                Cell::new("Coverage"),
                Cell::new(format!("{:.0} %", p.coverage_baseline * 100.0)),
                Cell::new(format!("{:.0} %", p.coverage_current * 100.0)),
                Cell::new(""),
            ],
            vec![
                Cell::new("Readiness for certification"),
                Cell::new(p.verdict_baseline.label()),
                Cell::new(p.verdict_current.label())
                    .bold()
                    .colored(verdict_color(p.verdict_current)),
                Cell::new(""),
            ],
            count_row("Open major nonconformities", p.open_major, true),
            count_row("Open minor nonconformities", p.open_minor, true),
            count_row("Open findings that call for action", p.open_actions, true),
            kpi_row(p),
        ],
        size: 9.0,
        header: true,
    }));

    blocks.push(Block::h2("Clauses, baseline against now"));
    let rows = p
        .clauses
        .iter()
        .filter(|c| c.depth <= 1)
        .map(|c| {
            let bold = |cell: Cell| if c.depth == 0 { cell.bold() } else { cell };
            vec![
                bold(Cell::new(&c.clause_id)),
                bold(Cell::new(&c.title).indented(f32::from(c.depth) * 8.0)),
                Cell::new(fmt_score(c.baseline)),
                bold(Cell::new(fmt_score(c.current))),
                delta_cell(c),
                trend_cell(c.trend),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Clause", 0.9),
            Column::new("Title", 4.4),
            Column::new("Baseline", 1.1).right(),
            Column::new("Now", 0.9).right(),
            Column::new("Change", 1.0).right(),
            Column::new("Trend", 1.5),
        ],
        rows,
        size: 8.0,
        header: true,
    }));

    if !p.kpi_trends.is_empty() {
        blocks.push(Block::h2("KPIs since the baseline"));
        blocks.push(Block::small(vec![Span::muted(
            "The newest value on each side; improved when it moved the way the KPI wants.",
        )]));
        let value = |v: Option<f64>, period: &Option<String>, unit: &str| match period {
            Some(period) => format!("{} ({period})", super::kpis::with_unit(v, unit)),
            None => "not measured".to_owned(),
        };
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("KPI", 3.2),
                Column::new("Baseline", 2.0).right(),
                Column::new("Now", 2.0).right(),
                Column::new("Status now", 1.3),
                Column::new("Trend", 1.3),
            ],
            rows: p
                .kpi_trends
                .iter()
                .map(|k| {
                    vec![
                        Cell::new(&k.name).bold(),
                        Cell::new(value(k.baseline, &k.baseline_period, &k.unit)),
                        Cell::new(value(k.current, &k.current_period, &k.unit)),
                        Cell::new(k.current_status.map_or("No data", |s| s.label()))
                            .colored(super::kpis::status_colour(k.current_status)),
                        trend_cell(k.trend),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
    }

    blocks.push(Block::h2("Requirements that changed level"));
    let moved: Vec<&ClauseChange> = p.moved().collect();
    if moved.is_empty() {
        blocks.push(Block::text(
            "No requirement has changed level since the baseline.",
        ));
    } else {
        blocks.push(Block::small(vec![Span::muted(
            "Largest change first. Levels run from 0 (Incomplete) to 5 (Innovating).",
        )]));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Clause", 0.9),
                Column::new("Requirement", 4.6),
                Column::new("Baseline", 1.1).center(),
                Column::new("Now", 0.9).center(),
                Column::new("Change", 1.0).right(),
                Column::new("Trend", 1.3),
            ],
            rows: moved
                .into_iter()
                .map(|c| {
                    vec![
                        Cell::new(&c.clause_id),
                        Cell::new(&c.title),
                        Cell::new(rating_text(c.baseline_rating)),
                        Cell::new(rating_text(c.current_rating)).bold(),
                        delta_cell(c),
                        trend_cell(c.trend),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
    }
    blocks
}

fn trend_cell(trend: Trend) -> Cell {
    let cell = Cell::new(trend.label());
    match trend {
        Trend::Improved => cell.colored(GREEN).bold(),
        Trend::Regressed => cell.colored(RED).bold(),
        Trend::Unchanged | Trend::NotComparable => cell.colored(MUTED),
    }
}

fn delta_cell(c: &ClauseChange) -> Cell {
    match c.delta {
        Some(d) => {
            let cell = Cell::new(format_delta(d));
            match c.trend {
                Trend::Improved => cell.colored(GREEN),
                Trend::Regressed => cell.colored(RED),
                _ => cell.colored(MUTED),
            }
        }
        None => Cell::new("–").colored(MUTED),
    }
}

fn rating_text(r: Option<Rating>) -> &'static str {
    r.map_or("–", Rating::short_label)
}

/// KPIs met, out of those measured; a follow-up starts with its KPIs not
/// yet measured, which is not a decline.
fn kpi_row(p: &Progress) -> Vec<Cell> {
    let side = |met: u32, measured: u32| {
        if measured == 0 {
            Cell::new("not measured").colored(MUTED)
        } else {
            Cell::new(format!("{met} of {measured}"))
        }
    };
    let (m, n) = (p.kpis_met, p.kpis_measured);
    let change = if n.baseline == 0 || n.current == 0 {
        Cell::new("")
    } else {
        let rate = |met: u32, measured: u32| f64::from(met) / f64::from(measured);
        let diff = rate(m.current, n.current) - rate(m.baseline, n.baseline);
        let text = format!("{:+.0} pts", diff * 100.0).replace('-', "\u{2212}");
        if diff.abs() < 0.005 {
            Cell::new("±0 pts").colored(MUTED)
        } else if diff > 0.0 {
            Cell::new(text).colored(GREEN)
        } else {
            Cell::new(text).colored(RED)
        }
    };
    vec![
        Cell::new("KPIs meeting their target"),
        side(m.baseline, n.baseline),
        side(m.current, n.current),
        change,
    ]
}

/// ", on the 40 requirements scored in both" while some requirement is
/// scored on one side only, so the overall figure reads as what it is.
fn like_for_like(p: &Progress) -> String {
    like_for_like_of(p.scored_one_side, p.scored_both)
}

pub(super) fn like_for_like_of(scored_one_side: u32, scored_both: u32) -> String {
    if scored_one_side == 0 {
        String::new()
    } else {
        format!(
            ", on the {} scored in both",
            count(scored_both, "requirement", "requirements")
        )
    }
}

/// " (2 requirements are scored in one of them only …)" for the progress
/// section's introduction; nothing when every requirement compares.
pub(super) fn scored_in_one_only(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    format!(
        " ({} {} scored in one of them only and {} left out of both, so while {} {}, the \
         figures here can differ from each assessment's own)",
        count(n, "requirement", "requirements"),
        plural(n, "is", "are"),
        plural(n, "is", "are"),
        plural(n, "it", "they"),
        plural(n, "is", "are"),
    )
}

/// "1 requirement improved and 2 regressed".
pub(super) fn moved_note(improved: u32, regressed: u32) -> String {
    format!(
        "{} improved and {regressed} regressed",
        count(improved, "requirement", "requirements")
    )
}
