//! The roadmap: open actions by the audit milestone they are needed for.

use std::collections::BTreeMap;

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::finding::{Finding, Phase};
use clausewise_core::text::{count, plural};

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
        let mut blocks = vec![Block::text(
            "Open actions, by the audit milestone they are needed for, highest priority and \
             earliest due date first.",
        )];
        if by_phase.is_empty() {
            blocks.push(Block::text("There are no open actions."));
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
                Some(p) => p.label(),
                None => "Not yet scheduled",
            }));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("#", 0.4).right(),
                    Column::new("Action", 3.9),
                    Column::new("Clause", 0.9),
                    Column::new("Priority", 0.9),
                    Column::new("Owner", 1.5),
                    Column::new("Due", 1.1),
                    Column::new("Status", 1.3),
                ],
                rows: list
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let priority = Cell::new(f.priority.label()).colored(match f.priority {
                            clausewise_core::finding::Priority::High => RED,
                            clausewise_core::finding::Priority::Medium => AMBER,
                            clausewise_core::finding::Priority::Low => MUTED,
                        });
                        vec![
                            Cell::new((i + 1).to_string()).colored(MUTED),
                            Cell::new(format!("{} ({})", f.title, f.kind.label().to_lowercase())),
                            Cell::new(&f.clause_id),
                            priority,
                            Cell::new(if f.owner.trim().is_empty() {
                                "–"
                            } else {
                                f.owner.trim()
                            }),
                            Cell::new(
                                f.due_date.map_or("–".to_owned(), |d| {
                                    d.format("%-d %b %Y").to_string()
                                }),
                            ),
                            // A nonconformity's status is where its
                            // corrective action cycle stands.
                            Cell::new(f.stage().map_or(f.status.label(), |s| s.short_label())),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }
        if closed > 0 {
            blocks.push(Block::small(vec![Span::muted(closed_note(closed))]));
        }
        blocks
    }
}

/// "1 closed finding is not listed."
pub(super) fn closed_note(n: u32) -> String {
    format!(
        "{} {} not listed.",
        count(n, "closed finding", "closed findings"),
        plural(n, "is", "are")
    )
}
