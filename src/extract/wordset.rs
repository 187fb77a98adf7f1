//! A fixed set of words for the lists asked of nearly every token (cue
//! verbs, titles, role nouns): most words asked are in none of them, and a
//! test of the word's length and of its first and last letters turns them
//! away before the set's hash is computed.

use std::ops::RangeInclusive;

/// Words, with what every one of them passes.
pub(super) struct WordSet {
    words: foldhash::HashSet<&'static str>,
    /// From the shortest word's length to the longest's.
    lengths: RangeInclusive<usize>,
    /// For a word's first byte (its five low bits), a bit for each last
    /// byte (its five low bits) some word has: a test that no member fails
    /// (letters of either case share their bits).
    ends: [u32; 32],
}

impl WordSet {
    /// The set of `words`.
    pub(super) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let words: foldhash::HashSet<&'static str> = words.into_iter().collect();
        let shortest = words.iter().map(|w| w.len()).min().unwrap_or(1);
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let mut ends = [0u32; 32];
        for word in &words {
            if let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) {
                ends[usize::from(first & 31)] |= 1 << (last & 31);
            }
        }
        WordSet {
            words,
            lengths: shortest..=longest,
            ends,
        }
    }

    /// Whether `word` is one of the words.
    #[inline]
    pub(super) fn contains(&self, word: &str) -> bool {
        self.may_contain(word) && self.words.contains(word)
    }

    /// Whether `word`, or its ASCII lowercase, may be one of the words:
    /// false only where neither is (an ASCII letter's case changes none
    /// of the bits read), so that a word can be turned away before it is
    /// lowercased.
    #[inline]
    pub(super) fn may_contain(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return self.lengths.contains(&0);
        };
        self.lengths.contains(&bytes.len()) && self.ends[usize::from(first & 31)] & (1 << (last & 31)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn a_word_set_answers_as_its_hash_set_would() {
        let list = ["said", "told", "x", "über", "co-chair", "mp"];
        let set = WordSet::new(list);
        for word in list {
            assert!(set.contains(word), "{word}");
        }
        // Words of the same lengths and ends as members, and others.
        for word in [
            "", "sad", "saiD", "Said", "tolled", "y", "X", "uber", "über-", "co-chaiR", "mP", "map", "said ",
        ] {
            assert!(!set.contains(word), "{word:?}");
        }
        assert!(!WordSet::new([]).contains("said"));
        assert!(WordSet::new([""]).contains(""));
        assert!(!WordSet::new(["said"]).contains(""));
        // Before lowercasing: a member in capitals may be one.
        for word in ["SAID", "Told", "CO-CHAIR", "MP", "X"] {
            assert!(set.may_contain(word), "{word}");
        }
        // (Ends no member has: s to x, m to s.)
        assert!(!set.may_contain("Sax") && !set.may_contain("MAPS"));
    }
}
