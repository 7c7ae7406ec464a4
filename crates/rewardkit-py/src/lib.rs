//! Python bindings of rewardkit: the `rewardkit._native` extension module.
//!
//! The Python package (`python/rewardkit`) wraps these classes; users import `rewardkit`,
//! not this module. What lives here: the math verifier (`verify`, `Verdict`), a built
//! pipeline (`NativePipeline`: `score` on rows in the `rewardkit score` row shape, and
//! `score_columns` on lists), and the conversion of Python values (numpy scalars and arrays
//! included) into rewardkit samples. Scoring releases the GIL: the batch is scored on
//! rewardkit's thread pool while other Python threads run.
//!
//! Errors are raised as the Python classes of `rewardkit.errors` (`SpecError` with its field
//! path, `InputError` with the index of the bad row).

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rewardkit_core::io::{CompletionTurn, FieldMap};
use rewardkit_core::node::Scope;
use rewardkit_core::{
    log_keys, Message, Pipeline, PipelineSpec, Prompt, Reference, RewardOutput, Sample,
};
use serde_json::{Map, Value};
use std::sync::Arc;

/// Deepest nesting of Python containers converted to JSON.
const MAX_DEPTH: usize = 128;

// ------------------------------------------------------------------------------- errors

/// An instance of `rewardkit.errors.<name>` built with `args`, as a `PyErr`.
fn py_error<'py, A>(py: Python<'py>, name: &str, args: A) -> PyErr
where
    A: pyo3::call::PyCallArgs<'py>,
{
    let made = py
        .import("rewardkit.errors")
        .and_then(|m| m.getattr(name))
        .and_then(|cls| cls.call1(args));
    match made {
        Ok(obj) => PyErr::from_value(obj),
        Err(e) => e,
    }
}

/// A rewardkit-core error as the matching Python exception.
fn core_error(py: Python<'_>, e: rewardkit_core::Error) -> PyErr {
    match e {
        rewardkit_core::Error::Spec { path, kind } => py_error(
            py,
            "SpecError",
            (kind.to_string(), Some(path), Some(kind.name())),
        ),
        rewardkit_core::Error::Syntax { what, message } => py_error(
            py,
            "SpecError",
            (
                format!("cannot parse {what}: {message}"),
                None::<String>,
                Some("syntax"),
            ),
        ),
        rewardkit_core::Error::Io { path, source } => {
            PyOSError::new_err(format!("{}: {source}", path.display()))
        }
        rewardkit_core::Error::Input {
            source_name,
            line,
            message,
        } => py_error(
            py,
            "InputError",
            (format!("{source_name}:{line}: {message}"), line),
        ),
        other => py_error(py, "RewardkitError", (other.to_string(),)),
    }
}

// --------------------------------------------------------------------- Python <-> JSON

/// Converts a Python value into JSON, the way a trainer's values should be read: numpy
/// scalars and arrays through `tolist()`, other integer- and float-like objects through
/// `__index__` / `__float__`, mappings and sequences recursively. A float that is not finite
/// becomes `null`, and so does an object with no JSON form (an image, bytes): such values
/// only ever reach `metadata`, where no built-in reward reads them.
fn to_json(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "value nested more than {MAX_DEPTH} levels deep"
        )));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        let f: f64 = obj.extract()?;
        return Ok(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(Value::String(obj.extract::<String>()?));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = Map::new();
        for (k, v) in d.iter() {
            let key = if k.is_instance_of::<PyString>() {
                k.extract::<String>()?
            } else {
                k.str()?.extract::<String>()?
            };
            m.insert(key, to_json(&v, depth + 1)?);
        }
        return Ok(Value::Object(m));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|x| to_json(&x, depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|x| to_json(&x, depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    // numpy scalars and arrays (np.int64, np.float32, np.bool_, ndarray), and anything else
    // with the same protocol.
    if obj.hasattr("tolist")? && obj.hasattr("dtype")? {
        let plain = obj.call_method0("tolist")?;
        return to_json(&plain, depth + 1);
    }
    if obj.hasattr("__index__")? {
        if let Ok(i) = obj.call_method0("__index__") {
            return to_json(&i, depth + 1);
        }
    }
    if obj.hasattr("__float__")? {
        if let Ok(f) = obj.call_method0("__float__") {
            return to_json(&f, depth + 1);
        }
    }
    if obj.hasattr("items")? {
        if let Ok(items) = obj.call_method0("items") {
            let mut m = Map::new();
            for kv in items.try_iter()? {
                let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = kv?.extract()?;
                m.insert(k.str()?.extract::<String>()?, to_json(&v, depth + 1)?);
            }
            return Ok(Value::Object(m));
        }
    }
    Ok(Value::Null)
}

/// Converts JSON into Python objects.
fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let l = PyList::empty(py);
            for x in items {
                l.append(to_py(py, x)?)?;
            }
            l.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k, to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// One output as a dict: `value`, `components`, `info` (the JSON form of `rewardkit score`'s
/// `info`), and `steps` / `id` when present.
fn output_to_py<'py>(
    py: Python<'py>,
    o: &RewardOutput,
    id: Option<&Value>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("value", o.value.filter(|v| v.is_finite()))?;
    let comps = PyDict::new(py);
    for (k, v) in &o.components {
        comps.set_item(k, v.filter(|x| x.is_finite()))?;
    }
    d.set_item("components", comps)?;
    let info = serde_json::to_value(&o.info).unwrap_or(Value::Null);
    d.set_item("info", to_py(py, &info)?)?;
    if let Some(steps) = &o.steps {
        d.set_item("steps", steps.clone())?;
    }
    if let Some(id) = id {
        d.set_item("id", to_py(py, id)?)?;
    }
    Ok(d)
}

// ------------------------------------------------------------------ chat messages

/// Chat messages from a list of message dicts, read as `rewardkit score` reads them
/// ([`Message::from_value`]: content as text, `None` or content blocks, whose text parts are
/// joined and other parts kept; tool calls kept); a message without a role is the user's.
fn messages(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Message>> {
    let mut out = Vec::new();
    for (i, m) in obj.try_iter()?.enumerate() {
        let m = m?;
        if m.cast::<PyDict>().is_err() {
            return Err(PyTypeError::new_err(
                "a chat message must be a dict with `role` and `content`",
            ));
        }
        let mut v = to_json(&m, 0)?;
        if let Value::Object(o) = &mut v {
            if o.get("role").map_or(true, Value::is_null) {
                o.insert("role".into(), Value::String("user".into()));
            }
        }
        out.push(
            Message::from_value(v)
                .map_err(|e| PyValueError::new_err(format!("message {i}: {e}")))?,
        );
    }
    Ok(out)
}

/// A prompt: text, chat messages, or nothing.
fn prompt(obj: &Bound<'_, PyAny>) -> PyResult<Option<Prompt>> {
    if obj.is_none() {
        return Ok(None);
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(Some(Prompt::Text(obj.extract()?)));
    }
    Ok(Some(Prompt::Messages(messages(obj)?)))
}

/// A completion: text; chat messages (the last assistant message, else the last message, with
/// the tool calls and non-text parts of all of them); one message dict; `None` as empty.
fn completion(obj: &Bound<'_, PyAny>) -> PyResult<CompletionTurn> {
    if obj.is_none() {
        return Ok(CompletionTurn::default());
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(CompletionTurn {
            text: obj.extract()?,
            ..CompletionTurn::default()
        });
    }
    if obj.cast::<PyDict>().is_ok() {
        let list = PyList::new(obj.py(), [obj])?;
        return Ok(CompletionTurn::from_messages(&messages(list.as_any())?));
    }
    Ok(CompletionTurn::from_messages(&messages(obj)?))
}

/// `column[i]`, or `None` past its end / without a column.
fn column_item<'a, 'py>(
    column: &'a Option<Vec<Bound<'py, PyAny>>>,
    i: usize,
) -> Option<&'a Bound<'py, PyAny>> {
    column.as_ref().and_then(|c| c.get(i))
}

/// The items of an optional column, checked against `n`.
fn column<'py>(
    name: &str,
    obj: Option<&Bound<'py, PyAny>>,
    n: usize,
) -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let items: Vec<Bound<'py, PyAny>> = obj.try_iter()?.collect::<PyResult<_>>()?;
    if items.len() != n {
        return Err(PyValueError::new_err(format!(
            "`{name}` has {} items but `completions` has {n}; the columns must have equal lengths",
            items.len()
        )));
    }
    Ok(Some(items))
}

// ------------------------------------------------------------------------------ verify

/// The verdict of one math verification: truthy when the answers are equal.
#[pyclass(module = "rewardkit._native", frozen)]
#[derive(Debug)]
struct Verdict {
    verdict: rewardkit_math::Verdict,
    gold_text: String,
    pred_text: String,
    options: rewardkit_math::Options,
}

#[pymethods]
impl Verdict {
    /// `equal`, `not_equal`, `no_gold_answer`, `no_pred_answer` or `budget_exceeded`.
    #[getter]
    fn outcome(&self) -> String {
        serde_json::to_value(self.verdict.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// One-line reason.
    #[getter]
    fn reason(&self) -> &str {
        &self.verdict.reason
    }

    /// The extracted, normalised gold answer (`None` when none was found).
    #[getter]
    fn gold(&self) -> Option<&str> {
        self.verdict.gold.as_deref()
    }

    /// The extracted, normalised predicted answer (`None` when none was found).
    #[getter]
    fn pred(&self) -> Option<&str> {
        self.verdict.pred.as_deref()
    }

    /// Where the predicted answer was found: `{"rule", "start", "end", "text"}` (byte offsets
    /// into the UTF-8 prediction), or `None`.
    #[getter]
    fn extraction<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.verdict.extraction {
            Some(e) => to_py(py, &serde_json::to_value(e).unwrap_or(Value::Null)),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Whether the answers are equal.
    #[getter]
    fn is_equal(&self) -> bool {
        self.verdict.is_equal()
    }

    fn __bool__(&self) -> bool {
        self.verdict.is_equal()
    }

    fn __repr__(&self) -> String {
        let opt = |x: &Option<String>| x.as_ref().map_or("None".to_string(), |s| format!("{s:?}"));
        format!(
            "Verdict(outcome={:?}, gold={}, pred={}, reason={:?})",
            self.outcome(),
            opt(&self.verdict.gold),
            opt(&self.verdict.pred),
            self.verdict.reason
        )
    }

    /// The verdict as a dict (the JSON of `rewardkit verify --json`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &serde_json::to_value(&self.verdict).unwrap_or(Value::Null),
        )
    }

    /// The numbered trace of how the verdict was reached (as `rewardkit verify --explain`
    /// prints it), followed by the gold, prediction, verdict and reason.
    fn explain(&self, py: Python<'_>) -> String {
        let (gold, pred, opts) = (&self.gold_text, &self.pred_text, &self.options);
        let v = py.detach(|| rewardkit_math::verify_explain(gold, pred, opts));
        let mut out = String::new();
        for (i, step) in v.steps.iter().enumerate() {
            out.push_str(&format!("{:>2}. {step}\n", i + 1));
        }
        out.push('\n');
        out.push_str(&format!(
            "gold:    {}\npred:    {}\nverdict: {}\nreason:  {}\n",
            v.gold.as_deref().unwrap_or("(none)"),
            v.pred.as_deref().unwrap_or("(none)"),
            self.outcome(),
            v.reason
        ));
        out
    }
}

/// Verifies the math answer in `pred` against `gold`. Keyword arguments are verifier policies
/// (`float_digits=6`, `decimal_comma=True`, `think="after_if_present"`, … as in `rewardkit
/// schema`); an unknown one raises `SpecError`.
#[pyfunction]
#[pyo3(signature = (gold, pred, **policy))]
fn verify(
    py: Python<'_>,
    gold: String,
    pred: String,
    policy: Option<&Bound<'_, PyDict>>,
) -> PyResult<Verdict> {
    let options: rewardkit_math::Options = match policy {
        Some(p) if !p.is_empty() => {
            let v = to_json(p.as_any(), 0)?;
            serde_json::from_value(v).map_err(|e| {
                py_error(
                    py,
                    "SpecError",
                    (format!("invalid verifier policy: {e}"), Some("policy")),
                )
            })?
        }
        _ => rewardkit_math::Options::default(),
    };
    let v = py.detach(|| rewardkit_math::verify(&gold, &pred, &options));
    Ok(Verdict {
        verdict: v,
        gold_text: gold,
        pred_text: pred,
        options,
    })
}

// ---------------------------------------------------------------------------- pipeline

/// A built pipeline (wrapped by `rewardkit.Pipeline`).
#[pyclass(module = "rewardkit._native", frozen)]
#[derive(Debug)]
struct NativePipeline {
    pipeline: Arc<Pipeline>,
    spec_json: String,
    components: Vec<String>,
    correctness: Option<log_keys::Correctness>,
}

impl NativePipeline {
    fn build(py: Python<'_>, spec: PipelineSpec) -> PyResult<Self> {
        let pipeline = spec.build().map_err(|e| core_error(py, e))?;
        let spec_json = serde_json::to_string(&spec)
            .map_err(|e| PyValueError::new_err(format!("cannot serialise the spec: {e}")))?;
        Ok(NativePipeline {
            pipeline: Arc::new(pipeline),
            spec_json,
            components: log_keys::component_names(&spec),
            correctness: log_keys::correctness(&spec),
        })
    }

    /// Scores built samples with the GIL released and converts the outputs.
    fn run<'py>(&self, py: Python<'py>, samples: Vec<Sample>) -> PyResult<Bound<'py, PyList>> {
        let p = self.pipeline.clone();
        let outs = py.detach(move || {
            let outs = p.score(&samples);
            (samples, outs)
        });
        let (samples, outs) = outs;
        let list = PyList::empty(py);
        for (s, o) in samples.iter().zip(&outs) {
            list.append(output_to_py(py, o, s.id.as_ref())?)?;
        }
        Ok(list)
    }
}

#[pymethods]
impl NativePipeline {
    /// Builds from a JSON document.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: String) -> PyResult<Self> {
        let spec = PipelineSpec::from_json(&text).map_err(|e| core_error(py, e))?;
        Self::build(py, spec)
    }

    /// Builds from a TOML document.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: String) -> PyResult<Self> {
        let spec = PipelineSpec::from_toml(&text).map_err(|e| core_error(py, e))?;
        Self::build(py, spec)
    }

    /// Builds from a file (`.json` as JSON, anything else by content).
    #[staticmethod]
    fn from_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        let spec = PipelineSpec::from_path(&path).map_err(|e| core_error(py, e))?;
        Self::build(py, spec)
    }

    /// The JSON Schema of pipeline specs, as JSON text.
    #[staticmethod]
    fn json_schema() -> String {
        PipelineSpec::json_schema().to_string()
    }

    /// The spec, as canonical JSON text (what a pickled pipeline carries).
    #[getter]
    fn spec_json(&self) -> &str {
        &self.spec_json
    }

    /// `sample`, `group` or `batch`: how much of a batch the pipeline needs to see at once.
    #[getter]
    fn scope(&self) -> &'static str {
        match self.pipeline.scope() {
            Scope::Sample => "sample",
            Scope::Group => "group",
            Scope::Batch => "batch",
        }
    }

    /// Every component name the pipeline can produce, sorted.
    #[getter]
    fn component_names(&self) -> Vec<String> {
        self.components.clone()
    }

    /// `("root", None)`, `("component", name)` or `None`: where the correctness signal is.
    #[getter]
    fn correctness(&self) -> Option<(&'static str, Option<String>)> {
        match &self.correctness {
            None => None,
            Some(log_keys::Correctness::Root) => Some(("root", None)),
            Some(log_keys::Correctness::Component(c)) => Some(("component", Some(c.clone()))),
        }
    }

    /// Scores rows in the `rewardkit score` row shape (dicts), one output dict per row.
    fn score<'py>(
        &self,
        py: Python<'py>,
        samples: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let map = FieldMap::default();
        let mut built = Vec::new();
        for (i, row) in samples.try_iter()?.enumerate() {
            let row = row?;
            let v = to_json(&row, 0)?;
            let Value::Object(m) = v else {
                return Err(py_error(
                    py,
                    "InputError",
                    (
                        format!(
                            "samples[{i}]: expected a dict, got {}",
                            row.get_type().name()?
                        ),
                        i,
                    ),
                ));
            };
            let s = map.sample_from_map(m).map_err(|e| {
                // The row reader's hint names a command-line option; not one here.
                let e = e.replace("; use --field completion=COLUMN", "");
                py_error(py, "InputError", (format!("samples[{i}]: {e}"), i))
            })?;
            built.push(s);
        }
        self.run(py, built)
    }

    /// Scores columns (lists of equal length): `completions` (text or chat messages),
    /// `prompts` (text or chat messages), `references` (text, number, list, or None), `groups`,
    /// `ids` and `metadata` (dicts).
    #[pyo3(signature = (completions, prompts=None, references=None, groups=None, ids=None, metadata=None))]
    #[allow(clippy::too_many_arguments)] // the Python signature: one argument per column
    fn score_columns<'py>(
        &self,
        py: Python<'py>,
        completions: &Bound<'py, PyAny>,
        prompts: Option<&Bound<'py, PyAny>>,
        references: Option<&Bound<'py, PyAny>>,
        groups: Option<&Bound<'py, PyAny>>,
        ids: Option<&Bound<'py, PyAny>>,
        metadata: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let completions: Vec<Bound<'py, PyAny>> =
            completions.try_iter()?.collect::<PyResult<_>>()?;
        let n = completions.len();
        let prompts = column("prompts", prompts, n)?;
        let references = column("references", references, n)?;
        let groups = column("groups", groups, n)?;
        let ids = column("ids", ids, n)?;
        let metadata = column("metadata", metadata, n)?;
        let mut built = Vec::with_capacity(n);
        for (i, c) in completions.iter().enumerate() {
            let at = |what: &str, e: PyErr| {
                py_error(
                    py,
                    "InputError",
                    (format!("{what}[{i}]: {}", e.value(py)), i),
                )
            };
            let turn = completion(c).map_err(|e| at("completions", e))?;
            let mut s = Sample::default();
            if let Some(p) = column_item(&prompts, i) {
                s.prompt = prompt(p).map_err(|e| at("prompts", e))?;
            }
            if let Some(r) = column_item(&references, i) {
                let v = to_json(r, 0).map_err(|e| at("references", e))?;
                if !v.is_null() {
                    s.reference = Some(Reference::from_value(v));
                }
            }
            if let Some(g) = column_item(&groups, i) {
                s.group = match to_json(g, 0).map_err(|e| at("groups", e))? {
                    Value::Null => None,
                    Value::String(g) => Some(g),
                    other => Some(other.to_string()),
                };
            }
            if let Some(id) = column_item(&ids, i) {
                let v = to_json(id, 0).map_err(|e| at("ids", e))?;
                s.id = (!v.is_null()).then_some(v);
            }
            if let Some(m) = column_item(&metadata, i) {
                match to_json(m, 0).map_err(|e| at("metadata", e))? {
                    Value::Object(m) => s.metadata = m,
                    Value::Null => {}
                    _ => {
                        return Err(py_error(
                            py,
                            "InputError",
                            (format!("metadata[{i}]: expected a dict"), i),
                        ))
                    }
                }
            }
            turn.apply(&mut s);
            built.push(s);
        }
        self.run(py, built)
    }
}

/// The `rewardkit._native` module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // The `learned` reward function reads models fitted by `rewardkit prefs fit`.
    rewardkit_prefs::install();
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_class::<Verdict>()?;
    m.add_class::<NativePipeline>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
