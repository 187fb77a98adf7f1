//! all-MiniLM-L6-v2 run in-process (feature `semantic`): the model's own
//! tokenizer (`tokenizer.json`), its BERT encoder read from
//! `model.safetensors` by candle, then the pooling sentence-transformers
//! configures for it (the mean of the token vectors, padding left out) and
//! unit length. Checked against the reference implementation's published
//! similarities in `tests::reference_similarities`.

use std::path::Path;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{Tokenizer, TruncationParams};

use super::semantic::{DIMENSIONS, Embedder};
use crate::error::{Error, Result};

/// The longest input the model was trained on, in tokens
/// (`sentence_bert_config.json`); longer texts are cut.
const MAX_TOKENS: usize = 256;

/// Texts run through the model together: similar lengths are batched so
/// that little is padding.
const BATCH: usize = 32;

/// The model, loaded.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl MiniLm {
    /// Loads the model files from `folder`: `config.json`, `tokenizer.json`
    /// and `model.safetensors`.
    pub fn load(folder: &Path) -> Result<MiniLm> {
        let unreadable = |file: &str, e: &dyn std::fmt::Display| {
            Error::invalid(format!("cannot read {}: {e}", folder.join(file).display()))
        };
        let config =
            std::fs::read_to_string(folder.join("config.json")).map_err(|e| unreadable("config.json", &e))?;
        let config: Config = serde_json::from_str(&config).map_err(|e| unreadable("config.json", &e))?;
        if config.hidden_size != DIMENSIONS {
            return Err(Error::invalid(format!(
                "{} is not all-MiniLM-L6-v2: its vectors have {} numbers, not {DIMENSIONS}",
                folder.display(),
                config.hidden_size
            )));
        }
        let mut tokenizer = Tokenizer::from_file(folder.join("tokenizer.json"))
            .map_err(|e| unreadable("tokenizer.json", &e))?;
        // The file pads every input to 128 tokens and cuts at 128; the model
        // was trained on up to 256, and batches pad themselves.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..TruncationParams::default()
            }))
            .map_err(|e| unreadable("tokenizer.json", &e))?;
        let device = Device::Cpu;
        let weights = folder.join("model.safetensors");
        // SAFETY: the weights file is mapped read-only; claimtrack never
        // writes it, and a model folder changed while a command runs is
        // outside what any reader of model files guards against.
        let variables = unsafe { VarBuilder::from_mmaped_safetensors(&[&weights], DType::F32, &device) }
            .map_err(|e| unreadable("model.safetensors", &e))?;
        let model = BertModel::load(variables, &config).map_err(|e| unreadable("model.safetensors", &e))?;
        Ok(MiniLm {
            model,
            tokenizer,
            device,
        })
    }

    /// One batch of token id lists, each a unit vector.
    fn embed_batch(&self, batch: &[&[u32]]) -> candle_core::Result<Vec<Vec<f32>>> {
        let longest = batch.iter().map(|ids| ids.len()).max().unwrap_or(0).max(1);
        let mut ids = Vec::with_capacity(batch.len() * longest);
        let mut mask = Vec::with_capacity(batch.len() * longest);
        for tokens in batch {
            ids.extend_from_slice(tokens);
            ids.extend(std::iter::repeat_n(0, longest - tokens.len()));
            mask.extend(std::iter::repeat_n(1u32, tokens.len()));
            mask.extend(std::iter::repeat_n(0u32, longest - tokens.len()));
        }
        let shape = (batch.len(), longest);
        let ids = Tensor::from_vec(ids, shape, &self.device)?;
        let mask = Tensor::from_vec(mask, shape, &self.device)?;
        let types = ids.zeros_like()?;
        let tokens = self.model.forward(&ids, &types, Some(&mask))?;
        // The mean of the real tokens' vectors.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = tokens.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?;
        let pooled = summed.broadcast_div(&counts)?;
        let norms = pooled.sqr()?.sum_keepdim(1)?.sqrt()?;
        pooled.broadcast_div(&norms)?.to_vec2()
    }
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let mut encoded = Vec::with_capacity(texts.len());
        for text in texts {
            let encoding = self
                .tokenizer
                .encode(*text, true)
                .map_err(|e| Error::Internal(format!("cannot tokenize '{text}': {e}")))?;
            encoded.push(encoding.get_ids().to_vec());
        }
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| encoded[i].len());
        let mut vectors = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&[u32]> = chunk.iter().map(|&i| encoded[i].as_slice()).collect();
            let embedded = self
                .embed_batch(&batch)
                .map_err(|e| Error::Internal(format!("the model failed: {e}")))?;
            for (&i, vector) in chunk.iter().zip(embedded) {
                vectors[i] = vector;
            }
        }
        Ok(vectors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::semantic::cosine;

    /// The model, if the tests can run it.
    fn test_model() -> Option<MiniLm> {
        let folder = crate::matching::semantic::folder_for_tests()?;
        Some(MiniLm::load(&folder).expect("the model loads"))
    }

    /// The similarities the sentence-transformers documentation publishes
    /// for these three sentences with all-MiniLM-L6-v2 (0.6660, 0.1046,
    /// 0.1411): the tokenizer, encoder and pooling agree with the
    /// reference implementation.
    #[test]
    fn reference_similarities() {
        let Some(model) = test_model() else { return };
        let sentences = [
            "The weather is lovely today.",
            "It's so sunny outside!",
            "He drove to the stadium.",
        ];
        let vectors = model.embed(&sentences).unwrap();
        assert!(vectors.iter().all(|v| v.len() == DIMENSIONS));
        let close = |a: f64, b: f64| (a - b).abs() < 0.0005;
        assert!(close(cosine(&vectors[0], &vectors[0]), 1.0));
        assert!(
            close(cosine(&vectors[0], &vectors[1]), 0.6660),
            "{}",
            cosine(&vectors[0], &vectors[1])
        );
        assert!(close(cosine(&vectors[0], &vectors[2]), 0.1046));
        assert!(close(cosine(&vectors[1], &vectors[2]), 0.1411));
    }

    /// Batched with padding, a text gets the vector it gets alone.
    #[test]
    fn batching_changes_nothing() {
        let Some(model) = test_model() else { return };
        let short = "Peskov denied it.";
        let long = "The Kremlin spokesman said the United States had passed on information about a planned attack in Moscow.";
        let alone = model.embed(&[short]).unwrap();
        let together = model.embed(&[long, short]).unwrap();
        assert!(cosine(&alone[0], &together[1]) > 0.9999);
    }
}
