//! The portable assessment file (`.clausewise`): one assessment with its
//! client, responses, findings and KPIs, as versioned JSON. The format is
//! described in `crates/core/transfer/README.md` and by the JSON Schema
//! `crates/core/transfer/clausewise-assessment.schema.json`.
//!
//! Reading a file checks all of it before anything is written anywhere; a
//! problem is reported with where it is (the finding, the clause, the field).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::catalogue::Catalogue;
use crate::finding::{Finding, FindingInput};
use crate::kpi::{Kpi, KpiInput};
use crate::validation::{required_line, timestamp_in_range, Field, MAX_YEAR, MIN_YEAR};
use crate::{Assessment, ClauseResponse, Client, NewAssessment};

pub const FORMAT: &str = "clausewise-assessment";
/// The version this build writes; it reads every version from 1 up to it.
/// Version 2 added each response's conformity judgement and why a not
/// applicable requirement does not apply: a version 1 file reads with
/// nothing judged and N/A as a claimed exclusion, and an older Clausewise
/// refuses a version 2 file instead of dropping the judgements.
/// Version 3 added the ITIL practice profile and KPI series; version 4 the
/// scope, the client's people, interviews, the evidence register with its
/// files (listed by SHA-256; a package carries their content) and the
/// documented information register with a status per item; version 5 the
/// consultant's narrative for the report; version 6 the change history
/// (who changed what and when), which a merge of two copies reads.
pub const FORMAT_VERSION: u32 = 6;
pub const FILE_EXTENSION: &str = "clausewise";
/// Larger files are refused before parsing (a real assessment is well under
/// a megabyte; the limit leaves room for very long notes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The catalogue an assessment follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogueRef {
    pub id: String,
    pub version: String,
}

/// One assessment as a self-contained file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AssessmentFile {
    pub format: String,
    pub format_version: u32,
    pub exported_at: DateTime<Utc>,
    /// The program that wrote the file, e.g. "Clausewise 0.1.0".
    pub exported_by: String,
    pub catalogue: CatalogueRef,
    pub client: Client,
    pub assessment: Assessment,
    pub responses: Vec<ClauseResponse>,
    pub findings: Vec<Finding>,
    pub kpis: Vec<Kpi>,
    /// The documented information register, entries something was recorded
    /// for (absent in files written before the checklist existed).
    #[serde(default)]
    pub documents: Vec<crate::verdicts::DocumentCheck>,
    /// The ITIL practice profile, practices recorded only (absent in files
    /// before version 3).
    #[serde(default)]
    pub practices: Vec<crate::practices::PracticeRecord>,
    /// The services, sites, units and other parties in scope (version 4).
    #[serde(default)]
    pub scope: Vec<crate::engagement::ScopeItem>,
    /// The client's people directory (version 4).
    #[serde(default)]
    pub people: Vec<crate::engagement::Person>,
    #[serde(default)]
    pub interviews: Vec<crate::engagement::Interview>,
    /// The evidence register; its files are listed by SHA-256, their content
    /// travels only in a package.
    #[serde(default)]
    pub evidence: Vec<crate::engagement::EvidenceItem>,
    /// The scope each finding concerns (version 4; findings naming none are
    /// left out).
    #[serde(default)]
    pub finding_scope: Vec<crate::engagement::FindingScope>,
    /// The consultant's own words for the report (version 5).
    #[serde(default)]
    pub narrative: crate::narrative::Narrative,
    /// The change history, oldest first (version 6; an older file has
    /// none: a merge then treats every difference as a conflict).
    #[serde(default)]
    pub history: Vec<crate::history::RecordedGroup>,
}

/// What to do when the imported assessment's id is already in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnConflict {
    /// Refuse the import; nothing changes.
    Fail,
    /// Delete the existing assessment (with its responses, findings and
    /// KPIs) and import the file in its place.
    Replace,
    /// Import the file as a second assessment with new ids.
    KeepBoth,
}

/// What importing a file came to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// The assessment is in the database; `notice` is something to know
    /// (a follow-up whose baseline could not be linked).
    Imported {
        assessment: Box<Assessment>,
        notice: Option<String>,
    },
    /// The assessment (or some of its ids) is already here: the question to
    /// ask, then import again with the consultant's choice.
    Conflict {
        question: String,
        /// Whether replacing would resolve it; when only some finding or KPI
        /// ids are shared with another assessment, only keeping both does.
        can_replace: bool,
    },
}

/// An import as the app reports it: the file and what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportResult {
    /// The file, to pass back with the consultant's choice.
    #[ts(type = "string")]
    pub path: std::path::PathBuf,
    pub outcome: ImportOutcome,
}

/// Why a file cannot be imported, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is larger than {} MiB; it cannot be an assessment file.", MAX_FILE_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("The file is not an assessment file: {0}")]
    NotJson(String),
    #[error("The file is not a Clausewise assessment file (its format is {0:?}).")]
    WrongFormat(String),
    #[error(
        "The file was written by a newer Clausewise (format version {found}; this version \
         reads up to {FORMAT_VERSION}). Update Clausewise to open it."
    )]
    NewerVersion { found: u32 },
    #[error(
        "The assessment follows the catalogue {id} {version}, which this version of \
         Clausewise does not have."
    )]
    UnknownCatalogue { id: String, version: String },
    #[error("{place}: {message}")]
    Invalid { place: String, message: String },
}

fn invalid(place: impl Into<String>, message: impl Into<String>) -> FileError {
    FileError::Invalid {
        place: place.into(),
        message: message.into(),
    }
}

impl AssessmentFile {
    pub fn new(
        client: Client,
        assessment: Assessment,
        responses: Vec<ClauseResponse>,
        findings: Vec<Finding>,
        kpis: Vec<Kpi>,
        exported_at: DateTime<Utc>,
    ) -> AssessmentFile {
        AssessmentFile {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            exported_at,
            exported_by: format!("Clausewise {}", env!("CARGO_PKG_VERSION")),
            catalogue: CatalogueRef {
                id: assessment.catalogue_id.clone(),
                version: assessment.catalogue_version.clone(),
            },
            client,
            assessment,
            responses,
            findings,
            kpis,
            documents: Vec::new(),
            practices: Vec::new(),
            scope: Vec::new(),
            people: Vec::new(),
            interviews: Vec::new(),
            evidence: Vec::new(),
            finding_scope: Vec::new(),
            narrative: crate::narrative::Narrative::default(),
            history: Vec::new(),
        }
    }

    /// With the change history, oldest first.
    pub fn with_history(mut self, history: Vec<crate::history::RecordedGroup>) -> Self {
        self.history = history;
        self
    }

    /// With the consultant's narrative for the report.
    pub fn with_narrative(mut self, narrative: crate::narrative::Narrative) -> Self {
        self.narrative = narrative;
        self
    }

    /// With the engagement on record: scope, people, interviews, evidence.
    pub fn with_engagement(
        mut self,
        scope: Vec<crate::engagement::ScopeItem>,
        people: Vec<crate::engagement::Person>,
        interviews: Vec<crate::engagement::Interview>,
        evidence: Vec<crate::engagement::EvidenceItem>,
    ) -> Self {
        self.scope = scope;
        self.people = people;
        self.interviews = interviews;
        self.evidence = evidence;
        self
    }

    /// With the scope each finding concerns.
    pub fn with_finding_scope(mut self, links: Vec<crate::engagement::FindingScope>) -> Self {
        self.finding_scope = links
            .into_iter()
            .filter(|l| !l.scope_ids.is_empty())
            .collect();
        self
    }

    /// The distinct files the evidence register lists, by SHA-256, with the
    /// size each should have.
    pub fn file_hashes(&self) -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = Vec::new();
        for f in self.evidence.iter().flat_map(|e| &e.files) {
            if !out.iter().any(|(h, _)| *h == f.sha256) {
                out.push((f.sha256.clone(), f.size));
            }
        }
        out
    }

    /// With the documented information checklist: the items checked.
    pub fn with_documents(mut self, documents: Vec<crate::verdicts::DocumentCheck>) -> Self {
        self.documents = documents.into_iter().filter(|d| !d.is_blank()).collect();
        self
    }

    /// With the practice profile: the practices something was recorded for.
    pub fn with_practices(mut self, practices: Vec<crate::practices::PracticeRecord>) -> Self {
        self.practices = practices.into_iter().filter(|p| !p.is_blank()).collect();
        self
    }

    /// Pretty-printed JSON, as written to disk.
    pub fn to_json(&self) -> String {
        // Plain data with string keys always serialises.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads and checks a whole file. Nothing about it is trusted: every
    /// field is validated as if typed in the app.
    pub fn parse(bytes: &[u8], catalogue: &Catalogue) -> Result<AssessmentFile, FileError> {
        // A byte order mark (some editors write one) is not part of the JSON.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(FileError::Empty);
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(FileError::TooLarge);
        }
        // First only the header, so that a newer file is recognised as such
        // even when its body no longer matches this version's shape.
        #[derive(Deserialize)]
        struct Header {
            format: Option<serde_json::Value>,
            format_version: Option<serde_json::Value>,
        }
        let header: Header = match serde_json::from_slice::<serde_json::Value>(bytes) {
            Err(e) => return Err(FileError::NotJson(describe_json_error(None, &e))),
            Ok(serde_json::Value::Object(_)) => serde_json::from_slice(bytes)
                .map_err(|e| FileError::NotJson(describe_json_error(None, &e)))?,
            Ok(_) => return Err(FileError::WrongFormat(String::new())),
        };
        match header.format {
            Some(serde_json::Value::String(f)) if f == FORMAT => {}
            Some(serde_json::Value::String(f)) => return Err(FileError::WrongFormat(f)),
            _ => return Err(FileError::WrongFormat(String::new())),
        }
        match header
            .format_version
            .as_ref()
            .and_then(serde_json::Value::as_u64)
        {
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Err(FileError::NewerVersion {
                    found: u32::try_from(v).unwrap_or(u32::MAX),
                })
            }
            Some(v) if v >= 1 => {}
            _ => return Err(invalid("format_version", "must be a whole number from 1")),
        }
        let mut reader = serde_json::Deserializer::from_slice(bytes);
        let file: AssessmentFile = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
            let path = e.path().to_string();
            FileError::NotJson(describe_json_error(Some(&path), e.inner()))
        })?;
        file.validated(catalogue)
    }

    fn validated(mut self, catalogue: &Catalogue) -> Result<AssessmentFile, FileError> {
        if !catalogue.accepts(&self.catalogue.id, &self.catalogue.version) {
            return Err(FileError::UnknownCatalogue {
                id: self.catalogue.id,
                version: self.catalogue.version,
            });
        }
        if self.assessment.catalogue_id != self.catalogue.id
            || self.assessment.catalogue_version != self.catalogue.version
        {
            return Err(invalid(
                "assessment",
                "its catalogue differs from the file's catalogue",
            ));
        }
        // A file of an edition the catalogue supersedes (same clause ids)
        // is read as following the current edition, and imported as such.
        self.catalogue.version = catalogue.version.clone();
        self.assessment.catalogue_version = catalogue.version.clone();
        let a = &self.assessment;
        if a.client_id != self.client.id {
            return Err(invalid(
                "assessment",
                "its client id differs from the file's client",
            ));
        }
        if a.baseline_id == Some(a.id) {
            return Err(invalid(
                "assessment.baseline_id",
                "an assessment cannot be its own baseline",
            ));
        }
        self.client.name = required_line(Field::ClientName, &self.client.name)
            .map_err(|e| invalid("client", e.to_string()))?;
        in_range("client", "created_at", self.client.created_at)?;
        in_range("client", "updated_at", self.client.updated_at)?;
        in_range("assessment", "created_at", a.created_at)?;
        in_range("assessment", "updated_at", a.updated_at)?;
        let checked = NewAssessment {
            client_name: self.client.name.clone(),
            title: a.title.clone(),
            scope: a.scope.clone(),
            assessors: a.assessors.clone(),
            target_level: a.target_level,
            starts_on: a.starts_on,
            ends_on: a.ends_on,
        }
        .validated()
        .map_err(|e| invalid("assessment", e.to_string()))?;
        self.assessment.title = checked.title;
        self.assessment.scope = checked.scope;
        self.assessment.assessors = checked.assessors;

        let mut seen = HashSet::new();
        for (i, r) in self.responses.iter_mut().enumerate() {
            let place = format!("responses[{i}] (clause {})", r.clause_id);
            if !seen.insert(r.clause_id.clone()) {
                return Err(invalid(place, "a second response for the same clause"));
            }
            if let Some(t) = r.updated_at {
                in_range(&place, "updated_at", t)?;
            }
            let updated_at = r.updated_at;
            *r = r
                .validated(catalogue)
                .map_err(|e| invalid(place, e.to_string()))?;
            r.updated_at = updated_at;
        }

        let mut ids = HashSet::new();
        for (i, f) in self.findings.iter_mut().enumerate() {
            let place = format!(
                "findings[{i}] ({:?})",
                f.title.chars().take(60).collect::<String>()
            );
            if !ids.insert(f.id) {
                return Err(invalid(place, format!("the id {} is used twice", f.id)));
            }
            in_range(&place, "created_at", f.created_at)?;
            in_range(&place, "updated_at", f.updated_at)?;
            let input = FindingInput {
                clause_id: f.clause_id.clone(),
                kind: f.kind,
                title: f.title.clone(),
                observation: f.observation.clone(),
                evidence: f.evidence.clone(),
                recommendation: f.recommendation.clone(),
                priority: f.priority,
                owner: f.owner.clone(),
                due_date: f.due_date,
                status: f.status,
                phase: f.phase,
                lifecycle: f.lifecycle.clone(),
            }
            .validated_as_recorded(catalogue)
            .map_err(|e| invalid(place, e.to_string()))?;
            f.clause_id = input.clause_id;
            f.title = input.title;
            f.observation = input.observation;
            f.evidence = input.evidence;
            f.recommendation = input.recommendation;
            f.owner = input.owner;
            f.lifecycle = input.lifecycle;
            f.nc_stage = f.stage();
            // The phase stays as recorded (validation would fill in a
            // default), except that good practice never has one.
            if f.kind == crate::finding::FindingKind::GoodPractice {
                f.phase = None;
            }
        }

        let mut ids = HashSet::new();
        for (i, k) in self.kpis.iter_mut().enumerate() {
            let place = format!(
                "kpis[{i}] ({:?})",
                k.name.chars().take(60).collect::<String>()
            );
            if !ids.insert(k.id) {
                return Err(invalid(place, format!("the id {} is used twice", k.id)));
            }
            in_range(&place, "created_at", k.created_at)?;
            in_range(&place, "updated_at", k.updated_at)?;
            let input = KpiInput::from(&*k)
                .validated(catalogue)
                .map_err(|e| invalid(&place, e.to_string()))?;
            if input
                .finding_ids
                .iter()
                .any(|id| !self.findings.iter().any(|f| f.id == *id))
            {
                return Err(invalid(
                    place,
                    "links a finding that is not in this file".to_owned(),
                ));
            }
            let (id, created_at, updated_at) = (k.id, k.created_at, k.updated_at);
            *k = Kpi {
                id,
                created_at,
                updated_at,
                ..input.into_kpi(created_at)
            };
        }

        let register = crate::verdicts::document_register(catalogue);
        let mut seen = HashSet::new();
        for (i, d) in self.documents.iter().enumerate() {
            let place = format!("documents[{i}]");
            if !register
                .iter()
                .any(|r| r.clause_id == d.clause_id && r.item == d.item)
            {
                return Err(invalid(
                    place,
                    format!(
                        "“{}” is not documented information that {} expects",
                        d.item.chars().take(80).collect::<String>(),
                        d.clause_id.chars().take(20).collect::<String>()
                    ),
                ));
            }
            if !seen.insert((d.clause_id.as_str(), d.item.as_str())) {
                return Err(invalid(place, format!("“{}” is listed twice", d.item)));
            }
            if let Some(e) = d.evidence_id {
                if !self.evidence.iter().any(|x| x.id == e) {
                    return Err(invalid(
                        place,
                        "names an evidence item that is not in this file",
                    ));
                }
            }
        }

        let mut seen = HashSet::new();
        for (i, p) in self.practices.iter_mut().enumerate() {
            let place = format!("practices[{i}]");
            *p = p.validated().map_err(|e| invalid(&place, e.to_string()))?;
            if !seen.insert(p.practice.clone()) {
                return Err(invalid(place, format!("“{}” is listed twice", p.practice)));
            }
        }
        self.validate_engagement(catalogue)?;
        self.validate_history()?;
        Ok(self)
    }

    /// Each group names itself once, and only tables the history records.
    fn validate_history(&self) -> Result<(), FileError> {
        let mut seen = HashSet::new();
        for (i, g) in self.history.iter().enumerate() {
            let place = format!("history[{i}]");
            if g.id.trim().is_empty() || g.id.len() > 64 {
                return Err(invalid(place, "its id is empty or too long"));
            }
            if !seen.insert(g.id.as_str()) {
                return Err(invalid(
                    place,
                    format!("the group {} is listed twice", g.id),
                ));
            }
            in_range(&place, "its time", g.at)?;
            crate::validation::optional_line(crate::Field::Author, &g.author)
                .map_err(|e| invalid(&place, e.to_string()))?;
            for (j, row) in g.rows.iter().enumerate() {
                if crate::history::Subject::from_table(&row.table).is_none() {
                    return Err(invalid(
                        format!("{place}.rows[{j}]"),
                        format!("“{}” is not a table the history records", row.table),
                    ));
                }
            }
        }
        Ok(())
    }

    fn validate_engagement(&mut self, catalogue: &Catalogue) -> Result<(), FileError> {
        let mut ids = HashSet::new();
        for (i, s) in self.scope.iter_mut().enumerate() {
            let place = format!("scope[{i}]");
            if !ids.insert(s.id) {
                return Err(invalid(place, format!("the id {} is used twice", s.id)));
            }
            *s = s.validated().map_err(|e| invalid(&place, e.to_string()))?;
        }
        let mut ids = HashSet::new();
        for (i, p) in self.people.iter_mut().enumerate() {
            let place = format!("people[{i}]");
            if !ids.insert(p.id) {
                return Err(invalid(place, format!("the id {} is used twice", p.id)));
            }
            *p = p.validated().map_err(|e| invalid(&place, e.to_string()))?;
        }
        let people: Vec<Uuid> = self.people.iter().map(|p| p.id).collect();
        let mut ids = HashSet::new();
        for (i, v) in self.interviews.iter_mut().enumerate() {
            let place = format!("interviews[{i}]");
            if !ids.insert(v.id) {
                return Err(invalid(place, format!("the id {} is used twice", v.id)));
            }
            *v = v
                .validated(catalogue, &people)
                .map_err(|e| invalid(&place, e.to_string()))?;
        }
        let findings: Vec<Uuid> = self.findings.iter().map(|f| f.id).collect();
        let scope: Vec<Uuid> = self.scope.iter().map(|s| s.id).collect();
        let mut ids = HashSet::new();
        let mut codes = HashSet::new();
        let mut sizes: std::collections::HashMap<String, u64> = Default::default();
        for (i, e) in self.evidence.iter_mut().enumerate() {
            let place = format!(
                "evidence[{i}] ({})",
                e.code.chars().take(20).collect::<String>()
            );
            if !ids.insert(e.id) {
                return Err(invalid(place, format!("the id {} is used twice", e.id)));
            }
            let code = crate::validation::required_line(Field::EvidenceVersion, &e.code)
                .map_err(|_| invalid(&place, "the code is empty, too long or not one line"))?;
            if !codes.insert(code.clone()) {
                return Err(invalid(place, format!("the code {code} is used twice")));
            }
            if e.files.len() > crate::engagement::MAX_FILES_PER_ITEM {
                return Err(invalid(place, "too many files on one item"));
            }
            let input = crate::engagement::EvidenceInput::from(&*e)
                .validated(catalogue, &findings, &scope)
                .map_err(|err| invalid(&place, err.to_string()))?;
            let mut files = Vec::new();
            for f in &e.files {
                if !crate::engagement::is_sha256(&f.sha256) {
                    return Err(invalid(
                        &place,
                        "a file's SHA-256 is not 64 lower-case hex digits",
                    ));
                }
                if files
                    .iter()
                    .any(|x: &crate::engagement::EvidenceFile| x.sha256 == f.sha256)
                {
                    return Err(invalid(&place, "the same file is attached twice"));
                }
                if f.size > crate::engagement::MAX_ATTACHMENT_BYTES {
                    return Err(invalid(
                        &place,
                        "a file is larger than an attachment may be",
                    ));
                }
                if *sizes.entry(f.sha256.clone()).or_insert(f.size) != f.size {
                    return Err(invalid(
                        &place,
                        "one file is listed with two different sizes",
                    ));
                }
                in_range(&place, "added_at", f.added_at)?;
                let name = crate::engagement::file_name(&f.name)
                    .map_err(|err| invalid(&place, err.to_string()))?;
                files.push(crate::engagement::EvidenceFile { name, ..f.clone() });
            }
            *e = input.into_item(e.id, code, files);
        }
        let mut seen = HashSet::new();
        for (i, l) in self.finding_scope.iter_mut().enumerate() {
            let place = format!("finding_scope[{i}]");
            if !findings.contains(&l.finding_id) {
                return Err(invalid(place, "names a finding that is not in this file"));
            }
            if !seen.insert(l.finding_id) {
                return Err(invalid(place, "the finding is listed twice"));
            }
            if l.scope_ids.iter().any(|s| !scope.contains(s)) {
                return Err(invalid(
                    place,
                    "names a scope entry that is not in this file",
                ));
            }
            let mut unique = Vec::new();
            for s in &l.scope_ids {
                if !unique.contains(s) {
                    unique.push(*s);
                }
            }
            l.scope_ids = unique;
        }
        Ok(())
    }

    /// The same content under fresh ids (assessment, findings, KPIs), for
    /// importing a second copy next to the original.
    pub fn with_new_ids(mut self) -> AssessmentFile {
        self.assessment.id = Uuid::new_v4();
        let mut renamed = std::collections::HashMap::new();
        for f in &mut self.findings {
            let new = Uuid::new_v4();
            renamed.insert(f.id, new);
            f.id = new;
        }
        for k in &mut self.kpis {
            k.id = Uuid::new_v4();
            // The links follow their findings to the new ids.
            k.finding_ids = k
                .finding_ids
                .iter()
                .filter_map(|id| renamed.get(id).copied())
                .collect();
        }
        let mut scope = std::collections::HashMap::new();
        for s in &mut self.scope {
            let new = Uuid::new_v4();
            scope.insert(s.id, new);
            s.id = new;
        }
        for i in &mut self.interviews {
            i.id = Uuid::new_v4();
        }
        let mut evidence = std::collections::HashMap::new();
        for e in &mut self.evidence {
            let new = Uuid::new_v4();
            evidence.insert(e.id, new);
            e.id = new;
            e.finding_ids = e
                .finding_ids
                .iter()
                .filter_map(|id| renamed.get(id).copied())
                .collect();
            e.scope_ids = e
                .scope_ids
                .iter()
                .filter_map(|id| scope.get(id).copied())
                .collect();
        }
        for d in &mut self.documents {
            d.evidence_id = d.evidence_id.and_then(|id| evidence.get(&id).copied());
        }
        for l in &mut self.finding_scope {
            l.finding_id = renamed.get(&l.finding_id).copied().unwrap_or(l.finding_id);
            l.scope_ids = l
                .scope_ids
                .iter()
                .filter_map(|id| scope.get(id).copied())
                .collect();
        }
        // The history speaks of the old ids: a copy starts without one.
        self.history.clear();
        self
    }
}

/// A timestamp of the file that the database can store and read back.
fn in_range(place: &str, name: &str, t: DateTime<Utc>) -> Result<(), FileError> {
    if timestamp_in_range(t) {
        Ok(())
    } else {
        Err(invalid(
            place,
            format!(
                "{name} {} is outside the years {MIN_YEAR} to {MAX_YEAR} (in UTC), which \
                 Clausewise cannot store",
                t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
            ),
        ))
    }
}

/// Reads a file to import, refusing folders and files too large to be an
/// assessment before reading them. Messages name the file as `shown_as`.
pub fn read_file(path: &std::path::Path, shown_as: &str) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown_as} cannot be opened: {e}."))?;
    if !meta.is_file() {
        return Err(format!("{shown_as} is not a file."));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!("{shown_as} is too large to be an assessment file."));
    }
    std::fs::read(path).map_err(|e| format!("{shown_as} cannot be read: {e}."))
}

/// A JSON error as a sentence a consultant can act on: where it is (line,
/// and the field for a value of the wrong kind) and what was expected, in
/// plain words rather than the parser's own terms.
fn describe_json_error(path: Option<&str>, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("at line {} column {}", e.line(), e.column());
    match e.classify() {
        Category::Eof => format!("it ends too early, {at} (the file may be cut off)."),
        Category::Syntax => {
            format!("it is damaged or was changed by hand: the text {at} is not valid JSON.")
        }
        Category::Io => "it could not be read.".to_owned(),
        Category::Data => {
            let text = e.to_string();
            // serde's message minus its own " at line … column …" suffix.
            let text = text.split(" at line ").next().unwrap_or(&text);
            let place = match path.filter(|p| !p.is_empty() && *p != ".") {
                Some(p) => format!("{at} ({})", p.replace('.', " → ")),
                None => at,
            };
            format!("{place}, {}.", plain_data_error(text))
        }
    }
}

/// serde's description of a value that does not fit, in plain words.
fn plain_data_error(message: &str) -> String {
    fn quoted(text: &str) -> String {
        text.split('`').nth(1).unwrap_or(text).to_owned()
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("the field “{}” is missing", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return format!("the field “{}” is not part of this format", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("the field “{}” appears twice", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        return if allowed.is_empty() {
            format!("“{}” is not an allowed value", quoted(value))
        } else {
            format!(
                "“{}” is not an allowed value (allowed: {})",
                quoted(value),
                allowed.join(", ")
            )
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "{} was expected, but the file has {}",
            plain_expected(expected),
            plain_found(found)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "{} is out of range ({} was expected)",
            plain_found(found),
            plain_expected(expected)
        );
    }
    if message.starts_with("invalid length") {
        return "a list or text has the wrong length".to_owned();
    }
    if message.contains("UUID")
        || message.starts_with("invalid character")
        || message.starts_with("invalid group")
    {
        return "an id is not a valid UUID".to_owned();
    }
    if message.starts_with("input ")
        || message.starts_with("premature end")
        || message.starts_with("trailing input")
        || message.starts_with("no possible date")
    {
        return "a date or time is not valid (dates are written 2026-03-31, times 2026-03-31T09:30:00Z)".to_owned();
    }
    format!("a value is not valid ({message})")
}

fn plain_expected(expected: &str) -> String {
    let e = expected.trim();
    let whole = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ];
    if whole.contains(&e) {
        "a whole number".to_owned()
    } else if e == "f32" || e == "f64" {
        "a number".to_owned()
    } else if e.contains("string") && e.contains("date and time") || e.contains("datetime") {
        "a date and time such as 2026-03-31T09:30:00Z".to_owned()
    } else if e.contains("date") {
        "a date such as 2026-03-31".to_owned()
    } else if e.contains("UUID") || e.contains("uuid") {
        "an id (a UUID)".to_owned()
    } else if e == "a string" || e == "string" || e == "a borrowed string" {
        "text".to_owned()
    } else if e == "a boolean" || e == "bool" {
        "true or false".to_owned()
    } else if e.starts_with("struct ") || e.contains("map") {
        "a group of fields (an object)".to_owned()
    } else if e.contains("sequence") {
        "a list".to_owned()
    } else if e.contains("enum") || e.contains("variant") {
        "one of the allowed values".to_owned()
    } else {
        e.replace('`', "")
    }
}

fn plain_found(found: &str) -> String {
    let f = found.trim();
    let inner = f.split('`').nth(1);
    if let Some(text) = f.strip_prefix("string ") {
        format!("the text “{}”", text.trim().trim_matches('"'))
    } else if f.starts_with("integer") || f.starts_with("floating point") {
        format!("the number {}", inner.unwrap_or(f))
    } else if f.starts_with("boolean") {
        inner.unwrap_or(f).to_owned()
    } else if f == "sequence" {
        "a list".to_owned()
    } else if f == "map" {
        "a group of fields".to_owned()
    } else if f == "null" || f == "unit value" || f == "unit" {
        "nothing (null)".to_owned()
    } else {
        f.replace('`', "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{FindingKind, FindingStatus, Priority};
    use crate::{AssessmentStatus, Rating};

    fn sample() -> AssessmentFile {
        let now = Utc::now();
        let client = Client {
            id: Uuid::new_v4(),
            name: "Acme".into(),
            created_at: now,
            updated_at: now,
        };
        let catalogue = Catalogue::builtin();
        let assessment = Assessment {
            id: Uuid::new_v4(),
            client_id: client.id,
            title: "Readiness".into(),
            scope: String::new(),
            assessors: String::new(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
            status: AssessmentStatus::Draft,
            catalogue_id: catalogue.id.clone(),
            catalogue_version: catalogue.version.clone(),
            baseline_id: None,
            created_at: now,
            updated_at: now,
        };
        let mut r = ClauseResponse::blank("4.1");
        r.rating = Rating::Level { level: 2 };
        r.updated_at = Some(now);
        let finding = Finding {
            id: Uuid::new_v4(),
            clause_id: "4.1".into(),
            kind: FindingKind::Observation,
            title: "Context not reviewed".into(),
            observation: String::new(),
            evidence: String::new(),
            recommendation: String::new(),
            priority: Priority::Low,
            owner: String::new(),
            due_date: None,
            lifecycle: Default::default(),
            nc_stage: None,
            status: FindingStatus::Open,
            phase: None,
            created_at: now,
            updated_at: now,
        };
        AssessmentFile::new(client, assessment, vec![r], vec![finding], vec![], now)
    }

    fn parse(json: &str) -> Result<AssessmentFile, FileError> {
        AssessmentFile::parse(json.as_bytes(), Catalogue::builtin())
    }

    #[test]
    fn damaged_files_get_plain_messages_without_parser_terms() {
        let json = sample().to_json();
        let with = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
            edit(&mut v);
            parse(&serde_json::to_string_pretty(&v).unwrap())
                .unwrap_err()
                .to_string()
        };
        let cases: Vec<(String, &str)> = vec![
            (
                with(&|v| v["responses"][0]["rating"]["level"] = "three".into()),
                "(responses[0] → rating), a whole number was expected, but the file has the text “three”.",
            ),
            (
                with(&|v| v["assessment"]["target_level"] = 300.into()),
                "(assessment → target_level), the number 300 is out of range (a whole number was expected).",
            ),
            (
                with(&|v| {
                    v["assessment"].as_object_mut().unwrap().remove("title");
                }),
                "(assessment), the field “title” is missing.",
            ),
            (
                with(&|v| v["findings"][0]["kind"] = "big_problem".into()),
                "“big_problem” is not an allowed value (allowed: major_nonconformity, minor_nonconformity, observation, opportunity_for_improvement, good_practice).",
            ),
            (
                with(&|v| v["findings"][0]["due_date"] = "31.03.2026".into()),
                "a date or time is not valid (dates are written 2026-03-31",
            ),
            (
                with(&|v| v["client"]["id"] = "42".into()),
                "(client → id), an id is not a valid UUID.",
            ),
        ];
        for (message, expected) in &cases {
            assert!(
                message.contains(expected),
                "{message}\n  should contain: {expected}"
            );
            assert!(
                message.starts_with("The file is not an assessment file: at line "),
                "{message}"
            );
            for jargon in [
                "expected u8",
                "struct ",
                "sequence",
                "variant",
                "invalid type",
            ] {
                assert!(!message.contains(jargon), "{message}");
            }
        }
        // A list where the file's object should be is not the format at all.
        assert!(matches!(
            parse("[1, 2]").unwrap_err(),
            FileError::WrongFormat(_)
        ));
        // A byte order mark in front is ignored.
        let bom = format!("\u{feff}{json}");
        assert!(AssessmentFile::parse(bom.as_bytes(), Catalogue::builtin()).is_ok());
        let e = parse("{\"format\": \"clausewise-assessment\",, }").unwrap_err();
        assert!(
            e.to_string().contains("damaged or was changed by hand"),
            "{e}"
        );
    }

    #[test]
    fn times_and_dates_the_database_cannot_read_back_are_refused_with_their_place() {
        let json = sample().to_json();
        let with = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
            edit(&mut v);
            parse(&v.to_string()).map(|_| ()).map_err(|e| e.to_string())
        };
        for (edit, expected) in [
            (
                Box::new(|v: &mut serde_json::Value| {
                    v["assessment"]["updated_at"] = "9999-12-31T23:30:00-01:00".into()
                }) as Box<dyn Fn(&mut serde_json::Value)>,
                "assessment: updated_at +10000-01-01T00:30:00Z is outside the years 1900 to 2999",
            ),
            (
                Box::new(|v| v["client"]["created_at"] = "-0001-06-01T00:00:00Z".into()),
                "client: created_at -0001-06-01T00:00:00Z is outside",
            ),
            (
                Box::new(|v| v["responses"][0]["updated_at"] = "+99999-01-01T00:00:00Z".into()),
                "responses[0] (clause 4.1): updated_at +99999-01-01T00:00:00Z is outside",
            ),
            (
                Box::new(|v| v["findings"][0]["created_at"] = "1899-12-31T23:59:59Z".into()),
                "findings[0] (\"Context not reviewed\"): created_at 1899-12-31T23:59:59Z",
            ),
            (
                Box::new(|v| v["findings"][0]["due_date"] = "+99999-01-01".into()),
                "Due date must be between the years 1900 and 2999, not +99999-01-01.",
            ),
            (
                Box::new(|v| v["findings"][0]["due_date"] = "-0044-03-15".into()),
                "Due date must be between the years 1900 and 2999, not -0044-03-15.",
            ),
        ] {
            let err = with(&*edit).unwrap_err();
            assert!(
                err.contains(expected),
                "{err}\n  should contain: {expected}"
            );
        }
        assert_eq!(
            with(&|v| v["findings"][0]["due_date"] = "2999-12-31".into()),
            Ok(())
        );
    }

    #[test]
    fn a_file_round_trips() {
        let file = sample();
        assert_eq!(parse(&file.to_json()).unwrap(), file);
    }

    #[test]
    fn version_4_carries_the_engagement_and_version_3_files_read_without_it() {
        use crate::engagement::{
            EvidenceFile, EvidenceItem, EvidenceKind, FindingScope, Interview, Person, ScopeItem,
            ScopeKind,
        };
        let mut file = sample();
        let site = ScopeItem {
            id: Uuid::new_v4(),
            kind: ScopeKind::Site,
            name: "Łódź".into(),
            owner: String::new(),
            criticality: None,
            customers: String::new(),
            reference: String::new(),
            processes: vec![],
        };
        let person = Person::new("Agnieszka Wójcik");
        let finding = file.findings[0].id;
        file.scope = vec![site.clone()];
        file.people = vec![person.clone()];
        file.interviews = vec![Interview {
            id: Uuid::new_v4(),
            held_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
            time: "09:00".into(),
            person_ids: vec![person.id],
            clause_ids: vec!["8.5.1.3".into()],
            notes: "Emergency changes.".into(),
        }];
        file.evidence = vec![EvidenceItem {
            id: Uuid::new_v4(),
            code: "E-01".into(),
            kind: EvidenceKind::Record,
            title: "Change records".into(),
            version: String::new(),
            owner: String::new(),
            seen_on: None,
            location: String::new(),
            notes: String::new(),
            clause_ids: vec!["8.5.1.3".into()],
            finding_ids: vec![finding],
            scope_ids: vec![site.id],
            sampling: None,
            files: vec![EvidenceFile {
                sha256: "ab".repeat(32),
                name: "changes.csv".into(),
                size: 10,
                added_at: file.exported_at,
                stored: true,
            }],
        }];
        file.finding_scope = vec![FindingScope {
            finding_id: finding,
            scope_ids: vec![site.id],
        }];
        let json = file.to_json();
        assert_eq!(parse(&json).unwrap(), file);

        // A version 3 file has none of it.
        let mut v3: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        v3["format_version"] = 3.into();
        let read = parse(&v3.to_string()).unwrap();
        assert!(read.scope.is_empty() && read.evidence.is_empty() && read.people.is_empty());

        // Links must stay inside the file.
        let mut bad = file.clone();
        bad.evidence[0].scope_ids = vec![Uuid::new_v4()];
        assert!(parse(&bad.to_json()).is_err());
        let mut bad = file.clone();
        bad.interviews[0].person_ids = vec![Uuid::new_v4()];
        assert!(parse(&bad.to_json()).is_err());
        let mut bad = file.clone();
        bad.evidence[0].files[0].sha256 = "../../etc/passwd".into();
        assert!(parse(&bad.to_json()).is_err());
        let mut bad = file.clone();
        bad.evidence.push(EvidenceItem {
            id: Uuid::new_v4(),
            ..bad.evidence[0].clone()
        });
        let err = parse(&bad.to_json()).unwrap_err();
        assert!(err.to_string().contains("E-01 is used twice"), "{err}");

        // A copy under new ids keeps every link.
        let copy = parse(&json).unwrap().with_new_ids();
        assert_eq!(copy.evidence[0].finding_ids, [copy.findings[0].id]);
        assert_eq!(copy.evidence[0].scope_ids, [copy.scope[0].id]);
        assert_eq!(copy.finding_scope[0].finding_id, copy.findings[0].id);
        assert_ne!(copy.evidence[0].id, file.evidence[0].id);
    }

    #[test]
    fn version_3_carries_the_practice_profile_and_version_2_files_read_without_one() {
        use crate::practices::{PracticeRecord, PracticeStatus};
        let mut file = sample();
        let mut desk = PracticeRecord::blank("Service desk");
        desk.status = Some(PracticeStatus::InPlace);
        desk.capability = Some(3);
        desk.tool = "ServiceNow — Стамбул 東京".into();
        file.practices = vec![desk];
        let json = file.to_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format_version"], FORMAT_VERSION);
        assert_eq!(v["practices"][0]["status"], "in_place");
        assert_eq!(parse(&json).unwrap(), file);

        let mut v2 = v.clone();
        v2["format_version"] = 2.into();
        v2.as_object_mut().unwrap().remove("practices");
        assert!(parse(&v2.to_string()).unwrap().practices.is_empty());

        let mut bad = v.clone();
        bad["practices"][0]["practice"] = "Cookery".into();
        let e = parse(&bad.to_string()).unwrap_err().to_string();
        assert!(e.contains("practices[0]") && e.contains("Cookery"), "{e}");
        let mut bad = v.clone();
        bad["practices"][0]["capability"] = 9.into();
        assert!(parse(&bad.to_string()).is_err());
        let mut twice = v;
        let first = twice["practices"][0].clone();
        twice["practices"].as_array_mut().unwrap().push(first);
        let e = parse(&twice.to_string()).unwrap_err().to_string();
        assert!(e.contains("listed twice"), "{e}");
    }

    #[test]
    fn version_2_keeps_judgements_and_version_1_files_read_with_nothing_judged() {
        let mut file = sample();
        file.responses[0].judgement = crate::Judgement::MinorNonconformity;
        let mut na = ClauseResponse::blank("8.3.4.2");
        na.rating = Rating::NotApplicable;
        na.na_justification = "No internal suppliers: all services are run in-house.".into();
        na.na_basis = crate::NaBasis::NoInstances;
        file.responses.push(na);
        let json = file.to_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format_version"], FORMAT_VERSION);
        assert_eq!(v["responses"][0]["judgement"], "minor_nonconformity");
        assert_eq!(v["responses"][1]["na_basis"], "no_instances");
        assert_eq!(parse(&json).unwrap(), file);

        // A file as version 1 wrote it: neither field.
        let mut v1 = v.clone();
        v1["format_version"] = 1.into();
        for r in v1["responses"].as_array_mut().unwrap() {
            let r = r.as_object_mut().unwrap();
            r.remove("judgement");
            r.remove("na_basis");
        }
        let old = parse(&v1.to_string()).unwrap();
        assert_eq!(old.responses[0].judgement, crate::Judgement::NotJudged);
        assert_eq!(old.responses[1].na_basis, crate::NaBasis::Exclusion);
        assert_eq!(old.responses[1].rating, Rating::NotApplicable);

        let mut bad = v;
        bad["responses"][0]["judgement"] = "acceptable".into();
        let e = parse(&bad.to_string()).unwrap_err();
        assert!(e.to_string().contains("responses[0]"), "{e}");
    }

    #[test]
    fn a_file_of_the_superseded_edition_is_read_as_the_current_one() {
        let file = sample();
        let mut v: serde_json::Value = serde_json::from_str(&file.to_json()).unwrap();
        v["catalogue"]["version"] = "2018".into();
        v["assessment"]["catalogue_version"] = "2018".into();
        let read = parse(&v.to_string()).unwrap();
        assert_eq!(read.catalogue.version, "2018+A1:2024");
        assert_eq!(read.assessment.catalogue_version, "2018+A1:2024");
        assert_eq!(read, file);

        // The file's two statements of its catalogue must still agree.
        v["assessment"]["catalogue_version"] = "2018+A1:2024".into();
        let e = parse(&v.to_string()).unwrap_err();
        assert!(
            e.to_string().contains("differs from the file's catalogue"),
            "{e}"
        );
    }

    #[test]
    fn problems_are_named_with_their_place() {
        let mut v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        v["findings"][0]["clause_id"] = "4.9".into();
        let e = parse(&v.to_string()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("findings[0] (\"Context not reviewed\"): "),
            "{e}"
        );

        let mut v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        v["responses"][0]["rating"] = serde_json::json!({"kind": "level", "level": 9});
        let e = parse(&v.to_string()).unwrap_err();
        assert!(e.to_string().contains("responses[0] (clause 4.1)"), "{e}");

        let mut v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        v["format_version"] = (FORMAT_VERSION + 1).into();
        v["something_new"] = true.into();
        assert_eq!(
            parse(&v.to_string()).unwrap_err(),
            FileError::NewerVersion {
                found: FORMAT_VERSION + 1
            }
        );

        let mut v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        v["catalogue"]["version"] = "2027".into();
        assert!(matches!(
            parse(&v.to_string()).unwrap_err(),
            FileError::UnknownCatalogue { .. }
        ));

        let json = sample().to_json();
        let e = parse(&json[..json.len() / 2]).unwrap_err();
        assert!(e.to_string().contains("ends too early"), "{e}");
        assert_eq!(parse("  \n").unwrap_err(), FileError::Empty);
        assert!(matches!(
            parse("{\"format\": \"other\"}").unwrap_err(),
            FileError::WrongFormat(_)
        ));
    }
}
