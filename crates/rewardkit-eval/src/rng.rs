//! The seeded random numbers of the bootstrap: SplitMix64 (Steele, Lea and Flood, "Fast
//! splittable pseudorandom number generators", OOPSLA 2014; the constants of Vigna's
//! reference `splitmix64.c`).
//!
//! A state `x` advances by the golden-ratio increment `0x9E3779B97F4A7C15` and each output
//! is `x` mixed by two xor-shift-multiply rounds. A draw in `0..n` is the high 64 bits of the
//! 128-bit product `next() * n` (Lemire's multiply-shift; its bias is below `n / 2^64`,
//! far under any bootstrap's resolution). The same seed gives the same draws on every
//! platform, so every interval rewardkit prints is reproducible from `--seed`.
//!
//! ```
//! use rewardkit_eval::SplitMix64;
//! let mut r = SplitMix64::new(0);
//! assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
//! assert!(r.below(10) < 10);
//! ```

/// The SplitMix64 generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A draw in `0..n` (`n > 0`; 0 when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_sequence() {
        // splitmix64.c with x = 0: the first three outputs.
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220A8397B1DCDAF);
        assert_eq!(r.next_u64(), 0x6E789E6AA1B965F4);
        assert_eq!(r.next_u64(), 0x06C45D188009454F);
    }

    #[test]
    fn below_is_in_range_and_roughly_uniform() {
        let mut r = SplitMix64::new(42);
        let mut counts = [0usize; 4];
        for _ in 0..40_000 {
            counts[r.below(4)] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "{counts:?}");
        }
        assert_eq!(r.below(0), 0);
    }
}
