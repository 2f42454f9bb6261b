//! Regexes with Unicode word boundaries, screened by a fast automaton.
//!
//! A Unicode `\b` keeps the regex engine off its lazy DFA on Vietnamese
//! text: every search falls back to the backtracker or the PikeVM, which
//! cost tens of instructions a byte, and most sentences hold no match at
//! all. The same pattern without its `\b`s matches everything the pattern
//! matches (an assertion only ever removes matches), and the DFA runs it
//! at a few instructions a byte: a text it does not match cannot hold a
//! match of the pattern, and the exact regex is run only on the rest.
//! For the same reason a screen may read each `\d` as a wider class that
//! costs less to build.
//! A pattern with neither is its own screen: asked only whether it
//! matches, it is answered by the screen alone, and its exact regex is
//! never built. Results are those of the exact regex, always.

use std::borrow::Cow;

use regex::{Captures, Match, Regex};
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, meta};

/// A cache of the screen's lazy DFA for each thread that searches.
type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// A regex and its screen (see the module documentation).
pub struct Pattern {
    source: String,
    /// Built when the screen first lets a text through: most patterns
    /// rule out most texts, and some are never needed in a short run.
    exact: OnceLock<Regex>,
    /// Only the forward lazy DFA: the screen asks whether, never where.
    screen: std::sync::Arc<DFA>,
    /// Whether the screen is the pattern itself (no `\b`, no bounded
    /// repetition), so that whether it matches is the pattern's answer.
    whole: bool,
    caches: CachePool,
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

impl Pattern {
    /// Compiles the screen of `pattern`; panics on a bad pattern, as the
    /// patterns are constants (the screen has the pattern's syntax).
    pub fn new(pattern: &str) -> Pattern {
        if screen_of(pattern, r"\d") == pattern {
            return Pattern::whole(pattern);
        }
        Pattern::screened_by(pattern, &screen_of(pattern, WIDE_DIGIT))
    }

    /// A pattern without word boundaries, screened by itself, bounded
    /// repetitions and all: one only asked whether it matches is then
    /// answered by its lazy DFA alone, which costs less to build than a
    /// full regex and no more to run.
    pub fn whole(pattern: &str) -> Pattern {
        Pattern::screened_by(pattern, pattern)
    }

    fn screened_by(pattern: &str, loose: &str) -> Pattern {
        let screen = std::sync::Arc::new(
            DFA::builder()
                .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
                .build(loose)
                .expect("screen compiles"),
        );
        let for_caches = screen.clone();
        Pattern {
            source: pattern.to_string(),
            exact: OnceLock::new(),
            screen,
            whole: loose == pattern,
            caches: Pool::new(Box::new(move || for_caches.create_cache())),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The exact regex, compiled on first use.
    fn exact(&self) -> &Regex {
        self.exact
            .get_or_init(|| Regex::new(&self.source).expect("pattern compiles"))
    }

    /// Whether the screen matches `text`; None when it gives up (its
    /// cache thrashing).
    fn screened(&self, text: &str) -> Option<bool> {
        let mut cache = self.caches.get();
        let input = Input::new(text).earliest(true);
        self.screen
            .try_search_fwd(&mut cache, &input)
            .ok()
            .map(|m| m.is_some())
    }

    /// Whether the screen rules `text` out. A screen that gives up rules
    /// nothing out.
    fn ruled_out(&self, text: &str) -> bool {
        self.screened(text) == Some(false)
    }

    pub fn is_match(&self, text: &str) -> bool {
        match self.screened(text) {
            Some(false) => false,
            Some(true) if self.whole => true,
            _ => self.exact().is_match(text),
        }
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        if self.ruled_out(text) {
            return None;
        }
        self.exact().find(text)
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        if self.ruled_out(text) {
            return None;
        }
        self.exact().captures(text)
    }

    /// Every match replaced by `with` (a plain string, no group references).
    pub fn replace_all<'h>(&self, text: &'h str, with: &str) -> Cow<'h, str> {
        if self.ruled_out(text) {
            return Cow::Borrowed(text);
        }
        self.exact().replace_all(text, regex::NoExpand(with))
    }

    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        (!self.ruled_out(text))
            .then(|| self.exact().find_iter(text))
            .into_iter()
            .flatten()
    }

    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        (!self.ruled_out(text))
            .then(|| self.exact().captures_iter(text))
            .into_iter()
            .flatten()
    }
}

/// The screen of `pattern`: every `\b` taken out, every bounded
/// repetition `{m,n}` left unbounded, `{m,}`, which matches more and
/// compiles to a far smaller automaton than `n` copies of a Unicode class,
/// and every `\d` outside a class written `digit` (`\d` itself, or
/// [`WIDE_DIGIT`]). Other escapes and character classes are kept whole.
fn screen_of(pattern: &str, digit: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if !in_class => {}
                Some('d') if !in_class => out.push_str(digit),
                Some(escaped) => {
                    out.push('\\');
                    out.push(escaped);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class = true;
                out.push(c);
                // A `]` first in a class is a literal.
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '{' if !in_class => out.push_str(&unbounded(&mut chars)),
            _ => out.push(c),
        }
    }
    out
}

/// Every Unicode digit and more, for a screen: ASCII digits and the
/// blocks where every other decimal digit lies, but not the Latin letters
/// and marks Vietnamese is written in nor the general punctuation, which
/// it meets at every word. Its few ranges compile to a far smaller
/// automaton than the sixty-odd of `\d`, and case folding, which would
/// walk every character of them, is turned off around it.
const WIDE_DIGIT: &str = r"(?-i:[0-9\x{660}-\x{1DFF}\x{1F00}-\x{1FFF}\x{2070}-\x{10FFFF}])";

/// Reads a repetition after its `{` and gives it back, `{m,n}` as `{m,}`.
fn unbounded(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let mut body = String::new();
    for c in chars.by_ref() {
        if c == '}' {
            break;
        }
        body.push(c);
    }
    match body.split_once(',') {
        Some((min, max)) if !max.is_empty() => format!("{{{min},}}"),
        _ => format!("{{{body}}}"),
    }
}

/// A pattern with Unicode word boundaries whose matches span a few words,
/// for searches that need where it matches, not only whether.
///
/// The screen of the pattern ([`screen_of`]), which matches wherever the
/// pattern does and more, finds where a match may begin at automaton
/// speed; the pattern is then tried anchored there, over no more than the
/// words a match can span, with the text around as its context. The
/// matches are those of an unanchored search, one after another.
pub struct Bounded {
    source: String,
    /// Built when the screen first finds a place to try: the date and
    /// term patterns of a short run may find none.
    exact: OnceLock<meta::Regex>,
    loose: meta::Regex,
    /// The most whitespace-separated pieces a match spans.
    words: usize,
}

impl Bounded {
    pub fn new(pattern: &str, words: usize) -> Bounded {
        Bounded::with_screen(pattern, words, meta::Config::new())
    }

    /// A pattern whose matches begin with common words ("trong", "đến"):
    /// a literal prefilter stops at nearly every one and hands over to
    /// the automaton again, saving nothing over the automaton reading on,
    /// and costs more to build than the rest of the screen.
    pub fn unfiltered(pattern: &str, words: usize) -> Bounded {
        Bounded::with_screen(pattern, words, meta::Config::new().auto_prefilter(false))
    }

    fn with_screen(pattern: &str, words: usize, config: meta::Config) -> Bounded {
        Bounded {
            source: pattern.to_string(),
            exact: OnceLock::new(),
            loose: meta::Builder::new()
                .configure(config)
                .build(&screen_of(pattern, WIDE_DIGIT))
                .expect("pattern compiles"),
            words,
        }
    }

    /// The exact pattern, compiled on first use. It is only tried anchored
    /// over a few words, where the backtracker finds its groups: the lazy
    /// DFA, the reverse automaton it needs and a literal prefilter, which
    /// an anchored search never runs, would be built for nothing.
    fn exact(&self) -> &meta::Regex {
        self.exact.get_or_init(|| {
            meta::Builder::new()
                .configure(meta::Config::new().hybrid(false).auto_prefilter(false))
                .build(&self.source)
                .expect("pattern compiles")
        })
    }

    /// The first match, with its groups, as `Regex::captures` finds it.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Groups<'h>> {
        self.captures_iter(text).next()
    }

    /// Each match, with its groups.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Groups<'h>> + use<'r, 'h> {
        let mut from = 0;
        // Made when first needed and handed out with a match: a candidate
        // the pattern turns down reuses the one before.
        let mut spare: Option<Slots> = None;
        std::iter::from_fn(move || {
            while from <= text.len() {
                let at = self.loose.find(Input::new(text).range(from..))?.start();
                let end = words_end(text, at, self.words);
                let caps = spare.get_or_insert_with(|| self.exact().create_captures());
                let input = Input::new(text).span(at..end).anchored(Anchored::Yes);
                self.exact().search_captures(&input, caps);
                match caps.get_match() {
                    Some(m) => {
                        // Matches hold a character or more.
                        from = m.end().max(at + 1);
                        return spare.take().map(|caps| Groups { text, caps });
                    }
                    None => from = next_char(text, at),
                }
            }
            None
        })
    }

    /// Where each match begins.
    pub fn starts<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = usize> + use<'r, 'h> {
        self.captures_iter(text)
            .filter_map(|c| c.get(0).map(|m| m.start()))
    }
}

/// A match of a [`Bounded`] pattern and its groups, read like a
/// `regex::Captures`.
pub struct Groups<'h> {
    text: &'h str,
    caps: Slots,
}

impl<'h> Groups<'h> {
    /// Group `i` (0: the whole match), when it took part.
    pub fn get(&self, i: usize) -> Option<Piece<'h>> {
        self.caps.get_group(i).map(|s| Piece {
            text: self.text,
            range: s.range(),
        })
    }
}

#[cfg(test)]
impl Groups<'_> {
    /// The ranges of groups `0..n`, to compare with a regex's.
    pub fn ranges(&self, n: usize) -> Vec<Option<Range<usize>>> {
        (0..n).map(|g| self.get(g).map(|m| m.range())).collect()
    }
}

/// The ranges of groups `0..n` of a regex's match.
#[cfg(test)]
pub fn regex_ranges(c: &regex::Captures, n: usize) -> Vec<Option<Range<usize>>> {
    (0..n).map(|g| c.get(g).map(|m| m.range())).collect()
}

impl std::ops::Index<usize> for Groups<'_> {
    type Output = str;

    /// Group `i`'s text; panics when it took no part, as `regex` does.
    fn index(&self, i: usize) -> &str {
        let Some(group) = self.get(i) else {
            panic!("group {i} took no part in the match");
        };
        &self.text[group.range]
    }
}

/// The text one group matched.
#[derive(Debug, Clone)]
pub struct Piece<'h> {
    text: &'h str,
    range: Range<usize>,
}

impl<'h> Piece<'h> {
    pub fn as_str(&self) -> &'h str {
        &self.text[self.range.clone()]
    }
    pub fn start(&self) -> usize {
        self.range.start
    }
    pub fn end(&self) -> usize {
        self.range.end
    }
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

/// The boundary after the character at `at`.
pub fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Where the `words`-th whitespace-separated piece from `at` ends, with
/// the whitespace after it; the text's end when it has fewer.
fn words_end(text: &str, at: usize, words: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text[at..].char_indices() {
        let space = c.is_whitespace();
        if !space && !in_word {
            if seen == words {
                return at + i;
            }
            seen += 1;
        }
        in_word = !space;
    }
    text.len()
}

/// Asserts that each of `patterns` answers whether it matches each of
/// `texts` as a plain regex of its source does, and returns how many texts
/// each matched (so a test can tell its texts reached the patterns). Each
/// regex is compiled once a thread, as property tests ask case after case.
#[cfg(test)]
pub(crate) fn answers_as_regexes<'t>(
    patterns: &[&Pattern],
    texts: impl IntoIterator<Item = &'t str>,
) -> Vec<usize> {
    thread_local! {
        static COMPILED: std::cell::RefCell<std::collections::HashMap<String, regex::Regex>> =
            Default::default();
    }
    let regexes: Vec<regex::Regex> = COMPILED.with_borrow_mut(|compiled| {
        (patterns.iter())
            .map(|p| {
                let source = p.as_str();
                (compiled.entry(source.to_string()))
                    .or_insert_with(|| regex::Regex::new(source).expect("pattern compiles"))
                    .clone()
            })
            .collect()
    });
    let mut matched = vec![0; patterns.len()];
    for text in texts {
        for ((p, r), n) in patterns.iter().zip(&regexes).zip(&mut matched) {
            let expected = r.is_match(text);
            assert_eq!(p.is_match(text), expected, "{:?} on {text:?}", p.as_str());
            *n += usize::from(expected);
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matches of `regex::Regex` for the same pattern, as (start of
    /// the match, start of group 1).
    fn unanchored(pattern: &str, text: &str) -> Vec<(usize, Option<usize>)> {
        regex::Regex::new(pattern)
            .unwrap()
            .captures_iter(text)
            .map(|c| (c.get(0).unwrap().start(), c.get(1).map(|g| g.start())))
            .collect()
    }

    #[test]
    fn bounded_matches_are_the_unanchored_ones() {
        let pattern = r"(?i)\b(?:thông qua|xem xét)\s+(?:các\s+)?((?:Đề án|Kế hoạch)\b)";
        for bounded in [Bounded::new(pattern, 5), Bounded::unfiltered(pattern, 5)] {
            for text in [
                "Hội nghị thông qua Đề án số 5 và xem xét các Kế hoạch.",
                "xthông qua Đề án; thông qua  \n các   Kế hoạch; thông qua Đề ánh",
                "THÔNG QUA KẾ HOẠCH, thông qua, thông qua Kế hoạch",
                "",
            ] {
                let found: Vec<_> = bounded
                    .captures_iter(text)
                    .map(|c| (c.get(0).unwrap().start(), c.get(1).map(|g| g.start())))
                    .collect();
                assert_eq!(found, unanchored(pattern, text), "{text}");
            }
        }
        assert_eq!(words_end("a  b c", 0, 2), 5);
        assert_eq!(words_end("a b", 0, 2), 3);
    }

    #[test]
    fn screens_drop_word_boundaries_and_bounds() {
        assert_eq!(
            screen_of(r"(?i)\bngày\s+(\d{1,2})\b\\b\.[^.;{]{0,60}?\d{4}", r"\d"),
            r"(?i)ngày\s+(\d{1,})\\b\.[^.;{]{0,}?\d{4}"
        );
        assert_eq!(screen_of(r"[]\b]x{2,}", r"\d"), r"[]\b]x{2,}");
    }

    #[test]
    fn wide_digits_match_every_digit() {
        let digit = Regex::new(r"\A\d\z").unwrap();
        let wide = Regex::new(&format!(r"\A{WIDE_DIGIT}\z")).unwrap();
        let folded = Regex::new(&format!(r"(?i)\A{WIDE_DIGIT}\z")).unwrap();
        let mut digits = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut [0; 4]).to_string();
            if digit.is_match(&text) {
                digits += 1;
                assert!(wide.is_match(&text) && folded.is_match(&text), "{c:?}");
            }
        }
        assert!(digits > 600, "{digits}");
        // Vietnamese letters and the punctuation between words stay out.
        for c in "aăâđêôơưÀẠỹĐ“”–…".chars() {
            assert!(!wide.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
        assert_eq!(
            screen_of(r"(?i)\d{1,}[\d.,]\\d\D", WIDE_DIGIT),
            format!(r"(?i){WIDE_DIGIT}{{1,}}[\d.,]\\d\D")
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(2000))]

        /// A pattern that is its own screen answers whether it matches
        /// without its exact regex, as the exact regex would.
        #[test]
        fn whole_screens_answer_as_the_regex(
            words in crate::testing::pieces_joined(&[
                    "phải", "PHẢI", "Cần", "cần", "hoàn", "thành", "Hoàn Thành", "xong",
                    "là", "tập trung", "x", "_", "1", ",", ":", " ", "\u{a0}", "\u{300}",
                    "chậm nhất", "đại", "hội", "ĐẠI HỘI", "²",
                ], 12)
        ) {
            let text = words;
            for (pattern, screened) in [
                r"(?i)(?:^|\W)(?:phải|cần|hoàn thành|xong)(?:\W|$)|\slà\s+(?:tập trung)(?:\W|$)",
                r"(?i)(?:chậm nhất|đại hội|xong)",
                r"(?i)^(?:\S+\s+){1,3}?là\s|^(?:\S+\s+){0,2}?(?:cần|đã)(?:\W|$)",
            ]
            .into_iter()
            .flat_map(|p| [(p, Pattern::new(p)), (p, Pattern::whole(p))])
            // Those of Pattern::new with a bounded repetition are screened
            // by a looser pattern.
            .filter(|(_, screened)| screened.whole)
            {
                proptest::prop_assert_eq!(
                    screened.is_match(&text),
                    Regex::new(pattern).unwrap().is_match(&text)
                );
                proptest::prop_assert!(screened.exact.get().is_none());
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(1000))]

        /// Screens with widened digits find what the exact patterns find,
        /// on texts with digits of other scripts among Vietnamese words.
        #[test]
        fn widened_screens_find_what_the_patterns_find(
            text in crate::testing::pieces_joined(&[
                    "ngày", "Ngày", "tháng", "năm", "đến", "trước", "quý", "lúc", " ", "  ",
                    "/", ".", "-", ",", ":", "h", "1", "2", "12", "2020", "19", "0", "٣", "３",
                    "५", "૭", "đ", "ư", "“", "”", "–", "\u{a0}", "x",
                ], 16)
        ) {
            for pattern in [
                r"(?i)\b(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\b",
                r"(?i)\b(?:trước|đến)\s+(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\b",
                r"(?i)\bquý\s+(IV|I{1,3}|[1-4])\b(?:\s*[/.-]\s*(\d{4})\b)?",
                r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b",
            ] {
                let exact = Regex::new(pattern).unwrap();
                let expected: Vec<_> = exact.captures_iter(&text).map(|c| regex_ranges(&c, 3)).collect();
                let bounded = Bounded::new(pattern, 8);
                let found: Vec<_> = bounded.captures_iter(&text).map(|c| c.ranges(3)).collect();
                proptest::prop_assert_eq!(found, expected.clone());
                let screened = Pattern::new(pattern);
                let found: Vec<_> = screened.captures_iter(&text).map(|c| regex_ranges(&c, 3)).collect();
                proptest::prop_assert_eq!(found, expected);
                proptest::prop_assert_eq!(screened.is_match(&text), exact.is_match(&text));
            }
        }
    }

    #[test]
    fn screened_results_are_the_exact_regex_results() {
        let pattern = r"(?i)\b(?:sáng|chiều|ngày)\s+(\d{1,2})/(\d{1,2})\b";
        let exact = Regex::new(pattern).unwrap();
        let screened = Pattern::new(pattern);
        for text in [
            "Chiều 5/11, Ban Thường vụ họp.",
            "Tháng 5/11 không phải là ngày 3/4 và sángx 1/2.",
            "Không có ngày nào ở đây.",
            "ngày 12/10a, ngày 13/10",
            "",
        ] {
            let all = |it: Vec<Captures>| -> Vec<(usize, usize, String)> {
                it.iter()
                    .map(|c| {
                        (
                            c.get(0).unwrap().start(),
                            c.get(0).unwrap().end(),
                            c[1].to_string(),
                        )
                    })
                    .collect()
            };
            assert_eq!(
                all(screened.captures_iter(text).collect()),
                all(exact.captures_iter(text).collect()),
                "{text}"
            );
            assert_eq!(screened.is_match(text), exact.is_match(text));
            assert_eq!(
                screened.find(text).map(|m| m.range()),
                exact.find(text).map(|m| m.range())
            );
        }
    }
}
