//! Exact rationals with cheap normalisation.
//!
//! `num_rational::BigRational` reduces with the binary GCD of `num-bigint`, which takes time
//! proportional to `bits × words` even when the other operand is `1`: multiplying a
//! 37 000-bit integer costs tens of milliseconds. [`Q`] keeps the same exact semantics but skips
//! the GCD when a denominator is `1`, otherwise uses Euclid with remainders (whose first step
//! already collapses a small operand), and leaves very large fractions unreduced (reducing two
//! 10 000-bit numbers costs milliseconds): equality and order use cross-multiplication, so an
//! unreduced value still compares exactly.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub};

/// A rational number: `d > 0`; `gcd(n, d) = 1` unless both are very large.
#[derive(Debug, Clone)]
pub(crate) struct Q {
    n: BigInt,
    d: BigInt,
}

/// Operands above this size (in bits, both together) are not reduced by a GCD.
const REDUCE_BITS: u64 = 8192;

/// GCD by Euclid with remainders (fast when one side is small).
fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    let mut a = a.abs();
    let mut b = b.abs();
    if a.is_one() || b.is_one() {
        return BigInt::one();
    }
    if a < b {
        std::mem::swap(&mut a, &mut b);
    }
    while !b.is_zero() {
        if let (Some(x), Some(y)) = (a.to_u64(), b.to_u64()) {
            return BigInt::from(x.gcd(&y));
        }
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

impl Q {
    /// `n / d`, normalised. A zero denominator gives zero (callers check before dividing).
    pub(crate) fn new(n: BigInt, d: BigInt) -> Q {
        if d.is_zero() {
            return Q::zero();
        }
        let (n, d) = if d.is_negative() { (-n, -d) } else { (n, d) };
        if d.is_one() || n.is_zero() {
            let d = if n.is_zero() { BigInt::one() } else { d };
            return Q { n, d };
        }
        if n.bits() + d.bits() > REDUCE_BITS && n.bits() > 64 && d.bits() > 64 {
            return Q { n, d };
        }
        let g = gcd(&n, &d);
        if g.is_one() {
            Q { n, d }
        } else {
            Q {
                n: n / &g,
                d: d / g,
            }
        }
    }

    /// `n / d` for coprime `n`, `d > 0` (no GCD is computed).
    pub(crate) fn from_coprime(n: BigInt, d: BigInt) -> Q {
        if d.is_negative() {
            Q { n: -n, d: -d }
        } else {
            Q { n, d }
        }
    }

    pub(crate) fn from_integer(n: BigInt) -> Q {
        Q {
            n,
            d: BigInt::one(),
        }
    }

    pub(crate) fn numer(&self) -> &BigInt {
        &self.n
    }

    pub(crate) fn denom(&self) -> &BigInt {
        &self.d
    }

    pub(crate) fn is_integer(&self) -> bool {
        self.d.is_one() || (&self.n % &self.d).is_zero()
    }

    /// Integer part, truncated toward zero.
    pub(crate) fn to_integer(&self) -> BigInt {
        &self.n / &self.d
    }

    pub(crate) fn recip(&self) -> Q {
        Q::new(self.d.clone(), self.n.clone())
    }

    pub(crate) fn abs(&self) -> Q {
        Q {
            n: self.n.abs(),
            d: self.d.clone(),
        }
    }

    pub(crate) fn is_negative(&self) -> bool {
        self.n.is_negative()
    }

    pub(crate) fn is_positive(&self) -> bool {
        self.n.is_positive()
    }

    /// Nearest `f64` (infinite or zero when out of range), also for huge numerators/denominators.
    pub(crate) fn to_f64(&self) -> Option<f64> {
        let nb = self.n.bits();
        let db = self.d.bits();
        if nb < 1000 && db < 1000 {
            return Some(self.n.to_f64()? / self.d.to_f64()?);
        }
        let sn = nb.saturating_sub(64);
        let sd = db.saturating_sub(64);
        let n = (&self.n >> sn).to_f64()?;
        let d = (&self.d >> sd).to_f64()?;
        let e = i64::try_from(sn).ok()? - i64::try_from(sd).ok()?;
        let e = i32::try_from(e.clamp(-5000, 5000)).ok()?;
        Some(n / d * 2f64.powi(e))
    }

    fn add_ref(&self, o: &Q) -> Q {
        if self.d.is_one() && o.d.is_one() {
            return Q {
                n: &self.n + &o.n,
                d: BigInt::one(),
            };
        }
        if self.d == o.d {
            return Q::new(&self.n + &o.n, self.d.clone());
        }
        Q::new(&self.n * &o.d + &o.n * &self.d, &self.d * &o.d)
    }

    fn mul_ref(&self, o: &Q) -> Q {
        if self.d.is_one() && o.d.is_one() {
            return Q {
                n: &self.n * &o.n,
                d: BigInt::one(),
            };
        }
        if self.n.bits() + o.d.bits() > REDUCE_BITS || o.n.bits() + self.d.bits() > REDUCE_BITS {
            return Q::new(&self.n * &o.n, &self.d * &o.d);
        }
        // cross-reduce first: (a/b)(c/d) = (a/g1)(c/g2) / ((b/g2)(d/g1))
        let g1 = gcd(&self.n, &o.d);
        let g2 = gcd(&o.n, &self.d);
        let n = (&self.n / &g1) * (&o.n / &g2);
        let d = (&self.d / &g2) * (&o.d / &g1);
        if d.is_negative() {
            Q { n: -n, d: -d }
        } else {
            Q { n, d }
        }
    }
}

impl std::fmt::Display for Q {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.d.is_one() {
            write!(f, "{}", self.n)
        } else {
            write!(f, "{}/{}", self.n, self.d)
        }
    }
}

impl PartialEq for Q {
    fn eq(&self, o: &Q) -> bool {
        if self.d == o.d {
            return self.n == o.n;
        }
        &self.n * &o.d == &o.n * &self.d
    }
}

impl Eq for Q {}

impl PartialOrd for Q {
    fn partial_cmp(&self, o: &Q) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Q {
    fn cmp(&self, o: &Q) -> Ordering {
        (&self.n * &o.d).cmp(&(&o.n * &self.d))
    }
}

impl Zero for Q {
    fn zero() -> Q {
        Q {
            n: BigInt::zero(),
            d: BigInt::one(),
        }
    }
    fn is_zero(&self) -> bool {
        self.n.is_zero()
    }
}

impl One for Q {
    fn one() -> Q {
        Q {
            n: BigInt::one(),
            d: BigInt::one(),
        }
    }
    fn is_one(&self) -> bool {
        self.n == self.d
    }
}

impl Neg for Q {
    type Output = Q;
    fn neg(self) -> Q {
        Q {
            n: -self.n,
            d: self.d,
        }
    }
}

impl Neg for &Q {
    type Output = Q;
    fn neg(self) -> Q {
        Q {
            n: -&self.n,
            d: self.d.clone(),
        }
    }
}

macro_rules! binop {
    ($tr:ident, $m:ident, $body:expr) => {
        impl $tr<&Q> for &Q {
            type Output = Q;
            fn $m(self, o: &Q) -> Q {
                let f: fn(&Q, &Q) -> Q = $body;
                f(self, o)
            }
        }
        impl $tr<Q> for &Q {
            type Output = Q;
            fn $m(self, o: Q) -> Q {
                $tr::$m(self, &o)
            }
        }
        impl $tr<&Q> for Q {
            type Output = Q;
            fn $m(self, o: &Q) -> Q {
                $tr::$m(&self, o)
            }
        }
        impl $tr<Q> for Q {
            type Output = Q;
            fn $m(self, o: Q) -> Q {
                $tr::$m(&self, &o)
            }
        }
    };
}

binop!(Add, add, |a, b| a.add_ref(b));
binop!(Sub, sub, |a, b| a.add_ref(&-b));
binop!(Mul, mul, |a, b| a.mul_ref(b));
binop!(Div, div, |a, b| if b.is_zero() {
    Q::zero()
} else {
    a.mul_ref(&b.recip())
});

impl AddAssign<Q> for Q {
    fn add_assign(&mut self, o: Q) {
        *self = self.add_ref(&o);
    }
}

impl MulAssign<Q> for Q {
    fn mul_assign(&mut self, o: Q) {
        *self = self.mul_ref(&o);
    }
}

impl DivAssign<Q> for Q {
    fn div_assign(&mut self, o: Q) {
        *self = &*self / &o;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> Q {
        Q::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn arithmetic() {
        assert_eq!(q(1, 2) + q(1, 3), q(5, 6));
        assert_eq!(q(2, 4), q(1, 2));
        assert_eq!(q(1, -2), q(-1, 2));
        assert_eq!(q(2, 3) * q(3, 4), q(1, 2));
        assert_eq!(q(1, 2) / q(1, 4), q(2, 1));
        assert_eq!(q(1, 2) - q(1, 2), Q::zero());
        assert!(q(1, 3) < q(1, 2));
        assert_eq!(q(7, 2).to_integer(), BigInt::from(3));
        assert_eq!(q(1, 4).to_f64(), Some(0.25));
        let big = Q::from_integer(num_traits::pow::pow(BigInt::from(10), 400));
        let r = big.recip().to_f64().unwrap_or(1.0);
        assert!(r == 0.0);
        // very large fractions stay unreduced but compare exactly
        let p = num_traits::pow::pow(BigInt::from(6), 5000);
        let a = Q::new(p.clone() * BigInt::from(2), p.clone() * BigInt::from(4));
        assert_eq!(a, q(1, 2));
        assert!(Q::new(p.clone(), p).is_one());
    }
}
