//! What the consultant records for one requirement of an assessment.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Catalogue;
use crate::validation::{optional_text, Field, ValidationError};

/// The maturity rating of a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rating {
    NotAssessed,
    /// Does not apply to this SMS; needs a justification (ISO/IEC 20000-1
    /// permits no exclusions, so every one is listed in the report).
    NotApplicable,
    Level {
        level: u8,
    },
}

impl Rating {
    pub fn level(self) -> Option<u8> {
        match self {
            Rating::Level { level } => Some(level),
            _ => None,
        }
    }

    /// As printed in a table cell: "3", "N/A", or "–" when not assessed.
    pub fn short_label(self) -> &'static str {
        match self {
            Rating::Level { level } => ["0", "1", "2", "3", "4", "5"]
                .get(usize::from(level))
                .copied()
                .unwrap_or("?"),
            Rating::NotApplicable => "N/A",
            Rating::NotAssessed => "–",
        }
    }
}

/// A requirement's recorded state. Requirements nobody touched yet have no
/// stored response; they read as [`ClauseResponse::blank`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClauseResponse {
    pub clause_id: String,
    pub rating: Rating,
    /// Target for this requirement; `None` means the assessment's target.
    pub target_level: Option<u8>,
    pub na_justification: String,
    pub notes: String,
    pub evidence: String,
    pub interviewees: String,
    pub updated_at: Option<DateTime<Utc>>,
}

impl ClauseResponse {
    pub fn blank(clause_id: &str) -> ClauseResponse {
        ClauseResponse {
            clause_id: clause_id.to_owned(),
            rating: Rating::NotAssessed,
            target_level: None,
            na_justification: String::new(),
            notes: String::new(),
            evidence: String::new(),
            interviewees: String::new(),
            updated_at: None,
        }
    }

    /// Checks a response as sent by the UI against the catalogue, and
    /// returns it trimmed.
    pub fn validated(&self, catalogue: &Catalogue) -> Result<ClauseResponse, ValidationError> {
        match catalogue.clause(&self.clause_id) {
            Some(clause) if clause.assessable => {}
            _ => {
                return Err(ValidationError::UnknownClause {
                    id: self.clause_id.clone(),
                })
            }
        }
        if let Rating::Level { level } = self.rating {
            if level > 5 {
                return Err(ValidationError::LevelOutOfRange { level });
            }
        }
        if let Some(target) = self.target_level {
            crate::assessment::validate_target_level(target)?;
        }
        let na_justification = optional_text(Field::NaJustification, &self.na_justification)?;
        if self.rating == Rating::NotApplicable && na_justification.is_empty() {
            return Err(ValidationError::Required {
                field: Field::NaJustification,
            });
        }
        Ok(ClauseResponse {
            clause_id: self.clause_id.clone(),
            rating: self.rating,
            target_level: self.target_level,
            na_justification,
            notes: optional_text(Field::Notes, &self.notes)?,
            evidence: optional_text(Field::Evidence, &self.evidence)?,
            interviewees: optional_text(Field::Interviewees, &self.interviewees)?,
            updated_at: self.updated_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(rating: Rating) -> ClauseResponse {
        ClauseResponse {
            rating,
            ..ClauseResponse::blank("8.5.1.2")
        }
    }

    #[test]
    fn ratings_serialise_as_tagged_objects() {
        let json = serde_json::to_value(Rating::Level { level: 3 }).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "level", "level": 3}));
        let back: Rating = serde_json::from_str(r#"{"kind":"not_applicable"}"#).unwrap();
        assert_eq!(back, Rating::NotApplicable);
    }

    #[test]
    fn only_assessable_clauses_of_the_catalogue_take_responses() {
        let cat = Catalogue::builtin();
        assert!(response(Rating::Level { level: 2 }).validated(cat).is_ok());
        for id in ["8.5.1", "99.1", ""] {
            let mut r = response(Rating::Level { level: 2 });
            r.clause_id = id.into();
            assert_eq!(
                r.validated(cat),
                Err(ValidationError::UnknownClause { id: id.into() })
            );
        }
    }

    #[test]
    fn levels_and_targets_are_checked() {
        let cat = Catalogue::builtin();
        assert_eq!(
            response(Rating::Level { level: 6 }).validated(cat),
            Err(ValidationError::LevelOutOfRange { level: 6 })
        );
        let mut r = response(Rating::Level { level: 0 });
        r.target_level = Some(0);
        assert_eq!(
            r.validated(cat),
            Err(ValidationError::TargetOutOfRange { level: 0 })
        );
    }

    #[test]
    fn not_applicable_needs_a_justification() {
        let cat = Catalogue::builtin();
        let mut r = response(Rating::NotApplicable);
        r.na_justification = "   ".into();
        let err = r.validated(cat).unwrap_err();
        assert_eq!(err.field(), Field::NaJustification);
        r.na_justification = " No suppliers are used in scope. ".into();
        assert_eq!(
            r.validated(cat).unwrap().na_justification,
            "No suppliers are used in scope."
        );
    }

    #[test]
    fn a_100_kb_note_in_any_script_is_accepted() {
        let cat = Catalogue::builtin();
        let mut r = response(Rating::Level { level: 3 });
        r.notes = "Журнал изменений — 変更記録 — 🚀 Ελλάδα\n".repeat(2_600);
        assert!(r.notes.len() > 100_000);
        assert_eq!(r.validated(cat).unwrap().notes, r.notes.trim());
    }
}
