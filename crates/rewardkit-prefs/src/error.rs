//! The one error type of `rewardkit-prefs`.
//!
//! Every error names what it is about: the data file, line and field of a malformed row, the
//! model folder and file of a model that does not load, or the option that is out of range.

use std::path::PathBuf;

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `rewardkit-prefs`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One row of a data file is malformed.
    #[error("{file}:{line}: field `{field}`: {message}")]
    Data {
        /// The data file.
        file: String,
        /// 1-based line number.
        line: u64,
        /// The offending field (`.` for the whole row).
        field: String,
        /// What was wrong and what was expected.
        message: String,
    },
    /// A data set cannot be used as asked (empty, wrong kind for the model).
    #[error("{file}: {message}")]
    Dataset {
        /// The data file.
        file: String,
        /// What was wrong.
        message: String,
    },
    /// A model folder does not load (missing or inconsistent config or weights).
    #[error("model {}: {message}", path.display())]
    Model {
        /// The model folder (or file).
        path: PathBuf,
        /// What was wrong and what was expected.
        message: String,
    },
    /// An option is out of range or options do not fit together.
    #[error("invalid `{name}`: {message}")]
    Option {
        /// The option's name.
        name: String,
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
    /// Shorthand for [`Error::Option`].
    pub fn option(name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Option {
            name: name.into(),
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::Model`].
    pub fn model(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Model {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
