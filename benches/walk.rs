//! Benchmarks of the walk: building the view from the built graph, `related` on the report's graph, and
//! `related` on a synthetic graph of a million edges (seeded with a linear congruential generator, so no
//! random-number crate is needed). Run with `cargo bench --bench walk`; the figures are in README.

use criterion::{Criterion, criterion_group, criterion_main};
use petgraph::graph::{NodeIndex, UnGraph};
use qingpu_kg::build;
use qingpu_kg::iri::DEFAULT_BASE_IRI;
use qingpu_kg::kinds::predicate;
use qingpu_kg::walk::{self, KindFilter, Options, Query, Relation, View, net};
use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;

/// Knuth's MMIX linear congruential generator: the high bits are the random ones.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// `nodes` nodes and `edges` edges between random pairs, each of a random relation of the view.
fn synthetic(nodes: usize, edges: usize) -> View {
    let relations = ["part-of", "theme", "located-in", "denotes", "involves"]
        .map(|key| Relation::Curated(predicate(key).expect("a relation of kinds.rs")));
    let mut graph = UnGraph::with_capacity(nodes, edges);
    for i in 0..nodes {
        graph.add_node(i);
    }
    let mut lcg = Lcg(2020);
    while graph.edge_count() < edges {
        let (a, b) = (lcg.below(nodes as u64) as usize, lcg.below(nodes as u64) as usize);
        if a != b {
            let relation = relations[lcg.below(relations.len() as u64) as usize];
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), relation);
        }
    }
    View::from_graph(graph, HashMap::new())
}

fn bench(c: &mut Criterion) {
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    let kg = build::build(data, DEFAULT_BASE_IRI).expect("builds");
    c.bench_function("walk: build the view (with co-mentions)", |b| {
        b.iter(|| black_box(View::build(&kg, Options::default())))
    });
    let view = View::build(&kg, Options::default());
    eprintln!("the report's view: {} nodes, {} edges", view.graph.node_count(), view.graph.edge_count());
    let query = Query { depth: 3, limit: 10, kind: None };
    c.bench_function("walk: related 一网通办, depth 3, on the report", |b| {
        b.iter(|| black_box(walk::related(&kg, &view, "一网通办", query).expect("resolves")))
    });
    let query = Query { depth: 2, limit: 10, kind: Some(KindFilter::Project) };
    c.bench_function("walk: related chonggu, depth 2, projects, on the report", |b| {
        b.iter(|| black_box(walk::related(&kg, &view, "chonggu", query).expect("resolves")))
    });
    c.bench_function("walk: central (PageRank, betweenness, communities) on the report", |b| {
        b.iter(|| black_box(walk::central(&kg, &view, None, 20)))
    });
    let big = synthetic(200_000, 1_000_000);
    let mut group = c.benchmark_group("walk: synthetic, 200k nodes, 1M edges");
    group.sample_size(10);
    for depth in [3, 4, 8] {
        let reached = big.around(NodeIndex::new(0), depth).len();
        eprintln!("depth {depth} reaches {reached} nodes");
        group.bench_function(format!("related, depth {depth}"), |b| {
            b.iter(|| black_box(net::related(&big, NodeIndex::new(0), depth, 10, |_| true)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
