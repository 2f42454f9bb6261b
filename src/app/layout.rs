//! Where things go on the screen, as plain arithmetic. The state layer uses
//! it to know how many rows a pane shows (for paging and scrolling); the
//! drawing layer uses the same numbers to place the panes.

/// Smallest terminal the app draws in; below it a message asks for more room.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// A rectangle in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    /// Rows inside a bordered box.
    pub fn inner_rows(&self) -> usize {
        self.height.saturating_sub(2) as usize
    }
    /// Columns inside a bordered box.
    pub fn inner_cols(&self) -> usize {
        self.width.saturating_sub(2) as usize
    }
}

/// The screen of the browser: four panes above a status line and a footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub provinces: Area,
    pub meetings: Area,
    pub attendees: Area,
    pub conclusions: Area,
    /// The whole area above the status line (detail, official page, search).
    pub main: Area,
    pub status: Area,
    pub footer: Area,
    pub too_small: bool,
}

impl Screen {
    pub fn of(width: u16, height: u16) -> Screen {
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let body = height.saturating_sub(2);
        let main = Area {
            x: 0,
            y: 0,
            width,
            height: body,
        };
        let top = (body * 2 / 5).max(5.min(body));
        let bottom = body - top;
        let left = (width / 4).clamp(18.min(width), 30);
        let attendees_w = width / 2;
        Screen {
            provinces: Area {
                x: 0,
                y: 0,
                width: left,
                height: top,
            },
            meetings: Area {
                x: left,
                y: 0,
                width: width - left,
                height: top,
            },
            attendees: Area {
                x: 0,
                y: top,
                width: attendees_w,
                height: bottom,
            },
            conclusions: Area {
                x: attendees_w,
                y: top,
                width: width - attendees_w,
                height: bottom,
            },
            main,
            status: Area {
                x: 0,
                y: body,
                width,
                height: height.min(1).min(height - body),
            },
            footer: Area {
                x: 0,
                y: body + 1,
                width,
                height: height.saturating_sub(body + 1).min(1),
            },
            too_small,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [
            (80, 24),
            (120, 40),
            (60, 15),
            (0, 0),
            (1, 1),
            (2, 200),
            (300, 100),
        ] {
            let s = Screen::of(w, h);
            assert_eq!(s.provinces.width + s.meetings.width, w);
            assert_eq!(s.attendees.width + s.conclusions.width, w);
            assert_eq!(s.provinces.height + s.attendees.height, h.saturating_sub(2));
            assert!(s.footer.y + s.footer.height <= h.max(s.footer.y));
        }
        assert!(Screen::of(59, 24).too_small);
        assert!(!Screen::of(80, 24).too_small);
    }
}
