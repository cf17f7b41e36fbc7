//! End to end: a consultant records an evidence item on 8.5.1.3, attaches a
//! PDF to it and links it to a finding, exports the assessment with its
//! files, imports the package on a fresh machine and opens the same file
//! there, hash checked.

use std::time::Instant;

use clausewise_e2e::*;
use thirtyfour::prelude::*;

const TITLE: &str = "ISO/IEC 20000-1 readiness assessment";
const FINDING: &str =
    "Emergency changes approved after implementation in four of ten sampled cases";

/// A small PDF, made for this run so its hash is its own.
fn policy_pdf(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let stamp = uuid::Uuid::new_v4();
    let body = format!("%PDF-1.4\n% Change approval policy, signed copy {stamp}\n%%EOF\n");
    let path = dir.join("Change approval policy (signed).pdf");
    std::fs::write(&path, &body).expect("write the PDF");
    (path, body.into_bytes())
}

fn sha256(bytes: &[u8]) -> String {
    clausewise_store::hash_reader(&mut &bytes[..])
        .expect("hash")
        .0
}

/// Types into a searchable multi-select and chooses the first match.
async fn pick(app: &WebDriver, id: &str, text: &str) {
    let filter = app.find(By::Id(id)).await.expect("the filter");
    filter.send_keys(text).await.expect("type the filter");
    filter.send_keys(Key::Enter).await.expect("choose");
}

async fn open_evidence_tab(app: &WebDriver) {
    click_link(app, TITLE).await;
    wait_for(app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    click_link(app, "Evidence").await;
    wait_for_text(app, "Add evidence item").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pdf_on_8_5_1_3_travels_in_a_package_and_opens_on_a_fresh_machine() {
    let here = tempfile::tempdir().expect("temp data folder");
    let (pdf, bytes) = policy_pdf(here.path());
    let hash = sha256(&bytes);
    let driver = Driver::start_with(
        here.path(),
        &[
            ("CLAUSEWISE_ATTACH", pdf.as_os_str()),
            ("CLAUSEWISE_NO_VIEWER", std::ffi::OsStr::new("1")),
        ],
    );
    let app = driver.launch_app().await;
    open_evidence_tab(&app).await;

    // A new item: a document backing 8.5.1.3 and the finding about it.
    click_button(&app, "Add evidence item").await;
    type_into(&app, "Title", "Change approval policy, signed copy").await;
    type_into(&app, "Version", "3.1").await;
    pick(&app, "ev-clauses", "8.5.1.3").await;
    pick(&app, "ev-findings", "four of ten").await;
    click_button(&app, "Save").await;
    let stored_item = || {
        let store = stored(here.path());
        let id = store.list_assessments().expect("list")[0].id;
        store
            .evidence(id)
            .expect("register")
            .into_iter()
            .find(|e| e.title == "Change approval policy, signed copy")
            .map(|e| (id, e, store))
    };
    let deadline = Instant::now() + PATIENCE;
    let (id, item, store) = loop {
        if let Some(found) = stored_item() {
            break found;
        }
        assert!(Instant::now() < deadline, "the item was not saved");
        tokio::time::sleep(POLL).await;
    };
    assert_eq!(item.clause_ids, ["8.5.1.3"]);
    let finding = store
        .list_findings(id)
        .expect("findings")
        .into_iter()
        .find(|f| f.title == FINDING)
        .expect("the demo finding");
    assert_eq!(item.finding_ids, [finding.id]);
    drop(store);

    // The PDF, through the open dialog's stand-in.
    click_button(&app, "Attach files…").await;
    let name = "Change approval policy (signed).pdf";
    button(&app, &format!("Open {name}")).await;
    wait_for_text(&app, &hash[..12]).await;
    screenshot(&app, &artifacts().join("66-evidence-attached.png")).await;

    // Exported with its files.
    click_button(&app, "Export…").await;
    let with_files = first_match(
        &app,
        "//label[contains(normalize-space(.), 'Include evidence files')]/input".to_owned(),
    )
    .await
    .expect("the files option");
    with_files.click().await.expect("include the files");
    click_dialog_button(&app, "Export…").await;
    let package = exported_report(here.path()).with_extension("clausewise");
    wait_for(&app, "[data-testid=exported-path]", |t| {
        t == package.to_string_lossy()
    })
    .await;
    click_dialog_button(&app, "Close").await;
    app.quit().await.expect("quit");
    drop(driver);
    let head = std::fs::read(&package).expect("the package");
    assert!(head.starts_with(b"PK\x03\x04"), "a zip package");

    // A fresh machine: its own demo, removed; then the package.
    let there = tempfile::tempdir().expect("second data folder");
    std::fs::copy(
        &package,
        exported_report(there.path()).with_extension("clausewise"),
    )
    .expect("hand the package over");
    let driver = Driver::start_with(
        there.path(),
        &[("CLAUSEWISE_NO_VIEWER", std::ffi::OsStr::new("1"))],
    );
    let app = driver.launch_app().await;
    click_button(&app, &format!("Delete {TITLE}")).await;
    click_button(&app, "Delete assessment").await;
    let deadline = Instant::now() + PATIENCE;
    while !row_titles(&app).await.is_empty() {
        assert!(Instant::now() < deadline, "the fresh demo stayed");
        tokio::time::sleep(POLL).await;
    }
    click_button(&app, "Import…").await;
    wait_for_text(&app, &format!("Imported “{TITLE}”.")).await;
    open_evidence_tab(&app).await;
    click_button(&app, "Change approval policy, signed copy").await;
    click_button(&app, &format!("Open {name}")).await;

    // The same file, hash checked, in the database and as opened.
    let store = stored(there.path());
    let imported = store.list_assessments().expect("list")[0].id;
    assert_eq!(imported, id);
    let mut content = Vec::new();
    let file = store
        .read_attachment(id, &hash, &mut content)
        .expect("the file arrived");
    assert_eq!(content, bytes);
    assert_eq!(file.name, name);
    let opened = std::env::temp_dir()
        .join("clausewise-opened")
        .join(&hash[..16])
        .join(name);
    let deadline = Instant::now() + PATIENCE;
    while !opened.exists() {
        assert!(Instant::now() < deadline, "the file was not opened");
        tokio::time::sleep(POLL).await;
    }
    assert_eq!(std::fs::read(&opened).expect("opened copy"), bytes);
    let there_item = store
        .evidence(id)
        .expect("register")
        .into_iter()
        .find(|e| e.id == item.id)
        .expect("the item arrived");
    assert_eq!(there_item.finding_ids, [finding.id]);
    screenshot(&app, &artifacts().join("67-evidence-imported.png")).await;
    app.quit().await.expect("quit");
}

/// The engagement views of the demo at the three window sizes of a
/// workshop, for a person to look at.
#[tokio::test(flavor = "multi_thread")]
async fn the_engagement_views_at_workshop_sizes() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    click_link(&app, TITLE).await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    for (w, h) in [(1440, 900), (1280, 720), (1024, 768)] {
        resize(&app, w, h).await;
        click_link(&app, "Scope").await;
        wait_for_text(&app, "Warehouse management platform (WMS)").await;
        screenshot(&app, &artifacts().join(format!("62-scope-{w}x{h}.png"))).await;
        // Its dialog, whole on screen at every size.
        click_button(&app, "Add service").await;
        focus_in_dialog(&app).await;
        screenshot(
            &app,
            &artifacts().join(format!("65-service-dialog-{w}x{h}.png")),
        )
        .await;
        escape_dialog(&app).await;
        no_dialog(&app).await;
        click_link(&app, "People & interviews").await;
        wait_for_text(&app, "Never discussed with anyone").await;
        screenshot(&app, &artifacts().join(format!("63-people-{w}x{h}.png"))).await;
        click_link(&app, "Evidence").await;
        click_button(&app, "Emergency change records, Q3 2026 (sample)").await;
        wait_for_text(&app, "Raise finding").await;
        screenshot(&app, &artifacts().join(format!("64-evidence-{w}x{h}.png"))).await;
    }
    app.quit().await.expect("quit");
}
