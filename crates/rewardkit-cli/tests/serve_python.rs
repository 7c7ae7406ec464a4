//! CI test of the Python trainer integrations (integrations/python): starts `rewardkit serve`
//! and drives the OpenRLHF, verl and TRL modules from a real `python3` process. Skipped, with
//! a notice, when python3 is missing.

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::Command;

#[test]
fn python_integrations_drive_the_server() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 not found");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("integrations/python/tests/check_integrations.py");
    let dir = tempfile::tempdir().unwrap();
    let srv = common::start(dir.path(), common::SPEC, &[]);
    let out = Command::new("python3")
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
