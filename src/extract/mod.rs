//! Extraction: one module per kind of fact, each a pure function from the
//! article text to facts that carry their source span.
//!
//! [`extract_article`] runs them in order and gathers an [`ArticleFacts`],
//! which is also the JSON object `tinhuy extract --json` prints.

pub mod bylines;
pub mod chairs;
pub mod conclusions;
pub mod date;
pub mod deadline;
pub mod doc;
pub mod documents;
pub mod figures;
pub mod header;
pub mod meeting;
pub mod names;
pub mod people;
pub mod province;
pub mod titles;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use date::Date;
pub use people::{PersonFact, Position, Role};

use crate::text::{DecodeError, Page, decode};

/// A byte range of the article text, written `[start, end]` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Span {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

/// A set of spans for asking whether a position falls inside any of them,
/// in logarithmic time.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// Merged, sorted, non-overlapping.
    spans: Vec<Span>,
}

impl SpanSet {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanSet {
        let mut v: Vec<Span> = spans.into_iter().filter(|s| !s.is_empty()).collect();
        v.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(v.len());
        for s in v {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        SpanSet { spans: merged }
    }

    pub fn contains(&self, at: usize) -> bool {
        let i = self.spans.partition_point(|s| s.end <= at);
        self.spans.get(i).is_some_and(|s| s.start <= at)
    }
}

/// What meeting the article reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingFacts {
    /// The body that met ("Ban Thường vụ Tỉnh ủy").
    pub body: Option<String>,
    pub date: Option<Date>,
    /// Where the date's year was read: "text" (written in the date),
    /// "published" (the publication time) or "context" (the article's own
    /// year cues).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub year_from: Option<String>,
    /// Session number ("kỳ họp thứ 4" → 4).
    pub session: Option<u32>,
    /// Term of the body, a Roman numeral ("khóa XX").
    pub term: Option<String>,
}

/// A conclusion, request or decision of the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conclusion {
    pub text: String,
    /// Who said it: a person's name, or a title or body when no name is given.
    pub speaker: Option<String>,
    /// When it is due: a day, a month or a year.
    pub deadline: Option<Date>,
    pub span: Span,
}

/// A document discussed: a draft, plan, resolution or programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub text: String,
    /// Its number when written ("153-KH/TU").
    pub number: Option<String>,
    pub span: Span,
}

/// A reported figure ("GRDP năm 2020 ước tăng 3,23%").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What is measured, as written ("GRDP năm 2020").
    pub indicator: String,
    /// The change in percent, signed (3.23).
    pub change_percent: f64,
    pub text: String,
    pub span: Span,
}

/// Where each single-valued fact was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactSpans {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub views: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Span>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub authors: Vec<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_body: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Span>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub chairs: Vec<Span>,
}

/// What an article's source knows of it beside its text: a saved page's
/// metadata or a scraper record's fields. Every field is optional; a `.txt`
/// file has none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub url: Option<String>,
    /// Publication time as the source gives it: ISO 8601
    /// ("2020-12-02T17:21:47+07:00", "2020-12-02") or "dd/mm/yyyy HH:MM".
    pub published: Option<String>,
    /// The outlet's name or host ("Báo Thái Bình", "baothaibinh.com.vn").
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// Every fact read from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// The article's address, when its source gives one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// Time of day of the page stamp, "HH:MM".
    pub published_time: Option<String>,
    pub views: Option<u64>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// The province where the meeting took place, named as in the article.
    pub province: Option<String>,
    /// The province it belongs to since the July 2025 merger.
    pub province_2025: Option<String>,
    /// Where the province was read: "text", "outlet" or "url".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub province_from: Option<String>,
    pub meeting: MeetingFacts,
    pub chairs: Vec<String>,
    pub people: Vec<PersonFact>,
    pub conclusions: Vec<Conclusion>,
    pub documents: Vec<Document>,
    pub figures: Vec<Figure>,
    pub spans: FactSpans,
}

impl ArticleFacts {
    /// Every span the facts point at, including each person's names and
    /// positions and each conclusion, document and figure.
    pub fn all_spans(&self) -> Vec<Span> {
        let s = &self.spans;
        let mut out: Vec<Span> = [
            s.title,
            s.published,
            s.views,
            s.outlet,
            s.province,
            s.meeting_body,
            s.meeting_date,
            s.session,
            s.term,
        ]
        .into_iter()
        .flatten()
        .collect();
        out.extend(s.authors.iter().chain(&s.chairs));
        for p in &self.people {
            out.extend(&p.spans);
            out.extend(p.positions.iter().map(|x| x.span));
        }
        out.extend(self.conclusions.iter().map(|c| c.span));
        out.extend(self.documents.iter().map(|d| d.span));
        out.extend(self.figures.iter().map(|f| f.span));
        out
    }
}

/// Reads every fact from a normalized page that came without metadata.
pub fn extract_page(page: &Page) -> ArticleFacts {
    extract_page_with(page, &ArticleMeta::default())
}

/// Reads every fact from a normalized page, taking what the page does not
/// say (publication date, outlet, title) from its source's metadata.
pub fn extract_page_with(page: &Page, meta: &ArticleMeta) -> ArticleFacts {
    let mut tokens = Vec::new();
    let doc = doc::Doc::new(page, &mut tokens);
    let head = header::extract(&doc).with_meta(meta);
    let mut people = people::extract(&doc);
    let chairs = chairs::extract(&doc, &mut people);
    let meeting = meeting::extract(&doc, head.published.as_ref().map(|p| p.value), &people);
    let article_day = head
        .published
        .as_ref()
        .map(|p| p.value)
        .or(meeting.date.as_ref().map(|d| d.value));
    let province = province::extract(
        &doc,
        head.title.as_ref().map(|t| t.span),
        head.outlet.as_ref(),
        meta.url.as_deref(),
        &people,
        article_day,
    );
    let province_from = province.as_ref().map(|p| p.1.as_str().to_string());
    let province = province.map(|p| p.0);
    people::place_positions(
        &mut people.people,
        doc.text,
        doc.page.lower(),
        province.as_ref().map(|p| p.value),
    );
    let conclusions = conclusions::extract(
        &doc,
        &people,
        head.headline(doc.text),
        meeting
            .date
            .as_ref()
            .map(|d| d.value)
            .or(head.published.as_ref().map(|p| p.value)),
    );
    let authors = bylines::extract(&doc);

    let mut f = ArticleFacts {
        url: meta.url.clone(),
        title: head.title.as_ref().map(|t| t.value.clone()),
        published: head.published.as_ref().map(|p| p.value),
        published_time: head.published_time.clone(),
        views: head.views.as_ref().map(|v| v.value),
        outlet: head.outlet.as_ref().map(|o| o.value.clone()),
        authors: authors.iter().map(|a| a.value.clone()).collect(),
        province: province
            .as_ref()
            .map(|p| province::name_on(p.value, article_day).to_string()),
        province_2025: province.as_ref().map(|p| p.value.merged_into.to_string()),
        province_from,
        meeting: MeetingFacts {
            body: meeting.body.as_ref().map(|b| b.value.clone()),
            date: meeting.date.as_ref().map(|d| d.value),
            year_from: meeting.year_from.map(|y| y.as_str().to_string()),
            session: meeting.session.as_ref().map(|s| s.value),
            term: meeting.term.as_ref().map(|t| t.value.clone()),
        },
        chairs: chairs
            .iter()
            .map(|&c| people.people[c].name.clone())
            .collect(),
        people: people.people,
        conclusions,
        documents: documents::extract(&doc),
        figures: figures::extract(&doc),
        spans: FactSpans::default(),
    };
    f.spans = FactSpans {
        title: head.title.map(|t| t.span),
        published: head.published.map(|p| p.span),
        views: head.views.map(|v| v.span),
        outlet: head.outlet.map(|o| o.span),
        authors: authors.iter().map(|a| a.span).collect(),
        province: province.map(|p| p.span),
        meeting_body: meeting.body.map(|b| b.span),
        meeting_date: meeting.date.map(|d| d.span),
        session: meeting.session.map(|s| s.span),
        term: meeting.term.map(|t| t.span),
        chairs: chairs
            .iter()
            .filter_map(|&c| f.people[c].spans.first().copied())
            .collect(),
    };
    f
}

/// An article file's bytes decoded and read.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The normalized text every span points into, with its blocks.
    pub page: Page,
    pub facts: ArticleFacts,
    /// What decoding had to repair ("not valid UTF-8: …").
    pub warnings: Vec<String>,
}

/// Decodes a file's bytes, normalizes the text and reads every fact: what
/// `tinhuy extract` and `tinhuy ingest` do with each file. Binary or
/// foreign-encoded bytes are refused with the reason; no content panics.
pub fn extract_bytes(bytes: &[u8]) -> Result<Extracted, DecodeError> {
    extract_bytes_with(bytes, &ArticleMeta::default())
}

/// [`extract_bytes`] for text that came with its source's metadata.
pub fn extract_bytes_with(bytes: &[u8], meta: &ArticleMeta) -> Result<Extracted, DecodeError> {
    let decoded = decode(bytes)?;
    let page = Page::from_normalized(decoded.text);
    let facts = extract_page_with(&page, meta);
    Ok(Extracted {
        page,
        facts,
        warnings: decoded.warnings,
    })
}

/// Normalizes raw article text and reads every fact from it.
pub fn extract_article(raw: &str) -> (Page, ArticleFacts) {
    let page = Page::new(raw);
    let facts = extract_page(&page);
    (page, facts)
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Found<T> {
    pub fn new(value: T, span: impl Into<Span>) -> Found<T> {
        Found {
            value,
            span: span.into(),
        }
    }
}
