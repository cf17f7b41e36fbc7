//! The cover: what it says and what goes into the document's metadata.
//! (The contents page has no model of its own: it lists the outline once
//! the sections are laid out.)

use clausewise_core::report::ReportOptions;
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
    let a = input.assessment;
    let date = input.generated.format("%-d %B %Y").to_string();
    let firm = options.firm.trim().to_owned();
    let mut facts = vec![
        ("Client".to_owned(), input.client_name.to_owned()),
        ("Date".to_owned(), date.clone()),
    ];
    if let Some(fieldwork) = a.fieldwork() {
        facts.push(("Fieldwork".to_owned(), fieldwork));
    }
    if !a.assessors.trim().is_empty() {
        facts.push(("Assessors".to_owned(), a.assessors.trim().to_owned()));
    }
    if !firm.is_empty() {
        facts.push(("Prepared by".to_owned(), firm.clone()));
    }
    let standard = input.catalogue.standard();
    facts.push(("Standard".to_owned(), standard.clone()));
    facts.push((
        "Status".to_owned(),
        match a.status {
            AssessmentStatus::Draft => "Draft".to_owned(),
            AssessmentStatus::Final => "Final".to_owned(),
        },
    ));
    Cover {
        kicker: format!("{standard} · Gap assessment report"),
        title: a.title.clone(),
        client: input.client_name.to_owned(),
        facts,
        firm,
        confidentiality: options.confidentiality.trim().to_owned(),
    }
}
