//! Quotes anchored to an article's body snapshot.
//!
//! An anchor records where a quote stands in the snapshot the way W3C Web
//! Annotation does: a position (Unicode code points, end-exclusive, like a
//! TextPositionSelector) and the quote with a short prefix and suffix (like a
//! TextQuoteSelector). The position makes checking cheap; the prefix and
//! suffix pick the right occurrence when a quote appears twice and let a
//! quote be re-found if the position drifted.
//!
//! A quote matches exactly, or failing that, after folding typographic
//! quote marks and apostrophes to plain ones and runs of white space to one
//! space: a person typing “exemplary” as "exemplary" still anchors, and the
//! position still points at the original characters.

use serde::Serialize;

/// How many characters of context an anchor keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// Where a quote stands in a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteAnchor {
    /// First character of the quote (code points from the start of the snapshot).
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
}

/// Finds `quote` in `body`. Among several occurrences, the one whose context
/// best matches `hint` (a previous anchor) wins, else the first.
pub fn find(body: &str, quote: &str, hint: Option<&QuoteAnchor>) -> Option<QuoteAnchor> {
    let quote = quote.trim();
    if quote.is_empty() {
        return None;
    }
    // The common case: the quote stands verbatim. A byte search finds it
    // without turning the body into characters; only the matches are
    // converted to code-point offsets.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let quote_chars = quote.chars().count();
    let (mut counted_bytes, mut counted_chars) = (0, 0);
    for byte in memchr::memmem::find_iter(body.as_bytes(), quote.as_bytes()) {
        counted_chars += body[counted_bytes..byte].chars().count();
        counted_bytes = byte;
        spans.push((counted_chars, counted_chars + quote_chars));
    }
    let body_chars: Vec<char>;
    let chars: &[char] = if spans.is_empty() {
        body_chars = body.chars().collect();
        let (folded_body, positions) = fold(&body_chars);
        let exact: Vec<char> = quote.chars().collect();
        let folded_quote: Vec<char> = trim_chars(&fold(&exact).0);
        spans = occurrences(&folded_body, &folded_quote)
            .into_iter()
            .map(|(s, e)| (positions[s], positions[e - 1] + 1))
            .collect();
        &body_chars
    } else if spans.len() == 1 && hint.is_none() {
        let (start, end) = spans[0];
        return Some(anchor_in(body, start, end));
    } else {
        body_chars = body.chars().collect();
        &body_chars
    };
    let best = spans.into_iter().max_by_key(|(start, end)| {
        let score = hint.map_or(0, |h| context_score(chars, *start, *end, h));
        (score, std::cmp::Reverse(*start))
    })?;
    Some(anchor_at(chars, best.0, best.1))
}

/// Whether `anchor` still holds in `body` for `quote`: the characters at its
/// position are the quote (exactly or folded) and the context matches.
pub fn holds(body: &str, quote: &str, anchor: &QuoteAnchor) -> bool {
    let chars: Vec<char> = body.chars().collect();
    if anchor.start > anchor.end || anchor.end > chars.len() {
        return false;
    }
    let at: Vec<char> = chars[anchor.start..anchor.end].to_vec();
    let wanted: Vec<char> = quote.trim().chars().collect();
    let same = at == wanted || trim_chars(&fold(&at).0) == trim_chars(&fold(&wanted).0);
    same && anchor_at(&chars, anchor.start, anchor.end) == *anchor
}

/// [`anchor_at`] on a string, walking it once instead of collecting it.
fn anchor_in(body: &str, start: usize, end: usize) -> QuoteAnchor {
    let from = start.saturating_sub(CONTEXT_CHARS);
    let mut prefix = String::new();
    let mut suffix = String::new();
    for (i, c) in body
        .chars()
        .enumerate()
        .skip(from)
        .take_while(|(i, _)| *i < end + CONTEXT_CHARS)
    {
        if i < start {
            prefix.push(c);
        } else if i >= end {
            suffix.push(c);
        }
    }
    QuoteAnchor {
        start,
        end,
        prefix,
        suffix,
    }
}

fn anchor_at(chars: &[char], start: usize, end: usize) -> QuoteAnchor {
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    QuoteAnchor {
        start,
        end,
        prefix: chars[from..start].iter().collect(),
        suffix: chars[end..to].iter().collect(),
    }
}

/// How many context characters around a candidate agree with the hint's.
fn context_score(chars: &[char], start: usize, end: usize, hint: &QuoteAnchor) -> usize {
    let candidate = anchor_at(chars, start, end);
    let before = candidate
        .prefix
        .chars()
        .rev()
        .zip(hint.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = candidate
        .suffix
        .chars()
        .zip(hint.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after + usize::from(start == hint.start) * 2 * CONTEXT_CHARS
}

/// Every (start, end) where `needle` occurs in `haystack`.
fn occurrences(haystack: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return vec![];
    }
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, window)| *window == needle)
        .map(|(i, _)| (i, i + needle.len()))
        .collect()
}

/// Folds quote marks and white space; returns the folded characters and,
/// for each, the position of the original character it came from.
fn fold(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    let mut folded = Vec::with_capacity(chars.len());
    let mut positions = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && folded.last() == Some(&' ') {
            continue;
        }
        folded.push(c);
        positions.push(i);
    }
    (folded, positions)
}

fn trim_chars(chars: &[char]) -> Vec<char> {
    let start = chars.iter().position(|c| *c != ' ').unwrap_or(chars.len());
    let end = chars.iter().rposition(|c| *c != ' ').map_or(start, |e| e + 1);
    chars[start..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Peskov said the tip-off “helped save many lives.” Later, Peskov said it helped save many lives again.";

    #[test]
    fn an_exact_quote_anchors_in_code_points() {
        let anchor = find("Песков: «спасли жизни» — сказал", "спасли жизни", None).unwrap();
        assert_eq!((anchor.start, anchor.end), (9, 21));
        assert_eq!(anchor.prefix, "Песков: «");
        assert_eq!(anchor.suffix, "» — сказал");
    }

    #[test]
    fn typographic_quotes_and_spacing_fold() {
        let anchor = find(
            "He called it an “exemplary\n  illustration” of it.",
            "\"exemplary illustration\"",
            None,
        )
        .unwrap();
        let chars: Vec<char> = "He called it an “exemplary\n  illustration” of it."
            .chars()
            .collect();
        let found: String = chars[anchor.start..anchor.end].iter().collect();
        assert_eq!(found, "“exemplary\n  illustration”");
    }

    #[test]
    fn the_hint_picks_the_right_occurrence() {
        let first = find(BODY, "helped save many lives", None).unwrap();
        let second_hint = QuoteAnchor {
            start: 0,
            end: 0,
            prefix: "Later, Peskov said it ".into(),
            suffix: " again.".into(),
        };
        let second = find(BODY, "helped save many lives", Some(&second_hint)).unwrap();
        assert!(second.start > first.start);
        assert!(second.prefix.ends_with("said it "));
        assert!(holds(BODY, "helped save many lives", &first));
        assert!(holds(BODY, "helped save many lives", &second));
    }

    #[test]
    fn the_fast_path_and_the_general_path_agree() {
        let body = "Ünïcödé «prefix» the quoted words — and the rest of it, the quoted words again.";
        let fast = find(body, "the quoted words", None).unwrap();
        let chars: Vec<char> = body.chars().collect();
        assert_eq!(fast, anchor_at(&chars, fast.start, fast.end));
        assert_eq!(
            chars[fast.start..fast.end].iter().collect::<String>(),
            "the quoted words"
        );
        let hinted = find(body, "the quoted words", Some(&fast)).unwrap();
        assert_eq!(hinted, fast);
    }

    #[test]
    fn a_changed_snapshot_breaks_the_anchor() {
        let anchor = find(BODY, "helped save many lives", None).unwrap();
        let edited = BODY.replacen("Peskov said", "Peskov, the spokesman, said", 1);
        assert!(!holds(&edited, "helped save many lives", &anchor));
        assert!(find(&edited, "helped save many lives", Some(&anchor)).is_some());
        assert!(find(BODY, "saved no lives", None).is_none());
        assert!(!holds("short", "helped", &anchor));
    }
}
