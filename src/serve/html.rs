//! HTML: the frame every page shares, and terms written as links and language-tagged text.
//!
//! Takes text, IRIs and RDF terms and gives [`maud`] markup, which escapes every value spliced into it, in
//! element content and in attribute values alike; [`page`] wraps a page's body in the shared frame (the
//! navigation and the one style sheet of `/assets/`, nothing from another site) and [`response`] sends it.

use crate::vocab;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use oxigraph::model::{Literal, TermRef};

/// The links of the navigation bar, after the home link: path and name.
const NAVIGATION: &[(&str, &str)] = &[
    ("/search", "Search"),
    ("/query", "Query"),
    ("/sparql", "SPARQL"),
    ("/ontology", "Ontology"),
    ("/dataset", "Dataset"),
];

/// A whole page: `title` in the `<title>` and the frame around `body`. `head` adds elements to `<head>` (the
/// links to a page's other formats, a script).
pub fn page(title: &str, head: Markup, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="zh" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/assets/style.css";
                (head)
            }
            body {
                header class="site" {
                    nav {
                        a href="/" class="home" { "qingpu-kg" }
                        @for (path, name) in NAVIGATION {
                            " " a href=(path) { (name) }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A page as an answer with its status.
pub fn response(status: StatusCode, page: Markup) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page.into_string()).into_response()
}

/// The local path of an IRI under `base` (`/id/place/chonggu`), or `None` for an IRI elsewhere.
pub fn local_path(iri: &str, base: &str) -> Option<String> {
    let rest = iri.strip_prefix(base)?;
    Some(format!("/{rest}"))
}

/// A link to `iri` showing `text`: a local link for an IRI under `base`, else an external one.
pub fn link(iri: &str, base: &str, text: &str) -> Markup {
    html! {
        @match local_path(iri, base) {
            Some(path) => { a href=(path) { (text) } }
            None => { a href=(iri) class="external" rel="nofollow" { (text) } }
        }
    }
}

/// A link to `iri` showing its [`short`] name.
pub fn named_link(iri: &str, base: &str) -> Markup {
    link(iri, base, &short(iri, base))
}

/// A short name of an IRI: a prefixed name (`schema:Place`), a path under `base` (`place/chonggu` for
/// `{base}id/place/chonggu`), or the IRI itself.
pub fn short(iri: &str, base: &str) -> String {
    let compact = vocab::compact(&format!("<{iri}>"));
    if !compact.starts_with('<') {
        return compact;
    }
    match iri.strip_prefix(base) {
        Some(rest) => rest.strip_prefix("id/").unwrap_or(rest).to_owned(),
        None => iri.to_owned(),
    }
}

/// A literal as text with its language (`lang` attribute and a small tag) or its datatype.
pub fn literal(literal: &Literal) -> Markup {
    html! {
        @if let Some(language) = literal.language() {
            span lang=(language) { (literal.value()) } " " small class="tag" { "@" (language) }
        } @else if literal.datatype() == vocab::xsd::STRING {
            (literal.value())
        } @else {
            (literal.value()) " " small class="tag" { (vocab::compact(&format!("<{}>", literal.datatype().as_str()))) }
        }
    }
}

/// Any term: a literal as [`literal`], an IRI as a link named by `label` (its label when it has one) or its
/// short name, a blank node as its id.
pub fn term(term: TermRef<'_>, base: &str, label: impl Fn(&str) -> Option<String>) -> Markup {
    match term {
        TermRef::NamedNode(n) => {
            let text = label(n.as_str()).unwrap_or_else(|| short(n.as_str(), base));
            link(n.as_str(), base, &text)
        }
        TermRef::Literal(l) => literal(&l.into_owned()),
        other => html! { (other.to_string()) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://w3id.org/qingpu-kg/";

    #[test]
    fn iris_under_the_base_are_local_links() {
        let link = |iri: &str, text| link(iri, BASE, text).into_string();
        assert_eq!(link(&format!("{BASE}id/place/chonggu"), "重固"), r#"<a href="/id/place/chonggu">重固</a>"#);
        assert_eq!(link(&format!("{BASE}ontology#Town"), "qpk:Town"), r#"<a href="/ontology#Town">qpk:Town</a>"#);
        assert_eq!(
            link("http://www.wikidata.org/entity/Q8686", "Q8686"),
            r#"<a href="http://www.wikidata.org/entity/Q8686" class="external" rel="nofollow">Q8686</a>"#
        );
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let markup = link(r#"http://example.org/?a=1&b="2""#, BASE, "<b>'&'</b>").into_string();
        assert_eq!(
            markup,
            r#"<a href="http://example.org/?a=1&amp;b=&quot;2&quot;" class="external" rel="nofollow">&lt;b&gt;'&amp;'&lt;/b&gt;</a>"#
        );
        let page = page("<script>", html! {}, html! { p { ("a < b") } }).into_string();
        assert!(page.contains("<title>&lt;script&gt;</title>") && page.contains("<p>a &lt; b</p>"), "{page}");
    }

    #[test]
    fn literals_show_their_language_or_datatype() {
        let zh = Literal::new_language_tagged_literal("重固", "zh").expect("a literal");
        assert_eq!(literal(&zh).into_string(), r#"<span lang="zh">重固</span> <small class="tag">@zh</small>"#);
        assert_eq!(literal(&Literal::new_simple_literal("a & b")).into_string(), "a &amp; b");
        let date = Literal::new_typed_literal("2020-01-01", vocab::xsd::DATE);
        assert_eq!(literal(&date).into_string(), r#"2020-01-01 <small class="tag">xsd:date</small>"#);
    }

    #[test]
    fn short_names_use_prefixes_then_the_base() {
        assert_eq!(short("https://schema.org/Place", BASE), "schema:Place");
        assert_eq!(short(&format!("{BASE}id/place/chonggu"), BASE), "place/chonggu");
        assert_eq!(short("http://example.org/x", BASE), "http://example.org/x");
    }
}
