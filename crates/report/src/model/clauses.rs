//! Results by clause: every clause with its level or rolled-up score,
//! target, gap and status, then the notes by requirement.

use clausewise_core::format_score as fmt_score;
use clausewise_core::{Judgement, Rating};

use super::{level_cell, Ctx};
use crate::colours::{score_colours, AMBER, GREEN, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Table};

impl Ctx<'_> {
    fn target_of(&self, id: &str) -> u8 {
        self.response(id)
            .and_then(|r| r.target_level)
            .unwrap_or(self.input.assessment.target_level)
    }

    pub(super) fn clauses(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let mut rows = Vec::new();
        for clause in &catalogue.clauses {
            let score = self.dash.scorecard.clause(&clause.id);
            let indent = f32::from(clause.depth) * 8.0;
            let (current, status) = if clause.assessable {
                match self.response(&clause.id).map(|r| r.rating) {
                    Some(Rating::Level { level }) => (level_cell(level), Cell::new("")),
                    Some(Rating::NotApplicable) => {
                        (Cell::new("N/A").colored(MUTED), Cell::new("Not applicable"))
                    }
                    _ => (
                        Cell::new("–").colored(MUTED),
                        Cell::new("Not assessed").colored(MUTED),
                    ),
                }
            } else {
                let s = score.and_then(|s| s.score);
                (
                    match s {
                        Some(v) => Cell::new(fmt_score(Some(v)))
                            .bold()
                            .colored(score_colours(v).ink),
                        None => Cell::new("–").colored(MUTED),
                    },
                    Cell::new(""),
                )
            };
            let gap = score.and_then(|s| s.gap);
            let mut status = status;
            if status.text.is_empty() {
                status = match gap {
                    Some(g) if g > 0.0 => Cell::new("Below target").colored(RED),
                    Some(_) => Cell::new("At target").colored(GREEN),
                    None => Cell::new(""),
                };
            }
            let title = if clause.assessable {
                Cell::new(&clause.title).indented(indent)
            } else {
                Cell::new(&clause.title).bold().indented(indent)
            };
            let id = if clause.assessable {
                Cell::new(&clause.id)
            } else {
                Cell::new(&clause.id).bold()
            };
            // A group's lowest requirement, when its mean hides it.
            let lowest = match score.and_then(|s| s.hidden_weakest()) {
                Some(w) => Cell::new(format!("{}: {}", w.clause_id, w.level))
                    .colored(score_colours(f64::from(w.level)).ink),
                None => Cell::new(""),
            };
            // A requirement's conformity as it stands, open findings counted.
            let conformity = match self.standings.iter().find(|s| s.clause_id == clause.id) {
                Some(s) => {
                    let cell = Cell::new(s.effective.short_label());
                    match s.effective {
                        Judgement::MajorNonconformity => cell.colored(RED).bold(),
                        Judgement::MinorNonconformity | Judgement::NotYetEvidenced => {
                            cell.colored(AMBER)
                        }
                        Judgement::Conforms => cell.colored(GREEN),
                        Judgement::NotJudged => cell.colored(MUTED),
                    }
                }
                None => Cell::new(""),
            };
            rows.push(vec![
                id,
                title,
                current,
                conformity,
                lowest,
                Cell::new(fmt_score(score.and_then(|s| s.target))),
                Cell::new(fmt_score(gap)),
                status,
            ]);
        }
        let mut blocks = vec![
            Block::small(vec![Span::muted(
                "Requirements show their rated level and their conformity as it stands (an open \
                 nonconformity finding raises what was recorded); clauses in bold show the \
                 rolled-up mean of their sub-clauses and, under Lowest, the requirement below that mean with \
                 its level: a mean can hide a requirement that alone stands in the way of \
                 certification.",
            )]),
            Block::Table(Table {
                columns: vec![
                    Column::new("Clause", 0.9),
                    Column::new("Title", 2.9),
                    Column::new("Current", 0.9).center(),
                    Column::new("Conformity", 1.3),
                    Column::new("Lowest", 1.0),
                    Column::new("Target", 0.9).right(),
                    Column::new("Gap", 0.8).right(),
                    Column::new("Status", 1.5),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ];

        blocks.extend(self.clause_comments());
        blocks.push(Block::h2("Notes by requirement"));
        let mut any = false;
        for clause in catalogue.assessable() {
            let Some(r) = self.response(&clause.id) else {
                continue;
            };
            if r.notes.trim().is_empty()
                && r.evidence.trim().is_empty()
                && r.interviewees.trim().is_empty()
            {
                continue;
            }
            any = true;
            let rating = match r.rating {
                Rating::Level { level } => {
                    format!("level {level}, target {}", self.target_of(&clause.id))
                }
                Rating::NotApplicable => "not applicable".to_owned(),
                Rating::NotAssessed => "not assessed".to_owned(),
            };
            blocks.push(Block::h3(format!(
                "{} {} ({rating})",
                clause.id, clause.title
            )));
            for (label, text) in [
                ("Notes", &r.notes),
                ("Evidence seen", &r.evidence),
                ("Interviewed", &r.interviewees),
            ] {
                if !text.trim().is_empty() {
                    blocks.push(Block::small(vec![
                        Span::bold(format!("{label}:")),
                        Span::plain(text.trim()),
                    ]));
                }
            }
        }
        if !any {
            blocks.push(Block::text("No notes were recorded."));
        }
        blocks
    }
}
