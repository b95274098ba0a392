//! aplan's TOML tree against the `toml` crate's `DeTable`, which reads the same events of
//! the same parser: both must accept the same texts and read them into the same keys,
//! values and spans (the order of a table's entries aside, as `DeTable` sorts them), and
//! both must refuse the same texts with the same message and span.
//!
//! Shared by `tests/parse_equivalence.rs` and the `parse` fuzz target (`fuzz/src/lib.rs`).

use aplan::model::tree::{self, Table, Value};
use toml::de::{DeTable, DeValue};

/// Whether the text is TOML; an error describes how the two readings differ.
pub fn agree(text: &str) -> Result<bool, String> {
    match (tree::parse(text), DeTable::parse(text)) {
        (Ok(ours), Ok(theirs)) => {
            if ours.span() != theirs.span() {
                return Err(format!(
                    "the document spans differ: {:?} and {:?}",
                    ours.span(),
                    theirs.span()
                ));
            }
            same_table(ours.get_ref(), theirs.get_ref(), "the document")?;
            Ok(true)
        }
        (Err(ours), Err(theirs)) => {
            if ours.message != theirs.message() || ours.span != theirs.span() {
                return Err(format!(
                    "the errors differ:\naplan: {ours:?}\ntoml:  {:?} at {:?}",
                    theirs.message(),
                    theirs.span()
                ));
            }
            Ok(false)
        }
        (Ok(_), Err(theirs)) => Err(format!("aplan accepts what toml refuses: {theirs}")),
        (Err(ours), Ok(_)) => Err(format!("aplan refuses what toml accepts: {ours:?}")),
    }
}

fn same_table(ours: &Table<'_>, theirs: &DeTable<'_>, at: &str) -> Result<(), String> {
    let mut ours: Vec<_> = ours.iter().collect();
    ours.sort_by(|a, b| a.0.get_ref().cmp(b.0.get_ref()));
    let mut theirs: Vec<_> = theirs.iter().collect();
    theirs.sort_by(|a, b| a.0.get_ref().cmp(b.0.get_ref()));
    let keys = |entries: &[(&tree::Key<'_>, _)]| -> Vec<String> {
        entries
            .iter()
            .map(|(k, _)| k.get_ref().to_string())
            .collect()
    };
    let their_keys: Vec<String> = theirs
        .iter()
        .map(|(k, _)| k.get_ref().to_string())
        .collect();
    if keys(&ours) != their_keys {
        return Err(format!(
            "{at} has keys {:?} for toml's {their_keys:?}",
            keys(&ours)
        ));
    }
    for ((our_key, our_value), (their_key, their_value)) in ours.into_iter().zip(theirs) {
        let at = format!("{at}.{}", our_key.get_ref());
        if our_key.span() != their_key.span() {
            return Err(format!(
                "the key {at} spans {:?} for toml's {:?}",
                our_key.span(),
                their_key.span()
            ));
        }
        same_item(our_value, their_value, &at)?;
    }
    Ok(())
}

fn same_item(
    ours: &tree::Item<'_>,
    theirs: &toml::Spanned<DeValue<'_>>,
    at: &str,
) -> Result<(), String> {
    if ours.span() != theirs.span() {
        return Err(format!(
            "{at} spans {:?} for toml's {:?}",
            ours.span(),
            theirs.span()
        ));
    }
    let same = match (ours.get_ref(), theirs.get_ref()) {
        (Value::String(a), DeValue::String(b)) => a == b,
        (Value::Integer { digits, radix }, DeValue::Integer(b)) => {
            digits == b.as_str() && *radix == b.radix()
        }
        (Value::Float(a), DeValue::Float(b)) => a == b.as_str(),
        (Value::Boolean(a), DeValue::Boolean(b)) => a == b,
        (Value::Datetime(a), DeValue::Datetime(b)) => a == b,
        (Value::Array(a), DeValue::Array(b)) => {
            if a.len() != b.len() {
                return Err(format!("{at} has {} items for toml's {}", a.len(), b.len()));
            }
            for (i, (a, b)) in a.iter().zip(b.iter()).enumerate() {
                same_item(a, b, &format!("{at}[{i}]"))?;
            }
            true
        }
        (Value::Table(a), DeValue::Table(b)) => {
            same_table(a, b, at)?;
            true
        }
        _ => false,
    };
    if !same {
        return Err(format!(
            "{at} is {:?} for toml's {:?}",
            ours.get_ref(),
            theirs.get_ref()
        ));
    }
    Ok(())
}
