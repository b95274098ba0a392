//! Pure report builders: each takes a validated workspace and returns plain data that the
//! emitters print. Nothing here reads the disk or prints.

pub mod actions;
pub mod timeline;
