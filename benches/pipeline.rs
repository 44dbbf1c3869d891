//! Benchmarks of the pipeline on the repository's data: build (CSV + report → store), Turtle export, and
//! the named query set. Run with `cargo bench`; the figures are in README.

use criterion::{Criterion, criterion_group, criterion_main};
use oxigraph::io::RdfFormat;
use qingpu_kg::build;
use qingpu_kg::export::export;
use qingpu_kg::iri::DEFAULT_BASE_IRI;
use qingpu_kg::query::{self, QueryText, ResultFormat};
use std::hint::black_box;
use std::path::Path;

fn data() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

fn bench(c: &mut Criterion) {
    c.bench_function("build: read, check, ground and map (no store)", |b| {
        b.iter(|| black_box(build::quads(data(), DEFAULT_BASE_IRI).expect("builds")))
    });
    c.bench_function("build: full, into an in-memory store", |b| {
        b.iter(|| black_box(build::build(data(), DEFAULT_BASE_IRI).expect("builds")))
    });
    let graph = build::build(data(), DEFAULT_BASE_IRI).expect("builds");
    c.bench_function("export: Turtle of all graphs", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(3 << 20);
            export(&graph.store, &graph.inputs.iris, RdfFormat::Turtle, None, &mut out).expect("exports");
            black_box(out)
        })
    });
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/queries"));
    let queries: Vec<QueryText> = query::named_queries(dir)
        .expect("queries")
        .into_iter()
        .map(|(name, path)| QueryText { text: std::fs::read_to_string(path).expect("query"), origin: name })
        .collect();
    c.bench_function(&format!("query: the {} named queries, CSV", queries.len()), |b| {
        b.iter(|| {
            for q in &queries {
                let mut out = Vec::new();
                query::run(
                    &graph.store,
                    q,
                    false,
                    ResultFormat::Results(oxigraph::sparql::results::QueryResultsFormat::Csv),
                    graph.inputs.iris.base(),
                    &mut out,
                )
                .expect("runs");
                black_box(out);
            }
        })
    });
    c.bench_function("validate: SHACL and integrity checks", |b| {
        b.iter(|| black_box(qingpu_kg::validate::validate(&graph).expect("validates")))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
