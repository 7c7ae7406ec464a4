//! The benchmarks' published data formats and results layouts, read into one shape: a
//! [`Dataset`] of [`Item`]s, each a prompt with its completions and which of them are chosen.
//!
//! | benchmark | rows | item id | completion index order |
//! |---|---|---|---|
//! | `rewardbench` | `prompt`, `chosen`, `rejected`, `subset`, `id` | `id` | 0 chosen, 1 rejected |
//! | `rewardbench2` | `id`, `prompt`, `chosen[]`, `rejected[]`, `num_correct`, `subset` | `id` | the `chosen` list, then the `rejected` list |
//! | `rewardmath` | one row per solution: `problem_id`, `solution_type` (`chosen`/`rejected`), `eval_solution[]`, `solution_reference`, `answer` | `problem_id` | the problem's rows in file order |
//! | `rewardmath` results | one row per problem: `solution_reference[]`, `score[]` (numbers or step lists); chosen is `human_to_GPT-4` | `problem_id`, `id`, else the row's 0-based position | the lists' order |
//! | `rewardmath` pairwise ([`rewardmath_pairwise`](crate::rewardmath_pairwise)) | one row per comparison: `problem_id`, `eval_solution_A`, `eval_solution_B`, `chosen_position` (`A`/`B`), `solution_reference` (the rejected one's) | `id`, else the row's 0-based position | 0 = A, 1 = B |
//! | `rm-bench` | `id`, `prompt`, `chosen[3]`, `rejected[3]`, `domain` | `id` | chosen 0-2 (concise, detailed plain, detailed markdown), rejected 3-5 (same styles) |
//! | `judgebench` | `pair_id`, `source`, `question`, `response_A`, `response_B`, `label` (`A>B`/`B>A`) | `pair_id` | 0 = A, 1 = B |
//! | `judgebench` outputs | `pair_id`, `source`, `label`, `judgments[]` (`judgment.scores` = `[A, B]`, `decision`) | `pair_id` | — |
//! | `pairwise` | `chosen`, `rejected` (text, or RMB's `{answer}`), optional `id` (RMB `pair_uid`), `prompt` (RMB `conversation_input`), `subset` (RMB `category_path`) | `id`, else the row's 0-based position | 0 chosen, 1 rejected |
//! | `bestofn` | `chosen` (text or a one-element list; RMB `bon_best`), `rejected[]` (RMB `loser_list`), optional `id` (RMB `bon_uid`), `prompt`, `subset` | as `pairwise` | 0 chosen, then the `rejected` list |
//!
//! Files are JSON lists or JSON Lines ([`read_rows`](crate::read_rows())). Numeric ids are
//! read as their decimal text, so `7` and `"7"` are the same id. Two rows with the same id
//! are an error, as is any row without a field its benchmark needs: the message names the
//! file, the line and the field.

use crate::read::{display, read_rows, Row};
use crate::{Error, Result, Score};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The benchmarks (and generic sets) rewardkit evaluates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Benchmark {
    /// RewardBench v1 (`allenai/reward-bench`, split `filtered`).
    #[serde(rename = "rewardbench")]
    RewardBench,
    /// RewardBench 2 (`allenai/reward-bench-2`).
    #[serde(rename = "rewardbench2")]
    RewardBench2,
    /// RewardMATH (one chosen, nine rejected solutions per problem).
    #[serde(rename = "rewardmath")]
    RewardMath,
    /// RM-Bench (three chosen and three rejected styles per prompt).
    #[serde(rename = "rm-bench")]
    RmBench,
    /// JudgeBench (pairs with an `A>B` / `B>A` label).
    #[serde(rename = "judgebench")]
    JudgeBench,
    /// Any pairwise set (hh-rlhf `chosen`/`rejected`, RMB pairwise).
    #[serde(rename = "pairwise")]
    Pairwise,
    /// Any best-of-n set (one best, several losers; RMB best-of-n).
    #[serde(rename = "bestofn")]
    BestOfN,
}

impl Benchmark {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Benchmark::RewardBench => "rewardbench",
            Benchmark::RewardBench2 => "rewardbench2",
            Benchmark::RewardMath => "rewardmath",
            Benchmark::RmBench => "rm-bench",
            Benchmark::JudgeBench => "judgebench",
            Benchmark::Pairwise => "pairwise",
            Benchmark::BestOfN => "bestofn",
        }
    }

    /// Parses [`Benchmark::name`].
    pub fn from_name(name: &str) -> Option<Benchmark> {
        [
            Benchmark::RewardBench,
            Benchmark::RewardBench2,
            Benchmark::RewardMath,
            Benchmark::RmBench,
            Benchmark::JudgeBench,
            Benchmark::Pairwise,
            Benchmark::BestOfN,
        ]
        .into_iter()
        .find(|b| b.name() == name)
    }
}

/// One judgment of a JudgeBench outputs file, in the pair's original frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgment {
    /// Whether the judge saw the pair in swapped order (B shown first).
    pub swapped: bool,
    /// The decision, flipped back to the original frame: `Some(true)` = A better, `None` =
    /// no usable decision (counts as neither right nor wrong in the double game).
    pub a_better: Option<bool>,
}

/// One benchmark item: a prompt, its completions, and which are chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item id (the scores file's `id`).
    pub id: String,
    /// Subset, domain or source (what the benchmark reports separately).
    pub group: String,
    /// The prompt text.
    pub prompt: String,
    /// The reference answer, where the benchmark has one (RewardMATH `answer`).
    pub reference: Option<String>,
    /// The completions (empty for results layouts, which carry scores instead).
    pub completions: Vec<String>,
    /// Per completion: whether it is a chosen (correct, preferred) one.
    pub chosen: Vec<bool>,
    /// Per completion: its source tag (RewardMATH `solution_reference`), else empty.
    pub tags: Vec<String>,
    /// JudgeBench: whether A is the better response (`label == "A>B"`).
    pub label_a: Option<bool>,
    /// Results layouts: the scores the file carries, one per completion.
    pub embedded: Option<Vec<Score>>,
    /// JudgeBench outputs: the judgments the file carries.
    pub judgments: Vec<Judgment>,
    /// The 1-based line of the row (the first row for RewardMATH).
    pub line: u64,
}

impl Item {
    /// How many completions the item has.
    pub fn len(&self) -> usize {
        self.chosen.len()
    }

    /// Whether the item has no completions.
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    pub(crate) fn new(id: String, group: String, line: u64) -> Item {
        Item {
            id,
            group,
            prompt: String::new(),
            reference: None,
            completions: Vec::new(),
            chosen: Vec::new(),
            tags: Vec::new(),
            label_a: None,
            embedded: None,
            judgments: Vec::new(),
            line,
        }
    }
}

/// Which layout a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// The benchmark's published data: completions to score.
    Data,
    /// A published results file (RewardMATH `RESULTS.json`): scores included.
    Results,
    /// A JudgeBench outputs file, or RewardMATH pairwise comparisons with a judge's picks
    /// ([`rewardmath_pairwise`](crate::rewardmath_pairwise)): judgments included.
    Judgments,
}

/// A benchmark read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Which benchmark.
    pub benchmark: Benchmark,
    /// Which layout the file was read as.
    pub layout: Layout,
    /// The file name, for messages.
    pub file: String,
    /// The items, in file order.
    pub items: Vec<Item>,
}

impl Dataset {
    /// Reads a benchmark file (JSON list or JSON Lines). The layout (data, RewardMATH
    /// results, JudgeBench outputs) is told from the first row.
    ///
    /// ```
    /// use rewardkit_eval::{Benchmark, Dataset};
    /// let rows = r#"{"id": 1, "prompt": "hi", "chosen": "hello!", "rejected": "go away", "subset": "alpacaeval-easy"}"#;
    /// let ds = Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", rows)?;
    /// assert_eq!(ds.items[0].id, "1");
    /// assert_eq!(ds.items[0].completions, ["hello!", "go away"]);
    /// # Ok::<(), rewardkit_eval::Error>(())
    /// ```
    pub fn load(benchmark: Benchmark, path: &Path) -> Result<Dataset> {
        let rows = read_rows(path)?;
        Dataset::from_rows(benchmark, &display(path), rows)
    }

    /// Reads a benchmark from text (`file` names it in errors).
    pub fn from_text(benchmark: Benchmark, file: &str, text: &str) -> Result<Dataset> {
        Dataset::from_rows(benchmark, file, crate::read::parse_rows(file, text)?)
    }

    /// Builds a benchmark from rows (for readers of other formats, such as Parquet).
    pub fn from_rows(benchmark: Benchmark, file: &str, rows: Vec<Row>) -> Result<Dataset> {
        if rows.is_empty() {
            return Err(Error::file(file, "no rows"));
        }
        let (layout, items) = match parse(benchmark, file, &rows) {
            Err(Error::Field {
                file,
                line,
                field,
                message,
            }) => {
                // A file of another benchmark fails on its first rows: say which it looks like.
                let hint = match looks_like(&rows[0].value) {
                    // A RewardBench file is a pairwise set too: no hint there.
                    Some((b, what))
                        if b != benchmark
                            && !(benchmark == Benchmark::Pairwise
                                && b == Benchmark::RewardBench) =>
                    {
                        format!(
                            "\n\nhint: the first row looks like {what}: `rewardkit eval {}`",
                            b.name()
                        )
                    }
                    _ => String::new(),
                };
                return Err(Error::Field {
                    file,
                    line,
                    field,
                    message: message + &hint,
                });
            }
            other => other?,
        };
        let mut seen: HashMap<&str, u64> = HashMap::new();
        for it in &items {
            if let Some(first) = seen.insert(&it.id, it.line) {
                return Err(Error::field(
                    file,
                    it.line,
                    "id",
                    format!("duplicate id {:?} (first on line {first})", it.id),
                ));
            }
        }
        Ok(Dataset {
            benchmark,
            layout,
            file: file.to_string(),
            items,
        })
    }
}

/// Reads rows in `benchmark`'s layouts (told from the first row).
fn parse(benchmark: Benchmark, file: &str, rows: &[Row]) -> Result<(Layout, Vec<Item>)> {
    let first = &rows[0].value;
    Ok(match benchmark {
        Benchmark::RewardMath if first.get("score").is_some() => {
            (Layout::Results, rewardmath_results(file, rows)?)
        }
        Benchmark::JudgeBench if first.get("judgments").is_some() => {
            (Layout::Judgments, judgebench_outputs(file, rows)?)
        }
        Benchmark::RewardBench => (Layout::Data, rewardbench(file, rows)?),
        Benchmark::RewardBench2 => (Layout::Data, rewardbench2(file, rows)?),
        Benchmark::RewardMath => (Layout::Data, rewardmath(file, rows)?),
        Benchmark::RmBench => (Layout::Data, rm_bench(file, rows)?),
        Benchmark::JudgeBench => (Layout::Data, judgebench(file, rows)?),
        Benchmark::Pairwise => (Layout::Data, pairwise(file, rows, false)?),
        Benchmark::BestOfN => (Layout::Data, pairwise(file, rows, true)?),
    })
}

/// Which benchmark's layout a row looks like (for hints when it is read as another).
fn looks_like(row: &Value) -> Option<(Benchmark, &'static str)> {
    let has = |k: &str| row.get(k).is_some_and(|v| !v.is_null());
    let list_len = |k: &str| row.get(k).and_then(Value::as_array).map(Vec::len);
    let is_text = |k: &str| row.get(k).is_some_and(Value::is_string);
    Some(if has("judgments") {
        (Benchmark::JudgeBench, "a JudgeBench outputs file")
    } else if has("response_A") && has("label") {
        (Benchmark::JudgeBench, "JudgeBench data")
    } else if has("solution_reference") && has("score") {
        (Benchmark::RewardMath, "a RewardMATH results file")
    } else if has("solution_type") && has("eval_solution") {
        (Benchmark::RewardMath, "RewardMATH data")
    } else if has("num_correct")
        || (list_len("chosen").is_some() && has("subset") && list_len("chosen") != Some(3))
    {
        (Benchmark::RewardBench2, "RewardBench 2 data")
    } else if list_len("chosen") == Some(3) && list_len("rejected") == Some(3) {
        (Benchmark::RmBench, "RM-Bench data")
    } else if has("bon_best")
        || has("loser_list")
        || (is_text("chosen") && list_len("rejected").is_some())
    {
        (Benchmark::BestOfN, "a best-of-n set")
    } else if is_text("chosen") && is_text("rejected") && is_text("subset") && has("prompt") {
        (Benchmark::RewardBench, "RewardBench data")
    } else if (has("chosen") && has("rejected")) || has("pair_uid") {
        (Benchmark::Pairwise, "a pairwise set")
    } else {
        return None;
    })
}

/// Reads fields of one row, naming the file, line and field in errors.
pub(crate) struct Fields<'a> {
    file: &'a str,
    line: u64,
    pub(crate) row: &'a Value,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(file: &'a str, row: &'a Row) -> Result<Fields<'a>> {
        if !row.value.is_object() {
            return Err(Error::field(
                file,
                row.line,
                "(row)",
                "expected a JSON object",
            ));
        }
        Ok(Fields {
            file,
            line: row.line,
            row: &row.value,
        })
    }

    pub(crate) fn err(&self, field: &str, message: impl Into<String>) -> Error {
        Error::field(self.file, self.line, field, message)
    }

    pub(crate) fn get(&self, field: &str) -> Option<&'a Value> {
        self.row.get(field).filter(|v| !v.is_null())
    }

    pub(crate) fn text(&self, field: &str) -> Result<String> {
        match self.get(field) {
            Some(v) => text_of(v).ok_or_else(|| self.err(field, "expected a text")),
            None => Err(self.err(field, "missing")),
        }
    }

    pub(crate) fn opt_text(&self, field: &str) -> Result<Option<String>> {
        match self.get(field) {
            Some(v) => text_of(v)
                .map(Some)
                .ok_or_else(|| self.err(field, "expected a text")),
            None => Ok(None),
        }
    }

    pub(crate) fn id(&self, field: &str) -> Result<String> {
        match self.get(field) {
            Some(v) => id_of(v).ok_or_else(|| self.err(field, "expected a text or an integer")),
            None => Err(self.err(field, "missing")),
        }
    }

    pub(crate) fn texts(&self, field: &str) -> Result<Vec<String>> {
        let v = self.get(field).ok_or_else(|| self.err(field, "missing"))?;
        let list = v
            .as_array()
            .ok_or_else(|| self.err(field, "expected a list of texts"))?;
        list.iter()
            .enumerate()
            .map(|(i, x)| {
                text_of(x).ok_or_else(|| self.err(&format!("{field}[{i}]"), "expected a text"))
            })
            .collect()
    }

    pub(crate) fn first_id(&self, fields: &[&str], index: usize) -> Result<String> {
        for f in fields {
            if self.get(f).is_some() {
                return self.id(f);
            }
        }
        Ok(index.to_string())
    }
}

/// A text: a string; a number as its text; RMB's `{"answer": ...}`; chat messages joined by
/// newlines (their `content`).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => ["answer", "content", "text"]
            .iter()
            .find_map(|k| m.get(*k).and_then(Value::as_str).map(str::to_string)),
        Value::Array(a) if a.iter().all(Value::is_object) => Some(
            a.iter()
                .filter_map(|m| m.get("content").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => None,
    }
}

fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

fn rewardbench(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    rows.iter()
        .map(|r| {
            let f = Fields::new(file, r)?;
            let mut it = Item::new(f.id("id")?, f.text("subset")?, r.line);
            it.prompt = f.text("prompt")?;
            it.completions = vec![f.text("chosen")?, f.text("rejected")?];
            it.chosen = vec![true, false];
            it.tags = vec![String::new(); 2];
            Ok(it)
        })
        .collect()
}

fn rewardbench2(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    rows.iter()
        .map(|r| {
            let f = Fields::new(file, r)?;
            let subset = f.text("subset")?;
            let id = f.id("id")?;
            let chosen = f.texts("chosen")?;
            let rejected = f.texts("rejected")?;
            if chosen.is_empty() {
                return Err(f.err("chosen", "empty list: every row needs a chosen answer"));
            }
            if let Some(nc) = f.get("num_correct") {
                if nc.as_u64() != Some(chosen.len() as u64) {
                    return Err(f.err(
                        "num_correct",
                        format!("is {nc} but `chosen` has {} entries", chosen.len()),
                    ));
                }
            }
            if subset == "Ties" {
                ties_id(&id).ok_or_else(|| {
                    f.err(
                        "id",
                        format!("Ties ids are `ref:<n>` or `tied:<n>`, got {id:?}"),
                    )
                })?;
            } else if rejected.is_empty() {
                return Err(f.err("rejected", "empty list"));
            } else if chosen.len() > 1 {
                // Outside Ties only index 0 counts as chosen: the others would be scored as
                // rivals of the correct answer.
                return Err(f.err(
                    "chosen",
                    format!(
                        "{} entries in subset {subset:?}: only Ties rows have several correct answers",
                        chosen.len()
                    ),
                ));
            }
            let mut it = Item::new(id, subset, r.line);
            it.prompt = f.text("prompt")?;
            it.chosen = (0..chosen.len() + rejected.len())
                .map(|i| i < chosen.len())
                .collect();
            it.tags = vec![String::new(); it.chosen.len()];
            it.completions = chosen.into_iter().chain(rejected).collect();
            Ok(it)
        })
        .collect()
}

/// A Ties id `ref:<pid>` / `tied:<pid>`: (is_ref, pid).
pub(crate) fn ties_id(id: &str) -> Option<(bool, &str)> {
    let (kind, pid) = id.split_once(':')?;
    match kind {
        "ref" => Some((true, pid)),
        "tied" => Some((false, pid)),
        _ => None,
    }
}

fn rewardmath(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    let mut order: Vec<String> = Vec::new();
    let mut items: BTreeMap<String, Item> = BTreeMap::new();
    for r in rows {
        let f = Fields::new(file, r)?;
        let pid = f.id("problem_id")?;
        let kind = f.text("solution_type")?;
        let is_chosen = match kind.as_str() {
            "chosen" => true,
            "rejected" => false,
            other => {
                return Err(f.err(
                    "solution_type",
                    format!("expected \"chosen\" or \"rejected\", got {other:?}"),
                ))
            }
        };
        let steps = f.texts("eval_solution")?;
        let tag = f.opt_text("solution_reference")?.unwrap_or_default();
        let it = items.entry(pid.clone()).or_insert_with(|| {
            order.push(pid.clone());
            Item::new(pid.clone(), "RewardMATH".into(), r.line)
        });
        if it.completions.is_empty() {
            it.prompt = f.opt_text("problem")?.unwrap_or_default();
            it.reference = f.opt_text("answer")?;
            if let Some(s) = f.opt_text("subject")? {
                it.group = s;
            }
        }
        it.completions.push(steps.join("\n"));
        it.chosen.push(is_chosen);
        it.tags.push(tag);
    }
    let mut out = Vec::with_capacity(order.len());
    for pid in order {
        let Some(mut it) = items.remove(&pid) else {
            continue;
        };
        check_both(file, &it)?;
        // Metrics are pooled over problems; the subject is kept only for display.
        it.group = "RewardMATH".into();
        out.push(it);
    }
    Ok(out)
}

fn check_both(file: &str, it: &Item) -> Result<()> {
    if !it.chosen.iter().any(|c| *c) || it.chosen.iter().all(|c| *c) {
        return Err(Error::field(
            file,
            it.line,
            "solution_type",
            format!(
                "problem {:?} needs at least one chosen and one rejected solution",
                it.id
            ),
        ));
    }
    Ok(())
}

/// The RewardMATH chosen tag.
pub const REWARDMATH_CHOSEN: &str = "human_to_GPT-4";

fn rewardmath_results(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let f = Fields::new(file, r)?;
            let id = f.first_id(&["problem_id", "id", "unique_id"], i)?;
            let refs = f.texts("solution_reference")?;
            let scores = f
                .get("score")
                .and_then(Value::as_array)
                .ok_or_else(|| f.err("score", "expected a list of scores"))?;
            if scores.len() != refs.len() {
                return Err(f.err(
                    "score",
                    format!(
                        "has {} entries but `solution_reference` has {}",
                        scores.len(),
                        refs.len()
                    ),
                ));
            }
            let scores = scores
                .iter()
                .enumerate()
                .map(|(k, v)| Score::from_value(v).map_err(|m| f.err(&format!("score[{k}]"), m)))
                .collect::<Result<Vec<_>>>()?;
            let mut it = Item::new(id, "RewardMATH".into(), r.line);
            it.chosen = refs.iter().map(|t| t == REWARDMATH_CHOSEN).collect();
            it.tags = refs;
            it.embedded = Some(scores);
            if !it.chosen.iter().any(|c| *c) {
                return Err(f.err(
                    "solution_reference",
                    format!("no entry is {REWARDMATH_CHOSEN:?} (the chosen solution)"),
                ));
            }
            if it.chosen.iter().all(|c| *c) {
                return Err(f.err("solution_reference", "no rejected solution"));
            }
            Ok(it)
        })
        .collect()
}

fn rm_bench(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    rows.iter()
        .map(|r| {
            let f = Fields::new(file, r)?;
            let id = f.id("id")?;
            let domain = f.opt_text("domain")?.unwrap_or_else(|| "all".into());
            let chosen = f.texts("chosen")?;
            let rejected = f.texts("rejected")?;
            for (name, l) in [("chosen", &chosen), ("rejected", &rejected)] {
                if l.len() != 3 {
                    return Err(f.err(
                        name,
                        format!(
                            "expected 3 responses (concise, detailed plain, detailed markdown), got {}",
                            l.len()
                        ),
                    ));
                }
            }
            let mut it = Item::new(id, domain, r.line);
            it.prompt = f.text("prompt")?;
            it.completions = chosen.into_iter().chain(rejected).collect();
            it.chosen = vec![true, true, true, false, false, false];
            it.tags = vec![String::new(); 6];
            Ok(it)
        })
        .collect()
}

fn label(f: &Fields<'_>) -> Result<bool> {
    match f.text("label")?.as_str() {
        "A>B" => Ok(true),
        "B>A" => Ok(false),
        other => Err(f.err(
            "label",
            format!("expected \"A>B\" or \"B>A\", got {other:?}"),
        )),
    }
}

fn judgebench(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    rows.iter()
        .map(|r| {
            let f = Fields::new(file, r)?;
            let mut it = Item::new(f.id("pair_id")?, f.text("source")?, r.line);
            it.label_a = Some(label(&f)?);
            it.prompt = f.text("question")?;
            it.completions = vec![f.text("response_A")?, f.text("response_B")?];
            it.chosen = vec![it.label_a == Some(true), it.label_a == Some(false)];
            it.tags = vec![String::new(); 2];
            Ok(it)
        })
        .collect()
}

/// A decision text in the frame the judge saw: `Some(true)` = A better.
fn decision(v: &Value) -> Option<bool> {
    match v.as_str()? {
        "A>B" => Some(true),
        "B>A" => Some(false),
        _ => None,
    }
}

fn judgebench_outputs(file: &str, rows: &[Row]) -> Result<Vec<Item>> {
    rows.iter()
        .map(|r| {
            let f = Fields::new(file, r)?;
            let mut it = Item::new(f.id("pair_id")?, f.text("source")?, r.line);
            let label_a = label(&f)?;
            it.label_a = Some(label_a);
            it.chosen = vec![label_a, !label_a];
            it.tags = vec![String::new(); 2];
            let js = f
                .get("judgments")
                .and_then(Value::as_array)
                .ok_or_else(|| f.err("judgments", "expected a list of judgments"))?;
            if js.is_empty() {
                return Err(f.err("judgments", "empty list"));
            }
            // The first half judged the original order, the second half the swapped order.
            let half = if js.len() == 1 { 1 } else { js.len() / 2 };
            for (k, j) in js.iter().enumerate() {
                let swapped = k >= half;
                if !j.is_object() {
                    return Err(f.err(
                        &format!("judgments[{k}]"),
                        "expected an object with `judgment` and `decision`",
                    ));
                }
                let scores = j.get("judgment").and_then(|x| x.get("scores"));
                let from_scores = match scores {
                    None | Some(Value::Null) => None,
                    Some(s) => {
                        let pair = s
                            .as_array()
                            .filter(|a| a.len() == 2)
                            .and_then(|a| Some((a[0].as_f64()?, a[1].as_f64()?)))
                            .ok_or_else(|| {
                                f.err(
                                    &format!("judgments[{k}].judgment.scores"),
                                    "expected [score_A, score_B]",
                                )
                            })?;
                        // The reward-model rule of JudgeBench: A>B iff score_A > score_B.
                        Some(pair.0 > pair.1)
                    }
                };
                let shown = match j.get("decision") {
                    Some(Value::String(_)) => j.get("decision").and_then(decision),
                    None | Some(Value::Null) => from_scores,
                    Some(other) => {
                        return Err(f.err(
                            &format!("judgments[{k}].decision"),
                            format!("expected a text (\"A>B\", \"B>A\") or null, got {other}"),
                        ))
                    }
                };
                it.judgments.push(Judgment {
                    swapped,
                    a_better: shown.map(|a| if swapped { !a } else { a }),
                });
            }
            Ok(it)
        })
        .collect()
}

fn pairwise(file: &str, rows: &[Row], best_of_n: bool) -> Result<Vec<Item>> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let f = Fields::new(file, r)?;
            let id = f.first_id(&["id", "pair_uid", "bon_uid"], i)?;
            let group = match f.opt_text("subset")? {
                Some(s) => s,
                None => f.opt_text("category_path")?.unwrap_or_else(|| "all".into()),
            };
            let mut it = Item::new(id, group, r.line);
            it.prompt = match f.opt_text("prompt")? {
                Some(p) => p,
                None => f.opt_text("conversation_input")?.unwrap_or_default(),
            };
            let (chosen, rejected) = if best_of_n {
                let c = if f.get("bon_best").is_some() {
                    f.text("bon_best")?
                } else {
                    match f.get("chosen") {
                        Some(Value::Array(a)) if a.len() == 1 && a[0].is_string() => {
                            f.texts("chosen")?.remove(0)
                        }
                        _ => f.text("chosen")?,
                    }
                };
                let rej = if f.get("loser_list").is_some() {
                    f.texts("loser_list")?
                } else {
                    f.texts("rejected")?
                };
                if rej.is_empty() {
                    return Err(f.err("rejected", "empty list"));
                }
                (c, rej)
            } else {
                let rej = if f.get("reject").is_some() {
                    f.text("reject")?
                } else {
                    f.text("rejected")?
                };
                (f.text("chosen")?, vec![rej])
            };
            it.chosen = (0..=rejected.len()).map(|k| k == 0).collect();
            it.tags = vec![String::new(); it.chosen.len()];
            it.completions = std::iter::once(chosen).chain(rejected).collect();
            Ok(it)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_field_names_file_line_and_field() {
        let text = "{\"id\":1,\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"subset\":\"s\"}\n{\"id\":2,\"prompt\":\"p\",\"chosen\":\"a\",\"subset\":\"s\"}\n";
        let err = Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", text).unwrap_err();
        assert_eq!(err.to_string(), "rb.jsonl:2: field `rejected`: missing");
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let row =
            "{\"id\":1,\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"subset\":\"s\"}";
        let err = Dataset::from_text(
            Benchmark::RewardBench,
            "rb.jsonl",
            &format!("{row}\n{row}\n"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "rb.jsonl:2: field `id`: duplicate id \"1\" (first on line 1)"
        );
    }

    #[test]
    fn rb2_num_correct_must_match() {
        let t = r#"{"id":"0","prompt":"p","chosen":["a"],"rejected":["b","c","d"],"num_correct":2,"subset":"Math"}"#;
        let err = Dataset::from_text(Benchmark::RewardBench2, "rb2.jsonl", t).unwrap_err();
        assert_eq!(
            err.to_string(),
            "rb2.jsonl:1: field `num_correct`: is 2 but `chosen` has 1 entries"
        );
    }

    #[test]
    fn judgebench_outputs_flip_the_swapped_game() {
        let t = r#"{"pair_id":"p","source":"mmlu-pro-x","label":"A>B","judgments":[{"judgment":{"scores":[2.0,1.0]},"decision":"A>B"},{"judgment":{"scores":[1.0,2.0]},"decision":null}]}"#;
        let ds = Dataset::from_text(Benchmark::JudgeBench, "o.jsonl", t).unwrap();
        assert_eq!(ds.layout, Layout::Judgments);
        let j = &ds.items[0].judgments;
        assert_eq!(j[0].a_better, Some(true));
        // Swapped: shown B (the original A) scored 2.0 > 1.0: "B>A" in the shown frame = A better.
        assert_eq!(j[1].a_better, Some(true));
    }
}
