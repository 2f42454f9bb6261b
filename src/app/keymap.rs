//! Keys and what they do: the app's own key type (so the state layer needs
//! no terminal library), parsed from names like "ctrl-d" or "shift-tab",
//! and the map from keys to actions with the user's overrides applied.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use super::Mode;
use super::action::Action;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Delete,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key press. Shifted letters are their capital (`G`), not `shift-g`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }
    /// A character typed as text (no Ctrl or Alt).
    pub fn text(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

impl FromStr for Key {
    type Err = String;

    /// Reads "j", "G", "ctrl-d", "alt-x", "shift-tab", "enter", "pagedown",
    /// "f1", "space", "/".
    fn from_str(s: &str) -> Result<Key, String> {
        let bad = || {
            format!(
                "unknown key {s:?} (examples: \"j\", \"G\", \"ctrl-d\", \"shift-tab\", \"enter\", \"f1\")"
            )
        };
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                shift = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "backspace" | "bs" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "tab" if shift => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().map_err(|_| bad())?)
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(if shift {
                        c.to_uppercase().next().unwrap_or(c)
                    } else if ctrl {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    }),
                    _ => return Err(bad()),
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    /// Short names for hints: "j", "Ctrl-d", "Enter", "PgDn", "↑".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Bksp"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Which action each key triggers, view by view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The actions of each key; no two of them act in the same view.
    by_key: HashMap<Key, Vec<Action>>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

/// Ctrl-c quits in every view whatever the config says, so that no config
/// leaves the app without a way out.
pub const ALWAYS_QUIT: Key = Key::ctrl('c');

impl Default for Keymap {
    fn default() -> Self {
        let mut km = Keymap {
            by_key: HashMap::new(),
            by_action: BTreeMap::new(),
        };
        for &a in Action::ALL {
            let keys = a
                .default_keys()
                .iter()
                .map(|k| k.parse().expect("default keys parse"))
                .collect();
            km.bind(a, keys);
        }
        km
    }
}

/// Whether two actions act in a common view.
fn share_a_view(a: Action, b: Action) -> bool {
    a.views().iter().any(|m| b.acts_in(*m))
}

impl Keymap {
    /// Binds `keys` to `action`, replacing its previous keys. A key that
    /// another action of a common view had is taken from it; those
    /// (key, action) pairs are returned.
    pub fn bind(&mut self, action: Action, keys: Vec<Key>) -> Vec<(Key, Action)> {
        if let Some(old) = self.by_action.remove(&action) {
            for k in old {
                if let Some(list) = self.by_key.get_mut(&k) {
                    list.retain(|a| *a != action);
                }
            }
        }
        let mut taken = Vec::new();
        let mut kept: Vec<Key> = Vec::new();
        for k in keys {
            if kept.contains(&k) {
                continue;
            }
            kept.push(k);
            let list = self.by_key.entry(k).or_default();
            for other in list.clone() {
                if other != action && share_a_view(action, other) {
                    list.retain(|a| *a != other);
                    if let Some(keys) = self.by_action.get_mut(&other) {
                        keys.retain(|x| *x != k);
                    }
                    taken.push((k, other));
                }
            }
            if !list.contains(&action) {
                list.push(action);
            }
        }
        self.by_action.insert(action, kept);
        taken
    }

    /// The action of a key in a view.
    pub fn action_in(&self, mode: Mode, key: &Key) -> Option<Action> {
        self.by_key
            .get(key)?
            .iter()
            .copied()
            .find(|a| a.acts_in(mode))
    }

    /// The action of a key in the browser, else in any view.
    pub fn action(&self, key: &Key) -> Option<Action> {
        self.action_in(Mode::Browse, key)
            .or_else(|| self.by_key.get(key)?.first().copied())
    }

    /// The keys of an action, first the one to show in hints.
    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The key to show for an action in a view: in the search prompt, one
    /// that does not type a letter.
    pub fn hint_key(&self, mode: Mode, action: Action) -> Option<Key> {
        let keys = self.keys(action);
        let fallback = (action == Action::Quit).then_some(ALWAYS_QUIT);
        if mode == Mode::Help && action == Action::Quit {
            // q closes the help there.
            return fallback;
        }
        if mode == Mode::Search {
            keys.iter()
                .copied()
                .find(|k| k.text().is_none())
                .or(fallback)
        } else {
            keys.first().copied().or(fallback)
        }
    }

    /// "j/↓" for an action, or "—" when unbound.
    pub fn describe(&self, action: Action) -> String {
        let mut keys: Vec<Key> = self.keys(action).to_vec();
        if action == Action::Quit && !keys.contains(&ALWAYS_QUIT) {
            keys.push(ALWAYS_QUIT);
        }
        if keys.is_empty() {
            return "—".into();
        }
        keys.iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse() {
        assert_eq!("j".parse::<Key>().unwrap(), Key::char('j'));
        assert_eq!("G".parse::<Key>().unwrap(), Key::char('G'));
        assert_eq!("shift-g".parse::<Key>().unwrap(), Key::char('G'));
        assert_eq!("ctrl-d".parse::<Key>().unwrap(), Key::ctrl('d'));
        assert_eq!("C-D".parse::<Key>().unwrap(), Key::ctrl('d'));
        assert_eq!(
            "shift-tab".parse::<Key>().unwrap(),
            Key::plain(KeyCode::BackTab)
        );
        assert_eq!(
            "pgdn".parse::<Key>().unwrap(),
            Key::plain(KeyCode::PageDown)
        );
        assert_eq!("f1".parse::<Key>().unwrap(), Key::plain(KeyCode::F(1)));
        assert_eq!("space".parse::<Key>().unwrap(), Key::char(' '));
        assert!("ctrl-".parse::<Key>().is_err());
        assert!("hyper-x".parse::<Key>().is_err());
    }

    #[test]
    fn rebinding_moves_keys() {
        let mut km = Keymap::default();
        assert_eq!(km.action(&Key::char('q')), Some(Action::Quit));
        km.bind(Action::Search, vec![Key::char('q')]);
        assert_eq!(km.action(&Key::char('q')), Some(Action::Search));
        assert_eq!(km.action(&Key::char('/')), None);
        assert_eq!(km.keys(Action::Quit), &[Key::ctrl('c')]);
        assert_eq!(km.describe(Action::Down), "j/↓");
    }

    #[test]
    fn a_key_may_act_in_different_views() {
        let mut km = Keymap::default();
        let tab = Key::plain(KeyCode::Tab);
        let taken = km.bind(Action::NextFact, vec![Key::char('n'), tab]);
        assert!(taken.is_empty(), "{taken:?}");
        assert_eq!(km.action_in(Mode::Browse, &tab), Some(Action::NextPane));
        assert_eq!(km.action_in(Mode::Detail, &tab), Some(Action::NextFact));
        // In one view, the new binding takes the key.
        let taken = km.bind(Action::NextFact, vec![Key::char('j')]);
        assert_eq!(taken, vec![(Key::char('j'), Action::Down)]);
        assert_eq!(
            km.action_in(Mode::Detail, &Key::char('j')),
            Some(Action::NextFact)
        );
        assert_eq!(km.action_in(Mode::Browse, &Key::char('j')), None);
    }

    #[test]
    fn search_hints_show_keys_that_type_nothing() {
        let km = Keymap::default();
        assert_eq!(
            km.hint_key(Mode::Search, Action::Down),
            Some(Key::plain(KeyCode::Down))
        );
        assert_eq!(
            km.hint_key(Mode::Browse, Action::Down),
            Some(Key::char('j'))
        );
        assert_eq!(
            km.hint_key(Mode::Search, Action::Quit),
            Some(Key::ctrl('c'))
        );
    }
}
