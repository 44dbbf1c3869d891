//! The pages of `serve`: every IRI under the base answers 303 to a document chosen by `Accept`, the documents
//! parse and hold what the graph says, the HTML page of an entity shows its labels, the report's words and the
//! related policies, the ontology, the home page, the label search and the query page.

use crate::server::{encode, get, is_not_acceptable, post, shared};
use crate::{graph, root, select};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::{Literal, NamedNode, Triple};
use qingpu_kg::query;
use qingpu_kg::walk::{self, KindFilter};

const BASE: &str = "https://w3id.org/qingpu-kg/";
const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
/// The documents of a resource: suffix, media type and format.
const DOCUMENTS: &[(&str, &str)] = &[
    ("ttl", "text/turtle"),
    ("nt", "application/n-triples"),
    ("jsonld", "application/ld+json"),
    ("rdf", "application/rdf+xml"),
];

/// The id of 重固镇 in `data/places.csv` (its label or alias).
fn chonggu() -> String {
    let mut reader = csv::Reader::from_path(root().join("data/places.csv")).expect("places.csv");
    reader
        .records()
        .map(|r| r.expect("a row"))
        .find(|r| &r[2] == "重固" || r[4].split('|').any(|a| a == "重固镇"))
        .map(|r| r[0].to_owned())
        .expect("重固 is in places.csv")
}

fn rdf_format(media_type: &str) -> RdfFormat {
    match media_type {
        "text/turtle" => RdfFormat::Turtle,
        "application/n-triples" => RdfFormat::NTriples,
        "application/ld+json" => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        "application/rdf+xml" => RdfFormat::RdfXml,
        other => panic!("not an RDF media type: {other}"),
    }
}

fn parse(body: &[u8], media_type: &str) -> Vec<Triple> {
    RdfParser::from_format(rdf_format(media_type))
        .for_slice(body)
        .map(|q| Triple::from(q.unwrap_or_else(|e| panic!("the {media_type} document parses: {e}"))))
        .collect()
}

#[test]
fn an_entity_iri_redirects_to_the_document_accept_prefers() {
    let root = shared();
    let path = format!("/id/place/{}", chonggu());
    let cases = [
        (BROWSER, "html"),
        ("text/html", "html"),
        ("text/turtle", "ttl"),
        ("application/ld+json", "jsonld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "rdf"),
        ("*/*", "ttl"),
        ("application/ld+json;q=0.5, text/turtle;q=0.4", "jsonld"),
    ];
    for (accept, suffix) in cases {
        let reply = get(&format!("{root}{path}"), &[("accept", accept)]);
        assert_eq!(reply.status, 303, "Accept: {accept}: {}", reply.text());
        assert_eq!(reply.header("location"), Some(format!("{path}.{suffix}").as_str()), "Accept: {accept}");
        assert!(reply.header("vary").is_some_and(|v| v.to_ascii_lowercase().contains("accept")), "{:?}", reply.headers);
    }
    let documents = "text/turtle, text/html, application/ld+json, application/n-triples, application/rdf+xml";
    for (target, offered) in
        [(path.as_str(), documents), ("/ontology", documents), ("/search?q=x", "text/html, application/json")]
    {
        let refused = get(&format!("{root}{target}"), &[("accept", "image/png")]);
        is_not_acceptable(&refused);
        assert!(refused.text().trim_end().ends_with(&format!("offered: {offered}")), "{target}: {}", refused.text());
    }
}

#[test]
fn other_resources_under_the_base_redirect_too() {
    let root = shared();
    for path in [
        "/id/report/qingpu-2020-government-work-report",
        "/id/period/2018-2020",
        "/graph/facts",
        "/id/report/qingpu-2020-government-work-report/span/9984-9998",
    ] {
        let reply = get(&format!("{root}{path}"), &[("accept", "text/turtle")]);
        assert_eq!(reply.status, 303, "{path}: {}", reply.text());
        assert_eq!(reply.header("location"), Some(format!("{path}.ttl").as_str()));
    }
    let span = get(&format!("{root}/id/report/qingpu-2020-government-work-report/span/9984-9998.ttl"), &[]);
    let triples = parse(&span.body, "text/turtle");
    assert!(triples.iter().any(|t| t.predicate.as_str() == "http://www.w3.org/ns/oa#hasSource"), "{}", span.text());
}

#[test]
fn every_document_parses_back_with_the_labels_and_the_links_to_it() {
    let root = shared();
    let id = chonggu();
    let entity = NamedNode::new(format!("{BASE}id/place/{id}")).expect("IRI");
    let label = NamedNode::new("http://www.w3.org/2000/01/rdf-schema#label").expect("IRI");
    let contains = NamedNode::new("https://schema.org/containsPlace").expect("IRI");
    let qingpu = NamedNode::new(format!("{BASE}id/place/qingpu")).expect("IRI");
    for (suffix, media_type) in DOCUMENTS {
        let reply = get(&format!("{root}/id/place/{id}.{suffix}"), &[]);
        assert_eq!(reply.status, 200, "{suffix}: {}", reply.text());
        assert_eq!(reply.media_type(), *media_type);
        let triples = parse(&reply.body, media_type);
        for (text, language) in [("重固", "zh"), ("Chonggu Town", "en")] {
            let literal = Literal::new_language_tagged_literal(text, language).expect("literal");
            let expected = Triple::new(entity.clone(), label.clone(), literal);
            assert!(triples.contains(&expected), "{suffix}: no {expected}");
        }
        let incoming = Triple::new(qingpu.clone(), contains.clone(), entity.clone());
        assert!(triples.contains(&incoming), "{suffix}: the link from 青浦区 is missing");
    }
    let turtle = get(&format!("{root}/id/place/{id}.ttl"), &[]).text();
    assert!(turtle.contains("@prefix place: <https://w3id.org/qingpu-kg/id/place/>"), "{turtle}");
    assert!(turtle.contains(&format!("place:{id} a ")), "{turtle}");
}

#[test]
fn the_html_page_of_chonggu_shows_labels_quotes_and_related_policies() {
    let root = shared();
    let id = chonggu();
    let reply = get(&format!("{root}/id/place/{id}.html"), &[]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.media_type(), "text/html");
    let page = reply.text();
    assert!(page.contains(r#"<h1><span lang="zh">重固</span></h1>"#), "{page}");
    assert!(page.contains(r#"<p class="subtitle" lang="en">Chonggu Town</p>"#), "{page}");
    assert!(page.contains(r#"<a href="/ontology#Town">"#), "the type links to the ontology: {page}");
    // A mention with the words around it, as the mentions of the graph have it.
    let kg = graph();
    let index = kg.inputs.data.entities.iter().position(|e| e.id == id).expect("an entity");
    let mention = kg.inputs.mentions.iter().find(|m| m.entity == index).expect("重固 is mentioned");
    let quoted = format!(
        "…{}<mark>{}</mark>{}…",
        mention.spans[0].prefix(&kg.inputs.source.text),
        mention.name,
        mention.spans[0].suffix(&kg.inputs.source.text)
    );
    assert!(page.contains(&quoted), "no {quoted} in {page}");
    // The quote of the evidence column of places.csv, from the provenance graph.
    assert!(page.contains("<q lang=\"zh\">加快重固、白鹤新市镇总规编制</q>"), "{page}");
    // The related policies the walk gives, with their paths.
    let query = walk::Query { depth: 3, limit: 5, kind: Some(KindFilter::Policy) };
    let related =
        walk::related(&kg, &walk::View::build(&kg, walk::Options { co_mentions: true }), &id, query).expect("related");
    assert!(!related.results.is_empty());
    let section = page.split("<h2>Related policies</h2>").nth(1).expect("a related section");
    for found in &related.results {
        let policy = &kg.inputs.data.entities[found.entity];
        assert!(
            section.contains(&format!("<a href=\"/id/policy/{}\">{}</a>", policy.id, policy.label_zh)),
            "{section}"
        );
    }
    assert!(section.contains("重固 ←located in— 新市镇总规（重固）"), "{section}");
    for (suffix, _) in DOCUMENTS {
        assert!(page.contains(&format!("href=\"/id/place/{id}.{suffix}\"")), "no link to the {suffix} document");
    }
}

#[test]
fn an_unknown_path_is_404_with_a_search_for_browsers() {
    let root = shared();
    let plain = get(&format!("{root}/id/place/atlantis"), &[]);
    assert_eq!(plain.status, 404);
    assert!(plain.text().contains("/id/place/atlantis"), "{}", plain.text());
    let page = get(&format!("{root}/id/place/atlantis.html"), &[("accept", BROWSER)]);
    assert_eq!(page.status, 404);
    assert!(page.text().contains(r#"<form action="/search""#) && page.text().contains(r#"value="atlantis""#));
    let suffix = get(&format!("{root}/id/place/{}.docx", chonggu()), &[]);
    assert_eq!(suffix.status, 404, "an unknown suffix: {}", suffix.text());
    let posted = post(&format!("{root}/id/place/{}", chonggu()), &[], b"x");
    assert_eq!(posted.status, 405);
    assert_eq!(posted.header("allow"), Some("GET, HEAD"));
}

#[test]
fn the_ontology_is_html_for_browsers_and_turtle_for_the_others() {
    let root = shared();
    let html = get(&format!("{root}/ontology"), &[("accept", BROWSER)]);
    assert_eq!(html.status, 200);
    assert_eq!(html.media_type(), "text/html");
    assert_eq!(html.header("content-location"), Some("/ontology.html"));
    let page = html.text();
    assert!(page.contains(r#"<section class="term" id="Town">"#), "{page}");
    assert!(page.contains(r#"<span lang="zh">镇</span> <span lang="en" class="en">town</span>"#), "{page}");
    assert!(page.contains("<h2>Classes</h2>") && page.contains("<h2>Properties</h2>"));
    assert!(page.contains(r#"id="divisionCode""#), "a property has its anchor");
    let turtle = get(&format!("{root}/ontology"), &[]);
    assert_eq!(turtle.media_type(), "text/turtle");
    assert!(turtle.header("vary").is_some_and(|v| v.eq_ignore_ascii_case("accept")));
    assert_eq!(turtle.text(), qingpu_kg::vocab::ONTOLOGY_TTL);
    let town = Triple::new(
        NamedNode::new("https://w3id.org/qingpu-kg/ontology#Town").expect("IRI"),
        NamedNode::new("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").expect("IRI"),
        NamedNode::new("http://www.w3.org/2002/07/owl#Class").expect("IRI"),
    );
    let expected = parse(turtle.body.as_slice(), "text/turtle").len();
    for (suffix, media_type) in DOCUMENTS {
        let reply = get(&format!("{root}/ontology.{suffix}"), &[]);
        assert_eq!(reply.media_type(), *media_type);
        let triples = parse(&reply.body, media_type);
        assert!(triples.contains(&town), "{suffix}");
        assert_eq!(triples.len(), expected, "{suffix}: the whole ontology graph");
    }
}

#[test]
fn the_home_page_says_what_the_dataset_is_and_links_everything() {
    let root = shared();
    let page = get(&format!("{root}/"), &[]).text();
    let kg = graph();
    let metadata = select(
        &kg,
        "SELECT ?title ?triples ?entities WHERE { GRAPH ?g { ?d dcterms:title ?title ; void:triples ?triples ;
           void:entities ?entities . FILTER(LANG(?title) = 'zh') } }",
    );
    let [title, triples, entities] = &metadata[0][..] else { panic!("{metadata:?}") };
    assert!(page.contains(&format!("<h1>{title}</h1>")), "{page}");
    assert!(page.contains(&format!(r#"<span id="triples">{triples}</span> triples"#)), "{page}");
    assert!(page.contains(&format!(r#"<span id="entities">{entities}</span> entities"#)), "{page}");
    let dumps = ["/dump.ttl", "/dump.nt", "/dump.nq", "/dump.trig", "/dump.jsonld"];
    for link in ["/query", "/sparql", "/dataset", "/ontology"].iter().chain(&dumps) {
        assert!(page.contains(&format!("href=\"{link}\"")), "no link to {link}");
    }
    for dump in qingpu_kg::map::metadata::DUMPS {
        let link = format!(r#"<a href="/dump.{}">{}</a>"#, dump.file_extension(), dump.name());
        assert!(page.contains(&link), "the home page does not offer the dump {link}");
    }
    assert!(page.contains(r#"<form action="/search" method="get""#));
}

#[test]
fn search_finds_chinese_and_english_labels_and_answers_json() {
    let root = shared();
    let id = chonggu();
    let chinese = get(&format!("{root}/search?q={}", encode("重固")), &[]).text();
    assert!(
        chinese.contains(&format!(r#"<a href="/id/place/{id}">重固</a></td><td lang="en">Chonggu Town</td>"#)),
        "{chinese}"
    );
    assert!(chinese.contains("重固镇九年一贯制学校"), "a label that holds the words: {chinese}");
    let english = get(&format!("{root}/search?q={}", encode("chonggu TOWN")), &[]).text();
    assert!(english.contains(&format!(r#"href="/id/place/{id}""#)), "{english}");
    assert!(!english.contains("重固北部"), "every word must match: {english}");
    let alias = get(&format!("{root}/search?q={}", encode("我区")), &[]).text();
    assert!(alias.contains(r#"href="/id/place/qingpu""#), "an alias: {alias}");
    let json = get(&format!("{root}/search?q=Chonggu"), &[("accept", "application/json")]);
    assert_eq!(json.media_type(), "application/json");
    let text = json.text();
    assert!(text.starts_with(r#"{"query":"Chonggu","total":"#), "{text}");
    assert!(
        text.contains(&format!(
            r#""page":"/id/place/{id}","kind":"place","type":"town","label_zh":"重固","label_en":"Chonggu Town""#
        )),
        "{text}"
    );
    let empty = get(&format!("{root}/search?q="), &[]).text();
    assert!(empty.contains(r#"name="q""#) && !empty.contains("<table"), "{empty}");
    let none = get(&format!("{root}/search?q=zzzqqq"), &[]).text();
    assert!(none.contains("No entity has “zzzqqq” in its labels"), "{none}");
    let none_json = get(&format!("{root}/search?q=zzzqqq"), &[("accept", "application/json")]).text();
    assert_eq!(none_json, r#"{"query":"zzzqqq","total":0,"results":[]}"#);
}

#[test]
fn the_query_page_lists_every_named_query_and_fetches_nothing_from_elsewhere() {
    let root = shared();
    let page = get(&format!("{root}/query"), &[]).text();
    let named = query::named_queries(&crate::root().join("queries")).expect("queries");
    assert!(!named.is_empty());
    for (name, path) in &named {
        let text = std::fs::read_to_string(path).expect("query file");
        let title = query::header(&text, "title").expect("a title");
        let escaped = maud::html! { (title) }.into_string();
        assert!(page.contains(&format!(r#"data-name="{name}""#)), "{name} is not listed");
        assert!(page.contains(&format!(">{escaped}</button>")), "{name}: no title {title}");
        assert!(page.contains(&format!(r#"<textarea hidden id="query-{name}">"#)), "{name}: no text");
    }
    assert!(
        page.contains(r#"<textarea id="editor""#) && page.contains(r#"<button type="button" id="run">Run</button>"#)
    );
    for needle in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!page.contains(needle), "the page loads from elsewhere: {needle}");
    }
    let script = get(&format!("{root}/assets/query.js"), &[]);
    assert_eq!(script.media_type(), "text/javascript");
    assert!(script.text().contains(r#"fetch("/sparql""#) && script.text().contains("application/sparql-query"));
    let style = get(&format!("{root}/assets/style.css"), &[]);
    assert_eq!(style.media_type(), "text/css");
    assert!(!style.text().contains("url("), "the style sheet fetches nothing");
    assert_eq!(get(&format!("{root}/assets/nothing.js"), &[]).status, 404);
}

#[test]
fn a_percent_encoded_path_names_the_same_resource() {
    let root = shared();
    let id = chonggu();
    let encoded = format!("/id/place/%{:02X}{}", id.as_bytes()[0], &id[1..]);
    let redirect = get(&format!("{root}{encoded}"), &[("accept", "text/turtle")]);
    assert_eq!(redirect.status, 303, "{encoded}: {}", redirect.text());
    let document = get(&format!("{root}{encoded}.nt"), &[]);
    assert_eq!(document.status, 200);
    assert!(
        document
            .text()
            .contains(&format!("<{BASE}id/place/{id}> <http://www.w3.org/2000/01/rdf-schema#label> \"重固\"@zh ."))
    );
}
