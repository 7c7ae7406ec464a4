//! Variational Preference Learning (VPL; Poddar, Wan, Ivison, Gupta, Jaques, "Personalizing
//! RLHF with Variational Preference Learning", NeurIPS 2024, arXiv 2408.10075): a reward
//! conditioned on a latent user variable z inferred from a few of that user's labelled pairs.
//!
//! On fixed embeddings e(x, y) ∈ R^D (the featurizer's vectors), with latent size d and hidden
//! size H:
//!
//! 1. Pair encoder: g_i = MLP([e_c^i ; e_r^i]) (2D → H → d, LeakyReLU 0.2) for each of the N
//!    context pairs of one user (chosen first, so the label is implicit).
//! 2. Set encoder: single-head self-attention, q = W_q g, k = W_k g, v = W_v g,
//!    A = softmax(q kᵀ/√d), o = mean_i (A v)_i; μ = W_μ o, log σ² = W_s o, both clamped to [−1, 1].
//! 3. Sample (training): z = normalise(μ + σ ⊙ ε) · √d, ε ~ N(0, I); evaluation: z = μ.
//! 4. Reward decoder: r(x, y, z) = MLP([e(x, y) ; z]) ((D + d) → H → 1, LeakyReLU 0.2).
//! 5. Loss (negative ELBO) of one user episode: mean over the target pairs of
//!    −log σ(r(y_c, z) − r(y_r, z)) + β · a(t) · KL, KL = −½ Σ_j (1 + log σ²_j − μ_j² − σ²_j),
//!    with the cyclical cosine annealer a(t) = (cos(π(c − 1)) + 1)/2 · 0.9 + 0.1,
//!    c = (t mod T)/T (T = 10⁴ steps).
//!
//! Defaults as the reference code (`WEIRDLabUW/vpl_llm`, `hidden_context/vae_utils.py`): β =
//! `kl_loss_weight` = 0.01, annealing on with period 10⁴. Deviations, for a head on CPU:
//! the MLPs have one hidden layer instead of two, d = 8 and H = 32 by default instead of 512,
//! and the context pairs of a training episode are drawn once (the noise ε is fresh every step).
//! Without a context (the `learned` reward in a pipeline, `prefs score`), z is the prior mean 0.

use crate::features::Feat;
use crate::head::{Fwd, Head, HeadKind};
use crate::loss::{log_sigmoid, normalise, normalise_backward, sigmoid};
use crate::rng::{Random, Rng};
use crate::train::Objective;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The sizes of a VPL model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VplShape {
    /// Feature dimension D.
    pub d_in: usize,
    /// Latent dimension d.
    pub latent: usize,
    /// Hidden units H of both MLPs.
    pub hidden: usize,
}

/// Offsets of the parts in the flat parameter vector.
struct Offsets {
    wq: usize,
    wk: usize,
    wv: usize,
    wmu: usize,
    ws: usize,
    dec: usize,
    end: usize,
}

/// Everything the backward pass needs from encoding one context.
#[derive(Debug, Clone)]
pub struct Encoded {
    xs: Vec<Feat>,
    fw: Vec<Fwd>,
    g: Vec<Vec<f64>>,
    q: Vec<Vec<f64>>,
    k: Vec<Vec<f64>>,
    v: Vec<Vec<f64>>,
    a: Vec<Vec<f64>>,
    o: Vec<f64>,
    mu_raw: Vec<f64>,
    ls_raw: Vec<f64>,
    /// The posterior mean (clamped).
    pub mu: Vec<f64>,
    /// The posterior log-variance (clamped).
    pub logvar: Vec<f64>,
}

fn matvec(w: &[f64], x: &[f64]) -> Vec<f64> {
    w.chunks_exact(x.len())
        .map(|row| row.iter().zip(x).map(|(a, b)| a * b).sum())
        .collect()
}

/// g += Wᵀ d; dW += d ⊗ x.
fn matvec_back(w: &[f64], x: &[f64], d: &[f64], dw: &mut [f64], dx: &mut [f64]) {
    let n = x.len();
    for (i, &di) in d.iter().enumerate() {
        for j in 0..n {
            dw[i * n + j] += di * x[j];
            dx[j] += di * w[i * n + j];
        }
    }
}

/// [c ; r] as one sparse vector of dimension 2D.
fn concat(c: &Feat, r: &Feat, d: usize) -> Feat {
    let mut idx = c.idx.clone();
    idx.extend(r.idx.iter().map(|i| i + d as u32));
    let mut val = c.val.clone();
    val.extend_from_slice(&r.val);
    Feat { idx, val }
}

/// [x ; z] as one vector of dimension D + d.
fn with_z(x: &Feat, z: &[f64], d: usize) -> Feat {
    let mut idx = x.idx.clone();
    idx.extend((0..z.len()).map(|j| (d + j) as u32));
    let mut val = x.val.clone();
    val.extend_from_slice(z);
    Feat { idx, val }
}

fn clamp_unit(x: f64) -> f64 {
    x.clamp(-1.0, 1.0)
}

/// The cyclical cosine annealer of the reference code (period `t_max`; 0: always 1).
pub fn anneal(step: u64, t_max: u64) -> f64 {
    if t_max == 0 {
        return 1.0;
    }
    let c = (step % t_max) as f64 / t_max as f64;
    ((std::f64::consts::PI * (c - 1.0)).cos() + 1.0) / 2.0 * 0.9 + 0.1
}

/// KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²).
pub fn kl(mu: &[f64], logvar: &[f64]) -> f64 {
    -0.5 * mu
        .iter()
        .zip(logvar)
        .map(|(m, l)| 1.0 + l - m * m - l.exp())
        .sum::<f64>()
}

impl VplShape {
    /// The pair encoder's head.
    pub fn enc(&self) -> Head {
        Head {
            kind: HeadKind::Mlp {
                hidden: self.hidden,
            },
            d_in: 2 * self.d_in,
            d_out: self.latent,
            bias: true,
        }
    }

    /// The reward decoder's head.
    pub fn dec(&self) -> Head {
        Head {
            kind: HeadKind::Mlp {
                hidden: self.hidden,
            },
            d_in: self.d_in + self.latent,
            d_out: 1,
            bias: true,
        }
    }

    fn off(&self) -> Offsets {
        let l2 = self.latent * self.latent;
        let wq = self.enc().n_params();
        let dec = wq + 5 * l2;
        Offsets {
            wq,
            wk: wq + l2,
            wv: wq + 2 * l2,
            wmu: wq + 3 * l2,
            ws: wq + 4 * l2,
            dec,
            end: dec + self.dec().n_params(),
        }
    }

    /// Number of parameters.
    pub fn n_params(&self) -> usize {
        self.off().end
    }

    /// Fresh parameters: MLP first layers N(0, 1), attention and posterior maps N(0, 1/d).
    pub fn init(&self, rng: &mut Rng) -> Vec<f64> {
        let o = self.off();
        let mut p = self.enc().init(rng, 1.0);
        let s = 1.0 / (self.latent as f64).sqrt();
        p.extend((o.wq..o.dec).map(|_| s * rng.normal()));
        p.extend(self.dec().init(rng, 1.0));
        p
    }

    /// Named tensors `(name, shape, offset, feature_major)` (see [`crate::head::Tensor`]).
    pub fn tensors(&self) -> Vec<(String, Vec<usize>, usize, bool)> {
        let o = self.off();
        let l = self.latent;
        let mut t: Vec<(String, Vec<usize>, usize, bool)> = self
            .enc()
            .tensors()
            .into_iter()
            .map(|t| {
                (
                    format!("enc.{}", t.name),
                    t.shape,
                    t.offset,
                    t.feature_major,
                )
            })
            .collect();
        for (n, off) in [
            ("wq", o.wq),
            ("wk", o.wk),
            ("wv", o.wv),
            ("wmu", o.wmu),
            ("ws", o.ws),
        ] {
            t.push((format!("attn.{n}"), vec![l, l], off, false));
        }
        t.extend(self.dec().tensors().into_iter().map(|t| {
            (
                format!("dec.{}", t.name),
                t.shape,
                t.offset + o.dec,
                t.feature_major,
            )
        }));
        t
    }

    /// Encodes a user's context pairs `(chosen, rejected)` into the posterior.
    pub fn encode(&self, p: &[f64], ctx: &[(&Feat, &Feat)]) -> Encoded {
        let o = self.off();
        let l = self.latent;
        let enc = self.enc();
        let pe = &p[..o.wq];
        let xs: Vec<Feat> = ctx.iter().map(|(c, r)| concat(c, r, self.d_in)).collect();
        let fw: Vec<Fwd> = xs.iter().map(|x| enc.forward(pe, x)).collect();
        let g: Vec<Vec<f64>> = fw.iter().map(|f| f.out.clone()).collect();
        let mv = |off: usize, x: &[f64]| matvec(&p[off..off + l * l], x);
        let q: Vec<Vec<f64>> = g.iter().map(|x| mv(o.wq, x)).collect();
        let k: Vec<Vec<f64>> = g.iter().map(|x| mv(o.wk, x)).collect();
        let v: Vec<Vec<f64>> = g.iter().map(|x| mv(o.wv, x)).collect();
        let scale = 1.0 / (l as f64).sqrt();
        let a: Vec<Vec<f64>> = q
            .iter()
            .map(|qi| {
                let s: Vec<f64> = k
                    .iter()
                    .map(|kj| scale * qi.iter().zip(kj).map(|(x, y)| x * y).sum::<f64>())
                    .collect();
                let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let e: Vec<f64> = s.iter().map(|x| (x - m).exp()).collect();
                let z: f64 = e.iter().sum();
                e.iter().map(|x| x / z).collect()
            })
            .collect();
        let n = ctx.len().max(1) as f64;
        let mut ov = vec![0.0; l];
        for ai in &a {
            for (j, vj) in v.iter().enumerate() {
                for t in 0..l {
                    ov[t] += ai[j] * vj[t] / n;
                }
            }
        }
        let mu_raw = mv(o.wmu, &ov);
        let ls_raw = mv(o.ws, &ov);
        Encoded {
            mu: mu_raw.iter().map(|&x| clamp_unit(x)).collect(),
            logvar: ls_raw.iter().map(|&x| clamp_unit(x)).collect(),
            xs,
            fw,
            g,
            q,
            k,
            v,
            a,
            o: ov,
            mu_raw,
            ls_raw,
        }
    }

    /// Backward through the set and pair encoders, given ∂L/∂μ and ∂L/∂log σ² (after the clamp).
    // Indices as in the formulas (A_ij, dS_ij): clearer than iterator chains here.
    #[allow(clippy::needless_range_loop)]
    fn encode_backward(&self, p: &[f64], e: &Encoded, dmu: &[f64], dls: &[f64], grad: &mut [f64]) {
        let o = self.off();
        let l = self.latent;
        let gate = |raw: &[f64], d: &[f64]| -> Vec<f64> {
            raw.iter()
                .zip(d)
                .map(|(r, d)| if r.abs() < 1.0 { *d } else { 0.0 })
                .collect()
        };
        let (dmu, dls) = (gate(&e.mu_raw, dmu), gate(&e.ls_raw, dls));
        let mut d_o = vec![0.0; l];
        {
            let (w, dw) = (&p[o.wmu..o.ws], &mut grad[o.wmu..o.ws]);
            matvec_back(w, &e.o, &dmu, dw, &mut d_o);
        }
        {
            let (w, dw) = (&p[o.ws..o.dec], &mut grad[o.ws..o.dec]);
            matvec_back(w, &e.o, &dls, dw, &mut d_o);
        }
        let n = e.g.len();
        let nf = n.max(1) as f64;
        let scale = 1.0 / (l as f64).sqrt();
        let d_oi: Vec<f64> = d_o.iter().map(|x| x / nf).collect();
        let mut dq = vec![vec![0.0; l]; n];
        let mut dk = vec![vec![0.0; l]; n];
        let mut dv = vec![vec![0.0; l]; n];
        for i in 0..n {
            let da: Vec<f64> =
                e.v.iter()
                    .map(|vj| vj.iter().zip(&d_oi).map(|(a, b)| a * b).sum())
                    .collect();
            for j in 0..n {
                for t in 0..l {
                    dv[j][t] += e.a[i][j] * d_oi[t];
                }
            }
            let dot: f64 = e.a[i].iter().zip(&da).map(|(a, b)| a * b).sum();
            for j in 0..n {
                let ds = e.a[i][j] * (da[j] - dot) * scale;
                for t in 0..l {
                    dq[i][t] += ds * e.k[j][t];
                    dk[j][t] += ds * e.q[i][t];
                }
            }
        }
        let enc = self.enc();
        for i in 0..n {
            let mut dg = vec![0.0; l];
            for (off, d) in [(o.wq, &dq[i]), (o.wk, &dk[i]), (o.wv, &dv[i])] {
                let w = &p[off..off + l * l];
                let dw = &mut grad[off..off + l * l];
                matvec_back(w, &e.g[i], d, dw, &mut dg);
            }
            let (pe, ge) = (&p[..o.wq], &mut grad[..o.wq]);
            enc.backward(pe, &e.xs[i], &e.fw[i], &dg, ge);
        }
    }

    /// r(x, y, z).
    pub fn reward(&self, p: &[f64], x: &Feat, z: &[f64]) -> f64 {
        let o = self.off();
        self.dec()
            .forward(&p[o.dec..], &with_z(x, z, self.d_in))
            .out[0]
    }

    /// P(chosen ≻ rejected | z).
    pub fn prob(&self, p: &[f64], c: &Feat, r: &Feat, z: &[f64]) -> f64 {
        sigmoid(self.reward(p, c, z) - self.reward(p, r, z))
    }
}

/// One training episode: a user's context pairs and target pairs (indices into the pairs).
#[derive(Debug, Clone)]
pub struct Episode {
    /// Context pairs (encoded into z).
    pub ctx: Vec<usize>,
    /// Target pairs (scored with z).
    pub tgt: Vec<usize>,
}

/// The negative ELBO over user episodes.
#[derive(Debug)]
pub struct VplObjective {
    /// Sizes.
    pub shape: VplShape,
    /// Features of the chosen responses, per pair.
    pub chosen: Vec<Arc<Feat>>,
    /// Features of the rejected responses, per pair.
    pub rejected: Vec<Arc<Feat>>,
    /// The episodes (the training examples).
    pub episodes: Vec<Episode>,
    /// KL weight β.
    pub beta: f64,
    /// Annealing period T in steps (0: no annealing).
    pub anneal_period: u64,
    /// Seed of the noise ε.
    pub seed: u64,
    /// The optimiser step (set by the trainer).
    pub step: AtomicU64,
}

impl Objective for VplObjective {
    fn n_params(&self) -> usize {
        self.shape.n_params()
    }

    fn begin_step(&self, t: u64) {
        self.step.store(t, Ordering::Relaxed);
    }

    fn example(&self, p: &[f64], i: usize, grad: Option<&mut [f64]>) -> f64 {
        let sh = &self.shape;
        let (l, d) = (sh.latent, sh.d_in);
        let ep = &self.episodes[i];
        let ctx: Vec<(&Feat, &Feat)> = ep
            .ctx
            .iter()
            .map(|&j| (&*self.chosen[j], &*self.rejected[j]))
            .collect();
        let e = sh.encode(p, &ctx);
        let step = self.step.load(Ordering::Relaxed);
        let mut rng = Rng::new(
            self.seed ^ 0x0E95,
            step.wrapping_mul(1_000_003).wrapping_add(i as u64),
        );
        let eps: Vec<f64> = (0..l).map(|_| rng.normal()).collect();
        let sigma: Vec<f64> = e.logvar.iter().map(|x| (0.5 * x).exp()).collect();
        let u: Vec<f64> = (0..l).map(|j| e.mu[j] + sigma[j] * eps[j]).collect();
        let (uhat, nu) = normalise(&u);
        let root = (l as f64).sqrt();
        let z: Vec<f64> = uhat.iter().map(|x| x * root).collect();
        let o = sh.off();
        let dec = sh.dec();
        let pd = &p[o.dec..];
        let nt = ep.tgt.len().max(1) as f64;
        let mut loss = 0.0;
        let mut dz = vec![0.0; l];
        let mut grad = grad;
        for &t in &ep.tgt {
            let (xc, xr) = (
                with_z(&self.chosen[t], &z, d),
                with_z(&self.rejected[t], &z, d),
            );
            let (fc, fr) = (dec.forward(pd, &xc), dec.forward(pd, &xr));
            let delta = fc.out[0] - fr.out[0];
            loss -= log_sigmoid(delta) / nt;
            if let Some(g) = grad.as_deref_mut() {
                let dd = -sigmoid(-delta) / nt;
                dec.backward(pd, &xc, &fc, &[dd], &mut g[o.dec..]);
                dec.backward(pd, &xr, &fr, &[-dd], &mut g[o.dec..]);
                let gc = dec.input_grad(pd, &fc, &[dd], d, l);
                let gr = dec.input_grad(pd, &fr, &[-dd], d, l);
                for j in 0..l {
                    dz[j] += gc[j] + gr[j];
                }
            }
        }
        let w = self.beta * anneal(step, self.anneal_period);
        loss += w * kl(&e.mu, &e.logvar);
        if let Some(g) = grad {
            let dzs: Vec<f64> = dz.iter().map(|x| x * root).collect();
            let du = normalise_backward(&uhat, nu, &dzs);
            let dmu: Vec<f64> = (0..l).map(|j| du[j] + w * e.mu[j]).collect();
            let dls: Vec<f64> = (0..l)
                .map(|j| du[j] * eps[j] * 0.5 * sigma[j] - w * 0.5 * (1.0 - e.logvar[j].exp()))
                .collect();
            sh.encode_backward(p, &e, &dmu, &dls, g);
        }
        loss
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> (VplObjective, Vec<f64>) {
        let shape = VplShape {
            d_in: 3,
            latent: 2,
            hidden: 3,
        };
        let mut rng = Rng::new(5, 0);
        let f = |rng: &mut Rng| Arc::new(Feat::dense((0..3).map(|_| rng.normal()).collect()));
        let chosen: Vec<_> = (0..5).map(|_| f(&mut rng)).collect();
        let rejected: Vec<_> = (0..5).map(|_| f(&mut rng)).collect();
        let mut p = shape.init(&mut rng);
        // Keep μ and log σ² inside the clamp (away from its kinks).
        let o = shape.off();
        for x in &mut p[o.wmu..o.dec] {
            *x *= 0.1;
        }
        let obj = VplObjective {
            shape,
            chosen,
            rejected,
            episodes: vec![Episode {
                ctx: vec![0, 1, 2],
                tgt: vec![2, 3, 4],
            }],
            beta: 0.5,
            anneal_period: 10,
            seed: 1,
            step: AtomicU64::new(3),
        };
        (obj, p)
    }

    #[test]
    fn elbo_gradient_matches_finite_differences() {
        let (obj, p) = tiny();
        let mut g = vec![0.0; p.len()];
        obj.example(&p, 0, Some(&mut g));
        for i in 0..p.len() {
            let mut q = p.clone();
            q[i] += 1e-6;
            let up = obj.example(&q, 0, None);
            q[i] -= 2e-6;
            let fd = (up - obj.example(&q, 0, None)) / 2e-6;
            assert!(
                (fd - g[i]).abs() < 1e-5 * (1.0 + fd.abs()),
                "param {i}: fd {fd} vs {}",
                g[i]
            );
        }
    }

    #[test]
    fn encoder_is_permutation_invariant_and_kl_vanishes_at_the_prior() {
        let (obj, p) = tiny();
        let c = |i: usize| (&*obj.chosen[i], &*obj.rejected[i]);
        let a = obj.shape.encode(&p, &[c(0), c(1), c(2)]);
        let b = obj.shape.encode(&p, &[c(2), c(0), c(1)]);
        for (x, y) in a.mu.iter().zip(&b.mu).chain(a.logvar.iter().zip(&b.logvar)) {
            assert!((x - y).abs() < 1e-12);
        }
        assert_eq!(kl(&[0.0, 0.0], &[0.0, 0.0]), 0.0);
        assert!(kl(&[0.5, 0.0], &[0.0, 0.0]) > 0.0);
        assert!((anneal(0, 10_000) - 0.1).abs() < 1e-12);
        assert!((anneal(5_000, 10_000) - 0.55).abs() < 1e-12);
        assert_eq!(anneal(7, 0), 1.0);
    }
}
