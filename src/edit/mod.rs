//! Changes to the text of plans and interactions files: pure functions from text to text, and the [`Transaction`] that
//! every editing command makes them in: loaded once under a lock, checked in memory,
//! written all or none. Nothing here prints.

pub mod append_interaction;
pub mod append_update;
pub mod draft;
pub mod forget;
pub mod replace_array;
pub mod splice;
mod transaction;

pub use transaction::Transaction;
