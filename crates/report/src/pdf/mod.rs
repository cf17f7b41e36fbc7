//! The PDF: the report laid out page by page (here), the page furniture
//! around the sections (`furniture`: cover, contents, running header and
//! footer) and the writing of the file (`write`: fonts, outline, metadata,
//! compression).

mod furniture;
mod write;

use printpdf::{PdfDocument, RawImage};

pub(crate) use write::write;

use crate::fonts::Metrics;
use crate::layout::{self, Engine};
use crate::model::Report;
use furniture::{contents, cover, running_header_footer};

/// A laid-out report, not yet written.
pub(crate) struct Pass {
    pub doc: PdfDocument,
    /// The typefaces laid out with, and the characters none of them has.
    pub metrics: Metrics,
    pub pages: Vec<Vec<printpdf::Op>>,
    /// Sections and the page each starts on (1-based).
    pub outline: Vec<(String, usize)>,
}

/// Lays the report out on pages with the typefaces `metrics` has.
pub(crate) fn lay_out(report: &Report, logo: Option<&RawImage>, mut metrics: Metrics) -> Pass {
    let (mut doc, font_ids) = write::document(report, &metrics);
    let logo = logo.map(|img| (doc.add_image(img), img.width, img.height));
    let mut e = Engine::new(&mut metrics, font_ids);
    e.brand = report.brand;
    e.lang = report.lang;

    // Cover.
    e.new_page();
    cover(&mut e, report, logo);
    // Contents: one page, filled in once the sections have their pages.
    let contents_page = report.contents.then(|| {
        e.new_page();
        e.outline.push(layout::OutlineEntry {
            title: crate::model::section_title(
                report.lang,
                clausewise_core::report::ReportSection::Contents,
            ),
            page: e.page_index(),
        });
        e.page_index()
    });
    for (i, section) in report.sections.iter().enumerate() {
        // A section that must fit one page is laid out in its fullest
        // version that does (or, failing all, its tightest).
        let start = e.checkpoint();
        let versions = std::iter::once(&section.blocks).chain(&section.tighter);
        let last = section.tighter.len();
        for (k, blocks) in versions.enumerate() {
            let keep = e.lead(blocks);
            e.section(&section.title, section.new_page || i == 0, keep);
            let first = e.page_index();
            e.blocks(blocks);
            if e.page_index() == first || k == last {
                break;
            }
            e.rollback(start);
        }
    }

    let total = e.pages.len();
    if let Some(page) = contents_page {
        contents(&mut e, page, report);
    }
    for page in 0..total {
        running_header_footer(&mut e, page, total, report);
    }

    let outline: Vec<(String, usize)> = e
        .outline
        .iter()
        .map(|o| (o.title.clone(), o.page + 1))
        .collect();
    let pages = std::mem::take(&mut e.pages);
    drop(e);
    Pass {
        doc,
        metrics,
        pages,
        outline,
    }
}
