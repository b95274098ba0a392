//! One pass over the bytes for the TOML that plans are written in: tables, arrays of
//! tables, inline tables and arrays, strings, decimal numbers, `true`/`false` and dates.
//!
//! `None` means "not sure", never "wrong": the caller then parses the file with the `toml`
//! crate. So this parser gives up on anything outside that subset (dotted keys, times of
//! day, hexadecimal, a carriage return alone, a table of very many keys) and on every
//! mistake, and must build exactly the `toml` crate's tree for the rest.

use std::borrow::Cow;

use toml::Spanned;
use toml::value::{Date, Datetime};

use super::{Array, Item, Key, Table, Value};

/// Deeper nesting of arrays, inline tables or header keys is left to the `toml` crate,
/// which reports what is too deep.
const MAX_DEPTH: usize = 32;

/// A table with more keys is left to the `toml` crate: checking each new key against the
/// others is quick for the dozen keys a plan's table has, not for thousands.
const MAX_TABLE_LEN: usize = 64;

pub(super) fn parse(text: &str) -> Option<Spanned<Table<'_>>> {
    // A byte-order mark, as Windows editors write, is skipped; spans still count it.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: bom,
    };
    let mut root = Table::default();
    // Where key/value lines go: the entry indices from the root to the current table
    // (through the last table of an array of tables).
    let mut current = Vec::new();
    loop {
        p.skip_blank();
        match p.peek() {
            None => break,
            Some(b'\n' | b'\r' | b'#') => p.line_end()?,
            Some(b'[') => {
                current = p.header(&mut root)?;
                p.line_end()?;
            }
            Some(_) => {
                let (key, item) = p.key_value(0)?;
                insert(table_at(&mut root, &current)?, key, item)?;
                p.line_end()?;
            }
        }
    }
    Some(Spanned::new(0..0, root))
}

struct Parser<'i> {
    text: &'i str,
    bytes: &'i [u8],
    pos: usize,
}

impl<'i> Parser<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.bytes[self.pos..].starts_with(prefix)
    }

    /// Spaces and tabs.
    fn skip_blank(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// A comment from `#` to the end of its line (which is left for the caller).
    fn comment(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => break,
                b'\r' if self.at(1) == Some(b'\n') => break,
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        Some(())
    }

    /// The rest of a line: blanks, a comment, then a newline or the end of the text.
    fn line_end(&mut self) -> Option<()> {
        self.skip_blank();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => {}
            Some(b'\n') => self.pos += 1,
            Some(b'\r') if self.at(1) == Some(b'\n') => self.pos += 2,
            Some(_) => return None,
        }
        Some(())
    }

    /// Blanks, comments and newlines, as allowed between the values of an array.
    fn skip_space(&mut self) -> Option<()> {
        loop {
            self.skip_blank();
            match self.peek() {
                Some(b'\n' | b'\r' | b'#') => self.line_end()?,
                _ => return Some(()),
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`: finds or makes the table it names and returns its path.
    fn header(&mut self, root: &mut Table<'i>) -> Option<Vec<usize>> {
        let start = self.pos;
        self.pos += 1;
        let array = self.eat(b'[');
        let mut keys = Vec::new();
        loop {
            self.skip_blank();
            keys.push(self.key()?);
            if keys.len() > MAX_DEPTH {
                return None;
            }
            self.skip_blank();
            match self.peek()? {
                b'.' => self.pos += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        if array && !self.eat(b']') {
            return None;
        }
        let span = start..self.pos;
        let last = keys.pop()?;
        let mut path = Vec::with_capacity(keys.len() + 1);
        let mut table = root;
        for key in keys {
            let index = match position(table, key.get_ref()) {
                Some(index) => index,
                None => {
                    let span = key.span();
                    let implicit = Table {
                        implicit: true,
                        ..Table::default()
                    };
                    insert(table, key, Spanned::new(span, Value::Table(implicit)))?
                }
            };
            path.push(index);
            table = match table.entries[index].1.get_mut() {
                Value::Table(t) if !t.inline => t,
                Value::Array(a) if a.of_tables => last_table(a)?,
                _ => return None,
            };
        }
        let new_table = || Spanned::new(span.clone(), Value::Table(Table::default()));
        match position(table, last.get_ref()) {
            None => {
                let value = if array {
                    Value::Array(Array {
                        items: vec![new_table()],
                        of_tables: true,
                    })
                } else {
                    Value::Table(Table::default())
                };
                path.push(insert(table, last, Spanned::new(span.clone(), value))?);
            }
            Some(index) => {
                let entry = &mut table.entries[index];
                match entry.1.get_mut() {
                    Value::Array(a) if array && a.of_tables => a.items.push(new_table()),
                    // `[a]` after `[a.b]`: the table made for `b`'s sake is now defined,
                    // by this header, with its span.
                    Value::Table(t) if !array && t.implicit => {
                        t.implicit = false;
                        let value = std::mem::replace(&mut entry.1, new_table()).into_inner();
                        *entry = (last, Spanned::new(span.clone(), value));
                    }
                    _ => return None,
                }
                path.push(index);
            }
        }
        Some(path)
    }

    /// `key = value`, with a simple (not dotted) key.
    fn key_value(&mut self, depth: usize) -> Option<(Key<'i>, Item<'i>)> {
        let key = self.key()?;
        self.skip_blank();
        if !self.eat(b'=') {
            return None;
        }
        self.skip_blank();
        let value = self.value(depth)?;
        Some((key, value))
    }

    /// A bare key or a quoted one.
    fn key(&mut self) -> Option<Key<'i>> {
        let start = self.pos;
        let name = match self.peek()? {
            quote @ (b'"' | b'\'') => self.one_line_string(quote)?,
            _ => {
                while let Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-') = self.peek()
                {
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
                Cow::Borrowed(&self.text[start..self.pos])
            }
        };
        Some(Spanned::new(start..self.pos, name))
    }

    fn value(&mut self, depth: usize) -> Option<Item<'i>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        let value = match self.peek()? {
            b'"' if self.starts_with(b"\"\"\"") => self.multi_line_string(b'"')?,
            b'\'' if self.starts_with(b"'''") => self.multi_line_string(b'\'')?,
            quote @ (b'"' | b'\'') => Value::String(self.one_line_string(quote)?),
            b'[' => self.array(depth + 1)?,
            b'{' => self.inline_table(depth + 1)?,
            _ => self.scalar()?,
        };
        Some(Spanned::new(start..self.pos, value))
    }

    fn array(&mut self, depth: usize) -> Option<Value<'i>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space()?;
            if self.eat(b']') {
                break;
            }
            items.push(self.value(depth)?);
            self.skip_space()?;
            if self.comma_or_close(b']')? {
                break;
            }
        }
        Some(Value::Array(Array {
            items,
            of_tables: false,
        }))
    }

    /// After an item of an array or inline table: a comma (`false`) or the closing bracket
    /// (`true`).
    fn comma_or_close(&mut self, close: u8) -> Option<bool> {
        let closed = match self.peek()? {
            b',' => false,
            b if b == close => true,
            _ => return None,
        };
        self.pos += 1;
        Some(closed)
    }

    /// `{ a = 1, b = 2 }` on one line, without a trailing comma.
    fn inline_table(&mut self, depth: usize) -> Option<Value<'i>> {
        self.pos += 1;
        let mut table = Table {
            inline: true,
            ..Table::default()
        };
        self.skip_blank();
        if !self.eat(b'}') {
            loop {
                self.skip_blank();
                let (key, value) = self.key_value(depth)?;
                insert(&mut table, key, value)?;
                self.skip_blank();
                if self.comma_or_close(b'}')? {
                    break;
                }
            }
        }
        Some(Value::Table(table))
    }

    /// `"…"` or `'…'` on one line; only the first has escapes.
    fn one_line_string(&mut self, quote: u8) -> Option<Cow<'i, str>> {
        self.pos += 1;
        let from = self.pos;
        // Filled only from the first escape on; until then the text is borrowed.
        let mut owned: Option<String> = None;
        let mut run = from;
        loop {
            match self.peek()? {
                b if b == quote => break,
                b'\\' if quote == b'"' => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.text[run..self.pos]);
                    self.escape(out)?;
                    run = self.pos;
                    continue;
                }
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        let end = self.pos;
        self.pos += 1;
        Some(match owned {
            Some(mut out) => {
                out.push_str(&self.text[run..end]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(&self.text[from..end]),
        })
    }

    /// One escape sequence from its backslash.
    fn escape(&mut self, out: &mut String) -> Option<()> {
        let c = match self.at(1)? {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' => return self.unicode_escape(4, out),
            b'U' => return self.unicode_escape(8, out),
            _ => return None,
        };
        out.push(c);
        self.pos += 2;
        Some(())
    }

    fn unicode_escape(&mut self, digits: usize, out: &mut String) -> Option<()> {
        let hex = self.bytes.get(self.pos + 2..self.pos + 2 + digits)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        out.push(char::from_u32(code)?);
        self.pos += 2 + digits;
        Some(())
    }

    /// `"""…"""` or `'''…'''`.
    fn multi_line_string(&mut self, quote: u8) -> Option<Value<'i>> {
        self.pos += 3;
        // A newline straight after the opening quotes is not part of the string.
        if !self.eat(b'\n') && self.starts_with(b"\r\n") {
            self.pos += 2;
        }
        let basic = quote == b'"';
        let mut owned: Option<String> = None;
        let mut from = self.pos;
        loop {
            match self.peek()? {
                b if b == quote && self.at(1) == Some(quote) && self.at(2) == Some(quote) => break,
                b'\\' if basic => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.text[from..self.pos]);
                    if self.line_ending_backslash() {
                        // The backslash, the line break and the blanks after it are left out.
                    } else {
                        self.escape(out)?;
                    }
                    from = self.pos;
                    continue;
                }
                // Line breaks are kept as written, `\r\n` included.
                b'\t' | b'\n' => {}
                b'\r' if self.at(1) == Some(b'\n') => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        // Up to two more quotes just before the closing ones belong to the string.
        let mut run = 3;
        while self.at(run) == Some(quote) {
            run += 1;
        }
        if run > 5 {
            return None;
        }
        let end = self.pos + run - 3;
        self.pos += run;
        Some(Value::String(match owned {
            Some(mut out) => {
                out.push_str(&self.text[from..end]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(&self.text[from..end]),
        }))
    }

    /// At a backslash that ends its line (blanks may come between): skips it with every
    /// blank and line break after it.
    fn line_ending_backslash(&mut self) -> bool {
        let mut at = self.pos + 1;
        while let Some(b' ' | b'\t') = self.bytes.get(at) {
            at += 1;
        }
        let line_break = |at: usize| match self.bytes.get(at) {
            Some(b'\n') => 1,
            Some(b'\r') if self.bytes.get(at + 1) == Some(&b'\n') => 2,
            _ => 0,
        };
        if line_break(at) == 0 {
            return false;
        }
        loop {
            match self.bytes.get(at) {
                Some(b' ' | b'\t') => at += 1,
                _ => match line_break(at) {
                    0 => break,
                    n => at += n,
                },
            }
        }
        self.pos = at;
        true
    }

    /// `true`, `false`, a decimal integer or float, or a date.
    fn scalar(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        while let Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-' | b'+' | b'.' | b':') =
            self.peek()
        {
            self.pos += 1;
        }
        let token = &self.text[start..self.pos];
        match token {
            "true" => return Some(Value::Boolean(true)),
            "false" => return Some(Value::Boolean(false)),
            _ => {}
        }
        if let Some(date) = date(token.as_bytes()) {
            // `1979-05-27 07:32:00` is a date and a time.
            if self.peek() == Some(b' ') && self.at(1).is_some_and(|b| b.is_ascii_digit()) {
                return None;
            }
            return Some(Value::Datetime(Datetime {
                date: Some(date),
                time: None,
                offset: None,
            }));
        }
        number(token)
    }
}

/// A decimal integer (`-12`) or float (`0.5`, `1e6`, `-2.5E-3`), without `+` or `_`.
fn number(token: &str) -> Option<Value<'_>> {
    let bytes = token.as_bytes();
    let unsigned = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let whole = digits(unsigned);
    if whole == 0 || (whole > 1 && unsigned[0] == b'0') {
        return None;
    }
    let mut rest = &unsigned[whole..];
    if rest.is_empty() {
        return Some(Value::Integer {
            digits: Cow::Borrowed(token),
            radix: 10,
        });
    }
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = digits(fraction);
        if n == 0 {
            return None;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exponent = exponent
            .strip_prefix(b"-")
            .or_else(|| exponent.strip_prefix(b"+"))
            .unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return None;
        }
        rest = &exponent[n..];
    }
    rest.is_empty()
        .then_some(Value::Float(Cow::Borrowed(token)))
}

/// How many ASCII digits `bytes` starts with.
fn digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `YYYY-MM-DD` that is in the calendar.
fn date(token: &[u8]) -> Option<Date> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *token else {
        return None;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u16, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
        })
    };
    let year = number(&[y1, y2, y3, y4])?;
    let month = u8::try_from(number(&[m1, m2])?).ok()?;
    let day = u8::try_from(number(&[d1, d2])?).ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

/// The index of `key` in `table`.
fn position(table: &Table<'_>, key: &str) -> Option<usize> {
    table.entries.iter().position(|(k, _)| k.get_ref() == key)
}

/// Adds an entry and returns its index; `None` for a key the table already has.
fn insert<'i>(table: &mut Table<'i>, key: Key<'i>, value: Item<'i>) -> Option<usize> {
    if table.entries.len() >= MAX_TABLE_LEN || position(table, key.get_ref()).is_some() {
        return None;
    }
    table.entries.push((key, value));
    Some(table.entries.len() - 1)
}

/// The table that key/value lines go into, from its path.
fn table_at<'t, 'i>(root: &'t mut Table<'i>, path: &[usize]) -> Option<&'t mut Table<'i>> {
    let mut table = root;
    for &index in path {
        table = match table.entries.get_mut(index)?.1.get_mut() {
            Value::Table(t) => t,
            Value::Array(a) => last_table(a)?,
            _ => return None,
        };
    }
    Some(table)
}

fn last_table<'t, 'i>(array: &'t mut Array<'i>) -> Option<&'t mut Table<'i>> {
    match array.items.last_mut()?.get_mut() {
        Value::Table(t) => Some(t),
        _ => None,
    }
}
