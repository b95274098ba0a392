//! Output formats, one file each. Emitters write to any `io::Write` and never decide
//! exit codes.

pub mod actions;
pub mod csv;
pub mod diff;
pub mod github;
pub mod human;
pub mod json;
pub mod table;
pub mod terminal;
pub mod themes;
pub mod timeline;
pub mod workload;

use crate::diagnostic::Diagnostic;
use crate::source::{Location, Sources};

/// Findings of a run with what they refer to.
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    pub sources: &'a Sources,
    pub diagnostics: &'a [Diagnostic],
    /// How many files were checked, for the summary.
    pub files: usize,
}

impl Findings<'_> {
    /// The file path and, when the finding has a span, its line and column.
    pub fn locate(&self, diagnostic: &Diagnostic) -> (&str, Option<Location>) {
        let file = self.sources.get(diagnostic.file);
        let location = diagnostic
            .span
            .as_ref()
            .map(|span| file.location(span.start));
        (file.path(), location)
    }
}
