//! Coverage: how much of the report the facts cite, and which paragraphs they leave out and why.
//!
//! Takes the [`Source`], the [`Grounding`] and `uncited.csv` of the data folder (the paragraphs deliberately
//! left uncited, each by its opening words, with the reason), and gives the [`Coverage`]: the share of
//! paragraphs cited by at least one fact, and any disagreement between the list and the graph.

use crate::error::{DataError, Place};
use crate::ground::Grounding;
use crate::source::Source;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The file of paragraphs left uncited on purpose.
pub const UNCITED_FILE: &str = "uncited.csv";

/// A paragraph listed as uncited.
#[derive(Debug, Clone)]
pub struct Uncited {
    /// The paragraph's index in the document.
    pub paragraph: usize,
    /// Its opening words, as listed.
    pub opening: String,
    pub reason: String,
    pub place: Place,
}

/// What the facts cite of the report.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// All paragraphs, headings included.
    pub paragraphs: usize,
    /// Paragraphs with at least one quoted span.
    pub cited: BTreeSet<usize>,
    /// The list of `uncited.csv`.
    pub listed: Vec<Uncited>,
    /// Paragraphs neither cited nor listed: a gap in the data.
    pub unlisted: Vec<usize>,
    /// Paragraphs listed as uncited that a fact cites: the list is out of date.
    pub listed_but_cited: Vec<Uncited>,
}

impl Coverage {
    /// The share of paragraphs cited, in percent.
    pub fn share(&self) -> f64 {
        if self.paragraphs == 0 { 0.0 } else { 100.0 * self.cited.len() as f64 / self.paragraphs as f64 }
    }

    /// Whether every paragraph is cited or listed with its reason, and no listed one is cited.
    pub fn is_complete(&self) -> bool {
        self.unlisted.is_empty() && self.listed_but_cited.is_empty()
    }
}

#[derive(Deserialize)]
struct Row {
    opening: String,
    reason: String,
}

/// Measures what the grounding cites of `source`, against the list in `data_dir/uncited.csv`.
pub fn coverage(source: &Source, grounding: &Grounding, data_dir: &Path) -> Result<Coverage, DataError> {
    let cited: BTreeSet<usize> = grounding.iter().flat_map(|(_, spans)| spans.iter().map(|s| s.paragraph)).collect();
    let path = data_dir.join(UNCITED_FILE);
    let file = Place::file(&path);
    let mut listed = Vec::new();
    if path.exists() {
        let mut reader = csv::Reader::from_path(&path)
            .map_err(|e| DataError::Csv { place: file.clone(), message: e.to_string() })?;
        for record in reader.deserialize::<Row>() {
            let row = record.map_err(|e| {
                let place = e.position().map_or_else(|| file.clone(), |p| file.at_line(p.line()));
                DataError::Csv { place, message: e.to_string() }
            })?;
            let place = file.at_line(listed.len() as u64 + 2).at_column(1, "opening");
            let matches: Vec<usize> = source
                .paragraphs
                .iter()
                .filter(|p| !row.opening.is_empty() && p.text.starts_with(&row.opening))
                .map(|p| p.index)
                .collect();
            let [paragraph] = matches[..] else {
                return Err(DataError::Invalid {
                    place,
                    message: format!(
                        "`{}` opens {} paragraphs of the report; give enough words to name exactly one",
                        row.opening,
                        matches.len()
                    ),
                });
            };
            listed.push(Uncited { paragraph, opening: row.opening, reason: row.reason, place });
        }
    }
    let listed_set: BTreeSet<usize> = listed.iter().map(|u| u.paragraph).collect();
    let unlisted = (0..source.paragraphs.len()).filter(|p| !cited.contains(p) && !listed_set.contains(p)).collect();
    let listed_but_cited = listed.iter().filter(|u| cited.contains(&u.paragraph)).cloned().collect();
    Ok(Coverage { paragraphs: source.paragraphs.len(), cited, listed, unlisted, listed_but_cited })
}
