//! Writing one article from the world: the meeting, who is there and how
//! each is written, what is concluded, and the page around it. The truth is
//! recorded as the text is written, from the same strings.

use std::collections::HashMap;

use super::names::{self, roman};
use super::phrases::*;
use super::posts::{self, Ban, BanTw, Dept, Post, TitleStyle};
use super::rng::Rng;
use super::tone;
use super::world::{CENTRAL, PersonId, UnitId, World, date_of, day};
use super::{SynthArticle, Truth, TruthConclusion, TruthPerson};
use tinhuy::extract::Date;
use tinhuy::gazetteer::provinces::PROVINCES;
use tinhuy::gazetteer::titles::title_key;
use tinhuy::text::fold;

/// What kind of meeting an article reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Ban Thường vụ Tỉnh ủy.
    Standing,
    /// Hội nghị Ban Chấp hành Đảng bộ tỉnh.
    Executive,
    /// Thường trực Tỉnh ủy làm việc với a district, commune or department.
    Permanent,
    /// Phiên họp thường kỳ UBND tỉnh.
    Government,
    /// Kỳ họp HĐND tỉnh.
    Council,
    /// A central delegation's working session.
    Delegation,
    /// Another province's delegation.
    Visit,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Standing => "standing_committee",
            Kind::Executive => "executive_committee",
            Kind::Permanent => "permanent_board",
            Kind::Government => "government_session",
            Kind::Council => "council_session",
            Kind::Delegation => "central_delegation",
            Kind::Visit => "provincial_visit",
        }
    }
}

/// Page templates of provincial news sites: where the stamp, counter and
/// byline go and what follows the article.
const SITES: &[&str] = &[
    "stamp_pipe",
    "updated_sapo",
    "label_bracket",
    "weekday_source",
    "gmt_stamp",
    "dash_time",
    "posted_on",
    "time_comma_source",
    "caps_byline",
    "no_stamp",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ToneMode {
    Old,
    New,
    /// Paragraphs differ, as on sites whose editors differ.
    Mixed,
}

/// A piece of the page.
enum Piece {
    /// A paragraph, after a blank line.
    Para(String),
    /// A line right under the previous one.
    Line(String),
    /// A picture caption or media line (a paragraph of its own).
    Caption(String),
}

/// Title selection for a mention.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sel {
    /// Every title.
    All,
    /// Without memberships ("Ủy viên Trung ương Đảng").
    Posts,
    /// The first post only.
    One,
}

/// Writes one article.
struct Writer<'a> {
    w: &'a World,
    rng: Rng,
    /// Draws for former posts named, apart from the main stream.
    former_rng: Rng,
    unit: UnitId,
    /// Meeting and publication days.
    day: i32,
    published: i32,
    st: TitleStyle,
    tone: ToneMode,
    /// Whether the paragraph being written uses the new tone placement.
    new_tone: bool,
    /// Whether the last paragraph did (lines under it follow it).
    para_tone: bool,
    site: &'static str,
    cur: Vec<Piece>,
    /// The headline as printed, repeated verbatim in captions.
    headline: String,
    people: Vec<TruthPerson>,
    not_attendees: Vec<String>,
    conclusions: Vec<TruthConclusion>,
    documents: Vec<String>,
    chairs: Vec<PersonId>,
    session: Option<u32>,
    term: Option<String>,
    date_known: bool,
    /// Layout recorded instead of the mention's own (the headline).
    layout_override: Option<&'static str>,
    /// Pictures so far, to number image files and vary captions.
    images: usize,
    /// Where in the caption bank this article starts.
    caption_offset: usize,
    /// Comparison keys of the titles written so far.
    title_keys: HashMap<String, String>,
    /// Report sentences not used yet, so an article does not repeat itself.
    report_queue: Vec<usize>,
    kind: Kind,
}

pub fn render(world: &World, seed: u64, index: usize) -> SynthArticle {
    let mut rng = Rng::derive(seed, 3, index as u64);
    // Later years have more articles online.
    let year = 2015 + rng.weighted(&[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]) as i32;
    let first = day(year, 1, 5);
    let last = day(year, 12, 28);
    let mut d = rng.range(first as i64, last as i64) as i32;
    // No meetings on Sundays.
    if (d + 3).rem_euclid(7) == 6 {
        d += 1;
    }
    let units: Vec<UnitId> = (0..PROVINCES.len())
        .filter(|&u| world.is_active(u, d))
        .collect();
    let weights: Vec<u32> = units.iter().map(|&u| world.units[u].weight).collect();
    let unit = units[rng.weighted(&weights)];
    let kind = *rng.pick_weighted(&[
        (Kind::Standing, 30),
        (Kind::Executive, 13),
        (Kind::Permanent, 11),
        (Kind::Government, 16),
        (Kind::Council, 10),
        (Kind::Delegation, 14),
        (Kind::Visit, 6),
    ]);
    let site = if rng.chance(0.7) {
        SITES[unit % SITES.len()]
    } else {
        *rng.pick(SITES)
    };
    let published = d + *rng.pick_weighted(&[(0, 55), (1, 35), (2, 10)]);
    let tone = *rng.pick_weighted(&[
        (ToneMode::Old, 65),
        (ToneMode::New, 20),
        (ToneMode::Mixed, 15),
    ]);
    let st = TitleStyle::random(&mut rng);
    let caption_offset = rng.below(CAPTIONS.len());
    let mut wr = Writer {
        w: world,
        rng,
        former_rng: Rng::derive(seed, 4, index as u64),
        unit,
        day: d,
        published,
        st,
        tone,
        new_tone: tone == ToneMode::New,
        para_tone: tone == ToneMode::New,
        site,
        cur: Vec::new(),
        headline: String::new(),
        people: Vec::new(),
        not_attendees: Vec::new(),
        conclusions: Vec::new(),
        documents: Vec::new(),
        chairs: Vec::new(),
        session: None,
        term: None,
        date_known: true,
        layout_override: None,
        images: 0,
        caption_offset,
        title_keys: HashMap::new(),
        report_queue: Vec::new(),
        kind,
    };
    let (text, truth) = wr.article(kind);
    SynthArticle {
        file_name: format!("syn_{index:06}.txt"),
        text,
        truth,
    }
}

/// "A, B và C".
fn join_and(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} và {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A percentage with a decimal comma: "6,2".
fn pct(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// Thousands with dots: "12.345".
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn is_membership(t: &str) -> bool {
    t.starts_with("Ủy viên")
        || t.starts_with("UVTW")
        || t.starts_with("Bí thư Trung ương")
        || t == "Tỉnh ủy viên"
        || t == "Thành ủy viên"
        || t == "TUV"
}

/// Whether a province name may follow the title ("Bí thư Tỉnh ủy Hà Tĩnh").
fn takes_province(t: &str) -> bool {
    t.ends_with("Tỉnh ủy")
        || t.ends_with("Thành ủy")
        || t.ends_with(" tỉnh")
        || t.ends_with(" thành phố")
        || t.ends_with(" TP")
}

impl<'a> Writer<'a> {
    // ---- Text and truth plumbing -------------------------------------

    fn toned(&self, s: &str) -> String {
        if self.new_tone {
            tone::to_new(s)
        } else {
            s.to_string()
        }
    }

    fn next_tone(&mut self) {
        if self.tone == ToneMode::Mixed {
            self.new_tone = self.rng.chance(0.5);
        }
    }

    fn para(&mut self, s: String) {
        let t = self.toned(&s);
        self.cur.push(Piece::Para(t));
        self.para_tone = self.new_tone;
        self.next_tone();
    }

    /// Text in the tone of the last paragraph, for the lines under it.
    fn toned_as_line(&self, s: &str) -> String {
        if self.para_tone {
            tone::to_new(s)
        } else {
            s.to_string()
        }
    }

    /// A line under the previous paragraph, in the same tone.
    fn line(&mut self, s: String) {
        let t = self.toned_as_line(&s);
        self.cur.push(Piece::Line(t));
    }

    fn caption(&mut self, s: String) {
        self.cur.push(Piece::Caption(s));
    }

    fn raw_line(&mut self, s: String) {
        self.cur.push(Piece::Line(s));
    }

    /// Records a person as written: name, titles (without province), role.
    fn record(&mut self, p: PersonId, titles: &[String], role: &'static str, layout: &'static str) {
        let name = self.toned(&self.w.people[p as usize].name);
        let titles: Vec<String> = titles.iter().map(|t| self.toned(t)).collect();
        let i = match self.people.iter().position(|x| x.id == p) {
            Some(i) => i,
            None => {
                self.people.push(TruthPerson {
                    name,
                    positions: Vec::new(),
                    roles: Vec::new(),
                    layouts: Vec::new(),
                    former: Vec::new(),
                    id: p,
                });
                self.people.len() - 1
            }
        };
        let layout = self.layout_override.unwrap_or(layout);
        for t in titles {
            // Titles recur within an article: compute each key once.
            let k = match self.title_keys.get(&t) {
                Some(k) => k.clone(),
                None => {
                    let k = title_key(&t);
                    self.title_keys.insert(t.clone(), k.clone());
                    k
                }
            };
            let known = self.people[i]
                .positions
                .iter()
                .any(|x| self.title_keys.get(x) == Some(&k));
            if !known {
                self.people[i].positions.push(t);
            }
        }
        let entry = &mut self.people[i];
        if !entry.roles.contains(&role) {
            entry.roles.push(role);
        }
        if !entry.layouts.contains(&layout) {
            entry.layouts.push(layout);
        }
    }

    /// Sometimes, the post an official held in another province or at the
    /// centre before coming here, as stories introduce a newcomer: often in
    /// the first year and a half, seldom later. Only posts whose title ends
    /// in the province's name, or central posts written without a comma.
    fn former_post(&mut self, p: PersonId) -> Option<String> {
        let here: Vec<UnitId> = self
            .w
            .posts_of(p, self.day)
            .iter()
            .map(|&(u, _)| u)
            .collect();
        let (unit, post, last) = self.w.people[p as usize]
            .tenures
            .iter()
            .filter_map(|&(s, t)| {
                let slot = &self.w.slots[s as usize];
                let t = &slot.tenures[t as usize];
                (t.to < self.day && !here.contains(&slot.unit))
                    .then_some((slot.unit, slot.post, t.to))
            })
            .max_by_key(|x| x.2)?;
        let rate = if self.day - last < 550 { 0.3 } else { 0.1 };
        if !self.former_rng.chance(rate) {
            return None;
        }
        let names = self.w.names(unit, last);
        let title = posts::title(post, &names, last, &self.w.reforms, &self.st);
        if unit == CENTRAL {
            return Some(title);
        }
        takes_province(&title).then(|| format!("{title} {}", self.w.unit_name(unit, last)))
    }

    /// Records a former post written for a person already in the cast.
    fn people_former(&mut self, p: PersonId, former: String) {
        if let Some(entry) = self.people.iter_mut().find(|x| x.id == p)
            && !entry.former.contains(&former)
        {
            entry.former.push(former);
        }
    }

    fn name(&self, p: PersonId) -> &'a str {
        &self.w.people[p as usize].name
    }

    fn in_cast(&self, p: PersonId) -> bool {
        self.people.iter().any(|x| x.id == p)
    }

    fn titles(&self, p: PersonId, sel: Sel) -> Vec<String> {
        if sel == Sel::One
            && let Some(&(u, post)) = self.w.posts_of(p, self.day).first()
        {
            // The post that makes the person who they are here: a
            // chairman's implied Party deputy seat is not it.
            let names = self.w.names(u, self.day);
            return vec![posts::title(
                post,
                &names,
                self.day,
                &self.w.reforms,
                &self.st,
            )];
        }
        let all = self.w.titles(p, self.day, &self.st);
        match sel {
            Sel::All => all,
            Sel::Posts | Sel::One => {
                let posts: Vec<String> =
                    all.iter().filter(|t| !is_membership(t)).cloned().collect();
                let posts = if posts.is_empty() { all } else { posts };
                if sel == Sel::One {
                    posts.into_iter().take(1).collect()
                } else {
                    posts
                }
            }
        }
    }

    /// The province a person serves in on the meeting day.
    fn home(&self, p: PersonId) -> Option<UnitId> {
        self.w
            .posts_of(p, self.day)
            .first()
            .map(|&(u, _)| u)
            .filter(|&u| u != CENTRAL)
    }

    fn province_suffix(&self, p: PersonId) -> String {
        match self.home(p) {
            Some(u) => format!(" {}", self.w.unit_name(u, self.day)),
            None => String::new(),
        }
    }

    /// "đồng chí ", "ông ", "Đại tá " (a rank replaces the honorific).
    fn honorific(&mut self, p: PersonId, hon: &str) -> (String, bool) {
        // Police and army officers are named with their rank, in running
        // text and in lists alike.
        if let Some(r) = &self.w.people[p as usize].rank
            && self.rng.chance(if hon.is_empty() { 0.6 } else { 0.7 })
        {
            return (format!("{} ", r.on(self.day)), true);
        }
        match hon {
            "" => (String::new(), false),
            "ông/bà" | "Ông/Bà" => {
                let f = self.w.people[p as usize].female;
                let w = if f { "bà" } else { "ông" };
                let w = if hon.starts_with('Ô') {
                    cap_first(w)
                } else {
                    w.to_string()
                };
                (format!("{w} "), false)
            }
            h => (format!("{h} "), false),
        }
    }

    // ---- Mentions -----------------------------------------------------

    /// "đồng chí Ngô Đông Hải, Ủy viên …, Bí thư Tỉnh ủy[ Thái Bình]".
    fn name_first(
        &mut self,
        p: PersonId,
        hon: &str,
        sel: Sel,
        role: &'static str,
        suffix: bool,
    ) -> String {
        let titles = self.titles(p, sel);
        let (h, ranked) = self.honorific(p, hon);
        let mut s = format!("{h}{}", self.name(p));
        for t in &titles {
            s.push_str(", ");
            s.push_str(t);
        }
        if suffix && titles.last().is_some_and(|t| takes_province(t)) {
            s.push_str(&self.province_suffix(p));
        }
        let former = if titles.is_empty() {
            None
        } else {
            self.former_post(p)
        };
        if let Some(f) = &former {
            s.push_str(", nguyên ");
            s.push_str(f);
        }
        let layout = if ranked {
            "rank_first"
        } else if titles.is_empty() {
            "bare"
        } else {
            "name_first"
        };
        self.record(p, &titles, role, layout);
        if let Some(f) = former {
            let f = self.toned(&f);
            self.people_former(p, f);
        }
        s
    }

    /// "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Quốc Bảo", or with dashes.
    fn title_first(
        &mut self,
        p: PersonId,
        sel: Sel,
        role: &'static str,
        dash: bool,
        suffix: bool,
    ) -> String {
        let titles = self.titles(p, sel);
        let mut s = titles.join(if dash { " - " } else { ", " });
        if suffix && titles.last().is_some_and(|t| takes_province(t)) {
            s.push_str(&self.province_suffix(p));
        }
        s.push(' ');
        s.push_str(self.name(p));
        let layout = if dash && titles.len() > 1 {
            "title_first_dash"
        } else {
            "title_first"
        };
        self.record(p, &titles, role, layout);
        s
    }

    /// "ông Võ Minh Châu - Phó Chủ tịch HĐND tỉnh", sometimes unspaced.
    fn name_dash(&mut self, p: PersonId, role: &'static str) -> String {
        let titles = self.titles(p, Sel::Posts);
        let (h, _) = self.honorific(p, "ông/bà");
        let sep = if titles.len() == 1 && self.rng.chance(0.2) {
            "-"
        } else {
            " - "
        };
        let s = format!("{h}{}{sep}{}", self.name(p), titles.join(" - "));
        self.record(p, &titles, role, "name_dash");
        s
    }

    /// "đồng chí Lê Văn A (Giám đốc Sở Y tế)".
    fn paren(&mut self, p: PersonId, role: &'static str) -> String {
        let titles = self.titles(p, Sel::One);
        let s = format!("đồng chí {} ({})", self.name(p), titles.join(", "));
        self.record(p, &titles, role, "parenthesis");
        s
    }

    /// A later mention: "đồng chí Ngô Đông Hải" or "Bí thư Tỉnh ủy Ngô Đông Hải".
    fn again(&mut self, p: PersonId, role: &'static str) -> String {
        if self.rng.chance(0.5) {
            self.record(p, &[], role, "bare");
            format!("đồng chí {}", self.name(p))
        } else {
            self.title_first(p, Sel::One, role, false, false)
        }
    }

    /// Any of the sentence-internal layouts, for one person.
    fn any_mention(&mut self, p: PersonId, role: &'static str) -> String {
        match self.rng.weighted(&[50, 30, 8, 6, 6]) {
            0 => {
                let coin = self.rng.chance(0.2);
                self.name_first(p, "đồng chí", Sel::All, role, coin)
            }
            1 => {
                let dash = self.rng.chance(0.3);
                let coin = self.rng.chance(0.15);
                self.title_first(p, Sel::Posts, role, dash, coin)
            }
            2 => self.name_dash(p, role),
            3 => self.paren(p, role),
            _ => self.name_first(p, "ông/bà", Sel::Posts, role, false),
        }
    }

    /// "A, T1, T2; B, T; C, T" after "các đồng chí:".
    fn list_semicolon(&mut self, ps: &[PersonId], role: &'static str) -> String {
        let items: Vec<String> = ps
            .iter()
            .map(|&p| {
                let sel = if self.rng.chance(0.7) {
                    Sel::All
                } else {
                    Sel::Posts
                };
                self.name_first(p, "", sel, role, false)
            })
            .collect();
        items.join("; ")
    }

    /// "Chủ tịch HĐND tỉnh A, Chủ tịch UBND tỉnh B và Giám đốc … C"; people
    /// with several titles get them joined by dashes so commas separate people.
    fn list_title_first(&mut self, ps: &[PersonId], role: &'static str) -> String {
        let items: Vec<String> = ps
            .iter()
            .map(|&p| self.title_first(p, Sel::Posts, role, true, false))
            .collect();
        let semi = self.rng.chance(0.3);
        if semi {
            items.join("; ")
        } else {
            join_and(&items)
        }
    }

    /// "các Phó Chủ tịch UBND tỉnh: A, B và C", the title shared.
    fn shared_title(&mut self, title: &str, ps: &[PersonId], role: &'static str) -> String {
        let names: Vec<String> = ps.iter().map(|&p| self.name(p).to_string()).collect();
        for &p in ps {
            self.record(p, &[title.to_string()], role, "shared_title_colon");
        }
        format!("các {title}: {}", join_and(&names))
    }

    // ---- Roster --------------------------------------------------------

    fn get(&self, post: Post) -> Option<PersonId> {
        self.w.holder(self.unit, post, self.day)
    }

    fn get_in(&self, unit: UnitId, post: Post) -> Option<PersonId> {
        self.w.holder(unit, post, self.day)
    }

    /// Holders of matching posts, each person once, in roster order.
    fn holders(&self, unit: UnitId, want: impl Fn(Post) -> bool) -> Vec<PersonId> {
        let mut v: Vec<PersonId> = Vec::new();
        for (post, p) in self.w.roster(unit, self.day) {
            if want(post) && !v.contains(&p) {
                v.push(p);
            }
        }
        v
    }

    /// Up to `n` of the people, drawn without repeats, keeping roster order.
    fn sample(&mut self, from: &[PersonId], n: usize) -> Vec<PersonId> {
        let mut idx: Vec<usize> = (0..from.len()).collect();
        self.rng.shuffle(&mut idx);
        idx.truncate(n);
        idx.sort_unstable();
        idx.into_iter().map(|i| from[i]).collect()
    }

    // ---- Words of the unit ---------------------------------------------

    fn is_city(&self) -> bool {
        self.w.is_city(self.unit, self.day)
    }
    fn tu(&self) -> &'static str {
        if self.is_city() {
            "Thành ủy"
        } else {
            "Tỉnh ủy"
        }
    }
    fn tinh(&self) -> &'static str {
        if self.is_city() {
            "thành phố"
        } else {
            "tỉnh"
        }
    }
    fn prov(&self) -> &'static str {
        self.w.unit_name(self.unit, self.day)
    }
    /// The province as a place in running text ("tỉnh Thái Bình",
    /// "TP Hồ Chí Minh").
    fn place(&mut self) -> String {
        let p = self.prov();
        if self.is_city() {
            if self.rng.chance(0.5) {
                format!("TP {p}")
            } else {
                format!("thành phố {p}")
            }
        } else {
            format!("tỉnh {p}")
        }
    }

    fn party_term(&self, d: i32) -> u32 {
        let base = self.w.units[self.unit].congress_2015;
        let c = [day(2015, 10, 15), day(2020, 10, 15), day(2025, 10, 10)];
        base - 1 + c.iter().filter(|&&x| d >= x).count() as u32
    }

    fn council_term(&self) -> u32 {
        let base = self.w.units[self.unit].council_2016;
        let c = [day(2016, 6, 28), day(2021, 6, 25)];
        base - 1 + c.iter().filter(|&&x| self.day >= x).count() as u32
    }

    fn year(&self) -> i32 {
        date_of(self.day).year
    }
    fn month(&self) -> u8 {
        date_of(self.day).month.unwrap_or(1)
    }

    /// A numbered Party document: "Kế hoạch số 153-KH/TU về …".
    fn document(&mut self) -> String {
        if matches!(self.kind, Kind::Government | Kind::Council) {
            let (kind, code) = *self.rng.pick(STATE_DOC_KINDS);
            let n = self.rng.range(12, 3200);
            let y = self.year();
            let subject = *self.rng.pick(DOC_SUBJECTS);
            let short = format!("{kind} số {n}/{code}");
            self.documents.push(short.clone());
            return format!(
                "{short} ngày {}/{}/{y} về {subject}",
                self.rng.range(1, 28),
                self.month()
            );
        }
        let (kind, code) = *self.rng.pick(DOC_KINDS);
        let n = self.rng.range(5, 320);
        let subject = *self.rng.pick(DOC_SUBJECTS);
        let short = format!("{kind} số {n}-{code}");
        self.documents.push(short.clone());
        format!("{short} về {subject}")
    }

    /// Fills the slots of a text-bank template.
    fn fill(&mut self, tpl: &str) -> String {
        let mut out = String::with_capacity(tpl.len() + 32);
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let Some(j) = rest[i..].find('}') else {
                break;
            };
            let key = &rest[i + 1..i + j];
            let y = self.year();
            let v = match key {
                "tu" => self.tu().to_string(),
                "tinh" => self.tinh().to_string(),
                "P" => self.prov().to_string(),
                "y" => y.to_string(),
                "y0" => (y - 1).to_string(),
                "y1" => (y + 1).to_string(),
                "y5" => (y + 5).to_string(),
                "m" => self.month().to_string(),
                "term" => roman(self.party_term(self.day)),
                "next_term" => roman(self.party_term(self.day) + 1),
                "cterm" => roman(self.council_term()),
                "pct" => pct(self.rng.range(25, 105) as f64 / 10.0),
                "pct2" => pct(self.rng.range(30, 150) as f64 / 10.0),
                "n" => thousands(self.rng.range(2_000, 95_000) as u64),
                "n2" => self.rng.range(35, 120).to_string(),
                "k" => self.rng.range(3, 60).to_string(),
                "k2" => self.rng.range(8, 120).to_string(),
                "k3" => pct(self.rng.range(12, 25) as f64 / 10.0),
                "rank" => self.rng.range(3, 40).to_string(),
                "pov" => pct(self.rng.range(5, 95) as f64 / 10.0),
                "disb" => pct(self.rng.range(400, 980) as f64 / 10.0),
                "ratio" => pct(self.rng.range(850, 1300) as f64 / 10.0),
                "ratio2" => pct(self.rng.range(550, 990) as f64 / 10.0),
                "k4" => self.rng.range(4, 9).to_string(),
                "k5" => self.rng.range(1, 15).to_string(),
                "k6" => thousands(self.rng.range(800, 90_000) as u64),
                "yield" => pct(self.rng.range(55, 72) as f64 / 10.0),
                "Tinh" => cap_first(self.tinh()),
                "place" => self.place(),
                "nk" => {
                    let s = [2015, 2020, 2025]
                        .iter()
                        .rev()
                        .find(|&&c| y >= c)
                        .copied()
                        .unwrap_or(2010);
                    format!("{s}-{}", s + 5)
                }
                "doc" => self.document(),
                other => format!("{{{other}}}"),
            };
            out.push_str(&v);
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        out
    }

    fn agenda(&mut self) -> String {
        let t = *self.rng.pick(AGENDA);
        self.fill(t)
    }

    /// Two different agenda items.
    fn agenda_pair(&mut self) -> (String, String) {
        let i = self.rng.below(AGENDA.len());
        let j = (i + 1 + self.rng.below(AGENDA.len() - 1)) % AGENDA.len();
        (self.fill(AGENDA[i]), self.fill(AGENDA[j]))
    }

    // ---- Dates ------------------------------------------------------------

    /// The lead's time cue: "Sáng 5/11", "Chiều nay", "Ngày 24/2", or with
    /// the year when the page has no stamp.
    fn cue(&mut self, with_year: bool) -> String {
        let d = date_of(self.day);
        let (dd, mm, yy) = (d.day.unwrap(), d.month.unwrap(), d.year);
        let part = *self.rng.pick(&["Sáng", "Chiều", "Sáng", "Chiều", "Ngày"]);
        let part2 = if part == "Ngày" { "Sáng" } else { part };
        if with_year {
            return match self.rng.below(3) {
                0 => format!("{part2} ngày {dd:02}/{mm:02}/{yy}"),
                1 => format!("{part2} {dd}-{mm}-{yy}"),
                _ => format!("Ngày {dd}/{mm}/{yy}"),
            };
        }
        if self.published == self.day && self.rng.chance(0.3) {
            return format!("{part2} nay");
        }
        match self.rng.weighted(&[40, 20, 15, 10, 5, 5, 5]) {
            0 => format!("{part} {dd}/{mm}"),
            1 => format!("{part2} ngày {dd}/{mm}"),
            2 => format!("Ngày {dd}/{mm}"),
            3 => format!("{part2} {dd}-{mm}"),
            4 => format!("Ngày {dd} – {mm}"),
            5 => format!("{part2} ngày {dd:02}/{mm:02}/{yy}"),
            _ => format!("{part2} {dd}-{mm}-{yy}"),
        }
    }

    /// A deadline clause after a directive, and its date. Deadlines fall
    /// after the meeting and are written the ways directives write them.
    fn deadline(&mut self) -> (String, Date) {
        let due = date_of(self.day + self.rng.range(12, 300) as i32);
        let (dd, mm, yy) = (due.day.unwrap(), due.month.unwrap(), due.year);
        let report_to = match self.kind {
            Kind::Government => "trình UBND tỉnh",
            Kind::Council => "báo cáo Thường trực HĐND tỉnh",
            _ => "trình Ban Thường vụ",
        };
        let verb = *self
            .rng
            .pick(&["hoàn thành", "báo cáo kết quả", report_to, "hoàn thiện"]);
        match self.rng.weighted(&[25, 15, 12, 12, 12, 10, 8, 6]) {
            0 => (format!(", {verb} trước ngày {dd}/{mm}/{yy}"), due),
            1 => (format!(", {verb} trước {dd}/{mm}/{yy}"), due),
            2 => (format!(", {verb} trước ngày {dd}/{mm}"), due),
            3 => (
                format!(", {verb} trong tháng {mm}/{yy}"),
                Date::ym(yy, mm as u32).unwrap(),
            ),
            4 => (
                format!(", phấn đấu hoàn thành vào giữa tháng {mm}/{yy}"),
                Date::ym(yy, mm as u32).unwrap(),
            ),
            5 => {
                let q = (mm as u32 - 1) / 3 + 1;
                (
                    format!(", hoàn thành trong quý {}/{yy}", roman(q)),
                    Date::ym(yy, q * 3).unwrap(),
                )
            }
            6 => (format!(", chậm nhất ngày {dd}/{mm}/{yy} phải {verb}"), due),
            _ => (format!(", {verb} trước ngày {dd} tháng {mm} năm {yy}"), due),
        }
    }

    // ---- Shared passages ---------------------------------------------------

    /// A speaker's opinion in one of its layouts.
    fn speech(&mut self, p: PersonId) {
        let opinion = *self.rng.pick(OPINIONS);
        match self.rng.weighted(&[35, 25, 20, 20]) {
            0 => {
                let m = self.name_first(p, "đồng chí", Sel::All, "speaker", false);
                self.para(format!("Phát biểu tại hội nghị, {m} cho rằng {opinion}."));
            }
            1 => {
                // "Giám đốc Sở Kế hoạch và Đầu tư Trần Tú Anh: Dự thảo …".
                let m = self.title_first(p, Sel::Posts, "speaker", false, false);
                self.para(format!("{m}: {}.", cap_first(opinion)));
            }
            2 => {
                let coin = self.rng.chance(0.5);
                let m = self.title_first(p, Sel::Posts, "speaker", coin, false);
                self.para(format!(
                    "Thảo luận tại hội nghị, {m} nêu ý kiến: {}.",
                    cap_first(opinion)
                ));
            }
            _ => {
                let m = self.name_first(p, "Đồng chí", Sel::Posts, "speaker", false);
                self.para(format!("{m} đề xuất, {opinion}."));
            }
        }
    }

    /// A presenter and what they present.
    fn presentation(&mut self, p: PersonId, what: &str) {
        match self.rng.weighted(&[40, 35, 25]) {
            0 => {
                let coin = self.rng.chance(0.3);
                let m = self.title_first(p, Sel::Posts, "presenter", coin, false);
                self.para(format!("{m} trình bày {what}."));
            }
            1 => {
                let m = self.name_first(p, "đồng chí", Sel::All, "presenter", false);
                self.para(format!("Tại hội nghị, {m} đã trình bày {what}."));
            }
            _ => {
                let m = self.name_first(p, "Đồng chí", Sel::Posts, "presenter", false);
                let verb = if what.to_lowercase().starts_with("báo cáo") {
                    "trình bày"
                } else {
                    "báo cáo"
                };
                self.para(format!("{m} {verb} {what}."));
            }
        }
    }

    /// A photo caption naming a person, in the layouts sites use.
    fn person_caption(&mut self, p: PersonId, role: &'static str) {
        let session = matches!(self.kind, Kind::Delegation | Kind::Visit | Kind::Permanent);
        let actions: &[&str] = match role {
            "chair" if session => &[
                "phát biểu tại buổi làm việc",
                "phát biểu kết luận buổi làm việc",
            ],
            "chair" => &[
                "phát biểu kết luận",
                "phát biểu chỉ đạo",
                "chủ trì hội nghị",
            ],
            "presenter" => &["trình bày báo cáo tại hội nghị", "trình bày dự thảo"],
            _ => &["phát biểu tại hội nghị", "phát biểu thảo luận"],
        };
        let action = *self.rng.pick(actions);
        let titles = self.titles(p, Sel::All);
        match self.rng.weighted(&[35, 25, 20, 20]) {
            0 => {
                let coin = self.rng.chance(0.4);
                let m = self.name_first(p, "Đồng chí", Sel::All, role, coin);
                self.para(format!("{m} {action}"));
            }
            1 => {
                // Name on one line, titles on the next.
                let (h, _) = self.honorific(p, "Đồng chí");
                let name = self.name(p);
                self.record(p, &titles, role, "caption_two_line");
                self.para(format!("{h}{name}"));
                self.line(titles.join(", "));
            }
            2 if titles.len() >= 2 => {
                // The titles broken over two lines.
                let k = titles.len() - 1;
                let name = self.name(p);
                self.record(p, &titles, role, "caption_split_title");
                self.para(format!(" Đồng chí {name}, {},", titles[..k].join(", ")));
                let last = &titles[k];
                let suffix = if takes_province(last) {
                    self.province_suffix(p)
                } else {
                    String::new()
                };
                self.line(format!("{last}{suffix} {action}"));
            }
            _ => {
                let m = self.title_first(p, Sel::One, role, false, false);
                let what = match role {
                    "chair" => *self.rng.pick(&[
                        "chủ trì cuộc họp.",
                        "kết luận hội nghị.",
                        "phát biểu chỉ đạo.",
                    ]),
                    "presenter" => "trình bày báo cáo.",
                    _ => "phát biểu.",
                };
                self.para(format!("{m} {what}"));
            }
        }
    }

    /// A caption without names, or the headline repeated, or a media line;
    /// never twice in a row.
    fn plain_caption(&mut self) {
        if matches!(self.cur.last(), Some(Piece::Caption(_)) | None) {
            return;
        }
        self.images += 1;
        match self.site {
            "updated_sapo" => {
                let h = self.headline.clone();
                self.caption(h);
            }
            "label_bracket" => {
                if self.images > CAPTIONS.len() {
                    return;
                }
                let d = date_of(self.published);
                let n = if self.images > 1 {
                    format!("-{}", self.images)
                } else {
                    String::new()
                };
                let file = format!(
                    "{}.{}.{}{n}.png",
                    d.day.unwrap(),
                    d.month.unwrap(),
                    d.year % 100
                );
                self.caption(file);
                let c = CAPTIONS[(self.caption_offset + self.images) % CAPTIONS.len()];
                self.raw_line(c.to_string());
            }
            "stamp_pipe" if self.rng.chance(0.5) => {
                let d = date_of(self.published);
                let who = self
                    .people
                    .first()
                    .map(|p| fold(&p.name))
                    .unwrap_or_default();
                let last = who.split(' ').next_back().unwrap_or("tin").to_uppercase();
                self.caption(format!(
                    "Video: {:02}{:02}{:02}_O{last}{}.mp4",
                    d.month.unwrap(),
                    d.day.unwrap(),
                    d.year % 100,
                    self.images
                ));
            }
            _ => {
                // Each caption once: pictures differ.
                if self.images > CAPTIONS.len() {
                    return;
                }
                let c = CAPTIONS[(self.caption_offset + self.images) % CAPTIONS.len()];
                self.caption(c.to_string());
                if matches!(self.site, "gmt_stamp" | "dash_time" | "posted_on")
                    && self.rng.chance(0.4)
                {
                    let r = self.reporter();
                    self.raw_line(format!("Ảnh: {r}"));
                    self.photo_credit(r);
                }
            }
        }
    }

    /// A visiting official asks; a province's own leader also assigns.
    fn directive_verb(&mut self) -> &'static str {
        let verbs: &[&'static str] = match self.kind {
            Kind::Delegation | Kind::Visit => &["đề nghị", "yêu cầu"],
            _ => DIRECTIVE_VERBS,
        };
        verbs[self.rng.below(verbs.len())]
    }

    /// A photographer credited under a picture is not at the meeting
    /// (unless also the writer, whose name the byline gives).
    fn photo_credit(&mut self, name: String) {
        if !self.not_attendees.contains(&name) {
            self.not_attendees.push(name);
        }
    }

    fn reporter(&mut self) -> String {
        let rs = &self.w.units[self.unit].reporters;
        rs[self.rng.below(rs.len())].clone()
    }

    /// Report paragraphs, optionally citing a national leader's document.
    fn report(&mut self) {
        let k = self.rng.range(2, 3) as usize;
        let mut parts: Vec<String> = Vec::new();
        for _ in 0..k {
            if self.report_queue.is_empty() {
                let mut q: Vec<usize> = (0..REPORT_SENTENCES.len()).collect();
                self.rng.shuffle(&mut q);
                self.report_queue = q;
            }
            let i = self.report_queue.pop().unwrap();
            parts.push(self.fill(REPORT_SENTENCES[i]));
        }
        let mut s = parts.join(" ");
        if self.rng.chance(0.06)
            && let Some(who) = self.national(Post::TongBiThu)
        {
            let name = self.name(who).to_string();
            s.push_str(&format!(
                " Các cấp ủy tiếp tục quán triệt, thực hiện nghiêm các bài viết, chỉ đạo của Tổng Bí thư {name} về xây dựng, chỉnh đốn Đảng."
            ));
            self.not_attendees.push(name);
        }
        self.para(s);
    }

    fn national(&self, post: Post) -> Option<PersonId> {
        self.w.holder(CENTRAL, post, self.published)
    }

    /// The closing passage: the concluder's assessment, directives (some
    /// with deadlines) and the body's decision.
    fn closing(&mut self, concluder: Option<PersonId>, title_only: &str, body: &str, n: usize) {
        let assessment = *self.rng.pick(ASSESSMENTS);
        // Who speaks: a named chair, or a title when the article names none.
        let intro_form = self.rng.below(4);
        let subject_again: String;
        match concluder {
            Some(c) => {
                let openers: &[&str] = match self.kind {
                    Kind::Delegation | Kind::Visit | Kind::Permanent => &[
                        "Kết luận buổi làm việc",
                        "Phát biểu kết luận",
                        "Phát biểu kết luận buổi làm việc",
                    ],
                    Kind::Government => &[
                        "Kết luận phiên họp",
                        "Phát biểu kết luận",
                        "Kết luận cuộc họp",
                    ],
                    Kind::Council => &[
                        "Phát biểu bế mạc kỳ họp",
                        "Bế mạc kỳ họp",
                        "Phát biểu bế mạc",
                    ],
                    _ => &[
                        "Kết luận hội nghị",
                        "Phát biểu kết luận",
                        "Kết luận cuộc họp",
                        "Phát biểu chỉ đạo tại hội nghị",
                        "Phát biểu kết luận hội nghị",
                    ],
                };
                let opener = *self.rng.pick(openers);
                let m = match intro_form {
                    0 => self.name_first(c, "đồng chí", Sel::Posts, "chair", false),
                    1 => self.title_first(c, Sel::One, "chair", false, false),
                    _ => self.again(c, "chair"),
                };
                self.para(format!("{opener}, {m} {assessment}."));
                subject_again = match self.rng.below(3) {
                    0 => "Đồng chí".to_string(),
                    1 => cap_first(
                        &self
                            .titles(c, Sel::One)
                            .first()
                            .cloned()
                            .unwrap_or_else(|| "Đồng chí".into()),
                    ),
                    _ => format!("Đồng chí {}", self.name(c)),
                };
                if subject_again.starts_with("Đồng chí ") {
                    self.record(c, &[], "chair", "bare");
                }
            }
            None => {
                self.para(format!(
                    "Kết luận hội nghị, đồng chí {title_only} {assessment}."
                ));
                subject_again = cap_first(title_only);
            }
        }
        // Directives, fitting the kind of meeting and the date.
        let mut actions: Vec<&str> = match self.kind {
            Kind::Government | Kind::Council => [ACTIONS_GOV, ACTIONS_COMMON].concat(),
            Kind::Visit => ACTIONS_VISIT.to_vec(),
            _ => [ACTIONS_PARTY, ACTIONS_COMMON, &ACTIONS_GOV[..4]].concat(),
        };
        self.rng.shuffle(&mut actions);
        let merged = self.day >= self.w.reforms.provinces_merged;
        let local = if merged {
            ADDRESSEES_COMMUNES
        } else {
            ADDRESSEES_DISTRICTS
        };
        let addressees: Vec<&str> = match self.kind {
            Kind::Government | Kind::Council => [ADDRESSEES_GOV, local].concat(),
            Kind::Delegation => ADDRESSEES_DELEGATION.to_vec(),
            Kind::Visit => ADDRESSEES_VISIT.to_vec(),
            _ => [ADDRESSEES_PARTY, local].concat(),
        };
        let list_form = n >= 3 && self.rng.chance(0.12);
        if list_form {
            let verb = self.directive_verb();
            self.para(format!(
                "{subject_again} {verb} các cấp, các ngành tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:"
            ));
        }
        for (i, tpl) in actions.iter().take(n).enumerate() {
            let action = self.fill(tpl);
            let (dl, due) = if self.rng.chance(0.3) {
                let (t, d) = self.deadline();
                (t, Some(d))
            } else {
                (String::new(), None)
            };
            let addressee = {
                let t = *self.rng.pick(&addressees);
                self.fill(t)
            };
            let sentence = if list_form {
                format!("- {}{dl};", cap_first(&action))
            } else if i == 0 {
                let verb = self.directive_verb();
                format!("{subject_again} {verb} {addressee} {action}{dl}.")
            } else {
                match self.rng.weighted(&[40, 25, 20, 15]) {
                    0 => {
                        let cont = *self.rng.pick(CONTINUATIONS);
                        format!("{cont} {addressee} cần {action}{dl}.")
                    }
                    1 => format!("{} lưu ý, cần {action}{dl}.", subject_again),
                    2 => {
                        let verb = self.directive_verb();
                        format!("{subject_again} {verb} {addressee} {action}{dl}.")
                    }
                    _ => format!("{}{dl}.", cap_first(&action)),
                }
            };
            let phrase = if list_form {
                self.toned_as_line(&action)
            } else {
                self.toned(&action)
            };
            if list_form {
                self.line(sentence);
            } else {
                self.para(sentence);
            }
            self.conclusions.push(TruthConclusion {
                phrase,
                deadline: due,
            });
        }
        // The body's decision.
        if self.rng.chance(0.6) {
            let item = if self.kind == Kind::Visit {
                let y = self.year() + 1;
                format!("chương trình hợp tác giai đoạn {y}-{}", y + 4)
            } else if self.kind == Kind::Council {
                let subject = *self.rng.pick(DOC_SUBJECTS);
                format!("Nghị quyết về {subject}")
            } else if self.rng.chance(0.6) {
                self.document()
            } else {
                self.agenda()
            };
            let tpl = if self.kind == Kind::Visit {
                "{body} thống nhất ký kết {item}"
            } else if self.kind == Kind::Council {
                "{body} thống nhất thông qua {item}"
            } else {
                *self.rng.pick(DECISIONS)
            };
            let s = tpl.replace("{body}", body).replace("{item}", &item);
            let verb_at = s
                .find(" thống nhất")
                .or_else(|| s.find(" cơ bản"))
                .or_else(|| s.find(" nhất trí"))
                .or_else(|| s.find(" đồng ý"));
            let phrase = match verb_at {
                Some(i) => {
                    let p = s[i + 1..].trim_start_matches("cơ bản ").to_string();
                    // Up to the document number or the first dozen words.
                    p.split(" về ")
                        .next()
                        .unwrap_or(&p)
                        .split(' ')
                        .take(12)
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                None => s.clone(),
            };
            let phrase = self.toned(&phrase);
            self.para(format!("{s}."));
            self.conclusions.push(TruthConclusion {
                phrase,
                deadline: None,
            });
        }
    }

    // ---- Meeting kinds -----------------------------------------------------

    /// Leaders in the usual attendance order, without `except`.
    fn leaders(&self, except: &[PersonId]) -> Vec<PersonId> {
        let mut v = self.holders(self.unit, |p| {
            matches!(
                p,
                Post::BiThu
                    | Post::PhoBiThuTT
                    | Post::PhoBiThu(_)
                    | Post::ChuTichUbnd
                    | Post::ChuTichHdnd
            )
        });
        v.retain(|p| !except.contains(p));
        v
    }

    fn standing_members(&self) -> Vec<PersonId> {
        self.holders(self.unit, |p| p.is_standing_member())
    }

    /// Chair sentence for one or several chairs; returns whether the chair
    /// is named.
    fn chair_sentence(&mut self, chairs: &[PersonId], meeting: &str) -> String {
        for &c in chairs {
            self.chairs.push(c);
        }
        if chairs.len() > 1 {
            return match self.rng.below(3) {
                0 => {
                    let l = self.list_semicolon(chairs, "chair");
                    format!("Chủ trì {meeting} có các đồng chí: {l}.")
                }
                1 => {
                    let items: Vec<String> = chairs
                        .iter()
                        .map(|&c| self.name_first(c, "đồng chí", Sel::All, "chair", false))
                        .collect();
                    format!("Chủ trì {meeting} có {}.", items.join(", "))
                }
                _ => {
                    let items: Vec<String> = chairs
                        .iter()
                        // Dashes inside a person's titles, so commas and "và"
                        // separate the people.
                        .map(|&c| self.title_first(c, Sel::Posts, "chair", true, false))
                        .collect();
                    format!("{} đồng chủ trì {meeting}.", join_and(&items))
                }
            };
        }
        let c = chairs[0];
        match self.rng.below(3) {
            0 => {
                let coin = self.rng.chance(0.3);
                let m = self.name_first(c, "Đồng chí", Sel::All, "chair", coin);
                format!("{m} chủ trì {meeting}.")
            }
            1 => {
                let m = self.name_first(c, "đồng chí", Sel::All, "chair", false);
                format!("Chủ trì {meeting} có {m}.")
            }
            _ => {
                let coin = self.rng.chance(0.3);
                let m = self.title_first(c, Sel::Posts, "chair", coin, false);
                format!("{m} chủ trì {meeting}.")
            }
        }
    }

    /// Attendance in one of its layouts.
    fn attendance(&mut self, ps: &[PersonId], opener: &str, tail: &str) {
        if ps.is_empty() {
            return;
        }
        let s = match self.rng.weighted(&[40, 25, 20, 15]) {
            0 => {
                let l = self.list_semicolon(ps, "attendee");
                format!("{opener} các đồng chí: {l}; {tail}.")
            }
            1 => {
                let l = self.list_title_first(ps, "attendee");
                format!("{opener}: {l} và {tail}.")
            }
            2 => {
                let items: Vec<String> = ps
                    .iter()
                    .map(|&p| self.any_mention(p, "attendee"))
                    .collect();
                format!("{opener} {}; {tail}.", items.join("; "))
            }
            _ => {
                let items: Vec<String> =
                    ps.iter().map(|&p| self.name_dash(p, "attendee")).collect();
                format!("Tham dự có {}; {tail}.", join_and(&items))
            }
        };
        self.para(s);
    }

    /// "Cùng dự có các Phó Chủ tịch UBND tỉnh: A, B và C; …" when several
    /// hold the same deputy post.
    fn deputies_shared(&mut self, post_of: fn(u8) -> Post, k: u8, tail: &str) -> bool {
        let ps: Vec<PersonId> = (0..k)
            .filter_map(|i| self.get(post_of(i)))
            .filter(|p| !self.in_cast(*p))
            .collect();
        if ps.len() < 2 {
            return false;
        }
        let names = self.w.names(self.unit, self.day);
        let title = posts::title(post_of(0), &names, self.day, &self.w.reforms, &self.st);
        let s = self.shared_title(&title, &ps, "attendee");
        self.para(format!("Cùng dự có {s}; {tail}."));
        true
    }

    fn article(&mut self, kind: Kind) -> (String, Truth) {
        let tu = self.tu();
        let tinh = self.tinh();
        let prov = self.prov();
        let no_stamp = self.site == "no_stamp";
        let bt = self.get(Post::BiThu);
        let pbt = self.get(Post::PhoBiThuTT);
        let ct = self.get(Post::ChuTichUbnd);
        let hd = self.get(Post::ChuTichHdnd);

        // The meeting: lead, chairs, attendance, then the middle and closing.
        let mut concluder: Option<PersonId> = None;
        let mut title_only = format!("Bí thư {tu}");
        let mut n_directives = self.rng.range(2, 6) as usize;
        let body: String;
        let decision_body: String;
        let mut presenters: Vec<(PersonId, String)> = Vec::new();
        let mut speakers: Vec<PersonId> = Vec::new();
        let headline_tpl: &str;
        let mut partner = String::new();
        let mut headline_person: Option<PersonId> = None;
        let mut visitor: Option<(&'static str, &'static str)> = None;
        let cue = self.cue(no_stamp);
        let relative = !no_stamp && self.rng.chance(0.03);
        let cue = if relative {
            self.date_known = false;
            "Vào cuối tuần qua".to_string()
        } else {
            cue
        };

        match kind {
            Kind::Standing | Kind::Executive => {
                let standing = kind == Kind::Standing;
                let chair = if self.rng.chance(0.88) {
                    bt.or(pbt)
                } else {
                    pbt.or(bt)
                };
                let Some(chair) = chair else {
                    return self.article(Kind::Government);
                };
                let named = self.rng.chance(0.95);
                let multi = !standing && self.rng.chance(0.6) || standing && self.rng.chance(0.2);
                let mut chairs = vec![chair];
                if multi {
                    for x in [pbt, ct] {
                        if let Some(x) = x
                            && !chairs.contains(&x)
                        {
                            chairs.push(x);
                        }
                    }
                }
                let (agenda1, agenda2) = self.agenda_pair();
                body = if standing {
                    format!("Ban Thường vụ {tu}")
                } else {
                    format!("Ban Chấp hành Đảng bộ {tinh}")
                };
                decision_body = body.clone();
                let meeting = "hội nghị";
                let n_conf = if standing {
                    None
                } else {
                    let c = [day(2015, 10, 15), day(2020, 10, 15), day(2025, 10, 10)];
                    let since = c
                        .iter()
                        .rev()
                        .find(|&&x| self.day >= x)
                        .copied()
                        .unwrap_or(day(2010, 10, 15));
                    Some(((self.day - since) / 80 + 1) as u32)
                };
                self.session = n_conf;
                self.term = Some(roman(self.party_term(self.day)));
                headline_tpl = if standing {
                    *self.rng.pick(HEADLINES_BTV)
                } else {
                    *self.rng.pick(HEADLINES_BCH)
                };
                if named && headline_tpl.contains("{chair}") {
                    headline_person = Some(chair);
                }
                let term = roman(self.party_term(self.day));
                let place = if self.rng.chance(0.5) {
                    format!(" {prov}")
                } else {
                    String::new()
                };
                let lead = if standing {
                    match self.rng.below(3) {
                        0 if named => {
                            let m = if self.rng.chance(0.5) {
                                self.name_first(chair, "đồng chí", Sel::All, "chair", false)
                            } else {
                                self.title_first(chair, Sel::Posts, "chair", false, false)
                            };
                            self.chairs = chairs[..1].to_vec();
                            chairs.truncate(1);
                            format!(
                                "{cue}, dưới sự chủ trì của {m}, Ban Thường vụ {tu}{place} họp nghe và cho ý kiến về {agenda1}; {agenda2}."
                            )
                        }
                        1 => format!(
                            "{cue}, Ban Thường vụ {tu}{place} tiếp tục kỳ họp thứ {}, bàn các nội dung về {agenda1} và một số nội dung quan trọng khác.",
                            self.rng.range(2, 30)
                        ),
                        _ => format!(
                            "{cue}, Ban Thường vụ {tu}{place} tổ chức hội nghị thảo luận, cho ý kiến về {agenda1}; {agenda2}."
                        ),
                    }
                } else {
                    let n = n_conf.unwrap_or(1);
                    match self.rng.below(2) {
                        0 => format!(
                            "{cue}, Ban Chấp hành Đảng bộ {tinh}{place} khóa {term} tổ chức Hội nghị lần thứ {n} để thảo luận, cho ý kiến về {agenda1}; {agenda2}."
                        ),
                        _ => format!(
                            "{cue}, Ban Chấp hành Đảng bộ {tinh}{place} tổ chức hội nghị lần thứ {n} thảo luận về {agenda1}; {agenda2}."
                        ),
                    }
                };
                self.para(lead);
                if self.chairs.is_empty() {
                    if named {
                        let s = self.chair_sentence(&chairs, meeting);
                        self.para(s);
                    } else {
                        let t = self
                            .titles(chair, Sel::One)
                            .first()
                            .cloned()
                            .unwrap_or_default();
                        self.para(format!("Đồng chí {t} chủ trì {meeting}."));
                    }
                }
                title_only = self
                    .titles(chair, Sel::One)
                    .first()
                    .cloned()
                    .unwrap_or(title_only);
                if named {
                    concluder = Some(chair);
                }
                // Central guests at executive conferences.
                if !standing && self.rng.chance(0.35) {
                    let guests = self.holders(CENTRAL, |p| {
                        matches!(
                            p,
                            Post::VuTruong(BanTw::ToChuc | BanTw::Ubkt, _)
                                | Post::PhoVuTruong(BanTw::ToChuc, _)
                                | Post::PhoTruongBanTw(BanTw::ToChuc, _)
                        )
                    });
                    let k = self.rng.range(1, 2) as usize;
                    let g = self.sample(&guests, k);
                    let items: Vec<String> = g
                        .iter()
                        .map(|&p| self.name_first(p, "đồng chí", Sel::All, "attendee", false))
                        .collect();
                    self.para(format!("Dự hội nghị có {}.", items.join("; ")));
                }
                // An unnamed chair is not named elsewhere either.
                let mut except = self.chairs.clone();
                except.push(chair);
                let mut att = self.leaders(&except);
                if self.rng.chance(0.6) {
                    let sm = self.standing_members();
                    let k = self.rng.range(1, 3) as usize;
                    let extra = self.sample(&sm, k);
                    att.extend(extra.into_iter().filter(|p| !self.in_cast(*p)));
                }
                // Security matters bring the police and military chiefs.
                if self.rng.chance(0.3) {
                    let post = if self.rng.chance(0.6) {
                        Post::GiamDocCongAn
                    } else {
                        Post::ChiHuyTruong
                    };
                    if let Some(p) = self.get(post)
                        && !att.contains(&p)
                    {
                        att.push(p);
                    }
                }
                att.retain(|p| !self.people.iter().any(|x| x.id == *p));
                let tail = format!("các đồng chí Ủy viên Ban Thường vụ {tu}");
                let opener = *self.rng.pick(&[
                    "Dự hội nghị có",
                    "Cùng dự có",
                    "Về phía tỉnh có",
                    "Tham dự hội nghị có",
                ]);
                self.attendance(&att, opener, &tail);
                // Presenters.
                if let Some(p) = self.get(Post::TruongBan(Ban::ToChuc)) {
                    presenters.push((p, agenda1.clone()));
                }
                if standing
                    && self.rng.chance(0.15)
                    && let Some(p) = self.get(Post::GiamDocCongAn)
                    && !self.in_cast(p)
                {
                    presenters.push((
                        p,
                        "báo cáo tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn"
                            .to_string(),
                    ));
                }
                if self.rng.chance(0.5)
                    && let Some(p) = self.get(Post::ChuNhiemUbkt)
                {
                    presenters.push((
                        p,
                        format!("kết quả công tác kiểm tra, giám sát năm {}", self.year()),
                    ));
                }
                if !standing && let Some(p) = self.get(Post::PhoChuTichUbndTT).or(ct) {
                    presenters.push((p, format!("Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {}, phương hướng, nhiệm vụ năm {}", self.year(), self.year() + 1)));
                }
                let pool = self.holders(self.unit, |p| {
                    matches!(
                        p,
                        Post::GiamDocSo(_)
                            | Post::BiThuHuyen(_)
                            | Post::BiThuXa(_)
                            | Post::PhoChuTichUbnd(_)
                    )
                });
                speakers = {
                    let k = self.rng.range(0, 3) as usize;
                    self.sample(&pool, k)
                };
            }
            Kind::Permanent => {
                let chair = if self.rng.chance(0.7) {
                    bt.or(pbt)
                } else {
                    pbt.or(bt)
                };
                let Some(chair) = chair else {
                    return self.article(Kind::Government);
                };
                body = format!("Thường trực {tu}");
                decision_body = format!("Thường trực {tu}");
                // The partner: a district, a commune, or a department.
                let districts = self.holders(self.unit, |p| {
                    matches!(p, Post::BiThuHuyen(_) | Post::BiThuXa(_))
                });
                let depts = self.holders(self.unit, |p| matches!(p, Post::GiamDocSo(_)));
                let (lead_p, second): (Option<PersonId>, Option<PersonId>);
                if !districts.is_empty() && self.rng.chance(0.65) {
                    let p = districts[self.rng.below(districts.len())];
                    let posts_p = self.w.posts_of(p, self.day);
                    let post = posts_p
                        .iter()
                        .map(|&(_, x)| x)
                        .find(|x| matches!(x, Post::BiThuHuyen(_) | Post::BiThuXa(_)))
                        .unwrap();
                    let names = self.w.names(self.unit, self.day);
                    let t = posts::title(post, &names, self.day, &self.w.reforms, &self.st);
                    // "Bí thư Huyện ủy Thạch Hà" → "Ban Thường vụ Huyện ủy Thạch Hà".
                    partner = match post {
                        Post::BiThuHuyen(_) => {
                            format!("Ban Thường vụ {}", t.trim_start_matches("Bí thư "))
                        }
                        _ => t.trim_start_matches("Bí thư ").to_string(),
                    };
                    lead_p = Some(p);
                    second = match post {
                        Post::BiThuHuyen(i) => self.get(Post::ChuTichHuyen(i)),
                        _ => None,
                    };
                } else if !depts.is_empty() {
                    let p = depts[self.rng.below(depts.len())];
                    let post = self.w.posts_of(p, self.day)[0].1;
                    let names = self.w.names(self.unit, self.day);
                    let t = posts::title(post, &names, self.day, &self.w.reforms, &self.st);
                    partner = format!("Đảng ủy {}", t.trim_start_matches("Giám đốc "));
                    lead_p = Some(p);
                    second = None;
                } else {
                    return self.article(Kind::Standing);
                }
                headline_tpl = *self.rng.pick(HEADLINES_TT);
                if headline_tpl.contains("{chair}") {
                    headline_person = Some(chair);
                }
                let coin = self.rng.chance(0.2);
                let m = self.name_first(chair, "đồng chí", Sel::All, "chair", coin);
                self.chairs.push(chair);
                let topic = *self.rng.pick(&[
                    "tình hình thực hiện nhiệm vụ chính trị 6 tháng đầu năm",
                    "kết quả thực hiện Nghị quyết Đại hội đảng bộ các cấp",
                    "công tác xây dựng Đảng và tình hình phát triển kinh tế - xã hội",
                    "tiến độ triển khai các dự án trọng điểm trên địa bàn",
                ]);
                let lead = match self.rng.below(2) {
                    0 => format!(
                        "{cue}, {m} cùng các đồng chí trong Thường trực {tu} đã có buổi làm việc với {partner} về {topic}."
                    ),
                    _ => format!(
                        "{cue}, Thường trực {tu} làm việc với {partner} về {topic}. Chủ trì buổi làm việc có {m}."
                    ),
                };
                self.para(lead);
                concluder = Some(chair);
                let others = self.leaders(&[chair]);
                let att = {
                    let k = self.rng.range(1, 2) as usize;
                    self.sample(&others, k)
                };
                let att: Vec<PersonId> = att.into_iter().filter(|p| !self.in_cast(*p)).collect();
                self.attendance(
                    &att,
                    "Cùng dự có",
                    "lãnh đạo một số sở, ban, ngành của tỉnh",
                );
                if let Some(p) = lead_p {
                    presenters.push((p, topic.to_string()));
                }
                if let Some(p) = second {
                    speakers.push(p);
                }
                n_directives = self.rng.range(2, 5) as usize;
            }
            Kind::Government => {
                let Some(chair) = ct.or(bt) else {
                    return self.article(Kind::Standing);
                };
                let lv = posts::level(&self.w.names(self.unit, self.day), &self.st);
                body = format!("{} {lv}", posts::ubnd(&self.st));
                decision_body = format!("UBND {tinh}");
                headline_tpl = *self.rng.pick(HEADLINES_UBND);
                if headline_tpl.contains("{chair}") {
                    headline_person = Some(chair);
                }
                let m = self.month();
                let lead = format!(
                    "{cue}, {} {lv}{} tổ chức phiên họp thường kỳ tháng {m} để đánh giá tình hình kinh tế - xã hội tháng {m}, nhiệm vụ trọng tâm tháng {} và cho ý kiến về một số nội dung quan trọng.",
                    posts::ubnd(&self.st),
                    if self.rng.chance(0.5) {
                        format!(" {prov}")
                    } else {
                        String::new()
                    },
                    m % 12 + 1
                );
                self.para(lead);
                let s = self.chair_sentence(&[chair], "phiên họp");
                self.para(s);
                concluder = Some(chair);
                let shared = self.rng.chance(0.45)
                    && self.deputies_shared(Post::PhoChuTichUbnd, 7, "lãnh đạo các sở, ban, ngành");
                if !shared {
                    let mut att = self.holders(self.unit, |p| {
                        matches!(p, Post::PhoChuTichUbndTT | Post::PhoChuTichUbnd(_))
                    });
                    att.retain(|p| !self.in_cast(*p));
                    let att = self.sample(&att, 3);
                    self.attendance(&att, "Dự phiên họp có", "lãnh đạo các sở, ban, ngành");
                } else if let Some(p) = self.get(Post::PhoChuTichUbndTT)
                    && !self.in_cast(p)
                {
                    let mm = self.any_mention(p, "attendee");
                    self.para(format!("Tham dự phiên họp còn có {mm}."));
                }
                let planner = self
                    .get(Post::GiamDocSo(Dept::KeHoach))
                    .or(self.get(Post::GiamDocSo(Dept::TaiChinh)));
                if let Some(p) = planner {
                    presenters.push((
                        p,
                        format!(
                            "tình hình kinh tế - xã hội tháng {m} và nhiệm vụ trọng tâm tháng {}",
                            m % 12 + 1
                        ),
                    ));
                }
                let pool = self.holders(self.unit, |p| matches!(p, Post::GiamDocSo(_)));
                speakers = {
                    let k = self.rng.range(1, 3) as usize;
                    self.sample(&pool, k)
                };
                n_directives = self.rng.range(3, 6) as usize;
                title_only = format!("Chủ tịch UBND {tinh}");
            }
            Kind::Council => {
                let Some(chair) = hd.or(bt) else {
                    return self.article(Kind::Standing);
                };
                let cterm = roman(self.council_term());
                let since = [day(2016, 6, 28), day(2021, 6, 25)]
                    .iter()
                    .rev()
                    .find(|&&x| self.day >= x)
                    .copied()
                    .unwrap_or(day(2011, 6, 28));
                let session = ((self.day - since) / 100 + 1) as u32;
                self.session = Some(session);
                self.term = Some(cterm.clone());
                let lv = posts::level(&self.w.names(self.unit, self.day), &self.st);
                body = format!("{} {lv}", posts::hdnd(&self.st));
                decision_body = "Kỳ họp".to_string();
                headline_tpl = *self.rng.pick(HEADLINES_HDND);
                let lead = format!(
                    "{cue}, {} {lv}{} khóa {cterm}, nhiệm kỳ {}-{} tổ chức Kỳ họp thứ {session}.",
                    posts::hdnd(&self.st),
                    if self.rng.chance(0.5) {
                        format!(" {prov}")
                    } else {
                        String::new()
                    },
                    if self.day >= day(2021, 6, 25) {
                        2021
                    } else {
                        2016
                    },
                    if self.day >= day(2021, 6, 25) {
                        2026
                    } else {
                        2021
                    },
                );
                self.para(lead);
                let deputy = self.get(Post::PhoChuTichHdnd(0));
                if self.rng.chance(0.3)
                    && let Some(dp) = deputy
                {
                    // The presidium.
                    self.chairs.push(chair);
                    self.chairs.push(dp);
                    let l = self.list_semicolon(&[chair, dp], "chair");
                    self.para(format!("Chủ tọa kỳ họp có các đồng chí: {l}."));
                } else {
                    let s = self.chair_sentence(&[chair], "kỳ họp");
                    self.para(s);
                }
                concluder = Some(chair);
                let mut att: Vec<PersonId> = [bt, pbt, ct, self.get(Post::TruongDoanDbqh)]
                    .into_iter()
                    .flatten()
                    .collect();
                att.dedup();
                att.retain(|p| !self.in_cast(*p));
                let att: Vec<PersonId> = att
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| !att[..*i].contains(p))
                    .map(|(_, p)| *p)
                    .collect();
                self.attendance(&att, "Dự kỳ họp có", "các đại biểu HĐND tỉnh");
                if let Some(p) = ct.filter(|p| !self.chairs.contains(p)) {
                    presenters.push((
                        p,
                        format!(
                            "Báo cáo tình hình kinh tế - xã hội năm {}, kế hoạch năm {}",
                            self.year(),
                            self.year() + 1
                        ),
                    ));
                } else if let Some(p) = self.get(Post::PhoChuTichUbndTT) {
                    presenters.push((p, "các tờ trình của UBND tỉnh".to_string()));
                }
                let pool = self.holders(self.unit, |p| {
                    matches!(p, Post::GiamDocSo(_) | Post::PhoChuTichUbnd(_))
                });
                speakers = {
                    let k = self.rng.range(0, 2) as usize;
                    self.sample(&pool, k)
                };
                title_only = format!("Chủ tịch HĐND {tinh}");
            }
            Kind::Delegation => {
                let heads = self.holders(CENTRAL, |p| {
                    matches!(
                        p,
                        Post::TruongBanTw(_)
                            | Post::PhoThuTuong(_)
                            | Post::BoTruong(_)
                            | Post::PhoTruongBanTw(..)
                    )
                });
                if heads.is_empty() || bt.is_none() {
                    return self.article(Kind::Standing);
                }
                let head = heads[self.rng.below(heads.len())];
                let head_post = self.w.posts_of(head, self.day)[0].1;
                let members_pool = self.holders(CENTRAL, move |p| match (head_post, p) {
                    (
                        Post::TruongBanTw(b) | Post::PhoTruongBanTw(b, _),
                        Post::VuTruong(x, _) | Post::PhoVuTruong(x, _),
                    ) => x == b,
                    (Post::BoTruong(m), Post::ThuTruong(x, _)) => x == m,
                    (Post::PhoThuTuong(_), Post::ThuTruong(..)) => true,
                    _ => false,
                });
                let members = {
                    let k = self.rng.range(1, 3) as usize;
                    self.sample(&members_pool, k)
                };
                let politburo = self
                    .w
                    .titles(head, self.day, &self.st)
                    .iter()
                    .any(|t| t == "Ủy viên Bộ Chính trị");
                let group = match head_post {
                    _ if politburo => "Đoàn công tác của Bộ Chính trị".to_string(),
                    Post::TruongBanTw(b) | Post::PhoTruongBanTw(b, _) => {
                        format!(
                            "Đoàn công tác {}",
                            posts::ban_tw_name(b, self.day >= self.w.reforms.boards_merged)
                        )
                    }
                    Post::BoTruong(m) => format!(
                        "Đoàn công tác Bộ {}",
                        posts::ministry_name(m, self.day >= self.w.reforms.depts_merged)
                    ),
                    _ => "Đoàn công tác của Chính phủ".to_string(),
                };
                body = group.clone();
                decision_body = format!("Ban Thường vụ {tu}");
                headline_tpl = *self.rng.pick(HEADLINES_DELEGATION);
                if headline_tpl.contains("{head}") {
                    headline_person = Some(head);
                }
                let hm = self.name_first(head, "đồng chí", Sel::All, "chair", false);
                let place = self.place();
                let topic = *self.rng.pick(&[
                    "công tác chuẩn bị đại hội đảng bộ các cấp",
                    "kết quả thực hiện nhiệm vụ chính trị của địa phương",
                    "tình hình triển khai các chương trình mục tiêu quốc gia",
                    "việc thực hiện các nghị quyết, kết luận của Trung ương",
                ]);
                let lead = match self.rng.below(2) {
                    0 => format!(
                        "{cue}, {group} do {hm} làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ {tu} {prov} về {topic}."
                    ),
                    _ => format!(
                        "{cue}, {hm} dẫn đầu {} đã làm việc tại {place} về {topic}.",
                        group.replacen("Đoàn", "đoàn", 1)
                    ),
                };
                self.para(lead);
                self.chairs.push(head);
                if !members.is_empty() {
                    let l = self.list_semicolon(&members, "attendee");
                    self.para(format!("Cùng đi với đoàn có các đồng chí: {l}."));
                }
                let others = self.leaders(&bt.into_iter().collect::<Vec<_>>());
                let mut host: Vec<PersonId> = bt.into_iter().collect();
                let extra = self.sample(&others, 2);
                host.extend(extra);
                if self.rng.chance(0.2)
                    && let Some(b) = bt
                {
                    let m1 = self.again(head, "chair");
                    let m2 = self.title_first(b, Sel::Posts, "chair", false, false);
                    self.chairs.push(b);
                    self.para(format!(
                        "Đồng chí {} và {m2} đồng chủ trì buổi làm việc.",
                        m1.trim_start_matches("đồng chí ")
                    ));
                }
                let host: Vec<PersonId> = host.into_iter().filter(|p| !self.in_cast(*p)).collect();
                if !host.is_empty() {
                    let l = self.list_semicolon(&host, "attendee");
                    self.para(format!("Tiếp và làm việc với Đoàn về phía {place} có các đồng chí: {l}; các đồng chí Ủy viên Ban Thường vụ {tu}."));
                }
                if self.rng.chance(0.5) {
                    self.person_caption(head, "chair");
                }
                concluder = Some(head);
                if let Some(b) = bt {
                    presenters.push((b, format!("kết quả {topic}")));
                }
                n_directives = self.rng.range(2, 5) as usize;
            }
            Kind::Visit => {
                let others: Vec<UnitId> = (0..PROVINCES.len())
                    .filter(|&u| u != self.unit && self.w.is_active(u, self.day))
                    .collect();
                let v = others[self.rng.below(others.len())];
                let vhead = self
                    .get_in(v, Post::BiThu)
                    .or(self.get_in(v, Post::PhoBiThuTT));
                let (Some(head), Some(b)) = (vhead, bt) else {
                    return self.article(Kind::Standing);
                };
                let vname = self.w.unit_name(v, self.day);
                let vtu = if self.w.is_city(v, self.day) {
                    "Thành ủy"
                } else {
                    "Tỉnh ủy"
                };
                body = format!("Đoàn công tác {vtu} {vname}");
                decision_body = "Hai bên".to_string();
                headline_tpl = "Đoàn công tác {vtu} {vname} làm việc tại {P}";
                let hm = self.name_first(head, "đồng chí", Sel::Posts, "chair", true);
                self.chairs.push(head);
                let place = self.place();
                self.para(format!("{cue}, đoàn công tác {vtu} {vname} do {hm} làm trưởng đoàn đã có buổi làm việc tại {place}."));
                let vm: Vec<PersonId> = [
                    self.get_in(v, Post::ChuTichUbnd),
                    self.get_in(v, Post::TruongBan(Ban::ToChuc)),
                ]
                .into_iter()
                .flatten()
                .filter(|p| *p != head)
                .collect();
                if !vm.is_empty() {
                    let items: Vec<String> = vm
                        .iter()
                        .map(|&p| self.name_first(p, "đồng chí", Sel::Posts, "attendee", true))
                        .collect();
                    self.para(format!("Cùng đi với đoàn có {}.", items.join("; ")));
                }
                let mut host = vec![b];
                host.extend(ct);
                let items: Vec<String> = host
                    .iter()
                    .map(|&p| self.name_first(p, "đồng chí", Sel::Posts, "attendee", true))
                    .collect();
                self.para(format!("Tiếp đoàn có {}.", items.join("; ")));
                concluder = Some(head);
                presenters.push((
                    b,
                    "thông tin với đoàn về tình hình phát triển kinh tế - xã hội của tỉnh"
                        .to_string(),
                ));
                n_directives = self.rng.range(1, 3) as usize;
                visitor = Some((vtu, vname));
            }
        }
        let head = std::mem::take(&mut self.cur);

        // Headline (written now that the cast is known).
        // A headline naming a person needs one: fall back to the body's.
        let headline_tpl = if headline_person.is_none()
            && (headline_tpl.contains("{chair}") || headline_tpl.contains("{head}"))
        {
            match kind {
                Kind::Permanent => HEADLINES_TT[0],
                Kind::Government => HEADLINES_UBND[0],
                Kind::Delegation => HEADLINES_DELEGATION[3],
                _ => HEADLINES_BTV[1],
            }
        } else {
            headline_tpl
        };
        let headline = {
            let mut h = headline_tpl.to_string();
            if let Some(p) = headline_person {
                let role = if self.chairs.contains(&p) {
                    "chair"
                } else {
                    "attendee"
                };
                let suffix = self.rng.chance(0.3);
                self.layout_override = Some("headline");
                let m = self.title_first(p, Sel::One, role, false, suffix);
                self.layout_override = None;
                h = h.replace("{chair}", &m).replace("{head}", &m);
            }
            let a = if h.contains("{agenda}") {
                self.agenda()
            } else {
                String::new()
            };
            h = h.replace("{agenda}", &a).replace("{partner}", &partner);
            if let Some((vtu, vname)) = visitor {
                h = h.replace("{vtu}", vtu).replace("{vname}", vname);
            }
            let n = self.session.unwrap_or(1).to_string();
            let h = h.replace("{n}", &n);
            cap_first(&self.fill(&h))
        };
        self.headline = self.toned(&headline);
        self.next_tone();

        // The middle: presentations, reports, speeches, captions.
        let target = self.rng.range(3_300, 13_500) as usize;
        // Presentations come before the discussion.
        let middle_items: Vec<u8> = std::iter::repeat_n(0, presenters.len())
            .chain(std::iter::repeat_n(1, speakers.len()))
            .collect();
        let mut presenters = presenters.into_iter();
        let speakers: Vec<PersonId> = speakers
            .into_iter()
            .filter(|p| !self.chairs.contains(p))
            .collect();
        let mut speakers = speakers.into_iter();
        // Agenda paragraph first.
        match kind {
            Kind::Standing | Kind::Executive => {
                let (a1, a2) = self.agenda_pair();
                self.para(format!(
                    "Tại hội nghị, các đại biểu đã nghe và cho ý kiến vào: {a1}; {a2}."
                ));
            }
            Kind::Government => {
                let d = self.document();
                self.para(format!("Tại phiên họp, UBND {tinh} đã thảo luận, cho ý kiến vào dự thảo {d} và một số nội dung quan trọng khác."));
            }
            Kind::Council => {
                let k = self.rng.range(12, 36);
                self.para(format!("Tại kỳ họp, các đại biểu HĐND {tinh} xem xét, thảo luận và quyết định {k} nội dung thuộc thẩm quyền, trong đó có các báo cáo, tờ trình và dự thảo nghị quyết quan trọng."));
            }
            Kind::Delegation | Kind::Visit => {
                self.para("Tại buổi làm việc, hai bên đã trao đổi, thảo luận về tình hình thực hiện nhiệm vụ chính trị, những khó khăn, vướng mắc và đề xuất, kiến nghị của địa phương.".to_string());
            }
            Kind::Permanent => {}
        }
        self.plain_caption();
        for item in middle_items {
            match item {
                0 => {
                    if let Some((p, what)) = presenters.next() {
                        if self.rng.chance(0.25) {
                            self.person_caption(p, "presenter");
                        }
                        self.presentation(p, &what);
                        self.report();
                    }
                }
                _ => {
                    if let Some(p) = speakers.next() {
                        if self.rng.chance(0.3) {
                            self.person_caption(p, "speaker");
                        }
                        self.speech(p);
                    }
                }
            }
            if self.rng.chance(0.3) {
                self.plain_caption();
            }
        }
        let middle = std::mem::take(&mut self.cur);

        // The closing.
        if let Some(c) = concluder
            && self.rng.chance(0.35)
        {
            self.person_caption(c, "chair");
        }
        let concl_body = decision_body.clone();
        self.closing(concluder, &title_only, &concl_body, n_directives);
        let closing = std::mem::take(&mut self.cur);

        // Fill the middle with report paragraphs up to the article's length.
        let size = |v: &[Piece]| -> usize {
            v.iter()
                .map(|p| match p {
                    Piece::Para(s) | Piece::Line(s) | Piece::Caption(s) => s.len() + 2,
                })
                .sum()
        };
        let mut middle = middle;
        let mut total = size(&head) + size(&middle) + size(&closing) + 1200;
        let mut guard = 0;
        while total < target && guard < 40 {
            self.report();
            if self.rng.chance(0.25) {
                self.plain_caption();
            }
            let extra = std::mem::take(&mut self.cur);
            total += size(&extra);
            let at = if middle.is_empty() {
                0
            } else {
                1 + self.rng.below(middle.len())
            };
            // Keep a caption's second line under its first, and captions
            // apart.
            let at = (at..=middle.len())
                .find(|&i| {
                    i == middle.len()
                        || (matches!(middle[i], Piece::Para(_))
                            && !matches!(middle[i - 1], Piece::Caption(_)))
                })
                .unwrap_or(middle.len());
            middle.splice(at..at, extra);
            guard += 1;
        }

        // Every article names its province somewhere in the text.
        let mut head = head;
        // Compared with diacritics: folded, "Điện Biên" is "diễn biến".
        let (p_old, p_new) = (self.prov(), tone::to_new(self.prov()));
        let named = head
            .iter()
            .chain(middle.iter())
            .chain(closing.iter())
            .any(|p| match p {
                Piece::Para(s) | Piece::Line(s) | Piece::Caption(s) => {
                    s.contains(p_old) || s.contains(p_new.as_str())
                }
            });
        if !named {
            let place = self.place();
            let tu = self.tu();
            let s = match self.rng.below(3) {
                0 => format!("Hội nghị được tổ chức tại Hội trường {tu} {}.", self.prov()),
                1 => format!(
                    "Hội nghị được kết nối trực tuyến đến các điểm cầu trên địa bàn {place}."
                ),
                _ => format!(
                    "Đây là một trong những nội dung quan trọng trong chương trình công tác năm {} của {place}.",
                    self.year()
                ),
            };
            let s = self.toned(&s);
            head.insert(1.min(head.len()), Piece::Para(s));
        }
        let (text, authors, views, outlet) = self.page(head, middle, closing);
        let province = self.w.units[self.unit]
            .province
            .map_or("", |p| PROVINCES[p].name);
        let province_2025 = self.w.units[self.unit]
            .province
            .map_or("", |p| PROVINCES[p].merged_into);
        let mut deadlines: Vec<Date> = Vec::new();
        for c in &self.conclusions {
            if let Some(d) = c.deadline
                && !deadlines.contains(&d)
            {
                deadlines.push(d);
            }
        }
        let chairs: Vec<String> = self
            .chairs
            .iter()
            .filter_map(|c| {
                self.people
                    .iter()
                    .find(|p| p.id == *c)
                    .map(|p| p.name.clone())
            })
            .collect();
        let mut not_attendees = std::mem::take(&mut self.not_attendees);
        not_attendees.dedup();
        let truth = Truth {
            title: self.headline.clone(),
            published: (self.site != "no_stamp").then(|| date_of(self.published)),
            views,
            outlet,
            province: province.to_string(),
            province_2025: province_2025.to_string(),
            date: self.date_known.then(|| date_of(self.day)),
            body,
            session: self.session,
            term: self.term.clone(),
            chairs,
            people: std::mem::take(&mut self.people),
            not_attendees,
            conclusions: std::mem::take(&mut self.conclusions),
            deadlines,
            authors,
            documents: std::mem::take(&mut self.documents),
            kind: kind.as_str(),
            layout: self.site,
        };
        (text, truth)
    }

    // ---- The page --------------------------------------------------------

    /// A teaser line about an official not at the meeting.
    fn teaser(&mut self) -> Option<String> {
        let same = self.rng.chance(0.5);
        let unit = if same {
            self.unit
        } else {
            let us: Vec<UnitId> = (0..PROVINCES.len())
                .filter(|&u| self.w.is_active(u, self.day))
                .collect();
            us[self.rng.below(us.len())]
        };
        let pool: Vec<PersonId> = self
            .holders(unit, |p| {
                matches!(
                    p,
                    Post::BiThu
                        | Post::ChuTichUbnd
                        | Post::PhoChuTichUbnd(_)
                        | Post::ChuTichHdnd
                        | Post::GiamDocSo(_)
                )
            })
            .into_iter()
            .filter(|p| !self.in_cast(*p))
            .collect();
        if pool.is_empty() {
            return None;
        }
        let p = pool[self.rng.below(pool.len())];
        let titles = self.titles(p, Sel::One);
        let suffix = if unit != self.unit && titles.last().is_some_and(|t| takes_province(t)) {
            format!(" {}", self.w.unit_name(unit, self.day))
        } else {
            String::new()
        };
        let name = self.name(p).to_string();
        let who = format!("{}{suffix} {name}", titles.join(", "));
        let d = self.w.units[self.unit]
            .districts
            .first()
            .map(|d| d.0.clone())
            .unwrap_or_default();
        let tpl = *self.rng.pick(TEASERS);
        let s = tpl
            .replace("{who}", &who)
            .replace("{D}", &d)
            .replace("{m}", &self.month().to_string());
        self.not_attendees.push(name);
        Some(s)
    }

    /// "Tổng Bí thư X" quoted in a teaser after "Từ khóa".
    fn leader_teaser(&mut self) -> (String, String) {
        let head = *self.rng.pick(LEADER_TEASER_HEADLINES);
        let tpl = *self.rng.pick(LEADER_TEASERS);
        let who = match self.national(Post::TongBiThu) {
            Some(p) => {
                let name = self.name(p).to_string();
                self.not_attendees.push(name.clone());
                format!("Tổng Bí thư {name}")
            }
            None => "Tổng Bí thư".to_string(),
        };
        (head.to_string(), tpl.replace("{who}", &who))
    }

    /// Bylines: one to three pen names.
    fn byline_names(&mut self) -> Vec<String> {
        let n = *self.rng.pick_weighted(&[(1usize, 70), (2, 25), (3, 5)]);
        let mut v: Vec<String> = Vec::new();
        for _ in 0..n * 3 {
            if v.len() == n {
                break;
            }
            let r = self.reporter();
            let clash = self.people.iter().any(|p| fold(&p.name) == fold(&r));
            if !v.contains(&r) && !clash {
                v.push(r);
            }
        }
        v
    }

    /// The stamp line of the page for its site.
    fn stamp(&mut self) -> String {
        let d = date_of(self.published);
        let (dd, mm, yy) = (d.day.unwrap(), d.month.unwrap(), d.year);
        let wd = (self.published + 3).rem_euclid(7) as usize;
        const NUM: [&str; 7] = [
            "Thứ 2",
            "Thứ 3",
            "Thứ 4",
            "Thứ 5",
            "Thứ 6",
            "Thứ 7",
            "Chủ nhật",
        ];
        const WORD: [&str; 7] = [
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
            "Chủ Nhật",
        ];
        let h = self.rng.range(7, 22);
        let mi = self.rng.range(0, 59);
        let s = self.rng.range(0, 59);
        match self.site {
            "stamp_pipe" => format!("{}, {dd:02}.{mm:02}.{yy} | {h:02}:{mi:02}:{s:02}", NUM[wd]),
            "updated_sapo" => format!("Cập nhật: {h:02}:{mi:02} {dd:02}/{mm:02}/{yy}"),
            "weekday_source" => format!("{}, {dd}/{mm}/{yy}", WORD[wd]),
            "gmt_stamp" => format!("{}, {dd:02}/{mm:02}/{yy}, {h:02}:{mi:02} [GMT+7]", WORD[wd]),
            "dash_time" => format!("{dd:02}/{mm:02}/{yy} - {h:02}:{mi:02}"),
            "posted_on" => format!("Tin tức - Ngày đăng : {h:02}:{mi:02}, {dd:02}/{mm:02}/{yy}"),
            "time_comma_source" => format!("{h:02}:{mi:02}, {dd:02}/{mm:02}/{yy}"),
            "caps_byline" => format!("{}, {dd:02}/{mm:02}/{yy} | {h:02}:{mi:02}", NUM[wd]),
            _ => format!("{h:02}:{mi:02} {dd:02}/{mm:02}/{yy}"),
        }
    }

    /// Lays the page out: header, article, byline, tail. Returns the text,
    /// the authors, the view count and the outlet when the page shows them.
    fn page(
        &mut self,
        head: Vec<Piece>,
        middle: Vec<Piece>,
        closing: Vec<Piece>,
    ) -> (String, Vec<String>, Option<u64>, Option<String>) {
        let site = self.site;
        let outlet_domain = self.w.units[self.unit].outlet.clone();
        let mut top: Vec<Piece> = Vec::new();
        let mut bottom: Vec<Piece> = Vec::new();
        let mut authors: Vec<String> = Vec::new();
        let mut views: Option<u64> = None;
        let mut outlet: Option<String> = None;
        let hl = self.headline.clone();
        let mut lead_prefix: Option<String> = None;
        match site {
            "stamp_pipe" => {
                top.push(Piece::Para(hl.clone()));
                top.push(Piece::Para(self.stamp()));
                let v = self.rng.range(50, 2500) as u64;
                views = Some(v);
                top.push(Piece::Line(format!("{v} lượt xem")));
                authors = self.byline_names();
                bottom.push(Piece::Para(format!("{} ", authors.join(" - "))));
                bottom.push(Piece::Para("  • Từ khóa".into()));
                let (th, tt) = self.leader_teaser();
                bottom.push(Piece::Line(th.clone()));
                bottom.push(Piece::Line(th));
                bottom.push(Piece::Para(tt));
            }
            "updated_sapo" => {
                top.push(Piece::Para(self.stamp()));
                let cap = cap_first(&outlet_domain);
                outlet = Some(cap.clone());
                let meeting = match self.kind {
                    Kind::Council => "kỳ họp",
                    Kind::Government => "phiên họp",
                    Kind::Delegation | Kind::Visit | Kind::Permanent => "buổi làm việc",
                    _ => "hội nghị",
                };
                let sapo = format!("{} đã chủ trì {meeting}.", self.headline_sapo());
                top.push(Piece::Line(format!("({cap}) - {sapo}")));
                top.push(Piece::Para(hl.clone()));
                top.push(Piece::Para(sapo));
                authors = self.byline_names();
                bottom.push(Piece::Para("Tin liên quan:".into()));
                for _ in 0..self.rng.below(3) {
                    if let Some(t) = self.teaser() {
                        bottom.push(Piece::Line(t));
                    }
                }
                let by = authors.join(" - ");
                bottom.push(Piece::Para(by.clone()));
                bottom.push(Piece::Para(String::new()));
                bottom.push(Piece::Line(by));
                bottom.push(Piece::Para(String::new()));
                for l in COMMENT_FORM {
                    bottom.push(Piece::Line(l.to_string()));
                }
            }
            "label_bracket" => {
                top.push(Piece::Para(self.rng.pick(LABELS).to_string()));
                top.push(Piece::Line(hl.clone()));
                let v = self.rng.range(50, 2500) as u64;
                views = Some(v);
                let d = date_of(self.published);
                top.push(Piece::Para(format!(
                    "[ Cập nhật vào ngày ({:02}/{:02}/{}) ] - [ Số lần xem: {v} ]",
                    d.day.unwrap(),
                    d.month.unwrap(),
                    d.year
                )));
                authors = self.byline_names().into_iter().take(1).collect();
                bottom.push(Piece::Line(format!("{}Các ý kiến của bạn đọc", authors[0])));
                for l in [" ", "", "", "", "Quảng cáo", "Không có quảng cáo"] {
                    bottom.push(Piece::Line(l.to_string()));
                }
            }
            "weekday_source" => {
                top.push(Piece::Para(self.stamp()));
                top.push(Piece::Line(hl.clone()));
                outlet = Some(outlet_domain.clone());
                bottom.push(Piece::Para(format!("({outlet_domain})")));
                for l in [
                    "Gửi cho bạn bè",
                    "Phản hồi",
                    "Thông tin người gửi phản hồi",
                    "Các tin khác",
                ] {
                    bottom.push(Piece::Para(l.to_string()));
                }
                for _ in 0..self.rng.range(1, 3) {
                    if let Some(t) = self.teaser() {
                        bottom.push(Piece::Line(t));
                    }
                }
            }
            "gmt_stamp" => {
                top.push(Piece::Para(hl.clone()));
                top.push(Piece::Para(self.stamp()));
                authors = self.byline_names().into_iter().take(1).collect();
                let label = *self.rng.pick(&["Tin, ảnh:", "Bài và ảnh:", "Bài, ảnh:"]);
                bottom.push(Piece::Para(format!("{label} {}", authors[0])));
                bottom.push(Piece::Para("Bài liên quan".into()));
                for _ in 0..self.rng.range(1, 3) {
                    if let Some(t) = self.teaser() {
                        bottom.push(Piece::Line(format!(">> {t}")));
                    }
                }
            }
            "dash_time" => {
                top.push(Piece::Para(hl.clone()));
                top.push(Piece::Para(self.stamp()));
                let v = self.rng.range(800, 25_000) as u64;
                views = Some(v);
                top.push(Piece::Line(format!("Lượt xem: {}", thousands(v))));
                authors = self.byline_names();
                let photographer = self.reporter();
                let credit = format!("Ảnh: {photographer}");
                self.photo_credit(photographer);
                if self.rng.chance(0.5) {
                    bottom.push(Piece::Para(credit));
                    bottom.push(Piece::Para(authors.join(" - ")));
                } else {
                    bottom.push(Piece::Para(authors.join(" - ")));
                    bottom.push(Piece::Para(credit));
                }
                bottom.push(Piece::Para("Xem thêm:".into()));
                for _ in 0..self.rng.range(1, 3) {
                    if let Some(t) = self.teaser() {
                        bottom.push(Piece::Line(t));
                    }
                }
            }
            "posted_on" => {
                top.push(Piece::Para(self.stamp()));
                top.push(Piece::Line(hl.clone()));
                authors = self.byline_names();
                bottom.push(Piece::Para(authors.join(", ")));
                for l in ["Chia sẻ bài viết", "In bài viết", "Tin cùng chuyên mục"] {
                    bottom.push(Piece::Para(l.to_string()));
                }
                for _ in 0..self.rng.range(1, 3) {
                    if let Some(t) = self.teaser() {
                        bottom.push(Piece::Line(t));
                    }
                }
            }
            "time_comma_source" => {
                top.push(Piece::Para(hl.clone()));
                top.push(Piece::Para(self.stamp()));
                let initials: String = fold(self.prov())
                    .split(' ')
                    .filter_map(|w| w.chars().next())
                    .collect::<String>()
                    .to_uppercase();
                lead_prefix = Some(format!("({initials}ĐT) - "));
                outlet = Some(outlet_domain.clone());
                bottom.push(Piece::Para(format!("Theo {outlet_domain}")));
                bottom.push(Piece::Para("Có thể bạn quan tâm".into()));
                for _ in 0..self.rng.range(1, 3) {
                    if let Some(t) = self.teaser() {
                        bottom.push(Piece::Line(t));
                    }
                }
            }
            "caps_byline" => {
                top.push(Piece::Para(hl.clone()));
                top.push(Piece::Para(self.stamp()));
                authors = self.byline_names().into_iter().take(1).collect();
                top.push(Piece::Para(authors[0].to_uppercase()));
                authors = vec![authors[0].to_uppercase()];
                bottom.push(Piece::Para("Bình luận".into()));
                if self.rng.chance(0.5) {
                    let female = self.rng.chance(0.4);
                    let reader = names::person_name(&mut self.rng, names::Region::South, female);
                    if !self.people.iter().any(|p| fold(&p.name) == fold(&reader)) {
                        let d = date_of(self.published);
                        bottom.push(Piece::Line(format!(
                            "{reader} - {:02}:{:02} {:02}/{:02}/{}",
                            self.rng.range(7, 23),
                            self.rng.range(0, 59),
                            d.day.unwrap(),
                            d.month.unwrap(),
                            d.year
                        )));
                        bottom.push(Piece::Line(self.rng.pick(COMMENTS).to_string()));
                        self.not_attendees.push(reader);
                    }
                }
            }
            _ => {
                // No stamp: the lead carries the year.
                top.push(Piece::Para(hl.clone()));
                authors = self.byline_names().into_iter().take(1).collect();
                let agency = if self.rng.chance(0.3) { " (TTXVN)" } else { "" };
                bottom.push(Piece::Para(format!("{}{agency}", authors[0])));
                bottom.push(Piece::Para("Tags:".into()));
                bottom.push(Piece::Line(format!("{}, {}", self.tu(), self.prov())));
            }
        }
        let mut text = String::with_capacity(16 * 1024);
        let mut first = true;
        let mut push = |text: &mut String, p: &Piece| {
            let (sep, s) = match p {
                Piece::Para(s) | Piece::Caption(s) => ("\n\n", s),
                Piece::Line(s) => ("\n", s),
            };
            if !first {
                text.push_str(sep);
            }
            first = false;
            text.push_str(s);
        };
        for p in &top {
            push(&mut text, p);
        }
        for (i, p) in head.iter().enumerate() {
            match (i, &lead_prefix, p) {
                (0, Some(pre), Piece::Para(s)) => {
                    push(&mut text, &Piece::Para(format!("{pre}{s}")))
                }
                _ => push(&mut text, p),
            }
        }
        for p in middle.iter().chain(closing.iter()).chain(bottom.iter()) {
            push(&mut text, p);
        }
        text.push('\n');
        (text, authors, views, outlet)
    }

    /// The sapo under the headline on some sites: the chair by title.
    fn headline_sapo(&mut self) -> String {
        match self.chairs.first().copied() {
            Some(c) => {
                let m = self.title_first(c, Sel::One, "chair", false, true);
                self.toned(&m)
            }
            None => format!("Ban Thường vụ {} {}", self.tu(), self.prov()),
        }
    }
}
