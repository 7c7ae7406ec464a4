//! Text building blocks shared by the reward functions: which part of a completion is the
//! answer ([`extract`]), Python's text semantics (`str.split()`, `str.strip()`, `re`'s `\w`,
//! `float()`, `re.findall`), user regular expressions with Python's `$` rule, the RLCR tags,
//! and a sample's reference texts. Reward modules depend on these, not on each other.

#[cfg(feature = "remote")]
pub mod chat_template;
pub mod extract;
pub(crate) mod pattern;
pub(crate) mod python;
pub(crate) mod tags;

use crate::{Reference, Sample};

/// The accepted reference texts of a sample (the spec's override first), or why there are none.
pub(crate) fn reference_texts<'a>(
    overrides: Option<&'a [String]>,
    sample: &'a Sample,
) -> std::result::Result<Vec<&'a str>, &'static str> {
    if let Some(r) = overrides {
        return Ok(r.iter().map(String::as_str).collect());
    }
    match &sample.reference {
        None => Err("no reference"),
        Some(Reference::Other(_)) => Err("the reference is not a text or a list of texts"),
        Some(r) => {
            let t = r.texts();
            if t.is_empty() {
                Err("empty reference list")
            } else {
                Ok(t)
            }
        }
    }
}
