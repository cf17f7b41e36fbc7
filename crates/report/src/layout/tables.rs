//! Tables: column widths, the header repeated on every page, zebra rows,
//! filled cells, and rows split across pages only when longer than one.

use super::{
    Align, Cell, Column, Engine, Span, Table, WrappedLine, BOTTOM, CONTENT_W, MARGIN_X, PAGE_H, TOP,
};
use crate::colours::{RULE, WHITE, ZEBRA};

/// A cell's (or column title's) lines and the size they are set in.
type SizedLines = (Vec<WrappedLine>, f32);

/// Padding inside table cells.
const TABLE_PAD: f32 = 4.0;

impl Engine<'_> {
    /// Column widths, wrapped column titles and the header's height.
    fn table_header_layout(&mut self, table: &Table) -> (Vec<f32>, Vec<SizedLines>, f32) {
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
        // A column title whose longest word (a German compound) is wider
        // than its column is set smaller, rather than broken in the word.
        let header: Vec<SizedLines> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let inner = (w - 2.0 * pad).max(8.0);
                let fitted =
                    self.fitting_size_in(&c.title, crate::fonts::Weight::Bold, size, inner);
                let lines = self.wrap(&[Span::bold(&c.title).in_color(WHITE)], fitted, inner);
                (lines, fitted)
            })
            .collect();
        let header_h = if table.header {
            header.iter().map(|(l, _)| l.len()).max().unwrap_or(1) as f32 * lh + 2.0 * pad
        } else {
            0.0
        };
        (widths, header, header_h)
    }

    /// Each cell's lines and the size they are set in: a cell whose
    /// longest word (a compound, a date) is wider than its column is set
    /// smaller, down to 70 %, before the word is broken.
    fn row_lines(&mut self, row: &[Cell], widths: &[f32], size: f32) -> Vec<SizedLines> {
        row.iter()
            .zip(widths)
            .map(|(cell, w)| {
                let span = Span {
                    text: cell.text.clone(),
                    weight: cell.weight,
                    color: cell.color,
                    glued: false,
                };
                let inner = (w - 2.0 * TABLE_PAD - cell.indent).max(8.0);
                let fitted = self.fitting_size_in(&cell.text, cell.weight, size, inner);
                (self.wrap(&[span], fitted, inner), fitted)
            })
            .collect()
    }

    /// The header and the first row, which the table never splits unless
    /// it is longer than a page.
    pub(super) fn table_lead(&mut self, table: &Table) -> f32 {
        let (widths, _, header_h) = self.table_header_layout(table);
        let lh = table.size * 1.32;
        let first = table.rows.first().map_or(0, |row| {
            self.row_lines(row, &widths, table.size)
                .iter()
                .map(|(l, _)| l.len())
                .max()
                .unwrap_or(1)
        });
        header_h + first as f32 * lh + 2.0 * TABLE_PAD
    }

    pub(super) fn table(&mut self, table: &Table) {
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
            let n = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(1).max(1);
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
                for ((cell, (lines, cell_size)), (w, col)) in row
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
                        self.draw_line(lx, top, line, *cell_size, lh);
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
        header: &[SizedLines],
        widths: &[f32],
        header_h: f32,
        size: f32,
        lh: f32,
        pad: f32,
    ) {
        if header_h <= 0.0 {
            return;
        }
        self.fill_rect(MARGIN_X, self.y, CONTENT_W, header_h, self.brand);
        let mut x = MARGIN_X;
        for (((lines, fitted), w), col) in header.iter().zip(widths).zip(columns) {
            for (k, line) in lines.iter().enumerate() {
                let lx = match col.align {
                    Align::Left => x + pad,
                    Align::Right => x + w - pad - line.width,
                    Align::Center => x + (w - line.width) / 2.0,
                };
                self.draw_line(lx, self.y + pad + k as f32 * lh, line, *fitted, lh);
            }
            x += w;
        }
        let _ = size;
        self.y += header_h;
    }
}
