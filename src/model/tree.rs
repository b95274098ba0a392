//! The TOML document tree the model is read from: every key and value with its byte span.
//!
//! The grammar is the `toml` crate's own: [`parse`] runs `toml_parser`'s lexer and event
//! parser, and [`build`] turns the events into this tree as they arrive, with strings
//! borrowed from the text unless they have escapes. The tree is the one
//! `toml::de::DeTable::parse` reads (keys, values and spans; the order of a table's entries
//! is kept as written), which `tests/parse_equivalence.rs` and the `parse` fuzz target hold
//! it to. When the text is not TOML, the `toml` crate describes the mistake, so messages
//! and spans are the ones it gives.

mod build;
mod plain;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeTable;
use toml::value::Datetime;
use toml_parser::lexer::Token;
use toml_parser::parser::{RecursionGuard, ValidateWhitespace};
use toml_parser::{ParseError, Source};

use super::MAX_NESTING;

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

/// A table's entries, in the order they were read. Looking a key up is a linear search:
/// quicker than hashing for the dozen keys a table of a plan has.
#[derive(Debug, Clone, Default)]
pub struct Table<'i> {
    entries: Vec<Entry<'i>>,
    /// Made only as the parent of a `[a.b]` header or an `a.b = …` key, so `[a]` or
    /// another dotted key may still add to it.
    implicit: bool,
    /// Made by a dotted key, so no `[a]` header may define it.
    dotted: bool,
    /// Written as `{…}`, so it is complete and nothing may add to it.
    inline: bool,
}

/// A key and its value, with a short summary of the key that most other keys differ
/// from, so a search compares whole keys only when the summaries are equal.
#[derive(Debug, Clone)]
struct Entry<'i> {
    tag: u32,
    key: Key<'i>,
    item: Item<'i>,
}

/// A key's length, first and last byte.
fn tag(key: &str) -> u32 {
    let bytes = key.as_bytes();
    let ends = match (bytes.first(), bytes.last()) {
        (Some(&first), Some(&last)) => u32::from(first) << 8 | u32::from(last),
        _ => 0,
    };
    (bytes.len() as u32) << 16 ^ ends
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

    /// Built from `[[name]]` headers rather than written as `[…]`.
    pub fn of_tables(&self) -> bool {
        self.of_tables
    }
}

impl<'i> Table<'i> {
    pub fn get(&self, key: &str) -> Option<&Item<'i>> {
        self.position(key).map(|i| &self.entries[i].item)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Item<'i>)> {
        self.entries.iter().map(|e| (&e.key, &e.item))
    }

    /// A table for a header, with room for the keys a header's table usually has, so that
    /// it seldom grows (each growth is an allocation and a copy).
    fn with_room() -> Self {
        Table {
            entries: Vec::with_capacity(16),
            ..Table::default()
        }
    }

    /// The index of `key`'s entry.
    fn position(&self, key: &str) -> Option<usize> {
        let tag = tag(key);
        self.entries
            .iter()
            .position(|e| e.tag == tag && e.key.get_ref() == key)
    }

    /// Adds an entry, which the caller knows to be new, and returns its index.
    fn push(&mut self, key: Key<'i>, item: Item<'i>) -> usize {
        let tag = tag(key.get_ref());
        self.entries.push(Entry { tag, key, item });
        self.entries.len() - 1
    }
}

impl Value<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Array<'_>> {
        match self {
            Value::Array(a) => Some(a),
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

/// Why a text is not a TOML document, in the words of the `toml` crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    /// The bytes the mistake is at, when the parser says.
    pub span: Option<Range<usize>>,
}

thread_local! {
    /// The tokens of the document being parsed: one list for each thread, kept from file
    /// to file rather than allocated for each.
    static TOKENS: RefCell<Vec<Token>> = const { RefCell::new(Vec::new()) };
}

/// The most tokens [`TOKENS`] keeps room for after a document, some ten times a plan's:
/// an unusually large file's list is let go.
const KEPT_TOKENS: usize = 1 << 14;

/// Parses a TOML document into its tree.
pub fn parse(text: &str) -> Result<Spanned<Table<'_>>, SyntaxError> {
    let source = Source::new(text);
    let mut builder = build::Builder::new(text);
    // The first mistake only: the rest are found again below, when it is described.
    let mut error: Option<ParseError> = None;
    TOKENS.with_borrow_mut(|tokens| {
        tokens.clear();
        tokens.extend(source.lex());
        let mut receiver = ValidateWhitespace::new(&mut builder, source);
        let limit = u32::try_from(MAX_NESTING).unwrap_or(u32::MAX);
        let mut receiver = RecursionGuard::new(&mut receiver, limit);
        toml_parser::parser::parse_document(tokens, &mut receiver, &mut error);
        if tokens.capacity() > KEPT_TOKENS {
            *tokens = Vec::new();
        }
    });
    match error {
        None => builder.finish().map_err(|refused| describe(text, &refused)),
        Some(refused) => Err(describe(text, &refused)),
    }
}

/// The `toml` crate's own description of what is wrong with `text`. Should the crate accept
/// a text that was refused here, the fault is aplan's, and the message says so.
fn describe(text: &str, refused: &ParseError) -> SyntaxError {
    match DeTable::parse(text) {
        Err(error) => SyntaxError {
            message: error.message().to_owned(),
            span: error.span(),
        },
        Ok(_) => SyntaxError {
            message: format!(
                "aplan could not read this TOML ({}), although it is valid; please report it",
                refused.description()
            ),
            span: refused.unexpected().map(|s| s.start()..s.end()),
        },
    }
}
