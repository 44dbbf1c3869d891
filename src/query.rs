//! Queries: SPARQL over the store, results written as a table for people or in the standard formats.
//!
//! Takes a query (a file, a name from `queries/`, or text) and a [`ResultFormat`], and writes the results:
//! SELECT and ASK as an aligned table or SPARQL JSON / XML / CSV / TSV; CONSTRUCT and DESCRIBE as Turtle,
//! N-Triples or JSON-LD.

use crate::error::GraphError;
use crate::format;
use crate::vocab;
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator, Variable};
use oxigraph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned table for people (SELECT, ASK).
    Table,
    /// A SPARQL results format (SELECT, ASK).
    Results(QueryResultsFormat),
    /// An RDF format (CONSTRUCT, DESCRIBE).
    Graph(RdfFormat),
}

impl ResultFormat {
    /// The names a user types: `table`, the results formats, the RDF formats that suit a graph.
    pub const NAMES: &[&str] = &["table", "json", "csv", "tsv", "xml", "turtle", "ntriples", "jsonld"];

    /// The format a name of [`ResultFormat::NAMES`] (or an extension, or a media type) names.
    pub fn from_name(name: &str) -> Option<Self> {
        if name == "table" {
            return Some(Self::Table);
        }
        format::results(name).map(Self::Results).or_else(|| format::rdf(name).map(Self::Graph))
    }

    fn name(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Results(format) => format::results_name(format),
            Self::Graph(format) => format::rdf_name(format),
        }
    }
}

/// A query's text and where it comes from (for messages).
#[derive(Debug, Clone)]
pub struct QueryText {
    pub text: String,
    pub origin: String,
}

/// The named queries of a folder: `NAME.rq` files, sorted by name.
pub fn named_queries(dir: &Path) -> Result<Vec<(String, PathBuf)>, GraphError> {
    let io = |source| GraphError::Io { path: dir.to_owned(), source };
    let mut queries: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .filter_map(|p| Some((p.file_stem()?.to_string_lossy().into_owned(), p)))
        .collect();
    queries.sort();
    Ok(queries)
}

/// The named queries of a folder with their titles, for `queries`.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Each query's name and title (empty where its header has none).
    pub queries: Vec<(String, String)>,
}

impl Catalogue {
    /// Reads the named queries of `dir`.
    pub fn read(dir: &Path) -> Result<Self, GraphError> {
        let mut queries = Vec::new();
        for (name, path) in named_queries(dir)? {
            let text =
                std::fs::read_to_string(&path).map_err(|source| GraphError::Io { path: path.clone(), source })?;
            queries.push((name, header(&text, "title").unwrap_or("").to_owned()));
        }
        Ok(Self { queries })
    }
}

impl std::fmt::Display for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (name, title) in &self.queries {
            writeln!(f, "{name:<32} {title}")?;
        }
        Ok(())
    }
}

/// Resolves `spec`: a path to an existing file, or the name of a query in `dir` (with or without `.rq`).
pub fn resolve(spec: &str, dir: &Path) -> Result<QueryText, GraphError> {
    let path = Path::new(spec);
    let file = if path.is_file() {
        path.to_path_buf()
    } else {
        let name = spec.strip_suffix(".rq").unwrap_or(spec);
        let known = named_queries(dir).unwrap_or_default();
        match known.iter().find(|(n, _)| n == name) {
            Some((_, p)) => p.clone(),
            None => {
                return Err(GraphError::UnknownQuery {
                    name: spec.to_owned(),
                    known: known.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "),
                });
            }
        }
    };
    let text = std::fs::read_to_string(&file).map_err(|source| GraphError::Io { path: file.clone(), source })?;
    Ok(QueryText { text, origin: file.display().to_string() })
}

/// The `# title:` (or another `# key:`) header line of a query file.
pub fn header<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix(key)?.strip_prefix(':').map(str::trim))
}

/// Parses and runs a query on the store. Without `FROM`, the default graph is the union of all named graphs;
/// `predeclared` adds the project's prefixes (for `-e`).
pub fn execute<'a>(store: &'a Store, query: &QueryText, predeclared: bool) -> Result<QueryResults<'a>, GraphError> {
    let mut evaluator = SparqlEvaluator::new();
    if predeclared {
        for (prefix, namespace) in vocab::PREFIXES {
            evaluator = evaluator.with_prefix(*prefix, *namespace).expect("the vocabulary namespaces are valid IRIs");
        }
    }
    let mut prepared = evaluator
        .parse_query(&query.text)
        .map_err(|source| GraphError::QuerySyntax { origin: query.origin.clone(), source })?;
    if prepared.dataset().is_default_dataset() {
        // Without FROM, the default graph is the union of the named graphs: the whole knowledge graph.
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
        .on_store(store)
        .execute()
        .map_err(|source| GraphError::QueryEvaluation { origin: query.origin.clone(), source })
}

/// Runs a query and writes its results in `format`.
pub fn run(
    store: &Store,
    query: &QueryText,
    predeclared: bool,
    format: ResultFormat,
    base: &str,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let results = execute(store, query, predeclared)?;
    write_results(results, &query.origin, format, base, out)
}

fn mismatch(format: ResultFormat, kind: &str, allowed: &str) -> GraphError {
    GraphError::FormatMismatch { format: format.name().into(), kind: kind.into(), allowed: allowed.into() }
}

/// Writes results in `format`.
pub fn write_results(
    results: QueryResults<'_>,
    origin: &str,
    format: ResultFormat,
    base: &str,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let io = |source| GraphError::Output { source };
    let evaluation = |source| GraphError::QueryEvaluation { origin: origin.to_owned(), source };
    let tabular = |format| match format {
        ResultFormat::Results(format) => Some(format),
        _ => None,
    };
    const SELECT_FORMATS: &str = "table, json, csv, tsv, xml";
    match results {
        QueryResults::Boolean(value) => match (format, tabular(format)) {
            (ResultFormat::Table, _) => writeln!(out, "{value}").map_err(io),
            (_, Some(f)) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, value).map_err(io)?;
                Ok(())
            }
            _ => Err(mismatch(format, "ASK", SELECT_FORMATS)),
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match (format, tabular(format)) {
                (ResultFormat::Table, _) => {
                    let rows = solutions.collect::<Result<Vec<_>, _>>().map_err(evaluation)?;
                    write_table(&variables, &rows, base, out).map_err(io)
                }
                (_, Some(f)) => {
                    let mut writer = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables)
                        .map_err(io)?;
                    for solution in solutions {
                        writer.serialize(&solution.map_err(evaluation)?).map_err(io)?;
                    }
                    writer.finish().map_err(io)?;
                    Ok(())
                }
                _ => Err(mismatch(format, "SELECT", SELECT_FORMATS)),
            }
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                ResultFormat::Graph(rdf @ (RdfFormat::Turtle | RdfFormat::NTriples | RdfFormat::JsonLd { .. })) => rdf,
                _ => return Err(mismatch(format, "CONSTRUCT or DESCRIBE", "turtle, ntriples, jsonld")),
            };
            let mut writer = crate::export::serializer(rdf, &crate::iri::Iris::new(base)).for_writer(&mut *out);
            for triple in triples {
                writer.serialize_triple(&triple.map_err(evaluation)?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
            Ok(())
        }
    }
}

/// A term as a person reads it: literals by their text, IRIs shortened by prefix or base.
pub fn display_term(term: &Term, base: &str) -> String {
    match term {
        Term::Literal(literal) => literal.value().to_owned(),
        Term::NamedNode(node) => {
            let compact = vocab::compact(&node.to_string());
            if !compact.starts_with('<') {
                return compact;
            }
            match node.as_str().strip_prefix(base) {
                Some(rest) => rest.strip_prefix("id/").unwrap_or(rest).to_owned(),
                None => compact,
            }
        }
        other => other.to_string(),
    }
}

/// Columns a terminal shows a character in: two for the wide East Asian ranges, one otherwise.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

fn write_table(variables: &[Variable], rows: &[QuerySolution], base: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            variables
                .iter()
                .map(|v| row.get(v).map(|t| display_term(t, base)).unwrap_or_default().replace('\n', " "))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str(" │ ");
            }
            text.push_str(cell);
            if i + 1 < row.len() {
                text.push_str(&" ".repeat(width - display_width(cell)));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(out, &header)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("─┼─"))?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_from_the_comment_block() {
        let text = "# title: 各镇项目\n# description: Projects by town\nSELECT * {}";
        assert_eq!(header(text, "title"), Some("各镇项目"));
        assert_eq!(header(text, "description"), Some("Projects by town"));
        assert_eq!(header(text, "author"), None);
    }

    #[test]
    fn terms_are_shortened_by_prefix_before_base() {
        let base = "https://w3id.org/qingpu-kg/";
        let own = Term::from(oxigraph::model::NamedNode::new_unchecked(format!("{base}ontology#status")));
        assert_eq!(display_term(&own, base), "qpk:status");
        let entity = Term::from(oxigraph::model::NamedNode::new_unchecked(format!("{base}id/place/qingpu")));
        assert_eq!(display_term(&entity, base), "place/qingpu");
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(display_width("青浦a"), 5);
        assert_eq!(display_width("（一）"), 6);
    }
}
