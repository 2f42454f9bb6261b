//! Sixteen bytes read at once: which of them equal a byte or fall in a
//! range, as masks (byte k, bit k). The text passes that skip plain runs
//! (normalizing, counting words) ask these of every sixteen bytes, where a
//! byte-at-a-time loop would branch on each.
//!
//! On x86-64 the masks come from SSE2 compares, which every x86-64
//! processor has; elsewhere from the bytes one at a time.

/// Sixteen bytes, loaded for comparing.
#[derive(Clone, Copy)]
pub struct Sixteen {
    #[cfg(target_arch = "x86_64")]
    v: std::arch::x86_64::__m128i,
    #[cfg(not(target_arch = "x86_64"))]
    bytes: [u8; 16],
}

#[cfg(target_arch = "x86_64")]
impl Sixteen {
    #[inline(always)]
    pub fn load(bytes: &[u8; 16]) -> Sixteen {
        use std::arch::x86_64::_mm_loadu_si128;
        // SAFETY: SSE2 is part of x86-64, and the load reads the sixteen
        // bytes of the array, unaligned.
        Sixteen {
            v: unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) },
        }
    }

    /// The bytes equal to `b`.
    #[inline(always)]
    pub fn equal(self, b: u8) -> u32 {
        use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8};
        // SAFETY: SSE2 is part of x86-64.
        unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(self.v, _mm_set1_epi8(b as i8))) as u32 }
    }

    /// The bytes in `lo..=hi`: their distance above `lo`, wrapping, is at
    /// most `hi - lo`, which an unsigned minimum tells.
    #[inline(always)]
    pub fn within(self, lo: u8, hi: u8) -> u32 {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_set1_epi8, _mm_sub_epi8,
        };
        // SAFETY: SSE2 is part of x86-64.
        unsafe {
            let above = _mm_sub_epi8(self.v, _mm_set1_epi8(lo as i8));
            let capped = _mm_min_epu8(above, _mm_set1_epi8(hi.wrapping_sub(lo) as i8));
            _mm_movemask_epi8(_mm_cmpeq_epi8(capped, above)) as u32
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
impl Sixteen {
    pub fn load(bytes: &[u8; 16]) -> Sixteen {
        Sixteen { bytes: *bytes }
    }

    pub fn equal(self, b: u8) -> u32 {
        self.mask(|x| x == b)
    }

    pub fn within(self, lo: u8, hi: u8) -> u32 {
        self.mask(|x| (lo..=hi).contains(&x))
    }

    fn mask(self, test: impl Fn(u8) -> bool) -> u32 {
        self.bytes
            .iter()
            .enumerate()
            .fold(0, |m, (k, &b)| m | u32::from(test(b)) << k)
    }
}

/// The mask of the bytes that pass `test`, one at a time: what the
/// compares must give, for the tests of the passes built on them.
#[cfg(test)]
pub fn mask_by_bytes(sixteen: &[u8; 16], test: impl Fn(u8) -> bool) -> u32 {
    sixteen
        .iter()
        .enumerate()
        .fold(0, |m, (k, &b)| m | u32::from(test(b)) << k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sixteen bytes that step through every value as `first` does.
    fn spread_from(first: u8) -> [u8; 16] {
        std::array::from_fn(|k| first.wrapping_add((k as u8).wrapping_mul(17)))
    }

    #[test]
    fn equal_is_each_byte_compared() {
        for first in 0..=255u8 {
            let bytes = spread_from(first);
            let loaded = Sixteen::load(&bytes);
            for b in 0..=255u8 {
                assert_eq!(loaded.equal(b), mask_by_bytes(&bytes, |x| x == b));
            }
        }
    }

    #[test]
    fn within_is_each_byte_in_the_range() {
        for first in (0..=255u8).step_by(5) {
            let bytes = spread_from(first);
            let loaded = Sixteen::load(&bytes);
            for lo in 0..=255u8 {
                for hi in lo..=255u8 {
                    assert_eq!(
                        loaded.within(lo, hi),
                        mask_by_bytes(&bytes, |x| (lo..=hi).contains(&x)),
                        "{lo}..={hi}"
                    );
                }
            }
        }
    }
}
