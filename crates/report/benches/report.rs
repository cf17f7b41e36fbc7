//! How long the gap report takes, from the assessment's data to the
//! finished PDF bytes (model, layout, font subsetting, compression) and,
//! beside it, to the finished Word document (model, charts painted, XML,
//! zip): the demo assessment, and the demo with 1,000 extra findings; and an
//! assessment whose one note is 100,000 characters without a space (Latin,
//! then Chinese), which every line break has to cut.
//! Run with `cargo bench -p clausewise-report`.

use std::hint::black_box;

use chrono::Utc;
use clausewise_core::catalogue::Catalogue;
use clausewise_core::i18n::Lang;
use clausewise_core::report::ReportOptions;
use clausewise_core::{ClauseResponse, NewAssessment, Rating};
use clausewise_report::{build, render, render_docx, ReportInput};
use clausewise_store::Store;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench_report(c: &mut Criterion, name: &str, extra_findings: usize, lang: Lang) {
    let mut store = Store::open_in_memory().expect("store");
    let id = store.create_demo_with(extra_findings).expect("demo").id;
    let ws = store.workspace(id).expect("workspace");
    let findings = store.list_findings(id).expect("findings");
    let kpis = store.list_kpis(id).expect("kpis");
    let options = ReportOptions {
        firm: "Whitfield Service Advisory".into(),
        lang,
        ..ReportOptions::default()
    };
    let input = ReportInput {
        catalogue: Catalogue::builtin(),
        assessment: &ws.assessment,
        client_name: &ws.client_name,
        responses: &ws.responses,
        findings: &findings,
        kpis: &kpis,
        documents: &ws.documents,
        practices: &ws.practices,
        generated: Utc::now(),
        progress: None,
        engagement: None,
        narrative: None,
        assessed_by: &[],
    };
    let pages = render(&build(&input, &options), None)
        .expect("render")
        .pages;
    eprintln!("{name}: {pages} pages");
    c.bench_function(name, |b| {
        b.iter(|| {
            let report = build(black_box(&input), &options);
            black_box(render(&report, None).expect("render"))
        })
    });
    let bytes = render_docx(&build(&input, &options), None, None)
        .expect("docx")
        .bytes
        .len();
    eprintln!("{name} as Word: {} KiB", bytes / 1024);
    c.bench_function(&format!("{name} (Word)"), |b| {
        b.iter(|| {
            let report = build(black_box(&input), &options);
            black_box(render_docx(&report, None, None).expect("docx"))
        })
    });
}

/// A report whose only note is `note`.
fn bench_note(c: &mut Criterion, name: &str, note: &str) {
    let mut store = Store::open_in_memory().expect("store");
    let a = store
        .create_assessment(&NewAssessment {
            client_name: "Northwind Logistics".into(),
            title: "Gap assessment".into(),
            scope: String::new(),
            assessors: String::new(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
        })
        .expect("assessment");
    let response = ClauseResponse {
        rating: Rating::Level { level: 2 },
        notes: note.to_owned(),
        ..ClauseResponse::blank("4.1")
    };
    store.save_response(a.id, &response).expect("note");
    let ws = store.workspace(a.id).expect("workspace");
    let options = ReportOptions::default();
    let input = ReportInput {
        catalogue: Catalogue::builtin(),
        assessment: &ws.assessment,
        client_name: &ws.client_name,
        responses: &ws.responses,
        findings: &[],
        kpis: &[],
        documents: &ws.documents,
        practices: &ws.practices,
        generated: Utc::now(),
        progress: None,
        engagement: None,
        narrative: None,
        assessed_by: &[],
    };
    let mut group = c.benchmark_group("long notes");
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| {
            let report = build(black_box(&input), &options);
            black_box(render(&report, None).expect("render"))
        })
    });
    group.finish();
}

fn notes(c: &mut Criterion) {
    bench_note(
        c,
        "report: 100,000-character unbroken Latin note",
        &"abcdefghij".repeat(10_000),
    );
    bench_note(
        c,
        "report: 100,000-character CJK note",
        &"服务管理变更"
            .repeat(16_667)
            .chars()
            .take(100_000)
            .collect::<String>(),
    );
}

fn reports(c: &mut Criterion) {
    bench_report(c, "report: demo assessment", 0, Lang::En);
    // Every fixed text from the German messages.
    bench_report(c, "report: demo assessment, German", 0, Lang::De);
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    drop(group);
    bench_report(c, "report: demo + 1,000 findings", 1000, Lang::En);
}

criterion_group!(benches, reports, notes);
criterion_main!(benches);
