//! The report's colours: core's palette, the one the app's stylesheet is
//! generated from, under the names the report uses. The few the palette
//! has no entry for are derived from it here.

use clausewise_core::palette::{self, Colour, LevelColours};

/// Body text.
pub const INK: Colour = palette::TEXT;
/// Secondary text: notes, legends, empty cells.
pub const MUTED: Colour = palette::TEXT_MUTED;
pub const BRAND: Colour = palette::BRAND;
pub const ACCENT: Colour = palette::ACCENT;
/// The radar's current-maturity area and the client's name on the cover's
/// brand band.
pub const ACCENT_LIGHT: Colour = tint(ACCENT, 19);
/// The kicker on the cover's brand band: between the accent and white.
pub const ACCENT_SOFT: Colour = tint(ACCENT, 45);
/// Targets in the charts.
pub const TEAL: Colour = palette::TEAL;
/// Rules, grid lines and target bars.
pub const RULE: Colour = palette::BORDER;
/// The outline of a requirement not assessed in the heat map.
pub const RULE_STRONG: Colour = palette::BORDER_STRONG;
/// Every other table row, callouts and tiles.
pub const ZEBRA: Colour = palette::BACKGROUND;
/// The paper, and text on the brand colour.
pub const WHITE: Colour = palette::SURFACE;
/// Not ready, major nonconformities, high priority, regressions.
pub const RED: Colour = palette::DANGER;
/// Conditionally ready, minor nonconformities, medium priority: the ink of
/// level 2, an amber that reads on white.
pub const AMBER: Colour = palette::LEVELS[2].ink;
/// Ready, good practice, improvements, targets met: the ink of level 3.
pub const GREEN: Colour = palette::LEVELS[3].ink;

/// The colours of a rolled-up score: those of the level it has reached.
pub fn score_colours(score: f64) -> LevelColours {
    // Scores are 0.0–5.0; the floor is the level reached.
    palette::level_colours(score.clamp(0.0, 5.0).floor() as u8)
}

/// `colour` laid over white at `percent` % opacity.
const fn tint(colour: Colour, percent: u16) -> Colour {
    const fn channel(c: u8, percent: u16) -> u8 {
        (255 - (255 - c as u16) * percent / 100) as u8
    }
    Colour(
        channel(colour.0, percent),
        channel(colour.1, percent),
        channel(colour.2, percent),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_on_the_brand_band_and_coloured_text_on_white_are_readable() {
        for on_brand in [WHITE, ACCENT_LIGHT, ACCENT_SOFT] {
            assert!(on_brand.contrast(BRAND) >= 4.5, "{on_brand:?}");
        }
        for ink in [RED, AMBER, GREEN, MUTED] {
            assert!(ink.contrast(WHITE) >= 4.5, "{ink:?}");
            assert!(ink.contrast(ZEBRA) >= 4.5, "{ink:?} on a zebra row");
        }
    }
}
