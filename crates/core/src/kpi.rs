//! Service KPIs: "measure what matters". Each KPI evidences one or more
//! clauses, and is met or not by comparing its value with its target in the
//! KPI's own direction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::validation::{optional_line, optional_text, required_line, Field, ValidationError};

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kpi {
    pub id: Uuid,
    pub name: String,
    /// The clauses this KPI evidences, e.g. `["8.7.1", "9.1"]`.
    pub clause_ids: Vec<String>,
    pub unit: String,
    pub direction: Direction,
    pub value: Option<f64>,
    pub target: Option<f64>,
    /// The period the value covers, e.g. "Q3 2026".
    pub period: String,
    /// Where the value comes from, e.g. "ITSM tool monthly report".
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Kpi {
    /// `None` until both value and target are known.
    pub fn met(&self) -> Option<bool> {
        let (value, target) = (self.value?, self.target?);
        Some(match self.direction {
            Direction::HigherIsBetter => value >= target,
            Direction::LowerIsBetter => value <= target,
        })
    }

    /// [`Kpi::met`] in words: "Met", "Not met" or "No data".
    pub fn status_label(&self) -> &'static str {
        match self.met() {
            Some(true) => "Met",
            Some(false) => "Not met",
            None => "No data",
        }
    }
}

/// A KPI as the app lists it: with whether it meets its target
/// ([`Kpi::met`]), so that the list and the dashboard agree.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub kpi: Kpi,
    /// `None` until both value and target are known.
    pub met: Option<bool>,
}

impl From<Kpi> for KpiRow {
    fn from(kpi: Kpi) -> KpiRow {
        KpiRow {
            met: kpi.met(),
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
    pub value: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub source: String,
}

impl KpiInput {
    pub fn validated(&self, catalogue: &Catalogue) -> Result<KpiInput, ValidationError> {
        if let Some(id) = self
            .clause_ids
            .iter()
            .find(|id| catalogue.clause(id).is_none())
        {
            return Err(ValidationError::UnknownClause { id: id.clone() });
        }
        for number in [self.value, self.target].into_iter().flatten() {
            if !number.is_finite() {
                return Err(ValidationError::NotANumber {
                    field: Field::KpiValue,
                });
            }
        }
        let mut clause_ids = self.clause_ids.clone();
        clause_ids.sort_by(|a, b| crate::catalogue::compare_clause_ids(a, b));
        clause_ids.dedup();
        Ok(KpiInput {
            name: required_line(Field::KpiName, &self.name)?,
            clause_ids,
            unit: optional_line(Field::KpiUnit, &self.unit)?,
            direction: self.direction,
            value: self.value,
            target: self.target,
            period: optional_line(Field::KpiPeriod, &self.period)?,
            source: optional_text(Field::KpiSource, &self.source)?,
        })
    }
}

/// KPIs worth proposing for a service management system, each tied to the
/// clauses it evidences.
pub fn suggestions() -> Vec<KpiInput> {
    let s = |name: &str, clauses: &[&str], unit: &str, direction, target: f64| KpiInput {
        name: name.to_owned(),
        clause_ids: clauses.iter().map(|c| (*c).to_owned()).collect(),
        unit: unit.to_owned(),
        direction,
        value: None,
        target: Some(target),
        period: String::new(),
        source: String::new(),
    };
    use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
    vec![
        s("Service availability", &["8.7.1", "9.1"], "%", Up, 99.5),
        s("Change success rate", &["8.5.1.3", "9.1"], "%", Up, 95.0),
        s(
            "Emergency changes",
            &["8.5.1.1", "8.5.1.3"],
            "% of changes",
            Down,
            10.0,
        ),
        s(
            "Mean time to restore service",
            &["8.6.1", "9.1"],
            "hours",
            Down,
            4.0,
        ),
        s(
            "Incidents resolved within SLA",
            &["8.3.3", "8.6.1"],
            "%",
            Up,
            90.0,
        ),
        s("SLA attainment", &["8.3.3", "9.4"], "%", Up, 95.0),
        s("User satisfaction", &["8.3.2", "9.1"], "/ 5", Up, 4.0),
        s(
            "Service requests fulfilled on time",
            &["8.6.2"],
            "%",
            Up,
            90.0,
        ),
        s("Known errors with a workaround", &["8.6.3"], "%", Up, 80.0),
        s("Successful continuity tests", &["8.7.2"], "%", Up, 100.0),
        s(
            "Audit findings closed on time",
            &["9.2", "10.1"],
            "%",
            Up,
            90.0,
        ),
        s(
            "Improvement actions closed on time",
            &["10.2"],
            "%",
            Up,
            80.0,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(direction: Direction, value: Option<f64>, target: Option<f64>) -> Kpi {
        Kpi {
            id: Uuid::new_v4(),
            name: "k".into(),
            clause_ids: vec![],
            unit: String::new(),
            direction,
            value,
            target,
            period: String::new(),
            source: String::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn met_follows_the_direction() {
        assert_eq!(
            kpi(Direction::HigherIsBetter, Some(99.7), Some(99.5)).met(),
            Some(true)
        );
        assert_eq!(
            kpi(Direction::HigherIsBetter, Some(98.0), Some(99.5)).met(),
            Some(false)
        );
        assert_eq!(
            kpi(Direction::LowerIsBetter, Some(3.5), Some(4.0)).met(),
            Some(true)
        );
        assert_eq!(
            kpi(Direction::LowerIsBetter, Some(4.0), Some(4.0)).met(),
            Some(true)
        );
        assert_eq!(
            kpi(Direction::LowerIsBetter, Some(6.0), Some(4.0)).met(),
            Some(false)
        );
        assert_eq!(kpi(Direction::HigherIsBetter, None, Some(4.0)).met(), None);
        assert_eq!(
            kpi(Direction::HigherIsBetter, None, Some(4.0)).status_label(),
            "No data"
        );
        assert_eq!(
            kpi(Direction::LowerIsBetter, Some(6.0), Some(4.0)).status_label(),
            "Not met"
        );
    }

    #[test]
    fn a_listed_kpi_carries_whether_it_is_met_beside_its_fields() {
        let row = KpiRow::from(kpi(Direction::LowerIsBetter, Some(5.5), Some(4.0)));
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(json["met"], serde_json::json!(false));
        assert_eq!(json["value"], serde_json::json!(5.5));
        assert_eq!(json["direction"], serde_json::json!("lower_is_better"));
        let unmeasured = KpiRow::from(kpi(Direction::HigherIsBetter, None, Some(4.0)));
        assert_eq!(
            serde_json::to_value(&unmeasured).unwrap()["met"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn suggestions_are_valid_and_linked_to_real_clauses() {
        let cat = Catalogue::builtin();
        let all = suggestions();
        assert!(all.len() >= 10);
        for s in &all {
            assert_eq!(s.validated(cat).as_ref(), Ok(s), "{}", s.name);
        }
        for name in [
            "Service availability",
            "Change success rate",
            "Mean time to restore service",
            "User satisfaction",
            "SLA attainment",
        ] {
            assert!(all.iter().any(|s| s.name == name), "{name}");
        }
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
        let mut k = suggestions().remove(0);
        k.value = Some(f64::NAN);
        assert!(k.validated(cat).is_err());
        k.value = Some(1.0);
        k.name = String::new();
        assert_eq!(k.validated(cat).unwrap_err().field(), Field::KpiName);
    }
}
