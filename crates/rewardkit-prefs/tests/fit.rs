//! Each model type recovers a known reward from generated preferences, well above chance.

use rewardkit_prefs::data::{Dataset, Pair, Rating};
use rewardkit_prefs::features::{FeaturizerConfig, HashingConfig, Input};
use rewardkit_prefs::head::HeadKind;
use rewardkit_prefs::loss::{BtLoss, BtVariant, Stat};
use rewardkit_prefs::model::{self, FitOptions, Model, ModelKind, Scoring};
use rewardkit_prefs::rng::{Random, Rng};
use rewardkit_prefs::train::{Optimizer, TrainConfig};
use std::collections::BTreeMap;

const WORDS: usize = 40;

fn word(j: usize) -> String {
    format!("w{j}x")
}

/// A response of 8 random words, and its true reward Σ weight(word).
fn response(rng: &mut Rng, weights: &[f64]) -> (String, f64) {
    let ids: Vec<usize> = (0..8).map(|_| rng.below(WORDS)).collect();
    let text = ids.iter().map(|&j| word(j)).collect::<Vec<_>>().join(" ");
    (text, ids.iter().map(|&j| weights[j]).sum())
}

fn weights(seed: u64) -> Vec<f64> {
    let mut rng = Rng::new(seed, 42);
    (0..WORDS).map(|_| rng.normal()).collect()
}

/// `n` pairs labelled by the true reward; `margin` = |Δ| rounded to 0..=3.
fn pairs(n: usize, seed: u64, w: &[f64]) -> Vec<Pair> {
    let mut rng = Rng::new(seed, 7);
    (0..n)
        .map(|_| {
            let (a, ra) = response(&mut rng, w);
            let (b, rb) = response(&mut rng, w);
            let (chosen, rejected) = if ra >= rb { (a, b) } else { (b, a) };
            Pair {
                prompt: String::new(),
                chosen,
                rejected,
                margin: Some((ra - rb).abs().round().min(3.0)),
                user: None,
            }
        })
        .collect()
}

fn small_hashing() -> FeaturizerConfig {
    FeaturizerConfig::Hashing(HashingConfig {
        dim: 1 << 12,
        word_ngrams: [1, 1],
        char_ngrams: [0, 0],
    })
}

fn opts(model: ModelKind, head: HeadKind) -> FitOptions {
    FitOptions {
        model,
        head,
        featurizer: small_hashing(),
        input: Input::Response,
        train: TrainConfig {
            epochs: 40,
            lr: 0.05,
            weight_decay: 0.0,
            ..TrainConfig::default()
        },
        init_std: None,
        progress: false,
    }
}

fn accuracy(m: &Model, test: &[Pair], s: Scoring) -> f64 {
    let hits = test
        .iter()
        .filter(|p| m.prob(p, None, s).unwrap() > 0.5)
        .count();
    hits as f64 / test.len() as f64
}

fn bt(variant: BtVariant, smoothing: f64, center: f64) -> ModelKind {
    ModelKind::Bt {
        loss: BtLoss {
            variant,
            smoothing,
            center,
        },
    }
}

#[test]
fn bt_family_recovers_a_known_reward() {
    let w = weights(1);
    let train = Dataset::Pairs(pairs(600, 1, &w));
    let test = pairs(300, 2, &w);
    for (name, kind, head) in [
        ("bt linear", bt(BtVariant::Bt, 0.0, 0.0), HeadKind::Linear),
        (
            "bt mlp",
            bt(BtVariant::Bt, 0.0, 0.0),
            HeadKind::Mlp { hidden: 16 },
        ),
        ("margin", bt(BtVariant::Margin, 0.0, 0.0), HeadKind::Linear),
        ("scaled", bt(BtVariant::Scaled, 0.0, 0.0), HeadKind::Linear),
        ("smoothing", bt(BtVariant::Bt, 0.1, 0.0), HeadKind::Linear),
        ("centring", bt(BtVariant::Bt, 0.0, 0.01), HeadKind::Linear),
    ] {
        let m = model::fit(&train, Default::default(), &opts(kind, head)).unwrap();
        let acc = accuracy(&m, &test, Scoring::default());
        assert!(acc > 0.85, "{name}: held-out accuracy {acc}");
    }
}

#[test]
fn centring_pulls_rewards_towards_zero() {
    let w = weights(3);
    let train = Dataset::Pairs(pairs(300, 3, &w));
    let mean_abs_sum = |center: f64| {
        let m = model::fit(
            &train,
            Default::default(),
            &opts(bt(BtVariant::Bt, 0.0, center), HeadKind::Linear),
        )
        .unwrap();
        let ps = train.pairs().unwrap();
        ps.iter()
            .map(|p| {
                let s = Scoring::default();
                (m.reward("", &p.chosen, None, s).unwrap()
                    + m.reward("", &p.rejected, None, s).unwrap())
                .abs()
            })
            .sum::<f64>()
            / ps.len() as f64
    };
    let (free, centred) = (mean_abs_sum(0.0), mean_abs_sum(1.0));
    assert!(centred < 0.5 * free, "centred {centred} vs free {free}");
}

#[test]
fn training_is_deterministic_on_any_thread_count() {
    let w = weights(4);
    let train = Dataset::Pairs(pairs(200, 4, &w));
    let o = opts(bt(BtVariant::Bt, 0.0, 0.0), HeadKind::Mlp { hidden: 8 });
    let a = model::fit(&train, Default::default(), &o).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let b = pool.install(|| model::fit(&train, Default::default(), &o).unwrap());
    assert_eq!(a.members, b.members);
    // Large enough steps to take the parallel path (chunks on the pool, 16 column ranges),
    // with both optimisers.
    for optimizer in [Optimizer::Adamw, Optimizer::LazyAdamw] {
        let big = FitOptions {
            featurizer: FeaturizerConfig::Hashing(HashingConfig {
                dim: 1 << 12,
                word_ngrams: [1, 2],
                char_ngrams: [2, 5],
            }),
            head: HeadKind::Mlp { hidden: 64 },
            train: TrainConfig {
                epochs: 3,
                optimizer,
                ..o.train.clone()
            },
            ..o.clone()
        };
        let a = model::fit(&train, Default::default(), &big).unwrap();
        let b = pool.install(|| model::fit(&train, Default::default(), &big).unwrap());
        assert_eq!(a.members, b.members, "{optimizer:?}");
    }
    let c = model::fit(
        &train,
        Default::default(),
        &FitOptions {
            train: TrainConfig {
                seed: 9,
                ..o.train.clone()
            },
            ..o.clone()
        },
    )
    .unwrap();
    assert_ne!(a.members, c.members);
}

/// Rock-paper-scissors: an intransitive preference no scalar reward can represent.
fn cycle_pairs(n: usize, seed: u64) -> Vec<Pair> {
    let styles = ["rock", "paper", "scissors"];
    let mut rng = Rng::new(seed, 11);
    (0..n)
        .map(|_| {
            let i = rng.below(3);
            let j = (i + 1) % 3; // styles[j] beats styles[i]
            let filler = |rng: &mut Rng| {
                (0..3)
                    .map(|_| word(rng.below(WORDS)))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            Pair {
                prompt: String::new(),
                chosen: format!("{} {}", styles[j], filler(&mut rng)),
                rejected: format!("{} {}", styles[i], filler(&mut rng)),
                margin: None,
                user: None,
            }
        })
        .collect()
}

#[test]
fn gpm_learns_an_intransitive_preference_that_bt_cannot() {
    let train = Dataset::Pairs(cycle_pairs(600, 5));
    let test = cycle_pairs(300, 6);
    let gpm = ModelKind::Gpm {
        k: 1,
        tau: 0.1,
        normalise: true,
    };
    let o = opts(gpm, HeadKind::Linear);
    let g = model::fit(&train, Default::default(), &o).unwrap();
    let acc_gpm = accuracy(&g, &test, Scoring::default());
    let b = model::fit(
        &train,
        Default::default(),
        &opts(bt(BtVariant::Bt, 0.0, 0.0), HeadKind::Linear),
    )
    .unwrap();
    let acc_bt = accuracy(&b, &test, Scoring::default());
    assert!(acc_gpm > 0.9, "GPM accuracy {acc_gpm}");
    assert!(
        acc_bt < 0.75,
        "BT accuracy {acc_bt} (at most 2/3 of a cycle is representable)"
    );
    // GPM recovers a transitive reward too.
    let w = weights(6);
    let o = opts(
        ModelKind::Gpm {
            k: 2,
            tau: 0.1,
            normalise: true,
        },
        HeadKind::Linear,
    );
    let g = model::fit(&Dataset::Pairs(pairs(600, 6, &w)), Default::default(), &o).unwrap();
    let acc = accuracy(&g, &pairs(300, 7, &w), Scoring::default());
    assert!(acc > 0.8, "GPM on a transitive reward: {acc}");
}

#[test]
fn ensembles_expose_mean_min_and_uwo() {
    let w = weights(8);
    let train = Dataset::Pairs(pairs(400, 8, &w));
    let test = pairs(200, 9, &w);
    let kind = ModelKind::Ensemble {
        members: 3,
        bootstrap: true,
        loss: BtLoss::default(),
    };
    let m = model::fit(&train, Default::default(), &opts(kind, HeadKind::Linear)).unwrap();
    assert_eq!(m.members.len(), 3);
    assert_ne!(m.members[0], m.members[1]);
    for stat in [Stat::Mean, Stat::Min, Stat::Uwo] {
        let s = Scoring {
            stat,
            lambda: 0.5,
            ddof: 0,
        };
        let acc = accuracy(&m, &test, s);
        assert!(acc > 0.85, "{stat:?}: {acc}");
    }
    let r = m.member_rewards("", &test[0].chosen, None).unwrap();
    let get = |stat| {
        m.reward(
            "",
            &test[0].chosen,
            None,
            Scoring {
                stat,
                lambda: 0.5,
                ddof: 0,
            },
        )
        .unwrap()
    };
    let mean = r.iter().sum::<f64>() / 3.0;
    assert!((get(Stat::Mean) - mean).abs() < 1e-12);
    assert_eq!(
        get(Stat::Min),
        r.iter().copied().fold(f64::INFINITY, f64::min)
    );
    assert!(get(Stat::Uwo) <= mean);
}

#[test]
fn regression_recovers_weighted_attributes() {
    let (wa, wb) = (weights(10), weights(11));
    let mut rng = Rng::new(12, 0);
    let rows: Vec<Rating> = (0..600)
        .map(|_| {
            let ids: Vec<usize> = (0..8).map(|_| rng.below(WORDS)).collect();
            let text = ids.iter().map(|&j| word(j)).collect::<Vec<_>>().join(" ");
            let a: f64 = ids.iter().map(|&j| wa[j]).sum();
            let b: f64 = ids.iter().map(|&j| wb[j]).sum();
            Rating {
                prompt: String::new(),
                response: text,
                scores: BTreeMap::from([("a".into(), a), ("b".into(), b)]),
                user: None,
            }
        })
        .collect();
    let kind = ModelKind::Regression {
        attributes: vec!["a".into(), "b".into()],
        weights: vec![1.0, 0.5],
    };
    let mut o = opts(kind, HeadKind::Linear);
    o.train.epochs = 150;
    o.train.patience = 10;
    let m = model::fit(
        &Dataset::Ratings(rows[..500].to_vec()),
        Default::default(),
        &o,
    )
    .unwrap();
    let (mut pred, mut truth) = (Vec::new(), Vec::new());
    for r in &rows[500..] {
        pred.push(m.reward("", &r.response, None, Scoring::default()).unwrap());
        truth.push(r.scores["a"] + 0.5 * r.scores["b"]);
    }
    let corr = pearson(&pred, &truth);
    assert!(corr > 0.9, "correlation {corr}");
    // Regression needs ratings.
    let e = model::fit(&Dataset::Pairs(pairs(10, 1, &wa)), Default::default(), &o).unwrap_err();
    assert!(e.to_string().contains("needs ratings"), "{e}");
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let vy: f64 = y.iter().map(|b| (b - my) * (b - my)).sum();
    cov / (vx * vy).sqrt()
}

#[test]
fn model_files_round_trip_and_validate() {
    let w = weights(13);
    let train = Dataset::Pairs(pairs(100, 13, &w));
    let dir = tempfile::tempdir().unwrap();
    for (i, kind) in [
        bt(BtVariant::Bt, 0.0, 0.0),
        ModelKind::Gpm {
            k: 2,
            tau: 0.1,
            normalise: true,
        },
        ModelKind::Ensemble {
            members: 2,
            bootstrap: false,
            loss: BtLoss::default(),
        },
    ]
    .into_iter()
    .enumerate()
    {
        let mut o = opts(kind, HeadKind::Mlp { hidden: 4 });
        o.train.epochs = 3;
        let m = model::fit(&train, Default::default(), &o).unwrap();
        let path = dir.path().join(format!("m{i}"));
        m.save(&path).unwrap();
        let l = Model::load(&path, Some("hashing")).unwrap();
        assert_eq!(l.members, m.members);
        assert_eq!(l.anchor, m.anchor);
        // The file keeps W₁ as [hidden, d_in] (nn.Linear's layout); memory is feature-major.
        let raw = std::fs::read(path.join("model.safetensors")).unwrap();
        let st = safetensors::SafeTensors::deserialize(&raw).unwrap();
        let w1 = st.tensor("members.0.w1").unwrap();
        let d_in = w1.shape()[1];
        assert_eq!(w1.shape()[0], 4);
        let at = |r: usize, j: usize| {
            let o = 8 * (r * d_in + j);
            f64::from_le_bytes(w1.data()[o..o + 8].try_into().unwrap())
        };
        for (r, j) in [(0, 0), (1, 5), (3, d_in - 1), (2, d_in / 2)] {
            assert_eq!(at(r, j), m.members[0][j * 4 + r]);
        }
        // A config written before the optimiser was recorded reads as AdamW.
        let cfg_path = path.join("config.json");
        let mut cfg: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&cfg_path).unwrap()).unwrap();
        assert_eq!(cfg["training"]["optimizer"], "adamw");
        cfg["training"].as_object_mut().unwrap().remove("optimizer");
        std::fs::write(&cfg_path, serde_json::to_vec_pretty(&cfg).unwrap()).unwrap();
        let old = Model::load(&path, None).unwrap();
        assert_eq!(old.config.training.optimizer, Optimizer::Adamw);
        cfg["training"]["optimizer"] = "bogus".into();
        std::fs::write(&cfg_path, serde_json::to_vec_pretty(&cfg).unwrap()).unwrap();
        let e = Model::load(&path, None).unwrap_err().to_string();
        assert!(e.contains("config.json") && e.contains("bogus"), "{e}");
        cfg["training"]["optimizer"] = "adamw".into();
        std::fs::write(&cfg_path, serde_json::to_vec_pretty(&cfg).unwrap()).unwrap();
        let p = &train.pairs().unwrap()[0];
        assert_eq!(
            l.prob(p, None, Scoring::default()).unwrap(),
            m.prob(p, None, Scoring::default()).unwrap()
        );
        let e = Model::load(&path, Some("minilm")).unwrap_err().to_string();
        assert!(e.contains("fitted with the `hashing` featurizer"), "{e}");
    }
    // A config that does not fit its weights.
    let path = dir.path().join("m0");
    let cfg = std::fs::read_to_string(path.join("config.json")).unwrap();
    std::fs::write(
        path.join("config.json"),
        cfg.replace("\"hidden\": 4", "\"hidden\": 5"),
    )
    .unwrap();
    let e = Model::load(&path, None).unwrap_err().to_string();
    assert!(e.contains("members.0.w1"), "{e}");
    // A config asking for absurd sizes is refused before anything is allocated.
    std::fs::write(
        path.join("config.json"),
        cfg.replace("\"hidden\": 4", "\"hidden\": 4000"),
    )
    .unwrap();
    let e = Model::load(&path, None).unwrap_err().to_string();
    assert!(e.contains("asks for"), "{e}");
    std::fs::write(
        path.join("config.json"),
        cfg.replace("\"hidden\": 4", "\"hidden\": 18446744073709551615"),
    )
    .unwrap();
    let e = Model::load(&path, None).unwrap_err().to_string();
    assert!(e.contains("hidden size"), "{e}");
    std::fs::write(path.join("config.json"), &cfg).unwrap();
    std::fs::write(path.join("model.safetensors"), b"junk").unwrap();
    assert!(Model::load(&path, None)
        .unwrap_err()
        .to_string()
        .contains("model.safetensors"));
    assert!(Model::load(&dir.path().join("none"), None).is_err());
}

/// Two kinds of users: both like the shared words, and they disagree about `alpha`
/// (+3 for one kind, −3 for the other). Every pair has `alpha` in exactly one response.
fn user_pairs(users: usize, per_user: usize, seed: u64, w: &[f64]) -> Vec<Pair> {
    let mut rng = Rng::new(seed, 21);
    let mut out = Vec::new();
    for u in 0..users {
        let sign = if u % 2 == 0 { 3.0 } else { -3.0 };
        for _ in 0..per_user {
            let (a, ra) = response(&mut rng, w);
            let (b, rb) = response(&mut rng, w);
            let (a, ra) = (format!("alpha {a}"), 0.3 * ra + sign);
            let rb = 0.3 * rb;
            let (chosen, rejected) = if ra >= rb { (a, b) } else { (b, a) };
            out.push(Pair {
                prompt: String::new(),
                chosen,
                rejected,
                margin: None,
                user: Some(format!("u{seed}-{u}")),
            });
        }
    }
    out
}

#[test]
fn vpl_recovers_per_user_rewards_that_bt_averages_away() {
    let w = weights(14);
    let train = Dataset::Pairs(user_pairs(24, 24, 14, &w));
    let test = user_pairs(10, 20, 15, &w);
    let kind = ModelKind::Vpl {
        latent: 4,
        hidden: 16,
        context: 6,
        beta: 0.01,
        anneal_period: 10_000,
    };
    let mut o = opts(kind, HeadKind::Linear);
    o.featurizer = FeaturizerConfig::Hashing(HashingConfig {
        dim: 1 << 10,
        word_ngrams: [1, 1],
        char_ngrams: [0, 0],
    });
    o.train.epochs = 60;
    o.train.batch_size = 8;
    o.train.lr = 0.01;
    o.train.patience = 0;
    // VPL's settings (the CLI's defaults for `--model vpl`): no L2 penalty, the best epoch on
    // a 10 % validation split of episodes.
    o.train.l2 = 0.0;
    o.train.val_fraction = 0.1;
    let m = model::fit(&train, Default::default(), &o).unwrap();
    let probs = m.personal_probs(&test, None, Scoring::default()).unwrap();
    let scored: Vec<f64> = probs.iter().flatten().copied().collect();
    assert_eq!(
        scored.len(),
        10 * (20 - 6),
        "the context pairs are not scored"
    );
    let acc = scored.iter().filter(|&&p| p > 0.5).count() as f64 / scored.len() as f64;
    let b = model::fit(
        &train,
        Default::default(),
        &opts(bt(BtVariant::Bt, 0.0, 0.0), HeadKind::Linear),
    )
    .unwrap();
    let acc_bt = accuracy(&b, &test, Scoring::default());
    assert!(
        acc > 0.8,
        "VPL accuracy with 6 context pairs per user: {acc}"
    );
    assert!(acc > acc_bt + 0.15, "VPL {acc} vs BT {acc_bt}");
    // Saved and loaded, it scores the same.
    let dir = tempfile::tempdir().unwrap();
    m.save(dir.path()).unwrap();
    let l = Model::load(dir.path(), None).unwrap();
    assert_eq!(
        l.personal_probs(&test, None, Scoring::default()).unwrap(),
        probs
    );
    // VPL needs users.
    let e = model::fit(&Dataset::Pairs(pairs(20, 1, &w)), Default::default(), &o).unwrap_err();
    assert!(e.to_string().contains("field `user`"), "{e}");
}
