//! The finding and kpi tables.

mod common;

use chrono::NaiveDate;
use clausewise_core::finding::{
    FindingInput, FindingKind, FindingStatus, NcStage, Phase, Priority,
};
use clausewise_core::kpi::{Direction, KpiInput, Measurement, PeriodStatus};
use clausewise_core::ErrorCode;
use clausewise_store::Store;
use common::blank;

fn major(clause: &str, title: &str) -> FindingInput {
    FindingInput {
        clause_id: clause.into(),
        kind: FindingKind::MajorNonconformity,
        title: title.into(),
        observation: "No management review held in 2026.".into(),
        evidence: "Meeting calendar; SMS manager interview".into(),
        recommendation: "Hold a management review covering all inputs before stage 1.".into(),
        priority: Priority::High,
        owner: "Katrin Vogel (CIO)".into(),
        due_date: NaiveDate::from_ymd_opt(2027, 2, 15),
        status: FindingStatus::Open,
        phase: None,
        lifecycle: Default::default(),
    }
}

#[test]
fn findings_are_created_listed_in_clause_order_updated_and_deleted_with_undo() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let a = store
        .create_finding(id, &major("9.3", "Management review not held"))
        .unwrap();
    assert_eq!(
        a.phase,
        Some(Phase::BeforeStage1),
        "default phase from the kind"
    );
    let b = store
        .create_finding(id, &major("10.1", "Corrective actions untracked"))
        .unwrap();
    let c = store
        .create_finding(id, &major("4.3", "Scope excludes São Paulo"))
        .unwrap();
    let titles: Vec<String> = store
        .list_findings(id)
        .unwrap()
        .into_iter()
        .map(|f| f.clause_id)
        .collect();
    assert_eq!(titles, ["4.3", "9.3", "10.1"]);

    let mut edit = major("9.3", "Management review not held in 2026");
    edit.status = FindingStatus::Closed;
    edit.kind = FindingKind::MinorNonconformity;
    // A nonconformity closes only once verified effective; nothing changes.
    let refused = store.update_finding(id, a.id, &edit).unwrap_err();
    assert_eq!(
        clausewise_core::ApiError::from(refused).field,
        Some(clausewise_core::Field::Status)
    );
    assert_eq!(store.list_findings(id).unwrap()[1], a);
    edit.lifecycle = clausewise_core::finding::Lifecycle {
        correction: "Extra review held".into(),
        root_cause: "No owner".into(),
        corrective_action: "Owner named and review scheduled".into(),
        plan_accepted_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        implemented_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
        verified_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
        verified_by: "Lead assessor".into(),
        verification: "Minutes of the review seen".into(),
    };
    let updated = store.update_finding(id, a.id, &edit).unwrap();
    assert_eq!(updated.status, FindingStatus::Closed);
    assert_eq!(updated.lifecycle, edit.lifecycle, "the cycle is stored");
    assert_eq!(updated.nc_stage, Some(NcStage::Verified));
    assert_eq!(updated.kind, FindingKind::MinorNonconformity);
    assert_eq!(updated.created_at, a.created_at);
    assert!(updated.updated_at >= a.updated_at);

    let deleted = store.delete_finding(id, b.id).unwrap();
    assert_eq!(store.list_findings(id).unwrap().len(), 2);
    let restored = store.restore_finding(id, &deleted).unwrap();
    assert_eq!(restored, b);
    assert_eq!(store.list_findings(id).unwrap().len(), 3);

    assert_eq!(
        store.delete_finding(id, c.id).unwrap().title,
        "Scope excludes São Paulo"
    );
    let err = store.delete_finding(id, c.id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn invalid_findings_write_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let mut bad = major("9.3", " ");
    assert_eq!(
        store.create_finding(id, &bad).unwrap_err().code(),
        ErrorCode::Validation
    );
    bad = major("99", "Unknown clause");
    assert_eq!(
        store.create_finding(id, &bad).unwrap_err().code(),
        ErrorCode::Validation
    );
    let other = uuid::Uuid::new_v4();
    assert_eq!(
        store
            .create_finding(other, &major("9.3", "x"))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    assert!(store.list_findings(id).unwrap().is_empty());
}

#[test]
fn deleting_an_assessment_deletes_its_findings_and_kpis() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    store.create_finding(id, &major("9.3", "x")).unwrap();
    store
        .create_kpi(id, &clausewise_core::kpi::suggestions()[0])
        .unwrap();
    store.delete_assessment(id).unwrap();
    assert!(store.list_findings(id).unwrap().is_empty());
    assert!(store.list_kpis(id).unwrap().is_empty());
}

#[test]
fn kpis_round_trip_and_report_met() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let measured = |period: &str, value: f64| Measurement {
        period: period.into(),
        value,
        note: "Ночная смена — 夜勤".into(),
    };
    let input = KpiInput {
        name: "Mean time to restore service – Łódź DC".into(),
        clause_ids: vec!["9.1".into(), "8.6.1".into()],
        unit: "hours".into(),
        direction: Direction::LowerIsBetter,
        target: Some(4.0),
        tolerance: Some(0.5),
        owner: "Piotr Nowak".into(),
        definition: "Interruption start to service restored, P1 and P2.".into(),
        source: "ITSM tool".into(),
        service: "Warehouse platform".into(),
        measurements: vec![measured("2026-08", 4.2), measured("2026-09", 5.5)],
        finding_ids: vec![],
        decision: String::new(),
    };
    let kpi = store.create_kpi(id, &input).unwrap();
    assert_eq!(kpi.clause_ids, ["8.6.1", "9.1"]);
    assert_eq!(kpi.met(), Some(false));
    assert_eq!(
        kpi.statuses(),
        [
            Some(PeriodStatus::WithinTolerance),
            Some(PeriodStatus::Missed)
        ]
    );
    // Missed, with nothing linked: measured but not acted upon.
    assert!(store.kpi_row(id, kpi.clone()).unwrap().not_acted_upon);

    // A finding linked to it: acted upon.
    let finding = store
        .create_finding(id, &major("8.6.1", "Restoration slower than agreed"))
        .unwrap();
    let mut linked = input.clone();
    linked.finding_ids = vec![finding.id];
    linked.measurements.push(measured("2026-10", 3.2));
    let updated = store.update_kpi(id, kpi.id, &linked).unwrap();
    assert_eq!(updated.met(), Some(true));
    assert_eq!(updated.created_at, kpi.created_at);
    assert_eq!(store.list_kpis(id).unwrap(), vec![updated.clone()]);
    let rows = store.kpi_rows(id).unwrap();
    assert_eq!(rows[0].statuses.len(), 3);
    assert!(!rows[0].not_acted_upon);

    // The finding deleted: the row no longer links it, the KPI is flagged
    // again once it misses, and saving the row as listed works; undone, the
    // link is back.
    let mut missed = linked.clone();
    missed.measurements.push(measured("2026-11", 6.0));
    store.update_kpi(id, kpi.id, &missed).unwrap();
    let deleted = store.delete_finding(id, finding.id).unwrap();
    let row = store.kpi_rows(id).unwrap().remove(0);
    assert!(row.kpi.finding_ids.is_empty());
    assert!(row.not_acted_upon);
    let again = KpiInput::from(&row.kpi);
    store.update_kpi(id, kpi.id, &again).unwrap();
    store.update_kpi(id, kpi.id, &missed).unwrap_err();
    store.restore_finding(id, &deleted).unwrap();
    store.update_kpi(id, kpi.id, &missed).unwrap();
    assert!(!store.kpi_rows(id).unwrap()[0].not_acted_upon);
    let updated = store.update_kpi(id, kpi.id, &linked).unwrap();

    // A finding of another assessment, or one that does not exist, is refused.
    let other = blank(&mut store);
    let elsewhere = store
        .create_finding(other, &major("9.3", "Not held"))
        .unwrap();
    for id_ in [elsewhere.id, uuid::Uuid::new_v4()] {
        let mut bad = linked.clone();
        bad.finding_ids = vec![id_];
        let err = store.update_kpi(id, kpi.id, &bad).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation);
    }
    assert_eq!(store.list_kpis(id).unwrap(), vec![updated]);
    store.delete_kpi(id, kpi.id).unwrap();
    assert!(store.list_kpis(id).unwrap().is_empty());
    assert_eq!(
        store.delete_kpi(id, kpi.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_kpi_edited_keeps_its_place_in_the_list() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    let names = |store: &Store| -> Vec<String> {
        store
            .list_kpis(id)
            .unwrap()
            .into_iter()
            .map(|k| k.name)
            .collect()
    };
    let before = names(&store);
    let first = store.list_kpis(id).unwrap().remove(0);
    let mut input = KpiInput::from(&first);
    input.decision = "Reviewed at the management review of 2026-11.".into();
    let updated = store.update_kpi(id, first.id, &input).unwrap();
    assert_eq!(names(&store), before);
    assert_eq!(store.list_kpis(id).unwrap()[0], updated);
}

#[test]
fn kpis_and_findings_created_together_keep_the_order_they_were_written_in() {
    let mut store = Store::open_in_memory().unwrap();
    let demo = store.create_demo().unwrap();
    let names: Vec<String> = store
        .list_kpis(demo.id)
        .unwrap()
        .into_iter()
        .map(|k| k.name)
        .collect();
    let expected: Vec<String> = clausewise_core::demo::demo(0)
        .kpis
        .into_iter()
        .map(|k| k.input.name)
        .collect();
    assert_eq!(names, expected);
}

#[test]
fn the_documented_information_checklist_is_recorded_item_by_item() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let register = store.documents(id).unwrap();
    let items: Vec<String> = register
        .iter()
        .filter(|d| d.clause_id == "7.5.4")
        .map(|d| d.item.clone())
        .collect();
    assert_eq!(
        items.len(),
        14,
        "every item of 7.5.4, in catalogue order, first"
    );
    assert_eq!(items[0], "SMS scope");
    assert!(
        register.len() > 14 && register[..14].iter().all(|d| d.clause_id == "7.5.4"),
        "then what the other requirements expect"
    );

    store.set_document(id, &items[0], Some(true)).unwrap();
    let all = store.set_document(id, &items[5], Some(false)).unwrap();
    assert_eq!(all[0].present, Some(true));
    assert_eq!(all[5].present, Some(false));
    assert_eq!(
        all.iter().filter(|d| d.present.is_none()).count(),
        register.len() - 2
    );
    // Back to "not checked".
    let all = store.set_document(id, &items[0], None).unwrap();
    assert_eq!(all[0].present, None);

    // An item the checklist does not have is refused, with the field named.
    let err = store.set_document(id, "Bring your own document", Some(true));
    let err = clausewise_core::ApiError::from(err.unwrap_err());
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.field, Some(clausewise_core::Field::Document));

    // A final assessment is not changed.
    store
        .set_assessment_status(id, clausewise_core::AssessmentStatus::Final)
        .unwrap();
    assert!(store.set_document(id, &items[1], Some(true)).is_err());
    assert_eq!(store.documents(id).unwrap()[1].present, None);
}
