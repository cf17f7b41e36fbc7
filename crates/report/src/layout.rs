//! The layout engine: turns blocks (headings, paragraphs, tables, charts …)
//! into positioned drawing operations on A4 pages.
//!
//! Coordinates inside the engine are points measured from the top-left
//! corner of the page; they are turned into PDF coordinates (origin bottom
//! left) only when an operation is emitted.

use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, Line, LineDashPattern, LinePoint,
    LinkAnnotation, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, TextItem,
    WindingOrder, XObjectId, XObjectTransform,
};

use crate::fonts::{Face, Metrics, Weight};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
/// Top of the content area (below the running header).
pub const TOP: f32 = 78.0;
/// Distance of the content area's bottom from the page's bottom edge.
pub const BOTTOM: f32 = 66.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// A colour as 8-bit RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb {
            r: f32::from(self.0) / 255.0,
            g: f32::from(self.1) / 255.0,
            b: f32::from(self.2) / 255.0,
            icc_profile: None,
        })
    }
}

pub const INK: Rgb = Rgb(0x17, 0x20, 0x2e);
pub const MUTED: Rgb = Rgb(0x5b, 0x67, 0x78);
pub const BRAND: Rgb = Rgb(0x1d, 0x3b, 0x6e);
pub const ACCENT: Rgb = Rgb(0x1f, 0x6f, 0xeb);
pub const ACCENT_LIGHT: Rgb = Rgb(0xd6, 0xe4, 0xfb);
pub const TEAL: Rgb = Rgb(0x1a, 0x9c, 0x8c);
pub const RULE: Rgb = Rgb(0xdd, 0xe3, 0xec);
pub const ZEBRA: Rgb = Rgb(0xf4, 0xf6, 0xfa);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const RED: Rgb = Rgb(0xc9, 0x3c, 0x37);
pub const AMBER: Rgb = Rgb(0xb8, 0x7a, 0x00);
pub const GREEN: Rgb = Rgb(0x2e, 0x8a, 0x45);

/// The colour of a maturity level (0–5), as in the app.
pub fn level_color(level: u8) -> Rgb {
    match level {
        0 => Rgb(0xc9, 0x3c, 0x37),
        1 => Rgb(0xdd, 0x6a, 0x2a),
        2 => Rgb(0xc9, 0x9a, 0x12),
        3 => Rgb(0x3f, 0x9a, 0x4e),
        4 => Rgb(0x16, 0x92, 0x7f),
        _ => Rgb(0x2f, 0x6f, 0xd6),
    }
}

/// The colour of a rolled-up score: the colour of the level it has reached.
pub fn score_color(score: f64) -> Rgb {
    // Scores are 0.0–5.0; the floor is the level reached.
    let level = score.clamp(0.0, 5.0).floor() as u8;
    level_color(level)
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub weight: Weight,
    pub color: Rgb,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            weight: Weight::Regular,
            color: INK,
        }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            weight: Weight::Bold,
            ..Span::plain(text)
        }
    }
    pub fn muted(text: impl Into<String>) -> Span {
        Span {
            color: MUTED,
            ..Span::plain(text)
        }
    }
    pub fn in_color(mut self, color: Rgb) -> Span {
        self.color = color;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width; the table spans the content width.
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, width: f32) -> Column {
        Column {
            title: title.to_owned(),
            width,
            align: Align::Left,
        }
    }
    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
    pub fn center(mut self) -> Column {
        self.align = Align::Center;
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub weight: Weight,
    pub color: Rgb,
    pub fill: Option<Rgb>,
    /// Left indent inside the cell, in points (for tree levels).
    pub indent: f32,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            weight: Weight::Regular,
            color: INK,
            fill: None,
            indent: 0.0,
        }
    }
    pub fn bold(mut self) -> Cell {
        self.weight = Weight::Bold;
        self
    }
    pub fn colored(mut self, color: Rgb) -> Cell {
        self.color = color;
        self
    }
    pub fn filled(mut self, fill: Rgb, color: Rgb) -> Cell {
        self.fill = Some(fill);
        self.color = color;
        self
    }
    pub fn indented(mut self, indent: f32) -> Cell {
        self.indent = indent;
        self
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Cell {
        Cell::new(text)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
    /// Whether the column titles are printed (and repeated on every page).
    pub header: bool,
}

/// A figure in a row of key figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    pub label: String,
    pub value: String,
    pub note: String,
    pub accent: Rgb,
}

/// One spoke or bar of a chart: a label with current and target values.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub current: Option<f64>,
    pub target: Option<f64>,
}

/// One cell of the heat map: a requirement and its level (None: not
/// assessed; Some(None): not applicable).
#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    pub label: String,
    pub level: Option<Option<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        spans: Vec<Span>,
        size: f32,
        space_after: f32,
    },
    Table(Table),
    Callout {
        title: String,
        accent: Rgb,
        lines: Vec<Vec<Span>>,
    },
    Tiles(Vec<Tile>),
    Radar(Vec<Bar>),
    GapBars(Vec<Bar>),
    HeatMap(Vec<(String, Vec<HeatCell>)>),
    Spacer(f32),
}

impl Block {
    pub fn text(text: impl Into<String>) -> Block {
        Block::Paragraph {
            spans: vec![Span::plain(text)],
            size: 9.5,
            space_after: 6.0,
        }
    }
    pub fn spans(spans: Vec<Span>) -> Block {
        Block::Paragraph {
            spans,
            size: 9.5,
            space_after: 6.0,
        }
    }
    pub fn small(spans: Vec<Span>) -> Block {
        Block::Paragraph {
            spans,
            size: 8.5,
            space_after: 4.0,
        }
    }
    pub fn h2(text: impl Into<String>) -> Block {
        Block::Heading {
            level: 2,
            text: text.into(),
        }
    }
    pub fn h3(text: impl Into<String>) -> Block {
        Block::Heading {
            level: 3,
            text: text.into(),
        }
    }
}

/// A line of wrapped text: pieces positioned from the line's start.
#[derive(Debug, Clone, Default)]
pub struct WrappedLine {
    pub pieces: Vec<(f32, String, Weight, Rgb)>,
    pub width: f32,
}

/// The font resources of the document being written.
#[derive(Debug, Clone)]
pub struct FontIds {
    pub regular: FontId,
    pub bold: FontId,
    /// The borrowed fonts, in [`Face::Fallback`] order.
    pub fallbacks: Vec<FontId>,
}

/// An entry of the outline: a section title and the page it starts on
/// (0-based).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub page: usize,
}

/// The text and fill state of a page's content stream, so that font and
/// colour are only set when they change (a smaller PDF, written faster).
#[derive(Debug, Clone, Copy, Default)]
struct Pen {
    font: Option<(Face, u32)>,
    fill: Option<Rgb>,
}

pub struct Engine<'m> {
    pub metrics: &'m mut Metrics,
    fonts: FontIds,
    pub pages: Vec<Vec<Op>>,
    pens: Vec<Pen>,
    /// Distance of the cursor from the top of the current page.
    pub y: f32,
    pub outline: Vec<OutlineEntry>,
}

fn pt(x: f32, y_from_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_H - y_from_top),
    }
}

fn line_points(points: &[(f32, f32)]) -> Vec<LinePoint> {
    points
        .iter()
        .map(|&(x, y)| LinePoint {
            p: pt(x, y),
            bezier: false,
        })
        .collect()
}

impl<'m> Engine<'m> {
    pub fn new(metrics: &'m mut Metrics, fonts: FontIds) -> Engine<'m> {
        Engine {
            metrics,
            fonts,
            pages: Vec::new(),
            pens: Vec::new(),
            y: TOP,
            outline: Vec::new(),
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.pens.push(Pen::default());
        self.y = TOP;
    }

    pub fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn remaining(&self) -> f32 {
        PAGE_H - BOTTOM - self.y
    }

    /// Starts a new page unless `height` still fits on this one (or the
    /// page is still empty).
    pub fn ensure(&mut self, height: f32) {
        if self.remaining() < height && self.y > TOP + 0.5 {
            self.new_page();
        }
    }

    // ---- primitives -------------------------------------------------------

    /// Text with its baseline at `baseline` on the current page.
    pub fn text(
        &mut self,
        x: f32,
        baseline: f32,
        text: &str,
        weight: Weight,
        size: f32,
        color: Rgb,
    ) {
        let page = self.page_index();
        self.text_on(page, x, baseline, text, weight, size, color);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text_on(
        &mut self,
        page: usize,
        x: f32,
        baseline: f32,
        text: &str,
        weight: Weight,
        size: f32,
        color: Rgb,
    ) {
        if text.is_empty() {
            return;
        }
        if self.pages.is_empty() {
            self.new_page();
        }
        // Runs of characters printed by the same font: one run unless the
        // text borrows glyphs from a fallback font. Each run continues
        // where the previous one ended.
        let mut runs: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let face = self.metrics.face_for(c, weight);
            match runs.last_mut() {
                Some((f, run)) if *f == face => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        let pen = &mut self.pens[page];
        let ops = &mut self.pages[page];
        ops.push(Op::StartTextSection);
        if pen.fill != Some(color) {
            pen.fill = Some(color);
            ops.push(Op::SetFillColor { col: color.color() });
        }
        ops.push(Op::SetTextCursor {
            pos: pt(x, baseline),
        });
        for (face, run) in runs {
            if pen.font != Some((face, size.to_bits())) {
                pen.font = Some((face, size.to_bits()));
                let font = match face {
                    Face::Main(Weight::Regular) => self.fonts.regular.clone(),
                    Face::Main(Weight::Bold) => self.fonts.bold.clone(),
                    Face::Fallback(i) => self.fonts.fallbacks[i].clone(),
                };
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font),
                    size: Pt(size),
                });
            }
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(run)],
            });
        }
        ops.push(Op::EndTextSection);
    }

    /// Printable, measured text drawn right-aligned to `right`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_right_on(
        &mut self,
        page: usize,
        right: f32,
        baseline: f32,
        text: &str,
        weight: Weight,
        size: f32,
        color: Rgb,
    ) {
        let text = self.metrics.printable(text);
        let w = self.metrics.width(&text, weight, size);
        self.text_on(page, right - w, baseline, &text, weight, size, color);
    }

    fn set_fill(&mut self, page: usize, color: Rgb) {
        if self.pens[page].fill != Some(color) {
            self.pens[page].fill = Some(color);
            self.pages[page].push(Op::SetFillColor { col: color.color() });
        }
    }

    pub fn fill_rect_on(&mut self, page: usize, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.set_fill(page, color);
        self.pages[page].extend([Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: line_points(&[(x, y), (x + w, y), (x + w, y + h), (x, y + h)]),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        }]);
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let page = self.page_index();
        self.fill_rect_on(page, x, y, w, h, color);
    }

    pub fn fill_polygon(&mut self, points: &[(f32, f32)], color: Rgb) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let page = self.page_index();
        self.set_fill(page, color);
        let ops = self.ops();
        ops.extend([Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: line_points(points),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        }]);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn stroke_on(
        &mut self,
        page: usize,
        points: &[(f32, f32)],
        closed: bool,
        color: Rgb,
        width: f32,
        dash: Option<&[f32]>,
    ) {
        let ops = &mut self.pages[page];
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetOutlineColor { col: color.color() });
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        if let Some(dash) = dash {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, dash),
            });
        }
        ops.push(Op::DrawLine {
            line: Line {
                points: line_points(points),
                is_closed: closed,
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    pub fn hline_on(&mut self, page: usize, x0: f32, x1: f32, y: f32, color: Rgb, width: f32) {
        self.stroke_on(page, &[(x0, y), (x1, y)], false, color, width, None);
    }

    pub fn hline(&mut self, x0: f32, x1: f32, y: f32, color: Rgb, width: f32) {
        let page = self.page_index();
        self.hline_on(page, x0, x1, y, color, width);
    }

    /// A clickable area on `page` that jumps to `target` (both 0-based).
    pub fn link_on(&mut self, page: usize, x: f32, y: f32, w: f32, h: f32, target: usize) {
        self.pages[page].push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                Rect::from_xywh(Pt(x), Pt(PAGE_H - y - h), Pt(w), Pt(h)),
                Actions::go_to(Destination::Xyz {
                    page: target + 1,
                    left: Some(0.0),
                    top: Some(PAGE_H),
                    zoom: None,
                }),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
    }

    /// Places an image (registered with the document) in the box, keeping
    /// its aspect ratio, aligned to the box's top-left corner.
    #[allow(clippy::too_many_arguments)]
    pub fn image(
        &mut self,
        id: XObjectId,
        px_w: usize,
        px_h: usize,
        x: f32,
        y: f32,
        max_w: f32,
        max_h: f32,
    ) {
        if px_w == 0 || px_h == 0 {
            return;
        }
        let (pw, ph) = (px_w as f32, px_h as f32);
        let scale = (max_w / pw).min(max_h / ph);
        let h = ph * scale;
        self.ops().push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(PAGE_H - y - h)),
                rotate: None,
                scale_x: Some(scale),
                scale_y: Some(scale),
                // At 72 dpi one pixel is one point before scaling.
                dpi: Some(72.0),
                no_auto_scale: false,
            },
        });
    }

    // ---- text flow --------------------------------------------------------

    /// Wraps styled text to `max_w` points. Explicit line breaks are kept;
    /// words longer than a line are broken between characters.
    pub fn wrap(&mut self, spans: &[Span], size: f32, max_w: f32) -> Vec<WrappedLine> {
        // At least one character per line, whatever the width asked for.
        let max_w = max_w.max(1.0);
        let mut lines = Vec::new();
        let mut line = WrappedLine::default();
        let mut at_start = true;
        for span in spans {
            let text = self.metrics.printable(&span.text);
            let space = self.metrics.width(" ", span.weight, size);
            for (n, segment) in text.split('\n').enumerate() {
                if n > 0 {
                    lines.push(std::mem::take(&mut line));
                    at_start = true;
                }
                for word in segment.split_whitespace() {
                    let mut word = word.to_owned();
                    let mut ww = self.metrics.width(&word, span.weight, size);
                    if !at_start && line.width + space + ww > max_w {
                        lines.push(std::mem::take(&mut line));
                        at_start = true;
                    }
                    // A word wider than the line: break it between characters.
                    while ww > max_w {
                        let mut head = String::new();
                        let mut hw = 0.0;
                        for c in word.chars() {
                            let cw =
                                self.metrics
                                    .width(c.encode_utf8(&mut [0; 4]), span.weight, size);
                            if hw + cw > max_w && !head.is_empty() {
                                break;
                            }
                            hw += cw;
                            head.push(c);
                        }
                        if head.is_empty() {
                            break;
                        }
                        let rest = word[head.len()..].to_owned();
                        push_piece(&mut line, head, hw, 0.0, span);
                        lines.push(std::mem::take(&mut line));
                        word = rest;
                        ww = self.metrics.width(&word, span.weight, size);
                    }
                    if word.is_empty() {
                        at_start = true;
                        continue;
                    }
                    let gap = if at_start { 0.0 } else { space };
                    push_piece(&mut line, word, ww, gap, span);
                    at_start = false;
                }
            }
        }
        if !line.pieces.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Draws a wrapped line with its top at `top`.
    fn draw_line(&mut self, x: f32, top: f32, line: &WrappedLine, size: f32, lh: f32) {
        let baseline = top + (lh - size) / 2.0 + size * 0.8;
        for (dx, text, weight, color) in &line.pieces {
            self.text(x + dx, baseline, text, *weight, size, *color);
        }
    }

    // ---- blocks -----------------------------------------------------------

    /// A section's title on a new page, recorded in the outline.
    pub fn section(&mut self, title: &str) {
        self.new_page();
        self.outline.push(OutlineEntry {
            title: title.to_owned(),
            page: self.page_index(),
        });
        let title = self.metrics.printable(title);
        self.text(MARGIN_X, self.y + 20.0, &title, Weight::Bold, 20.0, BRAND);
        self.y += 30.0;
        self.fill_rect(MARGIN_X, self.y, 48.0, 3.0, ACCENT);
        self.y += 18.0;
    }

    pub fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph {
                spans,
                size,
                space_after,
            } => self.paragraph(spans, *size, *space_after, MARGIN_X, CONTENT_W),
            Block::Table(table) => self.table(table),
            Block::Callout {
                title,
                accent,
                lines,
            } => self.callout(title, *accent, lines),
            Block::Tiles(tiles) => self.tiles(tiles),
            Block::Radar(bars) => self.radar(bars),
            Block::GapBars(bars) => self.gap_bars(bars),
            Block::HeatMap(rows) => self.heat_map(rows),
            Block::Spacer(h) => {
                if self.y > TOP + 0.5 {
                    self.y += h;
                }
            }
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let (size, color, before, after) = if level <= 2 {
            (13.0, BRAND, 12.0, 6.0)
        } else {
            (10.5, INK, 8.0, 3.0)
        };
        let lines = self.wrap(&[Span::bold(text).in_color(color)], size, CONTENT_W);
        let lh = size * 1.3;
        let h = lines.len() as f32 * lh;
        // Keep the heading with the start of what follows it.
        self.ensure(before + h + after + 48.0);
        if self.y > TOP + 0.5 {
            self.y += before;
        }
        for line in &lines {
            self.draw_line(MARGIN_X, self.y, line, size, lh);
            self.y += lh;
        }
        self.y += after;
    }

    pub fn paragraph(&mut self, spans: &[Span], size: f32, space_after: f32, x: f32, w: f32) {
        let lh = size * 1.4;
        let lines = self.wrap(spans, size, w);
        for line in &lines {
            self.ensure(lh);
            self.draw_line(x, self.y, line, size, lh);
            self.y += lh;
        }
        self.y += space_after;
    }

    fn table(&mut self, table: &Table) {
        let total: f32 = table
            .columns
            .iter()
            .map(|c| c.width)
            .sum::<f32>()
            .max(0.001);
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.width / total * CONTENT_W)
            .collect();
        let size = table.size;
        let lh = size * 1.32;
        let pad = 4.0;
        let header: Vec<Vec<WrappedLine>> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                self.wrap(
                    &[Span::bold(&c.title).in_color(WHITE)],
                    size,
                    (w - 2.0 * pad).max(8.0),
                )
            })
            .collect();
        let header_h = if table.header {
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad
        } else {
            0.0
        };
        let page_lines = ((PAGE_H - BOTTOM - TOP - header_h - 2.0 * pad) / lh)
            .floor()
            .max(1.0) as usize;

        // The header is drawn with the first row on each page, so it is
        // never left alone at the bottom of a page.
        let mut header_here = false;
        for (i, row) in table.rows.iter().enumerate() {
            let cells: Vec<Vec<WrappedLine>> = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    let span = Span {
                        text: cell.text.clone(),
                        weight: cell.weight,
                        color: cell.color,
                    };
                    self.wrap(&[span], size, (w - 2.0 * pad - cell.indent).max(8.0))
                })
                .collect();
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let mut start = 0;
            while start < n {
                let head = if header_here { 0.0 } else { header_h };
                let fit = ((self.remaining() - head - 2.0 * pad) / lh)
                    .floor()
                    .max(0.0) as usize;
                let rest = n - start;
                // Move a row that fits on a page to the next page whole;
                // split only rows longer than a page. A page that is still
                // empty is never left, so this always makes progress.
                let at_top = self.y <= TOP + 0.5;
                if !at_top && (fit == 0 || (start == 0 && rest > fit && rest <= page_lines)) {
                    self.new_page();
                    header_here = false;
                    continue;
                }
                if !header_here {
                    self.table_header(&table.columns, &header, &widths, header_h, size, lh, pad);
                    header_here = true;
                }
                let end = n.min(start + fit.max(1));
                let h = (end - start) as f32 * lh + 2.0 * pad;
                let mut x = MARGIN_X;
                if i % 2 == 1 {
                    self.fill_rect(MARGIN_X, self.y, CONTENT_W, h, ZEBRA);
                }
                for ((cell, lines), (w, col)) in row
                    .iter()
                    .zip(&cells)
                    .zip(widths.iter().zip(&table.columns))
                {
                    if let Some(fill) = cell.fill {
                        self.fill_rect(x + 1.0, self.y + 1.0, w - 2.0, h - 2.0, fill);
                    }
                    for (k, line) in lines.iter().enumerate().take(end).skip(start) {
                        let top = self.y + pad + (k - start) as f32 * lh;
                        let lx = match col.align {
                            Align::Left => x + pad + cell.indent,
                            Align::Right => x + w - pad - line.width,
                            Align::Center => x + (w - line.width) / 2.0,
                        };
                        self.draw_line(lx, top, line, size, lh);
                    }
                    x += w;
                }
                self.y += h;
                self.hline(MARGIN_X, MARGIN_X + CONTENT_W, self.y, RULE, 0.5);
                start = end;
                if start < n {
                    self.new_page();
                    header_here = false;
                }
            }
        }
        self.y += 10.0;
    }

    #[allow(clippy::too_many_arguments)]
    fn table_header(
        &mut self,
        columns: &[Column],
        header: &[Vec<WrappedLine>],
        widths: &[f32],
        header_h: f32,
        size: f32,
        lh: f32,
        pad: f32,
    ) {
        if header_h <= 0.0 {
            return;
        }
        self.fill_rect(MARGIN_X, self.y, CONTENT_W, header_h, BRAND);
        let mut x = MARGIN_X;
        for ((lines, w), col) in header.iter().zip(widths).zip(columns) {
            for (k, line) in lines.iter().enumerate() {
                let lx = match col.align {
                    Align::Left => x + pad,
                    Align::Right => x + w - pad - line.width,
                    Align::Center => x + (w - line.width) / 2.0,
                };
                self.draw_line(lx, self.y + pad + k as f32 * lh, line, size, lh);
            }
            x += w;
        }
        self.y += header_h;
    }

    fn callout(&mut self, title: &str, accent: Rgb, lines: &[Vec<Span>]) {
        let inner = CONTENT_W - 28.0;
        let title_lines = self.wrap(&[Span::bold(title).in_color(accent)], 13.0, inner);
        let body: Vec<Vec<WrappedLine>> = lines
            .iter()
            .map(|l| self.wrap(l, 9.0, inner - 10.0))
            .collect();
        let body_h: f32 = body.iter().map(|l| l.len() as f32 * 12.6 + 2.0).sum();
        let h = 14.0 + title_lines.len() as f32 * 17.0 + 4.0 + body_h + 10.0;
        self.ensure(h);
        self.fill_rect(MARGIN_X, self.y, CONTENT_W, h, ZEBRA);
        self.fill_rect(MARGIN_X, self.y, 5.0, h, accent);
        let mut y = self.y + 12.0;
        for line in &title_lines {
            self.draw_line(MARGIN_X + 18.0, y, line, 13.0, 17.0);
            y += 17.0;
        }
        y += 4.0;
        for para in &body {
            for (k, line) in para.iter().enumerate() {
                if k == 0 {
                    self.fill_rect(MARGIN_X + 19.0, y + 5.0, 3.0, 3.0, MUTED);
                }
                self.draw_line(MARGIN_X + 28.0, y, line, 9.0, 12.6);
                y += 12.6;
            }
            y += 2.0;
        }
        self.y += h + 12.0;
    }

    fn tiles(&mut self, tiles: &[Tile]) {
        if tiles.is_empty() {
            return;
        }
        let gap = 10.0;
        let w = (CONTENT_W - gap * (tiles.len() as f32 - 1.0)) / tiles.len() as f32;
        let h = 64.0;
        self.ensure(h + 12.0);
        let mut x = MARGIN_X;
        for tile in tiles {
            self.fill_rect(x, self.y, w, h, ZEBRA);
            self.fill_rect(x, self.y, w, 3.0, tile.accent);
            let label = self.metrics.printable(&tile.label);
            let label = self
                .metrics
                .ellipsize(&label, Weight::Regular, 8.0, w - 16.0);
            self.text(x + 8.0, self.y + 17.0, &label, Weight::Regular, 8.0, MUTED);
            let value = self.metrics.printable(&tile.value);
            // Shrink a long value (a verdict) until it fits the tile.
            let mut size = 18.0;
            while size > 10.0 && self.metrics.width(&value, Weight::Bold, size) > w - 16.0 {
                size -= 1.0;
            }
            let value = self.metrics.ellipsize(&value, Weight::Bold, size, w - 16.0);
            self.text(
                x + 8.0,
                self.y + 40.0,
                &value,
                Weight::Bold,
                size,
                tile.accent,
            );
            let note = self.metrics.printable(&tile.note);
            let note = self
                .metrics
                .ellipsize(&note, Weight::Regular, 7.5, w - 16.0);
            self.text(x + 8.0, self.y + 55.0, &note, Weight::Regular, 7.5, MUTED);
            x += w + gap;
        }
        self.y += h + 14.0;
    }

    fn radar(&mut self, bars: &[Bar]) {
        let n = bars.len();
        if n < 3 {
            return;
        }
        let h = 330.0;
        self.ensure(h);
        let cx = MARGIN_X + CONTENT_W / 2.0;
        let cy = self.y + 160.0;
        let r = 112.0;
        let angle =
            |i: usize| -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
        let at = |i: usize, v: f32| {
            let a = angle(i);
            (cx + a.cos() * r * v / 5.0, cy + a.sin() * r * v / 5.0)
        };
        let value = |v: Option<f64>| v.unwrap_or(0.0).clamp(0.0, 5.0) as f32;
        let current: Vec<(f32, f32)> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| at(i, value(b.current)))
            .collect();
        let target: Vec<(f32, f32)> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| at(i, value(b.target)))
            .collect();
        self.fill_polygon(&current, ACCENT_LIGHT);
        let page = self.page_index();
        for level in 1..=5 {
            let ring: Vec<(f32, f32)> = (0..n).map(|i| at(i, level as f32)).collect();
            self.stroke_on(page, &ring, true, RULE, 0.6, None);
            let (lx, ly) = at(0, level as f32);
            self.text(
                lx + 3.0,
                ly + 3.0,
                &level.to_string(),
                Weight::Regular,
                6.5,
                MUTED,
            );
        }
        for i in 0..n {
            let (x, y) = at(i, 5.0);
            self.stroke_on(page, &[(cx, cy), (x, y)], false, RULE, 0.6, None);
        }
        self.stroke_on(page, &target, true, TEAL, 1.4, Some(&[4.0, 3.0]));
        self.stroke_on(page, &current, true, ACCENT, 1.8, None);
        for &(x, y) in &current {
            self.fill_rect(x - 2.0, y - 2.0, 4.0, 4.0, ACCENT);
        }
        for (i, bar) in bars.iter().enumerate() {
            let a = angle(i);
            let (x, y) = (cx + a.cos() * (r + 14.0), cy + a.sin() * (r + 12.0));
            let lines = self.wrap(&[Span::plain(&bar.label)], 8.0, 118.0);
            let lines = &lines[..lines.len().min(2)];
            let top = if a.sin() < -0.5 {
                y - lines.len() as f32 * 10.0
            } else if a.sin() > 0.5 {
                y
            } else {
                y - lines.len() as f32 * 5.0
            };
            for (k, line) in lines.iter().enumerate() {
                let lx = if a.cos() > 0.25 {
                    x
                } else if a.cos() < -0.25 {
                    x - line.width
                } else {
                    x - line.width / 2.0
                };
                self.draw_line(lx, top + k as f32 * 10.0, line, 8.0, 10.0);
            }
        }
        // Legend.
        let ly = self.y + h - 18.0;
        let lx = cx - 110.0;
        self.fill_rect(lx, ly - 6.0, 14.0, 6.0, ACCENT_LIGHT);
        self.hline_on(page, lx, lx + 14.0, ly - 3.0, ACCENT, 1.8);
        self.text(lx + 19.0, ly, "Current maturity", Weight::Regular, 8.0, INK);
        self.stroke_on(
            page,
            &[(lx + 120.0, ly - 3.0), (lx + 134.0, ly - 3.0)],
            false,
            TEAL,
            1.4,
            Some(&[4.0, 3.0]),
        );
        self.text(lx + 139.0, ly, "Target", Weight::Regular, 8.0, INK);
        self.y += h;
    }

    fn gap_bars(&mut self, bars: &[Bar]) {
        let label_w = 190.0;
        let x0 = MARGIN_X + label_w + 8.0;
        let x1 = MARGIN_X + CONTENT_W - 44.0;
        let scale = (x1 - x0) / 5.0;
        let row_h = 16.0;
        let axis = |e: &mut Engine| {
            let page = e.page_index();
            for level in 0..=5 {
                let x = x0 + level as f32 * scale;
                e.text(
                    x - 2.0,
                    e.y + 8.0,
                    &level.to_string(),
                    Weight::Regular,
                    7.0,
                    MUTED,
                );
            }
            e.text_right_on(
                page,
                MARGIN_X + CONTENT_W,
                e.y + 8.0,
                "Gap",
                Weight::Bold,
                7.0,
                MUTED,
            );
            e.y += 13.0;
        };
        self.ensure(13.0 + row_h * 3.0);
        axis(self);
        for bar in bars {
            if self.remaining() < row_h {
                self.new_page();
                axis(self);
            }
            let page = self.page_index();
            let y = self.y;
            for level in 0..=5 {
                let x = x0 + level as f32 * scale;
                self.stroke_on(page, &[(x, y), (x, y + row_h)], false, RULE, 0.5, None);
            }
            let label = self.metrics.printable(&bar.label);
            let label = self
                .metrics
                .ellipsize(&label, Weight::Regular, 8.0, label_w);
            self.text(MARGIN_X, y + 11.0, &label, Weight::Regular, 8.0, INK);
            let target = bar.target.unwrap_or(0.0).clamp(0.0, 5.0) as f32;
            let current = bar.current.unwrap_or(0.0).clamp(0.0, 5.0) as f32;
            self.fill_rect(x0, y + 4.0, target * scale, 8.0, RULE);
            if let Some(c) = bar.current {
                self.fill_rect(x0, y + 4.0, current * scale, 8.0, score_color(c));
            }
            let tx = x0 + target * scale;
            self.stroke_on(
                page,
                &[(tx, y + 2.0), (tx, y + 14.0)],
                false,
                TEAL,
                1.4,
                None,
            );
            let gap = (target - current).max(0.0);
            self.text_right_on(
                page,
                MARGIN_X + CONTENT_W,
                y + 11.0,
                &clausewise_core::format_score(Some(f64::from(gap))),
                Weight::Bold,
                8.0,
                INK,
            );
            self.y += row_h;
        }
        // Legend.
        self.y += 6.0;
        self.ensure(14.0);
        let page = self.page_index();
        let y = self.y + 8.0;
        self.fill_rect(x0, y - 6.0, 14.0, 6.0, level_color(2));
        self.text(
            x0 + 18.0,
            y,
            "Current (colour of the level reached)",
            Weight::Regular,
            7.5,
            MUTED,
        );
        self.fill_rect(x0 + 170.0, y - 6.0, 14.0, 6.0, RULE);
        self.stroke_on(
            page,
            &[(x0 + 184.0, y - 8.0), (x0 + 184.0, y + 1.0)],
            false,
            TEAL,
            1.4,
            None,
        );
        self.text(x0 + 190.0, y, "Target", Weight::Regular, 7.5, MUTED);
        self.y += 20.0;
    }

    fn heat_map(&mut self, rows: &[(String, Vec<HeatCell>)]) {
        let label_w = 118.0;
        let cw = 40.0;
        let ch = 18.0;
        let gap = 3.0;
        let per_line = ((CONTENT_W - label_w + gap) / (cw + gap)).floor().max(1.0) as usize;
        for (label, cells) in rows {
            let lines = cells.len().div_ceil(per_line).max(1);
            let h = lines as f32 * (ch + gap) + 6.0;
            self.ensure(h);
            let label_lines = self.wrap(&[Span::bold(label)], 8.0, label_w - 8.0);
            let h = h.max(label_lines.len().min(3) as f32 * 10.0 + 6.0);
            self.ensure(h);
            for (k, line) in label_lines.iter().take(3).enumerate() {
                self.draw_line(MARGIN_X, self.y + 2.0 + k as f32 * 10.0, line, 8.0, 10.0);
            }
            for (k, cell) in cells.iter().enumerate() {
                let x = MARGIN_X + label_w + (k % per_line) as f32 * (cw + gap);
                let y = self.y + (k / per_line) as f32 * (ch + gap);
                let (fill, ink, border) = match cell.level {
                    Some(Some(level)) => (Some(level_color(level)), WHITE, false),
                    Some(None) => (Some(Rgb(0xc5, 0xce, 0xdb)), INK, false),
                    None => (None, MUTED, true),
                };
                if let Some(fill) = fill {
                    self.fill_rect(x, y, cw, ch, fill);
                }
                if border {
                    let page = self.page_index();
                    self.stroke_on(
                        page,
                        &[(x, y), (x + cw, y), (x + cw, y + ch), (x, y + ch)],
                        true,
                        Rgb(0xc5, 0xce, 0xdb),
                        0.6,
                        None,
                    );
                }
                let text = self.metrics.printable(&cell.label);
                let text = self.metrics.ellipsize(&text, Weight::Bold, 6.5, cw - 3.0);
                let w = self.metrics.width(&text, Weight::Bold, 6.5);
                self.text(x + (cw - w) / 2.0, y + 11.5, &text, Weight::Bold, 6.5, ink);
            }
            self.y += h;
        }
        // Legend.
        self.y += 4.0;
        self.ensure(16.0);
        let page = self.page_index();
        let mut x = MARGIN_X + label_w;
        let y = self.y;
        for level in 0..=5u8 {
            self.fill_rect(x, y, 12.0, 9.0, level_color(level));
            self.text(
                x + 15.0,
                y + 7.5,
                &level.to_string(),
                Weight::Regular,
                7.5,
                MUTED,
            );
            x += 32.0;
        }
        self.fill_rect(x, y, 12.0, 9.0, Rgb(0xc5, 0xce, 0xdb));
        self.text(x + 15.0, y + 7.5, "N/A", Weight::Regular, 7.5, MUTED);
        x += 42.0;
        self.stroke_on(
            page,
            &[(x, y), (x + 12.0, y), (x + 12.0, y + 9.0), (x, y + 9.0)],
            true,
            Rgb(0xc5, 0xce, 0xdb),
            0.6,
            None,
        );
        self.text(
            x + 15.0,
            y + 7.5,
            "Not assessed",
            Weight::Regular,
            7.5,
            MUTED,
        );
        self.y += 22.0;
    }
}

fn push_piece(line: &mut WrappedLine, text: String, width: f32, gap: f32, span: &Span) {
    if let Some(last) = line.pieces.last_mut() {
        if last.2 == span.weight && last.3 == span.color {
            if gap > 0.0 {
                last.1.push(' ');
            }
            last.1.push_str(&text);
            line.width += gap + width;
            return;
        }
    }
    line.pieces
        .push((line.width + gap, text, span.weight, span.color));
    line.width += gap + width;
}
