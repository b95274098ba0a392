//! Which findings a change brings and which it removes: the findings of two states of the
//! repository matched by file, code and message. Line numbers are left out of the match,
//! since an edit above a finding moves it without changing it.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Sources;

/// The findings of one state of the repository, with the files they point into.
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    pub sources: &'a Sources,
    pub diagnostics: &'a [Diagnostic],
}

/// What a change did to the findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Findings after the change that were not there before, in the order given.
    pub added: Vec<Diagnostic>,
    /// Findings before the change that are gone after it, in the order given.
    pub fixed: Vec<Diagnostic>,
}

/// Matches the findings before and after a change. A finding seen twice before and three
/// times after (the same unknown owner in one more action) counts once as added.
pub fn compare(before: Findings<'_>, after: Findings<'_>) -> Comparison {
    let mut left: HashMap<Key<'_>, usize> = HashMap::new();
    for d in before.diagnostics {
        *left.entry(Key::of(before.sources, d)).or_default() += 1;
    }
    let mut added = Vec::new();
    for d in after.diagnostics {
        match left.get_mut(&Key::of(after.sources, d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => added.push(d.clone()),
        }
    }
    // What was not matched by a finding after the change is what it fixed, taken from
    // the end so that of repeated findings the later ones are the fixed ones.
    let mut fixed: Vec<Diagnostic> = Vec::new();
    for d in before.diagnostics.iter().rev() {
        if let Some(n) = left.get_mut(&Key::of(before.sources, d))
            && *n > 0
        {
            *n -= 1;
            fixed.push(d.clone());
        }
    }
    fixed.reverse();
    Comparison { added, fixed }
}

/// What makes two findings the same finding.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Key<'a> {
    path: &'a str,
    code: Code,
    message: &'a str,
}

impl<'a> Key<'a> {
    fn of(sources: &'a Sources, d: &'a Diagnostic) -> Key<'a> {
        Key {
            path: sources.get(d.file).path(),
            code: d.code,
            message: &d.message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(paths: &[&str]) -> Sources {
        let mut sources = Sources::default();
        for path in paths {
            sources.add((*path).to_owned(), Some(String::new()));
        }
        sources
    }

    fn finding(file: u32, code: Code, at: usize, message: &str) -> Diagnostic {
        Diagnostic::new(
            code,
            Sources::default().next_id().offset(file as usize),
            Some(at..at + 1),
            message,
        )
    }

    #[test]
    fn findings_match_by_file_code_and_message_not_by_line() {
        // The files are read in another order after the change, so ids differ too.
        let before_sources = sources(&["aplan.toml", "plans/2017/a.toml", "plans/2017/b.toml"]);
        let after_sources = sources(&["aplan.toml", "plans/2017/b.toml", "plans/2017/a.toml"]);
        let before = vec![
            finding(1, Code::UnknownStaff, 10, "owner `x` is not in aplan.toml"),
            finding(2, Code::UnknownTheme, 10, "theme `t` is not in aplan.toml"),
        ];
        let after = vec![
            finding(2, Code::UnknownStaff, 90, "owner `x` is not in aplan.toml"),
            finding(2, Code::UnknownStaff, 120, "owner `x` is not in aplan.toml"),
            finding(1, Code::UnknownStaff, 5, "owner `y` is not in aplan.toml"),
        ];
        let comparison = compare(
            Findings {
                sources: &before_sources,
                diagnostics: &before,
            },
            Findings {
                sources: &after_sources,
                diagnostics: &after,
            },
        );
        assert_eq!(comparison.added, vec![after[1].clone(), after[2].clone()]);
        assert_eq!(comparison.fixed, vec![before[1].clone()]);
    }
}
