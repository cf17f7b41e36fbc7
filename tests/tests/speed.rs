//! How quick the app feels, measured in the real app and printed (never
//! asserted: a busy machine is slower, not wrong). Run against the release
//! build for the figures that count:
//!
//! ```text
//! CLAUSEWISE_APP=target/release/clausewise xvfb-run -a -s "-screen 0 1440x900x24" \
//!   cargo test -p clausewise-e2e --test speed -- --nocapture
//! ```
//!
//! - launch: from the app process's start to the assessment list painted;
//! - opening the demo workspace: from the click on its link to the first
//!   requirement painted, nothing left loading;
//! - switching tabs: from the click on a tab to its view painted, nothing
//!   left loading (the first visit and a later one);
//! - memory: the proportional set size of the app and its WebKit processes
//!   with the demo open.
//!
//! Times are read inside the page (`performance.now()`, then two animation
//! frames so the content is on screen), not through WebDriver's polling.

use std::path::Path;
use std::time::Duration;

use clausewise_e2e::*;
use thirtyfour::prelude::*;

/// Clicks the element `arguments[0]` and resolves, once every selector in
/// `arguments[1]` matches, nothing says it is still loading and two frames
/// have been painted, with the milliseconds since the click. (The page's
/// content security policy refuses code made from strings, so the condition
/// is given as selectors.)
const CLICK_UNTIL: &str = r#"
const [target, selectors, done] = arguments;
const ready = () =>
  selectors.every((s) => document.querySelector(s)) && !document.querySelector('[aria-busy=true]');
const started = performance.now();
target.click();
const paint = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
const look = () => (ready() ? paint() : requestAnimationFrame(look));
look();
"#;

async fn click_until(app: &WebDriver, target: &WebElement, ready: &[&str]) -> f64 {
    let ret = app
        .execute_async(
            CLICK_UNTIL,
            vec![
                target.to_json().expect("element"),
                serde_json::Value::from(ready.to_vec()),
            ],
        )
        .await
        .expect("timed click");
    ret.convert::<f64>().expect("milliseconds")
}

/// The app's process: the one running the app binary among those the
/// driver started (an app left by another test is not this one).
fn app_process(driver: u32, binary: &Path) -> u32 {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let found = descendants(driver).into_iter().find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == binary)
        });
        if let Some(pid) = found {
            return pid;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the app process never appeared"
        );
        std::thread::sleep(POLL);
    }
}

fn processes() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}

fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name in parentheses may hold spaces: split after it.
    let rest = &stat[stat.rfind(')')? + 2..];
    Some(rest.split(' ').map(str::to_owned).collect())
}

/// When the process started, as milliseconds since the epoch (to the
/// kernel's clock tick, 10 ms).
fn started_at_ms(pid: u32) -> f64 {
    let ticks: f64 = stat_fields(pid).expect("stat")[19]
        .parse()
        .expect("starttime");
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .expect("/proc/stat")
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .expect("btime")
        .trim()
        .parse()
        .expect("boot time");
    let tick = 100.0; // USER_HZ on Linux
    (boot + ticks / tick) * 1000.0
}

/// A process and all it started, itself first.
fn descendants(root: u32) -> Vec<u32> {
    let all = processes();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        for &pid in &all {
            let ppid = stat_fields(pid).and_then(|f| f[1].parse::<u32>().ok());
            if ppid == Some(parent) && !tree.contains(&pid) {
                tree.push(pid);
            }
        }
        i += 1;
    }
    tree
}

/// The app's process and all it started (WebKit's web and network
/// processes), with their proportional set sizes in KiB.
fn memory_tree(root: u32) -> Vec<(String, u64)> {
    descendants(root)
        .into_iter()
        .filter_map(|pid| {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
            let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
            let pss = rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))?
                .trim()
                .trim_end_matches(" kB")
                .parse()
                .ok()?;
            Some((name.trim().to_owned(), pss))
        })
        .collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::test(flavor = "multi_thread")]
async fn how_quick_the_app_is() {
    let data = tempfile::tempdir().expect("temp data folder");
    let driver = Driver::start(data.path());
    let binary = app_binary();
    println!("speed probe of {}", binary.display());

    // Launch: the first start (it seeds the demo) and a restart.
    for start in ["first start", "restart"] {
        let app = driver.launch_app().await;
        let pid = app_process(driver.pid(), &binary.canonicalize().expect("app path"));
        let painted: f64 = app
            .execute_async(
                r#"const done = arguments[0];
                   const look = () => document.querySelector('tbody td.title > a')
                     ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.timeOrigin + performance.now())))
                     : requestAnimationFrame(look);
                   look();"#,
                Vec::new(),
            )
            .await
            .expect("list painted")
            .convert()
            .expect("epoch milliseconds");
        println!(
            "launch to assessment list painted ({start}): {:.0} ms",
            painted - started_at_ms(pid)
        );
        if start == "restart" {
            measure_workspace(&app, pid).await;
        }
        app.quit().await.expect("close the app");
        // The next session's app must be a new process.
        let deadline = std::time::Instant::now() + PATIENCE;
        // (A zombie, not yet reaped by its parent, has closed.)
        while stat_fields(pid).is_some_and(|f| f[0] != "Z") {
            assert!(
                std::time::Instant::now() < deadline,
                "the app did not close"
            );
            tokio::time::sleep(POLL).await;
        }
    }
}

async fn measure_workspace(app: &WebDriver, pid: u32) {
    let first_requirement = ["#clause-heading"];
    let mut opens = Vec::new();
    for _ in 0..5 {
        let demo = link(app, DEMO).await;
        opens.push(click_until(app, &demo, &first_requirement).await);
        let back = app
            .find(By::Css("a.nav-link[href='#/']"))
            .await
            .expect("the Assessments link");
        click_until(app, &back, &["tbody td.title > a"]).await;
    }
    println!(
        "open the demo workspace: first {:.0} ms, median of {} {:.0} ms",
        opens[0],
        opens.len(),
        median(opens.clone())
    );

    open_demo(app).await;
    let tabs: Vec<String> = app
        .execute(
            "return Array.from(document.querySelectorAll('nav.tabs a.tab'), a => a.getAttribute('href'));",
            Vec::new(),
        )
        .await
        .expect("tabs")
        .convert()
        .expect("hrefs");
    assert!(tabs.len() >= 10, "the tabs: {tabs:?}");
    // Every tab, then every tab again (now that each has been shown once).
    let mut first = Vec::new();
    let mut again = Vec::new();
    for round in 0..2 {
        for href in tabs.iter().skip(1).chain(tabs.iter().take(1)) {
            let tab = app
                .find(By::Css(format!("nav.tabs a.tab[href='{href}']")))
                .await
                .expect("tab");
            // The tab is current and the view after the tab bar has content.
            let current = format!("nav.tabs a.tab[href='{href}'][aria-current=page]");
            let ms = click_until(app, &tab, &[&current, "nav.tabs + * > *"]).await;
            if round == 0 {
                // The tab's label without its count ("Findings 32").
                let label = tab.text().await.expect("tab label");
                let name =
                    label.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
                first.push((name.to_owned(), ms));
            } else {
                again.push(ms);
            }
        }
    }
    let listed: Vec<String> = first
        .iter()
        .map(|(name, ms)| format!("{name} {ms:.0}"))
        .collect();
    println!("switch tabs, first visit (ms): {}", listed.join(", "));
    println!(
        "switch tabs: slowest first visit {:.0} ms, median again {:.0} ms, slowest again {:.0} ms",
        first.iter().map(|(_, ms)| *ms).fold(0.0, f64::max),
        median(again.clone()),
        again.iter().copied().fold(0.0, f64::max)
    );

    // Memory with the demo open, once the page is idle.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let tree = memory_tree(pid);
    let total: u64 = tree.iter().map(|(_, kib)| kib).sum();
    let parts: Vec<String> = tree
        .iter()
        .map(|(name, kib)| format!("{name} {:.0} MiB", *kib as f64 / 1024.0))
        .collect();
    println!(
        "memory with the demo open (PSS): {:.0} MiB ({})",
        total as f64 / 1024.0,
        parts.join(", ")
    );
    assert!(tree.len() >= 2, "the app and its web process: {tree:?}");
}
