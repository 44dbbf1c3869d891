//! The SPARQL 1.1 Protocol endpoint at `/sparql`.

use axum::http::StatusCode;

/// GET `/sparql`: a query in `?query=`, or the service description.
pub async fn get() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// POST `/sparql`: a form (`query=` or `update=`), or a query or update as the body.
pub async fn post() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
