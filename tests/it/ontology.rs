//! The ontology declares every term the graph uses, each as what it is used as, so that the ontology with the data
//! is OWL 2 DL (what Protégé, the OWL API, owlready2 and ROBOT expect).

use crate::root;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};
use qingpu_kg::facts::extract::{self, Gazetteer};
use std::collections::{BTreeMap, BTreeSet};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// The datatypes of the OWL 2 datatype map that the graph uses; any other must be declared.
const OWL2_DATATYPES: &[&str] = &["string", "integer", "decimal", "boolean", "dateTime"];

/// The quads of the curated graph and of the report's extraction.
fn quads() -> Vec<Quad> {
    let graph = crate::graph();
    let mut quads: Vec<Quad> = graph.store.iter().collect::<Result<_, _>>().expect("quads");
    let source = extract::read(&root().join("data/source/qingpu-2020-government-work-report.md")).expect("report");
    let gazetteer = Gazetteer::read(&root().join("data/places.csv"), false).expect("gazetteer");
    quads.extend(qingpu_kg::build::extracted_quads(&extract::extract(&source, &gazetteer)));
    quads
}

/// What the ontology declares each IRI to be (`Class`, `ObjectProperty` …, by the local name of its type).
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let mut declared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(qingpu_kg::vocab::ONTOLOGY_TTL) {
        let quad = quad.expect("the ontology parses");
        if quad.predicate.as_str() == format!("{RDF}type")
            && let Term::NamedNode(class) = &quad.object
            && let Some(kind) = class.as_str().strip_prefix(OWL).or_else(|| class.as_str().strip_prefix(RDFS))
        {
            declared
                .entry(quad.subject.to_string().trim_matches(['<', '>']).to_owned())
                .or_default()
                .insert(kind.into());
        }
    }
    declared
}

fn builtin(iri: &str) -> bool {
    [RDF, RDFS, OWL].iter().any(|ns| iri.starts_with(ns))
}

#[test]
fn every_term_the_graph_uses_is_declared_as_what_it_is_used_as() {
    let declared = declared();
    let is = |iri: &str, kind: &str| declared.get(iri).is_some_and(|kinds| kinds.contains(kind));
    let (mut takes_iris, mut takes_literals, mut classes, mut datatypes) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for quad in quads() {
        let predicate = quad.predicate.as_str().to_owned();
        match &quad.object {
            Term::Literal(literal) => {
                datatypes.insert(literal.datatype().as_str().to_owned());
                takes_literals.insert(predicate.clone());
            }
            Term::NamedNode(object) => {
                if predicate == format!("{RDF}type") {
                    classes.insert(object.as_str().to_owned());
                }
                takes_iris.insert(predicate.clone());
            }
            _ => {}
        }
    }
    let mut wrong = Vec::new();
    for property in takes_iris.union(&takes_literals).filter(|p| !builtin(p)) {
        let ok = is(property, "AnnotationProperty")
            || (is(property, "ObjectProperty") && !takes_literals.contains(property))
            || (is(property, "DatatypeProperty") && !takes_iris.contains(property));
        if !ok {
            wrong.push(format!("{property}: declared {:?}", declared.get(property.as_str())));
        }
    }
    for class in classes.iter().filter(|c| !builtin(c) && !c.contains("/qingpu-kg/id/")) {
        if !is(class, "Class") {
            wrong.push(format!("{class}: used as a class, declared {:?}", declared.get(class.as_str())));
        }
    }
    for datatype in &datatypes {
        let in_owl2 = datatype.strip_prefix(XSD).is_some_and(|local| OWL2_DATATYPES.contains(&local))
            || datatype.starts_with(RDF);
        if !in_owl2 && !is(datatype, "Datatype") {
            wrong.push(format!("{datatype}: a datatype outside OWL 2's map, not declared"));
        }
    }
    assert!(wrong.is_empty(), "terms used but not declared as used:\n{}", wrong.join("\n"));
}

#[test]
fn no_term_is_declared_twice_as_different_kinds_of_property() {
    let clashes: Vec<String> = declared()
        .into_iter()
        .filter(|(_, kinds)| {
            ["ObjectProperty", "DatatypeProperty", "AnnotationProperty"].iter().filter(|k| kinds.contains(**k)).count()
                > 1
        })
        .map(|(iri, kinds)| format!("{iri}: {kinds:?}"))
        .collect();
    assert!(clashes.is_empty(), "OWL 2 DL keeps the kinds of property apart: {clashes:?}");
}
