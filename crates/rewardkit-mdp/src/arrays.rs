//! Dense arrays in files, for MDPs and rewards too large for JSON: NumPy `.npy` (see
//! [`crate::npy`]) and [safetensors](https://github.com/huggingface/safetensors) (`.safetensors`,
//! the format of Hugging Face weights: a JSON header, then raw little-endian tensors).
//!
//! A `.safetensors` file may hold several tensors; the one read is named by the caller
//! (`transitions`, `initial`, `reward`), or is the file's only tensor. `F64` and `F32`
//! tensors are read (`F32` widened); other dtypes are an error that names the tensor. String
//! metadata (`__metadata__`) carries scalars such as `gamma`.
//!
//! ```
//! use rewardkit_mdp::arrays::{self, Tensor};
//! let dir = std::env::temp_dir().join(format!("rk-arrays-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let path = dir.join("r.safetensors");
//! arrays::write_safetensors(&path, &[Tensor::new("reward", vec![2, 2], vec![1.0, 2.0, 3.0, 4.0])], &[])?;
//! let a = arrays::read(&path, &["reward"])?;
//! assert_eq!((a.shape, a.data), (vec![2, 2], vec![1.0, 2.0, 3.0, 4.0]));
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), rewardkit_mdp::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::npy::{self, NpyArray};
use safetensors::tensor::{Dtype, SafeTensors, TensorView};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Whether a path names a `.safetensors` file.
pub fn is_safetensors(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("safetensors"))
}

/// Whether a path names an array file this module reads (`.npy` or `.safetensors`).
pub fn is_array_file(path: &Path) -> bool {
    npy::is_npy(path) || is_safetensors(path)
}

/// Reads one array: the whole `.npy` file, or from a `.safetensors` file the first tensor
/// named in `names` that it holds, else its only tensor.
pub fn read(path: &Path, names: &[&str]) -> Result<NpyArray> {
    if !is_safetensors(path) {
        return npy::read(path);
    }
    let file = SafetensorsFile::open(path)?;
    if let Some(a) = file.tensor(names)? {
        return Ok(a);
    }
    file.only_tensor()?.ok_or_else(|| file.missing(names))
}

/// A `.safetensors` file read into memory.
#[derive(Debug)]
pub struct SafetensorsFile {
    name: String,
    bytes: Vec<u8>,
}

impl SafetensorsFile {
    /// Reads the file (the header is checked when a tensor or the metadata is asked for).
    pub fn open(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Ok(SafetensorsFile {
            name: path.display().to_string(),
            bytes,
        })
    }

    fn parsed(&self) -> Result<SafeTensors<'_>> {
        SafeTensors::deserialize(&self.bytes)
            .map_err(|e| Error::parse(&self.name, format!("not a safetensors file: {e}")))
    }

    /// The file's string metadata (`__metadata__`).
    pub fn metadata(&self) -> Result<HashMap<String, String>> {
        let (_, meta) = SafeTensors::read_metadata(&self.bytes)
            .map_err(|e| Error::parse(&self.name, format!("not a safetensors file: {e}")))?;
        Ok(meta.metadata().clone().unwrap_or_default())
    }

    /// The first tensor named in `names` that the file holds; `None` when it holds none.
    pub fn tensor(&self, names: &[&str]) -> Result<Option<NpyArray>> {
        let st = self.parsed()?;
        match names
            .iter()
            .find_map(|n| st.tensor(n).ok().map(|t| (*n, t)))
        {
            None => Ok(None),
            Some((n, t)) => self.widen(n, &t).map(Some),
        }
    }

    /// The file's tensor when it holds exactly one.
    pub fn only_tensor(&self) -> Result<Option<NpyArray>> {
        let st = self.parsed()?;
        let all = st.names();
        match all[..] {
            [only] => {
                let t = st
                    .tensor(only)
                    .map_err(|e| Error::parse(&self.name, format!("tensor `{only}`: {e}")))?;
                self.widen(only, &t).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The error for a tensor that is not in the file.
    pub fn missing(&self, names: &[&str]) -> Error {
        let held = self
            .parsed()
            .map(|st| {
                let mut v: Vec<String> = st.names().into_iter().map(str::to_string).collect();
                v.sort();
                v.join(", ")
            })
            .unwrap_or_default();
        Error::parse(
            &self.name,
            format!(
                "no tensor named {} (the file holds: {})",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(" or "),
                if held.is_empty() { "none" } else { &held }
            ),
        )
    }

    fn widen(&self, name: &str, t: &TensorView<'_>) -> Result<NpyArray> {
        let data = t.data();
        let values: Vec<f64> = match t.dtype() {
            Dtype::F64 => data
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                .collect(),
            Dtype::F32 => data
                .chunks_exact(4)
                .map(|c| f64::from(f32::from_le_bytes([c[0], c[1], c[2], c[3]])))
                .collect(),
            other => {
                return Err(Error::parse(
                    &self.name,
                    format!("tensor `{name}` is {other:?}; expected F64 or F32"),
                ))
            }
        };
        Ok(NpyArray {
            shape: t.shape().to_vec(),
            data: values,
        })
    }
}

/// A named tensor to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    /// The tensor's name in the file.
    pub name: String,
    /// Its shape.
    pub shape: Vec<usize>,
    /// Its values, row-major.
    pub data: Vec<f64>,
}

impl Tensor {
    /// A tensor named `name`.
    pub fn new(name: impl Into<String>, shape: Vec<usize>, data: Vec<f64>) -> Self {
        Tensor {
            name: name.into(),
            shape,
            data,
        }
    }
}

/// Writes `F64` tensors and string metadata to a `.safetensors` file (through a temporary
/// file in the same folder, renamed at the end: no partial file is left behind).
pub fn write_safetensors(
    path: &Path,
    tensors: &[Tensor],
    metadata: &[(&str, String)],
) -> Result<()> {
    let name = path.display().to_string();
    let mut bytes: Vec<Vec<u8>> = Vec::with_capacity(tensors.len());
    for t in tensors {
        let count: usize = t.shape.iter().product();
        if count != t.data.len() {
            return Err(Error::shape(
                &name,
                format!(
                    "tensor `{}`: shape {:?} holds {count} values, got {}",
                    t.name,
                    t.shape,
                    t.data.len()
                ),
            ));
        }
        bytes.push(t.data.iter().flat_map(|v| v.to_le_bytes()).collect());
    }
    let views: Vec<(String, TensorView<'_>)> = tensors
        .iter()
        .zip(&bytes)
        .map(|(t, b)| {
            TensorView::new(Dtype::F64, t.shape.clone(), b)
                .map(|v| (t.name.clone(), v))
                .map_err(|e| Error::shape(&name, format!("tensor `{}`: {e}", t.name)))
        })
        .collect::<Result<_>>()?;
    let meta: Option<HashMap<String, String>> = (!metadata.is_empty()).then(|| {
        metadata
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    });
    let out = safetensors::tensor::serialize(views, meta)
        .map_err(|e| Error::parse(&name, format!("cannot serialise: {e}")))?;
    write_atomic(path, &out)
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(path, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_names_metadata_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.safetensors");
        write_safetensors(
            &p,
            &[
                Tensor::new("transitions", vec![1, 1, 1], vec![1.0]),
                Tensor::new("initial", vec![1], vec![1.0]),
            ],
            &[("gamma", "0.9".into())],
        )
        .unwrap();
        let f = SafetensorsFile::open(&p).unwrap();
        assert_eq!(f.metadata().unwrap()["gamma"], "0.9");
        assert_eq!(f.tensor(&["initial"]).unwrap().unwrap().data, vec![1.0]);
        // Two tensors: a missing name is not silently replaced by another tensor.
        assert!(f.tensor(&["reward"]).unwrap().is_none());
        let e = read(&p, &["reward"]).unwrap_err().to_string();
        assert!(
            e.contains("`reward`") && e.contains("initial, transitions"),
            "{e}"
        );
        // Garbage is an error naming the file.
        std::fs::write(&p, b"not a safetensors file at all").unwrap();
        let e = read(&p, &["reward"]).unwrap_err().to_string();
        assert!(
            e.contains("m.safetensors") && e.contains("not a safetensors"),
            "{e}"
        );
    }

    #[test]
    fn f32_is_widened_and_other_dtypes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.safetensors");
        let data: Vec<u8> = [0.5f32, -2.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let v = TensorView::new(Dtype::F32, vec![2], &data).unwrap();
        std::fs::write(
            &p,
            safetensors::tensor::serialize([("x", v)], None).unwrap(),
        )
        .unwrap();
        let a = read(&p, &["reward"]).unwrap(); // the only tensor
        assert_eq!(a.data, vec![0.5, -2.0]);
        let ints: Vec<u8> = [1i32, 2].iter().flat_map(|v| v.to_le_bytes()).collect();
        let v = TensorView::new(Dtype::I32, vec![2], &ints).unwrap();
        std::fs::write(
            &p,
            safetensors::tensor::serialize([("reward", v)], None).unwrap(),
        )
        .unwrap();
        let e = read(&p, &["reward"]).unwrap_err().to_string();
        assert!(e.contains("I32") && e.contains("`reward`"), "{e}");
    }
}
