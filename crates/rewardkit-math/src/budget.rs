//! The work budget: a step counter ("fuel") plus an optional wall-clock deadline.

use std::time::Instant;

/// Why a computation stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Fuel, deadline, depth, size or bit limit exhausted.
    Budget(&'static str),
    /// The input is not something the parser or evaluator understands.
    Unsupported,
}

pub(crate) type R<T> = Result<T, Stop>;

/// Cooperative budget, checked in every parser and evaluator loop.
#[derive(Debug)]
pub(crate) struct Budget {
    fuel: u64,
    deadline: Option<Instant>,
    until_clock: u32,
    pub(crate) max_bits: u64,
    pub(crate) max_depth: u32,
}

const CLOCK_EVERY: u32 = 256;

impl Budget {
    pub(crate) fn new(fuel: u64, deadline: Option<Instant>, max_bits: u64, max_depth: u32) -> Self {
        Budget {
            fuel,
            deadline,
            until_clock: CLOCK_EVERY,
            max_bits,
            max_depth,
        }
    }

    /// Spends `n` steps.
    #[inline]
    pub(crate) fn tick(&mut self, n: u64) -> R<()> {
        if self.fuel < n {
            self.fuel = 0;
            return Err(Stop::Budget("step budget exhausted"));
        }
        self.fuel -= n;
        if let Some(d) = self.deadline {
            let spent = u32::try_from(n.min(u64::from(CLOCK_EVERY))).unwrap_or(CLOCK_EVERY);
            if self.until_clock <= spent {
                self.until_clock = CLOCK_EVERY;
                if Instant::now() >= d {
                    self.fuel = 0;
                    return Err(Stop::Budget("deadline passed"));
                }
            } else {
                self.until_clock -= spent;
            }
        }
        Ok(())
    }

    /// Checks the wall-clock deadline now (for loops that do not spend steps).
    pub(crate) fn check_deadline(&mut self) -> R<()> {
        if self.deadline_passed() {
            self.fuel = 0;
            return Err(Stop::Budget("deadline passed"));
        }
        Ok(())
    }

    /// The wall-clock deadline, if any.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// True when the deadline has passed.
    pub(crate) fn deadline_passed(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// Checks that a number of `bits` bits may be built.
    #[inline]
    pub(crate) fn bits(&mut self, bits: u64) -> R<()> {
        if bits > self.max_bits {
            return Err(Stop::Budget("number too large for exact arithmetic"));
        }
        // normalising big rationals costs about words^2 (GCD), charge for it
        let words = bits / 64;
        self.tick(1 + bits / 256 + words * words / 16)
    }
}
