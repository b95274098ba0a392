//! `aplan site` on fixture repositories: each page's content, links that resolve, nothing
//! fetched from elsewhere, the same bytes on every run, and refusals that leave the output
//! folder as it was.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{aplan, copy_tree, fixtures, repo_with};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// The site's files by name, read back.
type Site = BTreeMap<String, String>;

/// Runs `aplan site --out site` with `args` in `repo` and reads every file it wrote.
fn build(repo: &Path, args: &[&str]) -> Site {
    let output = aplan(repo)
        .args(["site", "--out", "site"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    read_site(&repo.join("site"))
}

fn read_site(dir: &Path) -> Site {
    let mut site = Site::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        site.insert(name, fs::read_to_string(entry.path()).unwrap());
    }
    site
}

/// Every value of `attribute="…"` in a page, in order.
fn attribute_values<'a>(page: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    page.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &page[at + needle.len()..];
            &rest[..rest.find('"').expect("a closed attribute")]
        })
        .collect()
}

/// The base fixture's site, as of the tests' fixed day.
fn base_site() -> (tempfile::TempDir, Site) {
    let repo = repo_with(None);
    let site = build(repo.path(), &[]);
    (repo, site)
}

#[test]
fn writes_the_pages_the_plans_and_one_stylesheet() {
    let (_repo, site) = base_site();
    let names: Vec<&str> = site.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "2016-history.html",
            "2017-chemistry.html",
            "2017-history.html",
            "actions.html",
            "activity.html",
            "index.html",
            "review.html",
            "style.css",
            "themes.html",
            "timeline.html",
            "workload.html",
        ]
    );
    for (name, page) in site.iter().filter(|(n, _)| n.ends_with(".html")) {
        assert_eq!(
            attribute_values(page, "href")
                .iter()
                .filter(|h| h.ends_with(".css"))
                .collect::<Vec<_>>(),
            [&"style.css"],
            "{name} links the one stylesheet"
        );
        assert!(!page.contains("<style"), "{name} has no inline style");
        assert!(!page.contains("<script"), "{name} has no script");
        assert!(
            page.contains("<nav aria-label=\"Site\">"),
            "{name} has the navigation"
        );
    }
    // The stylesheet is the meeting documents' with the site's rules after it.
    let built_in =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/style.css"))
            .unwrap();
    assert!(site["style.css"].starts_with(built_in.trim_end()));
    assert!(site["style.css"].contains(".heat-4"));
    assert!(site["style.css"].contains("@media print"));
}

#[test]
fn every_internal_link_resolves_to_a_file_and_its_anchor() {
    for repo in [
        repo_with(None),
        repo_with(Some(&fixtures().join("render/hostile"))),
        bundled_copy(),
    ] {
        let site = build(repo.path(), &[]);
        let mut checked = 0;
        for (name, page) in site.iter().filter(|(n, _)| n.ends_with(".html")) {
            assert!(
                attribute_values(page, "src").is_empty(),
                "{name} loads nothing"
            );
            for href in attribute_values(page, "href") {
                if href.starts_with("mailto:") || href.starts_with("https:") {
                    continue;
                }
                assert!(
                    !href.contains(':') && !href.starts_with('/') && !href.starts_with("//"),
                    "{name}: {href} is not a relative link"
                );
                let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
                let target = if file.is_empty() { name.as_str() } else { file };
                let Some(linked) = site.get(target) else {
                    panic!("{name} links to {href}, which is not in the site");
                };
                if !anchor.is_empty() {
                    assert!(
                        linked.contains(&format!(" id=\"{anchor}\"")),
                        "{name} links to {href}, which has no such anchor"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 20, "only {checked} links checked");
    }
}

/// A copy of the repository's own plans, which a test may write a site into.
fn bundled_copy() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root.join("aplan.toml"), dir.path().join("aplan.toml")).unwrap();
    copy_tree(&root.join("plans"), &dir.path().join("plans"));
    copy_tree(&root.join("templates"), &dir.path().join("templates"));
    dir
}

#[test]
fn the_same_inputs_give_a_byte_identical_site() {
    let repo = bundled_copy();
    let first = build(repo.path(), &[]);
    let second_dir = repo.path().join("again");
    aplan(repo.path())
        .args(["site", "--out", "again"])
        .assert()
        .success();
    assert_eq!(first, read_site(&second_dir));
    assert!(first.len() > 20, "the bundled site has a page per plan");
}

#[test]
fn index_shows_each_departments_place_in_the_cycle() {
    let (_repo, site) = base_site();
    let index = &site["index.html"];
    insta::assert_snapshot!("index", index);
    // History met on 14 March; its final plan was due by the 21st (today is 1 April).
    let history = row(index, "2017-history.html");
    assert!(history.contains("Jane Smith"), "{history}");
    assert!(history.contains(">Met<"), "{history}");
    assert!(history.contains("final plan 11 days late"), "{history}");
    assert!(history.contains("14 Mar 2017"), "{history}");
    assert!(
        history.contains("href=\"2016-history.html\">2016<"),
        "{history}"
    );
    // Chemistry is a draft with no meeting booked, and no earlier plan.
    let chemistry = row(index, "2017-chemistry.html");
    assert!(chemistry.contains(">Draft<"), "{chemistry}");
    assert!(chemistry.contains("Not booked"), "{chemistry}");
    assert!(
        chemistry.contains("Next: meeting with the department not booked yet"),
        "{chemistry}"
    );
    assert!(!chemistry.contains("2016"), "{chemistry}");
}

#[test]
fn next_steps_are_in_words_for_colleagues_who_do_not_use_aplan() {
    let repo = bundled_copy();
    fs::remove_file(repo.path().join("plans/2017/music.toml")).unwrap();
    let site = build(repo.path(), &[]);
    let index = &site["index.html"];
    let music = row_of(index, "Department of Music");
    assert!(music.contains("Next: plan not drafted yet"), "{music}");
    // Sociology is a draft whose meeting is on 27 April 2017, with 7 days to send it.
    let sociology = row(index, "2017-sociology.html");
    assert!(
        sociology.contains("Next: plan to be sent to the department by 20 April 2017"),
        "{sociology}"
    );
    for page in ["index.html", "timeline.html"] {
        for command in ["aplan new", "aplan validate", "(aplan"] {
            assert!(!site[page].contains(command), "{page} names {command}");
        }
    }
}

#[test]
fn the_actions_page_lists_helpers_and_marks_quick_wins() {
    let repo = bundled_copy();
    let site = build(repo.path(), &[]);
    let page = &site["actions.html"];
    let section = |id: &str| {
        let start = page
            .find(&format!("<section aria-labelledby=\"person-{id}\">"))
            .unwrap_or_else(|| panic!("no section for {id}"));
        let end = page[start..].find("</section>").unwrap() + start;
        &page[start..end]
    };
    // Hannah Patel owns the archives workshop of History's plan, and Aisha Khan helps.
    let owner = section("hpatel");
    let helper = section("akhan");
    assert!(owner.contains("action-archives-workshop"), "{owner}");
    assert!(helper.contains("action-archives-workshop"), "{helper}");
    let line = helper
        .lines()
        .find(|l| l.contains("action-archives-workshop"))
        .unwrap();
    assert!(line.contains("helping Hannah Patel"), "{line}");
    assert!(!line.contains("with Aisha Khan"), "{line}");
    assert!(page.contains("<strong class=\"quick-win\">Quick win</strong>"));
    let quick = page
        .lines()
        .find(|l| l.contains("Fix broken links on Biology reading lists"))
        .unwrap();
    assert!(quick.contains("Quick win"), "{quick}");
}

#[test]
fn each_plan_page_links_the_departments_plans_across_years() {
    let repo = bundled_copy();
    let site = build(repo.path(), &[]);
    for (page, current, other) in [
        ("2016-biology.html", "2016", "2017-biology.html"),
        ("2017-biology.html", "2017", "2016-biology.html"),
    ] {
        let page = &site[page];
        let start = page
            .find("<nav class=\"plan-years\"")
            .expect("the years' links");
        let nav = &page[start..start + page[start..].find("</nav>").unwrap()];
        assert!(
            nav.contains(&format!("aria-current=\"page\">{current}<")),
            "{nav}"
        );
        assert!(nav.contains(&format!("href=\"{other}\"")), "{nav}");
    }
}

/// The table row of the index that links to `file` first.
fn row<'a>(page: &'a str, file: &str) -> &'a str {
    let at = page
        .find(&format!("<a href=\"{file}\">"))
        .unwrap_or_else(|| panic!("no link to {file}"));
    let start = page[..at].rfind("<tr>").unwrap();
    let end = at + page[at..].find("</tr>").unwrap();
    &page[start..end]
}

#[test]
fn report_pages() {
    let (_repo, site) = base_site();
    for name in ["timeline", "workload", "themes", "actions"] {
        insta::assert_snapshot!(name, site[&format!("{name}.html")]);
    }
}

#[test]
fn a_plan_page_is_the_meeting_document_with_the_sites_navigation() {
    let repo = repo_with(None);
    let site = build(repo.path(), &[]);
    let page = &site["2017-history.html"];
    insta::assert_snapshot!("plan", page);
    let rendered = aplan(repo.path())
        .args(["render", "history/2017", "--format", "html"])
        .output()
        .unwrap();
    let rendered = String::from_utf8(rendered.stdout).unwrap();
    // Everything from the document's <main> on is the same as `aplan render` writes.
    let body = |html: &str| html[html.find("<main").unwrap()..].to_owned();
    assert_eq!(body(page), body(&rendered));
}

#[test]
fn workload_chart_marks_over_limit_bars_without_relying_on_colour() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("workload"), dir.path());
    let site = build(dir.path(), &[]);
    let page = &site["workload.html"];
    let chart = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
    // Dan has 3 active initiatives against a limit of 2; Bob has exactly 2.
    assert!(chart.contains("<title>Dan Helper: 3 of 2: over the limit</title>"));
    assert!(chart.contains(">3 of 2: over the limit</text>"));
    assert!(chart.contains("<title>Bob Owner: 2</title>"));
    assert_eq!(chart.matches("fill=\"url(#over-limit)\"").count(), 1);
    assert!(chart.contains(">limit: 2</text>"));
    assert!(
        chart.contains("stroke-dasharray"),
        "the limit is a dashed line"
    );
    assert!(chart.contains("role=\"img\""));
    assert!(chart.contains("Over the limit: Dan Helper (3)."));
    // The table says it in words too.
    assert!(page.contains("3 <strong class=\"over\">over the limit</strong>"));
}

#[test]
fn timeline_strip_spans_the_cycles_months_with_a_marker_for_today() {
    let (_repo, site) = base_site();
    let page = &site["timeline.html"];
    let chart = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
    // History's dates run from 7 March (sent) to 21 March (final plan due); today is
    // 1 April, inside the plan year, so the strip runs March to April.
    assert!(chart.contains(">March 2017</text>"));
    assert!(chart.contains(">April 2017</text>"));
    assert!(!chart.contains("February"));
    assert!(chart.contains(">today, 1 Apr</text>"));
    assert!(chart.contains("<title>Department of History: plan sent 7 March 2017</title>"));
    assert!(chart.contains("<title>Department of History: meeting 14 March 2017</title>"));
    assert!(
        chart
            .contains("<title>Department of History: send the final plan by 21 March 2017</title>")
    );
    assert!(chart.contains(">Met, late</text>"));
}

#[test]
fn themes_page_shows_the_heat_map_common_themes_and_groups() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("themes"), dir.path());
    let site = build(dir.path(), &[]);
    let page = &site["themes.html"];
    // History carries reading lists on an issue and an action: 2, the second shade.
    let history = row(page, "2017-history.html");
    assert!(
        history.contains("<td class=\"heat heat-2\">2</td>"),
        "{history}"
    );
    // Reading lists (4 departments) and open access (3) are common; study space (2) is not.
    let head = &page[page.find("<thead>").unwrap()..page.find("</thead>").unwrap()];
    assert!(head.contains("Reading lists <span class=\"common\">common</span>"));
    assert!(head.contains("Open access <span class=\"common\">common</span>"));
    assert!(head.contains("<th scope=\"col\">Study space</th>"));
    // Open access has no shared initiative: its departments could work together.
    let groups =
        &page[page.find("id=\"candidates\"").unwrap()..page.find("id=\"common\"").unwrap()];
    assert!(groups.contains("<h3 id=\"candidate-open-access\">Open access</h3>"));
    assert!(groups.contains("Department of Chemistry, Law School, Department of Physics"));
    assert!(groups.contains("Bilal Khan, Cara Moss"));
    assert!(
        !groups.contains("Reading lists"),
        "reading lists has a shared initiative"
    );
    let common = &page[page.find("id=\"common\"").unwrap()..];
    assert!(
        common.contains("Shared work: Reading list review"),
        "{common}"
    );
}

#[test]
fn hostile_text_is_escaped_on_every_page_and_in_the_charts() {
    let repo = repo_with(Some(&fixtures().join("render/hostile")));
    let site = build(repo.path(), &[]);
    for (name, page) in &site {
        for markup in [
            "<script",
            "<img",
            "<iframe",
            "<b>",
            "<b ",
            "<a href=\"javascript",
        ] {
            assert!(!page.contains(markup), "{name} contains {markup}");
        }
        assert!(!page.contains("onerror=alert(1)>"), "{name}");
    }
    assert!(
        site["index.html"]
            .contains("History: &quot;Ancient&quot; &amp; &#x27;Modern&#x27; &lt;script&gt;")
    );
    assert!(site["workload.html"].contains("Jane &lt;img src=x onerror=alert(1)&gt; Smith"));
    assert!(site["timeline.html"].contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn year_picks_the_dashboard_and_the_plans_up_to_it() {
    let repo = repo_with(None);
    let site = build(repo.path(), &["--year", "2016"]);
    assert!(site.contains_key("2016-history.html"));
    assert!(!site.keys().any(|name| name.starts_with("2017-")));
    assert!(site["index.html"].contains("<h1>Action plans 2016</h1>"));
    assert!(
        site["index.html"].contains("No plan yet"),
        "chemistry has no 2016 plan"
    );

    aplan(repo.path())
        .args(["site", "--out", "other", "--year", "2031"])
        .assert()
        .code(2)
        .stderr(contains(
            "there are no plans for 2031; years with plans: 2016, 2017",
        ));
    assert!(!repo.path().join("other").exists());
}

#[test]
fn refuses_to_overwrite_an_earlier_site_unless_forced() {
    let repo = repo_with(None);
    build(repo.path(), &[]);
    let index = repo.path().join("site/index.html");
    fs::write(&index, "mine").unwrap();
    aplan(repo.path())
        .args(["site", "--out", "site"])
        .assert()
        .code(2)
        .stderr(contains(
            "already exists (and 10 more); use --force to overwrite",
        ));
    assert_eq!(fs::read_to_string(&index).unwrap(), "mine");
    aplan(repo.path())
        .args(["site", "--out", "site", "--force"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(&index)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn an_output_path_that_is_a_file_is_refused() {
    let repo = repo_with(None);
    fs::write(repo.path().join("site"), "a file").unwrap();
    aplan(repo.path())
        .args(["site", "--out", "site", "--force"])
        .assert()
        .code(2)
        .stderr(contains("site is not a folder"));
}

#[test]
fn quiet_prints_nothing_and_a_pipe_gets_no_progress_bar() {
    let repo = bundled_copy();
    aplan(repo.path())
        .args(["-q", "site", "--out", "quiet"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // Standard error is a pipe here, so the 33 pages draw no bar: one line says what was
    // written.
    aplan(repo.path())
        .args(["site", "--out", "loud"])
        .assert()
        .success()
        .stdout("")
        .stderr(
            contains("wrote the 2017 site (26 plan pages, 34 files in all) to loud\n")
                .and(contains("rendering").not()),
        );
}

#[test]
fn plans_with_errors_are_left_out_and_named() {
    let repo = repo_with(None);
    let broken = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&broken).unwrap();
    fs::write(
        &broken,
        text.replace("status = \"draft\"", "status = \"drafted\""),
    )
    .unwrap();
    let output = aplan(repo.path())
        .args(["site", "--out", "site"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("left out 1 plan with errors (plans/2017/chemistry.toml)"),
        "{stderr}"
    );
    let site = read_site(&repo.path().join("site"));
    assert!(!site.contains_key("2017-chemistry.html"));
    assert!(row_of(&site["index.html"], "Department of Chemistry").contains("Plan has errors"));
}

/// The index row of the department named `name`, which has no plan page to link.
fn row_of<'a>(page: &'a str, name: &str) -> &'a str {
    let at = page.find(&format!("<th scope=\"row\">{name}")).unwrap();
    let end = at + page[at..].find("</tr>").unwrap();
    &page[at..end]
}

#[test]
fn a_repositorys_templates_override_the_sites() {
    let repo = repo_with(None);
    let templates = repo.path().join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("site-nav.html"),
        "<nav aria-label=\"Site\"><a href=\"index.html\">Home of {{ site.library }}</a></nav>\n",
    )
    .unwrap();
    let site = build(repo.path(), &[]);
    assert!(site["themes.html"].contains(">Home of Fixture University Library</a>"));
    assert!(site["2017-history.html"].contains(">Home of Fixture University Library</a>"));

    fs::write(templates.join("site-index.html"), "{{ nothing.here }}").unwrap();
    aplan(repo.path())
        .args(["site", "--out", "broken"])
        .assert()
        .code(2)
        .stderr(contains(
            "templates/site-index.html, line 1: undefined value",
        ));
    assert!(!repo.path().join("broken").exists(), "nothing is written");
}

#[test]
fn a_plans_folder_without_dates_draws_no_strip() {
    let repo = repo_with(None);
    let history = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&history).unwrap();
    let start = text.find("[meeting]").unwrap();
    let end = start + text[start..].find("\n[").unwrap();
    let text = format!("{}{}", &text[..start], &text[end + 1..])
        .replace("status = \"met\"", "status = \"draft\"");
    fs::write(&history, text).unwrap();
    let site = build(repo.path(), &[]);
    let page = &site["timeline.html"];
    assert!(!page.contains("<svg"), "{page}");
    assert!(page.contains("No department has a meeting or a date yet"));
}
