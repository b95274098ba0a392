//! The plans repository as data: `aplan.toml` ([`Config`]) and one [`Plan`] per file.
//!
//! Types keep the byte spans of the values that checks point at. Reading a file never
//! stops at the first problem: each is pushed as a diagnostic and reading goes on.

pub mod config;
pub mod decode;
pub mod plan;
pub mod schema;

pub use config::{
    Config, Department, Initiative, Library, Limits, Process, Staff, StaffRole, Theme,
};
pub use plan::{
    Action, ActionStatus, Attendee, AttendeeRole, Context, Issue, LibQual, Meeting, Plan,
    PlanStatus, Priority, Update,
};

use toml::Spanned;
use toml::de::DeTable;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

/// Parses TOML text, turning a syntax error into a diagnostic.
fn parse_document<'i>(
    file: FileId,
    text: &'i str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'i>>> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::EmptyFile, file, None, "the file is empty")
                .with_hint("add `department`, `year` and `status`, or delete the file"),
        );
        return None;
    }
    match DeTable::parse(text) {
        Ok(table) => Some(table),
        Err(error) => {
            let message = error.message().trim().to_owned();
            // The parser checks calendar dates itself (`2017-02-30`); give that its own code.
            let code = if message.starts_with("invalid date") || message.starts_with("invalid time")
            {
                Code::InvalidDate
            } else {
                Code::TomlSyntax
            };
            let span = error.span().unwrap_or(0..0);
            let hint = syntax_hint(&message);
            diagnostics.push(Diagnostic::new(code, file, Some(span), message).with_hint_opt(hint));
            None
        }
    }
}

/// Advice for the TOML mistakes people make most when editing plans by hand.
fn syntax_hint(message: &str) -> Option<String> {
    let hint = if message.starts_with("invalid basic string") {
        "close the string with `\"` on the same line; use `\"\"\"` for text over several lines"
    } else if message.starts_with("invalid literal string") {
        "close the string with `'` on the same line; use `\'\'\'` for text over several lines"
    } else if message.starts_with("duplicate key") {
        "a key may appear once in each table; remove or rename one of them"
    } else if message.starts_with("string values must be quoted") {
        "put text in double quotes: `title = \"Reading lists\"`"
    } else if message.starts_with("invalid date") || message.starts_with("invalid time") {
        "write a date that is in the calendar, as YYYY-MM-DD"
    } else {
        return None;
    };
    Some(hint.to_owned())
}
