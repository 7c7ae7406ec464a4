//! Integration tests of `rewardkit-eval`, one test binary: every benchmark rule on fixtures in
//! its published layout (`tests/data`), the RewardMATH pairwise-judge mode, and the HTML
//! report rendered in headless Chromium.

mod benchmarks;
mod chromium;
mod rewardmath_pairwise;
