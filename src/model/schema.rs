//! JSON Schemas of `aplan.toml`, plan, contacts, interactions and review files, for editors
//! (Taplo, Even Better TOML) and other tools, derived from the model types ([`Plan`],
//! [`Config`], [`Contacts`], [`Interactions`], [`Review`]); here are only the
//! generator's settings and the schemas of ids and dates. A test below holds the schemas
//! to the decoders, and an external check validates the bundled files against them.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::{Config, Contacts, Interactions, Plan, Review};

/// The JSON Schema of a plan file.
pub fn plan_schema() -> Schema {
    generator().into_root_schema_for::<Plan>()
}

/// The JSON Schema of `aplan.toml`.
pub fn config_schema() -> Schema {
    generator().into_root_schema_for::<Config>()
}

/// The JSON Schema of `contacts/<department>.toml`.
pub fn contacts_schema() -> Schema {
    generator().into_root_schema_for::<Contacts>()
}

/// The JSON Schema of `interactions/<year>/<department>.toml`.
pub fn interactions_schema() -> Schema {
    generator().into_root_schema_for::<Interactions>()
}

/// The JSON Schema of `reviews/<year>.toml`.
pub fn review_schema() -> Schema {
    generator().into_root_schema_for::<Review>()
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::diagnostic::{Code, Diagnostic};
    use crate::model::decode::Keyword;
    use crate::model::{
        ActionStatus, AttendeeRole, ContactRole, ImprovementStatus, PlanStatus, Priority, StaffRole,
    };
    use crate::source::{FileId, Sources};

    /// A key no table has, nor anything near one, so the decoder's hint lists every key
    /// the table was read for.
    const UNKNOWN: &str = "zzzzzzzzzz";

    const PLAN: &str = "department = \"history\"\nyear = 2017\nstatus = \"draft\"\n";
    const LIBRARY: &str = "[library]\nname = \"L\"\n";
    const PEOPLE: &str = "[[staff]]\nid = \"a\"\nname = \"A\"\nrole = \"other\"\n\n[[departments]]\nid = \"d\"\nname = \"D\"\nliaison = \"a\"\n";

    fn file() -> FileId {
        Sources::default().add("plans/2017/history.toml".to_owned(), None)
    }

    /// The keys the decoder reads in the table that `text` gives an unknown key, from the
    /// hint "the keys of … are: `a`, `b`".
    fn decoded_keys(text: &str, parse: fn(FileId, &str, &mut Vec<Diagnostic>)) -> BTreeSet<String> {
        let mut diagnostics = Vec::new();
        parse(file(), text, &mut diagnostics);
        let unknown = diagnostics
            .iter()
            .find(|d| d.code == Code::UnknownKey && d.message.contains(UNKNOWN))
            .unwrap_or_else(|| panic!("no unknown key reported in\n{text}\n{diagnostics:#?}"));
        let hint = unknown.hint.as_deref().unwrap_or_default();
        let (_, list) = hint
            .split_once(" are: ")
            .unwrap_or_else(|| panic!("the hint lists no keys: {hint}"));
        list.split(", ")
            .map(|key| key.trim_matches('`').to_owned())
            .collect()
    }

    /// The object schemas `node` stands for, through references, `allOf`/`anyOf`, array
    /// items and the values of tables keyed by id.
    fn objects<'s>(schema: &'s Value, node: &'s Value) -> Vec<&'s Value> {
        if let Some(name) = node["$ref"].as_str() {
            let name = name.trim_start_matches("#/definitions/");
            return objects(schema, &schema["definitions"][name]);
        }
        for key in ["allOf", "anyOf"] {
            if let Some(branches) = node[key].as_array() {
                return branches.iter().flat_map(|b| objects(schema, b)).collect();
            }
        }
        if node["type"] == "array" {
            return objects(schema, &node["items"]);
        }
        if node["properties"].is_object() {
            return vec![node];
        }
        if node["additionalProperties"].is_object() {
            return objects(schema, &node["additionalProperties"]);
        }
        Vec::new()
    }

    /// The schema of the value at `path` (property names from the root).
    fn at<'s>(schema: &'s Value, path: &[&str]) -> Vec<&'s Value> {
        let mut nodes = vec![schema];
        for key in path {
            nodes = nodes
                .into_iter()
                .flat_map(|node| objects(schema, node))
                .filter_map(|object| object["properties"].get(*key))
                .collect();
            assert!(!nodes.is_empty(), "the schema has no `{}`", path.join("."));
        }
        nodes
    }

    fn schema_keys(schema: &Value, path: &[&str]) -> BTreeSet<String> {
        at(schema, path)
            .into_iter()
            .flat_map(|node| objects(schema, node))
            .flat_map(|object| object["properties"].as_object().unwrap().keys().cloned())
            .collect()
    }

    fn parse_plan(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        crate::model::Plan::parse(file, text, diagnostics);
    }

    fn parse_config(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        crate::model::Config::parse(file, text, diagnostics);
    }

    fn parse_contacts(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        crate::model::Contacts::parse(file, "history", text, diagnostics);
    }

    fn parse_interactions(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        crate::model::Interactions::parse(file, "history", Some(2017), text, diagnostics);
    }

    fn parse_review(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        crate::model::Review::parse(file, Some(2017), text, diagnostics);
    }

    /// Every table of both files: a field added to the model but not to its decoder (or
    /// read by the decoder but missing from the model) makes the two lists differ.
    #[test]
    fn every_table_in_the_schema_has_the_keys_its_decoder_reads() {
        let plan_tables: &[(&[&str], String)] = &[
            (&[], format!("{UNKNOWN} = 1\n{PLAN}")),
            (&["meeting"], format!("{PLAN}[meeting]\n{UNKNOWN} = 1\n")),
            (
                &["meeting", "attendees"],
                format!("{PLAN}[meeting]\nattendees = [{{ staff = \"a\", {UNKNOWN} = 1 }}]\n"),
            ),
            (
                &["meeting", "attendees"],
                format!("{PLAN}[meeting]\nattendees = [{{ contact = \"a\", {UNKNOWN} = 1 }}]\n"),
            ),
            (&["context"], format!("{PLAN}[context]\n{UNKNOWN} = 1\n")),
            (
                &["context", "investment"],
                format!("{PLAN}[context]\ninvestment = [{{ {UNKNOWN} = 1 }}]\n"),
            ),
            (
                &["context", "usage"],
                format!("{PLAN}[context]\nusage = [{{ {UNKNOWN} = 1 }}]\n"),
            ),
            (
                &["context", "feedback"],
                format!("{PLAN}[context]\nfeedback = [{{ {UNKNOWN} = 1 }}]\n"),
            ),
            (
                &["context", "libqual"],
                format!("{PLAN}[context]\nlibqual = [{{ {UNKNOWN} = 1 }}]\n"),
            ),
            (&["issues"], format!("{PLAN}[[issues]]\n{UNKNOWN} = 1\n")),
            (&["actions"], format!("{PLAN}[[actions]]\n{UNKNOWN} = 1\n")),
            (
                &["actions", "updates"],
                format!("{PLAN}[[actions]]\n[[actions.updates]]\n{UNKNOWN} = 1\n"),
            ),
        ];
        let config = format!("{LIBRARY}{PEOPLE}");
        let config_tables: &[(&[&str], String)] = &[
            (&[], format!("{UNKNOWN} = 1\n{config}")),
            (&["library"], format!("{LIBRARY}{UNKNOWN} = 1\n{PEOPLE}")),
            (&["process"], format!("{config}[process]\n{UNKNOWN} = 1\n")),
            (&["limits"], format!("{config}[limits]\n{UNKNOWN} = 1\n")),
            (&["staff"], format!("{config}[[staff]]\n{UNKNOWN} = 1\n")),
            (
                &["departments"],
                format!("{config}[[departments]]\n{UNKNOWN} = 1\n"),
            ),
            (&["themes"], format!("{config}[themes.t]\n{UNKNOWN} = 1\n")),
            (
                &["initiatives"],
                format!("{config}[initiatives.i]\n{UNKNOWN} = 1\n"),
            ),
            (&["crm"], format!("{config}[crm]\n{UNKNOWN} = 1\n")),
        ];
        let contacts_tables: &[(&[&str], String)] = &[
            (&[], format!("{UNKNOWN} = 1\n")),
            (&["contacts"], format!("[[contacts]]\n{UNKNOWN} = 1\n")),
        ];
        let interactions_tables: &[(&[&str], String)] = &[
            (&[], format!("{UNKNOWN} = 1\n")),
            (
                &["interactions"],
                format!("[[interactions]]\n{UNKNOWN} = 1\n"),
            ),
        ];
        let review_tables: &[(&[&str], String)] = &[
            (&[], format!("{UNKNOWN} = 1\n")),
            (&["feedback"], format!("[[feedback]]\n{UNKNOWN} = 1\n")),
            (
                &["improvements"],
                format!("[[improvements]]\n{UNKNOWN} = 1\n"),
            ),
        ];
        let plan = serde_json::to_value(plan_schema()).unwrap();
        let config = serde_json::to_value(config_schema()).unwrap();
        let contacts = serde_json::to_value(contacts_schema()).unwrap();
        let interactions = serde_json::to_value(interactions_schema()).unwrap();
        let review = serde_json::to_value(review_schema()).unwrap();
        for (schema, tables, parse) in [
            (
                &plan,
                plan_tables,
                parse_plan as fn(FileId, &str, &mut Vec<Diagnostic>),
            ),
            (&config, config_tables, parse_config),
            (&contacts, contacts_tables, parse_contacts),
            (&interactions, interactions_tables, parse_interactions),
            (&review, review_tables, parse_review),
        ] {
            for (path, text) in tables {
                assert_eq!(
                    schema_keys(schema, path),
                    decoded_keys(text, parse),
                    "the keys of `{}` in {}",
                    path.join("."),
                    schema["title"]
                );
            }
        }
    }

    /// The headers that "did you forget `[meeting]`?" names carry their tables' keys.
    #[test]
    fn each_header_a_hint_names_has_its_tables_keys() {
        use crate::model::plan::{CONTEXT, MEETING, UPDATES};
        let plan = serde_json::to_value(plan_schema()).unwrap();
        for (header, path) in [
            (MEETING, &["meeting"][..]),
            (CONTEXT, &["context"]),
            (UPDATES, &["actions", "updates"]),
        ] {
            let keys: BTreeSet<String> = header.keys.iter().map(|k| k.to_string()).collect();
            let mut in_schema = schema_keys(&plan, path);
            // An update's `status` is an action's key too, so it tells nothing.
            in_schema.remove("status");
            assert_eq!(keys, in_schema, "{}", header.name);
        }
    }

    fn words<K: Keyword>() -> Vec<String> {
        K::ALL.iter().map(|(word, _)| (*word).to_owned()).collect()
    }

    fn schema_words(schema: &Value, path: &[&str]) -> Vec<String> {
        let nodes = at(schema, path);
        let mut node = nodes[0];
        while let Some(name) = node["$ref"].as_str() {
            node = &schema["definitions"][name.trim_start_matches("#/definitions/")];
        }
        node["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("`{}` has no list of words", path.join(".")))
            .iter()
            .map(|word| word.as_str().unwrap().to_owned())
            .collect()
    }

    /// Each keyword field allows exactly its enum's words.
    #[test]
    fn every_keyword_list_in_the_schema_is_its_enums() {
        let plan = serde_json::to_value(plan_schema()).unwrap();
        let config = serde_json::to_value(config_schema()).unwrap();
        assert_eq!(schema_words(&plan, &["status"]), words::<PlanStatus>());
        assert_eq!(
            schema_words(&plan, &["actions", "status"]),
            words::<ActionStatus>()
        );
        assert_eq!(
            schema_words(&plan, &["actions", "updates", "status"]),
            words::<ActionStatus>()
        );
        assert_eq!(
            schema_words(&plan, &["actions", "priority"]),
            words::<Priority>()
        );
        assert_eq!(
            schema_words(&plan, &["meeting", "attendees", "role"]),
            words::<AttendeeRole>()
        );
        assert_eq!(
            schema_words(&config, &["staff", "role"]),
            words::<StaffRole>()
        );
        let contacts = serde_json::to_value(contacts_schema()).unwrap();
        assert_eq!(
            schema_words(&contacts, &["contacts", "role"]),
            words::<ContactRole>()
        );
        let review = serde_json::to_value(review_schema()).unwrap();
        assert_eq!(
            schema_words(&review, &["improvements", "status"]),
            words::<ImprovementStatus>()
        );
    }
}
