//! Opening and driving the views of who held what when: a province's
//! leadership over time, and the deadlines set at its meetings.

use super::deadlines::Deadlines;
use super::leadership::Leadership;
use super::store::{AfterCatalog, ArticleOf, Focus};
use super::{Action, App, CENTRAL, View};

/// Months in a year, for the date's year steps.
const YEAR: i32 = 12;

impl App {
    /// The province the user is looking at: the one of the topmost view
    /// that has one, else the browser's selected province, else the
    /// province of its selected meeting.
    pub fn current_province(&self) -> Option<String> {
        let c = &self.corpus;
        let catalog = self.catalog.as_deref();
        let of_view = |v: &View| -> Option<String> {
            match v {
                View::Leadership(l) => Some(l.province.clone()),
                View::Deadlines(d) => d
                    .selected()
                    .and_then(|due| due.province.as_deref().map(str::to_string))
                    .or_else(|| d.province.clone()),
                View::Person(p) => catalog
                    .map(|c| c.people[p.person].scope.to_string())
                    .filter(|s| s != CENTRAL),
                View::Detail(d) => self.article(d.article).and_then(|a| {
                    let province = match catalog {
                        Some(c) => c
                            .meetings
                            .get(a.meeting)
                            .and_then(|m| m.province.as_deref()),
                        None => c
                            .meetings
                            .get(a.meeting)
                            .and_then(|m| m.province.as_deref()),
                    };
                    province
                        .map(str::to_string)
                        .or_else(|| a.facts.province.clone())
                }),
                View::Search(_) => None,
            }
        };
        self.stack
            .iter()
            .rev()
            .find_map(of_view)
            .or_else(|| self.selected_province().map(str::to_string))
            .or_else(|| match &self.store {
                Some(s) => s.selected_meeting()?.province.clone(),
                None => c.meetings[self.browse.selected_meeting()?].province.clone(),
            })
            .filter(|p| !p.is_empty())
    }

    /// Opens the leadership of the current province.
    pub fn open_leadership(&mut self) {
        if !self.articles_ready() || !self.catalog_ready(AfterCatalog::Leadership) {
            return;
        }
        let Some(province) = self.current_province() else {
            self.notify("Select a province first to see its leadership", true);
            return;
        };
        if let Some(View::Leadership(l)) = self.stack.last()
            && l.province == province
        {
            return;
        }
        match Leadership::new(&self.officials(), &province) {
            Some(view) => self.stack.push(View::Leadership(view)),
            None => self.notify(format!("No meeting of {province} in the corpus"), true),
        }
    }

    /// Opens the deadlines, of the current province when a province is
    /// selected in the browser, else of all.
    pub fn open_deadlines(&mut self) {
        if !self.articles_ready() || !self.catalog_ready(AfterCatalog::Deadlines) {
            return;
        }
        if matches!(self.stack.last(), Some(View::Deadlines(_))) {
            return;
        }
        let province = self.selected_province().map(str::to_string);
        let view = Deadlines::new(&self.officials(), province.as_deref());
        self.stack.push(View::Deadlines(view));
    }

    pub(super) fn apply_in_leadership(&mut self, action: Action) {
        let people = self.officials().people.len();
        let Some(View::Leadership(l)) = self.stack.last_mut() else {
            return;
        };
        let months = match action {
            Action::MonthBack => -1,
            Action::MonthForward => 1,
            Action::YearBack => -YEAR,
            Action::YearForward => YEAR,
            _ => 0,
        };
        if months != 0 {
            l.shift(months);
            // A comparison on screen follows the date.
            if l.comparison.is_some() {
                l.compare();
            }
            return;
        }
        match action {
            Action::Down => l.step_post(true),
            Action::Up => l.step_post(false),
            Action::Top => l.jump_post(false),
            Action::Bottom => l.jump_post(true),
            Action::Right => l.step_holder(true),
            Action::Left => l.step_holder(false),
            Action::MarkDate => {
                l.mark_date();
                let msg = format!(
                    "Marked {}: move the date and press {} to compare",
                    l.date,
                    self.keymap.describe(Action::Compare)
                );
                self.notify(msg, false);
            }
            Action::Compare => l.compare(),
            Action::Open => {
                let person = l.selected().map(|t| t.person);
                if let Some(p) = person.filter(|&p| p < people) {
                    self.open_person(p);
                }
            }
            _ => {}
        }
    }

    pub(super) fn apply_in_deadlines(&mut self, action: Action) {
        let page = self.main_page();
        let Some(View::Deadlines(d)) = self.stack.last_mut() else {
            return;
        };
        if let Some(m) = Self::movement(action) {
            d.go(m, page);
            return;
        }
        match action {
            Action::NextProvince => d.next_province(),
            Action::Open => {
                let Some(due) = d.selected() else { return };
                let (article, conclusion) = (due.article, due.conclusion);
                self.open_article(ArticleOf::Number(article), Focus::Conclusion(conclusion));
            }
            _ => {}
        }
    }
}
