//! Mentions: every place where the report names an entity, by its Chinese label or an alias.
//!
//! Takes the [`Source`] and the [`Dataset`] and gives the [`Mention`]s: the text of each paragraph is read once,
//! left to right, and at each position the longest name of an entity that starts there is taken, so that no
//! mention lies inside a longer entity's name (青浦新城 is not also a mention of 青浦). A name shared by two
//! entities names neither (it is ambiguous) and names of one character are not looked for.

use crate::cells::edit_distance;
use crate::error::GraphError;
use crate::ground::Span;
use crate::kinds::{Kind, SCHEME_DOCTYPE, SCHEME_INDICATOR, SCHEME_STATUS, SCHEME_UNIT};
use crate::records::{Dataset, Entity};
use crate::source::Source;
use crate::store::KnowledgeGraph;
use std::collections::HashMap;
use std::fmt;

/// One place where the report names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The entity, as an index into [`Dataset::entities`].
    pub entity: usize,
    /// The paragraph.
    pub paragraph: usize,
    /// The name as it stands in the text.
    pub name: String,
    /// The spans of the stored text (two where the name runs across a page break).
    pub spans: Vec<Span>,
}

/// Whether the names of an entity are looked for: the things a reader looks up, not the words of the controlled
/// lists (开工, 规划, 元 and the indicators are everywhere and name no thing).
fn is_mentionable(entity: &Entity) -> bool {
    match entity.kind {
        Kind::Concept => {
            ![SCHEME_STATUS, SCHEME_DOCTYPE, SCHEME_UNIT, SCHEME_INDICATOR].contains(&entity.kind_type.as_str())
        }
        Kind::Scheme | Kind::Task => false,
        _ => true,
    }
}

/// Finds every mention of every entity of `data` in `source`.
pub fn find(source: &Source, data: &Dataset) -> Vec<Mention> {
    // name → the entity it names, or None where two entities share it.
    let mut names: HashMap<&str, Option<usize>> = HashMap::new();
    for (index, entity) in data.entities.iter().enumerate().filter(|(_, e)| is_mentionable(e)) {
        for name in std::iter::once(&entity.label_zh).chain(&entity.alt_zh) {
            if name.chars().count() < 2 {
                continue;
            }
            names
                .entry(name.as_str())
                .and_modify(|named| {
                    if *named != Some(index) {
                        *named = None;
                    }
                })
                .or_insert(Some(index));
        }
    }
    // By first character, longest first.
    let mut by_first: HashMap<char, Vec<(&str, usize)>> = HashMap::new();
    for (name, entity) in names.iter().filter_map(|(n, e)| Some((*n, (*e)?))) {
        let first = name.chars().next().expect("names are not empty");
        by_first.entry(first).or_default().push((name, entity));
    }
    for candidates in by_first.values_mut() {
        candidates.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    }
    let mut mentions = Vec::new();
    for paragraph in &source.paragraphs {
        let text = paragraph.text.as_str();
        let mut at = 0;
        while at < text.len() {
            let c = text[at..].chars().next().expect("a character");
            let found = by_first
                .get(&c)
                .and_then(|candidates| candidates.iter().find(|(name, _)| text[at..].starts_with(name)));
            match found {
                Some((name, entity)) => {
                    let spans = source.spans_in(paragraph.index, at, at + name.len());
                    mentions.push(Mention {
                        entity: *entity,
                        paragraph: paragraph.index,
                        name: (*name).to_owned(),
                        spans,
                    });
                    at += name.len();
                }
                None => at += c.len_utf8(),
            }
        }
    }
    mentions
}

/// The entity that `query` names: an id, an IRI, or a Chinese or English label or alias. Several matches are
/// listed in the error; none gets the nearest labels (those sharing most characters, then closest) as a hint.
pub fn resolve(graph: &KnowledgeGraph, query: &str) -> Result<usize, GraphError> {
    let data = &graph.data;
    let query = query.trim();
    let id = query.rsplit('/').next().unwrap_or(query);
    let matches: Vec<usize> = data
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.id == id
                || e.label_zh == query
                || e.label_en.eq_ignore_ascii_case(query)
                || e.alt_zh.iter().any(|a| a == query)
        })
        .map(|(i, _)| i)
        .collect();
    let describe = |i: usize| {
        let e = &data.entities[i];
        format!("{} ({} `{}`, {})", e.label_zh, e.kind.name(), e.id, e.label_en)
    };
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => {
            let lower = query.to_lowercase();
            let mut nearest: Vec<(usize, usize, usize)> = data
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let shared = query.chars().filter(|c| e.label_zh.contains(*c)).count();
                    let distance =
                        edit_distance(query, &e.label_zh).min(edit_distance(&lower, &e.label_en.to_lowercase()));
                    (usize::MAX - shared, distance, i)
                })
                .collect();
            nearest.sort();
            let hint: Vec<String> = nearest.iter().take(5).map(|&(_, _, i)| describe(i)).collect();
            Err(GraphError::UnknownEntity { query: query.to_owned(), nearest: hint.join("; ") })
        }
        many => Err(GraphError::AmbiguousEntity {
            query: query.to_owned(),
            count: many.len(),
            candidates: many.iter().map(|&i| describe(i)).collect::<Vec<_>>().join("; "),
        }),
    }
}

/// A mention with the words around it, for people.
pub struct InContext<'a> {
    mention: &'a Mention,
    source: &'a Source,
}

impl fmt::Display for InContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = &self.mention.spans[0];
        let last = self.mention.spans.last().unwrap_or(first);
        let line = self.source.paragraphs[self.mention.paragraph].line;
        write!(
            f,
            "¶{:<3} line {:<4} [{}, {})  …{}【{}】{}…",
            self.mention.paragraph + 1,
            line,
            first.start,
            last.end,
            first.prefix,
            self.mention.name,
            last.suffix
        )
    }
}

/// The mentions of one entity, in the order of the text.
pub fn of(graph: &KnowledgeGraph, entity: usize) -> impl Iterator<Item = InContext<'_>> {
    graph
        .mentions
        .iter()
        .filter(move |m| m.entity == entity)
        .map(|mention| InContext { mention, source: &graph.source })
}
