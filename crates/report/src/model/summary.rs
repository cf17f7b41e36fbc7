//! The executive summary: key figures, the stage 1 and certification
//! verdicts with their reasons, findings by kind and the largest gaps, on one page.

use clausewise_core::dashboard::KpiStatus;
use clausewise_core::finding::FindingKind;
use clausewise_core::i18n::Lang;
use clausewise_core::report::ReportSection;
use clausewise_core::tr;
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
            .map(|s| self.lang.quoted(&super::section_title(self.lang, *s)))
            .collect();
        if names.is_empty() {
            String::new()
        } else {
            tr!(
                self.lang,
                "summary-listed-in",
                sections = self.lang.list(&names)
            )
        }
    }

    /// The executive summary, listing at most `shown_reasons` readiness
    /// reasons and `shown_gaps` clauses below target.
    fn summary_with(&self, shown_reasons: usize, shown_gaps: usize, table: bool) -> Vec<Block> {
        let a = self.input.assessment;
        let card = &self.dash.scorecard;
        let verdicts = &self.dash.verdicts;
        let mut blocks = Vec::new();
        let lang = self.lang;
        let mut intro = tr!(
            lang,
            "summary-intro",
            client = self.input.client_name,
            standard = self.input.catalogue.standard(),
            target = a.target_level
        );
        if !a.assessors.trim().is_empty() {
            intro.push(' ');
            intro.push_str(&tr!(
                lang,
                "summary-assessors",
                assessors = a.assessors.trim()
            ));
        }
        if let Some(p) = self.input.progress {
            intro.push(' ');
            intro.push_str(&progress_sentence(lang, p));
        }
        blocks.push(Block::text(intro));
        if let Some(narrative) =
            clausewise_core::practices::narrative_in(lang, &self.dash.execution_control)
        {
            blocks.push(Block::spans(vec![
                Span::bold(tr!(lang, "summary-practices-and-control")),
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
                label: tr!(lang, "tile-overall-maturity"),
                value: lang.score(card.overall),
                note: match card.weakest.as_ref().filter(|w| w.below_mean) {
                    Some(w) => tr!(
                        lang,
                        "tile-target-lowest",
                        target = lang.score(card.overall_target),
                        clause = &w.clause_id,
                        level = w.level
                    ),
                    None => tr!(
                        lang,
                        "tile-target",
                        target = lang.score(card.overall_target)
                    ),
                },
                accent: card.overall.map_or(MUTED, |s| score_colours(s).ink),
            },
            Tile {
                label: tr!(lang, "tile-requirements-assessed"),
                value: format!("{} / {}", card.assessed, card.assessable),
                note: tr!(lang, "tile-coverage", share = lang.percent(card.coverage)),
                accent: BRAND,
            },
            Tile {
                label: tr!(lang, "tile-open-findings"),
                value: open_findings.to_string(),
                note: nonconformities_note(lang, major, minor),
                accent: if major > 0 { RED } else { BRAND },
            },
            verdict_tile(lang, &verdicts.stage_1),
            verdict_tile(lang, &verdicts.certification),
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
                    Weight::Blocks | Weight::Unjudged => vec![Span::plain(r.text.in_lang(lang))],
                    Weight::Note => vec![Span::muted(r.text.in_lang(lang))],
                })
                .collect();
            if stage.reasons.len() > shown_reasons {
                let more = stage.reasons.len() - shown_reasons;
                lines.push(vec![Span::muted(tr!(
                    lang,
                    "summary-more-reasons",
                    n = more,
                    where_ = self.rest_in(&[ReportSection::Findings, ReportSection::Clauses])
                ))]);
            }
            if lines.is_empty() {
                lines.push(vec![Span::plain(match stage.stage {
                    clausewise_core::verdicts::Stage::Stage1 => tr!(lang, "summary-stage-1-clear"),
                    clausewise_core::verdicts::Stage::Certification => {
                        tr!(lang, "summary-certification-clear")
                    }
                })]);
            }
            blocks.push(Block::Callout {
                title: format!(
                    "{}{}{}",
                    self.label("stage", stage.stage),
                    lang.colon(),
                    stage.headline_in(lang)
                ),
                accent: verdict_color(stage.verdict),
                lines,
            });
        }

        // Findings by kind, one column each; good practice is counted but
        // is neither open nor closed.
        let kinds = &self.dash.findings_by_kind;
        if !table {
            blocks.push(Block::spans(vec![
                Span::bold(tr!(lang, "summary-findings-by-kind-lead")),
                Span::plain(findings_sentence(lang, kinds)),
            ]));
        }
        if table {
            blocks.push(Block::h2(tr!(lang, "summary-findings-by-kind")));
            let mut columns = vec![Column::new("", 1.2)];
            columns.extend(
                kinds
                    .iter()
                    .map(|k| Column::new(&self.label("finding-kind", k.kind), 1.5).right()),
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
                    row(&tr!(lang, "col-open"), &|k| dash(k.open)),
                    row(&tr!(lang, "col-closed"), &|k| {
                        dash(k.open.map(|o| k.total - o))
                    }),
                    row(&tr!(lang, "col-total"), &|k| k.total.to_string()),
                ],
                size: 8.5,
                header: true,
            }));
        }

        blocks.push(Block::h2(tr!(lang, "summary-largest-gaps")));
        let gaps = &self.dash.charts.gaps;
        if gaps.is_empty() {
            blocks.push(Block::text(tr!(lang, "summary-no-gaps")));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-clause"), 5.0),
                    Column::new(&tr!(lang, "col-current"), 1.2).right(),
                    Column::new(&tr!(lang, "col-target"), 1.2).right(),
                    Column::new(&tr!(lang, "col-gap"), 1.2).right(),
                ],
                rows: gaps
                    .iter()
                    .take(shown_gaps)
                    .map(|g| {
                        vec![
                            Cell::new(format!(
                                "{} {}",
                                g.clause_id,
                                self.clause_title(&g.clause_id)
                            )),
                            Cell::new(lang.score(g.current)),
                            Cell::new(lang.score(g.target)),
                            Cell::new(lang.score(g.gap)).bold(),
                        ]
                    })
                    .collect(),
                size: 8.5,
                header: true,
            }));
            if gaps.len() > shown_gaps {
                let more = gaps.len() - shown_gaps;
                blocks.push(Block::small(vec![Span::muted(tr!(
                    lang,
                    "summary-more-gaps",
                    n = more,
                    where_ = self.rest_in(&[ReportSection::Charts, ReportSection::Clauses])
                ))]));
            }
        }
        if let Some(sentence) = kpi_sentence(lang, &self.dash.kpi_status) {
            blocks.push(Block::Spacer(4.0));
            blocks.push(Block::spans(vec![
                Span::bold(tr!(lang, "summary-kpis-lead")),
                Span::plain(sentence),
            ]));
        }
        blocks
    }
}

/// A verdict as a key figure: the verdict, and how much is judged while it
/// is provisional.
fn verdict_tile(lang: Lang, stage: &StageReadiness) -> Tile {
    use clausewise_core::verdicts::Stage;
    Tile {
        label: super::label(lang, "stage", stage.stage),
        value: super::label(lang, "verdict", stage.verdict),
        note: match (stage.verdict, stage.stage) {
            (Verdict::Provisional, _) => tr!(
                lang,
                "tile-judged",
                n = stage.judged,
                total = stage.looked_at
            ),
            (_, Stage::Stage1) => tr!(lang, "tile-for-stage-1"),
            (_, Stage::Certification) => tr!(lang, "tile-stage-2-and-decision"),
        },
        accent: verdict_color(stage.verdict),
    }
}

/// "3 major nonconformities (2 open) · 1 observation (1 open) · 2 good
/// practices."
pub(super) fn findings_sentence(
    lang: Lang,
    kinds: &[clausewise_core::dashboard::KindCount],
) -> String {
    let parts: Vec<String> = kinds
        .iter()
        .filter(|k| k.total > 0)
        .map(|k| {
            let counted = text_of_kind(lang, k.kind, k.total);
            match k.open {
                Some(open) => tr!(lang, "findings-open-of", counted = counted, open = open),
                None => counted,
            }
        })
        .collect();
    if parts.is_empty() {
        tr!(lang, "findings-none-recorded")
    } else {
        format!("{}.", parts.join(" · "))
    }
}

/// "3 major nonconformities": a count of findings of a kind.
pub(super) fn text_of_kind(lang: Lang, kind: FindingKind, n: u32) -> String {
    let key = match kind {
        FindingKind::MajorNonconformity => "count-major",
        FindingKind::MinorNonconformity => "count-minor",
        FindingKind::Observation => "count-observation",
        FindingKind::OpportunityForImprovement => "count-opportunity",
        FindingKind::GoodPractice => "count-good-practice",
    };
    tr!(lang, key, n = n)
}

/// "1 major · 2 minor nonconformities": short enough for a key figure's
/// note on two lines.
pub(super) fn nonconformities_note(lang: Lang, major: u32, minor: u32) -> String {
    // Read per number: "1 major · 1 minor nonconformity".
    let singular = major <= 1 && minor <= 1 && major + minor > 0;
    tr!(
        lang,
        "tile-nonconformities",
        major = major,
        minor = minor,
        n = if singular { 1u32 } else { 2 }
    )
}

/// "3 of 4 service KPIs meet their target; 1 does not." or `None` without
/// KPIs; with the missed ones that led to no decision or action.
pub(super) fn kpi_sentence(lang: Lang, k: &KpiStatus) -> Option<String> {
    let total = k.met + k.within_tolerance + k.not_met + k.unknown;
    if total == 0 {
        return None;
    }
    let mut rest = Vec::new();
    if k.within_tolerance > 0 {
        rest.push(tr!(lang, "kpis-within-tolerance", n = k.within_tolerance));
    }
    if k.not_met > 0 {
        rest.push(tr!(lang, "kpis-not-met", n = k.not_met));
    }
    if k.unknown > 0 {
        rest.push(tr!(lang, "kpis-unknown", n = k.unknown));
    }
    let rest = match rest.as_slice() {
        [] => String::new(),
        [one] => format!("{}{one}", lang.semicolon()),
        [init @ .., last] => format!(
            "{}{}",
            lang.semicolon(),
            tr!(lang, "kpis-rest", init = init.join(", "), last = last)
        ),
    };
    let mut sentence = tr!(lang, "kpis-met", met = k.met, total = total, rest = rest);
    if k.not_acted_upon > 0 {
        sentence.push(' ');
        sentence.push_str(&tr!(lang, "kpis-not-acted-upon", n = k.not_acted_upon));
    }
    Some(sentence)
}
