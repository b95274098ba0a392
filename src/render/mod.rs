//! Documents from reports: minijinja templates filled with a report's data, and the
//! Markdown in plan fields rendered safely with comrak. Nothing here reads or writes files.
//!
//! Templates ending in `.html` escape every value for HTML; templates ending in `.md`
//! escape every value for Markdown, so plain text from a plan can never become markup.
//! Only values marked safe (the `markdown` filter's output, the front matter) pass as
//! they are. Other templates (`draft.toml`) print values as they are, and write TOML values
//! with the `toml` filter. An undefined variable is an error, not an empty string.

pub mod docx;
pub mod escape;
pub mod man;
pub mod markdown;
pub mod site;
pub mod svg;
pub mod templates;
pub mod toml_value;

use std::borrow::Cow;
use std::sync::Arc;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Enumerator, Object, ObjectRepr, Serde};
use minijinja::{
    AutoEscape, Environment, ErrorKind, Output, State, UndefinedBehavior, Value, context,
};
use serde::Serialize;

use crate::report::digest::Digest;
use crate::report::document::{Document, Index};
use crate::report::priorities::Priorities;
use templates::TemplateSet;

/// The output formats of `aplan render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    /// A Word document, written from the Markdown templates.
    Docx,
}

impl Format {
    /// The file extension, which is also the extension of the templates used.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The extension of the templates the format is written from.
    fn template_extension(self) -> &'static str {
        match self {
            Format::Markdown | Format::Docx => "md",
            Format::Html => "html",
        }
    }
}

/// A template that could not be compiled or rendered, with its file and line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TemplateError(String);

/// The work one document may take, in minijinja's fuel: about one unit for each step a
/// template takes and for each 64 bytes it makes, so it bounds both time and memory. The
/// largest built-in page of the benchmark's 10,000 plans (the site's index) takes 200,000;
/// a template that loops for ever, or doubles a text until memory runs out, stops within
/// a second or two.
pub const TEMPLATE_FUEL: u64 = 5_000_000;

/// The largest document a template may write; the largest built-in page of the
/// benchmark's 10,000 plans is about 1 MiB.
pub const MAX_DOCUMENT_SIZE: usize = 64 * 1024 * 1024;

const MARKDOWN_ESCAPE: AutoEscape = AutoEscape::Custom(Cow::Borrowed("markdown"));

/// Renders documents from one set of templates.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
    templates: TemplateSet,
}

impl Renderer {
    /// Compiles every template, so a broken one is reported before anything is written.
    pub fn new(templates: TemplateSet) -> Result<Renderer, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") {
                AutoEscape::Html
            } else if name.ends_with(".md") {
                MARKDOWN_ESCAPE
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(write_value);
        env.set_fuel(Some(TEMPLATE_FUEL));
        env.add_filter("markdown", markdown_filter);
        env.add_filter("toml", toml_value::filter);
        env.add_filter("trend_svg", trend_filter);
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid");
        env.set_syntax(syntax);
        for template in templates.iter() {
            env.add_template_owned(template.name.clone(), template.source.clone())
                .map_err(|e| describe(&templates, &e))?;
        }
        Ok(Renderer { env, templates })
    }

    /// One plan's meeting document.
    pub fn plan(&self, document: &Document, format: Format) -> Result<String, TemplateError> {
        let ctx = self.plan_context(document)?;
        self.render(&format!("plan.{}", format.template_extension()), ctx)
    }

    /// One plan's meeting document as the bytes of its file, rendered as of `as_of`: a
    /// Word document is written from the Markdown one, with a "Draft for discussion"
    /// heading on every page of a draft.
    pub fn plan_file(
        &self,
        document: &Document,
        format: Format,
        as_of: chrono::NaiveDate,
    ) -> Result<Vec<u8>, TemplateError> {
        let text = self.plan(document, format)?;
        if format != Format::Docx {
            return Ok(text.into_bytes());
        }
        docx::from_markdown(
            &text,
            &docx::Properties {
                page_header: document.is_draft.then_some("Draft for discussion"),
                date: Some(as_of.to_string()),
            },
        )
    }

    /// What a plan's templates see: the document's fields and its front matter.
    fn plan_context(&self, document: &Document) -> Result<Value, TemplateError> {
        let front_matter = yaml(&PlanFrontMatter {
            title: &document.title,
            department: &document.department.id,
            department_name: &document.department.name,
            year: document.year,
            status: document.status,
            meeting: document.meeting.as_ref().and_then(|m| m.date.as_deref()),
        })?;
        Ok(context! {
            front_matter => Value::from_safe_string(front_matter),
            ..Value::from(Serde(document))
        })
    }

    /// The index of a folder of rendered plans.
    pub fn index(&self, index: Index, format: Format) -> Result<String, TemplateError> {
        let front_matter = yaml(&IndexFrontMatter {
            title: &index.title,
        })?;
        let Index {
            title,
            library,
            plans,
        } = index;
        let ctx = context! {
            front_matter => Value::from_safe_string(front_matter),
            title,
            library,
            plans => Value::from_object(Lazy(plans)),
        };
        let text = self.render(&format!("index.{}", format.template_extension()), ctx)?;
        Ok(text)
    }

    /// The index of a folder of rendered plans as the bytes of its file.
    pub fn index_file(&self, index: Index, format: Format) -> Result<Vec<u8>, TemplateError> {
        let text = self.index(index, format)?;
        match format {
            Format::Docx => docx::from_markdown(&text, &docx::Properties::default()),
            _ => Ok(text.into_bytes()),
        }
    }

    /// A report as a document, from its template (`themes.md`, `workload.md`, …) and what
    /// `page` serializes to.
    pub fn report(&self, template: &str, page: &impl Serialize) -> Result<String, TemplateError> {
        self.render(template, Value::from(Serde(page)))
    }

    /// A department's digest, from `digest.md` or `digest.html`. The Markdown opens with
    /// YAML front matter unless `front_matter` is false, as for an e-mail's text part.
    pub fn digest(
        &self,
        digest: &Digest,
        format: Format,
        front_matter: bool,
    ) -> Result<String, TemplateError> {
        let front_matter = if front_matter {
            yaml(&DigestFrontMatter {
                title: &digest.subject,
                department: &digest.department.id,
                year: digest.year,
                from: digest.from.to_string(),
                to: digest.to.to_string(),
            })?
        } else {
            String::new()
        };
        let ctx = context! {
            front_matter => Value::from_safe_string(front_matter),
            ..Value::from(Serde(digest))
        };
        self.render(&format!("digest.{}", format.extension()), ctx)
    }

    /// The priorities paper, from `priorities.md` (with YAML front matter) or
    /// `priorities.html`.
    pub fn priorities(&self, paper: &Priorities, format: Format) -> Result<String, TemplateError> {
        let front_matter = yaml(&PrioritiesFrontMatter {
            title: &paper.title,
            year: paper.year,
        })?;
        let ctx = context! {
            front_matter => Value::from_safe_string(front_matter),
            ..Value::from(Serde(paper))
        };
        self.render(&format!("priorities.{}", format.extension()), ctx)
    }

    /// A new year's draft plan file, from `draft.toml` and what `draft` serializes to.
    pub fn draft(&self, draft: &impl Serialize) -> Result<String, TemplateError> {
        self.render("draft.toml", Value::from(Serde(draft)))
    }

    /// Renders a template within the fuel and the size limit; the document carries no
    /// control characters but line feeds and tabs, whatever the data held.
    fn render(&self, name: &str, ctx: Value) -> Result<String, TemplateError> {
        let describe = |e: minijinja::Error| describe(&self.templates, &e);
        let template = self.env.get_template(name).map_err(describe)?;
        let mut out = Bounded::default();
        if let Err(error) = template.render_captured_to(ctx, &mut out) {
            let TemplateError(mut message) = describe(error);
            if out.overflowed {
                let location = self
                    .templates
                    .get(name)
                    .map_or_else(|| name.to_owned(), |t| t.location());
                message = format!(
                    "template {location}: the document grew past {} MiB, far more than any document needs; look for a loop that writes without end",
                    MAX_DOCUMENT_SIZE / 1024 / 1024
                );
            } else if message.contains("out of fuel") {
                message.push_str(
                    ": the template does far more work than any document needs; look for loops inside loops or text that keeps doubling",
                );
            }
            return Err(TemplateError(message));
        }
        let text = String::from_utf8(out.bytes).expect("templates write UTF-8");
        Ok(match crate::sanitize::document(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(cleaned) => cleaned,
        })
    }
}

/// Where a document is written while it is rendered: it refuses to grow past
/// [`MAX_DOCUMENT_SIZE`].
#[derive(Default)]
struct Bounded {
    bytes: Vec<u8>,
    overflowed: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_DOCUMENT_SIZE {
            self.overflowed = true;
            return Err(std::io::Error::other("the document is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A list whose items become template values only when a template reaches them, so the
/// index of thousands of plans is never copied into template values all at once.
#[derive(Debug)]
struct Lazy<T>(Vec<T>);

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> Object for Lazy<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.0
            .get(key.as_usize()?)
            .map(|item| Value::from(Serde(item)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

/// The YAML front matter of a Markdown document, for static site generators.
#[derive(Debug, Serialize)]
struct PlanFrontMatter<'a> {
    title: &'a str,
    department: &'a str,
    department_name: &'a str,
    year: i64,
    status: &'a str,
    meeting: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct DigestFrontMatter<'a> {
    title: &'a str,
    department: &'a str,
    year: i64,
    from: String,
    to: String,
}

#[derive(Debug, Serialize)]
struct PrioritiesFrontMatter<'a> {
    title: &'a str,
    year: i64,
}

#[derive(Debug, Serialize)]
struct IndexFrontMatter<'a> {
    title: &'a str,
}

/// Serialised by a YAML library, so a title with `: `, quotes or `#` stays one string.
fn yaml(value: &impl Serialize) -> Result<String, TemplateError> {
    serde_saphyr::to_string(value)
        .map_err(|e| TemplateError(format!("cannot write the front matter: {e}")))
}

/// Prints a value into a template: escaped for the template's format unless marked safe,
/// on one line.
fn write_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    if *state.auto_escape() == MARKDOWN_ESCAPE && !value.is_safe() {
        let text = markdown::escape(&value.to_string());
        out.write_str(&text).map_err(minijinja::Error::from)
    } else if let Some(text) = value
        .as_str()
        .filter(|_| *state.auto_escape() == AutoEscape::Html && !value.is_safe())
        .filter(|t| t.contains(['\r', '\n']))
    {
        // HTML shows a line break in text as a space anyway; written as one, the document
        // keeps one line per element and a value cannot start a line of its own.
        let flat = Value::from(text.replace("\r\n", " ").replace(['\r', '\n'], " "));
        minijinja::escape_formatter(out, state, &flat)
    } else {
        minijinja::escape_formatter(out, state, value)
    }
}

/// `{{ field | markdown }}`: a plan's Markdown as safe HTML in an HTML template, or as
/// safe Markdown in a Markdown one. `none` renders as nothing. `markdown(3)` starts the
/// field's headings at h3 instead of h4, for a field right under an h2.
fn markdown_filter(state: &State, text: Option<String>, first_level: Option<u8>) -> Value {
    let text = crate::sanitize::document(text.as_deref().unwrap_or_default()).into_owned();
    let level = first_level.unwrap_or(markdown::FIRST_HEADING_LEVEL);
    let rendered = if *state.auto_escape() == AutoEscape::Html {
        markdown::to_html_at(&text, level)
    } else {
        markdown::to_markdown_at(&text, level)
    };
    Value::from_safe_string(rendered)
}

/// `{{ row.trend | trend_svg }}`: a usage measure's trend as inline SVG, from points with
/// `year`, `value` and `value_text`; nothing for fewer than two.
fn trend_filter(points: Value) -> Result<Value, minijinja::Error> {
    let mut read = Vec::new();
    for point in points.try_iter()? {
        let year = i64::try_from(point.get_attr("year")?)?;
        let value = f64::try_from(point.get_attr("value")?)?;
        let text = point.get_attr("value_text")?.to_string();
        read.push((year, value, text));
    }
    Ok(Value::from_safe_string(svg::trend(&read)))
}

/// A template error as `templates/plan.html, line 12: undefined value (…)`, naming the
/// template where it happened rather than the one that included it.
fn describe(templates: &TemplateSet, error: &minijinja::Error) -> TemplateError {
    let mut innermost = error;
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if let Some(inner) = cause.downcast_ref::<minijinja::Error>()
            && inner.name().is_some()
        {
            innermost = inner;
        }
        source = cause.source();
    }
    let location = innermost.name().map(|name| {
        templates
            .get(name)
            .map_or_else(|| name.to_owned(), |t| t.location())
    });
    let source = innermost
        .name()
        .and_then(|name| templates.get(name))
        .map(|t| t.source.as_str());
    // The expression that failed, as written: `departmnet.name`.
    let written = source
        .zip(innermost.range())
        .and_then(|(text, range)| text.get(range))
        .map(str::trim)
        .filter(|e| !e.is_empty() && !e.contains('\n'));
    let what = match (innermost.kind(), written, innermost.detail()) {
        (ErrorKind::UndefinedError, Some(expression), _) => {
            format!("undefined value `{expression}`")
        }
        (kind, _, Some(detail)) => format!("{kind}: {detail}"),
        (kind, _, None) => kind.to_string(),
    };
    let shown = source.zip(innermost.line()).and_then(|(text, line)| {
        let text = text.lines().nth(line.checked_sub(1)?)?;
        Some(format!(", in `{}`", text.trim()))
    });
    let shown = shown.unwrap_or_default();
    TemplateError(match (location, innermost.line()) {
        (Some(location), Some(line)) => {
            format!("template {location}, line {line}: {what}{shown}")
        }
        (Some(location), None) => format!("template {location}: {what}"),
        _ => format!("template error: {what}"),
    })
}
