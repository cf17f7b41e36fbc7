//! Findings in detail, grouped by requirement, then good practice.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::finding::{Finding, FindingKind, NcStage};
use clausewise_core::text::{count, plural};

use super::{clause_title, Ctx};
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
        let date = |d: Option<chrono::NaiveDate>| {
            d.map_or(Cell::new("–").colored(MUTED), |d| {
                Cell::new(d.format("%-d %b %Y").to_string())
            })
        };
        let rows = ncs
            .iter()
            .map(|f| {
                let l = &f.lifecycle;
                let stage = l.stage();
                let stage_cell = Cell::new(if f.status.is_open() || stage == NcStage::Verified {
                    stage.short_label().to_owned()
                } else {
                    "Closed, not verified".to_owned()
                })
                .bold()
                .colored(match stage {
                    NcStage::Verified => GREEN,
                    NcStage::PlanAccepted | NcStage::Implemented => BRAND,
                    NcStage::Raised | NcStage::Planned => RED,
                });
                vec![
                    Cell::new(&f.clause_id),
                    Cell::new(format!("{} ({})", f.title, f.kind.short_label())),
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
            Block::h2("Nonconformities and their corrective action"),
            Block::small(vec![Span::muted(
                "Each nonconformity moves from raised, to a corrective action planned and \
                 accepted, to implemented, to verified effective; only a verified one can be \
                 closed. Owner and due date are the corrective action's.",
            )]),
            Block::Table(Table {
                columns: vec![
                    Column::new("Clause", 0.85),
                    Column::new("Nonconformity", 2.6),
                    Column::new("Owner", 1.55),
                    Column::new("Due", 0.95),
                    Column::new("Stands at", 1.3),
                    Column::new("Accepted", 1.1),
                    Column::new("Implemented", 1.65),
                    Column::new("Verified", 1.0),
                ],
                rows,
                size: 7.5,
                header: true,
            }),
            Block::Spacer(6.0),
        ]
    }

    pub(super) fn findings(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let (actions, good): (Vec<&Finding>, Vec<&Finding>) = self
            .sorted_findings()
            .into_iter()
            .partition(|f| f.kind.calls_for_action());
        if actions.is_empty() && good.is_empty() {
            return vec![Block::text("No findings were recorded.")];
        }
        let mut blocks = vec![Block::small(vec![Span::muted(findings_intro(
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
                    clause_title(catalogue, &f.clause_id)
                )));
            }
            blocks.push(Block::h3(&f.title));
            let mut meta = vec![
                Span::bold(f.kind.label()).in_color(kind_color(f.kind)),
                Span::muted(format!("·  Priority {}", f.priority.label().to_lowercase())),
                Span::muted(format!("·  {}", f.status.label())),
            ];
            if !f.owner.trim().is_empty() {
                meta.push(Span::muted(format!("·  Owner: {}", f.owner.trim())));
            }
            if let Some(due) = f.due_date {
                meta.push(Span::muted(format!("·  Due {}", due.format("%-d %b %Y"))));
            }
            if let Some(phase) = f.phase {
                meta.push(Span::muted(format!("·  {}", phase.label())));
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
                    line.push(Span::muted(format!("Concerns: {}", concerns.join(", "))));
                }
                if !backed.is_empty() {
                    let sep = if concerns.is_empty() { "" } else { "·  " };
                    line.push(Span::muted(format!("{sep}Evidence: {}", backed.join(", "))));
                }
                if !line.is_empty() {
                    blocks.push(Block::small(line));
                }
            }
            finding_texts(&mut blocks, f);
            if f.is_nonconformity() {
                lifecycle_texts(&mut blocks, f);
            }
            blocks.push(Block::Spacer(4.0));
        }

        // Good practice: what the client does well, with no priority or
        // status, since there is nothing to act on.
        if !good.is_empty() {
            blocks.push(Block::h2("Good practice"));
            blocks.push(Block::small(vec![Span::muted(good_practice_note(
                good.len(),
            ))]));
            for f in good {
                blocks.push(Block::h3(&f.title));
                blocks.push(Block::small(vec![
                    Span::bold(f.kind.label()).in_color(kind_color(f.kind)),
                    Span::muted(format!(
                        "·  {} {}",
                        f.clause_id,
                        clause_title(catalogue, &f.clause_id)
                    )),
                ]));
                finding_texts(&mut blocks, f);
                blocks.push(Block::Spacer(4.0));
            }
        }
        blocks
    }
}

/// What was observed, the evidence and the recommendation, as given.
fn finding_texts(blocks: &mut Vec<Block>, f: &Finding) {
    for (label, text) in [
        ("Observed", &f.observation),
        ("Evidence", &f.evidence),
        ("Recommendation", &f.recommendation),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::spans(vec![
                Span::bold(format!("{label}:")),
                Span::plain(text.trim()),
            ]));
        }
    }
}

/// The corrective action cycle as recorded, step by step.
fn lifecycle_texts(blocks: &mut Vec<Block>, f: &Finding) {
    let l = &f.lifecycle;
    let day = |d: chrono::NaiveDate| d.format("%-d %b %Y").to_string();
    for (label, text) in [
        ("Correction", &l.correction),
        ("Root cause", &l.root_cause),
        ("Corrective action", &l.corrective_action),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::spans(vec![
                Span::bold(format!("{label}:")),
                Span::plain(text.trim()),
            ]));
        }
    }
    let mut steps = Vec::new();
    if let Some(d) = l.plan_accepted_on {
        steps.push(format!("plan accepted {}", day(d)));
    }
    if let Some(d) = l.implemented_on {
        steps.push(format!("implemented {}", day(d)));
    }
    if let Some(d) = l.verified_on {
        steps.push(format!(
            "verified effective {} by {}",
            day(d),
            l.verified_by.trim()
        ));
    }
    let mut spans = vec![Span::bold("Stands at:"), Span::plain(l.stage().label())];
    if !steps.is_empty() {
        spans.push(Span::muted(format!("({})", steps.join(", "))));
    }
    blocks.push(Block::spans(spans));
    if !l.verification.trim().is_empty() {
        blocks.push(Block::spans(vec![
            Span::bold("Verification:"),
            Span::plain(l.verification.trim()),
        ]));
    }
}

/// "2 findings that call for action, grouped by the requirement they
/// concern."
pub(super) fn findings_intro(n: usize) -> String {
    format!(
        "{} that {}, grouped by the requirement {}.",
        count(n as u64, "finding", "findings"),
        plural(n as u64, "calls for action", "call for action"),
        plural(n as u64, "it concerns", "they concern")
    )
}

/// "2 practices worth keeping and spreading; they need no action."
pub(super) fn good_practice_note(n: usize) -> String {
    let n = n as u64;
    format!(
        "{} worth keeping and spreading; {} no action.",
        count(n, "practice", "practices"),
        plural(n, "it needs", "they need")
    )
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
