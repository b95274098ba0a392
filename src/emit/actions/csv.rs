//! `--format csv`: one row per action with every field, for a spreadsheet. Lists are
//! joined with `; `.

use std::io::{self, Write};

use super::date;
use crate::emit::csv;
use crate::model::decode::Keyword;
use crate::report::actions::ActionRow;

const HEADER: [&str; 17] = [
    "ref",
    "department",
    "year",
    "id",
    "title",
    "owner",
    "with",
    "themes",
    "priority",
    "quick_win",
    "due",
    "status",
    "initiative",
    "updates",
    "last_update_date",
    "last_update_by",
    "last_update_note",
];

pub fn write(out: &mut dyn Write, rows: &[ActionRow]) -> io::Result<()> {
    let records = rows.iter().map(|row| {
        let last = row.last_update.as_ref();
        vec![
            row.reference.clone(),
            row.department.clone(),
            row.year.to_string(),
            row.id.clone(),
            row.title.clone(),
            row.owner.clone(),
            csv::list(&row.with),
            csv::list(&row.themes),
            row.priority.unwrap_or_default().to_owned(),
            row.quick_win.to_string(),
            date(row.due),
            row.status.as_str().to_owned(),
            row.initiative.clone().unwrap_or_default(),
            row.updates.to_string(),
            date(last.and_then(|u| u.date)),
            last.map(|u| u.by.clone()).unwrap_or_default(),
            last.map(|u| u.note.clone()).unwrap_or_default(),
        ]
    });
    csv::write(out, &HEADER, records)
}
