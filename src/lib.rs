//! aplan: an academic library's departmental action plans as plain-text files in Git.
//!
//! The pipeline is load → model → check / report → emit:
//! [`repo`] reads the disk, [`model`] holds the types, [`check`] finds problems,
//! [`report`] builds reports, [`edit`] changes plan text, [`emit`] writes them out, and
//! [`commands`] wires one subcommand each.

pub mod check;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod diagnostic;
pub mod edit;
pub mod emit;
pub mod exit;
pub mod git;
pub mod import;
pub mod model;
pub mod render;
pub mod repo;
pub mod report;
pub mod sanitize;
pub mod scaffold;
pub mod source;
pub mod suggest;
pub mod workspace;
pub mod write;
