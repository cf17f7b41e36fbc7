//! Assessments recorded against ISO/IEC 20000-1 "2018", the edition the
//! built-in catalogue (2018 + Amd 1:2024) supersedes, still open, import and
//! export, as following the current edition.

use clausewise_core::{Catalogue, ClauseResponse, Rating};
use clausewise_store::{OnConflict, OpenMode, Store};
use rusqlite::Connection;

const EARLIER: &str = "2018";

fn current() -> &'static str {
    &Catalogue::builtin().version
}

fn stored_version(conn: &Connection, id: uuid::Uuid) -> String {
    conn.query_row(
        "SELECT catalogue_version FROM assessment WHERE id = ?1",
        [id.to_string()],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn an_assessment_stored_against_the_earlier_edition_opens_and_exports_as_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    let id = {
        let mut store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
        store.create_demo().unwrap().id
    };
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE assessment SET catalogue_version = ?1", [EARLIER])
        .unwrap();
    drop(conn);

    let read_only = Store::open_read_only(&path).unwrap();
    assert_eq!(
        read_only.get_assessment(id).unwrap().catalogue_version,
        current()
    );
    drop(read_only);

    let mut store = Store::open(&path, OpenMode::MustExist).unwrap();
    let assessment = store.get_assessment(id).unwrap();
    assert_eq!(assessment.catalogue_id, "iso-iec-20000-1");
    assert_eq!(assessment.catalogue_version, current());
    let ws = store.workspace(id).unwrap();
    assert_eq!(ws.scorecard.assessable, 57);
    store
        .save_response(
            id,
            &ClauseResponse {
                rating: Rating::Level { level: 3 },
                ..ClauseResponse::blank("4.1")
            },
        )
        .unwrap();

    let file = store.export_assessment(id).unwrap();
    assert_eq!(file.catalogue.version, current());
    assert_eq!(file.assessment.catalogue_version, current());
    let mut other = Store::open_in_memory().unwrap();
    let imported = other
        .import_assessment(file.to_json().as_bytes(), OnConflict::Fail)
        .unwrap()
        .assessment;
    assert_eq!(imported.catalogue_version, current());
    assert_eq!(other.dashboard(id).unwrap(), store.dashboard(id).unwrap());
}

#[test]
fn a_file_of_the_earlier_edition_imports_as_the_current_one() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    let json = store.export_assessment(id).unwrap().to_json();
    let dashboard = store.dashboard(id).unwrap();
    store.delete_assessment(id).unwrap();

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["catalogue"]["version"] = EARLIER.into();
    v["assessment"]["catalogue_version"] = EARLIER.into();
    let imported = store
        .import_assessment(v.to_string().as_bytes(), OnConflict::Fail)
        .unwrap()
        .assessment;
    assert_eq!(imported.id, id);
    assert_eq!(imported.catalogue_version, current());
    assert_eq!(store.dashboard(id).unwrap(), dashboard);
    let file = store.export_assessment(id).unwrap();
    assert_eq!(file.catalogue.version, current());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausewise.db");
    let mut on_disk = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    on_disk
        .import_assessment(v.to_string().as_bytes(), OnConflict::Fail)
        .unwrap();
    drop(on_disk);
    assert_eq!(
        stored_version(&Connection::open(&path).unwrap(), id),
        current()
    );
}
