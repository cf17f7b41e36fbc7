//! The ITIL practice profile: recorded one practice at a time, read back in
//! ITIL order, carried by assessment files and into a follow-up.

mod common;

use clausewise_core::practices::{PracticeRecord, PracticeStatus};
use clausewise_core::{ErrorCode, FollowUpInput};
use clausewise_store::{OnConflict, Store};
use common::blank;

fn desk() -> PracticeRecord {
    PracticeRecord {
        status: Some(PracticeStatus::InPlace),
        capability: Some(4),
        tool: "ServiceNow — Łódź 東京 مكتب".into(),
        owner: "Katrin Albers".into(),
        notes: "Single point of contact. ".repeat(2_000),
        ..PracticeRecord::blank("service desk")
    }
}

#[test]
fn a_practice_is_recorded_read_back_in_itil_order_and_cleared() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let all = store.practices(id).unwrap();
    assert_eq!(all.len(), 34);
    assert!(all.iter().all(PracticeRecord::is_blank));

    let stored = store.set_practice(id, &desk()).unwrap();
    assert_eq!(stored.practice, "Service desk");
    let all = store.practices(id).unwrap();
    let found = all.iter().find(|p| p.practice == "Service desk").unwrap();
    assert_eq!(found, &stored);
    assert_eq!(all[0].practice, "Architecture management");
    // The dashboard counts it at once.
    let dash = store.dashboard(id).unwrap();
    assert_eq!(dash.execution_control.practices_run, 1);
    assert_eq!(dash.execution_control.execution, Some(4.0));
    assert_eq!(store.workspace(id).unwrap().practices, all);

    // Cleared: no row left, the practice reads blank again.
    store
        .set_practice(id, &PracticeRecord::blank("Service desk"))
        .unwrap();
    assert!(store
        .practices(id)
        .unwrap()
        .iter()
        .all(PracticeRecord::is_blank));
}

#[test]
fn a_bad_record_is_refused_with_its_field_and_nothing_changes() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    store.set_practice(id, &desk()).unwrap();
    let before = store.practices(id).unwrap();
    for (bad, field) in [
        (
            PracticeRecord {
                capability: Some(6),
                ..desk()
            },
            clausewise_core::Field::PracticeCapability,
        ),
        (
            PracticeRecord {
                status: Some(PracticeStatus::NotInPlace),
                ..desk()
            },
            clausewise_core::Field::PracticeCapability,
        ),
        (
            PracticeRecord::blank("Cookery"),
            clausewise_core::Field::Practice,
        ),
        (
            PracticeRecord {
                tool: "x".repeat(301),
                ..desk()
            },
            clausewise_core::Field::PracticeTool,
        ),
        (
            PracticeRecord {
                owner: "Katrin\nAlbers".into(),
                ..desk()
            },
            clausewise_core::Field::PracticeOwner,
        ),
    ] {
        let err = clausewise_core::ApiError::from(store.set_practice(id, &bad).unwrap_err());
        assert_eq!(err.code, ErrorCode::Validation, "{bad:?}");
        assert_eq!(err.field, Some(field), "{}", err.message);
    }
    assert_eq!(store.practices(id).unwrap(), before);
    assert!(store.set_practice(uuid::Uuid::new_v4(), &desk()).is_err());
}

#[test]
fn the_profile_travels_in_the_assessment_file_and_into_a_follow_up() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    let profile = store.practices(id).unwrap();
    assert!(profile.iter().filter(|p| !p.is_blank()).count() >= 20);

    let json = store.export_assessment(id).unwrap().to_json();
    let mut other = Store::open_in_memory().unwrap();
    other
        .import_assessment(json.as_bytes(), OnConflict::Fail)
        .unwrap();
    assert_eq!(other.practices(id).unwrap(), profile);

    // A follow-up that copies the levels carries the profile as it was;
    // one that starts afresh keeps who owns what on which tool.
    let copied = store
        .start_follow_up(
            id,
            &FollowUpInput {
                title: "Year 2".into(),
                copy_levels: true,
            },
        )
        .unwrap()
        .id;
    assert_eq!(store.practices(copied).unwrap(), profile);
    let fresh = store
        .start_follow_up(
            id,
            &FollowUpInput {
                title: "Year 2, afresh".into(),
                copy_levels: false,
            },
        )
        .unwrap()
        .id;
    let fresh = store.practices(fresh).unwrap();
    let desk = fresh.iter().find(|p| p.practice == "Service desk").unwrap();
    assert_eq!(desk.status, None);
    assert_eq!(desk.capability, None);
    assert_eq!(desk.tool, "ServiceNow ITSM");

    // Deleting the assessment takes its profile with it.
    store.delete_assessment(id).unwrap();
    assert!(store.practices(id).is_err());
}
