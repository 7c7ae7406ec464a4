//! Integration tests of `rewardkit-server`, one test binary. `common` holds what they share:
//! in-process calls through the router and one live server on a loopback port.

mod common;
mod hostile;
mod remote;
mod router;
mod serve;
mod trainers;
