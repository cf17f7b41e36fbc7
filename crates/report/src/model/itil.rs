//! The appendix: the ITIL 4 practices that usually support each
//! requirement.

use super::Ctx;
use crate::colours::INK;
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    pub(super) fn itil(&self) -> Vec<Block> {
        vec![
            Block::text(
                "The ITIL 4 practices that usually support each requirement: where a \
                 requirement falls short, these are the practices to look at first.",
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
                        vec![
                            Cell::new(format!("{} {}", c.id, c.title)),
                            Cell::new(c.itil_practices.join(", ")).colored(INK),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }),
        ]
    }
}
