//! Saved web pages: the article's main text and the page's metadata.
//!
//! The page is parsed with html5ever (through `scraper`), the parser
//! browsers' rules are written for, so broken or truncated markup reads as
//! a browser would show it. The main content is picked the way reading
//! modes do: the element holding the most paragraph text, less its links,
//! with navigation, menus, related-news blocks, comments and scripts left
//! out. Paragraphs and line breaks become lines.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::extract::ArticleMeta;
use crate::text::decode;

/// Elements never read: code, forms, embedded frames, page furniture.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "object", "embed", "canvas", "menu", "dialog", "head", "title",
    "meta", "link",
];

/// Elements that start a line of their own.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "center",
    "hr",
    "body",
];

/// Class or id words of blocks that are not the article: related news,
/// comments, sharing, menus, banners, tag lists, most-read boxes.
static NOT_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)comment|binh-?luan|related|relate-|lien-?quan|tinlienquan|share|social|breadcrumb|banner|advert|\bads?\b|quang-?cao|menu|navbar|\bnav\b|sidebar|footer|popup|modal|\btags?\b|tag-?list|keyword|widget|xem-?nhieu|doc-?nhieu|most-?(?:read|view)|tin-?khac|other-?news|news-?other|tin-?moi|newest|login|subscribe",
    )
    .unwrap()
});

/// Deepest element nesting parsed. The HTML parsing rules look through the
/// open elements at each tag, so a page nested a hundred thousand deep
/// takes minutes; real pages stay under a few hundred.
const MAX_NESTING: usize = 5_000;

/// Elements with no end tag, and those pages often leave open (the parser
/// closes them): neither deepens the count.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype",
];

/// How deep the page's tags nest, counted from the tags as written.
fn nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let end = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!'))
            .map_or(b.len(), |n| start + n);
        if end == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            let tag_end = memchr::memchr(b'>', &b[end..]).map_or(b.len(), |n| end + n);
            if tag_end > 0 && b.get(tag_end - 1) == Some(&b'/') {
                continue;
            }
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The shortest text that counts as a paragraph when scoring containers.
const PARAGRAPH_MIN: usize = 25;

/// Reads a page's bytes: its article text and metadata. Binary data, a page
/// with no body text, or one whose main content cannot be found is refused.
pub fn read_page(bytes: &[u8]) -> Result<(String, ArticleMeta), String> {
    let decoded = decode(bytes).map_err(|e| e.to_string())?;
    let depth = nesting(&decoded.text);
    if depth > MAX_NESTING {
        return Err(format!(
            "markup nested {depth} elements deep, more than the {MAX_NESTING} a page is read with"
        ));
    }
    let doc = Html::parse_document(&decoded.text);
    let meta = metadata(&doc);
    let body = select_first(&doc, "body").ok_or("no <body> in the page")?;
    let mut lines = Vec::new();
    let mut line = String::new();
    for part in main_content(body) {
        write_text(part, &mut lines, &mut line);
        flush(&mut lines, &mut line);
    }
    if lines.is_empty() {
        return Err("no article text in the page (empty or truncated <body>)".into());
    }
    // The headline sits outside the content block on most pages: put it
    // first, as a plain-text copy of the article would have it.
    let headline = select_first(&doc, "h1")
        .map(|h| squash(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty())
        .or_else(|| meta.title.clone());
    if let Some(h) = headline
        && lines.first() != Some(&h)
    {
        lines.insert(0, h);
    }
    Ok((lines.join("\n"), meta))
}

fn select_first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel).next()
}

/// The first non-empty `attr` of elements matching `css`.
fn attr_of(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(squash)
        .find(|v| !v.is_empty())
}

/// Address, publication time, outlet and title from the page's markup:
/// canonical link and Open Graph tags, article meta tags, `<time>`, and
/// JSON-LD.
fn metadata(doc: &Html) -> ArticleMeta {
    let ld = json_ld(doc);
    let url = attr_of(doc, "link[rel~='canonical']", "href")
        .or_else(|| attr_of(doc, "meta[property='og:url']", "content"))
        .or_else(|| ld_find(&ld, "url"))
        .filter(|u| u.contains("://"));
    let published = attr_of(doc, "meta[property='article:published_time']", "content")
        .or_else(|| attr_of(doc, "meta[itemprop='datePublished']", "content"))
        .or_else(|| {
            attr_of(
                doc,
                "meta[name='pubdate'], meta[name='publishdate']",
                "content",
            )
        })
        .or_else(|| ld_find(&ld, "datePublished"))
        .or_else(|| attr_of(doc, "time[datetime]", "datetime"));
    let outlet = attr_of(doc, "meta[property='og:site_name']", "content")
        .or_else(|| ld_publisher(&ld))
        .or_else(|| url.as_deref().and_then(super::host_of));
    let title = attr_of(doc, "meta[property='og:title']", "content")
        .or_else(|| select_first(doc, "h1").map(|h| squash(&h.text().collect::<String>())))
        .or_else(|| select_first(doc, "title").map(|t| squash(&t.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    ArticleMeta {
        url,
        published,
        outlet,
        title,
    }
}

/// Every JSON-LD block of the page that parses.
fn json_ld(doc: &Html) -> Vec<Value> {
    let Ok(sel) = Selector::parse("script[type='application/ld+json']") else {
        return Vec::new();
    };
    doc.select(&sel)
        .filter_map(|s| serde_json::from_str(&s.text().collect::<String>()).ok())
        .collect()
}

/// The first string under `key` anywhere in the JSON-LD blocks.
fn ld_find(ld: &[Value], key: &str) -> Option<String> {
    fn walk(v: &Value, key: &str, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        match v {
            Value::Object(m) => m
                .get(key)
                .and_then(Value::as_str)
                .map(squash)
                .filter(|s| !s.is_empty())
                .or_else(|| m.values().find_map(|x| walk(x, key, depth + 1))),
            Value::Array(a) => a.iter().find_map(|x| walk(x, key, depth + 1)),
            _ => None,
        }
    }
    ld.iter().find_map(|v| walk(v, key, 0))
}

/// The publisher's name in JSON-LD.
fn ld_publisher(ld: &[Value]) -> Option<String> {
    ld.iter().find_map(|v| {
        let items = v.get("@graph").and_then(Value::as_array);
        let one = std::slice::from_ref(v);
        items.map_or(one, Vec::as_slice).iter().find_map(|x| {
            x.get("publisher")?
                .get("name")?
                .as_str()
                .map(squash)
                .filter(|s| !s.is_empty())
        })
    })
}

fn is_skipped(e: &ElementRef) -> bool {
    let v = e.value();
    if SKIPPED_TAGS.contains(&v.name()) {
        return true;
    }
    let marks = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    );
    (!marks.trim().is_empty() && NOT_ARTICLE.is_match(&marks))
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
}

fn is_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name)
}

/// The elements that hold the article, in page order: the container whose
/// paragraphs score most (each paragraph scores its parent fully and its
/// grandparent by half, as reading modes do, cut by the share of text in
/// links), with the siblings that read as part of it (a lead or a second
/// text block beside it). Falls back to the whole body.
fn main_content<'a>(body: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let mut scores = HashMap::new();
    let mut add = |e: ElementRef<'a>, s: f64| scores.entry(e.id()).or_insert((e, 0.0)).1 += s;
    score_paragraphs(body, &mut add, 0);
    let mut ranked: Vec<(ElementRef<'a>, f64)> = scores.values().copied().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    // Link density costs a walk of the element: weigh only the leaders.
    let Some((top, top_score)) = ranked
        .into_iter()
        .take(CANDIDATES)
        .map(|(e, s)| (e, s * (1.0 - link_density(e))))
        .reduce(|best, x| if x.1 > best.1 { x } else { best })
    else {
        return vec![body];
    };
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else {
        return vec![top];
    };
    parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|&e| {
            if e.id() == top.id() {
                return true;
            }
            if is_skipped(&e) || link_density(e) > 0.25 {
                return false;
            }
            let score = scores.get(&e.id()).map_or(0.0, |x| x.1);
            score >= top_score * 0.2 || own_text_len(e, 0) >= LEAD_MIN
        })
        .collect()
}

/// The shortest block beside the article's container taken as part of
/// it: a lead paragraph, not a caption or a stamp.
const LEAD_MIN: usize = 80;

/// Containers weighed for their links.
const CANDIDATES: usize = 8;

/// Deepest nesting read; deeper markup is left out rather than risk the
/// stack.
const MAX_DEPTH: usize = 200;

/// Walks the readable tree, scoring the containers of each paragraph.
fn score_paragraphs<'a>(
    e: ElementRef<'a>,
    add: &mut impl FnMut(ElementRef<'a>, f64),
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in e.children() {
        let Some(c) = ElementRef::wrap(child) else {
            continue;
        };
        if is_skipped(&c) {
            continue;
        }
        let own = own_text_len(c, depth);
        if own >= PARAGRAPH_MIN {
            let text: String = c.text().collect();
            let score = 1.0 + text.matches(',').count() as f64 + (own as f64 / 100.0).min(3.0);
            if let Some(p) = c.parent().and_then(ElementRef::wrap) {
                add(p, score);
                if let Some(g) = p.parent().and_then(ElementRef::wrap) {
                    add(g, score / 2.0);
                }
            }
        }
        score_paragraphs(c, add, depth + 1);
    }
}

/// Characters of text directly in the element or its inline children.
fn own_text_len(e: ElementRef<'_>, depth: usize) -> usize {
    if depth > MAX_DEPTH {
        return 0;
    }
    let mut n = 0;
    for child in e.children() {
        match child.value() {
            Node::Text(t) => n += t.trim().chars().count(),
            Node::Element(x) if !is_block(x.name()) && !SKIPPED_TAGS.contains(&x.name()) => {
                if let Some(c) = ElementRef::wrap(child) {
                    n += own_text_len(c, depth + 1);
                }
            }
            _ => {}
        }
    }
    n
}

/// Share of the element's text that sits inside links.
fn link_density(e: ElementRef<'_>) -> f64 {
    let total: usize = e.text().map(|t| t.trim().chars().count()).sum();
    if total == 0 {
        return 1.0;
    }
    let Ok(sel) = Selector::parse("a") else {
        return 0.0;
    };
    let linked: usize = e
        .select(&sel)
        .flat_map(|a| a.text())
        .map(|t| t.trim().chars().count())
        .sum();
    (linked as f64 / total as f64).min(1.0)
}

/// The element's readable text: blocks and `<br>` end lines, runs of
/// white space become one space.
fn write_text(e: ElementRef<'_>, lines: &mut Vec<String>, line: &mut String) {
    write_children(e, lines, line, 0);
}

fn write_children(e: ElementRef<'_>, lines: &mut Vec<String>, line: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in e.children() {
        match child.value() {
            Node::Text(t) => push_words(line, t),
            Node::Element(x) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if x.name() == "br" {
                    flush(lines, line);
                    continue;
                }
                if is_skipped(&c) {
                    continue;
                }
                let block = is_block(x.name());
                if block {
                    flush(lines, line);
                }
                write_children(c, lines, line, depth + 1);
                if block {
                    flush(lines, line);
                }
            }
            _ => {}
        }
    }
}

fn push_words(line: &mut String, t: &str) {
    if t.starts_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
    let mut first = true;
    for w in t.split_whitespace() {
        if !first {
            line.push(' ');
        }
        line.push_str(w);
        first = false;
    }
    if t.ends_with(char::is_whitespace) && !first {
        line.push(' ');
    }
}

fn flush(lines: &mut Vec<String>, line: &mut String) {
    let s = line.trim();
    if !s.is_empty() {
        lines.push(s.to_string());
    }
    line.clear();
}

/// White space runs to one space, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
