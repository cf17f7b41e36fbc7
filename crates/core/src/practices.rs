//! Execution against control: the ITIL 4 practices the client runs (the
//! practice profile) set against the requirements of the management system
//! that should govern them.
//!
//! A client can run incident, change and service level management well and
//! still have no system around them: no policy, no internal audit, no
//! management review, no improvement from what is measured. The practice
//! profile records execution; the maturity and conformity of the
//! requirements record control; [`execution_control`] sets one against the
//! other and says where the practices outrun the system.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Catalogue;
use crate::itil;
use crate::judgement::{Judgement, Standing};
use crate::scoring::{format_score, round_score, Scorecard};
use crate::validation::{optional_line, optional_text, Field, ValidationError};

/// Whether the client runs a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    NotInPlace,
    /// Run for some services, sites or teams, or only in part.
    Partial,
    InPlace,
}

impl PracticeStatus {
    pub const ALL: [PracticeStatus; 3] = [
        PracticeStatus::NotInPlace,
        PracticeStatus::Partial,
        PracticeStatus::InPlace,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PracticeStatus::NotInPlace => "Not in place",
            PracticeStatus::Partial => "Partial",
            PracticeStatus::InPlace => "In place",
        }
    }

    /// The client runs the practice, in full or in part.
    pub fn runs(self) -> bool {
        self != PracticeStatus::NotInPlace
    }
}

/// The capability levels of a practice, in the manner of the ITIL 4
/// maturity model, described in our own words.
pub const CAPABILITY_LEVELS: [(u8, &str, &str); 5] = [
    (
        1,
        "Initial",
        "Done when someone sees the need, in each person's own way; results depend on who is there.",
    ),
    (
        2,
        "Repeatable",
        "The same people handle it the same way each time and keep some records, but nothing is written down for others.",
    ),
    (
        3,
        "Defined",
        "Written down, with roles and a tool, and followed the same way across the teams that run it.",
    ),
    (
        4,
        "Managed",
        "Measured against objectives; the results are reviewed and lead to decisions.",
    ),
    (
        5,
        "Optimising",
        "Improved continually from its measurements and feedback, in step with the practices around it.",
    ),
];

/// What was recorded about one practice; a practice nobody has looked at
/// has no status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeRecord {
    /// The practice's ITIL 4 name, as [`itil::PRACTICES`] spells it.
    pub practice: String,
    #[serde(default)]
    pub status: Option<PracticeStatus>,
    /// 1 to 5 ([`CAPABILITY_LEVELS`]); only for a practice the client runs.
    #[serde(default)]
    pub capability: Option<u8>,
    /// The tool it runs on, e.g. "ServiceNow".
    #[serde(default)]
    pub tool: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub notes: String,
}

impl PracticeRecord {
    /// A practice with nothing recorded yet.
    pub fn blank(practice: &str) -> PracticeRecord {
        PracticeRecord {
            practice: practice.to_owned(),
            status: None,
            capability: None,
            tool: String::new(),
            owner: String::new(),
            notes: String::new(),
        }
    }

    /// Nothing recorded: stored as no row at all.
    pub fn is_blank(&self) -> bool {
        self.status.is_none()
            && self.capability.is_none()
            && self.tool.is_empty()
            && self.owner.is_empty()
            && self.notes.is_empty()
    }

    /// Checked and tidied: the practice's canonical name, a capability only
    /// for a practice the client runs, texts within their limits.
    pub fn validated(&self) -> Result<PracticeRecord, ValidationError> {
        let practice =
            itil::canonical(&self.practice).ok_or_else(|| ValidationError::UnknownPractice {
                name: self.practice.clone(),
            })?;
        if let Some(level) = self.capability {
            if !(1..=5).contains(&level) {
                return Err(ValidationError::CapabilityOutOfRange { level });
            }
            if self.status == Some(PracticeStatus::NotInPlace) {
                return Err(ValidationError::CapabilityNotInPlace);
            }
        }
        Ok(PracticeRecord {
            practice: practice.to_owned(),
            status: self.status,
            capability: self.capability,
            tool: optional_line(Field::PracticeTool, &self.tool)?,
            owner: optional_line(Field::PracticeOwner, &self.owner)?,
            notes: optional_text(Field::PracticeNotes, &self.notes)?,
        })
    }
}

/// The whole profile in ITIL order, one record per practice, from what was
/// stored (any order; unknown practices are left out).
pub fn profile(stored: &[PracticeRecord]) -> Vec<PracticeRecord> {
    itil::PRACTICES
        .iter()
        .map(|&p| {
            stored
                .iter()
                .find(|r| r.practice == p)
                .cloned()
                .unwrap_or_else(|| PracticeRecord::blank(p))
        })
        .collect()
}

/// A requirement that governs a practice, as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoverningRequirement {
    pub clause_id: String,
    pub title: String,
    /// Its maturity level; `None` while not assessed (or not applicable).
    pub level: Option<u8>,
    pub target: u8,
    /// Assessed, and below its target.
    pub below_target: bool,
    /// Its conformity, once open findings are counted, is a nonconformity.
    pub nonconforming: bool,
}

impl GoverningRequirement {
    /// Assessed and not meeting its target, or nonconforming.
    pub fn weak(&self) -> bool {
        self.below_target || self.nonconforming
    }
}

/// One practice the client runs, against the requirements governing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PracticeGovernance {
    pub practice: String,
    pub status: PracticeStatus,
    pub capability: Option<u8>,
    /// The requirements that list this practice, in catalogue order.
    pub requirements: Vec<GoverningRequirement>,
    /// Mean maturity of the assessed governing requirements (one decimal).
    pub governance: Option<f64>,
    /// The practice runs while a requirement governing it is below target
    /// or nonconforming.
    pub outruns_control: bool,
}

impl PracticeGovernance {
    /// The governing requirements that fall short, by id.
    pub fn weak_requirements(&self) -> Vec<&str> {
        self.requirements
            .iter()
            .filter(|r| r.weak())
            .map(|r| r.clause_id.as_str())
            .collect()
    }
}

/// Execution against control for one assessment: the same model draws the
/// app's view and the report's section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExecutionControl {
    /// Mean capability of the practices the client runs that have one
    /// (one decimal); `None` while none has.
    pub execution: Option<f64>,
    /// Practices recorded as in place or partial.
    pub practices_run: u32,
    /// Practices with a status recorded (any).
    pub practices_recorded: u32,
    /// Mean maturity of the assessed requirements marked "SMS governance, no
    /// ITIL equivalent" (one decimal); `None` while none is assessed.
    pub control: Option<f64>,
    pub governance_assessed: u32,
    pub governance_total: u32,
    /// Governance requirements that are nonconforming.
    pub governance_nonconforming: u32,
    /// Every practice the client runs, in ITIL order.
    pub practices: Vec<PracticeGovernance>,
    /// "Practices 3.2, management system 1.9", or what is still missing.
    pub headline: String,
    /// The gap in plain words, for the executive summary; `None` until both
    /// scores are known.
    pub narrative: Option<String>,
}

impl ExecutionControl {
    /// The practices that run without their governing requirements meeting
    /// target.
    pub fn outrunning(&self) -> impl Iterator<Item = &PracticeGovernance> {
        self.practices.iter().filter(|p| p.outruns_control)
    }
}

/// Practices the narrative names; the rest are counted.
const NAMED: usize = 3;

/// How far ahead execution must be for the report to call it a gap.
const GAP: f64 = 0.5;

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| round_score(sum / f64::from(n)))
}

/// Sets the practice profile against the requirements that govern it.
/// `practices` is the stored profile (any order), `standings` every
/// requirement's conformity.
pub fn execution_control(
    catalogue: &Catalogue,
    scorecard: &Scorecard,
    default_target: u8,
    standings: &[Standing],
    practices: &[PracticeRecord],
) -> ExecutionControl {
    let requirement = |id: &str, title: &str| {
        let score = scorecard.clause(id);
        let level = score
            .and_then(|s| s.score)
            .map(|s| s.round().clamp(0.0, 5.0) as u8);
        let target = score
            .and_then(|s| s.target)
            .map_or(default_target, |t| t.round().clamp(0.0, 5.0) as u8);
        let nonconforming = standings.iter().any(|s| {
            s.clause_id == id
                && matches!(
                    s.effective,
                    Judgement::MinorNonconformity | Judgement::MajorNonconformity
                )
        });
        GoverningRequirement {
            clause_id: id.to_owned(),
            title: title.to_owned(),
            level,
            target,
            below_target: level.is_some_and(|l| l < target),
            nonconforming,
        }
    };
    let profile = profile(practices);
    let run: Vec<PracticeGovernance> = profile
        .iter()
        .filter_map(|r| {
            let status = r.status.filter(|s| s.runs())?;
            let requirements: Vec<GoverningRequirement> = catalogue
                .clauses
                .iter()
                .filter(|c| c.assessable && c.itil_practices.contains(&r.practice))
                .map(|c| requirement(&c.id, &c.title))
                .collect();
            let governance = mean(requirements.iter().filter_map(|q| q.level.map(f64::from)));
            let outruns_control = requirements.iter().any(GoverningRequirement::weak);
            Some(PracticeGovernance {
                practice: r.practice.clone(),
                status,
                capability: r.capability,
                requirements,
                governance,
                outruns_control,
            })
        })
        .collect();
    let governance: Vec<GoverningRequirement> = catalogue
        .clauses
        .iter()
        .filter(|c| c.assessable && c.sms_governance)
        .map(|c| requirement(&c.id, &c.title))
        .collect();
    let execution = mean(run.iter().filter_map(|p| p.capability.map(f64::from)));
    let control = mean(governance.iter().filter_map(|q| q.level.map(f64::from)));
    let mut model = ExecutionControl {
        execution,
        practices_run: run.len() as u32,
        practices_recorded: profile.iter().filter(|r| r.status.is_some()).count() as u32,
        control,
        governance_assessed: governance.iter().filter(|q| q.level.is_some()).count() as u32,
        governance_total: governance.len() as u32,
        governance_nonconforming: governance.iter().filter(|q| q.nonconforming).count() as u32,
        practices: run,
        headline: String::new(),
        narrative: None,
    };
    model.headline = headline(&model);
    model.narrative = narrative(&model);
    model
}

fn headline(m: &ExecutionControl) -> String {
    match (m.execution, m.control) {
        (Some(e), Some(c)) => format!(
            "Practices {}, management system {}",
            format_score(Some(e)),
            format_score(Some(c))
        ),
        (Some(e), None) => format!(
            "Practices {}, management system not assessed yet",
            format_score(Some(e))
        ),
        (None, Some(c)) => format!(
            "Management system {}, practice profile not recorded yet",
            format_score(Some(c))
        ),
        (None, None) => "Practice profile and management system not assessed yet".to_owned(),
    }
}

/// A list of names in prose: "a, b and c".
/// The gap between practices and management system in plain words, in a
/// language; `None` until both scores are known.
pub fn narrative_in(lang: crate::i18n::Lang, m: &ExecutionControl) -> Option<String> {
    use crate::tr;
    let (execution, control) = (m.execution?, m.control?);
    // The widest gaps first: those are the ones to name.
    let mut ahead: Vec<&PracticeGovernance> = m.outrunning().collect();
    let lead =
        |p: &PracticeGovernance| p.capability.map_or(0.0, f64::from) - p.governance.unwrap_or(0.0);
    ahead.sort_by(|a, b| lead(b).total_cmp(&lead(a)));
    let outrunning: Vec<String> = ahead
        .iter()
        .map(|p| format!("{} ({})", p.practice, p.weak_requirements().join(", ")))
        .collect();
    let key = if execution - control >= GAP {
        "execution-narrative-ahead"
    } else if control - execution >= GAP {
        "execution-narrative-behind"
    } else {
        "execution-narrative-in-step"
    };
    let mut text = tr!(
        lang,
        key,
        n = m.practices_run,
        execution = lang.score(Some(execution)),
        control = lang.score(Some(control))
    );
    let named = match outrunning.len() {
        0 => None,
        n if n <= NAMED => Some(tr!(
            lang,
            "execution-narrative-outrunning",
            n = n,
            named = lang.list(&outrunning)
        )),
        n => Some(tr!(
            lang,
            "execution-narrative-outrunning-among",
            n = n,
            named = lang.list(&outrunning[..NAMED])
        )),
    };
    if let Some(named) = named {
        text.push(' ');
        text.push_str(&named);
    }
    Some(text)
}

fn narrative(m: &ExecutionControl) -> Option<String> {
    narrative_in(crate::i18n::Lang::En, m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgement::standings;
    use crate::response::ClauseResponse;
    use crate::scoring::scorecard;

    fn level(id: &str, level: u8) -> ClauseResponse {
        ClauseResponse::at_level(id, level)
    }

    fn practice(name: &str, status: PracticeStatus, capability: Option<u8>) -> PracticeRecord {
        PracticeRecord {
            status: Some(status),
            capability,
            ..PracticeRecord::blank(name)
        }
    }

    fn model(responses: &[ClauseResponse], practices: &[PracticeRecord]) -> ExecutionControl {
        let cat = Catalogue::builtin();
        let card = scorecard(cat, responses, 3);
        let standings = standings(cat, responses, &[]);
        execution_control(cat, &card, 3, &standings, practices)
    }

    #[test]
    fn a_record_is_checked_and_tidied() {
        let mut r = practice("incident MANAGEMENT ", PracticeStatus::InPlace, Some(4));
        r.tool = "  ServiceNow ".into();
        let ok = r.validated().unwrap();
        assert_eq!(ok.practice, "Incident management");
        assert_eq!(ok.tool, "ServiceNow");
        assert_eq!(
            practice("Change control", PracticeStatus::Partial, None)
                .validated()
                .unwrap()
                .practice,
            "Change enablement"
        );
        let err = practice("Cookery", PracticeStatus::InPlace, None)
            .validated()
            .unwrap_err();
        assert_eq!(err.field(), Field::Practice);
        assert_eq!(
            practice("Service desk", PracticeStatus::InPlace, Some(6)).validated(),
            Err(ValidationError::CapabilityOutOfRange { level: 6 })
        );
        assert_eq!(
            practice("Service desk", PracticeStatus::NotInPlace, Some(2)).validated(),
            Err(ValidationError::CapabilityNotInPlace)
        );
        let mut long = PracticeRecord::blank("Service desk");
        long.tool = "x".repeat(301);
        assert_eq!(long.validated().unwrap_err().field(), Field::PracticeTool);
        assert!(PracticeRecord::blank("Service desk").is_blank());
    }

    #[test]
    fn the_profile_lists_every_practice_in_itil_order() {
        let all = profile(&[practice("Service desk", PracticeStatus::InPlace, Some(3))]);
        assert_eq!(all.len(), 34);
        assert_eq!(all[0].practice, "Architecture management");
        let desk = all.iter().find(|r| r.practice == "Service desk").unwrap();
        assert_eq!(desk.capability, Some(3));
        assert_eq!(CAPABILITY_LEVELS.len(), 5);
    }

    #[test]
    fn strong_practices_over_weak_governance_are_named_with_their_requirements() {
        let cat = Catalogue::builtin();
        // Every governance requirement at 1 or 2, incident management's own
        // requirement at 4.
        let mut responses: Vec<ClauseResponse> = cat
            .clauses
            .iter()
            .filter(|c| c.assessable && c.sms_governance)
            .enumerate()
            .map(|(i, c)| level(&c.id, 1 + (i % 2) as u8))
            .collect();
        responses.push(level("8.6.1", 4));
        responses.push(level("8.5.1.3", 2));
        let m = model(
            &responses,
            &[
                practice("Incident management", PracticeStatus::InPlace, Some(4)),
                practice("Change enablement", PracticeStatus::InPlace, Some(3)),
                practice("Service desk", PracticeStatus::NotInPlace, None),
            ],
        );
        assert_eq!(m.practices_run, 2);
        assert_eq!(m.practices_recorded, 3);
        assert_eq!(m.execution, Some(3.5));
        let control = m.control.unwrap();
        assert!((1.0..=2.0).contains(&control), "{control}");
        assert!(m.headline.starts_with("Practices 3.5, management system "));
        let change = m
            .practices
            .iter()
            .find(|p| p.practice == "Change enablement")
            .unwrap();
        assert!(change.outruns_control);
        assert!(change.weak_requirements().contains(&"8.5.1.3"));
        let narrative = m.narrative.unwrap();
        assert!(narrative.contains("ahead of the system"), "{narrative}");
        assert!(
            narrative.contains("Change enablement (8.5.1.3"),
            "{narrative}"
        );
    }

    #[test]
    fn nothing_assessed_gives_no_narrative_and_says_what_is_missing() {
        let m = model(&[], &[]);
        assert_eq!(m.execution, None);
        assert_eq!(m.control, None);
        assert_eq!(m.narrative, None);
        assert!(m.governance_total >= 8);
        assert_eq!(
            m.headline,
            "Practice profile and management system not assessed yet"
        );
        let m = model(
            &[],
            &[practice("Service desk", PracticeStatus::Partial, Some(2))],
        );
        assert_eq!(
            m.headline,
            "Practices 2.0, management system not assessed yet"
        );
        // Unassessed governing requirements do not count against a practice.
        assert!(!m.practices[0].outruns_control);
    }

    #[test]
    fn governance_ahead_of_the_practices_is_said_the_other_way_round() {
        let cat = Catalogue::builtin();
        let responses: Vec<ClauseResponse> = cat
            .clauses
            .iter()
            .filter(|c| c.assessable && c.sms_governance)
            .map(|c| level(&c.id, 4))
            .collect();
        let m = model(
            &responses,
            &[practice("Service desk", PracticeStatus::InPlace, Some(2))],
        );
        assert_eq!(m.control, Some(4.0));
        assert!(m
            .narrative
            .unwrap()
            .starts_with("The management system is ahead"));
    }
}
