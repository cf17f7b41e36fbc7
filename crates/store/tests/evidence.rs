//! The engagement on record: scope, people, interviews, the evidence
//! register and its files, kept once per SHA-256 and checked when read.

mod common;

use clausewise_core::engagement::{
    Criticality, EvidenceInput, EvidenceKind, Interview, Person, Sampling, ScopeItem, ScopeKind,
};
use clausewise_core::transfer::OnConflict;
use clausewise_store::{AttachmentError, OpenMode, Store, StoreError};
use common::blank;
use uuid::Uuid;

fn input(title: &str) -> EvidenceInput {
    EvidenceInput {
        kind: EvidenceKind::Record,
        title: title.into(),
        version: String::new(),
        owner: String::new(),
        seen_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 17),
        location: "ServiceNow › change_request".into(),
        notes: String::new(),
        clause_ids: vec!["8.5.1.3".into()],
        finding_ids: vec![],
        scope_ids: vec![],
        sampling: None,
    }
}

fn hex_sha(bytes: &[u8]) -> String {
    clausewise_store::hash_reader(&mut &bytes[..]).unwrap().0
}

fn blobs(store: &Store) -> usize {
    store.stored_files().unwrap().len()
}

#[test]
fn one_file_backs_many_items_and_stays_until_the_last_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let a = store
        .add_evidence(id, &input("Emergency changes Q3"))
        .unwrap();
    let b = store.add_evidence(id, &input("Change policy")).unwrap();
    assert_eq!((a.code.as_str(), b.code.as_str()), ("E-01", "E-02"));
    let path = dir.path().join("Änderungen Q3 – 変更.csv");
    let content = "id;approved\nCHG0001;yes\n".repeat(5000);
    std::fs::write(&path, &content).unwrap();

    let a = store.attach_file(id, a.id, &path).unwrap();
    let b = store.attach_file(id, b.id, &path).unwrap();
    assert_eq!(a.files[0].sha256, hex_sha(content.as_bytes()));
    assert_eq!(a.files[0].name, "Änderungen Q3 – 変更.csv");
    assert_eq!(a.files[0].size, content.len() as u64);
    assert!(a.files[0].stored);
    assert_eq!(blobs(&store), 1, "the content is kept once");
    // Attaching it twice to one item is refused, by name.
    let err = store.attach_file(id, a.id, &path).unwrap_err();
    assert!(matches!(
        err,
        StoreError::Attachment(AttachmentError::AlreadyAttached { .. })
    ));

    store.delete_evidence(id, a.id).unwrap();
    assert_eq!(blobs(&store), 1, "b still uses it");
    let mut out = Vec::new();
    store
        .read_attachment(id, &b.files[0].sha256, &mut out)
        .unwrap();
    assert_eq!(out, content.as_bytes());
    store.detach_file(id, b.id, &b.files[0].sha256).unwrap();
    assert_eq!(blobs(&store), 0, "nothing uses it any more");
}

#[test]
fn files_that_cannot_be_attached_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let e = store.add_evidence(id, &input("Records")).unwrap();
    let refused = |store: &mut Store, path: &std::path::Path| match store
        .attach_file(id, e.id, path)
        .unwrap_err()
    {
        StoreError::Attachment(a) => a,
        other => panic!("{other}"),
    };
    assert!(matches!(
        refused(&mut store, dir.path()),
        AttachmentError::Folder { .. }
    ));
    assert!(matches!(
        refused(&mut store, &dir.path().join("gone.pdf")),
        AttachmentError::Vanished { .. }
    ));
    // A 2 GB file (sparse: nothing is written) is refused before reading.
    let big = dir.path().join("disk image.iso");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024)
        .unwrap();
    let err = refused(&mut store, &big);
    assert!(matches!(err, AttachmentError::TooLarge { .. }));
    assert!(err.to_string().contains("2.0 GB"), "{err}");
    assert!(store.evidence(id).unwrap()[0].files.is_empty());
}

#[test]
fn a_damaged_stored_copy_is_noticed_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut store = Store::open(&db, OpenMode::CreateIfMissing).unwrap();
    let id = blank(&mut store);
    let e = store.add_evidence(id, &input("Policy")).unwrap();
    let path = dir.path().join("policy.pdf");
    std::fs::write(&path, b"%PDF-1.4 policy").unwrap();
    let e = store.attach_file(id, e.id, &path).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE file_blob SET content = X'00112233'", [])
        .unwrap();
    drop(conn);
    let store = Store::open(&db, OpenMode::MustExist).unwrap();
    let err = store
        .read_attachment(id, &e.files[0].sha256, &mut Vec::new())
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Attachment(AttachmentError::Damaged { .. })),
        "{err}"
    );
    // The health check reads every file back and names the damaged one.
    let report = store.check().unwrap();
    assert!(!report.is_ok());
    assert_eq!(report.files, 1);
    assert_eq!(report.damaged_files.len(), 1);
    assert!(
        report.damaged_files[0].contains("E-01 “policy.pdf”"),
        "{:?}",
        report.damaged_files
    );
}

#[test]
fn an_assessment_file_without_its_files_lists_them_and_replacing_keeps_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let e = store.add_evidence(id, &input("Policy")).unwrap();
    let path = dir.path().join("policy.pdf");
    std::fs::write(&path, b"%PDF-1.4 policy").unwrap();
    let e = store.attach_file(id, e.id, &path).unwrap();
    let json = store.export_assessment(id).unwrap().to_json();

    // Elsewhere: listed, but the content is not here.
    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_assessment(json.as_bytes(), OnConflict::Fail)
        .unwrap();
    let there = fresh.evidence(id).unwrap();
    assert_eq!(there[0].files[0].sha256, e.files[0].sha256);
    assert!(!there[0].files[0].stored);
    let err = fresh
        .read_attachment(id, &e.files[0].sha256, &mut Vec::new())
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Attachment(AttachmentError::NotStored { .. })
    ));

    // Here: replacing the assessment with its own file keeps the content.
    store
        .import_assessment(json.as_bytes(), OnConflict::Replace)
        .unwrap();
    assert_eq!(blobs(&store), 1);
    let mut out = Vec::new();
    store
        .read_attachment(id, &e.files[0].sha256, &mut out)
        .unwrap();
    assert_eq!(out, b"%PDF-1.4 policy");
    // And a second copy shares it.
    store
        .import_assessment(json.as_bytes(), OnConflict::KeepBoth)
        .unwrap();
    assert_eq!(blobs(&store), 1);
    store.delete_assessment(id).unwrap();
    assert_eq!(blobs(&store), 1, "the copy still uses it");
}

#[test]
fn scope_people_and_interviews_hang_together() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let service = ScopeItem {
        id: Uuid::new_v4(),
        kind: ScopeKind::Service,
        name: "Warehouse management".into(),
        owner: "Katrin Vogel".into(),
        criticality: Some(Criticality::High),
        customers: "Hamburg, Łódź".into(),
        reference: "SLA-WMS-2025".into(),
        processes: vec![],
    };
    let dc = ScopeItem {
        id: Uuid::new_v4(),
        kind: ScopeKind::ExternalSupplier,
        name: "ŁódźDC".into(),
        owner: String::new(),
        criticality: None,
        customers: String::new(),
        reference: String::new(),
        processes: vec!["8.7.2".into(), "8.4.3".into()],
    };
    store.save_scope_item(id, &service).unwrap();
    let scope = store.save_scope_item(id, &dc).unwrap();
    assert_eq!(scope.len(), 2);
    assert_eq!(scope[1].processes, ["8.4.3", "8.7.2"]);
    let eng = store.engagement(id).unwrap();
    assert_eq!(eng.matrix.parties.len(), 1);
    let row = eng
        .matrix
        .processes
        .iter()
        .find(|p| p.clause_id == "8.7.2")
        .unwrap();
    assert_eq!(row.operated_by, [true]);

    let dana = Person {
        email: "dana@nordwind.example".into(),
        ..Person::new("Dana Fischer")
    };
    store.save_person(id, &dana).unwrap();
    let talk = Interview {
        id: Uuid::new_v4(),
        held_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
        time: "09:30".into(),
        person_ids: vec![dana.id],
        clause_ids: vec!["8.5.1.3".into(), "9.3".into()],
        notes: "Emergency changes walked through.".into(),
    };
    store.save_interview(id, &talk).unwrap();
    let eng = store.engagement(id).unwrap();
    assert_eq!(eng.coverage.covered, 2);
    // A person not in the directory cannot be named.
    let stranger = Interview {
        person_ids: vec![Uuid::new_v4()],
        id: Uuid::new_v4(),
        ..talk.clone()
    };
    assert!(store.save_interview(id, &stranger).is_err());

    // A finding names the scope it concerns; it travels with the file.
    let finding = store
        .create_finding(
            id,
            &clausewise_core::finding::FindingInput {
                clause_id: "8.3.4.1".into(),
                kind: clausewise_core::finding::FindingKind::MinorNonconformity,
                title: "No contract with the data centre".into(),
                observation: String::new(),
                evidence: String::new(),
                recommendation: String::new(),
                priority: clausewise_core::finding::Priority::High,
                owner: String::new(),
                due_date: None,
                status: clausewise_core::finding::FindingStatus::Open,
                phase: None,
                lifecycle: Default::default(),
            },
        )
        .unwrap();
    let links = store
        .set_finding_scope(id, finding.id, &[dc.id, dc.id])
        .unwrap();
    assert_eq!(links[0].scope_ids, [dc.id]);
    assert!(store
        .set_finding_scope(id, finding.id, &[Uuid::new_v4()])
        .is_err());
    let json = store.export_assessment(id).unwrap().to_json();
    let mut elsewhere = Store::open_in_memory().unwrap();
    elsewhere
        .import_assessment(json.as_bytes(), OnConflict::Fail)
        .unwrap();
    let there = elsewhere.engagement(id).unwrap();
    assert_eq!(there.concerns(finding.id), ["ŁódźDC"]);
    // A copy follows its own ids.
    elsewhere
        .import_assessment(json.as_bytes(), OnConflict::KeepBoth)
        .unwrap();
    let copy = elsewhere
        .list_assessments()
        .unwrap()
        .into_iter()
        .find(|a| a.id != id)
        .unwrap();
    let copied = elsewhere.engagement(copy.id).unwrap();
    assert_eq!(copied.finding_scope.len(), 1);
    assert_eq!(
        copied.concerns(copied.finding_scope[0].finding_id),
        ["ŁódźDC"]
    );

    // Evidence names the scope it concerns; removing the entry drops the link.
    let mut e = input("Availability reports");
    e.scope_ids = vec![service.id];
    let item = store.add_evidence(id, &e).unwrap();
    assert_eq!(item.scope_ids, [service.id]);
    store.delete_scope_item(id, service.id).unwrap();
    assert!(store.evidence(id).unwrap()[0].scope_ids.is_empty());
    // Removing a person takes them out of their interviews.
    store.delete_person(id, dana.id).unwrap();
    assert!(store.interviews(id).unwrap()[0].person_ids.is_empty());
}

#[test]
fn a_sample_with_exceptions_raises_a_linked_finding_in_one_step() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let mut e = input("Emergency changes Q3");
    e.sampling = Some(Sampling {
        population: 61,
        sample: 10,
        exceptions: 4,
    });
    let item = store.add_evidence(id, &e).unwrap();
    let (finding, item) = store.raise_sample_finding(id, item.id).unwrap();
    assert_eq!(finding.clause_id, "8.5.1.3");
    assert!(finding.title.starts_with("4 of 10 sampled records"));
    assert_eq!(item.finding_ids, [finding.id]);
    assert_eq!(store.list_findings(id).unwrap().len(), 1);
    // Without exceptions there is nothing to raise.
    e.sampling = Some(Sampling {
        population: 61,
        sample: 10,
        exceptions: 0,
    });
    let clean = store.add_evidence(id, &e).unwrap();
    assert!(store.raise_sample_finding(id, clean.id).is_err());
    assert_eq!(store.list_findings(id).unwrap().len(), 1);
    // A deleted finding's link is left out, and back with the finding.
    let deleted = store.delete_finding(id, finding.id).unwrap();
    assert!(store.evidence(id).unwrap()[0].finding_ids.is_empty());
    store.restore_finding(id, &deleted).unwrap();
    assert_eq!(store.evidence(id).unwrap()[0].finding_ids, [finding.id]);
}

#[test]
fn the_register_records_approval_version_and_the_evidence_item() {
    let mut store = Store::open_in_memory().unwrap();
    let id = blank(&mut store);
    let item = store
        .add_evidence(id, &input("SMS scope statement"))
        .unwrap();
    let mut check = store.documents(id).unwrap()[0].clone();
    check.present = Some(true);
    check.approved = Some(false);
    check.current = Some(true);
    check.evidence_id = Some(item.id);
    let all = store.set_document_check(id, &check).unwrap();
    assert_eq!(all[0], check);
    assert_eq!(all[0].status(), "Present, not approved, current");
    // The stage 1 gate notes what was seen but not approved.
    let dash = store.dashboard(id).unwrap();
    assert!(dash
        .verdicts
        .stage_1
        .reasons
        .iter()
        .any(|r| r.message.contains("not approved")));
    // An evidence item of another assessment cannot be named.
    let other = blank(&mut store);
    let foreign = store.add_evidence(other, &input("Elsewhere")).unwrap();
    check.evidence_id = Some(foreign.id);
    assert!(store.set_document_check(id, &check).is_err());
    // Deleting the item leaves the entry, without the link.
    store.delete_evidence(id, item.id).unwrap();
    assert_eq!(store.documents(id).unwrap()[0].evidence_id, None);
}
