//! Grounding: every quote of the curated data found in the report, and every mention of an entity.
//!
//! Takes the [`Source`] and the [`Dataset`] and gives, for every row, the [`Span`]s its quotes cover, or the
//! first quote (or Chinese label) that the report does not hold, with its place ([`ground`]); and every place
//! the report names an entity ([`mentions`]). A quote is looked for in the paragraphs as a reader reads them;
//! where it runs across a page break it yields one span per piece of the stored file, so that the stored text at
//! `[start, end)` is always exactly the span's `exact`.

pub mod mentions;

use crate::document::Document;
use crate::error::DataError;
use crate::facts::curated::{Dataset, Detail, Entity, Row, Under};
use crate::facts::extract::{PartKind, paragraph_kinds};
use crate::kinds::{Kind, SCHEME_INDICATOR, TASK_STRATEGY};
use crate::source::{Source, Span};
use crate::values::{Quote, StageKind};
use std::collections::{BTreeMap, HashMap};

/// The spans of every row's quotes, by row key (an entity's or observation's id, a relation's key).
#[derive(Debug, Clone, Default)]
pub struct Grounding {
    spans: HashMap<String, Vec<Span>>,
}

impl Grounding {
    /// The spans of a row, in the order of its quotes.
    pub fn spans(&self, key: &str) -> &[Span] {
        self.spans.get(key).map_or(&[], Vec::as_slice)
    }

    /// The grounding of rows whose spans are already known (an extraction's), by row key.
    pub fn of(spans: impl IntoIterator<Item = (String, Vec<Span>)>) -> Self {
        Self { spans: spans.into_iter().collect() }
    }

    /// Every row key with its spans.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<Span>)> {
        self.spans.iter()
    }
}

/// Finds every quote of `data` in `source`, and checks that every Chinese label occurs in it.
pub fn ground(source: &Source, data: &Dataset) -> Result<Grounding, DataError> {
    let mut grounding = Grounding::default();
    let mut add = |key: String, quotes: &mut dyn Iterator<Item = &Quote>| -> Result<(), DataError> {
        let mut spans = Vec::new();
        for quote in quotes {
            let found = source
                .locate(&quote.text)
                .ok_or_else(|| DataError::QuoteNotFound { place: quote.place.clone(), quote: quote.text.clone() })?;
            spans.extend(found);
        }
        grounding.spans.insert(key, spans);
        Ok(())
    };
    let corrected = Corrected::of(source, data)?;
    for entity in &data.entities {
        if must_occur(entity) && !corrected.names(entity) {
            return Err(DataError::LabelNotFound {
                place: entity.place.at_column(label_column(entity.kind), "label_zh"),
                label: entity.label_zh.clone(),
            });
        }
        let definition = match &entity.detail {
            Detail::Concept { definition: Some(d), .. } => Some(d),
            _ => None,
        };
        add(entity.id.clone(), &mut entity.evidence.iter().chain(definition))?;
    }
    for relation in &data.relations {
        add(relation.key(), &mut relation.evidence.iter())?;
    }
    for observation in &data.observations {
        add(observation.id.clone(), &mut observation.evidence.iter())?;
    }
    for stage in &data.stages {
        add(stage.key(), &mut stage.evidence.iter())?;
    }
    for fact in &data.report {
        add(fact.key(), &mut fact.evidence.iter())?;
    }
    Ok(grounding)
}

/// Checks the tense of every stage against where its words stand: a stage done or under way in the year under
/// review may not quote the plan of the year ahead, and a planned stage may not quote the review. The parts are
/// told apart by their titles ([`paragraph_kinds`]).
pub fn check_stages(
    source: &Source,
    document: &Document,
    data: &Dataset,
    grounding: &Grounding,
) -> Result<(), DataError> {
    let kinds = paragraph_kinds(source, document);
    for stage in &data.stages {
        for span in grounding.spans(&stage.key()) {
            let part = kinds.get(span.paragraph).copied().flatten();
            let (wrong, should) = match (stage.kind, part) {
                (StageKind::Achieved | StageKind::UnderWay, Some(PartKind::Plan)) => {
                    ("the plan of the year ahead", "what the year ahead plans is a `planned` stage")
                }
                (StageKind::Planned, Some(PartKind::Review)) => {
                    ("the review of the past year", "what was done or under way is an `achieved` or `under-way` stage")
                }
                _ => continue,
            };
            return Err(DataError::Invalid {
                place: stage.place.at_column(5, "evidence"),
                message: format!(
                    "the {} stage `{}` of `{}` ({}) quotes «{}», which stands in {wrong}: {should}",
                    stage.kind.name(),
                    stage.status,
                    stage.subject,
                    stage.year,
                    span.exact(&source.text)
                ),
            });
        }
    }
    Ok(())
}

/// Places each fact under the parts of the report's plan (a part of the review, a task or goal of the year
/// ahead) whose own quotes stand in the same paragraphs as its quotes: where the words are says where the fact
/// belongs. Places, organisations, people, projects, policies and events are placed, and every observation.
pub fn under(data: &Dataset, grounding: &Grounding) -> Vec<Under> {
    let mut tasks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, task) in data.entities.iter().enumerate() {
        if task.kind != Kind::Task || task.type_id == TASK_STRATEGY {
            continue;
        }
        for span in grounding.spans(&task.id) {
            let list = tasks.entry(span.paragraph).or_default();
            if !list.contains(&index) {
                list.push(index);
            }
        }
    }
    let mut placed = Vec::new();
    let mut place = |row: Row, key: &str| {
        let mut done: Vec<usize> = Vec::new();
        for span in grounding.spans(key) {
            for &task in tasks.get(&span.paragraph).into_iter().flatten() {
                if !done.contains(&task) {
                    placed.push(Under { row, task });
                    done.push(task);
                }
            }
        }
    };
    let stated = [Kind::Place, Kind::Organization, Kind::Person, Kind::Project, Kind::Policy, Kind::Event];
    for (index, entity) in data.entities.iter().enumerate().filter(|(_, e)| stated.contains(&e.kind)) {
        place(Row::Entity(index), &entity.id);
    }
    for (index, observation) in data.observations.iter().enumerate() {
        place(Row::Observation(index), &observation.id);
    }
    placed
}

/// The marks of a quoted term, which a label leaves out and an alias keeps (`“城中村”改造` → `城中村改造`).
const QUOTE_MARKS: &[char] = &['“', '”', '‘', '’', '「', '」'];

/// The report as the labels may read it: the stored text, and the text with the corrections of `corrections.csv`.
struct Corrected<'a> {
    source: &'a Source,
    text: String,
}

impl<'a> Corrected<'a> {
    /// Checks that every correction's garbled words are in the report, and applies them.
    fn of(source: &'a Source, data: &Dataset) -> Result<Self, DataError> {
        let mut text: String = source.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
        for correction in &data.corrections {
            if !source.contains(&correction.written) {
                return Err(DataError::QuoteNotFound {
                    place: correction.place.at_column(1, "written"),
                    quote: correction.written.clone(),
                });
            }
            text = text.replace(&correction.written, &correction.read);
        }
        Ok(Self { source, text })
    }

    /// Whether the report names the entity by its Chinese label: the label stands in it (or in its corrected
    /// text); or it is an alias that stands in it without its quotation marks (`城中村改造` for `“城中村”改造`,
    /// `双减半、双零` for `“双减半”“双零”`);
    /// or it is a name of the report with a qualifier of the report's words, `X（Y）`, where a bare name is another
    /// thing's (`张马村（乡村振兴示范村）`).
    fn names(&self, entity: &Entity) -> bool {
        let label = entity.label_zh.as_str();
        // Adjacent quoted terms keep a separator: “双减半”“双零” → 双减半、双零.
        let bare =
            |alias: &str| alias.replace("”“", "、").chars().filter(|c| !QUOTE_MARKS.contains(c)).collect::<String>();
        let stands = |words: &str| self.source.contains(words) || self.text.contains(words);
        let unquoted = |words: &str| entity.alt_zh.iter().any(|alias| bare(alias) == words && stands(alias));
        let named = |words: &str| !words.is_empty() && (stands(words) || unquoted(words));
        if named(label) {
            return true;
        }
        match label.strip_suffix('）').and_then(|rest| rest.split_once('（')) {
            Some((name, qualifier)) => named(name) && named(qualifier),
            None => false,
        }
    }
}

/// Whether an entity's Chinese label must be words of the report: all but schemes (lists of the dataset's
/// own) and indicators (named from the report's words, but often longer than one phrase of it, so that
/// every indicator has a label of its own: 工业（研发）项目开工 beside 商办项目开工).
fn must_occur(entity: &Entity) -> bool {
    match entity.kind {
        Kind::Scheme => false,
        Kind::Concept => entity.scheme() != Some(SCHEME_INDICATOR),
        _ => true,
    }
}

fn label_column(kind: Kind) -> usize {
    match kind {
        Kind::Person | Kind::Scheme => 2,
        _ => 3,
    }
}
