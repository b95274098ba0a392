//! `--format human`: rustc-style findings with the source line, a caret under the value
//! and a hint, then a one-line summary.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::terminal::clean;
use super::{Findings, MAX_FINDINGS_PER_FILE};
use crate::diagnostic::{Diagnostic, Severity, Tally};

/// How the report looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
}

pub fn write(out: &mut dyn Write, findings: &Findings<'_>, style: Style) -> io::Result<()> {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in findings.diagnostics {
        let report = [group(findings, d)];
        writeln!(out, "{}\n", renderer.render(&report))?;
    }
    for omitted in findings.omitted {
        let n = omitted.tally.errors + omitted.tally.warnings;
        writeln!(
            out,
            "note: and {} like these in {}, left out after the first {MAX_FINDINGS_PER_FILE}; fix those and run again\n",
            count(n, "more finding"),
            clean(findings.sources.get(omitted.file).path())
        )?;
    }
    if !style.quiet {
        writeln!(out, "{}", summary(findings))?;
    }
    Ok(())
}

fn group<'a>(findings: &Findings<'a>, d: &'a Diagnostic) -> Group<'a> {
    let level = match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(clean(&d.message)).id(d.code.name());
    let hint = d.hint.as_deref().map(clean);
    let file = findings.sources.get(d.file);
    let shown = d.span.as_ref().and_then(|span| file.span_on_line(span));
    match shown {
        Some((line, text, range)) => {
            let range = caret_range(text, range);
            let (text, range) = clean_line(text, range);
            let annotation = AnnotationKind::Primary.span(range).label(hint);
            title.element(
                Snippet::source(text)
                    .line_start(line)
                    .path(clean(file.path()))
                    .annotation(annotation),
            )
        }
        None => {
            let group = title.element(Origin::path(clean(file.path())));
            match hint {
                Some(hint) => group.element(Level::HELP.message(hint)),
                None => group,
            }
        }
    }
}

/// The range to underline: on character boundaries, and at least one character wide so
/// an empty span (end of file, a missing value) still gets a caret.
fn caret_range(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(range.start.min(text.len()));
    let end = floor(range.end.min(text.len())).max(start);
    if start < end {
        return start..end;
    }
    let width = text[start..].chars().next().map_or(0, char::len_utf8);
    start..start + width
}

/// A source line made safe to print, character by character, with the range to underline
/// moved to match.
fn clean_line(text: &str, range: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    if let Cow::Borrowed(text) = clean(text) {
        return (Cow::Borrowed(text), range);
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut at = vec![0; text.len() + 1];
    for (i, c) in text.char_indices() {
        at[i] = cleaned.len();
        cleaned.push_str(&clean(c.encode_utf8(&mut [0; 4])));
    }
    at[text.len()] = cleaned.len();
    (Cow::Owned(cleaned), at[range.start]..at[range.end])
}

fn summary(findings: &Findings<'_>) -> String {
    let Tally { errors, warnings } = findings.tally();
    let files = count(findings.files, "file");
    let capped = match findings.omitted_count() {
        0 => String::new(),
        _ => format!(" (at most {MAX_FINDINGS_PER_FILE} shown for each file)"),
    };
    match (errors, warnings) {
        (0, 0) => format!("checked {files}: no problems found"),
        _ => format!(
            "checked {files}: {}, {}{capped}",
            count(errors, "error"),
            count(warnings, "warning")
        ),
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_land_on_character_boundaries() {
        let text = "name = \"Siân\"";
        assert_eq!(caret_range(text, 11..12), 10..12);
        assert_eq!(caret_range(text, 3..3), 3..4);
        assert_eq!(caret_range(text, 99..99), 14..14);
    }
}
