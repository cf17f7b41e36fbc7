//! Results by clause: every clause with its level or rolled-up score,
//! target, gap and status, then the notes by requirement.

use clausewise_core::{tr, Judgement, Rating};

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
        let lang = self.lang;
        let mut rows = Vec::new();
        for clause in &catalogue.clauses {
            let score = self.dash.scorecard.clause(&clause.id);
            let indent = f32::from(clause.depth) * 8.0;
            let (current, status) = if clause.assessable {
                match self.response(&clause.id).map(|r| r.rating) {
                    Some(Rating::Level { level }) => (level_cell(level), Cell::new("")),
                    Some(Rating::NotApplicable) => (
                        Cell::new(tr!(lang, "rating-not-applicable-short")).colored(MUTED),
                        Cell::new(tr!(lang, "clauses-not-applicable")),
                    ),
                    _ => (
                        Cell::new("–").colored(MUTED),
                        Cell::new(tr!(lang, "clauses-not-assessed")).colored(MUTED),
                    ),
                }
            } else {
                let s = score.and_then(|s| s.score);
                (
                    match s {
                        Some(v) => Cell::new(lang.score(Some(v)))
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
                    Some(g) if g > 0.0 => Cell::new(tr!(lang, "clauses-below-target")).colored(RED),
                    Some(_) => Cell::new(tr!(lang, "clauses-at-target")).colored(GREEN),
                    None => Cell::new(""),
                };
            }
            let title = if clause.assessable {
                Cell::new(self.clause_title(&clause.id)).indented(indent)
            } else {
                Cell::new(self.clause_title(&clause.id))
                    .bold()
                    .indented(indent)
            };
            let id = if clause.assessable {
                Cell::new(&clause.id)
            } else {
                Cell::new(&clause.id).bold()
            };
            // A group's lowest requirement, when its mean hides it.
            let lowest = match score.and_then(|s| s.hidden_weakest()) {
                Some(w) => Cell::new(format!("{}{}{}", w.clause_id, lang.colon(), w.level))
                    .colored(score_colours(f64::from(w.level)).ink),
                None => Cell::new(""),
            };
            // A requirement's conformity as it stands, open findings counted.
            let conformity = match self.standings.iter().find(|s| s.clause_id == clause.id) {
                Some(s) => {
                    let cell = Cell::new(self.label("judgement-short", s.effective));
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
                Cell::new(lang.score(score.and_then(|s| s.target))),
                Cell::new(lang.score(gap)),
                status,
            ]);
        }
        let mut blocks = vec![
            Block::small(vec![Span::muted(tr!(lang, "clauses-intro"))]),
            Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-clause"), 0.9),
                    Column::new(&tr!(lang, "col-title"), 2.9),
                    Column::new(&tr!(lang, "col-current"), 0.9).center(),
                    Column::new(&tr!(lang, "col-conformity"), 1.3),
                    Column::new(&tr!(lang, "col-lowest"), 1.0),
                    Column::new(&tr!(lang, "col-target"), 0.9).right(),
                    Column::new(&tr!(lang, "col-gap"), 0.8).right(),
                    Column::new(&tr!(lang, "col-status"), 1.5),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ];

        blocks.extend(self.clause_comments());
        blocks.push(Block::h2(tr!(lang, "clauses-notes")));
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
                Rating::Level { level } => tr!(
                    lang,
                    "clauses-level-target",
                    level = level,
                    target = self.target_of(&clause.id)
                ),
                Rating::NotApplicable => tr!(lang, "charts-not-applicable"),
                Rating::NotAssessed => tr!(lang, "charts-not-assessed"),
            };
            blocks.push(Block::h3(format!(
                "{} {} ({rating})",
                clause.id,
                self.clause_title(&clause.id)
            )));
            for (label, text) in [
                ("clauses-label-notes", &r.notes),
                ("clauses-label-evidence", &r.evidence),
                ("clauses-label-interviewed", &r.interviewees),
            ] {
                if !text.trim().is_empty() {
                    blocks.push(Block::small(vec![
                        Span::bold(tr!(lang, label)),
                        Span::plain(text.trim()),
                    ]));
                }
            }
        }
        if !any {
            blocks.push(Block::text(tr!(lang, "clauses-no-notes")));
        }
        blocks
    }
}
