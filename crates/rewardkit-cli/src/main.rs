//! The `rewardkit` command line.
fn main() {}
