//! Evaluation of a preference model on held-out pairs.
//!
//! - `accuracy`: share of pairs with P(chosen ≻ rejected) > 0.5 (a tie, P = 0.5, counts ½).
//! - `log_loss`: mean −ln P(chosen ≻ rejected) (P clamped to [1e-15, 1]).
//! - `ece`: expected calibration error over 10 equal-width bins of the confidence
//!   max(P, 1 − P) ∈ [0.5, 1]: Σ_b |B_b|/n · |accuracy(B_b) − mean confidence(B_b)|.
//! - `length_accuracy`: the same accuracy for the baseline "the longer response wins"
//!   (characters; ties ½).
//!
//! ```
//! let m = rewardkit_prefs::eval::metrics(&[0.9, 0.8, 0.4, 0.5], &[0.0; 4]);
//! assert_eq!(m.accuracy, (1.0 + 1.0 + 0.0 + 0.5) / 4.0);
//! assert_eq!(m.length_accuracy, 0.5);
//! ```

use serde::{Deserialize, Serialize};

/// Metrics over a set of pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Number of pairs.
    pub n: usize,
    /// Pairwise accuracy.
    pub accuracy: f64,
    /// Mean negative log-likelihood of the observed preferences.
    pub log_loss: f64,
    /// Expected calibration error (10 bins).
    pub ece: f64,
    /// Accuracy of the "longer response wins" baseline.
    pub length_accuracy: f64,
}

/// Metrics from P(chosen ≻ rejected) per pair and len(chosen) − len(rejected) per pair.
pub fn metrics(probs: &[f64], length_diff: &[f64]) -> Metrics {
    let n = probs.len();
    let nf = n.max(1) as f64;
    let hit = |p: f64| {
        if p > 0.5 {
            1.0
        } else if p < 0.5 {
            0.0
        } else {
            0.5
        }
    };
    let accuracy = probs.iter().map(|&p| hit(p)).sum::<f64>() / nf;
    let log_loss = probs
        .iter()
        .map(|&p| -p.clamp(1e-15, 1.0).ln())
        .sum::<f64>()
        / nf;
    let mut bins = [(0.0f64, 0.0f64, 0usize); 10];
    for &p in probs {
        let conf = p.max(1.0 - p);
        let b = (((conf - 0.5) / 0.05) as usize).min(9);
        bins[b].0 += hit(p);
        bins[b].1 += conf;
        bins[b].2 += 1;
    }
    let ece = bins
        .iter()
        .filter(|b| b.2 > 0)
        .map(|&(a, c, k)| (k as f64 / nf) * (a / k as f64 - c / k as f64).abs())
        .sum();
    let length_accuracy = length_diff
        .iter()
        .map(|&d| hit(0.5 + 0.25 * ((d > 0.0) as i8 - (d < 0.0) as i8) as f64))
        .sum::<f64>()
        / length_diff.len().max(1) as f64;
    Metrics {
        n,
        accuracy,
        log_loss,
        ece,
        length_accuracy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        let m = metrics(&[0.9, 0.2], &[3.0, -1.0]);
        assert_eq!(m.accuracy, 0.5);
        assert!((m.log_loss - (-(0.9f64.ln()) - 0.2f64.ln()) / 2.0).abs() < 1e-12);
        // confidences 0.9 (hit) and 0.8 (miss), separate bins: ½|1 − 0.9| + ½|0 − 0.8| = 0.45
        assert!((m.ece - 0.45).abs() < 1e-12);
        assert_eq!(m.length_accuracy, 0.5);
        let perfect = metrics(&[1.0, 1.0], &[1.0, 1.0]);
        assert_eq!(
            (perfect.accuracy, perfect.ece, perfect.length_accuracy),
            (1.0, 0.0, 1.0)
        );
    }
}
