//! The cover: what it says and what goes into the document's metadata.
//! (The contents page has no model of its own: it lists the outline once
//! the sections are laid out.)

use clausewise_core::report::{ReportOptions, DEFAULT_CONFIDENTIALITY};
use clausewise_core::tr;
use clausewise_core::AssessmentStatus;

use super::ReportInput;

/// What goes on the cover and into the document's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub kicker: String,
    pub title: String,
    pub client: String,
    pub facts: Vec<(String, String)>,
    pub firm: String,
    pub confidentiality: String,
}

pub(super) fn cover(input: &ReportInput, options: &ReportOptions) -> Cover {
    let lang = options.lang;
    let a = input.assessment;
    let date = lang.date(input.generated.date_naive());
    let firm = options.firm.trim().to_owned();
    let fact = |key: &str| tr!(lang, key);
    let mut facts = vec![
        (fact("cover-client"), input.client_name.to_owned()),
        (fact("cover-date"), date.clone()),
    ];
    if let Some(fieldwork) = a.fieldwork_in(lang) {
        facts.push((fact("cover-fieldwork"), fieldwork));
    }
    if !a.assessors.trim().is_empty() {
        facts.push((fact("cover-assessors"), a.assessors.trim().to_owned()));
    }
    if !firm.is_empty() {
        facts.push((fact("cover-prepared-by"), firm.clone()));
    }
    let standard = input.catalogue.standard();
    facts.push((fact("cover-standard"), standard.clone()));
    facts.push((
        fact("cover-status"),
        match a.status {
            AssessmentStatus::Draft => fact("cover-status-draft"),
            AssessmentStatus::Final => fact("cover-status-final"),
        },
    ));
    let confidentiality = options.confidentiality.trim();
    Cover {
        kicker: tr!(lang, "cover-kicker", standard = &standard),
        title: a.title.clone(),
        client: input.client_name.to_owned(),
        facts,
        firm,
        // The default label is written in the report's language; one the
        // consultant typed is printed as typed.
        confidentiality: if confidentiality == DEFAULT_CONFIDENTIALITY {
            fact("confidential")
        } else {
            confidentiality.to_owned()
        },
    }
}
