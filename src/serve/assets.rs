//! The query page and its files, embedded in the program (no CDN, no external font: it works offline).
//!
//! Takes the named queries of [`Options::queries`](crate::serve::Options) (their titles and descriptions from
//! the `# title:` and `# description:` headers) and gives `/query`: a SPARQL editor, the list of named queries
//! that loads one into it, and a Run button that posts the query to `/sparql` and shows the results as a table
//! (the script `query.js`); and `/assets/{file}`: `query.js` and `style.css`.

use super::State as AppState;
use super::html;
use super::pages::{failure, not_found};
use crate::query;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;

/// The files under `/assets/`: name, media type, content.
const FILES: &[(&str, &str, &str)] = &[
    ("query.js", "text/javascript; charset=utf-8", include_str!("assets/query.js")),
    ("style.css", "text/css; charset=utf-8", include_str!("assets/style.css")),
];

/// The query shown when the page opens.
const START: &str = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX qpk: <https://w3id.org/qingpu-kg/ontology#>

SELECT ?town ?label WHERE {
  ?town a qpk:Town ; rdfs:label ?label .
  FILTER(LANG(?label) = \"zh\")
} ORDER BY ?label
";

/// `/query`: the query editor with the named queries as examples.
pub async fn query_page(State(state): State<AppState>) -> Response {
    let named = match query::named_queries(&state.options.queries) {
        Ok(named) => named,
        Err(error) => return failure(&error),
    };
    let named: Vec<(&str, String)> =
        named.iter().filter_map(|(name, path)| Some((name.as_str(), std::fs::read_to_string(path).ok()?))).collect();
    let body = html! {
        h1 { "SPARQL query" }
        div class="query-layout" data-base=(state.graph.inputs.iris.base()) id="query-app" {
            aside class="examples" {
                h2 { "Named queries " small { "(" (named.len()) ")" } }
                ul id="examples" {
                    @for (name, text) in &named {
                        li {
                            button type="button" class="example" data-name=(name)
                                title=(query::header(text, "description").unwrap_or("")) {
                                (query::header(text, "title").unwrap_or(name))
                            }
                        }
                    }
                }
            }
            section class="editor" {
                label for="editor" {
                    "Query "
                    small { "(Ctrl+Enter runs; without " code { "FROM" } " a query sees every named graph)" }
                }
                textarea id="editor" spellcheck="false" autocomplete="off" rows="18" { (START) }
                p class="actions" {
                    button type="button" id="run" { "Run" } " " span id="status" role="status" {}
                }
                div id="error" class="error" hidden {}
                div id="results" {}
            }
        }
        div hidden {
            @for (name, text) in &named {
                textarea hidden id={ "query-" (name) } { (text) }
            }
        }
    };
    let head = html! { script src="/assets/query.js" defer {} };
    html::response(StatusCode::OK, html::page("SPARQL query", head, body))
}

/// `/assets/{file}`: the page's script and style.
pub async fn file(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((_, media_type, content)) => ([(header::CONTENT_TYPE, *media_type)], *content).into_response(),
        None => {
            let known: Vec<&str> = FILES.iter().map(|(file, _, _)| *file).collect();
            not_found(&format!("no asset `{name}` (known: {})", known.join(", ")))
        }
    }
}
