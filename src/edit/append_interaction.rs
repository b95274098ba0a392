//! Appends an `[[interactions]]` entry to the text of an interactions file, or starts the
//! file, keeping every other byte as it was ([`splice`]).

use chrono::NaiveDate;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::splice::{EditError, date, one_line, splice};

/// The entry to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInteraction {
    pub date: NaiveDate,
    pub kind: String,
    pub by: Vec<String>,
    pub with: Vec<String>,
    pub summary: String,
    pub detail: Option<String>,
    pub actions: Vec<String>,
    pub themes: Vec<String>,
    pub follow_up: Option<NaiveDate>,
    pub private: bool,
}

/// The interactions file's text with `interaction` added after the last entry; an empty
/// text (a file not yet written) gets its first.
pub fn append_interaction(text: &str, interaction: &NewInteraction) -> Result<String, EditError> {
    splice(
        text,
        |document| push(document, interaction),
        "the file's layout cannot be kept exactly by an automatic edit; add the interaction by hand",
        "adding the interaction would change other lines of the file; add it by hand",
    )
}

fn push(document: &mut DocumentMut, interaction: &NewInteraction) -> Result<(), EditError> {
    match document.get_mut("interactions") {
        None => {
            // Written after everything the file has: toml_edit would put a new table before
            // the comments at the end of a file, such as a header above no entry yet.
            let mut entries = ArrayOfTables::new();
            entries.push(entry_table(interaction));
            let mut alone = DocumentMut::new();
            alone.insert("interactions", Item::ArrayOfTables(entries));
            let separator = if document.to_string().trim().is_empty() {
                ""
            } else {
                "\n"
            };
            let trailing = document.trailing().as_str().unwrap_or_default().to_owned();
            document.set_trailing(format!("{trailing}{separator}{alone}"));
        }
        Some(Item::ArrayOfTables(entries)) => entries.push(entry_table(interaction)),
        Some(Item::Value(Value::Array(entries))) => {
            let prefix = entries
                .iter()
                .last()
                .and_then(|v| v.decor().prefix())
                .and_then(|p| p.as_str())
                .map(str::to_owned);
            let mut table = InlineTable::new();
            for (key, value) in fields(interaction) {
                table.insert(key, value);
            }
            table.fmt();
            entries.push(Value::InlineTable(table));
            if let (Some(prefix), Some(last)) = (prefix, entries.iter_mut().last()) {
                last.decor_mut().set_prefix(prefix);
            }
        }
        Some(_) => {
            return Err(EditError::Layout(
                "`interactions` in this file is not a list of interactions".to_owned(),
            ));
        }
    }
    Ok(())
}

/// The entry's keys in the order the file format documents them; empty lists and a false
/// `private` are left out.
fn fields(interaction: &NewInteraction) -> Vec<(&'static str, Value)> {
    let list = |items: &[String]| {
        let mut array: Array = items.iter().map(|item| one_line(item)).collect();
        array.fmt();
        Value::Array(array)
    };
    let mut fields = vec![
        ("date", date(interaction.date)),
        ("kind", one_line(&interaction.kind)),
        ("by", list(&interaction.by)),
    ];
    if !interaction.with.is_empty() {
        fields.push(("with", list(&interaction.with)));
    }
    fields.push(("summary", one_line(&interaction.summary)));
    if let Some(detail) = &interaction.detail {
        fields.push(("detail", one_line(detail)));
    }
    if !interaction.actions.is_empty() {
        fields.push(("actions", list(&interaction.actions)));
    }
    if !interaction.themes.is_empty() {
        fields.push(("themes", list(&interaction.themes)));
    }
    if let Some(follow_up) = interaction.follow_up {
        fields.push(("follow_up", date(follow_up)));
    }
    if interaction.private {
        fields.push(("private", Value::from(true)));
    }
    fields
}

fn entry_table(interaction: &NewInteraction) -> Table {
    let mut table = Table::new();
    for (key, value) in fields(interaction) {
        table.insert(key, Item::Value(value));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> NewInteraction {
        NewInteraction {
            date: NaiveDate::from_ymd_opt(2017, 4, 10).unwrap(),
            kind: "teaching".to_owned(),
            by: vec!["hpatel".to_owned(), "akhan".to_owned()],
            with: vec!["tgreaves".to_owned()],
            summary: "Archives session for HIS2050".to_owned(),
            detail: None,
            actions: vec!["history/2017/archives-workshop".to_owned()],
            themes: Vec::new(),
            follow_up: NaiveDate::from_ymd_opt(2017, 5, 1),
            private: false,
        }
    }

    const ENTRY: &str = "[[interactions]]\ndate = 2017-04-10\nkind = \"teaching\"\nby = [\"hpatel\", \"akhan\"]\nwith = [\"tgreaves\"]\nsummary = \"Archives session for HIS2050\"\nactions = [\"history/2017/archives-workshop\"]\nfollow_up = 2017-05-01\n";

    const FILE: &str = "# History, 2017\n[[interactions]]\ndate   =  2017-02-14   # spaced\nkind = \"email\"\nby = [ \"hpatel\" ]\nsummary = \"Sent the lists\"\n# the end\n";

    #[test]
    fn starts_a_new_file() {
        assert_eq!(append_interaction("", &entry()).unwrap(), ENTRY);
    }

    /// Regression: the first entry of a file that holds only a header comment went above
    /// the comment.
    #[test]
    fn the_first_entry_goes_below_a_header_comment() {
        let header = "# History, plan year 2017\r\n";
        let edited = append_interaction(header, &entry()).unwrap();
        let entry = format!("\n{ENTRY}").replace('\n', "\r\n");
        assert_eq!(edited, format!("{header}{entry}"));
    }

    /// The comment at the end stays at the end, after the new entry.
    #[test]
    fn appends_after_the_last_entry_and_keeps_every_byte() {
        let edited = append_interaction(FILE, &entry()).unwrap();
        let at = FILE.find("# the end").unwrap();
        assert_eq!(edited, format!("{}\n{ENTRY}{}", &FILE[..at], &FILE[at..]));
    }

    #[test]
    fn keeps_windows_line_endings_and_a_byte_order_mark() {
        let crlf = format!("\u{feff}{}", FILE.replace('\n', "\r\n"));
        let edited = append_interaction(&crlf, &entry()).unwrap();
        let at = crlf.find("# the end").unwrap();
        let entry = format!("\n{ENTRY}").replace('\n', "\r\n");
        assert_eq!(edited, format!("{}{entry}{}", &crlf[..at], &crlf[at..]));
    }

    #[test]
    fn text_is_quoted_and_private_detail_is_marked() {
        let mut private = entry();
        private.summary = "A \"quoted\" word\nand a second line".to_owned();
        private.detail = Some("Not for the site".to_owned());
        private.private = true;
        let edited = append_interaction(FILE, &private).unwrap();
        let parsed: toml::Table = toml::from_str(&edited).unwrap();
        let written = &parsed["interactions"][1];
        assert_eq!(written["summary"].as_str(), Some(private.summary.as_str()));
        assert_eq!(written["detail"].as_str(), Some("Not for the site"));
        assert_eq!(written["private"].as_bool(), Some(true));
        assert!(edited.ends_with("private = true\n# the end\n"), "{edited}");
    }

    #[test]
    fn an_inline_list_grows_in_place() {
        let text = "interactions = [\n  { date = 2017-02-14, kind = \"email\", by = [\"hpatel\"], summary = \"x\" },\n]\n";
        let edited = append_interaction(text, &entry()).unwrap();
        let parsed: toml::Table = toml::from_str(&edited).unwrap();
        assert_eq!(parsed["interactions"].as_array().unwrap().len(), 2);
        assert!(edited.starts_with(&text[..text.len() - 2]), "{edited}");
    }

    #[test]
    fn broken_text_is_refused() {
        assert!(matches!(
            append_interaction("interactions = ", &entry()),
            Err(EditError::Syntax(_))
        ));
        assert!(matches!(
            append_interaction("interactions = 3\n", &entry()),
            Err(EditError::Layout(_))
        ));
    }
}
