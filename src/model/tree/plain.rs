//! Keys and strings that read as they are written: a bare key, or a one-line string with
//! no escape and no control character. Most keys and strings of a plan are like that, and
//! taking them as they are spares `toml_parser`'s decoder a second pass over their bytes.
//! Everything else goes to the decoder, which also reports what is wrong.

use toml_parser::decoder::Encoding;

/// What a byte may be in: a bare key, a basic (`"…"`) string, a literal (`'…'`) string.
const BARE: u8 = 1;
const BASIC: u8 = 2;
const LITERAL: u8 = 4;

/// The kinds each byte may appear in, from the TOML grammar: `unquoted-key-char`
/// (ASCII letters, digits, `-` and `_`), `basic-unescaped` and `literal-char` (a tab, any
/// visible character or space, and any byte of a non-ASCII character, but no other control
/// character, and not the quote or, in a basic string, the backslash).
static KINDS: [u8; 256] = {
    let mut kinds = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let mut kind = 0;
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            kind |= BARE;
        }
        if byte == b'\t' || (byte >= 0x20 && byte != 0x7f) {
            if byte != b'"' && byte != b'\\' {
                kind |= BASIC;
            }
            if byte != b'\'' {
                kind |= LITERAL;
            }
        }
        kinds[b] = kind;
        b += 1;
    }
    kinds
};

/// The value of a key or string token that needs no decoding, or `None` when it needs
/// the decoder: an escape, a character out of place, a multi-line string.
pub(super) fn plain(raw: &str, encoding: Option<Encoding>) -> Option<&str> {
    let (text, kind) = match encoding {
        None => (raw, BARE),
        Some(Encoding::BasicString) => (quoted(raw, b'"')?, BASIC),
        Some(Encoding::LiteralString) => (quoted(raw, b'\'')?, LITERAL),
        Some(Encoding::MlBasicString | Encoding::MlLiteralString) => return None,
    };
    let empty_key = encoding.is_none() && text.is_empty();
    (!empty_key && all_of(text.as_bytes(), kind)).then_some(text)
}

/// Whether every byte may be in `kind`. Strings are most of a plan's bytes, so they are
/// looked at eight at a time: a word with no byte that might be out of place (a control
/// character, DEL, or the string's quote or backslash) needs no look at each byte.
fn all_of(bytes: &[u8], kind: u8) -> bool {
    let each = |chunk: &[u8]| chunk.iter().all(|&b| KINDS[usize::from(b)] & kind != 0);
    if kind == BARE {
        return each(bytes);
    }
    let (quote, backslash) = if kind == BASIC {
        (b'"', b'\\')
    } else {
        (b'\'', b'\'')
    };
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let clean = <[u8; 8]>::try_from(chunk)
            .is_ok_and(|word| !suspect(u64::from_le_bytes(word), quote, backslash));
        if !clean && !each(chunk) {
            return false;
        }
    }
    each(words.remainder())
}

/// Whether a word of a string may hold a byte the string cannot: one below 0x20 (a tab is
/// allowed, so this only says "look closer"), DEL, `quote` or `backslash`. The bit tricks
/// of "Bit Twiddling Hacks" ("determine if a word has a byte less than n", "… equal to
/// n"), which are exact for values below 0x80, as these are.
fn suspect(word: u64, quote: u8, backslash: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let del = zero(word ^ (ONES * 0x7f));
    let quote = zero(word ^ (ONES * u64::from(quote)));
    let backslash = zero(word ^ (ONES * u64::from(backslash)));
    (below_space | del | quote | backslash) & HIGHS != 0
}

/// What is between the opening and closing quote, when there are both.
fn quoted(raw: &str, quote: u8) -> Option<&str> {
    let bytes = raw.as_bytes();
    let closed = bytes.len() >= 2 && bytes[0] == quote && bytes[bytes.len() - 1] == quote;
    // The quotes are ASCII, so the slice is on character boundaries.
    closed.then(|| &raw[1..raw.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_keys_and_strings_are_taken_as_written() {
        assert_eq!(plain("due-date_2", None), Some("due-date_2"));
        assert_eq!(
            plain(
                "\"Set texts – reading\tlists\"",
                Some(Encoding::BasicString)
            ),
            Some("Set texts – reading\tlists")
        );
        assert_eq!(
            plain(r"'C:\plans'", Some(Encoding::LiteralString)),
            Some(r"C:\plans")
        );
        assert_eq!(plain("\"\"", Some(Encoding::BasicString)), Some(""));
        let long = "\"Eight-byte words: tabs\tand 'quotes' and ünïcödé all pass\"";
        assert_eq!(
            plain(long, Some(Encoding::BasicString)),
            Some(&long[1..long.len() - 1])
        );
    }

    #[test]
    fn anything_else_goes_to_the_decoder() {
        for (raw, encoding) in [
            ("", None),
            ("é", None),
            ("a.b", None),
            (r#""esc \t""#, Some(Encoding::BasicString)),
            ("\"bell \u{7}\"", Some(Encoding::BasicString)),
            ("\"del \u{7f}\"", Some(Encoding::BasicString)),
            (
                "\"a long string, then a bell \u{7}\"",
                Some(Encoding::BasicString),
            ),
            (
                "\"a long string with an \\escape\"",
                Some(Encoding::BasicString),
            ),
            (
                "\"a long string with a \" quote\"",
                Some(Encoding::BasicString),
            ),
            (
                "'a long literal string, then a ' quote'",
                Some(Encoding::LiteralString),
            ),
            (
                "'a long literal string, then DEL \u{7f}'",
                Some(Encoding::LiteralString),
            ),
            ("\"unterminated", Some(Encoding::BasicString)),
            ("\"", Some(Encoding::BasicString)),
            ("'line\nbreak'", Some(Encoding::LiteralString)),
            ("'''multi'''", Some(Encoding::MlLiteralString)),
        ] {
            assert_eq!(plain(raw, encoding), None, "{raw:?}");
        }
    }
}
