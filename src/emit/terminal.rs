//! Text from plans made safe to print where a terminal or a CI log reads it: control
//! characters could move the cursor, retitle the window or hide what came before, and
//! bidirectional controls reorder a line. Line breaks and tabs become spaces, the rest a
//! visible replacement character.

use std::borrow::Cow;

/// `text` with every control character replaced.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let cleaned = text
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if needs_replacing(c) => char::REPLACEMENT_CHARACTER,
            c => c,
        })
        .collect();
    Cow::Owned(cleaned)
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_direction_controls_are_replaced() {
        assert_eq!(clean("Siân 历史 🎓"), "Siân 历史 🎓");
        assert_eq!(
            clean("a\u{1b}]0;x\u{7}b\u{202e}c\u{9b}d"),
            "a\u{fffd}]0;x\u{fffd}b\u{fffd}c\u{fffd}d"
        );
        assert_eq!(clean("two\nlines\tand\r\n"), "two lines and  ");
    }
}
