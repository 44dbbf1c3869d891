//! Content negotiation: the best of the media types a handler offers for an `Accept` header (RFC 9110 §12.5.1),
//! and the one 406 answer of the server when none of them is acceptable.

use crate::format;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The media type of the HTML form of a document.
pub const HTML: &str = "text/html";

/// The media types a document of one graph is offered in (a resource, the ontology, the dataset and service
/// descriptions), the default first: Turtle for clients that name no type, HTML for browsers (which name it), then
/// the other formats of [`format::DOCUMENTS`].
pub fn documents() -> Vec<&'static str> {
    let mut offers: Vec<&'static str> = format::DOCUMENTS.iter().map(|f| f.media_type()).collect();
    offers.insert(1.min(offers.len()), HTML);
    offers
}

/// The file extension of the document in `media_type` (one of [`documents`]): `html`, or the RDF format's.
pub fn extension(media_type: &str) -> &'static str {
    format::DOCUMENTS.iter().find(|f| f.media_type() == media_type).map_or("html", |f| f.file_extension())
}

/// The `Content-Type` of an answer in `media_type`: everything the server writes is UTF-8.
pub fn content_type(media_type: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("{media_type}; charset=utf-8")).unwrap_or(HeaderValue::from_static("text/plain"))
}

/// No offer is acceptable to the client: what it asked for and the media types on offer. Every 406 of the server
/// is this answer: a line of `text/plain` naming the offers, with `Vary: Accept`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("none of the media types in Accept is offered for {what}; offered: {}", offers.join(", "))]
pub struct NotAcceptable {
    /// What was asked for: `SELECT and ASK results`, `this resource`.
    pub what: &'static str,
    /// The media types on offer, the default first.
    pub offers: Vec<&'static str>,
}

impl IntoResponse for NotAcceptable {
    fn into_response(self) -> Response {
        let headers = [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::VARY, "Accept")];
        (StatusCode::NOT_ACCEPTABLE, headers, format!("{self}\n")).into_response()
    }
}

/// The offer the client prefers, as [`choose`], or the 406 that names the offers for `what`.
pub fn offered(
    accept: Option<&str>,
    what: &'static str,
    offers: &[&'static str],
) -> Result<&'static str, NotAcceptable> {
    choose(accept, offers).ok_or_else(|| NotAcceptable { what, offers: offers.to_vec() })
}

/// Marks an answer chosen by `Accept`: `Vary: Accept`, and the `Content-Location` of the document it holds.
pub fn located(mut response: Response, location: &str) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Accept"));
    if let Ok(location) = HeaderValue::from_str(location) {
        headers.insert(header::CONTENT_LOCATION, location);
    }
    response
}

/// One media range of an `Accept` header, with its weight.
#[derive(Debug, Clone, PartialEq)]
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    q: f32,
}

impl Range<'_> {
    /// How well the range names `offer`: 2 exactly, 1 by `type/*`, 0 by `*/*`; `None` when it does not match.
    fn specificity(&self, offer: &str) -> Option<u8> {
        let (kind, subtype) = offer.split_once('/')?;
        match (self.kind, self.subtype) {
            ("*", "*") => Some(0),
            (k, "*") if k.eq_ignore_ascii_case(kind) => Some(1),
            (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => Some(2),
            _ => None,
        }
    }
}

fn parse(header: &str) -> Vec<Range<'_>> {
    header
        .split(',')
        .filter_map(|part| {
            let mut fields = part.split(';');
            let (kind, subtype) = fields.next()?.trim().split_once('/')?;
            let q = fields
                .filter_map(|p| p.trim().split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
                .map_or(Some(1.0), |(_, v)| v.trim().parse::<f32>().ok())?;
            Some(Range { kind: kind.trim(), subtype: subtype.trim(), q })
        })
        .collect()
}

/// The offer the client prefers: by the weight of the most specific range that matches it, ties going to the
/// earlier offer (the server's preference). No header, or an empty one, takes the first offer; `None` when
/// the header accepts none of the offers (answer 406).
pub fn choose<'a>(accept: Option<&str>, offers: &[&'a str]) -> Option<&'a str> {
    let ranges = match accept.map(str::trim) {
        None | Some("") => return offers.first().copied(),
        Some(header) => parse(header),
    };
    let weight = |offer: &str| {
        ranges
            .iter()
            .filter_map(|r| Some((r.specificity(offer)?, r.q)))
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map_or(0.0, |(_, q)| q)
    };
    let mut best: Option<(&'a str, f32)> = None;
    for offer in offers {
        let q = weight(offer);
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((offer, q));
        }
    }
    best.map(|(offer, _)| offer)
}

#[cfg(test)]
mod tests {
    use super::{choose, offered};
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;

    const OFFERS: &[&str] = &["text/html", "text/turtle", "application/ld+json"];

    #[test]
    fn no_header_takes_the_first_offer() {
        assert_eq!(choose(None, OFFERS), Some("text/html"));
        assert_eq!(choose(Some(" "), OFFERS), Some("text/html"));
    }

    #[test]
    fn weights_decide_and_ties_go_to_the_server() {
        assert_eq!(choose(Some("text/turtle;q=0.9, application/ld+json"), OFFERS), Some("application/ld+json"));
        assert_eq!(choose(Some("application/ld+json, text/turtle"), OFFERS), Some("text/turtle"));
        assert_eq!(choose(Some("*/*"), OFFERS), Some("text/html"));
    }

    #[test]
    fn the_most_specific_range_gives_the_weight() {
        assert_eq!(choose(Some("text/*;q=0.5, text/html;q=0, application/*;q=0.1"), OFFERS), Some("text/turtle"));
        assert_eq!(choose(Some("*/*;q=0.1, text/turtle"), OFFERS), Some("text/turtle"));
    }

    #[test]
    fn nothing_acceptable_is_none() {
        assert_eq!(choose(Some("image/png"), OFFERS), None);
        assert_eq!(choose(Some("text/turtle;q=0"), OFFERS), None);
        assert_eq!(choose(Some("garbage"), OFFERS), None);
    }

    #[test]
    fn media_type_parameters_and_case_are_ignored() {
        assert_eq!(choose(Some("Text/Turtle; charset=utf-8"), OFFERS), Some("text/turtle"));
    }

    #[test]
    fn the_406_names_the_offers_as_plain_text_varying_by_accept() {
        let refused = offered(Some("image/png"), "this resource", OFFERS).expect_err("nothing acceptable");
        assert_eq!(
            refused.to_string(),
            "none of the media types in Accept is offered for this resource; offered: text/html, text/turtle, \
             application/ld+json"
        );
        let response = refused.into_response();
        assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/plain; charset=utf-8");
        assert_eq!(response.headers()[header::VARY], "Accept");
        assert_eq!(offered(Some("text/turtle"), "this resource", OFFERS), Ok("text/turtle"));
    }
}
