//! The dataset description: DCAT 3 and VoID, in the `metadata` graph.
//!
//! Takes `data/dataset.csv` (what is said about this report's dataset: titles, descriptions, publisher, licence
//! and rights, dates, the place and years it covers, languages, keywords, who wrote the report), checked against
//! the rest of the data, and the counts of the other graphs; gives the quads of the `metadata` graph: the
//! `dcat:Dataset` / `void:Dataset` with its exact triple counts (in all and per named graph), vocabularies, SPARQL
//! endpoint as a `dcat:DataService`, and one `dcat:Distribution` per dump of [`DUMPS`].

use crate::cells::{optional_period, slug};
use crate::error::{DataError, Place};
use crate::export::ExportFormat;
use crate::kinds::Kind;
use crate::map::{GRAPHS, Iris};
use crate::records::{Dataset, Period, read_rows};
use crate::source::Source;
use crate::vocab::{self, dcat, dcterms, foaf, rdf, void, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The file of the description, in the data folder.
pub const DATASET_FILE: &str = "dataset.csv";
const COLUMNS: &[&str] = &["field", "lang", "value"];

/// The IRI of the SPARQL 1.1 Protocol, which the endpoint conforms to.
pub const SPARQL_PROTOCOL: &str = "https://www.w3.org/TR/sparql11-protocol/";
/// Where a language code of ISO 639-1 has an IRI (the Library of Congress authority, as DCAT-AP uses).
pub const LANGUAGE_AUTHORITY: &str = "http://id.loc.gov/vocabulary/iso639-1/";

/// A dump of the whole graph: its suffix, the export format that writes it, its media type and its W3C format IRI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dump {
    /// The suffix of `/dump.{ext}`.
    pub ext: &'static str,
    pub format: ExportFormat,
    pub media_type: &'static str,
    /// The format's IRI in `http://www.w3.org/ns/formats/`.
    pub w3c_format: &'static str,
}

/// The dumps the server offers at `{base}dump.{ext}` and the description lists.
pub const DUMPS: &[Dump] = &[
    Dump { ext: "ttl", format: ExportFormat::Turtle, media_type: "text/turtle", w3c_format: "Turtle" },
    Dump { ext: "nt", format: ExportFormat::Ntriples, media_type: "application/n-triples", w3c_format: "N-Triples" },
    Dump { ext: "nq", format: ExportFormat::Nquads, media_type: "application/n-quads", w3c_format: "N-Quads" },
    Dump { ext: "trig", format: ExportFormat::Trig, media_type: "application/trig", w3c_format: "TriG" },
    Dump { ext: "jsonld", format: ExportFormat::Jsonld, media_type: "application/ld+json", w3c_format: "JSON-LD" },
];

/// The fields of `dataset.csv`: name, whether it is required, whether it is a text with a language.
const FIELDS: &[(&str, bool, bool)] = &[
    ("title", true, true),
    ("description", true, true),
    ("publisher", true, true),
    ("license", true, false),
    ("rights", true, true),
    ("issued", true, false),
    ("modified", false, false),
    ("spatial", true, false),
    ("temporal", false, false),
    ("language", true, false),
    ("keyword", false, true),
    ("source_creator", false, false),
];

/// A text in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub lang: String,
    pub value: String,
}

/// What `dataset.csv` says, checked.
#[derive(Debug, Clone)]
pub struct Description {
    pub title: Vec<Text>,
    pub description: Vec<Text>,
    pub publisher: Vec<Text>,
    pub license: NamedNode,
    pub rights: Vec<Text>,
    /// `YYYY-MM-DD`.
    pub issued: String,
    pub modified: Option<String>,
    /// The id of a place of the data.
    pub spatial: String,
    pub temporal: Option<Period>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub keywords: Vec<Text>,
    /// The id of the organisation that wrote the report.
    pub source_creator: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Row {
    field: String,
    lang: String,
    value: String,
}

/// One checked row.
struct Cell {
    place: Place,
    lang: String,
    value: String,
}

impl Description {
    /// Reads `dir/dataset.csv` and checks it against `data`: every required field present (the texts in Chinese
    /// and English), every value parsed, the places and organisations named known, the years covered those of
    /// the figures.
    pub fn read(dir: &Path, data: &Dataset) -> Result<Self, DataError> {
        let path = dir.join(DATASET_FILE);
        let file = Place::file(&path);
        if !path.exists() {
            return Err(DataError::Invalid {
                place: file,
                message: "missing: the dataset description (title, publisher, licence …) is read from this file".into(),
            });
        }
        let rows: Vec<(Place, Row)> = read_rows(dir, DATASET_FILE, COLUMNS)?;
        let mut fields: BTreeMap<&'static str, Vec<Cell>> = BTreeMap::new();
        for (line, row) in rows {
            let at =
                |column: &str| line.at_column(COLUMNS.iter().position(|c| *c == column).map_or(0, |i| i + 1), column);
            let Some(&(name, _, text)) = FIELDS.iter().find(|(name, _, _)| *name == row.field) else {
                return Err(DataError::BadValue {
                    place: at("field"),
                    value: row.field,
                    expected: format!("a field of {DATASET_FILE} ({})", field_names()),
                });
            };
            check_lang(&at("lang"), &row.lang, text)?;
            if row.value.trim().is_empty() {
                return Err(DataError::Empty { place: at("value") });
            }
            fields.entry(name).or_default().push(Cell { place: at("value"), lang: row.lang, value: row.value });
        }
        let missing = |name: &str, what: &str| DataError::Invalid {
            place: file.clone(),
            message: format!("missing field `{name}`{what} (the fields: {})", field_names()),
        };
        for (name, required, text) in FIELDS {
            let cells = fields.get(name).map_or(&[][..], Vec::as_slice);
            if *required && cells.is_empty() {
                return Err(missing(name, ""));
            }
            if *required && *text {
                for lang in ["zh", "en"] {
                    if !cells.iter().any(|c| c.lang == lang) {
                        return Err(missing(name, &format!(" in language `{lang}`")));
                    }
                }
            }
        }
        let mut take = |name: &str| fields.remove(name).unwrap_or_default();
        let (title, description, publisher, rights) =
            (take("title"), take("description"), take("publisher"), take("rights"));
        let (license, issued, modified, spatial) = (take("license"), take("issued"), take("modified"), take("spatial"));
        let (temporal, languages, keywords, creator) =
            (take("temporal"), take("language"), take("keyword"), take("source_creator"));
        Ok(Self {
            title: unique_texts(title)?,
            description: unique_texts(description)?,
            publisher: unique_texts(publisher)?,
            license: one(license)?.map(|c| iri(&c)).transpose()?.ok_or_else(|| missing("license", ""))?,
            rights: unique_texts(rights)?,
            issued: one(issued)?.map(|c| date(&c)).transpose()?.ok_or_else(|| missing("issued", ""))?,
            modified: one(modified)?.map(|c| date(&c)).transpose()?,
            spatial: one(spatial)?
                .map(|c| entity(&c, data, Kind::Place))
                .transpose()?
                .ok_or_else(|| missing("spatial", ""))?,
            temporal: one(temporal)?.map(|c| period(&c, data)).transpose()?,
            languages: languages.iter().map(language).collect::<Result<_, _>>()?,
            keywords: keywords.into_iter().map(|c| Text { lang: c.lang, value: c.value }).collect(),
            source_creator: one(creator)?.map(|c| entity(&c, data, Kind::Organization)).transpose()?,
        })
    }
}

fn field_names() -> String {
    FIELDS.iter().map(|(name, _, _)| *name).collect::<Vec<_>>().join(", ")
}

/// A text field needs a language tag (`zh`, `en`, `zh-Hant` …); any other field none.
fn check_lang(place: &Place, lang: &str, text: bool) -> Result<(), DataError> {
    let tag = |l: &str| {
        let mut parts = l.split('-');
        parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
            && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    match (text, lang.is_empty()) {
        (true, _) if tag(lang) => Ok(()),
        (true, _) => Err(DataError::BadValue {
            place: place.clone(),
            value: lang.to_owned(),
            expected: "a language tag (zh, en …): this field is a text".into(),
        }),
        (false, true) => Ok(()),
        (false, false) => Err(DataError::BadValue {
            place: place.clone(),
            value: lang.to_owned(),
            expected: "empty: this field is not a text".into(),
        }),
    }
}

/// Texts with at most one per language.
fn unique_texts(cells: Vec<Cell>) -> Result<Vec<Text>, DataError> {
    let mut seen: BTreeMap<String, Place> = BTreeMap::new();
    let mut texts = Vec::with_capacity(cells.len());
    for cell in cells {
        if let Some(first) = seen.get(&cell.lang) {
            return Err(DataError::Invalid {
                place: cell.place,
                message: format!("a second text in language `{}` (the first is at {first})", cell.lang),
            });
        }
        seen.insert(cell.lang.clone(), cell.place);
        texts.push(Text { lang: cell.lang, value: cell.value });
    }
    Ok(texts)
}

/// The value of a field that has at most one.
fn one(cells: Vec<Cell>) -> Result<Option<Cell>, DataError> {
    let mut cells = cells.into_iter();
    let first = cells.next();
    match (first, cells.next()) {
        (Some(first), Some(second)) => Err(DataError::Invalid {
            place: second.place,
            message: format!("a second value of this field (the first is at {})", first.place),
        }),
        (first, None) => Ok(first),
        (None, Some(_)) => Ok(None),
    }
}

fn iri(cell: &Cell) -> Result<NamedNode, DataError> {
    NamedNode::new(cell.value.trim()).map_err(|e| DataError::BadValue {
        place: cell.place.clone(),
        value: cell.value.clone(),
        expected: format!("an absolute IRI ({e})"),
    })
}

/// A date `YYYY-MM-DD` that exists.
fn date(cell: &Cell) -> Result<String, DataError> {
    let value = cell.value.trim();
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let valid = match parts.as_slice() {
        [y, m, d] => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(y), Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m),
            _ => false,
        },
        _ => false,
    };
    if valid {
        Ok(value.to_owned())
    } else {
        Err(DataError::BadValue {
            place: cell.place.clone(),
            value: cell.value.clone(),
            expected: "a date YYYY-MM-DD".into(),
        })
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The id of an entity of `kind` in the data.
fn entity(cell: &Cell, data: &Dataset, kind: Kind) -> Result<String, DataError> {
    let id = slug(&cell.place, cell.value.trim())?;
    match data.get(&id) {
        Some(entity) if entity.kind == kind => Ok(id),
        Some(entity) => Err(DataError::WrongKind {
            place: cell.place.clone(),
            id,
            found: entity.kind.name().into(),
            expected: format!("a {}", kind.name()).into(),
        }),
        None => {
            Err(DataError::UnknownId { place: cell.place.clone(), id, hint: format!(" (an id of {})", kind.file()) })
        }
    }
}

/// The years covered: they must be the span of the years of the figures.
fn period(cell: &Cell, data: &Dataset) -> Result<Period, DataError> {
    let Some(declared) = optional_period(&cell.place, cell.value.trim())? else {
        return Err(DataError::Empty { place: cell.place.clone() });
    };
    let years = data.observations.iter().map(|o| o.period);
    match (years.clone().min(), years.max()) {
        (Some(start), Some(end)) if (Period { start, end }) == declared => Ok(declared),
        (Some(start), Some(end)) => Err(DataError::Invalid {
            place: cell.place.clone(),
            message: format!(
                "the figures of the data cover {}, not {declared}: the temporal coverage is what the data supports",
                Period { start, end }
            ),
        }),
        _ => Err(DataError::Invalid {
            place: cell.place.clone(),
            message: "the data has no figures, so no years it covers: leave `temporal` out".into(),
        }),
    }
}

/// An ISO 639-1 code: two lowercase letters.
fn language(cell: &Cell) -> Result<String, DataError> {
    let code = cell.value.trim();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code.to_owned())
    } else {
        Err(DataError::BadValue {
            place: cell.place.clone(),
            value: cell.value.clone(),
            expected: "an ISO 639-1 language code of two lowercase letters (zh, en …)".into(),
        })
    }
}

/// What the other graphs hold: their quads by graph IRI, and the predicates they use.
#[derive(Debug, Default)]
pub struct Tally {
    pub graphs: BTreeMap<String, usize>,
    pub predicates: HashSet<String>,
}

/// The quads of the `metadata` graph. The other graphs never share a triple (each subject lives in one graph), so
/// their quad counts in `tally` are their triple counts, and the total stated is the count of the union.
pub fn describe(iris: &Iris, description: &Description, data: &Dataset, source: &Source, tally: &Tally) -> Vec<Quad> {
    let mut out = Quads { graph: GraphName::from(iris.graph("metadata")), quads: Vec::new() };
    let dataset = iris.at("dataset");
    let report = iris.report(source);
    out.add(&dataset, rdf::TYPE, dcat::DATASET);
    out.add(&dataset, rdf::TYPE, void::DATASET);
    for (property, texts) in [
        (dcterms::TITLE, &description.title),
        (dcterms::DESCRIPTION, &description.description),
        (dcterms::RIGHTS, &description.rights),
        (dcat::KEYWORD, &description.keywords),
    ] {
        for text in texts {
            out.add(&dataset, property, tagged(text));
        }
    }
    describe_publisher(iris, description, &dataset, &mut out);
    out.add(&dataset, dcterms::LICENSE, description.license.clone());
    out.add(&dataset, dcterms::ISSUED, Literal::new_typed_literal(&description.issued, xsd::DATE));
    if let Some(modified) = &description.modified {
        out.add(&dataset, dcterms::MODIFIED, Literal::new_typed_literal(modified, xsd::DATE));
    }
    out.add(&dataset, dcterms::SPATIAL, iris.entity(Kind::Place, &description.spatial));
    if let Some(period) = description.temporal {
        let node = iris.at("dataset/temporal");
        out.add(&dataset, dcterms::TEMPORAL, node.clone());
        out.add(&node, rdf::TYPE, dcterms::PERIOD_OF_TIME);
        out.add(&node, dcat::START_DATE, Literal::new_typed_literal(period.start.to_string(), xsd::GYEAR));
        out.add(&node, dcat::END_DATE, Literal::new_typed_literal(period.end.to_string(), xsd::GYEAR));
    }
    for code in &description.languages {
        out.add(&dataset, dcterms::LANGUAGE, NamedNode::new_unchecked(format!("{LANGUAGE_AUTHORITY}{code}")));
    }
    out.add(&dataset, dcterms::SOURCE, report.clone());
    if let Some(creator) = &description.source_creator {
        out.add(&report, dcterms::CREATOR, iris.entity(Kind::Organization, creator));
    }
    out.add(&dataset, void::ROOT_RESOURCE, report);
    out.add(&dataset, dcat::LANDING_PAGE, NamedNode::new_unchecked(iris.base()));
    out.add(&dataset, void::URI_SPACE, Literal::new_simple_literal(format!("{}id/", iris.base())));
    out.add(&dataset, void::ENTITIES, integer(data.entities.len()));
    out.add(&dataset, vocab::rdfs::SEE_ALSO, NamedNode::new_unchecked(vocab::ONTOLOGY_IRI));
    describe_access(iris, &dataset, &description.license, &mut out);
    let subsets: Vec<NamedNode> = GRAPHS.iter().map(|name| iris.graph(name)).collect();
    for subset in &subsets {
        out.add(&dataset, void::SUBSET, subset.clone());
        out.add(subset, rdf::TYPE, void::DATASET);
    }
    let mut predicates: HashSet<&str> = tally.predicates.iter().map(String::as_str).collect();
    predicates.extend(out.quads.iter().map(|q| q.predicate.as_str()));
    predicates.insert(void::TRIPLES.as_str());
    let vocabularies: Vec<&str> = vocab::PREFIXES
        .iter()
        .filter(|(_, namespace)| predicates.iter().any(|p| p.starts_with(namespace)))
        .map(|(_, namespace)| *namespace)
        .collect();
    for namespace in vocabularies {
        out.add(&dataset, void::VOCABULARY, NamedNode::new_unchecked(namespace));
    }
    // The counts come last: the metadata graph counts its own triples, these included.
    let metadata = iris.graph("metadata");
    let own = out.quads.len() + subsets.len() + 1;
    let mut total = 0;
    for subset in &subsets {
        let n = if *subset == metadata { own } else { tally.graphs.get(subset.as_str()).copied().unwrap_or(0) };
        total += n;
        out.add(subset, void::TRIPLES, integer(n));
    }
    out.add(&dataset, void::TRIPLES, integer(total));
    out.quads
}

/// The publisher: the project that curates the data (not the government that wrote the report).
fn describe_publisher(iris: &Iris, description: &Description, dataset: &NamedNode, out: &mut Quads) {
    let publisher = iris.at("dataset/publisher");
    out.add(dataset, dcterms::PUBLISHER, publisher.clone());
    out.add(&publisher, rdf::TYPE, foaf::AGENT);
    out.add(&publisher, rdf::TYPE, foaf::PROJECT);
    for name in &description.publisher {
        out.add(&publisher, foaf::NAME, tagged(name));
    }
}

/// The SPARQL endpoint as a data service, and one distribution per dump.
fn describe_access(iris: &Iris, dataset: &NamedNode, license: &NamedNode, out: &mut Quads) {
    let endpoint = iris.at("sparql");
    out.add(dataset, void::SPARQL_ENDPOINT, endpoint.clone());
    let service = iris.at("dataset/sparql-service");
    out.add(&service, rdf::TYPE, dcat::DATA_SERVICE);
    out.add(&service, dcat::ENDPOINT_URL, endpoint);
    out.add(&service, dcat::SERVES_DATASET, dataset.clone());
    out.add(&service, dcterms::CONFORMS_TO, NamedNode::new_unchecked(SPARQL_PROTOCOL));
    for dump in DUMPS {
        let url = iris.at(&format!("dump.{}", dump.ext));
        let distribution = iris.at(&format!("dataset/distribution/{}", dump.ext));
        out.add(dataset, void::DATA_DUMP, url.clone());
        out.add(dataset, dcat::DISTRIBUTION_PROP, distribution.clone());
        out.add(&distribution, rdf::TYPE, dcat::DISTRIBUTION);
        out.add(&distribution, dcat::DOWNLOAD_URL, url.clone());
        out.add(&distribution, dcat::ACCESS_URL, url);
        let media_type = format!("https://www.iana.org/assignments/media-types/{}", dump.media_type);
        out.add(&distribution, dcat::MEDIA_TYPE, NamedNode::new_unchecked(media_type));
        let format = format!("http://www.w3.org/ns/formats/{}", dump.w3c_format);
        out.add(&distribution, dcterms::FORMAT, NamedNode::new_unchecked(format));
        out.add(&distribution, dcterms::LICENSE, license.clone());
    }
}

struct Quads {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Quads {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.quads.push(Quad::new(subject.clone(), predicate, object, self.graph.clone()));
    }
}

fn tagged(text: &Text) -> Literal {
    Literal::new_language_tagged_literal_unchecked(&text.value, &text.lang)
}

fn integer(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(value: &str) -> Cell {
        Cell { place: Place::file("dataset.csv").at_line(3), lang: String::new(), value: value.into() }
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(date(&cell("2020-02-29")).ok().as_deref(), Some("2020-02-29"));
        for bad in ["2019-02-29", "2020-13-01", "2020-1-01", "8 January 2020", "2020-04-31"] {
            let error = date(&cell(bad)).expect_err(bad).to_string();
            assert!(error.contains("dataset.csv:3") && error.contains("YYYY-MM-DD"), "{error}");
        }
    }

    #[test]
    fn languages_are_two_letters_and_tags_fit_the_field() {
        assert_eq!(language(&cell("zh")).ok().as_deref(), Some("zh"));
        assert!(language(&cell("chi")).is_err() && language(&cell("ZH")).is_err());
        let place = Place::file("dataset.csv");
        assert!(check_lang(&place, "zh-Hant", true).is_ok());
        assert!(check_lang(&place, "", true).is_err(), "a text needs a language");
        assert!(check_lang(&place, "en", false).is_err(), "an IRI takes none");
    }

    #[test]
    fn a_single_valued_field_refuses_a_second_value() {
        let error = one(vec![cell("a"), cell("b")]).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("a second value"), "{error}");
    }
}
