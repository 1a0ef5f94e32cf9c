//! Reports: the dashboard, the Reports screen ([`screen`]: coverage, matrix, hours), and
//! the worker side that loads the report data and computes the figures off the frame.

pub(crate) mod dashboard;
pub(crate) mod screen;
pub(crate) mod worker;
