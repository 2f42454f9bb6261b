//! Colours and text styles. The default uses the 16 named ANSI colours the
//! terminal's own palette defines, sparingly, and never shows anything by
//! colour alone: focus, selection and highlights also change weight,
//! underline or reverse video, so the mono theme (for NO_COLOR) loses
//! nothing.

use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub focused_title: Style,
    pub border: Style,
    pub focused_border: Style,
    pub selected: Style,
    /// A selection in a pane without focus.
    pub selected_unfocused: Style,
    pub heading: Style,
    /// Characters matched by the search.
    pub matched: Style,
    pub current_fact: Style,
    pub person: Style,
    pub position: Style,
    pub conclusion: Style,
    pub other_fact: Style,
    pub status: Style,
    pub error: Style,
    pub key: Style,
    pub chair: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let accent = Color::Cyan;
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new(),
            focused_title: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            border: Style::new().add_modifier(Modifier::DIM),
            focused_border: Style::new().fg(accent),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            current_fact: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            person: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            position: Style::new().fg(accent),
            conclusion: Style::new().fg(Color::Green),
            other_fact: Style::new().add_modifier(Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            chair: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

impl Theme {
    /// The default theme without colours, for NO_COLOR.
    pub fn mono() -> Theme {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        let d = Theme::default();
        Theme {
            text: strip(d.text),
            dim: strip(d.dim),
            title: strip(d.title),
            focused_title: strip(d.focused_title),
            border: strip(d.border),
            focused_border: strip(d.focused_border).add_modifier(Modifier::BOLD),
            selected: strip(d.selected),
            selected_unfocused: strip(d.selected_unfocused),
            heading: strip(d.heading),
            matched: strip(d.matched),
            current_fact: strip(d.current_fact),
            person: strip(d.person).add_modifier(Modifier::UNDERLINED),
            position: strip(d.position).add_modifier(Modifier::ITALIC),
            conclusion: strip(d.conclusion).add_modifier(Modifier::ITALIC),
            other_fact: strip(d.other_fact),
            status: strip(d.status),
            error: strip(d.error),
            key: strip(d.key),
            chair: strip(d.chair),
        }
    }

    /// Sets a named colour ("accent", "match", "person", "position",
    /// "conclusion", "error") from the config file.
    pub fn set_color(&mut self, name: &str, color: Color) -> Result<(), String> {
        match name {
            "accent" => {
                self.focused_title = self.focused_title.fg(color);
                self.focused_border = self.focused_border.fg(color);
                self.heading = self.heading.fg(color);
                self.position = self.position.fg(color);
                self.key = self.key.fg(color);
            }
            "match" => self.matched = self.matched.fg(color),
            "person" => self.person = self.person.fg(color),
            "position" => self.position = self.position.fg(color),
            "conclusion" => self.conclusion = self.conclusion.fg(color),
            "error" => self.error = self.error.fg(color),
            _ => {
                return Err(format!(
                    "unknown theme colour {name:?} (accent, match, person, position, conclusion, error)"
                ));
            }
        }
        Ok(())
    }
}

/// Reads a colour as ratatui does: one of the 16 names ("cyan",
/// "light_blue", "reset"; "default" too), an index 0–255, or "#rrggbb" for
/// those who want true colour.
pub fn parse_color(s: &str) -> Result<Color, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("default") {
        return Ok(Color::Reset);
    }
    s.parse().map_err(|_| {
        format!("unknown colour {s:?} (a name like \"cyan\" or \"light_blue\", or \"#rrggbb\")")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour() {
        let m = Theme::mono();
        for s in [m.focused_border, m.selected, m.matched, m.person, m.error] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(m.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn colours_parse() {
        assert_eq!(parse_color("Light-Blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("#ff8800"), Ok(Color::Rgb(255, 136, 0)));
        assert_eq!(parse_color(" default "), Ok(Color::Reset));
        assert_eq!(parse_color("208"), Ok(Color::Indexed(208)));
        assert!(parse_color("chartreuse").is_err());
        assert!(parse_color("#ff88").is_err());
        let mut t = Theme::default();
        assert!(t.set_color("accent", Color::Yellow).is_ok());
        assert!(t.set_color("nope", Color::Yellow).is_err());
    }
}
