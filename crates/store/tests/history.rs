//! The change history: what is recorded, by whom, and undo and redo.

mod common;

use clausewise_core::engagement::{ScopeItem, ScopeKind};
use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
use clausewise_core::history::{ChangeKind, ChangeOp, HistoryQuery, Subject};
use clausewise_core::response::ResponseEdit;
use clausewise_core::{ErrorCode, Rating};
use clausewise_store::{OpenMode, Store, StoreError};
use common::blank;
use uuid::Uuid;

fn level(store: &mut Store, id: Uuid, clause: &str, level: u8) {
    store
        .edit_response(id, clause, &ResponseEdit::Rating(Rating::Level { level }))
        .unwrap();
}

fn level_of(store: &Store, id: Uuid, clause: &str) -> Option<u8> {
    store
        .list_responses(id)
        .unwrap()
        .into_iter()
        .find(|r| r.clause_id == clause)
        .and_then(|r| match r.rating {
            Rating::Level { level } => Some(level),
            _ => None,
        })
}

fn finding(title: &str) -> FindingInput {
    FindingInput {
        clause_id: "8.5.1.3".into(),
        kind: FindingKind::MinorNonconformity,
        title: title.into(),
        observation: "Двa з п'яти запитів на зміни без оцінки ризиків 🙂".into(),
        evidence: String::new(),
        recommendation: String::new(),
        priority: Priority::Medium,
        owner: String::new(),
        due_date: None,
        status: FindingStatus::Open,
        phase: None,
        lifecycle: Default::default(),
    }
}

/// True when the last change closed its entry: a write that is no change
/// to an assessment (creating another one) lands in nobody's history.
fn recording_is_closed(store: &mut Store, id: Uuid) -> bool {
    let before = store.history(id, &HistoryQuery::default()).unwrap();
    let other = blank(store);
    let after = store.history(id, &HistoryQuery::default()).unwrap();
    before == after
        && store
            .history(other, &HistoryQuery::default())
            .unwrap()
            .is_empty()
}

#[test]
fn each_change_is_recorded_with_its_author_and_values_before_and_after() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.configured_author().unwrap(), None);
    store.set_author("  Ana Müller  ").unwrap();
    assert_eq!(store.author().unwrap(), "Ana Müller");
    let id = blank(&mut store);
    // Creating the assessment is not a change within it.
    assert!(store
        .history(id, &HistoryQuery::default())
        .unwrap()
        .is_empty());

    level(&mut store, id, "8.5.1.3", 2);
    level(&mut store, id, "8.5.1.3", 3);
    store
        .edit_response(
            id,
            "8.5.1.3",
            &ResponseEdit::Notes("Seen 5 RFCs; 李 signed".into()),
        )
        .unwrap();
    assert!(recording_is_closed(&mut store, id));

    let log = store.history(id, &HistoryQuery::default()).unwrap();
    assert_eq!(log.len(), 3, "{log:#?}");
    assert!(log
        .iter()
        .all(|e| e.author == "Ana Müller" && e.kind == ChangeKind::Edit));
    let newest = &log[0];
    assert_eq!(newest.changes.len(), 1);
    let change = &newest.changes[0];
    assert_eq!(change.subject, Subject::Requirement);
    assert_eq!(change.label, "8.5.1.3");
    assert_eq!(change.op, ChangeOp::Changed);
    assert_eq!(change.fields.len(), 1, "only the changed field: {change:?}");
    assert_eq!(change.fields[0].field, "notes");
    assert_eq!(
        change.fields[0].after.as_deref(),
        Some("Seen 5 RFCs; 李 signed")
    );
    let second = &log[1].changes[0];
    assert_eq!(second.fields[0].field, "level");
    assert_eq!(second.fields[0].before.as_deref(), Some("2"));
    assert_eq!(second.fields[0].after.as_deref(), Some("3"));
    // The first level reads as a change from nothing, only what is not a
    // default listed.
    let first = &log[2].changes[0];
    assert_eq!(first.op, ChangeOp::Changed);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = first
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.before.as_deref(), f.after.as_deref()))
        .collect();
    assert_eq!(fields, [("level", None, Some("2"))]);
    assert_eq!(log[2].summary(), "requirement 8.5.1.3: level — → 2");

    // Saving what is already there records nothing.
    level(&mut store, id, "8.5.1.3", 3);
    assert_eq!(
        store.history(id, &HistoryQuery::default()).unwrap().len(),
        3
    );
}

#[test]
fn the_log_is_narrowed_by_requirement_finding_author_and_day() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    store.use_author("Ana").unwrap();
    level(&mut store, id, "8.5.1.3", 2);
    store.use_author("Ben").unwrap();
    level(&mut store, id, "9.2", 1);
    let f = store
        .create_finding(id, &finding("Changes not assessed"))
        .unwrap();
    // --author overrides the settings but does not change them.
    assert_eq!(store.configured_author().unwrap(), None);

    let of = |store: &Store, q: HistoryQuery| store.history(id, &q).unwrap();
    let by_clause = of(
        &store,
        HistoryQuery {
            clause_id: Some("8.5.1.3".into()),
            ..Default::default()
        },
    );
    assert_eq!(by_clause.len(), 1);
    assert_eq!(by_clause[0].author, "Ana");
    let by_author = of(
        &store,
        HistoryQuery {
            author: Some("Ben".into()),
            ..Default::default()
        },
    );
    assert_eq!(by_author.len(), 2);
    let by_finding = of(
        &store,
        HistoryQuery {
            finding_id: Some(f.id.to_string()),
            ..Default::default()
        },
    );
    assert_eq!(by_finding.len(), 1);
    assert_eq!(by_finding[0].changes[0].label, "Changes not assessed");
    let today = chrono::Utc::now().date_naive();
    let yesterday = today.pred_opt().unwrap();
    let until_yesterday = of(
        &store,
        HistoryQuery {
            to: Some(yesterday),
            ..Default::default()
        },
    );
    assert!(until_yesterday.is_empty());
    let from_today = of(
        &store,
        HistoryQuery {
            from: Some(today),
            limit: Some(2),
            ..Default::default()
        },
    );
    assert_eq!(from_today.len(), 2);
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_changes_of_any_kind() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    level(&mut store, id, "8.5.1.3", 2);
    let f = store
        .create_finding(id, &finding("Changes not assessed"))
        .unwrap();
    level(&mut store, id, "8.5.1.3", 4);

    let state = store.undo_state(id).unwrap();
    assert_eq!(
        state.undo.as_deref(),
        Some("requirement 8.5.1.3: level 2 → 4")
    );
    assert_eq!(state.redo, None);

    let undone = store.undo(id).unwrap();
    assert_eq!(undone.entry.summary(), "requirement 8.5.1.3: level 2 → 4");
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(2));
    assert!(undone.state.undo.unwrap().starts_with("added finding"));
    assert_eq!(
        undone.state.redo.as_deref(),
        Some("requirement 8.5.1.3: level 2 → 4")
    );

    store.undo(id).unwrap();
    assert!(store.list_findings(id).unwrap().is_empty());
    store.undo(id).unwrap();
    assert_eq!(level_of(&store, id, "8.5.1.3"), None);
    assert!(matches!(store.undo(id), Err(StoreError::NothingToUndo)));
    assert!(recording_is_closed(&mut store, id));

    store.redo(id).unwrap();
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(2));
    store.redo(id).unwrap();
    let back = store.list_findings(id).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].id, f.id);
    assert_eq!(back[0].observation, f.observation);
    store.redo(id).unwrap();
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(4));
    assert!(matches!(store.redo(id), Err(StoreError::NothingToRedo)));

    // A new change after an undo leaves nothing to redo.
    store.undo(id).unwrap();
    level(&mut store, id, "9.2", 1);
    assert!(matches!(store.redo(id), Err(StoreError::NothingToRedo)));
    assert_eq!(store.undo_state(id).unwrap().redo, None);

    // Undo and redo are in the log.
    let kinds: Vec<ChangeKind> = store
        .history(id, &HistoryQuery::default())
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Edit,
            ChangeKind::Undo,
            ChangeKind::Redo,
            ChangeKind::Redo,
            ChangeKind::Redo,
            ChangeKind::Undo,
            ChangeKind::Undo,
            ChangeKind::Undo,
            ChangeKind::Edit,
            ChangeKind::Edit,
            ChangeKind::Edit,
        ]
    );
}

#[test]
fn undo_of_a_deleted_finding_brings_back_its_scope_links_too() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let f = store
        .create_finding(id, &finding("Changes not assessed"))
        .unwrap();
    let service = ScopeItem {
        id: Uuid::new_v4(),
        kind: ScopeKind::Service,
        name: "Warehouse management".into(),
        owner: String::new(),
        criticality: None,
        customers: String::new(),
        reference: String::new(),
        processes: vec![],
    };
    store.save_scope_item(id, &service).unwrap();
    let links = store.set_finding_scope(id, f.id, &[service.id]).unwrap();
    store.delete_finding(id, f.id).unwrap();
    assert!(store.list_findings(id).unwrap().is_empty());
    let undone = store.undo(id).unwrap();
    assert!(
        undone
            .entry
            .changes
            .iter()
            .any(|c| c.subject == Subject::FindingScope && c.op == ChangeOp::Removed),
        "the cascade is recorded: {undone:#?}"
    );
    assert_eq!(
        store.list_findings(id).unwrap()[0].title,
        "Changes not assessed"
    );
    let back = store.set_finding_scope(id, f.id, &[service.id]).unwrap();
    assert_eq!(back, links);
    let log = store
        .history(
            id,
            &HistoryQuery {
                finding_id: Some(f.id.to_string()),
                ..Default::default()
            },
        )
        .unwrap();
    // Added, linked, removed, brought back; setting the same links again is no change.
    assert_eq!(log.len(), 4, "{log:#?}");
    let report = store.check().unwrap();
    assert!(report.is_ok(), "{report:?}");
}

#[test]
fn undo_is_refused_when_the_record_changed_since_in_another_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    let mut store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    let id = blank(&mut store);
    level(&mut store, id, "8.5.1.3", 2);
    // Another program changes the level behind the history's back.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE clause_response SET level = 5 WHERE clause_id = '8.5.1.3'",
            [],
        )
        .unwrap();
    let err = store.undo(id).unwrap_err();
    assert!(matches!(err, StoreError::UndoBlocked { .. }), "{err}");
    assert_eq!(
        clausewise_core::ApiError::from(err).code,
        ErrorCode::Conflict
    );
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(5));
    assert!(recording_is_closed(&mut store, id));
}

#[test]
fn quick_edits_of_one_note_are_one_entry_and_typing_it_back_is_none() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    for text in ["S", "Se", "Seen", "Seen 5 RFCs"] {
        store
            .edit_response(id, "8.5.1.3", &ResponseEdit::Notes(text.into()))
            .unwrap();
    }
    let log = store.history(id, &HistoryQuery::default()).unwrap();
    // The first created the response; the rest are one edit.
    assert_eq!(log.len(), 2, "{log:#?}");
    assert_eq!(log[0].changes[0].fields[0].before.as_deref(), Some("S"));
    assert_eq!(
        log[0].changes[0].fields[0].after.as_deref(),
        Some("Seen 5 RFCs")
    );
    store.undo(id).unwrap();
    let notes = store.list_responses(id).unwrap()[0].notes.clone();
    assert_eq!(notes, "S");

    // A level is never folded.
    level(&mut store, id, "9.4", 1);
    level(&mut store, id, "9.4", 2);
    store
        .edit_response(id, "9.4", &ResponseEdit::Notes("x".into()))
        .unwrap();
    store
        .edit_response(id, "9.4", &ResponseEdit::Notes(String::new()))
        .unwrap();
    let log = store
        .history(
            id,
            &HistoryQuery {
                clause_id: Some("9.4".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        log.len(),
        2,
        "the note typed and removed leaves nothing: {log:#?}"
    );
}

#[test]
fn a_final_assessment_records_nothing_and_undo_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    level(&mut store, id, "8.5.1.3", 2);
    store
        .set_assessment_status(id, clausewise_core::AssessmentStatus::Final)
        .unwrap();
    assert!(matches!(store.undo(id), Err(StoreError::Final { .. })));
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(2));
    assert_eq!(
        store.history(id, &HistoryQuery::default()).unwrap().len(),
        1
    );
    assert!(recording_is_closed(&mut store, id));
}

#[test]
fn history_undo_and_the_author_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    let id;
    {
        let mut store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
        store.set_author("Ana").unwrap();
        id = blank(&mut store);
        level(&mut store, id, "8.5.1.3", 2);
        level(&mut store, id, "8.5.1.3", 3);
    }
    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    assert_eq!(store.author().unwrap(), "Ana");
    store.undo(id).unwrap();
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(2));
    drop(store);
    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    store.redo(id).unwrap();
    assert_eq!(level_of(&store, id, "8.5.1.3"), Some(3));
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn an_author_name_is_checked() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(matches!(
        store.set_author(&"x".repeat(201)),
        Err(StoreError::Invalid(e)) if e.field() == clausewise_core::Field::Author
    ));
    assert_eq!(store.set_author("محمد\n").unwrap(), "محمد");
}

#[test]
fn deleting_an_assessment_deletes_its_history() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    level(&mut store, id, "8.5.1.3", 2);
    store.delete_assessment(id).unwrap();
    assert!(store
        .history(id, &HistoryQuery::default())
        .unwrap()
        .is_empty());
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn the_history_travels_with_the_assessment_file() {
    use clausewise_core::history::Origin;
    use clausewise_core::transfer::{AssessmentFile, OnConflict};
    let mut mine = Store::open_in_memory().unwrap();
    let id = blank(&mut mine);
    mine.use_author("Ана Коваль").unwrap();
    level(&mut mine, id, "8.5.1.3", 2);
    level(&mut mine, id, "8.5.1.3", 3);
    mine.create_finding(id, &finding("No change records"))
        .unwrap();
    mine.undo(id).unwrap();
    let log = mine.history(id, &HistoryQuery::default()).unwrap();
    let file = mine.export_assessment(id).unwrap();
    assert_eq!(file.history.len(), log.len());
    let bytes = serde_json::to_vec(&file).unwrap();

    // Another computer: the same log, by the same people, as made elsewhere.
    let mut theirs = Store::open_in_memory().unwrap();
    theirs.use_author("Ben").unwrap();
    theirs.import_assessment(&bytes, OnConflict::Fail).unwrap();
    let copy = theirs.history(id, &HistoryQuery::default()).unwrap();
    assert_eq!(copy.len(), log.len());
    for (a, b) in log.iter().zip(&copy) {
        assert_eq!(
            (&a.id, a.at, &a.author, a.kind),
            (&b.id, b.at, &b.author, b.kind)
        );
        assert_eq!(a.changes, b.changes);
        assert_eq!(a.reverted_by, b.reverted_by);
        assert_eq!(b.origin, Origin::Imported);
    }
    // Undo takes back only what was changed here.
    assert!(matches!(theirs.undo(id), Err(StoreError::NothingToUndo)));
    level(&mut theirs, id, "9.2", 1);
    theirs.undo(id).unwrap();
    assert_eq!(level_of(&theirs, id, "8.5.1.3"), Some(3));
    assert!(theirs.check().unwrap().is_ok());

    // Exported again, imported back in place of the original: both logs.
    let back = serde_json::to_vec(&theirs.export_assessment(id).unwrap()).unwrap();
    mine.import_assessment(&back, OnConflict::Replace).unwrap();
    assert_eq!(
        mine.history(id, &HistoryQuery::default()).unwrap().len(),
        log.len() + 2
    );

    // A copy with ids of its own starts without a history; a file written
    // before the history was carried imports with none.
    mine.import_assessment(&back, OnConflict::KeepBoth).unwrap();
    let other = mine
        .list_assessments()
        .unwrap()
        .into_iter()
        .find(|a| a.id != id)
        .unwrap()
        .id;
    assert!(mine
        .history(other, &HistoryQuery::default())
        .unwrap()
        .is_empty());
    let mut old: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    old["format_version"] = 5.into();
    old.as_object_mut().unwrap().remove("history");
    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_assessment(&serde_json::to_vec(&old).unwrap(), OnConflict::Fail)
        .unwrap();
    assert!(fresh
        .history(id, &HistoryQuery::default())
        .unwrap()
        .is_empty());
    assert_eq!(level_of(&fresh, id, "8.5.1.3"), Some(3));

    // A history naming a table it does not record is refused.
    let mut bad = file.clone();
    bad.history[0].rows[0].table = "file_blob".into();
    let err = AssessmentFile::parse(
        &serde_json::to_vec(&bad).unwrap(),
        clausewise_core::Catalogue::builtin(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("file_blob"), "{err}");
}
