//! JSON Schemas of `aplan.toml` and plan files, for editors (Taplo, Even Better TOML) and
//! other tools, derived from the model types ([`Plan`], [`Config`]); here are only the
//! generator's settings and the schemas of ids and dates. A test below holds the schemas
//! to the decoders, and an external check validates the bundled files against them.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::{Config, Plan};

/// The JSON Schema of a plan file.
pub fn plan_schema() -> Schema {
    generator().into_root_schema_for::<Plan>()
}

/// The JSON Schema of `aplan.toml`.
pub fn config_schema() -> Schema {
    generator().into_root_schema_for::<Config>()
}

/// Draft 7, which every editor understands.
fn generator() -> SchemaGenerator {
    SchemaSettings::draft07()
        .with_transform(WithoutNull)
        .into_generator()
}

/// TOML has no null: an optional key is simply not required, so the `null` that
/// `Option` adds to a schema is taken out again.
#[derive(Debug, Clone)]
struct WithoutNull;

impl Transform for WithoutNull {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let Some(object) = schema.as_object_mut() else {
            return;
        };
        if let Some(Value::Array(types)) = object.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                object.insert("type".to_owned(), only);
            }
        }
        if let Some(Value::Array(branches)) = object.get("anyOf") {
            let kept: Vec<Value> = branches
                .iter()
                .filter(|b| b.get("type").is_none_or(|t| t != "null"))
                .cloned()
                .collect();
            if let [only] = kept.as_slice() {
                let only = only.clone();
                object.remove("anyOf");
                if let Value::Object(fields) = only {
                    object.extend(fields);
                }
            } else {
                object.insert("anyOf".to_owned(), Value::Array(kept));
            }
        }
    }
}

const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// An id: lowercase letters and digits in words joined by single hyphens.
pub(crate) struct Slug;

impl JsonSchema for Slug {
    fn schema_name() -> Cow<'static, str> {
        "Slug".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": SLUG,
            "description": "An id: lowercase letters and digits in words joined by single hyphens, such as `reading-lists`."
        })
    }
}

/// A TOML local date, such as `2017-03-14` (not quoted).
pub(crate) struct Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A TOML local date such as 2017-03-14, written without quotes."
        })
    }
}
