//! `--format github`: workflow commands that GitHub Actions shows as annotations on the
//! pull request's files.

use std::io::{self, Write};

use super::terminal::clean;
use super::{Findings, MAX_FINDINGS_PER_FILE};
use crate::diagnostic::Severity;

pub fn write(out: &mut dyn Write, findings: &Findings<'_>) -> io::Result<()> {
    for d in findings.diagnostics {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (file, location) = findings.locate(d);
        write!(out, "::{command} file={}", property(file))?;
        if let Some(l) = location {
            write!(out, ",line={},col={}", l.line, l.column)?;
        }
        let message = match &d.hint {
            Some(hint) => format!("{} ({hint})", d.message),
            None => d.message.clone(),
        };
        writeln!(
            out,
            ",title={}::{}",
            property(d.code.name()),
            data(&message)
        )?;
    }
    for omitted in findings.omitted {
        let n = omitted.tally.errors + omitted.tally.warnings;
        writeln!(
            out,
            "::notice file={},title=more-findings::{}",
            property(findings.sources.get(omitted.file).path()),
            data(&format!(
                "and {n} more findings like these, left out after the first {MAX_FINDINGS_PER_FILE}; fix those and run again"
            ))
        )?;
    }
    Ok(())
}

/// Escapes a command's message, as the workflow command syntax requires, after replacing
/// control characters that would otherwise reach the log as they are.
fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push_str(&clean(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Escapes a property value, which also may not contain `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(data("a\u{1b}[31mb"), "a\u{fffd}[31mb");
    }
}
