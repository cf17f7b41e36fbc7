//! The PDF gap report.
//!
//! [`build`] turns an assessment into a report model (sections of blocks);
//! [`render`] lays the model out on A4 pages and writes the PDF with an
//! embedded, subset Unicode font, a contents page with real page numbers,
//! a bookmark per section, running headers and footers with "Page X of Y",
//! and document metadata. Writing it to disk is the application layer's
//! (`clausewise-api`), as for every export.
//!
//! Where things are:
//! - `model/`: what the report says. `mod.rs` has [`ReportInput`], the
//!   model types and [`build`]; one module per section (`cover`,
//!   `summary`, `progress`, `method`, `charts`, `clauses`, `findings`,
//!   `roadmap`, `kpis`, `documents`, `not_applicable`, `itil`).
//! - `layout/`: where it goes on the page. `blocks` (the block types),
//!   `engine` (pages, cursor, drawing primitives, wrapping), `flow`
//!   (sections, headings, paragraphs, callouts, tiles), `tables`, `charts`
//!   (radar, gap bars, heat map); `mod.rs` has the page geometry.
//! - `colours`: core's palette (the app's too) under the report's names.
//! - `pdf/`: the pages in order (`mod.rs`), the page furniture
//!   (`furniture`: cover, contents, running header and footer) and the
//!   file (`write`: fonts, outline, metadata, compression).
//! - `fonts`: the built-in typeface, measuring, and fonts borrowed from
//!   the computer ([`Fallbacks`]).
//! - `warnings`: what [`Rendered::warnings`] says about unprintable text.

mod colours;
pub mod docx;
pub mod fonts;
pub mod layout;
pub mod model;
mod pdf;
mod raster;
mod warnings;

use printpdf::RawImage;

pub use crate::docx::{render_docx, RenderedDocx, Template, TemplateError};
use crate::fonts::Metrics;
pub use crate::fonts::{prepare, Fallbacks};
pub use crate::model::{build, Report, ReportInput};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("The logo could not be read: {0}. Use a PNG or JPEG image.")]
    Logo(String),
    #[error("The report has no sections to print: include at least one section.")]
    Empty,
    #[error("The Word document could not be written: {0}.")]
    Docx(String),
    #[error(transparent)]
    Template(#[from] TemplateError),
}

/// Whether `bytes` start like a PNG or a JPEG file, the pictures the report
/// prints (a logo, a template's header artwork).
pub fn is_png_or_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// A finished PDF and what the consultant should know about it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Sections and the page each starts on (1-based), as in the contents.
    pub outline: Vec<(String, usize)>,
    /// Things that came out differently from what was typed.
    pub warnings: Vec<String>,
}

/// Lays out and writes the report. `logo` is the raw PNG or JPEG file.
/// Characters outside the built-in typeface are printed with a font
/// installed on this computer that has them ([`Fallbacks::system`]).
pub fn render(report: &Report, logo: Option<&[u8]>) -> Result<Rendered, ReportError> {
    render_with(report, logo, &Fallbacks::system())
}

/// [`render`], borrowing glyphs only from `fallbacks`.
pub fn render_with(
    report: &Report,
    logo: Option<&[u8]>,
    fallbacks: &Fallbacks,
) -> Result<Rendered, ReportError> {
    if report.sections.is_empty() {
        return Err(ReportError::Empty);
    }
    let logo = match logo {
        Some(bytes) => Some(
            RawImage::decode_from_bytes(bytes, &mut Vec::new())
                .map_err(|e| ReportError::Logo(e.to_string()))?,
        ),
        None => None,
    };

    // Most reports need only the built-in typeface. When some text is
    // outside it, the report is laid out again with fonts that have those
    // characters, since they change the width of every line they are in.
    let mut pass = pdf::lay_out(report, logo.as_ref(), Metrics::new());
    if !pass.metrics.missing.is_empty() {
        let borrowed = fallbacks.pick(&pass.metrics.missing);
        if !borrowed.is_empty() {
            pass = pdf::lay_out(report, logo.as_ref(), Metrics::with_fallbacks(borrowed));
        }
    }
    let pdf::Pass {
        doc,
        metrics,
        pages,
        outline,
    } = pass;
    let warnings = warnings::of(&metrics.missing);
    let page_count = pages.len();
    let bytes = pdf::write(doc, report, pages, &outline);
    Ok(Rendered {
        bytes,
        pages: page_count,
        outline,
        warnings,
    })
}
