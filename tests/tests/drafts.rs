//! End to end: typing is never thrown away. A finding typed in the demo
//! assessment, then Esc: the app asks instead of closing; Keep editing keeps
//! every character typed, and saving stores the finding.

use clausewise_e2e::*;
use thirtyfour::prelude::*;

async fn dialog_title(app: &WebDriver) -> Option<String> {
    app.execute(
        "const d = document.querySelector('[role=dialog] .dialog-title'); return d ? d.textContent.trim() : null;",
        Vec::new(),
    )
    .await
    .expect("read dialog")
    .convert()
    .expect("title")
}

async fn focused_text(app: &WebDriver) -> String {
    app.execute(
        "return document.activeElement ? document.activeElement.textContent.trim() : '';",
        Vec::new(),
    )
    .await
    .expect("read focus")
    .convert()
    .expect("text")
}

async fn value_of(app: &WebDriver, label: &str) -> String {
    field(app, label)
        .await
        .value()
        .await
        .expect("value")
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn esc_on_a_typed_finding_asks_and_keep_editing_keeps_every_character() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    click_link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    let escape = Key::Escape.value().to_string();

    // Nothing typed: Esc closes at once.
    press(&app, "f").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| t == "New finding").await;
    escape_dialog(&app).await;

    // Typed in full, then Esc, as a consultant leaving a field would.
    let title = "Kontextanalyse fehlt für São Paulo";
    let observation = "Nobody could show the context analysis; the CIO said it “exists somewhere”.";
    press(&app, "f").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| t == "New finding").await;
    // The title field has the focus: type straight into it.
    focus_in_dialog(&app).await;
    press(&app, title).await;
    field(&app, "What was observed")
        .await
        .send_keys(observation)
        .await
        .expect("type the observation");
    press(&app, &escape).await;

    // The dialog asks, with Keep editing as the default.
    wait_for(&app, "[role=alertdialog] .discard-question", |t| {
        t == "Discard this new finding?"
    })
    .await;
    assert_eq!(focused_text(&app).await, "Keep editing");
    assert_eq!(dialog_title(&app).await.as_deref(), Some("New finding"));
    screenshot(&app, &artifacts().join("60-discard-question.png")).await;

    click_dialog_button(&app, "Keep editing").await;
    assert!(
        app.find_all(By::Css("[role=alertdialog]"))
            .await
            .expect("query")
            .is_empty(),
        "the question stayed"
    );
    assert_eq!(value_of(&app, "Title").await, title);
    assert_eq!(value_of(&app, "What was observed").await, observation);

    click_dialog_button(&app, "Add finding").await;
    wait_for(&app, ".clause-findings", |t| t.contains(title)).await;
    assert_eq!(dialog_title(&app).await, None);
    app.quit().await.expect("close the app");

    let store = stored(data.path());
    let id = store.list_assessments().expect("list")[0].id;
    let saved = store
        .list_findings(id)
        .expect("findings")
        .into_iter()
        .find(|f| f.title == title)
        .expect("the finding is stored");
    assert_eq!(saved.observation, observation);
    assert_eq!(saved.clause_id, "4.1");
}
