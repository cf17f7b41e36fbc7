//! The CLI as a user runs it: real process, real files, exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn cli(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausewise-cli"))
        .args(args)
        .env("CLAUSEWISE_DATA_DIR", data_dir)
        .output()
        .expect("run clausewise-cli")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn demo_prints_the_new_id_and_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("work.db");
    let db = db.to_str().unwrap();
    let out = cli(&["--db", db, "demo"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "not an id: {id:?}");

    let out = cli(&["--db", db, "list"], dir.path());
    assert!(out.status.success());
    let table = stdout(&out);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("ID"), "{table}");
    assert!(lines[0].contains("CLIENT") && lines[0].contains("TITLE"));
    assert!(lines[1].starts_with(&id));
    assert!(lines[1].contains("Nordwind Logistik GmbH"));
    assert!(lines[1].contains("draft"));

    let out = cli(&["--db", db, "list", "--json"], dir.path());
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], id.as_str());
    assert_eq!(rows[0]["client_name"], "Nordwind Logistik GmbH");
    assert_eq!(rows[0]["status"], "draft");
}

#[test]
fn without_db_the_data_folder_database_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&["demo"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("clausewise.db").exists());
    let out = cli(&["list", "--json"], dir.path());
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
}

#[test]
fn an_empty_database_lists_nothing_politely() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    clausewise_store::Store::open(&db, clausewise_store::OpenMode::CreateIfMissing).unwrap();
    let out = cli(&["--db", db.to_str().unwrap(), "list"], dir.path());
    assert!(out.status.success());
    assert_eq!(stdout(&out), "No assessments yet.\n");
    let out = cli(
        &["--db", db.to_str().unwrap(), "list", "--json"],
        dir.path(),
    );
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn a_missing_database_is_a_clear_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let out = cli(&["--db", db.to_str().unwrap(), "list"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("There is no database at"), "{err}");
    assert!(err.contains("missing.db"));
    assert!(!db.exists());
}

#[test]
fn an_unreadable_or_newer_database_fails_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "PK\u{3}\u{4} a zip file, not a database ".repeat(50)).unwrap();
    let before = std::fs::read(&junk).unwrap();
    let out = cli(&["--db", junk.to_str().unwrap(), "list"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a Clausewise database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&junk).unwrap(), before);

    let newer = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&newer).unwrap();
    for args in [&["list"][..], &["demo"][..]] {
        let mut full = vec!["--db", newer.to_str().unwrap()];
        full.extend_from_slice(args);
        let out = cli(&full, dir.path());
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("newer version of Clausewise"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn a_wrong_command_line_exits_with_2_and_usage() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&["frobnicate"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Usage"));
}

#[test]
fn catalogue_prints_every_clause_with_its_guidance() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&["catalogue"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("ISO/IEC 20000-1:2018 (catalogue iso-iec-20000-1, edition 2018): 77 clauses, 57 assessable requirements"));
    assert!(text.contains("\n  3 Established "));
    assert!(text.contains("\n      8.5.1.2 Change management initiation  [requirement]\n"));
    assert!(text.contains("\n8 Operation of the service management system\n"));
    assert_eq!(text.matches("[requirement]").count(), 57);
    assert!(
        text.contains("Questions:") && text.contains("ITIL 4 practices:") && text.contains("KPIs:")
    );
    assert!(
        !dir.path().join("clausewise.db").exists(),
        "the catalogue needs no database"
    );

    let out = cli(&["catalogue", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let clauses = json["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 77);
    let leaf = clauses.iter().find(|c| c["id"] == "9.3").unwrap();
    assert_eq!(leaf["parent"], "9");
    assert_eq!(leaf["assessable"], true);
    assert!(leaf["questions"].as_array().unwrap().len() >= 3);
    assert!(leaf["summary"].as_str().unwrap().len() > 40);
    let group = clauses.iter().find(|c| c["id"] == "9").unwrap();
    assert_eq!(group["assessable"], false);
    assert_eq!(group["parent"], serde_json::Value::Null);
    assert_eq!(json["maturity_levels"].as_array().unwrap().len(), 6);
}
