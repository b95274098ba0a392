//! What the themes report's document templates (`themes.md`, `themes.html`) get: the
//! report with ids looked up as names and the opening sentence written out, so a template
//! only lays it out.

use serde::Serialize;

use super::{faculty_label, summary};
use crate::report::themes::{ItemKind, ThemeSummary, ThemesReport};

#[derive(Debug, Serialize)]
pub struct Page<'a> {
    pub title: String,
    pub year: i64,
    /// How many plans, the threshold, what changes compare with.
    pub summary: String,
    /// The fewest departments that make a theme common (at least 1).
    pub min_departments: u32,
    pub previous_year: Option<i64>,
    /// In the report's order: the most departments first.
    pub themes: Vec<Theme<'a>>,
    /// Common themes that no shared initiative covers.
    pub shared_work: Vec<Theme<'a>>,
    /// The theme-by-department matrix, a row per planned department.
    pub rows: Vec<Row<'a>>,
    pub suggestions: Vec<Suggestion<'a>>,
    pub emerging: Vec<Emerging<'a>>,
    /// Faculty headings, for the counts by faculty.
    pub faculties: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Theme<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub common: bool,
    /// The departments carrying it, by name.
    pub departments: Vec<&'a str>,
    pub librarians: Vec<&'a str>,
    pub initiatives: Vec<Initiative<'a>>,
    /// Since the previous year, by name; empty without one.
    pub new_departments: Vec<&'a str>,
    pub continuing_departments: Vec<&'a str>,
    pub gone_departments: Vec<&'a str>,
    pub items: Vec<Item<'a>>,
    /// How many departments carry it in each of [`Page::faculties`].
    pub by_faculty: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct Initiative<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Item<'a> {
    pub reference: &'a str,
    pub kind: ItemKind,
    pub title: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub name: &'a str,
    pub faculty: &'a str,
    /// The department's issues and actions with each theme, in the order of the themes.
    pub counts: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct Suggestion<'a> {
    pub reference: &'a str,
    pub theme: &'a str,
    pub matched: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Emerging<'a> {
    pub phrase: &'a str,
    /// By name.
    pub departments: Vec<&'a str>,
}

pub fn build<'a>(report: &'a ThemesReport) -> Page<'a> {
    let faculties = report.faculties();
    let theme = |theme: &'a ThemeSummary| theme_of(report, theme, &faculties);
    Page {
        title: format!("Themes across departments, {}", report.year),
        year: report.year,
        summary: summary(report),
        min_departments: report.min_departments.max(1),
        previous_year: report.previous_year,
        themes: report.themes.iter().map(theme).collect(),
        shared_work: report.shared_work().map(theme).collect(),
        rows: report
            .planned
            .iter()
            .map(|id| Row {
                name: report.department_name(id),
                faculty: faculty_label(report.department(id).and_then(|d| d.faculty.as_deref())),
                counts: report
                    .themes
                    .iter()
                    .map(|t| {
                        let (issues, actions) = t.count_in(id);
                        issues + actions
                    })
                    .collect(),
            })
            .collect(),
        suggestions: report
            .suggestions
            .iter()
            .map(|s| Suggestion {
                reference: &s.reference,
                theme: &s.theme,
                matched: &s.matched,
            })
            .collect(),
        emerging: report
            .emerging
            .iter()
            .map(|e| Emerging {
                phrase: &e.phrase,
                departments: names(report, &e.departments),
            })
            .collect(),
        faculties: faculties.iter().map(|f| faculty_label(*f)).collect(),
    }
}

fn theme_of<'a>(
    report: &'a ThemesReport,
    theme: &'a ThemeSummary,
    faculties: &[Option<&str>],
) -> Theme<'a> {
    let department_names = |ids: Vec<&'a str>| -> Vec<&'a str> {
        ids.into_iter()
            .map(|id| report.department_name(id))
            .collect()
    };
    Theme {
        id: &theme.id,
        title: &theme.title,
        common: theme.common,
        departments: names(report, &theme.departments),
        librarians: theme
            .librarians
            .iter()
            .map(|id| report.staff_name(id))
            .collect(),
        initiatives: theme
            .initiatives
            .iter()
            .map(|id| Initiative {
                id,
                title: report.initiative_title(id),
            })
            .collect(),
        new_departments: department_names(theme.new_departments()),
        continuing_departments: department_names(theme.continuing_departments()),
        gone_departments: department_names(theme.gone_departments()),
        items: theme
            .items
            .iter()
            .map(|item| Item {
                reference: &item.reference,
                kind: item.kind,
                title: &item.title,
            })
            .collect(),
        by_faculty: faculties
            .iter()
            .map(|f| report.faculty_count(theme, *f))
            .collect(),
    }
}

/// Department ids as names.
fn names<'a>(report: &'a ThemesReport, ids: &'a [String]) -> Vec<&'a str> {
    ids.iter().map(|id| report.department_name(id)).collect()
}
