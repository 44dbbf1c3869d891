//! Push: each named graph to a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph server, Fuseki, GraphDB,
//! Virtuoso), for users who already run a triple store.
