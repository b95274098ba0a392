//! The plans repository as data: `aplan.toml` ([`Config`]) and one [`Plan`] per file.
//!
//! The types are the files' format: the JSON Schema ([`schema`]), `aplan export` and the
//! draft of `aplan new` are derived from them, and a test holds the schema to the decoders.
//! Types keep the byte spans of the values that checks point at. Reading a file never
//! stops at the first problem: each is pushed as a diagnostic and reading goes on.

pub mod config;
pub mod contacts;
pub mod decode;
pub mod interactions;
pub mod loose_date;
mod mistake;
pub mod plan;
pub mod review;
pub mod schema;
mod spanned;
pub mod tree;
pub mod year;

pub use config::{
    Config, Crm, Department, Initiative, Library, Limits, Process, Staff, StaffRole, Theme,
};
pub use contacts::{Contact, ContactRole, Contacts};
pub use interactions::{Interaction, Interactions};
pub use plan::{
    Action, ActionStatus, Attendee, AttendeeRole, ContactAttendee, Context, Feedback, Investment,
    Issue, LibQual, Meeting, PersonAttendee, Plan, PlanStatus, Priority, StaffAttendee, Update,
    Usage,
};

pub use review::{Improvement, ImprovementStatus, Review, ReviewFeedback};
pub use year::YearStart;

pub use spanned::{Span, Spanned};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

/// How deep values and keys may nest: the TOML parser's own limit, which keeps a hostile
/// file from exhausting the stack. A plan needs four levels.
pub const MAX_NESTING: usize = 80;

/// Parses TOML text, turning a syntax error into a diagnostic.
fn parse_document<'i>(
    file: FileId,
    text: &'i str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<toml::Spanned<tree::Table<'i>>> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::EmptyFile, file, None, "the file is empty")
                .with_hint("add `department`, `year` and `status`, or delete the file"),
        );
        return None;
    }
    match tree::parse(text) {
        Ok(table) => Some(table),
        Err(error) => {
            diagnostics.push(mistake::syntax_finding(file, text, error));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn syntax_messages(text: &str) -> Vec<String> {
        let mut diagnostics = Vec::new();
        let file = Sources::default().add("plans/2017/x.toml".to_owned(), None);
        parse_document(file, text, &mut diagnostics);
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    /// The limit the README states is the parser's: just under it parses, just over it is
    /// refused with a message that says why.
    #[test]
    fn nesting_is_limited_with_a_clear_message() {
        let depth = MAX_NESTING - 2;
        let arrays = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
        let tables = format!("a = {}1{}", "{b = ".repeat(depth), "}".repeat(depth));
        let keys = format!("a{} = 1", ".b".repeat(depth));
        for ok in [&arrays, &tables, &keys] {
            assert_eq!(syntax_messages(ok), Vec::<String>::new());
        }
        let depth = MAX_NESTING + 1;
        let arrays = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
        let tables = format!("a = {}1{}", "{b = ".repeat(depth), "}".repeat(depth));
        let keys = format!("a{} = 1", ".b".repeat(depth));
        let header = format!("[a{}]", ".b".repeat(depth));
        for deep in [&arrays, &tables, &keys, &header] {
            let messages = syntax_messages(deep);
            assert_eq!(messages.len(), 1, "{messages:?}");
            assert!(
                messages[0].starts_with("values or keys nested more than 80"),
                "{messages:?}"
            );
        }
    }
}
