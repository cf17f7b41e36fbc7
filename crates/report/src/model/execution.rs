//! Practices against the management system: how capable the ITIL practices
//! the client runs are, against the maturity and conformity of the
//! requirements that govern them.

use clausewise_core::i18n::Lang;
use clausewise_core::practices::{ExecutionControl, GoverningRequirement, PracticeGovernance};
use clausewise_core::{tr, Catalogue};

use super::{label, Ctx};
use crate::colours::{score_colours, BRAND, MUTED, RED};
use crate::layout::{Block, Cell, Column, PairedBar, Span, Table, Tile};

impl Ctx<'_> {
    pub(super) fn execution(&self) -> Vec<Block> {
        let m = &self.dash.execution_control;
        let lang = self.lang;
        let catalogue = self.input.catalogue;
        let mut blocks = vec![Block::text(tr!(lang, "execution-intro"))];
        blocks.push(Block::Tiles(tiles(lang, m)));
        if let Some(narrative) = clausewise_core::practices::narrative_in(lang, m) {
            blocks.push(Block::text(narrative));
        }
        if m.practices.is_empty() {
            blocks.push(Block::small(vec![Span::muted(tr!(
                lang,
                "execution-no-practices"
            ))]));
            return blocks;
        }
        blocks.push(Block::h2(tr!(lang, "execution-each-practice")));
        blocks.push(Block::PairedBars(
            m.practices.iter().map(|p| paired_bar(lang, p)).collect(),
        ));

        let outrunning: Vec<&PracticeGovernance> = m.outrunning().collect();
        blocks.push(Block::h2(tr!(lang, "execution-ahead")));
        if outrunning.is_empty() {
            blocks.push(Block::text(tr!(lang, "execution-none-ahead")));
        } else {
            blocks.push(Block::text(tr!(
                lang,
                "execution-ahead-intro",
                n = outrunning.len()
            )));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(&tr!(lang, "col-practice"), 2.6),
                    Column::new(&tr!(lang, "col-capability"), 1.1).right(),
                    Column::new(&tr!(lang, "col-requirements-short"), 6.0),
                ],
                rows: outrunning
                    .iter()
                    .map(|p| {
                        vec![
                            Cell::new(&p.practice).bold(),
                            Cell::new(p.capability.map_or("–".to_owned(), |c| c.to_string())),
                            Cell::new(
                                p.requirements
                                    .iter()
                                    .filter(|r| r.weak())
                                    .map(|r| shortfall(lang, catalogue, r))
                                    .collect::<Vec<_>>()
                                    .join(lang.semicolon()),
                            ),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }
        blocks
    }
}

fn tiles(lang: Lang, m: &ExecutionControl) -> Vec<Tile> {
    let outrunning = m.outrunning().count();
    vec![
        Tile {
            label: tr!(lang, "execution-tile-practices"),
            value: lang.score(m.execution),
            note: tr!(lang, "execution-tile-practices-note", n = m.practices_run),
            accent: BRAND,
        },
        Tile {
            label: tr!(lang, "execution-tile-system"),
            value: lang.score(m.control),
            note: {
                let mut note = tr!(
                    lang,
                    "execution-tile-system-note",
                    n = m.governance_assessed,
                    total = m.governance_total
                );
                if m.governance_nonconforming > 0 {
                    note.push_str(" · ");
                    note.push_str(&tr!(
                        lang,
                        "execution-nonconforming-count",
                        n = m.governance_nonconforming
                    ));
                }
                note
            },
            accent: m.control.map_or(MUTED, |c| score_colours(c).ink),
        },
        Tile {
            label: tr!(lang, "execution-tile-ahead"),
            value: outrunning.to_string(),
            note: tr!(lang, "execution-tile-ahead-note"),
            accent: if outrunning > 0 { RED } else { BRAND },
        },
    ]
}

fn paired_bar(lang: Lang, p: &PracticeGovernance) -> PairedBar {
    let gap = match (p.capability, p.governance) {
        (Some(e), Some(c)) if f64::from(e) - c >= 0.05 => tr!(
            lang,
            "execution-ahead-by",
            by = lang.score(Some(f64::from(e) - c))
        ),
        _ => String::new(),
    };
    PairedBar {
        label: format!(
            "{} ({})",
            p.practice,
            label(lang, "practice-status", p.status).to_lowercase()
        ),
        execution: p.capability.map(f64::from),
        control: p.governance,
        note: gap,
        flagged: p.outruns_control,
    }
}

/// "8.5.1.3 Change deployment: level 2 of 3, nonconforming".
fn shortfall(lang: Lang, catalogue: &Catalogue, r: &GoverningRequirement) -> String {
    let mut parts = Vec::new();
    if r.below_target {
        parts.push(tr!(
            lang,
            "execution-level-of",
            level = r.level.map_or("–".to_owned(), |l| l.to_string()),
            target = r.target
        ));
    }
    if r.nonconforming {
        parts.push(tr!(lang, "execution-nonconforming"));
    }
    let title = clausewise_core::i18n::clause_title(lang, catalogue, &r.clause_id);
    format!(
        "{} {title}{}{}",
        r.clause_id,
        lang.colon(),
        parts.join(", ")
    )
}
