//! Properties over generated plans: any valid plan, with any text in it, renders the same
//! every time and into HTML with no markup of its own; `update` on any valid plan, in any
//! layout, changes nothing but the entry it appends; and exporting a plan then reading the
//! export back gives the plan that was written.
//!
//! Plans are generated as a small model ([`GenPlan`]), written out as TOML text in one of
//! several layouts people use, and read by aplan exactly as files are.

mod common;
#[path = "common/html.rs"]
mod html;

use std::path::Path;

use aplan::diagnostic::Severity;
use aplan::edit::append_interaction::{NewInteraction, append_interaction};
use aplan::edit::append_update::{NewUpdate, append_update};
use aplan::model::{ActionStatus, Interactions};
use aplan::render::templates::TemplateSet;
use aplan::render::{Format, Renderer};
use aplan::repo::Repository;
use aplan::report::{document, export};
use aplan::source::Sources;
use aplan::workspace::Workspace;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------
// The model of a generated plan, in the shape of both the plan file and the export.

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenPlan {
    status: String,
    meeting: Option<GenMeeting>,
    context: GenContext,
    issues: Vec<GenIssue>,
    actions: Vec<GenAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenMeeting {
    date: Option<NaiveDate>,
    sent: Option<NaiveDate>,
    finalised: Option<NaiveDate>,
    attendees: Vec<GenAttendee>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum GenAttendee {
    Staff { staff: String },
    Person { name: String, role: String },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct GenContext {
    summary: Option<String>,
    investment: Vec<GenInvestment>,
    feedback: Vec<GenFeedback>,
    libqual: Vec<GenLibQual>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenInvestment {
    item: String,
    amount: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenFeedback {
    source: Option<String>,
    text: String,
    score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenLibQual {
    dimension: String,
    minimum: f64,
    desired: f64,
    perceived: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenIssue {
    id: String,
    title: String,
    detail: Option<String>,
    themes: Vec<String>,
    source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenAction {
    id: String,
    title: String,
    detail: Option<String>,
    themes: Vec<String>,
    addresses: Vec<String>,
    owner: String,
    with: Vec<String>,
    contact: Option<String>,
    measure: Option<String>,
    priority: Option<String>,
    quick_win: bool,
    due: Option<NaiveDate>,
    status: String,
    initiative: Option<String>,
    updates: Vec<GenUpdate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GenUpdate {
    date: Option<NaiveDate>,
    by: String,
    status: Option<String>,
    note: String,
}

// ---------------------------------------------------------------------------------------
// Strategies: ids and references the base repository's aplan.toml defines, and any text.

const STAFF: &[&str] = &["jsmith", "bjones", "mblake"];
const THEMES: &[&str] = &["reading-lists", "open-access"];
const ACTION_STATUSES: &[&str] = &["proposed", "agreed", "in-progress", "done", "dropped"];

/// Pieces of text that would be markup, code, template syntax or trickery if passed on.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "' onmouseover='alert(1)",
    "[click](javascript:alert(1))",
    "[a]: javascript:alert(1)\n\n[a]",
    "<a href=\"javascript:x\">y</a>",
    "<https://example.org/x>",
    "![chart](https://example.org/c.png)",
    "javascript&#58;alert(1)",
    "&lt;script&gt;",
    "&amp; &#x3C;",
    "<!-- hidden -->",
    "<style>*{display:none}</style>",
    "{{ 7 * 7 }}",
    "{% include \"../aplan.toml\" %}",
    "{# comment #}",
    "---\ntitle: injected\n---",
    "# Heading\n\n- item\n1. item\n\n| a | b |\n|---|---|\n| c | d |",
    "```html\n<script>x</script>\n```",
    "`code` *em* __strong__ ~~del~~",
    "line one\nline two\r\n\ttabbed",
    "Siân Llŷr, ysgol Gymraeg",
    "历史系 开放获取",
    "📚🎓 emoji",
    "cafe\u{301} n\u{303}",
    "\u{202e}reversed\u{202c}",
    "\u{0}\u{7}\u{1b}[31m\u{7f}",
    "\\ \" ''' \"\"\"",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[ -~]{0,24}",
        2 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => any::<String>().prop_map(|s| s.chars().take(16).collect()),
    ];
    proptest::collection::vec(piece, 0..4).prop_map(|pieces| pieces.concat())
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn date_in_2017() -> impl Strategy<Value = NaiveDate> {
    (0u64..365).prop_map(|day| NaiveDate::from_ymd_opt(2017, 1, 1).unwrap() + Days::new(day))
}

fn one_of(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(words).prop_map(str::to_owned)
}

fn some_of(words: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence(words, 0..=words.len())
        .prop_map(|w| w.into_iter().map(str::to_owned).collect())
}

/// A number as a person types it: whole, or with up to two decimals.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0i64..10_000_000).prop_map(|n| n as f64),
        (0i64..1_000_000).prop_map(|n| n as f64 / 100.0),
    ]
}

/// A LibQual+ score: 1.0 to 9.0 in tenths.
fn score() -> impl Strategy<Value = f64> {
    (10i64..=90).prop_map(|n| n as f64 / 10.0)
}

fn attendee() -> impl Strategy<Value = GenAttendee> {
    prop_oneof![
        one_of(STAFF).prop_map(|staff| GenAttendee::Staff { staff }),
        (
            text(),
            one_of(&[
                "head-of-department",
                "deputy-head",
                "chair-board-of-studies",
                "library-rep",
                "other"
            ])
        )
            .prop_map(|(name, role)| GenAttendee::Person { name, role }),
    ]
}

fn update() -> impl Strategy<Value = GenUpdate> {
    (
        date_in_2017(),
        one_of(STAFF),
        proptest::option::of(one_of(ACTION_STATUSES)),
        text(),
    )
        .prop_map(|(date, by, status, note)| GenUpdate {
            date: Some(date),
            by,
            status,
            note,
        })
}

fn action(issue_ids: Vec<String>) -> impl Strategy<Value = GenAction> {
    let addresses = proptest::sample::subsequence(issue_ids.clone(), 0..=issue_ids.len());
    (
        (text(), optional_text(), some_of(THEMES), addresses),
        (
            one_of(STAFF),
            some_of(STAFF),
            optional_text(),
            optional_text(),
        ),
        (
            proptest::option::of(one_of(&["high", "medium", "low"])),
            any::<bool>(),
            proptest::option::of(date_in_2017()),
            one_of(ACTION_STATUSES),
            proptest::option::of(Just("reading-list-review".to_owned())),
        ),
        proptest::collection::vec(update(), 0..3),
    )
        .prop_map(
            |(
                (title, detail, themes, addresses),
                (owner, with, contact, measure),
                (priority, quick_win, due, status, initiative),
                updates,
            )| GenAction {
                id: String::new(),
                title,
                detail,
                themes,
                addresses,
                owner,
                with,
                contact,
                measure,
                priority,
                quick_win,
                due,
                status,
                initiative,
                updates,
            },
        )
}

/// A plan that validates without errors: statuses come with the dates they need, in order.
fn plan() -> impl Strategy<Value = GenPlan> {
    let meeting = (
        date_in_2017(),
        0u64..20,
        0u64..20,
        proptest::collection::vec(attendee(), 0..4),
    );
    let context = (
        optional_text(),
        proptest::collection::vec((text(), amount()), 0..3),
        proptest::collection::vec(
            (optional_text(), text(), proptest::option::of(amount())),
            0..3,
        ),
        proptest::collection::vec((text(), score(), score(), score()), 0..3),
    )
        .prop_map(|(summary, investment, feedback, libqual)| GenContext {
            summary,
            investment: investment
                .into_iter()
                .map(|(item, amount)| GenInvestment { item, amount })
                .collect(),
            feedback: feedback
                .into_iter()
                .map(|(source, text, score)| GenFeedback {
                    source,
                    text,
                    score,
                })
                .collect(),
            libqual: libqual
                .into_iter()
                .map(|(dimension, minimum, desired, perceived)| GenLibQual {
                    dimension,
                    minimum,
                    desired,
                    perceived,
                })
                .collect(),
        });
    let issues = proptest::collection::vec(
        (text(), optional_text(), some_of(THEMES), optional_text()),
        0..3,
    )
    .prop_map(|issues| {
        issues
            .into_iter()
            .enumerate()
            .map(|(i, (title, detail, themes, source))| GenIssue {
                id: format!("issue-{i}"),
                title,
                detail,
                themes,
                source,
            })
            .collect::<Vec<_>>()
    });
    (
        one_of(&["draft", "sent", "met", "final"]),
        proptest::option::of(meeting),
        context,
        issues,
    )
        .prop_flat_map(|(status, meeting, context, issues)| {
            let ids: Vec<String> = issues.iter().map(|i| i.id.clone()).collect();
            let actions = proptest::collection::vec(action(ids), 1..4);
            (
                Just(status),
                Just(meeting),
                Just(context),
                Just(issues),
                actions,
            )
        })
        .prop_map(|(status, meeting, context, issues, mut actions)| {
            for (i, action) in actions.iter_mut().enumerate() {
                action.id = format!("action-{i}");
            }
            let meeting = match (status.as_str(), meeting) {
                ("draft", None) => None,
                (_, meeting) => {
                    let (date, before, after, attendees) = meeting.unwrap_or((
                        NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
                        7,
                        7,
                        Vec::new(),
                    ));
                    Some(GenMeeting {
                        date: Some(date),
                        sent: Some(date - Days::new(before)),
                        finalised: Some(date + Days::new(after)),
                        attendees,
                    })
                }
            };
            GenPlan {
                status,
                meeting,
                context,
                issues,
                actions,
            }
        })
}

// ---------------------------------------------------------------------------------------
// Writing a generated plan as TOML, in the layouts people and editors leave.

#[derive(Debug, Clone, Copy)]
struct Layout {
    crlf: bool,
    bom: bool,
    comments: bool,
    inline_updates: bool,
    spacing: &'static str,
    final_newline: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::sample::select(&[" = ", "=", "  =  ", " =\t"][..]),
        any::<bool>(),
    )
        .prop_map(
            |(crlf, bom, comments, inline_updates, spacing, final_newline)| Layout {
                crlf,
                bom,
                comments,
                inline_updates,
                spacing,
                final_newline,
            },
        )
}

const PLAIN: Layout = Layout {
    crlf: false,
    bom: false,
    comments: false,
    inline_updates: false,
    spacing: " = ",
    final_newline: true,
};

/// A TOML basic string: quotes, backslashes and every control character escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Collects `key = value` lines, leaving out absent values.
struct Lines<'l> {
    out: String,
    layout: &'l Layout,
}

impl Lines<'_> {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn comment(&mut self, text: &str) {
        if self.layout.comments {
            self.line(&format!("# {text}"));
        }
    }

    fn key(&mut self, key: &str, value: String) {
        let trailing = if self.layout.comments {
            "  # set by hand"
        } else {
            ""
        };
        let line = format!("{key}{}{value}{trailing}", self.layout.spacing);
        self.line(&line);
    }

    fn text(&mut self, key: &str, value: &Option<String>) {
        if let Some(value) = value {
            self.key(key, quoted(value));
        }
    }

    fn list(&mut self, key: &str, value: &[String]) {
        if !value.is_empty() {
            self.key(key, list(value));
        }
    }
}

fn inline_update(u: &GenUpdate) -> String {
    let mut fields = vec![
        format!("date = {}", u.date.unwrap()),
        format!("by = {}", quoted(&u.by)),
    ];
    if let Some(status) = &u.status {
        fields.push(format!("status = {}", quoted(status)));
    }
    fields.push(format!("note = {}", quoted(&u.note)));
    format!("{{ {} }}", fields.join(", "))
}

fn to_toml(plan: &GenPlan, layout: &Layout) -> String {
    let mut w = Lines {
        out: String::new(),
        layout,
    };
    w.comment("History's plan for 2017");
    w.key("department", quoted("history"));
    w.key("year", "2017".to_owned());
    w.key("status", quoted(&plan.status));
    if let Some(m) = &plan.meeting {
        w.line("");
        w.line("[meeting]");
        for (key, date) in [
            ("date", m.date),
            ("sent", m.sent),
            ("finalised", m.finalised),
        ] {
            if let Some(date) = date {
                w.key(key, date.to_string());
            }
        }
        if !m.attendees.is_empty() {
            let people: Vec<String> = m
                .attendees
                .iter()
                .map(|a| match a {
                    GenAttendee::Staff { staff } => format!("  {{ staff = {} }},", quoted(staff)),
                    GenAttendee::Person { name, role } => {
                        format!("  {{ name = {}, role = {} }},", quoted(name), quoted(role))
                    }
                })
                .collect();
            w.key("attendees", format!("[\n{}\n]", people.join("\n")));
        }
    }
    let c = &plan.context;
    if c.summary.is_some()
        || !c.investment.is_empty()
        || !c.feedback.is_empty()
        || !c.libqual.is_empty()
    {
        w.line("");
        w.comment("what the data says");
        w.line("[context]");
        w.text("summary", &c.summary);
        let rows = |items: Vec<String>| format!("[\n{}\n]", items.join("\n"));
        if !c.investment.is_empty() {
            let items = c
                .investment
                .iter()
                .map(|i| {
                    format!(
                        "  {{ item = {}, amount = {} }},",
                        quoted(&i.item),
                        number(i.amount)
                    )
                })
                .collect();
            w.key("investment", rows(items));
        }
        if !c.feedback.is_empty() {
            let items = c
                .feedback
                .iter()
                .map(|f| {
                    let mut fields = Vec::new();
                    if let Some(source) = &f.source {
                        fields.push(format!("source = {}", quoted(source)));
                    }
                    fields.push(format!("text = {}", quoted(&f.text)));
                    if let Some(score) = f.score {
                        fields.push(format!("score = {}", number(score)));
                    }
                    format!("  {{ {} }},", fields.join(", "))
                })
                .collect();
            w.key("feedback", rows(items));
        }
        if !c.libqual.is_empty() {
            let items = c
                .libqual
                .iter()
                .map(|l| {
                    format!(
                        "  {{ dimension = {}, minimum = {}, desired = {}, perceived = {} }},",
                        quoted(&l.dimension),
                        number(l.minimum),
                        number(l.desired),
                        number(l.perceived)
                    )
                })
                .collect();
            w.key("libqual", rows(items));
        }
    }
    for issue in &plan.issues {
        w.line("");
        w.line("[[issues]]");
        w.key("id", quoted(&issue.id));
        w.key("title", quoted(&issue.title));
        w.text("detail", &issue.detail);
        w.list("themes", &issue.themes);
        w.text("source", &issue.source);
    }
    for action in &plan.actions {
        w.line("");
        w.comment("an action");
        w.line("[[actions]]");
        w.key("id", quoted(&action.id));
        w.key("title", quoted(&action.title));
        w.text("detail", &action.detail);
        w.list("themes", &action.themes);
        w.list("addresses", &action.addresses);
        w.key("owner", quoted(&action.owner));
        w.list("with", &action.with);
        w.text("contact", &action.contact);
        w.text("measure", &action.measure);
        w.text("priority", &action.priority);
        if action.quick_win {
            w.key("quick_win", "true".to_owned());
        }
        if let Some(due) = action.due {
            w.key("due", due.to_string());
        }
        w.key("status", quoted(&action.status));
        w.text("initiative", &action.initiative);
        if layout.inline_updates && !action.updates.is_empty() {
            let items: Vec<String> = action
                .updates
                .iter()
                .map(|u| format!("  {},", inline_update(u)))
                .collect();
            w.key("updates", format!("[\n{}\n]", items.join("\n")));
            continue;
        }
        for u in &action.updates {
            w.line("");
            w.comment("progress");
            w.line("[[actions.updates]]");
            w.key("date", u.date.unwrap().to_string());
            w.key("by", quoted(&u.by));
            w.text("status", &u.status);
            w.key("note", quoted(&u.note));
        }
    }
    let mut text = w.out;
    if !layout.final_newline {
        text.truncate(text.trim_end_matches('\n').len());
    }
    if layout.crlf {
        text = text.replace('\n', "\r\n");
    }
    if layout.bom {
        text.insert(0, '\u{feff}');
    }
    text
}

// ---------------------------------------------------------------------------------------
// Reading a generated plan back, as the commands do.

const PLAN_PATH: &str = "plans/2017/history.toml";

fn base(rel: &str) -> String {
    std::fs::read_to_string(common::fixtures().join("base").join(rel)).unwrap()
}

/// The base repository with the generated plan as history's 2017 plan, validated.
fn workspace(text: &str) -> Workspace {
    let plans = vec![
        (
            "plans/2016/history.toml".to_owned(),
            base("plans/2016/history.toml"),
        ),
        (
            "plans/2017/chemistry.toml".to_owned(),
            base("plans/2017/chemistry.toml"),
        ),
        (PLAN_PATH.to_owned(), text.to_owned()),
    ];
    let repo = Repository::from_texts(Path::new("/plans"), &base("aplan.toml"), &plans);
    Workspace::new(repo).unwrap()
}

/// Fails unless the generated plan validates without errors.
fn assert_valid(workspace: &Workspace) {
    let errors: Vec<String> = workspace
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "the generated plan has errors: {errors:#?}"
    );
}

/// The plan as `aplan export --format json` gives it, read back into the model.
fn exported(workspace: &Workspace) -> GenPlan {
    let report = export::build(workspace);
    let json = serde_json::to_value(&report).unwrap();
    let plan = json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == PLAN_PATH)
        .expect("the generated plan is exported");
    serde_json::from_value(plan.clone()).unwrap()
}

fn renderer() -> &'static Renderer {
    static RENDERER: std::sync::OnceLock<Renderer> = std::sync::OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(TemplateSet::new(Vec::new())).unwrap())
}

fn rendered(workspace: &Workspace, format: Format) -> String {
    let plan = workspace
        .plans()
        .into_iter()
        .find(|p| workspace.path(p) == PLAN_PATH)
        .expect("the generated plan is valid");
    let as_of = document::as_of(plan, None, "2017-04-01".parse().unwrap());
    renderer()
        .plan(&document::build(workspace, plan, as_of), format)
        .unwrap()
}

/// The "At a glance" trend lines are the templates' own SVG: a plan whose usage goes back
/// a year draws one, and its HTML passes the same check as any generated plan's.
#[test]
fn a_plan_with_a_trend_line_holds_only_the_templates_markup() {
    let workspace = workspace(&base(PLAN_PATH));
    assert_valid(&workspace);
    let html = rendered(&workspace, Format::Html);
    assert!(html.contains("<polyline"), "no trend line:\n{html}");
    let problems = html::problems(&html);
    assert!(problems.is_empty(), "{problems:?}\n{html}");
}

// ---------------------------------------------------------------------------------------
// The properties.

// 256 cases each, or PROPTEST_CASES.
proptest! {
    /// Any valid plan renders byte for byte the same twice, and its HTML holds only the
    /// templates' and safe Markdown's markup: nothing in the plan's text becomes a tag or
    /// an attribute.
    #[test]
    fn any_valid_plan_renders_deterministically_and_safely(plan in plan()) {
        let text = to_toml(&plan, &PLAIN);
        let first = workspace(&text);
        assert_valid(&first);
        let html = rendered(&first, Format::Html);
        let problems = html::problems(&html);
        prop_assert!(problems.is_empty(), "{problems:?}\n{text}");
        let second = workspace(&text);
        prop_assert_eq!(&rendered(&second, Format::Html), &html);
        prop_assert_eq!(rendered(&first, Format::Markdown), rendered(&second, Format::Markdown));
    }

    /// Exporting a plan and reading the export gives back the plan that was written, in
    /// JSON and in YAML.
    #[test]
    fn export_then_reading_back_gives_the_same_plan(plan in plan(), layout in layout()) {
        let text = to_toml(&plan, &layout);
        let workspace = workspace(&text);
        assert_valid(&workspace);
        prop_assert_eq!(&exported(&workspace), &plan);
        let report = export::build(&workspace);
        let yaml = serde_saphyr::to_string(&report).unwrap();
        let read: YamlExport = serde_saphyr::from_str(&yaml).unwrap();
        let from_yaml = read.plans.into_iter().find(|p| p.path == PLAN_PATH).unwrap();
        prop_assert_eq!(&from_yaml.plan, &plan);
    }

    /// `update` on any valid plan, in any layout, inserts the new entry and changes no
    /// other byte; the plan then reads as before with one more update on that action.
    #[test]
    fn update_changes_nothing_but_the_appended_entry(
        plan in plan(),
        layout in layout(),
        which in any::<proptest::sample::Index>(),
        entry in update(),
    ) {
        let text = to_toml(&plan, &layout);
        assert_valid(&workspace(&text));
        let index = which.index(plan.actions.len());
        let new = NewUpdate {
            date: entry.date.unwrap(),
            by: entry.by.clone(),
            status: entry.status.as_deref().map(|s| match s {
                "proposed" => ActionStatus::Proposed,
                "agreed" => ActionStatus::Agreed,
                "in-progress" => ActionStatus::InProgress,
                "done" => ActionStatus::Done,
                _ => ActionStatus::Dropped,
            }),
            note: entry.note.clone(),
        };
        let edited = append_update(&text, &plan.actions[index].id, &new)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let prefix = text.bytes().zip(edited.bytes()).take_while(|(a, b)| a == b).count();
        let suffix = text[prefix..]
            .bytes()
            .rev()
            .zip(edited[prefix..].bytes().rev())
            .take_while(|(a, b)| a == b)
            .count();
        prop_assert!(edited.len() > text.len());
        prop_assert_eq!(prefix + suffix, text.len(), "more than an insertion:\n{}\n{}", text, edited);
        let after = workspace(&edited);
        assert_valid(&after);
        let mut expected = plan.clone();
        expected.actions[index].updates.push(entry);
        prop_assert_eq!(exported(&after), expected);
    }

    /// `log` with any text, in a file with either line ending, keeps the bytes the file
    /// had and adds entries that read back as they were given, in order.
    #[test]
    fn logged_interactions_read_back_as_written(
        entries in proptest::collection::vec((text(), optional_text(), any::<bool>()), 1..4),
        crlf in any::<bool>(),
    ) {
        let ending = if crlf { "\r\n" } else { "\n" };
        let mut file = format!("# Logged by the property tests{ending}");
        let mut logged = Vec::new();
        for (summary, detail, private) in &entries {
            let new = NewInteraction {
                date: NaiveDate::from_ymd_opt(2017, 2, 14).unwrap(),
                kind: "email".to_owned(),
                by: vec!["jsmith".to_owned()],
                with: Vec::new(),
                summary: summary.clone(),
                detail: detail.clone(),
                actions: Vec::new(),
                themes: Vec::new(),
                follow_up: None,
                private: *private,
            };
            let edited = append_interaction(&file, &new)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{file}")))?;
            prop_assert!(edited.starts_with(&file), "more than an addition:\n{}\n{}", file, edited);
            prop_assert!(!crlf || !edited.replace("\r\n", "").contains('\n'), "a bare line feed:\n{:?}", edited);
            file = edited;
            logged.push(new);
        }
        let mut diagnostics = Vec::new();
        let id = Sources::default().add("interactions/2017/history.toml".to_owned(), None);
        let read = Interactions::parse(id, "history", Some(2017), &file, &mut diagnostics).unwrap();
        prop_assert!(diagnostics.is_empty(), "{:?}\n{}", diagnostics, file);
        let back: Vec<(String, Option<String>, bool)> = read
            .interactions
            .iter()
            .map(|i| (i.summary.get_ref().clone(), i.detail.clone(), i.private))
            .collect();
        let given: Vec<(String, Option<String>, bool)> = logged
            .iter()
            .map(|l| (l.summary.clone(), l.detail.clone(), l.private))
            .collect();
        prop_assert_eq!(back, given);
    }
}

/// The parts of `aplan export --format yaml` these tests read back.
#[derive(Debug, Deserialize)]
struct YamlExport {
    plans: Vec<YamlPlan>,
}

#[derive(Debug, Deserialize)]
struct YamlPlan {
    path: String,
    #[serde(flatten)]
    plan: GenPlan,
}

/// The generator's own guarantee, checked once on a fixed plan: the layouts it writes are
/// ones aplan reads as the same plan.
#[test]
fn every_layout_reads_as_the_same_plan() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let plan = plan().new_tree(&mut runner).unwrap().current();
    let layouts = [
        PLAIN,
        Layout {
            crlf: true,
            bom: true,
            comments: true,
            inline_updates: true,
            spacing: "=",
            final_newline: false,
        },
    ];
    for layout in layouts {
        let workspace = workspace(&to_toml(&plan, &layout));
        assert_valid(&workspace);
        assert_eq!(exported(&workspace), plan, "{layout:?}");
    }
}
