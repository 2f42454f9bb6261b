//! Taking over the terminal and always giving it back: on a normal exit, an
//! error return, a panic, or a signal, raw mode is turned off, the main
//! screen comes back and the cursor shows.

use std::io::{self, Write};
use std::sync::Once;

use ratatui::crossterm::{cursor, execute, terminal};

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
