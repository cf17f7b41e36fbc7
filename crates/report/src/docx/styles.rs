//! The styles the Word report uses, by style id, and the built-in set that
//! matches the PDF. A firm's template may define any of them its own way;
//! the ones it lacks come from here (see [`STYLE_NAMES`], also listed in the
//! README for whoever makes a template).

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style,
    StyleType, Tab, TabLeaderType, TabValueType, TableBorder, TableBorderPosition, TableBorders,
    TableCellMargins,
};

use super::hex;
use crate::colours::{ACCENT, INK, MUTED, RULE, WHITE};
use clausewise_core::palette::Colour;

pub const BODY: &str = "Normal";
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const HEADING: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";
pub const TOC_HEADING: &str = "TOCHeading";
/// The contents' entries (Word's own id for "toc 1").
pub const TOC_1: &str = "TOC1";
pub const SMALL: &str = "CwSmall";
pub const LIST: &str = "CwList";
pub const KICKER: &str = "CwKicker";
pub const COVER_FIRM: &str = "CwCoverFirm";
pub const CONFIDENTIALITY: &str = "CwConfidentiality";
pub const TABLE: &str = "CwTable";
pub const TABLE_TEXT: &str = "CwTableText";
pub const TABLE_HEADING: &str = "CwTableHeading";
pub const AFTER_TABLE: &str = "CwAfterTable";
pub const CALLOUT: &str = "CwCallout";
pub const CALLOUT_TITLE: &str = "CwCalloutTitle";
pub const FIGURE: &str = "CwFigure";
pub const FIGURE_LABEL: &str = "CwFigureLabel";
pub const FIGURE_VALUE: &str = "CwFigureValue";

/// Every style the report uses: id, name as Word shows it, what it is for.
pub const STYLE_NAMES: [(&str, &str, &str); 24] = [
    (BODY, "Normal", "body text"),
    (TITLE, "Title", "the assessment's title on the cover"),
    (SUBTITLE, "Subtitle", "the client's name on the cover"),
    (
        HEADING[0],
        "heading 1",
        "section titles (the contents lists them)",
    ),
    (HEADING[1], "heading 2", "headings within a section"),
    (HEADING[2], "heading 3", "sub-headings"),
    (HEADER, "header", "the running header"),
    (FOOTER, "footer", "the running footer with the page numbers"),
    (TOC_HEADING, "TOC Heading", "the title of the contents"),
    (TOC_1, "toc 1", "the entries of the contents"),
    (
        SMALL,
        "Clausewise Small",
        "notes and explanations under tables and charts",
    ),
    (
        LIST,
        "Clausewise List",
        "items of lists in the consultant's text",
    ),
    (
        KICKER,
        "Clausewise Kicker",
        "the line above the title on the cover",
    ),
    (
        COVER_FIRM,
        "Clausewise Cover Firm",
        "the firm's name on the cover when there is no logo",
    ),
    (
        CONFIDENTIALITY,
        "Clausewise Confidentiality",
        "the confidentiality label on the cover",
    ),
    (TABLE, "Clausewise Table", "every table (table style)"),
    (TABLE_TEXT, "Clausewise Table Text", "text in table cells"),
    (TABLE_HEADING, "Clausewise Table Heading", "column titles"),
    (
        AFTER_TABLE,
        "Clausewise After Table",
        "the space after a table",
    ),
    (CALLOUT, "Clausewise Callout", "text in a highlighted box"),
    (
        CALLOUT_TITLE,
        "Clausewise Callout Title",
        "the title of a highlighted box",
    ),
    (FIGURE, "Clausewise Figure", "the paragraph holding a chart"),
    (
        FIGURE_LABEL,
        "Clausewise Figure Label",
        "a key figure's label and note",
    ),
    (
        FIGURE_VALUE,
        "Clausewise Figure Value",
        "a key figure's value",
    ),
];

const FONT: &str = "DejaVu Sans";

/// Half-points, the unit of font sizes.
fn hp(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .q_format(true)
}

/// Space before and after in twips, single (proportional) line spacing.
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line_rule(LineSpacingType::Auto)
        .line(240)
}

/// The built-in style set: the PDF's typeface, sizes and colours, titles
/// in the firm's colour.
pub fn builtin(content_width: u32, brand: Colour) -> Vec<Style> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let rule = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
            .color(hex(RULE))
    };
    vec![
        paragraph(BODY, "Normal")
            .fonts(fonts.clone())
            .size(hp(9.5))
            .color(hex(INK))
            .line_spacing(spacing(0, 120).line(264)),
        paragraph(TITLE, "Title")
            .based_on(BODY)
            .next(BODY)
            .size(hp(26.0))
            .bold()
            .color(hex(brand))
            .line_spacing(spacing(240, 120)),
        paragraph(SUBTITLE, "Subtitle")
            .based_on(BODY)
            .next(BODY)
            .size(hp(16.0))
            .color(hex(INK))
            .line_spacing(spacing(0, 480)),
        paragraph(HEADING[0], "heading 1")
            .based_on(BODY)
            .next(BODY)
            .size(hp(20.0))
            .bold()
            .color(hex(brand))
            .outline_lvl(0)
            .line_spacing(spacing(360, 240)),
        paragraph(HEADING[1], "heading 2")
            .based_on(BODY)
            .next(BODY)
            .size(hp(13.0))
            .bold()
            .color(hex(brand))
            .outline_lvl(1)
            .line_spacing(spacing(240, 120)),
        paragraph(HEADING[2], "heading 3")
            .based_on(BODY)
            .next(BODY)
            .size(hp(10.5))
            .bold()
            .color(hex(INK))
            .outline_lvl(2)
            .line_spacing(spacing(160, 60)),
        paragraph(HEADER, "header")
            .based_on(BODY)
            .size(hp(8.0))
            .color(hex(MUTED))
            .line_spacing(spacing(0, 0)),
        paragraph(FOOTER, "footer")
            .based_on(BODY)
            .size(hp(8.0))
            .color(hex(MUTED))
            .line_spacing(spacing(0, 0)),
        paragraph(TOC_HEADING, "TOC Heading")
            .based_on(BODY)
            .next(BODY)
            .size(hp(20.0))
            .bold()
            .color(hex(brand))
            .line_spacing(spacing(360, 240)),
        {
            let mut toc = paragraph(TOC_1, "toc 1")
                .based_on(BODY)
                .next(BODY)
                .size(hp(10.0))
                .line_spacing(spacing(60, 60));
            toc.paragraph_property = toc.paragraph_property.add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .leader(TabLeaderType::Dot)
                    .pos(content_width as usize),
            );
            toc
        },
        paragraph(LIST, "Clausewise List")
            .based_on(BODY)
            .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
            .line_spacing(spacing(0, 60)),
        paragraph(SMALL, "Clausewise Small")
            .based_on(BODY)
            .size(hp(8.5))
            .line_spacing(spacing(0, 80)),
        paragraph(KICKER, "Clausewise Kicker")
            .based_on(BODY)
            .size(hp(10.0))
            .bold()
            .color(hex(ACCENT))
            .line_spacing(spacing(2_400, 120)),
        paragraph(COVER_FIRM, "Clausewise Cover Firm")
            .based_on(BODY)
            .size(hp(14.0))
            .bold()
            .color(hex(brand)),
        paragraph(CONFIDENTIALITY, "Clausewise Confidentiality")
            .based_on(BODY)
            .size(hp(9.0))
            .bold()
            .color(hex(MUTED))
            .line_spacing(spacing(600, 0)),
        Style::new(TABLE, StyleType::Table)
            .name("Clausewise Table")
            .set_borders(
                TableBorders::with_empty()
                    .set(rule(TableBorderPosition::Top))
                    .set(rule(TableBorderPosition::Bottom))
                    .set(rule(TableBorderPosition::InsideH)),
            )
            .margins(
                TableCellMargins::new()
                    .margin_left(80, docx_rs::WidthType::Dxa)
                    .margin_right(80, docx_rs::WidthType::Dxa)
                    .margin_top(30, docx_rs::WidthType::Dxa)
                    .margin_bottom(30, docx_rs::WidthType::Dxa),
            ),
        paragraph(TABLE_TEXT, "Clausewise Table Text")
            .based_on(BODY)
            .size(hp(8.5))
            .line_spacing(spacing(0, 0).line(240)),
        paragraph(TABLE_HEADING, "Clausewise Table Heading")
            .based_on(TABLE_TEXT)
            .bold()
            .color(hex(WHITE)),
        paragraph(AFTER_TABLE, "Clausewise After Table")
            .based_on(BODY)
            .size(hp(4.0))
            .line_spacing(spacing(0, 120).line(120)),
        paragraph(CALLOUT, "Clausewise Callout")
            .based_on(BODY)
            .line_spacing(spacing(0, 60)),
        paragraph(CALLOUT_TITLE, "Clausewise Callout Title")
            .based_on(BODY)
            .bold()
            .line_spacing(spacing(60, 60)),
        paragraph(FIGURE, "Clausewise Figure")
            .based_on(BODY)
            .align(AlignmentType::Center)
            .line_spacing(spacing(120, 120)),
        paragraph(FIGURE_LABEL, "Clausewise Figure Label")
            .based_on(BODY)
            .size(hp(7.5))
            .color(hex(MUTED))
            .line_spacing(spacing(0, 0)),
        paragraph(FIGURE_VALUE, "Clausewise Figure Value")
            .based_on(BODY)
            .size(hp(18.0))
            .bold()
            .line_spacing(spacing(40, 40)),
    ]
}
