//! The method: scope and facts of the assessment, the people interviewed,
//! the maturity scale, how scores are calculated and the readiness rule.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::i18n::{level_descriptor, level_name, Lang};
use clausewise_core::verdicts::Stage;
use clausewise_core::{tr, ClauseResponse};

use super::{label, level_cell, Ctx};
use crate::layout::{Block, Cell, Column, Span, Table};

impl Ctx<'_> {
    pub(super) fn method(&self) -> Vec<Block> {
        let a = self.input.assessment;
        let lang = self.lang;
        let row = |key: &str| Cell::new(tr!(lang, key)).bold();
        let mut blocks = vec![Block::h2(tr!(lang, "method-scope"))];
        blocks.push(Block::text(if a.scope.trim().is_empty() {
            tr!(lang, "method-no-scope")
        } else {
            a.scope.trim().to_owned()
        }));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new("", 1.4), Column::new("", 4.0)],
            rows: vec![
                vec![row("cover-client"), Cell::new(self.input.client_name)],
                vec![row("method-assessment"), Cell::new(&a.title)],
                vec![
                    row("cover-assessors"),
                    Cell::new(if a.assessors.trim().is_empty() {
                        "–"
                    } else {
                        a.assessors.trim()
                    }),
                ],
                vec![
                    row("cover-standard"),
                    Cell::new(self.input.catalogue.standard()),
                ],
                vec![
                    row("method-target-maturity"),
                    Cell::new(tr!(lang, "method-level", level = a.target_level)),
                ],
                vec![
                    row("cover-fieldwork"),
                    Cell::new(a.fieldwork_in(lang).unwrap_or_else(|| "–".to_owned())),
                ],
                vec![
                    row("method-started"),
                    Cell::new(lang.date(a.created_at.date_naive())),
                ],
                vec![
                    row("method-last-changed"),
                    Cell::new(lang.date(a.updated_at.date_naive())),
                ],
            ],
            size: 9.0,
            header: false,
        }));

        if let Some(e) = self.input.engagement {
            blocks.extend(scope_blocks(lang, e));
        }

        blocks.push(Block::h2(tr!(lang, "method-people-interviewed")));
        let people = interviewees(self.input.responses);
        if let Some(e) = self.input.engagement.filter(|e| !e.interviews.is_empty()) {
            blocks.extend(interview_blocks(lang, e));
        } else if people.is_empty() {
            blocks.push(Block::text(tr!(lang, "method-no-interviewees")));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-person"), 2.2),
                    Column::new(&tr!(lang, "col-requirements-discussed"), 4.0),
                ],
                rows: people
                    .into_iter()
                    .map(|(name, clauses)| vec![Cell::new(name), Cell::new(clauses.join(", "))])
                    .collect(),
                size: 8.5,
                header: true,
            }));
        }

        if self.options.name_assessors && !self.input.assessed_by.is_empty() {
            blocks.push(Block::h2(tr!(lang, "method-assessed-by")));
            blocks.push(Block::text(tr!(lang, "method-assessed-by-intro")));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-assessor"), 2.2),
                    Column::new(&tr!(lang, "col-requirements-assessed"), 4.0),
                ],
                rows: self
                    .input
                    .assessed_by
                    .iter()
                    .map(|a| vec![Cell::new(&a.author), Cell::new(a.clauses.join(", "))])
                    .collect(),
                size: 8.5,
                header: true,
            }));
        }

        blocks.push(Block::h2(tr!(lang, "method-maturity-scale")));
        blocks.push(Block::text(tr!(lang, "method-scale-intro")));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(&tr!(lang, "col-level"), 0.8).center(),
                Column::new(&tr!(lang, "col-name"), 1.5),
                Column::new(&tr!(lang, "col-what-it-looks-like"), 6.0),
            ],
            rows: self
                .input
                .catalogue
                .maturity_levels
                .iter()
                .map(|l| {
                    vec![
                        level_cell(l.level),
                        Cell::new(level_name(lang, self.input.catalogue, l.level)).bold(),
                        Cell::new(level_descriptor(lang, self.input.catalogue, l.level)),
                    ]
                })
                .collect(),
            size: 8.5,
            header: true,
        }));

        blocks.push(Block::h2(tr!(lang, "method-scores")));
        for rule in [
            "method-score-rule-1",
            "method-score-rule-2",
            "method-score-rule-3",
            "method-score-rule-4",
        ] {
            blocks.push(Block::spans(vec![
                Span::muted("•  "),
                Span::plain(tr!(lang, rule)),
            ]));
        }
        blocks.push(Block::h2(tr!(lang, "method-readiness-rules")));
        blocks.push(Block::text(tr!(lang, "method-readiness-intro")));
        for stage in Stage::ALL {
            blocks.push(Block::h3(label(lang, "stage", stage)));
            for rule in stage.rule_in(lang) {
                blocks.push(Block::spans(vec![Span::muted("•  "), Span::plain(rule)]));
            }
        }
        blocks
    }
}

/// The people interviewed, each with the requirements they were interviewed
/// on, in the order they first appear.
/// The scope as recorded: services, sites and units, and the other parties
/// with the processes each operates (8.2.3).
fn scope_blocks(lang: Lang, e: &clausewise_core::engagement::Engagement) -> Vec<Block> {
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
        blocks.push(Block::h3(tr!(lang, "method-services-in-scope")));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(&tr!(lang, "col-service"), 2.4),
                Column::new(&tr!(lang, "col-owner"), 1.4),
                Column::new(&tr!(lang, "col-criticality"), 0.9),
                Column::new(&tr!(lang, "col-customers"), 1.8),
                Column::new(&tr!(lang, "col-agreement"), 1.4),
            ],
            rows: services
                .iter()
                .map(|s| {
                    vec![
                        Cell::new(&s.name),
                        Cell::new(dash(&s.owner)),
                        Cell::new(
                            s.criticality
                                .map_or_else(|| "–".to_owned(), |c| label(lang, "criticality", c)),
                        ),
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
            (!names.is_empty()).then(|| {
                format!(
                    "{}{}{}.",
                    label(lang, "scope-kind", k),
                    lang.colon(),
                    names.join(", ")
                )
            })
        })
        .collect();
    if !places.is_empty() {
        blocks.push(Block::text(places.join(" ")));
    }
    if !e.matrix.is_empty() {
        blocks.push(Block::h3(tr!(lang, "method-other-parties")));
        let parties: Vec<String> = e
            .matrix
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let reference = if p.reference.is_empty() {
                    String::new()
                } else {
                    format!("{}{}", lang.semicolon(), p.reference)
                };
                format!(
                    "P{} {} ({}{reference})",
                    i + 1,
                    p.name,
                    lang.in_sentence(&label(lang, "scope-kind-one", p.kind))
                )
            })
            .collect();
        blocks.push(Block::text(parties.join(". ") + "."));
        let mut columns = vec![Column::new(&tr!(lang, "col-process"), 3.0)];
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
                let title = clausewise_core::i18n::clause_title(
                    lang,
                    clausewise_core::Catalogue::builtin(),
                    &p.clause_id,
                );
                let mut row = vec![Cell::new(format!("{} {title}", p.clause_id))];
                row.extend(
                    p.operated_by
                        .iter()
                        .map(|x| Cell::new(if *x { "●" } else { "" })),
                );
                row
            })
            .collect::<Vec<_>>();
        if rows.is_empty() {
            blocks.push(Block::text(tr!(lang, "method-no-other-party")));
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
fn interview_blocks(lang: Lang, e: &clausewise_core::engagement::Engagement) -> Vec<Block> {
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
                lang.short_date(i.held_on)
            } else {
                format!("{} {}", lang.short_date(i.held_on), i.time)
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
            Column::new(&tr!(lang, "col-session"), 1.3),
            Column::new(&tr!(lang, "col-people"), 2.6),
            Column::new(&tr!(lang, "col-requirements-covered"), 3.0),
        ],
        rows,
        size: 8.0,
        header: true,
    })];
    let gaps: Vec<String> = c
        .rows
        .iter()
        .filter(|r| r.interview_ids.is_empty())
        .map(|r| {
            let title = clausewise_core::i18n::clause_title(
                lang,
                clausewise_core::Catalogue::builtin(),
                &r.clause_id,
            );
            format!("{} {title}", r.clause_id)
        })
        .collect();
    blocks.push(Block::text(if gaps.is_empty() {
        tr!(lang, "method-interviews-covered-all", total = total)
    } else {
        tr!(
            lang,
            "method-interviews-covered",
            n = c.covered,
            total = total,
            never = gaps.join(lang.semicolon())
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
