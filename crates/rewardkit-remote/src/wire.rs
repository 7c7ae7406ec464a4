//! The wire formats of the reward servers `remote` speaks to: request bodies and response
//! readers. A reader returns one entry per input, in input order, or why the whole answer is
//! unusable; an entry is the reward, or the error message for that one input.
//!
//! | API | request | reward read from | server |
//! |---|---|---|---|
//! | classify | `{"model", "input": [text], "use_activation"}` | `data[i].probs[-1]` (by `data[i].index`) | vLLM `POST /classify`, SGLang `POST /v1/classify` |
//! | pooling | as classify | the last number of `data[i].data` | vLLM `POST /pooling` |
//! | OpenRLHF | `{"query", "prompts", "labels"}` | `rewards[i]` | OpenRLHF `POST /get_reward` (`openrlhf/cli/serve_rm.py`) |
//! | rewardkit | `{"samples": [Sample]}` | `results[i]` (the whole output) | rewardkit `POST /v1/score` |

use serde_json::{json, Value};

/// A reward, or the error message of that one input.
pub type Entry = Result<f64, String>;

/// The body of a vLLM / SGLang classification (or vLLM pooling) request. vLLM renamed
/// `activation` to `use_activation` (0.11.2; verl 0.9.1's reward loop sends `use_activation`);
/// SGLang reads neither.
pub fn classify_body(
    input: Vec<String>,
    model: Option<&str>,
    use_activation: Option<bool>,
) -> Value {
    let mut b = json!({ "input": input });
    if let Some(m) = model {
        b["model"] = json!(m);
    }
    if let Some(a) = use_activation {
        b["use_activation"] = json!(a);
    }
    b
}

/// The body of an OpenRLHF `/get_reward` request: full texts (prompt + response), the
/// prompts, and the labels (references).
pub fn openrlhf_body(query: Vec<String>, prompts: Vec<String>, labels: Vec<Value>) -> Value {
    json!({ "query": query, "prompts": prompts, "labels": labels })
}

/// The body of a rewardkit `/v1/score` request (`samples`: a JSON list of samples).
pub fn rewardkit_body(samples: Value) -> Value {
    json!({ "samples": samples })
}

/// The list at `key`, which must hold exactly `n` entries.
pub fn list<'a>(v: &'a Value, key: &str, n: usize) -> Result<&'a Vec<Value>, String> {
    let l = v
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("response has no `{key}` list"))?;
    if l.len() != n {
        return Err(format!(
            "response has {} `{key}` entries for {n} inputs",
            l.len()
        ));
    }
    Ok(l)
}

fn number(x: Option<&Value>, what: &str) -> Entry {
    match x.and_then(Value::as_f64) {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(format!("remote: no finite number at {what}")),
    }
}

/// Reads a classification (`pooling = false`: `data[i].probs[-1]`) or pooling
/// (`pooling = true`: the last number of `data[i].data`) answer for `n` inputs; entries are
/// placed by their `index` (else by position).
pub fn read_classify(v: &Value, n: usize, pooling: bool) -> Result<Vec<Entry>, String> {
    let data = list(v, "data", n)?;
    let mut outs = vec![None; n];
    for (pos, item) in data.iter().enumerate() {
        let i = item
            .get("index")
            .and_then(Value::as_u64)
            .map_or(pos, |i| i as usize);
        let slot = outs
            .get_mut(i)
            .ok_or_else(|| format!("response index {i} out of range"))?;
        let out = if pooling {
            number(last_number(item.get("data")).as_ref(), "data[i].data")
        } else {
            number(
                item.get("probs")
                    .and_then(Value::as_array)
                    .and_then(|p| p.last()),
                "data[i].probs[-1]",
            )
        };
        *slot = Some(out);
    }
    outs.into_iter()
        .enumerate()
        .map(|(i, o)| o.ok_or_else(|| format!("response lacks index {i}")))
        .collect()
}

/// Reads an OpenRLHF answer for `n` inputs: `rewards[i]`.
pub fn read_openrlhf(v: &Value, n: usize) -> Result<Vec<Entry>, String> {
    Ok(list(v, "rewards", n)?
        .iter()
        .map(|r| number(Some(r), "rewards[i]"))
        .collect())
}

/// The last number in a (possibly nested) JSON array, or the number itself.
pub fn last_number(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::Number(n) => Some(Value::Number(n.clone())),
        Value::Array(a) => a.iter().rev().find_map(|x| last_number(Some(x))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_maps_by_index_and_checks_the_length() {
        let v =
            json!({"data": [{"index": 1, "probs": [0.25]}, {"index": 0, "probs": [0.1, 0.75]}]});
        assert_eq!(
            read_classify(&v, 2, false).unwrap(),
            vec![Ok(0.75), Ok(0.25)]
        );
        assert_eq!(
            read_classify(&v, 1, false).unwrap_err(),
            "response has 2 `data` entries for 1 inputs"
        );
        let bad = json!({"data": [{"probs": []}]});
        assert_eq!(
            read_classify(&bad, 1, false).unwrap(),
            vec![Err(
                "remote: no finite number at data[i].probs[-1]".to_string()
            )]
        );
    }

    #[test]
    fn last_number_walks_nested_arrays() {
        assert_eq!(
            last_number(Some(&json!([[0.1], [0.2, 0.3]]))),
            Some(json!(0.3))
        );
        assert_eq!(last_number(Some(&json!(2.0))), Some(json!(2.0)));
        assert_eq!(last_number(Some(&json!([]))), None);
    }

    #[test]
    fn bodies() {
        let b = classify_body(vec!["t".into()], Some("m"), Some(false));
        assert_eq!(
            b,
            json!({"input": ["t"], "model": "m", "use_activation": false})
        );
        assert_eq!(classify_body(vec![], None, None), json!({"input": []}));
    }
}
