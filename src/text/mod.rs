//! The text layer: decode and normalize raw article bytes, build comparison
//! keys, cut the text into lines, sentences and tokens, and tell the article
//! from the page boilerplate around it.

pub mod boilerplate;
pub mod fold;
pub mod normalize;
pub mod pattern;
pub mod segment;
mod sixteen;

pub use boilerplate::{Block, BlockKind};
pub use fold::{Folded, fold, lex_key};
pub use normalize::{DecodeError, Decoded, decode, normalize};

/// A normalized article page split into classified blocks.
#[derive(Debug, Clone)]
pub struct Page {
    pub text: String,
    pub blocks: Vec<Block>,
    /// `text` with ASCII in lower case, made when first asked (see [`Page::lower`]).
    lower: std::sync::OnceLock<String>,
}

impl Page {
    /// Normalizes `raw` and classifies its blocks.
    pub fn new(raw: &str) -> Self {
        Self::from_normalized(normalize(raw))
    }

    /// Classifies text that is already normalized.
    pub fn from_normalized(text: String) -> Self {
        let blocks = boilerplate::classify(&text);
        Page {
            text,
            blocks,
            lower: std::sync::OnceLock::new(),
        }
    }

    /// The text with its ASCII letters in lower case, so at the same byte
    /// offsets: the keys of most tokens are slices of it.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_ascii_lowercase())
    }

    /// The article blocks, in order.
    pub fn content(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_content())
    }

    /// Index of the first block of the page's tail (markers and teasers after
    /// the article), or the number of blocks when there is none.
    pub fn tail_start(&self) -> usize {
        self.blocks
            .iter()
            .position(|b| b.kind == BlockKind::Marker)
            .unwrap_or(self.blocks.len())
    }
}
