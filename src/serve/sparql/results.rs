//! Results: the format a client asked for (by `Accept` or `format=`), and the results written into a buffer,
//! counting rows or triples against the limit.
//!
//! Takes the kind of a query's results and the request's preferences; gives a [`Format`] (media type and
//! serializer), or the list of what is offered for a 406. [`write()`] serializes [`QueryResults`] into bytes,
//! stopping with [`ProtocolError::TooMany`] past the limit: a result is never cut short silently.

use super::ProtocolError;
use crate::iri::Iris;
use crate::serve::negotiate;
use oxigraph::io::RdfFormat;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

/// A way to write results: a media type and what writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Format {
    /// The media type, as sent in `Content-Type` (with `; charset=utf-8`).
    pub media_type: &'static str,
    /// The short name accepted by `format=`.
    pub name: &'static str,
    pub writer: Writer,
}

/// The serializer of a [`Format`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Writer {
    Table(QueryResultsFormat),
    Rdf(RdfFormat),
}

const fn table(media_type: &'static str, name: &'static str, format: QueryResultsFormat) -> Format {
    Format { media_type, name, writer: Writer::Table(format) }
}

const fn rdf(media_type: &'static str, name: &'static str, format: RdfFormat) -> Format {
    Format { media_type, name, writer: Writer::Rdf(format) }
}

/// The formats of SELECT and ASK results, the server's preference first.
pub const TABLE_FORMATS: &[Format] = &[
    table("application/sparql-results+json", "json", QueryResultsFormat::Json),
    table("application/sparql-results+xml", "xml", QueryResultsFormat::Xml),
    table("text/csv", "csv", QueryResultsFormat::Csv),
    table("text/tab-separated-values", "tsv", QueryResultsFormat::Tsv),
    table("application/json", "json", QueryResultsFormat::Json),
    table("application/xml", "xml", QueryResultsFormat::Xml),
];

/// The formats of CONSTRUCT and DESCRIBE results (and of the service description), the server's preference
/// first.
pub const GRAPH_FORMATS: &[Format] = &[
    rdf("text/turtle", "turtle", RdfFormat::Turtle),
    rdf("application/n-triples", "ntriples", RdfFormat::NTriples),
    rdf("application/ld+json", "jsonld", crate::format::JSON_LD),
    rdf("application/rdf+xml", "rdfxml", RdfFormat::RdfXml),
];

/// Other names `format=` takes.
const ALIASES: &[(&str, &str)] = &[("ttl", "turtle"), ("nt", "ntriples"), ("json-ld", "jsonld"), ("rdf", "rdfxml")];
/// Names that mean the RDF form of a table format for CONSTRUCT and DESCRIBE, as Virtuoso and Fuseki read them
/// (SPARQLWrapper sends `format=xml` for RDF/XML and `format=json` for JSON-LD).
const GRAPH_ALIASES: &[(&str, &str)] = &[("xml", "rdfxml"), ("json", "jsonld")];

/// The format for results of this kind (`graph`: CONSTRUCT or DESCRIBE), by `format=` when given (a short
/// name or a media type), else by `Accept`.
pub fn choose(graph: bool, format: &[String], accept: Option<&str>) -> Result<Format, ProtocolError> {
    let offers = if graph { GRAPH_FORMATS } else { TABLE_FORMATS };
    let kind = if graph { "CONSTRUCT and DESCRIBE" } else { "SELECT and ASK" };
    let named = |asked: &str| {
        let aliases = ALIASES.iter().chain(if graph { GRAPH_ALIASES } else { &[] });
        let name = aliases.clone().find(|(alias, _)| alias.eq_ignore_ascii_case(asked)).map_or(asked, |(_, n)| *n);
        offers
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name) || f.media_type.eq_ignore_ascii_case(name))
            .copied()
            .ok_or_else(|| ProtocolError::UnknownFormat { given: asked.to_owned(), kind, offered: names(offers) })
    };
    if let Some((first, rest)) = format.split_first() {
        let chosen = named(first)?;
        for other in rest {
            if named(other)?.media_type != chosen.media_type {
                return Err(ProtocolError::FormatConflict { first: first.clone(), other: other.clone() });
            }
        }
        return Ok(chosen);
    }
    let media_types: Vec<&'static str> = offers.iter().map(|f| f.media_type).collect();
    let what = if graph { "CONSTRUCT and DESCRIBE results" } else { "SELECT and ASK results" };
    let chosen = negotiate::offered(accept, what, &media_types)?;
    offers
        .iter()
        .find(|f| f.media_type == chosen)
        .copied()
        .ok_or_else(|| ProtocolError::Internal(format!("{chosen} is offered but has no writer")))
}

fn names(offers: &[Format]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for name in offers.iter().map(|f| f.name) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// Results of the wrong kind for the format (cannot happen after [`choose`] for the same results).
fn mismatch(format: Format) -> ProtocolError {
    ProtocolError::Internal(format!("{} cannot hold these results", format.media_type))
}

/// Writes `results` in `format`, refusing more than `limit` rows or triples.
pub fn write(results: QueryResults<'_>, format: Format, iris: &Iris, limit: usize) -> Result<Vec<u8>, ProtocolError> {
    let mut out = Vec::new();
    let io = |e: std::io::Error| ProtocolError::Internal(format!("writing the results: {e}"));
    match (results, format.writer) {
        (QueryResults::Boolean(value), Writer::Table(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut out, value).map_err(io)?;
        }
        (QueryResults::Solutions(solutions), Writer::Table(f)) => {
            let variables = solutions.variables().to_vec();
            let mut writer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut out, variables)
                .map_err(io)?;
            for (n, solution) in solutions.enumerate() {
                if n >= limit {
                    return Err(ProtocolError::TooMany { limit, what: "rows" });
                }
                writer.serialize(&solution?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
        }
        (QueryResults::Graph(triples), Writer::Rdf(f)) => {
            let mut writer = crate::export::serializer(f, iris).for_writer(&mut out);
            for (n, triple) in triples.enumerate() {
                if n >= limit {
                    return Err(ProtocolError::TooMany { limit, what: "triples" });
                }
                writer.serialize_triple(&triple?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
        }
        _ => return Err(mismatch(format)),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_media_types_and_names_are_oxigraphs_and_the_projects() {
        for format in TABLE_FORMATS.iter().chain(GRAPH_FORMATS) {
            let (oxigraph, name) = match format.writer {
                Writer::Table(f) => (f.media_type(), crate::format::results_name(f)),
                Writer::Rdf(f) => (f.media_type(), crate::format::rdf_name(f)),
            };
            let alias = ["application/json", "application/xml"].contains(&format.media_type);
            let essence = oxigraph.split(';').next().unwrap_or(oxigraph).trim();
            assert!(format.media_type == essence || alias, "{format:?}");
            assert_eq!(format.name, name, "{format:?}");
        }
    }

    #[test]
    fn json_and_turtle_are_the_defaults() {
        assert_eq!(choose(false, &[], None).expect("a format").name, "json");
        assert_eq!(choose(true, &[], Some("*/*")).expect("a format").name, "turtle");
    }

    #[test]
    fn accept_and_format_choose() {
        assert_eq!(choose(false, &[], Some("text/csv")).expect("csv").media_type, "text/csv");
        assert_eq!(choose(true, &[], Some("application/rdf+xml")).expect("rdfxml").name, "rdfxml");
        assert_eq!(choose(true, &["nt".into()], Some("text/turtle")).expect("by format").name, "ntriples");
        assert_eq!(choose(false, &["text/tab-separated-values".into()], None).expect("tsv").name, "tsv");
        assert_eq!(choose(true, &["xml".into()], None).expect("RDF/XML").name, "rdfxml");
        assert_eq!(choose(true, &["json".into()], None).expect("JSON-LD").name, "jsonld");
    }

    #[test]
    fn several_formats_are_taken_when_they_name_one() {
        let same = ["tsv".to_owned(), "text/tab-separated-values".to_owned()];
        assert_eq!(choose(false, &same, None).expect("tsv").name, "tsv");
        let different = ["tsv".to_owned(), "json".to_owned()];
        let error = choose(false, &different, None).expect_err("a conflict");
        assert!(error.to_string().contains("`tsv` and `json` name different formats"), "{error}");
    }

    #[test]
    fn nothing_acceptable_names_the_offers() {
        let error = choose(false, &[], Some("image/png")).expect_err("406");
        assert!(error.to_string().contains("application/sparql-results+json"), "{error}");
        let error = choose(false, &["turtle".into()], None).expect_err("not for SELECT");
        assert!(error.to_string().contains("json, xml, csv, tsv"), "{error}");
    }
}
