//! The command line: clap derive types only; `main.rs` matches them and calls the library.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use oxigraph::io::RdfFormat;
use qingpu_kg::iri::{DEFAULT_BASE_IRI, GRAPHS};
use qingpu_kg::query::ResultFormat;
use qingpu_kg::walk::KindFilter;
use qingpu_kg::walk::render::{GraphFormat, RelatedFormat};
use qingpu_kg::{format, walk};
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
    /// A persistent RocksDB store: `build` writes it (atomically), every other command reads it.
    #[cfg(feature = "rocksdb")]
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// The folder of named queries (for `query`, `queries` and the query page of `serve`).
    #[arg(long, global = true, default_value = "queries", value_name = "DIR")]
    pub queries: PathBuf,
}

/// An RDF format, by its name (`turtle` …), its extension (`ttl`) or its media type.
fn rdf_format() -> impl TypedValueParser<Value = RdfFormat> {
    PossibleValuesParser::new(format::RDF.iter().map(|(name, _)| *name))
        .map(|name| format::rdf(&name).expect("a name of format::RDF"))
}

/// A format of query results.
fn result_format() -> impl TypedValueParser<Value = ResultFormat> {
    PossibleValuesParser::new(ResultFormat::NAMES)
        .map(|name| ResultFormat::from_name(&name).expect("a name of ResultFormat::NAMES"))
}

/// The name of a named graph.
fn graph_name() -> impl TypedValueParser<Value = String> {
    PossibleValuesParser::new(GRAPHS)
}

/// The options of the commands that walk the entity graph.
#[derive(Debug, Args)]
pub struct WalkArgs {
    /// Leave out the weak edges between entities named in one paragraph.
    #[arg(long)]
    pub no_co_mentions: bool,
}

impl WalkArgs {
    pub fn options(&self) -> walk::Options {
        walk::Options { co_mentions: !self.no_co_mentions }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the graph, validate it and print counts by class and by named graph.
    Build,
    /// Run a SPARQL query: a file, the name of a query in `queries/`, or `-e TEXT`.
    Query {
        #[command(flatten)]
        query: QueryArg,
        /// The result format (default: table on a terminal, TSV otherwise; Turtle for CONSTRUCT).
        #[arg(long, short = 'f', value_parser = result_format())]
        format: Option<ResultFormat>,
    },
    /// List the named queries with their titles.
    Queries,
    /// Export the graph in an RDF format (sorted: equal input gives equal bytes).
    Export {
        #[arg(long, short = 'f', value_parser = rdf_format(), default_value = "turtle")]
        format: RdfFormat,
        /// Only this named graph.
        #[arg(long, value_parser = graph_name())]
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
        kind: Option<Kind>,
        #[arg(long, short = 'f', value_enum, default_value = "text")]
        format: RelatedOutput,
        #[command(flatten)]
        walk: WalkArgs,
    },
    /// The central entities (PageRank, betweenness) and the communities of the entity graph.
    Central {
        /// Only entities of this kind.
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// How many entities.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        walk: WalkArgs,
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
        format: GraphOutput,
        #[command(flatten)]
        walk: WalkArgs,
    },
    /// Extract the structure, glossary, quoted terms, figures and places of another report of this kind.
    Extract {
        /// The report, markdown or plain text, UTF-8.
        report: PathBuf,
        /// The RDF format of the graph.
        #[arg(long, short = 'f', value_parser = rdf_format(), default_value = "trig")]
        format: RdfFormat,
        /// Write the graph to this file (atomically) instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write candidate CSV rows in the shape of `data/` into this folder, for a person to review.
        #[arg(long, value_name = "DIR")]
        candidates: Option<PathBuf>,
        /// Known places (a `places.csv` of the data's shape); by default the places of `--data`.
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
    },
    /// Serve the graph over HTTP: SPARQL endpoint, entity pages, query page, dataset description and dumps.
    Serve(ServeArgs),
    /// Send each named graph to a SPARQL 1.1 Graph Store Protocol endpoint, then count it back.
    Push(PushArgs),
}

/// The query of `query`: a file or a name, or the text itself.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct QueryArg {
    /// A `.rq` file or the name of a query in the queries folder.
    pub query: Option<String>,
    /// The query text (the project's prefixes are declared).
    #[arg(short = 'e', long = "expression", value_name = "SPARQL")]
    pub expression: Option<String>,
}

/// The kinds of entity `--kind` selects.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    Policy,
    Project,
    /// A concept of the glossary or a theme.
    Term,
    Place,
    Organization,
    Person,
    Event,
    /// A plan element: a strategy, a part of the review, a task or a goal.
    Task,
}

impl From<Kind> for KindFilter {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Policy => Self::Policy,
            Kind::Project => Self::Project,
            Kind::Term => Self::Term,
            Kind::Place => Self::Place,
            Kind::Organization => Self::Organization,
            Kind::Person => Self::Person,
            Kind::Event => Self::Event,
            Kind::Task => Self::Task,
        }
    }
}

/// The formats of `related`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RelatedOutput {
    Text,
    Json,
    Dot,
}

impl From<RelatedOutput> for RelatedFormat {
    fn from(format: RelatedOutput) -> Self {
        match format {
            RelatedOutput::Text => Self::Text,
            RelatedOutput::Json => Self::Json,
            RelatedOutput::Dot => Self::Dot,
        }
    }
}

/// The formats of `graph`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphOutput {
    Dot,
    Graphml,
    Json,
    /// A picture: a force-directed layout, nodes coloured by kind, Chinese labels.
    Svg,
}

impl From<GraphOutput> for GraphFormat {
    fn from(format: GraphOutput) -> Self {
        match format {
            GraphOutput::Dot => Self::Dot,
            GraphOutput::Graphml => Self::Graphml,
            GraphOutput::Json => Self::Json,
            GraphOutput::Svg => Self::Svg,
        }
    }
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
    /// Only these named graphs (repeat the option for several); default all.
    #[arg(long = "graph", value_name = "NAME", value_parser = graph_name())]
    pub graphs: Vec<String>,
}
