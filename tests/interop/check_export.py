#!/usr/bin/env python3
"""Checks the export with independent tools, as a linked-data portal would load it.

1. rdflib parses the Turtle, N-Triples, TriG, N-Quads, RDF/XML and JSON-LD exports, and each gives the
   same triples (the union of the named graphs).
2. Raptor's `rapper` parses the Turtle, N-Triples and RDF/XML exports to the same triple count.
3. pySHACL validates the Turtle export against ontology/shapes.ttl: it must conform.

Usage: check_export.py PATH/TO/qingpu-kg   (run from the repository root)
Exit code 0 when everything agrees, 1 otherwise.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

import rdflib
from pyshacl import validate

binary = sys.argv[1]
failures = []


def export(fmt: str, out: Path) -> Path:
    path = out / f"qingpu-2020.{fmt}"
    subprocess.run([binary, "export", "--format", fmt, "-o", str(path)], check=True)
    return path


def triples_of(graph) -> set:
    if isinstance(graph, rdflib.Dataset):
        return {(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))}
    return set(graph)


with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp)
    files = {fmt: export(fmt, out) for fmt in ["turtle", "ntriples", "trig", "nquads", "rdfxml", "jsonld"]}
    rdflib_formats = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}
    reference = None
    for fmt, path in files.items():
        if fmt in ("trig", "nquads"):
            graph = rdflib.Dataset()
            graph.parse(path, format="trig" if fmt == "trig" else "nquads")
        else:
            graph = rdflib.Graph()
            graph.parse(path, format=rdflib_formats[fmt])
        triples = triples_of(graph)
        print(f"rdflib {fmt}: {len(triples)} triples")
        if reference is None:
            reference = triples
        elif triples != reference:
            failures.append(f"rdflib: {fmt} differs from turtle ({len(triples)} vs {len(reference)} triples)")

    for fmt, rapper_name in [("turtle", "turtle"), ("ntriples", "ntriples"), ("rdfxml", "rdfxml")]:
        result = subprocess.run(["rapper", "-i", rapper_name, "-c", str(files[fmt])], capture_output=True, text=True)
        count = next((int(w) for line in result.stderr.splitlines() if "returned" in line
                      for w in line.split() if w.isdigit()), None)
        print(f"rapper {fmt}: {count} triples")
        if result.returncode != 0 or count != len(reference):
            failures.append(f"rapper {fmt}: {count} triples (rdflib: {len(reference)}), exit {result.returncode}: {result.stderr[-500:]}")

    data = rdflib.Graph()
    data.parse(files["turtle"], format="turtle")
    shapes = rdflib.Graph()
    shapes.parse("ontology/shapes.ttl", format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    print(f"pySHACL: conforms={conforms}")
    if not conforms:
        failures.append("pySHACL: the export does not conform:\n" + text[:4000])

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("interop: rdflib, rapper and pySHACL agree")
