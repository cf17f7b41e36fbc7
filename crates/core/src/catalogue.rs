//! Framework catalogues: the clause tree an assessment walks, with our own
//! guidance for every clause. The file format is documented in
//! `crates/core/catalogue/README.md`; the built-in catalogue, ISO/IEC
//! 20000-1:2018 with Amendment 1:2024, is embedded at build time.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::itil;

pub const FORMAT: &str = "clausewise-catalogue";
/// The newest catalogue format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

const BUILTIN_JSON: &str = include_str!("../catalogue/iso-iec-20000-1-2018-amd1-2024.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Catalogue {
    pub format: String,
    pub format_version: u32,
    /// Stable identifier of the framework, e.g. `iso-iec-20000-1`.
    pub id: String,
    /// Edition of the framework, e.g. `2018+A1:2024`.
    pub version: String,
    /// Earlier editions whose assessments this catalogue reads, e.g. `2018`:
    /// the clause ids are the same, only the guidance changed.
    #[serde(default)]
    pub supersedes: Vec<String>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub maturity_levels: Vec<MaturityLevel>,
    pub clauses: Vec<Clause>,
}

/// One step of the maturity scale with what it looks like for an SMS
/// requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MaturityLevel {
    pub level: u8,
    pub name: String,
    pub descriptor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Clause {
    /// Dotted clause number, e.g. `8.5.1.2`.
    pub id: String,
    pub title: String,
    pub parent: Option<String>,
    /// Introduction of a group of requirements (clauses with children).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub intro: Option<String>,
    /// What an assessable requirement expects, in our own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub summary: Option<String>,
    /// Questions to ask in the workshop.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Records, documents and tool views to look for.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Documented information the standard expects for this requirement.
    #[serde(default)]
    pub documented_information: Vec<String>,
    /// ITIL 4 practices that usually support the requirement, in their
    /// canonical spelling.
    #[serde(default)]
    pub itil_practices: Vec<String>,
    /// A requirement on governing the management system itself (leadership,
    /// roles, documented information, audit, review, corrective action),
    /// which no ITIL 4 practice covers: it lists no practices.
    #[serde(default)]
    pub sms_governance: bool,
    /// KPIs that evidence the requirement.
    #[serde(default)]
    pub kpis: Vec<String>,
    /// True for leaves: the requirements that get a maturity level.
    /// Derived from the tree when the catalogue is loaded (a value in the
    /// file is ignored).
    #[serde(default)]
    pub assessable: bool,
    /// 0 for top-level clauses. Derived when the catalogue is loaded.
    #[serde(default)]
    pub depth: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("The catalogue is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("This is not a Clausewise catalogue (format is {found:?}, expected {FORMAT:?}).")]
    NotACatalogue { found: String },
    #[error(
        "The catalogue uses format version {found}, newer than this Clausewise reads \
         (up to {FORMAT_VERSION}). Update Clausewise to use it."
    )]
    NewerFormat { found: u32 },
    #[error("The catalogue field {field} is empty.")]
    EmptyField { field: &'static str },
    #[error("The catalogue has no clauses.")]
    NoClauses,
    #[error("Clause {id:?}: the id must be clause numbers separated by dots, such as 8.5.1.")]
    MalformedId { id: String },
    #[error("Clause {id}: the id is used more than once.")]
    DuplicateId { id: String },
    #[error("Clause {id}: its title is empty.")]
    EmptyTitle { id: String },
    #[error("Clause {id}: its parent {parent} is not listed before it.")]
    UnknownParent { id: String, parent: String },
    #[error("Clause {id}: its number does not continue its parent's ({parent}).")]
    ParentMismatch { id: String, parent: String },
    #[error("Clause {id}: {practice:?} is not one of the 34 ITIL 4 practice names.")]
    UnknownPractice { id: String, practice: String },
    #[error(
        "Clause {id}: a requirement marked as SMS governance has no ITIL 4 practice \
         equivalent, so it lists no ITIL practices."
    )]
    GovernanceWithPractices { id: String },
    #[error(
        "Clause {id}: only an assessable requirement can be marked as SMS governance, \
         not a clause with sub-clauses."
    )]
    GovernanceOnGroup { id: String },
    #[error(
        "The catalogue supersedes {found:?}: a superseded version must be an earlier \
         version, named once and different from the catalogue's own."
    )]
    SupersededVersion { found: String },
    #[error("Clause {id}: an assessable requirement needs a summary and at least one question.")]
    MissingGuidance { id: String },
    #[error("Clause {id}: a clause with sub-clauses needs an introduction.")]
    MissingIntro { id: String },
    #[error(
        "The maturity scale must list levels 0 to 5 in order, each with a name and a descriptor."
    )]
    MaturityScale,
}

impl Catalogue {
    /// Parses and validates a catalogue file; on success the derived fields
    /// (`assessable`, `depth`) are filled in and ITIL practices carry their
    /// canonical names.
    pub fn parse(json: &str) -> Result<Catalogue, CatalogueError> {
        // Read the header first so a newer format is reported as such rather
        // than as whatever field it renamed.
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            format_version: Option<u32>,
        }
        let json_error = |e: serde_json::Error| CatalogueError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        let header: Header = serde_json::from_str(json).map_err(json_error)?;
        let format = header.format.unwrap_or_default();
        if format != FORMAT {
            return Err(CatalogueError::NotACatalogue { found: format });
        }
        if let Some(found) = header.format_version.filter(|v| *v > FORMAT_VERSION) {
            return Err(CatalogueError::NewerFormat { found });
        }
        let mut catalogue: Catalogue = serde_json::from_str(json).map_err(json_error)?;
        catalogue.validate_and_derive()?;
        Ok(catalogue)
    }

    /// The built-in ISO/IEC 20000-1:2018 + Amd 1:2024 catalogue.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // Validated by the tests of this module; a failure here is a
            // build defect, not a user error.
            Catalogue::parse(BUILTIN_JSON).expect("built-in catalogue is valid")
        })
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    pub fn assessable(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.assessable)
    }

    /// The framework as printed: its title, which names the edition
    /// ("ISO/IEC 20000-1:2018 + Amd 1:2024" for version "2018+A1:2024"), or
    /// the title and the edition when the title leaves it out ("Our own
    /// controls, 2025").
    pub fn standard(&self) -> String {
        let (title, version) = (self.title.trim(), self.version.trim());
        if names_edition(title, version) {
            title.to_owned()
        } else {
            format!("{title}, {version}")
        }
    }

    /// Whether an assessment recorded against catalogue `id` at `version` is
    /// read with this catalogue: this edition or one it supersedes.
    pub fn accepts(&self, id: &str, version: &str) -> bool {
        id == self.id && (version == self.version || self.supersedes.iter().any(|v| v == version))
    }

    /// The version an assessment recorded against catalogue `id` at
    /// `version` follows once read with this catalogue: this catalogue's own
    /// for an edition it supersedes; any other version as it is.
    pub fn current_version<'a>(&'a self, id: &str, version: &'a str) -> &'a str {
        if self.accepts(id, version) {
            &self.version
        } else {
            version
        }
    }

    pub fn top_level(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.parent.is_none())
    }

    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Clause> + 'a {
        self.clauses
            .iter()
            .filter(move |c| c.parent.as_deref() == Some(id))
    }

    fn validate_and_derive(&mut self) -> Result<(), CatalogueError> {
        for (field, value) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
        ] {
            if value.trim().is_empty() {
                return Err(CatalogueError::EmptyField { field });
            }
        }
        let scale_ok = self.maturity_levels.len() == 6
            && self.maturity_levels.iter().enumerate().all(|(i, l)| {
                usize::from(l.level) == i
                    && !l.name.trim().is_empty()
                    && !l.descriptor.trim().is_empty()
            });
        if !scale_ok {
            return Err(CatalogueError::MaturityScale);
        }
        if self.clauses.is_empty() {
            return Err(CatalogueError::NoClauses);
        }
        for version in &mut self.supersedes {
            *version = version.trim().to_owned();
        }
        let mut superseded = HashSet::new();
        if let Some(found) = self.supersedes.iter().find(|v| {
            v.is_empty() || v.as_str() == self.version.trim() || !superseded.insert(v.as_str())
        }) {
            return Err(CatalogueError::SupersededVersion {
                found: found.clone(),
            });
        }

        let mut seen: HashMap<&str, u8> = HashMap::new();
        // Each clause's practices in their canonical spelling, in clause order.
        let mut practices: Vec<Vec<String>> = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            let id = clause.id.as_str();
            if !is_clause_number(id) {
                return Err(CatalogueError::MalformedId { id: id.into() });
            }
            if seen.contains_key(id) {
                return Err(CatalogueError::DuplicateId { id: id.into() });
            }
            if clause.title.trim().is_empty() {
                return Err(CatalogueError::EmptyTitle { id: id.into() });
            }
            let depth = match clause.parent.as_deref() {
                None => 0,
                Some(parent) => {
                    let parent_depth =
                        *seen
                            .get(parent)
                            .ok_or_else(|| CatalogueError::UnknownParent {
                                id: id.into(),
                                parent: parent.into(),
                            })?;
                    let continues = id
                        .strip_prefix(parent)
                        .and_then(|rest| rest.strip_prefix('.'))
                        .is_some_and(|rest| !rest.contains('.'));
                    if !continues {
                        return Err(CatalogueError::ParentMismatch {
                            id: id.into(),
                            parent: parent.into(),
                        });
                    }
                    parent_depth.saturating_add(1)
                }
            };
            let canonical = canonical_practices(id, &clause.itil_practices)?;
            if clause.sms_governance && !canonical.is_empty() {
                return Err(CatalogueError::GovernanceWithPractices { id: id.into() });
            }
            practices.push(canonical);
            seen.insert(id, depth);
        }

        let parents: HashSet<String> = self
            .clauses
            .iter()
            .filter_map(|c| c.parent.clone())
            .collect();
        let depths: HashMap<String, u8> =
            seen.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        for (clause, practices) in self.clauses.iter_mut().zip(practices) {
            clause.itil_practices = practices;
            clause.assessable = !parents.contains(&clause.id);
            clause.depth = depths[&clause.id];
            if clause.assessable {
                let has_summary = clause
                    .summary
                    .as_deref()
                    .is_some_and(|s| !s.trim().is_empty());
                if !has_summary || clause.questions.is_empty() {
                    return Err(CatalogueError::MissingGuidance {
                        id: clause.id.clone(),
                    });
                }
            } else if clause.intro.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(CatalogueError::MissingIntro {
                    id: clause.id.clone(),
                });
            } else if clause.sms_governance {
                return Err(CatalogueError::GovernanceOnGroup {
                    id: clause.id.clone(),
                });
            }
        }
        Ok(())
    }
}

/// A clause's practices as ITIL 4 spells them (any letter case and former
/// names are accepted in a file), each once, in the file's order.
fn canonical_practices(id: &str, names: &[String]) -> Result<Vec<String>, CatalogueError> {
    let mut practices: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let practice = itil::canonical(name).ok_or_else(|| CatalogueError::UnknownPractice {
            id: id.into(),
            practice: name.clone(),
        })?;
        if !practices.iter().any(|p| p == practice) {
            practices.push(practice.to_owned());
        }
    }
    Ok(practices)
}

/// Whether a title already names the edition: it contains the version, or
/// the version's numbers appear among the title's numbers in the same order
/// ("2018+A1:2024" in "ISO/IEC 20000-1:2018 + Amd 1:2024").
fn names_edition(title: &str, version: &str) -> bool {
    fn numbers(text: &str) -> impl Iterator<Item = &str> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
    }
    if title.contains(version) {
        return true;
    }
    let mut in_title = numbers(title);
    let mut wanted = numbers(version).peekable();
    wanted.peek().is_some() && wanted.all(|n| in_title.any(|t| t == n))
}

/// "4", "8.5.1.2": numbers without leading zeros, separated by single dots.
fn is_clause_number(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty()
                && part.len() <= 3
                && part.bytes().all(|b| b.is_ascii_digit())
                && !(part.len() > 1 && part.starts_with('0'))
        })
}

/// Orders clause numbers numerically (`8.10` after `8.9`).
pub fn compare_clause_ids(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| -> Vec<u32> {
        s.split('.')
            .map(|p| p.parse().unwrap_or(u32::MAX))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = "\
4 Context of the organization
4.1 Understanding the organization and its context
4.2 Understanding the needs and expectations of interested parties
4.3 Determining the scope of the service management system
4.4 Service management system
5 Leadership
5.1 Leadership and commitment
5.2 Policy
5.2.1 Establishing the service management policy
5.2.2 Communicating the service management policy
5.3 Organizational roles, responsibilities and authorities
6 Planning
6.1 Actions to address risks and opportunities
6.2 Service management objectives and planning to achieve them
6.2.1 Establish objectives
6.2.2 Plan to achieve objectives
6.3 Plan the service management system
7 Support of the service management system
7.1 Resources
7.2 Competence
7.3 Awareness
7.4 Communication
7.5 Documented information
7.5.1 General
7.5.2 Creating and updating documented information
7.5.3 Control of documented information
7.5.4 Service management system documented information
7.6 Knowledge
8 Operation of the service management system
8.1 Operational planning and control
8.2 Service portfolio
8.2.1 Service delivery
8.2.2 Plan the services
8.2.3 Control of parties involved in the service lifecycle
8.2.4 Service catalogue management
8.2.5 Asset management
8.2.6 Configuration management
8.3 Relationship and agreement
8.3.1 General
8.3.2 Business relationship management
8.3.3 Service level management
8.3.4 Supplier management
8.3.4.1 Management of external suppliers
8.3.4.2 Management of internal suppliers and customers acting as a supplier
8.4 Supply and demand
8.4.1 Budgeting and accounting for services
8.4.2 Demand management
8.4.3 Capacity management
8.5 Service design, build and transition
8.5.1 Change management
8.5.1.1 Change management policy
8.5.1.2 Change management initiation
8.5.1.3 Change management activities
8.5.2 Service design and transition
8.5.2.1 Plan new or changed services
8.5.2.2 Design
8.5.2.3 Build and transition
8.5.3 Release and deployment management
8.6 Resolution and fulfilment
8.6.1 Incident management
8.6.2 Service request management
8.6.3 Problem management
8.7 Service assurance
8.7.1 Service availability management
8.7.2 Service continuity management
8.7.3 Information security management
8.7.3.1 Information security policy
8.7.3.2 Information security controls
8.7.3.3 Information security incidents
9 Performance evaluation
9.1 Monitoring, measurement, analysis and evaluation
9.2 Internal audit
9.3 Management review
9.4 Service reporting
10 Improvement
10.1 Nonconformity and corrective action
10.2 Continual improvement";

    #[test]
    fn the_standard_is_named_once_with_its_edition() {
        let builtin = Catalogue::builtin();
        assert_eq!(builtin.standard(), "ISO/IEC 20000-1:2018 + Amd 1:2024");
        let named = |title: &str, version: &str| {
            Catalogue {
                title: title.into(),
                version: version.into(),
                ..builtin.clone()
            }
            .standard()
        };
        assert_eq!(named("Our own controls", "2025"), "Our own controls, 2025");
        assert_eq!(
            named("ISO/IEC 20000-1:2018", "2018"),
            "ISO/IEC 20000-1:2018"
        );
        assert_eq!(
            named("ISO/IEC 20000-1:2018", "2018+A1:2024"),
            "ISO/IEC 20000-1:2018, 2018+A1:2024",
            "a title without the amendment does not name this edition"
        );
        assert_eq!(named("Controls v2", "2"), "Controls v2");
        assert_eq!(named("Controls", "draft"), "Controls, draft");
    }

    #[test]
    fn assessments_of_the_superseded_edition_are_read_as_the_current_one() {
        let cat = Catalogue::builtin();
        assert_eq!(cat.supersedes, ["2018"]);
        assert!(cat.accepts("iso-iec-20000-1", "2018+A1:2024"));
        assert!(cat.accepts("iso-iec-20000-1", "2018"));
        assert!(!cat.accepts("iso-iec-20000-1", "2027"));
        assert!(!cat.accepts("iso-iec-27001", "2018"));
        assert_eq!(
            cat.current_version("iso-iec-20000-1", "2018"),
            "2018+A1:2024"
        );
        assert_eq!(
            cat.current_version("iso-iec-20000-1", "2018+A1:2024"),
            "2018+A1:2024"
        );
        assert_eq!(cat.current_version("iso-iec-20000-1", "2027"), "2027");
        assert_eq!(cat.current_version("own", "2018"), "2018");
    }

    #[test]
    fn builtin_catalogue_is_the_full_20000_1_tree() {
        let cat = Catalogue::builtin();
        assert_eq!(cat.id, "iso-iec-20000-1");
        assert_eq!(cat.version, "2018+A1:2024");
        assert_eq!(cat.title, "ISO/IEC 20000-1:2018 + Amd 1:2024");
        assert!(
            cat.description.contains("Amendment 1:2024"),
            "{}",
            cat.description
        );
        let expected: Vec<(&str, &str)> = TREE
            .lines()
            .map(|l| l.split_once(' ').expect("id and title"))
            .collect();
        let actual: Vec<(&str, &str)> = cat
            .clauses
            .iter()
            .map(|c| (c.id.as_str(), c.title.as_str()))
            .collect();
        assert_eq!(actual, expected);
        assert_eq!(cat.clauses.len(), 77);
        assert_eq!(cat.assessable().count(), 57);
        let tops: Vec<&str> = cat.top_level().map(|c| c.id.as_str()).collect();
        assert_eq!(tops, ["4", "5", "6", "7", "8", "9", "10"]);
        assert_eq!(cat.clause("8.5.1.2").map(|c| c.depth), Some(3));
        assert_eq!(cat.maturity_levels[3].name, "Established");
    }

    #[test]
    fn every_requirement_has_full_guidance() {
        for c in Catalogue::builtin().assessable() {
            assert!((3..=6).contains(&c.questions.len()), "{} questions", c.id);
            assert!((3..=6).contains(&c.evidence.len()), "{} evidence", c.id);
            let practices = if c.sms_governance { 0..=0 } else { 1..=4 };
            assert!(
                practices.contains(&c.itil_practices.len()),
                "{} practices",
                c.id
            );
            for p in &c.itil_practices {
                assert_eq!(itil::canonical(p), Some(p.as_str()), "{}", c.id);
            }
            assert!(
                (1..=3).contains(&sentences(c.summary.as_deref().unwrap_or_default())),
                "{} summary has more than three sentences",
                c.id
            );
            assert!((1..=4).contains(&c.kpis.len()), "{} kpis", c.id);
            assert!(c.intro.is_none(), "{} is a leaf with an intro", c.id);
        }
        for c in Catalogue::builtin()
            .clauses
            .iter()
            .filter(|c| !c.assessable)
        {
            assert!(
                c.summary.is_none() && c.questions.is_empty(),
                "{} is a group",
                c.id
            );
        }
    }

    /// Sentences in a summary: full stops followed by a space or the end.
    fn sentences(text: &str) -> usize {
        text.trim_end().matches(". ").count() + usize::from(text.trim_end().ends_with('.'))
    }

    #[test]
    fn the_management_system_requirements_have_no_itil_equivalent() {
        let cat = Catalogue::builtin();
        let governance: Vec<&str> = cat
            .assessable()
            .filter(|c| c.sms_governance)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            governance,
            ["5.1", "5.3", "7.5.1", "7.5.2", "7.5.3", "7.5.4", "9.2", "9.3", "10.1"]
        );
        let practices = |id: &str| cat.clause(id).map(|c| c.itil_practices.clone()).unwrap();
        assert!(!practices("7.1").contains(&"Capacity and performance management".into()));
        assert!(!practices("8.2.1").contains(&"Service desk".into()));
        for id in ["8.5.2.3", "8.5.3"] {
            let c = cat.clause(id).unwrap();
            assert!(c.assessable, "{id}");
            assert!(
                c.itil_practices
                    .contains(&"Software development and management".into()),
                "{id}"
            );
        }
    }

    #[test]
    fn the_amendment_on_climate_action_is_in_the_guidance() {
        let cat = Catalogue::builtin();
        for id in ["4.1", "4.2"] {
            let c = cat.clause(id).unwrap();
            let mentions =
                |texts: &[String]| texts.iter().any(|t| t.to_lowercase().contains("climate"));
            assert!(
                c.summary.as_deref().unwrap().contains("climate"),
                "{id} summary"
            );
            assert!(mentions(&c.questions), "{id} questions");
            assert!(mentions(&c.evidence), "{id} evidence");
        }
    }

    #[test]
    fn kpis_sit_with_the_requirement_they_evidence() {
        let cat = Catalogue::builtin();
        let has =
            |id: &str, kpi: &str| cat.clause(id).unwrap().kpis.iter().any(|k| k.contains(kpi));
        assert!(has("8.6.1", "Mean time to restore service"));
        assert!(!has("8.3.3", "Mean time to restore service"));
        assert!(!has("7.6", "First-time fix"));
    }

    fn minimal() -> serde_json::Value {
        serde_json::json!({
            "format": FORMAT,
            "format_version": 1,
            "id": "own-framework",
            "version": "1",
            "title": "Own framework",
            "maturity_levels": (0..=5).map(|l| serde_json::json!({
                "level": l, "name": format!("L{l}"), "descriptor": "d"
            })).collect::<Vec<_>>(),
            "clauses": [
                {"id": "1", "title": "Group", "parent": null, "intro": "About the group."},
                {"id": "1.1", "title": "Leaf", "parent": "1", "summary": "Expects things.",
                 "questions": ["Why?"], "itil_practices": ["Service desk"]}
            ]
        })
    }

    fn parse_with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Catalogue, CatalogueError> {
        let mut value = minimal();
        edit(&mut value);
        Catalogue::parse(&value.to_string())
    }

    #[test]
    fn a_minimal_own_framework_loads() {
        let cat = parse_with(|_| {}).unwrap();
        assert!(!cat.clauses[0].assessable);
        assert!(cat.clauses[1].assessable);
        assert!(!cat.clauses[1].sms_governance);
        assert!(cat.supersedes.is_empty());
        assert_eq!(cat.children("1").count(), 1);
    }

    #[test]
    fn practice_names_are_read_in_any_case_and_by_their_former_name() {
        let cat = parse_with(|v| {
            v["clauses"][1]["itil_practices"] = serde_json::json!([
                "change control",
                "SERVICE DESK",
                "Change enablement",
                " Incident management "
            ])
        })
        .unwrap();
        assert_eq!(
            cat.clauses[1].itil_practices,
            ["Change enablement", "Service desk", "Incident management"]
        );
    }

    #[test]
    fn a_governance_requirement_and_superseded_versions_load() {
        let cat = parse_with(|v| {
            v["clauses"][1]["sms_governance"] = true.into();
            v["clauses"][1]["itil_practices"] = serde_json::json!([]);
            v["version"] = "2".into();
            v["supersedes"] = serde_json::json!([" 1 "]);
        })
        .unwrap();
        assert!(cat.clauses[1].sms_governance);
        assert!(cat.accepts("own-framework", "1"));
        assert_eq!(cat.current_version("own-framework", "1"), "2");
    }

    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;

    #[test]
    fn problems_are_reported_naming_the_entry() {
        let cases: Vec<(Edit, CatalogueError)> = vec![
            (
                Box::new(|v| v["clauses"][1]["id"] = "1.x".into()),
                CatalogueError::MalformedId { id: "1.x".into() },
            ),
            (
                Box::new(|v| v["clauses"][1]["id"] = "01".into()),
                CatalogueError::MalformedId { id: "01".into() },
            ),
            (
                Box::new(|v| v["clauses"][1]["id"] = "1".into()),
                CatalogueError::DuplicateId { id: "1".into() },
            ),
            (
                Box::new(|v| v["clauses"][1]["parent"] = "7".into()),
                CatalogueError::UnknownParent {
                    id: "1.1".into(),
                    parent: "7".into(),
                },
            ),
            (
                Box::new(|v| v["clauses"][1]["id"] = "2.1".into()),
                CatalogueError::ParentMismatch {
                    id: "2.1".into(),
                    parent: "1".into(),
                },
            ),
            (
                Box::new(|v| {
                    v["clauses"][1]["itil_practices"] = serde_json::json!(["Incident Mgmt"])
                }),
                CatalogueError::UnknownPractice {
                    id: "1.1".into(),
                    practice: "Incident Mgmt".into(),
                },
            ),
            (
                Box::new(|v| v["clauses"][1]["sms_governance"] = true.into()),
                CatalogueError::GovernanceWithPractices { id: "1.1".into() },
            ),
            (
                Box::new(|v| v["clauses"][0]["sms_governance"] = true.into()),
                CatalogueError::GovernanceOnGroup { id: "1".into() },
            ),
            (
                Box::new(|v| v["supersedes"] = serde_json::json!(["1"])),
                CatalogueError::SupersededVersion { found: "1".into() },
            ),
            (
                Box::new(|v| v["supersedes"] = serde_json::json!(["0.9", " "])),
                CatalogueError::SupersededVersion { found: "".into() },
            ),
            (
                Box::new(|v| v["supersedes"] = serde_json::json!(["0.9", "0.9"])),
                CatalogueError::SupersededVersion {
                    found: "0.9".into(),
                },
            ),
            (
                Box::new(|v| v["clauses"][1]["questions"] = serde_json::json!([])),
                CatalogueError::MissingGuidance { id: "1.1".into() },
            ),
            (
                Box::new(|v| v["clauses"][0]["intro"] = serde_json::Value::Null),
                CatalogueError::MissingIntro { id: "1".into() },
            ),
            (
                Box::new(|v| v["clauses"][1]["title"] = " ".into()),
                CatalogueError::EmptyTitle { id: "1.1".into() },
            ),
            (
                Box::new(|v| v["maturity_levels"][2]["level"] = 7.into()),
                CatalogueError::MaturityScale,
            ),
            (
                Box::new(|v| v["clauses"] = serde_json::json!([])),
                CatalogueError::NoClauses,
            ),
            (
                Box::new(|v| v["format_version"] = 2.into()),
                CatalogueError::NewerFormat { found: 2 },
            ),
            (
                Box::new(|v| v["format"] = "spreadsheet".into()),
                CatalogueError::NotACatalogue {
                    found: "spreadsheet".into(),
                },
            ),
        ];
        for (edit, expected) in cases {
            assert_eq!(parse_with(edit).unwrap_err(), expected);
        }
    }

    #[test]
    fn broken_json_says_where() {
        let err = Catalogue::parse("{\n  \"format\": ").unwrap_err();
        assert!(
            matches!(err, CatalogueError::Json { line: 2, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("line 2"));
    }

    #[test]
    fn clause_ids_sort_numerically() {
        let mut ids = vec!["10", "8.10", "8.9", "4", "8.5.1.2"];
        ids.sort_by(|a, b| compare_clause_ids(a, b));
        assert_eq!(ids, ["4", "8.5.1.2", "8.9", "8.10", "10"]);
    }
}
