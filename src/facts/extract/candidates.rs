//! Candidate rows: the extraction as CSV files in the shape of `data/`, for a person to review and complete.
//!
//! `concepts.csv` (glossary entries in scheme `glossary` with notation and definition; quoted terms in scheme
//! `candidate`), `observations.csv` (the indicator column holds the phrase, to be replaced by an indicator's
//! id), `relations.csv` (`growth-of` between indicator phrases), `tasks.csv` (the numbered parts), `places.csv`
//! (the known places the report names, copied from the gazetteer) and `mentions.csv` (every place each is
//! named: paragraph, line, code points). Every row carries an `evidence` quote of the report's words; English
//! labels, areas and ids of indicators are left for the reviewer. Each file is written beside its final name
//! and renamed into place when complete.

use super::{ExtractError, Extraction, PartKind};
use crate::atomic::write_atomically;
use crate::facts::cells::running_total_said;
use crate::facts::curated::OBSERVATION_COLUMNS;
use crate::values::FigureKind;
use std::path::Path;

/// Rows of one file: its name, its header and its records.
struct Table {
    file: &'static str,
    header: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

pub(super) fn write(x: &Extraction, dir: &Path) -> Result<(), ExtractError> {
    std::fs::create_dir_all(dir).map_err(|source| ExtractError::Write { path: dir.to_owned(), source })?;
    let [report, events, people] = front_matter(x);
    for table in [concepts(x), observations(x), relations(x), tasks(x), places(x), mentions(x), report, events, people]
    {
        let path = dir.join(table.file);
        write_atomically(&path, |file| -> Result<(), ExtractError> {
            let failed = |e: csv::Error| ExtractError::Write { path: path.clone(), source: std::io::Error::other(e) };
            let mut writer = csv::Writer::from_writer(file);
            writer.write_record(table.header).map_err(failed)?;
            for row in &table.rows {
                writer.write_record(row).map_err(failed)?;
            }
            writer.flush().map_err(|source| ExtractError::Write { path: path.clone(), source })
        })?;
    }
    Ok(())
}

fn concepts(x: &Extraction) -> Table {
    let mut rows = Vec::new();
    for (index, item) in x.glossary.iter().enumerate() {
        let alt = if item.term == item.label { String::new() } else { item.term.clone() };
        rows.push(vec![
            format!("glossary-{}", index + 1),
            "glossary".into(),
            item.label.clone(),
            String::new(),
            alt,
            String::new(),
            item.number.to_string(),
            item.definition.clone(),
            item.evidence.clone(),
        ]);
    }
    for (index, term) in x.terms.iter().enumerate() {
        let evidence = term.occurrences.first().map(|o| o.evidence.clone()).unwrap_or_default();
        let mut row = vec![format!("term-{}", index + 1), "candidate".into(), term.text.clone()];
        row.extend([String::new(), String::new(), String::new(), String::new(), String::new(), evidence]);
        rows.push(row);
    }
    Table {
        file: "concepts.csv",
        header: &["id", "scheme", "label_zh", "label_en", "alt_zh", "broader", "notation", "definition_zh", "evidence"],
        rows,
    }
}

fn observations(x: &Extraction) -> Table {
    let area = x.area.map(|i| x.places[i].place.id.clone()).unwrap_or_default();
    let rows = x
        .figures
        .iter()
        .map(|f| {
            let kind = match f.kind {
                FigureKind::Result => "result",
                FigureKind::Estimate => "estimate",
                FigureKind::Target => "target",
                FigureKind::Current => "current",
            };
            vec![
                format!("figure-{}", f.start),
                f.indicator.clone(),
                area.clone(),
                String::new(),
                f.period.map(|p| p.to_string()).unwrap_or_default(),
                kind.into(),
                f.value.clone(),
                f.upper.clone().unwrap_or_default(),
                f.unit.clone(),
                f.qualifier.map_or("", |q| q.word).into(),
                if running_total_said(x.evidence(f), &f.written()) == Some(true) {
                    "累计".into()
                } else {
                    String::new()
                },
                x.evidence(f).to_owned(),
            ]
        })
        .collect();
    Table { file: "observations.csv", header: OBSERVATION_COLUMNS, rows }
}

fn relations(x: &Extraction) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for figure in &x.figures {
        let Some(growth) = figure.growth.as_ref().filter(|g| !g.of.is_empty()) else { continue };
        if !rows.iter().any(|r| r[0] == figure.indicator && r[2] == growth.of) {
            let evidence = x.evidence(figure).to_owned();
            rows.push(vec![figure.indicator.clone(), "growth-of".into(), growth.of.clone(), evidence, String::new()]);
        }
    }
    Table { file: "relations.csv", header: &["subject", "predicate", "object", "evidence", "source"], rows }
}

/// The front matter as `report.csv`, with the session in `events.csv` and the speaker in `people.csv`; the English
/// labels and post are left for a person to give.
fn front_matter(x: &Extraction) -> [Table; 3] {
    let front = &x.front;
    let mut report = Vec::new();
    if let Some(day) = &front.delivered {
        report.push(vec!["delivered".into(), day.value.clone(), day.occurrence.evidence.clone()]);
    }
    let mut events = Vec::new();
    if let Some(session) = &front.session {
        let year = front.year().map(|year| year.to_string()).unwrap_or_default();
        let evidence = session.occurrence.evidence.clone();
        report.push(vec!["delivered-at".into(), "session".into(), evidence.clone()]);
        events.push(vec![
            "session".into(),
            "conference".into(),
            session.value.clone(),
            String::new(),
            String::new(),
            year,
            evidence,
        ]);
    }
    let mut people = Vec::new();
    if let Some((name, post)) = &front.speaker {
        let evidence = name.occurrence.evidence.clone();
        report.push(vec!["delivered-by".into(), "speaker".into(), evidence.clone()]);
        people.push(vec!["speaker".into(), name.value.clone(), String::new(), post.clone(), String::new(), evidence]);
    }
    [
        Table { file: "report.csv", header: &["property", "value", "evidence"], rows: report },
        Table {
            file: "events.csv",
            header: &["id", "type", "label_zh", "label_en", "alt_zh", "year", "evidence"],
            rows: events,
        },
        Table {
            file: "people.csv",
            header: &["id", "label_zh", "label_en", "post_zh", "post_en", "evidence"],
            rows: people,
        },
    ]
}

fn tasks(x: &Extraction) -> Table {
    let rows = x
        .document
        .sections
        .iter()
        .zip(&x.parts)
        .enumerate()
        .map(|(index, (section, part))| {
            let kind = match part.kind {
                Some(PartKind::Review) => "review",
                Some(PartKind::Plan) => "task",
                None => "",
            };
            let id = x.document.key(index);
            let evidence = part.title_spans.iter().map(|s| s.exact(&x.text)).collect::<String>();
            vec![id, kind.into(), section.title.clone(), String::new(), String::new(), part.notation.clone(), evidence]
        })
        .collect();
    Table { file: "tasks.csv", header: &["id", "type", "label_zh", "label_en", "alt_zh", "notation", "evidence"], rows }
}

fn places(x: &Extraction) -> Table {
    let rows = x
        .places
        .iter()
        .map(|m| {
            let p = &m.place;
            let evidence = m.occurrences.first().map(|o| o.evidence.clone()).unwrap_or_default();
            vec![
                p.id.clone(),
                p.kind_type.clone(),
                p.label_zh.clone(),
                p.label_en.clone(),
                p.alt_zh.join("|"),
                p.division_code.clone(),
                evidence,
            ]
        })
        .collect();
    Table {
        file: "places.csv",
        header: &["id", "type", "label_zh", "label_en", "alt_zh", "division_code", "evidence"],
        rows,
    }
}

fn mentions(x: &Extraction) -> Table {
    let mut rows = Vec::new();
    for m in &x.places {
        for o in &m.occurrences {
            let (Some(first), Some(last)) = (o.spans.first(), o.spans.last()) else { continue };
            let exact: String = o.spans.iter().map(|s| s.exact(&x.text)).collect();
            rows.push(vec![
                m.place.id.clone(),
                exact,
                (o.paragraph + 1).to_string(),
                x.paragraphs.get(o.paragraph).map_or(0, |p| p.line).to_string(),
                first.start.to_string(),
                last.end.to_string(),
                o.evidence.clone(),
            ]);
        }
    }
    Table { file: "mentions.csv", header: &["place", "words", "paragraph", "line", "start", "end", "evidence"], rows }
}
