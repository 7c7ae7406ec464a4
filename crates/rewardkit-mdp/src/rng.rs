//! The seeded random number generator (xoshiro256++ seeded through SplitMix64, from
//! `rewardkit-rng`).
//!
//! Generators, synthetic preferences and sample-based EPIC take a `u64` seed and give the same
//! result for the same seed on every platform and in every version of this crate; a private
//! generator keeps that promise independent of third-party crates' stream changes.

pub use rewardkit_rng::Random;

/// xoshiro256++ (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021);
/// `Rng::new(seed)` expands the seed to the 256-bit state with SplitMix64.
pub type Rng = rewardkit_rng::Xoshiro256pp;
