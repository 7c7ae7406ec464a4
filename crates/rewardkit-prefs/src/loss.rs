//! Losses of one preference pair, with their gradients, in numerically stable forms.
//!
//! With Δ = r(x, y_c) − r(x, y_r) (Bradley-Terry family):
//!
//! | variant | loss | source |
//! |---|---|---|
//! | `bt` | −log σ(Δ) | InstructGPT (Ouyang et al. 2022, arXiv 2203.02155) |
//! | `margin` | −log σ(Δ − m) | Llama 2 (Touvron et al. 2023, arXiv 2307.09288) |
//! | `scaled` | −m · log σ(Δ) (pairs with m = 0, ties, are dropped) | HelpSteer2-Preference (Wang et al. 2024, arXiv 2410.01257) |
//! | label smoothing ε | −(1 − ε) log σ(z) − ε log σ(−z) | Secrets of RLHF II (Wang et al. 2024, arXiv 2401.06080) |
//! | centring c | + c (r_c + r_r)² | Eisenstein et al. 2023 (arXiv 2312.09244); TRL `center_rewards_coefficient`, 0.01 |
//!
//! General Preference Model (Zhang et al., arXiv 2410.02197): preference embeddings
//! v ∈ R^{2k}, the skew-symmetric operator R = blockdiag([[0, −1], [1, 0]] × k), score
//! s(i, j) = ⟨R v_i, v_j⟩ = Σ_l (v_i\[2l\] v_j\[2l+1\] − v_i\[2l+1\] v_j\[2l\]), P(i ≻ j) = σ(s/τ),
//! loss −log σ((s − m)/τ). With k = 1 and v = (r, 1), s = r_i − r_j: exactly BT.
//!
//! log σ(z) = −softplus(−z), computed as z for z < −30 and −ln(1 + e^{−z}) otherwise.
//!
//! ```
//! use rewardkit_prefs::loss::{BtLoss, BtVariant};
//! // Worked example (Δ = 0.5, m = 2): BT 0.474077, margin BT 1.701413, scaled BT 0.948154.
//! let l = |variant, smoothing| BtLoss { variant, smoothing, center: 0.0 }.eval(0.5, 0.0, Some(2.0)).0;
//! assert!((l(BtVariant::Bt, 0.0) - 0.474077).abs() < 1e-6);
//! assert!((l(BtVariant::Margin, 0.0) - 1.701413).abs() < 1e-6);
//! assert!((l(BtVariant::Scaled, 0.0) - 0.948154).abs() < 1e-6);
//! assert!((l(BtVariant::Bt, 0.1) - 0.524077).abs() < 1e-6);
//! ```

use serde::{Deserialize, Serialize};

/// log σ(z), stable.
pub fn log_sigmoid(z: f64) -> f64 {
    if z < -30.0 {
        z
    } else {
        -(-z).exp().ln_1p()
    }
}

/// σ(z), stable.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Which Bradley-Terry loss.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BtVariant {
    /// −log σ(Δ).
    #[default]
    Bt,
    /// −log σ(Δ − m) (Llama 2); a pair without `margin` has m = 0.
    Margin,
    /// −m log σ(Δ) (HelpSteer2-Preference); a pair without `margin` has m = 1, m = 0 is dropped.
    Scaled,
}

/// A Bradley-Terry loss with its options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct BtLoss {
    /// The variant.
    pub variant: BtVariant,
    /// Label smoothing ε ∈ [0, 0.5).
    pub smoothing: f64,
    /// Reward-centring coefficient c ≥ 0.
    pub center: f64,
}

impl BtLoss {
    /// Loss and its gradient `(L, ∂L/∂r_c, ∂L/∂r_r)` for rewards `rc`, `rr` and the pair's margin.
    pub fn eval(&self, rc: f64, rr: f64, margin: Option<f64>) -> (f64, f64, f64) {
        let (shift, weight) = match self.variant {
            BtVariant::Bt => (0.0, 1.0),
            BtVariant::Margin => (margin.unwrap_or(0.0), 1.0),
            BtVariant::Scaled => (0.0, margin.unwrap_or(1.0).abs()),
        };
        let z = rc - rr - shift;
        let e = self.smoothing;
        let loss = -weight * ((1.0 - e) * log_sigmoid(z) + e * log_sigmoid(-z));
        // d/dz log σ(z) = σ(−z)
        let dz = -weight * ((1.0 - e) * sigmoid(-z) - e * sigmoid(z));
        let s = rc + rr;
        (
            loss + self.center * s * s,
            dz + 2.0 * self.center * s,
            -dz + 2.0 * self.center * s,
        )
    }

    /// Whether a pair takes part in training (scaled BT drops ties, m = 0).
    pub fn uses(&self, margin: Option<f64>) -> bool {
        !(self.variant == BtVariant::Scaled && margin == Some(0.0))
    }
}

/// GPM score s(i, j) = ⟨R v_i, v_j⟩.
pub fn gpm_score(vi: &[f64], vj: &[f64]) -> f64 {
    vi.chunks_exact(2)
        .zip(vj.chunks_exact(2))
        .map(|(a, b)| a[0] * b[1] - a[1] * b[0])
        .sum()
}

/// GPM loss −log σ((s − m)/τ) and its gradients with respect to v_i and v_j.
pub fn gpm_loss(vi: &[f64], vj: &[f64], tau: f64, margin: f64) -> (f64, Vec<f64>, Vec<f64>) {
    let s = gpm_score(vi, vj);
    let z = (s - margin) / tau;
    let ds = -sigmoid(-z) / tau;
    let mut gi = vec![0.0; vi.len()];
    let mut gj = vec![0.0; vj.len()];
    for l in 0..vi.len() / 2 {
        gi[2 * l] = ds * vj[2 * l + 1];
        gi[2 * l + 1] = -ds * vj[2 * l];
        gj[2 * l] = -ds * vi[2 * l + 1];
        gj[2 * l + 1] = ds * vi[2 * l];
    }
    (-log_sigmoid(z), gi, gj)
}

/// v/‖v‖ (v unchanged when ‖v‖ = 0) and ‖v‖.
pub fn normalise(v: &[f64]) -> (Vec<f64>, f64) {
    let n = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if n > 0.0 {
        (v.iter().map(|x| x / n).collect(), n)
    } else {
        (v.to_vec(), 0.0)
    }
}

/// Back through u = v/‖v‖: ∂L/∂v = (g − u ⟨u, g⟩)/‖v‖.
pub fn normalise_backward(u: &[f64], norm: f64, g: &[f64]) -> Vec<f64> {
    if norm == 0.0 {
        return g.to_vec();
    }
    let ug: f64 = u.iter().zip(g).map(|(a, b)| a * b).sum();
    u.iter()
        .zip(g)
        .map(|(ui, gi)| (gi - ui * ug) / norm)
        .collect()
}

/// Ensemble statistics of member rewards (Coste et al., ICLR 2024): mean, worst case (min) and
/// uncertainty-weighted mean − λ·Var (variance with `ddof` 0 or 1; with one member, 0).
pub fn ensemble_stat(r: &[f64], stat: Stat, lambda: f64, ddof: u32) -> f64 {
    let n = r.len() as f64;
    let mean = r.iter().sum::<f64>() / n;
    match stat {
        Stat::Mean => mean,
        Stat::Min => r.iter().copied().fold(f64::INFINITY, f64::min),
        Stat::Uwo => {
            let denom = n - ddof as f64;
            let var = if denom > 0.0 {
                r.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / denom
            } else {
                0.0
            };
            mean - lambda * var
        }
    }
}

/// An ensemble statistic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stat {
    /// Mean.
    #[default]
    Mean,
    /// Minimum (worst case).
    Min,
    /// Mean − λ·variance.
    Uwo,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fd(f: impl Fn(f64) -> f64, x: f64) -> f64 {
        (f(x + 1e-6) - f(x - 1e-6)) / 2e-6
    }

    #[test]
    fn stable_log_sigmoid() {
        assert_eq!(log_sigmoid(-1000.0), -1000.0);
        assert_eq!(log_sigmoid(1000.0), 0.0);
        assert!((log_sigmoid(0.0) + std::f64::consts::LN_2).abs() < 1e-15);
        assert!((sigmoid(-800.0)).abs() < 1e-300 && sigmoid(800.0) == 1.0);
    }

    #[test]
    fn worked_examples_and_invariants() {
        // Centring penalty at r_c = 1.5, r_r = 1.0, c = 0.01: 0.0625 on top of BT.
        let bt = BtLoss::default();
        let c = BtLoss { center: 0.01, ..bt };
        assert!((c.eval(1.5, 1.0, None).0 - bt.eval(1.5, 1.0, None).0 - 0.0625).abs() < 1e-12);
        // BT is invariant to a shared constant; margin 0 and scale 1 reduce to BT.
        assert!((bt.eval(3.5, 3.0, None).0 - bt.eval(0.5, 0.0, None).0).abs() < 1e-12);
        let m = BtLoss {
            variant: BtVariant::Margin,
            ..bt
        };
        let s = BtLoss {
            variant: BtVariant::Scaled,
            ..bt
        };
        assert_eq!(m.eval(0.5, 0.0, Some(0.0)), bt.eval(0.5, 0.0, None));
        assert_eq!(s.eval(0.5, 0.0, Some(1.0)), bt.eval(0.5, 0.0, None));
        assert!(!s.uses(Some(0.0)) && s.uses(Some(2.0)) && bt.uses(Some(0.0)));
    }

    #[test]
    fn bt_gradients_match_finite_differences() {
        for variant in [BtVariant::Bt, BtVariant::Margin, BtVariant::Scaled] {
            let l = BtLoss {
                variant,
                smoothing: 0.1,
                center: 0.05,
            };
            for (rc, rr) in [(0.3, -0.4), (-2.0, 1.0), (5.0, 5.5)] {
                let (_, gc, gr) = l.eval(rc, rr, Some(2.0));
                assert!((gc - fd(|x| l.eval(x, rr, Some(2.0)).0, rc)).abs() < 1e-6);
                assert!((gr - fd(|x| l.eval(rc, x, Some(2.0)).0, rr)).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn gpm_test_vectors() {
        assert_eq!(gpm_score(&[1.0, 0.0], &[0.0, 1.0]), 1.0);
        assert!((sigmoid(1.0 / 0.1) - 0.9999546).abs() < 1e-7);
        assert_eq!(gpm_score(&[0.0, 1.0], &[1.0, 0.0]), -1.0);
        // BT reduction: v = (r, 1).
        assert_eq!(gpm_score(&[2.0, 1.0], &[0.5, 1.0]), 1.5);
        // A cycle: unit vectors at 0, 2π/3, 4π/3 each beat the next.
        let v: Vec<[f64; 2]> = (0..3)
            .map(|i| {
                let a = i as f64 * std::f64::consts::TAU / 3.0;
                [a.cos(), a.sin()]
            })
            .collect();
        for i in 0..3 {
            assert!((gpm_score(&v[i], &v[(i + 1) % 3]) - 0.866025).abs() < 1e-6);
        }
        // Skew-symmetry.
        let (a, b) = ([0.3, -1.2, 0.7, 0.1], [1.1, 0.4, -0.2, 0.9]);
        assert_eq!(gpm_score(&a, &b), -gpm_score(&b, &a));
        assert_eq!(gpm_score(&a, &a), 0.0);
    }

    #[test]
    fn gpm_with_k1_and_v_r1_is_exactly_bt() {
        // v = (r, 1), τ = 1, no margin: the GPM loss and its gradient in r are BT's.
        let bt = BtLoss::default();
        for (rc, rr) in [(0.5, 0.0), (-2.0, 1.5), (30.0, -40.0)] {
            let (l, gc, gr) = gpm_loss(&[rc, 1.0], &[rr, 1.0], 1.0, 0.0);
            let (lb, bc, br) = bt.eval(rc, rr, None);
            assert_eq!(l, lb);
            assert_eq!((gc[0], gr[0]), (bc, br));
        }
    }

    #[test]
    fn gpm_gradients_match_finite_differences() {
        let (a, b) = (vec![0.3, -1.2, 0.7, 0.1], vec![1.1, 0.4, -0.2, 0.9]);
        let (_, ga, gb) = gpm_loss(&a, &b, 0.5, 0.2);
        for i in 0..4 {
            let f = |x: f64| {
                let mut q = a.clone();
                q[i] = x;
                gpm_loss(&q, &b, 0.5, 0.2).0
            };
            assert!((ga[i] - fd(f, a[i])).abs() < 1e-6);
            let f = |x: f64| {
                let mut q = b.clone();
                q[i] = x;
                gpm_loss(&a, &q, 0.5, 0.2).0
            };
            assert!((gb[i] - fd(f, b[i])).abs() < 1e-6);
        }
        // Through the normalisation.
        let g = vec![0.5, -1.0, 0.25, 2.0];
        let (u, n) = normalise(&a);
        let back = normalise_backward(&u, n, &g);
        for i in 0..4 {
            let f = |x: f64| {
                let mut q = a.clone();
                q[i] = x;
                normalise(&q)
                    .0
                    .iter()
                    .zip(&g)
                    .map(|(p, q)| p * q)
                    .sum::<f64>()
            };
            assert!((back[i] - fd(f, a[i])).abs() < 1e-6);
        }
    }

    #[test]
    fn ensemble_test_vectors() {
        let r = [1.0, 2.0, 3.0];
        assert_eq!(ensemble_stat(&r, Stat::Mean, 0.5, 0), 2.0);
        assert_eq!(ensemble_stat(&r, Stat::Min, 0.5, 0), 1.0);
        assert!((ensemble_stat(&r, Stat::Uwo, 0.5, 0) - 1.666667).abs() < 1e-6);
        assert!((ensemble_stat(&r, Stat::Uwo, 0.5, 1) - 1.5).abs() < 1e-12);
        assert_eq!(ensemble_stat(&[4.0], Stat::Uwo, 0.5, 1), 4.0);
    }
}
