//! The algorithms of the walk, over a weighted adjacency in compressed rows: personalised and global PageRank,
//! Dijkstra paths (cost = 1 / weight), Brandes betweenness and label propagation. All are deterministic: nodes
//! are visited in index order and ties go to the lower index.

use super::{Relation, View};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

/// The probability of restarting at the seed (or anywhere, for the global PageRank) at each step.
pub const RESTART: f64 = 0.15;
/// The most power iterations; they stop earlier once the scores move by less than [`TOLERANCE`] in all.
pub const ITERATIONS: usize = 50;
/// The L1 change of the scores under which the iterations stop.
pub const TOLERANCE: f64 = 1e-10;
/// The most rounds of label propagation.
pub const ROUNDS: usize = 100;

/// Every edge in both directions, grouped by node: the neighbours of `n` are `targets[offsets[n]..offsets[n + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    edges: Vec<u32>,
    weights: Vec<f64>,
}

impl Adjacency {
    /// The adjacency of a view's graph; self-loops are left out.
    pub fn new(graph: &UnGraph<usize, Relation>) -> Self {
        let arcs: Vec<_> = graph
            .edge_references()
            .filter(|e| e.source() != e.target())
            .map(|e| (e.source().index(), e.target().index(), e.id().index(), e.weight().weight()))
            .collect();
        Self::from_arcs(graph.node_count(), &arcs)
    }

    /// The adjacency of `nodes` undirected edges `(a, b, edge id, weight)`, each walked both ways.
    fn from_arcs(nodes: usize, arcs: &[(usize, usize, usize, f64)]) -> Self {
        let mut degree = vec![0usize; nodes + 1];
        for &(a, b, _, _) in arcs {
            degree[a + 1] += 1;
            degree[b + 1] += 1;
        }
        for i in 1..=nodes {
            degree[i] += degree[i - 1];
        }
        let offsets = degree;
        let total = offsets[nodes];
        let mut next = offsets.clone();
        let (mut targets, mut edges, mut weights) = (vec![0u32; total], vec![0u32; total], vec![0f64; total]);
        for &(a, b, e, w) in arcs {
            for (from, to) in [(a, b), (b, a)] {
                let at = next[from];
                next[from] += 1;
                targets[at] = to as u32;
                edges[at] = e as u32;
                weights[at] = w;
            }
        }
        Self { offsets, targets, edges, weights }
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there is no node.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The neighbours of `n`: node, edge id, weight.
    pub fn neighbours(&self, n: usize) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        let range = self.offsets[n]..self.offsets[n + 1];
        range.map(|i| (self.targets[i] as usize, self.edges[i] as usize, self.weights[i]))
    }

    /// The subgraph induced by `nodes` (local index = position in `nodes`), keeping the edge ids.
    fn induced(&self, nodes: &[usize], local: &[u32]) -> Self {
        let arcs: Vec<_> = nodes
            .iter()
            .enumerate()
            .flat_map(|(i, &n)| {
                self.neighbours(n).filter_map(move |(m, e, w)| {
                    let j = local[m] as usize;
                    // Each undirected edge once: from its lower local end.
                    (local[m] != u32::MAX && i < j).then_some((i, j, e, w))
                })
            })
            .collect();
        Self::from_arcs(nodes.len(), &arcs)
    }
}

/// PageRank with restart: at the node `seed` (personalised) or uniformly (global). The scores sum to 1.
pub fn pagerank(adjacency: &Adjacency, seed: Option<usize>, iterations: usize) -> Vec<f64> {
    let n = adjacency.len();
    if n == 0 {
        return Vec::new();
    }
    let restart: Vec<f64> = match seed {
        Some(s) => (0..n).map(|i| if i == s { 1.0 } else { 0.0 }).collect(),
        None => vec![1.0 / n as f64; n],
    };
    let strength: Vec<f64> = (0..n).map(|u| adjacency.neighbours(u).map(|(_, _, w)| w).sum()).collect();
    let mut rank = restart.clone();
    let mut next = vec![0.0; n];
    for _ in 0..iterations {
        let mut dangling = 0.0;
        next.iter_mut().zip(&restart).for_each(|(x, r)| *x = RESTART * r);
        for u in 0..n {
            if strength[u] == 0.0 {
                dangling += rank[u];
                continue;
            }
            let share = (1.0 - RESTART) * rank[u] / strength[u];
            for (v, _, w) in adjacency.neighbours(u) {
                next[v] += share * w;
            }
        }
        let mut change = 0.0;
        for v in 0..n {
            next[v] += (1.0 - RESTART) * dangling * restart[v];
            change += (next[v] - rank[v]).abs();
        }
        std::mem::swap(&mut rank, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    rank
}

/// A cost in the Dijkstra heap: the lowest cost first, then the lowest node.
#[derive(PartialEq)]
struct Visit(f64, usize);

impl Eq for Visit {}

impl Ord for Visit {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

impl PartialOrd for Visit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The cheapest paths from `source` (cost of an edge = 1 / weight): for each node the previous node and the
/// edge taken, `None` for the source and the unreachable.
pub fn dijkstra(adjacency: &Adjacency, source: usize) -> Vec<Option<(usize, usize)>> {
    let n = adjacency.len();
    let mut cost = vec![f64::INFINITY; n];
    let mut previous = vec![None; n];
    let mut heap = BinaryHeap::from([Visit(0.0, source)]);
    cost[source] = 0.0;
    while let Some(Visit(c, u)) = heap.pop() {
        if c > cost[u] {
            continue;
        }
        for (v, e, w) in adjacency.neighbours(u) {
            let through = c + 1.0 / w;
            if through < cost[v] {
                cost[v] = through;
                previous[v] = Some((u, e));
                heap.push(Visit(through, v));
            }
        }
    }
    previous
}

/// One step of an explanation: from a node to the next along an edge (walked either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub edge: EdgeIndex,
}

/// A node ranked by its score, with the path from the seed.
#[derive(Debug, Clone)]
pub struct Scored {
    pub node: NodeIndex,
    pub score: f64,
    pub path: Vec<Step>,
}

/// The `limit` nodes within `depth` hops of `seed` that `accept` takes, ranked by PageRank restarting at the
/// seed over the subgraph the hops reach, each with its cheapest path from the seed.
pub fn related(
    view: &View,
    seed: NodeIndex,
    depth: u32,
    limit: usize,
    accept: impl Fn(NodeIndex) -> bool,
) -> Vec<Scored> {
    let reached = view.around(seed, depth);
    let whole = reached.len() == view.graph.node_count();
    // Where the hops reach every node, the whole adjacency is the subgraph (in node order).
    let (nodes, start): (Vec<usize>, usize) = if whole {
        ((0..reached.len()).collect(), seed.index())
    } else {
        (reached.iter().map(|(n, _)| n.index()).collect(), 0)
    };
    let induced;
    let sub = if whole {
        view.adjacency()
    } else {
        let mut local = vec![u32::MAX; view.graph.node_count()];
        for (i, &n) in nodes.iter().enumerate() {
            local[n] = i as u32;
        }
        induced = view.adjacency().induced(&nodes, &local);
        &induced
    };
    let scores = pagerank(sub, Some(start), ITERATIONS);
    let previous = dijkstra(sub, start);
    let mut order: Vec<usize> = (0..nodes.len()).filter(|&i| i != start && accept(NodeIndex::new(nodes[i]))).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(nodes[a].cmp(&nodes[b])));
    order.truncate(limit);
    order
        .into_iter()
        .map(|i| {
            let mut path = Vec::new();
            let mut at = i;
            while let Some((before, edge)) = previous[at] {
                let step = Step {
                    from: NodeIndex::new(nodes[before]),
                    to: NodeIndex::new(nodes[at]),
                    edge: EdgeIndex::new(edge),
                };
                path.push(step);
                at = before;
            }
            path.reverse();
            Scored { node: NodeIndex::new(nodes[i]), score: scores[i], path }
        })
        .collect()
}

/// Betweenness centrality (Brandes, weighted: cost = 1 / weight), normalised by the number of pairs of other
/// nodes, `(n - 1)(n - 2) / 2`.
pub fn betweenness(adjacency: &Adjacency) -> Vec<f64> {
    let n = adjacency.len();
    let mut centrality = vec![0.0; n];
    let (mut cost, mut paths, mut delta) = (vec![f64::INFINITY; n], vec![0.0f64; n], vec![0.0f64; n]);
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut done = vec![false; n];
    let mut stack = Vec::with_capacity(n);
    for s in 0..n {
        for v in 0..n {
            cost[v] = f64::INFINITY;
            paths[v] = 0.0;
            delta[v] = 0.0;
            done[v] = false;
            before[v].clear();
        }
        cost[s] = 0.0;
        paths[s] = 1.0;
        let mut heap = BinaryHeap::from([Visit(0.0, s)]);
        while let Some(Visit(c, u)) = heap.pop() {
            if done[u] || c > cost[u] {
                continue;
            }
            done[u] = true;
            stack.push(u);
            for (v, _, w) in adjacency.neighbours(u) {
                let through = c + 1.0 / w;
                if through < cost[v] {
                    cost[v] = through;
                    paths[v] = paths[u];
                    before[v].clear();
                    before[v].push(u);
                    heap.push(Visit(through, v));
                } else if through == cost[v] && !done[v] {
                    paths[v] += paths[u];
                    before[v].push(u);
                }
            }
        }
        while let Some(w) = stack.pop() {
            for &v in &before[w] {
                delta[v] += paths[v] / paths[w] * (1.0 + delta[w]);
            }
            if w != s {
                centrality[w] += delta[w];
            }
        }
    }
    // Each pair is counted from both ends.
    let pairs = if n > 2 { ((n - 1) * (n - 2)) as f64 } else { 1.0 };
    centrality.iter_mut().for_each(|c| *c /= pairs);
    centrality
}

/// Communities by label propagation: every node starts with its own label and, in node order, takes the label
/// of greatest total edge weight among its neighbours (ties to the lowest label), until no label changes or
/// after [`ROUNDS`] rounds. Gives each node's label (the index of a node of its community).
pub fn label_propagation(adjacency: &Adjacency) -> Vec<usize> {
    let n = adjacency.len();
    let mut labels: Vec<usize> = (0..n).collect();
    let mut tally: BTreeMap<usize, f64> = BTreeMap::new();
    for _ in 0..ROUNDS {
        let mut changed = false;
        for u in 0..n {
            tally.clear();
            for (v, _, w) in adjacency.neighbours(u) {
                if v != u {
                    *tally.entry(labels[v]).or_default() += w;
                }
            }
            let mut best: Option<(usize, f64)> = None;
            for (&label, &weight) in &tally {
                if best.is_none_or(|(_, b)| weight > b) {
                    best = Some((label, weight));
                }
            }
            if let Some((label, _)) = best
                && label != labels[u]
            {
                labels[u] = label;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adjacency(n: usize, edges: &[(usize, usize, f64)]) -> Adjacency {
        let arcs: Vec<_> = edges.iter().enumerate().map(|(e, &(a, b, w))| (a, b, e, w)).collect();
        Adjacency::from_arcs(n, &arcs)
    }

    #[test]
    fn personalised_pagerank_sums_to_one_and_ranks_the_seed_first() {
        // A star around 0 with a tail 3 - 4, and a heavier edge 0 - 1.
        let graph = adjacency(5, &[(0, 1, 1.0), (0, 2, 0.5), (0, 3, 0.25), (3, 4, 0.5)]);
        for seed in 0..5 {
            let rank = pagerank(&graph, Some(seed), ITERATIONS);
            assert!((rank.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{rank:?}");
            assert!(rank[seed] >= RESTART, "the seed keeps at least its restarts: {rank:?}");
        }
        // (A leaf seed may rank below its only neighbour, which receives all its walks; the hub ranks first.)
        let rank = pagerank(&graph, Some(0), ITERATIONS);
        let best = (0..5).max_by(|&a, &b| rank[a].total_cmp(&rank[b])).unwrap();
        assert_eq!(best, 0, "{rank:?}");
        assert!(rank[1] > rank[2] && rank[2] > rank[4], "heavier and nearer ranks higher: {rank:?}");
    }

    #[test]
    fn global_pagerank_is_uniform_on_a_cycle_and_handles_isolated_nodes() {
        let graph = adjacency(5, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, 1.0)]);
        let rank = pagerank(&graph, None, ITERATIONS);
        assert!((rank.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!((rank[0] - rank[2]).abs() < 1e-12);
        assert!(rank[4] < rank[0]);
    }

    #[test]
    fn betweenness_on_a_path() {
        // 0 - 1 - 2 - 3 - 4: node 1 lies on 3 of the 6 pairs of the others, node 2 on 4.
        let graph = adjacency(5, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 4, 1.0)]);
        let b = betweenness(&graph);
        let expected = [0.0, 3.0 / 6.0, 4.0 / 6.0, 3.0 / 6.0, 0.0];
        for (got, want) in b.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{b:?}");
        }
    }

    #[test]
    fn betweenness_splits_equal_paths() {
        // A square 0 - 1 - 3, 0 - 2 - 3: the pair (0, 3) has two paths, through 1 and through 2.
        let graph = adjacency(4, &[(0, 1, 1.0), (0, 2, 1.0), (1, 3, 1.0), (2, 3, 1.0)]);
        let b = betweenness(&graph);
        assert!((b[1] - 0.5 / 3.0).abs() < 1e-12, "{b:?}");
    }

    #[test]
    fn dijkstra_prefers_strong_edges() {
        // 0 - 2 directly is weak (cost 8); through 1 it costs 1 + 1.
        let graph = adjacency(3, &[(0, 2, 0.125), (0, 1, 1.0), (1, 2, 1.0)]);
        let previous = dijkstra(&graph, 0);
        assert_eq!(previous[2], Some((1, 2)));
        assert_eq!(previous[0], None);
    }

    #[test]
    fn label_propagation_finds_two_cliques() {
        let mut edges = Vec::new();
        for group in [[0, 1, 2, 3], [4, 5, 6, 7]] {
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    edges.push((a, b, 1.0));
                }
            }
        }
        edges.push((3, 4, 0.125));
        let labels = label_propagation(&adjacency(8, &edges));
        assert!(labels[..4].iter().all(|&l| l == labels[0]), "{labels:?}");
        assert!(labels[4..].iter().all(|&l| l == labels[4]), "{labels:?}");
        assert_ne!(labels[0], labels[4]);
        assert_eq!(labels, label_propagation(&adjacency(8, &edges)));
    }
}
