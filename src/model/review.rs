//! The year's review of the process: `reviews/<year>.toml`, what people said about the
//! year's action planning and the improvements agreed for the next.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::config::{required_slug, required_string};
use super::decode::{Decoder, Fields, Value, keyword};
use super::parse_document;
use super::schema::{Date, Slug};
use super::spanned::{Span, Spanned};
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

keyword! {
    /// Where an improvement to the process stands.
    pub enum ImprovementStatus {
        Proposed = "proposed" => "Proposed",
        Agreed = "agreed" => "Agreed",
        Done = "done" => "Done",
        Dropped = "dropped" => "Dropped",
    }
}

impl ImprovementStatus {
    /// Neither done nor dropped: still to carry into the next year.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ImprovementStatus::Proposed | ImprovementStatus::Agreed
        )
    }
}

// The types below are the review file's format, as the plan's types are of a plan file
// (see there). The year is the file's name, so it is not a key in the file.
/// The year's review of the action planning process.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "aplan review", deny_unknown_fields)]
pub struct Review {
    #[serde(skip)]
    pub file: FileId,
    /// The planning year, from the file's name; `None` when the name is not a year.
    #[serde(skip)]
    pub year: Option<i64>,
    /// What people said about the process.
    #[schemars(with = "Option<Vec<ReviewFeedback>>")]
    pub feedback: Vec<ReviewFeedback>,
    /// What to do differently next year.
    #[schemars(with = "Option<Vec<Improvement>>")]
    pub improvements: Vec<Improvement>,
}

// A comment on the process.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "ReviewFeedbackEntry", deny_unknown_fields)]
pub struct ReviewFeedback {
    /// Who said it or where it came from: "Liaison team away day".
    pub source: Option<String>,
    #[schemars(with = "String")]
    pub text: Spanned<String>,
}

// A change to the process.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "ImprovementEntry", deny_unknown_fields)]
pub struct Improvement {
    #[serde(skip)]
    pub span: Span,
    /// Unique in the review.
    #[schemars(with = "Slug")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Markdown.
    pub detail: Option<String>,
    /// Staff id of whoever sees it through.
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
    #[schemars(with = "ImprovementStatus")]
    pub status: Spanned<ImprovementStatus>,
    #[schemars(with = "Option<Date>")]
    pub due: Option<Spanned<NaiveDate>>,
}

impl Review {
    /// The improvements still open: proposed or agreed.
    pub fn open_improvements(&self) -> impl Iterator<Item = &Improvement> {
        self.improvements
            .iter()
            .filter(|i| i.status.get_ref().is_open())
    }

    /// Reads the review of plan year `year`; `None` only when the text is not TOML at all.
    pub fn parse(
        file: FileId,
        year: Option<i64>,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Review> {
        let root = parse_document(file, text, diagnostics)?;
        let mut d = Decoder { file, diagnostics };
        let mut f = Fields::new("the review", root.get_ref(), root.span());
        let review = Review {
            file,
            year,
            feedback: f
                .get("feedback")
                .map(|v| d.array("feedback", v, feedback))
                .unwrap_or_default(),
            improvements: f
                .get("improvements")
                .map(|v| d.array("improvements", v, improvement))
                .unwrap_or_default(),
        };
        f.finish(&mut d);
        Some(review)
    }
}

fn feedback(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<ReviewFeedback> {
    let mut f = d.table("a feedback entry", value)?;
    let entry = ReviewFeedback {
        source: f
            .get("source")
            .and_then(|v| d.string("source", v))
            .map(Spanned::into_inner),
        text: required_string(&mut f, d, "text"),
    };
    f.finish(d);
    Some(entry)
}

fn improvement(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Improvement> {
    let mut f = d.table("an improvement", value)?;
    let start = f.span().start..f.span().start;
    let entry = Improvement {
        span: f.span().into(),
        id: required_slug(&mut f, d, "id"),
        title: required_string(&mut f, d, "title"),
        detail: f
            .get("detail")
            .and_then(|v| d.string("detail", v))
            .map(Spanned::into_inner),
        owner: f.get("owner").and_then(|v| d.string("owner", v)),
        status: f
            .required("status")
            .and_then(|v| d.keyword("status", v))
            .unwrap_or_else(|| Spanned::new(start, ImprovementStatus::Proposed)),
        due: f.get("due").and_then(|v| d.date("due", v)),
    };
    f.finish(d);
    Some(entry)
}
