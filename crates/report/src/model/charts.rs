//! The charts: maturity of clauses 4 to 10 against target (radar), gaps
//! by clause (bars) and the requirement heat map.

use clausewise_core::dashboard::{ClauseBar, NoScore};
use clausewise_core::i18n::Lang;
use clausewise_core::{tr, Catalogue, Rating};

use super::Ctx;
use crate::layout::{Bar, Block, HeatCell, Span};

impl Ctx<'_> {
    pub(super) fn charts(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let lang = self.lang;
        let charts = &self.dash.charts;
        let mut blocks = vec![Block::h2(tr!(lang, "charts-radar"))];
        blocks.push(Block::Radar(bars(lang, catalogue, &charts.radar)));
        blocks.push(Block::h2(tr!(lang, "charts-gaps")));
        if charts.gaps.is_empty() {
            blocks.push(Block::text(tr!(lang, "summary-no-gaps")));
        } else {
            blocks.push(Block::small(vec![Span::muted(tr!(
                lang,
                "charts-gaps-note"
            ))]));
            blocks.push(Block::GapBars(bars(lang, catalogue, &charts.gaps)));
        }
        blocks.push(Block::h2(tr!(lang, "charts-heat-map")));
        blocks.push(Block::HeatMap(
            charts
                .heat_map
                .iter()
                .map(|row| {
                    (
                        format!("{} {}", row.clause_id, self.clause_title(&row.clause_id)),
                        row.cells
                            .iter()
                            .map(|c| HeatCell {
                                label: c.clause_id.clone(),
                                level: match c.rating {
                                    Rating::NotAssessed => None,
                                    Rating::NotApplicable => Some(None),
                                    Rating::Level { level } => Some(Some(level)),
                                },
                            })
                            .collect(),
                    )
                })
                .collect(),
        ));
        blocks
    }
}

/// Chart bars labelled with clause number and title.
fn bars(lang: Lang, catalogue: &Catalogue, clauses: &[ClauseBar]) -> Vec<Bar> {
    clauses
        .iter()
        .map(|b| Bar {
            label: format!(
                "{} {}",
                b.clause_id,
                clausewise_core::i18n::clause_title(lang, catalogue, &b.clause_id)
            ),
            current: b.current,
            target: b.target,
            no_score: b.no_score.map(|n| match n {
                NoScore::NotAssessed => tr!(lang, "charts-not-assessed"),
                NoScore::NotApplicable => tr!(lang, "charts-not-applicable"),
            }),
            weakest: b.weakest.as_ref().map(|w| {
                tr!(
                    lang,
                    "charts-lowest",
                    clause = &w.clause_id,
                    level = w.level
                )
            }),
        })
        .collect()
}
