//! Test vectors for EPIC (Gleave et al., ICLR 2021), DARD (Wulfe et al., ICLR 2022) and STARC
//! (Skalse et al., ICLR 2024).
//!
//! The expected numbers were computed with an independent numpy re-implementation of the
//! papers' formulas (numpy 2.4, float64: `np.einsum` for the canonicalisations,
//! `np.linalg.solve(I − γP^π, r̄^π)` for V^π under the uniform policy, and
//! `sqrt((1 − ρ)/2)` with uniform weights over all S·A·S entries for the Pearson distance),
//! γ = 0.9, uniform D_S and D_A; STARC with unnormalised L2 norm and metric over all entries.

use rewardkit_mdp::{
    dard_canonical, distance, epic_canonical, planning, shape, val_canonical, Mdp, Metric, Options,
    Policy, Reward,
};

const G: f64 = 0.9;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn assert_all_close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(close(*g, *w, tol), "entry {i}: got {g}, want {w}");
    }
}

/// Toy A: S = 2, A = 2.
fn toy_a() -> (Mdp, Reward) {
    let t = [0.8, 0.2, 0.1, 0.9, 0.5, 0.5, 1.0, 0.0];
    let mdp = Mdp::from_dense(2, 2, G, &t, None).unwrap();
    let r = Reward::transition(2, 2, vec![1.0, 0.0, 0.0, 2.0, 0.5, -1.0, 3.0, 0.0]).unwrap();
    (mdp, r)
}

/// Toy B: S = 3, A = 2, R1(s,a,s') = ((7s + 3a + 5s') mod 11)/10 − 0.5.
fn toy_b() -> (Mdp, Reward) {
    #[rustfmt::skip]
    let t = [
        0.5, 0.5, 0.0,   0.0, 0.0, 1.0,
        1.0, 0.0, 0.0,   0.0, 0.2, 0.8,
        0.3, 0.3, 0.4,   0.0, 1.0, 0.0,
    ];
    let mdp = Mdp::from_dense(3, 2, G, &t, None).unwrap();
    let r1 = Reward::from_fn(3, 2, |s, a, x| {
        ((7 * s + 3 * a + 5 * x) % 11) as f64 / 10.0 - 0.5
    })
    .unwrap();
    (mdp, r1)
}

fn r5() -> Reward {
    Reward::from_fn(3, 2, |s, a, x| {
        ((2 * s + 5 * a + 3 * x) % 7) as f64 / 6.0 - 0.5
    })
    .unwrap()
}

/// R1 + X with X = Z − E_T[Z], Z(s,a,s') = s'.
fn r3(mdp: &Mdp, r1: &Reward) -> Reward {
    let z = Reward::from_fn(3, 2, |_, _, x| x as f64).unwrap();
    rewardkit_mdp::redistribute(r1, &z, mdp).unwrap()
}

#[test]
fn toy_a_canonical_rewards() {
    let (mdp, r) = toy_a();
    let epic = epic_canonical(&r, G, None, None).unwrap();
    assert_all_close(
        epic.values(),
        &[
            0.30625, -0.80625, -0.69375, 1.19375, -0.06875, -1.68125, 2.43125, -0.68125,
        ],
        1e-12,
    );
    let dard = dard_canonical(&r, &mdp, None).unwrap();
    assert_all_close(
        dard.values(),
        &[
            0.3615, -1.435, -0.6385, 0.565, -0.74, -1.19375, 1.76, -0.19375,
        ],
        1e-12,
    );
    let v = planning::evaluate(&mdp, &r, &Policy::uniform(2, 2)).unwrap();
    assert_all_close(&v, &[13.29232283464567, 13.351377952755907], 1e-10);
    let val = val_canonical(&r, &mdp, None).unwrap();
    assert_all_close(
        val.values(),
        &[
            -0.5186023622047227,
            0.5186023622047244,
            -1.6117125984251963,
            1.6117125984251963,
        ],
        1e-10,
    );
}

#[test]
fn toy_b_table() {
    let (mdp, r1) = toy_b();
    let o = Options::default();
    let d = |m: Metric, b: &Reward| distance(m, &r1, b, &mdp, &o).unwrap().value;
    // R1 vs 2·shape(R1, Φ), Φ = [1, −2, 0.5]: 0 everywhere.
    let r2 = shape(&r1, &[1.0, -2.0, 0.5], G).unwrap().affine(2.0, 0.0);
    for m in [
        Metric::Epic,
        Metric::Dard,
        Metric::StarcVal,
        Metric::StarcEpic,
    ] {
        assert!(d(m, &r2) < 1e-7, "{m:?}: {}", d(m, &r2));
    }
    // R1 vs R1 + X (S'-redistribution).
    let r3 = r3(&mdp, &r1);
    assert!(close(d(Metric::Epic, &r3), 0.6353351738095204, 1e-12));
    assert!(close(d(Metric::Dard, &r3), 0.5677493749221469, 1e-12));
    assert!(d(Metric::StarcVal, &r3) < 1e-12);
    assert!(close(d(Metric::StarcEpic, &r3), 1.2706703476190409, 1e-12));
    // STARC-EPIC = 2 × EPIC.
    assert!(close(
        d(Metric::StarcEpic, &r3),
        2.0 * d(Metric::Epic, &r3),
        1e-12
    ));
    // R1 vs −R1.
    let r4 = r1.affine(-1.0, 0.0);
    assert!(close(d(Metric::Epic, &r4), 1.0, 1e-12));
    assert!(close(d(Metric::Dard, &r4), 1.0, 1e-12));
    assert!(close(d(Metric::StarcVal, &r4), 2.0, 1e-12));
    assert!(close(d(Metric::StarcEpic, &r4), 2.0, 1e-12));
    // R1 vs R5.
    let r5 = r5();
    assert!(close(d(Metric::Epic, &r5), 0.7843824860707983, 1e-12));
    assert!(close(d(Metric::Dard, &r5), 0.668116566629492, 1e-12));
    assert!(close(d(Metric::StarcVal, &r5), 1.3426938594237756, 1e-12));
    assert!(close(d(Metric::StarcEpic, &r5), 1.5687649721415966, 1e-12));
    // R1 vs R1 + 1.
    assert!(d(Metric::Epic, &r1.affine(1.0, 1.0)) < 1e-7);
}

#[test]
fn the_issue_figures_to_six_places() {
    let (mdp, r1) = toy_b();
    let r3 = r3(&mdp, &r1);
    let o = Options::default();
    let epic = distance(Metric::Epic, &r1, &r3, &mdp, &o).unwrap().value;
    let dard = distance(Metric::Dard, &r1, &r3, &mdp, &o).unwrap().value;
    assert_eq!(format!("{epic:.6}"), "0.635335");
    assert_eq!(format!("{dard:.3}"), "0.568");
}

#[test]
fn preference_model_vector() {
    // Knox et al.: σ1 has Σr = 1, V*(s0) = 5, V*(sT) = 3; σ2 has Σr = 0, V*(s0) = 5,
    // V*(sT) = 5.5. Regret model P(σ1 ≻ σ2) = 0.182426, partial return 0.731059.
    use rewardkit_mdp::prefs::{logistic, regret_score_deterministic};
    let s1 = regret_score_deterministic(1.0, 5.0, 3.0);
    let s2 = regret_score_deterministic(0.0, 5.0, 5.5);
    assert!(close(logistic(s1 - s2), 0.182426, 1e-6));
    assert!(close(logistic(1.0 - 0.0), 0.731059, 1e-6));
}
