//! `merge`, as two consultants run it on their own laptops.

mod common;

use common::{cli, stderr, stdout, Sandbox};

#[test]
fn merge_takes_what_only_the_other_copy_changed_and_fails_listing_conflicts() {
    let sandbox = Sandbox::new("ana.db");
    let dir = &sandbox.dir;
    // Every path in the sandbox: nothing is written where the test runs.
    let at = |name: &str| dir.path().join(name).display().to_string();
    let (ana_db, ben_db) = (at("ana.db"), at("ben.db"));
    let ana = |args: &[&str]| {
        cli(
            &[&["--db", ana_db.as_str(), "--author", "Ana"], args].concat(),
            dir.path(),
        )
    };
    let ben = |args: &[&str]| {
        cli(
            &[&["--db", ben_db.as_str(), "--author", "Ben"], args].concat(),
            dir.path(),
        )
    };
    let (start, ben_file, other_file) = (
        at("start.clausewise"),
        at("ben.clausewise"),
        at("other.clausewise"),
    );
    let id = stdout(&ana(&["demo"])).trim().to_owned();
    let out = ana(&["export", &id, "--format", "clausewise", "--out", &start]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(ben(&["import", &start]).status.success());

    // Ana takes governance, Ben operations; both write 9.2's note.
    ana(&[
        "score",
        &id,
        "9.2",
        "2",
        "--note",
        "Programme approved by the CIO",
    ]);
    ben(&["score", &id, "8.5.1.3", "4"]);
    ben(&[
        "score",
        &id,
        "9.2",
        "--note",
        "Programme drafted, not approved",
    ]);
    ben(&["export", &id, "--format", "clausewise", "--out", &ben_file]);

    // No preference: fails, listing the conflict with who and when, and
    // changes nothing.
    let out = ana(&["merge", &ben_file]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("changed 1 thing differently; nothing was merged"),
        "{err}"
    );
    assert!(
        err.contains("requirement 9.2 notes: “Programme approved by the CIO” (Ana, "),
        "{err}"
    );
    assert!(
        err.contains("“Programme drafted, not approved” (Ben, "),
        "{err}"
    );
    let summary = |who: &dyn Fn(&[&str]) -> std::process::Output| {
        let out = who(&["summary", &id, "--json"]);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let level_of = |v: &serde_json::Value, clause: &str| {
        v["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["clause_id"] == clause)
            .map(|c| c["score"].clone())
            .unwrap()
    };
    assert_eq!(level_of(&summary(&ana), "8.5.1.3"), 3.0);

    // A dry run shows it all and writes nothing.
    let out = ana(&["merge", &ben_file, "--dry-run"]);
    let text = stdout(&out);
    assert!(text.starts_with("Would merge “"), "{text}");
    assert!(text.contains("1 taken, 0 united, 1 conflict."), "{text}");
    assert!(
        text.contains("  taken     requirement 8.5.1.3: level 3 → 4"),
        "{text}"
    );

    // Mine for all: Ana's note stays, Ben's level comes.
    let out = ana(&["merge", &ben_file, "--prefer", "mine"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 taken, 0 united, 1 conflict (kept mine)."),
        "{}",
        stdout(&out)
    );
    assert_eq!(level_of(&summary(&ana), "8.5.1.3"), 4.0);
    let log = stdout(&ana(&["history", &id, "--clause", "8.5.1.3"]));
    assert!(
        log.contains("  Ben  requirement 8.5.1.3: level 3 → 4"),
        "{log}"
    );

    // The same file again changes nothing.
    let out = ana(&["merge", &ben_file]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("0 taken, 0 united, 0 conflicts."),
        "{}",
        stdout(&out)
    );

    // A file of an assessment that is not here is refused.
    let other = stdout(&ben(&["demo"])).trim().to_owned();
    ben(&[
        "export",
        &other,
        "--format",
        "clausewise",
        "--out",
        &other_file,
    ]);
    let out = ana(&["merge", &other_file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not in this database: a merge joins two copies"),
        "{}",
        stderr(&out)
    );
}
