//! `/dataset` and the dumps on the in-process server: formats by `Accept` and by suffix, the page for a browser,
//! dumps equal to the export, entity tags and 304.

use crate::server::{get, shared, start};
use crate::{bin, texts};
use oxigraph::io::{RdfFormat, RdfParser};

fn export(format: &str) -> Vec<u8> {
    let output = bin().args(["export", "--format", format]).output().expect("run export");
    assert!(output.status.success(), "{}", texts(&output).1);
    output.stdout
}

fn triples(bytes: &[u8], format: RdfFormat) -> usize {
    RdfParser::from_format(format).for_slice(bytes).collect::<Result<Vec<_>, _>>().expect("parses").len()
}

#[test]
fn the_description_is_turtle_for_clients_and_html_for_browsers() {
    let root = shared();
    let turtle = get(&format!("{root}/dataset"), &[("accept", "*/*")]);
    assert_eq!(turtle.status, 200);
    assert_eq!(turtle.media_type(), "text/turtle");
    assert_eq!(turtle.header("vary"), Some("Accept"));
    let expected =
        String::from_utf8(bin().args(["export", "--graph", "metadata"]).output().expect("run").stdout).expect("UTF-8");
    assert_eq!(turtle.text(), expected, "the metadata graph, as export writes it");
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let page = get(&format!("{root}/dataset"), &[("accept", browser)]);
    assert_eq!(page.media_type(), "text/html");
    let html = page.text();
    assert!(html.contains("<h1>2020年青浦区政府工作报告知识图谱"), "{html}");
    assert!(html.contains("<a href=\"/dump.nq\">"), "links to the dumps on this server");
    assert!(html.contains("https://creativecommons.org/licenses/by/4.0/"), "the licence");
    assert!(!html.contains("<script"), "a plain page");
    for (accept, media, format) in [
        ("application/ld+json", "application/ld+json", RdfFormat::JsonLd { profile: Default::default() }),
        ("application/n-triples", "application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", "application/rdf+xml", RdfFormat::RdfXml),
    ] {
        let reply = get(&format!("{root}/dataset"), &[("accept", accept)]);
        assert_eq!(reply.media_type(), media, "{accept}");
        assert_eq!(triples(&reply.body, format), triples(turtle.body.as_slice(), RdfFormat::Turtle), "{accept}");
    }
    let refused = get(&format!("{root}/dataset"), &[("accept", "image/png")]);
    crate::server::is_not_acceptable(&refused);
    assert!(refused.text().contains("text/turtle"), "{}", refused.text());
}

#[test]
fn the_description_by_suffix() {
    let root = shared();
    for (ext, media) in [
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("nt", "application/n-triples"),
        ("rdf", "application/rdf+xml"),
    ] {
        let reply = get(&format!("{root}/dataset.{ext}"), &[("accept", "text/html")]);
        assert_eq!((reply.status, reply.media_type()), (200, media), "{ext}");
        assert!(reply.text().contains("creativecommons.org/licenses/by/4.0"), "{ext}");
    }
    let unknown = get(&format!("{root}/dataset.csv"), &[]);
    assert_eq!(unknown.status, 404);
    assert!(unknown.text().contains("/dataset.ttl") && unknown.text().contains("/dataset.rdf"), "{}", unknown.text());
}

#[test]
fn dumps_are_the_export_with_a_name_and_a_tag() {
    let root = shared();
    for (ext, format, media) in [
        ("ttl", "turtle", "text/turtle"),
        ("nt", "ntriples", "application/n-triples"),
        ("nq", "nquads", "application/n-quads"),
        ("trig", "trig", "application/trig"),
        ("jsonld", "jsonld", "application/ld+json"),
    ] {
        let reply = get(&format!("{root}/dump.{ext}"), &[]);
        assert_eq!((reply.status, reply.media_type()), (200, media), "{ext}");
        assert!(reply.body == export(format), "/dump.{ext} is byte for byte `export --format {format}`");
        assert_eq!(
            reply.header("content-disposition"),
            Some(format!("attachment; filename=\"qingpu-2020-government-work-report.{ext}\"").as_str())
        );
        let etag = reply.header("etag").expect("an ETag").to_owned();
        assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
        let again = get(&format!("{root}/dump.{ext}"), &[("if-none-match", &etag)]);
        assert_eq!(again.status, 304, "{ext}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        let weak = get(&format!("{root}/dump.{ext}"), &[("if-none-match", &format!("\"other\", W/{etag}"))]);
        assert_eq!(weak.status, 304, "a weak tag in a list matches");
        let stale = get(&format!("{root}/dump.{ext}"), &[("if-none-match", "\"stale\"")]);
        assert_eq!(stale.status, 200);
        assert_eq!(stale.body, reply.body);
    }
    let unknown = get(&format!("{root}/dump.rdf"), &[]);
    assert_eq!(unknown.status, 404);
    assert!(unknown.text().contains("/dump.ttl") && unknown.text().contains("/dump.jsonld"), "{}", unknown.text());
}

#[test]
fn with_updates_allowed_the_dump_is_written_from_the_store() {
    let options = qingpu_kg::serve::Options { update_token: Some("secret".into()), ..crate::server::options() };
    let root = start(options);
    let first = get(&format!("{root}/dump.nt"), &[]);
    let nt = export("ntriples");
    assert!(first.body == nt, "the same bytes, from the store");
    let again = get(&format!("{root}/dump.nt"), &[("if-none-match", first.header("etag").expect("an ETag"))]);
    assert_eq!(again.status, 304, "an unchanged store gives the same tag");
}
