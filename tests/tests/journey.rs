//! End to end: the real Clausewise binary in a real webview (WebKitGTK),
//! driven through WebDriver by `tauri-driver` + `WebKitWebDriver`, the way a
//! consultant would use it: controls are found by their visible text or
//! label.
//!
//! Needs an X display (run under `xvfb-run`), `tauri-driver` and
//! `WebKitWebDriver` on PATH, and the app built (`cargo build -p clausewise`);
//! `CLAUSEWISE_APP` may point at another binary. `.ci/test` arranges all of it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use thirtyfour::prelude::*;

const PATIENCE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("CLAUSEWISE_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let path = target.join("debug/clausewise");
    assert!(
        path.exists(),
        "{} is missing: run `cargo build -p clausewise` first",
        path.display()
    );
    path.canonicalize().expect("app path")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// A running `tauri-driver`, stopped with SIGTERM on drop: SIGKILL would
/// leave its WebKitWebDriver child holding the port.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(data_dir: &Path) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let child = Command::new("tauri-driver")
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            // Reaches the app: its data folder for this test only.
            .env("CLAUSEWISE_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + PATIENCE;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen");
            std::thread::sleep(POLL);
        }
        Driver { child, port }
    }

    async fn launch_app(&self) -> WebDriver {
        let mut caps = Capabilities::new();
        caps.set(
            "tauri:options",
            json!({ "application": app_binary().to_string_lossy() }),
        )
        .expect("capabilities");
        WebDriver::new(format!("http://127.0.0.1:{}", self.port), caps)
            .await
            .expect("start a session with the app")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(POLL);
        }
        let _ = self.child.kill();
    }
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    }
}

/// A button by its accessible name: its aria-label if it has one, else its
/// visible text (a trailing shortcut hint such as "N" is allowed).
async fn button(driver: &WebDriver, name: &str) -> WebElement {
    let lit = xpath_literal(name);
    driver
        .query(By::XPath(format!(
            "//button[@aria-label={lit} or (not(@aria-label) and \
             (normalize-space(.)={lit} or starts-with(normalize-space(.), concat({lit}, ' '))))]"
        )))
        .wait(PATIENCE, POLL)
        .first()
        .await
        .unwrap_or_else(|e| panic!("no button {name:?}: {e}"))
}

/// An input by the text of its label, as a person finds it.
async fn field(driver: &WebDriver, label: &str) -> WebElement {
    let label_el = driver
        .query(By::XPath(format!(
            "//label[normalize-space(.)={}]",
            xpath_literal(label)
        )))
        .wait(PATIENCE, POLL)
        .first()
        .await
        .unwrap_or_else(|e| panic!("no label {label:?}: {e}"));
    let id = label_el
        .attr("for")
        .await
        .expect("label attribute")
        .expect("label is tied to its input");
    driver.find(By::Id(id)).await.expect("labelled input")
}

async fn wait_for_text(driver: &WebDriver, text: &str) -> WebElement {
    driver
        .query(By::XPath(format!(
            "//*[normalize-space(text())={}]",
            xpath_literal(text)
        )))
        .wait(PATIENCE, POLL)
        .first()
        .await
        .unwrap_or_else(|e| panic!("{text:?} never appeared: {e}"))
}

/// The assessment titles in list order, read in one go so a re-render in
/// between cannot tear the result.
async fn row_titles(driver: &WebDriver) -> Vec<String> {
    let ret = driver
        .execute(
            "return Array.from(document.querySelectorAll('tbody td.title'), td => td.textContent.trim());",
            Vec::new(),
        )
        .await
        .expect("read rows");
    ret.convert().expect("list of titles")
}

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn first_start_create_restart_rename_delete() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());

    // First start: the demo assessment is there without any typing.
    let started = Instant::now();
    let app = driver.launch_app().await;
    wait_for_text(&app, "Nordwind Logistik GmbH").await;
    println!(
        "launch to assessment list visible: {} ms",
        started.elapsed().as_millis()
    );
    wait_for_text(&app, "ISO/IEC 20000-1 readiness assessment").await;
    app.screenshot(&artifacts().join("01-first-start.png"))
        .await
        .expect("screenshot");

    // Create an assessment through the dialog, for a client written in Greek.
    button(&app, "New assessment")
        .await
        .click()
        .await
        .expect("open dialog");
    button(&app, "Create assessment")
        .await
        .click()
        .await
        .expect("submit empty");
    wait_for_text(&app, "Client name is required.").await;
    wait_for_text(&app, "Assessment title is required.").await;
    field(&app, "Client")
        .await
        .send_keys("Ελληνική Εταιρεία Ενέργειας")
        .await
        .expect("type");
    field(&app, "Assessment title")
        .await
        .send_keys("Stage 1 readiness review")
        .await
        .expect("type");
    field(&app, "Scope")
        .await
        .send_keys("Service desk and hosting, Αθήνα data centre")
        .await
        .expect("type");
    // Fixing a field clears its message.
    assert!(app
        .find_all(By::XPath(
            "//*[normalize-space(text())='Client name is required.']"
        ))
        .await
        .expect("query")
        .is_empty());
    app.screenshot(&artifacts().join("02-new-assessment.png"))
        .await
        .expect("screenshot");
    button(&app, "Create assessment")
        .await
        .click()
        .await
        .expect("create");
    wait_for_text(&app, "Stage 1 readiness review").await;
    wait_for_text(&app, "Ελληνική Εταιρεία Ενέργειας").await;
    app.quit().await.expect("close the app");

    // Restart: both assessments are still there, newest first.
    let started = Instant::now();
    let app = driver.launch_app().await;
    wait_for_text(&app, "Stage 1 readiness review").await;
    println!(
        "restart to assessment list visible: {} ms",
        started.elapsed().as_millis()
    );
    assert_eq!(
        row_titles(&app).await,
        [
            "Stage 1 readiness review",
            "ISO/IEC 20000-1 readiness assessment"
        ]
    );

    // Rename, then delete with confirmation.
    button(&app, "Rename Stage 1 readiness review")
        .await
        .click()
        .await
        .expect("rename");
    let title = field(&app, "Assessment title").await;
    title.clear().await.expect("clear");
    title
        .send_keys("Stage 1 readiness review (final)")
        .await
        .expect("type");
    button(&app, "Rename").await.click().await.expect("save");
    wait_for_text(&app, "Stage 1 readiness review (final)").await;

    button(&app, "Delete ISO/IEC 20000-1 readiness assessment")
        .await
        .click()
        .await
        .expect("delete");
    wait_for_text(&app, "Delete assessment?").await;
    button(&app, "Delete assessment")
        .await
        .click()
        .await
        .expect("confirm");
    let deadline = Instant::now() + PATIENCE;
    while row_titles(&app).await.len() != 1 {
        assert!(Instant::now() < deadline, "deleted row stayed");
        tokio::time::sleep(POLL).await;
    }
    app.screenshot(&artifacts().join("03-after-rename-delete.png"))
        .await
        .expect("screenshot");
    app.quit().await.expect("close the app");

    // And the file on disk agrees.
    let store = clausewise_store::Store::open(
        &data.path().join(clausewise_store::DATABASE_FILE_NAME),
        clausewise_store::OpenMode::MustExist,
    )
    .expect("database");
    let list = store.list_assessments().expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Stage 1 readiness review (final)");
    let stored = store.get_assessment(list[0].id).expect("assessment");
    assert_eq!(stored.scope, "Service desk and hosting, Αθήνα data centre");
}
