//! Writing the PDF: the fonts registered for embedding (printpdf subsets
//! them), the pages, the outline (bookmarks), the metadata, and the
//! streams compressed.

use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt};

use crate::fonts::{self, Metrics};
use crate::layout::{FontIds, PAGE_H, PAGE_W};
use crate::model::Report;

/// A new document with the report's typefaces, and the fonts `metrics`
/// borrows, registered for embedding.
pub(super) fn document(report: &Report, metrics: &Metrics) -> (PdfDocument, FontIds) {
    let faces = fonts::faces();
    let mut doc = PdfDocument::new(&report.title);
    let font_ids = FontIds {
        regular: doc.add_font(&faces.regular),
        bold: doc.add_font(&faces.bold),
        italic: doc.add_font(&faces.italic),
        bold_italic: doc.add_font(&faces.bold_italic),
        fallbacks: metrics.fallback_fonts().map(|f| doc.add_font(f)).collect(),
    };
    (doc, font_ids)
}

/// Adds the outline, the metadata and the pages to `doc` and writes it.
pub(crate) fn write(
    mut doc: PdfDocument,
    report: &Report,
    pages: Vec<Vec<printpdf::Op>>,
    outline: &[(String, usize)],
) -> Vec<u8> {
    doc.add_bookmark(&report.cover.title, 1);
    for entry in outline {
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
    write_pdf(&doc)
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
