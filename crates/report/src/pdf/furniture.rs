//! Page furniture: the cover page, the contents page (filled in once the
//! sections have their pages) and the running header and footer.

use crate::colours::{ACCENT, ACCENT_LIGHT, ACCENT_SOFT, INK, MUTED, RED, RULE, WHITE};
use crate::fonts::Weight;
use crate::layout::{self, Engine, BOTTOM, CONTENT_W, MARGIN_X, PAGE_H, PAGE_W, TOP};
use crate::model::Report;

/// Wraps `text` at `size`, or smaller (down to 70 %) until it takes at
/// most `max_lines` lines; it is never cut. Returns the size and the lines.
fn fit(
    e: &mut Engine,
    span: &layout::Span,
    size: f32,
    max_lines: usize,
    width: f32,
) -> (f32, Vec<layout::WrappedLine>) {
    let smallest = size * 0.7;
    let mut s = size;
    loop {
        let lines = e.wrap(std::slice::from_ref(span), s, width);
        if lines.len() <= max_lines || s <= smallest {
            return (s, lines);
        }
        s = (s - 1.0).max(smallest);
    }
}

pub(super) fn cover(
    e: &mut Engine,
    report: &Report,
    logo: Option<(printpdf::XObjectId, usize, usize)>,
) {
    let c = &report.cover;
    // Logo or firm name, top left.
    if let Some((id, w, h)) = logo {
        e.image(id, w, h, MARGIN_X, 64.0, 170.0, 56.0);
    } else if !c.firm.is_empty() {
        let (size, lines) = fit(
            e,
            &layout::Span::bold(&c.firm).in_color(report.brand),
            14.0,
            3,
            CONTENT_W,
        );
        let mut y = 64.0;
        for line in &lines {
            for (dx, text, w, col) in &line.pieces {
                e.text(MARGIN_X + dx, y + size, text, *w, size, *col);
            }
            y += size * 1.3;
        }
    }

    // The title band: title and client wrap (and shrink a little when
    // long), never cut.
    let band_top = 220.0;
    let kicker = e.metrics.printable(&c.kicker);
    let (title_size, title_lines) = fit(
        e,
        &layout::Span::bold(&c.title).in_color(WHITE),
        26.0,
        4,
        CONTENT_W,
    );
    let title_lh = title_size * 32.0 / 26.0;
    let (client_size, client_lines) = fit(
        e,
        &layout::Span::plain(&c.client).in_color(ACCENT_LIGHT),
        15.0,
        2,
        CONTENT_W,
    );
    let client_lh = client_size * 20.0 / 15.0;
    let band_h =
        48.0 + title_lines.len() as f32 * title_lh + client_lines.len() as f32 * client_lh + 36.0;
    e.fill_rect(0.0, band_top, PAGE_W, band_h, report.brand);
    e.fill_rect(0.0, band_top + band_h, PAGE_W, 5.0, ACCENT);
    let kicker = e
        .metrics
        .ellipsize(&kicker.to_uppercase(), Weight::Bold, 9.0, CONTENT_W);
    e.text(
        MARGIN_X,
        band_top + 34.0,
        &kicker,
        Weight::Bold,
        9.0,
        ACCENT_SOFT,
    );
    let mut y = band_top + 50.0;
    for line in &title_lines {
        for (dx, text, w, col) in &line.pieces {
            e.text(
                MARGIN_X + dx,
                y + title_size * 24.0 / 26.0,
                text,
                *w,
                title_size,
                *col,
            );
        }
        y += title_lh;
    }
    y += 6.0;
    for line in &client_lines {
        for (dx, text, w, col) in &line.pieces {
            e.text(
                MARGIN_X + dx,
                y + client_size * 14.0 / 15.0,
                text,
                *w,
                client_size,
                *col,
            );
        }
        y += client_lh;
    }

    // Facts, above the confidentiality label: in full, smaller if they
    // would not fit otherwise.
    let top = band_top + band_h + 48.0;
    let last_baseline = PAGE_H - BOTTOM - 56.0;
    // The labels' column is as wide as the widest label needs (a French or
    // German one is longer than "FIELDWORK").
    let label_w = c
        .facts
        .iter()
        .map(|(label, _)| {
            let label = e.metrics.printable(label).to_uppercase();
            e.metrics.width(&label, Weight::Bold, 7.5) + 14.0
        })
        .fold(110.0f32, f32::max)
        .min(CONTENT_W * 0.4);
    let value_w = CONTENT_W - label_w;
    let mut size: f32 = 11.0;
    let facts = loop {
        let facts: Vec<(String, Vec<layout::WrappedLine>)> = c
            .facts
            .iter()
            .map(|(label, value)| {
                let label = e.metrics.printable(label).to_uppercase();
                (label, e.wrap(&[layout::Span::plain(value)], size, value_w))
            })
            .collect();
        let height: f32 = facts
            .iter()
            .map(|(_, lines)| lines.len() as f32 * size * 15.0 / 11.0 + 7.0)
            .sum();
        if top + height - 22.0 <= last_baseline || size <= 11.0 * 0.7 {
            break facts;
        }
        size = (size - 0.5).max(11.0 * 0.7);
    };
    let mut y = top;
    for (label, lines) in &facts {
        e.text(MARGIN_X, y, label, Weight::Bold, 7.5, MUTED);
        for line in lines {
            for (dx, text, w, col) in &line.pieces {
                e.text(MARGIN_X + label_w + dx, y, text, *w, size, *col);
            }
            y += size * 15.0 / 11.0;
        }
        y += 7.0;
    }

    // Confidentiality label.
    if !c.confidentiality.is_empty() {
        let label = e.metrics.printable(&c.confidentiality.to_uppercase());
        let label = e
            .metrics
            .ellipsize(&label, Weight::Bold, 9.0, CONTENT_W - 24.0);
        let w = e.metrics.width(&label, Weight::Bold, 9.0) + 20.0;
        let top = PAGE_H - BOTTOM - 40.0;
        let page = e.page_index();
        e.stroke_on(
            page,
            &[
                (MARGIN_X, top),
                (MARGIN_X + w, top),
                (MARGIN_X + w, top + 22.0),
                (MARGIN_X, top + 22.0),
            ],
            true,
            RED,
            1.0,
            None,
        );
        e.text(MARGIN_X + 10.0, top + 14.5, &label, Weight::Bold, 9.0, RED);
    }
}

pub(super) fn contents(e: &mut Engine, page: usize, report: &Report) {
    let title = &super::super::model::section_title(
        report.lang,
        clausewise_core::report::ReportSection::Contents,
    );
    e.text_on(
        page,
        MARGIN_X,
        TOP + 20.0,
        title,
        Weight::Bold,
        20.0,
        report.brand,
    );
    e.fill_rect_on(page, MARGIN_X, TOP + 30.0, 48.0, 3.0, ACCENT);
    let mut y = TOP + 70.0;
    let entries: Vec<(String, usize)> = e
        .outline
        .iter()
        .filter(|o| o.page != page)
        .map(|o| (o.title.clone(), o.page))
        .collect();
    for (n, (title, target)) in entries.iter().enumerate() {
        let number = format!("{}", n + 1);
        e.text_on(page, MARGIN_X, y, &number, Weight::Bold, 11.0, ACCENT);
        let title = e.metrics.printable(title);
        let title = e
            .metrics
            .ellipsize(&title, Weight::Regular, 11.0, CONTENT_W - 80.0);
        e.text_on(page, MARGIN_X + 24.0, y, &title, Weight::Regular, 11.0, INK);
        let tw = e.metrics.width(&title, Weight::Regular, 11.0);
        let num = (target + 1).to_string();
        let nw = e.metrics.width(&num, Weight::Regular, 11.0);
        // Dot leader between title and page number.
        let (x0, x1) = (MARGIN_X + 24.0 + tw + 6.0, MARGIN_X + CONTENT_W - nw - 6.0);
        if x1 > x0 {
            e.stroke_on(
                page,
                &[(x0, y), (x1, y)],
                false,
                RULE,
                0.8,
                Some(&[0.8, 2.4]),
            );
        }
        e.text_on(
            page,
            MARGIN_X + CONTENT_W - nw,
            y,
            &num,
            Weight::Regular,
            11.0,
            INK,
        );
        e.link_on(page, MARGIN_X, y - 12.0, CONTENT_W, 16.0, *target);
        y += 24.0;
    }
}

pub(super) fn running_header_footer(e: &mut Engine, page: usize, total: usize, report: &Report) {
    let right = MARGIN_X + CONTENT_W;
    if page > 0 {
        let left = if report.cover.firm.is_empty() {
            report.cover.kicker.clone()
        } else {
            report.cover.firm.clone()
        };
        // The title takes at most half the line and the left side the rest,
        // so a long standard's name ("… + Amd 1:2024 · Gap assessment
        // report") stays whole beside a short title.
        let title = e.metrics.printable(&report.cover.title);
        let title = e
            .metrics
            .ellipsize(&title, Weight::Regular, 7.5, CONTENT_W * 0.5);
        let title_w = e.metrics.width(&title, Weight::Regular, 7.5);
        let left = e.metrics.printable(&left);
        let left = e.metrics.ellipsize(
            &left,
            Weight::Bold,
            7.5,
            CONTENT_W - title_w - CONTENT_W * 0.05,
        );
        e.text_on(page, MARGIN_X, 40.0, &left, Weight::Bold, 7.5, report.brand);
        e.text_right_on(page, right, 40.0, &title, Weight::Regular, 7.5, MUTED);
        e.hline_on(page, MARGIN_X, right, 48.0, RULE, 0.6);
    }
    let y = PAGE_H - 36.0;
    e.hline_on(page, MARGIN_X, right, y - 12.0, RULE, 0.6);
    let footer = e.metrics.printable(&report.footer);
    let footer = e
        .metrics
        .ellipsize(&footer, Weight::Regular, 7.5, CONTENT_W * 0.36);
    e.text_on(page, MARGIN_X, y, &footer, Weight::Regular, 7.5, MUTED);
    if !report.cover.confidentiality.is_empty() {
        let label = e.metrics.printable(&report.cover.confidentiality);
        let label = e
            .metrics
            .ellipsize(&label, Weight::Bold, 7.5, CONTENT_W * 0.4);
        let w = e.metrics.width(&label, Weight::Bold, 7.5);
        // Between the footer text (≤ 36 %) and the page number (≤ 20 %).
        e.text_on(
            page,
            MARGIN_X + CONTENT_W * 0.38 + (CONTENT_W * 0.4 - w) / 2.0,
            y,
            &label,
            Weight::Bold,
            7.5,
            RED,
        );
    }
    let number = clausewise_core::tr!(report.lang, "page-of", page = page + 1, total = total);
    e.text_right_on(page, right, y, &number, Weight::Regular, 7.5, MUTED);
}
