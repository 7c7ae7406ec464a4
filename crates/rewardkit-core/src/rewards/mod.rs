//! Reward functions: the leaves of a pipeline.
//!
//! | `type` | what | module |
//! |---|---|---|
//! | `constant` | a fixed value | [`basic`] |
//! | `field` | a precomputed score read from the sample | [`basic`] |

pub mod basic;
