//! The one error type of `rewardkit-mdp`.
//!
//! Every error names what it is about: the file, the field, the state and action of a malformed
//! transition row, or the parameter that is out of range.

use std::path::PathBuf;

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `rewardkit-mdp`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A transition row (or the whole MDP) is malformed: probabilities that are negative, not
    /// finite or do not sum to 1, rows of the wrong length, a bad discount or initial
    /// distribution. `state` and `action` are 0-based indices when the problem is in one row.
    #[error("{}{message}", location(*state, *action))]
    Mdp {
        /// The state whose row is malformed (0-based), if the problem is in one state.
        state: Option<usize>,
        /// The action whose row is malformed (0-based), if the problem is in one row.
        action: Option<usize>,
        /// What is wrong and what was expected.
        message: String,
    },
    /// A reward, a distribution, a policy or a potential does not fit the MDP (wrong shape,
    /// non-finite entry).
    #[error("{what}: {message}")]
    Shape {
        /// What was being checked (`reward`, `potential`, `policy`, a file name, ...).
        what: String,
        /// What is wrong and what was expected.
        message: String,
    },
    /// A parameter is out of its range (`gamma`, `n_states`, a sparsity, ...).
    #[error("invalid `{name}`: {message}")]
    Param {
        /// The parameter's name.
        name: String,
        /// What is wrong and what was expected.
        message: String,
    },
    /// A document could not be parsed (JSON syntax, NPY header, JSONL row).
    #[error("{source_name}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        /// File name (or `<stdin>`, `<string>`).
        source_name: String,
        /// 1-based line number, for line-oriented input.
        line: Option<u64>,
        /// What was wrong.
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
    /// A linear solve failed (a singular system, or an iteration that did not converge).
    #[error("linear solve failed: {0}")]
    Solve(String),
}

fn location(state: Option<usize>, action: Option<usize>) -> String {
    match (state, action) {
        (Some(s), Some(a)) => format!("state {s}, action {a}: "),
        (Some(s), None) => format!("state {s}: "),
        (None, Some(a)) => format!("action {a}: "),
        (None, None) => String::new(),
    }
}

impl Error {
    /// An [`Error::Mdp`] about one transition row.
    pub fn row(state: usize, action: usize, message: impl Into<String>) -> Self {
        Error::Mdp {
            state: Some(state),
            action: Some(action),
            message: message.into(),
        }
    }

    /// An [`Error::Mdp`] about the whole MDP.
    pub fn mdp(message: impl Into<String>) -> Self {
        Error::Mdp {
            state: None,
            action: None,
            message: message.into(),
        }
    }

    /// An [`Error::Shape`].
    pub fn shape(what: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Shape {
            what: what.into(),
            message: message.into(),
        }
    }

    /// An [`Error::Param`].
    pub fn param(name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Param {
            name: name.into(),
            message: message.into(),
        }
    }

    /// An [`Error::Parse`] without a line number.
    pub fn parse(source_name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Parse {
            source_name: source_name.into(),
            line: None,
            message: message.into(),
        }
    }

    /// An [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
