//! Pages: every IRI under the base as HTML or RDF, the ontology, the home page and the label search.

use axum::http::StatusCode;

/// `/`: what the dataset is, a label search and the links.
pub async fn home() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// `/search?q=`: entities whose Chinese or English label holds the words.
pub async fn search() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// `/ontology`, by `Accept`.
pub async fn ontology() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// `/ontology.ttl` and the other suffixes.
pub async fn ontology_as() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// Any other path: the resource `{base}{path}`.
pub async fn resource() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
