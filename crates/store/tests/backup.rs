//! Snapshots and restore.

use clausewise_core::ErrorCode;
use clausewise_store::{
    list_snapshots, OpenMode, SnapshotReason, Store, StoreError, SCHEMA_VERSION,
};

#[test]
fn restore_brings_back_a_snapshot_and_keeps_the_state_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let mut store = Store::open(&db, OpenMode::CreateIfMissing).unwrap();
    let demo = store.create_demo().unwrap();
    let snapshot = store.snapshot(SnapshotReason::Manual).unwrap();
    assert!(snapshot.path.starts_with(dir.path().join("backups")));

    store.delete_assessment(demo.id).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());

    let before = store.restore(&snapshot.path).unwrap();
    assert_eq!(before.reason, SnapshotReason::BeforeRestore);
    assert_eq!(store.list_assessments().unwrap()[0].id, demo.id);
    assert_eq!(store.list_findings(demo.id).unwrap().len(), 32);
    assert!(store.check().unwrap().is_ok());

    // The state replaced by the restore can itself be restored.
    store.restore(&before.path).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());
    drop(store);

    // And the restored content is what the file holds after reopening.
    let store = Store::open(&db, OpenMode::MustExist).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());
    assert!(list_snapshots(&db).unwrap().len() >= 3);
}

#[test]
fn unusable_snapshots_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let mut store = Store::open(&db, OpenMode::CreateIfMissing).unwrap();
    let demo = store.create_demo().unwrap();

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all ".repeat(100)).unwrap();
    let newer = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.execute_batch("CREATE TABLE assessment (id TEXT);")
            .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let foreign = dir.path().join("other-app.db");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE invoices (id TEXT);")
            .unwrap();
    }
    for (file, says) in [
        (&junk, ""),
        (&newer, "newer Clausewise"),
        (&foreign, "not a Clausewise database"),
    ] {
        let err = store.restore(file).unwrap_err();
        assert!(
            matches!(err, StoreError::SnapshotUnusable { .. }),
            "{err:?}"
        );
        assert_eq!(err.code(), ErrorCode::Validation);
        assert!(err.to_string().contains(says), "{err}");
        assert!(err.to_string().contains("Nothing was changed"));
    }
    assert_eq!(store.list_assessments().unwrap()[0].id, demo.id);
    assert!(
        list_snapshots(&db).unwrap().is_empty(),
        "no before-restore snapshot for a refused restore"
    );
}

#[test]
fn an_unopenable_database_is_set_aside_untouched_and_replaced_by_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clausewise.db");
    let snapshot = {
        let mut store = Store::open(&db, OpenMode::CreateIfMissing).unwrap();
        store.create_demo().unwrap();
        store.snapshot(SnapshotReason::Daily).unwrap()
    };
    // The file gets clobbered by something else.
    let garbage = "garbage from a crashed sync tool ".repeat(500);
    std::fs::write(&db, &garbage).unwrap();
    assert!(Store::open(&db, OpenMode::MustExist).is_err());

    let aside = clausewise_store::recover_from_snapshot(&db, &snapshot.path)
        .unwrap()
        .expect("the bad file was set aside");
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap(),
        garbage,
        "never deleted or changed"
    );
    let store = Store::open(&db, OpenMode::MustExist).unwrap();
    assert_eq!(store.list_assessments().unwrap().len(), 1);
    assert!(store.check().unwrap().is_ok());

    // Starting fresh also keeps the old file.
    drop(store);
    let moved = clausewise_store::set_aside(&db).unwrap();
    assert!(moved.exists() && !db.exists());
    assert_ne!(moved, aside);
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), garbage);
}
