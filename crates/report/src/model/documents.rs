//! The documented information the standard expects, as a checklist.

use clausewise_core::Rating;

use super::{level_cell, Ctx};
use crate::colours::{GREEN, MUTED};
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    /// ☑ seen, ☒ missing, ☐ not checked: the checklist of 7.5.4 as
    /// recorded; other requirements' items are a checklist to work through.
    fn document_mark(&self, clause_id: &str, item: &str) -> char {
        if clause_id != "7.5.4" {
            return '☐';
        }
        match self
            .input
            .documents
            .iter()
            .find(|d| d.item == item)
            .and_then(|d| d.present)
        {
            Some(true) => '☑',
            Some(false) => '☒',
            None => '☐',
        }
    }

    pub(super) fn documents(&self) -> Vec<Block> {
        let mut rows = Vec::new();
        for clause in self.input.catalogue.assessable() {
            if clause.documented_information.is_empty() {
                continue;
            }
            let r = self.response(&clause.id);
            let level = match r.map(|r| r.rating) {
                Some(Rating::Level { level }) => level_cell(level),
                Some(Rating::NotApplicable) => Cell::new("N/A").colored(MUTED),
                _ => Cell::new("–").colored(MUTED),
            };
            let seen = r.is_some_and(|r| !r.evidence.trim().is_empty());
            rows.push(vec![
                Cell::new(format!("{} {}", clause.id, clause.title)),
                Cell::new(
                    clause
                        .documented_information
                        .iter()
                        .map(|d| format!("{} {d}", self.document_mark(&clause.id, d)))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                level,
                if seen {
                    Cell::new("Recorded").colored(GREEN)
                } else {
                    Cell::new("None recorded").colored(MUTED)
                },
            ]);
        }
        vec![
            Block::text(
                "The documented information the standard expects, requirement by requirement, as \
                 a checklist for the client's document owners. The level and the evidence column \
                 show what the assessment found; for the documented information of the SMS \
                 (7.5.4), ☑ marks an item seen, ☒ one missing and ☐ one not checked yet.",
            ),
            Block::Table(Table {
                columns: vec![
                    Column::new("Requirement", 2.4),
                    Column::new("Documented information expected", 4.6),
                    Column::new("Level", 0.8).center(),
                    Column::new("Evidence seen", 1.3),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ]
    }
}
