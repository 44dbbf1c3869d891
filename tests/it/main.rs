//! The integration tests: one binary, driving the real `qingpu-kg` binary and the library.

mod anchors;
mod architecture;
mod bad_input;
mod checks;
mod cli;
mod coverage;
mod digests;
mod export;
mod extract;
mod metadata;
mod ontology;
mod publish;
mod push;
mod queries;
mod serve;
mod serve_pages;
mod serve_sparql;
mod server;
mod shacl;
mod spans;
mod stats;
#[cfg(feature = "rocksdb")]
mod store;
mod w3c_protocol;
mod walk;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (where `data/`, `queries/` and `ontology/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the repository root.
pub fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_qingpu-kg"));
    command.current_dir(root());
    command
}

/// A copy of `data/` in a temporary folder, to break on purpose.
pub struct DataCopy {
    pub dir: tempfile::TempDir,
}

impl Default for DataCopy {
    fn default() -> Self {
        Self::new()
    }
}

impl DataCopy {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_dir(&root().join("data"), dir.path());
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.path().join(file)).expect("data file")
    }

    pub fn write(&self, file: &str, text: &str) {
        std::fs::write(self.path().join(file), text).expect("write data file");
    }

    /// Replaces line `n` (1-based) of `file`.
    pub fn set_line(&self, file: &str, n: usize, line: &str) {
        let text = self.read(file);
        let mut lines: Vec<&str> = text.lines().collect();
        lines[n - 1] = line;
        self.write(file, &(lines.join("\n") + "\n"));
    }

    /// Appends a line to `file`.
    pub fn append(&self, file: &str, line: &str) {
        let mut text = self.read(file);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
        self.write(file, &text);
    }

    /// Runs the binary on this copy.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        bin().arg("--data").arg(self.path()).args(args).output().expect("run qingpu-kg")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// The graph of the repository's data, built once per test that needs it.
pub fn graph() -> qingpu_kg::KnowledgeGraph {
    qingpu_kg::build(&root().join("data"), qingpu_kg::iri::DEFAULT_BASE_IRI).expect("the data builds")
}

/// Runs a SELECT query on the graph and gives each row as the values of its variables, in order.
pub fn select(graph: &qingpu_kg::KnowledgeGraph, query: &str) -> Vec<Vec<String>> {
    let text = qingpu_kg::query::QueryText { text: query.to_owned(), origin: "test".into() };
    match qingpu_kg::query::execute(&graph.store, &text, true).expect("query runs") {
        oxigraph::sparql::QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            solutions
                .map(|s| {
                    let s = s.expect("solution");
                    variables
                        .iter()
                        .map(|v| match s.get(v) {
                            Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                            Some(oxigraph::model::Term::NamedNode(n)) => n.as_str().to_owned(),
                            Some(other) => other.to_string(),
                            None => String::new(),
                        })
                        .collect()
                })
                .collect()
        }
        _ => panic!("the query given to select() must be a SELECT query"),
    }
}

/// Standard output and error as text.
pub fn texts(output: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}
