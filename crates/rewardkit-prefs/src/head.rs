//! Heads: small networks from a feature vector to `d_out` numbers, with hand-written
//! gradients. Parameters live in one flat `Vec<f64>` (so that the optimiser, the gradient
//! checks and the model file treat every head alike); [`Head::tensors`] names its parts.
//!
//! - `linear`: y = W x (+ b), W: `d_out × d_in`.
//! - `mlp`: y = W₂ LeakyReLU₀.₂(W₁ x + b₁) (+ b₂), W₁: `hidden × d_in`.
//!
//! Initialisation (features are L2-normalised, so the first layer's pre-activations have the
//! standard deviation of its weights): first-layer weights ~ N(0, `init_std`²), second-layer
//! weights ~ N(0, 1/hidden), biases 0.

use crate::features::Feat;
use crate::rng::Rng;
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

    /// Fresh parameters.
    pub fn init(&self, rng: &mut Rng, init_std: f64) -> Vec<f64> {
        let mut p = vec![0.0; self.n_params()];
        match self.kind {
            HeadKind::Linear => {
                for w in &mut p[..self.d_out * self.d_in] {
                    *w = init_std * rng.normal();
                }
            }
            HeadKind::Mlp { hidden } => {
                let n1 = hidden * self.d_in;
                for w in &mut p[..n1] {
                    *w = init_std * rng.normal();
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

    /// The named tensors of `params`: `(name, shape, offset)`.
    pub fn tensors(&self) -> Vec<(&'static str, Vec<usize>, usize)> {
        let mut t = Vec::new();
        let mut o = 0;
        let (last_in, off) = match self.kind {
            HeadKind::Linear => (self.d_in, 0),
            HeadKind::Mlp { hidden } => {
                t.push(("w1", vec![hidden, self.d_in], 0));
                o += hidden * self.d_in;
                t.push(("b1", vec![hidden], o));
                o += hidden;
                (hidden, o)
            }
        };
        let name = if matches!(self.kind, HeadKind::Linear) {
            ("w", "b")
        } else {
            ("w2", "b2")
        };
        t.push((name.0, vec![self.d_out, last_in], off));
        if self.bias {
            t.push((name.1, vec![self.d_out], off + self.d_out * last_in));
        }
        t
    }

    /// Forward pass.
    pub fn forward(&self, p: &[f64], x: &Feat) -> Fwd {
        match self.kind {
            HeadKind::Linear => {
                let w = &p[..self.d_out * self.d_in];
                let b = &p[self.d_out * self.d_in..];
                let out = (0..self.d_out)
                    .map(|o| {
                        x.dot(&w[o * self.d_in..(o + 1) * self.d_in])
                            + if self.bias { b[o] } else { 0.0 }
                    })
                    .collect();
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
                let pre: Vec<f64> = (0..hidden)
                    .map(|h| x.dot(&w1[h * self.d_in..(h + 1) * self.d_in]) + b1[h])
                    .collect();
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
        match self.kind {
            HeadKind::Linear => {
                let nw = self.d_out * self.d_in;
                for (o, &d) in dout.iter().enumerate() {
                    if d == 0.0 {
                        continue;
                    }
                    x.axpy(d, &mut grad[o * self.d_in..(o + 1) * self.d_in]);
                    if self.bias {
                        grad[nw + o] += d;
                    }
                }
            }
            HeadKind::Mlp { hidden } => {
                let n1 = hidden * self.d_in;
                let o2 = n1 + hidden;
                let w2 = &p[o2..o2 + self.d_out * hidden];
                let mut dact = vec![0.0; hidden];
                for (o, &d) in dout.iter().enumerate() {
                    if d == 0.0 {
                        continue;
                    }
                    for h in 0..hidden {
                        grad[o2 + o * hidden + h] += d * f.act[h];
                        dact[h] += d * w2[o * hidden + h];
                    }
                    if self.bias {
                        grad[o2 + self.d_out * hidden + o] += d;
                    }
                }
                for h in 0..hidden {
                    let dz = dact[h] * if f.pre[h] > 0.0 { 1.0 } else { LEAKY };
                    if dz == 0.0 {
                        continue;
                    }
                    x.axpy(dz, &mut grad[h * self.d_in..(h + 1) * self.d_in]);
                    grad[n1 + h] += dz;
                }
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
                for (o, &d) in dout.iter().enumerate() {
                    let row = &p[o * self.d_in + start..o * self.d_in + start + len];
                    g.iter_mut().zip(row).for_each(|(a, w)| *a += d * w);
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
                    let row = &p[h * self.d_in + start..h * self.d_in + start + len];
                    g.iter_mut().zip(row).for_each(|(a, w)| *a += dz * w);
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
            .map(|t| t.1.iter().product::<usize>())
            .sum();
        assert_eq!(n, h.n_params());
        let last = h.tensors().last().cloned().unwrap();
        assert_eq!(last.2 + 2, h.n_params());
    }
}
