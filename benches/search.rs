//! Search latency per keystroke on a synthetic corpus, typing realistic
//! queries letter by letter as the search worker sees them, and the whole
//! query at once. `cargo xtask bench` reports the same at 1k–100k articles.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tinhuy::corpus::ingest::from_texts;
use tinhuy::search::{Index, Searcher};
use xtask::bench::QUERIES;
use xtask::synth::{SynthConfig, generate};

const ARTICLES: usize = 2000;
const LIMIT: usize = 200;

fn index() -> Index {
    let texts = generate(&SynthConfig {
        articles: ARTICLES,
        seed: 7,
    })
    .map(|a| (a.file_name, a.text))
    .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    Index::build(&from_texts(texts, threads))
}

fn search(c: &mut Criterion) {
    let index = index();
    let mut g = c.benchmark_group(format!("search {ARTICLES} articles"));
    for q in QUERIES {
        g.bench_with_input(BenchmarkId::new("typed letter by letter", q), q, |b, q| {
            b.iter(|| {
                let mut s = Searcher::default();
                for (i, ch) in q.char_indices() {
                    std::hint::black_box(s.search(&index, &q[..i + ch.len_utf8()], LIMIT));
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("whole query", q), q, |b, q| {
            b.iter(|| std::hint::black_box(Searcher::default().search(&index, q, LIMIT)))
        });
    }
    g.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
