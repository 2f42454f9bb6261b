//! Remembering the last selection and recent searches between runs, in the
//! platform's state directory, written through a temporary file.

use std::path::{Path, PathBuf};

use crate::app::Saved;

/// Where the state file lives.
pub fn path() -> Option<PathBuf> {
    let d = super::config::dirs()?;
    Some(
        d.state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .join("state.json"),
    )
}

/// The saved state, or a message when the file is unreadable or corrupt (it
/// is then ignored, and replaced on the next save).
pub fn load(path: &Path) -> (Saved, Option<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => match serde_json::from_str(&text) {
            Ok(s) => (s, None),
            Err(e) => (
                Saved::default(),
                Some(format!("{}: saved state ignored ({e})", path.display())),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Saved::default(), None),
        Err(e) => (
            Saved::default(),
            Some(format!("{}: saved state ignored ({e})", path.display())),
        ),
    }
}

/// Writes the state atomically, creating its directory.
pub fn save(path: &Path, saved: &Saved) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_string_pretty(saved).map_err(std::io::Error::other)?;
    crate::corpus::store::write_atomically(path, json.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("deep/state.json");
        let s = Saved {
            province: Some("Thái Bình".into()),
            recent_searches: vec!["ngo".into()],
            ..Saved::default()
        };
        save(&p, &s).unwrap();
        assert_eq!(load(&p), (s, None));
        std::fs::write(&p, "{ not json").unwrap();
        let (s, msg) = load(&p);
        assert_eq!(s, Saved::default());
        assert!(msg.unwrap().contains("state.json"));
        assert_eq!(
            load(&dir.path().join("none.json")),
            (Saved::default(), None)
        );
    }
}
