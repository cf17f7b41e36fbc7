//! End to end: the Export dialog's format choices are small radios with
//! their whole label beside them (a page-wide rule once made each radio a
//! huge empty box and cut its label to a 20 px column).

use clausewise_e2e::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Every radio of the open dialog named `name`: its size, and the box of
/// the text of its label (everything in the label after the radio).
async fn radios(app: &WebDriver, name: &str) -> Vec<Value> {
    app.execute(
        r#"return Array.from(document.querySelectorAll(`[role=dialog] input[type=radio][name="${arguments[0]}"]`), (radio) => {
             const label = radio.closest('label');
             const range = document.createRange();
             range.selectNodeContents(label);
             range.setStartAfter(radio);
             const r = radio.getBoundingClientRect();
             const t = range.getBoundingClientRect();
             return {
               name: label.textContent.trim().replace(/\s+/g, ' '),
               radio: [r.width, r.height],
               text: t.width,
               text_left: t.left,
               radio_right: r.right,
               cut: label.scrollWidth > label.clientWidth + 1,
             };
           });"#,
        vec![json!(name)],
    )
    .await
    .expect("measure")
    .convert()
    .expect("radios")
}

fn check(radios: &[Value]) {
    for f in radios {
        let (w, h) = (
            f["radio"][0].as_f64().unwrap(),
            f["radio"][1].as_f64().unwrap(),
        );
        assert!(
            (10.0..=30.0).contains(&w) && (10.0..=30.0).contains(&h),
            "radio size {f}"
        );
        // The whole label is on screen beside its radio, at its natural width.
        assert!(
            f["text"].as_f64().unwrap() >= 50.0,
            "the label is squeezed: {f}"
        );
        assert!(
            f["text_left"].as_f64().unwrap() >= f["radio_right"].as_f64().unwrap(),
            "the label is not beside its radio: {f}"
        );
        assert_eq!(f["cut"], false, "the label is cut: {f}");
    }
}

async fn click_text(app: &WebDriver, text: &str) {
    first_match(
        app,
        format!(
            "//*[@role='dialog']//label[.//*[normalize-space(.)={}]]",
            xpath_literal(text)
        ),
    )
    .await
    .unwrap_or_else(|e| panic!("no choice {text:?}: {e}"))
    .click()
    .await
    .expect("choose");
}

#[tokio::test(flavor = "multi_thread")]
async fn export_formats_are_small_radios_with_their_full_labels() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let app = driver.launch_app().await;
    app.set_window_rect(0, 0, 1024, 768)
        .await
        .expect("window size");
    click_link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    click_button(&app, "Export…").await;
    wait_for(&app, "[role=dialog] .dialog-title", |t| {
        t == "Export the assessment"
    })
    .await;

    let formats = radios(&app, "format").await;
    assert_eq!(formats.len(), 9, "{formats:?}");
    check(&formats);
    assert!(formats[0]["name"]
        .as_str()
        .unwrap()
        .starts_with("Assessment file (.clausewise)"));

    // A CSV format brings the separator choice: small radios too.
    click_text(&app, "Clause results (.csv)").await;
    wait_for(&app, "[role=dialog] .separator legend", |t| {
        t == "Separator"
    })
    .await;
    let separators = radios(&app, "delimiter").await;
    assert_eq!(separators.len(), 2, "{separators:?}");
    check(&separators);
    // Nothing in the dialog scrolls sideways.
    let sideways: bool = app
        .execute(
            "const b = document.querySelector('[role=dialog] .dialog-body'); return b.scrollWidth > b.clientWidth;",
            Vec::new(),
        )
        .await
        .expect("measure")
        .convert()
        .expect("bool");
    assert!(!sideways, "the export dialog scrolls sideways");
    screenshot(&app, &artifacts().join("70-export-dialog.png")).await;
    click_dialog_button(&app, "Cancel").await;
    app.quit().await.expect("close the app");
}
