//! Ways the data could be lost or made unreachable, each reproduced as it
//! was found, and kept fixed: restores that rotated their own source away,
//! snapshots deleted as soon as they were written, a timestamp that made
//! every list fail, damaged databases that could not be restored, foreign
//! files restored over the data or changed by a look at them, writes that
//! failed at once instead of waiting, and the leftovers of killed runs.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clausewise_core::finding::FindingInput;
use clausewise_core::kpi::KpiInput;
use clausewise_core::response::ResponseEdit;
use clausewise_core::{ClauseResponse, ErrorCode, NewAssessment, Rating};
use clausewise_store::{
    backup_dir, list_snapshots, OnConflict, OpenMode, SnapshotReason, Store, StoreError,
};
use rusqlite::Connection;

fn demo_at(path: &Path) -> (Store, uuid::Uuid) {
    let mut store = Store::open(path, OpenMode::CreateIfMissing).unwrap();
    let id = store.create_demo().unwrap().id;
    (store, id)
}

/// A snapshot copied to `clausewise-<day>-120000-daily.db` names, as a
/// folder copied from another machine (or written before the clock moved)
/// would hold them.
fn plant_daily_snapshots(
    source: &Path,
    db: &Path,
    days: impl Iterator<Item = String>,
) -> Vec<PathBuf> {
    let dir = backup_dir(db);
    days.map(|day| {
        let to = dir.join(format!("clausewise-{day}-120000-daily.db"));
        std::fs::copy(source, &to).unwrap();
        to
    })
    .collect()
}

/// Files in `dir` whose names say they are scratch files or journals.
fn scratch_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for d in [dir.to_owned(), dir.join("backups")] {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".partial")
                || name.contains(".partial-")
                || name.ends_with("-journal")
                || name.contains("probe")
            {
                found.push(name);
            }
        }
    }
    found
}

// 1. Restoring the oldest of 20 snapshots destroyed it and emptied the live
//    database, then reported success.
#[test]
fn restoring_the_oldest_of_twenty_snapshots_brings_its_content_back_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let (mut store, id) = demo_at(&db);
    let taken = store.snapshot(SnapshotReason::Manual).unwrap();
    let planted =
        plant_daily_snapshots(&taken.path, &db, (1..=20).map(|d| format!("202601{d:02}")));
    std::fs::remove_file(&taken.path).unwrap();
    assert_eq!(list_snapshots(&db).unwrap().len(), 20);
    let oldest = planted[0].clone();
    let oldest_bytes = std::fs::read(&oldest).unwrap();

    store.delete_assessment(id).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());

    let before = store.restore(&oldest).unwrap();
    assert_eq!(store.list_assessments().unwrap()[0].id, id);
    assert_eq!(store.list_findings(id).unwrap().len(), 32);
    assert_eq!(store.list_responses(id).unwrap().len(), 57);
    assert!(store.check().unwrap().is_ok());
    assert_eq!(
        std::fs::read(&oldest).unwrap(),
        oldest_bytes,
        "the restored snapshot is kept as it was"
    );
    assert!(before.path.exists(), "the undo snapshot is kept");
    let left = list_snapshots(&db).unwrap();
    assert_eq!(left.len(), 20, "rotation still keeps 20");
    assert!(left.iter().any(|s| s.path == before.path));
    assert!(
        scratch_files(dir.path()).is_empty(),
        "{:?}",
        scratch_files(dir.path())
    );
    drop(store);

    // What the file holds after reopening is the restored content.
    let store = Store::open(&db, OpenMode::MustExist).unwrap();
    assert_eq!(store.list_findings(id).unwrap().len(), 32);
}

#[test]
fn a_snapshot_that_is_not_there_is_refused_and_never_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let (mut store, id) = demo_at(&db);
    let missing = backup_dir(&db).join("clausewise-20260101-120000-daily.db");
    let err = store.restore(&missing).unwrap_err();
    assert!(
        matches!(err, StoreError::SnapshotUnusable { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("there is no file there"), "{err}");
    assert!(!missing.exists());
    assert_eq!(store.list_findings(id).unwrap().len(), 32);
    assert!(list_snapshots(&db).unwrap().is_empty());
}

// 2. With snapshot names dated later than the clock, the before-restore
//    snapshot (and a manual backup) was deleted as soon as it was written.
#[test]
fn snapshots_just_written_survive_names_dated_after_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let (mut store, id) = demo_at(&db);
    let taken = store.snapshot(SnapshotReason::Manual).unwrap();
    plant_daily_snapshots(&taken.path, &db, (1..=20).map(|d| format!("209901{d:02}")));
    std::fs::remove_file(&taken.path).unwrap();

    let manual = store.snapshot(SnapshotReason::Manual).unwrap();
    assert!(manual.path.exists(), "backup never prints a deleted file");
    assert_eq!(list_snapshots(&db).unwrap().len(), 20);

    store.delete_assessment(id).unwrap();
    let before = store.restore(&manual.path).unwrap();
    assert!(before.path.exists(), "the undo snapshot is kept");
    assert!(manual.path.exists(), "so is the one restored");
    assert_eq!(store.list_findings(id).unwrap().len(), 32);

    // Undo: the state the restore replaced (no assessment) comes back.
    let undo = store.restore(&before.path).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());
    assert!(undo.path.exists() && before.path.exists());
    assert_eq!(list_snapshots(&db).unwrap().len(), 20);
}

// 3. A timestamp whose UTC year is outside 0000-9999 was accepted on import
//    and made every later read of the list fail.
#[test]
fn an_import_with_a_time_the_database_cannot_read_back_is_refused_and_changes_nothing() {
    let (mut store, id) = {
        let mut s = Store::open_in_memory().unwrap();
        let id = s.create_demo().unwrap().id;
        (s, id)
    };
    let json = store.export_assessment(id).unwrap().to_json();
    let mut other = Store::open_in_memory().unwrap();
    let keep = other.create_demo().unwrap().id;
    for (path, value) in [
        ("/assessment/updated_at", "9999-12-31T23:30:00-01:00"),
        ("/assessment/created_at", "+99999-01-01T00:00:00Z"),
        ("/client/updated_at", "-0001-01-01T00:00:00Z"),
        ("/responses/0/updated_at", "9999-12-31T23:30:00-01:00"),
        ("/findings/0/updated_at", "9999-12-31T23:30:00-01:00"),
        ("/kpis/0/created_at", "9999-12-31T23:30:00-01:00"),
        ("/findings/0/due_date", "+99999-01-01"),
        ("/findings/1/due_date", "-0044-03-15"),
    ] {
        let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
        *file.pointer_mut(path).unwrap() = value.into();
        file["assessment"]["id"] = uuid::Uuid::new_v4().to_string().into();
        let err = other
            .import_assessment(file.to_string().as_bytes(), OnConflict::KeepBoth)
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation, "{path}: {err}");
        assert!(
            err.to_string().contains("1900") && err.to_string().contains("2999"),
            "{path}: {err}"
        );
        let list = other.list_assessments().unwrap();
        assert_eq!(list.len(), 1, "{path}");
        assert_eq!(list[0].id, keep);
    }
    // A due date typed in the app is bounded the same way.
    let finding = &store.list_findings(id).unwrap()[0];
    let mut input = finding_input(finding);
    input.due_date = chrono::NaiveDate::from_ymd_opt(-44, 3, 15);
    let err = store.update_finding(id, finding.id, &input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Due date must be between the years 1900 and 2999, not -0044-03-15."
    );
}

#[test]
fn a_stored_time_that_cannot_be_read_back_hides_nothing_and_check_names_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let (mut store, id) = demo_at(&db);
    let other = common::blank(&mut store);
    let finding = store.list_findings(id).unwrap()[0].clone();
    drop(store);
    // As an earlier version stored them, or another program did.
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE finding SET updated_at = '+10000-01-01T00:30:00.000000Z',
                 due_date = '+99999-01-01' WHERE id = ?1",
            [finding.id.to_string()],
        )
        .unwrap();
        conn.execute(
            "UPDATE clause_response SET updated_at = 'yesterday' WHERE assessment_id = ?1
                 AND clause_id = '9.3'",
            [id.to_string()],
        )
        .unwrap();
        conn.execute(
            "UPDATE assessment SET created_at = '-0001-06-01T00:00:00.000000Z' WHERE id = ?1",
            [id.to_string()],
        )
        .unwrap();
    }
    let mut store = Store::open(&db, OpenMode::MustExist).unwrap();
    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 2, "both assessments are listed");
    assert!(list.iter().any(|a| a.id == other));
    let a = store.get_assessment(id).unwrap();
    assert_eq!(a.created_at.to_rfc3339(), "1900-01-01T00:00:00+00:00");
    let findings = store.list_findings(id).unwrap();
    let read = findings.iter().find(|f| f.id == finding.id).unwrap();
    assert_eq!(
        read.updated_at.to_rfc3339(),
        "2999-12-31T23:59:59.999999+00:00"
    );
    assert_eq!(read.due_date, chrono::NaiveDate::from_ymd_opt(2999, 12, 31));
    // Everything that reads the assessment works: dashboard, export (which
    // imports again), follow-up.
    store.dashboard(id).unwrap();
    let file = store.export_assessment(id).unwrap().to_json();
    let mut elsewhere = Store::open_in_memory().unwrap();
    elsewhere
        .import_assessment(file.as_bytes(), OnConflict::Fail)
        .unwrap();
    let follow_up = store
        .start_follow_up(
            id,
            &clausewise_core::FollowUpInput {
                title: "Follow-up".into(),
                copy_levels: true,
            },
        )
        .unwrap();
    assert!(store.progress(follow_up.id).unwrap().is_some());

    let report = store.check().unwrap();
    assert!(!report.is_ok());
    assert_eq!(report.integrity, ["ok"]);
    assert_eq!(
        report.unreadable_values.len(),
        4,
        "{:?}",
        report.unreadable_values
    );
    let named = |needle: &str| report.unreadable_values.iter().any(|v| v.contains(needle));
    assert!(named(&format!(
        "finding “{}” ({}): updated_at “+10000-01-01T00:30:00.000000Z” cannot be read back; \
         Clausewise shows 2999-12-31T23:59:59Z in its place",
        finding.title, finding.id
    )));
    assert!(named(
        "due_date “+99999-01-01” cannot be read back; Clausewise shows 2999-12-31"
    ));
    assert!(named("response to clause 9.3 of assessment"));
    assert!(named("created_at “-0001-06-01T00:00:00.000000Z”"));

    // Saving the finding again stores readable values.
    let mut input = finding_input(read);
    input.due_date = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
    store.update_finding(id, finding.id, &input).unwrap();
    assert_eq!(store.check().unwrap().unreadable_values.len(), 2);
}

fn finding_input(f: &clausewise_core::finding::Finding) -> FindingInput {
    FindingInput {
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
}

/// Overwrites one page of the closed database at `db` with garbage: the
/// root page of `table`, so that the assessment list still reads.
fn damage_root_page(db: &Path, table: &str) {
    let (root, page_size): (i64, i64) = {
        let conn = Connection::open(db).unwrap();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap();
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE").ok();
        (root, size)
    };
    let mut bytes = std::fs::read(db).unwrap();
    let start = ((root - 1) * page_size) as usize;
    for (i, b) in bytes[start..start + page_size as usize]
        .iter_mut()
        .enumerate()
    {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(db, bytes).unwrap();
}

// 4. A damaged database that still opens could not be restored: the
//    before-restore `VACUUM INTO` failed.
#[test]
fn a_damaged_database_that_still_opens_is_reported_and_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let (store, id) = demo_at(&db);
    let snapshot = store.snapshot(SnapshotReason::Daily).unwrap();
    drop(store);
    damage_root_page(&db, "kpi");
    let damaged = std::fs::read(&db).unwrap();

    let mut store = Store::open(&db, OpenMode::MustExist).unwrap();
    assert_eq!(
        store.list_assessments().unwrap()[0].id,
        id,
        "the list still reads"
    );
    let report = store.check().unwrap();
    assert!(!report.is_ok());
    assert_ne!(report.integrity, ["ok"]);
    let err = store.quick_check().unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert!(err.to_string().contains("Restore a snapshot"), "{err}");

    let before = store.restore(&snapshot.path).unwrap();
    assert!(store.check().unwrap().is_ok());
    assert_eq!(store.list_findings(id).unwrap().len(), 32);
    // The damaged state is kept as it was, byte for byte.
    assert_eq!(before.reason, SnapshotReason::BeforeRestore);
    assert_eq!(std::fs::read(&before.path).unwrap(), damaged);
    drop(store);
    assert!(Store::open(&db, OpenMode::MustExist)
        .unwrap()
        .check()
        .unwrap()
        .is_ok());
}

/// A database as another program might have written it, at `version`.
fn foreign_with_assessment_table(path: &Path, version: i64) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE assessment (id INTEGER PRIMARY KEY, score REAL, taken TEXT);
         INSERT INTO assessment (score, taken) VALUES (0.8, 'today');
         CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
}

/// A copy of a Clausewise snapshot, changed by `sql` behind its back.
fn doctored(snapshot: &Path, to: &Path, sql: &str) {
    std::fs::copy(snapshot, to).unwrap();
    let conn = Connection::open(to).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn.execute_batch(sql).unwrap();
}

// 5. Restore accepted another program's database with a table named
//    `assessment`, and snapshots with a table missing, dangling rows or an
//    extra trigger (which deleted every response on the next import).
#[test]
fn snapshots_that_are_not_exactly_clausewise_databases_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let (mut store, id) = demo_at(&db);
    let good = store.snapshot(SnapshotReason::Manual).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let at = |name: &str| outside.path().join(name);

    foreign_with_assessment_table(&at("other-app-v3.db"), 3);
    foreign_with_assessment_table(&at("other-app-v0.db"), 0);
    doctored(&good.path, &at("missing-table.db"), "DROP TABLE kpi;");
    doctored(
        &good.path,
        &at("dangling.db"),
        "INSERT INTO finding (id, assessment_id, clause_id, kind, title, priority, status,
             created_at, updated_at)
         VALUES ('f', 'gone', '9.3', 'observation', 't', 'low', 'open',
             '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');",
    );
    doctored(
        &good.path,
        &at("trigger.db"),
        "CREATE TRIGGER wipe AFTER INSERT ON finding BEGIN DELETE FROM clause_response; END;",
    );
    doctored(
        &good.path,
        &at("view.db"),
        "CREATE VIEW everything AS SELECT * FROM finding;",
    );

    std::fs::remove_file(&good.path).unwrap();
    let fingerprint = |s: &Store| {
        s.export_assessment(id)
            .map(|mut f| {
                f.exported_at = chrono::DateTime::UNIX_EPOCH;
                f.to_json()
            })
            .unwrap()
    };
    let before = fingerprint(&store);
    for (file, says) in [
        (
            "other-app-v3.db",
            "it is another program's database, not a Clausewise database",
        ),
        ("other-app-v0.db", "not a Clausewise database"),
        ("missing-table.db", "its table “kpi” is missing"),
        (
            "dangling.db",
            "one of its rows refers to a row that does not exist",
        ),
        (
            "trigger.db",
            "it has a trigger “wipe” that Clausewise does not create",
        ),
        (
            "view.db",
            "it has a view “everything” that Clausewise does not create",
        ),
    ] {
        let file_bytes = std::fs::read(at(file)).unwrap();
        let err = store.restore(&at(file)).unwrap_err();
        assert!(
            matches!(err, StoreError::SnapshotUnusable { .. }),
            "{file}: {err:?}"
        );
        let message = err.to_string();
        assert!(message.contains(says), "{file}: {message}");
        assert!(message.ends_with("Nothing was changed."), "{message}");
        assert!(message.len() < 400, "a sentence, not a dump: {message}");
        assert_eq!(fingerprint(&store), before, "{file}");
        assert_eq!(
            std::fs::read(at(file)).unwrap(),
            file_bytes,
            "{file} untouched"
        );
    }
    assert!(
        list_snapshots(&db).unwrap().is_empty(),
        "no before-restore snapshots"
    );
    assert!(
        scratch_files(dir.path()).is_empty(),
        "{:?}",
        scratch_files(dir.path())
    );
    assert!(store.check().unwrap().is_ok());
    drop(store);
    // And every command still works afterwards.
    let mut store = Store::open(&db, OpenMode::MustExist).unwrap();
    common::blank(&mut store);
    assert_eq!(store.list_assessments().unwrap().len(), 2);
}

/// The files beside `path` that SQLite would add (WAL, shared memory,
/// rollback journal).
fn companions(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| PathBuf::from(format!("{}{s}", path.display())))
        .filter(|p| p.exists())
        .collect()
}

// 6. Opening another program's database (to list or check it) added
//    Clausewise's tables to it, switched it to WAL when it had a table of the
//    same name, and `list` on an empty file created a database in it.
#[test]
fn files_that_are_not_clausewise_databases_are_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let other_app = dir.path().join("other-app.db");
    {
        let conn = Connection::open(&other_app).unwrap();
        conn.execute_batch(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);
             INSERT INTO invoices (total) VALUES (120.5), (99.0);
             CREATE INDEX invoices_total ON invoices (total);",
        )
        .unwrap();
    }
    let conflicting = dir.path().join("conflicting.db");
    foreign_with_assessment_table(&conflicting, 0);
    // Another program that counts its own schema versions in user_version.
    let versioned = dir.path().join("versioned.db");
    foreign_with_assessment_table(&versioned, 3);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "Workshop notes, not a database.\n".repeat(200)).unwrap();

    for (path, kind) in [
        (&other_app, "another program's database"),
        (&conflicting, "another program's database"),
        (&versioned, "another program's database"),
        (&empty, "an empty file"),
        (&text, "not a Clausewise database"),
    ] {
        let before = std::fs::read(path).unwrap();
        let mut attempts = vec![
            Store::open(path, OpenMode::MustExist).err(),
            Store::open_read_only(path).err(),
        ];
        if path != &empty {
            // Even where a database may be created, one with other content is
            // never added to.
            attempts.push(Store::open(path, OpenMode::CreateIfMissing).err());
        }
        for err in attempts {
            let err = err.unwrap_or_else(|| panic!("{} was opened", path.display()));
            assert_eq!(err.code(), ErrorCode::NotADatabase, "{err:?}");
            let message = err.to_string();
            assert!(message.contains(kind), "{message}");
            assert!(message.contains("It was left untouched."), "{message}");
            assert_eq!(&std::fs::read(path).unwrap(), &before, "{}", path.display());
            assert!(companions(path).is_empty(), "{:?}", companions(path));
        }
    }
    assert!(!dir.path().join("backups").exists());

    // Asked to create a database, an empty file becomes one.
    let store = Store::open(&empty, OpenMode::CreateIfMissing).unwrap();
    assert!(store.was_created());
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn a_database_whose_schema_was_changed_behind_its_back_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    drop(demo_at(&db));
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON finding BEGIN DELETE FROM clause_response; END;
             PRAGMA journal_mode = DELETE;",
        )
        .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(&db, OpenMode::MustExist).err().unwrap();
    assert!(
        matches!(err, StoreError::UnexpectedSchema { .. }),
        "{err:?}"
    );
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert!(
        err.to_string()
            .contains("it has a trigger “wipe” that Clausewise does not create"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(companions(&db).is_empty());
}

/// Holds the write lock on `path` from another connection for `hold`, with
/// a change in it, as another program writing would. Returns when the lock
/// is taken; the flag turns true once the change is committed.
fn hold_write_lock(path: &Path, hold: Duration) -> (std::thread::JoinHandle<()>, Arc<AtomicBool>) {
    let committed = Arc::new(AtomicBool::new(false));
    let (taken, wait) = std::sync::mpsc::channel();
    let path = path.to_owned();
    let flag = committed.clone();
    let handle = std::thread::spawn(move || {
        let conn = Connection::open(&path).unwrap();
        conn.busy_timeout(Duration::from_secs(5)).unwrap();
        conn.execute_batch(
            "BEGIN IMMEDIATE;
             UPDATE client SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');",
        )
        .unwrap();
        taken.send(()).unwrap();
        std::thread::sleep(hold);
        conn.execute_batch("COMMIT").unwrap();
        flag.store(true, Ordering::SeqCst);
    });
    wait.recv().unwrap();
    (handle, committed)
}

type Write = fn(&mut Store, &Fixture) -> Result<(), StoreError>;

/// What the write operations work on.
struct Fixture {
    id: uuid::Uuid,
    finding: clausewise_core::finding::Finding,
    kpi: clausewise_core::kpi::Kpi,
    file: String,
}

fn kpi_input(k: &clausewise_core::kpi::Kpi) -> KpiInput {
    let mut input = KpiInput::from(k);
    input.measurements.push(clausewise_core::kpi::Measurement {
        period: format!("Period {}", input.measurements.len() + 1),
        value: 99.5,
        note: String::new(),
    });
    input
}

fn details(title: &str) -> NewAssessment {
    NewAssessment {
        client_name: "Acme".into(),
        title: title.into(),
        scope: String::new(),
        assessors: String::new(),
        target_level: 3,
        starts_on: None,
        ends_on: None,
    }
}

// 7. Writes that read first ran in deferred transactions: with another
//    program writing they failed at once instead of waiting for it.
#[test]
fn every_write_waits_for_another_writer_and_succeeds() {
    let writes: Vec<(&str, Write)> = vec![
        ("create assessment", |s, _| {
            s.create_assessment(&details("New")).map(|_| ())
        }),
        ("rename assessment", |s, f| {
            s.rename_assessment(f.id, "Renamed").map(|_| ())
        }),
        ("update details", |s, f| {
            s.update_assessment(f.id, &details("Changed")).map(|_| ())
        }),
        ("set status", |s, f| {
            s.set_assessment_status(f.id, clausewise_core::AssessmentStatus::Final)
                .map(|_| ())
        }),
        ("delete assessment", |s, f| s.delete_assessment(f.id)),
        ("edit response", |s, f| {
            s.edit_response(f.id, "9.3", &ResponseEdit::Notes("Seen.".into()))
                .map(|_| ())
        }),
        ("save response", |s, f| {
            let r = ClauseResponse {
                rating: Rating::Level { level: 4 },
                ..ClauseResponse::blank("9.3")
            };
            s.save_response(f.id, &r).map(|_| ())
        }),
        ("create finding", |s, f| {
            s.create_finding(f.id, &finding_input(&f.finding))
                .map(|_| ())
        }),
        ("update finding", |s, f| {
            s.update_finding(f.id, f.finding.id, &finding_input(&f.finding))
                .map(|_| ())
        }),
        ("delete finding", |s, f| {
            s.delete_finding(f.id, f.finding.id).map(|_| ())
        }),
        ("restore finding", |s, f| {
            s.delete_finding(f.id, f.finding.id)?;
            s.restore_finding(f.id, &f.finding).map(|_| ())
        }),
        ("create KPI", |s, f| {
            s.create_kpi(f.id, &kpi_input(&f.kpi)).map(|_| ())
        }),
        ("update KPI", |s, f| {
            s.update_kpi(f.id, f.kpi.id, &kpi_input(&f.kpi)).map(|_| ())
        }),
        ("delete KPI", |s, f| s.delete_kpi(f.id, f.kpi.id)),
        ("follow-up", |s, f| {
            let input = clausewise_core::FollowUpInput {
                title: "Follow-up".into(),
                copy_levels: true,
            };
            s.start_follow_up(f.id, &input).map(|_| ())
        }),
        ("import", |s, f| {
            s.import_assessment(f.file.as_bytes(), OnConflict::KeepBoth)
                .map(|_| ())
        }),
        ("demo", |s, _| s.create_demo().map(|_| ())),
    ];
    for (name, write) in writes {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clausewise.db");
        let (mut store, id) = demo_at(&db);
        let fixture = Fixture {
            id,
            finding: store.list_findings(id).unwrap()[0].clone(),
            kpi: store.list_kpis(id).unwrap()[0].clone(),
            file: store.export_assessment(id).unwrap().to_json(),
        };
        // The store has read before (its cached statements, the schema), as
        // the app has after a while.
        store.list_assessments().unwrap();
        let (holder, committed) = hold_write_lock(&db, Duration::from_secs(1));
        let result = write(&mut store, &fixture);
        let waited = committed.load(Ordering::SeqCst);
        holder.join().unwrap();
        assert!(result.is_ok(), "{name}: {:?}", result.err());
        assert!(waited, "{name} finished before the other writer committed");
        assert!(store.check().unwrap().is_ok(), "{name}");
    }
}

// 10. Killed backups and migration snapshots left `.partial` files and
//     journals behind forever.
#[test]
fn leftovers_of_killed_runs_are_removed_at_the_next_open_unless_still_being_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    drop(demo_at(&db));
    let backups = backup_dir(&db);
    std::fs::create_dir_all(&backups).unwrap();
    let ours = [
        backups.join(".clausewise-20260101-120000-manual.db.partial"),
        backups.join(".clausewise-20260101-120000-before-migration-to-v5.db.partial-journal"),
        backups.join("clausewise-20260101-120000-daily.db-journal"),
        dir.path().join(".clausewise-restore-4242.partial"),
    ];
    let theirs = [
        backups.join("notes.partial"),
        dir.path().join("clausewise.db.partial"),
        dir.path().join("report.pdf.partial"),
    ];
    for file in ours.iter().chain(theirs.iter()) {
        std::fs::write(file, vec![7u8; 18 * 1024]).unwrap();
    }
    // While another process writes scratch files, nothing is removed.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join(".clausewise-scratch.lock"))
        .unwrap();
    lock.lock_shared().unwrap();
    drop(Store::open(&db, OpenMode::MustExist).unwrap());
    assert!(ours.iter().all(|f| f.exists()));
    lock.unlock().unwrap();

    drop(Store::open(&db, OpenMode::MustExist).unwrap());
    for file in &ours {
        assert!(!file.exists(), "{} is left", file.display());
    }
    for file in &theirs {
        assert!(file.exists(), "{} was removed", file.display());
    }
}

#[test]
fn a_finding_shared_with_another_assessment_says_to_keep_both() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    let mut file: serde_json::Value =
        serde_json::from_str(&store.export_assessment(id).unwrap().to_json()).unwrap();
    // A copy of the assessment under a new id, its findings' ids unchanged.
    file["assessment"]["id"] = uuid::Uuid::new_v4().to_string().into();
    let bytes = file.to_string();
    let err = store
        .import_assessment(bytes.as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(matches!(err, StoreError::SharedIds { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "The file shares finding ids with the assessment “ISO/IEC 20000-1 readiness \
         assessment” that is already here, so it cannot be imported as it is. Import it with \
         Keep both: the copy gets ids of its own."
    );
    assert_eq!(store.list_assessments().unwrap().len(), 1);
    let copy = store
        .import_assessment(bytes.as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    assert_eq!(store.list_findings(copy.id).unwrap().len(), 32);
    assert_eq!(store.list_findings(id).unwrap().len(), 32);
    assert!(copy.title.ends_with("(imported copy)"), "{}", copy.title);

    // KPIs alike (without findings, the KPIs link none).
    file["findings"] = serde_json::json!([]);
    for k in file["kpis"].as_array_mut().unwrap() {
        k["finding_ids"] = serde_json::json!([]);
    }
    file["finding_scope"] = serde_json::json!([]);
    file["evidence"] = serde_json::json!([]);
    for d in file["documents"].as_array_mut().unwrap() {
        d["evidence_id"] = serde_json::Value::Null;
    }
    file["assessment"]["id"] = uuid::Uuid::new_v4().to_string().into();
    let err = store
        .import_assessment(file.to_string().as_bytes(), OnConflict::Replace)
        .unwrap_err();
    assert!(
        err.to_string().starts_with("The file shares KPI ids"),
        "{err}"
    );
}

#[test]
fn invisible_controls_never_reach_the_database() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    let finding = store.list_findings(id).unwrap()[0].clone();
    let mut input = finding_input(&finding);
    input.title = "Backups \u{202E}detset ton".into();
    let err = store.update_finding(id, finding.id, &input).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(err
        .to_string()
        .starts_with("Finding title contains an invisible character"));
    input.title = finding.title.clone();
    input.observation = "Seen\u{2066} in the log".into();
    assert!(store.update_finding(id, finding.id, &input).is_err());
    let err = store
        .edit_response(id, "9.3", &ResponseEdit::Notes("a\u{200B}b".into()))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Notes contains an invisible character"),
        "{err}"
    );

    let mut file: serde_json::Value =
        serde_json::from_str(&store.export_assessment(id).unwrap().to_json()).unwrap();
    file["client"]["name"] = "Nordwind\u{2067} Logistik".into();
    let err = store
        .import_assessment(file.to_string().as_bytes(), OnConflict::Replace)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("Client name contains an invisible character"),
        "{err}"
    );
    assert_eq!(store.list_findings(id).unwrap()[0], finding);
}
