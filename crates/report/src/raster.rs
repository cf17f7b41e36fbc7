//! Charts as pictures, for the Word report: a chart block is laid out by
//! the same engine that draws it in the PDF, on a page of its own, and the
//! drawing operations it produced are painted into a PNG. The Word report
//! and the PDF therefore show the same chart, drawn by the same code.

use printpdf::{Color, FontId, Op, PaintMode, PdfFontHandle, TextItem};
use tiny_skia::{FillRule, LineCap, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform};

use crate::fonts::{Face, Metrics, Weight};
use crate::layout::{Block, Engine, FontIds, CONTENT_W, MARGIN_X, PAGE_H, TOP};
use clausewise_core::palette::Colour;

/// Pixels per point: 3 is 216 dpi, sharp in print and on screen.
const SCALE: f32 = 3.0;
/// White space kept around the drawing, in points.
const PAD: f32 = 4.0;

/// A chart painted as a PNG, and its size in points.
#[derive(Debug, Clone)]
pub struct Picture {
    pub png: Vec<u8>,
    pub px_w: u32,
    pub px_h: u32,
    pub pt_w: f32,
    pub pt_h: f32,
}

/// Whether the block is drawn rather than written (a chart).
pub fn is_chart(block: &Block) -> bool {
    matches!(
        block,
        Block::Radar(_)
            | Block::GapBars(_)
            | Block::PairedBars(_)
            | Block::Sparklines(_)
            | Block::HeatMap(_)
    )
}

/// The characters the charts among `blocks` print, to borrow fonts for
/// those the built-in typeface lacks before painting.
pub fn chart_chars<'a>(
    blocks: impl IntoIterator<Item = &'a Block>,
) -> std::collections::BTreeSet<char> {
    let mut out = std::collections::BTreeSet::new();
    let mut add = |s: &str| out.extend(s.chars());
    for block in blocks {
        match block {
            Block::Radar(bars) | Block::GapBars(bars) => {
                for b in bars {
                    add(&b.label);
                    if let Some(w) = &b.weakest {
                        add(w);
                    }
                }
            }
            Block::PairedBars(bars) => bars.iter().for_each(|b| {
                add(&b.label);
                add(&b.note);
            }),
            Block::Sparklines(lines) => lines.iter().for_each(|l| {
                add(&l.label);
                add(&l.detail);
                add(&l.latest);
                add(&l.status);
            }),
            Block::HeatMap(rows) => rows.iter().for_each(|(name, cells)| {
                add(name);
                cells.iter().for_each(|c| add(&c.label));
            }),
            _ => {}
        }
    }
    out
}

/// A chart laid out, ready to be painted: its drawing operations and the
/// part of the page they cover.
pub struct Drawing {
    ops: Vec<Op>,
    origin: (f32, f32),
    pt_w: f32,
    pt_h: f32,
}

/// Lays out one chart (the engine measures text and may borrow fonts, so
/// this takes the metrics to change). None when the block is no chart.
pub fn lay_out(
    block: &Block,
    metrics: &mut Metrics,
    lang: clausewise_core::i18n::Lang,
) -> Option<Drawing> {
    if !is_chart(block) {
        return None;
    }
    let fallbacks = metrics.fallback_fonts().count();
    let ids = FontIds {
        regular: FontId("regular".to_owned()),
        bold: FontId("bold".to_owned()),
        italic: FontId("italic".to_owned()),
        bold_italic: FontId("bold_italic".to_owned()),
        fallbacks: (0..fallbacks)
            .map(|i| FontId(format!("fallback{i}")))
            .collect(),
    };
    let (ops, top, bottom) = {
        let mut e = Engine::new(metrics, ids);
        e.lang = lang;
        e.new_page();
        let top = e.y;
        e.block(block);
        // A chart taller than a page goes on: its last page is the one kept.
        let top = if e.pages.len() > 1 { TOP } else { top };
        let bottom = e.y;
        (e.pages.pop().unwrap_or_default(), top, bottom)
    };
    Some(Drawing {
        ops,
        origin: (MARGIN_X - PAD, top - PAD),
        pt_w: CONTENT_W + 2.0 * PAD,
        pt_h: (bottom - top).max(1.0) + 2.0 * PAD,
    })
}

/// Paints a laid-out chart into a PNG (only reading the metrics, so charts
/// can be painted side by side).
pub fn picture(drawing: &Drawing, metrics: &Metrics) -> Option<Picture> {
    let Drawing {
        ops,
        origin: (x0, y0),
        pt_w,
        pt_h,
    } = drawing;
    let px_w = (pt_w * SCALE).ceil() as u32;
    let px_h = (pt_h * SCALE).ceil() as u32;
    let mut pixmap = Pixmap::new(px_w, px_h)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut painter = Painter {
        pixmap: &mut pixmap,
        to_px: Transform::from_row(SCALE, 0.0, 0.0, SCALE, -x0 * SCALE, -y0 * SCALE),
        metrics,
        state: State::default(),
        saved: Vec::new(),
        cursor: (0.0, 0.0),
        font: None,
    };
    for op in ops {
        painter.op(op);
    }
    let png = encode_rgb(&pixmap)?;
    Some(Picture {
        png,
        px_w,
        px_h,
        pt_w: *pt_w,
        pt_h: *pt_h,
    })
}

/// The picture as an RGB PNG (the chart is painted on white, so it is
/// opaque: no alpha channel to store, and no colour to un-premultiply),
/// with its resolution recorded.
fn encode_rgb(pixmap: &Pixmap) -> Option<Vec<u8>> {
    let rgba = pixmap.data();
    let mut rgb = vec![0; rgba.len() / 4 * 3];
    for (to, from) in rgb.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
        to.copy_from_slice(&from[..3]);
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // One filter for every row and a light deflate level: choosing a
        // filter per row or compressing harder costs more time than the
        // few per cent it saves; the quickest encoder makes files three
        // times larger.
        encoder.set_deflate_compression(png::DeflateCompression::Level(3));
        encoder.set_filter(png::Filter::Sub);
        // Pixels per metre at SCALE × 72 dpi.
        let ppm = (SCALE * 72.0 / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(&rgb).ok()?;
    }
    Some(out)
}

#[derive(Debug, Clone)]
struct State {
    fill: Colour,
    outline: Colour,
    thickness: f32,
    dash: Option<Vec<f32>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            fill: Colour(0, 0, 0),
            outline: Colour(0, 0, 0),
            thickness: 1.0,
            dash: None,
        }
    }
}

struct Painter<'a, 'm> {
    pixmap: &'a mut Pixmap,
    /// From page points (top-left origin) to pixels of the picture.
    to_px: Transform,
    metrics: &'m Metrics,
    state: State,
    saved: Vec<State>,
    /// Text cursor, in page points from the top-left corner.
    cursor: (f32, f32),
    font: Option<(Face, f32)>,
}

fn colour_of(c: &Color) -> Colour {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    match c {
        Color::Rgb(rgb) => Colour(byte(rgb.r), byte(rgb.g), byte(rgb.b)),
        Color::Greyscale(g) => {
            let v = byte(g.percent);
            Colour(v, v, v)
        }
        Color::Cmyk(c) => Colour(
            byte((1.0 - c.c) * (1.0 - c.k)),
            byte((1.0 - c.m) * (1.0 - c.k)),
            byte((1.0 - c.y) * (1.0 - c.k)),
        ),
        Color::SpotColor(_) => Colour(0, 0, 0),
    }
}

fn paint(c: Colour) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c.0, c.1, c.2, 255);
    p.anti_alias = true;
    p
}

/// A printpdf point (origin bottom left) in page points from the top.
fn from_pdf(p: &printpdf::Point) -> (f32, f32) {
    (p.x.0, PAGE_H - p.y.0)
}

impl Painter<'_, '_> {
    fn op(&mut self, op: &Op) {
        match op {
            Op::SaveGraphicsState => self.saved.push(self.state.clone()),
            Op::RestoreGraphicsState => {
                if let Some(s) = self.saved.pop() {
                    self.state = s;
                }
            }
            Op::SetFillColor { col } => self.state.fill = colour_of(col),
            Op::SetOutlineColor { col } => self.state.outline = colour_of(col),
            Op::SetOutlineThickness { pt } => self.state.thickness = pt.0,
            Op::SetLineDashPattern { dash } => {
                self.state.dash = (!dash.pattern.is_empty()).then(|| dash.pattern.to_vec());
            }
            Op::DrawPolygon { polygon } => {
                let mut pb = PathBuilder::new();
                for ring in &polygon.rings {
                    let mut points = ring.points.iter().map(|p| from_pdf(&p.p));
                    if let Some((x, y)) = points.next() {
                        pb.move_to(x, y);
                        for (x, y) in points {
                            pb.line_to(x, y);
                        }
                        pb.close();
                    }
                }
                let Some(path) = pb.finish() else { return };
                if matches!(polygon.mode, PaintMode::Fill | PaintMode::FillStroke) {
                    self.pixmap.fill_path(
                        &path,
                        &paint(self.state.fill),
                        FillRule::Winding,
                        self.to_px,
                        None,
                    );
                }
                if matches!(polygon.mode, PaintMode::Stroke | PaintMode::FillStroke) {
                    self.stroke(&path);
                }
            }
            Op::DrawLine { line } => {
                let mut pb = PathBuilder::new();
                let mut points = line.points.iter().map(|p| from_pdf(&p.p));
                if let Some((x, y)) = points.next() {
                    pb.move_to(x, y);
                    for (x, y) in points {
                        pb.line_to(x, y);
                    }
                    if line.is_closed {
                        pb.close();
                    }
                }
                if let Some(path) = pb.finish() {
                    self.stroke(&path);
                }
            }
            Op::StartTextSection => self.cursor = (0.0, 0.0),
            Op::SetTextCursor { pos } => self.cursor = from_pdf(pos),
            Op::SetFont {
                font: PdfFontHandle::External(FontId(id)),
                size,
            } => {
                let face = match id.as_str() {
                    "regular" => Face::Main(Weight::Regular),
                    "bold" => Face::Main(Weight::Bold),
                    "italic" => Face::Main(Weight::Italic),
                    "bold_italic" => Face::Main(Weight::BoldItalic),
                    other => match other.strip_prefix("fallback").and_then(|n| n.parse().ok()) {
                        Some(i) => Face::Fallback(i),
                        None => Face::Main(Weight::Regular),
                    },
                };
                self.font = Some((face, size.0));
            }
            Op::ShowText { items } => {
                for item in items {
                    if let TextItem::Text(text) = item {
                        self.text(text);
                    }
                }
            }
            _ => {}
        }
    }

    fn stroke(&mut self, path: &tiny_skia::Path) {
        let mut stroke = Stroke {
            width: self.state.thickness.max(0.1),
            line_cap: LineCap::Butt,
            ..Stroke::default()
        };
        if let Some(dash) = &self.state.dash {
            let mut pattern = dash.clone();
            if pattern.len() % 2 == 1 {
                pattern.extend_from_within(..);
            }
            stroke.dash = StrokeDash::new(pattern, 0.0);
        }
        self.pixmap
            .stroke_path(path, &paint(self.state.outline), &stroke, self.to_px, None);
    }

    /// Draws the glyph outlines of `text` at the cursor and moves it on.
    fn text(&mut self, text: &str) {
        let Some((face, size)) = self.font else {
            return;
        };
        let (cursor, to_px, fill) = (self.cursor, self.to_px, self.state.fill);
        let pixmap = &mut *self.pixmap;
        let advanced = self.metrics.with_font_file(face, |bytes, index| {
            let Ok(font) = ttf_parser::Face::parse(bytes, index) else {
                return 0.0;
            };
            let scale = size / f32::from(font.units_per_em().max(1));
            let paint = paint(fill);
            let mut x = cursor.0;
            for c in text.chars() {
                let Some(gid) = font.glyph_index(c) else {
                    x += 0.6 * size;
                    continue;
                };
                let mut outline = Outline {
                    pb: PathBuilder::new(),
                };
                if font.outline_glyph(gid, &mut outline).is_some() {
                    if let Some(path) = outline.pb.finish() {
                        // Font units are y-up from the baseline.
                        let place = Transform::from_row(scale, 0.0, 0.0, -scale, x, cursor.1)
                            .post_concat(to_px);
                        pixmap.fill_path(&path, &paint, FillRule::Winding, place, None);
                    }
                }
                x += f32::from(font.glyph_hor_advance(gid).unwrap_or(0)) * scale;
            }
            x - cursor.0
        });
        self.cursor.0 += advanced.unwrap_or(0.0);
    }
}

struct Outline {
    pb: PathBuilder,
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.pb.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.pb.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.pb.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.pb.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.pb.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Bar;
    use clausewise_core::i18n::Lang;

    #[test]
    fn a_chart_is_painted_with_ink_where_the_pdf_draws_it() {
        let bars = vec![
            Bar {
                label: "4 Context".to_owned(),
                current: Some(2.5),
                target: Some(3.0),
                no_score: None,
                weakest: None,
            },
            Bar {
                label: "5 Leadership".to_owned(),
                current: Some(1.0),
                target: Some(3.0),
                no_score: None,
                weakest: None,
            },
        ];
        let mut metrics = Metrics::new();
        let drawing = lay_out(&Block::GapBars(bars), &mut metrics, Lang::En).expect("a chart");
        let pic = picture(&drawing, &metrics).expect("a picture");
        assert!(pic.png.starts_with(b"\x89PNG"));
        assert_eq!(pic.px_w, (pic.pt_w * SCALE).ceil() as u32);
        assert!(pic.pt_h > 20.0 && pic.pt_h < 300.0, "{}", pic.pt_h);
        let img = image::load_from_memory(&pic.png)
            .expect("decodes")
            .to_rgb8();
        let inked = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
        let share = inked as f64 / f64::from(pic.px_w * pic.px_h);
        assert!(share > 0.01 && share < 0.6, "ink share {share}");
        assert!(lay_out(&Block::text("no chart"), &mut metrics, Lang::En).is_none());
    }
}
