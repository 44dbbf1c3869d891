//! Pages: every IRI under the base as HTML or RDF, the ontology, the home page and the label search.
//!
//! Takes requests for paths of the server and gives, for a path `P` that names a resource `{base}P` of the store
//! (the subject or object of a triple, or a named graph): **303 See Other** to the document that describes it,
//! `P.html`, `P.ttl`, `P.nt`, `P.jsonld` or `P.rdf`, chosen by `Accept` (the IRI names a thing, the documents
//! describe it); the documents themselves with 200; and 404 for anything else. The ontology (a hash
//! namespace) is served directly at `/ontology` by `Accept` and at `/ontology.{ext}`. [`home()`] and [`search()`]
//! are in [`home`](mod@home).

pub mod entity;
pub mod home;
pub mod ontology;
pub mod rdf;

pub use home::{home, search};
pub use ontology::{ontology, ontology_as};

use super::State as AppState;
use super::html;
use super::negotiate;
use crate::error::GraphError;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use oxigraph::model::NamedNode;

/// Any other path: the resource `{base}{path}`, or its document `{path}.{suffix}`.
pub async fn resource(State(state): State<AppState>, method: Method, headers: HeaderMap, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response =
            (StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not allowed on {}: use GET\n", uri.path()))
                .into_response();
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    match answer(&state, &headers, uri.path()) {
        Ok(response) => response,
        Err(error) => failure(&error),
    }
}

fn answer(state: &AppState, headers: &HeaderMap, path: &str) -> Result<Response, GraphError> {
    if resource_iri(state, path)?.is_some() {
        return Ok(see_other(headers, path));
    }
    let Some((stem, suffix)) = path.rsplit_once('.') else { return Ok(unknown(headers, path)) };
    let Some(iri) = resource_iri(state, stem)? else { return Ok(unknown(headers, path)) };
    let store = &state.graph.store;
    if suffix == "html" {
        let triples = rdf::describe(store, iri.as_ref())?;
        return Ok(html::response(StatusCode::OK, entity::page(state, iri.as_ref(), stem, &triples)?));
    }
    let Some(format) = crate::format::document(suffix) else { return Ok(unknown(headers, path)) };
    let triples = rdf::describe(store, iri.as_ref())?;
    let body = rdf::serialize(&triples, &state.graph.inputs.iris, format)?;
    Ok(([(header::CONTENT_TYPE, negotiate::content_type(format.media_type()))], body).into_response())
}

/// The resource of the store a path names under the base: the path as written, or percent-decoded (an IRI may
/// hold characters a URL must encode); `None` when the store knows neither.
fn resource_iri(state: &AppState, path: &str) -> Result<Option<NamedNode>, GraphError> {
    let Some(rest) = path.strip_prefix('/').filter(|rest| !rest.is_empty()) else { return Ok(None) };
    let base = state.graph.inputs.iris.base();
    let decoded = percent_encoding::percent_decode_str(rest).decode_utf8().ok().filter(|d| d != rest);
    for candidate in std::iter::once(rest).chain(decoded.as_deref()) {
        if let Ok(iri) = NamedNode::new(format!("{base}{candidate}"))
            && rdf::exists(&state.graph.store, iri.as_ref())?
        {
            return Ok(Some(iri));
        }
    }
    Ok(None)
}

/// 303 See Other from a resource to its document in the format `Accept` prefers.
fn see_other(headers: &HeaderMap, path: &str) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let media_type = match negotiate::offered(accept, "this resource", &negotiate::documents()) {
        Ok(media_type) => media_type,
        Err(refused) => return refused.into_response(),
    };
    let suffix = negotiate::extension(media_type);
    let location = format!("{path}.{suffix}");
    let body = format!("See Other: {location}\n");
    let mut response = (StatusCode::SEE_OTHER, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&location) {
        headers.insert(header::LOCATION, value);
    }
    headers.insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}

/// 404 for a path that names nothing: a page suggesting the search for browsers, a line of text for the others.
fn unknown(headers: &HeaderMap, path: &str) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let message = format!("nothing is known about {path}");
    if negotiate::choose(accept, &["text/plain", "text/html"]) != Some("text/html") {
        return not_found(&message);
    }
    let words = path.rsplit('/').next().unwrap_or("").split('.').next().unwrap_or("");
    let words = percent_encoding::percent_decode_str(words).decode_utf8_lossy().replace('-', " ");
    let body = html! {
        h1 { "Not found" }
        p { (message) ". The graph has no resource of this name." }
        (home::search_form(&words))
        p { a href="/" { "Home" } }
    };
    html::response(StatusCode::NOT_FOUND, html::page("Not found", html! {}, body))
}

/// 404 with a line of text that says what is missing (and, where it helps, what is there).
pub(crate) fn not_found(message: &str) -> Response {
    plain(StatusCode::NOT_FOUND, message)
}

/// 500 for a failure of the store or of a serializer (not of the request), with its causes.
pub(crate) fn failure(error: &dyn std::error::Error) -> Response {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    plain(StatusCode::INTERNAL_SERVER_ERROR, &message)
}

fn plain(status: StatusCode, message: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{message}\n")).into_response()
}
