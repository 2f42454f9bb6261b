//! Recognizing the parts of a scraped page that are not the article: page
//! stamps, counters, media file names, comment-form templates, share and
//! comment widgets, ads, repeated captions and the related-news teasers that
//! follow a "Tin liên quan" / "Từ khóa" marker.
//!
//! Nothing is deleted: every line keeps its place and range in the text, with
//! a [`BlockKind`] saying what it is, so facts come only from the article
//! while the reader can still see the whole page.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::pattern::Pattern;
use serde::{Deserialize, Serialize};

use super::fold::{fold, fold_char_into, fold_into, is_alphanumeric, is_upper};
use super::segment::{Line, char_at, lines, word_count, word_count_over};
use super::sixteen::Sixteen;

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Article text: headline, lead, paragraphs, captions, byline.
    Content,
    /// A date/time stamp of the page ("Thứ 4, 02.12.2020 | 17:21:47").
    Stamp,
    /// View, like or comment counters ("219 lượt xem").
    Counter,
    /// A media file name ("Video: 120220_OHAI11.mp4", "2.11.20.png").
    Media,
    /// Unfilled page-template text ("{name} - {time}").
    Template,
    /// The start of related news, keywords, comments or sharing widgets.
    Marker,
    /// Teasers, comments and widgets after a marker.
    Teaser,
    /// Advertising slots.
    Ad,
    /// A line repeated from earlier in the page (headline reused as caption).
    Repeat,
    /// A short section label above the headline ("Tin kinh tế").
    Label,
}

impl BlockKind {
    pub fn is_content(self) -> bool {
        self == BlockKind::Content
    }
}

/// A classified piece of the text: usually a whole line, sometimes part of a
/// line where boilerplate was glued onto article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

impl Block {
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// How a line inviting the reader to related stories opens, folded (see
/// [`is_related_news_invitation`]).
const INVITATIONS: &[&str] = &[
    "moi ban doc ",
    "moi quy doc gia ",
    "moi doc gia ",
    "moi quy vi ",
];

/// Phrases that open the non-article tail of a page (compared folded, with
/// bullets and a trailing colon removed).
const TAIL_MARKERS: &[&str] = &[
    "tu khoa",
    "tags",
    "tag",
    "tin lien quan",
    "bai lien quan",
    "bai viet lien quan",
    "tin bai lien quan",
    "xem them",
    "doc them",
    "co the ban quan tam",
    "ban co the quan tam",
    "tin cung chuyen muc",
    "bai cung chuyen muc",
    "cac tin khac",
    "tin khac",
    "cac bai khac",
    "tin moi",
    "tin moi nhat",
    "tin da dua",
    "cac tin da dua",
    "cac tin da dua ngay",
    "tin doc nhieu",
    "doc nhieu",
    "xem nhieu",
    "tin noi bat",
    "binh luan",
    "gui binh luan",
    "y kien ban doc",
    "cac y kien cua ban doc",
    "y kien cua ban",
    "gui y kien",
    "gui cho ban be",
    "phan hoi",
    "thong tin nguoi gui phan hoi",
    "chia se bai viet",
    "hay chia se voi ban be",
    "chia se",
    "in bai viet",
    "in bai",
    "quay lai",
    "ve dau trang",
    "chu de",
    "su kien",
    "thong tin ban doc",
    "dong su kien",
];

/// Short lines that are page widgets wherever they stand.
const WIDGET_LINES: &[&str] = &[
    "tra loi",
    "tat [x]",
    "gui",
    "thich",
    "facebook",
    "zalo",
    "twitter",
    "email",
    "luu",
    "dang nhap",
    "trang chu",
    "top",
    "quang cao",
    "dong luu thong tin",
    "luu thong tin",
    "khong co quang cao",
    "advertisement",
];

static COUNTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:\d[\d.,]*\s*(?:lượt xem|lượt đọc|lần xem|lượt thích|lượt chia sẻ|bình luận|views?|comments?)|(?:số lần xem|số lượt xem|lượt xem|lượt đọc|đã xem|views?)\s*:?\s*\d[\d.,]*|thích\s*\d+\s*chia sẻ|(?:tổng số lượt truy cập|tổng lượt truy cập|lượt truy cập|số lượt truy cập|đang truy cập|đang online|online)\s*:?\s*\d[\d.,]*)",
    )
});
static TEMPLATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{[A-Za-z_][A-Za-z0-9_]*\}").unwrap());
static MEDIA_FILE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)[\w\-.]+\.(?:mp4|mp3|m4a|m4v|mov|avi|flv|wmv|webm|mkv|png|jpe?g|gif|webp|bmp|svg|tiff?)\b",
    )
});
/// A page-metadata date a saver put before the article ("date 2023-10",
/// "date 2025-10-02"), sometimes on the headline's own line.
static META_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^date\s+(?:19|20)\d{2}-\d{2}(?:-\d{2})?(?:\s|$)").unwrap());

/// The metadata date at the start of `s`, when there is one: its length.
pub fn meta_date_prefix(s: &str) -> Option<usize> {
    // The pattern is anchored on the word: most lines are told by it alone.
    if !s.starts_with("date") {
        return None;
    }
    META_DATE.find(s).map(|m| m.as_str().trim_end().len())
}

static FULL_DATE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:19|20)\d{2}\b"));
static CLOCK: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b"));
/// Words allowed in a stamp line besides the date and time.
static STAMP_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:thứ|hai|ba|tư|năm|sáu|bảy|bẩy|chủ|nhật|cn|t\d|cập|nhật|ngày|đăng|lúc|vào|gmt(?:\+\d+)?|utc(?:\+\d+)?|giờ|số|lần|lượt|xem|\d+|\+\d+|sáng|chiều|am|pm|updated|published|posted|tin|bài|ảnh|thời|gian|print|in|gốc)$").unwrap()
});

/// Splits a page into blocks. `title_hint` (folded) lets a repeated headline
/// be recognized even when it is the first repeat.
pub fn classify(text: &str) -> Vec<Block> {
    let ls = lines(text);
    let pieces = split_glued(text, &ls);
    // One buffer holds each line's fold in turn.
    let mut folded = String::new();
    let mut blocks: Vec<Block> = pieces
        .iter()
        .map(|&(start, end)| Block {
            start,
            end,
            kind: classify_line(&text[start..end], &mut folded),
        })
        .collect();
    mark_label(text, &mut blocks);
    mark_tail(text, &mut blocks);
    mark_repeats(text, &mut blocks);
    blocks
}

/// Splits lines where page boilerplate was glued to article text without a
/// break: "Thanh TâmCác ý kiến của bạn đọc" becomes "Thanh Tâm" and the marker.
fn split_glued(text: &str, ls: &[Line]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(ls.len());
    for l in ls {
        let s = l.as_str(text);
        // "date 2023-10 Ban Chấp hành …": the metadata date is its own block.
        if s.starts_with("date")
            && let Some(n) = meta_date_prefix(s)
            && n < s.len()
        {
            let rest = s[n..].trim_start();
            out.push((l.start, l.start + n));
            out.push((l.end - rest.len(), l.end));
            continue;
        }
        // "14/12/2021Ngày 13/12, …": a page stamp glued to the lead.
        // The pattern's `\d` is any decimal digit, not only ASCII.
        if !s.as_bytes()[0].is_ascii_alphabetic()
            && let Some(n) = glued_stamp_prefix(s)
        {
            out.push((l.start, l.start + n));
            out.push((l.start + n, l.end));
            continue;
        }
        match glued_marker_at(s) {
            Some(i) => {
                out.push((l.start, l.start + s[..i].trim_end().len()));
                out.push((l.start + i, l.end));
            }
            None => out.push((l.start, l.end)),
        }
    }
    out
}

/// Where a marker or widget glued to the end of line `s` begins: a capital
/// right after a small letter, in the line's last 80 bytes (markers are
/// short), whose rest is a marker. Sixteen places are screened at once by
/// their bytes: a capital begins with A…Z or a lead byte (with C3, one of
/// À…ß), and a small letter ends with a…z or a continuation byte. Only the
/// few places that pass have their letters read.
fn glued_marker_at(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = s.len().saturating_sub(80);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    // A capital at the start of the line follows no letter.
    let mut at = from.max(1);
    // Each step reads the byte before its sixteen and the one after.
    while let Some(window) = bytes.get(at - 1..at + 17) {
        let mut places = capital_after_small(window.try_into().expect("eighteen bytes"));
        while places != 0 {
            let i = at + places.trailing_zeros() as usize;
            // Most places that pass hold a small letter with marks.
            if is_upper(char_at(s, i).0) && is_glued_marker(s, i) {
                return Some(i);
            }
            places &= places - 1;
        }
        at += 16;
    }
    (at..bytes.len()).find(|&i| {
        let (b, before) = (bytes[i], bytes[i - 1]);
        (b.is_ascii_uppercase() || b >= 0xC0)
            && (before.is_ascii_lowercase() || (0x80..0xC0).contains(&before))
            && is_glued_marker(s, i)
    })
}

/// Of the sixteen places after the first of eighteen bytes, those (bit k
/// for byte k + 1) where a capital may follow a small letter: see
/// [`glued_marker_at`].
#[inline(always)]
fn capital_after_small(window: &[u8; 18]) -> u32 {
    let load = |k: usize| Sixteen::load(window[k..k + 16].try_into().expect("sixteen bytes"));
    let (before, here, after) = (load(0), load(1), load(2));
    let small_end = before.within(b'a', b'z') | before.within(0x80, 0xBF);
    let lead = here.within(0xC0, 0xFF);
    let small_latin1 = here.equal(0xC3) & !after.within(0x80, 0x9F);
    let capital = here.within(b'A', b'Z') | lead & !small_latin1;
    small_end & capital
}

/// Whether a capital after a small letter begins at byte `i` of `s` (a
/// character boundary past the first) and the rest is a marker or widget.
#[cold]
fn is_glued_marker(s: &str, i: usize) -> bool {
    is_upper(char_at(s, i).0) && s[..i].chars().next_back().is_some_and(is_lower) && {
        let k = marker_key(&s[i..]);
        is_marker_key(&k) || is_widget_key(&k)
    }
}

/// `char::is_lowercase`, answered without a table for the letters
/// Vietnamese uses.
#[inline]
fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' => true,
        '\0'..='\u{7F}' | 'À'..='Þ' => false,
        'ß'..='ÿ' => c != '÷',
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => true,
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => false,
        // Latin Extended Additional pairs small letters on odd code points.
        '\u{1EA0}'..='\u{1EF9}' => c as u32 % 2 == 1,
        _ => c.is_lowercase(),
    }
}

/// A full date with no space before the capital that starts the article
/// text: its length.
fn glued_stamp_prefix(s: &str) -> Option<usize> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}(?:\s*,?\s*\d{1,2}:\d{2})?\p{Lu}")
            .unwrap()
    });
    let m = GLUED.find(s)?;
    let last = s[..m.end()].chars().next_back()?;
    Some(m.end() - last.len_utf8())
}

/// Folded line with bullets, brackets and a trailing colon or ellipsis removed.
fn marker_key(s: &str) -> String {
    marker_key_of_folded(&fold(s)).to_string()
}

/// [`marker_key`] of a line already folded: a slice of it.
fn marker_key_of_folded(f: &str) -> &str {
    f.trim_matches(|c: char| !c.is_alphanumeric() && c != '[' && c != ']')
        .trim_end_matches(':')
        .trim()
}

fn is_marker_key(k: &str) -> bool {
    TAIL_MARKERS.contains(&k)
}

fn is_widget_key(k: &str) -> bool {
    WIDGET_LINES.contains(&k) || k.starts_with("khong co quang cao")
}

/// True for a short line that is only a page stamp: a full date, maybe a time
/// and weekday or "Cập nhật" words, nothing else.
pub fn is_stamp_line(s: &str) -> bool {
    is_stamp_of(s, word_count_over(s, 14))
}

/// [`is_stamp_line`] for a line whose words were counted (at least up to 15).
fn is_stamp_of(s: &str, words: usize) -> bool {
    if words > 14 || !FULL_DATE.is_match(s) {
        return false;
    }
    let rest = CLOCK
        .replace_all(&FULL_DATE.replace_all(s, " "), " ")
        .into_owned();
    rest.split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .all(|w| STAMP_WORDS.is_match(w))
}

/// What line `s` is; `folded` is a buffer for its fold.
fn classify_line(s: &str, folded: &mut String) -> BlockKind {
    if is_markdown_image(s) {
        return BlockKind::Media;
    }
    // Only short lines can be anything but content.
    let line = LineShape::of(s, 30);
    if line.words > 30 {
        return BlockKind::Content;
    }
    let words = line.words;
    if line.has_brace && TEMPLATE.is_match(s) {
        return BlockKind::Template;
    }
    if line.has_digit && meta_date_prefix(s) == Some(s.len()) {
        return BlockKind::Stamp;
    }
    if line.has_digit && is_stamp_of(s, words) {
        return BlockKind::Stamp;
    }
    if words <= 12 && line.has_digit && COUNTER.is_match(s) {
        return BlockKind::Counter;
    }
    if words <= 6 && line.has_dot && MEDIA_FILE.is_match(s) {
        return BlockKind::Media;
    }
    if words <= 20 && is_related_news_invitation(s, folded) {
        return BlockKind::Marker;
    }
    // Longer lines are only asked for the form phrases, which most are
    // shown not to hold without a fold.
    if words > 8 && !may_be_comment_form(s) {
        return BlockKind::Content;
    }
    // One fold serves the widget and marker keys and the form phrases.
    folded.clear();
    fold_into(s, folded);
    let k = folded.as_str();
    if words <= 8 {
        let key = marker_key_of_folded(k);
        if words <= 6 && is_widget_key(key) {
            return if key.contains("quang cao") || key == "advertisement" {
                BlockKind::Ad
            } else {
                BlockKind::Teaser
            };
        }
        if is_marker_key(key) {
            return BlockKind::Marker;
        }
    }
    if is_comment_form_text(k) {
        return BlockKind::Teaser;
    }
    BlockKind::Content
}

/// Whether a line invites the reader to related stories ("* Mời bạn đọc
/// vào chuyên mục Xã hội xem các tin, bài liên quan"): what follows it is
/// teasers. `folded` is a buffer for its fold.
fn is_related_news_invitation(s: &str, folded: &mut String) -> bool {
    // Only lines beginning "Mời" are folded.
    let s = s.trim_start_matches(['*', '-', '•', ' ', '>']);
    if !s.starts_with("Mời ") {
        return false;
    }
    folded.clear();
    fold_into(s, folded);
    let k = folded.as_str();
    INVITATIONS.iter().any(|p| k.starts_with(p))
        && (k.contains("lien quan") || k.contains("chuyen muc"))
}

/// Whether a line is only an image as a page saved as Markdown shows it
/// ("![Cầu Thống Nhất](/file/anh_1.jpg)"): its alt text is often a
/// related story's headline, no text of the article.
fn is_markdown_image(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("![") && s.ends_with(')') && s.contains("](")
}

/// Whether a folded line is the text of a comment form. The searchers are
/// built once: building one for each line cost more than the search.
fn is_comment_form_text(k: &str) -> bool {
    use memchr::memmem::Finder;
    static PHRASES: LazyLock<[Finder<'static>; 3]> =
        LazyLock::new(|| FORM_PHRASES.map(|p| Finder::new(p.as_bytes()).into_owned()));
    static CHARACTERS: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new(b"ky tu").into_owned());
    let bytes = k.as_bytes();
    PHRASES.iter().any(|f| f.find(bytes).is_some())
        || k.starts_with("ban con") && CHARACTERS.find(bytes).is_some()
}

/// The phrases, folded, that tell a comment form wherever they stand in a
/// line. Each holds one of [`FORM_ANCHORS`], which the screen of long
/// lines looks for.
const FORM_PHRASES: [&str; 3] = [
    "vui long go tieng viet",
    "se duoc bien tap truoc khi dang",
    "binh luan cua ban",
];

/// A piece of each phrase of [`is_comment_form_text`] (the one that begins
/// "ban con" has its "b" instead): letters that Vietnamese writes only in
/// ASCII, around a space.
const FORM_ANCHORS: [&[u8; 4]; 3] = [b"ng g", b"c kh", b"nh l"];

/// False only when the fold of `s` surely holds no phrase of a comment
/// form: `s` does not start with `b`, does not hold an anchor (ASCII, any
/// case), and folds each of its other characters to something with no `b`
/// and none of the anchors' bytes in it (the letters of Vietnamese,
/// punctuation), so that an anchor or a first `b` in the fold could only
/// have come from ASCII in `s`.
fn may_be_comment_form(s: &str) -> bool {
    let bytes = s.as_bytes();
    if matches!(bytes.first(), Some(b'b' | b'B')) {
        return true;
    }
    let quiet = &*QUIET_FOLDS;
    // Sixteen bytes at a time (with the one after them), only their lead
    // bytes and the spaces before a g, k or l are looked at.
    let mut i = 0;
    while let Some(window) = bytes.get(i..i + 17) {
        let load = |k: usize| Sixteen::load(window[k..k + 16].try_into().expect("sixteen bytes"));
        let (here, next) = (load(0), load(1));
        let mut leads = here.within(0xC0, 0xFF);
        while leads != 0 {
            let at = i + leads.trailing_zeros() as usize;
            if !quiet.holds(char_at(s, at).0) {
                return true;
            }
            leads &= leads - 1;
        }
        let anchor_next = [b'g', b'G', b'k', b'K', b'l', b'L']
            .iter()
            .fold(0, |m, &b| m | next.equal(b));
        let mut spaces = here.equal(b' ') & anchor_next;
        while spaces != 0 {
            if holds_form_anchor(bytes, i + spaces.trailing_zeros() as usize) {
                return true;
            }
            spaces &= spaces - 1;
        }
        i += 16;
    }
    (i..bytes.len()).any(|at| match bytes[at] {
        b' ' => holds_form_anchor(bytes, at),
        0xC0.. => !quiet.holds(char_at(s, at).0),
        _ => false,
    })
}

/// Whether one of [`FORM_ANCHORS`] (ASCII, any case) has its space at byte
/// `at` of `bytes`.
fn holds_form_anchor(bytes: &[u8], at: usize) -> bool {
    FORM_ANCHORS.iter().any(|anchor| {
        let space = anchor.iter().position(|&b| b == b' ').unwrap_or(0);
        at >= space
            && bytes
                .get(at - space..at - space + anchor.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(&anchor[..]))
    })
}

/// The characters beyond ASCII of two-byte UTF-8 and of U+1E00…U+20FF
/// (the Vietnamese letters, general punctuation) that fold quietly: see
/// [`folds_quietly`].
struct QuietFolds {
    two_bytes: [bool; 0x800],
    from_1e00: [bool; 0x300],
}

impl QuietFolds {
    #[inline]
    fn holds(&self, c: char) -> bool {
        let u = c as usize;
        match u {
            0..0x800 => self.two_bytes[u],
            0x1E00..0x2100 => self.from_1e00[u - 0x1E00],
            _ => false,
        }
    }
}

/// Whether the fold of `c` is not empty and holds neither a byte of
/// [`FORM_ANCHORS`] nor the "b" that begins a form.
fn folds_quietly(c: char) -> bool {
    let mut f = String::new();
    fold_char_into(c, &mut f);
    !f.is_empty()
        && !f
            .bytes()
            .any(|b| b == b'b' || FORM_ANCHORS.iter().any(|anchor| anchor.contains(&b)))
}

static QUIET_FOLDS: LazyLock<QuietFolds> = LazyLock::new(|| {
    let quiet = |u: usize| char::from_u32(u as u32).is_some_and(folds_quietly);
    QuietFolds {
        two_bytes: std::array::from_fn(|u| u >= 0x80 && quiet(u)),
        from_1e00: std::array::from_fn(|u| quiet(0x1E00 + u)),
    }
});

/// What [`classify_line`] asks of a line: its words (counted no further
/// than one past a limit) and, when they were all counted, which of the
/// bytes that the patterns need it holds (none said otherwise).
#[derive(Debug, Clone, Copy, Default)]
struct LineShape {
    words: usize,
    has_digit: bool,
    has_brace: bool,
    has_dot: bool,
}

impl LineShape {
    fn of(s: &str, max: usize) -> LineShape {
        let words = word_count_over(s, max);
        if words > max {
            return LineShape {
                words,
                ..LineShape::default()
            };
        }
        // All of the line was read: which bytes it holds is one more pass
        // over a short line.
        let seen = s.bytes().fold(0u8, |seen, b| seen | LINE_BYTE[b as usize]);
        LineShape {
            words,
            has_digit: seen & DIGIT != 0,
            has_brace: seen & BRACE != 0,
            has_dot: seen & DOT != 0,
        }
    }
}

/// Which of the bytes [`LineShape::of`] looks for a byte is: a digit, a
/// brace or a dot.
const LINE_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'{' => BRACE,
            b'.' => DOT,
            _ => 0,
        };
        b += 1;
    }
    table
};
const DIGIT: u8 = 1;
const BRACE: u8 = 2;
const DOT: u8 = 4;

/// A very short first line above a longer headline is a section label.
fn mark_label(text: &str, blocks: &mut [Block]) {
    let mut contents = blocks.iter_mut().filter(|b| b.kind.is_content());
    let Some(first) = contents.next() else { return };
    let s = &text[first.start..first.end];
    let next_len = contents
        .next()
        .map_or(0, |b| word_count(&text[b.start..b.end]));
    if word_count(s) <= 4
        && next_len >= 6
        && !s.ends_with(['.', ':', '!', '?'])
        && !s.chars().any(|c| c.is_ascii_digit())
    {
        first.kind = BlockKind::Label;
    }
}

/// Everything after a stand-alone tail marker is teaser, unless a long
/// paragraph shows the article resumes (related-news boxes mid-article).
fn mark_tail(text: &str, blocks: &mut [Block]) {
    let content_total = blocks.iter().filter(|b| b.kind.is_content()).count();
    let mut seen_content = 0;
    let mut in_tail = false;
    for b in blocks.iter_mut() {
        let s = &text[b.start..b.end];
        match b.kind {
            BlockKind::Marker => {
                // A marker before any article text is a menu, not a tail.
                in_tail = seen_content >= 2.min(content_total);
                if !in_tail {
                    b.kind = BlockKind::Teaser;
                }
            }
            BlockKind::Content if in_tail => {
                let resumes = word_count(s) >= 40 && s.ends_with('.') && !s.ends_with("..");
                if resumes {
                    in_tail = false;
                    seen_content += 1;
                } else {
                    b.kind = BlockKind::Teaser;
                }
            }
            BlockKind::Content => seen_content += 1,
            _ => {}
        }
    }
}

/// Later copies of a line already seen are repeats (a headline reused as
/// every photo caption, a lead printed twice).
fn mark_repeats(text: &str, blocks: &mut [Block]) {
    // Room for every line from the start: the set is never grown.
    let mut seen: rustc_hash::FxHashSet<LineKey> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(blocks.len(), Default::default());
    for b in blocks.iter_mut() {
        if !b.kind.is_content() {
            continue;
        }
        // Repeats are copies: the text itself is the key.
        let s = &text[b.start..b.end];
        if s.chars().filter(|&c| is_alphanumeric(c)).take(8).count() < 8 {
            continue;
        }
        if !seen.insert(LineKey(s)) {
            b.kind = BlockKind::Repeat;
        }
    }
}

/// A line as a set key: equal when the lines are, hashed by its length
/// and its ends only, so a long paragraph is not read whole to be hashed.
#[derive(PartialEq, Eq)]
struct LineKey<'a>(&'a str);

impl std::hash::Hash for LineKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        const END: usize = 32;
        let b = self.0.as_bytes();
        state.write_usize(b.len());
        state.write(&b[..b.len().min(END)]);
        state.write(&b[b.len().saturating_sub(END)..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        classify(text)
            .into_iter()
            .map(|b| (b.as_str(text).to_string(), b.kind))
            .collect()
    }

    #[test]
    fn shapes_of_page_noise() {
        let t = "Tin kinh tế\nHội nghị Ban Thường vụ Tỉnh ủy bàn nhiều nội dung\nThứ 4, 02.12.2020 | 17:21:47\n219 lượt xem\nVideo: 120220_OHAI11.mp4\n {name} - {time}\nĐoạn văn của bài.\n";
        let k = kinds(t);
        assert_eq!(k[0].1, BlockKind::Label);
        assert_eq!(k[1].1, BlockKind::Content);
        assert_eq!(k[2].1, BlockKind::Stamp);
        assert_eq!(k[3].1, BlockKind::Counter);
        assert_eq!(k[4].1, BlockKind::Media);
        assert_eq!(k[5].1, BlockKind::Template);
        assert_eq!(k[6].1, BlockKind::Content);
    }

    /// Markdown images are media, and an invitation to related stories
    /// starts the tail; either inside other text leaves it text.
    #[test]
    fn markdown_images_and_invitations_to_related_news() {
        use BlockKind::{Content, Marker, Media, Teaser};
        let only = |t: &str| kinds(t).into_iter().map(|(_, k)| k).collect::<Vec<_>>();
        assert_eq!(
            only(
                "Đoạn văn của bài.\nThực hiện: Thu Hà\n![Khánh thành cầu mới ở trung tâm tỉnh](/file/anh_1.jpg?width=500)\n"
            ),
            [Content, Content, Media]
        );
        assert_eq!(
            only(
                "Đoạn văn của bài.\nTin, ảnh: Thu Hà\n* Mời bạn đọc vào chuyên mục Thời sự xem các tin, bài liên quan.\nMột tin khác của chuyên mục.\n"
            ),
            [Content, Content, Marker, Teaser]
        );
        assert_eq!(
            only(
                "Xem ảnh ![a](b.jpg) ở cuối bài viết về hội nghị của tỉnh.\nMời bạn đọc theo dõi buổi lễ trên sóng truyền hình.\n"
            ),
            [Content, Content]
        );
    }

    #[test]
    fn a_placeholder_in_a_long_line_leaves_it_content() {
        let words = "Chiều 5/11, Bí thư Tỉnh ủy Hoàng Trung Dũng chủ trì hội nghị. ".repeat(4);
        let t = format!("{words}{{name}} - {{time}} Trả lời\n{{name}} - {{time}}\n");
        let k = kinds(&t);
        assert_eq!(k[0].1, BlockKind::Content);
        assert_eq!(k[1].1, BlockKind::Template);
    }

    #[test]
    fn glued_marker_is_split_and_starts_the_tail() {
        let t = "Tiêu đề bài viết khá dài ở đây\nNội dung bài.\nThanh TâmCác ý kiến của bạn đọc\nTeaser headline about someone\n";
        let k = kinds(t);
        assert_eq!(k[2], ("Thanh Tâm".to_string(), BlockKind::Content));
        assert_eq!(
            k[3],
            ("Các ý kiến của bạn đọc".to_string(), BlockKind::Marker)
        );
        assert_eq!(k[4].1, BlockKind::Teaser);
    }

    #[test]
    fn repeated_headline_is_marked_after_first() {
        let t = "Tiếp tục hoàn thiện Quy chế làm việc\nMột đoạn.\nTiếp tục hoàn thiện Quy chế làm việc\n";
        let k = kinds(t);
        assert_eq!(k[0].1, BlockKind::Content);
        assert_eq!(k[2].1, BlockKind::Repeat);
    }

    #[test]
    fn a_metadata_date_glued_to_the_lead_is_its_own_stamp() {
        let t = "date 2020-01 Chiều 31-1, Ban Thường vụ Tỉnh ủy họp.\nMột đoạn.\n";
        let k = kinds(t);
        assert_eq!(k[0], ("date 2020-01".to_string(), BlockKind::Stamp));
        assert_eq!(k[1].0, "Chiều 31-1, Ban Thường vụ Tỉnh ủy họp.");
        assert_eq!(k[1].1, BlockKind::Content);
        assert_eq!(kinds("date 2025-10-02\n")[0].1, BlockKind::Stamp);
        // A sentence that starts with the word is not metadata.
        assert_eq!(meta_date_prefix("date 2020 là năm"), None);
    }

    #[test]
    fn stamp_lines() {
        for s in [
            "Cập nhật: 17:55 05/11/2020",
            "[ Cập nhật vào ngày (03/11/2020) ] - [ Số lần xem: 427 ]",
            "Thứ Bảy, 15/8/2020",
            "Thứ Tư, 08/04/2015, 08:11 [GMT+7]",
            "04/04/2022 - 08:59",
        ] {
            assert!(is_stamp_line(s), "{s}");
        }
        assert!(!is_stamp_line(
            "Đến trước 10/11/2020, các nội dung phải được hoàn thiện"
        ));
    }

    #[test]
    fn characters_passed_as_quiet_fold_without_anchor_bytes() {
        // The table holds what the test says for every character.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if QUIET_FOLDS.holds(c) {
                assert!(!c.is_ascii() && folds_quietly(c), "{c:?}");
            }
        }
        // The letters of Vietnamese are all passed.
        for c in
            "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯƠẮ“”–…".chars()
        {
            assert!(QUIET_FOLDS.holds(c), "{c:?}");
        }
    }

    #[test]
    fn every_form_phrase_holds_an_anchor_of_the_screen() {
        // A phrase added without one would be turned away unread.
        for phrase in FORM_PHRASES {
            let bytes = phrase.as_bytes();
            assert!(
                (0..bytes.len()).any(|at| bytes[at] == b' ' && holds_form_anchor(bytes, at)),
                "{phrase}"
            );
        }
    }

    #[test]
    fn comment_forms_are_let_through_the_screen() {
        for s in [
            "Vui lòng gõ tiếng Việt có dấu",
            "Bình luận của bạn sẽ được biên tập trước khi đăng",
            "Ý kiến bạn đọc: BÌNH LUẬN CỦA BẠN sẽ được duyệt trước khi hiển thị",
            "Bạn còn 500/500 ký tự",
            "Nội dung sẽ được biên tập trước khi đăng lên trang",
        ] {
            assert!(is_comment_form_text(&fold(s)), "{s}");
            assert!(may_be_comment_form(s), "{s}");
        }
        assert!(!may_be_comment_form(
            "Hội nghị Ban Thường vụ Tỉnh ủy bàn nhiều nội dung quan trọng"
        ));
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(5000))]

        /// A line the screen turns away never folds to a comment form:
        /// forms written in any case, with letters of other languages that
        /// fold to the anchors' letters, or with combining marks, among
        /// other words.
        #[test]
        fn lines_turned_away_by_the_screen_hold_no_comment_form(
            head in "(?:(?:Hội|nghị|ý|kiến|ban|[bcghklnBCGHKLN]{1,2}|ñh|ǹg|x|[0-9]+)[ ,]{1,2}){0,4}",
            form in "(?:Vui lòng gõ tiếng Việt|VUI LÒNG GÕ TIẾNG VIỆT|vui long go tieng viet|Vui lo\\u{0300}ng gõ tiếng Việt|vui loǹg go tieng viet|Bình luận của bạn|BÌNH LUẬN CỦA BẠN|binh luan cua ban|biñh ĺuận của bạn|bình\\u{a0}luận của bạn|sẽ được biên tập trước khi đăng|SẼ ĐƯỢC BIÊN TẬP TRƯỚC KHI ĐĂNG|se duoc bien tap truoc ḱhi dang|se duoc bien tap truoç khi dang|Bạn còn 200 ký tự|Ḃạn còn 5 ký tự|ḃan con ky tu|BAN CON 10 KY TU|luận của)",
            tail in "(?:[ ,.:]{1,2}(?:có|dấu|ký|tự|nhé|[bcghklnBCGHKLN]{1,2}|[0-9]+)){0,4}",
        ) {
            let s = format!("{head}{form}{tail}");
            if is_comment_form_text(&fold(&s)) {
                proptest::prop_assert!(may_be_comment_form(&s), "{}", s);
            }
        }
    }

    #[test]
    fn line_shapes_count_words_as_word_count_does() {
        for s in [
            "Video: 120220_OHAI11.mp4",
            "{name} - {time}",
            "Bí thư\u{a0}Tỉnh ủy  họp",
            &"một hai ba. ".repeat(20),
        ] {
            let shape = LineShape::of(s, 30);
            assert_eq!(shape.words, word_count_over(s, 30), "{s}");
            if shape.words <= 30 {
                assert_eq!(shape.has_digit, s.bytes().any(|b| b.is_ascii_digit()));
                assert_eq!(shape.has_brace, s.contains('{'));
                assert_eq!(shape.has_dot, s.contains('.'));
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The byte table reads lines as the character tests do.
        #[test]
        fn line_shapes_by_table_equal_the_character_reading(
            s in "[a1{. \t\n\u{a0}\u{85}\u{2003}\u{2028}\u{3000}\u{1680}\u{1681}\u{1e9a}\u{1ea0}ồ“—¢]{0,60}",
            max in 0usize..12,
        ) {
            let shape = LineShape::of(&s, max);
            proptest::prop_assert_eq!(shape.words, word_count_over(&s, max));
            if shape.words <= max {
                proptest::prop_assert_eq!(shape.has_digit, s.bytes().any(|b| b.is_ascii_digit()));
                proptest::prop_assert_eq!(shape.has_brace, s.contains('{'));
                proptest::prop_assert_eq!(shape.has_dot, s.contains('.'));
            }
        }
    }

    /// [`glued_marker_at`] read character by character.
    fn glued_marker_by_chars(s: &str) -> Option<usize> {
        let mut from = s.len().saturating_sub(80);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let mut prev: Option<char> = s[..from].chars().next_back();
        for (i, c) in s[from..].char_indices().map(|(i, c)| (from + i, c)) {
            if is_upper(c) && prev.is_some_and(is_lower) && i > 0 {
                let k = marker_key(&s[i..]);
                if is_marker_key(&k) || is_widget_key(&k) {
                    return Some(i);
                }
            }
            prev = Some(c);
        }
        None
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Reading ASCII by its bytes finds the glued markers reading
        /// characters finds.
        #[test]
        fn glued_markers_by_bytes_equal_the_character_reading(
            head in "[aáA ÁĐđồỒΣσ.ưƯơƠßẞÞ×1“…]{0,90}",
            marker in "(Tin liên quan|Bình luận|Chia sẻ|Zalo|Từ khóa:|TIN KHÁC|tags)?",
            tail in "[aA ồỒ]{0,3}",
        ) {
            let s = format!("{head}{marker}{tail}");
            proptest::prop_assert_eq!(glued_marker_at(&s), glued_marker_by_chars(&s));
        }
    }

    #[test]
    fn glued_markers_are_cut_off() {
        assert_eq!(glued_marker_at("Thanh TâmCác ý kiến của bạn đọc"), Some(10));
        assert_eq!(glued_marker_at("Thanh Tâm Các ý kiến của bạn đọc"), None);
        assert_eq!(glued_marker_at("Chia sẻ"), None);
    }

    #[test]
    fn letter_tests_agree_with_the_standard_ones() {
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn visitor_counters_are_not_content() {
        for s in [
            "Tổng số lượt truy cập: 12.345.678",
            "Đang truy cập: 215",
            "Lượt truy cập 4567",
        ] {
            assert_eq!(
                classify_line(s, &mut String::new()),
                BlockKind::Counter,
                "{s}"
            );
        }
    }
}
