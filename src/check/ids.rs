//! Ids that must be unique: staff and departments in aplan.toml, issues and actions in a
//! plan, contacts in a department, improvements in a review.

use rustc_hash::FxHashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Config, Contacts, Plan, Review, Spanned};
use crate::source::FileId;

pub fn check_config(config: &Config, out: &mut Vec<Diagnostic>) {
    unique(
        config.file,
        "staff id",
        config.staff.iter().map(|s| &s.id),
        out,
    );
    unique(
        config.file,
        "department id",
        config.departments.iter().map(|d| &d.id),
        out,
    );
}

pub fn check_plan(plan: &Plan, out: &mut Vec<Diagnostic>) {
    unique(
        plan.file,
        "issue id",
        plan.issues.iter().map(|i| &i.id),
        out,
    );
    unique(
        plan.file,
        "action id",
        plan.actions.iter().map(|a| &a.id),
        out,
    );
}

pub fn check_contacts(contacts: &Contacts, out: &mut Vec<Diagnostic>) {
    unique(
        contacts.file,
        "contact id",
        contacts.contacts.iter().map(|c| &c.id),
        out,
    );
}

pub fn check_review(review: &Review, out: &mut Vec<Diagnostic>) {
    unique(
        review.file,
        "improvement id",
        review.improvements.iter().map(|i| &i.id),
        out,
    );
}

fn unique<'a>(
    file: FileId,
    what: &str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for id in ids.filter(|id| !id.get_ref().is_empty()) {
        if let Some(first) = seen.insert(id.get_ref(), id.span().start) {
            seen.insert(id.get_ref(), first);
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    file,
                    Some(id.span()),
                    format!("{what} `{}` is used twice", id.get_ref()),
                )
                .with_hint(
                    "ids must be unique: remove the duplicate, or give one of them another id",
                ),
            );
        }
    }
}
