//! Exact normal forms: rational functions over atoms with big-rational coefficients.
//!
//! A [`Scalar`] is `num / den` where both are [`Poly`]: sums of monomials with `BigRational`
//! coefficients. Monomials are sorted products of atoms with integer exponents (Laurent
//! monomials). Radicals are canonical: `Root(n, m)` with `m > 1` free of `n`-th powers and
//! exponent 1, so `2\sqrt{3}` and `\sqrt{12}` have the same form; `i^2 = -1`.
//! Atoms the engine does not reduce (functions, symbolic powers) are opaque: the comparison then
//! falls back to seeded random-point evaluation.

use crate::budget::{Budget, Stop, R};
use crate::expr::{Expr, Func};
use crate::q::Q as BigRational;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// An atom of a monomial.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Atom {
    Var(String),
    Pi,
    E,
    I,
    /// `Root(n, m)`: the real `n`-th root of the integer `m > 1`, `m` free of `n`-th powers.
    Root(u32, BigInt),
    /// Anything else, keyed by its canonical text.
    Opaque(String),
}

/// A Laurent monomial: sorted `(atom, exponent)` pairs, exponents non-zero.
pub(crate) type Mono = Vec<(Atom, i64)>;

/// A polynomial: monomial -> non-zero coefficient.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Poly {
    pub(crate) terms: BTreeMap<Mono, BigRational>,
}

/// An exact value: `num / den`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scalar {
    pub(crate) num: Poly,
    pub(crate) den: Poly,
    /// Contains opaque atoms (exact inequality is then not conclusive).
    pub(crate) opaque: bool,
}

const MAX_TERMS: usize = 2000;

impl Poly {
    pub(crate) fn constant(c: BigRational) -> Poly {
        let mut terms = BTreeMap::new();
        if !c.is_zero() {
            terms.insert(Vec::new(), c);
        }
        Poly { terms }
    }

    pub(crate) fn one() -> Poly {
        Poly::constant(BigRational::one())
    }

    pub(crate) fn term(c: BigRational, m: Mono) -> Poly {
        let mut terms = BTreeMap::new();
        if !c.is_zero() {
            terms.insert(m, c);
        }
        Poly { terms }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.terms.is_empty()
    }

    pub(crate) fn is_one(&self) -> bool {
        self.terms.len() == 1 && self.terms.get(&Vec::new()).is_some_and(|c| c.is_one())
    }

    /// The value if the polynomial is a rational constant.
    pub(crate) fn as_constant(&self) -> Option<BigRational> {
        match self.terms.len() {
            0 => Some(BigRational::zero()),
            1 => self.terms.get(&Vec::new()).cloned(),
            _ => None,
        }
    }

    fn add_term(&mut self, m: Mono, c: BigRational) {
        if c.is_zero() {
            return;
        }
        match self.terms.entry(m) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(c);
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                *o.get_mut() += c;
                if o.get().is_zero() {
                    o.remove();
                }
            }
        }
    }

    pub(crate) fn add(&self, o: &Poly, b: &mut Budget) -> R<Poly> {
        b.tick(1 + o.terms.len() as u64)?;
        let mut r = self.clone();
        for (m, c) in &o.terms {
            if c.denom().bits() > 64 || c.numer().bits() > 1024 {
                // adding big fractions normalises with a GCD
                b.bits(c.numer().bits() + c.denom().bits())?;
            }
            r.add_term(m.clone(), c.clone());
        }
        Ok(r)
    }

    pub(crate) fn neg(&self) -> Poly {
        Poly {
            terms: self.terms.iter().map(|(m, c)| (m.clone(), -c)).collect(),
        }
    }

    pub(crate) fn scale(&self, k: &BigRational) -> Poly {
        if k.is_zero() {
            return Poly::default();
        }
        Poly {
            terms: self.terms.iter().map(|(m, c)| (m.clone(), c * k)).collect(),
        }
    }

    pub(crate) fn mul(&self, o: &Poly, b: &mut Budget) -> R<Poly> {
        if self.is_one() {
            return Ok(o.clone());
        }
        if o.is_one() {
            return Ok(self.clone());
        }
        let n = (self.terms.len() * o.terms.len()) as u64;
        b.tick(1 + n)?;
        let mut r = Poly::default();
        for (m1, c1) in &self.terms {
            for (m2, c2) in &o.terms {
                let bits =
                    c1.numer().bits() + c1.denom().bits() + c2.numer().bits() + c2.denom().bits();
                b.bits(bits)?;
                let (k, m) = mono_mul(m1, m2, b)?;
                r.add_term(m, k * c1 * c2);
            }
            if r.terms.len() > MAX_TERMS {
                return Err(Stop::Budget("too many terms"));
            }
        }
        Ok(r)
    }
}

/// Multiplies two monomials, returning a rational factor (from radicals and `i`) and the product.
fn mono_mul(a: &Mono, b: &Mono, bud: &mut Budget) -> R<(BigRational, Mono)> {
    let mut k = BigRational::one();
    let mut out: Mono = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j >= b.len() || (i < a.len() && a[i].0 <= b[j].0);
        let take_b = i >= a.len() || (j < b.len() && b[j].0 <= a[i].0);
        if take_a && take_b {
            let e = a[i]
                .1
                .checked_add(b[j].1)
                .ok_or(Stop::Budget("exponent too large"))?;
            if e != 0 {
                out.push((a[i].0.clone(), e));
            }
            i += 1;
            j += 1;
        } else if take_a {
            out.push(a[i].clone());
            i += 1;
        } else {
            out.push(b[j].clone());
            j += 1;
        }
    }
    fix_mono(&mut k, &mut out, bud)?;
    Ok((k, out))
}

/// Restores the invariants: `i` exponent in {1}, radicals merged per index with exponent 1.
fn fix_mono(k: &mut BigRational, m: &mut Mono, b: &mut Budget) -> R<()> {
    let needs = m.iter().any(|(a, e)| match a {
        Atom::I => *e != 1,
        Atom::Root(..) => true,
        _ => false,
    });
    if !needs {
        return Ok(());
    }
    let mut roots: BTreeMap<u32, BigInt> = BTreeMap::new();
    let mut rest: Mono = Vec::with_capacity(m.len());
    let mut i_exp: i64 = 0;
    for (a, e) in m.drain(..) {
        match a {
            Atom::I => {
                i_exp = i_exp
                    .checked_add(e)
                    .ok_or(Stop::Budget("exponent too large"))?
            }
            Atom::Root(n, r) => {
                // r^(e/n): integer part moves to the coefficient
                let acc = roots.entry(n).or_insert_with(BigInt::one);
                let ee = e.unsigned_abs();
                b.bits(r.bits().saturating_mul(ee))?;
                let p = num_traits::pow::pow(
                    r.clone(),
                    usize::try_from(ee).map_err(|_| Stop::Unsupported)?,
                );
                if e > 0 {
                    *acc *= p;
                } else {
                    // 1/r^ee = r^(ee*(n-1)) / r^(ee*n) ... keep as rational factor
                    let inv_n = num_traits::pow::pow(
                        r.clone(),
                        usize::try_from(ee).map_err(|_| Stop::Unsupported)?,
                    );
                    let full = num_traits::pow::pow(inv_n, n as usize);
                    *k /= BigRational::from_integer(full);
                    let up = num_traits::pow::pow(p, (n - 1) as usize);
                    *acc *= up;
                }
            }
            a => rest.push((a, e)),
        }
    }
    for (n, r) in roots {
        let (c, atom) = root_canon(n, r, b)?;
        *k *= BigRational::from_integer(c);
        if let Some(atom) = atom {
            rest.push((atom, 1));
        }
    }
    let i_mod = i_exp.rem_euclid(4);
    if i_mod >= 2 {
        *k = -k.clone();
    }
    if i_mod % 2 == 1 {
        rest.push((Atom::I, 1));
    }
    rest.sort_by(|x, y| x.0.cmp(&y.0));
    *m = rest;
    Ok(())
}

const SMALL_PRIMES: [u32; 25] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
];

/// `m^(1/n)` for an integer `m > 0`: returns `(c, atom)` with `m^(1/n) = c * atom`.
pub(crate) fn root_canon(n: u32, m: BigInt, b: &mut Budget) -> R<(BigInt, Option<Atom>)> {
    if m.is_one() || m.is_zero() {
        return Ok((m, None));
    }
    if n == 1 {
        return Ok((m, None));
    }
    if m.bits() > 2048 {
        return Err(Stop::Budget("radicand too large"));
    }
    b.tick(30 + m.bits() / 8)?;
    let mut out = BigInt::one();
    let mut rest = m;
    // trial division by small primes, then by odd numbers up to 1000
    let trial = |p: u32, rest: &mut BigInt, out: &mut BigInt| {
        let pb = BigInt::from(p);
        let mut cnt = 0u32;
        while (&*rest % &pb).is_zero() {
            *rest /= &pb;
            cnt += 1;
        }
        if cnt >= n {
            *out *= num_traits::pow::pow(pb.clone(), (cnt / n) as usize);
        }
        if cnt % n != 0 {
            cnt % n
        } else {
            0
        }
    };
    let mut kept: Vec<(u32, u32)> = Vec::new();
    for &p in &SMALL_PRIMES {
        let r = trial(p, &mut rest, &mut out);
        if r > 0 {
            kept.push((p, r));
        }
    }
    if rest.bits() < 128 {
        let mut p = 101u32;
        while p < 1000 {
            let r = trial(p, &mut rest, &mut out);
            if r > 0 {
                kept.push((p, r));
            }
            p += 2;
        }
        b.tick(200)?;
    }
    // remaining cofactor: a perfect n-th power?
    if !rest.is_one() {
        let r = rest.nth_root(n);
        if num_traits::pow::pow(r.clone(), n as usize) == rest {
            out *= r;
            rest = BigInt::one();
        }
    }
    let mut radicand = rest;
    for (p, e) in &kept {
        radicand *= num_traits::pow::pow(BigInt::from(*p), *e as usize);
    }
    if radicand.is_one() {
        return Ok((out, None));
    }
    // reduce the index: Root(4, 4) = Root(2, 2)
    let mut n = n;
    for g in [2u32, 3, 5, 7] {
        while n % g == 0 {
            let r = radicand.nth_root(g);
            if num_traits::pow::pow(r.clone(), g as usize) == radicand {
                radicand = r;
                n /= g;
            } else {
                break;
            }
        }
    }
    if n == 1 {
        return Ok((out * radicand, None));
    }
    Ok((out, Some(Atom::Root(n, radicand))))
}

impl Scalar {
    pub(crate) fn constant(c: BigRational) -> Scalar {
        Scalar {
            num: Poly::constant(c),
            den: Poly::one(),
            opaque: false,
        }
    }

    pub(crate) fn int(i: i64) -> Scalar {
        Scalar::constant(BigRational::from_integer(BigInt::from(i)))
    }

    pub(crate) fn atom(a: Atom) -> Scalar {
        let opaque = matches!(a, Atom::Opaque(_));
        Scalar {
            num: Poly::term(BigRational::one(), vec![(a, 1)]),
            den: Poly::one(),
            opaque,
        }
    }

    fn opaque_of(key: String) -> Scalar {
        Scalar::atom(Atom::Opaque(key))
    }

    /// The value if it is a rational constant.
    pub(crate) fn as_rational(&self) -> Option<BigRational> {
        let n = self.num.as_constant()?;
        let d = self.den.as_constant()?;
        if d.is_zero() {
            return None;
        }
        Some(n / d)
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.num.is_zero()
    }

    pub(crate) fn add(&self, o: &Scalar, b: &mut Budget) -> R<Scalar> {
        let opaque = self.opaque || o.opaque;
        if self.den == o.den {
            return Ok(Scalar {
                num: self.num.add(&o.num, b)?,
                den: self.den.clone(),
                opaque,
            });
        }
        let n1 = self.num.mul(&o.den, b)?;
        let n2 = o.num.mul(&self.den, b)?;
        Ok(Scalar {
            num: n1.add(&n2, b)?,
            den: self.den.mul(&o.den, b)?,
            opaque,
        })
    }

    pub(crate) fn neg(&self) -> Scalar {
        Scalar {
            num: self.num.neg(),
            den: self.den.clone(),
            opaque: self.opaque,
        }
    }

    pub(crate) fn mul(&self, o: &Scalar, b: &mut Budget) -> R<Scalar> {
        Ok(Scalar {
            num: self.num.mul(&o.num, b)?,
            den: self.den.mul(&o.den, b)?,
            opaque: self.opaque || o.opaque,
        })
    }

    /// The inverse of a single term `c * mono`.
    fn inv_term(c: &BigRational, m: &Mono, b: &mut Budget) -> R<Poly> {
        let mut k = c.recip();
        let mut out: Mono = Vec::with_capacity(m.len());
        for (a, e) in m {
            match a {
                Atom::I => {
                    // 1/i = -i
                    k = -k;
                    out.push((Atom::I, 1));
                }
                Atom::Root(n, r) => {
                    // 1/r^(1/n) = r^((n-1)/n) / r
                    k /= BigRational::from_integer(r.clone());
                    let up = num_traits::pow::pow(r.clone(), (*n - 1) as usize);
                    b.bits(up.bits())?;
                    out.push((Atom::Root(*n, up), 1));
                }
                a => out.push((
                    a.clone(),
                    e.checked_neg().ok_or(Stop::Budget("exponent too large"))?,
                )),
            }
        }
        fix_mono(&mut k, &mut out, b)?;
        Ok(Poly::term(k, out))
    }

    pub(crate) fn div(&self, o: &Scalar, b: &mut Budget) -> R<Scalar> {
        if o.num.is_zero() {
            return Err(Stop::Unsupported);
        }
        let opaque = self.opaque || o.opaque;
        if o.num.terms.len() == 1 {
            if let Some((m, c)) = o.num.terms.iter().next() {
                let inv = Scalar::inv_term(c, m, b)?;
                let num = self.num.mul(&inv, b)?.mul(&o.den, b)?;
                return Ok(Scalar {
                    num,
                    den: self.den.clone(),
                    opaque,
                });
            }
        }
        Ok(Scalar {
            num: self.num.mul(&o.den, b)?,
            den: self.den.mul(&o.num, b)?,
            opaque,
        })
    }

    /// Integer power.
    pub(crate) fn powi(&self, k: i64, b: &mut Budget) -> R<Scalar> {
        if k == 0 {
            return Ok(Scalar::int(1));
        }
        if k < 0 {
            return Scalar::int(1).div(&self.powi(-k, b)?, b);
        }
        // size estimate
        let ku = k.unsigned_abs();
        if let Some(r) = self.as_rational() {
            let bits = (r.numer().bits() + r.denom().bits()).saturating_mul(ku);
            b.bits(bits)?;
            let n = num_traits::pow::pow(
                r.numer().clone(),
                usize::try_from(ku).map_err(|_| Stop::Unsupported)?,
            );
            let d = num_traits::pow::pow(
                r.denom().clone(),
                usize::try_from(ku).map_err(|_| Stop::Unsupported)?,
            );
            return Ok(Scalar::constant(BigRational::from_coprime(n, d)));
        }
        let single = self.num.terms.len() == 1 && self.den.is_one();
        if !single && ku > 64 {
            return Err(Stop::Budget("power of a sum too large"));
        }
        if ku > 100_000 {
            return Err(Stop::Budget("exponent too large"));
        }
        let mut result = Scalar::int(1);
        let mut base = self.clone();
        let mut e = ku;
        while e > 0 {
            b.tick(1)?;
            if e & 1 == 1 {
                result = result.mul(&base, b)?;
            }
            e >>= 1;
            if e > 0 {
                base = base.mul(&base, b)?;
            }
        }
        Ok(result)
    }
}

/// Conversion context.
pub(crate) struct Ctx<'b> {
    pub(crate) b: &'b mut Budget,
    /// Read `x\%` as `x/100` (else as `x`).
    pub(crate) percent_fraction: bool,
    pub(crate) depth: u32,
}

fn int_of(s: &Scalar) -> Option<BigInt> {
    let r = s.as_rational()?;
    if r.is_integer() {
        Some(r.to_integer())
    } else {
        None
    }
}

/// Converts an expression to its exact normal form.
/// `q` when the scalar is `q·π` (or `0`) for a rational `q`.
fn pi_multiple(a: &Scalar) -> Option<BigRational> {
    if !a.den.is_one() {
        return None;
    }
    if a.num.is_zero() {
        return Some(BigRational::from_integer(BigInt::zero()));
    }
    if a.num.terms.len() != 1 {
        return None;
    }
    let (m, c) = a.num.terms.iter().next()?;
    (m.len() == 1 && m[0] == (Atom::Pi, 1)).then(|| c.clone())
}

/// Exact values of the trigonometric functions at rational multiples of π whose denominator
/// divides 4 or 6 (`\sin(\frac{\pi}{6}) = \frac12`, `\cos(10^{20}\pi) = 1`), as expressions;
/// `None` elsewhere (and where the function has a pole).
fn trig_at_pi_multiple(f: Func, a: &Scalar) -> Option<Expr> {
    if !matches!(
        f,
        Func::Sin | Func::Cos | Func::Tan | Func::Sec | Func::Csc | Func::Cot
    ) {
        return None;
    }
    let q = pi_multiple(a)?;
    // the angle in twelfths of π, modulo 24
    let t12 = q * BigRational::from_integer(BigInt::from(12));
    if !t12.is_integer() {
        return None;
    }
    let t = t12.to_integer() % BigInt::from(24);
    let t = (t + BigInt::from(24)) % BigInt::from(24);
    let t = t.to_u32()?;
    if t % 2 != 0 && t % 3 != 0 {
        return None;
    }
    // sin at t twelfths: (sign, 0 | 1/2 | √2/2 | √3/2 | 1)
    let sin = |t: u32| -> (i32, u8) {
        let (sign, u) = if t < 12 { (1, t) } else { (-1, t - 12) };
        let u = if u > 6 { 12 - u } else { u };
        let k = match u {
            0 => 0,
            2 => 1,
            3 => 2,
            4 => 3,
            _ => 4,
        };
        (if k == 0 { 0 } else { sign }, k)
    };
    let value = |(sign, k): (i32, u8)| -> Expr {
        let two = || Expr::Int(BigInt::from(2));
        let half_root = |m: i64| {
            Expr::Div(
                Box::new(Expr::Root(
                    Box::new(two()),
                    Box::new(Expr::Int(BigInt::from(m))),
                )),
                Box::new(two()),
            )
        };
        let v = match k {
            0 => Expr::Int(BigInt::zero()),
            1 => Expr::Div(Box::new(Expr::Int(BigInt::one())), Box::new(two())),
            2 => half_root(2),
            3 => half_root(3),
            _ => Expr::Int(BigInt::one()),
        };
        if sign < 0 {
            Expr::Neg(Box::new(v))
        } else {
            v
        }
    };
    let s = sin(t);
    let c = sin((t + 6) % 24);
    let ratio = |n: (i32, u8), d: (i32, u8)| -> Option<Expr> {
        (d.1 != 0).then(|| Expr::Div(Box::new(value(n)), Box::new(value(d))))
    };
    match f {
        Func::Sin => Some(value(s)),
        Func::Cos => Some(value(c)),
        Func::Tan => ratio(s, c),
        Func::Cot => ratio(c, s),
        Func::Sec => ratio((1, 4), c),
        Func::Csc => ratio((1, 4), s),
        _ => None,
    }
}

pub(crate) fn to_scalar(e: &Expr, cx: &mut Ctx<'_>) -> R<Scalar> {
    cx.depth += 1;
    if cx.depth > cx.b.max_depth * 2 {
        return Err(Stop::Budget("nesting too deep"));
    }
    cx.b.tick(1)?;
    let r = to_scalar_inner(e, cx);
    cx.depth -= 1;
    r
}

fn to_scalar_inner(e: &Expr, cx: &mut Ctx<'_>) -> R<Scalar> {
    Ok(match e {
        Expr::Int(i) => Scalar::constant(BigRational::from_integer(i.clone())),
        Expr::Dec(r, _) => Scalar::constant(r.clone()),
        Expr::Var(v) => Scalar::atom(Atom::Var(v.clone())),
        Expr::Pi => Scalar::atom(Atom::Pi),
        Expr::E => Scalar::atom(Atom::E),
        Expr::I => Scalar::atom(Atom::I),
        Expr::Add(v) => {
            let mut acc = Scalar::int(0);
            for x in v {
                let s = to_scalar(x, cx)?;
                acc = acc.add(&s, cx.b)?;
            }
            acc
        }
        Expr::Mul(v) => {
            let mut acc = Scalar::int(1);
            for x in v {
                let s = to_scalar(x, cx)?;
                acc = acc.mul(&s, cx.b)?;
            }
            acc
        }
        Expr::Neg(x) => to_scalar(x, cx)?.neg(),
        Expr::Div(n, d) => {
            let n = to_scalar(n, cx)?;
            let d = to_scalar(d, cx)?;
            n.div(&d, cx.b)?
        }
        Expr::Pow(base, ex) => {
            let exp = to_scalar(ex, cx)?;
            if let Some(q) = exp.as_rational() {
                if matches!(**base, Expr::E) && !q.is_integer() {
                    return Ok(Scalar::opaque_of(format!("e^{{{}}}", show_rat(&q))));
                }
                let base = to_scalar(base, cx)?;
                pow_rational(&base, &q, cx)?
            } else {
                let base_s = to_scalar(base, cx)?;
                if matches!(**base, Expr::E) {
                    Scalar::opaque_of(format!("\\exp({})", show_scalar(&exp)))
                } else {
                    Scalar::opaque_of(format!(
                        "({})^{{{}}}",
                        show_scalar(&base_s),
                        show_scalar(&exp)
                    ))
                }
            }
        }
        Expr::Root(idx, rad) => {
            let n = to_scalar(idx, cx)?;
            let n = int_of(&n)
                .and_then(|n| n.to_u32())
                .filter(|&n| (1..=64).contains(&n));
            let rad = to_scalar(rad, cx)?;
            match n {
                Some(n) => {
                    pow_rational(&rad, &BigRational::new(BigInt::one(), BigInt::from(n)), cx)?
                }
                None => Scalar::opaque_of(format!("\\sqrt[?]{{{}}}", show_scalar(&rad))),
            }
        }
        Expr::Func(f, args) => {
            let a = match args.first() {
                Some(a) => to_scalar(a, cx)?,
                None => return Err(Stop::Unsupported),
            };
            if *f == Func::Abs {
                if let Some(r) = a.as_rational() {
                    return Ok(Scalar::constant(r.abs()));
                }
            }
            if let Some(v) = trig_at_pi_multiple(*f, &a) {
                // exact before any float evaluation: `\sin(10^{20}\pi)` is 0
                return to_scalar(&v, cx);
            }
            if *f == Func::Exp {
                if let Some(q) = a.as_rational() {
                    if q.is_integer() {
                        if let Some(k) = q.to_integer().to_i64() {
                            return Scalar::atom(Atom::E).powi(k, cx.b);
                        }
                    }
                }
            }
            if matches!(f, Func::Ln | Func::Log) && args.len() == 1 {
                if a.as_rational().is_some_and(|r| r.is_one()) {
                    return Ok(Scalar::int(0));
                }
                if *f == Func::Ln && a.num.terms.len() == 1 && a.den.is_one() {
                    if let Some((m, c)) = a.num.terms.iter().next() {
                        if c.is_one() && m.len() == 1 && m[0].0 == Atom::E {
                            return Ok(Scalar::int(m[0].1));
                        }
                    }
                }
            }
            let mut key = String::new();
            key.push_str(f.name());
            if let Some(base) = args.get(1) {
                let bs = to_scalar(base, cx)?;
                let _ = write!(key, "_{{{}}}", show_scalar(&bs));
            }
            let _ = write!(key, "({})", show_scalar(&a));
            Scalar::opaque_of(key)
        }
        Expr::Fact(x) => {
            let s = to_scalar(x, cx)?;
            match int_of(&s) {
                Some(n) if !n.is_negative() => {
                    let n = n.to_u64().ok_or(Stop::Budget("factorial too large"))?;
                    let bits = n.saturating_mul(64 - n.leading_zeros() as u64);
                    cx.b.bits(bits)?;
                    cx.b.tick(n + bits / 64)?;
                    Scalar::constant(BigRational::from_integer(product(2, n + 1)))
                }
                _ => Scalar::opaque_of(format!("({})!", show_scalar(&s))),
            }
        }
        Expr::Binom(n, k) => {
            let n = to_scalar(n, cx)?;
            let k = to_scalar(k, cx)?;
            match (int_of(&n), int_of(&k)) {
                (Some(n), Some(k)) if !n.is_negative() && !k.is_negative() => {
                    if k > n {
                        return Ok(Scalar::int(0));
                    }
                    let k = std::cmp::min(k.clone(), &n - &k);
                    let ku = k.to_u64().ok_or(Stop::Budget("binomial too large"))?;
                    cx.b.bits(ku.saturating_mul(n.bits()))?;
                    cx.b.tick(ku)?;
                    let mut acc = BigInt::one();
                    for i in 0..ku {
                        acc = acc * (&n - BigInt::from(i)) / BigInt::from(i + 1);
                    }
                    Scalar::constant(BigRational::from_integer(acc))
                }
                _ => Scalar::opaque_of(format!(
                    "\\binom{{{}}}{{{}}}",
                    show_scalar(&n),
                    show_scalar(&k)
                )),
            }
        }
        Expr::Percent(x) => {
            let s = to_scalar(x, cx)?;
            if cx.percent_fraction {
                s.div(&Scalar::int(100), cx.b)?
            } else {
                s
            }
        }
        Expr::Inf
        | Expr::PlusMinus(..)
        | Expr::List(..)
        | Expr::Union(_)
        | Expr::Matrix(_)
        | Expr::Rel(..)
        | Expr::Empty
        | Expr::Text(_) => return Err(Stop::Unsupported),
    })
}

/// Product of the integers in `lo..hi` by binary splitting (fast for factorials).
fn product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        for k in lo..hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid, hi)
}

/// `(±m)^k` for a monomial `m` of variables, `\pi`, `e`, `i` and opaque atoms with coefficient
/// `±1`: exponents are multiplied (checked), nothing is expanded, so `x^{10^{15}}` is exact.
fn unit_monomial_pow(base: &Scalar, k: i64, b: &mut Budget) -> R<Option<Scalar>> {
    if !base.den.is_one() || base.num.terms.len() != 1 {
        return Ok(None);
    }
    let Some((m, c)) = base.num.terms.iter().next() else {
        return Ok(None);
    };
    if !(c.is_one() || (-c).is_one()) || m.iter().any(|(a, _)| matches!(a, Atom::Root(..))) {
        return Ok(None);
    }
    let mut out: Mono = Vec::with_capacity(m.len());
    for (a, e) in m {
        let e = e.checked_mul(k).ok_or(Stop::Budget("exponent too large"))?;
        out.push((a.clone(), e));
    }
    let mut coef = if c.is_negative() && k % 2 != 0 {
        -BigRational::one()
    } else {
        BigRational::one()
    };
    fix_mono(&mut coef, &mut out, b)?;
    out.retain(|(_, e)| *e != 0);
    Ok(Some(Scalar {
        num: Poly::term(coef, out),
        den: Poly::one(),
        opaque: base.opaque,
    }))
}

/// `base^q` for a rational exponent.
fn pow_rational(base: &Scalar, q: &BigRational, cx: &mut Ctx<'_>) -> R<Scalar> {
    if q.is_integer() {
        let k = q
            .to_integer()
            .to_i64()
            .ok_or(Stop::Budget("exponent too large"))?;
        if let Some(s) = unit_monomial_pow(base, k, cx.b)? {
            return Ok(s);
        }
        if k.unsigned_abs() > 1_000_000 {
            return Err(Stop::Budget("exponent too large"));
        }
        if base.is_zero() && k < 0 {
            return Err(Stop::Unsupported);
        }
        return base.powi(k, cx.b);
    }
    let p = q
        .numer()
        .to_i64()
        .ok_or(Stop::Budget("exponent too large"))?;
    let n = q.denom().to_u32().filter(|&n| n <= 64);
    if let (Some(n), Some(c)) = (n, base.as_rational()) {
        if p.unsigned_abs() > 10_000 {
            return Err(Stop::Budget("exponent too large"));
        }
        // c^(p/n) = (c^p)^(1/n)
        let neg = c.is_negative();
        if neg && n % 2 == 0 && n != 2 {
            return Ok(Scalar::opaque_of(format!(
                "({})^{{{}}}",
                show_rat(&c),
                show_rat(q)
            )));
        }
        let cp = Scalar::constant(c.abs()).powi(p, cx.b)?;
        let cp = cp.as_rational().ok_or(Stop::Unsupported)?;
        if cp.is_zero() {
            return Ok(Scalar::int(0));
        }
        // (a/b)^(1/n) = (a * b^(n-1))^(1/n) / b
        let a = cp.numer().clone();
        let bden = cp.denom().clone();
        let up = num_traits::pow::pow(bden.clone(), (n - 1) as usize);
        cx.b.bits(up.bits() + a.bits())?;
        let (coef, atom) = root_canon(n, a * up, cx.b)?;
        let mut s = Scalar::constant(BigRational::new(coef, bden));
        if let Some(atom) = atom {
            s = s.mul(&Scalar::atom(atom), cx.b)?;
        }
        if neg {
            if n % 2 == 1 {
                s = s.neg();
            } else {
                // sqrt of a negative number: i * sqrt(|c|)^p ; p odd here
                s = s.mul(&Scalar::atom(Atom::I), cx.b)?;
                if p.rem_euclid(4) == 3 {
                    s = s.neg();
                }
            }
        }
        return Ok(s);
    }
    // symbolic base with fractional exponent: opaque
    Ok(Scalar::opaque_of(format!(
        "({})^{{{}}}",
        show_scalar(base),
        show_rat(q)
    )))
}

/// Decimal text of an integer; very large ones are abbreviated (exact digits are not shown).
fn show_int(i: &BigInt) -> String {
    if i.bits() > 2048 {
        let digits = (i.bits() as f64 * std::f64::consts::LOG10_2).ceil() as u64;
        let sign = if i.is_negative() { "-" } else { "" };
        return format!("{sign}\\text{{[{digits}-digit integer]}}");
    }
    i.to_string()
}

pub(crate) fn show_rat(r: &BigRational) -> String {
    if r.numer().bits() > 2048 || r.denom().bits() > 2048 {
        return if r.is_integer() {
            show_int(r.numer())
        } else {
            format!(
                "\\frac{{{}}}{{{}}}",
                show_int(r.numer()),
                show_int(r.denom())
            )
        };
    }
    if r.is_integer() {
        r.numer().to_string()
    } else if r.is_negative() {
        format!("-\\frac{{{}}}{{{}}}", -r.numer(), r.denom())
    } else {
        format!("\\frac{{{}}}{{{}}}", r.numer(), r.denom())
    }
}

fn show_atom(out: &mut String, a: &Atom, e: i64) {
    match a {
        Atom::Var(v) => out.push_str(v),
        Atom::Pi => out.push_str("\\pi"),
        Atom::E => out.push('e'),
        Atom::I => out.push('i'),
        Atom::Root(2, m) => {
            let _ = write!(out, "\\sqrt{{{m}}}");
        }
        Atom::Root(n, m) => {
            let _ = write!(out, "\\sqrt[{n}]{{{m}}}");
        }
        Atom::Opaque(k) => {
            if e != 1 {
                let _ = write!(out, "({k})");
            } else {
                out.push_str(k);
            }
        }
    }
    if e != 1 {
        let _ = write!(out, "^{{{e}}}");
    }
}

/// Canonical text of a polynomial.
pub(crate) fn show_poly(p: &Poly) -> String {
    if p.terms.is_empty() {
        return "0".into();
    }
    let mut out = String::new();
    // constant term last, like x + 1
    let mut items: Vec<(&Mono, &BigRational)> =
        p.terms.iter().filter(|(m, _)| !m.is_empty()).collect();
    if let Some((m, c)) = p.terms.get_key_value(&Vec::new()) {
        items.push((m, c));
    }
    for (idx, (m, c)) in items.into_iter().enumerate() {
        let neg = c.is_negative();
        let abs = c.abs();
        if idx == 0 {
            if neg {
                out.push('-');
            }
        } else {
            out.push_str(if neg { " - " } else { " + " });
        }
        let mut first = true;
        if !abs.is_one() || m.is_empty() {
            out.push_str(&show_rat(&abs));
            first = false;
        }
        for (a, e) in m {
            if !first {
                out.push_str(" \\cdot ");
            }
            show_atom(&mut out, a, *e);
            first = false;
        }
    }
    out
}

/// Canonical text of a scalar.
pub(crate) fn show_scalar(s: &Scalar) -> String {
    if s.den.is_one() {
        return show_poly(&s.num);
    }
    // a constant denominator is folded into the numerator
    if let Some(d) = s.den.as_constant() {
        if !d.is_zero() {
            return show_poly(&s.num.scale(&d.recip()));
        }
    }
    format!("\\frac{{{}}}{{{}}}", show_poly(&s.num), show_poly(&s.den))
}

/// Exact equality of two scalars (`a.num * b.den == b.num * a.den`).
pub(crate) fn scalar_eq(a: &Scalar, b: &Scalar, bud: &mut Budget) -> R<bool> {
    if a.den == b.den {
        return Ok(a.num == b.num);
    }
    let l = a.num.mul(&b.den, bud)?;
    let r = b.num.mul(&a.den, bud)?;
    Ok(l == r)
}

/// `b == c * a` for some non-zero rational `c`; returns `c`.
pub(crate) fn proportional(a: &Scalar, b: &Scalar, bud: &mut Budget) -> R<Option<BigRational>> {
    let l = a.num.mul(&b.den, bud)?;
    let r = b.num.mul(&a.den, bud)?;
    if l.is_zero() || r.is_zero() {
        return Ok(None);
    }
    let Some((m, ca)) = l.terms.iter().next() else {
        return Ok(None);
    };
    let Some(cb) = r.terms.get(m) else {
        return Ok(None);
    };
    let c = cb / ca;
    if l.terms.len() != r.terms.len() {
        return Ok(None);
    }
    bud.tick(l.terms.len() as u64)?;
    for (m, x) in &l.terms {
        match r.terms.get(m) {
            Some(y) if *y == x * &c => {}
            _ => return Ok(None),
        }
    }
    // r = c * l means b / a = c exactly.
    Ok(Some(c))
}

/// Sign of a big integer as -1/0/1.
#[allow(dead_code)]
pub(crate) fn sign(i: &BigInt) -> i32 {
    match i.sign() {
        Sign::Minus => -1,
        Sign::NoSign => 0,
        Sign::Plus => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b() -> Budget {
        Budget::new(1_000_000, None, 65536, 64)
    }

    #[test]
    fn radicals_canonical() {
        let mut bud = b();
        let (c, a) = root_canon(2, BigInt::from(12), &mut bud).unwrap_or((BigInt::zero(), None));
        assert_eq!(c, BigInt::from(2));
        assert_eq!(a, Some(Atom::Root(2, BigInt::from(3))));
        let (c, a) = root_canon(4, BigInt::from(4), &mut bud).unwrap_or((BigInt::zero(), None));
        assert_eq!(c, BigInt::one());
        assert_eq!(a, Some(Atom::Root(2, BigInt::from(2))));
    }
}
