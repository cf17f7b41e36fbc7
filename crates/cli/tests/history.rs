//! `score`, `history`, `undo`, `redo` and `--author`, as a user runs them.

mod common;

use common::{cli, stderr, stdout, Sandbox};

#[test]
fn score_records_the_change_with_its_author_and_undo_takes_it_back() {
    let sandbox = Sandbox::new("work.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let run = |args: &[&str]| cli(&[&["--db", db], args].concat(), dir.path());
    let out = run(&["demo"]);
    let id = stdout(&out).trim().to_owned();

    let out = run(&[
        "--author",
        "Ана Коваль",
        "score",
        &id,
        "8.5.1.3",
        "4",
        "--note",
        "Seen 5 RFCs; 李 signed 🙂",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("8.5.1.3: level 4 (was level 3); overall maturity "),
        "{}",
        stdout(&out)
    );
    // --author goes anywhere on the line, and only for this command.
    let out = run(&[
        "score",
        &id,
        "9.2",
        "--na",
        "No internal audit yet",
        "--author",
        "Ben",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&["score", &id, "9.2", "--note", "Audit programme drafted"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = run(&["history", &id, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0]["author"], "", "no name configured, none given");
    assert_eq!(log[1]["author"], "Ben");
    assert_eq!(log[2]["author"], "Ана Коваль");
    let fields = &log[2]["changes"][0]["fields"];
    assert_eq!(fields[0]["field"], "level");
    assert_eq!(fields[0]["before"], "3");
    assert_eq!(fields[0]["after"], "4");

    let out = run(&["history", &id, "--clause", "8.5.1.3"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("Ана Коваль  requirement 8.5.1.3: level 3 → 4"),
        "{text}"
    );

    let out = run(&["undo", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Undone: requirement 9.2: notes"),
        "{}",
        stdout(&out)
    );
    let out = run(&["undo", &id]);
    assert!(stdout(&out).starts_with("Undone: requirement 9.2: level"));
    let out = run(&["redo", &id]);
    assert!(stdout(&out).starts_with("Redone: requirement 9.2: level"));
    let out = run(&["history", &id]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(lines[0].contains("redo: requirement 9.2"), "{text}");
    assert!(lines[3].ends_with("(undone)"), "{text}");

    let out = run(&["author"]);
    assert!(
        stdout(&out).starts_with("No name is set"),
        "{}",
        stdout(&out)
    );
    let out = run(&["author", "  Chloé Martin "]);
    assert_eq!(
        stdout(&out),
        "Changes are recorded as made by “Chloé Martin”.\n"
    );
    let out = run(&["author"]);
    assert_eq!(stdout(&out), "Chloé Martin\n");
    run(&["score", &id, "9.4", "2"]);
    let out = run(&["history", &id, "--clause", "9.4"]);
    assert!(
        stdout(&out).contains("  Chloé Martin  requirement 9.4"),
        "{}",
        stdout(&out)
    );
    let out = run(&["author", &"x".repeat(201)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("at most 200 are allowed"),
        "{}",
        stderr(&out)
    );

    let out = run(&["score", &id, "8.5.1.3", "4", "--na", "x"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a level and not applicable at once"
    );
    let out = run(&["score", &id, "8.5.1.3", "6"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["score", &id, "8.5", "2"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("8.5"), "{}", stderr(&out));
}

#[test]
fn nothing_to_undo_is_a_clear_error() {
    let sandbox = Sandbox::new("work.db");
    let (dir, db) = (&sandbox.dir, sandbox.db_arg());
    let out = cli(&["--db", db, "demo"], dir.path());
    let id = stdout(&out).trim().to_owned();
    let out = cli(&["--db", db, "undo", &id], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "clausewise-cli: There is nothing to undo in this assessment.\n"
    );
    let out = cli(&["--db", db, "history", &id], dir.path());
    assert_eq!(stdout(&out), "No changes recorded.\n");
}
