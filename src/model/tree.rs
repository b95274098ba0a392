//! The TOML document tree the model is read from: every key and value with its byte span.
//!
//! Most plans use a small part of TOML (tables, arrays of tables, inline tables, plain
//! strings, numbers and dates), so [`parse`] first tries [`parse_fast`], a single pass
//! over the bytes that builds this tree directly. Whenever it meets anything else — an
//! escape it does not know, a dotted key, a time of day, any mistake — it gives up, and the
//! file is parsed again by the `toml` crate, whose tree is converted and whose error
//! messages are the ones users see. Both paths give the same tree for every text the fast
//! one accepts; `tests/parse_equivalence.rs` and the `parse` fuzz target hold it to that.

mod fast;

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

/// A value with its byte span in the file.
pub type Item<'i> = Spanned<Value<'i>>;

/// A key with its byte span in the file.
pub type Key<'i> = Spanned<Cow<'i, str>>;

/// One TOML value.
#[derive(Debug, Clone)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    /// An integer as [`i64::from_str_radix`] reads it: digits without `_` or a `0x`-style
    /// prefix, and their radix. Kept as written so a number too large for 64 bits can
    /// still be shown in a message.
    Integer {
        digits: Cow<'i, str>,
        radix: u32,
    },
    /// A float as written, without `_`.
    Float(Cow<'i, str>),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array<'i>),
    Table(Table<'i>),
}

/// An array, either written as `[…]` or built from `[[name]]` headers.
#[derive(Debug, Clone, Default)]
pub struct Array<'i> {
    items: Vec<Item<'i>>,
    /// Built from `[[name]]` headers, so a later header may add to it.
    of_tables: bool,
}

/// A table's entries, in the order they were read.
#[derive(Debug, Clone, Default)]
pub struct Table<'i> {
    entries: Vec<(Key<'i>, Item<'i>)>,
    /// Made only as the parent of a `[a.b]` header, so `[a]` may still define it.
    implicit: bool,
    /// Written as `{…}`, so it is complete and no header may add to it.
    inline: bool,
}

impl<'i> Array<'i> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Item<'i>> {
        self.items.iter()
    }
}

impl<'i> Table<'i> {
    pub fn get(&self, key: &str) -> Option<&Item<'i>> {
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Item<'i>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Value<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_table(&self) -> Option<&Table<'_>> {
        match self {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// Trees are equal when they hold the same keys, values and spans; the order of a table's
/// entries and how a table or array came to be (header or inline) do not count.
impl PartialEq for Table<'_> {
    fn eq(&self, other: &Self) -> bool {
        fn sorted<'t, 'i>(t: &'t Table<'i>) -> Vec<&'t (Key<'i>, Item<'i>)> {
            let mut entries: Vec<_> = t.entries.iter().collect();
            entries.sort_by(|a, b| a.0.get_ref().cmp(b.0.get_ref()));
            entries
        }
        self.len() == other.len()
            && sorted(self).into_iter().zip(sorted(other)).all(|(a, b)| {
                a.0.get_ref() == b.0.get_ref()
                    && a.0.span() == b.0.span()
                    && a.1.get_ref() == b.1.get_ref()
                    && a.1.span() == b.1.span()
            })
    }
}

impl PartialEq for Array<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|(a, b)| a.get_ref() == b.get_ref() && a.span() == b.span())
    }
}

impl PartialEq for Value<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::String(a), Value::String(b)) => a == b,
            (
                Value::Integer { digits, radix },
                Value::Integer {
                    digits: d,
                    radix: r,
                },
            ) => digits == d && radix == r,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Boolean(a), Value::Boolean(b)) => a == b,
            (Value::Datetime(a), Value::Datetime(b)) => a == b,
            (Value::Array(a), Value::Array(b)) => a == b,
            (Value::Table(a), Value::Table(b)) => a == b,
            _ => false,
        }
    }
}

/// Parses a TOML document into its tree, or returns the `toml` crate's error.
pub fn parse(text: &str) -> Result<Spanned<Table<'_>>, toml::de::Error> {
    match fast::parse(text) {
        Some(table) => Ok(table),
        None => parse_with_toml(text),
    }
}

/// Parses a document with the `toml` crate alone, leaving the fast path out: the reference
/// that the fast path is tested against.
pub fn parse_with_toml(text: &str) -> Result<Spanned<Table<'_>>, toml::de::Error> {
    let root = DeTable::parse(text)?;
    let span = root.span();
    Ok(Spanned::new(span, table(root.into_inner())))
}

/// Parses a document with the fast path alone: `None` when it gives up.
pub fn parse_fast(text: &str) -> Option<Spanned<Table<'_>>> {
    fast::parse(text)
}

fn table(from: DeTable<'_>) -> Table<'_> {
    Table {
        entries: from
            .into_iter()
            .map(|(key, value)| {
                let span = value.span();
                (key, Spanned::new(span, self::value(value.into_inner())))
            })
            .collect(),
        implicit: false,
        inline: false,
    }
}

fn value(from: DeValue<'_>) -> Value<'_> {
    match from {
        DeValue::String(s) => Value::String(s),
        DeValue::Integer(i) => Value::Integer {
            digits: Cow::Owned(i.as_str().to_owned()),
            radix: i.radix(),
        },
        DeValue::Float(f) => Value::Float(Cow::Owned(f.as_str().to_owned())),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(dt) => Value::Datetime(dt),
        DeValue::Array(items) => Value::Array(Array {
            items: items
                .into_iter()
                .map(|item| {
                    let span = item.span();
                    Spanned::new(span, value(item.into_inner()))
                })
                .collect(),
            of_tables: false,
        }),
        DeValue::Table(t) => Value::Table(table(t)),
    }
}
