//! Text that reads differently from how it displays: bidirectional control characters can
//! reorder what an editor or a pull request shows, hiding what a line really says from the
//! person reviewing it ("Trojan Source").

use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

/// The characters that embed, override or isolate a run of text's direction. The marks
/// (U+200E, U+200F, U+061C) are left alone: they only nudge neighbouring punctuation.
const BIDI_CONTROLS: &[(char, &str)] = &[
    ('\u{202a}', "left-to-right embedding"),
    ('\u{202b}', "right-to-left embedding"),
    ('\u{202c}', "pop directional formatting"),
    ('\u{202d}', "left-to-right override"),
    ('\u{202e}', "right-to-left override"),
    ('\u{2066}', "left-to-right isolate"),
    ('\u{2067}', "right-to-left isolate"),
    ('\u{2068}', "first strong isolate"),
    ('\u{2069}', "pop directional isolate"),
];

/// One warning per line that holds a bidirectional control character, pointing at the
/// first one.
pub fn check_text(file: FileId, text: &str, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    // Every control above is three bytes starting with 0xE2, so one fast search for that
    // byte passes over the text, and the lines are only worked out around a control.
    let mut found = memchr::memchr_iter(0xE2, bytes).filter_map(|at| {
        let c = text.get(at..)?.chars().next()?;
        Some((at, c, bidi_name(c)?))
    });
    let mut first = found.next();
    while let Some((at, c, name)) = first {
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        let mut count = 1;
        first = None;
        for next in found.by_ref() {
            if next.0 >= line_end {
                first = Some(next);
                break;
            }
            count += 1;
        }
        let more = match count {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        out.push(
            Diagnostic::new(
                Code::BidiControl,
                file,
                Some(at..at + c.len_utf8()),
                format!(
                    "invisible {name} (U+{:04X}){more}: this line may display differently from what it says",
                    u32::from(c)
                ),
            )
            .with_hint("delete it; right-to-left names and text display correctly without it"),
        );
    }
}

fn bidi_name(c: char) -> Option<&'static str> {
    BIDI_CONTROLS
        .iter()
        .find(|(control, _)| *control == c)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    #[test]
    fn one_warning_per_line_at_its_first_control() {
        let file = Sources::default().add("plans/2017/x.toml".to_owned(), None);
        let text = "a = \"it\u{2019}s \u{202e}x\u{2066}y\u{2069}\"\nb = \"plain \u{2014} dash\"\nc = \"\u{2067}\"";
        let mut out = Vec::new();
        check_text(file, text, &mut out);
        let found: Vec<(usize, &str)> = out
            .iter()
            .map(|d| (d.span.as_ref().unwrap().start, d.message.as_str()))
            .collect();
        let second_line = text.find("c = ").unwrap() + 5;
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, text.find('\u{202e}').unwrap());
        assert!(
            found[0]
                .1
                .contains("right-to-left override (U+202E) and 2 more")
        );
        assert_eq!(found[1].0, second_line);
        assert!(
            found[1]
                .1
                .starts_with("invisible right-to-left isolate (U+2067):")
        );
    }

    #[test]
    fn typographic_punctuation_is_not_a_control() {
        let file = Sources::default().add("plans/2017/x.toml".to_owned(), None);
        let mut out = Vec::new();
        check_text(
            file,
            "a = \"\u{2018}quoted\u{2019} \u{2013} \u{2026} \u{200f}\"",
            &mut out,
        );
        assert!(out.is_empty());
    }
}
