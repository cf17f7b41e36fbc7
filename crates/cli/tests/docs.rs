//! The completion scripts and manual pages the packages install are generated
//! from the parser's own definition: every command is in them, the scripts
//! are valid for their shells, and a wrong shell name is refused.

mod common;

use std::process::Command;

use common::{cli, stderr, stdout};

/// The commands a user types; each must be completed and have a page.
const COMMANDS: &[&str] = &[
    "demo",
    "summary",
    "list",
    "check",
    "backup",
    "backups",
    "restore",
    "report",
    "score",
    "history",
    "author",
    "undo",
    "redo",
    "merge",
    "export",
    "import",
    "follow-up",
    "compare",
    "evidence",
    "attach",
    "catalogue",
    "completions",
];

fn completion(shell: &str) -> String {
    let dir = tempfile::tempdir().expect("folder");
    let out = cli(&["completions", shell], dir.path());
    assert!(out.status.success(), "{shell}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn bash_completion_is_valid_bash_and_knows_every_command_and_flag() {
    let script = completion("bash");
    for command in COMMANDS {
        assert!(script.contains(command), "bash completion lacks {command}");
    }
    for flag in [
        "--no-section",
        "--name-assessors",
        "--on-conflict",
        "--prefer",
    ] {
        assert!(script.contains(flag), "bash completion lacks {flag}");
    }
    let dir = tempfile::tempdir().expect("folder");
    let file = dir.path().join("clausewise-cli.bash");
    std::fs::write(&file, &script).expect("write");
    let checked = Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .expect("bash");
    assert!(checked.status.success(), "{}", stderr(&checked));
    // Sourced into a shell, the script registers a completion for the program.
    let sourced = Command::new("bash")
        .arg("-c")
        .arg("source \"$1\" && complete -p clausewise-cli")
        .arg("bash")
        .arg(&file)
        .output()
        .expect("bash");
    assert!(sourced.status.success(), "{}", stderr(&sourced));
    assert!(
        stdout(&sourced).trim_end().ends_with(" clausewise-cli"),
        "{}",
        stdout(&sourced)
    );
}

#[test]
fn zsh_and_fish_completions_name_the_program_and_its_commands() {
    let zsh = completion("zsh");
    assert!(zsh.starts_with("#compdef clausewise-cli"), "{}", &zsh[..80]);
    let fish = completion("fish");
    assert!(fish.contains("complete -c clausewise-cli"));
    for command in COMMANDS {
        assert!(zsh.contains(command), "zsh completion lacks {command}");
        assert!(fish.contains(command), "fish completion lacks {command}");
    }
    // Values offered for an enumerated flag come from the parser.
    assert!(
        fish.contains("keep-both"),
        "fish completion lacks --on-conflict's values"
    );
}

#[test]
fn an_unknown_shell_is_refused_with_the_choices() {
    let dir = tempfile::tempdir().expect("folder");
    let out = cli(&["completions", "tcsh"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains("bash") && message.contains("fish"),
        "{message}"
    );
}

#[test]
fn manual_pages_cover_the_program_and_each_command_with_the_version() {
    let dir = tempfile::tempdir().expect("folder");
    let pages = dir.path().join("man");
    let out = cli(&["manpages", pages.to_str().expect("UTF-8")], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    let main = std::fs::read_to_string(pages.join("clausewise-cli.1")).expect("main page");
    assert!(main.contains(".TH clausewise-cli 1"), "{}", &main[..200]);
    assert!(
        main.contains(env!("CARGO_PKG_VERSION")),
        "the page names the version"
    );
    for command in COMMANDS {
        let name = format!("clausewise-cli-{command}.1");
        assert!(pages.join(&name).is_file(), "no page {name}");
        assert!(listed.contains(&name), "{name} not listed in {listed}");
    }
    let report = std::fs::read_to_string(pages.join("clausewise-cli-report.1")).expect("page");
    assert!(report.contains("no\\-section") || report.contains("no-section"));
    // The command that writes the pages is for packaging, not a user's page.
    assert!(!pages.join("clausewise-cli-manpages.1").exists());
    assert!(!pages.join("clausewise-cli-help.1").exists());
}

#[test]
fn manual_pages_into_a_file_path_fail_with_a_message() {
    let dir = tempfile::tempdir().expect("folder");
    let file = dir.path().join("occupied");
    std::fs::write(&file, "x").expect("write");
    let out = cli(&["manpages", file.to_str().expect("UTF-8")], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("could not write the manual pages"),
        "{}",
        stderr(&out)
    );
}
