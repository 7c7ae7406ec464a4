//! Featurizers: text → feature vector.
//!
//! - `hashing` (default, no weights): word n-grams (1–2) and character n-grams (3–5, within
//!   words padded by a space, as scikit-learn's `char_wb`) of the lower-cased text, hashed
//!   (FNV-1a 64, modulo `dim`, word and character n-grams in separate hash spaces) into
//!   `dim` buckets; term frequencies are sublinear (1 + ln tf); IDF is fitted on the training
//!   texts with scikit-learn's smoothing, idf = ln((1 + n) / (1 + df)) + 1; the vector is
//!   L2-normalised and kept sparse.
//! - `minilm` (cargo feature `candle`): all-MiniLM-L6-v2 sentence embeddings (see
//!   [`FeaturizerConfig::Minilm`]).
//!
//! What is encoded is configurable ([`Input`]): the response alone, or the prompt followed by
//! the response. Features of a text are cached by a 128-bit hash of the text.
//!
//! ```
//! use rewardkit_prefs::features::{Featurizer, FeaturizerConfig, HashingConfig};
//! let texts = ["the cat sat", "the dog ran", "a cat ran"];
//! let f = Featurizer::fit(&FeaturizerConfig::Hashing(HashingConfig { dim: 1 << 12, ..Default::default() }), &texts)?;
//! let x = f.encode("the cat sat")?;
//! let norm: f64 = x.val.iter().map(|v| v * v).sum::<f64>().sqrt();
//! assert!((norm - 1.0).abs() < 1e-12);
//! assert!(x.idx.windows(2).all(|w| w[0] < w[1])); // sorted, unique buckets
//! # Ok::<(), rewardkit_prefs::Error>(())
//! ```

use crate::rng::{fnv1a, FNV_BASIS};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A sparse feature vector: sorted unique indices and their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feat {
    /// Indices, strictly increasing.
    pub idx: Vec<u32>,
    /// Values, one per index.
    pub val: Vec<f64>,
}

impl Feat {
    /// A dense vector as a `Feat` (every index present).
    pub fn dense(v: Vec<f64>) -> Self {
        Feat {
            idx: (0..v.len() as u32).collect(),
            val: v,
        }
    }
}

/// What text a model encodes for one response.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// The response alone.
    #[default]
    Response,
    /// The prompt, a newline, then the response.
    PromptResponse,
}

impl Input {
    /// The text to encode.
    pub fn text(self, prompt: &str, response: &str) -> String {
        match self {
            Input::Response => response.to_string(),
            Input::PromptResponse => format!("{prompt}\n{response}"),
        }
    }
}

/// Options of the hashing featurizer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HashingConfig {
    /// Number of hash buckets.
    pub dim: usize,
    /// Word n-gram sizes, inclusive range `[lo, hi]` (`[0, 0]`: none).
    pub word_ngrams: [usize; 2],
    /// Character n-gram sizes, inclusive range (`[0, 0]`: none).
    pub char_ngrams: [usize; 2],
}

impl Default for HashingConfig {
    fn default() -> Self {
        HashingConfig {
            dim: 1 << 16,
            word_ngrams: [1, 2],
            char_ngrams: [3, 5],
        }
    }
}

/// Which featurizer, and its options (recorded in the model's `config.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "snake_case")]
pub enum FeaturizerConfig {
    /// Word and character n-gram hashing with IDF.
    Hashing(HashingConfig),
    /// all-MiniLM-L6-v2 (BERT, mean pooling, L2-normalised, 384 dimensions); needs the `candle`
    /// feature and the model folder (`config.json`, `model.safetensors`, `tokenizer.json`).
    Minilm {
        /// The model folder.
        path: String,
    },
}

impl FeaturizerConfig {
    /// The featurizer's name (`hashing`, `minilm`).
    pub fn name(&self) -> &'static str {
        match self {
            FeaturizerConfig::Hashing(_) => "hashing",
            FeaturizerConfig::Minilm { .. } => "minilm",
        }
    }
}

/// A fitted featurizer.
#[derive(Debug)]
pub struct Featurizer {
    /// Its options.
    pub config: FeaturizerConfig,
    /// IDF weight per bucket (hashing).
    pub idf: Vec<f64>,
    cache: Mutex<HashMap<u128, Arc<Feat>>>,
    #[cfg(feature = "candle")]
    minilm: Option<Arc<crate::minilm::MiniLm>>,
}

/// At most this many texts are cached (then the cache starts over).
const CACHE_MAX: usize = 200_000;

impl Featurizer {
    /// Fits the featurizer on training texts (IDF for hashing).
    pub fn fit<S: AsRef<str> + Sync>(config: &FeaturizerConfig, texts: &[S]) -> Result<Self> {
        match config {
            FeaturizerConfig::Hashing(h) => {
                check_hashing(h)?;
                use rayon::prelude::*;
                let df = texts
                    .par_iter()
                    .fold(
                        || vec![0u32; h.dim],
                        |mut df, t| {
                            for (i, _) in hashed_counts(h, t.as_ref()) {
                                df[i as usize] += 1;
                            }
                            df
                        },
                    )
                    .reduce(
                        || vec![0u32; h.dim],
                        |mut a, b| {
                            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                            a
                        },
                    );
                let n = texts.len() as f64;
                let idf = df
                    .iter()
                    .map(|&d| ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)
                    .collect();
                Ok(Self::with_idf(config.clone(), idf))
            }
            FeaturizerConfig::Minilm { .. } => Self::with_idf(config.clone(), Vec::new()).check(),
        }
    }

    /// A featurizer from its options and fitted IDF (as loaded from a model file).
    pub fn with_idf(config: FeaturizerConfig, idf: Vec<f64>) -> Self {
        Featurizer {
            config,
            idf,
            cache: Mutex::new(HashMap::new()),
            #[cfg(feature = "candle")]
            minilm: None,
        }
    }

    /// Checks that this build can run the featurizer and its state fits its options.
    pub fn check(self) -> Result<Self> {
        match &self.config {
            FeaturizerConfig::Hashing(h) => {
                check_hashing(h)?;
                if self.idf.len() != h.dim {
                    return Err(Error::option(
                        "featurizer.idf",
                        format!("has {} entries, expected dim = {}", self.idf.len(), h.dim),
                    ));
                }
                Ok(self)
            }
            #[cfg(feature = "candle")]
            FeaturizerConfig::Minilm { path } => {
                let path = path.clone();
                let mut me = self;
                if me.minilm.is_none() {
                    // The folder recorded at fit time, else REWARDKIT_MINILM.
                    let mut dir = std::path::PathBuf::from(path);
                    if !dir.join("config.json").exists() {
                        if let Some(env) = std::env::var_os("REWARDKIT_MINILM") {
                            dir = env.into();
                        }
                    }
                    me.minilm = Some(Arc::new(crate::minilm::MiniLm::load(&dir)?));
                }
                Ok(me)
            }
            #[cfg(not(feature = "candle"))]
            FeaturizerConfig::Minilm { .. } => Err(Error::Unsupported(
                "the `minilm` featurizer needs the `candle` feature; rebuild with --features candle"
                    .into(),
            )),
        }
    }

    /// The dimension of the feature vectors.
    pub fn dim(&self) -> usize {
        match &self.config {
            FeaturizerConfig::Hashing(h) => h.dim,
            FeaturizerConfig::Minilm { .. } => 384,
        }
    }

    /// Encodes one text (cached).
    pub fn encode(&self, text: &str) -> Result<Arc<Feat>> {
        let key = text_key(text);
        if let Some(f) = self.cached(key) {
            return Ok(f);
        }
        let f = Arc::new(match &self.config {
            FeaturizerConfig::Hashing(h) => self.hashing(h, text),
            FeaturizerConfig::Minilm { .. } => self.dense(&[text])?.remove(0),
        });
        self.remember(key, f.clone());
        Ok(f)
    }

    fn cached(&self, key: u128) -> Option<Arc<Feat>> {
        self.cache.lock().ok().and_then(|c| c.get(&key).cloned())
    }

    fn remember(&self, key: u128, f: Arc<Feat>) {
        if let Ok(mut c) = self.cache.lock() {
            if c.len() >= CACHE_MAX {
                c.clear();
            }
            c.insert(key, f);
        }
    }

    /// Sentence embeddings of texts (`minilm`).
    #[cfg(feature = "candle")]
    fn dense(&self, texts: &[&str]) -> Result<Vec<Feat>> {
        let m = self.minilm.as_ref().ok_or_else(|| {
            Error::Unsupported("the `minilm` featurizer is not loaded (call check())".into())
        })?;
        Ok(m.embed(texts)?
            .into_iter()
            .map(|v| Feat::dense(v.into_iter().map(f64::from).collect()))
            .collect())
    }

    #[cfg(not(feature = "candle"))]
    fn dense(&self, _: &[&str]) -> Result<Vec<Feat>> {
        Err(Error::Unsupported(
            "the `minilm` featurizer needs the `candle` feature; rebuild with --features candle"
                .into(),
        ))
    }

    /// Encodes many texts (order kept): hashing in parallel, sentence embeddings in batches.
    pub fn encode_all<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Result<Vec<Arc<Feat>>> {
        use rayon::prelude::*;
        if let FeaturizerConfig::Hashing(_) = self.config {
            return texts.par_iter().map(|t| self.encode(t.as_ref())).collect();
        }
        let mut todo: Vec<&str> = texts
            .iter()
            .map(|t| t.as_ref())
            .filter(|t| self.cached(text_key(t)).is_none())
            .collect();
        todo.sort_unstable();
        todo.dedup();
        // Batches of similar lengths pad less (sentence-transformers sorts by length too).
        todo.sort_by_key(|t| t.len());
        for (t, f) in todo.iter().zip(self.dense(&todo)?) {
            self.remember(text_key(t), Arc::new(f));
        }
        texts.iter().map(|t| self.encode(t.as_ref())).collect()
    }

    fn hashing(&self, h: &HashingConfig, text: &str) -> Feat {
        let counts = hashed_counts(h, text);
        let mut idx = Vec::with_capacity(counts.len());
        let mut val = Vec::with_capacity(counts.len());
        for (i, tf) in counts {
            idx.push(i);
            val.push((1.0 + (tf as f64).ln()) * self.idf[i as usize]);
        }
        let norm = val.iter().map(|v| v * v).sum::<f64>().sqrt();
        if norm > 0.0 {
            val.iter_mut().for_each(|v| *v /= norm);
        }
        Feat { idx, val }
    }
}

/// The cache key of a text: two independent 64-bit FNV-1a hashes.
fn text_key(text: &str) -> u128 {
    ((fnv1a(text.as_bytes(), FNV_BASIS) as u128) << 64)
        | fnv1a(text.as_bytes(), 0x6C62_272E_07BB_0142) as u128
}

fn check_hashing(h: &HashingConfig) -> Result<()> {
    if h.dim == 0 || h.dim > (1 << 24) {
        return Err(Error::option(
            "featurizer.dim",
            format!("must be in 1..=16777216, got {}", h.dim),
        ));
    }
    for (name, [lo, hi]) in [
        ("word_ngrams", h.word_ngrams),
        ("char_ngrams", h.char_ngrams),
    ] {
        if lo > hi || (lo == 0 && hi != 0) || hi > 16 {
            return Err(Error::option(
                format!("featurizer.{name}"),
                format!("expected [lo, hi] with 1 ≤ lo ≤ hi ≤ 16 (or [0, 0]), got [{lo}, {hi}]"),
            ));
        }
    }
    if h.word_ngrams == [0, 0] && h.char_ngrams == [0, 0] {
        return Err(Error::option(
            "featurizer",
            "word_ngrams and char_ngrams are both off",
        ));
    }
    Ok(())
}

/// Bucket → count, sorted by bucket.
fn hashed_counts(h: &HashingConfig, text: &str) -> Vec<(u32, u32)> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut buckets: Vec<u32> = Vec::new();
    let dim = h.dim as u64;
    let [wlo, whi] = h.word_ngrams;
    if whi > 0 {
        let mut buf = String::new();
        for n in wlo..=whi {
            for g in words.windows(n) {
                buf.clear();
                for (k, w) in g.iter().enumerate() {
                    if k > 0 {
                        buf.push(' ');
                    }
                    buf.push_str(w);
                }
                buckets.push((fnv1a(buf.as_bytes(), FNV_BASIS) % dim) as u32);
            }
        }
    }
    let [clo, chi] = h.char_ngrams;
    if chi > 0 {
        // Character n-grams within words padded by a space (scikit-learn's `char_wb`).
        let char_basis = fnv1a(b"char", FNV_BASIS);
        let mut chars: Vec<(usize, char)> = Vec::new();
        for w in &words {
            let padded = format!(" {w} ");
            chars.clear();
            chars.extend(padded.char_indices());
            for n in clo..=chi {
                if n > chars.len() {
                    break;
                }
                for s in 0..=chars.len() - n {
                    let a = chars[s].0;
                    let b = chars.get(s + n).map_or(padded.len(), |c| c.0);
                    buckets.push((fnv1a(&padded.as_bytes()[a..b], char_basis) % dim) as u32);
                }
            }
        }
    }
    buckets.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for b in buckets {
        match out.last_mut() {
            Some((i, c)) if *i == b => *c += 1,
            _ => out.push((b, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_idf() {
        let h = HashingConfig {
            dim: 1 << 20,
            word_ngrams: [1, 1],
            char_ngrams: [0, 0],
        };
        let c = hashed_counts(&h, "The cat, the CAT!");
        // "the" ×2, "cat" ×2 (no collisions at 2^20 buckets for two words)
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|&(_, n)| n == 2));
        let cfg = FeaturizerConfig::Hashing(h);
        let f = Featurizer::fit(&cfg, &["the cat", "the dog"]).unwrap();
        let x = f.encode("cat").unwrap();
        let i = x.idx[0] as usize;
        assert!((f.idf[i] - ((3.0f64 / 2.0).ln() + 1.0)).abs() < 1e-12);
        // "the" is in both texts: idf = ln(3/3) + 1 = 1; "cat" weighs more than "the".
        let y = f.encode("cat the").unwrap();
        let w = |t: &str| {
            y.val[y
                .idx
                .iter()
                .position(|&j| j == f.encode(t).unwrap().idx[0])
                .unwrap()]
        };
        assert!(w("cat") > w("the"));
        assert!(f.encode("").unwrap().idx.is_empty());
    }

    #[test]
    fn char_ngrams_unicode_and_options() {
        let h = HashingConfig {
            dim: 1 << 10,
            word_ngrams: [0, 0],
            char_ngrams: [3, 3],
        };
        // " né " has 4 chars → 2 trigrams; no panic on multi-byte chars.
        assert_eq!(hashed_counts(&h, "né").iter().map(|c| c.1).sum::<u32>(), 2);
        let bad = HashingConfig {
            dim: 8,
            word_ngrams: [2, 1],
            char_ngrams: [0, 0],
        };
        let e = Featurizer::fit(&FeaturizerConfig::Hashing(bad), &["x"]).unwrap_err();
        assert!(e.to_string().contains("word_ngrams"), "{e}");
    }
}
