//! The kinds of things the data holds, the values of their `type` columns and the relations between them.
//!
//! One table a kind, read by [`crate::facts::curated`] to check the data and by [`crate::map`] to write it: adding a
//! type or a relation is one line here (and its terms in `ontology/qingpu.ttl`).

use crate::vocab::{dcterms, eli, foaf, geo, org, qpk, rdfs, schema, skos};
use oxigraph::model::NamedNodeRef;

/// The concept scheme of project and policy statuses (开工, 出台 ...).
pub const SCHEME_STATUS: &str = "status";
/// The concept scheme of document types (规划, 方案, 意见 ...).
pub const SCHEME_DOCTYPE: &str = "doctype";
/// The concept scheme of policy themes.
pub const SCHEME_THEME: &str = "theme";
/// The concept scheme of statistical indicators.
pub const SCHEME_INDICATOR: &str = "indicator";
/// The concept scheme of units of measure.
pub const SCHEME_UNIT: &str = "unit";
/// The type of plan element that is a national strategy (it has no paragraph of its own).
pub const TASK_STRATEGY: &str = "strategy";

/// A kind of entity, one CSV file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Place,
    Organization,
    Person,
    Project,
    Policy,
    Event,
    Concept,
    Scheme,
    Task,
}

type Classes = &'static [NamedNodeRef<'static>];

impl Kind {
    /// Every kind, in the order files are read.
    pub const ALL: [Kind; 9] = [
        Kind::Scheme,
        Kind::Concept,
        Kind::Place,
        Kind::Organization,
        Kind::Person,
        Kind::Event,
        Kind::Task,
        Kind::Policy,
        Kind::Project,
    ];

    /// The singular name, used in messages and as the IRI path segment (`{base}id/{name}/{slug}`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Project => "project",
            Kind::Policy => "policy",
            Kind::Event => "event",
            Kind::Concept => "concept",
            Kind::Scheme => "scheme",
            Kind::Task => "task",
        }
    }

    /// The CSV file in the data folder.
    pub fn file(self) -> &'static str {
        match self {
            Kind::Place => "places.csv",
            Kind::Organization => "organizations.csv",
            Kind::Person => "people.csv",
            Kind::Project => "projects.csv",
            Kind::Policy => "policies.csv",
            Kind::Event => "events.csv",
            Kind::Concept => "concepts.csv",
            Kind::Scheme => "schemes.csv",
            Kind::Task => "tasks.csv",
        }
    }

    /// The classes every entity of this kind has.
    pub fn classes(self) -> Classes {
        match self {
            Kind::Place => &[schema::PLACE, geo::FEATURE],
            Kind::Organization => &[org::ORGANIZATION],
            Kind::Person => &[schema::PERSON],
            Kind::Project => &[qpk::PROJECT],
            Kind::Policy => &[schema::LEGISLATION, eli::LEGAL_RESOURCE],
            Kind::Event => &[schema::EVENT],
            Kind::Concept => &[skos::CONCEPT],
            Kind::Scheme => &[skos::CONCEPT_SCHEME],
            Kind::Task => &[qpk::PLAN_ELEMENT],
        }
    }

    /// The allowed values of the `type` column and the further classes each adds; `None` where the kind's
    /// `type` refers to a concept (policies: a document type) or the kind has no `type` column.
    pub fn types(self) -> Option<&'static [(&'static str, Classes)]> {
        match self {
            Kind::Place => Some(PLACE_TYPES),
            Kind::Organization => Some(ORGANIZATION_TYPES),
            Kind::Project => Some(PROJECT_TYPES),
            Kind::Event => Some(EVENT_TYPES),
            Kind::Task => Some(TASK_TYPES),
            Kind::Person | Kind::Policy | Kind::Concept | Kind::Scheme => None,
        }
    }
}

/// The further classes of a `type` value of `kind` (empty for an unknown one).
pub fn type_classes(kind: Kind, value: &str) -> Classes {
    kind.types().and_then(|types| types.iter().find(|(name, _)| *name == value)).map_or(&[], |(_, c)| *c)
}

const PLACE_TYPES: &[(&str, Classes)] = &[
    ("district", &[qpk::DISTRICT, schema::ADMINISTRATIVE_AREA]),
    ("subdistrict", &[qpk::SUBDISTRICT, schema::ADMINISTRATIVE_AREA]),
    ("town", &[qpk::TOWN, schema::ADMINISTRATIVE_AREA]),
    ("village", &[qpk::VILLAGE, schema::ADMINISTRATIVE_AREA]),
    ("city", &[schema::ADMINISTRATIVE_AREA]),
    ("province", &[schema::ADMINISTRATIVE_AREA]),
    ("prefecture", &[schema::ADMINISTRATIVE_AREA]),
    ("county", &[schema::ADMINISTRATIVE_AREA]),
    ("township", &[schema::ADMINISTRATIVE_AREA]),
    ("grouping", &[geo::FEATURE_COLLECTION]),
    ("zone", &[qpk::DEVELOPMENT_ZONE]),
    ("area", &[]),
    ("business-district", &[qpk::BUSINESS_DISTRICT]),
    ("industrial-park", &[qpk::INDUSTRIAL_PARK]),
    ("lake", &[schema::LAKE]),
    ("river", &[schema::RIVER]),
    ("waterway", &[schema::RIVER]),
    ("park", &[schema::PARK]),
    ("ancient-town", &[qpk::ANCIENT_TOWN]),
    ("heritage-site", &[schema::LANDMARK]),
    ("scenic-area", &[schema::TOURIST_ATTRACTION]),
];

const ORGANIZATION_TYPES: &[(&str, Classes)] = &[
    ("government", &[org::FORMAL_ORGANIZATION, schema::GOVERNMENT_ORGANIZATION]),
    ("government-unit", &[org::ORGANIZATIONAL_UNIT, schema::GOVERNMENT_ORGANIZATION]),
    ("party-body", &[org::FORMAL_ORGANIZATION, qpk::PARTY_ORGANIZATION]),
    ("legislature", &[org::FORMAL_ORGANIZATION, schema::GOVERNMENT_ORGANIZATION]),
    ("company", &[org::FORMAL_ORGANIZATION, schema::CORPORATION]),
    ("university", &[org::FORMAL_ORGANIZATION, schema::COLLEGE_OR_UNIVERSITY]),
    ("hospital", &[org::FORMAL_ORGANIZATION, schema::HOSPITAL]),
    ("school", &[org::FORMAL_ORGANIZATION, schema::SCHOOL]),
    ("association", &[org::FORMAL_ORGANIZATION]),
    ("other", &[]),
];

const PROJECT_TYPES: &[(&str, Classes)] = &[
    ("road", &[qpk::ROAD_PROJECT]),
    ("bridge", &[qpk::BRIDGE_PROJECT]),
    ("rail", &[qpk::RAIL_PROJECT]),
    ("park", &[qpk::PARK_PROJECT]),
    ("school", &[qpk::SCHOOL_PROJECT]),
    ("hospital", &[qpk::HOSPITAL_PROJECT]),
    ("facility", &[qpk::FACILITY_PROJECT]),
    ("industrial", &[qpk::INDUSTRIAL_PROJECT]),
    ("headquarters", &[qpk::HEADQUARTERS_PROJECT]),
    ("housing", &[qpk::HOUSING_PROJECT]),
    ("renewal", &[qpk::RENEWAL_PROJECT]),
    ("programme", &[qpk::PROGRAMME]),
    ("campaign", &[qpk::CAMPAIGN]),
    ("platform", &[qpk::PLATFORM_PROJECT]),
    ("ecology", &[qpk::ECOLOGY_PROJECT]),
    ("title", &[qpk::TITLE_BID]),
    ("aim", &[qpk::AIM]),
    ("measure", &[qpk::MEASURE]),
    ("other", &[]),
];

const EVENT_TYPES: &[(&str, Classes)] = &[
    ("expo", &[schema::EXHIBITION_EVENT]),
    ("festival", &[schema::FESTIVAL]),
    ("competition", &[]),
    ("conference", &[]),
    ("ceremony", &[]),
    ("census", &[]),
    ("inspection", &[]),
    ("other", &[]),
];

const TASK_TYPES: &[(&str, Classes)] = &[
    (TASK_STRATEGY, &[qpk::NATIONAL_STRATEGY]),
    ("review", &[qpk::REVIEW_PART]),
    ("task", &[qpk::TASK]),
    ("goal", &[qpk::GOAL]),
];

/// A relation of `relations.csv`: its key, the property written and what it may link.
#[derive(Debug)]
pub struct Predicate {
    /// The value of the `predicate` column.
    pub key: &'static str,
    /// The property written from subject to object (or object to subject where `reversed`).
    pub property: NamedNodeRef<'static>,
    /// The inverse property, also written, where the standard vocabulary has one.
    pub inverse: Option<NamedNodeRef<'static>>,
    /// Whether the property points from the object to the subject (`member-of` is written as `rdfs:member`).
    pub reversed: bool,
    /// The kinds the subject may be.
    pub subjects: &'static [Kind],
    /// The kinds the object may be.
    pub objects: &'static [Kind],
    /// Where set, the subject's and the object's `type` (or concept scheme) this relation requires.
    pub subject_type: Option<&'static str>,
    pub object_type: Option<&'static str>,
}

const P: Predicate = Predicate {
    key: "",
    property: rdfs::SEE_ALSO,
    inverse: None,
    reversed: false,
    subjects: &[],
    objects: &[],
    subject_type: None,
    object_type: None,
};

/// Every relation `relations.csv` may state.
pub static PREDICATES: &[Predicate] = &[
    Predicate {
        key: "contained-in",
        property: schema::CONTAINED_IN_PLACE,
        inverse: Some(schema::CONTAINS_PLACE),
        subjects: &[Kind::Place],
        objects: &[Kind::Place],
        ..P
    },
    Predicate {
        key: "member-of",
        property: rdfs::MEMBER,
        reversed: true,
        subjects: &[Kind::Place],
        objects: &[Kind::Place],
        object_type: Some("grouping"),
        ..P
    },
    Predicate {
        key: "located-in",
        property: schema::LOCATION,
        subjects: &[Kind::Project, Kind::Event, Kind::Organization, Kind::Policy],
        objects: &[Kind::Place],
        ..P
    },
    Predicate {
        key: "part-of",
        property: dcterms::IS_PART_OF,
        inverse: Some(dcterms::HAS_PART),
        subjects: &[Kind::Policy, Kind::Project, Kind::Event, Kind::Task],
        objects: &[Kind::Policy, Kind::Project, Kind::Event, Kind::Task],
        ..P
    },
    Predicate {
        key: "issued-by",
        property: schema::LEGISLATION_PASSED_BY,
        subjects: &[Kind::Policy],
        objects: &[Kind::Organization],
        ..P
    },
    Predicate {
        key: "implements",
        property: eli::IMPLEMENTS,
        subjects: &[Kind::Policy],
        objects: &[Kind::Policy],
        ..P
    },
    Predicate {
        key: "theme",
        property: dcterms::SUBJECT,
        subjects: &[
            Kind::Policy,
            Kind::Project,
            Kind::Concept,
            Kind::Event,
            Kind::Organization,
            Kind::Place,
            Kind::Task,
        ],
        objects: &[Kind::Concept],
        object_type: Some(SCHEME_THEME),
        ..P
    },
    Predicate {
        key: "denotes",
        property: foaf::FOCUS,
        subjects: &[Kind::Concept],
        objects: &[Kind::Policy, Kind::Project, Kind::Event, Kind::Place, Kind::Organization],
        ..P
    },
    Predicate {
        key: "defined-in",
        property: rdfs::IS_DEFINED_BY,
        subjects: &[Kind::Concept],
        objects: &[Kind::Policy],
        ..P
    },
    Predicate {
        key: "sub-organization-of",
        property: org::SUB_ORGANIZATION_OF,
        inverse: Some(org::HAS_SUB_ORGANIZATION),
        subjects: &[Kind::Organization],
        objects: &[Kind::Organization],
        ..P
    },
    Predicate {
        key: "organised-by",
        property: schema::ORGANIZER,
        subjects: &[Kind::Event],
        objects: &[Kind::Organization, Kind::Person],
        ..P
    },
    Predicate {
        key: "involves",
        property: qpk::INVOLVES,
        subjects: &[Kind::Project, Kind::Event, Kind::Policy],
        objects: &[Kind::Organization, Kind::Person],
        ..P
    },
    Predicate {
        // A project or policy and the named projects, policies or events the report ties it to in its words (the
        // commercial services along 轨交17号线 at 万达茂; the linkage of the 12345 hotline and grid management; a
        // scheme and the creation it carries out).
        key: "relates-to",
        property: dcterms::RELATION,
        subjects: &[Kind::Project, Kind::Policy],
        objects: &[Kind::Project, Kind::Policy, Kind::Event],
        ..P
    },
    Predicate {
        key: "serves",
        property: qpk::SERVES,
        subjects: &[Kind::Task],
        objects: &[Kind::Task],
        object_type: Some(TASK_STRATEGY),
        ..P
    },
    Predicate {
        key: "growth-of",
        property: qpk::GROWTH_OF,
        subjects: &[Kind::Concept],
        objects: &[Kind::Concept],
        subject_type: Some(SCHEME_INDICATOR),
        object_type: Some(SCHEME_INDICATOR),
        ..P
    },
];

/// The relation of a `predicate` value.
pub fn predicate(key: &str) -> Option<&'static Predicate> {
    PREDICATES.iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicate_keys_are_unique_and_found() {
        for p in PREDICATES {
            assert!(std::ptr::eq(predicate(p.key).unwrap(), p), "{}", p.key);
            assert!(!p.subjects.is_empty() && !p.objects.is_empty(), "{}", p.key);
        }
    }

    #[test]
    fn type_values_are_unique() {
        for kind in Kind::ALL {
            let Some(types) = kind.types() else { continue };
            let mut names: Vec<_> = types.iter().map(|(n, _)| n).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), types.len(), "{kind:?}");
        }
    }
}
