//! The method: scope and facts of the assessment, the people interviewed,
//! the maturity scale, how scores are calculated and the readiness rule.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::verdicts::Stage;
use clausewise_core::ClauseResponse;

use super::{level_cell, Ctx};
use crate::layout::{Block, Cell, Column, Span, Table};

impl Ctx<'_> {
    pub(super) fn method(&self) -> Vec<Block> {
        let a = self.input.assessment;
        let mut blocks = vec![Block::h2("Scope")];
        blocks.push(Block::text(if a.scope.trim().is_empty() {
            "No scope was recorded for this assessment.".to_owned()
        } else {
            a.scope.trim().to_owned()
        }));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new("", 1.4), Column::new("", 4.0)],
            rows: vec![
                vec![
                    Cell::new("Client").bold(),
                    Cell::new(self.input.client_name),
                ],
                vec![Cell::new("Assessment").bold(), Cell::new(&a.title)],
                vec![
                    Cell::new("Assessors").bold(),
                    Cell::new(if a.assessors.trim().is_empty() {
                        "–"
                    } else {
                        a.assessors.trim()
                    }),
                ],
                vec![
                    Cell::new("Standard").bold(),
                    Cell::new(self.input.catalogue.standard()),
                ],
                vec![
                    Cell::new("Target maturity").bold(),
                    Cell::new(format!("Level {}", a.target_level)),
                ],
                vec![
                    Cell::new("Fieldwork").bold(),
                    Cell::new(a.fieldwork().unwrap_or_else(|| "–".to_owned())),
                ],
                vec![
                    Cell::new("Started").bold(),
                    Cell::new(a.created_at.format("%-d %B %Y").to_string()),
                ],
                vec![
                    Cell::new("Last changed").bold(),
                    Cell::new(a.updated_at.format("%-d %B %Y").to_string()),
                ],
            ],
            size: 9.0,
            header: false,
        }));

        if let Some(e) = self.input.engagement {
            blocks.extend(scope_blocks(e));
        }

        blocks.push(Block::h2("People interviewed"));
        let people = interviewees(self.input.responses);
        if let Some(e) = self.input.engagement.filter(|e| !e.interviews.is_empty()) {
            blocks.extend(interview_blocks(e));
        } else if people.is_empty() {
            blocks.push(Block::text("No interviewees were recorded."));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Person", 2.2),
                    Column::new("Requirements discussed", 4.0),
                ],
                rows: people
                    .into_iter()
                    .map(|(name, clauses)| vec![Cell::new(name), Cell::new(clauses.join(", "))])
                    .collect(),
                size: 8.5,
                header: true,
            }));
        }

        blocks.push(Block::h2("Maturity scale"));
        blocks.push(Block::text(
            "Each requirement was rated on a six-level scale modelled on the ISO/IEC 33020 \
             capability levels. A requirement is either rated, not yet assessed, or not \
             applicable with a recorded justification.",
        ));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Level", 0.8).center(),
                Column::new("Name", 1.5),
                Column::new("What it looks like", 6.0),
            ],
            rows: self
                .input
                .catalogue
                .maturity_levels
                .iter()
                .map(|l| {
                    vec![
                        level_cell(l.level),
                        Cell::new(&l.name).bold(),
                        Cell::new(&l.descriptor),
                    ]
                })
                .collect(),
            size: 8.5,
            header: true,
        }));

        blocks.push(Block::h2("How the scores are calculated"));
        for rule in [
            "A requirement's score is its rated level. Requirements not assessed or not \
             applicable have no score and do not count.",
            "A clause's score is the mean of the scores of its direct sub-clauses; its target \
             is the mean of the same sub-clauses' targets, so score and target always compare \
             like with like.",
            "The overall score is the mean of clauses 4 to 10.",
            "The gap is the target minus the score, never below zero. Coverage is the share of \
             requirements that are rated or justified as not applicable.",
        ] {
            blocks.push(Block::spans(vec![Span::muted("•  "), Span::plain(rule)]));
        }
        blocks.push(Block::h2("Readiness rules"));
        blocks.push(Block::text(
            "Readiness is judged on conformity, not on maturity: each requirement is judged \
             conforming, a minor or a major nonconformity, or not yet evidenced, and an open \
             nonconformity finding sets the judgement of its requirement. Two verdicts follow, \
             each by its own rule:",
        ));
        for stage in Stage::ALL {
            blocks.push(Block::h3(stage.label()));
            for rule in stage.rule() {
                blocks.push(Block::spans(vec![Span::muted("•  "), Span::plain(*rule)]));
            }
        }
        blocks
    }
}

/// The people interviewed, each with the requirements they were interviewed
/// on, in the order they first appear.
/// The scope as recorded: services, sites and units, and the other parties
/// with the processes each operates (8.2.3).
fn scope_blocks(e: &clausewise_core::engagement::Engagement) -> Vec<Block> {
    use clausewise_core::engagement::ScopeKind;
    let mut blocks = Vec::new();
    let of = |k: ScopeKind| e.scope.iter().filter(move |s| s.kind == k);
    let dash = |s: &str| {
        if s.is_empty() {
            "–".to_owned()
        } else {
            s.to_owned()
        }
    };
    let services: Vec<_> = of(ScopeKind::Service).collect();
    if !services.is_empty() {
        blocks.push(Block::h3("Services in scope"));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Service", 2.4),
                Column::new("Owner", 1.4),
                Column::new("Criticality", 0.9),
                Column::new("Customers", 1.8),
                Column::new("Agreement", 1.4),
            ],
            rows: services
                .iter()
                .map(|s| {
                    vec![
                        Cell::new(&s.name),
                        Cell::new(dash(&s.owner)),
                        Cell::new(s.criticality.map_or("–", |c| c.label())),
                        Cell::new(dash(&s.customers)),
                        Cell::new(dash(&s.reference)),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
    }
    let places: Vec<String> = [ScopeKind::Site, ScopeKind::Unit]
        .into_iter()
        .filter_map(|k| {
            let names: Vec<&str> = of(k).map(|s| s.name.as_str()).collect();
            (!names.is_empty()).then(|| format!("{}: {}.", k.heading(), names.join(", ")))
        })
        .collect();
    if !places.is_empty() {
        blocks.push(Block::text(places.join(" ")));
    }
    if !e.matrix.is_empty() {
        blocks.push(Block::h3(
            "Other parties and the processes they operate (8.2.3)",
        ));
        let parties: Vec<String> = e
            .matrix
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let reference = if p.reference.is_empty() {
                    String::new()
                } else {
                    format!("; {}", p.reference)
                };
                format!(
                    "P{} {} ({}{reference})",
                    i + 1,
                    p.name,
                    p.kind.label().to_lowercase()
                )
            })
            .collect();
        blocks.push(Block::text(parties.join(". ") + "."));
        let mut columns = vec![Column::new("Process", 3.0)];
        let labels: Vec<String> = (1..=e.matrix.parties.len())
            .map(|i| format!("P{i}"))
            .collect();
        for label in &labels {
            columns.push(Column::new(label, 0.5).center());
        }
        let rows = e
            .matrix
            .processes
            .iter()
            .filter(|p| p.operated_by.iter().any(|x| *x))
            .map(|p| {
                let mut row = vec![Cell::new(format!("{} {}", p.clause_id, p.title))];
                row.extend(
                    p.operated_by
                        .iter()
                        .map(|x| Cell::new(if *x { "●" } else { "" })),
                );
                row
            })
            .collect::<Vec<_>>();
        if rows.is_empty() {
            blocks.push(Block::text(
                "No process is recorded as operated by another party.",
            ));
        } else {
            blocks.push(Block::Table(Table {
                columns,
                rows,
                size: 8.0,
                header: true,
            }));
        }
    }
    blocks
}

/// The interview sessions, and what no one was asked about.
fn interview_blocks(e: &clausewise_core::engagement::Engagement) -> Vec<Block> {
    let name = |id: &uuid::Uuid| {
        e.people.iter().find(|p| p.id == *id).map(|p| {
            if p.role.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.role)
            }
        })
    };
    let rows = e
        .interviews
        .iter()
        .map(|i| {
            let when = if i.time.is_empty() {
                i.held_on.format("%-d %b %Y").to_string()
            } else {
                format!("{} {}", i.held_on.format("%-d %b %Y"), i.time)
            };
            let people: Vec<String> = i.person_ids.iter().filter_map(name).collect();
            vec![
                Cell::new(when),
                Cell::new(if people.is_empty() {
                    "–".to_owned()
                } else {
                    people.join("\n")
                }),
                Cell::new(if i.clause_ids.is_empty() {
                    "–".to_owned()
                } else {
                    i.clause_ids.join(", ")
                }),
            ]
        })
        .collect();
    let c = &e.coverage;
    let total = c.covered + c.never_discussed;
    let mut blocks = vec![Block::Table(Table {
        columns: vec![
            Column::new("Session", 1.3),
            Column::new("People", 2.6),
            Column::new("Requirements covered", 3.0),
        ],
        rows,
        size: 8.0,
        header: true,
    })];
    let gaps: Vec<String> = c
        .rows
        .iter()
        .filter(|r| r.interview_ids.is_empty())
        .map(|r| format!("{} {}", r.clause_id, r.title))
        .collect();
    blocks.push(Block::text(if gaps.is_empty() {
        format!("The interviews covered all {total} requirements.")
    } else {
        format!(
            "The interviews covered {} of {total} requirements. Never discussed with anyone: {}.",
            c.covered,
            gaps.join("; ")
        )
    }));
    blocks
}

fn interviewees(responses: &[ClauseResponse]) -> Vec<(String, Vec<String>)> {
    let mut sorted: Vec<&ClauseResponse> = responses.iter().collect();
    sorted.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    for r in sorted {
        for name in split_names(&r.interviewees) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let key = name.to_lowercase();
            match people.iter_mut().find(|(n, _)| n.to_lowercase() == key) {
                Some((_, clauses)) => {
                    if !clauses.contains(&r.clause_id) {
                        clauses.push(r.clause_id.clone());
                    }
                }
                None => people.push((name.to_owned(), vec![r.clause_id.clone()])),
            }
        }
    }
    people
}

/// Splits a list of people at commas, semicolons and line breaks, but not
/// inside parentheses: "Ana (IT, Hamburg), Jo" is two people.
fn split_names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' | ';' | '\n' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_outside_parentheses_only() {
        assert_eq!(
            split_names("Ana Lima (IT, Hamburg), Jo; Kim\nLee (a; b)"),
            vec!["Ana Lima (IT, Hamburg)", " Jo", " Kim", "Lee (a; b)"]
        );
    }
}
