//! Mentions: every place where the report names an entity, by its Chinese label or an alias.
//!
//! Takes the [`Source`] and the [`Dataset`] and gives the [`Mention`]s: the text of each paragraph is read once,
//! left to right, and at each position the longest name of an entity that starts there is taken, so that no
//! mention lies inside a longer entity's name (青浦新城 is not also a mention of 青浦). A name shared by two
//! entities names neither (it is ambiguous) and names of one character are not looked for.

use crate::facts::curated::{Dataset, Entity};
use crate::kinds::Kind;
use crate::source::{Locator, Matcher, Source, Span};
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
/// Plan elements are not looked for either: their labels are the report's own headings and sentences.
fn is_mentionable(entity: &Entity) -> bool {
    !entity.is_controlled_list() && entity.kind != Kind::Task
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
    let matcher = Matcher::new(names.iter().filter_map(|(name, entity)| Some((*name, (*entity)?))));
    let mut mentions = Vec::new();
    let mut locator = Locator::new(source);
    for paragraph in &source.paragraphs {
        locator.enter(paragraph.index);
        let text = paragraph.text.as_str();
        matcher.find(text, |at, end, entity| {
            let spans = locator.spans(at, end);
            mentions.push(Mention { entity, paragraph: paragraph.index, name: text[at..end].to_owned(), spans });
        });
    }
    mentions
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
            first.prefix(&self.source.text),
            self.mention.name,
            last.suffix(&self.source.text)
        )
    }
}

/// The mentions of one entity, in the order of the text.
pub fn of<'a>(mentions: &'a [Mention], source: &'a Source, entity: usize) -> impl Iterator<Item = InContext<'a>> {
    mentions.iter().filter(move |m| m.entity == entity).map(move |mention| InContext { mention, source })
}
