//! The report in German and French: every fixed text comes from the
//! language's messages (a message looked up but missing fails here), the
//! consultant's words stay as written, and numbers and dates follow the
//! language.

mod common;

use chrono::{TimeZone, Utc};
use clausewise_core::i18n::{take_missing, Lang};
use clausewise_core::report::{ReportOptions, ReportSection};
use clausewise_core::{ClauseResponse, Rating};
use clausewise_report::model::section_title;
use clausewise_report::{build, render_docx, render_with, Fallbacks, Report, ReportInput};
use clausewise_store::Store;
use uuid::Uuid;

/// The demo, and a follow-up of it (which has the progress section).
fn demo() -> (Store, Uuid, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let baseline = store.create_demo().unwrap().id;
    let follow_up = store
        .start_follow_up(
            baseline,
            &clausewise_core::FollowUpInput {
                title: "Folgebewertung 2027".into(),
                copy_levels: true,
            },
        )
        .unwrap()
        .id;
    store
        .save_response(
            follow_up,
            &ClauseResponse {
                rating: Rating::Level { level: 3 },
                ..ClauseResponse::blank("9.2")
            },
        )
        .unwrap();
    (store, baseline, follow_up)
}

fn report(store: &Store, id: Uuid, lang: Lang) -> Report {
    let data = common::Data::load(store, id);
    let input = ReportInput {
        generated: Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap(),
        ..data.input()
    };
    build(
        &input,
        &ReportOptions {
            lang,
            firm: "Whitfield Service Advisory".into(),
            ..ReportOptions::default()
        },
    )
}

fn pdf_text(report: &Report) -> String {
    let r = render_with(report, None, &Fallbacks::none()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let doc = lopdf_reader::Document::load_mem(&r.bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    let text: Vec<String> = (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect();
    squash(&text.join("\n"))
}

/// Runs of white space (no-break spaces too) as one space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The titles of the report's callouts (the verdicts), as the model has them.
fn callouts(report: &Report) -> Vec<String> {
    report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            clausewise_report::layout::Block::Callout { title, .. } => Some(title.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_text_of_the_german_and_french_report_is_translated() {
    let (store, baseline, follow_up) = demo();
    for lang in [Lang::De, Lang::Fr] {
        take_missing();
        for id in [baseline, follow_up] {
            let r = report(&store, id, lang);
            pdf_text(&r);
            render_docx(&r, None, None).unwrap();
        }
        let missing = take_missing();
        assert!(
            missing.is_empty(),
            "untranslated in {}: {missing:#?}",
            lang.code()
        );
    }
}

#[test]
fn the_german_report_reads_german_with_german_numbers_and_dates() {
    let (store, baseline, follow_up) = demo();
    // Every section title, in German, and none in English (the follow-up
    // has them all).
    let r = report(&store, follow_up, Lang::De);
    let all = pdf_text(&r);
    assert!(r.sections.iter().any(|s| s.key == ReportSection::Progress));
    for s in &r.sections {
        assert!(all.contains(&squash(&s.title)), "{}", s.title);
        let english = section_title(Lang::En, s.key);
        assert_ne!(s.title, english);
        assert!(!all.contains(&english), "{english}");
    }
    assert!(all.contains("Folgebewertung 2027"));
    let r = report(&store, baseline, Lang::De);
    let all = pdf_text(&r);
    assert!(all.contains("Seite 3 von"));
    assert!(all.contains("1. März 2026"), "the cover's date");
    assert!(all.contains("Vertraulich"));
    // Clause titles from the German catalogue; the verdicts and rules.
    assert!(all.contains("9.2 Internes Audit"));
    assert!(all.contains("Zertifizierungsreife: Nicht bereit"));
    // Decimal commas, never points, in scores.
    assert!(all.contains("Gesamtreifegrad 2,3"), "{all}");
    assert!(all.contains("9.2 Internes Audit 0,0 3,0 3,0"), "{all}");
    // The consultant's own words are printed as written (the demo's are
    // English).
    let narrative = store.narrative(baseline).unwrap();
    let first = narrative
        .summary
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains(&first), "{first}");
}

#[test]
fn the_french_report_reads_french_with_french_typography() {
    let (store, baseline, _) = demo();
    let r = report(&store, baseline, Lang::Fr);
    let all = pdf_text(&r);
    for s in &r.sections {
        assert!(all.contains(&squash(&s.title)), "{}", s.title);
    }
    assert!(all.contains("Page 3 sur"));
    assert!(all.contains("1er mars 2026"), "the cover's date");
    assert!(all.contains("Confidentiel"));
    // A no-break space before the colon, French quotation marks.
    let titles = callouts(&r);
    assert!(
        titles.contains(&"Aptitude à la certification\u{A0}: Non prêt".to_owned()),
        "{titles:?}"
    );
    assert!(all.contains("« Constats détaillés »"));
    assert!(all.contains("Maturité globale 2,3"), "{all}");
}

#[test]
fn the_word_report_carries_the_language_too() {
    use std::io::Read;
    let (store, baseline, _) = demo();
    let r = report(&store, baseline, Lang::De);
    let out = render_docx(&r, None, None).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains(&section_title(Lang::De, ReportSection::Contents)));
    assert!(xml.contains(&section_title(Lang::De, ReportSection::Summary)));
    let mut footer = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("word/footer") {
            f.read_to_string(&mut footer).unwrap();
        }
    }
    assert!(footer.contains("Seite "), "{footer}");
    assert!(footer.contains(" von "), "{footer}");
}
