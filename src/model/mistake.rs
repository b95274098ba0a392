//! TOML syntax errors turned into findings: the `toml` crate's message, and for the
//! mistakes people make most when editing plans by hand, the place the mistake was made and
//! what to write instead.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use super::MAX_NESTING;
use super::loose_date::LooseDate;
use super::tree::SyntaxError;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

/// The finding for a text the `toml` crate refused.
pub fn syntax_finding(file: FileId, text: &str, error: SyntaxError) -> Diagnostic {
    let mut message = error.message.trim().to_owned();
    if message.contains("recurse further") || message == "recursion limit" {
        message = format!(
            "values or keys nested more than {MAX_NESTING} levels deep, more than aplan reads"
        );
    }
    let span = error.span.unwrap_or(0..0);
    if let Some(string) = unclosed_string(text, span.start) {
        return unclosed_finding(file, text, string, &message, span.start);
    }
    // The parser checks calendar dates itself (`2017-02-30`); give that its own code.
    let code = if message.starts_with("invalid date") || message.starts_with("invalid time") {
        Code::InvalidDate
    } else {
        Code::TomlSyntax
    };
    let hint = date_hint(text, &span)
        .or_else(|| quote_hint(text, &span, &message))
        .or_else(|| hint(&message));
    Diagnostic::new(code, file, Some(span), message).with_hint_opt(hint)
}

/// A one-line string whose closing quote is missing, starting at or before `at`: the
/// reader stumbles over what follows (often on the next line), but the mistake is here.
fn unclosed_string(text: &str, at: usize) -> Option<Range<usize>> {
    Source::new(text)
        .lex()
        .take_while(|token| token.span().start() <= at)
        .filter(|token| {
            matches!(
                token.kind(),
                TokenKind::BasicString | TokenKind::LiteralString
            )
        })
        .map(|token| token.span().start()..token.span().end())
        .find(|span| !is_closed(&text[span.clone()]))
}

/// Whether a one-line string token ends with its (unescaped) quote.
fn is_closed(token: &str) -> bool {
    let Some(quote) = token.chars().next() else {
        return true;
    };
    let Some(inner) = token[1..].strip_suffix(quote) else {
        return false;
    };
    // In a basic string, `\"` is a quote inside it, not its end.
    quote == '\'' || inner.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 0
}

fn unclosed_finding(
    file: FileId,
    text: &str,
    string: Range<usize>,
    reader_says: &str,
    reader_at: usize,
) -> Diagnostic {
    let quote = &text[string.start..=string.start];
    let opening = string.start..string.start + 1;
    let stumbled_line = text[..reader_at.min(text.len())].matches('\n').count() + 1;
    let opened_line = text[..string.start].matches('\n').count() + 1;
    let message = if stumbled_line == opened_line {
        format!("this string is not closed on its line ({reader_says})")
    } else {
        format!("this string is not closed on its line (then line {stumbled_line}: {reader_says})")
    };
    let triple = quote.repeat(3);
    let hint = format!(
        "close the string with `{quote}` on the same line; for text over several lines, open and close it with `{triple}`"
    );
    Diagnostic::new(Code::TomlSyntax, file, Some(opening), message).with_hint(hint)
}

/// A bare value that is a date in another order or form, `due = 31/10/2017`.
fn date_hint(text: &str, span: &Range<usize>) -> Option<String> {
    let date = LooseDate::read(text.get(span.clone())?)?;
    Some(date.hint(key_before(text, span)?))
}

/// A bare word where text belongs, `status = proposed`: the same in double quotes.
fn quote_hint(text: &str, span: &Range<usize>, message: &str) -> Option<String> {
    if !message.starts_with("string values must be quoted") {
        return None;
    }
    let value = text.get(span.clone())?.trim();
    let plain = |c: char| c.is_alphanumeric() || " -_.,'&()".contains(c);
    if value.is_empty() || !value.chars().all(plain) {
        return None;
    }
    let key = key_before(text, span)?;
    Some(format!("put text in double quotes: `{key} = \"{value}\"`"))
}

/// The key whose value starts at `span`, as in `due = …` or `{ date = …`.
fn key_before<'t>(text: &'t str, span: &Range<usize>) -> Option<&'t str> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..span.start].trim_end().strip_suffix('=')?;
    before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '{' || c == ',' || c == '.')
        .next()
        .filter(|k| !k.is_empty())
}

/// Advice for the other TOML mistakes people make most when editing plans by hand.
fn hint(message: &str) -> Option<String> {
    let hint = if message.starts_with("invalid basic string") {
        "close the string with `\"` on the same line; use `\"\"\"` for text over several lines"
    } else if message.starts_with("invalid literal string") {
        "close the string with `'` on the same line; use `\'\'\'` for text over several lines"
    } else if message.starts_with("duplicate key") {
        "a key may appear once in each table; remove or rename one of them"
    } else if message.starts_with("string values must be quoted") {
        "put text in double quotes: `title = \"Reading lists\"`"
    } else if message.starts_with("values or keys nested") {
        "a plan nests four levels at most (an action's updates); look for brackets that are never closed"
    } else if message.starts_with("invalid date") || message.starts_with("invalid time") {
        "write a date that is in the calendar, as YYYY-MM-DD"
    } else {
        return None;
    };
    Some(hint.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tree;
    use crate::source::Sources;

    fn finding(text: &str) -> (String, Range<usize>, String) {
        let file = Sources::default().add("plans/2017/x.toml".to_owned(), None);
        let error = tree::parse(text).expect_err("a syntax error");
        let d = syntax_finding(file, text, error);
        (d.message, d.span.unwrap(), d.hint.unwrap_or_default())
    }

    #[test]
    fn a_string_left_open_is_found_where_it_opens() {
        let text = "title = \"A\"\ndetail = \"first line\nsecond line\"\nnote = 'x'\n";
        let (message, span, hint) = finding(text);
        assert_eq!(span, 21..22, "{message}");
        assert!(message.contains("then line 3"), "{message}");
        assert!(hint.contains("`\"\"\"`"), "{hint}");
    }

    #[test]
    fn escaped_quotes_do_not_close_a_string() {
        assert!(is_closed(r#""a \"b\"""#));
        assert!(!is_closed(r#""a \""#));
        assert!(is_closed(r#""a \\""#));
        assert!(!is_closed("'a"));
        assert!(is_closed("'a\\'"));
    }

    #[test]
    fn a_bare_date_in_another_order_gets_the_toml_date() {
        let (_, _, hint) = finding("due = 31/10/2017\n");
        assert_eq!(
            hint,
            "write dates as YYYY-MM-DD, without quotes: `due = 2017-10-31`"
        );
        let (_, _, hint) = finding("x = [{ date = 2017/10/31, by = \"a\" }]\n");
        assert!(hint.ends_with("`date = 2017-10-31`"), "{hint}");
    }

    #[test]
    fn a_bare_word_gets_its_own_quotes() {
        let (_, _, hint) = finding("status = proposed\n");
        assert_eq!(hint, "put text in double quotes: `status = \"proposed\"`");
    }
}
