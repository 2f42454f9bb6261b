//! Copying through the terminal with OSC 52, which works over SSH: the
//! terminal the user sees sets its own clipboard. Inside tmux the sequence
//! is also sent through tmux's passthrough, so it reaches the outer terminal
//! whether tmux keeps clipboard sequences itself or not.

/// Largest text sent; many terminals drop longer OSC 52 sequences.
pub const MAX_BYTES: usize = 74_000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The escape sequences that put `text` on the clipboard.
pub fn osc52(text: &str, in_tmux: bool) -> Result<String, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "too long to copy through the terminal ({} KB; the limit is {} KB)",
            text.len() / 1000,
            MAX_BYTES / 1000
        ));
    }
    let seq = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    Ok(if in_tmux {
        // Plain for tmux's own clipboard, wrapped for passthrough.
        format!("{seq}\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
    } else {
        seq
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("Hải".as_bytes()), "SOG6o2k=");
    }

    #[test]
    fn sequences() {
        assert_eq!(osc52("hi", false).unwrap(), "\x1b]52;c;aGk=\x07");
        let t = osc52("hi", true).unwrap();
        assert!(t.starts_with("\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"));
        assert!(osc52(&"x".repeat(MAX_BYTES + 1), false).is_err());
    }
}
