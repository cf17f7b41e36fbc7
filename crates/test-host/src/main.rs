//! The desktop app's commands without the desktop, for the UI's component
//! tests (vitest): one JSON request per line on stdin, one JSON answer per
//! line on stdout. The UI under test calls the same commands, with the same
//! argument names, as it does in the app, and gets what the real rules
//! compute: the test double in `ui/src/testing` keeps no domain logic.
//!
//! Request: `{"id": 1, "cmd": "edit_response", "args": {"id": "…", "clauseId": "4.1", "edit": {…}}}`
//! Answer: `{"id": 1, "ok": …}` or `{"id": 1, "err": {"code": …, "message": …, "field": …}}`.
//!
//! Besides the app's commands: `reset` starts over on an empty database in
//! a new temporary folder (`{"demo": true}` seeds the demo assessment);
//! `export_file`, `import_file` and `check_report_options` do what the
//! dialog commands do around their native dialog; `damage_database`
//! overwrites the database file, for the recovery screen.
//! Commands that open a native dialog are not served; the test double
//! stands in for the dialog.

use std::io::{BufRead, Write};

use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Request {
    id: u64,
    cmd: String,
    #[serde(default)]
    args: Value,
}

fn main() {
    let mut host = clausewise_test_host::Host::new(false);
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Request>(&line) {
            Ok(req) => match host.call(&req.cmd, &req.args) {
                Ok(value) => json!({ "id": req.id, "ok": value }),
                Err(err) => json!({ "id": req.id, "err": err }),
            },
            Err(e) => {
                json!({ "id": null, "err": { "code": "internal", "message": e.to_string(), "field": null } })
            }
        };
        if writeln!(out, "{answer}")
            .and_then(|()| out.flush())
            .is_err()
        {
            break;
        }
    }
}
