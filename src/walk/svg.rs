//! A picture of the view or of a neighbourhood: a deterministic force-directed layout drawn as SVG.
//!
//! Nodes start on a circle in their given order and move under Fruchterman–Reingold forces (springs along the
//! edges, repulsion between all nodes) for a fixed number of rounds with a cooling step, so the same nodes give
//! the same picture. A node is a disc coloured by its kind with its Chinese label beside it (in a CJK sans-serif
//! font); a curated relation is a line, a co-mention a dotted one. Meant for a neighbourhood (`--around`): the
//! whole view draws, but as a crowd.

use super::xml;
use super::{Relation, View};
use crate::build::KnowledgeGraph;
use crate::kinds::Kind;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;
use std::io::{self, Write};

/// The drawing's side, in pixels.
const SIDE: f64 = 1200.0;
const ROUNDS: usize = 300;

/// The fill of a node by kind, and the legend's name for it.
fn colour(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Policy => ("#d62728", "policy"),
        Kind::Project => ("#1f77b4", "project"),
        Kind::Place => ("#2ca02c", "place"),
        Kind::Organization => ("#9467bd", "organisation"),
        Kind::Person => ("#8c564b", "person"),
        Kind::Event => ("#e377c2", "event"),
        Kind::Concept => ("#ff7f0e", "term or theme"),
        Kind::Task => ("#7f7f7f", "plan element"),
        Kind::Scheme => ("#bcbd22", "scheme"),
    }
}

/// Positions for `nodes`, in `[margin, SIDE - margin]²`.
fn layout(nodes: &[NodeIndex], edges: &[(usize, usize, f64)]) -> Vec<(f64, f64)> {
    let n = nodes.len().max(1);
    let area = SIDE * SIDE;
    let k = (area / n as f64).sqrt();
    let mut position: Vec<(f64, f64)> = (0..nodes.len())
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n as f64;
            let radius = SIDE * (0.25 + 0.15 * ((i * 7) % 11) as f64 / 11.0);
            (SIDE / 2.0 + radius * angle.cos(), SIDE / 2.0 + radius * angle.sin())
        })
        .collect();
    let mut temperature = SIDE / 10.0;
    for _ in 0..ROUNDS {
        let mut shift = vec![(0.0, 0.0); nodes.len()];
        for a in 0..nodes.len() {
            for b in (a + 1)..nodes.len() {
                let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
                let distance = (dx * dx + dy * dy).sqrt().max(0.01);
                let force = k * k / distance;
                let (fx, fy) = (dx / distance * force, dy / distance * force);
                shift[a].0 += fx;
                shift[a].1 += fy;
                shift[b].0 -= fx;
                shift[b].1 -= fy;
            }
        }
        for &(a, b, weight) in edges {
            let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
            let distance = (dx * dx + dy * dy).sqrt().max(0.01);
            // Springs as strong as the relation: a co-mention barely pulls.
            let force = weight * distance * distance / k;
            let (fx, fy) = (dx / distance * force, dy / distance * force);
            shift[a].0 -= fx;
            shift[a].1 -= fy;
            shift[b].0 += fx;
            shift[b].1 += fy;
        }
        for (p, (sx, sy)) in position.iter_mut().zip(&shift) {
            // A little gravity towards the centre keeps unconnected parts in the picture.
            let (sx, sy) = (sx + (SIDE / 2.0 - p.0) * 0.05, sy + (SIDE / 2.0 - p.1) * 0.05);
            let length = (sx * sx + sy * sy).sqrt().max(0.01);
            let step = length.min(temperature);
            p.0 += sx / length * step;
            p.1 += sy / length * step;
        }
        temperature = (temperature * 0.985).max(1.0);
    }
    fit(position)
}

/// Scales the layout to fill the drawing, leaving room for the labels on the right.
fn fit(position: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in &position {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let scale = |v: f64, low: f64, high: f64, from: f64, to: f64| {
        if high - low < 1.0 { (from + to) / 2.0 } else { from + (v - low) / (high - low) * (to - from) }
    };
    position
        .into_iter()
        .map(|(x, y)| (scale(x, x0, x1, 40.0, SIDE - 260.0), scale(y, y0, y1, 150.0, SIDE - 40.0)))
        .collect()
}

/// Draws `nodes` and the `edges` between them.
pub fn write(
    kg: &KnowledgeGraph,
    view: &View,
    nodes: &[NodeIndex],
    edges: &[(NodeIndex, Relation, NodeIndex)],
    out: &mut dyn Write,
) -> io::Result<()> {
    let index: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let pairs: Vec<(usize, usize, f64)> =
        edges.iter().filter_map(|(s, r, o)| Some((*index.get(s)?, *index.get(o)?, r.weight()))).collect();
    let position = layout(nodes, &pairs);
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SIDE}\" height=\"{SIDE}\" viewBox=\"0 0 {SIDE} {SIDE}\" \
         font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\">"
    )?;
    writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")?;
    for ((_, relation, _), &(a, b, _)) in edges.iter().zip(&pairs) {
        let dash = if matches!(relation, Relation::CoMention { .. }) { " stroke-dasharray=\"3 4\"" } else { "" };
        writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#999\" stroke-width=\"{:.1}\"{dash}><title>{}</title></line>",
            position[a].0,
            position[a].1,
            position[b].0,
            position[b].1,
            relation.weight() * 2.0,
            xml(&relation.name())
        )?;
    }
    for (i, &node) in nodes.iter().enumerate() {
        let entity = &kg.inputs.data.entities[view.entity(node)];
        let (fill, _) = colour(entity.kind);
        let (x, y) = position[i];
        writeln!(
            out,
            "<g><title>{} — {}</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"{fill}\" stroke=\"#333\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#222\">{}</text></g>",
            xml(&entity.label_en),
            entity.kind.name(),
            x + 10.0,
            y + 4.0,
            xml(&entity.label_zh)
        )?;
    }
    let mut kinds: Vec<Kind> = nodes.iter().map(|n| kg.inputs.data.entities[view.entity(*n)].kind).collect();
    kinds.sort();
    kinds.dedup();
    for (row, kind) in kinds.iter().enumerate() {
        let (fill, name) = colour(*kind);
        let y = 24.0 + 20.0 * row as f64;
        writeln!(
            out,
            "<circle cx=\"20\" cy=\"{y:.1}\" r=\"6\" fill=\"{fill}\" stroke=\"#333\"/><text x=\"32\" y=\"{:.1}\" font-size=\"13\">{name}</text>",
            y + 4.0
        )?;
    }
    writeln!(out, "</svg>")
}
