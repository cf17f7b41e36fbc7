//! Service KPIs: each measured period after period against its target, and
//! whether what they showed led to a decision or an action.

use clausewise_core::i18n::Lang;
use clausewise_core::kpi::{Direction, Kpi, PeriodStatus};
use clausewise_core::palette::Colour;
use clausewise_core::tr;

use super::{label, Ctx};
use crate::colours::{AMBER, GREEN, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Sparkline, Table};

pub(super) fn status_colour(status: Option<PeriodStatus>) -> Colour {
    match status {
        Some(PeriodStatus::Met) => GREEN,
        Some(PeriodStatus::WithinTolerance) => AMBER,
        Some(PeriodStatus::Missed) => RED,
        None => MUTED,
    }
}

/// A value with its unit: "99.2 %", "3.1 hours", "4.3 / 5".
pub(super) fn with_unit(lang: Lang, v: Option<f64>, unit: &str) -> String {
    match v {
        Some(v) => {
            let n = if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{}", (v * 1000.0).round() / 1000.0)
            };
            let n = lang.with_separator(&n);
            if unit.is_empty() {
                n
            } else if unit == "%" {
                format!("{n}\u{A0}%")
            } else {
                format!("{n}\u{A0}{unit}")
            }
        }
        None => "–".to_owned(),
    }
}

fn target_text(lang: Lang, k: &Kpi) -> String {
    let sign = match k.direction {
        Direction::HigherIsBetter => "≥",
        Direction::LowerIsBetter => "≤",
    };
    match (k.target, k.tolerance) {
        (None, _) => "–".to_owned(),
        (Some(t), Some(tol)) if tol > 0.0 => {
            format!(
                "{sign} {} (± {})",
                with_unit(lang, Some(t), &k.unit),
                with_unit(lang, Some(tol), "")
            )
        }
        (Some(t), _) => format!("{sign} {}", with_unit(lang, Some(t), &k.unit)),
    }
}

impl Ctx<'_> {
    /// The titles of the findings a KPI drives that still exist.
    fn drives(&self, k: &Kpi) -> Vec<&str> {
        k.finding_ids
            .iter()
            .filter_map(|id| self.input.findings.iter().find(|f| f.id == *id))
            .map(|f| f.title.as_str())
            .collect()
    }

    pub(super) fn kpis(&self) -> Vec<Block> {
        let kpis = self.input.kpis;
        let lang = self.lang;
        if kpis.is_empty() {
            return vec![Block::text(tr!(lang, "kpis-none"))];
        }
        let mut blocks = vec![Block::text(tr!(lang, "kpis-intro"))];
        let status_label = |k: &Kpi| {
            k.status().map_or_else(
                || tr!(lang, "kpi-no-data"),
                |s| label(lang, "kpi-status", s),
            )
        };
        blocks.push(Block::Sparklines(
            kpis.iter()
                .map(|k| {
                    let mut detail: Vec<String> = Vec::new();
                    if !k.owner.is_empty() {
                        detail.push(tr!(lang, "findings-owner", owner = &k.owner));
                    }
                    if !k.service.is_empty() {
                        detail.push(k.service.clone());
                    }
                    detail.push(tr!(lang, "tile-target", target = target_text(lang, k)));
                    let drives = self.drives(k);
                    if !drives.is_empty() {
                        detail.push(tr!(
                            lang,
                            "kpis-drives",
                            findings = drives.join(lang.semicolon())
                        ));
                    }
                    let status = k.status();
                    Sparkline {
                        label: k.name.clone(),
                        detail: detail.join(" · "),
                        values: k.measurements.iter().map(|m| m.value).collect(),
                        colours: k.statuses().into_iter().map(status_colour).collect(),
                        target: k.target,
                        latest: with_unit(lang, k.value(), &k.unit),
                        status: match k.latest() {
                            Some(m) => format!("{} · {}", m.period, status_label(k)),
                            None => status_label(k),
                        },
                        status_colour: status_colour(status),
                        flag: k
                            .not_acted_upon(self.input.findings)
                            .then(|| tr!(lang, "kpis-flag-not-acted-upon")),
                    }
                })
                .collect(),
        ));

        let ignored: Vec<&Kpi> = kpis
            .iter()
            .filter(|k| k.not_acted_upon(self.input.findings))
            .collect();
        if !ignored.is_empty() {
            blocks.push(Block::Callout {
                title: tr!(lang, "kpis-not-acted-upon-title", n = ignored.len()),
                accent: RED,
                lines: ignored
                    .iter()
                    .map(|k| {
                        let missed = k
                            .statuses()
                            .iter()
                            .filter(|s| **s == Some(PeriodStatus::Missed))
                            .count();
                        vec![
                            Span::bold(format!("{}{}", k.name, lang.colon())),
                            Span::plain(tr!(
                                lang,
                                "kpis-not-acted-upon-line",
                                value = with_unit(lang, k.value(), &k.unit),
                                target = target_text(lang, k),
                                missed = missed,
                                n = k.measurements.len()
                            )),
                        ]
                    })
                    .collect(),
            });
        }

        let decided: Vec<&Kpi> = kpis
            .iter()
            .filter(|k| !k.decision.trim().is_empty())
            .collect();
        if !decided.is_empty() {
            blocks.push(Block::h2(tr!(lang, "kpis-decisions")));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-kpi"), 2.4),
                    Column::new(&tr!(lang, "col-decision"), 6.0),
                ],
                rows: decided
                    .iter()
                    .map(|k| vec![Cell::new(&k.name).bold(), Cell::new(&k.decision)])
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }

        blocks.push(Block::h2(tr!(lang, "kpis-definitions")));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(&tr!(lang, "col-kpi"), 2.4),
                Column::new(&tr!(lang, "col-clauses"), 1.0),
                Column::new(&tr!(lang, "col-definition"), 3.3),
                Column::new(&tr!(lang, "col-source"), 2.2),
                Column::new(&tr!(lang, "col-periods"), 1.4).right(),
            ],
            rows: kpis
                .iter()
                .map(|k| {
                    let statuses = k.statuses();
                    let tally = |s| statuses.iter().filter(|x| **x == Some(s)).count();
                    vec![
                        Cell::new(&k.name).bold(),
                        Cell::new(k.clause_ids.join(", ")),
                        Cell::new(if k.definition.is_empty() {
                            "–"
                        } else {
                            &k.definition
                        }),
                        Cell::new(&k.source),
                        Cell::new(if k.target.is_some() && !statuses.is_empty() {
                            tr!(
                                lang,
                                "kpis-periods-met",
                                n = statuses.len(),
                                met = tally(PeriodStatus::Met)
                            )
                        } else {
                            statuses.len().to_string()
                        }),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
        blocks
    }
}
