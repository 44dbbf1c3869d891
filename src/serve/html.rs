//! HTML: escaping, the frame every page shares, and terms written as links and language-tagged text.
//!
//! Takes text, IRIs and RDF terms and gives HTML fragments; [`page`] wraps a page's body in the shared frame
//! (the navigation and the one style sheet of `/assets/`, nothing from another site).

use crate::vocab;
use oxigraph::model::{Literal, TermRef};

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: `title` in the `<title>` and the frame around `body` (HTML already escaped). `head` adds
/// elements to `<head>` (the links to a page's other formats).
pub fn page(title: &str, head: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/assets/style.css">
{head}</head>
<body>
<header class="site"><nav><a href="/" class="home">qingpu-kg</a> <a href="/search">Search</a> <a href="/query">Query</a> <a href="/sparql">SPARQL</a> <a href="/ontology">Ontology</a> <a href="/dataset">Dataset</a></nav></header>
<main>
{body}
</main>
</body>
</html>
"#,
        title = escape(title)
    )
}

/// The local path of an IRI under `base` (`/id/place/chonggu`), or `None` for an IRI elsewhere.
pub fn local_path<'a>(iri: &'a str, base: &str) -> Option<String> {
    let rest: &'a str = iri.strip_prefix(base)?;
    Some(format!("/{rest}"))
}

/// A link to `iri` showing `text` (escaped here): a local link for an IRI under `base`, else an external one.
pub fn link(iri: &str, base: &str, text: &str) -> String {
    match local_path(iri, base) {
        Some(path) => format!(r#"<a href="{}">{}</a>"#, escape(&path), escape(text)),
        None => format!(r#"<a href="{}" class="external" rel="nofollow">{}</a>"#, escape(iri), escape(text)),
    }
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
pub fn literal(literal: &Literal) -> String {
    let value = escape(literal.value());
    match literal.language() {
        Some(language) => {
            let language = escape(language);
            format!(r#"<span lang="{language}">{value}</span> <small class="tag">@{language}</small>"#)
        }
        None if literal.datatype().as_str() == vocab::xsd::STRING.as_str() => value,
        None => format!(
            r#"{value} <small class="tag">{}</small>"#,
            escape(&vocab::compact(&format!("<{}>", literal.datatype().as_str())))
        ),
    }
}

/// Any term: a literal as [`literal`], an IRI as a link named by `label` (its label when it has one) or its
/// short name, a blank node as its id.
pub fn term(term: TermRef<'_>, base: &str, label: impl Fn(&str) -> Option<String>) -> String {
    match term {
        TermRef::NamedNode(n) => {
            let text = label(n.as_str()).unwrap_or_else(|| short(n.as_str(), base));
            link(n.as_str(), base, &text)
        }
        TermRef::Literal(l) => literal(&l.into_owned()),
        other => escape(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://w3id.org/qingpu-kg/";

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn iris_under_the_base_are_local_links() {
        assert_eq!(link(&format!("{BASE}id/place/chonggu"), BASE, "重固"), r#"<a href="/id/place/chonggu">重固</a>"#);
        assert_eq!(link(&format!("{BASE}ontology#Town"), BASE, "qpk:Town"), r#"<a href="/ontology#Town">qpk:Town</a>"#);
        assert!(
            link("http://www.wikidata.org/entity/Q8686", BASE, "Q8686")
                .contains(r#"href="http://www.wikidata.org/entity/Q8686""#)
        );
    }

    #[test]
    fn short_names_use_prefixes_then_the_base() {
        assert_eq!(short("https://schema.org/Place", BASE), "schema:Place");
        assert_eq!(short(&format!("{BASE}id/place/chonggu"), BASE), "place/chonggu");
        assert_eq!(short("http://example.org/x", BASE), "http://example.org/x");
    }
}
