//! The config file: keys and colours, in TOML at the platform's config
//! path. A file that cannot be read or understood gives a message naming it
//! and what is wrong, and the defaults.
//!
//! ```toml
//! [keys]
//! quit = ["q", "ctrl-q"]
//! search = "/"
//!
//! [theme]
//! accent = "yellow"
//! match = "#ff8800"
//! ```

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::app::{Action, Key, Keymap};
use crate::ui::Theme;
use crate::ui::theme::parse_color;

/// Where tinhuy keeps its files, per platform.
pub fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "tinhuy")
}

/// The config file's path.
pub fn config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Keys and theme to run with, and what was wrong in the file: one
/// message per binding or colour that could not be used (the rest of the
/// file is kept), or one for a file that could not be read at all.
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub warnings: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: std::collections::BTreeMap<String, OneOrMany>,
    #[serde(default)]
    theme: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Loads the config from `path`; `no_color` picks the mono theme.
pub fn load(path: Option<&Path>, no_color: bool) -> Config {
    let theme = if no_color {
        Theme::mono()
    } else {
        Theme::default()
    };
    let mut config = Config {
        keymap: Keymap::default(),
        theme,
        warnings: Vec::new(),
    };
    let Some(path) = path else { return config };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return config,
        Err(e) => {
            config.warnings.push(format!(
                "{}: cannot read config ({e}); using defaults",
                path.display()
            ));
            return config;
        }
    };
    match toml::from_str::<File>(&text) {
        Ok(file) => {
            let problems = apply(&file, &mut config, no_color);
            config.warnings.extend(
                problems
                    .into_iter()
                    .map(|p| format!("{}: {p}", path.display())),
            );
        }
        Err(e) => config.warnings.push(format!(
            "{}: not valid config: {}; using defaults",
            path.display(),
            // TOML's message spans lines (a caret under the column).
            e.to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )),
    }
    config
}

/// Applies every binding and colour that can be; returns a message for each
/// one that cannot, or that takes a key from another binding.
fn apply(file: &File, config: &mut Config, no_color: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut configured: Vec<Action> = Vec::new();
    for (name, keys) in &file.keys {
        let Some(action) = Action::from_config_name(name) else {
            problems.push(format!("[keys] {name:?} is not an action; ignored"));
            continue;
        };
        let names = match keys {
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(v) => v.clone(),
        };
        let mut keys = Vec::new();
        for k in &names {
            match k.parse::<Key>() {
                Ok(key) => keys.push(key),
                Err(e) => problems.push(format!("[keys] {name}: {e}; ignored")),
            }
        }
        if keys.is_empty() && !names.is_empty() {
            // Nothing usable was given: a typo should not unbind it.
            problems.push(format!("[keys] {name} keeps its default keys"));
            continue;
        }
        if keys.is_empty() {
            problems.push(if action == Action::Quit {
                format!("[keys] {name} has no key left; Ctrl-c still quits")
            } else {
                format!("[keys] {name} has no key left")
            });
        }
        for (key, other) in config.keymap.bind(action, keys) {
            let whose = if configured.contains(&other) {
                "is also bound to"
            } else {
                "is taken from"
            };
            problems.push(format!(
                "[keys] {name}: \"{key}\" {whose} {} in the same view",
                other.config_name()
            ));
        }
        configured.push(action);
    }
    if !no_color {
        for (name, value) in &file.theme {
            match parse_color(value) {
                Ok(color) => {
                    if let Err(e) = config.theme.set_color(name, color) {
                        problems.push(format!("[theme] {e}; ignored"));
                    }
                }
                Err(e) => problems.push(format!("[theme] {name}: {e}; ignored")),
            }
        }
    }
    problems
}

/// The text of a config file with every action and its default keys, for
/// users to start from.
pub fn example() -> String {
    let mut s = String::from("# tinhuy config: keys and colours.\n\n[keys]\n");
    for &a in Action::ALL {
        let keys: Vec<String> = a.default_keys().iter().map(|k| format!("{k:?}")).collect();
        s.push_str(&format!(
            "# {}\n# {} = [{}]\n",
            a.description(),
            a.config_name(),
            keys.join(", ")
        ));
    }
    s.push_str("\n[theme]\n# accent = \"cyan\"\n# match = \"magenta\"\n# person = \"magenta\"\n# position = \"cyan\"\n# conclusion = \"green\"\n# error = \"red\"\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(text: &str) -> Config {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(&p, text).unwrap();
        load(Some(&p), false)
    }

    #[test]
    fn keys_and_colours_override_defaults() {
        let c = with("[keys]\nquit = [\"ctrl-q\"]\nsearch = \"z\"\n[theme]\naccent = \"yellow\"\n");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(c.keymap.action(&Key::ctrl('q')), Some(Action::Quit));
        assert_eq!(c.keymap.action(&Key::char('q')), None);
        assert_eq!(c.keymap.action(&Key::char('z')), Some(Action::Search));
        assert_eq!(
            c.theme.focused_border.fg,
            Some(ratatui::style::Color::Yellow)
        );
    }

    #[test]
    fn each_bad_binding_is_reported_and_the_rest_kept() {
        for (text, says) in [
            (
                "[keys]\nfly = \"f\"\nsearch = \"z\"\n",
                "\"fly\" is not an action",
            ),
            (
                "[keys]\nquit = [\"hyper-q\", \"q\"]\nsearch = \"z\"\n",
                "unknown key",
            ),
            (
                "[theme]\naccent = \"chartreuse\"\n[keys]\nsearch = \"z\"\n",
                "unknown colour",
            ),
            ("[keys]\nquit = []\nsearch = \"z\"\n", "Ctrl-c still quits"),
            (
                "[keys]\ndown = \"x\"\nsearch = \"z\"\nup = \"x\"\n",
                "\"x\" is also bound to down",
            ),
            (
                "[keys]\nsearch = [\"z\", \"j\"]\n",
                "\"j\" is taken from down",
            ),
        ] {
            let c = with(text);
            assert_eq!(c.warnings.len(), 1, "{text}: {:?}", c.warnings);
            let w = &c.warnings[0];
            assert!(w.contains("config.toml") && w.contains(says), "{w}");
            assert_eq!(
                c.keymap.action(&Key::char('z')),
                Some(Action::Search),
                "{text}"
            );
        }
        // Only bad keys: the defaults stay, and both problems are said.
        let c = with("[keys]\nquit = \"hyper-q\"\n");
        assert_eq!(c.keymap.action(&Key::char('q')), Some(Action::Quit));
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        assert!(c.warnings[1].contains("quit keeps its default keys"));
        // Another view's key is no conflict.
        let c = with("[keys]\nnext_fact = [\"n\", \"tab\"]\n");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn a_file_that_is_not_toml_gives_defaults_and_the_whole_message() {
        for text in ["[keys\n", "colour = 1\n", "[keys]\n\nquit = \"q\" x\n"] {
            let c = with(text);
            assert_eq!(c.warnings.len(), 1);
            let w = &c.warnings[0];
            assert!(
                w.contains("config.toml") && w.contains("not valid config"),
                "{w}"
            );
            assert!(!w.contains('\n'), "{w}");
            assert_eq!(c.keymap, Keymap::default());
        }
        let c = with("[keys]\n\nquit = \"q\" x\n");
        assert!(c.warnings[0].contains("line 3"), "{}", c.warnings[0]);
    }

    #[test]
    fn the_readme_example_takes_no_key_from_another_view() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("```toml\n[keys]")
            .expect("the README's config example")
            + 8;
        let text = &readme[start..start + readme[start..].find("```").unwrap()];
        let c = with(text);
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let tab = "tab".parse::<Key>().unwrap();
        assert_eq!(
            c.keymap.action_in(crate::app::Mode::Browse, &tab),
            Some(Action::NextPane)
        );
        assert_eq!(
            c.keymap.action_in(crate::app::Mode::Detail, &tab),
            Some(Action::NextFact)
        );
    }

    #[test]
    fn the_example_is_a_valid_config() {
        let c = with(&example());
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }
}
