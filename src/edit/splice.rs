//! An edit of a file's text made with toml_edit and kept to one insertion into the original
//! bytes: comments, order, spacing, line endings and a byte-order mark stay as they were.
//!
//! toml_edit makes the edit; its output is then checked to be the old text with one
//! insertion, and that insertion is spliced into the original bytes in the file's own
//! line endings. So a layout toml_edit would reformat is refused instead of rewritten.

use chrono::{Datelike, NaiveDate};
use toml_edit::{DocumentMut, Value};

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

/// `text` with the insertion `edit` makes in its document. `unkept` says why a file whose
/// layout toml_edit would not give back byte for byte is refused, `elsewhere` why an edit
/// that changes more than one place is.
pub fn splice(
    text: &str,
    edit: impl FnOnce(&mut DocumentMut) -> Result<(), EditError>,
    unkept: &str,
    elsewhere: &str,
) -> Result<String, EditError> {
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
        return Err(EditError::Layout(unkept.to_owned()));
    }
    edit(&mut document)?;
    let edited = document.to_string();
    let (at, inserted) =
        insertion(&normalised, &edited).ok_or_else(|| EditError::Layout(elsewhere.to_owned()))?;
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

/// A TOML local date.
pub fn date(date: NaiveDate) -> Value {
    let date = toml_edit::Date {
        year: u16::try_from(date.year()).unwrap_or_default(),
        month: u8::try_from(date.month()).unwrap_or_default(),
        day: u8::try_from(date.day()).unwrap_or_default(),
    };
    Value::from(toml_edit::Datetime::from(date))
}

/// A string written on one line, its line breaks and other control characters escaped.
/// toml_edit would write a note with line breaks as a multi-line string, whose breaks then
/// take the file's line endings: in a Windows file the note would gain `\r` characters.
pub fn one_line(text: &str) -> Value {
    let mut value: Value = quoted(text)
        .parse()
        .expect("an escaped string is a TOML value");
    value.decor_mut().clear();
    value
}

/// The text of [`one_line`]'s string, for an edit that writes TOML text itself rather than
/// through toml_edit.
pub fn quoted(text: &str) -> String {
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
    quoted
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

    #[test]
    fn a_quoted_string_is_what_toml_edit_writes_and_reads_back() {
        for text in [
            "Reading room visits",
            "Films \"new\" and C:\\scans",
            "two\nlines\r\nand\ta tab",
            "bell \u{7} and escape \u{1b}[31m",
            "Łukasz’s café",
            "",
        ] {
            let written = quoted(text);
            assert_eq!(written, one_line(text).to_string());
            let read: toml::Table = toml::from_str(&format!("v = {written}")).unwrap();
            assert_eq!(read["v"].as_str(), Some(text));
        }
    }

    #[test]
    fn offsets_map_back_through_crlf() {
        assert_eq!(original_offset("a\r\nb", 2), 3);
        assert_eq!(original_offset("a\r\nb", 3), 4);
        assert_eq!(original_offset("é\nb", 3), 3);
    }
}
