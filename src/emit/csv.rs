//! CSV (RFC 4180) with a header row, UTF-8, that a spreadsheet opens as it is.

use std::io::{self, Write};

/// Writes a header and rows, quoting cells only where RFC 4180 requires it.
pub fn write<R, C>(out: &mut dyn Write, header: &[&str], rows: R) -> io::Result<()>
where
    R: IntoIterator<Item = Vec<C>>,
    C: AsRef<[u8]>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.flush()
}
