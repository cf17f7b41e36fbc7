//! End to end: the first start asks the consultant's name; a level changed
//! in the workspace is recorded under it; after a restart Ctrl+Z takes the
//! change back (durably, as a change of its own), and the History view
//! shows both, with the author.

use clausewise_core::history::{ChangeKind, HistoryQuery};
use clausewise_core::Rating;
use clausewise_e2e::*;
use thirtyfour::prelude::*;

const DEMO: &str = "ISO/IEC 20000-1 readiness assessment";

async fn open_demo(app: &WebDriver) {
    link(app, DEMO)
        .await
        .click()
        .await
        .expect("open the assessment");
    wait_for(app, "#clause-heading", |t| !t.is_empty()).await;
}

fn level_of(data: &std::path::Path, clause: &str) -> Rating {
    let store = stored(data);
    let id = store.list_assessments().expect("list")[0].id;
    store
        .list_responses(id)
        .expect("responses")
        .into_iter()
        .find(|r| r.clause_id == clause)
        .map(|r| r.rating)
        .unwrap_or(Rating::NotAssessed)
}

#[tokio::test(flavor = "multi_thread")]
async fn undo_takes_back_a_level_change_after_a_restart() {
    let data = tempfile::tempdir().expect("temp data folder");
    // No name given anywhere: the first start asks for one.
    let driver = Driver::start_with(data.path(), &[("CLAUSEWISE_AUTHOR", "".as_ref())]);
    let app = driver.launch_app().await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| {
        t == "Welcome to Clausewise"
    })
    .await;
    for (w, h) in [(1024, 768), (1440, 900)] {
        resize(&app, w, h).await;
        app.screenshot(&artifacts().join(format!("80-name-prompt-{w}x{h}.png")))
            .await
            .expect("screenshot");
    }
    type_into(&app, "Your name", "Dana Whitfield").await;
    click_dialog_button(&app, "Save").await;
    no_dialog(&app).await;
    wait_for(&app, ".author-button", |t| t == "Author: Dana Whitfield").await;

    open_demo(&app).await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    let before = level_of(data.path(), "4.1");
    let new_level = match before {
        Rating::Level { level: 4 } => "3",
        _ => "4",
    };
    press(&app, new_level).await;
    wait_for(&app, "#tree-4\\.1 .chip", |t| t == new_level).await;
    wait_for(&app, ".save-state", |t| t == "All changes saved").await;
    app.quit().await.expect("close the app");
    assert_ne!(level_of(data.path(), "4.1"), before);

    // After a restart: no name asked again, and Ctrl+Z takes the level back.
    let app = driver.launch_app().await;
    open_demo(&app).await;
    no_dialog(&app).await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    app.action_chain()
        .key_down(Key::Control)
        .send_keys("z")
        .key_up(Key::Control)
        .perform()
        .await
        .expect("Ctrl+Z");
    let toast = wait_for(&app, ".toast", |t| t.starts_with("Undone: ")).await;
    assert!(toast.contains("requirement 4.1: level"), "{toast}");
    app.screenshot(&artifacts().join("81-undone.png"))
        .await
        .expect("screenshot");

    // The History view: the change and its undo, both by Dana Whitfield.
    click_link(&app, "History").await;
    wait_for(&app, "[data-testid=history-entry]", |t| t.contains("Undo")).await;
    let entries = app
        .find_all(By::Css("[data-testid=history-entry]"))
        .await
        .expect("entries");
    assert!(entries.len() >= 2, "{}", entries.len());
    let newest = entries[0].text().await.expect("text");
    let edit = entries[1].text().await.expect("text");
    assert!(
        newest.contains("Dana Whitfield") && newest.contains("Undo"),
        "{newest}"
    );
    assert!(
        edit.contains("Dana Whitfield") && edit.contains("undone"),
        "{edit}"
    );
    for (w, h) in [(1440, 900), (1280, 720), (1024, 768)] {
        resize(&app, w, h).await;
        app.screenshot(&artifacts().join(format!("82-history-{w}x{h}.png")))
            .await
            .expect("screenshot");
    }
    // The requirement's own history, under its findings.
    click_link(&app, "Clauses").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    let summary = app
        .find(By::Css(".record-history summary"))
        .await
        .expect("the requirement's history");
    summary.scroll_into_view().await.expect("scroll");
    summary.click().await.expect("open the history");
    wait_for(&app, ".record-history [data-testid=history-entry]", |t| {
        t.contains("Level")
    })
    .await;
    app.execute(
        "document.querySelector('.record-history').scrollIntoView({block: 'end'});",
        Vec::new(),
    )
    .await
    .expect("scroll");
    app.screenshot(&artifacts().join("83-requirement-history.png"))
        .await
        .expect("screenshot");
    app.quit().await.expect("close the app");

    // On disk: the level as it was, the undo recorded with its author.
    assert_eq!(level_of(data.path(), "4.1"), before);
    let store = stored(data.path());
    let id = store.list_assessments().expect("list")[0].id;
    let log = store
        .history(id, &HistoryQuery::default())
        .expect("history");
    assert_eq!(log[0].kind, ChangeKind::Undo);
    assert_eq!(log[0].author, "Dana Whitfield");
    assert_eq!(log[1].reverted_by.as_deref(), Some(log[0].id.as_str()));
}
