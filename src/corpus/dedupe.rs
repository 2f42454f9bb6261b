//! The same article given twice is one article: two inputs are the same
//! when they have the same address, or the same text once case, marks,
//! punctuation and spacing are set aside (a page saved twice, a record
//! scraped again, a file named twice).

use std::collections::HashSet;

use super::build::Input;
use crate::text::fold;

/// Keeps the first of each set of duplicates, in input order; returns the
/// inputs kept and how many were dropped.
pub fn dedupe(inputs: Vec<Input>) -> (Vec<Input>, usize) {
    let mut urls = HashSet::new();
    let mut texts = HashSet::new();
    let mut kept = Vec::with_capacity(inputs.len());
    let mut dropped = 0;
    for input in inputs {
        let url = input.facts.url.as_deref().map(url_key);
        let text = text_key(&input.text);
        let seen_url = url.as_ref().is_some_and(|u| urls.contains(u));
        let seen_text = !text.is_empty() && texts.contains(&text);
        if seen_url || seen_text {
            dropped += 1;
            continue;
        }
        if let Some(u) = url {
            urls.insert(u);
        }
        texts.insert(text);
        kept.push(input);
    }
    (kept, dropped)
}

/// An address without scheme, "www.", fragment or trailing slash, host in
/// lower case: "https://www.Bao.vn/a/#top" and "http://bao.vn/a" meet.
pub fn url_key(url: &str) -> String {
    let u = url.trim();
    let u = u.split_once("://").map_or(u, |(_, r)| r);
    let u = u.split('#').next().unwrap_or(u);
    let (host, path) = u.split_once('/').unwrap_or((u, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

/// The text's words, folded: what is left when only the wording counts.
pub fn text_key(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_meet_across_scheme_and_slash() {
        assert_eq!(
            url_key("https://www.Bao.vn/a/#top"),
            url_key("http://bao.vn/a")
        );
        assert_ne!(url_key("https://bao.vn/a"), url_key("https://bao.vn/b"));
    }

    #[test]
    fn texts_meet_across_spacing_and_case() {
        assert_eq!(
            text_key("Hội nghị  Tỉnh ủy.\n"),
            text_key("hội nghị tỉnh ủy")
        );
    }
}
