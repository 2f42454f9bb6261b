//! Extraction speed on the bundled articles, in bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn extraction(c: &mut Criterion) {
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bundled articles", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(tinhuy::extract::extract_article(t));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
