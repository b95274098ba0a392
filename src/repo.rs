//! The only reader of the disk: finds the plans repository, walks `plans/`, `contacts/`,
//! `interactions/` and `reviews/`, reads files and hands their text to the model. Checking what was read is [`crate::check`]'s job.
//!
//! A file that cannot be used (too large, binary, not UTF-8, a broken link, not TOML, keys
//! and values that do not fit the format) becomes a diagnostic and the walk goes on; only a
//! repository that cannot be found or a config that cannot be opened stops the run.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Code, Diagnostic};
use crate::git::{Contents, RevisionFile};
use crate::model::{Action, Config, Contacts, Interactions, Plan, Review};
use crate::source::{FileId, SourceFile, Sources};
use crate::suggest::nearest;

/// The name of the settings file that marks a repository's root.
pub const CONFIG_FILE: &str = "aplan.toml";

/// What a revision's plans repository is read from: the settings, the plans, the contacts,
/// the interactions and the reviews.
pub const TRACKED: &[&str] = &[
    CONFIG_FILE,
    "contacts/",
    "interactions/",
    "plans/",
    "reviews/",
];

/// The largest file aplan reads; plans are a few kilobytes.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// The most files and folders aplan looks at under `plans/` (and under `contacts/` and
/// `interactions/`): fifty years of a thousand departments, far more than any library has,
/// and few enough to read in seconds.
pub const MAX_PLAN_ENTRIES: usize = 50_000;

/// Why a repository could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("no {CONFIG_FILE} in {} or any folder above it", .0.display())]
    NotFound(PathBuf),
    #[error("{} has no {CONFIG_FILE}: it is not a plans repository", .0.display())]
    NoConfig(PathBuf),
    #[error("{} is not a file", .0.display())]
    ConfigNotAFile(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{}/ holds more than {MAX_PLAN_ENTRIES} files and folders, more than aplan reads; keep only {} there",
        .0.folder, .0.pattern
    )]
    TooManyFiles(Layout),
    #[error(
        "{} is a symbolic link to a file outside its folder; templates are read only from the templates folder",
        .0.display()
    )]
    TemplateOutside(PathBuf),
    #[error("`{}` {problem}; replace the link with the file or folder itself", .path.display())]
    BadLink { path: PathBuf, problem: LinkProblem },
}

/// Why a symbolic link in the repository is not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkProblem {
    #[error("is a symbolic link that points at nothing")]
    Broken,
    #[error("is a symbolic link that cannot be followed (it may loop back on itself)")]
    Unfollowable,
    #[error("is a symbolic link to a place outside the repository, and aplan reads nothing there")]
    Outside,
}

/// Checks that `path`, when it is a symbolic link, leads to something inside `root`; a path
/// that is not a link, or does not exist, passes. Everything aplan reads from a repository
/// goes through here first, so a link cannot lead it out of the repository.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), LinkProblem> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    let target = fs::canonicalize(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => LinkProblem::Broken,
        _ => LinkProblem::Unfollowable,
    })?;
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if target.starts_with(&root) {
        Ok(())
    } else {
        Err(LinkProblem::Outside)
    }
}

/// The repository's `templates/` folder, when it has one that stays inside it.
pub fn template_folder(root: &Path) -> Result<Option<PathBuf>, RepoError> {
    let dir = root.join("templates");
    check_inside(root, &dir).map_err(|problem| RepoError::BadLink {
        path: PathBuf::from("templates"),
        problem,
    })?;
    Ok(dir.is_dir().then_some(dir))
}

/// A loaded plans repository: every file read (texts kept), the model built from them, and
/// what went wrong while reading.
#[derive(Debug)]
pub struct Repository {
    pub root: PathBuf,
    pub sources: Sources,
    /// `None` when `aplan.toml` could not be read or parsed (the reason is a diagnostic).
    pub config: Option<Config>,
    /// In path order.
    pub plans: Vec<Plan>,
    /// Each department's people, from `contacts/<department>.toml`, in path order.
    pub contacts: Vec<Contacts>,
    /// Each department's interactions of a year, from
    /// `interactions/<year>/<department>.toml`, in path order.
    pub interactions: Vec<Interactions>,
    /// Each year's review of the process, from `reviews/<year>.toml`, in path order.
    pub reviews: Vec<Review>,
    /// Problems found while reading files and decoding them into the model, in the order
    /// the files were read. The rules add theirs in [`crate::check::validate`].
    pub diagnostics: Vec<Diagnostic>,
    /// Every plan by reference and by path, made when a plan is first looked up by name.
    names: OnceLock<HashMap<String, usize>>,
    /// One plan for each department and year, made when one is first looked up.
    by_department: OnceLock<BTreeMap<(String, i64), usize>>,
}

/// The nearest folder at or above `start` that holds an `aplan.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, RepoError> {
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| RepoError::NotFound(start.to_path_buf()))
}

impl Repository {
    /// Reads `aplan.toml`, every plan under `plans/` and the files under `contacts/` and
    /// `interactions/`.
    pub fn load(root: &Path) -> Result<Repository, RepoError> {
        Repository::load_with(root, &[])
    }

    /// Like [`Repository::load`], also reading `extra` files (paths relative to the root)
    /// when the walk does not reach them: as plans, unless they are under `contacts/` or
    /// `interactions/`.
    pub fn load_with(root: &Path, extra: &[String]) -> Result<Repository, RepoError> {
        let config_path = root.join(CONFIG_FILE);
        check_inside(root, &config_path).map_err(|problem| RepoError::BadLink {
            path: PathBuf::from(CONFIG_FILE),
            problem,
        })?;
        match fs::metadata(&config_path) {
            Ok(meta) if meta.is_dir() => return Err(RepoError::ConfigNotAFile(config_path)),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(RepoError::NoConfig(root.to_path_buf()));
            }
            Err(source) => {
                return Err(RepoError::Io {
                    path: config_path,
                    source,
                });
            }
        }
        let mut repo = Repository {
            root: root.to_path_buf(),
            sources: Sources::default(),
            config: None,
            plans: Vec::new(),
            contacts: Vec::new(),
            interactions: Vec::new(),
            reviews: Vec::new(),
            diagnostics: Vec::new(),
            names: OnceLock::new(),
            by_department: OnceLock::new(),
        };
        if let Some(file) = repo.read(CONFIG_FILE.to_owned(), &config_path) {
            let text = repo.sources.get(file).text().unwrap_or_default();
            repo.config = Config::parse(file, text, &mut repo.diagnostics);
        }
        let mut plan_files = repo.walk(Layout::PLANS)?;
        plan_files.extend(repo.walk(Layout::CONTACTS)?);
        plan_files.extend(repo.walk(Layout::INTERACTIONS)?);
        plan_files.extend(repo.walk(Layout::REVIEWS)?);
        let walked: HashSet<&str> = match extra {
            [] => HashSet::new(),
            _ => plan_files.iter().map(|f| f.rel.as_str()).collect(),
        };
        let extra: Vec<&String> = extra
            .iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|path| !walked.contains(path.as_str()))
            .collect();
        for path in extra {
            plan_files.push(RepoFile {
                rel: path.clone(),
                path: root.join(path),
                regular: false,
            });
        }
        let first = repo.sources.next_id();
        // Read in parallel, gathered in path order: the same ids, plans and findings in the
        // same order as one file after the other.
        let loaded: Vec<LoadedFile> = plan_files
            .into_par_iter()
            .enumerate()
            .map(|(i, file)| LoadedFile::read(first.offset(i), file))
            .collect();
        repo.sources.reserve(loaded.len());
        let plans = loaded
            .iter()
            .filter(|l| matches!(l.read, Some(Holds::Plan(_))))
            .count();
        repo.plans.reserve_exact(plans);
        for loaded in loaded {
            let file = repo.sources.push(loaded.source);
            debug_assert!(loaded.read.as_ref().is_none_or(|r| r.file() == file));
            if let Some(read) = loaded.read {
                repo.keep(read);
            }
            repo.diagnostics.extend(loaded.diagnostics);
        }
        Ok(repo)
    }

    /// Puts what was read from a file where it belongs.
    fn keep(&mut self, read: Holds) {
        match read {
            Holds::Plan(plan) => self.plans.push(*plan),
            Holds::Contacts(contacts) => self.contacts.push(contacts),
            Holds::Interactions(interactions) => self.interactions.push(interactions),
            Holds::Review(review) => self.reviews.push(review),
        }
    }

    /// A repository made from texts instead of files: `aplan.toml`'s text and each file's
    /// path (relative to the root) and text, in path order: files under `contacts/` and
    /// `interactions/` are read as such, every other as a plan. Nothing is read from the
    /// disk, so tests and fuzzing can read any text exactly as `load` would.
    pub fn from_texts(root: &Path, config: &str, plans: &[(String, String)]) -> Repository {
        let mut repo = Repository {
            root: root.to_path_buf(),
            sources: Sources::default(),
            config: None,
            plans: Vec::new(),
            contacts: Vec::new(),
            interactions: Vec::new(),
            reviews: Vec::new(),
            diagnostics: Vec::new(),
            names: OnceLock::new(),
            by_department: OnceLock::new(),
        };
        let file = repo
            .sources
            .add(CONFIG_FILE.to_owned(), Some(config.to_owned()));
        repo.config = Config::parse(file, config, &mut repo.diagnostics);
        for (rel, text) in plans {
            let file = repo.sources.add(rel.clone(), Some(text.clone()));
            if let Some(read) = Holds::parse(file, rel, text, &mut repo.diagnostics) {
                repo.keep(read);
            }
        }
        repo
    }

    /// The repository as it was at a revision: `files` are those under `aplan.toml`,
    /// `plans/`, `contacts/` and `interactions/` there (as [`crate::git::Git::files_at`]
    /// lists them, sorted by path), read as `load` reads the disk, findings included.
    /// `None` when the revision has no `aplan.toml`.
    pub fn from_revision(
        root: &Path,
        files: Vec<RevisionFile>,
    ) -> Result<Option<Repository>, RepoError> {
        let mut repo = Repository {
            root: root.to_path_buf(),
            sources: Sources::default(),
            config: None,
            plans: Vec::new(),
            contacts: Vec::new(),
            interactions: Vec::new(),
            reviews: Vec::new(),
            diagnostics: Vec::new(),
            names: OnceLock::new(),
            by_department: OnceLock::new(),
        };
        let mut files = files.into_iter();
        let Some(config) = files.by_ref().find(|f| f.path == CONFIG_FILE) else {
            return Ok(None);
        };
        let (source, problem) = stored_text(config.path, config.contents);
        let file = repo.sources.push(source);
        match problem {
            Some(problem) => repo.diagnostics.push(problem.diagnostic(file)),
            None => {
                let text = repo.sources.get(file).text().unwrap_or_default();
                repo.config = Config::parse(file, text, &mut repo.diagnostics);
            }
        }
        let mut to_read = Vec::new();
        let mut reported: BTreeSet<String> = BTreeSet::new();
        let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
        for stored in files {
            let Some(layout) = Layout::of(&stored.path) else {
                continue;
            };
            let count = seen.entry(layout.folder).or_default();
            *count += 1;
            if *count > MAX_PLAN_ENTRIES {
                return Err(RepoError::TooManyFiles(layout));
            }
            match place_stored(layout, &stored.path) {
                Place::File => to_read.push(stored),
                Place::Folder | Place::Ignored => {}
                Place::Problem(found) => {
                    if reported.insert(found.path.clone()) {
                        repo.misplaced(found);
                    }
                }
            }
        }
        for stored in to_read {
            let rel = stored.path.clone();
            if stored.contents == Contents::Link {
                let message = "this symbolic link is not followed when reading a revision";
                let hint = "replace the link with the file itself".to_owned();
                repo.problem(rel, Code::BadSymlink, message.to_owned(), Some(hint));
                continue;
            }
            let (source, problem) = stored_text(stored.path, stored.contents);
            let file = repo.sources.push(source);
            if let Some(problem) = problem {
                repo.diagnostics.push(problem.diagnostic(file));
                continue;
            }
            let text = repo.sources.get(file).text().unwrap_or_default();
            if let Some(read) = Holds::parse(file, &rel, text, &mut repo.diagnostics) {
                repo.keep(read);
            }
        }
        Ok(Some(repo))
    }

    /// Puts new texts in place of the files at `edits` (paths relative to the root), or
    /// adds them as new files, reading them as `load` would; everything else stays as it
    /// was read. An edit is checked this way before it is written. Returns the edited
    /// files' ids, in the order given.
    pub fn replace_texts(&mut self, edits: &[(String, String)]) -> Vec<FileId> {
        self.names = OnceLock::new();
        self.by_department = OnceLock::new();
        let wanted: HashSet<&str> = edits.iter().map(|(rel, _)| rel.as_str()).collect();
        let mut ids: HashMap<&str, FileId> = self
            .sources
            .iter()
            .filter_map(|(id, file)| wanted.get(file.path()).map(|rel| (*rel, id)))
            .collect();
        let mut replaced = HashSet::new();
        let files: Vec<FileId> = edits
            .iter()
            .map(|(rel, text)| match ids.get(rel.as_str()) {
                Some(&id) => {
                    *self.sources.get_mut(id) = SourceFile::new(rel.clone(), Some(text.clone()));
                    replaced.insert(id);
                    id
                }
                None => {
                    let id = self.sources.add(rel.clone(), Some(text.clone()));
                    ids.insert(rel.as_str(), id);
                    id
                }
            })
            .collect();
        self.diagnostics.retain(|d| !replaced.contains(&d.file));
        self.plans.retain(|p| !replaced.contains(&p.file));
        self.contacts.retain(|c| !replaced.contains(&c.file));
        self.interactions.retain(|i| !replaced.contains(&i.file));
        self.reviews.retain(|r| !replaced.contains(&r.file));
        // Each edited file is read as `load` reads it, on every core; what they hold is
        // put back in path order, and their findings in the order of the edits.
        let read: Vec<(Option<Holds>, Vec<Diagnostic>)> = files
            .par_iter()
            .zip(edits)
            .map(|(file, (rel, text))| {
                let mut diagnostics = Vec::new();
                // An edit may not make a file that `load` would refuse to read.
                if text.len() as u64 > MAX_FILE_SIZE {
                    diagnostics.push(too_large().diagnostic(*file));
                    return (None, diagnostics);
                }
                let holds = Holds::parse(*file, rel, text, &mut diagnostics);
                (holds, diagnostics)
            })
            .collect();
        for (holds, diagnostics) in read {
            self.diagnostics.extend(diagnostics);
            match holds {
                Some(Holds::Plan(plan)) => self.plans.push(*plan),
                Some(Holds::Contacts(contacts)) => self.contacts.push(contacts),
                Some(Holds::Interactions(interactions)) => self.interactions.push(interactions),
                Some(Holds::Review(review)) => self.reviews.push(review),
                None => {}
            }
        }
        let sources = &self.sources;
        let path = |file: FileId| sources.get(file).path();
        self.plans.sort_by(|a, b| path(a.file).cmp(path(b.file)));
        self.contacts.sort_by(|a, b| path(a.file).cmp(path(b.file)));
        self.interactions
            .sort_by(|a, b| path(a.file).cmp(path(b.file)));
        self.reviews.sort_by(|a, b| path(a.file).cmp(path(b.file)));
        files
    }

    /// The department's contacts, when it has a contacts file that could be read.
    pub fn contacts_of(&self, department: &str) -> Option<&Contacts> {
        self.contacts.iter().find(|c| c.department == department)
    }

    /// The department's interactions of plan year `year`, when it has a file of them.
    pub fn interactions_of(&self, department: &str, year: i64) -> Option<&Interactions> {
        self.interactions
            .iter()
            .find(|i| i.department == department && i.year == Some(year))
    }

    /// The path of a plan's file, relative to the root.
    pub fn path(&self, plan: &Plan) -> &str {
        self.sources.get(plan.file).path()
    }

    /// The department's plan for the year, with or without errors. Where a stray copy
    /// claims the same department and year, the plan at `plans/<year>/<department>.toml`.
    pub fn plan(&self, department: &str, year: i64) -> Option<&Plan> {
        self.by_department()
            .get(&(department.to_owned(), year))
            .map(|&i| &self.plans[i])
    }

    /// The department's most recent plan before `year`, with or without errors: a caller
    /// that builds on it checks for errors rather than reaching past it to an older plan.
    pub fn previous_plan(&self, department: &str, year: i64) -> Option<&Plan> {
        let department = department.to_owned();
        self.by_department()
            .range((department.clone(), i64::MIN)..(department, year))
            .next_back()
            .map(|(_, &i)| &self.plans[i])
    }

    fn by_department(&self) -> &BTreeMap<(String, i64), usize> {
        self.by_department.get_or_init(|| {
            let mut index: BTreeMap<(String, i64), usize> = BTreeMap::new();
            for (i, plan) in self.plans.iter().enumerate() {
                let (department, year) = (plan.department.get_ref(), *plan.year.get_ref());
                let at_home = self.path(plan) == format!("plans/{year}/{department}.toml");
                index
                    .entry((department.clone(), year))
                    .and_modify(|kept| {
                        if at_home {
                            *kept = i;
                        }
                    })
                    .or_insert(i);
            }
            index
        })
    }

    /// A plan named by its path (`plans/2017/history.toml`) or reference (`history/2017`).
    pub fn find_plan(&self, name: &str) -> anyhow::Result<&Plan> {
        let wanted = name.trim_end_matches('/');
        let names = self.names.get_or_init(|| {
            let mut names = HashMap::new();
            // In reverse, so the first plan with a name keeps it.
            for (i, plan) in self.plans.iter().enumerate().rev() {
                names.insert(self.path(plan).to_owned(), i);
            }
            for (i, plan) in self.plans.iter().enumerate().rev() {
                names.insert(plan.reference(), i);
            }
            names
        });
        let found = [wanted, wanted.trim_start_matches("./")]
            .iter()
            .find_map(|name| names.get(*name))
            .map(|&i| &self.plans[i]);
        found.ok_or_else(|| {
            let references: Vec<String> = self.plans.iter().map(Plan::reference).collect();
            let near = nearest(wanted, references.iter().map(String::as_str), 3);
            anyhow::anyhow!("no plan `{name}`; the nearest are: {}", near.join(", "))
        })
    }

    /// An action named `department/year/id`, with its plan.
    pub fn find_action(&self, reference: &str) -> anyhow::Result<(&Plan, &Action)> {
        let found = self.plans.iter().find_map(|plan| {
            let prefix = format!("{}/", plan.reference());
            let id = reference.strip_prefix(&prefix)?;
            plan.action(id).map(|action| (plan, action))
        });
        found.ok_or_else(|| {
            let references: Vec<String> = self
                .plans
                .iter()
                .flat_map(|p| p.actions.iter().map(move |a| p.action_reference(a)))
                .collect();
            let near = nearest(reference, references.iter().map(String::as_str), 3);
            anyhow::anyhow!(
                "no action `{reference}`; the nearest are: {}",
                near.join(", ")
            )
        })
    }

    /// The file at `path` (relative to the root), if the repository read or looked at it.
    pub fn file(&self, path: &str) -> Option<FileId> {
        self.sources
            .iter()
            .find(|(_, f)| f.path() == path)
            .map(|(id, _)| id)
    }

    /// The files of `layout` (`plans/<year>/*.toml`, `contacts/*.toml`, …), sorted,
    /// reporting everything else found there.
    fn walk(&mut self, layout: Layout) -> Result<Vec<RepoFile>, RepoError> {
        let dir = self.root.join(layout.folder);
        if let Err(problem) = check_inside(&self.root, &dir) {
            self.problem(
                layout.folder.to_owned(),
                Code::BadSymlink,
                format!(
                    "`{}` {problem}, so no {} can be read",
                    layout.folder, layout.what
                ),
                Some(format!(
                    "replace the link with the {} folder itself",
                    layout.folder
                )),
            );
            return Ok(Vec::new());
        }
        match fs::metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                self.misplaced(layout.not_a_folder());
                return Ok(Vec::new());
            }
            Err(_) => return Ok(Vec::new()),
        }
        let mut files = Vec::new();
        let mut walk = WalkDir::new(&dir)
            .min_depth(1)
            .max_depth(layout.depth())
            .follow_links(false)
            .sort_by_file_name()
            .into_iter();
        let mut seen = 0;
        while let Some(entry) = walk.next() {
            seen += 1;
            if seen > MAX_PLAN_ENTRIES {
                return Err(RepoError::TooManyFiles(layout));
            }
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().map(|p| self.relative(p)).unwrap_or_default();
                    self.problem(
                        path,
                        Code::UnreadableFile,
                        format!(
                            "cannot read this: {}",
                            error
                                .io_error()
                                .map_or_else(|| error.to_string(), |e| e.kind().to_string())
                        ),
                        Some("check the file's permissions".to_owned()),
                    );
                    continue;
                }
            };
            let rel = self.relative(entry.path());
            let name = entry.file_name().to_string_lossy();
            if name.starts_with('.') {
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                continue;
            }
            let kind = if entry.path_is_symlink() {
                match self.resolve_link(entry.path()) {
                    Ok(kind) => kind,
                    Err(message) => {
                        let hint = "replace the link with the file itself".to_owned();
                        self.problem(rel, Code::BadSymlink, message, Some(hint));
                        continue;
                    }
                }
            } else if entry.file_type().is_dir() {
                EntryKind::Folder
            } else {
                EntryKind::File
            };
            let is_folder = matches!(kind, EntryKind::Folder);
            if entry.depth() == 1 && is_folder && entry.path_is_symlink() {
                self.problem(
                    rel,
                    Code::BadSymlink,
                    "this is a symbolic link to a folder, and linked folders are not followed"
                        .to_owned(),
                    Some("replace the link with the folder itself".to_owned()),
                );
                continue;
            }
            let below: Vec<&str> = rel.split('/').skip(1).collect();
            match place(layout, &below, is_folder) {
                Place::File => files.push(RepoFile {
                    rel,
                    path: entry.path().to_path_buf(),
                    regular: !entry.path_is_symlink() && entry.file_type().is_file(),
                }),
                Place::Folder | Place::Ignored => {}
                Place::Problem(found) => {
                    self.misplaced(found);
                    if entry.file_type().is_dir() {
                        walk.skip_current_dir();
                    }
                }
            }
        }
        Ok(files)
    }

    /// What a symbolic link points at, refusing links that are broken, loop or leave the
    /// repository.
    fn resolve_link(&self, link: &Path) -> Result<EntryKind, String> {
        let target = fs::canonicalize(link).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => "this symbolic link points at nothing".to_owned(),
            kind => format!(
                "this symbolic link cannot be followed (it may loop back on itself): {kind}"
            ),
        })?;
        let root = fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        if !target.starts_with(&root) {
            return Err("this symbolic link points outside the repository".to_owned());
        }
        Ok(if target.is_dir() {
            EntryKind::Folder
        } else {
            EntryKind::File
        })
    }

    /// Reads one file, recording it in the sources; `None` (with a diagnostic) when its text
    /// cannot be used.
    fn read(&mut self, rel: String, path: &Path) -> Option<FileId> {
        match read_text(path) {
            Ok(text) => Some(self.sources.add(rel, Some(text))),
            Err(problem) => {
                let file = self.sources.add(rel, problem.lossy_text.clone());
                self.diagnostics.push(problem.diagnostic(file));
                None
            }
        }
    }

    fn misplaced(&mut self, found: Misplaced) {
        let Misplaced {
            path,
            code,
            message,
            hint,
        } = found;
        self.problem(path, code, message, Some(hint));
    }

    fn problem(&mut self, rel: String, code: Code, message: String, hint: Option<String>) {
        let file = self.sources.add(rel, None);
        self.diagnostics
            .push(Diagnostic::new(code, file, None, message).with_hint_opt(hint));
    }

    /// `path` relative to the root with `/` separators, as diagnostics show it.
    pub fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .filter_map(|c| match c {
                Component::Normal(part) => Some(part.to_string_lossy()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// The files of a template folder such as `templates/`, as (name, text) sorted by name.
/// Hidden files and sub-folders are left out, and a symbolic link that leads out of the
/// folder is refused: templates come from that folder and nowhere else.
pub fn read_template_folder(dir: &Path) -> Result<Vec<(String, String)>, RepoError> {
    let io_error = |path: &Path, source| RepoError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = fs::canonicalize(dir).map_err(|e| io_error(dir, e))?;
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        match check_inside(&folder, &entry.path()) {
            Ok(()) => {}
            Err(LinkProblem::Outside) => return Err(RepoError::TemplateOutside(entry.path())),
            Err(problem) => {
                return Err(RepoError::BadLink {
                    path: entry.path(),
                    problem,
                });
            }
        }
        if !fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let target = fs::canonicalize(entry.path()).map_err(|e| io_error(&entry.path(), e))?;
        if target.parent() != Some(folder.as_path()) {
            return Err(RepoError::TemplateOutside(entry.path()));
        }
        files.push((name, entry.path()));
    }
    files.sort();
    files
        .into_iter()
        .map(|(name, path)| match read_text(&path) {
            Ok(text) => Ok((name, text.trim_start_matches('\u{feff}').to_owned())),
            Err(problem) => Err(io_error(
                &path,
                io::Error::new(io::ErrorKind::InvalidData, problem.message),
            )),
        })
        .collect()
}

/// Where one kind of file lives: `plans/<year>/<department>.toml` and the like.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The folder under the root.
    pub folder: &'static str,
    /// Whether files sit in year folders inside it.
    pub years: bool,
    /// The path of such a file, for messages.
    pub pattern: &'static str,
    /// One such file, in messages: "plan".
    pub what: &'static str,
    /// The files in the plural: "plans".
    pub plural: &'static str,
}

impl Layout {
    pub const PLANS: Layout = Layout {
        folder: "plans",
        years: true,
        pattern: "plans/<year>/<department>.toml",
        what: "plan",
        plural: "plans",
    };
    pub const CONTACTS: Layout = Layout {
        folder: "contacts",
        years: false,
        pattern: "contacts/<department>.toml",
        what: "contacts",
        plural: "contacts",
    };
    pub const INTERACTIONS: Layout = Layout {
        folder: "interactions",
        years: true,
        pattern: "interactions/<year>/<department>.toml",
        what: "interactions",
        plural: "interactions",
    };
    pub const REVIEWS: Layout = Layout {
        folder: "reviews",
        years: false,
        pattern: "reviews/<year>.toml",
        what: "review",
        plural: "reviews",
    };
}

impl Layout {
    /// The layout whose folder `path` (from the root) is in, or is.
    fn of(path: &str) -> Option<Layout> {
        [
            Layout::PLANS,
            Layout::CONTACTS,
            Layout::INTERACTIONS,
            Layout::REVIEWS,
        ]
        .into_iter()
        .find(|layout| {
            path == layout.folder
                || path
                    .strip_prefix(layout.folder)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// How many folders deep below the layout's folder its files are: 2 for
    /// `plans/<year>/<department>.toml`, 1 for `contacts/<department>.toml`.
    fn depth(self) -> usize {
        if self.years { 2 } else { 1 }
    }

    /// The finding for a layout's folder that is a file.
    fn not_a_folder(self) -> Misplaced {
        Misplaced {
            path: self.folder.to_owned(),
            code: Code::UnreadableFile,
            message: format!(
                "`{}` is not a folder, so no {} can be read",
                self.folder, self.what
            ),
            hint: format!(
                "{} live at {}; move this file away",
                self.plural, self.pattern
            ),
        }
    }
}

/// Where a file or folder lies in its layout's folder, as the walk of the disk and the
/// walk of a revision both judge it.
enum Place {
    /// A file to read.
    File,
    /// A year folder, whose files are read.
    Folder,
    /// Not read and not worth a finding: hidden files, notes beside plans.
    Ignored,
    Problem(Misplaced),
}

/// A file or folder where it is not read, as a finding.
struct Misplaced {
    path: String,
    code: Code,
    message: String,
    hint: String,
}

/// Where the file or folder at `below` (its path's parts under the layout's folder) lies;
/// `is_folder` says which it is. Deeper than the layout's files, only the folder at their
/// depth is judged: nothing inside it is read.
fn place(layout: Layout, below: &[&str], is_folder: bool) -> Place {
    let folder = layout.folder;
    let Some(&name) = below.last() else {
        return Place::Ignored;
    };
    if below.iter().any(|part| part.starts_with('.')) {
        return Place::Ignored;
    }
    let depth = below.len();
    let path = || format!("{folder}/{}", below.join("/"));
    if layout.years && depth == 1 && is_folder {
        return if is_year(name) {
            Place::Folder
        } else {
            Place::Problem(Misplaced {
                path: path(),
                code: Code::NotAYear,
                message: format!(
                    "`{name}` is not a year; {} live in {folder}/<year>/",
                    layout.plural
                ),
                hint: format!("name the folder after the plan year, such as {folder}/2017"),
            })
        };
    }
    let is_toml = name.ends_with(".toml");
    if !is_folder {
        match (depth == layout.depth(), is_toml) {
            (true, true) => return Place::File,
            (_, false) => return Place::Ignored,
            (false, true) => {}
        }
    }
    let message = if depth < layout.depth() {
        "this file is not inside a year folder, so it is not read".to_owned()
    } else if is_toml {
        format!(
            "this is a folder named like a {} file, so it is not read",
            layout.what
        )
    } else {
        let parent = below[..depth - 1]
            .iter()
            .fold(format!("{folder}/"), |p, part| format!("{p}{part}/"));
        format!("this folder is inside {parent}, so it is not read")
    };
    Place::Problem(Misplaced {
        path: path(),
        code: Code::MisplacedFile,
        message,
        hint: format!("{} live at {}", layout.plural, layout.pattern),
    })
}

/// Where a revision's file at `path` (from the root, in `layout`'s folder) lies, judging
/// the folders on its way first, as the walk of the disk meets them.
fn place_stored(layout: Layout, path: &str) -> Place {
    let Some(rest) = path
        .strip_prefix(layout.folder)
        .and_then(|rest| rest.strip_prefix('/'))
    else {
        return Place::Problem(layout.not_a_folder());
    };
    let below: Vec<&str> = rest.split('/').collect();
    if below.iter().any(|part| part.starts_with('.')) {
        return Place::Ignored;
    }
    for depth in 1..=below.len().min(layout.depth()) {
        match place(layout, &below[..depth], depth < below.len()) {
            Place::Folder => {}
            placed => return placed,
        }
    }
    Place::Ignored
}

/// A revision's file as a source, with the reason its text cannot be used, if any.
fn stored_text(path: String, contents: Contents) -> (SourceFile, Option<ReadProblem>) {
    let read = match contents {
        Contents::Bytes(bytes) => text_of(bytes),
        Contents::TooLarge(_) => Err(too_large()),
        Contents::Link => Err(ReadProblem::new(
            Code::BadSymlink,
            "this symbolic link is not followed when reading a revision".to_owned(),
        )),
    };
    match read {
        Ok(text) => (SourceFile::new(path, Some(text)), None),
        Err(problem) => (
            SourceFile::new(path, problem.lossy_text.clone()),
            Some(problem),
        ),
    }
}

/// A file to read.
struct RepoFile {
    /// The path from the root, as findings show it.
    rel: String,
    path: PathBuf,
    /// Whether the walk saw a regular file (not a link), which can be opened at once.
    regular: bool,
}

/// What a file was read as: its path says which.
// Most files are plans, and each is moved once into its list: boxing them would cost an
// allocation each for nothing.
#[allow(clippy::large_enum_variant)]
enum Holds {
    /// Boxed, so the list of every file read holds no plan-sized room for the files
    /// that are not plans.
    Plan(Box<Plan>),
    Contacts(Contacts),
    Interactions(Interactions),
    Review(Review),
}

impl Holds {
    /// Reads `text` as what its path `rel` says it is: a contacts file under `contacts/`,
    /// an interactions file under `interactions/`, a plan otherwise.
    fn parse(
        file: FileId,
        rel: &str,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Holds> {
        let stem = |name: &str| name.strip_suffix(".toml").unwrap_or(name).to_owned();
        let parts: Vec<&str> = rel.split('/').collect();
        match parts.as_slice() {
            ["contacts", name] => {
                Contacts::parse(file, &stem(name), text, diagnostics).map(Holds::Contacts)
            }
            ["interactions", year, name] => {
                let year = is_year(year).then(|| year.parse().ok()).flatten();
                Interactions::parse(file, &stem(name), year, text, diagnostics)
                    .map(Holds::Interactions)
            }
            ["reviews", name] => {
                let stem = stem(name);
                let year = is_year(&stem).then(|| stem.parse().ok()).flatten();
                Review::parse(file, year, text, diagnostics).map(Holds::Review)
            }
            _ => Plan::parse(file, text, diagnostics).map(|plan| Holds::Plan(Box::new(plan))),
        }
    }

    fn file(&self) -> FileId {
        match self {
            Holds::Plan(plan) => plan.file,
            Holds::Contacts(contacts) => contacts.file,
            Holds::Interactions(interactions) => interactions.file,
            Holds::Review(review) => review.file,
        }
    }
}

/// One file as read on its own: its source, what it holds, and the findings in it.
struct LoadedFile {
    source: SourceFile,
    read: Option<Holds>,
    diagnostics: Vec<Diagnostic>,
}

impl LoadedFile {
    /// Reads and decodes the file at `path`, which will be `file`.
    fn read(file: FileId, repo_file: RepoFile) -> LoadedFile {
        let RepoFile { rel, path, regular } = repo_file;
        let mut diagnostics = Vec::new();
        let read = if regular {
            read_walked(&path)
        } else {
            read_text(&path)
        };
        let text = match read {
            Ok(text) => text,
            Err(problem) => {
                diagnostics.push(problem.diagnostic(file));
                return LoadedFile {
                    source: SourceFile::new(rel, problem.lossy_text),
                    read: None,
                    diagnostics,
                };
            }
        };
        let read = Holds::parse(file, &rel, &text, &mut diagnostics);
        LoadedFile {
            source: SourceFile::new(rel, Some(text)),
            read,
            diagnostics,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum EntryKind {
    File,
    Folder,
}

/// A plan year folder: four digits.
fn is_year(name: &str) -> bool {
    name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())
}

/// Why a file's text cannot be used.
struct ReadProblem {
    code: Code,
    message: String,
    hint: Option<String>,
    span: Option<std::ops::Range<usize>>,
    /// The text with bad bytes replaced, so the finding can show the line.
    lossy_text: Option<String>,
}

impl ReadProblem {
    fn diagnostic(&self, file: FileId) -> Diagnostic {
        Diagnostic::new(self.code, file, self.span.clone(), self.message.clone())
            .with_hint_opt(self.hint.clone())
    }

    fn new(code: Code, message: String) -> Self {
        Self {
            code,
            message,
            hint: None,
            span: None,
            lossy_text: None,
        }
    }
}

fn unreadable(e: io::Error) -> ReadProblem {
    let mut p = ReadProblem::new(
        Code::UnreadableFile,
        format!("cannot read the file: {}", e.kind()),
    );
    p.hint = Some("check the file's permissions".to_owned());
    p
}

/// Refuses what is not a regular file.
fn regular(meta: &fs::Metadata) -> Result<(), ReadProblem> {
    if meta.is_dir() {
        return Err(ReadProblem::new(
            Code::UnreadableFile,
            "this is a folder, not a file".to_owned(),
        ));
    }
    if !meta.is_file() {
        return Err(ReadProblem::new(
            Code::UnreadableFile,
            "this is not a regular file".to_owned(),
        ));
    }
    Ok(())
}

fn read_text(path: &Path) -> Result<String, ReadProblem> {
    // Only regular files are opened: opening a FIFO would wait for a writer forever.
    let meta = fs::metadata(path).map_err(unreadable)?;
    regular(&meta)?;
    let file = fs::File::open(path).map_err(unreadable)?;
    read_open(file, &meta)
}

/// Like [`read_text`], for a file the walk saw as a regular file: opened straight away,
/// saving a look-up of its path per file.
fn read_walked(path: &Path) -> Result<String, ReadProblem> {
    let file = fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    regular(&meta)?;
    read_open(file, &meta)
}

fn too_large() -> ReadProblem {
    let mut p = ReadProblem::new(
        Code::FileTooLarge,
        format!(
            "the file is larger than {} MiB",
            MAX_FILE_SIZE / 1024 / 1024
        ),
    );
    p.hint = Some("a plan is a few kilobytes; remove pasted data such as usage reports".to_owned());
    p
}

fn read_open(file: fs::File, meta: &fs::Metadata) -> Result<String, ReadProblem> {
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    text_of(bytes)
}

/// A file's bytes as text, refusing what is too large, UTF-16, binary or not UTF-8.
fn text_of(bytes: Vec<u8>) -> Result<String, ReadProblem> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large());
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        // What Windows editors write when asked for "Unicode".
        let mut p = ReadProblem::new(Code::NotUtf8, "the file is saved as UTF-16".to_owned());
        p.hint = Some("save it as UTF-8 in your editor".to_owned());
        return Err(p);
    }
    if bytes.contains(&0) {
        let mut p = ReadProblem::new(
            Code::BinaryFile,
            "the file contains NUL bytes, so it is not a text file".to_owned(),
        );
        p.hint = Some(
            "this looks like a Word, Excel or other non-text file saved with a .toml name"
                .to_owned(),
        );
        return Err(p);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let mut p = ReadProblem::new(Code::NotUtf8, "the file is not valid UTF-8".to_owned());
        p.hint = Some("save the file as UTF-8 in your editor".to_owned());
        p.span = Some(at..at + char::REPLACEMENT_CHARACTER.len_utf8());
        p.lossy_text = Some(lossy);
        p
    })
}

/// The settings alone, read as [`Repository::load`] reads them, for what needs nothing else
/// (completing a command line): `None` when `aplan.toml` is missing, leads outside the
/// repository, cannot be read or is not TOML.
pub fn read_config(root: &Path) -> Option<Config> {
    let (file, text) = read_alone(root, CONFIG_FILE.to_owned())?;
    Config::parse(file, &text, &mut Vec::new())
}

/// The department and year of every file at `plans/<year>/<department>.toml`, sorted, from
/// the folders' listings alone: no plan is opened. Year folders that are links are left
/// out, as [`Repository::load`] leaves them out; a `plans/` that cannot be listed gives
/// none.
pub fn plan_names(root: &Path) -> Vec<(String, i64)> {
    let plans = root.join(Layout::PLANS.folder);
    if check_inside(root, &plans).is_err() {
        return Vec::new();
    }
    let Ok(years) = fs::read_dir(&plans) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut seen = 0;
    for folder in years.flatten() {
        seen += 1;
        let name = folder.file_name();
        let Some(year) = name.to_str().filter(|n| is_year(n)) else {
            continue;
        };
        if !folder.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let Ok(files) = fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            seen += 1;
            if seen > MAX_PLAN_ENTRIES {
                break;
            }
            let name = file.file_name();
            let department = name.to_str().and_then(|n| n.strip_suffix(".toml"));
            let Some(department) = department.filter(|d| !d.is_empty() && !d.starts_with('.'))
            else {
                continue;
            };
            if file.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            names.push((department.to_owned(), year.parse().unwrap_or_default()));
        }
        if seen > MAX_PLAN_ENTRIES {
            break;
        }
    }
    names.sort();
    names
}

/// The plan at `plans/<year>/<department>.toml`, read and decoded on its own, for what
/// needs one plan and nothing else (completing an action's reference): `None` when the
/// name is not a plain file name or the file cannot be read or is not TOML.
pub fn read_plan(root: &Path, department: &str, year: i64) -> Option<Plan> {
    let folder = Layout::PLANS.folder;
    let (file, text) = read_alone(root, format!("{folder}/{year}/{}.toml", plain(department)?))?;
    Plan::parse(file, &text, &mut Vec::new())
}

/// The department's `contacts/<department>.toml`, read and decoded on its own, for what
/// needs one department's people and nothing else (completing a contact id): `None` as for
/// [`read_plan`].
pub fn read_contacts(root: &Path, department: &str) -> Option<Contacts> {
    let folder = Layout::CONTACTS.folder;
    let (file, text) = read_alone(root, format!("{folder}/{}.toml", plain(department)?))?;
    Contacts::parse(file, department, &text, &mut Vec::new())
}

/// `name` when it can only name a file in its folder: no separator, not hidden, not empty.
fn plain(name: &str) -> Option<&str> {
    let plain = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']);
    plain.then_some(name)
}

/// The file at `rel` (from the root), with an id of its own, when it lies inside the
/// repository (its folders may be links too, so the whole path is resolved) and its text
/// can be used.
fn read_alone(root: &Path, rel: String) -> Option<(FileId, String)> {
    let path = root.join(&rel);
    let inside = fs::canonicalize(&path)
        .ok()?
        .starts_with(fs::canonicalize(root).ok()?);
    let text = read_text(&path).ok().filter(|_| inside)?;
    Some((Sources::default().add(rel, None), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits() {
        assert!(is_year("2017"));
        assert!(!is_year("17"));
        assert!(!is_year("drafts"));
        assert!(!is_year("２０１７"));
    }
}
