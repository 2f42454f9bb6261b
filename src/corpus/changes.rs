//! What changed in a province's key posts between two dates: who took and
//! who left which post.

use serde::Serialize;

use super::leadership::{PostRow, Tenure, holders_on, same_holder, timeline};
use super::model::Corpus;
use crate::extract::Date;

/// One change in a post: a holder who left, one who took it, or both (a
/// successor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub post: String,
    pub left: Option<Tenure>,
    pub took: Option<Tenure>,
}

/// The changes in the key posts of `province` between `from` and `to`, in
/// the posts' order. A holder at `from` not holding the post at `to` left
/// it; one at `to` not there at `from` took it. Leavers and newcomers of
/// the same post are paired in order, so a succession is one change.
pub fn changes(corpus: &Corpus, province: &str, from: Date, to: Date) -> Vec<Change> {
    changes_in(&timeline(corpus, province), from, to)
}

/// The changes between `from` and `to` in posts already laid out in time.
pub fn changes_in(rows: &[PostRow], from: Date, to: Date) -> Vec<Change> {
    let before = holders_on(rows, from);
    let after = holders_on(rows, to);
    let mut out = Vec::new();
    for ((post, was), (_, is)) in before.into_iter().zip(after) {
        let left: Vec<&Tenure> = was
            .iter()
            .copied()
            .filter(|w| !is.iter().any(|i| same_holder(w, i)))
            .collect();
        let took: Vec<&Tenure> = is
            .iter()
            .copied()
            .filter(|i| !was.iter().any(|w| same_holder(w, i)))
            .collect();
        for k in 0..left.len().max(took.len()) {
            out.push(Change {
                post: post.to_string(),
                left: left.get(k).map(|t| (*t).clone()),
                took: took.get(k).map(|t| (*t).clone()),
            });
        }
    }
    out
}
