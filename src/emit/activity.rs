//! The activity report in each of its formats: `table` for a terminal, `csv` for a
//! spreadsheet, `json` for other tools. Each writes the same [`Activity`].

pub mod csv;
pub mod table;

use std::collections::BTreeMap;

/// Counts by kind in the order of `[crm] kinds` (kinds no longer listed last), as
/// `teaching 3, email 2`.
pub fn by_kind(kinds: &[String], counts: &BTreeMap<String, usize>) -> String {
    let listed = kinds.iter().filter_map(|k| counts.get(k).map(|n| (k, n)));
    let unlisted = counts.iter().filter(|(k, _)| !kinds.contains(k));
    listed
        .chain(unlisted)
        .map(|(kind, n)| format!("{kind} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
