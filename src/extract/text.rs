//! The article as characters: code-point offsets (what PolNeAR and the
//! `--format json` output use), scraper clean-up, sentences and tokens.

use std::borrow::Cow;

/// A span of code points, end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// How many code points it covers.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many code points it shares with `other`.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// The text as code points, with helpers to read spans back.
pub struct Text<'a> {
    input: &'a str,
    chars: Vec<char>,
    /// Where each code point starts in `input`, and where the text ends;
    /// `None` for an ASCII text, where a code point is a byte.
    offsets: Option<Vec<usize>>,
    /// `input` with its ASCII letters in lowercase, byte for byte where
    /// `input` has them: a token's lowercase form is read from it, not
    /// made a string of its own (a fifth of all tokens are capitalized).
    lowercase: String,
}

impl<'a> Text<'a> {
    /// Wraps a text.
    pub fn new(text: &'a str) -> Text<'a> {
        // An ASCII text (most articles) is its bytes widened, with no
        // decoding of each character. Otherwise the characters are counted
        // first, so the copy is made once at its size rather than grown
        // (and copied again) from a quarter of it.
        let (chars, offsets) = if text.is_ascii() {
            (text.bytes().map(char::from).collect(), None)
        } else {
            let count = text.chars().count();
            let mut chars = Vec::with_capacity(count);
            let mut offsets = Vec::with_capacity(count + 1);
            for (at, c) in text.char_indices() {
                chars.push(c);
                offsets.push(at);
            }
            offsets.push(text.len());
            (chars, Some(offsets))
        };
        Text {
            input: text,
            chars,
            offsets,
            lowercase: text.to_ascii_lowercase(),
        }
    }

    /// The input text of a span, borrowed: tokens are read from it with no
    /// copy (a string per token was a fifth of the extraction's work).
    // (Always inlined: asked for every token, and the compiler had kept
    // it a call.)
    #[inline(always)]
    pub fn source(&self, span: Span) -> &'a str {
        &self.input[self.byte_range(span)]
    }

    /// Where a span lies in the input's bytes (and in `lowercase`'s, the
    /// same), clipped to the text.
    #[inline(always)]
    fn byte_range(&self, span: Span) -> std::ops::Range<usize> {
        let end = span.end.min(self.chars.len());
        let start = span.start.min(end);
        match &self.offsets {
            None => start..end,
            Some(offsets) => offsets[start]..offsets[end],
        }
    }

    /// Where the first of `marks` (one to three ASCII characters) stands
    /// from `from` up to `to`, as a code point. Searched in the input's
    /// bytes (an ASCII byte is always its own character in UTF-8), with
    /// memchr's vectorised search: sentences are split by reading every
    /// character of the article for a line break or a full stop.
    fn find_ascii(&self, from: usize, to: usize, marks: &[u8]) -> Option<usize> {
        let range = self.byte_range(Span::new(from, to));
        let start = range.start;
        let bytes = &self.input.as_bytes()[range];
        let at = match marks {
            [a] => memchr::memchr(*a, bytes),
            [a, b] => memchr::memchr2(*a, *b, bytes),
            [a, b, c] => memchr::memchr3(*a, *b, *c, bytes),
            _ => unreachable!("one to three marks"),
        }? + start;
        Some(match &self.offsets {
            None => at,
            // (The code point that starts at that byte.)
            Some(offsets) => offsets.partition_point(|&o| o < at),
        })
    }

    /// The lowercase copy's text of a span (see `lowercase`).
    fn lowercase_source(&self, span: Span) -> &str {
        &self.lowercase[self.byte_range(span)]
    }

    /// The characters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The text of a span, copied from the input's bytes (collecting its
    /// characters one by one cost 2% of the extraction).
    pub fn slice(&self, span: Span) -> String {
        self.source(span).to_string()
    }

    /// `span` without white space and the given punctuation at its ends.
    pub fn trim(&self, span: Span, punctuation: &str) -> Span {
        let strip = |c: char| c.is_whitespace() || punctuation.contains(c);
        let mut start = span.start;
        let mut end = span.end.min(self.chars.len());
        while start < end && strip(self.chars[start]) {
            start += 1;
        }
        while end > start && strip(self.chars[end - 1]) {
            end -= 1;
        }
        Span::new(start, end)
    }
}

/// A string in lowercase, as `str::to_lowercase` gives it, made by the
/// ASCII conversion where the string is ASCII (most words an article
/// writes): the rules lowercase some 300,000 words a pass over the BBC set.
pub(super) trait Lowercase {
    /// The string in lowercase.
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.to_lowercase()
        }
    }
}

/// A word or punctuation mark.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Where it stands.
    pub span: Span,
    /// Its text, as the input writes it.
    pub text: &'a str,
    /// Its text in lowercase, made once (the patterns compare it many
    /// times per token), when it differs from the text: read from the
    /// text's lowercase copy for an ASCII word, made for any other.
    lowercase: Option<Cow<'a, str>>,
    /// Whether it opens with a letter or digit, and with an uppercase
    /// letter: asked of every token by every pattern, so read once.
    word: bool,
    capitalized: bool,
}

impl Token<'_> {
    /// Lowercase text.
    pub fn lower(&self) -> &str {
        self.lowercase.as_deref().unwrap_or(self.text)
    }

    /// Whether it starts with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.capitalized
    }

    /// Whether it is a word (not punctuation).
    pub fn is_word(&self) -> bool {
        self.word
    }
}

/// Splits a span into tokens: words (letters, digits, inner apostrophes,
/// hyphens and periods, as in "U.S." or "don't") and single punctuation marks.
pub fn tokens<'t>(text: &'t Text<'_>, span: Span) -> Vec<Token<'t>> {
    // One pass over the span's characters, each classed once: an ASCII
    // character by a table, any other by its Unicode properties. (This runs
    // on every character of the article; classing each character again for
    // each question asked of it was a seventh of the extraction's work.)
    let all = text.chars();
    let end = span.end.min(all.len());
    let from = span.start.min(end);
    let chars = &all[from..end];
    let mut out = Vec::with_capacity(chars.len() / 5 + 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let class = class_of(c);
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        let start = i;
        let word = class & ALNUM != 0;
        let mut upper = class & UPPER != 0;
        if word {
            i += 1;
            while i < chars.len() {
                let class = class_of(chars[i]);
                // An apostrophe, hyphen or period inside a word ("don't",
                // "U.S") when a letter or digit follows.
                // And a comma between thousands ("1,000 adults"), which
                // would otherwise end a speaker phrase at "000".
                let joins = class & ALNUM != 0
                    || class & INNER != 0 && chars.get(i + 1).is_some_and(|&n| class_of(n) & ALNUM != 0)
                    || chars[i] == ',' && thousands_follow(chars, i);
                if !joins {
                    break;
                }
                upper |= class & UPPER != 0;
                i += 1;
            }
            // "U.S." keeps its final period when it is an abbreviation.
            if chars.get(i) == Some(&'.') && is_abbreviation(&chars[start..i]) {
                i += 1;
            }
        } else if (c == '\'' || c == '`') && chars.get(i + 1) == Some(&c) {
            // '' and `` are quotation marks in some newspapers' text.
            i += 2;
        } else {
            i += 1;
        }
        let span = Span::new(from + start, from + i);
        let word_text = text.source(span);
        out.push(Token {
            span,
            lowercase: upper.then(|| {
                if word_text.is_ascii() {
                    Cow::Borrowed(text.lowercase_source(span))
                } else {
                    Cow::Owned(word_text.to_lowercase())
                }
            }),
            word,
            capitalized: class & UPPER != 0,
            text: word_text,
        });
    }
    out
}

/// Whether the comma at `comma` separates thousands: a digit before it,
/// three after it and no fourth ("1,000", "£5,000,000"; not "1998,2004").
fn thousands_follow(chars: &[char], comma: usize) -> bool {
    comma > 0
        && chars[comma - 1].is_ascii_digit()
        && chars.len() > comma + 3
        && chars[comma + 1..comma + 4].iter().all(char::is_ascii_digit)
        && !chars.get(comma + 4).is_some_and(char::is_ascii_digit)
}

/// How many capitalized words open `tokens`: a run of capitals, as names
/// are written.
pub fn capitalized_run(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .take_while(|t| t.is_word() && t.capitalized())
        .count()
}

/// How many capitalized words end `tokens`.
pub fn capitalized_run_back(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .rev()
        .take_while(|t| t.is_word() && t.capitalized())
        .count()
}

/// A character's classes, as `tokens` reads them.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const UPPER: u8 = 4;
/// An apostrophe, a hyphen or a period: inside a word before a letter or digit.
const INNER: u8 = 8;

/// The classes of each ASCII character.
const ASCII_CLASSES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.') {
            INNER
        } else {
            0
        };
        b += 1;
    }
    table
};

#[inline(always)]
fn class_of(c: char) -> u8 {
    match ASCII_CLASSES.get(c as usize) {
        Some(&class) => class,
        None => {
            if c.is_alphanumeric() {
                ALNUM | if c.is_uppercase() { UPPER } else { 0 }
            } else if c.is_whitespace() {
                SPACE
            } else if c == '’' {
                INNER
            } else {
                0
            }
        }
    }
}

/// Words that end with a period without ending a sentence.
fn is_abbreviation(word: &[char]) -> bool {
    // Single capital letters are initials ("Vladimir V. Putin"); dotted
    // acronyms ("C.I.A", "(U.S") are abbreviations, but not a number with
    // a decimal point ("$1.5bn", "2.5%", "(£230.8m)"), which ends its
    // sentence like any word. Asked at every period: no copy of a word
    // longer than any abbreviation.
    let word = &word[word
        .iter()
        .position(|c| c.is_alphanumeric())
        .unwrap_or(word.len())..];
    if word.contains(&'.') && word.iter().all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        || (word.len() == 1 && word[0].is_uppercase())
    {
        return true;
    }
    let mut lower = [0u8; 4];
    if word.len() > lower.len() || !word.iter().all(char::is_ascii) {
        return false;
    }
    for (b, c) in lower.iter_mut().zip(word) {
        *b = c.to_ascii_lowercase() as u8;
    }
    let w = std::str::from_utf8(&lower[..word.len()]).unwrap_or_default();
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "st", "jr",
        "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
        "vs", "inc", "corp", "co", "ltd", "etc", "pres", "sec", "dept", "ft", "mt",
    ];
    ABBREVIATIONS.contains(&w)
}

/// Lines a scraper leaves around a story: navigation, "Breaking News",
/// share and footer blocks, a caption repeated on the next line.
fn is_boilerplate(line: &[char], previous: &[char]) -> bool {
    let trim = |chars: &[char]| -> (usize, usize) {
        let start = chars
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(chars.len());
        let end = chars
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(start, |e| e + 1);
        (start, end)
    };
    let (start, end) = trim(line);
    let t = &line[start..end];
    if t.is_empty() {
        return false;
    }
    const MARKERS: &[&str] = &[
        "accessibility links",
        "breaking news",
        "share this",
        "share on",
        "follow us",
        "subscribe",
        "all rights reserved",
        "copyright",
        "related stories",
        "advertisement",
        "read more",
        "sign up",
        "click here",
        "with reporting by",
        "image",
        "photo:",
        "©",
    ];
    // Only a short line is lowercased whole: an article's paragraphs are
    // long, and this runs on every line.
    let short = t.len() < 40;
    let opening: String = t.iter().take(17).collect::<String>().to_lowercase();
    let (p_start, p_end) = trim(previous);
    (short && {
        let lower = t.iter().collect::<String>().to_lowercase();
        MARKERS.iter().any(|m| lower.contains(m))
    }) || opening == "with reporting by"
        || (p_end > p_start && t == &previous[p_start..p_end])
}

/// The sentences of a text, as spans, skipping scraper boilerplate.
/// Paragraph and line breaks end sentences; so does `. ! ?` (after any
/// closing quote) when the next word starts a sentence, unless the period
/// belongs to an abbreviation or an initial.
pub fn sentences(text: &Text) -> Vec<Span> {
    let chars = text.chars();
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut previous_line: &[char] = &[];
    while line_start < chars.len() {
        let line_end = text
            .find_ascii(line_start, chars.len(), b"\n")
            .unwrap_or(chars.len());
        let line = &chars[line_start..line_end];
        if !is_boilerplate(line, previous_line) {
            split_line(text, Span::new(line_start, line_end), &mut out);
        }
        if line.iter().any(|c| !c.is_whitespace()) {
            previous_line = line;
        }
        line_start = line_end + 1;
    }
    out
}

fn split_line(text: &Text, line: Span, out: &mut Vec<Span>) {
    let chars = text.chars();
    let mut start = list_item_start(chars, line);
    let mut i = start;
    while let Some(at) = text.find_ascii(i, line.end, b".!?") {
        i = at;
        let c = chars[i];
        let mut end = i + 1;
        while end < line.end && matches!(chars[end], '"' | '”' | '’' | '\'' | ')') {
            end += 1;
        }
        // `... of the community. " A spokesman said`: a closing mark
        // set off by a space on both sides, as some copy has it, still
        // closes the quotation (a straight one where the line has an
        // odd number of them before it); taken for an opening one, it
        // had put the sentences after it inside the quotation.
        if end == i + 1 {
            end = detached_close_quote(chars, line, end).unwrap_or(end);
        }
        let next_word = (end..line.end).find(|&j| !chars[j].is_whitespace());
        let at_space = end < line.end && chars[end].is_whitespace();
        // (`''` opens a quotation in some papers' style: `said. ''So
        // ...`. A single quote mark may be a quote within a quote.)
        let starts_sentence = next_word.is_some_and(|j| {
            chars[j].is_uppercase()
                || chars[j].is_ascii_digit()
                || matches!(chars[j], '"' | '“' | '‘' | '(')
                || chars[j] == '\'' && chars.get(j + 1) == Some(&'\'')
        });
        // ("No. 10" abbreviates; "\"No. Definitely not.\"" is an answer.)
        let word = word_before(chars, line.start, i);
        let answer = word.len() >= 2
            && word[word.len() - 2..]
                .iter()
                .map(char::to_ascii_lowercase)
                .eq(['n', 'o'])
            && word[..word.len() - 2].iter().all(|c| !c.is_alphanumeric())
            && next_word.is_some_and(|j| !chars[j].is_ascii_digit());
        let abbreviation = c == '.' && !answer && is_abbreviation(word);
        // `"Is it true?" she asked.`: a question or exclamation quoted
        // with its attribution after it is one sentence.
        let attributed = matches!(c, '?' | '!')
            && end > i + 1
            && next_word.is_some_and(|j| short_attribution(&chars[j..line.end]));
        if at_space && starts_sentence && !abbreviation && !attributed {
            push_trimmed(text, Span::new(start, end), out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, Span::new(start, line.end), out);
}

/// The end of the closing quote mark one space after `from`, when white
/// space or the line's end follows the mark and the mark can only close: a
/// curly `”`, or a straight `"` after an odd number of them on the line
/// (the quotation it closes is open).
// (Out of line: inlined, it made the loop over every character of the
// text slower.)
#[inline(never)]
fn detached_close_quote(chars: &[char], line: Span, from: usize) -> Option<usize> {
    let mark = from + 1;
    if mark >= line.end
        || chars[from] != ' '
        || !matches!(chars[mark], '"' | '”')
        || mark + 1 < line.end && !chars[mark + 1].is_whitespace()
    {
        return None;
    }
    let closes = match chars[mark] {
        '”' => true,
        '"' => chars[line.start..from].iter().filter(|c| **c == '"').count() % 2 == 1,
        _ => false,
    };
    closes.then_some(mark + 1)
}

/// Whether `rest` opens with a short clause (up to six words, to its
/// full stop) holding a reporting verb: "Jane Roe asked.", "said the mayor.",
/// or with a speaker and a cue followed by where or to whom it was said
/// ("Jane Roe said to a crowd of about 500.").
fn short_attribution(rest: &[char]) -> bool {
    // (Not at the period of "Mrs." in "Mrs. Clinton said.")
    let end = (0..rest.len())
        .find(|&i| {
            matches!(rest[i], '!' | '?' | '“' | '"')
                || rest[i] == '.' && !is_abbreviation(word_before(rest, 0, i))
        })
        .unwrap_or(rest.len());
    let clause: String = rest[..end].iter().collect();
    let words: Vec<&str> = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let cue = words.iter().position(|w| super::cues::is_speech_verb(w));
    match cue {
        Some(_) if words.len() <= 6 => true,
        Some(at) => {
            at <= 3
                && words.len() <= 14
                && words
                    .get(at + 1)
                    .is_some_and(|w| super::cues::opens_setting(&w.to_lowercase()))
        }
        None => false,
    }
}

/// The word that ends at `end` (a period's position), back to the white
/// space before it or to `from`.
fn word_before(chars: &[char], from: usize, end: usize) -> &[char] {
    let start = chars[from..end]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(from, |j| from + j + 1);
    &chars[start..end]
}

/// Where a line's words begin after a list's bullet or a quoted reply's
/// mark ("- The Londoners have ...", "• Jo Lee said ...", "> He wrote
/// ..."): the mark is no part of the first sentence, whose first words
/// may name its speaker.
fn list_item_start(chars: &[char], line: Span) -> usize {
    let first = (line.start..line.end).find(|&j| !chars[j].is_whitespace());
    match first {
        Some(j)
            if matches!(chars[j], '-' | '*' | '•' | '·' | '–' | '—' | '>' | '▪' | '◦')
                && chars.get(j + 1).is_some_and(|c| c.is_whitespace()) =>
        {
            j + 1
        }
        // ("•Jo Lee said", ">Jo Lee said": no space after the mark.)
        Some(j) if matches!(chars[j], '•' | '>' | '▪') => j + 1,
        _ => line.start,
    }
}

fn push_trimmed(text: &Text, span: Span, out: &mut Vec<Span>) {
    let trimmed = text.trim(span, "");
    if !trimmed.is_empty() {
        out.push(trimmed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let t = Text::new(text);
        sentences(&t).into_iter().map(|s| t.slice(s)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split(
                "Mr. Peskov met U.S. officials in St. Petersburg on Dec. 18. Vladimir V. Putin called. The C.I.A. agreed."
            ),
            vec![
                "Mr. Peskov met U.S. officials in St. Petersburg on Dec. 18.",
                "Vladimir V. Putin called.",
                "The C.I.A. agreed."
            ]
        );
    }

    #[test]
    fn a_number_with_a_decimal_point_ends_its_sentence() {
        assert_eq!(
            split("Profits rose to $1.5bn. Sales fell 2.5%. It raised $44m (£23.8m). The firm said so."),
            vec![
                "Profits rose to $1.5bn.",
                "Sales fell 2.5%.",
                "It raised $44m (£23.8m).",
                "The firm said so."
            ]
        );
        // A dotted abbreviation after a mark or with a hyphen does not.
        assert_eq!(
            split("He met (U.S. officials) and Sen. Jo Lee, R-S.C. Officials agreed.").len(),
            1
        );
        assert_eq!(split("\"Mr. Lee is right,\" she said.").len(), 1);
    }

    #[test]
    fn no_is_an_answer_unless_a_number_follows() {
        assert_eq!(
            split("Mr Hague replied: \"No. Definitely not.\" He left No. 10 Downing Street."),
            vec![
                "Mr Hague replied: \"No.",
                "Definitely not.\"",
                "He left No. 10 Downing Street."
            ]
        );
    }

    #[test]
    fn a_quoted_question_and_its_attribution_are_one_sentence() {
        assert_eq!(
            split("''Did he?'' Mrs. Clinton said. ''What has he heard?'' she asked."),
            vec![
                "''Did he?'' Mrs. Clinton said.",
                "''What has he heard?'' she asked."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said it was “exemplary.” Then he left. “Really?” she asked."),
            vec![
                "He said it was “exemplary.”",
                "Then he left.",
                "“Really?” she asked."
            ]
        );
    }

    #[test]
    fn a_closing_quote_set_off_by_spaces_stays_with_its_sentence() {
        assert_eq!(
            split("He said: \"We will win. \" A spokesman said no more. \"We won. \" \"Next,\" he said."),
            vec![
                "He said: \"We will win. \"",
                "A spokesman said no more.",
                "\"We won. \"",
                "\"Next,\" he said."
            ]
        );
        // With no quotation open, a detached mark opens one.
        assert_eq!(
            split("He left. \" We will win,\" she said."),
            vec!["He left.", "\" We will win,\" she said."]
        );
    }

    #[test]
    fn two_apostrophes_open_a_new_sentence_as_a_quote_mark_does() {
        assert_eq!(
            split(
                "It was hard, Mr. Lou said. ''So it is hard to say,'' he added. He left 'early.' Then she spoke."
            ),
            vec![
                "It was hard, Mr. Lou said.",
                "''So it is hard to say,'' he added.",
                "He left 'early.'",
                "Then she spoke."
            ]
        );
        // A single quote mark may open a quote within a quote: no new sentence.
        assert_eq!(split("He said \"No. 'It is not' hard.\"").len(), 1);
    }

    #[test]
    fn scraper_boilerplate_is_skipped_but_offsets_stay_true() {
        let text = "Accessibility links\n\nBreaking News\n\nA caption.\nA caption.\n\nPeskov said so.\n";
        let t = Text::new(text);
        let spans = sentences(&t);
        let found: Vec<String> = spans.iter().map(|s| t.slice(*s)).collect();
        assert_eq!(found, vec!["A caption.", "Peskov said so."]);
        assert_eq!(spans[1].start, text.chars().position(|c| c == 'P').unwrap());
    }

    #[test]
    fn a_list_items_bullet_is_no_part_of_its_sentence() {
        let text = "Key points:\n\n• Jo Lee said so.\n - The side lost.\n>He wrote.\n* Ann Roe spoke.\n  • 16x9 Image\n-5 degrees";
        assert_eq!(
            split(text),
            vec![
                "Key points:",
                "Jo Lee said so.",
                "The side lost.",
                "He wrote.",
                "Ann Roe spoke.",
                "-5 degrees"
            ]
        );
    }

    /// The tokens of a whole text, as written.
    fn words_of<'t>(t: &'t Text<'_>) -> Vec<&'t str> {
        tokens(t, Span::new(0, t.chars().len()))
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn tokens_keep_dotted_acronyms_and_apostrophes() {
        let t = Text::new("The U.S. president's aide didn't say.");
        assert_eq!(
            words_of(&t),
            vec!["The", "U.S.", "president's", "aide", "didn't", "say", "."]
        );
    }

    #[test]
    fn tokens_keep_a_number_s_thousands_whole() {
        let t = Text::new("Of 1,000 adults, 2,500,000 said so; in 1998,2004 and 3,40 not.");
        assert_eq!(
            words_of(&t),
            vec![
                "Of",
                "1,000",
                "adults",
                ",",
                "2,500,000",
                "said",
                "so",
                ";",
                "in",
                "1998",
                ",",
                "2004",
                "and",
                "3",
                ",",
                "40",
                "not",
                "."
            ]
        );
    }

    #[test]
    fn tokens_of_a_text_beyond_ascii_are_lowercased_as_their_own_text() {
        // An ASCII word's lowercase form is read from the text's lowercase
        // copy at its own bytes, after characters of two and three bytes.
        let t = Text::new("Zoë — “ÉLAN” told The BBC, Ünal’s O’Neill and McDONALD’S.");
        for token in tokens(&t, Span::new(0, t.chars().len())) {
            assert_eq!(token.lower(), token.text.to_lowercase(), "{token:?}");
        }
    }

    #[test]
    fn sentences_of_a_text_beyond_ascii_end_at_their_own_stops() {
        // Stops found in the input's bytes, counted back in characters.
        assert_eq!(
            split("Zoë Ünal said “no.” Then É. Lee left! Did he? Yes\nÇa va. Fin"),
            vec![
                "Zoë Ünal said “no.”",
                "Then É. Lee left!",
                "Did he?",
                "Yes",
                "Ça va.",
                "Fin"
            ]
        );
    }

    #[test]
    fn tokens_of_a_text_beyond_ascii_read_their_own_characters() {
        // Spans count code points; each token's text is read from the
        // input's bytes, which the characters before it outnumber.
        let input = "Zoë Ünal said “fine” — É-mail’s end.";
        let t = Text::new(input);
        let found = tokens(&t, Span::new(0, t.chars().len()));
        for token in &found {
            assert_eq!(token.text, t.slice(token.span), "{token:?}");
        }
        let words: Vec<&str> = found.iter().map(|w| w.text).collect();
        assert_eq!(
            words,
            vec![
                "Zoë",
                "Ünal",
                "said",
                "“",
                "fine",
                "”",
                "—",
                "É-mail’s",
                "end",
                "."
            ]
        );
        assert_eq!(found[1].lower(), "ünal");
        // A span reaching past the end is cut at the end.
        assert_eq!(t.source(Span::new(32, 99)), "end.");
    }
}
