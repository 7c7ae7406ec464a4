//! The HTML report renders in a real browser: headless Chromium loads it from disk (no
//! network), the DOM it builds holds every plot's SVG elements, and the browser logs no
//! console message. Skipped, with a message, where Chromium is not installed (`.ci/run`
//! installs Debian's `chromium`); `REWARDKIT_CHROMIUM` names another binary.

use rewardkit_eval::{collect_scores, evaluate, html, Benchmark, Dataset, Options, Source};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("REWARDKIT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Runs headless Chromium with `extra` on `page`; returns (stdout, stderr).
fn run(bin: &Path, profile: &Path, extra: &[&str], page: &Path) -> (String, String) {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

#[test]
fn the_html_report_renders_its_plots_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!(
            "SKIPPED: headless Chromium test: no chromium found (apt-get install chromium, or set REWARDKIT_CHROMIUM)"
        );
        return;
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let ds = Dataset::load(Benchmark::RewardBench, &data.join("rewardbench.jsonl")).unwrap();
    let s = collect_scores(&ds, &Source::File(data.join("rewardbench-scores.jsonl"))).unwrap();
    let report = evaluate(&ds, &s, "fixture", &Options::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, html::render(&report)).unwrap();

    // The browser's own check first: a page with a console error is caught.
    let bad = dir.path().join("bad.html");
    std::fs::write(
        &bad,
        "<html><body><script>console.error('boom'); nope();</script></body></html>",
    )
    .unwrap();
    let (_, err) = run(&bin, &dir.path().join("p0"), &["--dump-dom"], &bad);
    assert_eq!(
        console_lines(&err).len(),
        2,
        "the console check sees errors:\n{err}"
    );

    let (dom, err) = run(&bin, &dir.path().join("p1"), &["--dump-dom"], &page);
    assert!(
        console_lines(&err).is_empty(),
        "console messages: {:?}",
        console_lines(&err)
    );
    for id in ["plot-metrics", "plot-reliability", "plot-length"] {
        assert!(
            dom.contains(&format!("<svg id=\"{id}\"")),
            "{id} missing from the DOM"
        );
    }
    // One bar per metric, one dot per non-empty reliability bin and per completion.
    assert_eq!(
        dom.matches("<rect class=\"bar\"").count(),
        report.metrics.len()
    );
    let bins = report
        .calibration
        .as_ref()
        .unwrap()
        .bins
        .iter()
        .filter(|b| b.count > 0)
        .count();
    assert_eq!(dom.matches("<circle class=\"bin\"").count(), bins);
    assert_eq!(
        dom.matches("<circle class=\"pt\"").count(),
        report.length_bias.as_ref().unwrap().points.len()
    );
    assert!(dom.matches("<path class=\"whisker\"").count() >= report.metrics.len() - 1);

    // And it paints: a screenshot is a real PNG of some size.
    let png = dir.path().join("shot.png");
    let shot = format!("--screenshot={}", png.display());
    let (_, err) = run(
        &bin,
        &dir.path().join("p2"),
        &[&shot, "--window-size=1000,1400"],
        &page,
    );
    assert!(console_lines(&err).is_empty());
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        bytes.len() > 20_000,
        "a blank page would be tiny: {} bytes",
        bytes.len()
    );
}
