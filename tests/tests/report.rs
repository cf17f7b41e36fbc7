//! End to end: export the PDF gap report from the workspace and check the
//! file that lands on disk.

use clausewise_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn export_the_gap_report_from_the_workspace() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;

    click_link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;

    click_button(&app, "Export report").await;
    type_into(&app, "Consultancy", "Whitfield Service Advisory").await;
    let started = std::time::Instant::now();
    click_dialog_button(&app, "Export PDF…").await;
    wait_for_text(&app, "The report is saved.").await;
    println!(
        "export from click to result: {} ms",
        started.elapsed().as_millis()
    );
    let path = exported_report(data.path());
    wait_for(&app, "[data-testid=export-path]", |t| {
        t == path.to_string_lossy()
    })
    .await;
    screenshot(&app, &artifacts().join("40-report-exported.png")).await;

    let doc = lopdf::Document::load(&path).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(pages.len() > 20, "{} pages", pages.len());
    let cover = doc.extract_text(&[1]).expect("text");
    assert!(cover.contains("Nordwind Logistik GmbH"), "{cover}");
    assert!(cover.contains("Whitfield Service Advisory"), "{cover}");
    let last = doc.extract_text(&[pages.len() as u32]).expect("text");
    assert!(
        last.contains(&format!("Page {0} of {0}", pages.len())),
        "{last}"
    );
    // Nothing half-written next to it.
    let names: Vec<String> = std::fs::read_dir(data.path())
        .expect("data folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");

    click_dialog_button(&app, "Close").await;

    // The same report in German: what the report writes is German, what the
    // consultant typed stays as typed, and the client's next report starts
    // in German.
    click_button(&app, "Export report").await;
    choose(&app, "Report language", "Deutsch").await;
    screenshot(&app, &artifacts().join("41-report-language.png")).await;
    click_dialog_button(&app, "Export PDF…").await;
    wait_for_text(&app, "The report is saved.").await;
    let doc = lopdf::Document::load(&path).expect("a readable PDF");
    let n = doc.get_pages().len() as u32;
    let cover = doc.extract_text(&[1]).expect("text");
    let de = clausewise_core::i18n::Lang::De;
    let client = clausewise_core::i18n::t(de, "cover-client").to_uppercase();
    assert!(cover.contains(&client), "{cover}");
    let summary = (2..=6)
        .map(|p| doc.extract_text(&[p]).expect("text"))
        .collect::<String>();
    let title = clausewise_core::i18n::t(de, "section-summary");
    assert!(summary.contains(&title), "{summary}");
    let last = doc.extract_text(&[n]).expect("text");
    let page = clausewise_core::tr!(de, "page-of", page = n, total = n);
    assert!(last.contains(&page), "{last}");
    click_dialog_button(&app, "Close").await;
    let id = stored(data.path()).list_assessments().expect("assessments")[0].id;
    assert_eq!(
        stored(data.path()).report_lang(id).expect("language"),
        Some(clausewise_core::i18n::Lang::De)
    );
    click_button(&app, "Export report").await;
    wait_for(&app, "[data-testid=report-lang]", |_| true).await;
    let chosen = field(&app, "Report language")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(chosen.as_deref(), Some("de"));
    click_dialog_button(&app, "Cancel").await;
    app.quit().await.expect("quit");
}
