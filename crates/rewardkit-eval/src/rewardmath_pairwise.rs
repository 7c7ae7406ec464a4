//! RewardMATH's generative pairwise-judge mode (`src/evaluation/eval.py::RewardMATHEvaluation`).
//!
//! The pairwise data (`RewardMATH_pairwise.json`) has one row per comparison of a problem's
//! chosen solution with one of its 9 rejected solutions: `eval_solution_A`,
//! `eval_solution_B` (a text or a list of step texts), `chosen_position` (`"A"` / `"B"`),
//! `solution_reference` (the rejected solution's source), `problem_id`, and `problem`,
//! `answer`, `id`, ... A row is keyed by its `id`, else by its 0-based position in the file
//! (as `rewardkit eval pairwise` keys rows).
//!
//! For each row a judge picks A or B; the chosen solution *wins* the comparison when the pick
//! is its position. The picks come from
//!
//! - a judgments file ([`PairwiseSet::wins_from_judgments`]): JSON Lines (or a JSON list),
//!   one line per row, `{"id": ..., "winner": "A"}`; `decision` is read as `winner`, and
//!   `"A"`, `"B"`, `"A>B"` (= A), `"B>A"` (= B) are accepted (JudgeBench's decision texts).
//!   Every row needs exactly one pick: a missing or `null` pick, a duplicate, or an id the
//!   data lacks is an error (a judge that gave no verdict has to be decided, not skipped);
//! - or the scores of both solutions of each row from any score source
//!   ([`PairwiseSet::wins_from_scores`]; completion index 0 = A, 1 = B): the higher score
//!   wins, and a tie is a loss for the chosen solution (pessimistic, as RewardMATH's MRR
//!   ranks ties rejected first).
//!
//! Per problem the wins become scores ([`rewardmath_judge_scores`]): chosen 1 + #wins,
//! rejected i 1 if the chosen won against it, else 11; [`PairwiseSet::problems`] makes a
//! RewardMATH dataset of them (one item per problem, layout [`Layout::Judgments`]) that
//! [`evaluate`](crate::evaluate) scores with the direct mode's rules: `accuracy` (any loss
//! makes the problem wrong), `accuracy_with_ties` (the same here: a win never ties a loss)
//! and `mrr` (rank = 1 + #losses).
//!
//! ```
//! use rewardkit_eval::rewardmath_pairwise::PairwiseSet;
//! use rewardkit_eval::{evaluate, Options};
//! let rows: String = (0..9)
//!     .map(|i| format!(
//!         r#"{{"id": {i}, "problem_id": "p", "eval_solution_A": ["a"], "eval_solution_B": ["b{i}"], "chosen_position": "A", "solution_reference": "m{i}"}}"#
//!     ))
//!     .collect::<Vec<_>>()
//!     .join("\n");
//! let set = PairwiseSet::from_text("pairwise.jsonl", &rows)?;
//! // The judge picks the chosen (A) in 7 of 9 comparisons: wrong, rank 1 + 2 = 3.
//! let judgments: String = (0..9)
//!     .map(|i| format!(r#"{{"id": {i}, "winner": "{}"}}"#, if i < 7 { "A" } else { "B" }))
//!     .collect::<Vec<_>>()
//!     .join("\n");
//! let wins = set.wins_from_judgments("judgments.jsonl", &judgments)?;
//! let (ds, scores) = set.problems(&wins)?;
//! let report = evaluate(&ds, &scores, "judgments", &Options { bootstrap: 0, ..Options::default() })?;
//! assert_eq!(report.metric("accuracy").unwrap().value, 0.0);
//! assert_eq!(report.metric("mrr").unwrap().value, 1.0 / 3.0);
//! # Ok::<(), rewardkit_eval::Error>(())
//! ```

use crate::data::{Fields, Item, Layout, REWARDMATH_CHOSEN};
use crate::metrics::{rewardmath_judge_scores, values};
use crate::read::{display, parse_rows, read_rows, read_text, Row};
use crate::{Benchmark, Dataset, Error, Result, Score, StepAgg};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Comparisons per problem in RewardMATH (one per rejected solution).
pub const COMPARISONS_PER_PROBLEM: usize = 9;

/// The most ids an error lists.
const LIST: usize = 10;

/// RewardMATH's pairwise data, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct PairwiseSet {
    /// One item per row (comparison): completions `[A, B]`, `chosen` marks the chosen
    /// position, `tags` the sources (`human_to_GPT-4` for the chosen), `group` the problem id,
    /// `reference` the `answer`. Score it with [`collect_scores`](crate::collect_scores).
    pub rows: Dataset,
    /// Per row: the index of the chosen solution (0 = A, 1 = B).
    chosen_index: Vec<usize>,
}

impl PairwiseSet {
    /// Reads `RewardMATH_pairwise.json` (a JSON list or JSON Lines).
    pub fn load(path: &Path) -> Result<PairwiseSet> {
        PairwiseSet::from_rows(&display(path), read_rows(path)?)
    }

    /// Reads the pairwise data from text (`file` names it in errors).
    pub fn from_text(file: &str, text: &str) -> Result<PairwiseSet> {
        PairwiseSet::from_rows(file, parse_rows(file, text)?)
    }

    /// Reads the pairwise data from rows (for readers of other formats, such as Parquet).
    pub fn from_rows(file: &str, rows: Vec<Row>) -> Result<PairwiseSet> {
        if rows.is_empty() {
            return Err(Error::file(file, "no rows"));
        }
        let mut items = Vec::with_capacity(rows.len());
        let mut chosen_index = Vec::with_capacity(rows.len());
        let mut seen: HashMap<String, u64> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            let f = Fields::new(file, r)?;
            if f.get("eval_solution_A").is_none() && f.get("solution_type").is_some() {
                return Err(f.err(
                    "eval_solution_A",
                    "missing: this looks like RewardMATH's direct data (one row per solution)\n\nhint: `rewardkit eval rewardmath`",
                ));
            }
            let id = f.first_id(&["id"], i)?;
            if let Some(first) = seen.insert(id.clone(), r.line) {
                return Err(f.err("id", format!("duplicate id {id:?} (first on line {first})")));
            }
            let pid = f.id("problem_id")?;
            let a = solution(&f, "eval_solution_A")?;
            let b = solution(&f, "eval_solution_B")?;
            let pos = f.text("chosen_position")?;
            let k = match pos.as_str() {
                "A" => 0,
                "B" => 1,
                other => {
                    return Err(f.err(
                        "chosen_position",
                        format!("expected \"A\" or \"B\", got {other:?}"),
                    ))
                }
            };
            let rejected = f.opt_text("solution_reference")?.unwrap_or_default();
            let mut it = Item::new(id, pid, r.line);
            it.prompt = f.opt_text("problem")?.unwrap_or_default();
            it.reference = f.opt_text("answer")?;
            it.completions = vec![a, b];
            it.chosen = vec![k == 0, k == 1];
            it.tags = if k == 0 {
                vec![REWARDMATH_CHOSEN.into(), rejected]
            } else {
                vec![rejected, REWARDMATH_CHOSEN.into()]
            };
            items.push(it);
            chosen_index.push(k);
        }
        let set = PairwiseSet {
            rows: Dataset {
                benchmark: Benchmark::RewardMath,
                layout: Layout::Data,
                file: file.to_string(),
                items,
            },
            chosen_index,
        };
        set.check_problems()?;
        Ok(set)
    }

    /// Problem ids in file order with their rows' indices.
    fn problem_rows(&self) -> Vec<(&str, Vec<usize>)> {
        let mut order: Vec<&str> = Vec::new();
        let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, it) in self.rows.items.iter().enumerate() {
            map.entry(it.group.as_str())
                .or_insert_with(|| {
                    order.push(it.group.as_str());
                    Vec::new()
                })
                .push(i);
        }
        order
            .into_iter()
            .map(|p| (p, map.remove(p).unwrap_or_default()))
            .collect()
    }

    /// Every problem has its 9 comparisons.
    fn check_problems(&self) -> Result<()> {
        let bad: Vec<(&str, Vec<usize>)> = self
            .problem_rows()
            .into_iter()
            .filter(|(_, rows)| rows.len() != COMPARISONS_PER_PROBLEM)
            .collect();
        let Some((_, first)) = bad.first() else {
            return Ok(());
        };
        let line = self.rows.items[first[0]].line;
        let mut list = bad
            .iter()
            .take(LIST)
            .map(|(p, rows)| {
                format!(
                    "{p:?} ({} rows, from line {})",
                    rows.len(),
                    self.rows.items[rows[0]].line
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        if bad.len() > LIST {
            list.push_str(&format!(", ... ({} more)", bad.len() - LIST));
        }
        Err(Error::field(
            &self.rows.file,
            line,
            "problem_id",
            format!(
                "{} problem(s) without their {COMPARISONS_PER_PROBLEM} comparisons (one per rejected solution): {list}",
                bad.len()
            ),
        ))
    }

    /// Per row, whether the chosen solution won, from a judgments file's text (JSON Lines or
    /// a JSON list; `file` names it in errors). Every row needs exactly one judgment; a
    /// judgment for an id the data lacks, a duplicate, or a pick that is not `A` / `B` is an
    /// error naming the line and the field.
    pub fn wins_from_judgments(&self, file: &str, text: &str) -> Result<Vec<bool>> {
        let index: HashMap<&str, usize> = self
            .rows
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.as_str(), i))
            .collect();
        let mut picks: Vec<Option<(usize, u64)>> = vec![None; self.rows.items.len()];
        for r in parse_rows(file, text)? {
            let f = Fields::new(file, &r)?;
            let id = f.id("id")?;
            let Some(&i) = index.get(id.as_str()) else {
                return Err(f.err(
                    "id",
                    format!(
                        "{id:?} is not an id of {} (judgments are keyed by the rows' `id`, else their 0-based position)",
                        self.rows.file
                    ),
                ));
            };
            let pick = |field: &str| -> Result<Option<usize>> {
                match f.row.get(field) {
                    // `null` is no pick (an error unless the other field gives one).
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => match s.as_str() {
                        "A" | "A>B" => Ok(Some(0)),
                        "B" | "B>A" => Ok(Some(1)),
                        other => Err(f.err(
                            field,
                            format!("expected \"A\", \"B\", \"A>B\" or \"B>A\", got {other:?}"),
                        )),
                    },
                    Some(other) => Err(f.err(
                        field,
                        format!("expected \"A\", \"B\", \"A>B\" or \"B>A\", got {other}"),
                    )),
                }
            };
            let k = match (pick("winner")?, pick("decision")?) {
                (Some(w), Some(d)) if w != d => {
                    return Err(f.err("decision", "disagrees with `winner`: give one pick"))
                }
                (Some(k), _) | (None, Some(k)) => k,
                (None, None) => {
                    let what = if f.row.get("winner").is_some() || f.row.get("decision").is_some() {
                        "null"
                    } else {
                        "missing"
                    };
                    return Err(f.err(
                        "winner",
                        format!("{what}: the judge's pick, \"A\" or \"B\" (or `decision`), is needed for every comparison"),
                    ));
                }
            };
            if let Some((_, first)) = picks[i] {
                return Err(f.err(
                    "id",
                    format!("duplicate judgment for {id:?} (first on line {first})"),
                ));
            }
            picks[i] = Some((k, r.line));
        }
        let missing: Vec<&str> = picks
            .iter()
            .zip(&self.rows.items)
            .filter(|(p, _)| p.is_none())
            .map(|(_, it)| it.id.as_str())
            .collect();
        if !missing.is_empty() {
            let mut list = missing
                .iter()
                .take(LIST)
                .map(|id| format!("{id:?}"))
                .collect::<Vec<_>>()
                .join(", ");
            if missing.len() > LIST {
                list.push_str(&format!(", ... ({} more)", missing.len() - LIST));
            }
            return Err(Error::file(
                file,
                format!(
                    "no judgment for {} of the {} comparisons of {}: {list}",
                    missing.len(),
                    picks.len(),
                    self.rows.file
                ),
            ));
        }
        Ok(picks
            .iter()
            .zip(&self.chosen_index)
            .map(|(p, c)| p.is_some_and(|(k, _)| k == *c))
            .collect())
    }

    /// [`wins_from_judgments`](Self::wins_from_judgments) from a file.
    pub fn wins_from_judgments_file(&self, path: &Path) -> Result<Vec<bool>> {
        self.wins_from_judgments(&display(path), &read_text(path)?)
    }

    /// Per row, whether the chosen solution won, from the scores of A (index 0) and B
    /// (index 1): it wins iff its score is strictly higher (a tie is a loss). Step scores are
    /// reduced with `agg`; a NaN is an error.
    pub fn wins_from_scores(&self, scores: &[Vec<Score>], agg: StepAgg) -> Result<Vec<bool>> {
        let vals = values(&self.rows, scores, agg)?;
        Ok(vals
            .iter()
            .zip(&self.chosen_index)
            .map(|(v, c)| v[*c] > v[1 - *c])
            .collect())
    }

    /// The problems as a RewardMATH dataset (one item per problem, in file order: the chosen
    /// solution then the rejected ones in row order, `tags` their sources) with the judge
    /// scores of [`rewardmath_judge_scores`], for [`evaluate`](crate::evaluate).
    pub fn problems(&self, wins: &[bool]) -> Result<(Dataset, Vec<Vec<Score>>)> {
        if wins.len() != self.rows.items.len() {
            return Err(Error::Invalid(format!(
                "{} picks for {} comparisons",
                wins.len(),
                self.rows.items.len()
            )));
        }
        let mut items = Vec::new();
        let mut scores = Vec::new();
        for (pid, rows) in self.problem_rows() {
            let first = &self.rows.items[rows[0]];
            let mut it = Item::new(pid.to_string(), "RewardMATH".into(), first.line);
            it.prompt = first.prompt.clone();
            it.reference = first.reference.clone();
            it.chosen = std::iter::once(true)
                .chain(rows.iter().map(|_| false))
                .collect();
            it.tags = std::iter::once(REWARDMATH_CHOSEN.to_string())
                .chain(
                    rows.iter()
                        .map(|&r| self.rows.items[r].tags[1 - self.chosen_index[r]].clone()),
                )
                .collect();
            let w: Vec<bool> = rows.iter().map(|&r| wins[r]).collect();
            let s: Vec<Score> = rewardmath_judge_scores(&w)
                .into_iter()
                .map(Score::Value)
                .collect();
            it.embedded = Some(s.clone());
            items.push(it);
            scores.push(s);
        }
        Ok((
            Dataset {
                benchmark: Benchmark::RewardMath,
                layout: Layout::Judgments,
                file: self.rows.file.clone(),
                items,
            },
            scores,
        ))
    }
}

/// A solution: a text, or a list of step texts joined by newlines (as in the direct data).
fn solution(f: &Fields<'_>, field: &str) -> Result<String> {
    match f.get(field) {
        Some(Value::Array(_)) => Ok(f.texts(field)?.join("\n")),
        _ => f.text(field),
    }
}
