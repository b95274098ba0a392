//! `aplan import`: the year's figures from the spreadsheets they arrive in. A [`table`] is
//! read from CSV or a workbook, its columns are mapped onto the fields of a plan's context
//! array ([`columns`]), each row becomes an entry for a department ([`rows`]), and
//! [`crate::edit::replace_array`] writes the entries into each plan. Nothing here touches
//! the disk or prints.

pub mod columns;
pub mod rows;
pub mod table;

pub use columns::{Field, Kind};
pub use rows::{Entries, Entry, Problem, Value};
pub use table::{Table, TableError};
