//! A spreadsheet's first table as rows of cells, whatever it arrived as: CSV text, an Excel
//! workbook (.xlsx, .xlsm, .xlsb, .xls) or an OpenDocument spreadsheet (.ods). The bytes
//! are read by the command; this only makes sense of them.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets};

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// Something that is neither text nor a number (a date, TRUE, #N/A), as the sheet shows it.
    Other(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row under the header, numbered as the spreadsheet numbers it.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// The header and the rows under it: the header is the first row with two cells or more,
/// so a title above the table is passed over. Empty rows are left out.
#[derive(Debug, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    /// How each column is named where a row is pointed at: `C` in a workbook, `3` in CSV.
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("{0} is empty: it has no header row and no figures")]
    Empty(String),
    #[error("{0} has a header row but no figures under it")]
    NoRows(String),
    #[error(
        "{0} has no header row naming its columns; put the column names (such as department, measure, value) in a row above the figures"
    )]
    NoHeader(String),
    #[error(
        "{0} is not UTF-8 text (row {1}); in Excel, save it as \"CSV UTF-8 (Comma delimited)\", or import the .xlsx itself"
    )]
    NotUtf8(String, usize),
    #[error("{file} cannot be read as CSV: {reason}")]
    Csv { file: String, reason: String },
    #[error(
        "{file} is {what}, not a spreadsheet; export the figures as .xlsx, .ods or .csv and import that"
    )]
    NotASpreadsheet { file: String, what: &'static str },
    #[error(
        "{file} cannot be read as {kind}: {reason}; open it in a spreadsheet program and save it again as .xlsx, .ods or .csv"
    )]
    Workbook {
        file: String,
        kind: &'static str,
        reason: String,
    },
    #[error("{file} has no sheet `{sheet}`; its sheets are: {sheets}")]
    NoSheet {
        file: String,
        sheet: String,
        sheets: String,
    },
    #[error("--sheet names a sheet of a workbook, and {0} is CSV, which has only one table")]
    SheetOfCsv(String),
}

/// How a file's figures are laid out, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Format {
    fn of(name: &str) -> Format {
        let extension = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xlsb" => Format::Xlsb,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            _ => Format::Csv,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Xlsx => "an Excel workbook (.xlsx)",
            Format::Xlsb => "an Excel binary workbook (.xlsb)",
            Format::Xls => "an Excel 97-2003 workbook (.xls)",
            Format::Ods => "an OpenDocument spreadsheet (.ods)",
        }
    }
}

/// Reads the table in `bytes`, the file `name` (as the user named it). A workbook's table
/// is on `sheet`, else on the sheet named `preferred` (any case), else on the first sheet.
pub fn read(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    preferred: &str,
) -> Result<Table, TableError> {
    if let Some(what) = foreign(bytes) {
        return Err(TableError::NotASpreadsheet {
            file: name.to_owned(),
            what,
        });
    }
    let format = Format::of(name);
    let table = match format {
        Format::Csv if bytes.starts_with(b"PK\x03\x04") => {
            return Err(TableError::Workbook {
                file: name.to_owned(),
                kind: "CSV",
                reason: "it is a zipped file, as workbooks are; name it .xlsx or .ods".to_owned(),
            });
        }
        Format::Csv if sheet.is_some() => return Err(TableError::SheetOfCsv(name.to_owned())),
        Format::Csv => csv_table(name, bytes)?,
        _ => workbook_table(name, bytes, format, sheet, preferred)?,
    };
    if table.headers.is_empty() {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(TableError::Empty(name.to_owned()));
        }
        return Err(TableError::NoHeader(name.to_owned()));
    }
    if table.rows.is_empty() {
        return Err(TableError::NoRows(name.to_owned()));
    }
    Ok(table)
}

/// What a file is when its first bytes say it is no spreadsheet at all.
fn foreign(bytes: &[u8]) -> Option<&'static str> {
    const KNOWN: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "an RTF document"),
    ];
    KNOWN
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

fn csv_table(name: &str, bytes: &[u8]) -> Result<Table, TableError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Err(error) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..error.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        return Err(TableError::NotUtf8(name.to_owned(), line));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let mut headers = Vec::new();
    let mut rows = Vec::new();
    let mut counted = (0, 1);
    for record in reader.records() {
        let record = record.map_err(|e| TableError::Csv {
            file: name.to_owned(),
            reason: e.to_string(),
        })?;
        // The line the record starts on, counted from its offset: the reader's own count
        // leaves out blank lines.
        let mut offset = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        // After blank lines, the offset is where the first of them starts.
        while matches!(bytes.get(offset), Some(b'\n' | b'\r')) {
            offset += 1;
        }
        let number = line_of(bytes, offset, &mut counted);
        let cells: Vec<Cell> = record
            .iter()
            .map(|field| match field.trim() {
                "" => Cell::Empty,
                _ => Cell::Text(field.to_owned()),
            })
            .collect();
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        if headers.is_empty() {
            if !is_header(&cells) {
                continue;
            }
            headers = record.iter().map(str::to_owned).collect();
        } else {
            rows.push(Row { number, cells });
        }
    }
    let columns = (1..=headers.len()).map(|c| c.to_string()).collect();
    Ok(Table {
        headers,
        columns,
        rows,
    })
}

/// The line number of byte `offset`, counting on from `counted` (an offset and its line),
/// which moves forward, so a file's lines are counted once.
fn line_of(bytes: &[u8], offset: usize, counted: &mut (usize, usize)) -> usize {
    let (from, line) = *counted;
    let end = offset.min(bytes.len()).max(from);
    let newlines = memchr::memchr_iter(b'\n', &bytes[from..end]).count();
    *counted = (end, line + newlines);
    line + newlines
}

/// The delimiter of a CSV file: commas, or semicolons or tabs where the header row has
/// those and no comma, as spreadsheets set to some languages write them.
fn delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    if count(b',') > 0 {
        b','
    } else if count(b';') > 0 {
        b';'
    } else if count(b'\t') > 0 {
        b'\t'
    } else {
        b','
    }
}

fn workbook_table(
    name: &str,
    bytes: &[u8],
    format: Format,
    sheet: Option<&str>,
    preferred: &str,
) -> Result<Table, TableError> {
    let failed = |reason: String| TableError::Workbook {
        file: name.to_owned(),
        kind: format.label(),
        reason,
    };
    let cursor = Cursor::new(bytes);
    let opened = match format {
        Format::Xlsx => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| failed(e.to_string())),
        Format::Xlsb => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Xlsb)
            .map_err(|e| failed(e.to_string())),
        Format::Xls => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Xls)
            .map_err(|e| failed(e.to_string())),
        Format::Ods => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Ods)
            .map_err(|e| failed(e.to_string())),
        Format::Csv => unreachable!("CSV is read as text"),
    };
    let mut workbook = opened?;
    let names = workbook.sheet_names();
    let chosen = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
            .ok_or_else(|| TableError::NoSheet {
                file: name.to_owned(),
                sheet: wanted.to_owned(),
                sheets: names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })?,
        None => names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(preferred))
            .or_else(|| names.first())
            .ok_or_else(|| TableError::Empty(name.to_owned()))?,
    }
    .clone();
    let range = workbook
        .worksheet_range(&chosen)
        .map_err(|e| failed(e.to_string()))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut headers = Vec::new();
    let mut columns = Vec::new();
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let cells: Vec<Cell> = cells.iter().map(cell).collect();
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        if headers.is_empty() {
            if !is_header(&cells) {
                continue;
            }
            headers = cells.iter().map(header_text).collect();
            columns = (0..headers.len())
                .map(|c| column_letters(first_column as usize + c))
                .collect();
        } else {
            rows.push(Row {
                number: first_row as usize + i + 1,
                cells,
            });
        }
    }
    Ok(Table {
        headers,
        columns,
        rows,
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        other => Cell::Other(other.to_string()),
    }
}

/// Whether a row can be the header: a title above the table, in one cell, is not.
fn is_header(cells: &[Cell]) -> bool {
    cells.iter().filter(|c| !c.is_empty()).count() >= 2
}

fn header_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) | Cell::Other(text) => text.clone(),
        Cell::Number(n) => n.to_string(),
    }
}

/// `A`, `B`, … `Z`, `AA`: a column as spreadsheets name it, from 0.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn csv_rows_keep_their_line_numbers_and_skip_blank_lines() {
        let text = "\u{feff}Department;Amount\n\nhistory;12\n;\nmusic;3\n";
        let table = read("x.csv", text.as_bytes(), None, "").unwrap();
        assert_eq!(table.headers, ["Department", "Amount"]);
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [3, 5]);
    }

    #[test]
    fn files_that_are_no_spreadsheet_are_named_for_what_they_are() {
        let error = read("x.xlsx", b"%PDF-1.4 ...", None, "").unwrap_err();
        assert!(error.to_string().contains("is a PDF document"), "{error}");
        let error = read("x.csv", b"", None, "").unwrap_err();
        assert_eq!(error, TableError::Empty("x.csv".to_owned()));
        let error = read("x.csv", b"department,item\n", None, "").unwrap_err();
        assert_eq!(error, TableError::NoRows("x.csv".to_owned()));
        let error = read("x.csv", b"department\n\xa3 5\n", None, "").unwrap_err();
        assert_eq!(error, TableError::NotUtf8("x.csv".to_owned(), 2));
    }
}
