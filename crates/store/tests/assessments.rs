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
    assert_eq!(store.list_findings(demo.id).unwrap().len(), 30);
    assert_eq!(store.list_kpis(demo.id).unwrap().len(), 8);
    let big = store.create_demo_with(1000).unwrap();
    assert_eq!(store.list_findings(big.id).unwrap().len(), 1030);
    assert_eq!(
        store.list_clients().unwrap().len(),
        1,
        "both under the same client"
    );
}
