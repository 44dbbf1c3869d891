//! Walking the graph: `related`, `central` and `graph` on known neighbourhoods of the report, every explanation
//! checked against the store.

use crate::{bin, graph, select, texts};
use qingpu_kg::KnowledgeGraph;
use qingpu_kg::walk::{self, KindFilter, Options, Query, Relation, View};
use std::collections::BTreeSet;

/// The ids of the related entities.
fn related_ids(kg: &KnowledgeGraph, view: &View, entity: &str, query: Query) -> BTreeSet<String> {
    let related = walk::related(kg, view, entity, query).expect("the entity resolves");
    related.results.iter().map(|f| kg.inputs.data.entities[f.entity].id.clone()).collect()
}

/// The subjects of `predicate` relations whose object is `object`, from the curated rows.
fn subjects_of(kg: &KnowledgeGraph, predicate: &str, object: &str) -> BTreeSet<String> {
    kg.inputs
        .data
        .relations
        .iter()
        .filter(|r| r.predicate.key == predicate && r.object == object)
        .map(|r| r.subject.clone())
        .collect()
}

#[test]
fn a_bundle_policy_relates_its_parts_within_one_hop() {
    let kg = graph();
    let view = View::build(&kg, Options::default());
    let query = Query { depth: 1, limit: 100, kind: Some(KindFilter::Policy) };
    let found = related_ids(&kg, &view, "investment-project-measures-1-8", query);
    let parts = subjects_of(&kg, "part-of", "investment-project-measures-1-8");
    assert_eq!(parts.len(), 9, "the 1 general and 8 sub-measures");
    assert!(parts.is_subset(&found), "missing: {:?}", parts.difference(&found).collect::<Vec<_>>());
    // Without co-mentions the parts are the policies at one hop, and they come first.
    let view = View::build(&kg, Options { co_mentions: false });
    let related = walk::related(&kg, &view, "investment-project-measures-1-8", Query { limit: 9, ..query }).unwrap();
    let first: BTreeSet<String> =
        related.results.iter().map(|f| kg.inputs.data.entities[f.entity].id.clone()).collect();
    assert_eq!(first, parts);
}

#[test]
fn a_town_relates_its_projects() {
    let kg = graph();
    let view = View::build(&kg, Options { co_mentions: false });
    let query = Query { depth: 1, limit: 100, kind: Some(KindFilter::Project) };
    let found = related_ids(&kg, &view, "chonggu", query);
    let projects: BTreeSet<String> = subjects_of(&kg, "located-in", "chonggu")
        .into_iter()
        .filter(|id| kg.inputs.data.get(id).is_some_and(|e| e.kind == qingpu_kg::kinds::Kind::Project))
        .collect();
    assert!(projects.len() >= 5, "{projects:?}");
    assert_eq!(found, projects, "at one hop without co-mentions, the projects located in the town");
    // By its Chinese label, with co-mentions: the same projects lead.
    let view = View::build(&kg, Options::default());
    let related = walk::related(&kg, &view, "重固", Query { limit: projects.len(), ..query }).unwrap();
    let leading = related.results.iter().filter(|f| projects.contains(&kg.inputs.data.entities[f.entity].id)).count();
    assert!(leading * 2 > projects.len(), "most of the town's projects lead: {leading} of {}", projects.len());
}

#[test]
fn a_glossary_term_relates_its_parts_and_what_it_denotes() {
    let kg = graph();
    let view = View::build(&kg, Options::default());
    let query = Query { depth: 1, limit: 200, kind: None };
    let term = "term-one-city-two-wings-one-belt-three-cores";
    let found = related_ids(&kg, &view, term, query);
    let parts: BTreeSet<String> = kg
        .inputs
        .data
        .entities
        .iter()
        .filter(
            |e| matches!(&e.detail, qingpu_kg::facts::curated::Detail::Concept { broader: Some(b), .. } if b == term),
        )
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(parts.len(), 5, "一城, 东翼, 西翼, 一带, 三核");
    assert!(parts.is_subset(&found), "missing: {:?}", parts.difference(&found).collect::<Vec<_>>());
    let found = related_ids(&kg, &view, "term-investment-measures-1-8", query);
    assert!(found.contains("investment-project-measures-1-8"), "the policy the term denotes");
}

/// Checks that every step of every path is an edge of the store (or, for a co-mention, that one paragraph
/// names both), that each path is connected and runs from the seed to its result.
fn check_paths(kg: &KnowledgeGraph, view: &View, entity: &str, depth: u32) -> usize {
    let related = walk::related(kg, view, entity, Query { depth, limit: 1000, kind: None }).unwrap();
    let iri = |n| {
        let e = &kg.inputs.data.entities[view.entity(n)];
        kg.inputs.iris.entity(e.kind, &e.id).as_str().to_owned()
    };
    let mut steps = 0;
    for found in &related.results {
        let path = &found.path;
        assert!(!path.is_empty() && path.len() <= depth as usize * 4, "{path:?}");
        assert_eq!(view.entity(path[0].from), related.seed);
        assert_eq!(view.entity(path[path.len() - 1].to), found.entity);
        for pair in path.windows(2) {
            assert_eq!(pair[0].to, pair[1].from, "{path:?}");
        }
        for step in path {
            let (subject, relation, object) = view.edge(step.edge);
            assert!(
                (subject, object) == (step.from, step.to) || (subject, object) == (step.to, step.from),
                "{step:?} walks its edge"
            );
            let (s, o) = (iri(subject), iri(object));
            let triple = match relation {
                Relation::Curated(p) if p.reversed => format!("<{o}> <{}> <{s}>", p.property.as_str()),
                Relation::Curated(p) => format!("<{s}> <{}> <{o}>", p.property.as_str()),
                Relation::Broader => format!("<{s}> skos:broader <{o}>"),
                Relation::CoMention { .. } => {
                    let (a, b) = (view.entity(subject), view.entity(object));
                    let paragraphs = |e| kg.inputs.mentions.iter().filter(move |m| m.entity == e).map(|m| m.paragraph);
                    let of_a: BTreeSet<usize> = paragraphs(a).collect();
                    assert!(paragraphs(b).any(|p| of_a.contains(&p)), "{s} and {o} share a paragraph");
                    steps += 1;
                    continue;
                }
            };
            let rows = select(kg, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ {triple} }}"));
            assert_eq!(rows, vec![vec!["1".to_owned()]], "not in the store: {triple}");
            steps += 1;
        }
    }
    steps
}

#[test]
fn every_step_of_every_explanation_is_an_edge_of_the_graph() {
    let kg = graph();
    let with = View::build(&kg, Options::default());
    let without = View::build(&kg, Options { co_mentions: false });
    let mut steps = 0;
    for entity in
        ["investment-project-measures-1-8", "chonggu", "one-network-government-services", "一城两翼、一带三核"]
    {
        steps += check_paths(&kg, &with, entity, 2);
        steps += check_paths(&kg, &without, entity, 3);
    }
    assert!(steps > 500, "{steps} steps checked");
}

#[test]
fn the_same_question_gives_the_same_answer() {
    let run = |args: &[&str]| {
        let output = bin().args(args).output().expect("run");
        assert!(output.status.success(), "{}", texts(&output).1);
        output.stdout
    };
    for args in [
        &["related", "chonggu", "--format", "json"][..],
        &["related", "一网通办", "--depth", "3", "--limit", "30"],
        &["central", "--limit", "15"],
        &["graph", "--around", "chonggu", "--depth", "2", "--format", "graphml"],
    ] {
        assert_eq!(run(args), run(args), "{args:?}");
    }
}

#[test]
fn related_prints_rank_score_labels_and_path() {
    let output = bin().args(["related", "investment-project-measures-1-8", "--depth", "1"]).output().unwrap();
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("—part of→") || stdout.contains("←part of—"), "{stdout}");
    assert!(stdout.contains("稽察办法") && stdout.contains("Inspection measures"), "{stdout}");
    let output = bin().args(["related", "chonggu", "--format", "json", "--limit", "3"]).output().unwrap();
    let stdout = texts(&output).0;
    assert!(stdout.starts_with("[\n") && stdout.ends_with("]\n"), "{stdout}");
    let found: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("a JSON array");
    assert_eq!(found.iter().map(|f| f["rank"].as_u64()).collect::<Vec<_>>(), [Some(1), Some(2), Some(3)], "{stdout}");
    let steps = found.iter().flat_map(|f| f["path"].as_array().expect("a path"));
    assert!(steps.clone().all(|s| s["from"].is_string() && s["to"].is_string() && s["weight"].is_f64()), "{stdout}");
    assert!(steps.clone().any(|s| s["relation"] == "located-in" && s["direction"] == "backward"), "{stdout}");
    let output = bin().args(["related", "chonggu", "--format", "dot", "--limit", "3"]).output().unwrap();
    let stdout = texts(&output).0;
    assert!(stdout.starts_with("digraph related {") && stdout.contains("\"chonggu\" [label="), "{stdout}");
}

#[test]
fn central_lists_ranks_and_named_communities() {
    let output = bin().args(["central", "--kind", "policy", "--limit", "5"]).output().unwrap();
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    let ranked: Vec<&str> = stdout.lines().skip(1).take_while(|l| !l.is_empty()).collect();
    assert_eq!(ranked.len(), 5, "{stdout}");
    assert!(ranked.iter().all(|l| l.contains("policy")), "{stdout}");
    assert!(stdout.contains("communities"), "{stdout}");
}

#[test]
fn graph_writes_dot_graphml_and_json() {
    let output = bin().args(["graph", "--around", "chonggu", "--format", "graphml"]).output().unwrap();
    let stdout = texts(&output).0;
    for key in ["label_zh", "label_en", "kind", "relation", "weight"] {
        assert!(stdout.contains(&format!("<key id=\"{key}\"")), "{key}");
    }
    assert!(stdout.contains("<node id=\"chonggu\">") && stdout.contains("<data key=\"relation\">located-in</data>"));
    let output = bin().args(["graph", "--format", "json", "--no-co-mentions"]).output().unwrap();
    let graph: serde_json::Value = serde_json::from_str(&texts(&output).0).expect("a JSON object");
    let (nodes, edges) = (graph["nodes"].as_array().expect("nodes"), graph["edges"].as_array().expect("edges"));
    assert!(nodes.iter().any(|n| n["id"] == "chonggu" && n["label_zh"] == "重固" && n["kind"] == "place"));
    assert!(!edges.is_empty() && edges.iter().all(|e| e["relation"] != "co-mention"), "{edges:?}");
    let output = bin().args(["graph"]).output().unwrap();
    assert!(texts(&output).0.starts_with("digraph qingpu {"));
}

#[test]
fn a_bad_entity_exits_2() {
    for args in [
        &["related", "不存在的地方"][..],
        &["related", "“1+8”管理办法"],
        &["graph", "--around", "nowhere-at-all"],
        &["related", "status"],
    ] {
        let output = bin().args(args).output().unwrap();
        let (stdout, stderr) = texts(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stdout.is_empty() && stderr.starts_with("error: "), "{args:?}: {stderr}");
    }
    let output = bin().args(["related", "“1+8”管理办法"]).output().unwrap();
    assert!(texts(&output).1.contains("investment-project-measures-1-8"), "the candidates are listed");
}

#[test]
fn the_picture_is_svg_with_every_node_labelled_and_coloured() {
    let run = || bin().args(["graph", "--around", "chonggu", "--depth", "1", "--format", "svg"]).output().expect("run");
    let output = run();
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && stdout.trim_end().ends_with("</svg>"));
    let json = bin().args(["graph", "--around", "chonggu", "--depth", "1", "--format", "json"]).output().expect("run");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("a JSON object");
    let nodes = json["nodes"].as_array().expect("nodes").len();
    assert!(nodes > 10, "{json}");
    assert_eq!(stdout.matches("<g><title>").count(), nodes, "one labelled disc a node");
    for label in ["重固", "重固镇九年一贯制学校", "青浦区"] {
        assert!(stdout.contains(&format!(">{label}</text>")), "{label}");
    }
    assert!(
        stdout.contains("fill=\"#2ca02c\"") && stdout.contains("fill=\"#1f77b4\""),
        "places and projects differ in colour"
    );
    assert_eq!(run().stdout, output.stdout, "the same nodes give the same picture");
}

#[test]
fn the_picture_in_readme_is_the_one_the_command_draws() {
    let output = bin().args(["graph", "--around", "chonggu", "--depth", "1", "--format", "svg"]).output().expect("run");
    let committed = std::fs::read(crate::root().join("docs/chonggu.svg")).expect("docs/chonggu.svg");
    assert_eq!(output.stdout, committed, "regenerate docs/chonggu.svg after a change of data or layout");
}
