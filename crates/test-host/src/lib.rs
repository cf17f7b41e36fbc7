//! The command table: the same names and arguments as the desktop shell's
//! commands (`src-tauri/src/commands.rs`), onto the same session type. See
//! `main.rs` for the protocol.

use clausewise_api::session::Session;
use clausewise_core::practices::PracticeRecord;
use clausewise_core::report::ReportOptions;
use clausewise_core::transfer::{ImportResult, OnConflict};
use clausewise_core::{ApiError, Catalogue, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

/// The commands served, as the UI names them (checked against the app's
/// by `tests/commands.rs`).
pub const SERVED: &[&str] = &[
    "app_info",
    "list_assessments",
    "list_clients",
    "create_assessment",
    "rename_assessment",
    "update_assessment",
    "set_assessment_status",
    "delete_assessment",
    "get_catalogue",
    "get_workspace",
    "edit_response",
    "set_document",
    "set_practice",
    "get_narrative",
    "save_narrative",
    "report_lang",
    "list_findings",
    "create_finding",
    "update_finding",
    "delete_finding",
    "restore_finding",
    "list_kpis",
    "create_kpi",
    "update_kpi",
    "delete_kpi",
    "kpi_suggestions",
    "adopt_kpi",
    "get_dashboard",
    "start_follow_up",
    "get_progress",
    "recovery_info",
    "list_snapshots",
    "take_snapshot",
    "restore_snapshot",
    "start_fresh",
    "get_history",
    "get_history_authors",
    "get_undo_state",
    "undo_change",
    "redo_change",
    "get_author",
    "set_author",
];

/// The app's commands that open a native dialog: the test double answers
/// them in place of the dialog.
pub const DIALOGS: &[&str] = &[
    "export_report",
    "choose_logo",
    "choose_template",
    "open_report",
    "export_assessment",
    "import_assessment",
    "preview_merge",
    "merge_assessment",
    "get_engagement",
    "save_scope_item",
    "delete_scope_item",
    "save_person",
    "delete_person",
    "save_interview",
    "delete_interview",
    "add_evidence",
    "update_evidence",
    "delete_evidence",
    "detach_file",
    "raise_sample_finding",
    "set_document_check",
    "set_finding_scope",
    "attach_files",
    "open_attachment",
];

pub struct Host {
    session: Session,
    /// Removed when the host resets or ends.
    folder: tempfile::TempDir,
}

type Reply = Result<Value, ApiError>;

fn arg<T: DeserializeOwned>(args: &Value, name: &str) -> Result<T, ApiError> {
    serde_json::from_value(args.get(name).cloned().unwrap_or(Value::Null)).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("argument {name} is not what the command takes: {e}"),
        )
    })
}

fn to(value: impl Serialize) -> Reply {
    serde_json::to_value(value).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}

impl Host {
    pub fn new(demo: bool) -> Host {
        let folder = tempfile::tempdir().expect("a temporary folder for the test database");
        let session = Session::open_seeded(folder.path().join("clausewise.db"), demo);
        Host { session, folder }
    }

    pub fn call(&mut self, cmd: &str, a: &Value) -> Reply {
        let s = &self.session;
        let id = || arg::<Uuid>(a, "id");
        match cmd {
            "reset" => {
                *self = Host::new(arg::<Option<bool>>(a, "demo")?.unwrap_or(false));
                // A consultant who gave a name, unless the test is about asking for one.
                if !arg::<Option<bool>>(a, "anonymous")?.unwrap_or(false) {
                    self.session.with(|s| s.use_author("Test Consultant"))?;
                }
                to(())
            }
            // The content of an assessment file, for a test to put on disk.
            "export_file" => {
                let id = id()?;
                to(s.with(|s| s.export_assessment(id))?.to_json())
            }
            // What `import_assessment` does once the open dialog has a file.
            "import_file" => {
                let path: std::path::PathBuf = arg(a, "path")?;
                let on_conflict = arg::<Option<_>>(a, "onConflict")?.unwrap_or(OnConflict::Fail);
                let outcome = s.with_op(|s| {
                    clausewise_api::package::import_path(s, &path, "the file", on_conflict)
                })?;
                to(ImportResult { path, outcome })
            }
            "preview_merge" => {
                let path: std::path::PathBuf = arg(a, "path")?;
                let bytes = clausewise_api::import::read_for_merge(&path, "the file")
                    .map_err(ApiError::from)?;
                to(s.with(|s| s.preview_merge(&bytes))?)
            }
            "merge_assessment" => {
                let path: std::path::PathBuf = arg(a, "path")?;
                let choices: clausewise_core::merge::MergeChoices = arg(a, "choices")?;
                let bytes = clausewise_api::import::read_for_merge(&path, "the file")
                    .map_err(ApiError::from)?;
                to(s.with(|s| s.merge(&bytes, &choices))?)
            }
            "get_engagement" => {
                let id = id()?;
                to(s.with(|s| s.engagement(id))?)
            }
            "save_scope_item" => {
                let (id, item): (Uuid, clausewise_core::engagement::ScopeItem) =
                    (id()?, arg(a, "item")?);
                to(s.with(|s| s.save_scope_item(id, &item))?)
            }
            "delete_scope_item" => {
                let (id, item): (Uuid, Uuid) = (id()?, arg(a, "itemId")?);
                to(s.with(|s| s.delete_scope_item(id, item))?)
            }
            "save_person" => {
                let (id, person): (Uuid, clausewise_core::engagement::Person) =
                    (id()?, arg(a, "person")?);
                to(s.with(|s| s.save_person(id, &person))?)
            }
            "delete_person" => {
                let (id, person): (Uuid, Uuid) = (id()?, arg(a, "personId")?);
                to(s.with(|s| s.delete_person(id, person))?)
            }
            "save_interview" => {
                let (id, interview): (Uuid, clausewise_core::engagement::Interview) =
                    (id()?, arg(a, "interview")?);
                to(s.with(|s| s.save_interview(id, &interview))?)
            }
            "delete_interview" => {
                let (id, interview): (Uuid, Uuid) = (id()?, arg(a, "interviewId")?);
                to(s.with(|s| s.delete_interview(id, interview))?)
            }
            "add_evidence" => {
                let (id, input): (Uuid, clausewise_core::engagement::EvidenceInput) =
                    (id()?, arg(a, "input")?);
                to(s.with(|s| s.add_evidence(id, &input))?)
            }
            "update_evidence" => {
                let (id, evidence, input): (
                    Uuid,
                    Uuid,
                    clausewise_core::engagement::EvidenceInput,
                ) = (id()?, arg(a, "evidenceId")?, arg(a, "input")?);
                to(s.with(|s| s.update_evidence(id, evidence, &input))?)
            }
            "delete_evidence" => {
                let (id, evidence): (Uuid, Uuid) = (id()?, arg(a, "evidenceId")?);
                to(s.with(|s| s.delete_evidence(id, evidence))?)
            }
            "detach_file" => {
                let (id, evidence, sha): (Uuid, Uuid, String) =
                    (id()?, arg(a, "evidenceId")?, arg(a, "sha256")?);
                to(s.with(|s| s.detach_file(id, evidence, &sha))?)
            }
            "raise_sample_finding" => {
                let (id, evidence): (Uuid, Uuid) = (id()?, arg(a, "evidenceId")?);
                to(s.with(|s| s.raise_sample_finding(id, evidence))?)
            }
            "set_finding_scope" => {
                let (id, finding, scope): (Uuid, Uuid, Vec<Uuid>) =
                    (id()?, arg(a, "findingId")?, arg(a, "scopeIds")?);
                to(s.with(|s| s.set_finding_scope(id, finding, &scope))?)
            }
            "set_document_check" => {
                let (id, check): (Uuid, clausewise_core::verdicts::DocumentCheck) =
                    (id()?, arg(a, "check")?);
                to(s.with(|s| s.set_document_check(id, &check))?)
            }
            // What `attach_files` does with dropped files (the dialog is the
            // app's; a test passes paths).
            "attach_files" => {
                let (id, evidence, paths): (Uuid, Uuid, Option<Vec<std::path::PathBuf>>) =
                    (id()?, arg(a, "evidenceId")?, arg(a, "paths")?);
                let paths = paths.unwrap_or_default();
                to(Some(s.with_op(|s| {
                    clausewise_api::evidence::attach_paths(s, id, evidence, &paths)
                })?))
            }
            // What `open_attachment` does before the viewer is started.
            "open_attachment" => {
                let (id, sha): (Uuid, String) = (id()?, arg(a, "sha256")?);
                let dir = self.folder.path().join("opened");
                to(s.with_op(|s| clausewise_api::evidence::extract(s, id, &sha, &dir))?)
            }
            // What `export_report` checks of the options before its save
            // dialog opens.
            "check_report_options" => {
                let options: ReportOptions = arg(a, "options")?;
                options.validated()?;
                to(())
            }
            // The database file overwritten behind the app's back, then opened
            // again: what the recovery screen is for.
            "damage_database" => {
                let path = s.info().database_path;
                // Closed first: closing writes what its log holds back.
                let stand_in = self.folder.path().join("while-damaging.db");
                drop(std::mem::replace(
                    &mut self.session,
                    Session::open_seeded(stand_in, false),
                ));
                std::fs::write(&path, [b"this is not a database ".as_slice(); 8].concat())
                    .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
                self.session = Session::open_seeded(path, false);
                to(())
            }
            "app_info" => to(s.info()),
            "list_assessments" => to(s.with(|s| s.list_assessments())?),
            "list_clients" => to(s.with(|s| s.list_clients())?),
            "create_assessment" => {
                let input = arg(a, "input")?;
                to(s.with(|s| s.create_assessment(&input))?)
            }
            "rename_assessment" => {
                let (id, title): (Uuid, String) = (id()?, arg(a, "title")?);
                to(s.with(|s| s.rename_assessment(id, &title))?)
            }
            "update_assessment" => {
                let (id, details) = (id()?, arg(a, "details")?);
                to(s.with(|s| s.update_assessment(id, &details))?)
            }
            "set_assessment_status" => {
                let (id, status) = (id()?, arg(a, "status")?);
                to(s.with(|s| s.set_assessment_status(id, status))?)
            }
            "delete_assessment" => {
                let id = id()?;
                to(s.with(|s| s.delete_assessment(id))?)
            }
            "get_catalogue" => to(Catalogue::builtin()),
            "get_workspace" => {
                let id = id()?;
                to(s.with(|s| s.workspace(id))?)
            }
            "edit_response" => {
                let (id, clause, edit): (Uuid, String, _) =
                    (id()?, arg(a, "clauseId")?, arg(a, "edit")?);
                to(s.with(|s| s.edit_response(id, &clause, &edit))?)
            }
            "set_document" => {
                let (id, item, present): (Uuid, String, Option<bool>) =
                    (id()?, arg(a, "item")?, arg(a, "present")?);
                to(s.with(|s| s.set_document(id, &item, present))?)
            }
            "set_practice" => {
                let (id, record): (Uuid, PracticeRecord) = (id()?, arg(a, "record")?);
                to(s.with(|s| s.set_practice(id, &record))?)
            }
            "get_narrative" => {
                let id = id()?;
                to(s.with(|s| s.narrative(id))?)
            }
            "report_lang" => {
                let id = id()?;
                to(s.with(|s| s.report_lang(id))?)
            }
            // What `export_report` keeps once the report is written: the
            // language, for the client's next report.
            "remember_report_lang" => {
                let (id, lang): (Uuid, clausewise_core::i18n::Lang) = (id()?, arg(a, "lang")?);
                to(s.with(|s| s.remember_report_lang(id, lang))?)
            }
            "save_narrative" => {
                let (id, part, text): (Uuid, String, String) =
                    (id()?, arg(a, "part")?, arg(a, "text")?);
                to(s.with(|s| s.save_narrative(id, &part, &text))?)
            }
            "list_findings" => {
                let id = id()?;
                to(s.with(|s| s.list_findings(id))?)
            }
            "create_finding" => {
                let (id, input) = (id()?, arg(a, "input")?);
                to(s.with(|s| s.create_finding(id, &input))?)
            }
            "update_finding" => {
                let (id, finding, input) = (id()?, arg(a, "findingId")?, arg(a, "input")?);
                to(s.with(|s| s.update_finding(id, finding, &input))?)
            }
            "delete_finding" => {
                let (id, finding) = (id()?, arg(a, "findingId")?);
                to(s.with(|s| s.delete_finding(id, finding))?)
            }
            "restore_finding" => {
                let (id, finding) = (id()?, arg(a, "finding")?);
                to(s.with(|s| s.restore_finding(id, &finding))?)
            }
            "list_kpis" => {
                let id = id()?;
                to(s.with(|s| s.kpi_rows(id))?)
            }
            "create_kpi" => {
                let (id, input) = (id()?, arg(a, "input")?);
                to(s.with(|s| {
                    let kpi = s.create_kpi(id, &input)?;
                    s.kpi_row(id, kpi)
                })?)
            }
            "update_kpi" => {
                let (id, kpi, input) = (id()?, arg(a, "kpiId")?, arg(a, "input")?);
                to(s.with(|s| {
                    let kpi = s.update_kpi(id, kpi, &input)?;
                    s.kpi_row(id, kpi)
                })?)
            }
            "adopt_kpi" => {
                let (clause, line): (String, String) = (arg(a, "clauseId")?, arg(a, "line")?);
                to(clausewise_core::kpi::adopt(&clause, &line))
            }
            "delete_kpi" => {
                let (id, kpi) = (id()?, arg(a, "kpiId")?);
                to(s.with(|s| s.delete_kpi(id, kpi))?)
            }
            "kpi_suggestions" => to(clausewise_core::kpi::suggestions()),
            "get_dashboard" => {
                let id = id()?;
                to(s.with(|s| s.dashboard(id))?)
            }
            "start_follow_up" => {
                let (id, input) = (id()?, arg(a, "input")?);
                to(s.with(|s| s.start_follow_up(id, &input))?)
            }
            "get_progress" => {
                let id = id()?;
                to(s.with(|s| s.progress(id))?)
            }
            "recovery_info" => to(s.recovery_info()),
            "list_snapshots" => to(s.snapshots()?),
            "take_snapshot" => to(s.with_op(|s| clausewise_api::backup::backup(s))?),
            "restore_snapshot" => {
                let path: std::path::PathBuf = arg(a, "path")?;
                to(s.restore_snapshot(&path)?)
            }
            "start_fresh" => to(s.start_fresh()?),
            "get_history" => {
                let (id, query) = (id()?, arg(a, "query")?);
                to(s.with(|s| s.history(id, &query))?)
            }
            "get_history_authors" => {
                let id = id()?;
                to(s.with(|s| s.history_authors(id))?)
            }
            "get_undo_state" => {
                let id = id()?;
                to(s.with(|s| s.undo_state(id))?)
            }
            "undo_change" => {
                let id = id()?;
                to(s.with(|s| s.undo(id))?)
            }
            "redo_change" => {
                let id = id()?;
                to(s.with(|s| s.redo(id))?)
            }
            "get_author" => to(s.with(|s| s.known_author())?),
            "set_author" => {
                let name: String = arg(a, "name")?;
                to(s.with(|s| s.set_author(&name))?)
            }
            other => Err(ApiError::new(
                ErrorCode::Internal,
                format!("the test host does not serve {other:?}"),
            )),
        }
    }
}
