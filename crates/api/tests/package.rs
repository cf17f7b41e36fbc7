//! The assessment package: the assessment with its evidence files, read back
//! on another machine with every hash checked, and every hostile package
//! refused with the database exactly as before.

use std::io::Write;
use std::path::Path;

use clausewise_api::package::{import_package, import_path, write_package};
use clausewise_core::transfer::{ImportOutcome, OnConflict};
use clausewise_store::{OpenMode, Store};
use proptest::prelude::*;

/// The demo in a database at `dir`, and its id.
fn demo(dir: &Path) -> (Store, uuid::Uuid, std::path::PathBuf) {
    let db = dir.join("here.db");
    let mut store = Store::open(&db, OpenMode::CreateIfMissing).unwrap();
    let id = store.create_demo().unwrap().id;
    (store, id, db)
}

fn package_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let (store, id, db) = demo(dir.path());
    let target = dir.path().join("with files.clausewise");
    assert_eq!(write_package(&store, id, &target, &db).unwrap(), 4);
    std::fs::read(target).unwrap()
}

fn assessments(store: &Store) -> usize {
    store.list_assessments().unwrap().len()
}

#[test]
fn a_package_carries_the_files_to_a_fresh_machine_hash_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id, db) = demo(dir.path());
    let target = dir.path().join("Nordwind (with files).clausewise");
    write_package(&store, id, &target, &db).unwrap();
    // Another reader sees a zip with the assessment and the files.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&target).unwrap()).unwrap();
    assert_eq!(zip.len(), 5);
    assert!(zip.by_name("assessment.json").is_ok());

    let there = tempfile::tempdir().unwrap();
    let mut fresh = Store::open(&there.path().join("there.db"), OpenMode::CreateIfMissing).unwrap();
    let outcome = import_path(&mut fresh, &target, "the package", OnConflict::Fail).unwrap();
    assert!(matches!(outcome, ImportOutcome::Imported { .. }));
    let here = store.evidence(id).unwrap();
    let arrived = fresh.evidence(id).unwrap();
    assert_eq!(here, arrived);
    for f in arrived.iter().flat_map(|e| &e.files) {
        assert!(f.stored);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        store.read_attachment(id, &f.sha256, &mut a).unwrap();
        fresh.read_attachment(id, &f.sha256, &mut b).unwrap();
        assert_eq!(a, b, "{}", f.name);
    }
    assert_eq!(
        fresh.engagement(id).unwrap().scope,
        store.engagement(id).unwrap().scope
    );
    // The same package again: the question, then a copy sharing the content.
    let again = import_path(&mut fresh, &target, "the package", OnConflict::Fail).unwrap();
    assert!(matches!(again, ImportOutcome::Conflict { .. }));
    import_path(&mut fresh, &target, "the package", OnConflict::KeepBoth).unwrap();
    assert_eq!(fresh.stored_files().unwrap().len(), 4);
}

#[test]
fn the_plain_file_still_imports_listing_files_without_content() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id, _) = demo(dir.path());
    let plain = dir.path().join("plain.clausewise");
    std::fs::write(&plain, store.export_assessment(id).unwrap().to_json()).unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    import_path(&mut fresh, &plain, "the file", OnConflict::Fail).unwrap();
    let files: Vec<_> = fresh
        .evidence(id)
        .unwrap()
        .into_iter()
        .flat_map(|e| e.files)
        .collect();
    assert_eq!(files.len(), 4);
    assert!(files.iter().all(|f| !f.stored));
    // Exported again as a package, the files stay listed without content.
    let fresh_db = dir.path().join("fresh.db");
    let mut on_disk = Store::open(&fresh_db, OpenMode::CreateIfMissing).unwrap();
    import_path(&mut on_disk, &plain, "the file", OnConflict::Fail).unwrap();
    let repack = dir.path().join("repack.clausewise");
    assert_eq!(write_package(&on_disk, id, &repack, &fresh_db).unwrap(), 0);
    // That package imports elsewhere the same way: listed, no content.
    let mut third = Store::open_in_memory().unwrap();
    import_path(&mut third, &repack, "the package", OnConflict::Fail).unwrap();
    let files: Vec<_> = third
        .evidence(id)
        .unwrap()
        .into_iter()
        .flat_map(|e| e.files)
        .collect();
    assert_eq!(files.len(), 4);
    assert!(files.iter().all(|f| !f.stored));
}

/// A package with these entries, written by the zip library itself.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    out.into_inner()
}

/// The demo package's entries: the assessment and its files.
fn entries() -> Vec<(String, Vec<u8>)> {
    let bytes = package_bytes();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut b).unwrap();
            (e.name().unwrap().into_owned(), b)
        })
        .collect()
}

fn refused(bytes: Vec<u8>) -> String {
    let mut store = Store::open_in_memory().unwrap();
    let err = import_package(
        &mut store,
        std::io::Cursor::new(bytes),
        "the package",
        OnConflict::Fail,
    )
    .unwrap_err();
    assert_eq!(assessments(&store), 0, "nothing was imported");
    assert!(
        store.stored_files().unwrap().is_empty(),
        "no content was kept"
    );
    err.to_string()
}

#[test]
fn hostile_packages_are_refused_and_change_nothing() {
    let all = entries();
    let get = |skip: &str| -> Vec<(&str, &[u8])> {
        all.iter()
            .filter(|(n, _)| n != skip)
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect()
    };
    let a_file = all.iter().find(|(n, _)| n.starts_with("files/")).unwrap();

    // Path traversal and names outside the pattern.
    for name in [
        "../../etc/passwd",
        "/abs/path",
        "files/../x",
        "readme.txt",
        "files/",
    ] {
        let mut e = get("");
        e.push((name, b"x"));
        let m = refused(zip_of(&e));
        assert!(
            m.contains("not part of an assessment package"),
            "{name}: {m}"
        );
    }
    // A file the assessment does not list.
    let mut e = get("");
    let stranger = format!("files/{}", "ab".repeat(32));
    e.push((&stranger, b"stranger"));
    assert!(refused(zip_of(&e)).contains("does not list"));
    // A file it lists that is missing.
    let m = refused(zip_of(&get(&a_file.0)));
    assert!(m.contains("missing from the package"), "{m}");
    // Content that does not match its hash (same size).
    let mut tampered = a_file.1.clone();
    tampered[0] ^= 0x20;
    let mut e = get(&a_file.0);
    e.push((&a_file.0, &tampered));
    assert!(refused(zip_of(&e)).contains("does not match its SHA-256"));
    // A zip bomb: 64 MiB of zeros where a small file is listed. Reading
    // stops one byte past the listed size.
    let bomb = vec![0u8; 64 * 1024 * 1024];
    let mut e = get(&a_file.0);
    e.push((&a_file.0, &bomb));
    let packed = zip_of(&e);
    assert!(packed.len() < 1024 * 1024, "it is a bomb: small packed");
    assert!(refused(packed).contains("does not match its SHA-256"));
    // More content in all than a package may carry (40 files of 256 MiB
    // listed; nothing is read).
    let json = &all.iter().find(|(n, _)| n == "assessment.json").unwrap().1;
    let mut v: serde_json::Value = serde_json::from_slice(json).unwrap();
    let files: Vec<serde_json::Value> = (0..40)
        .map(|i| {
            serde_json::json!({
                "sha256": format!("{i:064x}"),
                "name": format!("dump {i}.bin"),
                "size": 256u64 * 1024 * 1024,
                "added_at": "2026-11-17T09:00:00Z"
            })
        })
        .collect();
    v["evidence"][0]["files"] = serde_json::Value::Array(files);
    let big = serde_json::to_vec(&v).unwrap();
    let m = refused(zip_of(&[("assessment.json", &big)]));
    assert!(
        m.contains("more than the 8.0 GB a package may carry"),
        "{m}"
    );
    // No assessment at all.
    assert!(refused(zip_of(&[(a_file.0.as_str(), &a_file.1[..])])).contains("holds no assessment"));
    // Not a zip, though it starts like one.
    assert!(
        refused(b"PK\x03\x04 this is not an archive".to_vec()).contains("not a readable package")
    );
    // The same name twice: the second name patched to equal the first.
    let twin = format!("files/{}", "cd".repeat(32));
    let mut e = get("");
    e.push((&twin, b"twin"));
    let mut bytes = zip_of(&e);
    let (from, to) = (twin.as_bytes(), a_file.0.as_bytes());
    let mut i = 0;
    while let Some(at) = bytes[i..].windows(from.len()).position(|w| w == from) {
        bytes[i + at..i + at + from.len()].copy_from_slice(to);
        i += at + from.len();
    }
    let m = refused(bytes);
    assert!(m.contains("appears twice"), "{m}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any damage to a package is either refused, with the database as
    /// before, or leaves a sound, readable assessment.
    #[test]
    fn a_damaged_package_never_half_imports(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = PACKAGE.with(|p| p.clone());
        for (at, value) in &flips {
            let i = at.index(bytes.len());
            bytes[i] = *value;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()).max(4));
        }
        let mut store = Store::open_in_memory().unwrap();
        match import_package(&mut store, std::io::Cursor::new(bytes), "p", OnConflict::Fail) {
            Ok(ImportOutcome::Imported { assessment, .. }) => {
                for f in store.evidence(assessment.id).unwrap().iter().flat_map(|e| &e.files) {
                    let mut out = Vec::new();
                    prop_assert!(store.read_attachment(assessment.id, &f.sha256, &mut out).is_ok());
                }
            }
            Ok(ImportOutcome::Conflict { .. }) => prop_assert!(false, "an empty database has no conflict"),
            Err(_) => {
                prop_assert_eq!(assessments(&store), 0);
                prop_assert!(store.stored_files().unwrap().is_empty());
            }
        }
    }
}

thread_local! {
    static PACKAGE: Vec<u8> = package_bytes();
}
