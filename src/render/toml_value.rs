//! The `toml` filter: a template value written as a TOML value, for the draft plan that
//! `aplan new` renders from `draft.toml`.

use minijinja::value::ValueKind;
use minijinja::{Error, ErrorKind, Value};

/// `{{ value | toml }}`: a string quoted and escaped as toml_edit writes it, a number as
/// people write it (`46000`, `6.1`), `true` or `false`, or a list of these.
pub fn filter(value: &Value) -> Result<String, Error> {
    let mut out = String::new();
    write(&mut out, value)?;
    Ok(out)
}

fn write(out: &mut String, value: &Value) -> Result<(), Error> {
    match value.kind() {
        ValueKind::String => out.push_str(&quote(value.as_str().unwrap_or_default())),
        ValueKind::Bool => out.push_str(if value.is_true() { "true" } else { "false" }),
        ValueKind::Number if value.is_integer() => out.push_str(&value.to_string()),
        ValueKind::Number => out.push_str(&figure(f64::try_from(value.clone())?)),
        ValueKind::Seq | ValueKind::Iterable => {
            out.push('[');
            for (i, item) in value.try_iter()?.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(out, &item)?;
            }
            out.push(']');
        }
        kind => {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                format!("the toml filter writes strings, numbers, booleans and lists, not {kind}"),
            ));
        }
    }
    Ok(())
}

/// A TOML string, quoted and escaped as toml_edit writes it.
fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

/// A figure as people write it: `46000`, `6.1`.
fn figure(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml(value: Value) -> String {
        filter(&value).unwrap()
    }

    #[test]
    fn figures_are_written_as_people_write_them() {
        assert_eq!(toml(Value::from(46000.0)), "46000");
        assert_eq!(toml(Value::from(46000)), "46000");
        assert_eq!(toml(Value::from(6.1)), "6.1");
        assert_eq!(toml(Value::from(-2.5)), "-2.5");
    }

    #[test]
    fn strings_are_toml_strings() {
        assert_eq!(toml(Value::from("Dr \"Ben\" Rep")), "'Dr \"Ben\" Rep'");
        let written = toml(Value::from("x\ny\\z"));
        let parsed: toml::Table = toml::from_str(&format!("a = {written}")).unwrap();
        assert_eq!(parsed["a"].as_str(), Some("x\ny\\z"));
    }

    #[test]
    fn lists_and_booleans() {
        assert_eq!(toml(Value::from(vec!["a", "b\"c"])), "[\"a\", 'b\"c']");
        assert_eq!(toml(Value::from(Vec::<String>::new())), "[]");
        assert_eq!(toml(Value::from(true)), "true");
        assert!(filter(&Value::from(())).is_err());
    }
}
