//! Deadlines in a directive: "đến trước 10/11/2020" → 2020-11-10,
//! "hoàn thành vào giữa tháng 12/2020" → 2020-12, "trong quý I/2021" →
//! 2021-03, "trước ngày 15 tháng 11" → that day of the meeting's year.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::text::pattern::{Bounded, Pattern};
use crate::text::segment::{has_ascii_digit, is_numeric};

use super::Date;

/// Words right before a date that make it a deadline.
const CUE: &str = r"(?:trước|chậm nhất(?:\s+là)?|hạn chót|hạn|xong|hoàn thành|hoàn thiện|đến|kết thúc|trong|vào|cuối|đầu|giữa)";

/// The most whitespace-separated pieces a date with its cue spans: a cue
/// of three words ("chậm nhất là"), a word before the day, and a date
/// spaced out ("ngày 15 / 3 / 2020"), with room to spare.
const DATE_WORDS: usize = 14;

static DAY: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        &format!(
            r"(?i)\b{CUE}\s+(?:(?:vào|là|hết)\s+)?(?:ngày\s+)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})(?:\s*[/.-]\s*(\d{{4}}))?\b"
        ),
        DATE_WORDS,
    )
});
static DAY_WORDS: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        &format!(
            r"(?i)\b{CUE}\s+(?:ngày\s+)(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+(\d{{4}}))?"
        ),
        DATE_WORDS,
    )
});
static MONTH: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        &format!(
            r"(?i)\b{CUE}\s+(?:(?:giữa|cuối|đầu|hết|trung tuần|hạ tuần|thượng tuần)\s+)?tháng\s+(\d{{1,2}})(?:\s*[/.-]\s*(\d{{4}})|\s+năm\s+(\d{{4}}))?\b"
        ),
        DATE_WORDS,
    )
});
static QUARTER: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        &format!(
            r"(?i)\b{CUE}\s+quý\s+(IV|I{{1,3}}|[1-4])\b(?:\s*(?:[/.-]\s*|\s+năm\s+)(\d{{4}})\b)?"
        ),
        DATE_WORDS,
    )
});
static YEAR: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        r"(?i)\b(?:(?:hoàn thành|xong|hoàn thiện)\s+(?:trước|trong|vào)(?:\s+cuối)?|trước|chậm nhất)\s+năm\s+(\d{4})\b",
        DATE_WORDS,
    )
});
/// "trong năm 2018" with a verb of finishing: the year it is due in.
static YEAR_IN: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        r"(?i)\b(?:ngay trong|trong|cuối)\s+năm\s+(\d{4})\b",
        DATE_WORDS,
    )
});
/// Verbs of finishing that make "trong năm 2018" a deadline and not a
/// reporting period, when they stand near it.
static FINISH: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:hoàn thành|hoàn thiện|xong|ban hành|phấn đấu|khẩn trương|chậm nhất|đưa vào|khởi công|giải ngân|phải)",
    )
});
/// What puts a date on a schedule, not a duty: "Đại hội dự kiến tổ chức
/// vào tháng 10/2025", "diễn ra trong tháng 9".
static SCHEDULE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?:dự kiến|diễn ra|khai mạc|đại hội|sẽ được tổ chức|sẽ tổ chức)")
});

/// Whether the words before a date at `at` schedule an event.
fn scheduled(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    SCHEDULE.is_match(&text[from..at])
}

/// Whether a verb of finishing stands right before a date at `at`:
/// "đại hội các chi bộ hoàn thành trong tháng 3" is due then, not held then.
fn finished_by(text: &str, at: usize) -> bool {
    let before = text[char_floor(text, at.saturating_sub(16))..at].trim_end();
    before.ends_with("hoàn thành") || before.ends_with("xong")
}

/// Verbs that make "trong/vào/đến … tháng M" a deadline and not a time
/// reference.
static DUTY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:hoàn thành|hoàn thiện|xong|ban hành|trình|báo cáo|phấn đấu|bảo đảm|đảm bảo|triển khai|tổ chức|chậm nhất|phải|yêu cầu|đề nghị|giao|chỉ đạo|khẩn trương|tập trung|chuẩn bị|xử lý)",
    )
});

/// A month or a day written with its year: "tháng 7/2022", "15/3/2020".
static DATED: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::unfiltered(
        r"(?i)(?:\btháng\s+\d{1,2}|\b\d{1,2}\s*/\s*\d{1,2})\s*[/.-]\s*(\d{4})\b",
        DATE_WORDS,
    )
});

/// The year an undated article speaks of, for deadlines written without
/// one: the year its dated months and days name most often (the latest
/// on a tie).
pub fn year_of_text(text: &str) -> Option<Date> {
    let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for c in DATED.captures_iter(text) {
        if let Ok(y) = c[1].parse::<i32>()
            && (1900..=2100).contains(&y)
        {
            *counts.entry(y).or_default() += 1;
        }
    }
    let (year, _) = counts.into_iter().max_by_key(|&(y, n)| (n, y))?;
    Some(Date {
        year,
        month: None,
        day: None,
    })
}

/// The first deadline in a directive's text, with its byte range in it.
/// `reference` is the meeting or publication date that years are taken from.
pub fn find(text: &str, reference: Option<Date>) -> Option<(Date, Range<usize>)> {
    if !may_hold(text) {
        return None;
    }
    // Whether a duty verb stands in the text, asked only of a text that
    // holds a date needing one.
    let duty = OnceCell::new();
    let duty = || *duty.get_or_init(|| DUTY.is_match(text));
    let mut hits: Vec<Hit> = Vec::new();
    // Each word a pattern needs is looked for once.
    let month_number = word_then_number(text, "tháng");
    let year_number = word_then_number(text, "năm");
    day_hits(text, &duty, reference, &mut hits)?;
    if month_number && duty() {
        month_hits(text, reference, &mut hits)?;
    }
    if holds_word(text, "quý") && duty() {
        quarter_hits(text, reference, &mut hits)?;
    }
    if year_number && duty() {
        year_hits(&YEAR, text, &mut hits);
    }
    if year_number {
        finish_year_hits(text, &mut hits);
    }
    if hits.is_empty() {
        return None;
    }
    // "tăng trưởng trong quý 2 tiếp tục trên 10%": a target's period.
    hits.retain(|(_, _, r)| !targets_a_figure(&text[r.end..]));
    // A date an event is scheduled for is not a duty's deadline, unless a
    // cue of its own says so ("trước", "chậm nhất").
    hits.retain(|(at, _, r)| {
        own_cue(&text[r.clone()]) || finished_by(text, *at) || !scheduled(text, *at)
    });
    hits.sort_by_key(|h| h.0);
    hits.into_iter().next().map(|(_, d, r)| (d, r))
}

/// Whether `text` may hold a deadline: every deadline form has a number in
/// it, or a quarter.
pub fn may_hold(text: &str) -> bool {
    static QUARTER_WORD: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("quý"));
    has_ascii_digit(text) || QUARTER_WORD.find(text.as_bytes()).is_some()
}

/// Whether `text` may have a day and month written with digits ("15/3",
/// "20 - 7"), without which the numeric day pattern cannot match. Any
/// numeric character counts, as the pattern's digits are Unicode ones.
fn has_day_and_month(text: &str) -> bool {
    // Read from each separator, much rarer than characters to test.
    memchr::memchr3_iter(b'/', b'.', b'-', text.as_bytes()).any(|p| {
        text[..p]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(is_numeric)
            && text[p + 1..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(is_numeric)
    })
}

/// Whether `text` holds `word` in any mix of cases, as a case-insensitive
/// pattern would find it (see [`word_ends`]).
fn holds_word(text: &str, word: &str) -> bool {
    word_ends(text, word).next().is_some()
}

/// Whether `text` holds `word` (as [`holds_word`]) followed by whitespace
/// and a digit, as every pattern that reads a number after "tháng" or
/// "năm" needs.
fn word_then_number(text: &str, word: &str) -> bool {
    word_ends(text, word).any(|end| {
        let rest = &text[end..];
        let after = rest.trim_start();
        after.len() < rest.len() && after.chars().next().is_some_and(is_numeric)
    })
}

/// Where each occurrence of `word` in `text` ends, in any mix of cases.
/// `word` is lower case: ASCII letters other than k and s (which have
/// non-ASCII capitals) and one two-byte letter whose capital is two bytes
/// too ("tháng", "quý", "năm"). Looked for by that letter's bytes, so most
/// texts are passed over at memchr speed.
fn word_ends<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let shape = MarkedWord::of(word);
    let t = text.as_bytes();
    let found = if shape.marked { t } else { &[] };
    // Looked for by the letter's second byte: its first is shared by a
    // dozen common letters ("à", "á", "ê", "ô", "đ", …), its second by few.
    memchr::memchr2_iter(shape.lower[1], shape.upper[1], found)
        .filter_map(move |q| shape.ends_at(t, q.checked_sub(1)?))
}

/// A lower-case word of [`word_ends`] as its bytes are matched: the ASCII
/// before its two-byte letter, the letter in both cases, the ASCII after.
struct MarkedWord<'w> {
    before: &'w [u8],
    lower: [u8; 2],
    upper: [u8; 2],
    after: &'w [u8],
    /// It holds a letter beyond ASCII: one without is found nowhere.
    marked: bool,
}

impl<'w> MarkedWord<'w> {
    fn of(word: &'w str) -> MarkedWord<'w> {
        let w = word.as_bytes();
        let k = w.iter().position(|b| !b.is_ascii()).unwrap_or(w.len());
        let letter = word[k..].chars().next().unwrap_or(' ');
        let mut upper = [0u8; 4];
        let upper = letter
            .to_uppercase()
            .next()
            .unwrap_or(letter)
            .encode_utf8(&mut upper)
            .as_bytes();
        MarkedWord {
            before: &w[..k],
            lower: [
                w.get(k).copied().unwrap_or(0),
                w.get(k + 1).copied().unwrap_or(0),
            ],
            upper: [upper[0], upper.get(1).copied().unwrap_or(0)],
            after: w.get(k + 2..).unwrap_or(&[]),
            marked: k < w.len(),
        }
    }

    /// Where the word ends when its letter begins at byte `p` of `t`.
    fn ends_at(&self, t: &[u8], p: usize) -> Option<usize> {
        let at = t.get(p..p + 2);
        let end = p + 2 + self.after.len();
        ((at == Some(&self.lower[..]) || at == Some(&self.upper[..]))
            && p >= self.before.len()
            && t[p - self.before.len()..p].eq_ignore_ascii_case(self.before)
            && t.get(p + 2..end)
                .is_some_and(|a| a.eq_ignore_ascii_case(self.after)))
        .then_some(end)
    }
}

/// A deadline found: where it starts, the date, its byte range.
type Hit = (usize, Date, Range<usize>);

/// Whether a date's words are a deadline on their own ("trước", "chậm
/// nhất", "hạn …"); other dates need a duty verb in the sentence.
fn own_cue(cue: &str) -> bool {
    ["trước", "chậm nhất", "hạn"]
        .iter()
        .any(|own| lower_starts_with(cue, own))
}

/// Whether `text.to_lowercase()` starts with `prefix`, lowered character
/// by character without writing the lower case out. Only a capital sigma
/// lowers by its context, and neither of its lower cases stands in a
/// prefix this is asked of.
fn lower_starts_with(text: &str, prefix: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Day-and-month deadlines ("trước ngày 15/3"). None when a date cannot be
/// read or needs a year and there is no reference: no deadline at all then.
fn day_hits(
    text: &str,
    duty: &dyn Fn() -> bool,
    reference: Option<Date>,
    hits: &mut Vec<Hit>,
) -> Option<()> {
    // Each pattern is run only where the words it needs are.
    let patterns = [
        (&*DAY, has_day_and_month(text)),
        (
            &*DAY_WORDS,
            word_then_number(text, "ngày") && holds_word(text, "tháng"),
        ),
    ];
    for (re, _) in patterns.into_iter().filter(|&(_, may)| may) {
        for c in re.captures_iter(text) {
            if !(own_cue(c.get(0).map_or("", |m| m.as_str())) || duty()) {
                continue;
            }
            let (d, m) = (c[1].parse().ok()?, c[2].parse().ok()?);
            let year = match c.get(3) {
                Some(y) => y.as_str().parse().ok()?,
                None => future_year(d, m, reference?)?,
            };
            if let (Some(date), Some(w)) = (Date::ymd(year, m, d), c.get(0)) {
                hits.push((w.start(), date, w.range()));
            }
        }
    }
    Some(())
}

/// Month deadlines ("trong tháng 9", "tháng 3.2026"): a month without a
/// year is the next such month from the reference. Asked only of a text
/// holding "tháng" and a number after it.
fn month_hits(text: &str, reference: Option<Date>, hits: &mut Vec<Hit>) -> Option<()> {
    for c in MONTH.captures_iter(text) {
        let m: u32 = c[1].parse().ok()?;
        let year = match c.get(2).or_else(|| c.get(3)) {
            Some(y) => y.as_str().parse().ok()?,
            None => {
                reference?.year
                    + if reference?.month.is_some_and(|rm| u32::from(rm) > m) {
                        1
                    } else {
                        0
                    }
            }
        };
        if let (Some(date), Some(w)) = (Date::ym(year, m), c.get(0)) {
            hits.push((w.start(), date, w.range()));
        }
    }
    Some(())
}

/// Quarter deadlines ("trong quý I"), due at the quarter's last month.
/// Asked only of a text holding "quý".
fn quarter_hits(text: &str, reference: Option<Date>, hits: &mut Vec<Hit>) -> Option<()> {
    for c in QUARTER.captures_iter(text) {
        let q = match &c[1] {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            _ => 4,
        };
        // "trong quý I": the meeting's year, or the next when the
        // quarter ended more than a quarter before the meeting (a
        // December meeting planning the first quarter).
        let year: i32 = match c.get(2) {
            Some(y) => y.as_str().parse().ok()?,
            None => {
                let r = reference?;
                r.year + i32::from(r.month.is_some_and(|m| u32::from(m) > q * 3 + 3))
            }
        };
        if let (Some(date), Some(w)) = (Date::ym(year, q * 3), c.get(0)) {
            hits.push((w.start(), date, w.range()));
        }
    }
    Some(())
}

/// Years a finishing verb shortly before them makes deadlines ("hoàn
/// thành trong năm 2025"). Asked only of a text holding "năm" and a
/// number after it.
fn finish_year_hits(text: &str, hits: &mut Vec<Hit>) {
    if !FINISH.is_match(text) {
        return;
    }
    let mut years = Vec::new();
    year_hits(&YEAR_IN, text, &mut years);
    // "phải …, để các dự án sớm triển khai trong năm 2025": a verb far
    // before the year finishes something else.
    hits.extend(
        years.into_iter().filter(|(at, _, _)| {
            FINISH.is_match(&text[char_floor(text, at.saturating_sub(40))..*at])
        }),
    );
}

/// Whether the clause after a date sets a figure ("… trên 10%") rather
/// than something to finish by then.
fn targets_a_figure(after: &str) -> bool {
    let clause = after.split([',', ';', '.']).next().unwrap_or("");
    clause.contains('%') && !FINISH.is_match(clause)
}

/// The nearest char boundary at or before `i`.
fn char_floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The year of a deadline written as day and month: the reference year, or
/// the next one when that day has already passed.
fn future_year(day: u32, month: u32, reference: Date) -> Option<i32> {
    let same = Date::ymd(reference.year, month, day)?;
    Some(if same.days() + 31 < reference.days() {
        reference.year + 1
    } else {
        reference.year
    })
}

/// Adds the years `re` finds in `text` (its first group) as whole-year
/// deadlines, where they are years at all. Both year patterns need "năm"
/// and a number: asked only of a text holding them.
fn year_hits(re: &Bounded, text: &str, hits: &mut Vec<Hit>) {
    for c in re.captures_iter(text) {
        let Ok(year) = c[1].parse::<i32>() else {
            continue;
        };
        if let Some(w) = c.get(0)
            && (1900..=2100).contains(&year)
        {
            let date = Date {
                year,
                month: None,
                day: None,
            };
            hits.push((w.start(), date, w.range()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find(s, Date::ymd(2020, 11, 5)).map(|(d, _)| d.to_string())
    }

    /// The separator-first reading of a day and month agrees with the
    /// character-by-character one.
    #[test]
    fn day_and_month_screen_is_the_plain_one() {
        let plain = |text: &str| {
            text.char_indices().any(|(i, c)| {
                is_numeric(c)
                    && text[i + c.len_utf8()..]
                        .trim_start()
                        .strip_prefix(['/', '.', '-'])
                        .and_then(|after| after.trim_start().chars().next())
                        .is_some_and(is_numeric)
            })
        };
        for text in [
            "trước 15/3",
            "15 / 3",
            "15 -\u{a0}3",
            "٣/٤",
            "a/b 5.",
            ".5",
            "5.",
            "ngày 5 tháng 3",
            "1-",
            "-1",
            "quý I",
            "2020 - 2025",
            "",
            "x. 3",
            "3 .x",
        ] {
            assert_eq!(has_day_and_month(text), plain(text), "{text:?}");
        }
        assert!(may_hold("trong quý I"));
        assert!(may_hold("năm 2020"));
        assert!(!may_hold("trong QUÝ này"));
        for text in [
            "",
            "năm",
            "x9",
            &"a".repeat(70),
            &format!("{}7", "ạ".repeat(40)),
        ] {
            assert_eq!(
                has_ascii_digit(text),
                text.bytes().any(|b| b.is_ascii_digit())
            );
        }
    }

    /// The duty and schedule words, answered by their screens alone,
    /// answer as their regexes do on every sentence and every stretch
    /// before a date of the bundled articles.
    #[test]
    fn screened_words_are_the_regex_ones() {
        let pages = crate::testing::bundled_pages();
        let pieces = pages
            .iter()
            .flat_map(|page| page.text.split(['.', '\n']))
            .flat_map(|piece| [piece, &piece[char_floor(piece, piece.len() / 2)..]]);
        let matched =
            crate::text::pattern::answers_as_regexes(&[&*FINISH, &*SCHEDULE, &*DUTY], pieces);
        assert!(matched.iter().all(|&n| n > 10), "{matched:?}");
    }

    /// [`word_ends`] as first written: read from each place the
    /// letter's first byte stands.
    fn word_ends_by_first_byte(text: &str, word: &str) -> Vec<usize> {
        let shape = MarkedWord::of(word);
        let t = text.as_bytes();
        let found = if shape.marked { t } else { &[] };
        memchr::memchr2_iter(shape.lower[0], shape.upper[0], found)
            .filter_map(|p| shape.ends_at(t, p))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Words read from their letter's second byte are found where
        /// reading from its first finds them.
        #[test]
        fn words_end_where_first_bytes_find_them(
            text in "(tháng|THÁNG|ThÁng|năm|NĂM|ngày|NGÀY|quý|QUÝ|á|Á|à|ă|Ă|đ|ạ|ề|ý|Ý|t|h|n|g|m|q|u| |1)*"
        ) {
            for word in ["tháng", "năm", "ngày", "quý", "ng", ""] {
                proptest::prop_assert_eq!(
                    word_ends(&text, word).collect::<Vec<_>>(),
                    word_ends_by_first_byte(&text, word),
                    "{:?} in {:?}", word, text
                );
            }
        }

        /// Prefixes of the lower case read without writing it agree with
        /// the library's lower case.
        #[test]
        fn lower_prefixes_are_the_library_ones(
            text in "(TRƯỚC|trước|TrƯỚc|CHẬM NHẤT|chậm nhất|HẠN|hạn|Σ|σ|ς|İ|i|\u{307}|ẞ|ß| |T|R|Ư|Ớ|C)*"
        ) {
            for prefix in ["trước", "chậm nhất", "hạn"] {
                proptest::prop_assert_eq!(
                    lower_starts_with(&text, prefix),
                    text.to_lowercase().starts_with(prefix),
                    "{:?}", text
                );
            }
        }
    }

    #[test]
    fn deadline_shapes() {
        assert_eq!(
            d("đến trước 10/11/2020, các nội dung phải được hoàn thiện").as_deref(),
            Some("2020-11-10")
        );
        assert_eq!(
            d("phấn đấu hoàn thành vào giữa tháng 12/2020 để ban hành").as_deref(),
            Some("2020-12")
        );
        assert_eq!(
            d("hoàn thành trước ngày 15 tháng 1").as_deref(),
            Some("2021-01-15")
        );
        assert_eq!(
            d("phải hoàn thành trong quý I/2021").as_deref(),
            Some("2021-03")
        );
        assert_eq!(d("báo cáo trước 20/11").as_deref(), Some("2020-11-20"));
        assert_eq!(
            d("quyết tâm hoàn thành toàn diện các chỉ tiêu, nhiệm vụ năm 2020"),
            None
        );
        assert_eq!(d("tổng kết Nghị quyết ngày 5/11/2020"), None);
        assert_eq!(d("chuẩn bị cho năm mới và tết Nguyên đán 2021"), None);
        assert_eq!(
            d("yêu cầu hoàn thành đề án trong quý I").as_deref(),
            Some("2021-03")
        );
        assert_eq!(
            d("phải hoàn thành việc sáp nhập trong năm 2018").as_deref(),
            Some("2018")
        );
        assert_eq!(
            d("giao Ban Tổ chức trình đề án trước tháng 3.2026").as_deref(),
            Some("2026-03")
        );
        // Reporting periods, targets and schedules are not deadlines.
        assert_eq!(d("đánh giá kết quả 6 tháng đầu năm 2020"), None);
        assert_eq!(d("phấn đấu đến năm 2030 đạt mức thu nhập cao"), None);
        assert_eq!(
            d("Đại hội Đảng bộ tỉnh dự kiến tổ chức vào tháng 10/2025"),
            None
        );
        assert_eq!(d("tập trung triển khai từ nay đến cuối năm"), None);
    }
}
