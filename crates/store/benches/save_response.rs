//! How long saving one clause response takes, durably: a real database file
//! in WAL mode with synchronous=FULL, so each save includes its fsync.
//! Run with `cargo bench -p clausewise-store`.

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
    c.bench_function("save one clause response (durable)", |b| {
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

criterion_group!(benches, save_response);
criterion_main!(benches);
