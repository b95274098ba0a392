//! What each kind of import reads: the fields of the plan's context array, and which of
//! the file's columns holds each, by header name (any order, any case) or by `--map`.

use super::rows::Problem;
use super::table::Table;
use crate::suggest::did_you_mean;

/// What a file holds, and so which array of the plan's `[context]` it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Spend on the department: department, item, amount
    Investment,
    /// Usage figures: department, measure, value, and optionally previous and source
    Usage,
    /// LibQual+ scores: department (or group), dimension, minimum, desired, perceived, survey
    Libqual,
}

/// A field of an entry, and the column that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub required: bool,
    pub number: bool,
}

const fn text(name: &'static str, required: bool) -> Field {
    Field {
        name,
        required,
        number: false,
    }
}

const fn number(name: &'static str, required: bool) -> Field {
    Field {
        name,
        required,
        number: true,
    }
}

/// The column naming the department a row is for.
pub const DEPARTMENT: &str = "department";
/// The column naming a LibQual+ discipline group, for rows that give a group's scores.
pub const GROUP: &str = "group";

impl Kind {
    /// The key of the array in `[context]`, as in `usage = [ … ]`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Investment => "investment",
            Kind::Usage => "usage",
            Kind::Libqual => "libqual",
        }
    }

    /// The fields of an entry, in the order they are written.
    pub fn fields(self) -> &'static [Field] {
        const INVESTMENT: &[Field] = &[text("item", true), number("amount", true)];
        const USAGE: &[Field] = &[
            text("measure", true),
            number("value", true),
            number("previous", false),
            text("source", false),
        ];
        const LIBQUAL: &[Field] = &[
            text("dimension", true),
            number("minimum", true),
            number("desired", true),
            number("perceived", true),
            text("survey", true),
        ];
        match self {
            Kind::Investment => INVESTMENT,
            Kind::Usage => USAGE,
            Kind::Libqual => LIBQUAL,
        }
    }

    /// The field that tells one entry of a plan from another: two rows for one department
    /// with the same one are the same entry given twice.
    pub fn identity(self) -> &'static str {
        self.fields()[0].name
    }

    /// The figure that is added up for the summary, if the entries have one.
    pub fn total(self) -> Option<&'static str> {
        match self {
            Kind::Investment => Some("amount"),
            Kind::Usage => Some("value"),
            Kind::Libqual => None,
        }
    }

    /// Every column name the kind reads, the department's first.
    fn names(self) -> Vec<&'static str> {
        let mut names = vec![DEPARTMENT];
        if self == Kind::Libqual {
            names.push(GROUP);
        }
        names.extend(self.fields().iter().map(|f| f.name));
        names
    }
}

/// Which column of the table holds each field: `columns[i]` is the field of column `i`.
#[derive(Debug, Clone)]
pub struct Columns {
    pub of: Vec<Option<&'static str>>,
}

impl Columns {
    /// The column holding `field`, if any.
    pub fn find(&self, field: &str) -> Option<usize> {
        self.of.iter().position(|f| *f == Some(field))
    }
}

/// A header as it is compared: lower case, spaces, `-` and `_` alike, trimmed.
pub fn fold_header(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Maps the table's headers onto `kind`'s fields. `map` holds `COLUMN=FIELD` pairs for
/// headers with other names. Every problem is returned, not only the first.
pub fn map_columns(kind: Kind, table: &Table, map: &[String]) -> Result<Columns, Vec<Problem>> {
    let names = kind.names();
    let mut problems = Vec::new();
    let mut renamed: Vec<(String, &'static str)> = Vec::new();
    for pair in map {
        let Some((column, field)) = pair.split_once('=') else {
            problems.push(Problem::general(format!(
                "--map {pair} is not COLUMN=FIELD; write it as --map \"Cost centre=department\""
            )));
            continue;
        };
        match names.iter().find(|n| **n == fold_header(field)) {
            Some(name) => renamed.push((fold_header(column), name)),
            None => problems.push(Problem::general(format!(
                "--map {pair}: `{}` is not a field of the {} import; its fields are {}",
                field.trim(),
                kind.key(),
                names.join(", ")
            ))),
        }
    }
    for (column, _) in &renamed {
        if !table.headers.iter().any(|h| fold_header(h) == *column) {
            problems.push(Problem::general(format!(
                "--map names a column `{column}` that the file does not have; its columns are {}",
                quoted(&table.headers)
            )));
        }
    }
    let mut of = Vec::with_capacity(table.headers.len());
    for (i, header) in table.headers.iter().enumerate() {
        let folded = fold_header(header);
        let field = renamed
            .iter()
            .find(|(column, _)| *column == folded)
            .map(|(_, field)| *field)
            .or_else(|| names.iter().copied().find(|n| *n == folded));
        if let Some(field) = field
            && let Some(first) = of.iter().position(|f| *f == Some(field))
        {
            problems.push(Problem::general(format!(
                "columns {} and {} are both `{field}`; remove one, or give one another name with --map",
                table.columns[first], table.columns[i]
            )));
        }
        of.push(field);
    }
    let columns = Columns { of };
    let mut required: Vec<&str> = kind
        .fields()
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let has_department = columns.find(DEPARTMENT).is_some() || columns.find(GROUP).is_some();
    if !has_department {
        required.insert(0, DEPARTMENT);
    }
    for field in required {
        if columns.find(field).is_some() || (field == DEPARTMENT && has_department) {
            continue;
        }
        let unused = table
            .headers
            .iter()
            .zip(&columns.of)
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| h.as_str());
        let hint = match did_you_mean(field, unused.clone().map(|h| h.trim())) {
            Some(near) => format!(" (is it `{near}`? then add --map \"{near}={field}\")"),
            None => format!("; name the column that holds it with --map \"COLUMN={field}\""),
        };
        problems.push(Problem::general(format!(
            "the file has no `{field}` column{hint}; its columns are {}",
            quoted(&table.headers)
        )));
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

fn quoted(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| format!("`{}`", h.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::read;

    fn table(csv: &str) -> Table {
        read("t.csv", csv.as_bytes(), None, "").unwrap()
    }

    #[test]
    fn headers_match_in_any_order_and_case() {
        let t = table("Amount, ITEM ,Department,Fund code\nhistory,Books,1\n");
        let columns = map_columns(Kind::Investment, &t, &[]).unwrap();
        assert_eq!(
            columns.of,
            [Some("amount"), Some("item"), Some("department"), None]
        );
    }

    #[test]
    fn other_names_are_mapped_and_missing_columns_named() {
        let t = table("Cost centre,Item,Spend\nhistory,Books,1\n");
        let problems = map_columns(Kind::Investment, &t, &[]).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(text[0].contains("no `department` column"), "{text:?}");
        let map = [
            "cost centre=department".to_owned(),
            "Spend=amount".to_owned(),
        ];
        let columns = map_columns(Kind::Investment, &t, &map).unwrap();
        assert_eq!(columns.find("department"), Some(0));
        assert_eq!(columns.find("amount"), Some(2));
    }
}
