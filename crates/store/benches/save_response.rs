//! How long saving one clause response takes, durably: a real database file
//! in WAL mode with synchronous=FULL, so each save includes its fsync.
//! Both with the change history recorded (as the product always does) and
//! without, to show what recording costs. Run with
//! `cargo bench -p clausewise-store`.

use std::hint::black_box;

use clausewise_core::{ClauseResponse, Rating};
use clausewise_store::{OpenMode, Store};
use criterion::{criterion_group, criterion_main, Criterion};

fn save_response(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store =
        Store::open(&dir.path().join("bench.db"), OpenMode::CreateIfMissing).expect("open");
    let id = store.create_demo().expect("demo").id;
    let leaves: Vec<String> = clausewise_core::Catalogue::builtin()
        .assessable()
        .map(|c| c.id.clone())
        .collect();
    let notes =
        "Change advisory board minutes reviewed; emergency changes approved by ECAB. ".repeat(20);

    let mut i = 0usize;
    for recorded in [true, false] {
        store.set_recording(recorded).expect("recording");
        let name = if recorded {
            "save one clause response (durable, history recorded)"
        } else {
            "save one clause response (durable, no history)"
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                let response = ClauseResponse {
                    rating: Rating::Level {
                        level: (i % 6) as u8,
                    },
                    notes: notes.clone(),
                    ..ClauseResponse::blank(&leaves[i % leaves.len()])
                };
                black_box(store.save_response(id, &response).expect("save"));
            })
        });
    }
}

/// The same in memory: no disk, so what is left is the work itself, and
/// the difference is what recording costs in computing.
fn save_response_in_memory(c: &mut Criterion) {
    let mut store = Store::open_in_memory().expect("open");
    let id = store.create_demo().expect("demo").id;
    let leaves: Vec<String> = clausewise_core::Catalogue::builtin()
        .assessable()
        .map(|c| c.id.clone())
        .collect();
    let mut i = 0usize;
    for recorded in [true, false] {
        store.set_recording(recorded).expect("recording");
        let name = if recorded {
            "save one clause response (in memory, history recorded)"
        } else {
            "save one clause response (in memory, no history)"
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                let response = ClauseResponse {
                    rating: Rating::Level {
                        level: (i % 6) as u8,
                    },
                    ..ClauseResponse::blank(&leaves[i % leaves.len()])
                };
                black_box(store.save_response(id, &response).expect("save"));
            })
        });
    }
}

criterion_group!(benches, save_response, save_response_in_memory);
criterion_main!(benches);
