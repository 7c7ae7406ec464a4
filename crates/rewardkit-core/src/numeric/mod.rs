//! Numerical building blocks shared by the node families (transforms, combinators; all in
//! `f64`), and the reference rewards of LSC and PAR (`reference`).
//!
//! - [`sigmoid`] σ(z) = 1/(1+e^{−z}) and [`log_sigmoid`] logσ(z) = −softplus(−z), both stable
//!   for any finite `z` (for z < −30 logσ(z) = z, else −log1p(e^{−z}).
//! - [`mean`], [`variance`], [`std_dev`] (with `ddof` 0 = population, 1 = unbiased),
//!   [`zscores`]: overflow-safe (values near ±f64::MAX are divided by a power of two first,
//!   [`scale_of`]; ordinary data are computed exactly as with the plain formulas).
//! - [`norm_ppf`]: the standard normal quantile (Wichura's AS241, relative error ≈ 1e-16),
//!   and [`quantile_linear`]: the empirical quantile with linear interpolation (numpy's
//!   default `method="linear"`).
//! - [`average_ranks`]: 1-based ranks with ties given their average rank (scipy `rankdata`).
//!
//! ```
//! use rewardkit_core::numeric::{log_sigmoid, norm_ppf, sigmoid};
//! assert!((log_sigmoid(0.0) + std::f64::consts::LN_2).abs() < 1e-15);
//! assert!((sigmoid(2.0) - 0.880797).abs() < 1e-6);
//! assert!((norm_ppf(0.975) - 1.959964).abs() < 1e-6);
//! ```

pub(crate) mod reference;

/// σ(z) = 1/(1+e^{−z}), computed without overflow for any `z`.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// logσ(z) = −softplus(−z): `z` for z < −30, else −log1p(e^{−z}).
pub fn log_sigmoid(z: f64) -> f64 {
    if z < -30.0 {
        z
    } else {
        -(-z).exp().ln_1p()
    }
}

/// A power of two `s` such that every `x / s` is of moderate size: 1 when the largest |x| is in
/// [1e-100, 1e100] (so ordinary data are computed exactly as before), else the largest power
/// of two not above the largest |x|. Dividing by a power of two is exact, so statistics of
/// values near ±f64::MAX (or of tiny ones) are computed on x/s without overflow or underflow.
pub fn scale_of(xs: &[f64]) -> f64 {
    let m = xs
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0f64, |a, x| a.max(x.abs()));
    if m == 0.0 || (1e-100..=1e100).contains(&m) {
        return 1.0;
    }
    pow2_floor(m)
}

/// The largest power of two ≤ `m` (`m` finite and > 0; 2^−1022 for subnormal `m`).
fn pow2_floor(m: f64) -> f64 {
    let e = (m.to_bits() >> 52) & 0x7ff;
    f64::from_bits(e.max(1) << 52)
}

/// Arithmetic mean (two-pass corrected, overflow-safe: `mean([1e308, 1e308]) = 1e308`);
/// `None` for an empty slice.
pub fn mean(xs: &[f64]) -> Option<f64> {
    let s = scale_of(xs);
    if s == 1.0 {
        return mean_plain(xs);
    }
    let scaled: Vec<f64> = xs.iter().map(|x| x / s).collect();
    mean_plain(&scaled).map(|m| m * s)
}

fn mean_plain(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    // One correction pass: removes most of the rounding error of the naive sum.
    let c = xs.iter().map(|x| x - m).sum::<f64>() / n;
    Some(m + c)
}

/// Variance Σ(x − x̄)²/(n − ddof); `None` when n ≤ ddof (undefined). Computed on scaled values
/// (see [`scale_of`]), so it is exact wherever the variance itself is representable; it is
/// +∞ only when the true variance exceeds f64::MAX (use [`std_dev`] for a finite spread).
pub fn variance(xs: &[f64], ddof: u32) -> Option<f64> {
    let s = scale_of(xs);
    if s == 1.0 {
        return variance_plain(xs, ddof);
    }
    let scaled: Vec<f64> = xs.iter().map(|x| x / s).collect();
    variance_plain(&scaled, ddof).map(|v| v * s * s)
}

fn variance_plain(xs: &[f64], ddof: u32) -> Option<f64> {
    let n = xs.len();
    if n <= ddof as usize {
        return None;
    }
    let m = mean_plain(xs)?;
    let ss: f64 = xs.iter().map(|x| (x - m) * (x - m)).sum();
    Some(ss / (n - ddof as usize) as f64)
}

/// Standard deviation with `ddof`, overflow-safe: `std_dev([1e308, -1e308], 0) = 1e308` (the
/// plain formula squares 2e308 and overflows). `None` when n ≤ ddof.
pub fn std_dev(xs: &[f64], ddof: u32) -> Option<f64> {
    let s = scale_of(xs);
    if s == 1.0 {
        return variance_plain(xs, ddof).map(f64::sqrt);
    }
    let scaled: Vec<f64> = xs.iter().map(|x| x / s).collect();
    variance_plain(&scaled, ddof).map(|v| v.sqrt() * s)
}

/// Z-scores of the present values of a set: (x − x̄)/(s + eps) with s the standard deviation
/// with `ddof` (or just x − x̄ when `scale` is false). Absent values stay absent.
///
/// A set whose present values are all equal gives exactly 0 for each (no NaN, whatever `eps`);
/// a set with n ≤ ddof present values (std undefined) gives x − x̄, which is 0 for n = 1.
/// Values near ±f64::MAX are handled by computing on x/2ᵏ (see [`scale_of`]):
/// `[1e308, -1e308]` with ddof 0, eps 0 gives `[1, -1]`.
pub fn zscores(values: &[Option<f64>], ddof: u32, eps: f64, scale: bool) -> Vec<Option<f64>> {
    let xs: Vec<f64> = values.iter().flatten().copied().collect();
    let sc = scale_of(&xs);
    let xs: Vec<f64> = xs.iter().map(|x| x / sc).collect();
    let Some(m) = mean_plain(&xs) else {
        return values.to_vec();
    };
    let constant = xs.iter().all(|&x| x == xs[0]);
    // In scaled units: the std and eps are divided by `sc` too.
    let denom = if scale {
        variance_plain(&xs, ddof).map(|v| v.sqrt() + eps / sc)
    } else {
        None
    };
    values
        .iter()
        .map(|v| {
            v.map(|x| {
                let d = x / sc - m;
                if constant {
                    0.0
                } else {
                    match denom {
                        Some(den) if den > 0.0 => d / den,
                        Some(_) => 0.0,
                        // x − x̄ in original units (may overflow: then the node guard reports it)
                        None => d * sc,
                    }
                }
            })
        })
        .collect()
}

/// 1-based ranks; tied values share the average of the ranks they span.
pub fn average_ranks(xs: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    idx.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        // positions i..=j (0-based) hold ranks i+1..=j+1; their average:
        let r = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            ranks[k] = r;
        }
        i = j + 1;
    }
    ranks
}

/// Empirical `q`-quantile with linear interpolation between order statistics (numpy's
/// default): h = (n − 1)·q, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). `None` when empty.
pub fn quantile_linear(xs: &[f64], q: f64) -> Option<f64> {
    if xs.is_empty() || !(0.0..=1.0).contains(&q) {
        return None;
    }
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    let h = (s.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(s.len() - 1);
    Some(s[lo] + (h - lo as f64) * (s[hi] - s[lo]))
}

/// Gaussian `q`-quantile of a set: μ + Φ⁻¹(q)·(σ + std_eps) with μ the mean and σ the
/// standard deviation with `ddof` (the PAR re-implementation of LSC: `norm.ppf(q, μ, σ+1e-5)`
/// with PAR's `utils.std`, the sample std, ddof = 1). `None` when empty or n ≤ ddof.
pub fn quantile_gaussian(xs: &[f64], q: f64, std_eps: f64, ddof: u32) -> Option<f64> {
    let m = mean(xs)?;
    let sd = std_dev(xs, ddof)?;
    Some(m + norm_ppf(q) * (sd + std_eps))
}

/// Standard normal quantile Φ⁻¹(p) (Wichura 1988, algorithm AS241 `PPND16`).
///
/// Returns −∞ for p = 0, +∞ for p = 1 and NaN outside [0, 1].
#[allow(clippy::excessive_precision)]
pub fn norm_ppf(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        let num = ((((((2509.0809287301226727 * r + 33430.575583588128105) * r
            + 67265.770927008700853)
            * r
            + 45921.953931549871457)
            * r
            + 13731.693765509461125)
            * r
            + 1971.5909503065514427)
            * r
            + 133.14166789178437745)
            * r
            + 3.387132872796366608;
        let den = ((((((5226.495278852545925 * r + 28729.085735721942674) * r
            + 39307.89580009271061)
            * r
            + 21213.794301586595867)
            * r
            + 5394.1960214247511077)
            * r
            + 687.1870074920579083)
            * r
            + 42.313330701600911252)
            * r
            + 1.0;
        return q * num / den;
    }
    let mut r = if q < 0.0 { p } else { 1.0 - p };
    r = (-r.ln()).sqrt();
    let val = if r <= 5.0 {
        r -= 1.6;
        let num = ((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
            + 0.24178072517745061177)
            * r
            + 1.27045825245236838258)
            * r
            + 3.64784832476320460504)
            * r
            + 5.7694972214606914055)
            * r
            + 4.6303378461565452959)
            * r
            + 1.42343711074968357734;
        let den = ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
            + 0.0151986665636164571966)
            * r
            + 0.14810397642748007459)
            * r
            + 0.68976733498510000455)
            * r
            + 1.6763848301838038494)
            * r
            + 2.05319162663775882187)
            * r
            + 1.0;
        num / den
    } else {
        r -= 5.0;
        let num = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
            + 0.0012426609473880784386)
            * r
            + 0.026532189526576123093)
            * r
            + 0.29656057182850489123)
            * r
            + 1.7848265399172913358)
            * r
            + 5.4637849111641143699)
            * r
            + 6.6579046435011037772;
        let den = ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
            + 1.8463183175100546818e-5)
            * r
            + 7.868691311456132591e-4)
            * r
            + 0.0148753612908506148525)
            * r
            + 0.13692988092273580531)
            * r
            + 0.59983220655588793769)
            * r
            + 1.0;
        num / den
    };
    if q < 0.0 {
        -val
    } else {
        val
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    #[test]
    fn norm_ppf_matches_python_statistics() {
        // Reference values: Python 3 `statistics.NormalDist().inv_cdf(p)`.
        for (p, want) in [
            (0.5, 0.0),
            (0.85, 1.0364333894937894),
            (0.975, 1.9599639845400536),
            (1e-10, -6.361340902404056),
            (0.02, -2.0537489106318225),
            (0.999999, 4.753424308817089),
            (0.3, -0.5244005127080407),
        ] {
            assert_abs_diff_eq!(norm_ppf(p), want, epsilon = 1e-12);
        }
        assert!(norm_ppf(1.5).is_nan());
        assert_eq!(norm_ppf(0.0), f64::NEG_INFINITY);
    }

    #[test]
    #[allow(clippy::approx_constant)] // −0.693147 is the TV as printed, not a typo for −ln 2
    fn log_sigmoid_tv_and_stability() {
        // logσ at 0 and ±2, as printed to 6 places (Wang et al., ICML 2024, LSC).
        assert_abs_diff_eq!(log_sigmoid(0.0), -0.693147, epsilon = 1e-6);
        assert_abs_diff_eq!(log_sigmoid(2.0), -0.126928, epsilon = 1e-6);
        assert_abs_diff_eq!(log_sigmoid(-2.0), -2.126928, epsilon = 1e-6);
        assert_eq!(log_sigmoid(-1000.0), -1000.0);
        assert!(log_sigmoid(1000.0) <= 0.0 && log_sigmoid(1000.0) > -1e-300);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
    }

    #[test]
    fn quantiles() {
        // LSC reference (Wang et al., ICML 2024): refs [0,1,2,3], Gaussian 85% quantile (pop std + 1e-5).
        let refs = [0.0, 1.0, 2.0, 3.0];
        assert_abs_diff_eq!(
            quantile_gaussian(&refs, 0.85, 1e-5, 0).unwrap(),
            2.658778,
            epsilon = 1e-6
        );
        // PAR's code: sample std (ddof 1) √(5/3) → 1.5 + 1.0364334·(1.2909944 + 1e-5).
        assert_abs_diff_eq!(
            quantile_gaussian(&refs, 0.85, 1e-5, 1).unwrap(),
            1.5 + 1.0364333894937894 * ((5.0f64 / 3.0).sqrt() + 1e-5),
            epsilon = 1e-12
        );
        assert_eq!(quantile_gaussian(&[2.0], 0.85, 1e-5, 1), None);
        // numpy.quantile([0,1,2,3], 0.85) = 2.55
        assert_abs_diff_eq!(quantile_linear(&refs, 0.85).unwrap(), 2.55, epsilon = 1e-12);
        assert_eq!(quantile_linear(&[5.0], 0.3), Some(5.0));
        assert_eq!(quantile_linear(&[], 0.3), None);
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(
            average_ranks(&[3.0, 1.0, 3.0, 2.0]),
            vec![3.5, 1.0, 3.5, 2.0]
        );
    }

    #[test]
    fn statistics_of_huge_and_tiny_values() {
        assert_eq!(mean(&[1e308, 1e308]), Some(1e308));
        assert_eq!(mean(&[1e308, -1e308]), Some(0.0));
        assert_eq!(std_dev(&[1e308, -1e308], 0), Some(1e308));
        assert_eq!(std_dev(&[f64::MAX, -f64::MAX], 1), Some(f64::INFINITY)); // √2·MAX
        let z = zscores(&[Some(1e308), Some(-1e308)], 0, 0.0, true);
        assert_eq!(z, vec![Some(1.0), Some(-1.0)]);
        let z = zscores(&[Some(f64::MAX), Some(-f64::MAX)], 1, 1e-4, true);
        assert_abs_diff_eq!(z[0].unwrap(), 0.5f64.sqrt(), epsilon = 1e-12);
        let z = zscores(&[Some(1e-200), Some(3e-200)], 0, 0.0, true);
        assert_abs_diff_eq!(z[0].unwrap(), -1.0, epsilon = 1e-12);
        // Ordinary data are computed as before, to the bit.
        assert_eq!(scale_of(&[1.0, 2.0, 1e50]), 1.0);
    }

    #[test]
    fn zscores_constant_and_single() {
        let z = zscores(&[Some(0.1), None, Some(0.1), Some(0.1)], 1, 0.0, true);
        assert_eq!(z, vec![Some(0.0), None, Some(0.0), Some(0.0)]);
        assert_eq!(zscores(&[Some(3.0)], 1, 1e-4, true), vec![Some(0.0)]);
        // [1,2,3]: mean 2, unbiased std 1.
        let z = zscores(&[Some(1.0), Some(2.0), Some(3.0)], 1, 0.0, true);
        assert_abs_diff_eq!(z[0].unwrap(), -1.0, epsilon = 1e-12);
        assert_abs_diff_eq!(z[2].unwrap(), 1.0, epsilon = 1e-12);
    }
}
