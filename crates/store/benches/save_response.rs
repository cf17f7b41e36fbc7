//! How long saving one clause response takes, durably: a real database file
//! in WAL mode with synchronous=FULL, so each save includes its fsync; and
//! the same in memory, where what is left is the work itself. Each both
//! with the change history recorded (as the product always does) and
//! without, to show what recording costs. Run with
//! `cargo bench -p clausewise-store`.

use std::hint::black_box;

use clausewise_core::{ClauseResponse, Rating};
use clausewise_store::{OpenMode, Store};
use criterion::{criterion_group, criterion_main, Criterion};

/// Saves responses with changing levels across the demo's requirements,
/// with the history recorded and then without.
fn bench_saves(c: &mut Criterion, mut store: Store, place: &str, notes: &str) {
    let id = store.create_demo().expect("demo").id;
    let leaves: Vec<String> = clausewise_core::Catalogue::builtin()
        .assessable()
        .map(|c| c.id.clone())
        .collect();
    let mut i = 0usize;
    for recorded in [true, false] {
        store.set_recording(recorded).expect("recording");
        let history = if recorded {
            "history recorded"
        } else {
            "no history"
        };
        c.bench_function(
            &format!("save one clause response ({place}, {history})"),
            |b| {
                b.iter(|| {
                    i += 1;
                    let response = ClauseResponse {
                        rating: Rating::Level {
                            level: (i % 6) as u8,
                        },
                        notes: notes.to_owned(),
                        ..ClauseResponse::blank(&leaves[i % leaves.len()])
                    };
                    black_box(store.save_response(id, &response).expect("save"));
                })
            },
        );
    }
}

fn save_response(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("bench.db"), OpenMode::CreateIfMissing).expect("open");
    let notes =
        "Change advisory board minutes reviewed; emergency changes approved by ECAB. ".repeat(20);
    bench_saves(c, store, "durable", &notes);
}

fn save_response_in_memory(c: &mut Criterion) {
    let store = Store::open_in_memory().expect("open");
    bench_saves(c, store, "in memory", "");
}

criterion_group!(benches, save_response, save_response_in_memory);
criterion_main!(benches);
