//! Named officials, their positions as written and their part in the meeting.
//!
//! Each sentence is read into a row of elements (names, titles, separators,
//! other words) and titles are given to names by layout:
//! - name first: "đồng chí Ngô Đông Hải, Ủy viên …, Bí thư Tỉnh ủy", also
//!   "Name - T1 - T2" and "Name (T)";
//! - title first: "Chủ tịch UBND tỉnh Trần Tiến Hưng", with earlier titles
//!   chained by dashes ("Ủy viên Trung ương Đảng - Chủ tịch HĐND tỉnh Lê Đình
//!   Sơn");
//! - one title shared by a list after a colon ("Các Phó Chủ tịch UBND tỉnh:
//!   A, B").
//!
//! Titles without a name ("đồng chí Bí thư Tỉnh ủy") are kept as references
//! so later stages can tell who spoke.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::Span;
use super::doc::{Doc, Sentence, clean};
use super::names::{
    honorific_is_family_name, is_name_token, looks_like_name_line, name_run, name_score,
};
use super::titles::{TITLE_STARTS, TitleMatch, parse_title, tokens_text};
use crate::gazetteer::provinces::{self, Province};
use crate::gazetteer::titles::{HONORIFIC_LEXICON, RANK_LEXICON, is_central, title_key};
use crate::gazetteer::{FastMap, FirstWordFlags, FirstWords, PhraseList};
use crate::text::lex_key;
use crate::text::segment::{Token, TokenKind};

/// A person's part in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Chair,
    Presenter,
    Speaker,
    Attendee,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Presenter => "presenter",
            Role::Speaker => "speaker",
            Role::Attendee => "attendee",
        }
    }
}

/// A position as written in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub title: String,
    pub span: Span,
    /// Where the post is held: the province the title names ("Bí thư Tỉnh
    /// ủy Thái Bình"), else the article's province; `None` for central posts
    /// (Politburo, Secretariat, Central Committee boards, National Assembly,
    /// Government), which belong to no province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// A post held before ("nguyên Bí thư Tỉnh ủy"): not held on the
    /// meeting date.
    #[serde(default, skip_serializing_if = "is_false")]
    pub former: bool,
    /// A post conferred in the story ("được bầu giữ chức", "được bổ
    /// nhiệm"): held from the meeting date on, not before it. Kept out of
    /// the plain `positions` list, which says what the person held when the
    /// meeting began.
    #[serde(default, skip_serializing_if = "is_false")]
    pub conferred: bool,
}

impl Default for Position {
    fn default() -> Position {
        Position {
            title: String::new(),
            span: Span::new(0, 0),
            province: None,
            former: false,
            conferred: false,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A named official in one article.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "PersonFactJson")]
pub struct PersonFact {
    pub name: String,
    pub positions: Vec<Position>,
    pub roles: Vec<Role>,
    /// Where the name is written.
    pub spans: Vec<Span>,
}

impl PersonFact {
    /// The titles, as written.
    pub fn titles(&self) -> impl Iterator<Item = &str> {
        self.positions.iter().map(|p| p.title.as_str())
    }
}

/// The JSON form: `positions` as plain strings for scripts, the spans and
/// provinces of each in `position_details`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct PersonFactJson {
    name: String,
    positions: Vec<String>,
    roles: Vec<Role>,
    spans: Vec<Span>,
    #[serde(default)]
    position_details: Vec<Position>,
}

/// [`PersonFactJson`] read from a fact in place: every article's people are
/// written, and a copy of each fact made only to be written costs more
/// than the writing.
#[derive(Serialize)]
struct PersonFactJsonRef<'a> {
    name: &'a str,
    positions: HeldTitles<'a>,
    roles: &'a [Role],
    spans: &'a [Span],
    position_details: &'a [Position],
}

/// The titles of the posts held, not conferred, written as a list.
struct HeldTitles<'a>(&'a [Position]);

impl Serialize for HeldTitles<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .filter(|x| !x.conferred)
                .map(|x| x.title.as_str()),
        )
    }
}

impl Serialize for PersonFact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PersonFactJsonRef {
            name: &self.name,
            positions: HeldTitles(&self.positions),
            roles: &self.roles,
            spans: &self.spans,
            position_details: &self.positions,
        }
        .serialize(s)
    }
}

#[cfg(test)]
impl From<PersonFact> for PersonFactJson {
    fn from(p: PersonFact) -> Self {
        PersonFactJson {
            name: p.name,
            positions: p
                .positions
                .iter()
                .filter(|x| !x.conferred)
                .map(|x| x.title.clone())
                .collect(),
            roles: p.roles,
            spans: p.spans,
            position_details: p.positions,
        }
    }
}

impl From<PersonFactJson> for PersonFact {
    fn from(j: PersonFactJson) -> Self {
        // Details carry everything; plain titles alone get empty spans.
        let held = j.position_details.iter().filter(|p| !p.conferred).count();
        let positions = if held == j.positions.len() {
            j.position_details
        } else {
            j.positions
                .into_iter()
                .map(|title| Position {
                    title,
                    span: Span::new(0, 0),
                    ..Position::default()
                })
                .collect()
        };
        PersonFact {
            name: j.name,
            positions,
            roles: j.roles,
            spans: j.spans,
        }
    }
}

/// One place a person is named, for the stages that need to know who
/// spoke or chaired where.
#[derive(Debug, Clone)]
pub struct Mention {
    pub person: usize,
    pub sentence: usize,
    /// Tokens of the sentence covered by the name and its titles.
    pub tokens: Range<usize>,
    pub name: Span,
}

/// A title written without a name ("đồng chí Bí thư Tỉnh ủy yêu cầu").
#[derive(Debug, Clone)]
pub struct TitleRef {
    pub title: String,
    pub span: Span,
    pub sentence: usize,
    pub tokens: Range<usize>,
}

/// Everything the people reader found.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub people: Vec<PersonFact>,
    pub mentions: Vec<Mention>,
    pub title_refs: Vec<TitleRef>,
    /// For each person, the comparison keys of their titles.
    pub title_keys: Vec<Vec<String>>,
    /// Where each sentence's mentions begin in `mentions`, and after the
    /// last sentence their end: mentions are found sentence by sentence,
    /// so those of one sentence stand together.
    pub mentions_from: Vec<usize>,
    /// The same for `title_refs`.
    pub title_refs_from: Vec<usize>,
}

impl People {
    /// The mentions in sentence `s`.
    pub fn mentions_in(&self, s: usize) -> impl DoubleEndedIterator<Item = &Mention> {
        self.mentions[sentence_part(&self.mentions_from, s)].iter()
    }

    /// The title references in sentence `s`.
    pub fn title_refs_in(&self, s: usize) -> impl DoubleEndedIterator<Item = &TitleRef> {
        self.title_refs[sentence_part(&self.title_refs_from, s)].iter()
    }
}

/// The part of a list, found sentence by sentence, that sentence `s`
/// holds, by where each sentence's part begins (see
/// [`People::mentions_from`]); none for a sentence past the last.
fn sentence_part(from: &[usize], s: usize) -> Range<usize> {
    match (from.get(s), from.get(s + 1)) {
        (Some(&a), Some(&b)) => a..b,
        _ => 0..0,
    }
}

/// Where each of `sentences` sentences' items begin in a list of items in
/// sentence order, their sentences given by `sentence_of`, with the list's
/// end last.
fn parts_by_sentence(sentences: usize, sentence_of: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut from = vec![0; sentences + 1];
    for s in sentence_of {
        from[s + 1] += 1;
    }
    for s in 0..sentences {
        from[s + 1] += from[s];
    }
    from
}

impl People {
    /// The one person holding a post with this title, if exactly one does.
    pub fn holder_of(&self, title: &str) -> Option<usize> {
        let key = title_key(title);
        let mut found = self
            .title_keys
            .iter()
            .enumerate()
            .filter(|(_, keys)| keys.contains(&key));
        let first = found.next()?;
        found.next().is_none().then_some(first.0)
    }

    pub fn add_role(&mut self, person: usize, role: Role) {
        let roles = &mut self.people[person].roles;
        if !roles.contains(&role) {
            roles.push(role);
            roles.retain(|r| *r != Role::Attendee);
            roles.sort();
        }
    }
}

#[derive(Debug, Clone)]
enum Elem {
    /// A name; `title` is set when a title stands right before it.
    Name {
        name: Range<usize>,
        title: Option<TitleMatch>,
        /// Introduced by "đồng chí", a rank, or a title.
        introduced: bool,
    },
    /// A title with no name after it; `shared` when it heads a list.
    Title {
        title: TitleMatch,
        shared: bool,
    },
    Sep(char),
    Other,
}

/// Verbs after a person that say what they did.
static CHAIR_VERBS: LazyLock<PhraseList> =
    LazyLock::new(|| PhraseList::new(&["chủ trì", "đồng chủ trì"]));
static PRESENTER_VERBS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "trình bày",
        "báo cáo",
        "thông qua",
        "giới thiệu",
        "công bố",
        "đọc",
    ])
});
static SPEAKER_VERBS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "phát biểu",
        "nhấn mạnh",
        "kết luận",
        "yêu cầu",
        "đề nghị",
        "khẳng định",
        "cho rằng",
        "lưu ý",
        "chỉ đạo",
        "cho biết",
        "nêu rõ",
        "đánh giá",
        "ghi nhận",
        "chia sẻ",
        "biểu dương",
        "quán triệt",
        "thông tin",
        "phân tích",
        "đề xuất",
        "kiến nghị",
        "giao",
        "chúc mừng",
        "tiếp thu",
        "nêu",
    ])
});
/// Words between a name and the title it is given: "A được bầu giữ chức
/// Chủ nhiệm UBKT", "Ông B giữ chức Bí thư Tỉnh ủy".
static APPOINTED: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "được bầu giữ chức vụ",
        "được bầu giữ chức",
        "được bầu làm",
        "được bầu",
        "giữ chức vụ",
        "giữ chức",
        "được bổ nhiệm giữ chức",
        "được bổ nhiệm làm",
        "được bổ nhiệm",
        "được chỉ định giữ chức",
        "được chỉ định làm",
        "được chỉ định",
        "được phân công giữ chức",
        "được điều động giữ chức",
        "được phân công làm",
        "phân công làm",
        "được điều động làm",
        "được cử làm",
        "tái đắc cử",
        "đắc cử",
        "trúng cử",
    ])
});
/// Words that take a post away ("thôi giữ chức"): the title after them is
/// neither held on from now nor given.
static RELIEVED: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "thôi giữ chức vụ",
        "thôi giữ chức",
        "thôi làm",
        "thôi tham gia",
    ])
});
/// Sentence openers that make the first person named the speaker.
static SPEECH_OPENERS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "phát biểu",
        "kết luận",
        "phát biểu kết luận",
        "phát biểu chỉ đạo",
        "trình bày",
    ])
});
/// Words that may stand between a person and the verb.
const VERB_FILLERS: &[&str] = &[
    "đã", "cũng", "còn", "thì", "đồng", "thời", "tiếp", "tục", "dự", "và", "cùng",
];

/// Nouns for writings and instructions: people named as their authors are
/// cited, not present ("thực hiện Chỉ thị của Tổng Bí thư …").
static CITED_WORK: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "chỉ thị",
        "kết luận",
        "nghị quyết",
        "quyết định",
        "thông báo",
        "tư tưởng",
        "lời dạy",
        "tấm gương",
        "di chúc",
        "bài viết",
        "tác phẩm",
        "cuốn sách",
        "thư",
        "quy định",
        "bài phát biểu",
    ])
});

/// Reads the people of an article.
pub fn extract(doc: &Doc) -> People {
    let mut out = People::default();
    let mut index = NameIndex::default();
    let story = meeting_story(doc);
    let background = background_paragraphs(doc);
    // One buffer of elements for all sentences: a sentence's row is a few
    // kilobytes, allocated anew it would cost more than most rows' reading.
    let mut elems: Vec<(Range<usize>, Elem)> = Vec::new();
    // Which elements someone took, likewise one buffer for all sentences.
    let mut claimed: Vec<bool> = Vec::new();
    for (si, sentence) in doc.sentences().enumerate() {
        if !story.contains(&sentence.start) {
            continue;
        }
        let toks = sentence.tokens;
        let (names, titles) = elements_into(toks, &mut elems);
        // Titles are given only to names: a sentence naming no one claims
        // none, and what it says of people need not be read.
        if names {
            let persons = associate_into(toks, &elems, &mut claimed);
            let ctx = SentenceCtx {
                doc,
                sentence,
                si,
                background: &background,
            };
            record_all(&mut out, &mut index, &ctx, persons);
        } else {
            claimed.clear();
        }
        if titles {
            collect_title_refs(&mut out, doc, si, toks, &elems, &claimed);
        }
    }
    finish(&mut out, doc);
    out
}

/// Whether the elements hold a name, and a title.
fn kinds(elems: &[(Range<usize>, Elem)]) -> (bool, bool) {
    let (mut names, mut titles) = (false, false);
    for (_, e) in elems {
        match e {
            Elem::Name { .. } => names = true,
            Elem::Title { .. } => titles = true,
            _ => {}
        }
    }
    (names, titles)
}

/// A sentence being read, with what it needs from the article.
struct SentenceCtx<'c, 't> {
    doc: &'c Doc<'t>,
    sentence: &'c Sentence<'t>,
    si: usize,
    background: &'c [Range<usize>],
}

/// Records the people found in a sentence that were at the meeting, with
/// the province of the delegation it lists.
fn record_all<'t>(
    out: &mut People,
    index: &mut NameIndex<'t>,
    ctx: &SentenceCtx<'_, 't>,
    persons: Vec<Found>,
) {
    if persons.is_empty() {
        return;
    }
    let (doc, sentence) = (ctx.doc, ctx.sentence);
    let toks = sentence.tokens;
    let elsewhere = ctx.background.iter().any(|r| r.contains(&sentence.start))
        || portrait_caption(doc, sentence);
    let absent_from = if elsewhere { 0 } else { absent_from(toks) };
    let delegation = delegation_of(toks);
    // Read once for all the people of the sentence.
    let said = SaidOfAll::read(toks);
    for found in persons {
        if found.tokens.start >= absent_from || not_present(doc, toks, &found, &said) {
            continue;
        }
        let pi = record(out, index, doc, sentence, ctx.si, found);
        if let Some(d) = delegation {
            let new = out.people[pi].positions.iter_mut().rev();
            for pos in new.take_while(|p| p.span.start >= sentence.start) {
                if pos.province.is_none() && !is_central(&pos.title) {
                    pos.province = Some(d.name.to_string());
                }
            }
        }
    }
}

/// Adds one person found in sentence `si` to the people, merging with an
/// earlier mention of the same name.
fn record<'t>(
    out: &mut People,
    index: &mut NameIndex<'t>,
    doc: &Doc<'t>,
    sentence: &Sentence,
    si: usize,
    found: Found,
) -> usize {
    let toks = sentence.tokens;
    let name_span = Span::new(toks[found.name.start].start, toks[found.name.end - 1].end);
    let pi = person_index(out, index, doc.text, &toks[found.name.clone()]);
    let person = &mut out.people[pi];
    person.spans.push(name_span);
    for g in &found.titles {
        let conferred = g.conferred || newly_given(toks, g.title.tokens.start);
        person
            .positions
            .push(position(&g.title, conferred, toks, doc.text));
    }
    let role =
        role_after(toks, found.tokens.end).or_else(|| role_before(sentence, found.tokens.start));
    if let Some(role) = role {
        out.add_role(pi, role);
    }
    out.mentions.push(Mention {
        person: pi,
        sentence: si,
        tokens: found.tokens.clone(),
        name: name_span,
    });
    pi
}

/// The person named by the tokens `name` of `text`, added when new. Names
/// are merged by their comparison key; a spelling seen before is looked up
/// as written, without making its key again.
fn person_index<'t>(
    out: &mut People,
    index: &mut NameIndex<'t>,
    text: &'t str,
    name: &[Token],
) -> usize {
    let written = &text[name[0].start..name[name.len() - 1].end];
    if let Some(&pi) = index.as_written.get(written) {
        return pi;
    }
    let key = name_key(text, name);
    let name = tokens_text(text, name);
    let pi = *index.by_key.entry(key).or_insert_with(|| {
        out.people.push(PersonFact {
            name,
            positions: Vec::new(),
            roles: vec![Role::Attendee],
            spans: Vec::new(),
        });
        out.people.len() - 1
    });
    index.as_written.insert(written, pi);
    pi
}

/// The comparison key of a name: the [`lex_key`] of its text. Each word
/// of a name written with single spaces is one token, whose key the
/// tokenizer made already: the keys are joined, not made again. (They are
/// the words' lex keys for syllables, which bear one tone mark at most.)
fn name_key(text: &str, name: &[Token]) -> String {
    let spaced = name.iter().all(|t| t.kind == TokenKind::Word)
        && name.windows(2).all(|w| {
            w[1].start == w[0].end + 1 && text.as_bytes()[w[0].end] == b' ' && w[1].space_before
        });
    if !spaced {
        return lex_key(&text[name[0].start..name[name.len() - 1].end]);
    }
    let mut key = String::with_capacity(name.iter().map(|t| t.key.len() + 1).sum());
    for (k, t) in name.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(&t.key);
    }
    key
}

/// The people of an article by their names' comparison keys, and by the
/// names as written.
#[derive(Default)]
struct NameIndex<'t> {
    by_key: FastMap<String, usize>,
    as_written: FastMap<&'t str, usize>,
}

/// Whether the title at `toks[i]` is called new ("tân Bí thư Tỉnh ủy A"):
/// taken up at the meeting, not held before it.
fn newly_given(toks: &[Token], i: usize) -> bool {
    i > 0 && toks[i - 1].is("tân")
}

/// The province whose delegation a sentence lists: "Về phía tỉnh Bình
/// Định có các đồng chí: …". Their provincial posts are held there.
fn delegation_of(toks: &[Token]) -> Option<&'static Province> {
    if !(toks.first()?.is("về") && toks.get(1)?.is("phía")) {
        return None;
    }
    let mut k = 2;
    if toks
        .get(k)
        .is_some_and(|t| t.is("tỉnh") || t.is("thành") || t.is("tp"))
    {
        k += if toks.get(k + 1).is_some_and(|t| t.is("phố")) {
            2
        } else {
            1
        };
    }
    provinces::at_tokens(toks, k).map(|(p, _)| p)
}

/// A title as a position: its text, span, the province it names, and
/// whether it is former or conferred.
fn position(t: &TitleMatch, conferred: bool, toks: &[Token], text: &str) -> Position {
    let span = t.span(toks);
    Position {
        title: t.text(toks, text),
        span: Span::new(span.start, span.end),
        province: t.province.map(|p| p.name.to_string()),
        former: toks[t.tokens.start].is("nguyên"),
        conferred,
    }
}

/// Titles no person took are kept as references to whoever holds them.
fn collect_title_refs(
    out: &mut People,
    doc: &Doc,
    si: usize,
    toks: &[Token],
    elems: &[(Range<usize>, Elem)],
    claimed: &[bool],
) {
    // `claimed` is empty when the sentence names no one: nothing is claimed.
    for (k, e) in elems.iter().enumerate() {
        if claimed.get(k) == Some(&true) {
            continue;
        }
        if let (_, Elem::Title { title, .. }) = e {
            let span = title.span(toks);
            out.title_refs.push(TitleRef {
                title: title.text(toks, doc.text),
                span: Span::new(span.start, span.end),
                sentence: si,
                tokens: title.tokens.clone(),
            });
        }
    }
}

/// Positions deduplicated, title keys and the per-sentence index.
fn finish(out: &mut People, doc: &Doc) {
    out.title_keys = out
        .people
        .iter_mut()
        .map(|p| dedup_positions(&mut p.positions))
        .collect();
    let sentences = doc.sentences().count();
    debug_assert!(out.mentions.is_sorted_by_key(|m| m.sentence));
    debug_assert!(out.title_refs.is_sorted_by_key(|r| r.sentence));
    out.mentions_from = parts_by_sentence(sentences, out.mentions.iter().map(|m| m.sentence));
    out.title_refs_from = parts_by_sentence(sentences, out.title_refs.iter().map(|r| r.sentence));
}

/// Whether a person found is named only as the author of a cited work,
/// as replaced, or in a credit, and so was not at the meeting.
fn not_present(doc: &Doc, toks: &[Token], found: &Found, said: &SaidOfAll) -> bool {
    let name_start = toks[found.name.start].start;
    said.cites_work
        || is_cited(toks, found.tokens.start)
        || (said.congratulates && sent_greetings(toks, found.tokens.start))
        || credited(doc.text, toks[0].start, name_start)
}

/// What a sentence says of everyone it names: that it cites a writing
/// ("bài viết", "tác phẩm", "di chúc"), or congratulates ("chúc mừng").
struct SaidOfAll {
    cites_work: bool,
    congratulates: bool,
}

impl SaidOfAll {
    /// One pass over the sentence's word pairs.
    fn read(toks: &[Token]) -> SaidOfAll {
        let mut said = SaidOfAll {
            cites_work: false,
            congratulates: false,
        };
        for w in toks.windows(2) {
            match (w[0].key.as_ref(), w[1].key.as_ref()) {
                ("bài", "viết") | ("tác", "phẩm") | ("di", "chúc") => said.cites_work = true,
                ("chúc", "mừng") => said.congratulates = true,
                _ => {}
            }
        }
        said
    }
}

/// Whether the name at `i` of a sentence that congratulates sent flowers,
/// a letter or a telegram ("X gửi lẵng hoa chúc mừng"): sent in place of
/// coming.
fn sent_greetings(toks: &[Token], i: usize) -> bool {
    toks.windows(2).skip(i).any(|w| {
        w[0].is("gửi")
            && ["lẵng", "hoa", "thư", "điện", "lời"]
                .iter()
                .any(|g| w[1].is(g))
    })
}

/// The token from which the people a sentence names were not at the
/// meeting: all of it when it tells of an earlier day ("Trước đó, ngày
/// 18.12, ông A ký …"), the list after the colon when it is a roster to come
/// ("Thường trực Tỉnh ủy sẽ gồm: A, B"). `usize::MAX` when none.
fn absent_from(toks: &[Token]) -> usize {
    let opens_earlier = toks.len() > 3
        && toks[0].is("trước")
        && toks[1].is("đó")
        && toks
            .windows(2)
            .take(8)
            .any(|w| w[0].is("ngày") && w[1].kind == TokenKind::Number);
    if opens_earlier {
        return 0;
    }
    let colon = toks.iter().position(|t| t.is_punct(':'));
    if let Some(c) = colon
        && toks[..c].iter().any(|t| t.is("sẽ"))
        && toks[..c].iter().any(|t| t.is("gồm"))
    {
        return c;
    }
    usize::MAX
}

/// Paragraphs telling what happened before the meeting: opening "Trước
/// đó," and never naming a meeting. Their people were elsewhere.
fn background_paragraphs(doc: &Doc) -> Vec<Range<usize>> {
    doc.paragraphs
        .iter()
        .filter(|p| {
            let opens = doc.sentences_of(p).first().is_some_and(|s| {
                let t = s.tokens;
                t.len() > 3 && t[0].is("trước") && t[1].is("đó") && t[2].is_punct(',')
            });
            opens
                && !doc
                    .sentences_of(p)
                    .iter()
                    .any(|s| MEETING_NOUNS.find(s.tokens, s.tokens.len()).is_some())
        })
        .map(|p| p.start..p.end)
        .collect()
}

/// Nouns for a meeting, which a background paragraph does not name and a
/// caption of the meeting does.
pub(super) static MEETING_NOUNS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "hội nghị",
        "đại hội",
        "kỳ họp",
        "cuộc họp",
        "buổi làm việc",
        "phiên",
    ])
});

/// A portrait's caption: only a name, then the photo credit ("Ông A. Ảnh:
/// …"). It shows who someone is, not that they came.
fn portrait_caption(doc: &Doc, sentence: &Sentence) -> bool {
    let toks = sentence.tokens;
    let words = toks
        .iter()
        .rposition(|t| t.kind != TokenKind::Punct)
        .map_or(0, |k| k + 1);
    let after = doc.text[sentence.end..].trim_start();
    words > 0 && after.starts_with("Ảnh") && looks_like_name_line(&toks[..words])
}

/// The part of the page that tells the meeting's story: on a page of
/// teasers, the teaser of a meeting; else from the start to where a second
/// story begins.
fn meeting_story(doc: &Doc) -> Range<usize> {
    teaser_story(doc).unwrap_or(0..first_story_end(doc))
}

/// A listing page strings teasers together, each a short paragraph opening
/// with its own dateline ("Chiều 5/4, …"). On such a page (three teasers or
/// more) the meeting's story is the first teaser that tells of a meeting,
/// else of a working session; the people of the others were elsewhere.
fn teaser_story(doc: &Doc) -> Option<Range<usize>> {
    const SHORT: usize = 900;
    let paras = &doc.paragraphs;
    let leads: Vec<usize> = (0..paras.len())
        .filter(|&i| opens_with_dateline(doc, &paras[i]))
        .collect();
    if leads.len() < 3 || leads.iter().any(|&i| paras[i].end - paras[i].start > SHORT) {
        return None;
    }
    let stories: Vec<Range<usize>> = leads
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = leads.get(k + 1).map_or(doc.text.len(), |&n| paras[n].start);
            paras[i].start..end
        })
        .collect();
    let tells = |cues: &[&str]| {
        stories
            .iter()
            .find(|r| {
                let folded = crate::text::fold::lex_key(&doc.text[(*r).clone()]);
                cues.iter().any(|c| folded.contains(c))
            })
            .cloned()
    };
    tells(&["hội nghị", "đại hội", " họp "]).or_else(|| tells(&["làm việc"]))
}

/// Where the meeting's story ends on a page holding several: a listing or
/// tag page gives each story its lead and then a byline alone on its line.
/// After such a byline a new dated lead starts another story, whose people
/// were at another event. The end of the text when the page has one story.
fn first_story_end(doc: &Doc) -> usize {
    let paras = &doc.paragraphs;
    for w in paras.windows(3) {
        let (before, byline, next) = (&w[0], &w[1], &w[2]);
        let long_before = before.end - before.start > 200;
        // The cheap checks first: most paragraphs are no byline.
        if long_before
            && opens_with_dateline(doc, next)
            && super::bylines::is_byline_line(
                doc.text,
                doc.page.lower(),
                Span::new(byline.start, byline.end),
            )
        {
            return next.start;
        }
    }
    usize::MAX
}

/// Whether a paragraph opens like a news lead: "Sáng 28.11,", "Ngày 5/3,".
fn opens_with_dateline(doc: &Doc, p: &super::doc::Paragraph) -> bool {
    let Some(s) = doc.sentences_of(p).first() else {
        return false;
    };
    let t = s.tokens;
    let mut k = 0;
    if t.first().is_some_and(|w| {
        matches!(
            w.key.as_ref(),
            "sáng" | "chiều" | "tối" | "trưa" | "ngày" | "hôm"
        )
    }) {
        k = 1;
        if t.get(1).is_some_and(|w| w.is("nay") || w.is("ngày")) {
            k = 2;
        }
    }
    k > 0 && t.get(k).is_some_and(|w| w.kind == TokenKind::Number)
}

/// Gives every position its province once the article's own (the host's)
/// is known. A title naming another province keeps that name as written
/// ("Trưởng đoàn ĐBQH tỉnh Thái Nguyên" in a story from elsewhere), since
/// without it the post reads as the host's; the host's own name may stay
/// dropped. A title naming no province is held where the person's other
/// posts say they serve (a visitor's province), else in the host province,
/// unless it is central: central posts have none.
///
/// `lower` is the text's ASCII lower case, which lends the words read
/// after a title their keys.
pub fn place_positions(
    people: &mut [PersonFact],
    text: &str,
    lower: &str,
    host: Option<&Province>,
) {
    for person in people.iter_mut() {
        let foreign = |pos: &Position| {
            pos.province
                .clone()
                .filter(|named| host.is_none_or(|h| h.name != named))
        };
        let visiting = person
            .positions
            .iter()
            .filter(|p| !p.former)
            .find_map(foreign);
        for pos in &mut person.positions {
            if foreign(pos).is_some() {
                if let Some(named) = pos.province.as_deref()
                    && let Some(end) = place_end(text, lower, pos.span.end, named)
                {
                    pos.span = Span::new(pos.span.start, end);
                }
                // The title as written, the place (and any term) included.
                pos.title = clean(&text[pos.span.range()]);
            } else if pos.province.is_none() && !is_central(&pos.title) {
                pos.province = visiting
                    .clone()
                    .or_else(|| host.map(|h| h.name.to_string()));
            }
        }
    }
}

/// Where the province `name` written right after a title ends: after an
/// optional level word ("tỉnh", "TP") within a few words of `from`.
fn place_end(text: &str, lower: &str, from: usize, name: &str) -> Option<usize> {
    let mut to = (from + 80).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let toks = crate::text::segment::tokenize_keyed(text, lower, from..to);
    (0..toks.len().min(3)).find_map(|k| {
        provinces::at_tokens(&toks, k)
            .filter(|(p, _)| p.name == name)
            .map(|(_, n)| toks[k + n - 1].end)
    })
}

/// A person found in a sentence.
struct Found {
    name: Range<usize>,
    titles: Vec<Given>,
    /// Tokens covered by the name and its titles.
    tokens: Range<usize>,
}

/// A sentence read into elements, with whether any of them is a name and
/// whether any is a title, noted as they are read.
#[cfg(test)]
struct Row {
    elems: Vec<(Range<usize>, Elem)>,
    names: bool,
    titles: bool,
}

/// Reads a sentence into elements.
#[cfg(test)]
fn elements(toks: &[Token]) -> Row {
    let mut elems = Vec::new();
    let (names, titles) = elements_into(toks, &mut elems);
    Row {
        elems,
        names,
        titles,
    }
}

/// Reads a sentence into elements, in place of what `out` held. Returns
/// whether any of them is a name, and whether any is a title.
fn elements_into(toks: &[Token], out: &mut Vec<(Range<usize>, Elem)>) -> (bool, bool) {
    out.clear();
    // At most one element a token: one allocation at most for the sentence.
    out.reserve(toks.len());
    let (mut names, mut titles) = (false, false);
    // Found once, not at every token.
    let element_starts: &FirstWordFlags = &ELEMENT_STARTS;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let starts = element_starts.of(t);
        let punct = t.kind == TokenKind::Punct;
        if starts == 0 && !punct && !is_name_token(t) {
            // A plain word, as most tokens are.
            push_element(out, i..i + 1, Elem::Other);
            i += 1;
            continue;
        }
        // "các đồng chí Ủy viên Ban Thường vụ": a nameless group, or the
        // titles heading a list after a colon.
        if starts & GROUP != 0 && (t.is("các") || t.is("những")) {
            let from = out.len();
            i = group_titles(toks, i, out);
            titles |= kinds(&out[from..]).1;
            continue;
        }
        let (range, elem) = element_at(toks, i, starts, punct);
        let range = match &elem {
            Elem::Name { name, .. } => {
                names = true;
                range.start..aside_end(toks, name, range.end)
            }
            Elem::Title { .. } => {
                titles = true;
                range
            }
            _ => range,
        };
        i = range.end.max(i + 1);
        push_element(out, range, elem);
    }
    (names, titles)
}

/// Adds an element to a row; other words right after other words widen
/// that element instead. The row is read only for which kind of element
/// stands next to which, and a run of other words stands as one does:
/// most tokens are plain words, and one element a run is fewer to write.
fn push_element(out: &mut Vec<(Range<usize>, Elem)>, range: Range<usize>, elem: Elem) {
    if let (Elem::Other, Some((last, Elem::Other))) = (&elem, out.last_mut()) {
        last.end = range.end;
    } else {
        out.push((range, elem));
    }
}

/// The element at `toks[i]`, trying only the readers whose first words
/// `starts` may hold.
fn element_at(toks: &[Token], i: usize, starts: u8, punct: bool) -> (Range<usize>, Elem) {
    let introduced = || (starts & INTRODUCER != 0).then(|| introduced_at(toks, i))?;
    let titled = || (starts & TITLE != 0).then(|| titled_at(toks, i, i, true))?;
    let separator = || (punct || starts & SEPARATOR != 0).then(|| separator_at(toks, i))?;
    introduced()
        .or_else(titled)
        .or_else(separator)
        .or_else(|| bare_name_at(toks, i))
        .unwrap_or((i..i + 1, Elem::Other))
}

/// Flags of [`ELEMENT_STARTS`]: which readers may match at a token.
const INTRODUCER: u8 = 1;
const TITLE: u8 = 2;
const SEPARATOR: u8 = 4;
const GROUP: u8 = 8;

/// First words of every element but a bare name, by the reader that takes
/// them: honorifics and ranks, titles, separator words and group words.
/// One read per token tells which readers to try; a token with none that
/// cannot be part of a name is a plain word.
static ELEMENT_STARTS: LazyLock<FirstWordFlags> = LazyLock::new(|| {
    let mut introducers = FirstWords::default();
    introducers.insert_lexicon(&HONORIFIC_LEXICON);
    introducers.insert_lexicon(&RANK_LEXICON);
    let mut separators = RELIEVED.firsts();
    separators.insert_all(&APPOINTED.firsts());
    separators.insert_words(&["là", "và", "hiện", "đang"]);
    let mut groups = FirstWords::default();
    groups.insert_words(&["các", "những"]);
    let mut flags = FirstWordFlags::default();
    flags.add(&introducers, INTRODUCER);
    flags.add(&TITLE_STARTS.first_words(), TITLE);
    flags.add(&separators, SEPARATOR);
    flags.add(&groups, GROUP);
    flags
});

/// Where an aside written right after a name ends, so the titles after it
/// still reach the name: a caption's place note or a birth year in
/// parentheses ("A (bên phải), Bí thư", "A (sinh năm 1968), Trưởng ban"),
/// an age, birth date or ethnicity between commas ("A, 50 tuổi, Phó Bí
/// thư"), the name written twice ("A A, Phó Bí thư"). `at` when none.
fn aside_end(toks: &[Token], name: &Range<usize>, at: usize) -> usize {
    let len = name.len();
    let again = toks.get(at..at + len).is_some_and(|w| {
        w.iter()
            .zip(&toks[name.clone()])
            .all(|(a, b)| a.key == b.key)
    });
    if again {
        return at + len;
    }
    let Some(open) = toks.get(at) else { return at };
    if open.is_punct('(') {
        let inner = toks[at + 1..].iter().take(6).position(|t| t.is_punct(')'));
        let plain = |t: &Token| {
            t.kind == TokenKind::Number || (t.kind == TokenKind::Word && !t.is_capitalized())
        };
        return match inner {
            Some(n) if n > 0 && toks[at + 1..at + 1 + n].iter().all(plain) => at + n + 2,
            _ => at,
        };
    }
    // Asides between commas may follow one another ("A, sinh năm 1968,
    // dân tộc Dao, Phó Bí thư").
    let mut end = at;
    while let Some(next) = comma_aside_end(toks, end) {
        end = next;
    }
    end
}

/// Where an aside between commas that opens at `toks[at]` ends (at its
/// closing comma): an age ("50 tuổi"), a birth date ("sinh năm 1968",
/// "sinh ngày 2/9/1970") or an ethnicity ("dân tộc Dao"). None when no
/// such aside opens there.
fn comma_aside_end(toks: &[Token], at: usize) -> Option<usize> {
    if !toks.get(at)?.is_punct(',') {
        return None;
    }
    let first = toks.get(at + 1)?;
    let (from, words): (usize, fn(&Token) -> bool) =
        if first.kind == TokenKind::Number && toks.get(at + 2)?.is("tuổi") {
            (at + 3, |_| false)
        } else if first.is("sinh") {
            // Numbers and the small words of a date ("năm", "ngày", "tháng").
            (at + 2, |t| match t.kind {
                TokenKind::Word => !t.is_capitalized(),
                TokenKind::Number => true,
                _ => t.is_punct('/') || t.is_punct('-'),
            })
        } else if first.is("dân") && toks.get(at + 2)?.is("tộc") {
            // The people's name: one or two capitalized words ("Dao", "Sán Dìu").
            (at + 3, |t| t.kind == TokenKind::Word && t.is_capitalized())
        } else {
            return None;
        };
    let close = from + toks[from..].iter().take(8).take_while(|t| words(t)).count();
    toks.get(close)?.is_punct(',').then_some(close)
}

/// A person or title introduced by "đồng chí", "ông", "bà" or a rank before
/// a capital ("có đồng chí là Nguyễn Thị Hoàng, …" included).
fn introduced_at(toks: &[Token], i: usize) -> Option<(Range<usize>, Elem)> {
    // "Ông Xuân Quang": a family name, read as the name's first word.
    if honorific_is_family_name(toks, i) {
        return None;
    }
    let (_, mut n) = HONORIFIC_LEXICON
        .longest(toks, i)
        .or_else(|| RANK_LEXICON.longest(toks, i))?;
    if toks.get(i + n).is_some_and(|t| t.is("là")) {
        n += 1;
    }
    // "ông"/"bà" are honorifics only before a capital.
    if !toks.get(i + n).is_some_and(|t| t.is_capitalized()) {
        return None;
    }
    let mut j = i + n;
    while let Some((_, m)) = RANK_LEXICON.longest(toks, j) {
        j += m;
    }
    if let Some(found) = titled_at(toks, i, j, false) {
        return Some(found);
    }
    match best_name(toks, j, true) {
        Some(len) => Some((
            i..j + len,
            Elem::Name {
                name: j..j + len,
                title: None,
                introduced: true,
            },
        )),
        None => Some((i..j, Elem::Other)),
    }
}

/// A title at `toks[j]` (its element starting at `from`): with the name
/// after it, a name; alone, a title, shared by a list when a colon follows
/// and `may_share`.
fn titled_at(
    toks: &[Token],
    from: usize,
    j: usize,
    may_share: bool,
) -> Option<(Range<usize>, Elem)> {
    let tm = parse_title(toks, j)?;
    Some(match tm.name.clone() {
        Some(name) => (
            from..name.end,
            Elem::Name {
                name,
                title: Some(tm),
                introduced: true,
            },
        ),
        None => {
            let colon = list_colon(toks, tm.end).filter(|_| may_share);
            let end = colon.unwrap_or(tm.end).max(j + 1);
            let shared = colon.is_some();
            (from..end, Elem::Title { title: tm, shared })
        }
    })
}

/// Where the colon of a list headed by a title ending before `at` is: right
/// there, or after words that introduce the people ("3 Phó Chủ tịch UBND
/// tỉnh là các ông: A, B và C", "… gồm các đồng chí: A, B").
fn list_colon(toks: &[Token], at: usize) -> Option<usize> {
    let mut k = at;
    if toks.get(k).is_some_and(|t| t.is("là") || t.is("gồm")) {
        k += 1;
        if toks.get(k).is_some_and(|t| t.is("các")) {
            k += 1;
        }
        match toks.get(k).map(|t| t.key.as_ref()) {
            Some("ông" | "bà") => k += 1,
            Some("đồng") if toks.get(k + 1).is_some_and(|t| t.is("chí")) => k += 2,
            _ => {}
        }
    }
    toks.get(k).is_some_and(|t| t.is_punct(':')).then_some(k)
}

/// Punctuation, and the words that stand between a name and its titles or
/// between persons: "là", "và", words conferring a post (`=`), words taking
/// one away (other words).
fn separator_at(toks: &[Token], i: usize) -> Option<(Range<usize>, Elem)> {
    let t = &toks[i];
    if t.kind == TokenKind::Punct {
        let c = t.text.chars().next().unwrap_or(' ');
        // ", hiện là": the title after it is the name's, as after "là".
        if c == ','
            && let Some(n) = now_is_at(toks, i + 1)
        {
            return Some((i..i + 1 + n, Elem::Sep('l')));
        }
        let elem = match c {
            ',' | ';' | ':' | '(' | ')' => Elem::Sep(c),
            '-' | '–' | '—' => Elem::Sep('-'),
            _ => Elem::Other,
        };
        return Some((i..i + 1, elem));
    }
    if let Some(n) = RELIEVED.at(toks, i) {
        return Some((i..i + n, Elem::Other));
    }
    if t.is("là") {
        return Some((i..i + 1, Elem::Sep('l')));
    }
    if let Some(n) = now_is_at(toks, i) {
        return Some((i..i + n, Elem::Sep('l')));
    }
    if let Some(n) = APPOINTED.at(toks, i) {
        let sep = if holds_now(toks, i) { 'l' } else { '=' };
        return Some((i..i + n, Elem::Sep(sep)));
    }
    t.is("và").then(|| (i..i + 1, Elem::Sep('&')))
}

/// The length of "hiện là", "đang là", "hiện đang là", "hiện nay là" at
/// `toks[i]`: "là" said of now, a post held at the time ("ông A hiện đang
/// là Phó Chủ tịch"), unlike "từng là" or "sẽ là".
fn now_is_at(toks: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    if toks.get(j).is_some_and(|t| t.is("hiện")) {
        j += 1;
        j += usize::from(toks.get(j).is_some_and(|t| t.is("nay")));
    }
    j += usize::from(toks.get(j).is_some_and(|t| t.is("đang")));
    (j > i && toks.get(j).is_some_and(|t| t.is("là"))).then_some(j + 1 - i)
}

/// Whether "giữ chức" at `toks[i]` tells a post held now ("A hiện đang
/// giữ chức …", or a sentence opening "Hiện ông A giữ chức …"), not one
/// conferred ("chỉ định ông A, hiện là …, giữ chức …").
fn holds_now(toks: &[Token], i: usize) -> bool {
    let now = |t: &Token| t.is("hiện") || t.is("đang");
    toks[i].is("giữ") && (i > 0 && now(&toks[i - 1]) || toks.first().is_some_and(|t| t.is("hiện")))
}

/// A name with nothing introducing it, where a name may begin.
fn bare_name_at(toks: &[Token], i: usize) -> Option<(Range<usize>, Elem)> {
    if !is_name_token(&toks[i]) || !name_may_start(toks, i) || in_place_list(toks, i) {
        return None;
    }
    let len = best_name(toks, i, false)?;
    Some((
        i..i + len,
        Elem::Name {
            name: i..i + len,
            title: None,
            introduced: false,
        },
    ))
}

/// Whether `toks[i]` goes on a list headed by a kind of place ("các xã An
/// Bình, Hòa Phú và Tân Lập", "phường Bắc Sơn, Nam Sơn"): its capitalised
/// words are place names, however much they look like a person's.
fn in_place_list(toks: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        let p = &toks[j - 1];
        if p.is_punct(',') || p.is("và") || is_name_token(p) {
            j -= 1;
        } else {
            return j < i && PLACE_KINDS.contains(&p.key.as_ref());
        }
    }
    false
}

/// Words for a kind of place that a list of place names follows.
const PLACE_KINDS: &[&str] = &["xã", "phường", "huyện", "quận", "trấn", "thị xã"];

/// Reads "các [đồng chí] T1, T2:" at `toks[i]`: titles ending in a colon
/// head the list after it and are pushed as shared; otherwise the group
/// names no one and is other words. Returns where reading goes on.
fn group_titles(toks: &[Token], i: usize, out: &mut Vec<(Range<usize>, Elem)>) -> usize {
    let mut j = i + 1;
    if let Some((_, n)) = HONORIFIC_LEXICON.longest(toks, j) {
        j += n;
    }
    let mut chain: Vec<TitleMatch> = Vec::new();
    let mut at = j;
    while let Some(tm) = parse_title(toks, at).filter(|tm| tm.name.is_none() && tm.end > at) {
        let end = tm.end;
        chain.push(tm);
        if toks.get(end).is_some_and(|t| t.is_punct(',')) {
            at = end + 1;
        } else {
            break;
        }
    }
    let Some(last) = chain.last() else {
        out.push((i..j, Elem::Other));
        return j;
    };
    if !toks.get(last.end).is_some_and(|t| t.is_punct(':')) {
        // Only the first title is the group's; what follows is read anew.
        let end = chain[0].end.max(j + 1);
        out.push((i..end, Elem::Other));
        return end;
    }
    let mut from = i;
    let count = chain.len();
    for (n, tm) in chain.into_iter().enumerate() {
        let end = tm.end;
        out.push((
            from..end,
            Elem::Title {
                title: tm,
                shared: true,
            },
        ));
        if n + 1 < count {
            out.push((end..end + 1, Elem::Sep(',')));
        }
        from = end + 1;
    }
    out.last().map_or(j, |(r, _)| r.end)
}

/// Where an unannounced name may begin: at the start, after punctuation,
/// or after "có" / "gồm" / "và" / "cùng" / "với".
fn name_may_start(toks: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &toks[i - 1];
    (p.kind == TokenKind::Punct && !p.is_punct(')') && !p.is_punct('.'))
        || matches!(p.key.as_ref(), "có" | "gồm" | "và" | "cùng" | "với")
        || after_group_honorific(toks, i)
}

/// Whether `toks[i]` follows a group's honorific ("Các đồng chí A – Bí thư
/// …; B – …"): the first of a list of names, each to be given titles.
fn after_group_honorific(toks: &[Token], i: usize) -> bool {
    let honorific_at = |at: usize, n: usize| {
        HONORIFIC_LEXICON
            .longest(toks, at)
            .is_some_and(|(_, m)| m == n)
    };
    let plural_at = |at: usize| toks[at].is("các") || toks[at].is("những");
    // "các ông, bà A": two one-word honorifics joined by a comma.
    let pair =
        i > 3 && toks[i - 2].is_punct(',') && honorific_at(i - 1, 1) && honorific_at(i - 3, 1);
    pair && plural_at(i - 4)
        || (1..=2).any(|n| i > n && honorific_at(i - n, n) && plural_at(i - n - 1))
}

/// The best-scoring name at `toks[i..]`, as a token count.
fn best_name(toks: &[Token], i: usize, introduced: bool) -> Option<usize> {
    // A name has two words or more, and the second is name-shaped right
    // after a space: a capitalized word alone is passed over before its
    // run is read, which looks every word up in the lexicons.
    if !toks
        .get(i + 1)
        .is_some_and(|t| is_name_token(t) && t.space_before)
    {
        return None;
    }
    let run = name_run(toks, i, 6);

    // Take the whole run when it is a name; a longer run is cut where a name
    // would end (rarely needed: a name glued to a following capital word).
    (2..=run.min(5))
        .rev()
        .find(|&n| name_score(&toks[i..i + n], introduced).is_some())
}

/// A title given to a person, and whether the story confers it on them
/// ("A được bầu giữ chức Chủ tịch") rather than saying they hold it.
#[derive(Debug, Clone)]
struct Given {
    title: TitleMatch,
    conferred: bool,
}

impl Given {
    fn held(title: &TitleMatch) -> Given {
        Given {
            title: title.clone(),
            conferred: false,
        }
    }
}

/// Gives titles to names by layout. Returns the people of the sentence in
/// order, and which elements were given to someone.
#[cfg(test)]
fn associate(toks: &[Token], elems: &[(Range<usize>, Elem)]) -> (Vec<Found>, Vec<bool>) {
    let mut claimed = Vec::new();
    let found = associate_into(toks, elems, &mut claimed);
    (found, claimed)
}

/// [`associate`], noting which elements were given to someone in
/// `claimed`: one buffer serves all the sentences of a page.
fn associate_into(
    toks: &[Token],
    elems: &[(Range<usize>, Elem)],
    claimed: &mut Vec<bool>,
) -> Vec<Found> {
    claimed.clear();
    claimed.resize(elems.len(), false);
    let claimed = claimed.as_mut_slice();
    let mut dash_led = titles_dashed_before(elems, claimed).into_iter().peekable();
    // One person at most per name: the list is made once.
    let names = elems
        .iter()
        .filter(|(_, e)| matches!(e, Elem::Name { .. }))
        .count();
    let mut found: Vec<(usize, Found)> = Vec::with_capacity(names);
    let list_context = toks.iter().any(|t| t.is_punct(':') || t.is_punct(';'));
    // The last name of a list after a group's honorific ("các đồng chí A,
    // B và C"), while the list goes on.
    let mut group_list: Option<usize> = None;
    let mut plural_list = PluralList::default();
    for (idx, (range, e)) in elems.iter().enumerate() {
        let Elem::Name {
            name,
            title,
            introduced,
        } = e
        else {
            continue;
        };
        // The dash-led names come in order: the next one is this or later.
        let (mut titles, mut first) = match dash_led.next_if(|(at, _)| *at == idx) {
            Some((_, (given, first))) => (given, first),
            None => titles_before(toks, elems, idx, title.as_ref(), *introduced, claimed),
        };
        let bare = title.is_none() && !introduced && titles.is_empty();
        if let Some(tm) = plural_list.go_on(toks, elems, idx, bare) {
            titles.push(Given::held(tm));
        }
        let last = titles_after(elems, idx, claimed, &mut titles);
        let listed = after_group_honorific(toks, name.start)
            || group_list.is_some_and(|prev| only_list_marks(&elems[prev + 1..idx]));
        group_list = listed.then_some(idx);
        // A bare capitalized run counts only with a title, in a list, or as
        // the speaker of a quote.
        let speaker_colon = elems
            .get(last + 1)
            .is_some_and(|e| matches!(e.1, Elem::Sep(':')));
        if !introduced && !listed && titles.is_empty() && !list_context && !speaker_colon {
            continue;
        }
        first = first.min(idx);
        let tokens = elems[first].0.start..elems[last].0.end.max(range.end);
        found.push((
            idx,
            Found {
                name: name.clone(),
                titles,
                tokens,
            },
        ));
    }
    // Only titles heading a list are shared: most sentences have none.
    if elems
        .iter()
        .any(|(_, e)| matches!(e, Elem::Title { shared: true, .. }))
    {
        share_list_titles(elems, &mut found, claimed);
    }
    found.into_iter().map(|(_, f)| f).collect()
}

/// The last name of a list headed by a plural title ("Các Phó Chủ tịch
/// UBND tỉnh A và B"), with that title, while the list goes on.
#[derive(Default)]
struct PluralList<'e> {
    last: Option<(usize, &'e TitleMatch)>,
}

impl<'e> PluralList<'e> {
    /// Reads the name element `idx`: the plural title it shares, when it
    /// is `bare` (no title or honorific of its own) and only list marks
    /// stand between it and the list's last name. A name after a plural
    /// title starts a list; any other name ends it.
    fn go_on(
        &mut self,
        toks: &[Token],
        elems: &'e [(Range<usize>, Elem)],
        idx: usize,
        bare: bool,
    ) -> Option<&'e TitleMatch> {
        let shared = self
            .last
            .filter(|(prev, _)| bare && only_list_marks(&elems[prev + 1..idx]))
            .map(|(_, tm)| tm);
        let (range, e) = &elems[idx];
        self.last = match e {
            Elem::Name {
                title: Some(tm), ..
            } if after_plural(toks, range.start) => Some((idx, tm)),
            _ => shared.map(|tm| (idx, tm)),
        };
        shared
    }
}

/// Whether `toks[i]` follows a plural word ("các", "những").
fn after_plural(toks: &[Token], i: usize) -> bool {
    i > 0 && (toks[i - 1].is("các") || toks[i - 1].is("những"))
}

/// Whether elements between two names only join them into a list ("A, B",
/// "A và B").
fn only_list_marks(between: &[(Range<usize>, Elem)]) -> bool {
    !between.is_empty()
        && between
            .iter()
            .all(|(_, e)| matches!(e, Elem::Sep(',') | Elem::Sep('&')))
}

/// The "titles – Name" layout: every person is written as a chain of titles,
/// a dash, then the name, and persons follow one another after commas
/// ("T1, T2 – A, T3, T4 – B"). A name after a dash takes the chain before it
/// when the chain opens the clause or follows another such person; otherwise
/// ("A - T1 - B") the layout is name-first and nothing is taken here.
/// Returns, per name element in order, its titles and the first element
/// they cover.
fn titles_dashed_before(
    elems: &[(Range<usize>, Elem)],
    claimed: &mut [bool],
) -> Vec<(usize, (Vec<Given>, usize))> {
    let mut out: Vec<(usize, (Vec<Given>, usize))> = Vec::new();
    for idx in 2..elems.len() {
        let (Elem::Name { title: None, .. }, Elem::Sep('-')) = (&elems[idx].1, &elems[idx - 1].1)
        else {
            continue;
        };
        let Some(start) = title_chain_start(elems, idx - 2) else {
            continue;
        };
        let opens = start < 2
            || match (&elems[start - 1].1, &elems[start - 2].1) {
                (Elem::Sep(','), Elem::Name { .. }) => {
                    out.last().is_some_and(|(at, _)| *at == start - 2)
                }
                (Elem::Sep(_), _) | (Elem::Other, _) => true,
                _ => false,
            };
        if !opens || (start..idx - 1).any(|k| claimed[k]) {
            continue;
        }
        let mut given = Vec::new();
        for k in (start..idx - 1).step_by(2) {
            if let Elem::Title { title, .. } = &elems[k].1 {
                claimed[k] = true;
                given.push(Given::held(title));
            }
        }
        out.push((idx, (given, start)));
    }
    out
}

/// The first element of a chain of unshared titles joined by commas or
/// dashes that ends with the title at `last`.
fn title_chain_start(elems: &[(Range<usize>, Elem)], last: usize) -> Option<usize> {
    if !matches!(elems[last].1, Elem::Title { shared: false, .. }) {
        return None;
    }
    let mut k = last;
    while k >= 2
        && matches!(elems[k - 1].1, Elem::Sep(',' | '-'))
        && matches!(elems[k - 2].1, Elem::Title { shared: false, .. })
    {
        k -= 2;
    }
    Some(k)
}

/// Titles written before a name: its own title ("Chủ tịch UBND tỉnh Trần
/// Tiến Hưng") with earlier titles chained by dashes or commas, or a title
/// set off by a comma before an introduced name ("Bí thư Thành ủy, đồng chí
/// A, nhấn mạnh") unless a number counts it ("gồm 13 ủy viên, bà A làm
/// Chủ nhiệm": members counted, not A's post). Returns them and the first
/// element they cover.
fn titles_before(
    toks: &[Token],
    elems: &[(Range<usize>, Elem)],
    idx: usize,
    title: Option<&TitleMatch>,
    introduced: bool,
    claimed: &mut [bool],
) -> (Vec<Given>, usize) {
    let mut titles: Vec<Given> = Vec::new();
    let mut first = idx;
    if let Some(tm) = title {
        titles.push(Given::held(tm));
        let mut k = idx;
        while k >= 2 {
            let (
                Elem::Sep(sep),
                Elem::Title {
                    title: prev,
                    shared: false,
                },
            ) = (&elems[k - 1].1, &elems[k - 2].1)
            else {
                break;
            };
            // Titles a name-first owner took are already claimed.
            if claimed[k - 2] || !(*sep == '-' || *sep == ',') {
                break;
            }
            claimed[k - 2] = true;
            titles.insert(0, Given::held(prev));
            first = k - 2;
            k -= 2;
        }
        return (titles, first);
    }
    if introduced && idx >= 2 {
        let opens = idx == 2 || matches!(elems[idx - 3].1, Elem::Sep(_) | Elem::Other);
        if let (
            Elem::Sep(','),
            Elem::Title {
                title: t,
                shared: false,
            },
        ) = (&elems[idx - 1].1, &elems[idx - 2].1)
            && !claimed[idx - 2]
            && opens
            && !counted(toks, &elems[idx - 2].0)
        {
            claimed[idx - 2] = true;
            titles.push(Given::held(t));
            first = idx - 2;
        }
    }
    (titles, first)
}

/// Whether a number stands right before the tokens `at`: a count of
/// holders ("13 ủy viên", "3 Phó Chủ tịch").
fn counted(toks: &[Token], at: &Range<usize>) -> bool {
    at.start > 0 && toks[at.start - 1].kind == TokenKind::Number
}

/// Titles written after a name: separated by commas or dashes, in
/// parentheses, after "là", or after words that confer them ("được bầu giữ
/// chức"); a title alone between semicolons, or a chain of titles after a
/// semicolon that no name follows, is the name's too ("A, T1; T2, T3; B").
/// Pushes them onto `titles`, after those written before the name, and
/// returns the last element they cover.
fn titles_after(
    elems: &[(Range<usize>, Elem)],
    idx: usize,
    claimed: &mut [bool],
    titles: &mut Vec<Given>,
) -> usize {
    // Only the titles after the name count below.
    let before = titles.len();
    let mut conferring = false;
    let mut last = idx;
    let mut k = idx + 1;
    while k + 1 < elems.len() {
        // A title dashed onto a title-first name belongs to that name:
        // "…, Phó Bí thư Tỉnh ủy - Trưởng Ban Tổ chức Tỉnh ủy Trần Thế Dũng".
        let dashed_onward = matches!(
            (
                elems.get(k + 2).map(|e| &e.1),
                elems.get(k + 3).map(|e| &e.1)
            ),
            (
                Some(Elem::Sep('-')),
                Some(Elem::Name { title: Some(_), .. })
            )
        );
        let next_title = match &elems[k + 1].1 {
            Elem::Title {
                title,
                shared: false,
            } if !claimed[k + 1] => Some(title),
            _ => None,
        };
        let takes = |sep: char| match sep {
            ',' | '-' | '(' | '=' | 'l' => !dashed_onward && (sep != 'l' || k == idx + 1),
            // A title chain after ';' with no name after it stays with this name.
            ';' => titles.len() > before && chain_ends_list(elems, k + 1),
            _ => false,
        };
        match (&elems[k].1, next_title) {
            (Elem::Sep(sep), Some(t)) if takes(*sep) => {
                conferring |= *sep == '=';
                claimed[k + 1] = true;
                titles.push(Given {
                    title: t.clone(),
                    conferred: conferring,
                });
                last = k + 1;
                k += 2;
            }
            (Elem::Sep(')'), _) => k += 1,
            _ => break,
        }
    }
    last
}

/// Whether the chain of titles starting at element `k` ends with no name
/// after it: at a semicolon, the end of the sentence or other words.
fn chain_ends_list(elems: &[(Range<usize>, Elem)], mut k: usize) -> bool {
    loop {
        match elems.get(k + 1).map(|e| &e.1) {
            Some(Elem::Sep(',' | '-')) => {}
            Some(Elem::Name { .. }) => return false,
            _ => return true,
        }
        match elems.get(k + 2).map(|e| &e.1) {
            Some(Elem::Title { shared: false, .. }) => k += 2,
            Some(Elem::Name { .. }) => return false,
            _ => return true,
        }
    }
}

/// Titles that head a list after a colon go to every name of the list, in
/// front of the name's own titles ("Các Phó Chủ tịch UBND tỉnh: A, B";
/// "Các đồng chí Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng: Chủ nhiệm X
/// A, Trưởng ban Y B"). The list ends at a semicolon, other words or another
/// title. One pass.
fn share_list_titles(
    elems: &[(Range<usize>, Elem)],
    found: &mut [(usize, Found)],
    claimed: &mut [bool],
) {
    let mut group: Vec<usize> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut next_found = 0;
    for (idx, (_, e)) in elems.iter().enumerate() {
        match e {
            Elem::Title { shared: true, .. } if !claimed[idx] => {
                let continues = idx >= 2
                    && matches!(elems[idx - 1].1, Elem::Sep(','))
                    && group.last() == Some(&(idx - 2));
                if !continues {
                    group.clear();
                }
                group.push(idx);
            }
            // "…: A, Trưởng ban X; B, Bí thư Y": each name's own titles, and
            // the semicolons between the names, keep the list going.
            Elem::Title { .. } if !group.is_empty() && titles_a_name_before(elems, idx) => {}
            Elem::Sep(';')
                if !group.is_empty()
                    && matches!(elems.get(idx + 1), Some((_, Elem::Name { .. }))) => {}
            Elem::Sep(';') | Elem::Other | Elem::Title { .. } => group.clear(),
            Elem::Name { .. } => {
                while next_found < found.len() && found[next_found].0 < idx {
                    next_found += 1;
                }
                if let Some((at, f)) = found.get_mut(next_found)
                    && *at == idx
                    && !group.is_empty()
                {
                    let shared = group.iter().filter_map(|&t| match &elems[t].1 {
                        Elem::Title { title, .. } => Some(Given::held(title)),
                        _ => None,
                    });
                    f.titles.splice(0..0, shared);
                    used.extend(group.iter().copied());
                }
            }
            Elem::Sep(_) => {}
        }
    }
    // Claimed only after the pass: a group serves every name of its list.
    for idx in used {
        claimed[idx] = true;
    }
}

/// Whether the title element `idx` follows a name, after commas, an opening
/// parenthesis and other titles: the name's own title ("A, Trưởng ban X",
/// "A (Phó Chủ tịch Thường trực)").
fn titles_a_name_before(elems: &[(Range<usize>, Elem)], idx: usize) -> bool {
    for (_, e) in elems[..idx].iter().rev() {
        match e {
            Elem::Name { .. } => return true,
            Elem::Sep(',' | '(') | Elem::Title { shared: false, .. } => {}
            _ => return false,
        }
    }
    false
}

/// Whether the name at token `i` is the author of a cited work
/// ("Chỉ thị số 05 của Tổng Bí thư …").
fn is_cited(toks: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if is_replaced(toks, i) {
        return true;
    }
    if !toks[i - 1].is("của") {
        return false;
    }
    // Words recalled: "như nhận xét của Phó Thủ tướng …".
    if (i.saturating_sub(4)..i - 1).any(|k| toks[k].is("như")) {
        return true;
    }
    // The author right after "của": "Chỉ thị số 05 của Tổng Bí thư …"; a
    // closing speech ("Phát biểu kết luận của đồng chí …") is no writing.
    (i.saturating_sub(7)..i - 1)
        .any(|k| CITED_WORK.at(toks, k).is_some() && !(k > 0 && toks[k - 1].is("biểu")))
}

/// Whether the name at token `i` is of one replaced, not present: "thay
/// ông X", "thay cho X", "thay thế đồng chí X", "thay thế cho X".
fn is_replaced(toks: &[Token], i: usize) -> bool {
    let mut k = i;
    if toks[k - 1].is("cho") {
        k -= 1;
    }
    if k >= 2 && toks[k - 1].is("thế") && toks[k - 2].is("thay") {
        k -= 1;
    }
    k >= 1 && toks[k - 1].is("thay")
}

/// Whether the name at `at` follows a photo or writer credit label in its
/// sentence (which starts at `from`).
fn credited(text: &str, from: usize, at: usize) -> bool {
    let mut start = at.saturating_sub(24).max(from);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    super::bylines::ends_with_credit_label(&text[start..at])
}

/// The role said by the verb after a person ("… chủ trì", "… trình bày").
fn role_after(toks: &[Token], mut k: usize) -> Option<Role> {
    while k < toks.len() && (toks[k].is_punct(',') || VERB_FILLERS.contains(&toks[k].key.as_ref()))
    {
        if toks[k].is_punct(',') && k + 1 < toks.len() && toks[k + 1].is_capitalized() {
            return None;
        }
        k += 1;
    }
    if k >= toks.len() {
        return None;
    }
    if toks[k].is_punct(':') {
        return Some(Role::Speaker);
    }
    if let Some(n) = CHAIR_VERBS.at(toks, k) {
        // "… chủ trì, phối hợp với …" gives a task; it tells no chair.
        (!super::chairs::leads_a_task(toks, k + n)).then_some(Role::Chair)
    } else if PRESENTER_VERBS.at(toks, k).is_some() {
        Some(Role::Presenter)
    } else if SPEAKER_VERBS.at(toks, k).is_some() {
        Some(Role::Speaker)
    } else {
        None
    }
}

/// The role said by how the sentence opens ("Phát biểu kết luận, đồng chí …").
fn role_before(sentence: &Sentence, start: usize) -> Option<Role> {
    let toks = sentence.tokens;
    SPEECH_OPENERS.at(toks, 0)?;
    let first_comma = toks.iter().position(|t| t.is_punct(','))?;
    (start > first_comma && start <= first_comma + 4).then(|| {
        if toks[0].is("trình") {
            Role::Presenter
        } else {
            Role::Speaker
        }
    })
}

/// One entry per post: the same title written twice (Ủy/Uỷ, UBND/Ủy ban
/// nhân dân) is kept once, and a title that only begins another is dropped
/// ("Phó Bí thư" beside "Phó Bí thư Tỉnh ủy"). The posts are dropped in
/// place; returns the title keys of those kept that are not former.
fn dedup_positions(positions: &mut Vec<Position>) -> Vec<String> {
    // One post has nothing to be kept apart from.
    if positions.len() < 2 {
        return positions
            .iter()
            .filter(|p| !p.former)
            .map(|p| title_key(&p.title))
            .collect();
    }
    // Held and conferred posts are kept apart: a post held before does not
    // hide in the one conferred ("Phó Bí thư Tỉnh ủy" re-elected "Phó Bí thư
    // Tỉnh ủy Nam Định khóa 20").
    let keys: Vec<String> = positions
        .iter()
        .map(|p| {
            let key = title_key(&p.title);
            if p.conferred { format!("+ {key}") } else { key }
        })
        .collect();
    let keep = kept_keys(&keys);
    // The keys made here are the title keys of the posts kept.
    let mut held = Vec::new();
    for ((p, mut key), &kept) in positions.iter().zip(keys).zip(&keep) {
        if kept && !p.former {
            if p.conferred {
                key.drain(..2);
            }
            held.push(key);
        }
    }
    let mut keep = keep.into_iter();
    positions.retain(|_| keep.next() == Some(true));
    held
}

/// Which of the posts with these keys are kept: the first of each key,
/// unless the key begins a longer one.
fn kept_keys(keys: &[String]) -> Vec<bool> {
    if keys.len() > FEW_KEYS {
        return kept_keys_sorted(keys);
    }
    // A person's few posts are compared pair by pair: no set is built.
    keys.iter()
        .enumerate()
        .map(|(i, k)| !keys.iter().any(|o| begins_with_words(o, k)) && !keys[..i].contains(k))
        .collect()
}

/// Keys up to which [`kept_keys`] compares every pair.
const FEW_KEYS: usize = 16;

/// Whether `longer` is `key` followed by more words.
fn begins_with_words(longer: &str, key: &str) -> bool {
    longer.len() > key.len() && longer.as_bytes()[key.len()] == b' ' && longer.starts_with(key)
}

/// [`kept_keys`] for many keys.
fn kept_keys_sorted(keys: &[String]) -> Vec<bool> {
    // Sorted, so the titles that begin with "k " sit right after "k " and a
    // person named a thousand times costs a thousand lookups, not a million.
    let all: std::collections::BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    let mut kept: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut longer = String::new();
    keys.iter()
        .map(|k| {
            longer.clear();
            longer.push_str(k);
            longer.push(' ');
            let prefix_of_other = all
                .range(longer.as_str()..)
                .next()
                .is_some_and(|o| o.starts_with(longer.as_str()));
            !prefix_of_other && kept.insert(k.as_str())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::testing::cases(512))]

        /// Posts compared pair by pair are kept as the sorted reading
        /// keeps them.
        #[test]
        fn few_keys_kept_as_sorted(keys in prop::collection::vec("(a|b|c)( (a|b|c)){0,3}", 0..12)) {
            prop_assert_eq!(kept_keys(&keys), kept_keys_sorted(&keys));
        }
    }

    /// [`elements`] without the first-word flags: every reader is tried
    /// at every token.
    fn elements_plain(toks: &[Token], merge_others: bool) -> Vec<(Range<usize>, Elem)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].is("các") || toks[i].is("những") {
                i = group_titles(toks, i, &mut out);
                continue;
            }
            let (range, elem) = introduced_at(toks, i)
                .or_else(|| titled_at(toks, i, i, true))
                .or_else(|| separator_at(toks, i))
                .or_else(|| bare_name_at(toks, i))
                .unwrap_or((i..i + 1, Elem::Other));
            let range = match &elem {
                Elem::Name { name, .. } => range.start..aside_end(toks, name, range.end),
                _ => range,
            };
            i = range.end.max(i + 1);
            if merge_others {
                push_element(&mut out, range, elem);
            } else {
                out.push((range, elem));
            }
        }
        out
    }

    fn same_elements(toks: &[Token]) -> Result<(), String> {
        let row = elements(toks);
        if (row.names, row.titles) != kinds(&row.elems) {
            return Err(format!("kinds noted wrong: {:?}", row.elems));
        }
        alike(
            format!("{:?}", row.elems),
            format!("{:?}", elements_plain(toks, true)),
        )
    }

    /// Two readings of one row, told apart when they differ.
    fn alike(fast: String, plain: String) -> Result<(), String> {
        if fast == plain {
            Ok(())
        } else {
            Err(format!("{fast}\n!=\n{plain}"))
        }
    }

    /// Runs `check` on every sentence of the bundled articles; returns how
    /// many there were.
    fn on_bundled_sentences(check: impl Fn(&[Token]) -> Result<(), String>) -> usize {
        let mut sentences = 0;
        crate::testing::each_bundled_doc(|doc| {
            for s in doc.sentences() {
                check(s.tokens).unwrap();
                sentences += 1;
            }
        });
        sentences
    }

    #[test]
    fn flagged_elements_match_every_reader_on_the_articles() {
        let sentences = on_bundled_sentences(same_elements);
        assert!(sentences > 100, "{sentences} sentences");
    }

    /// [`best_name`] reading every run, however short.
    fn best_name_plain(toks: &[Token], i: usize, introduced: bool) -> Option<usize> {
        let run = name_run(toks, i, 6);
        (2..=run.min(5))
            .rev()
            .find(|&n| name_score(&toks[i..i + n], introduced).is_some())
    }

    fn same_best_names(toks: &[Token]) -> Result<(), String> {
        for i in 0..toks.len() {
            for introduced in [false, true] {
                let (fast, plain) = (
                    best_name(toks, i, introduced),
                    best_name_plain(toks, i, introduced),
                );
                if fast != plain {
                    return Err(format!("at {i}: {fast:?} != {plain:?}"));
                }
            }
        }
        Ok(())
    }

    #[test]
    fn best_names_are_the_plain_ones_on_the_articles() {
        on_bundled_sentences(same_best_names);
    }

    /// People and the titles given them, as read from a row.
    fn reading(toks: &[Token], elems: &[(Range<usize>, Elem)]) -> String {
        let (found, claimed) = associate(toks, elems);
        let found: Vec<_> = found
            .iter()
            .map(|f| {
                let titles: Vec<_> = f
                    .titles
                    .iter()
                    .map(|g| (g.title.tokens.clone(), g.conferred))
                    .collect();
                (f.name.clone(), titles, f.tokens.clone())
            })
            .collect();
        let claimed: Vec<_> = elems
            .iter()
            .zip(&claimed)
            .filter(|(_, c)| **c)
            .map(|(e, _)| e.0.clone())
            .collect();
        format!("{found:?} {claimed:?}")
    }

    /// A row whose runs of other words are one element each is read as
    /// the row with an element a word.
    fn same_reading_merged(toks: &[Token]) -> Result<(), String> {
        alike(
            reading(toks, &elements(toks).elems),
            reading(toks, &elements_plain(toks, false)),
        )
    }

    #[test]
    fn merged_other_words_read_alike_on_the_articles() {
        on_bundled_sentences(same_reading_merged);
    }

    /// Words and marks people are written with, titles and plain words.
    const WORDS: &[&str] = &[
        "đồng chí",
        "Đồng chí",
        "ông",
        "Bà",
        "Đại tá",
        "PGS.TS",
        "các",
        "những",
        "là",
        "và",
        "được bầu giữ chức",
        "thôi giữ chức",
        "Bí thư",
        "Phó Bí thư",
        "Tỉnh ủy",
        "Chủ tịch",
        "UBND",
        "tỉnh",
        "Thái Bình",
        "Hà Tĩnh",
        "Nguyễn",
        "Văn",
        "An",
        "Trần Thị",
        "Hoa",
        "Ủy viên",
        "Ban Thường vụ",
        "nguyên",
        "Trưởng",
        "Ban",
        "Tổ chức",
        "phát biểu",
        "chủ trì",
        "hội nghị",
        "dự",
        "có",
        ",",
        ";",
        ":",
        "-",
        "(",
        ")",
        ".",
        "2025",
        "khóa XVI",
    ];

    proptest! {
        #![proptest_config(crate::testing::cases(256))]

        #[test]
        fn flagged_elements_match_every_reader(picks in prop::collection::vec(0..WORDS.len(), 1..24)) {
            let text = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let toks = tokenize(&text, 0..text.len());
            prop_assert_eq!(same_elements(&toks), Ok(()));
        }

        #[test]
        fn best_names_are_the_plain_ones(picks in prop::collection::vec(0..WORDS.len(), 1..24)) {
            let text = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let toks = tokenize(&text, 0..text.len());
            prop_assert_eq!(same_best_names(&toks), Ok(()));
        }

        #[test]
        fn merged_other_words_read_alike(picks in prop::collection::vec(0..WORDS.len(), 1..24)) {
            let text = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let toks = tokenize(&text, 0..text.len());
            prop_assert_eq!(same_reading_merged(&toks), Ok(()));
        }

        /// A sentence whose elements hold no name is skipped: reading it in
        /// full finds no one and gives no title to anyone.
        #[test]
        fn sentences_without_names_claim_nothing(picks in prop::collection::vec(0..WORDS.len(), 1..24)) {
            let text = picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let toks = tokenize(&text, 0..text.len());
            let Row { elems, names, .. } = elements(&toks);
            let (found, claimed) = associate(&toks, &elems);
            if !names {
                prop_assert!(found.is_empty());
                prop_assert!(claimed.iter().all(|c| !c));
            }
        }
    }

    /// A name's key joined from its tokens' keys is its text's key, on
    /// every run of tokens of the articles.
    #[test]
    fn name_keys_from_tokens_match_the_text_on_the_articles() {
        let mut runs = 0;
        crate::testing::each_bundled_doc(|doc| {
            for s in doc.sentences() {
                for i in 0..s.tokens.len() {
                    for j in i + 1..(i + 5).min(s.tokens.len()) {
                        let written = &doc.text[s.tokens[i].start..s.tokens[j - 1].end];
                        assert_eq!(name_key(doc.text, &s.tokens[i..j]), lex_key(written));
                        runs += 1;
                    }
                }
            }
        });
        assert!(runs > 1000, "{runs} runs");
    }

    /// A name whose words a dash parts keeps its text's key.
    #[test]
    fn name_keys_across_a_dash_match_the_text() {
        let s = "Nguyễn - Đặng ";
        let toks = tokenize(s, 0..s.len());
        for i in 0..toks.len() {
            for j in i + 1..=toks.len() {
                let written = &s[toks[i].start..toks[j - 1].end];
                assert_eq!(name_key(s, &toks[i..j]), lex_key(written), "{written}");
            }
        }
    }

    /// Syllables of names in every case and tone placement, precomposed
    /// or not, and what may stand between them.
    const SYLLABLES: &[&str] = &[
        "Nguyễn",
        "NGUYỄN",
        "Hoà",
        "Hòa",
        "HOÀ",
        "Ho\u{300}a",
        "Thuỵ",
        "Thụy",
        "Uỷ",
        "ủy",
        "Khoẻ",
        "khỏe",
        "Quý",
        "Đặng",
        "ĐẶNG",
        "Ðức",
        "H'Hen",
        "Y",
        "Niê",
        "Kđăm",
        "Trường",
    ];
    /// No empty gap: two syllables glued are a word of two tones, which no
    /// name has.
    const GAPS: &[&str] = &[" ", "  ", "\n", "\u{a0}", " - ", ", "];

    proptest! {
        #![proptest_config(crate::testing::cases(256))]

        /// The same for names of every case and tone placement, however
        /// spaced.
        #[test]
        fn name_keys_from_tokens_match_the_text(
            picks in prop::collection::vec((0..SYLLABLES.len(), 0..GAPS.len()), 1..6)
        ) {
            let s: String = picks
                .iter()
                .map(|&(w, g)| format!("{}{}", SYLLABLES[w], GAPS[g]))
                .collect();
            let toks = tokenize(&s, 0..s.len());
            for i in 0..toks.len() {
                for j in i + 1..=toks.len() {
                    let written = &s[toks[i].start..toks[j - 1].end];
                    prop_assert_eq!(name_key(&s, &toks[i..j]), lex_key(written));
                }
            }
        }
    }

    proptest! {
        #![proptest_config(crate::testing::cases(256))]

        /// A fact is written as its owned JSON form is, and read back whole.
        #[test]
        fn facts_are_written_as_their_json_form(
            posts in prop::collection::vec(("[ aBủ\"\\\n]{0,8}", any::<bool>(), any::<bool>(), prop::option::of("[aĐ]{0,3}")), 0..5),
            roles in prop::collection::vec(0..4usize, 0..3),
            spans in prop::collection::vec((0..99usize, 0..99usize), 0..3),
        ) {
            let all = [Role::Chair, Role::Presenter, Role::Speaker, Role::Attendee];
            let fact = PersonFact {
                name: "Nguyễn \"Văn\" A".to_string(),
                positions: posts
                    .into_iter()
                    .enumerate()
                    .map(|(k, (title, former, conferred, province))| Position {
                        title,
                        span: Span::new(k, k + 3),
                        province,
                        former,
                        conferred,
                    })
                    .collect(),
                roles: roles.into_iter().map(|r| all[r]).collect(),
                spans: spans.into_iter().map(|(a, b)| Span::new(a, b)).collect(),
            };
            let written = serde_json::to_string(&fact).unwrap();
            let owned = serde_json::to_string(&PersonFactJson::from(fact.clone())).unwrap();
            prop_assert_eq!(&written, &owned);
            prop_assert_eq!(
                serde_json::to_string_pretty(&fact).unwrap(),
                serde_json::to_string_pretty(&PersonFactJson::from(fact.clone())).unwrap()
            );
            let back: PersonFact = serde_json::from_str(&written).unwrap();
            prop_assert_eq!(back, fact);
        }
    }

    #[test]
    fn dedup_keeps_one_post_and_drops_a_title_that_begins_another() {
        let post = |title: &str| Position {
            title: title.to_string(),
            ..Position::default()
        };
        let mut one = vec![post("Bí thư Tỉnh ủy")];
        assert_eq!(dedup_positions(&mut one), vec![title_key("Bí thư Tỉnh ủy")]);
        assert_eq!(one.len(), 1);
        let mut kept = vec![
            post("Phó Bí thư"),
            post("Phó Bí thư Tỉnh ủy"),
            post("Phó Bí thư Tỉnh uỷ"),
        ];
        let keys = dedup_positions(&mut kept);
        let titles: Vec<&str> = kept.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, vec!["Phó Bí thư Tỉnh ủy"]);
        // The keys made to compare are the posts' title keys; a former
        // post has none.
        assert_eq!(keys, vec![title_key("Phó Bí thư Tỉnh ủy")]);
        let conferred = Position {
            conferred: true,
            ..post("Chủ tịch UBND tỉnh")
        };
        let former = Position {
            former: true,
            ..post("Giám đốc Sở Tài chính")
        };
        let mut mixed = vec![conferred, former, post("Bí thư")];
        let keys = dedup_positions(&mut mixed);
        assert_eq!(mixed.len(), 3);
        assert_eq!(
            keys,
            vec![title_key("Chủ tịch UBND tỉnh"), title_key("Bí thư")]
        );
    }

    /// The people of a short story after a first line naming the meeting,
    /// each with their titles.
    fn people_of(body: &str) -> Vec<(String, Vec<String>)> {
        let text = format!("Hội nghị Ban Thường vụ Tỉnh ủy Hà Giang họp ngày 5/3/2019.\n{body}");
        let page = crate::text::Page::new(&text);
        let mut tokens = Vec::new();
        let doc = Doc::new(&page, &mut tokens);
        extract(&doc)
            .people
            .iter()
            .map(|p| (p.name.clone(), p.titles().map(String::from).collect()))
            .collect()
    }

    /// Officials whose family name is also a body word ("Đoàn") are found
    /// after their titles, and bodies named "Đoàn …" stay bodies.
    #[test]
    fn family_names_that_are_body_words_after_titles() {
        let one = |body: &str, name: &str, title: &str| {
            assert_eq!(
                people_of(body),
                vec![(name.to_string(), vec![title.to_string()])],
                "{body}"
            );
        };
        one(
            "Trưởng Ban Tổ chức Tỉnh ủy Đoàn Thị Mai Hoa trình bày Đề án nhân sự.",
            "Đoàn Thị Mai Hoa",
            "Trưởng Ban Tổ chức Tỉnh ủy",
        );
        one(
            "Phó Chủ tịch UBND tỉnh Đoàn Văn Tâm phát biểu.",
            "Đoàn Văn Tâm",
            "Phó Chủ tịch UBND tỉnh",
        );
        one(
            "Chủ tịch UBND tỉnh Đoàn Văn Tâm phát biểu.",
            "Đoàn Văn Tâm",
            "Chủ tịch UBND tỉnh",
        );
        one(
            "Trưởng Đoàn ĐBQH tỉnh Đoàn Hữu Lộc phát biểu.",
            "Đoàn Hữu Lộc",
            "Trưởng Đoàn ĐBQH tỉnh",
        );
        one(
            "Giám đốc Sở Tài chính Đoàn Thị Lan phát biểu.",
            "Đoàn Thị Lan",
            "Giám đốc Sở Tài chính",
        );
        one("Bí thư Đoàn Văn Tâm phát biểu.", "Đoàn Văn Tâm", "Bí thư");
        one(
            "Bí thư Huyện ủy Thạch Hà Đoàn Văn Tâm phát biểu.",
            "Đoàn Văn Tâm",
            "Bí thư Huyện ủy Thạch Hà",
        );
        one(
            "Bí thư Đoàn Thanh niên tỉnh Lê Văn Hùng phát biểu.",
            "Lê Văn Hùng",
            "Bí thư Đoàn Thanh niên tỉnh",
        );
        one(
            "Trưởng Đoàn đại biểu Quốc hội tỉnh Lê Văn Hùng phát biểu.",
            "Lê Văn Hùng",
            "Trưởng Đoàn đại biểu Quốc hội tỉnh",
        );
        one(
            "Trưởng đoàn kiểm tra số 11 của Bộ Chính trị Lê Văn Hùng phát biểu.",
            "Lê Văn Hùng",
            "Trưởng đoàn kiểm tra số 11 của Bộ Chính trị",
        );
        one(
            "Phó Trưởng Đoàn ĐBQH chuyên trách tỉnh Lê Văn Hùng phát biểu.",
            "Lê Văn Hùng",
            "Phó Trưởng Đoàn ĐBQH chuyên trách tỉnh",
        );
    }

    /// Names listed after a group's honorific are each named, with no
    /// title of their own and no colon before the list.
    #[test]
    fn names_listed_after_a_group_honorific() {
        let names =
            |body: &str| -> Vec<String> { people_of(body).into_iter().map(|(n, _)| n).collect() };
        let four = [
            "Lê Văn An",
            "Trần Huy Bình",
            "Nguyễn Tuấn Cường",
            "Giàng Thị Dung",
        ];
        assert_eq!(
            names(
                "Dự hội nghị có các đồng chí Lê Văn An, Trần Huy Bình, Nguyễn Tuấn Cường và Giàng Thị Dung."
            ),
            four
        );
        assert_eq!(
            names(
                "Bộ Chính trị chỉ định các ông, bà Lê Văn An, Trần Huy Bình, Nguyễn Tuấn Cường, Giàng Thị Dung giữ chức Phó Bí thư Tỉnh ủy."
            ),
            four
        );
        // A list of places after the group is no list of people.
        assert_eq!(
            names("Các đồng chí Lê Văn An đã đến thăm Hòa Bình, Tân Lập và Yên Bình."),
            ["Lê Văn An"]
        );
    }

    /// "Ông" is an honorific and a family name: before given names only,
    /// it begins the name, after a title and after "đồng chí".
    #[test]
    fn honorific_family_names_after_titles() {
        for body in [
            "Giám đốc Sở Tài chính Ông Xuân Lâm phát biểu.",
            "Đồng chí Ông Xuân Lâm, Giám đốc Sở Tài chính phát biểu.",
        ] {
            assert_eq!(
                people_of(body),
                vec![(
                    "Ông Xuân Lâm".to_string(),
                    vec!["Giám đốc Sở Tài chính".to_string()]
                )],
                "{body}"
            );
        }
        // Before a full name it is the honorific.
        assert_eq!(
            people_of("Ông Lê Xuân Lâm, Giám đốc Sở Tài chính phát biểu."),
            vec![(
                "Lê Xuân Lâm".to_string(),
                vec!["Giám đốc Sở Tài chính".to_string()]
            )]
        );
    }

    /// Each sentence's mentions and title references are those that name
    /// it, in order.
    #[test]
    fn parts_by_sentence_are_the_sentences_own_on_the_articles() {
        crate::testing::each_bundled_doc(|doc| {
            let found = extract(doc);
            for s in 0..doc.sentences().count() + 2 {
                let own: Vec<_> = found.mentions.iter().filter(|m| m.sentence == s).collect();
                let listed: Vec<_> = found.mentions_in(s).collect();
                assert_eq!(format!("{own:?}"), format!("{listed:?}"));
                let own: Vec<_> = found
                    .title_refs
                    .iter()
                    .filter(|r| r.sentence == s)
                    .collect();
                let listed: Vec<_> = found.title_refs_in(s).collect();
                assert_eq!(format!("{own:?}"), format!("{listed:?}"));
            }
        });
    }
}
