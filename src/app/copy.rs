//! What `y` and `Y` copy: the selected item as readable text and as JSON.

use serde_json::{Value, json};

use super::person::Row;
use super::{App, Pane, View};
use crate::corpus::{Corpus, query};

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
        None => {
            let b = &app.browse;
            match app.focus {
                Pane::Provinces => {
                    let row = b.provinces.get(b.province.selected)?;
                    let name = row.name.clone().unwrap_or_else(|| "All provinces".into());
                    Some(Item {
                        what: "province".into(),
                        text: format!("{name} — {} meetings", row.meetings),
                        json: json!({ "province": row.name, "meetings": row.meetings }),
                    })
                }
                Pane::Meetings => meeting(c, b.selected_meeting()?),
                Pane::Attendees => {
                    let r = b.attendees.get(b.attendee.selected)?;
                    let fact = &c.articles[r.article].facts.people[r.fact];
                    let roles: Vec<&str> = fact.roles.iter().map(|r| r.as_str()).collect();
                    Some(Item {
                        what: fact.name.clone(),
                        text: format!(
                            "{} — {} ({})",
                            fact.name,
                            fact.titles().collect::<Vec<_>>().join(", "),
                            roles.join(", ")
                        ),
                        json: serde_json::to_value(fact).ok()?,
                    })
                }
                Pane::Conclusions => {
                    let r = b.conclusions.get(b.conclusion.selected)?;
                    conclusion(c, r.article, r.conclusion)
                }
            }
        }
        Some(View::Detail(d)) => {
            let a = &c.articles[d.article];
            match d.current {
                Some(i) => {
                    let f = &d.facts[i];
                    let text = crate::extract::doc::clean(&a.text[f.span.range()]);
                    Some(Item {
                        what: f.kind.label().into(),
                        json: json!({ "article": a.id, "kind": f.kind.label(), "text": text, "span": f.span }),
                        text,
                    })
                }
                None => Some(Item {
                    what: "article facts".into(),
                    text: format!("{}\n{}", a.facts.title.clone().unwrap_or_default(), a.file),
                    json: json!({ "id": a.id, "file": a.file, "facts": a.facts }),
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
            Row::Spell(_) | Row::Heading(_) | Row::Blank => person(c, p.person),
        },
        Some(View::Search(s)) => {
            let h = s.hits.get(s.list.selected)?;
            let e = app.index.entry(h.entry);
            Some(Item {
                what: e.kind.label().into(),
                text: e.text.to_string(),
                json: json!({ "kind": e.kind, "text": e.text, "target": e.target }),
            })
        }
    }
}

fn meeting(c: &Corpus, m: usize) -> Option<Item> {
    let meeting = c.meetings.get(m)?;
    let chairs: Vec<&str> = meeting
        .chairs
        .iter()
        .map(|&p| c.people[p].name.as_str())
        .collect();
    let text = format!(
        "{} · {} · {}\n{}\nChairs: {}",
        meeting.date.map(|d| d.to_string()).unwrap_or_default(),
        meeting.body.as_deref().unwrap_or("?"),
        meeting.province.as_deref().unwrap_or("?"),
        meeting.title.as_deref().unwrap_or(""),
        chairs.join(", ")
    );
    let facts: Vec<&crate::extract::ArticleFacts> = meeting
        .articles
        .iter()
        .map(|&a| &c.articles[a].facts)
        .collect();
    Some(Item {
        what: "meeting".into(),
        text,
        json: json!({ "meeting": meeting, "chairs": chairs, "articles": facts }),
    })
}

fn conclusion(c: &Corpus, article: usize, i: usize) -> Option<Item> {
    let x = c.articles.get(article)?.facts.conclusions.get(i)?;
    let mut text = x.text.clone();
    if let Some(s) = &x.speaker {
        text.push_str(&format!(" — {s}"));
    }
    if let Some(d) = x.deadline {
        text.push_str(&format!(" (due {d})"));
    }
    Some(Item {
        what: "conclusion".into(),
        text,
        json: serde_json::to_value(x).ok()?,
    })
}

fn person(c: &Corpus, p: usize) -> Option<Item> {
    let person = c.people.get(p)?;
    let posts: Vec<String> = person
        .timeline
        .iter()
        .map(|s| {
            let d = |d: Option<crate::extract::Date>| {
                d.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
            };
            format!("{} ({} – {})", s.title, d(s.first_seen), d(s.last_seen))
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
        json: json!({ "person": person, "seen_with": companions }),
    })
}
