//! The README's examples are tests: every `console` block of README.md runs as a trycmd case
//! on a fresh copy of this repository's plans (`aplan.toml`, `plans/`, `contacts/`, `interactions/`, `reviews/`, `templates/`), on the
//! day the examples are written for, so what a reader copies is what the program does.
//!
//! Each block starts from the bundled plans, so a block that writes (`update`, `new`,
//! `--out`) cannot change what another block shows. An example that runs on plans the prose
//! has just asked the reader to change follows a `<!-- readme-test: NAME -->` line, and
//! `SETUPS` makes the same change before the block runs.
//!
//! `TRYCMD=overwrite cargo test --test readme` writes the program's output into README.md.

use std::fs;
use std::ops::Range;
use std::path::Path;

/// The day the README's examples run on (`APLAN_TODAY`): in the 2017 cycle, when the
/// bundled plans stand at every stage of it.
const TODAY: &str = "2017-04-10";

/// How a reader without aplan installed runs it from a clone; the test runs the built
/// binary instead, which prints the same after Cargo's own lines.
const CARGO_RUN: &str = "$ cargo run --release -- ";

/// What the bundled plans repository is made of (`templates/` where there is one), with the
/// example figures to import (`data/`); the rest of the clone is not part of it.
const REPOSITORY: &[&str] = &[
    "aplan.toml",
    "plans",
    "contacts",
    "interactions",
    "reviews",
    "templates",
    "data",
];

/// The marker line that names a block's setup.
const SETUP_MARKER: (&str, &str) = ("<!-- readme-test: ", " -->");

/// One change the README asks the reader to make by hand: on `line` of `file`, `from`
/// becomes `to`.
struct Edit {
    file: &'static str,
    line: usize,
    from: &'static str,
    to: &'static str,
}

/// The changes behind each named setup, as the README's prose describes them.
const SETUPS: &[(&str, &[Edit])] = &[
    (
        // "misspell an owner in physics, type `titel` for `title` in history, move physics'
        // sent date after its meeting, and forget a closing quote in chemistry".
        "mistakes",
        &[
            Edit {
                file: "plans/2017/physics.toml",
                line: 77,
                from: r#"owner = "jross""#,
                to: r#"owner = "jrsos""#,
            },
            Edit {
                file: "plans/2017/history.toml",
                line: 49,
                from: "title = ",
                to: "titel = ",
            },
            Edit {
                file: "plans/2017/physics.toml",
                line: 8,
                from: "sent = 2017-03-24",
                to: "sent = 2017-04-14",
            },
            Edit {
                file: "plans/2017/chemistry.toml",
                line: 51,
                from: r#"statement.""#,
                to: "statement.",
            },
        ],
    ),
    (
        // "a typo on line 6 of `templates/plan.md`".
        "template-typo",
        &[Edit {
            file: "templates/plan.md",
            line: 6,
            from: "{{ title }}",
            to: "{{ titel }}",
        }],
    ),
    (
        // "the `themes` line removed from an issue in `plans/2017/politics.toml`".
        "untagged-issue",
        &[Edit {
            file: "plans/2017/politics.toml",
            line: 54,
            from: r#"themes = ["reading-lists"]"#,
            to: "",
        }],
    ),
];

/// A `console` block of the README.
#[derive(Debug)]
struct Block {
    /// The line of its opening fence, from 1.
    line: usize,
    /// The setup named on the line before the fence.
    setup: Option<String>,
    /// Where its text, between the fences, lies in the README.
    body: Range<usize>,
}

#[test]
fn readme_examples_show_what_aplan_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme_path = root.join("README.md");
    let readme = fs::read_to_string(&readme_path).expect("README.md is readable");
    let blocks = console_blocks(&readme);
    assert!(!blocks.is_empty(), "README.md has no console blocks");
    check_setups(&blocks);

    let work = tempfile::tempdir().expect("a temporary folder");
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("aplan", Path::new(env!("CARGO_BIN_EXE_aplan")))
        .env("APLAN_TODAY", TODAY)
        .env("NO_COLOR", "1");
    for block in &blocks {
        let case = work.path().join(case_name(block));
        fs::write(&case, case_text(&readme[block.body.clone()], block.line))
            .expect("the case is written");
        let repo = case.with_extension("in");
        fs::create_dir(&repo).expect("a folder for the copy");
        for part in REPOSITORY {
            if root.join(part).exists() {
                copy_tree(&root.join(part), &repo.join(part));
            }
        }
        if let Some(setup) = &block.setup {
            apply(setup, &repo);
        }
        cases.case(&case);
    }
    cases.run();

    if std::env::var_os("TRYCMD").is_some_and(|mode| mode == "overwrite") {
        let updated = refreshed(&readme, &blocks, work.path());
        if updated != readme {
            fs::write(&readme_path, updated).expect("README.md is written");
        }
    }
}

/// Every `console` block, in order, with the setup named just before it.
fn console_blocks(readme: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The block being read: `Some` for a console block, `None` for any other.
    let mut open: Option<Option<Block>> = None;
    let mut previous = "";
    let mut offset = 0;
    for (index, line) in readme.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches(['\n', '\r']);
        match open.take() {
            Some(block) if text.starts_with("```") => {
                blocks.extend(block.map(|block| Block {
                    body: block.body.start..start,
                    ..block
                }));
            }
            Some(block) => open = Some(block),
            None => {
                if let Some(info) = text.strip_prefix("```") {
                    let setup = previous
                        .strip_prefix(SETUP_MARKER.0)
                        .and_then(|rest| rest.strip_suffix(SETUP_MARKER.1))
                        .map(str::to_owned);
                    let console = info.trim() == "console";
                    assert!(
                        console || setup.is_none(),
                        "README.md line {}: a setup is named for a block that is not `console`",
                        index + 1
                    );
                    open = Some(console.then_some(Block {
                        line: index + 1,
                        setup,
                        body: offset..offset,
                    }));
                }
            }
        }
        previous = text;
    }
    assert!(open.is_none(), "README.md ends inside a fenced block");
    blocks
}

/// Every setup a block names exists, and every setup is used.
fn check_setups(blocks: &[Block]) {
    for block in blocks {
        if let Some(setup) = &block.setup {
            assert!(
                SETUPS.iter().any(|(name, _)| name == setup),
                "README.md line {}: no setup `{setup}` in tests/readme.rs",
                block.line
            );
        }
    }
    for (name, _) in SETUPS {
        assert!(
            blocks.iter().any(|b| b.setup.as_deref() == Some(name)),
            "the setup `{name}` is named by no block of README.md"
        );
    }
}

/// The case file's name says where the block is, so a failure points at the README.
fn case_name(block: &Block) -> String {
    format!("README-line-{}.md", block.line)
}

/// A block as a trycmd case. trycmd skips, rather than fails, a command whose program it
/// does not know, so every command must be one of aplan's.
fn case_text(body: &str, line: usize) -> String {
    let mut text = String::from("```console\n");
    for (index, row) in body.split_inclusive('\n').enumerate() {
        if row.starts_with("$ ") {
            let row = as_run(row);
            let program = row[2..].split_whitespace().find(|word| !word.contains('='));
            assert_eq!(
                program,
                Some("aplan"),
                "README.md line {}: a console block may only run aplan: {}",
                line + 1 + index,
                row.trim_end()
            );
            text.push_str(&row);
        } else {
            text.push_str(row);
        }
    }
    text.push_str("```\n");
    text
}

/// The command line the test runs for a line of the README.
fn as_run(row: &str) -> String {
    match row.strip_prefix(CARGO_RUN) {
        Some(rest) => format!("$ aplan {rest}"),
        None => row.to_owned(),
    }
}

/// Makes the edits of the named setup in the copy at `repo`.
fn apply(setup: &str, repo: &Path) {
    let (_, edits) = SETUPS
        .iter()
        .find(|(name, _)| *name == setup)
        .expect("the setup exists");
    for edit in *edits {
        let path = repo.join(edit.file);
        let text = fs::read_to_string(&path).expect("the file to edit is readable");
        let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
        let line = lines
            .get(edit.line - 1)
            .unwrap_or_else(|| panic!("{} has no line {}", edit.file, edit.line));
        assert!(
            line.contains(edit.from),
            "setup `{setup}`: line {} of {} no longer holds `{}`",
            edit.line,
            edit.file,
            edit.from
        );
        let edited = line.replacen(edit.from, edit.to, 1);
        lines[edit.line - 1] = &edited;
        fs::write(&path, lines.concat()).expect("the edited file is written");
    }
}

/// The README with each block's text taken from its case, as trycmd rewrote it, and the
/// command lines as the README writes them.
fn refreshed(readme: &str, blocks: &[Block], work: &Path) -> String {
    let mut text = readme.to_owned();
    for block in blocks.iter().rev() {
        let case = fs::read_to_string(work.join(case_name(block))).expect("the case is readable");
        let run = case
            .strip_prefix("```console\n")
            .and_then(|rest| rest.strip_suffix("```\n"))
            .expect("trycmd keeps the fences");
        let original: Vec<&str> = readme[block.body.clone()]
            .split_inclusive('\n')
            .filter(|row| row.starts_with("$ "))
            .collect();
        let mut commands = original.iter();
        let body: String = run
            .split_inclusive('\n')
            .map(|row| {
                if row.starts_with("$ ") {
                    let written = commands.next().expect("trycmd keeps the commands");
                    assert_eq!(as_run(written), row, "trycmd keeps the commands");
                    *written
                } else {
                    row
                }
            })
            .collect();
        text.replace_range(block.body.clone(), &body);
    }
    text
}

/// Copies a file or a folder.
fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).expect("a folder in the copy");
        for entry in fs::read_dir(from).expect("a readable folder") {
            let entry = entry.expect("a readable entry");
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        fs::copy(from, to).expect("a file copied");
    }
}
