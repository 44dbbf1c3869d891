//! Extraction: the structure, glossary, quoted terms, figures and places of a work report nobody curated yet.
//!
//! Takes any Chinese government work report (a district's, a city's or a province's, of any year) in markdown
//! or plain text, and gives an [`Extraction`]: its numbered parts and paragraphs ([`Document`]), its glossary,
//! the terms it puts in quotation marks, its figures (number, unit as written, power of ten, indicator phrase,
//! growth rates, 约 and 余, result / estimate / target from the part they stand in) and the known places of a
//! [`Gazetteer`] it names. Every item keeps the spans of the stored text it was read from, in code points.
//! The extraction becomes the rows of a [`Dataset`](crate::facts::curated::Dataset), as a curator's are
//! ([`rows()`]), which the one mapper of facts turns into a graph ([`crate::build::extract`]: IRIs under
//! `{base}extract/{stem}/`, no blank nodes); and it is written as candidate CSV rows in the shape of `data/` for a
//! person to review ([`Extraction::write_candidates`]). Nothing here knows the Qingpu report: the rules are those of the genre.

mod candidates;
mod divisions;
mod figures;
mod front;
mod periods;
mod places;
pub mod rows;
mod structure;
mod terms;
mod text;

pub use figures::{Figure, Growth};
pub use front::{Front, Said};
pub use places::{Gazetteer, KnownPlace, PlaceMentions};
pub use rows::{Rows, rows};
pub use structure::{Part, PartKind, paragraph_kinds};
pub use terms::{GlossaryItem, Term};
pub use text::Occurrence;

use crate::document::Document;
use crate::error::{DataError, GraphError, Location};
use crate::iri::{DEFAULT_BASE_IRI, check_base_iri};
use crate::source::{Locator, Matcher, Source, Span};
use crate::values::Period;
use std::path::{Path, PathBuf};

/// How to run `extract`: the base IRI of the graph, the data folder, and an optional gazetteer file.
#[derive(Debug, Clone)]
pub struct Options {
    /// The base IRI; the extraction's IRIs are `{base_iri}extract/{stem}/…`.
    pub base_iri: String,
    /// The data folder: its `places.csv` is the gazetteer when none is given (none if it is missing).
    pub data: PathBuf,
    /// A `places.csv` of the data's shape.
    pub gazetteer: Option<PathBuf>,
}

/// A problem reading the report or the gazetteer (bad input, exit code 2), or writing the results (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{place}: cannot read the report")]
    Read { place: Location, source: std::io::Error },
    #[error("{place}: the report is empty")]
    Empty { place: Location },
    #[error("{place}: a binary file, not a report (NUL byte at byte {byte})")]
    Binary { place: Location, byte: usize },
    #[error(
        "{place}: not valid UTF-8 (byte {byte}), and not GB18030 or GBK either{mixed}; convert the report to UTF-8 first (e.g. `iconv -f GB18030 -t UTF-8`)"
    )]
    NotUtf8 {
        place: Location,
        byte: usize,
        /// Why it is not read as GB18030: the text before the byte is UTF-8 (two encodings in one file).
        mixed: &'static str,
    },
    #[error(
        "{place}: no structure of a work report found: no numbered part (一、 or （一）), no glossary (名词解释) and no figure with a unit"
    )]
    NoStructure { place: Location },
    #[error(transparent)]
    Gazetteer(DataError),
    #[error(transparent)]
    Graph(#[from] GraphError),
    #[error("{}: cannot write", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

impl ExtractError {
    /// Whether the error comes from bad input (exit code 2) rather than a failure to write (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            Self::Read { .. }
            | Self::Empty { .. }
            | Self::Binary { .. }
            | Self::NotUtf8 { .. }
            | Self::NoStructure { .. }
            | Self::Gazetteer(_) => true,
            Self::Graph(error) => error.is_bad_input(),
            Self::Write { .. } => false,
        }
    }
}

/// What was read from one report: its structure, and every item with the spans it stands in.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The base IRI of the graph (by default [`DEFAULT_BASE_IRI`]).
    pub base_iri: String,
    /// The report's file name.
    pub name: String,
    /// The report's stored text, which every span points into ([`crate::source::Span::exact`]).
    pub text: String,
    /// The title, without markdown.
    pub title: Option<String>,
    /// The year of the report (the first `2020年` of its title lines), if written.
    pub year: Option<u16>,
    /// The numbered parts and the glossary, as [`Document::parse`] finds them.
    pub document: Document,
    /// One per [`Document::sections`]: the kind of the part, its year and the spans of its title.
    pub parts: Vec<Part>,
    /// Each paragraph's place in the stored text and in the parts.
    pub paragraphs: Vec<ParagraphPlace>,
    pub glossary: Vec<GlossaryItem>,
    pub terms: Vec<Term>,
    pub figures: Vec<Figure>,
    pub places: Vec<PlaceMentions>,
    /// The place the report is of (its region): the most specific division its title names (else the first line of
    /// its front matter that names one), as an index into `places`.
    pub area: Option<usize>,
    /// When, at which session and by whom it was delivered, as its front matter says.
    pub front: Front,
}

/// A paragraph as extracted: its text, where it stands in the stored file and in the parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphPlace {
    /// The text as a reader reads it (joined across page breaks).
    pub text: String,
    /// The spans of the stored file it occupies: one, or one a piece where a page break cuts it.
    pub spans: Vec<Span>,
    /// The line of the stored file it starts on.
    pub line: usize,
    /// Its innermost numbered part, as an index into the document's sections.
    pub section: Option<usize>,
}

/// Reads `report` and extracts it, with the gazetteer of `options`.
pub fn extract_file(report: &Path, options: &Options) -> Result<Extraction, ExtractError> {
    check_base_iri(&options.base_iri)?;
    let source = read(report)?;
    let gazetteer = match &options.gazetteer {
        Some(file) => Gazetteer::read(file, true)?,
        None => {
            let file = options.data.join("places.csv");
            if file.is_file() { Gazetteer::read(&file, false)? } else { Gazetteer::national() }
        }
    };
    let mut extraction = extract(&source, &gazetteer);
    if extraction.document.sections.is_empty()
        && extraction.document.glossary.is_none()
        && extraction.figures.is_empty()
    {
        return Err(ExtractError::NoStructure { place: Location::file(report) });
    }
    extraction.base_iri.clone_from(&options.base_iri);
    Ok(extraction)
}

/// Reads a report file, refusing an empty, binary or unreadable one with its place. A report is UTF-8, or
/// GB18030 (which holds GBK and GB2312), the encodings Chinese government text comes in: a file that is not UTF-8
/// and whose bytes are all GB18030 is decoded, and its offsets are those of the decoded text.
pub fn read(report: &Path) -> Result<Source, ExtractError> {
    let place = Location::file(report);
    let bytes = std::fs::read(report).map_err(|source| ExtractError::Read { place: place.clone(), source })?;
    let line_of = |bytes: &[u8], byte: usize| bytes[..byte].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    if let Some(byte) = bytes.iter().position(|&b| b == 0) {
        return Err(ExtractError::Binary { place: place.at_line(line_of(&bytes, byte)), byte });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let bytes = error.as_bytes();
            let byte = error.utf8_error().valid_up_to();
            // UTF-8 before the first bad byte (not only ASCII): two encodings in one file, read as neither.
            let mixed = !bytes[..byte].is_ascii();
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) if !mixed && text.chars().any(is_han) => text.into_owned(),
                _ => {
                    let mixed = if mixed { " (what comes before it is UTF-8)" } else { "" };
                    let place = place.at_line(line_of(bytes, byte));
                    return Err(ExtractError::NotUtf8 { place, byte, mixed });
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(ExtractError::Empty { place });
    }
    let name = report.file_name().map_or_else(|| "report".to_owned(), |n| n.to_string_lossy().into_owned());
    Ok(Source::new(name, text))
}

/// Whether `c` is a Chinese character (the CJK Unified Ideographs and their extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Extracts a report already read, under the default base IRI.
pub fn extract(source: &Source, gazetteer: &Gazetteer) -> Extraction {
    let document = Document::parse(source);
    let title = document.title.map(|i| source.paragraphs[i].text.trim_start_matches('#').trim().to_owned());
    let year = structure::report_year(source, &document);
    let mut locator = Locator::new(source);
    let parts = structure::parts(&document, year, &mut locator);
    let front = front::front(source, &document, &mut locator);
    let glossary = terms::glossary(&document, &mut locator);
    let words = terms::quoted(source);
    let term_matcher = Matcher::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i)));
    let mut occurrences: Vec<Vec<Occurrence>> = vec![Vec::new(); words.len()];
    // The report's region, from its title, else the first line of its front matter that names a place (the
    // session's, `在贵州省第十四届人民代表大会…`, or the speaker's post).
    let front_matter = document.front_matter(source.paragraphs.len());
    let opening = document.title.into_iter().chain(front_matter).map(|i| source.paragraphs[i].text.as_str());
    let region = gazetteer.region(opening);
    let finder = gazetteer.finder(region.as_ref());
    let mut mentions: Vec<Vec<Occurrence>> = Vec::new();
    let mut figures = Vec::new();
    let mut paragraphs = Vec::with_capacity(source.paragraphs.len());
    let sections = document.innermost(source.paragraphs.len());
    // The period a paragraph opened with (`过去的五年，`, `2025年，`): the paragraphs after it in its part are of it.
    let mut carried: Option<(Option<usize>, Period)> = None;
    let top = |section: Option<usize>| {
        let mut at = section?;
        while let Some(parent) = document.sections[at].parent {
            at = parent;
        }
        Some(at)
    };
    for (paragraph, &section) in source.paragraphs.iter().zip(&sections) {
        locator.enter(paragraph.index);
        let text = paragraph.text.as_str();
        let spans = locator.spans(0, text.len());
        paragraphs.push(ParagraphPlace { text: text.to_owned(), spans, line: paragraph.line, section });
        if !document.glossary.as_ref().is_some_and(|g| g.holds(paragraph.index)) {
            let mut context = structure::Context::new(&parts, year, paragraph.index, section);
            match carried {
                Some((part, period)) if part == top(section) => context.period = Some(period),
                _ => carried = None,
            }
            figures::in_paragraph(text, &context, &locator, &mut figures);
            if let Some(period) = periods::opening(text, year) {
                carried = Some((top(section), period));
            }
        }
        term_matcher.find(text, |at, end, owner| occurrences[owner].push(text::occurrence(&locator, at, end)));
        finder.find(text, |at, end, owner| {
            if mentions.len() <= owner {
                mentions.resize_with(owner + 1, Vec::new);
            }
            mentions[owner].push(text::occurrence(&locator, at, end));
        });
    }
    let terms: Vec<Term> = words
        .iter()
        .zip(occurrences)
        .filter(|(_, occurrences)| !occurrences.is_empty())
        .map(|(text, occurrences)| Term { text: text.clone(), occurrences })
        .collect();
    let area = region.as_ref().and_then(|r| finder.region_owner(r));
    let (places, area) = finder.mentioned(mentions, area);
    Extraction {
        base_iri: DEFAULT_BASE_IRI.to_owned(),
        name: source.name.clone(),
        text: source.text.clone(),
        title,
        year,
        document,
        parts,
        paragraphs,
        glossary,
        terms,
        figures,
        places,
        area,
        front,
    }
}

impl Extraction {
    /// The clause `figure` stands in: the quote of its `evidence`.
    pub fn evidence(&self, figure: &Figure) -> &str {
        figure.evidence(&self.paragraphs[figure.paragraph].text)
    }

    /// The report file's name without its extension: the IRI segment of the extraction.
    pub fn stem(&self) -> &str {
        self.name.rsplit_once('.').map_or(self.name.as_str(), |(stem, _)| stem)
    }

    /// Writes the candidate rows into `dir` (created if missing), each file atomically.
    pub fn write_candidates(&self, dir: &Path) -> Result<(), ExtractError> {
        candidates::write(self, dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_input_panics() {
        let report = include_str!("../../tests/fixtures/reports/district-2021.md");
        let odd = [
            "",
            "约",
            "余",
            "万",
            "1,",
            "1.",
            "１．",
            "“",
            "”“",
            "1,00",
            "3万亿",
            "约 ",
            "第",
            "—1%",
            "1%增长",
            "增长1",
            "# 一、\n\n（一）\n\n1. ：\n\n名词解释\n\n1. “”：\n\n2、a:b",
            "12345678901234567890亿元",
            "。1个",
        ];
        let gazetteer = Gazetteer::new(vec![KnownPlace {
            id: "jiangchuan".into(),
            kind_type: String::new(),
            label_zh: "江川区".into(),
            label_en: String::new(),
            alt_zh: vec!["江川".into()],
            division_code: String::new(),
        }]);
        let city = include_str!("../../tests/fixtures/reports/city-2019.txt");
        let qingpu = include_str!("../../data/source/qingpu-2020-government-work-report.md");
        let prefixes = [(report, 7), (city, 5), (qingpu, 997)]
            .into_iter()
            .flat_map(|(text, step)| text.char_indices().map(|(i, _)| &text[..i]).step_by(step));
        // Trailing spaces shift the offsets `document` gives (a title, a definition): the words are still found.
        let spaced = report.replace('\n', " \n");
        for text in odd.into_iter().chain(prefixes) {
            let extraction = extract(&Source::new("t.md", text.to_owned()), &gazetteer);
            let _ = rows(&extraction);
        }
        let extraction = extract(&Source::new("t.md", spaced), &gazetteer);
        let titles: Vec<_> = extraction.parts.iter().map(|p| p.title_spans[0].exact(&extraction.text)).collect();
        assert_eq!(titles[0], "2020年工作回顾");
        let definitions =
            extraction.glossary.iter().map(|g| g.definition_spans.last().map(|s| s.exact(&extraction.text)));
        assert_eq!(
            definitions.collect::<Vec<_>>(),
            [
                Some("由各级党政主要负责人担任河长，负责组织领导相应河湖的管理和保护工作。"),
                Some("平台。"),
                Some("以智能制造为主导产业的特色小镇。")
            ]
        );
    }
}
