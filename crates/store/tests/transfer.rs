//! Assessment files: export → import gives the same content; a bad file
//! changes nothing, whatever is wrong with it.

use clausewise_core::transfer::{AssessmentFile, FileError};
use clausewise_core::Catalogue;
use clausewise_store::{OnConflict, Store, StoreError};
use proptest::prelude::*;

fn demo() -> (Store, uuid::Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    (store, id)
}

/// Everything of an assessment that the file carries, for comparison.
fn content(store: &Store, id: uuid::Uuid) -> AssessmentFile {
    let mut file = store.export_assessment(id).unwrap();
    file.exported_at = chrono::DateTime::UNIX_EPOCH;
    file
}

fn fingerprint(store: &Store) -> String {
    let mut out = String::new();
    for a in store.list_assessments().unwrap() {
        out.push_str(&content(store, a.id).to_json());
    }
    out
}

#[test]
fn export_then_import_into_another_database_is_identical() {
    let (store, id) = demo();
    let json = store.export_assessment(id).unwrap().to_json();
    let mut other = Store::open_in_memory().unwrap();
    let imported = other
        .import_assessment(json.as_bytes(), OnConflict::Fail)
        .unwrap()
        .assessment;
    assert_eq!(imported.id, id);
    // Identical, except that the plain file carries no file content: its
    // files are listed as not in this database (a package brings them).
    let mut there = content(&other, id);
    for f in there.evidence.iter_mut().flat_map(|e| e.files.iter_mut()) {
        assert!(!f.stored, "{}", f.name);
        f.stored = true;
    }
    assert_eq!(there, content(&store, id));
    assert_eq!(other.dashboard(id).unwrap(), store.dashboard(id).unwrap());
}

#[test]
fn the_same_assessment_again_fails_replaces_or_is_kept_twice() {
    let (mut store, id) = demo();
    let json = store.export_assessment(id).unwrap().to_json();
    let before = fingerprint(&store);

    let err = store
        .import_assessment(json.as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert!(err
        .to_string()
        .contains("ISO/IEC 20000-1 readiness assessment"));
    assert!(
        err.to_string().contains("Both copies were last changed on"),
        "an unchanged export is the same copy: {err}"
    );
    assert_eq!(fingerprint(&store), before);
    // The question says which copy changed last.
    let mut newer: serde_json::Value = serde_json::from_str(&json).unwrap();
    newer["assessment"]["updated_at"] = "2999-01-01T00:00:00.000000Z".into();
    let err = store
        .import_assessment(newer.to_string().as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(
        err.to_string().contains("The file’s copy is newer"),
        "{err}"
    );
    newer["assessment"]["updated_at"] = "2001-01-01T00:00:00.000000Z".into();
    let err = store
        .import_assessment(newer.to_string().as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(err.to_string().contains("The copy here is newer"), "{err}");

    // Replace: the edited copy wins, still one assessment.
    let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
    file["assessment"]["title"] = "Renamed in the file".into();
    store
        .import_assessment(file.to_string().as_bytes(), OnConflict::Replace)
        .unwrap();
    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Renamed in the file");
    assert_eq!(store.list_findings(id).unwrap().len(), 32);

    // Keep both: a second assessment with new ids, same client.
    let copy = store
        .import_assessment(json.as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    assert_ne!(copy.id, id);
    assert_eq!(
        copy.title,
        "ISO/IEC 20000-1 readiness assessment (imported copy)"
    );
    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].title, copy.title, "the kept copy is titled apart");
    assert_eq!(store.list_clients().unwrap().len(), 1);
    let a = store.list_findings(id).unwrap();
    let b = store.list_findings(copy.id).unwrap();
    assert_eq!(a.len(), b.len());
    assert!(a.iter().all(|f| b.iter().all(|g| g.id != f.id)));

    // A third copy gets a number; a title at its limit is shortened.
    let third = store
        .import_assessment(json.as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    assert_eq!(
        third.title,
        "ISO/IEC 20000-1 readiness assessment (imported copy 2)"
    );
    let mut long: serde_json::Value = serde_json::from_str(&json).unwrap();
    long["assessment"]["title"] = "Ж".repeat(200).into();
    store
        .import_assessment(long.to_string().as_bytes(), OnConflict::Replace)
        .unwrap();
    let copy = store
        .import_assessment(long.to_string().as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    assert_eq!(copy.title.chars().count(), 200);
    assert!(copy.title.ends_with("Ж (imported copy)"), "{}", copy.title);
}

#[test]
fn a_file_from_a_newer_version_or_catalogue_is_refused_and_nothing_changes() {
    let (mut store, id) = demo();
    let json = store.export_assessment(id).unwrap().to_json();
    store.delete_assessment(id).unwrap();
    let before = fingerprint(&store);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["format_version"] = 7.into();
    let err = store
        .import_assessment(v.to_string().as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::File(FileError::NewerVersion { found: 7 })),
        "{err}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["catalogue"]["id"] = "iso-9001".into();
    let err = store
        .import_assessment(v.to_string().as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(err.to_string().contains("iso-9001"), "{err}");
    assert_eq!(fingerprint(&store), before);
}

#[test]
fn a_problem_late_in_the_file_leaves_the_database_untouched() {
    let (mut store, id) = demo();
    let json = store.export_assessment(id).unwrap().to_json();
    store.delete_assessment(id).unwrap();
    let before = fingerprint(&store);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let last = v["findings"].as_array().unwrap().len() - 1;
    v["findings"][last]["id"] = v["findings"][0]["id"].clone();
    let err = store
        .import_assessment(v.to_string().as_bytes(), OnConflict::Fail)
        .unwrap_err();
    assert!(
        err.to_string().starts_with(&format!("findings[{last}]")),
        "{err}"
    );
    assert!(err.to_string().contains("used twice"), "{err}");
    assert_eq!(fingerprint(&store), before);
    assert!(store.list_assessments().unwrap().is_empty());
}

fn demo_json() -> String {
    let (store, id) = demo();
    store.export_assessment(id).unwrap().to_json()
}

/// Ways to damage a valid file.
#[derive(Debug, Clone)]
enum Damage {
    Truncate(usize),
    FlipByte(usize, u8),
    WrongType(usize, u8),
    HugeString(usize),
    UnknownClause(usize),
    DuplicateResponse(usize),
    RemoveField(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Damage::FlipByte(i, b)),
        (any::<usize>(), 0u8..4).prop_map(|(i, t)| Damage::WrongType(i, t)),
        any::<usize>().prop_map(Damage::HugeString),
        any::<usize>().prop_map(Damage::UnknownClause),
        any::<usize>().prop_map(Damage::DuplicateResponse),
        any::<usize>().prop_map(Damage::RemoveField),
    ]
}

/// Every leaf value of the JSON, as a pointer.
fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => out.push(at),
    }
}

fn apply(json: &str, d: &Damage) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut leaves = Vec::new();
    pointers(&v, String::new(), &mut leaves);
    match d {
        Damage::Truncate(i) => return json.as_bytes()[..i % json.len()].to_vec(),
        Damage::FlipByte(i, b) => {
            let mut bytes = json.as_bytes().to_vec();
            let i = i % bytes.len();
            bytes[i] = *b;
            return bytes;
        }
        Damage::WrongType(i, t) => {
            let p = &leaves[i % leaves.len()];
            *v.pointer_mut(p).unwrap() = match t {
                0 => serde_json::json!(null),
                1 => serde_json::json!(-1),
                2 => serde_json::json!([1, 2]),
                _ => serde_json::json!({"x": true}),
            };
        }
        Damage::HugeString(i) => {
            let p = &leaves[i % leaves.len()];
            *v.pointer_mut(p).unwrap() = serde_json::Value::String("Ж".repeat(450_000));
        }
        Damage::UnknownClause(i) => {
            let n = v["responses"].as_array().unwrap().len();
            v["responses"][i % n]["clause_id"] = "11.1".into();
        }
        Damage::DuplicateResponse(i) => {
            let n = v["responses"].as_array().unwrap().len();
            let copy = v["responses"][i % n].clone();
            v["responses"].as_array_mut().unwrap().push(copy);
        }
        Damage::RemoveField(i) => {
            let p = &leaves[i % leaves.len()];
            let (parent, key) = p.rsplit_once('/').unwrap();
            match v.pointer_mut(parent).unwrap() {
                serde_json::Value::Object(m) => {
                    m.remove(key);
                }
                serde_json::Value::Array(a) => {
                    a.remove(key.parse::<usize>().unwrap());
                }
                _ => {}
            }
        }
    }
    v.to_string().into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("CLAUSEWISE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300)
    ))]

    /// Whatever the damage, the import either succeeds with a valid
    /// assessment or fails with a message, and a failure changes nothing.
    #[test]
    fn damaged_files_never_crash_and_never_half_import(d in damage()) {
        thread_local!(static JSON: String = demo_json());
        let json = JSON.with(Clone::clone);
        let bytes = apply(&json, &d);
        let mut store = Store::open_in_memory().unwrap();
        match store.import_assessment(&bytes, OnConflict::Fail) {
            Ok(imported) => {
                // Accepted: it must read back as a valid assessment.
                let file = store.export_assessment(imported.assessment.id).unwrap();
                prop_assert!(AssessmentFile::parse(file.to_json().as_bytes(), Catalogue::builtin()).is_ok());
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert!(store.list_assessments().unwrap().is_empty());
                prop_assert!(store.list_clients().unwrap().is_empty());
            }
        }
    }
}

#[test]
fn a_copy_kept_beside_the_original_links_its_kpis_to_its_own_findings() {
    let (mut store, id) = demo();
    let json = store.export_assessment(id).unwrap().to_json();
    let copy = store
        .import_assessment(json.as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    let findings = store.list_findings(copy.id).unwrap();
    let kpis = store.list_kpis(copy.id).unwrap();
    let links: Vec<uuid::Uuid> = kpis.iter().flat_map(|k| k.finding_ids.clone()).collect();
    assert!(links.len() >= 2);
    assert!(links.iter().all(|l| findings.iter().any(|f| f.id == *l)));
    // Acted upon the same way as in the original.
    let flags = |a| -> Vec<bool> {
        store
            .kpi_rows(a)
            .unwrap()
            .iter()
            .map(|r| r.not_acted_upon)
            .collect()
    };
    assert_eq!(flags(copy.id), flags(id));
}
