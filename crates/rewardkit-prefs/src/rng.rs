//! The seeded random generator of training (SplitMix64 from `rewardkit-rng`), so that
//! training is reproducible from the seed alone, on every platform and thread count; and the
//! FNV-1a hash of the hashing featurizer.

pub use rewardkit_rng::Random;
use rewardkit_rng::SplitMix64;

/// SplitMix64 seeded from a seed and a stream number.
#[derive(Debug, Clone)]
pub struct Rng(SplitMix64);

impl Rng {
    /// A generator from a seed and a stream number (so that members of an ensemble get
    /// independent streams from one seed): SplitMix64 from `seed ^ stream · 0xD1B54A32D192ED03`,
    /// its first output skipped.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut r = SplitMix64::new(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        Rng(r)
    }
}

impl Random for Rng {
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
}

/// FNV-1a 64-bit hash of bytes, from a given offset basis (two bases give two independent
/// hashes of one text).
pub fn fnv1a(bytes: &[u8], basis: u64) -> u64 {
    let mut h = basis;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// The standard FNV-1a 64 offset basis.
pub const FNV_BASIS: u64 = 0xCBF2_9CE4_8422_2325;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_and_in_range() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new(7, 0).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut r = Rng::new(7, 0);
        let mut s = Rng::new(7, 1);
        assert_ne!(r.next_u64(), s.next_u64());
        let xs: Vec<f64> = (0..20_000).map(|_| r.normal()).collect();
        let m = xs.iter().sum::<f64>() / xs.len() as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / xs.len() as f64;
        assert!(m.abs() < 0.03 && (v - 1.0).abs() < 0.05, "{m} {v}");
        assert!((0..1000).all(|_| r.below(3) < 3));
        // FNV-1a 64 of "a" (published test vector).
        assert_eq!(fnv1a(b"a", FNV_BASIS), 0xAF63_DC4C_8601_EC8C);
    }
}
