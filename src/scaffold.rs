//! What `aplan init` writes: a new plans repository's files, from templates compiled into
//! the binary. Pure: it returns paths and contents; the command writes them.

/// One file of a new repository, with its path relative to the repository root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaffoldFile {
    pub path: String,
    pub contents: String,
    /// Whether a file that exists already gets the lines it lacks appended, rather than
    /// stopping `init`: a repository created on GitHub starts with a `.gitignore`.
    pub append_lines: bool,
}

/// How the new repository's CI and hooks get aplan.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The library's name for aplan.toml.
    pub library: String,
    /// The year of the example plan.
    pub year: i32,
    /// The GitHub repository (`OWNER/NAME`) whose action installs aplan in CI and whose
    /// hooks pre-commit runs; without it, CI builds aplan from [`GIT_URL`] and the hooks
    /// run an installed `aplan`.
    pub aplan_repo: Option<String>,
    /// The tag (or branch) of aplan that CI and the hooks use.
    pub aplan_ref: String,
    /// Whether to include the built-in templates, to start an override from.
    pub templates: bool,
}

/// Where aplan's own source lives: the `repository` of Cargo.toml.
pub const GIT_URL: &str = env!("CARGO_PKG_REPOSITORY");

/// The tag of this version of aplan, as the release workflow names it.
pub fn version_tag() -> String {
    format!("v{}", env!("CARGO_PKG_VERSION"))
}

/// The hooks of this repository's `.pre-commit-hooks.yaml`, as a local repo's hooks that
/// run an installed `aplan`.
const LOCAL_HOOKS: &str = "  - repo: local
    hooks:
      - id: aplan-validate
        name: aplan validate
        entry: aplan validate --new-from-rev HEAD
        language: system
        files: ^(aplan\\.toml|plans/.*\\.toml)$
        pass_filenames: false
      - id: aplan-workload
        name: aplan workload --check
        entry: aplan workload --check --new-from-rev HEAD
        language: system
        files: ^(aplan\\.toml|plans/.*\\.toml)$
        pass_filenames: false
";

/// Why `--aplan-repo` or `--aplan-ref` cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OptionError {
    #[error(
        "`{0}` is not a GitHub repository's OWNER/NAME; give it as `--aplan-repo aplan-tool/aplan`"
    )]
    Repository(String),
    #[error(
        "`{0}` is not a tag or branch name; give one such as `--aplan-ref {tag}`",
        tag = version_tag()
    )]
    Ref(String),
}

/// `OWNER/NAME` from what the user gave: `OWNER/NAME` itself or the repository's GitHub
/// address.
pub fn github_repository(given: &str) -> Result<String, OptionError> {
    let name = given
        .trim()
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/')
        .trim_end_matches(".git");
    let good_part = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    match name.split_once('/') {
        Some((owner, repo)) if good_part(owner) && good_part(repo) => Ok(name.to_owned()),
        _ => Err(OptionError::Repository(given.to_owned())),
    }
}

/// A tag or branch name safe to write into YAML and a shell command.
pub fn git_ref(given: &str) -> Result<String, OptionError> {
    let good = !given.is_empty()
        && !given.starts_with(['-', '.', '/'])
        && given
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if good {
        Ok(given.to_owned())
    } else {
        Err(OptionError::Ref(given.to_owned()))
    }
}

/// The steps of the workflow that put aplan on the PATH, and the workflow's `env`.
fn install(options: &Options) -> (String, String, u32) {
    let reference = &options.aplan_ref;
    match &options.aplan_repo {
        Some(repo) => (
            String::new(),
            format!(
                "      # aplan's release binary for the runner, checked against its SHA-256. To
      # upgrade, change the version after the @.
      - uses: {repo}@{reference}
"
            ),
            15,
        ),
        None => (
            format!(
                "env:
  # Where CI builds aplan from: a Git repository and a tag in it. This is the one place
  # to change them; the build is cached until they change.
  APLAN_GIT_URL: {GIT_URL}
  APLAN_GIT_TAG: {reference}

"
            ),
            "      - name: Restore aplan from the cache
        id: aplan-cache
        uses: actions/cache@v4
        with:
          path: ~/.aplan
          key: aplan-${{ runner.os }}-${{ env.APLAN_GIT_URL }}-${{ env.APLAN_GIT_TAG }}
      - name: Build aplan (the first time, and after a change of version)
        if: steps.aplan-cache.outputs.cache-hit != 'true'
        run: cargo install --locked --git \"$APLAN_GIT_URL\" --tag \"$APLAN_GIT_TAG\" --root ~/.aplan aplan
      - name: Put aplan on the PATH
        run: echo \"$HOME/.aplan/bin\" >> \"$GITHUB_PATH\"
"
            .to_owned(),
            30,
        ),
    }
}

/// The files of a new plans repository.
pub fn files(options: &Options) -> Vec<ScaffoldFile> {
    let year = options.year.to_string();
    // A JSON string is a valid TOML basic string, escapes and all.
    let library = serde_json::to_string(&options.library).expect("a string serializes");
    let (install_env, install_steps, timeout) = install(options);
    let hooks = match &options.aplan_repo {
        Some(repo) => format!(
            "  - repo: https://github.com/{repo}\n    rev: {}\n    hooks:\n      - id: aplan-validate\n      - id: aplan-workload\n",
            options.aplan_ref
        ),
        None => LOCAL_HOOKS.to_owned(),
    };
    let file = |path: &str, template: &str| ScaffoldFile {
        path: path.to_owned(),
        contents: template
            .replace("{{library}}", &library)
            .replace("{{year}}", &year)
            .replace("{{install_env}}", &install_env)
            .replace("{{install_steps}}", &install_steps)
            .replace("{{timeout}}", &timeout.to_string())
            .replace("{{hooks}}\n", &hooks),
        append_lines: false,
    };
    let schema = |path: &str, schema: schemars::Schema| ScaffoldFile {
        path: path.to_owned(),
        contents: serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n",
        append_lines: false,
    };
    let templates = crate::render::templates::BUILT_IN
        .iter()
        .filter(|_| options.templates)
        .map(|(name, text)| ScaffoldFile {
            path: format!("templates/{name}"),
            contents: (*text).to_owned(),
            append_lines: false,
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
        file(".taplo.toml", include_str!("scaffold/taplo.toml")),
        schema("schema/plan.json", crate::model::schema::plan_schema()),
        schema("schema/config.json", crate::model::schema::config_schema()),
        ScaffoldFile {
            append_lines: true,
            ..file(".gitignore", include_str!("scaffold/gitignore"))
        },
    ];
    files.extend(templates);
    files
}

/// `existing` with the lines of `ours` it lacks appended, or `None` when it has them all.
/// Comment lines of ours go along only with a line they introduce.
pub fn append_missing_lines(existing: &str, ours: &str) -> Option<String> {
    let have: std::collections::HashSet<&str> = existing.lines().map(str::trim).collect();
    let missing: Vec<&str> = ours
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter(|line| !have.contains(line.trim()))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = existing.to_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.extend(
        ours.lines()
            .filter(|line| line.starts_with('#'))
            .map(|line| format!("{line}\n")),
    );
    text.extend(missing.iter().map(|line| format!("{line}\n")));
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_placeholder_is_left() {
        for aplan_repo in [None, Some("aplan-tool/aplan".to_owned())] {
            let options = Options {
                library: "St \"Quoted\" Library: \\ York".to_owned(),
                year: 2027,
                aplan_repo,
                aplan_ref: version_tag(),
                templates: true,
            };
            // Templates are minijinja and keep their `{{ … }}`; the rest must be filled in.
            for file in files(&options)
                .iter()
                .filter(|f| !f.path.starts_with("templates/"))
            {
                let unfilled = file.contents.replace("${{", "");
                assert!(!unfilled.contains("{{"), "{}", file.path);
            }
        }
    }
}

#[cfg(test)]
mod option_tests {
    use super::*;

    #[test]
    fn a_repository_is_owner_and_name() {
        assert_eq!(
            github_repository("aplan-tool/aplan").unwrap(),
            "aplan-tool/aplan"
        );
        assert_eq!(
            github_repository("https://github.com/aplan-tool/aplan.git").unwrap(),
            "aplan-tool/aplan"
        );
        for bad in [
            "aplan",
            "a/b/c",
            "a/b c",
            "https://example.org/a/b",
            "../x",
            "a/",
        ] {
            assert!(github_repository(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_ref_cannot_break_out_of_yaml_or_shell() {
        assert!(git_ref("v0.2.0").is_ok());
        assert!(git_ref("release/2017").is_ok());
        for bad in ["", "-x", "v1 ; rm", "v1\nrun: x", "${{ x }}", "a'b"] {
            assert!(git_ref(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn gitignore_lines_are_appended_once() {
        let ours = "# Made by aplan\n/out/\n/site/\n";
        let once = append_missing_lines("target\n/out/", ours).unwrap();
        assert_eq!(once, "target\n/out/\n\n# Made by aplan\n/site/\n");
        assert_eq!(append_missing_lines(&once, ours), None);
        assert_eq!(append_missing_lines("", ours).unwrap(), ours);
    }
}
