//! The query page and its files, embedded in the program (no CDN: it works offline).

use axum::http::StatusCode;

/// `/query`: the query editor with the named queries as examples.
pub async fn query_page() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// `/assets/{file}`: the page's script and style.
pub async fn file() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
