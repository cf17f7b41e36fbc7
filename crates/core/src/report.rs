//! What the consultant chooses when exporting the gap report (PDF or Word).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::palette::Colour;
use crate::validation::{Field, ValidationError};

/// A section of the gap report that can be left out. The cover page is
/// always printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportSection {
    Contents,
    /// The consultant's management summary and key messages (printed when
    /// written).
    Management,
    Summary,
    /// Progress since the baseline; printed only for a follow-up.
    Progress,
    Method,
    Charts,
    /// The ITIL practices the client runs against the management system.
    Execution,
    Clauses,
    Findings,
    Roadmap,
    /// The consultant's conclusions and next steps (printed when written).
    Conclusions,
    Kpis,
    Documents,
    NotApplicable,
    Itil,
    /// Appendix: every item of the evidence register.
    Evidence,
}

impl ReportSection {
    pub const ALL: [ReportSection; 16] = [
        ReportSection::Contents,
        ReportSection::Management,
        ReportSection::Summary,
        ReportSection::Progress,
        ReportSection::Method,
        ReportSection::Charts,
        ReportSection::Execution,
        ReportSection::Clauses,
        ReportSection::Findings,
        ReportSection::Roadmap,
        ReportSection::Conclusions,
        ReportSection::Kpis,
        ReportSection::Documents,
        ReportSection::NotApplicable,
        ReportSection::Itil,
        ReportSection::Evidence,
    ];

    /// The name used on the command line (`--no-section NAME`).
    pub fn name(self) -> &'static str {
        match self {
            ReportSection::Contents => "contents",
            ReportSection::Management => "management-summary",
            ReportSection::Summary => "summary",
            ReportSection::Progress => "progress",
            ReportSection::Method => "method",
            ReportSection::Charts => "charts",
            ReportSection::Execution => "execution",
            ReportSection::Clauses => "clauses",
            ReportSection::Findings => "findings",
            ReportSection::Roadmap => "roadmap",
            ReportSection::Conclusions => "conclusions",
            ReportSection::Kpis => "kpis",
            ReportSection::Documents => "documents",
            ReportSection::NotApplicable => "not-applicable",
            ReportSection::Itil => "itil",
            ReportSection::Evidence => "evidence",
        }
    }

    pub fn parse(name: &str) -> Option<ReportSection> {
        ReportSection::ALL
            .into_iter()
            .find(|s| s.name() == name.trim().to_lowercase())
    }

    /// The section's title in the report.
    pub fn title(self) -> &'static str {
        match self {
            ReportSection::Contents => "Contents",
            ReportSection::Management => "Management summary",
            ReportSection::Summary => "Executive summary",
            ReportSection::Progress => "Progress since baseline",
            ReportSection::Method => "Scope and method",
            ReportSection::Charts => "Maturity at a glance",
            ReportSection::Execution => "Practices against the management system",
            ReportSection::Clauses => "Clause-by-clause results",
            ReportSection::Findings => "Findings in detail",
            ReportSection::Roadmap => "Improvement roadmap",
            ReportSection::Conclusions => "Conclusions and next steps",
            ReportSection::Kpis => "Service KPIs",
            ReportSection::Documents => "Documented information register",
            ReportSection::NotApplicable => "Requirements marked not applicable",
            ReportSection::Itil => "Appendix: requirements and ITIL 4 practices",
            ReportSection::Evidence => "Appendix: evidence index",
        }
    }
}

/// The file the report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// A PDF, ready to send.
    #[default]
    Pdf,
    /// An editable Word document (.docx), from the same report.
    Docx,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 2] = [ReportFormat::Pdf, ReportFormat::Docx];

    /// The name used on the command line (`--format NAME`) and the file's
    /// extension.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Docx => "docx",
        }
    }

    /// What the save dialog's filter calls it.
    pub fn label(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "PDF document",
            ReportFormat::Docx => "Word document",
        }
    }

    pub fn parse(name: &str) -> Option<ReportFormat> {
        let name = name.trim().trim_start_matches('.').to_ascii_lowercase();
        ReportFormat::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Report options as the consultant sets them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportOptions {
    /// PDF or Word.
    #[serde(default)]
    pub format: ReportFormat,
    /// The language the report is written in (the consultant's own text
    /// is printed as written).
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// Sections left out of the report.
    #[serde(default)]
    pub excluded: Vec<ReportSection>,
    /// Printed on the cover and in every page footer, e.g. "Confidential".
    #[serde(default = "default_confidentiality")]
    pub confidentiality: String,
    /// The consultant's firm, on the cover and in the page header.
    #[serde(default)]
    pub firm: String,
    /// The report's author (also the PDF's author).
    #[serde(default)]
    pub author: String,
    /// A PNG or JPEG file with the firm's logo, for the cover.
    #[serde(default)]
    pub logo_path: Option<String>,
    /// A Word template (.docx or .dotx) of the firm, whose styles and page
    /// setup the Word report uses.
    #[serde(default)]
    pub template_path: Option<String>,
    /// The firm's colour for titles, the cover band and column titles, as
    /// "#RRGGBB" (none: the built-in navy).
    #[serde(default)]
    pub accent: Option<String>,
    /// The method names who assessed which requirements (from the history).
    #[serde(default)]
    pub name_assessors: bool,
}

/// Least contrast with white paper a firm colour must have: titles are set
/// in it on white, and white text on it (WCAG AA for text).
pub const MIN_ACCENT_CONTRAST: f64 = 4.5;

/// The firm colour an option names: "#RRGGBB" (or "RRGGBB"), dark enough to
/// read on white and to carry white text. None for an empty value.
pub fn accent_colour(value: Option<&str>) -> Result<Option<Colour>, ValidationError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let hex = v.strip_prefix('#').unwrap_or(v);
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    let colour = match (hex.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => Colour(r, g, b),
        _ => {
            return Err(ValidationError::BadColour {
                value: v.to_owned(),
            })
        }
    };
    let contrast = colour.contrast(crate::palette::SURFACE);
    if contrast < MIN_ACCENT_CONTRAST {
        return Err(ValidationError::AccentTooLight {
            contrast: format!("{contrast:.1}"),
        });
    }
    Ok(Some(colour))
}

pub const DEFAULT_CONFIDENTIALITY: &str = "Confidential";

fn default_confidentiality() -> String {
    DEFAULT_CONFIDENTIALITY.to_owned()
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            format: ReportFormat::Pdf,
            lang: crate::i18n::Lang::En,
            excluded: Vec::new(),
            confidentiality: default_confidentiality(),
            firm: String::new(),
            author: String::new(),
            logo_path: None,
            template_path: None,
            accent: None,
            name_assessors: false,
        }
    }
}

impl ReportOptions {
    pub fn includes(&self, section: ReportSection) -> bool {
        !self.excluded.contains(&section)
    }

    /// Trims the texts and checks their length.
    pub fn validated(&self) -> Result<ReportOptions, ValidationError> {
        if ReportSection::ALL
            .iter()
            .all(|s| *s == ReportSection::Contents || self.excluded.contains(s))
        {
            return Err(ValidationError::NoSections);
        }
        let line = |field: Field, value: &str| -> Result<String, ValidationError> {
            crate::validation::optional_line(field, value)
        };
        let path = |p: &Option<String>| {
            p.as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
        };
        Ok(ReportOptions {
            format: self.format,
            lang: self.lang,
            excluded: self.excluded.clone(),
            confidentiality: line(Field::Confidentiality, &self.confidentiality)?,
            firm: line(Field::Firm, &self.firm)?,
            author: line(Field::Author, &self.author)?,
            logo_path: path(&self.logo_path),
            template_path: path(&self.template_path),
            accent: accent_colour(self.accent.as_deref())?.map(|c| c.hex().to_uppercase()),
            name_assessors: self.name_assessors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_names_round_trip_and_are_unique() {
        for s in ReportSection::ALL {
            assert_eq!(ReportSection::parse(s.name()), Some(s));
        }
        assert_eq!(ReportSection::parse(" KPIs "), Some(ReportSection::Kpis));
        assert_eq!(ReportSection::parse("cover"), None);
    }

    #[test]
    fn options_are_trimmed_and_limited() {
        let o = ReportOptions {
            firm: "  Whitfield Advisory ".into(),
            logo_path: Some("  ".into()),
            ..ReportOptions::default()
        }
        .validated()
        .unwrap();
        assert_eq!(o.firm, "Whitfield Advisory");
        assert_eq!(o.logo_path, None);
        assert_eq!(o.confidentiality, "Confidential");
        let long = ReportOptions {
            author: "x".repeat(1000),
            ..ReportOptions::default()
        };
        assert_eq!(long.validated().unwrap_err().field(), Field::Author);
        let two_lines = ReportOptions {
            firm: "A\nB".into(),
            ..ReportOptions::default()
        };
        assert_eq!(two_lines.validated().unwrap_err().field(), Field::Firm);
        let only_contents = ReportOptions {
            excluded: ReportSection::ALL
                .into_iter()
                .filter(|s| *s != ReportSection::Contents)
                .collect(),
            ..ReportOptions::default()
        };
        assert!(only_contents.validated().is_err());

        // The firm colour: hex, dark enough for white paper and white text.
        let with = |a: &str| ReportOptions {
            accent: Some(a.into()),
            ..ReportOptions::default()
        };
        assert_eq!(
            with(" #8a1538 ").validated().unwrap().accent.as_deref(),
            Some("#8A1538")
        );
        assert_eq!(
            with("8A1538").validated().unwrap().accent.as_deref(),
            Some("#8A1538")
        );
        assert_eq!(with("").validated().unwrap().accent, None);
        assert_eq!(
            with("#FFD700").validated().unwrap_err().field(),
            Field::Accent
        );
        assert!(with("#FFD700")
            .validated()
            .unwrap_err()
            .to_string()
            .contains("too light"));
        assert_eq!(with("navy").validated().unwrap_err().field(), Field::Accent);
        assert_eq!(
            with("#12345").validated().unwrap_err().field(),
            Field::Accent
        );
        assert_eq!(with("#ééé").validated().unwrap_err().field(), Field::Accent);
    }
}
