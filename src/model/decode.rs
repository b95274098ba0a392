//! Turning a parsed TOML tree into model types while reporting every problem on the way.
//!
//! serde stops at the first mismatch; a plan under review should show all of them at once,
//! so the model is read field by field from the spanned document tree ([`super::tree`])
//! instead.

use std::ops::Range;

use chrono::NaiveDate;

use super::loose_date::LooseDate;
use super::spanned::Spanned;
use super::tree::{self, Table};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;
use crate::suggest::did_you_mean;

/// A value of the document tree with its byte span.
pub type Value<'i> = tree::Item<'i>;

/// A closed set of words a field may take, such as a plan status.
pub trait Keyword: Sized + Copy + 'static {
    /// Every allowed word with its value.
    const ALL: &'static [(&'static str, Self)];

    fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
    }

    fn as_str(self) -> &'static str;

    /// What documents and reports call it, the one label it has everywhere: `Sent`,
    /// `Liaison Librarian`.
    fn label(self) -> &'static str;

    /// The allowed words, for messages: `draft`, `sent`, …
    fn allowed() -> String {
        let words: Vec<String> = Self::ALL.iter().map(|(w, _)| format!("`{w}`")).collect();
        words.join(", ")
    }
}

/// Defines an enum whose values are written as fixed kebab-case words in the files, each
/// with the label documents show. The one word list gives the decoder, the export
/// (`Serialize`) and the JSON Schema (`JsonSchema`) their words.
macro_rules! keyword {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($variant:ident = $word:literal => $label:literal,)* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant,)* }

        impl $crate::model::decode::Keyword for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($word, $name::$variant),)*];

            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word,)* }
            }

            fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::decode::Keyword::as_str(*self))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::model::decode::Keyword::as_str(*self))
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($word,)*] })
            }
        }
    };
}
pub(crate) use keyword;

/// Collects the diagnostics of one file while its tree is read.
#[derive(Debug)]
pub struct Decoder<'d> {
    pub file: FileId,
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

impl Decoder<'_> {
    pub fn report(
        &mut self,
        code: Code,
        span: Range<usize>,
        message: String,
        hint: Option<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::new(code, self.file, Some(span), message).with_hint_opt(hint));
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, expected: &str, hint: Option<String>) {
        let found = describe(value.get_ref());
        self.report(
            Code::WrongType,
            value.span(),
            format!("`{key}` should be {expected}, found {found}"),
            hint,
        );
    }

    pub fn string(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<String>> {
        match value.get_ref() {
            tree::Value::String(s) => Some(Spanned::new(value.span(), s.to_string())),
            _ => {
                self.wrong_type(key, value, "a string", None);
                None
            }
        }
    }

    pub fn integer(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<i64>> {
        match value.get_ref() {
            tree::Value::Integer { digits, radix } => match i64::from_str_radix(digits, *radix) {
                Ok(n) => Some(Spanned::new(value.span(), n)),
                Err(_) => {
                    self.wrong_type(key, value, "a whole number that fits in 64 bits", None);
                    None
                }
            },
            tree::Value::String(s) if s.trim().parse::<i64>().is_ok() => {
                let hint = format!("write it without quotes: `{key} = {}`", s.trim());
                self.wrong_type(key, value, "a whole number", Some(hint));
                None
            }
            _ => {
                self.wrong_type(key, value, "a whole number", None);
                None
            }
        }
    }

    /// A whole number that must be zero or more, such as a limit or a number of days.
    pub fn count(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<u32>> {
        let n = self.integer(key, value)?;
        match u32::try_from(*n.get_ref()) {
            Ok(count) => Some(Spanned::new(n.span(), count)),
            Err(_) => {
                self.report(
                    Code::InvalidValue,
                    n.span(),
                    format!("`{key}` should be zero or more, found {}", n.get_ref()),
                    None,
                );
                None
            }
        }
    }

    /// An amount or score: TOML integers and floats are both fine.
    pub fn number(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<f64>> {
        let parsed = match value.get_ref() {
            tree::Value::Integer { digits, radix } => {
                i64::from_str_radix(digits, *radix).ok().map(|n| n as f64)
            }
            tree::Value::Float(f) => f.parse::<f64>().ok(),
            tree::Value::String(s) if s.trim().parse::<f64>().is_ok() => {
                let hint = format!("write it without quotes: `{key} = {}`", s.trim());
                self.wrong_type(key, value, "a number", Some(hint));
                return None;
            }
            _ => None,
        };
        match parsed {
            Some(n) if n.is_finite() => Some(Spanned::new(value.span(), n)),
            _ => {
                self.wrong_type(key, value, "a finite number", None);
                None
            }
        }
    }

    pub fn boolean(&mut self, key: &str, value: &Value<'_>) -> Option<bool> {
        match value.get_ref() {
            tree::Value::Boolean(b) => Some(*b),
            tree::Value::String(s) if s == "true" || s == "false" => {
                let hint = format!("write it without quotes: `{key} = {s}`");
                self.wrong_type(key, value, "true or false", Some(hint));
                None
            }
            _ => {
                self.wrong_type(key, value, "true or false", None);
                None
            }
        }
    }

    /// A TOML local date such as `2017-03-14`; strings and times are refused.
    pub fn date(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<NaiveDate>> {
        let example = format!("`{key} = 2017-03-14`");
        match value.get_ref() {
            tree::Value::Datetime(dt) => {
                let Some(date) = dt.date.filter(|_| dt.time.is_none() && dt.offset.is_none())
                else {
                    let hint = match dt.date {
                        Some(date) => format!("write the date alone: `{key} = {date}`"),
                        None => format!("write a date: {example}"),
                    };
                    self.report(
                        Code::InvalidDate,
                        value.span(),
                        format!("`{key}` should be a date without a time, found `{dt}`"),
                        Some(hint),
                    );
                    return None;
                };
                let parsed =
                    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into());
                if parsed.is_none() {
                    self.report(
                        Code::InvalidDate,
                        value.span(),
                        format!("`{dt}` is not a date in the calendar"),
                        None,
                    );
                }
                parsed.map(|d| Spanned::new(value.span(), d))
            }
            tree::Value::String(s) => {
                let hint = match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
                    Ok(d) => format!("write the date without quotes: `{key} = {d}`"),
                    Err(_) => match LooseDate::read(s) {
                        Some(date) => date.hint(key),
                        None => format!("write a TOML date: {example}"),
                    },
                };
                self.wrong_type(key, value, "a date", Some(hint));
                None
            }
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a date",
                    Some(format!("write a TOML date: {example}")),
                );
                None
            }
        }
    }

    /// An id: lowercase ASCII letters and digits in words joined by single hyphens.
    pub fn slug(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<String>> {
        let s = self.string(key, value)?;
        if !is_slug(s.get_ref()) {
            let suggestion = slugify(s.get_ref());
            let hint = (!suggestion.is_empty()).then(|| format!("try `{suggestion}`"));
            self.report(
                Code::BadSlug,
                s.span(),
                format!(
                    "`{}` is not a valid {key}: use lowercase letters, digits and single hyphens",
                    s.get_ref()
                ),
                hint,
            );
        }
        Some(s)
    }

    pub fn keyword<K: Keyword>(&mut self, key: &str, value: &Value<'_>) -> Option<Spanned<K>> {
        let s = self.string(key, value)?;
        if let Some(k) = K::parse(s.get_ref()) {
            return Some(Spanned::new(s.span(), k));
        }
        let words: Vec<&str> = K::ALL.iter().map(|(w, _)| *w).collect();
        let hint = match did_you_mean(s.get_ref(), words.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? allowed: {}", K::allowed()),
            None => format!("allowed: {}", K::allowed()),
        };
        self.report(
            Code::InvalidValue,
            s.span(),
            format!("`{}` is not a valid {key}", s.get_ref()),
            Some(hint),
        );
        None
    }

    /// Each item of an array through `item`; a non-array is reported and reads as empty.
    pub fn array<T>(
        &mut self,
        key: &str,
        value: &Value<'_>,
        mut item: impl FnMut(&mut Self, &Value<'_>) -> Option<T>,
    ) -> Vec<T> {
        match value.get_ref() {
            tree::Value::Array(items) => {
                // Sized up front: a growing list would keep up to four times the room a
                // one-item list needs, for every list of every plan.
                let mut read = Vec::with_capacity(items.len());
                read.extend(items.iter().filter_map(|v| item(self, v)));
                read
            }
            tree::Value::String(s) => {
                let hint = format!("write a list: `{key} = [\"{s}\"]`");
                self.wrong_type(key, value, "a list", Some(hint));
                // Read it as the one-item list it was meant to be, so later checks do not
                // also report the list as empty.
                item(self, value).into_iter().collect()
            }
            _ => {
                self.wrong_type(key, value, "a list", None);
                Vec::new()
            }
        }
    }

    /// The fields of a table, or `None` (reported) when the value is not one.
    pub fn table<'a, 'i>(&mut self, key: &'a str, value: &'a Value<'i>) -> Option<Fields<'a, 'i>> {
        match value.get_ref() {
            tree::Value::Table(table) => Some(Fields::new(key, table, value.span())),
            _ => {
                self.wrong_type(key, value, "a table", None);
                None
            }
        }
    }
}

/// Reads the fields of one table, remembering which keys were asked for so that the
/// rest can be reported as unknown.
#[derive(Debug)]
pub struct Fields<'a, 'i> {
    name: &'a str,
    table: &'a Table<'i>,
    span: Range<usize>,
    known: Asked,
    missing: Vec<&'static str>,
    /// How many of the keys asked for are in the table.
    found: usize,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// `name` says what the table is in messages: `plan`, `[meeting]`, `action`.
    pub fn new(name: &'a str, table: &'a Table<'i>, span: Range<usize>) -> Self {
        Self {
            name,
            table,
            span,
            known: Asked::default(),
            missing: Vec::new(),
            found: 0,
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn get(&mut self, key: &'static str) -> Option<&'a Value<'i>> {
        debug_assert!(!self.known.contains(key), "`{key}` is asked for twice");
        self.known.push(key);
        let value = self.table.get(key);
        self.found += usize::from(value.is_some());
        value
    }

    /// Like [`Fields::get`]; a missing key is reported by [`Fields::finish`].
    pub fn required(&mut self, key: &'static str) -> Option<&'a Value<'i>> {
        let value = self.get(key);
        if value.is_none() {
            self.missing.push(key);
        }
        value
    }

    /// Reports every key that was never asked for, and every required key that is missing
    /// unless an unknown key looks like a misspelling of it.
    pub fn finish(self, d: &mut Decoder<'_>) {
        self.finish_among(d, &[]);
    }

    /// Like [`Fields::finish`]; an unknown key that is a key of one of the `headers` was
    /// most likely written with that table's header missing above it.
    pub fn finish_among(self, d: &mut Decoder<'_>, headers: &[Header]) {
        // Every key of the table was asked for (each once), so none is unknown.
        if self.found == self.table.len() && self.missing.is_empty() {
            return;
        }
        let mut explained = Vec::new();
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.known.contains(name) {
                continue;
            }
            let near = did_you_mean(name, self.known.keys().iter().copied());
            let header = headers.iter().find(|h| h.keys.contains(&name));
            let hint = if let Some(header) = header {
                format!(
                    "did you forget `{}` above it? `{name}` is a key of {}",
                    header.name, header.name
                )
            } else {
                match near {
                    Some(near) if self.missing.contains(&near) => {
                        explained.push(near);
                        format!("did you mean `{near}`? it is required")
                    }
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "the keys of {} are: {}",
                        self.name,
                        quoted_list(self.known.keys())
                    ),
                }
            };
            d.report(
                Code::UnknownKey,
                key.span(),
                format!("unknown key `{name}` in {}", self.name),
                Some(hint),
            );
        }
        let what = self.describe();
        for key in self.missing.iter().filter(|k| !explained.contains(k)) {
            d.report(
                Code::MissingKey,
                self.span.clone(),
                format!("{what} has no `{key}`, which is required"),
                Some(format!("add `{key} = …`")),
            );
        }
    }

    /// The table in messages, by its id when it has one: "action `oa-workshop`".
    fn describe(&self) -> String {
        let id = self.table.get("id").and_then(|v| v.get_ref().as_str());
        match id {
            Some(id) if !id.is_empty() => {
                let noun = self
                    .name
                    .strip_prefix("an ")
                    .or_else(|| self.name.strip_prefix("a "))
                    .unwrap_or(self.name);
                format!("{noun} `{id}`")
            }
            _ => self.name.to_owned(),
        }
    }
}

/// A table's header and its keys, for telling a key under a missing header from a key
/// that is simply unknown.
#[derive(Debug)]
pub struct Header {
    /// As written in the file: `[meeting]`, `[[actions.updates]]`.
    pub name: &'static str,
    pub keys: &'static [&'static str],
}

/// The keys a table was asked for, in order, kept without allocating: every table of
/// every plan has one.
#[derive(Debug)]
struct Asked {
    keys: [&'static str; Asked::MAX],
    len: usize,
}

impl Asked {
    /// More keys than any table of the file formats has.
    const MAX: usize = 24;

    fn push(&mut self, key: &'static str) {
        assert!(
            self.len < Self::MAX,
            "a table of more than {} keys",
            Self::MAX
        );
        self.keys[self.len] = key;
        self.len += 1;
    }

    fn keys(&self) -> &[&'static str] {
        &self.keys[..self.len]
    }

    fn contains(&self, key: &str) -> bool {
        self.keys().contains(&key)
    }
}

impl Default for Asked {
    fn default() -> Self {
        Self {
            keys: [""; Self::MAX],
            len: 0,
        }
    }
}

fn quoted_list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    quoted.join(", ")
}

/// A value's type in the words of the TOML spec, for messages.
fn describe(value: &tree::Value<'_>) -> String {
    match value {
        tree::Value::String(s) => format!("the string \"{}\"", shorten(s)),
        tree::Value::Integer { digits, .. } => format!("the number {}", shorten(digits)),
        tree::Value::Float(f) => format!("the number {}", shorten(f)),
        tree::Value::Boolean(b) => format!("`{b}`"),
        tree::Value::Datetime(dt) => format!("the date {dt}"),
        tree::Value::Array(_) => "a list".to_owned(),
        tree::Value::Table(_) => "a table".to_owned(),
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

/// Whether `s` is a slug: `reading-lists`, `year1-lists`, `jsmith`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The nearest slug to `s`, for hints.
pub fn slugify(s: &str) -> String {
    let lowered: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["history", "year1-lists", "a", "computer-science", "2017"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["", "History", "a--b", "-a", "a-", "a_b", "a b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(slugify("Key Texts!"), "key-texts");
    }
}
