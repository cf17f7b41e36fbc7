//! The evidence index: every item of the register with its files (by the
//! first digits of their SHA-256, so a reader can check a copy) and the
//! requirements it backs.

use clausewise_core::engagement::describe_size;

use super::Ctx;
use crate::colours::MUTED;
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    pub(super) fn evidence(&self) -> Vec<Block> {
        let Some(e) = self.input.engagement else {
            return Vec::new();
        };
        let sampled = e.evidence.iter().filter(|x| x.sampling.is_some()).count();
        let mut intro = format!(
            "The {} items of evidence the judgements rest on, with {} attached file{} ({}).",
            e.evidence.len(),
            e.files,
            if e.files == 1 { "" } else { "s" },
            describe_size(e.file_bytes)
        );
        if sampled > 0 {
            intro.push_str(&format!(
                " {sampled} record sample{} {} drawn; population, sample size and exceptions \
                 are given with each.",
                if sampled == 1 { "" } else { "s" },
                if sampled == 1 { "was" } else { "were" }
            ));
        }
        intro.push_str(
            " Each file is identified by the first 12 digits of its SHA-256: a copy whose hash \
             starts the same is the file that was seen.",
        );
        let rows = e
            .evidence
            .iter()
            .map(|x| {
                let mut title = x.title.clone();
                let mut detail = vec![x.kind.label().to_owned()];
                if !x.version.is_empty() {
                    detail.push(format!("version {}", x.version));
                }
                if let Some(d) = x.seen_on {
                    detail.push(format!("seen {}", d.format("%-d %b %Y")));
                }
                title.push_str(&format!("\n{}", detail.join(", ")));
                if let Some(s) = x.sampling {
                    title.push_str(&format!("\nSample: {}", s.summary()));
                }
                let files = if x.files.is_empty() {
                    Cell::new("–").colored(MUTED)
                } else {
                    Cell::new(
                        x.files
                            .iter()
                            .map(|f| format!("{} {}", &f.sha256[..12], f.name))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    )
                };
                vec![
                    Cell::new(&x.code).bold(),
                    Cell::new(title),
                    files,
                    Cell::new(if x.clause_ids.is_empty() {
                        "–".to_owned()
                    } else {
                        x.clause_ids.join(", ")
                    }),
                ]
            })
            .collect();
        vec![
            Block::text(intro),
            Block::Table(Table {
                columns: vec![
                    Column::new("Item", 0.7),
                    Column::new("Evidence", 3.6),
                    Column::new("Files (SHA-256)", 3.0),
                    Column::new("Requirements", 1.5),
                ],
                rows,
                size: 7.5,
                header: true,
            }),
        ]
    }
}
