//! A small multiplicative hasher for the triage lookup tables (short words and integer
//! keys), much cheaper than SipHash; the tables hold fixed, trusted keys, so flooding
//! resistance is not needed.

use std::hash::Hasher;

/// Hashes bytes and integers by rotate, xor and multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }
}

impl KeyHasher {
    fn mix(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(7) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    #[test]
    fn different_words_hash_differently() {
        let h = BuildHasherDefault::<KeyHasher>::default();
        let words = ["a", "b", "ab", "ba", "refund", "refunds", "посылка", "包裹"];
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| h.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
    }
}
