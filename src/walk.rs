//! Walking the graph: the entities and their curated relations as a weighted [`petgraph`] graph, to rank what is
//! related to an entity and explain why, and to find the central entities and the communities of the report.
//!
//! Takes a [`KnowledgeGraph`] and gives a [`View`]: one node per entity a reader looks up (places,
//! organisations, people, projects, policies, events, plan elements, and the concepts of the glossary and theme
//! schemes), one typed, weighted edge per curated relation of `relations.csv` and per glossary part
//! (`skos:broader`), and, unless switched off, a weak edge between two entities the report names in one
//! paragraph. Literals, figures, annotations, the report's paragraphs and the controlled lists (statuses,
//! document types, indicators, units) are left out: they would join everything to everything. Edges are walked
//! in both directions and keep their relation and direction for the explanation. The algorithms are in
//! [`net`], the output in [`render`].

pub mod net;
pub mod render;
pub mod svg;

use crate::build::KnowledgeGraph;
use crate::error::GraphError;
use crate::facts::curated::{Detail, Entity};
use crate::kinds::{Kind, Predicate};
use net::{Adjacency, Scored, Step};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// The type of an edge of the view.
#[derive(Debug, Clone, Copy)]
pub enum Relation {
    /// A relation of `relations.csv`.
    Curated(&'static Predicate),
    /// A named part of a glossary term (`skos:broader` from the part to the term).
    Broader,
    /// Two entities named in one paragraph of the report (`paragraphs` of them).
    CoMention { paragraphs: u32 },
}

/// Strong: the two are one thing seen at two scales (a bundle and its measures, a term and what it denotes,
/// a term and its named parts).
pub const STRONG: f64 = 1.0;
/// Medium: a concrete link between two distinct things (where it is, who issues or takes part, what it serves).
pub const MEDIUM: f64 = 0.5;
/// Weak: a theme files dozens of things together; sharing one says little about any pair of them.
pub const WEAK: f64 = 0.25;
/// Weakest: two names in one paragraph; the report may list them for unrelated reasons.
pub const CO_MENTION: f64 = 0.125;

impl Relation {
    /// The weight of the edge. Powers of two, so that path costs (`1 / weight`) add up exactly and ties are
    /// real ties, broken by node order.
    pub fn weight(self) -> f64 {
        match self {
            Relation::Curated(p) => match p.key {
                "part-of" | "denotes" => STRONG,
                "theme" => WEAK,
                _ => MEDIUM,
            },
            Relation::Broader => STRONG,
            Relation::CoMention { .. } => CO_MENTION,
        }
    }

    /// The name of the relation in explanations (`part of`, `theme`, `co-mentioned`).
    pub fn name(self) -> String {
        match self {
            Relation::Curated(p) => p.key.replace('-', " "),
            Relation::Broader => "part of term".to_owned(),
            Relation::CoMention { .. } => "co-mentioned".to_owned(),
        }
    }

    /// The key of the relation as in `relations.csv` (`broader` and `co-mention` for the others).
    pub fn key(self) -> &'static str {
        match self {
            Relation::Curated(p) => p.key,
            Relation::Broader => "broader",
            Relation::CoMention { .. } => "co-mention",
        }
    }
}

/// How the view is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Whether two entities named in one paragraph (and not otherwise related) get a weak edge.
    pub co_mentions: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { co_mentions: true }
    }
}

/// The entity graph: nodes hold an index into [`crate::facts::curated::Dataset::entities`], edges their
/// [`Relation`], added from subject to object.
pub struct View {
    pub graph: UnGraph<usize, Relation>,
    /// The node of each entity (by entity index) that is in the view.
    nodes: HashMap<usize, NodeIndex>,
    adjacency: Adjacency,
}

/// Whether an entity is a node of the view.
pub fn is_node(entity: &Entity) -> bool {
    !entity.is_controlled_list()
}

impl View {
    /// The view of a built graph.
    pub fn build(kg: &KnowledgeGraph, options: Options) -> View {
        let data = &kg.inputs.data;
        let mut graph = UnGraph::with_capacity(data.entities.len(), data.relations.len() * 2);
        let mut nodes = HashMap::new();
        for (index, _) in data.entities.iter().enumerate().filter(|(_, e)| is_node(e)) {
            nodes.insert(index, graph.add_node(index));
        }
        let ids: HashMap<&str, usize> = data.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        let node = |id: &str| ids.get(id).and_then(|i| nodes.get(i)).copied();
        let mut related: BTreeSet<(NodeIndex, NodeIndex)> = BTreeSet::new();
        let mut add = |graph: &mut UnGraph<usize, Relation>, a: NodeIndex, b: NodeIndex, relation: Relation| {
            graph.add_edge(a, b, relation);
            related.insert((a.min(b), a.max(b)));
        };
        for relation in &data.relations {
            if let (Some(s), Some(o)) = (node(&relation.subject), node(&relation.object)) {
                add(&mut graph, s, o, Relation::Curated(relation.predicate));
            }
        }
        for entity in &data.entities {
            if let Detail::Concept { broader: Some(broader), .. } = &entity.detail
                && let (Some(s), Some(o)) = (node(&entity.id), node(broader))
            {
                add(&mut graph, s, o, Relation::Broader);
            }
        }
        if options.co_mentions {
            let mut by_paragraph: BTreeMap<usize, BTreeSet<NodeIndex>> = BTreeMap::new();
            for mention in &kg.inputs.mentions {
                if let Some(&n) = nodes.get(&mention.entity) {
                    by_paragraph.entry(mention.paragraph).or_default().insert(n);
                }
            }
            let mut pairs: BTreeMap<(NodeIndex, NodeIndex), u32> = BTreeMap::new();
            for named in by_paragraph.values() {
                let named: Vec<NodeIndex> = named.iter().copied().collect();
                for (i, &a) in named.iter().enumerate() {
                    for &b in &named[i + 1..] {
                        *pairs.entry((a, b)).or_default() += 1;
                    }
                }
            }
            for ((a, b), paragraphs) in pairs {
                if !related.contains(&(a, b)) {
                    graph.add_edge(a, b, Relation::CoMention { paragraphs });
                }
            }
        }
        View::from_graph(graph, nodes)
    }

    /// A view of any graph whose nodes hold entity indices (or any numbers, for a synthetic graph).
    pub fn from_graph(graph: UnGraph<usize, Relation>, nodes: HashMap<usize, NodeIndex>) -> View {
        let adjacency = Adjacency::new(&graph);
        View { graph, nodes, adjacency }
    }

    /// The node of an entity, if it is in the view.
    pub fn node(&self, entity: usize) -> Option<NodeIndex> {
        self.nodes.get(&entity).copied()
    }

    /// The entity of a node.
    pub fn entity(&self, node: NodeIndex) -> usize {
        self.graph[node]
    }

    /// The weighted adjacency the algorithms walk.
    pub fn adjacency(&self) -> &Adjacency {
        &self.adjacency
    }

    /// The relation of an edge and its subject and object.
    pub fn edge(&self, edge: EdgeIndex) -> (NodeIndex, Relation, NodeIndex) {
        let (s, o) = self.graph.edge_endpoints(edge).expect("edges of the view are never removed");
        (s, self.graph[edge], o)
    }

    /// The nodes within `depth` hops of `seed`, with their hop counts, in breadth-first order.
    pub fn around(&self, seed: NodeIndex, depth: u32) -> Vec<(NodeIndex, u32)> {
        let mut hops = vec![u32::MAX; self.graph.node_count()];
        let mut order = Vec::new();
        let mut queue = VecDeque::from([seed]);
        hops[seed.index()] = 0;
        while let Some(n) = queue.pop_front() {
            order.push((n, hops[n.index()]));
            if hops[n.index()] == depth {
                continue;
            }
            for (m, _, _) in self.adjacency.neighbours(n.index()) {
                if hops[m] == u32::MAX {
                    hops[m] = hops[n.index()] + 1;
                    queue.push_back(NodeIndex::new(m));
                }
            }
        }
        order
    }
}

/// The kinds of entity `--kind` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFilter {
    Policy,
    Project,
    /// A concept of the glossary or a theme.
    Term,
    Place,
    Organization,
    Person,
    Event,
    /// A plan element: a strategy, a part of the review, a task or a goal.
    Task,
}

impl KindFilter {
    /// Whether an entity is of this kind.
    pub fn accepts(self, entity: &Entity) -> bool {
        entity.kind
            == match self {
                KindFilter::Policy => Kind::Policy,
                KindFilter::Project => Kind::Project,
                KindFilter::Term => Kind::Concept,
                KindFilter::Place => Kind::Place,
                KindFilter::Organization => Kind::Organization,
                KindFilter::Person => Kind::Person,
                KindFilter::Event => Kind::Event,
                KindFilter::Task => Kind::Task,
            }
    }
}

/// What `related` asks.
#[derive(Debug, Clone, Copy)]
pub struct Query {
    /// How many hops from the seed an entity may be.
    pub depth: u32,
    /// How many results.
    pub limit: usize,
    pub kind: Option<KindFilter>,
}

/// The entities related to `entity` (a label, alias, id or IRI), ranked, each with the path that relates them.
pub struct Related {
    /// The entity index of the seed.
    pub seed: usize,
    pub results: Vec<Found>,
}

/// One related entity.
pub struct Found {
    /// The entity index.
    pub entity: usize,
    pub score: f64,
    pub path: Vec<Step>,
}

/// Ranks the entities related to `entity` in the view.
pub fn related(kg: &KnowledgeGraph, view: &View, entity: &str, query: Query) -> Result<Related, GraphError> {
    let seed = kg.inputs.data.lookup(entity)?;
    let entities = &kg.inputs.data.entities;
    let Some(node) = view.node(seed) else {
        let e = &entities[seed];
        return Err(GraphError::NotInView { query: entity.to_owned(), kind: e.kind.name().to_owned() });
    };
    let accept = |n: NodeIndex| query.kind.is_none_or(|k| k.accepts(&entities[view.entity(n)]));
    let results = net::related(view, node, query.depth, query.limit, accept)
        .into_iter()
        .map(|Scored { node, score, path }| Found { entity: view.entity(node), score, path })
        .collect();
    Ok(Related { seed, results })
}

/// The central entities of the view and its communities.
pub struct Central {
    /// Entity, PageRank and betweenness, highest PageRank first.
    pub ranked: Vec<(usize, f64, f64)>,
    /// Communities of two or more, largest first, each its entities by PageRank (the first names it).
    pub communities: Vec<Vec<usize>>,
}

/// PageRank, betweenness and communities of the whole view.
pub fn central(kg: &KnowledgeGraph, view: &View, kind: Option<KindFilter>, limit: usize) -> Central {
    let adjacency = view.adjacency();
    let rank = net::pagerank(adjacency, None, net::ITERATIONS);
    let betweenness = net::betweenness(adjacency);
    let labels = net::label_propagation(adjacency);
    let by_rank = |a: &usize, b: &usize| rank[*b].total_cmp(&rank[*a]).then(a.cmp(b));
    let mut order: Vec<usize> = (0..rank.len()).collect();
    order.sort_by(by_rank);
    let entities = &kg.inputs.data.entities;
    let ranked = order
        .iter()
        .filter(|&&n| kind.is_none_or(|k| k.accepts(&entities[view.entity(NodeIndex::new(n))])))
        .take(limit)
        .map(|&n| (view.entity(NodeIndex::new(n)), rank[n], betweenness[n]))
        .collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &n in &order {
        groups.entry(labels[n]).or_default().push(n);
    }
    let mut communities: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    communities.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let communities =
        communities.into_iter().map(|g| g.into_iter().map(|n| view.entity(NodeIndex::new(n))).collect()).collect();
    Central { ranked, communities }
}

/// The nodes of the whole view, or of the neighbourhood of `around` within `depth` hops, in node order.
pub fn neighbourhood(
    kg: &KnowledgeGraph,
    view: &View,
    around: Option<&str>,
    depth: u32,
) -> Result<Vec<NodeIndex>, GraphError> {
    let Some(entity) = around else {
        return Ok(view.graph.node_indices().collect());
    };
    let seed = kg.inputs.data.lookup(entity)?;
    let Some(node) = view.node(seed) else {
        let kind = kg.inputs.data.entities[seed].kind.name().to_owned();
        return Err(GraphError::NotInView { query: entity.to_owned(), kind });
    };
    let mut nodes: Vec<NodeIndex> = view.around(node, depth).into_iter().map(|(n, _)| n).collect();
    nodes.sort();
    Ok(nodes)
}
/// Text escaped for XML element content and quoted attribute values, in GraphML and in the SVG picture: `&`, `<`,
/// `>` and `"`. The apostrophe stays as it is, which `docs/chonggu.svg` holds in its labels
/// (`quick_xml::escape::escape` would write `&apos;`, and its `partial_escape` leaves `"`).
fn xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod xml_tests {
    #[test]
    fn xml_escapes_markup_and_double_quotes_but_not_apostrophes() {
        assert_eq!(
            super::xml(r#"<a b="c">Giro d'Italia & co</a>"#),
            "&lt;a b=&quot;c&quot;&gt;Giro d'Italia &amp; co&lt;/a&gt;"
        );
    }
}
