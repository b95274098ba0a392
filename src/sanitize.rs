//! Text from plans, settings, file names and the command line made safe for where it is
//! shown. Control characters could move a terminal's cursor, retitle its window, hide what
//! came before or start a forged CI annotation on a new line, and bidirectional controls
//! reorder a line; in a document they are noise a reader cannot see. Everything from user
//! data that reaches a terminal or a CI log goes through [`terminal`], and every document
//! aplan writes (Markdown, HTML, CSV, iCalendar, drafts) through [`document`].

use std::borrow::Cow;

/// A line break in text shown on one line.
pub const LINE_BREAK: char = '↵';

/// `text` as one line for a terminal or a CI log: line breaks shown as `↵`, tabs as
/// spaces, and every other control character (C0, DEL, C1) and bidirectional control as
/// `�`, so nothing in it acts on the terminal and it cannot start a line of its own.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => cleaned.push(LINE_BREAK),
            '\t' => cleaned.push(' '),
            c if c.is_control() || is_bidi_control(c) => {
                cleaned.push(char::REPLACEMENT_CHARACTER);
            }
            c => cleaned.push(c),
        }
    }
    Cow::Owned(cleaned)
}

/// `text` for a document: control characters other than line feeds and tabs removed
/// (a carriage return too, so a line ends the one way). Bidirectional controls stay, as
/// right-to-left text may need them; `validate` reports them (`bidi-control`).
pub fn document(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_removed_from_documents) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| !is_removed_from_documents(c))
            .collect(),
    )
}

/// `text` for a one-line field of a document, such as a calendar event's title: as
/// [`document`], with line breaks and tabs made spaces.
pub fn document_line(text: &str) -> Cow<'_, str> {
    match document(text) {
        Cow::Borrowed(t) if !t.contains(['\n', '\t']) => Cow::Borrowed(t),
        cleaned => Cow::Owned(cleaned.replace(['\n', '\t'], " ")),
    }
}

fn is_removed_from_documents(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The characters that change the order in which a line is displayed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_line_holds_no_controls_and_no_line_break() {
        assert_eq!(terminal("Siân 历史 🎓"), "Siân 历史 🎓");
        assert_eq!(
            terminal("a\u{1b}]0;x\u{7}b\u{202e}c\u{9b}d\u{7f}\0"),
            "a\u{fffd}]0;x\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}\u{fffd}"
        );
        assert_eq!(
            terminal("two\r\n::error file=x::forged\tand\rthree\n"),
            "two↵::error file=x::forged and↵three↵"
        );
    }

    #[test]
    fn documents_lose_controls_but_keep_lines() {
        assert_eq!(document("Siân\n\t历史 \u{202e}"), "Siân\n\t历史 \u{202e}");
        assert_eq!(document("a\u{1b}[2J\r\nb\u{7}\0\u{7f}\u{9b}c"), "a[2J\nbc");
        assert_eq!(document_line("a\r\nb\tc\u{1b}"), "a b c");
    }
}
