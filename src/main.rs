use anyhow::Context;
use clap::Parser;
use oxigraph::store::Store;
use qingpu_kg::cli::{Cli, Command, GraphArgs};
use qingpu_kg::error::{DataError, GraphError};
use qingpu_kg::export::{self, write_atomically};
use qingpu_kg::map::Iris;
use qingpu_kg::query::{self, QueryText, ResultFormat};
use qingpu_kg::{extract, mentions, push, serve, stats, store, validate, walk};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            if error
                .chain()
                .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {error:#}");
            let bad_input = error.chain().any(|e| {
                e.downcast_ref::<DataError>().is_some()
                    || e.downcast_ref::<extract::ExtractError>().is_some_and(extract::ExtractError::is_bad_input)
                    || e.downcast_ref::<GraphError>().is_some_and(GraphError::is_bad_input)
            });
            ExitCode::from(if bad_input { 2 } else { 1 })
        }
    }
}

/// The built graph, in the persistent store where `--store` names one (the inputs are read from `--data`).
fn graph(args: &GraphArgs) -> anyhow::Result<qingpu_kg::KnowledgeGraph> {
    let building = || format!("building from {}", args.data.display());
    #[cfg(feature = "rocksdb")]
    if let Some(dir) = &args.store {
        let store = Store::open(dir).with_context(|| format!("opening the store {}", dir.display()))?;
        let inputs = store::read(&args.data, &args.base_iri).with_context(building)?;
        return Ok(qingpu_kg::KnowledgeGraph { store, inputs });
    }
    store::build(&args.data, &args.base_iri).with_context(building)
}

/// The store of the command: the persistent one where `--store` names it, else a fresh in-memory build.
fn open(args: &GraphArgs) -> anyhow::Result<Store> {
    #[cfg(feature = "rocksdb")]
    if let Some(dir) = &args.store {
        return Store::open_read_only(dir).with_context(|| format!("opening the store {}", dir.display()));
    }
    let graph =
        store::build(&args.data, &args.base_iri).with_context(|| format!("building from {}", args.data.display()))?;
    Ok(graph.store)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let args = &cli.graph;
    let iris = Iris::new(&args.base_iri);
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        Command::Build => {
            #[cfg(feature = "rocksdb")]
            let graph = match &args.store {
                Some(dir) => store::build_persistent(&args.data, &args.base_iri, dir),
                None => store::build(&args.data, &args.base_iri),
            };
            #[cfg(not(feature = "rocksdb"))]
            let graph = store::build(&args.data, &args.base_iri);
            let graph = graph.with_context(|| format!("building from {}", args.data.display()))?;
            let counts = store::counts(&graph)?;
            writeln!(
                stdout,
                "built {} quads from {} ({} rows, {} paragraphs of the report)",
                counts.total,
                args.data.display(),
                graph.data.entities.len() + graph.data.relations.len() + graph.data.observations.len(),
                graph.source.paragraphs.len()
            )?;
            writeln!(stdout, "\nby named graph:")?;
            for (name, n) in &counts.graphs {
                writeln!(stdout, "  {n:>7}  {}", iris.graph(name).as_str())?;
            }
            writeln!(stdout, "\nby class (facts graph):")?;
            let mut classes: Vec<_> = counts.classes.iter().collect();
            classes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (class, n) in classes {
                writeln!(stdout, "  {n:>7}  {class}")?;
            }
            let report = validate::validate(&graph)?;
            writeln!(stdout, "\n{report}")?;
            Ok(if report.conforms() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Query { query, expression, format, queries } => {
            let (text, predeclared) = match (query, expression) {
                (_, Some(text)) => (QueryText { text, origin: "-e".into() }, true),
                (Some(spec), None) => (query::resolve(&spec, &queries)?, false),
                (None, None) => unreachable!("clap requires a query or -e"),
            };
            let store = open(args)?;
            let results = query::execute(&store, &text, predeclared)?;
            let format = format.unwrap_or(match &results {
                oxigraph::sparql::QueryResults::Graph(_) => ResultFormat::Turtle,
                _ if std::io::stdout().is_terminal() => ResultFormat::Table,
                _ => ResultFormat::Tsv,
            });
            query::write_results(results, &text.origin, format, iris.base(), &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries { queries } => {
            for (name, path) in query::named_queries(&queries)? {
                let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
                writeln!(stdout, "{name:<32} {}", query::header(&text, "title").unwrap_or(""))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, graph, output } => {
            // The in-memory default needs no store to be written out: the built quads are serialized directly.
            #[cfg(feature = "rocksdb")]
            let stored = args.store.as_ref().map(|_| open(args)).transpose()?;
            #[cfg(not(feature = "rocksdb"))]
            let stored: Option<Store> = None;
            let quads = match &stored {
                Some(_) => None,
                None => Some(
                    store::quads(&args.data, &args.base_iri)
                        .with_context(|| format!("building from {}", args.data.display()))?
                        .0,
                ),
            };
            let write = move |out: &mut dyn Write| -> Result<(), qingpu_kg::GraphError> {
                match (stored, quads) {
                    (Some(store), _) => export::export(&store, &iris, format, graph.as_deref(), out),
                    (None, Some(quads)) => export::export_quads(quads, &iris, format, graph.as_deref(), out),
                    (None, None) => unreachable!("either a store or the built quads"),
                }
            };
            match output {
                Some(path) => write_atomically(&path, |file| -> anyhow::Result<()> { Ok(write(file)?) })?,
                None => write(&mut stdout)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats => {
            let graph = store::build(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let counts = store::counts(&graph)?;
            writeln!(stdout, "entities by class (facts graph):")?;
            let mut classes: Vec<_> = counts.classes.iter().collect();
            classes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (class, n) in classes {
                writeln!(stdout, "  {n:>7}  {class}")?;
            }
            let coverage = stats::coverage(&graph.source, &graph.grounding, &args.data)?;
            writeln!(
                stdout,
                "\nparagraphs of the report: {}; cited by at least one fact: {} ({:.1} %)",
                coverage.paragraphs,
                coverage.cited.len(),
                coverage.share()
            )?;
            writeln!(stdout, "left uncited on purpose ({}):", stats::UNCITED_FILE)?;
            for u in &coverage.listed {
                writeln!(stdout, "  ¶{:<3} {} — {}", u.paragraph + 1, u.opening, u.reason)?;
            }
            let opening = |p: usize| graph.source.paragraphs[p].text.chars().take(24).collect::<String>();
            for p in &coverage.unlisted {
                writeln!(stdout, "  ✗ ¶{} is neither cited nor listed: {}…", p + 1, opening(*p))?;
            }
            for u in &coverage.listed_but_cited {
                writeln!(stdout, "  ✗ ¶{} is listed as uncited but a fact cites it ({})", u.paragraph + 1, u.place)?;
            }
            Ok(if coverage.is_complete() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Mentions { entity } => {
            let graph = store::build(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let entity = mentions::resolve(&graph, &entity)?;
            for mention in mentions::of(&graph, entity) {
                writeln!(stdout, "{mention}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Related { entity, depth, limit, kind, format, no_co_mentions } => {
            let graph = store::build(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let view = walk::View::build(&graph, walk::Options { co_mentions: !no_co_mentions });
            let related = walk::related(&graph, &view, &entity, walk::Query { depth, limit, kind })?;
            walk::render::write_related(&graph, &view, &related, format, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Central { kind, limit, no_co_mentions } => {
            let graph = store::build(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let view = walk::View::build(&graph, walk::Options { co_mentions: !no_co_mentions });
            let central = walk::central(&graph, &view, kind, limit);
            walk::render::write_central(&graph, &central, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Graph { around, depth, format, no_co_mentions } => {
            let graph = store::build(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let view = walk::View::build(&graph, walk::Options { co_mentions: !no_co_mentions });
            let nodes = walk::neighbourhood(&graph, &view, around.as_deref(), depth)?;
            walk::render::write_graph(&graph, &view, &nodes, format, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { report, format, output, out, gazetteer } => {
            let options = extract::Options { base_iri: args.base_iri.clone(), data: args.data.clone(), gazetteer };
            let extraction = extract::extract_file(&report, &options)?;
            match output {
                Some(path) => {
                    write_atomically(&path, |file| -> anyhow::Result<()> { Ok(extraction.write_graph(format, file)?) })?
                }
                None => extraction.write_graph(format, &mut stdout)?,
            }
            if let Some(dir) = out {
                extraction.write_candidates(&dir)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(serve_args) => {
            let options = serve::Options {
                timeout: std::time::Duration::from_secs_f64(serve_args.timeout),
                max_results: serve_args.max_results,
                max_body: serve_args.max_body,
                max_connections: serve_args.max_connections,
                cors: serve_args.cors,
                update_token: serve_args.token.filter(|_| serve_args.allow_update),
                queries: serve_args.queries,
            };
            let state = serve::Shared::new(graph(args)?, options);
            serve::run(state, serve_args.bind).with_context(|| format!("serving on {}", serve_args.bind))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Push(push_args) => {
            let fail = |error: push::PushError| {
                eprintln!("error: {error}");
                Ok(ExitCode::from(error.exit_code()))
            };
            let target =
                match push::Target::new(&push_args.endpoint, push_args.graph_store.as_deref(), push_args.token.clone())
                {
                    Ok(target) => target,
                    Err(error) => return fail(error),
                };
            let names = match push::select_graphs(&push_args.graphs) {
                Ok(names) => names,
                Err(error) => return fail(error),
            };
            let (quads, inputs) = store::quads(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let pushed = match push::push(&quads, &inputs.iris, &names, &target) {
                Ok(pushed) => pushed,
                Err(error) => return fail(error),
            };
            let width = pushed.iter().map(|p| p.graph.len()).max().unwrap_or(5).max(5);
            writeln!(stdout, "{:<width$}  {:>8}  {:>8}", "graph", "sent", "counted")?;
            for p in &pushed {
                let mark = if p.agrees() { "" } else { "  ✗ differs" };
                writeln!(stdout, "{:<width$}  {:>8}  {:>8}{mark}", p.graph, p.sent, p.counted)?;
            }
            if pushed.iter().all(push::Pushed::agrees) {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("error: the store at {} counts other numbers of triples than were sent", target.endpoint);
                Ok(ExitCode::from(1))
            }
        }
        Command::Validate => {
            let graph = store::build(&args.data, &args.base_iri)
                .with_context(|| format!("building from {}", args.data.display()))?;
            let report = validate::validate(&graph)?;
            write!(stdout, "{report}")?;
            if report.conforms() {
                Ok(ExitCode::SUCCESS)
            } else {
                writeln!(stdout, "{} problem(s)", report.problems())?;
                Ok(ExitCode::from(1))
            }
        }
    }
}
