//! Speakers: a per-article table of people and organizations built from
//! full mentions, so that later surnames, role phrases and pronouns resolve
//! to the entity they refer to; with a database, known names and aliases
//! resolve first.

use std::collections::HashMap;

use super::text::Token;

/// Pronouns that may stand for a speaker.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// The article's people and organizations, learned from full mentions, so
/// that later surname-only mentions and pronouns resolve to them.
pub(super) struct Speakers<'k> {
    known: &'k HashMap<String, String>,
    /// Surname (lowercase) to the full name first seen with it.
    surnames: HashMap<String, String>,
    /// The last person named as a speaker, for "he"/"she".
    last_person: Option<String>,
    /// The last speaker of any kind, for "they"/"it".
    last_any: Option<String>,
    /// The person a previous sentence opened with, for "he"/"she".
    last_subject: Option<String>,
    /// The person the current sentence opens with, promoted to
    /// `last_subject` when the next sentence starts.
    sentence_subject: Option<String>,
}

impl<'k> Speakers<'k> {
    pub(super) fn new(known: &'k HashMap<String, String>) -> Self {
        Speakers {
            known,
            surnames: HashMap::new(),
            last_person: None,
            last_any: None,
            last_subject: None,
            sentence_subject: None,
        }
    }

    /// Learns full names (two or more capitalized words) from a sentence.
    pub(super) fn learn(&mut self, tokens: &[Token]) {
        if let Some(subject) = self.sentence_subject.take() {
            self.last_subject = Some(subject);
        }
        // The sentence's subject: a known person's surname or full name
        // among its first words ("Putin, whose country ...").
        for t in tokens.iter().take(4).filter(|t| t.is_word() && t.capitalized()) {
            let word = t
                .lower()
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string();
            if let Some(full) = self.surnames.get(&word) {
                self.sentence_subject = Some(full.clone());
                break;
            }
        }
        let mut run: Vec<&str> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let capitalized =
                t.is_word() && t.capitalized() && !(i == 0 && FUNCTION_WORDS.contains(&t.lower()));
            if capitalized {
                run.push(&t.text);
            }
            if !capitalized || i + 1 == tokens.len() {
                let start = run
                    .iter()
                    .rposition(|w| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
                    .map_or(0, |t| t + 1);
                let mut name: Vec<String> = run[start..].iter().map(|w| w.to_string()).collect();
                if let Some(last) = name.last_mut() {
                    *last = last.trim_end_matches("'s").trim_end_matches("’s").to_string();
                }
                if name.len() >= 2 {
                    let surname = name[name.len() - 1].to_lowercase();
                    self.surnames.entry(surname).or_insert(name.join(" "));
                }
                run.clear();
            }
        }
    }

    /// The source a mention refers to.
    pub(super) fn resolve(&mut self, mention: &str) -> String {
        let folded = crate::names::fold_name(mention);
        if PRONOUNS.contains(&folded.as_str()) {
            let previous = if matches!(folded.as_str(), "he" | "she") {
                self.last_subject.clone().or_else(|| self.last_person.clone())
            } else {
                self.last_any.clone()
            };
            return previous.unwrap_or_else(|| mention.to_string());
        }
        // A known name or alias anywhere in the mention, the longest first:
        // "Russian President Vladimir Putin's spokesman" holds the alias
        // "Putin's spokesman"; "The White House readout", "White House".
        if !self.known.is_empty() {
            let words: Vec<&str> = folded.split(' ').collect();
            for len in (1..=words.len()).rev() {
                for start in 0..=words.len() - len {
                    let phrase = words[start..start + len].join(" ");
                    if let Some(name) = self.known.get(&phrase) {
                        return self.remember(name.clone(), true);
                    }
                }
            }
        }
        // The trailing run of capitalized words is the name: "Kremlin
        // spokesman Dmitry Peskov" -> "Dmitry Peskov"; a possessive role
        // phrase ("Putin's spokesman") is kept whole.
        let words: Vec<&str> = mention.split_whitespace().collect();
        let tail: Vec<&str> = words
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // "the ambassador to Russia": the name is the object of a
        // preposition, and the phrase itself names the speaker.
        let after_preposition = words.len() > tail.len()
            && matches!(
                words[words.len() - tail.len() - 1].to_lowercase().as_str(),
                "to" | "of" | "for" | "from" | "in" | "at" | "on" | "with"
            );
        if tail.is_empty()
            || after_preposition
            || words
                .last()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            return self.remember(mention.to_string(), false);
        }
        let tail: Vec<&str> = tail
            .iter()
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
            .collect();
        // "The Kremlin" and "the Kremlin" are one source.
        let tail: Vec<&str> = match tail.split_first() {
            Some((first, rest)) if !rest.is_empty() && matches!(*first, "The" | "A" | "An") => rest.to_vec(),
            _ => tail,
        };
        // Titles are part of the phrase, not the name: the name is what
        // follows the last one ("U.S. President Donald Trump").
        let tail: Vec<&str> = match tail
            .iter()
            .rposition(|w| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        {
            Some(last) if last + 1 < tail.len() => tail[last + 1..].to_vec(),
            _ => tail,
        };
        let name = tail.join(" ");
        if let Some(known) = self.known.get(&crate::names::fold_name(&name)) {
            return self.remember(known.clone(), true);
        }
        if tail.len() == 1
            && let Some(full) = self.surnames.get(&name.to_lowercase())
        {
            return self.remember(full.clone(), true);
        }
        self.remember(name, tail.len() >= 2)
    }

    fn remember(&mut self, name: String, person_like: bool) -> String {
        if person_like {
            self.last_person = Some(name.clone());
        }
        self.last_any = Some(name.clone());
        name
    }
}

/// Capitalized words that are titles, not names.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "mayor",
    "senator",
    "sen",
    "governor",
    "gov",
    "representative",
    "rep",
    "mr",
    "mrs",
    "ms",
    "dr",
    "secretary",
    "minister",
    "prime",
    "ambassador",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "gen",
    "judge",
    "justice",
    "pope",
    "king",
    "queen",
    "prince",
    "chancellor",
    "speaker",
    "leader",
    "attorney",
    "adviser",
    "advisor",
    "commissioner",
    "sheriff",
    "chief",
    "professor",
    "prof",
    "candidate",
    "nominee",
    "democrat",
    "republican",
    "sgt",
    "col",
    "lt",
    "capt",
    "officer",
];

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "but", "and", "in", "on", "at", "as", "after", "before", "when", "while", "if", "it",
    "this", "that",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::{self, Span, Text};

    fn learn(speakers: &mut Speakers<'_>, sentence: &str) {
        let t = Text::new(sentence);
        speakers.learn(&text::tokens(&t, Span::new(0, t.chars().len())));
    }

    #[test]
    fn titles_go_and_surnames_come_back_to_the_full_name() {
        let known = HashMap::new();
        let mut speakers = Speakers::new(&known);
        learn(
            &mut speakers,
            "Russian President Vladimir Putin's spokesman spoke.",
        );
        assert_eq!(speakers.resolve("U.S. President Donald Trump"), "Donald Trump");
        assert_eq!(speakers.resolve("Putin"), "Vladimir Putin");
        assert_eq!(speakers.resolve("The Kremlin"), speakers.resolve("the Kremlin"));
        assert_eq!(
            speakers.resolve("the U.S. ambassador to Russia"),
            "the U.S. ambassador to Russia"
        );
    }

    #[test]
    fn pronouns_follow_the_previous_sentences_subject() {
        let known = HashMap::new();
        let mut speakers = Speakers::new(&known);
        learn(&mut speakers, "Vladimir Putin spoke first.");
        learn(
            &mut speakers,
            "Putin, whose country was attacked, accused the West.",
        );
        learn(&mut speakers, "He has claimed more.");
        assert_eq!(speakers.resolve("he"), "Vladimir Putin");
    }

    #[test]
    fn known_aliases_inside_a_mention_win() {
        let known = HashMap::from([("putin's spokesman".to_string(), "Dmitry Peskov".to_string())]);
        let mut speakers = Speakers::new(&known);
        assert_eq!(
            speakers.resolve("Russian President Vladimir Putin's spokesman"),
            "Dmitry Peskov"
        );
    }
}
