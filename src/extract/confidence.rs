//! How sure a proposal is: the chance it is right, from a logistic model
//! over what the rules saw (the pattern, the cue word, what kind of phrase
//! the speaker is, the claim's length and first word, the other proposals
//! of its sentence). The weights were fitted offline on PolNeAR's train
//! split (`tools/fit_confidence.py`, from the features
//! `examples/confidence_features.rs` prints) and ship as data,
//! `confidence.tsv`, read once; `claims evaluate` prints how they rank on
//! dev.

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

use super::Proposal;
use super::speakers::PRONOUNS;
use super::text::Lowercase;

/// The fitted weights: one `feature<TAB>weight` per line; `bias` is the
/// intercept. A feature the file does not name weighs nothing.
const WEIGHTS: &str = include_str!("confidence.tsv");

fn weights() -> &'static HashMap<&'static str, f64> {
    static PARSED: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    PARSED.get_or_init(|| {
        WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, weight) = l.split_once('\t')?;
                Some((name, weight.trim().parse().ok()?))
            })
            .collect()
    })
}

/// The chance a proposal with these features is right.
#[cfg(test)]
pub(super) fn probability(features: &[String]) -> f64 {
    let mut score = Score::new(false);
    for feature in features {
        score.add(&[feature]);
    }
    score.probability()
}

/// The model's sum over a proposal's features, each name joined in one
/// buffer and looked up: naming some 25 features a proposal as strings of
/// their own was a tenth of the extraction's instructions. The names are
/// kept only when asked for (`extract_explained`).
pub(super) struct Score {
    name: String,
    /// The features' weights added up, apart from the intercept: added to
    /// it at the end, in the order the figures have always been summed.
    sum: f64,
    names: Option<Vec<String>>,
}

impl Score {
    /// A score of no features yet, keeping their names if `named`.
    pub(super) fn new(named: bool) -> Score {
        Score {
            name: String::with_capacity(64),
            sum: -0.0,
            names: named.then(|| Vec::with_capacity(28)),
        }
    }

    /// Adds the feature whose name is `parts` joined.
    fn add(&mut self, parts: &[&str]) {
        self.name.clear();
        for part in parts {
            self.name.push_str(part);
        }
        if let Some(weight) = weights().get(self.name.as_str()) {
            self.sum += weight;
        }
        if let Some(names) = &mut self.names {
            names.push(self.name.clone());
        }
    }

    /// The chance a proposal with the features added is right.
    pub(super) fn probability(&self) -> f64 {
        let z = weights().get("bias").copied().unwrap_or(0.0) + self.sum;
        1.0 / (1.0 + (-z).exp())
    }

    /// The features' names, if they were kept; else none.
    pub(super) fn into_names(self) -> Vec<String> {
        self.names.unwrap_or_default()
    }
}

/// What the whole article says about its speakers: a real speaker is
/// usually named more than once and says more than one thing, where a
/// place, a month or a clause fragment taken for a speaker ("WASHINGTON
/// saying", "Hours telling") turns up once.
pub struct Article {
    /// The speakers' last words, with how often the article writes each
    /// capitalized.
    capitalized: HashMap<String, usize>,
    /// Proposals per source.
    claims_by: HashMap<String, usize>,
}

impl Article {
    /// What the article says of the speakers of `proposals`.
    pub fn of(input: &str, proposals: &[Proposal]) -> Article {
        // Only the speakers' last words are counted, each by a substring
        // search of the article (a handful an article): a table of every
        // capitalized word cost 8% of the extraction's instructions, and a
        // scan of every byte for capitalized words 4%.
        let mut capitalized: HashMap<String, usize> = HashMap::new();
        for proposal in proposals {
            let word = last_word(&proposal.source);
            if !capitalized.contains_key(word) {
                capitalized.insert(word.to_string(), times_capitalized(input, word));
            }
        }
        let mut claims_by: HashMap<String, usize> = HashMap::new();
        for proposal in proposals {
            *claims_by.entry(proposal.source.clone()).or_default() += 1;
        }
        Article {
            capitalized,
            claims_by,
        }
    }

    /// How often the article names this source by its last word (a
    /// surname, an organization's head word); 0 for a pronoun or a
    /// lowercase description.
    fn mentions(&self, source: &str) -> usize {
        self.capitalized.get(last_word(source)).copied().unwrap_or(0)
    }
}

/// How many times `word` stands in `input` as a whole word (letters,
/// digits and hyphens, as `last_word` splits) that opens with an uppercase
/// letter.
fn times_capitalized(input: &str, word: &str) -> usize {
    if !word.starts_with(char::is_uppercase) {
        return 0;
    }
    let in_word = |c: char| c.is_alphanumeric() || c == '-';
    // No valid match is lost to one that overlaps it: a whole word is
    // preceded by a character that is no part of a word, and an earlier
    // match overlapping it would have put a word's character there.
    // (memchr's searcher: vectorised, where `match_indices` is not.)
    memchr::memmem::find_iter(input.as_bytes(), word.as_bytes())
        .filter(|&at| {
            !input[..at].chars().next_back().is_some_and(in_word)
                && !input[at + word.len()..].chars().next().is_some_and(in_word)
        })
        .count()
}

/// A source's last word, as the article's words are split.
fn last_word(source: &str) -> &str {
    source
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
}

/// What the model reads of a proposal, given every proposal of the same
/// sentence (itself included) and the article: indicator features, each
/// added to `out`.
pub(super) fn describe(
    proposal: &Proposal,
    sentence: &[Proposal],
    sentence_words: usize,
    article: &Article,
    out: &mut Score,
) {
    let pattern = proposal.pattern;
    out.add(&["pattern=", pattern]);
    if proposal.quote.is_some() {
        out.add(&["quoted"]);
        out.add(&["quoted&pattern=", pattern]);
    }
    let mention: Vec<&str> = proposal.mention.text.split_whitespace().collect();
    let first = mention.first().map(|w| w.lowercase()).unwrap_or_default();
    let kind = if mention.len() == 1 && PRONOUNS.contains(&first.as_str()) {
        "pronoun"
    } else if matches!(first.as_str(), "who" | "which") {
        "relative"
    } else if matches!(first.as_str(), "the" | "a" | "an") {
        "description"
    } else if mention.first().is_some_and(|w| w.starts_with(char::is_uppercase)) {
        "name"
    } else {
        "other"
    };
    out.add(&["mention=", kind]);
    out.add(&["mention=", kind, "&pattern=", pattern]);
    out.add(&["mention_words=", &bucket(mention.len(), &[1, 2, 3, 5])]);
    // "Mr. Obama scrutinized reports": a clause, not a speaker.
    if mention.len() > 1 && mention.last().is_some_and(|w| w.starts_with(char::is_lowercase)) {
        out.add(&["mention_ends_lowercase"]);
    }
    if mention
        .iter()
        .any(|w| w.chars().any(|c| matches!(c, '(' | ')' | '>' | '<' | '-' | '\'')))
    {
        out.add(&["mention_odd_marks"]);
    }
    let cue = proposal.cue.text.lowercase();
    out.add(&["cue=", &cue]);
    out.add(&["cue=", &cue, "&quoted=", truth(proposal.quote.is_some())]);
    let content_opening = proposal.content.text.split_whitespace().next();
    let content_words = count_words(&proposal.content.text);
    let content_first = content_opening
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).lowercase())
        .unwrap_or_default();
    out.add(&["content_first=", &content_first]);
    let first_kind = match content_opening {
        None => "none",
        Some(_) if PRONOUNS.contains(&content_first.as_str()) || content_first == "you" => "pronoun",
        Some(_)
            if matches!(
                content_first.as_str(),
                "the" | "a" | "an" | "this" | "that" | "there" | "his" | "her" | "their" | "its"
            ) =>
        {
            "determiner"
        }
        Some(w) if w.starts_with(char::is_uppercase) => "capitalized",
        Some(w) if w.starts_with(|c: char| c.is_ascii_digit()) => "number",
        Some(_) => "lowercase",
    };
    out.add(&["content_first_kind=", first_kind]);
    out.add(&["content_first_kind=", first_kind, "&pattern=", pattern]);
    let form = if cue.ends_with("ed") || cue == "told" || cue == "said" || cue == "wrote" {
        "past"
    } else if cue.ends_with("ing") {
        "participle"
    } else if cue.ends_with('s') {
        "s"
    } else if cue.contains(' ') {
        "phrase"
    } else {
        "bare"
    };
    out.add(&["cue_form=", form]);
    out.add(&["cue_form=", form, "&mention=", kind]);
    out.add(&["content_words=", &bucket(content_words, &[3, 6, 12, 25, 50])]);
    out.add(&["sentence_words=", &bucket(sentence_words, &[10, 20, 35, 60])]);
    out.add(&["sentence_proposals=", &bucket(sentence.len(), &[1, 2, 3])]);
    let span = proposal.content.span();
    let cue_span = proposal.cue.span();
    // Inside another proposal's claim: a report within a report.
    if sentence
        .iter()
        .any(|o| !std::ptr::eq(o, proposal) && o.content.span().overlap(&cue_span) > 0)
    {
        out.add(&["cue_inside_other_claim"]);
        out.add(&["cue_inside_other_claim&pattern=", pattern]);
    }
    if sentence
        .iter()
        .any(|o| !std::ptr::eq(o, proposal) && span.overlap(&o.cue.span()) > 0)
    {
        out.add(&["claim_holds_other_cue"]);
    }
    let first_cue = sentence.iter().map(|o| o.cue.start).min() == Some(proposal.cue.start);
    out.add(&["first_cue=", truth(first_cue)]);
    out.add(&[
        "claim_ends_sentence=",
        truth(span.end + 2 >= proposal.sentence.end),
    ]);
    out.add(&[
        "mention_starts_sentence=",
        truth(proposal.mention.start <= proposal.sentence.start + 1),
    ]);
    let source_words = proposal.source.split_whitespace().count();
    let resolved = if proposal.source == proposal.mention.text {
        "as_written"
    } else if source_words >= 2 {
        "to_a_name"
    } else {
        "to_a_word"
    };
    out.add(&["resolved=", resolved]);
    let named = bucket(article.mentions(&proposal.source), &[0, 1, 3]);
    out.add(&["source_named=", &named]);
    out.add(&["source_named=", &named, "&mention=", kind]);
    let claims = bucket(
        article.claims_by.get(&proposal.source).copied().unwrap_or(0),
        &[1, 2, 4],
    );
    out.add(&["source_claims=", &claims]);
}

/// How many words white space splits `text` into, as `split_whitespace`
/// counts them: read once, character by character (the iterator's
/// searching cost a claim's text a few thousand instructions).
fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    // (An ASCII text byte by byte, with no decoding: its white space is
    // the space and tab to carriage return.)
    if text.is_ascii() {
        for &b in text.as_bytes() {
            let space = b == b' ' || (b'\t'..=b'\r').contains(&b);
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        return words;
    }
    for c in text.chars() {
        let space = c.is_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// How a yes-or-no feature is written.
fn truth(yes: bool) -> &'static str {
    if yes { "true" } else { "false" }
}

/// The label of the first bound `n` is at most, or the last bound and up.
fn bucket(n: usize, bounds: &[usize]) -> String {
    let (sign, bound) = match bounds.iter().find(|&&b| n <= b) {
        Some(b) => ("<=", b),
        None => (">", &bounds[bounds.len() - 1]),
    };
    // Digits written by hand: `to_string` goes through the formatting
    // machinery, which cost 2% of the extraction at six buckets a proposal.
    let mut label = String::with_capacity(sign.len() + 20);
    label.push_str(sign);
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = *bound;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    label.extend(digits[at..].iter().map(|&d| char::from(d)));
    label
}

#[cfg(test)]
mod tests {
    use super::{bucket, count_words, times_capitalized};

    #[test]
    fn words_are_counted_as_white_space_splits_them() {
        for text in [
            "",
            " ",
            "one",
            "  two  words ",
            "a\u{a0}b\tc\nd",
            "a\x0bb\x0cc\rd\x1ce f",
            "“Q,” he said",
            "x\u{2003}y z",
        ] {
            assert_eq!(count_words(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn buckets_are_labelled_by_their_bound() {
        assert_eq!(bucket(0, &[0, 1, 3]), "<=0");
        assert_eq!(bucket(2, &[0, 1, 3]), "<=3");
        assert_eq!(bucket(12, &[3, 6, 12, 25, 50]), "<=12");
        assert_eq!(bucket(61, &[10, 20, 35, 60]), ">60");
        assert_eq!(bucket(1_000_000, &[120]), ">120");
    }

    #[test]
    fn capitalized_words_are_counted_as_the_article_is_split() {
        let text = "Mr Kilroy-Silk told BBC's Today: \"É-mail Ünal-Çelik said 2005 -Nope and G8.\" \
                    end Zoë, BBC-TV, xBBC, BBC2 and BBC. Silk Kilroy-Silk";
        let reference = |word: &str| {
            text.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| w.starts_with(char::is_uppercase) && *w == word)
                .count()
        };
        for word in [
            "Mr",
            "Kilroy-Silk",
            "Silk",
            "BBC",
            "Today",
            "É-mail",
            "Ünal-Çelik",
            "G8",
            "Zoë",
            "Nope",
            "end",
            "said",
            "",
            "Absent",
        ] {
            assert_eq!(times_capitalized(text, word), reference(word), "{word}");
        }
        assert_eq!(times_capitalized(text, "BBC"), 2);
        assert_eq!(times_capitalized(text, "Silk"), 1);
        assert_eq!(times_capitalized(text, "Kilroy-Silk"), 2);
        assert_eq!(times_capitalized(text, "end"), 0);
    }
}
