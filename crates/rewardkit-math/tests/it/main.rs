//! Integration tests: the golden suite and property tests.

mod extraction;
mod golden;
mod props;
