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
    app.screenshot(&artifacts().join("40-report-exported.png"))
        .await
        .expect("screenshot");

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
    app.quit().await.expect("quit");
}
