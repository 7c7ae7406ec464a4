//! The one error type of `rewardkit-eval`.
//!
//! Outcomes are data: a wrong pick is a 0 in the report. [`Error`] means the evaluation could
//! not be done: an unreadable or malformed file, a score that is missing or not a number, a
//! score source that failed. Every error about a file names the file, the line and the field.

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `rewardkit-eval`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {file}: {error}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error (in the message, so not also a `source()` that would print it twice).
        error: std::io::Error,
    },
    /// A file is not valid JSON / JSON Lines.
    #[error("{file}:{line}: not valid JSON: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: u64,
        /// The parser's message.
        message: String,
    },
    /// One field of one row is missing or malformed.
    #[error("{file}:{line}: field `{field}`: {message}")]
    Field {
        /// The file.
        file: String,
        /// 1-based line where the row starts.
        line: u64,
        /// The field (dotted path for nested fields, `judgments[1].judgment.scores`).
        field: String,
        /// What was wrong and what was expected.
        message: String,
    },
    /// A whole file does not fit (empty, wrong layout, wrong benchmark).
    #[error("{file}: {message}")]
    File {
        /// The file.
        file: String,
        /// What was wrong.
        message: String,
    },
    /// The scores do not cover every completion of the benchmark.
    #[error("{source_name}: no score for {count} of the benchmark's completions: {list}")]
    MissingScores {
        /// The score source (file name, spec, URL).
        source_name: String,
        /// How many (id, index) pairs are missing.
        count: usize,
        /// The first missing ones, `id#index`, comma separated.
        list: String,
    },
    /// A score source (pipeline or server) failed.
    #[error("{source_name}: {message}")]
    Source {
        /// The score source (spec file or URL).
        source_name: String,
        /// What went wrong.
        message: String,
    },
    /// Options or reports that do not fit together (`compare` on two benchmarks, ...).
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    pub(crate) fn field(
        file: &str,
        line: u64,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Error {
        Error::Field {
            file: file.to_string(),
            line,
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn file(file: &str, message: impl Into<String>) -> Error {
        Error::File {
            file: file.to_string(),
            message: message.into(),
        }
    }
}
