#![doc = include_str!("../README.md")]

pub mod anchor;
pub mod cells;
pub mod cli;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod ground;
pub mod kinds;
pub mod map;
pub mod mentions;
pub mod metadata;
pub mod push;
pub mod query;
pub mod records;
pub mod serve;
pub mod shacl;
pub mod source;
pub mod stats;
pub mod store;
pub mod validate;
pub mod vocab;
pub mod walk;

pub use error::{DataError, GraphError, Place};
pub use store::{KnowledgeGraph, build};
