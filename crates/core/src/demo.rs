//! The demo a new user sees on first start: a realistic assessment of a
//! logistics company, with every requirement scored, findings of every kind
//! and service KPIs (content in `crates/core/demo/nordwind.json`).

use serde::Deserialize;

use crate::finding::{FindingInput, FindingKind, FindingStatus, Lifecycle, Phase, Priority};
use crate::kpi::KpiInput;
use crate::practices::PracticeRecord;
use crate::response::{ClauseResponse, Rating};
use crate::verdicts::DocumentCheck;
use crate::NewAssessment;

const DEMO_JSON: &str = include_str!("../demo/nordwind.json");
const ENGAGEMENT_JSON: &str = include_str!("../demo/nordwind-engagement.json");

pub struct Demo {
    pub assessment: NewAssessment,
    pub responses: Vec<ClauseResponse>,
    pub findings: Vec<FindingInput>,
    pub kpis: Vec<DemoKpi>,
    /// The documented information of 7.5.4 as checked in the workshop.
    pub documents: Vec<DocumentCheck>,
    /// The ITIL practice profile: an ITIL-rich client.
    pub practices: Vec<PracticeRecord>,
    /// Scope, people, interviews, evidence and the document register, with
    /// references by key (ids are made when stored).
    pub engagement: DemoEngagement,
}

/// The engagement on record of the demo, as written in
/// `crates/core/demo/nordwind-engagement.json`: entries refer to each other
/// by short keys, evidence to findings by title.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEngagement {
    pub scope: Vec<DemoScope>,
    pub people: Vec<DemoPerson>,
    pub interviews: Vec<DemoInterview>,
    pub evidence: Vec<DemoEvidence>,
    pub documents: Vec<DemoDocument>,
    /// The consultant's own words for the report.
    #[serde(default)]
    pub narrative: crate::narrative::Narrative,
}

#[derive(Deserialize)]
pub struct DemoScope {
    pub key: String,
    #[serde(flatten)]
    pub item: DemoScopeItem,
}

/// A scope entry without its id.
#[derive(Deserialize)]
pub struct DemoScopeItem {
    pub kind: crate::engagement::ScopeKind,
    pub name: String,
    pub owner: String,
    pub criticality: Option<crate::engagement::Criticality>,
    pub customers: String,
    pub reference: String,
    pub processes: Vec<String>,
}

#[derive(Deserialize)]
pub struct DemoPerson {
    pub key: String,
    pub name: String,
    pub role: String,
    pub unit: String,
    pub site: String,
    pub email: String,
}

#[derive(Deserialize)]
pub struct DemoInterview {
    pub held_on: chrono::NaiveDate,
    pub time: String,
    pub people: Vec<String>,
    pub clause_ids: Vec<String>,
    pub notes: String,
}

#[derive(Deserialize)]
pub struct DemoEvidence {
    /// Its code, "E-01".
    pub key: String,
    pub kind: crate::engagement::EvidenceKind,
    pub title: String,
    pub version: String,
    pub owner: String,
    pub seen_on: Option<chrono::NaiveDate>,
    pub location: String,
    pub notes: String,
    pub clause_ids: Vec<String>,
    /// Finding titles.
    pub findings: Vec<String>,
    /// Scope keys.
    pub scope: Vec<String>,
    pub sampling: Option<crate::engagement::Sampling>,
}

#[derive(Deserialize)]
pub struct DemoDocument {
    pub clause_id: String,
    pub item: String,
    pub present: Option<bool>,
    pub approved: Option<bool>,
    pub current: Option<bool>,
    /// An evidence code.
    pub evidence: Option<String>,
}

/// A small file the demo attaches to an evidence item (by code).
pub struct DemoAttachment {
    pub code: &'static str,
    pub name: &'static str,
    pub content: Vec<u8>,
}

/// The demo's attachments, generated: a one-page policy as PDF and record
/// extracts as CSV.
pub fn demo_attachments() -> Vec<DemoAttachment> {
    let policy = one_page_pdf(&[
        "Nordwind Logistik GmbH - Central IT",
        "ITSM-POL-CHG Change management policy, version 2.2",
        "",
        "1 Purpose: every change to a production configuration item of the",
        "  services in scope is assessed, approved and reviewed.",
        "2 Change types: standard (pre-approved templates), normal (CAB),",
        "  emergency (ECAB approval before implementation, review within 5 days).",
        "3 Records: each change is recorded in ServiceNow with risk, back-out",
        "  plan, approval and post-implementation review.",
        "",
        "Approved by the CIO on 12 May 2026. Next review: May 2027.",
    ]);
    let mut emergency = String::from("number;opened;implemented;ecab_approved;approved_before\n");
    let late = ["CHG0031877", "CHG0032040", "CHG0032311", "CHG0032598"];
    for (i, n) in [
        "CHG0031702",
        "CHG0031877",
        "CHG0031955",
        "CHG0032040",
        "CHG0032118",
        "CHG0032207",
        "CHG0032311",
        "CHG0032450",
        "CHG0032598",
        "CHG0032661",
    ]
    .iter()
    .enumerate()
    {
        let day = 3 + i * 8;
        let (month, day) = (7 + day / 30, 1 + day % 30);
        let before = !late.contains(n);
        emergency.push_str(&format!(
            "{n};2026-{month:02}-{day:02} 22:10;2026-{month:02}-{day:02} 23:40;2026-{month:02}-{:02} {};{}\n",
            if before { day } else { (day + 1).min(30) },
            if before { "22:55" } else { "08:30" },
            if before { "yes" } else { "no" }
        ));
    }
    let mut incidents = String::from("number;priority;opened;resolved;within_target\n");
    for i in 0..25u32 {
        let priority = [2, 3, 3, 4, 3][i as usize % 5];
        let ok = i != 17;
        incidents.push_str(&format!(
            "INC{:07};P{priority};2026-{:02}-{:02};2026-{:02}-{:02};{}\n",
            1_204_310 + i * 73,
            7 + i / 9,
            1 + (i * 3) % 28,
            7 + i / 9,
            2 + (i * 3) % 28,
            if ok { "yes" } else { "no" }
        ));
    }
    let catalogue = "service;owner;hours;sites;request_items\n\
        Service desk;Henrik Brandt;24x5 follow-the-sun;Hamburg, Łódź, São Paulo;21\n\
        Managed workplace;Markus Heinemann;Mon-Fri 07:00-19:00 local;Hamburg, Łódź, São Paulo;34\n\
        Warehouse management platform (WMS);Katrin Vogel;24x7;Hamburg, Łódź, São Paulo;12\n\
        Customer shipment portal;Lena Hoffmann;24x7;Hamburg;9\n\
        Carrier and customer EDI integration;Kai Brückner;24x7;Hamburg;6\n\
        Customs declaration module (Brazil);Ana Souza;Mon-Fri 08:00-18:00 BRT;São Paulo;5\n"
        .to_owned();
    vec![
        DemoAttachment {
            code: "E-03",
            name: "ITSM-POL-CHG Change management policy v2.2.pdf",
            content: policy,
        },
        DemoAttachment {
            code: "E-05",
            name: "Service catalogue export 2026-11.csv",
            content: catalogue.into_bytes(),
        },
        DemoAttachment {
            code: "E-12",
            name: "Emergency changes Q3 2026 - sample of 10.csv",
            content: emergency.into_bytes(),
        },
        DemoAttachment {
            code: "E-13",
            name: "Incidents Q3 2026 - sample of 25.csv",
            content: incidents.into_bytes(),
        },
    ]
}

/// A valid one-page PDF with the lines in Helvetica (ASCII only).
fn one_page_pdf(lines: &[&str]) -> Vec<u8> {
    let mut text = String::from("BT /F1 11 Tf 56 780 Td 15 TL\n");
    for line in lines {
        let escaped: String = line
            .chars()
            .filter(char::is_ascii)
            .flat_map(|c| match c {
                '(' | ')' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        text.push_str(&format!("({escaped}) Tj T*\n"));
    }
    text.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

/// A demo KPI, with the findings it drives named by their titles (their
/// ids are only known once they are stored).
#[derive(Deserialize)]
pub struct DemoKpi {
    #[serde(flatten)]
    pub input: KpiInput,
    #[serde(default)]
    pub drives: Vec<String>,
}

#[derive(Deserialize)]
struct DemoFile {
    responses: Vec<DemoResponse>,
    findings: Vec<FindingInput>,
    kpis: Vec<DemoKpi>,
    /// Items of 7.5.4 found missing; every other item was seen.
    missing_documents: Vec<String>,
    practices: Vec<PracticeRecord>,
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
                workplace, warehouse management platform, customer shipment portal, carrier \
                and customer EDI integration, and the customs declaration module for Brazil."
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
    let engagement: DemoEngagement =
        serde_json::from_str(ENGAGEMENT_JSON).expect("demo engagement is valid");
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
        let status = [
            FindingStatus::Open,
            FindingStatus::InProgress,
            FindingStatus::Closed,
        ][i % 3];
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 10, d);
        // A closed nonconformity went through its whole cycle.
        let verified = status == FindingStatus::Closed && kind.is_nonconformity();
        let lifecycle = if verified {
            Lifecycle {
                correction: "Generated correction".into(),
                root_cause: "Generated root cause".into(),
                corrective_action: "Generated corrective action".into(),
                plan_accepted_on: day(5),
                implemented_on: day(15),
                verified_on: day(25),
                verified_by: "Load test auditor".into(),
                verification: "Generated verification".into(),
            }
        } else {
            Lifecycle::default()
        };
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
            due_date: if verified { day(20) } else { None },
            status,
            phase: kind.default_phase().map(|_| Phase::AfterCertification),
            lifecycle,
        }
    }));
    let documents = crate::Catalogue::builtin()
        .clause("7.5.4")
        .map(|c| {
            c.documented_information
                .iter()
                .map(|item| DocumentCheck {
                    present: Some(!file.missing_documents.contains(item)),
                    ..DocumentCheck::unchecked(crate::verdicts::CHECKLIST_CLAUSE, item)
                })
                .collect()
        })
        .unwrap_or_default();
    Demo {
        assessment: demo_assessment(),
        responses,
        findings,
        kpis: file.kpis,
        documents,
        practices: file.practices,
        engagement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, NcStage};
    use crate::judgement::{standings, Judgement};
    use crate::verdicts::{verdicts, Verdict, Weight};
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
        assert_eq!(d.findings.len(), 32);
        for kind in FindingKind::ALL {
            assert!(d.findings.iter().any(|f| f.kind == kind), "{kind:?}");
        }
        for f in &d.findings {
            assert!(f.validated(cat).is_ok(), "{}", f.title);
        }
        assert!(d.kpis.len() >= 6);
        for k in &d.kpis {
            assert!(k.input.validated(cat).is_ok(), "{}", k.input.name);
            for title in &k.drives {
                assert!(
                    d.findings.iter().any(|f| &f.title == title),
                    "{}: no finding {title:?}",
                    k.input.name
                );
            }
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
        assert_eq!(d.findings.len(), 1032);
        assert!(d.findings.iter().all(|f| f.validated(cat).is_ok()));
    }

    #[test]
    fn the_demo_reads_as_a_lead_auditor_would_sign_it() {
        let cat = Catalogue::builtin();
        let d = demo(0);
        let missing: Vec<&str> = d
            .documents
            .iter()
            .filter(|c| c.present == Some(false))
            .map(|c| c.item.as_str())
            .collect();
        assert_eq!(d.documents.len(), 14);
        assert_eq!(missing.len(), 3, "{missing:?}");
        assert!(d.documents.iter().all(|c| c.present.is_some()));

        // Every requirement judged, and the judgements agree with the
        // findings: nothing for a reviewer to flag.
        let findings: Vec<Finding> = d
            .findings
            .iter()
            .map(|f| Finding::new(f.validated(cat).unwrap(), chrono::Utc::now()))
            .collect();
        for s in standings(cat, &d.responses, &findings) {
            assert!(s.inconsistencies.is_empty(), "{}: {:?}", s.clause_id, s);
            let na = d
                .responses
                .iter()
                .any(|r| r.clause_id == s.clause_id && r.rating == Rating::NotApplicable);
            assert_eq!(s.effective == Judgement::NotJudged, na, "{}", s.clause_id);
            assert_eq!(s.recorded, s.effective, "{} set by hand", s.clause_id);
        }
        // Nonconformities raised where the notes describe one.
        for id in ["8.3.3", "8.5.1.3", "8.7.1", "10.1"] {
            assert!(
                findings
                    .iter()
                    .any(|f| f.clause_id == id && f.is_nonconformity() && f.is_open()),
                "{id}"
            );
        }
        // The lifecycle at several of its steps, one verified effective.
        let stages: Vec<NcStage> = findings.iter().filter_map(|f| f.stage()).collect();
        for stage in [
            NcStage::Raised,
            NcStage::Planned,
            NcStage::PlanAccepted,
            NcStage::Verified,
        ] {
            assert!(stages.contains(&stage), "{stage:?}");
        }
        let verified = findings
            .iter()
            .find(|f| f.stage() == Some(NcStage::Verified))
            .unwrap();
        assert_eq!(verified.status, FindingStatus::Closed);

        // Neither stage is ready, each for reasons the story gives.
        let v = verdicts(cat, &d.responses, &findings, &d.documents);
        assert_eq!(v.stage_1.verdict, Verdict::NotReady);
        assert_eq!(v.certification.verdict, Verdict::NotReady);
        let blocks = |r: &crate::verdicts::StageReadiness, id: &str| {
            r.reasons
                .iter()
                .any(|x| x.weight == Weight::Blocks && x.clause_id.as_deref() == Some(id))
        };
        assert!(blocks(&v.stage_1, "9.2"));
        assert!(blocks(&v.stage_1, "7.5.4"));
        assert!(blocks(&v.certification, "8.3.4.1"));
        // 6.2.1's plan is accepted: a note, not a block.
        assert!(!blocks(&v.certification, "6.2.1"));
        // 8.3.4.2 has no internal suppliers: listed, with its reason.
        assert!(v
            .certification
            .reasons
            .iter()
            .any(|x| x.weight == Weight::Note
                && x.clause_id.as_deref() == Some("8.3.4.2")
                && x.message.contains("no instances in scope")));
    }

    #[test]
    fn the_demo_kpis_are_measured_monthly_and_two_missed_ones_drive_nothing() {
        let d = demo(0);
        let cat = Catalogue::builtin();
        let now = chrono::Utc::now();
        let findings: Vec<Finding> = d
            .findings
            .iter()
            .map(|f| Finding::new(f.validated(cat).unwrap(), now))
            .collect();
        let kpis: Vec<crate::kpi::Kpi> = d
            .kpis
            .iter()
            .map(|k| {
                let mut input = k.input.validated(cat).unwrap();
                input.finding_ids = k
                    .drives
                    .iter()
                    .filter_map(|t| findings.iter().find(|f| &f.title == t).map(|f| f.id))
                    .collect();
                input.into_kpi(now)
            })
            .collect();
        let series = kpis
            .iter()
            .filter(|k| (6..=12).contains(&k.measurements.len()))
            .count();
        assert!(series >= 5, "{series}");
        let ignored: Vec<&str> = kpis
            .iter()
            .filter(|k| k.not_acted_upon(&findings))
            .map(|k| k.name.as_str())
            .collect();
        assert_eq!(
            ignored,
            [
                "Service availability – shipment portal",
                "SLA attainment – all services"
            ]
        );
        let acted = kpis
            .iter()
            .filter(|k| k.status() == Some(crate::kpi::PeriodStatus::Missed))
            .filter(|k| k.acted_upon(&findings))
            .count();
        assert!(acted >= 1);
    }

    #[test]
    fn the_demo_client_runs_its_practices_ahead_of_its_management_system() {
        let d = demo(0);
        let cat = Catalogue::builtin();
        for p in &d.practices {
            assert_eq!(p.validated().as_ref(), Ok(p), "{}", p.practice);
        }
        let findings: Vec<Finding> = d
            .findings
            .iter()
            .map(|f| Finding::new(f.validated(cat).unwrap(), chrono::Utc::now()))
            .collect();
        let card = scorecard(cat, &d.responses, 3);
        let standing = standings(cat, &d.responses, &findings);
        let m = crate::practices::execution_control(cat, &card, 3, &standing, &d.practices);
        let (execution, control) = (m.execution.unwrap(), m.control.unwrap());
        assert!(execution >= 3.0, "{execution}");
        assert!(execution - control >= 1.0, "{execution} against {control}");
        assert_eq!(m.governance_assessed, m.governance_total);
        let outrunning: Vec<&str> = m.outrunning().map(|p| p.practice.as_str()).collect();
        assert!(outrunning.contains(&"Change enablement"), "{outrunning:?}");
        assert!(m.narrative.unwrap().contains("ahead of the system"));
    }
}
