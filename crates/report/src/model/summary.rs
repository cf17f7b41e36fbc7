//! The executive summary: key figures, the stage 1 and certification
//! verdicts with their reasons, findings by kind and the largest gaps, on one page.

use clausewise_core::dashboard::KpiStatus;
use clausewise_core::finding::FindingKind;
use clausewise_core::format_score as fmt_score;
use clausewise_core::report::ReportSection;
use clausewise_core::text::{count, plural};
use clausewise_core::verdicts::{StageReadiness, Verdict, Weight};

use super::progress::progress_sentence;
use super::{verdict_color, Ctx};
use crate::colours::{score_colours, BRAND, MUTED, RED};
use crate::layout::{Block, Cell, Column, Span, Table, Tile};

/// Reasons shown under each verdict in the executive summary; the rest are
/// counted.
const SUMMARY_REASONS: usize = 4;
/// Clauses below target shown in the executive summary.
const SUMMARY_GAPS: usize = 5;
/// Shorter lists, tried in turn when the executive summary does not fit
/// its page (long finding titles, a long introduction).
/// Each is (reasons, gaps, findings as a table); without the table the
/// findings by kind are one sentence, which leaves room for the reasons.
const SUMMARY_TIGHTER: [(usize, usize, bool); 8] = [
    (3, 4, true),
    (3, 3, true),
    (2, 3, true),
    (2, 2, true),
    (3, 3, false),
    (2, 3, false),
    (2, 2, false),
    (1, 2, false),
];

impl Ctx<'_> {
    /// The executive summary, in full.
    pub(super) fn summary(&self) -> Vec<Block> {
        self.summary_with(SUMMARY_REASONS, SUMMARY_GAPS, true)
    }

    /// Shorter versions of the summary, tightest last, for when the full
    /// one does not fit its page.
    pub(super) fn summary_tighter(&self) -> Vec<Vec<Block>> {
        SUMMARY_TIGHTER
            .iter()
            .map(|&(reasons, gaps, table)| self.summary_with(reasons, gaps, table))
            .collect()
    }

    fn open_count(&self, kind: FindingKind) -> u32 {
        self.dash
            .findings_by_kind
            .iter()
            .find(|k| k.kind == kind)
            .and_then(|k| k.open)
            .unwrap_or(0)
    }

    /// Where the rest of a capped list is, naming only sections this
    /// report includes: ": all are in “Findings in detail”".
    fn rest_in(&self, sections: &[ReportSection]) -> String {
        let names: Vec<String> = sections
            .iter()
            .filter(|s| self.options.includes(**s))
            .map(|s| format!("“{}”", s.title()))
            .collect();
        if names.is_empty() {
            String::new()
        } else {
            format!(", listed in {}", names.join(" and "))
        }
    }

    /// The executive summary, listing at most `shown_reasons` readiness
    /// reasons and `shown_gaps` clauses below target.
    fn summary_with(&self, shown_reasons: usize, shown_gaps: usize, table: bool) -> Vec<Block> {
        let a = self.input.assessment;
        let card = &self.dash.scorecard;
        let verdicts = &self.dash.verdicts;
        let mut blocks = Vec::new();
        let mut intro = format!(
            "This report sets out the maturity of {}'s service management system against {}, \
             requirement by requirement, the gaps to the target maturity of level {}, and the \
             actions recommended to close them.",
            self.input.client_name,
            self.input.catalogue.standard(),
            a.target_level
        );
        if !a.assessors.trim().is_empty() {
            intro.push_str(&format!(
                " The assessment was carried out by {}.",
                a.assessors.trim()
            ));
        }
        if let Some(p) = self.input.progress {
            intro.push_str(&format!(" {}", progress_sentence(p)));
        }
        blocks.push(Block::text(intro));
        if let Some(narrative) = &self.dash.execution_control.narrative {
            blocks.push(Block::spans(vec![
                Span::bold("Practices and control: "),
                Span::plain(narrative),
            ]));
        }
        let open_findings: u32 = self
            .dash
            .findings_by_kind
            .iter()
            .filter_map(|k| k.open)
            .sum();
        let major = self.open_count(FindingKind::MajorNonconformity);
        let minor = self.open_count(FindingKind::MinorNonconformity);
        blocks.push(Block::Tiles(vec![
            Tile {
                label: "Overall maturity".into(),
                value: fmt_score(card.overall),
                note: match card.weakest.as_ref().filter(|w| w.below_mean) {
                    Some(w) => format!(
                        "target {} · lowest {} at level {}",
                        fmt_score(card.overall_target),
                        w.clause_id,
                        w.level
                    ),
                    None => format!("target {}", fmt_score(card.overall_target)),
                },
                accent: card.overall.map_or(MUTED, |s| score_colours(s).ink),
            },
            Tile {
                label: "Requirements assessed".into(),
                value: format!("{} / {}", card.assessed, card.assessable),
                note: format!("{:.0} % coverage", card.coverage * 100.0),
                accent: BRAND,
            },
            Tile {
                label: "Open findings".into(),
                value: open_findings.to_string(),
                note: nonconformities_note(major, minor),
                accent: if major > 0 { RED } else { BRAND },
            },
            verdict_tile(&verdicts.stage_1),
            verdict_tile(&verdicts.certification),
        ]));

        // Each verdict with the reasons that decide it (they come first).
        for stage in [&verdicts.stage_1, &verdicts.certification] {
            let mut lines: Vec<Vec<Span>> = stage
                .reasons
                .iter()
                .take(shown_reasons)
                .map(|r| match r.weight {
                    // What stands in the way reads plain; what is for the
                    // record, muted.
                    Weight::Blocks | Weight::Unjudged => vec![Span::plain(&r.message)],
                    Weight::Note => vec![Span::muted(&r.message)],
                })
                .collect();
            if stage.reasons.len() > shown_reasons {
                let more = stage.reasons.len() - shown_reasons;
                lines.push(vec![Span::muted(format!(
                    "… and {more} more{}.",
                    self.rest_in(&[ReportSection::Findings, ReportSection::Clauses])
                ))]);
            }
            if lines.is_empty() {
                lines.push(vec![Span::plain(match stage.stage {
                    clausewise_core::verdicts::Stage::Stage1 => {
                        "Everything a stage 1 audit looks at is judged and in place."
                    }
                    clausewise_core::verdicts::Stage::Certification => {
                        "Every requirement is judged, no major nonconformity is open and every \
                         open minor nonconformity has an accepted corrective action plan."
                    }
                })]);
            }
            blocks.push(Block::Callout {
                title: format!("{}: {}", stage.stage.label(), stage.headline),
                accent: verdict_color(stage.verdict),
                lines,
            });
        }

        // Findings by kind, one column each; good practice is counted but
        // is neither open nor closed.
        let kinds = &self.dash.findings_by_kind;
        if !table {
            blocks.push(Block::spans(vec![
                Span::bold("Findings by kind: "),
                Span::plain(findings_sentence(kinds)),
            ]));
        }
        if table {
            blocks.push(Block::h2("Findings by kind"));
            let mut columns = vec![Column::new("", 1.2)];
            columns.extend(
                kinds
                    .iter()
                    .map(|k| Column::new(k.kind.label(), 1.5).right()),
            );
            let row =
                |label: &str, value: &dyn Fn(&clausewise_core::dashboard::KindCount) -> String| {
                    let mut cells = vec![Cell::new(label).bold()];
                    cells.extend(kinds.iter().map(|k| Cell::new(value(k))));
                    cells
                };
            let dash = |n: Option<u32>| n.map_or("–".to_owned(), |n| n.to_string());
            blocks.push(Block::Table(Table {
                columns,
                rows: vec![
                    row("Open", &|k| dash(k.open)),
                    row("Closed", &|k| dash(k.open.map(|o| k.total - o))),
                    row("Total", &|k| k.total.to_string()),
                ],
                size: 8.5,
                header: true,
            }));
        }

        blocks.push(Block::h2("Largest gaps"));
        let gaps = &self.dash.charts.gaps;
        if gaps.is_empty() {
            blocks.push(Block::text("No clause is below its target."));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Clause", 5.0),
                    Column::new("Current", 1.2).right(),
                    Column::new("Target", 1.2).right(),
                    Column::new("Gap", 1.2).right(),
                ],
                rows: gaps
                    .iter()
                    .take(shown_gaps)
                    .map(|g| {
                        vec![
                            Cell::new(format!("{} {}", g.clause_id, g.title)),
                            Cell::new(fmt_score(g.current)),
                            Cell::new(fmt_score(g.target)),
                            Cell::new(fmt_score(g.gap)).bold(),
                        ]
                    })
                    .collect(),
                size: 8.5,
                header: true,
            }));
            if gaps.len() > shown_gaps {
                let more = gaps.len() - shown_gaps;
                blocks.push(Block::small(vec![Span::muted(format!(
                    "… and {} below target{}.",
                    count(more as u64, "more clause", "more clauses"),
                    self.rest_in(&[ReportSection::Charts, ReportSection::Clauses])
                ))]));
            }
        }
        if let Some(sentence) = kpi_sentence(&self.dash.kpi_status) {
            blocks.push(Block::Spacer(4.0));
            blocks.push(Block::spans(vec![
                Span::bold("Service KPIs: "),
                Span::plain(sentence),
            ]));
        }
        blocks
    }
}

/// A verdict as a key figure: the verdict, and how much is judged while it
/// is provisional.
fn verdict_tile(stage: &StageReadiness) -> Tile {
    Tile {
        label: stage.stage.label().into(),
        value: stage.verdict.label().into(),
        note: match (stage.verdict, stage.stage) {
            (Verdict::Provisional, _) => format!("{} of {} judged", stage.judged, stage.looked_at),
            (_, clausewise_core::verdicts::Stage::Stage1) => "for the stage 1 audit".into(),
            (_, clausewise_core::verdicts::Stage::Certification) => {
                "stage 2 and the decision".into()
            }
        },
        accent: verdict_color(stage.verdict),
    }
}

/// "3 major nonconformities (2 open) · 1 observation (1 open) · 2 good
/// practices."
pub(super) fn findings_sentence(kinds: &[clausewise_core::dashboard::KindCount]) -> String {
    let parts: Vec<String> = kinds
        .iter()
        .filter(|k| k.total > 0)
        .map(|k| {
            let (one, many) = match k.kind {
                FindingKind::MajorNonconformity => ("major nonconformity", "major nonconformities"),
                FindingKind::MinorNonconformity => ("minor nonconformity", "minor nonconformities"),
                FindingKind::Observation => ("observation", "observations"),
                FindingKind::OpportunityForImprovement => (
                    "opportunity for improvement",
                    "opportunities for improvement",
                ),
                FindingKind::GoodPractice => ("good practice", "good practices"),
            };
            match k.open {
                Some(open) => format!("{} ({open} open)", count(k.total, one, many)),
                None => count(k.total, one, many),
            }
        })
        .collect();
    if parts.is_empty() {
        "none recorded.".to_owned()
    } else {
        format!("{}.", parts.join(" · "))
    }
}

/// "1 major · 2 minor nonconformities": short enough for a key figure's
/// note on two lines.
pub(super) fn nonconformities_note(major: u32, minor: u32) -> String {
    format!(
        "{major} major · {minor} minor {}",
        // Read per number: "1 major · 1 minor nonconformity".
        if major <= 1 && minor <= 1 && major + minor > 0 {
            "nonconformity"
        } else {
            "nonconformities"
        }
    )
}

/// "3 of 4 service KPIs meet their target; 1 does not." or `None` without
/// KPIs; with the missed ones that led to no decision or action.
pub(super) fn kpi_sentence(k: &KpiStatus) -> Option<String> {
    let total = k.met + k.within_tolerance + k.not_met + k.unknown;
    if total == 0 {
        return None;
    }
    let mut rest = Vec::new();
    if k.within_tolerance > 0 {
        rest.push(format!(
            "{} {} within tolerance",
            k.within_tolerance,
            plural(k.within_tolerance, "is", "are")
        ));
    }
    if k.not_met > 0 {
        rest.push(format!(
            "{} {}",
            k.not_met,
            plural(k.not_met, "does not", "do not")
        ));
    }
    if k.unknown > 0 {
        rest.push(format!(
            "{} {} no measurement or target yet",
            k.unknown,
            plural(k.unknown, "has", "have")
        ));
    }
    let rest = match rest.as_slice() {
        [] => String::new(),
        [one] => format!("; {one}"),
        [init @ .., last] => format!("; {}, and {last}", init.join(", ")),
    };
    let mut sentence = format!(
        "{} of {} {} {}{rest}.",
        k.met,
        total,
        plural(total, "service KPI", "service KPIs"),
        plural(k.met, "meets its target", "meet their target"),
    );
    if k.not_acted_upon > 0 {
        sentence.push_str(&format!(
            " {} led to no decision or action: measured, but not acted upon.",
            count(u64::from(k.not_acted_upon), "missed KPI", "missed KPIs"),
        ));
    }
    Some(sentence)
}
