//! CI test of the Python trainer integrations (integrations/python, shims over the `rewardkit`
//! package): starts `rewardkit serve` and drives the OpenRLHF, verl and TRL modules from a real
//! Python process. With `REWARDKIT_PYTHON` set (a Python with the package installed; `.ci/run`
//! sets it to its virtual environment) the test runs, and a Python that is missing or cannot
//! import `rewardkit` is a failure. Without it, `python3` is tried, and the test is skipped
//! with a notice when that Python cannot import `rewardkit` (a developer machine without the
//! package).

use rewardkit_test::fixtures::SPEC;
use rewardkit_test::http::TestServer;
use std::path::PathBuf;
use std::process::Command;

#[test]
fn python_integrations_drive_the_server() {
    let required = std::env::var("REWARDKIT_PYTHON").ok();
    let python = required.clone().unwrap_or_else(|| "python3".into());
    let usable = match Command::new(&python)
        .args(["-c", "import rewardkit"])
        .output()
    {
        Err(e) => Err(format!("{python} not found ({e})")),
        Ok(o) if !o.status.success() => Err(format!(
            "{python} cannot import rewardkit (pip install . at the repository root, or set \
             REWARDKIT_PYTHON): {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Ok(_) => Ok(()),
    };
    if let Err(why) = usable {
        assert!(
            required.is_none(),
            "REWARDKIT_PYTHON is set, so the integrations must run: {why}"
        );
        eprintln!("skipping: {why}");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("integrations/python/tests/check_integrations.py");
    let dir = tempfile::tempdir().unwrap();
    let srv = TestServer::start(env!("CARGO_BIN_EXE_rewardkit"), dir.path(), SPEC, &[]);
    let out = Command::new(&python)
        .arg(&script)
        .env("REWARDKIT_URL", format!("http://{}", srv.addr))
        .env("REWARDKIT_RETRIES", "2")
        .env_remove("REWARDKIT_TOKEN")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "python failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("integrations ok"), "{stdout}\n{stderr}");
}
