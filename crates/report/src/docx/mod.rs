//! The Word report: the same report model as the PDF, written as an
//! editable .docx with real Word structure: heading styles (the navigation
//! pane and the table of contents field work from them), a table style, a
//! cover page, running header and footer with "Page X of Y" fields, a
//! bookmark per section, the charts as pictures (painted by the PDF's own
//! chart code, see `crate::raster`) and the document's properties.
//!
//! - here: the document, section by section and block by block;
//! - `styles`: the built-in style set (matching the PDF) and the names the
//!   report uses, which a firm's template may define its own way;
//! - `template`: reading a firm's .docx/.dotx and putting its styles and
//!   page setup to use.

mod styles;
mod template;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, Header, InstrPAGEREF,
    InstrText, InstrToC, LineSpacing, LineSpacingType, NumPages, PageMargin, PageNum, Paragraph,
    Pic, Run, Shading, Tab, TabValueType, Table, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableLayoutType, TableRow, VAlignType, WidthType,
};

use std::collections::HashMap;

use crate::colours::{INK, MUTED, RULE, WHITE, ZEBRA};
use crate::fonts::{Metrics, Weight};
use crate::layout::{Align, Block, Cell, Span, Tile};
use crate::model::Report;
use crate::raster;
use clausewise_core::palette::Colour;

pub use styles::STYLE_NAMES;
pub use template::{Template, TemplateError};

/// A finished Word document.
#[derive(Debug, Clone)]
pub struct RenderedDocx {
    pub bytes: Vec<u8>,
    /// Sections in order, as in the contents.
    pub outline: Vec<String>,
    /// Things the consultant should know (a template's missing styles).
    pub warnings: Vec<String>,
}

/// Twentieths of a point, Word's unit for lengths.
fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// English Metric Units, the unit of picture sizes.
fn emu(pt: f32) -> u32 {
    (pt * 12_700.0).round().max(1.0) as u32
}

pub(crate) fn hex(c: Colour) -> String {
    format!("{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The page geometry the document is laid out on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    pub width: u32,
    pub height: u32,
    pub margin: PageMarginTw,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct PageMarginTw {
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
    pub header: i32,
    pub footer: i32,
}

impl Page {
    /// A4 with the PDF's margins.
    fn a4() -> Page {
        Page {
            width: 11_906,
            height: 16_838,
            margin: PageMarginTw {
                top: 1_500,
                bottom: 1_300,
                left: twips(crate::layout::MARGIN_X),
                right: twips(crate::layout::MARGIN_X),
                header: 700,
                footer: 600,
            },
        }
    }

    /// Width between the margins, in twips.
    fn content(&self) -> u32 {
        let w = i64::from(self.width) - i64::from(self.margin.left) - i64::from(self.margin.right);
        u32::try_from(w.max(2_000)).unwrap_or(2_000)
    }
}

/// Writes the report as a Word document. `logo` is the raw PNG or JPEG
/// file; `template` a firm's .docx/.dotx whose styles and page setup are
/// used instead of the built-in ones.
pub fn render_docx(
    report: &Report,
    logo: Option<&[u8]>,
    template: Option<&Template>,
) -> Result<RenderedDocx, crate::ReportError> {
    if report.sections.is_empty() {
        return Err(crate::ReportError::Empty);
    }
    let logo = match logo {
        Some(bytes) => Some(logo_picture(bytes)?),
        None => None,
    };
    let page = template.and_then(Template::page).unwrap_or_else(Page::a4);
    // Charts are painted with the PDF's typeface, and with fonts of this
    // computer for characters it lacks (as the PDF prints them).
    let mut metrics = {
        let plain = Metrics::new();
        let lacking: std::collections::BTreeSet<char> =
            raster::chart_chars(report.sections.iter().flat_map(|s| &s.blocks))
                .into_iter()
                .filter(|c| !c.is_whitespace() && !plain.covers(*c))
                .collect();
        if lacking.is_empty() {
            plain
        } else {
            Metrics::with_fallbacks(crate::Fallbacks::system().pick(&lacking))
        }
    };
    // The charts are laid out in order (borrowing fonts as they need), then
    // painted side by side: painting is most of a Word report's time.
    let mut drawings = Vec::new();
    for block in report.sections.iter().flat_map(|s| &s.blocks) {
        if let Some(drawing) = raster::lay_out(block, &mut metrics, report.lang) {
            drawings.push((block_key(block), drawing));
        }
    }
    let mut w = Writer {
        docx: Docx::new(),
        brand: report.brand,
        page,
        pictures: paint_all(&drawings, &metrics),
        bookmark: 0,
        outline: Vec::new(),
    };
    w.cover(report, logo);
    if report.contents {
        w.contents(report);
    }
    for (i, section) in report.sections.iter().enumerate() {
        w.section(
            section.key.name(),
            &section.title,
            section.new_page || i == 0,
            &section.blocks,
        );
    }

    let Writer {
        docx,
        outline,
        page,
        ..
    } = w;
    let docx = docx
        .page_size(page.width, page.height)
        .page_margin(
            PageMargin::new()
                .top(page.margin.top)
                .bottom(page.margin.bottom)
                .left(page.margin.left)
                .right(page.margin.right)
                .header(page.margin.header)
                .footer(page.margin.footer),
        )
        .title_pg()
        .first_header(Header::new())
        .first_footer(Footer::new())
        .header(running_header(report, &page))
        .footer(running_footer(report, &page))
        .created_at(&report.generated.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .updated_at(&report.generated.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .custom_property("Client", report.cover.client.clone())
        .custom_property("Confidentiality", report.cover.confidentiality.clone());
    let docx = styles::builtin(page.content(), report.brand)
        .into_iter()
        .fold(docx, Docx::add_style);

    let mut xml = docx.build();
    xml.doc_props.core = core_properties(report);
    xml.document = repeat_headers(xml.document);
    let mut warnings = Vec::new();
    xml.styles = template::without_bare_normal(xml.styles);
    if let Some(t) = template {
        warnings.extend(t.apply_artwork(&mut xml));
        let (merged, missing) = t.styles_with(&xml.styles);
        xml.styles = merged;
        if !missing.is_empty() {
            warnings.push(format!(
                "The template has no style for {}; the built-in ones are used for these.",
                missing.join(", ")
            ));
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|e| crate::ReportError::Docx(e.to_string()))?;
    Ok(RenderedDocx {
        bytes: bytes.into_inner(),
        outline,
        warnings,
    })
}

/// Table header rows (the only rows the writer marks as not to be split)
/// also repeat at the top of every page the table runs onto: the crate has
/// no setter for that row property, so it is added after its marker.
fn repeat_headers(document: Vec<u8>) -> Vec<u8> {
    const MARK: &str = "<w:cantSplit />";
    let xml = String::from_utf8_lossy(&document);
    if !xml.contains(MARK) {
        return document;
    }
    xml.replace(MARK, "<w:cantSplit /><w:tblHeader />")
        .into_bytes()
}

/// The logo as a picture at most 170 × 56 points (as on the PDF cover).
fn logo_picture(bytes: &[u8]) -> Result<Pic, crate::ReportError> {
    let img = printpdf::RawImage::decode_from_bytes(bytes, &mut Vec::new())
        .map_err(|e| crate::ReportError::Logo(e.to_string()))?;
    let (pw, ph) = (img.width.max(1) as f32, img.height.max(1) as f32);
    let scale = (170.0 / pw).min(56.0 / ph);
    let px = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    Ok(
        Pic::new_with_dimensions(bytes.to_vec(), px(img.width), px(img.height))
            .size(emu(pw * scale), emu(ph * scale)),
    )
}

/// Text for an XML attribute or element of a part the crate does not write.
pub(crate) fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The document's core properties (title, subject, author, keywords,
/// dates), which the crate has no setters for.
fn core_properties(report: &Report) -> Vec<u8> {
    let esc = |s: &str| {
        xml_escape(
            &s.chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect::<String>(),
        )
    };
    let when = report.generated.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
         <cp:keywords>{}</cp:keywords><dc:description>{}</dc:description>\
         <cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified>\
         </cp:coreProperties>",
        esc(&report.title),
        esc(&report.subject),
        esc(&report.author),
        esc(&report.keywords.join(", ")),
        esc(&report.cover.confidentiality),
        esc(&report.author),
    )
    .into_bytes()
}

fn running_header(report: &Report, page: &Page) -> Header {
    let mut p = Paragraph::new()
        .style(styles::HEADER)
        .add_tab(
            Tab::new()
                .val(TabValueType::Right)
                .pos(page.content() as usize),
        )
        .add_run(Run::new().add_text(report.title.clone()));
    if !report.cover.firm.is_empty() {
        p = p.add_run(Run::new().add_tab().add_text(report.cover.firm.clone()));
    }
    Header::new().add_paragraph(p)
}

fn running_footer(report: &Report, page: &Page) -> Footer {
    let mut left = report.footer.clone();
    if !report.cover.confidentiality.is_empty() {
        left = format!("{left} · {}", report.cover.confidentiality);
    }
    // "Page {page} of {total}" in the report's language, its numbers as
    // fields: the message is split where the numbers go.
    let words = clausewise_core::tr!(report.lang, "page-of", page = "\u{1}", total = "\u{2}");
    let (before, rest) = words.split_once('\u{1}').unwrap_or((&words, ""));
    let (middle, after) = rest.split_once('\u{2}').unwrap_or((rest, ""));
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(styles::FOOTER)
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos(page.content() as usize),
            )
            .add_run(Run::new().add_text(left))
            .add_run(Run::new().add_tab().add_text(before))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(middle))
            .add_num_pages(NumPages::new())
            .add_run(Run::new().add_text(after)),
    )
}

/// Which block of the report this is (the report is borrowed while it is
/// written, so its blocks stay where they are).
fn block_key(block: &Block) -> usize {
    std::ptr::from_ref(block) as usize
}

/// The charts painted, on as many threads as there are processors (at most
/// one per chart), by the block they show.
fn paint_all(
    drawings: &[(usize, raster::Drawing)],
    metrics: &Metrics,
) -> HashMap<usize, raster::Picture> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(drawings.len());
    std::thread::scope(|scope| {
        let painters: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut painted = Vec::new();
                    while let Some((key, drawing)) =
                        drawings.get(next.fetch_add(1, Ordering::Relaxed))
                    {
                        if let Some(picture) = raster::picture(drawing, metrics) {
                            painted.push((*key, picture));
                        }
                    }
                    painted
                })
            })
            .collect();
        painters
            .into_iter()
            .flat_map(|painter| {
                painter
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

struct Writer {
    docx: Docx,
    /// The firm's colour.
    brand: Colour,
    page: Page,
    /// The charts, painted beforehand (see [`paint_all`]).
    pictures: HashMap<usize, raster::Picture>,
    bookmark: usize,
    outline: Vec<String>,
}

impl Writer {
    fn push(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn push_table(&mut self, t: Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(t);
    }

    fn cover(&mut self, report: &Report, logo: Option<Pic>) {
        let c = &report.cover;
        if let Some(pic) = logo {
            self.push(Paragraph::new().add_run(Run::new().add_image(pic)));
        } else if !c.firm.is_empty() {
            self.push(
                Paragraph::new()
                    .style(styles::COVER_FIRM)
                    .add_run(Run::new().add_text(c.firm.clone())),
            );
        }
        self.push(
            Paragraph::new()
                .style(styles::KICKER)
                .add_run(Run::new().add_text(c.kicker.clone())),
        );
        self.push(
            Paragraph::new()
                .style(styles::TITLE)
                .add_run(Run::new().add_text(c.title.clone())),
        );
        self.push(
            Paragraph::new()
                .style(styles::SUBTITLE)
                .add_run(Run::new().add_text(c.client.clone())),
        );
        let width = self.page.content();
        let label_w = (width * 3 / 10) as usize;
        let rows = c
            .facts
            .iter()
            .map(|(k, v)| {
                TableRow::new(vec![
                    TableCell::new()
                        .width(label_w, WidthType::Dxa)
                        .add_paragraph(cell_paragraph(&Cell::new(k.clone()).colored(MUTED))),
                    TableCell::new()
                        .width(width as usize - label_w, WidthType::Dxa)
                        .add_paragraph(cell_paragraph(&Cell::new(v.clone()).bold())),
                ])
            })
            .collect();
        self.push_table(
            Table::without_borders(rows)
                .set_grid(vec![label_w, width as usize - label_w])
                .width(width as usize, WidthType::Dxa)
                .layout(TableLayoutType::Fixed),
        );
        if !c.confidentiality.is_empty() {
            self.push(
                Paragraph::new()
                    .style(styles::CONFIDENTIALITY)
                    .add_run(Run::new().add_text(c.confidentiality.clone())),
            );
        }
    }

    /// The contents: a table of contents field over the section titles
    /// (heading 1), its entries already in it, each with a PAGEREF field to
    /// the section's bookmark. The field is marked for updating, so Word
    /// numbers the pages as it lays them out when the document is opened.
    fn contents(&mut self, report: &Report) {
        self.push(
            Paragraph::new()
                .style(styles::TOC_HEADING)
                .page_break_before(true)
                .add_run(Run::new().add_text(crate::model::section_title(
                    report.lang,
                    clausewise_core::report::ReportSection::Contents,
                ))),
        );
        let begin = Run::new()
            .add_field_char(FieldCharType::Begin, true)
            .add_instr_text(InstrText::TOC(
                InstrToC::new().heading_styles_range(1, 1).hyperlink(),
            ))
            .add_field_char(FieldCharType::Separate, false);
        let last = report.sections.len().saturating_sub(1);
        for (i, s) in report.sections.iter().enumerate() {
            let mut p = Paragraph::new().style(styles::TOC_1);
            if i == 0 {
                p = p.add_run(begin.clone());
            }
            p = p
                .add_run(Run::new().add_text(s.title.clone()))
                .add_run(Run::new().add_tab())
                .add_run(
                    Run::new()
                        .add_field_char(FieldCharType::Begin, false)
                        .add_instr_text(InstrText::PAGEREF(
                            InstrPAGEREF::new(bookmark_name(s.key.name())).hyperlink(),
                        ))
                        .add_field_char(FieldCharType::Separate, false)
                        .add_text("")
                        .add_field_char(FieldCharType::End, false),
                );
            if i == last {
                p = p.add_run(Run::new().add_field_char(FieldCharType::End, false));
            }
            self.push(p);
        }
    }

    fn section(&mut self, name: &str, title: &str, new_page: bool, blocks: &[Block]) {
        let id = self.bookmark;
        self.bookmark += 1;
        self.outline.push(title.to_owned());
        self.push(
            Paragraph::new()
                .style(styles::HEADING[0])
                .page_break_before(new_page)
                .keep_next(true)
                .add_bookmark_start(id, bookmark_name(name))
                .add_run(Run::new().add_text(title.to_owned()))
                .add_bookmark_end(id),
        );
        for (i, block) in blocks.iter().enumerate() {
            // A paragraph that introduces a table or chart (its caption)
            // stays on the page with it, as in the PDF.
            let caption = matches!(
                blocks.get(i + 1),
                Some(b) if matches!(b, Block::Table(_)) || raster::is_chart(b)
            );
            self.block(block, caption);
        }
    }

    fn block(&mut self, block: &Block, caption: bool) {
        match block {
            Block::Heading { level, text } => {
                let style = styles::HEADING[usize::from((*level).clamp(1, 3)) - 1];
                self.push(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(text.clone())),
                );
            }
            Block::Paragraph { spans, size, .. } => {
                let style = if *size < 9.0 {
                    styles::SMALL
                } else {
                    styles::BODY
                };
                self.push(runs(
                    Paragraph::new().style(style).keep_next(caption),
                    spans,
                ));
            }
            Block::ListItem { marker, spans } => {
                let p = Paragraph::new()
                    .style(styles::LIST)
                    .keep_next(caption)
                    .add_run(Run::new().add_text(marker.clone()).add_tab());
                self.push(runs(p, spans));
            }
            Block::Table(table) => self.table(table),
            Block::Callout {
                title,
                accent,
                lines,
            } => self.callout(title, *accent, lines),
            Block::Tiles(tiles) => self.tiles(tiles),
            Block::Spacer(h) => self.push(
                Paragraph::new().style(styles::BODY).line_spacing(
                    LineSpacing::new()
                        .before(0)
                        .after(0)
                        .line_rule(LineSpacingType::Exact)
                        .line(twips(*h).max(20)),
                ),
            ),
            chart => {
                if let Some(pic) = self.pictures.remove(&block_key(chart)) {
                    let max = self.page.content() as f32 / 20.0;
                    let scale = (max / pic.pt_w).min(1.0);
                    self.push(
                        Paragraph::new().style(styles::FIGURE).add_run(
                            Run::new().add_image(
                                Pic::new_with_dimensions(pic.png, pic.px_w, pic.px_h)
                                    .size(emu(pic.pt_w * scale), emu(pic.pt_h * scale)),
                            ),
                        ),
                    );
                }
            }
        }
    }

    fn table(&mut self, table: &crate::layout::Table) {
        let width = self.page.content() as f32;
        let total: f32 = table.columns.iter().map(|c| c.width).sum::<f32>().max(0.01);
        let widths: Vec<usize> = table
            .columns
            .iter()
            .map(|c| (width * c.width / total).round() as usize)
            .collect();
        let mut rows = Vec::new();
        if table.header {
            // Marked so that it repeats on every page (see `repeat_headers`).
            rows.push(
                TableRow::new(
                    table
                        .columns
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| {
                            TableCell::new()
                                .width(*w, WidthType::Dxa)
                                .shading(Shading::new().fill(hex(self.brand)))
                                .add_paragraph(
                                    Paragraph::new()
                                        .style(styles::TABLE_HEADING)
                                        .align(alignment(c.align))
                                        .add_run(Run::new().add_text(c.title.clone())),
                                )
                        })
                        .collect(),
                )
                .cant_split(),
            );
        }
        for (i, row) in table.rows.iter().enumerate() {
            let zebra = i % 2 == 1;
            rows.push(TableRow::new(
                row.iter()
                    .zip(table.columns.iter().zip(&widths))
                    .map(|(cell, (col, w))| {
                        let mut tc = TableCell::new()
                            .width(*w, WidthType::Dxa)
                            .vertical_align(VAlignType::Top);
                        if let Some(fill) = cell.fill {
                            tc = tc.shading(Shading::new().fill(hex(fill)));
                        } else if zebra {
                            tc = tc.shading(Shading::new().fill(hex(ZEBRA)));
                        }
                        tc.add_paragraph(cell_paragraph(cell).align(alignment(col.align)))
                    })
                    .collect(),
            ));
        }
        self.push_table(
            Table::new(rows)
                .style(styles::TABLE)
                .set_grid(widths)
                .width(width as usize, WidthType::Dxa)
                .layout(TableLayoutType::Fixed),
        );
        self.push(Paragraph::new().style(styles::AFTER_TABLE));
    }

    fn callout(&mut self, title: &str, accent: Colour, lines: &[Vec<Span>]) {
        let width = self.page.content() as usize;
        let mut cell = TableCell::new()
            .width(width, WidthType::Dxa)
            .shading(Shading::new().fill(hex(ZEBRA)))
            .set_borders(
                TableCellBorders::with_empty().set(
                    TableCellBorder::new(TableCellBorderPosition::Left)
                        .border_type(BorderType::Single)
                        .size(24)
                        .color(hex(accent)),
                ),
            );
        if !title.is_empty() {
            cell = cell.add_paragraph(
                Paragraph::new().style(styles::CALLOUT_TITLE).add_run(
                    Run::new()
                        .add_text(title.to_owned())
                        .bold()
                        .color(hex(accent)),
                ),
            );
        }
        for line in lines {
            cell = cell.add_paragraph(runs(Paragraph::new().style(styles::CALLOUT), line));
        }
        self.push_table(
            Table::without_borders(vec![TableRow::new(vec![cell])])
                .set_grid(vec![width])
                .width(width, WidthType::Dxa)
                .layout(TableLayoutType::Fixed),
        );
        self.push(Paragraph::new().style(styles::AFTER_TABLE));
    }

    fn tiles(&mut self, tiles: &[Tile]) {
        if tiles.is_empty() {
            return;
        }
        let width = self.page.content() as usize;
        let each = width / tiles.len();
        let cells = tiles
            .iter()
            .map(|t| {
                TableCell::new()
                    .width(each, WidthType::Dxa)
                    .shading(Shading::new().fill(hex(WHITE)))
                    .set_borders(
                        TableCellBorders::with_empty()
                            .set(
                                TableCellBorder::new(TableCellBorderPosition::Top)
                                    .border_type(BorderType::Single)
                                    .size(24)
                                    .color(hex(t.accent)),
                            )
                            .set(
                                TableCellBorder::new(TableCellBorderPosition::Bottom)
                                    .border_type(BorderType::Single)
                                    .size(4)
                                    .color(hex(RULE)),
                            ),
                    )
                    .add_paragraph(
                        Paragraph::new()
                            .style(styles::FIGURE_LABEL)
                            .add_run(Run::new().add_text(t.label.clone())),
                    )
                    .add_paragraph(
                        Paragraph::new()
                            .style(styles::FIGURE_VALUE)
                            .add_run(Run::new().add_text(t.value.clone()).color(hex(t.accent))),
                    )
                    .add_paragraph(
                        Paragraph::new()
                            .style(styles::FIGURE_LABEL)
                            .add_run(Run::new().add_text(t.note.clone())),
                    )
            })
            .collect();
        self.push_table(
            Table::without_borders(vec![TableRow::new(cells)])
                .set_grid(vec![each; tiles.len()])
                .width(width, WidthType::Dxa)
                .layout(TableLayoutType::Fixed),
        );
        self.push(Paragraph::new().style(styles::AFTER_TABLE));
    }
}

/// The bookmark of a section, e.g. "section_not_applicable".
fn bookmark_name(section: &str) -> String {
    format!("section_{}", section.replace('-', "_"))
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

/// A run of text in a span's style, explicit line breaks kept.
fn run_of(text: &str, weight: Weight, color: Colour) -> Run {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line.to_owned());
    }
    if weight.is_bold() {
        run = run.bold();
    }
    if weight.is_italic() {
        run = run.italic();
    }
    if color != INK {
        run = run.color(hex(color));
    }
    run
}

/// The spans as runs, a space between two that meet inside a word unless
/// the second is glued (as the PDF sets them).
fn runs(mut p: Paragraph, spans: &[Span]) -> Paragraph {
    let mut in_word = false;
    for s in spans {
        if s.text.is_empty() {
            continue;
        }
        let apart = in_word && !s.glued && !s.text.starts_with(char::is_whitespace);
        let text = if apart {
            format!(" {}", s.text)
        } else {
            s.text.clone()
        };
        p = p.add_run(run_of(&text, s.weight, s.color));
        in_word = !s.text.ends_with(char::is_whitespace);
    }
    p
}

fn cell_paragraph(cell: &Cell) -> Paragraph {
    let mut p = Paragraph::new().style(styles::TABLE_TEXT).add_run(run_of(
        &cell.text,
        cell.weight,
        cell.color,
    ));
    if cell.indent > 0.0 {
        p = p.indent(Some(twips(cell.indent)), None, None, None);
    }
    p
}
