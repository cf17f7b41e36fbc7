/// The app's own commands, listed so that tauri-build generates a permission
/// for each: the capability file must allow a command for the UI to call it.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_assessments",
    "list_clients",
    "create_assessment",
    "rename_assessment",
    "update_assessment",
    "set_assessment_status",
    "delete_assessment",
    "get_catalogue",
    "get_workspace",
    "edit_response",
    "set_document",
    "set_practice",
    "list_findings",
    "create_finding",
    "update_finding",
    "delete_finding",
    "restore_finding",
    "list_kpis",
    "create_kpi",
    "update_kpi",
    "delete_kpi",
    "kpi_suggestions",
    "adopt_kpi",
    "get_dashboard",
    "start_follow_up",
    "get_progress",
    "recovery_info",
    "list_snapshots",
    "take_snapshot",
    "restore_snapshot",
    "start_fresh",
    "export_report",
    "choose_logo",
    "open_report",
    "export_assessment",
    "import_assessment",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
