//! `--format md`: the themes report as a Markdown page with YAML front matter, the
//! theme-by-department matrix first, then the lists.

use std::io::{self, Write};

use super::{change, count, faculty_label, one_line, summary};
use crate::report::themes::{ThemeSummary, ThemesReport};

pub fn write(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    let title = format!("Themes across departments, {}", report.year);
    writeln!(out, "---")?;
    writeln!(out, "title: \"{title}\"")?;
    writeln!(out, "year: {}", report.year)?;
    writeln!(out, "---")?;
    writeln!(out)?;
    writeln!(out, "# {title}")?;
    writeln!(out)?;
    writeln!(out, "{}", text(&summary(report)))?;
    matrix(out, report)?;
    shared_work(out, report)?;
    themes(out, report)?;
    suggestions(out, report)?;
    emerging(out, report)?;
    by_faculty(out, report)
}

fn matrix(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Theme by department")?;
    writeln!(out)?;
    writeln!(
        out,
        "Each cell counts the department's issues and actions that carry the theme."
    )?;
    writeln!(out)?;
    let mut header = vec!["Department".to_owned(), "Faculty".to_owned()];
    header.extend(report.themes.iter().map(|t| format!("`{}`", t.id)));
    row(out, &header)?;
    let mut rule = vec!["---".to_owned(); 2];
    rule.extend(report.themes.iter().map(|_| "---:".to_owned()));
    row(out, &rule)?;
    for id in &report.planned {
        let faculty = report.department(id).and_then(|d| d.faculty.as_deref());
        let mut cells = vec![
            text(report.department_name(id)),
            text(faculty_label(faculty)),
        ];
        cells.extend(report.themes.iter().map(|t| {
            let (issues, actions) = t.count_in(id);
            match issues + actions {
                0 => String::new(),
                n => n.to_string(),
            }
        }));
        row(out, &cells)?;
    }
    let mut totals = vec!["**Departments with the theme**".to_owned(), String::new()];
    totals.extend(
        report
            .themes
            .iter()
            .map(|t| format!("**{}**", t.departments.len())),
    );
    row(out, &totals)
}

fn shared_work(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Where to work together")?;
    writeln!(out)?;
    writeln!(
        out,
        "Common themes that no shared initiative covers: each group could share one piece of work."
    )?;
    writeln!(out)?;
    let mut any = false;
    for theme in report.shared_work() {
        any = true;
        writeln!(
            out,
            "- **{}** (`{}`), {}: {}. Liaison librarians: {}.",
            text(&theme.title),
            theme.id,
            count(theme.departments.len(), "department"),
            departments(report, &theme.departments),
            people(report, &theme.librarians),
        )?;
    }
    if !any {
        writeln!(out, "None: every common theme has a shared initiative.")?;
    }
    Ok(())
}

fn themes(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Themes")?;
    for theme in &report.themes {
        writeln!(out)?;
        writeln!(out, "### {} (`{}`)", text(&theme.title), theme.id)?;
        writeln!(out)?;
        theme_detail(out, report, theme)?;
    }
    Ok(())
}

fn theme_detail(
    out: &mut dyn Write,
    report: &ThemesReport,
    theme: &ThemeSummary,
) -> io::Result<()> {
    let common = if theme.common { "common" } else { "not common" };
    let departments = match theme.departments.len() {
        0 => String::new(),
        _ => format!(": {}", departments(report, &theme.departments)),
    };
    writeln!(
        out,
        "- {}, {common}{departments}",
        count(theme.departments.len(), "department")
    )?;
    if !theme.librarians.is_empty() {
        writeln!(
            out,
            "- Liaison librarians: {}",
            people(report, &theme.librarians)
        )?;
    }
    if !theme.initiatives.is_empty() {
        let initiatives: Vec<String> = theme
            .initiatives
            .iter()
            .map(|i| format!("{} (`{i}`)", text(report.initiative_title(i))))
            .collect();
        writeln!(out, "- Shared initiatives: {}", initiatives.join(", "))?;
    }
    let since = change(report, theme, |id| text(report.department_name(id)));
    writeln!(out, "- {}{}", since[..1].to_uppercase(), &since[1..])?;
    if !theme.items.is_empty() {
        writeln!(out, "- Items:")?;
        for item in &theme.items {
            writeln!(
                out,
                "  - `{}` ({}): {}",
                item.reference,
                item.kind.as_str(),
                text(&item.title)
            )?;
        }
    }
    Ok(())
}

fn suggestions(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Suggested themes for untagged issues and actions")?;
    writeln!(out)?;
    if report.suggestions.is_empty() {
        writeln!(out, "None.")?;
    }
    for s in &report.suggestions {
        writeln!(
            out,
            "- `{}` looks like `{}` (matched \"{}\")",
            s.reference,
            s.theme,
            text(&s.matched)
        )?;
    }
    Ok(())
}

fn emerging(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Emerging themes")?;
    writeln!(out)?;
    writeln!(
        out,
        "Phrases in the issues and actions of {} or more departments that no theme's keywords cover: candidates for a new theme.",
        report.min_departments.max(1)
    )?;
    writeln!(out)?;
    if report.emerging.is_empty() {
        writeln!(out, "None.")?;
    }
    for e in &report.emerging {
        writeln!(
            out,
            "- \"{}\": {}",
            text(&e.phrase),
            departments(report, &e.departments)
        )?;
    }
    Ok(())
}

fn by_faculty(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Themes by faculty")?;
    writeln!(out)?;
    writeln!(out, "Departments carrying each theme, by faculty.")?;
    writeln!(out)?;
    let faculties = report.faculties();
    let mut header = vec!["Theme".to_owned()];
    header.extend(faculties.iter().map(|f| text(faculty_label(*f))));
    header.push("All".to_owned());
    row(out, &header)?;
    let mut rule = vec!["---".to_owned()];
    rule.extend(std::iter::repeat_n("---:".to_owned(), faculties.len() + 1));
    row(out, &rule)?;
    for theme in &report.themes {
        let mut cells = vec![format!("`{}`", theme.id)];
        cells.extend(
            faculties
                .iter()
                .map(|f| report.faculty_count(theme, *f).to_string()),
        );
        cells.push(theme.departments.len().to_string());
        row(out, &cells)?;
    }
    Ok(())
}

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

fn departments(report: &ThemesReport, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| text(report.department_name(id)))
        .collect();
    names.join(", ")
}

fn people(report: &ThemesReport, ids: &[String]) -> String {
    let names: Vec<String> = ids.iter().map(|id| text(report.staff_name(id))).collect();
    names.join(", ")
}

/// User text that Markdown shows as written: on one line, with the characters that would
/// start emphasis, a link, code, raw HTML or a table cell escaped.
fn text(s: &str) -> String {
    let line = one_line(s);
    let mut escaped = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // `&` only matters where it could start an entity such as `&lt;`.
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
            )
        {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_make_markup() {
        assert_eq!(
            text("<b>Key</b> *texts* | [x](y)\nA & B &amp;"),
            r"\<b\>Key\</b\> \*texts\* \| \[x\](y) A & B \&amp;"
        );
    }
}
