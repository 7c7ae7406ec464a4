//! Fair scheduling of scoring work on the rayon pool.
//!
//! A request is cut into *units* that can be scored on their own without changing any result:
//! one sample per unit when every node of the pipeline works per sample ([`Scope::Sample`]),
//! one group per unit when some node works within groups ([`Scope::Group`]), the whole request
//! when some node needs the whole batch ([`Scope::Batch`]) or when splitting is turned off
//! ([`crate::ServerConfig::split_requests`]).
//!
//! Every unit is one rayon task, but a task does not score "its" unit: it takes the next unit
//! round-robin across the requests waiting (the request at the front gives one unit and goes
//! to the back). A one-sample request that arrives behind a batch of thousands of slow samples
//! therefore waits for one unit per busy thread, not for the whole batch. The number of tasks
//! always equals the number of units handed out or dropped, so no unit is left behind.

use crate::AppState;
use rewardkit_core::node::{Batch, Scope, Settings};
use rewardkit_core::{RewardOutput, Sample};
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// One admitted request, cut into units.
pub(crate) struct Job {
    /// The samples, reordered so that every unit is a contiguous range.
    samples: Vec<Sample>,
    units: Vec<Range<usize>>,
    /// `order[k]` is the request index of `samples[k]` (`None`: the identity).
    order: Option<Vec<usize>>,
    /// The next unit to hand out (changed under the ring lock only).
    next: AtomicUsize,
    /// Units not yet finished (scored or dropped).
    left: AtomicUsize,
    cancelled: AtomicBool,
    /// Outputs in request order; taken by the handler when it answers.
    results: Mutex<Vec<Option<RewardOutput>>>,
    done: Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
    enqueued: Instant,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Job {
    /// Cuts `samples` into units for a pipeline of `scope`.
    pub(crate) fn new(
        samples: Vec<Sample>,
        scope: Scope,
        settings: &Settings,
    ) -> (Arc<Job>, tokio::sync::oneshot::Receiver<()>) {
        let n = samples.len();
        let (samples, units, order) = match scope {
            Scope::Sample => (samples, (0..n).map(|i| i..i + 1).collect(), None),
            Scope::Batch => (samples, std::iter::once(0..n).collect(), None),
            Scope::Group => {
                let groups: Vec<Vec<usize>> = Batch::new(&samples, settings).groups().to_vec();
                let contiguous = groups
                    .iter()
                    .flat_map(|g| g.iter())
                    .enumerate()
                    .all(|(k, &i)| k == i);
                if groups.len() <= 1 {
                    (samples, std::iter::once(0..n).collect(), None)
                } else if contiguous {
                    let mut units = Vec::with_capacity(groups.len());
                    let mut start = 0;
                    for g in &groups {
                        units.push(start..start + g.len());
                        start += g.len();
                    }
                    (samples, units, None)
                } else {
                    let mut slots: Vec<Option<Sample>> = samples.into_iter().map(Some).collect();
                    let mut ordered = Vec::with_capacity(n);
                    let mut order = Vec::with_capacity(n);
                    let mut units = Vec::with_capacity(groups.len());
                    for g in groups {
                        let start = ordered.len();
                        for i in g {
                            if let Some(s) = slots.get_mut(i).and_then(Option::take) {
                                ordered.push(s);
                                order.push(i);
                            }
                        }
                        units.push(start..ordered.len());
                    }
                    (ordered, units, Some(order))
                }
            }
        };
        let units: Vec<Range<usize>> = units.into_iter().filter(|r| !r.is_empty()).collect();
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job = Job {
            left: AtomicUsize::new(units.len()),
            samples,
            units,
            order,
            next: AtomicUsize::new(0),
            cancelled: AtomicBool::new(false),
            results: Mutex::new((0..n).map(|_| None).collect()),
            done: Mutex::new(Some(tx)),
            enqueued: Instant::now(),
        };
        (Arc::new(job), rx)
    }

    /// Number of units.
    pub(crate) fn units(&self) -> usize {
        self.units.len()
    }

    /// Takes the outputs scored so far, in request order (`None`: not scored).
    pub(crate) fn take_results(&self) -> Vec<Option<RewardOutput>> {
        std::mem::take(&mut *lock(&self.results))
    }

    fn unit_len(&self, from: usize) -> usize {
        self.units[from.min(self.units.len())..]
            .iter()
            .map(|r| r.len())
            .sum()
    }

    fn finish_unit(&self) {
        if self.left.fetch_sub(1, Ordering::AcqRel) == 1 {
            if let Some(tx) = lock(&self.done).take() {
                let _ = tx.send(());
            }
        }
    }
}

/// The ring of requests with units left to hand out.
#[derive(Default)]
pub(crate) struct Scheduler {
    ring: Mutex<VecDeque<Arc<Job>>>,
}

impl std::fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheduler")
            .field("requests_waiting", &lock(&self.ring).len())
            .finish()
    }
}

impl Scheduler {
    /// Adds a request at the back of the ring.
    pub(crate) fn push(&self, job: Arc<Job>) {
        if job.units() > 0 {
            lock(&self.ring).push_back(job);
        }
    }

    /// Takes the next unit round-robin. Units of cancelled requests met on the way are
    /// dropped; `dropped(samples)` is called for them.
    fn pop(&self, mut dropped: impl FnMut(usize)) -> Option<(Arc<Job>, usize)> {
        let mut ring = lock(&self.ring);
        while let Some(job) = ring.pop_front() {
            let i = job.next.load(Ordering::Relaxed);
            if i >= job.units.len() {
                continue;
            }
            if job.cancelled.load(Ordering::Acquire) {
                job.next.store(job.units.len(), Ordering::Relaxed);
                dropped(job.unit_len(i));
                continue;
            }
            job.next.store(i + 1, Ordering::Relaxed);
            if i + 1 < job.units.len() {
                ring.push_back(job.clone());
            }
            return Some((job, i));
        }
        None
    }

    /// Cancels a request: units not handed out yet are dropped now (`dropped(samples)`),
    /// units being scored finish but their outputs are discarded.
    pub(crate) fn cancel(&self, job: &Arc<Job>, dropped: impl FnOnce(usize)) {
        let mut ring = lock(&self.ring);
        job.cancelled.store(true, Ordering::Release);
        if let Some(pos) = ring.iter().position(|j| Arc::ptr_eq(j, job)) {
            ring.remove(pos);
            let i = job.next.swap(job.units.len(), Ordering::Relaxed);
            dropped(job.unit_len(i));
        }
    }

    /// How long the oldest request with units not yet handed out has waited.
    pub(crate) fn oldest_wait(&self) -> Duration {
        lock(&self.ring)
            .iter()
            .map(|j| j.enqueued.elapsed())
            .max()
            .unwrap_or_default()
    }
}

/// One rayon task: scores the next unit (of whichever request is due) and stores its outputs.
pub(crate) fn run_one(state: &AppState) {
    let m = state.metrics();
    let popped = state.scheduler().pop(|n| {
        m.dequeue(n);
        state.release(n);
    });
    let Some((job, u)) = popped else { return };
    let range = job.units[u].clone();
    let n = range.len();
    m.dequeue(n);
    if !job.cancelled.load(Ordering::Acquire) {
        let pipeline = state.pipeline();
        m.start_unit();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pipeline.score(&job.samples[range.clone()])
        }));
        m.end_unit();
        let mut outs = r.unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(cause = %msg, samples = n, "pipeline panicked outside a reward function");
            let settings = pipeline.settings();
            (0..n)
                .map(|_| {
                    let mut o = RewardOutput::error("internal error: the pipeline panicked");
                    o.value = settings.error_value;
                    o
                })
                .collect()
        });
        if outs.len() != n {
            tracing::error!(
                got = outs.len(),
                want = n,
                "a node returned the wrong number of outputs"
            );
        }
        outs.resize_with(n, || {
            RewardOutput::error("internal error: a node returned the wrong number of outputs")
        });
        crate::sanitize(&mut outs, pipeline.settings().error_value);
        m.count_outputs(&outs);
        let mut res = lock(&job.results);
        for (k, o) in range.zip(outs) {
            let at = job.order.as_ref().map_or(k, |ord| ord[k]);
            if let Some(slot) = res.get_mut(at) {
                *slot = Some(o);
            }
        }
    }
    state.release(n);
    job.finish_unit();
}
