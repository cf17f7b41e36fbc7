//! Practices against the management system: how capable the ITIL practices
//! the client runs are, against the maturity and conformity of the
//! requirements that govern them.

use clausewise_core::format_score as fmt_score;
use clausewise_core::practices::{ExecutionControl, GoverningRequirement, PracticeGovernance};
use clausewise_core::text::count;

use super::Ctx;
use crate::colours::{score_colours, BRAND, MUTED, RED};
use crate::layout::{Block, Cell, Column, PairedBar, Span, Table, Tile};

impl Ctx<'_> {
    pub(super) fn execution(&self) -> Vec<Block> {
        let m = &self.dash.execution_control;
        let mut blocks = vec![Block::text(
            "ITIL describes how the work is done; ISO/IEC 20000-1 asks for a management system \
             that makes sure it keeps being done well: policy and objectives, documented \
             information, internal audit, management review and improvement. This section sets \
             the capability of the practices the client runs (1 to 5) against the maturity of \
             the requirements that govern them (0 to 5).",
        )];
        blocks.push(Block::Tiles(tiles(m)));
        if let Some(narrative) = &m.narrative {
            blocks.push(Block::text(narrative));
        }
        if m.practices.is_empty() {
            blocks.push(Block::small(vec![Span::muted(
                "No practice the client runs has been recorded in the practice profile yet.",
            )]));
            return blocks;
        }
        blocks.push(Block::h2("Each practice against its governance"));
        blocks.push(Block::PairedBars(
            m.practices.iter().map(paired_bar).collect(),
        ));

        let outrunning: Vec<&PracticeGovernance> = m.outrunning().collect();
        blocks.push(Block::h2("Practices that run ahead of their governance"));
        if outrunning.is_empty() {
            blocks.push(Block::text(
                "Every practice the client runs is governed by requirements that meet their \
                 target and conform, as far as they have been assessed.",
            ));
        } else {
            blocks.push(Block::text(format!(
                "{} the client runs while a requirement that governs {} is below target or \
                 nonconforming: the practice works today, but the system does not yet make sure \
                 it keeps working.",
                count(outrunning.len() as u64, "practice", "practices"),
                if outrunning.len() == 1 { "it" } else { "them" },
            )));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Practice", 2.6),
                    Column::new("Capability", 1.1).right(),
                    Column::new("Requirements short of target", 6.0),
                ],
                rows: outrunning
                    .iter()
                    .map(|p| {
                        vec![
                            Cell::new(&p.practice).bold(),
                            Cell::new(p.capability.map_or("–".to_owned(), |c| c.to_string())),
                            Cell::new(
                                p.requirements
                                    .iter()
                                    .filter(|r| r.weak())
                                    .map(shortfall)
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            ),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }
        blocks
    }
}

fn tiles(m: &ExecutionControl) -> Vec<Tile> {
    let outrunning = m.outrunning().count();
    vec![
        Tile {
            label: "Practices (execution)".into(),
            value: fmt_score(m.execution),
            note: format!(
                "mean capability of {} run",
                count(u64::from(m.practices_run), "practice", "practices")
            ),
            accent: BRAND,
        },
        Tile {
            label: "Management system (control)".into(),
            value: fmt_score(m.control),
            note: format!(
                "{} of {} governance requirements assessed{}",
                m.governance_assessed,
                m.governance_total,
                match m.governance_nonconforming {
                    0 => String::new(),
                    n => format!(" · {n} nonconforming"),
                }
            ),
            accent: m.control.map_or(MUTED, |c| score_colours(c).ink),
        },
        Tile {
            label: "Practices ahead of control".into(),
            value: outrunning.to_string(),
            note: "governing requirements below target".into(),
            accent: if outrunning > 0 { RED } else { BRAND },
        },
    ]
}

fn paired_bar(p: &PracticeGovernance) -> PairedBar {
    let gap = match (p.capability, p.governance) {
        (Some(e), Some(c)) if f64::from(e) - c >= 0.05 => {
            format!("ahead by {}", fmt_score(Some(f64::from(e) - c)))
        }
        _ => String::new(),
    };
    PairedBar {
        label: format!("{} ({})", p.practice, p.status.label().to_lowercase()),
        execution: p.capability.map(f64::from),
        control: p.governance,
        note: gap,
        flagged: p.outruns_control,
    }
}

/// "8.5.1.3 Change deployment: level 2 of 3, nonconforming".
fn shortfall(r: &GoverningRequirement) -> String {
    let mut parts = Vec::new();
    if r.below_target {
        parts.push(format!(
            "level {} of {}",
            r.level.map_or("–".to_owned(), |l| l.to_string()),
            r.target
        ));
    }
    if r.nonconforming {
        parts.push("nonconforming".to_owned());
    }
    format!("{} {}: {}", r.clause_id, r.title, parts.join(", "))
}
