//! The expression AST produced by the parser.

use crate::q::Q as BigRational;
use num_bigint::BigInt;

/// Relation operators, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Approx,
}

impl RelOp {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RelOp::Eq => "=",
            RelOp::Ne => "\\ne",
            RelOp::Lt => "<",
            RelOp::Le => "\\le",
            RelOp::Gt => ">",
            RelOp::Ge => "\\ge",
            RelOp::Approx => "\\approx",
        }
    }
}

/// Known functions (applied to one argument unless said otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Func {
    Sin,
    Cos,
    Tan,
    Sec,
    Csc,
    Cot,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Ln,
    /// `log` with an optional base as second argument (default base 10... see docs: `\log x`
    /// is read as the natural logarithm like SymPy / Math-Verify).
    Log,
    Exp,
    Abs,
}

impl Func {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Func::Sin => "\\sin",
            Func::Cos => "\\cos",
            Func::Tan => "\\tan",
            Func::Sec => "\\sec",
            Func::Csc => "\\csc",
            Func::Cot => "\\cot",
            Func::Asin => "\\arcsin",
            Func::Acos => "\\arccos",
            Func::Atan => "\\arctan",
            Func::Sinh => "\\sinh",
            Func::Cosh => "\\cosh",
            Func::Tanh => "\\tanh",
            Func::Ln => "\\ln",
            Func::Log => "\\log",
            Func::Exp => "\\exp",
            Func::Abs => "\\abs",
        }
    }

    pub(crate) fn from_name(s: &str) -> Option<Func> {
        Some(match s {
            "sin" => Func::Sin,
            "cos" => Func::Cos,
            "tan" | "tg" => Func::Tan,
            "sec" => Func::Sec,
            "csc" | "cosec" => Func::Csc,
            "cot" | "ctg" => Func::Cot,
            "arcsin" | "asin" => Func::Asin,
            "arccos" | "acos" => Func::Acos,
            "arctan" | "atan" => Func::Atan,
            "sinh" => Func::Sinh,
            "cosh" => Func::Cosh,
            "tanh" => Func::Tanh,
            "ln" => Func::Ln,
            "log" | "lg" => Func::Log,
            "exp" => Func::Exp,
            "abs" => Func::Abs,
            _ => return None,
        })
    }

    /// The inverse function, for `\sin^{-1}`.
    pub(crate) fn inverse(self) -> Option<Func> {
        Some(match self {
            Func::Sin => Func::Asin,
            Func::Cos => Func::Acos,
            Func::Tan => Func::Atan,
            _ => return None,
        })
    }
}

/// Bracket kinds of a comma list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Brackets {
    /// No brackets: `1, 2`.
    Bare,
    /// `(a, b)`.
    Paren,
    /// `[a, b]`.
    Square,
    /// `(a, b]`.
    OpenClosed,
    /// `[a, b)`.
    ClosedOpen,
    /// `\{a, b\}`.
    Set,
}

/// Expression tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Int(BigInt),
    /// A decimal literal: its exact value and the number of decimals written.
    Dec(BigRational, u32),
    Var(String),
    Pi,
    E,
    I,
    Inf,
    Add(Vec<Expr>),
    Mul(Vec<Expr>),
    Neg(Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
    Pow(Box<Expr>, Box<Expr>),
    /// `Root(index, radicand)`.
    Root(Box<Expr>, Box<Expr>),
    Func(Func, Vec<Expr>),
    Fact(Box<Expr>),
    Binom(Box<Expr>, Box<Expr>),
    Percent(Box<Expr>),
    /// `a \pm b` (with `a = 0` for a leading `\pm b`).
    PlusMinus(Box<Expr>, Box<Expr>),
    List(Brackets, Vec<Expr>),
    Union(Vec<Expr>),
    Matrix(Vec<Vec<Expr>>),
    Rel(Vec<Expr>, Vec<RelOp>),
    /// `\emptyset`.
    Empty,
    Text(String),
}

impl std::fmt::Display for Expr {
    /// Compact prefix form used in explanations, e.g. `(div 1 2)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn list(f: &mut std::fmt::Formatter<'_>, head: &str, v: &[Expr]) -> std::fmt::Result {
            write!(f, "({head}")?;
            for x in v {
                write!(f, " {x}")?;
            }
            write!(f, ")")
        }
        match self {
            Expr::Int(i) => write!(f, "{i}"),
            Expr::Dec(r, _) => write!(f, "{r}"),
            Expr::Var(v) => write!(f, "{v}"),
            Expr::Pi => write!(f, "pi"),
            Expr::E => write!(f, "e"),
            Expr::I => write!(f, "i"),
            Expr::Inf => write!(f, "inf"),
            Expr::Add(v) => list(f, "+", v),
            Expr::Mul(v) => list(f, "*", v),
            Expr::Neg(x) => write!(f, "(- {x})"),
            Expr::Div(a, b) => write!(f, "(/ {a} {b})"),
            Expr::Pow(a, b) => write!(f, "(^ {a} {b})"),
            Expr::Root(n, x) => write!(f, "(root {n} {x})"),
            Expr::Func(g, v) => list(f, g.name().trim_start_matches('\\'), v),
            Expr::Fact(x) => write!(f, "(! {x})"),
            Expr::Binom(a, b) => write!(f, "(binom {a} {b})"),
            Expr::Percent(x) => write!(f, "(% {x})"),
            Expr::PlusMinus(a, b) => write!(f, "(± {a} {b})"),
            Expr::List(k, v) => list(f, &format!("{k:?}").to_lowercase(), v),
            Expr::Union(v) => list(f, "union", v),
            Expr::Matrix(rows) => {
                write!(f, "(matrix")?;
                for r in rows {
                    write!(f, " ")?;
                    list(f, "row", r)?;
                }
                write!(f, ")")
            }
            Expr::Rel(sides, ops) => {
                write!(f, "(rel")?;
                for (i, s) in sides.iter().enumerate() {
                    if i > 0 {
                        if let Some(op) = ops.get(i - 1) {
                            write!(f, " {}", op.as_str())?;
                        }
                    }
                    write!(f, " {s}")?;
                }
                write!(f, ")")
            }
            Expr::Empty => write!(f, "emptyset"),
            Expr::Text(t) => write!(f, "(text {t:?})"),
        }
    }
}

/// A syntactic canonical key: `Add`/`Mul` children sorted, so `(x+1)^{1000}` and
/// `(1+x)^{1000}` share a key without expanding anything.
pub(crate) fn canon_key(e: &Expr) -> String {
    fn sorted(head: &str, v: &[Expr]) -> String {
        let mut keys: Vec<String> = v.iter().map(canon_key).collect();
        keys.sort();
        format!("({head} {})", keys.join(" "))
    }
    match e {
        Expr::Add(v) => sorted("+", v),
        Expr::Mul(v) => sorted("*", v),
        Expr::Neg(x) => format!("(- {})", canon_key(x)),
        Expr::Div(a, b) => format!("(/ {} {})", canon_key(a), canon_key(b)),
        Expr::Pow(a, b) => format!("(^ {} {})", canon_key(a), canon_key(b)),
        Expr::Root(a, b) => format!("(root {} {})", canon_key(a), canon_key(b)),
        Expr::Fact(x) => format!("(! {})", canon_key(x)),
        Expr::Percent(x) => format!("(% {})", canon_key(x)),
        Expr::Binom(a, b) => format!("(binom {} {})", canon_key(a), canon_key(b)),
        Expr::Func(f, v) => {
            let keys: Vec<String> = v.iter().map(canon_key).collect();
            format!("({} {})", f.name(), keys.join(" "))
        }
        other => other.to_string(),
    }
}
