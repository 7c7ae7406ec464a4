//! Reading tagged parts of a completion: the RLCR tag order and its `<confidence>` value.

/// The RLCR tag-order pattern.
pub const RLCR_PATTERN: &str = r"(?s)\A.*?</think>\s*<answer>.*?</answer>\s*<analysis>.*?</analysis>\s*<confidence>.*?</confidence>\s*\z";

/// The RLCR confidence: the content of the last `</confidence>` and the nearest
/// `<confidence>` before it, read by Python's `float()`, in [0, 1]; `Err` says why not.
pub fn rlcr_confidence(text: &str) -> std::result::Result<f64, &'static str> {
    let close = text
        .rfind("</confidence>")
        .ok_or("no <confidence>…</confidence>")?;
    let open = text[..close]
        .rfind("<confidence>")
        .ok_or("no <confidence>…</confidence>")?;
    confidence_value(&text[open + 12..close])
}

/// The RLCR code's confidence: the last match of Python's
/// `re.findall(r"<confidence>(.*?)</confidence>", text)` (no `re.DOTALL`), read by `float()`,
/// in [0, 1]; `Err` says why not.
pub fn rlcr_confidence_findall(text: &str) -> std::result::Result<f64, &'static str> {
    let inner = super::python::findall_last(text, "<confidence>", "</confidence>")
        .ok_or("no <confidence>…</confidence>")?;
    confidence_value(inner)
}

/// A confidence read as Python's `float()` reads it (see [`super::python`]): `nan` parses but is
/// a format failure, as is anything outside [0, 1].
fn confidence_value(inner: &str) -> std::result::Result<f64, &'static str> {
    let q = super::python::py_float(inner).ok_or("the confidence is not a number")?;
    if q.is_nan() {
        Err("the confidence is nan")
    } else if (0.0..=1.0).contains(&q) {
        Ok(q)
    } else {
        Err("the confidence is outside [0, 1]")
    }
}
