//! End to end: the consultant writes the report text, then exports the
//! report as a Word document with the firm's template, and the file that
//! lands on disk has both.

use std::io::Read;

use clausewise_e2e::*;
use thirtyfour::prelude::*;

/// A firm template whose Heading 1 is a distinctive font and colour.
fn firm_template(path: &std::path::Path) {
    use docx_rs::{Docx, Paragraph, Run, RunFonts, Style, StyleType};
    let docx = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New"))
                .color("C0187A"),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Template")));
    let file = std::fs::File::create(path).expect("template file");
    docx.build().pack(file).expect("template written");
}

fn part(docx: &std::path::Path, name: &str) -> String {
    let file = std::fs::File::open(docx).expect("the Word file");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut s = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut s)
        .expect("UTF-8 part");
    s
}

#[tokio::test(flavor = "multi_thread")]
async fn report_text_and_the_word_report_with_the_firm_template() {
    let data = tempfile::tempdir().expect("temp data folder");
    let template = data.path().join("Whitfield template.dotx");
    firm_template(&template);
    let driver = Driver::start_with(
        data.path(),
        &[("CLAUSEWISE_PICK_TEMPLATE", template.as_os_str())],
    );
    let app = driver.launch_app().await;

    click_link(&app, "ISO/IEC 20000-1 readiness assessment").await;
    wait_for(&app, "#clause-heading", |t| t.starts_with("4.1 ")).await;
    click_link(&app, "Report text").await;
    wait_for_text(&app, "Comments by clause").await;
    let conclusions = field(&app, "Conclusions").await;
    conclusions.clear().await.expect("clear");
    conclusions
        .send_keys("Stage 1 is realistic in *May 2027*: Łódź and São Paulo first.")
        .await
        .expect("type");
    // Leaving the field saves it.
    field(&app, "Next steps")
        .await
        .click()
        .await
        .expect("focus");
    wait_for(&app, "[data-testid=narrative-save]", |t| {
        t == "All report text saved"
    })
    .await;
    let store = stored(data.path());
    let id = store.list_assessments().expect("list")[0].id;
    assert_eq!(
        store.narrative(id).expect("narrative").conclusions,
        "Stage 1 is realistic in *May 2027*: Łódź and São Paulo first."
    );
    for (w, h) in [(1440, 900), (1280, 720), (1024, 768)] {
        resize(&app, w, h).await;
        screenshot(
            &app,
            &artifacts().join(format!("70-report-text-{w}x{h}.png")),
        )
        .await;
    }

    click_button(&app, "Export report").await;
    first_match(
        &app,
        "//label[contains(normalize-space(.), 'Word document')]//input".to_owned(),
    )
    .await
    .expect("the Word format")
    .click()
    .await
    .expect("choose Word");
    // The template's picker is the second "Choose…" (after the logo's).
    let choose = app
        .find_all(By::XPath(
            "//div[@role='dialog']//button[normalize-space(.)='Choose…']",
        ))
        .await
        .expect("pickers");
    choose
        .last()
        .expect("template picker")
        .click()
        .await
        .expect("pick");
    wait_for(&app, "#report-template", |_| true).await;
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let v = app
            .find(By::Id("report-template"))
            .await
            .expect("template field")
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        if v == "Template chosen" {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "template: {v}");
        tokio::time::sleep(POLL).await;
    }
    for (w, h) in [(1440, 900), (1280, 720), (1024, 768)] {
        resize(&app, w, h).await;
        screenshot(
            &app,
            &artifacts().join(format!("71-word-export-{w}x{h}.png")),
        )
        .await;
    }
    click_dialog_button(&app, "Export Word…").await;
    wait_for_text(&app, "The report is saved.").await;
    let path = exported_report(data.path()).with_extension("docx");
    wait_for(&app, "[data-testid=export-path]", |t| {
        t == path.to_string_lossy()
    })
    .await;
    screenshot(&app, &artifacts().join("72-word-exported.png")).await;

    let document = part(&path, "word/document.xml");
    assert!(document.contains("Conclusions and next steps"));
    assert!(document.contains("Stage 1 is realistic in "));
    assert!(document.contains("<w:i />"), "italic is kept");
    let styles = part(&path, "word/styles.xml");
    assert!(styles.contains("C0187A"), "the template's heading colour");
    assert!(
        styles.contains("Courier New"),
        "the template's heading font"
    );
    // The kept copy of the template is in the data folder.
    assert!(data.path().join("report-template.docx").is_file());

    click_dialog_button(&app, "Close").await;
    app.quit().await.expect("quit");
}
