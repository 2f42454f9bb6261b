//! Remembering the last selection and recent searches between runs, in the
//! platform's state directory, written through a temporary file. Each
//! corpus has its own: a province or meeting of one means nothing in
//! another.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::load::Source;
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

/// The state file: the saved state of each corpus, by [`key`]. A file of an
/// older layout reads as empty.
#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default)]
    corpora: BTreeMap<String, Saved>,
}

/// What names a corpus in the state file: the bundled one, a corpus file
/// by its full path, article files by the directories they are in.
pub fn key(source: &Source) -> String {
    let full = |p: &Path| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    };
    match source {
        Source::Bundled => "bundled".to_string(),
        Source::File(p) => format!("file:{}", full(p)),
        Source::Articles { files, .. } => {
            let mut dirs: Vec<String> = files
                .iter()
                .map(|f| full(f.parent().unwrap_or(Path::new("."))))
                .collect();
            dirs.sort();
            dirs.dedup();
            format!("articles:{}", dirs.join("|"))
        }
    }
}

fn read(path: &Path) -> Result<File, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| format!("{}: saved state ignored ({e})", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(File::default()),
        Err(e) => Err(format!("{}: saved state ignored ({e})", path.display())),
    }
}

/// The saved state of the corpus named `key`, or a message when the file
/// is unreadable or corrupt (it is then ignored, and replaced on the next
/// save).
pub fn load(path: &Path, key: &str) -> (Saved, Option<String>) {
    match read(path) {
        Ok(mut f) => (f.corpora.remove(key).unwrap_or_default(), None),
        Err(msg) => (Saved::default(), Some(msg)),
    }
}

/// Writes the state of the corpus named `key` atomically, keeping the other
/// corpora's, and creating the directory.
pub fn save(path: &Path, key: &str, saved: &Saved) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = read(path).unwrap_or_default();
    file.corpora.insert(key.to_string(), saved.clone());
    let json = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
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
        save(&p, "bundled", &s).unwrap();
        assert_eq!(load(&p, "bundled"), (s, None));
        std::fs::write(&p, "{ not json").unwrap();
        let (s, msg) = load(&p, "bundled");
        assert_eq!(s, Saved::default());
        assert!(msg.unwrap().contains("state.json"));
        assert_eq!(
            load(&dir.path().join("none.json"), "bundled"),
            (Saved::default(), None)
        );
    }

    #[test]
    fn each_corpus_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        let one = Saved {
            province: Some("Thái Bình".into()),
            ..Saved::default()
        };
        let two = Saved {
            province: Some("Đắk Lắk".into()),
            ..Saved::default()
        };
        let a = key(&Source::File(dir.path().join("a.json")));
        let b = key(&Source::Bundled);
        assert_ne!(a, b);
        save(&p, &a, &one).unwrap();
        save(&p, &b, &two).unwrap();
        assert_eq!(load(&p, &a).0, one);
        assert_eq!(load(&p, &b).0, two);
        assert_eq!(load(&p, "articles:/elsewhere").0, Saved::default());
        // A state file of the older layout (one state for all) is not an error.
        std::fs::write(&p, r#"{"province":"Hà Tĩnh"}"#).unwrap();
        assert_eq!(load(&p, &b), (Saved::default(), None));
    }
}
