//! Findings in detail, grouped by requirement, then good practice.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::finding::{Finding, FindingKind, NcStage};
use clausewise_core::i18n::Lang;
use clausewise_core::tr;

use super::{label, Ctx};
use crate::colours::{AMBER, BRAND, GREEN, MUTED, RED, TEAL};
use crate::layout::{Block, Cell, Column, Span, Table};
use clausewise_core::palette::Colour;

impl Ctx<'_> {
    fn sorted_findings(&self) -> Vec<&Finding> {
        let mut findings: Vec<&Finding> = self.input.findings.iter().collect();
        findings.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
        findings
    }

    /// Every nonconformity, open or closed, with where its corrective
    /// action cycle stands.
    fn nonconformity_table(&self) -> Vec<Block> {
        let ncs: Vec<&Finding> = self
            .sorted_findings()
            .into_iter()
            .filter(|f| f.is_nonconformity())
            .collect();
        if ncs.is_empty() {
            return Vec::new();
        }
        let lang = self.lang;
        let date = |d: Option<chrono::NaiveDate>| {
            d.map_or(Cell::new("–").colored(MUTED), |d| {
                Cell::new(lang.short_date(d))
            })
        };
        let rows = ncs
            .iter()
            .map(|f| {
                let l = &f.lifecycle;
                let stage = l.stage();
                let stage_cell = Cell::new(if f.status.is_open() || stage == NcStage::Verified {
                    self.label("nc-stage-short", stage)
                } else {
                    tr!(lang, "findings-closed-not-verified")
                })
                .bold()
                .colored(match stage {
                    NcStage::Verified => GREEN,
                    NcStage::PlanAccepted | NcStage::Implemented => BRAND,
                    NcStage::Raised | NcStage::Planned => RED,
                });
                vec![
                    Cell::new(&f.clause_id),
                    Cell::new(format!(
                        "{} ({})",
                        f.title,
                        self.label("finding-kind-short", f.kind)
                    )),
                    Cell::new(if f.owner.trim().is_empty() {
                        "–".to_owned()
                    } else {
                        f.owner.trim().to_owned()
                    }),
                    date(f.due_date),
                    stage_cell,
                    date(l.plan_accepted_on),
                    date(l.implemented_on),
                    date(l.verified_on),
                ]
            })
            .collect();
        vec![
            Block::h2(tr!(lang, "findings-ncs")),
            Block::small(vec![Span::muted(tr!(lang, "findings-ncs-note"))]),
            Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-clause"), 0.85),
                    Column::new(&tr!(lang, "col-nonconformity"), 2.6),
                    Column::new(&tr!(lang, "col-owner"), 1.55),
                    Column::new(&tr!(lang, "col-due"), 0.95),
                    Column::new(&tr!(lang, "col-stands-at"), 1.3),
                    Column::new(&tr!(lang, "col-accepted"), 1.1),
                    Column::new(&tr!(lang, "col-implemented"), 1.65),
                    Column::new(&tr!(lang, "col-verified"), 1.0),
                ],
                rows,
                size: 7.5,
                header: true,
            }),
            Block::Spacer(6.0),
        ]
    }

    pub(super) fn findings(&self) -> Vec<Block> {
        let lang = self.lang;
        let (actions, good): (Vec<&Finding>, Vec<&Finding>) = self
            .sorted_findings()
            .into_iter()
            .partition(|f| f.kind.calls_for_action());
        if actions.is_empty() && good.is_empty() {
            return vec![Block::text(tr!(lang, "findings-none"))];
        }
        let mut blocks = vec![Block::small(vec![Span::muted(findings_intro(
            lang,
            actions.len(),
        ))])];
        blocks.extend(self.nonconformity_table());
        let mut current = "";
        for f in actions {
            if f.clause_id != current {
                current = &f.clause_id;
                blocks.push(Block::h2(format!(
                    "{} {}",
                    f.clause_id,
                    self.clause_title(&f.clause_id)
                )));
            }
            blocks.push(Block::h3(&f.title));
            let mut meta = vec![
                Span::bold(self.label("finding-kind", f.kind)).in_color(kind_color(f.kind)),
                Span::muted(format!(
                    "·  {}",
                    tr!(
                        lang,
                        "findings-priority",
                        priority = self.label("priority-lower", f.priority)
                    )
                )),
                Span::muted(format!("·  {}", self.label("finding-status", f.status))),
            ];
            if !f.owner.trim().is_empty() {
                meta.push(Span::muted(format!(
                    "·  {}",
                    tr!(lang, "findings-owner", owner = f.owner.trim())
                )));
            }
            if let Some(due) = f.due_date {
                meta.push(Span::muted(format!(
                    "·  {}",
                    tr!(lang, "findings-due", date = lang.short_date(due))
                )));
            }
            if let Some(phase) = f.phase {
                meta.push(Span::muted(format!("·  {}", self.label("phase", phase))));
            }
            blocks.push(Block::small(meta));
            if let Some(e) = self.input.engagement {
                let concerns = e.concerns(f.id);
                let backed: Vec<&str> = e
                    .evidence
                    .iter()
                    .filter(|x| x.finding_ids.contains(&f.id))
                    .map(|x| x.code.as_str())
                    .collect();
                let mut line = Vec::new();
                if !concerns.is_empty() {
                    line.push(Span::muted(tr!(
                        lang,
                        "findings-concerns",
                        what = concerns.join(", ")
                    )));
                }
                if !backed.is_empty() {
                    let sep = if concerns.is_empty() { "" } else { "·  " };
                    line.push(Span::muted(format!(
                        "{sep}{}",
                        tr!(lang, "findings-evidence-codes", codes = backed.join(", "))
                    )));
                }
                if !line.is_empty() {
                    blocks.push(Block::small(line));
                }
            }
            finding_texts(lang, &mut blocks, f);
            if f.is_nonconformity() {
                lifecycle_texts(lang, &mut blocks, f);
            }
            blocks.push(Block::Spacer(4.0));
        }

        // Good practice: what the client does well, with no priority or
        // status, since there is nothing to act on.
        if !good.is_empty() {
            blocks.push(Block::h2(tr!(lang, "findings-good-practice")));
            blocks.push(Block::small(vec![Span::muted(good_practice_note(
                lang,
                good.len(),
            ))]));
            for f in good {
                blocks.push(Block::h3(&f.title));
                blocks.push(Block::small(vec![
                    Span::bold(self.label("finding-kind", f.kind)).in_color(kind_color(f.kind)),
                    Span::muted(format!(
                        "·  {} {}",
                        f.clause_id,
                        self.clause_title(&f.clause_id)
                    )),
                ]));
                finding_texts(lang, &mut blocks, f);
                blocks.push(Block::Spacer(4.0));
            }
        }
        blocks
    }
}

/// What was observed, the evidence and the recommendation, as given.
fn finding_texts(lang: Lang, blocks: &mut Vec<Block>, f: &Finding) {
    for (key, text) in [
        ("findings-label-observed", &f.observation),
        ("findings-label-evidence", &f.evidence),
        ("findings-label-recommendation", &f.recommendation),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::spans(vec![
                Span::bold(tr!(lang, key)),
                Span::plain(text.trim()),
            ]));
        }
    }
}

/// The corrective action cycle as recorded, step by step.
fn lifecycle_texts(lang: Lang, blocks: &mut Vec<Block>, f: &Finding) {
    let l = &f.lifecycle;
    let day = |d: chrono::NaiveDate| lang.short_date(d);
    for (key, text) in [
        ("findings-label-correction", &l.correction),
        ("findings-label-root-cause", &l.root_cause),
        ("findings-label-corrective-action", &l.corrective_action),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::spans(vec![
                Span::bold(tr!(lang, key)),
                Span::plain(text.trim()),
            ]));
        }
    }
    let mut steps = Vec::new();
    if let Some(d) = l.plan_accepted_on {
        steps.push(tr!(lang, "findings-step-accepted", date = day(d)));
    }
    if let Some(d) = l.implemented_on {
        steps.push(tr!(lang, "findings-step-implemented", date = day(d)));
    }
    if let Some(d) = l.verified_on {
        steps.push(tr!(
            lang,
            "findings-step-verified",
            date = day(d),
            by = l.verified_by.trim()
        ));
    }
    let mut spans = vec![
        Span::bold(tr!(lang, "findings-label-stands-at")),
        Span::plain(label(lang, "nc-stage", l.stage())),
    ];
    if !steps.is_empty() {
        spans.push(Span::muted(format!("({})", steps.join(", "))));
    }
    blocks.push(Block::spans(spans));
    if !l.verification.trim().is_empty() {
        blocks.push(Block::spans(vec![
            Span::bold(tr!(lang, "findings-label-verification")),
            Span::plain(l.verification.trim()),
        ]));
    }
}

/// "2 findings that call for action, grouped by the requirement they
/// concern."
pub(super) fn findings_intro(lang: Lang, n: usize) -> String {
    tr!(lang, "findings-intro", n = n)
}

/// "2 practices worth keeping and spreading; they need no action."
pub(super) fn good_practice_note(lang: Lang, n: usize) -> String {
    tr!(lang, "findings-good-practice-note", n = n)
}

fn kind_color(kind: FindingKind) -> Colour {
    match kind {
        FindingKind::MajorNonconformity => RED,
        FindingKind::MinorNonconformity => AMBER,
        FindingKind::Observation => BRAND,
        FindingKind::OpportunityForImprovement => TEAL,
        FindingKind::GoodPractice => GREEN,
    }
}
