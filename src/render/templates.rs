//! The templates documents are rendered from: the built-in ones compiled into the binary,
//! and a plans repository's `templates/` folder, which overrides them file by file.

/// The built-in templates, by name: a document and an index for each format, the
/// stylesheet the HTML ones inline, the explanation of the process for a new Head of
/// Department, written once in Markdown for both formats, the pages and stylesheet of
/// `aplan site`, the Markdown and HTML pages of the themes and workload reports, the
/// digest for a Library Rep, the priorities paper, and the draft plan of `aplan new`.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("diff.md", include_str!("../../templates/diff.md")),
    ("digest.html", include_str!("../../templates/digest.html")),
    ("digest.md", include_str!("../../templates/digest.md")),
    ("draft.toml", include_str!("../../templates/draft.toml")),
    ("history.md", include_str!("../../templates/history.md")),
    ("index.html", include_str!("../../templates/index.html")),
    ("index.md", include_str!("../../templates/index.md")),
    ("plan.html", include_str!("../../templates/plan.html")),
    ("plan.md", include_str!("../../templates/plan.md")),
    (
        "priorities.html",
        include_str!("../../templates/priorities.html"),
    ),
    (
        "priorities.md",
        include_str!("../../templates/priorities.md"),
    ),
    ("process.md", include_str!("../../templates/process.md")),
    (
        "site-actions.html",
        include_str!("../../templates/site-actions.html"),
    ),
    (
        "site-activity.html",
        include_str!("../../templates/site-activity.html"),
    ),
    (
        "site-head.html",
        include_str!("../../templates/site-head.html"),
    ),
    (
        "site-index.html",
        include_str!("../../templates/site-index.html"),
    ),
    (
        "site-nav.html",
        include_str!("../../templates/site-nav.html"),
    ),
    (
        "site-page.html",
        include_str!("../../templates/site-page.html"),
    ),
    (
        "site-plan.html",
        include_str!("../../templates/site-plan.html"),
    ),
    (
        "site-review.html",
        include_str!("../../templates/site-review.html"),
    ),
    (
        "site-themes.html",
        include_str!("../../templates/site-themes.html"),
    ),
    (
        "site-timeline.html",
        include_str!("../../templates/site-timeline.html"),
    ),
    (
        "site-workload.html",
        include_str!("../../templates/site-workload.html"),
    ),
    ("site.css", include_str!("../../templates/site.css")),
    ("style.css", include_str!("../../templates/style.css")),
    ("themes.css", include_str!("../../templates/themes.css")),
    ("themes.html", include_str!("../../templates/themes.html")),
    ("themes.md", include_str!("../../templates/themes.md")),
    ("workload.md", include_str!("../../templates/workload.md")),
];

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// A file in the override folder, by the path error messages show.
    File(String),
}

/// One template.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: String,
    pub source: String,
    pub origin: Origin,
}

impl Template {
    /// Where the template is, for messages: its file, or `built-in plan.html`.
    pub fn location(&self) -> String {
        match &self.origin {
            Origin::BuiltIn => format!("built-in {}", self.name),
            Origin::File(path) => path.clone(),
        }
    }

    /// An override that replaces a built-in template rather than adding a new piece.
    pub fn overrides_built_in(&self) -> bool {
        matches!(self.origin, Origin::File(_)) && built_in(&self.name).is_some()
    }
}

/// The built-in template of that name.
pub fn built_in(name: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The templates in use, sorted by name.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    templates: Vec<Template>,
}

impl TemplateSet {
    /// The built-in templates with `overrides` (name, path shown in messages, text) laid
    /// over them; an override with a new name adds a piece other templates can include.
    pub fn new(overrides: Vec<(String, String, String)>) -> TemplateSet {
        let mut templates: Vec<Template> = BUILT_IN
            .iter()
            .map(|(name, source)| Template {
                name: (*name).to_owned(),
                source: (*source).to_owned(),
                origin: Origin::BuiltIn,
            })
            .collect();
        for (name, path, source) in overrides {
            let template = Template {
                name,
                source,
                origin: Origin::File(path),
            };
            match templates.iter_mut().find(|t| t.name == template.name) {
                Some(slot) => *slot = template,
                None => templates.push(template),
            }
        }
        templates.sort_by(|a, b| a.name.cmp(&b.name));
        TemplateSet { templates }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Template> {
        self.templates.iter()
    }

    pub fn get(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }
}
