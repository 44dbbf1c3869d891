//! Facts: what a report states, as curated rows or as extracted candidates.
//!
//! Takes the data folder (`data/*.csv`, checked: [`curated`]) or a report nobody curated ([`extract`]) and gives
//! the statements of the report, each with the words that support it: a curated row keeps its evidence quotes,
//! which [`crate::ground`] then finds in the report; an extracted item keeps the spans it was read from. Both go
//! on to [`crate::map`], which writes them through the same writers. One CSV reader ([`csv`]) reads every file.

pub mod cells;
pub mod csv;
pub mod curated;
pub mod description;
pub mod extract;
