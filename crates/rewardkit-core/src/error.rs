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
    /// `reward.terms[1].reward.ngram_size`; `kind` says what is wrong (its `Display` is the
    /// message).
    #[error("invalid pipeline spec at `{path}`: {kind}")]
    Spec {
        /// Dotted path of the offending field (`.` for the document root).
        path: String,
        /// What was wrong and what was expected.
        kind: SpecErrorKind,
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

/// What is wrong with a pipeline spec field ([`Error::Spec`]). `Display` is the message; a
/// program matches on the variant instead of on the text.
///
/// ```
/// use rewardkit_core::{Error, PipelineSpec, SpecErrorKind};
/// let e = PipelineSpec::from_toml("schema_version = 1\n[reward]\ntype = \"math\"\nfoo = 1\n")
///     .unwrap_err();
/// match e {
///     Error::Spec { path, kind: SpecErrorKind::Schema(msg) } => {
///         assert_eq!(path, "reward.foo");
///         assert!(msg.contains("unknown field `foo`"));
///     }
///     e => panic!("{e}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpecErrorKind {
    /// The document does not fit the schema: an unknown field or `type`, a value of the wrong
    /// type, a missing field.
    Schema(String),
    /// A field's value breaks its rule (a range, a non-empty text, a finite number).
    Value(String),
    /// Fields that do not go together, or a field that needs another.
    Conflict(String),
    /// A term name that trainers' result dicts already use (see
    /// `crate::log_keys::RESERVED`).
    Reserved {
        /// The name.
        name: String,
    },
    /// Two terms of one combinator with the same name.
    Duplicate {
        /// The name.
        name: String,
    },
    /// A regular expression or template that does not compile.
    Pattern(String),
    /// A file the spec names cannot be read or used.
    File(String),
    /// An environment variable the spec names is not set.
    Environment(String),
    /// A `schema_version` this build does not read.
    Version {
        /// The version in the document.
        found: i64,
        /// The version this build reads.
        supported: u32,
    },
}

impl SpecErrorKind {
    /// The kind's name in snake case (`schema`, `value`, `conflict`, `reserved`,
    /// `duplicate`, `pattern`, `file`, `environment`, `version`), for bindings and logs.
    pub fn name(&self) -> &'static str {
        match self {
            SpecErrorKind::Schema(_) => "schema",
            SpecErrorKind::Value(_) => "value",
            SpecErrorKind::Conflict(_) => "conflict",
            SpecErrorKind::Reserved { .. } => "reserved",
            SpecErrorKind::Duplicate { .. } => "duplicate",
            SpecErrorKind::Pattern(_) => "pattern",
            SpecErrorKind::File(_) => "file",
            SpecErrorKind::Environment(_) => "environment",
            SpecErrorKind::Version { .. } => "version",
        }
    }
}

impl std::fmt::Display for SpecErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpecErrorKind::Schema(m)
            | SpecErrorKind::Value(m)
            | SpecErrorKind::Conflict(m)
            | SpecErrorKind::Pattern(m)
            | SpecErrorKind::File(m)
            | SpecErrorKind::Environment(m) => f.write_str(m),
            SpecErrorKind::Reserved { name } => write!(
                f,
                "`{name}` is reserved: trainers' result dicts already use it for the score or a \
                 flag; reserved names: {}",
                crate::log_keys::RESERVED.join(", ")
            ),
            SpecErrorKind::Duplicate { name } => write!(f, "duplicate term name `{name}`"),
            SpecErrorKind::Version { found, supported } => write!(
                f,
                "unsupported schema_version {found}; this rewardkit reads {supported}"
            ),
        }
    }
}

impl Error {
    /// A spec error: a field's value breaks its rule ([`SpecErrorKind::Value`]).
    pub fn spec(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::spec_kind(path, SpecErrorKind::Value(message.into()))
    }

    /// A spec error of a given kind.
    pub fn spec_kind(path: impl Into<String>, kind: SpecErrorKind) -> Self {
        Error::Spec {
            path: path.into(),
            kind,
        }
    }

    /// A spec error: fields that do not go together ([`SpecErrorKind::Conflict`]).
    pub fn spec_conflict(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::spec_kind(path, SpecErrorKind::Conflict(message.into()))
    }

    /// A spec error: a pattern or template that does not compile
    /// ([`SpecErrorKind::Pattern`]).
    pub fn spec_pattern(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::spec_kind(path, SpecErrorKind::Pattern(message.into()))
    }

    /// A spec error: a file the spec names ([`SpecErrorKind::File`]).
    pub fn spec_file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::spec_kind(path, SpecErrorKind::File(message.into()))
    }
}
