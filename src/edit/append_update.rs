//! Appends an `[[actions.updates]]` entry to one action of a plan's text, keeping every
//! other byte as it was: comments, order, spacing, line endings and a byte-order mark.
//!
//! toml_edit makes the edit and [`splice`] keeps it to one insertion into the original
//! bytes, so a layout toml_edit would reformat is refused instead of rewritten.

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::splice::{date, one_line, splice};
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

pub use super::splice::EditError;

/// The plan text with `update` appended to the updates of the action with id `action`.
pub fn append_update(text: &str, action: &str, update: &NewUpdate) -> Result<String, EditError> {
    splice(
        text,
        |document| push_update(document, action, update),
        "the file's layout cannot be kept exactly by an automatic edit; add the update by hand",
        "adding the update would change other lines of the file; add it by hand",
    )
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
    let mut fields = vec![("date", date(update.date)), ("by", one_line(&update.by))];
    if let Some(status) = update.status {
        fields.push(("status", Value::from(status.as_str())));
    }
    fields.push(("note", one_line(&update.note)));
    fields
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
}
