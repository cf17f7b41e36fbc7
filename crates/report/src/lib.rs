//! The PDF gap report.
//!
//! [`model::build`] turns an assessment into a report model (sections of
//! blocks); [`render`] lays the model out on A4 pages and writes the PDF with
//! an embedded, subset Unicode font, a contents page with real page numbers,
//! a bookmark per section, running headers and footers with "Page X of Y",
//! and document metadata. Writing it to disk is the application layer's
//! (`clausewise-api`), as for every export.

pub mod fonts;
pub mod layout;
pub mod model;

use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt, RawImage};

pub use crate::fonts::Fallbacks;
use crate::fonts::{Metrics, Weight, REPLACEMENT};
use crate::layout::{
    Engine, FontIds, Rgb, ACCENT, BOTTOM, BRAND, CONTENT_W, INK, MARGIN_X, MUTED, PAGE_H, PAGE_W,
    RED, RULE, TOP, WHITE,
};
pub use crate::model::{build, Report, ReportInput};
use clausewise_core::text::{count, plural};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("The logo could not be read: {0}. Use a PNG or JPEG image.")]
    Logo(String),
    #[error("The report has no sections to print: include at least one section.")]
    Empty,
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

/// A laid-out report, not yet written.
struct Pass {
    doc: PdfDocument,
    metrics: Metrics,
    pages: Vec<Vec<printpdf::Op>>,
    outline: Vec<(String, usize)>,
}

/// Lays the report out on pages with the typefaces `metrics` has.
fn lay_out(report: &Report, logo: Option<&RawImage>, mut metrics: Metrics) -> Pass {
    let faces = fonts::faces();
    let mut doc = PdfDocument::new(&report.title);
    let font_ids = FontIds {
        regular: doc.add_font(&faces.regular),
        bold: doc.add_font(&faces.bold),
        fallbacks: metrics.fallback_fonts().map(|f| doc.add_font(f)).collect(),
    };
    let logo = logo.map(|img| (doc.add_image(img), img.width, img.height));
    let mut e = Engine::new(&mut metrics, font_ids);

    // Cover.
    e.new_page();
    cover(&mut e, report, logo);
    // Contents: one page, filled in once the sections have their pages.
    let contents_page = report.contents.then(|| {
        e.new_page();
        e.outline.push(layout::OutlineEntry {
            title: "Contents".to_owned(),
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
    let mut pass = lay_out(report, logo.as_ref(), Metrics::new());
    if !pass.metrics.missing.is_empty() {
        let borrowed = fallbacks.pick(&pass.metrics.missing);
        if !borrowed.is_empty() {
            pass = lay_out(report, logo.as_ref(), Metrics::with_fallbacks(borrowed));
        }
    }
    let Pass {
        mut doc,
        metrics,
        pages,
        outline,
    } = pass;

    let mut warnings = Vec::new();
    let (shaped, plain): (Vec<char>, Vec<char>) = metrics
        .missing
        .iter()
        .partition(|&&c| fonts::needs_shaping(c));
    if !plain.is_empty() {
        warnings.push(unprintable_warning(&plain));
    }
    if !shaped.is_empty() {
        warnings.push(shaping_warning(&shaped));
    }

    doc.add_bookmark(&report.cover.title, 1);
    for entry in &outline {
        doc.add_bookmark(&entry.0, entry.1);
    }
    let info = &mut doc.metadata.info;
    info.document_title = report.title.clone();
    info.author = report.author.clone();
    info.subject = report.subject.clone();
    info.keywords = report.keywords.clone();
    info.creator = "Clausewise".to_owned();
    info.producer = format!("Clausewise {}", env!("CARGO_PKG_VERSION"));
    if let Ok(date) = printpdf::DateTime::from_unix_timestamp(report.generated.timestamp()) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
    let page_count = pages.len();
    doc.with_pages(
        pages
            .into_iter()
            .map(|ops| {
                PdfPage::new(
                    printpdf::Mm::from(Pt(PAGE_W)),
                    printpdf::Mm::from(Pt(PAGE_H)),
                    ops,
                )
            })
            .collect(),
    );
    let bytes = write_pdf(&doc);
    Ok(Rendered {
        bytes,
        pages: page_count,
        outline,
        warnings,
    })
}

/// "2 different characters (for example 服务) are …": characters no font
/// has.
fn unprintable_warning(chars: &[char]) -> String {
    let n = chars.len() as u64;
    let sample: String = chars.iter().take(12).collect();
    format!(
        "{} (for example {sample}) {} neither in the report's typeface, which covers Latin, \
         Greek and Cyrillic scripts, nor in any font installed on this computer; {} printed \
         as {REPLACEMENT}. Installing a font for that script (for example Noto Sans CJK for \
         Chinese, Japanese and Korean) and exporting again prints {}.",
        count(n, "character", "different characters"),
        plural(n, "is", "are"),
        plural(n, "it is", "they are"),
        plural(n, "it", "them"),
    )
}

/// Characters of scripts the report cannot set: letters that join or
/// change shape with their neighbours, or that are written from right to
/// left, would come out wrong, so they are replaced (see
/// [`fonts::needs_shaping`]).
fn shaping_warning(chars: &[char]) -> String {
    let n = chars.len() as u64;
    let sample: String = chars.iter().take(12).collect();
    format!(
        "{} (for example {sample}) {} to scripts that are written from right to left or whose \
         letters join or change order (such as Arabic, Hebrew, Devanagari or Khmer), which the \
         report cannot set yet; {} printed as {REPLACEMENT}.",
        count(n, "character", "different characters"),
        plural(n, "belongs", "belong"),
        plural(n, "it is", "they are"),
    )
}

/// Serialises the document. Streams are deflated here rather than by
/// printpdf, which uses the slowest compression level: a fast level gives
/// nearly the same size in a fraction of the time, and the two halves of
/// the streams are compressed in parallel.
fn write_pdf(doc: &PdfDocument) -> Vec<u8> {
    let options = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut pdf = doc.to_lopdf_document(&options, &mut Vec::new());
    let mut streams: Vec<&mut lopdf::Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    let half = streams.len() / 2;
    let (a, b) = streams.split_at_mut(half);
    std::thread::scope(|scope| {
        scope.spawn(|| a.iter_mut().for_each(|s| deflate(s)));
        b.iter_mut().for_each(|s| deflate(s));
    });
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = pdf.save_to(&mut out);
    out
}

/// zlib level: 3 compresses report content streams to within ~7 % of the
/// best level at a fraction of the time.
const LEVEL: u32 = 3;

fn deflate(stream: &mut lopdf::Stream) {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 3),
        flate2::Compression::new(LEVEL),
    );
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(z) = encoder.finish() {
        if z.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(z);
        }
    }
}

/// Wraps `text` at `size`, or smaller (down to 70 %) until it takes at
/// most `max_lines` lines; it is never cut. Returns the size and the lines.
fn fit(
    e: &mut Engine,
    span: &layout::Span,
    size: f32,
    max_lines: usize,
    width: f32,
) -> (f32, Vec<layout::WrappedLine>) {
    let smallest = size * 0.7;
    let mut s = size;
    loop {
        let lines = e.wrap(std::slice::from_ref(span), s, width);
        if lines.len() <= max_lines || s <= smallest {
            return (s, lines);
        }
        s = (s - 1.0).max(smallest);
    }
}

fn cover(e: &mut Engine, report: &Report, logo: Option<(printpdf::XObjectId, usize, usize)>) {
    let c = &report.cover;
    // Logo or firm name, top left.
    if let Some((id, w, h)) = logo {
        e.image(id, w, h, MARGIN_X, 64.0, 170.0, 56.0);
    } else if !c.firm.is_empty() {
        let (size, lines) = fit(
            e,
            &layout::Span::bold(&c.firm).in_color(BRAND),
            14.0,
            3,
            CONTENT_W,
        );
        let mut y = 64.0;
        for line in &lines {
            for (dx, text, w, col) in &line.pieces {
                e.text(MARGIN_X + dx, y + size, text, *w, size, *col);
            }
            y += size * 1.3;
        }
    }

    // The title band: title and client wrap (and shrink a little when
    // long), never cut.
    let band_top = 220.0;
    let kicker = e.metrics.printable(&c.kicker);
    let (title_size, title_lines) = fit(
        e,
        &layout::Span::bold(&c.title).in_color(WHITE),
        26.0,
        4,
        CONTENT_W,
    );
    let title_lh = title_size * 32.0 / 26.0;
    let (client_size, client_lines) = fit(
        e,
        &layout::Span::plain(&c.client).in_color(Rgb(0xd6, 0xe4, 0xfb)),
        15.0,
        2,
        CONTENT_W,
    );
    let client_lh = client_size * 20.0 / 15.0;
    let band_h =
        48.0 + title_lines.len() as f32 * title_lh + client_lines.len() as f32 * client_lh + 36.0;
    e.fill_rect(0.0, band_top, PAGE_W, band_h, BRAND);
    e.fill_rect(0.0, band_top + band_h, PAGE_W, 5.0, ACCENT);
    let kicker = e
        .metrics
        .ellipsize(&kicker.to_uppercase(), Weight::Bold, 9.0, CONTENT_W);
    e.text(
        MARGIN_X,
        band_top + 34.0,
        &kicker,
        Weight::Bold,
        9.0,
        Rgb(0x9d, 0xbc, 0xf0),
    );
    let mut y = band_top + 50.0;
    for line in &title_lines {
        for (dx, text, w, col) in &line.pieces {
            e.text(
                MARGIN_X + dx,
                y + title_size * 24.0 / 26.0,
                text,
                *w,
                title_size,
                *col,
            );
        }
        y += title_lh;
    }
    y += 6.0;
    for line in &client_lines {
        for (dx, text, w, col) in &line.pieces {
            e.text(
                MARGIN_X + dx,
                y + client_size * 14.0 / 15.0,
                text,
                *w,
                client_size,
                *col,
            );
        }
        y += client_lh;
    }

    // Facts, above the confidentiality label: in full, smaller if they
    // would not fit otherwise.
    let top = band_top + band_h + 48.0;
    let last_baseline = PAGE_H - BOTTOM - 56.0;
    let value_w = CONTENT_W - 110.0;
    let mut size: f32 = 11.0;
    let facts = loop {
        let facts: Vec<(String, Vec<layout::WrappedLine>)> = c
            .facts
            .iter()
            .map(|(label, value)| {
                let label = e.metrics.printable(label).to_uppercase();
                (label, e.wrap(&[layout::Span::plain(value)], size, value_w))
            })
            .collect();
        let height: f32 = facts
            .iter()
            .map(|(_, lines)| lines.len() as f32 * size * 15.0 / 11.0 + 7.0)
            .sum();
        if top + height - 22.0 <= last_baseline || size <= 11.0 * 0.7 {
            break facts;
        }
        size = (size - 0.5).max(11.0 * 0.7);
    };
    let mut y = top;
    for (label, lines) in &facts {
        e.text(MARGIN_X, y, label, Weight::Bold, 7.5, MUTED);
        for line in lines {
            for (dx, text, w, col) in &line.pieces {
                e.text(MARGIN_X + 110.0 + dx, y, text, *w, size, *col);
            }
            y += size * 15.0 / 11.0;
        }
        y += 7.0;
    }

    // Confidentiality label.
    if !c.confidentiality.is_empty() {
        let label = e.metrics.printable(&c.confidentiality.to_uppercase());
        let label = e
            .metrics
            .ellipsize(&label, Weight::Bold, 9.0, CONTENT_W - 24.0);
        let w = e.metrics.width(&label, Weight::Bold, 9.0) + 20.0;
        let top = PAGE_H - BOTTOM - 40.0;
        let page = e.page_index();
        e.stroke_on(
            page,
            &[
                (MARGIN_X, top),
                (MARGIN_X + w, top),
                (MARGIN_X + w, top + 22.0),
                (MARGIN_X, top + 22.0),
            ],
            true,
            RED,
            1.0,
            None,
        );
        e.text(MARGIN_X + 10.0, top + 14.5, &label, Weight::Bold, 9.0, RED);
    }
}

fn contents(e: &mut Engine, page: usize, report: &Report) {
    let _ = report;
    let title = "Contents";
    e.text_on(page, MARGIN_X, TOP + 20.0, title, Weight::Bold, 20.0, BRAND);
    e.fill_rect_on(page, MARGIN_X, TOP + 30.0, 48.0, 3.0, ACCENT);
    let mut y = TOP + 70.0;
    let entries: Vec<(String, usize)> = e
        .outline
        .iter()
        .filter(|o| o.page != page)
        .map(|o| (o.title.clone(), o.page))
        .collect();
    for (n, (title, target)) in entries.iter().enumerate() {
        let number = format!("{}", n + 1);
        e.text_on(page, MARGIN_X, y, &number, Weight::Bold, 11.0, ACCENT);
        let title = e.metrics.printable(title);
        let title = e
            .metrics
            .ellipsize(&title, Weight::Regular, 11.0, CONTENT_W - 80.0);
        e.text_on(page, MARGIN_X + 24.0, y, &title, Weight::Regular, 11.0, INK);
        let tw = e.metrics.width(&title, Weight::Regular, 11.0);
        let num = (target + 1).to_string();
        let nw = e.metrics.width(&num, Weight::Regular, 11.0);
        // Dot leader between title and page number.
        let (x0, x1) = (MARGIN_X + 24.0 + tw + 6.0, MARGIN_X + CONTENT_W - nw - 6.0);
        if x1 > x0 {
            e.stroke_on(
                page,
                &[(x0, y), (x1, y)],
                false,
                RULE,
                0.8,
                Some(&[0.8, 2.4]),
            );
        }
        e.text_on(
            page,
            MARGIN_X + CONTENT_W - nw,
            y,
            &num,
            Weight::Regular,
            11.0,
            INK,
        );
        e.link_on(page, MARGIN_X, y - 12.0, CONTENT_W, 16.0, *target);
        y += 24.0;
    }
}

fn running_header_footer(e: &mut Engine, page: usize, total: usize, report: &Report) {
    let right = MARGIN_X + CONTENT_W;
    if page > 0 {
        let left = if report.cover.firm.is_empty() {
            report.cover.kicker.clone()
        } else {
            report.cover.firm.clone()
        };
        let left = e.metrics.printable(&left);
        let left = e
            .metrics
            .ellipsize(&left, Weight::Bold, 7.5, CONTENT_W * 0.45);
        e.text_on(page, MARGIN_X, 40.0, &left, Weight::Bold, 7.5, BRAND);
        let title = e.metrics.printable(&report.cover.title);
        let title = e
            .metrics
            .ellipsize(&title, Weight::Regular, 7.5, CONTENT_W * 0.5);
        e.text_right_on(page, right, 40.0, &title, Weight::Regular, 7.5, MUTED);
        e.hline_on(page, MARGIN_X, right, 48.0, RULE, 0.6);
    }
    let y = PAGE_H - 36.0;
    e.hline_on(page, MARGIN_X, right, y - 12.0, RULE, 0.6);
    let footer = e.metrics.printable(&report.footer);
    let footer = e
        .metrics
        .ellipsize(&footer, Weight::Regular, 7.5, CONTENT_W * 0.36);
    e.text_on(page, MARGIN_X, y, &footer, Weight::Regular, 7.5, MUTED);
    if !report.cover.confidentiality.is_empty() {
        let label = e.metrics.printable(&report.cover.confidentiality);
        let label = e
            .metrics
            .ellipsize(&label, Weight::Bold, 7.5, CONTENT_W * 0.4);
        let w = e.metrics.width(&label, Weight::Bold, 7.5);
        // Between the footer text (≤ 36 %) and the page number (≤ 20 %).
        e.text_on(
            page,
            MARGIN_X + CONTENT_W * 0.38 + (CONTENT_W * 0.4 - w) / 2.0,
            y,
            &label,
            Weight::Bold,
            7.5,
            RED,
        );
    }
    let number = format!("Page {} of {}", page + 1, total);
    e.text_right_on(page, right, y, &number, Weight::Regular, 7.5, MUTED);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_count_one_character_or_several() {
        assert_eq!(
            shaping_warning(&['ש']),
            "1 character (for example ש) belongs to scripts that are written from right to left \
             or whose letters join or change order (such as Arabic, Hebrew, Devanagari or \
             Khmer), which the report cannot set yet; it is printed as \u{FFFD}."
        );
        assert!(shaping_warning(&['ש', 'ب'])
            .starts_with("2 different characters (for example שب) belong to scripts"));
        assert!(shaping_warning(&['ש', 'ب']).ends_with("; they are printed as \u{FFFD}."));
        let one = unprintable_warning(&['服']);
        assert!(
            one.starts_with("1 character (for example 服) is neither in"),
            "{one}"
        );
        assert!(one.contains("; it is printed as \u{FFFD}."), "{one}");
        assert!(one.ends_with("exporting again prints it."), "{one}");
        let two = unprintable_warning(&['服', '务']);
        assert!(two.starts_with("2 different characters (for example 服务) are neither in"));
        assert!(two.ends_with("exporting again prints them."), "{two}");
    }
}
