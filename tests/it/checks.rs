//! Each integrity check finds the violation it is written for (checked on the real graph, made wrong on purpose).

use crate::graph;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

const BASE: &str = "https://w3id.org/qingpu-kg/";

fn iri(path: &str) -> NamedNode {
    let iri = if path.starts_with("http") { path.to_owned() } else { format!("{BASE}{path}") };
    NamedNode::new(iri).expect("IRI")
}

/// A triple to add.
type Triple = (NamedNode, NamedNode, oxigraph::model::Term);

/// Builds the graph, adds `triples` to the facts graph, and gives the rows the check `name` returns.
fn rows_of(name: &str, triples: &[Triple]) -> Vec<String> {
    let graph = graph();
    let facts = GraphName::from(iri("graph/facts"));
    for (s, p, o) in triples {
        graph.store.insert(&Quad::new(s.clone(), p.clone(), o.clone(), facts.clone())).expect("insert");
    }
    let report = qingpu_kg::validate::validate(&graph).expect("validate");
    report.checks.into_iter().find(|(n, _)| n == name).map(|(_, rows)| rows).expect("a check of that name")
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

#[test]
fn the_checks_pass_on_the_data_and_fail_on_their_violation() {
    let zhujiajiao = iri("id/place/zhujiajiao");
    let cases: Vec<(&str, Vec<Triple>)> = vec![
        (
            "dangling-reference",
            vec![(zhujiajiao.clone(), iri("https://schema.org/containedInPlace"), iri("id/place/atlantis").into())],
        ),
        ("missing-annotation", vec![(iri("id/place/atlantis"), iri(RDF_TYPE), iri("https://schema.org/Place").into())]),
        (
            "label-languages",
            vec![(
                zhujiajiao.clone(),
                iri("http://www.w3.org/2000/01/rdf-schema#label"),
                Literal::new_language_tagged_literal_unchecked("朱家角", "en").into(),
            )],
        ),
        (
            "undeclared-term",
            vec![(
                zhujiajiao.clone(),
                iri("https://w3id.org/qingpu-kg/ontology#nonsense"),
                Literal::new_simple_literal("x").into(),
            )],
        ),
        (
            "unthemed",
            vec![(
                iri("id/project/atlantis"),
                iri(RDF_TYPE),
                iri("https://w3id.org/qingpu-kg/ontology#Project").into(),
            )],
        ),
        (
            "span-length",
            vec![
                (iri("id/x/target"), iri("http://www.w3.org/ns/oa#hasSelector"), iri("id/x/quote").into()),
                (iri("id/x/target"), iri("http://www.w3.org/ns/oa#hasSelector"), iri("id/x/position").into()),
                (iri("id/x/quote"), iri(RDF_TYPE), iri("http://www.w3.org/ns/oa#TextQuoteSelector").into()),
                (iri("id/x/quote"), iri("http://www.w3.org/ns/oa#exact"), Literal::new_simple_literal("青浦").into()),
                (iri("id/x/position"), iri(RDF_TYPE), iri("http://www.w3.org/ns/oa#TextPositionSelector").into()),
                (iri("id/x/position"), iri("http://www.w3.org/ns/oa#start"), Literal::from(10).into()),
                (iri("id/x/position"), iri("http://www.w3.org/ns/oa#end"), Literal::from(13).into()),
            ],
        ),
    ];
    for (name, triples) in cases {
        assert!(rows_of(name, &[]).is_empty(), "{name} passes on the data");
        assert!(!rows_of(name, &triples).is_empty(), "{name} finds its violation");
    }
}

#[test]
fn two_observations_of_one_cell_are_found() {
    let graph = graph();
    let facts = GraphName::from(iri("graph/facts"));
    let original = iri("id/observation/tax-revenue-2019");
    let copy = iri("id/observation/tax-revenue-2019-again");
    let quads: Vec<Quad> = graph
        .store
        .quads_for_pattern(Some(original.as_ref().into()), None, None, None)
        .collect::<Result<_, _>>()
        .expect("quads");
    assert!(!quads.is_empty(), "the observation exists");
    for quad in quads {
        graph.store.insert(&Quad::new(copy.clone(), quad.predicate, quad.object, facts.clone())).expect("insert");
    }
    let report = qingpu_kg::validate::validate(&graph).expect("validate");
    let rows = &report.checks.iter().find(|(n, _)| n == "observation-dimensions").expect("check").1;
    assert_eq!(rows.len(), 1, "{rows:?}");
}
