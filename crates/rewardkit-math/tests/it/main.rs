//! Integration tests: the golden suite and property tests.

mod golden;
mod props;
