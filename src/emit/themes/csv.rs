//! `--format csv`: one row per theme and department that carries it, for a spreadsheet's
//! pivot table. Themes come in the report's order, departments by id.

use std::io::{self, Write};

use crate::emit::csv;
use crate::report::themes::ThemesReport;

const HEADER: &[&str] = &[
    "year",
    "theme",
    "theme_title",
    "department",
    "department_name",
    "faculty",
    "librarian",
    "issues",
    "actions",
    "common",
    "initiatives",
    "since_last_year",
];

pub fn write(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    let mut rows = Vec::new();
    for theme in &report.themes {
        for id in &theme.departments {
            let info = report.department(id);
            let (issues, actions) = theme.count_in(id);
            let since = match report.previous_year {
                None => "",
                Some(_) if theme.previous_departments.contains(id) => "still",
                Some(_) => "new",
            };
            rows.push(vec![
                report.year.to_string(),
                theme.id.clone(),
                theme.title.clone(),
                id.clone(),
                report.department_name(id).to_owned(),
                info.and_then(|d| d.faculty.clone()).unwrap_or_default(),
                info.map(|d| d.librarian.clone()).unwrap_or_default(),
                issues.to_string(),
                actions.to_string(),
                theme.common.to_string(),
                csv::list(&theme.initiatives),
                since.to_owned(),
            ]);
        }
    }
    csv::write(out, HEADER, rows)
}
