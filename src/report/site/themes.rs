//! The themes page: the theme-by-department matrix as a heat map, the common themes and
//! the groups of departments that could share one piece of work.

use serde::Serialize;

use super::plan_file;
use crate::report::themes::{ThemeSummary, ThemesReport};

/// Counts from this many up share the darkest shade of the heat map.
const DARKEST: usize = 4;

#[derive(Debug, Clone, Serialize)]
pub struct ThemesPage {
    pub min_departments: u32,
    pub previous_year: Option<i64>,
    /// The report's themes, most departments first.
    pub columns: Vec<ThemeColumn>,
    /// The year's departments with a plan, by id.
    pub rows: Vec<MatrixRow>,
    /// Common themes, most departments first.
    pub common: Vec<ThemeGroup>,
    /// Common themes that no shared initiative covers: departments that could work
    /// together.
    pub candidates: Vec<ThemeGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeColumn {
    pub id: String,
    pub title: String,
    pub departments: usize,
    pub common: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub name: String,
    pub faculty: Option<String>,
    pub file: String,
    /// One per column.
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub theme: String,
    pub issues: usize,
    pub actions: usize,
    pub count: usize,
    /// The shade, 0 (none) to 4.
    pub level: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeGroup {
    pub id: String,
    pub title: String,
    /// Department names, by id.
    pub departments: Vec<String>,
    /// Liaison librarians' names, by id.
    pub librarians: Vec<String>,
    /// Shared initiatives' titles, by id.
    pub initiatives: Vec<String>,
    /// Departments that carry the theme this year and did not last year, by name.
    pub new_departments: Vec<String>,
}

pub fn build(report: &ThemesReport) -> ThemesPage {
    let rows = report
        .planned
        .iter()
        .map(|id| MatrixRow {
            name: report.department_name(id).to_owned(),
            faculty: report.department(id).and_then(|d| d.faculty.clone()),
            file: plan_file(id, report.year),
            cells: report
                .themes
                .iter()
                .map(|theme| {
                    let (issues, actions) = theme.count_in(id);
                    MatrixCell {
                        theme: theme.title.clone(),
                        issues,
                        actions,
                        count: issues + actions,
                        level: (issues + actions).min(DARKEST),
                    }
                })
                .collect(),
        })
        .collect();
    let group = |theme: &ThemeSummary| ThemeGroup {
        id: theme.id.clone(),
        title: theme.title.clone(),
        departments: names(report, &theme.departments, ThemesReport::department_name),
        librarians: names(report, &theme.librarians, ThemesReport::staff_name),
        initiatives: names(report, &theme.initiatives, ThemesReport::initiative_title),
        new_departments: match report.previous_year {
            Some(_) => theme
                .new_departments()
                .into_iter()
                .map(|id| report.department_name(id).to_owned())
                .collect(),
            None => Vec::new(),
        },
    };
    ThemesPage {
        min_departments: report.min_departments.max(1),
        previous_year: report.previous_year,
        columns: report
            .themes
            .iter()
            .map(|theme| ThemeColumn {
                id: theme.id.clone(),
                title: theme.title.clone(),
                departments: theme.departments.len(),
                common: theme.common,
            })
            .collect(),
        rows,
        common: report
            .themes
            .iter()
            .filter(|t| t.common)
            .map(group)
            .collect(),
        candidates: report.shared_work().map(group).collect(),
    }
}

fn names<'a>(
    report: &'a ThemesReport,
    ids: &'a [String],
    name: fn(&'a ThemesReport, &'a str) -> &'a str,
) -> Vec<String> {
    ids.iter().map(|id| name(report, id).to_owned()).collect()
}
