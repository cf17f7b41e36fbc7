//! The demo a new user sees on first start: a realistic assessment of a
//! logistics company, with every requirement scored, findings of every kind
//! and service KPIs (content in `crates/core/demo/nordwind.json`).

use serde::Deserialize;

use crate::finding::{FindingInput, FindingKind, FindingStatus, Phase, Priority};
use crate::kpi::KpiInput;
use crate::response::{ClauseResponse, Rating};
use crate::NewAssessment;

const DEMO_JSON: &str = include_str!("../demo/nordwind.json");

pub struct Demo {
    pub assessment: NewAssessment,
    pub responses: Vec<ClauseResponse>,
    pub findings: Vec<FindingInput>,
    pub kpis: Vec<KpiInput>,
}

#[derive(Deserialize)]
struct DemoFile {
    responses: Vec<DemoResponse>,
    findings: Vec<FindingInput>,
    kpis: Vec<KpiInput>,
}

#[derive(Deserialize)]
struct DemoResponse {
    clause_id: String,
    level: Option<u8>,
    target_level: Option<u8>,
    not_applicable: Option<String>,
    #[serde(default)]
    na_basis: crate::NaBasis,
    #[serde(default)]
    judgement: crate::Judgement,
    notes: String,
    evidence: String,
    interviewees: String,
}

pub fn demo_assessment() -> NewAssessment {
    NewAssessment {
        client_name: "Nordwind Logistik GmbH".into(),
        title: "ISO/IEC 20000-1 readiness assessment".into(),
        scope: "IT services delivered by the central IT department to the logistics \
                business units in Hamburg, Łódź and São Paulo: service desk, managed \
                workplace, warehouse management platform and the customer shipment portal."
            .into(),
        assessors: "Dana Whitfield (lead), Jonas Müller".into(),
        target_level: crate::DEFAULT_TARGET_LEVEL,
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 16),
        ends_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 18),
    }
}

/// The full demo. `extra_findings` adds that many generated findings (for
/// benchmarks of large assessments).
pub fn demo(extra_findings: usize) -> Demo {
    // The file is part of the build and checked by the tests below.
    let file: DemoFile = serde_json::from_str(DEMO_JSON).expect("demo data is valid");
    let responses = file
        .responses
        .into_iter()
        .map(|r| ClauseResponse {
            rating: match (&r.not_applicable, r.level) {
                (Some(_), _) => Rating::NotApplicable,
                (None, Some(level)) => Rating::Level { level },
                (None, None) => Rating::NotAssessed,
            },
            target_level: r.target_level,
            na_justification: r.not_applicable.unwrap_or_default(),
            na_basis: r.na_basis,
            judgement: r.judgement,
            notes: r.notes,
            evidence: r.evidence,
            interviewees: r.interviewees,
            ..ClauseResponse::blank(&r.clause_id)
        })
        .collect();
    let mut findings = file.findings;
    let leaves: Vec<String> = crate::Catalogue::builtin()
        .assessable()
        .map(|c| c.id.clone())
        .collect();
    findings.extend((0..extra_findings).map(|i| {
        let kind = FindingKind::ALL[i % FindingKind::ALL.len()];
        FindingInput {
            clause_id: leaves[i % leaves.len()].clone(),
            kind,
            title: format!("Generated finding {} for load testing", i + 1),
            observation: "Generated to measure how Clausewise handles large assessments. "
                .repeat(3),
            evidence: "Generated evidence reference".into(),
            recommendation: "Generated recommendation: assign an owner and track to closure."
                .into(),
            priority: [Priority::High, Priority::Medium, Priority::Low][i % 3],
            owner: "Load test owner".into(),
            due_date: None,
            status: [
                FindingStatus::Open,
                FindingStatus::InProgress,
                FindingStatus::Closed,
            ][i % 3],
            phase: kind.default_phase().map(|_| Phase::AfterCertification),
        }
    }));
    Demo {
        assessment: demo_assessment(),
        responses,
        findings,
        kpis: file.kpis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::{readiness, Verdict};
    use crate::{scorecard, Catalogue};

    #[test]
    fn demo_assessment_is_valid() {
        let demo = super::demo_assessment();
        assert_eq!(demo.validated().as_ref(), Ok(&demo));
    }

    #[test]
    fn demo_content_is_complete_and_valid() {
        let cat = Catalogue::builtin();
        let d = demo(0);
        let ids: Vec<&str> = d.responses.iter().map(|r| r.clause_id.as_str()).collect();
        let leaves: Vec<&str> = cat.assessable().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, leaves, "every requirement scored, in catalogue order");
        for r in &d.responses {
            assert_eq!(r.validated(cat).as_ref(), Ok(r), "{}", r.clause_id);
            assert!(!r.notes.is_empty(), "{} has notes", r.clause_id);
        }
        assert_eq!(d.findings.len(), 30);
        for kind in FindingKind::ALL {
            assert!(d.findings.iter().any(|f| f.kind == kind), "{kind:?}");
        }
        for f in &d.findings {
            assert!(f.validated(cat).is_ok(), "{}", f.title);
        }
        assert!(d.kpis.len() >= 6);
        for k in &d.kpis {
            assert!(k.validated(cat).is_ok(), "{}", k.name);
        }
        let card = scorecard(cat, &d.responses, 3);
        let overall = card.overall.unwrap();
        assert!((2.0..=2.6).contains(&overall), "overall {overall}");
        assert_eq!(card.assessed, 57);
        assert_eq!(card.not_applicable, 1);
    }

    #[test]
    fn extra_findings_are_generated_valid() {
        let cat = Catalogue::builtin();
        let d = demo(1000);
        assert_eq!(d.findings.len(), 1030);
        assert!(d.findings.iter().all(|f| f.validated(cat).is_ok()));
    }

    #[test]
    fn the_demo_is_not_ready_for_stage_1_as_its_story_says() {
        let cat = Catalogue::builtin();
        let d = demo(0);
        // Below level 2 somewhere is enough, whatever the findings say.
        assert_eq!(
            readiness(cat, &d.responses, 3, &[]).verdict,
            Verdict::NotReady
        );
    }
}
