//! The roadmap: open actions by the audit milestone they are needed for.

use std::collections::BTreeMap;

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::finding::{Finding, Phase};
use clausewise_core::i18n::Lang;
use clausewise_core::tr;

use super::Ctx;
use crate::colours::{AMBER, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Table};

impl Ctx<'_> {
    pub(super) fn roadmap(&self) -> Vec<Block> {
        let mut by_phase: BTreeMap<Option<Phase>, Vec<&Finding>> = BTreeMap::new();
        let mut closed = 0u32;
        for f in self.input.findings {
            if !f.kind.calls_for_action() {
                continue;
            }
            if !f.is_open() {
                closed += 1;
                continue;
            }
            by_phase.entry(f.phase).or_default().push(f);
        }
        let lang = self.lang;
        let mut blocks = vec![Block::text(tr!(lang, "roadmap-intro"))];
        if by_phase.is_empty() {
            blocks.push(Block::text(tr!(lang, "roadmap-none")));
        }
        let phases = Phase::ALL.iter().map(|p| Some(*p)).chain([None]);
        for phase in phases {
            let Some(list) = by_phase.get_mut(&phase) else {
                continue;
            };
            list.sort_by(|a, b| {
                a.priority
                    .cmp(&b.priority)
                    .then_with(|| match (a.due_date, b.due_date) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    })
                    .then_with(|| compare_clause_ids(&a.clause_id, &b.clause_id))
            });
            blocks.push(Block::h2(match phase {
                Some(p) => self.label("phase", p),
                None => tr!(lang, "roadmap-not-scheduled"),
            }));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("#", 0.4).right(),
                    Column::new(&tr!(lang, "col-action"), 3.9),
                    Column::new(&tr!(lang, "col-clause"), 0.9),
                    Column::new(&tr!(lang, "col-priority"), 0.9),
                    Column::new(&tr!(lang, "col-owner"), 1.5),
                    Column::new(&tr!(lang, "col-due"), 1.1),
                    Column::new(&tr!(lang, "col-status"), 1.3),
                ],
                rows: list
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let priority = Cell::new(self.label("priority", f.priority)).colored(
                            match f.priority {
                                clausewise_core::finding::Priority::High => RED,
                                clausewise_core::finding::Priority::Medium => AMBER,
                                clausewise_core::finding::Priority::Low => MUTED,
                            },
                        );
                        vec![
                            Cell::new((i + 1).to_string()).colored(MUTED),
                            Cell::new(format!(
                                "{} ({})",
                                f.title,
                                lang.in_sentence(&self.label("finding-kind", f.kind))
                            )),
                            Cell::new(&f.clause_id),
                            priority,
                            Cell::new(if f.owner.trim().is_empty() {
                                "–"
                            } else {
                                f.owner.trim()
                            }),
                            Cell::new(f.due_date.map_or("–".to_owned(), |d| lang.short_date(d))),
                            // A nonconformity's status is where its
                            // corrective action cycle stands.
                            Cell::new(f.stage().map_or_else(
                                || self.label("finding-status", f.status),
                                |s| self.label("nc-stage-short", s),
                            )),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }
        if closed > 0 {
            blocks.push(Block::small(vec![Span::muted(closed_note(lang, closed))]));
        }
        blocks
    }
}

/// "1 closed finding is not listed."
pub(super) fn closed_note(lang: Lang, n: u32) -> String {
    tr!(lang, "roadmap-closed", n = n)
}
