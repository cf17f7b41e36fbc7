//! Input rules for what a consultant types. Limits are generous enough for
//! real work and small enough that a pasted megabyte cannot end up in a title.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// The input field a validation message belongs to, so the UI can show the
/// message next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ClientName,
    Title,
    Scope,
    Assessors,
    TargetLevel,
    NaJustification,
    Notes,
    Evidence,
    Interviewees,
    /// The rating itself (or the clause it is for).
    Level,
    FindingTitle,
    Observation,
    Recommendation,
    Owner,
    KpiName,
    KpiUnit,
    KpiValue,
    KpiPeriod,
    KpiSource,
    Confidentiality,
    Firm,
    Author,
    /// The report's sections.
    Sections,
    StartsOn,
    EndsOn,
    DueDate,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::ClientName => "Client name",
            Field::Title => "Assessment title",
            Field::Scope => "Scope",
            Field::Assessors => "Assessors",
            Field::TargetLevel => "Target maturity level",
            Field::NaJustification => "Justification for not applicable",
            Field::Notes => "Notes",
            Field::Evidence => "Evidence seen",
            Field::Interviewees => "People interviewed",
            Field::Level => "Maturity level",
            Field::FindingTitle => "Finding title",
            Field::Observation => "What was observed",
            Field::Recommendation => "Recommendation",
            Field::Owner => "Owner",
            Field::KpiName => "KPI name",
            Field::KpiUnit => "Unit",
            Field::KpiValue => "Value",
            Field::KpiPeriod => "Period",
            Field::KpiSource => "Source",
            Field::Confidentiality => "Confidentiality label",
            Field::Firm => "Consultancy",
            Field::Author => "Author",
            Field::Sections => "Sections",
            Field::StartsOn => "First day of the fieldwork",
            Field::EndsOn => "Last day of the fieldwork",
            Field::DueDate => "Due date",
        }
    }

    /// Longest accepted value, in characters (not bytes, so that Cyrillic or
    /// CJK text gets the same room as Latin text).
    pub fn max_chars(self) -> usize {
        match self {
            Field::ClientName | Field::Title => 200,
            Field::FindingTitle | Field::Owner | Field::KpiName => 300,
            Field::KpiUnit | Field::KpiPeriod | Field::Confidentiality => 100,
            Field::Firm | Field::Author => 200,
            Field::KpiSource => 1_000,
            Field::Observation | Field::Recommendation => 400_000,
            Field::Assessors | Field::Interviewees => 2_000,
            Field::Scope | Field::NaJustification => 20_000,
            // Room for a long workshop transcript pasted in (100 KB and more).
            Field::Notes | Field::Evidence => 400_000,
            Field::TargetLevel
            | Field::Level
            | Field::KpiValue
            | Field::Sections
            | Field::StartsOn
            | Field::EndsOn
            | Field::DueDate => 1,
        }
    }

    /// Every field, in declaration order.
    pub const ALL: [Field; 26] = [
        Field::ClientName,
        Field::Title,
        Field::Scope,
        Field::Assessors,
        Field::TargetLevel,
        Field::NaJustification,
        Field::Notes,
        Field::Evidence,
        Field::Interviewees,
        Field::Level,
        Field::FindingTitle,
        Field::Observation,
        Field::Recommendation,
        Field::Owner,
        Field::KpiName,
        Field::KpiUnit,
        Field::KpiValue,
        Field::KpiPeriod,
        Field::KpiSource,
        Field::Confidentiality,
        Field::Firm,
        Field::Author,
        Field::Sections,
        Field::StartsOn,
        Field::EndsOn,
        Field::DueDate,
    ];

    /// The fields a consultant types text into, with a length limit the UI
    /// shows as a counter (see [`Field::max_chars`]).
    pub const TEXT: [Field; 19] = [
        Field::ClientName,
        Field::Title,
        Field::Scope,
        Field::Assessors,
        Field::NaJustification,
        Field::Notes,
        Field::Evidence,
        Field::Interviewees,
        Field::FindingTitle,
        Field::Observation,
        Field::Recommendation,
        Field::Owner,
        Field::KpiName,
        Field::KpiUnit,
        Field::KpiPeriod,
        Field::KpiSource,
        Field::Confidentiality,
        Field::Firm,
        Field::Author,
    ];
}

/// The earliest and latest years a date may have: wide enough for any real
/// engagement, narrow enough that every date reads back and prints as typed.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2999;

/// A date within [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn date_in_range(field: Field, date: NaiveDate) -> Result<NaiveDate, ValidationError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(ValidationError::DateOutOfRange { field, date })
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("{field} is required.")]
    Required { field: Field },
    #[error("{field} is too long: {len} characters, at most {max} are allowed.")]
    TooLong {
        field: Field,
        len: usize,
        max: usize,
    },
    #[error("{field} must not contain control characters.")]
    ControlCharacters { field: Field },
    #[error("Target maturity level must be between 1 and 5, not {level}.")]
    TargetOutOfRange { level: u8 },
    #[error("Maturity level must be between 0 and 5, not {level}.")]
    LevelOutOfRange { level: u8 },
    #[error("Clause {id:?} is not an assessable requirement of this catalogue.")]
    UnknownClause { id: String },
    #[error("{field} must be a number.")]
    NotANumber { field: Field },
    #[error("Choose at least one section besides the contents.")]
    NoSections,
    #[error("{field} must be between the years {MIN_YEAR} and {MAX_YEAR}, not {date}.")]
    DateOutOfRange { field: Field, date: NaiveDate },
    #[error("The last day of the fieldwork cannot be before the first.")]
    EndsBeforeStart,
}

impl ValidationError {
    pub fn field(&self) -> Field {
        match self {
            ValidationError::Required { field }
            | ValidationError::TooLong { field, .. }
            | ValidationError::ControlCharacters { field }
            | ValidationError::NotANumber { field }
            | ValidationError::DateOutOfRange { field, .. } => *field,
            ValidationError::EndsBeforeStart => Field::EndsOn,
            ValidationError::TargetOutOfRange { .. } => Field::TargetLevel,
            ValidationError::NoSections => Field::Sections,
            ValidationError::LevelOutOfRange { .. } | ValidationError::UnknownClause { .. } => {
                Field::Level
            }
        }
    }
}

/// A required single-line text: trimmed, non-empty, within the limit and
/// free of control characters (a stray tab or newline in a title would
/// break the list, the CSV export and the report heading).
pub fn required_line(field: Field, value: &str) -> Result<String, ValidationError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ValidationError::Required { field });
    }
    if value.chars().any(char::is_control) {
        return Err(ValidationError::ControlCharacters { field });
    }
    within_limit(field, value)?;
    Ok(value.to_owned())
}

/// An optional single line: trimmed, no control characters (no newlines).
pub fn optional_line(field: Field, value: &str) -> Result<String, ValidationError> {
    let value = value.trim();
    if value.chars().any(char::is_control) {
        return Err(ValidationError::ControlCharacters { field });
    }
    within_limit(field, value)?;
    Ok(value.to_owned())
}

/// An optional multi-line text: trimmed at the ends, newlines allowed.
pub fn optional_text(field: Field, value: &str) -> Result<String, ValidationError> {
    let value = value.trim();
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(ValidationError::ControlCharacters { field });
    }
    within_limit(field, value)?;
    Ok(value.to_owned())
}

fn within_limit(field: Field, value: &str) -> Result<(), ValidationError> {
    let len = value.chars().count();
    let max = field.max_chars();
    if len > max {
        return Err(ValidationError::TooLong { field, len, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_line_trims_and_rejects_blank() {
        assert_eq!(
            required_line(Field::Title, "  Gap assessment  ").as_deref(),
            Ok("Gap assessment")
        );
        assert_eq!(
            required_line(Field::Title, " \t "),
            Err(ValidationError::Required {
                field: Field::Title
            })
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let cyrillic = "Ж".repeat(200);
        assert_eq!(cyrillic.len(), 400);
        assert!(required_line(Field::Title, &cyrillic).is_ok());
        let too_long = "漢".repeat(201);
        assert_eq!(
            required_line(Field::Title, &too_long),
            Err(ValidationError::TooLong {
                field: Field::Title,
                len: 201,
                max: 200
            })
        );
    }

    #[test]
    fn titles_reject_control_characters_but_text_keeps_newlines() {
        assert_eq!(
            required_line(Field::ClientName, "Acme\nLtd"),
            Err(ValidationError::ControlCharacters {
                field: Field::ClientName
            })
        );
        assert_eq!(
            optional_text(Field::Scope, "Line one\nLine two").as_deref(),
            Ok("Line one\nLine two")
        );
        assert!(optional_text(Field::Scope, "bell\u{7}").is_err());
    }

    #[test]
    fn emoji_and_scripts_are_accepted() {
        for text in [
            "Müller GmbH 🚀",
            "Ελλάδα",
            "Łódź",
            "株式会社テスト",
            "São Paulo",
        ] {
            assert_eq!(required_line(Field::ClientName, text).as_deref(), Ok(text));
        }
    }

    #[test]
    fn the_field_lists_are_complete() {
        // A new variant fails to compile here until it is placed in ALL.
        let position = |f: Field| match f {
            Field::ClientName
            | Field::Title
            | Field::Scope
            | Field::Assessors
            | Field::TargetLevel
            | Field::NaJustification
            | Field::Notes
            | Field::Evidence
            | Field::Interviewees
            | Field::Level
            | Field::FindingTitle
            | Field::Observation
            | Field::Recommendation
            | Field::Owner
            | Field::KpiName
            | Field::KpiUnit
            | Field::KpiValue
            | Field::KpiPeriod
            | Field::KpiSource
            | Field::Confidentiality
            | Field::Firm
            | Field::Author
            | Field::Sections
            | Field::StartsOn
            | Field::EndsOn
            | Field::DueDate => Field::ALL.iter().position(|g| *g == f),
        };
        assert!(Field::ALL.iter().all(|f| position(*f).is_some()));
        let distinct: std::collections::HashSet<_> = Field::ALL.iter().collect();
        assert_eq!(distinct.len(), Field::ALL.len());
        // Text fields are the ones with a real length limit.
        for f in Field::ALL {
            assert_eq!(Field::TEXT.contains(&f), f.max_chars() > 1, "{f:?}");
        }
    }

    #[test]
    fn messages_name_the_field() {
        let err = required_line(Field::ClientName, "").unwrap_err();
        assert_eq!(err.to_string(), "Client name is required.");
        assert_eq!(err.field(), Field::ClientName);
    }
}
