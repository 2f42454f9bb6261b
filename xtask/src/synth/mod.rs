//! A deterministic generator of synthetic meeting articles with their
//! ground truth, for testing and benchmarking the extractor and the corpus
//! on thousands of articles.
//!
//! A seed builds a [`world::World`] of provinces and officials whose posts
//! change over 2015–2025 (promotions, rotations between provinces, the 2025
//! mergers), so the same people recur across articles and "who held post X
//! in province Y on date D" has an answer. Each article is then written from
//! that world in one of many page layouts, with boilerplate, and with a
//! [`Truth`] recording what a careful annotator would list.
//!
//! Article `i` depends only on the seed and `i`: the same seed gives
//! byte-identical output, and articles can be made in any order or in
//! parallel.

mod article;
pub mod names;
mod phrases;
pub mod posts;
pub mod rng;
pub mod tone;
pub mod world;

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use tinhuy::extract::Date;
pub use world::{PersonId, World};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthConfig {
    pub articles: usize,
    pub seed: u64,
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct SynthArticle {
    /// "syn_000123.txt".
    pub file_name: String,
    pub text: String,
    pub truth: Truth,
}

/// A person named in the article as an official taking part.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthPerson {
    /// As written in the article.
    pub name: String,
    /// Titles as written, without a trailing province name, each once.
    pub positions: Vec<String>,
    /// "chair", "presenter", "speaker", "attendee".
    pub roles: Vec<&'static str>,
    /// The layouts the person was written in ("name_first", "title_first",
    /// "caption_two_line", …), for finding what an extractor misses.
    pub layouts: Vec<&'static str>,
    /// Posts held before in another province or at the centre, written
    /// "nguyên <post> <province>", as written after "nguyên".
    pub former: Vec<String>,
    /// The person in the world, the same across articles.
    pub id: PersonId,
}

/// A directive or decision of the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthConclusion {
    /// A short phrase copied verbatim from the directive.
    pub phrase: String,
    pub deadline: Option<Date>,
}

/// What the article states, as an annotator would list it.
#[derive(Debug, Clone, PartialEq)]
pub struct Truth {
    pub title: String,
    /// The page stamp's date, when the page has a stamp.
    pub published: Option<Date>,
    pub views: Option<u64>,
    pub outlet: Option<String>,
    /// The host province, by its gazetteer name.
    pub province: String,
    /// Its unit since the July 2025 merger.
    pub province_2025: String,
    /// The meeting date, when the article gives it.
    pub date: Option<Date>,
    pub body: String,
    pub session: Option<u32>,
    pub term: Option<String>,
    pub chairs: Vec<String>,
    pub people: Vec<TruthPerson>,
    /// People named in teasers, comments or cited documents.
    pub not_attendees: Vec<String>,
    pub conclusions: Vec<TruthConclusion>,
    pub deadlines: Vec<Date>,
    pub authors: Vec<String>,
    pub documents: Vec<String>,
    /// The meeting kind and page layout, for reports.
    pub kind: &'static str,
    pub layout: &'static str,
}

/// The gold-file form read by the evaluation scorer.
#[derive(Serialize)]
struct GoldJson<'a> {
    title: &'a str,
    published: Option<String>,
    views: Option<u64>,
    outlet: Option<&'a str>,
    province: &'a str,
    province_2025: &'a str,
    province_evidence: &'static str,
    date: Option<String>,
    body: &'a str,
    session: Option<u32>,
    term: Option<&'a str>,
    chairs: &'a [String],
    people: Vec<GoldPerson<'a>>,
    not_attendees: &'a [String],
    conclusions: Vec<&'a str>,
    deadlines: Vec<String>,
    authors: &'a [String],
    documents: &'a [String],
    kind: &'static str,
    layout: &'static str,
}

#[derive(Serialize)]
struct GoldPerson<'a> {
    name: &'a str,
    positions: &'a [String],
    roles: &'a [&'static str],
    layouts: &'a [&'static str],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    former: &'a [String],
    id: PersonId,
}

impl Truth {
    /// The gold JSON of this article (the format of the evaluation's gold
    /// files, with a few extra keys the scorer ignores).
    pub fn to_gold_json(&self) -> String {
        let g = GoldJson {
            title: &self.title,
            published: self.published.map(|d| d.to_string()),
            views: self.views,
            outlet: self.outlet.as_deref(),
            province: &self.province,
            province_2025: &self.province_2025,
            province_evidence: "explicit",
            date: self.date.map(|d| d.to_string()),
            body: &self.body,
            session: self.session,
            term: self.term.as_deref(),
            chairs: &self.chairs,
            people: self
                .people
                .iter()
                .map(|p| GoldPerson {
                    name: &p.name,
                    positions: &p.positions,
                    roles: &p.roles,
                    layouts: &p.layouts,
                    former: &p.former,
                    id: p.id,
                })
                .collect(),
            not_attendees: &self.not_attendees,
            conclusions: self.conclusions.iter().map(|c| c.phrase.as_str()).collect(),
            deadlines: self.deadlines.iter().map(|d| d.to_string()).collect(),
            authors: &self.authors,
            documents: &self.documents,
            kind: self.kind,
            layout: self.layout,
        };
        serde_json::to_string_pretty(&g).expect("gold JSON")
    }
}

/// The articles of a configuration, made one at a time.
pub fn generate(config: &SynthConfig) -> impl Iterator<Item = SynthArticle> + use<> {
    let world = World::new(config.seed);
    let seed = config.seed;
    (0..config.articles).map(move |i| article::render(&world, seed, i))
}

/// One article of an already built world.
pub fn article_at(world: &World, seed: u64, index: usize) -> SynthArticle {
    article::render(world, seed, index)
}

/// What [`write_dir`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub articles: usize,
    /// Bytes of article text.
    pub bytes: u64,
    pub truth_files: usize,
    pub seconds: f64,
}

/// Writes the articles as `<dir>/syn_NNNNNN.txt` and, with `with_truth`,
/// their gold files as `<dir>/gold/syn_NNNNNN.json`. Uses every core; the
/// files are the same whatever the number of cores.
pub fn write_dir(config: &SynthConfig, dir: &Path, with_truth: bool) -> std::io::Result<Stats> {
    let started = Instant::now();
    std::fs::create_dir_all(dir)?;
    let gold = dir.join("gold");
    if with_truth {
        std::fs::create_dir_all(&gold)?;
    }
    let world = World::new(config.seed);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(config.articles.max(1));
    let results: Vec<std::io::Result<(usize, u64)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (world, gold) = (&world, &gold);
                scope.spawn(move || -> std::io::Result<(usize, u64)> {
                    let (mut n, mut bytes) = (0usize, 0u64);
                    let mut i = w;
                    while i < config.articles {
                        let a = article::render(world, config.seed, i);
                        write_file(&dir.join(&a.file_name), a.text.as_bytes())?;
                        if with_truth {
                            let stem = a.file_name.trim_end_matches(".txt");
                            write_file(
                                &gold.join(format!("{stem}.json")),
                                a.truth.to_gold_json().as_bytes(),
                            )?;
                        }
                        n += 1;
                        bytes += a.text.len() as u64;
                        i += workers;
                    }
                    Ok((n, bytes))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("generator thread"))
            .collect()
    });
    let mut stats = Stats::default();
    for r in results {
        let (n, b) = r?;
        stats.articles += n;
        stats.bytes += b;
    }
    if with_truth {
        stats.truth_files = stats.articles;
    }
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    f.write_all(bytes)?;
    f.flush()
}
