//! `--format csv`: one row per person with their counts, limits and lists, for a
//! spreadsheet. Lists are joined with `; `, as in every report's CSV.

use std::io::{self, Write};

use crate::emit::csv;
use crate::report::workload::Workload;

const HEADER: [&str; 10] = [
    "id",
    "name",
    "role",
    "departments",
    "max_departments",
    "active_initiatives",
    "max_initiatives",
    "over",
    "department_ids",
    "initiative_keys",
];

pub fn write(out: &mut dyn Write, report: &Workload) -> io::Result<()> {
    let limits = report.limits;
    let rows = report.staff.iter().map(|s| {
        vec![
            s.id.clone(),
            s.name.clone(),
            s.role.to_owned(),
            s.departments.len().to_string(),
            limits.max_departments_per_librarian.to_string(),
            s.active_initiatives.to_string(),
            limits.max_initiatives_per_librarian.to_string(),
            csv::list(&s.over),
            csv::list(&s.departments),
            csv::list(s.initiatives.iter().map(|i| i.key.as_str())),
        ]
    });
    csv::write(out, &HEADER, rows)
}
