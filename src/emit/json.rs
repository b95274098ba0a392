//! `--format json`: one object with every finding and a summary. The shape is documented
//! in the README and only grows.

use std::io::{self, Write};

use serde::Serialize;

use super::{Findings, MAX_FINDINGS_PER_FILE};
use crate::diagnostic::Severity;

/// The whole output; its schema is `aplan schema validate`.
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct Output<'a> {
    diagnostics: Vec<Entry<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Entry<'a> {
    code: &'static str,
    severity: Severity,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Summary<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    /// Present only when a file had more findings than are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<LeftOut<'a>>,
}

/// The findings not listed: the cap, and how many each file had beyond it.
#[derive(Serialize, schemars::JsonSchema)]
struct LeftOut<'a> {
    shown_per_file: usize,
    files: Vec<LeftOutFile<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct LeftOutFile<'a> {
    file: &'a str,
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
    let tally = findings.tally();
    let left_out = (!findings.omitted.is_empty()).then(|| LeftOut {
        shown_per_file: MAX_FINDINGS_PER_FILE,
        files: findings
            .omitted
            .iter()
            .map(|o| LeftOutFile {
                file: findings.sources.get(o.file).path(),
                errors: o.tally.errors,
                warnings: o.tally.warnings,
            })
            .collect(),
    });
    let output = Output {
        diagnostics,
        summary: Summary {
            files: findings.files,
            errors: tally.errors,
            warnings: tally.warnings,
            left_out,
        },
    };
    super::pretty_json(out, &output)
}
