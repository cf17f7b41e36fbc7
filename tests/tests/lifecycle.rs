//! End to end: a minor nonconformity raised on an otherwise conforming
//! assessment walks its corrective action cycle in the app (raised,
//! planned, plan accepted, implemented, verified effective and closed), and
//! certification readiness follows it at each step.

use clausewise_core::{ClauseResponse, Judgement, NewAssessment, Rating};
use clausewise_e2e::*;
use thirtyfour::prelude::*;

const TITLE: &str = "Emergency changes approved after the fact";

/// A database with one assessment where every requirement is rated and
/// judged conforming, with a note: certification readiness is "Ready".
fn seed(data: &std::path::Path) {
    let mut store = clausewise_store::Store::open(
        &data.join(clausewise_store::DATABASE_FILE_NAME),
        clausewise_store::OpenMode::CreateIfMissing,
    )
    .expect("database");
    let a = store
        .create_assessment(&NewAssessment {
            client_name: "Kestrel Freight".into(),
            title: "Pre-certification review".into(),
            scope: "Managed IT services".into(),
            assessors: "R. Auditor".into(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
        })
        .expect("assessment");
    for clause in clausewise_core::Catalogue::builtin().assessable() {
        store
            .save_response(
                a.id,
                &ClauseResponse {
                    rating: Rating::Level { level: 3 },
                    judgement: Judgement::Conforms,
                    notes: "Seen in the workshop, with records.".into(),
                    ..ClauseResponse::blank(&clause.id)
                },
            )
            .expect("response");
    }
}

async fn certification(app: &thirtyfour::WebDriver, verdict: &str) {
    click_link(app, "Dashboard").await;
    wait_for(
        app,
        "[data-testid=verdict-certification] .tile-value",
        |t| t == verdict,
    )
    .await;
}

async fn edit_finding(app: &thirtyfour::WebDriver) {
    click_link(app, "Findings").await;
    click_button(app, TITLE).await;
    wait_for(app, "[role=dialog] .dialog-title", |t| t == "Edit finding").await;
}

async fn save(app: &thirtyfour::WebDriver) {
    click_dialog_button(app, "Save finding").await;
    no_dialog(app).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_minor_nonconformity_walks_its_cycle_and_the_verdict_follows() {
    let data = tempfile::tempdir().expect("temp data folder");
    seed(data.path());
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    click_link(&app, "Pre-certification review").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    certification(&app, "Ready").await;

    // Raised: an open minor with no accepted plan stands in the way.
    click_link(&app, "Clauses").await;
    press(&app, "f").await;
    choose(&app, "Kind", "Minor nonconformity").await;
    type_into(&app, "Title", TITLE).await;
    click_dialog_button(&app, "Add finding").await;
    no_dialog(&app).await;
    certification(&app, "Not ready").await;
    wait_for(&app, "[data-testid=verdict-card-certification]", |t| {
        t.contains("without an accepted corrective action plan")
    })
    .await;

    // Planned: a corrective action with an owner and a due date, not yet
    // accepted: still in the way.
    edit_finding(&app).await;
    type_into(
        &app,
        "Root cause",
        "The emergency path skips approval at night",
    )
    .await;
    type_into(&app, "Corrective action", "Make approval a required step").await;
    type_into(&app, "Owner", "Piotr Zieliński").await;
    type_into(&app, "Due date", "2027-01-29").await;
    save(&app).await;
    wait_for(&app, ".findings-table tbody", |t| t.contains("Planned")).await;
    certification(&app, "Not ready").await;

    // Plan accepted: the minor no longer blocks certification.
    edit_finding(&app).await;
    type_into(&app, "Plan accepted on", "2026-12-01").await;
    save(&app).await;
    certification(&app, "Ready").await;
    wait_for(&app, "[data-testid=verdict-card-certification]", |t| {
        t.contains("with an accepted corrective action plan (plan accepted)")
    })
    .await;
    click_link(&app, "Roadmap").await;
    wait_for(&app, "[data-testid=roadmap-nc-stage]", |t| {
        t == "Plan accepted"
    })
    .await;

    // Implemented: still ready; closing now is refused, nothing is lost.
    edit_finding(&app).await;
    type_into(&app, "Implemented on", "2026-12-10").await;
    choose(&app, "Status", "Closed").await;
    click_dialog_button(&app, "Save finding").await;
    wait_for(&app, "#finding-status-error", |t| {
        t.contains("only be closed once its corrective action is verified")
    })
    .await;
    choose(&app, "Status", "In progress").await;
    save(&app).await;
    wait_for(&app, ".findings-table tbody", |t| t.contains("Implemented")).await;
    certification(&app, "Ready").await;

    // Verified effective: it closes, and the record says who checked what.
    edit_finding(&app).await;
    type_into(&app, "Effectiveness verified on", "2026-12-20").await;
    type_into(&app, "Verified by", "R. Auditor").await;
    type_into(
        &app,
        "What was checked",
        "Ten changes sampled since: all approved first",
    )
    .await;
    choose(&app, "Status", "Closed").await;
    screenshot(&app, &artifacts().join("32-lifecycle-dialog.png")).await;
    save(&app).await;
    wait_for(&app, ".findings-table tbody", |t| {
        t.contains("Closed") && t.contains("Verified")
    })
    .await;
    certification(&app, "Ready").await;
    screenshot(&app, &artifacts().join("30-lifecycle-verified.png")).await;

    // Stage 1 waits for the documented information of 7.5.4, item by item.
    wait_for(&app, "[data-testid=verdict-card-stage1]", |t| {
        t.contains("Provisional: 7 of 7 judged, 0 of 14 documents checked")
    })
    .await;
    click_link(&app, "Clauses").await;
    app.find(By::Css("#tree-7\\.5\\.4"))
        .await
        .expect("7.5.4 in the tree")
        .click()
        .await
        .expect("open 7.5.4");
    wait_for(&app, "#clause-heading", |t| t.starts_with("7.5.4 ")).await;
    first_match(
        &app,
        "//*[@role='group' and @aria-label='SMS scope']//button[normalize-space(.)='Seen']".into(),
    )
    .await
    .expect("the Seen choice of the scope")
    .click()
    .await
    .expect("mark the scope seen");
    wait_for(&app, "[data-testid=document-checklist]", |t| {
        t.contains("1 of 14 checked")
    })
    .await;
    screenshot(&app, &artifacts().join("31-document-checklist.png")).await;
    click_link(&app, "Dashboard").await;
    wait_for(&app, "[data-testid=verdict-card-stage1]", |t| {
        t.contains("1 of 14 documents checked")
    })
    .await;
    app.quit().await.expect("close the app");

    // On disk: the whole cycle, in order.
    let store = stored(data.path());
    let id = store.list_assessments().expect("list")[0].id;
    let f = &store.list_findings(id).expect("findings")[0];
    assert_eq!(f.status, clausewise_core::finding::FindingStatus::Closed);
    assert_eq!(f.lifecycle.verified_by, "R. Auditor");
    assert_eq!(
        f.nc_stage,
        Some(clausewise_core::finding::NcStage::Verified)
    );
}
