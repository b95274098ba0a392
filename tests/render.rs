//! `aplan render` and `aplan templates` as users run them: the documents of the bundled
//! repository, hostile plans, overrides, files written and refused, bad input.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, fixtures, repo_with};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Standard output of a run that must succeed.
fn rendered(dir: &Path, args: &[&str]) -> String {
    let output = aplan(dir).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "aplan {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The base repository with the hostile plan and settings laid over it.
fn hostile_repo() -> tempfile::TempDir {
    repo_with(Some(&fixtures().join("render/hostile")))
}

#[test]
fn markdown_of_a_bundled_plan_with_a_previous_year() {
    let md = rendered(bundled(), &["render", "history/2017"]);
    insta::assert_snapshot!(md);
}

#[test]
fn html_of_a_bundled_plan_with_a_previous_year() {
    let html = rendered(bundled(), &["render", "history/2017", "--format", "html"]);
    insta::assert_snapshot!(html);
}

#[test]
fn same_inputs_give_byte_identical_output() {
    for format in ["md", "html"] {
        let args = ["render", "plans/2017/physics.toml", "--format", format];
        assert_eq!(rendered(bundled(), &args), rendered(bundled(), &args));
    }
}

#[test]
fn every_bundled_plan_renders() {
    let out = tempfile::tempdir().unwrap();
    for year in ["2016", "2017"] {
        for format in ["md", "html"] {
            let dir = out.path().join(format!("{year}-{format}"));
            aplan(bundled())
                .args(["render", "--year", year, "--format", format, "--out"])
                .arg(&dir)
                .assert()
                .success()
                .stderr(contains(format!("wrote 13 plans and index.{format}")));
            assert_eq!(fs::read_dir(&dir).unwrap().count(), 14);
        }
    }
}

#[test]
fn the_document_has_every_section_in_order() {
    let md = rendered(bundled(), &["render", "history/2017"]);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## At a glance",
            "## How our action plans work",
            "## The library and the Department of History in numbers",
            "## What we did last year",
            "## Issues",
            // A final plan records what was agreed.
            "## Agreed actions",
            "## Next steps",
        ]
    );
    // Known answers from plans/2017/history.toml and plans/2016/history.toml.
    assert!(md.contains("| **Total** | **£159,600** |"), "{md}");
    assert!(
        md.contains("| E-book section requests | 23,975 | 18,230 | +5,745 | +31.5% | COUNTER |")
    );
    assert!(md.contains("**-0.30 (below minimum)**"));
    assert!(md.contains("The 2016 plan had 6 actions: 3 done, 2 in progress, 1 dropped."));
    assert!(md.contains("- Claire Drummond, Liaison Manager"));
    // A final plan has no draft banner.
    assert!(!md.contains("Draft for discussion"));
}

#[test]
fn only_a_draft_carries_the_draft_banner() {
    // A plan sent to the department and one whose meeting took place are no longer
    // drafts: the first is what the department reads, the second records the meeting.
    for plan in ["philosophy/2017", "biology/2017"] {
        let md = rendered(bundled(), &["render", plan]);
        assert!(!md.contains("Draft for discussion"), "{plan}: {md}");
        let html = rendered(bundled(), &["render", plan, "--format", "html"]);
        assert!(!html.contains("Draft for discussion"), "{plan}: {html}");
        let bytes = aplan(bundled())
            .args(["render", plan, "--format", "docx"])
            .output()
            .unwrap()
            .stdout;
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("<w:document"), "{plan}: a Word document");
        assert!(!text.contains("<w:hdr"), "{plan}: no page header");
        assert!(!text.contains("Draft for discussion"), "{plan}");
    }
}

#[test]
fn a_draft_has_the_banner_and_says_when_the_final_plan_follows() {
    let md = rendered(bundled(), &["render", "mathematics/2017"]);
    assert!(md.contains("> **Draft for discussion.**"), "{md}");
    let html = rendered(
        bundled(),
        &["render", "mathematics/2017", "--format", "html"],
    );
    assert!(html.contains("<p class=\"banner\"><strong>Draft for discussion</strong>"));

    let repo = repo_with(None);
    let md = rendered(repo.path(), &["render", "history/2017"]);
    // Met on 14 March 2017; the final plan is due within 7 days.
    assert!(
        md.contains("will be sent to the department by 21 March 2017"),
        "{md}"
    );
}

#[test]
fn the_process_is_explained_only_to_a_new_head_of_department() {
    // The base fixture's History has the same Head in 2016 and 2017.
    let repo = repo_with(None);
    let md = rendered(repo.path(), &["render", "history/2017"]);
    assert!(!md.contains("How our action plans work"), "{md}");

    let plan = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(&plan, text.replace("Prof. Ann Head", "Prof. Nina New")).unwrap();
    let md = rendered(repo.path(), &["render", "history/2017"]);
    assert!(md.contains("## How our action plans work"), "{md}");
    assert!(md.contains("Welcome, Prof. Nina New."), "{md}");
}

#[test]
fn a_department_without_an_earlier_plan_says_so() {
    let repo = repo_with(None);
    let md = rendered(repo.path(), &["render", "chemistry/2017"]);
    assert!(
        md.contains("There is no earlier plan for the Department of Chemistry"),
        "{md}"
    );
    assert!(md.contains("- **Meeting:** to be arranged"), "{md}");
    assert!(
        md.contains("The meeting has not been arranged yet."),
        "{md}"
    );
}

/// Every tag in `html` (text `<` is escaped, so each `<` starts a tag or a comment):
/// only known elements, no event handler, no script, links only to the web or mail.
fn assert_no_executable_markup(html: &str) {
    const ALLOWED: &[&str] = &[
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "header",
        "footer",
        "section",
        "article",
        "div",
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "a",
        "span",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "figure",
        "figcaption",
        "blockquote",
        "code",
        "pre",
        "del",
        "hr",
        // The trend lines "At a glance" draws: shapes only, their text in an escaped label.
        "svg",
        "polyline",
        "circle",
    ];
    for piece in html.split('<').skip(1) {
        if piece.starts_with("!--") {
            continue;
        }
        let tag = &piece[..piece.find('>').expect("every tag is closed")];
        let tag = tag.trim_start_matches('/');
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        assert!(ALLOWED.contains(&name.as_str()), "unexpected <{tag}>");
        for attribute in tag.split_whitespace().skip(1) {
            let attr = attribute.to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "event handler in <{tag}>");
            assert!(!attr.starts_with("src"), "a source to fetch in <{tag}>");
            if let Some(url) = attr.strip_prefix("href=\"") {
                let relative = !url.contains(':');
                let web_or_mail = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|ok| url.starts_with(ok));
                assert!(relative || web_or_mail, "unsafe link in <{tag}>");
            }
        }
    }
}

#[test]
fn a_hostile_plan_renders_as_html_with_no_executable_markup() {
    let repo = hostile_repo();
    let html = rendered(repo.path(), &["render", "history/2017", "--format", "html"]);
    assert_no_executable_markup(&html);
    assert!(!html.contains("evil.example"), "an image URL survived");
    assert_eq!(html.matches("<h1").count(), 1);
    // The text is all there, escaped.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("&quot;Ancient&quot; &amp; &#x27;Modern&#x27;"));
    assert!(html.contains("<a href=\"https://example.ac.uk/guide\">ok</a>"));
}

#[derive(Debug, serde::Deserialize)]
struct FrontMatter {
    title: String,
    department: String,
    department_name: String,
    year: i64,
    status: String,
    meeting: Option<String>,
}

/// The YAML between the opening `---` and the next one, and the Markdown after it.
fn split_front_matter(md: &str) -> (&str, &str) {
    let rest = md.strip_prefix("---\n").expect("front matter first");
    let end = rest.find("\n---\n").expect("front matter closed");
    (&rest[..end + 1], &rest[end + 5..])
}

#[test]
fn a_hostile_plan_renders_as_markdown_with_valid_front_matter_and_no_markup() {
    let repo = hostile_repo();
    let md = rendered(repo.path(), &["render", "history/2017"]);
    let (yaml, body) = split_front_matter(&md);
    let front: FrontMatter = serde_saphyr::from_str(yaml).unwrap();
    let name = "History: \"Ancient\" & 'Modern' <script>alert(1)</script>";
    assert_eq!(front.title, format!("{name}: library action plan 2017"));
    assert_eq!(front.department, "history");
    assert_eq!(front.department_name, name);
    assert_eq!(front.year, 2017);
    assert_eq!(front.status, "draft");
    assert_eq!(front.meeting.as_deref(), Some("2017-03-14"));

    // A static site generator that lets raw HTML through still gets no markup from the
    // plan: every `<` in the text is escaped.
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.render.r#unsafe = true;
    let html = comrak::markdown_to_html(body, &options);
    assert_no_executable_markup(&html);
    assert!(!html.contains("evil.example"));
    // The pipe in a table cell stays in its cell.
    assert!(
        html.contains("<td>&lt;b&gt;Books&lt;/b&gt; &amp; &quot;journals&quot; | pipes</td>"),
        "{html}"
    );
}

#[test]
fn a_plan_can_be_named_by_path_from_any_folder() {
    let repo = repo_with(None);
    let by_reference = rendered(repo.path(), &["render", "history/2017"]);
    let by_path = rendered(repo.path(), &["render", "plans/2017/history.toml"]);
    let from_folder = rendered(&repo.path().join("plans/2017"), &["render", "history.toml"]);
    assert_eq!(by_reference, by_path);
    assert_eq!(by_reference, from_folder);
}

#[test]
fn a_plan_with_errors_renders_only_with_force() {
    let repo = repo_with(None);
    let plan = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("owner = \"bjones\"", "owner = \"bjnoes\""),
    )
    .unwrap();
    aplan(repo.path())
        .args(["render", "chemistry/2017"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "plans/2017/chemistry.toml has errors (first, line 15: owner `bjnoes` is not in aplan.toml)",
        ))
        .stderr(contains("--force"));
    aplan(repo.path())
        .args(["render", "chemistry/2017", "--force"])
        .assert()
        .success()
        .stdout(contains(
            "| Open access workshop for research staff | bjnoes |",
        ))
        .stderr(contains("warning: plans/2017/chemistry.toml has errors"));

    // A whole year skips it, and says so.
    let out = repo.path().join("out");
    aplan(repo.path())
        .args(["render", "--year", "2017", "--out", "out"])
        .assert()
        .success()
        .stderr(contains(
            "left out 1 plan with errors (plans/2017/chemistry.toml); run `aplan validate` to see them",
        ));
    assert!(out.join("2017-history.md").is_file());
    assert!(!out.join("2017-chemistry.md").exists());
}

/// Guards the one path for warnings: `render` once wrote its own to stderr, past `--quiet`
/// and with a plan's control characters left in for the terminal to run.
#[test]
fn render_warnings_honour_quiet_and_lose_control_characters() {
    let repo = repo_with(None);
    let plan = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("owner = \"bjones\"", "owner = \"bj\\u001b[2Jnoes\""),
    )
    .unwrap();
    let output = aplan(repo.path())
        .args(["render", "chemistry/2017", "--force"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: plans/2017/chemistry.toml has errors"),
        "{stderr}"
    );
    assert!(stderr.contains("bj\u{fffd}[2Jnoes"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    aplan(repo.path())
        .args(["-q", "render", "chemistry/2017", "--force"])
        .assert()
        .success()
        .stderr("");
    aplan(repo.path())
        .args(["-q", "render", "--year", "2017", "--out", "out"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_file_that_is_not_a_plan_at_all_is_reported_as_skipped() {
    let repo = repo_with(None);
    fs::write(repo.path().join("plans/2017/music.toml"), "department = [").unwrap();
    aplan(repo.path())
        .args(["render", "--year", "2017", "--out", "out", "--force"])
        .assert()
        .success()
        .stderr(contains(
            "left out 1 plan with errors (plans/2017/music.toml)",
        ));
}

#[test]
fn out_writes_one_file_per_plan_and_an_index() {
    let repo = repo_with(None);
    aplan(repo.path())
        .args([
            "render", "--year", "2017", "--format", "html", "--out", "site",
        ])
        .assert()
        .success();
    let site = repo.path().join("site");
    let mut names: Vec<String> = fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["2017-chemistry.html", "2017-history.html", "index.html"]
    );
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("<a href=\"2017-history.html\">Department of History</a>"));
    assert_no_executable_markup(&index);

    let md = rendered(
        repo.path(),
        &["render", "history/2017", "history/2016", "--out", "md"],
    );
    assert_eq!(md, "");
    let index = fs::read_to_string(repo.path().join("md/index.md")).unwrap();
    insta::assert_snapshot!(index);
}

#[test]
fn out_refuses_to_overwrite_without_force() {
    let repo = repo_with(None);
    let site = repo.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(site.join("2017-history.md"), "mine").unwrap();
    aplan(repo.path())
        .args(["render", "--year", "2017", "--out", "site"])
        .assert()
        .code(2)
        .stderr(contains(
            "2017-history.md already exists; use --force to overwrite",
        ));
    // Nothing was written: the refusal comes before any file.
    assert_eq!(fs::read_dir(&site).unwrap().count(), 1);
    assert_eq!(
        fs::read_to_string(site.join("2017-history.md")).unwrap(),
        "mine"
    );

    aplan(repo.path())
        .args(["render", "--year", "2017", "--out", "site", "--force"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(site.join("2017-history.md"))
            .unwrap()
            .starts_with("---\n")
    );
}

#[test]
fn output_file_refuses_to_overwrite_and_takes_its_format_from_the_extension() {
    let repo = repo_with(None);
    aplan(repo.path())
        .args(["render", "history/2017", "-o", "history.html"])
        .assert()
        .success()
        .stdout("");
    let html = fs::read_to_string(repo.path().join("history.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    aplan(repo.path())
        .args(["render", "history/2017", "-o", "history.html"])
        .assert()
        .code(2)
        .stderr(contains(
            "history.html already exists; use --force to overwrite",
        ));
    aplan(repo.path())
        .args([
            "render",
            "history/2017",
            "-o",
            "history.html",
            "--format",
            "md",
            "--force",
        ])
        .assert()
        .success();
    let md = fs::read_to_string(repo.path().join("history.html")).unwrap();
    assert!(md.starts_with("---\n"));
}

#[test]
fn several_plans_need_a_folder() {
    let repo = repo_with(None);
    aplan(repo.path())
        .args(["render", "--year", "2017"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "2 plans to render, and standard output takes one; write them all with --out DIR",
        ));
    aplan(repo.path())
        .args(["render", "history/2017", "chemistry/2017", "-o", "x.md"])
        .assert()
        .code(2)
        .stderr(contains("-o takes one"));
    aplan(repo.path())
        .args(["render", "--year", "2015", "--out", "x"])
        .assert()
        .code(2)
        .stderr(contains(
            "there are no plans for 2015; years with plans: 2016, 2017",
        ));
    aplan(repo.path())
        .args(["render", "history/2017", "--out", "x", "-o", "y"])
        .assert()
        .code(2);
}

#[test]
fn the_repositorys_templates_override_the_built_in_ones_file_by_file() {
    let repo = repo_with(None);
    let templates = repo.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("plan.md"),
        "# {{ department.name }} {{ year }}\n{% include \"footer.md\" %}",
    )
    .unwrap();
    fs::write(templates.join("footer.md"), "Liaison: {{ liaison.name }}\n").unwrap();
    let md = rendered(repo.path(), &["render", "history/2017"]);
    assert_eq!(md, "# Department of History 2017\nLiaison: Jane Smith\n");
    // The HTML template is still the built-in one.
    let html = rendered(repo.path(), &["render", "history/2017", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));

    let listing = rendered(repo.path(), &["templates"]);
    insta::assert_snapshot!(listing);
}

#[test]
fn a_broken_template_names_its_file_and_line() {
    let repo = repo_with(None);
    let templates = repo.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("plan.md"),
        "# {{ title }}\n\n{% if year %}\nno end\n",
    )
    .unwrap();
    aplan(repo.path())
        .args(["render", "history/2017"])
        .assert()
        .code(2)
        .stderr(contains("error: template templates/plan.md, line "))
        .stderr(contains("syntax error"));

    // An undefined variable is an error, not an empty string; in an included piece, the
    // piece is named.
    fs::write(
        templates.join("plan.md"),
        "# {{ title }}\n{% include \"piece.md\" %}",
    )
    .unwrap();
    fs::write(templates.join("piece.md"), "ok\n\n{{ departmnet.name }}\n").unwrap();
    aplan(repo.path())
        .args(["render", "history/2017"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "error: template templates/piece.md, line 3: undefined value `departmnet.name`, in `{{ departmnet.name }}`",
        ));

    // --templates points somewhere else.
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("plan.html"), "{{ nope }}").unwrap();
    aplan(repo.path())
        .args(["render", "history/2017", "--format", "html", "--templates"])
        .arg(other.path())
        .assert()
        .code(2)
        .stderr(contains("plan.html, line 1: undefined value `nope`"));
}

#[test]
fn templates_dump_writes_the_built_in_ones_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    aplan(dir.path())
        .args(["templates", "--dump", "mine"])
        .assert()
        .success()
        .stderr(contains("wrote 29 templates to"));
    for name in [
        "diff.md",
        "digest.html",
        "digest.md",
        "draft.toml",
        "history.md",
        "index.html",
        "index.md",
        "plan.html",
        "plan.md",
        "priorities.html",
        "priorities.md",
        "process.md",
        "site-actions.html",
        "site-activity.html",
        "site-head.html",
        "site-index.html",
        "site-nav.html",
        "site-page.html",
        "site-plan.html",
        "site-review.html",
        "site-themes.html",
        "site-timeline.html",
        "site-workload.html",
        "site.css",
        "style.css",
        "themes.css",
        "themes.html",
        "themes.md",
        "workload.md",
    ] {
        let dumped = fs::read_to_string(dir.path().join("mine").join(name)).unwrap();
        let shipped = fs::read_to_string(bundled().join("templates").join(name)).unwrap();
        assert_eq!(dumped, shipped, "{name}");
    }
    aplan(dir.path())
        .args(["templates", "--dump", "mine"])
        .assert()
        .code(2)
        .stderr(contains("already exists; use --force to overwrite"));
    aplan(dir.path())
        .args(["templates", "--dump", "mine", "--force"])
        .assert()
        .success();
    // Outside a plans repository the listing shows the built-in templates.
    aplan(dir.path())
        .arg("templates")
        .assert()
        .success()
        .stdout(
            predicates::str::is_match(r"plan\.html +built-in")
                .unwrap()
                .and(contains("templates/").not()),
        );
}

/// The "At a glance" section of a document: from its heading to the next one.
fn glance(document: &str, heading: &str) -> String {
    let start = document.find(heading).expect("an At a glance section");
    let rest = &document[start + heading.len()..];
    let end = rest
        .find("\n## ")
        .or_else(|| rest.find("</section>"))
        .unwrap_or(rest.len());
    rest[..end].to_owned()
}

// The Head reads the trend of each usage figure over every year the repository holds,
// oldest first, the year before the first plan taken from its `previous` figure.
#[test]
fn at_a_glance_shows_the_trend_over_three_years_of_plans_in_order() {
    let repo = repo_with(Some(&fixtures().join("render/three-years")));
    let md = rendered(repo.path(), &["render", "history/2017"]);
    let section = glance(&md, "## At a glance");
    assert!(
        section.contains(
            "| Loans | 1,200 (+9.1%); 2014: 940 · 2015: 990 · 2016: 1,100 · 2017: 1,200 |"
        ),
        "{section}"
    );
    assert!(
        section.contains("| Investment | £45,000, +£2,000 (+4.7%) on 2016 |"),
        "{section}"
    );
    assert!(
        section.contains("below the minimum on Information Control (-0.30)"),
        "{section}"
    );
    let html = rendered(repo.path(), &["render", "history/2017", "--format", "html"]);
    let section = glance(&html, "<h2 id=\"at-a-glance\">At a glance</h2>");
    assert!(
        section.contains("aria-label=\"by year: 2014: 940; 2015: 990; 2016: 1,100; 2017: 1,200\""),
        "{section}"
    );
    assert_eq!(section.matches("<circle ").count(), 4, "{section}");
}

// A draft fresh from `aplan new` has no figures yet: the glance says so and shows no
// amount, no change and no trend rather than zeros.
#[test]
fn at_a_glance_of_a_draft_with_unfilled_figures_shows_none_of_them() {
    let repo = repo_with(None);
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success();
    let md = rendered(
        repo.path(),
        &["render", "history/2018", "--as-of", "2017-10-02"],
    );
    let section = glance(&md, "## At a glance");
    assert!(
        section.contains("| Investment, usage, LibQual+ | not yet entered |"),
        "{section}"
    );
    for invented in ["£", "%", "·", "LibQual+ 2016 |"] {
        assert!(!section.contains(invented), "{invented} in {section}");
    }
    assert!(md.contains("### Investment\n\nNot yet entered."), "{md}");
    assert!(!md.contains("£0"), "{md}");
    let html = rendered(
        repo.path(),
        &[
            "render",
            "history/2018",
            "--format",
            "html",
            "--as-of",
            "2017-10-02",
        ],
    );
    let section = glance(&html, "<h2 id=\"at-a-glance\">At a glance</h2>");
    assert!(!section.contains("<svg"), "{section}");
    assert!(!section.contains('£'), "{section}");
    assert!(section.contains("Not yet entered"), "{section}");
}

/// A Word document is a zip file; its document part is stored uncompressed, so its text
/// can be looked for in the bytes.
fn docx_part(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip file");
    let text = String::from_utf8_lossy(bytes);
    let start = text.find("<w:document").expect("a document part");
    let end = text[start..].find("</w:document>").expect("its end") + start;
    text[start..end].to_owned()
}

#[test]
fn docx_is_taken_from_the_extension_and_holds_the_document() {
    let repo = repo_with(None);
    aplan(repo.path())
        .args(["render", "history/2017", "-o", "history.docx"])
        .assert()
        .success()
        .stdout("");
    let bytes = fs::read(repo.path().join("history.docx")).unwrap();
    let xml = docx_part(&bytes);
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "A4");
    assert!(xml.contains("Agreed actions"));
    assert!(xml.contains("<w:tbl>"));
}

#[test]
fn a_draft_in_word_carries_the_banner_on_every_page() {
    let bytes = aplan(bundled())
        .args(["render", "mathematics/2017", "--format", "docx"])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("<w:hdr"), "a page header");
    assert!(text.contains("Draft for discussion"));
    assert!(docx_part(&bytes).contains("Proposed actions"));
}

#[test]
fn a_word_document_is_the_same_bytes_alone_and_in_a_folder() {
    let out = tempfile::tempdir().unwrap();
    aplan(bundled())
        .args(["render", "--year", "2017", "--format", "docx", "--out"])
        .arg(out.path())
        .assert()
        .success();
    for plan in ["history", "physics", "mathematics"] {
        let alone = aplan(bundled())
            .args(["render", &format!("{plan}/2017"), "--format", "docx"])
            .output()
            .unwrap()
            .stdout;
        let in_folder = fs::read(out.path().join(format!("2017-{plan}.docx"))).unwrap();
        assert!(alone == in_folder, "{plan}: the bytes differ");
    }
    assert!(out.path().join("index.docx").is_file());
}

#[test]
fn an_extension_aplan_cannot_write_is_refused() {
    let repo = repo_with(None);
    aplan(repo.path())
        .args(["render", "history/2017", "-o", "history.pdf"])
        .assert()
        .code(2)
        .stderr(contains(
            "aplan cannot write .pdf documents; name the file .md, .html or .docx",
        ));
    assert!(!repo.path().join("history.pdf").exists());
}
