//! Formats: the words users give for a format, mapped to Oxigraph's [`RdfFormat`] and [`QueryResultsFormat`].
//!
//! Takes a word (`turtle`, an extension such as `ttl`, or a media type such as `text/turtle`) and gives the format;
//! everything else a format has — its media type, its file extension, whether it keeps named graphs, its W3C IRI —
//! is asked of Oxigraph's types, so that no table of the project can drift from them. The one exception is the
//! W3C IRI of JSON-LD ([`w3c_iri`]).

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// JSON-LD as the project writes it: expanded, no profile.
pub const JSON_LD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

/// The RDF formats the project writes, each by the name a user types.
pub const RDF: &[(&str, RdfFormat)] = &[
    ("turtle", RdfFormat::Turtle),
    ("ntriples", RdfFormat::NTriples),
    ("nquads", RdfFormat::NQuads),
    ("trig", RdfFormat::TriG),
    ("rdfxml", RdfFormat::RdfXml),
    ("jsonld", JSON_LD),
];

/// The formats one graph is offered in on the web — a resource's document, the ontology, the dataset description,
/// the results of CONSTRUCT and DESCRIBE — the default first. N-Quads and TriG are left to the dumps: these graphs
/// have no named graphs to keep.
pub const DOCUMENTS: &[RdfFormat] = &[RdfFormat::Turtle, JSON_LD, RdfFormat::NTriples, RdfFormat::RdfXml];

/// The formats of SELECT and ASK results, each by the name a user types.
pub const RESULTS: &[(&str, QueryResultsFormat)] = &[
    ("json", QueryResultsFormat::Json),
    ("xml", QueryResultsFormat::Xml),
    ("csv", QueryResultsFormat::Csv),
    ("tsv", QueryResultsFormat::Tsv),
];

/// The RDF format a word names: a name of [`RDF`] (case, `-` and `_` aside: `N-Triples`, `json_ld`), a file
/// extension or a media type.
pub fn rdf(word: &str) -> Option<RdfFormat> {
    let word = word.trim();
    let known = |format: RdfFormat| RDF.iter().any(|(_, f)| *f == format);
    let bare: String = word.chars().filter(|c| !matches!(c, '-' | '_')).collect();
    RDF.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(&bare))
        .map(|(_, format)| *format)
        .or_else(|| RdfFormat::from_extension(word).filter(|f| known(*f)))
        .or_else(|| RdfFormat::from_media_type(word).filter(|f| known(*f)))
        .map(|format| if matches!(format, RdfFormat::JsonLd { .. }) { JSON_LD } else { format })
}

/// The results format a word names: a name of [`RESULTS`], a file extension or a media type.
pub fn results(word: &str) -> Option<QueryResultsFormat> {
    let word = word.trim();
    RESULTS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, format)| *format)
        .or_else(|| QueryResultsFormat::from_extension(word))
        .or_else(|| QueryResultsFormat::from_media_type(word))
}

/// The format of one of [`DOCUMENTS`] by its file extension (`ttl`, `jsonld`).
pub fn document(extension: &str) -> Option<RdfFormat> {
    DOCUMENTS.iter().find(|format| format.file_extension() == extension).copied()
}

/// A media type without its parameters (`text/csv` of Oxigraph's `text/csv; charset=utf-8`).
pub fn essence(media_type: &str) -> &str {
    media_type.split(';').next().unwrap_or(media_type).trim()
}

/// The name a user types for an RDF format (`turtle`), or Oxigraph's name for one the project does not write.
pub fn rdf_name(format: RdfFormat) -> &'static str {
    let same = |f: &RdfFormat| std::mem::discriminant(f) == std::mem::discriminant(&format);
    RDF.iter().find(|(_, f)| same(f)).map_or(format.name(), |(name, _)| name)
}

/// The name a user types for a results format (`json`).
pub fn results_name(format: QueryResultsFormat) -> &'static str {
    RESULTS.iter().find(|(_, f)| *f == format).map_or(format.name(), |(name, _)| name)
}

/// Whether the project writes the named graphs in this format: N-Quads and TriG. The others get the union of the
/// graphs as triples (JSON-LD could hold graphs, but a JSON-LD dump is read as one graph by most of its users).
pub fn keeps_graphs(format: RdfFormat) -> bool {
    matches!(format, RdfFormat::NQuads | RdfFormat::TriG)
}

/// The format's IRI in the W3C's register of formats (`http://www.w3.org/ns/formats/Turtle`). Oxigraph's, except
/// for JSON-LD: the register names it `http://www.w3.org/ns/formats/JSON-LD`, where Oxigraph gives another IRI.
pub fn w3c_iri(format: RdfFormat) -> &'static str {
    match format {
        RdfFormat::JsonLd { .. } => "http://www.w3.org/ns/formats/JSON-LD",
        other => other.iri(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_is_found_by_name_extension_or_media_type() {
        for word in ["turtle", "ttl", "text/turtle", " Turtle "] {
            assert_eq!(rdf(word), Some(RdfFormat::Turtle), "{word}");
        }
        assert_eq!(rdf("application/ld+json"), Some(JSON_LD));
        assert_eq!(rdf("n3"), None, "N3 is not written");
        assert_eq!(rdf("N-Triples"), Some(RdfFormat::NTriples));
        assert_eq!(rdf("json-ld"), Some(JSON_LD));
        assert_eq!(document("jsonld"), Some(JSON_LD));
        assert_eq!(document("rdf"), Some(RdfFormat::RdfXml));
        assert_eq!(document("trig"), None, "TriG is for the dumps");
        assert_eq!(essence(QueryResultsFormat::Csv.media_type()), "text/csv");
        assert_eq!(results("tsv"), Some(QueryResultsFormat::Tsv));
        assert_eq!(results("application/sparql-results+json"), Some(QueryResultsFormat::Json));
        assert_eq!(results("turtle"), None);
    }

    #[test]
    fn names_go_back_to_the_words() {
        for (name, format) in RDF {
            assert_eq!(rdf_name(*format), *name);
            assert_eq!(rdf(name), Some(*format));
        }
        for (name, format) in RESULTS {
            assert_eq!(results_name(*format), *name);
        }
        assert_eq!(w3c_iri(RdfFormat::Turtle), "http://www.w3.org/ns/formats/Turtle");
        assert_eq!(w3c_iri(JSON_LD), "http://www.w3.org/ns/formats/JSON-LD");
    }
}
