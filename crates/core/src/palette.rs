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
