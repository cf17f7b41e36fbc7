//! Clients and their assessments.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::validation::{date_in_range, optional_text, required_line, Field, ValidationError};

/// The organisation whose service management system is assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Client {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    Draft,
    Final,
}

impl AssessmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AssessmentStatus::Draft => "draft",
            AssessmentStatus::Final => "final",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "draft" => Some(AssessmentStatus::Draft),
            "final" => Some(AssessmentStatus::Final),
            _ => None,
        }
    }

    pub const ALL: [AssessmentStatus; 2] = [AssessmentStatus::Draft, AssessmentStatus::Final];

    pub fn label(self) -> &'static str {
        match self {
            AssessmentStatus::Draft => "Draft",
            AssessmentStatus::Final => "Final",
        }
    }
}

/// One maturity and gap assessment of a client's SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Assessment {
    pub id: Uuid,
    pub client_id: Uuid,
    pub title: String,
    pub scope: String,
    pub assessors: String,
    /// Maturity level the client aims for (1–5); the default target of
    /// every requirement in this assessment.
    pub target_level: u8,
    /// First and last day of the fieldwork (workshops, interviews), if set.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub ends_on: Option<NaiveDate>,
    /// A final assessment is the one issued to the client: it is changed
    /// only after being reopened as a draft.
    pub status: AssessmentStatus,
    /// The framework catalogue the assessment follows (id and edition).
    pub catalogue_id: String,
    pub catalogue_version: String,
    /// The earlier assessment this one is a follow-up of, if any; progress
    /// is measured against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub baseline_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Assessment {
    /// The fieldwork period as printed: "16–18 November 2026",
    /// "30 March – 2 April 2026", "30 December 2026 – 2 January 2027", one
    /// day alone, or "from"/"until" when only one end is known.
    pub fn fieldwork(&self) -> Option<String> {
        fieldwork_text(crate::i18n::Lang::En, self.starts_on, self.ends_on)
    }

    /// The same, in a language.
    pub fn fieldwork_in(&self, lang: crate::i18n::Lang) -> Option<String> {
        fieldwork_text(lang, self.starts_on, self.ends_on)
    }
}

fn fieldwork_text(
    lang: crate::i18n::Lang,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Option<String> {
    use crate::tr;
    use chrono::Datelike;
    let full = |d: NaiveDate| lang.date(d);
    let day = |d: NaiveDate| tr!(lang, "date-day", day = d.day());
    let day_month = |d: NaiveDate| {
        let month = tr!(lang, "month", month = d.month());
        tr!(lang, "date-day-month", day = d.day(), month = month)
    };
    Some(match (start, end) {
        (None, None) => return None,
        (Some(s), None) => tr!(lang, "fieldwork-from", date = full(s)),
        (None, Some(e)) => tr!(lang, "fieldwork-until", date = full(e)),
        (Some(s), Some(e)) if s == e => full(s),
        (Some(s), Some(e)) if s.year() == e.year() && s.month() == e.month() => {
            format!("{}–{}", day(s), full(e))
        }
        (Some(s), Some(e)) if s.year() == e.year() => {
            format!("{} – {}", day_month(s), full(e))
        }
        (Some(s), Some(e)) => format!("{} – {}", full(s), full(e)),
    })
}

/// A row of the assessment list: the assessment with its client's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AssessmentSummary {
    pub id: Uuid,
    pub title: String,
    pub client_id: Uuid,
    pub client_name: String,
    pub status: AssessmentStatus,
    pub target_level: u8,
    /// The assessment this one follows up, if any, and its title.
    pub baseline_id: Option<Uuid>,
    pub baseline_title: Option<String>,
    /// Overall maturity (the mean of clauses 4–10), as on the dashboard.
    pub overall: Option<f64>,
    /// Requirements decided (a level or N/A) of those assessable.
    pub assessed: u32,
    pub assessable: u32,
    /// The title a follow-up of this assessment is offered.
    pub follow_up_title: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the consultant fills in to start an assessment, and edits later in
/// its details. The client is named, not picked by id: typing the name of an
/// existing client (any letter case) files the assessment under that client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewAssessment {
    pub client_name: String,
    pub title: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub assessors: String,
    #[serde(default = "default_target_level")]
    pub target_level: u8,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub ends_on: Option<NaiveDate>,
}

/// Level 3 (Established) is what a certification auditor expects to see.
pub const DEFAULT_TARGET_LEVEL: u8 = 3;

fn default_target_level() -> u8 {
    DEFAULT_TARGET_LEVEL
}

impl NewAssessment {
    /// Trims and checks every field; returns the cleaned values or the first
    /// problem found, in form order.
    pub fn validated(&self) -> Result<NewAssessment, ValidationError> {
        Ok(NewAssessment {
            client_name: required_line(Field::ClientName, &self.client_name)?,
            title: required_line(Field::Title, &self.title)?,
            scope: optional_text(Field::Scope, &self.scope)?,
            assessors: optional_text(Field::Assessors, &self.assessors)?,
            target_level: validate_target_level(self.target_level)?,
            starts_on: self
                .starts_on
                .map(|d| date_in_range(Field::StartsOn, d))
                .transpose()?,
            ends_on: validate_end(self.starts_on, self.ends_on)?,
        })
    }
}

/// The last day of the fieldwork: in range, and not before the first.
fn validate_end(
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
) -> Result<Option<NaiveDate>, ValidationError> {
    let Some(end) = ends_on else {
        return Ok(None);
    };
    let end = date_in_range(Field::EndsOn, end)?;
    match starts_on {
        Some(start) if end < start => Err(ValidationError::EndsBeforeStart),
        _ => Ok(Some(end)),
    }
}

/// How a follow-up assessment starts from its baseline. Open findings and
/// the KPI definitions are always carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowUpInput {
    pub title: String,
    /// Start from the baseline's levels (and N/A decisions) to confirm or
    /// change, or start every requirement unassessed.
    pub copy_levels: bool,
}

impl FollowUpInput {
    pub fn validated(&self) -> Result<FollowUpInput, ValidationError> {
        Ok(FollowUpInput {
            title: validate_title(&self.title)?,
            copy_levels: self.copy_levels,
        })
    }
}

pub fn validate_title(title: &str) -> Result<String, ValidationError> {
    required_line(Field::Title, title)
}

pub fn validate_target_level(level: u8) -> Result<u8, ValidationError> {
    if (1..=5).contains(&level) {
        Ok(level)
    } else {
        Err(ValidationError::TargetOutOfRange { level })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn new(client: &str, title: &str) -> NewAssessment {
        NewAssessment {
            client_name: client.into(),
            title: title.into(),
            scope: String::new(),
            assessors: String::new(),
            target_level: DEFAULT_TARGET_LEVEL,
            starts_on: None,
            ends_on: None,
        }
    }

    #[test]
    fn validated_trims_fields() {
        let clean = new("  Acme  ", " SMS gap review ").validated().unwrap();
        assert_eq!(clean.client_name, "Acme");
        assert_eq!(clean.title, "SMS gap review");
    }

    #[test]
    fn first_problem_in_form_order_is_reported() {
        let err = new("", "").validated().unwrap_err();
        assert_eq!(err.field(), Field::ClientName);
        let err = new("Acme", "").validated().unwrap_err();
        assert_eq!(err.field(), Field::Title);
    }

    #[test]
    fn target_level_must_be_one_to_five() {
        let mut input = new("Acme", "Review");
        for level in 1..=5 {
            input.target_level = level;
            assert!(input.validated().is_ok());
        }
        for level in [0, 6, 255] {
            input.target_level = level;
            assert_eq!(
                input.validated(),
                Err(ValidationError::TargetOutOfRange { level })
            );
        }
    }

    #[test]
    fn fieldwork_dates_are_bounded_and_in_order() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut input = new("Acme", "Review");
        input.starts_on = Some(day(2026, 3, 30));
        input.ends_on = Some(day(2026, 3, 31));
        assert!(input.validated().is_ok());
        input.ends_on = Some(day(2026, 3, 29));
        assert_eq!(input.validated(), Err(ValidationError::EndsBeforeStart));
        input.ends_on = None;
        input.starts_on = Some(day(1899, 12, 31));
        assert_eq!(
            input.validated().unwrap_err().field(),
            Field::StartsOn,
            "years before 1900 are refused"
        );
        input.starts_on = None;
        input.ends_on = Some(day(3000, 1, 1));
        assert_eq!(input.validated().unwrap_err().field(), Field::EndsOn);
    }

    #[test]
    fn the_fieldwork_period_reads_naturally() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            (None, None, None),
            (
                day(2026, 11, 16),
                day(2026, 11, 18),
                Some("16–18 November 2026"),
            ),
            (
                day(2026, 3, 30),
                day(2026, 4, 2),
                Some("30 March – 2 April 2026"),
            ),
            (
                day(2026, 12, 30),
                day(2027, 1, 2),
                Some("30 December 2026 – 2 January 2027"),
            ),
            (day(2026, 5, 4), day(2026, 5, 4), Some("4 May 2026")),
            (day(2026, 5, 4), None, Some("from 4 May 2026")),
            (None, day(2026, 5, 4), Some("until 4 May 2026")),
        ];
        for (start, end, text) in cases {
            assert_eq!(fieldwork_text(Lang::En, start, end).as_deref(), text);
        }
        // The same ranges in German and French.
        let de = |s, e| fieldwork_text(Lang::De, s, e);
        let fr = |s, e| fieldwork_text(Lang::Fr, s, e);
        assert_eq!(
            de(day(2026, 3, 3), day(2026, 3, 5)).as_deref(),
            Some("3.–5. März 2026")
        );
        assert_eq!(
            de(day(2026, 3, 30), day(2026, 4, 2)).as_deref(),
            Some("30. März – 2. April 2026")
        );
        assert_eq!(
            fr(day(2026, 3, 30), day(2026, 4, 2)).as_deref(),
            Some("30 mars – 2 avril 2026")
        );
        assert_eq!(
            fr(day(2026, 5, 4), None).as_deref(),
            Some("à partir du 4 mai 2026")
        );
        assert_eq!(
            de(None, day(2026, 5, 4)).as_deref(),
            Some("bis 4. Mai 2026")
        );
    }

    #[test]
    fn missing_optional_fields_deserialize_to_defaults() {
        let input: NewAssessment =
            serde_json::from_str(r#"{"client_name":"Acme","title":"Review"}"#).unwrap();
        assert_eq!(input.target_level, 3);
        assert_eq!(input.scope, "");
    }

    #[test]
    fn status_round_trips_through_text() {
        for status in [AssessmentStatus::Draft, AssessmentStatus::Final] {
            assert_eq!(AssessmentStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(AssessmentStatus::parse("archived"), None);
    }
}
