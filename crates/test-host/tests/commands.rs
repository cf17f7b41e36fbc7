//! Every command the UI calls exists, by the same name and with the same
//! argument names, everywhere it has to: the shell's command functions, the
//! handler list, the permissions build.rs generates, the window's
//! capability, the UI's backend and this test host. A rename in one place
//! and not in another fails here instead of at run time.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `#[tauri::command]` functions of the shell: name → argument names as the
/// UI passes them (camelCase), without what Tauri injects.
fn shell_commands() -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for file in ["commands.rs", "report.rs", "transfer.rs", "engagement.rs"] {
        let text = read(&format!("src-tauri/src/{file}"));
        for chunk in text.split("#[tauri::command]").skip(1) {
            let sig = &chunk[chunk.find("fn ").expect("fn") + 3..];
            let name: String = sig
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let open = sig.find('(').expect("(");
            let close = sig.find(") ->").or_else(|| sig.find(") {")).expect(")");
            let params = &sig[open + 1..close];
            let mut args = BTreeSet::new();
            let mut depth = 0;
            let mut current = String::new();
            for c in params.chars().chain(std::iter::once(',')) {
                match c {
                    '<' | '(' => depth += 1,
                    '>' | ')' => depth -= 1,
                    ',' if depth == 0 => {
                        let param = current.trim().to_owned();
                        current.clear();
                        if let Some((name, ty)) = param.split_once(':') {
                            let injected = ty.contains("State<") || ty.contains("AppHandle<");
                            if !injected {
                                args.insert(camel(name.trim()));
                            }
                        }
                        continue;
                    }
                    _ => {}
                }
                current.push(c);
            }
            found.insert(name, args);
        }
    }
    found
}

fn handler_list() -> BTreeSet<String> {
    let text = read("src-tauri/src/lib.rs");
    let list = &text[text.find("generate_handler![").expect("handler list")..];
    let list = &list[..list.find(']').expect("end of list")];
    list.split(',')
        .filter_map(|entry| entry.trim().rsplit("::").next())
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.contains('['))
        .map(str::to_owned)
        .collect()
}

fn permissions() -> BTreeSet<String> {
    let text = read("src-tauri/build.rs");
    let list = &text[text.find("COMMANDS").expect("COMMANDS")..];
    let list = &list[list.find("= &[").expect("= &[") + 4..list.find("];").expect("];")];
    list.split(',')
        .map(|s| s.trim().trim_matches('"').to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn capability() -> BTreeSet<String> {
    let json: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/default.json")).expect("JSON");
    json["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

/// `call('name', { a, b: c })` in the UI's backend: name → argument keys.
fn ui_calls() -> BTreeMap<String, BTreeSet<String>> {
    let text = read("ui/src/lib/backend.ts");
    let mut found = BTreeMap::new();
    for chunk in text.split("call('").skip(1) {
        let name: String = chunk.chars().take_while(|c| *c != '\'').collect();
        let rest = &chunk[name.len() + 1..];
        let mut args = BTreeSet::new();
        if let Some(body) = rest.trim_start().strip_prefix(", {") {
            let body = &body[..body.find('}').expect("}")];
            for key in body.split(',') {
                let key = key.split(':').next().unwrap_or_default().trim();
                if !key.is_empty() {
                    args.insert(key.to_owned());
                }
            }
        }
        found.insert(name, args);
    }
    found
}

#[test]
fn every_command_has_one_name_and_the_same_arguments_everywhere() {
    let shell = shell_commands();
    let names: BTreeSet<String> = shell.keys().cloned().collect();
    assert!(names.len() > 30, "{names:?}");
    assert_eq!(
        handler_list(),
        names,
        "generate_handler! in src-tauri/src/lib.rs"
    );
    assert_eq!(permissions(), names, "COMMANDS in src-tauri/build.rs");
    let granted: BTreeSet<String> = capability()
        .into_iter()
        .filter(|p| !p.starts_with("core:"))
        .collect();
    assert_eq!(granted, names, "src-tauri/capabilities/default.json");

    let ui = ui_calls();
    assert_eq!(
        ui.keys().cloned().collect::<BTreeSet<_>>(),
        names,
        "the commands ui/src/lib/backend.ts calls"
    );
    for (name, args) in &ui {
        assert_eq!(
            args, &shell[name],
            "arguments of {name}: the UI sends {args:?}, the shell takes {:?}",
            shell[name]
        );
    }

    let host: BTreeSet<String> = clausewise_test_host::SERVED
        .iter()
        .chain(clausewise_test_host::DIALOGS)
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(
        host, names,
        "the commands the test host serves or stands in for"
    );
}

#[test]
fn the_host_answers_with_what_the_rules_compute() {
    use serde_json::json;
    let mut host = clausewise_test_host::Host::new(false);
    let a = host
        .call(
            "create_assessment",
            &json!({ "input": { "client_name": "Acme", "title": "Review", "scope": "", "assessors": "",
                "target_level": 3, "starts_on": null, "ends_on": null } }),
        )
        .expect("created");
    let id = a["id"].clone();
    let saved = host
        .call(
            "edit_response",
            &json!({ "id": id, "clauseId": "4.1", "edit": { "field": "rating", "value": { "kind": "level", "level": 2 } } }),
        )
        .expect("saved");
    assert_eq!(saved["scorecard"]["assessed"], 1);
    let err = host
        .call(
            "edit_response",
            &json!({ "id": id, "clauseId": "4.1", "edit": { "field": "interviewees", "value": "x".repeat(2001) } }),
        )
        .unwrap_err();
    assert_eq!(err.code, clausewise_core::ErrorCode::Validation);
    assert_eq!(err.field, Some(clausewise_core::Field::Interviewees));
    host.call("reset", &json!({ "demo": true })).expect("reset");
    let list = host.call("list_assessments", &json!({})).expect("list");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let err = host.call("export_report", &json!({})).unwrap_err();
    assert!(err.message.contains("does not serve"), "{}", err.message);
}
