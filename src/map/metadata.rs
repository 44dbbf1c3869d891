//! The `metadata` graph: the dataset described in DCAT 3 and VoID.
//!
//! Takes the checked [`Description`] of `dataset.csv` and the counts of the other graphs ([`Tally`]) and gives
//! the quads of the `metadata` graph: the `dcat:Dataset` / `void:Dataset` with its exact triple counts (in all
//! and per named graph), vocabularies, SPARQL endpoint as a `dcat:DataService`, and one `dcat:Distribution` per
//! dump of [`DUMPS`].

use super::sink::{Sink, integer};
use crate::facts::curated::Dataset;
use crate::facts::description::{Description, Text};
use crate::format::{self, JSON_LD};
use crate::iri::{GRAPHS, Iris};
use crate::kinds::Kind;
use crate::source::Source;
use crate::vocab::{self, dcat, dcterms, foaf, rdf, void, xsd};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Quad};
use std::collections::{BTreeMap, HashSet};

/// The IRI of the SPARQL 1.1 Protocol, which the endpoint conforms to.
pub const SPARQL_PROTOCOL: &str = "https://www.w3.org/TR/sparql11-protocol/";
/// Where a language code of ISO 639-1 has an IRI (the Library of Congress authority, as DCAT-AP uses).
pub const LANGUAGE_AUTHORITY: &str = "http://id.loc.gov/vocabulary/iso639-1/";

/// The dumps the server offers at `{base}dump.{extension}` and the description lists.
pub const DUMPS: &[RdfFormat] = &[RdfFormat::Turtle, RdfFormat::NTriples, RdfFormat::NQuads, RdfFormat::TriG, JSON_LD];

/// What the other graphs hold: their quads by graph IRI, and the predicates they use.
#[derive(Debug, Default)]
pub struct Tally {
    pub graphs: BTreeMap<String, usize>,
    pub predicates: HashSet<String>,
}

/// The quads of the `metadata` graph. The other graphs never share a triple (each subject lives in one graph), so
/// their quad counts in `tally` are their triple counts, and the total stated is the count of the union.
pub fn describe(iris: &Iris, description: &Description, data: &Dataset, source: &Source, tally: &Tally) -> Vec<Quad> {
    let mut quads = Vec::new();
    let mut out = Sink::new(iris.graph("metadata"), &mut quads);
    let dataset = iris.at("dataset");
    let report = iris.report(&source.name);
    out.add(&dataset, rdf::TYPE, dcat::DATASET);
    out.add(&dataset, rdf::TYPE, void::DATASET);
    for (property, texts) in [
        (dcterms::TITLE, &description.title),
        (dcterms::DESCRIPTION, &description.description),
        (dcterms::RIGHTS, &description.rights),
        (dcat::KEYWORD, &description.keywords),
    ] {
        for text in texts {
            out.add(&dataset, property, &tagged(text));
        }
    }
    describe_publisher(iris, description, &dataset, &mut out);
    out.add(&dataset, dcterms::LICENSE, &description.license);
    out.add(&dataset, dcterms::ISSUED, &Literal::new_typed_literal(&description.issued, xsd::DATE));
    if let Some(modified) = &description.modified {
        out.add(&dataset, dcterms::MODIFIED, &Literal::new_typed_literal(modified, xsd::DATE));
    }
    out.add(&dataset, dcterms::SPATIAL, &iris.entity(Kind::Place, &description.spatial));
    if let Some(period) = description.temporal {
        let node = iris.at("dataset/temporal");
        out.add(&dataset, dcterms::TEMPORAL, &node);
        out.add(&node, rdf::TYPE, dcterms::PERIOD_OF_TIME);
        out.add(&node, dcat::START_DATE, &Literal::new_typed_literal(period.start.to_string(), xsd::GYEAR));
        out.add(&node, dcat::END_DATE, &Literal::new_typed_literal(period.end.to_string(), xsd::GYEAR));
    }
    for code in &description.languages {
        out.add(&dataset, dcterms::LANGUAGE, &NamedNode::new_unchecked(format!("{LANGUAGE_AUTHORITY}{code}")));
    }
    out.add(&dataset, dcterms::SOURCE, &report);
    if let Some(creator) = &description.source_creator {
        out.add(&report, dcterms::CREATOR, &iris.entity(Kind::Organization, creator));
    }
    out.add(&dataset, void::ROOT_RESOURCE, &report);
    out.add(&dataset, dcat::LANDING_PAGE, &NamedNode::new_unchecked(iris.base()));
    out.add(&dataset, void::URI_SPACE, &Literal::new_simple_literal(format!("{}id/", iris.base())));
    out.add(&dataset, void::ENTITIES, &integer(data.entities.len()));
    out.add(&dataset, vocab::rdfs::SEE_ALSO, &NamedNode::new_unchecked(vocab::ONTOLOGY_IRI));
    describe_access(iris, &dataset, &description.license, &mut out);
    let subsets: Vec<NamedNode> = GRAPHS.iter().map(|name| iris.graph(name)).collect();
    for subset in &subsets {
        out.add(&dataset, void::SUBSET, subset);
        out.add(subset, rdf::TYPE, void::DATASET);
    }
    drop(out);
    let mut predicates: HashSet<&str> = tally.predicates.iter().map(String::as_str).collect();
    predicates.extend(quads.iter().map(|q| q.predicate.as_str()));
    predicates.insert(void::TRIPLES.as_str());
    let vocabularies: Vec<&str> = vocab::PREFIXES
        .iter()
        .filter(|(_, namespace)| predicates.iter().any(|p| p.starts_with(namespace)))
        .map(|(_, namespace)| *namespace)
        .collect();
    // The counts come last: the metadata graph counts its own triples, these included.
    let own = quads.len() + vocabularies.len() + subsets.len() + 1;
    let mut counts = Vec::new();
    let mut out = Sink::new(iris.graph("metadata"), &mut counts);
    for namespace in vocabularies {
        out.add(&dataset, void::VOCABULARY, &NamedNode::new_unchecked(namespace));
    }
    let metadata = iris.graph("metadata");
    let mut total = 0;
    for subset in &subsets {
        let n = if *subset == metadata { own } else { tally.graphs.get(subset.as_str()).copied().unwrap_or(0) };
        total += n;
        out.add(subset, void::TRIPLES, &integer(n));
    }
    out.add(&dataset, void::TRIPLES, &integer(total));
    drop(out);
    quads.extend(counts);
    quads
}

/// The publisher: the project that curates the data (not the government that wrote the report).
fn describe_publisher(iris: &Iris, description: &Description, dataset: &NamedNode, out: &mut Sink<'_>) {
    let publisher = iris.at("dataset/publisher");
    out.add(dataset, dcterms::PUBLISHER, &publisher);
    out.add(&publisher, rdf::TYPE, foaf::AGENT);
    out.add(&publisher, rdf::TYPE, foaf::PROJECT);
    for name in &description.publisher {
        out.add(&publisher, foaf::NAME, &tagged(name));
    }
}

/// The SPARQL endpoint as a data service, and one distribution per dump.
fn describe_access(iris: &Iris, dataset: &NamedNode, license: &NamedNode, out: &mut Sink<'_>) {
    let endpoint = iris.at("sparql");
    out.add(dataset, void::SPARQL_ENDPOINT, &endpoint);
    let service = iris.at("dataset/sparql-service");
    out.add(&service, rdf::TYPE, dcat::DATA_SERVICE);
    out.add(&service, dcat::ENDPOINT_URL, &endpoint);
    out.add(&service, dcat::SERVES_DATASET, dataset);
    out.add(&service, dcterms::CONFORMS_TO, &NamedNode::new_unchecked(SPARQL_PROTOCOL));
    for dump in DUMPS {
        let url = iris.at(&format!("dump.{}", dump.file_extension()));
        let distribution = iris.at(&format!("dataset/distribution/{}", dump.file_extension()));
        out.add(dataset, void::DATA_DUMP, &url);
        out.add(dataset, dcat::DISTRIBUTION_PROP, &distribution);
        out.add(&distribution, rdf::TYPE, dcat::DISTRIBUTION);
        out.add(&distribution, dcat::DOWNLOAD_URL, &url);
        out.add(&distribution, dcat::ACCESS_URL, &url);
        let media_type = format!("https://www.iana.org/assignments/media-types/{}", dump.media_type());
        out.add(&distribution, dcat::MEDIA_TYPE, &NamedNode::new_unchecked(media_type));
        out.add(&distribution, dcterms::FORMAT, NamedNodeRef::new_unchecked(format::w3c_iri(*dump)));
        out.add(&distribution, dcterms::LICENSE, license);
    }
}

fn tagged(text: &Text) -> Literal {
    Literal::new_language_tagged_literal_unchecked(&text.value, &text.lang)
}
