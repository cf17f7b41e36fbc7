// No console window alongside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    paint_without_compositing();
    clausewise_app::run();
}

/// WebKitGTK paints the app's pages itself, on the processor, instead of
/// compositing them through OpenGL. The app's views are text, tables and a
/// few charts; composited, every view switch waited for the GL compositor
/// (software GL where there is no usable graphics driver), and the first
/// view needing it waited for its start-up: measured by the speed probe
/// (tests/tests/speed.rs), tab switches took twice as long, opening the
/// first assessment almost three times, and the web process held 270 MiB
/// more. A value the user set for `WEBKIT_DISABLE_COMPOSITING_MODE` is left
/// as it is.
fn paint_without_compositing() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux") && std::env::var_os(VAR).is_none() {
        // Before any other thread exists: nothing reads the environment
        // while it changes.
        std::env::set_var(VAR, "1");
    }
}
