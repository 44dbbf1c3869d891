//! The SPARQL 1.1 Protocol endpoint at `/sparql`: queries by GET, form POST or direct POST, updates by POST
//! with a bearer token, and the service description.
//!
//! Takes the shared state and a request; gives results in the format the client accepts, or a one-line
//! `text/plain` message with a 4xx status that says what is wrong with the request. Without `FROM` or
//! `default-graph-uri`, the default graph is the union of the named graphs (as for `qingpu-kg query`); relative
//! IRIs resolve against the graph's base IRI. Every query runs on a blocking thread with a cancellation
//! token: past [`Options::timeout`](crate::serve::Options) it is stopped and answered 422, as is a result
//! with more than [`Options::max_results`](crate::serve::Options) rows or triples (never cut short).
//! [`request`] reads the request, [`results`] writes the results, [`description`] describes the service.

pub mod description;
pub mod request;
pub mod results;

use crate::serve::{self, negotiate};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{OriginalUri, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::{
    CancellationToken, QueryDatasetSpecification, QueryEvaluationError, SparqlEvaluator, SparqlSyntaxError,
    UpdateEvaluationError,
};
use request::{Kind, Operation, Params};
use results::Format;
use tokio::runtime::RuntimeFlavor;

/// What is wrong with a request, or (rarely) with the server; each has its status and a one-line message.
#[derive(Debug, thiserror::Error)]
pub enum ProtocolError {
    #[error("bad encoding in the {place}{}: {message}", name.as_ref().map(|n| format!(", parameter `{n}`")).unwrap_or_default())]
    Encoding { place: &'static str, name: Option<String>, message: String },
    #[error("the parameter `{name}` is given {count} times; give it once")]
    Repeated { name: String, count: usize },
    #[error(
        "no `query` or `update` parameter: give a query in `query=` (GET or form POST) or as an application/sparql-query body"
    )]
    Missing,
    #[error("both `query` and `update` are given; a request is one operation")]
    Both,
    #[error("`{name}` is in the URL of a POST; send it in the form body (or the whole operation as the body)")]
    InUrl { name: &'static str },
    #[error("a GET request carries a body; send a query in the URL, or POST it")]
    GetBody,
    #[error("an update must be sent by POST (form `update=` or an application/sparql-update body), not GET")]
    UpdateByGet,
    #[error("unsupported Content-Type {}: a POST takes application/x-www-form-urlencoded, application/sparql-query or application/sparql-update", given.as_deref().map(|g| format!("`{g}`")).unwrap_or_else(|| "(none)".into()))]
    MediaType { given: Option<String> },
    #[error("unsupported charset `{given}`: the body must be UTF-8")]
    Charset { given: String },
    #[error("unsupported SPARQL version `{given}`: this endpoint takes 1.1 or 1.2")]
    Version { given: String },
    #[error("the {what} does not parse: {message}")]
    Syntax { what: &'static str, message: String },
    #[error("the {parameter} `{value}` is not an absolute IRI: {message}")]
    Iri { parameter: &'static str, value: String, message: String },
    #[error(
        "the protocol's using-graph-uri / using-named-graph-uri and the update's USING / WITH both set the dataset; give one"
    )]
    DatasetConflict,
    #[error("the `format` parameters `{first}` and `{other}` name different formats; give one")]
    FormatConflict { first: String, other: String },
    #[error("the format `{given}` is not offered for {kind} results; offered: {offered}")]
    UnknownFormat { given: String, kind: &'static str, offered: String },
    #[error(transparent)]
    NotAcceptable(#[from] negotiate::NotAcceptable),
    #[error("the {name} header is not usable: {message}")]
    Header { name: &'static str, message: String },
    #[error("updates need `Authorization: Bearer <token>`")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error(
        "the query ran past the time limit of {seconds} s and was cancelled; narrow it (LIMIT, more specific patterns)"
    )]
    Timeout { seconds: String },
    #[error("the results have more than {limit} {what}, the limit of this endpoint; add a LIMIT or narrow the query")]
    TooMany { limit: usize, what: &'static str },
    #[error("the request body is larger than the limit of {max} bytes")]
    TooLarge { max: usize },
    #[error("the request body could not be read: {0}")]
    Body(String),
    #[error("the method {method} is not allowed on the SPARQL endpoint; use GET or POST")]
    Method { method: String },
    #[error("the query was stopped")]
    Cancelled,
    #[error("the {what} failed: {message}")]
    Evaluation { what: &'static str, message: String },
    #[error("the store failed: {0}")]
    Store(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ProtocolError {
    /// The HTTP status of the error.
    pub fn status(&self) -> StatusCode {
        use ProtocolError::*;
        match self {
            MediaType { .. } | Charset { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            Unauthorized => StatusCode::UNAUTHORIZED,
            Forbidden(_) => StatusCode::FORBIDDEN,
            Timeout { .. } | TooMany { .. } | Cancelled => StatusCode::UNPROCESSABLE_ENTITY,
            TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Method { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Store(_) | Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

impl IntoResponse for ProtocolError {
    fn into_response(self) -> Response {
        if let ProtocolError::NotAcceptable(refused) = self {
            return refused.into_response();
        }
        let status = self.status();
        let message = self.to_string().replace(['\n', '\r'], " ");
        let mut response =
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message + "\n").into_response();
        let headers = response.headers_mut();
        match self {
            ProtocolError::Unauthorized => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"sparql\""));
            }
            ProtocolError::Method { .. } => {
                headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, POST"));
            }
            _ => {}
        }
        response
    }
}

impl From<QueryEvaluationError> for ProtocolError {
    fn from(error: QueryEvaluationError) -> Self {
        match error {
            QueryEvaluationError::Cancelled => Self::Cancelled,
            QueryEvaluationError::Dataset(e) => Self::Store(e.to_string()),
            other => Self::Evaluation { what: "query", message: other.to_string() },
        }
    }
}

impl From<UpdateEvaluationError> for ProtocolError {
    fn from(error: UpdateEvaluationError) -> Self {
        match error {
            UpdateEvaluationError::Storage(e) => Self::Store(e.to_string()),
            UpdateEvaluationError::Unexpected(e)
                if matches!(e.downcast_ref::<QueryEvaluationError>(), Some(QueryEvaluationError::Cancelled)) =>
            {
                Self::Cancelled
            }
            other => Self::Evaluation { what: "update", message: other.to_string() },
        }
    }
}

impl From<oxigraph::store::StorageError> for ProtocolError {
    fn from(error: oxigraph::store::StorageError) -> Self {
        Self::Store(error.to_string())
    }
}

/// The routes of `/sparql`: GET and POST; any other method is answered 405 with `Allow`.
pub fn method_router() -> MethodRouter<serve::State> {
    get(get_sparql).post(post_sparql).fallback(other_method)
}

/// GET `/sparql`: a query in `?query=`, or the service description.
pub async fn get_sparql(
    State(state): State<serve::State>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let answer = async {
        let body = read_body(&state, body)?;
        let url = Params::decode(raw.unwrap_or_default().as_bytes(), "URL query")?;
        match request::from_get(url, &body)? {
            Some(operation) => execute(state, &headers, operation).await,
            None => describe(&state, &headers, uri.path()),
        }
    };
    answer.await.unwrap_or_else(IntoResponse::into_response)
}

/// POST `/sparql`: a form (`query=` or `update=`), or a query or update as the body.
pub async fn post_sparql(
    State(state): State<serve::State>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let answer = async {
        let body = read_body(&state, body)?;
        let url = Params::decode(raw.unwrap_or_default().as_bytes(), "URL query")?;
        let content_type = header_text(&headers, header::CONTENT_TYPE, "Content-Type")?;
        let operation = request::from_post(url, content_type, &body)?;
        execute(state, &headers, operation).await
    };
    answer.await.unwrap_or_else(IntoResponse::into_response)
}

/// Any other method on `/sparql`.
pub async fn other_method(method: axum::http::Method) -> Response {
    ProtocolError::Method { method: method.to_string() }.into_response()
}

/// Rewrites the body-limit layer's terse 413 into a message that gives the limit.
pub async fn explain_too_large(State(state): State<serve::State>, response: Response) -> Response {
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ProtocolError::TooLarge { max: state.options.max_body }.into_response();
    }
    response
}

fn read_body(state: &serve::State, body: Result<Bytes, BytesRejection>) -> Result<Bytes, ProtocolError> {
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ProtocolError::TooLarge { max: state.options.max_body },
        _ => ProtocolError::Body(rejection.body_text()),
    })
}

fn header_text<'a>(
    headers: &'a HeaderMap,
    name: header::HeaderName,
    label: &'static str,
) -> Result<Option<&'a str>, ProtocolError> {
    headers
        .get(name)
        .map(|v| v.to_str().map_err(|e| ProtocolError::Header { name: label, message: e.to_string() }))
        .transpose()
}

/// The service description, or a redirect to the query page for a browser.
fn describe(state: &serve::State, headers: &HeaderMap, path: &str) -> Result<Response, ProtocolError> {
    let accept = header_text(headers, header::ACCEPT, "Accept")?;
    let chosen = negotiate::offered(accept, "the service description", &negotiate::documents())?;
    if chosen == "text/html" {
        let mut response = Redirect::to("/query").into_response();
        response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
        return Ok(response);
    }
    let format = results::choose(true, &[], Some(chosen))?;
    let host = header_text(headers, header::HOST, "Host")?.unwrap_or("localhost");
    let endpoint = format!("http://{host}{path}");
    let triples = description::describe(&endpoint, &state.graph.store, state.options.update_token.is_some())?;
    Ok(answer(format, description::write(&triples, format)?))
}

/// A 200 answer with `body` in `format`.
fn answer(format: Format, body: Vec<u8>) -> Response {
    let content_type = format!("{}; charset=utf-8", format.media_type);
    (StatusCode::OK, [(header::CONTENT_TYPE, content_type), (header::VARY, "Accept".to_owned())], body).into_response()
}

/// Runs a query or an update within the time limit.
///
/// On the server's own connection threads (a single-threaded runtime) the work runs right here, and the deadline
/// thread ([`deadline`](crate::serve::deadline)) sets the cancellation token at the limit; Oxigraph's evaluator checks
/// it at every read of the store, so the evaluation stops at its next read and is answered 422. Mounted in a
/// multi-threaded runtime (`serve::router` in another service), the work is a task of its own that evaluates on a
/// worker handed over to a fresh thread meanwhile (`block_in_place`), and the answer comes at the limit whatever
/// the evaluation does. Either way, an evaluation that returns because it was cancelled is counted in
/// [`Shared::stopped`](crate::serve::Shared::stopped).
async fn execute(state: serve::State, headers: &HeaderMap, operation: Operation) -> Result<Response, ProtocolError> {
    let accept = header_text(headers, header::ACCEPT, "Accept")?.map(str::to_owned);
    if operation.kind == Kind::Update {
        authorize(&state, headers)?;
    }
    let token = CancellationToken::new();
    let timeout = state.options.timeout;
    let timed_out = || ProtocolError::Timeout { seconds: format!("{}", timeout.as_secs_f64()) };
    let work = move |token: CancellationToken| {
        let result = match operation.kind {
            Kind::Query => run_query(&state, &operation, accept.as_deref(), token),
            Kind::Update => run_update(&state, &operation, token).map(|()| StatusCode::NO_CONTENT.into_response()),
        };
        if matches!(result, Err(ProtocolError::Cancelled)) {
            state.stopped.record();
        }
        result
    };
    let result = if tokio::runtime::Handle::current().runtime_flavor() == RuntimeFlavor::CurrentThread {
        let _deadline = serve::deadline::after(timeout, token.clone());
        work(token)
    } else {
        let job = {
            let token = token.clone();
            tokio::spawn(async move { tokio::task::block_in_place(|| work(token)) })
        };
        match tokio::time::timeout(timeout, job).await {
            Err(_) => {
                token.cancel();
                Err(timed_out())
            }
            Ok(Err(join)) => Err(ProtocolError::Internal(format!("the query task failed: {join}"))),
            Ok(Ok(result)) => result,
        }
    };
    match result {
        Err(ProtocolError::Cancelled) => Err(timed_out()),
        result => result,
    }
}

/// Checks the bearer token of an update.
fn authorize(state: &serve::State, headers: &HeaderMap) -> Result<(), ProtocolError> {
    let Some(expected) = state.options.update_token.as_deref() else {
        return Err(ProtocolError::Forbidden("updates are not allowed on this endpoint (it is read-only)"));
    };
    let given = header_text(headers, header::AUTHORIZATION, "Authorization")?.ok_or(ProtocolError::Unauthorized)?;
    let token = given
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or(ProtocolError::Unauthorized)?;
    if same(token.as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(ProtocolError::Forbidden("the bearer token is not the one that allows updates"))
    }
}

/// Compares two secrets in a time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// An evaluator with the graph's base IRI and the cancellation token.
fn evaluator(state: &serve::State, token: CancellationToken) -> SparqlEvaluator {
    let evaluator = SparqlEvaluator::new().with_cancellation_token(token);
    let base = state.graph.inputs.iris.base().to_owned();
    match evaluator.clone().with_base_iri(base) {
        Ok(with_base) => with_base,
        Err(_) => evaluator,
    }
}

fn syntax(what: &'static str) -> impl Fn(SparqlSyntaxError) -> ProtocolError {
    move |e| ProtocolError::Syntax { what, message: e.to_string() }
}

/// The graphs named by a dataset parameter.
fn iris(values: &[String], parameter: &'static str) -> Result<Vec<NamedNode>, ProtocolError> {
    values
        .iter()
        .map(|v| {
            NamedNode::new(v.as_str()).map_err(|e| ProtocolError::Iri {
                parameter,
                value: v.clone(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// The dataset that protocol parameters give (`None` when they give none).
fn protocol_dataset(
    operation: &Operation,
    names: (&'static str, &'static str),
) -> Result<Option<QueryDatasetSpecification>, ProtocolError> {
    if operation.default_graphs.is_empty() && operation.named_graphs.is_empty() {
        return Ok(None);
    }
    let mut dataset = QueryDatasetSpecification::new();
    dataset.set_default_graph(iris(&operation.default_graphs, names.0)?.into_iter().map(GraphName::from).collect());
    dataset.set_available_named_graphs(
        iris(&operation.named_graphs, names.1)?.into_iter().map(NamedOrBlankNode::from).collect(),
    );
    Ok(Some(dataset))
}

fn run_query(
    state: &serve::State,
    operation: &Operation,
    accept: Option<&str>,
    token: CancellationToken,
) -> Result<Response, ProtocolError> {
    let mut prepared = evaluator(state, token).parse_query(&operation.text).map_err(syntax("query"))?;
    if let Some(dataset) = protocol_dataset(operation, ("default-graph-uri", "named-graph-uri"))? {
        *prepared.dataset_mut() = dataset;
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let results = prepared.on_store(&state.graph.store).execute()?;
    let graph = matches!(results, oxigraph::sparql::QueryResults::Graph(_));
    let format = results::choose(graph, &operation.format, accept)?;
    let body = results::write(results, format, &state.graph.inputs.iris, state.options.max_results)?;
    Ok(answer(format, body))
}

fn run_update(state: &serve::State, operation: &Operation, token: CancellationToken) -> Result<(), ProtocolError> {
    let mut prepared = evaluator(state, token).parse_update(&operation.text).map_err(syntax("update"))?;
    let protocol = protocol_dataset(operation, ("using-graph-uri", "using-named-graph-uri"))?;
    for dataset in prepared.using_datasets_mut() {
        match &protocol {
            Some(_) if !dataset.is_default_dataset() => return Err(ProtocolError::DatasetConflict),
            Some(given) => *dataset = given.clone(),
            None if dataset.is_default_dataset() => dataset.set_default_graph_as_union(),
            None => {}
        }
    }
    prepared.on_store(&state.graph.store).execute()?;
    Ok(())
}
