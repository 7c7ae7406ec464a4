//! gzip and zstd for JSONL input and output (cargo features `gzip` and `zstd`, on by default).
//!
//! An input is decompressed when its first bytes are a gzip (`1f 8b`) or zstd (`28 b5 2f fd`)
//! header, whatever its name (stdin included); a file named `.gz`/`.gzip` or `.zst`/`.zstd`
//! whose bytes are not that format is an error that says so. Decompression streams (memory
//! stays flat), concatenated gzip members and zstd frames are read in turn, and a corrupt or
//! truncated stream is an error naming the line being read. An output named `.gz` or `.zst`
//! is compressed.

use anyhow::{bail, Result};
use std::io::{BufRead, Write};
use std::path::Path;

/// A compression format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    /// No compression.
    Plain,
    /// gzip (RFC 1952).
    Gzip,
    /// Zstandard (RFC 8878).
    Zstd,
}

impl Codec {
    /// The format a file name promises (`rows.jsonl.gz`, `rows.jsonl.zst`).
    pub(crate) fn from_name(path: &Path) -> Codec {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("gz" | "gzip") => Codec::Gzip,
            Some("zst" | "zstd") => Codec::Zstd,
            _ => Codec::Plain,
        }
    }

    /// The format of data starting with `head` (its magic bytes).
    pub(crate) fn sniff(head: &[u8]) -> Codec {
        if head.starts_with(&[0x1f, 0x8b]) {
            Codec::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Codec::Zstd
        } else {
            Codec::Plain
        }
    }

    /// The format's name in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Codec::Plain => "plain",
            Codec::Gzip => "gzip",
            Codec::Zstd => "zstd",
        }
    }

    fn feature_missing(self) -> anyhow::Error {
        anyhow::anyhow!(
            "this rewardkit was built without {0} support\n\nhint: rebuild with `cargo build --release --features {0}`, or decompress the input first",
            self.name()
        )
    }
}

/// Wraps `inner` in the decoder its first bytes call for. `named` is the input's name (for
/// messages) and `path` its path (`None` for stdin), whose extension is checked against the
/// bytes. Returns the reader and the codec found.
pub(crate) fn decoder(
    mut inner: Box<dyn BufRead + Send>,
    path: Option<&Path>,
    named: &str,
) -> Result<(Box<dyn BufRead + Send>, Codec)> {
    let head = inner
        .fill_buf()
        .map_err(|e| anyhow::anyhow!("{named}: cannot read input: {e}"))?;
    let found = Codec::sniff(head);
    let empty = head.is_empty();
    if let Some(promised) = path.map(Codec::from_name) {
        if promised != Codec::Plain && promised != found && !empty {
            bail!(
                "{named}: not {} data: the file does not start with a {} header (corrupt, or misnamed)",
                promised.name(),
                promised.name()
            );
        }
    }
    let reader: Box<dyn BufRead + Send> = match found {
        Codec::Plain => inner,
        Codec::Gzip => {
            #[cfg(feature = "gzip")]
            {
                Box::new(std::io::BufReader::with_capacity(
                    1 << 20,
                    flate2::bufread::MultiGzDecoder::new(inner),
                ))
            }
            #[cfg(not(feature = "gzip"))]
            return Err(found.feature_missing());
        }
        Codec::Zstd => {
            #[cfg(feature = "zstd")]
            {
                let d = zstd::stream::read::Decoder::with_buffer(inner)
                    .map_err(|e| anyhow::anyhow!("{named}: cannot start zstd decoding: {e}"))?;
                Box::new(std::io::BufReader::with_capacity(1 << 20, d))
            }
            #[cfg(not(feature = "zstd"))]
            return Err(found.feature_missing());
        }
    };
    Ok((reader, found))
}

/// A writer that compresses (or not) into `W`; [`Encoder::finish`] ends the stream.
pub(crate) enum Encoder<W: Write> {
    /// As is.
    Plain(W),
    /// gzip.
    #[cfg(feature = "gzip")]
    Gzip(flate2::write::GzEncoder<W>),
    /// zstd.
    #[cfg(feature = "zstd")]
    Zstd(zstd::stream::write::Encoder<'static, W>),
}

impl<W: Write> Encoder<W> {
    /// The encoder a file name calls for.
    pub(crate) fn for_path(path: &Path, out: W) -> Result<Self> {
        Ok(match Codec::from_name(path) {
            Codec::Plain => Encoder::Plain(out),
            #[cfg(feature = "gzip")]
            Codec::Gzip => Encoder::Gzip(flate2::write::GzEncoder::new(
                out,
                flate2::Compression::default(),
            )),
            #[cfg(feature = "zstd")]
            Codec::Zstd => Encoder::Zstd(zstd::stream::write::Encoder::new(out, 3)?),
            #[allow(unreachable_patterns)]
            other => return Err(other.feature_missing()),
        })
    }

    /// Ends the compressed stream and returns the writer underneath.
    pub(crate) fn finish(self) -> std::io::Result<W> {
        match self {
            Encoder::Plain(w) => Ok(w),
            #[cfg(feature = "gzip")]
            Encoder::Gzip(e) => e.finish(),
            #[cfg(feature = "zstd")]
            Encoder::Zstd(e) => e.finish(),
        }
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Encoder::Plain(w) => w.write(buf),
            #[cfg(feature = "gzip")]
            Encoder::Gzip(e) => e.write(buf),
            #[cfg(feature = "zstd")]
            Encoder::Zstd(e) => e.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Encoder::Plain(w) => w.flush(),
            #[cfg(feature = "gzip")]
            Encoder::Gzip(e) => e.flush(),
            #[cfg(feature = "zstd")]
            Encoder::Zstd(e) => e.flush(),
        }
    }
}

#[cfg(all(test, feature = "gzip", feature = "zstd"))]
mod tests {
    use super::*;
    use std::io::Read;

    fn round_trip(name: &str) -> (Codec, String) {
        let mut e = Encoder::for_path(Path::new(name), Vec::new()).unwrap();
        e.write_all(b"{\"a\": 1}\n{\"a\": 2}\n").unwrap();
        let bytes = e.finish().unwrap();
        let (mut r, codec) = decoder(Box::new(std::io::Cursor::new(bytes)), None, name).unwrap();
        let mut text = String::new();
        r.read_to_string(&mut text).unwrap();
        (codec, text)
    }

    #[test]
    fn each_codec_round_trips_and_is_found_by_its_bytes() {
        for (name, codec) in [
            ("x.jsonl", Codec::Plain),
            ("x.jsonl.gz", Codec::Gzip),
            ("x.jsonl.zst", Codec::Zstd),
        ] {
            let (found, text) = round_trip(name);
            assert_eq!(found, codec, "{name}");
            assert_eq!(text, "{\"a\": 1}\n{\"a\": 2}\n", "{name}");
        }
    }

    #[test]
    fn a_compressed_name_over_plain_bytes_is_an_error() {
        let err = decoder(
            Box::new(std::io::Cursor::new(b"{}\n".to_vec())),
            Some(Path::new("rows.jsonl.zst")),
            "rows.jsonl.zst",
        )
        .err()
        .unwrap()
        .to_string();
        assert!(err.contains("rows.jsonl.zst: not zstd data"), "{err}");
    }
}
