//! The appendix: the ITIL 4 practices that usually support each
//! requirement, and the requirements that govern the management system
//! itself, which no practice covers.

use super::Ctx;
use crate::colours::{INK, MUTED};
use crate::layout::{Block, Cell, Column, Table};
use clausewise_core::tr;

impl Ctx<'_> {
    pub(super) fn itil(&self) -> Vec<Block> {
        let lang = self.lang;
        vec![
            Block::text(tr!(lang, "itil-intro")),
            Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-requirement"), 3.0),
                    Column::new(&tr!(lang, "col-itil-practices"), 5.0),
                ],
                rows: self
                    .input
                    .catalogue
                    .assessable()
                    .map(|c| {
                        let practices = if c.sms_governance {
                            Cell::new(tr!(lang, "itil-governance")).colored(MUTED)
                        } else {
                            Cell::new(c.itil_practices.join(", ")).colored(INK)
                        };
                        vec![
                            Cell::new(format!("{} {}", c.id, self.clause_title(&c.id))),
                            practices,
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }),
        ]
    }
}
