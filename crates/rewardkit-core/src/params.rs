//! Refined parameter types: a spec field whose type says its rule checks itself while the
//! spec is deserialised, so the error names the field's path (from serde) and no node checks
//! it again by hand.
//!
//! | type | holds | rule (error message) |
//! |---|---|---|
//! | [`Finite`] | `f64` | finite (`must be a finite number, got …`) |
//! | [`NonNegative`] | `f64` | finite and ≥ 0 (`must be finite and >= 0, got …`) |
//! | [`NonPositive`] | `f64` | finite and ≤ 0 (`must be finite and <= 0, got …`) |
//! | [`Positive`] | `f64` | finite and > 0 (`must be finite and > 0, got …`) |
//! | [`NonZero`] | `f64` | finite and ≠ 0 (`must be finite and non-zero, got …`) |
//! | [`UnitInterval`] | `f64` | in [0, 1] (`must be in [0, 1], got …`) |
//! | [`AtLeastOne`] | `usize` | ≥ 1 (`must be at least 1`) |
//! | [`Ddof`] | `u32` | 0 or 1 (`must be 0 (population) or 1 (unbiased), got …`) |
//! | [`NonEmpty`] | `String` | not empty (`must not be empty`) |
//!
//! Each serialises as the plain value and has the plain value's JSON Schema, so a spec
//! document and `rewardkit schema` read the same as with the plain type. A document's
//! non-finite numbers are rejected before this (with the note `nan and inf are not
//! accepted`), so [`Finite`]'s own message is seen only by specs built in code.
//!
//! ```
//! use rewardkit_core::params::{NonNegative, Positive};
//! assert_eq!(NonNegative::new(0.0).unwrap().get(), 0.0);
//! assert_eq!(
//!     Positive::new(0.0).unwrap_err().to_string(),
//!     "must be finite and > 0, got 0"
//! );
//! // Deserialising checks the rule: the message is the spec error's.
//! let e = serde_json::from_str::<NonNegative>("-1").unwrap_err();
//! assert!(e.to_string().starts_with("must be finite and >= 0, got -1"));
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A parameter value that breaks its type's rule; `Display` is the spec error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(String);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

/// A finite `f64` (default 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Finite(f64);

/// A finite `f64` ≥ 0.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct NonNegative(f64);

/// A finite `f64` ≤ 0.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct NonPositive(f64);

/// A finite `f64` > 0.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Positive(f64);

/// A finite, non-zero `f64`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct NonZero(f64);

/// An `f64` in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct UnitInterval(f64);

/// A count ≥ 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "usize", into = "usize")]
pub struct AtLeastOne(usize);

/// A `ddof` of a standard deviation: 0 (population) or 1 (unbiased).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "u32", into = "u32")]
pub struct Ddof(u32);

/// A non-empty `String`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NonEmpty(String);

macro_rules! rule {
    ($name:ident($inner:ty), |$v:ident| $ok:expr, $msg:expr) => {
        impl $name {
            /// The value, if it keeps the rule; else the spec error message.
            pub fn new($v: $inner) -> Result<Self, Invalid> {
                if $ok {
                    Ok($name($v))
                } else {
                    Err(Invalid($msg))
                }
            }

            /// A value known to keep the rule (a default or a constant); checked in debug
            /// builds.
            #[allow(dead_code)]
            pub(crate) fn trusted($v: $inner) -> Self {
                debug_assert!($ok, "{}", $msg);
                $name($v)
            }
        }

        impl TryFrom<$inner> for $name {
            type Error = Invalid;
            fn try_from(v: $inner) -> Result<Self, Invalid> {
                Self::new(v)
            }
        }

        impl From<$name> for $inner {
            fn from(v: $name) -> $inner {
                v.0
            }
        }

        impl JsonSchema for $name {
            fn is_referenceable() -> bool {
                false
            }
            fn schema_name() -> String {
                <$inner as JsonSchema>::schema_name()
            }
            fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
                <$inner as JsonSchema>::json_schema(gen)
            }
        }
    };
}

rule!(
    Finite(f64),
    |v| v.is_finite(),
    format!("must be a finite number, got {v}")
);
rule!(
    NonNegative(f64),
    |v| v.is_finite() && v >= 0.0,
    format!("must be finite and >= 0, got {v}")
);
rule!(
    NonPositive(f64),
    |v| v.is_finite() && v <= 0.0,
    format!("must be finite and <= 0, got {v}")
);
rule!(
    Positive(f64),
    |v| v.is_finite() && v > 0.0,
    format!("must be finite and > 0, got {v}")
);
rule!(
    NonZero(f64),
    |v| v.is_finite() && v != 0.0,
    format!("must be finite and non-zero, got {v}")
);
rule!(
    UnitInterval(f64),
    |v| (0.0..=1.0).contains(&v),
    format!("must be in [0, 1], got {v}")
);
rule!(
    AtLeastOne(usize),
    |v| v >= 1,
    "must be at least 1".to_string()
);
rule!(
    Ddof(u32),
    |v| v <= 1,
    format!("must be 0 (population) or 1 (unbiased), got {v}")
);
rule!(
    NonEmpty(String),
    |v| !v.is_empty(),
    "must not be empty".to_string()
);

macro_rules! getters {
    ($($name:ident),*) => {$(
        impl $name {
            /// The value.
            pub fn get(self) -> f64 {
                self.0
            }
        }
    )*};
}

getters!(
    Finite,
    NonNegative,
    NonPositive,
    Positive,
    NonZero,
    UnitInterval
);

impl AtLeastOne {
    /// The value.
    pub fn get(self) -> usize {
        self.0
    }
}

impl Ddof {
    /// The value.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl NonEmpty {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for NonEmpty {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NonEmpty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_and_its_message() {
        assert!(Finite::new(f64::NAN).is_err());
        assert_eq!(
            NonNegative::new(-1.0).unwrap_err().to_string(),
            "must be finite and >= 0, got -1"
        );
        assert!(NonNegative::new(0.0).is_ok());
        assert!(Positive::new(0.0).is_err());
        assert_eq!(
            NonZero::new(0.0).unwrap_err().to_string(),
            "must be finite and non-zero, got 0"
        );
        assert!(UnitInterval::new(1.0).is_ok() && UnitInterval::new(1.5).is_err());
        assert_eq!(
            AtLeastOne::new(0).unwrap_err().to_string(),
            "must be at least 1"
        );
        assert_eq!(
            NonEmpty::new(String::new()).unwrap_err().to_string(),
            "must not be empty"
        );
    }

    #[test]
    fn deserialising_checks_and_serialising_is_plain() {
        let e = serde_json::from_str::<Positive>("-2")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("must be finite and > 0, got -2"), "{e}");
        let p: Positive = serde_json::from_str("2").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "2.0");
        let n: AtLeastOne = serde_json::from_str("3").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "3");
        assert_eq!(
            schemars::schema_for!(NonNegative).schema.instance_type,
            schemars::schema_for!(f64).schema.instance_type
        );
    }
}
