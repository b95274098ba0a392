//! Turns `toml_parser`'s events into the document tree as they arrive: keys, dotted keys,
//! `[table]` and `[[array]]` headers, inline tables, arrays and the tables they imply.
//!
//! Which texts are TOML is the parser's business; this adds the rules it leaves to its
//! caller (a key once in each table, a table defined once, nothing added to an inline
//! table or to a value) exactly as `toml::de::DeTable` applies them. A broken rule is
//! reported to the parser's error sink like any other mistake, and the caller then asks
//! the `toml` crate to describe it. Nothing here panics on an odd order of events: after a
//! mistake the parser goes on with whatever it could recover.

use std::borrow::Cow;

use toml::Spanned;
use toml::value::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, ParseError, Raw, Span};

use super::plain::plain;
use super::{Array, Item, Key, Table, Value};
use crate::model::MAX_NESTING;

/// Builds the tree of one document from its parser events.
#[derive(Debug)]
pub(super) struct Builder<'i> {
    text: &'i str,
    root: Table<'i>,
    /// The entry indices from the root to the table that key/value lines go into, through
    /// the last table of each array of tables on the way.
    current: Vec<usize>,
    /// Keys read and not used yet: the parts of the key being read, above those of the
    /// keys whose inline tables are still open.
    keys: Vec<Key<'i>>,
    /// Arrays and inline tables opened and not closed yet, innermost last.
    open: Vec<Open<'i>>,
    /// Where the header being read starts, and whether it is `[[…]]`.
    header: Option<(usize, bool)>,
}

/// An array or inline table being read.
#[derive(Debug)]
enum Open<'i> {
    Array {
        start: usize,
        items: Vec<Item<'i>>,
    },
    Table {
        start: usize,
        table: Table<'i>,
        /// How many keys of `Builder::keys` are not this table's but its parents'.
        outer_keys: usize,
    },
}

/// How a key path reaches a table: through a header, a dotted key, or a dotted key inside
/// an inline table. Each has its own rules for what it may add to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Header,
    Dotted,
    Inline,
}

impl<'i> Builder<'i> {
    pub(super) fn new(text: &'i str) -> Self {
        Self {
            text,
            root: Table::default(),
            current: Vec::new(),
            keys: Vec::new(),
            open: Vec::new(),
            header: None,
        }
    }

    /// The document, once every event was read without a mistake being reported.
    pub(super) fn finish(self) -> Result<Spanned<Table<'i>>, ParseError> {
        if !self.open.is_empty() || self.header.is_some() || !self.keys.is_empty() {
            return Err(ParseError::new("the document ends inside a key or value"));
        }
        Ok(Spanned::new(0..0, self.root))
    }

    /// A complete value: into the array or inline table it is in, or under its key.
    fn place(&mut self, value: Item<'i>, error: &mut dyn ErrorSink) {
        let result = match self.open.last_mut() {
            Some(Open::Array { items, .. }) => {
                items.push(value);
                Ok(())
            }
            Some(Open::Table {
                table, outer_keys, ..
            }) => insert(table, &mut self.keys, *outer_keys, value, Reach::Inline),
            None => match table_at(&mut self.root, &self.current) {
                Some(table) => insert(table, &mut self.keys, 0, value, Reach::Dotted),
                None => Err(ParseError::new("no table to add the key to")),
            },
        };
        if let Err(e) = result {
            error.report_error(e);
        }
    }

    /// A `[a.b]` or `[[a.b]]` header ending at `close`.
    fn header(&mut self, close: Span, array: bool) -> Result<(), ParseError> {
        let Some((start, was_array)) = self.header.take() else {
            return Err(ParseError::new("a header closed that was not opened"));
        };
        if was_array != array {
            return Err(ParseError::new(
                "a header closed by the other kind of bracket",
            ));
        }
        let span = start..close.end();
        let Some(last) = self.keys.pop() else {
            return Err(ParseError::new("a header without a key"));
        };
        check_depth(&self.keys)?;
        self.current.clear();
        let mut table = &mut self.root;
        for key in self.keys.drain(..) {
            let (index, child) = descend(table, key, Reach::Header)?;
            self.current.push(index);
            table = child;
        }
        let new_table = || Spanned::new(span.clone(), Value::Table(Table::with_room()));
        let index = match table.position(last.get_ref()) {
            None => {
                let value = if array {
                    Value::Array(Array {
                        items: vec![new_table()],
                        of_tables: true,
                    })
                } else {
                    Value::Table(Table::with_room())
                };
                table.push(last, Spanned::new(span.clone(), value))
            }
            Some(index) => {
                let entry = &mut table.entries[index];
                match entry.item.get_mut() {
                    Value::Array(a) if array && a.of_tables => a.items.push(new_table()),
                    // `[a]` after `[a.b]`: the table made for `b`'s sake is now defined, by
                    // this header, with its key and span.
                    Value::Table(t) if !array && t.implicit && !t.dotted => {
                        t.implicit = false;
                        let value = std::mem::replace(&mut entry.item, new_table()).into_inner();
                        entry.item = Spanned::new(span.clone(), value);
                        entry.key = last;
                    }
                    _ => return Err(duplicate(&last)),
                }
                index
            }
        };
        self.current.push(index);
        Ok(())
    }

    /// A `]` or `}` closing the innermost open array or inline table.
    fn close(&mut self, close: Span, array: bool, error: &mut dyn ErrorSink) {
        let value = match self.open.pop() {
            Some(Open::Array { start, items }) if array => Spanned::new(
                start..close.end(),
                Value::Array(Array {
                    items,
                    of_tables: false,
                }),
            ),
            Some(Open::Table { start, table, .. }) if !array => {
                Spanned::new(start..close.end(), Value::Table(table))
            }
            _ => {
                error.report_error(ParseError::new("a bracket closed that was not opened"));
                return;
            }
        };
        self.place(value, error);
    }
}

impl EventReceiver for Builder<'_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header = Some((span.start(), false));
    }

    fn std_table_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Err(e) = self.header(span, false) {
            error.report_error(e);
        }
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header = Some((span.start(), true));
    }

    fn array_table_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Err(e) = self.header(span, true) {
            error.report_error(e);
        }
    }

    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.open.push(Open::Table {
            start: span.start(),
            table: Table {
                inline: true,
                ..Table::default()
            },
            outer_keys: self.keys.len(),
        });
        true
    }

    fn inline_table_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.close(span, false, error);
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.open.push(Open::Array {
            start: span.start(),
            items: Vec::new(),
        });
        true
    }

    fn array_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.close(span, true, error);
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(text) = self.text.get(span.start()..span.end()) else {
            error.report_error(ParseError::new("a key outside the text"));
            return;
        };
        let key = match plain(text, encoding) {
            Some(key) => Cow::Borrowed(key),
            None => {
                let mut key = Cow::Borrowed("");
                Raw::new_unchecked(text, encoding, span).decode_key(&mut key, error);
                key
            }
        };
        self.keys.push(Spanned::new(span.start()..span.end(), key));
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(text) = self.text.get(span.start()..span.end()) else {
            error.report_error(ParseError::new("a value outside the text"));
            return;
        };
        let string = encoding.and_then(|encoding| plain(text, Some(encoding)));
        let value = match string {
            Some(string) => Value::String(Cow::Borrowed(string)),
            None => match decode(text, encoding, span, error) {
                Some(value) => value,
                None => return,
            },
        };
        self.place(Spanned::new(span.start()..span.end(), value), error);
    }
}

/// A value as `toml_parser`'s decoder reads it; `None` when it reported a mistake that
/// leaves no value.
fn decode<'i>(
    text: &'i str,
    encoding: Option<Encoding>,
    span: Span,
    error: &mut dyn ErrorSink,
) -> Option<Value<'i>> {
    let mut decoded = Cow::Borrowed("");
    let value = match Raw::new_unchecked(text, encoding, span).decode_scalar(&mut decoded, error) {
        ScalarKind::String => Value::String(decoded),
        ScalarKind::Boolean(b) => Value::Boolean(b),
        ScalarKind::Float => Value::Float(decoded),
        ScalarKind::Integer(radix) => Value::Integer {
            digits: decoded,
            radix: radix.value(),
        },
        ScalarKind::DateTime => match decoded.parse::<Datetime>() {
            Ok(datetime) => Value::Datetime(datetime),
            Err(e) => {
                error.report_error(ParseError::new(e.to_string()).with_unexpected(span));
                return None;
            }
        },
    };
    Some(value)
}

/// Adds `value` to `table` under the keys above `outer_keys`, the last one naming it and
/// the others the tables it is in, which are made when missing.
fn insert<'i>(
    mut table: &mut Table<'i>,
    keys: &mut Vec<Key<'i>>,
    outer_keys: usize,
    value: Item<'i>,
    reach: Reach,
) -> Result<(), ParseError> {
    let Some(last) = keys.pop().filter(|_| keys.len() >= outer_keys) else {
        return Err(ParseError::new("a value without a key"));
    };
    if keys.len() > outer_keys {
        let path = keys.drain(outer_keys..);
        check_depth(path.as_slice())?;
        for key in path {
            table = descend(table, key, reach)?.1;
        }
        // A dotted key may add to a table made by dotted keys, not to one a header defined.
        if reach == Reach::Dotted && !table.implicit {
            return Err(duplicate(&last));
        }
    }
    if table.position(last.get_ref()).is_some() {
        return Err(duplicate(&last));
    }
    table.push(last, value);
    Ok(())
}

/// The table that `key` names in `table`, made when missing, with its index.
fn descend<'t, 'i>(
    table: &'t mut Table<'i>,
    key: Key<'i>,
    reach: Reach,
) -> Result<(usize, &'t mut Table<'i>), ParseError> {
    let index = match table.position(key.get_ref()) {
        Some(index) => index,
        None => {
            let span = key.span();
            let implicit = Table {
                implicit: true,
                dotted: reach != Reach::Header,
                inline: reach == Reach::Inline,
                entries: Vec::new(),
            };
            table.push(key, Spanned::new(span, Value::Table(implicit)))
        }
    };
    let child = match table.entries[index].item.get_mut() {
        Value::Table(t) => {
            let allowed = match reach {
                // Every table inside an inline table is inline; the implicit ones are open.
                Reach::Inline => t.implicit,
                Reach::Dotted => {
                    t.dotted |= t.implicit;
                    t.implicit && !t.inline
                }
                Reach::Header => !t.inline,
            };
            allowed.then_some(t)
        }
        Value::Array(a) if a.of_tables && reach != Reach::Inline => last_table(a),
        _ => None,
    };
    child
        .map(|t| (index, t))
        .ok_or_else(|| ParseError::new("cannot extend this value with a dotted key"))
}

/// The "recursion limit" of `toml::de`: a key of this many parts is refused.
fn check_depth(path: &[Key<'_>]) -> Result<(), ParseError> {
    if path.len() >= MAX_NESTING {
        return Err(ParseError::new("recursion limit"));
    }
    Ok(())
}

fn duplicate(key: &Key<'_>) -> ParseError {
    let span = key.span();
    ParseError::new("duplicate key").with_unexpected(Span::new_unchecked(span.start, span.end))
}

/// The table that key/value lines go into, from its path.
fn table_at<'t, 'i>(root: &'t mut Table<'i>, path: &[usize]) -> Option<&'t mut Table<'i>> {
    let mut table = root;
    for &index in path {
        table = match table.entries.get_mut(index)?.item.get_mut() {
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
