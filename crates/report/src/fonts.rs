//! The typefaces and their metrics.
//!
//! The report is set in DejaVu Sans (regular and bold), which is built in
//! and covers Latin, Greek and Cyrillic. For characters it lacks, such as
//! Chinese, Japanese or Korean text, the report borrows a font installed on
//! the computer that has them ([`Fallbacks`]); the PDF then embeds the
//! glyphs it uses from that font as well. Only the glyphs a report uses are
//! embedded (subset at save time). A character no font covers, or one of a
//! script written from right to left or that needs shaping
//! ([`needs_shaping`]: Arabic, Hebrew, Devanagari, …), even where DejaVu
//! Sans has it, is printed as a visible replacement mark and reported back
//! as a warning, so nothing disappears or comes out garbled silently.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

use printpdf::ParsedFont;

/// Regular, bold, and their slanted forms (for the consultant's *italic*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Weight {
    pub const ALL: [Weight; 4] = [
        Weight::Regular,
        Weight::Bold,
        Weight::Italic,
        Weight::BoldItalic,
    ];

    pub fn is_bold(self) -> bool {
        matches!(self, Weight::Bold | Weight::BoldItalic)
    }

    pub fn is_italic(self) -> bool {
        matches!(self, Weight::Italic | Weight::BoldItalic)
    }

    /// The same weight, slanted.
    pub fn italic(self) -> Weight {
        if self.is_bold() {
            Weight::BoldItalic
        } else {
            Weight::Italic
        }
    }

    /// The upright face of the same weight.
    fn upright(self) -> Weight {
        if self.is_bold() {
            Weight::Bold
        } else {
            Weight::Regular
        }
    }

    fn file(self) -> &'static [u8] {
        match self {
            Weight::Regular => dejavu::sans::regular(),
            Weight::Bold => dejavu::sans::bold(),
            Weight::Italic => dejavu::sans::oblique(),
            Weight::BoldItalic => dejavu::sans::bold_oblique(),
        }
    }
}

/// The four faces, parsed once per process.
pub struct Faces {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
    pub italic: ParsedFont,
    pub bold_italic: ParsedFont,
}

impl Faces {
    pub fn get(&self, weight: Weight) -> &ParsedFont {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
            Weight::Italic => &self.italic,
            Weight::BoldItalic => &self.bold_italic,
        }
    }
}

/// Parses the embedded faces on first use.
pub fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        // Reading the four faces is a measurable part of a report: two at
        // a time.
        std::thread::scope(|scope| {
            let slanted = scope.spawn(|| {
                (
                    parse(Weight::Italic.file()),
                    parse(Weight::BoldItalic.file()),
                )
            });
            let regular = parse(Weight::Regular.file());
            let bold = parse(Weight::Bold.file());
            let (italic, bold_italic) = slanted
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Faces {
                regular,
                bold,
                italic,
                bold_italic,
            }
        })
    })
}

/// Starts reading the built-in typefaces in the background, so that a
/// report asked for a moment later (once its data is read) finds them ready.
pub fn prepare() {
    std::thread::spawn(|| {
        faces();
    });
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
/// typeface lacks, and read afresh for each report, so a font installed
/// while the app runs is used by the next export.
pub struct Fallbacks {
    /// `None`: the system's font folders.
    dirs: Option<Vec<PathBuf>>,
    db: OnceLock<fontdb::Database>,
}

impl Fallbacks {
    /// The computer's fonts (the system's font folders and the user's).
    pub fn system() -> Fallbacks {
        Fallbacks {
            dirs: None,
            db: OnceLock::new(),
        }
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

    /// Fonts that together cover as many of `wanted` as possible: first the
    /// best-suited of the fonts that cover (nearly) as much as any, then,
    /// for what is still missing, the next. Only upright faces with
    /// outlines whose licence allows embedding a subset are used; fonts of
    /// last resort (placeholder boxes) never. Characters of scripts that
    /// need text shaping are left out (see [`needs_shaping`]).
    pub fn pick(&self, wanted: &BTreeSet<char>) -> Vec<ParsedFont> {
        let wanted: BTreeSet<char> = wanted
            .iter()
            .copied()
            .filter(|&c| !needs_shaping(c))
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let db = self.db();
        let region = Region::of(&wanted);
        let mut candidates: Vec<(fontdb::ID, Rank, BTreeSet<char>)> = db
            .faces()
            .filter(|f| f.style == fontdb::Style::Normal && !f.monospaced)
            .filter_map(|f| {
                let family = f.families.first().map_or("", |(name, _)| name.as_str());
                if family.replace(' ', "").contains("LastResort") {
                    return None;
                }
                let covered = db.with_face_data(f.id, |data, index| {
                    let face = ttf_parser::Face::parse(data, index).ok()?;
                    let outlines = face.tables().glyf.is_some() || face.tables().cff.is_some();
                    let embeddable = face.permissions()
                        != Some(ttf_parser::Permissions::Restricted)
                        && face.is_subsetting_allowed()
                        && face.is_outline_embedding_allowed();
                    (outlines && embeddable).then(|| {
                        wanted
                            .iter()
                            .copied()
                            .filter(|&c| face.glyph_index(c).is_some())
                            .collect::<BTreeSet<char>>()
                    })
                })??;
                (!covered.is_empty()).then(|| (f.id, rank(family, f.weight.0, region), covered))
            })
            .collect();
        let mut left = wanted;
        let mut chosen = Vec::new();
        while !left.is_empty() && chosen.len() < MAX_FALLBACKS {
            let most = candidates
                .iter()
                .map(|(_, _, covered)| covered.intersection(&left).count())
                .max()
                .unwrap_or(0);
            if most == 0 {
                break;
            }
            // Within a tenth of the best coverage, suitability decides: a
            // font with one odd extra character does not win all the text.
            let Some(best) = candidates
                .iter()
                .filter(|(_, _, covered)| covered.intersection(&left).count() * 10 >= most * 9)
                .min_by(|a, b| a.1.cmp(&b.1))
                .map(|(id, _, _)| *id)
            else {
                break;
            };
            candidates.retain(|(id, _, _)| *id != best);
            let parsed = db
                .with_face_data(best, |data, index| {
                    ParsedFont::from_bytes(
                        data,
                        usize::try_from(index).unwrap_or(0),
                        &mut Vec::new(),
                    )
                })
                .flatten();
            // What the PDF writer finds in the font is what counts.
            let Some(font) = parsed else { continue };
            let prints: BTreeSet<char> = left
                .iter()
                .copied()
                .filter(|&c| font.lookup_glyph_index(u32::from(c)).is_some())
                .collect();
            if !prints.is_empty() {
                left.retain(|c| !prints.contains(c));
                chosen.push(font);
            }
        }
        chosen
    }
}

/// Scripts the report cannot set correctly, since it places glyphs one
/// after the other from left to right without text shaping or the bidi
/// algorithm: right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic, Adlam, the Arabic presentation forms, …) and scripts
/// whose letters change shape or order with their neighbours (the Indic
/// scripts, Tibetan, Myanmar, Khmer, Mongolian, conjoining Hangul jamo, …).
/// Their characters become the replacement mark, with a warning, even
/// where DejaVu Sans or a borrowed font has a glyph: printed unjoined and
/// in reverse reading order they would look right to no one.
pub fn needs_shaping(c: char) -> bool {
    matches!(c,
        // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, N'Ko,
        // Samaritan, Mandaic, Syriac Supplement, Arabic Extended.
        '\u{0590}'..='\u{08FF}'
        // Devanagari to Sinhala.
        | '\u{0900}'..='\u{0DFF}'
        // Tibetan, Myanmar.
        | '\u{0F00}'..='\u{109F}'
        // Conjoining Hangul jamo.
        | '\u{1100}'..='\u{11FF}'
        // Khmer, Mongolian, Canadian Syllabics Extended.
        | '\u{1780}'..='\u{18AF}'
        // Limbu to Vedic Extensions.
        | '\u{1A00}'..='\u{1CFF}'
        | '\u{A8E0}'..='\u{A8FF}'
        | '\u{A900}'..='\u{AAFF}'
        // Hebrew and Arabic presentation forms.
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        // Right-to-left scripts of the SMP (Cypriot to Old Uyghur, Hanifi
        // Rohingya, Yezidi, Sogdian, …).
        | '\u{10800}'..='\u{10FFF}'
        // Brahmic scripts of the SMP.
        | '\u{11000}'..='\u{11FFF}'
        // Mende Kikakui, Adlam, Siyaq numbers, Arabic mathematical letters.
        | '\u{1E800}'..='\u{1EEFF}')
}

/// Han characters are drawn differently in Japan, Korea, Taiwan or Hong
/// Kong and mainland China; which variant suits the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Japanese,
    Korean,
    Chinese,
}

impl Region {
    /// Kana mean Japanese, Hangul Korean, otherwise (Simplified) Chinese.
    fn of(text: &BTreeSet<char>) -> Region {
        let any = |range: std::ops::RangeInclusive<char>| text.iter().any(|c| range.contains(c));
        if any('\u{3040}'..='\u{30FF}') || any('\u{31F0}'..='\u{31FF}') {
            Region::Japanese
        } else if any('\u{AC00}'..='\u{D7AF}') {
            Region::Korean
        } else {
            Region::Chinese
        }
    }

    /// Words in family names that mark a font for this region, and those
    /// that mark it for another.
    fn markers(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Region::Japanese => (
                &[
                    "JP", "Japanese", "Gothic", "Mincho", "Meiryo", "Hiragino", "Yu",
                ],
                &[
                    "SC", "TC", "HK", "KR", "CN", "GB", "Malgun", "YaHei", "JhengHei", "SimHei",
                ],
            ),
            Region::Korean => (
                &[
                    "KR",
                    "Korean",
                    "Malgun",
                    "Gulim",
                    "Dotum",
                    "Batang",
                    "SD",
                    "NanumGothic",
                ],
                &[
                    "SC", "TC", "HK", "JP", "CN", "GB", "YaHei", "JhengHei", "Meiryo", "Hiragino",
                ],
            ),
            Region::Chinese => (
                &[
                    "SC", "CN", "GB", "YaHei", "SimHei", "SimSun", "DengXian", "Hei",
                ],
                &[
                    "TC", "HK", "JP", "KR", "JhengHei", "MingLiU", "PMingLiU", "Malgun", "Meiryo",
                ],
            ),
        }
    }
}

/// How well a face suits the report, best first: regular weight, a sans
/// family, the regional variant, then the name (so the choice does not
/// depend on the order font folders were read in).
type Rank = (u16, bool, u8, String);

fn rank(family: &str, weight: u16, region: Region) -> Rank {
    let words: Vec<&str> = family.split_whitespace().collect();
    let has = |names: &[&str]| words.iter().any(|w| names.contains(w));
    let sans = has(&[
        "Sans", "Gothic", "Hei", "Dotum", "Gulim", "YaHei", "JhengHei", "Meiryo",
    ]) || family.contains("Sans");
    let (good, bad) = region.markers();
    // A marker of another region outweighs a generic one ("Malgun Gothic"
    // is Korean, whatever "Gothic" suggests).
    let fit = if has(bad) {
        2
    } else if has(good) {
        0
    } else {
        1
    };
    (weight.abs_diff(400), !sans, fit, family.to_owned())
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
    /// Units per em of each weight, in [`Weight::ALL`] order.
    upem: [f32; 4],
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
            upem: Weight::ALL.map(|w| upem(faces.get(w))),
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

    /// Runs `f` on the font file that prints `face` (for painting glyph
    /// outlines), with the face's index in it.
    pub fn with_font_file<R>(&self, face: Face, f: impl FnOnce(&[u8], u32) -> R) -> Option<R> {
        match face {
            Face::Main(w) => Some(f(w.file(), 0)),
            Face::Fallback(i) => {
                let bytes = self.fallbacks.get(i)?.0.source_bytes()?;
                Some(f(&bytes, 0))
            }
        }
    }

    fn font(&self, face: Face) -> (&ParsedFont, f32) {
        match face {
            Face::Main(w) => (self.faces.get(w), self.upem[w as usize]),
            Face::Fallback(i) => {
                let (f, u) = &self.fallbacks[i];
                (f, *u)
            }
        }
    }

    /// The font that prints `c` in `weight`: DejaVu when it has the
    /// character (in regular if the bold face lacks it), else the first
    /// borrowed font that has it.
    pub fn face_for(&self, c: char, weight: Weight) -> Face {
        let code = u32::from(c);
        if self
            .font(Face::Main(weight))
            .0
            .lookup_glyph_index(code)
            .is_some()
        {
            return Face::Main(weight);
        }
        // The few characters DejaVu has upright but not slanted, or in
        // regular but not in bold.
        let upright = weight.upright();
        if upright != weight && self.faces.get(upright).lookup_glyph_index(code).is_some() {
            return Face::Main(upright);
        }
        if self.faces.regular.lookup_glyph_index(code).is_some() {
            return Face::Main(Weight::Regular);
        }
        self.borrowed(c).map_or(Face::Main(weight), Face::Fallback)
    }

    /// The first borrowed font that has `c`, unless `c` needs shaping.
    fn borrowed(&self, c: char) -> Option<usize> {
        if needs_shaping(c) {
            return None;
        }
        self.fallbacks
            .iter()
            .position(|(f, _)| f.lookup_glyph_index(u32::from(c)).is_some())
    }

    /// Whether the report can print `c`: some typeface has a glyph for it
    /// and it needs no shaping (DejaVu Sans has Arabic and Hebrew letters,
    /// which are still not printable).
    pub fn covers(&self, c: char) -> bool {
        !needs_shaping(c)
            && (self
                .faces
                .regular
                .lookup_glyph_index(u32::from(c))
                .is_some()
                || self.borrowed(c).is_some())
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
    fn fonts_are_ranked_by_weight_style_and_regional_variant() {
        let set = |t: &str| t.chars().collect::<BTreeSet<char>>();
        let (zh, ja, ko) = (
            Region::of(&set("服务管理")),
            Region::of(&set("変更管理 サービス")),
            Region::of(&set("서비스 관리")),
        );
        assert_eq!(
            (zh, ja, ko),
            (Region::Chinese, Region::Japanese, Region::Korean)
        );
        let best = |region: Region, families: &[(&str, u16)]| -> String {
            families
                .iter()
                .min_by_key(|(f, w)| rank(f, *w, region))
                .map(|(f, _)| (*f).to_owned())
                .unwrap()
        };
        let noto = [
            ("Noto Sans CJK HK", 400),
            ("Noto Sans CJK JP", 400),
            ("Noto Sans CJK KR", 400),
            ("Noto Sans CJK SC", 400),
            ("Noto Sans CJK TC", 400),
            ("Noto Serif CJK SC", 400),
            ("Noto Sans CJK SC", 700),
        ];
        assert_eq!(best(zh, &noto), "Noto Sans CJK SC");
        assert_eq!(best(ja, &noto), "Noto Sans CJK JP");
        assert_eq!(best(ko, &noto), "Noto Sans CJK KR");
        let windows = [
            ("Microsoft JhengHei", 400),
            ("Microsoft YaHei", 400),
            ("Malgun Gothic", 400),
            ("Yu Gothic", 400),
            ("SimSun", 400),
        ];
        assert_eq!(best(zh, &windows), "Microsoft YaHei");
        assert_eq!(best(ja, &windows), "Yu Gothic");
        assert_eq!(best(ko, &windows), "Malgun Gothic");
    }

    #[test]
    fn right_to_left_letters_are_replaced_even_though_dejavu_has_them() {
        let mut m = Metrics::new();
        // DejaVu Sans has these glyphs; printed left to right and unjoined
        // they would read wrongly, so they are replaced and remembered.
        for c in ['ש', 'ب', 'ܐ', 'ހ', 'ߊ', 'ﻻ', 'ﭏ'] {
            assert!(needs_shaping(c), "{c}");
            assert!(!m.covers(c), "{c}");
        }
        assert_eq!(
            m.printable("שלום ok سلام"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} ok \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(m.missing, "שלוםسلام".chars().collect::<BTreeSet<char>>());
        assert!(needs_shaping('\u{1E900}'), "Adlam");
    }

    #[test]
    fn scripts_that_need_shaping_are_not_borrowed() {
        for c in ['ب', 'क', 'ক', 'ខ', '\u{1100}'] {
            assert!(needs_shaping(c), "{c}");
        }
        for c in ['服', 'サ', '서', 'ก', 'Ω', 'a'] {
            assert!(!needs_shaping(c), "{c}");
        }
        let wanted = "कखग".chars().collect();
        assert!(Fallbacks::system().pick(&wanted).is_empty());
    }

    #[test]
    fn a_borrowed_font_prints_only_what_needs_no_shaping() {
        let dir = PathBuf::from("/usr/share/fonts/truetype/wqy");
        assert!(
            dir.is_dir(),
            "needs Debian's fonts-wqy-microhei (./.ci/test installs it)"
        );
        let wanted = "서비스服务\u{1100}\u{1161}".chars().collect();
        let borrowed = Fallbacks::from_dirs(&[dir]).pick(&wanted);
        assert_eq!(borrowed.len(), 1);
        let has_jamo = borrowed[0].lookup_glyph_index(0x1100).is_some();
        let mut m = Metrics::with_fallbacks(borrowed);
        assert_eq!(m.face_for('서', Weight::Bold), Face::Fallback(0));
        assert_eq!(m.face_for('a', Weight::Bold), Face::Main(Weight::Bold));
        assert!(m.covers('服'));
        // Conjoining jamo would need shaping: replaced even where the
        // borrowed font has them.
        assert!(!m.covers('\u{1100}'), "font has jamo: {has_jamo}");
        assert_eq!(m.printable("서\u{1100}"), "서\u{FFFD}");
        // A CJK character is about one em wide, wider than a Latin letter.
        let (han, latin) = (
            m.width("服", Weight::Regular, 10.0),
            m.width("a", Weight::Regular, 10.0),
        );
        assert!(han > 8.0 && han > latin, "{han} vs {latin}");
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
