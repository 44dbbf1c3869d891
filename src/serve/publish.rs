//! Publishing: the dataset description (DCAT 3 and VoID) at `/dataset` and the dumps at `/dump.*`.

use axum::http::StatusCode;

/// `/dataset`, by `Accept`.
pub async fn dataset() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// `/dataset.ttl` and the other suffixes.
pub async fn dataset_as() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}

/// `/dump.ttl`, `/dump.nt`, `/dump.nq`, `/dump.jsonld`.
pub async fn dump() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
