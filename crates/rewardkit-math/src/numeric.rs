//! Seeded random-point evaluation in complex `f64`, the fallback for expressions the exact
//! normal form cannot decide (trigonometric and other transcendental functions, symbolic powers).
//!
//! Variables get deterministic pseudo-random values in `[0.5, 2.5)` (first half of the points)
//! and `(-2.5, -0.5]` (second half) from a fixed-seed SplitMix64 generator, so results are
//! identical on every machine and thread.

use crate::budget::{Budget, Stop, R};
use crate::expr::{Expr, Func};
use num_traits::ToPrimitive;
use rewardkit_rng::{Random, SplitMix64};

/// A complex number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct C {
    pub(crate) re: f64,
    pub(crate) im: f64,
}

impl C {
    pub(crate) const fn r(re: f64) -> C {
        C { re, im: 0.0 }
    }
    fn add(self, o: C) -> C {
        C {
            re: self.re + o.re,
            im: self.im + o.im,
        }
    }
    fn sub(self, o: C) -> C {
        C {
            re: self.re - o.re,
            im: self.im - o.im,
        }
    }
    fn mul(self, o: C) -> C {
        C {
            re: self.re * o.re - self.im * o.im,
            im: self.re * o.im + self.im * o.re,
        }
    }
    fn div(self, o: C) -> C {
        let d = o.re * o.re + o.im * o.im;
        C {
            re: (self.re * o.re + self.im * o.im) / d,
            im: (self.im * o.re - self.re * o.im) / d,
        }
    }
    pub(crate) fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }
    fn is_real(self) -> bool {
        self.im == 0.0
    }
    fn ln(self) -> C {
        C {
            re: self.abs().ln(),
            im: self.im.atan2(self.re),
        }
    }
    fn exp(self) -> C {
        let m = self.re.exp();
        C {
            re: m * self.im.cos(),
            im: m * self.im.sin(),
        }
    }
    fn pow(self, e: C) -> C {
        if e.is_real() && self.is_real() {
            if self.re >= 0.0 {
                return C::r(self.re.powf(e.re));
            }
            if e.re.fract() == 0.0 {
                return C::r(self.re.powf(e.re));
            }
        }
        if self.re == 0.0 && self.im == 0.0 {
            return C::r(0.0);
        }
        (self.ln().mul(e)).exp()
    }
    pub(crate) fn finite(self) -> bool {
        self.re.is_finite() && self.im.is_finite()
    }
}

/// Collects variable names (sorted, unique).
pub(crate) fn vars(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Var(v) if !out.contains(v) => out.push(v.clone()),
        Expr::Add(v) | Expr::Mul(v) | Expr::Func(_, v) | Expr::List(_, v) | Expr::Union(v) => {
            v.iter().for_each(|x| vars(x, out))
        }
        Expr::Rel(v, _) => v.iter().for_each(|x| vars(x, out)),
        Expr::Neg(x) | Expr::Fact(x) | Expr::Percent(x) => vars(x, out),
        Expr::Div(a, b) | Expr::Pow(a, b) | Expr::Root(a, b) | Expr::Binom(a, b) => {
            vars(a, out);
            vars(b, out);
        }
        Expr::PlusMinus(a, b) => {
            vars(a, out);
            vars(b, out);
        }
        Expr::Matrix(rows) => rows.iter().flatten().for_each(|x| vars(x, out)),
        _ => {}
    }
}

fn gamma(x: f64) -> f64 {
    // Lanczos approximation
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    let g = 7.0;
    let coef = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = coef[0];
    let t = x + g + 0.5;
    for (i, c) in coef.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

/// Evaluates an expression at a point. `percent_fraction` reads `x\%` as `x/100`.
pub(crate) fn eval(
    e: &Expr,
    env: &[(String, f64)],
    percent_fraction: bool,
    b: &mut Budget,
    depth: u32,
) -> R<C> {
    b.tick(1)?;
    if depth > b.max_depth * 2 {
        return Err(Stop::Budget("nesting too deep"));
    }
    let d = depth + 1;
    let ev = |x: &Expr, b: &mut Budget| eval(x, env, percent_fraction, b, d);
    Ok(match e {
        Expr::Int(i) => C::r(i.to_f64().unwrap_or(f64::INFINITY)),
        Expr::Dec(r, _) => C::r(r.to_f64().unwrap_or(f64::NAN)),
        Expr::Var(v) => C::r(
            env.iter()
                .find(|(n, _)| n == v)
                .map_or(f64::NAN, |(_, x)| *x),
        ),
        Expr::Pi => C::r(std::f64::consts::PI),
        Expr::E => C::r(std::f64::consts::E),
        Expr::I => C { re: 0.0, im: 1.0 },
        Expr::Inf => C::r(f64::INFINITY),
        Expr::Add(v) => {
            let mut acc = C::r(0.0);
            for x in v {
                acc = acc.add(ev(x, b)?);
            }
            acc
        }
        Expr::Mul(v) => {
            let mut acc = C::r(1.0);
            for x in v {
                acc = acc.mul(ev(x, b)?);
            }
            acc
        }
        Expr::Neg(x) => C::r(0.0).sub(ev(x, b)?),
        Expr::Div(n, dd) => ev(n, b)?.div(ev(dd, b)?),
        Expr::Pow(x, y) => ev(x, b)?.pow(ev(y, b)?),
        Expr::Root(n, x) => {
            let n = ev(n, b)?;
            let x = ev(x, b)?;
            if x.is_real() && x.re < 0.0 && n.is_real() && n.re.fract() == 0.0 && n.re % 2.0 != 0.0
            {
                C::r(-(-x.re).powf(1.0 / n.re))
            } else {
                x.pow(C::r(1.0).div(n))
            }
        }
        Expr::Func(f, args) => {
            let x = match args.first() {
                Some(a) => ev(a, b)?,
                None => return Err(Stop::Unsupported),
            };
            if !x.is_real() {
                return match f {
                    Func::Exp => Ok(x.exp()),
                    Func::Ln | Func::Log if args.len() == 1 => Ok(x.ln()),
                    Func::Abs => Ok(C::r(x.abs())),
                    _ => Err(Stop::Unsupported),
                };
            }
            let v = x.re;
            C::r(match f {
                Func::Sin => v.sin(),
                Func::Cos => v.cos(),
                Func::Tan => v.tan(),
                Func::Sec => 1.0 / v.cos(),
                Func::Csc => 1.0 / v.sin(),
                Func::Cot => 1.0 / v.tan(),
                Func::Asin => v.asin(),
                Func::Acos => v.acos(),
                Func::Atan => v.atan(),
                Func::Sinh => v.sinh(),
                Func::Cosh => v.cosh(),
                Func::Tanh => v.tanh(),
                Func::Ln => v.ln(),
                Func::Log => match args.get(1) {
                    Some(base) => {
                        let bs = ev(base, b)?;
                        v.ln() / bs.re.ln()
                    }
                    None => v.ln(),
                },
                Func::Exp => v.exp(),
                Func::Abs => v.abs(),
            })
        }
        Expr::Fact(x) => {
            let v = ev(x, b)?;
            C::r(gamma(v.re + 1.0))
        }
        Expr::Binom(n, k) => {
            let n = ev(n, b)?.re;
            let k = ev(k, b)?.re;
            C::r(gamma(n + 1.0) / (gamma(k + 1.0) * gamma(n - k + 1.0)))
        }
        Expr::Percent(x) => {
            let v = ev(x, b)?;
            if percent_fraction {
                v.div(C::r(100.0))
            } else {
                v
            }
        }
        _ => return Err(Stop::Unsupported),
    })
}

/// `|a - b| <= tol * max(|a|, |b|)` (exact zero equals zero).
pub(crate) fn close(a: C, b: C, tol: f64) -> bool {
    let d = a.sub(b).abs();
    d <= tol * a.abs().max(b.abs()) || d == 0.0
}

/// Number of random points.
pub(crate) const POINTS: usize = 6;
/// Relative tolerance used by the random-point fallback (documented in the crate docs).
pub(crate) const FALLBACK_TOL: f64 = 1e-9;

/// Compares two expressions at seeded random points. Returns `None` when too few points could
/// be evaluated.
pub(crate) fn numeric_equal(
    a: &Expr,
    b: &Expr,
    tol: f64,
    percent: (bool, bool),
    bud: &mut Budget,
) -> R<Option<bool>> {
    let mut names = Vec::new();
    vars(a, &mut names);
    vars(b, &mut names);
    names.sort();
    let mut rng = SplitMix64::new(0x005E_ED0F_2024);
    let points = if names.is_empty() { 1 } else { POINTS };
    let mut valid = 0;
    for k in 0..points {
        // the first half of the points are positive, the rest negative
        let sign = if k < points.div_ceil(2) { 1.0 } else { -1.0 };
        let env: Vec<(String, f64)> = names
            .iter()
            .map(|n| (n.clone(), sign * (0.5 + 2.0 * rng.uniform())))
            .collect();
        let x = eval(a, &env, percent.0, bud, 0);
        let y = eval(b, &env, percent.1, bud, 0);
        let (x, y) = match (x, y) {
            (Ok(x), Ok(y)) => (x, y),
            (Err(Stop::Budget(m)), _) | (_, Err(Stop::Budget(m))) => return Err(Stop::Budget(m)),
            _ => return Ok(None),
        };
        match (x.finite(), y.finite()) {
            (true, true) => {
                if !close(x, y, tol) {
                    return Ok(Some(false));
                }
                valid += 1;
            }
            (false, false) => {}
            _ => return Ok(Some(false)),
        }
    }
    Ok(if valid > 0 { Some(true) } else { None })
}
