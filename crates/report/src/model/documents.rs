//! The documented information the standard expects, as a register: each
//! item with what was found (seen, approved, current) and the evidence item
//! it was seen as.

use clausewise_core::Rating;

use super::{level_cell, Ctx};
use crate::colours::{GREEN, MUTED};
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    /// "☑ SMS scope — approved, current (E-02)", "☒ … — missing", "☐ … —
    /// not checked".
    fn document_line(&self, clause_id: &str, item: &str) -> String {
        let check = self
            .input
            .documents
            .iter()
            .find(|d| d.clause_id == clause_id && d.item == item);
        let Some(check) = check.filter(|c| c.present.is_some()) else {
            return format!("☐ {item}: not checked");
        };
        let mark = if check.present == Some(true) {
            '☑'
        } else {
            '☒'
        };
        let mut status = check.status().to_lowercase();
        if let Some(code) = check.evidence_id.and_then(|id| {
            self.input
                .engagement
                .and_then(|e| e.evidence.iter().find(|x| x.id == id))
                .map(|x| x.code.clone())
        }) {
            status.push_str(&format!(" ({code})"));
        }
        format!("{mark} {item}: {status}")
    }

    /// How many items were seen, missing and not checked.
    fn register_counts(&self) -> (usize, usize, usize) {
        let all =
            clausewise_core::verdicts::fill_register(self.input.catalogue, self.input.documents);
        let seen = all.iter().filter(|d| d.present == Some(true)).count();
        let missing = all.iter().filter(|d| d.present == Some(false)).count();
        (seen, missing, all.len() - seen - missing)
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
                        .map(|d| self.document_line(&clause.id, d))
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
        let (seen, missing, unchecked) = self.register_counts();
        vec![
            Block::text(format!(
                "The documented information the standard expects, requirement by requirement, \
                 and what the assessment found: ☑ seen (with whether it is approved and the \
                 current version, and the evidence item it was seen as), ☒ missing, ☐ not \
                 checked. Of {} items, {seen} were seen, {missing} {} missing and {unchecked} \
                 {} not checked. The level column shows the requirement's maturity.",
                seen + missing + unchecked,
                if missing == 1 { "is" } else { "are" },
                if unchecked == 1 { "was" } else { "were" },
            )),
            Block::Table(Table {
                columns: vec![
                    Column::new("Requirement", 2.4),
                    Column::new("Documented information expected", 4.6),
                    Column::new("Level", 0.8).center(),
                    Column::new("Evidence noted", 1.3),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ]
    }
}
