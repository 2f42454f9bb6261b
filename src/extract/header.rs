//! Facts about the page itself: headline, publication date and time, view
//! count and outlet.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::pattern::{Bounded, Pattern};

use super::doc::{Doc, clean};
use super::{Date, Found, Span};
use crate::text::BlockKind;
use crate::text::segment::{word_count, word_count_over};

/// Page facts with their spans.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub title: Option<Found<String>>,
    pub published: Option<Found<Date>>,
    pub published_time: Option<String>,
    pub views: Option<Found<u64>>,
    pub outlet: Option<Found<String>>,
}

const DATE_NUMERIC_PATTERN: &str = r"\b(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*((?:19|20)\d{2})\b";
/// A date spans five whitespace-separated pieces at most ("5 / 11 / 2020"),
/// a time one, a view count five ("Số lượt xem : 1.234"): tried from where
/// their screens match over that many, not through the backtracker over
/// the whole line (room to spare for the count).
const DATE_NUMERIC_WORDS: usize = 5;
static DATE_NUMERIC: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(DATE_NUMERIC_PATTERN, DATE_NUMERIC_WORDS));
const TIME_PATTERN: &str = r"\b([01]?\d|2[0-3])[:h]([0-5]\d)(?::[0-5]\d)?\b";
const TIME_WORDS: usize = 1;
static TIME: LazyLock<Bounded> = LazyLock::new(|| Bounded::new(TIME_PATTERN, TIME_WORDS));
/// A date with its time at the start or end of a line. Only asked
/// whether it matches: its lazy DFA answers alone (see [`Pattern::whole`]).
static DATE_TIME_AT_EDGE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::whole(
        r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{4},?\s*\|?\s*\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2},?\s*\d{1,2}[./-]\d{1,2}[./-]\d{4})\s*$|^\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{1,2}:\d{2})",
    )
});
const VIEWS_PATTERN: &str = r"(?i)(?:(\d[\d.,]*)\s*(?:lượt xem|lượt đọc|lần xem|views?)\b|(?:số lần xem|số lượt xem|lượt xem|lượt đọc|đã xem|views?)\s*:?\s*(\d[\d.,]*))";
const VIEWS_WORDS: usize = 6;
static VIEWS: LazyLock<Bounded> = LazyLock::new(|| Bounded::new(VIEWS_PATTERN, VIEWS_WORDS));
/// "(Baohatinh.vn) - …", "BDK.VN - …", "(QBĐT) - …" at the start of a
/// paragraph. Read by [`source_prefix`]: as a regex its forty copies of
/// `\w` cost more to build than all the page's other patterns.
#[cfg(test)]
const SOURCE_PREFIX_PATTERN: &str = r"^\(?([A-ZĐa-z][\w.&]{1,40}?)\)?\s*[-–—]\s";
/// A paper's tag in brackets opening the lead with no dash: "(BBNĐT) Ngày …".
static TAG_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(([A-ZĐ][A-Za-zĐ]{1,7})\)\s+\p{Lu}").unwrap());
/// A line that is only a source: "(baothaibinh.com.vn)", "Theo VnExpress",
/// "Nguồn: Báo Thái Bình".
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\(([^()]{3,60})\)|(?:Theo|Nguồn|Nguồn tin)\s*:?\s*(.{3,60}?))\s*\.?$").unwrap()
});
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:vn|com|net|org|gov|info)(?:\.vn)?$")
        .unwrap()
});

/// Reads the page facts.
pub fn extract(doc: &Doc) -> Header {
    let title = title(doc);
    let title_start = title.as_ref().map(|t| t.span.start);
    let (published, published_time) =
        published(doc, title_start).map_or((None, None), |(d, t)| (Some(d), t));
    Header {
        title,
        published,
        published_time,
        views: views(doc),
        outlet: outlet(doc),
    }
}

impl Header {
    /// The headline's span: the title's, unless the page has no headline and
    /// its lead stands in for one (see [`reads_as_lead`]).
    pub fn headline(&self, text: &str) -> Option<Span> {
        let span = self.title.as_ref()?.span;
        (!reads_as_lead(&text[span.start..span.end])).then_some(span)
    }

    /// Fills what the page itself does not show from its source's metadata.
    /// Facts so taken have an empty span: they are not in the text.
    pub fn with_meta(mut self, meta: &super::ArticleMeta) -> Header {
        let none = Span::new(0, 0);
        if self.published.is_none()
            && let Some((date, time)) = meta.published.as_deref().and_then(parse_published)
        {
            self.published = Some(Found::new(date, none));
            self.published_time = time;
        }
        if self.outlet.is_none() {
            self.outlet = meta.outlet.clone().map(|o| Found::new(o, none));
        }
        if self.title.is_none() {
            self.title = meta.title.clone().map(|t| Found::new(t, none));
        }
        self
    }
}

/// A publication time as sources write it: "2020-12-02T17:21:47+07:00",
/// "2020-12-02 17:21", "2020-12-02", "02/12/2020 17:21", "02/12/2020", or
/// a date and time inside words ("Thứ tư, 02/12/2020 - 17:21").
pub fn parse_published(s: &str) -> Option<(Date, Option<String>)> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?").unwrap()
    });
    static DMY: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b(?:[ ,T|-]+(\d{1,2})[:h](\d{2}))?")
    });
    let (c, y, m, d) = if let Some(c) = ISO.captures(s) {
        (c, 1, 2, 3)
    } else {
        let c = DMY.captures(s)?;
        (c, 3, 2, 1)
    };
    let num = |i: usize| c.get(i)?.as_str().parse::<u32>().ok();
    let date = Date::ymd(num(y)? as i32, num(m)?, num(d)?)?;
    let time = match (num(4), num(5)) {
        (Some(h), Some(mi)) if h < 24 && mi < 60 => Some(format!("{h:02}:{mi:02}")),
        // "17:21 02/12/2020": the time before the date.
        _ => TIME
            .captures(&s[..c.get(0)?.start()])
            .map(|t| format!("{:0>2}:{}", &t[1], &t[2])),
    };
    Some((date, time))
}

/// Blocks after the headline in which the article's own stamp stands.
const STAMP_AFTER_TITLE: usize = 3;

/// The first date in a page stamp (one right under the headline before
/// one above it: a site's date line above the headline is the day the page
/// was viewed), else in a "Cập nhật"/"Ngày đăng" line.
fn published(doc: &Doc, title_start: Option<usize>) -> Option<(Found<Date>, Option<String>)> {
    let blocks = &doc.page.blocks;
    let title_at = title_start.and_then(|t| blocks.iter().position(|b| b.start == t));
    let under_title = title_at.into_iter().flat_map(|i| {
        blocks[i + 1..]
            .iter()
            .take(STAMP_AFTER_TITLE)
            .filter(|b| b.kind == BlockKind::Stamp)
    });
    let stamps = under_title.chain(blocks.iter().filter(|b| b.kind == BlockKind::Stamp));
    // "Tin tức - Ngày đăng : 20:15, 26/08/2015", "Cập nhật: …".
    // Lowering keeps every word: a line is counted before it is lowered.
    let labelled = doc.page.blocks.iter().filter(|b| {
        let s = b.as_str(doc.text);
        word_count_over(s, 16) <= 16 && {
            let s = s.to_lowercase();
            ["cập nhật", "ngày đăng", "đăng lúc", "đăng ngày", "xuất bản"]
                .iter()
                .any(|l| s.contains(l))
        }
    });
    // A stamp glued to the headline: "… của Gia Lai 02/10/2025 17:46".
    let glued = doc.page.blocks.iter().take(6).filter(|b| {
        let s = b.as_str(doc.text);
        DATE_NUMERIC.captures(s).is_some()
            && TIME.captures(s).is_some()
            && DATE_TIME_AT_EDGE.is_match(s)
    });
    for b in stamps.chain(labelled).chain(glued) {
        let s = b.as_str(doc.text);
        if let Some(c) = DATE_NUMERIC.captures(s) {
            let n = |i: usize| c[i].parse::<u32>().ok();
            let Some(date) = Date::ymd(n(3)? as i32, n(2)?, n(1)?) else {
                continue;
            };
            let m = c.get(0)?;
            let time = TIME.captures(s).map(|t| format!("{:0>2}:{}", &t[1], &t[2]));
            return Some((
                Found::new(date, b.start + m.start()..b.start + m.end()),
                time,
            ));
        }
    }
    metadata_published(doc)
}

/// The full date of a saver's metadata line ("date 2025-08-25"), which may
/// share the headline's line: the page's own date when it shows no stamp.
fn metadata_published(doc: &Doc) -> Option<(Found<Date>, Option<String>)> {
    doc.page.blocks.iter().take(6).find_map(|b| {
        let s = b.as_str(doc.text);
        let n = crate::text::boilerplate::meta_date_prefix(s)?;
        let date = s[..n]
            .trim_start_matches("date")
            .trim()
            .parse::<Date>()
            .ok()?;
        date.is_full()
            .then(|| (Found::new(date, Span::new(b.start, b.start + n)), None))
    })
}

fn views(doc: &Doc) -> Option<Found<u64>> {
    doc.page
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Counter | BlockKind::Stamp))
        .find_map(|b| {
            let s = b.as_str(doc.text);
            let c = VIEWS.captures(s)?;
            let m = c.get(1).or_else(|| c.get(2))?;
            let n: u64 = m
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()?;
            Some(Found::new(n, b.start + m.start()..b.start + m.end()))
        })
}

/// Whether a line reads as a lead, not a headline: a sentence ending in a
/// period, as headlines are not written.
fn reads_as_lead(line: &str) -> bool {
    line.trim_end().ends_with('.')
}

/// The headline: among the first article lines, a line of headline length
/// that does not read as a lead ("(Source) - …", a long sentence ending in a
/// period). A line the page repeats (as photo captions) is preferred.
fn title(doc: &Doc) -> Option<Found<String>> {
    let blocks = &doc.page.blocks;
    let candidates: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Content)
        .take(6)
        .map(|(i, _)| i)
        .filter(|&i| {
            let s = blocks[i].as_str(doc.text);
            let w = word_count_over(s, 40);
            (4..=40).contains(&w) && !source_prefix_match(s) && !s.ends_with(':')
        })
        .collect();
    // The repeated lines' keys, folded once for all candidates.
    let mut repeats: Option<Vec<String>> = None;
    let mut repeated = |i: usize| {
        let key = crate::text::fold(blocks[i].as_str(doc.text));
        repeats
            .get_or_insert_with(|| {
                blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Repeat)
                    .map(|b| crate::text::fold(b.as_str(doc.text)))
                    .collect()
            })
            .contains(&key)
    };
    let no_period = |i: &usize| !reads_as_lead(blocks[*i].as_str(doc.text));
    let pick = candidates
        .iter()
        .copied()
        .filter(no_period)
        .find(|&i| repeated(i))
        .or_else(|| candidates.iter().copied().find(no_period))
        .or_else(|| candidates.first().copied())?;
    let b = blocks[pick];
    Some(Found::new(
        clean(b.as_str(doc.text)),
        Span::new(b.start, b.end),
    ))
}

/// The outlet named in a lead prefix or a source line.
fn outlet(doc: &Doc) -> Option<Found<String>> {
    for b in doc
        .page
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Content)
    {
        let s = b.as_str(doc.text);
        // Both prefixes' first characters, tested before their regexes.
        let tagged = s.starts_with('(');
        if let Some(m) = tagged
            .then(|| TAG_PREFIX.captures(s))
            .flatten()
            .and_then(|c| c.get(1))
        {
            let span = b.start + m.start()..b.start + m.end();
            return Some(Found::new(m.as_str().to_string(), span));
        }
        if let Some(m) = may_have_source_prefix(s)
            .then(|| source_prefix(s))
            .flatten()
        {
            let v = s[m.clone()].trim_end_matches('.');
            let looks_like_source = DOMAIN.is_match(v)
                || (v.chars().filter(|c| c.is_uppercase()).count() >= 2
                    && !v.contains(' ')
                    && word_count(s) > 8);
            if looks_like_source {
                return Some(Found::new(
                    v.to_string(),
                    b.start + m.start..b.start + m.start + v.len(),
                ));
            }
        }
    }
    for b in doc
        .page
        .blocks
        .iter()
        .rev()
        .filter(|b| b.kind == BlockKind::Content)
        .take(4)
    {
        let s = b.as_str(doc.text);
        if let Some(c) = may_be_source_line(s)
            .then(|| SOURCE_LINE.captures(s))
            .flatten()
        {
            let m = c.get(1).or_else(|| c.get(2))?;
            let v = m.as_str().trim();
            if DOMAIN.is_match(v)
                || v.starts_with("Báo ")
                || v.starts_with("Đài ")
                || c.get(2).is_some()
            {
                return Some(Found::new(
                    v.to_string(),
                    b.start + m.start()..b.start + m.start() + v.len(),
                ));
            }
        }
    }
    None
}

/// Whether a line opens with a source prefix (see [`source_prefix`]).
fn source_prefix_match(s: &str) -> bool {
    may_have_source_prefix(s) && source_prefix(s).is_some()
}

/// The source's name in a source prefix opening `s`, as the pattern
/// `^\(?([A-ZĐa-z][\w.&]{1,40}?)\)?\s*[-–—]\s` finds it (its group 1).
/// The name is a run of name characters ([`is_source_char`]) opening on
/// a Latin letter: the pattern's lazy repetition can only stop where the
/// run ends, as what must follow (a parenthesis, a space or a dash) is
/// no name character; and its optional parenthesis and spaces are taken
/// whenever they are there, as leaving them leaves no dash next.
pub(super) fn source_prefix(s: &str) -> Option<std::ops::Range<usize>> {
    let start = usize::from(s.starts_with('('));
    let first = s[start..].chars().next()?;
    if !(first.is_ascii_alphabetic() || first == 'Đ') {
        return None;
    }
    let (end, count) = source_run(s, start);
    if !(2..=41).contains(&count) {
        return None;
    }
    let rest = &s[end..];
    let rest = rest.strip_prefix(')').unwrap_or(rest).trim_start();
    let after_dash = rest.strip_prefix(['-', '–', '—'])?;
    after_dash
        .starts_with(char::is_whitespace)
        .then_some(start..end)
}

/// Where the run of name characters ([`is_source_char`]) from `at` ends,
/// and how many characters it holds.
pub(super) fn source_run(s: &str, at: usize) -> (usize, usize) {
    let mut count = 0;
    for (i, c) in s[at..].char_indices() {
        if !is_source_char(c) {
            return (at + i, count);
        }
        count += 1;
    }
    (s.len(), count)
}

/// Whether a character is one of the regex class `[\w.&]`: answered
/// without the class for ASCII and the Latin letters and marks Vietnamese
/// is written in, and by the class itself for the rest.
pub(super) fn is_source_char(c: char) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A[\w.&]\z").unwrap());
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '&'),
        0xC0..=0x24F | 0x1E00..=0x1EFF => c != '×' && c != '÷',
        0x300..=0x36F => true,
        _ => WORD.is_match(c.encode_utf8(&mut [0; 4])),
    }
}

/// Whether a line may open with a source prefix, read without the regex:
/// the source's one word holds no space, parenthesis or dash, so the first
/// of those after an opening parenthesis ends it, and a dash must follow
/// it past a closing parenthesis and spaces. Most lines go on with a
/// second word there.
fn may_have_source_prefix(s: &str) -> bool {
    let body = s.strip_prefix('(').unwrap_or(s);
    let is_dash = |c: char| matches!(c, '-' | '–' | '—');
    let Some(end) = body.find(|c: char| c.is_whitespace() || c == ')' || is_dash(c)) else {
        return false;
    };
    let rest = &body[end..];
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    rest.trim_start().starts_with(is_dash)
}

/// Whether a content line is a source line rather than article text.
pub fn is_source_line(s: &str) -> bool {
    let s = s.trim();
    may_be_source_line(s) && SOURCE_LINE.is_match(s)
}

/// Whether a line opens as [`SOURCE_LINE`] requires, tested before it.
fn may_be_source_line(s: &str) -> bool {
    s.starts_with('(') || s.starts_with("Theo") || s.starts_with("Nguồn")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::pattern::regex_ranges;

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The date-and-time edge pattern, answered by its lazy DFA
        /// alone, answers as its regex does.
        #[test]
        fn date_time_edges_answer_as_the_regex(
            parts in crate::testing::pieces_joined(&[
                    "02", "9", "2023", "/", ".", "-", ":", "17", "50", "|", ",", " ", "\u{a0}",
                    "Thứ 7", "Gia Lai", "٣", "\n",
                ], 14)
        ) {
            let text = parts;
            crate::text::pattern::answers_as_regexes(&[&*DATE_TIME_AT_EDGE], [text.as_str()]);
        }
    }

    /// The first match of each pattern tried from where its screen
    /// matches, with its groups, as a plain regex of it finds it.
    fn first_is_the_regex_one(text: &str) -> usize {
        thread_local! {
            static PLAIN: Vec<Regex> = [DATE_NUMERIC_PATTERN, TIME_PATTERN, VIEWS_PATTERN]
                .iter()
                .map(|p| Regex::new(p).unwrap())
                .collect();
        }
        PLAIN.with(|plain| {
            let mut matched = 0;
            for (bounded, plain) in [&*DATE_NUMERIC, &*TIME, &*VIEWS].into_iter().zip(plain) {
                let want = plain.captures(text).map(|c| regex_ranges(&c, 3));
                let got = bounded.captures(text).map(|c| c.ranges(3));
                assert_eq!(got, want, "{} on {text:?}", plain.as_str());
                matched += usize::from(want.is_some());
            }
            matched
        })
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        #[test]
        fn stamp_patterns_find_what_their_regexes_find(
            parts in crate::testing::pieces_joined(&[
                    "02", "9", "2023", "1999", "23", "17h", "/", ".", "-", ":", "h", "50", "1,234",
                    " ", "\u{a0}", "\n", "Thứ 7", "Lượt XEM", "lượt đọc", "Số lần xem", "views",
                    "View", "đã xem", "٣", "x", "é", "_",
                ], 14)
        ) {
            first_is_the_regex_one(&parts);
        }
    }

    #[test]
    fn stamp_patterns_find_what_their_regexes_find_on_articles() {
        let pages = crate::testing::bundled_pages();
        let matched: usize = pages
            .iter()
            .flat_map(|page| page.text.lines())
            .map(first_is_the_regex_one)
            .sum();
        assert!(matched > 5, "{matched}");
    }

    #[test]
    fn date_time_edges_answer_as_the_regex_on_articles() {
        let pages = crate::testing::bundled_pages();
        let lines = pages.iter().flat_map(|page| page.text.lines());
        let matched = crate::text::pattern::answers_as_regexes(&[&*DATE_TIME_AT_EDGE], lines);
        assert!(matched[0] > 0);
    }

    #[test]
    fn source_prefix_screen_keeps_every_match() {
        let pattern = Regex::new(SOURCE_PREFIX_PATTERN).unwrap();
        for line in [
            "(Baohatinh.vn) - Chiều 5/11, Ban Thường vụ Tỉnh ủy họp.",
            "BDK.VN - Sáng nay, Tỉnh ủy tổ chức hội nghị.",
            "(QBĐT)– Ngày 3/4, …",
            "CTTĐT -Ngày 3/4",
            "Chiều 5/11, Ban Thường vụ Tỉnh ủy họp - phiên thứ hai.",
            "Tỉnh ủy - UBND tỉnh",
            "Một dòng không có gạch nối",
            "",
        ] {
            assert_eq!(source_prefix_match(line), pattern.is_match(line), "{line}");
        }
        assert!(!may_have_source_prefix(
            "Chiều 5/11, Ban Thường vụ họp - rồi"
        ));
        assert!(may_have_source_prefix("(Baohatinh.vn) - Chiều"));
    }

    /// The source prefix read by hand is the one the pattern finds.
    #[test]
    fn source_prefix_is_the_pattern_one() {
        let pattern = Regex::new(SOURCE_PREFIX_PATTERN).unwrap();
        let long = "A".repeat(41);
        let longer = "A".repeat(42);
        let lines = [
            "(Baohatinh.vn) - Chiều 5/11".to_string(),
            "BDK.VN - Sáng nay".to_string(),
            "(QBĐT)– Ngày 3/4".to_string(),
            "(QBĐT)–Ngày".to_string(),
            "CTTĐT -Ngày 3/4".to_string(),
            "CTTĐT  \t — \u{a0}x".to_string(),
            "Đài_PT&TH.vn - x".to_string(),
            "ĐBP - x".to_string(),
            "ÁBC - x".to_string(),
            "(A) - x".to_string(),
            "A - x".to_string(),
            "(Ab - x".to_string(),
            "Ab) - x".to_string(),
            "Ab)) - x".to_string(),
            "Ab٣ễ\u{301} - x".to_string(),
            "Ab١- x".to_string(),
            "Ab‿c - x".to_string(),
            "Ab × c - x".to_string(),
            "((Ab) - x".to_string(),
            format!("{long} - x"),
            format!("{longer} - x"),
            format!("({long}) - x"),
            "Tỉnh ủy - UBND tỉnh".to_string(),
            String::new(),
        ];
        for line in &lines {
            let want = pattern.captures(line).map(|c| c.get(1).unwrap().range());
            assert_eq!(source_prefix(line), want, "{line}");
        }
    }

    /// The name characters answered without the class are the class's.
    #[test]
    fn source_chars_are_the_class() {
        let class = Regex::new(r"\A[\w.&]\z").unwrap();
        let chars = (0..0x3000u32)
            .chain(0xFF00..0xFFFF)
            .chain(0x1F300..0x1F400)
            .filter_map(char::from_u32);
        for c in chars {
            let mut buf = [0; 4];
            assert_eq!(
                is_source_char(c),
                class.is_match(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn source_lines_need_their_opening() {
        assert!(is_source_line(" (baothaibinh.com.vn) "));
        assert!(is_source_line("Theo VnExpress"));
        assert!(is_source_line("Nguồn: Báo Thái Bình"));
        assert!(!is_source_line("Ban Thường vụ Tỉnh ủy họp."));
    }
}
