//! The CLI as a user runs it: real process, real files, exit codes.

mod common;

use common::{cli, stderr, stdout, Sandbox};
use std::process::Command;

#[test]
fn demo_prints_the_new_id_and_list_shows_it() {
    let sandbox = Sandbox::new("work.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
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
    let sandbox = Sandbox::new("empty.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    clausewise_store::Store::open(db, clausewise_store::OpenMode::CreateIfMissing).unwrap();
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
    let sandbox = Sandbox::new("missing.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
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
    assert!(text.starts_with("ISO/IEC 20000-1:2018 + Amd 1:2024 (catalogue iso-iec-20000-1, edition 2018+A1:2024): 77 clauses, 57 assessable requirements"));
    assert_eq!(
        text.matches("ITIL 4 practices: none (SMS governance: no ITIL 4 practice equivalent)")
            .count(),
        9
    );
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
    assert_eq!(leaf["sms_governance"], true);
    assert_eq!(leaf["itil_practices"], serde_json::json!([]));
    assert_eq!(json["supersedes"], serde_json::json!(["2018"]));
    assert!(leaf["questions"].as_array().unwrap().len() >= 3);
    assert!(leaf["summary"].as_str().unwrap().len() > 40);
    let group = clauses.iter().find(|c| c["id"] == "9").unwrap();
    assert_eq!(group["assessable"], false);
    assert_eq!(group["parent"], serde_json::Value::Null);
    assert_eq!(json["maturity_levels"].as_array().unwrap().len(), 6);
}

#[test]
fn summary_reports_maturity_readiness_findings_and_kpis() {
    let sandbox = Sandbox::new("s.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let id = stdout(&cli(&["--db", db, "demo"], dir.path()))
        .trim()
        .to_owned();

    let out = cli(&["--db", db, "summary", &id], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Nordwind Logistik GmbH — ISO/IEC 20000-1 readiness assessment\n"),
        "{text}"
    );
    assert!(
        text.contains("Coverage          57 of 57 requirements (100%), 1 not applicable"),
        "{text}"
    );
    // The overall figure hides a requirement at level 0: it is named.
    assert!(
        text.contains("Lowest            9.2 Internal audit at level 0\n"),
        "{text}"
    );
    assert!(
        text.contains("Stage 1 readiness       Not ready\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  x 9.2 Internal audit is a major nonconformity: it must have been planned and \
             carried out at least once before stage 1\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Certification readiness Not ready\n"),
        "{text}"
    );
    assert!(
        text.contains("  x Open major nonconformity at 8.3.4.1 Management of external suppliers:"),
        "{text}"
    );
    // A minor with an accepted plan does not block; it is listed.
    assert!(
        text.contains(
            "  - Open minor nonconformity at 6.2.1 Establish objectives with an accepted"
        ),
        "{text}"
    );
    assert!(
        text.contains("Rule for certification readiness:\n"),
        "{text}"
    );
    assert!(
        text.contains("  Major nonconformity            3 / 3"),
        "{text}"
    );
    assert!(
        text.contains("  Measured but not acted upon (2):\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  x SLA attainment – all services: 93.8 % of targets met in 2026-10 against 95 % \
             of targets met, missed"
        ),
        "{text}"
    );
    // Practices against the management system: the ITIL-rich client with
    // weak governance, and the practices that outrun it by name.
    assert!(
        text.contains("Execution/control Practices 3.2, management system 2.0\n"),
        "{text}"
    );
    assert!(
        text.contains("  x Change enablement (capability 3): 8.5.1.2, 8.5.1.3"),
        "{text}"
    );

    let out = cli(&["--db", db, "summary", &id, "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["assessment_id"], id.as_str());
    assert_eq!(json["assessed"], 57);
    for stage in ["stage_1", "certification"] {
        let v = &json["verdicts"][stage];
        assert_eq!(v["verdict"], "not_ready", "{stage}");
        assert!(!v["rule"].as_array().unwrap().is_empty(), "{stage}");
        assert_eq!(v["reasons"][0]["weight"], "blocks", "{stage}");
    }
    assert_eq!(json["verdicts"]["certification"]["judged"], 57);
    let clause = |id: &str| {
        json["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["clause_id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(clause("8.5.1.3")["judgement"], "minor_nonconformity");
    assert_eq!(clause("9.2")["rating"]["level"], 0, "{}", clause("9.2"));
    assert_eq!(clause("9")["weakest"]["clause_id"], "9.2");
    let overall = json["overall"].as_f64().unwrap();
    assert!((2.0..2.6).contains(&overall), "{overall}");
    assert_eq!(json["weakest"]["level"], 0, "{json}");
    assert_eq!(json["weakest"]["below_mean"], true);
    // Every clause: requirements with rating and conformity as it stands,
    // groups with their score and weakest link.
    let clauses = json["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 77);
    let audit = clauses.iter().find(|c| c["clause_id"] == "9.2").unwrap();
    assert_eq!(audit["requirement"], true);
    assert_eq!(audit["rating"]["level"], 0);
    assert_eq!(audit["judgement"], "major_nonconformity", "{audit}");
    assert_eq!(audit["recorded_judgement"], "major_nonconformity");
    let nine = clauses.iter().find(|c| c["clause_id"] == "9").unwrap();
    assert_eq!(nine["requirement"], false);
    assert_eq!(nine["rating"], serde_json::Value::Null);
    assert_eq!(nine["weakest"]["clause_id"], "9.2");
    assert_eq!(json["findings_by_kind"].as_array().unwrap().len(), 5);
    // The two missed KPIs nobody acted upon, by name.
    let ignored: Vec<&str> = json["kpis_not_acted_upon"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        ignored,
        [
            "Service availability – shipment portal",
            "SLA attainment – all services"
        ]
    );
    assert_eq!(json["kpis_not_acted_upon"][0]["period"], "2026-10");
    assert_eq!(json["kpis_not_acted_upon"][0]["measured"], 12);
    assert_eq!(json["kpis"]["not_acted_upon"], 2);
    let e = &json["execution_control"];
    assert_eq!(e["execution"], 3.2, "{e}");
    assert_eq!(e["control"], 2.0, "{e}");
    assert_eq!(e["governance_assessed"], 9);
    let ahead = e["practices_without_governance"].as_array().unwrap();
    let change = ahead
        .iter()
        .find(|p| p["practice"] == "Change enablement")
        .unwrap();
    assert_eq!(change["capability"], 3);
    assert!(change["requirements"]
        .as_array()
        .unwrap()
        .contains(&"8.5.1.3".into()));
    assert!(!ahead
        .iter()
        .any(|p| p["practice"] == "Architecture management"));
    assert!(e["narrative"]
        .as_str()
        .unwrap()
        .contains("ahead of the system that should govern them"));
    assert_eq!(
        json["kpis"]["met"].as_u64().unwrap()
            + json["kpis"]["within_tolerance"].as_u64().unwrap()
            + json["kpis"]["not_met"].as_u64().unwrap()
            + json["kpis"]["unknown"].as_u64().unwrap(),
        8
    );

    let missing = uuid::Uuid::new_v4().to_string();
    let out = cli(&["--db", db, "summary", &missing], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("The assessment was not found"));
    let out = cli(&["--db", db, "summary", "not-an-id"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_with_extra_findings_for_benchmarks() {
    let sandbox = Sandbox::new("big.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let out = cli(&["--db", db, "demo", "--findings", "1000"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        &["--db", db, "summary", &id, "--json"],
        dir.path(),
    )))
    .unwrap();
    let total: u64 = json["findings_by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["total"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 1032);
}

#[test]
fn check_reports_a_sound_database_and_fails_on_problems() {
    let sandbox = Sandbox::new("c.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let db_str = db.to_str().unwrap();
    cli(&["--db", db_str, "demo"], dir.path());
    let out = cli(&["--db", db_str, "check"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Integrity     ok"), "{text}");
    assert!(text.contains("Foreign keys  ok"));
    assert!(
        text.contains("1 assessments, 57 clause responses, 32 findings, 8 KPIs"),
        "{text}"
    );
    assert!(text.ends_with("Result        sound\n"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        &["--db", db_str, "check", "--json"],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(json["integrity"][0], "ok");

    // A dangling row, written behind the app's back.
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        conn.execute(
            "INSERT INTO clause_response (assessment_id, clause_id, rating, updated_at)
             VALUES ('no-such-assessment', '4.1', 'not_assessed', 'x')",
            [],
        )
        .unwrap();
    }
    let out = cli(&["--db", db_str, "check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Foreign keys  1 dangling rows"));
    assert!(stderr(&out).contains("has problems"));
}

#[test]
fn backup_list_and_restore() {
    let sandbox = Sandbox::new("b.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let db_str = db.to_str().unwrap();
    let id = stdout(&cli(&["--db", db_str, "demo"], dir.path()))
        .trim()
        .to_owned();
    let out = cli(&["--db", db_str, "backups"], dir.path());
    assert!(
        stdout(&out).starts_with("No snapshots yet in "),
        "{}",
        stdout(&out)
    );

    let out = cli(&["--db", db_str, "backup"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let snapshot = stdout(&out).trim().to_owned();
    assert!(
        snapshot.contains("/backups/clausewise-") && snapshot.ends_with("-manual.db"),
        "{snapshot}"
    );

    // Lose the assessment, then restore it.
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute("DELETE FROM assessment", []).unwrap();
    }
    let out = cli(&["--db", db_str, "restore", &snapshot], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("The state it replaced is kept in"));
    let list = stdout(&cli(&["--db", db_str, "list"], dir.path()));
    assert!(list.contains(&id), "{list}");

    let out = cli(&["--db", db_str, "backups", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let reasons: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"manual") && reasons.contains(&"before-restore"),
        "{reasons:?}"
    );

    let out = cli(
        &["--db", db_str, "restore", "/nonexistent/snap.db"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("There is no snapshot at"));
}

#[test]
fn report_writes_the_pdf_and_sections_can_be_left_out() {
    let sandbox = Sandbox::new("work.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let id = stdout(&cli(&["--db", db, "demo"], dir.path()))
        .trim()
        .to_owned();
    let pdf = dir.path().join("gap report.pdf");
    let out = cli(
        &[
            "--db",
            db,
            "report",
            &id,
            "--out",
            pdf.to_str().unwrap(),
            "--no-section",
            "itil",
            "--no-section",
            "not-applicable",
            "--firm",
            "Whitfield Service Advisory",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), pdf.to_str().unwrap());
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages = doc.get_pages().len() as u32;
    assert!(pages > 20);
    let text = doc.extract_text(&(1..=pages).collect::<Vec<_>>()).unwrap();
    assert!(text.contains("Whitfield Service Advisory"));
    assert!(text.contains("Executive summary"));
    assert!(!text.contains("Appendix: requirements and ITIL 4 practices"));
    assert!(!text.contains("Requirements marked not applicable"));

    // Wrong section name: usage error, exit 2, valid names listed.
    let out = cli(
        &[
            "--db",
            db,
            "report",
            &id,
            "--out",
            "x.pdf",
            "--no-section",
            "cover",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not-applicable"), "{}", stderr(&out));

    // Unknown assessment, unwritable target, bad logo: exit 1 with a message.
    let other = uuid::Uuid::new_v4().to_string();
    let out = cli(
        &["--db", db, "report", &other, "--out", "y.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let missing = dir.path().join("no-folder").join("r.pdf");
    let out = cli(
        &[
            "--db",
            db,
            "report",
            &id,
            "--out",
            missing.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, "not an image").unwrap();
    let out = cli(
        &[
            "--db",
            db,
            "report",
            &id,
            "--out",
            "z.pdf",
            "--logo",
            logo.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("PNG"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        left.iter().all(|n| !n.to_string_lossy().ends_with(".part")),
        "{left:?}"
    );
}

#[test]
fn report_is_written_in_the_language_asked_for_or_the_clients() {
    let sandbox = Sandbox::new("work.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let id = stdout(&cli(&["--db", db, "demo"], dir.path()))
        .trim()
        .to_owned();
    let text_of = |pdf: &std::path::Path| {
        let doc = lopdf::Document::load(pdf).unwrap();
        let pages = doc.get_pages().len() as u32;
        doc.extract_text(&(1..=pages).collect::<Vec<_>>()).unwrap()
    };
    let pdf = dir.path().join("bericht.pdf");
    let out = cli(
        &[
            "--db",
            db,
            "report",
            &id,
            "--out",
            pdf.to_str().unwrap(),
            "--lang",
            "de",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = text_of(&pdf);
    assert!(text.contains("Seite 3 von"), "German footer");
    assert!(!text.contains("Executive summary"));

    // Without --lang: the language last chosen for the client in the app.
    let store =
        clausewise_store::Store::open(&sandbox.db, clausewise_store::OpenMode::MustExist).unwrap();
    let uuid: uuid::Uuid = id.parse().unwrap();
    store
        .remember_report_lang(uuid, clausewise_core::i18n::Lang::Fr)
        .unwrap();
    drop(store);
    let pdf = dir.path().join("rapport.pdf");
    let out = cli(
        &["--db", db, "report", &id, "--out", pdf.to_str().unwrap()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text_of(&pdf).contains("Page 3 sur"), "French footer");

    // An unknown language: usage error, exit 2, the languages listed.
    let out = cli(
        &["--db", db, "report", &id, "--out", "x.pdf", "--lang", "es"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown language; choose from en, de, fr"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_and_import_an_assessment_file_and_spreadsheets() {
    let sandbox = Sandbox::new("work.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let id = stdout(&cli(&["--db", db, "demo"], dir.path()))
        .trim()
        .to_owned();
    let file = dir.path().join("nordwind.clausewise");
    let out = cli(
        &["--db", db, "export", &id, "--out", file.to_str().unwrap()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json["format"], "clausewise-assessment");
    assert_eq!(json["findings"].as_array().unwrap().len(), 32);
    // The lifecycle and the checklist travel with the file.
    let verified = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["nc_stage"] == "verified")
        .expect("a verified nonconformity");
    assert_eq!(verified["status"], "closed");
    // The register entries recorded: all of 7.5.4 and twelve of the other
    // requirements' documented information.
    assert_eq!(json["documents"].as_array().unwrap().len(), 26);

    // Into another database: the same id, the same summary.
    let other = dir.path().join("other.db");
    let other = other.to_str().unwrap();
    let out = cli(
        &["--db", other, "import", file.to_str().unwrap()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), id);
    let a = stdout(&cli(&["--db", db, "summary", &id, "--json"], dir.path()));
    let b = stdout(&cli(&["--db", other, "summary", &id, "--json"], dir.path()));
    assert_eq!(a, b);

    // Again: refused by default, then kept twice.
    let out = cli(
        &["--db", other, "import", file.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--on-conflict"), "{}", stderr(&out));
    let out = cli(
        &[
            "--db",
            other,
            "import",
            file.to_str().unwrap(),
            "--on-conflict",
            "keep-both",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    assert_ne!(stdout(&out).trim(), id);

    // A damaged file names the problem and changes nothing.
    let broken = dir.path().join("broken.clausewise");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&broken, &text[..text.len() / 3]).unwrap();
    let out = cli(
        &["--db", other, "import", broken.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ends too early"), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_str(&stdout(&cli(
        &["--db", other, "list", "--json"],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);

    for (format, name) in [("xlsx", "r.xlsx"), ("csv", "r.csv")] {
        let path = dir.path().join(name);
        let out = cli(
            &[
                "--db",
                db,
                "export",
                &id,
                "--format",
                format,
                "--out",
                path.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(std::fs::metadata(&path).unwrap().len() > 1000);
    }
    let csv = std::fs::read_to_string(dir.path().join("r.csv")).unwrap();
    assert!(csv
        .trim_start_matches('\u{feff}')
        .starts_with("Clause,Title,"));

    // The comma is the default dialect; semicolons come with decimal commas.
    let export = |extra: &[&str], name: &str| {
        let path = dir.path().join(name);
        let mut args = vec!["--db", db, "export", &id, "--format", "csv"];
        args.extend_from_slice(extra);
        args.extend(["--out", path.to_str().unwrap()]);
        let out = cli(&args, dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read_to_string(&path).unwrap()
    };
    assert_eq!(export(&["--delimiter", "comma"], "comma.csv"), csv);
    let semi = export(&["--delimiter", "semicolon"], "semi.csv");
    assert!(semi
        .trim_start_matches('\u{feff}')
        .starts_with("Clause;Title;Type;Rating;Current;Target;Gap;"));
    assert!(
        semi.contains("\n4;Context of the organization;Clause;Roll-up;2,8;"),
        "{semi}"
    );
    let kpis = export(&["--table", "kpis", "--delimiter", "semicolon"], "kpis.csv");
    assert!(kpis.trim_start_matches('\u{feff}').starts_with(
        "KPI;Newest value;Newest period;Unit;Target;Tolerance;Direction;Status;Acted upon;\
         Measurements;Owner;"
    ));
    assert!(
        kpis.contains(
            "Service availability – shipment portal;99;2026-10;%;99,5;0,2;Higher is better;\
             Missed;Not acted upon;12;"
        ),
        "{kpis}"
    );
    let series = export(
        &["--table", "kpi-measurements", "--delimiter", "semicolon"],
        "series.csv",
    );
    assert!(series
        .trim_start_matches('\u{feff}')
        .starts_with("KPI;Period;Value;Unit;Target;Status;Note\n"));
    assert!(
        series.contains("\nService availability – shipment portal;2026-08;99,1;%;99,5;Missed;"),
        "{series}"
    );
    let practices = export(&["--table", "practices"], "practices.csv");
    assert!(
        practices.contains("\nChange enablement,In place,3,"),
        "{practices}"
    );
    let out = cli(
        &[
            "--db",
            db,
            "export",
            &id,
            "--format",
            "csv",
            "--delimiter",
            "tab",
            "--out",
            "x.csv",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn follow_up_and_compare_with_the_baseline() {
    let sandbox = Sandbox::new("f.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let baseline = stdout(&cli(&["--db", db, "demo"], dir.path()))
        .trim()
        .to_owned();

    // Not a follow-up: nothing to compare with.
    let out = cli(&["--db", db, "compare", &baseline], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "clausewise-cli: “ISO/IEC 20000-1 readiness assessment” has no baseline to compare \
         with: it was not started as a follow-up, or its baseline was deleted.\n"
    );

    let out = cli(&["--db", db, "follow-up", &baseline], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    assert_ne!(id, baseline);
    // A fresh look: only the carried-over open nonconformities judge their
    // requirements, so neither stage has a verdict yet.
    let summary: serde_json::Value = serde_json::from_str(&stdout(&cli(
        &["--db", db, "summary", &id, "--json"],
        dir.path(),
    )))
    .unwrap();
    for stage in ["stage_1", "certification"] {
        let v = &summary["verdicts"][stage];
        assert_eq!(v["verdict"], "provisional", "{stage}: {v}");
        assert!(
            v["headline"].as_str().unwrap().starts_with("Provisional: "),
            "{v}"
        );
        assert!(!v["unjudged"].as_array().unwrap().is_empty(), "{v}");
    }
    let list = stdout(&cli(&["--db", db, "list"], dir.path()));
    assert!(
        list.contains("Follow-up: ISO/IEC 20000-1 readiness assessment"),
        "{list}"
    );

    let out = cli(&["--db", db, "compare", &id], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "Follow-up: ISO/IEC 20000-1 readiness assessment — progress since \
             “ISO/IEC 20000-1 readiness assessment” (draft, "
        ),
        "{text}"
    );
    assert!(
        text.contains("Requirements       0 improved, 0 regressed, 57 unchanged, 0 not comparable"),
        "{text}"
    );
    assert!(
        // The follow-up is a fresh look: nothing is judged in it yet.
        text.contains("Certification      Not ready → Provisional"),
        "{text}"
    );
    assert!(text.contains("\n9.2       Internal audit"), "{text}");
    assert!(text.contains("No requirement has changed level."), "{text}");
    // The KPIs came along with their series: each newest value on both sides.
    assert!(
        text.contains(
            "  Mean time to restore service – P1/P2 incidents   3.1 hours (2026-10) → 3.1 hours \
             (2026-10)  Unchanged\n"
        ),
        "{text}"
    );

    let out = cli(&["--db", db, "compare", &id, "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["baseline"]["id"], baseline.as_str());
    assert_eq!(json["overall_trend"], "unchanged");
    assert_eq!(json["clauses"].as_array().unwrap().len(), 77);
    assert_eq!(json["kpi_trends"].as_array().unwrap().len(), 8);
    assert_eq!(json["kpi_trends"][0]["current_period"], "2026-10");

    // The progress as a CSV table; a baseline has none.
    let csv = dir.path().join("progress.csv");
    let csv_path = csv.to_str().unwrap();
    let out = cli(
        &[
            "--db", db, "export", &id, "--format", "csv", "--table", "progress", "--out", csv_path,
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}Clause,Title,Type,Baseline,Now,Change,Trend\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 78);
    let out = cli(
        &[
            "--db", db, "export", &baseline, "--format", "csv", "--table", "progress", "--out",
            csv_path,
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("has no baseline"), "{}", stderr(&out));

    // A blank follow-up with its own title.
    let out = cli(
        &[
            "--db",
            db,
            "follow-up",
            &baseline,
            "--levels",
            "blank",
            "--title",
            "Année 2 — 第二年",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let blank = stdout(&out).trim().to_owned();
    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        &["--db", db, "compare", &blank, "--json"],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(json["requirements"]["not_comparable"], 57);
    let text = stdout(&cli(&["--db", db, "compare", &blank], dir.path()));
    assert!(
        text.contains(
            "Overall maturity   – → –  (not comparable yet: no requirement scored in both)"
        ),
        "{text}"
    );

    // A follow-up imported where its baseline is not: imported, with a note
    // on how to link it.
    let file = dir.path().join("follow-up.clausewise");
    let out = cli(
        &["--db", db, "export", &id, "--out", file.to_str().unwrap()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let elsewhere = dir.path().join("elsewhere.db");
    let out = cli(
        &[
            "--db",
            elsewhere.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), id);
    assert!(
        stderr(&out)
            .starts_with("clausewise-cli: note: It is a follow-up, but its baseline is not"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&cli(&["--db", db, "list"], dir.path())).contains("Année 2 — 第二年"));

    // Bad input: an empty title, an unknown baseline, a wrong --levels.
    let out = cli(
        &["--db", db, "follow-up", &baseline, "--title", " "],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Assessment title is required"),
        "{}",
        stderr(&out)
    );
    let missing = uuid::Uuid::new_v4().to_string();
    let out = cli(&["--db", db, "follow-up", &missing], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let out = cli(
        &["--db", db, "follow-up", &baseline, "--levels", "some"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `clausewise-cli catalogue | head`: the catalogue (about 100 KB) is
    // more than a pipe holds, so the write fails once the reader is gone.
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausewise-cli"))
        .arg("catalogue")
        .env("CLAUSEWISE_DATA_DIR", dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&first).starts_with("ISO/IEC 20000-1:2018 + Amd 1:2024"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn evidence_attach_and_a_package_that_carries_the_files() {
    let here = Sandbox::new("here.db");
    let id = common::demo(&here.db);
    // The register as text and as JSON, files with their SHA-256.
    let text = common::ok(&here.db, &["evidence", &id]);
    assert!(
        text.contains("E-12  Record  Emergency change records"),
        "{text}"
    );
    assert!(
        text.contains("Sampling      10 of 61 sampled, 4 exceptions"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&common::ok(&here.db, &["evidence", &id, "--json"])).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 25);

    // A PDF attached to the item on 8.5.1.3 by its code.
    let pdf = here.path().join("Änderungsrichtlinie 2026.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% a change policy\n").unwrap();
    let attached = common::ok(&here.db, &["attach", &id, "e-12", pdf.to_str().unwrap()]);
    let sha = attached.trim().strip_prefix("E-12 ").unwrap().to_owned();
    assert_eq!(sha.len(), 64);
    assert!(common::ok(&here.db, &["evidence", &id]).contains(&sha));
    // Refusals name the problem.
    let m = common::fails(&here.db, &["attach", &id, "E-99", pdf.to_str().unwrap()]);
    assert!(m.contains("no evidence item E-99"), "{m}");
    let m = common::fails(
        &here.db,
        &["attach", &id, "E-12", here.path().to_str().unwrap()],
    );
    assert!(m.contains("is a folder"), "{m}");
    let m = common::fails(&here.db, &["attach", &id, "E-12", pdf.to_str().unwrap()]);
    assert!(m.contains("attached to E-12 already"), "{m}");

    // With --with-files: a package; without, the JSON alone.
    let package = here.path().join("with files.clausewise");
    let plain = here.path().join("plain.clausewise");
    common::ok(
        &here.db,
        &[
            "export",
            &id,
            "--with-files",
            "--out",
            package.to_str().unwrap(),
        ],
    );
    common::ok(&here.db, &["export", &id, "--out", plain.to_str().unwrap()]);
    assert!(std::fs::read(&package).unwrap().starts_with(b"PK\x03\x04"));
    assert!(std::fs::read(&plain).unwrap().starts_with(b"{"));
    let m = common::fails(
        &here.db,
        &[
            "export",
            &id,
            "--format",
            "xlsx",
            "--with-files",
            "--out",
            "x.xlsx",
        ],
    );
    assert!(
        m.contains("--with-files goes with --format clausewise"),
        "{m}"
    );

    // Imported elsewhere, the package brings the files; the JSON lists them.
    let there = Sandbox::new("there.db");
    let out = there.run(&["import", package.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&common::ok(&there.db, &["evidence", &id, "--json"])).unwrap();
    let files: Vec<&serde_json::Value> = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["files"].as_array().unwrap())
        .collect();
    assert_eq!(files.len(), 5);
    assert!(files.iter().all(|f| f["stored"] == true));
    assert!(files.iter().any(|f| f["sha256"] == sha.as_str()));
    let third = Sandbox::new("third.db");
    let out = third.run(&["import", plain.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = common::ok(&third.db, &["evidence", &id]);
    assert!(text.contains("(content not in this database)"), "{text}");
}
