//! Changes to plan text: pure functions from text to text, which the commands validate
//! and write. Nothing here reads the disk or prints.

pub mod append_update;
pub mod draft;
