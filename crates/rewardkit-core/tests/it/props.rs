//! Property tests of the transforms and combinators, every node built through a
//! `PipelineSpec` JSON document (so the spec path is exercised too).
//!
//! Ranges, monotonicity, permutation invariance of group-wise transforms, the z-score's mean 0
//! and std 1, constant groups, and abstentions that stay in their rows.

use proptest::prelude::*;
use rewardkit_core::{RewardOutput, Sample};

use rewardkit_test::nodes::{json as pipeline, X_JSON as X};

/// Samples with score `x` (missing when `None`), group `g{group}`, id = position, and
/// reference rewards `refs` in the metadata.
fn samples(rows: &[(Option<f64>, usize)], refs: &[f64]) -> Vec<Sample> {
    rows.iter()
        .enumerate()
        .map(|(i, (x, g))| {
            let mut s = Sample::new("y").with_group(format!("g{g}"));
            s.id = Some(i.into());
            if let Some(x) = x {
                s = s.with_score("x", *x);
            }
            s.metadata.insert("refs".into(), serde_json::json!(refs));
            s
        })
        .collect()
}

fn score(node: &str, rows: &[(Option<f64>, usize)]) -> Vec<RewardOutput> {
    pipeline(node).score(&samples(rows, &[0.0]))
}

fn values(out: &[RewardOutput]) -> Vec<f64> {
    out.iter()
        .map(|o| o.value.expect("a value"))
        .collect::<Vec<_>>()
}

/// Finite reward values of a moderate range, with a group index.
fn rows() -> impl Strategy<Value = Vec<(Option<f64>, usize)>> {
    prop::collection::vec(((-1e3f64..1e3).prop_map(Some), 0usize..3), 1..24)
}

/// Like [`rows`], with some missing values.
fn rows_with_gaps() -> impl Strategy<Value = Vec<(Option<f64>, usize)>> {
    prop::collection::vec(
        (prop::option::weighted(0.7, -1e3f64..1e3), 0usize..3),
        1..24,
    )
}

fn sorted_by_x(rows: &[(Option<f64>, usize)]) -> Vec<(Option<f64>, usize)> {
    let mut r: Vec<_> = rows.iter().map(|(x, _)| (*x, 0)).collect();
    r.sort_by(|a, b| a.0.unwrap_or(0.0).total_cmp(&b.0.unwrap_or(0.0)));
    r
}

fn nondecreasing(v: &[f64]) -> bool {
    v.windows(2).all(|w| w[0] <= w[1])
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

/// The set-wise transforms, in both scopes.
fn set_transforms() -> Vec<String> {
    let mut v = Vec::new();
    for scope in ["group", "batch"] {
        v.push(format!(
            r#"{{"type": "zscore", "scope": "{scope}", "input": {X}}}"#
        ));
        v.push(format!(
            r#"{{"type": "zscore", "scope": "{scope}", "ddof": 0, "eps": 0, "input": {X}}}"#
        ));
        v.push(format!(
            r#"{{"type": "zscore", "center": "group", "scale": "{scope}", "input": {X}}}"#
        ));
        v.push(format!(
            r#"{{"type": "min_max", "scope": "{scope}", "input": {X}}}"#
        ));
        v.push(format!(
            r#"{{"type": "rank", "scope": "{scope}", "input": {X}}}"#
        ));
    }
    v
}

/// Every transform, per sample and set-wise.
fn all_transforms() -> Vec<String> {
    let mut v = set_transforms();
    v.extend([
        format!(r#"{{"type": "sigmoid", "scale": 0.3, "center": 1.0, "input": {X}}}"#),
        format!(r#"{{"type": "tanh", "temperature": 5.0, "input": {X}}}"#),
        format!(r#"{{"type": "affine", "scale": 2.0, "shift": 1.0, "input": {X}}}"#),
        // one reference reward: the population std (the default sample std needs two)
        format!(r#"{{"type": "lsc", "ref_field": "refs", "ddof": 0, "input": {X}}}"#),
        format!(r#"{{"type": "par", "ref_field": "refs", "input": {X}}}"#),
        format!(r#"{{"type": "par", "ref_field": "refs", "shape": "arctan", "input": {X}}}"#),
    ]);
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn sigmoid_tanh_affine_ranges_and_monotone(
        rows in rows(),
        k in 0.01f64..10.0,
        center in -10f64..10.0,
    ) {
        let sorted = sorted_by_x(&rows);
        let sig = values(&score(
            &format!(r#"{{"type": "sigmoid", "scale": {k}, "center": {center}, "input": {X}}}"#),
            &sorted,
        ));
        prop_assert!(sig.iter().all(|v| (0.0..=1.0).contains(v)), "{sig:?}");
        prop_assert!(nondecreasing(&sig), "{sig:?}");
        let th = values(&score(
            &format!(r#"{{"type": "tanh", "scale": {k}, "center": {center}, "input": {X}}}"#),
            &sorted,
        ));
        prop_assert!(th.iter().all(|v| (-1.0..=1.0).contains(v)), "{th:?}");
        prop_assert!(nondecreasing(&th), "{th:?}");
        let af = values(&score(
            &format!(r#"{{"type": "affine", "scale": {k}, "shift": {center}, "input": {X}}}"#),
            &sorted,
        ));
        prop_assert!(nondecreasing(&af), "{af:?}");
    }

    #[test]
    fn par_in_unit_interval_and_monotone(
        rows in rows(),
        refs in prop::collection::vec(-1e3f64..1e3, 1..12),
        k in 0.01f64..5.0,
    ) {
        let sorted = sorted_by_x(&rows);
        let node = format!(r#"{{"type": "par", "ref_field": "refs", "k": {k}, "input": {X}}}"#);
        let out = values(&pipeline(&node).score(&samples(&sorted, &refs)));
        prop_assert!(out.iter().all(|v| (0.0..=1.0).contains(v)), "{out:?}");
        prop_assert!(nondecreasing(&out), "{out:?}");
        // Strictly inside (0, 1) where no difference saturates the float sigmoid.
        let m = refs.len().min(10);
        for ((x, _), v) in sorted.iter().zip(&out) {
            let x = x.unwrap_or(0.0);
            if refs[..m].iter().all(|r| (k * (x - r)).abs() < 30.0) {
                prop_assert!(*v > 0.0 && *v < 1.0, "PAR({x}) = {v}");
            }
        }
    }

    #[test]
    fn lsc_negative_and_monotone(
        rows in rows(),
        // ≥ 2: the Gaussian quantile's default sample std (ddof 1) needs two references.
        refs in prop::collection::vec(-1e3f64..1e3, 2..12),
        empirical in any::<bool>(),
    ) {
        let sorted = sorted_by_x(&rows);
        let method = if empirical { "empirical" } else { "gaussian" };
        let node = format!(
            r#"{{"type": "lsc", "ref_field": "refs", "quantile_method": "{method}", "input": {X}}}"#
        );
        let out = values(&pipeline(&node).score(&samples(&sorted, &refs)));
        prop_assert!(out.iter().all(|v| *v <= 0.0), "{out:?}");
        prop_assert!(nondecreasing(&out), "{out:?}");
        // Strictly negative while e^{−(r − r_ref)} is not lost to rounding.
        let fixed = format!(r#"{{"type": "lsc", "ref_value": 0.0, "input": {X}}}"#);
        let out = values(&score(&fixed, &sorted));
        for ((x, _), v) in sorted.iter().zip(&out) {
            if x.unwrap_or(0.0) < 30.0 {
                prop_assert!(*v < 0.0, "LSC({x:?}) = {v}");
            }
        }
    }

    #[test]
    fn min_max_in_unit_interval(rows in rows()) {
        for scope in ["group", "batch"] {
            let node = format!(r#"{{"type": "min_max", "scope": "{scope}", "input": {X}}}"#);
            let out = values(&score(&node, &rows));
            prop_assert!(out.iter().all(|v| (0.0..=1.0).contains(v)), "{out:?}");
        }
    }

    #[test]
    fn set_transforms_are_permutation_invariant(
        (rows, shuffled) in rows_with_gaps().prop_flat_map(|r| {
            let idx: Vec<usize> = (0..r.len()).collect();
            (Just(r), Just(idx).prop_shuffle())
        })
    ) {
        let base = samples(&rows, &[0.0]);
        let perm: Vec<Sample> = shuffled.iter().map(|&i| base[i].clone()).collect();
        for node in set_transforms() {
            let p = pipeline(&node);
            let a = p.score(&base);
            let b = p.score(&perm);
            for (j, &i) in shuffled.iter().enumerate() {
                match (a[i].value, b[j].value) {
                    (Some(x), Some(y)) => prop_assert!(close(x, y), "{node}: {x} vs {y}"),
                    (None, None) => {}
                    (x, y) => prop_assert!(false, "{node}: row {i}: {x:?} vs {y:?}"),
                }
            }
        }
    }

    #[test]
    fn zscore_has_mean_zero_and_unit_std(rows in rows(), ddof in 0u32..2) {
        let node = format!(
            r#"{{"type": "zscore", "ddof": {ddof}, "eps": 0, "input": {X}}}"#
        );
        let out = values(&score(&node, &rows));
        for g in 0..3 {
            let xs: Vec<f64> = rows.iter().filter(|r| r.1 == g).map(|r| r.0.unwrap_or(0.0)).collect();
            let zs: Vec<f64> = rows.iter().zip(&out).filter(|(r, _)| r.1 == g).map(|(_, z)| *z).collect();
            let n = xs.len();
            if n <= ddof as usize {
                continue;
            }
            let m = xs.iter().sum::<f64>() / n as f64;
            let sd = (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - ddof as usize) as f64).sqrt();
            if sd < 1e-6 {
                continue;
            }
            let zm = zs.iter().sum::<f64>() / n as f64;
            let zsd = (zs.iter().map(|z| (z - zm).powi(2)).sum::<f64>() / (n - ddof as usize) as f64).sqrt();
            prop_assert!(zm.abs() < 1e-9, "mean {zm}");
            prop_assert!((zsd - 1.0).abs() < 1e-9, "std {zsd}");
        }
    }

    #[test]
    fn constant_groups_give_zero_not_nan(
        c in -1e3f64..1e3,
        n in 1usize..10,
        ddof in 0u32..2,
        eps in prop::sample::select(vec![0.0, 1e-4]),
    ) {
        let rows: Vec<(Option<f64>, usize)> = (0..n).map(|_| (Some(c), 0)).collect();
        let node = format!(r#"{{"type": "zscore", "ddof": {ddof}, "eps": {eps}, "input": {X}}}"#);
        let out = values(&score(&node, &rows));
        prop_assert!(out.iter().all(|v| *v == 0.0), "{out:?}");
        let node = format!(
            r#"{{"type": "normalize_sum", "ddof": {ddof}, "eps": {eps}, "terms": [{{"reward": {X}}}]}}"#
        );
        let out = values(&score(&node, &rows));
        prop_assert!(out.iter().all(|v| *v == 0.0), "{out:?}");
        for node in [
            format!(r#"{{"type": "min_max", "input": {X}}}"#),
            format!(r#"{{"type": "rank", "input": {X}}}"#),
        ] {
            let out = values(&score(&node, &rows));
            prop_assert!(out.iter().all(|v| *v == 0.5), "{node}: {out:?}");
        }
    }

    #[test]
    fn abstentions_stay_and_rows_do_not_shift(rows in rows_with_gaps()) {
        // Present rows get the same values as in a batch without the abstaining rows.
        let kept: Vec<(Option<f64>, usize)> = rows.iter().filter(|r| r.0.is_some()).copied().collect();
        for node in all_transforms() {
            let p = pipeline(&node);
            let full = p.score(&samples(&rows, &[0.0, 1.0]));
            prop_assert_eq!(full.len(), rows.len());
            let part = p.score(&samples(&kept, &[0.0, 1.0]));
            let mut it = part.iter();
            for (i, ((x, _), o)) in rows.iter().zip(&full).enumerate() {
                if x.is_none() {
                    prop_assert!(o.value.is_none(), "{node}: row {i} got {:?}", o.value);
                    prop_assert!(o.info.reason.is_some());
                } else {
                    let want = it.next().and_then(|o| o.value);
                    prop_assert_eq!(o.value, want, "{}: row {}", node, i);
                    prop_assert!(o.value.is_some_and(f64::is_finite));
                }
            }
        }
    }

    #[test]
    fn ensemble_orderings(scores in prop::collection::vec(-1e3f64..1e3, 1..6), lambda in 0f64..1.0) {
        let terms: Vec<String> = (0..scores.len())
            .map(|i| format!(r#"{{"name": "m{i}", "reward": {{"type": "field", "name": "m{i}"}}}}"#))
            .collect();
        let terms = terms.join(",");
        let mut s = Sample::new("y");
        for (i, v) in scores.iter().enumerate() {
            s = s.with_score(format!("m{i}"), *v);
        }
        let v = |params: &str| -> f64 {
            let node = format!(r#"{{"type": "ensemble", {params} "terms": [{terms}]}}"#);
            pipeline(&node).score(std::slice::from_ref(&s))[0].value.unwrap()
        };
        let mean = v("");
        let min = v(r#""method": "min","#);
        let uwo = v(&format!(r#""method": "uwo", "lambda": {lambda},"#));
        let mix = v(&format!(r#""method": "robust_mix", "lambda": {lambda},"#));
        let tol = 1e-9 * (1.0 + mean.abs());
        prop_assert!(min <= mean + tol);
        prop_assert!(uwo <= mean + tol);
        prop_assert!(min - tol <= mix && mix <= mean + tol);
    }
}
