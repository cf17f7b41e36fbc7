//! The typefaces and their metrics.
//!
//! The report is set in DejaVu Sans (regular and bold), which is built in
//! and covers Latin, Greek and Cyrillic. For characters it lacks, such as
//! Chinese, Japanese or Korean text, the report borrows a font installed on
//! the computer that has them ([`Fallbacks`]); the PDF then embeds the
//! glyphs it uses from that font as well. Only the glyphs a report uses are
//! embedded (subset at save time). A character no font covers is printed as
//! a visible replacement mark and reported back as a warning, so nothing
//! disappears silently.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
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

/// Printed in place of a character no typeface can show.
pub const REPLACEMENT: char = '\u{FFFD}';

/// At most this many borrowed fonts in one report.
const MAX_FALLBACKS: usize = 3;

/// Fonts installed on the computer that the report may borrow glyphs from.
/// The folders are only read when a report needs a character the built-in
/// typeface lacks.
pub struct Fallbacks {
    /// `None`: the system's font folders.
    dirs: Option<Vec<PathBuf>>,
    db: OnceLock<fontdb::Database>,
}

impl Fallbacks {
    /// The computer's fonts (the system's font folders and the user's).
    pub fn system() -> &'static Fallbacks {
        static SYSTEM: Fallbacks = Fallbacks {
            dirs: None,
            db: OnceLock::new(),
        };
        &SYSTEM
    }

    /// Only the fonts in these folders.
    pub fn from_dirs(dirs: &[PathBuf]) -> Fallbacks {
        Fallbacks {
            dirs: Some(dirs.to_vec()),
            db: OnceLock::new(),
        }
    }

    /// No fonts to borrow from.
    pub fn none() -> Fallbacks {
        Fallbacks::from_dirs(&[])
    }

    fn db(&self) -> &fontdb::Database {
        self.db.get_or_init(|| {
            let mut db = fontdb::Database::new();
            match &self.dirs {
                None => db.load_system_fonts(),
                Some(dirs) => dirs.iter().for_each(|d| db.load_fonts_dir(d)),
            }
            db
        })
    }

    /// Fonts that together cover as many of `wanted` as possible, the one
    /// covering most first. Upright regular sans-serif faces are preferred,
    /// and faces whose licence forbids embedding a subset are never used.
    pub fn pick(&self, wanted: &BTreeSet<char>) -> Vec<ParsedFont> {
        let db = self.db();
        let mut candidates: Vec<(&fontdb::FaceInfo, BTreeSet<char>)> = db
            .faces()
            .filter(|f| f.style == fontdb::Style::Normal && !f.monospaced)
            .filter_map(|f| {
                let covered = db.with_face_data(f.id, |data, index| {
                    let face = ttf_parser::Face::parse(data, index).ok()?;
                    let embeddable = face.permissions()
                        != Some(ttf_parser::Permissions::Restricted)
                        && face.is_subsetting_allowed();
                    embeddable.then(|| {
                        wanted
                            .iter()
                            .copied()
                            .filter(|&c| face.glyph_index(c).is_some())
                            .collect::<BTreeSet<char>>()
                    })
                })??;
                (!covered.is_empty()).then_some((f, covered))
            })
            .collect();
        // Preference among faces covering as much: regular weight, a sans
        // family, the regional variant that suits the text, then the name,
        // so the choice does not depend on the order the folders were read
        // in.
        let region = regional_names(wanted);
        let rank = |f: &fontdb::FaceInfo| {
            let family = f.families.first().map_or("", |(name, _)| name.as_str());
            let has = |names: &[&str]| names.iter().any(|k| family.contains(k));
            let sans = has(&[
                "Sans",
                "Gothic",
                "Hei",
                "Dotum",
                "PingFang",
                "Hiragino Kaku",
            ]);
            (
                f.weight.0.abs_diff(400),
                !sans,
                !has(region),
                family.to_owned(),
                f.index,
            )
        };
        let mut left = wanted.clone();
        let mut chosen = Vec::new();
        while !left.is_empty() && chosen.len() < MAX_FALLBACKS {
            let Some(best) = candidates
                .iter()
                .filter(|(_, covered)| !covered.is_disjoint(&left))
                .min_by(|(a, ca), (b, cb)| {
                    let (na, nb) = (
                        ca.intersection(&left).count(),
                        cb.intersection(&left).count(),
                    );
                    nb.cmp(&na).then_with(|| rank(a).cmp(&rank(b)))
                })
            else {
                break;
            };
            let (info, covered) = (best.0, best.1.clone());
            let parsed = db.with_face_data(info.id, |data, index| {
                ParsedFont::from_bytes(data, usize::try_from(index).unwrap_or(0), &mut Vec::new())
            });
            candidates.retain(|(f, _)| f.id != info.id);
            if let Some(font) = parsed.flatten() {
                left.retain(|c| !covered.contains(c));
                chosen.push(font);
            }
        }
        chosen
    }
}

/// Han characters are drawn differently in Japan, Korea and China: family
/// names that mark the variant suiting `text` (kana mean Japanese, Hangul
/// Korean, otherwise Simplified Chinese).
fn regional_names(text: &BTreeSet<char>) -> &'static [&'static str] {
    let kana = text
        .iter()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}'));
    let hangul = text
        .iter()
        .any(|c| matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}'));
    if kana {
        &["JP", "Japanese", "Gothic", "Hiragino"]
    } else if hangul {
        &["KR", "Korean", "Malgun", "Gulim", "Dotum"]
    } else {
        &["SC", "CN", "Simplified", "YaHei", "Hei"]
    }
}

/// Which font prints a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// DejaVu Sans, in the weight asked for.
    Main(Weight),
    /// The n-th borrowed font (in regular weight whatever was asked).
    Fallback(usize),
}

/// Measures text and makes it printable, remembering what it had to replace.
pub struct Metrics {
    faces: &'static Faces,
    regular_upem: f32,
    bold_upem: f32,
    fallbacks: Vec<(ParsedFont, f32)>,
    advance: HashMap<(char, Weight), f32>,
    /// Characters replaced because no typeface has them.
    pub missing: BTreeSet<char>,
}

impl Metrics {
    pub fn new() -> Metrics {
        Metrics::with_fallbacks(Vec::new())
    }

    /// Metrics that also print the characters these fonts have.
    pub fn with_fallbacks(fallbacks: Vec<ParsedFont>) -> Metrics {
        let faces = faces();
        let upem = |f: &ParsedFont| f32::from(f.pdf_font_metrics.units_per_em.max(1));
        Metrics {
            faces,
            regular_upem: upem(&faces.regular),
            bold_upem: upem(&faces.bold),
            fallbacks: fallbacks
                .into_iter()
                .map(|f| {
                    let u = upem(&f);
                    (f, u)
                })
                .collect(),
            advance: HashMap::with_capacity(256),
            missing: BTreeSet::new(),
        }
    }

    /// The borrowed fonts, in [`Face::Fallback`] order.
    pub fn fallback_fonts(&self) -> impl Iterator<Item = &ParsedFont> {
        self.fallbacks.iter().map(|(f, _)| f)
    }

    fn font(&self, face: Face) -> (&ParsedFont, f32) {
        match face {
            Face::Main(Weight::Regular) => (&self.faces.regular, self.regular_upem),
            Face::Main(Weight::Bold) => (&self.faces.bold, self.bold_upem),
            Face::Fallback(i) => {
                let (f, u) = &self.fallbacks[i];
                (f, *u)
            }
        }
    }

    /// The font that prints `c` in `weight`: DejaVu when it has the
    /// character, else the first borrowed font that has it.
    pub fn face_for(&self, c: char, weight: Weight) -> Face {
        let code = u32::from(c);
        if self.faces.regular.lookup_glyph_index(code).is_some() {
            return Face::Main(weight);
        }
        self.fallbacks
            .iter()
            .position(|(f, _)| f.lookup_glyph_index(code).is_some())
            .map_or(Face::Main(weight), Face::Fallback)
    }

    /// Whether some typeface has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        let code = u32::from(c);
        self.faces.regular.lookup_glyph_index(code).is_some()
            || self
                .fallbacks
                .iter()
                .any(|(f, _)| f.lookup_glyph_index(code).is_some())
    }

    /// Advance of one character in em.
    fn advance_em(&mut self, c: char, weight: Weight) -> f32 {
        if let Some(&a) = self.advance.get(&(c, weight)) {
            return a;
        }
        let (font, upem) = self.font(self.face_for(c, weight));
        let a = font.lookup_glyph_index(u32::from(c)).map_or(0.6, |gid| {
            f32::from(font.get_horizontal_advance(gid)) / upem
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
    fn the_regional_variant_follows_the_script() {
        let set = |t: &str| t.chars().collect::<BTreeSet<char>>();
        assert!(regional_names(&set("服务管理")).contains(&"SC"));
        assert!(regional_names(&set("変更管理 サービス")).contains(&"JP"));
        assert!(regional_names(&set("서비스 관리")).contains(&"KR"));
    }

    #[test]
    fn without_fonts_to_borrow_nothing_is_picked() {
        let wanted = "服务".chars().collect();
        assert!(Fallbacks::none().pick(&wanted).is_empty());
        let m = Metrics::with_fallbacks(Vec::new());
        assert!(!m.covers('服'));
        assert_eq!(m.face_for('服', Weight::Bold), Face::Main(Weight::Bold));
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
