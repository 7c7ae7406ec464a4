//! Heads: small networks from a feature vector to `d_out` numbers, with hand-written
//! gradients. Parameters live in one flat `Vec<f64>` (so that the optimiser, the gradient
//! checks and the model file treat every head alike); [`Head::tensors`] names its parts.
//!
//! - `linear`: y = W x (+ b), W: `d_out × d_in`.
//! - `mlp`: y = W₂ LeakyReLU₀.₂(W₁ x + b₁) (+ b₂), W₁: `hidden × d_in`.
//!
//! The first layer (W, or W₁) is stored feature-major in memory: the `d_out` (or `hidden`)
//! weights of input column j are contiguous at `j·rows..(j+1)·rows`, so that a sparse input
//! reads and writes one short run per non-zero feature. Files keep the usual `[rows, d_in]`
//! layout ([`Tensor::feature_major`] says which tensors to transpose).
//!
//! Initialisation (features are L2-normalised, so the first layer's pre-activations have the
//! standard deviation of its weights): first-layer weights ~ N(0, `init_std`²), second-layer
//! weights ~ N(0, 1/hidden), biases 0.

use crate::features::Feat;
use crate::rng::{Random, Rng};
use serde::{Deserialize, Serialize};

/// The slope of LeakyReLU for negative inputs (as VPL's reference MLPs).
pub const LEAKY: f64 = 0.2;

/// The architecture of a head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HeadKind {
    /// One linear layer.
    Linear,
    /// Two layers with a LeakyReLU(0.2) between.
    Mlp {
        /// Hidden units.
        hidden: usize,
    },
}

/// The shape of a head (its parameters are a separate flat slice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Architecture.
    pub kind: HeadKind,
    /// Input dimension.
    pub d_in: usize,
    /// Output dimension.
    pub d_out: usize,
    /// Whether the output layer has a bias (GPM's value head has none).
    pub bias: bool,
}

/// Intermediate values of a forward pass, needed by the backward pass.
#[derive(Debug, Clone, Default)]
pub struct Fwd {
    /// Hidden pre-activations (MLP).
    pub pre: Vec<f64>,
    /// Hidden activations (MLP).
    pub act: Vec<f64>,
    /// Outputs.
    pub out: Vec<f64>,
}

/// `out[r] += Σ_k val_k · w[idx_k · rows + r]` for `r < rows` (a feature-major first layer
/// times a sparse input). Rows go in blocks of 8 held in registers; each `out[r]` still adds
/// the features in order, so the result is that of the plain loop.
#[inline]
pub(crate) fn gather(w: &[f64], rows: usize, idx: &[u32], val: &[f64], out: &mut [f64]) {
    let mut b = 0;
    while b + 8 <= rows {
        let mut acc = [0.0f64; 8];
        acc.copy_from_slice(&out[b..b + 8]);
        for (&j, &v) in idx.iter().zip(val) {
            let o = j as usize * rows + b;
            for (a, c) in acc.iter_mut().zip(&w[o..o + 8]) {
                *a += c * v;
            }
        }
        out[b..b + 8].copy_from_slice(&acc);
        b += 8;
    }
    for (r, o) in out.iter_mut().enumerate().take(rows).skip(b) {
        for (&j, &v) in idx.iter().zip(val) {
            *o += w[j as usize * rows + r] * v;
        }
    }
}

/// `g[(idx_k − first) · rows + r] += d_r · val_k` for `r < rows` (the first layer's gradient
/// `d ⊗ x`, feature-major, for the columns from `first`). `d` goes in blocks of 8 held in
/// registers; every entry gets one addition per input, as in the plain loop.
#[inline]
pub(crate) fn scatter(g: &mut [f64], rows: usize, first: u32, idx: &[u32], val: &[f64], d: &[f64]) {
    let mut b = 0;
    while b + 8 <= rows {
        let mut db = [0.0f64; 8];
        db.copy_from_slice(&d[b..b + 8]);
        for (&j, &v) in idx.iter().zip(val) {
            let o = (j - first) as usize * rows + b;
            for (gk, dk) in g[o..o + 8].iter_mut().zip(&db) {
                *gk += dk * v;
            }
        }
        b += 8;
    }
    for (r, &dr) in d.iter().enumerate().take(rows).skip(b) {
        for (&j, &v) in idx.iter().zip(val) {
            g[(j - first) as usize * rows + r] += dr * v;
        }
    }
}

/// A named part of a head's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tensor {
    /// Name in the model file.
    pub name: &'static str,
    /// Shape in the model file (row-major).
    pub shape: Vec<usize>,
    /// Offset in the flat parameter vector.
    pub offset: usize,
    /// Stored transposed in memory (`shape` reversed): the first layer, feature-major.
    pub feature_major: bool,
}

fn leaky(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        LEAKY * x
    }
}

impl Head {
    /// Number of parameters.
    pub fn n_params(&self) -> usize {
        let b = if self.bias { self.d_out } else { 0 };
        match self.kind {
            HeadKind::Linear => self.d_out * self.d_in + b,
            HeadKind::Mlp { hidden } => hidden * self.d_in + hidden + self.d_out * hidden + b,
        }
    }

    /// The first layer's layout for sparse training: `rows × d_in`, feature-major at offset 0
    /// (the linear head's `w`, the MLP's `w1`).
    pub fn sparse_rows(&self) -> crate::train::SparseRows {
        let rows = match self.kind {
            HeadKind::Linear => self.d_out,
            HeadKind::Mlp { hidden } => hidden,
        };
        crate::train::SparseRows {
            rows,
            cols: self.d_in,
        }
    }

    /// Fresh parameters.
    pub fn init(&self, rng: &mut Rng, init_std: f64) -> Vec<f64> {
        let mut p = vec![0.0; self.n_params()];
        match self.kind {
            HeadKind::Linear => {
                // Drawn row by row (the file order), stored feature-major.
                for r in 0..self.d_out {
                    for j in 0..self.d_in {
                        p[j * self.d_out + r] = init_std * rng.normal();
                    }
                }
            }
            HeadKind::Mlp { hidden } => {
                let n1 = hidden * self.d_in;
                for r in 0..hidden {
                    for j in 0..self.d_in {
                        p[j * hidden + r] = init_std * rng.normal();
                    }
                }
                let o2 = n1 + hidden;
                let s2 = 1.0 / (hidden as f64).sqrt();
                for w in &mut p[o2..o2 + self.d_out * hidden] {
                    *w = s2 * rng.normal();
                }
            }
        }
        p
    }

    /// The named tensors of `params`.
    pub fn tensors(&self) -> Vec<Tensor> {
        let mut t = Vec::new();
        let rows = self.sparse_rows().rows;
        let n1 = rows * self.d_in;
        let first = |name| Tensor {
            name,
            shape: vec![rows, self.d_in],
            offset: 0,
            feature_major: true,
        };
        let dense = |name, shape, offset| Tensor {
            name,
            shape,
            offset,
            feature_major: false,
        };
        match self.kind {
            HeadKind::Linear => {
                t.push(first("w"));
                if self.bias {
                    t.push(dense("b", vec![self.d_out], n1));
                }
            }
            HeadKind::Mlp { hidden } => {
                t.push(first("w1"));
                t.push(dense("b1", vec![hidden], n1));
                t.push(dense("w2", vec![self.d_out, hidden], n1 + hidden));
                if self.bias {
                    t.push(dense(
                        "b2",
                        vec![self.d_out],
                        n1 + hidden + self.d_out * hidden,
                    ));
                }
            }
        }
        t
    }

    /// `out[r] += Σ_j x_j W(r, j)` over the first layer (feature-major `w`).
    #[inline]
    fn first_forward(&self, w: &[f64], x: &Feat, out: &mut [f64]) {
        gather(w, out.len(), &x.idx, &x.val, out);
    }

    /// `grad(r, j) += d_r x_j` over the first layer (feature-major `grad`).
    #[inline]
    fn first_backward(&self, x: &Feat, d: &[f64], grad: &mut [f64]) {
        scatter(grad, d.len(), 0, &x.idx, &x.val, d);
    }

    /// Forward pass.
    pub fn forward(&self, p: &[f64], x: &Feat) -> Fwd {
        match self.kind {
            HeadKind::Linear => {
                let (w, b) = p.split_at(self.d_out * self.d_in);
                let mut out = vec![0.0; self.d_out];
                self.first_forward(w, x, &mut out);
                if self.bias {
                    out.iter_mut().zip(b).for_each(|(o, b)| *o += b);
                }
                Fwd {
                    out,
                    ..Fwd::default()
                }
            }
            HeadKind::Mlp { hidden } => {
                let n1 = hidden * self.d_in;
                let (w1, rest) = p.split_at(n1);
                let (b1, rest) = rest.split_at(hidden);
                let (w2, b2) = rest.split_at(self.d_out * hidden);
                let mut pre = vec![0.0; hidden];
                self.first_forward(w1, x, &mut pre);
                pre.iter_mut().zip(b1).for_each(|(z, b)| *z += b);
                let act: Vec<f64> = pre.iter().map(|&z| leaky(z)).collect();
                let out = (0..self.d_out)
                    .map(|o| {
                        let row = &w2[o * hidden..(o + 1) * hidden];
                        row.iter().zip(&act).map(|(a, b)| a * b).sum::<f64>()
                            + if self.bias { b2[o] } else { 0.0 }
                    })
                    .collect();
                Fwd { pre, act, out }
            }
        }
    }

    /// Backward pass: adds ∂L/∂params to `grad`, given ∂L/∂out = `dout`.
    pub fn backward(&self, p: &[f64], x: &Feat, f: &Fwd, dout: &[f64], grad: &mut [f64]) {
        let n1 = self.sparse_rows().rows * self.d_in;
        let (first, tail) = grad.split_at_mut(n1);
        let dz = self.backward_tail(p, f, dout, tail);
        if dz.iter().any(|&d| d != 0.0) {
            self.first_backward(x, &dz, first);
        }
    }

    /// The backward pass without the first layer's weights: adds ∂L/∂params of every
    /// parameter after the first layer to `tail` (`grad[rows·d_in..]`), and returns ∂L/∂z of
    /// the first layer's outputs z (the first layer's gradient is then `dz ⊗ x`).
    pub fn backward_tail(&self, p: &[f64], f: &Fwd, dout: &[f64], tail: &mut [f64]) -> Vec<f64> {
        match self.kind {
            HeadKind::Linear => {
                if self.bias {
                    for (g, d) in tail[..self.d_out].iter_mut().zip(dout) {
                        *g += d;
                    }
                }
                dout.to_vec()
            }
            HeadKind::Mlp { hidden } => {
                let n1 = hidden * self.d_in;
                let w2 = &p[n1 + hidden..n1 + hidden + self.d_out * hidden];
                // tail: b1 (hidden), w2 (d_out × hidden), b2 (d_out).
                let (gb1, rest) = tail.split_at_mut(hidden);
                let (gw2, gb2) = rest.split_at_mut(self.d_out * hidden);
                let mut dact = vec![0.0; hidden];
                for (o, &d) in dout.iter().enumerate() {
                    if d == 0.0 {
                        continue;
                    }
                    for h in 0..hidden {
                        gw2[o * hidden + h] += d * f.act[h];
                        dact[h] += d * w2[o * hidden + h];
                    }
                    if self.bias {
                        gb2[o] += d;
                    }
                }
                let dz: Vec<f64> = dact
                    .iter()
                    .zip(&f.pre)
                    .map(|(d, &z)| d * if z > 0.0 { 1.0 } else { LEAKY })
                    .collect();
                for (g, d) in gb1.iter_mut().zip(&dz) {
                    *g += d;
                }
                dz
            }
        }
    }
}

impl Head {
    /// ∂⟨dout, out⟩/∂x for the input indices `start..start + len` (dense): how the outputs
    /// move with a dense tail of the input (VPL's latent z).
    pub fn input_grad(
        &self,
        p: &[f64],
        f: &Fwd,
        dout: &[f64],
        start: usize,
        len: usize,
    ) -> Vec<f64> {
        let mut g = vec![0.0; len];
        match self.kind {
            HeadKind::Linear => {
                let rows = self.d_out;
                for (jj, a) in g.iter_mut().enumerate() {
                    let col = &p[(start + jj) * rows..(start + jj + 1) * rows];
                    *a += dout.iter().zip(col).map(|(d, w)| d * w).sum::<f64>();
                }
            }
            HeadKind::Mlp { hidden } => {
                let o2 = hidden * self.d_in + hidden;
                for h in 0..hidden {
                    let dact: f64 = dout
                        .iter()
                        .enumerate()
                        .map(|(o, &d)| d * p[o2 + o * hidden + h])
                        .sum();
                    let dz = dact * if f.pre[h] > 0.0 { 1.0 } else { LEAKY };
                    for (jj, a) in g.iter_mut().enumerate() {
                        *a += dz * p[(start + jj) * hidden + h];
                    }
                }
            }
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ∂(c·out)/∂p by the backward pass against central finite differences.
    fn check(head: Head, seed: u64) {
        let mut rng = Rng::new(seed, 0);
        let mut p = head.init(&mut rng, 0.7);
        for v in p.iter_mut() {
            *v += 0.1 * rng.normal(); // non-zero biases too
        }
        let x = Feat {
            idx: vec![0, 2, 3],
            val: vec![0.5, -0.8, 0.3],
        };
        let c: Vec<f64> = (0..head.d_out).map(|_| rng.normal()).collect();
        let f = |p: &[f64]| -> f64 {
            head.forward(p, &x)
                .out
                .iter()
                .zip(&c)
                .map(|(a, b)| a * b)
                .sum()
        };
        let fw = head.forward(&p, &x);
        let mut g = vec![0.0; p.len()];
        head.backward(&p, &x, &fw, &c, &mut g);
        for i in 0..p.len() {
            let h = 1e-6;
            let mut q = p.clone();
            q[i] += h;
            let up = f(&q);
            q[i] -= 2.0 * h;
            let fd = (up - f(&q)) / (2.0 * h);
            assert!((fd - g[i]).abs() < 1e-6, "param {i}: fd {fd} vs {}", g[i]);
        }
    }

    #[test]
    fn gradients_match_finite_differences() {
        for bias in [true, false] {
            check(
                Head {
                    kind: HeadKind::Linear,
                    d_in: 4,
                    d_out: 3,
                    bias,
                },
                1,
            );
            check(
                Head {
                    kind: HeadKind::Mlp { hidden: 5 },
                    d_in: 4,
                    d_out: 2,
                    bias,
                },
                2,
            );
        }
    }

    #[test]
    fn input_gradient_matches_finite_differences() {
        for kind in [HeadKind::Linear, HeadKind::Mlp { hidden: 5 }] {
            let head = Head {
                kind,
                d_in: 6,
                d_out: 2,
                bias: true,
            };
            let mut rng = Rng::new(3, 0);
            let p = head.init(&mut rng, 0.8);
            let xs = vec![0.4, -0.3, 0.9, 0.2, -0.7, 0.5];
            let c = [0.7, -1.3];
            let f = |xs: &[f64]| -> f64 {
                let out = head.forward(&p, &Feat::dense(xs.to_vec())).out;
                out[0] * c[0] + out[1] * c[1]
            };
            let fw = head.forward(&p, &Feat::dense(xs.clone()));
            let g = head.input_grad(&p, &fw, &c, 3, 3);
            for j in 0..3 {
                let mut q = xs.clone();
                q[3 + j] += 1e-6;
                let up = f(&q);
                q[3 + j] -= 2e-6;
                assert!(((up - f(&q)) / 2e-6 - g[j]).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn tensors_cover_params() {
        let h = Head {
            kind: HeadKind::Mlp { hidden: 5 },
            d_in: 4,
            d_out: 2,
            bias: true,
        };
        let n: usize = h
            .tensors()
            .iter()
            .map(|t| t.shape.iter().product::<usize>())
            .sum();
        assert_eq!(n, h.n_params());
        let last = h.tensors().last().cloned().unwrap();
        assert_eq!(last.offset + 2, h.n_params());
    }
}
