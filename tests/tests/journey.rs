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
    screenshot(&app, &artifacts().join("01-first-start.png")).await;

    // Create an assessment through the dialog, for a client written in Greek.
    click_button(&app, "New assessment").await;
    click_button(&app, "Create assessment").await;
    // The rules are the Rust side's: the first field it refuses is named.
    wait_for_text(&app, "Client name is required.").await;
    type_into(&app, "Client", "Ελληνική Εταιρεία Ενέργειας").await;
    // Fixing a field clears its message.
    assert!(app
        .find_all(By::XPath(
            "//*[normalize-space(text())='Client name is required.']"
        ))
        .await
        .expect("query")
        .is_empty());
    click_button(&app, "Create assessment").await;
    wait_for_text(&app, "Assessment title is required.").await;
    type_into(&app, "Assessment title", "Stage 1 readiness review").await;
    type_into(&app, "Scope", "Service desk and hosting, Αθήνα data centre").await;
    screenshot(&app, &artifacts().join("02-new-assessment.png")).await;
    click_button(&app, "Create assessment").await;
    wait_for_text(&app, "Stage 1 readiness review").await;
    wait_for_text(&app, "Ελληνική Εταιρεία Ενέργειας").await;
    // Nothing of the client's reaches the network.
    assert_eq!(outside_connections(), Vec::<String>::new());

    // The first start took the daily snapshot.
    click_link(&app, "Backups").await;
    wait_for(&app, ".list tbody", |t| t.contains("Daily, on start")).await;
    screenshot(&app, &artifacts().join("04-backups.png")).await;
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
    click_button(&app, "Rename Stage 1 readiness review").await;
    let title = field(&app, "Assessment title").await;
    title.clear().await.expect("clear");
    title
        .send_keys("Stage 1 readiness review (final)")
        .await
        .expect("type");
    click_button(&app, "Rename").await;
    wait_for_text(&app, "Stage 1 readiness review (final)").await;

    click_button(&app, "Delete ISO/IEC 20000-1 readiness assessment").await;
    wait_for_text(&app, "Delete assessment?").await;
    click_button(&app, "Delete assessment").await;
    let deadline = Instant::now() + PATIENCE;
    while row_titles(&app).await.len() != 1 {
        assert!(Instant::now() < deadline, "deleted row stayed");
        tokio::time::sleep(POLL).await;
    }
    assert_eq!(outside_connections(), Vec::<String>::new());
    screenshot(&app, &artifacts().join("03-after-rename-delete.png")).await;
    app.quit().await.expect("close the app");

    // And the file on disk agrees.
    let store = stored(data.path());
    let list = store.list_assessments().expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Stage 1 readiness review (final)");
    let stored = store.get_assessment(list[0].id).expect("assessment");
    assert_eq!(stored.scope, "Service desk and hosting, Αθήνα data centre");
}
