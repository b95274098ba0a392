//! Appends an `[[actions.updates]]` entry to one action of a plan's text, keeping every
//! other byte as it was: comments, order, spacing, line endings and a byte-order mark.
//!
//! toml_edit makes the edit; its output is then checked to be the old text with one
//! insertion, and that insertion is spliced into the original bytes in the file's own
//! line endings. So a layout toml_edit would reformat is refused instead of rewritten.

use chrono::{Datelike, NaiveDate};
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::model::ActionStatus;
use crate::model::decode::Keyword;

/// The entry to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUpdate {
    pub date: NaiveDate,
    pub by: String,
    pub status: Option<ActionStatus>,
    pub note: String,
}

/// Why the text could not be edited.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the file is not valid TOML: {0}")]
    Syntax(String),
    #[error("the plan has no action `{0}`")]
    NoAction(String),
    #[error("the plan has more than one action `{0}`; give each its own id first")]
    DuplicateAction(String),
    #[error("{0}")]
    Layout(String),
}

const BOM: &str = "\u{feff}";

/// The plan text with `update` appended to the updates of the action with id `action`.
pub fn append_update(text: &str, action: &str, update: &NewUpdate) -> Result<String, EditError> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(body) => (BOM, body),
        None => ("", text),
    };
    // toml_edit writes `\n` after every line it formats, so it edits the text with `\n`
    // endings and a final newline, and the insertion is put back into the original.
    let mut normalised = body.replace("\r\n", "\n");
    let unterminated = !normalised.is_empty() && !normalised.ends_with('\n');
    if unterminated {
        normalised.push('\n');
    }
    let mut document: DocumentMut = normalised
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Syntax(e.message().to_owned()))?;
    if document.to_string() != normalised {
        return Err(EditError::Layout(
            "the file's layout cannot be kept exactly by an automatic edit; add the update by hand"
                .to_owned(),
        ));
    }
    push_update(&mut document, action, update)?;
    let edited = document.to_string();
    let (at, inserted) = insertion(&normalised, &edited).ok_or_else(|| {
        EditError::Layout(
            "adding the update would change other lines of the file; add it by hand".to_owned(),
        )
    })?;
    let file_ending = if body.contains("\r\n") { "\r\n" } else { "\n" };
    if unterminated && at == normalised.len() {
        // After the newline the last line lacked: the file gets it, then the entry.
        let inserted = inserted.replace('\n', file_ending);
        return Ok(format!("{bom}{body}{file_ending}{inserted}"));
    }
    let position = original_offset(body, at);
    let before = &body[..position];
    // The ending of the line the entry follows, or the file's when it follows none.
    let line_ending = match before.ends_with('\n') {
        true if before.ends_with("\r\n") => "\r\n",
        true => "\n",
        false => file_ending,
    };
    let inserted = inserted.replace('\n', line_ending);
    Ok(format!("{bom}{before}{inserted}{}", &body[position..]))
}

/// Adds the entry to the action's `updates`, written as `[[actions.updates]]` or, when the
/// action already keeps them in an inline list, as one more item of that list.
fn push_update(
    document: &mut DocumentMut,
    action: &str,
    update: &NewUpdate,
) -> Result<(), EditError> {
    let actions = document
        .get_mut("actions")
        .ok_or_else(|| EditError::NoAction(action.to_owned()))?;
    let Some(actions) = actions.as_array_of_tables_mut() else {
        return Err(EditError::Layout(
            "the plan's actions are written as an inline list; `aplan update` needs them as [[actions]] tables"
                .to_owned(),
        ));
    };
    let has_id = |t: &Table| t.get("id").and_then(Item::as_str) == Some(action);
    if actions.iter().filter(|t| has_id(t)).count() > 1 {
        return Err(EditError::DuplicateAction(action.to_owned()));
    }
    let table = actions
        .iter_mut()
        .find(|t| has_id(t))
        .ok_or_else(|| EditError::NoAction(action.to_owned()))?;
    match table.get_mut("updates") {
        None => {
            let mut updates = ArrayOfTables::new();
            updates.push(entry_table(update));
            table.insert("updates", Item::ArrayOfTables(updates));
        }
        Some(Item::ArrayOfTables(updates)) => updates.push(entry_table(update)),
        Some(Item::Value(Value::Array(updates))) => {
            let prefix = updates
                .iter()
                .last()
                .and_then(|v| v.decor().prefix())
                .and_then(|p| p.as_str())
                .map(str::to_owned);
            updates.push(Value::InlineTable(entry_inline(update)));
            if let (Some(prefix), Some(last)) = (prefix, updates.iter_mut().last()) {
                last.decor_mut().set_prefix(prefix);
            }
        }
        Some(_) => {
            return Err(EditError::Layout(format!(
                "`updates` of action `{action}` is not a list of updates"
            )));
        }
    }
    Ok(())
}

/// The entry's keys in the order the file format documents them.
fn fields(update: &NewUpdate) -> Vec<(&'static str, Value)> {
    let date = toml_edit::Date {
        year: u16::try_from(update.date.year()).unwrap_or_default(),
        month: u8::try_from(update.date.month()).unwrap_or_default(),
        day: u8::try_from(update.date.day()).unwrap_or_default(),
    };
    let mut fields = vec![
        ("date", Value::from(toml_edit::Datetime::from(date))),
        ("by", one_line(&update.by)),
    ];
    if let Some(status) = update.status {
        fields.push(("status", Value::from(status.as_str())));
    }
    fields.push(("note", one_line(&update.note)));
    fields
}

/// A string written on one line, its line breaks and other control characters escaped.
/// toml_edit would write a note with line breaks as a multi-line string, whose breaks then
/// take the file's line endings: in a Windows file the note would gain `\r` characters.
fn one_line(text: &str) -> Value {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    let mut value: Value = quoted.parse().expect("an escaped string is a TOML value");
    value.decor_mut().clear();
    value
}

fn entry_table(update: &NewUpdate) -> Table {
    let mut table = Table::new();
    for (key, value) in fields(update) {
        table.insert(key, Item::Value(value));
    }
    table
}

fn entry_inline(update: &NewUpdate) -> InlineTable {
    let mut table = InlineTable::new();
    for (key, value) in fields(update) {
        table.insert(key, value);
    }
    table.fmt();
    table
}

/// Where `edited` is `old` with one piece of text inserted: the offset in `old` and the
/// piece. `None` when anything else changed.
fn insertion<'e>(old: &str, edited: &'e str) -> Option<(usize, &'e str)> {
    let extra = edited.len().checked_sub(old.len())?;
    let mut at = old
        .bytes()
        .zip(edited.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(at) || !edited.is_char_boundary(at) {
        at -= 1;
    }
    let inserted = edited.get(at..at + extra)?;
    (edited.get(at + extra..)? == &old[at..]).then_some((at, inserted))
}

/// The offset in `original` of `offset` in its copy with `\r\n` turned into `\n`.
fn original_offset(original: &str, offset: usize) -> usize {
    let mut normalised = 0;
    let mut bytes = original.char_indices().peekable();
    while let Some((i, c)) = bytes.next() {
        if normalised == offset {
            return i;
        }
        if c == '\r' && bytes.peek().is_some_and(|(_, next)| *next == '\n') {
            continue;
        }
        normalised += c.len_utf8();
    }
    original.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(note: &str) -> NewUpdate {
        NewUpdate {
            date: NaiveDate::from_ymd_opt(2017, 4, 10).unwrap(),
            by: "hpatel".to_owned(),
            status: Some(ActionStatus::InProgress),
            note: note.to_owned(),
        }
    }

    const PLAN: &str = "department = \"history\"  # the file's stem\nyear = 2017\n\n[[actions]]\nid   =  \"a\"    # spaced\ntitle = \"A\"\n\n# what happened\n[[actions.updates]]\ndate = 2017-03-01\nby = \"hpatel\"\nnote = \"started\"\n\n# the next one\n[[actions]]\nid = \"b\"\ntitle = \"B\"\n";

    const ENTRY: &str = "\n[[actions.updates]]\ndate = 2017-04-10\nby = \"hpatel\"\nstatus = \"in-progress\"\nnote = \"more\"\n";

    #[test]
    fn appends_after_the_last_update_and_keeps_the_rest() {
        let edited = append_update(PLAN, "a", &update("more")).unwrap();
        let at = PLAN.find("\n# the next one").unwrap();
        assert_eq!(edited, format!("{}{ENTRY}{}", &PLAN[..at], &PLAN[at..]));
    }

    #[test]
    fn starts_the_log_of_an_action_without_updates() {
        let edited = append_update(PLAN, "b", &update("more")).unwrap();
        assert_eq!(edited, format!("{PLAN}{ENTRY}"));
    }

    #[test]
    fn keeps_windows_line_endings_and_a_byte_order_mark() {
        let crlf = format!("\u{feff}{}", PLAN.replace('\n', "\r\n"));
        let edited = append_update(&crlf, "a", &update("more")).unwrap();
        let at = crlf.find("\r\n# the next one").unwrap();
        let entry = ENTRY.replace('\n', "\r\n");
        assert_eq!(edited, format!("{}{entry}{}", &crlf[..at], &crlf[at..]));
    }

    #[test]
    fn a_last_line_without_a_newline_gets_one() {
        let text = PLAN.trim_end();
        let edited = append_update(text, "b", &update("more")).unwrap();
        assert!(edited.starts_with(text));
        assert!(edited.ends_with("note = \"more\"\n"), "{edited}");
    }

    #[test]
    fn notes_are_quoted_as_toml_strings() {
        let edited = append_update(PLAN, "b", &update("say \"hi\"\\ now\nand then")).unwrap();
        let parsed: toml::Table = toml::from_str(&edited).unwrap();
        let note = &parsed["actions"][1]["updates"][0]["note"];
        assert_eq!(note.as_str(), Some("say \"hi\"\\ now\nand then"));
    }

    /// Regression (found by the property tests): a note over several lines, added to a
    /// Windows file, came back with `\r` before each line break.
    #[test]
    fn a_note_over_several_lines_reads_back_the_same_in_a_windows_file() {
        let note = "two\nlines, a \"quote\", a \\ and a \u{7}";
        for text in [PLAN.to_owned(), PLAN.replace('\n', "\r\n")] {
            let edited = append_update(&text, "b", &update(note)).unwrap();
            let parsed: toml::Table = toml::from_str(&edited).unwrap();
            let written = &parsed["actions"][1]["updates"][0]["note"];
            assert_eq!(written.as_str(), Some(note));
        }
    }

    #[test]
    fn inline_update_lists_grow_in_place() {
        let text = "[[actions]]\nid = \"a\"\nupdates = [\n  { date = 2017-03-01, by = \"hpatel\", note = \"x\" },\n]\n";
        let edited = append_update(text, "a", &update("y")).unwrap();
        let parsed: toml::Table = toml::from_str(&edited).unwrap();
        assert_eq!(parsed["actions"][0]["updates"].as_array().unwrap().len(), 2);
        assert!(edited.starts_with("[[actions]]\nid = \"a\"\nupdates = [\n  { date = 2017-03-01, by = \"hpatel\", note = \"x\" },\n  {"), "{edited}");
    }

    #[test]
    fn unknown_actions_and_broken_text_are_refused() {
        assert_eq!(
            append_update(PLAN, "c", &update("x")),
            Err(EditError::NoAction("c".to_owned()))
        );
        assert!(matches!(
            append_update("a = ", "a", &update("x")),
            Err(EditError::Syntax(_))
        ));
    }

    /// Regression (found by the `update` fuzz target): with two actions of one id, the
    /// entry went to the first, whichever was meant. `aplan update` refuses such a plan
    /// anyway (`duplicate-id`), and the edit now refuses it too.
    #[test]
    fn an_id_used_by_two_actions_is_refused() {
        let text = format!("{PLAN}\n[[actions]]\nid = \"b\"\ntitle = \"B again\"\n");
        assert_eq!(
            append_update(&text, "b", &update("x")),
            Err(EditError::DuplicateAction("b".to_owned()))
        );
        assert!(append_update(&text, "a", &update("x")).is_ok());
    }

    #[test]
    fn offsets_map_back_through_crlf() {
        assert_eq!(original_offset("a\r\nb", 2), 3);
        assert_eq!(original_offset("a\r\nb", 3), 4);
        assert_eq!(original_offset("é\nb", 3), 3);
    }
}
