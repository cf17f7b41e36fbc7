//! The layout: turns blocks (headings, paragraphs, tables, charts …) into
//! positioned drawing operations on A4 pages.
//!
//! - `blocks`: the block types the model builds sections from;
//! - `engine`: pages, the cursor, drawing primitives and text wrapping;
//! - `flow`: sections, headings, paragraphs, callouts and tiles in turn;
//! - `tables`: tables across pages;
//! - `charts`: radar, gap bars and heat map.
//!
//! Here: the page's geometry and the colours.

mod blocks;
mod charts;
mod engine;
mod flow;
mod tables;

pub use blocks::{Align, Bar, Block, Cell, Column, HeatCell, Span, Table, Tile};
pub use engine::{Checkpoint, Engine, FontIds, OutlineEntry, WrappedLine};

use printpdf::Color;

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
