//! Reports: pure functions from validated plans to plain, serializable data that the
//! emitters print. Nothing here reads the disk or prints.

pub mod actions;
pub mod activity;
pub mod diff;
pub mod digest;
pub mod document;
pub mod export;
pub mod follow_ups;
pub mod history;
pub mod priorities;
pub mod review;
pub mod site;
pub mod themes;
pub mod timeline;
pub mod workload;
