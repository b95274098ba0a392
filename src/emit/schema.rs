//! JSON Schemas of what each command's `--format json` writes, derived from the very types
//! the emitters serialize, so the schema and the output cannot drift apart. Objects are
//! closed (`additionalProperties: false`): a field the schema does not list is a change
//! to the shape, and the snapshot of the schemas shows it in review.

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::model::ActionStatus;
use crate::model::schema::Slug;
use crate::report::export::Export;

/// The JSON Schema of what `aplan COMMAND --format json` writes, from `T`, the type its
/// emitter serializes.
pub fn output<T: JsonSchema>(command: &str) -> Schema {
    let mut schema = generator().into_root_schema_for::<T>();
    let title = format!("aplan {command} --format json");
    schema.insert("title".to_owned(), Value::from(title));
    schema
}

/// The export holds the files' tables as the files have them, so its schema is theirs,
/// with what the export adds that no file holds: a theme's and an initiative's id (in
/// aplan.toml, the key of its table) and an action's current status. An id is any string:
/// the settings are exported as far as they could be read, a misspelt staff id included,
/// and `aplan validate` is what checks them. A date is a JSON string, not a TOML date.
pub fn export() -> Schema {
    let mut generator = generator();
    let id = generator.subschema_for::<Slug>();
    let status = generator.subschema_for::<ActionStatus>();
    let mut schema = generator.into_root_schema_for::<Export<'static>>();
    schema.insert(
        "title".to_owned(),
        Value::from("aplan export --format json"),
    );
    let definitions = schema
        .get_mut("definitions")
        .and_then(Value::as_object_mut)
        .expect("the export's schema has definitions");
    definitions.insert(
        "Slug".to_owned(),
        serde_json::json!({
            "type": "string",
            "description": "An id, as written in the file."
        }),
    );
    definitions.insert(
        "Date".to_owned(),
        serde_json::json!({
            "type": "string",
            "format": "date",
            "description": "A date, as 2017-03-14."
        }),
    );
    let mut add = |definition: &str, key: &str, description: &str, value: &Schema| {
        let entry = definitions
            .get_mut(definition)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("the export's schema defines {definition}"));
        let property = serde_json::json!({ "description": description, "allOf": [value] });
        if let Some(Value::Object(properties)) = entry.get_mut("properties") {
            properties.insert(key.to_owned(), property);
        }
        if let Value::Array(required) = entry
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            required.insert(0, Value::from(key));
        }
    };
    add("ThemeEntry", "id", "The theme's id.", &id);
    add("InitiativeEntry", "id", "The initiative's id.", &id);
    add(
        "ReferencedActionEntry",
        "current_status",
        "The status of the latest update that has one, else `status`.",
        &status,
    );
    schema
}

/// Draft 7, which check-jsonschema and editors understand.
fn generator() -> SchemaGenerator {
    SchemaSettings::draft07()
        .with_transform(Closed)
        .into_generator()
}

/// Every object with listed properties allows no others.
#[derive(Debug, Clone)]
struct Closed;

impl Transform for Closed {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        if let Some(object) = schema.as_object_mut()
            && object.contains_key("properties")
            && !object.contains_key("additionalProperties")
        {
            object.insert("additionalProperties".to_owned(), Value::Bool(false));
        }
    }
}
