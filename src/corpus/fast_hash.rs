//! A hasher for the corpus's in-memory maps and sets, keyed by names,
//! titles and indices that no attacker chooses: eight bytes taken in per
//! multiply (the FxHash step), where the standard hasher spends several
//! rounds on each eight.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type FastSet<T> = HashSet<T, BuildHasherDefault<WordHasher>>;

/// The FxHash state: each word added, then multiplied by an odd constant.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.add(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            // Zero-padded: a string's hash also takes in its end marker.
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(eight));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The high bits, which the multiply mixes best, moved down to where
    /// the table takes its slot from.
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn strings_differing_in_any_byte_hash_apart() {
        let build = BuildHasherDefault::<WordHasher>::default();
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "Nguyễn Văn A",
            "Nguyễn Văn B",
            "nguyễn văn a",
        ];
        let hashes: FastSet<u64> = words.iter().map(|w| build.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn maps_find_what_was_put_in() {
        let mut map: FastMap<(String, usize), usize> = FastMap::default();
        for i in 0..1000 {
            map.insert((format!("người {i}"), i % 7), i);
        }
        assert_eq!(map.len(), 1000);
        assert_eq!(map.get(&("người 500".to_string(), 500 % 7)), Some(&500));
        assert_eq!(map.get(&("người 500".to_string(), 0)), None);
    }
}
