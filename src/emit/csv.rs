//! CSV (RFC 4180) with a header row, UTF-8, that a spreadsheet opens as it is.

use std::borrow::Cow;
use std::io::{self, Write};

/// Writes a header and rows, quoting cells only where RFC 4180 requires it. Text that a
/// spreadsheet would run as a formula is defused (see [`defuse`]), and control characters
/// are removed.
pub fn write<R, C>(out: &mut dyn Write, header: &[&str], rows: R) -> io::Result<()>
where
    R: IntoIterator<Item = Vec<C>>,
    C: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(
            row.iter()
                .map(|cell| defuse(&crate::sanitize::document(cell.as_ref())).into_owned()),
        )?;
    }
    writer.flush()
}

/// A list in one cell, its items parted by `; ` in every report's CSV: ids and names never
/// hold a `;`, and a spreadsheet's "split text to columns" takes it as it is.
pub fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<S> = items.into_iter().collect();
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join("; ")
}

/// A cell that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return) gets
/// a leading `'`, which spreadsheets show as text: a plan's title must not be able to run
/// `=HYPERLINK(…)` on a manager's machine. Numbers such as `-1630` stay numbers.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("+44 1904"), "'+44 1904");
        assert_eq!(defuse("-1630"), "-1630");
        assert_eq!(defuse("-2.5"), "-2.5");
        assert_eq!(defuse("Reading lists"), "Reading lists");
    }

    #[test]
    fn lists_are_parted_by_a_semicolon_and_a_space() {
        assert_eq!(list(["history", "physics"]), "history; physics");
        assert_eq!(list(Vec::<String>::new()), "");
    }
}
