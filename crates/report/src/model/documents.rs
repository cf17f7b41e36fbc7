//! The documented information the standard expects, as a register: each
//! item with what was found (seen, approved, current) and the evidence item
//! it was seen as.

use clausewise_core::i18n::document_item;
use clausewise_core::{tr, Rating};

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
        let lang = self.lang;
        let shown = document_item(lang, self.input.catalogue, clause_id, item);
        let Some(check) = check.filter(|c| c.present.is_some()) else {
            return format!(
                "☐ {shown}{}{}",
                lang.colon(),
                tr!(lang, "documents-not-checked")
            );
        };
        let mark = if check.present == Some(true) {
            '☑'
        } else {
            '☒'
        };
        let mut status = check.status_in(lang).to_lowercase();
        if let Some(code) = check.evidence_id.and_then(|id| {
            self.input
                .engagement
                .and_then(|e| e.evidence.iter().find(|x| x.id == id))
                .map(|x| x.code.clone())
        }) {
            status.push_str(&format!(" ({code})"));
        }
        format!("{mark} {shown}{}{status}", lang.colon())
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
        let lang = self.lang;
        let mut rows = Vec::new();
        for clause in self.input.catalogue.assessable() {
            if clause.documented_information.is_empty() {
                continue;
            }
            let r = self.response(&clause.id);
            let level = match r.map(|r| r.rating) {
                Some(Rating::Level { level }) => level_cell(level),
                Some(Rating::NotApplicable) => {
                    Cell::new(tr!(lang, "rating-not-applicable-short")).colored(MUTED)
                }
                _ => Cell::new("–").colored(MUTED),
            };
            let seen = r.is_some_and(|r| !r.evidence.trim().is_empty());
            rows.push(vec![
                Cell::new(format!("{} {}", clause.id, self.clause_title(&clause.id))),
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
                    Cell::new(tr!(lang, "documents-recorded")).colored(GREEN)
                } else {
                    Cell::new(tr!(lang, "documents-none-recorded")).colored(MUTED)
                },
            ]);
        }
        let (seen, missing, unchecked) = self.register_counts();
        vec![
            Block::text(tr!(
                lang,
                "documents-intro",
                total = seen + missing + unchecked,
                seen = seen,
                missing = missing,
                unchecked = unchecked
            )),
            Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-requirement"), 2.4),
                    Column::new(&tr!(lang, "col-documents-expected"), 4.6),
                    Column::new(&tr!(lang, "col-level"), 0.8).center(),
                    Column::new(&tr!(lang, "col-evidence-noted"), 1.3),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ]
    }
}
