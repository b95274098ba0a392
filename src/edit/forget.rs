//! Erasing a contact, for a data-protection request: their entry goes from the contacts
//! file, their id from interactions' `with`, meeting attendees (who keep their role) and
//! actions' `contact`, and their name and email address from every text of every file,
//! comments included. Pure: texts in, changed texts out; the caller writes them all or
//! none.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Value};

use crate::model::decode::Keyword;
use crate::model::{Contact, ContactRole};

/// What stands in for the name wherever it was.
pub const REMOVED: &str = "[name removed]";

/// The contact being erased.
#[derive(Debug, Clone)]
pub struct Forgotten<'a> {
    pub department: &'a str,
    pub id: &'a str,
    /// The name as written, then without a title (`Prof. Daniel Osei`, `Daniel Osei`).
    pub names: Vec<String>,
    pub email: Option<&'a str>,
    pub role: ContactRole,
}

impl<'a> Forgotten<'a> {
    pub fn new(department: &'a str, contact: &'a Contact) -> Forgotten<'a> {
        let name = contact.name.get_ref().trim();
        let mut names = vec![name.to_owned()];
        let untitled = without_title(name);
        if untitled != name && untitled.contains(' ') {
            names.push(untitled.to_owned());
        }
        // "Prof. Osei", "Dr Osei": how a note refers to someone already named.
        if let Some((_, surname)) = untitled.rsplit_once(' ') {
            for title in TITLES_WRITTEN {
                names.push(format!("{title} {surname}"));
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.dedup();
        Forgotten {
            department,
            id: contact.id.get_ref(),
            names,
            email: contact.email.as_deref(),
            role: *contact.role.get_ref(),
        }
    }
}

/// Titles as notes write them before a surname.
const TITLES_WRITTEN: &[&str] = &[
    "Prof.",
    "Prof",
    "Professor",
    "Dr.",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
];

/// A name without its leading titles: `Prof. Daniel Osei` → `Daniel Osei`.
fn without_title(name: &str) -> &str {
    let mut rest = name;
    while let Some((first, after)) = rest.split_once(' ') {
        let word = first.trim_end_matches('.').to_lowercase();
        if !crate::report::document::TITLES.contains(&word.as_str()) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// A file the erasure changes, and what it did there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub text: String,
    pub what: Vec<String>,
}

/// Which kind of file a text is, for the structural part of the erasure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The department's contacts file.
    Contacts,
    /// One of the department's interactions files.
    Interactions,
    /// One of the department's plans.
    Plan,
    /// Any other file: only the name and address are replaced.
    Other,
}

/// The file's text with the contact erased, or `None` when it does not mention them.
pub fn erase(text: &str, kind: FileKind, who: &Forgotten<'_>) -> Result<Option<Erased>, String> {
    let mut what = Vec::new();
    let mut text = match kind {
        FileKind::Other => text.to_owned(),
        _ => {
            let mut document: DocumentMut = text
                .parse()
                .map_err(|e: toml_edit::TomlError| e.message().to_owned())?;
            match kind {
                FileKind::Contacts => remove_contact(&mut document, who, &mut what),
                FileKind::Interactions => remove_from_interactions(&mut document, who, &mut what),
                FileKind::Plan => remove_from_plan(&mut document, who, &mut what),
                FileKind::Other => {}
            }
            if what.is_empty() {
                text.to_owned()
            } else {
                document.to_string()
            }
        }
    };
    let mut replaced = 0;
    let mut needles: Vec<&str> = who.names.iter().map(String::as_str).collect();
    needles.extend(who.email);
    for needle in needles.into_iter().filter(|n| !n.is_empty()) {
        replaced += text.matches(needle).count();
        text = text.replace(needle, REMOVED);
    }
    if replaced > 0 {
        what.push(format!("replaced the name or address {}", times(replaced)));
    }
    Ok((!what.is_empty()).then_some(Erased { text, what }))
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        n => format!("{n} times"),
    }
}

fn remove_contact(document: &mut DocumentMut, who: &Forgotten<'_>, what: &mut Vec<String>) {
    let Some(contacts) = document
        .get_mut("contacts")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return;
    };
    let before = contacts.len();
    contacts.retain(|c| c.get("id").and_then(Item::as_str) != Some(who.id));
    if contacts.len() < before {
        what.push("removed the contact".to_owned());
    }
}

/// Takes the id out of a `with` list; removes the key when nothing is left.
fn remove_from_list(table: &mut dyn toml_edit::TableLike, key: &str, id: &str) -> bool {
    let Some(list) = table.get_mut(key).and_then(Item::as_array_mut) else {
        return false;
    };
    let before = list.len();
    list.retain(|v| v.as_str() != Some(id));
    let removed = list.len() < before;
    // `["dosei", "tgreaves"]` becomes `["tgreaves"]`, not `[ "tgreaves"]`.
    if removed && let Some(first) = list.get_mut(0) {
        let inline = first
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .is_some_and(|p| !p.contains('\n'));
        if inline {
            first.decor_mut().set_prefix("");
        }
    }
    if list.is_empty() {
        table.remove(key);
    }
    removed
}

fn remove_from_interactions(
    document: &mut DocumentMut,
    who: &Forgotten<'_>,
    what: &mut Vec<String>,
) {
    let Some(interactions) = document
        .get_mut("interactions")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return;
    };
    let mut removed = 0;
    for interaction in interactions.iter_mut() {
        if remove_from_list(interaction, "with", who.id) {
            removed += 1;
        }
    }
    if removed > 0 {
        let entries = if removed == 1 {
            "interaction"
        } else {
            "interactions"
        };
        what.push(format!("took the id out of `with` in {removed} {entries}"));
    }
}

fn remove_from_plan(document: &mut DocumentMut, who: &Forgotten<'_>, what: &mut Vec<String>) {
    let attendees = document
        .get_mut("meeting")
        .and_then(|m| m.get_mut("attendees"))
        .and_then(Item::as_array_mut);
    if let Some(attendees) = attendees {
        let kept = keep_role(attendees, who);
        if kept > 0 {
            what.push(format!(
                "kept the meeting attendee as {}, without the name",
                attendee_role(who.role)
            ));
        }
    }
    if let Some(actions) = document
        .get_mut("actions")
        .and_then(Item::as_array_of_tables_mut)
    {
        let mut removed = 0;
        for action in actions.iter_mut() {
            if action.get("contact").and_then(Item::as_str) == Some(who.id) {
                action.remove("contact");
                removed += 1;
            }
        }
        if removed > 0 {
            let actions = if removed == 1 { "action" } else { "actions" };
            what.push(format!("removed the contact of {removed} {actions}"));
        }
    }
}

/// Replaces `{ contact = "id" }` by `{ name = "[name removed]", role = "…" }`.
fn keep_role(attendees: &mut Array, who: &Forgotten<'_>) -> usize {
    let mut kept = 0;
    for attendee in attendees.iter_mut() {
        let Value::InlineTable(table) = attendee else {
            continue;
        };
        if table.get("contact").and_then(Value::as_str) != Some(who.id) {
            continue;
        }
        let decor = table.decor().clone();
        let mut person = InlineTable::new();
        person.insert("name", REMOVED.into());
        person.insert("role", attendee_role(who.role).into());
        *person.decor_mut() = decor;
        *table = person;
        kept += 1;
    }
    kept
}

/// The attendee role closest to a contact's role: the roles a meeting names, else `other`.
fn attendee_role(role: ContactRole) -> &'static str {
    match role {
        ContactRole::HeadOfDepartment
        | ContactRole::DeputyHead
        | ContactRole::ChairBoardOfStudies
        | ContactRole::LibraryRep => role.as_str(),
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who() -> Forgotten<'static> {
        Forgotten {
            department: "history",
            id: "ahead",
            names: vec!["Prof. Ann Head".to_owned(), "Ann Head".to_owned()],
            email: Some("ann.head@example.ac.uk"),
            role: ContactRole::HeadOfDepartment,
        }
    }

    #[test]
    fn titles_are_taken_off_the_name() {
        assert_eq!(without_title("Prof. Daniel Osei"), "Daniel Osei");
        assert_eq!(without_title("Dr Ben Rep"), "Ben Rep");
        assert_eq!(without_title("Karen Whitby"), "Karen Whitby");
    }

    #[test]
    fn the_attendee_keeps_the_role_and_the_rest_of_the_file_its_layout() {
        let plan = "# The plan\ndepartment = \"history\"\n\n[meeting]\nattendees = [\n  { contact = \"ahead\" },\n  { staff = \"jsmith\" },\n]\n\n[[actions]]\nid = \"a\"\ncontact = \"ahead\"   # the head\ndetail = \"Ann Head agreed\"\n";
        let erased = erase(plan, FileKind::Plan, &who()).unwrap().unwrap();
        assert_eq!(
            erased.text,
            "# The plan\ndepartment = \"history\"\n\n[meeting]\nattendees = [\n  { name = \"[name removed]\", role = \"head-of-department\" },\n  { staff = \"jsmith\" },\n]\n\n[[actions]]\nid = \"a\"\ndetail = \"[name removed] agreed\"\n"
        );
        assert_eq!(erased.what.len(), 3, "{:?}", erased.what);
    }

    #[test]
    fn a_file_that_does_not_mention_them_is_not_changed() {
        let text = "[[interactions]]\ndate = 2017-01-01\nwith = [\"brep\"]\n";
        assert_eq!(erase(text, FileKind::Interactions, &who()).unwrap(), None);
    }
}
