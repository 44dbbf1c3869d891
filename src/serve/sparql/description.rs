//! The service description (SPARQL 1.1 Service Description): what `GET /sparql` without a query answers.
//!
//! Takes the endpoint's IRI, the store and whether updates are on; gives the triples of an `sd:Service`: its
//! endpoint, languages, result formats (the W3C format IRIs), the `sd:UnionDefaultGraph` feature and the
//! default dataset with every named graph and its triple count.

use super::ProtocolError;
use super::results::{self, Format, Writer};
use crate::vocab::{rdf, rdfs, void, xsd};
use oxigraph::io::RdfSerializer;
use oxigraph::model::{BlankNode, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use oxigraph::store::Store;

/// The W3C namespace of format IRIs (a prefix of the description).
const FORMATS: &str = "http://www.w3.org/ns/formats/";
/// The Service Description namespace.
pub const SD: &str = "http://www.w3.org/ns/sparql-service-description#";

fn sd(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SD}{local}"))
}

/// The W3C IRI of a result format, from Oxigraph's (aliases of a media type have none of their own).
fn format_iri(format: &Format) -> Option<NamedNode> {
    let iri = match format.writer {
        Writer::Table(f) => f.iri(),
        Writer::Rdf(f) => crate::format::w3c_iri(f),
    };
    format.is_canonical().then(|| NamedNode::new_unchecked(iri))
}

/// The triples of the description of the endpoint at `endpoint`.
pub fn describe(endpoint: &str, store: &Store, updates: bool) -> Result<Vec<Triple>, ProtocolError> {
    let service = NamedNode::new(endpoint)
        .map_err(|e| ProtocolError::Header { name: "Host", message: format!("`{endpoint}` is not an IRI: {e}") })?;
    let mut triples = Vec::new();
    let mut add = |s: NamedOrBlankNode, p: NamedNodeRef<'_>, o: Term| triples.push(Triple::new(s, p, o));
    let me = NamedOrBlankNode::from(service.clone());
    add(me.clone(), rdf::TYPE, sd("Service").into());
    add(me.clone(), sd("endpoint").as_ref(), service.into());
    add(me.clone(), sd("supportedLanguage").as_ref(), sd("SPARQL11Query").into());
    if updates {
        add(me.clone(), sd("supportedLanguage").as_ref(), sd("SPARQL11Update").into());
    }
    for iri in results::offers(false).iter().chain(&results::offers(true)).filter_map(format_iri) {
        add(me.clone(), sd("resultFormat").as_ref(), iri.into());
    }
    add(me.clone(), sd("feature").as_ref(), sd("UnionDefaultGraph").into());
    add(
        me.clone(),
        rdfs::COMMENT,
        Literal::new_language_tagged_literal_unchecked(
            "Without FROM or default-graph-uri, the default graph is the union of all the named graphs.",
            "en",
        )
        .into(),
    );
    let dataset = NamedOrBlankNode::from(BlankNode::default());
    add(me, sd("defaultDataset").as_ref(), dataset.clone().into());
    add(dataset.clone(), rdf::TYPE, sd("Dataset").into());
    let default = NamedOrBlankNode::from(BlankNode::default());
    add(dataset.clone(), sd("defaultGraph").as_ref(), default.clone().into());
    add(default.clone(), rdf::TYPE, sd("Graph").into());
    add(default, void::TRIPLES, count(store.len()?));
    for name in store.named_graphs() {
        let NamedOrBlankNode::NamedNode(name) = name? else { continue };
        let size = store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(name.as_ref()))).count();
        let named = NamedOrBlankNode::from(BlankNode::default());
        let graph = NamedOrBlankNode::from(BlankNode::default());
        add(dataset.clone(), sd("namedGraph").as_ref(), named.clone().into());
        add(named.clone(), rdf::TYPE, sd("NamedGraph").into());
        add(named.clone(), sd("name").as_ref(), name.into());
        add(named, sd("graph").as_ref(), graph.clone().into());
        add(graph.clone(), rdf::TYPE, sd("Graph").into());
        add(graph, void::TRIPLES, count(size));
    }
    Ok(triples)
}

fn count(n: usize) -> Term {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into()
}

/// `triples` written in `format` (one of [`results::offers`] of a graph).
pub fn write(triples: &[Triple], format: Format) -> Result<Vec<u8>, ProtocolError> {
    let Writer::Rdf(rdf_format) = format.writer else {
        return Err(ProtocolError::Internal(format!("{} is not an RDF format", format.media_type)));
    };
    let internal = |e: &dyn std::fmt::Display| ProtocolError::Internal(format!("writing the description: {e}"));
    let mut serializer = RdfSerializer::from_format(rdf_format);
    for (prefix, namespace) in [("sd", SD), ("formats", FORMATS), (rdf::PREFIX, rdf::NAMESPACE)].into_iter().chain([
        (rdfs::PREFIX, rdfs::NAMESPACE),
        (void::PREFIX, void::NAMESPACE),
        (xsd::PREFIX, xsd::NAMESPACE),
    ]) {
        serializer = serializer.with_prefix(prefix, namespace).map_err(|e| internal(&e))?;
    }
    let mut writer = serializer.for_writer(Vec::new());
    for triple in triples {
        writer.serialize_triple(triple).map_err(|e| internal(&e))?;
    }
    writer.finish().map_err(|e| internal(&e))
}
