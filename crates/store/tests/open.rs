//! Opening databases: pragmas, fresh creation, and refusals that leave the
//! file untouched.

use clausewise_store::{OpenMode, Store, StoreError, SCHEMA_VERSION};
use rusqlite::Connection;

#[test]
fn a_new_database_is_created_with_folders_and_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/clausewise.db");
    let store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    assert!(store.was_created());
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");

    let again = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    assert!(!again.was_created(), "second open is not a first start");
}

#[test]
fn must_exist_refuses_a_missing_file_without_creating_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing-here.db");
    let err = Store::open(&path, OpenMode::MustExist).err().unwrap();
    assert!(matches!(err, StoreError::Missing { .. }));
    assert!(err.to_string().contains("nothing-here.db"));
    assert!(!path.exists());
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES (1);")
            .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, OpenMode::CreateIfMissing).err().unwrap();
    match &err {
        StoreError::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!(*found, SCHEMA_VERSION + 7);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert!(err.to_string().contains("newer version of Clausewise"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let content = "Quarterly notes — not a database at all. ".repeat(100);
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path, OpenMode::CreateIfMissing).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("notes.db"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
}

#[test]
fn opened_for_reading_it_reads_refuses_every_change_and_leaves_nothing_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    let demo = Store::open(&path, OpenMode::CreateIfMissing)
        .unwrap()
        .create_demo()
        .unwrap();
    let listing = |dir: &std::path::Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files_before = listing(dir.path());

    let mut store = Store::open_for_reading(&path).unwrap();
    assert!(store.is_read_only());
    let titles: Vec<String> = store
        .list_assessments()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(titles, std::slice::from_ref(&demo.title));
    assert!(store.rename_assessment(demo.id, "Renamed").is_err());
    assert!(store.delete_assessment(demo.id).is_err());
    drop(store);

    assert_eq!(listing(dir.path()), files_before);
    let store = Store::open(&path, OpenMode::MustExist).unwrap();
    assert_eq!(store.get_assessment(demo.id).unwrap().title, demo.title);
}

#[test]
fn opening_a_missing_file_for_reading_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    assert!(matches!(
        Store::open_for_reading(&path),
        Err(StoreError::Missing { .. })
    ));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
