//! Progress since the baseline, for a follow-up assessment: headline
//! figures, clauses baseline against now, and the requirements that
//! changed level.

use clausewise_core::i18n::{clause_title, Lang};
use clausewise_core::progress::{ClauseChange, Progress, Trend};
use clausewise_core::{tr, AssessmentStatus, Catalogue, Rating};

use super::{label, verdict_color};
use crate::colours::{BRAND, GREEN, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Table, Tile};

/// One sentence on the progress since the baseline, for the summary.
pub(super) fn progress_sentence(lang: Lang, p: &Progress) -> String {
    let overall = match (p.overall_baseline, p.overall_current, p.overall_delta) {
        (Some(b), Some(c), Some(d)) => tr!(
            lang,
            "progress-overall-moved",
            from = lang.score(Some(b)),
            to = lang.score(Some(c)),
            delta = lang.delta(d),
            like_for_like = like_for_like(lang, p)
        ),
        _ => tr!(lang, "progress-overall-not-comparable"),
    };
    tr!(
        lang,
        "progress-sentence",
        baseline = lang.quoted(&p.baseline.title),
        overall = overall,
        moved = moved_note(lang, p.requirements.improved, p.requirements.regressed)
    )
}

/// The "Progress since baseline" section of a follow-up assessment.
pub(super) fn progress(lang: Lang, catalogue: &Catalogue, p: &Progress) -> Vec<Block> {
    let b = &p.baseline;
    let mut blocks = vec![Block::text(tr!(
        lang,
        "progress-intro",
        baseline = lang.quoted(&b.title),
        status = match b.status {
            AssessmentStatus::Draft => tr!(lang, "progress-baseline-draft"),
            AssessmentStatus::Final => tr!(lang, "progress-baseline-final"),
        },
        started = lang.date(b.created_at.date_naive()),
        one_side = scored_in_one_only(lang, p.scored_one_side)
    ))];
    let t = p.requirements;
    let title = |id: &str| clause_title(lang, catalogue, id);
    blocks.push(Block::Tiles(vec![
        Tile {
            label: tr!(lang, "tile-overall-maturity"),
            value: format!(
                "{} → {}",
                lang.score(p.overall_baseline),
                lang.score(p.overall_current)
            ),
            note: p.overall_delta.map_or_else(
                || tr!(lang, "progress-not-comparable-yet"),
                |d| match p.scored_one_side {
                    0 => tr!(lang, "progress-since-baseline", delta = lang.delta(d)),
                    _ => tr!(
                        lang,
                        "progress-on-both",
                        delta = lang.delta(d),
                        n = p.scored_both
                    ),
                },
            ),
            accent: match p.overall_trend {
                Trend::Improved => GREEN,
                Trend::Regressed => RED,
                _ => BRAND,
            },
        },
        Tile {
            label: tr!(lang, "progress-requirements-up"),
            value: t.improved.to_string(),
            note: tr!(lang, "progress-unchanged", n = t.unchanged),
            accent: GREEN,
        },
        Tile {
            label: tr!(lang, "progress-requirements-down"),
            value: t.regressed.to_string(),
            note: tr!(lang, "progress-not-comparable", n = t.not_comparable),
            accent: if t.regressed > 0 { RED } else { BRAND },
        },
        Tile {
            label: tr!(lang, "progress-certification-readiness"),
            value: label(lang, "verdict", p.verdict_current),
            note: tr!(
                lang,
                "progress-baseline-verdict",
                verdict = label(lang, "verdict", p.verdict_baseline)
            ),
            accent: verdict_color(p.verdict_current),
        },
    ]));

    blocks.push(Block::h2(tr!(lang, "progress-headline-figures")));
    let count_row = |key: &str, c: clausewise_core::progress::CountChange, fewer_is_better| {
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
            Cell::new(tr!(lang, key)),
            Cell::new(c.baseline.to_string()),
            Cell::new(c.current.to_string()),
            change,
        ]
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new(&tr!(lang, "col-measure"), 4.6),
            Column::new(&tr!(lang, "col-baseline"), 1.4).right(),
            Column::new(&tr!(lang, "col-now"), 1.4).right(),
            Column::new(&tr!(lang, "col-change"), 1.4).right(),
        ],
        rows: vec![
            vec![
                Cell::new(tr!(lang, "tile-overall-maturity")),
                Cell::new(lang.score(p.overall_baseline)),
                Cell::new(lang.score(p.overall_current)),
                match p.overall_delta {
                    Some(d) => Cell::new(lang.delta(d)).colored(match p.overall_trend {
                        Trend::Improved => GREEN,
                        Trend::Regressed => RED,
                        _ => MUTED,
                    }),
                    None => Cell::new("–").colored(MUTED),
                },
            ],
            vec![
                Cell::new(tr!(lang, "progress-coverage")),
                Cell::new(lang.percent(p.coverage_baseline)),
                Cell::new(lang.percent(p.coverage_current)),
                Cell::new(""),
            ],
            vec![
                Cell::new(tr!(lang, "progress-readiness-for-certification")),
                Cell::new(label(lang, "verdict", p.verdict_baseline)),
                Cell::new(label(lang, "verdict", p.verdict_current))
                    .bold()
                    .colored(verdict_color(p.verdict_current)),
                Cell::new(""),
            ],
            count_row("progress-open-major", p.open_major, true),
            count_row("progress-open-minor", p.open_minor, true),
            count_row("progress-open-actions", p.open_actions, true),
            kpi_row(lang, p),
        ],
        size: 9.0,
        header: true,
    }));

    blocks.push(Block::h2(tr!(lang, "progress-clauses")));
    let rows = p
        .clauses
        .iter()
        .filter(|c| c.depth <= 1)
        .map(|c| {
            let bold = |cell: Cell| if c.depth == 0 { cell.bold() } else { cell };
            vec![
                bold(Cell::new(&c.clause_id)),
                bold(Cell::new(title(&c.clause_id)).indented(f32::from(c.depth) * 8.0)),
                Cell::new(lang.score(c.baseline)),
                bold(Cell::new(lang.score(c.current))),
                delta_cell(lang, c),
                trend_cell(lang, c.trend),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new(&tr!(lang, "col-clause"), 0.9),
            Column::new(&tr!(lang, "col-title"), 4.4),
            Column::new(&tr!(lang, "col-baseline"), 1.1).right(),
            Column::new(&tr!(lang, "col-now"), 0.9).right(),
            Column::new(&tr!(lang, "col-change"), 1.0).right(),
            Column::new(&tr!(lang, "col-trend"), 1.5),
        ],
        rows,
        size: 8.0,
        header: true,
    }));

    if !p.kpi_trends.is_empty() {
        blocks.push(Block::h2(tr!(lang, "progress-kpis")));
        blocks.push(Block::small(vec![Span::muted(tr!(
            lang,
            "progress-kpis-note"
        ))]));
        let value = |v: Option<f64>, period: &Option<String>, unit: &str| match period {
            Some(period) => format!("{} ({period})", super::kpis::with_unit(lang, v, unit)),
            None => tr!(lang, "progress-not-measured"),
        };
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(&tr!(lang, "col-kpi"), 3.2),
                Column::new(&tr!(lang, "col-baseline"), 2.0).right(),
                Column::new(&tr!(lang, "col-now"), 2.0).right(),
                Column::new(&tr!(lang, "col-status-now"), 1.3),
                Column::new(&tr!(lang, "col-trend"), 1.3),
            ],
            rows: p
                .kpi_trends
                .iter()
                .map(|k| {
                    vec![
                        Cell::new(&k.name).bold(),
                        Cell::new(value(k.baseline, &k.baseline_period, &k.unit)),
                        Cell::new(value(k.current, &k.current_period, &k.unit)),
                        Cell::new(k.current_status.map_or_else(
                            || tr!(lang, "kpi-no-data"),
                            |s| label(lang, "kpi-status", s),
                        ))
                        .colored(super::kpis::status_colour(k.current_status)),
                        trend_cell(lang, k.trend),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
    }

    blocks.push(Block::h2(tr!(lang, "progress-changed-level")));
    let moved: Vec<&ClauseChange> = p.moved().collect();
    if moved.is_empty() {
        blocks.push(Block::text(tr!(lang, "progress-none-changed")));
    } else {
        blocks.push(Block::small(vec![Span::muted(tr!(
            lang,
            "progress-changed-note",
            lowest = clausewise_core::i18n::level_name(lang, catalogue, 0),
            highest = clausewise_core::i18n::level_name(lang, catalogue, 5)
        ))]));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(&tr!(lang, "col-clause"), 0.9),
                Column::new(&tr!(lang, "col-requirement"), 4.6),
                Column::new(&tr!(lang, "col-baseline"), 1.1).center(),
                Column::new(&tr!(lang, "col-now"), 0.9).center(),
                Column::new(&tr!(lang, "col-change"), 1.0).right(),
                Column::new(&tr!(lang, "col-trend"), 1.3),
            ],
            rows: moved
                .into_iter()
                .map(|c| {
                    vec![
                        Cell::new(&c.clause_id),
                        Cell::new(title(&c.clause_id)),
                        Cell::new(rating_text(lang, c.baseline_rating)),
                        Cell::new(rating_text(lang, c.current_rating)).bold(),
                        delta_cell(lang, c),
                        trend_cell(lang, c.trend),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
    }
    blocks
}

fn trend_cell(lang: Lang, trend: Trend) -> Cell {
    let cell = Cell::new(label(lang, "trend", trend));
    match trend {
        Trend::Improved => cell.colored(GREEN).bold(),
        Trend::Regressed => cell.colored(RED).bold(),
        Trend::Unchanged | Trend::NotComparable => cell.colored(MUTED),
    }
}

fn delta_cell(lang: Lang, c: &ClauseChange) -> Cell {
    match c.delta {
        Some(d) => {
            let cell = Cell::new(lang.delta(d));
            match c.trend {
                Trend::Improved => cell.colored(GREEN),
                Trend::Regressed => cell.colored(RED),
                _ => cell.colored(MUTED),
            }
        }
        None => Cell::new("–").colored(MUTED),
    }
}

fn rating_text(lang: Lang, r: Option<Rating>) -> String {
    match r {
        Some(Rating::NotApplicable) => tr!(lang, "rating-not-applicable-short"),
        Some(r) => r.short_label().to_owned(),
        None => "–".to_owned(),
    }
}

/// KPIs met, out of those measured; a follow-up starts with its KPIs not
/// yet measured, which is not a decline.
fn kpi_row(lang: Lang, p: &Progress) -> Vec<Cell> {
    let side = |met: u32, measured: u32| {
        if measured == 0 {
            Cell::new(tr!(lang, "progress-not-measured")).colored(MUTED)
        } else {
            Cell::new(tr!(lang, "progress-met-of", met = met, measured = measured))
        }
    };
    let (m, n) = (p.kpis_met, p.kpis_measured);
    let change = if n.baseline == 0 || n.current == 0 {
        Cell::new("")
    } else {
        let rate = |met: u32, measured: u32| f64::from(met) / f64::from(measured);
        let diff = rate(m.current, n.current) - rate(m.baseline, n.baseline);
        let points = format!("{:+.0}", diff * 100.0).replace('-', "\u{2212}");
        let text = tr!(lang, "progress-points", points = points);
        if diff.abs() < 0.005 {
            Cell::new(tr!(lang, "progress-points", points = "±0")).colored(MUTED)
        } else if diff > 0.0 {
            Cell::new(text).colored(GREEN)
        } else {
            Cell::new(text).colored(RED)
        }
    };
    vec![
        Cell::new(tr!(lang, "progress-kpis-meeting-target")),
        side(m.baseline, n.baseline),
        side(m.current, n.current),
        change,
    ]
}

/// ", on the 40 requirements scored in both" while some requirement is
/// scored on one side only, so the overall figure reads as what it is.
fn like_for_like(lang: Lang, p: &Progress) -> String {
    like_for_like_of(lang, p.scored_one_side, p.scored_both)
}

pub(super) fn like_for_like_of(lang: Lang, scored_one_side: u32, scored_both: u32) -> String {
    if scored_one_side == 0 {
        String::new()
    } else {
        tr!(lang, "progress-like-for-like", n = scored_both)
    }
}

/// " (2 requirements are scored in one of them only …)" for the progress
/// section's introduction; nothing when every requirement compares.
pub(super) fn scored_in_one_only(lang: Lang, n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    tr!(lang, "progress-scored-in-one-only", n = n)
}

/// "1 requirement improved and 2 regressed".
pub(super) fn moved_note(lang: Lang, improved: u32, regressed: u32) -> String {
    tr!(
        lang,
        "progress-moved",
        improved = improved,
        regressed = regressed
    )
}
