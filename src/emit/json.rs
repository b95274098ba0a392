//! `--format json`: one object with every finding and a summary. The shape is documented
//! in the README and only grows.

use std::io::{self, Write};

use serde::Serialize;

use super::Findings;
use crate::diagnostic::{Severity, Tally};

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    code: &'static str,
    severity: Severity,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

pub fn write(out: &mut dyn Write, findings: &Findings<'_>) -> io::Result<()> {
    let diagnostics = findings
        .diagnostics
        .iter()
        .map(|d| {
            let (file, location) = findings.locate(d);
            Entry {
                code: d.code.name(),
                severity: d.severity(),
                file,
                line: location.map(|l| l.line),
                column: location.map(|l| l.column),
                message: &d.message,
                hint: d.hint.as_deref(),
            }
        })
        .collect();
    let tally = Tally::of(findings.diagnostics);
    let output = Output {
        diagnostics,
        summary: Summary {
            files: findings.files,
            errors: tally.errors,
            warnings: tally.warnings,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
