//! NumPy `.npy` arrays of `float64` (or `float32`, widened), C order: the file format of
//! `numpy.save`, for MDPs and rewards too large for JSON.
//!
//! Only what is needed to exchange dense arrays with numpy: format versions 1.0, 2.0 and 3.0,
//! little-endian `<f8` / `<f4`, `fortran_order: False`. Anything else is an error that says what
//! the header holds.

use crate::error::{Error, Result};
use std::path::Path;

/// A dense array read from a `.npy` file: its shape and its values in C (row-major) order.
#[derive(Debug, Clone, PartialEq)]
pub struct NpyArray {
    /// The shape (`()` is a scalar: one value).
    pub shape: Vec<usize>,
    /// The values, row-major.
    pub data: Vec<f64>,
}

/// Whether a path names a `.npy` file.
pub fn is_npy(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("npy"))
}

/// Reads a `.npy` file.
pub fn read(path: &Path) -> Result<NpyArray> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse(&bytes, &path.display().to_string())
}

/// Parses the bytes of a `.npy` file; `name` is used in error messages.
pub fn parse(bytes: &[u8], name: &str) -> Result<NpyArray> {
    let err = |m: String| Error::parse(name, format!("not a float64 .npy array: {m}"));
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err(err("missing the \\x93NUMPY magic".into()));
    }
    let major = bytes[6];
    let (header_len, start) = match major {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10usize),
        2 | 3 => {
            if bytes.len() < 12 {
                return Err(err("truncated header".into()));
            }
            (
                u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
                12,
            )
        }
        v => return Err(err(format!("unsupported format version {v}"))),
    };
    let end = start
        .checked_add(header_len)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| err("truncated header".into()))?;
    let header =
        std::str::from_utf8(&bytes[start..end]).map_err(|_| err("header is not text".into()))?;
    let descr =
        dict_value(header, "descr").ok_or_else(|| err(format!("no descr in {header:?}")))?;
    let descr = descr.trim().trim_matches(|c| c == '\'' || c == '"');
    let width = match descr {
        "<f8" | "f8" | "=f8" | "<d" => 8,
        "<f4" | "f4" | "=f4" => 4,
        other => {
            return Err(err(format!(
                "dtype {other:?} (expected little-endian float64 '<f8' or float32 '<f4'; \
                 use arr.astype('<f8'))"
            )))
        }
    };
    let fortran =
        dict_value(header, "fortran_order").ok_or_else(|| err("no fortran_order".into()))?;
    if fortran.trim() != "False" {
        return Err(err(
            "fortran_order is True (save a C-ordered array: np.ascontiguousarray)".into(),
        ));
    }
    let shape_text = dict_value(header, "shape").ok_or_else(|| err("no shape".into()))?;
    let inner = shape_text
        .trim()
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .ok_or_else(|| err(format!("bad shape {shape_text:?}")))?;
    let mut shape = Vec::new();
    for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        shape.push(
            part.parse::<usize>()
                .map_err(|_| err(format!("bad shape {shape_text:?}")))?,
        );
    }
    let count = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| err("shape overflows".into()))?;
    let body = &bytes[end..];
    if body.len() != count * width {
        return Err(err(format!(
            "shape {shape:?} needs {} bytes of data, the file has {}",
            count * width,
            body.len()
        )));
    }
    let data = if width == 8 {
        body.chunks_exact(8)
            .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect()
    } else {
        body.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]) as f64)
            .collect()
    };
    Ok(NpyArray { shape, data })
}

/// The text after `'key':` in a numpy header dict, up to the next top-level comma.
fn dict_value<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let pat1 = format!("'{key}':");
    let pat2 = format!("\"{key}\":");
    let at = header
        .find(&pat1)
        .map(|i| i + pat1.len())
        .or_else(|| header.find(&pat2).map(|i| i + pat2.len()))?;
    let rest = &header[at..];
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | '}' if depth == 0 => return Some(&rest[..i]),
            _ => {}
        }
    }
    Some(rest)
}

/// Writes a float64 C-order `.npy` file (format 1.0), through a temporary file renamed at the
/// end.
pub fn write(path: &Path, shape: &[usize], data: &[f64]) -> Result<()> {
    let count: usize = shape.iter().product();
    if count != data.len() {
        return Err(Error::shape(
            path.display().to_string(),
            format!("shape {shape:?} holds {count} values, got {}", data.len()),
        ));
    }
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let shape_text = match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    };
    let mut header = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {shape_text}, }}");
    // Pad so that the data starts on a 64-byte boundary, ending in '\n'.
    let total = 10 + header.len() + 1;
    header.push_str(&" ".repeat((64 - total % 64) % 64));
    header.push('\n');
    let mut out = Vec::with_capacity(10 + header.len() + data.len() * 8);
    out.extend_from_slice(b"\x93NUMPY\x01\x00");
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    for v in data {
        out.extend_from_slice(&v.to_le_bytes());
    }
    crate::arrays::write_atomic(path, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = std::env::temp_dir().join(format!("rk-npy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.npy");
        write(&p, &[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, -6.5]).unwrap();
        let a = read(&p).unwrap();
        assert_eq!(a.shape, vec![2, 3]);
        assert_eq!(a.data, vec![1.0, 2.0, 3.0, 4.0, 5.0, -6.5]);
        write(&p, &[3], &[1.0, 2.0, 3.0]).unwrap();
        assert_eq!(read(&p).unwrap().shape, vec![3]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn numpy_header() {
        // The header numpy 2.x writes for np.save(f, np.zeros((2,2))).
        let mut bytes =
            b"\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }"
                .to_vec();
        while bytes.len() < 127 {
            bytes.push(b' ');
        }
        bytes.push(b'\n');
        bytes.extend(std::iter::repeat(0u8).take(32));
        let a = parse(&bytes, "z.npy").unwrap();
        assert_eq!(a.shape, vec![2, 2]);
        let bad = parse(&bytes[..bytes.len() - 8], "z.npy").unwrap_err();
        assert!(bad.to_string().contains("z.npy"), "{bad}");
    }
}
