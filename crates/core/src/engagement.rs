//! The engagement on record: what is in scope (services, sites, units and the
//! other parties of clause 8.2.3), who was interviewed about what, and the
//! evidence register the judgements rest on, with its attached files and
//! record samples.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::validation::{date_in_range, optional_line, optional_text, required_line};
use crate::{Field, ValidationError};

/// The service management processes of clause 8 that another party can
/// operate, as rows of the 8.2.3 matrix.
pub const SMS_PROCESSES: [&str; 18] = [
    "8.2.4", "8.2.5", "8.2.6", "8.3.2", "8.3.3", "8.3.4", "8.4.1", "8.4.2", "8.4.3", "8.5.1",
    "8.5.2", "8.5.3", "8.6.1", "8.6.2", "8.6.3", "8.7.1", "8.7.2", "8.7.3",
];

/// A file larger than this is refused: evidence is a document or an export
/// of records, not a disk image.
pub const MAX_ATTACHMENT_BYTES: u64 = 256 * 1024 * 1024;
/// At most this many files on one evidence item.
pub const MAX_FILES_PER_ITEM: usize = 100;

/// What an entry of the scope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    Service,
    Site,
    Unit,
    ExternalSupplier,
    InternalSupplier,
    CustomerAsSupplier,
}

impl ScopeKind {
    pub const ALL: [ScopeKind; 6] = [
        ScopeKind::Service,
        ScopeKind::Site,
        ScopeKind::Unit,
        ScopeKind::ExternalSupplier,
        ScopeKind::InternalSupplier,
        ScopeKind::CustomerAsSupplier,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScopeKind::Service => "Service",
            ScopeKind::Site => "Site",
            ScopeKind::Unit => "Organisational unit",
            ScopeKind::ExternalSupplier => "External supplier",
            ScopeKind::InternalSupplier => "Internal supplier",
            ScopeKind::CustomerAsSupplier => "Customer acting as a supplier",
        }
    }

    /// The plural heading of a group in the scope section.
    pub fn heading(self) -> &'static str {
        match self {
            ScopeKind::Service => "Services",
            ScopeKind::Site => "Sites",
            ScopeKind::Unit => "Organisational units",
            ScopeKind::ExternalSupplier => "External suppliers",
            ScopeKind::InternalSupplier => "Internal suppliers",
            ScopeKind::CustomerAsSupplier => "Customers acting as suppliers",
        }
    }

    /// The other parties of 8.2.3: they operate processes.
    pub fn is_party(self) -> bool {
        matches!(
            self,
            ScopeKind::ExternalSupplier
                | ScopeKind::InternalSupplier
                | ScopeKind::CustomerAsSupplier
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ScopeKind::Service => "service",
            ScopeKind::Site => "site",
            ScopeKind::Unit => "unit",
            ScopeKind::ExternalSupplier => "external_supplier",
            ScopeKind::InternalSupplier => "internal_supplier",
            ScopeKind::CustomerAsSupplier => "customer_as_supplier",
        }
    }

    pub fn parse(s: &str) -> Option<ScopeKind> {
        ScopeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How much the business depends on a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    High,
    Medium,
    Low,
}

impl Criticality {
    pub const ALL: [Criticality; 3] = [Criticality::High, Criticality::Medium, Criticality::Low];

    pub fn label(self) -> &'static str {
        match self {
            Criticality::High => "High",
            Criticality::Medium => "Medium",
            Criticality::Low => "Low",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Criticality::High => "high",
            Criticality::Medium => "medium",
            Criticality::Low => "low",
        }
    }

    pub fn parse(s: &str) -> Option<Criticality> {
        Criticality::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One entry of an assessment's scope: a service, a site, an organisational
/// unit or another party. Services have an owner, a criticality, their
/// customers and the agreement they are delivered under; other parties the
/// processes they operate (8.2.3) and their contract or agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScopeItem {
    pub id: Uuid,
    pub kind: ScopeKind,
    pub name: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub criticality: Option<Criticality>,
    #[serde(default)]
    pub customers: String,
    /// The agreement, contract or other reference it is bound by.
    #[serde(default)]
    pub reference: String,
    /// Clause ids from [`SMS_PROCESSES`]; only a party has any.
    #[serde(default)]
    pub processes: Vec<String>,
}

impl ScopeItem {
    /// Checked and tidied as typed in the app: name required, processes only
    /// for a party and each once, in clause order.
    pub fn validated(&self) -> Result<ScopeItem, ValidationError> {
        let mut processes: Vec<String> = Vec::new();
        for p in &self.processes {
            if !SMS_PROCESSES.contains(&p.as_str()) {
                return Err(ValidationError::UnknownProcess { id: p.clone() });
            }
            if !processes.contains(p) {
                processes.push(p.clone());
            }
        }
        if !processes.is_empty() && !self.kind.is_party() {
            return Err(ValidationError::ProcessesOnlyForParties);
        }
        processes.sort_by(|a, b| crate::catalogue::compare_clause_ids(a, b));
        Ok(ScopeItem {
            id: self.id,
            kind: self.kind,
            name: required_line(Field::ScopeName, &self.name)?,
            owner: optional_line(Field::ScopeOwner, &self.owner)?,
            criticality: if self.kind == ScopeKind::Service {
                self.criticality
            } else {
                None
            },
            customers: optional_line(Field::ScopeCustomers, &self.customers)?,
            reference: optional_line(Field::ScopeReference, &self.reference)?,
            processes,
        })
    }
}

/// One row of the 8.2.3 matrix: a process and which parties operate it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProcessRow {
    pub clause_id: String,
    pub title: String,
    /// One per party of [`PartyMatrix::parties`], in that order.
    pub operated_by: Vec<bool>,
}

/// The processes of clause 8 against the other parties that operate them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartyMatrix {
    pub parties: Vec<ScopeItem>,
    pub processes: Vec<ProcessRow>,
}

impl PartyMatrix {
    pub fn is_empty(&self) -> bool {
        self.parties.is_empty()
    }
}

pub fn party_matrix(catalogue: &Catalogue, scope: &[ScopeItem]) -> PartyMatrix {
    let parties: Vec<ScopeItem> = scope
        .iter()
        .filter(|s| s.kind.is_party())
        .cloned()
        .collect();
    let processes = SMS_PROCESSES
        .iter()
        .map(|id| ProcessRow {
            clause_id: (*id).to_owned(),
            title: catalogue
                .clause(id)
                .map_or_else(|| (*id).to_owned(), |c| c.title.clone()),
            operated_by: parties
                .iter()
                .map(|p| p.processes.iter().any(|x| x == id))
                .collect(),
        })
        .collect();
    PartyMatrix { parties, processes }
}

/// Someone at the client: interviewed, owning a document, accountable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub site: String,
    #[serde(default)]
    pub email: String,
}

impl Person {
    pub fn new(name: &str) -> Person {
        Person {
            id: Uuid::new_v4(),
            name: name.to_owned(),
            role: String::new(),
            unit: String::new(),
            site: String::new(),
            email: String::new(),
        }
    }

    pub fn validated(&self) -> Result<Person, ValidationError> {
        let email = optional_line(Field::PersonEmail, &self.email)?;
        if !email.is_empty() {
            let ok = email.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty()
                    && !domain.is_empty()
                    && !domain.contains('@')
                    && !email.contains(' ')
            });
            if !ok {
                return Err(ValidationError::InvalidEmail { value: email });
            }
        }
        Ok(Person {
            id: self.id,
            name: required_line(Field::PersonName, &self.name)?,
            role: optional_line(Field::PersonRole, &self.role)?,
            unit: optional_line(Field::PersonUnit, &self.unit)?,
            site: optional_line(Field::PersonSite, &self.site)?,
            email,
        })
    }
}

/// The names in a free-text "people interviewed" field, as a directory
/// would hold them: split at commas, semicolons, new lines and " and ", but
/// never inside brackets, a role in brackets kept apart ("Dana Fischer
/// (Change manager, Łódź)").
pub fn names_in(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let (mut depth, mut current) = (0i32, String::new());
    for c in text.replace(" and ", ";").replace(" & ", ";").chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ';' | ',' | '\n' | '\r' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    for part in &parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (name, role) = match part.split_once('(') {
            Some((name, rest)) if rest.trim_end().ends_with(')') => {
                (name.trim(), rest.trim_end().trim_end_matches(')').trim())
            }
            _ => (part, ""),
        };
        let name = name.trim();
        if name.is_empty() || name.chars().count() > Field::PersonName.max_chars() {
            continue;
        }
        if !out.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            let role: String = role.chars().take(Field::PersonRole.max_chars()).collect();
            out.push((name.to_owned(), role));
        }
    }
    out
}

/// One interview session of the fieldwork.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Interview {
    pub id: Uuid,
    pub held_on: NaiveDate,
    /// "09:30", or empty.
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub person_ids: Vec<Uuid>,
    /// The requirements it was to cover.
    #[serde(default)]
    pub clause_ids: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

impl Interview {
    /// Checked against the catalogue and the people it may name.
    pub fn validated(
        &self,
        catalogue: &Catalogue,
        people: &[Uuid],
    ) -> Result<Interview, ValidationError> {
        let time = self.time.trim().to_owned();
        if !time.is_empty() && chrono::NaiveTime::parse_from_str(&time, "%H:%M").is_err() {
            return Err(ValidationError::InvalidTime { value: time });
        }
        let mut person_ids = Vec::new();
        for p in &self.person_ids {
            if !people.contains(p) {
                return Err(ValidationError::UnknownPerson);
            }
            if !person_ids.contains(p) {
                person_ids.push(*p);
            }
        }
        Ok(Interview {
            id: self.id,
            held_on: date_in_range(Field::InterviewDate, self.held_on)?,
            time,
            person_ids,
            clause_ids: requirements(catalogue, &self.clause_ids)?,
            notes: optional_text(Field::InterviewNotes, &self.notes)?,
        })
    }
}

/// Assessable requirements, each once, in clause order.
fn requirements(catalogue: &Catalogue, ids: &[String]) -> Result<Vec<String>, ValidationError> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !catalogue.clause(id).is_some_and(|c| c.assessable) {
            return Err(ValidationError::UnknownClause { id: id.clone() });
        }
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out.sort_by(|a, b| crate::catalogue::compare_clause_ids(a, b));
    Ok(out)
}

/// Which interviews covered a requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoverageRow {
    pub clause_id: String,
    pub title: String,
    pub interview_ids: Vec<Uuid>,
}

/// Every assessable requirement against the interviews that covered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Coverage {
    pub rows: Vec<CoverageRow>,
    pub covered: u32,
    /// Requirements no interview was to cover.
    pub never_discussed: u32,
}

pub fn coverage(catalogue: &Catalogue, interviews: &[Interview]) -> Coverage {
    let rows: Vec<CoverageRow> = catalogue
        .assessable()
        .map(|c| CoverageRow {
            clause_id: c.id.clone(),
            title: c.title.clone(),
            interview_ids: interviews
                .iter()
                .filter(|i| i.clause_ids.contains(&c.id))
                .map(|i| i.id)
                .collect(),
        })
        .collect();
    let covered = rows.iter().filter(|r| !r.interview_ids.is_empty()).count() as u32;
    Coverage {
        never_discussed: rows.len() as u32 - covered,
        covered,
        rows,
    }
}

/// What an item of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Document,
    Record,
    Observation,
    InterviewNote,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 4] = [
        EvidenceKind::Document,
        EvidenceKind::Record,
        EvidenceKind::Observation,
        EvidenceKind::InterviewNote,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Document => "Document",
            EvidenceKind::Record => "Record",
            EvidenceKind::Observation => "Observation",
            EvidenceKind::InterviewNote => "Interview note",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Document => "document",
            EvidenceKind::Record => "record",
            EvidenceKind::Observation => "observation",
            EvidenceKind::InterviewNote => "interview_note",
        }
    }

    pub fn parse(s: &str) -> Option<EvidenceKind> {
        EvidenceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A sample of records drawn to test that a process runs as described.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Sampling {
    /// How many records there were to draw from.
    pub population: u32,
    /// How many were looked at.
    pub sample: u32,
    /// How many of those did not show what they should.
    pub exceptions: u32,
}

impl Sampling {
    pub fn validated(self) -> Result<Sampling, ValidationError> {
        if self.sample == 0 {
            return Err(ValidationError::EmptySample);
        }
        if self.sample > self.population {
            return Err(ValidationError::SampleLargerThanPopulation {
                sample: self.sample,
                population: self.population,
            });
        }
        if self.exceptions > self.sample {
            return Err(ValidationError::MoreExceptionsThanSample {
                exceptions: self.exceptions,
                sample: self.sample,
            });
        }
        Ok(self)
    }

    /// "12 of 148 sampled, 2 exceptions".
    pub fn summary(self) -> String {
        let exceptions = match self.exceptions {
            0 => "no exceptions".to_owned(),
            1 => "1 exception".to_owned(),
            n => format!("{n} exceptions"),
        };
        format!(
            "{} of {} sampled, {exceptions}",
            self.sample, self.population
        )
    }
}

/// A file attached to an evidence item. The content is kept once per
/// SHA-256, however many items use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceFile {
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
    /// The file's name when it was attached.
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub added_at: DateTime<Utc>,
    /// Whether this database holds the content (an assessment file exported
    /// without its files lists them without content).
    #[serde(default = "yes")]
    pub stored: bool,
}

fn yes() -> bool {
    true
}

/// True for 64 lower-case hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A file name as shown and offered for saving: the last path component,
/// without control characters, within its limit.
pub fn file_name(name: &str) -> Result<String, ValidationError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let name = required_line(Field::FileName, base)?;
    if name == "." || name == ".." {
        return Err(ValidationError::Required {
            field: Field::FileName,
        });
    }
    Ok(name)
}

/// One item of the evidence register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceItem {
    pub id: Uuid,
    /// "E-07": short, unique in the assessment, quoted in findings and the report.
    pub code: String,
    pub kind: EvidenceKind,
    pub title: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub seen_on: Option<NaiveDate>,
    /// Where it lives: a path in the client's document system, a ticket query.
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub notes: String,
    /// The requirements it backs.
    #[serde(default)]
    pub clause_ids: Vec<String>,
    /// The findings it backs.
    #[serde(default)]
    pub finding_ids: Vec<Uuid>,
    /// The services, sites and parties of the scope it concerns.
    #[serde(default)]
    pub scope_ids: Vec<Uuid>,
    #[serde(default)]
    pub sampling: Option<Sampling>,
    #[serde(default)]
    pub files: Vec<EvidenceFile>,
}

/// An evidence item as typed in the app: everything but its id, code and files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceInput {
    pub kind: EvidenceKind,
    pub title: String,
    pub version: String,
    pub owner: String,
    pub seen_on: Option<NaiveDate>,
    pub location: String,
    pub notes: String,
    pub clause_ids: Vec<String>,
    pub finding_ids: Vec<Uuid>,
    pub scope_ids: Vec<Uuid>,
    pub sampling: Option<Sampling>,
}

impl EvidenceInput {
    /// Checked and tidied. `findings` and `scope` are the ids the item may
    /// link to (those of its assessment).
    pub fn validated(
        &self,
        catalogue: &Catalogue,
        findings: &[Uuid],
        scope: &[Uuid],
    ) -> Result<EvidenceInput, ValidationError> {
        let mut finding_ids = Vec::new();
        for f in &self.finding_ids {
            if !findings.contains(f) {
                return Err(ValidationError::UnknownFinding);
            }
            if !finding_ids.contains(f) {
                finding_ids.push(*f);
            }
        }
        let mut scope_ids = Vec::new();
        for s in &self.scope_ids {
            if !scope.contains(s) {
                return Err(ValidationError::UnknownScopeItem);
            }
            if !scope_ids.contains(s) {
                scope_ids.push(*s);
            }
        }
        Ok(EvidenceInput {
            kind: self.kind,
            title: required_line(Field::EvidenceTitle, &self.title)?,
            version: optional_line(Field::EvidenceVersion, &self.version)?,
            owner: optional_line(Field::EvidenceOwner, &self.owner)?,
            seen_on: self
                .seen_on
                .map(|d| date_in_range(Field::EvidenceSeenOn, d))
                .transpose()?,
            location: optional_line(Field::EvidenceLocation, &self.location)?,
            notes: optional_text(Field::EvidenceNotes, &self.notes)?,
            clause_ids: requirements(catalogue, &self.clause_ids)?,
            finding_ids,
            scope_ids,
            sampling: self.sampling.map(Sampling::validated).transpose()?,
        })
    }

    pub fn into_item(self, id: Uuid, code: String, files: Vec<EvidenceFile>) -> EvidenceItem {
        EvidenceItem {
            id,
            code,
            kind: self.kind,
            title: self.title,
            version: self.version,
            owner: self.owner,
            seen_on: self.seen_on,
            location: self.location,
            notes: self.notes,
            clause_ids: self.clause_ids,
            finding_ids: self.finding_ids,
            scope_ids: self.scope_ids,
            sampling: self.sampling,
            files,
        }
    }
}

impl From<&EvidenceItem> for EvidenceInput {
    fn from(e: &EvidenceItem) -> EvidenceInput {
        EvidenceInput {
            kind: e.kind,
            title: e.title.clone(),
            version: e.version.clone(),
            owner: e.owner.clone(),
            seen_on: e.seen_on,
            location: e.location.clone(),
            notes: e.notes.clone(),
            clause_ids: e.clause_ids.clone(),
            finding_ids: e.finding_ids.clone(),
            scope_ids: e.scope_ids.clone(),
            sampling: e.sampling,
        }
    }
}

/// The code of the next item: one more than the highest "E-n" in use, two
/// digits at least ("E-01", …, "E-99", "E-100").
pub fn next_code<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let n = codes
        .into_iter()
        .filter_map(|c| c.strip_prefix("E-").and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    format!("E-{:02}", n.saturating_add(1))
}

/// A file name's guess at what it holds, for the register and the viewer.
pub fn describe_size(size: u64) -> String {
    const KIB: f64 = 1024.0;
    let s = size as f64;
    if s < KIB {
        format!("{size} B")
    } else if s < KIB * KIB {
        format!("{:.0} KB", s / KIB)
    } else if s < KIB * KIB * KIB {
        format!("{:.1} MB", s / KIB / KIB)
    } else {
        format!("{:.1} GB", s / KIB / KIB / KIB)
    }
}

/// The finding a sample with exceptions raises: a minor nonconformity on
/// the first requirement the item backs (the consultant judges further),
/// the sample in the observation. `None` without a sample, exceptions or a
/// requirement.
pub fn sampling_finding(item: &EvidenceItem) -> Option<crate::finding::FindingInput> {
    use crate::finding::{FindingInput, FindingKind, FindingStatus, Priority};
    let s = item.sampling.filter(|s| s.exceptions > 0)?;
    let clause_id = item.clause_ids.first()?.clone();
    let share = f64::from(s.exceptions) / f64::from(s.sample.max(1));
    let title: String = format!(
        "{} of {} sampled records do not conform: {}",
        s.exceptions, s.sample, item.title
    )
    .chars()
    .take(Field::FindingTitle.max_chars())
    .collect();
    Some(FindingInput {
        clause_id,
        kind: FindingKind::MinorNonconformity,
        title,
        observation: format!(
            "A sample of {} records was drawn from a population of {} ({}, {}). {} of them \
             did not show what the process requires.",
            s.sample, s.population, item.code, item.title, s.exceptions
        ),
        evidence: format!("{} {}: {}", item.code, item.title, s.summary()),
        recommendation: String::new(),
        priority: if share >= 0.2 {
            Priority::High
        } else {
            Priority::Medium
        },
        owner: String::new(),
        due_date: None,
        status: FindingStatus::Open,
        phase: None,
        lifecycle: Default::default(),
    })
}

/// What attaching several files came to: each file is attached on its own,
/// so one refused file does not hold up the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachReport {
    pub item: EvidenceItem,
    /// The names of the files attached.
    pub attached: Vec<String>,
    /// One sentence per file refused, naming it and why.
    pub refused: Vec<String>,
}

/// An attached file copied out for viewing, hash checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OpenedFile {
    #[ts(type = "string")]
    pub path: std::path::PathBuf,
    pub sha256: String,
    pub name: String,
}

/// The services, sites and parties one finding concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FindingScope {
    pub finding_id: Uuid,
    pub scope_ids: Vec<Uuid>,
}

/// Everything the engagement views show, computed once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Engagement {
    pub scope: Vec<ScopeItem>,
    pub people: Vec<Person>,
    pub interviews: Vec<Interview>,
    pub evidence: Vec<EvidenceItem>,
    pub documents: Vec<crate::verdicts::DocumentCheck>,
    /// The scope each finding concerns (findings that name none are left out).
    pub finding_scope: Vec<FindingScope>,
    pub matrix: PartyMatrix,
    pub coverage: Coverage,
    /// Distinct files and their total size.
    pub files: u32,
    #[ts(type = "number")]
    pub file_bytes: u64,
}

impl Engagement {
    pub fn new(
        catalogue: &Catalogue,
        scope: Vec<ScopeItem>,
        people: Vec<Person>,
        interviews: Vec<Interview>,
        evidence: Vec<EvidenceItem>,
        documents: Vec<crate::verdicts::DocumentCheck>,
        finding_scope: Vec<FindingScope>,
    ) -> Engagement {
        let mut seen = HashSet::new();
        let mut file_bytes = 0;
        for f in evidence.iter().flat_map(|e| &e.files) {
            if seen.insert(f.sha256.as_str()) {
                file_bytes += f.size;
            }
        }
        Engagement {
            matrix: party_matrix(catalogue, &scope),
            coverage: coverage(catalogue, &interviews),
            files: seen.len() as u32,
            file_bytes,
            scope,
            people,
            interviews,
            evidence,
            documents,
            finding_scope,
        }
    }

    /// The names of what a finding concerns, in scope order.
    pub fn concerns(&self, finding_id: Uuid) -> Vec<&str> {
        let Some(links) = self
            .finding_scope
            .iter()
            .find(|f| f.finding_id == finding_id)
        else {
            return Vec::new();
        };
        self.scope
            .iter()
            .filter(|s| links.scope_ids.contains(&s.id))
            .map(|s| s.name.as_str())
            .collect()
    }
}

/// Whether all items of a list are distinct, for the file checks.
pub fn all_distinct<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> bool {
    let mut seen = HashSet::new();
    items.into_iter().all(|i| seen.insert(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> &'static Catalogue {
        Catalogue::builtin()
    }

    #[test]
    fn names_come_out_of_free_text_with_their_roles() {
        assert_eq!(
            names_in("Dana Fischer (Change manager, Łódź), Ola Berg, Jan Novák and Li Wei"),
            vec![
                ("Dana Fischer".to_owned(), "Change manager, Łódź".to_owned()),
                ("Ola Berg".to_owned(), String::new()),
                ("Jan Novák".to_owned(), String::new()),
                ("Li Wei".to_owned(), String::new()),
            ]
        );
        // Semicolons and new lines too; the same name once, as first written.
        assert_eq!(
            names_in("Sabine Kröger (service desk manager); Ola Berg\ndana fischer; OLA BERG"),
            vec![
                (
                    "Sabine Kröger".to_owned(),
                    "service desk manager".to_owned()
                ),
                ("Ola Berg".to_owned(), String::new()),
                ("dana fischer".to_owned(), String::new()),
            ]
        );
        assert!(names_in("  ,;\n").is_empty());
    }

    #[test]
    fn processes_belong_to_parties_only_and_must_be_of_clause_8() {
        let mut s = ScopeItem {
            id: Uuid::new_v4(),
            kind: ScopeKind::ExternalSupplier,
            name: " Datacentre Nord ".into(),
            owner: String::new(),
            criticality: Some(Criticality::High),
            customers: String::new(),
            reference: "C-2024-17".into(),
            processes: vec!["8.6.1".into(), "8.5.1".into(), "8.6.1".into()],
        };
        let v = s.validated().unwrap();
        assert_eq!(v.name, "Datacentre Nord");
        assert_eq!(v.processes, vec!["8.5.1", "8.6.1"]);
        assert_eq!(v.criticality, None, "only a service has a criticality");
        s.processes = vec!["7.1".into()];
        assert!(matches!(
            s.validated(),
            Err(ValidationError::UnknownProcess { .. })
        ));
        s.kind = ScopeKind::Site;
        s.processes = vec!["8.6.1".into()];
        assert_eq!(s.validated(), Err(ValidationError::ProcessesOnlyForParties));
        let m = party_matrix(cat(), &[v]);
        let incident = m.processes.iter().find(|p| p.clause_id == "8.6.1").unwrap();
        assert_eq!(incident.operated_by, vec![true]);
        assert_eq!(m.processes.len(), SMS_PROCESSES.len());
        assert!(m
            .processes
            .iter()
            .all(|p| cat().clause(&p.clause_id).is_some()));
    }

    #[test]
    fn people_need_a_name_and_a_real_address() {
        let mut p = Person::new("  Марина Петрова ");
        assert_eq!(p.validated().unwrap().name, "Марина Петрова");
        p.email = "marina@".into();
        assert!(matches!(
            p.validated(),
            Err(ValidationError::InvalidEmail { .. })
        ));
        p.email = "marina@example.org".into();
        assert!(p.validated().is_ok());
        p.name = " ".into();
        assert!(p.validated().is_err());
    }

    #[test]
    fn interviews_check_time_people_and_clauses_and_coverage_counts_the_gaps() {
        let dana = Uuid::new_v4();
        let i = Interview {
            id: Uuid::new_v4(),
            held_on: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            time: "09:30".into(),
            person_ids: vec![dana, dana],
            clause_ids: vec!["8.5.1.3".into(), "5.1".into()],
            notes: String::new(),
        };
        let v = i.validated(cat(), &[dana]).unwrap();
        assert_eq!(v.person_ids, vec![dana]);
        assert_eq!(v.clause_ids, vec!["5.1", "8.5.1.3"]);
        assert_eq!(i.validated(cat(), &[]), Err(ValidationError::UnknownPerson));
        let mut bad = i.clone();
        bad.time = "9h30".into();
        assert!(matches!(
            bad.validated(cat(), &[dana]),
            Err(ValidationError::InvalidTime { .. })
        ));
        bad.time = String::new();
        bad.clause_ids = vec!["8".into()];
        assert!(matches!(
            bad.validated(cat(), &[dana]),
            Err(ValidationError::UnknownClause { .. })
        ));
        let c = coverage(cat(), std::slice::from_ref(&v));
        let total = cat().assessable().count() as u32;
        assert_eq!(c.covered, 2);
        assert_eq!(c.never_discussed, total - 2);
        assert_eq!(
            c.rows
                .iter()
                .find(|r| r.clause_id == "8.5.1.3")
                .unwrap()
                .interview_ids,
            vec![v.id]
        );
    }

    #[test]
    fn sampling_is_consistent_and_reads_in_words() {
        let s = Sampling {
            population: 148,
            sample: 12,
            exceptions: 2,
        };
        assert_eq!(
            s.validated().unwrap().summary(),
            "12 of 148 sampled, 2 exceptions"
        );
        assert!(Sampling { sample: 0, ..s }.validated().is_err());
        assert!(Sampling { sample: 200, ..s }.validated().is_err());
        assert!(Sampling {
            exceptions: 13,
            ..s
        }
        .validated()
        .is_err());
    }

    #[test]
    fn evidence_links_only_to_its_own_assessment() {
        let finding = Uuid::new_v4();
        let input = EvidenceInput {
            kind: EvidenceKind::Record,
            title: "Change records Q1".into(),
            version: String::new(),
            owner: String::new(),
            seen_on: NaiveDate::from_ymd_opt(2026, 3, 4),
            location: String::new(),
            notes: String::new(),
            clause_ids: vec!["8.5.1.3".into()],
            finding_ids: vec![finding],
            scope_ids: vec![],
            sampling: None,
        };
        assert!(input.validated(cat(), &[finding], &[]).is_ok());
        assert_eq!(
            input.validated(cat(), &[], &[]),
            Err(ValidationError::UnknownFinding)
        );
        let mut far = input.clone();
        far.seen_on = NaiveDate::from_ymd_opt(3100, 1, 1);
        assert!(matches!(
            far.validated(cat(), &[finding], &[]),
            Err(ValidationError::DateOutOfRange { .. })
        ));
    }

    #[test]
    fn codes_count_on_and_names_lose_their_folders() {
        assert_eq!(next_code([]), "E-01");
        assert_eq!(next_code(["E-01", "E-09", "X"]), "E-10");
        assert_eq!(
            file_name("/tmp/a/Change policy.pdf").unwrap(),
            "Change policy.pdf"
        );
        assert_eq!(file_name("C:\\docs\\plan.docx").unwrap(), "plan.docx");
        assert!(file_name("/tmp/").is_err());
        assert!(is_sha256(&"a".repeat(64)));
        assert!(!is_sha256(&"A".repeat(64)));
        assert_eq!(describe_size(2048), "2 KB");
    }
}
