//! Charts: the radar of clauses against target, the gap bars and the
//! requirement heat map, each with its legend.

use super::{
    Bar, Engine, HeatCell, PairedBar, Span, Sparkline, WrappedLine, BOTTOM, CONTENT_W, MARGIN_X,
    PAGE_H, TOP,
};
use crate::colours::{
    score_colours, ACCENT, ACCENT_LIGHT, BRAND, INK, MUTED, RED, RULE, RULE_STRONG, TEAL, ZEBRA,
};
use crate::fonts::Weight;
use clausewise_core::palette::{level_colours, Colour, NOT_APPLICABLE};
use clausewise_core::tr;

impl Engine<'_> {
    /// The width of a text set in the regular face.
    fn text_width(&mut self, text: &str, size: f32) -> f32 {
        let text = self.metrics.printable(text);
        self.metrics.width(&text, Weight::Regular, size)
    }

    pub(super) fn radar(&mut self, bars: &[Bar]) {
        let n = bars.len();
        if n < 3 {
            return;
        }
        let r = 112.0;
        let angle =
            |i: usize| -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
        // The labels first: a long one (a French clause title) below the
        // chart pushes the legend down, and the chart grows with it.
        let labels: Vec<Vec<WrappedLine>> = bars
            .iter()
            .map(|bar| {
                let mut lines = self.wrap(&[Span::plain(&bar.label)], 8.0, 118.0);
                if let Some(why) = &bar.no_score {
                    lines.extend(self.wrap(&[Span::muted(format!("({why})"))], 8.0, 118.0));
                } else if let Some(weakest) = &bar.weakest {
                    lines.extend(self.wrap(&[Span::muted(format!("({weakest})"))], 8.0, 118.0));
                }
                lines
            })
            .collect();
        let label_top = |i: usize, y: f32, lines: usize| {
            let a = angle(i);
            if a.sin() < -0.5 {
                y - lines as f32 * 10.0
            } else if a.sin() > 0.5 {
                y
            } else {
                y - lines as f32 * 5.0
            }
        };
        let lowest = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                label_top(i, 160.0 + angle(i).sin() * (r + 12.0), l.len()) + l.len() as f32 * 10.0
            })
            .fold(0.0f32, f32::max);
        let legend_at = (RADAR_H - 18.0).max(lowest + 16.0);
        let h = RADAR_H.max(legend_at + 18.0);
        self.ensure(h);
        let cx = MARGIN_X + CONTENT_W / 2.0;
        let cy = self.y + 160.0;
        let at = |i: usize, v: f32| {
            let a = angle(i);
            (cx + a.cos() * r * v / 5.0, cy + a.sin() * r * v / 5.0)
        };
        // A clause without a value has no point: never plotted as 0.
        let point = |i: usize, v: Option<f64>| v.map(|v| at(i, v.clamp(0.0, 5.0) as f32));
        let current: Vec<Option<(f32, f32)>> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| point(i, b.current))
            .collect();
        let target: Vec<Option<(f32, f32)>> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| point(i, b.target))
            .collect();
        // Neighbouring spokes that both have a point are joined.
        let pairs = |points: &[Option<(f32, f32)>]| -> Vec<((f32, f32), (f32, f32))> {
            (0..n)
                .filter_map(|i| Some((points[i]?, points[(i + 1) % n]?)))
                .collect()
        };
        let complete = |points: &[Option<(f32, f32)>]| -> Option<Vec<(f32, f32)>> {
            points.iter().copied().collect()
        };
        match complete(&current) {
            Some(polygon) => self.fill_polygon(&polygon, ACCENT_LIGHT),
            None => {
                for (a, b) in pairs(&current) {
                    self.fill_polygon(&[(cx, cy), a, b], ACCENT_LIGHT);
                }
            }
        }
        let page = self.page_index();
        for level in 1..=5 {
            let ring: Vec<(f32, f32)> = (0..n).map(|i| at(i, level as f32)).collect();
            self.stroke_on(page, &ring, true, RULE, 0.6, None);
            let (lx, ly) = at(0, level as f32);
            self.text(
                lx + 3.0,
                ly + 3.0,
                &level.to_string(),
                Weight::Regular,
                6.5,
                MUTED,
            );
        }
        for (i, bar) in bars.iter().enumerate() {
            let (x, y) = at(i, 5.0);
            match bar.no_score {
                None => self.stroke_on(page, &[(cx, cy), (x, y)], false, RULE, 0.6, None),
                Some(_) => self.stroke_on(
                    page,
                    &[(cx, cy), (x, y)],
                    false,
                    MUTED,
                    0.6,
                    Some(&[2.0, 2.0]),
                ),
            }
        }
        let mut series =
            |points: &[Option<(f32, f32)>], color: Colour, width: f32, dash: Option<&[f32]>| {
                match complete(points) {
                    Some(polygon) => self.stroke_on(page, &polygon, true, color, width, dash),
                    None => {
                        for (a, b) in pairs(points) {
                            self.stroke_on(page, &[a, b], false, color, width, dash);
                        }
                    }
                }
            };
        series(&target, TEAL, 1.4, Some(&[4.0, 3.0]));
        series(&current, ACCENT, 1.8, None);
        for &(x, y) in current.iter().flatten() {
            self.fill_rect(x - 2.0, y - 2.0, 4.0, 4.0, ACCENT);
        }
        for (i, lines) in labels.iter().enumerate() {
            let a = angle(i);
            let (x, y) = (cx + a.cos() * (r + 14.0), cy + a.sin() * (r + 12.0));
            let top = label_top(i, y, lines.len());
            for (k, line) in lines.iter().enumerate() {
                let lx = if a.cos() > 0.25 {
                    x
                } else if a.cos() < -0.25 {
                    x - line.width
                } else {
                    x - line.width / 2.0
                };
                self.draw_line(lx, top + k as f32 * 10.0, line, 8.0, 10.0);
            }
        }
        // Legend.
        let mut reasons: Vec<&str> = bars.iter().filter_map(|b| b.no_score.as_deref()).collect();
        reasons.dedup();
        let lang = self.lang;
        let unscored = (!reasons.is_empty()).then(|| {
            tr!(
                lang,
                "chart-no-point",
                reasons = reasons.join(&tr!(lang, "chart-or"))
            )
        });
        let current_label = tr!(lang, "chart-current-maturity");
        let target_label = tr!(lang, "col-target");
        // Each entry: a 14 pt key, 5 pt, its text, 20 pt to the next.
        let current_w = self.text_width(&current_label, 8.0);
        let target_w = self.text_width(&target_label, 8.0);
        let unscored_w = unscored
            .as_ref()
            .map_or(0.0, |t| self.text_width(t, 8.0) + 39.0);
        let total = 19.0 + current_w + 20.0 + 19.0 + target_w + unscored_w;
        let ly = self.y + legend_at;
        let lx = (cx - total / 2.0).max(MARGIN_X);
        self.fill_rect(lx, ly - 6.0, 14.0, 6.0, ACCENT_LIGHT);
        self.hline_on(page, lx, lx + 14.0, ly - 3.0, ACCENT, 1.8);
        self.text(lx + 19.0, ly, &current_label, Weight::Regular, 8.0, INK);
        let tx = lx + 19.0 + current_w + 20.0;
        self.stroke_on(
            page,
            &[(tx, ly - 3.0), (tx + 14.0, ly - 3.0)],
            false,
            TEAL,
            1.4,
            Some(&[4.0, 3.0]),
        );
        self.text(tx + 19.0, ly, &target_label, Weight::Regular, 8.0, INK);
        if let Some(text) = unscored {
            let ux = tx + 19.0 + target_w + 20.0;
            self.stroke_on(
                page,
                &[(ux, ly - 3.0), (ux + 14.0, ly - 3.0)],
                false,
                MUTED,
                0.6,
                Some(&[2.0, 2.0]),
            );
            self.text(ux + 19.0, ly, &text, Weight::Regular, 8.0, INK);
        }
        self.y += h;
    }

    pub(super) fn gap_bars(&mut self, bars: &[Bar]) {
        let label_w = 190.0;
        let x0 = MARGIN_X + label_w + 8.0;
        let x1 = MARGIN_X + CONTENT_W - 44.0;
        let scale = (x1 - x0) / 5.0;
        let row_h = 16.0;
        let axis = |e: &mut Engine| {
            let page = e.page_index();
            e.level_axis(x0, scale);
            e.text_right_on(
                page,
                MARGIN_X + CONTENT_W,
                e.y + 8.0,
                &tr!(e.lang, "col-gap"),
                Weight::Bold,
                7.0,
                MUTED,
            );
            e.y += 13.0;
        };
        // All bars on one page when a page can hold them.
        self.ensure(gap_bars_height(bars).min(PAGE_H - BOTTOM - TOP));
        axis(self);
        for (i, bar) in bars.iter().enumerate() {
            // A long label wraps; the row grows with it.
            let mut label = self.wrap(&[Span::plain(&bar.label)], 8.0, label_w);
            if let Some(weakest) = &bar.weakest {
                label.extend(self.wrap(&[Span::muted(weakest)], 7.5, label_w));
            }
            let label_h = (label.len() as f32 - 1.0) * 10.0;
            // The legend stays with the last bar.
            let legend = if i + 1 == bars.len() { 20.0 } else { 0.0 };
            if self.remaining() < row_h + label_h + legend {
                self.new_page();
                axis(self);
            }
            let page = self.page_index();
            let y = self.y;
            self.level_grid(page, x0, scale, y, row_h + label_h);
            for (k, line) in label.iter().enumerate() {
                self.draw_line(MARGIN_X, y + 3.0 + k as f32 * 10.0, line, 8.0, 10.0);
            }
            let target = bar.target.unwrap_or(0.0).clamp(0.0, 5.0) as f32;
            let current = bar.current.unwrap_or(0.0).clamp(0.0, 5.0) as f32;
            self.fill_rect(x0, y + 4.0, target * scale, 8.0, RULE);
            if let Some(c) = bar.current {
                self.fill_rect(x0, y + 4.0, current * scale, 8.0, score_colours(c).fill);
            }
            let tx = x0 + target * scale;
            self.stroke_on(
                page,
                &[(tx, y + 2.0), (tx, y + 14.0)],
                false,
                TEAL,
                1.4,
                None,
            );
            let gap = (target - current).max(0.0);
            self.text_right_on(
                page,
                MARGIN_X + CONTENT_W,
                y + 11.0,
                &self.lang.score(Some(f64::from(gap))),
                Weight::Bold,
                8.0,
                INK,
            );
            self.y += row_h + label_h;
        }
        // Legend.
        self.y += 6.0;
        self.ensure(14.0);
        let page = self.page_index();
        let y = self.y + 8.0;
        self.fill_rect(x0, y - 6.0, 14.0, 6.0, level_colours(2).fill);
        let current_label = tr!(self.lang, "chart-current-level-colour");
        self.text(x0 + 18.0, y, &current_label, Weight::Regular, 7.5, MUTED);
        let tx = x0 + 18.0 + self.text_width(&current_label, 7.5) + 18.0;
        self.fill_rect(tx, y - 6.0, 14.0, 6.0, RULE);
        self.stroke_on(
            page,
            &[(tx + 14.0, y - 8.0), (tx + 14.0, y + 1.0)],
            false,
            TEAL,
            1.4,
            None,
        );
        let target_label = tr!(self.lang, "col-target");
        self.text(tx + 20.0, y, &target_label, Weight::Regular, 7.5, MUTED);
        self.y += 20.0;
    }

    /// The levels 0 to 5 over a chart whose level 0 is at `x0`.
    fn level_axis(&mut self, x0: f32, scale: f32) {
        for level in 0..=5u8 {
            let x = x0 + f32::from(level) * scale;
            let y = self.y + 8.0;
            self.text(x - 2.0, y, &level.to_string(), Weight::Regular, 7.0, MUTED);
        }
    }

    /// A thin line per level down a chart row `h` high.
    fn level_grid(&mut self, page: usize, x0: f32, scale: f32, y: f32, h: f32) {
        for level in 0..=5u8 {
            let x = x0 + f32::from(level) * scale;
            self.stroke_on(page, &[(x, y), (x, y + h)], false, RULE, 0.5, None);
        }
    }

    /// Execution against control: per practice, its capability (a brand
    /// bar) above the mean maturity of the requirements that govern it (a
    /// bar in the colour of the level reached), on one 0-5 scale.
    pub(super) fn paired_bars(&mut self, bars: &[PairedBar]) {
        let label_w = 170.0;
        let x0 = MARGIN_X + label_w + 8.0;
        let x1 = MARGIN_X + CONTENT_W - 70.0;
        let scale = (x1 - x0) / 5.0;
        let row_h = PAIRED_ROW_H;
        let axis = |e: &mut Engine| {
            e.level_axis(x0, scale);
            e.y += 13.0;
        };
        self.ensure(paired_bars_height(bars).min(PAGE_H - BOTTOM - TOP));
        axis(self);
        for (i, bar) in bars.iter().enumerate() {
            let label = self.wrap(&[Span::plain(&bar.label)], 8.0, label_w);
            let label_h = ((label.len() as f32 - 1.0) * 10.0).max(0.0);
            let legend = if i + 1 == bars.len() { 20.0 } else { 0.0 };
            if self.remaining() < row_h + label_h + legend {
                self.new_page();
                axis(self);
            }
            let page = self.page_index();
            let y = self.y;
            self.level_grid(page, x0, scale, y, row_h + label_h);
            for (k, line) in label.iter().enumerate() {
                self.draw_line(MARGIN_X, y + 4.0 + k as f32 * 10.0, line, 8.0, 10.0);
            }
            if let Some(e) = bar.execution {
                let w = e.clamp(0.0, 5.0) as f32 * scale;
                self.fill_rect(x0, y + 3.0, w, 6.0, BRAND);
            }
            match bar.control {
                Some(c) => {
                    let w = (c.clamp(0.0, 5.0) as f32 * scale).max(1.5);
                    self.fill_rect(x0, y + 10.0, w, 6.0, score_colours(c).fill);
                }
                None => self.text(
                    x0 + 2.0,
                    y + 16.0,
                    "not assessed",
                    Weight::Regular,
                    6.5,
                    MUTED,
                ),
            }
            self.text_right_on(
                page,
                MARGIN_X + CONTENT_W,
                y + 12.0,
                &bar.note,
                Weight::Bold,
                7.5,
                if bar.flagged { RED } else { INK },
            );
            self.y += row_h + label_h;
        }
        self.y += 6.0;
        self.ensure(14.0);
        let y = self.y + 8.0;
        self.fill_rect(x0, y - 6.0, 14.0, 6.0, BRAND);
        let capability = tr!(self.lang, "chart-practice-capability");
        self.text(x0 + 18.0, y, &capability, Weight::Regular, 7.5, MUTED);
        let mx = x0 + 18.0 + self.text_width(&capability, 7.5) + 18.0;
        self.fill_rect(mx, y - 6.0, 14.0, 6.0, level_colours(2).fill);
        let governing = tr!(self.lang, "chart-governing-maturity");
        self.text(mx + 18.0, y, &governing, Weight::Regular, 7.5, MUTED);
        self.y += 20.0;
    }

    /// KPI trends: per KPI its name and detail, the series as a line with
    /// the target dashed across it, and the newest value with its status.
    pub(super) fn sparklines(&mut self, lines: &[Sparkline]) {
        let label_w = 180.0;
        let chart_x = MARGIN_X + label_w + 10.0;
        let chart_w = 130.0;
        let chart_h = 24.0;
        let right_x = chart_x + chart_w + 14.0;
        let heads = |e: &mut Engine| {
            let y = e.y + 8.0;
            let lang = e.lang;
            e.text(MARGIN_X, y, &tr!(lang, "col-kpi"), Weight::Bold, 7.0, MUTED);
            e.text(
                chart_x,
                y,
                &tr!(lang, "chart-trend-target-dashed"),
                Weight::Bold,
                7.0,
                MUTED,
            );
            e.text(
                right_x,
                y,
                &tr!(lang, "chart-newest"),
                Weight::Bold,
                7.0,
                MUTED,
            );
            e.y += 14.0;
        };
        self.ensure(SPARK_ROW_H + 14.0);
        heads(self);
        for line in lines {
            let label = self.wrap(&[Span::bold(&line.label)], 8.5, label_w);
            let detail = self.wrap(&[Span::muted(&line.detail)], 7.5, label_w);
            let text_h = label.len() as f32 * 11.0 + detail.len() as f32 * 9.5 + 6.0;
            let row_h = text_h.max(SPARK_ROW_H);
            if self.remaining() < row_h {
                self.new_page();
                heads(self);
            }
            let page = self.page_index();
            let y = self.y;
            let mut ty = y + 2.0;
            for l in &label {
                self.draw_line(MARGIN_X, ty, l, 8.5, 11.0);
                ty += 11.0;
            }
            for l in &detail {
                self.draw_line(MARGIN_X, ty, l, 7.5, 9.5);
                ty += 9.5;
            }
            // The chart's scale takes in the target, with a little room.
            let top = y + 4.0;
            let (mut lo, mut hi) = line
                .values
                .iter()
                .chain(line.target.iter())
                .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
            if lo > hi {
                (lo, hi) = (0.0, 1.0);
            }
            if (hi - lo).abs() < 1e-9 {
                lo -= 1.0;
                hi += 1.0;
            }
            let pad = (hi - lo) * 0.12;
            let (lo, hi) = (lo - pad, hi + pad);
            let yv = |v: f64| top + chart_h - ((v - lo) / (hi - lo)) as f32 * chart_h;
            self.fill_rect(chart_x, top, chart_w, chart_h, ZEBRA);
            if let Some(t) = line.target.filter(|_| !line.values.is_empty()) {
                self.stroke_on(
                    page,
                    &[(chart_x, yv(t)), (chart_x + chart_w, yv(t))],
                    false,
                    TEAL,
                    0.9,
                    Some(&[2.5, 2.0]),
                );
            }
            let n = line.values.len();
            let step = if n > 1 {
                chart_w / (n as f32 - 1.0)
            } else {
                0.0
            };
            let x_of = |i: usize| {
                if n > 1 {
                    chart_x + i as f32 * step
                } else {
                    chart_x + chart_w / 2.0
                }
            };
            let points: Vec<(f32, f32)> = line
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| (x_of(i), yv(*v)))
                .collect();
            if points.len() > 1 {
                self.stroke_on(page, &points, false, INK, 1.0, None);
            }
            for ((x, py), colour) in points.iter().zip(&line.colours) {
                self.fill_rect(x - 1.8, py - 1.8, 3.6, 3.6, *colour);
            }
            if n == 0 {
                self.text(
                    chart_x + 4.0,
                    top + 15.0,
                    &tr!(self.lang, "chart-not-measured-yet"),
                    Weight::Regular,
                    7.0,
                    MUTED,
                );
            }
            self.text(right_x, y + 10.0, &line.latest, Weight::Bold, 8.5, INK);
            self.text(
                right_x,
                y + 20.0,
                &line.status,
                Weight::Bold,
                7.5,
                line.status_colour,
            );
            if let Some(flag) = &line.flag {
                self.text(right_x, y + 30.0, flag, Weight::Bold, 7.5, RED);
            }
            self.y += row_h;
            self.hline(MARGIN_X, MARGIN_X + CONTENT_W, self.y - 3.0, RULE, 0.4);
        }
        self.y += 6.0;
    }

    pub(super) fn heat_map(&mut self, rows: &[(String, Vec<HeatCell>)]) {
        let label_w = 118.0;
        let cw = 40.0;
        let ch = 18.0;
        let gap = 3.0;
        let per_line = ((CONTENT_W - label_w + gap) / (cw + gap)).floor().max(1.0) as usize;
        // The whole map on one page when a page can hold it.
        self.ensure(heat_map_height(rows).min(PAGE_H - BOTTOM - TOP));
        for (i, (label, cells)) in rows.iter().enumerate() {
            let lines = cells.len().div_ceil(per_line).max(1);
            // A long compound (German) is set smaller rather than broken.
            let size = self.fitting_size_in(label, Weight::Bold, 8.0, label_w - 8.0);
            let lh = size * 1.25;
            let label_lines = self.wrap(&[Span::bold(label)], size, label_w - 8.0);
            let h = (lines as f32 * (ch + gap) + 6.0).max(label_lines.len() as f32 * lh + 6.0);
            // The legend stays with the last row.
            let legend = if i + 1 == rows.len() { 26.0 } else { 0.0 };
            self.ensure(h + legend);
            for (k, line) in label_lines.iter().enumerate() {
                self.draw_line(MARGIN_X, self.y + 2.0 + k as f32 * lh, line, size, lh);
            }
            for (k, cell) in cells.iter().enumerate() {
                let x = MARGIN_X + label_w + (k % per_line) as f32 * (cw + gap);
                let y = self.y + (k / per_line) as f32 * (ch + gap);
                let (fill, ink, border) = match cell.level {
                    Some(Some(level)) => {
                        let colours = level_colours(level);
                        (Some(colours.fill), colours.on, false)
                    }
                    Some(None) => (Some(NOT_APPLICABLE.fill), NOT_APPLICABLE.on, false),
                    None => (None, MUTED, true),
                };
                if let Some(fill) = fill {
                    self.fill_rect(x, y, cw, ch, fill);
                }
                if border {
                    let page = self.page_index();
                    self.stroke_on(
                        page,
                        &[(x, y), (x + cw, y), (x + cw, y + ch), (x, y + ch)],
                        true,
                        RULE_STRONG,
                        0.6,
                        None,
                    );
                }
                let text = self.metrics.printable(&cell.label);
                let text = self.metrics.ellipsize(&text, Weight::Bold, 6.5, cw - 3.0);
                let w = self.metrics.width(&text, Weight::Bold, 6.5);
                self.text(x + (cw - w) / 2.0, y + 11.5, &text, Weight::Bold, 6.5, ink);
            }
            self.y += h;
        }
        // Legend.
        self.y += 4.0;
        self.ensure(16.0);
        let page = self.page_index();
        let mut x = MARGIN_X + label_w;
        let y = self.y;
        for level in 0..=5u8 {
            self.fill_rect(x, y, 12.0, 9.0, level_colours(level).fill);
            self.text(
                x + 15.0,
                y + 7.5,
                &level.to_string(),
                Weight::Regular,
                7.5,
                MUTED,
            );
            x += 32.0;
        }
        self.fill_rect(x, y, 12.0, 9.0, NOT_APPLICABLE.fill);
        let na = tr!(self.lang, "rating-not-applicable-short");
        self.text(x + 15.0, y + 7.5, &na, Weight::Regular, 7.5, MUTED);
        x += 15.0 + self.text_width(&na, 7.5) + 12.0;
        self.stroke_on(
            page,
            &[(x, y), (x + 12.0, y), (x + 12.0, y + 9.0), (x, y + 9.0)],
            true,
            RULE_STRONG,
            0.6,
            None,
        );
        self.text(
            x + 15.0,
            y + 7.5,
            &tr!(self.lang, "clauses-not-assessed"),
            Weight::Regular,
            7.5,
            MUTED,
        );
        self.y += 22.0;
    }
}

/// Height of the gap bars with axis and legend (labels on one line, and a
/// second for a clause's lowest requirement).
pub(super) fn gap_bars_height(bars: &[Bar]) -> f32 {
    let rows: f32 = bars
        .iter()
        .map(|b| if b.weakest.is_some() { 26.0 } else { 16.0 })
        .sum();
    13.0 + rows + 26.0
}

/// The least height of one KPI's row in the trends.
pub(super) const SPARK_ROW_H: f32 = 38.0;

/// One practice of the execution-against-control chart, with a one-line label.
const PAIRED_ROW_H: f32 = 20.0;

/// Height of the execution-against-control chart with its axis and legend.
pub(super) fn paired_bars_height(bars: &[PairedBar]) -> f32 {
    13.0 + bars.len() as f32 * PAIRED_ROW_H + 26.0
}

/// Height of the heat map with its legend (labels of up to two lines).
pub(super) fn heat_map_height(rows: &[(String, Vec<HeatCell>)]) -> f32 {
    let per_line = ((CONTENT_W - 118.0 + 3.0) / 43.0).floor().max(1.0) as usize;
    rows.iter()
        .map(|(_, cells)| (cells.len().div_ceil(per_line).max(1) as f32 * 21.0).max(20.0) + 6.0)
        .sum::<f32>()
        + 26.0
}

/// Height of a radar chart with its labels and legend.
pub(super) const RADAR_H: f32 = 330.0;
