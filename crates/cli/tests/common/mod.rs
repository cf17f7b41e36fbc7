//! What the CLI's test files share: running the real binary in a data
//! folder of its own, and reading what it printed.

#![allow(dead_code)] // Each test file uses the helpers it needs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary data folder and a database file in it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Sandbox {
    /// A new folder; the database (`name`) is not created yet.
    pub fn new(name: &str) -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join(name);
        Sandbox { dir, db }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The database path as an argument.
    pub fn db_arg(&self) -> &str {
        self.db.to_str().expect("a UTF-8 path")
    }

    /// Runs `clausewise-cli --db <db> <args>`.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut full = vec!["--db", self.db_arg()];
        full.extend_from_slice(args);
        cli(&full, self.path())
    }
}

/// Runs the CLI with `data_dir` as the app's data folder.
pub fn cli(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausewise-cli"))
        .args(args)
        .env("CLAUSEWISE_DATA_DIR", data_dir)
        .output()
        .expect("run clausewise-cli")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 on stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 on stderr")
}

/// Runs the CLI on the database at `db` and expects success; its stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let mut full = vec!["--db", db.to_str().expect("a UTF-8 path")];
    full.extend_from_slice(args);
    let out = cli(&full, db.parent().expect("a folder"));
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Runs the CLI on the database at `db` and expects exit code 1; returns
/// the message.
pub fn fails(db: &Path, args: &[&str]) -> String {
    let mut full = vec!["--db", db.to_str().expect("a UTF-8 path")];
    full.extend_from_slice(args);
    let out = cli(&full, db.parent().expect("a folder"));
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
    stderr(&out)
}

/// The demo assessment in the database at `db`; its id.
pub fn demo(db: &Path) -> String {
    ok(db, &["demo"]).trim().to_owned()
}
