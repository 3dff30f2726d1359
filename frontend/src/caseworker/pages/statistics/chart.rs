//! Bar and line charts as inline SVG, drawn from the rows the table shows.
//! The geometry is plain functions tested natively; the views only place
//! it. A chart is one image to assistive technology (`role="img"` with a
//! name that points to the table under it, which holds the numbers): the
//! table is the data, the chart the quick look.
//!
//! The drawing sits in a `viewBox` that the style sheet scales to the
//! column's width, so the same picture fits 320 px and a desktop; its
//! coordinates are units of that box, and text is sized in them too.
//!
//! Why not a charting crate: `plotters` with only its SVG backend (the one
//! that works in wasm) added about 24 KB brotli to a test bundle drawing
//! one bar chart and one line, writes fixed pixel sizes without a
//! `viewBox`, measures text through a canvas, and hands back one string
//! to insert as HTML: no Fluent texts, no `lang`, no test ids inside. Two
//! kinds of chart of one series each are a few dozen lines here.

use leptos::prelude::*;

use super::data::Row;

/// The width of every chart, in units of its `viewBox`: about the width
/// a 320 px screen leaves, so that text is drawn near its size there; the
/// style sheet lets it grow only a little on a desktop.
pub const WIDTH: f64 = 300.0;
/// The text size, in units of the `viewBox`.
const FONT: f64 = 12.0;
/// The height of one bar's row: its label above, the bar under it.
const BAR_ROW: f64 = 36.0;
/// Room at the bar's end for its number.
const VALUE_ROOM: f64 = 40.0;
/// The longest label drawn whole; the table has every label in full.
const LABEL_CHARS: usize = 42;

/// One bar, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The top of its row.
    pub y: f64,
    pub label: String,
    /// The bar's length; zero for a hidden count, which draws no bar.
    pub length: f64,
    /// The number written after the bar ("< 5" for a hidden count).
    pub value: String,
}

/// A label cut to what fits the chart, with an ellipsis when cut.
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The bars of `rows`, scaled so that the largest shown count fills the
/// width left after its number; the chart's height is `rows × BAR_ROW`.
pub fn bars(rows: &[Row], hidden: &str) -> Vec<Bar> {
    let max = rows
        .iter()
        .filter_map(|r| r.count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    rows.iter()
        .enumerate()
        .map(|(i, r)| Bar {
            y: i as f64 * BAR_ROW,
            label: short(&r.label),
            length: r
                .count
                .map_or(0.0, |n| n as f64 / max * (WIDTH - VALUE_ROOM)),
            value: super::data::count_text(r.count, hidden),
        })
        .collect()
}

/// A round top for an axis: 1, 2 or 5 times a power of ten, at least `max`.
pub fn nice_max(max: u64) -> u64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(1) {
                return m * step;
            }
        }
        step *= 10;
    }
}

/// The line chart's frame, in `viewBox` units.
pub const LINE_HEIGHT: f64 = 200.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 34.0;

/// A line chart, placed: the runs of the line between hidden counts (a
/// hidden count breaks the line: drawing it would guess), the points, the
/// axis top and the periods labelled under the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<Vec<(f64, f64)>>,
    pub points: Vec<(f64, f64)>,
    pub top: u64,
    /// (x, text) of each labelled period.
    pub ticks: Vec<(f64, String)>,
}

/// Places `rows` (oldest first) on the line chart, labelling at most
/// `max_ticks` periods evenly so that their texts do not collide.
pub fn line(rows: &[Row], max_ticks: usize) -> Line {
    let top = nice_max(rows.iter().filter_map(|r| r.count).max().unwrap_or(0));
    let n = rows.len();
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = LINE_HEIGHT - TOP - BOTTOM;
    let x = |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |c: u64| TOP + plot_h * (1.0 - c as f64 / top as f64);
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut points = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match r.count {
            Some(c) => {
                run.push((x(i), y(c)));
                points.push((x(i), y(c)));
            }
            None => {
                if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let every = n.div_ceil(max_ticks.max(1)).max(1);
    let ticks = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, r)| (x(i), r.label.clone()))
        .collect();
    Line {
        runs,
        points,
        top,
        ticks,
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// A horizontal bar chart of `rows`, named `name` for assistive
/// technology.
#[component]
pub fn BarChart(rows: Vec<Row>, name: String, hidden: String, testid: String) -> impl IntoView {
    let bars = bars(&rows, &hidden);
    let height = bars.len().max(1) as f64 * BAR_ROW;
    view! {
        <svg class="cw-chart" role="img" aria-label=name data-testid=testid
            viewBox=format!("0 0 {WIDTH} {}", fmt(height)) font-size=FONT>
            {bars.into_iter().map(|b| {
                let bar_y = b.y + FONT + 3.0;
                let value_x = b.length + 4.0;
                view! {
                    <text class="cw-chart__label" x="0" y=fmt(b.y + FONT)>{b.label}</text>
                    {(b.length > 0.0).then(|| view! {
                        <rect class="cw-chart__bar" x="0" y=fmt(bar_y) width=fmt(b.length.max(1.0)) height="13"/>
                    })}
                    <text class="cw-chart__value" x=fmt(value_x) y=fmt(bar_y + 11.0)>{b.value}</text>
                }
            }).collect_view()}
        </svg>
    }
}

/// A line chart of `rows` (oldest first), named `name` for assistive
/// technology.
#[component]
pub fn LineChart(rows: Vec<Row>, name: String, testid: String) -> impl IntoView {
    // Four labels: a period's text is about a sixth of the width.
    let l = line(&rows, 4);
    let plot_bottom = LINE_HEIGHT - BOTTOM;
    let axis = [0, l.top / 2, l.top];
    let y_of = move |v: u64| TOP + (plot_bottom - TOP) * (1.0 - v as f64 / l.top as f64);
    view! {
        <svg class="cw-chart" role="img" aria-label=name data-testid=testid
            viewBox=format!("0 0 {WIDTH} {LINE_HEIGHT}") font-size=FONT>
            {axis.into_iter().map(|v| view! {
                <line class="cw-chart__grid" x1=fmt(LEFT) x2=fmt(WIDTH - RIGHT) y1=fmt(y_of(v)) y2=fmt(y_of(v))/>
                <text class="cw-chart__value" x=fmt(LEFT - 6.0) y=fmt(y_of(v) + 4.0) text-anchor="end">{v}</text>
            }).collect_view()}
            {l.runs.into_iter().map(|run| {
                let points: Vec<String> = run.iter().map(|(x, y)| format!("{},{}", fmt(*x), fmt(*y))).collect();
                view! { <polyline class="cw-chart__line" points=points.join(" ")/> }
            }).collect_view()}
            {l.points.into_iter().map(|(x, y)| view! {
                <circle class="cw-chart__point" cx=fmt(x) cy=fmt(y) r="3"/>
            }).collect_view()}
            {l.ticks.into_iter().map(|(x, t)| view! {
                <text class="cw-chart__label" x=fmt(x) y=fmt(plot_bottom + FONT + 6.0) text-anchor="middle">{t}</text>
            }).collect_view()}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, count: Option<u64>) -> Row {
        Row {
            key: label.to_owned(),
            label: label.to_owned(),
            count,
        }
    }

    #[test]
    fn the_largest_bar_fills_the_width_and_a_hidden_count_draws_none() {
        let b = bars(
            &[row("a", Some(20)), row("b", Some(10)), row("c", None)],
            "< 5",
        );
        assert_eq!(b[0].length, WIDTH - VALUE_ROOM);
        assert_eq!(b[1].length, (WIDTH - VALUE_ROOM) / 2.0);
        assert_eq!((b[2].length, b[2].value.as_str()), (0.0, "< 5"));
        assert_eq!(b[2].y, 2.0 * BAR_ROW);
    }

    #[test]
    fn long_labels_are_cut_in_the_chart_only() {
        let long = "Ledere av salg, markedsføring, forretningsutvikling og administrasjon";
        let b = bars(&[row(long, Some(5))], "< 5");
        assert!(b[0].label.ends_with('…'));
        assert!(b[0].label.chars().count() <= LABEL_CHARS);
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(
            [0, 1, 3, 7, 12, 40, 51].map(nice_max),
            [1, 1, 5, 10, 20, 50, 100]
        );
    }

    #[test]
    fn a_hidden_count_breaks_the_line_and_ticks_are_spread() {
        let rows: Vec<Row> = (0..12)
            .map(|i| row(&format!("p{i}"), (i != 5).then_some(10)))
            .collect();
        let l = line(&rows, 4);
        assert_eq!(l.runs.len(), 2);
        assert_eq!(l.points.len(), 11);
        assert_eq!(l.top, 10);
        let labels: Vec<&str> = l.ticks.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(labels, ["p0", "p3", "p6", "p9"]);
    }
}
