//! Service KPIs recorded as evidence of performance.

use super::Ctx;
use crate::colours::{GREEN, MUTED, RED};
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    pub(super) fn kpis(&self) -> Vec<Block> {
        if self.input.kpis.is_empty() {
            return vec![Block::text("No service KPIs were recorded.")];
        }
        let value = |v: Option<f64>, unit: &str| match v {
            Some(v) => {
                let n = if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    format!("{v}")
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
        };
        vec![
            Block::text(
                "Service KPIs recorded as evidence of performance, each linked to the \
                 requirements it evidences.",
            ),
            Block::Table(Table {
                columns: vec![
                    Column::new("KPI", 3.0),
                    Column::new("Clauses", 1.1),
                    Column::new("Value", 1.2).right(),
                    Column::new("Target", 1.2).right(),
                    Column::new("Period", 1.2),
                    Column::new("Source", 2.0),
                    Column::new("Status", 1.0),
                ],
                rows: self
                    .input
                    .kpis
                    .iter()
                    .map(|k| {
                        let status = Cell::new(k.status_label());
                        let status = match k.met() {
                            Some(true) => status.bold().colored(GREEN),
                            Some(false) => status.bold().colored(RED),
                            None => status.colored(MUTED),
                        };
                        vec![
                            Cell::new(&k.name).bold(),
                            Cell::new(k.clause_ids.join(", ")),
                            Cell::new(value(k.value, &k.unit)),
                            Cell::new(format!(
                                "{} {}",
                                match k.direction {
                                    clausewise_core::kpi::Direction::HigherIsBetter => "≥",
                                    clausewise_core::kpi::Direction::LowerIsBetter => "≤",
                                },
                                value(k.target, &k.unit)
                            )),
                            Cell::new(&k.period),
                            Cell::new(&k.source),
                            status,
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }),
        ]
    }
}
