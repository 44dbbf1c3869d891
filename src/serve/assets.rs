//! The query page and its files, embedded in the program (no CDN, no external font: it works offline).
//!
//! Takes the named queries of [`Options::queries`](crate::serve::Options) (their titles and descriptions from
//! the `# title:` and `# description:` headers) and gives `/query`: a SPARQL editor, the list of named queries
//! that loads one into it, and a Run button that posts the query to `/sparql` and shows the results as a table
//! (the script `query.js`); and `/assets/{file}`: `query.js` and `style.css`.

use super::State as AppState;
use super::html::{self, escape};
use super::pages::{failure, html_response};
use crate::query;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Write;

/// The files under `/assets/`: name, media type, content.
const FILES: &[(&str, &str, &str)] = &[
    ("query.js", "text/javascript; charset=utf-8", include_str!("assets/query.js")),
    ("style.css", "text/css; charset=utf-8", include_str!("assets/style.css")),
];

/// The page's frame around the editor, with `{{queries}}`, `{{texts}}` and `{{base}}` to fill.
const QUERY_HTML: &str = include_str!("assets/query.html");

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
    let mut items = String::new();
    let mut texts = String::new();
    for (name, path) in &named {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let title = query::header(&text, "title").unwrap_or(name);
        let description = query::header(&text, "description").unwrap_or("");
        let _ = writeln!(
            items,
            r#"<li><button type="button" class="example" data-name="{name}" title="{description}">{title}</button></li>"#,
            name = escape(name),
            title = escape(title),
            description = escape(description)
        );
        let _ = writeln!(texts, r#"<textarea hidden id="query-{}">{}</textarea>"#, escape(name), escape(&text));
    }
    // The texts of the queries go in last, so that nothing in them is taken for a placeholder.
    let body = QUERY_HTML
        .replace("{{count}}", &named.len().to_string())
        .replace("{{start}}", &escape(START))
        .replace("{{base}}", &escape(state.graph.iris.base()))
        .replace("{{queries}}", &items)
        .replace("{{texts}}", &texts);
    let head = r#"<script src="/assets/query.js" defer></script>"#;
    html_response(StatusCode::OK, html::page("SPARQL query", head, &body))
}

/// `/assets/{file}`: the page's script and style.
pub async fn file(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((_, media_type, content)) => ([(header::CONTENT_TYPE, *media_type)], *content).into_response(),
        None => {
            let known: Vec<&str> = FILES.iter().map(|(file, _, _)| *file).collect();
            (StatusCode::NOT_FOUND, format!("no asset `{name}` (known: {})\n", known.join(", "))).into_response()
        }
    }
}
