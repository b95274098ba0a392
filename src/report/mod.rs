//! Pure report builders: each turns a validated workspace into plain, serializable data
//! that the emitters print. Nothing here reads the disk or prints.

pub mod themes;
