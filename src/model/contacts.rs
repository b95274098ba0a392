//! The people of one department the library works with: `contacts/<department>.toml`.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::config::{required_slug, required_string};
use super::decode::{Decoder, Fields, Value, keyword};
use super::parse_document;
use super::schema::{Date, Slug};
use super::spanned::{Span, Spanned};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

keyword! {
    /// What a contact does in their department; `other` has no label, so documents show
    /// the name alone.
    pub enum ContactRole {
        HeadOfDepartment = "head-of-department" => "Head of Department",
        DeputyHead = "deputy-head" => "Deputy Head of Department",
        ChairBoardOfStudies = "chair-board-of-studies" => "Chair of the Board of Studies",
        LibraryRep = "library-rep" => "Library Representative",
        Academic = "academic" => "Academic",
        Administrator = "administrator" => "Administrator",
        StudentRep = "student-rep" => "Student Representative",
        Other = "other" => "",
    }
}

impl ContactRole {
    /// Whether the role can speak for the department: its head, or someone standing in.
    pub fn leads_department(self) -> bool {
        matches!(
            self,
            ContactRole::HeadOfDepartment
                | ContactRole::DeputyHead
                | ContactRole::ChairBoardOfStudies
        )
    }

    /// The roles one person holds at a time: two heads of department at once, or two
    /// library reps, leave the library not knowing whom to write to.
    pub fn is_held_alone(self) -> bool {
        matches!(
            self,
            ContactRole::HeadOfDepartment | ContactRole::LibraryRep
        )
    }
}

// The types below are the contacts file's format, as the plan's types are of a plan file
// (see there). The department is the file's name, so it is not a key in the file.
/// The people of one department the library works with.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "aplan contacts", deny_unknown_fields)]
pub struct Contacts {
    #[serde(skip)]
    pub file: FileId,
    /// The department's id, from the file's name.
    #[serde(skip)]
    pub department: String,
    #[schemars(with = "Option<Vec<Contact>>")]
    pub contacts: Vec<Contact>,
}

// One person.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "ContactEntry", deny_unknown_fields)]
pub struct Contact {
    #[serde(skip)]
    pub span: Span,
    /// Unique in the department; plans and interactions refer to the person by it.
    #[schemars(with = "Slug")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    #[schemars(with = "ContactRole")]
    pub role: Spanned<ContactRole>,
    pub email: Option<String>,
    /// In this role from.
    #[schemars(with = "Option<Date>")]
    pub from: Option<Spanned<NaiveDate>>,
    /// In this role until.
    #[schemars(with = "Option<Date>")]
    pub until: Option<Spanned<NaiveDate>>,
}

impl Contact {
    /// Whether the person holds the role on `date`.
    pub fn holds_role_on(&self, date: NaiveDate) -> bool {
        self.from.as_ref().is_none_or(|f| *f.get_ref() <= date)
            && self.until.as_ref().is_none_or(|u| date <= *u.get_ref())
    }

    /// "Prof. Daniel Osei, Head of Department", or the name alone for `other`.
    pub fn name_and_role(&self) -> String {
        use super::decode::Keyword;
        match self.role.get_ref().label() {
            "" => self.name.get_ref().clone(),
            label => format!("{}, {label}", self.name.get_ref()),
        }
    }
}

impl Contacts {
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id.get_ref() == id)
    }

    /// Reads the contacts of `department`; `None` only when the text is not TOML at all.
    pub fn parse(
        file: FileId,
        department: &str,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Contacts> {
        let root = parse_document(file, text, diagnostics)?;
        let mut d = Decoder { file, diagnostics };
        let mut f = Fields::new("the contacts file", root.get_ref(), root.span());
        let contacts = Contacts {
            file,
            department: department.to_owned(),
            contacts: f
                .get("contacts")
                .map(|v| d.array("contacts", v, contact))
                .unwrap_or_default(),
        };
        f.finish(&mut d);
        Some(contacts)
    }
}

fn contact(d: &mut Decoder<'_>, value: &Value<'_>) -> Option<Contact> {
    let mut f = d.table("a contact", value)?;
    let start = f.span().start..f.span().start;
    let contact = Contact {
        span: f.span().into(),
        id: required_slug(&mut f, d, "id"),
        name: required_string(&mut f, d, "name"),
        role: f
            .required("role")
            .and_then(|v| d.keyword("role", v))
            .unwrap_or_else(|| Spanned::new(start, ContactRole::Other)),
        email: f.get("email").and_then(|v| d.string("email", v)).map(|e| {
            if !e.get_ref().contains('@') {
                d.report(
                    Code::InvalidValue,
                    e.span(),
                    format!("`{}` is not an email address", e.get_ref()),
                    None,
                );
            }
            e.into_inner()
        }),
        from: f.get("from").and_then(|v| d.date("from", v)),
        until: f.get("until").and_then(|v| d.date("until", v)),
    };
    f.finish(d);
    Some(contact)
}
