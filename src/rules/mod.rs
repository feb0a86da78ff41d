//! One module per record kind: patterns, resolvers and their examples.

pub mod document_ref;
