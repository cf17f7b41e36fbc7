//! The clause_response table.

mod common;

use clausewise_core::response::ResponseEdit;
use clausewise_core::{ClauseResponse, ErrorCode, Rating};
use clausewise_store::{OpenMode, Store};
use common::blank;

fn rated(clause: &str, rating: Rating) -> ClauseResponse {
    ClauseResponse {
        rating,
        ..ClauseResponse::blank(clause)
    }
}

#[test]
fn saving_returns_the_response_and_the_new_roll_up() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let before = store.get_assessment(id).unwrap().updated_at;

    let saved = store
        .save_response(id, &rated("5.2.1", Rating::Level { level: 2 }))
        .unwrap();
    assert_eq!(saved.response.rating, Rating::Level { level: 2 });
    assert!(saved.response.updated_at.is_some());
    assert_eq!(saved.scorecard.assessed, 1);
    assert_eq!(saved.scorecard.clause("5.2").unwrap().score, Some(2.0));
    assert_eq!(saved.scorecard.clause("5.2.1").unwrap().gap, Some(1.0));
    assert!(store.get_assessment(id).unwrap().updated_at >= before);

    // Saving again replaces, it does not add.
    let mut again = rated("5.2.1", Rating::Level { level: 4 });
    again.notes = "Policy signed by the CIO in March.".into();
    again.target_level = Some(4);
    let saved = store.save_response(id, &again).unwrap();
    assert_eq!(saved.scorecard.assessed, 1);
    assert_eq!(saved.scorecard.clause("5.2.1").unwrap().gap, Some(0.0));

    let ws = store.workspace(id).unwrap();
    assert_eq!(ws.client_name, "Nordwind Logistik GmbH");
    assert_eq!(ws.responses.len(), 1);
    assert_eq!(ws.responses[0].notes, "Policy signed by the CIO in March.");
    assert_eq!(ws.responses[0].target_level, Some(4));
    assert_eq!(ws.scorecard, saved.scorecard);
}

#[test]
fn not_applicable_is_stored_with_its_justification() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let mut na = rated("8.3.4.2", Rating::NotApplicable);
    let err = store.save_response(id, &na).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        store.list_responses(id).unwrap().is_empty(),
        "nothing half-saved"
    );

    na.na_justification = "No internal supplier or customer acts as a supplier.".into();
    let saved = store.save_response(id, &na).unwrap();
    assert_eq!(saved.scorecard.not_applicable, 1);
    let stored = &store.list_responses(id).unwrap()[0];
    assert_eq!(stored.rating, Rating::NotApplicable);
    assert_eq!(stored.na_justification, na.na_justification);
}

#[test]
fn responses_need_an_existing_assessment_and_a_real_requirement() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let missing = uuid::Uuid::new_v4();
    let err = store
        .save_response(missing, &rated("4.1", Rating::Level { level: 1 }))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = store
        .save_response(id, &rated("8.5", Rating::Level { level: 1 }))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(err.to_string().contains("8.5"));
}

#[test]
fn deleting_an_assessment_deletes_its_responses() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    store
        .save_response(id, &rated("4.1", Rating::Level { level: 3 }))
        .unwrap();
    store.delete_assessment(id).unwrap();
    assert!(store.list_responses(id).unwrap().is_empty());
}

#[test]
fn long_notes_in_any_script_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let note = "Журнал — 変更記録 — 🚀 Ελλάδα — Łódź\n".repeat(3_000);
    let id = {
        let mut store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
        let id = blank(&mut store);
        let mut r = rated("7.5.3", Rating::Level { level: 2 });
        r.notes = note.clone();
        store.save_response(id, &r).unwrap();
        id
    };
    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    assert_eq!(store.list_responses(id).unwrap()[0].notes, note.trim());
}

/// The workshop sequence that once lost text behind "All changes saved":
/// a field too long to store, then work on other fields and requirements,
/// then a restart. Each field is saved on its own, so the rejected one
/// holds back nothing else and nothing else pretends to have saved it.
#[test]
fn a_rejected_field_never_holds_back_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let pasted = "Dana Whitfield, Jonas Müller, Ana Souza (Łódź site); ".repeat(50);
    assert!(pasted.chars().count() > 2_000);
    let id = {
        let mut store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
        let id = blank(&mut store);
        store
            .edit_response(
                id,
                "4.1",
                &ResponseEdit::Notes("Context analysis reviewed in March.".into()),
            )
            .unwrap();
        let err = store
            .edit_response(id, "4.1", &ResponseEdit::Interviewees(pasted.clone()))
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation);
        let api: clausewise_core::ApiError = err.into();
        assert_eq!(api.field, Some(clausewise_core::Field::Interviewees));
        assert!(
            api.message.starts_with("People interviewed is too long"),
            "{}",
            api.message
        );

        // The level of the same requirement and of the next one still save.
        store
            .edit_response(id, "4.1", &ResponseEdit::Rating(Rating::Level { level: 3 }))
            .unwrap();
        let saved = store
            .edit_response(id, "4.2", &ResponseEdit::Rating(Rating::Level { level: 2 }))
            .unwrap();
        assert_eq!(saved.scorecard.assessed, 2);
        id
    };
    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    let mut responses = store.list_responses(id).unwrap();
    responses.sort_by(|a, b| a.clause_id.cmp(&b.clause_id));
    let first = &responses[0];
    assert_eq!(first.rating, Rating::Level { level: 3 });
    assert_eq!(first.notes, "Context analysis reviewed in March.");
    assert_eq!(first.interviewees, "", "the rejected text was never stored");
    assert_eq!(responses[1].rating, Rating::Level { level: 2 });
}

#[test]
fn an_edit_keeps_what_another_writer_stored_in_other_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let mut app = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    let id = blank(&mut app);
    let mut cli = Store::open(&path, OpenMode::MustExist).unwrap();
    app.edit_response(id, "9.3", &ResponseEdit::Notes("Minutes seen.".into()))
        .unwrap();
    cli.edit_response(id, "9.3", &ResponseEdit::Evidence("MR-2026-03".into()))
        .unwrap();
    app.edit_response(id, "9.3", &ResponseEdit::Rating(Rating::Level { level: 2 }))
        .unwrap();
    let r = &cli.list_responses(id).unwrap()[0];
    assert_eq!(
        (r.notes.as_str(), r.evidence.as_str(), r.rating),
        ("Minutes seen.", "MR-2026-03", Rating::Level { level: 2 })
    );
}

#[test]
fn edits_need_an_existing_draft_assessment_and_a_real_requirement() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let note = ResponseEdit::Notes("x".into());
    let err = store
        .edit_response(uuid::Uuid::new_v4(), "4.1", &note)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = store.edit_response(id, "8.5", &note).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    store
        .set_assessment_status(id, clausewise_core::AssessmentStatus::Final)
        .unwrap();
    let err = store.edit_response(id, "4.1", &note).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Final);
    assert!(store.list_responses(id).unwrap().is_empty());
}

#[test]
fn a_judgement_is_saved_on_its_own_and_open_nonconformities_raise_it() {
    use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
    use clausewise_core::{Inconsistency, Judgement};

    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    store
        .edit_response(
            id,
            "8.5.1.3",
            &ResponseEdit::Notes("Ten changes sampled.".into()),
        )
        .unwrap();
    let saved = store
        .edit_response(id, "8.5.1.3", &ResponseEdit::Judgement(Judgement::Conforms))
        .unwrap();
    assert_eq!(saved.response.judgement, Judgement::Conforms);
    assert_eq!(saved.response.notes, "Ten changes sampled.");
    assert_eq!(saved.standing.effective, Judgement::Conforms);

    // A minor raised there: the workspace shows it as a minor, and why.
    let minor = store
        .create_finding(
            id,
            &FindingInput {
                clause_id: "8.5.1.3".into(),
                kind: FindingKind::MinorNonconformity,
                title: "Four of ten changes approved after implementation".into(),
                observation: String::new(),
                evidence: String::new(),
                recommendation: String::new(),
                priority: Priority::Medium,
                owner: String::new(),
                due_date: None,
                status: FindingStatus::Open,
                phase: None,
                lifecycle: Default::default(),
            },
        )
        .unwrap();
    let ws = store.workspace(id).unwrap();
    let change = ws
        .standings
        .iter()
        .find(|s| s.clause_id == "8.5.1.3")
        .unwrap();
    assert_eq!(change.recorded, Judgement::Conforms);
    assert_eq!(change.effective, Judgement::MinorNonconformity);
    assert_eq!(change.raised_by, vec![minor.id]);
    assert_eq!(ws.standings.len(), 57);

    // Judged a major with no finding recorded: flagged for one.
    let saved = store
        .edit_response(
            id,
            "9.2",
            &ResponseEdit::Judgement(Judgement::MajorNonconformity),
        )
        .unwrap();
    assert_eq!(
        saved.standing.inconsistencies,
        vec![Inconsistency::NonconformityWithoutFinding]
    );
}
