//! Findings about the user's files: a stable [`Code`], where it is and what to do about it.
//!
//! A finding is data, not a failure: checks push [`Diagnostic`]s to a list and carry on, so
//! one run reports every problem in every file.

use std::fmt;
use std::ops::Range;

use crate::source::FileId;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $summary:literal;)*) => {
        /// Every diagnostic code. The names are stable: CI configurations and the docs use them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// Every code, in the order of `docs/checks.md`.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The kebab-case name users see, as in `error[unknown-staff]`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    TomlSyntax = "toml-syntax", Error, "The file is not valid TOML.";
    NotUtf8 = "not-utf8", Error, "The file is not UTF-8 text.";
    BinaryFile = "binary-file", Error, "The file contains NUL bytes: it is binary, not TOML.";
    FileTooLarge = "file-too-large", Error, "The file is larger than 1 MiB, far more than any plan needs.";
    EmptyFile = "empty-file", Error, "The file has no content.";
    UnreadableFile = "unreadable-file", Error, "The file or folder could not be read.";
    BadSymlink = "bad-symlink", Error, "A symbolic link under plans/, contacts/ or interactions/ (or one of those folders itself) is broken, loops, leaves the repository or points at a folder.";
    NotAYear = "not-a-year", Error, "A folder directly under plans/ or interactions/, or a file under reviews/, is not named after a year.";
    MisplacedFile = "misplaced-file", Warning, "A file or folder under plans/, contacts/ or interactions/ is not where such files live (plans/<year>/<department>.toml, contacts/<department>.toml, interactions/<year>/<department>.toml).";
    UnknownKey = "unknown-key", Error, "A key that the file format does not have.";
    WrongType = "wrong-type", Error, "A value of the wrong type, such as a quoted number or date.";
    MissingKey = "missing-key", Error, "A required key is missing.";
    InvalidValue = "invalid-value", Error, "A value outside the allowed set, such as an unknown status or role.";
    InvalidDate = "invalid-date", Error, "A date that does not exist, or a date with a time.";
    BadSlug = "bad-slug", Error, "An id that is not a slug of lowercase letters, digits and '-'.";
    UnknownDepartment = "unknown-department", Error, "A department id that aplan.toml does not define: a plan's, or the name of a contacts or interactions file.";
    UnknownStaff = "unknown-staff", Error, "A staff id that aplan.toml does not define.";
    UnknownTheme = "unknown-theme", Error, "A theme id that aplan.toml does not define.";
    UnknownInitiative = "unknown-initiative", Error, "An initiative id that aplan.toml does not define.";
    UnknownIssue = "unknown-issue", Error, "An action addresses an issue id that its plan does not have.";
    UnknownContact = "unknown-contact", Error, "A contact id that the department's contacts file does not define.";
    UnknownKind = "unknown-kind", Error, "An interaction's kind that `[crm] kinds` in aplan.toml does not list.";
    BadReference = "bad-reference", Error, "An action reference (`carried_from`, an interaction's `actions`) that is malformed or names an action that does not exist.";
    PathMismatch = "path-mismatch", Error, "The file's path does not match its `department` and `year`.";
    DuplicatePlan = "duplicate-plan", Error, "Two plans for one department and year.";
    DuplicateId = "duplicate-id", Error, "An id used twice where it must be unique.";
    MissingDate = "missing-date", Error, "The plan's status needs a meeting date it does not have.";
    DateOrder = "date-order", Error, "Dates out of order: a plan sent after the meeting or finalised before it, a follow-up before its interaction, a contact's `until` before `from`.";
    OutsideYear = "outside-year", Error, "An interaction dated outside the planning year of its folder.";
    LibqualRange = "libqual-range", Error, "A LibQual+ score outside the 1-9 scale.";
    SentLate = "sent-late", Warning, "The plan reached the department fewer than `send_days_before` days before the meeting.";
    FinalisedLate = "finalised-late", Warning, "The final plan went out later than `finalise_within_days` after the meeting.";
    NoHeadAtMeeting = "no-head-at-meeting", Warning, "A met or final plan whose attendees include no head of department or stand-in.";
    NoLiaisonAtMeeting = "no-liaison-at-meeting", Warning, "A met or final plan whose attendees do not include the plan's liaison librarian.";
    NoManagerAtMeeting = "no-manager-at-meeting", Warning, "A met or final plan whose attendees include nobody from the library in a manager role.";
    RoleHeldTwice = "role-held-twice", Warning, "Two contacts of one department hold head-of-department, or library-rep, at the same time.";
    TooManyActions = "too-many-actions", Warning, "More active actions than `max_actions_per_department`.";
    DueOutsideYear = "due-outside-year", Warning, "An action due outside its plan's year.";
    DoneWithoutUpdate = "done-without-update", Warning, "A done action with no update saying what was done.";
    UpdateBeforeYear = "update-before-year", Warning, "An action's update dated before its plan's year starts.";
    UpdatesOutOfOrder = "updates-out-of-order", Warning, "An action's update dated before the update above it.";
    ImprovementWithoutOwner = "improvement-without-owner", Warning, "An agreed improvement to the process that nobody owns.";
    MissingTheme = "missing-theme", Warning, "An issue or action with no theme, so `aplan themes` cannot group it.";
    Unfilled = "unfilled", Warning, "A sent, met or final plan whose investment, usage or LibQual+ figures are missing or still a commented template line, or whose LibQual+ scores do not name their survey.";
    BidiControl = "bidi-control", Warning, "Invisible characters that change the direction of text, which can hide from a reviewer what a line says.";
}

impl Code {
    /// Looks a code up by its name.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.name() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem found in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub file: FileId,
    /// Byte range in the file's text; `None` when the finding is about the whole file or folder.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        file: FileId,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            file,
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        Self {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn code_names_are_unique_kebab_case() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            let name = code.name();
            assert!(seen.insert(name), "{name} is used twice");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{name} is not kebab-case"
            );
            assert_eq!(Code::from_name(name), Some(*code));
        }
    }
}
