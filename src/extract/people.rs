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

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::Span;
use super::doc::{Doc, Sentence, clean};
use super::names::{is_name_token, name_run, name_score};
use super::titles::{TitleMatch, parse_title};
use crate::gazetteer::PhraseList;
use crate::gazetteer::titles::{HONORIFIC_LEXICON, RANK_LEXICON, title_key};
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
    /// The province named after the title, when one was ("Bí thư Tỉnh ủy
    /// Thái Bình").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}

/// A named official in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "PersonFactJson", from = "PersonFactJson")]
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
#[derive(Serialize, Deserialize)]
struct PersonFactJson {
    name: String,
    positions: Vec<String>,
    roles: Vec<Role>,
    spans: Vec<Span>,
    #[serde(default)]
    position_details: Vec<Position>,
}

impl From<PersonFact> for PersonFactJson {
    fn from(p: PersonFact) -> Self {
        PersonFactJson {
            name: p.name,
            positions: p.positions.iter().map(|x| x.title.clone()).collect(),
            roles: p.roles,
            spans: p.spans,
            position_details: p.positions,
        }
    }
}

impl From<PersonFactJson> for PersonFact {
    fn from(j: PersonFactJson) -> Self {
        // Details carry everything; plain titles alone get empty spans.
        let positions = if j.position_details.len() == j.positions.len() {
            j.position_details
        } else {
            j.positions
                .into_iter()
                .map(|title| Position {
                    title,
                    span: Span::new(0, 0),
                    province: None,
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
    /// For each sentence, its mentions and title references (indices).
    pub by_sentence: Vec<(Vec<usize>, Vec<usize>)>,
}

impl People {
    /// The mentions in sentence `s`.
    pub fn mentions_in(&self, s: usize) -> impl DoubleEndedIterator<Item = &Mention> {
        self.by_sentence
            .get(s)
            .into_iter()
            .flat_map(|(m, _)| m.iter().map(|&i| &self.mentions[i]))
    }

    /// The title references in sentence `s`.
    pub fn title_refs_in(&self, s: usize) -> impl DoubleEndedIterator<Item = &TitleRef> {
        self.by_sentence
            .get(s)
            .into_iter()
            .flat_map(|(_, r)| r.iter().map(|&i| &self.title_refs[i]))
    }
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
        "tái đắc cử",
        "đắc cử",
        "trúng cử",
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
    let mut index: HashMap<String, usize> = HashMap::new();
    for (si, sentence) in doc.sentences().enumerate() {
        let toks = &sentence.tokens;
        let elems = elements(toks);
        let (persons, claimed) = associate(toks, &elems);
        let cites_work = toks.windows(2).any(|w| {
            matches!(
                (w[0].key.as_ref(), w[1].key.as_ref()),
                ("bài", "viết") | ("tác", "phẩm") | ("di", "chúc")
            )
        });
        for found in persons {
            let name_span = Span::new(toks[found.name.start].start, toks[found.name.end - 1].end);
            if cites_work
                || is_cited(toks, found.tokens.start)
                || credited(doc.text, toks[0].start, name_span.start)
            {
                continue;
            }
            let name = clean(&doc.text[name_span.range()]);
            let key = lex_key(&name);
            let pi = *index.entry(key).or_insert_with(|| {
                out.people.push(PersonFact {
                    name: name.clone(),
                    positions: Vec::new(),
                    roles: vec![Role::Attendee],
                    spans: Vec::new(),
                });
                out.people.len() - 1
            });
            let person = &mut out.people[pi];
            person.spans.push(name_span);
            for t in &found.titles {
                let span = t.span(toks);
                person.positions.push(Position {
                    title: t.text(toks, doc.text),
                    span: Span::new(span.start, span.end),
                    province: t.province.map(|p| p.name.to_string()),
                });
            }
            let role = role_after(toks, found.tokens.end)
                .or_else(|| role_before(sentence, found.tokens.start));
            if let Some(role) = role {
                out.add_role(pi, role);
            }
            out.mentions.push(Mention {
                person: pi,
                sentence: si,
                tokens: found.tokens.clone(),
                name: name_span,
            });
        }
        for (e, _) in elems.iter().zip(&claimed).filter(|(_, c)| !**c) {
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
    for p in &mut out.people {
        p.positions = dedup_positions(std::mem::take(&mut p.positions));
    }
    out.title_keys = out
        .people
        .iter()
        .map(|p| p.titles().map(title_key).collect())
        .collect();
    let sentences = doc.sentences().count();
    out.by_sentence = vec![(Vec::new(), Vec::new()); sentences];
    for (i, m) in out.mentions.iter().enumerate() {
        out.by_sentence[m.sentence].0.push(i);
    }
    for (i, r) in out.title_refs.iter().enumerate() {
        out.by_sentence[r.sentence].1.push(i);
    }
    out
}

/// A person found in a sentence.
struct Found {
    name: Range<usize>,
    titles: Vec<TitleMatch>,
    /// Tokens covered by the name and its titles.
    tokens: Range<usize>,
}

/// Reads a sentence into elements.
fn elements(toks: &[Token]) -> Vec<(Range<usize>, Elem)> {
    let mut out: Vec<(Range<usize>, Elem)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];

        // "các đồng chí Ủy viên Ban Thường vụ": a nameless group.
        if t.is("các") || t.is("những") {
            let mut j = i + 1;
            if let Some((_, n)) = HONORIFIC_LEXICON.longest(toks, j) {
                j += n;
            }
            if let Some(tm) = parse_title(toks, j)
                && tm.name.is_none()
            {
                let end = tm.end.max(j + 1);
                let shared = toks.get(tm.end).is_some_and(|t| t.is_punct(':'));
                let elem = if shared {
                    Elem::Title { title: tm, shared }
                } else {
                    Elem::Other
                };
                out.push((i..end, elem));
                i = end;
                continue;
            }
            out.push((i..j, Elem::Other));
            i = j;
            continue;
        }
        let honorific = HONORIFIC_LEXICON
            .longest(toks, i)
            .or_else(|| RANK_LEXICON.longest(toks, i));
        // "ông"/"bà" are honorifics only before a capital.
        // "có đồng chí là Nguyễn Thị Hoàng, …".
        let honorific = honorific.map(|(v, n)| {
            if toks.get(i + n).is_some_and(|t| t.is("là")) {
                (v, n + 1)
            } else {
                (v, n)
            }
        });
        if let Some((_, n)) = honorific
            && toks.get(i + n).is_some_and(|t| t.is_capitalized())
        {
            let mut j = i + n;
            while let Some((_, m)) = RANK_LEXICON.longest(toks, j) {
                j += m;
            }
            if let Some(tm) = parse_title(toks, j) {
                let end = tm.end.max(j + 1);
                match tm.name.clone() {
                    Some(name) => {
                        let next = name.end;
                        out.push((
                            i..next,
                            Elem::Name {
                                name,
                                title: Some(tm),
                                introduced: true,
                            },
                        ));
                        i = next;
                    }
                    None => {
                        out.push((
                            i..end,
                            Elem::Title {
                                title: tm,
                                shared: false,
                            },
                        ));
                        i = end;
                    }
                }
                continue;
            }
            if let Some(len) = best_name(toks, j, true) {
                out.push((
                    i..j + len,
                    Elem::Name {
                        name: j..j + len,
                        title: None,
                        introduced: true,
                    },
                ));
                i = j + len;
                continue;
            }
            out.push((i..j, Elem::Other));
            i = j;
            continue;
        }
        if let Some(tm) = parse_title(toks, i) {
            match tm.name.clone() {
                Some(name) => {
                    let next = name.end;
                    out.push((
                        i..next,
                        Elem::Name {
                            name,
                            title: Some(tm),
                            introduced: true,
                        },
                    ));
                    i = next;
                }
                None => {
                    let end = tm.end.max(i + 1);
                    let shared = toks.get(tm.end).is_some_and(|t| t.is_punct(':'));
                    out.push((i..end, Elem::Title { title: tm, shared }));
                    i = end;
                }
            }
            continue;
        }
        if t.kind == TokenKind::Punct {
            let c = t.text.chars().next().unwrap_or(' ');
            let elem = match c {
                ',' | ';' | ':' | '(' | ')' => Elem::Sep(c),
                '-' | '–' | '—' => Elem::Sep('-'),
                _ => Elem::Other,
            };
            out.push((i..i + 1, elem));
            i += 1;
            continue;
        }
        if let Some(n) = APPOINTED.at(toks, i) {
            out.push((i..i + n, Elem::Sep('=')));
            i += n;
            continue;
        }
        if t.is("và") {
            out.push((i..i + 1, Elem::Sep('&')));
            i += 1;
            continue;
        }
        if is_name_token(t)
            && name_may_start(toks, i)
            && let Some(len) = best_name(toks, i, false)
        {
            out.push((
                i..i + len,
                Elem::Name {
                    name: i..i + len,
                    title: None,
                    introduced: false,
                },
            ));
            i += len;
            continue;
        }
        out.push((i..i + 1, Elem::Other));
        i += 1;
    }
    out
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
}

/// The best-scoring name at `toks[i..]`, as a token count.
fn best_name(toks: &[Token], i: usize, introduced: bool) -> Option<usize> {
    let run = name_run(toks, i, 6);

    // Take the whole run when it is a name; a longer run is cut where a name
    // would end (rarely needed: a name glued to a following capital word).
    (2..=run.min(5))
        .rev()
        .find(|&n| name_score(&toks[i..i + n], introduced).is_some())
}

/// Gives titles to names by layout. Returns the people of the sentence in
/// order.
fn associate(toks: &[Token], elems: &[(Range<usize>, Elem)]) -> (Vec<Found>, Vec<bool>) {
    let mut claimed = vec![false; elems.len()];
    let mut found: Vec<(usize, Found)> = Vec::new();
    let list_context = toks.iter().any(|t| t.is_punct(':') || t.is_punct(';'));
    for (idx, (range, e)) in elems.iter().enumerate() {
        let Elem::Name {
            name,
            title,
            introduced,
        } = e
        else {
            continue;
        };
        let mut titles: Vec<TitleMatch> = Vec::new();
        let mut first = idx;
        // Title first, with earlier titles chained by dashes, or by commas when
        // nothing owns them (the sentence or clause starts with them).
        if let Some(tm) = title {
            titles.push(tm.clone());
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
                titles.insert(0, prev.clone());
                first = k - 2;
                k -= 2;
            }
        }
        // A title set before the name with a comma: "Bí thư Thành ủy Cần Thơ,
        // đồng chí Đỗ Thanh Bình, nhấn mạnh".
        if title.is_none() && *introduced && idx >= 2 {
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
            {
                claimed[idx - 2] = true;
                titles.push(t.clone());
                first = idx - 2;
            }
        }
        // Name first: titles after the name, separated by commas or dashes,
        // or in parentheses.
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
            match (&elems[k].1, &elems[k + 1].1) {
                (
                    Elem::Sep(',' | '-' | '(' | '='),
                    Elem::Title {
                        title: t,
                        shared: false,
                    },
                ) if !claimed[k + 1] && !dashed_onward => {
                    claimed[k + 1] = true;
                    titles.push(t.clone());
                    last = k + 1;
                    k += 2;
                }
                // "A, T1; T2; B, T3": a title alone between semicolons is A's too.
                (
                    Elem::Sep(';'),
                    Elem::Title {
                        title: t,
                        shared: false,
                    },
                ) if !claimed[k + 1]
                    && elems
                        .get(k + 2)
                        .is_none_or(|e| matches!(e.1, Elem::Sep(';'))) =>
                {
                    claimed[k + 1] = true;
                    titles.push(t.clone());
                    last = k + 1;
                    k += 2;
                }
                (Elem::Sep(')'), _) => k += 1,
                _ => break,
            }
        }
        // A bare capitalized run counts only with a title, in a list, or as
        // the speaker of a quote.
        let speaker_colon = elems
            .get(last + 1)
            .is_some_and(|e| matches!(e.1, Elem::Sep(':')));
        if !introduced && titles.is_empty() && !list_context && !speaker_colon {
            continue;
        }
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
    // One title shared by the names listed after its colon, until the list
    // ends (a semicolon, other words, another title). One pass.
    let mut shared: Option<usize> = None;
    let mut next_found = 0;
    for (idx, (_, e)) in elems.iter().enumerate() {
        match e {
            Elem::Title { shared: true, .. } if !claimed[idx] => shared = Some(idx),
            Elem::Sep(';') | Elem::Other | Elem::Title { .. } => shared = None,
            Elem::Name { .. } => {
                while next_found < found.len() && found[next_found].0 < idx {
                    next_found += 1;
                }
                if let (Some(t), Some((at, f))) = (shared, found.get_mut(next_found))
                    && *at == idx
                    && f.titles.is_empty()
                    && let Elem::Title { title, .. } = &elems[t].1
                {
                    f.titles.push(title.clone());
                    claimed[t] = true;
                }
            }
            Elem::Sep(_) => {}
        }
    }
    (found.into_iter().map(|(_, f)| f).collect(), claimed)
}

/// Whether the name at token `i` is the author of a cited work
/// ("Chỉ thị số 05 của Tổng Bí thư …").
fn is_cited(toks: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    // Replaced, not present: "thay ông X", "thay đồng chí X".
    if toks[i - 1].is("thay") || (i >= 2 && toks[i - 2].is("thay") && toks[i - 1].is("cho")) {
        return true;
    }
    // The author right after "của": "Chỉ thị số 05 của Tổng Bí thư …".
    toks[i - 1].is("của") && (i.saturating_sub(7)..i - 1).any(|k| CITED_WORK.at(toks, k).is_some())
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
    if CHAIR_VERBS.at(toks, k).is_some() {
        Some(Role::Chair)
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
    let toks = &sentence.tokens;
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
/// ("Phó Bí thư" beside "Phó Bí thư Tỉnh ủy").
fn dedup_positions(positions: Vec<Position>) -> Vec<Position> {
    let keys: Vec<String> = positions.iter().map(|p| title_key(&p.title)).collect();
    // Sorted, so the titles that begin with "k " sit right after "k " and a
    // person named a thousand times costs a thousand lookups, not a million.
    let all: std::collections::BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    let mut kept: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut out: Vec<Position> = Vec::new();
    for (p, k) in positions.into_iter().zip(&keys) {
        let longer = format!("{k} ");
        let prefix_of_other = all
            .range(longer.as_str()..)
            .next()
            .is_some_and(|o| o.starts_with(longer.as_str()));
        if prefix_of_other || !kept.insert(k.as_str()) {
            continue;
        }
        out.push(p);
    }
    out
}
