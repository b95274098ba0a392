//! The table's rows as entries of each department's plan: departments matched by id or by
//! name, numbers read as spreadsheets write them, and every row that cannot be used
//! reported with its row and column.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::columns::{Columns, DEPARTMENT, GROUP, Kind};
use super::table::{Cell, Table};
use crate::model::Config;
use crate::suggest::nearest;

/// A value of an entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
}

/// One entry of a plan's context array, from one row of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The row of the file it came from.
    pub row: usize,
    /// The fields given, in the order of [`Kind::fields`].
    pub values: Vec<(&'static str, Value)>,
}

impl Entry {
    pub fn number(&self, field: &str) -> Option<f64> {
        self.values.iter().find_map(|(name, value)| match value {
            Value::Number(n) if *name == field => Some(*n),
            _ => None,
        })
    }

    pub fn text(&self, field: &str) -> Option<&str> {
        self.values.iter().find_map(|(name, value)| match value {
            Value::Text(t) if *name == field => Some(t.as_str()),
            _ => None,
        })
    }
}

/// Every department's entries, by department id, each in the order of the file's rows.
pub type Entries = BTreeMap<String, Vec<Entry>>;

/// A row that cannot be imported, or a problem with the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: Option<usize>,
    /// The column as the file names it: `C (amount)`.
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn general(message: String) -> Problem {
        Problem {
            row: None,
            column: None,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(row), Some(column)) => write!(f, "row {row}, column {column}: ")?,
            (Some(row), None) => write!(f, "row {row}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

/// Who a row is for: a department, or a LibQual+ discipline group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Target {
    Department(String),
    Group(String),
}

/// Reads every row of `table` into entries for the departments of `config`.
pub fn entries(
    kind: Kind,
    table: &Table,
    columns: &Columns,
    config: &Config,
) -> Result<Entries, Vec<Problem>> {
    let departments = Departments::new(config);
    let mut problems = Vec::new();
    let mut read: Vec<(Target, Entry)> = Vec::new();
    for row in &table.rows {
        let at = |field: &str| {
            columns.find(field).map(|i| {
                let cell = row.cells.get(i).cloned().unwrap_or(Cell::Empty);
                (i, cell)
            })
        };
        let column = |i: usize| format!("{} ({})", table.columns[i], table.headers[i].trim());
        let mut problem = |i: Option<usize>, message: String| {
            problems.push(Problem {
                row: Some(row.number),
                column: i.map(column),
                message,
            });
        };
        let (department, group) = (at(DEPARTMENT), at(GROUP));
        // A row names its department, or, in a LibQual+ file, the discipline group.
        let by_department = match (&department, &group) {
            (Some((_, cell)), Some(_)) => !cell.is_empty(),
            (Some(_), None) => true,
            (None, _) => false,
        };
        let target = match (department, group) {
            (Some((i, cell)), _) if by_department => {
                let written = cell_text(&cell);
                match departments.find(&written) {
                    _ if cell.is_empty() => {
                        problem(Some(i), "no department is named".to_owned());
                        None
                    }
                    Some(id) => Some(Target::Department(id.to_owned())),
                    None => {
                        problem(Some(i), departments.unknown(&written));
                        None
                    }
                }
            }
            (_, Some((i, cell))) => {
                let group = cell_text(&cell);
                if cell.is_empty() {
                    problem(
                        Some(i),
                        "neither a department nor a group is named".to_owned(),
                    );
                    None
                } else if departments.in_group(&group).is_empty() {
                    problem(Some(i), departments.unknown_group(&group));
                    None
                } else {
                    Some(Target::Group(fold_name(&group)))
                }
            }
            _ => unreachable!("the columns have a department or a group"),
        };
        let mut values = Vec::new();
        for field in kind.fields() {
            let Some((i, cell)) = at(field.name) else {
                continue;
            };
            if cell.is_empty() {
                if field.required {
                    problem(Some(i), format!("the {} is missing", field.name));
                }
                continue;
            }
            if !field.number {
                values.push((field.name, Value::Text(cell_text(&cell).trim().to_owned())));
                continue;
            }
            match number(&cell) {
                Some(n) if kind == Kind::Libqual && !(1.0..=9.0).contains(&n) => problem(
                    Some(i),
                    format!("{n} is not a LibQual+ score, which runs from 1 to 9"),
                ),
                Some(n) => values.push((field.name, Value::Number(n))),
                None => problem(
                    Some(i),
                    format!(
                        "`{}` is not a number; the {} column holds figures such as 45000 or 1,250.50",
                        cell_text(&cell).trim(),
                        field.name
                    ),
                ),
            }
        }
        if let Some(target) = target {
            read.push((
                target,
                Entry {
                    row: row.number,
                    values,
                },
            ));
        }
    }
    duplicates(kind, &read, &departments, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(spread(kind, read, &departments))
}

/// Reports each row that gives an entry another row already gave.
fn duplicates(
    kind: Kind,
    read: &[(Target, Entry)],
    departments: &Departments<'_>,
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashMap<(&Target, String), usize> = HashMap::new();
    for (target, entry) in read {
        let Some(identity) = entry.text(kind.identity()) else {
            continue;
        };
        let key = (target, identity.to_lowercase());
        if let Some(first) = seen.get(&key) {
            let who = match target {
                Target::Department(id) => departments.name(id),
                Target::Group(group) => format!("the group {group}"),
            };
            problems.push(Problem {
                row: Some(entry.row),
                column: None,
                message: format!(
                    "row {first} already gives {who}'s {} `{identity}`; keep one of the two rows",
                    kind.identity()
                ),
            });
        } else {
            seen.insert(key, entry.row);
        }
    }
}

/// Every department's entries: its own rows, and its group's for what its own rows do
/// not give.
fn spread(kind: Kind, read: Vec<(Target, Entry)>, departments: &Departments<'_>) -> Entries {
    let mut entries: Entries = BTreeMap::new();
    let mut by_group: Vec<(String, Entry)> = Vec::new();
    for (target, entry) in read {
        match target {
            Target::Department(id) => entries.entry(id).or_default().push(entry),
            Target::Group(group) => by_group.push((group, entry)),
        }
    }
    for (group, entry) in by_group {
        for id in departments.in_group(&group) {
            let own = entries.entry(id.to_owned()).or_default();
            let identity = entry.text(kind.identity()).map(str::to_lowercase);
            let given = own
                .iter()
                .any(|e| e.text(kind.identity()).map(str::to_lowercase) == identity);
            if !given {
                own.push(entry.clone());
            }
        }
    }
    for list in entries.values_mut() {
        list.sort_by_key(|e| e.row);
    }
    entries
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) | Cell::Other(text) => text.clone(),
        Cell::Number(n) => n.to_string(),
    }
}

/// A cell's number: a number cell, or text such as `45,000`, `£1,250.50` or `12 500`.
fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => n.is_finite().then_some(*n),
        Cell::Text(text) => parse_number(text),
        Cell::Empty | Cell::Other(_) => None,
    }
}

fn parse_number(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let (sign, rest) = match trimmed.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", trimmed),
    };
    let rest = rest.trim_start_matches(['£', '$', '€']);
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let plain = !digits.is_empty()
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !plain {
        return None;
    }
    format!("{sign}{digits}")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// A department's name or id as it is compared: lower case, `&` read as `and`, a leading
/// "Department of" or "the" left out, punctuation as spaces.
pub fn fold_name(name: &str) -> String {
    let lower = name.to_lowercase().replace('&', " and ");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut rest = &words[..];
    if rest.first() == Some(&"the") {
        rest = &rest[1..];
    }
    if rest.len() > 2 && rest[0] == "department" && rest[1] == "of" {
        rest = &rest[2..];
    }
    rest.join(" ")
}

/// The departments of aplan.toml, found by id or by name.
struct Departments<'c> {
    config: &'c Config,
    by_name: HashMap<String, &'c str>,
}

impl<'c> Departments<'c> {
    fn new(config: &'c Config) -> Departments<'c> {
        let mut by_name = HashMap::new();
        for department in &config.departments {
            let id = department.id.get_ref().as_str();
            by_name.insert(fold_name(&department.name), id);
        }
        // An id wins over another department's name that folds to the same words.
        for department in &config.departments {
            let id = department.id.get_ref().as_str();
            by_name.insert(fold_name(id), id);
        }
        Departments { config, by_name }
    }

    fn find(&self, written: &str) -> Option<&'c str> {
        self.by_name.get(&fold_name(written)).copied()
    }

    fn name(&self, id: &str) -> String {
        self.config
            .department(id)
            .map_or_else(|| id.to_owned(), |d| d.name.clone())
    }

    /// The ids of the departments whose `libqual_group` is `group`, in id order.
    fn in_group(&self, group: &str) -> Vec<&'c str> {
        let wanted = fold_name(group);
        let mut ids: Vec<&str> = self
            .config
            .departments
            .iter()
            .filter(|d| d.libqual_group.as_deref().map(fold_name) == Some(wanted.clone()))
            .map(|d| d.id.get_ref().as_str())
            .collect();
        ids.sort_unstable();
        ids
    }

    fn unknown(&self, written: &str) -> String {
        let mut names: Vec<&str> = self
            .config
            .departments
            .iter()
            .flat_map(|d| [d.id.get_ref().as_str(), d.name.as_str()])
            .collect();
        names.sort_unstable();
        let near = nearest(written.trim(), names.iter().copied(), 3);
        let near = match near.is_empty() {
            true => String::new(),
            false => format!("; the nearest are: {}", near.join(", ")),
        };
        format!(
            "`{}` is not a department in aplan.toml, by id or by name{near}",
            written.trim()
        )
    }

    fn unknown_group(&self, written: &str) -> String {
        let mut groups: Vec<&str> = self
            .config
            .departments
            .iter()
            .filter_map(|d| d.libqual_group.as_deref())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        if groups.is_empty() {
            return format!(
                "no department in aplan.toml has `libqual_group = \"{}\"`; add it to each department the group's scores are for",
                written.trim()
            );
        }
        format!(
            "no department in aplan.toml has `libqual_group = \"{}\"`; the groups are: {}",
            written.trim(),
            groups.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_as_people_write_them() {
        assert_eq!(fold_name("Department of History"), "history");
        assert_eq!(fold_name("history"), "history");
        assert_eq!(
            fold_name("Archaeology & Heritage"),
            fold_name("archaeology and heritage")
        );
        assert_eq!(fold_name("computer-science"), fold_name("Computer Science"));
        assert_eq!(fold_name("The Department of Music"), "music");
        // A department called "Department of" something else keeps its words.
        assert_eq!(fold_name("Department of"), "department of");
    }

    #[test]
    fn numbers_are_read_as_spreadsheets_write_them() {
        assert_eq!(parse_number("45000"), Some(45000.0));
        assert_eq!(parse_number(" 1,250.50 "), Some(1250.5));
        assert_eq!(parse_number("£12 500"), Some(12500.0));
        assert_eq!(parse_number("-£3"), Some(-3.0));
        assert_eq!(parse_number("6.9"), Some(6.9));
        assert_eq!(parse_number("n/a"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("12 books"), None);
    }
}
