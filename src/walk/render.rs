//! The output of the walk: related entities as text, JSON or DOT; central entities as text; the view or a
//! neighbourhood as DOT (Graphviz), GraphML (Gephi), JSON or an SVG picture. Everything is written to a `Write`
//! the caller gives.

use super::net::Step;
use super::xml;
use super::{Central, Related, Relation, View};
use crate::build::KnowledgeGraph;
use crate::facts::curated::Entity;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// The formats of `related`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RelatedFormat {
    Text,
    Json,
    Dot,
}

/// The formats of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Graphml,
    Json,
    /// A picture: a force-directed layout, nodes coloured by kind, Chinese labels.
    Svg,
}

fn entity<'a>(kg: &'a KnowledgeGraph, view: &View, node: NodeIndex) -> &'a Entity {
    &kg.inputs.data.entities[view.entity(node)]
}

/// A path in labels: `一网通办 —part of→ 放管服改革 —theme→ 营商环境 ←theme— 一窗受理`.
pub fn path_text(kg: &KnowledgeGraph, view: &View, path: &[Step]) -> String {
    let mut text = String::new();
    for (i, step) in path.iter().enumerate() {
        if i == 0 {
            text.push_str(&entity(kg, view, step.from).label_zh);
        }
        let (subject, relation, _) = view.edge(step.edge);
        let name = relation.name();
        if subject == step.from {
            text.push_str(&format!(" —{name}→ "));
        } else {
            text.push_str(&format!(" ←{name}— "));
        }
        text.push_str(&entity(kg, view, step.to).label_zh);
    }
    text
}

/// Text as a quoted string of DOT.
fn dot(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An entity in the JSON outputs.
#[derive(Serialize)]
struct EntityJson<'a> {
    id: &'a str,
    iri: String,
    kind: &'static str,
    label_zh: &'a str,
    label_en: &'a str,
}

impl<'a> EntityJson<'a> {
    fn new(kg: &KnowledgeGraph, e: &'a Entity) -> Self {
        Self {
            id: &e.id,
            iri: kg.inputs.iris.entity(e.kind, &e.id).into_string(),
            kind: e.kind.name(),
            label_zh: &e.label_zh,
            label_en: &e.label_en,
        }
    }
}

/// One related entity in the JSON of `related`: its rank and score, the entity, and the path to it.
#[derive(Serialize)]
struct FoundJson<'a> {
    rank: usize,
    #[serde(serialize_with = "six_decimals")]
    score: f64,
    #[serde(flatten)]
    entity: EntityJson<'a>,
    path: Vec<StepJson<'a>>,
}

/// One step of a path: from and to (entity ids), the relation and whether the step follows it or goes back.
#[derive(Serialize)]
struct StepJson<'a> {
    from: &'a str,
    to: &'a str,
    relation: &'static str,
    direction: &'static str,
    weight: f64,
}

/// The nodes and edges of `graph --format json`.
#[derive(Serialize)]
struct GraphJson<'a> {
    nodes: Vec<EntityJson<'a>>,
    edges: Vec<EdgeJson<'a>>,
}

#[derive(Serialize)]
struct EdgeJson<'a> {
    source: &'a str,
    target: &'a str,
    relation: &'static str,
    weight: f64,
}

/// A score with six decimals, as the text output rounds it (the digits past them are noise of the walk).
fn six_decimals<S: serde::Serializer>(score: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(format!("{score:.6}").parse().unwrap_or(*score))
}

/// `value` as indented JSON and a newline.
fn write_json(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Writes the related entities.
pub fn write_related(
    kg: &KnowledgeGraph,
    view: &View,
    related: &Related,
    format: RelatedFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        RelatedFormat::Text => related_text(kg, view, related, out),
        RelatedFormat::Json => write_json(&related_json(kg, view, related), out),
        RelatedFormat::Dot => related_dot(kg, view, related, out),
    }
}

fn related_text(kg: &KnowledgeGraph, view: &View, related: &Related, out: &mut dyn Write) -> io::Result<()> {
    let seed = &kg.inputs.data.entities[related.seed];
    writeln!(out, "related to {} ({} `{}`, {})", seed.label_zh, seed.kind.name(), seed.id, seed.label_en)?;
    for (rank, found) in related.results.iter().enumerate() {
        let e = &kg.inputs.data.entities[found.entity];
        writeln!(out, "{:>3}  {:.4}  {:<12}  {}  {}", rank + 1, found.score, e.kind.name(), e.label_zh, e.label_en)?;
        writeln!(out, "                          {}", path_text(kg, view, &found.path))?;
    }
    if related.results.is_empty() {
        writeln!(out, "(nothing within reach)")?;
    }
    Ok(())
}

fn related_json<'a>(kg: &'a KnowledgeGraph, view: &View, related: &Related) -> Vec<FoundJson<'a>> {
    let step = |step: &Step| {
        let (subject, relation, _) = view.edge(step.edge);
        StepJson {
            from: &entity(kg, view, step.from).id,
            to: &entity(kg, view, step.to).id,
            relation: relation.key(),
            direction: if subject == step.from { "forward" } else { "backward" },
            weight: relation.weight(),
        }
    };
    related
        .results
        .iter()
        .enumerate()
        .map(|(rank, found)| FoundJson {
            rank: rank + 1,
            score: found.score,
            entity: EntityJson::new(kg, &kg.inputs.data.entities[found.entity]),
            path: found.path.iter().map(step).collect(),
        })
        .collect()
}

fn related_dot(kg: &KnowledgeGraph, view: &View, related: &Related, out: &mut dyn Write) -> io::Result<()> {
    let mut nodes = BTreeSet::from([view.node(related.seed).unwrap_or_default()]);
    let mut edges = BTreeSet::new();
    for found in &related.results {
        for step in &found.path {
            nodes.extend([step.from, step.to]);
            edges.insert(step.edge);
        }
    }
    writeln!(out, "digraph related {{")?;
    writeln!(out, "  node [shape=box, fontname=\"Noto Sans CJK SC\"];")?;
    for &node in &nodes {
        let e = entity(kg, view, node);
        let style = if view.entity(node) == related.seed { ", style=bold, penwidth=2" } else { "" };
        writeln!(out, "  {} [label={}{style}];", dot(&e.id), dot(&format!("{}\n{}", e.label_zh, e.label_en)))?;
    }
    for &edge in &edges {
        let (s, relation, o) = view.edge(edge);
        let (s, o) = (&entity(kg, view, s).id, &entity(kg, view, o).id);
        writeln!(out, "  {} -> {} [label={}];", dot(s), dot(o), dot(&relation.name()))?;
    }
    writeln!(out, "}}")
}

/// Writes the central entities and the communities.
pub fn write_central(kg: &KnowledgeGraph, central: &Central, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "rank  pagerank  betweenness  kind          entity")?;
    for (rank, &(e, pagerank, betweenness)) in central.ranked.iter().enumerate() {
        let e = &kg.inputs.data.entities[e];
        writeln!(
            out,
            "{:>4}  {pagerank:.5}   {betweenness:.5}    {:<12}  {}  {}",
            rank + 1,
            e.kind.name(),
            e.label_zh,
            e.label_en
        )?;
    }
    writeln!(out, "\ncommunities (label propagation), named by their member of highest PageRank:")?;
    for community in &central.communities {
        let name = &kg.inputs.data.entities[community[0]];
        let members: Vec<&str> =
            community.iter().skip(1).take(8).map(|&e| kg.inputs.data.entities[e].label_zh.as_str()).collect();
        let more = if community.len() > 9 { " …" } else { "" };
        writeln!(out, "  {} ({}, {}): {}{more}", name.label_zh, name.label_en, community.len(), members.join("、"))?;
    }
    Ok(())
}

/// An edge of the view between two kept nodes.
type Edge = (NodeIndex, Relation, NodeIndex);

/// Writes the nodes `nodes` of the view and the edges between them.
pub fn write_graph(
    kg: &KnowledgeGraph,
    view: &View,
    nodes: &[NodeIndex],
    format: GraphFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let kept: BTreeSet<NodeIndex> = nodes.iter().copied().collect();
    let edges: Vec<Edge> = view
        .graph
        .edge_references()
        .filter(|e| kept.contains(&e.source()) && kept.contains(&e.target()))
        .map(|e| (e.source(), *e.weight(), e.target()))
        .collect();
    match format {
        GraphFormat::Dot => graph_dot(kg, view, nodes, &edges, out),
        GraphFormat::Graphml => graph_graphml(kg, view, nodes, &edges, out),
        GraphFormat::Svg => super::svg::write(kg, view, nodes, &edges, out),
        GraphFormat::Json => write_json(&graph_json(kg, view, nodes, &edges), out),
    }
}

fn graph_dot(
    kg: &KnowledgeGraph,
    view: &View,
    nodes: &[NodeIndex],
    edges: &[Edge],
    out: &mut dyn Write,
) -> io::Result<()> {
    let id = |n: NodeIndex| &entity(kg, view, n).id;
    writeln!(out, "digraph qingpu {{")?;
    writeln!(out, "  node [shape=box, fontname=\"Noto Sans CJK SC\"];")?;
    for &n in nodes {
        let e = entity(kg, view, n);
        writeln!(out, "  {} [label={}, kind={}];", dot(&e.id), dot(&e.label_zh), dot(e.kind.name()))?;
    }
    for (s, relation, o) in edges {
        let style = if matches!(relation, Relation::CoMention { .. }) { ", style=dotted" } else { "" };
        writeln!(
            out,
            "  {} -> {} [label={}, weight={}{style}];",
            dot(id(*s)),
            dot(id(*o)),
            dot(&relation.name()),
            relation.weight()
        )?;
    }
    writeln!(out, "}}")
}

fn graph_graphml(
    kg: &KnowledgeGraph,
    view: &View,
    nodes: &[NodeIndex],
    edges: &[Edge],
    out: &mut dyn Write,
) -> io::Result<()> {
    let id = |n: NodeIndex| &entity(kg, view, n).id;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">")?;
    for (key, on, name, kind) in [
        ("label_zh", "node", "label_zh", "string"),
        ("label_en", "node", "label_en", "string"),
        ("kind", "node", "kind", "string"),
        ("relation", "edge", "relation", "string"),
        ("weight", "edge", "weight", "double"),
    ] {
        writeln!(out, "  <key id=\"{key}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>")?;
    }
    writeln!(out, "  <graph id=\"qingpu\" edgedefault=\"directed\">")?;
    for &n in nodes {
        let e = entity(kg, view, n);
        writeln!(
            out,
            "    <node id=\"{}\"><data key=\"label_zh\">{}</data><data key=\"label_en\">{}</data><data key=\"kind\">{}</data></node>",
            xml(&e.id),
            xml(&e.label_zh),
            xml(&e.label_en),
            e.kind.name()
        )?;
    }
    for (i, (s, relation, o)) in edges.iter().enumerate() {
        writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{}</data><data key=\"weight\">{}</data></edge>",
            xml(id(*s)),
            xml(id(*o)),
            relation.key(),
            relation.weight()
        )?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}

fn graph_json<'a>(kg: &'a KnowledgeGraph, view: &View, nodes: &[NodeIndex], edges: &[Edge]) -> GraphJson<'a> {
    let id = |n: NodeIndex| entity(kg, view, n).id.as_str();
    GraphJson {
        nodes: nodes.iter().map(|&n| EntityJson::new(kg, entity(kg, view, n))).collect(),
        edges: edges
            .iter()
            .map(|(s, relation, o)| EdgeJson {
                source: id(*s),
                target: id(*o),
                relation: relation.key(),
                weight: relation.weight(),
            })
            .collect(),
    }
}
