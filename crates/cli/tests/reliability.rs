//! The ways the command line lost data or gave up, reproduced as they were
//! found (real process, real files) and kept fixed.

mod common;

use common::{cli, demo, fails, ok, stderr, stdout, Sandbox};
use std::path::{Path, PathBuf};
use std::process::Command;

fn companions(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| PathBuf::from(format!("{}{s}", path.display())))
        .filter(|p| p.exists())
        .collect()
}

// 1. `demo`, `backup`, the snapshot copied to 20 daily names, `restore` the
//    oldest, `check`: the restore used to delete the oldest and empty the
//    database, printing "Restored".
#[test]
fn restoring_the_oldest_of_twenty_snapshots_restores_it() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let id = demo(db);
    let snapshot = PathBuf::from(ok(db, &["backup"]).trim());
    let backups = dir.path().join("backups");
    for day in 1..=20 {
        let name = format!("clausewise-202601{day:02}-120000-daily.db");
        std::fs::copy(&snapshot, backups.join(name)).unwrap();
    }
    std::fs::remove_file(&snapshot).unwrap();
    let oldest = backups.join("clausewise-20260101-120000-daily.db");

    let said = ok(db, &["restore", oldest.to_str().unwrap()]);
    assert!(said.starts_with("Restored "), "{said}");
    let kept = said
        .trim()
        .rsplit_once("kept in ")
        .map(|(_, p)| PathBuf::from(p.trim_end_matches('.')))
        .unwrap();
    assert!(kept.exists(), "{said}");
    assert!(oldest.exists(), "the restored snapshot is still there");
    let check = ok(db, &["check"]);
    assert!(
        check.contains("1 clients, 1 assessments, 57 clause responses, 32 findings, 8 KPIs"),
        "{check}"
    );
    assert!(check.ends_with("Result        sound\n"), "{check}");
    assert!(ok(db, &["list"]).contains(&id));
}

// 2. Snapshot names dated later than the clock: `backup` printed the path of
//    a file rotation had already deleted, and so did `restore`.
#[test]
fn backup_and_restore_print_files_that_exist_whatever_the_names_dates() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    demo(db);
    let first = PathBuf::from(ok(db, &["backup"]).trim());
    for day in 1..=20 {
        let name = format!("clausewise-209912{day:02}-120000-daily.db");
        std::fs::copy(&first, dir.path().join("backups").join(name)).unwrap();
    }
    let manual = PathBuf::from(ok(db, &["backup"]).trim());
    assert!(manual.exists(), "{}", manual.display());
    let said = ok(db, &["restore", manual.to_str().unwrap()]);
    let kept = said
        .trim()
        .rsplit_once("kept in ")
        .unwrap()
        .1
        .trim_end_matches('.');
    assert!(Path::new(kept).exists(), "{said}");
    let listed = ok(db, &["backups"]);
    assert!(listed.contains(kept), "{listed}");
    assert_eq!(listed.lines().count(), 20);
}

// 3. One import with a time whose UTC year is past 9999 made `list` fail for
//    the whole database; in a finding it broke summary, export, report and
//    follow-up; due dates far outside any engagement were accepted.
#[test]
fn times_outside_the_years_the_database_reads_are_refused_and_never_hide_the_rest() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let id = demo(db);
    let file = dir.path().join("a.clausewise");
    ok(db, &["export", &id, "--out", file.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    for (pointer, value) in [
        ("/assessment/updated_at", "9999-12-31T23:30:00-01:00"),
        ("/findings/3/updated_at", "+99999-01-01T00:00:00Z"),
        ("/responses/0/updated_at", "-0001-01-01T00:00:00Z"),
        ("/findings/0/due_date", "+99999-01-01"),
        ("/findings/0/due_date", "-0044-03-15"),
    ] {
        let mut edited = json.clone();
        *edited.pointer_mut(pointer).unwrap() = value.into();
        edited["assessment"]["id"] = uuid::Uuid::new_v4().to_string().into();
        let bad = dir.path().join("bad.clausewise");
        std::fs::write(&bad, edited.to_string()).unwrap();
        let err = fails(
            db,
            &[
                "import",
                bad.to_str().unwrap(),
                "--on-conflict",
                "keep-both",
            ],
        );
        assert!(err.contains("cannot be imported"), "{err}");
        assert!(
            err.contains("1900") && err.contains("2999"),
            "{pointer}: {err}"
        );
    }
    let list: serde_json::Value = serde_json::from_str(&ok(db, &["list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);

    // Written behind Clausewise's back (or by an earlier version): every
    // command still works, and check names the rows.
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute(
            "UPDATE finding SET updated_at = '+10000-01-01T00:30:00.000000Z',
                 due_date = '+99999-01-01'
             WHERE rowid = (SELECT min(rowid) FROM finding)",
            [],
        )
        .unwrap();
        conn.execute(
            "UPDATE clause_response SET updated_at = '+10000-01-01T00:30:00.000000Z'
             WHERE clause_id = '9.3'",
            [],
        )
        .unwrap();
    }
    assert!(ok(db, &["list"]).contains(&id));
    assert!(ok(db, &["summary", &id]).contains("Certification readiness"));
    ok(db, &["export", &id, "--out", file.to_str().unwrap()]);
    let pdf = dir.path().join("r.pdf");
    ok(db, &["report", &id, "--out", pdf.to_str().unwrap()]);
    ok(
        db,
        &[
            "export",
            &id,
            "--format",
            "xlsx",
            "--out",
            dir.path().join("r.xlsx").to_str().unwrap(),
        ],
    );
    let follow_up = ok(db, &["follow-up", &id]).trim().to_owned();
    assert!(ok(db, &["compare", &follow_up]).contains("progress since"));
    let other = dir.path().join("other.db");
    ok(&other, &["import", file.to_str().unwrap()]);
    let check = cli(&["--db", db.to_str().unwrap(), "check"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    let text = stdout(&check);
    assert!(
        text.contains("Stored times  3 cannot be read back (shown as the nearest time that can)"),
        "{text}"
    );
    assert!(
        text.contains("updated_at “+10000-01-01T00:30:00.000000Z” cannot be read back"),
        "{text}"
    );
    assert!(
        text.contains("response to clause 9.3 of assessment"),
        "{text}"
    );
}

/// Overwrites the root page of `table` in the closed database at `db`.
fn damage_root_page(db: &Path, table: &str) {
    let (root, size): (i64, i64) = {
        let conn = rusqlite::Connection::open(db).unwrap();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        (
            root,
            conn.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap(),
        )
    };
    let mut bytes = std::fs::read(db).unwrap();
    let start = ((root - 1) * size) as usize;
    bytes[start..start + size as usize].fill(0x5a);
    std::fs::write(db, bytes).unwrap();
}

// 4. With one overwritten page, `list` worked but `check` and `restore`
//    failed ("database disk image is malformed").
#[test]
fn a_damaged_database_is_checked_and_restored() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let id = demo(db);
    let snapshot = ok(db, &["backup"]).trim().to_owned();
    damage_root_page(db, "kpi");

    assert!(ok(db, &["list"]).contains(&id));
    let check = cli(&["--db", db.to_str().unwrap(), "check"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("Result        PROBLEMS FOUND"),
        "{}",
        stdout(&check)
    );
    assert!(
        stderr(&check).ends_with("has problems (see above).\n"),
        "{}",
        stderr(&check)
    );

    let said = ok(db, &["restore", &snapshot]);
    assert!(said.starts_with("Restored "), "{said}");
    assert!(ok(db, &["check"]).ends_with("Result        sound\n"));
    let kpis: serde_json::Value =
        serde_json::from_str(&ok(db, &["summary", &id, "--json"])).unwrap();
    let k = &kpis["kpis"];
    assert_eq!(
        k["met"].as_u64().unwrap()
            + k["not_met"].as_u64().unwrap()
            + k["unknown"].as_u64().unwrap(),
        8
    );
}

#[test]
fn a_database_too_damaged_to_open_is_set_aside_and_restored() {
    let sandbox = Sandbox::new("clausewise.db");
    let db = &sandbox.db;
    let id = demo(db);
    let snapshot = ok(db, &["backup"]).trim().to_owned();
    std::fs::write(db, "overwritten by a sync tool ".repeat(400)).unwrap();
    let garbage = std::fs::read(db).unwrap();
    assert!(fails(db, &["list"]).contains("is not a Clausewise database"));

    let said = ok(db, &["restore", &snapshot]);
    let aside = said
        .trim()
        .rsplit_once("kept in ")
        .unwrap()
        .1
        .trim_end_matches('.');
    assert!(aside.contains(".set-aside-"), "{said}");
    assert_eq!(std::fs::read(aside).unwrap(), garbage, "kept byte for byte");
    assert!(ok(db, &["list"]).contains(&id));
}

// 5. Restore accepted another program's database with a table named
//    `assessment`; migration then failed with a 2 KB SQL dump and every
//    command failed afterwards. Snapshots with an extra trigger were taken.
#[test]
fn restore_refuses_what_is_not_exactly_a_clausewise_snapshot() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let id = demo(db);
    let snapshot = PathBuf::from(ok(db, &["backup"]).trim());
    let other_app = dir.path().join("other-app.db");
    {
        let conn = rusqlite::Connection::open(&other_app).unwrap();
        conn.execute_batch(
            "CREATE TABLE assessment (id INTEGER PRIMARY KEY, score REAL);
             INSERT INTO assessment (score) VALUES (0.5);
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let trigger = dir.path().join("trigger.db");
    std::fs::copy(&snapshot, &trigger).unwrap();
    rusqlite::Connection::open(&trigger)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON finding BEGIN DELETE FROM clause_response; END;",
        )
        .unwrap();
    for file in [&other_app, &trigger] {
        let err = fails(db, &["restore", file.to_str().unwrap()]);
        assert!(err.contains("cannot be restored"), "{err}");
        assert!(err.trim_end().ends_with("Nothing was changed."), "{err}");
        assert!(!err.contains("CREATE"), "no SQL in the message: {err}");
        assert!(err.len() < 500, "{err}");
    }
    // Every command still works, and the data is there.
    let check = ok(db, &["check"]);
    assert!(
        check.contains("1 assessments, 57 clause responses, 32 findings"),
        "{check}"
    );
    let file = dir.path().join("a.clausewise");
    ok(db, &["export", &id, "--out", file.to_str().unwrap()]);
    ok(
        db,
        &[
            "import",
            file.to_str().unwrap(),
            "--on-conflict",
            "keep-both",
        ],
    );
    assert!(ok(db, &["check"]).contains("2 assessments, 114 clause responses, 64 findings"));
}

// 6. `list` or `check` on another program's database added Clausewise's
//    tables; with a conflicting table the file was switched to WAL first;
//    `list` on a zero-length file created the schema.
#[test]
fn files_that_are_not_clausewise_databases_are_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let other_app = dir.path().join("other-app.db");
    rusqlite::Connection::open(&other_app)
        .unwrap()
        .execute_batch(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);
             INSERT INTO invoices (total) VALUES (120.5);",
        )
        .unwrap();
    let conflicting = dir.path().join("conflicting.db");
    rusqlite::Connection::open(&conflicting)
        .unwrap()
        .execute_batch(
            "CREATE TABLE assessment (id INTEGER PRIMARY KEY, taken TEXT);
             INSERT INTO assessment (taken) VALUES ('today');",
        )
        .unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Minutes of the management review.\n".repeat(100)).unwrap();

    for (path, says) in [
        (&other_app, "is another program's database"),
        (&conflicting, "is another program's database"),
        (&empty, "is an empty file"),
        (&text, "is not a Clausewise database"),
    ] {
        let before = std::fs::read(path).unwrap();
        let mut commands: Vec<&[&str]> = vec![&["list"], &["check"], &["backup"]];
        if path != &empty {
            commands.push(&["demo"]);
        }
        for args in commands {
            let err = fails(path, args);
            assert!(err.contains(says), "{args:?}: {err}");
            assert!(err.contains("It was left untouched."), "{err}");
            assert_eq!(
                &std::fs::read(path).unwrap(),
                &before,
                "{}: {args:?}",
                path.display()
            );
            assert!(companions(path).is_empty(), "{:?}", companions(path));
        }
    }
    assert!(!dir.path().join("backups").exists());
}

// 7. Two of three parallel `demo` runs failed at once with "busy".
#[test]
fn parallel_writers_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    for fresh in [false, true] {
        let db = dir.path().join(format!("parallel-{fresh}.db"));
        if !fresh {
            demo(&db);
        }
        for _round in 0..3 {
            let runs: Vec<_> = (0..3)
                .map(|_| {
                    Command::new(env!("CARGO_BIN_EXE_clausewise-cli"))
                        .args(["--db", db.to_str().unwrap(), "demo"])
                        .env("CLAUSEWISE_DATA_DIR", dir.path())
                        .stdout(std::process::Stdio::null())
                        .spawn()
                        .unwrap()
                })
                .collect();
            for mut run in runs {
                assert!(run.wait().unwrap().success(), "a parallel demo failed");
            }
        }
        let list: serde_json::Value = serde_json::from_str(&ok(&db, &["list", "--json"])).unwrap();
        assert_eq!(list.as_array().unwrap().len(), if fresh { 9 } else { 10 });
        assert!(ok(&db, &["check"]).ends_with("Result        sound\n"));
    }
}

// 9. `export ID --out` the database itself replaced it with JSON (exit 0).
#[test]
fn exports_never_replace_a_database() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let id = demo(db);
    let snapshot = ok(db, &["backup"]).trim().to_owned();
    let before = std::fs::read(&snapshot).unwrap();
    let via_dots = format!(
        "{}/../{}/clausewise.db",
        dir.path().display(),
        dir.path().file_name().unwrap().to_str().unwrap()
    );
    let wal = format!("{}-wal", db.display());
    for target in [db.to_str().unwrap(), &via_dots, &wal] {
        for args in [
            vec!["export", &id, "--out", target],
            vec!["export", &id, "--format", "csv", "--out", target],
            vec!["report", &id, "--out", target],
        ] {
            let err = fails(db, &args);
            assert!(
                err.contains(
                    "is the Clausewise database itself; an export never replaces it. \
                              Choose another file."
                ),
                "{args:?}: {err}"
            );
        }
    }
    for args in [
        vec!["export", &id, "--out", &snapshot],
        vec!["export", &id, "--format", "xlsx", "--out", &snapshot],
        vec!["report", &id, "--out", &snapshot],
    ] {
        let err = fails(db, &args);
        assert!(
            err.contains("is a database file; an export never replaces a database."),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&snapshot).unwrap(), before);
    assert!(!Path::new(&wal).exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    assert!(ok(db, &["check"]).ends_with("Result        sound\n"));
    // An ordinary file is replaced as before.
    let json = dir.path().join("a.clausewise");
    std::fs::write(&json, "old").unwrap();
    ok(db, &["export", &id, "--out", json.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&json)
        .unwrap()
        .contains("clausewise-assessment"));
}

// 11. A finding id used by another assessment: "UNIQUE constraint failed".
#[test]
fn an_import_sharing_finding_ids_says_what_to_do() {
    let sandbox = Sandbox::new("clausewise.db");
    let (dir, db) = (&sandbox.dir, &sandbox.db);
    let id = demo(db);
    let file = dir.path().join("a.clausewise");
    ok(db, &["export", &id, "--out", file.to_str().unwrap()]);
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["assessment"]["id"] = uuid::Uuid::new_v4().to_string().into();
    std::fs::write(&file, json.to_string()).unwrap();
    let err = fails(db, &["import", file.to_str().unwrap()]);
    assert!(!err.contains("UNIQUE"), "{err}");
    assert!(
        err.ends_with(
            "Import it with Keep both: the copy gets ids of its own. Use --on-conflict keep-both.\n"
        ),
        "{err}"
    );
    ok(
        db,
        &[
            "import",
            file.to_str().unwrap(),
            "--on-conflict",
            "keep-both",
        ],
    );
}

/// Makes `dir` read-only to this process: by its permissions, and where
/// they do not stop it (root) by the immutable attribute. Undone on drop.
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn make(dir: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        let guard = ReadOnly(dir.to_owned());
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).ok()?;
        if !writable(dir) {
            return Some(guard);
        }
        let _ = Command::new("chattr").arg("+i").arg(dir).output();
        (!writable(dir)).then_some(guard)
    }
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let can = std::fs::write(&probe, b"x").is_ok();
    let _ = std::fs::remove_file(&probe);
    can
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = Command::new("chattr").arg("-i").arg(&self.0).output();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

// 11. A read-only data folder: "unable to open database file", and then
//     even `list` and `export` failed though they only read.
#[test]
fn in_a_read_only_folder_reading_works_and_writing_says_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let db = data.join("clausewise.db");
    let id = demo(&db);
    let file = dir.path().join("a.clausewise");
    ok(&db, &["export", &id, "--out", file.to_str().unwrap()]);
    let before = std::fs::read(&db).unwrap();
    let Some(_read_only) = ReadOnly::make(&data) else {
        eprintln!("note: this system cannot make a folder read-only for this user; skipped");
        return;
    };
    assert!(ok(&db, &["list"]).contains(&id));
    assert!(ok(&db, &["summary", &id]).contains("Certification readiness"));
    assert!(ok(&db, &["check"]).ends_with("Result        sound\n"));
    let out = dir.path().join("b.clausewise");
    ok(&db, &["export", &id, "--out", out.to_str().unwrap()]);
    let pdf = dir.path().join("r.pdf");
    ok(&db, &["report", &id, "--out", pdf.to_str().unwrap()]);
    for args in [
        vec!["demo"],
        vec!["backup"],
        vec![
            "import",
            file.to_str().unwrap(),
            "--on-conflict",
            "keep-both",
        ],
        vec!["follow-up", &id],
    ] {
        let err = fails(&db, &args);
        assert!(
            err.contains(&format!(
                "The folder {} is read-only, so nothing can be saved to {}.",
                data.display(),
                db.display()
            )),
            "{args:?}: {err}"
        );
        assert!(err.contains("still work"), "{err}");
    }
    assert_eq!(std::fs::read(db).unwrap(), before);
}

// 11. A full disk at open: "disk I/O error". Needs a small file system of
//     its own, which only a mount namespace gives a test.
#[test]
fn a_full_disk_at_open_says_so_and_reading_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("small");
    std::fs::create_dir(&mount).unwrap();
    let exe = env!("CARGO_BIN_EXE_clausewise-cli");
    let script = format!(
        "mount -t tmpfs -o size=2m tmpfs '{m}' || exit 77
         cd '{m}'
         '{exe}' --db '{m}/c.db' demo > id || exit 78
         dd if=/dev/zero of=fill bs=16k 2>/dev/null
         echo '== list'; '{exe}' --db '{m}/c.db' list 2>&1; echo \"rc=$?\"
         echo '== demo'; '{exe}' --db '{m}/c.db' demo 2>&1; echo \"rc=$?\"",
        m = mount.display()
    );
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .output();
    let out = match out {
        Ok(o) if o.status.code() != Some(77) && o.status.code() != Some(1) => o,
        _ => {
            eprintln!("note: this system gives tests no file system of their own; skipped");
            return;
        }
    };
    let text = stdout(&out);
    let (list, demo) = text.split_once("== demo").unwrap();
    assert!(
        list.contains("Nordwind Logistik GmbH") && list.contains("rc=0"),
        "{text}"
    );
    assert!(demo.contains("rc=1"), "{text}");
    assert!(
        demo.contains(&format!(
            "The disk holding {}/c.db is full, so the database cannot be opened. Free some \
             space on that disk and try again; nothing was changed.",
            mount.display()
        )),
        "{text}"
    );
}
