//! Fuzz answer extraction on completions: no panic, no hang, and the reported span always lies
//! inside the prediction on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rewardkit_math::{verify_until, Options};
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let Ok(pred) = std::str::from_utf8(data) else { return };
    let opts = Options::default();
    for gold in ["3", "C", "\\frac{1}{2}", "(1, 2)", "x \\ge 2", "C. 15"] {
        let start = Instant::now();
        let v = verify_until(gold, pred, &opts, Some(start + Duration::from_millis(200)));
        if let Some(x) = &v.extraction {
            assert!(x.start <= x.end && x.end <= pred.len(), "span out of range");
            assert!(pred.is_char_boundary(x.start) && pred.is_char_boundary(x.end));
        }
    }
});
