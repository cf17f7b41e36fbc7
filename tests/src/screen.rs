//! Screenshots of the app's window as the X server shows it, which is what
//! the user sees. WebKitWebDriver's own screenshot asks WebKit for a fresh
//! snapshot of the page. When WebKit paints without GL compositing, as the
//! app has it do (see `src-tauri/src/main.rs`), that request may never be
//! answered once the window has been resized, although the window itself
//! shows the new layout.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat};

/// Grabs at most this many times, waiting for two grabs in a row to agree.
const GRABS: usize = 20;
const BETWEEN_GRABS: Duration = Duration::from_millis(100);

/// Photographs the app's window into `path` (PNG): once the page has
/// painted two frames, and once what the screen shows has stopped changing
/// (a blinking caret may never stop: then the last grab is taken).
pub async fn screenshot(app: &WebDriver, path: &Path) {
    app.execute_async(
        "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        Vec::new(),
    )
    .await
    .expect("two painted frames before the screenshot");
    let rect = app.get_window_rect().await.expect("window rectangle");
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || {
        let shot = settled_grab(rect.x, rect.y, rect.width, rect.height);
        write_png(&shot, &path).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    })
    .await
    .expect("screenshot task");
}

struct Shot {
    width: u32,
    height: u32,
    /// RGB, row by row.
    rgb: Vec<u8>,
}

fn settled_grab(x: i64, y: i64, width: i64, height: i64) -> Shot {
    let (conn, screen_no) = x11rb::connect(None)
        .unwrap_or_else(|e| panic!("no X display for the screenshot (run under xvfb-run): {e}"));
    let screen = &conn.setup().roots[screen_no];
    // The window's part of the screen (a window manager may have moved it,
    // or a part of it may lie off screen).
    let clamp = |v: i64, max: u16| v.clamp(0, i64::from(max));
    let left = clamp(x, screen.width_in_pixels);
    let top = clamp(y, screen.height_in_pixels);
    let right = clamp(x + width, screen.width_in_pixels);
    let bottom = clamp(y + height, screen.height_in_pixels);
    assert!(
        right > left && bottom > top,
        "the window ({width}x{height} at {x},{y}) is off the {}x{} screen",
        screen.width_in_pixels,
        screen.height_in_pixels
    );
    let (w, h) = ((right - left) as u16, (bottom - top) as u16);
    let bits = conn
        .setup()
        .pixmap_formats
        .iter()
        .find(|f| f.depth == screen.root_depth)
        .map(|f| f.bits_per_pixel)
        .unwrap_or(0);
    assert!(
        bits == 32 && screen.root_depth >= 24,
        "the screen has depth {} at {bits} bits a pixel; screenshots need 24 or 32 at 32 (xvfb-run -s \"-screen 0 WxHx24\")",
        screen.root_depth
    );
    let little_endian =
        conn.setup().image_byte_order == x11rb::protocol::xproto::ImageOrder::LSB_FIRST;
    let grab = || {
        conn.get_image(
            ImageFormat::Z_PIXMAP,
            screen.root,
            left as i16,
            top as i16,
            w,
            h,
            !0,
        )
        .expect("asking for the screen's image")
        .reply()
        .expect("the screen's image")
        .data
    };
    let mut last = grab();
    for _ in 1..GRABS {
        std::thread::sleep(BETWEEN_GRABS);
        let next = grab();
        let same = next == last;
        last = next;
        if same {
            break;
        }
    }
    let rgb = last
        .chunks_exact(4)
        .flat_map(|p| {
            if little_endian {
                [p[2], p[1], p[0]]
            } else {
                [p[1], p[2], p[3]]
            }
        })
        .collect();
    Shot {
        width: u32::from(w),
        height: u32::from(h),
        rgb,
    }
}

fn write_png(shot: &Shot, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut encoder = png::Encoder::new(file, shot.width, shot.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&shot.rgb)?;
    writer.finish()?;
    Ok(())
}
