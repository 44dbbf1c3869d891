//! The SHACL validator on small graphs: each constraint it implements finds its violation.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, Triple};
use qingpu_kg::validate::shacl::Shapes;

const PREFIXES: &str = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

fn graph(turtle: &str) -> Graph {
    let mut graph = Graph::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(&format!("{PREFIXES}{turtle}")) {
        graph.insert(&Triple::from(quad.expect("valid Turtle")));
    }
    graph
}

fn components(shapes: &str, data: &str) -> Vec<String> {
    let shapes = Shapes::from_graph(&graph(shapes)).expect("shapes load");
    shapes.validate(&graph(data)).into_iter().map(|v| v.component).collect()
}

const SHAPES: &str = "
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:maxCount 2 ; sh:languageIn ( \"zh\" \"en\" ) ; sh:uniqueLang true ] ;
  sh:property [ sh:path ex:code ; sh:datatype xsd:string ; sh:pattern \"^[0-9]{6}$\" ] ;
  sh:property [ sh:path ex:part ; sh:class ex:Thing ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path ex:colour ; sh:in ( ex:Red ex:Blue ) ] ;
  sh:property [ sh:path ex:kind ; sh:hasValue ex:Good ] ;
  sh:property [ sh:path [ sh:inversePath ex:owns ] ; sh:maxCount 1 ] .
";

const GOOD: &str = "ex:a a ex:Thing ; rdfs:label \"甲\"@zh , \"A\"@en ; ex:code \"310118\" ; ex:part ex:b ;
  ex:colour ex:Red ; ex:kind ex:Good .
ex:b a ex:Special ; rdfs:label \"乙\"@zh ; ex:kind ex:Good .
ex:Special rdfs:subClassOf ex:Thing .
ex:owner ex:owns ex:a .";

#[test]
fn conforming_data_has_no_violation_and_subclasses_are_targets() {
    assert!(components(SHAPES, GOOD).is_empty());
    // ex:b is a target only through rdfs:subClassOf: without its label it violates sh:minCount.
    let data = GOOD.replace("ex:b a ex:Special ; rdfs:label \"乙\"@zh ;", "ex:b a ex:Special ;");
    assert_eq!(components(SHAPES, &data), ["sh:minCount"]);
}

#[test]
fn each_constraint_finds_its_violation() {
    let cases = [
        (
            "rdfs:label \"甲\"@zh , \"A\"@en ;",
            "rdfs:label \"甲\"@zh , \"A\"@en , \"Ä\"@de ;",
            vec!["sh:languageIn", "sh:maxCount"],
        ),
        ("rdfs:label \"甲\"@zh , \"A\"@en ;", "rdfs:label \"甲\"@zh , \"乙\"@zh ;", vec!["sh:uniqueLang"]),
        ("ex:code \"310118\"", "ex:code \"31011\"", vec!["sh:pattern"]),
        ("ex:code \"310118\"", "ex:code 310118", vec!["sh:datatype"]),
        ("ex:part ex:b", "ex:part ex:c", vec!["sh:class"]),
        ("ex:part ex:b", "ex:part \"b\"", vec!["sh:class", "sh:nodeKind"]),
        ("ex:colour ex:Red", "ex:colour ex:Green", vec!["sh:in"]),
        ("ex:colour ex:Red ; ex:kind ex:Good .", "ex:colour ex:Red .", vec!["sh:hasValue"]),
        ("ex:owner ex:owns ex:a .", "ex:owner ex:owns ex:a . ex:thief ex:owns ex:a .", vec!["sh:maxCount"]),
    ];
    for (good, bad, expected) in cases {
        let data = GOOD.replacen(good, bad, 1);
        assert_ne!(data, GOOD, "the case must change the data: {good}");
        let mut found = components(SHAPES, &data);
        found.sort();
        assert_eq!(found, expected, "{bad}");
    }
}

#[test]
fn a_constraint_the_validator_does_not_implement_is_refused() {
    let shapes =
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:p ; sh:qualifiedMinCount 1 ] .";
    let error = Shapes::from_graph(&graph(shapes)).err().expect("refused");
    assert!(error.to_string().contains("sh:qualifiedMinCount is not implemented"), "{error}");
}

#[test]
fn the_project_shapes_load() {
    let shapes = qingpu_kg::validate::shapes().expect("ontology/shapes.ttl loads");
    assert!(shapes.len() >= 20);
}
