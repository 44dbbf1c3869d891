//! Serving: the graph as linked data over HTTP — the SPARQL 1.1 Protocol, a page for every IRI under the base,
//! the ontology, a home page with a label search, a query page, the dataset description and the dumps.
//!
//! Takes a built [`KnowledgeGraph`] and [`Options`] and gives an axum [`Router`] ([`router`]) or a running
//! server ([`run`]: a thread a connection, queries evaluated on it). Every query has a time limit ([`deadline`]) and a
//! result limit; every bad request gets a 4xx status with a message that says what is wrong. The areas are one
//! module each:
//! [`sparql`] (the protocol endpoint), [`pages`] (entity pages, the ontology, home and search), [`publish`]
//! (the dataset description and the dumps), [`assets`] (the query page); [`negotiate`] picks a media type from
//! an `Accept` header for all of them.

pub mod assets;
pub mod deadline;
pub mod html;
pub mod negotiate;
pub mod pages;
pub mod publish;
pub mod sparql;

use crate::build::KnowledgeGraph;
use crate::walk;
use axum::Router;
use axum::routing::get;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The time a query may run before it is stopped.
    pub timeout: Duration,
    /// The most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a query may give.
    pub max_results: usize,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
    /// The most connections served at once (each has a thread); more wait to be accepted.
    pub max_connections: usize,
    /// Whether to answer cross-origin requests (`Access-Control-Allow-Origin: *`).
    pub cors: bool,
    /// The bearer token that SPARQL updates must carry; without one, updates are refused (403).
    pub update_token: Option<String>,
    /// The folder of named queries offered on the query page.
    pub queries: PathBuf,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_results: 100_000,
            max_body: 1 << 20,
            max_connections: 512,
            cors: false,
            update_token: None,
            queries: PathBuf::from("queries"),
        }
    }
}

/// What every handler shares: the graph, its walk view and the options.
pub struct Shared {
    pub graph: KnowledgeGraph,
    pub view: walk::View,
    pub options: Options,
    /// The dumps, serialized on their first request.
    pub dumps: publish::Dumps,
    /// The evaluations stopped by their time limit (or another cancellation), counted when they return.
    pub stopped: deadline::Stopped,
}

/// The state handed to the handlers.
pub type State = Arc<Shared>;

impl Shared {
    /// The shared state of a server over `graph`.
    pub fn new(graph: KnowledgeGraph, options: Options) -> State {
        let view = walk::View::build(&graph, walk::Options { co_mentions: true });
        Arc::new(Self { graph, view, options, dumps: publish::Dumps::default(), stopped: deadline::Stopped::default() })
    }
}

/// All the routes of the server.
pub fn router(state: State) -> Router {
    let mut router = Router::new()
        .route("/sparql", sparql::method_router())
        .route("/sparql/", sparql::method_router())
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/query", get(assets::query_page))
        .route("/assets/{file}", get(assets::file))
        .route("/dataset", get(publish::dataset))
        .route("/dataset.{ext}", get(publish::dataset_as))
        .route("/dump.{ext}", get(publish::dump))
        .route("/ontology", get(pages::ontology))
        .route("/ontology.{ext}", get(pages::ontology_as))
        .fallback(pages::resource)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(state.options.max_body))
        .layer(axum::middleware::map_response_with_state(state.clone(), sparql::explain_too_large));
    if state.options.cors {
        router = router.layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(tower_http::cors::Any)
                .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
                .allow_headers(tower_http::cors::Any),
        );
    }
    router.with_state(state)
}

/// Serves `state` on `bind` until Ctrl-C, printing the address it listens on first (`--bind 127.0.0.1:0`
/// picks a free port).
pub fn run(state: State, bind: SocketAddr) -> std::io::Result<()> {
    let ready = |address| {
        #[allow(clippy::print_stdout)]
        {
            println!("listening on http://{address}/");
        }
    };
    run_until(state, bind, ready, async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// Serves `state` on `bind` until `shutdown` completes; `ready` is called with the bound address once the
/// server accepts connections.
///
/// One thread a connection, each with a single-threaded tokio runtime running hyper on the connection, as
/// Oxigraph's own server does: a query is evaluated on the thread of its connection, so a long one holds up only
/// its own client, and a short one costs no hand-over between threads (measured: 40 % more small queries a second
/// than a shared multi-threaded runtime handing each query to another thread).
pub fn run_until(
    state: State,
    bind: SocketAddr,
    ready: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let slots = Arc::new(tokio::sync::Semaphore::new(state.options.max_connections.max(1)));
    let app = router(state);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind).await?;
        ready(listener.local_addr()?);
        tokio::pin!(shutdown);
        loop {
            let accept = async {
                let slot = Arc::clone(&slots).acquire_owned().await.map_err(std::io::Error::other)?;
                Ok::<_, std::io::Error>((slot, listener.accept().await))
            };
            let (slot, accepted) = tokio::select! {
                () = &mut shutdown => return Ok(()),
                accepted = accept => accepted?,
            };
            match accepted {
                Ok((stream, _)) => {
                    let (stream, app) = (stream.into_std()?, app.clone());
                    let spawned = std::thread::Builder::new().name("qingpu-kg-connection".into()).spawn(move || {
                        connection(stream, app);
                        drop(slot);
                    });
                    if let Err(error) = spawned {
                        eprintln!("warning: no thread for a new connection: {error}");
                    }
                }
                // Out of file descriptors or a connection reset before it was accepted: wait, then go on.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
            }
        }
    })
}

/// Serves one connection (HTTP/1.1, keep-alive) on this thread until the client closes it.
fn connection(stream: std::net::TcpStream, app: Router) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
        return;
    };
    runtime.block_on(async move {
        let Ok(stream) = tokio::net::TcpStream::from_std(stream) else {
            return;
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(app);
        // A client that leaves mid-response ends the connection with an error: nothing to do but close it. A
        // client that sends no request for 30 s is closed, so that idle connections do not hold threads.
        let _ = hyper::server::conn::http1::Builder::new()
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(std::time::Duration::from_secs(30))
            .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
            .await;
    });
}
