//! Two readiness verdicts, each by an explicit rule shown with its reasons,
//! on conformity rather than maturity: what a certification body would
//! conclude at each stage of the audit.
//!
//! - **Stage 1 readiness**: the stage 1 audit reviews the documented
//!   management system and whether the organization is prepared for stage 2:
//!   the scope, the policy and objectives, the service management plan, and
//!   whether internal audit and management review have been planned and
//!   carried out at least once. Each of those requirements must be judged,
//!   none may be a major nonconformity, not yet evidenced or not applicable;
//!   the documented information the standard lists (7.5.4) must have been
//!   seen.
//! - **Certification readiness** (stage 2 and the decision): every
//!   requirement judged, no major nonconformity open, every open minor
//!   nonconformity with an accepted corrective action plan, nothing
//!   excluded, nothing not yet evidenced.
//! - Neither gives a verdict while what its rule looks at is not judged:
//!   the verdict is then *provisional*, with how many are judged and which
//!   are not. A requirement with no instances in scope counts as judged and
//!   is listed with its justification; a claimed exclusion blocks.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::finding::{Finding, FindingKind, NcStage};
use crate::i18n::{serde_name, Arg, Lang, Msg};
use crate::judgement::{standings, Judgement, Standing};
use crate::response::{ClauseResponse, NaBasis, Rating};

/// A verdict of one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Not everything the rule looks at is judged yet: no verdict.
    Provisional,
    NotReady,
    Ready,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Provisional, Verdict::NotReady, Verdict::Ready];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Provisional => "Provisional",
            Verdict::NotReady => "Not ready",
            Verdict::Ready => "Ready",
        }
    }
}

/// Which audit stage a verdict is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Stage1,
    Certification,
}

impl Stage {
    pub const ALL: [Stage; 2] = [Stage::Stage1, Stage::Certification];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Stage1 => "Stage 1 readiness",
            Stage::Certification => "Certification readiness",
        }
    }

    /// The rule in a language, line by line.
    pub fn rule_in(self, lang: Lang) -> Vec<String> {
        let keys: [&str; 4] = match self {
            Stage::Stage1 => [
                "rule-stage1-1",
                "rule-stage1-2",
                "rule-stage1-3",
                "rule-stage1-4",
            ],
            Stage::Certification => [
                "rule-certification-1",
                "rule-certification-2",
                "rule-certification-3",
                "rule-certification-4",
            ],
        };
        keys.iter().map(|k| crate::i18n::t(lang, k)).collect()
    }

    /// The rule, as printed beside the verdict (in English).
    pub fn rule(self) -> Vec<String> {
        self.rule_in(Lang::En)
    }
}

/// What a reason does to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Stands in the way: the verdict is not ready once all is judged.
    Blocks,
    /// Not judged yet: the verdict is provisional.
    Unjudged,
    /// For the record; does not change the verdict.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reason {
    pub weight: Weight,
    /// The reason in English (as the app shows it).
    pub message: String,
    pub clause_id: Option<String>,
    pub finding_id: Option<Uuid>,
    /// The same reason, to be written in any language.
    #[serde(skip)]
    #[ts(skip)]
    pub text: Msg,
}

/// One stage's verdict with the reasons that lead to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StageReadiness {
    pub stage: Stage,
    pub verdict: Verdict,
    /// Of the requirements the rule looks at, how many are judged.
    pub judged: u32,
    pub looked_at: u32,
    /// The requirements still to judge, in catalogue order.
    pub unjudged: Vec<String>,
    /// Of the documented information the rule looks at (stage 1: what
    /// 7.5.4 lists), how much was checked.
    pub documents_checked: u32,
    pub documents_expected: u32,
    /// Blocking reasons first, then what is not judged, then notes.
    pub reasons: Vec<Reason>,
    pub rule: Vec<String>,
    /// "Provisional: 12 of 57 judged", or the verdict's label.
    pub headline: String,
}

impl StageReadiness {
    /// The headline in a language: "Provisional: 12 of 57 judged".
    pub fn headline_in(&self, lang: Lang) -> String {
        use crate::tr;
        match self.verdict {
            Verdict::Provisional if self.documents_expected > 0 => tr!(
                lang,
                "headline-provisional-documents",
                judged = self.judged,
                total = self.looked_at,
                checked = self.documents_checked,
                expected = self.documents_expected
            ),
            Verdict::Provisional => tr!(
                lang,
                "headline-provisional",
                judged = self.judged,
                total = self.looked_at
            ),
            Verdict::NotReady => tr!(lang, "verdict-not_ready"),
            Verdict::Ready => tr!(lang, "verdict-ready"),
        }
    }
}

/// Both verdicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Verdicts {
    pub stage_1: StageReadiness,
    pub certification: StageReadiness,
}

/// The requirements a stage 1 audit looks at.
pub const STAGE_1_REQUIREMENTS: [&str; 7] = ["4.3", "5.2.1", "6.2.1", "6.3", "7.5.4", "9.2", "9.3"];

/// The clause whose list of documented information is the stage 1 checklist.
pub const CHECKLIST_CLAUSE: &str = "7.5.4";

fn checklist_clause() -> String {
    CHECKLIST_CLAUSE.to_owned()
}

/// One entry of the documented information register: an item the standard
/// expects (the 7.5.4 list, then what each requirement expects), whether it
/// was seen, approved and in its current version, and the evidence item it
/// was seen as. Each status is `None` while nobody has checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentCheck {
    /// The requirement that expects it (absent in files before version 4:
    /// the 7.5.4 checklist).
    #[serde(default = "checklist_clause")]
    pub clause_id: String,
    pub item: String,
    pub present: Option<bool>,
    #[serde(default)]
    pub approved: Option<bool>,
    /// Whether what was seen is the current version.
    #[serde(default)]
    pub current: Option<bool>,
    #[serde(default)]
    pub evidence_id: Option<uuid::Uuid>,
}

impl DocumentCheck {
    pub fn unchecked(clause_id: &str, item: &str) -> DocumentCheck {
        DocumentCheck {
            clause_id: clause_id.to_owned(),
            item: item.to_owned(),
            present: None,
            approved: None,
            current: None,
            evidence_id: None,
        }
    }

    /// Nothing recorded about it.
    pub fn is_blank(&self) -> bool {
        self.present.is_none()
            && self.approved.is_none()
            && self.current.is_none()
            && self.evidence_id.is_none()
    }

    /// The status in words: "Present, approved, current", "Missing", "Not checked".
    pub fn status(&self) -> String {
        self.status_in(Lang::En)
    }

    /// The same, in a language.
    pub fn status_in(&self, lang: Lang) -> String {
        use crate::i18n::t;
        match self.present {
            None => t(lang, "document-status-not-checked"),
            Some(false) => t(lang, "document-status-missing"),
            Some(true) => {
                let mut words = vec![t(lang, "document-status-present")];
                match self.approved {
                    Some(true) => words.push(t(lang, "document-status-approved")),
                    Some(false) => words.push(t(lang, "document-status-not-approved")),
                    None => {}
                }
                match self.current {
                    Some(true) => words.push(t(lang, "document-status-current")),
                    Some(false) => words.push(t(lang, "document-status-out-of-date")),
                    None => {}
                }
                words.join(", ")
            }
        }
    }
}

/// Every item of the register, unchecked, in order: the 7.5.4 checklist,
/// then the documented information each other requirement expects.
pub fn document_register(catalogue: &Catalogue) -> Vec<DocumentCheck> {
    let checklist = catalogue
        .clause(CHECKLIST_CLAUSE)
        .map(|c| c.documented_information.as_slice())
        .unwrap_or_default();
    let mut out: Vec<DocumentCheck> = checklist
        .iter()
        .map(|item| DocumentCheck::unchecked(CHECKLIST_CLAUSE, item))
        .collect();
    for c in catalogue.assessable().filter(|c| c.id != CHECKLIST_CLAUSE) {
        for item in &c.documented_information {
            out.push(DocumentCheck::unchecked(&c.id, item));
        }
    }
    out
}

/// The register with what was recorded filled in; a check for an item the
/// register does not have is left out.
pub fn fill_register(catalogue: &Catalogue, checks: &[DocumentCheck]) -> Vec<DocumentCheck> {
    document_register(catalogue)
        .into_iter()
        .map(|blank| {
            checks
                .iter()
                .find(|c| c.clause_id == blank.clause_id && c.item == blank.item)
                .cloned()
                .unwrap_or(blank)
        })
        .collect()
}

struct Builder<'a> {
    catalogue: &'a Catalogue,
    reasons: Vec<Reason>,
    judged: u32,
    looked_at: u32,
    unjudged: Vec<String>,
    unchecked_documents: u32,
    documents_checked: u32,
    documents_expected: u32,
}

impl<'a> Builder<'a> {
    fn new(catalogue: &'a Catalogue) -> Self {
        Builder {
            catalogue,
            reasons: Vec::new(),
            judged: 0,
            looked_at: 0,
            unjudged: Vec::new(),
            unchecked_documents: 0,
            documents_checked: 0,
            documents_expected: 0,
        }
    }

    /// A clause as a reason names it: its number and title, in the
    /// reason's language when the catalogue is the built-in one.
    fn label(&self, id: &str) -> Arg {
        let builtin = self.catalogue.id == Catalogue::builtin().id;
        match self.catalogue.clause(id) {
            Some(_) if builtin => Arg::Clause(id.to_owned()),
            Some(c) => Arg::Text(format!("{} {}", c.id, c.title)),
            None => Arg::Text(id.to_owned()),
        }
    }

    /// An item of documented information of 7.5.4, as a reason names it.
    fn document(&self, item: &str) -> Arg {
        if self.catalogue.id == Catalogue::builtin().id {
            Arg::Document {
                clause_id: CHECKLIST_CLAUSE.to_owned(),
                item: item.to_owned(),
            }
        } else {
            Arg::Text(item.to_owned())
        }
    }

    fn push(&mut self, weight: Weight, text: Msg, clause: Option<&str>, finding: Option<Uuid>) {
        self.reasons.push(Reason {
            weight,
            message: text.in_lang(Lang::En),
            clause_id: clause.map(str::to_owned),
            finding_id: finding,
            text,
        });
    }

    /// Counts one requirement the rule looks at; returns its standing when
    /// it is judged (not applicable ones are handled here).
    fn look_at<'s>(
        &mut self,
        standing: &'s Standing,
        response: Option<&ClauseResponse>,
    ) -> Option<&'s Standing> {
        self.looked_at += 1;
        let id = standing.clause_id.as_str();
        if let Some(r) = response.filter(|r| r.rating == Rating::NotApplicable) {
            self.judged += 1;
            let key = match r.na_basis {
                NaBasis::NoInstances => "reason-no-instances",
                NaBasis::Exclusion => "reason-exclusion",
            };
            let message = Msg::new(key)
                .arg("clause", self.label(id))
                .arg("justification", r.na_justification.trim());
            let weight = match r.na_basis {
                NaBasis::NoInstances => Weight::Note,
                NaBasis::Exclusion => Weight::Blocks,
            };
            self.push(weight, message, Some(id), None);
            return None;
        }
        if standing.effective == Judgement::NotJudged {
            self.unjudged.push(id.to_owned());
            return None;
        }
        self.judged += 1;
        Some(standing)
    }

    fn finish(mut self, stage: Stage) -> StageReadiness {
        if !self.unjudged.is_empty() {
            let n = self.unjudged.len();
            let listed: Vec<String> = self.unjudged.iter().take(12).cloned().collect();
            self.push(
                Weight::Unjudged,
                Msg::new("reason-not-judged")
                    .arg("n", n)
                    .arg("listed", listed.join(", "))
                    .arg("more", n.saturating_sub(12)),
                None,
                None,
            );
        }
        if self.unchecked_documents > 0 {
            let n = self.unchecked_documents;
            self.push(
                Weight::Unjudged,
                Msg::new("reason-documents-not-checked").arg("n", n),
                Some("7.5.4"),
                None,
            );
        }
        // Stable: blocking reasons first, each group in the order found.
        self.reasons.sort_by_key(|r| r.weight);
        let verdict = if !self.unjudged.is_empty() || self.unchecked_documents > 0 {
            Verdict::Provisional
        } else if self.reasons.iter().any(|r| r.weight == Weight::Blocks) {
            Verdict::NotReady
        } else {
            Verdict::Ready
        };
        let mut readiness = StageReadiness {
            stage,
            verdict,
            judged: self.judged,
            looked_at: self.looked_at,
            unjudged: self.unjudged,
            documents_checked: self.documents_checked,
            documents_expected: self.documents_expected,
            reasons: self.reasons,
            rule: stage.rule(),
            headline: String::new(),
        };
        readiness.headline = readiness.headline_in(Lang::En);
        readiness
    }
}

/// Both verdicts of an assessment. `documents` are the checks of the
/// documented information 7.5.4 lists; an empty list reads as nothing
/// checked yet.
pub fn verdicts(
    catalogue: &Catalogue,
    responses: &[ClauseResponse],
    findings: &[Finding],
    documents: &[DocumentCheck],
) -> Verdicts {
    let all = standings(catalogue, responses, findings);
    let response = |id: &str| responses.iter().find(|r| r.clause_id == id);
    Verdicts {
        stage_1: stage_1(catalogue, &all, &response, documents),
        certification: certification(catalogue, &all, &response, findings),
    }
}

fn stage_1<'r>(
    catalogue: &Catalogue,
    all: &[Standing],
    response: &dyn Fn(&str) -> Option<&'r ClauseResponse>,
    documents: &[DocumentCheck],
) -> StageReadiness {
    let mut b = Builder::new(catalogue);
    for standing in all
        .iter()
        .filter(|s| STAGE_1_REQUIREMENTS.contains(&s.clause_id.as_str()))
    {
        let id = standing.clause_id.as_str();
        let Some(s) = b.look_at(standing, response(id)) else {
            continue;
        };
        let performed = matches!(id, "9.2" | "9.3");
        match s.effective {
            Judgement::MajorNonconformity | Judgement::NotYetEvidenced if performed => b.push(
                Weight::Blocks,
                Msg::new("reason-not-performed")
                    .arg("clause", b.label(id))
                    .arg("judgement", serde_name(&s.effective)),
                Some(id),
                None,
            ),
            Judgement::MajorNonconformity | Judgement::NotYetEvidenced => b.push(
                Weight::Blocks,
                Msg::new("reason-is")
                    .arg("clause", b.label(id))
                    .arg("judgement", serde_name(&s.effective)),
                Some(id),
                None,
            ),
            Judgement::MinorNonconformity => b.push(
                Weight::Note,
                Msg::new("reason-area-of-concern").arg("clause", b.label(id)),
                Some(id),
                None,
            ),
            Judgement::Conforms | Judgement::NotJudged => {}
        }
    }
    // The documented information of the SMS, item by item.
    let expected: Vec<&str> = catalogue
        .clause("7.5.4")
        .map(|c| {
            c.documented_information
                .iter()
                .map(String::as_str)
                .collect()
        })
        .unwrap_or_default();
    for item in expected {
        b.documents_expected += 1;
        let check = documents
            .iter()
            .find(|d| d.clause_id == CHECKLIST_CLAUSE && d.item == item);
        match check.and_then(|d| d.present) {
            Some(true) => {
                b.documents_checked += 1;
                let check = check.expect("present implies a check");
                let flaw = match (check.approved == Some(false), check.current == Some(false)) {
                    (true, true) => Some("both"),
                    (true, false) => Some("not_approved"),
                    (false, true) => Some("not_current"),
                    (false, false) => None,
                };
                if let Some(flaw) = flaw {
                    b.push(
                        Weight::Note,
                        Msg::new("reason-document-flawed")
                            .arg("flaw", flaw)
                            .arg("item", b.document(item)),
                        Some("7.5.4"),
                        None,
                    );
                }
            }
            Some(false) => {
                b.documents_checked += 1;
                b.push(
                    Weight::Blocks,
                    Msg::new("reason-document-missing").arg("item", b.document(item)),
                    Some("7.5.4"),
                    None,
                );
            }
            None => b.unchecked_documents += 1,
        }
    }
    b.finish(Stage::Stage1)
}

fn certification<'r>(
    catalogue: &Catalogue,
    all: &[Standing],
    response: &dyn Fn(&str) -> Option<&'r ClauseResponse>,
    findings: &[Finding],
) -> StageReadiness {
    let mut b = Builder::new(catalogue);
    // Open majors first, then minors, each in the order recorded.
    let mut open: Vec<&Finding> = findings.iter().filter(|f| f.is_open()).collect();
    open.sort_by_key(|f| f.kind != FindingKind::MajorNonconformity);
    for finding in open {
        let label = b.label(&finding.clause_id);
        match finding.kind {
            FindingKind::MajorNonconformity => b.push(
                Weight::Blocks,
                Msg::new("reason-open-major")
                    .arg("clause", label)
                    .arg("title", &finding.title),
                Some(&finding.clause_id),
                Some(finding.id),
            ),
            FindingKind::MinorNonconformity => {
                let stage = finding.lifecycle.stage();
                if stage >= NcStage::PlanAccepted {
                    b.push(
                        Weight::Note,
                        Msg::new("reason-open-minor-planned")
                            .arg("clause", label)
                            .arg("stage", serde_name(&stage))
                            .arg("title", &finding.title),
                        Some(&finding.clause_id),
                        Some(finding.id),
                    )
                } else {
                    b.push(
                        Weight::Blocks,
                        Msg::new("reason-open-minor-unplanned")
                            .arg("clause", label)
                            .arg("title", &finding.title),
                        Some(&finding.clause_id),
                        Some(finding.id),
                    )
                }
            }
            _ => {}
        }
    }
    // Closed without the record that the corrective action worked (data
    // from before the lifecycle existed): not closed as an auditor sees it.
    for finding in findings
        .iter()
        .filter(|f| f.is_nonconformity() && !f.status.is_open())
        .filter(|f| f.lifecycle.stage() < NcStage::Verified)
    {
        let label = b.label(&finding.clause_id);
        b.push(
            Weight::Blocks,
            Msg::new("reason-closed-unverified")
                .arg(
                    "kind",
                    if finding.kind == FindingKind::MajorNonconformity {
                        "major"
                    } else {
                        "minor"
                    },
                )
                .arg("clause", label)
                .arg("title", &finding.title),
            Some(&finding.clause_id),
            Some(finding.id),
        );
    }
    for standing in all {
        let id = standing.clause_id.as_str();
        let Some(s) = b.look_at(standing, response(id)) else {
            continue;
        };
        // Judged a nonconformity with no finding recorded: still one.
        let recorded_only = s.raised_by.is_empty()
            && !findings.iter().any(|f| {
                f.is_open()
                    && f.clause_id == id
                    && Judgement::of_finding(f.kind) == Some(s.effective)
            });
        match s.effective {
            Judgement::NotYetEvidenced => b.push(
                Weight::Blocks,
                Msg::new("reason-not-evidenced").arg("clause", b.label(id)),
                Some(id),
                None,
            ),
            j @ (Judgement::MajorNonconformity | Judgement::MinorNonconformity)
                if recorded_only =>
            {
                b.push(
                    Weight::Blocks,
                    Msg::new("reason-no-finding")
                        .arg("clause", b.label(id))
                        .arg("judgement", serde_name(&j)),
                    Some(id),
                    None,
                )
            }
            _ => {}
        }
    }
    b.finish(Stage::Certification)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FindingStatus;

    fn judged(judgement: Judgement) -> Vec<ClauseResponse> {
        Catalogue::builtin()
            .assessable()
            .map(|c| ClauseResponse {
                rating: Rating::Level { level: 3 },
                judgement,
                notes: "Seen in the workshop.".into(),
                ..ClauseResponse::blank(&c.id)
            })
            .collect()
    }

    fn all_documents(present: bool) -> Vec<DocumentCheck> {
        Catalogue::builtin()
            .clause("7.5.4")
            .unwrap()
            .documented_information
            .iter()
            .map(|item| DocumentCheck {
                present: Some(present),
                ..DocumentCheck::unchecked(CHECKLIST_CLAUSE, item)
            })
            .collect()
    }

    fn set(responses: &mut [ClauseResponse], id: &str, judgement: Judgement) {
        responses
            .iter_mut()
            .find(|r| r.clause_id == id)
            .unwrap()
            .judgement = judgement;
    }

    #[test]
    fn nothing_judged_gives_no_verdict_only_how_much_is_judged() {
        let cat = Catalogue::builtin();
        let mut responses = judged(Judgement::NotJudged);
        set(&mut responses, "4.1", Judgement::Conforms);
        let v = verdicts(cat, &responses, &[], &[]);
        assert_eq!(v.certification.verdict, Verdict::Provisional);
        assert_eq!(v.certification.judged, 1);
        assert_eq!(v.certification.looked_at, 57);
        assert_eq!(v.certification.headline, "Provisional: 1 of 57 judged");
        assert_eq!(v.certification.unjudged.len(), 56);
        assert!(v.certification.reasons[0]
            .message
            .starts_with("56 requirements not judged yet: 4.2, 4.3,"));
        assert_eq!(v.stage_1.verdict, Verdict::Provisional);
        assert_eq!(v.stage_1.rule.len(), 4);
    }

    #[test]
    fn everything_conforming_and_documented_is_ready_for_both() {
        let cat = Catalogue::builtin();
        let v = verdicts(cat, &judged(Judgement::Conforms), &[], &all_documents(true));
        assert_eq!(v.stage_1.verdict, Verdict::Ready, "{:?}", v.stage_1.reasons);
        assert_eq!(v.certification.verdict, Verdict::Ready);
        assert!(v.certification.reasons.is_empty());
    }

    #[test]
    fn an_open_minor_blocks_certification_but_is_a_concern_at_stage_1() {
        let cat = Catalogue::builtin();
        let mut responses = judged(Judgement::Conforms);
        set(&mut responses, "6.3", Judgement::Conforms);
        let minor = Finding::for_test(
            "6.3",
            FindingKind::MinorNonconformity,
            FindingStatus::Open,
            "Plan has no owner for two processes",
        );
        let v = verdicts(
            cat,
            &responses,
            std::slice::from_ref(&minor),
            &all_documents(true),
        );
        assert_eq!(v.stage_1.verdict, Verdict::Ready);
        assert_eq!(v.stage_1.reasons[0].weight, Weight::Note);
        assert!(v.stage_1.reasons[0].message.contains("area of concern"));
        assert_eq!(v.certification.verdict, Verdict::NotReady);
        assert_eq!(v.certification.reasons[0].finding_id, Some(minor.id));

        // Once its corrective action plan is accepted it no longer blocks,
        // and the reason says where it stands.
        let mut planned = minor.clone();
        planned.owner = "Service owner".into();
        planned.due_date = chrono::NaiveDate::from_ymd_opt(2027, 1, 31);
        planned.lifecycle.corrective_action = "Name an owner per process".into();
        let cert = |f: &Finding| {
            verdicts(
                cat,
                &responses,
                std::slice::from_ref(f),
                &all_documents(true),
            )
            .certification
        };
        assert_eq!(cert(&planned).verdict, Verdict::NotReady);
        planned.lifecycle.plan_accepted_on = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
        let c = cert(&planned);
        assert_eq!(c.verdict, Verdict::Ready);
        assert_eq!(c.reasons[0].weight, Weight::Note);
        assert!(c.reasons[0].message.contains("(plan accepted)"));
        planned.lifecycle.implemented_on = chrono::NaiveDate::from_ymd_opt(2026, 12, 10);
        assert!(cert(&planned).reasons[0]
            .message
            .contains("(implemented, not verified)"));
    }

    #[test]
    fn stage_1_needs_audit_and_review_performed_and_the_documents_seen() {
        let cat = Catalogue::builtin();
        let mut responses = judged(Judgement::Conforms);
        set(&mut responses, "9.2", Judgement::NotYetEvidenced);
        let mut documents = all_documents(true);
        documents[2].present = Some(false);
        let v = verdicts(cat, &responses, &[], &documents);
        assert_eq!(v.stage_1.verdict, Verdict::NotReady);
        let messages: Vec<&str> = v
            .stage_1
            .reasons
            .iter()
            .map(|r| r.message.as_str())
            .collect();
        assert!(messages[0].starts_with("9.2 Internal audit is not yet evidenced: it must"));
        assert!(messages[1].starts_with("Documented information missing (7.5.4): "));

        // Documents not checked keep it provisional.
        let v = verdicts(cat, &judged(Judgement::Conforms), &[], &[]);
        assert_eq!(v.stage_1.verdict, Verdict::Provisional);
        assert!(v.stage_1.unjudged.is_empty());
        assert_eq!(
            v.stage_1.reasons[0].message,
            "14 items of the documented information in 7.5.4 are not checked yet"
        );
        assert_eq!(
            v.stage_1.headline,
            "Provisional: 7 of 7 judged, 0 of 14 documents checked"
        );
        // Requirements outside the stage 1 set do not count for it.
        let mut responses = judged(Judgement::Conforms);
        set(&mut responses, "8.6.1", Judgement::MajorNonconformity);
        let v = verdicts(cat, &responses, &[], &all_documents(true));
        assert_eq!(v.stage_1.verdict, Verdict::Ready);
        assert_eq!(v.certification.verdict, Verdict::NotReady);
        assert!(v.certification.reasons[0]
            .message
            .contains("judged a major nonconformity with no finding"));
    }

    #[test]
    fn no_instances_is_listed_and_a_claimed_exclusion_blocks() {
        let cat = Catalogue::builtin();
        let mut responses = judged(Judgement::Conforms);
        let na = responses
            .iter_mut()
            .find(|r| r.clause_id == "8.3.4.2")
            .unwrap();
        na.rating = Rating::NotApplicable;
        na.judgement = Judgement::NotJudged;
        na.na_justification = "No internal suppliers.".into();
        na.na_basis = NaBasis::NoInstances;
        let v = verdicts(cat, &responses, &[], &all_documents(true));
        assert_eq!(v.certification.verdict, Verdict::Ready);
        assert_eq!(v.certification.judged, 57);
        assert_eq!(v.certification.reasons[0].weight, Weight::Note);
        assert!(v.certification.reasons[0]
            .message
            .ends_with("no instances in scope — No internal suppliers."));

        let na = responses
            .iter_mut()
            .find(|r| r.clause_id == "8.3.4.2")
            .unwrap();
        na.na_basis = NaBasis::Exclusion;
        let v = verdicts(cat, &responses, &[], &all_documents(true));
        assert_eq!(v.certification.verdict, Verdict::NotReady);
        assert!(v.certification.reasons[0]
            .message
            .contains("does not permit"));
    }

    #[test]
    fn a_nonconformity_closed_once_verified_no_longer_blocks() {
        let cat = Catalogue::builtin();
        let mut closed = Finding::for_test(
            "9.3",
            FindingKind::MajorNonconformity,
            FindingStatus::Closed,
            "Management review skipped",
        );
        let cert = |f: &Finding| {
            verdicts(
                cat,
                &judged(Judgement::Conforms),
                std::slice::from_ref(f),
                &all_documents(true),
            )
            .certification
        };
        // Closed with no verification (as older data may be): still in the way.
        let c = cert(&closed);
        assert_eq!(c.verdict, Verdict::NotReady);
        assert_eq!(c.reasons[0].finding_id, Some(closed.id));
        assert!(c.reasons[0].message.contains("closed with no record"));
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d);
        closed.owner = "CIO".into();
        closed.due_date = day(30);
        closed.lifecycle = crate::finding::Lifecycle {
            corrective_action: "Review held with every input".into(),
            plan_accepted_on: day(2),
            implemented_on: day(10),
            verified_on: day(20),
            verified_by: "Lead auditor".into(),
            verification: "Minutes seen".into(),
            ..Default::default()
        };
        assert_eq!(cert(&closed).verdict, Verdict::Ready);
    }
}
