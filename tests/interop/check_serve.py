#!/usr/bin/env python3
"""Checks `qingpu-kg serve` and `qingpu-kg push` with real clients, as users of the linked data would.

It starts the binary's server on a free loopback port (`serve --bind 127.0.0.1:0`, which prints
`listening on http://ADDR/`), then checks, each part on its own:

  curl           the SPARQL endpoint (GET and POST) for SELECT and ASK in JSON, XML, CSV and TSV, and for
                 CONSTRUCT and DESCRIBE in Turtle, N-Triples, JSON-LD and RDF/XML, each body parsed and checked
  sparqlwrapper  SPARQLWrapper: the SELECT in JSON, XML, CSV and TSV, a CONSTRUCT into an rdflib graph
  sparqlstore    rdflib's SPARQLStore querying the endpoint as a graph
  dumps          /dataset, and rdflib loading /dump.ttl, .nt, .jsonld (graphs) and .nq, .trig (datasets with their
                 named graphs): every count equal to the description's void:triples, per graph too
  entity         an entity IRI loaded by rdflib through content negotiation (following the redirect)
  push           `push` to a real Oxigraph server started on loopback (`oxigraph serve`), then the counts of
                 every graph and one fact (重固's label) read back from it

Usage: check_serve.py PATH/TO/qingpu-kg [--parts curl,sparqlwrapper,...] [--sparql URL]   (from the repository root)
Exit code 0 when every part passes, 1 otherwise.
"""
import argparse
import csv
import io
import json
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import rdflib
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

BASE = "https://w3id.org/qingpu-kg/"
QPK = rdflib.Namespace(BASE + "ontology#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
CHONGGU = rdflib.URIRef(BASE + "id/place/chonggu")
CHONGGU_ZH = rdflib.Literal("重固", lang="zh")
GRAPHS = ["ontology", "facts", "document", "provenance", "mentions", "metadata"]
PARTS = ["curl", "sparqlwrapper", "sparqlstore", "dumps", "entity", "push"]

PREFIXES = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX qpk: <{QPK}>
"""
SELECT_TOWNS = PREFIXES + """SELECT ?town ?label WHERE {
  ?town a qpk:Town ; rdfs:label ?label FILTER(LANG(?label) = "zh")
} ORDER BY ?label"""
ASK_TOWN = PREFIXES + f"ASK {{ <{CHONGGU}> a qpk:Town }}"
CONSTRUCT_LABELS = PREFIXES + "CONSTRUCT { ?town rdfs:label ?label } WHERE { ?town a qpk:Town ; rdfs:label ?label }"
DESCRIBE_CHONGGU = f"DESCRIBE <{CHONGGU}>"
TOWNS = 8

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
RDF_TYPES = {
    "turtle": ("text/turtle", "turtle"),
    "ntriples": ("application/n-triples", "nt"),
    "jsonld": ("application/ld+json", "json-ld"),
    "rdfxml": ("application/rdf+xml", "xml"),
}

failures: list[str] = []
endpoint_override: str | None = None


def sparql_url(root: str) -> str:
    """The endpoint under test: the server's /sparql, or the one given with --sparql."""
    return endpoint_override or f"{root}/sparql"


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)
        print(f"  FAIL {message}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([binary, "serve", "--bind", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith("listening on http://"):
        process.kill()
        sys.exit(f"serve printed {line!r}, not `listening on http://ADDR/`")
    return process, line.removeprefix("listening on ").rstrip("/")


def fetch(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


# ------------------------------------------------------------------------------------------------ curl

def curl(endpoint: str, query: str, accept: str, method: str) -> tuple[int, str, bytes]:
    args = ["curl", "-sS", "-o", "-", "-w", "\n%{http_code} %{content_type}", "-H", f"Accept: {accept}"]
    if method == "get":
        args += ["-G", "--data-urlencode", f"query={query}", endpoint]
    elif method == "form":
        args += ["--data-urlencode", f"query={query}", endpoint]
    else:
        args += ["-H", "Content-Type: application/sparql-query", "--data-binary", query, endpoint]
    output = subprocess.run(args, capture_output=True, check=False).stdout
    body, _, trailer = output.rpartition(b"\n")
    status, _, content_type = trailer.decode().partition(" ")
    return int(status or 0), content_type, body


def check_select(fmt: str, body: bytes, where: str) -> None:
    text = body.decode("utf-8", errors="replace")
    if fmt == "json":
        data = json.loads(text)
        check(data["head"]["vars"] == ["town", "label"], f"{where}: vars {data['head']['vars']}")
        labels = [b["label"]["value"] for b in data["results"]["bindings"]]
        langs = {b["label"].get("xml:lang") for b in data["results"]["bindings"]}
        check(len(labels) == TOWNS and "重固" in labels and langs == {"zh"}, f"{where}: {labels} {langs}")
    elif fmt == "xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(body)
        results = root.findall("r:results/r:result", ns)
        labels = [r.find("r:binding[@name='label']/r:literal", ns).text for r in results]
        check(len(results) == TOWNS and "重固" in labels, f"{where}: {labels}")
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        check(rows[0] == ["town", "label"], f"{where}: header {rows[0]}")
        check(len(rows) == TOWNS + 1 and [str(CHONGGU), "重固"] in rows, f"{where}: {rows}")
    else:
        rows = [line.split("\t") for line in text.splitlines()]
        check(rows[0] == ["?town", "?label"], f"{where}: header {rows[0]}")
        check(len(rows) == TOWNS + 1 and [f"<{CHONGGU}>", '"重固"@zh'] in rows, f"{where}: {rows}")


def check_ask(fmt: str, body: bytes, where: str) -> None:
    text = body.decode("utf-8", errors="replace")
    if fmt == "json":
        check(json.loads(text).get("boolean") is True, f"{where}: {text}")
    elif fmt == "xml":
        node = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
        check(node is not None and node.text == "true", f"{where}: {text}")
    else:
        check(text.strip().lower() == "true", f"{where}: {text!r}")


def check_graph(graph: rdflib.Graph, kind: str, where: str) -> None:
    check((CHONGGU, RDFS.label, CHONGGU_ZH) in graph, f"{where}: no label 重固 for {CHONGGU}")
    if kind == "construct":
        check(len(graph) == 2 * TOWNS, f"{where}: {len(graph)} triples, expected {2 * TOWNS}")
        check(set(graph.predicates()) == {RDFS.label}, f"{where}: predicates {set(graph.predicates())}")
    else:
        check((CHONGGU, RDF.type, QPK.Town) in graph, f"{where}: no type qpk:Town")
        check(all(s == CHONGGU for s in graph.subjects()), f"{where}: subjects other than the described one")


def part_curl(root: str) -> None:
    endpoint = sparql_url(root)
    methods = ["get", "form", "direct"]
    for i, (fmt, media) in enumerate(RESULT_TYPES.items()):
        for kind, query, checker in [("select", SELECT_TOWNS, check_select), ("ask", ASK_TOWN, check_ask)]:
            method = methods[i % 3]
            status, content_type, body = curl(endpoint, query, media, method)
            where = f"curl {method} {kind} as {fmt}"
            check(status == 200 and content_type.startswith(media), f"{where}: {status} {content_type} {body[:300]!r}")
            if status == 200:
                checker(fmt, body, where)
    for i, (fmt, (media, parser)) in enumerate(RDF_TYPES.items()):
        for kind, query in [("construct", CONSTRUCT_LABELS), ("describe", DESCRIBE_CHONGGU)]:
            method = methods[i % 3]
            status, content_type, body = curl(endpoint, query, media, method)
            where = f"curl {method} {kind} as {fmt}"
            check(status == 200 and content_type.startswith(media), f"{where}: {status} {content_type} {body[:300]!r}")
            if status == 200:
                check_graph(rdflib.Graph().parse(data=body, format=parser), kind, where)
    status, _, body = curl(endpoint, "SELECT * WHERE { ?s ?p }", RESULT_TYPES["json"], "get")
    place = re.search(rb"\d+:\d+|line \d+", body.lower())
    check(status == 400 and place is not None, f"curl: a syntax error is a 400 naming its place: {status} {body[:200]!r}")


# ------------------------------------------------------------------------------------------------ SPARQLWrapper

def part_sparqlwrapper(root: str) -> None:
    for fmt, constant in [("json", JSON), ("xml", XML), ("csv", CSV), ("tsv", TSV)]:
        sparql = SPARQLWrapper(sparql_url(root))
        sparql.setQuery(SELECT_TOWNS)
        sparql.setReturnFormat(constant)
        result = sparql.query()
        body = result.response.read()
        check_select(fmt, body, f"SPARQLWrapper {fmt}")
    sparql = SPARQLWrapper(sparql_url(root))
    sparql.setQuery(SELECT_TOWNS)
    sparql.setReturnFormat(JSON)
    sparql.setMethod("POST")
    bindings = sparql.queryAndConvert()["results"]["bindings"]
    check(len(bindings) == TOWNS, f"SPARQLWrapper POST json: {len(bindings)} rows")
    sparql = SPARQLWrapper(sparql_url(root))
    sparql.setQuery(CONSTRUCT_LABELS)
    sparql.setReturnFormat(XML)
    graph = sparql.queryAndConvert()
    check(isinstance(graph, rdflib.Graph), f"SPARQLWrapper CONSTRUCT: {type(graph)}")
    if isinstance(graph, rdflib.Graph):
        check_graph(graph, "construct", "SPARQLWrapper CONSTRUCT into rdflib")


# ------------------------------------------------------------------------------------------------ SPARQLStore

def part_sparqlstore(root: str) -> None:
    graph = rdflib.Graph(SPARQLStore(sparql_url(root), returnFormat="json"))
    rows = list(graph.query(SELECT_TOWNS))
    labels = [str(row.label) for row in rows]
    check(len(rows) == TOWNS and "重固" in labels, f"SPARQLStore query: {labels}")
    labels = set(graph.objects(CHONGGU, RDFS.label))
    check(CHONGGU_ZH in labels, f"SPARQLStore triples: labels of chonggu {labels}")
    check(bool(graph.query(ASK_TOWN).askAnswer), "SPARQLStore ASK")


# ------------------------------------------------------------------------------------------------ dumps

def described_counts(root: str) -> tuple[int, dict[str, int]]:
    status, content_type, body = fetch(f"{root}/dataset", "text/turtle")
    check(status == 200 and content_type.startswith("text/turtle"), f"/dataset: {status} {content_type}")
    description = rdflib.Graph().parse(data=body, format="turtle")
    dataset = rdflib.URIRef(BASE + "dataset")
    total = int(description.value(dataset, VOID.triples))
    subsets = {str(g): int(description.value(g, VOID.triples)) for g in description.objects(dataset, VOID.subset)}
    downloads = {str(u) for u in description.objects(None, DCAT.downloadURL)}
    check(downloads == {f"{BASE}dump.{e}" for e in ["ttl", "nt", "nq", "trig", "jsonld"]}, f"/dataset: {downloads}")
    check(total == sum(subsets.values()), f"/dataset: void:triples {total} is not the sum of the subsets {subsets}")
    return total, subsets


def part_dumps(root: str) -> None:
    total, subsets = described_counts(root)
    print(f"  /dataset: void:triples {total}, {len(subsets)} named graphs")
    for ext, parser in [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]:
        graph = rdflib.Graph().parse(f"{root}/dump.{ext}", format=parser)
        print(f"  /dump.{ext}: {len(graph)} triples")
        check(len(graph) == total, f"/dump.{ext}: {len(graph)} triples, void:triples says {total}")
        check((CHONGGU, RDFS.label, CHONGGU_ZH) in graph, f"/dump.{ext}: no label 重固")
    for ext, parser in [("nq", "nquads"), ("trig", "trig")]:
        dataset = rdflib.Dataset()
        dataset.parse(f"{root}/dump.{ext}", format=parser)
        counts = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
        print(f"  /dump.{ext}: {sum(counts.values())} quads in {len(counts)} named graphs")
        check(counts == subsets, f"/dump.{ext}: graphs {counts}, the description says {subsets}")
    status, _, _ = fetch(f"{root}/dump.ttl")
    check(status == 200, "/dump.ttl")


# ------------------------------------------------------------------------------------------------ entity

def part_entity(root: str) -> None:
    url = f"{root}/id/place/chonggu"
    request = urllib.request.Request(url, headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=60) as response:
        final = response.geturl()
        graph = rdflib.Graph().parse(data=response.read(), format="turtle")
    print(f"  {url} → {final}: {len(graph)} triples")
    check(final != url, f"entity: {url} was not redirected (303 expected)")
    check((CHONGGU, RDFS.label, CHONGGU_ZH) in graph, f"entity: {final} has no label 重固 for {CHONGGU}")
    graph = rdflib.Graph().parse(url)
    check((CHONGGU, RDF.type, QPK.Town) in graph, f"entity: rdflib's own negotiation of {url} gives no qpk:Town")


# ------------------------------------------------------------------------------------------------ push

def oxigraph_count(query_url: str, graph: str) -> int:
    sparql = SPARQLWrapper(query_url)
    sparql.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    sparql.setReturnFormat(JSON)
    return int(sparql.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def part_push(root: str, binary: str) -> None:
    _, subsets = described_counts(root)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        store = subprocess.Popen(
            ["oxigraph", "serve", "--location", tmp, "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            host = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{host}/query?query=ASK%7B%7D", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.1)
            result = subprocess.run(
                [binary, "push", "--endpoint", f"{host}/query", "--graph-store", f"{host}/store"],
                capture_output=True, text=True,
            )
            print("  " + result.stdout.strip().replace("\n", "\n  "))
            check(result.returncode == 0, f"push: exit {result.returncode}: {result.stderr}")
            table = [line.split() for line in result.stdout.splitlines()[1:]]
            check(len(table) == len(GRAPHS) and all(r[1] == r[2] for r in table), f"push table: {table}")
            for graph, expected in subsets.items():
                counted = oxigraph_count(f"{host}/query", graph)
                check(counted == expected, f"push: Oxigraph holds {counted} triples in {graph}, the description {expected}")
            sparql = SPARQLWrapper(f"{host}/query")
            sparql.setQuery(f"SELECT ?l WHERE {{ GRAPH <{BASE}graph/facts> {{ <{CHONGGU}> <{RDFS.label}> ?l }} }}")
            sparql.setReturnFormat(JSON)
            labels = {(b["l"]["value"], b["l"].get("xml:lang")) for b in sparql.queryAndConvert()["results"]["bindings"]}
            check(("重固", "zh") in labels, f"push: 重固's label in Oxigraph: {labels}")
            again = subprocess.run(
                [binary, "push", "--endpoint", f"{host}/query", "--graph-store", f"{host}/store", "--graph", "facts"],
                capture_output=True, text=True,
            )
            check(again.returncode == 0, f"push again (PUT replaces): exit {again.returncode}: {again.stderr}")
            counted = oxigraph_count(f"{host}/query", f"{BASE}graph/facts")
            check(counted == subsets[f"{BASE}graph/facts"], f"push again: facts holds {counted} triples")
        finally:
            store.terminate()
            store.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, of: {', '.join(PARTS)}")
    parser.add_argument("--sparql", metavar="URL", help="check this SPARQL endpoint (a store loaded by push, with "
                        "the union of its graphs as default graph) instead of the server's /sparql")
    args = parser.parse_args()
    global endpoint_override
    endpoint_override = args.sparql
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        sys.exit(f"unknown parts {unknown}; known: {', '.join(PARTS)}")
    server, root = start_server(args.binary)
    try:
        for part in parts:
            before = len(failures)
            print(f"== {part}")
            try:
                if part == "push":
                    part_push(root, args.binary)
                else:
                    globals()[f"part_{part}"](root)
            except Exception as error:  # a client that raises is a failed part, and the others still run
                check(False, f"{part}: {type(error).__name__}: {error}")
            print(f"  {'ok' if len(failures) == before else 'FAILED'}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    if failures:
        print(f"\n{len(failures)} failure(s):\n" + "\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"serve: {', '.join(parts)} agree")


if __name__ == "__main__":
    main()
