//! [`Verdict`]: what a reward function concluded about one sample (`info.verdict`).

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! verdicts {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, by $who:literal, $what:literal; )*) => {
        /// What a reward function concluded about one sample, written to `info.verdict` in
        /// snake case. The wire names, who gives each and when (generated from the enum):
        ///
        /// | `info.verdict` | given by | situation |
        /// |---|---|---|
        $( #[doc = concat!("| `", $name, "` | ", $who, " | ", $what, " |")] )*
        /// | any other text | another rewardkit (`remote` with `api = "rewardkit"`) | [`Verdict::Other`]: a name this build does not know, kept as it came |
        ///
        /// One name per situation, with one exception kept for compatibility:
        /// `no_pred_answer` (`math`, the verifier's own outcome name) and `no_answer`
        /// (`exact_match`, `number_match`) both mean "the completion holds no answer";
        /// [`Verdict::is_no_answer`] treats them as one.
        ///
        /// ```
        /// use rewardkit_core::Verdict;
        /// assert_eq!(serde_json::to_string(&Verdict::NoPredAnswer).unwrap(), "\"no_pred_answer\"");
        /// assert_eq!(Verdict::from_name("format_ok"), Verdict::FormatOk);
        /// assert!(Verdict::NoAnswer.is_no_answer() && Verdict::NoPredAnswer.is_no_answer());
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Verdict {
            $( $(#[$doc])* $variant, )*
            /// A verdict this build does not know, read from another rewardkit's output (never
            /// produced by this build).
            Other(String),
        }

        impl Verdict {
            /// Every verdict this build produces, in table order.
            pub const ALL: &'static [Verdict] = &[$(Verdict::$variant),*];

            /// The wire name (`equal`, `format_bad`, ...).
            pub fn as_str(&self) -> &str {
                match self {
                    $( Verdict::$variant => $name, )*
                    Verdict::Other(s) => s,
                }
            }

            /// The verdict with this wire name ([`Verdict::Other`] for an unknown one).
            pub fn from_name(name: &str) -> Verdict {
                match name {
                    $( $name => Verdict::$variant, )*
                    other => Verdict::Other(other.to_string()),
                }
            }
        }
    };
}

verdicts! {
    /// The extracted answer equals a reference.
    Equal = "equal", by "`math`, `exact_match`, `number_match`", "the extracted answer equals a reference";
    /// The extracted answer differs from every reference.
    NotEqual = "not_equal", by "`math`, `exact_match`, `number_match`", "the extracted answer differs from every reference";
    /// The completion holds no answer (`exact_match`, `number_match`).
    NoAnswer = "no_answer", by "`exact_match`, `number_match`", "no answer in the completion";
    /// The completion holds no answer (`math`: the verifier's outcome name).
    NoPredAnswer = "no_pred_answer", by "`math`", "no answer in the completion (the verifier's name for `no_answer`)";
    /// The reference holds no answer (or there is none): the sample abstains.
    NoGoldAnswer = "no_gold_answer", by "`math`", "no usable reference: the sample abstains";
    /// The verifier ran out of its step budget.
    BudgetExceeded = "budget_exceeded", by "`math`", "the verifier's work budget ran out (scored as incorrect)";
    /// The deadline passed during the comparison.
    Timeout = "timeout", by "`math`", "the per-sample deadline passed (`info.timeout` is set too)";
    /// The pattern matched.
    Match = "match", by "`regex`", "the pattern matched";
    /// The pattern did not match.
    NoMatch = "no_match", by "`regex`", "the pattern did not match";
    /// The completion has the required format.
    FormatOk = "format_ok", by "`format`", "the completion has the required format";
    /// The completion lacks the required format.
    FormatBad = "format_bad", by "`format`, `rlcr`", "the completion lacks the required format (or, for `rlcr`, a readable confidence)";
    /// The `correct` child judged the sample correct.
    Correct = "correct", by "`rlcr`, `cosine`", "the `correct` child's value is at least `threshold`";
    /// The `correct` child judged the sample incorrect.
    Incorrect = "incorrect", by "`rlcr`, `cosine`", "the `correct` child's value is below `threshold`";
}

impl Verdict {
    /// Whether the completion held no answer (`no_answer` or `no_pred_answer`).
    pub fn is_no_answer(&self) -> bool {
        matches!(self, Verdict::NoAnswer | Verdict::NoPredAnswer)
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Verdict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Verdict::from_name(&name))
    }
}

impl JsonSchema for Verdict {
    fn schema_name() -> String {
        "Verdict".into()
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        String::json_schema(gen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for v in Verdict::ALL {
            assert!(seen.insert(v.as_str()), "{v} twice");
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(serde_json::from_str::<Verdict>(&json).unwrap(), *v);
            assert!(v
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        let other: Verdict = serde_json::from_str("\"from_the_future\"").unwrap();
        assert_eq!(other, Verdict::Other("from_the_future".into()));
        assert_eq!(
            serde_json::to_string(&other).unwrap(),
            "\"from_the_future\""
        );
    }
}
