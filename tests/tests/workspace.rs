//! End to end: the clause-by-clause workspace. Score with the keyboard, mark
//! a requirement not applicable with its justification, restart, and find
//! everything as it was, with the roll-up.

use std::time::Instant;

use clausewise_core::Rating;
use clausewise_e2e::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn score_with_the_keyboard_mark_na_restart_and_find_it_all() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;

    // Open the demo assessment from the list, as a consultant would.
    let demo = link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    let started = Instant::now();
    demo.click().await.expect("open the assessment");
    wait_for_text(&app, "Understanding the organization and its context").await;
    println!("open workspace: {} ms", started.elapsed().as_millis());
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;

    // Three requirements scored with two keystrokes each.
    press(&app, "2j").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.2 ")).await;
    press(&app, "3j").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.3 ")).await;
    press(&app, "4j").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.4 ")).await;

    // 4.4 does not apply (for the test's sake), with a justification.
    press(&app, "n").await;
    let why = field(&app, "Why does this requirement not apply to this SMS?").await;
    why.send_keys("Το ΣΔΥ καλύπτεται από τον όμιλο")
        .await
        .expect("type justification");
    click_button(&app, "Mark not applicable").await;
    field(&app, "Justification for not applicable").await;
    // Nothing in the scope is of its kind: not a claimed exclusion.
    choose(&app, "Why it does not apply", "No instances in scope").await;

    // A note on 4.1, typed into the notes field.
    press(&app, "kkk").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    let notes = field(&app, "Notes E").await;
    notes.clear().await.expect("clear notes");
    notes
        .send_keys("Context analysis last reviewed in March.")
        .await
        .expect("type notes");
    // The auditor's judgement beside the level.
    choose(&app, "Conformity", "Conforms").await;
    wait_for(&app, ".save-state", |t| t == "All changes saved").await;
    // The demo has every requirement assessed; N/A counts as assessed.
    wait_for(&app, "[aria-label=Progress] .stat-value", |t| {
        t == "57 / 57"
    })
    .await;
    screenshot(&app, &artifacts().join("10-workspace.png")).await;
    app.quit().await.expect("close the app");

    // Restart: the levels, the N/A and the roll-up are all still there.
    let app = driver.launch_app().await;
    link(&app, "ISO/IEC 20000-1 readiness assessment")
        .await
        .click()
        .await
        .expect("open");
    wait_for(&app, "[aria-label=Progress] .stat-value", |t| {
        t == "57 / 57"
    })
    .await;
    assert_eq!(text_of(&app, "#tree-4\\.1 .chip").await, "2");
    assert_eq!(text_of(&app, "#tree-4\\.2 .chip").await, "3");
    assert_eq!(text_of(&app, "#tree-4\\.3 .chip").await, "4");
    assert_eq!(text_of(&app, "#tree-4\\.4 .chip").await, "N/A");
    // Clause 4 = mean(2, 3, 4); 4.4 is N/A and left out. The mean hides
    // 4.1 at level 2: the tree names it.
    assert_eq!(text_of(&app, "#tree-4 .chip").await, "3.0");
    assert_eq!(text_of(&app, "#tree-4 .weakest-mark").await, "↓2");
    assert_eq!(
        field(&app, "Conformity")
            .await
            .prop("value")
            .await
            .expect("value")
            .as_deref(),
        Some("conforms")
    );
    app.find(By::Css("#tree-4\\.4"))
        .await
        .expect("4.4 in the tree")
        .click()
        .await
        .expect("open 4.4");
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.4 ")).await;
    assert_eq!(
        field(&app, "Why it does not apply")
            .await
            .prop("value")
            .await
            .expect("value")
            .as_deref(),
        Some("no_instances")
    );
    let shown_overall = text_of(&app, "[data-testid=overall] strong").await;
    screenshot(&app, &artifacts().join("11-workspace-after-restart.png")).await;
    app.quit().await.expect("close the app");

    // The database agrees.
    let store = stored(data.path());
    let id = store.list_assessments().expect("list")[0].id;
    let all = store.list_responses(id).expect("responses");
    // The app shows the roll-up the core computes from what is stored.
    let card = clausewise_core::scorecard(clausewise_core::Catalogue::builtin(), &all, 3);
    assert_eq!(
        shown_overall,
        format!("{:.1}", card.overall.expect("overall"))
    );
    let mut responses: Vec<_> = all
        .into_iter()
        .filter(|r| ["4.1", "4.2", "4.3", "4.4"].contains(&r.clause_id.as_str()))
        .collect();
    responses.sort_by(|a, b| a.clause_id.cmp(&b.clause_id));
    let ratings: Vec<(&str, Rating)> = responses
        .iter()
        .map(|r| (r.clause_id.as_str(), r.rating))
        .collect();
    assert_eq!(
        ratings,
        [
            ("4.1", Rating::Level { level: 2 }),
            ("4.2", Rating::Level { level: 3 }),
            ("4.3", Rating::Level { level: 4 }),
            ("4.4", Rating::NotApplicable),
        ]
    );
    assert_eq!(
        responses[0].notes,
        "Context analysis last reviewed in March."
    );
    assert_eq!(
        responses[3].na_justification,
        "Το ΣΔΥ καλύπτεται από τον όμιλο"
    );
}
