//! The appendix: the ITIL 4 practices that usually support each
//! requirement, and the requirements that govern the management system
//! itself, which no practice covers.

use super::Ctx;
use crate::colours::{INK, MUTED};
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    pub(super) fn itil(&self) -> Vec<Block> {
        vec![
            Block::text(
                "The ITIL 4 practices that usually support each requirement: where a \
                 requirement falls short, these are the practices to look at first. \
                 Requirements marked SMS governance are about running the management \
                 system itself (leadership, roles, documented information, internal \
                 audit, management review, corrective action): no ITIL 4 practice \
                 covers them.",
            ),
            Block::Table(Table {
                columns: vec![
                    Column::new("Requirement", 3.0),
                    Column::new("ITIL 4 practices", 5.0),
                ],
                rows: self
                    .input
                    .catalogue
                    .assessable()
                    .map(|c| {
                        let practices = if c.sms_governance {
                            Cell::new(GOVERNANCE).colored(MUTED)
                        } else {
                            Cell::new(c.itil_practices.join(", ")).colored(INK)
                        };
                        vec![Cell::new(format!("{} {}", c.id, c.title)), practices]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }),
        ]
    }
}

/// What the appendix says for a requirement on the management system itself.
const GOVERNANCE: &str = "SMS governance: no ITIL 4 practice equivalent";
