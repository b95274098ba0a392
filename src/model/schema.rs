//! JSON Schemas of `aplan.toml` and plan files, for editors (Taplo, Even Better TOML) and
//! other tools. The types here only describe the files; reading them is `decode`'s job, and
//! a test checks the bundled files against these schemas.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

/// The JSON Schema of a plan file.
pub fn plan_schema() -> Schema {
    generator().into_root_schema_for::<PlanFile>()
}

/// The JSON Schema of `aplan.toml`.
pub fn config_schema() -> Schema {
    generator().into_root_schema_for::<ConfigFile>()
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
struct Slug;

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
struct Date;

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

/// The library's settings, staff, departments, themes and shared initiatives.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "aplan.toml")]
struct ConfigFile {
    library: LibraryTable,
    process: Option<ProcessTable>,
    limits: Option<LimitsTable>,
    /// Everyone plans refer to.
    staff: Vec<StaffEntry>,
    departments: Vec<DepartmentEntry>,
    /// Themes by id, such as `[themes.reading-lists]`.
    themes: Option<BTreeMap<String, ThemeEntry>>,
    /// Work shared by several departments, by id, such as `[initiatives.reading-list-review]`.
    initiatives: Option<BTreeMap<String, InitiativeEntry>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct LibraryTable {
    name: String,
    /// ISO 4217 code, used when printing amounts.
    #[schemars(regex(pattern = "^[A-Z]{3}$"))]
    currency: Option<String>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct ProcessTable {
    /// The plan reaches the department this many days before the meeting (7).
    send_days_before: Option<u32>,
    /// The final plan goes out within this many days after the meeting (7).
    finalise_within_days: Option<u32>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct LimitsTable {
    /// Active initiatives a person takes part in, per year (6).
    max_initiatives_per_librarian: Option<u32>,
    /// Departments a liaison librarian looks after (4).
    max_departments_per_librarian: Option<u32>,
    /// Active actions with any one department (8).
    max_actions_per_department: Option<u32>,
    /// A theme seen in this many departments is common (3).
    common_theme_departments: Option<u32>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum StaffRole {
    LiaisonLibrarian,
    LiaisonManager,
    HeadOfRelationshipManagement,
    Other,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct StaffEntry {
    #[schemars(with = "Slug")]
    id: String,
    name: String,
    role: StaffRole,
    email: Option<String>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct DepartmentEntry {
    #[schemars(with = "Slug")]
    id: String,
    name: String,
    /// For grouping in reports.
    faculty: Option<String>,
    /// The liaison librarian's staff id.
    liaison: String,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct ThemeEntry {
    title: String,
    /// Words that suggest this theme for untagged issues and actions.
    keywords: Option<Vec<String>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct InitiativeEntry {
    title: String,
    /// The staff id of the person who leads it.
    lead: Option<String>,
}

/// One department's action plan for one year.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "aplan plan")]
struct PlanFile {
    /// The department's id: the file's name without `.toml`.
    #[schemars(with = "Slug")]
    department: String,
    /// The plan year: the folder's name.
    year: i64,
    status: PlanStatus,
    /// Staff id; defaults to the department's liaison.
    liaison: Option<String>,
    meeting: Option<MeetingTable>,
    context: Option<ContextTable>,
    issues: Option<Vec<IssueEntry>>,
    actions: Option<Vec<ActionEntry>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum PlanStatus {
    Draft,
    Sent,
    Met,
    Final,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct MeetingTable {
    /// The meeting with the department.
    #[schemars(with = "Option<Date>")]
    date: Option<String>,
    /// When the plan was sent to the department.
    #[schemars(with = "Option<Date>")]
    sent: Option<String>,
    /// When the final plan was sent.
    #[schemars(with = "Option<Date>")]
    finalised: Option<String>,
    attendees: Option<Vec<Attendee>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
enum Attendee {
    /// Library staff, by id.
    Staff(StaffAttendee),
    /// Someone from the department.
    Person(PersonAttendee),
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct StaffAttendee {
    staff: String,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct PersonAttendee {
    name: String,
    role: AttendeeRole,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum AttendeeRole {
    HeadOfDepartment,
    DeputyHead,
    ChairBoardOfStudies,
    LibraryRep,
    Other,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct ContextTable {
    /// Markdown: the department this year, changes, what the data says.
    summary: Option<String>,
    investment: Option<Vec<InvestmentEntry>>,
    usage: Option<Vec<UsageEntry>>,
    /// Comments from surveys, meetings, the department.
    feedback: Option<Vec<FeedbackEntry>>,
    /// LibQual+ scores, 1-9 per dimension.
    libqual: Option<Vec<LibQualEntry>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct InvestmentEntry {
    item: String,
    amount: f64,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct UsageEntry {
    measure: String,
    value: f64,
    previous: Option<f64>,
    source: Option<String>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct FeedbackEntry {
    source: Option<String>,
    text: String,
    score: Option<f64>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct LibQualEntry {
    dimension: String,
    #[schemars(range(min = 1, max = 9))]
    minimum: f64,
    #[schemars(range(min = 1, max = 9))]
    desired: f64,
    #[schemars(range(min = 1, max = 9))]
    perceived: f64,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct IssueEntry {
    #[schemars(with = "Slug")]
    id: String,
    title: String,
    /// Markdown.
    detail: Option<String>,
    /// Theme ids from aplan.toml.
    themes: Option<Vec<String>>,
    source: Option<String>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct ActionEntry {
    /// Unique in the plan; referred to as `<department>/<year>/<id>`.
    #[schemars(with = "Slug")]
    id: String,
    title: String,
    /// Markdown.
    detail: Option<String>,
    /// Theme ids from aplan.toml.
    themes: Option<Vec<String>>,
    /// Issue ids in this plan.
    addresses: Option<Vec<String>>,
    /// Staff id.
    owner: String,
    /// Other staff taking part, by id.
    with: Option<Vec<String>>,
    /// The department's contact for it.
    contact: Option<String>,
    /// How we know it worked.
    measure: Option<String>,
    priority: Option<Priority>,
    quick_win: Option<bool>,
    #[schemars(with = "Option<Date>")]
    due: Option<String>,
    status: ActionStatus,
    /// A shared initiative id from aplan.toml.
    initiative: Option<String>,
    /// The action this one continues, as `<department>/<year>/<id>`.
    #[schemars(regex(pattern = "^[a-z0-9-]+/[0-9]{4}/[a-z0-9-]+$"))]
    carried_from: Option<String>,
    /// The running log of what happened.
    updates: Option<Vec<UpdateEntry>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum Priority {
    High,
    Medium,
    Low,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum ActionStatus {
    Proposed,
    Agreed,
    InProgress,
    Done,
    Dropped,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct UpdateEntry {
    #[schemars(with = "Date")]
    date: String,
    /// Staff id.
    by: String,
    /// A change of status, if any.
    status: Option<ActionStatus>,
    note: String,
}
