//! End to end: a finding added through the UI shows in the findings view,
//! the roadmap and the dashboard; with nothing judged there is no verdict.

use clausewise_e2e::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_finding_flows_to_the_views_and_drives_the_verdict() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;

    // A new, empty assessment: nothing is judged, so no verdict.
    click_button(&app, "New assessment").await;
    type_into(&app, "Client", "Acme Services").await;
    type_into(&app, "Assessment title", "Findings journey").await;
    click_dialog_button(&app, "Create assessment").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;

    // Add a major nonconformity with the keyboard shortcut.
    press(&app, "f").await;
    choose(&app, "Kind", "Major nonconformity").await;
    type_into(&app, "Title", "No documented context analysis").await;
    type_into(
        &app,
        "Recommendation",
        "Document internal and external issues and review them yearly.",
    )
    .await;
    type_into(&app, "Owner", "Ελένη Παπαδοπούλου").await;
    click_dialog_button(&app, "Add finding").await;
    wait_for_text(&app, "No documented context analysis").await;

    click_link(&app, "Findings").await;
    wait_for(&app, ".findings-table tbody", |t| {
        t.contains("No documented context analysis") && t.contains("Major NC")
    })
    .await;

    click_link(&app, "Roadmap").await;
    wait_for(&app, ".roadmap .phase", |t| {
        t.contains("Before the stage 1 audit")
            && t.contains("Document internal and external issues")
    })
    .await;

    click_link(&app, "Dashboard").await;
    // The open major sets the judgement of 4.1: one requirement judged.
    wait_for(&app, "[data-testid=verdict-certification]", |t| {
        t.contains("Provisional") && t.contains("1 of 57 judged")
    })
    .await;
    wait_for(&app, ".kind-bars li", |t| {
        t.contains("Major nonconformity") && t.ends_with("1/1")
    })
    .await;
    screenshot(&app, &artifacts().join("20-dashboard-new.png")).await;

    // A nonconformity cannot simply be closed: it needs its verification.
    click_link(&app, "Findings").await;
    click_button(&app, "No documented context analysis").await;
    choose(&app, "Status", "Closed").await;
    click_dialog_button(&app, "Save finding").await;
    wait_for(&app, "#finding-status-error", |t| {
        t.contains("only be closed once its corrective action is verified")
    })
    .await;
    choose(&app, "Kind", "Observation").await;
    click_dialog_button(&app, "Save finding").await;
    no_dialog(&app).await;

    // Text is text: markup typed into a finding is shown, never run.
    let markup = "<img src=x onerror=alert(1)>";
    click_link(&app, "Clauses").await;
    press(&app, "f").await;
    type_into(&app, "Title", markup).await;
    click_dialog_button(&app, "Add finding").await;
    wait_for_text(&app, markup).await;
    click_link(&app, "Findings").await;
    wait_for(&app, ".findings-table tbody", |t| t.contains(markup)).await;
    click_link(&app, "Roadmap").await;
    wait_for(&app, ".roadmap", |t| t.contains(markup)).await;
    let images = app
        .find_all(By::Css("main img"))
        .await
        .expect("query images");
    assert!(images.is_empty(), "markup in a title became an element");
    // An alert would make the next WebDriver command fail.
    click_link(&app, "Dashboard").await;
    wait_for(&app, ".kind-bars li", |t| {
        t.contains("Major nonconformity") && t.ends_with("0/0")
    })
    .await;

    // And in the PDF report it is printed as the characters typed.
    click_button(&app, "Export report").await;
    click_dialog_button(&app, "Export PDF…").await;
    wait_for_text(&app, "The report is saved.").await;
    let pdf = lopdf::Document::load(exported_report(data.path())).expect("the report");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).expect("text");
    assert!(
        text.contains(markup),
        "the title is not in the PDF as typed"
    );
    click_dialog_button(&app, "Close").await;
    app.quit().await.expect("close the app");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_dashboard_shows_real_content() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    click_link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    click_link(&app, "Dashboard").await;
    for stage in ["stage1", "certification"] {
        wait_for(
            &app,
            &format!("[data-testid=verdict-{stage}] .tile-value"),
            |t| t == "Not ready",
        )
        .await;
    }
    wait_for(&app, "[data-testid=verdict-card-certification]", |t| {
        t.contains("Open major nonconformity at 8.3.4.1")
    })
    .await;
    wait_for(&app, ".tiles", |t| t.contains("57 of 57 requirements")).await;
    screenshot(&app, &artifacts().join("21-dashboard-demo.png")).await;
    click_link(&app, "Findings").await;
    wait_for(&app, ".view-head", |t| t.contains("32 of 32 shown")).await;
    screenshot(&app, &artifacts().join("22-findings-demo.png")).await;
    click_link(&app, "Roadmap").await;
    wait_for(&app, ".roadmap", |t| t.contains("Before the stage 1 audit")).await;
    screenshot(&app, &artifacts().join("23-roadmap-demo.png")).await;
    click_link(&app, "KPIs").await;
    wait_for(&app, ".view", |t| {
        t.contains("Missed") && t.contains("Met") && t.contains("Not acted upon")
    })
    .await;
    screenshot(&app, &artifacts().join("24-kpis-demo.png")).await;
    app.quit().await.expect("close the app");
}
