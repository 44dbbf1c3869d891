//! A SHACL Core validator for the constraints `ontology/shapes.ttl` uses.
//!
//! Takes a shapes graph and a data graph and gives the [`Violation`]s, as the SHACL 1.0 Core semantics
//! define them for the components implemented here: targets `sh:targetClass` (with `rdfs:subClassOf` in the
//! data graph), `sh:targetNode`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`; property paths that are an IRI
//! or `sh:inversePath` of one; and `sh:class`, `sh:datatype`, `sh:nodeKind`, `sh:minCount`, `sh:maxCount`,
//! `sh:pattern`, `sh:in`, `sh:hasValue`, `sh:languageIn`, `sh:uniqueLang`. A shape that uses any other
//! constraint is refused when the shapes are loaded, never silently passed. CI runs pySHACL on the export
//! with the same shapes, as a second, complete engine.

use crate::error::ShapesError;
use oxigraph::model::{Graph, NamedNode, NamedOrBlankNode, Term, TermRef, TripleRef};
use regex::Regex;
use std::collections::{HashMap, HashSet};

const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS_SUB_CLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

fn rdf(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{RDF}{local}"))
}

/// Parameters of shapes that this validator reads; any other `sh:` predicate on a shape is refused.
const KNOWN: &[&str] = &[
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "property",
    "path",
    "class",
    "datatype",
    "nodeKind",
    "minCount",
    "maxCount",
    "pattern",
    "flags",
    "in",
    "hasValue",
    "languageIn",
    "uniqueLang",
    "name",
    "description",
    "message",
    "severity",
    "order",
    "group",
    "deactivated",
];

/// A focus node that does not conform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub focus: Term,
    pub shape: String,
    pub path: Option<String>,
    /// The constraint component, e.g. `sh:minCount`.
    pub component: String,
    pub value: Option<Term>,
    pub message: String,
}

#[derive(Debug, Clone)]
enum Path {
    Predicate(NamedNode),
    Inverse(NamedNode),
}

#[derive(Debug, Clone)]
enum Constraint {
    Class(Term),
    Datatype(Term),
    NodeKind(String),
    MinCount(usize),
    MaxCount(usize),
    Pattern(Regex, String),
    In(Vec<Term>),
    HasValue(Term),
    LanguageIn(Vec<String>),
    UniqueLang,
}

#[derive(Debug, Clone)]
struct Shape {
    name: String,
    path: Option<Path>,
    constraints: Vec<Constraint>,
    properties: Vec<Shape>,
    message: Option<String>,
}

/// Shapes read from a shapes graph.
pub struct Shapes {
    targets: Vec<(Vec<Target>, Shape)>,
}

#[derive(Debug, Clone)]
enum Target {
    Class(Term),
    Node(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
}

fn objects<'a>(graph: &'a Graph, subject: &Term, predicate: &NamedNode) -> Vec<TermRef<'a>> {
    match subject_of(subject) {
        Some(s) => graph.objects_for_subject_predicate(&s, predicate).collect(),
        None => Vec::new(),
    }
}

fn subject_of(term: &Term) -> Option<NamedOrBlankNode> {
    match term {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        Term::Literal(_) => None,
    }
}

fn list(graph: &Graph, head: TermRef<'_>) -> Result<Vec<Term>, ShapesError> {
    let (first, rest, nil) = (rdf("first"), rdf("rest"), rdf("nil"));
    let mut items = Vec::new();
    let mut node = head.into_owned();
    while node != Term::from(nil.clone()) {
        let item = objects(graph, &node, &first).first().map(|t| t.into_owned());
        let next = objects(graph, &node, &rest).first().map(|t| t.into_owned());
        match (item, next) {
            (Some(item), Some(next)) if items.len() < 10_000 => {
                items.push(item);
                node = next;
            }
            _ => return Err(ShapesError(format!("{node} is not a well-formed RDF list"))),
        }
    }
    Ok(items)
}

fn count(term: TermRef<'_>, what: &str) -> Result<usize, ShapesError> {
    match term {
        TermRef::Literal(l) => {
            l.value().parse().map_err(|_| ShapesError(format!("{what} `{}` is not a count", l.value())))
        }
        other => Err(ShapesError(format!("{what} `{other}` is not a count"))),
    }
}

fn iri_of(term: TermRef<'_>, what: &str) -> Result<NamedNode, ShapesError> {
    match term {
        TermRef::NamedNode(n) => Ok(n.into_owned()),
        other => Err(ShapesError(format!("{what} `{other}` is not an IRI"))),
    }
}

impl Shapes {
    /// Reads every `sh:NodeShape` of a shapes graph.
    pub fn from_graph(graph: &Graph) -> Result<Self, ShapesError> {
        let node_shape = sh("NodeShape");
        let mut targets = Vec::new();
        let mut shapes: Vec<Term> = graph
            .subjects_for_predicate_object(&rdf("type"), &node_shape)
            .map(|s| Term::from(s.into_owned()))
            .collect();
        shapes.sort_by_key(|s| s.to_string());
        for shape in shapes {
            let mut shape_targets = Vec::new();
            for t in objects(graph, &shape, &sh("targetClass")) {
                shape_targets.push(Target::Class(t.into_owned()));
            }
            for t in objects(graph, &shape, &sh("targetNode")) {
                shape_targets.push(Target::Node(t.into_owned()));
            }
            for t in objects(graph, &shape, &sh("targetSubjectsOf")) {
                shape_targets.push(Target::SubjectsOf(iri_of(t, "sh:targetSubjectsOf")?));
            }
            for t in objects(graph, &shape, &sh("targetObjectsOf")) {
                shape_targets.push(Target::ObjectsOf(iri_of(t, "sh:targetObjectsOf")?));
            }
            targets.push((shape_targets, read_shape(graph, &shape, 0)?));
        }
        Ok(Self { targets })
    }

    /// How many node shapes there are.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether there is no shape.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Validates `data`; gives the violations, sorted.
    pub fn validate(&self, data: &Graph) -> Vec<Violation> {
        let subclasses = subclass_closure(data);
        let type_ = rdf("type");
        let mut violations = Vec::new();
        for (targets, shape) in &self.targets {
            let mut focus: Vec<Term> = Vec::new();
            for target in targets {
                match target {
                    Target::Class(class) => {
                        for sub in subclasses.get(class).into_iter().flatten().chain([class]) {
                            focus.extend(
                                data.subjects_for_predicate_object(&type_, sub).map(|s| Term::from(s.into_owned())),
                            );
                        }
                    }
                    Target::Node(node) => focus.push(node.clone()),
                    Target::SubjectsOf(p) => {
                        focus.extend(data.triples_for_predicate(p).map(|t| Term::from(t.subject.into_owned())))
                    }
                    Target::ObjectsOf(p) => focus.extend(data.triples_for_predicate(p).map(|t| t.object.into_owned())),
                }
            }
            focus.sort_by_key(|t| t.to_string());
            focus.dedup();
            for node in &focus {
                check(data, &subclasses, shape, node, &mut violations);
            }
        }
        violations.sort_by_key(|v| (v.focus.to_string(), v.shape.clone(), v.component.clone()));
        violations
    }
}

fn read_shape(graph: &Graph, shape: &Term, depth: usize) -> Result<Shape, ShapesError> {
    if depth > 8 {
        return Err(ShapesError(format!("{shape}: property shapes nested too deep")));
    }
    let subject = subject_of(shape).ok_or_else(|| ShapesError(format!("{shape} is a literal")))?;
    let mut result =
        Shape { name: shape.to_string(), path: None, constraints: Vec::new(), properties: Vec::new(), message: None };
    for triple in graph.triples_for_subject(&subject) {
        let predicate = triple.predicate.as_str();
        let Some(local) = predicate.strip_prefix(SH) else { continue };
        let value = triple.object;
        let constraint = match local {
            "path" => {
                result.path = Some(match value {
                    TermRef::NamedNode(n) => Path::Predicate(n.into_owned()),
                    other => {
                        let inverse = objects(graph, &other.into_owned(), &sh("inversePath"));
                        match inverse.as_slice() {
                            [TermRef::NamedNode(n)] => Path::Inverse(n.into_owned()),
                            _ => {
                                return Err(ShapesError(format!(
                                    "{shape}: only IRI and sh:inversePath paths are implemented"
                                )));
                            }
                        }
                    }
                });
                None
            }
            "property" => {
                result.properties.push(read_shape(graph, &value.into_owned(), depth + 1)?);
                None
            }
            "class" => Some(Constraint::Class(value.into_owned())),
            "datatype" => Some(Constraint::Datatype(value.into_owned())),
            "nodeKind" => {
                Some(Constraint::NodeKind(iri_of(value, "sh:nodeKind")?.as_str().trim_start_matches(SH).to_owned()))
            }
            "minCount" => Some(Constraint::MinCount(count(value, "sh:minCount")?)),
            "maxCount" => Some(Constraint::MaxCount(count(value, "sh:maxCount")?)),
            "pattern" => {
                let TermRef::Literal(p) = value else {
                    return Err(ShapesError(format!("{shape}: sh:pattern is not a literal")));
                };
                let flags = objects(graph, shape, &sh("flags")).first().map(|f| match f {
                    TermRef::Literal(l) => l.value().to_owned(),
                    _ => String::new(),
                });
                let source = match flags.as_deref() {
                    Some(f) if !f.is_empty() => format!("(?{f}){}", p.value()),
                    _ => p.value().to_owned(),
                };
                let regex = Regex::new(&source).map_err(|e| ShapesError(format!("{shape}: sh:pattern: {e}")))?;
                Some(Constraint::Pattern(regex, p.value().to_owned()))
            }
            "in" => Some(Constraint::In(list(graph, value)?)),
            "hasValue" => Some(Constraint::HasValue(value.into_owned())),
            "languageIn" => Some(Constraint::LanguageIn(
                list(graph, value)?
                    .into_iter()
                    .map(|t| match t {
                        Term::Literal(l) => l.value().to_lowercase(),
                        other => other.to_string(),
                    })
                    .collect(),
            )),
            "uniqueLang" => {
                matches!(value, TermRef::Literal(l) if l.value() == "true").then_some(Constraint::UniqueLang)
            }
            "message" => {
                result.message = Some(match value {
                    TermRef::Literal(l) => l.value().to_owned(),
                    other => other.to_string(),
                });
                None
            }
            known if KNOWN.contains(&known) => None,
            unknown => return Err(ShapesError(format!("{shape}: sh:{unknown} is not implemented by this validator"))),
        };
        result.constraints.extend(constraint);
    }
    Ok(result)
}

fn subclass_closure(data: &Graph) -> HashMap<Term, HashSet<Term>> {
    // For each class, all its (transitive) subclasses.
    let sub_class_of = NamedNode::new_unchecked(RDFS_SUB_CLASS_OF);
    let mut direct: HashMap<Term, Vec<Term>> = HashMap::new();
    for t in data.triples_for_predicate(&sub_class_of) {
        direct.entry(t.object.into_owned()).or_default().push(t.subject.into_owned().into());
    }
    let mut closure = HashMap::new();
    for class in direct.keys() {
        let mut seen: HashSet<Term> = HashSet::new();
        let mut stack = vec![class.clone()];
        while let Some(c) = stack.pop() {
            for sub in direct.get(&c).into_iter().flatten() {
                if seen.insert(sub.clone()) {
                    stack.push(sub.clone());
                }
            }
        }
        closure.insert(class.clone(), seen);
    }
    closure
}

fn is_instance(data: &Graph, subclasses: &HashMap<Term, HashSet<Term>>, node: &Term, class: &Term) -> bool {
    let types = objects(data, node, &rdf("type"));
    types.iter().any(|t| {
        let t = t.into_owned();
        &t == class || subclasses.get(class).is_some_and(|subs| subs.contains(&t))
    })
}

fn values(data: &Graph, focus: &Term, path: &Path) -> Vec<Term> {
    match path {
        Path::Predicate(p) => objects(data, focus, p).into_iter().map(TermRef::into_owned).collect(),
        Path::Inverse(p) => data.subjects_for_predicate_object(p, focus).map(|s| Term::from(s.into_owned())).collect(),
    }
}

fn check(
    data: &Graph,
    subclasses: &HashMap<Term, HashSet<Term>>,
    shape: &Shape,
    focus: &Term,
    out: &mut Vec<Violation>,
) {
    let value_nodes = match &shape.path {
        Some(path) => values(data, focus, path),
        None => vec![focus.clone()],
    };
    let path = shape.path.as_ref().map(|p| match p {
        Path::Predicate(p) => p.to_string(),
        Path::Inverse(p) => format!("^{p}"),
    });
    let mut report = |component: &str, value: Option<&Term>, message: String| {
        out.push(Violation {
            focus: focus.clone(),
            shape: shape.name.clone(),
            path: path.clone(),
            component: format!("sh:{component}"),
            value: value.cloned(),
            message: shape.message.clone().unwrap_or(message),
        });
    };
    for constraint in &shape.constraints {
        match constraint {
            Constraint::MinCount(min) if value_nodes.len() < *min => {
                report("minCount", None, format!("expected at least {min} value(s), found {}", value_nodes.len()))
            }
            Constraint::MaxCount(max) if value_nodes.len() > *max => {
                report("maxCount", None, format!("expected at most {max} value(s), found {}", value_nodes.len()))
            }
            Constraint::UniqueLang => {
                let mut seen = HashSet::new();
                for v in &value_nodes {
                    if let Term::Literal(l) = v
                        && let Some(lang) = l.language()
                        && !seen.insert(lang.to_lowercase())
                    {
                        report("uniqueLang", Some(v), format!("more than one value in language `{lang}`"));
                    }
                }
            }
            _ => {}
        }
        for value in &value_nodes {
            let failed = match constraint {
                Constraint::Class(class) => {
                    (!is_instance(data, subclasses, value, class)).then(|| format!("not an instance of {class}"))
                }
                Constraint::Datatype(datatype) => match value {
                    Term::Literal(l) if Term::from(l.datatype().into_owned()) == *datatype => None,
                    _ => Some(format!("datatype is not {datatype}")),
                },
                Constraint::NodeKind(kind) => {
                    let ok = matches!(
                        (kind.as_str(), value),
                        ("IRI", Term::NamedNode(_))
                            | ("BlankNode", Term::BlankNode(_))
                            | ("Literal", Term::Literal(_))
                            | ("BlankNodeOrIRI", Term::NamedNode(_) | Term::BlankNode(_))
                            | ("IRIOrLiteral", Term::NamedNode(_) | Term::Literal(_))
                            | ("BlankNodeOrLiteral", Term::BlankNode(_) | Term::Literal(_))
                    );
                    (!ok).then(|| format!("node kind is not sh:{kind}"))
                }
                Constraint::Pattern(regex, source) => {
                    let text = match value {
                        Term::Literal(l) => Some(l.value()),
                        Term::NamedNode(n) => Some(n.as_str()),
                        Term::BlankNode(_) => None,
                    };
                    (!text.is_some_and(|t| regex.is_match(t))).then(|| format!("does not match /{source}/"))
                }
                Constraint::In(allowed) => {
                    (!allowed.contains(value)).then(|| "not among the allowed values".to_owned())
                }
                Constraint::LanguageIn(languages) => match value {
                    Term::Literal(l)
                        if l.language().is_some_and(|lang| languages.iter().any(|x| x == &lang.to_lowercase())) =>
                    {
                        None
                    }
                    _ => Some(format!("language is not one of {}", languages.join(", "))),
                },
                _ => None,
            };
            if let Some(message) = failed {
                let component = match constraint {
                    Constraint::Class(_) => "class",
                    Constraint::Datatype(_) => "datatype",
                    Constraint::NodeKind(_) => "nodeKind",
                    Constraint::Pattern(..) => "pattern",
                    Constraint::In(_) => "in",
                    _ => "languageIn",
                };
                report(component, Some(value), message);
            }
        }
        if let Constraint::HasValue(expected) = constraint
            && !value_nodes.contains(expected)
        {
            report("hasValue", None, format!("expected the value {expected}"));
        }
    }
    for property in &shape.properties {
        check(data, subclasses, property, focus, out);
    }
}

/// Builds an oxrdf graph of the triples of `quads`, graph names dropped.
pub fn union_graph<'a>(triples: impl IntoIterator<Item = TripleRef<'a>>) -> Graph {
    let mut graph = Graph::new();
    for t in triples {
        graph.insert(t);
    }
    graph
}

/// The IRI of a constraint component, for tests.
pub fn component_iri(local: &str) -> NamedNode {
    sh(local)
}
