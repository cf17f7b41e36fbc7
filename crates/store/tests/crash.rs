//! Durability under SIGKILL. A writer process (this test binary, started
//! again in writer mode) saves clause responses and findings, printing one
//! line per write after the store confirmed it. The parent kills it with
//! SIGKILL at a random moment, then checks that the database passes
//! `PRAGMA integrity_check` and that every acknowledged write is there.
//!
//! `CLAUSEWISE_CRASH_TRIALS` sets the number of kills (default 50).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
use clausewise_core::{Catalogue, ClauseResponse, Rating};
use clausewise_store::{OpenMode, Store};

const WRITER_ENV: &str = "CLAUSEWISE_CRASH_WRITER_DB";

/// The writer: runs only when started by the parent test below.
#[test]
fn crash_writer_child() {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let mut store = Store::open(path.as_ref(), OpenMode::CreateIfMissing).expect("open");
    let id = match store.list_assessments().expect("list").first() {
        Some(a) => a.id,
        None => store.create_demo().expect("demo").id,
    };
    let leaves: Vec<String> = Catalogue::builtin()
        .assessable()
        .map(|c| c.id.clone())
        .collect();
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        if i % 4 == 3 {
            let f = store
                .create_finding(
                    id,
                    &FindingInput {
                        clause_id: leaves[(i as usize) % leaves.len()].clone(),
                        kind: FindingKind::Observation,
                        title: format!("crash finding {i}"),
                        observation: "x".repeat(200),
                        evidence: String::new(),
                        recommendation: String::new(),
                        priority: Priority::Low,
                        owner: String::new(),
                        due_date: None,
                        status: FindingStatus::Open,
                        phase: None,
                        lifecycle: Default::default(),
                    },
                )
                .expect("finding");
            writeln!(out, "finding {}", f.id).expect("ack");
        } else {
            let clause = &leaves[(i as usize) % leaves.len()];
            let note = format!("note {i} {}", "Ω".repeat(1 + (i % 50) as usize));
            store
                .save_response(
                    id,
                    &ClauseResponse {
                        rating: Rating::Level {
                            level: (i % 6) as u8,
                        },
                        notes: note.clone(),
                        ..ClauseResponse::blank(clause)
                    },
                )
                .expect("save");
            writeln!(out, "response {clause} {note}").expect("ack");
        }
        out.flush().expect("ack");
    }
}

/// A small deterministic generator; the kill times need no cryptography.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    if std::env::var_os(WRITER_ENV).is_some() {
        return;
    }
    let trials: u32 = std::env::var("CLAUSEWISE_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash.db");
    let me = std::env::current_exe().expect("test binary");
    let mut rng = Lcg(0x5eed_c1a5_5e5e);
    let (mut acknowledged, mut lost) = (0usize, 0usize);
    let started = Instant::now();

    for trial in 0..trials {
        let mut child = Command::new(&me)
            .args([
                "crash_writer_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start writer");
        let stdout = child.stdout.take().expect("stdout");
        // Read acknowledgements on a thread while the writer runs.
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter(|l| l.starts_with("response ") || l.starts_with("finding "))
                .collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(40 + rng.next() % 160));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let acks = reader.join().expect("reader");

        let store = Store::open(&db, OpenMode::MustExist).expect("reopen after kill");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "trial {trial}: {report:?}");
        let id = store.list_assessments().expect("list")[0].id;
        let responses = store.list_responses(id).expect("responses");
        let findings = store.list_findings(id).expect("findings");
        // The last acknowledged note per clause must be the stored one.
        let mut last_note = std::collections::HashMap::new();
        for ack in &acks {
            if let Some(rest) = ack.strip_prefix("response ") {
                let (clause, note) = rest.split_once(' ').expect("clause and note");
                last_note.insert(clause.to_owned(), note.to_owned());
            } else if let Some(fid) = ack.strip_prefix("finding ") {
                if !findings.iter().any(|f| f.id.to_string() == fid) {
                    lost += 1;
                }
            }
        }
        for (clause, note) in &last_note {
            let stored = responses.iter().find(|r| &r.clause_id == clause);
            // A later unacknowledged write may have replaced the note; that
            // is newer than the ack, never older.
            let ok = stored
                .is_some_and(|r| r.notes == *note || note_number(&r.notes) > note_number(note));
            if !ok {
                lost += 1;
            }
        }
        acknowledged += acks.len();
    }
    println!(
        "crash test: {trials} SIGKILLs, {acknowledged} acknowledged writes, {lost} lost, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(acknowledged > 0, "the writer never got going");
    assert_eq!(lost, 0, "acknowledged writes were lost");
}

fn note_number(note: &str) -> u64 {
    note.split(' ')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}
