//! How long merging another copy of an assessment takes: two copies of the
//! demo, each with 1,000 findings of its own and levels changed on both
//! sides, one merged into the other (the preview alone, and the preview
//! with the merge written). Run with `cargo bench -p clausewise-store --bench merge`.

use std::hint::black_box;

use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
use clausewise_core::merge::MergeChoices;
use clausewise_core::response::ResponseEdit;
use clausewise_core::transfer::OnConflict;
use clausewise_core::Rating;
use clausewise_store::Store;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use uuid::Uuid;

fn add_findings(store: &mut Store, id: Uuid, who: &str) {
    for i in 0..1_000 {
        store
            .create_finding(
                id,
                &FindingInput {
                    clause_id: "8.5.1.3".into(),
                    kind: FindingKind::Observation,
                    title: format!("{who}: observation {i}"),
                    observation: "Two of five sampled changes had no recorded risk assessment."
                        .into(),
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
    }
}

fn rate(store: &mut Store, id: Uuid, clauses: &[String], level: u8) {
    for clause in clauses {
        store
            .edit_response(id, clause, &ResponseEdit::Rating(Rating::Level { level }))
            .expect("level");
    }
}

fn merge(c: &mut Criterion) {
    let mut a = Store::open_in_memory().expect("open");
    let id = a.create_demo().expect("demo").id;
    let leaves: Vec<String> = clausewise_core::Catalogue::builtin()
        .assessable()
        .map(|c| c.id.clone())
        .collect();
    let start = serde_json::to_vec(&a.export_assessment(id).expect("export")).expect("json");
    let mut b = Store::open_in_memory().expect("open");
    b.import_assessment(&start, OnConflict::Fail)
        .expect("import");
    a.use_author("Ana").expect("author");
    b.use_author("Ben").expect("author");
    add_findings(&mut a, id, "Ana");
    add_findings(&mut b, id, "Ben");
    rate(&mut a, id, &leaves[..20], 4);
    rate(&mut b, id, &leaves[30..50], 2);
    let mine = serde_json::to_vec(&a.export_assessment(id).expect("export")).expect("json");
    let theirs = serde_json::to_vec(&b.export_assessment(id).expect("export")).expect("json");
    let copy = || {
        let mut s = Store::open_in_memory().expect("open");
        s.import_assessment(&mine, OnConflict::Fail)
            .expect("import");
        s
    };

    let mut group = c.benchmark_group("merge two demo copies, 1,000 findings each");
    group.sample_size(10);
    let here = copy();
    group.bench_function("preview", |bench| {
        bench.iter(|| black_box(here.preview_merge(&theirs).expect("preview")))
    });
    group.bench_function("preview and merge", |bench| {
        bench.iter_batched(
            copy,
            |mut s| {
                let merged = s.merge(&theirs, &MergeChoices::default()).expect("merge");
                assert_eq!(merged.united, 1_000);
                black_box(merged)
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
