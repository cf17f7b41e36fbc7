//! Requirements judged not applicable, with their justification.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::{tr, ClauseResponse, NaBasis, Rating};

use super::Ctx;
use crate::colours::RED;
use crate::layout::{Block, Cell, Column, Span, Table};

impl Ctx<'_> {
    pub(super) fn not_applicable(&self) -> Vec<Block> {
        let mut rows: Vec<&ClauseResponse> = self
            .input
            .responses
            .iter()
            .filter(|r| r.rating == Rating::NotApplicable)
            .collect();
        rows.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
        let lang = self.lang;
        let mut blocks = vec![Block::text(tr!(lang, "not-applicable-intro"))];
        if rows.is_empty() {
            blocks.push(Block::spans(vec![Span::bold(tr!(
                lang,
                "not-applicable-none"
            ))]));
            return blocks;
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(&tr!(lang, "col-requirement"), 2.4),
                Column::new(&tr!(lang, "col-basis"), 1.3),
                Column::new(&tr!(lang, "col-justification"), 4.4),
            ],
            rows: rows
                .into_iter()
                .map(|r| {
                    vec![
                        Cell::new(format!(
                            "{} {}",
                            r.clause_id,
                            self.clause_title(&r.clause_id)
                        ))
                        .bold(),
                        match r.na_basis {
                            NaBasis::NoInstances => Cell::new(self.label("na-basis", r.na_basis)),
                            NaBasis::Exclusion => {
                                Cell::new(self.label("na-basis", r.na_basis)).colored(RED)
                            }
                        },
                        Cell::new(r.na_justification.trim()),
                    ]
                })
                .collect(),
            size: 8.5,
            header: true,
        }));
        blocks
    }
}
