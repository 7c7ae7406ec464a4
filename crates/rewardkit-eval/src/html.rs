//! A self-contained HTML report: one file, inline CSS and SVG, no script and no network.
//!
//! It shows the main score, every metric with its 95 % interval (table and bar chart with
//! whiskers), the reliability diagram of σ(r_chosen − r_rejected) and reward against length.
//! The plots are `<svg>` elements with the ids `plot-metrics`, `plot-reliability` and
//! `plot-length` (the last two only when the report has calibration / length data).
//!
//! ```
//! use rewardkit_eval::{evaluate, html, Benchmark, Dataset, Options, Score};
//! let ds = Dataset::from_text(Benchmark::Pairwise, "hh.jsonl", r#"{"chosen": "a b", "rejected": "c"}"#)?;
//! let r = evaluate(&ds, &[vec![Score::Value(1.0), Score::Value(0.0)]], "s", &Options::default())?;
//! let page = html::render(&r);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains(r#"<svg id="plot-metrics""#));
//! # Ok::<(), rewardkit_eval::Error>(())
//! ```

use crate::stats::{Calibration, LengthBias};
use crate::Report;
use std::fmt::Write;

/// Escapes text for HTML and SVG.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn pct(x: f64) -> String {
    format!("{:.2}", 100.0 * x)
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:980px;color:#1f2933;padding:0 1rem}\
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d9e2ec;padding-bottom:.3rem}\
.meta{color:#52606d;font-size:.9rem}.headline{font-size:2.4rem;font-weight:600;color:#0b6e4f}.headline small{font-size:1rem;color:#52606d;font-weight:400}\
table{border-collapse:collapse;font-size:.9rem}td,th{padding:.25rem .7rem;text-align:right;border-bottom:1px solid #eef2f6}\
td:first-child,th:first-child{text-align:left;font-family:ui-monospace,monospace}tr.main td{font-weight:600;background:#effcf6}\
.plots{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-size:.85rem;color:#52606d;max-width:460px}\
svg text{font-family:system-ui,sans-serif;font-size:11px;fill:#334e68}";

/// Renders a report as one HTML page.
pub fn render(r: &Report) -> String {
    let mut h = String::new();
    let main = r.main_score().unwrap_or(f64::NAN);
    let main_ci = r
        .metric(&r.main)
        .and_then(|m| Some((m.ci_low?, m.ci_high?)))
        .map(|(a, b)| format!(" <small>95% CI [{}, {}]</small>", pct(a), pct(b)))
        .unwrap_or_default();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>rewardkit eval: {bench}</title><style>{STYLE}</style></head><body>\n\
<h1>rewardkit eval · {bench}</h1>\n<p class=\"meta\">data <code>{data}</code> ({items} items) · scores: {source} · {boot}</p>\n\
<p class=\"headline\">{main_name} = {main_v}{main_ci}</p>\n",
        bench = escape(r.title()),
        data = escape(&r.data),
        items = r.items,
        source = escape(&r.source),
        boot = if r.options.bootstrap > 0 {
            format!(
                "95% bootstrap intervals, {} replicates, seed {}",
                r.options.bootstrap, r.options.seed
            )
        } else {
            "no bootstrap".into()
        },
        main_name = escape(&r.main),
        main_v = pct(main),
    );
    h.push_str("<h2>Scores</h2>\n<div class=\"plots\"><figure>");
    h.push_str(&metrics_svg(r));
    h.push_str("<figcaption>Every metric in percent; whiskers are 95% bootstrap intervals. The main score is green.</figcaption></figure>\n");
    h.push_str("<table><thead><tr><th>metric</th><th>value</th><th>95% CI</th><th>n</th></tr></thead><tbody>\n");
    for m in &r.metrics {
        let ci = match (m.ci_low, m.ci_high) {
            (Some(a), Some(b)) => format!("[{}, {}]", pct(a), pct(b)),
            _ => "–".into(),
        };
        let _ = writeln!(
            h,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if m.name == r.main {
                " class=\"main\""
            } else {
                ""
            },
            escape(&m.name),
            pct(m.value),
            ci,
            m.n
        );
    }
    h.push_str("</tbody></table></div>\n");
    if r.calibration.is_some() || r.length_bias.is_some() {
        h.push_str("<h2>Calibration and length bias</h2>\n<div class=\"plots\">");
        if let Some(c) = &r.calibration {
            let _ = writeln!(
                h,
                "<figure>{}<figcaption>Reliability of σ(r<sub>chosen</sub> − r<sub>rejected</sub>) over {} pairs, each counted in both orders; dot area ∝ count. ECE {:.4} · Brier {:.4} · log loss {:.4}.</figcaption></figure>",
                reliability_svg(c),
                c.pairs,
                c.ece,
                c.brier,
                c.log_loss
            );
        }
        if let Some(l) = &r.length_bias {
            let _ = writeln!(
                h,
                "<figure>{}<figcaption>Reward against length (characters), one dot per completion. Spearman ρ = {}. Accuracy {}% when the chosen answer is longer ({} pairs), {}% when shorter ({}), {}% when equal ({}).</figcaption></figure>",
                length_svg(l),
                l.spearman.map_or("undefined".into(), |x| format!("{x:.3}")),
                pct(l.chosen_longer.accuracy),
                l.chosen_longer.pairs,
                pct(l.chosen_shorter.accuracy),
                l.chosen_shorter.pairs,
                pct(l.equal_length.accuracy),
                l.equal_length.pairs
            );
        }
        h.push_str("</div>\n");
    }
    let _ = write!(
        h,
        "<p class=\"meta\">Made by <code>rewardkit eval</code> (report schema {}). Exact scoring rules: see the rewardkit-eval crate documentation.</p>\n</body></html>\n",
        r.schema_version
    );
    h
}

/// Horizontal bars with whiskers, 0-100 %.
fn metrics_svg(r: &Report) -> String {
    let (label_w, plot_w, row_h) = (230.0, 300.0, 20.0);
    let n = r.metrics.len();
    let height = 30.0 + row_h * n as f64;
    let width = label_w + plot_w + 60.0;
    let x = |v: f64| label_w + plot_w * v.clamp(0.0, 1.0);
    let mut s = format!(
        "<svg id=\"plot-metrics\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"metrics with 95% intervals\">"
    );
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let _ = write!(
            s,
            "<line x1=\"{0}\" y1=\"4\" x2=\"{0}\" y2=\"{1}\" stroke=\"#d9e2ec\"/><text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>",
            x(t),
            height - 18.0,
            height - 4.0,
            (t * 100.0) as i64
        );
    }
    for (i, m) in r.metrics.iter().enumerate() {
        let y = 6.0 + row_h * i as f64;
        let color = if m.name == r.main {
            "#0b6e4f"
        } else {
            "#486581"
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"bar\" x=\"{label_w}\" y=\"{y}\" width=\"{:.2}\" height=\"{}\" fill=\"{color}\" opacity=\"0.85\"><title>{}: {}</title></rect>",
            label_w - 6.0,
            y + row_h * 0.6,
            escape(&m.name),
            x(m.value) - label_w,
            row_h - 6.0,
            escape(&m.name),
            pct(m.value)
        );
        if let (Some(a), Some(b)) = (m.ci_low, m.ci_high) {
            let ym = y + (row_h - 6.0) / 2.0;
            let _ = write!(
                s,
                "<path class=\"whisker\" d=\"M{:.2} {ym}H{:.2}M{:.2} {:.1}V{:.1}M{:.2} {:.1}V{:.1}\" stroke=\"#102a43\" stroke-width=\"1.2\" fill=\"none\"/>",
                x(a),
                x(b),
                x(a),
                ym - 4.0,
                ym + 4.0,
                x(b),
                ym - 4.0,
                ym + 4.0
            );
        }
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label_w + plot_w + 6.0,
            y + row_h * 0.6,
            pct(m.value)
        );
    }
    s.push_str("</svg>");
    s
}

fn axes(s: &mut String, w: f64, h: f64, m: f64, xlabel: &str, ylabel: &str) {
    let _ = write!(
        s,
        "<rect x=\"{m}\" y=\"10\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#9fb3c8\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
<text x=\"12\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {})\">{}</text>",
        w - m - 10.0,
        h - m - 10.0,
        (w + m) / 2.0,
        h - 6.0,
        escape(xlabel),
        (h - m) / 2.0,
        (h - m) / 2.0,
        escape(ylabel)
    );
}

/// The reliability diagram: the diagonal, and one dot per non-empty bin at (confidence,
/// accuracy).
fn reliability_svg(c: &Calibration) -> String {
    let (w, h, m) = (360.0, 360.0, 44.0);
    let px = |v: f64| m + (w - m - 10.0) * v;
    let py = |v: f64| h - m - (h - m - 10.0) * v;
    let mut s = format!(
        "<svg id=\"plot-reliability\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"reliability diagram\">"
    );
    axes(
        &mut s,
        w,
        h,
        m,
        "predicted P(chosen preferred)",
        "observed frequency",
    );
    for t in [0.0, 0.5, 1.0] {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{t}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{t}</text>",
            px(t),
            h - m + 14.0,
            m - 4.0,
            py(t) + 4.0
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#9fb3c8\" stroke-dasharray=\"4 3\"/>",
        px(0.0),
        py(0.0),
        px(1.0),
        py(1.0)
    );
    let max = c.bins.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    for b in c.bins.iter().filter(|b| b.count > 0) {
        let r = 3.0 + 9.0 * (b.count as f64 / max).sqrt();
        let _ = write!(
            s,
            "<line x1=\"{0:.2}\" y1=\"{1:.2}\" x2=\"{0:.2}\" y2=\"{2:.2}\" stroke=\"#f0b429\" stroke-width=\"2\"/><circle class=\"bin\" cx=\"{0:.2}\" cy=\"{2:.2}\" r=\"{3:.2}\" fill=\"#2680c2\" opacity=\"0.8\"><title>[{4:.1}, {5:.1}): {6} predictions, confidence {7:.3}, accuracy {8:.3}</title></circle>",
            px(b.confidence),
            py(b.confidence),
            py(b.accuracy),
            r,
            b.lo,
            b.hi,
            b.count,
            b.confidence,
            b.accuracy
        );
    }
    s.push_str("</svg>");
    s
}

/// Reward against length, one dot per completion.
fn length_svg(l: &LengthBias) -> String {
    let (w, h, m) = (420.0, 360.0, 44.0);
    let (mut x0, mut x1, mut y0, mut y1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for (x, y) in l
        .points
        .iter()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
    {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
        y0 = y0.min(*y);
        y1 = y1.max(*y);
    }
    if !(x0.is_finite() && y0.is_finite()) {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    if x1 - x0 <= 0.0 {
        x1 = x0 + 1.0;
    }
    if y1 - y0 <= 0.0 {
        y1 = y0 + 1.0;
    }
    let px = |v: f64| m + (w - m - 10.0) * (v - x0) / (x1 - x0);
    let py = |v: f64| h - m - (h - m - 10.0) * (v - y0) / (y1 - y0);
    let mut s = format!(
        "<svg id=\"plot-length\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"reward against length\">"
    );
    axes(&mut s, w, h, m, "length (characters)", "reward");
    let fmt = |v: f64| {
        if v.abs() >= 100.0 || v == v.trunc() {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        }
    };
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        px(x0),
        h - m + 14.0,
        fmt(x0),
        px(x1),
        h - m + 14.0,
        fmt(x1),
        m - 4.0,
        py(y0),
        fmt(y0),
        m - 4.0,
        py(y1) + 8.0,
        fmt(y1)
    );
    for (x, y) in l
        .points
        .iter()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
    {
        let _ = write!(
            s,
            "<circle class=\"pt\" cx=\"{:.2}\" cy=\"{:.2}\" r=\"2.5\" fill=\"#2680c2\" opacity=\"0.55\"/>",
            px(*x),
            py(*y)
        );
    }
    s.push_str("</svg>");
    s
}
