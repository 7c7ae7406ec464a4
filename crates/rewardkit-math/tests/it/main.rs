//! Integration tests: the golden suite and property tests.

mod corpus;
mod extraction;
mod golden;
mod hedges;
mod props;
