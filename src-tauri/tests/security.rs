//! The desktop shell's security configuration: a strict content security
//! policy and capabilities that grant the window the app's own commands and,
//! of Tauri's core, only zooming its own web view (no file system, shell,
//! HTTP or other plugin permissions).

use std::collections::BTreeSet;

/// Core permissions the UI uses beyond its own commands: zooming the web
/// view (Ctrl+= / Ctrl+-) for a projector.
const CORE_PERMISSIONS: &[&str] = &[
    "core:webview:allow-set-webview-zoom",
    // Files dropped on the window arrive as events (attached as evidence).
    "core:event:allow-listen",
    "core:event:allow-unlisten",
];

fn read_json(path: &str) -> serde_json::Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).expect("config file");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn the_content_security_policy_is_strict() {
    let conf = read_json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("CSP as directives");
    let directive = |name: &str| csp.get(name).and_then(|v| v.as_str()).unwrap_or_default();
    assert_eq!(directive("default-src"), "'self'");
    assert_eq!(directive("script-src"), "'self'");
    assert_eq!(directive("style-src"), "'self'");
    assert_eq!(directive("object-src"), "'none'");
    assert_eq!(directive("frame-ancestors"), "'none'");
    for (name, value) in csp {
        let value = value.as_str().unwrap_or_default();
        for banned in ["'unsafe-eval'", "'unsafe-inline'", "http:", "https:", "*"] {
            assert!(
                !value.split_whitespace().any(|s| s == banned),
                "{name} allows {banned}"
            );
        }
        // Only the app itself and Tauri's IPC channel: no remote origins.
        for source in value.split_whitespace() {
            let allowed = source.starts_with('\'')
                || source == "data:"
                || source == "ipc:"
                || source == "http://ipc.localhost";
            assert!(allowed, "{name} allows {source}");
        }
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

#[test]
fn the_window_may_call_only_the_apps_own_commands_and_zoom() {
    let capability = read_json("capabilities/default.json");
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_owned())
        .collect();
    let build =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
            .expect("build.rs");
    let commands: BTreeSet<String> = build
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix('"')
                .and_then(|l| l.strip_suffix("\","))
        })
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert!(
        commands.len() >= 20,
        "commands listed in build.rs: {commands:?}"
    );
    let mut expected = commands;
    expected.extend(CORE_PERMISSIONS.iter().map(|p| (*p).to_owned()));
    assert_eq!(
        granted, expected,
        "capability permissions = app commands + web view zoom + drop events"
    );
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
}
