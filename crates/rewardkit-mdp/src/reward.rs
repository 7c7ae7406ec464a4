//! Rewards on a tabular MDP: `R(s,a,s')`, `R(s,a)` or `R(s)`, and the operations that leave
//! the optimal policies unchanged — potential shaping (Ng, Harada and Russell, ICML 1999),
//! S'-redistribution and positive scaling (Skalse et al., "Invariance in policy optimisation
//! and partial identifiability in reward learning", ICML 2023).
//!
//! JSON layout: `{"reward": R}` with `R[s][a][s']`, `R[s][a]` or `R[s]` (the nesting depth says
//! which); a `.npy` file holds the bare array, of shape `(S, A, S)`, `(S, A)` or `(S,)`. A state
//! reward `R(s)` is the reward for acting in `s`: `R(s,a,s') = R(s)`.

use crate::error::{Error, Result};
use crate::mdp::{number_list, Mdp};
use crate::npy;
use serde_json::Value;
use std::path::Path;

/// Which arguments a reward depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RewardKind {
    /// `R(s)`: `S` values.
    State,
    /// `R(s, a)`: `S·A` values.
    StateAction,
    /// `R(s, a, s')`: `S·A·S` values.
    Transition,
}

/// A tabular reward, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Reward {
    n_states: usize,
    n_actions: usize,
    kind: RewardKind,
    data: Vec<f64>,
}

impl Reward {
    /// A reward of the given kind from its values (row-major); every value must be finite.
    pub fn new(
        n_states: usize,
        n_actions: usize,
        kind: RewardKind,
        data: Vec<f64>,
    ) -> Result<Self> {
        let want = match kind {
            RewardKind::State => n_states,
            RewardKind::StateAction => n_states * n_actions,
            RewardKind::Transition => n_states * n_actions * n_states,
        };
        if data.len() != want {
            return Err(Error::shape(
                "reward",
                format!(
                    "{} values for a {kind:?} reward on {n_states} states and {n_actions} actions, expected {want}",
                    data.len()
                ),
            ));
        }
        if let Some(i) = data.iter().position(|v| !v.is_finite()) {
            return Err(Error::shape(
                "reward",
                format!(
                    "{} is {} (rewards must be finite)",
                    index_name(kind, n_states, n_actions, i),
                    data[i]
                ),
            ));
        }
        Ok(Reward {
            n_states,
            n_actions,
            kind,
            data,
        })
    }

    /// `R(s, a, s')` from `S·A·S` values.
    pub fn transition(n_states: usize, n_actions: usize, data: Vec<f64>) -> Result<Self> {
        Self::new(n_states, n_actions, RewardKind::Transition, data)
    }

    /// `R(s, a)` from `S·A` values.
    pub fn state_action(n_states: usize, n_actions: usize, data: Vec<f64>) -> Result<Self> {
        Self::new(n_states, n_actions, RewardKind::StateAction, data)
    }

    /// `R(s)` from `S` values.
    pub fn state(n_states: usize, n_actions: usize, data: Vec<f64>) -> Result<Self> {
        Self::new(n_states, n_actions, RewardKind::State, data)
    }

    /// The reward that is `f(s, a, s')` everywhere.
    pub fn from_fn(
        n_states: usize,
        n_actions: usize,
        f: impl Fn(usize, usize, usize) -> f64,
    ) -> Result<Self> {
        let mut data = Vec::with_capacity(n_states * n_actions * n_states);
        for s in 0..n_states {
            for a in 0..n_actions {
                for x in 0..n_states {
                    data.push(f(s, a, x));
                }
            }
        }
        Self::transition(n_states, n_actions, data)
    }

    /// Reads a reward file (`.json` with `{"reward": R}`, a `.npy` array, or a
    /// `.safetensors` file's tensor `reward` or only tensor) for `mdp`: its shape must match
    /// the MDP's states and actions.
    pub fn from_path(path: &Path, mdp: &Mdp) -> Result<Self> {
        let name = path.display().to_string();
        if crate::arrays::is_array_file(path) {
            let arr = crate::arrays::read(path, &["reward"])?;
            let kind = match arr.shape.len() {
                1 => RewardKind::State,
                2 => RewardKind::StateAction,
                3 => RewardKind::Transition,
                _ => {
                    return Err(Error::shape(
                        &name,
                        format!(
                            "a reward array has shape (S,), (S, A) or (S, A, S), got {:?}",
                            arr.shape
                        ),
                    ))
                }
            };
            let want = expected_shape(kind, mdp);
            if arr.shape != want {
                return Err(Error::shape(
                    &name,
                    format!(
                        "shape {:?} does not fit the MDP: expected {want:?}",
                        arr.shape
                    ),
                ));
            }
            return Self::new(mdp.n_states(), mdp.n_actions(), kind, arr.data)
                .map_err(|e| rename(e, &name));
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::from_json_str(&text, &name, mdp)
    }

    /// Parses `{"reward": R}` for `mdp`; `name` names the document in errors.
    pub fn from_json_str(text: &str, name: &str, mdp: &Mdp) -> Result<Self> {
        let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| Error::parse(name, format!("invalid JSON: {e}")))?;
        let obj = doc
            .as_object()
            .ok_or_else(|| Error::parse(name, "a reward is a JSON object {\"reward\": R}"))?;
        for key in obj.keys() {
            if !matches!(key.as_str(), "reward" | "name") {
                return Err(Error::parse(
                    name,
                    format!("unknown field `{key}` (expected reward, name)"),
                ));
            }
        }
        let r = obj
            .get("reward")
            .ok_or_else(|| Error::parse(name, "missing field `reward`"))?;
        let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
        let depth = nesting(r);
        let (kind, data) = match depth {
            1 => (
                RewardKind::State,
                number_list(r, "reward").map_err(|e| rename(e, name))?,
            ),
            2 | 3 => {
                let states = r.as_array().map(Vec::as_slice).unwrap_or_default();
                if states.len() != n_s {
                    return Err(Error::shape(
                        name,
                        format!("reward has {} states, the MDP has {n_s}", states.len()),
                    ));
                }
                let mut data = Vec::new();
                for (s, acts) in states.iter().enumerate() {
                    let acts = acts.as_array().ok_or_else(|| {
                        Error::shape(
                            name,
                            format!("reward[{s}]: expected a list of {n_a} actions"),
                        )
                    })?;
                    if acts.len() != n_a {
                        return Err(Error::shape(
                            name,
                            format!("reward[{s}] has {} actions, the MDP has {n_a}", acts.len()),
                        ));
                    }
                    for (a, v) in acts.iter().enumerate() {
                        if depth == 2 {
                            data.push(v.as_f64().ok_or_else(|| {
                                Error::shape(name, format!("reward[{s}][{a}] is not a number: {v}"))
                            })?);
                        } else {
                            let row = number_list(v, &format!("reward[{s}][{a}]"))
                                .map_err(|e| rename(e, name))?;
                            if row.len() != n_s {
                                return Err(Error::shape(
                                    name,
                                    format!(
                                        "reward[{s}][{a}] has {} next states, the MDP has {n_s}",
                                        row.len()
                                    ),
                                ));
                            }
                            data.extend(row);
                        }
                    }
                }
                let kind = if depth == 2 {
                    RewardKind::StateAction
                } else {
                    RewardKind::Transition
                };
                (kind, data)
            }
            _ => {
                return Err(Error::shape(
                    name,
                    "reward must be R[s][a][s'], R[s][a] or R[s] (nested lists of numbers)",
                ))
            }
        };
        if kind == RewardKind::State && data.len() != n_s {
            return Err(Error::shape(
                name,
                format!("reward has {} states, the MDP has {n_s}", data.len()),
            ));
        }
        Self::new(n_s, n_a, kind, data).map_err(|e| rename(e, name))
    }

    /// The reward as `{"reward": R}` with `R` nested as its kind.
    pub fn to_json(&self) -> Value {
        let (n_s, n_a) = (self.n_states, self.n_actions);
        let r = match self.kind {
            RewardKind::State => serde_json::json!(self.data),
            RewardKind::StateAction => serde_json::json!(self.data.chunks(n_a).collect::<Vec<_>>()),
            RewardKind::Transition => serde_json::json!(self
                .data
                .chunks(n_a * n_s)
                .map(|st| st.chunks(n_s).collect::<Vec<_>>())
                .collect::<Vec<_>>()),
        };
        serde_json::json!({ "reward": r })
    }

    /// Writes the reward: `.json` (`{"reward": R}`), `.npy` or `.safetensors` (tensor
    /// `reward`), shaped by its kind, through a temporary file renamed at the end.
    pub fn write(&self, path: &Path) -> Result<()> {
        let shape = match self.kind {
            RewardKind::State => vec![self.n_states],
            RewardKind::StateAction => vec![self.n_states, self.n_actions],
            RewardKind::Transition => vec![self.n_states, self.n_actions, self.n_states],
        };
        if npy::is_npy(path) {
            return npy::write(path, &shape, &self.data);
        }
        if crate::arrays::is_safetensors(path) {
            return crate::arrays::write_safetensors(
                path,
                &[crate::arrays::Tensor::new(
                    "reward",
                    shape,
                    self.data.clone(),
                )],
                &[],
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

    /// The number of actions.
    pub fn n_actions(&self) -> usize {
        self.n_actions
    }

    /// Which arguments the reward depends on.
    pub fn kind(&self) -> RewardKind {
        self.kind
    }

    /// The stored values (row-major, as many as the kind needs).
    pub fn values(&self) -> &[f64] {
        &self.data
    }

    /// `R(s, a, s')`.
    #[inline]
    pub fn get(&self, s: usize, a: usize, x: usize) -> f64 {
        match self.kind {
            RewardKind::State => self.data[s],
            RewardKind::StateAction => self.data[s * self.n_actions + a],
            RewardKind::Transition => self.data[(s * self.n_actions + a) * self.n_states + x],
        }
    }

    /// `R(s, a, ·)` into `out` (length `S`).
    #[inline]
    pub fn row_into(&self, s: usize, a: usize, out: &mut [f64]) {
        match self.kind {
            RewardKind::State => out.fill(self.data[s]),
            RewardKind::StateAction => out.fill(self.data[s * self.n_actions + a]),
            RewardKind::Transition => {
                let base = (s * self.n_actions + a) * self.n_states;
                out.copy_from_slice(&self.data[base..base + self.n_states]);
            }
        }
    }

    /// `R(s, a, ·)` as a slice when the reward is a transition reward.
    #[inline]
    pub(crate) fn row_slice(&self, s: usize, a: usize) -> Option<&[f64]> {
        match self.kind {
            RewardKind::Transition => {
                let base = (s * self.n_actions + a) * self.n_states;
                Some(&self.data[base..base + self.n_states])
            }
            _ => None,
        }
    }

    /// The largest `|R|` (the scale that degenerate-case tolerances are relative to).
    pub fn max_abs(&self) -> f64 {
        use rayon::prelude::*;
        self.data
            .par_chunks(1 << 16)
            .map(crate::linalg::max_abs)
            .reduce(|| 0.0, f64::max)
    }

    /// The expected reward `r̄(s, a) = Σ_{s'} T(s,a,s') R(s,a,s')`, `S·A` values.
    pub fn expected(&self, mdp: &Mdp) -> Vec<f64> {
        let (n_s, n_a) = (self.n_states, self.n_actions);
        match self.kind {
            RewardKind::State => (0..n_s * n_a).map(|r| self.data[r / n_a]).collect(),
            RewardKind::StateAction => self.data.clone(),
            RewardKind::Transition => {
                use rayon::prelude::*;
                (0..n_s * n_a)
                    .into_par_iter()
                    .with_min_len(64)
                    .map(|r| {
                        let (idx, p) = mdp.row(r / n_a, r % n_a);
                        crate::linalg::row_dot(idx, p, &self.data[r * n_s..(r + 1) * n_s])
                    })
                    .collect()
            }
        }
    }

    /// The same reward as a full `R(s, a, s')`.
    pub fn to_transition(&self) -> Reward {
        if self.kind == RewardKind::Transition {
            return self.clone();
        }
        let (n_s, n_a) = (self.n_states, self.n_actions);
        let mut data = Vec::with_capacity(n_s * n_a * n_s);
        for s in 0..n_s {
            for a in 0..n_a {
                let v = self.get(s, a, 0);
                data.extend(std::iter::repeat(v).take(n_s));
            }
        }
        Reward {
            n_states: n_s,
            n_actions: n_a,
            kind: RewardKind::Transition,
            data,
        }
    }

    /// `c · R + d` (a positive `c` keeps every policy ordering; so does any `d` when γ < 1).
    pub fn affine(&self, c: f64, d: f64) -> Reward {
        Reward {
            data: self.data.iter().map(|v| c * v + d).collect(),
            ..self.clone()
        }
    }

    /// Checks that the reward has the MDP's states and actions; `what` names it in the error.
    pub fn check_fits(&self, mdp: &Mdp, what: &str) -> Result<()> {
        if self.n_states != mdp.n_states() || self.n_actions != mdp.n_actions() {
            return Err(Error::shape(
                what,
                format!(
                    "reward is for {} states and {} actions, the MDP has {} and {}",
                    self.n_states,
                    self.n_actions,
                    mdp.n_states(),
                    mdp.n_actions()
                ),
            ));
        }
        Ok(())
    }
}

fn expected_shape(kind: RewardKind, mdp: &Mdp) -> Vec<usize> {
    match kind {
        RewardKind::State => vec![mdp.n_states()],
        RewardKind::StateAction => vec![mdp.n_states(), mdp.n_actions()],
        RewardKind::Transition => vec![mdp.n_states(), mdp.n_actions(), mdp.n_states()],
    }
}

fn index_name(kind: RewardKind, n_s: usize, n_a: usize, i: usize) -> String {
    match kind {
        RewardKind::State => format!("R[{i}]"),
        RewardKind::StateAction => format!("R[{}][{}]", i / n_a, i % n_a),
        RewardKind::Transition => {
            format!("R[{}][{}][{}]", i / (n_a * n_s), (i / n_s) % n_a, i % n_s)
        }
    }
}

fn rename(e: Error, name: &str) -> Error {
    match e {
        Error::Shape { what, message } if what == "reward" => Error::shape(name, message),
        Error::Shape { what, message } => Error::shape(name, format!("{what}: {message}")),
        other => other,
    }
}

/// The nesting depth of a JSON array of numbers (1 for `[1, 2]`, 0 for a scalar or `[]`).
fn nesting(v: &Value) -> usize {
    match v {
        Value::Array(items) => match items.first() {
            Some(first) => 1 + nesting(first),
            None => 1,
        },
        _ => 0,
    }
}

/// Potential shaping (Ng, Harada and Russell 1999): `R'(s,a,s') = R(s,a,s') + γΦ(s') − Φ(s)`.
///
/// For every Φ, `Q*_{R'} = Q*_R − Φ(s)`, so the optimal policies (and the ordering of all
/// policies for a fixed start distribution) are unchanged.
pub fn shape(r: &Reward, phi: &[f64], gamma: f64) -> Result<Reward> {
    let n_s = r.n_states;
    if phi.len() != n_s {
        return Err(Error::shape(
            "potential",
            format!("{} values, expected {n_s} (one per state)", phi.len()),
        ));
    }
    if let Some(i) = phi.iter().position(|v| !v.is_finite()) {
        return Err(Error::shape("potential", format!("Φ({i}) is not finite")));
    }
    let mut out = r.to_transition();
    for (row_i, row) in out.data.chunks_exact_mut(n_s).enumerate() {
        let s = row_i / r.n_actions;
        for (x, v) in row.iter_mut().enumerate() {
            *v += gamma * phi[x] - phi[s];
        }
    }
    Ok(out)
}

/// An S'-redistribution built from any `Z(s,a,s')`: `X = Z − E_{S'~T(s,a)}[Z(s,a,S')]`, so
/// that `Σ_{s'} T(s,a,s') X(s,a,s') = 0` for every `(s, a)`.
pub fn redistribution(z: &Reward, mdp: &Mdp) -> Result<Reward> {
    z.check_fits(mdp, "redistribution")?;
    let mean = z.expected(mdp);
    let mut out = z.to_transition();
    let n_s = mdp.n_states();
    for (r, row) in out.data.chunks_exact_mut(n_s).enumerate() {
        for v in row.iter_mut() {
            *v -= mean[r];
        }
    }
    Ok(out)
}

/// `R + X` where `X` is the S'-redistribution of `Z` ([`redistribution`]): the expected
/// reward of every `(s, a)`, hence every policy's value, is unchanged.
pub fn redistribute(r: &Reward, z: &Reward, mdp: &Mdp) -> Result<Reward> {
    r.check_fits(mdp, "reward")?;
    let x = redistribution(z, mdp)?;
    let mut out = r.to_transition();
    for (v, d) in out.data.iter_mut().zip(&x.data) {
        *v += d;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mdp() -> Mdp {
        Mdp::from_dense(2, 2, 0.9, &[0.8, 0.2, 0.1, 0.9, 0.5, 0.5, 1.0, 0.0], None).unwrap()
    }

    #[test]
    fn kinds_by_depth() {
        let m = mdp();
        let r = Reward::from_json_str(r#"{"reward": [1, 2]}"#, "r", &m).unwrap();
        assert_eq!(r.kind(), RewardKind::State);
        assert_eq!(r.get(1, 0, 1), 2.0);
        let r = Reward::from_json_str(r#"{"reward": [[1, 2], [3, 4]]}"#, "r", &m).unwrap();
        assert_eq!(r.kind(), RewardKind::StateAction);
        assert_eq!(r.get(1, 0, 0), 3.0);
        let r = Reward::from_json_str(
            r#"{"reward": [[[1, 0], [0, 2]], [[0.5, -1], [3, 0]]]}"#,
            "r",
            &m,
        )
        .unwrap();
        assert_eq!(r.get(1, 1, 0), 3.0);
        let back = Reward::from_json_str(&r.to_json().to_string(), "r", &m).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn shape_errors_name_the_file_and_index() {
        let m = mdp();
        let e = Reward::from_json_str(r#"{"reward": [[1, 2], [3]]}"#, "B.json", &m).unwrap_err();
        assert_eq!(
            e.to_string(),
            "B.json: reward[1] has 1 actions, the MDP has 2"
        );
        let e = Reward::from_json_str(r#"{"reward": [1, 2, 3]}"#, "B.json", &m).unwrap_err();
        assert!(e.to_string().contains("3 states, the MDP has 2"), "{e}");
        let e = Reward::from_json_str(r#"{"rewards": [1, 2]}"#, "B.json", &m).unwrap_err();
        assert!(e.to_string().contains("unknown field `rewards`"), "{e}");
    }

    #[test]
    fn redistribution_keeps_expected_reward() {
        let m = mdp();
        let r = Reward::from_fn(2, 2, |s, a, x| (s + 2 * a + 3 * x) as f64).unwrap();
        let z = Reward::from_fn(2, 2, |_, _, x| x as f64 * 7.0).unwrap();
        let r2 = redistribute(&r, &z, &m).unwrap();
        for (a, b) in r.expected(&m).iter().zip(r2.expected(&m)) {
            assert!((a - b).abs() < 1e-12);
        }
        assert_ne!(r, r2);
    }
}
