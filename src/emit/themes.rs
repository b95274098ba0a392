//! The themes report in each of its formats: `table` for a terminal, `md` and `html` for
//! sharing, `json` and `csv` for other tools. Each writes the same [`ThemesReport`].

pub mod csv;
pub mod html;
pub mod markdown;
pub mod page;
pub mod table;

use crate::report::themes::{ThemeSummary, ThemesReport};

/// "1 department", "3 departments".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The opening sentence: how many plans, the threshold, what changes compare with.
fn summary(report: &ThemesReport) -> String {
    let since = match report.previous_year {
        Some(previous) => format!("changes are since {previous}"),
        None => "there are no earlier plans to compare with".to_owned(),
    };
    format!(
        "{} for {}; a theme is common in {} or more departments; {since}.",
        count(report.planned.len(), "department plan"),
        report.year,
        report.min_departments.max(1),
    )
}

/// The line that says how a theme changed since last year, with department names
/// written by `name`.
fn change(report: &ThemesReport, theme: &ThemeSummary, name: impl Fn(&str) -> String) -> String {
    let Some(previous) = report.previous_year else {
        return "no earlier plans to compare with".to_owned();
    };
    let list = |ids: Vec<&str>| {
        if ids.is_empty() {
            "none".to_owned()
        } else {
            ids.into_iter().map(&name).collect::<Vec<_>>().join(", ")
        }
    };
    format!(
        "since {previous}: new {}; still {}; gone {}",
        list(theme.new_departments()),
        list(theme.continuing_departments()),
        list(theme.gone_departments()),
    )
}

/// A faculty's heading, with departments that have none under their own.
fn faculty_label(faculty: Option<&str>) -> &str {
    faculty.unwrap_or("no faculty")
}

/// User text on one line, for a table cell: line breaks become spaces, so they cannot
/// break the layout, and other control characters `�`, so they cannot drive the terminal.
fn one_line(text: &str) -> String {
    let spaced = crate::sanitize::terminal(&text.replace(['\r', '\n', '\t'], " ")).into_owned();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_drops_breaks_and_escapes() {
        assert_eq!(
            one_line("Key\ntexts\u{1b}[31m  now\u{202e}"),
            "Key texts\u{fffd}[31m now\u{fffd}"
        );
    }
}
