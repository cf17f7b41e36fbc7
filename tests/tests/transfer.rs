//! End to end: export an assessment to a file, delete it, import it back:
//! it is whole again. Then a follow-up of it shows the progress made.

use std::time::Instant;

use clausewise_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn export_delete_and_import_an_assessment() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    let title = "ISO/IEC 20000-1 readiness assessment";

    let store = stored(data.path());
    let before = store.list_assessments().expect("list")[0].clone();
    let id = before.id;
    let expected = store.export_assessment(id).expect("export");
    drop(store);

    click_link(&app, title).await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    click_button(&app, "Export…").await;
    click_dialog_button(&app, "Export…").await;
    let file = exported_report(data.path()).with_extension("clausewise");
    wait_for(&app, "[data-testid=exported-path]", |t| {
        t == file.to_string_lossy()
    })
    .await;
    click_dialog_button(&app, "Close").await;

    // Delete it from the list.
    click_link(&app, "Assessments").await;
    click_button(&app, &format!("Delete {title}")).await;
    click_button(&app, "Delete assessment").await;
    let deadline = Instant::now() + PATIENCE;
    while !row_titles(&app).await.is_empty() {
        assert!(Instant::now() < deadline, "deleted row stayed");
        tokio::time::sleep(POLL).await;
    }

    // Import it back: the same assessment, with all its content.
    click_button(&app, "Import…").await;
    wait_for_text(&app, &format!("Imported “{title}”.")).await;
    assert_eq!(row_titles(&app).await, vec![title.to_owned()]);
    screenshot(&app, &artifacts().join("50-imported.png")).await;

    let store = stored(data.path());
    let mut again = store.export_assessment(id).expect("imported assessment");
    again.exported_at = expected.exported_at;
    // The plain file carries no file content: once the assessment was
    // deleted, its files come back listed, without content (a package
    // brings them; see evidence.rs).
    for f in again.evidence.iter_mut().flat_map(|e| e.files.iter_mut()) {
        assert!(!f.stored, "{}", f.name);
        f.stored = true;
    }
    assert_eq!(again, expected);

    // A follow-up, measured against it: raise 4.1 and see the progress.
    click_button(&app, &format!("Start a follow-up of {title}")).await;
    click_dialog_button(&app, "Start follow-up").await;
    let follow_up = format!("Follow-up: {title}");
    wait_for(&app, ".ws-title h1", |t| t == follow_up).await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    press(&app, "5").await;
    wait_for(&app, ".save-state", |t| t == "All changes saved").await;
    click_link(&app, "Progress").await;
    // The first row is 4.1, now at level 5: the only requirement that moved.
    let row = ".progress-table tbody tr:first-child";
    wait_for(&app, &format!("{row} td:first-child"), |t| t == "4.1").await;
    wait_for(&app, &format!("{row} .trend-badge"), |t| t == "Improved").await;
    wait_for(&app, &format!("{row} td:nth-child(4)"), |t| t == "5").await;
    wait_for(&app, ".tiles .tile:nth-child(2) .tile-value", |t| t == "1").await;
    screenshot(&app, &artifacts().join("51-progress.png")).await;
    let store = stored(data.path());
    let list = store.list_assessments().expect("list");
    let follow = list
        .iter()
        .find(|a| a.title == follow_up)
        .expect("follow-up stored");
    assert_eq!(follow.baseline_title.as_deref(), Some(title));
    let progress = store
        .progress(follow.id)
        .expect("progress")
        .expect("a baseline");
    assert_eq!(progress.requirements.improved, 1);
    assert_eq!(progress.baseline.id, id);
    drop(store);
    click_link(&app, "Assessments").await;
    wait_for_text(&app, &format!("Follow-up of “{title}”")).await;

    // Importing it a second time asks; keep both adds a copy.
    click_button(&app, "Import…").await;
    wait_for_text(&app, "This assessment is already here").await;
    click_dialog_button(&app, "Keep both").await;
    let deadline = Instant::now() + PATIENCE;
    while row_titles(&app).await.len() != 3 {
        assert!(Instant::now() < deadline, "the copy did not appear");
        tokio::time::sleep(POLL).await;
    }
    app.quit().await.expect("quit");
}
