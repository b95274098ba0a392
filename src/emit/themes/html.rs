//! `--format html`: the themes report as one self-contained page (inline CSS, no script,
//! nothing fetched) that prints on A4. The theme-by-department matrix comes first, its
//! cells shaded by count, then the lists. Every piece of user text goes through
//! [`escape`].

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{change, count, faculty_label, summary};
use crate::render::escape::html as escape;
use crate::report::themes::{ThemeSummary, ThemesReport};

const STYLE: &str = "
body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; margin: 2rem; }
main { max-width: 70rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
table { border-collapse: collapse; margin: 0.8rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; vertical-align: top; }
thead th { background: #f2f2f2; text-align: left; }
tbody th, tfoot th { text-align: left; }
.matrix thead th.theme { font-size: 0.85rem; max-width: 7rem; }
td.n { text-align: center; min-width: 2rem; }
.n1 { background: #deebf7; }
.n2 { background: #9ecae1; }
.n3 { background: #2171b5; color: #fff; }
.n4 { background: #08306b; color: #fff; }
tfoot th, tfoot td { font-weight: 600; background: #f2f2f2; }
code { font-size: 0.9em; }
ul { padding-left: 1.4rem; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr, li { break-inside: avoid; } }
";

pub fn write(out: &mut dyn Write, report: &ThemesReport) -> io::Result<()> {
    let title = format!("Themes across departments, {}", report.year);
    let mut page = String::new();
    // Writing to a String cannot fail.
    let _ = write_page(&mut page, report, &title);
    out.write_all(page.as_bytes())
}

fn write_page(page: &mut String, report: &ThemesReport, title: &str) -> std::fmt::Result {
    writeln!(page, "<!DOCTYPE html>")?;
    writeln!(page, "<html lang=\"en\">")?;
    writeln!(page, "<head>")?;
    writeln!(page, "<meta charset=\"utf-8\">")?;
    writeln!(
        page,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(page, "<title>{}</title>", escape(title))?;
    writeln!(page, "<style>{STYLE}</style>")?;
    writeln!(page, "</head>")?;
    writeln!(page, "<body>")?;
    writeln!(page, "<main>")?;
    writeln!(page, "<h1>{}</h1>", escape(title))?;
    writeln!(page, "<p>{}</p>", escape(&summary(report)))?;
    matrix(page, report)?;
    shared_work(page, report)?;
    themes(page, report)?;
    suggestions(page, report)?;
    emerging(page, report)?;
    by_faculty(page, report)?;
    writeln!(page, "</main>")?;
    writeln!(page, "</body>")?;
    writeln!(page, "</html>")
}

fn matrix(page: &mut String, report: &ThemesReport) -> std::fmt::Result {
    writeln!(page, "<table class=\"matrix\">")?;
    writeln!(
        page,
        "<caption>Theme by department, {}: how many of the department's issues and actions carry each theme</caption>",
        report.year
    )?;
    write!(
        page,
        "<thead><tr><th scope=\"col\">Department</th><th scope=\"col\">Faculty</th>"
    )?;
    for theme in &report.themes {
        write!(
            page,
            "<th scope=\"col\" class=\"theme\">{}</th>",
            escape(&theme.title)
        )?;
    }
    writeln!(page, "</tr></thead>")?;
    writeln!(page, "<tbody>")?;
    for id in &report.planned {
        let faculty = report.department(id).and_then(|d| d.faculty.as_deref());
        write!(
            page,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            escape(report.department_name(id)),
            escape(faculty_label(faculty))
        )?;
        for theme in &report.themes {
            let (issues, actions) = theme.count_in(id);
            match issues + actions {
                0 => write!(page, "<td class=\"n\"></td>")?,
                n => write!(page, "<td class=\"n n{}\">{n}</td>", n.min(4))?,
            }
        }
        writeln!(page, "</tr>")?;
    }
    writeln!(page, "</tbody>")?;
    write!(
        page,
        "<tfoot><tr><th scope=\"row\">Departments with the theme</th><td></td>"
    )?;
    for theme in &report.themes {
        write!(page, "<td class=\"n\">{}</td>", theme.departments.len())?;
    }
    writeln!(page, "</tr></tfoot>")?;
    writeln!(page, "</table>")
}

fn shared_work(page: &mut String, report: &ThemesReport) -> std::fmt::Result {
    writeln!(page, "<h2>Where to work together</h2>")?;
    writeln!(
        page,
        "<p>Common themes that no shared initiative covers: each group could share one piece of work.</p>"
    )?;
    let groups: Vec<&ThemeSummary> = report.shared_work().collect();
    if groups.is_empty() {
        return writeln!(
            page,
            "<p>None: every common theme has a shared initiative.</p>"
        );
    }
    writeln!(page, "<ul>")?;
    for theme in groups {
        writeln!(
            page,
            "<li><strong>{}</strong> (<code>{}</code>), {}: {}. Liaison librarians: {}.</li>",
            escape(&theme.title),
            escape(&theme.id),
            count(theme.departments.len(), "department"),
            departments(report, &theme.departments),
            people(report, &theme.librarians),
        )?;
    }
    writeln!(page, "</ul>")
}

fn themes(page: &mut String, report: &ThemesReport) -> std::fmt::Result {
    writeln!(page, "<h2>Themes</h2>")?;
    for theme in &report.themes {
        writeln!(page, "<section>")?;
        writeln!(
            page,
            "<h3>{} (<code>{}</code>)</h3>",
            escape(&theme.title),
            escape(&theme.id)
        )?;
        writeln!(page, "<ul>")?;
        let common = if theme.common { "common" } else { "not common" };
        let listed = match theme.departments.len() {
            0 => String::new(),
            _ => format!(": {}", departments(report, &theme.departments)),
        };
        writeln!(
            page,
            "<li>{}, {common}{listed}</li>",
            count(theme.departments.len(), "department")
        )?;
        if !theme.librarians.is_empty() {
            writeln!(
                page,
                "<li>Liaison librarians: {}</li>",
                people(report, &theme.librarians)
            )?;
        }
        if !theme.initiatives.is_empty() {
            let initiatives: Vec<String> = theme
                .initiatives
                .iter()
                .map(|i| {
                    format!(
                        "{} (<code>{}</code>)",
                        escape(report.initiative_title(i)),
                        escape(i)
                    )
                })
                .collect();
            writeln!(
                page,
                "<li>Shared initiatives: {}</li>",
                initiatives.join(", ")
            )?;
        }
        let since = change(report, theme, |id| escape(report.department_name(id)));
        writeln!(
            page,
            "<li>{}{}</li>",
            since[..1].to_uppercase(),
            &since[1..]
        )?;
        if !theme.items.is_empty() {
            writeln!(page, "<li>Items:<ul>")?;
            for item in &theme.items {
                writeln!(
                    page,
                    "<li><code>{}</code> ({}): {}</li>",
                    escape(&item.reference),
                    item.kind.as_str(),
                    escape(&item.title)
                )?;
            }
            writeln!(page, "</ul></li>")?;
        }
        writeln!(page, "</ul>")?;
        writeln!(page, "</section>")?;
    }
    Ok(())
}

fn suggestions(page: &mut String, report: &ThemesReport) -> std::fmt::Result {
    writeln!(
        page,
        "<h2>Suggested themes for untagged issues and actions</h2>"
    )?;
    if report.suggestions.is_empty() {
        return writeln!(page, "<p>None.</p>");
    }
    writeln!(page, "<ul>")?;
    for s in &report.suggestions {
        writeln!(
            page,
            "<li><code>{}</code> looks like <code>{}</code> (matched “{}”)</li>",
            escape(&s.reference),
            escape(&s.theme),
            escape(&s.matched)
        )?;
    }
    writeln!(page, "</ul>")
}

fn emerging(page: &mut String, report: &ThemesReport) -> std::fmt::Result {
    writeln!(page, "<h2>Emerging themes</h2>")?;
    writeln!(
        page,
        "<p>Phrases in the issues and actions of {} or more departments that no theme’s keywords cover: candidates for a new theme.</p>",
        report.min_departments.max(1)
    )?;
    if report.emerging.is_empty() {
        return writeln!(page, "<p>None.</p>");
    }
    writeln!(page, "<ul>")?;
    for e in &report.emerging {
        writeln!(
            page,
            "<li>“{}”: {}</li>",
            escape(&e.phrase),
            departments(report, &e.departments)
        )?;
    }
    writeln!(page, "</ul>")
}

fn by_faculty(page: &mut String, report: &ThemesReport) -> std::fmt::Result {
    writeln!(page, "<h2>Themes by faculty</h2>")?;
    let faculties = report.faculties();
    writeln!(page, "<table>")?;
    writeln!(
        page,
        "<caption>Departments carrying each theme, by faculty, {}</caption>",
        report.year
    )?;
    write!(page, "<thead><tr><th scope=\"col\">Theme</th>")?;
    for faculty in &faculties {
        write!(
            page,
            "<th scope=\"col\">{}</th>",
            escape(faculty_label(*faculty))
        )?;
    }
    writeln!(page, "<th scope=\"col\">All</th></tr></thead>")?;
    writeln!(page, "<tbody>")?;
    for theme in &report.themes {
        write!(page, "<tr><th scope=\"row\">{}</th>", escape(&theme.title))?;
        for faculty in &faculties {
            write!(
                page,
                "<td class=\"n\">{}</td>",
                report.faculty_count(theme, *faculty)
            )?;
        }
        writeln!(
            page,
            "<td class=\"n\">{}</td></tr>",
            theme.departments.len()
        )?;
    }
    writeln!(page, "</tbody>")?;
    writeln!(page, "</table>")
}

fn departments(report: &ThemesReport, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| escape(report.department_name(id)))
        .collect();
    names.join(", ")
}

fn people(report: &ThemesReport, ids: &[String]) -> String {
    let names: Vec<String> = ids.iter().map(|id| escape(report.staff_name(id))).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
