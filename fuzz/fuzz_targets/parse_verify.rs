//! Fuzz the answer parser and the verifier: no panic, no hang, on any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rewardkit_math::{normalize, verify_until, Options};
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let opts = Options::default();
    let _ = normalize(s, &opts);
    // split into gold / pred at the first NUL or newline
    let (g, p) = s.split_once('\n').unwrap_or((s, s));
    let start = Instant::now();
    let v = verify_until(g, p, &opts, Some(start + Duration::from_millis(200)));
    let _ = v.is_equal();
    let reversed = verify_until(p, g, &opts, Some(start + Duration::from_millis(400)));
    let _ = reversed.reason.len();
});
