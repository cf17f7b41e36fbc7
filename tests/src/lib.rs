//! Helpers for driving the real Clausewise app through WebDriver
//! (`tauri-driver` + `WebKitWebDriver`) the way a consultant uses it:
//! controls are found by their accessible name, label or visible text.
//!
//! Needs an X display (run under `xvfb-run`), `tauri-driver` and
//! `WebKitWebDriver` on PATH, and the app built (`cargo build -p clausewise`);
//! `CLAUSEWISE_APP` may point at another binary (a relative path is taken
//! from the workspace root). `.ci/test` arranges all of it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::json;
use thirtyfour::prelude::*;

mod screen;
pub use screen::screenshot;

pub const PATIENCE: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(50);

/// Where the app saves an exported report during a test: the native save
/// dialog cannot be driven through WebDriver, so the app is told the path.
pub fn exported_report(data_dir: &Path) -> PathBuf {
    data_dir.join("Exported gap report.pdf")
}

pub fn app_binary() -> PathBuf {
    // A relative CLAUSEWISE_APP is taken from the workspace's root, where
    // `cargo test` is run (the tests themselves run in their crate's folder).
    if let Some(path) = std::env::var_os("CLAUSEWISE_APP") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
        assert!(
            path.exists(),
            "CLAUSEWISE_APP: {} is missing",
            path.display()
        );
        return path.canonicalize().expect("app path");
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

/// Held by the one [`Driver`] of this process that is running.
static ONE_APP: Mutex<()> = Mutex::new(());

/// A running `tauri-driver`, stopped with SIGTERM on drop: SIGKILL would
/// leave its WebKitWebDriver child holding the port.
///
/// One runs at a time in a test binary: the tests of a binary may run on
/// several threads, and an app under test must not share the display and
/// the machine's cores with another (the speed probe's figures, and every
/// test's patience, assume it has them). A test that starts a second driver
/// drops its first one before.
pub struct Driver {
    child: Child,
    port: u16,
    // Released after `drop` has stopped the driver and its app.
    _one_app: MutexGuard<'static, ()>,
}

impl Driver {
    /// The process id of this `tauri-driver`: the apps it launches are its
    /// descendants (through WebKitWebDriver).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn start(data_dir: &Path) -> Driver {
        Driver::start_with(data_dir, &[])
    }

    /// As [`Driver::start`], with more variables for the app (stand-ins for
    /// dialogs a test cannot click).
    pub fn start_with(data_dir: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Driver {
        // A test that failed while it ran the app leaves the lock poisoned;
        // its app is stopped all the same, so the next test may go on.
        let one_app = ONE_APP
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let port = free_port();
        let native_port = free_port();
        let child = Command::new("tauri-driver")
            // A consultant who gave a name: the first start asks for none
            // (a test may give another, or none).
            .env("CLAUSEWISE_AUTHOR", "Erin Example")
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            // Reaches the app: its data folder for this test only.
            .env("CLAUSEWISE_DATA_DIR", data_dir)
            // The web view's own storage (localStorage: remembered report
            // options) for this test only too, so no run sees what an
            // earlier run typed.
            .env("XDG_DATA_HOME", data_dir.join("webview-data"))
            .env("XDG_CONFIG_HOME", data_dir.join("webview-config"))
            .env("XDG_CACHE_HOME", data_dir.join("webview-cache"))
            // Stands in for the native save dialog (see `exported_report`).
            .env("CLAUSEWISE_SAVE_AS", exported_report(data_dir))
            // Stands in for the native open dialog when importing.
            .env(
                "CLAUSEWISE_OPEN",
                exported_report(data_dir).with_extension("clausewise"),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + PATIENCE;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen");
            std::thread::sleep(POLL);
        }
        Driver {
            child,
            port,
            _one_app: one_app,
        }
    }

    pub async fn launch_app(&self) -> WebDriver {
        let mut caps = Capabilities::new();
        caps.set(
            "tauri:options",
            json!({ "application": app_binary().to_string_lossy() }),
        )
        .expect("capabilities");
        // tauri-driver accepts connections a moment before its
        // WebKitWebDriver is ready (longer on a busy machine, or while the
        // previous session's driver shuts down after a restart); a refused
        // session is retried until the patience runs out.
        let deadline = Instant::now() + PATIENCE;
        let mut attempt = 1;
        loop {
            match WebDriver::new(format!("http://127.0.0.1:{}", self.port), caps.clone()).await {
                Ok(driver) => return driver,
                Err(e) if Instant::now() < deadline => {
                    eprintln!("session attempt {attempt} failed ({e}); retrying");
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("start a session with the app: {e}"),
            }
        }
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

/// The title of the demo assessment seeded on the first start.
pub const DEMO: &str = "ISO/IEC 20000-1 readiness assessment";

/// Opens the demo assessment from the list, at the requirement last open.
pub async fn open_demo(app: &WebDriver) {
    link(app, DEMO)
        .await
        .click()
        .await
        .expect("open the assessment");
    wait_for(app, "#clause-heading", |t| !t.is_empty()).await;
}

pub fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    }
}

/// The first element an XPath matches, waited for. WebKit's driver can answer
/// a query with an "unknown error" while the page re-renders underneath it, so
/// any failed attempt is retried until the patience runs out.
pub async fn first_match(driver: &WebDriver, xpath: String) -> Result<WebElement, String> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let last = match driver.find_all(By::XPath(xpath.clone())).await {
            Ok(found) => match found.into_iter().next() {
                Some(el) => return Ok(el),
                None => "nothing matches".to_owned(),
            },
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            return Err(last);
        }
        tokio::time::sleep(POLL).await;
    }
}

/// A button by its accessible name: its aria-label if it has one, else its
/// visible text (a trailing shortcut hint such as "N" is allowed).
pub async fn button(driver: &WebDriver, name: &str) -> WebElement {
    let lit = xpath_literal(name);
    first_match(
        driver,
        format!(
            "//button[@aria-label={lit} or (not(@aria-label) and \
             (normalize-space(.)={lit} or starts-with(normalize-space(.), concat({lit}, ' '))))]"
        ),
    )
    .await
    .unwrap_or_else(|e| panic!("no button {name:?}: {e}"))
}

/// An input by the text of its label, as a person finds it.
pub async fn field(driver: &WebDriver, label: &str) -> WebElement {
    let label_el = first_match(
        driver,
        format!("//label[normalize-space(.)={}]", xpath_literal(label)),
    )
    .await
    .unwrap_or_else(|e| panic!("no label {label:?}: {e}"));
    let id = label_el
        .attr("for")
        .await
        .expect("label attribute")
        .expect("label is tied to its input");
    driver.find(By::Id(id)).await.expect("labelled input")
}

pub async fn wait_for_text(driver: &WebDriver, text: &str) -> WebElement {
    first_match(
        driver,
        format!("//*[normalize-space(text())={}]", xpath_literal(text)),
    )
    .await
    .unwrap_or_else(|e| panic!("{text:?} never appeared: {e}"))
}

/// The assessment titles in list order, read in one go so a re-render in
/// between cannot tear the result.
pub async fn row_titles(driver: &WebDriver) -> Vec<String> {
    let ret = driver
        .execute(
            "return Array.from(document.querySelectorAll('tbody td.title > a'), td => td.textContent.trim());",
            Vec::new(),
        )
        .await
        .expect("read rows");
    ret.convert().expect("list of titles")
}

pub fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

/// Types keys into whatever has focus, as a person at the keyboard does.
pub async fn press(driver: &WebDriver, keys: &str) {
    driver
        .action_chain()
        .send_keys(keys)
        .perform()
        .await
        .expect("send keys");
}

/// Text of the first element matching a CSS selector, read in one go.
async fn try_text_of(driver: &WebDriver, css: &str) -> Option<String> {
    let ret = driver
        .execute(
            "const el = document.querySelector(arguments[0]); return el ? el.textContent.trim() : null;",
            vec![serde_json::Value::String(css.to_owned())],
        )
        .await;
    // A script can fail while the page re-renders; a poll treats that as
    // "not there yet" and looks again.
    ret.ok()?.convert::<Option<String>>().expect("text")
}

/// Text of the first element matching a CSS selector, which must exist.
pub async fn text_of(driver: &WebDriver, css: &str) -> String {
    try_text_of(driver, css)
        .await
        .unwrap_or_else(|| panic!("nothing matches {css}"))
}

/// Waits until `css` exists and its text satisfies `ok`, and returns it.
pub async fn wait_for(driver: &WebDriver, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let text = try_text_of(driver, css).await;
        if let Some(text) = text.as_deref().filter(|t| ok(t)) {
            return text.to_owned();
        }
        assert!(Instant::now() < deadline, "{css} stayed {text:?}");
        tokio::time::sleep(POLL).await;
    }
}

/// A button inside the open dialog, by its accessible name.
pub async fn dialog_button(driver: &WebDriver, name: &str) -> WebElement {
    let lit = xpath_literal(name);
    first_match(
        driver,
        format!(
            "//*[@role='dialog']//button[@aria-label={lit} or (not(@aria-label) and \
             (normalize-space(.)={lit} or starts-with(normalize-space(.), concat({lit}, ' '))))]"
        ),
    )
    .await
    .unwrap_or_else(|e| panic!("no button {name:?} in the dialog: {e}"))
}

/// Chooses an option of a select found by its label, by the option's text.
pub async fn choose(driver: &WebDriver, label: &str, option: &str) {
    let select = field(driver, label).await;
    select
        .find(By::XPath(format!(
            "./option[normalize-space(.)={}]",
            xpath_literal(option)
        )))
        .await
        .unwrap_or_else(|e| panic!("no option {option:?} in {label:?}: {e}"))
        .click()
        .await
        .expect("choose option");
}

/// A link by its visible text (a trailing count such as "Findings 3" is allowed).
pub async fn link(driver: &WebDriver, text: &str) -> WebElement {
    let lit = xpath_literal(text);
    first_match(
        driver,
        format!("//a[normalize-space(.)={lit} or starts-with(normalize-space(.), {lit})]"),
    )
    .await
    .unwrap_or_else(|e| panic!("no link {text:?}: {e}"))
}

/// Clicks a button found by its accessible name.
pub async fn click_button(driver: &WebDriver, name: &str) {
    button(driver, name)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {name:?}: {e}"));
}

/// What the open dialog shows and where the focus is, for a failure message.
async fn describe_dialog(app: &WebDriver) -> String {
    app.execute(
        r#"const d = document.querySelector('[role=dialog]');
           const a = document.activeElement;
           const focus = a ? `${a.tagName.toLowerCase()}#${a.id}` : 'nothing';
           return d ? `${d.innerText.slice(0, 300)} (focus on ${focus})` : 'no dialog';"#,
        Vec::new(),
    )
    .await
    .ok()
    .and_then(|r| r.convert::<String>().ok())
    .unwrap_or_else(|| "(could not read the dialog)".to_owned())
}

/// Waits until the keyboard focus is inside the open dialog, as the user
/// sees it once the dialog has appeared: keys typed then go to the dialog.
pub async fn focus_in_dialog(app: &WebDriver) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let inside = app
            .execute(
                "const d = document.querySelector('[role=dialog]'); return !!d && d.contains(document.activeElement);",
                Vec::new(),
            )
            .await
            .ok()
            .and_then(|r| r.convert::<bool>().ok());
        if inside == Some(true) {
            return;
        }
        if Instant::now() >= deadline {
            panic!(
                "the focus never went into the dialog: {}",
                describe_dialog(app).await
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Closes the open dialog with Esc, once the focus is in it, and waits
/// until it is gone (nothing was typed in it, so it must not ask).
pub async fn escape_dialog(app: &WebDriver) {
    focus_in_dialog(app).await;
    press(app, "\u{e00c}").await;
    no_dialog(app).await;
}

/// Waits until no dialog is open.
pub async fn no_dialog(app: &WebDriver) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let open = app.find_all(By::Css("[role=dialog]")).await;
        if open.is_ok_and(|o| o.is_empty()) {
            return;
        }
        if Instant::now() >= deadline {
            panic!("the dialog stayed open: {}", describe_dialog(app).await);
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Clicks a button of the open dialog found by its accessible name.
pub async fn click_dialog_button(driver: &WebDriver, name: &str) {
    dialog_button(driver, name)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {name:?}: {e}"));
}

/// Clicks a link found by its visible text.
pub async fn click_link(driver: &WebDriver, text: &str) {
    link(driver, text)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {text:?}: {e}"));
}

/// Types into the input found by its label, replacing what it held.
pub async fn type_into(driver: &WebDriver, label: &str, text: &str) {
    let input = field(driver, label).await;
    let held = input.value().await.ok().flatten().unwrap_or_default();
    if !held.is_empty() {
        input
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clear {label:?}: {e}"));
    }
    input
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into {label:?}: {e}"));
}

/// The database the app wrote in `data_dir`, opened to check what is on disk.
pub fn stored(data_dir: &Path) -> clausewise_store::Store {
    clausewise_store::Store::open(
        &data_dir.join(clausewise_store::DATABASE_FILE_NAME),
        clausewise_store::OpenMode::MustExist,
    )
    .expect("the app's database")
}

/// Internet sockets with a peer outside this machine held by the running
/// app or any process it started (WebKit's web and network processes), read
/// from /proc. Loopback peers (tauri-driver, WebKitWebDriver) are fine.
pub fn outside_connections() -> Vec<String> {
    let procs: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // pid (comm) state ppid …; comm may contain spaces.
            let (head, tail) = stat.rsplit_once(')')?;
            let comm = head.split_once('(')?.1.to_owned();
            let ppid = tail.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid, comm))
        })
        .collect();
    let mut family: Vec<u32> = procs
        .iter()
        .filter(|(_, _, comm)| comm == "clausewise")
        .map(|(pid, _, _)| *pid)
        .collect();
    assert!(!family.is_empty(), "the app is not running");
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(
            procs
                .iter()
                .filter(|(_, ppid, _)| *ppid == parent)
                .map(|(pid, _, _)| *pid),
        );
        i += 1;
    }
    let inodes: std::collections::HashSet<String> = family
        .iter()
        .filter_map(|pid| std::fs::read_dir(format!("/proc/{pid}/fd")).ok())
        .flat_map(|fds| fds.filter_map(Result::ok))
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|link| {
            let link = link.to_string_lossy().into_owned();
            link.strip_prefix("socket:[")?
                .strip_suffix(']')
                .map(str::to_owned)
        })
        .collect();
    let mut outside = Vec::new();
    for table in ["tcp", "tcp6", "udp", "udp6"] {
        let Ok(text) = std::fs::read_to_string(format!("/proc/net/{table}")) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let (Some(remote), Some(inode)) = (cols.get(2), cols.get(9)) else {
                continue;
            };
            if !inodes.contains(*inode) {
                continue;
            }
            let addr = remote.split(':').next().unwrap_or_default();
            let unconnected = addr.chars().all(|c| c == '0');
            let loopback = addr.ends_with("7F")
                && (addr.len() == 8 || addr.starts_with("0000000000000000FFFF0000"))
                || addr == "00000000000000000000000001000000";
            if !unconnected && !loopback {
                outside.push(format!("{table} {line}"));
            }
        }
    }
    outside
}

/// Resizes the window and waits until the page has the new width.
pub async fn resize(app: &WebDriver, width: u32, height: u32) {
    app.set_window_rect(0, 0, width, height)
        .await
        .expect("window size");
    let deadline = Instant::now() + PATIENCE;
    loop {
        let w: f64 = app
            .execute("return window.innerWidth;", Vec::new())
            .await
            .ok()
            .and_then(|v| v.convert().ok())
            .unwrap_or(0.0);
        if (w - f64::from(width)).abs() < 1.0 {
            return;
        }
        assert!(Instant::now() < deadline, "the window stayed {w} wide");
        tokio::time::sleep(POLL).await;
    }
}
