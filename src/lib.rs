#![doc = include_str!("../README.md")]

// The foundation: what every stage uses, and which uses no stage.
pub mod atomic;
pub mod error;
pub mod format;
pub mod indicators;
pub mod iri;
pub mod kinds;
pub mod values;
pub mod vocab;

// The build, in the order of the flow: source → document → facts → ground → map → build.
pub mod build;
pub mod document;
pub mod facts;
pub mod ground;
pub mod map;
pub mod source;

// What is done with a built graph.
pub mod coverage;
pub mod export;
pub mod push;
pub mod query;
pub mod serve;
pub mod validate;
pub mod walk;

pub use build::{KnowledgeGraph, build};
pub use error::{DataError, GraphError, Location};
