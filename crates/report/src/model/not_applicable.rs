//! Requirements judged not applicable, with their justification.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::{ClauseResponse, NaBasis, Rating};

use super::{clause_title, Ctx};
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
        let mut blocks = vec![Block::text(
            "The standard allows no exclusions of its requirements. A requirement may have no \
             instances in the scope (no internal suppliers, say), which is recorded as such; a \
             claimed exclusion stands in the way of certification. Each is listed here with its \
             justification for the auditor's attention.",
        )];
        if rows.is_empty() {
            blocks.push(Block::spans(vec![Span::bold(
                "No requirement was marked not applicable.",
            )]));
            return blocks;
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Requirement", 2.4),
                Column::new("Basis", 1.3),
                Column::new("Justification", 4.4),
            ],
            rows: rows
                .into_iter()
                .map(|r| {
                    vec![
                        Cell::new(format!(
                            "{} {}",
                            r.clause_id,
                            clause_title(self.input.catalogue, &r.clause_id)
                        ))
                        .bold(),
                        match r.na_basis {
                            NaBasis::NoInstances => Cell::new(r.na_basis.label()),
                            NaBasis::Exclusion => Cell::new(r.na_basis.label()).colored(RED),
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
