//! Results: the format a client asked for (by `Accept` or `format=`), and the results written into a buffer,
//! counting rows or triples against the limit.
//!
//! Takes the kind of a query's results and the request's preferences; gives a [`Format`] (media type and
//! serializer), or the list of what is offered for a 406. [`write()`] serializes [`QueryResults`] into bytes,
//! stopping with [`ProtocolError::TooMany`] past the limit: a result is never cut short silently.

use super::ProtocolError;
use crate::format;
use crate::iri::Iris;
use crate::serve::negotiate;
use oxigraph::io::RdfFormat;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

/// A way to write results: the media type sent and what writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Format {
    /// The media type, as sent in `Content-Type` (with `; charset=utf-8`): Oxigraph's, or an alias it reads.
    pub media_type: &'static str,
    pub writer: Writer,
}

/// The serializer of a [`Format`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Writer {
    Table(QueryResultsFormat),
    Rdf(RdfFormat),
}

impl Format {
    /// Results in `writer`'s format under Oxigraph's media type for it.
    fn of(writer: Writer) -> Format {
        let media_type = match writer {
            Writer::Table(f) => f.media_type(),
            Writer::Rdf(f) => f.media_type(),
        };
        Format { media_type: format::essence(media_type), writer }
    }

    /// The short name `format=` takes for it (`json`, `turtle`).
    pub fn name(&self) -> &'static str {
        match self.writer {
            Writer::Table(f) => format::results_name(f),
            Writer::Rdf(f) => format::rdf_name(f),
        }
    }

    /// Whether this is Oxigraph's own media type for the format (not an alias such as `application/json`).
    pub fn is_canonical(&self) -> bool {
        *self == Format::of(self.writer)
    }
}

/// Media types clients send for SPARQL results that Oxigraph reads as JSON and XML results; they are answered in
/// the same format under the type the client asked for.
const TABLE_ALIASES: &[&str] = &["application/json", "application/xml"];

/// The formats of SELECT and ASK results (the project's results formats, then the aliases), or of CONSTRUCT and
/// DESCRIBE results and of the service description (the formats of a document): the server's preference first.
pub fn offers(graph: bool) -> Vec<Format> {
    if graph {
        return format::DOCUMENTS.iter().map(|f| Format::of(Writer::Rdf(*f))).collect();
    }
    let aliases = TABLE_ALIASES.iter().filter_map(|alias| {
        QueryResultsFormat::from_media_type(alias).map(|f| Format { media_type: alias, writer: Writer::Table(f) })
    });
    format::RESULTS.iter().map(|(_, f)| Format::of(Writer::Table(*f))).chain(aliases).collect()
}

/// Names that mean the RDF form of a table format for CONSTRUCT and DESCRIBE, as Virtuoso and Fuseki read them
/// (SPARQLWrapper sends `format=xml` for RDF/XML and `format=json` for JSON-LD).
const GRAPH_ALIASES: &[(&str, &str)] = &[("xml", "rdfxml"), ("json", "jsonld")];

/// The format `format=` names for results of this kind: a name, a file extension or a media type, as
/// [`crate::format`] reads them.
fn named(graph: bool, asked: &str, offers: &[Format]) -> Option<Format> {
    if let Some(offer) = offers.iter().find(|f| f.media_type.eq_ignore_ascii_case(asked.trim())) {
        return Some(*offer);
    }
    let writer = if graph {
        let word = GRAPH_ALIASES.iter().find(|(alias, _)| alias.eq_ignore_ascii_case(asked)).map_or(asked, |(_, n)| n);
        format::rdf(word).map(Writer::Rdf)
    } else {
        format::results(asked).map(Writer::Table)
    }?;
    offers.iter().find(|f| f.writer == writer && f.is_canonical()).copied()
}

/// The format for results of this kind (`graph`: CONSTRUCT or DESCRIBE), by `format=` when given (a short
/// name or a media type), else by `Accept`.
pub fn choose(graph: bool, format: &[String], accept: Option<&str>) -> Result<Format, ProtocolError> {
    let offers = offers(graph);
    let kind = if graph { "CONSTRUCT and DESCRIBE" } else { "SELECT and ASK" };
    let named = |asked: &str| {
        named(graph, asked, &offers).ok_or_else(|| ProtocolError::UnknownFormat {
            given: asked.to_owned(),
            kind,
            offered: names(&offers),
        })
    };
    if let Some((first, rest)) = format.split_first() {
        let chosen = named(first)?;
        for other in rest {
            if named(other)?.writer != chosen.writer {
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
    for name in offers.iter().map(Format::name) {
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
    fn the_offers_are_the_projects_formats_under_oxigraphs_media_types() {
        let tables: Vec<&str> = offers(false).iter().map(|f| f.media_type).collect();
        assert_eq!(
            tables,
            [
                "application/sparql-results+json",
                "application/sparql-results+xml",
                "text/csv",
                "text/tab-separated-values",
                "application/json",
                "application/xml"
            ]
        );
        let graphs: Vec<&str> = offers(true).iter().map(Format::name).collect();
        assert_eq!(graphs, ["turtle", "jsonld", "ntriples", "rdfxml"]);
        assert!(offers(false)[..4].iter().all(Format::is_canonical));
        assert!(!offers(false)[4].is_canonical(), "application/json is an alias");
    }

    #[test]
    fn json_and_turtle_are_the_defaults() {
        assert_eq!(choose(false, &[], None).expect("a format").name(), "json");
        assert_eq!(choose(true, &[], Some("*/*")).expect("a format").name(), "turtle");
        assert_eq!(choose(false, &[], Some("application/json")).expect("an alias").media_type, "application/json");
    }

    #[test]
    fn accept_and_format_choose() {
        assert_eq!(choose(false, &[], Some("text/csv")).expect("csv").media_type, "text/csv");
        assert_eq!(choose(true, &[], Some("application/rdf+xml")).expect("rdfxml").name(), "rdfxml");
        assert_eq!(choose(true, &["nt".into()], Some("text/turtle")).expect("by format").name(), "ntriples");
        assert_eq!(choose(true, &["json-ld".into()], None).expect("by a spelling").name(), "jsonld");
        assert_eq!(choose(true, &["ttl".into()], None).expect("by extension").name(), "turtle");
        assert_eq!(choose(false, &["text/tab-separated-values".into()], None).expect("tsv").name(), "tsv");
        assert_eq!(choose(true, &["xml".into()], None).expect("RDF/XML").name(), "rdfxml");
        assert_eq!(choose(true, &["json".into()], None).expect("JSON-LD").name(), "jsonld");
    }

    #[test]
    fn several_formats_are_taken_when_they_name_one() {
        let same = ["tsv".to_owned(), "text/tab-separated-values".to_owned()];
        assert_eq!(choose(false, &same, None).expect("tsv").name(), "tsv");
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
