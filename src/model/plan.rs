//! One department's action plan for one year: `plans/<year>/<department>.toml`.

use std::ops::Range;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use super::config::{required_slug, required_string, strings};
use super::decode::{Decoder, Fields, Header, Value, keyword};
use super::parse_document;
use super::schema::{Date, Slug};
use super::spanned::{Span, Spanned};
use super::tree;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

keyword! {
    /// Where a plan is in the yearly cycle.
    pub enum PlanStatus {
        Draft = "draft" => "Draft",
        Sent = "sent" => "Sent",
        Met = "met" => "Met",
        Final = "final" => "Final",
    }
}

keyword! {
    pub enum ActionStatus {
        Proposed = "proposed" => "Proposed",
        Agreed = "agreed" => "Agreed",
        InProgress = "in-progress" => "In progress",
        Done = "done" => "Done",
        Dropped = "dropped" => "Dropped",
    }
}

keyword! {
    pub enum Priority {
        High = "high" => "High",
        Medium = "medium" => "Medium",
        Low = "low" => "Low",
    }
}

keyword! {
    /// The part a person from outside the library plays at the meeting; `other` has no
    /// label, so documents show the name alone.
    pub enum AttendeeRole {
        HeadOfDepartment = "head-of-department" => "Head of Department",
        DeputyHead = "deputy-head" => "Deputy Head of Department",
        ChairBoardOfStudies = "chair-board-of-studies" => "Chair of the Board of Studies",
        LibraryRep = "library-rep" => "Library Representative",
        Other = "other" => "",
    }
}

impl ActionStatus {
    /// Neither done nor dropped.
    pub fn is_active(self) -> bool {
        !matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }
}

impl AttendeeRole {
    /// Whether the role can speak for the department: its head, or someone standing in.
    pub fn leads_department(self) -> bool {
        matches!(
            self,
            AttendeeRole::HeadOfDepartment
                | AttendeeRole::DeputyHead
                | AttendeeRole::ChairBoardOfStudies
        )
    }
}

// The types below are the plan file's format. `Serialize` writes them as the file has them
// (for `aplan export` and the draft template) and `JsonSchema` describes them (for
// `aplan schema plan`): doc comments are the schema's descriptions, so notes for this code
// on a type are plain comments. What is not in the file (spans, the file's id) is skipped;
// keys a file may leave out are optional in the schema through `with = "Option<…>"`, which
// adds no `default` to it. The definitions keep the names the schema has always had
// (`ActionEntry`, `ContextTable`, …).

// A plan. Required values that are missing read as empty (or `draft` / `proposed`), with a
// `missing-key` diagnostic already reported, so every other check still runs.
/// One department's action plan for one year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "aplan plan", deny_unknown_fields)]
pub struct Plan {
    #[serde(skip)]
    pub file: FileId,
    /// The department's id: the file's name without `.toml`.
    #[schemars(with = "Slug")]
    pub department: Spanned<String>,
    /// The plan year: the folder's name.
    #[schemars(with = "i64")]
    pub year: Spanned<i64>,
    #[schemars(with = "PlanStatus")]
    pub status: Spanned<PlanStatus>,
    /// Staff id; defaults to the department's liaison.
    #[schemars(with = "Option<String>")]
    pub liaison: Option<Spanned<String>>,
    pub meeting: Option<Meeting>,
    #[schemars(with = "Option<Context>")]
    pub context: Context,
    #[schemars(with = "Option<Vec<Issue>>")]
    pub issues: Vec<Issue>,
    #[schemars(with = "Option<Vec<Action>>")]
    pub actions: Vec<Action>,
    // The keys of [meeting] written in the file whose value could not be read (a quoted
    // date, an attendee with an unknown role, keys whose `[meeting]` header is missing).
    // A check that would call them missing stays quiet: the finding on the value says it.
    #[serde(skip)]
    pub unreadable: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "MeetingTable", deny_unknown_fields)]
pub struct Meeting {
    /// The `[meeting]` table, for findings about the meeting as a whole.
    #[serde(skip)]
    pub span: Span,
    /// The meeting with the department.
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<NaiveDate>>,
    /// When the plan was sent to the department.
    #[schemars(with = "Option<Date>")]
    pub sent: Option<Spanned<NaiveDate>>,
    /// When the final plan was sent.
    #[schemars(with = "Option<Date>")]
    pub finalised: Option<Spanned<NaiveDate>>,
    #[schemars(with = "Option<Vec<Attendee>>")]
    pub attendees: Vec<Attendee>,
}

// Written `{ staff = "jsmith" }`, `{ contact = "dosei" }` or `{ name = "…", role = "…" }`,
// so none is tagged.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Attendee {
    /// Library staff, by id.
    Staff(StaffAttendee),
    /// Someone from the department, by their id in contacts/<department>.toml.
    Contact(ContactAttendee),
    /// Someone from the department, by name and role.
    Person(PersonAttendee),
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StaffAttendee {
    #[schemars(with = "String")]
    pub staff: Spanned<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ContactAttendee {
    #[schemars(with = "String")]
    pub contact: Spanned<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PersonAttendee {
    pub name: String,
    pub role: AttendeeRole,
}

// The library's investment in and use by the department.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[schemars(rename = "ContextTable", deny_unknown_fields)]
pub struct Context {
    /// The `[context]` table; `None` when the plan has none.
    #[serde(skip)]
    pub span: Option<Span>,
    /// Markdown: the department this year, changes, what the data says.
    pub summary: Option<String>,
    #[schemars(with = "Option<Vec<Investment>>")]
    pub investment: Vec<Investment>,
    #[schemars(with = "Option<Vec<Usage>>")]
    pub usage: Vec<Usage>,
    /// Comments from surveys, meetings, the department.
    #[schemars(with = "Option<Vec<Feedback>>")]
    pub feedback: Vec<Feedback>,
    /// LibQual+ scores, 1-9 per dimension.
    #[schemars(with = "Option<Vec<LibQual>>")]
    pub libqual: Vec<LibQual>,
    /// Where `investment`, `usage` and `libqual` are written as `[…]`, for `aplan import`
    /// to replace them without reading the file again.
    #[serde(skip)]
    pub written: Written,
}

/// The spans of the `[context]` arrays `aplan import` replaces, each when the plan writes
/// it as `key = […]` (not as `[[context.key]]` tables).
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub investment: Option<Span>,
    pub usage: Option<Span>,
    pub libqual: Option<Span>,
}

impl Context {
    /// Where the array `key` (`investment`, `usage` or `libqual`) is written as `[…]`.
    pub fn written(&self, key: &str) -> Option<Range<usize>> {
        match key {
            "investment" => self.written.investment,
            "usage" => self.written.usage,
            "libqual" => self.written.libqual,
            _ => None,
        }
        .map(Span::range)
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "InvestmentEntry", deny_unknown_fields)]
pub struct Investment {
    pub item: String,
    #[serde(serialize_with = "figure")]
    pub amount: f64,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "UsageEntry", deny_unknown_fields)]
pub struct Usage {
    pub measure: String,
    #[serde(serialize_with = "figure")]
    pub value: f64,
    #[serde(serialize_with = "optional_figure")]
    pub previous: Option<f64>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "FeedbackEntry", deny_unknown_fields)]
pub struct Feedback {
    pub source: Option<String>,
    pub text: String,
    #[serde(serialize_with = "optional_figure")]
    pub score: Option<f64>,
}

// One LibQual+ dimension, scored 1-9. Gaps are derived, never typed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "LibQualEntry", deny_unknown_fields)]
pub struct LibQual {
    pub dimension: String,
    #[schemars(with = "f64", range(min = 1, max = 9))]
    pub minimum: Spanned<f64>,
    #[schemars(with = "f64", range(min = 1, max = 9))]
    pub desired: Spanned<f64>,
    #[schemars(with = "f64", range(min = 1, max = 9))]
    pub perceived: Spanned<f64>,
    /// The survey the scores come from, as `LibQual+ 2016`: scores are carried into a new
    /// year's draft only as last year's, for comparison.
    pub survey: Option<String>,
}

impl LibQual {
    /// Perceived minus minimum: below zero, service is below what users will accept.
    pub fn adequacy_gap(&self) -> f64 {
        self.perceived.get_ref() - self.minimum.get_ref()
    }

    /// Perceived minus desired.
    pub fn superiority_gap(&self) -> f64 {
        self.perceived.get_ref() - self.desired.get_ref()
    }
}

// Something found or raised.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "IssueEntry", deny_unknown_fields)]
pub struct Issue {
    #[serde(skip)]
    pub span: Span,
    #[schemars(with = "Slug")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Markdown.
    pub detail: Option<String>,
    /// Theme ids from aplan.toml.
    #[schemars(with = "Option<Vec<String>>")]
    pub themes: Box<[Spanned<String>]>,
    pub source: Option<String>,
}

// Something agreed to do.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "ActionEntry", deny_unknown_fields)]
pub struct Action {
    #[serde(skip)]
    pub span: Span,
    /// Unique in the plan; referred to as `<department>/<year>/<id>`.
    #[schemars(with = "Slug")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Markdown.
    pub detail: Option<String>,
    /// Theme ids from aplan.toml.
    #[schemars(with = "Option<Vec<String>>")]
    pub themes: Box<[Spanned<String>]>,
    /// Issue ids in this plan.
    #[schemars(with = "Option<Vec<String>>")]
    pub addresses: Box<[Spanned<String>]>,
    /// Staff id.
    #[schemars(with = "String")]
    pub owner: Spanned<String>,
    /// Other staff taking part, by id.
    #[schemars(with = "Option<Vec<String>>")]
    pub with: Box<[Spanned<String>]>,
    /// The department's contact for it: a contact id from contacts/<department>.toml, or
    /// a name.
    #[schemars(with = "Option<String>")]
    pub contact: Option<Spanned<String>>,
    /// How we know it worked.
    pub measure: Option<String>,
    pub priority: Option<Priority>,
    #[schemars(with = "Option<bool>")]
    pub quick_win: bool,
    #[schemars(with = "Option<Date>")]
    pub due: Option<Spanned<NaiveDate>>,
    #[schemars(with = "ActionStatus")]
    pub status: Spanned<ActionStatus>,
    /// Derived from `status` and the updates when the action is read, and kept beside
    /// `status` so the export lists it there.
    #[schemars(skip)]
    current_status: ActionStatus,
    /// A shared initiative id from aplan.toml.
    #[schemars(with = "Option<String>")]
    pub initiative: Option<Spanned<String>>,
    /// The action this one continues, as `<department>/<year>/<id>`.
    #[schemars(
        with = "Option<String>",
        regex(pattern = "^[a-z0-9-]+/[0-9]{4}/[a-z0-9-]+$")
    )]
    pub carried_from: Option<Spanned<String>>,
    /// The running log of what happened.
    #[schemars(with = "Option<Vec<Update>>")]
    pub updates: Vec<Update>,
    // As the plan's: "updates" when an update's keys are written in the action itself, its
    // `[[actions.updates]]` header missing.
    #[serde(skip)]
    pub unreadable: Vec<&'static str>,
}

// An entry in an action's running log.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "UpdateEntry", deny_unknown_fields)]
pub struct Update {
    #[serde(skip)]
    pub span: Span,
    #[schemars(with = "Date")]
    pub date: Option<Spanned<NaiveDate>>,
    /// Staff id.
    #[schemars(with = "String")]
    pub by: Spanned<String>,
    /// A change of status, if any.
    #[schemars(with = "Option<ActionStatus>")]
    pub status: Option<Spanned<ActionStatus>>,
    pub note: String,
}

/// A figure as it was written: whole numbers as integers (`45000`, not `45000.0`).
fn figure<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

fn optional_figure<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => figure(v, serializer),
        None => serializer.serialize_none(),
    }
}

impl Action {
    /// The status of the latest update that has one, else the action's own.
    pub fn current_status(&self) -> ActionStatus {
        self.current_status
    }

    /// The latest update by date (file order breaks ties).
    pub fn latest_update(&self) -> Option<&Update> {
        self.latest_update_as_of(None)
    }

    /// The status as it stood on `date`: that of the latest update by then that has one,
    /// else the action's own. `None` is every update.
    pub fn status_as_of(&self, date: Option<NaiveDate>) -> ActionStatus {
        status_after_updates(
            *self.status.get_ref(),
            self.updates.iter().filter(|u| written_by(u, date)),
        )
    }

    /// The latest update by `date` (file order breaks ties); `None` is every update.
    pub fn latest_update_as_of(&self, date: Option<NaiveDate>) -> Option<&Update> {
        self.updates
            .iter()
            .enumerate()
            .filter(|(_, u)| written_by(u, date))
            .max_by_key(|(i, u)| (u.date.as_ref().map(|d| *d.get_ref()), *i))
            .map(|(_, u)| u)
    }
}

impl Plan {
    /// The staff id of the plan's liaison librarian: its own `liaison`, else its
    /// department's in aplan.toml.
    pub fn librarian<'a>(&'a self, config: &'a super::Config) -> Option<&'a str> {
        self.liaison
            .as_ref()
            .or_else(|| {
                config
                    .department(self.department.get_ref())
                    .map(|d| &d.liaison)
            })
            .map(|l| l.get_ref().as_str())
    }

    /// The plan's reference, as in `history/2017`.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.department.get_ref(), self.year.get_ref())
    }

    /// An action's global reference, as in `history/2017/year1-lists`.
    pub fn action_reference(&self, action: &Action) -> String {
        format!("{}/{}", self.reference(), action.id.get_ref())
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id.get_ref() == id)
    }

    /// Reads a plan file; `None` only when the text is not TOML at all.
    pub fn parse(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Plan> {
        let root = parse_document(file, text, diagnostics)?;
        let mut d = Decoder { file, diagnostics };
        let mut f = Fields::new("the plan", root.get_ref(), root.span());
        let start = root.span().start..root.span().start;
        // Keys of [meeting] above its header, or with no header at all, read as the plan's.
        let mut unreadable: Vec<&'static str> = MEETING
            .keys
            .iter()
            .copied()
            .filter(|key| root.get_ref().get(key).is_some())
            .collect();
        let plan = Plan {
            file,
            department: required_slug(&mut f, &mut d, "department"),
            year: f
                .required("year")
                .and_then(|v| d.integer("year", v))
                .unwrap_or_else(|| Spanned::new(start.clone(), 0)),
            status: f
                .required("status")
                .and_then(|v| d.keyword("status", v))
                .unwrap_or_else(|| Spanned::new(start, PlanStatus::Draft)),
            liaison: f.get("liaison").and_then(|v| d.string("liaison", v)),
            meeting: f
                .get("meeting")
                .and_then(|v| meeting(&mut d, v, &mut unreadable)),
            context: f
                .get("context")
                .and_then(|v| context(&mut d, v))
                .unwrap_or_default(),
            issues: f
                .get("issues")
                .map(|v| d.array("issues", v, issue))
                .unwrap_or_default(),
            actions: f
                .get("actions")
                .map(|v| d.array("actions", v, action))
                .unwrap_or_default(),
            unreadable,
        };
        f.finish_among(&mut d, &[MEETING, CONTEXT]);
        Some(plan)
    }
}

/// The tables whose keys are most often written with the header left out.
pub(crate) const MEETING: Header = Header {
    name: "[meeting]",
    keys: &["date", "sent", "finalised", "attendees"],
};
pub(crate) const CONTEXT: Header = Header {
    name: "[context]",
    keys: &["summary", "investment", "usage", "feedback", "libqual"],
};
pub(crate) const UPDATES: Header = Header {
    name: "[[actions.updates]]",
    keys: &["date", "by", "note"],
};

fn optional_string(
    f: &mut Fields<'_, '_>,
    d: &mut Decoder<'_>,
    key: &'static str,
) -> Option<String> {
    f.get(key)
        .and_then(|v| d.string(key, v))
        .map(Spanned::into_inner)
}

/// Reads [meeting], adding to `unreadable` each key whose value it could not read.
fn meeting(
    d: &mut Decoder<'_>,
    value: &Value<'_>,
    unreadable: &mut Vec<&'static str>,
) -> Option<Meeting> {
    let mut f = d.table("[meeting]", value)?;
    let mut date = |key: &'static str| {
        let written = f.get(key)?;
        let read = d.date(key, written);
        if read.is_none() {
            unreadable.push(key);
        }
        read
    };
    let (date, sent, finalised) = (date("date"), date("sent"), date("finalised"));
    let attendees = match f.get("attendees") {
        Some(v) => {
            let read = d.array("attendees", v, attendee);
            let written = v.get_ref().as_array().map_or(1, tree::Array::len);
            if read.len() < written {
                unreadable.push("attendees");
            }
            read
        }
        None => Vec::new(),
    };
    let meeting = Meeting {
        span: f.span().into(),
        date,
        sent,
        finalised,
        attendees,
    };
    f.finish_among(d, &[CONTEXT]);
    Some(meeting)
}

fn attendee(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Attendee> {
    const FORMS: &str = "write `{ staff = \"jsmith\" }`, `{ contact = \"dosei\" }` or `{ name = \"Prof. Ann Head\", role = \"head-of-department\" }`";
    let mut f = d.table("an attendee", value)?;
    let staff = f.get("staff").and_then(|v| d.string("staff", v));
    let contact = f.get("contact").and_then(|v| d.string("contact", v));
    let name = f.get("name").and_then(|v| d.string("name", v));
    let role = f.get("role");
    f.finish(d);
    match (staff, contact, name) {
        (Some(staff), None, None) if role.is_none() => {
            Some(Attendee::Staff(StaffAttendee { staff }))
        }
        (None, Some(contact), None) if role.is_none() => {
            Some(Attendee::Contact(ContactAttendee { contact }))
        }
        (None, None, Some(name)) => {
            let role = match role {
                Some(v) => d.keyword::<AttendeeRole>("role", v)?,
                None => {
                    d.report(
                        Code::MissingKey,
                        value.span(),
                        format!("attendee `{}` has no `role`, which is required", name.get_ref()),
                        Some("add `role = \"head-of-department\"` (or deputy-head, chair-board-of-studies, library-rep, other)".to_owned()),
                    );
                    return None;
                }
            };
            Some(Attendee::Person(PersonAttendee {
                name: name.into_inner(),
                role: role.into_inner(),
            }))
        }
        (None, None, None) => {
            d.report(
                Code::MissingKey,
                value.span(),
                "an attendee needs `staff`, `contact`, or `name` and `role`".to_owned(),
                Some(FORMS.to_owned()),
            );
            None
        }
        (staff, contact, name)
            if usize::from(staff.is_some())
                + usize::from(contact.is_some())
                + usize::from(name.is_some())
                > 1 =>
        {
            d.report(
                Code::InvalidValue,
                value.span(),
                "an attendee is one of library staff, a contact or a named person, not several"
                    .to_owned(),
                Some(FORMS.to_owned()),
            );
            None
        }
        _ => {
            d.report(
                Code::InvalidValue,
                value.span(),
                "a `role` goes with `name`: staff and contacts have theirs in aplan.toml and contacts/".to_owned(),
                Some(FORMS.to_owned()),
            );
            None
        }
    }
}

fn context(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Context> {
    let mut f = d.table("[context]", value)?;
    let span = f.span();
    let summary = optional_string(&mut f, d, "summary");
    let investment = f.get("investment");
    let usage = f.get("usage");
    let feedback = f.get("feedback");
    let libqual = f.get("libqual");
    let context = Context {
        span: Some(span.into()),
        summary,
        investment: investment
            .map(|v| d.array("investment", v, self::investment))
            .unwrap_or_default(),
        usage: usage
            .map(|v| d.array("usage", v, self::usage))
            .unwrap_or_default(),
        feedback: feedback
            .map(|v| d.array("feedback", v, self::feedback))
            .unwrap_or_default(),
        libqual: libqual
            .map(|v| d.array("libqual", v, self::libqual))
            .unwrap_or_default(),
        written: Written {
            investment: investment.and_then(written).map(Span::from),
            usage: usage.and_then(written).map(Span::from),
            libqual: libqual.and_then(written).map(Span::from),
        },
    };
    f.finish(d);
    Some(context)
}

/// The span of `value` when it is an array written as `[…]`.
fn written(value: &Value<'_>) -> Option<Range<usize>> {
    match value.get_ref() {
        tree::Value::Array(array) if !array.of_tables() => Some(value.span()),
        _ => None,
    }
}

fn investment(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Investment> {
    let mut f = d.table("an investment", value)?;
    let item = f.required("item").and_then(|v| d.string("item", v));
    let amount = f.required("amount").and_then(|v| d.number("amount", v));
    f.finish(d);
    Some(Investment {
        item: item?.into_inner(),
        amount: amount?.into_inner(),
    })
}

fn usage(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Usage> {
    let mut f = d.table("a usage figure", value)?;
    let measure = f.required("measure").and_then(|v| d.string("measure", v));
    let figure = f.required("value").and_then(|v| d.number("value", v));
    let previous = f.get("previous").and_then(|v| d.number("previous", v));
    let source = optional_string(&mut f, d, "source");
    f.finish(d);
    Some(Usage {
        measure: measure?.into_inner(),
        value: figure?.into_inner(),
        previous: previous.map(Spanned::into_inner),
        source,
    })
}

fn feedback(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Feedback> {
    let mut f = d.table("a feedback entry", value)?;
    let source = optional_string(&mut f, d, "source");
    let text = f.required("text").and_then(|v| d.string("text", v));
    let score = f.get("score").and_then(|v| d.number("score", v));
    f.finish(d);
    Some(Feedback {
        source,
        text: text?.into_inner(),
        score: score.map(Spanned::into_inner),
    })
}

fn libqual(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<LibQual> {
    let mut f = d.table("a LibQual+ dimension", value)?;
    let dimension = f
        .required("dimension")
        .and_then(|v| d.string("dimension", v));
    let mut score = |key| f.required(key).and_then(|v| d.number(key, v));
    let (minimum, desired, perceived) = (score("minimum"), score("desired"), score("perceived"));
    let survey = optional_string(&mut f, d, "survey");
    f.finish(d);
    Some(LibQual {
        dimension: dimension?.into_inner(),
        minimum: minimum?,
        desired: desired?,
        perceived: perceived?,
        survey,
    })
}

fn issue(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Issue> {
    let mut f = d.table("an issue", value)?;
    let issue = Issue {
        span: f.span().into(),
        id: required_slug(&mut f, d, "id"),
        title: required_string(&mut f, d, "title"),
        detail: optional_string(&mut f, d, "detail"),
        themes: strings(&mut f, d, "themes"),
        source: optional_string(&mut f, d, "source"),
    };
    f.finish(d);
    Some(issue)
}

fn action(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Action> {
    let mut f = d.table("an action", value)?;
    let table = value.get_ref().as_table();
    let headless = UPDATES
        .keys
        .iter()
        .any(|key| table.is_some_and(|t| t.get(key).is_some()));
    let start = f.span().start..f.span().start;
    let mut action = Action {
        span: f.span().into(),
        id: required_slug(&mut f, d, "id"),
        title: required_string(&mut f, d, "title"),
        detail: optional_string(&mut f, d, "detail"),
        themes: strings(&mut f, d, "themes"),
        addresses: strings(&mut f, d, "addresses"),
        owner: required_string(&mut f, d, "owner"),
        with: strings(&mut f, d, "with"),
        contact: f.get("contact").and_then(|v| d.string("contact", v)),
        measure: optional_string(&mut f, d, "measure"),
        priority: f
            .get("priority")
            .and_then(|v| d.keyword("priority", v))
            .map(Spanned::into_inner),
        quick_win: f
            .get("quick_win")
            .and_then(|v| d.boolean("quick_win", v))
            .unwrap_or(false),
        due: f.get("due").and_then(|v| d.date("due", v)),
        status: f
            .required("status")
            .and_then(|v| d.keyword("status", v))
            .unwrap_or_else(|| Spanned::new(start, ActionStatus::Proposed)),
        // Set below, once the updates are read.
        current_status: ActionStatus::Proposed,
        initiative: f.get("initiative").and_then(|v| d.string("initiative", v)),
        carried_from: f
            .get("carried_from")
            .and_then(|v| d.string("carried_from", v)),
        updates: f
            .get("updates")
            .map(|v| d.array("updates", v, update))
            .unwrap_or_default(),
        unreadable: if headless {
            vec!["updates"]
        } else {
            Vec::new()
        },
    };
    action.current_status = status_after_updates(*action.status.get_ref(), action.updates.iter());
    f.finish_among(d, &[UPDATES]);
    Some(action)
}

/// The status of the latest update that has one (file order breaks ties of date), else
/// `status`.
/// Whether an update was written by `date` (every update when `None`; an undated one,
/// which validation reports, counts as written).
fn written_by(update: &Update, date: Option<NaiveDate>) -> bool {
    match (date, &update.date) {
        (Some(date), Some(written)) => *written.get_ref() <= date,
        _ => true,
    }
}

fn status_after_updates<'u>(
    status: ActionStatus,
    updates: impl Iterator<Item = &'u Update>,
) -> ActionStatus {
    updates
        .enumerate()
        .filter_map(|(i, u)| {
            Some((
                (u.date.as_ref().map(|d| *d.get_ref()), i),
                u.status.as_ref()?,
            ))
        })
        .max_by_key(|(order, _)| *order)
        .map_or(status, |(_, status)| *status.get_ref())
}

fn update(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Update> {
    let mut f = d.table("an update", value)?;
    let update = Update {
        span: f.span().into(),
        date: f.required("date").and_then(|v| d.date("date", v)),
        by: required_string(&mut f, d, "by"),
        status: f.get("status").and_then(|v| d.keyword("status", v)),
        note: required_string(&mut f, d, "note").into_inner(),
    };
    f.finish(d);
    Some(update)
}
