//! Output formats, one file each. Emitters write to any `io::Write` and never decide
//! exit codes.

pub mod csv;
pub mod github;
pub mod human;
pub mod ics;
pub mod json;
pub mod table;
pub mod terminal;
pub mod themes;

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
        // A file that changed on disk since it was read has no text to count lines in.
        let location = diagnostic
            .span
            .as_ref()
            .filter(|_| !file.is_released())
            .map(|span| file.location(span.start));
        (file.path(), location)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    /// A file read clean has its text let go; if it changed on disk before a finding
    /// across files needed it, the finding names the file without a made-up position.
    #[test]
    fn a_finding_in_a_file_without_its_text_has_no_position() {
        let mut sources = Sources::default();
        let file = sources.add("plans/2017/x.toml".into(), Some("a = 1\nb = 2\n".into()));
        let finding = Diagnostic::new(Code::UnknownKey, file, Some(6..7), "unknown key `b`");
        let locate = |sources: &Sources| {
            let findings = Findings {
                sources,
                diagnostics: std::slice::from_ref(&finding),
                files: 1,
            };
            let (path, location) = findings.locate(&finding);
            (path.to_owned(), location)
        };
        let line = Location { line: 2, column: 1 };
        assert_eq!(locate(&sources), ("plans/2017/x.toml".into(), Some(line)));
        sources.get_mut(file).release_text();
        assert_eq!(locate(&sources), ("plans/2017/x.toml".into(), None));
    }
}
