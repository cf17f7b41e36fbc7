//! Findings in detail, grouped by requirement, then good practice.

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::finding::{Finding, FindingKind};
use clausewise_core::text::{count, plural};

use super::{clause_title, Ctx};
use crate::colours::{AMBER, BRAND, GREEN, RED, TEAL};
use crate::layout::{Block, Span};
use clausewise_core::palette::Colour;

impl Ctx<'_> {
    fn sorted_findings(&self) -> Vec<&Finding> {
        let mut findings: Vec<&Finding> = self.input.findings.iter().collect();
        findings.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
        findings
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
            finding_texts(&mut blocks, f);
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
