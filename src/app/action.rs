//! What the user can ask for. One list drives everything about an action:
//! its name in the config file, its default keys, the help overlay and the
//! footer hints.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $name:ident = $config:literal $hint:literal [$($key:literal),*] ),* $(,)?) => {
        /// A user command.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$name),*];

            /// What the action does, from its documentation.
            pub fn description(self) -> &'static str {
                match self { $(Action::$name => concat!($($doc),+).trim(),)* }
            }

            /// A word or two for the footer.
            pub fn hint(self) -> &'static str {
                match self { $(Action::$name => $hint,)* }
            }

            /// The action's name in the config file.
            pub fn config_name(self) -> &'static str {
                match self { $(Action::$name => $config,)* }
            }

            /// Keys bound by default.
            pub fn default_keys(self) -> &'static [&'static str] {
                match self { $(Action::$name => &[$($key),*],)* }
            }

            /// The action with this config name.
            pub fn from_config_name(name: &str) -> Option<Action> {
                match name { $($config => Some(Action::$name),)* _ => None }
            }
        }
    };
}

actions! {
    /// Move down
    Down = "down" "down" ["j", "down"],
    /// Move up
    Up = "up" "up" ["k", "up"],
    /// Half a page down
    HalfPageDown = "half_page_down" "½ page" ["ctrl-d"],
    /// Half a page up
    HalfPageUp = "half_page_up" "½ page up" ["ctrl-u"],
    /// A page down
    PageDown = "page_down" "page" ["pagedown", "ctrl-f"],
    /// A page up
    PageUp = "page_up" "page up" ["pageup", "ctrl-b"],
    /// Go to the first item
    Top = "top" "top" ["g", "home"],
    /// Go to the last item
    Bottom = "bottom" "bottom" ["G", "end"],
    /// Focus the pane to the left
    Left = "left" "left" ["h", "left"],
    /// Focus the pane to the right
    Right = "right" "right" ["l", "right"],
    /// Focus the next pane
    NextPane = "next_pane" "pane" ["tab"],
    /// Focus the previous pane
    PrevPane = "prev_pane" "pane back" ["shift-tab"],
    /// Open the selected item
    Open = "open" "open" ["enter"],
    /// Show the selected item in its article
    Source = "source" "in article" ["s"],
    /// Go back where you were
    Back = "back" "back" ["esc", "backspace"],
    /// Search officials, posts, meetings, conclusions and provinces
    Search = "search" "search" ["/"],
    /// Jump to the next highlighted fact
    NextFact = "next_fact" "next fact" ["n"],
    /// Jump to the previous highlighted fact
    PrevFact = "prev_fact" "prev fact" ["N"],
    /// Who held the key posts of the current province, over time
    Leadership = "leadership" "leaders" ["L"],
    /// Every directive with a deadline, soonest first
    Deadlines = "deadlines" "deadlines" ["D"],
    /// Move the date a month earlier
    MonthBack = "month_back" "−month" ["["],
    /// Move the date a month later
    MonthForward = "month_forward" "+month" ["]"],
    /// Move the date a year earlier
    YearBack = "year_back" "−year" ["{"],
    /// Move the date a year later
    YearForward = "year_forward" "+year" ["}"],
    /// Mark the date, to compare another with it
    MarkDate = "mark_date" "mark" ["m"],
    /// Who took and who left which post between the marked date and this one
    Compare = "compare" "compare" ["c"],
    /// Show the next province's deadlines, then all again
    NextProvince = "next_province" "province" ["p"],
    /// Copy the selected item as text
    CopyText = "copy_text" "copy" ["y"],
    /// Copy the selected item as JSON
    CopyJson = "copy_json" "copy JSON" ["Y"],
    /// Show or hide this help
    Help = "help" "help" ["?", "f1"],
    /// Quit
    Quit = "quit" "quit" ["q", "ctrl-c"],
}

use super::Mode;

/// Every view.
const EVERYWHERE: &[Mode] = &[
    Mode::Browse,
    Mode::Detail,
    Mode::Person,
    Mode::Leadership,
    Mode::Deadlines,
    Mode::Search,
    Mode::Help,
];

/// Every view but help.
const BELOW_HELP: &[Mode] = EVERYWHERE.split_at(EVERYWHERE.len() - 1).0;

/// Every view but the search prompt (where letters are typed) and help.
const OUTSIDE_PROMPT: &[Mode] = EVERYWHERE.split_at(EVERYWHERE.len() - 2).0;

impl Action {
    /// The views the action does something in. A key may be bound to
    /// several actions when no view has two of them.
    pub fn views(self) -> &'static [Mode] {
        use Action::*;
        match self {
            Down | Up | HalfPageDown | HalfPageUp | PageDown | PageUp | Top | Bottom | Back
            | Help | Quit => EVERYWHERE,
            Left | Right => &[Mode::Browse, Mode::Leadership],
            NextPane | PrevPane => &[Mode::Browse],
            Open | CopyText | CopyJson => BELOW_HELP,
            Source => &[Mode::Browse, Mode::Person],
            Search | Leadership | Deadlines => OUTSIDE_PROMPT,
            MonthBack | MonthForward | YearBack | YearForward | MarkDate | Compare => {
                &[Mode::Leadership]
            }
            NextProvince => &[Mode::Deadlines],
            NextFact | PrevFact => &[Mode::Detail],
        }
    }

    /// Whether the action does something in `mode`.
    pub fn acts_in(self, mode: Mode) -> bool {
        self.views().contains(&mode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_descriptions_come_from_docs() {
        for &a in Action::ALL {
            assert_eq!(Action::from_config_name(a.config_name()), Some(a));
            assert!(!a.description().is_empty());
            assert!(!a.default_keys().is_empty());
        }
        assert_eq!(Action::Quit.description(), "Quit");
        assert_eq!(
            serde_json::to_string(&Action::NextPane).unwrap(),
            "\"next_pane\""
        );
    }
}
