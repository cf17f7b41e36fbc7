//! The PDF as a reader sees it: text extracted from the written file.

mod common;

use chrono::Utc;
use clausewise_core::catalogue::Catalogue;
use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
use clausewise_core::report::{ReportOptions, ReportSection};
use clausewise_core::{ClauseResponse, NewAssessment, Rating};
use clausewise_report::{
    build, render, render_with, Fallbacks, Rendered, ReportError, ReportInput,
};
use clausewise_store::Store;
use uuid::Uuid;

fn report_of(store: &Store, id: Uuid, options: &ReportOptions, logo: Option<&[u8]>) -> Rendered {
    // The computer's fonts stay out of it: tests print with the built-in
    // typeface alone, unless they say otherwise.
    report_with_fonts(store, id, options, logo, &Fallbacks::none())
}

fn report_with_fonts(
    store: &Store,
    id: Uuid,
    options: &ReportOptions,
    logo: Option<&[u8]>,
    fonts: &Fallbacks,
) -> Rendered {
    let data = common::Data::load(store, id);
    render_with(&build(&data.input(), options), logo, fonts).unwrap()
}

fn demo() -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_demo().unwrap();
    (store, a.id)
}

/// The text of every page, in order.
fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf_reader::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_demo_report_has_every_section_clause_and_finding_with_page_numbers() {
    let (store, id) = demo();
    let options = ReportOptions {
        firm: "Whitfield Service Advisory".into(),
        ..ReportOptions::default()
    };
    let r = report_of(&store, id, &options, None);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let pages = pages_text(&r.bytes);
    assert_eq!(pages.len(), r.pages);
    assert!(r.pages > 20, "{} pages", r.pages);
    let all = squash(&pages.join("\n"));

    // Every page says where it is.
    for (i, page) in pages.iter().enumerate() {
        let want = format!("Page {} of {}", i + 1, r.pages);
        assert!(
            squash(page).contains(&want),
            "page {} lacks {want:?}",
            i + 1
        );
        assert!(
            page.contains("Confidential"),
            "page {} lacks the label",
            i + 1
        );
    }
    // Cover.
    assert!(squash(&pages[0]).contains("Nordwind Logistik GmbH"));
    assert!(squash(&pages[0]).contains("Whitfield Service Advisory"));
    // Every section, on the page the contents give for it (the demo is not
    // a follow-up: it has no progress section).
    let contents = squash(&pages[1]);
    assert!(!all.contains(ReportSection::Progress.title()));
    for section in ReportSection::ALL
        .into_iter()
        .filter(|s| *s != ReportSection::Progress)
    {
        let title = section.title();
        assert!(all.contains(title), "missing section {title}");
        if section == ReportSection::Contents {
            continue;
        }
        let (_, page) = r.outline.iter().find(|(t, _)| t == title).unwrap();
        assert!(
            contents.contains(&format!("{title} {page}"))
                || contents.contains(&format!("{title} . {page}")),
            "contents entry for {title} on page {page}: {contents}"
        );
        assert!(
            squash(&pages[page - 1]).contains(title),
            "{title} is not on page {page}"
        );
    }
    // Every requirement, every finding title.
    for clause in Catalogue::builtin().assessable() {
        assert!(
            all.contains(&format!("{} {}", clause.id, clause.title)) || all.contains(&clause.id)
        );
    }
    for f in store.list_findings(id).unwrap() {
        assert!(
            all.contains(&squash(&f.title)),
            "finding {:?} missing",
            f.title
        );
    }
    // Both verdicts and their rules.
    assert!(all.contains("Stage 1 readiness: Not ready"), "{all}");
    assert!(all.contains("Certification readiness: Not ready"));
    assert!(all.contains("Not ready if a major nonconformity is open"));
    // Every nonconformity with where its corrective action stands.
    assert!(all.contains("Nonconformities and their corrective action"));
    assert!(all.contains("Stands at: Verified effective (plan accepted 18 Nov 2026"));
    assert!(all.contains("Plan accepted"));
}

#[test]
fn the_engagement_on_record_is_in_the_report() {
    let (store, id) = demo();
    let e = store.engagement(id).unwrap();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let all = squash(&pages.join("\n"));
    // The scope from the model, the 8.2.3 matrix and the interview coverage.
    assert!(all.contains("Services in scope"));
    for s in &e.scope {
        assert!(all.contains(&squash(&s.name)), "{}", s.name);
    }
    assert!(all.contains("Other parties and the processes they operate (8.2.3)"));
    assert!(all.contains(&format!(
        "The interviews covered {} of {} requirements.",
        e.coverage.covered,
        e.coverage.covered + e.coverage.never_discussed
    )));
    // The register shows statuses, not empty boxes, with the evidence item.
    let (_, page) = r
        .outline
        .iter()
        .find(|(t, _)| t == ReportSection::Documents.title())
        .unwrap();
    let register = squash(&pages[page - 1..].join("\n"));
    assert!(
        register.contains("SMS scope: present, approved, current (E-02)"),
        "{register}"
    );
    assert!(register.contains(": missing"));
    // The evidence index lists every item, with its files' hash prefixes.
    let (_, page) = r
        .outline
        .iter()
        .find(|(t, _)| t == ReportSection::Evidence.title())
        .unwrap();
    let index = squash(&pages[page - 1..].join("\n"));
    for item in &e.evidence {
        assert!(index.contains(&item.code), "{}", item.code);
        for f in &item.files {
            assert!(index.contains(&f.sha256[..12]), "{}", f.name);
        }
    }
    assert!(index.contains("Sample: 10 of 61 sampled, 4 exceptions"));
}

#[test]
fn bookmarks_and_metadata_are_set() {
    let (store, id) = demo();
    let options = ReportOptions {
        author: "Dana Whitfield".into(),
        ..ReportOptions::default()
    };
    let r = report_of(&store, id, &options, None);
    let doc = lopdf_reader::Document::load_mem(&r.bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    let text = |key: &[u8]| {
        let raw = info.get(key).unwrap().as_str().unwrap();
        lopdf_reader::decode_text_string(&lopdf_reader::Object::String(
            raw.to_vec(),
            lopdf_reader::StringFormat::Literal,
        ))
        .unwrap()
    };
    assert_eq!(
        text(b"Title"),
        "ISO/IEC 20000-1 readiness assessment — Nordwind Logistik GmbH"
    );
    assert_eq!(text(b"Author"), "Dana Whitfield");
    assert!(text(b"Subject").contains("ISO/IEC 20000-1:2018 + Amd 1:2024"));
    assert!(text(b"CreationDate").starts_with("D:20261125"));

    // One bookmark for the report and one per section.
    let catalog = doc.catalog().unwrap();
    let outlines = catalog.get(b"Outlines").unwrap().as_reference().unwrap();
    let outlines = doc.get_dictionary(outlines).unwrap();
    let mut titles = Vec::new();
    let mut next = outlines
        .get(b"First")
        .ok()
        .and_then(|o| o.as_reference().ok());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let raw = item.get(b"Title").unwrap().as_str().unwrap();
        titles.push(
            lopdf_reader::decode_text_string(&lopdf_reader::Object::String(
                raw.to_vec(),
                lopdf_reader::StringFormat::Literal,
            ))
            .unwrap(),
        );
        next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
    for section in ReportSection::ALL
        .into_iter()
        .filter(|s| *s != ReportSection::Progress)
    {
        assert!(
            titles.iter().any(|t| t == section.title()),
            "no bookmark {}: {titles:?}",
            section.title()
        );
    }
    // One per section but progress, plus one for the report.
    assert_eq!(titles.len(), ReportSection::ALL.len(), "{titles:?}");
}

#[test]
fn sections_can_be_left_out() {
    let (store, id) = demo();
    let options = ReportOptions {
        excluded: vec![
            ReportSection::Itil,
            ReportSection::Documents,
            ReportSection::Contents,
        ],
        ..ReportOptions::default()
    };
    let r = report_of(&store, id, &options, None);
    let all = squash(&pages_text(&r.bytes).join("\n"));
    assert!(!all.contains(ReportSection::Itil.title()));
    assert!(!all.contains(ReportSection::Documents.title()));
    assert!(!all.contains("Contents"));
    assert!(all.contains(ReportSection::Roadmap.title()));
    // The consultant's key messages come first, then the executive summary.
    assert_eq!(
        r.outline.first().map(|o| o.0.as_str()),
        Some(ReportSection::Management.title())
    );
    assert_eq!(
        r.outline.get(1).map(|o| o.0.as_str()),
        Some(ReportSection::Summary.title())
    );
}

fn assessment_with(note: &str, finding_title: &str, client: &str) -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .create_assessment(&NewAssessment {
            client_name: client.into(),
            title: "Gap assessment".into(),
            scope: String::new(),
            assessors: String::new(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
        })
        .unwrap();
    let mut r = ClauseResponse::blank("4.1");
    r.rating = Rating::Level { level: 2 };
    r.notes = note.into();
    store.save_response(a.id, &r).unwrap();
    store
        .create_finding(
            a.id,
            &FindingInput {
                clause_id: "4.1".into(),
                kind: FindingKind::Observation,
                title: finding_title.into(),
                observation: String::new(),
                evidence: String::new(),
                recommendation: String::new(),
                priority: Priority::Medium,
                owner: String::new(),
                due_date: None,
                status: FindingStatus::Open,
                phase: None,
                lifecycle: Default::default(),
            },
        )
        .unwrap();
    (store, a.id)
}

#[test]
fn a_100_kb_note_wraps_across_pages_and_nothing_is_lost() {
    let words: Vec<String> = (0..14_000).map(|i| format!("w{i:05}")).collect();
    let mut note = words.join(" ");
    note.push_str(" EndOfTheNote");
    // And one very long word with no break opportunity.
    note.push(' ');
    note.push_str(&"x".repeat(3000));
    assert!(note.len() > 100_000);
    let (store, id) = assessment_with(&note, "Short title", "Client");
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let with_note: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.contains("w0"))
        .map(|(i, _)| i)
        .collect();
    assert!(
        with_note.len() >= 5,
        "the note spans {} pages",
        with_note.len()
    );
    let all = squash(&pages.join("\n"));
    for w in ["w00000", "w07000", "w13999", "EndOfTheNote"] {
        assert!(all.contains(w), "{w} lost");
    }
    let xs: usize = pages.iter().map(|p| p.matches('x').count()).sum();
    assert!(
        xs >= 3000,
        "{xs} of 3000 characters of the long word printed"
    );
}

#[test]
fn markup_and_pdf_syntax_are_printed_literally_and_scripts_survive() {
    let title = "<script>alert(1)</script> %PDF-1.7 endobj (paren) \\ Ωμέγα Привет";
    let (store, id) = assessment_with(
        "Notes with <b>tags</b> and ) unbalanced",
        title,
        "Клиент Ελλάς",
    );
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let all = squash(&pages_text(&r.bytes).join("\n"));
    assert!(all.contains(title), "{all}");
    assert!(all.contains("Notes with <b>tags</b> and ) unbalanced"));
    assert!(all.contains("Клиент Ελλάς"));
    // Still one well-formed PDF.
    assert!(lopdf_reader::Document::load_mem(&r.bytes).is_ok());
    assert_eq!(r.bytes.windows(5).filter(|w| w == b"%%EOF").count(), 1);
}

/// A CJK font the test setup installs (Debian's fonts-wqy-microhei): it has
/// Chinese, Japanese kana and Korean Hangul.
fn cjk_font_folder() -> Vec<std::path::PathBuf> {
    let dir = std::path::PathBuf::from("/usr/share/fonts/truetype/wqy");
    assert!(
        dir.join("wqy-microhei.ttc").is_file(),
        "this test needs Debian's fonts-wqy-microhei (./.ci/test installs it)"
    );
    vec![dir]
}

#[test]
fn cjk_text_is_printed_with_an_installed_font_that_has_it() {
    let note = "服务管理 notes; 서비스 관리; サービス";
    let (store, id) = assessment_with(note, "変更管理 finding", "北京客户");
    let fonts = Fallbacks::from_dirs(&cjk_font_folder());
    let r = report_with_fonts(&store, id, &ReportOptions::default(), None, &fonts);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let all = squash(&pages_text(&r.bytes).join("\n"));
    assert!(all.contains(note), "selectable and searchable: {all}");
    assert!(all.contains("変更管理 finding"));
    assert!(
        squash(&pages_text(&r.bytes)[0]).contains("北京客户"),
        "on the cover"
    );
    assert!(!all.contains('\u{FFFD}'));
    // The borrowed font is embedded as a subset, beside DejaVu Sans.
    let fonts = embedded_fonts(&r.bytes);
    assert!(fonts.iter().any(|f| f.contains("WenQuanYi")), "{fonts:?}");
    assert!(fonts.iter().any(|f| f.contains("DejaVuSans")), "{fonts:?}");
    assert!(
        r.bytes.len() < 400_000,
        "a subset, not the 5 MB font: {}",
        r.bytes.len()
    );
}

/// The names of the fonts embedded in a PDF.
fn embedded_fonts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf_reader::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
        .map(|d| {
            String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned()
        })
        .collect()
}

/// A copy of the test CJK font in `dir` whose licence bits (OS/2 fsType)
/// say `fs_type`.
fn cjk_font_with_fs_type(dir: &std::path::Path, fs_type: u16) {
    let mut bytes = std::fs::read(cjk_font_folder()[0].join("wqy-microhei.ttc")).unwrap();
    let u32_at =
        |b: &[u8], at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let u16_at =
        |b: &[u8], at: usize| usize::from(u16::from_be_bytes(b[at..at + 2].try_into().unwrap()));
    assert_eq!(&bytes[..4], b"ttcf");
    for face in 0..u32_at(&bytes, 8) {
        let sfnt = u32_at(&bytes, 12 + 4 * face);
        for table in 0..u16_at(&bytes, sfnt + 4) {
            let record = sfnt + 12 + 16 * table;
            if &bytes[record..record + 4] == b"OS/2" {
                let fs_type_at = u32_at(&bytes, record + 8) + 8;
                bytes[fs_type_at..fs_type_at + 2].copy_from_slice(&fs_type.to_be_bytes());
            }
        }
    }
    std::fs::write(dir.join("patched.ttc"), bytes).unwrap();
}

#[test]
fn a_font_whose_licence_forbids_embedding_is_not_borrowed() {
    let (store, id) = assessment_with("服务管理 notes", "Finding", "Client");
    let dir = tempfile::tempdir().unwrap();
    // Restricted licence embedding: no.
    cjk_font_with_fs_type(dir.path(), 0x0002);
    let fonts = Fallbacks::from_dirs(&[dir.path().to_owned()]);
    let r = report_with_fonts(&store, id, &ReportOptions::default(), None, &fonts);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        squash(&pages_text(&r.bytes).join("\n")).contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} notes")
    );
    assert!(!embedded_fonts(&r.bytes)
        .iter()
        .any(|f| f.contains("WenQuanYi")));
    // Editable embedding: yes.
    cjk_font_with_fs_type(dir.path(), 0x0008);
    let fonts = Fallbacks::from_dirs(&[dir.path().to_owned()]);
    let r = report_with_fonts(&store, id, &ReportOptions::default(), None, &fonts);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert!(squash(&pages_text(&r.bytes).join("\n")).contains("服务管理 notes"));
}

#[test]
fn the_font_that_has_all_the_text_is_preferred_over_one_that_lacks_some() {
    // Droid Sans Fallback has Chinese but no Korean; WenQuanYi has both.
    let droid = std::path::PathBuf::from("/usr/share/fonts/truetype/droid");
    assert!(
        droid.join("DroidSansFallbackFull.ttf").is_file(),
        "this test needs Debian's fonts-droid-fallback (./.ci/test installs it)"
    );
    let (store, id) = assessment_with("服务管理 서비스 관리", "Finding", "Client");
    let mut dirs = vec![droid];
    dirs.extend(cjk_font_folder());
    let r = report_with_fonts(
        &store,
        id,
        &ReportOptions::default(),
        None,
        &Fallbacks::from_dirs(&dirs),
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let fonts = embedded_fonts(&r.bytes);
    assert!(fonts.iter().any(|f| f.contains("WenQuanYi")), "{fonts:?}");
    assert!(
        !fonts.iter().any(|f| f.contains("Droid")),
        "one font suffices: {fonts:?}"
    );
    assert!(squash(&pages_text(&r.bytes).join("\n")).contains("服务管理 서비스 관리"));
}

#[test]
fn scripts_that_need_shaping_are_reported_as_such() {
    let (store, id) = assessment_with("सेवा प्रबंधन notes", "Finding", "Client");
    let fonts = Fallbacks::from_dirs(&cjk_font_folder());
    let r = report_with_fonts(&store, id, &ReportOptions::default(), None, &fonts);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].contains("join or change order"),
        "{:?}",
        r.warnings
    );
    assert!(squash(&pages_text(&r.bytes).join("\n")).contains("\u{FFFD} notes"));
}

#[test]
fn cjk_text_is_replaced_visibly_and_reported_when_no_font_has_it() {
    let (store, id) = assessment_with("服务管理 notes", "変更管理 finding", "Client");
    let r = report_of(&store, id, &ReportOptions::default(), None);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("Latin, Greek and Cyrillic"));
    assert!(r.warnings[0].contains("Noto Sans CJK"));
    let all = squash(&pages_text(&r.bytes).join("\n"));
    assert!(
        all.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} notes"),
        "{all}"
    );
    assert!(all.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} finding"));
}

#[test]
fn a_logo_is_placed_and_a_broken_logo_is_refused_clearly() {
    let (store, id) = demo();
    let mut png = Vec::new();
    let img = image::RgbImage::from_pixel(40, 20, image::Rgb([29, 59, 110]));
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let with = report_of(&store, id, &ReportOptions::default(), Some(&png));
    let doc = lopdf_reader::Document::load_mem(&with.bytes).unwrap();
    let images = doc.objects.values().filter(|o| {
        o.as_stream().is_ok_and(|s| {
            s.dict
                .get(b"Subtype")
                .and_then(|t| t.as_name())
                .is_ok_and(|n| n == b"Image")
        })
    });
    assert_eq!(images.count(), 1);

    let ws = store.workspace(id).unwrap();
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
    let err = render(
        &build(&input, &ReportOptions::default()),
        Some(b"GIF89a not really"),
    )
    .unwrap_err();
    assert!(matches!(err, ReportError::Logo(_)));
    assert!(err.to_string().contains("PNG or JPEG"), "{err}");
}

#[test]
fn a_table_row_longer_than_a_page_splits_and_a_long_title_wraps_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .create_assessment(&NewAssessment {
            client_name: "Client".into(),
            title: "Very long title ".repeat(12).trim().to_owned(),
            scope: String::new(),
            assessors: String::new(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
        })
        .unwrap();
    let mut r = ClauseResponse::blank("8.3.4.2");
    r.rating = Rating::NotApplicable;
    r.na_justification = format!("{} LastWordOfTheJustification", "justified ".repeat(1800));
    store.save_response(a.id, &r).unwrap();
    let rendered = report_of(&store, a.id, &ReportOptions::default(), None);
    let pages = pages_text(&rendered.bytes);
    let na_page = rendered
        .outline
        .iter()
        .find(|(t, _)| t == ReportSection::NotApplicable.title())
        .unwrap()
        .1;
    // The justification runs over more than one page, header repeated.
    assert!(squash(&pages[na_page]).contains("Requirement Basis Justification"));
    let all = squash(&pages.join("\n"));
    assert!(all.contains("LastWordOfTheJustification"));
    // The long title wraps on the cover, whole.
    let cover = squash(&pages[0]);
    assert!(
        cover.contains("Very long title ".repeat(12).trim()),
        "{cover}"
    );
}

#[test]
fn a_follow_up_reports_its_progress_since_the_baseline() {
    let (mut store, baseline) = demo();
    let id = store
        .start_follow_up(
            baseline,
            &clausewise_core::FollowUpInput {
                title: "Follow-up 2027".into(),
                copy_levels: true,
            },
        )
        .unwrap()
        .id;
    // 9.2 Internal audit: level 0 in the demo, now 3.
    store
        .save_response(
            id,
            &ClauseResponse {
                rating: Rating::Level { level: 3 },
                ..ClauseResponse::blank("9.2")
            },
        )
        .unwrap();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let all = squash(&pages.join("\n"));
    assert!(
        all.contains("Progress since baseline"),
        "in the contents and as a heading"
    );
    assert!(
        all.contains("It follows up the assessment “ISO/IEC 20000-1 readiness assessment”"),
        "the executive summary says so"
    );
    assert!(
        all.contains("1 requirement improved and 0 regressed"),
        "{all}"
    );
    assert!(all.contains("Requirements that changed level"));
    assert!(all.contains("Open major nonconformities"));
    let section = pages
        .iter()
        .map(|p| squash(p))
        .find(|p| p.contains("Requirements that changed level"))
        .unwrap();
    assert!(section.contains("9.2 Internal audit"), "{section}");
    assert!(section.contains("Improved"), "{section}");

    // It can be left out; a baseline's own report has no such section.
    let without = ReportOptions {
        excluded: vec![ReportSection::Progress],
        ..ReportOptions::default()
    };
    let text = squash(&pages_text(&report_of(&store, id, &without, None).bytes).join("\n"));
    assert!(!text.contains("Requirements that changed level"));
    let text = squash(
        &pages_text(&report_of(&store, baseline, &ReportOptions::default(), None).bytes).join("\n"),
    );
    assert!(!text.contains("Progress since baseline"));
    assert!(!text.contains("It follows up"));
    // Asking for the progress section alone of an assessment without a
    // baseline gives nothing to print, and says so.
    let only_progress = ReportOptions {
        excluded: ReportSection::ALL
            .into_iter()
            .filter(|s| *s != ReportSection::Progress)
            .collect(),
        ..ReportOptions::default()
    };
    let ws = store.workspace(baseline).unwrap();
    let empty = render(
        &build(
            &ReportInput::of(&ws, &[], &[]),
            &only_progress.validated().unwrap(),
        ),
        None,
    );
    assert!(matches!(empty, Err(ReportError::Empty)));
}

fn demo_with(extra_findings: usize) -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_demo_with(extra_findings).unwrap();
    (store, a.id)
}

fn page_of(r: &Rendered, section: ReportSection) -> usize {
    r.outline
        .iter()
        .find(|(t, _)| t == section.title())
        .unwrap_or_else(|| panic!("no {}", section.title()))
        .1
}

#[test]
fn the_executive_summary_is_one_page_even_with_1000_more_findings() {
    for extra in [0, 1000] {
        let (store, id) = demo_with(extra);
        let r = report_of(&store, id, &ReportOptions::default(), None);
        let pages = pages_text(&r.bytes);
        let summary = page_of(&r, ReportSection::Summary);
        // The next section starts on the very next page, and the summary's
        // last part is on its first page.
        assert_eq!(page_of(&r, ReportSection::Method), summary + 1, "{extra}");
        let text = squash(&pages[summary - 1]);
        assert!(text.contains("Largest gaps"), "{extra}: {text}");
        assert!(text.contains("Service KPIs:"), "{extra}: {text}");
        // Capped lists say how many more there are and where they are.
        assert!(
            text.contains("more, listed in “Findings in detail” and “Clause-by-clause results”."),
            "{extra}: {text}"
        );
        assert!(
            text.contains(
                "below target, listed in “Maturity at a glance” and “Clause-by-clause results”."
            ),
            "{extra}: {text}"
        );
    }
}

#[test]
fn a_capped_list_points_only_to_sections_that_are_printed() {
    let (store, id) = demo();
    let options = ReportOptions {
        excluded: vec![ReportSection::Findings, ReportSection::Charts],
        ..ReportOptions::default()
    };
    let r = report_of(&store, id, &options, None);
    let pages = pages_text(&r.bytes);
    let text = squash(&pages[page_of(&r, ReportSection::Summary) - 1]);
    assert!(
        text.contains("more, listed in “Clause-by-clause results”."),
        "{text}"
    );
    assert!(!text.contains("“Findings in detail”"), "{text}");
}

#[test]
fn sections_follow_on_instead_of_each_taking_a_page() {
    let (store, id) = demo();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    // The summary and the appendix start their own page; other sections
    // follow on below what came before, on the same page.
    let pages = pages_text(&r.bytes);
    let follows_on = r
        .outline
        .iter()
        .filter(|(title, page)| {
            let text = squash(&pages[page - 1]);
            let before = text.split(title.as_str()).next().unwrap_or_default();
            // More than the running header before the title.
            before.split_whitespace().count() > 12
        })
        .map(|(title, _)| title.as_str())
        .collect::<Vec<_>>();
    assert!(follows_on.len() >= 4, "{follows_on:?} {:?}", r.outline);
    assert!(!follows_on.contains(&ReportSection::Summary.title()));
    assert!(!follows_on.contains(&ReportSection::Itil.title()));
    // (The demo's key messages take a page of their own.)
    assert!(r.pages < 51, "{} pages", r.pages);
    // No page ends with a heading: each title is followed by content on
    // its page (its last line is never a section or clause heading).
    for (title, page) in &r.outline {
        let text = &pages[page - 1];
        let after = text.split_once(title.as_str()).map_or("", |(_, a)| a);
        assert!(
            after.split_whitespace().count() > 8,
            "{title} is left alone on page {page}"
        );
    }
}

/// An assessment with long values everywhere a tile or title shows them.
fn long_values() -> (Store, Uuid, String, String, String) {
    let mut store = Store::open_in_memory().unwrap();
    let title = "Readiness assessment of the integrated service management system for the \
                 group's shared IT services, data centres, networks and workplace services in \
                 all eleven countries of the Nordic region, 2026"
        .to_owned();
    let client = "Vereinigte Nordwind Logistik und Spedition Gesellschaft mit beschränkter \
                  Haftung und Compagnie Kommanditgesellschaft auf Aktien, Niederlassung \
                  Hamburg-Altona Süd, Geschäftsbereich Informatik"
        .to_owned();
    assert!(title.chars().count() >= 190 && client.chars().count() >= 190);
    let firm = "Whitfield, Okonkwo & Partners Service Management Advisory and Certification \
                Readiness Consulting"
        .to_owned();
    let a = store
        .create_assessment(&NewAssessment {
            client_name: client.clone(),
            title: title.clone(),
            scope: String::new(),
            assessors: "Dana Whitfield (lead auditor), Jonas Müller, Aleksandra Wiśniewska".into(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
        })
        .unwrap();
    for (i, kind) in FindingKind::ALL.into_iter().enumerate() {
        for n in 0..3 {
            store
                .create_finding(
                    a.id,
                    &FindingInput {
                        clause_id: ["8.5.1.3", "9.2", "9.3", "8.6.1", "7.5.4"][i].into(),
                        kind,
                        title: format!("{} number {n}", kind.label()),
                        observation: "Seen in the workshop.".into(),
                        evidence: String::new(),
                        recommendation: String::new(),
                        priority: Priority::High,
                        owner: String::new(),
                        due_date: None,
                        status: FindingStatus::Open,
                        phase: None,
                        lifecycle: Default::default(),
                    },
                )
                .unwrap();
        }
    }
    (store, a.id, title, client, firm)
}

#[test]
fn long_titles_and_tile_values_wrap_and_lose_no_text() {
    let (store, id, title, client, firm) = long_values();
    let options = ReportOptions {
        firm: firm.clone(),
        ..ReportOptions::default()
    };
    let r = report_of(&store, id, &options, None);
    let pages = pages_text(&r.bytes);
    let cover = squash(&pages[0]);
    for text in [&title, &client, &firm] {
        assert!(
            cover.contains(text.as_str()),
            "{text:?} not whole on the cover: {cover}"
        );
    }
    // Nothing on the cover is cut (only the running footer shortens).
    let body = cover.split("CONFIDENTIAL").next().unwrap();
    assert!(!body.contains('…'), "{cover}");
    let summary = squash(&pages[page_of(&r, ReportSection::Summary) - 1]);
    assert!(summary.contains(&client), "{summary}");
    // The key figures, whole: 12 open findings (good practice is not one).
    assert!(
        summary.contains("Open findings 12 3 major · 3 minor nonconformities"),
        "{summary}"
    );
    assert!(
        summary.contains("Certification readiness Provisional 2 of 57 judged"),
        "{summary}"
    );
}

#[test]
fn good_practice_has_no_priority_or_status_and_is_never_open() {
    let (store, id, ..) = long_values();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let all = squash(&pages_text(&r.bytes).join("\n"));
    // The findings of each kind that calls for action carry priority and
    // status; good practice stands in its own list without them.
    assert!(all.contains("Minor nonconformity number 0 Minor nonconformity · Priority high · Open"));
    let good = all
        .split("Good practice 3 practices worth keeping and spreading; they need no action.")
        .nth(1)
        .expect("a good practice list");
    let good = good.split(ReportSection::Roadmap.title()).next().unwrap();
    assert!(
        good.contains("Good practice number 0 Good practice · 7.5.4 Service management system documented information"),
        "{good}"
    );
    assert!(!good.contains("Priority"), "{good}");
    assert!(!good.contains("Open"), "{good}");
    // Not on the roadmap, not counted open in the summary.
    let roadmap = all
        .split(ReportSection::Roadmap.title())
        .nth(2)
        .unwrap_or_default();
    assert!(!roadmap.contains("Good practice number"), "{roadmap}");
    assert!(all.contains("Open findings 12"));
}

#[test]
fn a_clause_group_with_nothing_assessed_is_marked_not_plotted() {
    let (store, id) = assessment_with("note", "Finding", "Client");
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let charts = squash(&pages[page_of(&r, ReportSection::Charts) - 1]);
    // Only 4.1 is rated: clauses 5 to 10 are gaps in the radar, marked.
    assert!(charts.contains("5 Leadership (not assessed)"), "{charts}");
    assert!(charts.contains("10 Improvement (not assessed)"), "{charts}");
    assert!(charts.contains("not assessed: no point"), "{charts}");
    assert!(!charts.contains("4 Context of the organization (not assessed)"));
}

#[test]
fn right_to_left_scripts_are_replaced_with_the_shaping_warning() {
    let (store, id) = assessment_with("שלום notes سلام", "Finding", "Client");
    let r = report_of(&store, id, &ReportOptions::default(), None);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].starts_with("8 different characters (for example "),
        "{:?}",
        r.warnings
    );
    assert!(
        r.warnings[0].contains("written from right to left"),
        "{:?}",
        r.warnings
    );
    assert!(r.warnings[0].contains("Arabic, Hebrew"), "{:?}", r.warnings);
    let all = squash(&pages_text(&r.bytes).join("\n"));
    assert!(
        all.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} notes \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        "{all}"
    );
}

#[test]
fn the_standard_is_named_once_on_the_cover_in_the_header_and_metadata() {
    let (store, id) = demo();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let cover = squash(&pages[0]);
    assert!(
        cover.contains("STANDARD ISO/IEC 20000-1:2018 + Amd 1:2024 STATUS"),
        "{cover}"
    );
    let all = squash(&pages.join("\n"));
    assert!(!all.contains("(2018"), "{all}");
    assert!(
        !all.contains("2018+A1:2024"),
        "the version is not printed beside the title"
    );
    let header = squash(&pages[2]);
    assert!(
        header.contains("ISO/IEC 20000-1:2018 + Amd 1:2024 · Gap assessment report"),
        "{header}"
    );
    let doc = lopdf_reader::Document::load_mem(&r.bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    let keywords = lopdf_reader::decode_text_string(&lopdf_reader::Object::String(
        info.get(b"Keywords").unwrap().as_str().unwrap().to_vec(),
        lopdf_reader::StringFormat::Literal,
    ))
    .unwrap();
    assert!(
        keywords.contains("ISO/IEC 20000-1:2018 + Amd 1:2024"),
        "{keywords}"
    );
}

#[test]
fn the_itil_appendix_names_the_requirements_no_practice_covers() {
    let (store, id) = demo();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let appendix = squash(&pages[page_of(&r, ReportSection::Itil) - 1..].join("\n"));
    let governance = Catalogue::builtin()
        .assessable()
        .filter(|c| c.sms_governance)
        .count();
    assert_eq!(governance, 9);
    assert_eq!(
        appendix
            .matches("SMS governance: no ITIL 4 practice equivalent")
            .count(),
        governance,
        "{appendix}"
    );
    assert!(appendix.contains("Software development and management"));
}

#[test]
fn the_cover_follows_the_status_and_names_the_fieldwork() {
    let (mut store, id) = demo();
    let cover = |store: &Store| {
        let r = report_of(store, id, &ReportOptions::default(), None);
        squash(&pages_text(&r.bytes)[0])
    };
    let draft = cover(&store);
    assert!(draft.contains("STATUS Draft"), "{draft}");
    assert!(draft.contains("FIELDWORK 16–18 November 2026"), "{draft}");

    store
        .set_assessment_status(id, clausewise_core::AssessmentStatus::Final)
        .unwrap();
    let final_ = cover(&store);
    assert!(final_.contains("STATUS Final"), "{final_}");
    assert!(!final_.contains("Draft"), "{final_}");

    // Without dates the cover has no fieldwork line.
    store
        .set_assessment_status(id, clausewise_core::AssessmentStatus::Draft)
        .unwrap();
    let a = store.get_assessment(id).unwrap();
    let mut details = clausewise_core::demo::demo_assessment();
    details.title = a.title;
    details.starts_on = None;
    details.ends_on = None;
    store.update_assessment(id, &details).unwrap();
    assert!(!cover(&store).contains("FIELDWORK"));
}

#[test]
fn a_mean_that_hides_a_low_requirement_names_it_in_the_summary_charts_and_clause_table() {
    let (store, id) = demo();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let summary = squash(&pages[page_of(&r, ReportSection::Summary) - 1]);
    assert!(
        summary.contains("target 3.0 · lowest 9.2 at level 0"),
        "{summary}"
    );
    // The radar's spoke for clause 9 and the table of results by clause.
    let charts = squash(&pages[page_of(&r, ReportSection::Charts) - 1]);
    assert!(charts.contains("(lowest 9.2: 0)"), "{charts}");
    let all = squash(&pages.join("\n"));
    assert!(all.contains("9 Performance evaluation"), "{all}");
    assert!(
        all.contains("Current Conformity Lowest Target Gap Status"),
        "{all}"
    );
    // Conformity as it stands: the open major at 9.2 makes it one.
    assert!(all.contains("9.2 Internal audit 0 Major NC"), "{all}");
    assert!(all.contains("9.2: 0"), "{all}");
}

#[test]
fn the_demo_report_says_where_practices_outrun_control_and_which_kpis_drive_nothing() {
    let (store, id) = demo();
    let r = report_of(&store, id, &ReportOptions::default(), None);
    let pages = pages_text(&r.bytes);
    let page_of = |title: &str| {
        r.outline
            .iter()
            .find(|(t, _)| t == title)
            .map(|(_, p)| *p)
            .unwrap_or_else(|| panic!("no section {title:?}: {:?}", r.outline))
    };
    // The executive summary, in plain words.
    let summary = squash(&pages[page_of(ReportSection::Summary.title()) - 1]);
    assert!(
        summary.contains("Practices and control: The client runs its services ahead of the system that should govern them"),
        "{summary}"
    );
    assert!(summary.contains("average capability of 3.2"), "{summary}");
    assert!(summary.contains("average maturity 2.0"), "{summary}");
    assert!(
        summary.contains("2 missed KPIs led to no decision or action"),
        "{summary}"
    );
    // The section, with its figures and the practices named.
    let start = page_of(ReportSection::Execution.title());
    let section = squash(&format!("{}{}", pages[start - 1], pages[start]));
    for text in [
        "Practices (execution)",
        "Management system (control)",
        "Each practice against its governance",
        "Practices that run ahead of their governance",
        "Change enablement",
        "8.5.1.3",
    ] {
        assert!(section.contains(text), "{text:?} not in {section}");
    }
    // KPI trends with the two that drive nothing called out.
    let start = page_of(ReportSection::Kpis.title());
    let kpis = squash(&pages[start - 1..(start + 2).min(pages.len())].join(" "));
    assert!(kpis.contains("Measured, not acted upon: 2 KPIs"), "{kpis}");
    assert!(kpis.contains("SLA attainment – all services:"), "{kpis}");
    assert!(kpis.contains("Decisions taken on KPI results"), "{kpis}");
    assert!(kpis.contains("2026-10 · Missed"), "{kpis}");

    // Left out, the section is gone and the rest still prints.
    let without = report_of(
        &store,
        id,
        &ReportOptions {
            excluded: vec![ReportSection::Execution],
            ..ReportOptions::default()
        },
        None,
    );
    assert!(!without
        .outline
        .iter()
        .any(|(t, _)| t == ReportSection::Execution.title()));
}

#[test]
fn the_method_names_who_assessed_which_requirements_when_asked() {
    use clausewise_core::response::ResponseEdit;
    use clausewise_core::Rating;
    let (mut store, id) = demo();
    let level = |store: &mut Store, clause: &str, level: u8| {
        store
            .edit_response(id, clause, &ResponseEdit::Rating(Rating::Level { level }))
            .unwrap();
    };
    store.use_author("Dana Whitfield").unwrap();
    level(&mut store, "9.2", 1);
    level(&mut store, "8.5.1.3", 4);
    store.use_author("Jonas Müller").unwrap();
    level(&mut store, "9.4", 2);
    // An undone change names nobody.
    level(&mut store, "4.1", 5);
    store.undo(id).unwrap();

    let asked = ReportOptions {
        name_assessors: true,
        ..ReportOptions::default()
    };
    let all = squash(&pages_text(&report_of(&store, id, &asked, None).bytes).concat());
    assert!(all.contains("Who assessed which requirements"), "{all}");
    assert!(all.contains("Dana Whitfield 8.5.1.3, 9.2"), "{all}");
    assert!(all.contains("Jonas Müller 9.4"), "{all}");
    assert!(!all.contains("Jonas Müller 4.1"), "{all}");

    let not_asked =
        squash(&pages_text(&report_of(&store, id, &ReportOptions::default(), None).bytes).concat());
    assert!(!not_asked.contains("Who assessed which requirements"));
}
