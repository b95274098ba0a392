//! What `aplan init` writes: a new plans repository's files, from templates compiled into
//! the binary. Pure: it returns paths and contents; the command writes them.

/// One file of a new repository, with its path relative to the repository root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaffoldFile {
    pub path: String,
    pub contents: String,
}

/// How the new repository's CI and hooks get aplan.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The library's name for aplan.toml.
    pub library: String,
    /// The year of the example plan.
    pub year: i64,
    /// A Git URL aplan is installed from; without it, CI installs the `aplan` crate and the
    /// pre-commit hooks run an installed `aplan`.
    pub aplan_repo: Option<String>,
    /// Whether to include the built-in templates, to start an override from.
    pub templates: bool,
}

/// The hooks of this repository's `.pre-commit-hooks.yaml`, as a local repo's hooks.
const LOCAL_HOOKS: &str = "  - repo: local
    hooks:
      - id: aplan-validate
        name: aplan validate
        entry: aplan validate
        language: system
        files: ^(aplan\\.toml|plans/.*\\.toml)$
      - id: aplan-workload
        name: aplan workload --check
        entry: aplan workload --check
        language: system
        files: ^(aplan\\.toml|plans/.*\\.toml)$
        pass_filenames: false
";

/// The files of a new plans repository.
pub fn files(options: &Options) -> Vec<ScaffoldFile> {
    let year = options.year.to_string();
    // A JSON string is a valid TOML basic string, escapes and all.
    let library = serde_json::to_string(&options.library).expect("a string serializes");
    let (install, hooks) = match &options.aplan_repo {
        Some(url) => (
            format!("cargo install --locked --git {url} aplan"),
            format!(
                "  - repo: {url}\n    rev: v{}\n    hooks:\n      - id: aplan-validate\n      - id: aplan-workload\n",
                env!("CARGO_PKG_VERSION")
            ),
        ),
        None => (
            "cargo install --locked aplan".to_owned(),
            LOCAL_HOOKS.to_owned(),
        ),
    };
    let file = |path: &str, template: &str| ScaffoldFile {
        path: path.to_owned(),
        contents: template
            .replace("{{library}}", &library)
            .replace("{{year}}", &year)
            .replace("{{install}}", &install)
            .replace("{{hooks}}\n", &hooks),
    };
    let templates = crate::render::templates::BUILT_IN
        .iter()
        .filter(|_| options.templates)
        .map(|(name, text)| ScaffoldFile {
            path: format!("templates/{name}"),
            contents: (*text).to_owned(),
        });
    let mut files = vec![
        file("aplan.toml", include_str!("scaffold/aplan.toml")),
        file(
            &format!("plans/{year}/history.toml"),
            include_str!("scaffold/plan.toml"),
        ),
        file(
            ".github/workflows/aplan.yml",
            include_str!("scaffold/workflow.yml"),
        ),
        file(
            ".pre-commit-config.yaml",
            include_str!("scaffold/pre-commit-config.yaml"),
        ),
        file(".gitignore", include_str!("scaffold/gitignore")),
    ];
    files.extend(templates);
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_placeholder_is_left() {
        for aplan_repo in [None, Some("https://example.org/aplan.git".to_owned())] {
            let options = Options {
                library: "St \"Quoted\" Library: \\ York".to_owned(),
                year: 2027,
                aplan_repo,
                templates: true,
            };
            // Templates are minijinja and keep their `{{ … }}`; the rest must be filled in.
            for file in files(&options)
                .iter()
                .filter(|f| !f.path.starts_with("templates/"))
            {
                assert!(!file.contents.contains("{{"), "{}", file.path);
            }
        }
    }
}
