//! Documents from reports: minijinja templates filled with a report's data, and the
//! Markdown in plan fields rendered safely with comrak. Nothing here reads or writes files.
//!
//! Templates ending in `.html` escape every value for HTML; templates ending in `.md`
//! escape every value for Markdown, so plain text from a plan can never become markup.
//! Only values marked safe (the `markdown` filter's output, the front matter) pass as
//! they are. Other templates (`draft.toml`) print values as they are, and write TOML values
//! with the `toml` filter. An undefined variable is an error, not an empty string.

pub mod escape;
pub mod markdown;
pub mod site;
pub mod svg;
pub mod templates;
pub mod toml_value;

use std::borrow::Cow;
use std::sync::Arc;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Enumerator, Object, ObjectRepr, Serde};
use minijinja::{AutoEscape, Environment, Output, State, UndefinedBehavior, Value, context};
use serde::Serialize;

use crate::report::document::{Document, Index};
use templates::TemplateSet;

/// The output formats of `aplan render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// The file extension, which is also the extension of the templates used.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// A template that could not be compiled or rendered, with its file and line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TemplateError(String);

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
        env.add_filter("markdown", markdown_filter);
        env.add_filter("toml", toml_value::filter);
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
        self.render(&format!("plan.{}", format.extension()), ctx)
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
        self.render(&format!("index.{}", format.extension()), ctx)
    }

    /// A report as a document, from its template (`themes.md`, `workload.md`, …) and what
    /// `page` serializes to.
    pub fn report(&self, template: &str, page: &impl Serialize) -> Result<String, TemplateError> {
        self.render(template, Value::from(Serde(page)))
    }

    /// A new year's draft plan file, from `draft.toml` and what `draft` serializes to.
    pub fn draft(&self, draft: &impl Serialize) -> Result<String, TemplateError> {
        self.render("draft.toml", Value::from(Serde(draft)))
    }

    fn render(&self, name: &str, ctx: Value) -> Result<String, TemplateError> {
        let describe = |e: minijinja::Error| describe(&self.templates, &e);
        self.env
            .get_template(name)
            .map_err(describe)?
            .render(ctx)
            .map_err(describe)
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
struct IndexFrontMatter<'a> {
    title: &'a str,
}

/// Serialised by a YAML library, so a title with `: `, quotes or `#` stays one string.
fn yaml(value: &impl Serialize) -> Result<String, TemplateError> {
    serde_saphyr::to_string(value)
        .map_err(|e| TemplateError(format!("cannot write the front matter: {e}")))
}

/// Prints a value into a template: escaped for the template's format unless marked safe.
fn write_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    if *state.auto_escape() == MARKDOWN_ESCAPE && !value.is_safe() {
        let text = markdown::escape(&value.to_string());
        out.write_str(&text).map_err(minijinja::Error::from)
    } else {
        minijinja::escape_formatter(out, state, value)
    }
}

/// `{{ field | markdown }}`: a plan's Markdown as safe HTML in an HTML template, or as
/// safe Markdown in a Markdown one. `none` renders as nothing. `markdown(3)` starts the
/// field's headings at h3 instead of h4, for a field right under an h2.
fn markdown_filter(state: &State, text: Option<String>, first_level: Option<u8>) -> Value {
    let text = text.unwrap_or_default();
    let level = first_level.unwrap_or(markdown::FIRST_HEADING_LEVEL);
    let rendered = if *state.auto_escape() == AutoEscape::Html {
        markdown::to_html_at(&text, level)
    } else {
        markdown::to_markdown_at(&text, level)
    };
    Value::from_safe_string(rendered)
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
    let what = match innermost.detail() {
        Some(detail) => format!("{}: {detail}", innermost.kind()),
        None => innermost.kind().to_string(),
    };
    TemplateError(match (location, innermost.line()) {
        (Some(location), Some(line)) => format!("template {location}, line {line}: {what}"),
        (Some(location), None) => format!("template {location}: {what}"),
        _ => format!("template error: {what}"),
    })
}
