//! The embedded typeface and its metrics.
//!
//! The report is set in DejaVu Sans (regular and bold), which covers Latin,
//! Greek and Cyrillic. Only the glyphs a report uses are embedded (subset at
//! save time). Characters the typeface does not have, such as Chinese,
//! Japanese or Korean text, are printed as a visible replacement mark and
//! reported back as a warning, so nothing disappears silently.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use printpdf::ParsedFont;

/// Bold or regular.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// The two faces, parsed once per process.
pub struct Faces {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

/// Parses the embedded faces on first use.
pub fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        regular: parse(dejavu::sans::regular()),
        bold: parse(dejavu::sans::bold()),
    })
}

fn parse(bytes: &'static [u8]) -> ParsedFont {
    // The font files are part of the binary and parse on every platform; a
    // failure here is a build defect, never a user input problem.
    #[allow(clippy::expect_used)]
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the embedded DejaVu Sans parses")
}

/// Printed in place of a character the typeface cannot show.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Measures text and makes it printable, remembering what it had to replace.
pub struct Metrics {
    faces: &'static Faces,
    regular_upem: f32,
    bold_upem: f32,
    advance: HashMap<(char, Weight), f32>,
    /// Characters replaced because the typeface lacks them.
    pub missing: BTreeSet<char>,
}

impl Metrics {
    pub fn new() -> Metrics {
        let faces = faces();
        Metrics {
            faces,
            regular_upem: f32::from(faces.regular.pdf_font_metrics.units_per_em.max(1)),
            bold_upem: f32::from(faces.bold.pdf_font_metrics.units_per_em.max(1)),
            advance: HashMap::with_capacity(256),
            missing: BTreeSet::new(),
        }
    }

    fn face(&self, weight: Weight) -> (&ParsedFont, f32) {
        match weight {
            Weight::Regular => (&self.faces.regular, self.regular_upem),
            Weight::Bold => (&self.faces.bold, self.bold_upem),
        }
    }

    /// Whether the typeface has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.faces
            .regular
            .lookup_glyph_index(u32::from(c))
            .is_some()
    }

    /// Advance of one character in em.
    fn advance_em(&mut self, c: char, weight: Weight) -> f32 {
        if let Some(&a) = self.advance.get(&(c, weight)) {
            return a;
        }
        let (face, upem) = self.face(weight);
        let a = face.lookup_glyph_index(u32::from(c)).map_or(0.6, |gid| {
            f32::from(face.get_horizontal_advance(gid)) / upem
        });
        self.advance.insert((c, weight), a);
        a
    }

    /// Width of `text` in points at `size`. The text must be printable
    /// (see [`Metrics::printable`]).
    pub fn width(&mut self, text: &str, weight: Weight, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance_em(c, weight))
            .sum::<f32>()
            * size
    }

    /// The text as it will be printed: control characters become spaces and
    /// characters outside the typeface become [`REPLACEMENT`] (remembered in
    /// [`Metrics::missing`]).
    pub fn printable(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c == '\n' {
                out.push('\n');
            } else if c.is_control() {
                out.push(' ');
            } else if self.covers(c) {
                out.push(c);
            } else if c == '\u{200B}' || c == '\u{FEFF}' || c == '\u{200D}' || is_variation(c) {
                // Invisible joiners and selectors: nothing to print.
            } else {
                self.missing.insert(c);
                out.push(REPLACEMENT);
            }
        }
        out
    }

    /// Cuts `text` to fit `max` points, ending it with an ellipsis.
    pub fn ellipsize(&mut self, text: &str, weight: Weight, size: f32, max: f32) -> String {
        if self.width(text, weight, size) <= max {
            return text.to_owned();
        }
        let ellipsis = self.width("…", weight, size);
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let a = self.advance_em(c, weight) * size;
            if w + a + ellipsis > max {
                break;
            }
            w += a;
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

fn is_variation(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_and_cyrillic_are_covered_cjk_is_replaced_and_remembered() {
        let mut m = Metrics::new();
        assert_eq!(m.printable("Zażółć Ωμέγα Привет"), "Zażółć Ωμέγα Привет");
        assert_eq!(m.printable("服务 ok"), "\u{FFFD}\u{FFFD} ok");
        assert_eq!(m.missing.iter().collect::<String>(), "务服");
        assert_eq!(m.printable("a\tb\u{7}c"), "a b c");
    }

    #[test]
    fn widths_grow_with_text_and_size_and_bold_is_wider() {
        let mut m = Metrics::new();
        let w = m.width("Service", Weight::Regular, 10.0);
        assert!(w > 20.0 && w < 60.0, "{w}");
        assert!((m.width("Service", Weight::Regular, 20.0) - 2.0 * w).abs() < 0.01);
        assert!(m.width("Service", Weight::Bold, 10.0) > w);
        let cut = m.ellipsize(&"word ".repeat(50), Weight::Regular, 10.0, 100.0);
        assert!(cut.ends_with('…'));
        assert!(m.width(&cut, Weight::Regular, 10.0) <= 100.0);
    }
}
