//! The client and assessment tables.

use clausewise_core::{AssessmentStatus, ErrorCode, NewAssessment};
use clausewise_store::{OpenMode, Store, StoreError};

fn new(client: &str, title: &str) -> NewAssessment {
    NewAssessment {
        client_name: client.into(),
        title: title.into(),
        scope: "Service desk and hosting".into(),
        assessors: "A. Auditor".into(),
        target_level: 3,
        starts_on: None,
        ends_on: None,
    }
}

#[test]
fn create_list_rename_delete() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .create_assessment(&new("Acme", " First review "))
        .unwrap();
    assert_eq!(a.title, "First review");
    assert_eq!(a.status, AssessmentStatus::Draft);
    let b = store.create_assessment(&new("Globex", "Second")).unwrap();

    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, b.id, "most recently changed first");
    assert_eq!(list[1].client_name, "Acme");

    let renamed = store.rename_assessment(a.id, "Renamed review").unwrap();
    assert_eq!(renamed.title, "Renamed review");
    assert!(renamed.updated_at >= a.updated_at);
    assert_eq!(store.list_assessments().unwrap()[0].id, a.id);

    store.delete_assessment(a.id).unwrap();
    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, b.id);
    assert_eq!(
        store.list_clients().unwrap().len(),
        2,
        "clients outlive assessments"
    );
}

#[test]
fn the_same_client_name_in_another_case_reuses_the_client() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_assessment(&new("Acme Ltd", "2025")).unwrap();
    let b = store.create_assessment(&new("ACME LTD", "2026")).unwrap();
    assert_eq!(a.client_id, b.client_id);
    let clients = store.list_clients().unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].name, "Acme Ltd", "first spelling is kept");
}

#[test]
fn invalid_input_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store.create_assessment(&new("New client", "")).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(store.list_clients().unwrap().is_empty(), "no orphan client");

    let a = store.create_assessment(&new("Acme", "Review")).unwrap();
    assert!(store.rename_assessment(a.id, "  ").is_err());
    assert_eq!(store.get_assessment(a.id).unwrap().title, "Review");
}

#[test]
fn missing_assessments_are_reported_as_not_found() {
    let mut store = Store::open_in_memory().unwrap();
    let id = uuid::Uuid::new_v4();
    for err in [
        store.rename_assessment(id, "x").unwrap_err(),
        store.delete_assessment(id).unwrap_err(),
        store.get_assessment(id).unwrap_err(),
    ] {
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert_eq!(
            err.to_string(),
            "The assessment was not found; it may have been deleted."
        );
    }
}

#[test]
fn any_script_and_long_text_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = new("Ελληνική Εταιρεία 🚀", "Оценка зрелости — 成熟度評価");
    input.scope = "Łódź, São Paulo, 東京. ".repeat(900);
    let a = store.create_assessment(&input).unwrap();
    let back = store.get_assessment(a.id).unwrap();
    assert_eq!(back.title, "Оценка зрелости — 成熟度評価");
    assert_eq!(back.scope, input.scope.trim());
    assert_eq!(
        store.list_clients().unwrap()[0].name,
        "Ελληνική Εταιρεία 🚀"
    );
}

#[test]
fn data_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    let id = {
        let mut store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
        store.create_demo().unwrap().id
    };
    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    let a = store.get_assessment(id).unwrap();
    assert_eq!(a.title, "ISO/IEC 20000-1 readiness assessment");
}

#[test]
fn the_demo_is_created_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let demo = store.create_demo().unwrap();
    let ws = store.workspace(demo.id).unwrap();
    assert_eq!(ws.scorecard.assessed, 57);
    assert_eq!(store.list_findings(demo.id).unwrap().len(), 32);
    assert_eq!(store.list_kpis(demo.id).unwrap().len(), 8);
    let big = store.create_demo_with(1000).unwrap();
    assert_eq!(store.list_findings(big.id).unwrap().len(), 1032);
    assert_eq!(
        store.list_clients().unwrap().len(),
        1,
        "both under the same client"
    );
}

#[test]
fn details_can_be_changed_after_creation() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_assessment(&new("Acme", "Review")).unwrap();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 3, d);
    let mut details = new("Globex AG", " Readiness review 2026 ");
    details.scope = "Service desk, hosting and the shipment portal".into();
    details.assessors = "Dana Whitfield (lead)".into();
    details.target_level = 4;
    details.starts_on = day(30);
    details.ends_on = day(31);
    let changed = store.update_assessment(a.id, &details).unwrap();
    assert_eq!(changed.title, "Readiness review 2026");
    assert_eq!(changed.scope, details.scope);
    assert_eq!(changed.assessors, "Dana Whitfield (lead)");
    assert_eq!(changed.target_level, 4);
    assert_eq!((changed.starts_on, changed.ends_on), (day(30), day(31)));
    assert_eq!(changed.created_at, a.created_at);
    assert!(changed.updated_at >= a.updated_at);
    // Another client's name files it under that (new) client; the old one stays.
    assert_ne!(changed.client_id, a.client_id);
    let summary = &store.list_assessments().unwrap()[0];
    assert_eq!(summary.client_name, "Globex AG");
    assert_eq!(store.list_clients().unwrap().len(), 2);

    // A bad value changes nothing.
    details.ends_on = day(29);
    let err = store.update_assessment(a.id, &details).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(store.get_assessment(a.id).unwrap(), changed);
    let err = store
        .update_assessment(uuid::Uuid::new_v4(), &new("Acme", "x"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn a_final_assessment_is_changed_only_after_reopening_it() {
    use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
    use clausewise_core::response::ResponseEdit;
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_demo().unwrap();
    let finding = store.list_findings(a.id).unwrap()[0].clone();
    let kpi = store.list_kpis(a.id).unwrap()[0].clone();
    let final_ = store
        .set_assessment_status(a.id, AssessmentStatus::Final)
        .unwrap();
    assert_eq!(final_.status, AssessmentStatus::Final);
    let before = store.export_assessment(a.id).unwrap();

    let input = FindingInput {
        clause_id: "9.3".into(),
        kind: FindingKind::Observation,
        title: "Late note".into(),
        observation: String::new(),
        evidence: String::new(),
        recommendation: String::new(),
        priority: Priority::Low,
        owner: String::new(),
        due_date: None,
        status: FindingStatus::Open,
        phase: None,
        lifecycle: Default::default(),
    };
    let kpi_input = clausewise_core::kpi::suggestions()[0].clone();
    let attempts: Vec<(&str, StoreError)> = vec![
        (
            "edit a response",
            store
                .edit_response(a.id, "4.1", &ResponseEdit::Notes("late".into()))
                .unwrap_err(),
        ),
        (
            "rename",
            store.rename_assessment(a.id, "Other").unwrap_err(),
        ),
        (
            "change details",
            store
                .update_assessment(a.id, &new("Acme", "x"))
                .unwrap_err(),
        ),
        (
            "add a finding",
            store.create_finding(a.id, &input).unwrap_err(),
        ),
        (
            "change a finding",
            store.update_finding(a.id, finding.id, &input).unwrap_err(),
        ),
        (
            "delete a finding",
            store.delete_finding(a.id, finding.id).unwrap_err(),
        ),
        ("add a KPI", store.create_kpi(a.id, &kpi_input).unwrap_err()),
        (
            "change a KPI",
            store.update_kpi(a.id, kpi.id, &kpi_input).unwrap_err(),
        ),
        ("delete a KPI", store.delete_kpi(a.id, kpi.id).unwrap_err()),
    ];
    for (what, err) in attempts {
        assert_eq!(err.code(), ErrorCode::Final, "{what}: {err}");
        assert!(
            err.to_string().contains("Reopen it as a draft"),
            "{what}: {err}"
        );
    }
    let mut after = store.export_assessment(a.id).unwrap();
    after.exported_at = before.exported_at;
    assert_eq!(after, before, "nothing changed");

    store
        .set_assessment_status(a.id, AssessmentStatus::Draft)
        .unwrap();
    store
        .edit_response(a.id, "4.1", &ResponseEdit::Notes("late".into()))
        .unwrap();
    let err = store
        .set_assessment_status(uuid::Uuid::new_v4(), AssessmentStatus::Final)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn the_list_shows_each_assessments_maturity_and_coverage() {
    let mut store = Store::open_in_memory().unwrap();
    let demo = store.create_demo().unwrap();
    let empty = store
        .create_assessment(&new("Acme", "Not started"))
        .unwrap();
    let list = store.list_assessments().unwrap();
    let row = |id| list.iter().find(|a| a.id == id).unwrap();
    let card = store.workspace(demo.id).unwrap().scorecard;
    assert_eq!(row(demo.id).overall, card.overall);
    assert!(card.overall.is_some());
    assert_eq!(
        (row(demo.id).assessed, row(demo.id).assessable),
        (card.assessed, 57)
    );
    assert_eq!(row(empty.id).overall, None);
    assert_eq!((row(empty.id).assessed, row(empty.id).assessable), (0, 57));
}
