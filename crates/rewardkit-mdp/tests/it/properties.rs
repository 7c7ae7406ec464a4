//! Property tests: the invariances each metric promises (potential shaping, positive
//! scaling, S'-redistribution), the pseudometric axioms, and the degenerate cases.

use proptest::prelude::*;
use rewardkit_mdp::generate::{random_mdp, random_reward};
use rewardkit_mdp::planning::{evaluate, optimal, value_iteration};
use rewardkit_mdp::{
    dard_canonical, distance, epic_canonical, epic_sample_tabular, redistribute, shape,
    val_canonical, Coverage, Mdp, Metric, Norm, Options, Policy, Random, Reward, RewardKind, Rng,
    SampleOptions,
};

const ALL: [Metric; 6] = [
    Metric::Epic,
    Metric::Dard,
    Metric::StarcEpic,
    Metric::StarcDard,
    Metric::StarcVal,
    Metric::Pearson,
];

fn setup(n_s: usize, n_a: usize, gamma: f64, sparsity: f64, seed: u64) -> (Mdp, Reward) {
    let mdp = random_mdp(n_s, n_a, gamma, sparsity, seed).unwrap();
    let r = random_reward(n_s, n_a, RewardKind::Transition, seed ^ 0xABCD).unwrap();
    (mdp, r)
}

fn potential(n: usize, seed: u64, scale: f64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| scale * rng.normal()).collect()
}

fn max_diff(a: &Reward, b: &Reward) -> f64 {
    a.values()
        .iter()
        .zip(b.values())
        .fold(0.0, |m, (x, y)| f64::max(m, (x - y).abs()))
}

fn options(kind: u8, mdp: &Mdp) -> Options {
    let mut o = Options::default();
    match kind % 4 {
        0 => {}
        1 => {
            o.coverage = Coverage::Transitions;
            o.norm = Norm::L1;
            o.metric = Norm::L1;
        }
        2 => {
            o.norm = Norm::WeightedL2;
            o.metric = Norm::LInf;
            let n = mdp.n_states();
            let mut d: Vec<f64> = (0..n).map(|i| 1.0 + i as f64).collect();
            let t: f64 = d.iter().sum();
            d.iter_mut().for_each(|v| *v /= t);
            o.state_dist = Some(d);
        }
        _ => {
            o.norm = Norm::LInf;
            o.metric = Norm::WeightedL1;
            o.scale = 0.5;
            let n = mdp.n_states() * mdp.n_actions();
            let probs: Vec<f64> = (0..n)
                .map(|i| if i % mdp.n_actions() == 0 { 1.0 } else { 0.0 })
                .collect();
            o.policy = Some(Policy::from_probs(mdp.n_states(), mdp.n_actions(), probs).unwrap());
        }
    }
    o
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// |C(R) − C(shape(R, Φ))|∞ ≈ 0 for EPIC, DARD and VAL, any Φ and γ.
    #[test]
    fn canonicalisations_remove_shaping(
        n_s in 2usize..7, n_a in 1usize..4, gamma in 0.0f64..0.99,
        sparsity in prop_oneof![Just(0.0), Just(0.6)], seed in any::<u64>(), phi_scale in 0.1f64..100.0,
    ) {
        let (mdp, r) = setup(n_s, n_a, gamma, sparsity, seed);
        let phi = potential(n_s, seed.wrapping_add(1), phi_scale);
        let shaped = shape(&r, &phi, gamma).unwrap();
        let tol = 1e-10 * (1.0 + phi_scale) / (1.0 - gamma);
        let e = max_diff(&epic_canonical(&r, gamma, None, None).unwrap(),
                         &epic_canonical(&shaped, gamma, None, None).unwrap());
        prop_assert!(e < tol, "EPIC {e}");
        let d = max_diff(&dard_canonical(&r, &mdp, None).unwrap(),
                         &dard_canonical(&shaped, &mdp, None).unwrap());
        prop_assert!(d < tol, "DARD {d}");
        let v = max_diff(&val_canonical(&r, &mdp, None).unwrap(),
                         &val_canonical(&shaped, &mdp, None).unwrap());
        prop_assert!(v < tol, "VAL {v}");
    }

    /// Every canonicalised metric is 0 between R and c·shape(R, Φ) + (constant for EPIC).
    #[test]
    fn shaping_and_scaling_give_zero(
        n_s in 2usize..7, n_a in 1usize..4, gamma in 0.0f64..0.99,
        seed in any::<u64>(), c in 0.01f64..100.0, opt_kind in 0u8..4,
    ) {
        let (mdp, r) = setup(n_s, n_a, gamma, 0.3, seed);
        let phi = potential(n_s, seed.wrapping_add(2), 3.0);
        let r2 = shape(&r, &phi, gamma).unwrap().affine(c, 0.0);
        let o = options(opt_kind, &mdp);
        for m in [Metric::Epic, Metric::Dard, Metric::StarcEpic, Metric::StarcDard, Metric::StarcVal] {
            let d = distance(m, &r, &r2, &mdp, &o).unwrap();
            prop_assert!(d.value < 1e-6, "{m:?} {d:?}");
        }
        let d = distance(Metric::Epic, &r, &r.affine(c, 5.0), &mdp, &o).unwrap();
        prop_assert!(d.value < 1e-6);
    }

    /// VAL removes S'-redistribution; EPIC does not (in general).
    #[test]
    fn val_removes_redistribution(
        n_s in 2usize..7, n_a in 1usize..4, gamma in 0.0f64..0.99, seed in any::<u64>(),
        opt_kind in 0u8..4,
    ) {
        let (mdp, r) = setup(n_s, n_a, gamma, 0.0, seed);
        let z = random_reward(n_s, n_a, RewardKind::Transition, seed.wrapping_add(3)).unwrap();
        let r2 = redistribute(&r, &z, &mdp).unwrap();
        let v = max_diff(&val_canonical(&r, &mdp, None).unwrap(), &val_canonical(&r2, &mdp, None).unwrap());
        prop_assert!(v < 1e-9 / (1.0 - gamma), "{v}");
        let o = options(opt_kind, &mdp);
        let d = distance(Metric::StarcVal, &r, &r2, &mdp, &o).unwrap();
        prop_assert!(d.value < 1e-6, "{d:?}");
    }

    /// Symmetry, identity, triangle inequality and ranges on random triples.
    #[test]
    fn metric_axioms(
        n_s in 2usize..6, n_a in 1usize..4, gamma in 0.0f64..0.95, seed in any::<u64>(),
        opt_kind in 0u8..4,
    ) {
        let (mdp, a) = setup(n_s, n_a, gamma, 0.3, seed);
        let b = random_reward(n_s, n_a, RewardKind::StateAction, seed.wrapping_add(5)).unwrap();
        let c = random_reward(n_s, n_a, RewardKind::State, seed.wrapping_add(6)).unwrap();
        let o = options(opt_kind, &mdp);
        for m in ALL {
            let d = |x: &Reward, y: &Reward| distance(m, x, y, &mdp, &o).unwrap().value;
            let (ab, ba, bc, ac) = (d(&a, &b), d(&b, &a), d(&b, &c), d(&a, &c));
            for v in [ab, ba, bc, ac] {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
            prop_assert!((ab - ba).abs() < 1e-12, "{m:?} symmetry {ab} {ba}");
            prop_assert!(d(&a, &a) < 1e-6, "{m:?} identity {}", d(&a, &a));
            prop_assert!(ac <= ab + bc + 1e-9, "{m:?} triangle {ac} > {ab} + {bc}");
            match m {
                Metric::Epic | Metric::Dard | Metric::Pearson => prop_assert!(ab <= 1.0 + 1e-12),
                _ if o.metric == Norm::L2 && o.norm == Norm::L2 => prop_assert!(ab <= 2.0 + 1e-9),
                _ => {}
            }
        }
    }

    /// STARC-EPIC (L2/L2, uniform coverage and distributions) = 2 × EPIC.
    #[test]
    fn starc_epic_is_twice_epic(n_s in 2usize..7, n_a in 1usize..4, gamma in 0.0f64..0.99, seed in any::<u64>()) {
        let (mdp, a) = setup(n_s, n_a, gamma, 0.0, seed);
        let b = random_reward(n_s, n_a, RewardKind::Transition, seed.wrapping_add(9)).unwrap();
        let o = Options::default();
        let e = distance(Metric::Epic, &a, &b, &mdp, &o).unwrap().value;
        let s = distance(Metric::StarcEpic, &a, &b, &mdp, &o).unwrap().value;
        prop_assert!((s - 2.0 * e).abs() < 1e-9, "{s} vs 2 × {e}");
    }

    /// Shaping shifts Q* by −Φ(s) and keeps the optimal policies.
    #[test]
    fn shaping_shifts_q(n_s in 2usize..7, n_a in 1usize..4, gamma in 0.0f64..0.95, seed in any::<u64>()) {
        let (mdp, r) = setup(n_s, n_a, gamma, 0.5, seed);
        let phi = potential(n_s, seed.wrapping_add(11), 2.0);
        let o1 = optimal(&mdp, &r).unwrap();
        let o2 = optimal(&mdp, &shape(&r, &phi, gamma).unwrap()).unwrap();
        for (i, (q1, q2)) in o1.q.iter().zip(&o2.q).enumerate() {
            prop_assert!((q1 - phi[i / n_a] - q2).abs() < 1e-8);
        }
        prop_assert_eq!(o1.optimal_actions, o2.optimal_actions);
    }

    /// A shaped trajectory return telescopes: Σγᵗ F = γᵀΦ(s_T) − Φ(s₀).
    #[test]
    fn returns_telescope(n_s in 2usize..7, gamma in 0.0f64..1.0, seed in any::<u64>(), len in 1usize..30) {
        let (mdp, r) = setup(n_s, 2, gamma.min(0.999), 0.0, seed);
        let g = mdp.gamma();
        let phi = potential(n_s, seed.wrapping_add(12), 2.0);
        let shaped = shape(&r, &phi, g).unwrap();
        let mut rng = Rng::new(seed);
        let mut s = rng.below(n_s);
        let s0 = s;
        let (mut g_r, mut g_s, mut disc) = (0.0, 0.0, 1.0);
        for _ in 0..len {
            let a = rng.below(2);
            let x = mdp.step(s, a, &mut rng);
            g_r += disc * r.get(s, a, x);
            g_s += disc * shaped.get(s, a, x);
            disc *= g;
            s = x;
        }
        prop_assert!((g_s - g_r - (disc * phi[s] - phi[s0])).abs() < 1e-9);
    }
}

#[test]
fn constant_and_zero_rewards_are_trivial_not_nan() {
    let (mdp, r) = setup(4, 2, 0.9, 0.0, 1);
    let constant = Reward::state(4, 2, vec![3.0; 4]).unwrap();
    let zero = Reward::state(4, 2, vec![0.0; 4]).unwrap();
    let shaping = shape(&zero, &[1.0, -4.0, 2.0, 0.5], 0.9).unwrap();
    let o = Options::default();
    for m in ALL {
        for t in [&constant, &zero, &shaping] {
            let d = distance(m, &r, t, &mdp, &o).unwrap();
            assert!(!d.value.is_nan());
            if m == Metric::Pearson && !std::ptr::eq(t, &constant) && !std::ptr::eq(t, &zero) {
                continue; // pure shaping is not trivial for the raw Pearson distance
            }
            let want = match m {
                Metric::Epic | Metric::Dard | Metric::Pearson => 0.5,
                _ => 1.0,
            };
            assert!((d.value - want).abs() < 1e-12, "{m:?}: {d:?}");
            assert!(d.trivial[1] && !d.trivial[0] && d.rho.is_none());
            let both = distance(m, &constant, &zero, &mdp, &o).unwrap();
            assert_eq!(both.value, 0.0, "{m:?}");
        }
    }
}

#[test]
fn sample_based_epic_approaches_tabular() {
    let (mdp, a) = setup(6, 2, 0.9, 0.0, 4);
    let b = random_reward(6, 2, RewardKind::Transition, 99).unwrap();
    let exact = distance(Metric::Epic, &a, &b, &mdp, &Options::default())
        .unwrap()
        .value;
    let opts = SampleOptions {
        n_samples: 4096,
        n_mean_samples: 2048,
        n_seeds: 3,
        ..SampleOptions::default()
    };
    let est = epic_sample_tabular(&a, &b, &mdp, &Options::default(), &opts).unwrap();
    assert_eq!(est.per_seed.len(), 3);
    assert!((est.mean - exact).abs() < 0.03, "{} vs {exact}", est.mean);
    // Shaping leaves the estimate at (about) 0: m̂ is exact for the shaping term only in
    // expectation, so this is a statistical check.
    let shaped = shape(&a, &[1.0, 2.0, 3.0, -1.0, 0.0, 0.5], 0.9)
        .unwrap()
        .affine(3.0, 0.0);
    let est = epic_sample_tabular(&a, &shaped, &mdp, &Options::default(), &opts).unwrap();
    assert!(est.mean < 0.05, "{est:?}");
}

/// Above `LU_MAX_STATES` the solves use GMRES; they must agree with value iteration and keep
/// the invariances.
#[test]
fn large_mdps_use_the_iterative_solver() {
    let n = rewardkit_mdp::linalg::LU_MAX_STATES + 100;
    let (mdp, r) = setup(n, 2, 0.95, 0.98, 7);
    let pi = Policy::uniform(n, 2);
    let v = evaluate(&mdp, &r, &pi).unwrap();
    // A one-action MDP under the same dynamics has V* = V^π: check with value iteration.
    let mut rows = Vec::new();
    for s in 0..n {
        let mut acc = std::collections::BTreeMap::new();
        for a in 0..2 {
            let (idx, p) = mdp.row(s, a);
            for (&x, &q) in idx.iter().zip(p) {
                *acc.entry(x as usize).or_insert(0.0) += 0.5 * q;
            }
        }
        rows.push(acc.into_iter().collect());
    }
    let one = Mdp::from_rows(n, 1, 0.95, rows, None).unwrap();
    let rbar = r.expected(&mdp);
    let r1 = Reward::state(
        n,
        1,
        (0..n)
            .map(|s| 0.5 * (rbar[2 * s] + rbar[2 * s + 1]))
            .collect(),
    )
    .unwrap();
    let vi = value_iteration(&one, &r1, 1e-11, 100_000).unwrap();
    for (a, b) in v.iter().zip(&vi.v) {
        assert!((a - b).abs() < 1e-8, "{a} vs {b}");
    }
    let z = random_reward(n, 2, RewardKind::StateAction, 3)
        .unwrap()
        .to_transition();
    let z = Reward::transition(
        n,
        2,
        z.values()
            .iter()
            .enumerate()
            .map(|(i, v)| v * (i % n) as f64)
            .collect(),
    )
    .unwrap();
    let r2 = redistribute(&r, &z, &mdp).unwrap();
    let d = distance(Metric::StarcVal, &r, &r2, &mdp, &Options::default()).unwrap();
    assert!(d.value < 1e-8, "{d:?}");
    let occ = rewardkit_mdp::planning::occupancy(&mdp, &pi).unwrap();
    assert!((occ.state.iter().sum::<f64>() - 1.0).abs() < 1e-9);
}

/// VAL levelling above `LU_MAX_STATES`, on a dense MDP (P^π built without indices in the same
/// pass over T as the expected rewards, both rewards solved in lockstep) and a sparse one:
/// `Σ_a π(a|s) c(s, a) = 0` in every state (true only when V^π is exact), and an R(s, a)
/// reward levels exactly like the same reward written as R(s, a, s').
#[test]
fn val_levelling_is_exact_on_large_dense_and_sparse_mdps() {
    let n = rewardkit_mdp::linalg::LU_MAX_STATES + 60;
    for sparsity in [0.0, 0.97] {
        let (mdp, r) = setup(n, 3, 0.9, sparsity, 21);
        let c = val_canonical(&r, &mdp, None).unwrap();
        let scale = r.max_abs();
        for s in 0..n {
            let mean = (0..3).map(|a| c.get(s, a, 0)).sum::<f64>() / 3.0;
            assert!(
                mean.abs() < 1e-9 * scale,
                "sparsity {sparsity}, state {s}: {mean}"
            );
        }
        let sa = random_reward(n, 3, RewardKind::StateAction, 5).unwrap();
        let (c1, c2) = (
            val_canonical(&sa, &mdp, None).unwrap(),
            val_canonical(&sa.to_transition(), &mdp, None).unwrap(),
        );
        assert!(max_diff(&c1, &c2) < 1e-9, "sparsity {sparsity}");
        let d = distance(Metric::StarcVal, &r, &sa, &mdp, &Options::default()).unwrap();
        assert!(d.value > 0.1 && d.value.is_finite(), "{d:?}");
    }
}
