//! `aplan schema NAME` for the JSON outputs: every schema is a closed draft 7 schema, and
//! the snapshots make any change to a documented shape visible in review. An external
//! check (tests/external/output-schemas.sh) validates real output against them.

mod common;

use std::path::Path;

use common::aplan;

/// Each schema's name, and the command whose output it describes.
const OUTPUTS: [(&str, &str); 10] = [
    ("validate", "validate"),
    ("themes", "themes"),
    ("workload", "workload"),
    ("actions", "actions"),
    ("timeline", "timeline"),
    ("diff", "diff"),
    ("activity", "activity"),
    ("history", "history"),
    ("review-report", "review"),
    ("export", "export"),
];

fn schema(name: &str) -> serde_json::Value {
    let output = aplan(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["schema", name])
        .output()
        .unwrap();
    assert!(output.status.success(), "aplan schema {name} failed");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Every object that lists properties allows no others, so a new field cannot slip into
/// an output unnoticed.
fn assert_closed(name: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(object) => {
            if object.contains_key("properties") {
                assert_eq!(
                    object.get("additionalProperties"),
                    Some(&serde_json::Value::Bool(false)),
                    "{name}: an open object: {value}"
                );
            }
            object.values().for_each(|v| assert_closed(name, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| assert_closed(name, v)),
        _ => {}
    }
}

#[test]
fn every_json_output_has_a_closed_schema() {
    for (name, command) in OUTPUTS {
        let schema = schema(name);
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}"
        );
        assert_eq!(schema["title"], format!("aplan {command} --format json"));
        assert_closed(name, &schema);
        let pretty = serde_json::to_string_pretty(&schema).unwrap();
        insta::assert_snapshot!(format!("schema_{name}"), pretty);
    }
}
