//! Input rules for what a consultant types. Limits are generous enough for
//! real work and small enough that a pasted megabyte cannot end up in a title.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The input field a validation message belongs to, so the UI can show the
/// message next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
    /// The firm's logo for the report's cover.
    Logo,
    /// The firm's Word template for the Word report.
    Template,
    /// The firm's colour for the report.
    Accent,
    /// A part of the consultant's narrative for the report.
    Narrative,
    /// Why a requirement is not applicable.
    NaBasis,
    /// The conformity judgement of a requirement.
    Judgement,
    /// What was done at once to contain a nonconformity.
    Correction,
    RootCause,
    CorrectiveAction,
    PlanAcceptedOn,
    ImplementedOn,
    VerifiedOn,
    VerifiedBy,
    /// What was checked to verify a corrective action worked.
    Verification,
    /// Whether a finding is open, in progress or closed.
    Status,
    /// An item of the documented information checklist (7.5.4).
    Document,
    /// One of the 34 ITIL 4 practices of the practice profile.
    Practice,
    /// Whether the client runs a practice: not in place, partial, in place.
    PracticeStatus,
    /// How capable a practice the client runs is, 1 to 5.
    PracticeCapability,
    /// The tool a practice runs on.
    PracticeTool,
    PracticeOwner,
    PracticeNotes,
    /// Who is accountable for a KPI.
    KpiOwner,
    /// How a KPI is calculated.
    KpiDefinition,
    /// The service a KPI is measured for.
    KpiService,
    /// How far from target a KPI may fall and still be within tolerance.
    KpiTolerance,
    /// The note on one measurement of a KPI.
    KpiNote,
    /// What was decided on a KPI's results.
    KpiDecision,
    /// The findings and roadmap actions a KPI drives.
    KpiFindings,
    /// The name of a service, site, unit or party in scope.
    ScopeName,
    ScopeOwner,
    ScopeCustomers,
    ScopeReference,
    /// The SMS processes a party operates (8.2.3).
    ScopeProcesses,
    /// A person in the client's directory.
    PersonName,
    PersonRole,
    PersonUnit,
    PersonSite,
    PersonEmail,
    InterviewDate,
    InterviewTime,
    InterviewPeople,
    InterviewClauses,
    InterviewNotes,
    /// An item of the evidence register.
    EvidenceTitle,
    EvidenceVersion,
    EvidenceOwner,
    EvidenceSeenOn,
    EvidenceLocation,
    EvidenceNotes,
    EvidenceLinks,
    Sampling,
    /// An attached file.
    FileName,
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
            Field::Logo => "Logo",
            Field::Template => "Word template",
            Field::Accent => "Firm colour",
            Field::Narrative => "The text",
            Field::NaBasis => "Why it does not apply",
            Field::Judgement => "Conformity",
            Field::Correction => "Correction",
            Field::RootCause => "Root cause",
            Field::CorrectiveAction => "Corrective action",
            Field::PlanAcceptedOn => "Plan accepted on",
            Field::ImplementedOn => "Implemented on",
            Field::VerifiedOn => "Effectiveness verified on",
            Field::VerifiedBy => "Verified by",
            Field::Verification => "What was checked",
            Field::Status => "Status",
            Field::Document => "Documented information",
            Field::Practice => "Practice",
            Field::PracticeStatus => "In place",
            Field::PracticeCapability => "Capability",
            Field::PracticeTool => "Tool",
            Field::PracticeOwner => "Practice owner",
            Field::PracticeNotes => "Practice notes",
            Field::KpiOwner => "KPI owner",
            Field::KpiDefinition => "Definition",
            Field::KpiService => "Service",
            Field::KpiTolerance => "Tolerance",
            Field::KpiNote => "Measurement note",
            Field::KpiDecision => "Decision",
            Field::KpiFindings => "Linked findings",
            Field::ScopeName => "Scope item name",
            Field::ScopeOwner => "Scope owner",
            Field::ScopeCustomers => "Customers",
            Field::ScopeReference => "Agreement reference",
            Field::ScopeProcesses => "Processes operated",
            Field::PersonName => "Name",
            Field::PersonRole => "Role",
            Field::PersonUnit => "Unit",
            Field::PersonSite => "Site",
            Field::PersonEmail => "E-mail",
            Field::InterviewDate => "Interview date",
            Field::InterviewTime => "Interview time",
            Field::InterviewPeople => "People interviewed",
            Field::InterviewClauses => "Clauses to cover",
            Field::InterviewNotes => "Interview notes",
            Field::EvidenceTitle => "Evidence title",
            Field::EvidenceVersion => "Version",
            Field::EvidenceOwner => "Evidence owner",
            Field::EvidenceSeenOn => "Date seen",
            Field::EvidenceLocation => "Location or reference",
            Field::EvidenceNotes => "Evidence notes",
            Field::EvidenceLinks => "Linked requirements and findings",
            Field::Sampling => "Record sampling",
            Field::FileName => "File name",
        }
    }

    /// Longest accepted value, in characters (not bytes, so that Cyrillic or
    /// CJK text gets the same room as Latin text).
    pub fn max_chars(self) -> usize {
        match self {
            Field::ClientName | Field::Title => 200,
            Field::FindingTitle | Field::Owner | Field::KpiName | Field::VerifiedBy => 300,
            Field::Correction
            | Field::RootCause
            | Field::CorrectiveAction
            | Field::Verification => 20_000,
            Field::KpiUnit | Field::KpiPeriod | Field::Confidentiality => 100,
            Field::PracticeTool | Field::PracticeOwner | Field::KpiOwner | Field::KpiService => 300,
            Field::KpiNote => 2_000,
            Field::Narrative => crate::narrative::MAX_PART_CHARS,
            Field::KpiDefinition | Field::KpiDecision => 20_000,
            Field::Firm | Field::Author => 200,
            Field::KpiSource => 1_000,
            Field::Observation | Field::Recommendation => 400_000,
            Field::Assessors | Field::Interviewees => 2_000,
            Field::Scope | Field::NaJustification => 20_000,
            // Room for a long workshop transcript pasted in (100 KB and more).
            Field::Notes | Field::Evidence | Field::PracticeNotes => 400_000,
            Field::TargetLevel
            | Field::Level
            | Field::KpiValue
            | Field::Sections
            | Field::StartsOn
            | Field::EndsOn
            | Field::DueDate
            | Field::Logo
            | Field::Template
            | Field::Accent
            | Field::NaBasis
            | Field::Judgement
            | Field::PlanAcceptedOn
            | Field::ImplementedOn
            | Field::VerifiedOn
            | Field::Status
            | Field::Document
            | Field::Practice
            | Field::PracticeStatus
            | Field::PracticeCapability
            | Field::KpiTolerance
            | Field::KpiFindings => 1,
            Field::ScopeName
            | Field::ScopeOwner
            | Field::ScopeReference
            | Field::PersonRole
            | Field::PersonUnit
            | Field::PersonSite
            | Field::EvidenceTitle
            | Field::EvidenceOwner => 300,
            Field::ScopeCustomers | Field::EvidenceLocation => 2_000,
            Field::ScopeProcesses
            | Field::InterviewDate
            | Field::InterviewTime
            | Field::InterviewPeople
            | Field::InterviewClauses
            | Field::EvidenceSeenOn
            | Field::EvidenceLinks
            | Field::Sampling => 1,
            Field::PersonName => 200,
            Field::PersonEmail => 320,
            Field::InterviewNotes | Field::EvidenceNotes => 400_000,
            Field::EvidenceVersion => 100,
            Field::FileName => 255,
        }
    }

    /// Every field, in declaration order.
    pub const ALL: [Field; 79] = [
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
        Field::Logo,
        Field::Template,
        Field::Accent,
        Field::Narrative,
        Field::NaBasis,
        Field::Judgement,
        Field::Correction,
        Field::RootCause,
        Field::CorrectiveAction,
        Field::PlanAcceptedOn,
        Field::ImplementedOn,
        Field::VerifiedOn,
        Field::VerifiedBy,
        Field::Verification,
        Field::Status,
        Field::Document,
        Field::Practice,
        Field::PracticeStatus,
        Field::PracticeCapability,
        Field::PracticeTool,
        Field::PracticeOwner,
        Field::PracticeNotes,
        Field::KpiOwner,
        Field::KpiDefinition,
        Field::KpiService,
        Field::KpiTolerance,
        Field::KpiNote,
        Field::KpiDecision,
        Field::KpiFindings,
        Field::ScopeName,
        Field::ScopeOwner,
        Field::ScopeCustomers,
        Field::ScopeReference,
        Field::ScopeProcesses,
        Field::PersonName,
        Field::PersonRole,
        Field::PersonUnit,
        Field::PersonSite,
        Field::PersonEmail,
        Field::InterviewDate,
        Field::InterviewTime,
        Field::InterviewPeople,
        Field::InterviewClauses,
        Field::InterviewNotes,
        Field::EvidenceTitle,
        Field::EvidenceVersion,
        Field::EvidenceOwner,
        Field::EvidenceSeenOn,
        Field::EvidenceLocation,
        Field::EvidenceNotes,
        Field::EvidenceLinks,
        Field::Sampling,
        Field::FileName,
    ];

    /// The fields a consultant types text into, with a length limit the UI
    /// shows as a counter (see [`Field::max_chars`]).
    pub const TEXT: [Field; 49] = [
        Field::ClientName,
        Field::Narrative,
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
        Field::Correction,
        Field::RootCause,
        Field::CorrectiveAction,
        Field::VerifiedBy,
        Field::Verification,
        Field::PracticeTool,
        Field::PracticeOwner,
        Field::PracticeNotes,
        Field::KpiOwner,
        Field::KpiDefinition,
        Field::KpiService,
        Field::KpiNote,
        Field::KpiDecision,
        Field::ScopeName,
        Field::ScopeOwner,
        Field::ScopeCustomers,
        Field::ScopeReference,
        Field::PersonName,
        Field::PersonRole,
        Field::PersonUnit,
        Field::PersonSite,
        Field::PersonEmail,
        Field::InterviewNotes,
        Field::EvidenceTitle,
        Field::EvidenceVersion,
        Field::EvidenceOwner,
        Field::EvidenceLocation,
        Field::EvidenceNotes,
        Field::FileName,
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

/// The earliest moment a stored timestamp may have (the start of [`MIN_YEAR`]).
pub fn earliest_timestamp() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// The latest moment a stored timestamp may have (the end of [`MAX_YEAR`],
/// to the microsecond stored).
pub fn latest_timestamp() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31)
        .and_then(|d| d.and_hms_micro_opt(23, 59, 59, 999_999))
        .unwrap_or(NaiveDate::MAX.and_time(NaiveTime::MIN))
        .and_utc()
}

/// A timestamp (in UTC) within [`MIN_YEAR`]..=[`MAX_YEAR`]: the years the
/// store writes with four digits and reads back. A time such as
/// `9999-12-31T23:30:00-01:00` is in the year 10000 in UTC, so it is not.
pub fn timestamp_in_range(t: DateTime<Utc>) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&t.year())
}

/// The nearest timestamp within range.
pub fn clamp_timestamp(t: DateTime<Utc>) -> DateTime<Utc> {
    t.clamp(earliest_timestamp(), latest_timestamp())
}

/// The nearest date within range.
pub fn clamp_date(date: NaiveDate) -> NaiveDate {
    date.clamp(
        earliest_timestamp().date_naive(),
        latest_timestamp().date_naive(),
    )
}

/// Characters that change how the text around them is displayed, or are
/// not displayed at all, without being part of any writing: bidirectional
/// overrides, embeddings, isolates and marks, zero-width spaces and
/// invisible operators. They can make a finding title or a client name read
/// differently from what it is (in the app, the report or a spreadsheet).
/// The zero-width joiner and non-joiner are not among them: Persian, the
/// Indic scripts and emoji need them.
pub fn invisible_control_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}'..='\u{2064}' => "INVISIBLE OPERATOR",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{206A}'..='\u{206F}' => "DEPRECATED FORMAT CHARACTER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => return None,
    })
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
    #[error(
        "{field} contains an invisible character that can change how the text reads \
         (U+{:04X} {name}, character {position}). Delete it and try again; if you cannot \
         find it, retype the text around that place.",
        u32::from(*character)
    )]
    InvisibleCharacter {
        field: Field,
        character: char,
        name: &'static str,
        /// 1-based, counted in characters of the trimmed text.
        position: usize,
    },
    #[error("Target maturity level must be between 1 and 5, not {level}.")]
    TargetOutOfRange { level: u8 },
    #[error("Maturity level must be between 0 and 5, not {level}.")]
    LevelOutOfRange { level: u8 },
    #[error("Clause {id:?} is not an assessable requirement of this catalogue.")]
    UnknownClause { id: String },
    #[error("{value:?} is not a colour: write it as #RRGGBB, e.g. #8A1538.")]
    BadColour { value: String },
    #[error("The colour is too light for titles on white paper and white text on it (contrast {contrast}:1, at least 4.5:1 is needed): choose a darker shade.")]
    AccentTooLight { contrast: String },
    #[error("{key:?} is not a part of the report text: use summary, key_messages, conclusions, next_steps or clause:N for a clause from 4 to 10.")]
    UnknownNarrativePart { key: String },
    #[error("{field} must be a number.")]
    NotANumber { field: Field },
    #[error("Choose at least one section besides the contents.")]
    NoSections,
    #[error("{field} must be between the years {MIN_YEAR} and {MAX_YEAR}, not {date}.")]
    DateOutOfRange { field: Field, date: NaiveDate },
    #[error("The last day of the fieldwork cannot be before the first.")]
    EndsBeforeStart,
    /// A step of a nonconformity's lifecycle recorded before the one it
    /// follows, e.g. a plan accepted with no corrective action written.
    #[error("{field} needs {needs} first.")]
    LifecycleOrder { field: Field, needs: &'static str },
    #[error("{field} cannot be before {before}.")]
    DateBefore { field: Field, before: Field },
    #[error(
        "A nonconformity can only be closed once its corrective action is verified \
         effective: fill in when, by whom and what was checked."
    )]
    ClosedUnverified,
    #[error("“{item}” is not documented information the standard expects of that requirement.")]
    UnknownDocument { item: String },
    #[error("“{name}” is not one of the 34 ITIL 4 practices.")]
    UnknownPractice { name: String },
    #[error("Practice capability must be between 1 and 5, not {level}.")]
    CapabilityOutOfRange { level: u8 },
    #[error(
        "A practice that is not in place has no capability: set it to partial or in place first."
    )]
    CapabilityNotInPlace,
    #[error("Tolerance cannot be negative: it is how far from target a result may fall.")]
    NegativeTolerance,
    #[error("The period “{period}” is measured twice: one value per period.")]
    DuplicatePeriod { period: String },
    #[error("A KPI holds at most {max} measurements.")]
    TooManyMeasurements { max: usize },
    #[error("A linked finding does not belong to this assessment (it may have been deleted).")]
    UnknownFinding,
    #[error("“{value}” is not an e-mail address (it needs a name, an @ and a domain).")]
    InvalidEmail { value: String },
    #[error("The time “{value}” is not a time of day: write it as 09:30.")]
    InvalidTime { value: String },
    #[error("“{id}” is not one of the service management processes of clause 8.")]
    UnknownProcess { id: String },
    #[error("Only another party (a supplier or a customer acting as one) operates processes.")]
    ProcessesOnlyForParties,
    #[error("A sample cannot be larger than the population it is drawn from ({sample} of {population}).")]
    SampleLargerThanPopulation { sample: u32, population: u32 },
    #[error("More exceptions ({exceptions}) than records sampled ({sample}).")]
    MoreExceptionsThanSample { exceptions: u32, sample: u32 },
    #[error("A sample needs at least one record.")]
    EmptySample,
    #[error(
        "Only a sample with exceptions, on an item that backs a requirement, raises a finding."
    )]
    NothingToRaise,
    #[error("A person named here is not in the client's directory (they may have been removed).")]
    UnknownPerson,
    #[error("A linked item is not in this assessment's scope (it may have been removed).")]
    UnknownScopeItem,
    #[error("The evidence item is not in this assessment (it may have been deleted).")]
    UnknownEvidence,
}

impl ValidationError {
    pub fn field(&self) -> Field {
        match self {
            ValidationError::Required { field }
            | ValidationError::TooLong { field, .. }
            | ValidationError::ControlCharacters { field }
            | ValidationError::InvisibleCharacter { field, .. }
            | ValidationError::NotANumber { field }
            | ValidationError::DateOutOfRange { field, .. }
            | ValidationError::LifecycleOrder { field, .. }
            | ValidationError::DateBefore { field, .. } => *field,
            ValidationError::ClosedUnverified => Field::Status,
            ValidationError::UnknownDocument { .. } => Field::Document,
            ValidationError::UnknownPractice { .. } => Field::Practice,
            ValidationError::CapabilityOutOfRange { .. }
            | ValidationError::CapabilityNotInPlace => Field::PracticeCapability,
            ValidationError::NegativeTolerance => Field::KpiTolerance,
            ValidationError::DuplicatePeriod { .. }
            | ValidationError::TooManyMeasurements { .. } => Field::KpiPeriod,
            ValidationError::UnknownFinding => Field::KpiFindings,
            ValidationError::InvalidEmail { .. } => Field::PersonEmail,
            ValidationError::InvalidTime { .. } => Field::InterviewTime,
            ValidationError::UnknownProcess { .. } | ValidationError::ProcessesOnlyForParties => {
                Field::ScopeProcesses
            }
            ValidationError::SampleLargerThanPopulation { .. }
            | ValidationError::MoreExceptionsThanSample { .. }
            | ValidationError::EmptySample
            | ValidationError::NothingToRaise => Field::Sampling,
            ValidationError::UnknownPerson => Field::InterviewPeople,
            ValidationError::UnknownScopeItem | ValidationError::UnknownEvidence => {
                Field::EvidenceLinks
            }
            ValidationError::EndsBeforeStart => Field::EndsOn,
            ValidationError::TargetOutOfRange { .. } => Field::TargetLevel,
            ValidationError::NoSections => Field::Sections,
            ValidationError::UnknownNarrativePart { .. } => Field::Narrative,
            ValidationError::BadColour { .. } | ValidationError::AccentTooLight { .. } => {
                Field::Accent
            }
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
    single_line(field, value)?;
    within_limit(field, value)?;
    Ok(value.to_owned())
}

/// An optional single line: trimmed, no control characters (no newlines).
pub fn optional_line(field: Field, value: &str) -> Result<String, ValidationError> {
    let value = value.trim();
    single_line(field, value)?;
    within_limit(field, value)?;
    Ok(value.to_owned())
}

fn single_line(field: Field, value: &str) -> Result<(), ValidationError> {
    if value
        .chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        return Err(ValidationError::ControlCharacters { field });
    }
    no_invisible_controls(field, value)
}

fn no_invisible_controls(field: Field, value: &str) -> Result<(), ValidationError> {
    match value
        .chars()
        .enumerate()
        .find_map(|(i, c)| invisible_control_name(c).map(|name| (i, c, name)))
    {
        Some((i, character, name)) => Err(ValidationError::InvisibleCharacter {
            field,
            character,
            name,
            position: i + 1,
        }),
        None => Ok(()),
    }
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
    no_invisible_controls(field, value)?;
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
            | Field::DueDate
            | Field::Logo
            | Field::Template
            | Field::Accent
            | Field::Narrative
            | Field::NaBasis
            | Field::Judgement
            | Field::Correction
            | Field::RootCause
            | Field::CorrectiveAction
            | Field::PlanAcceptedOn
            | Field::ImplementedOn
            | Field::VerifiedOn
            | Field::VerifiedBy
            | Field::Verification
            | Field::Status
            | Field::Document
            | Field::Practice
            | Field::PracticeStatus
            | Field::PracticeCapability
            | Field::PracticeTool
            | Field::PracticeOwner
            | Field::PracticeNotes
            | Field::KpiOwner
            | Field::KpiDefinition
            | Field::KpiService
            | Field::KpiTolerance
            | Field::KpiNote
            | Field::KpiDecision
            | Field::KpiFindings
            | Field::ScopeName
            | Field::ScopeOwner
            | Field::ScopeCustomers
            | Field::ScopeReference
            | Field::ScopeProcesses
            | Field::PersonName
            | Field::PersonRole
            | Field::PersonUnit
            | Field::PersonSite
            | Field::PersonEmail
            | Field::InterviewDate
            | Field::InterviewTime
            | Field::InterviewPeople
            | Field::InterviewClauses
            | Field::InterviewNotes
            | Field::EvidenceTitle
            | Field::EvidenceVersion
            | Field::EvidenceOwner
            | Field::EvidenceSeenOn
            | Field::EvidenceLocation
            | Field::EvidenceNotes
            | Field::EvidenceLinks
            | Field::Sampling
            | Field::FileName => Field::ALL.iter().position(|g| *g == f),
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
    fn invisible_controls_are_refused_with_the_field_and_place() {
        let spoof = "Invoice \u{202E}fdp.exe";
        assert_eq!(
            required_line(Field::FindingTitle, spoof),
            Err(ValidationError::InvisibleCharacter {
                field: Field::FindingTitle,
                character: '\u{202E}',
                name: "RIGHT-TO-LEFT OVERRIDE",
                position: 9
            })
        );
        assert_eq!(
            required_line(Field::FindingTitle, spoof)
                .unwrap_err()
                .to_string(),
            "Finding title contains an invisible character that can change how the text reads \
             (U+202E RIGHT-TO-LEFT OVERRIDE, character 9). Delete it and try again; if you \
             cannot find it, retype the text around that place."
        );
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}', '\u{200B}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2060}', '\u{FEFF}',
        ] {
            let text = format!("Acme{c}Ltd");
            for check in [required_line, optional_line, optional_text] {
                let err = check(Field::ClientName, &text).unwrap_err();
                assert_eq!(err.field(), Field::ClientName);
                assert!(
                    matches!(err, ValidationError::InvisibleCharacter { position: 5, .. }),
                    "{c:?}: {err:?}"
                );
            }
        }
        // Letters that need them keep the joiners: Persian, Devanagari, emoji.
        for text in ["می\u{200C}خواهم", "क्\u{200D}ष", "👩\u{200D}💻 Team"] {
            assert_eq!(required_line(Field::Owner, text).as_deref(), Ok(text));
            assert_eq!(optional_text(Field::Notes, text).as_deref(), Ok(text));
        }
        // Line and paragraph separators are line breaks: not in a title.
        assert!(matches!(
            required_line(Field::Title, "One\u{2028}Two"),
            Err(ValidationError::ControlCharacters { .. })
        ));
    }

    #[test]
    fn timestamps_are_bounded_in_utc() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert!(timestamp_in_range(t("2999-12-31T23:59:59Z")));
        assert!(timestamp_in_range(t("1900-01-01T00:00:00Z")));
        assert!(!timestamp_in_range(t("2999-12-31T23:30:00-01:00")));
        assert!(!timestamp_in_range(t("1900-01-01T00:30:00+01:00")));
        assert_eq!(
            clamp_timestamp(t("9999-12-31T23:30:00-01:00")),
            latest_timestamp()
        );
        assert_eq!(
            clamp_timestamp(t("0001-01-01T00:00:00Z")),
            earliest_timestamp()
        );
        let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        assert_eq!(clamp_date(day), day);
    }

    #[test]
    fn messages_name_the_field() {
        let err = required_line(Field::ClientName, "").unwrap_err();
        assert_eq!(err.to_string(), "Client name is required.");
        assert_eq!(err.field(), Field::ClientName);
    }
}
