//! The seeded random numbers of rewardkit, in one place: every seeded result (the numeric
//! fallback of the math verifier, bootstrap intervals, training, random MDPs) is reproducible
//! from its seed on every platform and in every version, independent of third-party crates'
//! stream changes.
//!
//! - [`SplitMix64`] (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
//!   OOPSLA 2014; the constants of Vigna's reference `splitmix64.c`): a state advanced by the
//!   golden-ratio increment, each output mixed by two xor-shift-multiply rounds. Its
//!   [`Random::below`] is Lemire's multiply-shift (bias below `n / 2^64`).
//! - [`Xoshiro256pp`] (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
//!   2021), its 256-bit state expanded from the seed by SplitMix64. Its [`Random::below`] is
//!   Lemire's method with rejection (no bias).
//!
//! [`Random`] adds the draws built on 64 random bits (uniform, normal, exponential,
//! categorical, shuffles); each generator keeps its own `below`, so that every stream
//! rewardkit has published stays what it was.
//!
//! ```
//! use rewardkit_rng::{Random, SplitMix64, Xoshiro256pp};
//! let mut r = SplitMix64::new(0);
//! assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
//! assert!(r.below(10) < 10);
//! let mut x = Xoshiro256pp::new(7);
//! let u = x.uniform();
//! assert!((0.0..1.0).contains(&u));
//! ```

/// A source of 64 random bits, and the draws built on them.
pub trait Random {
    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64;

    /// A draw in `0..n` (`n > 0`; see each generator for its method).
    fn below(&mut self, n: usize) -> usize;

    /// Uniform in `[0, 1)`, 53 bits.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Exponential with rate 1 (the building block of a flat Dirichlet draw).
    fn exponential(&mut self) -> f64 {
        -(1.0 - self.uniform()).ln()
    }

    /// Fisher–Yates shuffle (from the last element down).
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }

    /// An index drawn from the (non-negative, not necessarily normalised) weights. Falls
    /// back to the last positive weight on rounding; `None` when all weights are 0.
    fn categorical(&mut self, weights: &[f64]) -> Option<usize> {
        let total: f64 = weights.iter().sum();
        if total.is_nan() || total <= 0.0 {
            return None;
        }
        let mut u = self.uniform() * total;
        let mut last = None;
        for (i, &w) in weights.iter().enumerate() {
            if w > 0.0 {
                last = Some(i);
                if u < w {
                    return Some(i);
                }
                u -= w;
            }
        }
        last
    }

    /// `k` distinct indices from `0..n` in random order (`k` is capped at `n`): Floyd's
    /// algorithm for small `k`, a partial Fisher–Yates shuffle otherwise.
    fn sample_distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        if k * 4 < n {
            let mut chosen = std::collections::HashSet::with_capacity(k);
            let mut out = Vec::with_capacity(k);
            for j in (n - k)..n {
                let t = self.below(j + 1);
                let pick = if chosen.contains(&t) { j } else { t };
                chosen.insert(pick);
                out.push(pick);
            }
            out
        } else {
            let mut all: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = i + self.below(n - i);
                all.swap(i, j);
            }
            all.truncate(k);
            all
        }
    }
}

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
}

impl Random for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The high 64 bits of `next_u64() · n` (Lemire's multiply-shift); 0 when `n == 0`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// The xoshiro256++ generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Xoshiro256pp {
    s: [u64; 4],
}

impl Xoshiro256pp {
    /// A generator whose state is the first four SplitMix64 outputs from `seed`.
    pub fn new(seed: u64) -> Self {
        let mut sm = SplitMix64::new(seed);
        Xoshiro256pp {
            s: [sm.next_u64(), sm.next_u64(), sm.next_u64(), sm.next_u64()],
        }
    }
}

impl Random for Xoshiro256pp {
    fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Lemire's method with rejection: unbiased (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        let n = n as u64;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            let low = m as u64;
            if low >= n.wrapping_neg() % n {
                return (m >> 64) as usize;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // splitmix64.c with x = 0: the first three outputs.
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220A8397B1DCDAF);
        assert_eq!(r.next_u64(), 0x6E789E6AA1B965F4);
        assert_eq!(r.next_u64(), 0x06C45D188009454F);
    }

    #[test]
    fn xoshiro_matches_its_definition() {
        // State from SplitMix64(1), then one step of xoshiro256++ written out.
        let mut sm = SplitMix64::new(1);
        let s: Vec<u64> = (0..4).map(|_| sm.next_u64()).collect();
        let expected = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        assert_eq!(Xoshiro256pp::new(1).next_u64(), expected);
        let (mut a, mut b) = (Xoshiro256pp::new(7), Xoshiro256pp::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(
            Xoshiro256pp::new(7).next_u64(),
            Xoshiro256pp::new(8).next_u64()
        );
    }

    #[test]
    fn draws_are_in_range_and_roughly_uniform() {
        let mut r = SplitMix64::new(42);
        let mut counts = [0usize; 4];
        for _ in 0..40_000 {
            counts[r.below(4)] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "{counts:?}");
        }
        assert_eq!(r.below(0), 0);
        let mut x = Xoshiro256pp::new(1);
        for _ in 0..10_000 {
            assert!((0.0..1.0).contains(&x.uniform()));
            assert!(x.below(7) < 7);
        }
        let d = x.sample_distinct(100, 10);
        let set: std::collections::HashSet<_> = d.iter().collect();
        assert_eq!(set.len(), 10);
        assert!(d.iter().all(|&i| i < 100));
        assert_eq!(x.sample_distinct(5, 9).len(), 5);
        assert_eq!(x.categorical(&[0.0, 0.0]), None);
        assert_eq!(x.categorical(&[0.0, 2.0]), Some(1));
        let xs: Vec<f64> = (0..20_000).map(|_| r.normal()).collect();
        let m = xs.iter().sum::<f64>() / xs.len() as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / xs.len() as f64;
        assert!(m.abs() < 0.03 && (v - 1.0).abs() < 0.05, "{m} {v}");
        let mut v: Vec<usize> = (0..50).collect();
        r.shuffle(&mut v);
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<_>>());
    }
}
