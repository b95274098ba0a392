//! JSON Schemas of what each command's `--format json` writes, derived from the very types
//! the emitters serialize, so the schema and the output cannot drift apart. Objects are
//! closed (`additionalProperties: false`): a field the schema does not list is a change
//! to the shape, and the snapshot of the schemas shows it in review.

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::report::actions::ActionRow;
use crate::report::activity::Activity;
use crate::report::diff::Diff;
use crate::report::history::History;
use crate::report::review::ReviewReport;
use crate::report::themes::ThemesReport;
use crate::report::timeline::DepartmentTimeline;
use crate::report::workload::Workload;

/// The commands whose JSON output has a schema, by the name `aplan schema` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Validate,
    Themes,
    Workload,
    Actions,
    Timeline,
    Diff,
    Activity,
    History,
    Review,
}

/// The JSON Schema of `output`.
pub fn schema(output: Output) -> Schema {
    match output {
        Output::Validate => root::<super::json::Output<'static>>("aplan validate --format json"),
        Output::Themes => root::<ThemesReport>("aplan themes --format json"),
        Output::Workload => root::<Workload>("aplan workload --format json"),
        Output::Actions => root::<Vec<ActionRow>>("aplan actions --format json"),
        Output::Timeline => root::<Vec<DepartmentTimeline>>("aplan timeline --format json"),
        Output::Diff => root::<Diff>("aplan diff --format json"),
        Output::Activity => root::<Activity>("aplan activity --format json"),
        Output::History => root::<History>("aplan history --format json"),
        Output::Review => root::<ReviewReport>("aplan review --format json"),
    }
}

fn root<T: JsonSchema>(title: &str) -> Schema {
    let mut schema = generator().into_root_schema_for::<T>();
    schema.insert("title".to_owned(), Value::from(title));
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
