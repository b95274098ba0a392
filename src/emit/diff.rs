//! `aplan diff` in each of its formats: `table` for a terminal, `md` for a pull request's
//! comment or job summary, `json` for other tools. Each writes the same [`Diff`].

pub mod markdown;
pub mod table;

use serde_json::Value;

use crate::report::diff::{Count, FieldChange, FindingView};

/// "the working tree", or a revision as the user named it, in code style when `code`.
fn label(name: &str, code: &dyn Fn(&str) -> String) -> String {
    if name == crate::report::diff::WORKING_TREE {
        name.to_owned()
    } else {
        code(name)
    }
}

/// A value from a file, short enough for one line: text as it is (cut at 60 characters),
/// lists of words joined, a list of tables as a count.
fn value(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        Value::String(s) => {
            let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
            match line.char_indices().nth(60) {
                Some((at, _)) => format!("{}…", &line[..at]),
                None => line,
            }
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items.iter().map(self::value).collect::<Vec<_>>().join(", ")
            }
        }
        Value::Array(items) => match items.len() {
            1 => "1 entry".to_owned(),
            n => format!("{n} entries"),
        },
        Value::Object(_) => "a table".to_owned(),
        other => other.to_string(),
    }
}

/// `status: draft → sent`.
fn field(change: &FieldChange) -> String {
    format!(
        "{}: {} → {}",
        change.field,
        value(&change.before),
        value(&change.after)
    )
}

/// `2017-05-02 by jsmith, now done: 12 of 20 lists reviewed`.
fn update(update: &Value) -> String {
    let get = |key: &str| update.get(key).map(self::value).unwrap_or_default();
    let status = match update.get("status") {
        Some(status) => format!(", now {}", value(status)),
        None => String::new(),
    };
    format!("{} by {}{status}: {}", get("date"), get("by"), get("note"))
}

/// `6 → 7 (limit 6, over)`, or `4 (limit 6)` when the count did not move.
fn count(count: &Count) -> String {
    let over = if count.is_over() { ", over" } else { "" };
    if count.before == count.after {
        format!("{} (limit {}{over})", count.after, count.limit)
    } else {
        format!(
            "{} → {} (limit {}{over})",
            count.before, count.after, count.limit
        )
    }
}

/// `plans/2017/history.toml:36`.
fn place(finding: &FindingView) -> String {
    match finding.line {
        Some(line) => format!("{}:{line}", finding.file),
        None => finding.file.clone(),
    }
}
