//! The command line: clap derive types only; `main.rs` matches them and calls the library.

use crate::export::ExportFormat;
use crate::query::ResultFormat;
use crate::store::DEFAULT_BASE_IRI;
use crate::walk::KindFilter;
use crate::walk::render::{GraphFormat, RelatedFormat};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The 2020 government work report of Qingpu District as an RDF knowledge graph.
#[derive(Debug, Parser)]
#[command(name = "qingpu-kg", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub graph: GraphArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Where the graph comes from.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The data folder: the CSV files and `source/` with the report.
    #[arg(long, global = true, default_value = "data", value_name = "DIR")]
    pub data: PathBuf,
    /// The base IRI of entities and graphs (ends with `/` or `#`).
    #[arg(long, global = true, default_value = DEFAULT_BASE_IRI, value_name = "IRI")]
    pub base_iri: String,
    /// A persistent RocksDB store: `build` writes it (atomically), the other commands read it.
    #[cfg(feature = "rocksdb")]
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the graph, validate it and print counts by class and by named graph.
    Build,
    /// Run a SPARQL query: a file, the name of a query in `queries/`, or `-e TEXT`.
    Query {
        /// A `.rq` file or the name of a query in the queries folder.
        #[arg(required_unless_present = "expression", conflicts_with = "expression")]
        query: Option<String>,
        /// The query text (the project's prefixes are declared).
        #[arg(short = 'e', long = "expression", value_name = "SPARQL")]
        expression: Option<String>,
        /// The result format (default: table on a terminal, TSV otherwise; Turtle for CONSTRUCT).
        #[arg(long, short = 'f', value_enum)]
        format: Option<ResultFormat>,
        /// The folder of named queries.
        #[arg(long, default_value = "queries", value_name = "DIR")]
        queries: PathBuf,
    },
    /// List the named queries with their titles.
    Queries {
        /// The folder of named queries.
        #[arg(long, default_value = "queries", value_name = "DIR")]
        queries: PathBuf,
    },
    /// Export the graph in an RDF format (sorted: equal input gives equal bytes).
    Export {
        #[arg(long, short = 'f', value_enum, default_value = "turtle")]
        format: ExportFormat,
        /// Only this named graph (ontology, facts, document, provenance, metadata).
        #[arg(long)]
        graph: Option<String>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check the graph against the SHACL shapes and the integrity queries; exit 1 on a violation.
    Validate,
    /// Counts by class and kind, and the share of the report's paragraphs that the facts cite; exit 1 when a
    /// paragraph is neither cited nor listed in `uncited.csv`.
    Stats,
    /// Where the report mentions an entity (by Chinese or English label, alias, id or IRI), with context.
    Mentions {
        /// The entity: a label, an alias, an id or an IRI.
        entity: String,
    },
    /// The entities related to one, ranked by personalised PageRank, each with the path that relates them.
    Related {
        /// The entity: a label, an alias, an id or an IRI.
        entity: String,
        /// How many hops from the entity a result may be.
        #[arg(long, default_value_t = 3)]
        depth: u32,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only entities of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindFilter>,
        #[arg(long, short = 'f', value_enum, default_value = "text")]
        format: RelatedFormat,
        /// Leave out the weak edges between entities named in one paragraph.
        #[arg(long)]
        no_co_mentions: bool,
    },
    /// The central entities (PageRank, betweenness) and the communities of the entity graph.
    Central {
        /// Only entities of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindFilter>,
        /// How many entities.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Leave out the weak edges between entities named in one paragraph.
        #[arg(long)]
        no_co_mentions: bool,
    },
    /// The entity graph, whole or around one entity, for Graphviz (DOT), Gephi (GraphML), JSON, or as a picture (SVG).
    Graph {
        /// Only the entities within `--depth` hops of this one.
        #[arg(long, value_name = "ENTITY")]
        around: Option<String>,
        /// How many hops around `--around`.
        #[arg(long, default_value_t = 1, requires = "around")]
        depth: u32,
        #[arg(long, short = 'f', value_enum, default_value = "dot")]
        format: GraphFormat,
        /// Leave out the weak edges between entities named in one paragraph.
        #[arg(long)]
        no_co_mentions: bool,
    },
    /// Extract the structure, glossary, quoted terms, figures and places of another report of this kind.
    Extract {
        /// The report, markdown or plain text, UTF-8.
        report: PathBuf,
        /// The RDF format of the graph.
        #[arg(long, short = 'f', value_enum, default_value = "trig")]
        format: ExportFormat,
        /// Write the graph to this file (atomically) instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write candidate CSV rows in the shape of `data/` into this folder, for a person to review.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Known places (a `places.csv` of the data's shape); by default the places of `--data`.
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
    },
    /// Serve the graph over HTTP: SPARQL endpoint, entity pages, query page, dataset description and dumps.
    Serve(ServeArgs),
    /// Send each named graph to a SPARQL 1.1 Graph Store Protocol endpoint, then count it back.
    Push(PushArgs),
}

/// The options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0 picks a free one; the address is printed).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// Seconds a query may run before it is stopped (answered 422).
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// The most rows or triples a query may give (more is answered 422).
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    pub max_results: usize,
    /// The largest request body accepted, in bytes (more is answered 413).
    #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
    pub max_body: usize,
    /// The most connections served at once (a thread each); more wait to be accepted.
    #[arg(long, default_value_t = 512, value_name = "N")]
    pub max_connections: usize,
    /// Answer cross-origin requests from any origin (CORS).
    #[arg(long)]
    pub cors: bool,
    /// Accept SPARQL updates that carry `Authorization: Bearer TOKEN` (otherwise updates get 403).
    #[arg(long, requires = "token")]
    pub allow_update: bool,
    /// The bearer token for updates.
    #[arg(long, env = "QINGPU_KG_TOKEN", value_name = "TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// The folder of named queries offered on the query page.
    #[arg(long, default_value = "queries", value_name = "DIR")]
    pub queries: PathBuf,
}

/// The options of `push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The SPARQL query endpoint of the triple store, used to count each graph back after it is sent.
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The Graph Store Protocol endpoint (default: the query endpoint, as Fuseki and GraphDB take both).
    #[arg(long, value_name = "URL")]
    pub graph_store: Option<String>,
    /// A bearer token sent with every request.
    #[arg(long, env = "QINGPU_KG_PUSH_TOKEN", value_name = "TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Only these named graphs (ontology, facts, document, provenance, mentions, metadata); default all.
    #[arg(long = "graph", value_name = "NAME")]
    pub graphs: Vec<String>,
}
