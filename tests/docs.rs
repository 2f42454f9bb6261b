//! The README documents what the code does.

use tinhuy::app::Action;

#[test]
fn readme_names_every_action_and_its_default_keys() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for &a in Action::ALL {
        assert!(
            readme.contains(&format!("`{}`", a.config_name())),
            "README lacks action {}",
            a.config_name()
        );
        let key = a.default_keys()[0];
        let shown = match key {
            "down" => "↓",
            "up" => "↑",
            "left" => "←",
            "right" => "→",
            "pagedown" => "PgDn",
            "pageup" => "PgUp",
            "home" => "Home",
            "end" => "End",
            "tab" => "Tab",
            "shift-tab" => "Shift-Tab",
            "enter" => "Enter",
            "esc" => "Esc",
            "ctrl-d" => "Ctrl-d",
            "ctrl-u" => "Ctrl-u",
            k => k,
        };
        assert!(
            readme.contains(&format!("`{shown}`")),
            "README lacks key {shown} of {}",
            a.config_name()
        );
    }
}

#[test]
fn readme_shows_the_screenshots_it_names() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for shot in [
        "browse",
        "search",
        "detail",
        "person",
        "leadership",
        "leadership-compare",
        "deadlines",
    ] {
        let path = format!("screenshots/{shot}.png");
        assert!(readme.contains(&path), "{path}");
        assert!(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(&path)
                .exists(),
            "{path}"
        );
    }
}
