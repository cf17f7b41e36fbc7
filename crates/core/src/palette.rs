//! The colours of Clausewise, one source for the app and the PDF report:
//! the brand, the text, and a fill, a text-on-fill and an ink per maturity
//! level. Neighbouring levels differ in lightness as well as hue, so they
//! stay apart for colour-blind readers, in print and on a washed-out
//! projector; every text-on-fill reaches 4.5:1. The app's stylesheet takes
//! these as CSS custom properties (`ui/src/styles/palette.css`, generated
//! with the bindings); its dark and high-contrast themes adjust them there.

/// A colour as sRGB bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Contrast ratio between two colours (WCAG 2), 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// A maturity level's colours: the fill of a chip or a heat-map cell, the
/// text on that fill, and the ink for text and lines in that colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelColours {
    pub fill: Colour,
    pub on: Colour,
    pub ink: Colour,
}

const fn level(fill: Colour, on: Colour, ink: Colour) -> LevelColours {
    LevelColours { fill, on, ink }
}

const WHITE_TEXT: Colour = Colour(0xff, 0xff, 0xff);
const DARK_TEXT: Colour = Colour(0x11, 0x11, 0x11);

/// Levels 0 to 5: fill, text on the fill, ink.
#[rustfmt::skip]
pub const LEVELS: [LevelColours; 6] = [
    level(
        Colour(0xb3, 0x26, 0x1e),
        WHITE_TEXT,
        Colour(0xb3, 0x26, 0x1e),
    ),
    level(
        Colour(0xe8, 0x59, 0x0c),
        DARK_TEXT,
        Colour(0xb5, 0x47, 0x08),
    ),
    level(
        Colour(0xf6, 0xd0, 0x4d),
        DARK_TEXT,
        Colour(0x8a, 0x61, 0x00),
    ),
    level(
        Colour(0x4c, 0xb3, 0x5a),
        DARK_TEXT,
        Colour(0x1e, 0x7a, 0x34),
    ),
    level(
        Colour(0x1c, 0x5b, 0xb8),
        WHITE_TEXT,
        Colour(0x1c, 0x5b, 0xb8),
    ),
    level(
        Colour(0xc7, 0x7d, 0xff),
        DARK_TEXT,
        Colour(0x73, 0x40, 0xc9),
    ),
];

/// Not applicable.
pub const NOT_APPLICABLE: LevelColours = level(
    Colour(0x6b, 0x72, 0x80),
    WHITE_TEXT,
    Colour(0x5b, 0x64, 0x72),
);

pub const BRAND: Colour = Colour(0x1d, 0x3b, 0x6e);
pub const ACCENT: Colour = Colour(0x1f, 0x6f, 0xeb);
pub const TEAL: Colour = Colour(0x1a, 0x9c, 0x8c);
pub const DANGER: Colour = Colour(0xc9, 0x3c, 0x37);
pub const TEXT: Colour = Colour(0x17, 0x20, 0x2e);
pub const TEXT_MUTED: Colour = Colour(0x5b, 0x67, 0x78);
pub const BORDER: Colour = Colour(0xdd, 0xe3, 0xec);
pub const BORDER_STRONG: Colour = Colour(0xc5, 0xce, 0xdb);
pub const BACKGROUND: Colour = Colour(0xf4, 0xf6, 0xfa);
pub const SURFACE: Colour = Colour(0xff, 0xff, 0xff);

/// The colours of a maturity level (above 5: level 5's).
pub fn level_colours(level: u8) -> LevelColours {
    LEVELS[usize::from(level.min(5))]
}

/// The palette as CSS custom properties for the app's light theme.
pub fn css() -> String {
    let mut out = String::from(
        "/* Generated from crates/core/src/palette.rs by `cargo test -p clausewise-core`\n   \
         with CLAUSEWISE_UPDATE_BINDINGS=1: the colours the PDF report uses too. Do not\n   \
         edit by hand; the dark and high-contrast themes adjust them in the stylesheet. */\n:root {\n",
    );
    for (name, colour) in [
        ("brand", BRAND),
        ("accent", ACCENT),
        ("teal", TEAL),
        ("danger", DANGER),
        ("text", TEXT),
        ("text-muted", TEXT_MUTED),
        ("border", BORDER),
        ("border-strong", BORDER_STRONG),
        ("bg", BACKGROUND),
        ("surface", SURFACE),
    ] {
        out.push_str(&format!("  --{name}: {};\n", colour.hex()));
    }
    let named = LEVELS
        .iter()
        .enumerate()
        .map(|(i, c)| (i.to_string(), *c))
        .chain(std::iter::once(("na".to_owned(), NOT_APPLICABLE)));
    for (key, c) in named {
        out.push_str(&format!(
            "  --lv-{key}: {};\n  --lv-{key}-on: {};\n  --lv-{key}-ink: {};\n",
            c.fill.hex(),
            c.on.hex(),
            c.ink.hex()
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_on_every_fill_and_the_inks_on_white_are_readable() {
        for (i, c) in LEVELS.iter().chain([&NOT_APPLICABLE]).enumerate() {
            assert!(c.fill.contrast(c.on) >= 4.5, "level {i}: text on fill");
            assert!(c.ink.contrast(SURFACE) >= 4.5, "level {i}: ink on white");
        }
        assert!(TEXT.contrast(SURFACE) >= 7.0);
        assert!(TEXT_MUTED.contrast(SURFACE) >= 4.5);
    }

    /// sRGB channel (0 to 1) to linear light.
    fn linear(c: f64) -> f64 {
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn gamma(c: f64) -> f64 {
        let v = c.clamp(0.0, 1.0);
        if v <= 0.003_130_8 {
            12.92 * v
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        }
    }

    fn rgb(c: Colour) -> [f64; 3] {
        [c.0, c.1, c.2].map(|v| f64::from(v) / 255.0)
    }

    /// The colour as seen with a colour vision deficiency: Machado, Oliveira
    /// and Fernandes (2009), full severity, on linear RGB.
    fn seen_with(c: [f64; 3], m: &[[f64; 3]; 3]) -> [f64; 3] {
        let l = c.map(linear);
        m.map(|row| gamma(row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))
    }

    /// CIE L*a*b* (D65).
    fn lab(c: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = c.map(linear);
        let f = |t: f64| {
            if t > 0.008_856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47);
        let y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        let z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83);
        [116.0 * y - 16.0, 500.0 * (x - y), 200.0 * (y - z)]
    }

    /// CIE76 colour difference.
    fn difference(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (a, b) = (lab(a), lab(b));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    const IDENTITY: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
        ("normal", IDENTITY),
        (
            "deuteranopia",
            [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_82, 0.042_94, 0.968_881],
            ],
        ),
        (
            "protanopia",
            [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_9],
            ],
        ),
    ];

    #[test]
    fn neighbouring_levels_stay_apart_with_the_common_colour_vision_deficiencies() {
        for (vision, matrix) in &VISIONS {
            let seen = LEVELS.map(|c| seen_with(rgb(c.fill), matrix));
            for (i, pair) in seen.windows(2).enumerate() {
                let d = difference(pair[0], pair[1]);
                assert!(d > 15.0, "levels {i} and {}, {vision}: {d:.1}", i + 1);
            }
            // Established (the usual target) and Predictable: never confused.
            let d = difference(seen[3], seen[4]);
            let least = if *vision == "tritanopia" { 25.0 } else { 60.0 };
            assert!(d > least, "levels 3 and 4, {vision}: {d:.1}");
        }
    }

    #[test]
    fn neighbouring_levels_differ_in_lightness() {
        for pair in LEVELS.windows(2) {
            let (a, b) = (pair[0].fill.luminance(), pair[1].fill.luminance());
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(
                ratio >= 1.4,
                "{:?} and {:?}: {ratio:.2}",
                pair[0].fill,
                pair[1].fill
            );
        }
    }
}
