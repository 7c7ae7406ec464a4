//! The one error type of `rewardkit-core`.
//!
//! Outcomes are data, not errors: a wrong or unparseable answer, an abstention or a timeout is a
//! [`RewardOutput`](crate::RewardOutput). [`Error`] means the engine could not do its job: a bad
//! pipeline spec, unreadable input, an I/O failure.

use std::path::PathBuf;

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `rewardkit-core`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The pipeline spec is not valid. `path` names the offending field, e.g.
    /// `reward.terms[1].reward.ngram_size`.
    #[error("invalid pipeline spec at `{path}`: {message}")]
    Spec {
        /// Dotted path of the offending field (`.` for the document root).
        path: String,
        /// What was wrong and what was expected.
        message: String,
    },
    /// A document could not be parsed at all (TOML/JSON syntax).
    #[error("cannot parse {what}: {message}")]
    Syntax {
        /// What was being parsed (file name or "pipeline spec").
        what: String,
        /// The parser's message, with line and column where known.
        message: String,
    },
    /// One input row is malformed.
    #[error("{source_name}:{line}: {message}")]
    Input {
        /// File name (or `<stdin>`).
        source_name: String,
        /// 1-based line (or row) number.
        line: u64,
        /// What was wrong and what was expected.
        message: String,
    },
    /// An I/O error, with the path involved.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A feature that this build does not include.
    #[error("{0}")]
    Unsupported(String),
}

impl Error {
    /// Shorthand for [`Error::Spec`].
    pub fn spec(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Spec {
            path: path.into(),
            message: message.into(),
        }
    }
}
