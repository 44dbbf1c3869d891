//! The shape of the library: its modules import each other in one direction, in the order of the flow.
//!
//! Every `crate::…` and `super::…` path in the code of `src/` (comments and test modules left out) is an edge from the module that writes it
//! to the module it names; edges between a module and its own ancestors or descendants (a folder and its files)
//! are left out. The tests fail on a cycle, and on an edge from a stage to one downstream of it.

use crate::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules by layer, in the order of the flow: a module may use its own layer and those before it.
const LAYERS: &[&[&str]] = &[
    &["error", "vocab", "kinds", "values", "iri", "format", "atomic", "indicators"],
    &["source"],
    &["document"],
    &["facts"],
    &["ground"],
    &["map"],
    &["build"],
    &["query", "export", "coverage", "validate", "walk", "push"],
    &["serve"],
];

/// Each module of the library (`facts::extract::text`) with the source text outside its test modules.
fn modules() -> BTreeMap<String, String> {
    let mut modules = BTreeMap::new();
    collect(&root().join("src"), "", &mut modules);
    modules
}

fn collect(dir: &Path, prefix: &str, modules: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
        let module = if prefix.is_empty() { name.clone() } else { format!("{prefix}::{name}") };
        if path.is_dir() {
            collect(&path, &module, modules);
        } else if path.extension().is_some_and(|e| e == "rs") {
            // The binary's modules are not the library's.
            if prefix.is_empty() && ["main", "cli"].contains(&name.as_str()) {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            // Comments (and the intra-doc links in them) describe the flow; only code takes part in it.
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or("")
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .map(|line| format!("{line}\n"))
                .collect();
            let module = if name == "lib" && prefix.is_empty() { String::new() } else { module };
            modules.insert(module, code);
        }
    }
}

/// The paths a module's code names: `crate::a::b` and `super::c`, with `use crate::{a, b::c}` groups opened.
fn paths(code: &str) -> Vec<(bool, String)> {
    let mut found = Vec::new();
    for (root, is_super) in [("crate::", false), ("super::", true)] {
        let mut rest = code;
        while let Some(at) = rest.find(root) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + root.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    found.push((is_super, path_of(item.trim())));
                }
            } else {
                found.push((is_super, path_of(rest)));
            }
        }
    }
    found.retain(|(_, path)| !path.is_empty());
    found
}

/// The leading `a::b::c` of a path.
fn path_of(text: &str) -> String {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(text.len());
    text[..end].trim_end_matches(':').to_owned()
}

/// The edges between modules (neither the ancestor of the other).
fn edges(modules: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    let related = |a: &str, b: &str| {
        let inside =
            |inner: &str, outer: &str| outer.is_empty() || inner == outer || inner.starts_with(&format!("{outer}::"));
        inside(a, b) || inside(b, a)
    };
    for (module, code) in modules {
        for (is_super, path) in paths(code) {
            let absolute = if is_super {
                let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
                if parent.is_empty() { path } else { format!("{parent}::{path}") }
            } else {
                path
            };
            // The longest prefix of the path that is a module.
            let mut target = absolute.as_str();
            while !modules.contains_key(target) {
                match target.rsplit_once("::") {
                    Some((parent, _)) => target = parent,
                    None => {
                        target = "";
                        break;
                    }
                }
            }
            if !target.is_empty() && !related(module, target) {
                edges.insert((module.clone(), target.to_owned()));
            }
        }
    }
    edges
}

#[test]
fn the_paths_of_a_module_are_read_whole() {
    let code = "use crate::{a, b::c};\nuse super::d::E;\nlet x = crate::f::g(1);\nmy_crate::h;";
    let found: Vec<String> = paths(code).into_iter().map(|(_, p)| p).collect();
    assert_eq!(found, ["a", "b::c", "f::g", "d::E"]);
}

#[test]
fn no_module_imports_another_in_a_circle() {
    let modules = modules();
    assert!(modules.contains_key("facts::extract::text") && modules.contains_key("map::document"), "{modules:?}");
    let edges = edges(&modules);
    assert!(edges.contains(&("map::facts".to_owned(), "ground::mentions".to_owned())), "the edges are read");
    // Tarjan's strongly connected components over the edges.
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in &edges {
        next.entry(from).or_default().push(to);
    }
    let mut cycles = Vec::new();
    for start in modules.keys() {
        // A cycle through `start`: a path from one of its successors back to it.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(start.as_str(), vec![start.as_str()])];
        while let Some((at, path)) = stack.pop() {
            for &to in next.get(at).into_iter().flatten() {
                if to == start {
                    let mut cycle = path.clone();
                    cycle.push(to);
                    cycles.push(cycle.join(" → "));
                } else if seen.insert(to) {
                    let mut longer = path.clone();
                    longer.push(to);
                    stack.push((to, longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "modules importing each other in a circle:\n{}", cycles.join("\n"));
}

#[test]
fn every_module_uses_only_the_stages_before_it() {
    let layer = |module: &str| {
        let top = module.split("::").next().unwrap_or(module);
        LAYERS.iter().position(|layer| layer.contains(&top))
    };
    let modules = modules();
    let unplaced: Vec<&String> = modules.keys().filter(|m| !m.is_empty() && layer(m).is_none()).collect();
    assert!(unplaced.is_empty(), "modules in no layer of LAYERS: {unplaced:?}");
    let upward: Vec<String> = edges(&modules)
        .into_iter()
        .filter(|(from, to)| layer(from) < layer(to))
        .map(|(from, to)| format!("{from} → {to}"))
        .collect();
    assert!(upward.is_empty(), "modules using a stage downstream of them:\n{}", upward.join("\n"));
}
