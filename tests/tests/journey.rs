//! End to end: first start, create, restart, rename and delete through the
//! real app.

use std::time::Instant;

use clausewise_e2e::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn first_start_create_restart_rename_delete() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());

    // First start: the demo assessment is there without any typing.
    let started = Instant::now();
    let app = driver.launch_app().await;
    wait_for_text(&app, "Nordwind Logistik GmbH").await;
    println!(
        "launch to assessment list visible: {} ms",
        started.elapsed().as_millis()
    );
    wait_for_text(&app, "ISO/IEC 20000-1 readiness assessment").await;
    app.screenshot(&artifacts().join("01-first-start.png"))
        .await
        .expect("screenshot");

    // Create an assessment through the dialog, for a client written in Greek.
    button(&app, "New assessment")
        .await
        .click()
        .await
        .expect("open dialog");
    button(&app, "Create assessment")
        .await
        .click()
        .await
        .expect("submit empty");
    wait_for_text(&app, "Client name is required.").await;
    wait_for_text(&app, "Assessment title is required.").await;
    field(&app, "Client")
        .await
        .send_keys("Ελληνική Εταιρεία Ενέργειας")
        .await
        .expect("type");
    field(&app, "Assessment title")
        .await
        .send_keys("Stage 1 readiness review")
        .await
        .expect("type");
    field(&app, "Scope")
        .await
        .send_keys("Service desk and hosting, Αθήνα data centre")
        .await
        .expect("type");
    // Fixing a field clears its message.
    assert!(app
        .find_all(By::XPath(
            "//*[normalize-space(text())='Client name is required.']"
        ))
        .await
        .expect("query")
        .is_empty());
    app.screenshot(&artifacts().join("02-new-assessment.png"))
        .await
        .expect("screenshot");
    button(&app, "Create assessment")
        .await
        .click()
        .await
        .expect("create");
    wait_for_text(&app, "Stage 1 readiness review").await;
    wait_for_text(&app, "Ελληνική Εταιρεία Ενέργειας").await;
    app.quit().await.expect("close the app");

    // Restart: both assessments are still there, newest first.
    let started = Instant::now();
    let app = driver.launch_app().await;
    wait_for_text(&app, "Stage 1 readiness review").await;
    println!(
        "restart to assessment list visible: {} ms",
        started.elapsed().as_millis()
    );
    assert_eq!(
        row_titles(&app).await,
        [
            "Stage 1 readiness review",
            "ISO/IEC 20000-1 readiness assessment"
        ]
    );

    // Rename, then delete with confirmation.
    button(&app, "Rename Stage 1 readiness review")
        .await
        .click()
        .await
        .expect("rename");
    let title = field(&app, "Assessment title").await;
    title.clear().await.expect("clear");
    title
        .send_keys("Stage 1 readiness review (final)")
        .await
        .expect("type");
    button(&app, "Rename").await.click().await.expect("save");
    wait_for_text(&app, "Stage 1 readiness review (final)").await;

    button(&app, "Delete ISO/IEC 20000-1 readiness assessment")
        .await
        .click()
        .await
        .expect("delete");
    wait_for_text(&app, "Delete assessment?").await;
    button(&app, "Delete assessment")
        .await
        .click()
        .await
        .expect("confirm");
    let deadline = Instant::now() + PATIENCE;
    while row_titles(&app).await.len() != 1 {
        assert!(Instant::now() < deadline, "deleted row stayed");
        tokio::time::sleep(POLL).await;
    }
    app.screenshot(&artifacts().join("03-after-rename-delete.png"))
        .await
        .expect("screenshot");
    app.quit().await.expect("close the app");

    // And the file on disk agrees.
    let store = clausewise_store::Store::open(
        &data.path().join(clausewise_store::DATABASE_FILE_NAME),
        clausewise_store::OpenMode::MustExist,
    )
    .expect("database");
    let list = store.list_assessments().expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Stage 1 readiness review (final)");
    let stored = store.get_assessment(list[0].id).expect("assessment");
    assert_eq!(stored.scope, "Service desk and hosting, Αθήνα data centre");
}
