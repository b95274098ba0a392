//! Man pages from the clap definition that `--help` comes from: aplan(1) and a page per
//! command, aplan-validate(1) and so on, each with EXIT STATUS, ENVIRONMENT, EXAMPLES and
//! SEE ALSO sections. Lines are wrapped for `mandoc -T lint`.

use clap::Command;

/// A man page: its file name (`aplan-validate.1`) and its text.
#[derive(Debug, Clone)]
pub struct Page {
    pub file: String,
    pub text: String,
}

/// When the pages were last revised, for their header: fixed, so the pages are the same
/// bytes on every run.
const REVISED: &str = "2026-12-03";

/// Examples for each command, as (what it does, the command line).
const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "aplan",
        &[
            ("Check every plan, as CI does:", "aplan validate"),
            (
                "Render a plan for its meeting:",
                "aplan render history/2017 -o history.docx",
            ),
            (
                "See where each department is in the cycle:",
                "aplan timeline",
            ),
        ],
    ),
    (
        "validate",
        &[
            ("Check the whole repository:", "aplan validate"),
            (
                "Only what a pull request adds, as annotations:",
                "aplan validate --new-from-rev origin/main --format github",
            ),
        ],
    ),
    (
        "themes",
        &[
            ("Themes across this year's plans:", "aplan themes"),
            (
                "As a page to share:",
                "aplan themes --format html > themes.html",
            ),
        ],
    ),
    (
        "render",
        &[
            (
                "A plan as Markdown on standard output:",
                "aplan render history/2017",
            ),
            (
                "As a Word document:",
                "aplan render history/2017 -o history.docx",
            ),
            (
                "Every plan of a year, with an index:",
                "aplan render --year 2017 --format html --out plans-2017",
            ),
        ],
    ),
    (
        "templates",
        &[(
            "Start your own templates:",
            "aplan templates --dump templates",
        )],
    ),
    (
        "actions",
        &[
            (
                "One person's open actions:",
                "aplan actions --owner hpatel --status agreed --status in-progress",
            ),
            (
                "Everything overdue, for a spreadsheet:",
                "aplan actions --overdue --format csv > overdue.csv",
            ),
        ],
    ),
    (
        "update",
        &[(
            "Record progress on an action:",
            "aplan update history/2017/year2-lists --note \"12 of 20 lists reviewed\" --status in-progress --by hpatel",
        )],
    ),
    (
        "log",
        &[(
            "Record a teaching session:",
            "aplan log history --kind teaching --summary \"Archives session for HIS2050\" --by hpatel",
        )],
    ),
    (
        "new",
        &[(
            "Next year's draft from this year's plan:",
            "aplan new history --year 2018",
        )],
    ),
    (
        "timeline",
        &[
            (
                "What is late or due in the next fortnight:",
                "aplan timeline --within 14",
            ),
            (
                "Meetings and deadlines for a calendar:",
                "aplan timeline --format ics > plans.ics",
            ),
        ],
    ),
    (
        "diff",
        &[(
            "What a branch changes, for its reviewer:",
            "aplan diff main --format md",
        )],
    ),
    (
        "workload",
        &[(
            "Fail when a limit is broken, as CI does:",
            "aplan workload --check",
        )],
    ),
    (
        "site",
        &[(
            "A site for colleagues on a shared drive:",
            "aplan site --out site",
        )],
    ),
    (
        "init",
        &[(
            "A new plans repository:",
            "aplan init plans --library \"University Library\"",
        )],
    ),
    (
        "explain",
        &[(
            "What a finding means and how to fix it:",
            "aplan explain unknown-staff",
        )],
    ),
    (
        "completions",
        &[(
            "Completions for bash:",
            "aplan completions bash > ~/.local/share/bash-completion/completions/aplan",
        )],
    ),
    (
        "man",
        &[(
            "Install the man pages:",
            "aplan man --out ~/.local/share/man/man1",
        )],
    ),
    (
        "export",
        &[(
            "The whole repository for another tool:",
            "aplan export --format yaml > plans.yaml",
        )],
    ),
    (
        "schema",
        &[(
            "The schema of a plan file for an editor:",
            "aplan schema plan > schema/plan.json",
        )],
    ),
];

/// aplan(1) and a page for every command, in the order `--help` lists them.
pub fn pages(cli: Command) -> std::io::Result<Vec<Page>> {
    let mut cli = cli;
    cli.build();
    let names: Vec<String> = cli
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .map(|c| c.get_name().to_owned())
        .collect();
    let mut pages = vec![Page {
        file: "aplan.1".to_owned(),
        text: page(&cli, "aplan", &names)?,
    }];
    for sub in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        let title = format!("aplan-{}", sub.get_name());
        let command = sub.clone().display_name(title.clone());
        pages.push(Page {
            file: format!("{title}.1"),
            text: page(&command, sub.get_name(), &[])?,
        });
    }
    Ok(pages)
}

/// One page: clap_mangen's sections, then aplan's own.
fn page(command: &Command, name: &str, commands: &[String]) -> std::io::Result<String> {
    let mut roff = Vec::new();
    let title = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_uppercase();
    clap_mangen::Man::new(command.clone())
        .title(title)
        .date(REVISED)
        .source(format!("aplan {}", env!("CARGO_PKG_VERSION")))
        .manual("aplan manual")
        .render(&mut roff)?;
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    text.push_str(EXIT_STATUS);
    text.push_str(ENVIRONMENT);
    if let Some((_, examples)) = EXAMPLES.iter().find(|(n, _)| *n == name) {
        text.push_str(".SH EXAMPLES\n");
        for (what, line) in *examples {
            text.push_str(&format!(
                ".PP\n{what}\n.PP\n.RS 4\n.EX\n{}\n.EE\n.RE\n",
                escape(line)
            ));
        }
    }
    text.push_str(".SH \"SEE ALSO\"\n");
    let see_also: Vec<String> = if commands.is_empty() {
        vec![".BR aplan (1)".to_owned()]
    } else {
        commands
            .iter()
            .map(|c| format!(".BR aplan\\-{c} (1)"))
            .collect()
    };
    text.push_str(&see_also.join(" ,\n"));
    text.push('\n');
    Ok(tidy(&text))
}

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
.B 0
Done, and nothing was found wrong.
.TP
.B 1
The check found problems: errors in the plans (or warnings with
\fB\-\-deny\-warnings\fR), or a limit broken under \fB\-\-check\fR.
.TP
.B 2
The command could not run: a wrong option, a file that cannot be read
or written, or no plans repository.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
.B APLAN_TODAY
The date to treat as today, as YYYY\-MM\-DD, like \fB\-\-today\fR;
set it for output that does not change from one day to the next.
.TP
.B APLAN_USER
Your staff id, for \fB\-\-by\fR of \fBaplan update\fR and \fBaplan log\fR.
.TP
.B NO_COLOR
When set and not empty, no colour under \fB\-\-color auto\fR.
.TP
.B TERM
When \fBdumb\fR, no colour and no progress bars under \fB\-\-color auto\fR.
"#;

/// A command line as roff text: backslashes and hyphens escaped, and a line that would
/// start with a dot or a quote kept from reading as a request.
fn escape(line: &str) -> String {
    let text = line.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// Lines without trailing spaces or macros that do nothing, and text lines wrapped at 80
/// bytes: a roff text line can
/// break at any space, and a piece that would start with a dot or a quote is guarded.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    for (i, &line) in lines.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| lines[j]);
        let after = lines.get(i + 1).copied();
        // A line break next to a blank line (which is a `.sp`), or a paragraph right after a heading, does
        // nothing, and mandoc says so.
        let blank = |l: Option<&str>| matches!(l, Some(".sp" | ""));
        if line == ".br" && (blank(before) || blank(after)) {
            continue;
        }
        if line == ".PP" && before.is_some_and(|b| b.starts_with(".SH")) {
            continue;
        }
        if line.len() <= 80 || line.starts_with(['.', '\'']) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !current.is_empty() && current.len() + 1 + word.len() > 80 {
                out.push_str(&current);
                out.push('\n');
                current.clear();
            }
            if current.is_empty() && word.starts_with(['.', '\'']) {
                current.push_str("\\&");
            } else if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_lines_wrap_and_never_start_a_request() {
        let long = format!("{} .hidden 'quoted", "word ".repeat(20));
        let tidied = tidy(&format!(".TH x\n{long}  \n"));
        for line in tidied.lines().skip(1) {
            assert!(line.len() <= 80, "{line}");
            assert!(!line.starts_with(['.', '\'']), "{line}");
        }
        assert!(tidied.contains("\\&.hidden") || tidied.contains(" .hidden"));
    }
}
