//! Hand-written lexer and recursive-descent parser for LaTeX and plain-text answers.
//!
//! Every token and every recursion costs fuel; recursion depth is bounded by
//! [`crate::Options::max_depth`].

use crate::budget::{Budget, Stop, R};
use crate::expr::{Brackets, Expr, Func, RelOp};
use crate::options::Options;
use crate::q::Q as BigRational;
use num_bigint::BigInt;
use num_traits::{One, Zero};

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// mantissa digits, decimals written, power of ten.
    Num(BigInt, u32, i64, bool),
    Letter(String),
    Word(String),
    Cmd(String),
    Text(String),
    LBrace,
    RBrace,
    LParen,
    RParen,
    LBrack,
    RBrack,
    LSet,
    RSet,
    Plus,
    Minus,
    PlusMinus,
    MinusPlus,
    Star,
    Slash,
    Caret,
    Underscore,
    Bang,
    Percent,
    Comma,
    Semi,
    Pipe,
    Amp,
    Newline,
    Rel(RelOp),
    Cup,
    Degree,
    Colon,
    Prime,
}

/// Words (3+ letters, or known short ones) that the lexer keeps whole.
fn is_known_word(w: &str) -> bool {
    Func::from_name(w).is_some()
        || matches!(
            w,
            "pi" | "inf" | "infty" | "infinity" | "sqrt" | "or" | "and" | "in" | "cbrt" | "i"
        )
}

/// Unit and filler words stripped when `strip_units` is on.
pub(crate) fn is_unit_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let s1 = w.strip_suffix('s').filter(|b| b.len() > 1).unwrap_or(w);
    let s2 = w.strip_suffix("es").filter(|b| b.len() > 2).unwrap_or(w);
    unit_core(w, w) || unit_core(w, s1) || unit_core(w, s2)
}

fn unit_core(w: &str, base: &str) -> bool {
    matches!(
        w,
        "cm" | "km"
            | "mm"
            | "kg"
            | "mg"
            | "ml"
            | "ft"
            | "mi"
            | "hr"
            | "hrs"
            | "mph"
            | "kph"
            | "sec"
            | "min"
            | "m"
            | "g"
            | "s"
            | "h"
            | "l"
            | "lb"
            | "lbs"
            | "oz"
            | "th"
            | "st"
            | "nd"
            | "rd"
    ) || matches!(
        base,
        "unit"
            | "degree"
            | "centimeter"
            | "meter"
            | "metre"
            | "kilometer"
            | "millimeter"
            | "inch"
            | "inche"
            | "foot"
            | "feet"
            | "yard"
            | "mile"
            | "second"
            | "minute"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "dollar"
            | "cent"
            | "euro"
            | "pound"
            | "gram"
            | "kilogram"
            | "liter"
            | "litre"
            | "gallon"
            | "ounce"
            | "point"
            | "square"
            | "cubic"
            | "sq"
            | "way"
            | "integer"
            | "student"
            | "people"
            | "person"
            | "page"
            | "book"
            | "apple"
            | "ticket"
            | "time"
            | "item"
            | "digit"
            | "edge"
            | "face"
            | "vertice"
            | "vertex"
            | "side"
            | "coin"
            | "marble"
            | "ball"
            | "box"
            | "egg"
            | "cookie"
            | "candy"
            | "candie"
            | "friend"
            | "child"
            | "children"
            | "packet"
            | "pack"
            | "bag"
            | "car"
            | "tree"
            | "hen"
            | "dog"
            | "cat"
            | "card"
            | "game"
            | "mph"
            | "km"
            | "cm"
            | "percent"
            | "radian"
            | "rad"
            | "deg"
            | "meal"
            | "multiple"
            | "solution"
            | "number"
            | "value"
            | "term"
            | "root"
            | "area"
            | "total"
            | "only"
            | "about"
            | "approximately"
            | "exactly"
            | "is"
            | "are"
            | "the"
            | "of"
            | "a"
            | "an"
            | "per"
            | "each"
            | "sqft"
            | "cup"
    )
}

struct Lexer<'a> {
    s: &'a [u8],
    src: &'a str,
    pos: usize,
    toks: Vec<Tok>,
    opts: &'a Options,
    /// Tokens already counted into `depth`.
    depth_seen: usize,
    /// Open brackets of any kind among the tokens so far.
    depth: i32,
    /// A list comma directly followed by a digit (`1,2,100`) was seen: commas are list
    /// separators from then on, not thousands separators.
    tight_list: bool,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

impl<'a> Lexer<'a> {
    fn peek(&self, off: usize) -> Option<u8> {
        self.s.get(self.pos + off).copied()
    }

    /// Reads a braced group starting at `self.pos` (which must be `{`), returning its raw
    /// content (without the braces).
    fn raw_group(&mut self) -> R<&'a str> {
        if self.peek(0) != Some(b'{') {
            // single token argument: one char
            let start = self.pos;
            let ch = self
                .src
                .get(start..)
                .and_then(|r| r.chars().next())
                .ok_or(Stop::Unsupported)?;
            self.pos += ch.len_utf8();
            return self.src.get(start..self.pos).ok_or(Stop::Unsupported);
        }
        let start = self.pos + 1;
        let mut depth = 0usize;
        let mut i = self.pos;
        while i < self.s.len() {
            match self.s[i] {
                b'\\' => {
                    i += 2;
                    continue;
                }
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos = i + 1;
                        return self.src.get(start..i).ok_or(Stop::Unsupported);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Err(Stop::Unsupported)
    }

    /// True when thousands separators may be read here: not inside brackets (`\{2,100\}` is a
    /// set, `(2,100)` a point) and not after a tight list (`1,2,100`).
    fn thousands_here(&mut self) -> bool {
        if !self.opts.thousands_separators || self.tight_list {
            return false;
        }
        for t in &self.toks[self.depth_seen..] {
            match t {
                Tok::LParen | Tok::LBrack | Tok::LSet => self.depth += 1,
                Tok::RParen | Tok::RBrack | Tok::RSet => self.depth -= 1,
                _ => {}
            }
        }
        self.depth_seen = self.toks.len();
        self.depth <= 0
    }

    /// A one-letter metric unit (`m`, `g`, `s`, `h`, `l`, `L`, `J`, `N`, `W`, `V`) written after a
    /// number and a space, at the end of the answer (maybe with `^2`, `^3`, `²`, `³`).
    fn trailing_unit_letter(&self, start: usize, w: &str) -> bool {
        if !matches!(w, "m" | "g" | "s" | "h" | "l" | "L" | "J" | "N" | "W" | "V") {
            return false;
        }
        let spaced = start > 0 && self.s[start - 1] == b' ';
        if !spaced || !matches!(self.toks.last(), Some(Tok::Num(..))) {
            return false;
        }
        let rest = self.src.get(self.pos..).unwrap_or("");
        let rest = rest
            .strip_prefix("^2")
            .or_else(|| rest.strip_prefix("^3"))
            .or_else(|| rest.strip_prefix('²'))
            .or_else(|| rest.strip_prefix('³'))
            .unwrap_or(rest);
        rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '$' | '}'))
            .is_empty()
    }

    fn number(&mut self, b: &mut Budget) -> R<()> {
        let mut mant = String::new();
        let mut decimals = 0u32;
        let mut is_dec = false;
        let thousands = self.thousands_here();
        // integer part with optional thousands separators
        while let Some(c) = self.peek(0) {
            if c.is_ascii_digit() {
                mant.push(c as char);
                self.pos += 1;
            } else if thousands && !mant.is_empty() && !is_dec {
                // `,ddd` / `{,}ddd` / `\,ddd` / `,\!ddd` followed by a non-digit
                let skip = if self.s.get(self.pos..self.pos + 3) == Some(b",\\!") {
                    3
                } else if c == b',' {
                    1
                } else if self.s.get(self.pos..self.pos + 3) == Some(b"{,}") {
                    3
                } else if self.s.get(self.pos..self.pos + 2) == Some(b"\\,")
                    || self.s.get(self.pos..self.pos + 2) == Some(b"\\ ")
                    || self.s.get(self.pos..self.pos + 2) == Some("\u{a0}".as_bytes())
                {
                    2
                } else if self.s.get(self.pos..self.pos + 3) == Some("\u{202f}".as_bytes())
                    || self.s.get(self.pos..self.pos + 3) == Some("\u{2009}".as_bytes())
                {
                    3
                } else if c == b' ' || c == b'~' {
                    // `1 250` (SI and French style): one space before exactly three digits
                    1
                } else {
                    0
                };
                if skip == 0 || mant.len() > 3 && !self.saw_sep(&mant) {
                    break;
                }
                let d = self.s.get(self.pos + skip..self.pos + skip + 3);
                let after = self.s.get(self.pos + skip + 3).copied();
                if d.is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && !after.is_some_and(|a| a.is_ascii_digit())
                {
                    mant.push('\'');
                    self.pos += skip;
                } else {
                    break;
                }
            } else {
                break;
            }
            b.tick(1)?;
        }
        mant.retain(|c| c != '\'');
        let repeating_next = self
            .s
            .get(self.pos..)
            .is_some_and(|r| r.starts_with(b".\\overline{"));
        if self.peek(0) == Some(b'.')
            && (self.peek(1).is_some_and(|c| c.is_ascii_digit()) || repeating_next)
        {
            is_dec = true;
            self.pos += 1;
            while let Some(c) = self.peek(0) {
                if !c.is_ascii_digit() {
                    break;
                }
                mant.push(c as char);
                decimals += 1;
                self.pos += 1;
                b.tick(1)?;
            }
            // a repeating block `0.1\overline{6}`
            if let Some(rest) = self
                .s
                .get(self.pos..)
                .and_then(|r| r.strip_prefix(b"\\overline{"))
            {
                let r = rest.iter().take_while(|c| c.is_ascii_digit()).count();
                if r > 0 && r <= 64 && rest.get(r) == Some(&b'}') {
                    let rep: BigInt = std::str::from_utf8(&rest[..r])
                        .ok()
                        .and_then(|x| x.parse().ok())
                        .ok_or(Stop::Unsupported)?;
                    let m: BigInt = mant.parse().map_err(|_| Stop::Unsupported)?;
                    let nines = num_traits::pow(BigInt::from(10), r) - BigInt::from(1);
                    let num = m * &nines + rep;
                    let den = num_traits::pow(BigInt::from(10), decimals as usize) * nines;
                    self.pos += "\\overline{".len() + r + 1;
                    b.tick(8)?;
                    self.toks.extend([
                        Tok::LParen,
                        Tok::Num(num, 0, 0, false),
                        Tok::Slash,
                        Tok::Num(den, 0, 0, false),
                        Tok::RParen,
                    ]);
                    return Ok(());
                }
            }
        } else if self.peek(0) == Some(b'.')
            && !self
                .peek(1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'\\')
        {
            // trailing period "5." is punctuation
            self.pos += 1;
        }
        let mut exp10 = 0i64;
        if matches!(self.peek(0), Some(b'e' | b'E')) {
            let (sign, off) = match self.peek(1) {
                Some(b'-') => (-1, 2),
                Some(b'+') => (1, 2),
                _ => (1, 1),
            };
            if self.peek(off).is_some_and(|c| c.is_ascii_digit())
                && !self.peek(off + 1).is_some_and(|c| c.is_ascii_alphabetic())
            {
                self.pos += off;
                let mut e: i64 = 0;
                while let Some(c) = self.peek(0) {
                    if !c.is_ascii_digit() {
                        break;
                    }
                    e = e.saturating_mul(10).saturating_add(i64::from(c - b'0'));
                    self.pos += 1;
                }
                if e > 100_000 {
                    return Err(Stop::Budget("exponent too large"));
                }
                exp10 = sign * e;
                is_dec = true;
            }
        }
        if mant.len() as u64 > b.max_bits / 3 {
            return Err(Stop::Budget("number literal too long"));
        }
        b.tick(mant.len() as u64 / 8)?;
        let m: BigInt = mant.parse().map_err(|_| Stop::Unsupported)?;
        self.toks.push(Tok::Num(m, decimals, exp10, is_dec));
        Ok(())
    }

    fn saw_sep(&self, mant: &str) -> bool {
        mant.contains('\'')
    }

    fn command(&mut self, b: &mut Budget) -> R<()> {
        // at '\\'
        self.pos += 1;
        let start = self.pos;
        while self.peek(0).is_some_and(is_ident_byte) {
            self.pos += 1;
        }
        if self.pos == start {
            // one-symbol command
            let c = self.peek(0);
            self.pos += 1;
            match c {
                Some(b'{') => self.toks.push(Tok::LSet),
                Some(b'}') => self.toks.push(Tok::RSet),
                Some(b'%') => self.toks.push(Tok::Percent),
                Some(b'\\') => self.toks.push(Tok::Newline),
                Some(b'$') | Some(b'#') | Some(b'&') => {}
                Some(b'(') | Some(b')') | Some(b'[') | Some(b']') => {}
                Some(b'|') => self.toks.push(Tok::Pipe),
                // spacing: \, \; \: \! \  and unknown symbols
                _ => {
                    // re-sync on a non-ASCII byte
                    while self.pos < self.s.len() && !self.src.is_char_boundary(self.pos) {
                        self.pos += 1;
                    }
                }
            }
            return Ok(());
        }
        let name = self.src.get(start..self.pos).ok_or(Stop::Unsupported)?;
        b.tick(1)?;
        match name {
            "left" | "right" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl"
            | "Bigr" | "biggl" | "biggr" | "displaystyle" | "textstyle" | "limits" | "quad"
            | "qquad" | "nonumber" | "middle" | "hfill" | "noindent" => {
                // `\left.` / `\right.` are invisible delimiters
                if (name == "left" || name == "right") && self.peek(0) == Some(b'.') {
                    self.pos += 1;
                }
            }
            "text" | "textrm" | "mbox" | "textnormal" | "textit" | "textbf" | "mathrm"
            | "operatorname" | "textup" | "textsf" | "texttt" | "emph" => {
                while self.peek(0) == Some(b' ') {
                    self.pos += 1;
                }
                let raw = self.raw_group()?;
                self.toks.push(Tok::Text(raw.to_string()));
            }
            "mathbb" if self.s.get(self.pos..self.pos + 3) == Some(b"{R}") => {
                // the real line
                self.pos += 3;
                self.toks.extend([
                    Tok::LParen,
                    Tok::Minus,
                    Tok::Word("inf".into()),
                    Tok::Comma,
                    Tok::Word("inf".into()),
                    Tok::RParen,
                ]);
            }
            "mathbf" | "boldsymbol" | "mathit" | "bm" | "boxed" | "fbox" | "mathsf" | "hbox"
            | "overline" | "underline" | "mathbb" | "mathcal" | "vec" | "hat" | "bar" | "tilde"
            | "widehat" => {
                // transparent wrappers: keep the group's tokens
            }
            "cdot" | "times" | "ast" | "cdotp" | "bullet" => self.toks.push(Tok::Star),
            "div" => self.toks.push(Tok::Slash),
            "pm" => self.toks.push(Tok::PlusMinus),
            "mp" => self.toks.push(Tok::MinusPlus),
            "le" | "leq" | "leqslant" | "leqq" => self.toks.push(Tok::Rel(RelOp::Le)),
            "ge" | "geq" | "geqslant" | "geqq" => self.toks.push(Tok::Rel(RelOp::Ge)),
            "lt" => self.toks.push(Tok::Rel(RelOp::Lt)),
            "gt" => self.toks.push(Tok::Rel(RelOp::Gt)),
            "ne" | "neq" => self.toks.push(Tok::Rel(RelOp::Ne)),
            "approx" | "simeq" | "sim" | "cong" => self.toks.push(Tok::Rel(RelOp::Approx)),
            "cup" => self.toks.push(Tok::Cup),
            "circ" | "degree" => self.toks.push(Tok::Degree),
            "lbrace" => self.toks.push(Tok::LSet),
            "rbrace" => self.toks.push(Tok::RSet),
            "vert" | "lvert" | "rvert" | "mid" => self.toks.push(Tok::Pipe),
            "langle" => self.toks.push(Tok::LParen),
            "rangle" => self.toks.push(Tok::RParen),
            "lbrack" => self.toks.push(Tok::LBrack),
            "rbrack" => self.toks.push(Tok::RBrack),
            "colon" => self.toks.push(Tok::Colon),
            "dfrac" | "tfrac" | "cfrac" => self.toks.push(Tok::Cmd("frac".into())),
            "dbinom" | "tbinom" => self.toks.push(Tok::Cmd("binom".into())),
            "infty" | "infin" => self.toks.push(Tok::Word("inf".into())),
            "land" | "wedge" => self.toks.push(Tok::Word("and".into())),
            "lor" | "vee" => self.toks.push(Tok::Word("or".into())),
            "prime" => self.toks.push(Tok::Prime),
            // invisible: `\phantom{42}` is not part of the answer; `\color{red}` only colours
            "phantom" | "hphantom" | "vphantom" | "color" => {
                while self.peek(0) == Some(b' ') {
                    self.pos += 1;
                }
                if self.peek(0) == Some(b'{') {
                    let _ = self.raw_group()?;
                }
            }
            // `0.142857\ldots`: a truncated decimal expansion
            "ldots" | "dots" | "cdots"
                if matches!(self.toks.last(), Some(Tok::Num(_, _, _, true))) => {}
            "angle" | "measuredangle" => {
                // `\angle C`, `\angle ABC`: one variable named after the angle
                while self.peek(0) == Some(b' ') {
                    self.pos += 1;
                }
                let from = self.pos;
                while self.peek(0).is_some_and(|c| c.is_ascii_uppercase()) && self.pos - from < 4 {
                    self.pos += 1;
                }
                let vertices = self.src.get(from..self.pos).unwrap_or("");
                self.toks.push(Tok::Letter(format!("angle{vertices}")));
            }
            "dollar" | "$" => {}
            _ => self.toks.push(Tok::Cmd(name.to_string())),
        }
        Ok(())
    }

    fn run(mut self, b: &mut Budget) -> R<Vec<Tok>> {
        while self.pos < self.s.len() {
            b.tick(1)?;
            let c = self.s[self.pos];
            match c {
                b' ' | b'\t' | b'\r' | b'\n' | b'$' | b'~' => self.pos += 1,
                b'0'..=b'9' => self.number(b)?,
                b'.' if self.peek(1).is_some_and(|d| d.is_ascii_digit()) => {
                    // ".5" -> 0.5
                    self.number(b)?;
                }
                b'\\' => self.command(b)?,
                b'{' => {
                    if self.s.get(self.pos..self.pos + 3) == Some(b"{,}") {
                        self.toks.push(Tok::Comma);
                        self.pos += 3;
                    } else {
                        self.toks.push(Tok::LBrace);
                        self.pos += 1;
                    }
                }
                b'}' => {
                    self.toks.push(Tok::RBrace);
                    self.pos += 1;
                }
                b'(' => {
                    self.toks.push(Tok::LParen);
                    self.pos += 1
                }
                b')' => {
                    self.toks.push(Tok::RParen);
                    self.pos += 1
                }
                b'[' => {
                    self.toks.push(Tok::LBrack);
                    self.pos += 1
                }
                b']' => {
                    self.toks.push(Tok::RBrack);
                    self.pos += 1
                }
                b'+' => {
                    self.toks.push(Tok::Plus);
                    self.pos += 1
                }
                b'-' => {
                    self.toks.push(Tok::Minus);
                    self.pos += 1
                }
                b'*' => {
                    if self.peek(1) == Some(b'*') {
                        self.toks.push(Tok::Caret);
                        self.pos += 2;
                    } else {
                        self.toks.push(Tok::Star);
                        self.pos += 1;
                    }
                }
                b'/' => {
                    self.toks.push(Tok::Slash);
                    self.pos += 1
                }
                b'^' => {
                    self.toks.push(Tok::Caret);
                    self.pos += 1
                }
                b'_' => {
                    self.toks.push(Tok::Underscore);
                    self.pos += 1
                }
                b'!' => {
                    if self.peek(1) == Some(b'=') {
                        self.toks.push(Tok::Rel(RelOp::Ne));
                        self.pos += 2;
                    } else {
                        self.toks.push(Tok::Bang);
                        self.pos += 1;
                    }
                }
                b'%' => {
                    self.toks.push(Tok::Percent);
                    self.pos += 1
                }
                b',' => {
                    self.toks.push(Tok::Comma);
                    self.pos += 1;
                    if self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                        self.tight_list = true;
                    }
                }
                b';' => {
                    self.toks.push(Tok::Semi);
                    self.pos += 1
                }
                b'|' => {
                    self.toks.push(Tok::Pipe);
                    self.pos += 1
                }
                b'&' => {
                    self.toks.push(Tok::Amp);
                    self.pos += 1
                }
                b':' => {
                    self.toks.push(Tok::Colon);
                    self.pos += 1
                }
                b'\'' => {
                    self.toks.push(Tok::Prime);
                    self.pos += 1
                }
                b'=' => {
                    self.pos += 1;
                    if self.peek(0) == Some(b'=') {
                        self.pos += 1;
                    }
                    self.toks.push(Tok::Rel(RelOp::Eq));
                }
                b'<' | b'>' => {
                    self.pos += 1;
                    let eq = self.peek(0) == Some(b'=');
                    if eq {
                        self.pos += 1;
                    }
                    self.toks.push(Tok::Rel(match (c, eq) {
                        (b'<', false) => RelOp::Lt,
                        (b'<', true) => RelOp::Le,
                        (_, false) => RelOp::Gt,
                        _ => RelOp::Ge,
                    }));
                }
                b'"' | b'?' | b'`' => self.pos += 1,
                b'.' => self.pos += 1,
                c if c.is_ascii_alphabetic() => {
                    let start = self.pos;
                    while self.peek(0).is_some_and(is_ident_byte) {
                        self.pos += 1;
                    }
                    let w = self.src.get(start..self.pos).ok_or(Stop::Unsupported)?;
                    let lw = w.to_ascii_lowercase();
                    if self.opts.strip_units && w.len() == 1 && self.trailing_unit_letter(start, w)
                    {
                        // `1,5 m`, `12 s`, `3 kg` style: a metric unit letter after a number
                        continue;
                    }
                    if matches!(lw.as_str(), "ou" | "oder" | "soit") {
                        // French and German "or"
                        self.toks.push(Tok::Word("or".into()));
                        continue;
                    }
                    if matches!(lw.as_str(), "et" | "und") {
                        self.toks.push(Tok::Word("and".into()));
                        continue;
                    }
                    if (is_known_word(&lw) && (lw != "i" || w == "i"))
                        || w.len() >= 3
                        || (self.opts.strip_units && is_unit_word(&lw) && w.len() > 1)
                    {
                        self.toks.push(Tok::Word(lw));
                    } else {
                        for ch in w.chars() {
                            self.toks.push(Tok::Letter(ch.to_string()));
                        }
                    }
                }
                _ => {
                    // non-ASCII: decode one char
                    let ch = self
                        .src
                        .get(self.pos..)
                        .and_then(|r| r.chars().next())
                        .ok_or(Stop::Unsupported)?;
                    self.pos += ch.len_utf8();
                    self.unicode(ch);
                }
            }
        }
        Ok(self.toks)
    }

    fn unicode(&mut self, ch: char) {
        let t = match ch {
            '√' => Tok::Word("usqrt".into()),
            '∛' => Tok::Word("cbrt".into()),
            'π' => Tok::Cmd("pi".into()),
            '×' | '·' | '⋅' | '∗' => Tok::Star,
            '÷' => Tok::Slash,
            '−' | '–' | '—' => Tok::Minus,
            '±' => Tok::PlusMinus,
            '∓' => Tok::MinusPlus,
            '≤' | '⩽' => Tok::Rel(RelOp::Le),
            '≥' | '⩾' => Tok::Rel(RelOp::Ge),
            '≠' => Tok::Rel(RelOp::Ne),
            '≈' => Tok::Rel(RelOp::Approx),
            '∞' => Tok::Word("inf".into()),
            '∪' => Tok::Cup,
            '°' | '∘' => Tok::Degree,
            '∅' => Tok::Cmd("emptyset".into()),
            '∈' => Tok::Word("in".into()),
            '或' => Tok::Word("or".into()),
            'ま' if self
                .src
                .get(self.pos..)
                .is_some_and(|r| r.starts_with("たは")) =>
            {
                self.pos += "たは".len();
                Tok::Word("or".into())
            }
            '和' => Tok::Word("and".into()),
            '€' | '£' | '¥' | '₹' => return,
            '²' => {
                self.toks.push(Tok::Caret);
                Tok::Num(BigInt::from(2), 0, 0, false)
            }
            '³' => {
                self.toks.push(Tok::Caret);
                Tok::Num(BigInt::from(3), 0, 0, false)
            }
            '½' => {
                self.toks.push(Tok::LParen);
                self.toks.push(Tok::Num(BigInt::from(1), 0, 0, false));
                self.toks.push(Tok::Slash);
                self.toks.push(Tok::Num(BigInt::from(2), 0, 0, false));
                Tok::RParen
            }
            'α'..='ω' | 'Α'..='Ω' => Tok::Letter(ch.to_string()),
            '\u{a0}' | '\u{2009}' | '\u{200b}' | '\u{202f}' => return,
            _ => Tok::Word(ch.to_string()),
        };
        self.toks.push(t);
    }
}

/// Parse state.
struct Parser<'a, 'b> {
    toks: Vec<Tok>,
    pos: usize,
    b: &'b mut Budget,
    opts: &'a Options,
    depth: u32,
    /// An unknown word was dropped as a unit.
    pub(crate) saw_percent: bool,
    /// Inside the argument of a trigonometric function (degrees become radians).
    in_trig: u32,
}

/// Result of parsing one answer string.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub(crate) expr: Expr,
    pub(crate) has_percent: bool,
}

/// Parses an extracted answer.
pub(crate) fn parse(src: &str, opts: &Options, b: &mut Budget) -> R<Parsed> {
    parse_at(src, opts, b, 0)
}

/// Parses at a given starting depth (for `\text{...}` contents).
fn parse_at(src: &str, opts: &Options, b: &mut Budget, depth: u32) -> R<Parsed> {
    if depth > b.max_depth.saturating_mul(4) {
        return Err(Stop::Budget("nesting too deep"));
    }
    let toks = Lexer {
        s: src.as_bytes(),
        src,
        pos: 0,
        toks: Vec::new(),
        opts,
        depth_seen: 0,
        depth: 0,
        tight_list: false,
    }
    .run(b)?;
    // A purely textual answer (words only, no math): compare as text.
    let all_words = !toks.is_empty()
        && toks
            .iter()
            .all(|t| matches!(t, Tok::Word(_) | Tok::Letter(_) | Tok::Text(_)))
        && toks
            .iter()
            .all(|t| !matches!(t, Tok::Text(x) if !is_wordy(x)))
        && toks.iter().any(|t| match t {
            Tok::Word(w) => !is_known_word(w),
            Tok::Text(t) => is_wordy(t),
            _ => false,
        });
    if all_words {
        let mut s = String::new();
        for t in &toks {
            let part = match t {
                Tok::Word(w) | Tok::Letter(w) => w.as_str(),
                Tok::Text(t) => t.as_str(),
                _ => "",
            };
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&part.trim().to_lowercase());
        }
        return Ok(Parsed {
            expr: Expr::Text(s),
            has_percent: false,
        });
    }
    let mut p = Parser {
        toks,
        pos: 0,
        b,
        opts,
        depth,
        saw_percent: false,
        in_trig: 0,
    };
    let e = p.list()?;
    if p.pos < p.toks.len() {
        return Err(Stop::Unsupported);
    }
    Ok(Parsed {
        expr: e,
        has_percent: p.saw_percent,
    })
}

fn rat_of(m: BigInt, decimals: u32, exp10: i64, b: &mut Budget) -> R<BigRational> {
    let shift = exp10 - i64::from(decimals);
    let bits = (shift.unsigned_abs()).saturating_mul(4);
    b.bits(bits.saturating_add(m.bits()))?;
    let ten = BigInt::from(10);
    let p = num_traits::pow::pow(
        ten,
        usize::try_from(shift.unsigned_abs()).map_err(|_| Stop::Unsupported)?,
    );
    Ok(if shift >= 0 {
        BigRational::from_integer(m * p)
    } else {
        BigRational::new(m, p)
    })
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn peek_at(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k)
    }
    fn bump(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }
    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, t: &Tok) -> R<()> {
        if self.eat(t) {
            Ok(())
        } else {
            Err(Stop::Unsupported)
        }
    }
    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > self.b.max_depth.saturating_mul(4) {
            return Err(Stop::Budget("nesting too deep"));
        }
        self.b.tick(1)
    }
    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn is_sep(&self) -> bool {
        match self.peek() {
            Some(Tok::Comma) | Some(Tok::Semi) => true,
            Some(Tok::Word(w)) => w == "or" || w == "and",
            Some(Tok::Text(t)) => matches!(t.trim(), "or" | "and" | "," | "and/or"),
            _ => false,
        }
    }

    fn skip_seps(&mut self) -> bool {
        let mut any = false;
        while self.is_sep() {
            self.pos += 1;
            any = true;
        }
        any
    }

    /// Top level: a bare list of relations.
    fn list(&mut self) -> R<Expr> {
        self.enter()?;
        let mut items = Vec::new();
        self.skip_seps();
        while self.peek().is_some() && !self.at_close() {
            let before = self.pos;
            let e = self.relation()?;
            if !matches!(e, Expr::Empty) || self.pos > before {
                items.push(e);
            }
            if !self.skip_seps() {
                break;
            }
        }
        self.leave();
        if items.is_empty() {
            return Err(Stop::Unsupported);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Expr::Empty)
        } else {
            Expr::List(Brackets::Bare, items)
        })
    }

    fn at_close(&self) -> bool {
        matches!(
            self.peek(),
            Some(Tok::RParen | Tok::RBrack | Tok::RBrace | Tok::RSet | Tok::Amp | Tok::Newline)
        ) || matches!(self.peek(), Some(Tok::Cmd(c)) if c == "end")
    }

    fn relation(&mut self) -> R<Expr> {
        self.enter()?;
        let first = self.union()?;
        let mut sides = vec![first];
        let mut ops = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::Rel(op)) => {
                    let op = *op;
                    self.pos += 1;
                    ops.push(op);
                    sides.push(self.union()?);
                }
                Some(Tok::Word(w)) if w == "in" => {
                    // `x \in S` -> S
                    self.pos += 1;
                    let s = self.union()?;
                    sides.clear();
                    ops.clear();
                    sides.push(s);
                }
                Some(Tok::Cmd(c)) if c == "in" => {
                    self.pos += 1;
                    let s = self.union()?;
                    sides.clear();
                    ops.clear();
                    sides.push(s);
                }
                Some(Tok::Colon) if sides.len() == 1 && ops.is_empty() => {
                    // `x: 3` label
                    self.pos += 1;
                    sides.clear();
                    sides.push(self.union()?);
                }
                _ => break,
            }
        }
        self.leave();
        if ops.is_empty() {
            return Ok(sides.pop().unwrap_or(Expr::Empty));
        }
        Ok(Expr::Rel(sides, ops))
    }

    fn union(&mut self) -> R<Expr> {
        let first = self.additive()?;
        if self.peek() != Some(&Tok::Cup)
            && !matches!(self.peek(), Some(Tok::Letter(l)) if l == "U")
        {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(&Tok::Cup)
            || (matches!(self.peek(), Some(Tok::Letter(l)) if l == "U") && {
                self.pos += 1;
                true
            })
        {
            self.b.tick(1)?;
            items.push(self.additive()?);
        }
        Ok(Expr::Union(items))
    }

    fn additive(&mut self) -> R<Expr> {
        self.enter()?;
        let mut terms = Vec::new();
        let mut pm: Option<(bool, Expr)> = None;
        // leading sign
        let first = match self.peek() {
            Some(Tok::PlusMinus) | Some(Tok::MinusPlus) => {
                self.pos += 1;
                let t = self.term()?;
                pm = Some((false, t));
                None
            }
            _ => Some(self.term()?),
        };
        if let Some(f) = first {
            terms.push(f);
        }
        loop {
            self.b.tick(1)?;
            match self.peek() {
                Some(Tok::Plus) => {
                    self.pos += 1;
                    terms.push(self.term()?);
                }
                Some(Tok::Minus) => {
                    self.pos += 1;
                    let t = self.term()?;
                    terms.push(Expr::Neg(Box::new(t)));
                }
                Some(Tok::PlusMinus) | Some(Tok::MinusPlus) if pm.is_none() => {
                    self.pos += 1;
                    let t = self.term()?;
                    pm = Some((true, t));
                }
                _ => break,
            }
        }
        self.leave();
        let base = match terms.len() {
            0 => Expr::Int(BigInt::zero()),
            1 => terms.pop().unwrap_or(Expr::Empty),
            _ => Expr::Add(terms),
        };
        Ok(match pm {
            Some((_, t)) => Expr::PlusMinus(Box::new(base), Box::new(t)),
            None => base,
        })
    }

    fn starts_factor(&self) -> bool {
        match self.peek() {
            Some(Tok::Num(..) | Tok::Letter(_) | Tok::LParen | Tok::LBrace | Tok::LSet) => true,
            Some(Tok::LBrack) => false,
            Some(Tok::Word(w)) => !matches!(w.as_str(), "or" | "and" | "in"),
            Some(Tok::Cmd(c)) => !matches!(c.as_str(), "end" | "in" | "cap" | "setminus" | "to"),
            Some(Tok::Text(t)) => !matches!(t.trim(), "or" | "and" | "," | "and/or"),
            Some(Tok::Pipe) => false,
            _ => false,
        }
    }

    fn term(&mut self) -> R<Expr> {
        self.enter()?;
        let mut factors = vec![self.unary()?];
        loop {
            self.b.tick(1)?;
            match self.peek() {
                Some(Tok::Star) => {
                    self.pos += 1;
                    factors.push(self.unary()?);
                }
                Some(Tok::Slash) => {
                    self.pos += 1;
                    let d = self.unary()?;
                    let n = if factors.len() == 1 {
                        factors.pop().unwrap_or(Expr::Empty)
                    } else {
                        Expr::Mul(std::mem::take(&mut factors))
                    };
                    // mixed number `7 3/4`
                    factors.push(Expr::Div(Box::new(n), Box::new(d)));
                }
                _ if self.starts_factor() => {
                    // plain mixed number `2 1/2`
                    if self.opts.mixed_numbers
                        && factors.len() == 1
                        && matches!(factors[0], Expr::Int(_))
                        && matches!(self.peek(), Some(Tok::Num(_, 0, 0, false)))
                        && self.peek_at(1) == Some(&Tok::Slash)
                        && matches!(self.peek_at(2), Some(Tok::Num(_, 0, 0, false)))
                    {
                        if let (Some(Tok::Num(n, ..)), _, Some(Tok::Num(d, ..))) =
                            (self.bump(), self.bump(), self.bump())
                        {
                            let w = std::mem::replace(&mut factors[0], Expr::Empty);
                            let frac = Expr::Div(Box::new(Expr::Int(n)), Box::new(Expr::Int(d)));
                            factors[0] = Expr::Add(vec![w, frac]);
                            continue;
                        }
                    }
                    let f = self.power()?;
                    if matches!(f, Expr::Empty) {
                        continue;
                    }
                    // mixed number: integer literal followed by a fraction of integer literals
                    if self.opts.mixed_numbers && factors.len() == 1 {
                        if let (Expr::Int(w), Expr::Div(n, d)) = (&factors[0], &f) {
                            if matches!(**n, Expr::Int(_)) && matches!(**d, Expr::Int(_)) {
                                let w = w.clone();
                                factors[0] = Expr::Add(vec![Expr::Int(w), f]);
                                continue;
                            }
                        }
                    }
                    factors.push(f);
                }
                _ => break,
            }
        }
        self.leave();
        factors.retain(|f| !matches!(f, Expr::Empty));
        Ok(match factors.len() {
            0 => Expr::Empty,
            1 => factors.pop().unwrap_or(Expr::Empty),
            _ => Expr::Mul(factors),
        })
    }

    fn unary(&mut self) -> R<Expr> {
        self.enter()?;
        let r = match self.peek() {
            Some(Tok::Minus) => {
                self.pos += 1;
                let e = self.unary()?;
                Expr::Neg(Box::new(e))
            }
            Some(Tok::Plus) => {
                self.pos += 1;
                self.unary()?
            }
            _ => self.power()?,
        };
        self.leave();
        Ok(r)
    }

    /// Exponent after `^`: a group, or one atom (with an optional sign).
    fn exponent(&mut self) -> R<Expr> {
        match self.peek() {
            Some(Tok::LBrace) => {
                self.pos += 1;
                if self.eat(&Tok::RBrace) {
                    return Ok(Expr::Empty);
                }
                let e = self.list()?;
                self.expect(&Tok::RBrace)?;
                Ok(e)
            }
            Some(Tok::Minus) => {
                self.pos += 1;
                let e = self.exponent()?;
                Ok(Expr::Neg(Box::new(e)))
            }
            Some(Tok::Plus) => {
                self.pos += 1;
                self.exponent()
            }
            _ => self.atom(),
        }
    }

    fn power(&mut self) -> R<Expr> {
        self.enter()?;
        let mut base = self.atom()?;
        loop {
            self.b.tick(1)?;
            match self.peek() {
                Some(Tok::Caret) => {
                    self.pos += 1;
                    let degree = if matches!(self.peek(), Some(Tok::Degree)) {
                        self.pos += 1;
                        true
                    } else if self.peek() == Some(&Tok::LBrace)
                        && self.peek_at(1) == Some(&Tok::Degree)
                    {
                        self.pos += 2;
                        self.expect(&Tok::RBrace)?;
                        true
                    } else {
                        false
                    };
                    if degree {
                        if self.in_trig > 0 {
                            let rad = Expr::Div(
                                Box::new(Expr::Pi),
                                Box::new(Expr::Int(BigInt::from(180))),
                            );
                            base = Expr::Mul(vec![base, rad]);
                        }
                        continue;
                    }
                    let e = self.exponent()?;
                    if matches!(e, Expr::Empty) {
                        continue;
                    }
                    // right associative: a^b^c
                    let e = if self.peek() == Some(&Tok::Caret) {
                        self.pos += 1;
                        let e2 = self.exponent()?;
                        Expr::Pow(Box::new(e), Box::new(e2))
                    } else {
                        e
                    };
                    base = Expr::Pow(Box::new(base), Box::new(e));
                }
                Some(Tok::Bang) => {
                    self.pos += 1;
                    base = Expr::Fact(Box::new(base));
                }
                Some(Tok::Percent) => {
                    self.pos += 1;
                    self.saw_percent = true;
                    base = Expr::Percent(Box::new(base));
                }
                Some(Tok::Degree) if self.in_trig > 0 => {
                    // degrees inside a trigonometric argument: convert to radians
                    self.pos += 1;
                    let rad = Expr::Div(Box::new(Expr::Pi), Box::new(Expr::Int(BigInt::from(180))));
                    base = Expr::Mul(vec![base, rad]);
                }
                Some(Tok::Degree) | Some(Tok::Prime) => {
                    self.pos += 1;
                }
                Some(Tok::Underscore) => {
                    // subscript on a non-name: ignore it
                    self.pos += 1;
                    let _ = self.exponent()?;
                }
                Some(Tok::Word(w)) if self.opts.strip_units && is_unit_word(w) => {
                    self.pos += 1;
                    self.skip_unit_power()?;
                }
                Some(Tok::Text(t)) if self.opts.strip_units && is_unit_text(t) => {
                    self.pos += 1;
                    self.skip_unit_power()?;
                }
                _ => break,
            }
        }
        self.leave();
        Ok(base)
    }

    /// Skips `^2` after a unit (`\text{cm}^2`).
    fn skip_unit_power(&mut self) -> R<()> {
        if self.peek() == Some(&Tok::Caret) {
            self.pos += 1;
            let _ = self.exponent()?;
        }
        Ok(())
    }

    /// A brace group `{...}` (required for `\frac` etc.) or a single token.
    fn arg(&mut self) -> R<Expr> {
        if self.eat(&Tok::LBrace) {
            let e = self.list()?;
            self.expect(&Tok::RBrace)?;
            Ok(e)
        } else {
            // `\frac12`: a single digit
            if let Some(Tok::Num(m, 0, 0, false)) = self.peek() {
                let s = m.to_string();
                if s.len() > 1 {
                    let first = BigInt::from(s.as_bytes()[0] - b'0');
                    let rest: BigInt = s[1..].parse().map_err(|_| Stop::Unsupported)?;
                    self.toks[self.pos] = Tok::Num(rest, 0, 0, false);
                    return Ok(Expr::Int(first));
                }
            }
            self.atom()
        }
    }

    fn name_subscript(&mut self, mut name: String) -> R<Expr> {
        if self.peek() == Some(&Tok::Underscore) {
            self.pos += 1;
            let sub = match self.bump() {
                Some(Tok::Num(m, 0, 0, false)) => m.to_string(),
                Some(Tok::Letter(l)) => l,
                Some(Tok::LBrace) => {
                    let mut s = String::new();
                    loop {
                        self.b.tick(1)?;
                        match self.bump() {
                            Some(Tok::RBrace) => break,
                            Some(Tok::Num(m, 0, 0, false)) => s.push_str(&m.to_string()),
                            Some(Tok::Letter(l)) | Some(Tok::Word(l)) => s.push_str(&l),
                            Some(Tok::Text(l)) => s.push_str(l.trim()),
                            Some(Tok::Plus) => s.push('+'),
                            Some(Tok::Minus) => s.push('-'),
                            Some(Tok::Comma) => s.push(','),
                            _ => return Err(Stop::Unsupported),
                        }
                    }
                    s
                }
                _ => return Err(Stop::Unsupported),
            };
            name.push('_');
            if sub.len() == 1 {
                name.push_str(&sub);
            } else {
                name.push('{');
                name.push_str(&sub);
                name.push('}');
            }
        }
        Ok(Expr::Var(name))
    }

    fn group_items(&mut self, close: &[Tok]) -> R<(Vec<Expr>, Tok)> {
        let mut items = Vec::new();
        loop {
            self.b.tick(1)?;
            if let Some(t) = self.peek() {
                if close.contains(t) {
                    let t = t.clone();
                    self.pos += 1;
                    return Ok((items, t));
                }
            } else {
                return Err(Stop::Unsupported);
            }
            let e = self.relation()?;
            items.push(e);
            if !self.skip_seps() {
                let t = self.bump().ok_or(Stop::Unsupported)?;
                if close.contains(&t) {
                    return Ok((items, t));
                }
                return Err(Stop::Unsupported);
            }
        }
    }

    fn matrix(&mut self, env: &str) -> R<Expr> {
        let mut rows: Vec<Vec<Expr>> = vec![Vec::new()];
        // optional column spec for array: {cc}
        if env == "array" && self.peek() == Some(&Tok::LBrace) {
            let mut d = 0;
            while let Some(t) = self.bump() {
                self.b.tick(1)?;
                match t {
                    Tok::LBrace => d += 1,
                    Tok::RBrace => {
                        d -= 1;
                        if d == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        loop {
            self.b.tick(1)?;
            match self.peek() {
                None => return Err(Stop::Unsupported),
                Some(Tok::Cmd(c)) if c == "end" => {
                    self.pos += 1;
                    let _ = self.arg_raw_name();
                    break;
                }
                Some(Tok::Amp) => {
                    self.pos += 1;
                }
                Some(Tok::Newline) => {
                    self.pos += 1;
                    rows.push(Vec::new());
                }
                _ => {
                    let e = self.relation()?;
                    if let Some(r) = rows.last_mut() {
                        r.push(e);
                    }
                }
            }
        }
        rows.retain(|r| !r.is_empty());
        if rows.is_empty() {
            return Err(Stop::Unsupported);
        }
        Ok(Expr::Matrix(rows))
    }

    fn arg_raw_name(&mut self) -> Option<String> {
        if !self.eat(&Tok::LBrace) {
            return None;
        }
        let mut s = String::new();
        while let Some(t) = self.bump() {
            match t {
                Tok::RBrace => break,
                Tok::Word(w) | Tok::Letter(w) => s.push_str(&w),
                Tok::Star => s.push('*'),
                _ => {}
            }
        }
        Some(s)
    }

    fn func_arg(&mut self) -> R<Expr> {
        // `\sin(x)`, `\sin{x}`, `\sin x`, `\sin 2x`
        match self.peek() {
            Some(Tok::LParen) | Some(Tok::LBrace) => self.power(),
            _ => {
                let mut fs = vec![self.power()?];
                while matches!(self.peek(), Some(Tok::Letter(_) | Tok::Num(..)))
                    || matches!(self.peek(), Some(Tok::Cmd(c)) if c == "pi")
                {
                    self.b.tick(1)?;
                    fs.push(self.power()?);
                }
                Ok(if fs.len() == 1 {
                    fs.pop().unwrap_or(Expr::Empty)
                } else {
                    Expr::Mul(fs)
                })
            }
        }
    }

    fn function(&mut self, f: Func) -> R<Expr> {
        // optional power / subscript before the argument: \sin^2 x, \log_2 8
        let mut pow = None;
        let mut base = None;
        loop {
            match self.peek() {
                Some(Tok::Caret) => {
                    self.pos += 1;
                    pow = Some(self.exponent()?);
                }
                Some(Tok::Underscore) if f == Func::Log => {
                    self.pos += 1;
                    base = Some(self.exponent()?);
                }
                _ => break,
            }
        }
        let mut f = f;
        if let Some(Expr::Neg(inner)) = &pow {
            if matches!(**inner, Expr::Int(ref one) if one.is_one()) {
                if let Some(inv) = f.inverse() {
                    f = inv;
                    pow = None;
                }
            }
        }
        let trig = matches!(
            f,
            Func::Sin | Func::Cos | Func::Tan | Func::Sec | Func::Csc | Func::Cot
        );
        if trig {
            self.in_trig += 1;
        }
        let a = self.func_arg();
        if trig {
            self.in_trig -= 1;
        }
        let a = a?;
        let mut args = vec![a];
        if let Some(bs) = base {
            args.push(bs);
        }
        let call = Expr::Func(f, args);
        Ok(match pow {
            Some(p) => Expr::Pow(Box::new(call), Box::new(p)),
            None => call,
        })
    }

    fn atom(&mut self) -> R<Expr> {
        self.enter()?;
        let t = self.bump().ok_or(Stop::Unsupported)?;
        let e = match t {
            Tok::Num(m, d, e, is_dec) => {
                if is_dec {
                    Expr::Dec(rat_of(m, d, e, self.b)?, d)
                } else {
                    Expr::Int(m)
                }
            }
            Tok::Letter(l) => match l.as_str() {
                "e" if self.peek() != Some(&Tok::Underscore) => Expr::E,
                _ => self.name_subscript(l)?,
            },
            Tok::Word(w) => match w.as_str() {
                "pi" => Expr::Pi,
                "inf" | "infty" | "infinity" => Expr::Inf,
                "i" => Expr::I,
                "sqrt" => {
                    let a = self.arg()?;
                    Expr::Root(Box::new(Expr::Int(BigInt::from(2))), Box::new(a))
                }
                "usqrt" => {
                    // `√23`, `√x`, `√(x+1)`: the whole next atom
                    let a = self.atom()?;
                    Expr::Root(Box::new(Expr::Int(BigInt::from(2))), Box::new(a))
                }
                "cbrt" => {
                    let a = self.arg()?;
                    Expr::Root(Box::new(Expr::Int(BigInt::from(3))), Box::new(a))
                }
                w => {
                    if let Some(f) = Func::from_name(w) {
                        self.function(f)?
                    } else if self.opts.strip_units && is_unit_word(w) {
                        Expr::Empty
                    } else {
                        Expr::Text(w.to_string())
                    }
                }
            },
            Tok::Text(t) => {
                let tt = t.trim();
                if tt.is_empty() || (self.opts.strip_units && is_unit_text(tt)) {
                    Expr::Empty
                } else {
                    // `\text{13}`, `\text{(B)}`: parse the content
                    match parse_at(tt, self.opts, self.b, self.depth + 4) {
                        Ok(p) => {
                            self.saw_percent |= p.has_percent;
                            p.expr
                        }
                        Err(Stop::Budget(m)) => return Err(Stop::Budget(m)),
                        Err(Stop::Unsupported) => Expr::Text(tt.to_lowercase()),
                    }
                }
            }
            Tok::LParen => {
                let (items, close) = self.group_items(&[Tok::RParen, Tok::RBrack])?;
                if items.len() == 1 && close == Tok::RParen {
                    items.into_iter().next().unwrap_or(Expr::Empty)
                } else {
                    let k = if close == Tok::RParen {
                        Brackets::Paren
                    } else {
                        Brackets::OpenClosed
                    };
                    Expr::List(k, items)
                }
            }
            Tok::LBrack => {
                let (items, close) = self.group_items(&[Tok::RParen, Tok::RBrack])?;
                if items.len() == 1 && close == Tok::RBrack {
                    match items.into_iter().next() {
                        Some(e @ Expr::List(Brackets::Square, _)) => {
                            Expr::List(Brackets::Square, vec![e])
                        }
                        Some(e) => e,
                        None => Expr::Empty,
                    }
                } else {
                    let k = if close == Tok::RBrack {
                        Brackets::Square
                    } else {
                        Brackets::ClosedOpen
                    };
                    // [[1,2],[3,4]] -> matrix
                    if k == Brackets::Square
                        && items.len() > 1
                        && items
                            .iter()
                            .all(|i| matches!(i, Expr::List(Brackets::Square, _)))
                    {
                        let rows = items
                            .into_iter()
                            .map(|i| match i {
                                Expr::List(_, v) => v,
                                other => vec![other],
                            })
                            .collect();
                        Expr::Matrix(rows)
                    } else {
                        Expr::List(k, items)
                    }
                }
            }
            Tok::LBrace => {
                if self.eat(&Tok::RBrace) {
                    Expr::Empty
                } else {
                    let e = self.list()?;
                    self.expect(&Tok::RBrace)?;
                    match e {
                        Expr::List(Brackets::Bare, v) => Expr::List(Brackets::Set, v),
                        e => e,
                    }
                }
            }
            Tok::LSet => {
                if self.eat(&Tok::RSet) {
                    Expr::List(Brackets::Set, Vec::new())
                } else {
                    let (items, _) = self.group_items(&[Tok::RSet])?;
                    Expr::List(Brackets::Set, items)
                }
            }
            Tok::Pipe => {
                let e = self.additive()?;
                self.expect(&Tok::Pipe)?;
                Expr::Func(Func::Abs, vec![e])
            }
            Tok::Cmd(c) => self.command_atom(&c)?,
            Tok::Minus => {
                let e = self.power()?;
                Expr::Neg(Box::new(e))
            }
            _ => return Err(Stop::Unsupported),
        };
        self.leave();
        Ok(e)
    }

    fn command_atom(&mut self, c: &str) -> R<Expr> {
        Ok(match c {
            "frac" => {
                let n = self.arg()?;
                let d = self.arg()?;
                Expr::Div(Box::new(n), Box::new(d))
            }
            "sqrt" => {
                let idx = if self.eat(&Tok::LBrack) {
                    let e = self.additive()?;
                    self.expect(&Tok::RBrack)?;
                    e
                } else {
                    Expr::Int(BigInt::from(2))
                };
                let a = if self.peek() == Some(&Tok::LParen) {
                    self.atom()?
                } else {
                    self.arg()?
                };
                Expr::Root(Box::new(idx), Box::new(a))
            }
            "binom" | "choose" => {
                let n = self.arg()?;
                let k = self.arg()?;
                Expr::Binom(Box::new(n), Box::new(k))
            }
            "pi" | "varpi" => Expr::Pi,
            "infty" => Expr::Inf,
            "emptyset" | "varnothing" => Expr::Empty,
            "begin" => {
                let env = self.arg_raw_name().ok_or(Stop::Unsupported)?;
                self.matrix(&env)?
            }
            "exp" => self.function(Func::Exp)?,
            "in" => return Err(Stop::Unsupported),
            name => {
                if let Some(f) = Func::from_name(name) {
                    self.function(f)?
                } else if is_greek(name) {
                    self.name_subscript(format!("\\{name}"))?
                } else if name == "sim" || name == "therefore" || name == "implies" {
                    Expr::Empty
                } else {
                    return Err(Stop::Unsupported);
                }
            }
        })
    }
}

/// Text made of words (at least two letters, no digits or LaTeX).
fn is_wordy(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || c == '\\' || c == '(' || c == '{')
}

fn is_unit_text(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() {
        return true;
    }
    if t.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    t.split(|c: char| c.is_whitespace() || c == '/' || c == '^' || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_ascii_lowercase();
            is_unit_word(&lw) || (lw.len() > 2 && lw.chars().all(|c| c.is_ascii_alphabetic()))
        })
        && !matches!(t, "or" | "and")
}

fn is_greek(n: &str) -> bool {
    matches!(
        n,
        "alpha"
            | "beta"
            | "gamma"
            | "delta"
            | "epsilon"
            | "varepsilon"
            | "zeta"
            | "eta"
            | "theta"
            | "vartheta"
            | "iota"
            | "kappa"
            | "lambda"
            | "mu"
            | "nu"
            | "xi"
            | "rho"
            | "sigma"
            | "tau"
            | "upsilon"
            | "phi"
            | "varphi"
            | "chi"
            | "psi"
            | "omega"
            | "Gamma"
            | "Delta"
            | "Theta"
            | "Lambda"
            | "Xi"
            | "Sigma"
            | "Phi"
            | "Psi"
            | "Omega"
    )
}

/// Builds `BigRational` one.
#[allow(dead_code)]
pub(crate) fn one() -> BigRational {
    BigRational::one()
}
