//! Taking over the terminal and always giving it back: on a normal exit, an
//! error return, a panic, or a signal, raw mode is turned off, the main
//! screen comes back and the cursor shows. Also what is written to the
//! terminal beside ratatui's frames: OSC 8 hyperlinks over cells it drew.

use std::io::{self, Write};
use std::sync::Once;

use ratatui::buffer::Buffer;
use ratatui::crossterm::{cursor, execute, queue, terminal};
use ratatui::layout::Rect;

/// Restores the terminal when dropped.
pub struct Guard {
    _private: (),
}

impl Guard {
    /// Raw mode, alternate screen, hidden cursor; the panic hook restores
    /// before the panic message prints.
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let guard = Guard { _private: () };
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back. Errors are ignored: when the terminal is gone
/// (a dropped SSH connection) there is nothing left to restore.
pub fn restore() {
    let mut out = io::stdout();
    // Clearing before leaving: tmux keeps rows added to a grown window while
    // the alternate screen was shown, and would show them on the shell.
    let _ = execute!(
        out,
        terminal::EndSynchronizedUpdate,
        terminal::Clear(terminal::ClearType::All),
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Longest address sent as a link; terminals cap them near this, and a
/// longer one is shown as plain text.
const MAX_LINK_BYTES: usize = 2048;

/// Ends an OSC 8 hyperlink.
pub const OSC8_CLOSE: &str = "\x1b]8;;\x1b\\";

/// Whether to make addresses links (OSC 8). `TINHUY_HYPERLINKS` decides
/// when set (`0`/`1`, `off`/`on`); otherwise every terminal but the Linux
/// console, `TERM=dumb` and GNU screen gets them, as terminals that do not
/// know OSC 8 ignore it and tmux drops it unless configured to pass it on.
pub fn hyperlinks_wanted(switch: Option<&str>, term: Option<&str>, in_tmux: bool) -> bool {
    match switch.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("0" | "off" | "no" | "false") => return false,
        Some("1" | "on" | "yes" | "true") => return true,
        _ => {}
    }
    match term {
        None | Some("" | "dumb" | "linux") => false,
        // GNU screen does not pass OSC 8 on; tmux may set TERM=screen too.
        Some(t) => !t.starts_with("screen") || in_tmux,
    }
}

/// [`hyperlinks_wanted`] for this process's environment, read once.
pub fn hyperlinks() -> bool {
    static WANTED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *WANTED.get_or_init(|| {
        let var = |k| std::env::var(k).ok();
        hyperlinks_wanted(
            var("TINHUY_HYPERLINKS").as_deref(),
            var("TERM").as_deref(),
            std::env::var_os("TMUX").is_some(),
        )
    })
}

/// The address as an OSC 8 target: only `http`/`https` addresses, every
/// byte outside printable ASCII percent-encoded, so no control character,
/// ESC, BEL or string terminator can end the sequence early or start
/// another. None for anything else, or an address too long.
pub fn osc8_target(url: &str) -> Option<String> {
    let url = url.trim();
    let has_scheme = |s: &str| {
        url.as_bytes()
            .get(..s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
    };
    if !(has_scheme("https://") || has_scheme("http://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if (0x21..0x7f).contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    (out.len() <= MAX_LINK_BYTES).then_some(out)
}

/// Starts an OSC 8 hyperlink to a target made by [`osc8_target`].
pub fn osc8_open(target: &str) -> String {
    format!("\x1b]8;;{target}\x1b\\")
}

/// Prints the cells of one row of `area` again, as the frame drew them,
/// inside a hyperlink to `url`: cells cannot hold escape sequences, so the
/// link is written after the frame. Nothing is written for an address that
/// cannot be a link.
pub fn write_link(out: &mut impl Write, buf: &Buffer, area: Rect, url: &str) -> io::Result<()> {
    use ratatui::backend::IntoCrossterm;
    use ratatui::crossterm::style::{ContentStyle, PrintStyledContent, StyledContent};
    let Some(target) = osc8_target(url) else {
        return Ok(());
    };
    queue!(out, cursor::MoveTo(area.x, area.y))?;
    out.write_all(osc8_open(&target).as_bytes())?;
    let mut x = area.x;
    while x < area.right() {
        let Some(cell) = buf.cell((x, area.y)) else {
            break;
        };
        let symbol = cell.symbol();
        let style: ContentStyle = cell.style().into_crossterm();
        queue!(out, PrintStyledContent(StyledContent::new(style, symbol)))?;
        x += (unicode_width::UnicodeWidthStr::width(symbol).max(1)) as u16;
    }
    out.write_all(OSC8_CLOSE.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_carry_no_control_characters() {
        assert_eq!(
            osc8_target(" https://bao.vn/a?b=1#c ").as_deref(),
            Some("https://bao.vn/a?b=1#c")
        );
        let hostile = "http://x.vn/\x1b]8;;evil\x1b\\\x07\u{9c}\u{1b}[2J tin tức";
        let t = osc8_target(hostile).unwrap();
        assert!(t.bytes().all(|b| (0x21..0x7f).contains(&b)), "{t}");
        assert!(t.contains("%1B") && t.contains("%07") && t.contains("%C2%9C"));
        assert!(t.ends_with("tin%20t%E1%BB%A9c"));
        assert_eq!(
            osc8_target("HTTPS://bao.vn").as_deref(),
            Some("HTTPS://bao.vn")
        );
        assert_eq!(osc8_target("data/a.txt"), None);
        assert_eq!(osc8_target("javascript:alert(1)"), None);
        assert_eq!(
            osc8_target(&format!("https://x.vn/{}", "a".repeat(3000))),
            None
        );
        assert_eq!(osc8_open("https://x.vn"), "\x1b]8;;https://x.vn\x1b\\");
    }

    #[test]
    fn links_follow_the_switch_then_the_terminal() {
        assert!(hyperlinks_wanted(None, Some("xterm-256color"), false));
        assert!(hyperlinks_wanted(None, Some("tmux-256color"), true));
        assert!(hyperlinks_wanted(None, Some("screen-256color"), true));
        assert!(!hyperlinks_wanted(None, Some("screen"), false));
        assert!(!hyperlinks_wanted(None, Some("dumb"), false));
        assert!(!hyperlinks_wanted(None, Some("linux"), false));
        assert!(!hyperlinks_wanted(None, None, false));
        assert!(!hyperlinks_wanted(Some("0"), Some("xterm"), false));
        assert!(hyperlinks_wanted(Some("1"), Some("linux"), false));
        assert!(hyperlinks_wanted(Some(" On "), None, false));
        // Anything else leaves it to the terminal.
        assert!(hyperlinks_wanted(Some("maybe"), Some("xterm"), false));
    }

    #[test]
    fn a_link_prints_the_cells_it_covers_between_open_and_close() {
        use ratatui::style::{Color, Style};
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 2));
        buf.set_string(2, 1, "bao.vn/a", Style::new().fg(Color::Red));
        let mut out = Vec::new();
        write_link(
            &mut out,
            &buf,
            Rect::new(2, 1, 8, 1),
            "https://bao.vn/a\x07",
        )
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        let open = s.find("\x1b]8;;https://bao.vn/a%07\x1b\\").unwrap();
        let close = s.rfind(OSC8_CLOSE).unwrap();
        assert!(s.starts_with("\x1b[2;3H"), "{s:?}");
        let inside = &s[open..close];
        let mut at = 0;
        for c in "bao.vn/a".chars() {
            at += inside[at..].find(c).unwrap() + 1;
        }
        assert!(!s.contains('\x07'));
        let mut none = Vec::new();
        write_link(&mut none, &buf, Rect::new(2, 1, 8, 1), "a.txt").unwrap();
        assert!(none.is_empty());
    }
}
