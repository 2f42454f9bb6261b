//! What `y` and `Y` copy: the selected item as readable text and as JSON,
//! with what a reader pasting it into notes needs (when, where, which body,
//! the headline and the source) and none of the corpus's internal numbers.

use serde_json::{Value, json};

use super::person::Row;
use super::{App, Pane, View, plural};
use crate::corpus::{Article, Corpus, query};
use crate::search::Target;

/// A copyable item.
pub struct Item {
    /// Names it in the status line ("meeting", "Ngô Đông Hải").
    pub what: String,
    pub text: String,
    pub json: Value,
}

/// The item selected in the current view.
pub fn selected(app: &App) -> Option<Item> {
    let c = &app.corpus;
    match app.stack.last() {
        None => in_browse(app),
        Some(View::Detail(d)) => {
            let a = app.article(d.article)?;
            match d.current {
                Some(i) => {
                    let f = &d.facts[i];
                    let text = crate::extract::doc::clean(&a.text[f.span.range()]);
                    let mut json = json!({ "kind": f.kind.label(), "text": text });
                    add_context(c, a, &mut json);
                    Some(Item {
                        what: f.kind.label().into(),
                        text: format!("{text}\n{}", context_line(c, a)),
                        json,
                    })
                }
                None => Some(Item {
                    what: "article facts".into(),
                    text: context_line(c, a),
                    json: json!({ "file": a.file, "facts": a.facts }),
                }),
            }
        }
        Some(View::Person(p)) => match p.selected()? {
            Row::Meeting { meeting: m, .. } => meeting(c, *m),
            Row::Conclusion {
                article,
                conclusion: i,
            } => conclusion(c, *article, *i),
            Row::Companion { person: other, .. } => person(c, *other),
            Row::Spell(_) | Row::Heading(_) | Row::Blank | Row::Axis => person(c, p.person),
        },
        Some(View::Leadership(l)) => person(c, l.selected()?.person),
        Some(View::Deadlines(d)) => {
            let due = d.selected()?;
            conclusion(c, due.article, due.conclusion)
        }
        Some(View::Search(s)) => {
            let h = s.hits.get(s.list.selected)?;
            match app.index.entry(h.entry).target {
                Target::Person { person: p } | Target::Spell { person: p, .. } => person(c, *p),
                Target::Meeting { meeting: m } => meeting(c, *m),
                Target::Conclusion {
                    article,
                    conclusion: i,
                } => conclusion(c, *article, *i),
                Target::Province { name } => province(
                    name,
                    app.browse
                        .provinces
                        .iter()
                        .find(|r| r.name.as_deref() == Some(name))
                        .map_or(0, |r| r.meetings),
                ),
            }
        }
    }
}

fn in_browse(app: &App) -> Option<Item> {
    let c = &app.corpus;
    let b = &app.browse;
    match app.focus {
        Pane::Provinces => {
            let row = b.provinces.get(b.province.selected)?;
            match &row.name {
                Some(name) => province(name, row.meetings),
                None => Some(Item {
                    what: "province".into(),
                    text: format!(
                        "All provinces — {}",
                        plural(row.meetings, "meeting", "meetings")
                    ),
                    json: json!({ "province": null, "meetings": row.meetings }),
                }),
            }
        }
        Pane::Meetings => meeting(c, b.selected_meeting()?),
        Pane::Attendees => {
            let r = b.attendees.get(b.attendee.selected)?;
            let a = &c.articles[r.article];
            let fact = &a.facts.people[r.fact];
            let roles: Vec<&str> = fact.roles.iter().map(|r| r.as_str()).collect();
            let titles: Vec<&str> = fact.titles().collect();
            let mut json = json!({ "name": fact.name, "titles": titles, "roles": roles });
            add_context(c, a, &mut json);
            Some(Item {
                what: fact.name.clone(),
                text: format!(
                    "{} — {} ({})\n{}",
                    fact.name,
                    titles.join(", "),
                    roles.join(", "),
                    context_line(c, a)
                ),
                json,
            })
        }
        Pane::Conclusions => {
            let r = b.conclusions.get(b.conclusion.selected)?;
            conclusion(c, r.article, r.conclusion)
        }
    }
}

fn province(name: &str, meetings: usize) -> Option<Item> {
    Some(Item {
        what: "province".into(),
        text: format!("{name} — {}", plural(meetings, "meeting", "meetings")),
        json: json!({ "province": name, "meetings": meetings }),
    })
}

/// Where an article's facts come from: its file, and its address when the
/// corpus has one.
fn source(a: &Article) -> Value {
    json!({ "file": a.file, "url": a.facts.url, "headline": a.facts.title })
}

/// The meeting an article reports, in one line: date · body · province ·
/// headline · source.
fn context_line(c: &Corpus, a: &Article) -> String {
    let m = c.meetings.get(a.meeting);
    let mut parts = vec![
        a.date()
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date unknown".into()),
        m.and_then(|m| m.body.clone()).unwrap_or_else(|| "?".into()),
        m.and_then(|m| m.province.clone())
            .or_else(|| a.facts.province.clone())
            .unwrap_or_else(|| "?".into()),
    ];
    if let Some(t) = &a.facts.title {
        parts.push(t.clone());
    }
    parts.push(a.facts.url.clone().unwrap_or_else(|| a.file.clone()));
    parts.join(" · ")
}

/// Adds the date, province, body and source of an article's meeting.
fn add_context(c: &Corpus, a: &Article, json: &mut Value) {
    let m = c.meetings.get(a.meeting);
    json["date"] = json!(a.date().map(|d| d.to_string()));
    json["province"] = json!(
        m.and_then(|m| m.province.clone())
            .or_else(|| a.facts.province.clone())
    );
    json["body"] = json!(m.and_then(|m| m.body.clone()));
    json["meeting_title"] = json!(m.and_then(|m| m.title.clone()));
    json["source"] = source(a);
}

fn meeting(c: &Corpus, m: usize) -> Option<Item> {
    let meeting = c.meetings.get(m)?;
    let chairs: Vec<&str> = meeting
        .chairs
        .iter()
        .filter_map(|&p| c.people.get(p))
        .map(|p| p.name.as_str())
        .collect();
    let articles: Vec<&Article> = meeting
        .articles
        .iter()
        .filter_map(|&a| c.articles.get(a))
        .collect();
    let mut conclusions: Vec<&str> = Vec::new();
    for a in &articles {
        for x in &a.facts.conclusions {
            if !conclusions.contains(&x.text.as_str()) {
                conclusions.push(&x.text);
            }
        }
    }
    let sources: Vec<String> = articles
        .iter()
        .map(|a| a.facts.url.clone().unwrap_or_else(|| a.file.clone()))
        .collect();
    let text = format!(
        "{} · {} · {}\n{}\nChaired by: {}\nSource: {}",
        meeting
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date unknown".into()),
        meeting.body.as_deref().unwrap_or("?"),
        meeting.province.as_deref().unwrap_or("?"),
        meeting.title.as_deref().unwrap_or(""),
        if chairs.is_empty() {
            "—".to_string()
        } else {
            chairs.join(", ")
        },
        sources.join(", ")
    );
    Some(Item {
        what: "meeting".into(),
        text,
        json: json!({
            "date": meeting.date.map(|d| d.to_string()),
            "province": meeting.province,
            "body": meeting.body,
            "session": meeting.session,
            "term": meeting.term,
            "title": meeting.title,
            "chairs": chairs,
            "conclusions": conclusions,
            "sources": articles.iter().map(|a| source(a)).collect::<Vec<_>>(),
        }),
    })
}

fn conclusion(c: &Corpus, article: usize, i: usize) -> Option<Item> {
    let a = c.articles.get(article)?;
    let x = a.facts.conclusions.get(i)?;
    let mut text = x.text.clone();
    if let Some(s) = &x.speaker {
        text.push_str(&format!(" — {s}"));
    }
    if let Some(d) = x.deadline {
        text.push_str(&format!(" (due {d})"));
    }
    text.push('\n');
    text.push_str(&context_line(c, a));
    let mut json = json!({
        "text": x.text,
        "speaker": x.speaker,
        "deadline": x.deadline.map(|d| d.to_string()),
    });
    add_context(c, a, &mut json);
    Some(Item {
        what: "conclusion".into(),
        text,
        json,
    })
}

fn person(c: &Corpus, p: usize) -> Option<Item> {
    let person = c.people.get(p)?;
    let d = |d: Option<crate::extract::Date>| d.map(|d| d.to_string());
    let posts: Vec<String> = person
        .timeline
        .iter()
        .map(|s| {
            let show = |x| d(x).unwrap_or_else(|| "?".into());
            format!(
                "{} ({} – {})",
                s.title,
                show(s.first_seen),
                show(s.last_seen)
            )
        })
        .collect();
    let posts_json: Vec<Value> = person
        .timeline
        .iter()
        .map(|s| json!({ "title": s.title, "province": s.province, "first_seen": d(s.first_seen), "last_seen": d(s.last_seen) }))
        .collect();
    let meetings: Vec<Value> = person
        .appearances
        .iter()
        .filter_map(|ap| {
            let m = c.meetings.get(ap.meeting)?;
            let roles: Vec<&str> = ap.roles.iter().map(|r| r.as_str()).collect();
            Some(json!({ "date": d(ap.date.or(m.date)), "province": m.province, "body": m.body, "title": m.title, "roles": roles }))
        })
        .collect();
    let companions: Vec<Value> = query::companions(c, p)
        .into_iter()
        .take(8)
        .map(|(o, n)| json!({ "name": c.people[o].name, "meetings": n }))
        .collect();
    Some(Item {
        what: person.name.clone(),
        text: format!("{} ({})\n{}", person.name, person.scope, posts.join("\n")),
        json: json!({ "name": person.name, "scope": person.scope, "posts": posts_json, "meetings": meetings, "seen_with": companions }),
    })
}
