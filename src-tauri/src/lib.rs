//! The desktop shell: holds the store, exposes one-line command adapters
//! onto it, and maps every error to `{code, message}` for the UI.

mod commands;
mod engagement;
mod report;
mod transfer;

/// The database as the app holds it (see [`clausewise_api::session`]).
pub use clausewise_api::session::Session as AppState;

pub fn run() {
    let result = tauri::Builder::default()
        .setup(|app| {
            use tauri::Manager;
            app.manage(AppState::open_default());
            app.manage(report::Exported::default());
            app.manage(transfer::Picked::default());
            Ok(())
        })
        // Used from Rust only: the UI has no permission for the plugins' own
        // commands (see capabilities/default.json).
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_assessments,
            commands::list_clients,
            commands::create_assessment,
            commands::rename_assessment,
            commands::update_assessment,
            commands::set_assessment_status,
            commands::delete_assessment,
            commands::get_catalogue,
            commands::get_workspace,
            commands::edit_response,
            commands::set_document,
            commands::set_practice,
            commands::get_narrative,
            commands::report_lang,
            commands::save_narrative,
            commands::list_findings,
            commands::create_finding,
            commands::update_finding,
            commands::delete_finding,
            commands::restore_finding,
            commands::list_kpis,
            commands::create_kpi,
            commands::update_kpi,
            commands::delete_kpi,
            commands::kpi_suggestions,
            commands::adopt_kpi,
            commands::get_dashboard,
            commands::start_follow_up,
            commands::get_progress,
            commands::recovery_info,
            commands::list_snapshots,
            commands::take_snapshot,
            commands::restore_snapshot,
            commands::start_fresh,
            commands::get_history,
            commands::get_history_authors,
            commands::get_undo_state,
            commands::undo_change,
            commands::redo_change,
            commands::get_author,
            commands::set_author,
            report::export_report,
            report::choose_logo,
            report::choose_template,
            report::open_report,
            transfer::export_assessment,
            transfer::import_assessment,
            transfer::preview_merge,
            transfer::merge_assessment,
            engagement::get_engagement,
            engagement::save_scope_item,
            engagement::delete_scope_item,
            engagement::save_person,
            engagement::delete_person,
            engagement::save_interview,
            engagement::delete_interview,
            engagement::add_evidence,
            engagement::update_evidence,
            engagement::delete_evidence,
            engagement::detach_file,
            engagement::raise_sample_finding,
            engagement::set_document_check,
            engagement::set_finding_scope,
            engagement::attach_files,
            engagement::open_attachment,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("Clausewise could not start: {err}");
        std::process::exit(1);
    }
}
