//! The gap report as a user gets it from the command line: the whole
//! `clausewise-cli report` process, from its start to the file written
//! (opening the database, reading the assessment, layout, fonts,
//! compression, writing), as a PDF and as a Word document, for the demo
//! assessment and for the demo with 1,000 extra findings.
//! Run with `cargo bench -p clausewise-cli` (the release profile's binary).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

const CLI: &str = env!("CARGO_BIN_EXE_clausewise-cli");

/// A database holding the demo (with `findings` extra findings), and the
/// id of its assessment.
fn demo(dir: &Path, findings: usize) -> (std::path::PathBuf, String) {
    let db = dir.join(format!("demo-{findings}.db"));
    let out = Command::new(CLI)
        .arg("--db")
        .arg(&db)
        .args(["demo", "--findings", &findings.to_string()])
        .output()
        .expect("clausewise-cli demo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .last()
        .expect("the new assessment's id")
        .trim()
        .to_owned();
    (db, id)
}

fn report(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp folder");
    let mut group = c.benchmark_group("clausewise-cli report");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(6));
    for (name, findings) in [("demo", 0), ("demo + 1,000 findings", 1000)] {
        let (db, id) = demo(dir.path(), findings);
        for ext in ["pdf", "docx"] {
            let file = dir.path().join(format!("report-{findings}.{ext}"));
            let run = || {
                let status = Command::new(CLI)
                    .arg("--db")
                    .arg(&db)
                    .args(["report", &id, "--out"])
                    .arg(&file)
                    .stdout(Stdio::null())
                    .status()
                    .expect("clausewise-cli report");
                assert!(status.success());
            };
            run();
            let kib = std::fs::metadata(&file).expect("the report").len() / 1024;
            eprintln!("{name}, {ext}: {kib} KiB");
            group.bench_function(format!("{name}, {ext}"), |b| b.iter(run));
        }
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
