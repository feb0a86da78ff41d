//! One module per record kind: patterns, resolvers and their examples.

pub mod date;
pub mod document_ref;
pub mod duration;
pub mod event;
pub mod location;
pub mod numerals;
pub mod organization;
pub mod period;
pub mod person;
pub mod quantity;
pub mod words;
