//! The binary: parses the command line ([`cli`]) and calls one library function per command.

mod cli;

use anyhow::Context;
use clap::Parser;
use cli::{Cli, Command, GraphArgs, PushArgs, ServeArgs};
use oxigraph::sparql::QueryResults;
use qingpu_kg::atomic::write_atomically;
use qingpu_kg::build::{self, Origin, Summary};
use qingpu_kg::error::{DataError, GraphError};
use qingpu_kg::facts::extract::{self, ExtractError};
use qingpu_kg::ground::mentions;
use qingpu_kg::iri::Iris;
use qingpu_kg::push::{self, PushError};
use qingpu_kg::query::{self, QueryText, ResultFormat};
use qingpu_kg::{KnowledgeGraph, coverage, export, serve, validate, walk};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(exit_code(&error))
        }
    }
}

/// A reader that stopped reading (`| head`) is no failure.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

/// 2 where the error lies in what the user gave (the data, a report, a query, a name, a URL), 1 for a failure.
fn exit_code(error: &anyhow::Error) -> u8 {
    let bad_input = error.chain().any(|e| {
        e.downcast_ref::<DataError>().is_some()
            || e.downcast_ref::<GraphError>().is_some_and(GraphError::is_bad_input)
            || e.downcast_ref::<ExtractError>().is_some_and(ExtractError::is_bad_input)
            || e.downcast_ref::<PushError>().is_some_and(PushError::is_bad_input)
    });
    if bad_input { 2 } else { 1 }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let args = &cli.graph;
    let origin = origin(args);
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Build => {
            let graph = origin.build().with_context(|| building(args))?;
            let report = validate::validate(&graph)?;
            writeln!(out, "{}\n{report}", Summary::of(&graph, &args.data)?)?;
            Ok(success_if(report.conforms()))
        }
        Command::Query { query, format } => {
            let (text, predeclared) = match (query.query, query.expression) {
                (_, Some(text)) => (QueryText { text, origin: "-e".into() }, true),
                (Some(spec), None) => (query::resolve(&spec, &args.queries)?, false),
                (None, None) => anyhow::bail!("give a query or -e TEXT"),
            };
            let graph = load(&origin, args)?;
            let results = query::execute(&graph.store, &text, predeclared)?;
            let format = format.unwrap_or(match &results {
                QueryResults::Graph(_) => ResultFormat::Graph(oxigraph::io::RdfFormat::Turtle),
                _ if std::io::stdout().is_terminal() => ResultFormat::Table,
                _ => ResultFormat::Results(oxigraph::sparql::results::QueryResultsFormat::Tsv),
            });
            query::write_results(results, &text.origin, format, &args.base_iri, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries => {
            write!(out, "{}", query::Catalogue::read(&args.queries)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, graph, output } => {
            let (quads, _) = origin.quads().with_context(|| building(args))?;
            let iris = Iris::new(&args.base_iri);
            let write = |file: &mut dyn Write| export::export_quads(quads, &iris, format, graph.as_deref(), file);
            match output {
                Some(path) => write_atomically(&path, |file| write(file))?,
                None => write(&mut out)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate => {
            let report = validate::validate(&load(&origin, args)?)?;
            write!(out, "{report}")?;
            if !report.conforms() {
                writeln!(out, "{} problem(s)", report.problems())?;
            }
            Ok(success_if(report.conforms()))
        }
        Command::Stats => {
            let report = coverage::Report::of(&load(&origin, args)?, &args.data)?;
            write!(out, "{report}")?;
            Ok(success_if(report.coverage.is_complete()))
        }
        Command::Mentions { entity } => {
            let graph = load(&origin, args)?;
            let inputs = &graph.inputs;
            for mention in mentions::of(&inputs.mentions, &inputs.source, inputs.data.lookup(&entity)?) {
                writeln!(out, "{mention}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Related { entity, depth, limit, kind, format, walk } => {
            let graph = load(&origin, args)?;
            let view = walk::View::build(&graph, walk.options());
            let query = walk::Query { depth, limit, kind: kind.map(Into::into) };
            let related = walk::related(&graph, &view, &entity, query)?;
            walk::render::write_related(&graph, &view, &related, format.into(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Central { kind, limit, walk } => {
            let graph = load(&origin, args)?;
            let view = walk::View::build(&graph, walk.options());
            let central = walk::central(&graph, &view, kind.map(Into::into), limit);
            walk::render::write_central(&graph, &central, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Graph { around, depth, format, walk } => {
            let graph = load(&origin, args)?;
            let view = walk::View::build(&graph, walk.options());
            let nodes = walk::neighbourhood(&graph, &view, around.as_deref(), depth)?;
            walk::render::write_graph(&graph, &view, &nodes, format.into(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { report, format, output, candidates, gazetteer } => {
            let options = extract::Options { base_iri: args.base_iri.clone(), data: args.data.clone(), gazetteer };
            let extracted = build::extract(&report, &options)?;
            let iris = Iris::new(&args.base_iri);
            let write = |file: &mut dyn Write| export::export_quads(extracted.quads.clone(), &iris, format, None, file);
            match output {
                Some(path) => write_atomically(&path, |file| write(file))?,
                None => write(&mut out)?,
            }
            if let Some(dir) = candidates {
                extracted.extraction.write_candidates(&dir)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(serve_args) => serve(&origin, args, serve_args),
        Command::Push(push_args) => push(&origin, args, push_args, &mut out),
    }
}

fn origin(args: &GraphArgs) -> Origin {
    #[cfg(feature = "rocksdb")]
    let store = args.store.clone();
    #[cfg(not(feature = "rocksdb"))]
    let store = None;
    Origin { data: args.data.clone(), base_iri: args.base_iri.clone(), store }
}

/// The graph of a command that reads it.
fn load(origin: &Origin, args: &GraphArgs) -> anyhow::Result<KnowledgeGraph> {
    origin.load().with_context(|| building(args))
}

fn building(args: &GraphArgs) -> String {
    format!("reading the graph of {}", args.data.display())
}

fn success_if(ok: bool) -> ExitCode {
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn serve(origin: &Origin, args: &GraphArgs, serve_args: ServeArgs) -> anyhow::Result<ExitCode> {
    let options = serve::Options {
        timeout: std::time::Duration::from_secs_f64(serve_args.timeout),
        max_results: serve_args.max_results,
        max_body: serve_args.max_body,
        max_connections: serve_args.max_connections,
        cors: serve_args.cors,
        update_token: serve_args.token.filter(|_| serve_args.allow_update),
        queries: args.queries.clone(),
    };
    let graph = if options.update_token.is_some() { origin.load_writable() } else { origin.load() };
    let state = serve::Shared::new(graph.with_context(|| building(args))?, options);
    serve::run(state, serve_args.bind).with_context(|| format!("serving on {}", serve_args.bind))?;
    Ok(ExitCode::SUCCESS)
}

fn push(origin: &Origin, args: &GraphArgs, push_args: PushArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let target = push::Target::new(&push_args.endpoint, push_args.graph_store.as_deref(), push_args.token.clone())?;
    let names = push::select_graphs(&push_args.graphs)?;
    let (quads, inputs) = origin.quads().with_context(|| building(args))?;
    let report =
        push::Report { endpoint: target.endpoint.clone(), pushed: push::push(&quads, &inputs.iris, &names, &target)? };
    write!(out, "{report}")?;
    if !report.agrees() {
        anyhow::bail!("the store at {} counts other numbers of triples than were sent", report.endpoint);
    }
    Ok(ExitCode::SUCCESS)
}
