//! The engine: pages, the cursor going down them, checkpoints to roll
//! back to, the drawing primitives (text, rectangles, lines, links,
//! images) and text wrapping. Coordinates are points from the page's
//! top-left corner, turned into PDF coordinates (origin bottom left) only
//! when an operation is emitted.

use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, Line, LineDashPattern, LinePoint,
    LinkAnnotation, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, TextItem,
    WindingOrder, XObjectId, XObjectTransform,
};

use super::{Span, BOTTOM, PAGE_H, TOP};
use crate::fonts::{Face, Metrics, Weight};
use clausewise_core::palette::Colour;

/// A line of wrapped text: pieces positioned from the line's start.
#[derive(Debug, Clone, Default)]
pub struct WrappedLine {
    pub pieces: Vec<(f32, String, Weight, Colour)>,
    pub width: f32,
}

/// The font resources of the document being written.
#[derive(Debug, Clone)]
pub struct FontIds {
    pub regular: FontId,
    pub bold: FontId,
    pub italic: FontId,
    pub bold_italic: FontId,
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
    fill: Option<Colour>,
}

pub struct Engine<'m> {
    pub metrics: &'m mut Metrics,
    fonts: FontIds,
    pub pages: Vec<Vec<Op>>,
    pens: Vec<Pen>,
    /// Distance of the cursor from the top of the current page.
    pub y: f32,
    pub outline: Vec<OutlineEntry>,
    /// The firm's colour for titles and column titles.
    pub brand: Colour,
    /// The language of the texts the engine writes itself (chart legends).
    pub lang: clausewise_core::i18n::Lang,
}

fn pdf_colour(c: Colour) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
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
            brand: crate::colours::BRAND,
            lang: clausewise_core::i18n::Lang::En,
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
        color: Colour,
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
        color: Colour,
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
            ops.push(Op::SetFillColor {
                col: pdf_colour(color),
            });
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
                    Face::Main(Weight::Italic) => self.fonts.italic.clone(),
                    Face::Main(Weight::BoldItalic) => self.fonts.bold_italic.clone(),
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
        color: Colour,
    ) {
        let text = self.metrics.printable(text);
        let w = self.metrics.width(&text, weight, size);
        self.text_on(page, right - w, baseline, &text, weight, size, color);
    }

    fn set_fill(&mut self, page: usize, color: Colour) {
        if self.pens[page].fill != Some(color) {
            self.pens[page].fill = Some(color);
            self.pages[page].push(Op::SetFillColor {
                col: pdf_colour(color),
            });
        }
    }

    pub fn fill_rect_on(&mut self, page: usize, x: f32, y: f32, w: f32, h: f32, color: Colour) {
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

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Colour) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let page = self.page_index();
        self.fill_rect_on(page, x, y, w, h, color);
    }

    pub fn fill_polygon(&mut self, points: &[(f32, f32)], color: Colour) {
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
        color: Colour,
        width: f32,
        dash: Option<&[f32]>,
    ) {
        let ops = &mut self.pages[page];
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetOutlineColor {
            col: pdf_colour(color),
        });
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

    pub fn hline_on(&mut self, page: usize, x0: f32, x1: f32, y: f32, color: Colour, width: f32) {
        self.stroke_on(page, &[(x0, y), (x1, y)], false, color, width, None);
    }

    pub fn hline(&mut self, x0: f32, x1: f32, y: f32, color: Colour, width: f32) {
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

    // ---- wrapping ---------------------------------------------------------

    /// Wraps styled text to `max_w` points. Explicit line breaks are kept;
    /// words longer than a line are broken between characters.
    pub fn wrap(&mut self, spans: &[Span], size: f32, max_w: f32) -> Vec<WrappedLine> {
        // At least one character per line, whatever the width asked for.
        let max_w = max_w.max(1.0);
        let mut lines = Vec::new();
        let mut line = WrappedLine::default();
        let mut at_start = true;
        // Whether the text so far ends inside a word.
        let mut in_word = false;
        for span in spans {
            let text = self.metrics.printable(&span.text);
            let space = self.metrics.width(" ", span.weight, size);
            for (n, segment) in text.split('\n').enumerate() {
                if n > 0 {
                    lines.push(std::mem::take(&mut line));
                    at_start = true;
                }
                // A glued span that starts inside the word before goes on
                // without a space (and without a break).
                let mut joins =
                    n == 0 && span.glued && in_word && !segment.starts_with(char::is_whitespace);
                for word in words(segment) {
                    let ww = self.metrics.width(word, span.weight, size);
                    let join = std::mem::take(&mut joins) && !at_start;
                    if !at_start && !join && line.width + space + ww > max_w {
                        lines.push(std::mem::take(&mut line));
                        at_start = true;
                    }
                    if ww <= max_w {
                        let gap = if at_start || join { 0.0 } else { space };
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
            if !text.is_empty() {
                in_word = !text.ends_with(char::is_whitespace);
            }
        }
        if !line.pieces.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Draws a wrapped line with its top at `top`.
    pub(super) fn draw_line(&mut self, x: f32, top: f32, line: &WrappedLine, size: f32, lh: f32) {
        let baseline = top + (lh - size) / 2.0 + size * 0.8;
        for (dx, text, weight, color) in &line.pieces {
            self.text(x + dx, baseline, text, *weight, size, *color);
        }
    }
}

/// The words of a text, split where a line may break: at spaces, but not
/// at no-break spaces (French puts one before a colon; "67 %").
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}'))
        .filter(|w| !w.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::faces;

    fn with_engine<T>(f: impl FnOnce(&mut Engine) -> T) -> T {
        let mut doc = printpdf::PdfDocument::new("test");
        let fonts = FontIds {
            regular: doc.add_font(&faces().regular),
            bold: doc.add_font(&faces().bold),
            italic: doc.add_font(&faces().italic),
            bold_italic: doc.add_font(&faces().bold_italic),
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
