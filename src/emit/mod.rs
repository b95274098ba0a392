//! Output formats, one file each. Emitters write to any `io::Write` and never decide
//! exit codes.

pub mod actions;
pub mod activity;
pub mod csv;
pub mod diff;
pub mod digest;
pub mod github;
pub mod history;
pub mod human;
pub mod json;
pub mod priorities;
pub mod review;
pub mod schema;
pub mod table;
pub mod terminal;
pub mod themes;
pub mod timeline;
pub mod workload;

use std::collections::HashMap;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Tally};
use crate::source::{FileId, Location, Sources};

/// `--format json` of a report: as its schema (`aplan schema NAME`) documents it,
/// indented, with a final newline.
pub fn pretty_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    report: &T,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// The most findings shown for one file. A file pasted full of mistakes could otherwise
/// give a hundred thousand findings and megabytes of output; the first hundred say what
/// is wrong, and the rest are counted.
pub const MAX_FINDINGS_PER_FILE: usize = 100;

/// Findings of a run with what they refer to.
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    pub sources: &'a Sources,
    /// The findings shown: at most [`MAX_FINDINGS_PER_FILE`] for each file.
    pub diagnostics: &'a [Diagnostic],
    /// How many files were checked, for the summary.
    pub files: usize,
    /// The findings left out, by file in the order of their first finding.
    pub omitted: &'a [Omitted],
}

/// The findings of one file left out after the first [`MAX_FINDINGS_PER_FILE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Omitted {
    pub file: FileId,
    pub tally: Tally,
}

/// Keeps the first [`MAX_FINDINGS_PER_FILE`] findings of each file, in order, and counts
/// the rest.
pub fn cap_per_file(diagnostics: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Omitted>) {
    let mut seen: HashMap<FileId, usize> = HashMap::new();
    let mut shown = Vec::with_capacity(diagnostics.len().min(MAX_FINDINGS_PER_FILE));
    let mut left_out: Vec<(FileId, Vec<Diagnostic>)> = Vec::new();
    for d in diagnostics {
        let count = seen.entry(d.file).or_default();
        *count += 1;
        if *count <= MAX_FINDINGS_PER_FILE {
            shown.push(d);
        } else {
            match left_out.iter_mut().find(|(file, _)| *file == d.file) {
                Some((_, rest)) => rest.push(d),
                None => left_out.push((d.file, vec![d])),
            }
        }
    }
    let omitted = left_out
        .into_iter()
        .map(|(file, rest)| Omitted {
            file,
            tally: Tally::of(&rest),
        })
        .collect();
    (shown, omitted)
}

impl Findings<'_> {
    /// Every finding, shown or left out.
    pub fn tally(&self) -> Tally {
        let shown = Tally::of(self.diagnostics);
        self.omitted.iter().fold(shown, |sum, o| Tally {
            errors: sum.errors + o.tally.errors,
            warnings: sum.warnings + o.tally.warnings,
        })
    }

    /// How many findings were left out in all.
    pub fn omitted_count(&self) -> usize {
        self.omitted
            .iter()
            .map(|o| o.tally.errors + o.tally.warnings)
            .sum()
    }

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
