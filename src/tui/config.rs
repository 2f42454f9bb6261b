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

/// Keys and theme to run with, and a message when the file had a problem.
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub warning: Option<String>,
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
        warning: None,
    };
    let Some(path) = path else { return config };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return config,
        Err(e) => {
            config.warning = Some(format!(
                "{}: cannot read config ({e}); using defaults",
                path.display()
            ));
            return config;
        }
    };
    match apply(&text, &mut config, no_color) {
        Ok(()) => {}
        Err(e) => {
            // All or nothing: half a config is harder to understand.
            config.keymap = Keymap::default();
            config.theme = if no_color {
                Theme::mono()
            } else {
                Theme::default()
            };
            config.warning = Some(format!("{}: {e}; using defaults", path.display()));
        }
    }
    config
}

fn apply(text: &str, config: &mut Config, no_color: bool) -> Result<(), String> {
    let file: File =
        toml::from_str(text).map_err(|e| format!("not valid config: {}", e.to_string().trim()))?;
    for (name, keys) in &file.keys {
        let action = Action::from_config_name(name)
            .ok_or_else(|| format!("[keys] {name:?} is not an action"))?;
        let names = match keys {
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(v) => v.clone(),
        };
        let keys = names
            .iter()
            .map(|k| k.parse::<Key>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("[keys] {name}: {e}"))?;
        config.keymap.bind(action, keys);
    }
    if !no_color {
        for (name, value) in &file.theme {
            let color = parse_color(value).map_err(|e| format!("[theme] {name}: {e}"))?;
            config
                .theme
                .set_color(name, color)
                .map_err(|e| format!("[theme] {e}"))?;
        }
    }
    Ok(())
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
        let c = with("[keys]\nquit = [\"ctrl-q\"]\nsearch = \"s\"\n[theme]\naccent = \"yellow\"\n");
        assert!(c.warning.is_none());
        assert_eq!(c.keymap.action(&Key::ctrl('q')), Some(Action::Quit));
        assert_eq!(c.keymap.action(&Key::char('q')), None);
        assert_eq!(c.keymap.action(&Key::char('s')), Some(Action::Search));
        assert_eq!(
            c.theme.focused_border.fg,
            Some(ratatui::style::Color::Yellow)
        );
    }

    #[test]
    fn a_bad_file_gives_defaults_and_a_message() {
        for (text, says) in [
            ("[keys\n", "not valid config"),
            ("[keys]\nfly = \"f\"\n", "\"fly\" is not an action"),
            ("[keys]\nquit = \"hyper-q\"\n", "unknown key"),
            ("[theme]\naccent = \"chartreuse\"\n", "unknown colour"),
            ("colour = 1\n", "not valid config"),
        ] {
            let c = with(text);
            let w = c.warning.expect(text);
            assert!(w.contains("config.toml") && w.contains(says), "{w}");
            assert_eq!(c.keymap, Keymap::default());
        }
    }

    #[test]
    fn the_example_is_a_valid_config() {
        let c = with(&example());
        assert!(c.warning.is_none(), "{:?}", c.warning);
    }
}
