//! `rewardkit compare` (distances between reward functions on a tabular MDP) and
//! `rewardkit diagnose` (reward-hacking diagnostics from proxy and true scores). The
//! computations live in `rewardkit-mdp`; this module reads files and prints.

use anyhow::{bail, Context, Result};
use rewardkit_mdp::diagnose::{self, Fields};
use rewardkit_mdp::{
    distance, distance_matrix, epic_sample_tabular, Coverage, Mdp, Metric, Norm, Options, Policy,
    Reward, SampleOptions,
};
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `rewardkit compare`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Files: an MDP is JSON {\"gamma\": g, \"transitions\": T, \"initial\": d} with \
T[s][a][s'] nested lists (a row may be a sparse object {\"next state\": p}; `transitions` may \
also be the path of a (S, A, S) float64 .npy file, relative to the MDP file; `initial` may be \
left out for uniform). A reward is JSON {\"reward\": R} with R[s][a][s'], R[s][a] or R[s] (the \
nesting says which; R(s) is paid for acting in s), or a .npy array of shape (S, A, S), (S, A) or \
(S,).\n\n\
Metrics: epic (Gleave et al. 2021), dard (Wulfe et al. 2022), starc-epic / starc-dard / \
starc-val (Skalse et al. 2024; val = value-adjusted levelling under --policy, uniform by \
default), pearson (raw rewards, no canonicalisation), epic-sample (sample-based EPIC: \
--samples, --mean-samples, --seeds). EPIC, DARD and Pearson lie in [0, 1]; STARC with L2 \
normalisation and metric in [0, 2] (x --scale). A reward whose canonical reward is zero (a \
constant, or pure potential shaping) is trivial: distance 0.5 (EPIC, DARD, Pearson) or \
--scale x the metric norm of the other (STARC) to a non-trivial reward, 0 between trivial ones.\n\n\
Exit codes: 0 success; 2 error (malformed MDP or reward: the message names the state and action).\n\n\
Examples:\n  \
rewardkit compare --mdp examples/mdp/toy.json examples/mdp/r1.json examples/mdp/r1_redistributed.json --metric epic\n  \
rewardkit compare --mdp examples/mdp/toy.json examples/mdp/*.json --metric starc-val --matrix --json"
)]
pub(crate) struct CompareArgs {
    /// The MDP (JSON).
    #[arg(long, value_name = "FILE")]
    pub mdp: PathBuf,
    /// Reward files (JSON or .npy): two, or any number with --matrix.
    #[arg(value_name = "REWARD", required = true)]
    pub rewards: Vec<PathBuf>,
    /// The distance.
    #[arg(long, default_value = "epic", value_name = "METRIC")]
    pub metric: String,
    /// Compare every pair of rewards and print the matrix.
    #[arg(long)]
    pub matrix: bool,
    /// Print JSON (key `distance`, or `matrix` with --matrix).
    #[arg(long)]
    pub json: bool,
    /// Override the MDP's discount.
    #[arg(long, value_name = "G")]
    pub gamma: Option<f64>,
    /// Coverage of the Pearson correlation: uniform (all S·A·S entries) or transitions
    /// (D_S(s) D_A(a) T(s,a,s')).
    #[arg(long, default_value = "uniform", value_name = "KIND")]
    pub coverage: String,
    /// STARC normalisation: l1, l2, linf, weighted-l1, weighted-l2, weighted-linf, none.
    #[arg(long, default_value = "l2", value_name = "NORM")]
    pub norm: String,
    /// STARC metric on standardised rewards: l1, l2, linf, weighted-l1, weighted-l2, weighted-linf.
    #[arg(long = "distance", default_value = "l2", value_name = "NORM")]
    pub distance_norm: String,
    /// STARC factor on the metric (0.5 maps L2/L2 to [0, 1]).
    #[arg(long, default_value_t = 1.0, value_name = "X")]
    pub scale: f64,
    /// VAL's policy: JSON {"policy": P}, P a list of actions (deterministic) or of
    /// per-state action probabilities (default: uniformly random).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// epic-sample: transitions per seed.
    #[arg(long, default_value_t = 4096, value_name = "N")]
    pub samples: usize,
    /// epic-sample: (action, next state) pairs per seed for the mean rewards.
    #[arg(long, default_value_t = 4096, value_name = "N")]
    pub mean_samples: usize,
    /// epic-sample: repetitions.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub seeds: usize,
    /// epic-sample: the first seed.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
    /// EPIC/STARC-EPIC's state distribution D_S (and Pearson's coverage): a JSON list of S
    /// probabilities, or a .npy/.safetensors array (default: uniform).
    #[arg(long, value_name = "FILE")]
    pub state_dist: Option<PathBuf>,
    /// The action distribution D_A of EPIC, DARD and the coverage: a JSON list of A
    /// probabilities, or a .npy/.safetensors array (default: uniform).
    #[arg(long, value_name = "FILE")]
    pub action_dist: Option<PathBuf>,
}

/// Reads a distribution file: a JSON list of numbers (or `{"dist": [...]}`), or a 1-D array
/// file. Its length and sum are checked by the distance.
fn read_dist(path: &Path, what: &str, n: usize) -> Result<Vec<f64>> {
    let v: Vec<f64> = if rewardkit_mdp::arrays::is_array_file(path) {
        let a = rewardkit_mdp::arrays::read(path, &["dist", what])?;
        if a.shape.len() != 1 {
            bail!(
                "{}: {what} must be a 1-D array, got shape {:?}",
                path.display(),
                a.shape
            );
        }
        a.data
    } else {
        let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
        let doc: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{}: invalid JSON", path.display()))?;
        let list = doc.get("dist").unwrap_or(&doc);
        let items = list.as_array().with_context(|| {
            format!(
                "{}: expected a JSON list of {n} probabilities",
                path.display()
            )
        })?;
        items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                x.as_f64()
                    .with_context(|| format!("{}: {what}[{i}] is not a number", path.display()))
            })
            .collect::<Result<_>>()?
    };
    if v.len() != n {
        bail!(
            "{}: {what} has {} entries, the MDP has {n}",
            path.display(),
            v.len()
        );
    }
    Ok(v)
}

fn read_policy(path: &Path, mdp: &Mdp) -> Result<Policy> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let doc: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: invalid JSON", path.display()))?;
    let p = doc
        .get("policy")
        .and_then(|p| p.as_array())
        .with_context(|| format!("{}: expected {{\"policy\": P}}", path.display()))?;
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    if p.len() != n_s {
        bail!("{}: {} states, the MDP has {n_s}", path.display(), p.len());
    }
    if p.iter().all(|v| v.is_u64()) {
        let acts: Vec<usize> = p.iter().map(|v| v.as_u64().unwrap_or(0) as usize).collect();
        return Policy::deterministic(&acts, n_a).with_context(|| format!("{}", path.display()));
    }
    let mut probs = Vec::with_capacity(n_s * n_a);
    for (s, row) in p.iter().enumerate() {
        let row = row.as_array().with_context(|| {
            format!(
                "{}: policy[{s}] must be an action or a list of {n_a} probabilities",
                path.display()
            )
        })?;
        if row.len() != n_a {
            bail!(
                "{}: policy[{s}] has {} actions, the MDP has {n_a}",
                path.display(),
                row.len()
            );
        }
        for (a, v) in row.iter().enumerate() {
            probs.push(v.as_f64().with_context(|| {
                format!("{}: policy[{s}][{a}] is not a number", path.display())
            })?);
        }
    }
    Policy::from_probs(n_s, n_a, probs).with_context(|| format!("{}", path.display()))
}

pub(crate) fn compare(args: CompareArgs) -> Result<ExitCode> {
    let sample_based = args.metric.eq_ignore_ascii_case("epic-sample");
    let metric: Option<Metric> = if sample_based {
        None
    } else {
        Some(args.metric.parse()?)
    };
    if !args.matrix && args.rewards.len() != 2 {
        bail!(
            "compare takes two rewards, got {} (use --matrix to compare every pair)",
            args.rewards.len()
        );
    }
    let t0 = Instant::now();
    let mut mdp = Mdp::from_path(&args.mdp)?;
    if let Some(g) = args.gamma {
        mdp = mdp.with_gamma(g)?;
    }
    let rewards: Vec<Reward> = args
        .rewards
        .iter()
        .map(|p| Reward::from_path(p, &mdp))
        .collect::<Result<_, _>>()?;
    let mut opts = Options {
        coverage: match args.coverage.as_str() {
            "uniform" => Coverage::Uniform,
            "transitions" => Coverage::Transitions,
            other => bail!("--coverage: unknown coverage `{other}` (uniform, transitions)"),
        },
        norm: args.norm.parse::<Norm>()?,
        metric: args.distance_norm.parse::<Norm>()?,
        scale: args.scale,
        ..Options::default()
    };
    if let Some(p) = &args.policy {
        opts.policy = Some(read_policy(p, &mdp)?);
    }
    if let Some(p) = &args.state_dist {
        opts.state_dist = Some(read_dist(p, "state_dist", mdp.n_states())?);
    }
    if let Some(p) = &args.action_dist {
        opts.action_dist = Some(read_dist(p, "action_dist", mdp.n_actions())?);
    }
    let load = t0.elapsed().as_secs_f64();
    let names: Vec<String> = args
        .rewards
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let sample = SampleOptions {
        n_samples: args.samples,
        n_mean_samples: args.mean_samples,
        n_seeds: args.seeds,
        seed: args.seed,
        ..SampleOptions::default()
    };
    let metric_name = metric.map_or("epic-sample", Metric::name);
    let t1 = Instant::now();
    let mut out = std::io::stdout().lock();
    if args.matrix {
        let refs: Vec<&Reward> = rewards.iter().collect();
        let m = match metric {
            Some(metric) => distance_matrix(metric, &refs, &mdp, &opts)?,
            None => {
                let n = refs.len();
                let mut m = vec![vec![0.0; n]; n];
                for i in 0..n {
                    for j in i + 1..n {
                        let d = epic_sample_tabular(refs[i], refs[j], &mdp, &opts, &sample)?.mean;
                        m[i][j] = d;
                        m[j][i] = d;
                    }
                }
                m
            }
        };
        let compute = t1.elapsed().as_secs_f64();
        if args.json {
            let doc = json!({"metric": metric_name, "rewards": names, "matrix": m,
                             "states": mdp.n_states(), "actions": mdp.n_actions(), "gamma": mdp.gamma(),
                             "seconds": {"load": load, "compute": compute}});
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{metric_name} distances ({} states, {} actions, gamma {})",
                mdp.n_states(),
                mdp.n_actions(),
                mdp.gamma()
            )?;
            let labels: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("[{i}] {n}"))
                .collect();
            let w = labels.iter().map(|n| n.chars().count()).max().unwrap_or(4) + 1;
            write!(out, "{:w$}", "")?;
            for i in 0..names.len() {
                write!(out, " {:>10}", format!("[{i}]"))?;
            }
            writeln!(out)?;
            for (i, row) in m.iter().enumerate() {
                write!(out, "{:w$}", labels[i])?;
                for v in row {
                    write!(out, " {v:>10.6}")?;
                }
                writeln!(out)?;
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (a, b) = (&rewards[0], &rewards[1]);
    let mut doc = json!({"metric": metric_name, "a": names[0], "b": names[1],
                         "states": mdp.n_states(), "actions": mdp.n_actions(), "gamma": mdp.gamma()});
    let value = match metric {
        Some(metric) => {
            let d = distance(metric, a, b, &mdp, &opts)?;
            doc["distance"] = json!(d.value);
            doc["rho"] = json!(d.rho);
            doc["trivial"] = json!(d.trivial);
            if matches!(
                metric,
                Metric::StarcEpic | Metric::StarcDard | Metric::StarcVal
            ) {
                doc["norm"] = json!(opts.norm);
                doc["distance_norm"] = json!(opts.metric);
                doc["scale"] = json!(opts.scale);
            }
            for (i, t) in d.trivial.iter().enumerate() {
                if *t {
                    eprintln!(
                        "note: {} is trivial under {metric_name} (its canonical reward is zero: every policy is equally good)",
                        names[i]
                    );
                }
            }
            d.value
        }
        None => {
            let d = epic_sample_tabular(a, b, &mdp, &opts, &sample)?;
            doc["distance"] = json!(d.mean);
            doc["std"] = json!(d.std);
            doc["per_seed"] = json!(d.per_seed);
            doc["samples"] = json!(sample.n_samples);
            doc["mean_samples"] = json!(sample.n_mean_samples);
            d.mean
        }
    };
    let compute = t1.elapsed().as_secs_f64();
    if args.json {
        doc["seconds"] = json!({"load": load, "compute": compute});
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{metric_name}({}, {}) = {value:.6}",
            names[0], names[1]
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `rewardkit mdp`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Files: .json (small MDPs and rewards, the layout `compare` reads), \
.safetensors (an MDP: tensors `transitions` (S, A, S) and `initial`, gamma in the metadata; a \
reward: tensor `reward`) or .npy (rewards). Files are written through a temporary file and \
renamed.\n\n\
Examples:\n  \
rewardkit mdp random --states 2000 --actions 8 --sparsity 0.99 --seed 7 --out mdp.safetensors --reward r.npy\n  \
rewardkit mdp gridworld --grid maze.txt --slip 0.1 --out grid.json --reward grid_reward.json\n  \
rewardkit mdp chain --states 5 --slip 0.2 --out chain.json --reward chain_reward.json"
)]
pub(crate) struct MdpArgs {
    #[command(subcommand)]
    kind: MdpKind,
}

/// Which MDP to generate.
#[derive(Debug, clap::Subcommand)]
enum MdpKind {
    /// A random MDP: each (s, a) moves to round((1 - sparsity) S) distinct next states with
    /// flat-Dirichlet probabilities; uniform initial distribution.
    Random {
        /// States.
        #[arg(long, value_name = "N")]
        states: usize,
        /// Actions.
        #[arg(long, value_name = "N")]
        actions: usize,
        /// Fraction of zero transition probabilities, in [0, 1).
        #[arg(long, default_value_t = 0.0, value_name = "X")]
        sparsity: f64,
        /// The discount.
        #[arg(long, default_value_t = 0.9, value_name = "G")]
        gamma: f64,
        /// The seed (the same seed gives the same MDP everywhere).
        #[arg(long, default_value_t = 0, value_name = "N")]
        seed: u64,
        /// Shape of the random reward written with --reward: transition (R(s,a,s')),
        /// state-action or state.
        #[arg(long, default_value = "transition", value_name = "KIND")]
        reward_kind: String,
        #[command(flatten)]
        out: MdpOut,
    },
    /// A gridworld from ASCII art: `#` wall, `G` goal (absorbing), `S` start, `.` empty;
    /// actions up, right, down, left; `--slip` moves in a random direction instead.
    Gridworld {
        /// The ASCII art file.
        #[arg(long, value_name = "FILE")]
        grid: PathBuf,
        /// Probability of a random move.
        #[arg(long, default_value_t = 0.0, value_name = "P")]
        slip: f64,
        /// Reward of a step from a non-goal cell.
        #[arg(
            long,
            default_value_t = 0.0,
            value_name = "R",
            allow_negative_numbers = true
        )]
        step_reward: f64,
        /// Reward of entering a goal.
        #[arg(
            long,
            default_value_t = 1.0,
            value_name = "R",
            allow_negative_numbers = true
        )]
        goal_reward: f64,
        /// The discount.
        #[arg(long, default_value_t = 0.9, value_name = "G")]
        gamma: f64,
        #[command(flatten)]
        out: MdpOut,
    },
    /// Strens' chain: action 0 moves forward (the last state pays --end-reward), action 1
    /// returns to state 0 and pays --return-reward; --slip swaps them.
    Chain {
        /// States (at least 2).
        #[arg(long, value_name = "N")]
        states: usize,
        /// Probability that the other action happens.
        #[arg(long, default_value_t = 0.2, value_name = "P")]
        slip: f64,
        /// Reward of returning to state 0.
        #[arg(
            long,
            default_value_t = 2.0,
            value_name = "R",
            allow_negative_numbers = true
        )]
        return_reward: f64,
        /// Reward of staying in the last state.
        #[arg(
            long,
            default_value_t = 10.0,
            value_name = "R",
            allow_negative_numbers = true
        )]
        end_reward: f64,
        /// The discount.
        #[arg(long, default_value_t = 0.9, value_name = "G")]
        gamma: f64,
        #[command(flatten)]
        out: MdpOut,
    },
}

/// Where `rewardkit mdp` writes.
#[derive(Debug, clap::Args)]
struct MdpOut {
    /// The MDP file (.json or .safetensors).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Also write the generator's reward (.json, .npy or .safetensors).
    #[arg(long, value_name = "FILE")]
    reward: Option<PathBuf>,
}

pub(crate) fn generate(args: MdpArgs) -> Result<ExitCode> {
    use rewardkit_mdp::generate;
    use rewardkit_mdp::RewardKind;
    let (mdp, reward, out) = match args.kind {
        MdpKind::Random {
            states,
            actions,
            sparsity,
            gamma,
            seed,
            reward_kind,
            out,
        } => {
            if states == 0 || actions == 0 {
                bail!("--states and --actions must be at least 1");
            }
            let kind = match reward_kind.as_str() {
                "transition" => RewardKind::Transition,
                "state-action" => RewardKind::StateAction,
                "state" => RewardKind::State,
                other => {
                    bail!("--reward-kind: unknown kind `{other}` (transition, state-action, state)")
                }
            };
            let mdp = generate::random_mdp(states, actions, gamma, sparsity, seed)?;
            let reward = match out.reward {
                Some(_) => Some(generate::random_reward(
                    states,
                    actions,
                    kind,
                    seed.wrapping_add(1),
                )?),
                None => None,
            };
            (mdp, reward, out)
        }
        MdpKind::Gridworld {
            grid,
            slip,
            step_reward,
            goal_reward,
            gamma,
            out,
        } => {
            let art =
                std::fs::read_to_string(&grid).with_context(|| format!("{}", grid.display()))?;
            let g = generate::Gridworld::from_ascii(&art, slip, step_reward, goal_reward, gamma)
                .with_context(|| format!("{}", grid.display()))?;
            (g.mdp, Some(g.reward), out)
        }
        MdpKind::Chain {
            states,
            slip,
            return_reward,
            end_reward,
            gamma,
            out,
        } => {
            let (mdp, r) = generate::chain(states, slip, return_reward, end_reward, gamma)?;
            (mdp, Some(r), out)
        }
    };
    mdp.write(&out.out)?;
    let mut note = format!(
        "wrote {} ({} states, {} actions, gamma {}, {} transitions)",
        out.out.display(),
        mdp.n_states(),
        mdp.n_actions(),
        mdp.gamma(),
        mdp.nnz()
    );
    if let (Some(path), Some(r)) = (&out.reward, &reward) {
        r.write(path)?;
        note.push_str(&format!(" and {}", path.display()));
    }
    eprintln!("{note}");
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `rewardkit diagnose`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Input: JSONL rows with a proxy reward, a true reward, a group (the prompt), \
and optionally a length (or a completion/response text) and a policy step. The reference samples \
(the base policy) are those of the smallest step, or all rows without steps.\n\n\
Reports: the proxy-true correlation on the reference samples (Laidlaw et al. 2024's correlated \
proxies, with the implied chi-squared coefficient lambda), means per step, the best-of-n curve \
(true and proxy reward of the proxy's choice against KL = log n - (n-1)/n, exact over all \
n-subsets of each group, with Gao et al. 2023's fit d(alpha - beta d)), PF-PPO's R2 of true on \
proxy per filter (none, bon, br, bw), and the length-reward correlation.\n\n\
Exit codes: 0 success; 2 error (the message names file:line).\n\n\
Example:\n  rewardkit diagnose --input samples.jsonl --svg bon.svg"
)]
pub(crate) struct DiagnoseArgs {
    /// Samples: JSONL (`-` for stdin).
    #[arg(short, long, value_name = "FILE")]
    pub input: PathBuf,
    /// Field of the proxy reward.
    #[arg(long, default_value = "proxy", value_name = "FIELD")]
    pub proxy: String,
    /// Field of the true reward.
    #[arg(long = "true", default_value = "true", value_name = "FIELD")]
    pub truth: String,
    /// Field of the group (falls back to prompt_id, then prompt).
    #[arg(long, default_value = "group", value_name = "FIELD")]
    pub group: String,
    /// Field of the length (falls back to the characters of completion or response).
    #[arg(long, default_value = "length", value_name = "FIELD")]
    pub length: String,
    /// Field of the policy step.
    #[arg(long, default_value = "step", value_name = "FIELD")]
    pub step: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also write an SVG plot of the best-of-n curve (and the means per step).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Seed of the random "other" sample of the br filter.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
}

pub(crate) fn diagnose(args: DiagnoseArgs) -> Result<ExitCode> {
    let fields = Fields {
        proxy: args.proxy,
        truth: args.truth,
        group: args.group,
        length: args.length,
        step: args.step,
    };
    let samples = if args.input.as_os_str() == "-" {
        diagnose::read_jsonl(std::io::stdin().lock(), "<stdin>", &fields)?
    } else {
        let f = std::fs::File::open(&args.input)
            .with_context(|| format!("{}", args.input.display()))?;
        let reader: Box<dyn BufRead> = Box::new(BufReader::new(f));
        diagnose::read_jsonl(reader, &args.input.display().to_string(), &fields)?
    };
    let report = diagnose::diagnose(&samples, args.seed)?;
    if let Some(path) = &args.svg {
        std::fs::write(path, report.to_svg())
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report.to_text())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
