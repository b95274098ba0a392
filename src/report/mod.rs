//! Reports: pure functions from validated plans to plain data that emitters print.
//! Nothing here reads the disk or prints.

pub mod export;
pub mod workload;
