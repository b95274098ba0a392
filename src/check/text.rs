//! Text that reads differently from how it displays: bidirectional control characters can
//! reorder what an editor or a pull request shows, hiding what a line really says from the
//! person reviewing it ("Trojan Source").

use crate::diagnostic::{Code, Diagnostic};
use crate::repo::Repository;
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

/// The check over every file whose text is still held (aplan.toml, and plans with other
/// findings); plans are also checked as they are read, by [`check_text`].
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    for (file, source) in repo.sources.iter() {
        if let Some(text) = source.text() {
            check_text(file, text, out);
        }
    }
}

/// One warning per line that holds a bidirectional control character, pointing at the
/// first one.
pub fn check_text(file: FileId, text: &str, out: &mut Vec<Diagnostic>) {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let found = line
            .char_indices()
            .find_map(|(at, c)| Some((at, c, bidi_name(c)?)));
        if let Some((at, c, name)) = found {
            let count = line.chars().filter(|c| bidi_name(*c).is_some()).count();
            let start = line_start + at;
            let more = match count {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            out.push(
                Diagnostic::new(
                    Code::BidiControl,
                    file,
                    Some(start..start + c.len_utf8()),
                    format!(
                        "invisible {name} (U+{:04X}){more}: this line may display differently from what it says",
                        u32::from(c)
                    ),
                )
                .with_hint("delete it; right-to-left names and text display correctly without it"),
            );
        }
        line_start += line.len();
    }
}

fn bidi_name(c: char) -> Option<&'static str> {
    BIDI_CONTROLS
        .iter()
        .find(|(control, _)| *control == c)
        .map(|(_, name)| *name)
}
