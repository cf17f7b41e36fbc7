//! Service KPIs that drive decisions. A KPI evidences one or more clauses,
//! is measured period after period, and each measurement is met, within
//! tolerance or missed against the target in the KPI's own direction. A
//! KPI links to what it drives (findings and roadmap actions, and a decision
//! note); a missed KPI with neither was measured but not acted upon.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::finding::Finding;
use crate::validation::{optional_line, optional_text, required_line, Field, ValidationError};

/// At most ten years of monthly measurements per KPI.
pub const MAX_MEASUREMENTS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];

    pub fn label(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "Higher is better",
            Direction::LowerIsBetter => "Lower is better",
        }
    }
}

/// How one measurement compares with the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    Met,
    /// Short of target by no more than the tolerance.
    WithinTolerance,
    Missed,
}

impl PeriodStatus {
    pub const ALL: [PeriodStatus; 3] = [
        PeriodStatus::Met,
        PeriodStatus::WithinTolerance,
        PeriodStatus::Missed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PeriodStatus::Met => "Met",
            PeriodStatus::WithinTolerance => "Within tolerance",
            PeriodStatus::Missed => "Missed",
        }
    }
}

/// One measurement of a KPI: the period it covers, the value, a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Measurement {
    /// E.g. "2026-09", "Q3 2026".
    pub period: String,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Kpi {
    pub id: Uuid,
    pub name: String,
    /// The clauses this KPI evidences, e.g. `["8.7.1", "9.1"]`.
    pub clause_ids: Vec<String>,
    pub unit: String,
    pub direction: Direction,
    pub target: Option<f64>,
    /// How far short of target a result may fall and still be within
    /// tolerance, in the KPI's unit; `None`: no band.
    pub tolerance: Option<f64>,
    /// Who is accountable for the KPI.
    pub owner: String,
    /// How it is calculated.
    pub definition: String,
    /// Where the values come from, e.g. "ITSM tool monthly report".
    pub source: String,
    /// The service it is measured for, if one.
    pub service: String,
    /// Oldest first.
    pub measurements: Vec<Measurement>,
    /// The findings and roadmap actions the KPI drives.
    pub finding_ids: Vec<Uuid>,
    /// What was decided on its results, e.g. "Reviewed at the management
    /// review of 2026-10; led to action X".
    pub decision: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A KPI as stored in assessment files: files before version 3 hold one
/// `value` for one `period` instead of a series, read as one measurement.
#[derive(Deserialize)]
struct KpiRecord {
    id: Uuid,
    name: String,
    clause_ids: Vec<String>,
    #[serde(default)]
    unit: String,
    direction: Direction,
    #[serde(default)]
    target: Option<f64>,
    #[serde(default)]
    tolerance: Option<f64>,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    definition: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    measurements: Vec<Measurement>,
    #[serde(default)]
    finding_ids: Vec<Uuid>,
    #[serde(default)]
    decision: String,
    /// Before version 3.
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    period: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl<'de> Deserialize<'de> for Kpi {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Kpi, D::Error> {
        KpiRecord::deserialize(deserializer).map(Kpi::from)
    }
}

impl From<KpiRecord> for Kpi {
    fn from(r: KpiRecord) -> Kpi {
        let mut measurements = r.measurements;
        if measurements.is_empty() {
            if let Some(value) = r.value {
                measurements.push(Measurement {
                    period: legacy_period(&r.period),
                    value,
                    note: String::new(),
                });
            }
        }
        Kpi {
            id: r.id,
            name: r.name,
            clause_ids: r.clause_ids,
            unit: r.unit,
            direction: r.direction,
            target: r.target,
            tolerance: r.tolerance,
            owner: r.owner,
            definition: r.definition,
            source: r.source,
            service: r.service,
            measurements,
            finding_ids: r.finding_ids,
            decision: r.decision,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// The period of a value recorded before KPIs had a series; one recorded
/// with no period gets a name that says so.
pub fn legacy_period(period: &str) -> String {
    let period = period.trim();
    if period.is_empty() {
        "Recorded earlier".to_owned()
    } else {
        period.to_owned()
    }
}

/// Whether `value` meets `target` in `direction`, allowing `tolerance`.
pub fn period_status(
    direction: Direction,
    target: f64,
    tolerance: Option<f64>,
    value: f64,
) -> PeriodStatus {
    let short = match direction {
        Direction::HigherIsBetter => target - value,
        Direction::LowerIsBetter => value - target,
    };
    // A thousandth of a unit of binary noise is no miss.
    if short <= 1e-9 {
        PeriodStatus::Met
    } else if short <= tolerance.unwrap_or(0.0) + 1e-9 {
        PeriodStatus::WithinTolerance
    } else {
        PeriodStatus::Missed
    }
}

impl Kpi {
    /// The newest measurement.
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.last()
    }

    /// The newest measurement's value.
    pub fn value(&self) -> Option<f64> {
        self.latest().map(|m| m.value)
    }

    /// How each measurement compares with the target, oldest first; `None`
    /// for all while there is no target.
    pub fn statuses(&self) -> Vec<Option<PeriodStatus>> {
        self.measurements
            .iter()
            .map(|m| {
                self.target
                    .map(|t| period_status(self.direction, t, self.tolerance, m.value))
            })
            .collect()
    }

    /// How the newest measurement compares with the target; `None` until
    /// both are known.
    pub fn status(&self) -> Option<PeriodStatus> {
        let target = self.target?;
        let latest = self.latest()?;
        Some(period_status(
            self.direction,
            target,
            self.tolerance,
            latest.value,
        ))
    }

    /// Whether the newest measurement meets the target; within tolerance
    /// counts as not met. `None` until both are known.
    pub fn met(&self) -> Option<bool> {
        self.status().map(|s| s == PeriodStatus::Met)
    }

    /// [`Kpi::status`] in words: "Met", "Within tolerance", "Missed" or
    /// "No data".
    pub fn status_label(&self) -> &'static str {
        self.status().map_or("No data", PeriodStatus::label)
    }

    /// Its results led somewhere: a decision is recorded, or a finding or
    /// roadmap action of `findings` is linked.
    pub fn acted_upon(&self, findings: &[Finding]) -> bool {
        !self.decision.trim().is_empty()
            || self
                .finding_ids
                .iter()
                .any(|id| findings.iter().any(|f| f.id == *id))
    }

    /// Missed its target in the newest period with no decision or linked
    /// action: measured, but not connected to any decision.
    pub fn not_acted_upon(&self, findings: &[Finding]) -> bool {
        self.status() == Some(PeriodStatus::Missed) && !self.acted_upon(findings)
    }
}

/// A KPI as the app lists it: with how each period compares with the
/// target and whether it was acted upon, so that the list, the dashboard
/// and the report agree.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub kpi: Kpi,
    /// The newest measurement against the target; `None` until both are known.
    pub status: Option<PeriodStatus>,
    /// One per measurement, oldest first.
    pub statuses: Vec<Option<PeriodStatus>>,
    /// Missed in the newest period, with no decision or linked action.
    pub not_acted_upon: bool,
}

impl KpiRow {
    /// `findings` are the assessment's, to tell a linked action that still
    /// exists. Links to findings deleted since are left out of the row (the
    /// stored KPI keeps them until it is next saved, so that undoing the
    /// deletion links the finding again).
    pub fn new(mut kpi: Kpi, findings: &[Finding]) -> KpiRow {
        kpi.finding_ids
            .retain(|id| findings.iter().any(|f| f.id == *id));
        KpiRow {
            status: kpi.status(),
            statuses: kpi.statuses(),
            not_acted_upon: kpi.not_acted_upon(findings),
            kpi,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiInput {
    pub name: String,
    pub clause_ids: Vec<String>,
    #[serde(default)]
    pub unit: String,
    pub direction: Direction,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    #[serde(default)]
    pub finding_ids: Vec<Uuid>,
    #[serde(default)]
    pub decision: String,
}

impl KpiInput {
    /// Checked and tidied. Whether the linked findings exist is for the
    /// store to check (they are the assessment's).
    pub fn validated(&self, catalogue: &Catalogue) -> Result<KpiInput, ValidationError> {
        if let Some(id) = self
            .clause_ids
            .iter()
            .find(|id| catalogue.clause(id).is_none())
        {
            return Err(ValidationError::UnknownClause { id: id.clone() });
        }
        let finite = |field, n: Option<f64>| match n {
            Some(n) if !n.is_finite() => Err(ValidationError::NotANumber { field }),
            _ => Ok(()),
        };
        finite(Field::KpiValue, self.target)?;
        finite(Field::KpiTolerance, self.tolerance)?;
        if self.tolerance.is_some_and(|t| t < 0.0) {
            return Err(ValidationError::NegativeTolerance);
        }
        if self.measurements.len() > MAX_MEASUREMENTS {
            return Err(ValidationError::TooManyMeasurements {
                max: MAX_MEASUREMENTS,
            });
        }
        let mut measurements: Vec<Measurement> = Vec::with_capacity(self.measurements.len());
        for m in &self.measurements {
            finite(Field::KpiValue, Some(m.value))?;
            let period = required_line(Field::KpiPeriod, &m.period)?;
            if measurements
                .iter()
                .any(|p| p.period.to_lowercase() == period.to_lowercase())
            {
                return Err(ValidationError::DuplicatePeriod { period });
            }
            measurements.push(Measurement {
                period,
                value: m.value,
                note: optional_text(Field::KpiNote, &m.note)?,
            });
        }
        let mut clause_ids = self.clause_ids.clone();
        clause_ids.sort_by(|a, b| crate::catalogue::compare_clause_ids(a, b));
        clause_ids.dedup();
        let mut finding_ids = Vec::with_capacity(self.finding_ids.len());
        for id in &self.finding_ids {
            if !finding_ids.contains(id) {
                finding_ids.push(*id);
            }
        }
        Ok(KpiInput {
            name: required_line(Field::KpiName, &self.name)?,
            clause_ids,
            unit: optional_line(Field::KpiUnit, &self.unit)?,
            direction: self.direction,
            target: self.target,
            tolerance: self.tolerance,
            owner: optional_line(Field::KpiOwner, &self.owner)?,
            definition: optional_text(Field::KpiDefinition, &self.definition)?,
            source: optional_text(Field::KpiSource, &self.source)?,
            service: optional_line(Field::KpiService, &self.service)?,
            measurements,
            finding_ids,
            decision: optional_text(Field::KpiDecision, &self.decision)?,
        })
    }

    /// A new KPI from this (validated) input.
    pub fn into_kpi(self, now: DateTime<Utc>) -> Kpi {
        Kpi {
            id: Uuid::new_v4(),
            name: self.name,
            clause_ids: self.clause_ids,
            unit: self.unit,
            direction: self.direction,
            target: self.target,
            tolerance: self.tolerance,
            owner: self.owner,
            definition: self.definition,
            source: self.source,
            service: self.service,
            measurements: self.measurements,
            finding_ids: self.finding_ids,
            decision: self.decision,
            created_at: now,
            updated_at: now,
        }
    }
}

impl From<&Kpi> for KpiInput {
    fn from(k: &Kpi) -> KpiInput {
        KpiInput {
            name: k.name.clone(),
            clause_ids: k.clause_ids.clone(),
            unit: k.unit.clone(),
            direction: k.direction,
            target: k.target,
            tolerance: k.tolerance,
            owner: k.owner.clone(),
            definition: k.definition.clone(),
            source: k.source.clone(),
            service: k.service.clone(),
            measurements: k.measurements.clone(),
            finding_ids: k.finding_ids.clone(),
            decision: k.decision.clone(),
        }
    }
}

/// A blank KPI input for `name`, nothing measured yet.
fn blank(name: &str, clauses: &[&str], unit: &str, direction: Direction) -> KpiInput {
    KpiInput {
        name: name.to_owned(),
        clause_ids: clauses.iter().map(|c| (*c).to_owned()).collect(),
        unit: unit.to_owned(),
        direction,
        target: None,
        tolerance: None,
        owner: String::new(),
        definition: String::new(),
        source: String::new(),
        service: String::new(),
        measurements: Vec::new(),
        finding_ids: Vec::new(),
        decision: String::new(),
    }
}

/// KPIs worth proposing for a service management system, each tied to the
/// clauses it evidences, with a target, a tolerance and how it is
/// calculated: reliability, change, restoration, user experience and
/// agreements.
pub fn suggestions() -> Vec<KpiInput> {
    use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
    let s = |name: &str,
             clauses: &[&str],
             unit: &str,
             direction,
             target: f64,
             tolerance: f64,
             definition: &str| KpiInput {
        target: Some(target),
        tolerance: Some(tolerance),
        definition: definition.to_owned(),
        ..blank(name, clauses, unit, direction)
    };
    vec![
        s(
            "Service availability",
            &["8.7.1", "9.1"],
            "%",
            Up,
            99.5,
            0.3,
            "Agreed service time less downtime, as a share of agreed service time, per service.",
        ),
        s(
            "Mean time between service incidents",
            &["8.6.1", "8.7.1"],
            "hours",
            Up,
            720.0,
            72.0,
            "Agreed service time in the period divided by the number of incidents that \
             interrupted the service.",
        ),
        s(
            "Major incidents per service",
            &["8.6.1", "8.7.1"],
            "per month",
            Down,
            1.0,
            0.0,
            "Incidents handled under the major incident procedure, counted per service.",
        ),
        s(
            "Change success rate",
            &["8.5.1.3", "9.1"],
            "%",
            Up,
            95.0,
            2.0,
            "Changes implemented as planned without causing an incident or a rollback, as a \
             share of changes implemented.",
        ),
        s(
            "Emergency changes",
            &["8.5.1.1", "8.5.1.3"],
            "% of changes",
            Down,
            10.0,
            2.0,
            "Changes raised as emergency changes, as a share of all changes implemented.",
        ),
        s(
            "Changes causing incidents",
            &["8.5.1.3", "8.6.1"],
            "% of changes",
            Down,
            3.0,
            1.0,
            "Changes linked to at least one incident within 14 days, as a share of changes \
             implemented.",
        ),
        s(
            "Mean time to restore service",
            &["8.6.1", "9.1"],
            "hours",
            Down,
            4.0,
            0.5,
            "From the start of a service interruption to service restored, averaged over \
             P1 and P2 incidents.",
        ),
        s(
            "Incidents resolved within SLA",
            &["8.3.3", "8.6.1"],
            "%",
            Up,
            90.0,
            3.0,
            "Incidents resolved within the resolution time the agreement sets for their \
             priority.",
        ),
        s(
            "SLA attainment",
            &["8.3.3", "9.4"],
            "% of targets met",
            Up,
            95.0,
            2.0,
            "Service level targets met in the period, as a share of all targets in the \
             agreements.",
        ),
        s(
            "User satisfaction",
            &["8.3.2", "9.1"],
            "/ 5",
            Up,
            4.0,
            0.2,
            "Mean score of the closed-ticket survey and the yearly user survey.",
        ),
        s(
            "Service complaints",
            &["8.3.2", "9.4"],
            "per month",
            Down,
            5.0,
            2.0,
            "Complaints about a service recorded in the period, from any channel.",
        ),
        s(
            "Service requests fulfilled on time",
            &["8.6.2"],
            "%",
            Up,
            90.0,
            3.0,
            "Requests fulfilled within the target time of their catalogue item.",
        ),
        s(
            "Known errors with a workaround",
            &["8.6.3"],
            "%",
            Up,
            80.0,
            5.0,
            "Open known errors with a documented workaround, as a share of open known errors.",
        ),
        s(
            "Successful continuity tests",
            &["8.7.2"],
            "%",
            Up,
            100.0,
            0.0,
            "Continuity and recovery tests that met their recovery objectives.",
        ),
        s(
            "Audit findings closed on time",
            &["9.2", "10.1"],
            "%",
            Up,
            90.0,
            5.0,
            "Audit findings closed by their due date, as a share of those due in the period.",
        ),
        s(
            "Improvement actions closed on time",
            &["10.2"],
            "%",
            Up,
            80.0,
            5.0,
            "Improvement actions completed by their due date.",
        ),
    ]
}

/// Words in a KPI line that mean fewer is better.
const FEWER_IS_BETTER: [&str; 12] = [
    "causing",
    "caused",
    "repeat",
    "emergency",
    "overdue",
    "backlog",
    "mean time to",
    "unauthorised",
    "past their",
    "beyond",
    "shortfall",
    "without formal",
];

/// A KPI line of the catalogue ("Changes causing incidents (%)") as a KPI
/// to track for `clause_id`: its name, its unit from the parentheses, and
/// the direction its words suggest, for the consultant to confirm.
pub fn adopt(clause_id: &str, line: &str) -> KpiInput {
    let line = line.trim();
    let (name, unit) = match line.rsplit_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => (name.trim(), &rest[..rest.len() - 1]),
        _ => (line, ""),
    };
    let unit = match unit {
        "MTRS" => "hours",
        u if u.contains(' ') && u != "yes/no" => "",
        u => u,
    };
    let lower = name.to_lowercase();
    let fewer = (unit == "count" && !lower.contains("addressed"))
        || FEWER_IS_BETTER.iter().any(|w| lower.contains(w));
    let name = if unit.is_empty() && line.ends_with(')') {
        line
    } else {
        name
    };
    blank(
        &name
            .chars()
            .take(Field::KpiName.max_chars())
            .collect::<String>(),
        &[clause_id],
        if name.contains(" as % of ") {
            "%"
        } else {
            unit
        },
        if fewer {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(period: &str, value: f64) -> Measurement {
        Measurement {
            period: period.into(),
            value,
            note: String::new(),
        }
    }

    fn kpi(direction: Direction, values: &[f64], target: Option<f64>) -> Kpi {
        let mut k = KpiInput {
            target,
            measurements: values
                .iter()
                .enumerate()
                .map(|(i, v)| m(&format!("2026-{:02}", i + 1), *v))
                .collect(),
            ..blank("k", &[], "%", direction)
        }
        .into_kpi(Utc::now());
        k.tolerance = None;
        k
    }

    #[test]
    fn each_period_is_met_within_tolerance_or_missed_in_the_kpis_direction() {
        use PeriodStatus::*;
        let up = Direction::HigherIsBetter;
        let down = Direction::LowerIsBetter;
        assert_eq!(period_status(up, 99.5, Some(0.3), 99.7), Met);
        assert_eq!(period_status(up, 99.5, Some(0.3), 99.2), WithinTolerance);
        assert_eq!(period_status(up, 99.5, Some(0.3), 99.1), Missed);
        assert_eq!(period_status(up, 99.5, None, 99.4), Missed);
        assert_eq!(period_status(down, 4.0, Some(0.5), 4.0), Met);
        assert_eq!(period_status(down, 4.0, Some(0.5), 4.5), WithinTolerance);
        assert_eq!(period_status(down, 4.0, Some(0.5), 6.0), Missed);
        // 0.1 + 0.2 is not exactly 0.3: still met.
        assert_eq!(period_status(up, 0.3, None, 0.1 + 0.2), Met);

        let k = kpi(up, &[99.7, 98.0, 99.6], Some(99.5));
        assert_eq!(k.statuses(), vec![Some(Met), Some(Missed), Some(Met)]);
        assert_eq!(k.status(), Some(Met));
        assert_eq!(k.met(), Some(true));
        assert_eq!(k.value(), Some(99.6));
        let none = kpi(up, &[], Some(4.0));
        assert_eq!(none.met(), None);
        assert_eq!(none.status_label(), "No data");
        let no_target = kpi(down, &[3.0], None);
        assert_eq!(no_target.statuses(), vec![None]);
        assert_eq!(kpi(down, &[6.0], Some(4.0)).status_label(), "Missed");
    }

    #[test]
    fn a_missed_kpi_is_acted_upon_by_a_decision_or_a_linked_finding_that_exists() {
        let mut k = kpi(Direction::HigherIsBetter, &[90.0, 88.0], Some(95.0));
        assert!(k.not_acted_upon(&[]));
        k.decision = "Reviewed at the management review of 2026-10.".into();
        assert!(!k.not_acted_upon(&[]));
        k.decision = "   ".into();
        let finding = crate::demo::demo(0).findings.remove(0);
        let finding = Finding::new(finding.validated(Catalogue::builtin()).unwrap(), Utc::now());
        k.finding_ids = vec![finding.id];
        assert!(!k.not_acted_upon(std::slice::from_ref(&finding)));
        // A link to a finding that was deleted does not count.
        assert!(k.not_acted_upon(&[]));
        // A KPI that meets its target needs no action.
        let met = kpi(Direction::HigherIsBetter, &[96.0], Some(95.0));
        assert!(!met.not_acted_upon(&[]));
        let row = KpiRow::new(k, &[]);
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(json["status"], "missed");
        assert_eq!(json["statuses"], serde_json::json!(["missed", "missed"]));
        assert_eq!(json["not_acted_upon"], true);
        assert_eq!(json["measurements"][1]["value"], 88.0);
    }

    #[test]
    fn a_kpi_of_an_older_file_with_one_value_reads_as_one_measurement() {
        let json = serde_json::json!({
            "id": Uuid::new_v4(), "name": "Change success rate", "clause_ids": ["8.5.1.3"],
            "unit": "%", "direction": "higher_is_better", "value": 96.4, "target": 95.0,
            "period": "Q3 2026", "source": "ServiceNow",
            "created_at": "2026-10-01T09:00:00Z", "updated_at": "2026-10-01T09:00:00Z"
        });
        let k: Kpi = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(k.measurements, vec![m("Q3 2026", 96.4)]);
        assert_eq!(k.met(), Some(true));
        let mut unperiod = json.clone();
        unperiod["period"] = "".into();
        let k: Kpi = serde_json::from_value(unperiod).unwrap();
        assert_eq!(k.measurements[0].period, "Recorded earlier");
        let mut unmeasured = json;
        unmeasured["value"] = serde_json::Value::Null;
        let k: Kpi = serde_json::from_value(unmeasured).unwrap();
        assert!(k.measurements.is_empty());
        // Written back, it has a series and no single value.
        let out = serde_json::to_value(&k).unwrap();
        assert!(out.get("value").is_none() && out.get("measurements").is_some());
    }

    #[test]
    fn suggestions_are_valid_linked_to_real_clauses_and_cover_what_matters() {
        let cat = Catalogue::builtin();
        let all = suggestions();
        for s in &all {
            assert_eq!(s.validated(cat).as_ref(), Ok(s), "{}", s.name);
            assert!(s.target.is_some() && !s.definition.is_empty(), "{}", s.name);
        }
        for name in [
            "Service availability",
            "Mean time between service incidents",
            "Major incidents per service",
            "Change success rate",
            "Emergency changes",
            "Changes causing incidents",
            "Mean time to restore service",
            "User satisfaction",
            "Service complaints",
            "SLA attainment",
        ] {
            assert!(all.iter().any(|s| s.name == name), "{name}");
        }
    }

    #[test]
    fn every_kpi_line_of_the_catalogue_can_be_adopted() {
        let cat = Catalogue::builtin();
        let mut n = 0;
        for c in &cat.clauses {
            for line in &c.kpis {
                let k = adopt(&c.id, line);
                assert_eq!(k.validated(cat).as_ref(), Ok(&k), "{line}");
                assert_eq!(k.clause_ids, std::slice::from_ref(&c.id));
                n += 1;
            }
        }
        assert!(n >= 140, "{n}");
        let k = adopt("8.5.1.3", "Changes causing incidents (%)");
        assert_eq!(
            (k.name.as_str(), k.unit.as_str(), k.direction),
            ("Changes causing incidents", "%", Direction::LowerIsBetter)
        );
        let k = adopt("7.5.1", "Documents past their review date (count)");
        assert_eq!(
            (k.unit.as_str(), k.direction),
            ("count", Direction::LowerIsBetter)
        );
        let k = adopt("8.6.1", "Mean time to restore service (MTRS)");
        assert_eq!(
            (k.name.as_str(), k.unit.as_str(), k.direction),
            (
                "Mean time to restore service",
                "hours",
                Direction::LowerIsBetter
            )
        );
        let k = adopt(
            "4.1",
            "Context review completed within planned interval (yes/no)",
        );
        assert_eq!(k.unit, "yes/no");
        let k = adopt(
            "8.2.5",
            "Licence compliance position (entitlements minus deployments)",
        );
        assert_eq!(
            k.name,
            "Licence compliance position (entitlements minus deployments)"
        );
        assert_eq!(
            adopt("8.7.1", "Availability (%)").direction,
            Direction::HigherIsBetter
        );
        assert_eq!(
            adopt("8.5.1.1", "Emergency changes as % of all changes").unit,
            "%"
        );
    }

    #[test]
    fn input_is_checked() {
        let cat = Catalogue::builtin();
        let mut k = suggestions().remove(0);
        k.clause_ids = vec!["9.1".into(), "8.7.1".into(), "9.1".into()];
        assert_eq!(k.validated(cat).unwrap().clause_ids, ["8.7.1", "9.1"]);
        k.clause_ids.push("12.4".into());
        assert!(matches!(
            k.validated(cat),
            Err(ValidationError::UnknownClause { .. })
        ));
        let base = suggestions().remove(0);
        let err = |k: KpiInput| k.validated(cat).unwrap_err();
        assert_eq!(
            err(KpiInput {
                target: Some(f64::NAN),
                ..base.clone()
            })
            .field(),
            Field::KpiValue
        );
        assert_eq!(
            err(KpiInput {
                tolerance: Some(-1.0),
                ..base.clone()
            }),
            ValidationError::NegativeTolerance
        );
        assert_eq!(
            err(KpiInput {
                measurements: vec![m("2026-09", 99.0), m(" 2026-09 ", 98.0)],
                ..base.clone()
            }),
            ValidationError::DuplicatePeriod {
                period: "2026-09".into()
            }
        );
        assert_eq!(
            err(KpiInput {
                measurements: vec![m("  ", 99.0)],
                ..base.clone()
            })
            .field(),
            Field::KpiPeriod
        );
        assert_eq!(
            err(KpiInput {
                measurements: vec![m("2026-09", f64::INFINITY)],
                ..base.clone()
            })
            .field(),
            Field::KpiValue
        );
        assert!(matches!(
            err(KpiInput {
                measurements: (0..=MAX_MEASUREMENTS)
                    .map(|i| m(&i.to_string(), 1.0))
                    .collect(),
                ..base.clone()
            }),
            ValidationError::TooManyMeasurements { .. }
        ));
        let id = Uuid::new_v4();
        let ok = KpiInput {
            finding_ids: vec![id, id],
            owner: "  Katrin Albers ".into(),
            measurements: vec![Measurement {
                period: "Q3 2026 — Łódź".into(),
                value: 99.1,
                note: "Outage on 12 Sept; 東京 mirror".into(),
            }],
            ..base.clone()
        }
        .validated(cat)
        .unwrap();
        assert_eq!(ok.finding_ids, [id]);
        assert_eq!(ok.owner, "Katrin Albers");
        let mut k = base;
        k.name = String::new();
        assert_eq!(k.validated(cat).unwrap_err().field(), Field::KpiName);
    }
}
