//! Integration tests of `rewardkit-core`, one test binary: the hostile-review regressions and
//! the property tests of the transforms and combinators.

mod hostile;
mod props;
