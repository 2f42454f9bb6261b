//! Article sources: saved HTML pages and scraper records give the same facts
//! as the article's plain text, plus the address, publication time and
//! outlet; bad pages and records are reported by file and line.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tinhuy::source::{self, Kind};

const HEADLINE: &str = "Ban Thường vụ Tỉnh ủy Hà Tĩnh cho ý kiến đề án phát triển du lịch";
const BODY: &[&str] = &[
    "Sáng 12/3/2024, Ban Thường vụ Tỉnh ủy Hà Tĩnh họp cho ý kiến về đề án phát triển du lịch giai đoạn 2024 - 2030.",
    "Đồng chí Nguyễn Văn Khoa, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy chủ trì hội nghị.",
    "Dự hội nghị có đồng chí Trần Thị Mai, Phó Bí thư Thường trực Tỉnh ủy.",
    "Kết luận hội nghị, đồng chí Nguyễn Văn Khoa yêu cầu các sở, ngành hoàn thiện đề án, trình Tỉnh ủy trước ngày 30/4/2024.",
];
const URL: &str = "https://baohatinh.vn/thoi-su/ban-thuong-vu-cho-y-kien-de-an-du-lich-123.html";

/// The article as plain text: headline, then one paragraph a line.
fn plain() -> String {
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    lines.join("\n")
}

/// The article as a saved page, with the furniture a real page has around
/// it: menus, a related-news box, comments, scripts, a footer.
fn page() -> String {
    let paras: String = BODY.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html><head>
<title>{HEADLINE} | Báo Hà Tĩnh</title>
<link rel="canonical" href="{URL}">
<meta property="og:site_name" content="Báo Hà Tĩnh">
<meta property="og:title" content="{HEADLINE}">
<meta property="article:published_time" content="2024-03-12T17:21:00+07:00">
<script>var menu = "Trang chủ";</script>
</head><body>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li></ul></nav>
<div class="main"><div class="col-8">
<h1 class="title">{HEADLINE}</h1>
<div class="detail-content">
{paras}<!-- quảng cáo giữa bài -->
<script>window.ads = "Quảng cáo";</script>
</div>
<div class="related-news"><h3>Tin liên quan</h3><ul>
<li><a href="/a">Tỉnh ủy Nghệ An họp bàn kế hoạch năm 2024, nhiều nội dung quan trọng</a></li>
<li><a href="/b">Ban Thường vụ Tỉnh ủy Quảng Bình làm việc với huyện Lệ Thủy về xây dựng nông thôn mới</a></li>
</ul></div>
<div id="comments"><p>Bạn đọc Nguyễn An: bài viết rất hay, cảm ơn tòa soạn đã đưa tin kịp thời.</p></div>
</div></div>
<footer><p>Báo Hà Tĩnh - Cơ quan của Đảng bộ tỉnh Hà Tĩnh, số 1 đường Phan Đình Phùng.</p></footer>
</body></html>"#
    )
}

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }
    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

/// The built `tinhuy` binary.
fn tinhuy_cmd() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_tinhuy"))
}

/// `tinhuy ingest FILES -o OUT` on one thread: its exit code and stderr.
fn ingest(files: &[PathBuf], out: &std::path::Path) -> (i32, String) {
    let o = tinhuy_cmd()
        .arg("ingest")
        .args(files)
        .arg("-o")
        .arg(out)
        .args(["--threads", "1"])
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// `tinhuy extract --json` on the files: the report and stderr.
fn extract(files: &[PathBuf]) -> (Vec<Value>, String) {
    let o = tinhuy_cmd()
        .arg("extract")
        .arg("--json")
        .args(files)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    (
        v.as_array().unwrap().clone(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// An object without what only the source adds: its name, the address,
/// the publication time and the outlet with their (empty) spans.
fn facts_only(v: &Value) -> Value {
    let mut v = v.clone();
    let o = v.as_object_mut().unwrap();
    for k in ["file", "url", "published", "published_time", "outlet"] {
        o.remove(k);
    }
    let spans = o.get_mut("spans").unwrap().as_object_mut().unwrap();
    spans.remove("published");
    spans.remove("outlet");
    v
}

#[test]
fn html_page_and_three_records_give_the_facts_of_the_text_plus_their_metadata() {
    let d = Dir::new();
    let txt = d.write("a.txt", plain());
    let html = d.write("a.html", page());
    let records = [
        json!({"id": "r1", "url": URL, "text": plain(), "date": "2024-03-12T17:21:00+07:00", "sitename": "Báo Hà Tĩnh"}),
        json!({"link": URL, "maintext": plain(), "date_publish": "12/03/2024 17:21"}),
        json!({"source": URL, "html": page(), "published_at": "2024-03-12"}),
    ];
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    let jsonl = d.write("a.jsonl", lines.join("\n") + "\n");
    let (v, err) = extract(&[txt, html.clone(), jsonl.clone()]);
    assert_eq!(err, "");
    assert_eq!(v.len(), 5);
    let text = &v[0];
    assert_eq!(text["province"], "Hà Tĩnh");
    assert_eq!(text["province_from"], "text");
    assert_eq!(text["chairs"], json!(["Nguyễn Văn Khoa"]));
    assert!(text.get("url").is_none());
    assert_eq!(text["published"], Value::Null);
    for other in &v[1..] {
        assert_eq!(facts_only(other), facts_only(text), "{other}");
        assert_eq!(other["url"], URL);
        assert_eq!(other["published"], "2024-03-12");
    }
    assert_eq!(v[1]["file"], html.display().to_string());
    assert_eq!(v[1]["outlet"], "Báo Hà Tĩnh");
    assert_eq!(v[1]["published_time"], "17:21");
    // A record is named by its id, else by its file and line.
    assert_eq!(v[2]["file"], "r1");
    assert_eq!(v[2]["outlet"], "Báo Hà Tĩnh");
    assert_eq!(v[3]["file"], format!("{}:2", jsonl.display()));
    assert_eq!(v[3]["published_time"], "17:21");
    // No outlet field: the host of the address.
    assert_eq!(v[3]["outlet"], "baohatinh.vn");
    // The record's date wins over the page's.
    assert_eq!(v[4]["published_time"], Value::Null);
    assert_eq!(v[4]["outlet"], "Báo Hà Tĩnh");
}

fn page_text(html: &str) -> String {
    let read = source::read_bytes(Path::new("p.html"), html.as_bytes());
    let a = read.into_iter().next().unwrap().unwrap();
    String::from_utf8(a.text).unwrap()
}

#[test]
fn page_text_is_the_main_content_without_furniture() {
    let text = page_text(&page());
    assert_eq!(text, plain());
    for junk in [
        "Trang chủ",
        "Tin liên quan",
        "Nghệ An",
        "Bạn đọc",
        "Quảng cáo",
        "quảng cáo",
        "Phan Đình Phùng",
    ] {
        assert!(!text.contains(junk), "{junk} in {text}");
    }
}

#[test]
fn line_breaks_and_blocks_become_lines() {
    let html = "<html><body><article><h1>Tiêu đề bài viết về hội nghị</h1><div>Dòng thứ nhất của bài viết khá dài, có dấu phẩy.<br>Dòng thứ hai   của bài viết,\n cũng khá dài.</div><p>Đoạn <b>in đậm</b> và <a href='/x'>liên kết</a> trong câu văn dài.</p></article></body></html>";
    assert_eq!(
        page_text(html),
        "Tiêu đề bài viết về hội nghị\nDòng thứ nhất của bài viết khá dài, có dấu phẩy.\nDòng thứ hai của bài viết, cũng khá dài.\nĐoạn in đậm và liên kết trong câu văn dài."
    );
}

fn page_meta(html: &str) -> tinhuy::extract::ArticleMeta {
    let read = source::read_bytes(Path::new("p.html"), html.as_bytes());
    read.into_iter().next().unwrap().unwrap().meta
}

#[test]
fn page_metadata_from_each_kind_of_markup() {
    let body = "<body><p>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười, nhiều nội dung quan trọng.</p></body>";
    let og = page_meta(&format!(
        r#"<head><meta property="og:url" content="https://baolongan.vn/a-1.html"><meta property="og:title" content="Tiêu đề OG"></head>{body}"#
    ));
    assert_eq!(og.url.as_deref(), Some("https://baolongan.vn/a-1.html"));
    assert_eq!(og.outlet.as_deref(), Some("baolongan.vn"));
    assert_eq!(og.title.as_deref(), Some("Tiêu đề OG"));
    let time = page_meta(&format!(
        r#"<body><time datetime="2023-05-06T08:00">06/05</time>{body}</body>"#
    ));
    assert_eq!(time.published.as_deref(), Some("2023-05-06T08:00"));
    let ld = page_meta(&format!(
        r#"<head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"X","datePublished":"2022-01-02T10:00:00+07:00","publisher":{{"@type":"Organization","name":"Báo Sơn La"}}}}</script></head>{body}"#
    ));
    assert_eq!(ld.published.as_deref(), Some("2022-01-02T10:00:00+07:00"));
    assert_eq!(ld.outlet.as_deref(), Some("Báo Sơn La"));
    let h1 = page_meta(&format!("<body><h1>Tiêu đề trang</h1>{body}"));
    assert_eq!(h1.title.as_deref(), Some("Tiêu đề trang"));
    assert_eq!(h1.url, None);
}

fn errors(name: &str, bytes: &[u8]) -> Vec<String> {
    source::read_bytes(Path::new(name), bytes)
        .into_iter()
        .filter_map(|r| r.err().map(|e| e.to_string()))
        .collect()
}

#[test]
fn bad_pages_are_refused_with_the_reason() {
    let binary = errors("x.html", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0]);
    assert!(
        binary[0].starts_with("x.html: looks like a binary file"),
        "{binary:?}"
    );
    let empty = errors(
        "x.html",
        b"<html><head><title>T</title></head><body>  </body></html>",
    );
    assert_eq!(
        empty,
        ["x.html: no article text in the page (empty or truncated <body>)"]
    );
    let only_menu = errors(
        "x.html",
        "<html><body><nav>Trang chủ</nav><script>x()</script>".as_bytes(),
    );
    assert_eq!(only_menu.len(), 1, "{only_menu:?}");
    // Truncated in the middle of the article: what arrived is read.
    let cut = "<html><body><div class=content><p>Sáng 5/6, Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết công tác quý II.</p><p>Đồng chí";
    assert_eq!(
        page_text(cut),
        "Sáng 5/6, Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết công tác quý II.\nĐồng chí"
    );
}

#[test]
fn bad_records_name_their_line_and_the_others_still_come_out() {
    let d = Dir::new();
    let good = json!({"text": plain()}).to_string();
    let long = format!("{{\"text\": \"{}\"}}", "a".repeat(50 * 1024 * 1024));
    let lines = [
        good.as_str(),
        "{not json",
        r#"{"title": "Không có nội dung"}"#,
        "",
        long.as_str(),
        r#"[1, 2]"#,
        good.as_str(),
    ];
    let f = d.write("b.jsonl", lines.join("\n"));
    let (v, err) = extract(std::slice::from_ref(&f));
    let file = f.display().to_string();
    assert_eq!(v.len(), 6);
    assert_eq!(v[0]["province"], "Hà Tĩnh");
    assert_eq!(v[5]["file"], format!("{file}:7"));
    assert_eq!(v[1]["file"], format!("{file}: line 2"));
    assert!(v[1]["error"].as_str().unwrap().starts_with("invalid JSON"));
    assert!(
        v[2]["error"].as_str().unwrap().starts_with(
            "no article text (none of the fields text, maintext, raw_text, content, body or html)"
        ),
        "{}",
        v[2]
    );
    assert_eq!(v[3]["file"], format!("{file}: line 5"));
    assert!(
        v[3]["error"]
            .as_str()
            .unwrap()
            .contains("longer than the 8 MB")
    );
    assert_eq!(v[4]["error"], "not a JSON object");
    assert!(
        err.contains(&format!("tinhuy: {file}: line 2: invalid JSON")),
        "{err}"
    );
}

#[test]
fn json_arrays_single_records_and_corpora() {
    let d = Dir::new();
    let arr = d.write(
        "c.json",
        json!([{"text": plain(), "url": URL}, {"content": 3}]).to_string(),
    );
    let (v, _) = extract(std::slice::from_ref(&arr));
    let file = arr.display().to_string();
    assert_eq!(v[0]["file"], format!("{file}#1"));
    assert_eq!(v[0]["outlet"], "baohatinh.vn");
    assert_eq!(v[1]["file"], format!("{file}: record 2"));
    let one = d.write("one.json", json!({"body": plain(), "id": 7}).to_string());
    let (v, _) = extract(&[one]);
    assert_eq!(v[0]["file"], "7");
    assert_eq!(v[0]["province"], "Hà Tĩnh");
    let corpus = d.write(
        "corpus.json",
        serde_json::to_string(&tinhuy::corpus::Corpus::default()).unwrap(),
    );
    let (v, _) = extract(&[corpus]);
    assert!(
        v[0]["error"]
            .as_str()
            .unwrap()
            .contains("is a tinhuy corpus"),
        "{}",
        v[0]
    );
    let broken = d.write("d.json", "[{\"text\": \"a\"},\n{");
    let (v, _) = extract(&[broken]);
    assert_eq!(v.len(), 1);
    assert!(
        v[0]["file"].as_str().unwrap().ends_with("d.json: line 2"),
        "{}",
        v[0]
    );
}

#[test]
fn kinds_by_extension() {
    assert_eq!(Kind::of(Path::new("a.HTM")), Kind::Html);
    assert_eq!(Kind::of(Path::new("a.jsonl")), Kind::JsonLines);
    assert_eq!(Kind::of(Path::new("a.json")), Kind::Json);
    assert_eq!(Kind::of(Path::new("a.txt")), Kind::Text);
    assert_eq!(Kind::of(Path::new("README")), Kind::Text);
    // A directory walk does not take .json files: corpora are .json too.
    assert!(!Kind::is_article_file(Path::new("corpus.json")));
    assert!(Kind::is_article_file(Path::new("a.jsonl")));
}

#[test]
fn ingest_drops_the_same_article_given_twice() {
    let d = Dir::new();
    let txt = d.write("a.txt", plain());
    let html = d.write("a.html", page());
    let records = [
        json!({"url": URL, "text": "Bài khác hẳn: Tỉnh ủy Nghệ An họp."}),
        json!({"url": URL.replace("https://", "http://www."), "text": "Cùng địa chỉ, chữ khác."}),
    ];
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    let jsonl = d.write("a.jsonl", lines.join("\n"));
    let out = d.0.path().join("corpus.json");
    let files = [txt.clone(), html, jsonl, txt];
    let (code, err) = ingest(&files, &out);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 5 article(s)"), "{err}");
    assert!(err.contains("dropped 3 duplicate article(s)"), "{err}");
    let c = tinhuy::corpus::load(&out).unwrap();
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.meetings.len(), 2);
    let with_url = c.articles.iter().find(|a| a.facts.url.is_some()).unwrap();
    assert_eq!(with_url.facts.outlet.as_deref(), Some("baohatinh.vn"));
}

#[test]
fn hostile_pages_are_read_quickly_without_panic() {
    let deep = format!("<body>{}x", "<div>".repeat(100_000));
    assert_eq!(
        errors("deep.html", deep.as_bytes()),
        ["deep.html: markup nested 100001 elements deep, more than the 5000 a page is read with"]
    );
    let para =
        "<p>Sáng 5/6, Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết, đánh giá công tác quý II.</p>";
    let shapes = [
        format!(
            "<body>{}x{}</body>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
        format!(
            "<body><p>{}Đảng bộ tỉnh họp, bàn nhiều việc.</p></body>",
            "<b>".repeat(100_000)
        ),
        format!(
            "<body>{}</body>",
            format!("<div>{para}</div>").repeat(30_000)
        ),
        format!("<body><div>{}</div></body>", para.repeat(30_000)),
        format!("<body>{}", "<a href=x>liên kết</a>".repeat(50_000)),
    ];
    for html in &shapes {
        let started = std::time::Instant::now();
        let read = source::read_bytes(Path::new("h.html"), html.as_bytes());
        assert_eq!(read.len(), 1);
        assert!(
            started.elapsed().as_secs() < 10,
            "{} bytes took {:?}",
            html.len(),
            started.elapsed()
        );
    }
}

#[test]
fn publication_times_as_sources_write_them() {
    use tinhuy::extract::header::parse_published;
    let p = |s: &str| parse_published(s).map(|(d, t)| (d.to_string(), t));
    let at = |d: &str, t: Option<&str>| Some((d.to_string(), t.map(str::to_string)));
    assert_eq!(
        p("2020-12-02T17:21:47+07:00"),
        at("2020-12-02", Some("17:21"))
    );
    assert_eq!(p("2020-12-02"), at("2020-12-02", None));
    assert_eq!(p("02/12/2020 17:21"), at("2020-12-02", Some("17:21")));
    assert_eq!(
        p("Thứ tư, 02/12/2020 - 17:21"),
        at("2020-12-02", Some("17:21"))
    );
    assert_eq!(p("17:21 02/12/2020"), at("2020-12-02", Some("17:21")));
    assert_eq!(p("31/02/2020"), None);
    assert_eq!(p("hôm qua"), None);
}

#[test]
fn a_corpus_written_before_source_fields_still_loads() {
    let d = Dir::new();
    let txt = d.write("a.txt", plain());
    let out = d.0.path().join("corpus.json");
    let (code, err) = ingest(&[txt], &out);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&out).unwrap();
    let v: Value = serde_json::from_str(&written).unwrap();
    let facts = &v["articles"][0]["facts"];
    assert_eq!(facts["province_from"], "text");
    assert!(facts.get("url").is_none());
    // As an older build wrote it: no province_from.
    let before = written.replace("\"province_from\":\"text\",", "");
    assert_ne!(before, written);
    let old = d.write("old.json", before);
    let c = tinhuy::corpus::load(&old).unwrap();
    assert_eq!(c.articles[0].facts.province.as_deref(), Some("Hà Tĩnh"));
    assert_eq!(c.articles[0].facts.province_from, None);
}

#[test]
fn a_lead_beside_the_content_block_is_part_of_the_article() {
    // The stamp stays too, as a plain-text copy of the page has it.
    let html = r#"<body><div class="menu-top"><a href="/">Trang chủ</a></div>
<div class="article">
<h1>Tỉnh ủy Bắc Ninh sơ kết công tác quý II</h1>
<div class="date">Thứ năm, 06/06/2024 - 09:00</div>
<h2 class="sapo">Sáng 5/6, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết công tác quý II, triển khai nhiệm vụ quý III năm 2024.</h2>
<div class="content"><p>Đồng chí Lê Văn An, Bí thư Tỉnh ủy chủ trì hội nghị, cùng dự có các đồng chí lãnh đạo tỉnh.</p><p>Hội nghị đã nghe báo cáo, thảo luận và thống nhất các nội dung.</p></div>
<div class="box-tinlienquan"><p>Tin liên quan: Tỉnh ủy Bắc Giang họp phiên thường kỳ, bàn nhiều nội dung quan trọng của tỉnh.</p></div>
</div></body>"#;
    assert_eq!(
        page_text(html),
        "Tỉnh ủy Bắc Ninh sơ kết công tác quý II\nThứ năm, 06/06/2024 - 09:00\nSáng 5/6, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết công tác quý II, triển khai nhiệm vụ quý III năm 2024.\nĐồng chí Lê Văn An, Bí thư Tỉnh ủy chủ trì hội nghị, cùng dự có các đồng chí lãnh đạo tỉnh.\nHội nghị đã nghe báo cáo, thảo luận và thống nhất các nội dung."
    );
}

#[test]
fn a_long_lead_beside_the_text_block_joins_it() {
    let p = "<p>Hội nghị đã nghe báo cáo, thảo luận, thống nhất các nội dung, giao các cơ quan hoàn thiện.</p>";
    let html = format!(
        r#"<body><div class="wrap"><div class="lead">Chiều 2/7, Thành ủy Cần Thơ tổ chức hội nghị lần thứ năm, cho ý kiến nhiều nội dung quan trọng của thành phố.</div>
<div class="photo-caption">Quang cảnh hội nghị.</div>
<div class="body">{}</div></div>
<div class="footer-links"><p>Liên hệ quảng cáo, đường dây nóng, bản quyền thuộc về tòa soạn báo điện tử.</p></div></body>"#,
        p.repeat(6)
    );
    let text = page_text(&html);
    assert!(text.starts_with("Chiều 2/7, Thành ủy Cần Thơ"), "{text}");
    assert!(!text.contains("Quang cảnh"), "{text}");
    assert!(!text.contains("Liên hệ"), "{text}");
    assert_eq!(text.lines().count(), 7);
}
