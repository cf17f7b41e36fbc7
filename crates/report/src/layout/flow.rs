//! The flow of blocks down the pages: a section's title, headings kept
//! with the start of what follows them, paragraphs, callouts and
//! key-figure tiles; tables and charts are laid out by their own modules.

use super::charts::{gap_bars_height, heat_map_height, paired_bars_height, RADAR_H, SPARK_ROW_H};
use super::{
    Block, Engine, OutlineEntry, Span, Tile, WrappedLine, BOTTOM, CONTENT_W, MARGIN_X, PAGE_H, TOP,
};
use crate::colours::{ACCENT, INK, MUTED, ZEBRA};
use crate::fonts::Weight;
use clausewise_core::palette::Colour;

impl Engine<'_> {
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
        // A long title (German and French ones are) is set smaller, down
        // to 14 pt, and beyond that takes a second line.
        let title = self.metrics.printable(title);
        let mut size: f32 = 20.0;
        while size > 14.0 && self.metrics.width(&title, Weight::Bold, size) > CONTENT_W {
            size -= 0.5;
        }
        let brand = self.brand;
        let lines = self.wrap(&[Span::bold(&title).in_color(brand)], size, CONTENT_W);
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                self.y += size * 1.2;
            }
            self.draw_line(MARGIN_X, self.y + 20.0 - 0.9 * size, line, size, size * 1.2);
        }
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
                            | Block::PairedBars(_)
                            | Block::Sparklines(_)
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
            Block::PairedBars(bars) => paired_bars_height(bars).min(PAGE_H - BOTTOM - TOP),
            // One row with the column heads: the rest may follow on the next page.
            Block::Sparklines(_) => SPARK_ROW_H + 14.0,
            Block::HeatMap(rows) => heat_map_height(rows).min(PAGE_H - BOTTOM - TOP),
            Block::ListItem { spans, .. } => {
                let lines = self.wrap(spans, 9.5, CONTENT_W - LIST_INDENT).len();
                lines.min(2) as f32 * 9.5 * 1.4
            }
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
            Block::ListItem { marker, spans } => self.list_item(marker, spans),
            Block::Radar(bars) => self.radar(bars),
            Block::GapBars(bars) => self.gap_bars(bars),
            Block::PairedBars(bars) => self.paired_bars(bars),
            Block::Sparklines(lines) => self.sparklines(lines),
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
        let color = if level <= 2 { self.brand } else { INK };
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

    /// A list item: the marker in the margin of its first line, the text
    /// indented.
    fn list_item(&mut self, marker: &str, spans: &[Span]) {
        let (size, lh) = (9.5, 9.5 * 1.4);
        self.ensure(lh);
        let marker = self.metrics.printable(marker);
        let page = self.page_index();
        self.text_on(
            page,
            MARGIN_X + 4.0,
            self.y + (lh - size) / 2.0 + size * 0.8,
            &marker,
            Weight::Regular,
            size,
            INK,
        );
        self.paragraph(
            spans,
            size,
            3.0,
            MARGIN_X + LIST_INDENT,
            CONTENT_W - LIST_INDENT,
        );
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

    fn callout_layout(
        &mut self,
        title: &str,
        accent: Colour,
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

    fn callout_height(&mut self, title: &str, accent: Colour, lines: &[Vec<Span>]) -> f32 {
        self.callout_layout(title, accent, lines).2 + 12.0
    }

    fn callout(&mut self, title: &str, accent: Colour, lines: &[Vec<Span>]) {
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
    fn tiles_layout(&mut self, tiles: &[Tile]) -> (Vec<LaidTile>, f32, f32) {
        let gap = 10.0;
        let w = (CONTENT_W - gap * (tiles.len() as f32 - 1.0)) / tiles.len() as f32;
        let inner = w - 16.0;
        let mut h: f32 = 64.0;
        let mut laid = Vec::new();
        for tile in tiles {
            // A label or note whose longest word (a German compound) is
            // wider than the tile is set smaller, down to 70 %, rather than
            // broken inside the word.
            let label_size = self.fitting_size(&tile.label, 8.0, inner);
            let label = self.wrap(
                &[Span::plain(&tile.label).in_color(MUTED)],
                label_size,
                inner,
            );
            // A long value (a verdict) shrinks to fit the tile's width, down
            // to 70 % of its size; beyond that it wraps. A single word is
            // never broken: it may shrink to half its size.
            let value = self.metrics.printable(&tile.value);
            let floor = if value.trim().contains(char::is_whitespace) {
                0.7
            } else {
                0.5
            };
            let mut size: f32 = TILE_VALUE;
            while size > TILE_VALUE * floor
                && self.metrics.width(&value, Weight::Bold, size) > inner
            {
                size = (size - 1.0).max(TILE_VALUE * floor);
            }
            let value = self.wrap(
                &[Span::bold(&tile.value).in_color(tile.accent)],
                size,
                inner,
            );
            let note_size = self.fitting_size(&tile.note, 7.5, inner);
            let note = self.wrap(&[Span::plain(&tile.note).in_color(MUTED)], note_size, inner);
            let content = 9.0
                + label.len() as f32 * label_size * 1.25
                + 5.0
                + value.len() as f32 * size * 1.15
                + 4.0
                + note.len() as f32 * note_size * 1.27
                + 8.0;
            h = h.max(content);
            laid.push(LaidTile {
                label,
                label_size,
                value,
                size,
                note,
                note_size,
            });
        }
        (laid, w, h)
    }

    /// The size, from `size` down to 70 % of it, at which the widest word
    /// of `text` fits `width`.
    pub(super) fn fitting_size(&mut self, text: &str, size: f32, width: f32) -> f32 {
        self.fitting_size_in(text, Weight::Regular, size, width)
    }

    /// The same, for a text set in `weight`.
    pub(super) fn fitting_size_in(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        width: f32,
    ) -> f32 {
        let text = self.metrics.printable(text);
        let widest = super::engine::words(&text)
            .map(|w| self.metrics.width(w, weight, size))
            .fold(0.0f32, f32::max);
        if widest <= width {
            size
        } else {
            (size * width / widest).max(size * 0.7)
        }
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
        for (tile, t) in tiles.iter().zip(&laid) {
            self.fill_rect(x, self.y, w, h, ZEBRA);
            self.fill_rect(x, self.y, w, 3.0, tile.accent);
            let mut top = self.y + 9.0;
            let label_h = t.label_size * 1.25;
            for line in &t.label {
                self.draw_line(x + 8.0, top, line, t.label_size, label_h);
                top += label_h;
            }
            top += 5.0;
            for line in &t.value {
                self.draw_line(x + 8.0, top, line, t.size, t.size * 1.15);
                top += t.size * 1.15;
            }
            top += 4.0;
            let note_h = t.note_size * 1.27;
            for line in &t.note {
                self.draw_line(x + 8.0, top, line, t.note_size, note_h);
                top += note_h;
            }
            x += w + 10.0;
        }
        self.y += h + 14.0;
    }
}

/// A key figure laid out: its lines and the sizes they are set in.
struct LaidTile {
    label: Vec<WrappedLine>,
    label_size: f32,
    value: Vec<WrappedLine>,
    size: f32,
    note: Vec<WrappedLine>,
    note_size: f32,
}

/// Size, space before and space after of a heading.
fn heading_style(level: u8) -> (f32, f32, f32) {
    if level <= 2 {
        (13.0, 12.0, 6.0)
    } else {
        (10.5, 8.0, 3.0)
    }
}

/// How far a list item's text is indented from the margin.
const LIST_INDENT: f32 = 18.0;

/// Size of a key figure's value in a tile.
const TILE_VALUE: f32 = 18.0;
