//! The one CSV reader: a file of the data folder (or a gazetteer) read into typed rows, each with its line.
//!
//! Takes a path, the columns the file must have, and a serde row type; gives the rows, each with the
//! [`Location`] of its record (the line where the record starts, right even when a quoted field spans lines).
//! A missing or unexpected column, a malformed record or bytes that are not UTF-8 are refused with their place.

use crate::error::{DataError, Location};
use serde::de::DeserializeOwned;
use std::path::Path;

/// The columns a file must have.
#[derive(Debug, Clone, Copy)]
pub enum Columns<'a> {
    /// Exactly these, once each, in any order.
    Exactly(&'a [&'a str]),
    /// At least `required`; the others of `expected` are read where present, and any other is ignored.
    AtLeast { required: &'a [&'a str], expected: &'a [&'a str] },
}

impl Columns<'_> {
    fn check(&self, headers: &csv::StringRecord, header_line: &Location) -> Result<(), DataError> {
        let (required, expected) = match *self {
            Columns::Exactly(columns) => (columns, columns),
            Columns::AtLeast { required, expected } => (required, expected),
        };
        let expected_list = expected.join(",");
        for column in required {
            if !headers.iter().any(|h| h == *column) {
                return Err(DataError::MissingColumn {
                    place: header_line.clone(),
                    column: (*column).to_owned(),
                    expected: expected_list,
                });
            }
        }
        if let Columns::Exactly(columns) = self {
            for (i, header) in headers.iter().enumerate() {
                if !columns.contains(&header) || headers.iter().filter(|h| *h == header).count() > 1 {
                    return Err(DataError::ExtraColumn {
                        place: header_line.at_column(i + 1, header),
                        column: header.to_owned(),
                        expected: expected_list,
                    });
                }
            }
        }
        Ok(())
    }
}

/// The rows of a file, with its header to name the column of a cell.
#[derive(Debug)]
pub struct Table<T> {
    headers: csv::StringRecord,
    pub rows: Vec<(Location, T)>,
}

impl<T> Table<T> {
    /// The place of column `name` on the line `line` (column 0 where the file has no such column).
    pub fn at(&self, line: &Location, name: &str) -> Location {
        line.at_column(self.headers.iter().position(|h| h == name).map_or(0, |i| i + 1), name)
    }
}

/// Reads `path`, which must exist.
pub fn read<T: DeserializeOwned>(path: &Path, columns: Columns<'_>) -> Result<Table<T>, DataError> {
    let file = Location::file(path);
    let mut reader = csv::ReaderBuilder::new().from_path(path).map_err(|e| error(&file, e))?;
    let headers = reader.headers().map_err(|e| error(&file, e))?.clone();
    columns.check(&headers, &file.at_line(1))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| error(&file, e))?;
        let line = file.at_line(record.position().map_or(0, |p| p.line()));
        let row: T = record.deserialize(Some(&headers)).map_err(|e| error(&line, e))?;
        rows.push((line, row));
    }
    Ok(Table { headers, rows })
}

/// Reads `path` if it exists: no file is no rows.
pub fn read_if_present<T: DeserializeOwned>(
    path: &Path,
    columns: Columns<'_>,
) -> Result<Vec<(Location, T)>, DataError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    Ok(read(path, columns)?.rows)
}

/// A CSV error at `place`, or at the line the error names.
fn error(place: &Location, e: csv::Error) -> DataError {
    let place = e.position().map_or_else(|| place.clone(), |p| place.at_line(p.line()));
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(source) => DataError::Io { place, source },
        csv::ErrorKind::Utf8 { err, .. } => DataError::NotUtf8 { place, byte: err.valid_up_to() },
        _ => DataError::Csv { place, message },
    }
}
