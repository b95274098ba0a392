//! `--format table`: the themes report for a terminal. The summary and the line a manager
//! acts on come first, the full detail of each theme last.

use std::io::{self, Write};

use super::{change, count, faculty_label, one_line, summary};
use crate::emit::table::Table;
use crate::report::themes::{ThemeSummary, ThemesReport};

pub fn write(out: &mut dyn Write, report: &ThemesReport, bold: bool) -> io::Result<()> {
    writeln!(out, "Themes across departments, {}", report.year)?;
    writeln!(out, "{}", summary(report))?;
    writeln!(out)?;
    overview(report).write(out, bold)?;
    shared_work(out, report)?;
    by_faculty(out, report, bold)?;
    suggestions(out, report)?;
    emerging(out, report)?;
    for theme in &report.themes {
        detail(out, report, theme, bold)?;
    }
    Ok(())
}

fn overview(report: &ThemesReport) -> Table {
    let mut table = Table::new([
        "theme",
        "title",
        "departments",
        "common",
        "issues",
        "actions",
        "new",
        "gone",
        "shared initiatives",
    ])
    .right_align(&[2, 4, 5, 6, 7]);
    for theme in &report.themes {
        let (issues, actions) = report.planned.iter().fold((0, 0), |(i, a), d| {
            let (di, da) = theme.count_in(d);
            (i + di, a + da)
        });
        let compared = report.previous_year.is_some();
        let changed = |n: usize| if compared { n.to_string() } else { "-".into() };
        table.push(vec![
            theme.id.clone(),
            one_line(&theme.title),
            theme.departments.len().to_string(),
            if theme.common { "yes" } else { "no" }.into(),
            issues.to_string(),
            actions.to_string(),
            changed(theme.new_departments().len()),
            changed(theme.gone_departments().len()),
            theme.initiatives.join(", "),
        ]);
    }
    table
}

fn shared_work(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "Where to work together: common themes that no shared initiative covers"
    )?;
    let mut any = false;
    for theme in report.shared_work() {
        any = true;
        writeln!(
            out,
            "  {} ({}): {}",
            theme.id,
            one_line(&theme.title),
            count(theme.departments.len(), "department")
        )?;
        let departments: Vec<String> = theme
            .departments
            .iter()
            .map(|d| one_line(report.department_name(d)))
            .collect();
        writeln!(out, "    departments: {}", departments.join(", "))?;
        writeln!(out, "    librarians: {}", people(report, &theme.librarians))?;
    }
    if !any {
        writeln!(out, "  none: every common theme has a shared initiative")?;
    }
    Ok(())
}

fn by_faculty(out: &mut dyn Write, report: &ThemesReport, bold: bool) -> io::Result<()> {
    let faculties = report.faculties();
    let mut headers = vec!["theme".to_owned()];
    headers.extend(faculties.iter().map(|f| one_line(faculty_label(*f))));
    headers.push("all".to_owned());
    let columns: Vec<usize> = (1..headers.len()).collect();
    let mut table = Table::new(headers).right_align(&columns);
    for theme in &report.themes {
        let mut row = vec![theme.id.clone()];
        row.extend(
            faculties
                .iter()
                .map(|f| report.faculty_count(theme, *f).to_string()),
        );
        row.push(theme.departments.len().to_string());
        table.push(row);
    }
    writeln!(out)?;
    writeln!(out, "Departments per theme and faculty")?;
    indented(out, &table, bold)
}

fn suggestions(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "Suggested themes for untagged issues and actions")?;
    if report.suggestions.is_empty() {
        writeln!(out, "  none")?;
    }
    for s in &report.suggestions {
        writeln!(
            out,
            "  {} looks like {} (matched \"{}\")",
            s.reference,
            s.theme,
            one_line(&s.matched)
        )?;
    }
    Ok(())
}

fn emerging(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "Emerging themes: phrases in {} or more departments that no theme's keywords cover",
        report.min_departments.max(1)
    )?;
    if report.emerging.is_empty() {
        writeln!(out, "  none")?;
    }
    for e in &report.emerging {
        writeln!(out, "  \"{}\": {}", e.phrase, e.departments.join(", "))?;
    }
    Ok(())
}

fn detail(
    out: &mut dyn Write,
    report: &ThemesReport,
    theme: &ThemeSummary,
    bold: bool,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}: {}", theme.id, one_line(&theme.title))?;
    let common = if theme.common { "common" } else { "not common" };
    writeln!(
        out,
        "  {}, {common}",
        count(theme.departments.len(), "department")
    )?;
    if !theme.initiatives.is_empty() {
        let initiatives: Vec<String> = theme
            .initiatives
            .iter()
            .map(|i| format!("{i} ({})", one_line(report.initiative_title(i))))
            .collect();
        writeln!(out, "  shared initiatives: {}", initiatives.join(", "))?;
    }
    writeln!(out, "  {}", change(report, theme, str::to_owned))?;
    if theme.departments.is_empty() {
        return Ok(());
    }
    writeln!(out, "  librarians: {}", people(report, &theme.librarians))?;
    let mut departments = Table::new([
        "department",
        "name",
        "faculty",
        "librarian",
        "issues",
        "actions",
    ])
    .right_align(&[4, 5]);
    for id in &theme.departments {
        let (issues, actions) = theme.count_in(id);
        let info = report.department(id);
        departments.push(vec![
            id.clone(),
            one_line(report.department_name(id)),
            one_line(faculty_label(info.and_then(|d| d.faculty.as_deref()))),
            info.map(|d| d.librarian.clone()).unwrap_or_default(),
            issues.to_string(),
            actions.to_string(),
        ]);
    }
    indented(out, &departments, bold)?;
    let mut items = Table::new(["item", "kind", "title"]);
    for item in &theme.items {
        items.push(vec![
            item.reference.clone(),
            item.kind.as_str().to_owned(),
            one_line(&item.title),
        ]);
    }
    indented(out, &items, bold)
}

/// "Hannah Patel (hpatel), Owen Walsh (owalsh)".
fn people(report: &ThemesReport, ids: &[String]) -> String {
    let named: Vec<String> = ids
        .iter()
        .map(|id| format!("{} ({id})", one_line(report.staff_name(id))))
        .collect();
    named.join(", ")
}

/// A table under a heading, indented by two spaces.
fn indented(out: &mut dyn Write, table: &Table, bold: bool) -> io::Result<()> {
    let mut text = Vec::new();
    table.write(&mut text, bold)?;
    for line in String::from_utf8_lossy(&text).lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}
