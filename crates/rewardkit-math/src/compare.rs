//! Structured answers ([`Ans`]) and the equivalence rules between them.

use crate::algebra::{proportional, scalar_eq, show_scalar, to_scalar, Ctx, Scalar};
use crate::budget::{Budget, Stop, R};
use crate::expr::{Brackets, Expr, RelOp};
use crate::numeric::{numeric_equal, FALLBACK_TOL};
use crate::options::{CommaListPolicy, Options, RelationIntervalPolicy};
use crate::q::Q as BigRational;
use num_integer::Integer;
use num_traits::Zero;

/// A normalised, structured answer.
#[derive(Debug, Clone)]
pub(crate) enum Ans {
    /// A scalar: exact normal form plus the source expression (for fallbacks and policies).
    Num(Scalar, Expr),
    Inf(bool),
    Text(String),
    List(Brackets, Vec<Ans>),
    Union(Vec<Ans>),
    Matrix(Vec<Vec<Ans>>),
    Rel(Vec<Ans>, Vec<RelOp>),
    EmptySet,
}

/// Builds the structured answer of an expression.
pub(crate) fn build(e: Expr, cx: &mut Ctx<'_>) -> R<Ans> {
    cx.b.tick(1)?;
    Ok(match e {
        Expr::Inf => Ans::Inf(false),
        Expr::Neg(x) if matches!(*x, Expr::Inf) => Ans::Inf(true),
        Expr::Add(ref v) if v.len() == 2 && matches!(v[0], Expr::Inf) => {
            // "+\infty"
            Ans::Inf(false)
        }
        Expr::Text(t) => Ans::Text(t),
        Expr::Empty => Ans::EmptySet,
        Expr::List(Brackets::Set, v) if v.is_empty() => Ans::EmptySet,
        Expr::List(k, v) => {
            let mut out = Vec::with_capacity(v.len());
            for x in v {
                out.push(build(x, cx)?);
            }
            Ans::List(k, out)
        }
        Expr::PlusMinus(a, b) => {
            let plus = Expr::Add(vec![(*a).clone(), (*b).clone()]);
            let minus = Expr::Add(vec![*a, Expr::Neg(b)]);
            Ans::List(Brackets::Set, vec![build(plus, cx)?, build(minus, cx)?])
        }
        Expr::Union(v) => {
            let mut out = Vec::with_capacity(v.len());
            for x in v {
                out.push(build(x, cx)?);
            }
            Ans::Union(out)
        }
        Expr::Matrix(rows) => {
            let mut out = Vec::with_capacity(rows.len());
            for r in rows {
                let mut row = Vec::with_capacity(r.len());
                for x in r {
                    row.push(build(x, cx)?);
                }
                out.push(row);
            }
            Ans::Matrix(out)
        }
        Expr::Rel(sides, ops) => {
            // a member the normal form cannot build (`\gcd(84, 126)`, a matrix sum) is kept
            // as text, so the other members of a chain can still be compared
            // (the last member must build)
            let n = sides.len();
            let mut out = Vec::with_capacity(n);
            for (k, x) in sides.into_iter().enumerate() {
                let text = format!("{x}");
                match build(x, cx) {
                    Ok(a) => out.push(a),
                    Err(Stop::Unsupported) if k + 1 < n => out.push(Ans::Text(text)),
                    Err(e) => return Err(e),
                }
            }
            Ans::Rel(out, ops)
        }
        e => match to_scalar(&e, cx) {
            Ok(s) => Ans::Num(s, e),
            Err(x) => return Err(x),
        },
    })
}

/// Canonical text of an answer.
pub(crate) fn show(a: &Ans) -> String {
    fn join(v: &[Ans]) -> String {
        v.iter().map(show).collect::<Vec<_>>().join(", ")
    }
    match a {
        Ans::Num(s, _) => show_scalar(s),
        Ans::Inf(false) => "\\infty".into(),
        Ans::Inf(true) => "-\\infty".into(),
        Ans::Text(t) => format!("\\text{{{t}}}"),
        Ans::EmptySet => "\\emptyset".into(),
        Ans::List(k, v) => {
            let (o, c) = match k {
                Brackets::Bare => ("", ""),
                Brackets::Paren => ("(", ")"),
                Brackets::Square => ("[", "]"),
                Brackets::OpenClosed => ("(", "]"),
                Brackets::ClosedOpen => ("[", ")"),
                Brackets::Set => ("\\{", "\\}"),
            };
            format!("{o}{}{c}", join(v))
        }
        Ans::Union(v) => v.iter().map(show).collect::<Vec<_>>().join(" \\cup "),
        Ans::Matrix(rows) => {
            let r: Vec<String> = rows
                .iter()
                .map(|r| r.iter().map(show).collect::<Vec<_>>().join(" & "))
                .collect();
            format!("\\begin{{pmatrix}}{}\\end{{pmatrix}}", r.join(" \\\\ "))
        }
        Ans::Rel(sides, ops) => {
            let mut s = show(&sides[0]);
            for (x, op) in sides.iter().skip(1).zip(ops) {
                s.push(' ');
                s.push_str(op.as_str());
                s.push(' ');
                s.push_str(&show(x));
            }
            s
        }
    }
}

/// Comparison context.
pub(crate) struct Cmp<'a, 'b> {
    pub(crate) opts: &'a Options,
    pub(crate) b: &'b mut Budget,
    /// How `\%` was read on each side (gold, pred).
    pub(crate) percent: (bool, bool),
    /// What decided the last scalar comparison (for the explanation).
    pub(crate) how: &'static str,
}

fn is_unreduced_fraction(e: &Expr) -> bool {
    match e {
        Expr::Div(n, d) => match (&**n, &**d) {
            (Expr::Int(n), Expr::Int(d)) => !n.gcd(d).is_one() || d.is_one(),
            _ => false,
        },
        Expr::Neg(x) => is_unreduced_fraction(x),
        _ => false,
    }
}

trait IsOne {
    fn is_one(&self) -> bool;
}
impl IsOne for num_bigint::BigInt {
    fn is_one(&self) -> bool {
        num_traits::One::is_one(self)
    }
}

impl Cmp<'_, '_> {
    fn scalar(&mut self, g: &Scalar, ge: &Expr, p: &Scalar, pe: &Expr) -> R<bool> {
        let exact = match scalar_eq(g, p, self.b) {
            Ok(x) => x,
            Err(Stop::Budget(m)) => return Err(Stop::Budget(m)),
            Err(Stop::Unsupported) => false,
        };
        if exact {
            if !self.opts.accept_unreduced_fractions
                && is_unreduced_fraction(pe)
                && !is_unreduced_fraction(ge)
            {
                self.how = "equal value but the prediction is an unreduced fraction (policy)";
                return Ok(false);
            }
            self.how = "exact normal forms are identical";
            return Ok(true);
        }
        if g.opaque || p.opaque {
            if let Some(eq) = numeric_equal(ge, pe, FALLBACK_TOL, self.percent, self.b)? {
                self.how = if eq {
                    "equal at seeded random points (relative tolerance 1e-9)"
                } else {
                    "different at a seeded random point"
                };
                return Ok(eq);
            }
        }
        if self.opts.float_digits > 0 {
            if let Some(true) = self.long_decimal(g, ge, p, pe)? {
                self.how = "the decimal agrees with the exact value to float_digits places";
                return Ok(true);
            }
        }
        if self.opts.rel_tol > 0.0 {
            if let Some(true) = numeric_equal(ge, pe, self.opts.rel_tol, self.percent, self.b)? {
                self.how = "equal within the numeric tolerance rel_tol";
                return Ok(true);
            }
        }
        if self.opts.accept_rounded_decimals {
            if let Expr::Dec(v, d) = pe {
                if *d >= self.opts.rounded_decimals_min_digits {
                    if let Some(gv) = g.as_rational() {
                        // |g - v| <= 5 * 10^-(d+1)
                        let half = BigRational::new(
                            5.into(),
                            num_traits::pow::pow(num_bigint::BigInt::from(10), *d as usize + 1),
                        );
                        if (gv - v).abs() <= half {
                            self.how = "the predicted decimal is the gold value rounded";
                            return Ok(true);
                        }
                    } else if let Ok(Some(true)) =
                        self.rounded_float(ge, v.to_f64().unwrap_or(f64::NAN), *d)
                    {
                        self.how = "the predicted decimal is the gold value rounded";
                        return Ok(true);
                    }
                }
            }
        }
        self.how = "exact normal forms differ";
        Ok(false)
    }

    /// A decimal with at least `float_digits` decimals written on one side, an exact value on
    /// the other: equal when they differ by less than `10^-float_digits`.
    fn long_decimal(&mut self, g: &Scalar, ge: &Expr, p: &Scalar, pe: &Expr) -> R<Option<bool>> {
        let fd = self.opts.float_digits;
        let (v, other, oe, other_is_gold) = match (long_dec(pe, fd), long_dec(ge, fd)) {
            (Some(v), _) => (v, g, ge, true),
            (None, Some(v)) => (v, p, pe, false),
            (None, None) => return Ok(None),
        };
        let unit = BigRational::new(
            1.into(),
            num_traits::pow::pow(num_bigint::BigInt::from(10), fd as usize),
        );
        if let Some(r) = other.as_rational() {
            return Ok(Some((r - v).abs() < unit));
        }
        let pct = if other_is_gold {
            self.percent.0
        } else {
            self.percent.1
        };
        let x = crate::numeric::eval(oe, &[], pct, self.b, 0)?;
        if x.im.abs() > 1e-12 || !x.re.is_finite() {
            return Ok(None);
        }
        let vf = v.to_f64().unwrap_or(f64::NAN);
        Ok(Some((x.re - vf).abs() < 10f64.powi(-(fd as i32))))
    }

    fn rounded_float(&mut self, ge: &Expr, v: f64, d: u32) -> R<Option<bool>> {
        let x = crate::numeric::eval(ge, &[], self.percent.0, self.b, 0)?;
        if x.im != 0.0 || !x.re.is_finite() {
            return Ok(None);
        }
        let half = 0.5 * 10f64.powi(-(d as i32));
        Ok(Some((x.re - v).abs() <= half * (1.0 + 1e-9)))
    }

    fn set_like(&self, k: Brackets) -> bool {
        k == Brackets::Set || (k == Brackets::Bare && self.opts.comma_list == CommaListPolicy::Set)
    }

    fn multiset(&mut self, g: &[Ans], p: &[Ans]) -> R<bool> {
        if g.len() != p.len() {
            return Ok(false);
        }
        let mut used = vec![false; p.len()];
        'outer: for x in g {
            for (j, y) in p.iter().enumerate() {
                if !used[j] && self.eq(x, y)? {
                    used[j] = true;
                    continue 'outer;
                }
            }
            return Ok(false);
        }
        Ok(true)
    }

    fn ordered(&mut self, g: &[Ans], p: &[Ans]) -> R<bool> {
        if g.len() != p.len() {
            return Ok(false);
        }
        for (x, y) in g.iter().zip(p) {
            if !self.eq(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn lists(&mut self, gk: Brackets, g: &[Ans], pk: Brackets, p: &[Ans]) -> R<bool> {
        use Brackets::*;
        if self.set_like(gk) && self.set_like(pk)
            || (gk == Set && pk == Bare)
            || (gk == Bare && pk == Set)
        {
            return self.multiset(g, p);
        }
        match (gk, pk) {
            (Bare, _) | (_, Bare) => self.ordered(g, p),
            (a, b) if a == b => self.ordered(g, p),
            _ => Ok(false),
        }
    }

    /// Relation to a list of (lhs - rhs, normalised op) pairs, with `>`/`>=` flipped.
    fn rel_parts(&mut self, sides: &[Ans], ops: &[RelOp]) -> R<Option<Vec<(Scalar, RelOp)>>> {
        let mut out = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let (Some(Ans::Num(l, _)), Some(Ans::Num(r, _))) = (sides.get(i), sides.get(i + 1))
            else {
                return Ok(None);
            };
            let (a, b, op) = match op {
                RelOp::Gt => (r, l, RelOp::Lt),
                RelOp::Ge => (r, l, RelOp::Le),
                RelOp::Approx => (l, r, RelOp::Eq),
                op => (l, r, *op),
            };
            out.push((a.add(&b.neg(), self.b)?, op));
        }
        Ok(Some(out))
    }

    fn relations(&mut self, gs: &[Ans], gops: &[RelOp], ps: &[Ans], pops: &[RelOp]) -> R<bool> {
        let (Some(g), Some(p)) = (self.rel_parts(gs, gops)?, self.rel_parts(ps, pops)?) else {
            return Ok(false);
        };
        if g.len() != p.len() {
            return Ok(false);
        }
        // a chain may be written in either direction: try both orders
        let forward = self.rel_match(&g, &p, false)?;
        if forward || g.len() == 1 {
            return Ok(forward);
        }
        self.rel_match(&g, &p, true)
    }

    fn rel_match(&mut self, g: &[(Scalar, RelOp)], p: &[(Scalar, RelOp)], rev: bool) -> R<bool> {
        for (i, (gd, gop)) in g.iter().enumerate() {
            let (pd, pop) = if rev { &p[p.len() - 1 - i] } else { &p[i] };
            if gop != pop {
                return Ok(false);
            }
            if gd.is_zero() && pd.is_zero() {
                continue;
            }
            match proportional(gd, pd, self.b)? {
                Some(c) => {
                    let strict = matches!(gop, RelOp::Lt | RelOp::Le);
                    if strict && !c.is_positive() {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        self.how = "relations equal up to a constant factor";
        Ok(true)
    }

    /// A chain `a = b \approx c` says something true: the constant members of its exact part
    /// are equal (`4 = 3` is not an answer that pays for 3), and each member after `\approx`
    /// agrees with the exact part to less than one unit of its last written decimal
    /// (`36\pi \approx 113.1` holds, `3 \approx 4` does not).
    fn chain_consistent(&mut self, ps: &[Ans], pops: &[RelOp]) -> R<bool> {
        let exact_end = pops
            .iter()
            .position(|o| *o == RelOp::Approx)
            .unwrap_or(pops.len());
        let mut value: Option<BigRational> = None;
        let mut exact_expr: Option<&Expr> = None;
        for m in &ps[..=exact_end] {
            if let Ans::Num(s, e) = m {
                if let Some(r) = s.as_rational() {
                    match &value {
                        Some(v) if *v != r => return Ok(false),
                        _ => value = Some(r),
                    }
                }
                if !matches!(e, Expr::Var(_)) {
                    exact_expr = Some(e);
                }
            }
        }
        let Some(ee) = exact_expr else {
            return Ok(true);
        };
        for m in &ps[exact_end + 1..] {
            let Ans::Num(_, ae) = m else { continue };
            let digits = match ae {
                Expr::Dec(_, d) => *d as i32,
                Expr::Neg(x) => match &**x {
                    Expr::Dec(_, d) => *d as i32,
                    _ => 0,
                },
                _ => 0,
            };
            let x = crate::numeric::eval(ee, &[], false, self.b, 0);
            let y = crate::numeric::eval(ae, &[], false, self.b, 0);
            if let (Ok(x), Ok(y)) = (x, y) {
                if x.re.is_finite()
                    && y.re.is_finite()
                    && x.im.abs() < 1e-12
                    && (x.re - y.re).abs() >= 10f64.powi(-digits)
                {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    /// `x = v` (or `v = x`) with `x` a plain variable: returns `v`.
    fn assignment_value<'x>(&self, sides: &'x [Ans], ops: &[RelOp]) -> Option<&'x Ans> {
        if ops.len() != 1 || ops[0] != RelOp::Eq {
            return None;
        }
        let is_var = |a: &Ans| matches!(a, Ans::Num(_, Expr::Var(_)) | Ans::Num(_, Expr::Func(..)));
        if is_var(&sides[0]) {
            Some(&sides[1])
        } else if is_var(&sides[1]) {
            Some(&sides[0])
        } else {
            None
        }
    }

    /// Converts `x < a`, `a \le x < b`, ... into an interval.
    fn rel_to_interval(&self, sides: &[Ans], ops: &[RelOp]) -> Option<Ans> {
        let is_var = |a: &Ans| matches!(a, Ans::Num(_, Expr::Var(_)));
        let closed = |op: RelOp| matches!(op, RelOp::Le | RelOp::Ge);
        match (sides, ops) {
            ([l, r], [op]) => {
                let (bound, op) = if is_var(l) {
                    (r, *op)
                } else if is_var(r) {
                    let flipped = match op {
                        RelOp::Lt => RelOp::Gt,
                        RelOp::Le => RelOp::Ge,
                        RelOp::Gt => RelOp::Lt,
                        RelOp::Ge => RelOp::Le,
                        o => *o,
                    };
                    (l, flipped)
                } else {
                    return None;
                };
                let k = |lo_closed: bool, hi_closed: bool| match (lo_closed, hi_closed) {
                    (false, false) => Brackets::Paren,
                    (true, true) => Brackets::Square,
                    (false, true) => Brackets::OpenClosed,
                    (true, false) => Brackets::ClosedOpen,
                };
                match op {
                    RelOp::Lt | RelOp::Le => Some(Ans::List(
                        k(false, closed(op)),
                        vec![Ans::Inf(true), bound.clone()],
                    )),
                    RelOp::Gt | RelOp::Ge => Some(Ans::List(
                        k(closed(op), false),
                        vec![bound.clone(), Ans::Inf(false)],
                    )),
                    _ => None,
                }
            }
            ([a, x, c], [o1, o2]) if is_var(x) => {
                let up = matches!(o1, RelOp::Lt | RelOp::Le) && matches!(o2, RelOp::Lt | RelOp::Le);
                let down =
                    matches!(o1, RelOp::Gt | RelOp::Ge) && matches!(o2, RelOp::Gt | RelOp::Ge);
                let (lo, hi, lc, hc) = if up {
                    (a, c, closed(*o1), closed(*o2))
                } else if down {
                    (c, a, closed(*o2), closed(*o1))
                } else {
                    return None;
                };
                let k = match (lc, hc) {
                    (false, false) => Brackets::Paren,
                    (true, true) => Brackets::Square,
                    (false, true) => Brackets::OpenClosed,
                    (true, false) => Brackets::ClosedOpen,
                };
                Some(Ans::List(k, vec![lo.clone(), hi.clone()]))
            }
            _ => None,
        }
    }

    fn rels_to_intervals(&self, rels: &[Ans]) -> Option<Vec<Ans>> {
        rels.iter()
            .map(|r| match r {
                Ans::Rel(s, o) => self.rel_to_interval(s, o),
                _ => None,
            })
            .collect()
    }

    fn is_interval_like(a: &Ans) -> bool {
        matches!(a, Ans::List(k, v) if v.len() == 2 && *k != Brackets::Bare && *k != Brackets::Set)
            || matches!(a, Ans::Union(_))
    }

    /// Is `gold` equal to `pred` under the options?
    pub(crate) fn eq(&mut self, g: &Ans, p: &Ans) -> R<bool> {
        self.b.tick(1)?;
        match (g, p) {
            (Ans::Num(gs, ge), Ans::Num(ps, pe)) => self.scalar(gs, ge, ps, pe),
            (Ans::Inf(a), Ans::Inf(b)) => Ok(a == b),
            (Ans::Text(a), Ans::Text(b)) => Ok(a == b),
            (Ans::EmptySet, Ans::EmptySet) => Ok(true),
            (Ans::List(gk, gv), Ans::List(pk, pv)) => self.lists(*gk, gv, *pk, pv),
            // {3} vs 3
            (Ans::List(Brackets::Set, v), x) | (x, Ans::List(Brackets::Set, v))
                if v.len() == 1 && !matches!(x, Ans::List(..) | Ans::Rel(..)) =>
            {
                let (gg, pp) = if matches!(g, Ans::List(..)) {
                    (&v[0], x)
                } else {
                    (x, &v[0])
                };
                self.eq(gg, pp)
            }
            (Ans::Union(a), Ans::Union(b)) => self.multiset(a, b),
            // `x < -1 or x > 1` vs `(-\infty, -1) \cup (1, \infty)`
            (Ans::List(Brackets::Bare, rels), Ans::Union(ivs))
                if self.opts.relation_interval != RelationIntervalPolicy::Never =>
            {
                match self.rels_to_intervals(rels) {
                    Some(gi) => self.multiset(&gi, ivs),
                    None => Ok(false),
                }
            }
            (Ans::Union(ivs), Ans::List(Brackets::Bare, rels))
                if self.opts.relation_interval == RelationIntervalPolicy::Both =>
            {
                match self.rels_to_intervals(rels) {
                    Some(pi) => self.multiset(ivs, &pi),
                    None => Ok(false),
                }
            }
            (Ans::Union(a), x) if a.len() == 1 => self.eq(&a[0], x),
            (x, Ans::Union(a)) if a.len() == 1 => self.eq(x, &a[0]),
            (Ans::Matrix(a), Ans::Matrix(b)) => {
                if a.len() != b.len() {
                    return Ok(false);
                }
                for (ra, rb) in a.iter().zip(b) {
                    if !self.ordered(ra, rb)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Ans::Matrix(m), Ans::List(k, v)) | (Ans::List(k, v), Ans::Matrix(m))
                if matches!(k, Brackets::Square | Brackets::Paren) =>
            {
                // a row or column vector
                let flat: Vec<Ans> = if m.len() == 1 {
                    m[0].clone()
                } else if m.iter().all(|r| r.len() == 1) {
                    m.iter().map(|r| r[0].clone()).collect()
                } else {
                    return Ok(false);
                };
                if matches!(g, Ans::Matrix(_)) {
                    self.ordered(&flat, v)
                } else {
                    self.ordered(v, &flat)
                }
            }
            (Ans::Rel(gs, gops), Ans::Rel(ps, pops)) => {
                if self.relations(gs, gops, ps, pops)? {
                    return Ok(true);
                }
                // `x = 3` vs `y = 3`: different variables, same value
                Ok(false)
            }
            (Ans::Rel(gs, gops), x) => {
                if self.opts.unwrap_assignment {
                    if let Some(v) = self.assignment_value(gs, gops) {
                        let v = v.clone();
                        return self.eq(&v, x);
                    }
                }
                if self.opts.relation_interval != RelationIntervalPolicy::Never
                    && Self::is_interval_like(x)
                {
                    if let Some(iv) = self.rel_to_interval(gs, gops) {
                        return self.eq(&iv, x);
                    }
                }
                Ok(false)
            }
            (x, Ans::Rel(ps, pops)) => {
                if self.opts.unwrap_assignment {
                    if let Some(v) = self.assignment_value(ps, pops) {
                        let v = v.clone();
                        return self.eq(x, &v);
                    }
                }
                if self.opts.pred_equation_chain
                    && pops.iter().all(|o| matches!(o, RelOp::Eq | RelOp::Approx))
                    && self.assignment_value(ps, pops).is_none()
                    && !matches!(x, Ans::Rel(..))
                {
                    // the last member, and the exact member before the first `\approx`
                    // (`x = \ln 2 \approx 0.693`)
                    // with `\approx`, the answer is the exact member before it; the approximation
                    // counts only against a gold that is itself a decimal (`113.1`)
                    let members = match pops.iter().position(|o| *o == RelOp::Approx) {
                        Some(k) => {
                            let mut m = Vec::new();
                            // the first member counts as the exact value when it is a value
                            // (`36\pi \approx 113.1`), not the asked quantity written as a
                            // function (`\tan 60^\circ \approx 1.73`)
                            let first_is_value = match &ps[0] {
                                Ans::Num(_, e) => !matches!(e, Expr::Var(_)) && !has_func(e),
                                _ => false,
                            };
                            if k > 0 || first_is_value {
                                m.push(k);
                            }
                            if matches!(x, Ans::Num(_, Expr::Dec(..))) {
                                m.push(ps.len() - 1);
                            }
                            m
                        }
                        None => vec![ps.len() - 1],
                    };
                    if !self.chain_consistent(ps, pops)? {
                        self.how = "the chain is false (its members differ): not an answer";
                        return Ok(false);
                    }
                    for k in members {
                        let m = ps[k].clone();
                        if !matches!(m, Ans::Text(_)) && self.eq(x, &m)? {
                            self.how = "the chain's final member equals the gold";
                            return Ok(true);
                        }
                    }
                }
                if self.opts.relation_interval == RelationIntervalPolicy::Both
                    && Self::is_interval_like(x)
                {
                    if let Some(iv) = self.rel_to_interval(ps, pops) {
                        return self.eq(x, &iv);
                    }
                }
                Ok(false)
            }
            _ => Ok(false),
        }
    }
}

/// True when the expression applies a function (`\tan`, `\log`, …) anywhere.
fn has_func(e: &Expr) -> bool {
    match e {
        Expr::Func(..) => true,
        Expr::Add(v) | Expr::Mul(v) => v.iter().any(has_func),
        Expr::Neg(x) => has_func(x),
        Expr::Div(a, b) | Expr::Pow(a, b) | Expr::Root(a, b) => has_func(a) || has_func(b),
        _ => false,
    }
}

/// The value of a decimal literal (maybe negated) written with at least `fd` decimals.
fn long_dec(e: &Expr, fd: u32) -> Option<BigRational> {
    match e {
        Expr::Dec(v, d) if *d >= fd => Some(v.clone()),
        Expr::Neg(x) => long_dec(x, fd).map(|v| -v),
        _ => None,
    }
}

/// True when the answer (recursively) is all exact and small: used to skip work.
#[allow(dead_code)]
pub(crate) fn is_zero_scalar(a: &Ans) -> bool {
    matches!(a, Ans::Num(s, _) if s.num.is_zero())
}

#[allow(dead_code)]
fn zero() -> BigRational {
    BigRational::zero()
}
