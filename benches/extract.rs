//! Benchmarks of `extract` on the Qingpu report, in process: cutting the text into paragraphs and extracting
//! its structure, glossary, terms, figures and places (the gazetteer of `data/` read beforehand), on the
//! report as it is and repeated 10 and 100 times, to show the time grows linearly with the text; on a report of the
//! corpus (Zhejiang 2026, one paragraph a line); and on inputs
//! of 1 MB and 10 MB whose figures are laid out to defeat a reader that looks back or ahead without bound (one
//! paragraph of a list of figures joined by 、, of bare figures with nothing between them, of figures joined by
//! words, and short sentences). Run with `cargo bench --bench extract`; the figures are in README.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qingpu_kg::facts::extract::{self, Gazetteer};
use qingpu_kg::source::Source;
use std::hint::black_box;
use std::path::Path;

/// The report with its body repeated `times` times and its glossary entries repeated as often after it, so
/// that every kind of work (parts, figures, terms, places, glossary entries) grows with the text.
fn repeated(report: &str, times: usize) -> String {
    let glossary = report.find("#### 名词解释").expect("the report has a glossary");
    let (body, appendix) = report.split_at(glossary);
    let (title, entries) = appendix.split_once('\n').expect("a glossary title line");
    let mut text = String::with_capacity(report.len() * times);
    for _ in 0..times {
        text.push_str(body);
        text.push_str("\n\n");
    }
    text.push_str(title);
    text.push_str("\n\n");
    for _ in 0..times {
        text.push_str(entries);
        text.push_str("\n\n");
    }
    text
}

/// The words of the `i`-th figure of a layout.
type Figure = fn(usize) -> String;

/// A report of `size` bytes: a title, a review part, and one paragraph of figures `figure(0)`, `figure(1)` ….
fn laid_out(size: usize, figure: Figure) -> String {
    let mut text = String::from("# 2026年某省政府工作报告\n\n一、2025年工作回顾\n\n");
    let mut i = 0;
    while text.len() < size {
        text.push_str(&figure(i));
        i += 1;
    }
    text.push_str("。\n");
    text
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report =
        std::fs::read_to_string(root.join("data/source/qingpu-2020-government-work-report.md")).expect("the report");
    let gazetteer = Gazetteer::read(&root.join("data/places.csv"), false).expect("the gazetteer");
    let mut group = c.benchmark_group("extract");
    for times in [1, 10, 100] {
        let text = repeated(&report, times);
        let check = extract::extract(&Source::new("r.md", text.clone()), &gazetteer);
        assert_eq!(check.glossary.len(), 22 * times);
        assert!(check.figures.len() >= 200 * times);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(if times == 100 { 10 } else { 30 });
        group.bench_with_input(BenchmarkId::new("paragraphs and extraction", format!("{times}x")), &text, |b, text| {
            b.iter(|| {
                let source = Source::new("r.md", text.clone());
                black_box(extract::extract(&source, &gazetteer))
            })
        });
        let source = Source::new("r.md", text.clone());
        group.bench_with_input(BenchmarkId::new("extraction only", format!("{times}x")), &source, |b, source| {
            b.iter(|| black_box(extract::extract(source, &gazetteer)))
        });
    }
    // A report of the corpus, one paragraph a line with its web page around it.
    let zhejiang = std::fs::read_to_string(root.join("tests/fixtures/corpus/2026-zhejiang.md")).expect("Zhejiang");
    let source = Source::new("2026-zhejiang.md", zhejiang);
    group.throughput(Throughput::Bytes(source.text.len() as u64));
    group.sample_size(30);
    group.bench_with_input(BenchmarkId::new("extraction only", "Zhejiang 2026"), &source, |b, source| {
        b.iter(|| black_box(extract::extract(source, &gazetteer)))
    });
    group.finish();

    let mut group = c.benchmark_group("extract layouts");
    group.sample_size(10);
    let layouts: [(&str, Figure); 4] = [
        ("list", |i| format!("增长{}.{}%、", i % 97, i % 10)),
        ("bare", |i| format!("{i}个")),
        ("words", |i| format!("新增企业{i}家和")),
        ("sentences", |i| format!("全年新增企业{i}家，增长{}%。", i % 50)),
    ];
    for megabytes in [1, 10] {
        for (name, figure) in layouts {
            let text = laid_out(megabytes << 20, figure);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let source = Source::new("r.md", text);
            group.bench_with_input(BenchmarkId::new(name, format!("{megabytes} MB")), &source, |b, source| {
                b.iter(|| black_box(extract::extract(source, &gazetteer)))
            });
        }
    }
    group.finish();
    let source = Source::new("r.md", report.clone());
    let extraction = extract::extract(&source, &gazetteer);
    c.bench_function("extract: the graph of the report as TriG", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            let quads = qingpu_kg::build::extracted_quads(&extraction);
            let iris = qingpu_kg::iri::Iris::new(&extraction.base_iri);
            let trig = oxigraph::io::RdfFormat::TriG;
            qingpu_kg::export::export_quads(quads, &iris, trig, None, &mut out).expect("writes");
            black_box(out)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
