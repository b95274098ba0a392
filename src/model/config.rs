//! `aplan.toml`: the library, its process and limits, staff, departments, themes and
//! shared initiatives.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Serialize;

use super::decode::{Decoder, Fields, Value, keyword};
use super::interactions::DEFAULT_KINDS;
use super::parse_document;
use super::schema::Slug;
use super::spanned::Spanned;
use super::year::YearStart;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

keyword! {
    /// What a member of staff does in the liaison team.
    pub enum StaffRole {
        LiaisonLibrarian = "liaison-librarian" => "Liaison Librarian",
        LiaisonManager = "liaison-manager" => "Liaison Manager",
        HeadOfRelationshipManagement = "head-of-relationship-management"
            => "Head of Relationship Management",
        Other = "other" => "Library staff",
    }
}

// The types below are the format of `aplan.toml`, as the plan's types are of a plan file
// (see there): `JsonSchema` describes the file, and the tables `Serialize` for the export.
// `Config` itself does not: the export lists themes and initiatives with their ids, where
// the file keys its tables by them.

/// The library's settings, staff, departments, themes and shared initiatives.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(title = "aplan.toml", deny_unknown_fields)]
pub struct Config {
    #[serde(skip)]
    pub file: FileId,
    pub library: Library,
    #[schemars(with = "Option<Process>")]
    pub process: Process,
    #[schemars(with = "Option<Limits>")]
    pub limits: Limits,
    #[schemars(with = "Option<Crm>")]
    pub crm: Crm,
    /// Everyone plans refer to.
    pub staff: Vec<Staff>,
    pub departments: Vec<Department>,
    // Sorted by id.
    /// Themes by id, such as `[themes.reading-lists]`.
    #[schemars(with = "Option<BTreeMap<String, Theme>>")]
    pub themes: Vec<Theme>,
    // Sorted by id.
    /// Work shared by several departments, by id, such as `[initiatives.reading-list-review]`.
    #[schemars(with = "Option<BTreeMap<String, Initiative>>")]
    pub initiatives: Vec<Initiative>,
    /// Where each id is in the lists above, for looking one up among thousands.
    #[serde(skip)]
    index: Index,
}

/// Positions by id in [`Config`]'s lists; the first of two entries with one id wins, as
/// the second is reported as a duplicate.
#[derive(Debug, Clone, Default)]
struct Index {
    staff: FxHashMap<String, usize>,
    departments: FxHashMap<String, usize>,
    themes: FxHashMap<String, usize>,
    initiatives: FxHashMap<String, usize>,
}

impl Index {
    fn of<'a>(ids: impl Iterator<Item = &'a Spanned<String>>) -> FxHashMap<String, usize> {
        let mut index = FxHashMap::default();
        for (i, id) in ids.enumerate() {
            index.entry(id.get_ref().clone()).or_insert(i);
        }
        index
    }
}

#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[schemars(rename = "LibraryTable", deny_unknown_fields)]
pub struct Library {
    pub name: String,
    /// ISO 4217 code, used when printing amounts.
    #[schemars(with = "Option<String>", regex(pattern = "^[A-Z]{3}$"))]
    pub currency: String,
}

// The cycle's deadlines, in days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(rename = "ProcessTable", deny_unknown_fields)]
pub struct Process {
    /// The plan reaches the department this many days before the meeting (7).
    #[schemars(with = "Option<u32>")]
    pub send_days_before: u32,
    /// The final plan goes out within this many days after the meeting (7).
    #[schemars(with = "Option<u32>")]
    pub finalise_within_days: u32,
    /// The day plan year Y starts in Y−1, as month-day ("10-01").
    #[schemars(with = "Option<String>", regex(pattern = r"^[0-9]{2}-[0-9]{2}$"))]
    pub year_starts: YearStart,
    /// Staff roles that count as a manager at a meeting (the two manager roles).
    #[schemars(with = "Option<Vec<StaffRole>>")]
    pub manager_roles: Vec<StaffRole>,
}

impl Default for Process {
    fn default() -> Self {
        Self {
            send_days_before: 7,
            finalise_within_days: 7,
            year_starts: YearStart::default(),
            manager_roles: vec![
                StaffRole::HeadOfRelationshipManagement,
                StaffRole::LiaisonManager,
            ],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(rename = "LimitsTable", deny_unknown_fields)]
pub struct Limits {
    /// Active initiatives a person takes part in, per year (6).
    #[schemars(with = "Option<u32>")]
    pub max_initiatives_per_librarian: u32,
    /// Departments a liaison librarian looks after (4).
    #[schemars(with = "Option<u32>")]
    pub max_departments_per_librarian: u32,
    /// Active actions with any one department (8).
    #[schemars(with = "Option<u32>")]
    pub max_actions_per_department: u32,
    /// A theme seen in this many departments is common (3).
    #[schemars(with = "Option<u32>")]
    pub common_theme_departments: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_initiatives_per_librarian: 6,
            max_departments_per_librarian: 4,
            max_actions_per_department: 8,
            common_theme_departments: 3,
        }
    }
}

// How interactions with departments are recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(rename = "CrmTable", deny_unknown_fields)]
pub struct Crm {
    /// The kinds of interaction, as slugs (meeting, email, call, teaching, enquiry, event,
    /// visit, digest, other).
    #[schemars(with = "Option<Vec<Slug>>")]
    pub kinds: Vec<String>,
    /// A department with no interaction for more than this many days is quiet (default 90).
    #[schemars(with = "Option<u32>")]
    pub quiet_after_days: u32,
}

impl Default for Crm {
    fn default() -> Self {
        Self {
            kinds: DEFAULT_KINDS.iter().map(|k| (*k).to_owned()).collect(),
            quiet_after_days: 90,
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "StaffEntry", deny_unknown_fields)]
pub struct Staff {
    #[schemars(with = "Slug")]
    pub id: Spanned<String>,
    pub name: String,
    pub role: StaffRole,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "DepartmentEntry", deny_unknown_fields)]
pub struct Department {
    #[schemars(with = "Slug")]
    pub id: Spanned<String>,
    pub name: String,
    /// For grouping in reports.
    pub faculty: Option<String>,
    /// The liaison librarian's staff id.
    #[schemars(with = "String")]
    pub liaison: Spanned<String>,
    /// The discipline group whose LibQual+ scores are the department's, as the survey's
    /// results name it; `aplan import libqual` gives the group's rows to each department in it.
    pub libqual_group: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "ThemeEntry", deny_unknown_fields)]
pub struct Theme {
    /// The table's key in the file.
    #[schemars(skip)]
    pub id: Spanned<String>,
    pub title: String,
    /// Words that suggest this theme for untagged issues and actions.
    #[schemars(with = "Option<Vec<String>>")]
    pub keywords: Vec<String>,
}

// Work shared by several departments, which counts once in a person's workload.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "InitiativeEntry", deny_unknown_fields)]
pub struct Initiative {
    /// The table's key in the file.
    #[schemars(skip)]
    pub id: Spanned<String>,
    pub title: String,
    /// The staff id of the person who leads it.
    #[schemars(with = "Option<String>")]
    pub lead: Option<Spanned<String>>,
}

impl Config {
    pub fn staff(&self, id: &str) -> Option<&Staff> {
        self.index.staff.get(id).map(|&i| &self.staff[i])
    }

    pub fn department(&self, id: &str) -> Option<&Department> {
        self.index
            .departments
            .get(id)
            .map(|&i| &self.departments[i])
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.index.themes.get(id).map(|&i| &self.themes[i])
    }

    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.index
            .initiatives
            .get(id)
            .map(|&i| &self.initiatives[i])
    }

    /// Reads `aplan.toml`; `None` only when the text is not TOML at all.
    pub fn parse(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Config> {
        let root = parse_document(file, text, diagnostics)?;
        let mut d = Decoder { file, diagnostics };
        let mut fields = Fields::new("aplan.toml", root.get_ref(), root.span());
        let mut config = Config {
            index: Index::default(),
            file,
            library: fields
                .required("library")
                .and_then(|v| library(&mut d, v))
                .unwrap_or_default(),
            process: fields
                .get("process")
                .and_then(|v| process(&mut d, v))
                .unwrap_or_default(),
            limits: fields
                .get("limits")
                .and_then(|v| limits(&mut d, v))
                .unwrap_or_default(),
            crm: fields
                .get("crm")
                .and_then(|v| crm(&mut d, v))
                .unwrap_or_default(),
            staff: fields
                .required("staff")
                .map(|v| d.array("staff", v, staff))
                .unwrap_or_default(),
            departments: fields
                .required("departments")
                .map(|v| d.array("departments", v, department))
                .unwrap_or_default(),
            themes: fields
                .get("themes")
                .map(|v| named_tables(&mut d, "themes", v, theme))
                .unwrap_or_default(),
            initiatives: fields
                .get("initiatives")
                .map(|v| named_tables(&mut d, "initiatives", v, initiative))
                .unwrap_or_default(),
        };
        fields.finish(&mut d);
        config.index = Index {
            staff: Index::of(config.staff.iter().map(|s| &s.id)),
            departments: Index::of(config.departments.iter().map(|d| &d.id)),
            themes: Index::of(config.themes.iter().map(|t| &t.id)),
            initiatives: Index::of(config.initiatives.iter().map(|i| &i.id)),
        };
        Some(config)
    }
}

fn library(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Library> {
    let mut f = d.table("[library]", value)?;
    let name = f.required("name").and_then(|v| d.string("name", v));
    let currency = f.get("currency").and_then(|v| d.string("currency", v));
    if let Some(c) = &currency {
        let code = c.get_ref();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            d.report(
                Code::InvalidValue,
                c.span(),
                format!("`{code}` is not an ISO 4217 currency code"),
                Some("use three capital letters, such as `GBP`, `EUR` or `USD`".to_owned()),
            );
        }
    }
    f.finish(d);
    Some(Library {
        name: name.map(Spanned::into_inner).unwrap_or_default(),
        currency: currency.map_or_else(|| "GBP".to_owned(), Spanned::into_inner),
    })
}

fn process(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Process> {
    let mut f = d.table("[process]", value)?;
    let mut process = Process::default();
    for (key, slot) in [
        ("send_days_before", &mut process.send_days_before),
        ("finalise_within_days", &mut process.finalise_within_days),
    ] {
        if let Some(n) = f.get(key).and_then(|v| d.count(key, v)) {
            *slot = n.into_inner();
        }
    }
    if let Some(text) = f
        .get("year_starts")
        .and_then(|v| d.string("year_starts", v))
    {
        match YearStart::parse(text.get_ref()) {
            Some(start) => process.year_starts = start,
            None => d.report(
                Code::InvalidValue,
                text.span(),
                format!("`{}` is not a month and day", text.get_ref()),
                Some(
                    "write the day each planning year starts as month-day, such as \"10-01\""
                        .to_owned(),
                ),
            ),
        }
    }
    if let Some(roles) = f.get("manager_roles") {
        process.manager_roles = d.array("manager_roles", roles, |d, role| {
            d.keyword::<StaffRole>("manager_roles", role)
                .map(Spanned::into_inner)
        });
    }
    f.finish(d);
    Some(process)
}

fn limits(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Limits> {
    let mut f = d.table("[limits]", value)?;
    let mut limits = Limits::default();
    for (key, slot) in [
        (
            "max_initiatives_per_librarian",
            &mut limits.max_initiatives_per_librarian,
        ),
        (
            "max_departments_per_librarian",
            &mut limits.max_departments_per_librarian,
        ),
        (
            "max_actions_per_department",
            &mut limits.max_actions_per_department,
        ),
        (
            "common_theme_departments",
            &mut limits.common_theme_departments,
        ),
    ] {
        let Some(n) = f.get(key).and_then(|v| d.count(key, v)) else {
            continue;
        };
        // A theme in no department at all is not "common".
        if key == "common_theme_departments" && *n.get_ref() == 0 {
            d.report(
                Code::InvalidValue,
                n.span(),
                format!("`{key}` must be at least 1"),
                Some("a theme is common when this many departments share it, such as 3".to_owned()),
            );
            continue;
        }
        *slot = n.into_inner();
    }
    f.finish(d);
    Some(limits)
}

fn crm(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Crm> {
    let mut f = d.table("[crm]", value)?;
    let mut crm = Crm::default();
    if let Some(v) = f.get("kinds") {
        let kinds = d.array("kinds", v, |d, k| d.slug("kind", k));
        if kinds.is_empty() {
            d.report(
                Code::InvalidValue,
                v.span(),
                "`kinds` lists no kind of interaction".to_owned(),
                Some(format!(
                    "list the kinds you record, or leave `kinds` out for the default: {}",
                    DEFAULT_KINDS.join(", ")
                )),
            );
        } else {
            crm.kinds = kinds.into_iter().map(Spanned::into_inner).collect();
        }
    }
    if let Some(n) = f
        .get("quiet_after_days")
        .and_then(|v| d.count("quiet_after_days", v))
    {
        crm.quiet_after_days = n.into_inner();
    }
    f.finish(d);
    Some(crm)
}

/// A required string that falls back to an empty one, already reported, when missing.
pub(crate) fn required_string(
    f: &mut Fields<'_, '_>,
    d: &mut Decoder<'_>,
    key: &'static str,
) -> Spanned<String> {
    f.required(key)
        .and_then(|v| d.string(key, v))
        .unwrap_or_else(|| Spanned::new(f.span(), String::new()))
}

/// An optional list of strings, empty when missing. Boxed rather than a `Vec`: the lists of
/// actions, issues and interactions are read once and never grow, and a large repository
/// holds hundreds of thousands of them.
pub(crate) fn strings(
    f: &mut Fields<'_, '_>,
    d: &mut Decoder<'_>,
    key: &'static str,
) -> Box<[Spanned<String>]> {
    f.get(key)
        .map(|v| d.array(key, v, |d, item| d.string(key, item)))
        .unwrap_or_default()
        .into_boxed_slice()
}

/// Like [`required_string`], for an id that must be a slug.
pub(crate) fn required_slug(
    f: &mut Fields<'_, '_>,
    d: &mut Decoder<'_>,
    key: &'static str,
) -> Spanned<String> {
    f.required(key)
        .and_then(|v| d.slug(key, v))
        .unwrap_or_else(|| Spanned::new(f.span(), String::new()))
}

fn staff(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Staff> {
    let mut f = d.table("[[staff]]", value)?;
    let id = required_slug(&mut f, d, "id");
    let name = required_string(&mut f, d, "name");
    let role = f
        .required("role")
        .and_then(|v| d.keyword::<StaffRole>("role", v))
        .map_or(StaffRole::Other, Spanned::into_inner);
    let email = f.get("email").and_then(|v| d.string("email", v));
    if let Some(e) = &email
        && !e.get_ref().contains('@')
    {
        d.report(
            Code::InvalidValue,
            e.span(),
            format!("`{}` is not an email address", e.get_ref()),
            None,
        );
    }
    f.finish(d);
    Some(Staff {
        id,
        name: name.into_inner(),
        role,
        email: email.map(Spanned::into_inner),
    })
}

fn department(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Department> {
    let mut f = d.table("[[departments]]", value)?;
    let id = required_slug(&mut f, d, "id");
    let name = required_string(&mut f, d, "name");
    let faculty = f.get("faculty").and_then(|v| d.string("faculty", v));
    let liaison = required_string(&mut f, d, "liaison");
    let libqual_group = f
        .get("libqual_group")
        .and_then(|v| d.string("libqual_group", v));
    f.finish(d);
    Some(Department {
        id,
        name: name.into_inner(),
        faculty: faculty.map(Spanned::into_inner),
        liaison,
        libqual_group: libqual_group.map(Spanned::into_inner),
    })
}

/// Tables keyed by id, such as `[themes.reading-lists]`; the key is checked as a slug.
fn named_tables<T>(
    d: &mut Decoder<'_>,
    what: &str,
    value: &Value<'_>,
    read: fn(&mut Decoder<'_>, Spanned<String>, &Value<'_>) -> Option<T>,
) -> Vec<T> {
    let Some(table) = value.get_ref().as_table() else {
        d.report(
            Code::WrongType,
            value.span(),
            format!("`{what}` should be a table of tables, such as `[{what}.my-id]`"),
            None,
        );
        return Vec::new();
    };
    let mut items = Vec::new();
    for (key, item) in table.iter() {
        let id = Spanned::new(key.span(), key.get_ref().to_string());
        if !super::decode::is_slug(id.get_ref()) {
            let suggestion = super::decode::slugify(id.get_ref());
            d.report(
                Code::BadSlug,
                id.span(),
                format!(
                    "`{}` is not a valid id: use lowercase letters, digits and single hyphens",
                    id.get_ref()
                ),
                (!suggestion.is_empty()).then(|| format!("try `{suggestion}`")),
            );
        }
        items.extend(read(d, id, item));
    }
    items
}

fn theme(d: &mut Decoder<'_>, id: Spanned<String>, value: &Value<'_>) -> Option<Theme> {
    let mut f = d.table("theme", value)?;
    let title = required_string(&mut f, d, "title");
    let keywords = f
        .get("keywords")
        .map(|v| d.array("keywords", v, |d, k| d.string("keywords", k)))
        .unwrap_or_default();
    f.finish(d);
    Some(Theme {
        id,
        title: title.into_inner(),
        keywords: keywords.into_iter().map(Spanned::into_inner).collect(),
    })
}

fn initiative(d: &mut Decoder<'_>, id: Spanned<String>, value: &Value<'_>) -> Option<Initiative> {
    let mut f = d.table("initiative", value)?;
    let title = required_string(&mut f, d, "title");
    let lead = f.get("lead").and_then(|v| d.string("lead", v));
    f.finish(d);
    Some(Initiative {
        id,
        title: title.into_inner(),
        lead,
    })
}
