//! Extracts one input laid out against the reader (the layouts of `benches/extract.rs`, "extract layouts") and
//! prints how many figures it read and how long the extraction took, so that `benches/extract-memory.sh` can
//! give the peak memory of the extraction of a 10 MB input with the time.
//!
//! ```text
//! cargo run --release --example extract_layout -- bare 10
//! ```

use qingpu_kg::facts::extract::{self, Gazetteer};
use qingpu_kg::source::Source;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(layout), Some(megabytes)) = (args.next(), args.next().and_then(|m| m.parse::<usize>().ok())) else {
        eprintln!("usage: extract_layout list|bare|words|sentences MEGABYTES");
        return ExitCode::from(2);
    };
    let figure: fn(usize) -> String = match layout.as_str() {
        "list" => |i| format!("增长{}.{}%、", i % 97, i % 10),
        "bare" => |i| format!("{i}个"),
        "words" => |i| format!("新增企业{i}家和"),
        "sentences" => |i| format!("全年新增企业{i}家，增长{}%。", i % 50),
        other => {
            eprintln!("no layout {other}: list, bare, words or sentences");
            return ExitCode::from(2);
        }
    };
    let mut text = String::from("# 2026年某省政府工作报告\n\n一、2025年工作回顾\n\n");
    let mut i = 0;
    while text.len() < megabytes << 20 {
        text.push_str(&figure(i));
        i += 1;
    }
    text.push_str("。\n");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gazetteer = match Gazetteer::read(&root.join("data/places.csv"), false) {
        Ok(gazetteer) => gazetteer,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let source = Source::new("layout.md", text);
    let started = Instant::now();
    let extraction = extract::extract(&source, &gazetteer);
    let took = started.elapsed();
    let mut out = std::io::stdout().lock();
    let _ =
        writeln!(out, "{layout} {megabytes} MB: {} figures in {:.2} s", extraction.figures.len(), took.as_secs_f64());
    ExitCode::SUCCESS
}
