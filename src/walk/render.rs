//! The output of the walk: related entities as text, JSON or DOT; central entities as text; the view or a
//! neighbourhood as DOT (Graphviz), GraphML (Gephi), JSON or an SVG picture. Everything is written to a `Write` the caller gives.

use super::net::Step;
use super::{Central, Related, Relation, View};
use crate::build::KnowledgeGraph;
use crate::facts::curated::Entity;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// The formats of `related`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelatedFormat {
    Text,
    Json,
    Dot,
}

/// The formats of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Text escaped for XML and for DOT's quoted strings.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn dot(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn entity_json(kg: &KnowledgeGraph, e: &Entity) -> String {
    format!(
        "\"id\": {}, \"iri\": {}, \"kind\": {}, \"label_zh\": {}, \"label_en\": {}",
        crate::json::string(&e.id),
        crate::json::string(kg.inputs.iris.entity(e.kind, &e.id).as_str()),
        crate::json::string(e.kind.name()),
        crate::json::string(&e.label_zh),
        crate::json::string(&e.label_en)
    )
}

/// Writes the related entities.
pub fn write_related(
    kg: &KnowledgeGraph,
    view: &View,
    related: &Related,
    format: RelatedFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let seed = &kg.inputs.data.entities[related.seed];
    match format {
        RelatedFormat::Text => {
            writeln!(out, "related to {} ({} `{}`, {})", seed.label_zh, seed.kind.name(), seed.id, seed.label_en)?;
            for (rank, found) in related.results.iter().enumerate() {
                let e = &kg.inputs.data.entities[found.entity];
                writeln!(
                    out,
                    "{:>3}  {:.4}  {:<12}  {}  {}",
                    rank + 1,
                    found.score,
                    e.kind.name(),
                    e.label_zh,
                    e.label_en
                )?;
                writeln!(out, "                          {}", path_text(kg, view, &found.path))?;
            }
            if related.results.is_empty() {
                writeln!(out, "(nothing within reach)")?;
            }
        }
        RelatedFormat::Json => {
            writeln!(out, "[")?;
            for (rank, found) in related.results.iter().enumerate() {
                let e = &kg.inputs.data.entities[found.entity];
                let steps: Vec<String> = found
                    .path
                    .iter()
                    .map(|step| {
                        let (subject, relation, _) = view.edge(step.edge);
                        format!(
                            "{{\"from\": {}, \"to\": {}, \"relation\": {}, \"direction\": {}, \"weight\": {}}}",
                            crate::json::string(&entity(kg, view, step.from).id),
                            crate::json::string(&entity(kg, view, step.to).id),
                            crate::json::string(relation.key()),
                            crate::json::string(if subject == step.from { "forward" } else { "backward" }),
                            relation.weight()
                        )
                    })
                    .collect();
                let comma = if rank + 1 < related.results.len() { "," } else { "" };
                writeln!(
                    out,
                    "  {{\"rank\": {}, \"score\": {:.6}, {}, \"path\": [{}]}}{comma}",
                    rank + 1,
                    found.score,
                    entity_json(kg, e),
                    steps.join(", ")
                )?;
            }
            writeln!(out, "]")?;
        }
        RelatedFormat::Dot => {
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
            writeln!(out, "}}")?;
        }
    }
    Ok(())
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

/// Writes the nodes `nodes` of the view and the edges between them.
pub fn write_graph(
    kg: &KnowledgeGraph,
    view: &View,
    nodes: &[NodeIndex],
    format: GraphFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let kept: BTreeSet<NodeIndex> = nodes.iter().copied().collect();
    let edges: Vec<(NodeIndex, Relation, NodeIndex)> = view
        .graph
        .edge_references()
        .filter(|e| kept.contains(&e.source()) && kept.contains(&e.target()))
        .map(|e| (e.source(), *e.weight(), e.target()))
        .collect();
    let id = |n: NodeIndex| &entity(kg, view, n).id;
    match format {
        GraphFormat::Dot => {
            writeln!(out, "digraph qingpu {{")?;
            writeln!(out, "  node [shape=box, fontname=\"Noto Sans CJK SC\"];")?;
            for &n in nodes {
                let e = entity(kg, view, n);
                writeln!(out, "  {} [label={}, kind={}];", dot(&e.id), dot(&e.label_zh), dot(e.kind.name()))?;
            }
            for (s, relation, o) in &edges {
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
            writeln!(out, "}}")?;
        }
        GraphFormat::Graphml => {
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
            writeln!(out, "  </graph>\n</graphml>")?;
        }
        GraphFormat::Svg => super::svg::write(kg, view, nodes, &edges, out)?,
        GraphFormat::Json => {
            writeln!(out, "{{\"nodes\": [")?;
            for (i, &n) in nodes.iter().enumerate() {
                let comma = if i + 1 < nodes.len() { "," } else { "" };
                writeln!(out, "  {{{}}}{comma}", entity_json(kg, entity(kg, view, n)))?;
            }
            writeln!(out, "], \"edges\": [")?;
            for (i, (s, relation, o)) in edges.iter().enumerate() {
                let comma = if i + 1 < edges.len() { "," } else { "" };
                writeln!(
                    out,
                    "  {{\"source\": {}, \"target\": {}, \"relation\": {}, \"weight\": {}}}{comma}",
                    crate::json::string(id(*s)),
                    crate::json::string(id(*o)),
                    crate::json::string(relation.key()),
                    relation.weight()
                )?;
            }
            writeln!(out, "]}}")?;
        }
    }
    Ok(())
}
