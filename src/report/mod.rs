//! Pure reports: data built from a validated workspace, with no I/O and no printing.

pub mod document;
