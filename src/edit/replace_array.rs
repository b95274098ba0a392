//! Replacing one array of a plan's `[context]` (`investment`, `usage`, `libqual`) with new
//! entries, every other byte of the file kept: the array's text is cut out where aplan's
//! own reader found it and the new one put in its place, in the file's own line endings. A
//! plan without the array gets it added by [`super::splice::splice`] first.

use std::ops::Range;

use toml_edit::{DocumentMut, Item, Value};

use super::splice::{EditError, quoted, splice};
use crate::import::{Entry, Value as Figure};
use crate::model::tree;

/// `text` with `[context] key` holding `entries`, one inline table per line.
pub fn replace_array(text: &str, key: &str, entries: &[Entry]) -> Result<String, EditError> {
    let document = tree::parse(text).map_err(|e| EditError::Syntax(e.message))?;
    let found = document
        .get_ref()
        .get("context")
        .and_then(|context| context.get_ref().as_table())
        .and_then(|context| context.get(key))
        .map(|item| match item.get_ref() {
            tree::Value::Array(array) if !array.of_tables() => Ok(item.span()),
            _ => Err(EditError::Layout(format!(
                "`{key}` in [context] is not written as `{key} = [ … ]`, which is the only way aplan import replaces it; write it so (or remove it) and import again"
            ))),
        })
        .transpose()?;
    let Some(span) = found else {
        // Added empty first, then filled like an array that was there.
        let added = splice(
            text,
            |document| add_empty(document, key),
            &format!(
                "the plan has no `{key}` in [context], and its layout is one aplan cannot add to without changing other lines; add `{key} = []` under [context] and import again"
            ),
            &format!(
                "adding `{key}` would change other lines of the plan; add `{key} = []` under [context] and import again"
            ),
        )?;
        if added == text {
            return Err(not_kept(key));
        }
        return replace_array(&added, key, entries);
    };
    Ok(replace_at(text, span, entries))
}

/// `text` with the array written at `span` (as a plan read from `text` records it in
/// [`crate::model::plan::Context::written`]) replaced by `entries`.
pub fn replace_at(text: &str, span: Range<usize>, entries: &[Entry]) -> String {
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    format!(
        "{}{}{}",
        &text[..span.start],
        array_text(entries, ending),
        &text[span.end..]
    )
}

fn not_kept(key: &str) -> EditError {
    EditError::Layout(format!(
        "`{key}` in [context] could not be found in the plan's text; write it as `{key} = [ … ]` under [context] and import again"
    ))
}

fn add_empty(document: &mut DocumentMut, key: &str) -> Result<(), EditError> {
    let root = document.as_table_mut();
    if !root.contains_key("context") {
        let mut table = toml_edit::Table::new();
        table.set_implicit(false);
        root.insert("context", Item::Table(table));
    }
    let context = root
        .get_mut("context")
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| {
            EditError::Layout(
                "`context` in the plan is not a table; make it `[context]`".to_owned(),
            )
        })?;
    context.insert(key, Item::Value(Value::Array(toml_edit::Array::new())));
    Ok(())
}

/// The array, one entry a line: `[` and `]` on lines of their own, or `[]` when empty.
fn array_text(entries: &[Entry], ending: &str) -> String {
    if entries.is_empty() {
        return "[]".to_owned();
    }
    let mut text = format!("[{ending}");
    for entry in entries {
        let fields: Vec<String> = entry
            .values
            .iter()
            .map(|(name, value)| format!("{name} = {}", value_text(value)))
            .collect();
        text.push_str(&format!("  {{ {} }},{ending}", fields.join(", ")));
    }
    text.push(']');
    text
}

fn value_text(value: &Figure) -> String {
    match value {
        Figure::Text(text) => quoted(text),
        Figure::Number(n) => number_text(*n),
    }
}

/// A figure as TOML: whole numbers as integers (`45000`), others as the shortest decimal
/// that reads back the same (`6.9`).
fn number_text(n: f64) -> String {
    const EXACT: f64 = 1e15;
    if n.fract() == 0.0 && n.abs() < EXACT {
        format!("{}", n as i64)
    } else if n.fract() == 0.0 {
        format!("{n:e}")
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(item: &str, amount: f64) -> Entry {
        Entry {
            row: 2,
            values: vec![
                ("item", Figure::Text(item.to_owned())),
                ("amount", Figure::Number(amount)),
            ],
        }
    }

    #[test]
    fn only_the_array_changes() {
        let text = "# top\r\n[context]\r\ninvestment = [ # old\r\n  { item = \"Old\", amount = 1 },\r\n]  # after\r\nusage = []\r\n\r\n[[issues]]\r\nid = \"a\"\r\n";
        let edited = replace_array(
            text,
            "investment",
            &[entry("Books", 45000.0), entry("Films \"new\"", 12.5)],
        )
        .unwrap();
        assert_eq!(
            edited,
            "# top\r\n[context]\r\ninvestment = [\r\n  { item = \"Books\", amount = 45000 },\r\n  { item = \"Films \\\"new\\\"\", amount = 12.5 },\r\n]  # after\r\nusage = []\r\n\r\n[[issues]]\r\nid = \"a\"\r\n"
        );
    }

    #[test]
    fn a_missing_array_or_context_is_added() {
        let text = "department = \"history\"\n\n[context]\nsummary = \"x\"\n\n# Issues\n[[issues]]\nid = \"a\"\n";
        let edited = replace_array(text, "usage", &[]).unwrap();
        assert_eq!(
            edited,
            "department = \"history\"\n\n[context]\nsummary = \"x\"\nusage = []\n\n# Issues\n[[issues]]\nid = \"a\"\n"
        );
        let text = "department = \"history\"\n";
        let edited = replace_array(text, "investment", &[entry("Books", 1.0)]).unwrap();
        assert_eq!(
            edited,
            "department = \"history\"\n\n[context]\ninvestment = [\n  { item = \"Books\", amount = 1 },\n]\n"
        );
    }

    #[test]
    fn a_byte_order_mark_and_a_dotted_key_are_kept() {
        let text = "\u{feff}context.usage = [1, [2]]   # old\n[[issues]]\nid = \"a\"\n";
        let edited = replace_array(text, "usage", &[]).unwrap();
        assert_eq!(
            edited,
            "\u{feff}context.usage = []   # old\n[[issues]]\nid = \"a\"\n"
        );
    }

    #[test]
    fn an_array_of_tables_or_a_value_that_is_no_array_is_refused() {
        for text in [
            "[[context.investment]]\nitem = \"Books\"\namount = 1\n",
            "[context]\ninvestment = \"none\"\n",
        ] {
            let refused = replace_array(text, "investment", &[entry("Books", 1.0)]).unwrap_err();
            assert!(
                matches!(&refused, EditError::Layout(m) if m.contains("`investment = [ … ]`")),
                "{text:?}: {refused:?}"
            );
        }
        let refused = replace_array("[context\n", "investment", &[]).unwrap_err();
        assert!(matches!(refused, EditError::Syntax(_)), "{refused:?}");
    }

    #[test]
    fn figures_read_back_as_written() {
        assert_eq!(number_text(45000.0), "45000");
        assert_eq!(number_text(6.9), "6.9");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(number_text(1e21), "1e21");
    }
}
