//! One module per record kind: patterns, resolvers and their examples.
//! Every rule has one signature, [`Find`], over one [`Context`], and the
//! pipeline runs them in the order of [`RULES`].

pub mod date;
pub mod document_ref;
pub mod duration;
pub mod event;
#[cfg(test)]
mod examples;
pub mod id;
pub mod location;
pub mod numerals;
pub mod organization;
pub mod period;
pub mod person;
pub mod quantity;
pub mod user;
pub mod words;

use crate::data::Lists;
use crate::select::Candidate;
use crate::text::Text;
use crate::tokens::Tokens;

/// What every rule reads: the text, its tokens (with the lists and their
/// lexicon) and the user's rules. What earlier rules found is in `out`.
pub struct Context<'a> {
    pub text: &'a Text<'a>,
    pub tokens: &'a Tokens<'a>,
    pub lists: &'a Lists,
    pub user: &'a user::UserRules,
}

/// A rule: adds its candidates to `out`, which holds those of the rules
/// before it.
pub type Find = fn(&Context, &mut Vec<Candidate>);

/// Every rule, in the order they run: periods read the dates found before
/// them; user rules run last.
pub const RULES: &[(&str, Find)] = &[
    ("document_ref", document_ref::find),
    ("date", date::find),
    ("period", period::find),
    ("duration", duration::find),
    ("organization", organization::find),
    ("location", location::find),
    ("person", person::find),
    ("event", event::find),
    ("quantity", quantity::find),
    ("user", user::find),
];
