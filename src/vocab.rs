//! Vocabulary constants: every IRI the mapping writes, grouped by namespace.
//!
//! Standard vocabularies come first (RDF, RDFS, OWL, XSD, SKOS, ORG, schema.org, GeoSPARQL, RDF Data Cube,
//! SDMX-RDF, PROV-O, Web Annotation, Dublin Core, DCAT, VoID, FOAF, ELI, FaBiO); [`qpk`] holds the few terms of
//! this project's own ontology (`ontology/qingpu.ttl`), used only where no standard term fits.

/// The ontology, embedded: it is part of the program, not of the data.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/qingpu.ttl");

/// Declares a namespace module with its IRI and one `NamedNodeRef` constant per term.
macro_rules! namespace {
    ($(#[$doc:meta])* $module:ident, $prefix:literal, $iri:literal, { $($name:ident = $local:literal),* $(,)? }) => {
        $(#[$doc])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace IRI.
            pub const NAMESPACE: &str = $iri;
            /// The prefix used in Turtle output and SPARQL queries.
            pub const PREFIX: &str = $prefix;
            /// Every term of this module, for tests and for the ontology check.
            pub const TERMS: &[NamedNodeRef<'static>] = &[$($name),*];
            $(
                #[doc = concat!("`", $prefix, ":", $local, "`")]
                pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($iri, $local));
            )*
        }
    };
}

namespace!(rdf, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", {
    TYPE = "type", STATEMENT = "Statement", SUBJECT = "subject", PREDICATE = "predicate", OBJECT = "object",
});
namespace!(rdfs, "rdfs", "http://www.w3.org/2000/01/rdf-schema#", {
    LABEL = "label", COMMENT = "comment", SUB_CLASS_OF = "subClassOf", MEMBER = "member", SEE_ALSO = "seeAlso",
    IS_DEFINED_BY = "isDefinedBy",
});
namespace!(owl, "owl", "http://www.w3.org/2002/07/owl#", { ONTOLOGY = "Ontology", SAME_AS = "sameAs" });
namespace!(xsd, "xsd", "http://www.w3.org/2001/XMLSchema#", {
    DATE = "date", DECIMAL = "decimal", INTEGER = "integer",
    GYEAR = "gYear", STRING = "string",
});
namespace!(skos, "skos", "http://www.w3.org/2004/02/skos/core#", {
    CONCEPT = "Concept", CONCEPT_SCHEME = "ConceptScheme", IN_SCHEME = "inScheme", PREF_LABEL = "prefLabel",
    ALT_LABEL = "altLabel", DEFINITION = "definition", BROADER = "broader", NARROWER = "narrower",
    NOTATION = "notation", TOP_CONCEPT_OF = "topConceptOf", HAS_TOP_CONCEPT = "hasTopConcept", NOTE = "note",
    BROAD_MATCH = "broadMatch",
});
namespace!(org, "org", "http://www.w3.org/ns/org#", {
    ORGANIZATION = "Organization", FORMAL_ORGANIZATION = "FormalOrganization",
    ORGANIZATIONAL_UNIT = "OrganizationalUnit", POST = "Post", HELD_BY = "heldBy", HOLDS = "holds",
    SUB_ORGANIZATION_OF = "subOrganizationOf", HAS_SUB_ORGANIZATION = "hasSubOrganization",
});
namespace!(schema, "schema", "https://schema.org/", {
    PLACE = "Place", ADMINISTRATIVE_AREA = "AdministrativeArea", LAKE = "LakeBodyOfWater",
    RIVER = "RiverBodyOfWater", PARK = "Park", LANDMARK = "LandmarksOrHistoricalBuildings",
    TOURIST_ATTRACTION = "TouristAttraction", PERSON = "Person", EVENT = "Event",
    EXHIBITION_EVENT = "ExhibitionEvent", FESTIVAL = "Festival", SPORTS_EVENT = "SportsEvent",
    GOVERNMENT_ORGANIZATION = "GovernmentOrganization", CORPORATION = "Corporation",
    COLLEGE_OR_UNIVERSITY = "CollegeOrUniversity", HOSPITAL = "Hospital", SCHOOL = "School",
    LEGISLATION = "Legislation", LEGISLATION_TYPE = "legislationType",
    LEGISLATION_PASSED_BY = "legislationPassedBy", CONTAINED_IN_PLACE = "containedInPlace",
    CONTAINS_PLACE = "containsPlace", LOCATION = "location", POSITION = "position", ORGANIZER = "organizer", JOB_TITLE = "jobTitle",
    START_DATE = "startDate", WORK_FEATURED = "workFeatured",
});
namespace!(geo, "geo", "http://www.opengis.net/ont/geosparql#", {
    FEATURE = "Feature", FEATURE_COLLECTION = "FeatureCollection",
});
namespace!(qb, "qb", "http://purl.org/linked-data/cube#", {
    DATA_SET = "DataSet", DATA_STRUCTURE_DEFINITION = "DataStructureDefinition",
    COMPONENT_SPECIFICATION = "ComponentSpecification", OBSERVATION = "Observation", DATA_SET_PROP = "dataSet",
    STRUCTURE = "structure", COMPONENT = "component", DIMENSION = "dimension", MEASURE = "measure",
    ATTRIBUTE = "attribute", ORDER = "order", COMPONENT_REQUIRED = "componentRequired",
    COMPONENT_ATTACHMENT = "componentAttachment",
});
namespace!(sdmx_dimension, "sdmx-dimension", "http://purl.org/linked-data/sdmx/2009/dimension#", {
    REF_AREA = "refArea", REF_PERIOD = "refPeriod",
});
namespace!(sdmx_attribute, "sdmx-attribute", "http://purl.org/linked-data/sdmx/2009/attribute#", {
    UNIT_MEASURE = "unitMeasure", UNIT_MULT = "unitMult",
});
namespace!(sdmx_measure, "sdmx-measure", "http://purl.org/linked-data/sdmx/2009/measure#", {
    OBS_VALUE = "obsValue",
});
namespace!(prov, "prov", "http://www.w3.org/ns/prov#", {
    HAD_PRIMARY_SOURCE = "hadPrimarySource", WAS_DERIVED_FROM = "wasDerivedFrom", ENTITY = "Entity",
});
namespace!(oa, "oa", "http://www.w3.org/ns/oa#", {
    ANNOTATION = "Annotation", SPECIFIC_RESOURCE = "SpecificResource", TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
    TEXT_POSITION_SELECTOR = "TextPositionSelector", HAS_BODY = "hasBody", HAS_TARGET = "hasTarget",
    HAS_SOURCE = "hasSource", HAS_SELECTOR = "hasSelector", EXACT = "exact", PREFIX_PROP = "prefix",
    SUFFIX = "suffix", START = "start", END = "end", MOTIVATED_BY = "motivatedBy", DESCRIBING = "describing",
    IDENTIFYING = "identifying",
});
namespace!(dcterms, "dcterms", "http://purl.org/dc/terms/", {
    TITLE = "title", DESCRIPTION = "description", ISSUED = "issued", CREATOR = "creator", LANGUAGE = "language",
    DATE = "date", CONTRIBUTOR = "contributor",
    IS_PART_OF = "isPartOf", HAS_PART = "hasPart", SUBJECT = "subject", TEMPORAL = "temporal", SOURCE = "source",
    PERIOD_OF_TIME = "PeriodOfTime", LICENSE = "license", SPATIAL = "spatial", PUBLISHER = "publisher",
    MODIFIED = "modified", RIGHTS = "rights", FORMAT = "format",
    CONFORMS_TO = "conformsTo", RELATION = "relation",
});
namespace!(dcat, "dcat", "http://www.w3.org/ns/dcat#", {
    DATASET = "Dataset", START_DATE = "startDate", END_DATE = "endDate", DISTRIBUTION = "Distribution",
    DISTRIBUTION_PROP = "distribution", DATA_SERVICE = "DataService", DOWNLOAD_URL = "downloadURL",
    ACCESS_URL = "accessURL", MEDIA_TYPE = "mediaType", LANDING_PAGE = "landingPage", KEYWORD = "keyword",
    ENDPOINT_URL = "endpointURL", SERVES_DATASET = "servesDataset", BYTE_SIZE = "byteSize",
});
namespace!(void, "void", "http://rdfs.org/ns/void#", {
    DATASET = "Dataset", TRIPLES = "triples", ENTITIES = "entities", URI_SPACE = "uriSpace",
    VOCABULARY = "vocabulary", SPARQL_ENDPOINT = "sparqlEndpoint", DATA_DUMP = "dataDump",
    ROOT_RESOURCE = "rootResource", SUBSET = "subset",
});
namespace!(foaf, "foaf", "http://xmlns.com/foaf/0.1/", {
    AGENT = "Agent", PROJECT = "Project", NAME = "name", HOMEPAGE = "homepage", FOCUS = "focus",
});
namespace!(eli, "eli", "http://data.europa.eu/eli/ontology#", {
    LEGAL_RESOURCE = "LegalResource", TYPE_DOCUMENT = "type_document", IMPLEMENTS = "implements",
});
namespace!(fabio, "fabio", "http://purl.org/spar/fabio/", { REPORT_DOCUMENT = "ReportDocument" });
namespace!(doco, "doco", "http://purl.org/spar/doco/", {
    SECTION = "Section", PARAGRAPH = "Paragraph", GLOSSARY = "Glossary", APPENDIX = "Appendix",
});
namespace!(c4o, "c4o", "http://purl.org/spar/c4o/", { HAS_CONTENT = "hasContent" });
namespace!(
    /// This project's own ontology (`ontology/qingpu.ttl`): only what no standard vocabulary offers.
    qpk, "qpk", "https://w3id.org/qingpu-kg/ontology#", {
    DISTRICT = "District", SUBDISTRICT = "Subdistrict", TOWN = "Town", VILLAGE = "Village",
    DEVELOPMENT_ZONE = "DevelopmentZone", BUSINESS_DISTRICT = "BusinessDistrict",
    INDUSTRIAL_PARK = "IndustrialPark", ANCIENT_TOWN = "AncientTown", PARTY_ORGANIZATION = "PartyOrganization",
    PROJECT = "Project", ROAD_PROJECT = "RoadProject", BRIDGE_PROJECT = "BridgeProject",
    RAIL_PROJECT = "RailProject", PARK_PROJECT = "ParkProject", SCHOOL_PROJECT = "SchoolProject",
    HOSPITAL_PROJECT = "HospitalProject", FACILITY_PROJECT = "FacilityProject",
    INDUSTRIAL_PROJECT = "IndustrialProject", HEADQUARTERS_PROJECT = "HeadquartersProject",
    HOUSING_PROJECT = "HousingProject", RENEWAL_PROJECT = "RenewalProject", PROGRAMME = "Programme",
    CAMPAIGN = "Campaign", PLATFORM_PROJECT = "PlatformProject", ECOLOGY_PROJECT = "EcologyProject",
    TITLE_BID = "TitleBid", AIM = "Aim", MEASURE = "Measure",
    QUALITATIVE_TARGET = "QualitativeTarget", QUALITATIVE_RESULT = "QualitativeResult", FIGURE_KIND = "FigureKind", RESULT = "Result",
    ESTIMATE = "Estimate", TARGET = "Target", CURRENT = "Current", FIGURE_KINDS = "FigureKinds",
    MAIN_TARGETS_PARAGRAPH = "MainTargetsParagraph", DIVISION_CODE = "divisionCode", STATUS = "status", INDICATOR = "indicator", STAGE = "Stage",
    STAGE_PROP = "stage", STAGE_KIND = "StageKind", STAGE_KIND_PROP = "stageKind", STAGE_KINDS = "StageKinds",
    ACHIEVED = "Achieved", UNDER_WAY = "UnderWay", PLANNED = "Planned", RUNNING_TOTAL = "runningTotal",
    FIGURE_KIND_PROP = "figureKind", CONCERNS = "concerns", GROWTH_OF = "growthOf",
    INVOLVES = "involves", PLAN_ELEMENT = "PlanElement", NATIONAL_STRATEGY = "NationalStrategy",
    REVIEW_PART = "ReviewPart", TASK = "Task", GOAL = "Goal", REPORTED_UNDER = "reportedUnder", SERVES = "serves",
    SPAN = "span", APPROXIMATION = "approximation", ABOUT = "About", MORE_THAN = "MoreThan", APPROXIMATIONS = "Approximations",
    AT_LEAST = "AtLeast", AT_MOST = "AtMost", NEARLY = "Nearly", UPPER_BOUND = "upperBound",
});

/// The IRI of the ontology document `ontology/qingpu.ttl` (its terms are in [`qpk`]).
pub const ONTOLOGY_IRI: &str = "https://w3id.org/qingpu-kg/ontology";

/// The namespaces written as prefixes in Turtle output and pre-declared for `query -e`.
pub const PREFIXES: &[(&str, &str)] = &[
    (rdf::PREFIX, rdf::NAMESPACE),
    (rdfs::PREFIX, rdfs::NAMESPACE),
    (owl::PREFIX, owl::NAMESPACE),
    (xsd::PREFIX, xsd::NAMESPACE),
    (skos::PREFIX, skos::NAMESPACE),
    (org::PREFIX, org::NAMESPACE),
    (schema::PREFIX, schema::NAMESPACE),
    (geo::PREFIX, geo::NAMESPACE),
    (qb::PREFIX, qb::NAMESPACE),
    (sdmx_dimension::PREFIX, sdmx_dimension::NAMESPACE),
    (sdmx_attribute::PREFIX, sdmx_attribute::NAMESPACE),
    (sdmx_measure::PREFIX, sdmx_measure::NAMESPACE),
    (prov::PREFIX, prov::NAMESPACE),
    (oa::PREFIX, oa::NAMESPACE),
    (dcterms::PREFIX, dcterms::NAMESPACE),
    (dcat::PREFIX, dcat::NAMESPACE),
    (void::PREFIX, void::NAMESPACE),
    (foaf::PREFIX, foaf::NAMESPACE),
    (eli::PREFIX, eli::NAMESPACE),
    (fabio::PREFIX, fabio::NAMESPACE),
    (doco::PREFIX, doco::NAMESPACE),
    (c4o::PREFIX, c4o::NAMESPACE),
    (qpk::PREFIX, qpk::NAMESPACE),
];

/// The SPARQL `PREFIX` lines for [`PREFIXES`].
pub fn sparql_prologue() -> String {
    PREFIXES.iter().map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n")).collect()
}

/// A term's N-Triples form with a known namespace shortened to a prefixed name (`schema:Place`).
pub fn compact(term: &str) -> String {
    let Some(iri) = term.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return term.to_owned();
    };
    PREFIXES
        .iter()
        .find_map(|(prefix, ns)| {
            let local = iri.strip_prefix(ns)?;
            local.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-').then(|| format!("{prefix}:{local}"))
        })
        .unwrap_or_else(|| term.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    #[test]
    fn every_constant_is_a_valid_iri() {
        let all = [
            rdf::TERMS,
            rdfs::TERMS,
            owl::TERMS,
            xsd::TERMS,
            skos::TERMS,
            org::TERMS,
            schema::TERMS,
            geo::TERMS,
            qb::TERMS,
            sdmx_dimension::TERMS,
            sdmx_attribute::TERMS,
            sdmx_measure::TERMS,
            prov::TERMS,
            oa::TERMS,
            dcterms::TERMS,
            dcat::TERMS,
            void::TERMS,
            foaf::TERMS,
            eli::TERMS,
            fabio::TERMS,
            doco::TERMS,
            c4o::TERMS,
            qpk::TERMS,
        ];
        for term in all.into_iter().flatten() {
            NamedNode::new(term.as_str()).unwrap_or_else(|e| panic!("{term}: {e}"));
        }
    }

    #[test]
    fn every_own_term_is_declared_with_labels_and_a_comment() {
        use oxigraph::io::{RdfFormat, RdfParser};
        use oxigraph::model::{Graph, Term, Triple};
        let mut ontology = Graph::new();
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(crate::vocab::ONTOLOGY_TTL) {
            ontology.insert(&Triple::from(quad.expect("ontology/qingpu.ttl parses")));
        }
        for term in qpk::TERMS {
            assert!(ontology.object_for_subject_predicate(*term, rdf::TYPE).is_some(), "{term} has no rdf:type");
            let languages: Vec<_> = ontology
                .objects_for_subject_predicate(*term, rdfs::LABEL)
                .filter_map(|l| match l.into_owned() {
                    Term::Literal(l) => l.language().map(str::to_owned),
                    _ => None,
                })
                .collect();
            assert!(languages.contains(&"zh".into()) && languages.contains(&"en".into()), "{term}: {languages:?}");
            assert!(ontology.object_for_subject_predicate(*term, rdfs::COMMENT).is_some(), "{term} has no comment");
        }
    }

    #[test]
    fn prefixes_are_unique() {
        let mut names: Vec<_> = PREFIXES.iter().map(|(p, _)| p).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PREFIXES.len());
    }
}
