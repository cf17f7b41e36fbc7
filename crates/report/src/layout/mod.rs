//! The layout: turns blocks (headings, paragraphs, tables, charts …) into
//! positioned drawing operations on A4 pages.
//!
//! - `blocks`: the block types the model builds sections from;
//! - `engine`: pages, the cursor, drawing primitives and text wrapping;
//! - `flow`: sections, headings, paragraphs, callouts and tiles in turn;
//! - `tables`: tables across pages;
//! - `charts`: radar, gap bars and heat map.
//!
//! Here: the page's geometry. The colours are in `crate::colours`.

mod blocks;
mod charts;
mod engine;
mod flow;
mod tables;

pub use blocks::{
    Align, Bar, Block, Cell, Column, HeatCell, PairedBar, Span, Sparkline, Table, Tile,
};
pub use engine::{Checkpoint, Engine, FontIds, OutlineEntry, WrappedLine};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
/// Top of the content area (below the running header).
pub const TOP: f32 = 78.0;
/// Distance of the content area's bottom from the page's bottom edge.
pub const BOTTOM: f32 = 66.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
