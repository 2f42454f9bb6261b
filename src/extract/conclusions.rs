//! What the meeting concluded: the chair's closing directives, requests and
//! assessments, and decisions of the body ("Ban Thường vụ Tỉnh ủy thống
//! nhất …"), one entry per sentence, with speaker and deadline.
//!
//! Two kinds of passage hold conclusions:
//! - a closing speech, opened by a cue at the start of a sentence ("Kết
//!   luận hội nghị, đồng chí …", "Phát biểu kết luận, …"), running over the
//!   following paragraphs until someone else speaks or the scene changes;
//! - a directive of the chair ("Bí thư Tỉnh ủy yêu cầu …"), or of a leading
//!   official when no chair is named, running on only through paragraphs
//!   that continue it ("Ngoài ra, …", "Đồng thời, …").
//!
//! - a body's own directive ("Ban Thường vụ Tỉnh ủy yêu cầu …"), running on
//!   like a leader's.
//!
//! Outside them stand a body's decisions (with the list they lead in), a
//! decision told of whom it binds ("A được bầu …") or without its body
//! right after one ("Thành lập Đảng bộ …"), and a duty set a date
//! ("… khẩn trương …, xong trước ngày 20-7").
//!
//! Other speakers' remarks are opinions, not conclusions.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::chairs::tells_chair;
use super::deadline;
use super::doc::{Doc, Sentence, clean};
use super::people::{MEETING_NOUNS, People, Role};
use super::{Conclusion, Date, Span};
use regex::Regex;

use crate::text::pattern::Pattern;

use crate::gazetteer::titles::{LEXICON, Part};
use crate::gazetteer::{FirstWordFlags, FirstWords, PhraseList};
use crate::text::segment::Token;

/// Openers of a closing speech, at the start of a sentence.
static CLOSING: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "kết luận",
        "phát biểu kết luận",
        "phát biểu bế mạc",
        "phát biểu chỉ đạo",
        "kết luận hội nghị",
        "kết luận cuộc họp",
        "kết luận buổi làm việc",
        "kết luận phiên họp",
        "kết luận kỳ họp",
        "bế mạc",
    ])
});
/// Verbs by which a leader directs or assesses.
static DIRECTIVE_VERBS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "yêu cầu",
        "đề nghị",
        "nhấn mạnh",
        "chỉ đạo",
        "giao",
        "lưu ý",
        "cho rằng",
        "khẳng định",
        "kết luận",
        "đánh giá cao",
        "ghi nhận",
        "biểu dương",
        "chỉ rõ",
        "mong rằng",
        "mong muốn",
        "tin tưởng",
        "đề ra",
        "chỉ ra",
        "gợi mở",
    ])
});
/// How a body directs ("Đoàn kiểm tra yêu cầu …"); what delegates "cho
/// rằng" is an opinion.
static BODY_DIRECTIVES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "yêu cầu",
        "đề nghị",
        "chỉ đạo",
        "kết luận",
        "giao cho",
        "giao",
    ])
});

/// Nouns that begin like a directive verb: "giao ban" is a briefing.
static FALSE_DIRECTIVES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "giao ban",
        "giao lưu",
        "giao thông",
        "giao dịch",
        "giao tiếp",
        "giao nhận",
        "giao thương",
        "giao phó",
    ])
});

/// The first directive verb among the first `within` tokens: (start,
/// length). `flags` are the tokens' [`cue_flags`].
fn find_directive(toks: &[Token], flags: &[u8], within: usize) -> Option<(usize, usize)> {
    flagged(&flags[..toks.len().min(within)], DIRECTIVE).find_map(|i| {
        let n = DIRECTIVE_VERBS.at(toks, i)?;
        let directs =
            FALSE_DIRECTIVES.at(toks, i).is_none() && !noun_use(toks, i, n) && !attended(toks, i);
        directs.then_some((i, n))
    })
}

/// Whether the verb at `i` tells attendance ("dự và chỉ đạo hội nghị"), not
/// a directive given.
fn attended(toks: &[Token], i: usize) -> bool {
    i >= 2 && toks[i - 1].is("và") && toks[i - 2].is("dự")
}

/// The indices of `flags` that hold any bit of `flag`, in order.
fn flagged(flags: &[u8], flag: u8) -> Flagged<'_> {
    Flagged {
        rest: flags,
        mask: u64::from_le_bytes([flag; 8]),
        chunk: 0,
        next_chunk: 0,
        hits: 0,
    }
}

/// The iterator of [`flagged`]: flags read eight at a time, as most are
/// clear, where a scan would test them one by one.
struct Flagged<'f> {
    /// The flags after the chunk read.
    rest: &'f [u8],
    mask: u64,
    /// Where the chunk read starts, and the next.
    chunk: usize,
    next_chunk: usize,
    /// The chunk's flags that hold a bit of the mask and are not yet
    /// given out, a byte each.
    hits: u64,
}

impl Iterator for Flagged<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.hits == 0 {
            if self.rest.is_empty() {
                return None;
            }
            let n = self.rest.len().min(8);
            let bytes = match self.rest.first_chunk::<8>() {
                Some(whole) => *whole,
                None => {
                    let mut bytes = [0; 8];
                    bytes[..n].copy_from_slice(self.rest);
                    bytes
                }
            };
            self.hits = u64::from_le_bytes(bytes) & self.mask;
            self.rest = &self.rest[n..];
            self.chunk = self.next_chunk;
            self.next_chunk += n;
        }
        let byte = self.hits.trailing_zeros() / 8;
        self.hits &= !(0xFF << (byte * 8));
        Some(self.chunk + byte as usize)
    }
}

/// A flag of [`cue_flags`]: a directive verb may start at the token.
const DIRECTIVE: u8 = 1;
/// A flag of [`cue_flags`]: a body's directive may start at the token.
const BODY_DIRECTIVE: u8 = 2;
/// A flag of [`cue_flags`]: a decision may start at the token.
const DECISION: u8 = 4;
/// A flag of [`cue_flags`]: the token may be "đã" or "được", which tell
/// of what is done.
const DONE: u8 = 8;
/// A flag of [`cue_flags`]: the token may be "là".
const IS: u8 = 16;
/// A flag of [`cue_flags`]: the token may be "đó", "đây" or "trong",
/// which point back to what was said.
const POINTING: u8 = 32;
/// A flag of [`cue_flags`]: the token may be "chủ", of "chủ trì".
const CHAIRING: u8 = 64;
/// A flag of [`cue_flags`]: a deciding body may start at the token.
const BODY: u8 = 128;

/// The words of each flag that marks single words: a sentence none of
/// whose tokens has the flag holds none of them, and is not scanned for
/// them.
const FLAGGED_WORDS: [(u8, &[&str]); 4] = [
    (DONE, &["đã", "được"]),
    (IS, &["là"]),
    (POINTING, &["đó", "đây", "trong"]),
    (CHAIRING, &["chủ"]),
];

/// The first words of the cues that sentences are scanned for, token by
/// token, more than once.
static CUE_FIRSTS: LazyLock<FirstWordFlags> = LazyLock::new(|| {
    let mut flags = FirstWordFlags::default();
    flags.add(&DIRECTIVE_VERBS.firsts(), DIRECTIVE);
    flags.add(&BODY_DIRECTIVES.firsts(), BODY_DIRECTIVE);
    flags.add(&DECISIONS.firsts(), DECISION);
    flags.add(&DECIDING_BODIES.firsts(), BODY);
    for (flag, words) in FLAGGED_WORDS {
        let mut set = FirstWords::default();
        set.insert_words(words);
        flags.add(&set, flag);
    }
    flags
});

/// Appends, for each token, which cues may start there: one look-up a
/// token, read once a sentence, where each scan of a sentence for a cue
/// would ask each token's first word of its own lexicon. A flag is clear
/// only where no cue of its list starts.
fn cue_flags(toks: &[Token], out: &mut Vec<u8>) {
    let firsts = &*CUE_FIRSTS;
    out.extend(toks.iter().map(|t| firsts.of(t)));
}

/// The flags of a sentence's tokens together: a word flag clear there
/// marks a word the sentence lacks.
fn sentence_flags(flags: &[u8]) -> u8 {
    flags.iter().fold(0, |all, f| all | f)
}

/// Decisions of a body, wherever they stand.
static DECISIONS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "thống nhất",
        "nhất trí",
        "quyết định",
        "đồng ý",
        "thông qua",
        "cho chủ trương",
        "bầu",
        "thành lập",
        "chỉ định",
        "điều động",
        "phân công",
        "kết thúc hoạt động",
    ])
});
/// Decisions on people and bodies, which may be told without the body
/// that took them.
static ORG_DECISIONS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "bầu",
        "thành lập",
        "chỉ định",
        "điều động",
        "phân công",
        "kết thúc hoạt động",
        "bổ nhiệm",
    ])
});
/// Decisions told of whom they bind ("A được giao …", "B được chọn …").
static PASSIVE_DECISIONS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "bầu",
        "thành lập",
        "chỉ định",
        "điều động",
        "phân công",
        "bổ nhiệm",
        "giao",
        "chọn",
    ])
});
/// Words that tell someone to act, early in a paragraph of a directive.
static EXHORTATIONS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "khẩn trương",
        "cần",
        "phải",
        "tập trung",
        "chú trọng",
        "chịu trách nhiệm",
        "trọng tâm",
    ])
});
/// Words of a duty that a deadline is set for.
static DATED_DUTY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?:^|\W)(?:khẩn trương|phải|cần|hoàn thành|xong|chậm nhất)(?:\W|$)")
});
/// Bodies whose decisions count.
static DECIDING_BODIES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "ban thường vụ",
        "thường trực",
        "hội nghị",
        "ban chấp hành",
        "tỉnh ủy",
        "thành ủy",
        "các đại biểu",
        "ủy viên",
        "thành viên",
        "đoàn kiểm tra",
        "đoàn công tác",
        "đoàn giám sát",
        "kỳ họp",
        "đại hội",
        "đại biểu",
        "ủy ban",
        "ubnd",
        "hđnd",
        "huyện ủy",
        "tập thể",
        "ban cán sự",
        "ban chỉ đạo",
        "các đồng chí",
    ])
});
/// Words that continue what was said before.
static CONNECTIVES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "ngoài ra",
        "đồng thời",
        "bên cạnh đó",
        "cùng với đó",
        "trong đó",
        "đặc biệt",
        "mặt khác",
        "vì vậy",
        "do đó",
        "theo đó",
        "trước hết",
        "tiếp theo",
        "cuối cùng",
        "đối với",
        "với",
        "trên cơ sở đó",
        "từ đó",
        "để",
        "thời gian tới",
        "trước mắt",
    ])
});
/// Openers that change the scene and end a passage.
static SCENE_CHANGE: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "thay mặt",
        "dịp này",
        "tại hội nghị",
        "cũng tại hội nghị",
        "trước đó",
        "sau đó",
        "tiếp đó",
        "cùng ngày",
        "tại buổi làm việc",
        "trước khi",
        "nhân dịp",
        "tại kỳ họp",
        "tại cuộc họp",
    ])
});
/// Sentences about who attended, not what was decided.
static ATTENDANCE: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "dự",
        "tham dự",
        "cùng dự",
        "về phía",
        "dự họp",
        "dự hội nghị",
        "đến dự",
        "tiếp và làm việc",
    ])
});
/// An attribution after the fact: "đó là phát biểu chỉ đạo của …", "Là một
/// trong những nội dung quan trọng trong phát biểu kết luận của …".
static BACK_REFERENCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:\b(?:đó|đây) là\b[^.;]{0,60}?|\blà một trong những\b[^.;]{0,80}?)\b(?:phát biểu chỉ đạo|phát biểu kết luận|ý kiến chỉ đạo|chỉ đạo|kết luận|yêu cầu|đề nghị|nhấn mạnh)\b[^.;]{0,30}?\bcủa\b",
    )
});

/// Titles of the people who conclude meetings.
const LEADING_TITLES: &[&str] = &[
    "bi thu",
    "chu tich",
    "truong doan",
    "truong ban",
    "bo truong",
    "thu tuong",
    "pho thu tuong",
    "pho bi thu",
    "uy vien bo chinh tri",
    "tong bi thu",
    "thuong truc ban bi thu",
];

/// Where a passage came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    Closing,
    Directive,
}

/// A sentence with where it stands: (global sentence index, paragraph,
/// sentence).
type Placed<'a> = (usize, usize, &'a Sentence<'a>);

/// Whether a sentence opens a passage: how, the speaker, and the token
/// where the directive begins.
type Opened = Option<(Opener, Option<String>, usize)>;

/// The body deciding or directing in a sentence, and whether it decides.
type Decided = Option<(Range<usize>, bool)>;

/// What the passage walk needs to know of the article.
struct Reader<'d, 'a> {
    doc: &'d Doc<'a>,
    people: &'d People,
    has_chairs: bool,
    sentences: Vec<Placed<'d>>,
    /// Each sentence's [`Reader::opens`], read once: a passage asks of
    /// its sentences again and again.
    opened: Vec<OnceCell<Opened>>,
    /// Each sentence's deciding body ([`decision_subject`] with
    /// directives), read once.
    decided: Vec<OnceCell<Decided>>,
    /// The [`cue_flags`] of every sentence's tokens, one after another:
    /// sentence `i`'s from `flags_from[i]`.
    flags: Vec<u8>,
    flags_from: Vec<usize>,
    /// Each sentence's [`sentence_flags`].
    words: Vec<u8>,
    /// Whether each paragraph is a photo caption ([`is_caption`]), read
    /// once: it is asked of every sentence outside a passage.
    captions: Vec<OnceCell<bool>>,
}

/// Reads the conclusions.
pub fn extract(
    doc: &Doc,
    people: &People,
    headline: Option<Span>,
    reference: Option<Date>,
) -> Vec<Conclusion> {
    // The headline is left out.
    let mut sentences: Vec<Placed> = Vec::new();
    let mut global = 0;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        // A "headline" of several sentences is the story itself, on a page
        // that has nothing else.
        let is_headline =
            headline.is_some_and(|h| h.start <= p.start && p.end <= h.end) && p.sentences.len() < 3;
        for s in doc.sentences_of(p) {
            if !is_headline {
                sentences.push((global, pi, s));
            }
            global += 1;
        }
    }
    // A flag for each token: the list is made once.
    let mut flags = Vec::with_capacity(sentences.iter().map(|s| s.2.tokens.len()).sum());
    let mut flags_from = Vec::with_capacity(sentences.len());
    let mut words = Vec::with_capacity(sentences.len());
    for (_, _, s) in &sentences {
        let from = flags.len();
        flags_from.push(from);
        cue_flags(s.tokens, &mut flags);
        words.push(sentence_flags(&flags[from..]));
    }
    let reader = Reader {
        doc,
        people,
        has_chairs: people.people.iter().any(|p| p.roles.contains(&Role::Chair)),
        opened: vec![OnceCell::new(); sentences.len()],
        decided: vec![OnceCell::new(); sentences.len()],
        sentences,
        flags,
        flags_from,
        words,
        captions: vec![OnceCell::new(); doc.paragraphs.len()],
    };
    let mut out = Conclusions::new(reference.or_else(|| deadline::year_of_text(doc.text)));
    let mut last_body = None;
    let mut i = 0;
    while i < reader.sentences.len() {
        i = match reader.opens(i) {
            Some(opened) => reader.passage(i, opened, &mut out),
            None => reader.outside_passage(i, &mut out, &mut last_body),
        };
    }
    back_references(doc, people, &reader.sentences, &reader.words, &mut out);
    out.list.sort_by_key(|c| c.span.start);
    out.list
}

impl Reader<'_, '_> {
    /// Whether sentence `i` opens a passage: a leader's closing speech or
    /// directive, or a body's directive ("Ban Thường vụ Tỉnh ủy yêu cầu …").
    fn opens(&self, i: usize) -> &Opened {
        self.opened[i].get_or_init(|| {
            let (si, _, s) = self.sentences[i];
            let (people, flags) = (self.people, self.flags(i));
            opens_passage(self.doc, people, self.has_chairs, si, s.tokens, flags).or_else(|| {
                match self.decided(i) {
                    Some((body, false)) => Some((
                        Opener::Directive,
                        Some(clean(&self.doc.text[body.clone()])),
                        0,
                    )),
                    _ => None,
                }
            })
        })
    }

    /// The body deciding in sentence `i` ([`decision_subject`] without
    /// directives). When the body found with directives decides, or none
    /// is found, it is the one: directives only add candidates.
    fn decided_only(&self, i: usize) -> Option<Range<usize>> {
        match self.decided(i) {
            Some((body, true)) => Some(body.clone()),
            None => None,
            Some((_, false)) => decision_subject(self.sentences[i].2.tokens, self.flags(i), false)
                .map(|(body, _)| body),
        }
    }

    /// The body deciding or directing in sentence `i`, and whether it decides.
    fn decided(&self, i: usize) -> &Decided {
        self.decided[i]
            .get_or_init(|| decision_subject(self.sentences[i].2.tokens, self.flags(i), true))
    }

    /// Whether paragraph `p` is a photo caption.
    fn is_caption(&self, p: usize) -> bool {
        *self.captions[p].get_or_init(|| is_caption(self.doc, p))
    }

    /// The [`cue_flags`] of sentence `i`'s tokens.
    fn flags(&self, i: usize) -> &[u8] {
        let from = self.flags_from[i];
        &self.flags[from..from + self.sentences[i].2.tokens.len()]
    }

    /// A sentence outside any passage: a body's decision (with the list it
    /// leads in), a decision told without its body, or a dated duty.
    /// Returns the index of the next sentence to read.
    fn outside_passage(
        &self,
        mut i: usize,
        out: &mut Conclusions,
        last_body: &mut Option<String>,
    ) -> usize {
        let doc = self.doc;
        let (_, para, s) = self.sentences[i];
        let toks = s.tokens;
        let words = self.words[i];
        if let Some((body, _)) = self.decided(i) {
            let body = Some(clean(&doc.text[body.clone()]));
            out.add(doc, s, words, 0, body.as_deref());
            *last_body = body.clone();
            // "Hội nghị thống nhất:" and the items it decided.
            if let Some(d) = lead_in(doc, s, out.reference) {
                out.inherited = d;
                // Items as bullets, or run together in the one
                // paragraph after it ("… thống nhất kết luận như sau:").
                let sentences = &self.sentences;
                let run_on = sentences
                    .get(i + 1)
                    .filter(|&&(_, pj, next)| pj != para && !is_bullet(next.tokens))
                    .map(|&(_, pj, _)| pj);
                while let Some(&(_, pj, next)) = sentences.get(i + 1)
                    && pj != para
                    && (is_bullet(next.tokens) || Some(pj) == run_on)
                {
                    out.add(doc, next, self.words[i + 1], 0, body.as_deref());
                    i += 1;
                }
                out.inherited = None;
            }
        } else if self.is_caption(para) {
            // A caption repeats what the story tells.
        } else if passive_decision(toks, words) {
            out.add(doc, s, words, 0, None);
        } else if last_body.is_some() && opens_with_decision(toks) {
            // "Thành lập Đảng bộ …" after "Ban Thường vụ Tỉnh ủy đã …".
            out.add(doc, s, words, 0, last_body.as_deref());
        } else if dated_duty(doc, s, words, out.reference) {
            out.add(doc, s, words, 0, None);
        }
        i + 1
    }

    /// Reads the passage sentence `i` opens, through the paragraphs that
    /// go on with it. Returns the index of the next sentence to read.
    fn passage(
        &self,
        i: usize,
        (opener, speaker, from): &(Opener, Option<String>, usize),
        out: &mut Conclusions,
    ) -> usize {
        let (mut opener, from) = (*opener, *from);
        let (doc, people, sentences) = (self.doc, self.people, &self.sentences);
        let (_, para, s) = sentences[i];
        out.add(doc, s, self.words[i], from, speaker.as_deref());
        let mut list = lead_in(doc, s, out.reference);
        out.inherited = list.flatten();
        let mut j = i + 1;
        while j < sentences.len() {
            let (sj, pj, next) = sentences[j];
            let new_paragraph = pj != sentences[j - 1].1;
            if new_paragraph && self.is_caption(pj) {
                // A photo caption between paragraphs of one speech.
                j += 1;
                continue;
            }
            if new_paragraph {
                // Bullets under a lead-in ("đề nghị các cấp, các ngành:")
                // go on with it.
                let bullet = list.is_some() && is_bullet(next.tokens);
                if !bullet {
                    list = None;
                    out.inherited = None;
                }
                let goes_on = bullet
                    || !ends_passage(people, sj, next.tokens, speaker)
                        && match opener {
                            Opener::Closing => pj <= para + 12,
                            Opener::Directive => continues(next.tokens),
                        };
                match self.opens(j) {
                    // The same speaker going on keeps the passage.
                    Some((Opener::Closing, s, _)) if same_speaker(s, speaker) => {
                        opener = Opener::Closing
                    }
                    Some((_, s, _)) if same_speaker(s, speaker) => {}
                    Some(_) => break,
                    None if !goes_on => break,
                    None => {}
                }
            }
            let from = match self.opens(j) {
                Some((_, s, from)) if same_speaker(s, speaker) => *from,
                _ => 0,
            };
            // Inside a speech a body is decided for, it directs nobody.
            let decided = self.decided_only(j).map(|b| clean(&doc.text[b]));
            let who = decided.as_deref().or(speaker.as_deref());
            out.add(doc, next, self.words[j], from, who);
            if let Some(d) = lead_in(doc, next, out.reference) {
                list = Some(d);
                out.inherited = d;
            }
            j += 1;
        }
        out.inherited = None;
        j
    }
}

/// Whether a paragraph goes on with a leader's directive: it opens with a
/// connective ("Đồng thời, …") or tells someone to act ("Các ngành khẩn
/// trương …", "Trọng tâm trước mắt là tập trung …").
fn continues(toks: &[Token]) -> bool {
    CONNECTIVES.at(toks, 0).is_some()
        || (0..toks.len().min(8)).any(|k| EXHORTATIONS.at(toks, k).is_some())
}

/// Whether paragraph `p` is a photo caption: "… (Ảnh: N.H.)", or a short
/// line showing the meeting ("Quang cảnh hội nghị", "Các đại biểu dự Hội
/// nghị.").
fn is_caption(doc: &Doc, p: usize) -> bool {
    let para = &doc.paragraphs[p];
    let text = &doc.text[para.start..para.end];
    text.len() < 300 && (text.contains("Ảnh:") || text.contains("(Ảnh") || text.contains("ẢNH:"))
        || shows_the_meeting(doc.sentences_of(para))
}

/// Whether a paragraph is one short sentence that shows the meeting or
/// those at it, as photo captions do: a view or the delegates, and the
/// meeting.
fn shows_the_meeting(sentences: &[Sentence]) -> bool {
    let [s] = sentences else {
        return false;
    };
    let toks = s.tokens;
    // The opening words first: most paragraphs are left at them.
    CAPTION_HEADS.at(toks, 0).is_some()
        && toks.iter().filter(|t| t.is_word()).count() <= 10
        && MEETING_NOUNS.find(toks, toks.len()).is_some()
}

/// What a caption of the meeting opens with: the view of it, or those at it.
static CAPTION_HEADS: LazyLock<PhraseList> =
    LazyLock::new(|| PhraseList::new(&["quang cảnh", "toàn cảnh", "các đại biểu", "đại biểu"]));

/// A decision told of the one decided on ("Đồng chí A được bầu giữ chức
/// …"), whose body is not named. `words` are the sentence's
/// [`sentence_flags`]: one without "được" tells none.
fn passive_decision(toks: &[Token], words: u8) -> bool {
    if words & DONE == 0 {
        return false;
    }
    // A life story ("từng được bầu …", "được điều động năm 2016") tells of
    // decisions taken long before.
    let past = toks.windows(2).any(|w| {
        w[0].is("từng")
            || (w[0].is("trước") && w[1].is("đó"))
            || (w[0].is("năm") && w[1].kind == crate::text::segment::TokenKind::Number)
    });
    // "nhiệm vụ được giao" names a duty; "thay ông B được bầu …" tells why
    // a post fell free.
    let duty = |d: usize| d >= 3 && matches!(toks[d - 2].key.as_ref(), "vụ" | "trách");
    let replaced = |d: usize| toks[..d].iter().any(|t| t.is("thay"));
    !past
        && (1..toks.len().min(40)).any(|d| {
            toks[d - 1].is("được")
                && !duty(d)
                && !replaced(d)
                && PASSIVE_DECISIONS
                    .at(toks, d)
                    .is_some_and(|n| toks.get(d + n).is_some_and(|t| t.is_word()))
                && !noun_use(toks, d, DECISIONS.at(toks, d).unwrap_or(1))
        })
}

/// Whether a sentence opens with a decision on people or bodies and no
/// subject ("Thành lập Đảng bộ …", "Điều động, chỉ định ông …"): one more
/// of the decisions a body was just told to take.
fn opens_with_decision(toks: &[Token]) -> bool {
    let at = bullet_len(toks);
    toks.get(at).is_some_and(|t| t.is_capitalized())
        && ORG_DECISIONS.at(toks, at).is_some()
        && !toks.get(at + 1).is_some_and(|t| t.is("cử"))
}

/// A sentence that sets a deadline for work still to do ("Các chi bộ khẩn
/// trương …, xong trước ngày 20-7"), whoever it is told of. `words` are
/// its [`sentence_flags`].
fn dated_duty(doc: &Doc, s: &Sentence, words: u8, reference: Option<Date>) -> bool {
    let done = tells_done(s.tokens, words);
    // A date already past when the meeting sat tells what was done.
    let still_due = |due: Date| reference.is_none_or(|r| due.days() >= r.days());
    !done
        && !is_attendance(s.tokens, words)
        && deadline::may_hold(&doc.text[s.range()])
        && DATED_DUTY.is_match(&doc.text[s.range()])
        && deadline::find(&doc.text[s.range()], reference).is_some_and(|(due, _)| still_due(due))
}

/// Whether a sentence says "đã" or "được". `words` are its
/// [`sentence_flags`].
fn tells_done(toks: &[Token], words: u8) -> bool {
    words & DONE != 0 && toks.iter().any(|t| t.is("đã") || t.is("được"))
}

/// Whether a sentence has the words of an attribution after the fact
/// ([`BACK_REFERENCE`]): "là", and "đó", "đây" or "trong". `words` are
/// its [`sentence_flags`].
fn may_refer_back(toks: &[Token], words: u8) -> bool {
    words & IS != 0
        && words & POINTING != 0
        && toks.iter().any(|t| t.is("là"))
        && toks
            .iter()
            .any(|t| t.is("đó") || t.is("đây") || t.is("trong"))
}

/// Directives told first and attributed after: "“Quyết tâm …” – đó là phát
/// biểu chỉ đạo của đồng chí …", "… Đó là yêu cầu của đồng chí …". The
/// paragraph up to the attribution holds them. `words` are the sentences'
/// [`sentence_flags`].
fn back_references(
    doc: &Doc,
    people: &People,
    sentences: &[Placed],
    words: &[u8],
    out: &mut Conclusions,
) {
    for (i, &(si, para, s)) in sentences.iter().enumerate() {
        let text = &doc.text[s.range()];
        let maybe = may_refer_back(s.tokens, words[i]);
        let Some(m) = maybe.then(|| BACK_REFERENCE.find(text)).flatten() else {
            continue;
        };
        let at = s.start + m.start();
        let speaker = people
            .mentions_in(si)
            .find(|x| x.name.start >= at)
            .map(|x| people.people[x.person].name.clone())
            .or_else(|| {
                people
                    .title_refs_in(si)
                    .filter(|r| r.span.start >= at)
                    .find_map(|r| {
                        people
                            .holder_of(&r.title)
                            .map(|p| people.people[p].name.clone())
                            .or(Some(r.title.clone()))
                    })
            });
        for (k, &(_, p, earlier)) in sentences[..i]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, (_, p, _))| *p == para)
        {
            debug_assert_eq!(p, para);
            out.add(doc, earlier, words[k], 0, speaker.as_deref());
        }
        let before = text[..m.start()]
            .trim_end_matches(|c: char| c.is_whitespace() || "-–—\"“”'".contains(c));
        if !before.is_empty() {
            let start = s.start
                + (before.len()
                    - before
                        .trim_start_matches(|c: char| c.is_whitespace() || "\"“".contains(c))
                        .len());
            let span = Span::new(start, s.start + before.len());
            out.add_text(clean(&doc.text[span.range()]), span, speaker.as_deref());
        }
    }
}

/// Whether two speakers are one: the same name, or titles of which one
/// begins the other ("Bí thư Tỉnh ủy" and "Bí thư Tỉnh ủy, Chủ tịch UBND
/// tỉnh").
fn same_speaker(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
        (None, None) => true,
        _ => false,
    }
}

/// Conclusions gathered so far, without repeats.
struct Conclusions {
    list: Vec<Conclusion>,
    /// The lower case of each text taken, by its key ([`lower_key`]),
    /// as indices into `list`: a lead printed twice is one conclusion.
    seen: crate::gazetteer::FastMap<u64, Vec<usize>>,
    reference: Option<Date>,
    /// The deadline of a lead-in ("… trong tháng 9 năm 2020:") that covers
    /// the bullets under it.
    inherited: Option<Date>,
}

impl Conclusions {
    fn new(reference: Option<Date>) -> Self {
        Conclusions {
            list: Vec::new(),
            seen: Default::default(),
            reference,
            inherited: None,
        }
    }

    /// Adds one directive's text.
    fn add_text(&mut self, text: String, span: Span, speaker: Option<&str>) {
        // Lower case keeps the spaces where they are: short pieces are
        // left before any copy is made.
        if text.split_whitespace().nth(4).is_none() {
            return;
        }
        // Whether it directs first: a piece that does not is left before
        // its lower case is made and looked up.
        if !directs(&text) {
            return;
        }
        if !self.first_taken(&text) {
            return;
        }
        let deadline = deadline::find(&text, self.reference)
            .map(|(d, _)| d)
            .or(self.inherited);
        self.list.push(Conclusion {
            text,
            // The speaker is copied only for a conclusion kept.
            speaker: speaker.filter(|s| !s.is_empty()).map(str::to_string),
            deadline,
            span,
        });
    }

    /// Whether no text taken so far has the lower case of `text`; when
    /// none has, `text` (to be pushed next) is counted as taken. Texts are
    /// compared by the hash of their lower case first: most are new, and
    /// neither lower case need be written out for them.
    fn first_taken(&mut self, text: &str) -> bool {
        let taken = self.seen.entry(lower_key(text)).or_default();
        let list = &self.list;
        if !taken.is_empty() {
            let key = lowercase(text);
            if taken.iter().any(|&i| lowercase(&list[i].text) == key) {
                return false;
            }
        }
        taken.push(list.len());
        true
    }

    /// Adds the directives of a sentence from token `from`. `words` are
    /// its [`sentence_flags`].
    fn add(&mut self, doc: &Doc, s: &Sentence, words: u8, from: usize, speaker: Option<&str>) {
        if is_attendance(s.tokens, words) && !chaired_before(s.tokens, from) {
            return;
        }
        for (text, span) in directive_pieces(doc, s, from) {
            self.add_text(text, span, speaker);
        }
    }
}

/// `text.to_lowercase()`, with each letter below U+2000 (Vietnamese is
/// written in those) lowered through a table instead of the library's
/// search per character.
fn lowercase(text: &str) -> String {
    let table = &*LOWER;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            match table.get(c as usize) {
                Some(&l) if l != '\0' => l,
                // A letter lowered to several, by its context or out of
                // the table: the library's way for the whole text.
                _ => return text.to_lowercase(),
            }
        };
        out.push(lower);
    }
    out
}

/// A key of `lowercase(text)`, read from `text` without writing it out:
/// what its ASCII bytes add up to. Lowering maps ASCII letters to ASCII
/// letters, leaves other ASCII bytes alone, and maps every other
/// character to characters outside ASCII but for two ([`LOWER_TO_ASCII`]):
/// the ASCII bytes of the lower case are those of `text`, lowered. Sums
/// rather than a hash of every character: one pass the compiler runs many
/// bytes at a time. Texts differ in their words far more often than in
/// what their letters sum to; those that do not are compared whole.
fn lower_key(text: &str) -> u64 {
    let bytes = text.as_bytes();
    if LOWER_TO_ASCII.iter().any(|f| f.find(bytes).is_some()) {
        return ascii_sums(text.to_lowercase().as_bytes());
    }
    ascii_sums(bytes)
}

/// The characters outside ASCII whose lower case holds an ASCII letter:
/// İ (U+0130, "i̇") and the Kelvin sign (U+212A, "k").
static LOWER_TO_ASCII: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new("\u{130}"),
        memchr::memmem::Finder::new("\u{212A}"),
    ]
});

/// The count, sum and sum of squares of the ASCII bytes of `bytes`, each
/// letter lowered, mixed into one key.
fn ascii_sums(bytes: &[u8]) -> u64 {
    let (mut count, mut sum, mut squares) = (0u64, 0u64, 0u64);
    // Sums in 32 bits over chunks short enough not to overflow, so the
    // loop runs many bytes at a time.
    for chunk in bytes.chunks(1 << 16) {
        let (mut n, mut s, mut q) = (0u32, 0u32, 0u32);
        for &b in chunk {
            let ascii = u32::from(b < 0x80);
            let upper = u32::from(b.wrapping_sub(b'A') < 26);
            let lower = (u32::from(b) + upper * 32) * ascii;
            n += ascii;
            s += lower;
            q += lower * lower;
        }
        count += u64::from(n);
        sum += u64::from(s);
        squares += u64::from(q);
    }
    count.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ sum.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ squares
}

/// The lower case of each character below U+2000 that lowers to one
/// character whatever stands around it; NUL for the others.
static LOWER: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0..0x2000u32)
        .map(|u| {
            let Some(c) = char::from_u32(u).filter(|&c| c != 'Σ') else {
                return '\0';
            };
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => '\0',
            }
        })
        .collect()
});

// Both patterns are only asked whether they match, so a word boundary is
// written as the non-word character (or text edge) it stands next to: a
// Unicode `\b` keeps the regex engine off its fast automaton on Vietnamese
// text, and these run on every candidate conclusion.

/// Openers of what is judged or told, not asked: an assessment, thanks,
/// a look back ("Năm 2020, …", "Thời gian qua, …").
static ASSESSMENT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::whole(
        r"(?i)^(?:\S+\s+){0,6}?(?:đánh giá cao|ghi nhận|biểu dương|khen ngợi|khẳng định|cho rằng|chúc mừng|cảm ơn|trân trọng|cho thấy|được tổ chức|đã|đang)(?:\W|$)|^(?:\S+\s+){0,10}?(?:tăng|đạt|giảm)\s+(?:trên\s+|hơn\s+|gần\s+|khoảng\s+)?\d|^(?:dự và\s+)?chỉ đạo\s+(?:tại\s+)?(?:đại hội|hội nghị)|^chỉ đạo và\s|^(?:chỉ đạo|yêu cầu|kết luận)\s+của\s|^nhấn mạnh,?\s+(?:ý nghĩa|tầm quan trọng|vai trò|dưới sự)|^(?:đồng thời,?\s+)?(?:nghe|báo cáo|quán triệt|hướng dẫn|công bố|thông báo)\s|^(?:năm \d{4}|thời gian qua|những năm qua|qua \d|từ đầu năm|trong năm qua|kết quả|đây|đó|điều đó|tuy nhiên|các ý kiến)(?:\W|$)|^(?:\S+\s+){1,12}?là\s",
    )
});
/// The outlet speaking of itself: "Báo … trân trọng trích đăng …". Phrases
/// alone, so the engine can look for them by their letters rather than
/// walk every piece through an automaton.
static PAGE_PHRASES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)trích đăng|xin giới thiệu|trân trọng giới thiệu|lượt truy cập").unwrap()
});
/// A piece opening with its outlet's tag: "(BTB) - ", "TTXVN - ".
static PAGE_TAG: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::whole(r"(?i)^\(?[A-ZĐ][A-Za-zĐ.]{1,12}\)?\s*[-–]\s"));
/// Words that make a sentence ask, assign or decide something.
static DIRECTS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:^|\W)(?:yêu cầu|đề nghị|giao cho|phải|cần|quyết định|thống nhất|nhất trí|thông qua|đồng ý|mong|tin tưởng|sẽ|không được|tránh|bầu|thành lập|chỉ định|điều động|phân công|bổ nhiệm|kết thúc hoạt động)(?:\W|$)|\slà\s+(?:phải\s+|cần\s+)?(?:tập trung|khẩn trương|chú trọng|đẩy mạnh|quán triệt)(?:\W|$)",
    )
});

/// Whether a piece asks, assigns or decides, rather than only judging
/// what was done or telling the background.
fn directs(text: &str) -> bool {
    // One pass each, and no copy of a sentence that has neither. Every
    // joint ends in "là ", which most pieces lack: a byte search for it
    // costs less than a call of the regex.
    let text = if JOINT_END.find(text.as_bytes()).is_some() {
        JOINTS.replace_all(text, "nhất ")
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let text = if NOUN_WORDS.iter().any(|w| w.find(text.as_bytes()).is_some()) {
        NOUNS_LIKE_VERBS.replace_all(&text, "danh từ")
    } else {
        text
    };
    // A quote opens like the words inside it.
    let text = text.trim_start_matches(['"', '“', '\'', ' ']);
    // Few pieces are the outlet's own lines: they are asked of only
    // those that direct.
    let page_line =
        || may_be_tagged(text) && PAGE_TAG.is_match(text) || PAGE_PHRASES.is_match(text);
    (!ASSESSMENT.is_match(text) || DIRECTS.is_match(text)) && !page_line()
}

/// "nhất là", "tức là" join, they do not say what a thing is.
static JOINTS: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?:nhất|tức|hoặc|hay) là ").unwrap());
/// What every match of [`JOINTS`] ends with.
static JOINT_END: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("là "));
/// Nouns spelt like the verbs that direct: "bầu cử", "sự thống nhất",
/// "các quyết định".
static NOUNS_LIKE_VERBS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("bầu cử|sự thống nhất|(?:các|những) quyết định").unwrap());
/// A word every match of [`NOUNS_LIKE_VERBS`] holds: most pieces have
/// none, and three byte searches cost less than a call of the regex.
static NOUN_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new("bầu cử"),
        memchr::memmem::Finder::new("thống nhất"),
        memchr::memmem::Finder::new("quyết định"),
    ]
});

/// Whether a piece may open with its outlet's tag ([`PAGE_TAG`]): every
/// tag is followed by a dash, which most pieces lack.
fn may_be_tagged(text: &str) -> bool {
    memchr::memchr(b'-', text.as_bytes()).is_some() || text.contains('–')
}

/// Whether sentence `si` opens a conclusion passage, with the speaker and
/// the token where the directive itself begins.
fn opens_passage(
    doc: &Doc,
    people: &People,
    has_chairs: bool,
    si: usize,
    toks: &[Token],
    flags: &[u8],
) -> Option<(Opener, Option<String>, usize)> {
    // A closing cue opens the sentence, maybe after its date ("Ngày 15/10,
    // phát biểu chỉ đạo tại …").
    let dated = toks
        .iter()
        .take(6)
        .position(|t| t.is_punct(','))
        .filter(|&c| toks[..c].iter().all(is_date_word))
        .map_or(0, |c| c + 1);
    // Past the cue and the comma or colon after it, when there is one: a
    // heading that is only the cue ("Kết luận") has nothing after it.
    let closing = CLOSING
        .at(toks, dated)
        .map(|n| (dated + n + 1).min(toks.len()));
    if closing.is_none()
        && let Some(opened) = according_to(people, has_chairs, toks)
    {
        return Some(opened);
    }
    // After a closing cue the speaker comes first, then what they said.
    let skip = closing.map_or(0, |n| speaker_end(people, si, toks, n).unwrap_or(n));
    let mut found = find_directive(&toks[skip..], &flags[skip..], 80).map(|(v, n)| (v + skip, n));
    // "Đánh giá cao …, đồng chí A yêu cầu …": a verb opening the sentence
    // with nobody before it leaves the speaker to a later verb.
    // "Trên cơ sở chỉ rõ …, đồng chí A yêu cầu …": likewise for a verb
    // with nobody named before it.
    if closing.is_none()
        && let Some((v, n)) = found
        && (v == skip
            || (!said_by_me(toks, v) && speaker_before(doc, people, si, toks, v).is_none()))
        && let Some((w, m)) = find_directive(&toks[v + n..], &flags[v + n..], 80)
    {
        found = Some((v + n + w, m));
    }
    let (verb, verb_len) = match (found, closing) {
        (Some(f), _) => f,
        (None, Some(_)) => (skip, 0),
        (None, None) => return None,
    };
    let first_person = verb_len > 0 && said_by_me(toks, verb);
    let speaker = if first_person {
        // "“Tôi đề nghị …”, đồng chí A nhấn mạnh": the one quoted.
        quoted_speaker(people, has_chairs, si, toks, verb)
    } else {
        speaker_before(
            doc,
            people,
            si,
            toks,
            verb.min(toks.len().saturating_sub(1)),
        )
    };
    let closing = closing.is_some();
    let opener = if closing {
        Opener::Closing
    } else {
        let (name, is_chair) = speaker.as_ref()?;
        let leads = if has_chairs {
            // Beside the chair, a leader who gives orders ("Phó Chủ tịch
            // UBND tỉnh A yêu cầu các sở …") directs too; what others think
            // or stress is their own view.
            *is_chair || (commands(toks, verb) && leading_person(people, name))
        } else {
            *is_chair
                || is_leading_title(name)
                || leading_person(people, name)
                || nobody_leads(people)
        };
        if !leads {
            return None;
        }
        Opener::Directive
    };
    // The directive starts after "nhấn mạnh:" or at the directing verb.
    let colon = toks[verb..]
        .iter()
        .position(|t| t.is_punct(':'))
        .map(|p| verb + p + 1);
    let from = match colon {
        Some(c) if c <= verb + verb_len + 1 => c,
        // "“… phải …”, Bí thư Tỉnh ủy nhấn mạnh": the quote is what was said.
        _ if quoted_before(toks, verb) => 0,
        _ => verb,
    };
    Some((opener, speaker.map(|(s, _)| s), from))
}

/// Whether the verb at `verb` gives an order: "yêu cầu", "chỉ đạo", "giao"
/// (the verb's nouns are left by [`find_directive`]).
fn commands(toks: &[Token], verb: usize) -> bool {
    let is = |at: usize, word: &str| toks.get(at).is_some_and(|t| t.is(word));
    match toks.get(verb).map(|t| t.key.as_ref()) {
        Some("yêu") => is(verb + 1, "cầu"),
        Some("chỉ") => is(verb + 1, "đạo"),
        Some("giao") => true,
        _ => false,
    }
}

/// Whether the verb at `verb` is said in the first person ("Tôi đề nghị").
fn said_by_me(toks: &[Token], verb: usize) -> bool {
    toks[verb.saturating_sub(2)..verb]
        .iter()
        .any(|t| t.is("tôi") || t.is("chúng"))
}

/// Whether the sentence opens with a quote that closes before token `verb`.
fn quoted_before(toks: &[Token], verb: usize) -> bool {
    let is_quote = |t: &Token| t.is_punct('“') || t.is_punct('"');
    toks.first().is_some_and(is_quote)
        && toks[1..verb]
            .iter()
            .any(|t| t.is_punct('”') || t.is_punct('"'))
}

/// "Theo ông A, các cấp cần …": a leader's directive told in their name,
/// from after the comma.
fn according_to(
    people: &People,
    has_chairs: bool,
    toks: &[Token],
) -> Option<(Opener, Option<String>, usize)> {
    if !toks.first()?.is("theo") {
        return None;
    }
    let comma = toks.iter().take(12).position(|t| t.is_punct(','))?;
    let (name, is_chair) = short_name(people, &toks[..comma])?;
    let leads = is_chair || (!has_chairs && leading_person(people, &name));
    let rest = &toks[comma + 1..];
    let directs = rest.iter().any(|t| t.is("cần") || t.is("phải"));
    (leads && directs).then_some((Opener::Directive, Some(name), comma + 1))
}

/// Who says "tôi" in a quote: the person named after it in the sentence,
/// else the one chair.
fn quoted_speaker(
    people: &People,
    has_chairs: bool,
    si: usize,
    toks: &[Token],
    verb: usize,
) -> Option<(String, bool)> {
    let at = toks[verb].start;
    if let Some(m) = people.mentions_in(si).find(|m| m.name.start > at) {
        let p = &people.people[m.person];
        return Some((p.name.clone(), p.roles.contains(&Role::Chair)));
    }
    let mut chairs = people
        .people
        .iter()
        .filter(|p| p.roles.contains(&Role::Chair));
    match (has_chairs, chairs.next(), chairs.next()) {
        (true, Some(p), None) => Some((p.name.clone(), true)),
        _ => None,
    }
}

/// Where the first speaker named after token `from` ends (a person, or a
/// title without a name).
fn speaker_end(people: &People, si: usize, toks: &[Token], from: usize) -> Option<usize> {
    let at = toks.get(from)?.start;
    let person = people
        .mentions_in(si)
        .filter(|m| m.name.start >= at)
        .map(|m| m.tokens.end)
        .min();
    let title = people
        .title_refs_in(si)
        .filter(|r| r.span.start >= at)
        .map(|r| r.tokens.end)
        .min();
    person.into_iter().chain(title).min()
}

/// The speaker named before the verb, and whether they chair: a person
/// ("đồng chí Ngô Đông Hải"), or titles without a name ("Bí thư Tỉnh ủy,
/// Chủ tịch UBND tỉnh"), resolved to the one person holding them when
/// there is one.
fn speaker_before(
    doc: &Doc,
    people: &People,
    si: usize,
    toks: &[Token],
    verb: usize,
) -> Option<(String, bool)> {
    let verb_at = toks[verb].start;
    let is_chair = |p: usize| people.people[p].roles.contains(&Role::Chair);
    if let Some(m) = people
        .mentions_in(si)
        .rev()
        .find(|m| m.name.end <= verb_at && !is_object(toks, m.tokens.start))
    {
        return Some((people.people[m.person].name.clone(), is_chair(m.person)));
    }
    let refs: Vec<_> = people
        .title_refs_in(si)
        .filter(|r| r.span.end <= verb_at && !is_object(toks, r.tokens.start))
        .collect();
    let Some(last) = refs.last() else {
        return short_name(people, &toks[..verb]);
    };
    // Titles of one speaker follow each other, separated by commas.
    let mut first = last;
    for r in refs.iter().rev().skip(1) {
        let gap = &doc.text[r.span.end..first.span.start];
        if gap.trim().trim_matches(',').trim().is_empty() || gap.trim() == "-" {
            first = r;
        } else {
            break;
        }
    }
    match people.holder_of(&last.title) {
        Some(p) => Some((people.people[p].name.clone(), is_chair(p))),
        None => Some((clean(&doc.text[first.span.start..last.span.end]), false)),
    }
}

/// A person named by "ông"/"bà" and the last word of their name ("Ông
/// Quảng yêu cầu …"), when one person of the article has that name.
fn short_name(people: &People, toks: &[Token]) -> Option<(String, bool)> {
    let at = toks.iter().rposition(|t| t.is("ông") || t.is("bà"))?;
    let given = toks.get(at + 1).filter(|t| t.is_capitalized())?;
    let tail = format!(" {}", given.text);
    let mut named = people.people.iter().filter(|p| p.name.ends_with(&tail));
    match (named.next(), named.next()) {
        (Some(p), None) => Some((p.name.clone(), p.roles.contains(&Role::Chair))),
        _ => None,
    }
}

/// Whether the person or title at token `at` is the object of the
/// sentence ("chúc mừng đồng chí A", "trao quyết định cho ông B", "tân Bí
/// thư"), not who speaks.
fn is_object(toks: &[Token], at: usize) -> bool {
    let mut i = at.min(toks.len());
    while i > 0
        && matches!(
            toks[i - 1].key.as_ref(),
            "đồng" | "chí" | "ông" | "bà" | "đ/c" | "tân"
        )
    {
        if toks[i - 1].key == "tân" {
            return true;
        }
        i -= 1;
    }
    i > 0
        && matches!(
            toks[i - 1].key.as_ref(),
            "mừng" | "trao" | "tặng" | "cho" | "với" | "định" | "nhiệm" | "động" | "thiệu" | "đón"
        )
}

fn is_leading_title(title: &str) -> bool {
    let k = crate::text::fold(title);
    LEADING_TITLES.iter().any(|t| k.starts_with(t))
}

/// Whether no one of the article chairs or holds a leading post: then
/// whoever directs speaks for the meeting ("Phát biểu tại buổi làm việc,
/// đồng chí A lưu ý tỉnh cần …" of a visit whose leader's posts go
/// unsaid).
fn nobody_leads(people: &People) -> bool {
    !people
        .people
        .iter()
        .any(|p| p.roles.contains(&Role::Chair) || p.titles().any(is_leading_title))
}

/// Whether a named person holds a leading post.
fn leading_person(people: &People, name: &str) -> bool {
    people
        .people
        .iter()
        .any(|p| p.name == name && p.titles().any(is_leading_title))
}

/// Whether a paragraph starting with this sentence ends a passage: it
/// changes the scene or gives the floor to someone else.
fn ends_passage(people: &People, si: usize, toks: &[Token], speaker: &Option<String>) -> bool {
    if SCENE_CHANGE.at(toks, 0).is_some() || opens_with_date(toks) {
        return true;
    }
    let early = toks.get(12).map_or(usize::MAX, |t| t.start);
    people.mentions_in(si).any(|m| {
        m.name.start < early
            && speaker
                .as_ref()
                .is_none_or(|s| *s != people.people[m.person].name)
    })
}

/// The deciding body right before a decision verb ("Ban Thường vụ Tỉnh ủy
/// (cũng/cơ bản) thống nhất …"), as a byte range. `flags` are the tokens'
/// [`cue_flags`].
fn decision_subject(
    toks: &[Token],
    flags: &[u8],
    directives: bool,
) -> Option<(Range<usize>, bool)> {
    // A decision, or a body's own directive ("Đoàn kiểm tra cũng yêu cầu …").
    // A lead-in to a list may tell the setting first ("Tại hội nghị ngày
    // …, sau khi nghe …, Thường trực Tỉnh ủy thống nhất kết luận như sau:").
    let within = if toks.last().is_some_and(|t| t.is_punct(':')) {
        64
    } else {
        32
    };
    let within = toks.len().min(within);
    // "Ban Chỉ đạo … thống nhất": a verb inside the body's name directs nothing.
    let directive = flagged(
        &flags[..if directives { within } else { 0 }],
        BODY_DIRECTIVE,
    )
    .find(|&i| {
        BODY_DIRECTIVES.at(toks, i).is_some()
            && FALSE_DIRECTIVES.at(toks, i).is_none()
            && !(i.saturating_sub(3)..i).any(|k| {
                flags[k] & BODY != 0 && DECIDING_BODIES.at(toks, k).is_some_and(|n| k + n > i)
            })
    });
    // Every decision word that is a verb ("phiếu bầu" and "công bố quyết
    // định" are not), and the directive, in order, each with a chance to
    // find its body.
    flagged(&flags[..within], BODY_DIRECTIVE | DECISION).find_map(|i| {
        let directed = (directive == Some(i))
            .then(|| subject_of(toks, flags, i, false))
            .flatten()
            .map(|b| (b, false));
        directed.or_else(|| {
            (flags[i] & DECISION != 0
                && DECISIONS.at(toks, i).is_some_and(|n| !noun_use(toks, i, n)))
            .then(|| subject_of(toks, flags, i, true))
            .flatten()
            .map(|b| (b, true))
        })
    })
}

/// The body that is the subject of the verb at `d`: the one right before
/// it ("…, sau khi nghe …, Thường trực Tỉnh ủy đã thống nhất"), else one
/// opening the sentence. `flags` are the tokens' [`cue_flags`].
fn subject_of(toks: &[Token], flags: &[u8], d: usize, decided: bool) -> Option<Range<usize>> {
    // "A được bầu …", "A được điều động, phân công …": the one decided on
    // comes first, not who decides.
    if toks[d.saturating_sub(4)..d].iter().any(|t| t.is("được")) {
        return None;
    }
    let (b, end) = body_right_before(toks, flags, d).or_else(|| body_opening(toks, d, decided))?;
    let titled = b > 0
        && matches!(
            toks[b - 1].key.as_ref(),
            "thư" | "tịch" | "viên" | "nhiệm" | "trưởng" | "phó" | "đốc"
        );
    (!titled).then(|| toks[b].start..toks[end - 1].end)
}

/// A body whose name ends right before the verb at `d`, but for adverbs
/// ("Ban Chấp hành Đảng bộ tỉnh khóa XIV đã bầu"): its first and end token.
/// `flags` are the tokens' [`cue_flags`].
fn body_right_before(toks: &[Token], flags: &[u8], d: usize) -> Option<(usize, usize)> {
    let from = d.saturating_sub(16);
    flagged(&flags[from..d], BODY).find_map(|k| {
        let k = from + k;
        let n = DECIDING_BODIES.at(&toks[..d], k)?;
        let end = body_end(toks, k + n, d);
        // "53 ủy viên", "100% đại biểu" count the members of a subject
        // named before; "tổ chức Hội nghị" is the meeting held.
        let counted_or_held = k > 0
            && (toks[k - 1].kind == crate::text::segment::TokenKind::Number
                || toks[k - 1].is_punct('%')
                || toks[k - 1].is("chức"));
        (!counted_or_held && toks[end..d].iter().all(is_adverb)).then_some((k, end))
    })
}

/// A body opening the sentence, maybe after a connective or a place
/// ("Ngoài ra, Ban Thường vụ …", "Tại hội nghị, các đại biểu …").
fn body_opening(toks: &[Token], d: usize, decided: bool) -> Option<(usize, usize)> {
    let opening = toks
        .iter()
        .take(6)
        .position(|t| t.is_punct(','))
        .filter(|_| toks.iter().take(d).filter(|t| t.is_punct(',')).count() >= 1)
        .map_or(0, |c| c + 1);
    let b = [0, opening, opening + 1]
        .into_iter()
        .find(|&b| b < d && d < 24 && DECIDING_BODIES.at(&toks[..d], b).is_some())?;
    let end = body_end(toks, b + DECIDING_BODIES.at(&toks[..d], b)?, d);
    // A body's own directive follows its name ("Đoàn kiểm tra cũng yêu
    // cầu"); one further on names the meeting it held ("… tổ chức Hội nghị
    // bàn giao nhiệm vụ").
    (decided || toks[end.min(d)..d].iter().all(is_adverb)).then_some((b, end))
}

/// Where a body's name that runs on from `from` ends, before `d`: through
/// capitals, places and terms ("Ban Chấp hành Đảng bộ TP Cần Thơ khóa
/// XIV").
fn body_end(toks: &[Token], from: usize, d: usize) -> usize {
    let mut end = from;
    while end < d {
        match LEXICON.longest(toks, end) {
            Some((Part::Org { .. } | Part::Level(_) | Part::Department, n))
                if toks[end].is_capitalized()
                    || matches!(toks[end].key.as_ref(), "tỉnh" | "thành" | "huyện") =>
            {
                end += n
            }
            _ if toks[end].is_capitalized()
                || matches!(
                    toks[end].key.as_ref(),
                    "kiểm" | "tra" | "giám" | "sát" | "khóa" | "khoá"
                ) =>
            {
                end += 1
            }
            // "khóa 20", "khóa mới".
            _ if (toks[end - 1].is("khóa") || toks[end - 1].is("khoá"))
                && (toks[end].kind == crate::text::segment::TokenKind::Number
                    || toks[end].is("mới")) =>
            {
                end += 1
            }
            // "Đoàn công tác".
            _ if toks[end].is("công") && toks.get(end + 1).is_some_and(|t| t.is("tác")) => {
                end += 2
            }
            // "Ban Chỉ đạo của Thành ủy".
            _ if toks[end].is("của") && toks.get(end + 1).is_some_and(|t| t.is_capitalized()) => {
                end += 1
            }
            _ => break,
        }
    }
    end.min(d)
}

/// A sentence ending in a colon introduces a list: `Some` with the
/// deadline it sets for the list, when it sets one.
fn lead_in(doc: &Doc, s: &Sentence, reference: Option<Date>) -> Option<Option<Date>> {
    let text = doc.text[s.range()].trim_end();
    text.ends_with(':')
        .then(|| deadline::find(text, reference).map(|(d, _)| d))
}

/// An attribution after a quoted request: "…, đồng chí A nhấn mạnh".
static ATTRIBUTION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[,”\x22]\s*(?:đồng chí|ông|bà)\s[^,]{{2,80}}?|[”\x22]\s*,?\s*[^”\x22]{{2,100}}?)\s(?:{})$",
        ATTRIBUTION_VERBS.join("|")
    ))
    .unwrap()
});

/// The verbs [`ATTRIBUTION_TAIL`] ends with.
const ATTRIBUTION_VERBS: &[&str] = &[
    "nhấn mạnh",
    "khẳng định",
    "nói",
    "cho biết",
    "yêu cầu",
    "đề nghị",
    "chỉ đạo",
];

/// How many tokens a list bullet takes at the start: "-" is one, "1." two.
fn bullet_len(toks: &[Token]) -> usize {
    if !is_bullet(toks) {
        0
    } else if toks[0].kind == crate::text::segment::TokenKind::Punct {
        1
    } else {
        2
    }
}

/// Whether a paragraph opens with a list bullet: "- ", "+ ", "•", "1.",
/// "a)".
fn is_bullet(toks: &[Token]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    if first.kind == crate::text::segment::TokenKind::Punct {
        return matches!(first.text, "-" | "–" | "+" | "•" | "*" | "·");
    }
    let short = first.text.chars().count() <= 2;
    short
        && (first.kind == crate::text::segment::TokenKind::Number
            || first.text.chars().all(|c| c.is_ascii_lowercase()))
        && toks
            .get(1)
            .is_some_and(|t| t.is_punct('.') || t.is_punct(')'))
}

/// Whether the decision or directive word of `n` tokens at `d` is a noun
/// ("trao quyết định", "các kết luận", "quyết định của Bộ Chính trị", "ý
/// kiến phát biểu chỉ đạo").
fn noun_use(toks: &[Token], d: usize, n: usize) -> bool {
    // "cơ bản thống nhất" is "on the whole agreed".
    let before = d
        .checked_sub(1)
        .filter(|&i| !(i > 0 && toks[i].is("bản") && toks[i - 1].is("cơ")))
        .map(|i| toks[i].key.as_ref());
    let after = toks.get(d + n).map(|t| t.key.as_ref());
    // "quyết định số 12", not "thống nhất số lượng".
    let numbered = after == Some("số")
        && toks
            .get(d + n + 1)
            .is_some_and(|t| t.kind == crate::text::segment::TokenKind::Number);
    matches!(
        before,
        Some(
            "các"
                | "những"
                | "trao"
                | "khai"
                | "bố"
                | "theo"
                | "tại"
                | "bản"
                | "số"
                | "nhận"
                | "năm"
                | "ngày"
                | "việc"
                | "phiếu"
                | "sự"
        )
    ) || numbered
        || (d >= 2 && toks[d - 1].is("biểu") && toks[d - 2].is("phát"))
        || matches!(after, Some("của" | "cử"))
}

/// Words between a body and its decision: "Ban Thường vụ | cũng đã |
/// thống nhất".
fn is_adverb(t: &Token) -> bool {
    matches!(
        t.key.as_ref(),
        "cũng"
            | "đã"
            | "cơ"
            | "bản"
            | "đều"
            | "hoàn"
            | "toàn"
            | "biểu"
            | "quyết"
            | "tín"
            | "nhiệm"
            | "công"
            | "bố"
            | "định"
            | "tiếp"
            | "tục"
    )
}

/// Whether a paragraph opens on another day: "Sáng 15/4, …".
fn opens_with_date(toks: &[Token]) -> bool {
    toks.iter()
        .take(8)
        .position(|t| t.is_punct(','))
        .is_some_and(|c| {
            toks[..c].iter().all(is_date_word)
                && toks[..c]
                    .iter()
                    .any(|t| t.kind == crate::text::segment::TokenKind::Number)
        })
}

/// Words of a date prefix: "Sáng ngày 15/10", "Chiều nay".
fn is_date_word(t: &Token) -> bool {
    t.kind == crate::text::segment::TokenKind::Number
        || matches!(
            t.key.as_ref(),
            "ngày"
                | "sáng"
                | "chiều"
                | "tối"
                | "trưa"
                | "hôm"
                | "nay"
                | "qua"
                | "/"
                | "-"
                | "."
                | "tháng"
                | "năm"
        )
}

/// Whether a sentence tells who attended or chaired. `words` are its
/// [`sentence_flags`]: one without "chủ" names no chair.
fn is_attendance(toks: &[Token], words: u8) -> bool {
    ATTENDANCE.at(toks, 0).is_some()
        || words & CHAIRING != 0 && (0..toks.len()).any(|i| tells_chair(toks, i))
}

/// Whether a sentence opens with a clause of chairing and says what the
/// chair directs after it, from token `from` ("Chủ trì cuộc làm việc …,
/// đồng chí A nhấn mạnh, …"): the directive tells no attendance.
fn chaired_before(toks: &[Token], from: usize) -> bool {
    if toks.len() <= from || from <= 2 || !tells_chair(toks, 0) {
        return false;
    }
    let Some(comma) = (2..from).find(|&j| toks[j].is_punct(',')) else {
        return false;
    };
    // The clause names what was chaired, not who ("Chủ trì hội nghị có
    // đồng chí A, …" tells who).
    let names_who = |t: &Token| matches!(t.key.as_ref(), "có" | "chí" | "ông" | "bà");
    !toks[2..comma].iter().any(names_who)
        && !toks[..from].iter().any(|t| t.is_punct(';'))
        && !(2..toks.len()).any(|i| tells_chair(toks, i))
}

/// The text of a sentence from token `from`, split at semicolons between
/// long directives.
fn directive_pieces(doc: &Doc, s: &Sentence, from: usize) -> Vec<(String, Span)> {
    let toks = s.tokens;
    if from >= toks.len() {
        return Vec::new();
    }
    let mut pieces = Vec::new();
    let mut start = from + bullet_len(&toks[from..]);
    if start >= toks.len() {
        return Vec::new();
    }
    // A page cut off mid-word ("… tiến tới m").
    let cut_off = doc.text[s.end..].trim().is_empty()
        && toks.last().is_some_and(|t| {
            t.is_word()
                && t.text.chars().count() == 1
                && !t.text.chars().all(|c| c.is_ascii_digit())
        });
    // The unfinished word is left out.
    let len = toks.len() - usize::from(cut_off);
    for k in from..=len {
        let at_end = k == len;
        if at_end && start >= len {
            break;
        }
        if at_end || (toks[k].is_punct(';') && k - start >= 6 && len - k >= 6) {
            let a = toks[start].start;
            let b = toks[k.max(start + 1) - 1].end;
            let text = clean(doc.text[a..b].trim_end_matches(['.', ';', ' ', '”', '"', '/']));
            // Every attribution ends with its verb.
            let attributed = ATTRIBUTION_VERBS.iter().any(|v| text.ends_with(v));
            let text = match attributed.then(|| ATTRIBUTION_TAIL.find(&text)).flatten() {
                Some(m) if m.start() > 0 => text[..m.start()]
                    .trim_end_matches(['.', ';', ' ', '”', '"', ','])
                    .to_string(),
                _ => text,
            };
            if !text.is_empty() {
                pieces.push((text, Span::new(a, b)));
            }
            start = k + 1;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_the_library_lowercase() {
        for text in [
            "Đồng chí NGUYỄN VĂN A YÊU CẦU Ủy ban",
            "ẮẰẲẴẶ ỚỜỞỠỢ ĐƯỜNG",
            "ΟΔΟΣ ΣΑΣ",
            "İstanbul Ⅻ Ａ",
            "",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
            assert_eq!(
                lower_key(text),
                ascii_sums(text.to_lowercase().as_bytes()),
                "{text}"
            );
        }
    }

    #[test]
    fn joints_are_only_where_their_end_is() {
        for text in [
            "nhất là các địa phương, tức là mọi ngành",
            "hoặc là hay là",
            "Nhất là, nhất làm, nhất là",
            "không có gì",
            "",
        ] {
            let screened = JOINT_END.find(text.as_bytes()).is_some();
            assert!(screened || !JOINTS.is_match(text), "{text}");
        }
        // The joint is taken out before "là" could make it background.
        assert!(directs("Các ngành, nhất là ngành giáo dục, chuẩn bị kỹ"));
        assert!(!directs(
            "Các ngành, việc này là ngành giáo dục, chuẩn bị kỹ"
        ));
    }

    #[test]
    fn only_two_letters_lower_into_ascii() {
        let into_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(into_ascii, ['\u{130}', '\u{212A}']);
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The key read from a text is the key of its lower case, so texts
        /// with one lower case share it.
        #[test]
        fn lower_keys_are_keys_of_the_lower_case(
            s in "[aAkKzZ iİıKẞßΣσςĐđƯưỜờ.,:0-9\u{307}]{0,24}"
        ) {
            let lower = s.to_lowercase();
            proptest::prop_assert_eq!(lower_key(&s), ascii_sums(lower.as_bytes()));
            proptest::prop_assert_eq!(lower_key(&s), lower_key(&lower));
            let upper = s.to_uppercase();
            if upper.to_lowercase() == lower {
                proptest::prop_assert_eq!(lower_key(&s), lower_key(&upper));
            }
        }
    }

    /// The patterns answered by their screens alone.
    fn screened() -> [&'static Pattern; 4] {
        [&*DIRECTS, &*DATED_DUTY, &*ASSESSMENT, &*PAGE_TAG]
    }

    /// The patterns answered by their screens alone answer as their
    /// regexes do on every piece of the bundled articles.
    #[test]
    fn screened_patterns_answer_as_regexes_on_articles() {
        let pages = crate::testing::bundled_pages();
        let pieces = pages
            .iter()
            .flat_map(|page| page.text.split(['.', '\n', ';', ',']))
            .flat_map(|piece| [piece, piece.trim_start()]);
        let matched = crate::text::pattern::answers_as_regexes(&screened(), pieces);
        assert!(matched.iter().all(|&n| n > 0), "{matched:?}");
    }

    /// Sentences of cue words, words that open a cue elsewhere ("đồng
    /// chí", "thành phố", "chỉ đạo"), bodies and stops.
    fn cue_sentence() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        const WORDS: &[&str] = &[
            "Ban",
            "Thường",
            "vụ",
            "Tỉnh",
            "ủy",
            "thống",
            "nhất",
            "trí",
            "đồng",
            "chí",
            "ý",
            "yêu",
            "cầu",
            "giao",
            "ban",
            "cho",
            "thành",
            "lập",
            "phố",
            "chỉ",
            "đạo",
            "định",
            "quyết",
            "các",
            "được",
            "bầu",
            "cử",
            "hội",
            "nghị",
            "Hội",
            "đề",
            "rằng",
            "kết",
            "luận",
            "Đoàn",
            "kiểm",
            "tra",
            "đã",
            "cũng",
            "thông",
            "qua",
            "nhấn",
            "mạnh",
            ",",
            ":",
            "(",
            "số",
            "12",
            "là",
            "tăng",
            "trên",
            "TTXVN",
            "-",
            "từng",
            "trước",
            "đó",
            "Đó",
            "đây",
            "trong",
            "chủ",
            "trì",
            "năm",
            "dự",
            "thay",
        ];
        proptest::collection::vec(proptest::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The directing words, answered by their screens alone, answer
        /// as their regexes do.
        #[test]
        fn screened_directing_words_are_the_regex_ones(text in cue_sentence()) {
            let rest = &text[text.find(' ').map_or(0, |i| i + 1)..];
            crate::text::pattern::answers_as_regexes(&screened(), [&*text, rest]);
        }

        /// Scans that pass over tokens whose flags rule their cues out
        /// find what scans of every token find.
        #[test]
        fn flagged_scans_find_what_plain_scans_find(text in cue_sentence()) {
            use proptest::prop_assert_eq;
            let toks = crate::text::segment::tokenize(&text, 0..text.len());
            let mut flags = Vec::new();
            cue_flags(&toks, &mut flags);
            let every = vec![u8::MAX; toks.len()];
            prop_assert_eq!(find_directive(&toks, &flags, 80), find_directive(&toks, &every, 80));
            for directives in [false, true] {
                prop_assert_eq!(
                    decision_subject(&toks, &flags, directives),
                    decision_subject(&toks, &every, directives)
                );
            }
            let words = sentence_flags(&flags);
            prop_assert_eq!(tells_done(&toks, words), tells_done(&toks, u8::MAX));
            prop_assert_eq!(may_refer_back(&toks, words), may_refer_back(&toks, u8::MAX));
            prop_assert_eq!(is_attendance(&toks, words), is_attendance(&toks, u8::MAX));
            prop_assert_eq!(passive_decision(&toks, words), passive_decision(&toks, u8::MAX));
        }

        /// Flags read eight at a time are those a scan of each finds.
        #[test]
        fn flagged_are_the_scanned(
            flags in proptest::collection::vec(proptest::sample::select(&[0u8, 0, 0, 1, 2, 3, 4, 0x80, 0xFF][..]), 0..40),
            flag in 1u8..=255,
        ) {
            proptest::prop_assert_eq!(
                flagged(&flags, flag).collect::<Vec<_>>(),
                (0..flags.len()).filter(|&i| flags[i] & flag != 0).collect::<Vec<_>>()
            );
        }
    }

    /// A token of each flagged word has the word's flag.
    #[test]
    fn flagged_words_are_flagged() {
        for (flag, words) in FLAGGED_WORDS {
            for word in words {
                let toks = crate::text::segment::tokenize(word, 0..word.len());
                assert!(toks.len() == 1 && toks[0].is(word), "{word}");
                let mut flags = Vec::new();
                cue_flags(&toks, &mut flags);
                assert_ne!(flags[0] & flag, 0, "{word}");
            }
        }
    }

    #[test]
    fn cue_flags_mark_where_cues_start() {
        let text = "Ban Thường vụ Tỉnh ủy thống nhất, đồng chí Bí thư yêu cầu các đơn vị";
        let toks = crate::text::segment::tokenize(text, 0..text.len());
        let mut flags = Vec::new();
        cue_flags(&toks, &mut flags);
        let at = |word: &str| flags[toks.iter().position(|t| t.text == word).unwrap()];
        assert_ne!(at("thống") & DECISION, 0);
        assert_ne!(at("yêu") & DIRECTIVE, 0);
        assert_ne!(at("yêu") & BODY_DIRECTIVE, 0);
        assert_eq!(at("Ban") & (DIRECTIVE | BODY_DIRECTIVE | DECISION), 0);
        assert_ne!(at("Ban") & BODY, 0);
        assert_eq!(
            decision_subject(&toks, &flags, false).map(|(r, d)| (&text[r], d)),
            Some(("Ban Thường vụ Tỉnh ủy", true))
        );
        let verb = toks.iter().position(|t| t.text == "yêu").unwrap();
        assert_eq!(find_directive(&toks, &flags, 80), Some((verb, 2)));
    }

    #[test]
    fn byte_screens_pass_every_match() {
        for text in [
            "các quyết định, sự thống nhất và bầu cử",
            "Các Quyết Định, Sự Thống Nhất",
            "(BTB) - Sáng nay, TTXVN – Hội nghị",
            "BTB- hội nghị",
            "Không có gì",
            "",
        ] {
            let noun = NOUN_WORDS.iter().any(|w| w.find(text.as_bytes()).is_some());
            assert!(noun || !NOUNS_LIKE_VERBS.is_match(text), "{text}");
            assert!(may_be_tagged(text) || !PAGE_TAG.is_match(text), "{text}");
        }
        assert!(!directs("(BTB) - Các cấp cần tiếp tục đánh giá kết quả"));
    }

    #[test]
    fn judging_is_not_directing() {
        assert!(!directs(
            "đánh giá cao kết quả các địa phương đạt được trong năm qua"
        ));
        assert!(directs("yêu cầu các địa phương tiếp tục đẩy mạnh cải cách"));
        assert!(directs("Dự thảo các Quy chế về cơ bản đạt yêu cầu đề ra"));
        assert!(!directs(
            "ghi nhận, đánh giá cao những kết quả đạt được, bảo đảm quốc phòng - an ninh"
        ));
        assert!(!directs("Điều đó cho thấy sự chỉ đạo quyết liệt của tỉnh"));
        // What a thing is, is background.
        assert!(!directs(
            "Quy chế làm việc toàn khóa là nội dung rất quan trọng của nhiệm kỳ"
        ));
        assert!(directs(
            "Chương trình hành động là nội dung mới, vì vậy cần tránh trùng lặp"
        ));
        // Cue words count whole, not inside a longer word.
        assert!(!directs("đánh giá cao các thôngqua, mongmỏi và cầnx"));
        assert!(directs("ghi nhậnx các kết quả đạt được"));
        assert!(directs("đánh giá cao kết quả; cần."));
    }
}
