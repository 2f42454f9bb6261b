//! Questions asked of a corpus: who held a post, whom a person meets, which
//! meetings a province held.

use std::collections::HashMap;

use super::catalog::Catalog;
use super::model::{Corpus, Spell};
use crate::extract::Date;
use crate::gazetteer::provinces;
use crate::gazetteer::titles::title_key;
use crate::text::fold;

/// A person holding a post during a spell.
#[derive(Debug, Clone, Copy)]
pub struct Holder<'a> {
    pub person: usize,
    pub spell: &'a Spell,
}

/// The answer to "who held title T (in province P) (on date D)".
#[derive(Debug, Clone)]
pub struct WhoAnswer<'a> {
    /// Every holder seen, earliest first.
    pub holders: Vec<Holder<'a>>,
    /// With a date: the holders that answer for it (indices into `holders`):
    /// those seen holding it around that date, else the last one seen
    /// before it.
    pub on_date: Vec<usize>,
}

/// The key a user's title is compared by: like [`title_key`], but
/// abbreviations typed in lower case ("chu tich ubnd tinh") count too.
pub fn query_title_key(title: &str) -> String {
    let upper: String = title
        .split_whitespace()
        .map(|w| {
            let f = fold(w);
            if matches!(
                f.as_str(),
                "ubnd"
                    | "hdnd"
                    | "ubkt"
                    | "mttq"
                    | "bch"
                    | "btv"
                    | "uvtw"
                    | "dbqh"
                    | "tw"
                    | "bchqs"
            ) {
                w.to_uppercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    title_key(&upper)
}

/// Whether a spell's province answers a province query, by name as it was
/// or by the unit it belongs to since 2025.
pub fn province_matches(spell_province: Option<&str>, query: &str) -> bool {
    let Some(sp) = spell_province else {
        return false;
    };
    match (provinces::lookup(sp), provinces::lookup(query)) {
        (Some(a), Some(b)) => {
            a.name == b.name || provinces::lookup(a.merged_into).is_some_and(|u| u.name == b.name)
        }
        _ => fold(sp) == fold(query),
    }
}

/// Who held a post.
pub fn who<'a>(
    corpus: &'a Corpus,
    title: &str,
    province: Option<&str>,
    on: Option<Date>,
) -> WhoAnswer<'a> {
    let key = query_title_key(title);
    let mut holders: Vec<Holder<'a>> = Vec::new();
    for (pi, p) in corpus.people.iter().enumerate() {
        for spell in &p.timeline {
            if title_key(&spell.title) != key {
                continue;
            }
            if let Some(q) = province
                && !province_matches(spell.province.as_deref(), q)
            {
                continue;
            }
            holders.push(Holder { person: pi, spell });
        }
    }
    holders.sort_by(|a, b| {
        a.spell
            .first_seen
            .cmp(&b.spell.first_seen)
            .then(a.person.cmp(&b.person))
    });
    let on_date = match on {
        None => Vec::new(),
        Some(d) => {
            let covering: Vec<usize> = holders
                .iter()
                .enumerate()
                .filter(|(_, h)| {
                    let (Some(f), Some(l)) = (h.spell.first_seen, h.spell.last_seen) else {
                        return false;
                    };
                    f.days() <= d.days() && d.days() <= l.days() || f.covers(&d) || d.covers(&f)
                })
                .map(|(i, _)| i)
                .collect();
            if covering.is_empty() {
                holders
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.spell.first_seen.is_some_and(|f| f.days() <= d.days()))
                    .max_by_key(|(_, h)| h.spell.first_seen)
                    .map(|(i, _)| vec![i])
                    .unwrap_or_default()
            } else {
                covering
            }
        }
    };
    WhoAnswer { holders, on_date }
}

/// The people seen most often at the same meetings as `person`, with how
/// many meetings they shared, most first.
pub fn companions(corpus: &Corpus, person: usize) -> Vec<(usize, usize)> {
    companions_in(&Catalog::of(corpus), person)
}

/// [`companions`] over a catalog.
pub fn companions_in(catalog: &Catalog, person: usize) -> Vec<(usize, usize)> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for app in catalog.people[person].appearances.iter() {
        let meeting = &catalog.meetings[app.meeting as usize];
        let mut seen = Vec::new();
        for &ai in meeting.articles.iter() {
            for &other in catalog.articles[ai as usize].people.iter() {
                let other = other as usize;
                if other != person && !seen.contains(&other) {
                    seen.push(other);
                    *counts.entry(other).or_insert(0) += 1;
                }
            }
        }
    }
    let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
    // Namesakes are told apart by their order in the corpus: the counts come
    // out of a hash map in no set order.
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(catalog.people[a.0].name.cmp(&catalog.people[b.0].name))
            .then(a.0.cmp(&b.0))
    });
    v
}

/// Meetings per province (as named in the articles), most first.
pub fn provinces_with_counts(corpus: &Corpus) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in &corpus.meetings {
        *counts
            .entry(m.province.clone().unwrap_or_default())
            .or_insert(0) += 1;
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}
