//! The tabular MDP: states `0..S`, actions `0..A`, transition probabilities `T[s][a][s']`
//! (stored sparse, row by row), a discount `gamma` in `[0, 1)` and an initial distribution.
//!
//! JSON layout (the `transitions` may also be the path of a `(S, A, S)` float64 `.npy` array
//! or `.safetensors` file, relative to the JSON file, and each row `T[s][a]` may be a sparse
//! object `{"next state": probability}`):
//!
//! ```json
//! {"gamma": 0.9,
//!  "transitions": [[[0.8, 0.2], [0.1, 0.9]],
//!                  [[0.5, 0.5], {"0": 1.0}]],
//!  "initial": [1.0, 0.0]}
//! ```
//!
//! An MDP may also be one `.safetensors` file: tensor `transitions` `(S, A, S)`, optional
//! tensor `initial` `(S,)`, and `gamma` in the metadata (see [`crate::arrays`]).
//!
//! `initial` may be left out or be `"uniform"`. Every row must hold non-negative finite
//! probabilities summing to 1 within [`ROW_SUM_TOLERANCE`]; a malformed row is an
//! [`Error::Mdp`] that names its state and action.

use crate::error::{Error, Result};
use crate::npy;
use serde_json::Value;
use std::path::Path;

/// How far from 1 a transition row's sum may be.
pub const ROW_SUM_TOLERANCE: f64 = 1e-6;

/// A finite MDP without a reward (rewards are [`crate::Reward`]s, so that many can be
/// compared on one MDP).
#[derive(Debug, Clone, PartialEq)]
pub struct Mdp {
    n_states: usize,
    n_actions: usize,
    gamma: f64,
    /// CSR: the successors of row `s * A + a` are `next[ptr[r]..ptr[r+1]]`, ascending. When
    /// every row is full (a dense MDP), `next` is `0..S` once and every row shares it: a pass
    /// over `T` then reads 8 bytes per entry instead of 12, and dot products see contiguous
    /// rows.
    ptr: Vec<usize>,
    next: Vec<u32>,
    dense: bool,
    prob: Vec<f64>,
    initial: Vec<f64>,
}

/// The compressed rows of an MDP under construction: each `(s, a)` row is checked
/// (probabilities in [0, 1], summing to 1) and its non-zero entries kept.
struct Csr {
    ptr: Vec<usize>,
    next: Vec<u32>,
    prob: Vec<f64>,
}

impl Csr {
    fn with_capacity(rows: usize, nnz: usize) -> Self {
        let mut ptr = Vec::with_capacity(rows + 1);
        ptr.push(0);
        Csr {
            ptr,
            next: Vec::with_capacity(nnz),
            prob: Vec::with_capacity(nnz),
        }
    }

    /// Appends the row of `(s, a)` from its `(next state, probability)` entries.
    fn push_row(
        &mut self,
        s: usize,
        a: usize,
        entries: impl IntoIterator<Item = (usize, f64)>,
    ) -> Result<()> {
        let mut sum = 0.0;
        for (x, p) in entries {
            check_prob(s, a, x, p)?;
            sum += p;
            if p != 0.0 {
                self.next.push(x as u32);
                self.prob.push(p);
            }
        }
        check_sum(s, a, sum)?;
        self.ptr.push(self.next.len());
        Ok(())
    }

    fn into_mdp(
        self,
        n_states: usize,
        n_actions: usize,
        gamma: f64,
        initial: Option<Vec<f64>>,
    ) -> Result<Mdp> {
        let initial = check_initial(initial, n_states)?;
        // Rows hold distinct next states, so a row of S entries is 0..S.
        let dense = self.prob.len() == n_states * n_actions * n_states;
        let next = if dense {
            (0..n_states as u32).collect()
        } else {
            self.next
        };
        Ok(Mdp {
            n_states,
            n_actions,
            gamma,
            ptr: self.ptr,
            next,
            dense,
            prob: self.prob,
            initial,
        })
    }
}

impl Mdp {
    /// An MDP from sparse rows: `rows[s * A + a]` lists `(next state, probability)` pairs.
    /// Pairs with probability 0 are dropped; a next state listed twice is an error.
    pub fn from_rows(
        n_states: usize,
        n_actions: usize,
        gamma: f64,
        rows: Vec<Vec<(usize, f64)>>,
        initial: Option<Vec<f64>>,
    ) -> Result<Self> {
        check_sizes(n_states, n_actions)?;
        check_gamma(gamma)?;
        if rows.len() != n_states * n_actions {
            return Err(Error::mdp(format!(
                "{} transition rows, expected {} ({n_states} states × {n_actions} actions)",
                rows.len(),
                n_states * n_actions
            )));
        }
        let nnz: usize = rows.iter().map(Vec::len).sum();
        let mut csr = Csr::with_capacity(rows.len(), nnz);
        for (r, mut row) in rows.into_iter().enumerate() {
            let (s, a) = (r / n_actions, r % n_actions);
            row.sort_by_key(|&(x, _)| x);
            let mut prev = None;
            for &(x, _) in &row {
                if x >= n_states {
                    return Err(Error::row(
                        s,
                        a,
                        format!("next state {x} is not a state (0..{n_states})"),
                    ));
                }
                if prev == Some(x) {
                    return Err(Error::row(s, a, format!("next state {x} is listed twice")));
                }
                prev = Some(x);
            }
            csr.push_row(s, a, row)?;
        }
        csr.into_mdp(n_states, n_actions, gamma, initial)
    }

    /// An MDP from a dense row-major `T[s][a][s']` of length `S·A·S`.
    pub fn from_dense(
        n_states: usize,
        n_actions: usize,
        gamma: f64,
        t: &[f64],
        initial: Option<Vec<f64>>,
    ) -> Result<Self> {
        check_sizes(n_states, n_actions)?;
        check_gamma(gamma)?;
        let want = n_states
            .checked_mul(n_actions)
            .and_then(|v| v.checked_mul(n_states))
            .ok_or_else(|| Error::mdp("too many states"))?;
        if t.len() != want {
            return Err(Error::mdp(format!(
                "{} transition probabilities, expected {want} ({n_states} × {n_actions} × {n_states})",
                t.len()
            )));
        }
        let mut csr = Csr::with_capacity(n_states * n_actions, 0);
        for (r, row) in t.chunks_exact(n_states).enumerate() {
            csr.push_row(
                r / n_actions,
                r % n_actions,
                row.iter().copied().enumerate(),
            )?;
        }
        csr.into_mdp(n_states, n_actions, gamma, initial)
    }

    /// Reads an MDP file: the JSON layout of the module docs (`.json`), or a `.safetensors`
    /// file (tensors `transitions` and, optionally, `initial`; `gamma` in the metadata).
    pub fn from_path(path: &Path) -> Result<Self> {
        if crate::arrays::is_safetensors(path) {
            return Self::from_safetensors(path);
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::from_json_str(&text, &path.display().to_string(), path.parent())
    }

    fn from_safetensors(path: &Path) -> Result<Self> {
        let name = path.display().to_string();
        let f = crate::arrays::SafetensorsFile::open(path)?;
        let gamma: f64 = f
            .metadata()?
            .get("gamma")
            .ok_or_else(|| Error::parse(&name, "missing `gamma` in the metadata (`__metadata__`)"))?
            .trim()
            .parse()
            .map_err(|_| Error::param("gamma", "must be a number in [0, 1)"))?;
        let t = f
            .tensor(&["transitions"])?
            .ok_or_else(|| f.missing(&["transitions"]))?;
        let initial = f.tensor(&["initial"])?.map(|a| a.data);
        Self::from_dense_array(&name, t, gamma, initial)
    }

    fn from_dense_array(
        name: &str,
        arr: npy::NpyArray,
        gamma: f64,
        initial: Option<Vec<f64>>,
    ) -> Result<Self> {
        let bad = || {
            Error::shape(
                name,
                format!("transitions must have shape (S, A, S), got {:?}", arr.shape),
            )
        };
        let [s, a, s2] = arr.shape[..] else {
            return Err(bad());
        };
        if s != s2 {
            return Err(bad());
        }
        Self::from_dense(s, a, gamma, &arr.data, initial)
    }

    /// Parses the JSON layout. `name` names the document in errors; `base` is the folder that
    /// a `transitions` path is relative to.
    pub fn from_json_str(text: &str, name: &str, base: Option<&Path>) -> Result<Self> {
        let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| Error::parse(name, format!("invalid JSON: {e}")))?;
        let obj = doc.as_object().ok_or_else(|| {
            Error::parse(
                name,
                "an MDP is a JSON object {\"gamma\", \"transitions\", \"initial\"}",
            )
        })?;
        for key in obj.keys() {
            if !matches!(key.as_str(), "gamma" | "transitions" | "initial" | "name") {
                return Err(Error::parse(
                    name,
                    format!("unknown field `{key}` (expected gamma, transitions, initial, name)"),
                ));
            }
        }
        let gamma = obj
            .get("gamma")
            .ok_or_else(|| Error::parse(name, "missing field `gamma`"))?
            .as_f64()
            .ok_or_else(|| Error::param("gamma", "must be a number in [0, 1)"))?;
        let initial = match obj.get("initial") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s == "uniform" => None,
            Some(v) => Some(number_list(v, "initial")?),
        };
        let t = obj
            .get("transitions")
            .ok_or_else(|| Error::parse(name, "missing field `transitions`"))?;
        match t {
            Value::String(file) => {
                let p = base.unwrap_or(Path::new(".")).join(file);
                let arr = crate::arrays::read(&p, &["transitions"])?;
                Self::from_dense_array(&p.display().to_string(), arr, gamma, initial)
            }
            Value::Array(states) => {
                let n_states = states.len();
                if n_states == 0 {
                    return Err(Error::mdp("transitions: no states"));
                }
                let n_actions = match &states[0] {
                    Value::Array(a) => a.len(),
                    _ => return Err(Error::mdp("transitions[0]: expected a list of actions")),
                };
                let mut rows = Vec::with_capacity(n_states * n_actions);
                for (s, acts) in states.iter().enumerate() {
                    let acts = acts.as_array().ok_or_else(|| Error::Mdp {
                        state: Some(s),
                        action: None,
                        message: "expected a list of actions".into(),
                    })?;
                    if acts.len() != n_actions {
                        return Err(Error::Mdp {
                            state: Some(s),
                            action: None,
                            message: format!(
                                "{} actions, state 0 has {n_actions} (every state has the same actions)",
                                acts.len()
                            ),
                        });
                    }
                    for (a, row) in acts.iter().enumerate() {
                        rows.push(parse_row(row, s, a, n_states)?);
                    }
                }
                Self::from_rows(n_states, n_actions, gamma, rows, initial)
            }
            _ => Err(Error::mdp(
                "transitions: expected T[s][a][s'] as nested lists, or the path of a .npy or .safetensors file",
            )),
        }
    }

    /// The MDP as JSON in the layout of the module docs (dense rows).
    pub fn to_json(&self) -> Value {
        let t: Vec<Vec<Vec<f64>>> = (0..self.n_states)
            .map(|s| {
                (0..self.n_actions)
                    .map(|a| {
                        let mut row = vec![0.0; self.n_states];
                        let (idx, p) = self.row(s, a);
                        for (&x, &q) in idx.iter().zip(p) {
                            row[x as usize] = q;
                        }
                        row
                    })
                    .collect()
            })
            .collect();
        serde_json::json!({"gamma": self.gamma, "transitions": t, "initial": self.initial})
    }

    /// Writes the MDP: `.json` (the layout of the module docs, dense rows) or `.safetensors`
    /// (tensors `transitions` and `initial`, `gamma` in the metadata), through a temporary
    /// file renamed at the end.
    pub fn write(&self, path: &Path) -> Result<()> {
        if crate::arrays::is_safetensors(path) {
            use crate::arrays::{write_safetensors, Tensor};
            let (s, a) = (self.n_states, self.n_actions);
            return write_safetensors(
                path,
                &[
                    Tensor::new("transitions", vec![s, a, s], self.to_dense()),
                    Tensor::new("initial", vec![s], self.initial.clone()),
                ],
                &[("gamma", format!("{:?}", self.gamma))],
            );
        }
        let text = serde_json::to_string(&self.to_json())
            .map_err(|e| Error::parse(path.display().to_string(), e.to_string()))?;
        crate::arrays::write_atomic(path, text.as_bytes())
    }

    /// The number of states.
    pub fn n_states(&self) -> usize {
        self.n_states
    }

    /// The number of actions (the same in every state).
    pub fn n_actions(&self) -> usize {
        self.n_actions
    }

    /// The discount, in `[0, 1)`.
    pub fn gamma(&self) -> f64 {
        self.gamma
    }

    /// The same MDP with another discount.
    pub fn with_gamma(mut self, gamma: f64) -> Result<Self> {
        check_gamma(gamma)?;
        self.gamma = gamma;
        Ok(self)
    }

    /// The initial state distribution.
    pub fn initial(&self) -> &[f64] {
        &self.initial
    }

    /// The successors of `(s, a)` (ascending) and their probabilities; zeros are not stored.
    pub fn row(&self, s: usize, a: usize) -> (&[u32], &[f64]) {
        let r = s * self.n_actions + a;
        let (lo, hi) = (self.ptr[r], self.ptr[r + 1]);
        if self.dense {
            return (&self.next, &self.prob[lo..hi]);
        }
        (&self.next[lo..hi], &self.prob[lo..hi])
    }

    /// Whether every row is full (every next state stored, sharing one index row).
    pub(crate) fn is_dense(&self) -> bool {
        self.dense
    }

    /// `T(s, a, x)`.
    pub fn prob(&self, s: usize, a: usize, x: usize) -> f64 {
        let (idx, p) = self.row(s, a);
        match idx.binary_search(&(x as u32)) {
            Ok(i) => p[i],
            Err(_) => 0.0,
        }
    }

    /// The number of stored (non-zero) transition probabilities.
    pub fn nnz(&self) -> usize {
        self.prob.len()
    }

    /// The dense `T[s][a][s']`, row-major (`S·A·S` values).
    pub fn to_dense(&self) -> Vec<f64> {
        let s_n = self.n_states;
        let mut t = vec![0.0; s_n * self.n_actions * s_n];
        for s in 0..s_n {
            for a in 0..self.n_actions {
                let base = (s * self.n_actions + a) * s_n;
                let (idx, p) = self.row(s, a);
                for (&x, &q) in idx.iter().zip(p) {
                    t[base + x as usize] = q;
                }
            }
        }
        t
    }

    /// Draws a successor of `(s, a)`.
    pub fn step(&self, s: usize, a: usize, rng: &mut crate::Rng) -> usize {
        let (idx, p) = self.row(s, a);
        match crate::Random::categorical(rng, p) {
            Some(i) => idx[i] as usize,
            None => s,
        }
    }
}

fn check_sizes(n_states: usize, n_actions: usize) -> Result<()> {
    if n_states == 0 || n_actions == 0 {
        return Err(Error::mdp(format!(
            "an MDP needs at least one state and one action, got {n_states} states and {n_actions} actions"
        )));
    }
    if n_states > u32::MAX as usize {
        return Err(Error::mdp(format!("{n_states} states is too many")));
    }
    Ok(())
}

pub(crate) fn check_gamma(gamma: f64) -> Result<()> {
    if !(0.0..1.0).contains(&gamma) {
        return Err(Error::param(
            "gamma",
            format!("must be in [0, 1) (discounted, infinite horizon), got {gamma}"),
        ));
    }
    Ok(())
}

fn check_prob(s: usize, a: usize, x: usize, p: f64) -> Result<()> {
    if !p.is_finite() {
        return Err(Error::row(
            s,
            a,
            format!("probability of next state {x} is {p} (must be a finite number)"),
        ));
    }
    if p < 0.0 {
        return Err(Error::row(
            s,
            a,
            format!("probability of next state {x} is negative ({p})"),
        ));
    }
    Ok(())
}

fn check_sum(s: usize, a: usize, sum: f64) -> Result<()> {
    if (sum - 1.0).abs() > ROW_SUM_TOLERANCE {
        return Err(Error::row(
            s,
            a,
            format!(
                "transition probabilities sum to {}, not 1 (tolerance {ROW_SUM_TOLERANCE:e})",
                short(sum)
            ),
        ));
    }
    Ok(())
}

/// A number with at most 10 decimals, trailing zeros dropped (`0.8999999999999999` → `0.9`).
pub(crate) fn short(x: f64) -> String {
    let t = format!("{x:.10}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    if t == "-0" {
        "0".into()
    } else {
        t.into()
    }
}

fn check_initial(initial: Option<Vec<f64>>, n_states: usize) -> Result<Vec<f64>> {
    match initial {
        None => Ok(vec![1.0 / n_states as f64; n_states]),
        Some(d) => {
            check_distribution(&d, n_states, "initial")?;
            Ok(d)
        }
    }
}

/// Checks a probability vector: `n` finite non-negative entries summing to 1.
pub(crate) fn check_distribution(d: &[f64], n: usize, what: &str) -> Result<()> {
    if d.len() != n {
        return Err(Error::shape(
            what,
            format!("{} entries, expected {n}", d.len()),
        ));
    }
    if let Some((i, v)) = d
        .iter()
        .enumerate()
        .find(|(_, v)| !v.is_finite() || **v < 0.0)
    {
        return Err(Error::shape(
            what,
            format!("entry {i} is {v} (must be finite and >= 0)"),
        ));
    }
    let sum: f64 = d.iter().sum();
    if (sum - 1.0).abs() > ROW_SUM_TOLERANCE {
        return Err(Error::shape(what, format!("sums to {}, not 1", short(sum))));
    }
    Ok(())
}

fn parse_row(row: &Value, s: usize, a: usize, n_states: usize) -> Result<Vec<(usize, f64)>> {
    match row {
        Value::Array(ps) => {
            if ps.len() != n_states {
                return Err(Error::row(
                    s,
                    a,
                    format!(
                        "{} next-state probabilities, expected {n_states} (one per state)",
                        ps.len()
                    ),
                ));
            }
            ps.iter()
                .enumerate()
                .map(|(x, v)| {
                    v.as_f64().map(|p| (x, p)).ok_or_else(|| {
                        Error::row(
                            s,
                            a,
                            format!("probability of next state {x} is not a number: {v}"),
                        )
                    })
                })
                .collect()
        }
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let x = k.trim().parse::<usize>().map_err(|_| {
                    Error::row(s, a, format!("`{k}` is not a next-state index (0..{n_states})"))
                })?;
                let p = v.as_f64().ok_or_else(|| {
                    Error::row(
                        s,
                        a,
                        format!("probability of next state {x} is not a number: {v}"),
                    )
                })?;
                Ok((x, p))
            })
            .collect(),
        other => Err(Error::row(
            s,
            a,
            format!(
                "expected a list of {n_states} probabilities or an object {{\"next state\": p}}, got {other}"
            ),
        )),
    }
}

/// A flat list of numbers from a JSON array (for `initial`, potentials, distributions).
pub(crate) fn number_list(v: &Value, what: &str) -> Result<Vec<f64>> {
    let arr = v
        .as_array()
        .ok_or_else(|| Error::shape(what, format!("expected a list of numbers, got {v}")))?;
    arr.iter()
        .enumerate()
        .map(|(i, x)| {
            x.as_f64()
                .ok_or_else(|| Error::shape(what, format!("entry {i} is not a number: {x}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOY: &str = r#"{"gamma": 0.9,
      "transitions": [[[0.8, 0.2], [0.1, 0.9]], [[0.5, 0.5], {"0": 1.0}]],
      "initial": [1.0, 0.0]}"#;

    #[test]
    fn parses_dense_and_sparse_rows() {
        let m = Mdp::from_json_str(TOY, "toy", None).unwrap();
        assert_eq!((m.n_states(), m.n_actions()), (2, 2));
        assert_eq!(m.prob(1, 1, 0), 1.0);
        assert_eq!(m.prob(1, 1, 1), 0.0);
        assert_eq!(m.nnz(), 7);
        let again = Mdp::from_json_str(&m.to_json().to_string(), "again", None).unwrap();
        assert_eq!(again, m);
    }

    fn err(text: &str) -> String {
        Mdp::from_json_str(text, "m.json", None)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn malformed_rows_name_state_and_action() {
        let e = err(r#"{"gamma":0.9,"transitions":[[[0.5,0.5]],[[0.6,0.3]]]}"#);
        assert!(
            e.starts_with("state 1, action 0: transition probabilities sum to 0.9"),
            "{e}"
        );
        let e = err(r#"{"gamma":0.9,"transitions":[[[1.1,-0.1]],[[0.5,0.5]]]}"#);
        assert!(
            e.contains("state 0, action 0: probability of next state 1 is negative"),
            "{e}"
        );
        let e = err(r#"{"gamma":0.9,"transitions":[[[1,0]],[[0.5,0.25,0.25]]]}"#);
        assert!(
            e.contains("state 1, action 0: 3 next-state probabilities, expected 2"),
            "{e}"
        );
        let e = err(r#"{"gamma":0.9,"transitions":[[[1,0]],[[1,0],[0,1]]]}"#);
        assert!(e.starts_with("state 1: 2 actions, state 0 has 1"), "{e}");
        let e = err(r#"{"gamma":1.0,"transitions":[[[1]]]}"#);
        assert!(e.contains("gamma"), "{e}");
        let e = err(r#"{"gamma":0.5,"transitions":[[{"3": 1}]]}"#);
        assert!(
            e.contains("state 0, action 0: next state 3 is not a state"),
            "{e}"
        );
        let e = err(r#"{"gamma":0.5,"transitions":[[[1]]],"initial":[0.5]}"#);
        assert!(e.contains("initial"), "{e}");
        let e = err(r#"{"gamma":0.5,"transitions":[[[1]]],"extra":1}"#);
        assert!(e.contains("unknown field `extra`"), "{e}");
        let e = err(r#"{"gamma":0.5,"transitions":[[["x"]]]}"#);
        assert!(e.contains("state 0, action 0"), "{e}");
    }
}
