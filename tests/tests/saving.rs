//! End to end: saving never lies. Text too long for "People interviewed"
//! is pasted; the header says "Not saved" and keeps saying it while another
//! requirement is scored; after a restart the text is back in its field,
//! still not saved; shortened, it saves, and only then does the header say
//! "All changes saved".

use clausewise_core::Rating;
use clausewise_e2e::*;
use thirtyfour::prelude::*;

/// Puts text into a field the way pasting does: one input event.
async fn paste_into(app: &WebDriver, css: &str, text: &str) {
    app.execute(
        "const el = document.querySelector(arguments[0]);
         el.focus();
         el.value = arguments[1];
         el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));",
        vec![
            serde_json::Value::String(css.to_owned()),
            serde_json::Value::String(text.to_owned()),
        ],
    )
    .await
    .expect("paste");
}

async fn value_len(app: &WebDriver, css: &str) -> usize {
    app.execute(
        "return [...document.querySelector(arguments[0]).value].length;",
        vec![serde_json::Value::String(css.to_owned())],
    )
    .await
    .expect("read value")
    .convert::<usize>()
    .expect("length")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_field_is_never_reported_saved_and_survives_a_restart() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    open_demo(&app).await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;

    let pasted = "Dana Whitfield, Jonas Müller, Ana Souza (Łódź); ".repeat(56);
    let pasted = pasted.trim();
    let chars = pasted.chars().count();
    assert!(chars > 2_600, "{chars}");
    paste_into(&app, "#response-interviewees", pasted).await;

    // Refused: in the header, at the field with the count, and in the tree.
    wait_for(&app, ".save-state", |t| {
        t == "Not saved: 4.1 People interviewed"
    })
    .await;
    let message = text_of(&app, "#response-interviewees-error").await;
    assert!(
        message.contains("People interviewed is too long"),
        "{message}"
    );
    let count = text_of(&app, "#response-interviewees-count").await;
    assert!(count.contains("too many"), "{count}");
    text_of(&app, "#tree-4\\.1 .unsaved-mark").await;
    screenshot(&app, &artifacts().join("20-not-saved.png")).await;

    // Scoring the next requirement saves it, and the header still says
    // what is not saved.
    press(&app, "\u{e00c}").await; // Escape leaves the text field
    press(&app, "j").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.2 ")).await;
    press(&app, "2").await;
    wait_for(&app, "#tree-4\\.2 .chip", |t| t == "2").await;
    // Give the save time to land; the header must not claim success.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(
        text_of(&app, ".save-state").await,
        "Not saved: 4.1 People interviewed"
    );
    app.quit().await.expect("close the app");

    // On disk: the level of 4.2, and not the refused text.
    {
        let store = stored(data.path());
        let id = store.list_assessments().expect("list")[0].id;
        let responses = store.list_responses(id).expect("responses");
        let r = |c: &str| responses.iter().find(|r| r.clause_id == c).expect(c);
        assert_eq!(r("4.2").rating, Rating::Level { level: 2 });
        assert_ne!(r("4.1").interviewees, pasted);
    }

    // Restart: the text is back where it was typed, still not saved.
    let app = driver.launch_app().await;
    open_demo(&app).await;
    app.find(By::Id("tree-4.1"))
        .await
        .expect("4.1 in the tree")
        .click()
        .await
        .expect("select 4.1");
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    wait_for(&app, ".save-state", |t| {
        t == "Not saved: 4.1 People interviewed"
    })
    .await;
    assert_eq!(value_len(&app, "#response-interviewees").await, chars);

    // Shortened, it saves; only now is everything saved.
    type_into(&app, "People interviewed", "Dana Whitfield, Jonas Müller").await;
    wait_for(&app, ".save-state", |t| t == "All changes saved").await;
    assert!(
        app.find_all(By::Css("#response-interviewees-error"))
            .await
            .expect("query")
            .is_empty(),
        "the message is gone once saved"
    );
    screenshot(&app, &artifacts().join("21-saved-after-fix.png")).await;
    app.quit().await.expect("close the app");

    let store = stored(data.path());
    let id = store.list_assessments().expect("list")[0].id;
    let saved = store
        .list_responses(id)
        .expect("responses")
        .into_iter()
        .find(|r| r.clause_id == "4.1")
        .expect("4.1");
    assert_eq!(saved.interviewees, "Dana Whitfield, Jonas Müller");
}
