//! `aplan import investment|usage|libqual FILE`: a spreadsheet's figures written into the
//! year's plans, one array of `[context]` replaced in each, all plans or none.

use std::collections::BTreeSet;
use std::io::Write;

use anyhow::{Context as _, Result, anyhow, bail};
use rayon::prelude::*;

use super::Context;
use super::new::{draft_renderer, new_draft};
use crate::cli::ImportArgs;
use crate::edit::Transaction;
use crate::edit::replace_array::{replace_array, replace_at};
use crate::exit::ExitStatus;
use crate::import::columns::map_columns;
use crate::import::{Entry, Kind, Problem, rows, table};
use crate::model::{Config, Plan};
use crate::report::document::figures;

/// Larger than any spreadsheet of a year's figures; a file this size is a mistake.
const MAX_INPUT: u64 = 64 * 1024 * 1024;

pub fn run(context: &Context, args: &ImportArgs) -> Result<ExitStatus> {
    let name = args.file.display().to_string();
    let bytes = read_input(&context.absolute(&args.file), &name)?;
    let table = table::read(&name, &bytes, args.sheet.as_deref(), args.kind.key())?;
    drop(bytes);
    let root = context.root()?;
    let mut transaction = Transaction::begin(&root)?;
    let config = transaction
        .repo()
        .config
        .as_ref()
        .expect("a transaction has the settings");
    let year = match args.year {
        Some(year) => year,
        None => {
            let year = config.process.year_starts.planning_year(context.today);
            context.note(&format!(
                "importing into the {year} plans, the planning year that includes {}; choose another with --year",
                context.today
            ));
            year
        }
    };
    let entries = map_columns(args.kind, &table, &args.map)
        .and_then(|columns| rows::entries(args.kind, &table, &columns, config));
    let entries = match entries {
        Ok(entries) => entries,
        Err(problems) => return Ok(refuse(&name, &problems)),
    };
    let missing = missing_plans(&transaction, &entries, year);
    if !missing.is_empty() && !args.create_drafts {
        let problem = Problem::general(no_plans(&missing, year));
        return Ok(refuse(&name, &[problem]));
    }
    let drafted = if missing.is_empty() {
        BTreeSet::new()
    } else {
        let renderer = draft_renderer(context, &root)?;
        add_drafts(&mut transaction, &renderer, &missing, year)?
    };
    let lines = write_entries(&mut transaction, args.kind, &entries, year, &drafted)?;
    let others = transaction
        .repo()
        .plans
        .iter()
        .filter(|p| *p.year.get_ref() == year && !entries.contains_key(p.department.get_ref()))
        .count();
    if args.dry_run {
        transaction.check("the import")?;
    } else {
        transaction.commit("the import")?;
    }
    if !context.quiet {
        let mut out = std::io::stdout().lock();
        for line in &lines {
            writeln!(out, "{line}")?;
        }
        let rows: usize = entries.values().map(Vec::len).sum();
        let plans = match entries.len() {
            1 => "1 plan".to_owned(),
            n => format!("{n} plans"),
        };
        let kind = args.kind.key();
        match args.dry_run {
            true => writeln!(
                out,
                "would import {rows} {kind} rows into {plans} for {year} from {name}; --dry-run, so nothing was written"
            )?,
            false => writeln!(
                out,
                "imported {rows} {kind} rows into {plans} for {year} from {name}"
            )?,
        }
        if others > 0 {
            let (n, are) = if others == 1 {
                ("plan", "is")
            } else {
                ("plans", "are")
            };
            writeln!(
                out,
                "{others} {n} for {year} {are} not in the file; their {kind} was left as it was"
            )?;
        }
        out.flush()?;
    }
    Ok(ExitStatus::Success)
}

fn read_input(path: &std::path::Path, name: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {name}"))?;
    if !meta.is_file() {
        bail!("{name} is not a file; name the spreadsheet to import");
    }
    if meta.len() > MAX_INPUT {
        bail!(
            "{name} is {} MiB, far larger than a year's figures; check it is the right file",
            meta.len() / (1024 * 1024)
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read {name}"))
}

/// Prints every problem, and that nothing was written.
fn refuse(name: &str, problems: &[Problem]) -> ExitStatus {
    #[allow(clippy::print_stderr)]
    {
        for problem in problems {
            let line = format!("error: {name}: {problem}");
            eprintln!("{}", crate::emit::terminal::clean(&line));
        }
        let rows: BTreeSet<usize> = problems.iter().filter_map(|p| p.row).collect();
        let summary = match rows.len() {
            0 => "nothing was imported".to_owned(),
            1 => "1 row cannot be imported, so nothing was imported".to_owned(),
            n => format!("{n} rows cannot be imported, so nothing was imported"),
        };
        eprintln!(
            "{}",
            crate::emit::terminal::clean(&format!("error: {name}: {summary}; no file was changed"))
        );
    }
    ExitStatus::Failure
}

/// The departments with entries that have no plan for the year, and no file that would be
/// their plan either: a file that cannot be read is still the plan, refused later.
fn missing_plans<'e>(
    transaction: &Transaction,
    entries: &'e rows::Entries,
    year: i64,
) -> Vec<&'e str> {
    let repo = transaction.repo();
    entries
        .keys()
        .filter(|id| {
            repo.plan(id, year).is_none() && repo.file(&format!("plans/{year}/{id}.toml")).is_none()
        })
        .map(String::as_str)
        .collect()
}

fn no_plans(missing: &[&str], year: i64) -> String {
    let (who, have) = match missing.len() {
        1 => ("1 department".to_owned(), "has"),
        n => (format!("{n} departments"), "have"),
    };
    format!(
        "{who} in the file {have} no plan for {year} yet: {}; make the drafts first with `aplan new --all --year {year}`, or add --create-drafts to make them with the import",
        missing.join(", ")
    )
}

/// Adds a draft for each department in `missing`, made as `aplan new` makes it; returns
/// their paths.
fn add_drafts(
    transaction: &mut Transaction,
    renderer: &crate::render::Renderer,
    missing: &[&str],
    year: i64,
) -> Result<BTreeSet<String>> {
    let repo = transaction.repo();
    let config = repo
        .config
        .as_ref()
        .expect("a transaction has the settings");
    let mut drafts = Vec::new();
    let mut sources = Vec::new();
    for id in missing {
        let department = config
            .department(id)
            .ok_or_else(|| anyhow!("`{id}` is not a department in aplan.toml"))?;
        let draft = new_draft(repo, renderer, department, year)?;
        sources.extend(draft.source);
        drafts.push((draft.path, draft.text));
    }
    transaction.refuse_errors(&sources, "so no draft is made from it")?;
    let mut paths = BTreeSet::new();
    for (path, text) in drafts {
        paths.insert(path.clone());
        transaction.set(path, text);
    }
    Ok(paths)
}

/// Replaces the array in each department's plan (or new draft), and says per plan what
/// changed.
fn write_entries(
    transaction: &mut Transaction,
    kind: Kind,
    entries: &rows::Entries,
    year: i64,
    drafted: &BTreeSet<String>,
) -> Result<Vec<String>> {
    let repo = transaction.repo();
    let config = repo
        .config
        .as_ref()
        .expect("a transaction has the settings");
    let mut existing = Vec::new();
    let mut plans = Vec::new();
    for (id, rows) in entries {
        let at_home = format!("plans/{year}/{id}.toml");
        match repo.plan(id, year) {
            Some(plan) => {
                existing.push(plan.file);
                let path = repo.path(plan).to_owned();
                let text = repo.sources.get(plan.file).text().unwrap_or_default();
                let written = plan.context.written(kind.key());
                plans.push((
                    path,
                    text,
                    written,
                    Some(Summary::of_plan(kind, plan)),
                    rows,
                ));
            }
            None if drafted.contains(&at_home) => {
                let text = transaction.pending(&at_home).unwrap_or_default();
                plans.push((at_home, text, None, None, rows));
            }
            None => {
                if let Some(file) = repo.file(&at_home) {
                    existing.push(file);
                }
            }
        }
    }
    // A plan read with the array written as `[…]` knows where it is; any other is read
    // again to find or add it. The plans are edited on every core, and reported in the
    // order of the file.
    let edited: Vec<Result<String>> = plans
        .par_iter()
        .map(|(path, text, written, _, rows)| match written {
            Some(span) => Ok(replace_at(text, span.clone(), rows)),
            None => replace_array(text, kind.key(), rows)
                .map_err(|e| anyhow!("cannot edit {path}: {e}")),
        })
        .collect();
    let mut edits = Vec::new();
    let mut lines = Vec::new();
    for ((path, text, _, old, rows), edited) in plans.into_iter().zip(edited) {
        let edited = edited?;
        let new = Summary::of_entries(kind, rows);
        lines.push(new.line(&path, old.as_ref(), edited == text, config));
        if edited != text || old.is_none() {
            edits.push((path, edited));
        }
    }
    transaction.refuse_errors(&existing, "so the figures cannot be written into it")?;
    for (path, text) in edits {
        transaction.set(path, text);
    }
    Ok(lines)
}

/// What a plan's array holds, for the summary.
#[derive(Debug, Clone, PartialEq)]
struct Summary {
    rows: usize,
    /// Whether the total is an amount of money.
    money: bool,
    total: Option<f64>,
    surveys: Vec<String>,
}

impl Summary {
    fn of_plan(kind: Kind, plan: &Plan) -> Summary {
        let context = &plan.context;
        match kind {
            Kind::Investment => Summary {
                rows: context.investment.len(),
                money: true,
                total: Some(context.investment.iter().map(|i| i.amount).sum()),
                surveys: Vec::new(),
            },
            Kind::Usage => Summary {
                rows: context.usage.len(),
                money: false,
                total: Some(context.usage.iter().map(|u| u.value).sum()),
                surveys: Vec::new(),
            },
            Kind::Libqual => Summary {
                rows: context.libqual.len(),
                money: false,
                total: None,
                surveys: surveys(context.libqual.iter().filter_map(|l| l.survey.as_deref())),
            },
        }
    }

    fn of_entries(kind: Kind, entries: &[Entry]) -> Summary {
        Summary {
            rows: entries.len(),
            money: kind == Kind::Investment,
            total: kind
                .total()
                .map(|field| entries.iter().filter_map(|e| e.number(field)).sum()),
            surveys: surveys(entries.iter().filter_map(|e| e.text("survey"))),
        }
    }

    /// `plans/2018/history.toml: 3 rows (had 2), total £165,000 → £171,500`.
    fn line(&self, path: &str, old: Option<&Summary>, unchanged: bool, config: &Config) -> String {
        let show = |n: f64| match self.money {
            true => figures::money(n, &config.library.currency),
            false => figures::number(n),
        };
        let rows = plural(self.rows, "row");
        let mut line = match (old, unchanged) {
            (None, _) => format!("{path}: new draft, {rows}"),
            (Some(_), true) => format!("{path}: unchanged, {rows}"),
            (Some(old), false) => format!("{path}: {rows} (had {})", old.rows),
        };
        if let Some(total) = self.total {
            let before = old.and_then(|o| o.total).unwrap_or(0.0);
            match unchanged || old.is_none() {
                true => line.push_str(&format!(", total {}", show(total))),
                false => line.push_str(&format!(", total {} → {}", show(before), show(total))),
            }
        }
        if !self.surveys.is_empty() {
            let before = old.map(|o| o.surveys.join(", ")).unwrap_or_default();
            let now = self.surveys.join(", ");
            match before.is_empty() || before == now {
                true => line.push_str(&format!(", from {now}")),
                false => line.push_str(&format!(", from {now} (was {before})")),
            }
        }
        line
    }
}

fn surveys<'s>(names: impl Iterator<Item = &'s str>) -> Vec<String> {
    let set: BTreeSet<&str> = names.collect();
    set.into_iter().map(str::to_owned).collect()
}

fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use crate::write::{Overwrite, Step, write_atomic};

    fn plans(root: &Path) -> Vec<(String, Vec<u8>)> {
        let mut plans: Vec<(String, Vec<u8>)> = fs::read_dir(root.join("plans/2018"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        plans.sort();
        plans
    }

    /// Fault injection: an import into five plans whose write fails at any step of the
    /// third plan leaves all five as they were, with no temporary file behind.
    #[test]
    fn a_write_failure_on_the_third_of_five_plans_leaves_all_five_as_they_were() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        let bytes = fs::read(fixture.join("data/usage.csv")).unwrap();
        let table = table::read("usage.csv", &bytes, None, "usage").unwrap();
        for failing in [Step::CreateTemporary, Step::Write, Step::Sync, Step::Rename] {
            let dir = tempfile::tempdir().unwrap();
            // Written as aplan writes every file.
            let config = fs::read(fixture.join("repo/aplan.toml")).unwrap();
            write_atomic(&dir.path().join("aplan.toml"), &config, Overwrite::Refuse).unwrap();
            for (name, text) in plans(&fixture.join("repo")) {
                let path = dir.path().join("plans/2018").join(name);
                write_atomic(&path, &text, Overwrite::Refuse).unwrap();
            }
            let before = plans(dir.path());
            assert_eq!(before.len(), 5);
            let mut transaction = Transaction::begin(dir.path()).unwrap();
            let entries = {
                let config = transaction.repo().config.as_ref().unwrap();
                let columns = map_columns(Kind::Usage, &table, &[]).unwrap();
                rows::entries(Kind::Usage, &table, &columns, config).unwrap()
            };
            assert_eq!(entries.len(), 5);
            write_entries(
                &mut transaction,
                Kind::Usage,
                &entries,
                2018,
                &BTreeSet::new(),
            )
            .unwrap();
            let mut fault = |i: usize, step: Step| match i == 2 && step == failing {
                true => Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "injected",
                )),
                false => Ok(()),
            };
            let result = transaction.commit_with_fault("the import", &mut fault);
            assert!(result.is_err(), "{failing:?}");
            assert_eq!(plans(dir.path()), before, "after a failure at {failing:?}");
        }
    }
}
