//! Service KPIs: each measured period after period against its target, and
//! whether what they showed led to a decision or an action.

use clausewise_core::kpi::{Direction, Kpi, PeriodStatus};
use clausewise_core::palette::Colour;
use clausewise_core::text::count;

use super::Ctx;
use crate::colours::{AMBER, GREEN, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Sparkline, Table};

/// What the report calls a missed KPI that drives nothing.
pub(super) const NOT_ACTED_UPON: &str = "Measured, not acted upon";

pub(super) fn status_colour(status: Option<PeriodStatus>) -> Colour {
    match status {
        Some(PeriodStatus::Met) => GREEN,
        Some(PeriodStatus::WithinTolerance) => AMBER,
        Some(PeriodStatus::Missed) => RED,
        None => MUTED,
    }
}

/// A value with its unit: "99.2 %", "3.1 hours", "4.3 / 5".
pub(super) fn with_unit(v: Option<f64>, unit: &str) -> String {
    match v {
        Some(v) => {
            let n = if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{}", (v * 1000.0).round() / 1000.0)
            };
            if unit.is_empty() {
                n
            } else if unit == "%" {
                format!("{n} %")
            } else {
                format!("{n} {unit}")
            }
        }
        None => "–".to_owned(),
    }
}

fn target_text(k: &Kpi) -> String {
    let sign = match k.direction {
        Direction::HigherIsBetter => "≥",
        Direction::LowerIsBetter => "≤",
    };
    match (k.target, k.tolerance) {
        (None, _) => "–".to_owned(),
        (Some(t), Some(tol)) if tol > 0.0 => {
            format!(
                "{sign} {} (± {})",
                with_unit(Some(t), &k.unit),
                with_unit(Some(tol), "")
            )
        }
        (Some(t), _) => format!("{sign} {}", with_unit(Some(t), &k.unit)),
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
        if kpis.is_empty() {
            return vec![Block::text("No service KPIs were recorded.")];
        }
        let mut blocks = vec![Block::text(
            "Service KPIs as evidence of performance (9.1), each measured period after period \
             against its target. A point is green when the period met the target, amber when it \
             fell short within the tolerance, red when it missed. A KPI that missed its target \
             in the newest period and led to no decision or action is marked as measured but \
             not acted upon.",
        )];
        blocks.push(Block::Sparklines(
            kpis.iter()
                .map(|k| {
                    let mut detail: Vec<String> = Vec::new();
                    if !k.owner.is_empty() {
                        detail.push(format!("Owner: {}", k.owner));
                    }
                    if !k.service.is_empty() {
                        detail.push(k.service.clone());
                    }
                    detail.push(format!("target {}", target_text(k)));
                    let drives = self.drives(k);
                    if !drives.is_empty() {
                        detail.push(format!("drives: {}", drives.join("; ")));
                    }
                    let status = k.status();
                    Sparkline {
                        label: k.name.clone(),
                        detail: detail.join(" · "),
                        values: k.measurements.iter().map(|m| m.value).collect(),
                        colours: k.statuses().into_iter().map(status_colour).collect(),
                        target: k.target,
                        latest: with_unit(k.value(), &k.unit),
                        status: match k.latest() {
                            Some(m) => format!("{} · {}", m.period, k.status_label()),
                            None => k.status_label().to_owned(),
                        },
                        status_colour: status_colour(status),
                        flag: k
                            .not_acted_upon(self.input.findings)
                            .then(|| "Not acted upon".to_owned()),
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
                title: format!(
                    "{}: {}",
                    NOT_ACTED_UPON,
                    count(ignored.len() as u64, "KPI", "KPIs")
                ),
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
                            Span::bold(format!("{}: ", k.name)),
                            Span::plain(format!(
                                "{} against a target of {}, missed in {} of {}; no decision \
                                 is recorded and no finding or roadmap action is linked.",
                                with_unit(k.value(), &k.unit),
                                target_text(k),
                                missed,
                                count(k.measurements.len() as u64, "period", "periods"),
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
            blocks.push(Block::h2("Decisions taken on KPI results"));
            blocks.push(Block::Table(Table {
                columns: vec![Column::new("KPI", 2.4), Column::new("Decision", 6.0)],
                rows: decided
                    .iter()
                    .map(|k| vec![Cell::new(&k.name).bold(), Cell::new(&k.decision)])
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }

        blocks.push(Block::h2("KPI definitions"));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("KPI", 2.4),
                Column::new("Clauses", 1.0),
                Column::new("Definition", 3.3),
                Column::new("Source", 2.2),
                Column::new("Periods", 1.4).right(),
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
                            format!("{} · {} met", statuses.len(), tally(PeriodStatus::Met))
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
