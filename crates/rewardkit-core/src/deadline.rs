//! Per-sample deadlines that reward functions check cooperatively.
//!
//! No signals and no watchdog threads: a [`Deadline`] is an optional [`Instant`]. Long-running
//! reward functions call [`Deadline::expired`] (or [`Deadline::check`]) in their loops and stop
//! with [`RewardOutput::timeout`](crate::RewardOutput::timeout) when it fires. The pipeline then
//! gives the sample the configured `timeout_value` and sets `info.timeout = true`.
//!
//! ```
//! use rewardkit_core::Deadline;
//! use std::time::Duration;
//!
//! let d = Deadline::after(Duration::from_secs(60));
//! assert!(!d.expired());
//! assert!(Deadline::NONE.check().is_ok());
//! ```

use std::time::{Duration, Instant};

/// A point in time after which work on a sample should stop, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Deadline {
    at: Option<Instant>,
}

/// Returned by [`Deadline::check`] once the deadline has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("deadline exceeded")]
pub struct TimedOut;

impl Deadline {
    /// No deadline: never expires.
    pub const NONE: Deadline = Deadline { at: None };

    /// A deadline `d` from now.
    pub fn after(d: Duration) -> Self {
        Deadline {
            at: Instant::now().checked_add(d),
        }
    }

    /// A deadline at a given instant.
    pub fn at(at: Instant) -> Self {
        Deadline { at: Some(at) }
    }

    /// A deadline `d` from now, or none when `d` is `None`.
    pub fn from_timeout(d: Option<Duration>) -> Self {
        d.map_or(Deadline::NONE, Deadline::after)
    }

    /// The instant, if any (to pass on to libraries such as `rewardkit-math`).
    pub fn instant(&self) -> Option<Instant> {
        self.at
    }

    /// Whether the deadline has passed.
    #[inline]
    pub fn expired(&self) -> bool {
        match self.at {
            None => false,
            Some(at) => Instant::now() >= at,
        }
    }

    /// `Err(TimedOut)` once the deadline has passed.
    #[inline]
    pub fn check(&self) -> Result<(), TimedOut> {
        if self.expired() {
            Err(TimedOut)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_deadline_expires() {
        let d = Deadline::after(Duration::ZERO);
        assert!(d.expired());
        assert_eq!(d.check(), Err(TimedOut));
        assert!(!Deadline::NONE.expired());
        assert!(!Deadline::from_timeout(None).expired());
    }
}
