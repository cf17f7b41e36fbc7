//! What the consultant records for one requirement of an assessment.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Catalogue;
pub use crate::judgement::Judgement;
use crate::validation::{optional_text, Field, ValidationError};

/// Why a requirement is not applicable. ISO/IEC 20000-1 permits no
/// exclusions: a requirement with no instances in the scope (no internal
/// suppliers, say) is a recorded fact, a claimed exclusion is not allowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NaBasis {
    /// The requirement is said not to apply: an exclusion, which
    /// certification does not accept.
    #[default]
    Exclusion,
    /// Nothing in the scope that the requirement could apply to.
    NoInstances,
}

impl NaBasis {
    pub const ALL: [NaBasis; 2] = [NaBasis::Exclusion, NaBasis::NoInstances];

    pub fn label(self) -> &'static str {
        match self {
            NaBasis::Exclusion => "Claimed exclusion",
            NaBasis::NoInstances => "No instances in scope",
        }
    }
}

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
    /// Why it is not applicable, when it is.
    #[serde(default)]
    pub na_basis: NaBasis,
    /// The auditor's conclusion, beside the maturity level.
    #[serde(default)]
    pub judgement: Judgement,
    pub notes: String,
    pub evidence: String,
    pub interviewees: String,
    /// A follow-up's level (or N/A) taken over from the baseline and not yet
    /// confirmed or changed in this assessment.
    #[serde(default)]
    pub carried_over: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

/// One field of a requirement's response, changed on its own: the app saves
/// each field as it is edited, so a rejected field (too long, say) never
/// holds back the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum ResponseEdit {
    /// The maturity rating. Setting any rating, even the level it already
    /// has, confirms a level carried over from the baseline.
    Rating(Rating),
    /// Not applicable, together with the justification it needs.
    NotApplicable(String),
    /// The requirement's own target; `None` for the assessment's target.
    TargetLevel(Option<u8>),
    NaJustification(String),
    /// Why it is not applicable: no instances in scope, or an exclusion.
    NaBasis(NaBasis),
    /// The conformity judgement.
    Judgement(Judgement),
    Notes(String),
    Evidence(String),
    Interviewees(String),
}

impl ResponseEdit {
    /// The input field the edit writes, for messages shown beside it.
    pub fn field(&self) -> Field {
        match self {
            ResponseEdit::Rating(_) => Field::Level,
            ResponseEdit::NotApplicable(_) | ResponseEdit::NaJustification(_) => {
                Field::NaJustification
            }
            ResponseEdit::TargetLevel(_) => Field::TargetLevel,
            ResponseEdit::NaBasis(_) => Field::NaBasis,
            ResponseEdit::Judgement(_) => Field::Judgement,
            ResponseEdit::Notes(_) => Field::Notes,
            ResponseEdit::Evidence(_) => Field::Evidence,
            ResponseEdit::Interviewees(_) => Field::Interviewees,
        }
    }
}

impl ClauseResponse {
    /// A response with nothing but a level, as the tests build them.
    #[cfg(test)]
    pub(crate) fn at_level(clause_id: &str, level: u8) -> ClauseResponse {
        ClauseResponse {
            rating: Rating::Level { level },
            ..ClauseResponse::blank(clause_id)
        }
    }

    pub fn blank(clause_id: &str) -> ClauseResponse {
        ClauseResponse {
            clause_id: clause_id.to_owned(),
            rating: Rating::NotAssessed,
            target_level: None,
            na_justification: String::new(),
            na_basis: NaBasis::default(),
            judgement: Judgement::default(),
            notes: String::new(),
            evidence: String::new(),
            interviewees: String::new(),
            carried_over: false,
            updated_at: None,
        }
    }

    /// This response with one field changed, checked the way a whole
    /// response is: only the edited field can fail, so what is stored for
    /// the other fields stays as it is.
    pub fn edited(
        &self,
        edit: &ResponseEdit,
        catalogue: &Catalogue,
    ) -> Result<ClauseResponse, ValidationError> {
        check_assessable(catalogue, &self.clause_id)?;
        let mut next = self.clone();
        match edit {
            ResponseEdit::Rating(rating) => {
                check_rating(*rating)?;
                if *rating == Rating::NotApplicable && self.na_justification.trim().is_empty() {
                    return Err(ValidationError::Required {
                        field: Field::NaJustification,
                    });
                }
                next.rating = *rating;
                next.carried_over = false;
            }
            ResponseEdit::NotApplicable(text) => {
                let text = optional_text(Field::NaJustification, text)?;
                if text.is_empty() {
                    return Err(ValidationError::Required {
                        field: Field::NaJustification,
                    });
                }
                next.na_justification = text;
                next.rating = Rating::NotApplicable;
                next.carried_over = false;
            }
            ResponseEdit::TargetLevel(target) => {
                if let Some(target) = target {
                    crate::assessment::validate_target_level(*target)?;
                }
                next.target_level = *target;
            }
            ResponseEdit::NaJustification(text) => {
                let text = optional_text(Field::NaJustification, text)?;
                if self.rating == Rating::NotApplicable && text.is_empty() {
                    return Err(ValidationError::Required {
                        field: Field::NaJustification,
                    });
                }
                next.na_justification = text;
            }
            ResponseEdit::NaBasis(basis) => next.na_basis = *basis,
            ResponseEdit::Judgement(judgement) => next.judgement = *judgement,
            ResponseEdit::Notes(text) => next.notes = optional_text(Field::Notes, text)?,
            ResponseEdit::Evidence(text) => next.evidence = optional_text(Field::Evidence, text)?,
            ResponseEdit::Interviewees(text) => {
                next.interviewees = optional_text(Field::Interviewees, text)?;
            }
        }
        Ok(next)
    }

    /// Checks a response as sent by the UI against the catalogue, and
    /// returns it trimmed.
    pub fn validated(&self, catalogue: &Catalogue) -> Result<ClauseResponse, ValidationError> {
        check_assessable(catalogue, &self.clause_id)?;
        check_rating(self.rating)?;
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
            na_basis: self.na_basis,
            judgement: self.judgement,
            notes: optional_text(Field::Notes, &self.notes)?,
            evidence: optional_text(Field::Evidence, &self.evidence)?,
            interviewees: optional_text(Field::Interviewees, &self.interviewees)?,
            carried_over: self.carried_over && self.rating != Rating::NotAssessed,
            updated_at: self.updated_at,
        })
    }
}

fn check_assessable(catalogue: &Catalogue, clause_id: &str) -> Result<(), ValidationError> {
    match catalogue.clause(clause_id) {
        Some(clause) if clause.assessable => Ok(()),
        _ => Err(ValidationError::UnknownClause {
            id: clause_id.to_owned(),
        }),
    }
}

fn check_rating(rating: Rating) -> Result<(), ValidationError> {
    match rating {
        Rating::Level { level } if level > 5 => Err(ValidationError::LevelOutOfRange { level }),
        _ => Ok(()),
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
    fn an_edit_changes_one_field_and_checks_only_that_field() {
        let cat = Catalogue::builtin();
        let mut stored = response(Rating::Level { level: 2 });
        stored.notes = "Context reviewed yearly.".into();

        let too_long = "Jonas Müller (service desk lead); ".repeat(80);
        let err = stored
            .edited(&ResponseEdit::Interviewees(too_long), cat)
            .unwrap_err();
        assert_eq!(err.field(), Field::Interviewees);
        assert!(matches!(err, ValidationError::TooLong { max: 2000, .. }));

        // The other fields save regardless of what waits in that one.
        let next = stored
            .edited(&ResponseEdit::Notes("  Reviewed in March.  ".into()), cat)
            .unwrap();
        assert_eq!(next.notes, "Reviewed in March.");
        assert_eq!(next.rating, Rating::Level { level: 2 });
        let next = next
            .edited(&ResponseEdit::Rating(Rating::Level { level: 4 }), cat)
            .unwrap();
        assert_eq!(
            (next.rating, next.notes.as_str()),
            (Rating::Level { level: 4 }, "Reviewed in March.")
        );
        let next = next
            .edited(&ResponseEdit::TargetLevel(Some(5)), cat)
            .unwrap();
        assert_eq!(next.target_level, Some(5));
        assert_eq!(
            next.edited(&ResponseEdit::TargetLevel(Some(6)), cat),
            Err(ValidationError::TargetOutOfRange { level: 6 })
        );
        assert_eq!(
            next.edited(&ResponseEdit::Rating(Rating::Level { level: 7 }), cat),
            Err(ValidationError::LevelOutOfRange { level: 7 })
        );
        assert_eq!(
            next.edited(&ResponseEdit::Evidence("bell\u{7}".into()), cat),
            Err(ValidationError::ControlCharacters {
                field: Field::Evidence
            })
        );
    }

    #[test]
    fn not_applicable_edits_keep_the_justification_rule() {
        let cat = Catalogue::builtin();
        let blank = ClauseResponse::blank("8.3.4.2");
        // Not applicable with no justification on record: refused.
        let err = blank
            .edited(&ResponseEdit::Rating(Rating::NotApplicable), cat)
            .unwrap_err();
        assert_eq!(err.field(), Field::NaJustification);
        assert_eq!(
            blank.edited(&ResponseEdit::NotApplicable(" ".into()), cat),
            Err(ValidationError::Required {
                field: Field::NaJustification
            })
        );
        let na = blank
            .edited(
                &ResponseEdit::NotApplicable(" No internal supplier in scope. ".into()),
                cat,
            )
            .unwrap();
        assert_eq!(na.rating, Rating::NotApplicable);
        assert_eq!(na.na_justification, "No internal supplier in scope.");
        // While not applicable, the justification cannot be emptied…
        assert!(na
            .edited(&ResponseEdit::NaJustification("".into()), cat)
            .is_err());
        // …but it stays on record when a level replaces the N/A, so going
        // back to N/A needs no new text.
        let rated = na
            .edited(&ResponseEdit::Rating(Rating::Level { level: 1 }), cat)
            .unwrap();
        assert_eq!(rated.na_justification, "No internal supplier in scope.");
        assert!(rated
            .edited(&ResponseEdit::Rating(Rating::NotApplicable), cat)
            .is_ok());
        assert_eq!(
            ClauseResponse::blank("8.5").edited(&ResponseEdit::Notes("x".into()), cat),
            Err(ValidationError::UnknownClause { id: "8.5".into() })
        );
    }

    #[test]
    fn setting_a_rating_confirms_a_carried_over_level() {
        let cat = Catalogue::builtin();
        let mut carried = response(Rating::Level { level: 3 });
        carried.carried_over = true;
        let noted = carried
            .edited(&ResponseEdit::Notes("Seen again.".into()), cat)
            .unwrap();
        assert!(
            noted.carried_over,
            "a note alone does not confirm the level"
        );
        let confirmed = noted
            .edited(&ResponseEdit::Rating(Rating::Level { level: 3 }), cat)
            .unwrap();
        assert!(!confirmed.carried_over);
        assert_eq!(confirmed.rating, Rating::Level { level: 3 });
    }

    #[test]
    fn edits_serialise_as_field_and_value() {
        let edit: ResponseEdit =
            serde_json::from_str(r#"{"field":"interviewees","value":"Dana"}"#).unwrap();
        assert_eq!(edit, ResponseEdit::Interviewees("Dana".into()));
        let json = serde_json::to_value(ResponseEdit::Rating(Rating::Level { level: 2 })).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "rating", "value": {"kind": "level", "level": 2}})
        );
        let json = serde_json::to_value(ResponseEdit::TargetLevel(None)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "target_level", "value": null})
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
