//! Every earlier schema, with data in it, migrates to the current one with
//! its data intact.

use clausewise_core::{AssessmentStatus, Rating};
use clausewise_store::{OpenMode, Store, SCHEMA_VERSION};
use rusqlite::Connection;

const V1: &str = include_str!("../src/migrations/0001_clients_assessments.sql");
const V2: &str = include_str!("../src/migrations/0002_clause_responses.sql");

/// A database as schema 1 wrote it, with a client and two assessments.
fn schema_1_fixture(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V1).unwrap();
    conn.execute_batch(
        "INSERT INTO client VALUES ('6f1c2a4e-0b7d-4c56-9d1e-3a2b4c5d6e7f', 'Müller & Söhne AG',
                '2026-01-10T08:00:00.000000Z', '2026-01-10T08:00:00.000000Z');
         INSERT INTO assessment VALUES ('0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
                '6f1c2a4e-0b7d-4c56-9d1e-3a2b4c5d6e7f', 'Baseline 2026', 'Service desk', 'A. Auditor',
                4, 'final', '2026-01-10T08:00:00.000000Z', '2026-02-01T10:30:00.000000Z');
         INSERT INTO assessment VALUES ('1d7e8f90-2b3c-4d4e-9f50-6b7c8d9e0f1a',
                '6f1c2a4e-0b7d-4c56-9d1e-3a2b4c5d6e7f', 'Оценка', '', '',
                3, 'draft', '2026-03-10T08:00:00.000000Z', '2026-03-10T08:00:00.000000Z');
         PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn a_database_opened_only_for_reading_is_still_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    schema_1_fixture(&path);

    let store = Store::open_for_reading(&path).unwrap();
    assert_eq!(store.list_assessments().unwrap().len(), 2);
    drop(store);
    // Opening without writing at all takes only a database of this version.
    Store::open_read_only(&path).unwrap();
    assert_eq!(clausewise_store::list_snapshots(&path).unwrap().len(), 1);
}

#[test]
fn schema_1_with_data_migrates_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    schema_1_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    assert!(
        !store.was_created(),
        "an upgraded database is not a first start"
    );
    // The data as it was before the migration is kept as a snapshot.
    let snapshots = clausewise_store::list_snapshots(&path).unwrap();
    assert_eq!(snapshots.len(), 1);
    assert_eq!(
        snapshots[0].reason,
        clausewise_store::SnapshotReason::BeforeMigration {
            version: SCHEMA_VERSION as u32
        }
    );
    let old = Connection::open(&snapshots[0].path).unwrap();
    let old_version: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(old_version, 1);
    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].title, "Оценка");
    assert_eq!(list[1].client_name, "Müller & Söhne AG");
    assert_eq!(list[1].status, AssessmentStatus::Final);

    let baseline = store.get_assessment(list[1].id).unwrap();
    assert_eq!(baseline.target_level, 4);
    assert_eq!(baseline.scope, "Service desk");
    assert_eq!(baseline.catalogue_id, "iso-iec-20000-1");
    // Stored as "2018" (the column's default), read as the current edition.
    assert_eq!(baseline.catalogue_version, "2018+A1:2024");

    // A final assessment refuses changes until it is reopened as a draft.
    let refused = store
        .save_response(baseline.id, &clausewise_core::ClauseResponse::blank("9.3"))
        .unwrap_err();
    assert_eq!(refused.code(), clausewise_core::ErrorCode::Final);
    store
        .set_assessment_status(baseline.id, AssessmentStatus::Draft)
        .unwrap();

    // The new table works on the migrated data.
    let saved = store
        .save_response(
            baseline.id,
            &clausewise_core::ClauseResponse {
                rating: Rating::Level { level: 2 },
                ..clausewise_core::ClauseResponse::blank("9.3")
            },
        )
        .unwrap();
    assert_eq!(saved.scorecard.clause("9.3").unwrap().gap, Some(2.0));
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// A database as schema 2 wrote it: schema 1's data plus clause responses.
fn schema_2_fixture(path: &std::path::Path) {
    schema_1_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V2).unwrap();
    conn.execute_batch(
        "INSERT INTO clause_response VALUES ('0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', '9.3', 'level', 2,
                NULL, '', 'Minutes exist but no decisions recorded — Łódź', '', '', '2026-02-01T10:30:00.000000Z');
         INSERT INTO clause_response VALUES ('0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', '8.3.4.2', 'not_applicable', NULL,
                NULL, 'No internal supplier', '', '', '', '2026-02-01T10:31:00.000000Z');
         PRAGMA user_version = 2;",
    )
    .unwrap();
}

#[test]
fn schema_2_with_data_migrates_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    schema_2_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let id: uuid::Uuid = "0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f".parse().unwrap();
    let ws = store.workspace(id).unwrap();
    assert_eq!(ws.responses.len(), 2);
    assert_eq!(ws.scorecard.clause("9.3").unwrap().score, Some(2.0));
    assert_eq!(ws.scorecard.not_applicable, 1);
    let r = ws.responses.iter().find(|r| r.clause_id == "9.3").unwrap();
    assert_eq!(r.notes, "Minutes exist but no decisions recorded — Łódź");

    // The tables schema 3 adds work on the migrated data (of the
    // assessment reopened as a draft: it was final).
    store
        .set_assessment_status(id, AssessmentStatus::Draft)
        .unwrap();
    let finding = store
        .create_finding(
            id,
            &clausewise_core::finding::FindingInput {
                clause_id: "9.3".into(),
                kind: clausewise_core::finding::FindingKind::MinorNonconformity,
                title: "Review decisions not recorded".into(),
                observation: String::new(),
                evidence: String::new(),
                recommendation: String::new(),
                priority: clausewise_core::finding::Priority::Medium,
                owner: String::new(),
                due_date: None,
                status: clausewise_core::finding::FindingStatus::Open,
                phase: None,
                lifecycle: Default::default(),
            },
        )
        .unwrap();
    assert_eq!(store.list_findings(id).unwrap(), vec![finding]);
}

const V3: &str = include_str!("../src/migrations/0003_findings_kpis.sql");

/// A database as schema 3 wrote it: schema 2's data plus a finding.
fn schema_3_fixture(path: &std::path::Path) {
    schema_2_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V3).unwrap();
    conn.execute_batch(
        "INSERT INTO finding VALUES ('2e8f9a01-3c4d-4e5f-8a61-7c8d9e0f1a2b',
                '0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', '9.3', 'major_nonconformity',
                'No management review this year', '', '', '', 'high', '', NULL, 'open',
                'before_stage1', '2026-02-01T10:40:00.000000Z', '2026-02-01T10:40:00.000000Z');
         PRAGMA user_version = 3;",
    )
    .unwrap();
}

#[test]
fn schema_3_with_data_migrates_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    schema_3_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let id: uuid::Uuid = "0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f".parse().unwrap();
    let baseline = store.get_assessment(id).unwrap();
    assert_eq!(baseline.baseline_id, None, "no assessment had a baseline");
    assert_eq!(store.list_findings(id).unwrap().len(), 1);
    assert_eq!(store.progress(id).unwrap(), None);

    // The column schema 4 adds works on the migrated data.
    let follow_up = store
        .start_follow_up(
            id,
            &clausewise_core::FollowUpInput {
                title: "Follow-up 2027".into(),
                copy_levels: true,
            },
        )
        .unwrap();
    assert_eq!(follow_up.baseline_id, Some(id));
    assert_eq!(store.list_findings(follow_up.id).unwrap().len(), 1);
    let progress = store.progress(follow_up.id).unwrap().expect("progress");
    assert_eq!(progress.baseline.title, "Baseline 2026");
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}

const V4: &str = include_str!("../src/migrations/0004_follow_up_baseline.sql");

/// A database as schema 4 wrote it: schema 3's data plus a follow-up whose
/// levels were copied from its baseline.
fn schema_4_fixture(path: &std::path::Path) {
    schema_3_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V4).unwrap();
    conn.execute_batch(
        "INSERT INTO assessment (id, client_id, title, scope, assessors, target_level, status,
                created_at, updated_at, catalogue_id, catalogue_version, baseline_id)
         VALUES ('3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c', '6f1c2a4e-0b7d-4c56-9d1e-3a2b4c5d6e7f',
                'Follow-up 2027', 'Service desk', 'A. Auditor', 4, 'draft',
                '2027-01-10T08:00:00.000000Z', '2027-01-10T08:00:00.000000Z',
                'iso-iec-20000-1', '2018', '0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f');
         INSERT INTO clause_response VALUES ('3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c', '9.3', 'level', 2,
                NULL, '', '', '', '', '2027-01-10T08:00:00.000000Z');
         PRAGMA user_version = 4;",
    )
    .unwrap();
}

#[test]
fn schema_4_with_data_migrates_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    schema_4_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let id: uuid::Uuid = "3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c".parse().unwrap();
    let follow_up = store.get_assessment(id).unwrap();
    assert_eq!((follow_up.starts_on, follow_up.ends_on), (None, None));
    let ws = store.workspace(id).unwrap();
    // Levels copied before schema 5 count as the consultant's own: nobody
    // can tell any more which were confirmed.
    assert!(!ws.responses[0].carried_over);
    assert_eq!(ws.scorecard.carried_over, 0);
    assert_eq!(ws.scorecard.clause("9.3").unwrap().score, Some(2.0));

    // The columns schema 5 adds work on the migrated data.
    let mut details = clausewise_core::NewAssessment {
        client_name: "Müller & Söhne AG".into(),
        title: follow_up.title.clone(),
        scope: follow_up.scope.clone(),
        assessors: follow_up.assessors.clone(),
        target_level: follow_up.target_level,
        starts_on: chrono::NaiveDate::from_ymd_opt(2027, 1, 11),
        ends_on: chrono::NaiveDate::from_ymd_opt(2027, 1, 12),
    };
    let updated = store.update_assessment(id, &details).unwrap();
    assert_eq!(updated.ends_on, details.ends_on);
    details.title = "Follow-up 2028".into();
    let again = store
        .start_follow_up(
            id,
            &clausewise_core::FollowUpInput {
                title: details.title.clone(),
                copy_levels: true,
            },
        )
        .unwrap();
    let carried = store.workspace(again.id).unwrap();
    assert_eq!(carried.scorecard.carried_over, 1);
    assert_eq!(
        again.starts_on, None,
        "a follow-up has fieldwork of its own"
    );
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

const V5: &str = include_str!("../src/migrations/0005_fieldwork_dates_carried_over.sql");

/// A database as schema 5 wrote it: schema 4's data plus fieldwork dates
/// and a carried-over level.
fn schema_5_fixture(path: &std::path::Path) {
    schema_4_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V5).unwrap();
    conn.execute_batch(
        "UPDATE assessment SET starts_on = '2027-01-11', ends_on = '2027-01-12'
             WHERE id = '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c';
         UPDATE clause_response SET carried_over = 1
             WHERE assessment_id = '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c';
         PRAGMA user_version = 5;",
    )
    .unwrap();
}

#[test]
fn schema_5_with_data_migrates_to_the_current_schema() {
    use clausewise_core::response::ResponseEdit;
    use clausewise_core::{Judgement, NaBasis};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    schema_5_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let follow_up: uuid::Uuid = "3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c".parse().unwrap();
    let ws = store.workspace(follow_up).unwrap();
    assert!(ws.responses[0].carried_over);
    assert_eq!(
        store.get_assessment(follow_up).unwrap().ends_on,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 12)
    );
    // Nothing was judged before schema 6, and a not applicable requirement
    // reads as a claimed exclusion until the consultant says otherwise.
    assert_eq!(ws.responses[0].judgement, Judgement::NotJudged);
    let baseline: uuid::Uuid = "0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f".parse().unwrap();
    let na = store
        .list_responses(baseline)
        .unwrap()
        .into_iter()
        .find(|r| r.clause_id == "8.3.4.2")
        .unwrap();
    assert_eq!(na.rating, Rating::NotApplicable);
    assert_eq!(na.na_basis, NaBasis::Exclusion);
    assert_eq!(na.na_justification, "No internal supplier");

    // The columns schema 6 adds work on the migrated data.
    let saved = store
        .edit_response(
            follow_up,
            "9.3",
            &ResponseEdit::Judgement(Judgement::MinorNonconformity),
        )
        .unwrap();
    assert_eq!(saved.response.judgement, Judgement::MinorNonconformity);
    // Judging does not confirm a carried-over level: only rating it does.
    assert!(saved.response.carried_over);
    store
        .set_assessment_status(baseline, AssessmentStatus::Draft)
        .unwrap();
    store
        .edit_response(
            baseline,
            "8.3.4.2",
            &ResponseEdit::NaBasis(NaBasis::NoInstances),
        )
        .unwrap();
    drop(store);

    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    let again = store.list_responses(baseline).unwrap();
    let na = again.iter().find(|r| r.clause_id == "8.3.4.2").unwrap();
    assert_eq!(na.na_basis, NaBasis::NoInstances);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // The database refuses values the program never writes.
    let refused = conn.execute(
        "UPDATE clause_response SET judgement = 'acceptable' WHERE clause_id = '9.3'",
        [],
    );
    assert!(refused.is_err());
}

const V6: &str = include_str!("../src/migrations/0006_judgement_na_basis.sql");

/// A database as schema 6 wrote it: schema 5's data plus judgements, and a
/// minor nonconformity closed before the corrective action cycle existed.
fn schema_6_fixture(path: &std::path::Path) {
    schema_5_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V6).unwrap();
    conn.execute_batch(
        "UPDATE clause_response SET judgement = 'conforms'
             WHERE assessment_id = '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c';
         INSERT INTO finding (id, assessment_id, clause_id, kind, title, observation, evidence,
                 recommendation, priority, owner, due_date, status, phase, created_at, updated_at)
         VALUES ('4a0b1c2d-5e6f-4071-8a92-9e0f1a2b3c4d', '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c',
                 '8.5.1.3', 'minor_nonconformity', 'Changes approved late', '', '', '', 'medium',
                 'Change manager', '2027-02-01', 'closed', 'before_stage2',
                 '2027-01-11T09:00:00.000000Z', '2027-01-11T09:00:00.000000Z');
         PRAGMA user_version = 6;",
    )
    .unwrap();
}

#[test]
fn schema_6_with_data_migrates_to_the_current_schema() {
    use clausewise_core::finding::{FindingInput, FindingStatus, NcStage};
    use clausewise_core::Judgement;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    schema_6_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let follow_up: uuid::Uuid = "3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c".parse().unwrap();
    let ws = store.workspace(follow_up).unwrap();
    assert_eq!(ws.responses[0].judgement, Judgement::Conforms);
    // No document was checked before schema 7: every item reads unchecked.
    assert_eq!(
        ws.documents
            .iter()
            .filter(|d| d.clause_id == "7.5.4")
            .count(),
        14
    );
    assert!(ws.documents.iter().all(|d| d.present.is_none()));
    // The old closed nonconformity stays closed, as recorded, with an empty
    // cycle: the app shows it was never verified.
    let old = store.list_findings(follow_up).unwrap().remove(0);
    assert_eq!(old.status, FindingStatus::Closed);
    assert!(old.lifecycle.is_empty());
    assert_eq!(old.nc_stage, Some(NcStage::Raised));

    // Saving it closed again needs the verification it never had.
    let mut input = FindingInput {
        clause_id: old.clause_id.clone(),
        kind: old.kind,
        title: old.title.clone(),
        observation: String::new(),
        evidence: String::new(),
        recommendation: String::new(),
        priority: old.priority,
        owner: old.owner.clone(),
        due_date: old.due_date,
        status: FindingStatus::Closed,
        phase: old.phase,
        lifecycle: old.lifecycle.clone(),
    };
    assert!(store.update_finding(follow_up, old.id, &input).is_err());
    input.lifecycle.corrective_action = "Approval made a required step".into();
    input.lifecycle.plan_accepted_on = chrono::NaiveDate::from_ymd_opt(2027, 1, 12);
    input.lifecycle.implemented_on = chrono::NaiveDate::from_ymd_opt(2027, 1, 20);
    input.lifecycle.verified_on = chrono::NaiveDate::from_ymd_opt(2027, 1, 30);
    input.lifecycle.verified_by = "A. Auditor".into();
    input.lifecycle.verification = "Ten changes sampled; all approved first".into();
    let verified = store.update_finding(follow_up, old.id, &input).unwrap();
    assert_eq!(verified.nc_stage, Some(NcStage::Verified));

    // The checklist schema 7 adds works on the migrated data.
    let item = ws.documents[0].item.clone();
    let all = store.set_document(follow_up, &item, Some(false)).unwrap();
    assert_eq!(all[0].present, Some(false));
    assert!(store
        .set_document(follow_up, "A document nobody asked for", Some(true))
        .is_err());
    drop(store);

    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    assert_eq!(store.documents(follow_up).unwrap()[0].present, Some(false));
    assert_eq!(
        store.list_findings(follow_up).unwrap()[0].lifecycle,
        input.lifecycle
    );
    drop(store);
    let conn = migrated(&path);
    // The database refuses values the program never writes.
    let refused = conn.execute(
        "UPDATE document_register SET present = 2 WHERE item = ?1",
        [item],
    );
    assert!(refused.is_err());
}

/// The database at `path`, checked to be sound and at the current schema.
fn migrated(path: &std::path::Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        SCHEMA_VERSION
    );
    conn
}

const V7: &str = include_str!("../src/migrations/0007_lifecycle_documents.sql");

/// A database as schema 7 wrote it: schema 6's data plus a checked
/// document, and no practice profile.
fn schema_7_fixture(path: &std::path::Path) {
    schema_6_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V7).unwrap();
    let item = clausewise_core::Catalogue::builtin()
        .clause("7.5.4")
        .unwrap()
        .documented_information[0]
        .clone();
    conn.execute(
        "INSERT INTO document_check (assessment_id, item, present, updated_at)
             VALUES ('3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c', ?1, 1, '2027-01-11T09:00:00.000000Z')",
        [item],
    )
    .unwrap();
    conn.execute_batch("PRAGMA user_version = 7;").unwrap();
}

#[test]
fn schema_7_with_data_migrates_to_the_current_schema() {
    use clausewise_core::practices::{PracticeRecord, PracticeStatus};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    schema_7_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let follow_up: uuid::Uuid = "3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c".parse().unwrap();
    let ws = store.workspace(follow_up).unwrap();
    // What schema 7 held is still there; the new profile starts blank.
    assert!(ws.documents.iter().any(|d| d.present == Some(true)));
    assert_eq!(ws.practices.len(), 34);
    assert!(ws.practices.iter().all(PracticeRecord::is_blank));
    let dash = store.dashboard(follow_up).unwrap();
    assert_eq!(dash.execution_control.practices_run, 0);

    let record = PracticeRecord {
        status: Some(PracticeStatus::Partial),
        capability: Some(2),
        ..PracticeRecord::blank("Change enablement")
    };
    store.set_practice(follow_up, &record).unwrap();
    drop(store);

    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    assert!(store.practices(follow_up).unwrap().contains(&record));
    drop(store);
    let conn = migrated(&path);
    // The database refuses values the program never writes.
    for bad in [
        "UPDATE practice_profile SET capability = 7",
        "UPDATE practice_profile SET status = 'sometimes'",
    ] {
        assert!(conn.execute(bad, []).is_err(), "{bad}");
    }
}

const V8: &str = include_str!("../src/migrations/0008_practice_profile.sql");

/// A database as schema 8 wrote it: KPIs with one value for one period (one
/// with no period, one not measured), and a practice recorded.
fn schema_8_fixture(path: &std::path::Path) {
    schema_7_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V8).unwrap();
    conn.execute_batch(
        "INSERT INTO kpi (id, assessment_id, name, clause_ids, unit, direction, value, target,
                 period, source, created_at, updated_at)
         VALUES ('5b1c2d3e-6f70-4182-9ba3-0f1a2b3c4d5e', '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c',
                 'Change success rate', '[\"8.5.1.3\"]', '%', 'higher_is_better', 96.4, 95.0,
                 'Q3 2026', 'ServiceNow', '2027-01-11T09:00:00.000000Z',
                 '2027-01-11T09:00:00.000000Z'),
                ('6c2d3e4f-7081-4293-8cb4-1a2b3c4d5e6f', '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c',
                 'SLA attainment', '[\"9.4\"]', '%', 'higher_is_better', 91.0, 95.0,
                 '', '', '2027-01-11T09:01:00.000000Z', '2027-01-11T09:01:00.000000Z'),
                ('7d3e4f50-8192-43a4-9dc5-2b3c4d5e6f70', '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c',
                 'Complaints', '[]', 'per month', 'lower_is_better', NULL, 5.0,
                 'Q3 2026', '', '2027-01-11T09:02:00.000000Z', '2027-01-11T09:02:00.000000Z');
         INSERT INTO practice_profile VALUES ('3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c',
                 'Service desk', 'in_place', 4, 'ServiceNow', '', '', '2027-01-11T09:00:00.000000Z');
         PRAGMA user_version = 8;",
    )
    .unwrap();
}

#[test]
fn schema_8_with_data_migrates_to_the_current_schema() {
    use clausewise_core::kpi::{KpiInput, Measurement, PeriodStatus};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    schema_8_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let follow_up: uuid::Uuid = "3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c".parse().unwrap();
    let kpis = store.list_kpis(follow_up).unwrap();
    assert_eq!(kpis.len(), 3);
    // The one value becomes the first measurement of the series.
    assert_eq!(
        kpis[0].measurements,
        [Measurement {
            period: "Q3 2026".into(),
            value: 96.4,
            note: String::new()
        }]
    );
    assert_eq!(kpis[0].status(), Some(PeriodStatus::Met));
    assert_eq!(kpis[1].measurements[0].period, "Recorded earlier");
    assert!(kpis[2].measurements.is_empty());
    assert!(kpis
        .iter()
        .all(|k| k.owner.is_empty() && k.finding_ids.is_empty()));
    // Missed, with nothing linked: flagged.
    assert!(store.kpi_rows(follow_up).unwrap()[1].not_acted_upon);
    // What schema 8 held stays.
    assert!(store
        .practices(follow_up)
        .unwrap()
        .iter()
        .any(|p| p.practice == "Service desk" && p.capability == Some(4)));

    // The series takes new periods.
    let mut input = KpiInput::from(&kpis[1]);
    input.measurements.push(Measurement {
        period: "Q4 2026".into(),
        value: 95.5,
        note: String::new(),
    });
    let updated = store.update_kpi(follow_up, kpis[1].id, &input).unwrap();
    assert_eq!(updated.met(), Some(true));
    drop(store);

    let conn = migrated(&path);
    // The database refuses values the program never writes.
    for bad in [
        "UPDATE kpi SET measurements = 'not json'",
        "UPDATE kpi SET measurements = '{}'",
        "UPDATE kpi SET tolerance = -1",
    ] {
        assert!(conn.execute(bad, []).is_err(), "{bad}");
    }
}

const V9: &str = include_str!("../src/migrations/0009_kpi_series.sql");

/// A database as schema 9 wrote it: people interviewed typed as free text,
/// and the 7.5.4 checklist in its own table.
fn schema_9_fixture(path: &std::path::Path) {
    schema_8_fixture(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V9).unwrap();
    conn.execute_batch(
        "UPDATE clause_response SET interviewees = 'Dana Fischer (Change manager), Jan Novák; 李伟'
          WHERE assessment_id = '3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c' AND clause_id = '9.3';
         UPDATE clause_response SET interviewees = 'dana fischer and Ola Berg'
          WHERE assessment_id = '0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f' AND clause_id = '9.3';
         PRAGMA user_version = 9;",
    )
    .unwrap();
}

#[test]
fn schema_9_with_data_migrates_to_the_current_schema() {
    use clausewise_core::engagement::{EvidenceInput, EvidenceKind};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    schema_9_fixture(&path);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let follow_up: uuid::Uuid = "3f90ab12-4d5e-4f60-9b72-8d9e0f1a2b3c".parse().unwrap();
    // The free text is kept as typed, and its names are in the directory of
    // the client, once each, spelt as first typed (the baseline came first).
    let ws = store.workspace(follow_up).unwrap();
    let r = ws.responses.iter().find(|r| r.clause_id == "9.3").unwrap();
    assert_eq!(
        r.interviewees,
        "Dana Fischer (Change manager), Jan Novák; 李伟"
    );
    let people = store.people(follow_up).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["dana fischer", "Jan Novák", "Ola Berg", "李伟"]);
    // The checklist moved into the register with what was checked.
    let item = &ws.documents[0];
    assert_eq!(item.clause_id, "7.5.4");
    assert_eq!(item.present, Some(true));
    assert_eq!(item.approved, None);

    // The new register works on the migrated data.
    let e = store
        .add_evidence(
            follow_up,
            &EvidenceInput {
                kind: EvidenceKind::Document,
                title: "Service management plan".into(),
                version: "1.0".into(),
                owner: String::new(),
                seen_on: None,
                location: String::new(),
                notes: String::new(),
                clause_ids: vec!["6.3".into()],
                finding_ids: vec![],
                scope_ids: vec![],
                sampling: None,
            },
        )
        .unwrap();
    assert_eq!(e.code, "E-01");
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, "The plan").unwrap();
    let e = store.attach_file(follow_up, e.id, &file).unwrap();
    assert_eq!(e.files.len(), 1);
    store
        .save_scope_item(
            follow_up,
            &clausewise_core::engagement::ScopeItem {
                id: uuid::Uuid::new_v4(),
                kind: clausewise_core::engagement::ScopeKind::Site,
                name: "Hamburg".into(),
                owner: String::new(),
                criticality: None,
                customers: String::new(),
                reference: String::new(),
                processes: vec![],
            },
        )
        .unwrap();
    drop(store);

    let conn = migrated(&path);
    for bad in [
        "UPDATE evidence SET kind = 'rumour'",
        "UPDATE evidence SET clause_ids = 'x'",
        "UPDATE evidence SET population = 5, sample = 6, exceptions = 0",
        "UPDATE evidence SET population = 5, sample = NULL, exceptions = 0",
        "UPDATE scope_item SET kind = 'planet'",
        "UPDATE document_register SET approved = 3",
        "UPDATE file_blob SET sha256 = 'short'",
    ] {
        assert!(conn.execute(bad, []).is_err(), "{bad}");
    }
}
