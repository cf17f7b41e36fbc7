//! End to end: the first start asks the consultant's name; a level changed
//! in the workspace is recorded under it; after a restart Ctrl+Z takes the
//! change back (durably, as a change of its own), and the History view
//! shows both, with the author.

use clausewise_core::history::{ChangeKind, HistoryQuery};
use clausewise_core::Rating;
use clausewise_e2e::*;
use thirtyfour::prelude::*;

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
        screenshot(
            &app,
            &artifacts().join(format!("80-name-prompt-{w}x{h}.png")),
        )
        .await;
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
    screenshot(&app, &artifacts().join("81-undone.png")).await;

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
        screenshot(&app, &artifacts().join(format!("82-history-{w}x{h}.png"))).await;
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
    screenshot(&app, &artifacts().join("83-requirement-history.png")).await;
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

/// Two consultants, two laptops: Ana's copy and Ben's start from one
/// exported assessment; each changes other requirements and both write
/// 9.2's note. Ben merges Ana's file: exactly that note is in conflict,
/// shown side by side; his choice is applied, and the log shows both.
#[tokio::test(flavor = "multi_thread")]
async fn two_copies_merge_with_the_one_conflict_shown_and_decided() {
    use clausewise_core::response::ResponseEdit;
    use clausewise_core::transfer::OnConflict;
    let ana_dir = tempfile::tempdir().expect("Ana's data folder");
    let ben_dir = tempfile::tempdir().expect("Ben's data folder");
    let (id, ana_file) = {
        let mut ana = clausewise_store::Store::open(
            &ana_dir.path().join(clausewise_store::DATABASE_FILE_NAME),
            clausewise_store::OpenMode::CreateIfMissing,
        )
        .expect("Ana's database");
        let id = ana.create_demo().expect("demo").id;
        let start = serde_json::to_vec(&ana.export_assessment(id).expect("export")).expect("json");
        let mut ben = clausewise_store::Store::open(
            &ben_dir.path().join(clausewise_store::DATABASE_FILE_NAME),
            clausewise_store::OpenMode::CreateIfMissing,
        )
        .expect("Ben's database");
        ben.import_assessment(&start, OnConflict::Fail)
            .expect("Ben's copy");
        // Ana's work on her laptop: operations, and 9.2's note.
        ana.use_author("Ana Lima").expect("author");
        ana.edit_response(
            id,
            "8.5.1.3",
            &ResponseEdit::Rating(Rating::Level { level: 5 }),
        )
        .expect("level");
        ana.edit_response(
            id,
            "9.2",
            &ResponseEdit::Notes("Programme approved by the CIO".into()),
        )
        .expect("note");
        let file = serde_json::to_vec(&ana.export_assessment(id).expect("export")).expect("json");
        (id, file)
    };
    std::fs::write(
        exported_report(ben_dir.path()).with_extension("clausewise"),
        &ana_file,
    )
    .expect("Ana's file on Ben's laptop");

    // Ben's work in the app: governance, and 9.2's note.
    let driver = Driver::start_with(
        ben_dir.path(),
        &[("CLAUSEWISE_AUTHOR", "Ben Okafor".as_ref())],
    );
    let app = driver.launch_app().await;
    open_demo(&app).await;
    for clause in ["9.4", "9.2"] {
        app.find(By::Id(format!("tree-{clause}")))
            .await
            .expect("in the tree")
            .click()
            .await
            .expect("select");
        wait_for(&app, "#clause-heading", |t| {
            t.starts_with(&format!("{clause} "))
        })
        .await;
    }
    let notes = app.find(By::Id("response-notes")).await.expect("notes");
    notes.clear().await.expect("clear");
    notes
        .send_keys("Programme drafted, not approved")
        .await
        .expect("type");
    press(&app, "\u{e00c}").await; // Escape leaves the field
    app.find(By::Id("tree-9.4"))
        .await
        .expect("9.4")
        .click()
        .await
        .expect("select");
    wait_for(&app, "#clause-heading", |t| t.starts_with("9.4 ")).await;
    press(&app, "1").await;
    wait_for(&app, "#tree-9\\.4 .chip", |t| t == "1").await;
    wait_for(&app, ".save-state", |t| t == "All changes saved").await;

    // Import… Ana's file: the assessment is here, so merge.
    click_link(&app, "Assessments").await;
    click_button(&app, "Import…").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| {
        t == "This assessment is already here"
    })
    .await;
    click_dialog_button(&app, "Merge…").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| {
        t.starts_with("Merge “")
    })
    .await;
    let conflicts = app
        .find_all(By::Css("[data-testid=merge-conflict]"))
        .await
        .expect("conflicts");
    assert_eq!(conflicts.len(), 1);
    let text = conflicts[0].text().await.expect("text");
    assert!(text.contains("Requirement 9.2: Notes"), "{text}");
    assert!(
        text.contains("Programme drafted, not approved") && text.contains("Ben Okafor"),
        "{text}"
    );
    assert!(
        text.contains("Programme approved by the CIO") && text.contains("Ana Lima"),
        "{text}"
    );
    let tally = text_of(&app, "[data-testid=merge-tally]").await;
    assert!(
        tally.starts_with("1 change only the other copy made, taken"),
        "{tally}"
    );
    for (w, h) in [(1440, 900), (1280, 720), (1024, 768)] {
        resize(&app, w, h).await;
        screenshot(&app, &artifacts().join(format!("84-merge-{w}x{h}.png"))).await;
    }
    first_match(&app, "//label[contains(., 'The file')]".to_owned())
        .await
        .expect("the file's side")
        .click()
        .await
        .expect("choose the file's note");
    click_dialog_button(&app, "Merge").await;
    wait_for(&app, "[role=status]", |t| t.starts_with("Merged into “")).await;

    // The log: Ana's changes under her name, Ben's, and the merge.
    open_demo(&app).await;
    click_link(&app, "History").await;
    wait_for(&app, "[data-testid=history-entry]", |t| t.contains("Merge")).await;
    let log = text_of(&app, ".history-view").await;
    assert!(
        log.contains("Ana Lima") && log.contains("Ben Okafor"),
        "{log}"
    );
    screenshot(&app, &artifacts().join("85-history-after-merge.png")).await;
    app.quit().await.expect("close the app");

    let store = stored(ben_dir.path());
    let responses = store.list_responses(id).expect("responses");
    let r = |c: &str| responses.iter().find(|r| r.clause_id == c).expect(c);
    assert_eq!(r("8.5.1.3").rating, Rating::Level { level: 5 });
    assert_eq!(r("9.4").rating, Rating::Level { level: 1 });
    assert_eq!(r("9.2").notes, "Programme approved by the CIO");
}
