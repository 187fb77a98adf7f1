//! The attribution patterns: which tokens of a sentence are a reporting
//! cue, who the speaker phrase is, and what is claimed.
//!
//! - `"Q," NP said.` and `"Q," said NP.`
//! - `NP said (that) S`, with `NP has said`, `NP, the title, said`,
//!   `But NP said`, `X ... and said`, and nested `the three men deny ...`
//! - `S, NP said.`
//! - `According to NP, S` and `S, according to NP`

use super::cues;
use super::speakers::PRONOUNS;
use super::text::{Span, Token, capitalized_run};
use super::wordset::WordSet;

/// Conjunctions that open a subordinate clause, whose subject may be the
/// speaker of a cue right after it.
const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "because", "as", "while", "since", "until", "although", "though",
];

/// Where the subject of a clause that opens just before the cue starts:
/// a pronoun ("... was booed when she said") or a plain group of people
/// ("That is why critics say", "and many economists say"), after a
/// conjunction or a "why".
fn trailing_clause_subject(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    // "..., on Tuesday night he said": a time or place, then the pronoun;
    // "In a letter to his constituency chairman he wrote:", a longer one
    // when it opens the sentence, with no comma to close it. (Only with no
    // verb before the pronoun: "the money he says is his", "the side of
    // him that she knows" are no reports. A word after a determiner is no
    // verb: "at his weekly press conference".)
    let opens_sentence = tokens[..from]
        .iter()
        .all(|t| !t.is_word() || LEADING.contains(&t.lower()));
    if to > from + 1
        && (to - from <= 6 || opens_sentence)
        && matches!(tokens[to - 1].lower(), "he" | "she" | "they" | "we")
        && PREPOSITIONS.contains(&tokens[from].lower())
        && (from..to - 1).all(|i| {
            let t = &tokens[i];
            t.is_word()
                && (!looks_like_verb(t) || after_determiner(tokens, i))
                && !matches!(t.lower(), "which" | "whom" | "who" | "that")
        })
    {
        return Some(to - 1);
    }
    let opener = (from..to).rev().take(5).find(|&j| {
        let word = tokens[j].lower();
        SUBORDINATORS.contains(&word) || matches!(word, "where" | "and" | "but" | "why")
    })?;
    let subject = &tokens[opener + 1..to];
    let words: Vec<&Token> = subject.iter().filter(|t| t.is_word()).collect();
    let pronoun = subject.len() == 1 && matches!(subject[0].lower(), "he" | "she" | "they" | "we");
    // ("strength through individual women telling": a phrase, not a subject.)
    let group = !words.is_empty()
        && words.len() == subject.len()
        && people_group(&words)
        && !words.iter().any(|w| PREPOSITIONS.contains(&w.lower()));
    (opener > from && (pronoun || group)).then_some(opener + 1)
}

/// Where the subject of a subordinate clause starts when tokens[from..to]
/// is a clause and the start of another, its subject just before the cue:
/// "Clinton beamed as she", "the crowd booed when he", "The market fell
/// after the minister". The clause before has a verb ("after" and "before"
/// are prepositions too: "A few weeks after Obama" is a time, and its name
/// is found later), and the subject after the conjunction is a phrase of
/// its own with no verb ("Surveys taken as they entered the hall" is one
/// subject).
fn subordinate_subject(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    let conjunction = (from + 1..to.saturating_sub(1)).rev().find(|&j| {
        let word = tokens[j].lower();
        let as_comparison = word == "as"
            && (matches!(
                tokens[j - 1].lower(),
                "such" | "well" | "many" | "much" | "same" | "soon" | "long" | "far"
            ) || matches!(tokens[j + 1].lower(), "many" | "much" | "well" | "far" | "long"));
        tokens[j].is_word()
            && !tokens[j].capitalized()
            && (SUBORDINATORS.contains(&word) || word == "whenever")
            && !as_comparison
    })?;
    let clause = &tokens[from..conjunction];
    let subject = &tokens[conjunction + 1..to];
    let has_verb = clause.iter().any(looks_like_verb);
    (has_verb && plain_subject(subject) && plausible_speaker(subject)).then_some(conjunction + 1)
}

/// Whether a phrase is a subject and nothing more: at most six words, no
/// punctuation but a title's full stop, no verb or adverb ("he made
/// controversial", "he obviously"), a pronoun only first ("Sunday's
/// announcement they"), no "but" or "or" joining two clauses, none of the
/// prepositions that start an adjunct ("Christmas with some"), and it ends
/// on a noun, not a determiner, a possessive or a time ("2005 and the",
/// "reporters'", "after 30 years").
fn plain_subject(phrase: &[Token]) -> bool {
    let Some(last) = phrase.last() else {
        return false;
    };
    phrase.len() <= 8
        && phrase.iter().filter(|t| t.is_word()).count() <= 6
        && phrase.iter().all(|t| t.is_word() || t.text == ".")
        && !phrase.iter().any(verb_not_by_s)
        && !phrase[1..].iter().any(|t| PRONOUNS.contains(&t.lower()))
        && !phrase.iter().any(|t| {
            matches!(
                t.lower(),
                "but"
                    | "or"
                    | "with"
                    | "from"
                    | "to"
                    | "by"
                    | "after"
                    | "before"
                    | "than"
                    | "into"
                    | "over"
                    | "without"
            )
        })
        && !DETERMINERS.contains(&last.lower())
        && !PREPOSITIONS.contains(&last.lower())
        && !last.text.ends_with(['\'', '’'])
        && !is_time_word(last.lower())
        && !matches!(
            last.lower(),
            "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "decades"
        )
}

/// The name that opens tokens[from..to] as its subject: one to four
/// capitalized words (not a possessive: "Trump's biggest applause" is not
/// Trump) followed by its verb.
fn opening_name_of_clause(tokens: &[Token], from: usize, to: usize) -> Option<Span> {
    let end = (from..to).find(|&i| !(tokens[i].capitalized() || tokens[i].text == "."))?;
    let name = &tokens[from..end];
    let words = name.iter().filter(|t| t.is_word()).count();
    // (The verb is a lowercase word. One word and a verb known only by its
    // "s" may be a noun phrase: "Phone companies refuse ...".)
    let verb = &tokens[end];
    ((1..=4).contains(&words)
        && (verb_not_by_s(verb) || words > 1 && looks_like_verb(verb))
        && !DETERMINERS.contains(&tokens[from].lower())
        && !name.iter().any(|t| t.text.contains(['\'', '’'])))
    .then(|| Span::new(tokens[from].span.start, tokens[end - 1].span.end))
}

/// Whether the aside from `open` (a comma or a dash) to `close` is about
/// a speaker before it: it holds no report of its own, and the phrase
/// before it could be a speaker, past an opening "Yet" or "But" ("Yet
/// economists, like their rivals, say").
fn speaker_before_aside(tokens: &[Token], open: usize, close: usize) -> bool {
    if (open + 1..close).any(|k| is_cue(tokens, k)) {
        return false;
    }
    let start = phrase_start(tokens, open);
    let group = (start..open)
        .find(|&k| !LEADING.contains(&tokens[k].lower()))
        .unwrap_or(open);
    group < open && plausible_speaker(&tokens[group..open])
}

/// Where the phrase that ends at `end` starts: after the last comma,
/// semicolon, colon or closing quote mark before it (not the apostrophe
/// of a plural's possessive, "Sanders’ campaign").
fn phrase_start(tokens: &[Token], end: usize) -> usize {
    (0..end)
        .rev()
        .find(|&i| {
            matches!(tokens[i].text, "," | ";" | ":")
                || is_close_quote(&tokens[i]) && !plural_possessive(tokens, i)
        })
        .map_or(0, |b| b + 1)
}

/// Whether the verb of a subject ending at `end` follows it, right after
/// it or after an aside set off by commas ("Dr Lee, on his first day in
/// the job, admitted ...").
fn verb_after_subject(tokens: &[Token], end: usize) -> bool {
    match tokens.get(end) {
        Some(t) if t.text == "," => tokens[end + 1..]
            .iter()
            .take(25)
            .take_while(|t| !matches!(t.text, "." | ";" | ":") && !is_open_quote(t) && !is_close_quote(t))
            .position(|t| t.text == ",")
            .is_some_and(|at| tokens.get(end + 2 + at).is_some_and(looks_like_verb)),
        // ("the Pro-Life Alliance \"congratulated\" him": a verb in quotes.)
        Some(t) if is_open_quote(t) => tokens.get(end + 1).is_some_and(looks_like_verb),
        Some(t) => looks_like_verb(t),
        None => false,
    }
}

/// "political scientists", "local party leaders": a short lowercase
/// phrase headed by a plural noun for people.
fn people_group(words: &[&Token]) -> bool {
    words.len() <= 4
        && words
            .iter()
            .all(|w| !w.capitalized() && !w.text.contains(['\'', '’']) && w.lower() != "what")
        && words.last().is_some_and(|w| {
            let last = w.lower();
            SPEAKER_NOUNS.contains(&last)
                || ["ists", "ers", "ians", "ors", "ics", "ents", "ats", "ants", "ives"]
                    .iter()
                    .any(|end| last.len() > end.len() + 2 && last.ends_with(end))
        })
}

/// Where a subject described rather than named ends, when one opens at
/// `first`: a determiner and at most three lowercase words, the last of
/// them a noun for people, a body or a document ("the league", "some
/// senators", "the sworn affidavit"), followed by a lowercase word (its
/// verb) before `to`.
fn described_subject(tokens: &[Token], first: usize, to: usize) -> Option<usize> {
    if !DETERMINERS.contains(&tokens[first].lower()) {
        return None;
    }
    // (The longest: "A Labour party spokesman", not "A Labour party".)
    (first + 2..=(first + 4).min(to.saturating_sub(1)))
        .rev()
        .find(|&end| {
            let words = &tokens[first + 1..end];
            // ("The Tory co-chairman": a party or a place may qualify the
            // noun, and a post's prefix is no part of it.)
            let head = tokens[end - 1].lower();
            let head = head
                .split_once('-')
                .filter(|(prefix, _)| matches!(*prefix, "co" | "vice" | "deputy" | "acting" | "ex"))
                .map_or(head, |(_, noun)| noun);
            words.iter().all(|t| t.is_word())
                && !tokens[end - 1].capitalized()
                && (SPEAKER_NOUNS.contains(&head)
                    || is_inverted_role(head)
                    // ("The Australian-born actress stopped to sign
                    // autographs and joked")
                    || super::speakers::is_occupation(head)
                    || INSTITUTIONS.contains(&head)
                    || EVIDENCE.contains(&head)
                    || matches!(
                        head,
                        "affidavit" | "statement" | "letter" | "memo" | "filing" | "lawsuit" | "league"
                    )
                    || people_group(&words.iter().collect::<Vec<_>>()))
                && tokens[end].is_word()
                && !tokens[end].capitalized()
        })
}

/// Where a subject that a relative clause follows ends, when
/// tokens[from..to] is that subject and the clause: "Hawkins and others
/// who oppose the law", "Friends of Mr. Lee who have seen him". The clause
/// is a few words with no punctuation and no report of its own ("the man
/// who said he saw it" reports inside a report), and does not end in a
/// conjunction ("... who backed her and": the next clause's subject).
/// The clause has a verb of its own: in "women who he said are poor" the
/// speaker is the one inside it. And the cue `c` is a verb: in "the player
/// who staked the biggest claim" it is a noun.
fn subject_before_relative(tokens: &[Token], from: usize, to: usize, c: usize) -> Option<usize> {
    // ("The lawyers for two suspects being held without trial told a
    // court S": a passive participle's clause, as "who are being held".)
    let who = (from + 1..to).find(|&i| {
        tokens[i].text == "who"
            || tokens[i].lower() == "being"
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| looks_like_verb(t) && !t.lower().ends_with('s'))
    })?;
    let clause = &tokens[who + 1..to];
    let plain = !clause.is_empty()
        && clause.len() <= 12
        && clause.iter().all(|t| t.is_word())
        && !clause
            .last()
            .is_some_and(|t| matches!(t.lower(), "and" | "or" | "but"))
        && clause
            .iter()
            .any(|t| !t.capitalized() && !PRONOUNS.contains(&t.lower()))
        && !(cues::is_ambiguous_noun(tokens[c].text) && after_determiner(tokens, c))
        && !(who + 1..to).any(|i| is_cue(tokens, i));
    // ("Those who oppose it say": a pronoun alone names no one.)
    let bare = who == from + 1
        && matches!(
            tokens[from].lower(),
            "those" | "some" | "many" | "others" | "all" | "most" | "few" | "anyone" | "everyone" | "people"
        );
    (plain && !bare && plausible_speaker(&tokens[from..who])).then_some(who)
}

/// Whether a lowercase word may open a subject's predicate: a verb in the
/// past or the third person ("criticized", "believes", "told", "spoke"),
/// an auxiliary or a modal ("did", "would"), or an adverb before the verb
/// ("also", "never", "recently").
pub(super) fn looks_like_verb(token: &Token) -> bool {
    let word = token.lower();
    token.is_word()
        && !token.capitalized()
        && (word.ends_with("ed")
            || word.ends_with('s') && !word.ends_with("ss") && !ends_in_s_but_no_verb(word)
            || word.ends_with("ly")
            || AUXILIARIES.contains(&word)
            || is_irregular_past(word)
            || matches!(word, "didn't" | "didn’t" | "never" | "do")
            || is_modal(word))
}

/// Whether a lowercase word is the past form of a common verb that does
/// not end in "-ed" ("said", "took", "rose").
fn is_irregular_past(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "told"
            | "wrote"
            | "spoke"
            | "gave"
            | "made"
            | "took"
            | "went"
            | "came"
            | "met"
            | "led"
            | "won"
            | "lost"
            | "held"
            | "left"
            | "sent"
            | "put"
            | "got"
            | "saw"
            | "knew"
            | "thought"
            | "felt"
            | "kept"
            | "brought"
            | "began"
            | "became"
            | "did"
            | "rose"
            | "fell"
            | "grew"
            | "sold"
            | "paid"
    )
}

/// Words whose final "s" makes no verb: possessives and other function
/// words ("In a letter to his chairman he wrote": "his" is no predicate),
/// and adjectives in "-ous" ("previous", "serious").
fn ends_in_s_but_no_verb(word: &str) -> bool {
    word.ends_with("ous")
        || matches!(
            word,
            "his" | "its" | "this" | "us" | "as" | "thus" | "plus" | "yes" | "whereas" | "unless" | "across"
        )
}

/// Whether a lowercase word is a preposition ("of", "against"): where a
/// phrase before a name stops being its role.
pub(super) fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(&word) || matches!(word, "against" | "towards" | "toward" | "behind" | "beyond")
}

/// Whether a lowercase word before a role is a verb, "the display
/// impressed coach Ann Lee": past or auxiliary, not an adverb in "-ly"
/// (which "assembly member" ends like).
pub(super) fn is_verb_before_role(token: &Token) -> bool {
    verb_not_by_s(token) && !token.lower().ends_with("ly")
}

/// Whether a word looks like a verb by more than a final "s", which
/// plural nouns end in too ("companies", "figures").
fn verb_not_by_s(token: &Token) -> bool {
    looks_like_verb(token) && (!token.lower().ends_with('s') || AUXILIARIES.contains(&token.lower()))
}

/// Whether a token is an age: a number of one to three digits.
fn is_age(token: &Token) -> bool {
    (1..=3).contains(&token.text.len()) && token.text.chars().all(|c| c.is_ascii_digit())
}

/// Whether the word at `c` follows a determiner or an adjective that
/// comes before nouns ("his remarks", "the biggest claim", "a new
/// report"): a noun, not a verb ("... at the market say").
fn after_determiner(tokens: &[Token], c: usize) -> bool {
    c > 0 && {
        let before = tokens[c - 1].lower();
        DETERMINERS.contains(&before)
            || before.ends_with("est")
            || matches!(before, "new" | "first" | "own" | "recent" | "initial" | "final")
    }
}

/// Where the name that ends tokens[from..to] starts: a run of capitalized
/// words, optionally followed by a speaker noun ("Russian authorities")
/// and preceded by "the". `None` when the phrase does not end in a name.
fn trailing_name(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    let mut i = to;
    // "Sen. Dick Durbin (D-Ill.)": the party and state are no part of it.
    if i > from
        && tokens[i - 1].text == ")"
        && let Some(open) = (from..i - 1).rev().take(6).find(|&k| tokens[k].text == "(")
    {
        i = open;
    }
    let noun = i > from && SPEAKER_NOUNS.contains(&tokens[i - 1].lower());
    if noun {
        i -= 1;
    }
    let end_of_name = i;
    while i > from && tokens[i - 1].is_word() && tokens[i - 1].capitalized() {
        i -= 1;
    }
    if i == end_of_name {
        // "the three men", "two officials": a counted or definite group.
        if !noun {
            return None;
        }
        while i > from
            && (NUMBERS.contains(&tokens[i - 1].lower())
                || tokens[i - 1].text.chars().all(|c| c.is_ascii_digit()))
        {
            i -= 1;
        }
        if i > from && matches!(tokens[i - 1].lower(), "the" | "these" | "those" | "both") {
            return Some(i - 1);
        }
        return None;
    }
    if i > from && tokens[i - 1].lower() == "the" {
        i -= 1;
    }
    Some(i)
}

/// Whether a span can be what was claimed: not a title ("Face the
/// Nation", "A Change Is Gonna Come") and not a phrase that only starts
/// with a preposition or conjunction ("on Fox News", "when she resigned").
pub(super) fn plausible_content(tokens: &[Token], quoted: bool) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    let Some(first) = words.first() else { return false };
    // A direct quote may start with any word ("And we will win"); a
    // clause that opens with "when", "while" or "because" is a sentence
    // when its main clause follows the comma ("While it rains, the race
    // will be close").
    // So does one that opens with "On" ("On Monday, the firm said"), but
    // not a lowercase "on" after a cue: "added on, prevented a shot",
    // "added on BBC Radio 4:".
    let main_clause_follows = || {
        tokens
            .iter()
            .position(|t| t.text == ",")
            .is_some_and(|comma| tokens[comma + 1..].iter().filter(|t| t.is_word()).count() >= 3)
    };
    if !quoted
        && match first.lower() {
            "when" | "while" | "because" => !main_clause_follows(),
            // ("as Jo Lee suggested after she swept the South": a time,
            // a clause of its own with nothing after it; not "said after
            // the vote he would go", a time and then the claim.)
            "after" | "before" | "until" => {
                let subject = words[1..]
                    .iter()
                    .take(5)
                    .take_while(|w| !looks_like_verb(w))
                    .collect::<Vec<_>>();
                let verb_follows = words.get(1 + subject.len()).is_some_and(|w| looks_like_verb(w));
                // (A pronoun, "the FBI" or a name, then the verb: not "after
                // more than 200 years", nor "after an apology Mido would".)
                let one_subject = subject.len() <= 3
                    && subject.iter().skip(1).all(|w| !PRONOUNS.contains(&w.lower()))
                    && subject.windows(2).all(|pair| {
                        !(pair[1].capitalized()
                            && !pair[0].capitalized()
                            && !DETERMINERS.contains(&pair[0].lower()))
                    })
                    && subject.first().is_some_and(|w| {
                        PRONOUNS.contains(&w.lower()) || DETERMINERS.contains(&w.lower()) || w.capitalized()
                    });
                verb_follows && one_subject && !main_clause_follows()
            }
            // ("warned that on the campaign trail he has seen S": a
            // pronoun and its verb after the phrase make it a clause.)
            "on" => {
                let clause_after = words.windows(2).take(8).any(|pair| {
                    PRONOUNS.contains(&pair[0].lower()) && pair[0].lower() != "it" && looks_like_verb(pair[1])
                });
                !clause_after && (!first.capitalized() || !main_clause_follows())
            }
            // "announced by the minister", "responded by blocking access":
            // a passive's agent or a manner, not what was said (but "said
            // by 2008, every visitor would ...": a time, then the claim).
            "by" => !first.capitalized() && !main_clause_follows(),
            "and" | "compared" | "or" | "but" | "what" => true,
            // ("denied them, saying he was not ...": the participle's own
            // report, which it gives as a claim of its own.)
            word => word.ends_with("ing") && cues::is_cue_word(word),
        }
    {
        return false;
    }
    // A title capitalizes every word but the small ones ("Face the
    // Nation"); a lowercase noun or verb makes a sentence ("We're
    // Manchester people").
    let capitalized = words.iter().filter(|w| w.capitalized()).count();
    let title_case = words.iter().all(|w| title_word(w));
    !(words.len() <= 6 && capitalized * 10 >= words.len() * 6 && title_case)
}

/// A title in strict title case, four words or more: every word
/// capitalized but the small ones a title leaves in lowercase ("Latinos
/// Share Their Thoughts On Trump."), which no sentence of a body is, with
/// its lowercase verbs ("Former Gov. George Pataki is endorsing John
/// Kasich.").
pub(super) fn strict_title_case(tokens: &[Token]) -> bool {
    let mut words = 0;
    tokens.iter().filter(|t| t.is_word()).all(|w| {
        words += 1;
        title_word(w)
    }) && words >= 4
}

/// A word as a title writes it: capitalized, a small word, or a number.
fn title_word(w: &Token) -> bool {
    w.capitalized()
        || TITLE_SMALL_WORDS.contains(&w.lower())
        || w.text.starts_with(|c: char| c.is_ascii_digit())
}

/// Words a title leaves in lowercase.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "into", "vs", "v",
];

/// Where the sentence's opening subject ends: a pronoun, or a run of
/// capitalized words (with "the") at its start.
fn opening_subject(tokens: &[Token]) -> Option<(usize, usize)> {
    // "Earlier, Tony Blair ...", "On Tuesday, she ...": an opening adverbial
    // before a comma is not the subject.
    let opener = |word: &str| {
        matches!(
            word,
            "yesterday"
                | "today"
                | "afterwards"
                | "overall"
                | "therefore"
                | "however"
                | "meanwhile"
                | "instead"
                | "still"
        ) || word.ends_with("ly")
    };
    // "Hours later,", "Back in 1999,", "This year,": when, not who.
    let time_phrase = |phrase: &[Token]| {
        phrase.iter().any(|t| {
            let word = t.lower();
            is_time_word(word)
                || matches!(
                    word,
                    "year"
                        | "years"
                        | "week"
                        | "weeks"
                        | "month"
                        | "months"
                        | "days"
                        | "hours"
                        | "minutes"
                        | "ago"
                )
                || word.len() == 4 && word.chars().all(|c| c.is_ascii_digit())
        })
    };
    // A dateline ("WASHINGTON —", "PARIS, Aug 31 (Reuters) -") is no
    // subject: the sentence starts after its dash.
    let dateline = tokens
        .first()
        .filter(|t| t.text.len() >= 4 && t.text.chars().all(|c| c.is_ascii_uppercase()))
        .and_then(|_| (1..tokens.len().min(12)).find(|&i| is_dash(&tokens[i])))
        .map_or(0, |dash| dash + 1);
    let tokens_after = &tokens[dateline..];
    // ("Having been pricked into action, the agency ...": a participle
    // opens a longer adverbial.)
    // ("Reached by the paper, Jo Lee denied ...": a past participle and
    // its preposition, as well.)
    let preposition_second = tokens_after
        .get(1)
        .is_some_and(|next| PREPOSITIONS.contains(&next.lower()));
    let participle_opens = tokens_after
        .first()
        .is_some_and(|t| t.lower().ends_with("ing") || t.lower().ends_with("ed") && preposition_second);
    // "Inside the hotel, Trump ...", "Shortly after the merger
    // announcement, the families ...": where or when, however long.
    let place_or_time_opens = tokens_after.first().is_some_and(|t| {
        matches!(
            t.lower(),
            "inside" | "outside" | "amid" | "within" | "across" | "throughout" | "behind" | "following"
        ) || opener(t.lower()) && preposition_second
    });
    let reach = if participle_opens || place_or_time_opens {
        10
    } else {
        5
    };
    let from = dateline
        + match tokens_after.iter().take(reach).position(|t| t.text == ",") {
            Some(comma)
                if comma > 0
                    && (comma == 1 && opener(tokens_after[0].lower())
                        || participle_opens
                        || place_or_time_opens
                        || time_phrase(&tokens_after[..comma])
                        || PREPOSITIONS.contains(&tokens_after[0].lower())
                        || LEADING.contains(&tokens_after[0].lower())) =>
            {
                comma + 1
            }
            // "A few minutes later they ...", no comma after the time.
            _ => tokens_after
                .iter()
                .take(5)
                .position(|t| matches!(t.lower(), "later" | "earlier" | "ago"))
                .filter(|&p| p > 0 && time_phrase(&tokens_after[..=p]))
                .map_or(0, |p| p + 1),
        };
    // "But he opposed compulsory mediation, saying S": a conjunction that
    // joins the sentence to the one before, without its comma.
    let from = from
        + usize::from(
            from == dateline
                && tokens.get(from).is_some_and(|t| {
                    matches!(
                        t.lower(),
                        "but" | "and" | "yet" | "so" | "meanwhile" | "separately" | "indeed"
                    )
                }),
        );
    let first = tokens.get(from)?;
    if PRONOUNS.contains(&first.lower()) && first.lower() != "i" {
        return Some((from, from + 1));
    }
    // "A US woman is suing the firm, saying S", "A group of parents has
    // sued, saying": a description, whole, up to its verb (it had been
    // "US", or "A" alone).
    let finite_verb = |t: &Token| {
        !t.capitalized()
            && (AUXILIARIES.contains(&t.lower())
                || FINITE_AUXILIARIES.contains(&t.lower())
                || t.lower().ends_with("ed"))
    };
    if matches!(first.lower(), "a" | "an")
        && let Some(verb) = (from + 2..tokens.len().min(from + 8))
            .find(|&i| finite_verb(&tokens[i]) || !tokens[i].is_word() || clause_marker(tokens[i].lower()))
        && finite_verb(&tokens[verb])
        && tokens[from + 1..verb].iter().all(Token::is_word)
    {
        return Some((from, verb));
    }
    let start = from + usize::from(first.lower() == "the");
    let mut end = (start..tokens.len()).find(|&i| !(tokens[i].is_word() && tokens[i].capitalized()))?;
    // "Anti-abortion group the Pro-Life Alliance", "Pressure group Liberty":
    // what kind of body, then its name, which is the subject.
    if start == from
        && end == start + 1
        && matches!(
            tokens[end].lower(),
            "group" | "charity" | "organisation" | "organization" | "watchdog" | "association"
        )
    {
        let name = end + 1 + usize::from(tokens.get(end + 1).is_some_and(|t| t.lower() == "the"));
        let name_end = (name..tokens.len())
            .find(|&i| !(tokens[i].is_word() && tokens[i].capitalized()))
            .unwrap_or(tokens.len());
        if name_end > name {
            return Some((from, name_end));
        }
    }
    // "The US government", "the government", "Kremlin officials".
    if (end > start || start > from) && INSTITUTIONS.contains(&tokens[end].lower()) {
        end += 1;
    }
    // "Children's charities have reacted with alarm, saying S", "US
    // officials reacted, saying", "The unions have reacted, saying": a
    // plural noun in lowercase after the capitalized words (or after
    // "the"), its verb next, is the subject's head (it had been
    // "Children", "US", or no one).
    else if (end > start || start > from)
        && let Some(noun_end) = (end..tokens.len().min(end + 2))
            .take_while(|&k| tokens[k].is_word() && !tokens[k].capitalized())
            .map(|k| k + 1)
            .find(|&k| {
                tokens.get(k).is_some_and(finite_verb) && {
                    let noun = tokens[k - 1].lower();
                    noun.len() > 3
                        && noun.ends_with('s')
                        && !noun.ends_with("ss")
                        && !ends_in_s_but_no_verb(noun)
                }
            })
        && tokens[end..noun_end - 1].iter().all(|t| {
            super::speakers::has_possessive(t.text)
                || !looks_like_verb(t) && !PREPOSITIONS.contains(&t.lower()) && !clause_marker(t.lower())
        })
    {
        return Some((from, noun_end));
    }
    // "the Florida senator took a heckler in stride", "the Dutch midfield
    // player admires ...": a capitalized adjective before lowercase words
    // that end in a post or a role is that description, whole (it had been
    // "Florida", "Dutch").
    if start > from
        && end == start + 1
        && tokens[start].capitalized()
        && let Some(role_end) = (end..tokens.len().min(end + 3))
            .take_while(|&k| tokens[k].is_word() && !tokens[k].capitalized() && !looks_like_verb(&tokens[k]))
            .map(|k| k + 1)
            .find(|&k| super::speakers::is_role_word(tokens[k - 1].text) || tokens[k - 1].lower() == "player")
    {
        return Some((from, role_end));
    }
    // "The mayor rejected the plan, saying S", "The prime minister's
    // official spokesman also rejected the claims": a post in lowercase
    // after "the", with the lowercase words before it, is the subject (a
    // participle had found none). The last post before a verb or a
    // capitalized word: "The governor of the state" is the governor; not
    // when a possessive follows it ("The vice president's presence").
    if start > from && end == start {
        // (The lowercase words before a verb; a possessive is no verb.)
        let in_phrase = |t: &Token| {
            t.is_word()
                && !t.capitalized()
                && (super::speakers::has_possessive(t.text) || !looks_like_verb(t))
        };
        let phrase_end = (start..tokens.len().min(start + 5))
            .find(|&k| !in_phrase(&tokens[k]))
            .unwrap_or(tokens.len().min(start + 5));
        if let Some(role_end) = (start + 1..=phrase_end)
            .rev()
            .find(|&k| super::speakers::is_role_word(tokens[k - 1].text))
            && !(role_end..phrase_end).any(|k| super::speakers::has_possessive(tokens[k].text))
        {
            // "the other candidate on the stage, former Secretary of
            // State Hillary Clinton, drew": the name set off after it.
            if let Some(comma) =
                (role_end..phrase_end + 1).find(|&k| tokens.get(k).is_some_and(|t| t.text == ","))
                && let Some(close) = (comma + 1..tokens.len().min(comma + 9)).find(|&k| tokens[k].text == ",")
                && close >= comma + 3
                && tokens[close - 1].capitalized()
                && tokens[close - 2].capitalized()
                && tokens[comma + 1..close].iter().all(|t| t.is_word())
            {
                return Some((comma + 1, close));
            }
            return Some((from, role_end));
        }
    }
    // "No 10", "Number 10": Downing Street, its number part of its name.
    if end == start + 1 && matches!(tokens[start].text, "No" | "Number") && tokens[end].text == "10" {
        end += 1;
    }
    // "The party's Holyrood leader, Rita Osei, welcomed it": the name set
    // off after the post is who.
    // ("The party's island leader": lowercase words ending in the post.)
    let post_end = (end..tokens.len().min(end + 4))
        .find(|&i| !tokens[i].is_word() || tokens[i].capitalized())
        .unwrap_or(end);
    let name_start = post_end + 1;
    if post_end > end
        && super::speakers::is_role_word(tokens[post_end - 1].text)
        && tokens.get(post_end).is_some_and(|t| t.text == ",")
        && let Some(name_end) =
            (name_start..tokens.len()).find(|&i| !(tokens[i].is_word() && tokens[i].capitalized()))
        && name_end >= name_start + 2
        && tokens[name_end].text == ","
    {
        return Some((name_start, name_end));
    }
    if end > start
        && let Some(name_end) = post_then_holder(tokens, end)
    {
        return Some((from, name_end));
    }
    // "Labour's focus on the economy came ...", "Smith's decision to
    // go ...": a name's possessive before a thing and its preposition is
    // no subject (not "Labour's leader", "Lee's son, Grant,").
    if end > start
        && super::speakers::has_possessive(tokens[end - 1].text)
        && tokens.get(end).is_some_and(|t| {
            t.is_word()
                && !t.capitalized()
                && !super::speakers::is_role_word(t.text)
                && !KIN.contains(&t.lower())
        })
        && tokens
            .get(end + 1)
            .is_some_and(|t| PREPOSITIONS.contains(&t.lower()))
    {
        return None;
    }
    (end > start).then_some((from, end))
}

/// Where the name ends that follows a post after capitalized words ending
/// at `end`: "Liberal Democrat spokesman Mark Oaten called ... and
/// argued", "Tory co-chairman Liam Fox derided ..., saying". The party, the
/// post, then the name of who holds it, and a word after it: the subject
/// is the whole (it had been the party's adjective alone).
fn post_then_holder(tokens: &[Token], end: usize) -> Option<usize> {
    let post_end =
        (end..tokens.len().min(end + 4)).find(|&i| !tokens[i].is_word() || tokens[i].capitalized())?;
    let post = tokens.get(post_end.checked_sub(1)?)?.text;
    // ("co-chairman", "vice-chairman": a prefix to the post.)
    let post = post
        .split_once('-')
        .filter(|(prefix, _)| matches!(*prefix, "co" | "vice" | "deputy" | "acting"))
        .map_or(post, |(_, noun)| noun);
    let name_end = (post_end..tokens.len()).find(|&i| !(tokens[i].is_word() && tokens[i].capitalized()))?;
    // ("Ireland captain Jo Lee", "US economist Jo Lee": an occupation is
    // a post too.)
    // (Not past a verb: "also introduced fellow guitarist Jo Lee".)
    // ("Finnish security firm F-Secure issued ... but said": a firm's
    // kind before its name, of one word as firms' names often are.)
    let firm = matches!(
        post,
        "firm"
            | "company"
            | "group"
            | "giant"
            | "maker"
            | "carmaker"
            | "retailer"
            | "airline"
            | "insurer"
            | "bank"
    );
    (post_end > end
        && (firm || super::speakers::is_role_word(post) || super::speakers::is_occupation(post))
        && !tokens[end..post_end]
            .iter()
            .any(|t| t.lower().ends_with("ed") || is_irregular_past(t.lower()))
        && name_end >= post_end + if firm { 1 } else { 2 }
        && tokens[name_end].is_word())
    .then_some(name_end)
}

/// Adverbs set off by commas between a speaker and the cue.
const SENTENCE_ADVERBS: &[&str] = &[
    "for example",
    "for instance",
    "however",
    "meanwhile",
    "too",
    "in turn",
    "though",
    "for his part",
    "for her part",
    "for their part",
    "in a statement",
    "in an interview",
    "in response",
];

/// Words that open a predicate: after "The plan, NP said,", the rest of
/// the claim whose subject came before the attribution.
const PREDICATE_OPENERS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "should", "may",
    "might", "must", "does", "do", "did", "remains", "remain",
];

/// Words that open a phrase qualifying a whole clause: after "S, NP said,",
/// the rest of the claim.
const ADJUNCT_OPENERS: &[&str] = &[
    "with",
    "especially",
    "particularly",
    "if",
    "unless",
    "although",
    "though",
    "because",
    "while",
    "but",
    "and",
    "as",
    "since",
    "until",
    "so",
    "even",
];

/// Lowercase nouns that head an institution's name: "the government", "the
/// US administration", "Labour officials".
const INSTITUTIONS: &[&str] = &[
    "government",
    "administration",
    "ministry",
    "department",
    "agency",
    "party",
    "council",
    "committee",
    "court",
    "company",
    "campaign",
    "army",
    "military",
    "police",
    "commission",
    "embassy",
    "officials",
    "spokesman",
    "spokeswoman",
    "union",
    "board",
];

/// The inside of a sentence that is one direct quote, if it is one.
/// (From its first word to its last mark: `"We won. "` is "We won.")
pub(super) fn whole_quote(tokens: &[Token]) -> Option<Span> {
    let first = tokens.first()?;
    let last = tokens.iter().rposition(|t| !matches!(t.text, "." | "!" | "?"))?;
    // (A word between the marks: a lone mark before stops is none.)
    // ('"Q," he continued, adding that ... "dozens"': a quotation closed
    // after a comma and followed by the writer's lowercase words ends
    // there; the sentence is no quotation whole.)
    // (Asked last: most sentences open with no quote mark.)
    let resumed = || {
        (2..last)
            .any(|i| closes_as_speech(tokens, i) && tokens[i + 1].is_word() && !tokens[i + 1].capitalized())
    };
    (last > 1 && is_open_quote(first) && is_close_quote(&tokens[last]) && tokens.len() > 4 && !resumed())
        .then(|| Span::new(tokens[1].span.start, tokens[last - 1].span.end))
}

/// A match before its speaker is resolved.
pub(super) struct RawMatch {
    pub(super) mention: Span,
    pub(super) cue: Span,
    pub(super) content: Span,
    pub(super) quoted: bool,
    pub(super) pattern: &'static str,
    /// Who the mention stands for, when the mention is a relative pronoun
    /// ("Jane Roe, who said ...") or a pronoun just after the name it
    /// stands for ("... to Lord Vale after he said"): the source is
    /// resolved from it.
    pub(super) antecedent: Option<Span>,
    /// The phrase set off by commas after the speaker's name ("Jo Lee, a
    /// trustee of the fund, said"): their role, for the draft.
    pub(super) appositive: Option<Span>,
    /// The attribution inside the claim ("This plan, he said, is dead"),
    /// left out of the claim's text, and what stands in its place.
    pub(super) left_out: Option<(Span, &'static str)>,
}

// (A quote mark is at most three bytes: longer tokens, most of them, are
// answered without reading their characters. These two are asked of every
// token many times over: the mark is matched as a character, not searched
// for in a string.)
pub(super) fn is_open_quote(t: &Token) -> bool {
    t.text.len() <= 3 && (only_char(t.text).is_some_and(opens_quotation) || t.text == "''" || t.text == "``")
}

/// Whether a character is a mark that opens a quotation.
pub(super) fn opens_quotation(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„')
}

/// The one character `text` is, if it is one.
fn only_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// Whether the token at `i` is a quote mark that closes a quotation as
/// speech ends: after a comma, a question mark or an exclamation mark
/// (`"Q," he continued`, `"Q?" she answered`).
fn closes_as_speech(tokens: &[Token], i: usize) -> bool {
    i > 0 && is_close_quote(&tokens[i]) && matches!(tokens[i - 1].text, "," | "?" | "!")
}

pub(super) fn is_close_quote(t: &Token) -> bool {
    t.text.len() <= 3
        && (only_char(t.text).is_some_and(|c| matches!(c, '"' | '”' | '’' | '»' | '“')) || t.text == "''")
}

/// Nouns for evidence that "shows" or "found" something: with one of
/// them as its subject, a verb that is usually not speech reports a claim.
const EVIDENCE: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "study",
    "studies",
    "data",
    "records",
    "record",
    "report",
    "reports",
    "analysis",
    "figures",
    "numbers",
    "results",
    "research",
    "review",
    "investigation",
    "audit",
    "documents",
    "filings",
    "statistics",
    "tally",
    "census",
    "estimates",
    "emails",
    "memo",
    "test",
    "tests",
    "video",
    "footage",
    "transcript",
    "tape",
    "recording",
    "photos",
    "images",
    "evidence",
    "findings",
];

/// The cues that are usually something else, taken where the sentence
/// shows they report: "a poll found that ...", "the data show ...",
/// "she asked whether ..." and `asked, "..."`.
fn contextual_cue(tokens: &[Token], i: usize) -> bool {
    // Asked of nearly every word of every sentence, and true only of the
    // words `CONTEXTUAL` lists: one look-up turns the rest away before
    // the comparisons below. (Checked in debug builds, which the tests
    // run: a rule below for a word the list lacks fails every test that
    // exercises it.)
    if !is_contextual_word(tokens[i].lower()) {
        debug_assert!(
            !contextual_cue_of(tokens, i),
            "contextual_cue takes {:?}: add it to CONTEXTUAL",
            tokens[i].lower()
        );
        return false;
    }
    contextual_cue_of(tokens, i)
}

/// The words `contextual_cue_of` takes as cues in some context.
const CONTEXTUAL: &[&str] = &[
    "continued",
    "continues",
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "find",
    "estimates",
    "estimated",
    "warning",
    "insisting",
    "arguing",
    "noting",
    "stressing",
    "explaining",
    "suggesting",
    "admitting",
    "acknowledging",
    "conceding",
    "predicting",
    "declaring",
    "asserting",
    "stating",
    "maintaining",
    "contending",
    "complaining",
    "announcing",
    "confirming",
    "described",
    "describes",
    "called",
    "calls",
    "branded",
    "brands",
    "labelled",
    "labels",
    "labeled",
    "dubbed",
    "dubs",
    "point",
    "points",
    "pointed",
    "pointing",
    "make",
    "makes",
    "made",
    "making",
    "went",
    "goes",
    "answered",
    "answers",
    "asked",
    "asks",
];

fn is_contextual_word(lowercase: &str) -> bool {
    static WORDS: std::sync::LazyLock<WordSet> =
        std::sync::LazyLock::new(|| WordSet::new(CONTEXTUAL.iter().copied()));
    WORDS.contains(lowercase)
}

fn contextual_cue_of(tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].lower();
    // '"Q," he continued', '"Q," Jo Lee continued': a speaker just after
    // a quotation that a comma closes, then "continued", speaks on.
    if matches!(word, "continued" | "continues") {
        let speaker = (1..=2).find(|&back| {
            i > back + 1
                && closes_as_speech(tokens, i - back - 1)
                && tokens[i - back..i].iter().all(|t| t.is_word())
                && (back == 1 && PRONOUNS.contains(&tokens[i - 1].lower())
                    || tokens[i - back..i].iter().all(Token::capitalized))
        });
        return speaker.is_some();
    }
    if matches!(
        word,
        "show" | "shows" | "showed" | "found" | "finds" | "find" | "estimates" | "estimated"
    ) {
        // "The Tax Policy Center estimates that ...", "the Observer found
        // that ...", "he found that ...": a finding reported as a claim,
        // whoever found it (not "to find that", "did not find that").
        // ("an hourlong show that aired", "the shows that": a noun after
        // its determiner; "Their experience shows that" is a verb.)
        let noun = match word {
            "shows" => i > 0 && DETERMINERS.contains(&tokens[i - 1].lower()),
            // (Past the words that describe it: "an early morning show".)
            "show" => tokens[..i]
                .iter()
                .rev()
                .take(5)
                .find(|t| {
                    // (A describing word is lowercase and not a plural.)
                    let describes =
                        t.is_word() && !t.capitalized() && !t.lower().ends_with('s') && t.lower() != "data";
                    DETERMINERS.contains(&t.lower()) || !describes
                })
                .is_some_and(|t| DETERMINERS.contains(&t.lower())),
            _ => false,
        };
        if tokens.get(i + 1).is_some_and(|t| t.lower() == "that")
            && i > 0
            && !noun
            && tokens[i - 1].is_word()
            && !matches!(
                tokens[i - 1].lower(),
                "to" | "not"
                    | "n't"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
            )
        {
            return true;
        }
        // (Past an aside set off by commas before "that": "A study in
        // 2000, which was commissioned by four councils, found that".)
        let aside_before =
            i > 1 && tokens[i - 1].text == "," && tokens.get(i + 1).is_some_and(|t| t.lower() == "that");
        // (A parenthesis counts for nothing: "New research from the Royal
        // Academy of Dance (RAD) has found fewer children ...".)
        let reach = if aside_before { 30 } else { 10 };
        let mut from = i;
        let (mut counted, mut depth) = (0, 0usize);
        while from > 0 && counted < reach {
            from -= 1;
            match tokens[from].text {
                ")" => depth += 1,
                "(" => depth = depth.saturating_sub(1),
                _ if depth == 0 => counted += 1,
                _ => {}
            }
        }
        return tokens[from..i]
            .iter()
            .rev()
            .take_while(|t| !matches!(t.text, ";" | ":") && !is_open_quote(t) && !is_close_quote(t))
            .any(|t| EVIDENCE.contains(&t.lower()));
    }
    // "..., warning: \"Q\"", "..., insisting that S": the participle of a
    // reporting verb that is no cue alone ("a warning", "after arguing
    // with staff", "noting down") reports after a comma, where "that", a
    // colon or a quotation opens what was said.
    if matches!(
        word,
        "warning"
            | "insisting"
            | "arguing"
            | "noting"
            | "stressing"
            | "explaining"
            | "suggesting"
            | "admitting"
            | "acknowledging"
            | "conceding"
            | "predicting"
            | "declaring"
            | "asserting"
            | "stating"
            | "maintaining"
            | "contending"
            | "complaining"
            | "announcing"
            | "confirming"
    ) {
        // ("Jo Lee began by arguing that S": after a deed's "by" too.)
        let after_comma = i > 1 && (set_off_by_comma(tokens, i) || manner_of_deed(tokens, i));
        // (Or a pronoun and its auxiliary: "..., arguing it is a matter
        // for conscience", "insisting they were innocent".)
        let clause = || {
            tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower(), "it" | "he" | "she" | "they" | "we" | "there"))
                && tokens
                    .get(i + 2)
                    .is_some_and(|t| FINITE_AUXILIARIES.contains(&t.lower()))
        };
        return after_comma
            && (tokens
                .get(i + 1)
                .is_some_and(|t| t.lower() == "that" || t.text == ":" || is_open_quote(t))
                || clause());
    }
    // "Mr Howard described the report as \"a whitewash\"": a description
    // given as a verdict, what "X is Y" would say. Only with its "as"
    // ("described the scene", "described how" tell no verdict), active
    // ("was described as", "described by"), and a speaker before it.
    if matches!(word, "described" | "describes") {
        return i > 0
            && tokens[i - 1].is_word()
            && !after_passive_auxiliary(tokens, i)
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.is_word() && !matches!(t.lower(), "as" | "by" | "how" | "what" | "in"))
            && description_as_word(tokens, i, |t| !matches!(t.text, ";" | ":" | "." | "?" | "!"))
                .is_some_and(|at| {
                    at <= i + 26
                        && tokens
                            .get(at + 1)
                            .is_some_and(|t| t.is_word() || is_open_quote(t))
                });
    }
    // "Mr Howard called the plan \"a shambles\"": a verdict in the
    // speaker's words, after its object (see `called_quotation`).
    if matches!(word, "called" | "calls") {
        return i > 0
            && tokens[i - 1].is_word()
            && !after_passive_auxiliary(tokens, i)
            && called_quotation(tokens, i).is_some();
    }
    // "Vince Cable branded the Tory plans as \"fantasy economics\"", "She
    // labelled the schemes \"a pile of pants\"": a verdict in quotation
    // marks, with "as" or without, given by an active speaker ("was
    // branded a \"retreat\" by the Tories" names the speaker after).
    if is_verdict_verb(word) {
        return i > 0
            && tokens[i - 1].is_word()
            && !after_passive_auxiliary(tokens, i)
            && verdict_as(tokens, i, usize::MAX).is_some();
    }
    // "Ms Lee pointed out that S", "Richards also points out conditions
    // will be better", "..., pointing out that S", `"Q," he pointed out.`:
    // pointing out is saying, with "that", a clause whose verb comes
    // within a few words, or nothing after it (not "pointed out the
    // window", nor "pointed to the data", nor "the point").
    // "Jo Lee made it clear he would stay", "has made clear that S",
    // "made it plain that S": making clear is saying, with "that", a
    // colon, a quotation or a clause whose verb comes within a few words
    // (not "made it clear to the public", "was made clear", "wants to
    // make it clear").
    if i > 0 && cue_words(tokens, i) > 1 {
        return if tokens[i + 1].lower() == "out" {
            pointed_out(tokens, i)
        } else {
            made_clear(tokens, i)
        };
    }
    // "S, he went on.", "He went on: \"Q\"": going on is speaking on, where
    // the sentence ends at "on" or a colon opens what was said, and a
    // person goes on ("..., the fighting went on." is no speech).
    // (Not a heading's "The Gap Goes On: ...".)
    if matches!(word, "went" | "goes")
        && i > 0
        && !tokens[i].capitalized()
        && tokens.get(i + 1).is_some_and(|t| t.lower() == "on")
        && tokens
            .get(i + 2)
            .is_none_or(|t| matches!(t.text, "." | ":" | "!") || is_close_quote(t))
    {
        let subject = &tokens[i - 1];
        return matches!(subject.lower(), "he" | "she" | "they")
            || subject.capitalized() && !DETERMINERS.contains(&subject.lower());
    }
    // `"It is the mayor," she answered`, `"Q," answered Jo Lee`: after a
    // quotation closed with a comma or a question mark, an answer reports it.
    if matches!(word, "answered" | "answers") {
        return (i.saturating_sub(6)..i).any(|j| {
            closes_as_speech(tokens, j) && tokens[j + 1..i].iter().all(|t| t.is_word() || t.text == ".")
        });
    }
    if matches!(word, "asked" | "asks") {
        // "Mr Johnson was asked why ...": he was asked, and answers later.
        if after_passive_auxiliary(tokens, i) {
            return false;
        }
        let question = |t: Option<&Token>| {
            t.is_some_and(|t| {
                is_open_quote(t)
                    || matches!(
                        t.lower(),
                        "whether" | "if" | "why" | "how" | "what" | "when" | "who"
                    )
            })
        };
        let mut k = i + 1;
        if tokens.get(k).is_some_and(|t| t.text == "," || t.text == ":") {
            k += 1;
        }
        // "asked whether", "asked, “...", "asked him why", "asked Mr. Lee how",
        // and `"...?" she asked`.
        // (`"...?," he asked`: the comma some writers add after it.)
        let after_a_question = tokens[..i].windows(3).any(|w| {
            w[0].text == "?" && (is_close_quote(&w[1]) || w[1].text == "," && is_close_quote(&w[2]))
        }) || i >= 2 && tokens[i - 2].text == "?" && is_close_quote(&tokens[i - 1]);
        // "How was it right that S, the Lib Dem leader asked.": a sentence
        // that opens as a question, and the speaker after a comma closing
        // it, with nothing after the cue.
        let question_reported = tokens.first().is_some_and(|t| {
            t.capitalized()
                && matches!(
                    t.lower(),
                    "how"
                        | "why"
                        | "what"
                        | "who"
                        | "where"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "does"
                        | "did"
                        | "can"
                        | "could"
                        | "should"
                        | "would"
                        | "will"
                )
        }) && tokens.get(i + 1).is_none_or(|t| matches!(t.text, "." | "!"))
            && (i.saturating_sub(6)..i).any(|j| tokens[j].text == ",");
        if question_reported {
            return true;
        }
        // "asked the former attorney general whether ...": past a longer
        // object, only "whether" and "if" (a "who" there opens a
        // relative clause: "asked the man who ...").
        let asked_whom_whether = || {
            tokens[k..]
                .iter()
                .take(8)
                .take_while(|t| t.is_word() && !matches!(t.lower(), "to" | "for" | "about" | "that"))
                .skip(1)
                .any(|t| matches!(t.lower(), "whether" | "if"))
        };
        // "asked of the Iraq war: \"Q\"": of what, then the question
        // quoted after a colon.
        let asked_of =
            || tokens.get(k).is_some_and(|t| t.lower() == "of") && colon_after_adjunct(tokens, k).is_some();
        return after_a_question
            || asked_of()
            || question(tokens.get(k))
            || (tokens
                .get(k)
                .is_some_and(|t| PRONOUNS.contains(&t.lower()) || t.capitalized())
                && question(tokens.get(k + 1)))
            || asked_whom_whether();
    }
    false
}

fn is_cue(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if !cues::is_cue_word(t.lower()) {
        return contextual_cue(tokens, i);
    }
    // "All told, 5 million people could be eligible": in all, not words.
    if t.lower() == "told" && i > 0 && tokens[i - 1].lower() == "all" && (i == 1 || !tokens[i - 2].is_word())
    {
        return false;
    }
    // "a sequencer designed to let people write, edit and share songs",
    // "The tool lets users write that they are happy", "helped him
    // explain": what someone is let, made or helped to do, not a report.
    // (Not "Let me say that S": the speaker's own words.)
    if !t.lower().ends_with('s')
        && !t.lower().ends_with("ed")
        && !t.lower().ends_with("ing")
        && !matches!(t.lower(), "said" | "told" | "wrote" | "written")
        && let Some(causer) = (i.saturating_sub(4)..i).rev().find(|&k| {
            matches!(
                tokens[k].lower(),
                "let" | "lets" | "letting" | "make" | "makes" | "made" | "making" | "help" | "helps" | "helped" | "helping"
            )
        })
        && causer + 1 < i
        // (Not "make an off-color joke about": a noun the gold counts.)
        && !matches!(tokens[causer + 1].lower(), "a" | "an")
        && tokens[causer + 1..i]
            .iter()
            .all(|w| {
                w.is_word()
                    && !matches!(w.lower(), "me" | "us" | "and" | "or" | "but")
                    && !cues::is_cue_word(w.lower())
            })
    {
        return false;
    }
    // "the most telling promise", "Perhaps most telling, though",
    // "Trump's telling of the story": an adjective or a noun, not a cue.
    if t.lower() == "telling"
        && i > 0
        && (matches!(
            tokens[i - 1].lower(),
            "most" | "more" | "very" | "particularly" | "especially" | "less" | "so" | "too" | "quite"
        ) || super::speakers::has_possessive(tokens[i - 1].text)
            && tokens.get(i + 1).is_some_and(|n| n.lower() == "of"))
    {
        return false;
    }
    // "Mutually Assured Destruction", "the North East Says No campaign":
    // a capitalized cue word after a capitalized word, inside a sentence,
    // is part of a name. (Not in a headline, whose words are all
    // capitalized: "Trump Says He Never Pledged ...".)
    if i > 0
        && t.capitalized()
        && tokens[i - 1].is_word()
        && tokens[i - 1].capitalized()
        && tokens
            .iter()
            .any(|w| w.is_word() && w.text.len() > 3 && w.text.starts_with(|c: char| c.is_lowercase()))
    {
        return false;
    }
    // "the report", "a claim", "Peskov's remarks", "the alleged plot":
    // nouns and adjectives, not cues.
    if i > 0 {
        let previous = tokens[i - 1].lower();
        let determiner = matches!(
            previous,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "this"
                | "that"
                | "these"
                | "those"
                | "our"
                | "my"
                | "your"
        );
        // (A quote mark alone is no possessive: `,'' recalled Mr. Lee`.)
        let possessive = previous.ends_with("'s")
            || previous.ends_with("’s")
            || previous.ends_with('\'') && previous.chars().any(char::is_alphanumeric);
        // ("a written answer", "the spoken word": irregular participles too.)
        let participle = t.lower().ends_with("ed") || t.lower().ends_with("en");
        if (determiner || possessive) && (cues::is_ambiguous_noun(t.text) || participle) {
            return false;
        }
        // "with a telling chart", "his warning": after an article or a
        // possessive, an "-ing" word is an adjective or a noun.
        if determiner && t.lower().ends_with("ing") {
            return false;
        }
    }
    if noun_in_context(tokens, i) {
        return false;
    }
    // "claims and counter claims", "a counter charge": the first half of
    // a compound noun, not a verb.
    if t.lower() == "counter" && tokens.get(i + 1).is_some_and(|n| DENIED.contains(&n.lower())) {
        return false;
    }
    // "imports added up to 22bn yen": a sum, not speech.
    // ("hastily adding a sixth promise to his pledge card": an object
    // added, not words; but "...,\" added a Democrat": the speaker after
    // an inverted cue.)
    if matches!(t.lower(), "add" | "adds" | "added" | "adding")
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.lower() == "up" || t.lower() == "adding" && matches!(n.lower(), "a" | "an"))
    {
        return false;
    }
    // ("..., adding pay-TV channels later", "adding captioning for its
    // broadcasts": a thing added, with no verb of a clause said after it.)
    if t.lower() == "adding" && !clause_after(tokens, i + 1) {
        return false;
    }
    // "claimed the top spot", "claiming salaries for ...": what was won
    // or asked for, not words.
    if matches!(t.lower(), "claim" | "claims" | "claimed" | "claiming") && claims_a_thing(tokens, i + 1) {
        return false;
    }
    // "Republican claims –", "Fifth Amendment claims": a plural noun
    // unless what follows starts a clause.
    // (But `"Q," Conway notes.` and "S, Frank notes, S": a name or a
    // pronoun set off by a comma or a quote mark, and the sentence or the
    // aside ending after the cue.)
    let set_off_speaker = || {
        let name_start = (0..i)
            .rev()
            .take_while(|&k| tokens[k].capitalized() || tokens[k].text == ".")
            .last();
        let pronoun = i > 0 && matches!(tokens[i - 1].lower(), "he" | "she" | "they");
        let start = if pronoun { Some(i - 1) } else { name_start };
        tokens
            .get(i + 1)
            .is_none_or(|n| matches!(n.text, "," | "." | "!" | "?"))
            && start.is_some_and(|s| s > 0 && (tokens[s - 1].text == "," || is_close_quote(&tokens[s - 1])))
    };
    // "It claims Tony Blair felt ...", "The book claims Mr Brown had
    // ...": a name after the verb, and a verb after the name, as a
    // clause opens (not "the claims Mr Brown denied", nor "remarks").
    let name_then_verb = || {
        let run = capitalized_run(&tokens[i + 1..]);
        // (Its subject just before it: a pronoun, a name, or a noun after
        // its determiner; not "played down reports Mr Blair was ...".)
        let subject = i > 0
            && (matches!(tokens[i - 1].lower(), "he" | "she" | "it" | "they")
                || tokens[i - 1].is_word() && tokens[i - 1].capitalized()
                || (2..=3).any(|back| {
                    i >= back
                        && DETERMINERS.contains(&tokens[i - back].lower())
                        && tokens[i - back + 1..i]
                            .iter()
                            .all(|w| w.is_word() && !w.capitalized())
                }));
        subject
            && !DETERMINERS.contains(&tokens[i - 1].lower())
            && t.lower() != "remarks"
            && (1..=3).contains(&run)
            && !has_possessive_end(&tokens[i + run])
            && tokens.get(i + 1 + run).is_some_and(|v| {
                let v_lower = v.lower();
                v.is_word()
                    && !v.capitalized()
                    && (AUXILIARIES.contains(&v_lower)
                        || v_lower.ends_with("ed")
                        || matches!(
                            v_lower,
                            "felt"
                                | "knew"
                                | "thought"
                                | "made"
                                | "gave"
                                | "told"
                                | "said"
                                | "took"
                                | "lost"
                                | "won"
                                | "left"
                                | "sent"
                                | "saw"
                                | "wants"
                                | "knows"
                                | "plans"
                                | "intends"
                                | "feels"
                        ))
            })
    };
    if matches!(t.lower(), "claims" | "reports" | "remarks" | "notes" | "charges")
        && !tokens
            .get(i + 1)
            .is_some_and(|n| n.lower() == "that" || (n.is_word() && !n.capitalized()))
        && !set_off_speaker()
        && !name_then_verb()
    {
        return false;
    }
    // "fundraising reports through Jan. 31", "his remarks loomed large",
    // "the jobs report has cleared the way": a noun, since no clause opens
    // after the verb with a preposition, an auxiliary or a past tense.
    // (But "claims in the lawsuit that S": the verb, its adjunct first;
    // and "which Tom Lee claims was sold": the verb of a relative clause,
    // whose subject is the gap before the auxiliary.)
    if matches!(
        t.lower(),
        "claims" | "reports" | "remarks" | "notes" | "charges" | "report"
    ) && tokens.get(i + 1).is_some_and(|n| noun_then_predicate(n))
        && !tokens[i + 1..].iter().take(10).any(|w| w.lower() == "that")
        && !tokens[i.saturating_sub(5)..i]
            .iter()
            .any(|w| matches!(w.lower(), "which" | "who" | "that" | "what"))
    {
        return false;
    }
    // "Clinton maintains a commanding lead", "she maintained an energetic
    // pace": keeping something, not saying it.
    if matches!(t.lower(), "maintain" | "maintains" | "maintained" | "maintaining")
        && tokens.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower(),
                "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "status"
            ) || n.text.starts_with(|c: char| c.is_ascii_digit() || c == '$')
        })
    {
        return false;
    }
    // "The club charged a $100,000 fee", "charged more than that": a price;
    // "an executive charged with fraud": the accused. (Not "prosecutors
    // charged the officer with murder", the prosecutors' charge.) "Charged
    // over the line", "charged down the wing": a run.
    if matches!(t.lower(), "charged" | "charges" | "charging" | "charge") {
        let next = tokens.get(i + 1).map(|n| n.lower());
        let with_later = tokens[i + 1..].iter().take(8).any(|w| w.lower() == "with");
        if next == Some("with")
            || next.is_some_and(|n| {
                matches!(
                    n,
                    "over"
                        | "through"
                        | "down"
                        | "across"
                        | "towards"
                        | "toward"
                        | "forward"
                        | "upfield"
                        | "past"
                )
            })
            || next.is_some_and(|n| {
                matches!(n, "a" | "an" | "more" | "less" | "about" | "nearly" | "almost")
                    || n.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            }) && !with_later
        {
            return false;
        }
    }
    // "The man accused of buying the guns": who is accused, not who
    // accuses (the verb takes its object first: "accused him of").
    if t.lower() == "accused" && tokens.get(i + 1).is_some_and(|n| n.lower() == "of") {
        return false;
    }
    // "Julie Davis reported from Midway Atoll": a dateline, not a report.
    if matches!(t.lower(), "reported" | "reporting" | "reports")
        && tokens.get(i + 1).is_some_and(|n| n.lower() == "from")
        && tokens.get(i + 2).is_some_and(|n| n.capitalized())
    {
        return false;
    }
    if t.text.chars().all(|c| c.is_uppercase()) && t.text.len() > 1 {
        return false; // "QUESTIONABLE MEDICAL CLAIMS": a heading
    }
    // "were announced by", "was told", "was widely reported": passive, the
    // speaker is elsewhere. So is "reported to have resigned", "said to
    // be": what others say of the subject. (Not "pledged to be", "vowed
    // to have": the subject's own promise.)
    let raised = || {
        matches!(
            t.lower(),
            "reported"
                | "said"
                | "alleged"
                | "believed"
                | "understood"
                | "rumoured"
                | "rumored"
                | "thought"
                | "told"
        ) && tokens.get(i + 1).is_some_and(|n| n.lower() == "to")
            && tokens
                .get(i + 2)
                .is_some_and(|n| matches!(n.lower(), "have" | "be"))
    };
    if (t.lower().ends_with("ed") || matches!(t.lower(), "told" | "said" | "written"))
        && (after_passive_auxiliary(tokens, i) || raised())
    {
        return false;
    }
    // "by saying", "to say", "will say": not something said here.
    if i > 0 {
        let previous = tokens[i - 1].lower();
        // ("Theresa May said", "May wrote on his website": a modal with a
        // capital before a form no modal takes is a name.)
        let cue = t.lower();
        let name_as_modal = tokens[i - 1].capitalized()
            && (cue.ends_with("ed") || cue.ends_with('s') || is_irregular_past(cue));
        let infinitive_or_gerund = is_modal(previous) && !name_as_modal
            || matches!(
                previous,
                "to" | "by"
                    | "without"
                    | "for"
                    | "of"
                    | "about"
                    | "before"
                    | "after"
                    | "while"
                    | "not"
                    | "never"
                    | "didn't"
                    | "doesn't"
                    | "don't"
                    | "won't"
                    | "wouldn't"
                    | "cannot"
                    | "can't"
                    | "didn’t"
                    | "doesn’t"
                    | "don’t"
                    | "won’t"
            );
        // ("He went on to say S": what he said next; "Jo Lee hit back by
        // saying S": the manner of a deed that is no report itself, as
        // "responded" is, in whose report "by saying" is.)
        if infinitive_or_gerund && !after_went_on(tokens, i) && !manner_of_deed(tokens, i) {
            return false;
        }
        // "her lead in pledged delegates", "153 pledged delegates": after
        // a preposition or a number, a participle describes a noun.
        // ("4 in 10 said": "said" describes no noun.)
        let number = previous.chars().next().is_some_and(|c| c.is_ascii_digit())
            && !matches!(t.lower(), "said" | "say" | "says" | "told");
        // ("a large pledged delegate lead": the delegates pledged.)
        let pledged_delegates = t.lower() == "pledged"
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.lower().starts_with("delegate"));
        if number
            || pledged_delegates
            || (matches!(previous, "in" | "of" | "with") && t.lower().ends_with("ed"))
        {
            return false;
        }
    }
    // "charged into the fray", "responded by sidestepping": the verb's
    // other sense, or an act rather than words.
    if tokens.get(i + 1).is_some_and(|n| matches!(n.lower(), "into")) {
        return false;
    }
    // ("responded quickly by slotting over a penalty", "replied by
    // scoring": an answer in deeds; "responded by saying" is in words.)
    if matches!(
        t.lower(),
        "responded"
            | "responds"
            | "respond"
            | "replied"
            | "replies"
            | "reply"
            | "reacted"
            | "reacts"
            | "answered"
    ) {
        let by = (i + 1..tokens.len().min(i + 4))
            .find(|&k| !(tokens[k].is_word() && tokens[k].lower().ends_with("ly")))
            .filter(|&k| tokens[k].lower() == "by");
        // (Any form of a verb of saying is words: "by explaining".)
        let of_saying = |gerund: &str| {
            let stem = gerund.strip_suffix("ing").unwrap_or(gerund);
            cues::is_cue_word(gerund)
                || ["ed", "es", "s"]
                    .iter()
                    .any(|end| cues::is_cue_word(&format!("{stem}{end}")))
        };
        if let Some(by) = by
            && tokens
                .get(by + 1)
                .is_some_and(|g| g.is_word() && g.lower().ends_with("ing") && !of_saying(g.lower()))
        {
            return false;
        }
    }
    true
}

/// Whether a cue word is its verb's base form ("explain", "say"): neither
/// a past ("-ed", "said", "told", "wrote"), a third person's "-s" nor a
/// participle ("-ing").
fn is_base_form(word: &str) -> bool {
    !(word.ends_with("ed")
        || word.ends_with("ing")
        || word.ends_with('s') && !word.ends_with("ss")
        || matches!(
            word,
            "said" | "told" | "wrote" | "spoke" | "thought" | "felt" | "knew"
        ))
}

/// Whether `word` (lowercase) is a modal verb, whose base form after it
/// says what may be done or said, not what was.
fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must"
    )
}

/// "Jo Lee hit back by saying S", "She began by arguing S": a gerund of
/// saying after "by", the verb before it no cue of its own, and a clause
/// after it ("that", a colon, a quotation, or a finite verb within a few
/// words: not "request a film by saying the actor's name", nor "crowned
/// the day by claiming victory in the race", a win).
fn manner_of_deed(tokens: &[Token], i: usize) -> bool {
    let clause_follows = || {
        tokens
            .get(i + 1)
            .is_some_and(|t| t.lower() == "that" || t.text == ":" || is_open_quote(t))
            || (i + 1..tokens.len().min(i + 10))
                .take_while(|&k| tokens[k].is_word())
                .any(|k| {
                    let word = tokens[k].lower();
                    FINITE_AUXILIARIES.contains(&word) || word.ends_with("ed") && !tokens[k].capitalized()
                })
    };
    i >= 2
        && tokens[i - 1].lower() == "by"
        && matches!(
            tokens[i].lower(),
            "saying"
                | "arguing"
                | "claiming"
                | "insisting"
                | "suggesting"
                | "declaring"
                | "stating"
                | "warning"
        )
        && tokens[i - 2].is_word()
        && !is_cue(tokens, i - 2)
        && clause_follows()
}

/// Whether the word after a plural noun that doubles as a cue ("claims",
/// "reports", "remarks") shows the noun's own predicate or modifier rather
/// than a clause said: a preposition ("reports through Jan. 31"), an
/// auxiliary ("report has cleared"), "which", or a verb in the past tense
/// ("remarks loomed large").
fn noun_then_predicate(next: &Token) -> bool {
    let word = next.lower();
    if !next.is_word() || next.capitalized() {
        return false;
    }
    matches!(
        word,
        "through"
            | "at"
            | "in"
            | "on"
            | "for"
            | "from"
            | "of"
            | "about"
            | "against"
            | "over"
            | "under"
            | "during"
            | "since"
            | "amid"
            | "among"
            | "like"
            | "is"
            | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "been"
            | "which"
    ) || is_modal(word)
        || word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}

/// `"... consumers" said Lee Rainie, director of ...`: a quotation closed
/// right before "said" and a name, to the sentence's end or a comma, is
/// attributed though the comma after it is missing; not `the "experts" said
/// Labour would lose`, where a clause follows the cue, nor a scare quote
/// with little before it (`The "experts" said Labour.`).
fn comma_left_out(tokens: &[Token], close: usize, c: usize) -> bool {
    if c != close + 1
        || !matches!(tokens[c].lower(), "said" | "says" | "added" | "adds")
        || tokens[..close].iter().filter(|t| t.is_word()).count() < 3
    {
        return false;
    }
    let end = (c + 1..tokens.len())
        .find(|&i| matches!(tokens[i].text, "," | "." | ";"))
        .unwrap_or(tokens.len());
    end > c + 1
        && tokens[c + 1..end].iter().all(|t| t.is_word() && t.capitalized())
        && plausible_speaker(&tokens[c + 1..end])
}

/// Whether a token is a dash: hyphen, en or em dash, or the horizontal bar
/// some papers set after a dateline ("WASHINGTON ― The ..."), standing alone.
fn is_dash(token: &Token) -> bool {
    matches!(token.text, "-" | "–" | "—" | "―")
}

/// Whether the word at `i` follows a form of "be", or one and an adverb
/// ("was once asked", "is widely reported"): a passive participle.
fn after_passive_auxiliary(tokens: &[Token], i: usize) -> bool {
    let be = |t: &Token| is_form_of_be(t.lower());
    i > 0
        && (be(&tokens[i - 1])
            || i > 1
                && be(&tokens[i - 2])
                && (tokens[i - 1].lower().ends_with("ly")
                    || matches!(
                        tokens[i - 1].lower(),
                        "once"
                            | "also"
                            | "then"
                            | "later"
                            | "still"
                            | "now"
                            | "never"
                            | "often"
                            | "first"
                            | "not"
                            | "reportedly"
                    )))
}

/// Where the source of ", according to" at `a` closes with a comma when
/// the claim goes on after it: after a short opening phrase ("By 2008,
/// according to the survey, most phones will ..."), joined to it with a
/// comma; after a conjunction or a relative "that" ("... years ago after,
/// according to him, the network ..."), with a space; after the "that" of
/// a report ("The agency reported that, according to X, S"), the rest
/// alone (`None`), the report being the agency's. Elsewhere the
/// words after such a comma describe the source ("according to Jo Lee, a
/// trustee of the fund").
fn according_to_inside(tokens: &[Token], a: usize, end: usize) -> Option<(usize, Option<&'static str>)> {
    let close = (a + 2..tokens.len())
        .take_while(|&i| tokens[i].span.start < end)
        .find(|&i| tokens[i].text == ",")?;
    let rest: Vec<&Token> = tokens[close + 1..]
        .iter()
        .take_while(|t| t.span.start < end)
        .filter(|t| t.is_word())
        .collect();
    let first = rest.first()?.lower();
    if rest.len() < 3
        || close == a + 2
        || first.ends_with("ing")
        || matches!(
            first,
            "who" | "which" | "whose" | "a" | "an" | "one" | "including" | "and" | "but"
        )
    {
        return None;
    }
    let before: Vec<&Token> = tokens[..a - 1].iter().filter(|t| t.is_word()).collect();
    let last = before.last()?.lower();
    // ("a site that, according to reports, let users ...": a relative
    // "that" stays with its clause.)
    if last == "that" && before.len() >= 2 && cues::is_cue_word(before[before.len() - 2].lower()) {
        return Some((close, None));
    }
    if last == "that" {
        return Some((close, Some(" ")));
    }
    // ("S, and, according to X, contain few surprises": the aside set
    // off after a conjunction, whose clause goes on after it.)
    if matches!(
        last,
        "after" | "before" | "because" | "when" | "while" | "if" | "since" | "until" | "as" | "and" | "but"
    ) {
        return Some((close, Some(" ")));
    }
    // "The problem, according to Mr Lane, is S": the sentence's subject,
    // a phrase with no verb, then its verb after the aside.
    if before.len() <= 6
        && (DETERMINERS.contains(&before[0].lower()) || before[0].capitalized())
        && !before.iter().any(|w| {
            let word = w.lower();
            AUXILIARIES.contains(&word)
                || word.ends_with("ed")
                || cues::is_cue_word(word)
                || PRONOUNS.contains(&word)
        })
        // (Its verb, in any tense: "The findings, according to X,
        // contain few surprises"; not a preposition or an article.)
        && !rest[0].capitalized()
        && !DETERMINERS.contains(&first)
        && !PREPOSITIONS.contains(&first)
    {
        return Some((close, Some(" ")));
    }
    let opener = before.len() <= 6
        && (PREPOSITIONS.contains(&before[0].lower()) || matches!(before[0].lower(), "last" | "this"))
        && before
            .iter()
            .all(|w| !AUXILIARIES.contains(&w.lower()) && !w.lower().ends_with("ed"));
    opener.then_some((close, Some(", ")))
}

/// Whether a word that is a noun as often as a verb ("report", "claims",
/// "remarks") is the noun here, by its neighbours: a name it is part of
/// ("the Drudge Report"); for the plural, what follows a noun ("reports of
/// the blast", "remarks by the mayor", "press reports were"); for the plain
/// form, a subject that cannot be plural, which the verb would need
/// ("officials report", "critics of the plan claim", "which voters claim
/// is"), before what follows a noun ("Lee's claim is", "a claim of"), or
/// before any "report" or "remark" ("a CNN report that", "a new report
/// compares", "an odd remark"), which are seldom verbs.
fn noun_in_context(tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].lower();
    let singular = matches!(word, "report" | "remark" | "claim" | "note");
    if !singular && !matches!(word, "reports" | "remarks" | "claims" | "notes") {
        return false;
    }
    let Some(previous) = i.checked_sub(1).map(|p| &tokens[p]).filter(|p| p.is_word()) else {
        return false;
    };
    // A capital mid-sentence, after another: part of a name, in a
    // sentence that is no title ("World Report", not "Aides Claim Win").
    if tokens[i].capitalized()
        && previous.capitalized()
        && tokens
            .iter()
            .any(|t| t.is_word() && !t.capitalized() && !TITLE_SMALL_WORDS.contains(&t.lower()))
    {
        return true;
    }
    // (A verb inside a relative clause is followed by one too: "the sale,
    // which Yukos claims was illegal".)
    let relative = tokens[i.saturating_sub(4)..i]
        .iter()
        .any(|t| matches!(t.lower(), "which" | "that" | "who" | "what"));
    let next_of_noun = tokens.get(i + 1).is_some_and(|n| match n.lower() {
        "of" | "by" => true,
        "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will" | "would" | "could" => !relative,
        _ => false,
    });
    let before = previous.lower();
    // "denied the claims", "amid fresh claims", "dismissed reports", "its
    // central claim": after a determiner, a word of news or a word that
    // takes an object, the word is a noun (not after "the Associated
    // Press"); so after a name that follows a preposition ("hit back at
    // Labour claims").
    // (At a sentence's start, capitalized: "Following claims that ...",
    // "Amid reports that ...".)
    if (!previous.capitalized() || i == 1) && (NOUN_BEFORE.contains(&before) || !singular && before == "to")
        || previous.capitalized()
            && i >= 2
            && matches!(
                tokens[i - 2].lower(),
                "at" | "over" | "amid" | "about" | "against" | "with" | "despite"
            )
    {
        return true;
    }
    // "Addressing claims that ...", "rejecting reports of ...": the object
    // of a participle that opens the sentence or follows a comma.
    if !singular
        && before.len() > 5
        && before.ends_with("ing")
        && (i == 1 || i >= 2 && tokens[i - 2].text == ",")
    {
        return true;
    }
    if !singular {
        return next_of_noun;
    }
    let plural_subject = before.ends_with('s')
        || before.ends_with("ly")
        || matches!(
            before,
            "i" | "we"
                | "you"
                | "they"
                | "who"
                | "that"
                | "which"
                | "people"
                | "data"
                | "police"
                | "men"
                | "women"
                | "children"
                | "media"
                | "also"
                | "often"
                | "still"
                | "now"
                | "even"
                | "then"
                | "alike"
                | "all"
                | "both"
                | "itself"
                | "themselves"
        );
    !plural_subject && (next_of_noun || matches!(word, "report" | "remark"))
}

/// Whether tokens[from..to] can be a speaker: a short phrase with a name,
/// a pronoun, or a noun such as "officials" or "the agency".
fn plausible_speaker(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    // (Not the apostrophe of "Sanders’ campaign".)
    if tokens
        .iter()
        .enumerate()
        .any(|(i, t)| (is_open_quote(t) || is_close_quote(t)) && !plural_possessive(tokens, i))
    {
        return false;
    }
    let first = words[0].lower();
    // ("A speech by Jo Lee drew a crowd, suggesting S": an article alone,
    // its noun taken for a cue, speaks for no one.)
    if words.len() == 1 && matches!(first, "a" | "an" | "the") {
        return false;
    }
    if [
        "that",
        "which",
        "who",
        "what",
        "when",
        "if",
        "as",
        "but",
        "and",
        "because",
        "while",
        "so",
        "then",
        "also",
        // ("Having said that, ...", "Having announced S, the judge
        // went on": a participle opening the sentence, whose subject
        // comes after it.)
        "having",
        "being",
        // ("Keeps saying she opposed the war": a verb of going on, whose
        // subject the sentence left out.)
        "keeps",
        "kept",
        "continues",
        "continued",
    ]
    .contains(&first)
    {
        return false;
    }
    // "The album came out and": a clause cut at its conjunction.
    if words.len() > 1 && matches!(words[words.len() - 1].lower(), "and" | "or" | "but") {
        return false;
    }
    // "..., based on documents found in Baghdad": a participle's phrase.
    if !words[0].capitalized()
        && (first.ends_with("ed") || first.ends_with("ing"))
        && words.get(1).is_some_and(|w| PREPOSITIONS.contains(&w.lower()))
    {
        return false;
    }
    // "About 9 percent", "nearly half of voters", "half of GOP voters",
    // "more than 4 in 10": a share of people.
    let share = matches!(
        first,
        "half"
            | "three-quarters"
            | "three-fourths"
            | "two-thirds"
            | "one-third"
            | "one-quarter"
            | "one-fourth"
            | "two-fifths"
            | "three-fifths"
            | "majority"
    ) || matches!(first, "more" | "fewer" | "less")
        && words.get(1).is_some_and(|w| w.lower() == "than")
        || matches!(
            first,
            "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "around"
                | "over"
                | "under"
                | "only"
                | "just"
                | "some"
                | "fully"
        ) && words.get(1).is_some_and(|w| {
            w.text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w.lower(),
                    "half"
                        | "a"
                        | "one"
                        | "two"
                        | "three"
                        | "a third"
                        | "third"
                        | "quarter"
                        | "two-thirds"
                        | "three-quarters"
                        | "one-third"
                        | "one-quarter"
                )
                || NUMBERS.contains(&w.lower())
        });
    // A speaker starts with a name, a pronoun, or a determiner: "has in
    // the past repeatedly" is the rest of a clause, not a speaker.
    // ("People familiar with the talks", "people close to her": the
    // unnamed sources of a report, not "people" at large.)
    let sources = first == "people"
        && words.get(1).is_some_and(|w| {
            matches!(
                w.lower(),
                "familiar" | "close" | "briefed" | "with" | "involved" | "knowledgeable" | "who"
            )
        });
    if !share && PREPOSITIONS.contains(&first)
        || ["i", "you", "we", "let's", "let’s", "every", "people"].contains(&first) && !sources
    {
        return false;
    }
    let people = people_group(&words);
    // "former Ohio Gov. Jo Lee", "retired Gen. Jo Lee", "state Sen. Jo
    // Lee": a lowercase word that dates or places the title before it.
    let modified_title = MODIFIERS.contains(&first)
        && words
            .get(1)
            .is_some_and(|w| w.capitalized() || is_inverted_role(w.lower()));
    // "spokesman John Kirby", "department spokesman Jo Lee": lowercase
    // words that end in a role, then the name of who holds it.
    // "former tech executive Carly Fiorina", "retired neurosurgeon Ben
    // Carson": after "former" and the like, any lowercase noun phrase
    // before a full name is its holder's occupation.
    // ("said editor David Roberts", "critic Mark Kermode": an occupation,
    // before a full name.)
    let role_before_name = words.iter().position(|w| w.capitalized()).is_some_and(|k| {
        (1..=3).contains(&k)
            && (is_inverted_role(words[k - 1].lower())
                || super::speakers::is_occupation(words[k - 1].lower())
                    && words.get(k + 1).is_some_and(|w| w.capitalized())
                    // (Not "singer Gary Lightbody and drummer Jonny Quinn":
                    // two of them, each with their own.)
                    && !words.iter().any(|w| matches!(w.lower(), "and" | "or"))
                || MODIFIERS.contains(&first)
                    && k >= 2
                    && words[1..k]
                        .iter()
                        .all(|w| !looks_like_verb(w) && !is_time_word(w.lower()))
                    && words.get(k + 1).is_some_and(|w| w.capitalized()))
    });
    let starts_well = share
        || people
        || modified_title
        || role_before_name
        || words[0].capitalized()
        || PRONOUNS.contains(&first)
        || DETERMINERS.contains(&first)
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || SPEAKER_NOUNS.contains(&first);
    if !starts_well {
        return false;
    }
    // "President Trump appreciated the call and told": two clauses, not a
    // speaker; "Smith and Jones" is fine.
    // ("Federal and state officials" is a speaker too: only a past-tense
    // verb shows a second clause.)
    let has_and = words.iter().any(|w| w.lower() == "and");
    if has_and
        && words
            .iter()
            .any(|w| !w.capitalized() && w.lower().ends_with("ed"))
    {
        return false;
    }
    // Verbs inside the phrase mean it is a clause ("the official who was").
    if words.iter().enumerate().any(|(k, w)| {
        !modal_in_name(w, k.checked_sub(1).map(|b| words[b]), words.get(k + 1).copied())
            && matches!(
                w.lower(),
                "is" | "was"
                    | "were"
                    | "are"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
                    | "not"
                    | "who"
                    | "which"
                    | "that"
            )
    }) {
        return false;
    }
    true
}

/// Whether a modal with a capital, between the words `before` and
/// `after` it, is part of a name: "Will Young", "Theresa May", "Can
/// Dundar" (beside another capitalized word; "May" alone may be a month).
fn modal_in_name(word: &Token, before: Option<&Token>, after: Option<&Token>) -> bool {
    let capital = |t: Option<&Token>| t.is_some_and(|t| t.is_word() && t.capitalized());
    word.capitalized()
        && matches!(word.lower(), "will" | "may" | "can")
        && (capital(before) || capital(after))
}

/// Words that may stand before a speaker: "But Flynn said", "where
/// experts say".
const LEADING: &[&str] = &[
    "but",
    "and",
    "what",
    "so",
    "yet",
    "still",
    "however",
    "meanwhile",
    "now",
    "then",
    "instead",
    "where",
    "while",
    "though",
    "although",
    "because",
    "as",
    "when",
    "also",
    "indeed",
    "moreover",
    "later",
    "earlier",
    "separately",
];

/// A verb's finite auxiliaries and forms of "be" and "have": after a
/// subject they show a clause has begun ("Saturday had been", "it is").
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might",
    "should", "must",
];

/// Words that may stand between a speaker and the cue: "has said",
/// "is saying", "also said", "repeatedly claimed".
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "also",
    "now",
    "still",
    "repeatedly",
    "later",
    "then",
    "again",
    "previously",
    "publicly",
    "reportedly",
    "once",
    "recently",
    "often",
    "further",
    "quickly",
    "flatly",
    "strongly",
    "firmly",
    "already",
    "even",
    "just",
    "finally",
    "initially",
    "first",
    "privately",
    "separately",
    "explicitly",
    // ("Labour has always maintained S", "he has long argued S".)
    "always",
    "long",
    "consistently",
];

const PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "by",
    "for",
    "with",
    "without",
    "from",
    "since",
    "until",
    "under",
    "over",
    "about",
    "among",
    "into",
    "through",
    "like",
    "unlike",
    "despite",
    "once",
    "although",
    "though",
    "there",
    "here",
    "now",
    "still",
    "yet",
    "even",
    "just",
    "only",
    "meanwhile",
    "however",
    "instead",
];

/// Kinship nouns: after a name's possessive, a person ("Lee's son").
const KIN: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "father",
    "mother",
    "brother",
    "sister",
    "spouse",
    "partner",
    "widow",
    "widower",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "grandson",
    "granddaughter",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "some", "many",
    "several", "two", "three", "both", "other", "another", "one", "most", "few", "all", "each", "every",
    "no", "senior", "top",
];

const NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "both",
];

/// Lowercase words that open a speaker phrase before a title or a name
/// ("former Ohio Gov. Jo Lee", "retired Gen. Jo Lee", "state Sen. Jo Lee").
const MODIFIERS: &[&str] = &[
    "former", "retired", "state", "veteran", "longtime", "outgoing", "acting",
];

/// Lowercase nouns that commonly head a speaker phrase with no determiner.
const SPEAKER_NOUNS: &[&str] = &[
    "men",
    "women",
    "suspects",
    "officers",
    "leaders",
    "members",
    "companies",
    "groups",
    "agencies",
    "officials",
    "sources",
    "critics",
    "experts",
    "analysts",
    "aides",
    "advisers",
    "lawmakers",
    "democrats",
    "republicans",
    "police",
    "prosecutors",
    "witnesses",
    "residents",
    "supporters",
    "opponents",
    "investigators",
    "authorities",
    "researchers",
    "economists",
    "scientists",
    "voters",
    "people",
    "observers",
    "diplomats",
    "allies",
    "friends",
    "families",
    "veterans",
    "delegates",
    "candidates",
    "colleagues",
    "neighbors",
    "neighbours",
    "employees",
    "liberals",
    "moderates",
    "citizens",
    "judges",
];

/// Whether a quotation is open after `token`, the `i`th of its sentence,
/// given whether one was open before it. Curly quotes open and close
/// plainly; a straight `"` closes an open quotation, else opens one, but
/// one that starts a sentence inside a quotation reopens it (a quote of
/// several sentences marks each: `... the war. "He was detained ..."`).
pub(super) fn quotation_after(open: bool, i: usize, token: &Token) -> bool {
    match token.text {
        "“" | "«" | "„" => true,
        "”" | "»" => false,
        "\"" | "''" => i == 0 || !open,
        _ => open,
    }
}

/// Whether a sentence opens a quotation of its own ("He added: \"..."):
/// a quotation still open from before was left unclosed by mistake, as
/// happens, and this sentence is not inside it.
pub(super) fn opens_own_quotation(tokens: &[Token]) -> bool {
    (1..tokens.len().min(7).saturating_sub(2)).any(|c| {
        tokens[c + 1].text == ":"
            && is_open_quote(&tokens[c + 2])
            && !tokens[..c].iter().any(|t| is_open_quote(t) || is_close_quote(t))
            && is_cue(tokens, c)
    })
}

/// "He said:" or "Dr. Ward stated:" ending its sentence, as a speech or a
/// statement quoted at length is introduced: the speaker's and the cue's
/// spans. What was said is the next sentence (often a new paragraph).
pub(super) fn introduction(tokens: &[Token]) -> Option<(Span, Span)> {
    let n = tokens.len();
    if n < 3 || tokens[n - 1].text != ":" {
        return None;
    }
    let c = n - 2;
    if !is_cue(tokens, c) || tokens[c].lower().ends_with("ing") {
        return None;
    }
    let mut end = c;
    while end > 0 && AUXILIARIES.contains(&tokens[end - 1].lower()) {
        end -= 1;
    }
    // "In a 1963 speech, he declared:": the speaker after the last comma.
    let mut start = (0..end)
        .rev()
        .find(|&i| matches!(tokens[i].text, "," | ";") || is_close_quote(&tokens[i]))
        .map_or(0, |b| b + 1);
    while start < end && LEADING.contains(&tokens[start].lower()) {
        start += 1;
    }
    (start < end && plausible_speaker(&tokens[start..end])).then(|| {
        (
            Span::new(tokens[start].span.start, tokens[end - 1].span.end),
            tokens[c].span,
        )
    })
}

/// A sentence that opens with a named person and a verb in the past that
/// is no cue ("Tory leader Michael Howard reiterated calls for ...", "But
/// Mr Lee attacked the plan"): the name's span (a title before it
/// included) and the verb's. A quotation alone in the next sentence is
/// theirs. Only a name whose last words are capitalized, two of them at
/// least ("Jo Lee", "Mr Lee"), right before the verb.
pub(super) fn named_subject(tokens: &[Token]) -> Option<(Span, Span)> {
    let from = usize::from(tokens.first().is_some_and(|t| matches!(t.lower(), "but" | "and")));
    // (The verb is the first lowercase word after the name: the words
    // before the name may be a lowercase post, "foreign affairs spokesman".)
    let verb = (from + 1..tokens.len().min(from + 10)).find(|&i| {
        !tokens[i].is_word()
            || !tokens[i].capitalized() && tokens[i - 1].capitalized() && tokens[i].lower().ends_with("ed")
    })?;
    let v = &tokens[verb];
    let run = tokens[from..verb]
        .iter()
        .rev()
        .take_while(|t| t.capitalized())
        .count();
    // (A word found there is the verb in "-ed"; the words before it are
    // all words, the first one asked here.)
    (v.is_word()
        && tokens[from].is_word()
        && !is_cue(tokens, verb)
        && run >= 2
        && !tokens[verb - run..verb].iter().any(names_a_date)
        && plausible_speaker(&tokens[from..verb]))
    .then(|| {
        (
            Span::new(tokens[from].span.start, tokens[verb - 1].span.end),
            v.span,
        )
    })
}

/// Whether the clause at `from` opens with a speaker of its own, a
/// pronoun or a name, whose cue and colon introduce a quotation: "he told
/// delegates: \"Q\"", "Mr Brown said: \"Q\"" (not a quoted phrase inside
/// a report, "Obama said \"there is love\" in Orlando").
fn quotes_own_speaker(tokens: &[Token], from: usize) -> bool {
    let speaker = tokens
        .get(from)
        .filter(|t| matches!(t.lower(), "he" | "she" | "they"))
        .map(|_| 1)
        .unwrap_or_else(|| {
            tokens[from.min(tokens.len())..]
                .iter()
                .take(4)
                .take_while(|t| t.is_word() && t.capitalized())
                .count()
        });
    let cue = from + speaker;
    speaker > 0
        && cue < tokens.len()
        && is_cue(tokens, cue)
        && (cue + 1..tokens.len().min(cue + 5))
            .any(|i| tokens[i].text == ":" && tokens.get(i + 1).is_some_and(is_open_quote))
}

/// Whether "point out" at `i` (the form of "point", "out" after it)
/// reports what was said (see `contextual_cue`).
fn pointed_out(tokens: &[Token], i: usize) -> bool {
    let previous = tokens[i - 1].lower();
    // ("a point out of ten", "the points out there": a noun.)
    if DETERMINERS.contains(&previous) || super::speakers::has_possessive(tokens[i - 1].text) {
        return false;
    }
    let Some(after) = tokens.get(i + 2) else {
        return true;
    };
    if after.lower() == "that" || after.text == ":" || is_open_quote(after) {
        // (The participle only after a comma: "..., pointing out that S",
        // not "by pointing out that" nor "is worth pointing out that".)
        return no_ing_form_or_set_off(tokens, i);
    }
    // ("As Jo Lee pointed out, S": the main clause is what was said.)
    if after.text == "," && (0..i).rev().take(6).any(|k| tokens[k].lower() == "as") {
        return true;
    }
    if matches!(after.text, "." | "!") || is_close_quote(after) {
        return matches!(previous, "he" | "she" | "they") || tokens[i - 1].capitalized();
    }
    // A clause with no "that": a subject of at most five words, then its
    // finite verb ("conditions in New York will be", "he was").
    no_ing_form_or_set_off(tokens, i)
        && tokens[i + 2..]
            .iter()
            .take(6)
            .take_while(|t| t.is_word())
            .enumerate()
            .any(|(at, t)| at > 0 && FINITE_AUXILIARIES.contains(&t.lower()))
}

/// Whether "made (it) clear" at `i` (the form of "make", the rest after
/// it) reports what was said (see `contextual_cue`).
fn made_clear(tokens: &[Token], i: usize) -> bool {
    let previous = tokens[i - 1].lower();
    let base = tokens[i].lower() == "make";
    if after_passive_auxiliary(tokens, i)
        || base && (previous == "to" || is_modal(previous))
        || !no_ing_form_or_set_off(tokens, i)
    {
        return false;
    }
    let from = i + cue_words(tokens, i);
    let Some(after) = tokens.get(from) else {
        return false;
    };
    if after.lower() == "that" || after.text == ":" || is_open_quote(after) {
        return true;
    }
    // ("made it clear to reporters that S": to whom, then what.)
    if after.lower() == "to" {
        return (from + 1..tokens.len().min(from + 6))
            .take_while(|&k| tokens[k].is_word())
            .any(|k| tokens[k].lower() == "that");
    }
    // A clause with no "that": a subject of at most five words, then its
    // verb ("he would stay", "the plan failed"; "the comment hit a nerve"
    // is past the reach of a word list).
    tokens[from..]
        .iter()
        .take(6)
        .take_while(|t| t.is_word())
        .enumerate()
        .any(|(at, t)| {
            at > 0
                && !t.capitalized()
                && (FINITE_AUXILIARIES.contains(&t.lower()) || t.lower().ends_with("ed"))
        })
        && !matches!(
            after.lower(),
            "for" | "in" | "on" | "at" | "with" | "how" | "what" | "why" | "who" | "which" | "where" | "when"
        )
}

/// How many words the cue at `c` has: two for "pointed out" and "made
/// clear", three for "made it clear" (or "plain"), else one.
fn cue_words(tokens: &[Token], c: usize) -> usize {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower());
    match tokens[c].lower() {
        "point" | "points" | "pointed" | "pointing" if word(c + 1) == "out" => 2,
        "make" | "makes" | "made" | "making" => match (word(c + 1), word(c + 2)) {
            ("clear" | "plain", _) => 2,
            ("it", "clear" | "plain") => 3,
            _ => 1,
        },
        _ => 1,
    }
}

/// Whether the word at `i` is no "-ing" form, or one set off by a comma
/// as a participle of its own (", pointing out that S"; not "worth
/// pointing out that").
fn no_ing_form_or_set_off(tokens: &[Token], i: usize) -> bool {
    !tokens[i].lower().ends_with("ing") || set_off_by_comma(tokens, i)
}

/// Whether a comma, or a comma and a closing quote mark (`,"`), stands
/// right before the word at `i` (`i` > 0).
fn set_off_by_comma(tokens: &[Token], i: usize) -> bool {
    tokens[i - 1].text == "," || i > 1 && is_close_quote(&tokens[i - 1]) && tokens[i - 2].text == ","
}

/// The attributions of one sentence. `in_quotation`: whether a quotation
/// from an earlier sentence is still open (the caller has already closed
/// one this sentence shows was left unclosed, see `opens_own_quotation`).
pub(super) fn match_sentence(tokens: &[Token], in_quotation: bool) -> Vec<RawMatch> {
    let mut out = Vec::new();
    let n = tokens.len();
    if n < 3 {
        return out;
    }
    // Which tokens stand inside a quotation (one may be open from an
    // earlier sentence): a cue there is part of someone's quoted words
    // ("... his playbook said to look for people," Warren said), a report
    // inside a report that is not an attribution of its own.
    let mut quoted_at = Vec::with_capacity(n);
    let mut open = in_quotation;
    for (i, token) in tokens.iter().enumerate() {
        quoted_at.push(open);
        open = quotation_after(open, i, token);
    }
    let sentence = Span::new(tokens[0].span.start, tokens[n - 1].span.end);

    // "According to NP, S". (Not "According to an advance text, he told
    // delegates: \"Q\"": where S quotes its own speaker, the words are
    // theirs, and NP only where they were read.)
    if n > 3
        && tokens[0].lower() == "according"
        && tokens[1].lower() == "to"
        && let Some(comma) = (2..n).find(|&i| tokens[i].text == ",")
        && !quotes_own_speaker(tokens, comma + 1)
    {
        // "According to Pat Ferguson, President of AMBO, work will begin
        // ...": a name's post set off after it is their role, not the
        // claim's first words.
        let named = tokens[2..comma].iter().all(|t| t.is_word() && t.capitalized());
        let post = named
            .then(|| (comma + 2..n.min(comma + 14)).find(|&i| tokens[i].text == ","))
            .flatten()
            // (A post in it: not "According to Jo Lee, sales, which fell
            // ...". And a clause after it: not "According to Jo Lee, the
            // minister, who left, was wrong", whose minister is claimed
            // about.)
            .filter(|&close| {
                tokens[comma + 1..close]
                    .iter()
                    .any(|t| super::speakers::is_role_word(t.text))
                    && tokens.get(close + 1).is_some_and(|t| {
                        !matches!(t.lower(), "who" | "which" | "whose" | "whom") && !looks_like_verb(t)
                    })
            })
            .and_then(|close| Some((close, appositive_span(tokens, comma + 1, close)?)));
        let (content_from, appositive) = match post {
            Some((close, span)) => (tokens[close].span.end, Some(span)),
            None => (tokens[comma].span.end, None),
        };
        out.push(RawMatch {
            mention: Span::new(tokens[2].span.start, tokens[comma].span.start),
            cue: Span::new(tokens[0].span.start, tokens[1].span.end),
            content: Span::new(content_from, sentence.end),
            quoted: false,
            pattern: "according-to-np-s",
            antecedent: None,
            appositive,
            left_out: None,
        });
        return out;
    }
    // "As reported by NP, S", "As first noted by NP, S": the same, with
    // the participle as the cue.
    if n > 5
        && tokens[0].lower() == "as"
        && let Some(by) = (2..4.min(n)).find(|&i| tokens[i].lower() == "by")
        && let Some(cue) = (1..by).find(|&i| is_cue(tokens, i) && tokens[i].lower().ends_with("ed"))
        && (1..by).all(|i| {
            i == cue
                || tokens[i].lower().ends_with("ly")
                || matches!(tokens[i].lower(), "first" | "previously")
        })
        && let Some(comma) = (by + 2..n).find(|&i| tokens[i].text == ",")
        && comma + 1 < n
        && plausible_speaker(&tokens[by + 1..comma])
    {
        out.push(RawMatch {
            mention: Span::new(tokens[by + 1].span.start, tokens[comma - 1].span.end),
            cue: tokens[cue].span,
            content: Span::new(tokens[comma].span.end, sentence.end),
            quoted: false,
            pattern: "as-cue-by-np-s",
            antecedent: None,
            appositive: None,
            left_out: None,
        });
        return out;
    }
    // "S, according to NP."
    if let Some(a) =
        (1..n.saturating_sub(2)).find(|&i| tokens[i].lower() == "according" && tokens[i + 1].lower() == "to")
        && a > 1
        && tokens[a - 1].text == ","
        // "S, according to the code": a document, not a speaker.
        && !(a + 2..n.min(a + 6)).any(|i| DOCUMENTS.contains(&tokens[i].lower()))
    {
        // The phrase ends before ", and demanded ...". (Not "is not X,
        // but Y": the claim's own contrast.)
        let end = (a + 2..n)
            .find(|&i| {
                tokens[i].text == ","
                    && tokens.get(i + 1).is_some_and(|t| match t.lower() {
                        "and" => true,
                        "but" => !tokens[a + 2..i].iter().any(|t| t.lower() == "not"),
                        _ => false,
                    })
            })
            .map_or(sentence.end, |i| tokens[i].span.start);
        let (mention, content, left_out) = match according_to_inside(tokens, a, end) {
            // "The agency found that, according to X, S": S alone.
            Some((close, None)) => (
                Span::new(tokens[a + 1].span.end, tokens[close].span.start),
                Span::new(tokens[close + 1].span.start, end),
                None,
            ),
            Some((close, Some(joint))) => (
                Span::new(tokens[a + 1].span.end, tokens[close].span.start),
                Span::new(sentence.start, end),
                Some((
                    Span::new(tokens[a - 1].span.start, tokens[close + 1].span.start),
                    joint,
                )),
            ),
            // (The speaker ends at a comma that no description of them
            // follows: "according to Jo Lee, in a move that ...".)
            None => (
                Span::new(
                    tokens[a + 1].span.end,
                    (a + 3..n)
                        .take_while(|&i| tokens[i].span.start < end)
                        .find(|&i| {
                            tokens[i].text == ","
                                && tokens.get(i + 1).is_some_and(|t| {
                                    t.is_word() && !t.capitalized() && !DETERMINERS.contains(&t.lower())
                                })
                        })
                        .map_or(end, |i| tokens[i].span.start),
                ),
                Span::new(sentence.start, tokens[a - 1].span.start),
                None,
            ),
        };
        // "according to CrowdTangle, a tool that tracks posts": the
        // source's description, not its name.
        let described = (a + 3..n)
            .take_while(|&i| tokens[i].span.start < mention.end)
            .find(|&i| {
                tokens[i].text == ","
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| matches!(t.lower(), "a" | "an" | "the"))
            });
        let (mention, appositive) = match described {
            // (Only a name's: "according to public filings, a huge sum"
            // describes the sum.)
            Some(comma) => (
                Span::new(mention.start, tokens[comma].span.start),
                tokens[a + 2]
                    .capitalized()
                    .then(|| Span::new(tokens[comma + 1].span.start, mention.end)),
            ),
            None => (mention, None),
        };
        out.push(RawMatch {
            mention,
            cue: Span::new(tokens[a].span.start, tokens[a + 1].span.end),
            content,
            quoted: false,
            pattern: "s-according-to-np",
            antecedent: None,
            appositive,
            left_out,
        });
        return out;
    }

    // "S, an allegation that NP has rejected.": NP denies S.
    if let Some(c) = (3..n).find(|&c| matches!(tokens[c].lower(), "rejected" | "denied" | "disputed"))
        && let Some(that) = (1..c).rev().find(|&i| tokens[i].lower() == "that")
        && matches!(
            tokens[that - 1].lower(),
            "allegation" | "claim" | "accusation" | "assertion" | "charge"
        )
        && let Some(comma) = (0..that).rev().find(|&i| tokens[i].text == ",")
        && comma > 2
    {
        let mut np_end = c;
        while np_end > that + 1 && AUXILIARIES.contains(&tokens[np_end - 1].lower()) {
            np_end -= 1;
        }
        if that + 1 < np_end && plausible_speaker(&tokens[that + 1..np_end]) {
            out.push(RawMatch {
                mention: Span::new(tokens[that + 1].span.start, tokens[np_end - 1].span.end),
                cue: tokens[c].span,
                content: Span::new(sentence.start, tokens[comma].span.start),
                quoted: false,
                pattern: "s-allegation-np-rejected",
                antecedent: None,
                appositive: None,
                left_out: None,
            });
        }
    }
    // "identified in Russian media as X": the media say the person is X.
    if let Some(c) = (1..n).find(|&c| tokens[c].lower() == "identified")
        && matches!(tokens.get(c + 1).map(|t| t.lower()), Some("in" | "by"))
        && let Some(as_word) = (c + 2..n).find(|&i| tokens[i].lower() == "as")
        && as_word > c + 2
        && plausible_speaker(&tokens[c + 2..as_word])
    {
        let end = (as_word + 1..n)
            .find(|&i| matches!(tokens[i].text, "," | "." | ";"))
            .unwrap_or(n);
        if end > as_word + 1 {
            out.push(RawMatch {
                mention: Span::new(tokens[c + 2].span.start, tokens[as_word - 1].span.end),
                cue: Span::new(tokens[c].span.start, tokens[as_word].span.end),
                content: Span::new(tokens[as_word + 1].span.start, tokens[end - 1].span.end),
                quoted: false,
                pattern: "identified-in-np-as-x",
                antecedent: None,
                appositive: None,
                left_out: None,
            });
        }
    }
    // After a quote's attribution, only a relative clause may still report
    // someone ("..., said Jane Roe, an aide, who also said that ...").
    let mut quote_found = false;
    'cues: for c in 0..n {
        if quoted_at[c] || !is_cue(tokens, c) || matches!(tokens[c].lower(), "identified" | "rejected") {
            continue;
        }
        // (`called it a "ridiculous proposition," adding that`: the comma
        // inside the quote.)
        let after_comma = tokens[c.saturating_sub(1)].text == ","
            || c > 2 && is_close_quote(&tokens[c - 1]) && tokens[c - 2].text == ",";
        let participle = c > 1
            && c + 2 < n
            && (after_comma || tokens[c - 1].lower() == "by")
            && tokens[c].lower().ends_with("ing");
        if quote_found && relative_before(tokens, c).is_none() && !participle {
            continue;
        }
        // ""Q," NP said." or ""Q," said NP."
        if !quote_found
            && let Some(close) = (0..c)
                .rev()
                .find(|&i| is_close_quote(&tokens[i]) && !plural_possessive(tokens, i))
        {
            // No opening quote in the sentence: a quotation of several
            // sentences ends here ("... the bridge. We will pay for it,"
            // she said); it runs from the sentence's start (and, for the
            // caller, from the quote mark in an earlier sentence).
            let opened = (0..close).find(|&i| is_open_quote(&tokens[i]));
            let open = opened
                .map(|i| tokens[i].span.end)
                .or_else(|| (close > 2).then_some(tokens[0].span.start));
            // The quote ends its sentence-part: `,"` `?"` `!"`, also past a
            // quote inside it (`... a white male,’”`), or `",`.
            // (A straight `'` closes an inner quote only there: elsewhere
            // it is an apostrophe as often as a quote mark.)
            let mut inner = close;
            while inner > 0 && (is_close_quote(&tokens[inner - 1]) || tokens[inner - 1].text == "'") {
                inner -= 1;
            }
            let comma_after = close + 1 < c && tokens[close + 1].text == ","
                || (inner > 0 && matches!(tokens[inner - 1].text, "," | "?" | "!"))
                || comma_left_out(tokens, close, c);
            // (No speaker on either side: the quotation is a title or a
            // phrase, and the cue may still have a speaker before it.)
            if let (Some(open), true) = (open, comma_after) {
                'quote: {
                    // 'On the show "Morning Hour," Jo Lee said the fund
                    // grew': a short title quoted inside a sentence, and a
                    // clause after the cue; the quotation is not what was
                    // said.
                    let title = opened.is_some_and(|at| {
                        tokens[..at].iter().any(Token::is_word)
                            && tokens[at + 1..close].iter().filter(|t| t.is_word()).count() <= 4
                    });
                    let after_cue = &tokens[c + 1..];
                    let clause_follows = after_cue.iter().filter(|t| t.is_word()).count() >= 4
                        && after_cue.first().is_some_and(|t| {
                            t.is_word()
                                && !t.capitalized()
                                && !INVERTED_TAIL.contains(&t.lower())
                                && !is_time_word(t.lower())
                                && !matches!(t.lower(), "to" | "at" | "of")
                                // ("he said adding that", "pledged as he
                                // unveiled": no clause of the cue's own.)
                                && !t.lower().ends_with("ing")
                                && !SUBORDINATORS.contains(&t.lower())
                        });
                    // '"... there?'" Jo Lee added: "We ..."': a colon after
                    // the cue opens what this speaker said; the quotation
                    // before it is someone else's.
                    let colon_opens = tokens.get(c + 1).is_some_and(|t| t.text == ":")
                        && tokens.get(c + 2).is_some_and(is_open_quote);
                    // 'The rebate did nothing to fix the "unfair tax", he
                    // added': a quotation inside the sentence's own words
                    // (a word just before it, and at least two before
                    // it) is part of the claim, which is the sentence up to
                    // the quotation's end, not a quotation. (With a clause
                    // after the cue, that clause is the claim: 'because of
                    // "volatility", he said the duty would be frozen'.)
                    // (Past an opening "And" or "But"; not a sentence that
                    // opens with "What", "How" or "Why", whose own words a
                    // draft would not take for a claim.)
                    // ("He wore a shirt reading 'Let us vote,' as Dara Quinn
                    // said": the quotation alone is hers.)
                    let first = usize::from(matches!(tokens[0].lower(), "and" | "but" | "so" | "yet" | "or"));
                    let next_word = tokens[close + 1..c].iter().find(|t| t.is_word());
                    let embedded = opened.is_some_and(|at| {
                        at >= first + 2
                            && tokens[at - 1].is_word()
                            && tokens[first..at].iter().filter(|t| t.is_word()).count() >= 2
                            && !matches!(tokens[first].lower(), "what" | "how" | "why" | "who" | "whether")
                    }) && next_word.is_none_or(|t| t.lower() != "as");
                    // ('The Tories called it "desperate", while the Lib Dems
                    // said ...': the speaker after a conjunction made no part
                    // of the sentence before it.)
                    let joined = next_word.is_some_and(|t| {
                        matches!(
                            t.lower(),
                            "while" | "whereas" | "although" | "though" | "but" | "and"
                        )
                    });
                    if (title || embedded) && (clause_follows || joined) || colon_opens {
                        break 'quote;
                    }
                    let after_close = if tokens[close + 1].text == "," {
                        close + 2
                    } else {
                        close + 1
                    };
                    // "political scientist Jane Roe told": a lowercase title
                    // before the name; the name speaks.
                    // "Jo Lee, a trustee, said": the name, not its appositive.
                    // (`"Q," Jo Lee - an adviser to the minister - told`: an
                    // aside between dashes after the name, its role.)
                    // (Not a name and its post set off by a comma before the
                    // dashes: there the aside is about the post's body.)
                    let dashed = (c > after_close + 2 && is_dash(&tokens[c - 1]))
                        .then(|| (after_close + 1..c - 1).rev().find(|&i| is_dash(&tokens[i])))
                        .flatten()
                        .filter(|&open| {
                            plausible_speaker(&tokens[after_close..open])
                                && tokens[after_close..open].iter().all(|t| t.text != ",")
                                && !(open + 1..c - 1).any(|k| is_cue(tokens, k))
                        });
                    let speaker = dashed
                        .map(|open| (after_close, open))
                        .or_else(|| appositive_name(tokens, after_close, c))
                        .or_else(|| {
                            (after_close < c)
                                .then_some(after_close)
                                .filter(|&s| plausible_speaker(&tokens[s..c]))
                                .or_else(|| {
                                    trailing_name(tokens, after_close, c)
                                        .filter(|&s| s < c && plausible_speaker(&tokens[s..c]))
                                })
                                .map(|start| (start, c))
                        });
                    let mut appositive = None;
                    let (mention, pattern) = if let Some((start, end)) = speaker {
                        if end + 1 < c && (tokens[end].text == "," || is_dash(&tokens[end])) {
                            // (The aside's closing comma or dash, if any; an
                            // aside of its own between dashes, about the
                            // post's body, "executive director of Korea Bank -
                            // one of its creditors -", is no part of the post.)
                            let closing = tokens[c - 1].text == "," || is_dash(&tokens[c - 1]);
                            let to = (is_dash(&tokens[c - 1]))
                                .then(|| (end + 2..c - 1).rev().find(|&i| is_dash(&tokens[i])))
                                .flatten()
                                .unwrap_or(c - usize::from(closing));
                            appositive = appositive_span(tokens, end + 1, to);
                        }
                        (
                            Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                            "quote-np-cue",
                        )
                    } else {
                        // (`"Q," said an aide who asked not to be named`:
                        // the speaker ends at the relative clause.)
                        // (Nor does a time or place after the name belong to
                        // it: `"Q," said Jo Lee during the debate`.)
                        let end = (c + 1..n)
                            .find(|&i| {
                                matches!(tokens[i].text, "," | "." | ";" | "who")
                                    || i > c + 1
                                        && tokens[i - 1].capitalized()
                                        && tokens[i - 1].is_word()
                                        && INVERTED_TAIL.contains(&tokens[i].text)
                            })
                            .unwrap_or(n);
                        // ("..., Will described Trump as ...": whom a
                        // description is of, not who gives it.)
                        if end <= c + 1
                            || !plausible_speaker(&tokens[c + 1..end])
                            || matches!(tokens[c].lower(), "described" | "describes")
                        {
                            break 'quote;
                        }
                        // `"Q," said Jo Lee, secretary general of the
                        // council.`: a post after the name, to the
                        // sentence's end, is the role beside it. After a
                        // description, a name there is the speaker, and the
                        // description their role (`said the committee's
                        // chairman, Labour MP Jo Lee.`).
                        let mut speaker = (c + 1, end);
                        if let Some((name, description)) = named_after_description(tokens, c + 1, end) {
                            speaker = name;
                            appositive = Some(description);
                        } else if tokens.get(end).is_some_and(|t| t.text == ",") {
                            appositive = trailing_post(tokens, end + 1);
                        }
                        (
                            Span::new(tokens[speaker.0].span.start, tokens[speaker.1 - 1].span.end),
                            "quote-cue-np",
                        )
                    };
                    // `"That," he added, "promises to ..."`: a quotation the
                    // attribution interrupts is one claim, its two parts
                    // joined where the attribution stood.
                    let mut end = tokens[close].span.start;
                    let mut left_out = None;
                    let attribution_end = (c + 1..n)
                        .find(|&i| tokens[i].span.start >= mention.end.max(tokens[c].span.end))
                        .unwrap_or(n);
                    // (`"Q1," Mr Lee said, referring to the first entries,
                    // "Q2"`: a participle's phrase after the attribution is
                    // part of it; not a reporting one, "adding", whose
                    // quotation is its own.)
                    let attribution_end = if tokens.get(attribution_end).is_some_and(|t| t.text == ",")
                        && tokens.get(attribution_end + 1).is_some_and(|t| {
                            t.is_word()
                                && !t.capitalized()
                                && t.lower().ends_with("ing")
                                && !cues::is_cue_word(t.lower())
                                && !contextual_cue(tokens, attribution_end + 1)
                        }) {
                        (attribution_end + 2..n.min(attribution_end + 20))
                            .take_while(|&i| !is_open_quote(&tokens[i]) && !is_close_quote(&tokens[i]))
                            .find(|&i| tokens[i].text == "," && tokens.get(i + 1).is_some_and(is_open_quote))
                            .unwrap_or(attribution_end)
                    } else {
                        attribution_end
                    };
                    if attribution_end + 2 < n
                        && tokens[attribution_end].text == ","
                        && is_open_quote(&tokens[attribution_end + 1])
                    {
                        end = (attribution_end + 2..n)
                            .find(|&i| is_close_quote(&tokens[i]))
                            .map_or(sentence.end, |i| tokens[i].span.start);
                        let joint = match tokens[inner.saturating_sub(1)].text {
                            "," => ", ",
                            _ => " ",
                        };
                        left_out = Some((
                            Span::new(tokens[inner].span.start, tokens[attribution_end + 1].span.end),
                            joint,
                        ));
                    }
                    let in_sentence = embedded && left_out.is_none();
                    let content = if in_sentence {
                        // (`"in the next two weeks,"`: the comma inside the
                        // quote marks is left out of the claim's text.)
                        if tokens[inner - 1].text == "," {
                            left_out = Some((tokens[inner - 1].span, ""));
                        }
                        Span::new(tokens[first].span.start, tokens[close].span.end)
                    } else {
                        Span::new(open, end)
                    };
                    out.push(RawMatch {
                        mention,
                        cue: tokens[c].span,
                        content,
                        quoted: !in_sentence,
                        pattern,
                        antecedent: None,
                        appositive,
                        left_out,
                    });
                    quote_found = true;
                    continue 'cues;
                }
            }
        }
        // "S, NP said." (the cue at the end of the sentence), also "S, NP
        // said, adding that S2": the participle then reports the same
        // speaker.
        let is_tail = |t: &Token| {
            !t.is_word()
                || matches!(
                    t.lower(),
                    "on" | "in"
                        | "a"
                        | "an"
                        | "the"
                        | "statement"
                        | "interview"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "yesterday"
                        | "today"
                        | "reporters"
                        | "told"
                )
        };
        // The first word past the tail: none, or the participle after a comma.
        // "S, she said in a video message to the convention.": past an
        // adjunct, too.
        // ("..., Hollande said Tuesday in Paris, noting X": past a day too.)
        // ("..., the agency said last week": a time of two or three words.)
        let day = time_phrase_len(tokens, c + 1);
        let tail_from = adjunct_end(tokens, c + 1 + day).unwrap_or(c + 1 + day);
        let past_tail = (tail_from..n).find(|&k| !is_tail(&tokens[k]));
        let participle_after = past_tail.filter(|&k| {
            tokens[k - 1].text == "," && k + 1 < n && tokens[k].lower().ends_with("ing") && is_cue(tokens, k)
        });
        // "S, NP said, with X" / "..., especially as X": the rest qualifies
        // the claim before the attribution; "The plan, NP said, is dead":
        // the attribution interrupts the claim between its subject and its
        // verb; "S, NP said, implying X": the claim ends at the
        // attribution. (A clause after the comma is a claim of its own,
        // below: "In contrast, he said, the plan would fail".)
        let continuation = past_tail
            .filter(|&k| k > c + 1 && tokens[k - 1].text == "," && participle_after.is_none())
            .and_then(|k| {
                let word = tokens[k].lower();
                if PREDICATE_OPENERS.contains(&word) {
                    Some((k, Some(" ")))
                } else if ADJUNCT_OPENERS.contains(&word) {
                    // "..., Acme said, but warned that X", "..., although he
                    // would not say": the speaker again, not the claim.
                    let speaker_again = tokens.get(k + 1).is_some_and(|t| {
                        matches!(t.lower(), "he" | "she") || !t.capitalized() && is_cue(tokens, k + 1)
                    });
                    Some((k, (!speaker_again).then_some(", ")))
                } else if word.ends_with("ing") && !tokens[k].capitalized() && k + 1 < n {
                    Some((k, None))
                } else {
                    None
                }
            });
        // "..., he told BBC Radio 4's World At One.": to whom, to the end.
        let told_outlet = matches!(tokens[c].lower(), "told" | "tells")
            && tokens[c + 1..].iter().all(|t| {
                !t.is_word()
                    || t.capitalized()
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(t.lower(), "the" | "of")
            });
        // "S, she told a Commons inquiry.", "S, he told the BBC's Today
        // programme on Sunday.": a short phrase that names whom, opening
        // with a determiner or a name, without a verb, a clause or a quote.
        let told_addressee = matches!(tokens[c].lower(), "told" | "tells") && {
            let rest = &tokens[c + 1..];
            let words = rest.iter().filter(|t| t.is_word()).count();
            (1..=8).contains(&words)
                && rest
                    .iter()
                    .find(|t| t.is_word())
                    .is_some_and(|t| t.capitalized() || DETERMINERS.contains(&t.lower()))
                && rest.iter().all(|t| {
                    !is_open_quote(t)
                        && !is_close_quote(t)
                        && !matches!(t.text, "," | ";" | ":")
                        && !(t.is_word()
                            && (clause_marker(t.lower())
                                || !t.capitalized()
                                    && (t.lower().ends_with("ed") || AUXILIARIES.contains(&t.lower()))))
                })
                && (c + 1..tokens.len()).all(|k| !is_cue(tokens, k))
        };
        // "S, Mr Lee said - falling short of the target": the writer's
        // comment after a dash, as after a comma.
        let dash_comment = past_tail.is_some_and(|k| dash_comment_at(tokens, k - 1));
        // "S, the shadow chancellor said as the conference began.", "...
        // said when asked about it", "... said after talks ended": when it
        // was said, a clause of its own to the end, is no claim.
        // (Not after a passive or a negation: "they aren't admitted until
        // they are vetted".)
        let before = c.checked_sub(1).map_or("", |b| tokens[b].lower());
        let time_clause = !(is_form_of_be(before)
            || before.ends_with("n't")
            || matches!(before, "not" | "never"))
            && tokens
                .get(c + 1)
                .is_some_and(|t| matches!(t.lower(), "as" | "when" | "while" | "before" | "after" | "until"))
            && tokens.get(c + 2).is_some_and(|t| {
                t.is_word()
                    && !matches!(
                        t.lower(),
                        "much" | "well" | "follows" | "if" | "though" | "part" | "a" | "an" | "such" | "many"
                    )
            })
            && (c + 1..n).all(|k| {
                !is_open_quote(&tokens[k])
                    && !is_close_quote(&tokens[k])
                    && !matches!(tokens[k].text, ":" | ";" | ",")
                    && tokens[k].lower() != "that"
                    && (k == c + 2 || !is_cue(tokens, k))
            });
        let rest_is_tail = past_tail.is_none()
            || time_clause
            || dash_comment
            || participle_after.is_some()
            || continuation.is_some()
            || told_outlet
            || told_addressee;
        // "S, Michael Howard has said.": the perfect's auxiliary is no
        // part of the speaker. "S, he also told his audience.", "S, she
        // later said.": nor is an adverb between the speaker and the cue (a
        // list, not every word in "-ly": "the family said"), before the
        // auxiliary or after it ("S, the minister has reportedly said").
        let mut np_end = c;
        let mut auxiliary_seen = false;
        while np_end > 2
            && tokens[np_end - 1].is_word()
            && !tokens[np_end - 1].capitalized()
            && (!auxiliary_seen && c > 3 && matches!(tokens[np_end - 1].lower(), "has" | "have" | "had")
                || tokens[np_end - 2].is_word()
                    && matches!(
                        tokens[np_end - 1].lower(),
                        "also"
                            | "later"
                            | "again"
                            | "then"
                            | "further"
                            | "once"
                            | "too"
                            | "now"
                            | "earlier"
                            | "reportedly"
                            | "separately"
                            | "previously"
                            | "recently"
                            | "subsequently"
                            | "repeatedly"
                            | "publicly"
                            | "privately"
                            | "finally"
                    ))
        {
            auxiliary_seen |= matches!(tokens[np_end - 1].lower(), "has" | "have" | "had");
            np_end -= 1;
        }
        if c > 2
            && rest_is_tail
            && let Some(comma) = (0..np_end)
                .rev()
                .find(|&i| tokens[i].text == "," && !in_number(tokens, i) || is_close_quote(&tokens[i]))
            && comma + 1 < np_end
            && comma > 1
            // ("In 2012, the plan failed as predicted.": "as" before the
            // cue makes it the writer's comparison, with nobody named; not
            // "S, Reuters quoted sources as saying.")
            && (!matches!(tokens[np_end - 1].lower(), "as" | "than") || tokens[c].lower().ends_with("ing"))
            && plausible_speaker(&tokens[comma + 1..np_end])
        {
            let (content_start, quoted) = claim_start(tokens, sentence);
            let (content_end, left_out) = match continuation {
                Some((k, Some(joint))) if !quoted => (
                    sentence.end,
                    Some((Span::new(tokens[comma].span.start, tokens[k].span.start), joint)),
                ),
                _ => (tokens[comma].span.start, None),
            };
            out.push(RawMatch {
                mention: Span::new(tokens[comma + 1].span.start, tokens[np_end - 1].span.end),
                cue: tokens[c].span,
                content: Span::new(content_start, content_end),
                quoted,
                pattern: "s-np-cue",
                antecedent: None,
                appositive: None,
                left_out,
            });
            if participle_after.is_some() || matches!(continuation, Some((_, None))) {
                quote_found = true;
                continue 'cues;
            }
            break;
        }
        // "S, Jo Lee, a trustee, said." and "S, her aide, Jo Lee, said.":
        // a name and a phrase about it between the claim and the cue.
        if c > 5
            && rest_is_tail
            && continuation.is_none()
            && let Some((comma, start, end, appositive)) = speaker_with_appositive(tokens, c)
        {
            let (content_start, quoted) = claim_start(tokens, sentence);
            if content_start < tokens[comma].span.start {
                out.push(RawMatch {
                    mention: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                    cue: tokens[c].span,
                    content: Span::new(content_start, tokens[comma].span.start),
                    quoted,
                    pattern: "s-np-cue",
                    antecedent: None,
                    appositive,
                    left_out: None,
                });
                if participle_after.is_some() {
                    quote_found = true;
                    continue 'cues;
                }
                break;
            }
        }
        // "S, said NP." and "S, said NP, a title, on Monday." (the cue
        // before its speaker, closing the sentence): the words before the
        // comma are the claim. ("The firm, which owns it, said it would
        // close": a clause follows the cue, so no speaker does.)
        if !participle
            && c > 1
            && tokens[c - 1].text == ","
            // ("..., told Jane Roe": whom it was said to.)
            && !matches!(tokens[c].lower(), "according" | "told" | "tells" | "tell")
            && let Some((end, resumes)) = inverted_speaker(tokens, c + 1)
        {
            let before = &tokens[..c - 1];
            let words = before.iter().filter(|t| t.is_word()).count();
            // ("Security, stability and prosperity would be ...": a list's
            // commas are inside its first part.)
            let list_comma = |k: usize| {
                before[k].text == ","
                    && (k + 1..before.len().min(k + 5))
                        .take_while(|&j| before[j].is_word() || before[j].text == ",")
                        .any(|j| matches!(before[j].lower(), "and" | "or") && j > k + 1)
            };
            let first_part = (0..before.len())
                .take_while(|&k| before[k].text != "," || list_comma(k))
                .filter(|&k| before[k].is_word())
                .count();
            // "Jo Lee, who runs the fund, said S": the name before the
            // relative clause is the subject, and S follows the cue.
            let relative_next = before
                .iter()
                .position(|t| t.text == ",")
                .and_then(|comma| before.get(comma + 1))
                .is_some_and(|t| matches!(t.lower(), "who" | "which" | "whose" | "whom"));
            // "But in some cases, said the report, people were able to
            // watch", "Worryingly, said the firm, gangs were using ...":
            // an adverb or a phrase with no verb before the cue, and the
            // clause it belongs to after the speaker, is one claim around
            // the attribution.
            let opener = before.iter().filter(|t| t.is_word()).collect::<Vec<_>>();
            let adverbial = !opener.is_empty()
                && opener.len() <= 5
                && before.iter().all(|t| t.is_word() || t.text == ",")
                // ("Locally, too, say analysts, S": adverbs only; not
                // "Kelly, said the report, was sacked".)
                && (opener.iter().all(|t| {
                    is_adverb_in_ly(t.lower())
                        || matches!(
                            t.lower(),
                            "too" | "also" | "however" | "meanwhile" | "instead" | "still" | "now" | "indeed" | "yet"
                        )
                }) && is_adverb_in_ly(opener[0].lower())
                    || opener
                        .iter()
                        .find(|t| !matches!(t.lower(), "but" | "and" | "yet"))
                        .is_some_and(|t| PREPOSITIONS.contains(&t.lower())))
                // (No verb: "In the end, said Jo Lee, it failed" has none;
                // "The plan failed, said Jo Lee" is the form below.)
                && !opener.iter().any(|t| verb_of_clause(t));
            // "The ministers' comments, said Jo Lee of Acme, were \"too
            // weak\"": the attribution between the claim's subject and its
            // verb.
            let predicate_next = resumes.is_some_and(|comma| {
                tokens
                    .get(comma + 1)
                    .is_some_and(|t| PREDICATE_OPENERS.contains(&t.lower()))
            });
            let comma = resumes.unwrap_or(end);
            if (adverbial || predicate_next)
                && comma + 1 < n
                && tokens[comma].text == ","
                && tokens[comma + 1].is_word()
                && !cues::is_cue_word(tokens[comma + 1].lower())
                && tokens[c + 1..end].iter().all(|t| t.is_word() || t.text == "-")
            {
                let (content_start, quoted) = claim_start(tokens, sentence);
                if !quoted {
                    out.push(RawMatch {
                        mention: Span::new(tokens[c + 1].span.start, tokens[end - 1].span.end),
                        cue: tokens[c].span,
                        content: Span::new(content_start, sentence.end),
                        quoted,
                        pattern: "s-cue-np",
                        antecedent: None,
                        appositive: None,
                        left_out: Some((
                            Span::new(tokens[c - 1].span.start, tokens[comma + 1].span.start),
                            if predicate_next { " " } else { ", " },
                        )),
                    });
                    break;
                }
            }
            if resumes.is_none() && words >= 4 && first_part >= 3 && !(relative_next && first_part <= 6) {
                let (content_start, quoted) = claim_start(tokens, sentence);
                let aside_end = (end + 1..n)
                    .find(|&i| matches!(tokens[i].text, "," | "." | ";" | "!" | "?"))
                    .unwrap_or(n);
                // ("..., said the firm's chief, Jo Lee.": the name.)
                // ("..., said the report, the highest total to date.": what
                // follows a body or a document goes on with the claim, and
                // is not about the speaker.)
                let body = tokens[c + 1..end]
                    .iter()
                    .rfind(|t| t.is_word())
                    .is_some_and(|t| INVERTED_BODIES.contains(&t.lower()));
                let ((from, to), appositive) = match named_after_description(tokens, c + 1, end) {
                    Some((name, description)) => (name, Some(description)),
                    None => (
                        (c + 1, end),
                        (end < n && tokens[end].text == "," && !body)
                            .then(|| appositive_span(tokens, end + 1, aside_end))
                            .flatten(),
                    ),
                };
                out.push(RawMatch {
                    mention: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                    cue: tokens[c].span,
                    content: Span::new(content_start, tokens[c - 1].span.start),
                    quoted,
                    pattern: "s-cue-np",
                    antecedent: None,
                    appositive,
                    left_out: None,
                });
                // "..., said Jo Lee, who added that S2": the relative
                // clause's report is the speaker's too.
                if relative_after(tokens, end) {
                    quote_found = true;
                    continue 'cues;
                }
                // "..., said Jo Lee, adding that S2": the participle reports
                // the same speaker; "..., said Jo Lee, but he said S2": the
                // clause after the conjunction has a cue of its own.
                if end + 1 < n && tokens[end].text == "," {
                    if tokens[end + 1].text == "adding" {
                        quote_found = true;
                        continue 'cues;
                    }
                    if NEXT_PART_OPENERS.contains(&tokens[end + 1].text) {
                        continue 'cues;
                    }
                }
                break;
            }
        }
        // "NP did A, saying S": a participle after a comma reports the
        // sentence's subject, however far to the left, not the noun just
        // before it ("Clinton attacked the United States, saying ...").
        if participle {
            // "adding to his wins": not speech.
            let not_speech = tokens[c].lower() == "adding" && tokens[c + 1].lower() == "to";
            // After a quote's attribution ("'Q,' he said, adding that S"),
            // its speaker; else the sentence's opening subject.
            // ("It was denied, but the Tories remain suspicious, claiming
            // S": the subject of the clause the participle ends, after ",
            // but" or ", and", when it has one.)
            let clause = (2..c)
                .rev()
                .find(|&j| tokens[j - 1].text == "," && matches!(tokens[j].lower(), "but" | "and" | "yet"))
                .map_or(0, |j| j + 1);
            let subject_of = |from: usize| {
                opening_subject(&tokens[from..c])
                    .map(|(start, end)| (from + start, from + end))
                    .filter(|&(start, end)| end + 1 < c && plausible_speaker(&tokens[start..end]))
            };
            // ("Jo Lee hit back by saying S": the subject of the deed, its
            // verb active and the clause whole between them; not "her
            // rival, Jo Lee, has soared in the polls by saying", whose
            // subject is set off, "the candidate who launched his campaign
            // by declaring", or "hostility is justified by arguing".)
            let by_deed = tokens[c - 1].lower() == "by";
            let deed_of = |end: usize| {
                tokens[end..c - 1].iter().all(|t| {
                    t.text != ","
                        && !matches!(
                            t.lower(),
                            "who" | "which" | "that" | "whose" | "while" | "when" | "because" | "as"
                        )
                }) && !after_passive_auxiliary(tokens, c - 2)
            };
            let speaker = if quote_found {
                out.last().map(|m| m.mention).filter(|_| !by_deed)
            } else {
                (clause > 0)
                    .then(|| subject_of(clause))
                    .flatten()
                    .or_else(|| subject_of(0))
                    .filter(|&(_, end)| !by_deed || deed_of(end))
                    .map(|(start, end)| Span::new(tokens[start].span.start, tokens[end - 1].span.end))
            };
            if !not_speech
                && let Some(speaker) = speaker
                && let Some((content, quoted)) = claim_after_cue(tokens, c, sentence.end)
            {
                out.push(RawMatch {
                    mention: speaker,
                    cue: tokens[c].span,
                    content,
                    quoted,
                    pattern: "np-s-saying",
                    antecedent: None,
                    appositive: None,
                    left_out: None,
                });
            }
            continue;
        }
        // "NP said (that) S", also "NP has said", "NP, a spokesman, said"
        if c > 0 && c + 2 < n {
            // Auxiliaries and adverbs between the speaker and the cue.
            let mut np_end = c;
            loop {
                let word = |back: usize| np_end.checked_sub(back).map(|i| tokens[i].lower());
                // "An annual survey released on Friday said", "A report
                // published today said": the participle says which one;
                // the noun before it speaks.
                let participle_after_noun = || {
                    np_end > 2
                        // (Not a cue's past: "the latest figures showed
                        // reported fraud was falling".)
                        && word(1).is_some_and(|w| w.ends_with("ed") && !cues::is_speech_verb(w))
                        && !tokens[np_end - 1].capitalized()
                        && (np_end.saturating_sub(6)..np_end - 1)
                            .rev()
                            .take_while(|&i| {
                                tokens[i].is_word()
                                    && (!tokens[i].capitalized()
                                        || matches!(tokens[i].lower(), "a" | "an" | "the"))
                                    && !AUXILIARIES.contains(&tokens[i].lower())
                                    && !clause_marker(tokens[i].lower())
                                    && !PRONOUNS.contains(&tokens[i].lower())
                            })
                            .find(|&i| matches!(tokens[i].lower(), "a" | "an" | "the"))
                            .is_some_and(|article| article + 1 < np_end - 1)
                };
                if np_end > 0 && AUXILIARIES.contains(&tokens[np_end - 1].lower()) {
                    np_end -= 1;
                } else if np_end > 3
                    // "He went on to say S": what he said next.
                    && after_went_on(tokens, np_end)
                    && cues::is_speech_verb(tokens[c].lower())
                    && !tokens[c].lower().ends_with("ing")
                    && !tokens[c].lower().ends_with("ed")
                {
                    np_end -= 3;
                } else if np_end > 2
                    // "Hillary Clinton on Tuesday said", "... last week
                    // said": when, not who.
                    && (word(2) == Some("on") && word(1).is_some_and(|w| DAYS.contains(&w))
                        || word(2) == Some("in") && word(1).is_some_and(|w| MONTHS.contains(&w) || is_year(w))
                        || matches!(word(2), Some("last" | "this")) && matches!(word(1), Some("week" | "month" | "year")))
                {
                    np_end -= 2;
                } else if participle_after_noun()
                    || np_end > 1 && matches!(word(1), Some("yesterday" | "today" | "tonight" | "earlier"))
                    // "Mr Blair directly denied S", "she angrily insisted":
                    // an adverb after a name or a pronoun, right before the
                    // cue (not "the family said", a noun; nor in a relative
                    // clause, "which Bush and Blair constantly tells us").
                    || np_end > 2
                    && np_end == c
                    && !tokens[np_end.saturating_sub(6)..np_end]
                        .iter()
                        .any(|t| matches!(t.lower(), "which" | "that" | "who"))
                    && word(1).is_some_and(|w| {
                        w.len() > 5 && w.ends_with("ly") && !matches!(w, "family" | "assembly" | "monopoly" | "anomaly")
                    })
                    && !tokens[np_end - 1].capitalized()
                    && (tokens[np_end - 2].capitalized() && tokens[np_end - 2].is_word()
                        || matches!(word(2), Some("he" | "she" | "they" | "we" | "i")))
                {
                    np_end -= 1;
                } else {
                    break;
                }
            }
            // "Will Rogers, for example, said", "The firm, however, said": a
            // sentence adverb set off by commas, not an appositive.
            if np_end > 3 && tokens[np_end - 1].text == "," {
                let open = (np_end.saturating_sub(5)..np_end - 1)
                    .rev()
                    .find(|&i| tokens[i].text == ",");
                if let Some(open) = open
                    && open > 0
                    && SENTENCE_ADVERBS.iter().any(|adverb| {
                        adverb
                            .split(' ')
                            .eq(tokens[open + 1..np_end - 1].iter().map(|t| t.lower()))
                    })
                {
                    np_end = open;
                }
            }
            // "Alan Beith - who chairs the committee that monitors it - said":
            // a relative clause between dashes about the speaker before it.
            if np_end > 3
                && is_dash(&tokens[np_end - 1])
                && let Some(open) = (0..np_end - 1)
                    .rev()
                    .take_while(|&i| {
                        !matches!(tokens[i].text, ";" | ":" | "." | "!" | "?")
                            && !is_open_quote(&tokens[i])
                            && !is_close_quote(&tokens[i])
                    })
                    .find(|&i| is_dash(&tokens[i]))
                && open > 0
                && tokens[open + 1..np_end - 1]
                    .first()
                    .is_some_and(|t| matches!(t.lower(), "who" | "whose"))
                && let start = phrase_start(tokens, open)
                && start < open
                && plausible_speaker(&tokens[start..open])
            {
                np_end = open;
            }
            // "the changes, which officials said will start in May": a
            // speaker between a relative pronoun and the cue reports what
            // the clause says of its antecedent.
            if let Some(found) = relative_report(tokens, np_end, c, sentence.end) {
                out.push(found);
                continue;
            }
            // An appositive: "Scott Pruitt, the attorney general, said";
            // else a comma before the cue just closes the phrase ("one of
            // the suspects, identified as Yevgeny Yefimov, says").
            let mut name_only = false;
            let mut appositive = None;
            // "A third of independents, 33%, say": the share again as a
            // figure, set off by commas after the group.
            if np_end > 3 && tokens[np_end - 1].text == "," {
                let figure = (np_end.saturating_sub(5)..np_end - 1)
                    .rev()
                    .find(|&i| tokens[i].text == ",")
                    .filter(|&open| {
                        let aside = &tokens[open + 1..np_end - 1];
                        aside
                            .first()
                            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
                            && aside
                                .iter()
                                .skip(1)
                                .all(|t| matches!(t.lower(), "%" | "percent" | "per" | "cent"))
                    });
                if let Some(open) = figure
                    && let group = phrase_start(tokens, open)
                    && group < open
                    && plausible_speaker(&tokens[group..open])
                {
                    np_end = open;
                }
            }
            // "Certain broadcasters, like Fox, claim", "Fields, along with
            // Ben Terris, say": an example or a companion set off by commas
            // after the speaker, who is the phrase before it.
            if np_end > 3 && tokens[np_end - 1].text == "," {
                let companion = (np_end.saturating_sub(14)..np_end - 1)
                    .rev()
                    .find(|&i| !tokens[i].is_word())
                    .filter(|&open| {
                        let first = tokens.get(open + 1).map_or("", |t| t.text);
                        let second = tokens.get(open + 2).map_or("", |t| t.text);
                        tokens[open].text == ","
                            && (matches!(first, "like" | "unlike" | "including")
                                || matches!((first, second), ("along" | "together", "with") | ("as", "well")))
                    });
                if let Some(open) = companion
                    && speaker_before_aside(tokens, open, np_end - 1)
                {
                    np_end = open;
                }
            }
            // "Jo Lee - a trustee of the fund - said", "Mr Schroeder - a
            // supporter of the pact when it was set up - said": an aside
            // between dashes after the speaker, as between commas; what it
            // says of them is their role.
            if np_end > 3 && is_dash(&tokens[np_end - 1]) {
                let open = (np_end.saturating_sub(20)..np_end - 1)
                    .rev()
                    .take_while(|&i| {
                        tokens[i].text != "," && !is_open_quote(&tokens[i]) && !is_close_quote(&tokens[i])
                    })
                    .find(|&i| is_dash(&tokens[i]));
                if let Some(open) = open
                    && speaker_before_aside(tokens, open, np_end - 1)
                {
                    appositive = appositive_span(tokens, open + 1, np_end - 1);
                    np_end = open;
                }
            }
            if np_end > 0 && tokens[np_end - 1].text == "," {
                let open = (0..np_end - 1).rev().find(|&i| tokens[i].text == ",");
                // "A senior official, speaking on condition of anonymity,
                // said", "One aide, who asked not to be named, said": an
                // aside about the speaker, whose phrase comes before it.
                // (A participle only right before the cue: "marketing" and
                // "starring" several commas back are nouns or other clauses.)
                let last_comma = open;
                // (Or one comma earlier, when the last comma only opens a
                // phrase about a place: "facing a challenge in Iowa, a swing
                // state, said".)
                let before_place_phrase = |open: usize| {
                    last_comma.is_some_and(|last| {
                        (open + 1..last).all(|i| tokens[i].text != ",")
                            && last > open + 2
                            && tokens[last - 1].capitalized()
                            && matches!(tokens[last + 1].lower(), "a" | "an" | "the")
                            && np_end - 1 - (last + 1) <= 6
                            && tokens[last + 1..np_end - 1]
                                .iter()
                                .all(|t| t.is_word() && !looks_like_verb(t))
                    })
                };
                let opens_aside = |open: usize| {
                    open > 0
                        && tokens.get(open + 1).is_some_and(|t| {
                            matches!(t.lower(), "who" | "whose" | "which")
                                || (Some(open) == last_comma || before_place_phrase(open))
                                    && !t.capitalized()
                                    && t.lower().ends_with("ing")
                                    && !is_cue(tokens, open + 1)
                        })
                        && {
                            let start = phrase_start(tokens, open);
                            // ("Jo Lee said the man, who later fled, claimed":
                            // a report inside Lee's, not the man's own.)
                            // ("A study in 2000, which was commissioned by
                            // the council, found": the phrase's head speaks.)
                            let head_end = (start + 1..open)
                                .find(|&k| matches!(tokens[k].lower(), "in" | "by" | "from" | "on" | "for"))
                                .unwrap_or(open);
                            start < open
                                && (plausible_speaker(&tokens[start..open])
                                    || head_end < open && plausible_speaker(&tokens[start..head_end]))
                                && !(start..open)
                                    .any(|k| is_cue(tokens, k) && !cues::is_ambiguous_noun(tokens[k].text))
                        }
                };
                // The aside may hold commas of its own ("Sandy Lee, who lost
                // her daughter in Aurora, Colorado, in 2012, said"): it
                // opens at the last comma before "who" in the same clause.
                let aside_open = (0..np_end - 1)
                    .rev()
                    .take_while(|&i| {
                        !matches!(tokens[i].text, ";" | ":" | "." | "!" | "?")
                            && !is_open_quote(&tokens[i])
                            && !is_close_quote(&tokens[i])
                    })
                    .filter(|&i| tokens[i].text == ",")
                    .take(4)
                    .find(|&i| opens_aside(i));
                let aside_about_speaker = aside_open.is_some();
                let open = aside_open.or(open);
                match open {
                    // "Scottish Finance Minister, Tom McCabe MSP, said": a
                    // post, then the name of who holds it, who speaks (the
                    // post becomes the role, below).
                    Some(open) if !aside_about_speaker && post_then_name(tokens, open, np_end - 1) => {
                        np_end -= 1;
                        name_only = true;
                    }
                    // ("Sen. Jo Lee (R-Ohio), a trustee, said": the party
                    // after the name is part of it.)
                    Some(open)
                        if open > 0
                            && (aside_about_speaker
                                || tokens[open - 1].capitalized()
                                // "Jo Lee, 60, a doctor, said": a name and an age.
                                || open > 2
                                    && is_age(&tokens[open - 1])
                                    && tokens[open - 2].text == ","
                                    && tokens[open - 3].capitalized()
                                || tokens[open - 1].text == ")"
                                    && (0..open - 1)
                                        .rev()
                                        .find(|&i| tokens[i].text == "(")
                                        .is_some_and(|p| p > 0 && tokens[p - 1].capitalized())) =>
                    {
                        let mut aside = appositive_span(tokens, open + 1, np_end - 1);
                        np_end = open;
                        // "Mr Lee, 32, from Leeds, England, said": past an age
                        // and a place, the name the chain of commas began with.
                        let mut past_place = false;
                        for _ in 0..4 {
                            let start = (0..np_end).rev().find(|&i| tokens[i].text == ",");
                            let Some(start) = start else { break };
                            let phrase = &tokens[start + 1..np_end];
                            // "Mary Lee, founder of the Harbour Fund (HF),
                            // one of the charities ..., said": a post set off
                            // after the name the sentence opens with is the
                            // role, and the name speaks.
                            if phrase
                                .first()
                                .is_some_and(|t| !t.capitalized() && is_inverted_role(t.lower()))
                                && is_opening_name(&tokens[..start])
                            {
                                aside = appositive_span(tokens, start + 1, np_end);
                                np_end = start;
                                break;
                            }
                            let aside = phrase
                                .iter()
                                .all(|t| !t.is_word() || t.text.chars().all(|c| c.is_ascii_digit()))
                                || phrase
                                    .first()
                                    .is_some_and(|t| matches!(t.lower(), "from" | "of" | "aged" | "in"));
                            if !aside || start == 0 {
                                break;
                            }
                            past_place |= !(phrase.len() == 1 && is_age(&phrase[0]));
                            np_end = start;
                        }
                        // (Past a place, no role is left: "from Leeds,
                        // England" was the last aside. Past an age alone,
                        // the role after it is the speaker's.)
                        if !past_place {
                            appositive = aside;
                        }
                    }
                    // "The book, serialised in the Sunday Times, alleges",
                    // "The author's sources, all unnamed aides, said": a
                    // sentence that opens with its subject, a described
                    // one, and sets off an aside about it; the speaker is
                    // the subject, not a name inside the aside.
                    Some(open) if sentence_subject_before_aside(tokens, open, np_end - 1, c) => {
                        appositive = appositive_span(tokens, open + 1, np_end - 1);
                        np_end = open;
                    }
                    _ => {
                        // Only a name may stand there: a description before
                        // such a comma is rarely the speaker.
                        np_end -= 1;
                        name_only = true;
                    }
                }
            }
            let mut np_start = phrase_start(tokens, np_end);
            // "Colin Asplin, Blackpool Hotel Association said:", "Jo Lee,
            // Tory MP said": a name that opens the sentence, then where the
            // person works or what they are, its closing comma left out;
            // the name speaks.
            if np_start > 2
                && tokens[np_start - 1].text == ","
                && is_opening_name(&tokens[..np_start - 1])
                && !tokens[..np_start - 1]
                    .iter()
                    .any(|t| super::speakers::is_post_word(t.text))
                && np_end > np_start + 1
                && tokens[np_start..np_end]
                    .iter()
                    .all(|t| t.is_word() && t.capitalized() && t.lower() != "and")
            {
                appositive = Some(Span::new(
                    tokens[np_start].span.start,
                    tokens[np_end - 1].span.end,
                ));
                np_end = np_start - 1;
                np_start = 0;
            }
            // "But Flynn said", ", and he said", "where experts say": the
            // speaker follows the conjunction.
            let (mut coordinated, mut by_but) = (false, false);
            while np_start < np_end && LEADING.contains(&tokens[np_start].lower()) {
                coordinated |= matches!(tokens[np_start].lower(), "and" | "but");
                by_but |= tokens[np_start].lower() == "but";
                np_start += 1;
            }
            // "On Wednesday Mr Blair denied S", "Last week she said": when,
            // with no comma after it, before the speaker.
            let time_words =
                match (
                    tokens.get(np_start).map(|t| t.lower()),
                    tokens.get(np_start + 1).map(|t| t.lower()),
                ) {
                    (Some("on"), Some(day)) if DAYS.contains(&day) => {
                        2 + usize::from(tokens.get(np_start + 2).is_some_and(|t| {
                            matches!(t.lower(), "morning" | "afternoon" | "evening" | "night")
                        }))
                    }
                    (Some("last" | "this"), Some("week" | "month" | "year")) => 2,
                    // "In 1998 the party said", "In March Jo Lee said".
                    (Some("in"), Some(when)) if MONTHS.contains(&when) || is_year(when) => 2,
                    _ => 0,
                };
            if time_words > 0
                && np_start + time_words < np_end
                && tokens[np_start + time_words].is_word()
                && (tokens[np_start + time_words].capitalized()
                    || matches!(
                        tokens[np_start + time_words].lower(),
                        "he" | "she" | "they" | "we" | "i" | "the" | "a" | "an"
                    ))
            {
                np_start += time_words;
            }
            // "Shares fell, with analysts saying S": the participle's
            // subject follows "with". (Not "with Jo Lee adding a sixth
            // promise", "with the firm claiming residency": those two say
            // nothing unless a clause follows.)
            if np_start + 1 < np_end
                && tokens[np_start].lower() == "with"
                && (matches!(tokens[c].lower(), "saying" | "denying" | "telling")
                    || matches!(tokens[c].lower(), "adding" | "claiming")
                        && tokens
                            .get(c + 1)
                            .is_some_and(|t| t.lower() == "that" || is_open_quote(t)))
            {
                np_start += 1;
            }
            // "Clinton beamed as she noted": the pronoun is the name that
            // opens the clause before it.
            let mut subordinate_antecedent = None;
            if let Some(subject) = subordinate_subject(tokens, np_start, np_end) {
                if subject + 1 == np_end && matches!(tokens[subject].lower(), "he" | "she" | "they") {
                    subordinate_antecedent = opening_name_of_clause(tokens, np_start, subject - 1);
                }
                np_start = subject;
            }
            // "He called it ... and said that ...": the sentence's subject
            // speaks, when it opens the sentence as a pronoun or a name.
            // ("Tom Baker dismissed the questions and said": no comma.)
            // (Not past a report inside a report: "Lee said the agent told
            // him X and suggested Y" is the agent's.)
            // ("to be confined and told he would stay": a passive, whose
            // speaker is not the subject.)
            let passive_before = np_end >= 3
                && (matches!(tokens[np_end - 3].lower(), "be" | "been" | "being")
                    || tokens[np_end - 2].lower().ends_with("ed")
                        && matches!(tokens[np_end - 3].lower(), "was" | "were" | "is" | "are"));
            // ("would \"effectively front\" the campaign but said": a
            // phrase after words quoted inside a clause is no subject.)
            let after_inline_quote =
                np_start >= 2 && is_close_quote(&tokens[np_start - 1]) && tokens[np_start - 2].is_word();
            // (The cues before are counted last, and only for "... and said".)
            let clause_and = !passive_before
                && np_end > np_start + 2
                && matches!(tokens[np_end - 1].lower(), "and" | "but")
                // ("... but Respond gets it done": a capitalized word is a
                // name, not a cue.)
                && !tokens[c].capitalized()
                && (!plausible_speaker(&tokens[np_start..np_end]) || after_inline_quote)
                && (0..c).filter(|&i| !quoted_at[i] && is_cue(tokens, i)).count() < 2;
            // "when Rubio thanked Miami and said": the clause's own subject,
            // before the sentence's ("Some in the crowd booed, and ...").
            let clause_subject = (clause_and && !after_inline_quote)
                .then(|| {
                    let first = tokens[np_start..np_end].iter().position(|t| t.is_word())? + np_start;
                    if PRONOUNS.contains(&tokens[first].lower()) && tokens[first].lower() != "i" {
                        return Some((first, first + 1));
                    }
                    // "The league denounced the remarks and said", "some
                    // senators vented and said": a determiner and a noun
                    // for people, a body or a document.
                    // (A finite cue only: "could cancel the event and
                    // explain why" is no report.)
                    let finite = tokens[c].lower().ends_with(['d', 's']) || tokens[c].lower() == "wrote";
                    if finite && let Some(end) = described_subject(tokens, first, np_end) {
                        return Some((first, end));
                    }
                    // A name, after "the" too, with the words that join
                    // its parts ("the Wisconsin Republican", "the Court of
                    // Appeals for the 6th Circuit").
                    let lowercase_the = tokens[first].text == "the";
                    let name_word = |i: usize| {
                        let t = &tokens[i];
                        t.is_word() && t.capitalized()
                            || lowercase_the
                                && i > first + 1
                                && (matches!(t.lower(), "of" | "for" | "the")
                                    || !t.is_word() && t.text == ".")
                                && tokens.get(i + 1).is_some_and(|next| {
                                    next.capitalized() || next.text.starts_with(|c: char| c.is_ascii_digit())
                                })
                            || lowercase_the
                                && i > first + 1
                                && t.text.starts_with(|c: char| c.is_ascii_digit())
                    };
                    let run_start = first + usize::from(lowercase_the);
                    let mut end = (run_start..np_end).find(|&i| !name_word(i))?;
                    // (The name ends on a capitalized word.)
                    while end > run_start && !(tokens[end - 1].is_word() && tokens[end - 1].capitalized()) {
                        end -= 1;
                    }
                    // (Not a capitalized article alone: "The album came out
                    // and confirmed ...".)
                    let article = DETERMINERS.contains(&tokens[first].lower()) && end == first + 1;
                    // (After "the", the name's verb follows it: "the French
                    // international defender" is no name.)
                    let verb_follows = !lowercase_the || tokens.get(end).is_some_and(looks_like_verb);
                    // (Past a post to the name of who holds it.)
                    let end = post_then_holder(tokens, end)
                        .filter(|&e| e <= np_end)
                        .unwrap_or(end);
                    (end > run_start + usize::from(first == 0) && !article && verb_follows)
                        .then_some((first, end))
                })
                .flatten();
            // "X said A but argued B": the speaker of the sentence's
            // earlier report.
            let earlier_speaker = clause_and
                .then(|| {
                    out.last()
                        .filter(|m: &&RawMatch| m.antecedent.is_none() && m.cue.end <= tokens[c].span.start)
                })
                .flatten()
                .and_then(|m| {
                    let (start, end) = span_tokens(tokens, m.mention)?;
                    // (Not a pronoun, whose antecedent is the sentence's
                    // subject, nor a long phrase.)
                    let pronoun = start + 1 == end && PRONOUNS.contains(&tokens[start].lower());
                    (start < end
                        && !pronoun
                        && tokens[start..end].iter().filter(|t| t.is_word()).count() <= 5
                        && plausible_speaker(&tokens[start..end]))
                    .then_some((start, end))
                });
            let subject = clause_subject.or(earlier_speaker);
            if let Some((subject_start, subject_end)) = subject {
                (np_start, np_end) = whole_earlier_mention(&out, tokens, c, subject_start, subject_end);
            } else if (np_start == np_end && coordinated || clause_and)
                && let Some((subject_start, subject_end)) = opening_subject(tokens)
                && (subject_end < np_start || clause_and && subject_end < np_end)
                // (", but said S": only a subject its verb follows; "France
                // coach Jo Lee believes ..., but claims" is not France's.)
                && !(by_but && !clause_and && !verb_after_subject(tokens, subject_end))
                // ("The broadcasters could cancel the debate and explain
                // their reasons": a base form that the subject's modal
                // governs is something that may be said, not a report.)
                && !(is_base_form(tokens[c].lower())
                    && tokens[subject_end..c.min(subject_end + 3)].iter().any(|t| is_modal(t.lower())))
            {
                (np_start, np_end) = whole_earlier_mention(&out, tokens, c, subject_start, subject_end);
            }
            // "Jane Roe, 57, of Leeds, who said S", "voters who say S": the
            // relative pronoun is the mention (PolNeAR marks it as the
            // source), and the name it stands for is the speaker.
            if let Some(who) = relative_before(tokens, c)
                && let Some(antecedent) = antecedent_of(tokens, who)
                && let Some((mut content, quoted)) = claim_after_cue(tokens, c, sentence.end)
            {
                // "Jane Roe, who said S, left": an aside set off by commas
                // ends at its closing comma, where the main clause's verb
                // goes on (not at "the plan, which cost £5m, was": a
                // clause inside the claim).
                if !quoted
                    && tokens[who - 1].text == ","
                    && let Some(close) = (tokens.partition_point(|t| t.span.start < content.start)
                        ..tokens.len().saturating_sub(1))
                        .take_while(|&i| {
                            !is_open_quote(&tokens[i])
                                && !matches!(tokens[i].lower(), "which" | "who" | "that")
                        })
                        .find(|&i| tokens[i].text == "," && !in_number(tokens, i))
                    && tokens[close].span.start > content.start
                    && tokens[close].span.start < content.end
                    && looks_like_verb(&tokens[close + 1])
                    && (AUXILIARIES.contains(&tokens[close + 1].lower())
                        || !tokens[close + 1].lower().ends_with('s')
                            && !tokens[close + 1].lower().ends_with("ly"))
                {
                    content.end = tokens[close].span.start;
                }
                out.push(RawMatch {
                    mention: tokens[who].span,
                    cue: tokens[c].span,
                    content,
                    quoted,
                    pattern: "np-who-cue-s",
                    antecedent: Some(antecedent),
                    appositive: None,
                    left_out: None,
                });
                continue;
            }
            // "According to Mr Peston the prime minister said S": whom the
            // account is owed to opens the phrase, and the subject after
            // their name speaks.
            if np_start + 3 < np_end
                && tokens[np_start].lower() == "according"
                && tokens[np_start + 1].lower() == "to"
                && tokens[np_start + 2].capitalized()
            {
                let after = (np_start + 2..np_end)
                    .find(|&i| !(tokens[i].is_word() && tokens[i].capitalized()))
                    .unwrap_or(np_end);
                if after < np_end && DETERMINERS.contains(&tokens[after].lower()) {
                    np_start = after;
                }
            }
            // "Kasich (who has 25 delegates) said S": an aside in
            // parentheses after the speaker.
            if np_start + 1 < np_end
                && tokens[np_end - 1].text == ")"
                && !plausible_speaker(&tokens[np_start..np_end])
                && let Some(open) = (np_start + 1..np_end - 1).rev().find(|&i| tokens[i].text == "(")
                && plausible_speaker(&tokens[np_start..open])
            {
                np_end = open;
            }
            // "He later contacted the show saying S", "Jo Lee wrote to the
            // paper saying S": a participle with no comma after a clause,
            // whose subject speaks (the clause is no speaker).
            // (A name right before the participle is its subject, "the
            // Evening Standard quoted Mr Clarke telling S", "It was no good
            // Mr Blair claiming S"; not where a preposition or another verb
            // takes it as object, "heaped praise on Mr Brown saying S",
            // "freed from Guantanamo Bay telling them S", "Mr Hockney also
            // left UKIP saying S".)
            let name_subject = || {
                let name = (np_start..np_end)
                    .rev()
                    .take_while(|&k| tokens[k].is_word() && tokens[k].capitalized())
                    .last();
                name.is_some_and(|k| {
                    // (Past "the": "left the Ferry Party saying".)
                    let k = if k > np_start + 1 && tokens[k - 1].lower() == "the" {
                        k - 1
                    } else {
                        k
                    };
                    let before = &tokens[k - usize::from(k > 0)];
                    k == np_start
                        || matches!(
                            before.lower(),
                            "quoted" | "quotes" | "heard" | "saw" | "caught" | "cited"
                        )
                        || !PREPOSITIONS.contains(&before.lower()) && !looks_like_verb(before)
                })
            };
            // (Where a cue before it already took what follows, "Ann Roe
            // has written to the council saying: \"Q\"" is one claim, the
            // letter's: no second one.)
            let participle_cue = tokens[c].lower().ends_with("ing");
            if participle_cue && out.iter().any(|m| m.content.start >= tokens[c].span.start) {
                continue;
            }
            // Nor where it stands inside an earlier claim of the sentence:
            // "The commissioner says he wants details of orders telling
            // staff to delete e-mails" (the orders tell, inside what the
            // commissioner says). Unless it goes on with that claim's
            // speaker: after "but" or "despite", or before a colon or a
            // quotation ("Jo Lee said S adding: \"Q\"", "He says S but
            // saying S2"), it is theirs, not the sentence's subject's.
            let inside = participle_cue
                .then(|| {
                    out.iter().rev().find(|m| {
                        m.content.start < tokens[c].span.start && m.content.end >= tokens[c].span.end
                    })
                })
                .flatten()
                .map(|m| m.mention);
            let goes_on = matches!(tokens[c - 1].lower(), "but" | "despite" | "while")
                || tokens
                    .get(c + 1)
                    .is_some_and(|t| t.text == ":" || is_open_quote(t));
            let outer_speaker = inside
                .filter(|_| goes_on)
                .and_then(|mention| span_tokens(tokens, mention));
            // (A name right before it is its own subject, whatever the
            // claim around it: "with Senator Jo Lee telling reporters S".)
            if inside.is_some() && outer_speaker.is_none() && !name_subject() {
                continue;
            }
            if let Some(outer) = outer_speaker {
                (np_start, np_end) = outer;
            } else if participle_cue
                && np_start < np_end
                && !name_subject()
                && let Some((start, end)) = if matches!(tokens[np_start].lower(), "he" | "she" | "they") {
                    Some((0, 1))
                } else {
                    opening_subject(&tokens[np_start..np_end])
                }
                && np_start + end < np_end
                && looks_like_verb(&tokens[np_start + end])
            {
                (np_start, np_end) = (np_start + start, np_start + end);
            }
            // "The report said S, but accepted many experts said T": a verb
            // in the past joined on, then the subject of the clause it takes
            // (an adjective takes no determiner after it: "unnamed
            // officials"). Not before a participle: "issued a statement
            // Tuesday saying" is no subject at all.
            if np_start + 2 < np_end
                && np_start > 0
                && matches!(tokens[np_start - 1].lower(), "but" | "and")
                && !tokens[c].lower().ends_with("ing")
                && tokens[np_start].is_word()
                && !tokens[np_start].capitalized()
                && tokens[np_start].lower().ends_with("ed")
                && DETERMINERS.contains(&tokens[np_start + 1].lower())
                && !matches!(tokens[np_start + 1].lower(), "senior" | "top")
            {
                np_start += 1;
            }
            // "Hawkins and others who oppose the law said S": the subject
            // before its relative clause speaks.
            // (A passive participle's clause, "the lawyers for two men
            // being held without trial", is no part of whoever speaks.)
            let being = || (np_start..np_end).any(|i| tokens[i].lower() == "being");
            if np_start < np_end
                && !name_only
                && (!plausible_speaker(&tokens[np_start..np_end]) || being())
                && let Some(end) = subject_before_relative(tokens, np_start, np_end, c)
            {
                np_end = end;
            }
            // A long clause before the cue ("... came two days after Russian
            // authorities said"): its trailing name is the speaker.
            let mut spokesman_for = false;
            if np_start < np_end && (name_only || !plausible_speaker(&tokens[np_start..np_end])) {
                let whole = np_start;
                np_start = trailing_name(tokens, np_start, np_end)
                    .or_else(|| trailing_clause_subject(tokens, np_start, np_end))
                    .unwrap_or(np_end);
                // "a spokesman for European Justice and Home Affairs
                // Commissioner Franco Frattini said": the spokesman speaks,
                // however long the title of whom he speaks for.
                if let Some(noun) = spokesman_for_before(tokens, whole, np_start) {
                    np_start =
                        noun - usize::from(noun > whole && DETERMINERS.contains(&tokens[noun - 1].lower()));
                    spokesman_for = true;
                }
            }
            // "The chairman of the committee, Jo Lee, said S": the
            // description set off before the name is the speaker's role.
            if name_only
                && appositive.is_none()
                && np_start > 1
                && tokens[np_start - 1].text == ","
                && tokens[np_start..np_end]
                    .iter()
                    .all(|t| t.is_word() && t.capitalized() || t.text == "-")
                && let Some(from) = fronted_description(tokens, np_start - 1)
            {
                appositive = appositive_span(tokens, from, np_start - 1);
            }
            // "He also says Lord Goldsmith warned ...": a report inside
            // another's report, which is theirs to make.
            let nested = (np_start + 1..np_end).any(|j| {
                let inner = &tokens[j + 1..np_end];
                let before = &tokens[j - 1];
                tokens[j].is_word()
                    && !tokens[j].capitalized()
                    && cues::is_speech_verb(tokens[j].lower())
                    && (before.capitalized()
                        || PRONOUNS.contains(&before.lower())
                        || AUXILIARIES.contains(&before.lower()))
                    && !inner.is_empty()
                    && (inner.iter().all(|t| t.is_word() && t.capitalized())
                        || inner.len() == 1 && PRONOUNS.contains(&inner[0].lower())
                        // "It said data from the tribunals suggested ...":
                        // a pronoun and its cue open the phrase.
                        || j == np_start + 1 && PRONOUNS.contains(&before.lower()))
            });
            // "Everything Trump says is a lie", "all he said was that",
            // "not much of what she claims is new": whatever was said is
            // the subject of the verb after the cue, and what follows is
            // the writer's verdict on it. ("Something aides argue is
            // possible", "the files the State Department says are secret":
            // a noun the clause describes, which the speaker does say is
            // so.)
            let said_as_subject = tokens
                .get(c + 1)
                .is_some_and(|t| matches!(t.lower(), "is" | "was" | "are" | "were"))
                && (np_start.saturating_sub(1)..=np_start).any(|i| {
                    matches!(
                        tokens[i].lower(),
                        "everything"
                            | "all"
                            | "anything"
                            | "nothing"
                            | "what"
                            | "whatever"
                            | "much"
                            | "little"
                    )
                });
            // "Whatever the minister says, the plan is dead", "whatever
            // Europe says, a weak dollar helps": a concession; the writer's
            // claim follows, not the speaker's.
            let conceded = (np_start.saturating_sub(1)..=np_start)
                .any(|i| matches!(tokens[i].lower(), "whatever" | "whoever"));
            if np_start < np_end
                && !nested
                && !said_as_subject
                && !conceded
                && (spokesman_for || plausible_speaker(&tokens[np_start..np_end]))
                && let Some((content, quoted)) = claim_after_cue(tokens, c, sentence.end)
            {
                out.push(RawMatch {
                    mention: Span::new(tokens[np_start].span.start, tokens[np_end - 1].span.end),
                    cue: tokens[c].span,
                    content,
                    quoted,
                    pattern: "np-cue-s",
                    antecedent: subordinate_antecedent.filter(|_| np_start + 1 == np_end),
                    appositive,
                    left_out: None,
                });
                // A later cue in the same sentence may report another
                // speaker ("..., which the White House said ..., came
                // after Russian authorities said ..."): keep looking.
                continue;
            }
        }
    }
    for found in &mut out {
        if let Some(quoted) = quoted_as_saying(tokens, found.cue) {
            found.mention = quoted;
            found.antecedent = None;
            found.appositive = None;
            continue;
        }
        let (mention, antecedent) = speaker_core(tokens, found.mention);
        found.mention = mention;
        found.antecedent = found.antecedent.or(antecedent);
    }
    // "A Green MP suggested S, a new report has said.": the report's words
    // hold the MP's, whose claim ends where the report's attribution
    // begins, not with it.
    let reports: Vec<(Span, Span)> = out
        .iter()
        .filter(|m| m.pattern == "s-np-cue")
        .map(|m| (m.mention, m.content))
        .collect();
    for found in &mut out {
        for (mention, content) in &reports {
            if found.content.start < mention.start
                && mention.start < found.content.end
                && content.start <= found.cue.start
                && found.cue.end <= content.end
            {
                found.content.end = content.end;
            }
        }
    }
    // "He said the plan was dead and promised a new one", "..., adding:
    // ...": a second cue of the same speaker, joined to the first, opens a
    // claim of its own, and the first claim ends at the joint rather than
    // holding the second cue and its claim.
    let cues: Vec<(Span, usize)> = out.iter().map(|m| (m.mention, m.cue.start)).collect();
    for found in &mut out {
        let Some(next) = cues
            .iter()
            .filter(|(mention, cue)| {
                *mention == found.mention && found.content.start < *cue && *cue < found.content.end
            })
            .map(|&(_, cue)| cue)
            .min()
        else {
            continue;
        };
        if let Some(end) = end_before_joint(tokens, found.content.start, next)
            && found.left_out.is_none_or(|(left_out, _)| left_out.end <= end)
        {
            found.content.end = end;
        }
    }
    // "revealed some MPs had been using them and he also cautioned
    // members ...", "said a delay would be disastrous and she accused the
    // Tories ...": "he" or "she" joined to the claim and speaking again is
    // the narrator going on to another report, not part of the first.
    // ("and he supported them", "but he refused": what was said.)
    for found in out.iter_mut().filter(|m| !m.quoted) {
        let first = tokens.partition_point(|t| t.span.start < found.content.start);
        let last = tokens.partition_point(|t| t.span.start < found.content.end);
        let word = |i: usize| tokens.get(i).map(Token::lower).unwrap_or_default();
        let joint = (first + 1..last).find(|&j| {
            matches!(word(j), "and" | "but")
                && matches!(word(j + 1), "he" | "she")
                && [j + 2, j + 3].into_iter().any(|v| {
                    (v == j + 2 || matches!(word(j + 2), "also" | "later" | "then" | "again"))
                        && (word(v) == "cautioned" || word(v).ends_with("ed") && is_cue(tokens, v))
                })
        });
        if let Some(joint) = joint
            && let Some(end) = (first..joint)
                .rev()
                .find(|&j| tokens[j].is_word() || is_close_quote(&tokens[j]))
            && found
                .left_out
                .is_none_or(|(left_out, _)| left_out.end <= tokens[end].span.end)
        {
            found.content.end = tokens[end].span.end;
        }
    }
    // "pointed out", "made it clear": the cue is all its words.
    for found in &mut out {
        let c = tokens.partition_point(|t| t.span.start < found.cue.start);
        if c < n && tokens[c].span == found.cue {
            found.cue.end = tokens[c + cue_words(tokens, c) - 1].span.end;
        }
    }
    out
}

/// Whether "went on to" (or "goes", "go", "gone") comes just before
/// token `i`: the infinitive after it is what was said next.
fn after_went_on(tokens: &[Token], i: usize) -> bool {
    i >= 3
        && tokens[i - 1].lower() == "to"
        && tokens[i - 2].lower() == "on"
        && matches!(tokens[i - 3].lower(), "went" | "goes" | "go" | "gone")
}

/// "Reuters quoted one trader as saying S", "'Q,' Arab News quoted
/// Prince Saud as saying": whom the outlet quoted speaks, not the outlet
/// (nor "Arab News quoted Prince Saud as"). The words between "quoted"
/// and "as", up to a comma ("quoted Wassim Bouhlel, a Nice native, as
/// saying"); not "quoted by the paper as saying", whose subject speaks.
fn quoted_as_saying(tokens: &[Token], cue: Span) -> Option<Span> {
    let c = tokens.iter().position(|t| t.span == cue)?;
    if c < 3
        || !matches!(tokens[c].lower(), "saying" | "telling" | "stating")
        || tokens[c - 1].lower() != "as"
    {
        return None;
    }
    let quoted = (c.saturating_sub(14)..c - 1).rev().find(|&i| {
        matches!(
            tokens[i].lower(),
            "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
        )
    })?;
    let end = (quoted + 1..c - 1)
        .find(|&i| tokens[i].text == ",")
        .unwrap_or(c - 1);
    let words = &tokens[quoted + 1..end];
    if words.is_empty()
        || matches!(words[0].lower(), "by" | "in" | "on")
        || !words
            .iter()
            .all(|t| t.is_word() || matches!(t.text, "'s" | "’s" | "-"))
        || words.iter().any(|t| clause_marker(t.lower()))
    {
        return None;
    }
    Some(Span::new(words[0].span.start, words[words.len() - 1].span.end))
}

/// The tokens `span` covers, first to one past the last: None when it does
/// not start and end on token boundaries.
fn span_tokens(tokens: &[Token], span: Span) -> Option<(usize, usize)> {
    let first = tokens.iter().position(|t| t.span.start == span.start)?;
    let last = tokens[first..].iter().position(|t| t.span.end == span.end)?;
    Some((first, first + last + 1))
}

/// The speaker of "... and said S", found as the tokens `start..end`, or
/// the mention of the sentence's earlier report that holds them whole: in
/// "Tory peer Lord Tebbit said A, and said B" and "The Votes at 16 alliance
/// said A and argued B", the capitalized words that open the sentence are
/// only part of who spoke ("Tory", "The Votes").
fn whole_earlier_mention(
    out: &[RawMatch],
    tokens: &[Token],
    c: usize,
    start: usize,
    end: usize,
) -> (usize, usize) {
    out.iter()
        .rev()
        .filter(|m| m.antecedent.is_none() && m.cue.end <= tokens[c].span.start)
        .find_map(|m| {
            let (first, last) = span_tokens(tokens, m.mention)?;
            (first <= start && end <= last).then_some((first, last))
        })
        .unwrap_or((start, end))
}

/// Where a claim that starts at `start` ends when another cue of its
/// speaker follows at `cue`: before the comma, "and" or "but" that joins
/// the two (at most six words before that cue: "but on Wednesday said"),
/// after the last word of the claim (and the quote mark it leaves open:
/// `"balanced," adding`). None when no joint is found.
fn end_before_joint(tokens: &[Token], start: usize, cue: usize) -> Option<usize> {
    let c = tokens.partition_point(|t| t.span.start < cue);
    let is_joint = |t: &Token| t.text == "," || matches!(t.lower(), "and" | "but");
    let joint = (c.saturating_sub(6)..c)
        .rev()
        .find(|&j| tokens[j].span.start > start && is_joint(&tokens[j]))?;
    let last = (0..joint)
        .rev()
        .find(|&j| !is_joint(&tokens[j]) && !is_dash(&tokens[j]) && tokens[j].text != ";")?;
    let first = tokens.partition_point(|t| t.span.start < start);
    if first > last {
        return None;
    }
    let open = (first..=last).fold(false, |open, i| quotation_after(open, i, &tokens[i]));
    let closing = open
        .then(|| (last + 1..c).find(|&j| is_close_quote(&tokens[j])))
        .flatten();
    Some(tokens[closing.unwrap_or(last)].span.end)
}

/// "The changes, which officials said will start in May, ...", "the kind
/// of job that economists say is the future": the speaker stands between
/// a relative pronoun (at most five words before the cue, `np_end`) and
/// the cue `c`, and a predicate follows the cue. The claim is the
/// antecedent's (the noun phrase before the pronoun, back to its
/// determiner) with that predicate, the attribution left out of its text;
/// with no antecedent found ("what analysts said was a sign"), the
/// predicate alone.
fn relative_report(tokens: &[Token], np_end: usize, c: usize, sentence_end: usize) -> Option<RawMatch> {
    let relative = (np_end.saturating_sub(6)..np_end)
        .rev()
        .find(|&r| matches!(tokens[r].lower(), "which" | "that" | "what"))?;
    // (No verb inside the speaker phrase: "that he penned the scathing
    // remarks delivered by" is no report.)
    if relative + 1 >= np_end
        || tokens[relative + 1..np_end]
            .iter()
            .any(|t| !t.capitalized() && t.lower().len() > 3 && t.lower().ends_with("ed"))
        || !plausible_speaker(&tokens[relative + 1..np_end])
    {
        return None;
    }
    // "a wall, which he said Mexico should pay for", "an interview in
    // which he says he will run": a clause with its own subject follows
    // the cue, and is the claim.
    let next = tokens.get(c + 1)?;
    // (Its verb before any comma: "for which he wrote the original story,
    // will air" is no report; nor is "which represents them, said that".)
    let clause_follows = tokens[relative].lower() == "which"
        && next.lower() != "that"
        && (PRONOUNS.contains(&next.lower()) || DETERMINERS.contains(&next.lower()) || next.capitalized())
        && tokens[c + 2..(c + 7).min(tokens.len())]
            .iter()
            .take_while(|t| t.is_word())
            .any(looks_like_verb);
    if !opens_predicate(next) && !clause_follows {
        return None;
    }
    // ("the latest reports that", "the company's total claims that": a
    // cue that may be a plural noun speaks only after a name or a pronoun.)
    let last = &tokens[np_end - 1];
    if tokens[c].text.ends_with('s')
        && cues::is_ambiguous_noun(tokens[c].text)
        && !(last.capitalized() || PRONOUNS.contains(&last.lower()))
    {
        return None;
    }
    // (Not at the comma inside "300,000".)
    let end = (c + 2..tokens.len())
        .find(|&i| matches!(tokens[i].text, "," | ";" | ":" | "(" | "—" | "–" | "-") && !in_number(tokens, i))
        .map_or(sentence_end, |i| tokens[i].span.start);
    // Back from the pronoun (and its comma) to a determiner or possessive
    // within six words, with no punctuation between.
    let last = relative - usize::from(relative > 0 && tokens[relative - 1].text == ",");
    let antecedent = (tokens[relative].lower() != "what")
        .then(|| {
            (last.saturating_sub(6)..last)
                .rev()
                .take_while(|&i| tokens[i].is_word())
                .find(|&i| {
                    let word = tokens[i].lower();
                    matches!(
                        word,
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "these"
                    ) || word.ends_with("'s")
                        || word.ends_with("’s")
                })
        })
        .flatten()
        // ("the state's town halls": the determiner before a possessive.)
        .map(|i| i - usize::from(i > 0 && matches!(tokens[i - 1].lower(), "the" | "a" | "an")));
    let (start, left_out) = match antecedent {
        _ if clause_follows => (next.span.start, None),
        Some(first) => (
            tokens[first].span.start,
            Some((
                Span::new(tokens[last - 1].span.end, tokens[c + 1].span.start),
                " ",
            )),
        ),
        None => (tokens[c + 1].span.start, None),
    };
    Some(RawMatch {
        mention: Span::new(tokens[relative + 1].span.start, tokens[np_end - 1].span.end),
        cue: tokens[c].span,
        content: Span::new(start, end),
        quoted: false,
        pattern: "rel-np-cue",
        antecedent: None,
        appositive: None,
        left_out,
    })
}

/// Whether a word opens a predicate: an auxiliary or a verb in the past or
/// the third person ("which they say left", "which he argued seeks").
fn opens_predicate(token: &Token) -> bool {
    let word = token.lower();
    token.is_word()
        && !token.capitalized()
        && (PREDICATE_OPENERS.contains(&word)
            || matches!(
                word,
                "left"
                    | "made"
                    | "led"
                    | "cost"
                    | "took"
                    | "gave"
                    | "came"
                    | "became"
                    | "kept"
                    | "held"
                    | "lost"
                    | "won"
                    | "paid"
                    | "sent"
                    | "brought"
                    | "went"
            )
            || word.len() > 4
                && (word.ends_with("ed")
                    || word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("ous")))
}

/// Where a claim that opens its sentence and ends before the attribution
/// starts ("S, NP said.", "S, said NP."), and whether it is quoted: past
/// an opening quote mark, else at the sentence's start.
fn claim_start(tokens: &[Token], sentence: Span) -> (usize, bool) {
    match tokens.first() {
        Some(first) if is_open_quote(first) && !scare_quote_opens(tokens) => (first.span.end, true),
        // "But S, she said.": the conjunction ties the sentence to the one
        // before; the claim is what follows it.
        Some(first) if matches!(first.lower(), "but" | "and" | "yet") => {
            let next = usize::from(tokens.get(1).is_some_and(|t| t.text == ",")) + 1;
            match tokens.get(next) {
                Some(t) if t.is_word() => (t.span.start, false),
                _ => (sentence.start, false),
            }
        }
        _ => (sentence.start, false),
    }
}

/// Whether the quote marks that open the sentence set off a few words of
/// it, which go on after them ("\"Dubious\" assumptions could drive the
/// cost up, the report warned"): not a quotation of what was said, which
/// ends with its punctuation or before its speaker (`"We will win," she
/// said`, `"We will win" she said`).
fn scare_quote_opens(tokens: &[Token]) -> bool {
    let Some(close) = tokens
        .iter()
        .skip(1)
        .take(6)
        .position(is_close_quote)
        .map(|at| at + 1)
    else {
        return false;
    };
    tokens[close - 1].is_word()
        && tokens.get(close + 1).is_some_and(|t| {
            t.is_word() && !t.capitalized() && !PRONOUNS.contains(&t.lower()) && !cues::is_cue_word(t.lower())
        })
}

/// Whether the commas at `open` and `close` set off a person's name after
/// a post that opens the sentence (or follows a comma): "Scottish Finance
/// Minister, Tom McCabe MSP, said", "Head of genetics at the institute,
/// Professor Robin Lovell-Badge, said". The name: two to five capitalized
/// words, none of them a post but a title before it or a letter after it
/// ("Professor", "MSP").
fn post_then_name(tokens: &[Token], open: usize, close: usize) -> bool {
    let post = &tokens[after_last_comma(tokens, open)..open];
    let name = tokens.get(open + 1..close).unwrap_or_default();
    let words: Vec<&Token> = name.iter().filter(|t| t.is_word()).collect();
    let first = words
        .iter()
        .position(|t| !super::speakers::is_title(t.text) && !super::speakers::is_honorific(t.text))
        .unwrap_or(words.len());
    let last = words
        .iter()
        .rposition(|t| !super::speakers::is_post_nominal(t.text))
        .map_or(0, |at| at + 1);
    // ("Responding to the speech, shadow chief secretary to the Treasury,
    // George Osborne, said": a post in lowercase after an opening phrase,
    // named in its first words.)
    let lowercase_post = || {
        post_in_first_words(post)
            && post
                .iter()
                .all(|t| !t.is_word() || t.capitalized() || !looks_like_verb(t))
    };
    post.first()
        .is_some_and(|t| t.is_word() && (t.capitalized() || lowercase_post()))
        && post.iter().filter(|t| t.is_word()).count() <= 12
        && post.iter().any(|t| super::speakers::is_post_word(t.text))
        && post.iter().all(|t| !is_open_quote(t) && !is_close_quote(t))
        && (2..=5).contains(&words.len())
        && name
            .iter()
            .all(|t| t.is_word() && t.capitalized() || t.text == "-")
        // (Or one after a form of address: "A spokesman for DLF Builders,
        // Dr Vancheshwar, told".)
        && (last >= first + 2
            || last == first + 1
                && first > 0
                && super::speakers::in_lowercase(words[first - 1].text.trim_end_matches('.'), |w| {
                    super::speakers::is_form_of_address(w)
                }))
        && words[first..last]
            .iter()
            .all(|t| !super::speakers::is_role_word(t.text))
}

/// Whether a post is named in a phrase's first three tokens ("shadow
/// chief secretary to the Treasury"): a post written in lowercase, with
/// no capital or article to show it, is told by its opening words.
fn post_in_first_words(phrase: &[Token]) -> bool {
    phrase
        .iter()
        .take(3)
        .any(|t| super::speakers::is_post_word(t.text))
}

/// Where the phrase that ends at `end` starts: past the last comma
/// before it, else at the sentence's start.
fn after_last_comma(tokens: &[Token], end: usize) -> usize {
    (0..end)
        .rev()
        .find(|&i| tokens[i].text == ",")
        .map_or(0, |i| i + 1)
}

/// Where "spokesman" (or "spokeswoman", "spokesperson") stands, when
/// "spokesman for" and then only a title's capitals (with "and", "of" or
/// "the" between them) come between `from` and the name at `name`.
fn spokesman_for_before(tokens: &[Token], from: usize, name: usize) -> Option<usize> {
    let at = (from + 1..name).rev().find(|&j| tokens[j].lower() == "for")?;
    (super::speakers::names_a_spokesperson(&[tokens[at - 1].text])
        && tokens[at + 1..name]
            .iter()
            .all(|t| t.is_word() && (t.capitalized() || matches!(t.lower(), "and" | "of" | "the"))))
    .then_some(at - 1)
}

/// Where a description that ends at the comma `comma` starts, when it
/// opens the sentence (or follows a comma) with an article and reads as a
/// short noun phrase that names a post: "The chairman of the committee, Jo
/// Lee, said", "On Monday, the party's leader, Jo Lee, said". Not a clause
/// ("The man who ran it", "The vote said to be close"), not a thing ("A
/// transcript of evidence from her maid, Jo Lee, shows"), and not "his
/// leader", whose "his" the draft could not show.
fn fronted_description(tokens: &[Token], comma: usize) -> Option<usize> {
    let mut start = after_last_comma(tokens, comma);
    while start < comma && (!tokens[start].is_word() || matches!(tokens[start].lower(), "but" | "and")) {
        if is_open_quote(&tokens[start]) {
            return None;
        }
        start += 1;
    }
    let phrase = &tokens[start..comma];
    let words = phrase.iter().filter(|t| t.is_word()).count();
    // ("Scottish Finance Minister, Tom McCabe MSP, said", "But director
    // of the trust, Jo Lee, said": a post needs no article when it is in
    // capitals or opens the phrase.)
    let first = tokens.get(start)?;
    // ("shadow chief secretary to the Treasury": or in its first words.)
    let capitalized_post = (first.capitalized() && !DETERMINERS.contains(&first.lower())
        || !first.capitalized() && !DETERMINERS.contains(&first.lower()) && post_in_first_words(phrase))
        && phrase.iter().any(|t| super::speakers::is_post_word(t.text));
    ((matches!(first.lower(), "the" | "a" | "an") || capitalized_post)
        && (2..=12).contains(&words)
        && phrase.iter().any(|t| super::speakers::is_role_word(t.text))
        && phrase.iter().all(|t| {
            !is_open_quote(t)
                && !is_close_quote(t)
                && !matches!(t.lower(), "who" | "which" | "that" | "whose" | "whom")
        })
        && (start..comma).all(|i| !is_cue(tokens, i)))
    .then_some(start)
}

/// The tokens `from..to` as a role set off after a name ("a trustee of
/// the fund"), when they read as one: a short phrase, not a relative
/// clause ("who runs it"), a quotation or an age.
fn appositive_span(tokens: &[Token], from: usize, to: usize) -> Option<Span> {
    // ("Mr Bez - himself a former executive at Porsche - said", "Mr
    // Hawkins - a paraplegic himself - says": the reflexive is no part of
    // the post.)
    let reflexive = |t: &Token| matches!(t.text, "himself" | "herself" | "itself" | "themselves");
    if tokens.get(from).is_some_and(reflexive) {
        return appositive_span(tokens, from + 1, to);
    }
    if to > from + 1 && tokens.get(to - 1).is_some_and(reflexive) {
        return appositive_span(tokens, from, to - 1);
    }
    // ("said Jo Lee, chief secretary to the Treasury in a statement": how
    // it was said, after the post, is no part of it.)
    if to > from + 4
        && tokens[to - 3].lower() == "in"
        && matches!(tokens[to - 2].lower(), "a" | "an")
        && matches!(
            tokens[to - 1].lower(),
            "statement" | "interview" | "letter" | "speech"
        )
    {
        return appositive_span(tokens, from, to - 3);
    }
    // ("said Jo Lee, the firm's general manager said at the launch": a
    // verb of saying again, the writer's slip, ends the post.)
    if let Some(k) = (from + 2..to).find(|&k| {
        matches!(
            tokens[k].text,
            "said" | "says" | "told" | "tells" | "added" | "adds"
        ) && tokens[k - 1].is_word()
            && !matches!(tokens[from].lower(), "who" | "which")
    }) {
        return appositive_span(tokens, from, k);
    }
    let phrase = tokens.get(from..to)?;
    let words: Vec<&Token> = phrase.iter().filter(|t| t.is_word()).collect();
    let first = words.first()?;
    // ("One correspondent - all are anonymous - wrote", "Mr Yushchenko -
    // keen to reassure investors - said": a clause or an adjective's
    // phrase, what they are like, not their post.)
    if words.get(1).is_some_and(|w| {
        matches!(w.lower(), "is" | "are" | "was" | "were" | "to") && !matches!(first.lower(), "who" | "which")
    }) {
        return None;
    }
    // "Edward Leigh, who is chairman of the committee, said", "..., who
    // was also a minister,": the post after "who is" is the appositive.
    // (Only a noun phrase or a post: not "who is close to him", "who was
    // not at the meeting".)
    if first.lower() == "who" && words.len() > 2 && matches!(words[1].lower(), "is" | "was") {
        let skip = 2 + usize::from(matches!(words[2].lower(), "also" | "now"));
        let post = words.get(skip..).unwrap_or_default();
        // ("who is UKIP Scotland chairman", "who was also Bombardier's
        // president": a name before the post.)
        let noun_phrase = post.first().is_some_and(|w| {
            matches!(w.lower(), "the" | "a" | "an")
                || super::speakers::is_role_word(w.text)
                || w.capitalized()
                    && post
                        .last()
                        .is_some_and(|last| super::speakers::is_role_word(last.text))
        });
        let start = post.first()?.span.start;
        let at = phrase.iter().position(|t| t.span.start == start)?;
        return noun_phrase
            .then(|| appositive_span(tokens, from + at, to))
            .flatten();
    }
    let clause = matches!(
        first.lower(),
        "who" | "which" | "whose" | "whom" | "where" | "when"
    ) || PRONOUN_WORDS.contains(&first.lower())
        || CLAUSE_WORDS.contains(&first.lower())
        // "gasping on the pavement", "pressed by reporters": what the
        // speaker was doing, not who they are.
        || !first.capitalized() && (first.lower().ends_with("ing") || first.lower().ends_with("ed"))
        // "in his ruling", "on Monday", "in a letter to the council":
        // where or when it was said, not who says it. (An affiliation
        // stays: "of the Treasury", "at Investec".)
        || !first.capitalized()
            && matches!(
                first.lower(),
                "in" | "on" | "during" | "after" | "before" | "earlier" | "later" | "yesterday" | "today"
            )
        // ("said Jo Lee, with most of the gains in Asia", "..., but the
        // test showed", "Economists, like their rivals, say": a
        // conjunction, "with" or a comparison opens no post.)
        || matches!(
            first.text,
            "with"
                | "without"
                | "but"
                | "and"
                | "or"
                | "so"
                | "yet"
                | "though"
                | "although"
                | "because"
                | "whereas"
                | "like"
                | "unlike"
                | "including"
                | "along"
                | "together"
                | "as"
        )
        // ("said the director, Tuesday.")
        || names_a_date(first);
    (words.len() <= 14
        && !clause
        && !words.iter().all(|t| t.text.chars().all(|c| c.is_ascii_digit()))
        && !phrase.iter().any(|t| is_open_quote(t) || is_close_quote(t)))
    .then(|| Span::new(phrase[0].span.start, phrase[phrase.len() - 1].span.end))
}

/// Where the sentence's closing marks begin (its length, if none).
fn before_closing_marks(tokens: &[Token]) -> usize {
    tokens.len()
        - tokens
            .iter()
            .rev()
            .take_while(|t| matches!(t.text, "." | "!" | "?"))
            .count()
}

/// The post set off after an inverted speaker's name, from `from` to the
/// sentence's closing mark ("said Jo Lee, secretary general of the
/// council."): a noun phrase that opens with a determiner or a role word,
/// or a capitalized qualifier and then one ("Labour MP for Leeds"). Not
/// what the speaker did or how ("said Jo Lee, her voice breaking", "...,
/// as the crowd cheered"), nor a quotation going on after it (words only).
/// A second phrase about what the post names may follow it ("said Jo Lee,
/// chief executive of Wippit, a UK-based download service.").
fn trailing_post(tokens: &[Token], from: usize) -> Option<Span> {
    let mut end = before_closing_marks(tokens);
    if let Some(comma) = (from..end).find(|&i| tokens[i].text == ",")
        && tokens
            .get(comma + 1)
            .is_some_and(|t| matches!(t.lower(), "a" | "an" | "the"))
        && tokens[comma + 1..end].iter().all(Token::is_word)
    {
        end = comma;
    }
    let words: Vec<&Token> = tokens.get(from..end)?.iter().filter(|t| t.is_word()).collect();
    let first = words.first()?;
    let post = matches!(first.lower(), "a" | "an" | "the")
        || super::speakers::is_role_word(first.text)
        || first.capitalized()
            && words
                .iter()
                .take(4)
                .skip(1)
                .any(|w| super::speakers::is_role_word(w.text));
    (post && end > from && tokens[from..end].iter().all(Token::is_word))
        .then(|| appositive_span(tokens, from, end))
        .flatten()
}

/// An inverted speaker that is a description, `start..end`, and a name
/// set off after it that closes the sentence ("said the committee's
/// chairman, Labour MP Jo Lee."): the name's tokens, which speak, and the
/// description, which is their role.
fn named_after_description(tokens: &[Token], start: usize, end: usize) -> Option<((usize, usize), Span)> {
    let name_end = (DETERMINERS.contains(&tokens.get(start)?.lower()) && tokens.get(end)?.text == ",")
        .then(|| name_to_end(tokens, end + 1))??;
    Some((
        (end + 1, name_end),
        Span::new(tokens[start].span.start, tokens[end - 1].span.end),
    ))
}

/// A name alone from `from` to the sentence's closing mark: the end of
/// its tokens, when they are one to five capitalized words (a title among
/// them: "Labour MP Jo Lee") that could be a speaker, and no day or month
/// ("said the minister, Tuesday.").
fn name_to_end(tokens: &[Token], from: usize) -> Option<usize> {
    let end = before_closing_marks(tokens);
    let name = tokens.get(from..end)?;
    ((1..=5).contains(&name.len())
        && name.iter().all(|t| t.is_word() && t.capitalized())
        && !name.iter().any(names_a_date)
        && plausible_speaker(name))
    .then_some(end)
}

/// Whether the sentence opens with a described subject (a determiner and
/// a plausible speaker: "The book", "The author's sources") closed by the
/// comma at `open`, and `open + 1..close` is an aside about it in lowercase
/// (not a name, "The chief inspector, Jo Lee, said", whose name speaks; not
/// "by" or "from" someone, "The study, by Jo Lee, says", or "carried out
/// by" them, who speaks through it), no report of its own (no cue in it),
/// before the comma at `close` that the cue at `c` follows, in the active
/// voice ("All five men, like the others, are accused of" reports no one's
/// words).
fn sentence_subject_before_aside(tokens: &[Token], open: usize, close: usize, c: usize) -> bool {
    let start = tokens[..open].iter().position(|t| t.is_word()).unwrap_or(open);
    let start = start
        + usize::from(
            tokens
                .get(start)
                .is_some_and(|t| matches!(t.lower(), "but" | "and")),
        );
    let aside_first = tokens.get(open + 1).filter(|t| t.is_word());
    open > start
        && (0..start).all(|i| !tokens[i].is_word() && !is_open_quote(&tokens[i]))
        && (0..open).all(|i| tokens[i].text != ",")
        && (DETERMINERS.contains(&tokens[start].lower()) || owned_thing(&tokens[start..open]))
        && plausible_speaker(&tokens[start..open])
        && close > open + 1
        && aside_first.is_some_and(|t| !t.capitalized() && !PREPOSITIONS.contains(&t.lower()))
        && (open + 1..close).all(|i| tokens[i].text != "," && tokens[i].lower() != "by" && !is_cue(tokens, i))
        && (close + 1..c).all(|i| !is_form_of_be(tokens[i].lower()))
}

/// Whether a phrase is a thing of a named owner, the name's possessive
/// then lowercase words: "Ms Clarkson's legal action" (which, like "The
/// book", speaks through an aside: "..., filed in Los Angeles Superior
/// Court, also accuses").
fn owned_thing(phrase: &[Token]) -> bool {
    phrase.iter().position(has_possessive_end).is_some_and(|k| {
        k + 1 < phrase.len()
            && phrase[..=k].iter().all(|t| t.is_word() && t.capitalized())
            && phrase[k + 1..].iter().all(|t| t.is_word() && !t.capitalized())
    })
}

/// Whether a word is a form of "be" that makes a passive or a predicate:
/// "was", "were", "been" ...
fn is_form_of_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// Whether `tokens` are a person's name alone, two or three capitalized
/// words and no function word or date ("Colin Asplin", not "In London"
/// nor "Last Monday").
fn is_opening_name(tokens: &[Token]) -> bool {
    (2..=3).contains(&tokens.len())
        && tokens.iter().all(|t| {
            t.is_word()
                && t.capitalized()
                && !DETERMINERS.contains(&t.lower())
                && !PREPOSITIONS.contains(&t.lower())
                && !LEADING.contains(&t.lower())
                && !INSTITUTIONS.contains(&t.lower())
                && !names_a_date(t)
                && !matches!(t.lower(), "last" | "next" | "this" | "early" | "late")
        })
}

/// The speaker of "S, Jo Lee, a trustee, said" or "S, her aide, Jo Lee,
/// said", the cue at `c` right after a comma: the comma that ends the
/// claim, the name's tokens (`start..end`) and the phrase about it.
fn speaker_with_appositive(tokens: &[Token], c: usize) -> Option<(usize, usize, usize, Option<Span>)> {
    if tokens[c - 1].text != "," {
        return None;
    }
    let commas: Vec<usize> = (0..c - 1)
        .rev()
        .filter(|&i| tokens[i].text == "," && !in_number(tokens, i))
        .take(2)
        .collect();
    let [second, first] = commas[..] else { return None };
    if first < 2
        || second < first + 2
        || c - 1 < second + 2
        || tokens[first + 1..c]
            .iter()
            .any(|t| is_open_quote(t) || is_close_quote(t))
    {
        return None;
    }
    let is_name = |from: usize, to: usize| {
        let words: Vec<&Token> = tokens[from..to].iter().filter(|t| t.is_word()).collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|t| t.capitalized())
            && plausible_speaker(&tokens[from..to])
    };
    // "his top aide", "the party's chairman": a description, which opens
    // with a determiner (possessives among them).
    let is_description = |from: usize, to: usize| {
        let words: Vec<&Token> = tokens[from..to].iter().filter(|t| t.is_word()).collect();
        words.len() <= 8 && words.first().is_some_and(|w| DETERMINERS.contains(&w.lower()))
    };
    if is_name(first + 1, second) {
        let appositive = appositive_span(tokens, second + 1, c - 1)?;
        return Some((first, first + 1, second, Some(appositive)));
    }
    if is_name(second + 1, c - 1) && is_description(first + 1, second) {
        let appositive = appositive_span(tokens, first + 1, second);
        return Some((first, second + 1, c - 1, appositive));
    }
    None
}

/// A name with an appositive between a quotation and its cue (`"Q," Jo
/// Lee, a trustee of the fund, said`): the name's tokens, `from..end`,
/// when the words from `from` to the comma before the cue at `c` are a
/// name, a comma and a phrase about it.
fn appositive_name(tokens: &[Token], from: usize, c: usize) -> Option<(usize, usize)> {
    // ("..., as Jo Lee, gasping, said": the name after "as".)
    let from = if tokens.get(from).is_some_and(|t| t.lower() == "as") {
        from + 1
    } else {
        from
    };
    if c < from + 4 || !tokens[from].capitalized() {
        return None;
    }
    // (`"Q," Jo Lee, senior fellow at the institute told`: the comma that
    // closes the aside may be left out, where the aside opens in lowercase
    // and holds no clause.)
    let closed = tokens[c - 1].text == ",";
    let end = c - usize::from(closed);
    let comma = (from + 1..end).find(|&i| tokens[i].text == ",")?;
    let name = &tokens[from..comma];
    let words = name.iter().filter(|t| t.is_word()).count();
    let aside = &tokens[comma + 1..end];
    let aside_words = aside.iter().filter(|t| t.is_word()).count();
    let unclosed_aside = || {
        aside.first().is_some_and(|t| t.is_word() && !t.capitalized())
            && aside.iter().all(|t| {
                t.text != ","
                    && !clause_marker(t.lower())
                    && !(t.is_word() && !t.capitalized() && t.lower().len() > 4 && t.lower().ends_with("ed"))
            })
    };
    (words <= 5
        && name
            .iter()
            .filter(|t| t.is_word())
            .all(|t| t.capitalized() || t.text == "of" || super::speakers::is_name_particle(t.text))
        && plausible_speaker(name)
        && (1..=20).contains(&aside_words)
        && (closed || unclosed_aside())
        && !(comma + 1..end).any(|i| {
            (is_open_quote(&tokens[i]) || is_close_quote(&tokens[i])) && !plural_possessive(tokens, i)
        }))
    .then_some((from, comma))
}

/// Whether the `i`th token is the apostrophe of a plural possessive, not a
/// quote mark: right after a word in "s", before a word ("Sanders’
/// campaign manager", "the Democrats' leader").
fn plural_possessive(tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].text, "’" | "'")
        && i > 0
        && tokens[i - 1].span.end == tokens[i].span.start
        && tokens[i - 1].is_word()
        && tokens[i - 1].lower().ends_with('s')
        && tokens.get(i + 1).is_some_and(|t| t.is_word())
}

/// The speaker after an inverted cue, from `start` ("..., said Jane Roe,
/// a historian, on Monday."): where the name or description ends, when
/// only an appositive, a time or a place follows it to the sentence's end,
/// or where the sentence resumes after it ("The tone, said Jo Lee, would
/// be ...": the second value, the comma it resumes after). None where a
/// clause follows the cue instead ("..., said it would", "..., said the
/// plan would fail").
fn inverted_speaker(tokens: &[Token], start: usize) -> Option<(usize, Option<usize>)> {
    let n = tokens.len();
    let first = tokens.get(start)?;
    if !first.is_word()
        || is_time_word(first.lower())
        || PRONOUN_WORDS.contains(&first.lower())
        || PREPOSITIONS.contains(&first.lower())
        || matches!(first.lower(), "and" | "or" | "but" | "by")
    {
        return None;
    }
    // Names, titles and the words that join them ("transport analyst Jo
    // Lee", "the head of the agency", "a spokesman for Acme").
    let mut end = start;
    while end < n {
        let t = &tokens[end];
        // "Mr. Lee", "John F. Kennedy": a period after a title or an
        // initial does not end the name.
        if t.text == "."
            && end > start
            && end + 1 < n
            && tokens[end + 1].capitalized()
            && (TITLE_ABBREVIATIONS.contains(&tokens[end - 1].text)
                || tokens[end - 1].text.chars().count() == 1)
        {
            end += 1;
            continue;
        }
        // ("didn't", "won’t": a verb, so a clause.)
        let negated = t.lower().ends_with("n't") || t.lower().ends_with("n’t");
        let clause_word = CLAUSE_WORDS.contains(&t.lower())
            && !modal_in_name(t, end.checked_sub(1).map(|b| &tokens[b]), tokens.get(end + 1));
        if !t.is_word() || negated || clause_word || INVERTED_TAIL.contains(&t.lower()) {
            break;
        }
        end += 1;
    }
    let phrase: Vec<&Token> = tokens[start..end].iter().filter(|t| t.is_word()).collect();
    if phrase.is_empty() || phrase.len() > 9 {
        return None;
    }
    let is_role = |t: &Token| {
        SPEAKER_NOUNS.contains(&t.lower())
            || is_inverted_role(t.lower())
            || INVERTED_BODIES.contains(&t.lower())
    };
    let joins = |t: &Token| matches!(t.lower(), "of" | "for" | "at" | "and" | "the" | "a" | "an");
    // Past the name, only what attaches to it ("Jo Lee of the council");
    // a lowercase word right after it is a verb ("said Lee resigned").
    let named = match phrase.iter().rposition(|t| t.capitalized()) {
        Some(last) => {
            let after = &phrase[last + 1..];
            after.is_empty() || joins(after[0]) || is_role(after[0])
        }
        // No name: a description whose head is a role ("the spokesman",
        // "a senior official for the council").
        // ("say researchers at the institute": the head before "at".)
        None => {
            let head = phrase
                .iter()
                .take_while(|t| !matches!(t.lower(), "of" | "for" | "at"))
                .count();
            let last = head.checked_sub(1).map(|i| phrase[i]);
            DETERMINERS.contains(&phrase[0].lower()) && last.is_some_and(is_role)
                // ("..., say analysts.", "..., said industry experts,": a
                // group of people, with no determiner.)
                || head <= 3 && last.is_some_and(|t| SPEAKER_NOUNS.contains(&t.lower()))
        }
    };
    if !named {
        return None;
    }
    // ("..., says the Office for National Statistics (ONS).": the initials
    // in brackets after the name are part of it, and what follows them is
    // what follows the speaker.)
    let rest_from = match tokens.get(end) {
        Some(t) if t.text == "(" => (end + 1..n.min(end + 6))
            .find(|&k| tokens[k].text == ")")
            .filter(|&close| {
                close > end + 1
                    && tokens[end + 1..close]
                        .iter()
                        .all(|t| t.is_word() && t.capitalized())
            })
            .map_or(end, |close| close + 1),
        _ => end,
    };
    // What follows: the sentence's end, an appositive after a comma, or a
    // time or place; no further report.
    let rest = &tokens[rest_from..];
    let ends_here = rest.iter().all(|t| !t.is_word() && !is_open_quote(t));
    // ("..., said Jo Lee, but the test showed ...", "..., said Jo Lee,
    // adding that ...": a conjunction, "with" or a participle after the
    // name opens what comes next, which has its own cues if any.)
    let next_part = rest.first().is_some_and(|t| t.text == ",")
        && rest
            .get(1)
            .is_some_and(|t| NEXT_PART_OPENERS.contains(&t.text) || matches!(t.text, "with" | "adding"));
    // ("..., say some Democrats, who recall the race": what the relative
    // clause reports is the same speaker's.)
    let tail_follows = relative_after(tokens, rest_from)
        || next_part
        || rest.first().is_some_and(|t| {
            matches!(t.text, "," | "." | ";" | "!" | "?" | ")") || INVERTED_TAIL.contains(&t.lower())
        }) && rest.iter().filter(|t| t.text == ",").count() <= 2
            && !rest.iter().enumerate().any(|(i, t)| {
                t.is_word() && (t.lower() == "that" || is_cue(rest, i) && !t.lower().ends_with("ing"))
            });
    // "The tone, said Mr Lee, would be ...": the sentence goes on past the
    // name; its claim is on both sides (the caller joins them).
    // ("..., said Jo Lee of Acme in Tokyo, were": past a place or a time.)
    let comma = if rest.first().is_some_and(|t| INVERTED_TAIL.contains(&t.lower())) {
        rest.iter().take(5).position(|t| !t.is_word())
    } else {
        Some(0)
    };
    let resumes = comma.filter(|&k| {
        rest.len() > k + 1
            && rest[k].text == ","
            && rest[k + 1].lower() != "who"
            && CLAUSE_WORDS.contains(&rest[k + 1].lower())
    });
    (ends_here || tail_follows || resumes.is_some()).then_some((end, resumes.map(|k| rest_from + k)))
}

/// Conjunctions that, after an inverted speaker and a comma ("..., said Jo
/// Lee, but ..."), open a clause of the sentence's own: no more of the
/// claim before the cue, nor of the speaker's post.
const NEXT_PART_OPENERS: &[&str] = &["but", "yet", "though", "although", "whereas", "because"];

/// Whether a relative clause about an inverted speaker opens at `end`,
/// after a comma or without one ("..., said Jo Lee, who added", "..., said
/// an aide who asked not to be named").
fn relative_after(tokens: &[Token], end: usize) -> bool {
    let text_is = |i: usize, text: &str| tokens.get(i).is_some_and(|t| t.text == text);
    text_is(end, "who")
        || text_is(end, ",")
            && tokens
                .get(end + 1)
                .is_some_and(|t| matches!(t.lower(), "who" | "whose"))
}

/// Days and the words around them: a time, not a speaker.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
];

/// The speaker inside a mention that took in the words around it: a
/// pronoun after an opening phrase ("Speaking in Leeds he", "Last month
/// he", "... after he"), a name after a participle or a time ("Speaking in
/// Harrogate Mr Kennedy", "This week a judge"), and no adverb after a name
/// or a pronoun ("Mr Brown vigorously", "Ed Davey meanwhile", "Tony Blair
/// himself"). With a pronoun after "after", "as" or "when", the name
/// just before that word, if any, is who it stands for ("repaid the loan
/// to Lord Ashcroft after he said").
fn speaker_core(tokens: &[Token], mention: Span) -> (Span, Option<Span>) {
    let Some((mut from, mut to)) = span_tokens(tokens, mention) else {
        return (mention, None);
    };
    let is_pronoun = |t: &Token| matches!(t.lower(), "he" | "she" | "they" | "we");
    while to - from > 1 {
        let word = tokens[to - 1].lower();
        let named = tokens[to - 2].capitalized() || is_pronoun(&tokens[to - 2]);
        let adverb = !tokens[to - 1].capitalized()
            && (named && word.ends_with("ly") && word.len() > 4
                || matches!(word, "meanwhile" | "himself" | "herself" | "themselves"));
        if !adverb {
            break;
        }
        to -= 1;
    }
    let mut antecedent = None;
    if to - from > 1 && is_pronoun(&tokens[to - 1]) {
        if to - from > 2
            && matches!(tokens[to - 2].lower(), "after" | "as" | "when")
            && let Some(name) = trailing_name(tokens, from, to - 2)
            && name < to - 2
            && tokens[to - 3].capitalized()
        {
            antecedent = Some(Span::new(tokens[name].span.start, tokens[to - 3].span.end));
        }
        from = to - 1;
    } else if to - from > 2 {
        let word = |i: usize| tokens.get(i).map(|t| t.lower()).unwrap_or_default();
        // "Speaking in Harrogate", "Launching the plan": not "Housing
        // Minister Keith Hill" or "Founding member Geoff Barrow".
        let participle = from == 0
            && tokens[from].capitalized()
            && word(from).ends_with("ing")
            && matches!(
                word(from + 1),
                "in" | "at" | "to" | "on" | "after" | "before" | "from" | "with" | "the" | "a" | "an"
            );
        // "Wednesday Mr Straw", "Last week the firm"; not "June Carter
        // Cash" (a month can be a name) or "This popularity".
        let time = match word(from) {
            "last" | "this" | "next" if is_day(word(from + 1)) => 2,
            w if is_day(w) => 1,
            // "last week", "earlier this year"; "last" or "this" alone no.
            _ => match time_phrase_len(tokens, from) {
                1 => 0,
                n => n,
            },
        };
        if participle && let Some(name) = trailing_name(tokens, from + 1, to) {
            from = name;
        } else if time > 0 && time < to - from && tokens[from + time].is_word() {
            from += time;
        }
    }
    (
        Span::new(tokens[from].span.start, tokens[to - 1].span.end),
        antecedent,
    )
}

/// Words after which "claims", "reports" or "claim" is a noun: determiners,
/// words of news, and verbs and prepositions that take one as object.
const NOUN_BEFORE: &[&str] = &[
    "the",
    "these",
    "those",
    "such",
    "its",
    "his",
    "her",
    "their",
    "our",
    "fresh",
    "new",
    "recent",
    "latest",
    "earlier",
    "similar",
    "central",
    "amid",
    "following",
    "over",
    "about",
    "against",
    "despite",
    "deny",
    "denied",
    "denies",
    "denying",
    "dismiss",
    "dismissed",
    "dismisses",
    "reject",
    "rejected",
    "rejects",
    "refute",
    "refuted",
    "discuss",
    "discussed",
    "investigate",
    "investigated",
    "rubbished",
    "newspaper",
    "press",
    "intelligence",
];

/// Whether a word, in any case, names a day ("Wednesday", "today").
pub(super) fn is_day(word: &str) -> bool {
    DAYS.iter().any(|day| day.eq_ignore_ascii_case(word))
}

/// Whether a word names a day or a month ("Tuesday", "March"): when, not
/// who.
fn names_a_date(word: &Token) -> bool {
    is_day(word.text) || MONTHS.contains(&word.lower())
}

/// Months.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a word is a year of modern news ("2003"): "The unit in 2003
/// said" is the unit's, said in 2003.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a word names a time ("Monday", "March", "last", "earlier"):
/// after an inverted cue, a time, not its speaker.
pub(super) fn is_time_word(word: &str) -> bool {
    DAYS.contains(&word) || MONTHS.contains(&word) || matches!(word, "last" | "this" | "earlier" | "later")
}

/// How many tokens a time phrase at `k` takes: a day or a time word
/// ("Tuesday", "yesterday"), "last week", "this month", "late Thursday",
/// "earlier this year"; 0 when none opens there.
fn time_phrase_len(tokens: &[Token], k: usize) -> usize {
    let word = |i: usize| tokens.get(i).map(|t| t.lower()).unwrap_or_default();
    let period = |w: &str| matches!(w, "week" | "month" | "year" | "weekend" | "night" | "season");
    match word(k) {
        "last" | "this" | "next" if period(word(k + 1)) => 2,
        "earlier" | "later" if matches!(word(k + 1), "this" | "last") && period(word(k + 2)) => 3,
        "late" | "early" if DAYS.contains(&word(k + 1)) => 2,
        "at" if matches!(word(k + 1), "the" | "that") && word(k + 2) == "time" => 3,
        // ("announced that same day", "said the same evening that S")
        "same"
            if period(word(k + 1)) || matches!(word(k + 1), "day" | "morning" | "afternoon" | "evening") =>
        {
            2
        }
        "the" if word(k + 1) == "same" && time_phrase_len(tokens, k + 1) == 2 => 3,
        w if is_time_word(w) => 1,
        // "two weeks ago", "a few days ago", "18 months ago".
        _ => {
            let count = |w: &str| {
                matches!(
                    w,
                    "a" | "an"
                        | "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "several"
                        | "some"
                        | "few"
                ) || w.starts_with(|c: char| c.is_ascii_digit())
            };
            let unit = |w: &str| {
                matches!(
                    w,
                    "day"
                        | "days"
                        | "week"
                        | "weeks"
                        | "month"
                        | "months"
                        | "year"
                        | "years"
                        | "hour"
                        | "hours"
                        | "minutes"
                        | "decade"
                        | "decades"
                )
            };
            let few = usize::from(word(k) == "a" && word(k + 1) == "few");
            if count(word(k)) && unit(word(k + 1 + few)) && word(k + 2 + few) == "ago" {
                3 + few
            } else {
                0
            }
        }
    }
}

/// Pronouns and the like, capitalized or not: "..., said It" is no name.
const PRONOUN_WORDS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "that",
];

/// Titles written short, with a period.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Prof", "Sgt", "Capt", "Rev", "St",
    "Jr",
];

/// Words that start a clause, not a speaker's name: after the cue they
/// mean the cue took an object ("..., said it would", "said he had").
const CLAUSE_WORDS: &[&str] = &[
    "would", "will", "could", "should", "may", "might", "must", "can", "has", "had", "have", "was", "were",
    "is", "are", "did", "does", "do", "that", "it", "he", "she", "they", "we", "who", "which", "to",
];

/// Where an inverted cue's speaker ends and a time, a place or a setting
/// begins ("said Jane Roe in a statement on Monday").
const INVERTED_TAIL: &[&str] = &[
    "in",
    "on",
    "during",
    "after",
    "before",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "afterwards",
    "afterward",
    "last",
    "this",
    "when",
    "while",
    "as",
    "recently",
    "told",
    "adding",
];

/// Whether a lowercase word is one of `INVERTED_ROLES` or an organiser's
/// post (looked up in a set: the patterns ask it of many words of every
/// sentence).
fn is_inverted_role(word: &str) -> bool {
    static SET: std::sync::LazyLock<foldhash::HashSet<&str>> = std::sync::LazyLock::new(|| {
        INVERTED_ROLES
            .iter()
            .chain(super::speakers::ORGANISER_POSTS)
            .copied()
            .collect()
    });
    SET.contains(word)
}

/// Bodies and documents that speak after an inverted cue, described
/// rather than named: "S, said the report.", "S, says the education
/// watchdog.", "S, said the firm." (Only there: "the report" before a cue
/// is taken as any noun phrase is.)
const INVERTED_BODIES: &[&str] = &[
    "report",
    "study",
    "survey",
    "poll",
    "research",
    "review",
    "inquiry",
    "watchdog",
    "regulator",
    "newspaper",
    "paper",
    "panel",
    "think-tank",
    "firm",
    "bank",
    "union",
    "council",
    "committee",
    "commission",
    "board",
    "club",
];

/// Lowercase role nouns that head a speaker after an inverted cue ("said
/// the spokesman", "said a senior official").
const INVERTED_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "president",
    "director",
    "secretary",
    "minister",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "senator",
    "governor",
    "mayor",
    "analyst",
    "professor",
    "economist",
    "lawyer",
    "attorney",
    "prosecutor",
    "campaigner",
    "activist",
    "adviser",
    "advisor",
    "aide",
    "source",
    "sources",
    "researcher",
    "expert",
    "experts",
    "strategist",
    "executive",
    "chief",
    "head",
    "founder",
    "author",
    "police",
    "campaign",
    "government",
    "ministry",
    "department",
    "agency",
    "company",
    "group",
    "organization",
];

/// Where a relative pronoun stands just before the cue at `c` (past
/// auxiliaries and adverbs: "who has repeatedly said").
fn relative_before(tokens: &[Token], c: usize) -> Option<usize> {
    let mut i = c;
    while i > 0 && AUXILIARIES.contains(&tokens[i - 1].lower()) {
        i -= 1;
    }
    (i > 0 && matches!(tokens[i - 1].lower(), "who" | "which")).then(|| i - 1)
}

/// The phrase a relative pronoun at `who` stands for: the nearest
/// speaker-like phrase before it, passing over the commas of appositions
/// ("Jane Roe, 57, of Leeds, who"), or the name or noun just before it
/// ("voters who").
fn antecedent_of(tokens: &[Token], who: usize) -> Option<Span> {
    let span = |from: usize, to: usize| Span::new(tokens[from].span.start, tokens[to - 1].span.end);
    if who == 0 {
        return None;
    }
    // "the Court of Appeal who", "the Bank of England, which": a name
    // whose parts "of" or "for" join is whole (had been "Appeal").
    let joined = |from: usize, start: usize| {
        // (It reads back from `start` only.)
        let words: Vec<&str> = tokens[from..start].iter().map(|t| t.text).collect();
        from + super::speakers::joined_name_start(&words, start - from)
    };
    if tokens[who - 1].text != "," {
        let start = trailing_name(tokens, 0, who)
            .map(|start| joined(0, start))
            .or_else(|| (tokens[who - 1].is_word() && !tokens[who - 1].capitalized()).then_some(who - 1))?;
        if start < who && plausible_speaker(&tokens[start..who]) {
            return Some(span(start, who));
        }
        // "powerful teachers unions who said", "23 percent who said": a
        // "who" right after a noun phrase stands for it, a person or a
        // group, whatever its words. (Not the sentence's subject: in "The
        // man who said he saw the lorry denied it" the report has no end
        // a rule can find.)
        return (tokens[who].lower() == "who")
            .then(|| noun_phrase_before(tokens, who))
            .flatten()
            .filter(|&start| start > 0)
            .map(|start| span(start, who));
    }
    // The comma-separated phrases before it, nearest first (at most three:
    // "Jane Roe, 57, of Leeds,"), each a candidate.
    let mut candidates = Vec::new();
    let mut end = who - 1;
    for _ in 0..3 {
        let start = (0..end)
            .rev()
            .find(|&i| matches!(tokens[i].text, "," | ";" | ":" | "(" | ")"))
            .map_or(0, |b| b + 1);
        let mut from = start;
        while from < end && LEADING.contains(&tokens[from].lower()) {
            from += 1;
        }
        // "He met the voters, who": the object of a verb, not the clause
        // it ends.
        if from < end
            && let Some(object) = noun_phrase_before(tokens, end)
            && object > from
            && looks_like_verb(&tokens[object - 1])
            && !tokens[object - 1].lower().ends_with('s')
        {
            candidates.push((object, end));
        } else if from < end {
            let words = &tokens[from..end];
            let numeric = words
                .iter()
                .all(|t| !t.is_word() || t.text.chars().all(|c| c.is_ascii_digit()));
            if !numeric && plausible_speaker(words) {
                candidates.push((from, end));
            } else if let Some(name) = trailing_name(tokens, from, end)
                && !numeric
                && !PREPOSITIONS.contains(&tokens[from].lower())
            {
                candidates.push((joined(from, name), end));
            }
        }
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    // A name ("Tom Lee, the treasurer, who") before a description.
    candidates
        .iter()
        .find(|(from, _)| tokens[*from].capitalized() && tokens[*from].lower() != "the")
        .or(candidates.first())
        .map(|&(from, to)| span(from, to))
}

/// Whether a dash at `dash` sets off the writer's comment on a report:
/// a participle that is no cue ("said - falling short of the target").
fn dash_comment_at(tokens: &[Token], dash: usize) -> bool {
    tokens.get(dash).is_some_and(is_dash)
        && tokens.get(dash + 1).is_some_and(|t| {
            t.is_word() && !t.capitalized() && t.lower().ends_with("ing") && !is_cue(tokens, dash + 1)
        })
}

/// Where the noun phrase that ends just before `end` begins: back over
/// lowercase words that are no verb, preposition, pronoun or conjunction,
/// to its determiner or number ("the three unions", "23 percent") or to
/// the first word that is none of it; at most five words.
fn noun_phrase_before(tokens: &[Token], end: usize) -> Option<usize> {
    let in_phrase = |t: &Token| {
        let word = t.lower();
        t.is_word()
            && !t.capitalized()
            && !word.ends_with("ed")
            && !word.ends_with("ly")
            && !PREPOSITIONS.contains(&word)
            && !AUXILIARIES.contains(&word)
            && !PRONOUNS.contains(&word)
            && !clause_marker(word)
            && !cues::is_cue_word(word)
            && !matches!(word, "and" | "or" | "but" | "nor" | "than" | "not")
    };
    let opens =
        |t: &Token| DETERMINERS.contains(&t.lower()) || t.text.starts_with(|c: char| c.is_ascii_digit());
    let head = &tokens[end.checked_sub(1)?];
    // (A number alone, "23 who", is no phrase's head.)
    if !in_phrase(head) || opens(head) {
        return None;
    }
    let mut start = end - 1;
    while start > 0 && end - start < 5 {
        let before = &tokens[start - 1];
        if opens(before) {
            return Some(start - 1);
        }
        if !in_phrase(before) {
            break;
        }
        start -= 1;
    }
    None
}

/// Where the "as" of "described X as Y" stands, past the cue at `c` and
/// before the clause ends: not an "as" that opens a participle ("the
/// action taken as revealed by the report as \"too little\"").
fn description_as_word(tokens: &[Token], c: usize, before: impl Fn(&Token) -> bool) -> Option<usize> {
    (c + 2..tokens.len())
        .take_while(|&j| before(&tokens[j]))
        .find(|&j| {
            tokens[j].lower() == "as"
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| t.capitalized() || !t.lower().ends_with("ed"))
        })
}

/// Where the verdict of "called X \"Y\"" at `c` opens (its quotation, or
/// the article before it: "called it a \"fundamental mistake\""), and
/// where its quotation closes, when
/// its object is a short noun phrase: not "called for", "called on", a
/// name given ("a group called \"X\"", "called a \"crisis meeting\"",
/// "It's called Y", "a band called Sophistafunk got ..."), a call taken
/// ("taking calls from listeners") or a quotation that describes the noun
/// after it ("called the \"immoral\" policy", "called North Korea's
/// \"reckless\" test").
fn called_quotation(tokens: &[Token], c: usize) -> Option<(usize, usize)> {
    let before = tokens[c.checked_sub(1)?].lower();
    let first = tokens.get(c + 1)?;
    let opens_noun_phrase = first.capitalized()
        || first.text.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            first.lower(),
            "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "this"
                | "that"
                | "these"
                | "those"
                | "it"
                | "him"
                | "them"
                | "us"
                | "me"
                | "both"
                | "such"
        );
    if !first.is_word()
        || !opens_noun_phrase
        || before.ends_with("ing")
        || matches!(
            before,
            "it's" | "it’s" | "that's" | "that’s" | "what's" | "what’s"
        )
    {
        return None;
    }
    let quote = (c + 2..tokens.len().min(c + 12)).find(|&j| is_open_quote(&tokens[j]))?;
    // (The quotation must close, and what follows it be no noun it
    // describes.)
    let close = quote + 1 + tokens[quote + 1..].iter().position(is_close_quote)?;
    if tokens.get(close + 1).is_some_and(|t| {
        is_open_quote(t)
            || t.is_word()
                && !t.capitalized()
                && !PREPOSITIONS.contains(&t.lower())
                && !matches!(
                    t.lower(),
                    "and"
                        | "but"
                        | "or"
                        | "as"
                        | "because"
                        | "when"
                        | "while"
                        | "last"
                        | "yesterday"
                        | "today"
                )
    }) {
        return None;
    }
    let mut verdict = quote;
    while verdict > c + 2 && matches!(tokens[verdict - 1].lower(), "a" | "an" | "the") {
        verdict -= 1;
    }
    // ("called it a \"mistake\"": "it" is the object.)
    let object = &tokens[c + 1..verdict];
    let verb = |t: &Token| {
        !t.capitalized()
            && (t.lower().ends_with("ed")
                || matches!(t.lower(), "got" | "made" | "took" | "gave" | "went" | "came"))
    };
    // (Nor one that ends in a preposition or a determiner, whose noun
    // the quotation is: "an assertion of a \"claim of right\"", "called
    // its \"infant stage\"".)
    (object.last().is_some_and(|t| {
        !PREPOSITIONS.contains(&t.lower())
            && !matches!(t.lower(), "the" | "its" | "their" | "his" | "our" | "my" | "your")
    }) && (matches!(object, [it] if it.lower() == "it")
        || object
            .iter()
            .all(|t| t.is_word() && !clause_marker(t.lower()) && !verb(t) || matches!(t.text, "'" | "’"))))
    .then_some((verdict, close))
}

/// What "called X \"Y\"" at `c` says: "X \"Y\"", to the quotation's close.
fn called_as(tokens: &[Token], c: usize, sentence_end: usize) -> Option<(Span, bool)> {
    let (_, close) = called_quotation(tokens, c)?;
    (tokens[close].span.start < sentence_end)
        .then(|| (Span::new(tokens[c + 1].span.start, tokens[close].span.end), false))
}

/// Verbs that give a verdict on their object as "called" does, with "as"
/// or without: "branded", "labelled", "dubbed".
fn is_verdict_verb(word: &str) -> bool {
    matches!(
        word,
        "branded" | "brands" | "labelled" | "labels" | "labeled" | "dubbed" | "dubs"
    )
}

/// What "branded X as \"Y\"" or "branded X \"Y\"" at `c` says: "X as
/// \"Y\"" or "X \"Y\"", only where the verdict is quoted (the speaker's
/// words; "dubbed Robocop for his style" is a nickname).
fn verdict_as(tokens: &[Token], c: usize, sentence_end: usize) -> Option<(Span, bool)> {
    let within = |t: &Token| t.span.start < sentence_end;
    // ("some of whom dubbed him \"Minister of Discord\"": a nickname for
    // a person, no verdict; "branded the scheme a waste and \"flawed\"":
    // two verdicts, which no one statement joins.)
    let nickname = matches!(tokens[c].lower(), "dubbed" | "dubs")
        && tokens
            .get(c + 1)
            .is_some_and(|t| matches!(t.lower(), "him" | "her" | "them" | "me" | "us"));
    let joined = (c + 1..tokens.len().min(c + 12))
        .find(|&j| is_open_quote(&tokens[j]))
        .is_some_and(|quote| matches!(tokens[quote - 1].lower(), "and" | "or"));
    if nickname || joined {
        return None;
    }
    match description_as_word(tokens, c, within) {
        Some(as_at) if tokens.get(as_at + 1).is_some_and(is_open_quote) => {
            described_as(tokens, c, sentence_end)
        }
        Some(_) => None,
        None => called_as(tokens, c, sentence_end),
    }
}

/// What "described X as Y" at `c` says: "X as Y", from the word after the
/// cue (its object is the claim's subject: "who described him as a
/// brother") to where the description ends: a comma or a dash outside a
/// quotation ("as a \"scar\", has already said", "as \"very
/// disappointing\", but pointed to"), a clause of its own ("while Muse
/// said", "after United had missed", "when she was", "as it meant"), or
/// the speaker's next verb ("and said he was wearing a ski-mask").
fn described_as(tokens: &[Token], c: usize, sentence_end: usize) -> Option<(Span, bool)> {
    let within = |t: &Token| t.span.start < sentence_end;
    let as_at = description_as_word(tokens, c, within)?;
    let mut quoted = false;
    let mut end = as_at + 1;
    for (j, t) in tokens
        .iter()
        .enumerate()
        .skip(as_at + 1)
        .take_while(|(_, t)| within(t))
    {
        if quoted && is_close_quote(t) {
            quoted = false;
        } else if is_open_quote(t) {
            quoted = true;
        } else if !quoted
            && (matches!(t.text, "," | ";" | ":" | "." | "?" | "!" | "(")
                || is_dash(t)
                || matches!(
                    t.lower(),
                    "while" | "whereas" | "after" | "because" | "but" | "although" | "though" | "when"
                )
                || t.lower() == "as" && tokens.get(j + 1).is_some_and(|p| PRONOUNS.contains(&p.lower()))
                || t.lower() == "and"
                    && tokens
                        .get(j + 1)
                        .is_some_and(|v| looks_like_verb(v) || cues::is_cue_word(v.lower())))
        {
            break;
        }
        end = j + 1;
    }
    (end > as_at + 1).then(|| {
        (
            Span::new(tokens[c + 1].span.start, tokens[end - 1].span.end),
            false,
        )
    })
}

/// The claim "described X as Y" or "called X \"Y\"" at `cue` makes, as a
/// statement: the "as" (or the space before the verdict) to put "was" (or
/// "were", "is", "are") in its place, "X was Y" ("Ferguson described the
/// result as an \"absolute giveaway\"" claims the result was one). `None`
/// for any other cue, and where the statement would not read: a
/// description of oneself ("described himself as a Catholic", whose "he"
/// would be anyone's) or of someone by a pronoun ("him as a brother"), or
/// Y a participle ("as starting euphoric"), but for "being" ("as being
/// unfair": "was unfair").
pub(super) fn description_as_statement(
    tokens: &[Token],
    cue: Span,
    content: Span,
) -> Option<(Span, &'static str)> {
    let c = tokens.iter().position(|t| t.span == cue)?;
    let inside = |t: &Token| t.span.end <= content.end;
    // The object, where the description opens, and what stands between
    // them ("as", "as being"; nothing in "called X \"Y\"").
    let as_form = |c: usize| description_as_word(tokens, c, inside).is_some();
    let called =
        matches!(tokens[c].lower(), "called" | "calls") || is_verdict_verb(tokens[c].lower()) && !as_form(c);
    let (object_end, after, gap) = if called {
        let (verdict, _) = called_quotation(tokens, c)?;
        let gap = Span::new(tokens[verdict - 1].span.end, tokens[verdict].span.start);
        (verdict, verdict, gap)
    } else if !matches!(tokens[c].lower(), "described" | "describes") && !is_verdict_verb(tokens[c].lower()) {
        return None;
    } else {
        let as_at = description_as_word(tokens, c, inside)?;
        let mut after = as_at + 1;
        if tokens.get(after).is_some_and(|t| t.lower() == "being") {
            after += 1;
        }
        let gap = Span::new(tokens[as_at].span.start, tokens[after - 1].span.end);
        (as_at, after, gap)
    };
    let object = &tokens[c + 1..object_end];
    let description = tokens.get(after).filter(|t| inside(t))?;
    // (Nor of "him": "him was" does not read, and "he" is the speaker's
    // word for someone else.)
    if object.is_empty()
        || object
            .iter()
            .any(|t| t.lower().ends_with("self") || t.lower().ends_with("selves"))
        || matches!(object, [pronoun] if matches!(pronoun.lower(), "him" | "her" | "them" | "us" | "me"))
        || description.lower().ends_with("ing")
    {
        return None;
    }
    // What X's head noun is: its last word before a preposition, a comma
    // or a relative ("their explanations for missing the tests"), past a
    // plural's possessive mark ("his players' first season").
    let head_end = object
        .iter()
        .position(|t| {
            !t.is_word() && !matches!(t.text, "'" | "’")
                || PREPOSITIONS.contains(&t.lower())
                || matches!(
                    t.lower(),
                    "between" | "against" | "across" | "around" | "behind" | "within" | "towards"
                )
                || clause_marker(t.lower())
        })
        .unwrap_or(object.len());
    let head = object[..head_end].iter().rfind(|t| t.is_word());
    let plural = match head.map(|t| (t, t.lower())) {
        None => false,
        Some((
            _,
            "them" | "they" | "us" | "we" | "these" | "those" | "some" | "many" | "both" | "all" | "several",
        )) => true,
        Some((token, head)) => {
            // ("the Tories": a capitalized plural after "the", where a
            // name ending in "s" takes none: "Mr Williams".)
            let the_before = object[..head_end]
                .first()
                .is_some_and(|t| t.lower() == "the" && head_end > 1);
            object[..head_end].iter().any(|t| t.lower() == "and")
                || (!token.capitalized() || the_before)
                    && head.ends_with('s')
                    && !head.ends_with("ss")
                    && !head.ends_with("us")
                    && !head.ends_with("is")
                    && !has_possessive_end(token)
        }
    };
    let present = matches!(tokens[c].lower(), "describes" | "calls")
        || c > 0 && matches!(tokens[c - 1].lower(), "has" | "have");
    let joint = match (present, plural) {
        (false, false) => " was ",
        (false, true) => " were ",
        (true, false) => " is ",
        (true, true) => " are ",
    };
    Some((gap, joint))
}

/// What was said after the cue at `c`, and whether it is a direct quote:
/// from past what stands between ("told reporters on Monday that") to the
/// end of the sentence, or of the quotation. `None` when too little is
/// left to be a claim.
fn claim_after_cue(tokens: &[Token], c: usize, sentence_end: usize) -> Option<(Span, bool)> {
    let n = tokens.len();
    // "told reporters", "said Monday", "said in a statement"
    let mut k = skip_after_cue(tokens, c + 1);
    // "he added 1.28p per litre", "the economy added around 292,000 jobs",
    // "added another link to the chain", "added to the uncertainty", "they
    // added an electronic element to the sound", "with China adding 178
    // million new PCs by 2010", "adding to his wins": an amount or a thing
    // added, not words. (A claim after "added" opens as a clause, a
    // quotation or "that".)
    // ("Stephen Jones added four conversions": a number in words too.)
    let amount = |t: &Token| {
        t.text
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '£' | '$' | '€'))
            || NUMBERS.contains(&t.lower())
    };
    // ("added 40 people had been hurt", "added an apology was not
    // enough": a clause that opens with a number or an article; "added a
    // caveat: \"Q\"": words after all.)
    let no_clause = || !clause_opens(tokens, k, sentence_end);
    if k == c + 1
        && matches!(tokens[c].lower(), "added" | "adds" | "add" | "adding")
        && let Some(next) = tokens.get(k)
        && (matches!(next.lower(), "another" | "to")
            || (amount(next)
                || matches!(next.lower(), "a" | "an")
                || matches!(
                    next.lower(),
                    "around" | "about" | "nearly" | "almost" | "roughly" | "some" | "over" | "more"
                ) && tokens.get(k + 1).is_some_and(amount))
                && no_clause())
    {
        return None;
    }
    // "Federer added the Dubai Championship trophy to his long list - but
    // not before he was given a test", "Barry Everitt added the conversion
    // to become ...": a thing added to something, or no verb of a clause
    // at all, and no quotation or colon to come ("added the words: \"Q\""). (Not
    // "It added its bid ... was being considered", "added his party's
    // priorities ... would be funded", whose clause opens with a long
    // subject.)
    if k == c + 1
        && matches!(tokens[c].lower(), "added" | "adds" | "add" | "adding")
        && tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower(), "the" | "his" | "her" | "their" | "its"))
    {
        let end = tokens[k..]
            .iter()
            .position(|t| t.span.start >= sentence_end)
            .map_or(n, |at| k + at);
        let rest = &tokens[k..end];
        let finite = |t: &Token| FINITE_AUXILIARIES.contains(&t.lower());
        let quoted = rest.iter().any(|t| is_open_quote(t) || t.text == ":");
        let added_to = rest.iter().position(|t| t.lower() == "to").is_some_and(|at| {
            !rest[..at].iter().any(finite)
                && rest.get(at + 1).is_some_and(|t| {
                    matches!(
                        t.lower(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "my" | "our"
                    )
                })
        });
        // (A past form before any comma may be the clause's verb: "She
        // added the targets intended to ensure ...".)
        let past_form = rest
            .iter()
            .take_while(|t| t.text != ",")
            .any(|t| t.is_word() && !t.capitalized() && t.text.len() > 4 && t.text.ends_with("ed"));
        if !quoted && (added_to || !rest.iter().any(finite) && !past_form) {
            return None;
        }
    }
    // "admitted to a \"sense of frustration\" about the allegations",
    // "confessed to the killing", "charged to the net": after an admission
    // or a charge, "to" and a noun, no clause after it (a quoted phrase is
    // no clause either), is what was owned up to or where one ran, not
    // words. (Whom it was said to, before a clause, was skipped above.
    // Other cues go on to what was said: "wrote to his followers, \"Q\"",
    // "disclosed to the department its work".)
    if matches!(
        tokens[c].lower(),
        "admitted"
            | "admits"
            | "admit"
            | "admitting"
            | "confessed"
            | "confesses"
            | "confess"
            | "charged"
            | "charges"
    ) && tokens.get(k).is_some_and(|t| t.lower() == "to")
        && tokens.get(k + 1).is_some_and(|t| {
            DETERMINERS.contains(&t.lower()) || matches!(t.lower(), "his" | "her" | "their" | "its")
        })
        && !tokens[k + 1..]
            .iter()
            .take_while(|t| {
                t.span.start < sentence_end
                    && t.text != ","
                    && !matches!(t.lower(), "which" | "who" | "but" | "and")
            })
            .any(|t| {
                t.text == ":" || t.lower() == "that" || PRONOUNS.contains(&t.lower()) || verb_of_clause(t)
            })
    {
        return None;
    }
    // "have conceded six goals", "conceded a penalty close to their own
    // line", "conceded defeat on Wednesday": what a side or a candidate
    // gave up, not an admission. ("Conceded the goal was his fault": a
    // clause after the noun.)
    if k == c + 1
        && matches!(
            tokens[c].lower(),
            "conceded" | "concedes" | "concede" | "conceding"
        )
    {
        let thing = (k..n.min(k + 4))
            .take_while(|&i| tokens[i].is_word())
            .find(|&i| CONCEDED.contains(&tokens[i].lower()));
        let before_noun_ok = |end: usize| {
            tokens[k..end].iter().all(|t| {
                t.text.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        t.lower(),
                        "a" | "an"
                            | "the"
                            | "another"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "late"
                            | "early"
                            | "first"
                            | "second"
                            | "last"
                            | "crucial"
                            | "soft"
                            | "costly"
                            | "further"
                    )
            })
        };
        if let Some(noun) = thing
            && before_noun_ok(noun)
            && tokens
                .get(noun + 1)
                .is_none_or(|t| !FINITE_AUXILIARIES.contains(&t.lower()) && t.lower() != "had")
        {
            return None;
        }
    }
    // "Wolf Brother tells the story of Torak", "The film tells the tale
    // of a forbidden love": a plot, no claim. (PolNeAR's gold counts a
    // few, "told the story of an older supporter"; not "tells the story
    // of how he wooed her", an account of what happened, nor "told the
    // story that his father was a spy".)
    if k == c + 1
        && matches!(tokens[c].lower(), "tells" | "tell" | "told" | "telling")
        && tokens.get(k).is_some_and(|t| DETERMINERS.contains(&t.lower()))
        && tokens
            .get(k + 1)
            .is_some_and(|t| matches!(t.lower(), "story" | "stories" | "tale" | "tales"))
        && tokens.get(k + 2).is_some_and(|t| t.lower() == "of")
        && tokens
            .get(k + 3)
            .is_some_and(|t| !matches!(t.lower(), "how" | "why" | "what"))
    {
        return None;
    }
    // "The firm has also accused Gazprom, the Russian Federation and two
    // other firms.": whom, with nothing saying of what, is no claim.
    if k == c + 1
        && matches!(tokens[c].lower(), "accused" | "accuses" | "accuse")
        && tokens[k..]
            .iter()
            .take_while(|t| !matches!(t.text, "." | ";" | "!" | "?"))
            .all(|t| !matches!(t.lower(), "of" | "that") && !is_open_quote(t) && !is_close_quote(t))
    {
        return None;
    }
    // "speculated about the cost", "speculated in recent weeks about a new
    // model", "declined to speculate on a plan": the topic, no claim.
    if matches!(tokens[c].lower(), "speculate" | "speculates" | "speculated")
        && (k..n.min(k + 6))
            .take_while(|&i| tokens[i].lower() != "that")
            .any(|i| matches!(tokens[i].lower(), "about" | "on" | "over" | "whether"))
    {
        return None;
    }
    if matches!(tokens[c].lower(), "described" | "describes") {
        return described_as(tokens, c, sentence_end);
    }
    if matches!(tokens[c].lower(), "called" | "calls") {
        return called_as(tokens, c, sentence_end);
    }
    if is_verdict_verb(tokens[c].lower()) {
        return verdict_as(tokens, c, sentence_end);
    }
    // "warned Bath they have until next week", "assured MPs they would be
    // consulted": whom the warning or the promise was to, named before
    // the clause's pronoun subject, is not what was said.
    if matches!(
        tokens[c].lower(),
        "warned"
            | "warns"
            | "warning"
            | "assured"
            | "assures"
            | "reminded"
            | "reminds"
            | "promised"
            | "promises"
    ) && let Some(subject) = (k + 1..n.min(k + 4)).find(|&i| {
        matches!(tokens[i].lower(), "he" | "she" | "they" | "it" | "we")
            && tokens.get(i + 1).is_some_and(|t| t.is_word() && !t.capitalized())
    }) && tokens[k..subject].iter().all(|t| {
        t.is_word() && (t.capitalized() || t.lower().ends_with('s') && !DETERMINERS.contains(&t.lower()))
    }) {
        k = subject;
    }
    // "told The Huffington Post on Thursday": the addressee is not what
    // was said.
    if matches!(tokens[c].lower(), "told" | "tells" | "telling" | "tell") {
        // "told the BBC News website", "told BBC One's Breakfast with
        // Frost programme": the outlet, however it is named.
        // (Not past "that" or "reporters", which `skip_after_cue` steps
        // over: "told reporters that the Paris Club was ..." is what was
        // said, not the outlet.)
        let past_whom = k > c + 1 && matches!(tokens[k - 1].lower(), "that" | "reporters" | "journalists");
        let named = k + usize::from(!past_whom && tokens.get(k).is_some_and(|t| t.lower() == "the"));
        // "told the paper", "told the newspaper": an outlet named by its kind.
        // (What follows is what was said: "told the paper her ...".)
        if named > k
            && let Some(end) = outlet_noun_end(tokens, named)
        {
            k = end;
        }
        if !past_whom && tokens.get(named).is_some_and(Token::capitalized) {
            k = named;
        }
        // (A form of address opens whom the claim is about, not more of
        // the outlet: "told the BBC Mr Howard had always ...".)
        // (Nor past "that" or "reporters", which `skip_after_cue` steps
        // over ("told MPs that Tony Benn was wrong", "told reporters Tony
        // Benn was"), or past members of a house, who are no outlet's name
        // ("told MPs Tony Benn was").)
        while k < n
            && !(k > named
                && matches!(
                    tokens[k].lower(),
                    "mr" | "mrs" | "ms" | "dr" | "sir" | "lord" | "lady"
                ))
            && !(k > c + 1 && matches!(tokens[k - 1].lower(), "that" | "reporters" | "journalists"))
            && !(k > named && matches!(tokens[k - 1].text, "MPs" | "MSPs" | "MEPs" | "AMs"))
            && (tokens[k].capitalized()
                // ("told BBC Radio 4 that": a number in the name.)
                || k > named && tokens[k - 1].capitalized() && tokens[k].text.starts_with(|c: char| c.is_ascii_digit())
                // ("told BBC Radio 4's World At One", "told BBC Radio
                // Four's the World at One")
                // ("told Sky News' Sunday with Adam Boulton": a plural's
                // possessive mark.)
                || tokens[k].text == "'" && tokens[k - 1].text.ends_with('s') && tokens.get(k + 1).is_some_and(Token::capitalized)
                || (matches!(tokens[k].lower(), "with" | "of" | "and" | "at")
                    || tokens[k].text.starts_with(|c: char| c.is_ascii_digit())
                    || tokens[k].lower() == "the" && k > named && has_possessive_end(&tokens[k - 1]))
                    && tokens.get(k + 1).is_some_and(Token::capitalized))
        {
            k = skip_past_outlet(tokens, k + 1);
        }
        // "told a newspaper it would ...": an outlet named by its kind
        // alone, after "a", when a clause follows.
        if !past_whom
            && tokens.get(k).is_some_and(|t| matches!(t.lower(), "a" | "an"))
            && let Some(end) = outlet_noun_end(tokens, k + 1)
            && tokens.get(end).is_some_and(|t| opens_clause_after_whom(t))
        {
            k = end;
        }
        if k > named
            && let Some(end) = outlet_noun_end(tokens, k)
        {
            k = skip_past_outlet(tokens, end);
            // "told the Argentine newspaper Clarin it would not ...": the
            // outlet's own name after its kind, where a clause follows.
            let name = capitalized_run(&tokens[k.min(n)..]);
            if (1..=3).contains(&name) && tokens.get(k + name).is_some_and(|t| opens_clause_after_whom(t)) {
                k += name;
            }
        }
        // "told Labour members the Tories ...", "told party activists
        // that ...", "told the conference S": an audience, which a few
        // qualifying words may open, and then what was said, opening as a
        // clause does.
        // ("told his monthly press conference the matter had been dealt
        // with": lowercase words that describe the audience, after whose.)
        let whose = tokens
            .get(c + 1)
            .is_some_and(|t| matches!(t.lower(), "his" | "her" | "their" | "its"));
        if let Some(audience) = (named.max(c + 1)..n.min(k + if whose { 5 } else { 3 }))
            .find(|&i| AUDIENCES.contains(&tokens[i].lower()))
            && tokens[c + 1..audience].iter().all(|t| {
                t.capitalized()
                    || matches!(
                        t.lower(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "party" | "fellow"
                    )
                    || whose
                        && t.is_word()
                        && !t.lower().ends_with("ed")
                        && !clause_marker(t.lower())
                        && !cues::is_cue_word(t.lower())
            })
            && tokens.get(audience + 1).is_some_and(|t| {
                t.capitalized()
                    || is_open_quote(t)
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        t.lower(),
                        "that" | "the" | "a" | "an" | "it" | "there" | "this" | ":" | ","
                    )
                    || PRONOUNS.contains(&t.lower())
            })
        {
            k = skip_after_cue(tokens, audience + 1);
        }
        // "told a Labour Party gathering that S", "told a rally in Leeds
        // that S": an audience, however described, before "that".
        if let Some(that) = (k..n.min(k + 9)).find(|&i| tokens[i].lower() == "that")
            && tokens[k..that].iter().any(|t| AUDIENCES.contains(&t.lower()))
            && tokens[k..that].iter().all(|t| t.is_word() && !clause_marker(t.lower()))
            // (Not "told the crowd that was gathered": a relative clause.)
            && tokens.get(that + 1).is_some_and(|t| !verb_not_by_s(t) || PRONOUNS.contains(&t.lower()))
        {
            k = that + 1;
        }
        // "told the President of the European Parliament, Josep Borrell,
        // that S", "told the chairman of the committee that S": whom,
        // however described, before "that" (a phrase with no verb of its
        // own).
        // (From the cue: the outlet's name above may have taken "the
        // President" and stopped at "of".)
        if tokens[k - 1].lower() != "that"
            && let Some(that) = (k..n.min(c + 16))
                .find(|&i| tokens[i].lower() == "that" && !PREPOSITIONS.contains(&tokens[i - 1].lower()))
            && (tokens[c + 1].capitalized()
                || matches!(
                    tokens[c + 1].lower(),
                    "the" | "a" | "an" | "his" | "her" | "their"
                ))
            && tokens[c + 1..that].iter().all(|t| {
                t.text == ","
                    || t.is_word() && !clause_marker(t.lower()) && (t.capitalized() || !looks_like_verb(t))
            })
            && tokens
                .get(that + 1)
                .is_some_and(|t| !verb_not_by_s(t) || PRONOUNS.contains(&t.lower()))
        {
            k = that + 1;
        }
        // "tells the commissioner: \"Q\"", "told the inquiry's chairman:
        // \"Q\"": whom, however described, before a colon and the
        // quotation (a phrase with no verb of its own).
        if !tokens.get(k).is_some_and(is_open_quote)
            && let Some(colon) = (k..n.min(k + 8)).find(|&i| tokens[i].text == ":")
            && colon > k
            && tokens.get(colon + 1).is_some_and(is_open_quote)
            && (tokens[k].capitalized()
                || DETERMINERS.contains(&tokens[k].lower())
                || has_possessive_end(&tokens[k]))
            && tokens[k..colon].iter().all(|t| {
                t.is_word()
                    && !clause_marker(t.lower())
                    && (t.capitalized() || has_possessive_end(t) || !looks_like_verb(t))
            })
        {
            k = colon + 1;
        }
    }
    // "wrote to the watchdog saying: Q", "has written to two men telling
    // them S", "wrote to Mr Lee that S", "wrote to Mr Lee: Q": the
    // letter's words follow the addressee. "Wrote to Mr Lee asking for
    // ...", "demanding ...", or nothing after the addressee: a letter was
    // sent, and it says nothing here.
    if matches!(tokens[c].lower(), "wrote" | "written" | "writes" | "write")
        && tokens.get(k).is_some_and(|t| t.lower() == "to")
    {
        let words = (k + 1..n)
            .take_while(|&i| tokens[i].span.start < sentence_end)
            .find(|&i| {
                // (A quotation the letter opens with, after a colon or a
                // comma: not "accusing Labour of a \"flagrant breach\"".)
                is_open_quote(&tokens[i])
                    && matches!(tokens[i - 1].text, ":" | ",")
                    && tokens.get(i + 1).is_some_and(Token::capitalized)
                    || matches!(
                        tokens[i].lower(),
                        "that"
                            | "saying"
                            | "telling"
                            | "warning"
                            | "claiming"
                            | "arguing"
                            | "insisting"
                            | "stating"
                    )
            })?;
        k = if is_open_quote(&tokens[words]) {
            words
        } else {
            skip_after_cue(tokens, words + 1)
        };
    }
    // "claiming that, as Mr Letwin said, if the money ...": an aside that
    // cites another speaker opens no claim; the claim follows its comma.
    if tokens.get(k).is_some_and(|t| t.lower() == "as")
        && let Some(cue) = (k + 2..n.min(k + 7)).find(|&j| {
            cues::is_speech_verb(tokens[j].lower()) && tokens.get(j + 1).is_some_and(|t| t.text == ",")
        })
        && tokens[k + 1..cue].iter().all(Token::is_word)
        && plausible_speaker(&tokens[k + 1..cue])
    {
        k = cue + 2;
    }
    // "responded by saying that S", "replied by noting S": the report is
    // the participle's.
    if k + 1 < n
        && tokens[k].lower() == "by"
        && tokens[k + 1].lower().ends_with("ing")
        && cues::is_cue_word(tokens[k + 1].lower())
    {
        k = skip_after_cue(tokens, k + 2);
        if tokens.get(k).is_some_and(|t| t.lower() == "that") {
            k += 1;
        }
    }
    // "say by 55%-41% that S", "agreed by a margin of two to one that S":
    // the margin is not the claim.
    if k + 1 < n
        && tokens[k].lower() == "by"
        && let Some(that) = (k + 1..n.min(k + 8)).find(|&i| tokens[i].lower() == "that")
        && tokens[k + 1..that]
            .iter()
            .any(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        && tokens[k + 1..that].iter().all(|t| !clause_marker(t.lower()))
    {
        k = that + 1;
    }
    // "asked the mayor whether S": whom is not what was asked.
    if matches!(tokens[c].lower(), "asked" | "asks")
        && let Some(q) = (k..n.min(k + 8))
            .take_while(|&i| tokens[i].is_word())
            .find(|&i| matches!(tokens[i].lower(), "whether" | "if"))
    {
        k = q;
    }
    // "claimed in the Observer that S", "said to the BBC that S".
    if k < n
        && matches!(tokens[k].lower(), "in" | "to" | "on")
        && let Some(that) = (k + 1..n.min(k + 8)).find(|&i| tokens[i].lower() == "that")
        && tokens[k + 1..that]
            .iter()
            .all(|t| t.capitalized() || matches!(t.lower(), "the" | "'s" | "’s"))
    {
        k = that + 1;
    }
    // "warned Tony Blair on 7 March 2003 that S", "assured MPs last week
    // that S": whom the speaker addressed, and when, are not what was said.
    if matches!(
        tokens[c].lower(),
        "warned" | "warns" | "warn" | "assured" | "assures" | "reminded" | "reminds" | "informed" | "informs"
    ) && let Some(that) = (k..n.min(k + 9)).find(|&i| tokens[i].lower() == "that")
        && that > k
        && (tokens[k].capitalized() || matches!(tokens[k].lower(), "him" | "her" | "them" | "us" | "me"))
        && tokens[k..that].iter().all(|t| {
            t.capitalized()
                || t.text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    t.lower(),
                    "on" | "in" | "at" | "last" | "this" | "the" | "him" | "her" | "them" | "us" | "me"
                )
                || DAYS.contains(&t.lower())
        })
    {
        k = that + 1;
    }
    // "stressed to Putin in the call \"Q\"": to whom, and where, before a
    // quotation are not what was said.
    if k + 2 < n
        && tokens[k].lower() == "to"
        && tokens[k + 1].capitalized()
        && let Some(q) = (k + 2..n.min(k + 12)).find(|&i| !tokens[i].is_word())
        && is_open_quote(&tokens[q])
        && tokens[k + 2..q].iter().all(|t| !clause_marker(t.lower()))
    {
        k = q;
    }
    // "told the BBC: \"Q\"": what comes before the colon is to whom.
    if let Some(colon) = colon_before_quotation(tokens, k, k + 9, |t| {
        t.capitalized()
            || OUTLETS.contains(&t.lower())
            || matches!(
                t.lower(),
                "the" | "a" | "an" | "'s" | "’s" | "of" | "with" | "and" | "on" | "in"
            )
    }) {
        k = colon + 1;
    }
    // "said of Mr Smith's honour: \"Q\"": of what, before a quotation, is
    // not what was said; nor is to whom ("said to a crowd of 500: \"Q\"");
    // nor while what happens ("remarks as we walk by shelf after shelf of
    // vellum: \"Q\""), nor when ("said after the 4-0 win: \"Q\""). What
    // stops each, with how far it reaches: a clause of its own ("said
    // after all that he was wrong:"; not after "as", "while" or "when",
    // whose clause it is), another cue (not after "of" or "to"), and after
    // "to" a comma ("vowed to fight back, saying: \"Q\"": an infinitive,
    // which a comma ends, is what was vowed).
    if let Some(colon) = colon_after_adjunct(tokens, k) {
        k = colon + 1;
    }
    // "announced that same day, as mentioned above": the writer's aside
    // to the end, nothing said; "said, as expected, that S": an aside
    // before what was.
    if tokens.get(k).is_some_and(|t| t.lower() == "as")
        && tokens
            .get(k + 1)
            .is_some_and(|t| !t.capitalized() && t.lower().ends_with("ed"))
    {
        // (The aside may place what it points at: "as mentioned above",
        // "as reported earlier".)
        let comma = (k + 2..n.min(k + 5))
            .take_while(|&i| tokens[i].is_word() && !tokens[i].capitalized() || tokens[i].text == ",")
            .find(|&i| tokens[i].text == ",");
        let ends = |i: usize| i >= n || tokens[i].span.start >= sentence_end || !tokens[i].is_word();
        match comma {
            Some(comma)
                if !tokens
                    .get(comma + 1)
                    .is_some_and(|t| matches!(t.lower(), "and" | "but")) =>
            {
                k = comma + 1;
                if tokens.get(k).is_some_and(|t| t.lower() == "that") {
                    k += 1;
                }
            }
            Some(_) => return None,
            None if (k + 2..n.min(k + 5))
                .find(|&i| !tokens[i].is_word() || tokens[i].capitalized())
                .is_some_and(ends)
                || k + 2 >= n =>
            {
                return None;
            }
            None => {}
        }
    }
    // "responded to the charge", "replied with ads", "responded
    // angrily as if insulted": what was answered, or how, not what was
    // said. (The words may follow: "responded to Ms Roe with: \"Q\"".)
    if matches!(
        tokens[c].lower(),
        "respond" | "responds" | "responded" | "responding" | "reply" | "replies" | "replied" | "replying"
    ) && let Some(at) = (k..n.min(k + 2)).find(|&i| !tokens[i].lower().ends_with("ly"))
        && matches!(tokens[at].lower(), "to" | "with" | "as")
        // (Not "replied on Saturday to suggest S": an infinitive says it;
        // "responded to reports that S" is a noun.)
        && !(tokens[at].lower() == "to"
            && tokens
                .get(at + 1)
                .is_some_and(|t| cues::is_cue_word(t.lower()) && !t.lower().ends_with('s')))
    {
        match colon_before_quotation(tokens, at, at + 15, |t| !is_open_quote(t) && !is_close_quote(t)) {
            Some(colon) => k = colon + 1,
            None if !tokens[at..]
                .iter()
                .take_while(|t| t.span.start < sentence_end)
                .any(|t| t.text == ":" || is_open_quote(t)) =>
            {
                return None;
            }
            None => {}
        }
    }
    // "maintained support among voters", "maintains the title", "help
    // him maintain the image of a strong leader": what is kept up, not
    // said (and a threat of a thing, not of an act); "maintained the
    // emails were not marked", "maintains he was misled": a clause
    // (`clause_opens`). Past what `skip_after_cue` stepped over,
    // "threatened further scores", but not "that".
    if !tokens[c + 1..k.min(n)]
        .iter()
        .any(|t| t.lower() == "that" || t.text == ":")
        && (matches!(tokens[c].lower(), "maintain" | "maintains" | "maintained")
            // "Wales twice threatened further scores": a threat is made
            // to do something, or that something will happen.
            || matches!(tokens[c].lower(), "threaten" | "threatens" | "threatened")
                && tokens.get(k).is_some_and(|t| !matches!(t.lower(), "to" | "that")))
        && !clause_opens(tokens, k, sentence_end)
    {
        return None;
    }
    // "denied the claims, saying S": what was denied is named, not said;
    // the participle that follows says it.
    if matches!(
        tokens[c].lower(),
        "denied" | "denies" | "deny" | "rejected" | "rejects" | "dismissed" | "disputed"
    ) && let Some(comma) = (k..n.min(k + 5)).find(|&i| tokens[i].text == ",")
        && tokens[k..comma].iter().any(|t| DENIED.contains(&t.lower()))
    {
        return None;
    }
    // "denied that quote on Wednesday": "that" points at what was denied,
    // a quote or a claim named and not given; no clause follows it.
    if matches!(tokens[c].lower(), "denied" | "denies" | "deny" | "denying")
        && k > 0
        && tokens[k - 1].lower() == "that"
        && tokens
            .get(k)
            .is_some_and(|t| DENIED.contains(&t.lower()) || t.lower() == "quote")
        && tokens
            .get(k + 1)
            .is_none_or(|t| !t.is_word() || cues::opens_setting(t.lower()))
    {
        return None;
    }
    // "declared himself delighted": what the speaker called themself, not
    // a claim. ("Declared war on", "declared a trip" stay: PolNeAR marks
    // a noun phrase after "declared".)
    if matches!(tokens[c].lower(), "declared" | "declares" | "declare")
        && k > 0
        && !matches!(tokens[k - 1].lower(), "that" | ":")
        && tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower(), "himself" | "herself" | "itself" | "themselves"))
    {
        return None;
    }
    // "..., Mr Lee said - falling short of the target": the writer's
    // comment on what was said, set off by a dash, is not the claim.
    if dash_comment_at(tokens, k) {
        return None;
    }
    // "Ben Carson said after the attacks.": where, when or how, not what;
    // "said during the debate that S": S.
    match adjunct_end(tokens, k) {
        Some(end) if end < n && tokens[end].lower() == "that" => k = end + 1,
        Some(end) if end >= n || tokens[end].text != "," => return None,
        _ => {}
    }
    let remaining_words = tokens[k.min(n)..].iter().filter(|t| t.is_word()).count();
    let opens_quote = k < n && is_open_quote(&tokens[k]);
    if remaining_words < 3 && !(opens_quote && remaining_words > 0) {
        return None;
    }
    if k >= n || tokens[k].text == "." {
        return None;
    }
    // "He said \"our country\" was being \"stolen\" by ...": quoted words
    // that open in lowercase, and that the sentence goes on from, are part
    // of its clause, not the whole of what was said. (Not a quotation of
    // its own, capitalized, nor one joined to the next: "insisted that \"X\"
    // and \"Y\"".)
    let fragment = opens_quote
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.is_word() && t.text.starts_with(char::is_lowercase))
        && (k + 1..n)
            .find(|&i| is_close_quote(&tokens[i]))
            .is_some_and(|close| {
                !matches!(tokens[close - 1].text, "." | "," | "!" | "?" | ";" | ":")
                    && tokens.get(close + 1).is_some_and(|t| {
                        t.is_word()
                            && t.text.starts_with(char::is_lowercase)
                            && !matches!(t.lower(), "and" | "or" | "but" | "nor")
                    })
            });
    let quoted = opens_quote && !fragment;
    let start = if quoted {
        tokens[k].span.end
    } else {
        tokens[k].span.start
    };
    let end = if quoted {
        (k + 1..n)
            .find(|&i| is_close_quote(&tokens[i]))
            .map_or(sentence_end, |i| tokens[i].span.start)
    } else {
        // "As Mr Lund announced the date, the firm urged him to act",
        // "When the minister said the plan was sound, critics laughed": a
        // report in a clause that opens the sentence ends where the clause
        // does, at the comma before the main clause.
        let opening_clause = tokens.iter().find(|t| t.is_word()).is_some_and(|t| {
            matches!(
                t.lower(),
                "as" | "when" | "while" | "after" | "before" | "since" | "although" | "though" | "once" | "until"
            )
        }) && (0..c).all(|i| tokens[i].text != "," && !is_open_quote(&tokens[i]))
            // (Not "As Jo Lee said, S" nor "As Jo Lee reported, even on
            // Friday, S": the main clause is the claim there.)
            && tokens.get(c + cue_words(tokens, c)).is_some_and(|t| t.text != ",");
        let clause_end = opening_clause
            .then(|| {
                (k + 1..n)
                    .take_while(|&i| !is_open_quote(&tokens[i]) && !is_close_quote(&tokens[i]))
                    .find(|&i| {
                        tokens[i].text == ","
                            && !in_number(tokens, i)
                            && tokens[i + 1..].iter().filter(|t| t.is_word()).count() >= 2
                    })
            })
            .flatten()
            // (Not when only when, where or how stands before the comma:
            // "As Jo Lee said last week in Leeds, S", "As Jo Lee reported
            // just today, S", "As Jo Lee pointed out with a chart, S"
            // claim S.)
            .filter(|&end| {
                adjunct_end(tokens, k) != Some(end)
                    && !PREPOSITIONS.contains(&tokens[k].lower())
                    && !matches!(
                        tokens[k].lower(),
                        "just"
                            | "only"
                            | "even"
                            | "also"
                            | "earlier"
                            | "later"
                            | "last"
                            | "this"
                            | "recently"
                            | "again"
                            | "out"
                            | "up"
                    )
            });
        // "She said S, and demanded an inquiry": the speaker's next act is
        // not part of what she said.
        // "Ministers say S but critics fear T": another speaker's report,
        // set against this one, is not part of it.
        let contrasted = |i: usize| {
            (matches!(tokens[i].lower(), "but" | "whereas")
                // ("Jo Lee denies that S, and Ann Fox says T": a second
                // speaker's report joined on. Not without the comma:
                // "said that Lee and Fox told police T" is one claim.)
                || tokens[i].lower() == "and" && i > 0 && tokens[i - 1].text == ","
                // ("said S - though he acknowledged T", ", although critics
                // say T": set off, a concession is another report.)
                || matches!(tokens[i].lower(), "though" | "although" | "while")
                    && i > 0
                    && (tokens[i - 1].text == "," || is_dash(&tokens[i - 1])))
                && (i + 2..n.min(i + 6)).any(|v| {
                    (cues::is_speech_verb(tokens[v].lower())
                        || matches!(tokens[v].lower(), "fear" | "fears" | "believe" | "believes"))
                        && !tokens[v].lower().ends_with("ing")
                        && plausible_speaker(&tokens[i + 1..v])
                        && tokens[i + 1..v]
                            .iter()
                            .all(|t| t.is_word() && !t.lower().ends_with("ed"))
                        && tokens
                            .get(v + 1)
                            .is_some_and(|t| t.is_word() || is_open_quote(t) || t.text == ":")
                })
        };
        // ("said Labour would \"do anything, say anything, claim anything
        // to cling on\"": inside a quotation the claim opened, a comma
        // and a verb are the speaker's words, not the next act.)
        let mut quote_depth = 0i32;
        // (Whether the quotation closes depends only on the next quote
        // mark: asked again only once a mark is passed.)
        let mut closes = None;
        (k + 1..clause_end.unwrap_or(n).min(n.saturating_sub(2)))
            .find_map(|i| {
                let t = &tokens[i - 1];
                if is_close_quote(t) && quote_depth > 0 {
                    quote_depth -= 1;
                } else if is_open_quote(t) {
                    quote_depth += 1;
                }
                if is_open_quote(t) || is_close_quote(t) {
                    closes = None;
                }
                // (Only a quotation that closes before another opens:
                // "had the feel of a 'work in progress', and urged the
                // government to guarantee that \"an obligation ...\"" never
                // closes its first mark.)
                if quote_depth > 0 && *closes.get_or_insert_with(|| quotation_closes(tokens, i)) {
                    return None;
                }
                // "who insists S, said: ..." ends at the main verb.
                if tokens[i].text == ","
                    && cues::is_speech_verb(tokens[i + 1].lower())
                    && !tokens[i + 1].lower().ends_with("ing")
                    || tokens[i].text == ","
                        && tokens[i + 1].lower() == "and"
                        && tokens[i + 2].is_word()
                        && !tokens[i + 2].capitalized()
                        && tokens[i + 2].lower().ends_with("ed")
                        && !cues::is_speech_verb(tokens[i + 2].lower())
                    // "said S and called on hunts to do more", "and urged
                    // ministers to ...": a demand of others, the speaker's
                    // next act even without the comma.
                    // "said S and he said T": a second report of the same
                    // speaker's, a claim of its own.
                    || tokens[i].lower() == "and"
                        && (matches!(tokens[i + 1].lower(), "urged" | "appealed")
                            || tokens[i + 1].lower() == "called" && matches!(tokens[i + 2].lower(), "on" | "for")
                            || matches!(tokens[i + 1].lower(), "he" | "she" | "they")
                                && cues::is_cue_word(tokens[i + 2].lower())
                                && !tokens[i + 2].lower().ends_with("ing"))
                {
                    Some(i)
                } else if contrasted(i)
                    // "said S but accepted that T": the speaker's next act.
                    || tokens[i].lower() == "but"
                        && tokens[i + 1].is_word()
                        && !tokens[i + 1].capitalized()
                        && tokens[i + 1].lower().ends_with("ed")
                        && tokens[i + 2].lower() == "that"
                        // (A cue there, "but insisted that T", is read as
                        // this claim's still: no claim of its own is made
                        // of it yet.)
                        && !cues::is_cue_word(tokens[i + 1].lower())
                {
                    Some(if tokens[i - 1].text == "," || is_dash(&tokens[i - 1]) { i - 1 } else { i })
                } else if tokens[i].text == ","
                    // "stressed the pledge, when he met parents": when the
                    // speaker did so, not what was said.
                    && matches!(tokens[i + 1].lower(), "when" | "as" | "after" | "before" | "while")
                    && matches!(tokens[i + 2].lower(), "he" | "she" | "they")
                    && tokens.get(i + 3).is_some_and(|t| {
                        !t.capitalized()
                            && (t.lower().ends_with("ed")
                                || matches!(t.lower(), "met" | "spoke" | "went" | "took" | "gave" | "made"))
                    })
                {
                    Some(i)
                } else {
                    None
                }
            })
            .or(clause_end)
            .or_else(|| aside_close(tokens, c, k))
            .map_or(sentence_end, |i| {
                // ("(Jo Lee said the plan was dead.)": not the period
                // before the aside's close either.)
                let i = if i > k + 1 && tokens[i].text == ")" && tokens[i - 1].text == "." {
                    i - 1
                } else {
                    i
                };
                tokens[i].span.start
            })
    };
    Some((Span::new(start, end), quoted))
}

/// "The vote was close (Jo Lee said the plan was dead) and it passed": a
/// report inside brackets, opened before the cue at `c` and not closed
/// before it, ends where they close; the index of the ")" after `from`.
fn aside_close(tokens: &[Token], c: usize, from: usize) -> Option<usize> {
    let open = tokens[..c].iter().rposition(|t| matches!(t.text, "(" | ")"))?;
    if tokens[open].text != "(" {
        return None;
    }
    (from..tokens.len()).find(|&i| tokens[i].text == ")")
}

/// Whether a quotation open at `from` closes before another opens: the
/// next quote mark is a closing one, or a straight one written against
/// the word before it.
fn quotation_closes(tokens: &[Token], from: usize) -> bool {
    for j in from..tokens.len() {
        let t = &tokens[j];
        if !is_open_quote(t) && !is_close_quote(t) {
            continue;
        }
        let against_word_before = j > 0 && tokens[j - 1].span.end == t.span.start;
        return if is_open_quote(t) && is_close_quote(t) {
            against_word_before
        } else {
            is_close_quote(t)
        };
    }
    false
}

/// Whether the comma at `i` separates thousands ("50,000"): digits on
/// both sides, with no space between.
fn in_number(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens.get(i + 1).is_some_and(|next| {
            next.span.start == tokens[i].span.end && next.text.starts_with(|c: char| c.is_ascii_digit())
        })
        && tokens[i - 1].span.end == tokens[i].span.start
        && tokens[i - 1].text.ends_with(|c: char| c.is_ascii_digit())
}

/// Words that open an adjunct of time, place or manner after a cue ("said
/// in a video message", "said after the attacks", "wrote in a court
/// filing", "said of the plan").
const ADJUNCT_OPENERS_AFTER_CUE: &[&str] = &[
    "in",
    "during",
    "at",
    "after",
    "before",
    "on",
    "from",
    "while",
    "via",
    "following",
];

/// Words that open an adjunct after "said", "told" or "added" only: after
/// other cues they open what was said ("warned about the risks", "boasted
/// of his skills", "responded to the charge", "tweeted with a photo").
const ADJUNCT_OPENERS_AFTER_SAY: &[&str] = &["of", "about", "with", "to"];

/// Words that make what follows a cue a clause rather than an adjunct,
/// beside [`CLAUSE_WORDS`] (all of them but "to", which an adjunct may hold:
/// "said in a message to the convention"): a verb of its own ("said in
/// 2004 were unhealthy"), a subordinator or a relative ("said at the
/// meeting that S").
const MORE_CLAUSE_WORDS: &[&str] = &[
    "whom", "whose", "because", "when", "where", "if", "whether", "but", "be", "been", "not", "there", "i",
    "you",
];

/// Whether what follows `from` to the sentence's end (or a quotation's
/// close) is a clause: "that", a colon or a quotation in it ("adding in a
/// letter: \"Q\""), or a finite verb (an auxiliary or a modal, a past form, a contraction,
/// or a verb in "-s" after a pronoun or a capitalized word: "Labour
/// wants"). "pay-TV channels later" has none.
fn clause_after(tokens: &[Token], from: usize) -> bool {
    // (A colon or a quotation, next or later, is read below.)
    if tokens.get(from).is_none_or(|t| t.lower() == "that") {
        return true;
    }
    tokens[from..]
        .iter()
        .enumerate()
        // (A mark that may open a quotation opens one here: nothing said
        // has come before it to close.)
        .take_while(|(_, t)| {
            !matches!(t.text, "." | ";" | "?" | "!") && (is_open_quote(t) || !is_close_quote(t))
        })
        .any(|(k, t)| {
            let word = t.lower();
            // (A past form, or "does" or "do", after a word that is no
            // determiner: "adding prices rose", "adding it does", not
            // "adding paid stations", "the revised figures", "a do".)
            let past = k > 0 && !DETERMINERS.contains(&tokens[from + k - 1].lower());
            let subject = k > 0 && {
                let before = &tokens[from + k - 1];
                before.is_word() && (before.capitalized() || PRONOUNS.contains(&before.lower()))
            };
            is_open_quote(t)
                || t.text == ":"
                || t.is_word()
                    && !t.capitalized()
                    && (FINITE_AUXILIARIES.contains(&word)
                        || past
                            && (word.len() > 3 && word.ends_with("ed")
                                || is_irregular_past(word)
                                || matches!(word, "does" | "do"))
                        || word.contains('\'')
                        || word.contains('’')
                        || subject && word.ends_with('s') && !word.ends_with("ss"))
        })
}

/// "claimed the top spot", "claim a draw at Anfield", "claimed his third
/// victory", "claiming salaries for ...", "the storm claimed 12 lives",
/// "have claimed a high-profile victim": "claim" meaning to win, to ask
/// for or to take, its object a noun phrase from `from` whose head is such a thing
/// and ends the phrase (at a preposition, a conjunction, a mark or the
/// sentence's end). Not a clause: "claimed the title was his" goes on
/// past its noun. (Not what is said, either: "claimed responsibility for
/// the attack", "claimed credit for it", and "claimed victory" bare, a
/// side declaring it has won, are assertions a checker checks.)
fn claims_a_thing(tokens: &[Token], from: usize) -> bool {
    const THINGS: &[&str] = &[
        "spot",
        "place",
        "title",
        "titles",
        "crown",
        "cup",
        "trophy",
        "award",
        "awards",
        "prize",
        "prizes",
        "medal",
        "medals",
        "gold",
        "silver",
        "bronze",
        "win",
        "wins",
        "victory",
        "victories",
        "draw",
        "point",
        "points",
        "lead",
        "set",
        "sets",
        "break",
        "frame",
        "frames",
        "goal",
        "goals",
        "wicket",
        "wickets",
        "record",
        "records",
        "seat",
        "seats",
        "scalp",
        "scalps",
        "victim",
        "victims",
        "double",
        "treble",
        "championship",
        "honours",
        "pole",
        "salary",
        "salaries",
        "expenses",
        "benefit",
        "benefits",
        "asylum",
        "compensation",
        "damages",
        "refund",
        "refunds",
        "allowance",
        "allowances",
        "ownership",
        "control",
        "lives",
        "life",
        "residency",
        "sovereignty",
        "territory",
        "throne",
        "jackpot",
    ];
    let stop = |t: &Token| {
        !t.is_word()
            || PREPOSITIONS.contains(&t.lower())
            || matches!(t.lower(), "and" | "but" | "while" | "ahead" | "as")
    };
    let Some(end) = (from..tokens.len().min(from + 6))
        .find(|&k| stop(&tokens[k]))
        .or_else(|| (tokens.len() <= from + 6).then_some(tokens.len()))
    else {
        return false;
    };
    // (An event, "the men's 800m", is won as well.)
    let head = |word: &str| {
        THINGS.contains(&word)
            || word.chars().any(|c| c.is_ascii_digit()) && word.ends_with('m') && word.len() > 2
    };
    // (Not a clause with its subject and verb before the noun: "claiming
    // he needed a break"; nor "claimed no responsibility for it", which
    // says they bear none.)
    let clause_inside = (from..end).any(|k| {
        let word = tokens[k].lower();
        FINITE_AUXILIARIES.contains(&word)
            || matches!(word, "that" | "no")
            || PRONOUNS.contains(&word)
            || k > from && word.ends_with("ed") && !DETERMINERS.contains(&tokens[k - 1].lower())
    });
    let declared = end == from + 1 && matches!(tokens[from].lower(), "victory" | "victories");
    end > from && head(tokens[end - 1].lower()) && !clause_inside && !declared
}

/// Whether `word` opens or carries a clause (see [`MORE_CLAUSE_WORDS`]).
fn clause_marker(word: &str) -> bool {
    word != "to" && CLAUSE_WORDS.contains(&word) || MORE_CLAUSE_WORDS.contains(&word)
}

/// "S, she said in a video message to the convention.": a prepositional
/// phrase that starts at `from` (just past a cue) and runs, without a verb
/// or a quotation of its own, to a comma, a "that" or the sentence's end.
/// Returns where it stops: the comma's or the "that"'s index, the final
/// punctuation's, or the sentence's length; `None` if what follows is not
/// such a phrase ("at least six planes", "to vote": a number's qualifier,
/// an infinitive).
fn adjunct_end(tokens: &[Token], from: usize) -> Option<usize> {
    let first = tokens.get(from)?;
    let next = tokens.get(from + 1)?;
    let say = from > 0
        && matches!(
            tokens[from - 1].lower(),
            "said"
                | "says"
                | "say"
                | "saying"
                | "told"
                | "tells"
                | "tell"
                | "telling"
                | "added"
                | "adds"
                | "adding"
        );
    let opens = first.is_word()
        && !first.capitalized()
        && (ADJUNCT_OPENERS_AFTER_CUE.contains(&first.lower())
            || say
                && ADJUNCT_OPENERS_AFTER_SAY.contains(&first.lower())
                // "said to a crowd of about 500", but not "said to be"
                && (first.lower() != "to" || next.capitalized() || DETERMINERS.contains(&next.lower())));
    if !opens || matches!(next.lower(), "least" | "most" | "all" | "once") {
        return None;
    }
    let mut words = 0;
    for (k, t) in tokens.iter().enumerate().skip(from) {
        if t.text == "," && !in_number(tokens, k) {
            return (words > 1).then_some(k);
        }
        if !t.is_word() {
            let closes = matches!(t.text, "." | "?" | "!")
                && tokens[k + 1..].iter().all(|t| !t.is_word() && !is_open_quote(t));
            if closes {
                return (words > 1).then_some(k);
            }
            if is_open_quote(t) || is_close_quote(t) || matches!(t.text, ":" | ";" | "(" | ")") {
                return None;
            }
            continue;
        }
        words += 1;
        // "said at the meeting that S": the claim follows.
        if t.lower() == "that" && words > 2 {
            return Some(k);
        }
        if words > 14 || clause_marker(t.lower()) || (k > from && is_cue(tokens, k)) {
            return None;
        }
    }
    (words > 1).then_some(tokens.len())
}

/// Whether a word is an adverb by its ending ("worryingly", "locally",
/// "reportedly"), not a name that ends as one ("Kelly", "Connolly",
/// "Beverly", "Sally").
fn is_adverb_in_ly(word: &str) -> bool {
    matches!(
        word,
        "oddly"
            | "sadly"
            | "partly"
            | "mostly"
            | "mainly"
            | "nearly"
            | "surely"
            | "fairly"
            | "rarely"
            | "hardly"
            | "simply"
            | "really"
            | "merely"
            | "likely"
            | "newly"
            | "truly"
    ) || word.len() >= 7
        && [
            "ingly", "edly", "ally", "ously", "fully", "ively", "ately", "ently", "antly", "ibly", "ably",
            "arly", "lessly",
        ]
        .iter()
        .any(|end| word.ends_with(end))
}

/// Whether what follows a cue from `k` is a clause, as a claim is ("added
/// 40 people had been hurt", "maintained he was misled", "added a caveat:
/// \"Q\""), rather than a thing ("added four conversions as Wales
/// maintained their start", "maintained support among voters, Fox
/// found"): a verb of its own, a subject pronoun, a colon or a quotation
/// before a comma or a conjunction ends the object.
fn clause_opens(tokens: &[Token], k: usize, sentence_end: usize) -> bool {
    tokens[k.min(tokens.len())..]
        .iter()
        .take_while(|t| {
            t.span.start < sentence_end
                && t.text != ","
                && !matches!(
                    t.lower(),
                    "but"
                        | "and"
                        | "as"
                        | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "because"
                        | "if"
                        | "which"
                        | "who"
                )
        })
        .any(|t| t.text == ":" || is_open_quote(t) || PRONOUNS.contains(&t.lower()) || verb_of_clause(t))
}

/// Whether a word is a clause's verb by its form: a past tense or
/// participle in "-ed", a modal, or a form of "be", "have" or "do" (not
/// the adverbs `AUXILIARIES` also lets stand before a cue, "further",
/// "also").
fn verb_of_clause(t: &Token) -> bool {
    let word = t.lower();
    !t.capitalized()
        && (word.ends_with("ed")
            || FINITE_AUXILIARIES.contains(&word)
            || matches!(
                word,
                "is" | "was" | "were" | "are" | "has" | "have" | "had" | "do" | "does" | "did"
            ))
}

/// What a side or a candidate concedes that is no admission: goals,
/// points, a penalty, defeat.
const CONCEDED: &[&str] = &[
    "goal",
    "goals",
    "penalty",
    "penalties",
    "try",
    "tries",
    "point",
    "points",
    "run",
    "runs",
    "wicket",
    "wickets",
    "set",
    "sets",
    "frame",
    "frames",
    "corner",
    "corners",
    "free-kick",
    "free-kicks",
    "defeat",
    "seat",
    "seats",
    "possession",
    "ground",
    "race",
    "election",
    "game",
    "games",
    "match",
];

/// What is denied by name: "denied the claims, saying ...".
const DENIED: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "report",
    "reports",
    "suggestion",
    "suggestions",
    "criticism",
    "story",
];

/// Texts that rules are written in, not speakers: "according to the code".
const DOCUMENTS: &[&str] = &[
    "code",
    "rules",
    "law",
    "laws",
    "constitution",
    "charter",
    "treaty",
    "guidelines",
    "regulations",
    "manual",
    "bible",
];

/// Whom a speaker tells, as a group or a gathering ("told party members",
/// "told the conference").
const AUDIENCES: &[&str] = &[
    "members",
    "supporters",
    "activists",
    "delegates",
    "voters",
    "colleagues",
    "staff",
    "workers",
    "students",
    "listeners",
    "viewers",
    "officials",
    "peers",
    "councillors",
    "audience",
    "audiences",
    // ("told prospective Labour MPs on Thursday that S")
    "mps",
    "msps",
    "meps",
    "candidates",
    "ministers",
    "leaders",
    "investors",
    "shareholders",
    "analysts",
    "fans",
    "residents",
    "parents",
    "troops",
    // ("told a court the men did not want bail", "told the inquiry S")
    "court",
    "jury",
    "tribunal",
    "hearing",
    "inquiry",
    "committee",
    "parliament",
    "senate",
    "conference",
    "meeting",
    "crowd",
    "rally",
    "gathering",
    "assembly",
    "congress",
    "convention",
    "summit",
    // ("told the nation he was resigning")
    "nation",
    "country",
];

/// Nouns after an outlet's name: "told the BBC News website".
const OUTLETS: &[&str] = &[
    "programme",
    "program",
    "show",
    "website",
    "newspaper",
    "paper",
    "radio",
    "television",
    "channel",
    "magazine",
    "podcast",
    "agency",
];

/// Whether a word after whom something was told opens what was told: a
/// subject pronoun or "that" ("told a newspaper it would", "told the paper
/// El Pais that").
fn opens_clause_after_whom(t: &Token) -> bool {
    matches!(
        t.lower(),
        "it" | "he" | "she" | "they" | "we" | "i" | "there" | "that"
    )
}

/// Where an outlet's kind, at `i`, ends: "programme", "news agency"
/// ("told AFP news agency that S": the words after the name are still the
/// outlet).
fn outlet_noun_end(tokens: &[Token], i: usize) -> Option<usize> {
    let outlet = |i: usize| tokens.get(i).is_some_and(|t| OUTLETS.contains(&t.lower()));
    if outlet(i) {
        Some(i + 1)
    } else if tokens.get(i).is_some_and(|t| t.lower() == "news") && outlet(i + 1) {
        Some(i + 2)
    } else {
        None
    }
}

/// Skips what stands between a cue and what was said: "said on Monday
/// that", "told reporters", "said in a statement", "said last week".
fn skip_after_cue(tokens: &[Token], mut k: usize) -> usize {
    const SINGLE: &[&str] = &[
        "reporters",
        "journalists",
        "him",
        "her",
        "them",
        "us",
        "me",
        "that",
        "earlier",
        "later",
        "recently",
        "again",
        "also",
        ",",
        ":",
        "previously",
        "repeatedly",
        "publicly",
        "privately",
        "then",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    let word = |i: usize| tokens.get(i).map(|t| t.lower()).unwrap_or_default();
    loop {
        let w = word(k);
        // ("said that Saturday had been ...": a day with its verb after it
        // is what the claim is about, not when it was said.)
        let day_as_subject = || FINITE_AUXILIARIES.contains(&word(k + 1));
        // ("said her husband was ill", "warned her party was in danger":
        // whose, the claim's first word; "told her the plan was dead",
        // "warned her she was fired", "told her last week S": whom.)
        let possessive = || {
            w == "her"
                && k > 0
                && !matches!(
                    tokens[k - 1].lower(),
                    "told"
                        | "tells"
                        | "tell"
                        | "telling"
                        | "assured"
                        | "reminded"
                        | "informed"
                        | "asked"
                        | "promised"
                        | "promises"
                )
                && tokens.get(k + 1).is_some_and(|t| {
                    t.is_word()
                        && !t.capitalized()
                        // ("promised her repeatedly that S", "shows her
                        // telling how ...": whom.)
                        && !SINGLE.contains(&t.lower())
                        && !t.lower().ends_with("ly")
                        && !t.lower().ends_with("ing")
                        && !DETERMINERS.contains(&t.lower())
                        && !PRONOUNS.contains(&t.lower())
                        && !matches!(t.lower(), "that" | "to" | "about" | "of")
                        && !t.text.starts_with(|c: char| c.is_ascii_digit())
                })
        };
        if possessive() {
            return k;
        }
        // ("pointed out that": the second word of the cue.)
        let out_of_cue = || (1..=2).any(|back| k >= back && cue_words(tokens, k - back) > back);
        if SINGLE.contains(&w) || DAYS.contains(&w) && !day_as_subject() || out_of_cue() {
            k += 1;
        } else if let Some(end) = (w == "to").then(|| addressee_end(tokens, k + 1)).flatten() {
            k = end;
        } else if w == "on" && DAYS.contains(&word(k + 1)) {
            k += 2;
        } else if let time @ 2.. = time_phrase_len(tokens, k) {
            k += time;
        } else if w == "in"
            && matches!(word(k + 1), "a" | "an" | "his" | "her" | "their" | "its" | "the")
            && matches!(
                word(k + 2),
                "statement" | "interview" | "tweet" | "speech" | "letter" | "email" | "post" | "remarks"
            )
        {
            k += 3;
        } else if let Some(end) = (w == "on").then(|| medium_end(tokens, k + 1)).flatten() {
            k = end;
        } else if let Some(end) = (w == "in").then(|| month_or_year_end(tokens, k + 1)).flatten() {
            k = end;
        } else {
            return k;
        }
    }
}

/// Where whom it was said to ends, after a cue's "to" ("admitted to
/// jurors he was", "said to reporters that", "confided to Jo Lee that"):
/// one to three words, a plural, an object pronoun or a name (and "the"),
/// then "that" or a pronoun and its verb. None for "said to be", "agreed
/// to pay", "admitted to lying".
fn addressee_end(tokens: &[Token], from: usize) -> Option<usize> {
    let whom = |t: &Token| {
        t.is_word()
            && (t.capitalized()
                || matches!(t.lower(), "the" | "him" | "her" | "them" | "me" | "us")
                || t.lower().ends_with('s') && !t.lower().ends_with("ss") && !t.lower().ends_with("ing"))
            && !PRONOUNS.contains(&t.lower())
            && !cues::is_cue_word(t.lower())
            // ("responded to accusations that S", "to concerns that S":
            // what was answered, whose "that" is its own.)
            && !matches!(
                t.lower(),
                "accusations"
                    | "allegations"
                    | "concerns"
                    | "suggestions"
                    | "questions"
                    | "fears"
                    | "rumours"
                    | "rumors"
                    | "criticisms"
                    | "complaints"
                    | "assertions"
                    | "statements"
                    | "comments"
                    | "demands"
                    | "calls"
                    | "warnings"
                    | "reports"
                    | "charges"
                    | "news"
            )
    };
    let run = tokens[from.min(tokens.len())..]
        .iter()
        .take(3)
        .take_while(|t| whom(t))
        .count();
    (1..=run).rev().map(|len| from + len).find(|&end| {
        tokens[end - 1].lower() != "the"
            && tokens.get(end).is_some_and(|t| {
                t.lower() == "that"
                    || matches!(t.lower(), "he" | "she" | "they" | "it" | "we" | "i")
                        && tokens.get(end + 1).is_some_and(looks_like_verb)
            })
    })
}

/// The colon that opens a quotation after an adjunct opening at `k`,
/// between a cue and the quotation ("said of ...:", "said to ...:",
/// "remarks as ...:", "said after ...:"), if the adjunct reaches it: see
/// `claim_after_cue`.
fn colon_after_adjunct(tokens: &[Token], k: usize) -> Option<usize> {
    let adjunct = match tokens.get(k)?.lower() {
        "of" => ColonAdjunct {
            reach: 10,
            clause_stops: true,
            cue_stops: false,
            comma_stops: false,
        },
        "to" => ColonAdjunct {
            reach: 10,
            clause_stops: true,
            cue_stops: false,
            comma_stops: true,
        },
        "as" | "while" | "when" => ColonAdjunct {
            reach: 25,
            clause_stops: false,
            cue_stops: true,
            comma_stops: false,
        },
        "after" | "before" | "during" => ColonAdjunct {
            reach: 12,
            clause_stops: true,
            cue_stops: true,
            comma_stops: false,
        },
        _ => return None,
    };
    colon_before_quotation(tokens, k + 1, k + adjunct.reach, |t| {
        !(is_open_quote(t)
            || is_close_quote(t)
            || adjunct.clause_stops && clause_marker(t.lower())
            || adjunct.cue_stops && cues::is_cue_word(t.lower())
            || adjunct.comma_stops && t.text == ",")
    })
}

/// An adjunct between a cue and a colon that opens a quotation ("said of
/// ...:", "said after ...:"): how far it may reach, and what ends it.
struct ColonAdjunct {
    reach: usize,
    clause_stops: bool,
    cue_stops: bool,
    comma_stops: bool,
}

/// The first colon in `from..to`, when a quotation opens right after it
/// and every token from `from` up to it passes `between`: what stands
/// between a cue and the quotation it introduces ("told the BBC:", "said
/// of his honour:").
fn colon_before_quotation(
    tokens: &[Token],
    from: usize,
    to: usize,
    between: impl Fn(&Token) -> bool,
) -> Option<usize> {
    let colon = (from..to.min(tokens.len())).find(|&i| tokens[i].text == ":")?;
    (tokens.get(colon + 1).is_some_and(is_open_quote) && tokens[from..colon].iter().all(between))
        .then_some(colon)
}

/// `skip_after_cue` after an outlet's name, where "her" opens what was
/// said ("told Radio Leeds her concern was"), not whom it was told.
fn skip_past_outlet(tokens: &[Token], k: usize) -> usize {
    if tokens.get(k).is_some_and(|t| t.lower() == "her") {
        k
    } else {
        skip_after_cue(tokens, k)
    }
}

/// Whether a token ends in a possessive: "Four's", "BBC's", "Jones'".
fn has_possessive_end(token: &Token) -> bool {
    ["'s", "’s", "'", "’"].iter().any(|end| token.text.ends_with(end)) && token.text.len() > 2
}

/// Where "in November" or "in 2003" (or "in November 2003") ends, after
/// "said": when it was said, not what, where a clause follows it ("said in
/// November they would", "said in 2003 that"); not "said in 2003 sales
/// rose", which may be the claim's own time.
fn month_or_year_end(tokens: &[Token], from: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).map(|t| t.lower()).unwrap_or_default();
    let year = |i: usize| word(i).len() == 4 && word(i).bytes().all(|b| b.is_ascii_digit());
    let end = if MONTHS.contains(&word(from)) {
        from + 1 + usize::from(year(from + 1))
    } else if year(from) {
        from + 1
    } else {
        return None;
    };
    matches!(
        word(end),
        "that" | "he" | "she" | "they" | "it" | "we" | "i" | "the" | "his" | "her" | "their" | "its"
    )
    .then_some(end)
}

/// Where "on Twitter" or "on Fox News Sunday" ends, after "said": a
/// medium named before what was said (a comma, a colon, "that" or a quote
/// mark follows it).
fn medium_end(tokens: &[Token], from: usize) -> Option<usize> {
    let end = (from..tokens.len().min(from + 4))
        .find(|&i| !(tokens[i].is_word() && tokens[i].capitalized() || tokens[i].lower() == "television"))
        .unwrap_or(tokens.len());
    let next = tokens.get(end)?;
    (end > from && (matches!(next.text, "," | ":") || next.lower() == "that" || is_open_quote(next)))
        .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::{self, Text};

    /// The tokens of `s`. (Its text is leaked, a few bytes a test: tokens
    /// borrow their lowercase forms from it.)
    fn toks(s: &'static str) -> Vec<Token<'static>> {
        let t: &'static Text = Box::leak(Box::new(Text::new(s)));
        text::tokens(t, Span::new(0, t.chars().len()))
    }

    #[test]
    fn a_final_s_makes_a_verb_only_where_words_have_one() {
        let tokens = toks("his its this us previous serious says criticizes figures");
        let verbs: Vec<&str> = tokens
            .iter()
            .filter(|t| looks_like_verb(t))
            .map(|t| t.text)
            .collect();
        // ("figures" is a plural noun a final "s" cannot tell from a verb:
        // `verb_not_by_s` is the stricter test.)
        assert_eq!(verbs, ["says", "criticizes", "figures"]);
    }

    #[test]
    fn cue_forms_in_noun_or_passive_use_are_not_cues() {
        for (sentence, word) in [
            ("The report was late.", 1),
            ("Peskov's remarks came later.", 1),
            ("The plot was announced by the FSB.", 3),
            ("He wants to say more.", 3),
        ] {
            let tokens = toks(sentence);
            assert!(!is_cue(&tokens, word), "{sentence}: {}", tokens[word].text);
        }
        let tokens = toks("The agency said so.");
        assert!(is_cue(&tokens, 2));
    }

    #[test]
    fn speaker_phrases_start_with_a_name_pronoun_or_determiner() {
        for good in [
            "Dmitry Peskov",
            "the agency",
            "he",
            "Federal and state officials",
            "two officials",
        ] {
            assert!(plausible_speaker(&toks(good)), "{good}");
        }
        for bad in [
            "has in the past repeatedly",
            "During the debate Trump",
            "President Trump appreciated the call and",
            "I want to",
        ] {
            assert!(!plausible_speaker(&toks(bad)), "{bad}");
        }
    }

    #[test]
    fn what_stands_between_cue_and_claim_is_skipped() {
        for (sentence, next) in [
            ("said on Monday that it", "it"),
            ("told reporters in a statement the", "the"),
            ("said last week the", "the"),
        ] {
            let tokens = toks(sentence);
            let k = skip_after_cue(&tokens, 1);
            assert_eq!(tokens[k].text, next, "{sentence}");
        }
    }
}
