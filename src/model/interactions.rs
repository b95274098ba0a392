//! What happened with one department in one planning year:
//! `interactions/<year>/<department>.toml`.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::config::{required_string, strings};
use super::decode::{Decoder, Fields, Value};
use super::parse_document;
use super::schema::{Date, Slug};
use super::spanned::{Span, Spanned};
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// The kinds of interaction a library records when `[crm] kinds` does not list its own.
pub const DEFAULT_KINDS: &[&str] = &[
    "meeting", "email", "call", "teaching", "enquiry", "event", "visit", "digest", "other",
];

// The types below are the interactions file's format, as the plan's types are of a plan
// file (see there). The department and year are the file's name and folder, so they are
// not keys in the file.
/// What happened with one department in one planning year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "aplan interactions", deny_unknown_fields)]
pub struct Interactions {
    #[serde(skip)]
    pub file: FileId,
    /// The department's id, from the file's name.
    #[serde(skip)]
    pub department: String,
    /// The planning year, from the folder's name; `None` when the folder is not a year.
    #[serde(skip)]
    pub year: Option<i64>,
    // In the file's order; `in_date_order` sorts them.
    #[schemars(with = "Option<Vec<Interaction>>")]
    pub interactions: Vec<Interaction>,
}

// One contact with the department.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "InteractionEntry", deny_unknown_fields)]
pub struct Interaction {
    #[serde(skip)]
    pub span: Span,
    /// In the planning year of the file's folder.
    #[schemars(with = "Date")]
    pub date: Option<Spanned<NaiveDate>>,
    /// One of `[crm] kinds` in aplan.toml: by default meeting, email, call, teaching,
    /// enquiry, event, visit, digest or other.
    #[schemars(with = "Slug")]
    pub kind: Spanned<String>,
    /// Library staff ids.
    #[schemars(with = "Vec<String>")]
    pub by: Box<[Spanned<String>]>,
    /// Contact ids from contacts/<department>.toml.
    #[schemars(with = "Option<Vec<String>>")]
    pub with: Box<[Spanned<String>]>,
    #[schemars(with = "String")]
    pub summary: Spanned<String>,
    /// Markdown; stays in the repository's files when `private` is true.
    pub detail: Option<String>,
    /// Actions it was about, as `<department>/<year>/<id>`.
    #[schemars(with = "Option<Vec<String>>")]
    pub actions: Box<[Spanned<String>]>,
    /// Theme ids from aplan.toml.
    #[schemars(with = "Option<Vec<String>>")]
    pub themes: Box<[Spanned<String>]>,
    /// A date to come back to it.
    #[schemars(with = "Option<Date>")]
    pub follow_up: Option<Spanned<NaiveDate>>,
    /// True: the detail stays in the file, never in the site, the export or a digest.
    #[schemars(with = "Option<bool>")]
    pub private: bool,
}

impl Interaction {
    /// The interaction as it may leave the repository: without its detail when private.
    pub fn public(&self) -> Cow<'_, Interaction> {
        if self.private && self.detail.is_some() {
            let mut public = self.clone();
            public.detail = None;
            Cow::Owned(public)
        } else {
            Cow::Borrowed(self)
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        self.date.as_ref().map(|d| *d.get_ref())
    }
}

impl Interactions {
    /// The interactions by date, file order breaking ties; undated ones last.
    pub fn in_date_order(&self) -> Vec<&Interaction> {
        let mut sorted: Vec<&Interaction> = self.interactions.iter().collect();
        sorted.sort_by_key(|i| (i.date().is_none(), i.date()));
        sorted
    }

    /// Reads the interactions of `department` in plan year `year`; `None` only when the
    /// text is not TOML at all.
    pub fn parse(
        file: FileId,
        department: &str,
        year: Option<i64>,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Interactions> {
        let root = parse_document(file, text, diagnostics)?;
        let mut d = Decoder { file, diagnostics };
        let mut f = Fields::new("the interactions file", root.get_ref(), root.span());
        let interactions = Interactions {
            file,
            department: department.to_owned(),
            year,
            interactions: f
                .get("interactions")
                .map(|v| d.array("interactions", v, interaction))
                .unwrap_or_default(),
        };
        f.finish(&mut d);
        Some(interactions)
    }
}

fn interaction(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Interaction> {
    let mut f = d.table("an interaction", value)?;
    let interaction = Interaction {
        span: f.span().into(),
        date: f.required("date").and_then(|v| d.date("date", v)),
        kind: f
            .required("kind")
            .and_then(|v| d.slug("kind", v))
            .unwrap_or_else(|| Spanned::new(f.span(), String::new())),
        by: f
            .required("by")
            .map(|v| d.array("by", v, |d, item| d.string("by", item)))
            .unwrap_or_default()
            .into_boxed_slice(),
        with: strings(&mut f, d, "with"),
        summary: required_string(&mut f, d, "summary"),
        detail: f
            .get("detail")
            .and_then(|v| d.string("detail", v))
            .map(Spanned::into_inner),
        actions: strings(&mut f, d, "actions"),
        themes: strings(&mut f, d, "themes"),
        follow_up: f.get("follow_up").and_then(|v| d.date("follow_up", v)),
        private: f
            .get("private")
            .and_then(|v| d.boolean("private", v))
            .unwrap_or(false),
    };
    f.finish(d);
    Some(interaction)
}
