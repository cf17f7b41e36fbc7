//! End to end: the assessment's details after creation, and its status.
//! Change the scope and the fieldwork dates, mark it final; the report's
//! cover says Final; a level typed afterwards asks first, "Keep it final"
//! changes nothing, "Reopen as draft" lets the change through.

use clausewise_core::{AssessmentStatus, Rating};
use clausewise_e2e::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn details_are_edited_a_final_assessment_asks_before_it_changes() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    click_link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;

    click_button(&app, "Details…").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| {
        t == "Assessment details"
    })
    .await;
    type_into(&app, "Scope", "Service desk and hosting, Hamburg and Łódź").await;
    type_into(&app, "From", "2026-11-23").await;
    type_into(&app, "To", "2026-11-25").await;
    app.find(By::XPath(
        "//*[@role='dialog']//label[starts-with(normalize-space(.), 'Final: as issued')]",
    ))
    .await
    .expect("the Final choice")
    .click()
    .await
    .expect("choose final");
    screenshot(&app, &artifacts().join("30-details.png")).await;
    click_dialog_button(&app, "Save details").await;
    wait_for(&app, ".ws-client .badge", |t| t == "Final").await;

    // The report's cover follows.
    click_button(&app, "Export report").await;
    click_dialog_button(&app, "Export PDF…").await;
    wait_for_text(&app, "The report is saved.").await;
    let doc = lopdf::Document::load(exported_report(data.path())).expect("a readable PDF");
    let cover = doc.extract_text(&[1]).expect("text");
    assert!(cover.contains("Final"), "{cover}");
    assert!(!cover.contains("Draft"), "{cover}");
    assert!(cover.contains("23–25 November 2026"), "{cover}");
    click_dialog_button(&app, "Close").await;

    // A level typed now asks first; kept final, nothing changes.
    press(&app, "0").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| {
        t.starts_with("Reopen")
    })
    .await;
    screenshot(&app, &artifacts().join("31-reopen-question.png")).await;
    click_dialog_button(&app, "Keep it final").await;
    wait_for(&app, "#tree-4\\.1 .chip", |t| t == "3").await;

    press(&app, "0").await;
    click_dialog_button(&app, "Reopen as draft").await;
    wait_for(&app, ".ws-client .badge", |t| t == "Draft").await;
    press(&app, "0").await;
    wait_for(&app, "#tree-4\\.1 .chip", |t| t == "0").await;
    wait_for(&app, ".save-state", |t| t == "All changes saved").await;
    app.quit().await.expect("quit");

    let store = stored(data.path());
    let a = &store.list_assessments().expect("list")[0];
    assert_eq!(a.status, AssessmentStatus::Draft);
    let full = store.get_assessment(a.id).expect("assessment");
    assert_eq!(full.scope, "Service desk and hosting, Hamburg and Łódź");
    assert_eq!(
        full.starts_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23")
    );
    assert_eq!(
        full.ends_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-25")
    );
    let r = store
        .list_responses(a.id)
        .expect("responses")
        .into_iter()
        .find(|r| r.clause_id == "4.1")
        .expect("4.1");
    assert_eq!(r.rating, Rating::Level { level: 0 });
}
