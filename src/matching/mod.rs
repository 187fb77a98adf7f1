//! Claim matching without a model: "has this been checked before?".
//!
//! Texts are compared as bags of character 3- and 4-grams of their
//! normalized form (case and accents folded, punctuation gone), each gram
//! weighted by TF-IDF (sublinear term frequency; the inverse document
//! frequency of the gram among the claims of the database) and the two
//! vectors compared by cosine. Character grams see through what defeats
//! whole words in rewordings: inflection ("migrants", "migrant"), compounds
//! and hashtags ("#AustralianFires"), spelling and quote marks. Measured on
//! CheckThat! 2020 dev, this alone outranks BM25 over words (see
//! `docs/matching.md`).
//!
//! The database narrows a million claims to a few hundred candidates
//! through its full-text index (the rarest words of the query), and this
//! module scores them: nothing here touches the store. [`query`] parses the
//! search syntax of `claims list --search`.

pub mod evaluate;
#[cfg(feature = "semantic")]
pub mod minilm;
pub mod query;
pub mod semantic;

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// The key under which the statistics table keeps the number of documents
/// (no gram or word hashes to it: [`key`] never returns 0 or 1).
pub const DOCUMENTS_KEY: i64 = 0;

/// The key of the total length of the documents in words (BM25's average
/// document length).
pub const WORDS_KEY: i64 = 1;

/// How much the shared rare words (BM25) close of the gap between the gram
/// cosine and 1: a tie-breaker between claims alike in letters, chosen on
/// CheckThat! 2020 train (MAP@5 0.877 at 0.005, 0.879 at 0.01, 0.872 at
/// 0.02; the smaller is kept, since 0.01 also flags more wrong matches as
/// seen before: 93.7% right against 96.7%).
const BM25_WEIGHT: f64 = 0.005;

/// BM25's term-frequency saturation and length normalization, chosen on
/// the same train split: claims are short, so length matters less than in
/// the textbook defaults (1.2, 0.75).
const BM25_K1: f64 = 0.9;
const BM25_B: f64 = 0.4;

/// How many candidates the full-text index hands to the scorer. On
/// CheckThat! 2020 dev, 100 lost 0.005 of MAP@5 and 400 gained nothing.
pub const CANDIDATES: i64 = 200;

/// How many of the query's words pick the candidates: the rarest, since a
/// common word selects half the database and ranks nothing. On CheckThat!
/// 2020 dev, MAP@5 was 0.819 with 12 words, 0.835 with 20 and 0.834 with 40.
pub const CANDIDATE_WORDS: usize = 20;

/// How many index entries the candidate lookup may read: the rarest words
/// are taken until their documents add up to this. Every claim holding any
/// of the words is counted, and on PostgreSQL each costs some 3 µs (a heap
/// visit to read the claim's id and check the word's field), so a common
/// number ("17" in 1,300 of 100,000 claims) was most of a `claims add`'s
/// time on the server. On CheckThat! 2020 (10,375 claims) 4,000 ranks as
/// 15,000 did, on dev and train; 2,000 costs dev 0.005 of MAP@5 and 1,000
/// costs 0.010.
pub const CANDIDATE_POSTINGS: i64 = 4_000;

/// The words that pick a query's candidates, from (documents, word) sorted
/// rarest first: up to [`CANDIDATE_WORDS`] of them, within
/// [`CANDIDATE_POSTINGS`], and always the two rarest.
pub fn candidate_words<'a>(known: &[(i64, &'a str)]) -> Vec<&'a str> {
    let mut postings = 0;
    let mut chosen = Vec::new();
    for &(documents, word) in known.iter().take(CANDIDATE_WORDS) {
        if chosen.len() >= 2 && postings + documents > CANDIDATE_POSTINGS {
            break;
        }
        postings += documents;
        chosen.push(word);
    }
    chosen
}

/// A claim that matches another from this score up is "seen before".
/// Chosen on CheckThat! 2020 train, tweets against fact-checked claims: the
/// first match of 511 of the 800 tweets scores 0.37 or more, and 96.7% of
/// those are right (at 0.4: 458, 96.9%; at 0.34: 565, 95.6%; at 0.3: 658,
/// 92.2%). A claim reworded by a checker is closer to its original than a
/// tweet is.
pub const SEEN_BEFORE: f64 = 0.37;

/// Where "seen before" starts in this process: [`SEEN_BEFORE`], or the
/// semantic tier's own threshold when its fused scores are in use.
pub fn seen_before_threshold() -> f64 {
    match semantic::embedder() {
        Some(_) => semantic::SEEN_BEFORE,
        None => SEEN_BEFORE,
    }
}

/// Two claims from this score up are the same claim twice (a copy, or a
/// change of quote marks): the earlier ranks first.
pub const SAME_CLAIM: f64 = 0.9;

/// Text reduced to what matching compares: Unicode compatibility forms
/// unified, lowercase, accents removed, web addresses dropped, every run of
/// other characters than letters and digits one space. Both backends index
/// this form, so that their tokenizers split it the same way.
pub fn normalize(text: &str) -> String {
    let text = without_signature(text);
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for word in text.split_whitespace() {
        let word = before_address(word);
        if word.is_empty() {
            continue;
        }
        // A hashtag or handle runs its words together: "#FyreFestival" is
        // "Fyre Festival", "@realDonaldTrump" "real Donald Trump".
        let tagged = word.starts_with(['#', '@']);
        let mut lower_before = false;
        // ASCII is its own decomposition: only other text goes through NFKD
        // (most claims are ASCII, and a million are normalized at import).
        let decomposed: Box<dyn Iterator<Item = char>> = if word.is_ascii() {
            Box::new(word.chars())
        } else {
            Box::new(word.nfkd())
        };
        for ch in decomposed {
            if unicode_normalization::char::is_combining_mark(ch) {
                continue;
            }
            if tagged && ch.is_uppercase() && lower_before {
                out.push(' ');
            }
            lower_before = ch.is_lowercase() || ch.is_numeric();
            if ch.is_alphanumeric() {
                for lower in ch.to_lowercase() {
                    out.push(lower);
                }
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
        if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The text without the signature an embedded tweet ends in, "(@handle)
/// Month D, YYYY": who posted it and when are not what it claims, and a
/// date's words would match every claim made that month. The name before
/// the handle stays (a person's name can be the claim's subject).
fn without_signature(text: &str) -> &str {
    let Some(at) = text.rfind("(@") else {
        return text;
    };
    let tail = &text[at..];
    let Some(close) = tail.find(')') else {
        return text;
    };
    let handle = &tail[2..close];
    let date: Vec<&str> = tail[close + 1..].split_whitespace().collect();
    let is_date = match date[..] {
        [month, day, year] => {
            month.chars().all(char::is_alphabetic)
                && day
                    .trim_end_matches(',')
                    .parse::<u8>()
                    .is_ok_and(|d| (1..=31).contains(&d))
                && year.len() == 4
                && year.parse::<u16>().is_ok()
        }
        _ => false,
    };
    if !handle.is_empty() && handle.chars().all(|c| c.is_alphanumeric() || c == '_') && is_date {
        &text[..at]
    } else {
        text
    }
}

/// The part of a word before any web address or picture link in it: the
/// same claim travels under many, and a tweet often runs one into the word
/// before ("ground.https://t.co/..."), which would otherwise turn "https"
/// into a word that matches claims about web addresses.
fn before_address(word: &str) -> &str {
    const ADDRESSES: [&str; 4] = ["http://", "https://", "www.", "pic.twitter.com/"];
    if !word.contains('.') && !word.contains(':') {
        return word;
    }
    let lower = word.to_ascii_lowercase();
    let cut = ADDRESSES
        .iter()
        .filter_map(|address| lower.find(address))
        .filter(|&at| {
            // "www." only where a word starts ("awww." is not an address).
            at == 0
                || !lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
                || !lower[at..].starts_with("www.")
        })
        .min();
    match cut {
        Some(at) => &word[..at],
        None => word,
    }
}

/// Words that say nothing of what a claim is about; a query's candidates
/// are never chosen by them.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "amp", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "but", "by", "can", "could", "did", "do", "does", "don", "down", "each", "for", "from",
    "further", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "just", "me", "more", "most", "my", "no", "not", "now", "of", "off", "on", "once", "only",
    "or", "our", "out", "over", "own", "rt", "s", "said", "same", "says", "she", "should", "so", "some",
    "such", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "too", "up", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which", "who",
    "whom", "whose", "why", "will", "with", "would", "you", "your",
];

/// The words of a normalized text that can pick candidates: no stop words,
/// no single letters, each once.
pub fn content_words(normalized: &str) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    for word in counted_words(normalized) {
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// The words BM25 counts in a normalized text: no stop words, no single
/// letters, each as often as it occurs.
pub fn counted_words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(' ')
        .filter(|word| word.chars().nth(1).is_some() && STOP_WORDS.binary_search(word).is_err())
}

/// The statistics key of a word (for choosing the rarest).
pub fn word_key(word: &str) -> i64 {
    key(1, word.as_bytes())
}

/// The key of a whole text (what an embedding was made from).
pub fn text_key(text: &str) -> i64 {
    key(3, text.as_bytes())
}

/// A stable 64-bit key (FNV-1a) of a gram or word, never 0: statistics are
/// stored by it on both backends, so it must not change between builds.
fn key(kind: u8, bytes: &[u8]) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in std::iter::once(&kind).chain(bytes) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    match hash as i64 {
        DOCUMENTS_KEY | WORDS_KEY => 2,
        other => other,
    }
}

/// A text as matching sees it: its character 3- and 4-grams (over the
/// normalized form, spaces included, so that grams span word boundaries)
/// with their counts, sorted by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    grams: Vec<(i64, u32)>,
}

impl Profile {
    /// The profile of an already normalized text.
    pub fn of(normalized: &str) -> Profile {
        // Sorting the keys and counting runs is several times faster than
        // a hash map per text (indexing a million claims computes this a
        // million times).
        let starts: Vec<usize> = normalized
            .char_indices()
            .map(|(at, _)| at)
            .chain([normalized.len()])
            .collect();
        let mut keys: Vec<i64> = Vec::with_capacity(starts.len() * 2);
        for n in [3, 4] {
            for window in starts.windows(n + 1) {
                keys.push(key(2, &normalized.as_bytes()[window[0]..window[n]]));
            }
        }
        keys.sort_unstable();
        let mut grams: Vec<(i64, u32)> = Vec::with_capacity(keys.len());
        for key in keys {
            match grams.last_mut() {
                Some((last, count)) if *last == key => *count += 1,
                _ => grams.push((key, 1)),
            }
        }
        Profile { grams }
    }

    /// The gram keys, each once (what the statistics count per document).
    pub fn keys(&self) -> impl Iterator<Item = i64> + '_ {
        self.grams.iter().map(|&(key, _)| key)
    }

    /// Whether the text had no gram (under three characters).
    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }

    /// The TF-IDF vector, unit length.
    fn weighted(&self, statistics: &Statistics) -> Vec<(i64, f64)> {
        let mut vector: Vec<(i64, f64)> = self
            .grams
            .iter()
            .map(|&(key, count)| (key, (1.0 + f64::from(count).ln()) * statistics.idf(key)))
            .collect();
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, weight) in &mut vector {
                *weight /= norm;
            }
        }
        vector
    }
}

/// A hasher for keys that are already hashes (FNV-1a of a gram or word):
/// hashing them again only costs time.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8 | u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_i64(&mut self, key: i64) {
        self.0 = key as u64;
    }
}

/// A map from keys to counts, hashed by [`KeyHasher`].
pub type KeyMap<V> = HashMap<i64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// How many documents hold each gram, and how many documents there are:
/// the inverse document frequencies. Kept by the store as claims are
/// indexed.
#[derive(Debug, Clone, Default)]
pub struct Statistics {
    /// The number of documents.
    pub documents: i64,
    /// Their total length in counted words.
    pub words: i64,
    /// Documents per key (a key not here is in none).
    pub frequencies: KeyMap<i64>,
}

impl Statistics {
    /// Smoothed inverse document frequency, as scikit-learn computes it: a
    /// gram in every document still weighs 1, one in none the most.
    fn idf(&self, key: i64) -> f64 {
        let documents = self.documents.max(0) as f64;
        let frequency = self
            .frequencies
            .get(&key)
            .copied()
            .unwrap_or(0)
            .clamp(0, self.documents.max(0)) as f64;
        ((documents + 1.0) / (frequency + 1.0)).ln() + 1.0
    }

    /// Counts one more document.
    pub fn add(&mut self, document: &Candidate) {
        self.documents += 1;
        self.words += document.length;
        for key in document.profile.keys() {
            *self.frequencies.entry(key).or_default() += 1;
        }
        for word in document.words.keys() {
            *self.frequencies.entry(word_key(word)).or_default() += 1;
        }
    }

    /// BM25's inverse document frequency of a word (never below 0).
    fn word_idf(&self, word: &str) -> f64 {
        let documents = self.documents.max(0) as f64;
        let frequency = self
            .frequencies
            .get(&word_key(word))
            .copied()
            .unwrap_or(0)
            .clamp(0, self.documents.max(0)) as f64;
        (1.0 + (documents - frequency + 0.5) / (frequency + 0.5)).ln()
    }
}

/// Cosine of two unit vectors sorted by key.
fn cosine(a: &[(i64, f64)], b: &[(i64, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum.clamp(0.0, 1.0)
}

/// A text to score, or to score against: its gram profile and counted
/// words.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The claim's internal key: keys grow as claims are logged.
    pub key: i64,
    /// Its gram profile.
    pub profile: Profile,
    /// Its counted words and how often each occurs.
    pub words: HashMap<String, u32>,
    /// How many counted words it has.
    pub length: i64,
}

impl Candidate {
    /// A normalized text's profile and words.
    pub fn of(key: i64, normalized: &str) -> Candidate {
        let mut words: HashMap<String, u32> = HashMap::new();
        let mut length = 0;
        for word in counted_words(normalized) {
            *words.entry(word.to_string()).or_default() += 1;
            length += 1;
        }
        Candidate {
            key,
            profile: Profile::of(normalized),
            words,
            length,
        }
    }

    /// Okapi BM25 of this document for the query's words.
    fn bm25(&self, query: &Candidate, statistics: &Statistics) -> f64 {
        let average = if statistics.documents > 0 {
            (statistics.words.max(1) as f64 / statistics.documents as f64).max(1.0)
        } else {
            1.0
        };
        let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * self.length as f64 / average);
        query
            .words
            .keys()
            .filter_map(|word| self.words.get(word).map(|&tf| (word, f64::from(tf))))
            .map(|(word, tf)| statistics.word_idf(word) * tf * (BM25_K1 + 1.0) / (tf + norm))
            .sum()
    }
}

/// The candidates ranked against the query, best first, with their
/// scores: the cosine of their gram profiles, moved towards 1 a little
/// for the rare words they share (BM25, see [`BM25_WEIGHT`]), so that only
/// the same text scores 1. Ties, and
/// claims that are the same claim twice ([`SAME_CLAIM`]), put the earlier
/// first: the original check before its repeats. With the semantic tier,
/// `cosines` holds the embeddings' cosine of the candidates that have one,
/// fused with their lexical score ([`semantic::fuse`]).
pub fn rank(
    query: &Candidate,
    candidates: &[Candidate],
    statistics: &Statistics,
    cosines: &KeyMap<f64>,
) -> Vec<(i64, f64)> {
    let vector = query.profile.weighted(statistics);
    let vectors: Vec<Vec<(i64, f64)>> = candidates
        .iter()
        .map(|c| c.profile.weighted(statistics))
        .collect();
    let mut scored: Vec<(usize, f64)> = vectors
        .iter()
        .enumerate()
        .map(|(i, other)| {
            let lexical = cosine(&vector, other);
            let words = candidates[i].bm25(query, statistics);
            // A share of the gap to 1, not a sum capped at 1: two claims
            // that differ in one number both scored 1.00 under the cap.
            let lexical = lexical + (1.0 - lexical) * (BM25_WEIGHT * words).min(1.0);
            match cosines.get(&candidates[i].key) {
                Some(&cosine) => (i, semantic::fuse(lexical, cosine)),
                None => (i, lexical),
            }
        })
        .collect();
    let order = |scored: &mut Vec<(usize, f64)>| {
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(candidates[a.0].key.cmp(&candidates[b.0].key))
        })
    };
    order(&mut scored);
    // An earlier copy of a better-placed claim takes its place: among the
    // first few, where the order is read.
    let head = scored.len().min(10);
    for later in 0..head {
        for earlier in later + 1..head {
            let (a, b) = (scored[later].0, scored[earlier].0);
            if candidates[b].key < candidates[a].key
                && scored[earlier].1 < scored[later].1
                && cosine(&vectors[a], &vectors[b]) >= SAME_CLAIM
            {
                scored[earlier].1 = scored[later].1;
            }
        }
    }
    order(&mut scored);
    scored
        .into_iter()
        .map(|(i, score)| (candidates[i].key, score))
        .collect()
}

#[cfg(test)]
mod tests;
