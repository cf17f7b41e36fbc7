//! The charts: maturity of clauses 4 to 10 against target (radar), gaps
//! by clause (bars) and the requirement heat map.

use clausewise_core::dashboard::{ClauseBar, NoScore};
use clausewise_core::Rating;

use super::{clause_title, Ctx};
use crate::layout::{Bar, Block, HeatCell, Span};

impl Ctx<'_> {
    pub(super) fn charts(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let charts = &self.dash.charts;
        let mut blocks = vec![Block::h2("Maturity of clauses 4 to 10 against target")];
        blocks.push(Block::Radar(bars(&charts.radar)));
        blocks.push(Block::h2("Gaps by clause"));
        if charts.gaps.is_empty() {
            blocks.push(Block::text("No clause is below its target."));
        } else {
            blocks.push(Block::small(vec![Span::muted(
                "Clauses below their target, largest gap first. The bar shows the current score, \
                 the marker the target.",
            )]));
            blocks.push(Block::GapBars(bars(&charts.gaps)));
        }
        blocks.push(Block::h2("Requirement heat map"));
        blocks.push(Block::HeatMap(
            charts
                .heat_map
                .iter()
                .map(|row| {
                    (
                        format!(
                            "{} {}",
                            row.clause_id,
                            clause_title(catalogue, &row.clause_id)
                        ),
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
fn bars(clauses: &[ClauseBar]) -> Vec<Bar> {
    clauses
        .iter()
        .map(|b| Bar {
            label: format!("{} {}", b.clause_id, b.title),
            current: b.current,
            target: b.target,
            no_score: b.no_score.map(NoScore::label),
            weakest: b
                .weakest
                .as_ref()
                .map(|w| format!("lowest {}: {}", w.clause_id, w.level)),
        })
        .collect()
}
