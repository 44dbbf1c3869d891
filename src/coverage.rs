//! Coverage: how much of the report the facts cite, and which paragraphs they leave out and why (`stats`).
//!
//! Takes the [`Source`], the [`Grounding`] and `uncited.csv` of the data folder (the paragraphs deliberately
//! left uncited, each by its opening words, with the reason), and gives the [`Coverage`]: the share of
//! paragraphs cited by at least one fact, and any disagreement between the list and the graph.

use crate::build::{Counts, KnowledgeGraph, counts};
use crate::error::{DataError, GraphError, Location};
use crate::facts::csv::{self, Columns};
use crate::ground::Grounding;
use crate::source::Source;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;
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
    pub place: Location,
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
    let rows: Vec<(Location, Row)> =
        csv::read_if_present(&data_dir.join(UNCITED_FILE), Columns::Exactly(&["opening", "reason"]))?;
    let mut listed = Vec::new();
    for (line, row) in rows {
        let place = line.at_column(1, "opening");
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
    let listed_set: BTreeSet<usize> = listed.iter().map(|u| u.paragraph).collect();
    let unlisted = (0..source.paragraphs.len()).filter(|p| !cited.contains(p) && !listed_set.contains(p)).collect();
    let listed_but_cited = listed.iter().filter(|u| cited.contains(&u.paragraph)).cloned().collect();
    Ok(Coverage { paragraphs: source.paragraphs.len(), cited, listed, unlisted, listed_but_cited })
}

/// What `stats` reports: the entities by class, then the coverage of the report with what it leaves out.
#[derive(Debug)]
pub struct Report {
    pub counts: Counts,
    pub coverage: Coverage,
    /// The opening words of each unlisted paragraph, in the order of [`Coverage::unlisted`].
    pub openings: Vec<String>,
}

impl Report {
    /// The counts and the coverage of a built graph, against `data_dir/uncited.csv`.
    pub fn of(graph: &KnowledgeGraph, data_dir: &Path) -> Result<Self, GraphError> {
        let inputs = &graph.inputs;
        let coverage = coverage(&inputs.source, &inputs.grounding, data_dir)?;
        let openings =
            coverage.unlisted.iter().map(|&p| inputs.source.paragraphs[p].text.chars().take(24).collect()).collect();
        Ok(Self { counts: counts(graph)?, coverage, openings })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "entities by class (facts graph):")?;
        self.counts.write_classes(f)?;
        let coverage = &self.coverage;
        writeln!(
            f,
            "\nparagraphs of the report: {}; cited by at least one fact: {} ({:.1} %)",
            coverage.paragraphs,
            coverage.cited.len(),
            coverage.share()
        )?;
        writeln!(f, "left uncited on purpose ({UNCITED_FILE}):")?;
        for u in &coverage.listed {
            writeln!(f, "  ¶{:<3} {} — {}", u.paragraph + 1, u.opening, u.reason)?;
        }
        for (p, opening) in coverage.unlisted.iter().zip(&self.openings) {
            writeln!(f, "  ✗ ¶{} is neither cited nor listed: {opening}…", p + 1)?;
        }
        for u in &coverage.listed_but_cited {
            writeln!(f, "  ✗ ¶{} is listed as uncited but a fact cites it ({})", u.paragraph + 1, u.place)?;
        }
        Ok(())
    }
}
