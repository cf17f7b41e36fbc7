//! The evidence index: every item of the register with its files (by the
//! first digits of their SHA-256, so a reader can check a copy) and the
//! requirements it backs.

use clausewise_core::engagement::describe_size;
use clausewise_core::tr;

use super::Ctx;
use crate::colours::MUTED;
use crate::layout::{Block, Cell, Column, Table};

impl Ctx<'_> {
    pub(super) fn evidence(&self) -> Vec<Block> {
        let Some(e) = self.input.engagement else {
            return Vec::new();
        };
        let lang = self.lang;
        let sampled = e.evidence.iter().filter(|x| x.sampling.is_some()).count();
        let mut size = lang.with_separator(&describe_size(e.file_bytes));
        if lang == clausewise_core::i18n::Lang::Fr {
            // Octets: 3 Ko, 1,2 Mo.
            size = size
                .replace("KB", "Ko")
                .replace("MB", "Mo")
                .replace("GB", "Go");
            if let Some(n) = size.strip_suffix(" B") {
                size = format!("{n} o");
            }
        }
        let mut intro = tr!(
            lang,
            "evidence-intro",
            n = e.evidence.len(),
            files = e.files,
            size = size
        );
        if sampled > 0 {
            intro.push(' ');
            intro.push_str(&tr!(lang, "evidence-samples", n = sampled));
        }
        intro.push(' ');
        intro.push_str(&tr!(lang, "evidence-hashes"));
        let rows = e
            .evidence
            .iter()
            .map(|x| {
                let mut title = x.title.clone();
                let mut detail = vec![self.label("evidence-kind", x.kind)];
                if !x.version.is_empty() {
                    detail.push(tr!(lang, "evidence-version", version = &x.version));
                }
                if let Some(d) = x.seen_on {
                    detail.push(tr!(lang, "evidence-seen", date = lang.short_date(d)));
                }
                title.push_str(&format!("\n{}", detail.join(", ")));
                if let Some(s) = x.sampling {
                    title.push('\n');
                    title.push_str(&tr!(
                        lang,
                        "evidence-sample",
                        sample = s.sample,
                        population = s.population,
                        exceptions = s.exceptions
                    ));
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
                    Column::new(&tr!(lang, "col-item"), 0.7),
                    Column::new(&tr!(lang, "col-evidence"), 3.6),
                    Column::new(&tr!(lang, "col-files"), 3.0),
                    Column::new(&tr!(lang, "col-requirements"), 1.5),
                ],
                rows,
                size: 7.5,
                header: true,
            }),
        ]
    }
}
