//! Integration tests of `rewardkit-mdp`, one test binary: the papers' test vectors and the
//! property tests of the metrics.

mod properties;
mod vectors;
