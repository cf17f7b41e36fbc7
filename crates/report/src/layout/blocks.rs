//! The blocks a report section is made of (headings, paragraphs, tables,
//! callouts, key-figure tiles, charts), as the model builds them and the
//! engine lays them out.

use crate::colours::{INK, MUTED};
use crate::fonts::Weight;
use clausewise_core::palette::Colour;

/// A run of text in one style.
/// Spans of a paragraph are words apart: a span that starts where the
/// one before ends is still set a space after it, unless it is `glued`
/// (the consultant's **bold**; runs on exactly where it was typed).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub weight: Weight,
    pub color: Colour,
    /// Continues the span before it without a space where the text has none.
    pub glued: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            weight: Weight::Regular,
            color: INK,
            glued: false,
        }
    }
    /// The same text, set on from the span before without a space where
    /// the text has none.
    pub fn glued(mut self) -> Span {
        self.glued = true;
        self
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
    /// The same text, slanted.
    pub fn italic(mut self) -> Span {
        self.weight = self.weight.italic();
        self
    }
    pub fn in_color(mut self, color: Colour) -> Span {
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
    pub color: Colour,
    pub fill: Option<Colour>,
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
    pub fn colored(mut self, color: Colour) -> Cell {
        self.color = color;
        self
    }
    pub fn filled(mut self, fill: Colour, color: Colour) -> Cell {
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
    pub accent: Colour,
}

/// One spoke or bar of a chart: a label with current and target values.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub current: Option<f64>,
    pub target: Option<f64>,
    /// Why there is no current value ("not assessed"): the chart leaves a
    /// gap and says so, rather than plotting 0.
    pub no_score: Option<String>,
    /// The lowest requirement below the clause when its mean hides it
    /// ("lowest 9.2: 0"), printed under the label.
    pub weakest: Option<String>,
}

/// One row of the execution-against-control chart: a practice's
/// capability (1-5) above the mean maturity of the requirements that govern
/// it (0-5).
#[derive(Debug, Clone, PartialEq)]
pub struct PairedBar {
    pub label: String,
    pub execution: Option<f64>,
    pub control: Option<f64>,
    /// Printed right of the bars, e.g. "gap 1.5" (empty for none).
    pub note: String,
    /// Drawn in the colour of findings that need action.
    pub flagged: bool,
}

/// One KPI's trend: its series against the target, each point in the
/// colour of how that period compares (met, within tolerance, missed).
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    pub label: String,
    /// Under the label, muted: owner, service, what it drives.
    pub detail: String,
    pub values: Vec<f64>,
    /// One per value.
    pub colours: Vec<Colour>,
    pub target: Option<f64>,
    /// Right of the chart: the newest value.
    pub latest: String,
    /// Under it: its period and status, e.g. "2026-10 · Missed".
    pub status: String,
    pub status_colour: Colour,
    /// Printed in red under the status, e.g. "Not acted upon".
    pub flag: Option<String>,
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
        accent: Colour,
        lines: Vec<Vec<Span>>,
    },
    Tiles(Vec<Tile>),
    /// One item of a list: its marker ("•", "1.") and its text, indented.
    ListItem {
        marker: String,
        spans: Vec<Span>,
    },
    Radar(Vec<Bar>),
    GapBars(Vec<Bar>),
    /// Execution against control, one row per practice.
    PairedBars(Vec<PairedBar>),
    /// KPI trends, one row per KPI.
    Sparklines(Vec<Sparkline>),
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
