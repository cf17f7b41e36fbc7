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
    /// Why there is no current value ("not assessed"): the chart leaves a
    /// gap and says so, rather than plotting 0.
    pub no_score: Option<&'static str>,
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

/// Where the layout stood, to go back to ([`Engine::rollback`]).
#[derive(Debug, Clone, Copy)]
pub struct Checkpoint {
    pages: usize,
    ops: usize,
    pen: Pen,
    y: f32,
    outline: usize,
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

    /// The current state of the layout, to [`Engine::rollback`] to.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pages: self.pages.len(),
            ops: self.pages.last().map_or(0, Vec::len),
            pen: self.pens.last().copied().unwrap_or_default(),
            y: self.y,
            outline: self.outline.len(),
        }
    }

    /// Undoes everything laid out since `c` was taken.
    pub fn rollback(&mut self, c: Checkpoint) {
        self.pages.truncate(c.pages);
        self.pens.truncate(c.pages);
        if let (Some(ops), Some(pen)) = (self.pages.last_mut(), self.pens.last_mut()) {
            ops.truncate(c.ops);
            *pen = c.pen;
        }
        self.y = c.y;
        self.outline.truncate(c.outline);
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
                    let ww = self.metrics.width(word, span.weight, size);
                    if !at_start && line.width + space + ww > max_w {
                        lines.push(std::mem::take(&mut line));
                        at_start = true;
                    }
                    if ww <= max_w {
                        let gap = if at_start { 0.0 } else { space };
                        push_piece(&mut line, word.to_owned(), ww, gap, span);
                        at_start = false;
                        continue;
                    }
                    // A word wider than the line starts one and is broken
                    // between characters, in one pass over it: each piece
                    // is cut from the word and measured once.
                    let (mut start, mut hw) = (0, 0.0);
                    for (i, c) in word.char_indices() {
                        let cw = self
                            .metrics
                            .width(c.encode_utf8(&mut [0; 4]), span.weight, size);
                        if hw + cw > max_w && i > start {
                            push_piece(&mut line, word[start..i].to_owned(), hw, 0.0, span);
                            lines.push(std::mem::take(&mut line));
                            (start, hw) = (i, 0.0);
                        }
                        hw += cw;
                    }
                    push_piece(&mut line, word[start..].to_owned(), hw, 0.0, span);
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

    /// A section's title, recorded in the outline: on a new page when
    /// `new_page`, otherwise below what came before, together with the
    /// first `keep` points of its content.
    pub fn section(&mut self, title: &str, new_page: bool, keep: f32) {
        const TITLE_H: f32 = 48.0;
        if new_page || self.pages.is_empty() {
            self.new_page();
        } else if self.y > TOP + 0.5 {
            self.y += 26.0;
            if self.remaining() < TITLE_H + keep {
                self.new_page();
            }
        }
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

    /// Lays out a section's blocks, keeping each heading with the start of
    /// what follows it.
    pub fn blocks(&mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::Heading { level, text } => {
                    let keep = self.lead(&blocks[i + 1..]);
                    self.heading(*level, text, keep);
                }
                _ => self.block(block),
            }
        }
    }

    /// The height that must fit below a heading so that it is not left
    /// alone at the bottom of a page: the start of the next block (and of
    /// the one after, when the next is a heading too).
    pub fn lead(&mut self, blocks: &[Block]) -> f32 {
        let Some(block) = blocks.first() else {
            return 0.0;
        };
        match block {
            Block::Heading { level, text } => {
                let (size, before, after) = heading_style(*level);
                let lines = self.wrap(&[Span::bold(text)], size, CONTENT_W).len();
                before + lines as f32 * size * 1.3 + after + self.lead(&blocks[1..])
            }
            // Two lines of a paragraph; a short one that introduces a
            // table or chart (a caption) goes with the start of it.
            Block::Paragraph {
                spans,
                size,
                space_after,
            } => {
                let lines = self.wrap(spans, *size, CONTENT_W).len();
                let captioned = matches!(
                    blocks.get(1),
                    Some(
                        Block::Table(_)
                            | Block::GapBars(_)
                            | Block::HeatMap(_)
                            | Block::Radar(_)
                            | Block::Tiles(_)
                            | Block::Callout { .. }
                    )
                );
                if lines <= 2 && captioned {
                    lines as f32 * size * 1.4 + space_after + self.lead(&blocks[1..])
                } else {
                    lines.min(2) as f32 * size * 1.4
                }
            }
            Block::Table(table) => self.table_lead(table),
            Block::Callout {
                title,
                accent,
                lines,
            } => self.callout_height(title, *accent, lines),
            Block::Tiles(tiles) => self.tiles_height(tiles) + 12.0,
            Block::Radar(_) => RADAR_H,
            Block::GapBars(bars) => gap_bars_height(bars).min(PAGE_H - BOTTOM - TOP),
            Block::HeatMap(rows) => heat_map_height(rows).min(PAGE_H - BOTTOM - TOP),
            Block::Spacer(_) => self.lead(&blocks[1..]),
        }
    }

    pub fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, 48.0),
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

    fn heading(&mut self, level: u8, text: &str, keep: f32) {
        let (size, before, after) = heading_style(level);
        let color = if level <= 2 { BRAND } else { INK };
        let lines = self.wrap(&[Span::bold(text).in_color(color)], size, CONTENT_W);
        let lh = size * 1.3;
        let h = lines.len() as f32 * lh;
        // Keep the heading with the start of what follows it (never more
        // than a page can hold).
        let keep = keep.min(PAGE_H - BOTTOM - TOP - before - h - after);
        self.ensure(before + h + after + keep);
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

    /// Column widths, wrapped column titles and the header's height.
    fn table_header_layout(&mut self, table: &Table) -> (Vec<f32>, Vec<Vec<WrappedLine>>, f32) {
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
        let pad = TABLE_PAD;
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
        (widths, header, header_h)
    }

    fn row_lines(&mut self, row: &[Cell], widths: &[f32], size: f32) -> Vec<Vec<WrappedLine>> {
        row.iter()
            .zip(widths)
            .map(|(cell, w)| {
                let span = Span {
                    text: cell.text.clone(),
                    weight: cell.weight,
                    color: cell.color,
                };
                self.wrap(&[span], size, (w - 2.0 * TABLE_PAD - cell.indent).max(8.0))
            })
            .collect()
    }

    /// The header and the first row, which the table never splits unless
    /// it is longer than a page.
    fn table_lead(&mut self, table: &Table) -> f32 {
        let (widths, _, header_h) = self.table_header_layout(table);
        let lh = table.size * 1.32;
        let first = table.rows.first().map_or(0, |row| {
            self.row_lines(row, &widths, table.size)
                .iter()
                .map(Vec::len)
                .max()
                .unwrap_or(1)
        });
        header_h + first as f32 * lh + 2.0 * TABLE_PAD
    }

    fn table(&mut self, table: &Table) {
        let (widths, header, header_h) = self.table_header_layout(table);
        let size = table.size;
        let lh = size * 1.32;
        let pad = TABLE_PAD;
        let page_lines = ((PAGE_H - BOTTOM - TOP - header_h - 2.0 * pad) / lh)
            .floor()
            .max(1.0) as usize;

        // The header is drawn with the first row on each page, so it is
        // never left alone at the bottom of a page.
        let mut header_here = false;
        for (i, row) in table.rows.iter().enumerate() {
            let cells = self.row_lines(row, &widths, size);
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

    fn callout_layout(
        &mut self,
        title: &str,
        accent: Rgb,
        lines: &[Vec<Span>],
    ) -> (Vec<WrappedLine>, Vec<Vec<WrappedLine>>, f32) {
        let inner = CONTENT_W - 28.0;
        let title_lines = self.wrap(&[Span::bold(title).in_color(accent)], 13.0, inner);
        let body: Vec<Vec<WrappedLine>> = lines
            .iter()
            .map(|l| self.wrap(l, 9.0, inner - 10.0))
            .collect();
        let body_h: f32 = body.iter().map(|l| l.len() as f32 * 12.6 + 2.0).sum();
        let h = 14.0 + title_lines.len() as f32 * 17.0 + 4.0 + body_h + 10.0;
        (title_lines, body, h)
    }

    fn callout_height(&mut self, title: &str, accent: Rgb, lines: &[Vec<Span>]) -> f32 {
        self.callout_layout(title, accent, lines).2 + 12.0
    }

    fn callout(&mut self, title: &str, accent: Rgb, lines: &[Vec<Span>]) {
        let (title_lines, body, h) = self.callout_layout(title, accent, lines);
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

    /// Each tile's label, value (with its size) and note, wrapped to the
    /// tile; the tiles' common width and height.
    #[allow(clippy::type_complexity)]
    fn tiles_layout(
        &mut self,
        tiles: &[Tile],
    ) -> (
        Vec<(Vec<WrappedLine>, f32, Vec<WrappedLine>, Vec<WrappedLine>)>,
        f32,
        f32,
    ) {
        let gap = 10.0;
        let w = (CONTENT_W - gap * (tiles.len() as f32 - 1.0)) / tiles.len() as f32;
        let inner = w - 16.0;
        let mut h: f32 = 64.0;
        let mut laid = Vec::new();
        for tile in tiles {
            let label = self.wrap(&[Span::plain(&tile.label).in_color(MUTED)], 8.0, inner);
            // A long value (a verdict) shrinks to fit the tile's width, down
            // to 70 % of its size; beyond that it wraps.
            let value = self.metrics.printable(&tile.value);
            let mut size: f32 = TILE_VALUE;
            while size > TILE_VALUE * 0.7 && self.metrics.width(&value, Weight::Bold, size) > inner
            {
                size = (size - 1.0).max(TILE_VALUE * 0.7);
            }
            let value = self.wrap(
                &[Span::bold(&tile.value).in_color(tile.accent)],
                size,
                inner,
            );
            let note = self.wrap(&[Span::plain(&tile.note).in_color(MUTED)], 7.5, inner);
            let content = 9.0
                + label.len() as f32 * 10.0
                + 5.0
                + value.len() as f32 * size * 1.15
                + 4.0
                + note.len() as f32 * 9.5
                + 8.0;
            h = h.max(content);
            laid.push((label, size, value, note));
        }
        (laid, w, h)
    }

    fn tiles_height(&mut self, tiles: &[Tile]) -> f32 {
        if tiles.is_empty() {
            return 0.0;
        }
        self.tiles_layout(tiles).2 + 2.0
    }

    fn tiles(&mut self, tiles: &[Tile]) {
        if tiles.is_empty() {
            return;
        }
        let (laid, w, h) = self.tiles_layout(tiles);
        self.ensure(h + 12.0);
        let mut x = MARGIN_X;
        for (tile, (label, size, value, note)) in tiles.iter().zip(&laid) {
            self.fill_rect(x, self.y, w, h, ZEBRA);
            self.fill_rect(x, self.y, w, 3.0, tile.accent);
            let mut top = self.y + 9.0;
            for line in label {
                self.draw_line(x + 8.0, top, line, 8.0, 10.0);
                top += 10.0;
            }
            top += 5.0;
            for line in value {
                self.draw_line(x + 8.0, top, line, *size, size * 1.15);
                top += size * 1.15;
            }
            top += 4.0;
            for line in note {
                self.draw_line(x + 8.0, top, line, 7.5, 9.5);
                top += 9.5;
            }
            x += w + 10.0;
        }
        self.y += h + 14.0;
    }

    fn radar(&mut self, bars: &[Bar]) {
        let n = bars.len();
        if n < 3 {
            return;
        }
        let h = RADAR_H;
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
        // A clause without a value has no point: never plotted as 0.
        let point = |i: usize, v: Option<f64>| v.map(|v| at(i, v.clamp(0.0, 5.0) as f32));
        let current: Vec<Option<(f32, f32)>> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| point(i, b.current))
            .collect();
        let target: Vec<Option<(f32, f32)>> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| point(i, b.target))
            .collect();
        // Neighbouring spokes that both have a point are joined.
        let pairs = |points: &[Option<(f32, f32)>]| -> Vec<((f32, f32), (f32, f32))> {
            (0..n)
                .filter_map(|i| Some((points[i]?, points[(i + 1) % n]?)))
                .collect()
        };
        let complete = |points: &[Option<(f32, f32)>]| -> Option<Vec<(f32, f32)>> {
            points.iter().copied().collect()
        };
        match complete(&current) {
            Some(polygon) => self.fill_polygon(&polygon, ACCENT_LIGHT),
            None => {
                for (a, b) in pairs(&current) {
                    self.fill_polygon(&[(cx, cy), a, b], ACCENT_LIGHT);
                }
            }
        }
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
        for (i, bar) in bars.iter().enumerate() {
            let (x, y) = at(i, 5.0);
            match bar.no_score {
                None => self.stroke_on(page, &[(cx, cy), (x, y)], false, RULE, 0.6, None),
                Some(_) => self.stroke_on(
                    page,
                    &[(cx, cy), (x, y)],
                    false,
                    MUTED,
                    0.6,
                    Some(&[2.0, 2.0]),
                ),
            }
        }
        let mut series =
            |points: &[Option<(f32, f32)>], color: Rgb, width: f32, dash: Option<&[f32]>| {
                match complete(points) {
                    Some(polygon) => self.stroke_on(page, &polygon, true, color, width, dash),
                    None => {
                        for (a, b) in pairs(points) {
                            self.stroke_on(page, &[a, b], false, color, width, dash);
                        }
                    }
                }
            };
        series(&target, TEAL, 1.4, Some(&[4.0, 3.0]));
        series(&current, ACCENT, 1.8, None);
        for &(x, y) in current.iter().flatten() {
            self.fill_rect(x - 2.0, y - 2.0, 4.0, 4.0, ACCENT);
        }
        for (i, bar) in bars.iter().enumerate() {
            let a = angle(i);
            let (x, y) = (cx + a.cos() * (r + 14.0), cy + a.sin() * (r + 12.0));
            let mut lines = self.wrap(&[Span::plain(&bar.label)], 8.0, 118.0);
            if let Some(why) = bar.no_score {
                lines.extend(self.wrap(&[Span::muted(format!("({why})"))], 8.0, 118.0));
            }
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
        let mut reasons: Vec<&str> = bars.iter().filter_map(|b| b.no_score).collect();
        reasons.dedup();
        let unscored = (!reasons.is_empty()).then(|| format!("{}: no point", reasons.join(" or ")));
        let ly = self.y + h - 18.0;
        let lx = cx - if unscored.is_some() { 160.0 } else { 110.0 };
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
        if let Some(text) = unscored {
            self.stroke_on(
                page,
                &[(lx + 185.0, ly - 3.0), (lx + 199.0, ly - 3.0)],
                false,
                MUTED,
                0.6,
                Some(&[2.0, 2.0]),
            );
            self.text(lx + 204.0, ly, &text, Weight::Regular, 8.0, INK);
        }
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
        // All bars on one page when a page can hold them.
        self.ensure(gap_bars_height(bars).min(PAGE_H - BOTTOM - TOP));
        axis(self);
        for (i, bar) in bars.iter().enumerate() {
            // A long label wraps; the row grows with it.
            let label = self.wrap(&[Span::plain(&bar.label)], 8.0, label_w);
            let label_h = (label.len() as f32 - 1.0) * 10.0;
            // The legend stays with the last bar.
            let legend = if i + 1 == bars.len() { 20.0 } else { 0.0 };
            if self.remaining() < row_h + label_h + legend {
                self.new_page();
                axis(self);
            }
            let page = self.page_index();
            let y = self.y;
            for level in 0..=5 {
                let x = x0 + level as f32 * scale;
                self.stroke_on(
                    page,
                    &[(x, y), (x, y + row_h + label_h)],
                    false,
                    RULE,
                    0.5,
                    None,
                );
            }
            for (k, line) in label.iter().enumerate() {
                self.draw_line(MARGIN_X, y + 3.0 + k as f32 * 10.0, line, 8.0, 10.0);
            }
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
            self.y += row_h + label_h;
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
        // The whole map on one page when a page can hold it.
        self.ensure(heat_map_height(rows).min(PAGE_H - BOTTOM - TOP));
        for (i, (label, cells)) in rows.iter().enumerate() {
            let lines = cells.len().div_ceil(per_line).max(1);
            let label_lines = self.wrap(&[Span::bold(label)], 8.0, label_w - 8.0);
            let h = (lines as f32 * (ch + gap) + 6.0).max(label_lines.len() as f32 * 10.0 + 6.0);
            // The legend stays with the last row.
            let legend = if i + 1 == rows.len() { 26.0 } else { 0.0 };
            self.ensure(h + legend);
            for (k, line) in label_lines.iter().enumerate() {
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

/// Size, space before and space after of a heading.
fn heading_style(level: u8) -> (f32, f32, f32) {
    if level <= 2 {
        (13.0, 12.0, 6.0)
    } else {
        (10.5, 8.0, 3.0)
    }
}

/// Size of a key figure's value in a tile.
const TILE_VALUE: f32 = 18.0;

/// Padding inside table cells.
const TABLE_PAD: f32 = 4.0;

/// Height of the gap bars with axis and legend (labels on one line).
fn gap_bars_height(bars: &[Bar]) -> f32 {
    13.0 + 16.0 * bars.len() as f32 + 26.0
}

/// Height of the heat map with its legend (labels of up to two lines).
fn heat_map_height(rows: &[(String, Vec<HeatCell>)]) -> f32 {
    let per_line = ((CONTENT_W - 118.0 + 3.0) / 43.0).floor().max(1.0) as usize;
    rows.iter()
        .map(|(_, cells)| (cells.len().div_ceil(per_line).max(1) as f32 * 21.0).max(20.0) + 6.0)
        .sum::<f32>()
        + 26.0
}

/// Height of a radar chart with its labels and legend.
const RADAR_H: f32 = 330.0;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::faces;

    fn with_engine<T>(f: impl FnOnce(&mut Engine) -> T) -> T {
        let mut doc = printpdf::PdfDocument::new("test");
        let fonts = FontIds {
            regular: doc.add_font(&faces().regular),
            bold: doc.add_font(&faces().bold),
            fallbacks: Vec::new(),
        };
        let mut metrics = Metrics::new();
        let mut engine = Engine::new(&mut metrics, fonts);
        f(&mut engine)
    }

    fn text_of(lines: &[WrappedLine]) -> String {
        lines
            .iter()
            .flat_map(|l| l.pieces.iter().map(|p| p.1.as_str()))
            .collect()
    }

    #[test]
    fn a_long_unbroken_word_is_broken_into_lines_that_fit_and_lose_no_character() {
        with_engine(|e| {
            let word: String = "abcdefghijklmnopqrstuvwxyzÄÖÜß0123456789"
                .chars()
                .cycle()
                .take(5_000)
                .collect();
            let max = 200.0;
            let lines = e.wrap(&[Span::plain(&word)], 9.0, max);
            assert!(lines.len() > 10, "{} lines", lines.len());
            assert_eq!(text_of(&lines), word);
            for line in &lines {
                let w = e.metrics.width(&line.pieces[0].1, Weight::Regular, 9.0);
                assert!(w <= max + 0.01, "{w}");
                assert!((line.width - w).abs() < 0.01, "{} vs {w}", line.width);
            }
            // Every line but the last is full: one more character would not
            // have fitted.
            for pair in lines.windows(2) {
                let next = pair[1].pieces[0].1.chars().next().unwrap();
                let more = format!("{}{next}", pair[0].pieces[0].1);
                assert!(e.metrics.width(&more, Weight::Regular, 9.0) > max);
            }
        });
    }

    #[test]
    fn a_long_word_starts_its_own_line_and_text_after_it_continues_the_last() {
        with_engine(|e| {
            let word = "x".repeat(300);
            let lines = e.wrap(&[Span::plain(format!("Before {word} after"))], 9.0, 150.0);
            assert_eq!(lines[0].pieces[0].1, "Before");
            let last = &lines.last().unwrap().pieces[0].1;
            assert!(last.ends_with("x after"), "{last}");
            let all: String = text_of(&lines).split_whitespace().collect();
            assert_eq!(all, format!("Before{word}after"));
            // A width below one character still places one per line.
            let narrow = e.wrap(&[Span::plain("abc")], 9.0, 0.5);
            assert_eq!(narrow.len(), 3);
        });
    }
}
