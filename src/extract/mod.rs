//! `claims extract`: propose the attributed claims of an article from its
//! text, offline, with no model: clean-up, sentences, quotations, reporting
//! cues, a handful of attribution patterns, and a per-article table of
//! speakers that resolves surnames, roles and pronouns.

mod confidence;
mod cues;
pub mod evaluate;
mod patterns;
mod speakers;
pub mod text;
mod wordset;

use std::borrow::Cow;
use std::collections::HashMap;

use foldhash::HashMap as FastMap;
use foldhash::HashMapExt;

use serde::Serialize;

use patterns::{match_sentence, plausible_content, whole_quote};
use speakers::Speakers;
pub use speakers::guess_kind;
use text::Token;
pub use text::{Span, Text};

/// A proposed attribution.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// The speaker, resolved to a source name.
    pub source: String,
    /// The speaker as written at this place.
    pub mention: Piece,
    /// The reporting cue ("said", "according to").
    pub cue: Piece,
    /// What is claimed.
    pub content: Piece,
    /// The verbatim words when the claim is a direct quote.
    pub quote: Option<String>,
    /// The speaker's role or title as the article gives it ("Tory MP",
    /// "UKIP's deputy leader"), when it gives one.
    pub role: Option<String>,
    /// The sentence the cue stands in.
    pub sentence: Span,
    /// What the confidence model read (see `confidence::describe`): filled
    /// by [`extract_explained`], empty from [`extract`].
    #[serde(skip)]
    pub features: Vec<String>,
    /// How sure the pattern is, 0..1.
    pub confidence: f64,
    /// Which rule found it.
    pub pattern: &'static str,
}

/// A span of the input with its text.
#[derive(Debug, Clone, Serialize)]
pub struct Piece {
    /// The text: the span's, except for a claim its attribution interrupts
    /// ("This plan, he said, is dead"), whose text leaves the attribution
    /// out ("This plan is dead") while the span covers both parts.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
}

impl Piece {
    fn of(text: &Text, span: Span) -> Piece {
        Piece {
            text: text.slice(span),
            start: span.start,
            end: span.end,
        }
    }

    /// The span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Proposes the attributed claims of `input`. `known` maps folded names and
/// aliases of known sources to their display names (from the database).
pub fn extract(input: &str, known: &HashMap<String, String>) -> Vec<Proposal> {
    extract_with(input, known, false)
}

/// As [`extract`], with each proposal's `features` named: what the
/// confidence model read, for fitting it again (`examples/confidence_features.rs`).
pub fn extract_explained(input: &str, known: &HashMap<String, String>) -> Vec<Proposal> {
    extract_with(input, known, true)
}

fn extract_with(input: &str, known: &HashMap<String, String>, explained: bool) -> Vec<Proposal> {
    let text = Text::new(input);
    let mut speakers = Speakers::new(known);
    let mut out: Vec<Proposal> = Vec::new();
    // Whom "his" or "her" meant where a mention opens with it ("His lawyer
    // Ann Fox"), by the proposal's index: the person "he" would be there.
    let mut possessors: FastMap<usize, String> = FastMap::new();
    // Whom a post in a body meant ("the group's general secretary"): the
    // person who spoke just before it was first written (`body_post`).
    let mut body_posts: FastMap<String, String> = FastMap::new();
    // The last direct quote's speaker, for a quote sentence that follows
    // with no cue of its own ("..., the White House said. "President
    // Trump appreciated the call ...").
    let mut quoting: Option<(String, Piece, Piece)> = None;
    // A speaker and cue that end their sentence with a colon ("He said:"):
    // the next sentence is what they said.
    let mut introduced: Option<(String, Piece, Piece)> = None;
    // A sentence that opens with a named person and what they did, its
    // verb no cue ("Jo Lee repeated her calls for an inquiry."): a
    // quotation that follows alone is theirs, as news style gives it.
    let mut named_last: Option<(Span, Span)> = None;
    // Where a quotation opened that no sentence has closed yet: a quote of
    // several sentences is one claim, attributed where it ends.
    let mut open_quotation: Option<usize> = None;
    let mut previous_end = 0;
    // The lede's description of its speaker ("The attorney general has
    // denied ..."), which the next sentence names when it opens with a
    // full name ("Lord Goldsmith said ..."), as news style does.
    let mut lede: Option<(String, String)> = None;
    let mut described: FastMap<String, String> = FastMap::new();
    // The other way round: the lede names its speaker ("..., Gordon Brown
    // has said.") and the next sentence calls them by description ("The
    // chancellor said ..."); failing that, the person the lede opens with.
    let mut lede_person: Option<String> = None;
    let mut lede_opening: Option<String> = None;
    let mut after_lede: FastMap<String, String> = FastMap::new();
    let mut body_sentences = 0;
    // Each sentence with proposals, and its number of words, for the
    // confidence model.
    let mut sentence_words: FastMap<usize, usize> = FastMap::new();
    for sentence in text::sentences(&text) {
        let tokens = text::tokens(&text, sentence);
        // A new paragraph closes any quotation: news style reopens a quote
        // that runs on, and a quote mark left unclosed by mistake must not
        // silence the rest of the article.
        if text.chars()[previous_end..sentence.start.max(previous_end)].contains(&'\n') {
            open_quotation = None;
        }
        previous_end = sentence.end;
        // (Whether the sentence before left a quotation open that this one
        // opens again: news style for a quotation that goes on.)
        let left_open_before = open_quotation.is_some();
        if patterns::opens_own_quotation(&tokens) {
            open_quotation = None;
        }
        let opened_before = open_quotation;
        open_quotation = quotation_left_open(&tokens, open_quotation);
        // A headline in title case capitalizes every word, so its runs of
        // capitals are no names ("Latinos Share Their Thoughts On Trump"
        // had become the speaker that a later "He" resolved to); the body
        // names its people in full anyway.
        let headline = is_headline(&tokens);
        let title_alone = patterns::strict_title_case(&tokens) && alone_on_line(&text, sentence);
        if !(headline || title_alone) {
            speakers.learn(&tokens);
            if body_sentences == 0 && stands_alone(&text, sentence, &tokens) {
                speakers.learned_headline(&tokens);
            }
        }
        // (The person the sentence before opened with, doing something
        // other than speaking: see `named_subject`.)
        let subject_before = named_last.take();
        if headline || stands_alone(&text, sentence, &tokens) {
            quoting = None;
            continue;
        }
        body_sentences += 1;
        if body_sentences == 1 {
            lede_opening = speakers.opening_name().map(str::to_string);
        }
        sentence_words.insert(sentence.start, tokens.iter().filter(|t| t.is_word()).count());
        // "Gordon Brown has doubled ... The chancellor also unveiled ...":
        // a description that opens the sentence after the lede is the
        // lede's person, as for a description that speaks there (below).
        if body_sentences == 2
            && let Some(description) = speakers::opening_description(&tokens)
            && speakers::is_definite_description(&description)
            && let Some(person) = lede_person.as_ref().or(lede_opening.as_ref())
        {
            after_lede
                .entry(speakers::description_key(&description))
                .or_insert_with(|| person.clone());
        }
        // (Not a name the lede gave already: "... is to marry Jordan
        // Bratman, the singer's agent has confirmed. Bratman, 26, proposed
        // ..." is about whom the agent spoke of.)
        if let Some((description, lede_sentence)) = lede.take()
            && let Some(name) = speakers.opening_name()
            && !name.rsplit(' ').next().is_some_and(|surname| {
                lede_sentence
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == surname)
            })
        {
            described.entry(description).or_insert_with(|| name.to_string());
        }
        let found = match_sentence(&tokens, opened_before.is_some());
        if found.is_empty() && opened_before.is_none() {
            named_last = patterns::named_subject(&tokens);
        }
        let introducer = introduced.take();
        if found.is_empty()
            && let Some((mention, cue)) = patterns::introduction(&tokens)
        {
            let source = speakers.resolve(&text.slice(text.trim(mention, ",.;:\"“”")));
            introduced = Some((source, Piece::of(&text, mention), Piece::of(&text, cue)));
            quoting = None;
            continue;
        }
        if found.is_empty()
            && let Some((source, mention, cue)) = introducer
        {
            // A quotation opening here runs to its close (or on, through
            // the sentences after it); else the sentence is the claim.
            let quoted = tokens.first().is_some_and(patterns::is_open_quote);
            let content = if quoted {
                let close = quotation_close(&tokens, 1);
                Span::new(tokens[0].span.end, close.unwrap_or(sentence.end))
            } else {
                sentence
            };
            let content = text.trim(content, ",.;: ");
            if content.len() >= 3 && plausible_content(&content_tokens(&text, &tokens, content), quoted) {
                if quoted {
                    quoting = Some((source.clone(), mention.clone(), cue.clone()));
                }
                out.push(Proposal {
                    source,
                    mention,
                    cue,
                    content: Piece::of(&text, content),
                    quote: quoted.then(|| text.slice(content)),
                    role: None,
                    sentence,
                    confidence: 0.0,
                    features: Vec::new(),
                    pattern: "np-cue-colon",
                });
                continue;
            }
        }
        // A sentence inside a quotation that opened after a cue ("He said:
        // \"The pattern is the same. The problem is ...\"") goes on with it:
        // the claim runs to where the quotation closes.
        if found.is_empty()
            && opened_before.is_some()
            && quoting.is_some()
            && !tokens.first().is_some_and(patterns::is_open_quote)
            && let Some(last) = out.last_mut()
            && last.quote.is_some()
            && last.content.end <= sentence.start
        {
            let close = quotation_close(&tokens, 0);
            let content = text.trim(
                Span::new(last.content.start, close.unwrap_or(sentence.end)),
                ",.;: ",
            );
            last.content = Piece::of(&text, content);
            last.quote = Some(last.content.text.clone());
            continue;
        }
        if found.is_empty() {
            // A quoted sentence left open is quoted whole too, where the
            // next one opens a quote again ("... \"On the other hand, S.
            // \"I hope ..."), news style for a quotation that goes on in a
            // new paragraph; or where it opens a quote again after a
            // quoted sentence left open and runs on into the next one,
            // which goes on with it (above): "Jo Lee said: \"S1. \"There
            // must be an inquiry. Only an inquiry could show it.\"". After
            // a quotation that closed, only where this one closes at a
            // sentence's end with no cue after it (see
            // `closes_unattributed`): taking every such quotation, 19 of
            // PolNeAR dev's 63 were wrong, and precision fell from 0.949 to
            // 0.935; taking these, 2 of 40.)
            let left_open = || {
                let first = tokens.first().filter(|t| patterns::is_open_quote(t))?;
                let next_opens = || {
                    let rest = &text.chars()[sentence.end..];
                    rest.iter().position(|c| !c.is_whitespace()).is_some_and(|at| {
                        matches!(rest[at], '"' | '“') || rest[at] == '\'' && rest.get(at + 1) == Some(&'\'')
                    })
                };
                (tokens.len() > 4
                    && (next_opens()
                        || left_open_before && open_quotation.is_some()
                        || closes_unattributed(text.chars(), sentence.end))
                    && !tokens[1..]
                        .iter()
                        .any(|t| patterns::is_open_quote(t) || patterns::is_close_quote(t)))
                .then(|| text.trim(Span::new(first.span.end, sentence.end), ",.;: "))
            };
            // The sentence quoted whole, without its closing stop (no part
            // of the claim, as after a cue: `"It amazes me."`).
            let whole = whole_quote(&tokens).map(|quote| text.trim(quote, ",.;: "));
            if quoting.is_none()
                && let Some((mention, verb)) = subject_before
                && let Some(content) = whole
            {
                let source = speakers.resolve(&text.slice(mention));
                let speaker = (source, Piece::of(&text, mention), Piece::of(&text, verb));
                out.push(quotation_of(&speaker, &text, content, sentence, "np-act-quote"));
                quoting = Some(speaker);
                continue;
            }
            if let (Some(speaker), Some(content)) = (&quoting, whole.or_else(left_open)) {
                // ("Her lawyers said: \"Q. \"Q2\"": whose lawyers, as for the
                // claim that introduced them.)
                if let Some(person) = out
                    .iter()
                    .rposition(|p| p.mention.start == speaker.1.start)
                    .and_then(|at| possessors.get(&at))
                {
                    possessors.insert(out.len(), person.clone());
                }
                out.push(quotation_of(
                    speaker,
                    &text,
                    content,
                    sentence,
                    "quote-inherits-speaker",
                ));
                continue;
            }
            quoting = None;
            continue;
        }
        quoting = None;
        // The claims' spans, so that a report inside another's claim
        // ("Mr Lewis reminded MPs that Ian McCartney described X as Y")
        // leaves the next quotation to the outer speaker (unless the inner
        // report opens that quotation: "The paper reports that Jo Lee told
        // a magazine: \"Q\"").
        let contents: Vec<Span> = found.iter().map(|raw| raw.content).collect();
        for raw in found {
            let mention = text.trim(raw.mention, ",.;:\"“”");
            let mut content = text.trim(raw.content, ",.;: ");
            // ("said - any chancellor would ...": a dash set off by spaces
            // opens or ends no claim; "-5 degrees" keeps its sign.)
            let chars = text.chars();
            while content.len() > 2
                && matches!(chars[content.start], '-' | '–' | '—')
                && chars[content.start + 1].is_whitespace()
            {
                content = text.trim(Span::new(content.start + 1, content.end), ",.;: ");
            }
            while content.len() > 2
                && matches!(chars[content.end - 1], '-' | '–' | '—')
                && chars[content.end - 2].is_whitespace()
            {
                content = text.trim(Span::new(content.start, content.end - 1), ",.;: ");
            }
            if raw.quoted
                && content.start == text.trim(sentence, " ").start
                && let Some(start) = opened_before
            {
                content = Span::new(start, content.end);
            }
            if mention.is_empty() || content.len() < 3 {
                continue;
            }
            // "identified ... as X" claims a name: it is no title.
            let names_someone = raw.pattern == "identified-in-np-as-x";
            // ("“Like Oakland. Or Ferguson,” Trump said.": a quotation that
            // ends as speech does, with a comma or a stop inside its close,
            // and whose cue ends the sentence, is no title; "In his book
            // “Be Rich,” he suggested saving" names one.)
            // (Nor one whose cue is followed only by where, when or to
            // whom it was said: "“Really?” she asked when the host
            // laughed", "... Trump said to a crowd of about 500".)
            let after_cue = &text.chars()[raw.cue.end..sentence.end];
            // (Read only for a quotation that ends as speech does.)
            let setting_follows = || {
                let next_word: String = after_cue
                    .iter()
                    .skip_while(|c| c.is_whitespace())
                    .take_while(|c| c.is_alphabetic())
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                cues::opens_setting(&next_word)
            };
            // Whether the claim opens the sentence, past white space and
            // quote marks (None when it began in an earlier sentence).
            let claim_opens = text.chars().get(sentence.start..content.start).map(|before| {
                before
                    .iter()
                    .all(|c| c.is_whitespace() || patterns::opens_quotation(*c))
            });
            let spoken = raw.quoted
                && matches!(text.chars().get(content.end), Some(',' | '.' | '?' | '!'))
                && (matches!(
                    after_cue.iter().find(|c| !c.is_whitespace()),
                    None | Some('.' | '!' | '?')
                ) || setting_follows()
                    // (A quotation that opens the sentence: 'In his book
                    // “Be Rich,” he suggested to readers ...' names one.)
                    && claim_opens == Some(true));
            if !names_someone
                && !spoken
                && !plausible_content(&content_tokens(&text, &tokens, content), raw.quoted)
            {
                continue;
            }
            let named = raw.antecedent.map_or(mention, |a| text.trim(a, ",.;:\"“”"));
            let mut source = speakers.resolve(&text.slice(named));
            // "He insisted he still trusted Mr Blair", "But Mr Blair had
            // been hurt, he added": a report does not name its own speaker
            // by surname, so "he" is someone else than the person it would
            // mean here; left as written, for the checker to fill in.
            let pronoun = text.slice(named);
            if !raw.quoted
                && matches!(pronoun.as_str(), "he" | "He" | "she" | "She")
                && names_in_third_person(&text.slice(content), &source)
            {
                source = pronoun;
            }
            // ("Gordon Brown's decision was sensible, Mr Balls told the
            // BBC. He said ...": Mr Balls.)
            if claim_opens.unwrap_or(true)
                && mention.start >= content.end
                && !speakers::is_description(&source)
            {
                speakers.spoke_after_claim(&source);
            }
            if body_sentences == 1 && speakers::is_description(&source) {
                lede = Some((source.clone(), text.slice(sentence)));
            }
            if body_sentences == 1 && lede_person.is_none() && speakers::is_named_person(&source) {
                lede_person = Some(source.clone());
            }
            if body_sentences == 2
                && speakers::is_definite_description(&source)
                && let Some(person) = lede_person.as_ref().or(lede_opening.as_ref())
            {
                after_lede
                    .entry(speakers::description_key(&source))
                    .or_insert_with(|| person.clone());
            }
            if let Some(person) = speakers::possessive(&text.slice(mention))
                .and_then(|_| speakers.previous_person())
                .filter(|person| **person != source)
            {
                possessors.insert(out.len(), person.clone());
            }
            // "The Fabian Society's Jo Lee said S. The political reform
            // group's general secretary told ...": the person who spoke
            // last, by name (not whoever the sentence before was about:
            // "Police are searching for Ferguson").
            if speakers::body_post(&source)
                && let Some(last) = out.last()
                && speakers::is_person_name(&last.source)
                && !speakers::is_description(&last.source)
            {
                body_posts
                    .entry(source.clone())
                    .or_insert_with(|| last.source.clone());
            }
            // The next sentence quoted whole is likely this speaker's: after
            // a quotation, or a quotation inside the sentence, and after
            // reported speech too ("Jo Lee said the plan lacked compulsion.
            // \"We would like ...\"": news style goes on in the speaker's
            // own words). Not after a relative report nested inside a
            // quotation ("\"What they say is S"), which leaves the quotation
            // its speaker.
            let nested = !raw.quoted
                && matches!(raw.pattern, "np-cue-s" | "np-who-cue-s")
                && contents
                    .iter()
                    .any(|c| c.start <= raw.mention.start && raw.content.end <= c.end);
            if !nested
                && (raw.quoted
                    || matches!(raw.pattern, "quote-np-cue" | "quote-cue-np")
                    || opened_before.is_none() && raw.pattern != "rel-np-cue")
            {
                quoting = Some((
                    source.clone(),
                    Piece::of(&text, mention),
                    Piece::of(&text, raw.cue),
                ));
            }
            // "Jo Lee, a trustee of the fund, said": the role the article
            // gives beside the name (a title before it wins, below).
            let role = raw
                .appositive
                .map(|a| speakers::without_determiner(&text.slice(text.trim(a, ",.;: "))))
                .filter(|r| !r.is_empty());
            if let Some(role) = &role {
                speakers.note_described_person(&source, role);
            }
            let mut content = Piece::of(&text, content);
            let mut quote = None;
            // ("described the result as a giveaway", "called the result
            // a \"giveaway\"": "the result was a giveaway".)
            let left_out = raw
                .left_out
                .or_else(|| patterns::description_as_statement(&tokens, raw.cue, content.span()));
            if let Some((gap, joint)) = left_out
                && gap.start > content.start
                && gap.end < content.end
            {
                let before = text.slice(text.trim(Span::new(content.start, gap.start), ",;: "));
                let after = text.slice(text.trim(Span::new(gap.end, content.end), ",.;: "));
                content.text = format!("{before}{joint}{after}");
                // The quote stays verbatim, so that it anchors in the
                // article: the longer part.
                if raw.quoted {
                    quote = Some(if after.chars().count() > before.chars().count() {
                        after
                    } else {
                        before
                    });
                }
            } else if raw.quoted {
                quote = Some(content.text.clone());
            } else {
                // ("conceded that Rochus \"played just too good,\" and
                // added": the comma inside the closing quote mark belongs to
                // the sentence, not to the claim's words.)
                if let Some(inside) = content.text.strip_suffix(['"', '”'])
                    && let Some(words) = inside.strip_suffix([',', ';'])
                {
                    content.text = format!("{words}{}", &content.text[inside.len()..]);
                }
            }
            out.push(Proposal {
                source,
                mention: Piece::of(&text, mention),
                cue: Piece::of(&text, raw.cue),
                content,
                quote,
                role,
                sentence,
                confidence: 0.0,
                features: Vec::new(),
                pattern: raw.pattern,
            });
        }
    }
    // Descriptions resolved now that the whole article has been read: "the
    // home secretary" is the one person the article calls Home Secretary.
    // Each speaker keeps the role the article gives them, for the draft.
    let mut shown_roles: FastMap<String, String> = FastMap::new();
    for (index, proposal) in out.iter_mut().enumerate() {
        // "His lawyer said", named nowhere: the speaker is that person's
        // lawyer, not a source called "His lawyer" that every article's
        // unnamed lawyer would share.
        if let (Some(rest), Some(person)) = (speakers::possessive(&proposal.source), possessors.get(&index))
            && rest.split_whitespace().count() <= 2
        {
            proposal.role = Some(rest.to_string());
            proposal.source = format!("{person}'s {rest}");
            continue;
        }
        // ("But a spokeswoman for MTV said ... MTV spokeswoman Jeannie
        // Kedas said": the body's spokeswoman, whom the article names.)
        if proposal.mention.text.ends_with(&proposal.source)
            && proposal.mention.text.len() > proposal.source.len()
            && speakers::is_description(&proposal.mention.text)
            && let Some(name) = described
                .get(&proposal.mention.text)
                .map(String::as_str)
                .or_else(|| speakers.person_described(&proposal.mention.text))
            // (Named with that body: not "Spokesman Alan Jones" of another.)
            && speakers.role_of(name).is_some_and(|role| role.contains(proposal.source.as_str()))
        {
            proposal.role = Some(speakers::without_determiner(&proposal.mention.text));
            proposal.source = name.to_string();
            continue;
        }
        if speakers::is_description(&proposal.source) {
            let name = described
                .get(&proposal.source)
                .map(String::as_str)
                .or_else(|| speakers.person_described(&proposal.source))
                .or_else(|| {
                    // Only someone the article gives no other post: "the
                    // chancellor" after a lede by "shadow chancellor Oliver
                    // Letwin" is not him; "the England captain" after one by
                    // "Real Madrid midfielder David Beckham" is.
                    after_lede
                        .get(&speakers::description_key(&proposal.source))
                        .map(String::as_str)
                        .filter(|person| speakers.role_of(person).is_none_or(speakers::is_trade_role))
                })
                .map(str::to_string)
                .or_else(|| {
                    // (The lede's person: the one it opens with, else the
                    // one its description turned out to be.)
                    let lede = lede_opening.as_deref().or_else(|| {
                        (described.len() == 1)
                            .then(|| described.values().next())
                            .flatten()
                            .map(String::as_str)
                    });
                    speakers.member_described(&proposal.source, lede)
                })
                .or_else(|| body_posts.get(&proposal.source).cloned());
            if let Some(name) = name {
                let role = speakers::without_determiner(&proposal.source);
                // (The post is theirs in the claims after, where the
                // article names them without it: "..., the shadow
                // chancellor said. Oliver Letwin said ...".)
                shown_roles.entry(name.clone()).or_insert_with(|| role.clone());
                proposal.role = Some(role);
                proposal.source = name;
                continue;
            }
        }
        // A title before the name, else the appositive beside it, else
        // the role an earlier claim of theirs showed ("Association of
        // Chief Police Officers president Chris Fox", written whole where
        // he spoke first), else the role the article gave them first.
        proposal.role = speakers::role_in(&proposal.mention.text, &proposal.source)
            .or(proposal.role.take())
            .or_else(|| shown_roles.get(&proposal.source).cloned())
            .or_else(|| speakers.role_of(&proposal.source).map(str::to_string));
        // (Only a post: "of Investec Securities" or "on his first day in
        // the job" said where or when, not what they are.)
        if let Some(role) = &proposal.role
            && speakers::names_a_post(role)
        {
            shown_roles
                .entry(proposal.source.clone())
                .or_insert_with(|| role.clone());
        }
        // "His lawyer" says whose only beside the article: the draft's
        // description names him ("Tom Reed's lawyer").
        // Only a short role: a longer one is a clause the mention swallowed
        // ("His comments came as ...").
        if let (Some(role), Some(person)) = (&proposal.role, possessors.get(&index))
            && let Some(rest) = speakers::possessive(role)
            && rest.split_whitespace().count() <= 2
        {
            proposal.role = Some(format!("{person}'s {rest}"));
        }
    }
    // "A survey suggests 69% of over-55s say S", "Mr Howard said the police
    // said S": a speaker phrase that holds another proposal's cue is a
    // report inside that one's claim, and its "speaker" a clause. (Not a
    // participle's: "Jo Lee wrote to the board, saying S" is Jo Lee's.)
    // (Within each sentence's proposals only: an article's proposals are
    // in sentence order, and comparing all pairs would grow with the
    // square of the article.)
    let nested: Vec<bool> = out
        .chunk_by(|a, b| a.sentence == b.sentence)
        .flat_map(|group| {
            group.iter().map(|p| {
                !p.cue.text.ends_with("ing")
                    && group.iter().any(|q| {
                        q.cue.start != p.cue.start
                            && p.mention.start <= q.cue.start
                            && q.cue.end <= p.mention.end
                    })
            })
        })
        .collect();
    drop_marked(&mut out, nested);
    // "Jo Lee said: \"Q1 'Q2. Q3'\", he said.": one quotation read twice,
    // whole after it and cut short at the inner quote before it; the
    // shorter quotation, opening where the longer one of the same speaker
    // does, is no claim of its own.
    // (Across sentences: the quotation may hold a full stop.)
    let mut longest: FastMap<(usize, &str), usize> = FastMap::new();
    for p in out.iter().filter(|p| p.quote.is_some()) {
        let end = longest.entry((p.content.start, p.source.as_str())).or_insert(0);
        *end = (*end).max(p.content.end);
    }
    let repeated: Vec<bool> = out
        .iter()
        .map(|p| {
            p.quote.is_some()
                && longest
                    .get(&(p.content.start, p.source.as_str()))
                    .is_some_and(|&end| end > p.content.end)
        })
        .collect();
    drop_marked(&mut out, repeated);
    // "Jo Lee added: \"Q,\" she said.": one claim with two cues, of which
    // the one after the quotation is its attribution (PolNeAR marks that
    // one); the role set off beside the name before it stays.
    let mut last_of: FastMap<(usize, usize, &str), usize> = FastMap::new();
    for (index, p) in out.iter().enumerate() {
        last_of.insert((p.content.start, p.content.end, p.source.as_str()), index);
    }
    let kept: Vec<usize> = (0..out.len())
        .map(|index| {
            last_of[&(
                out[index].content.start,
                out[index].content.end,
                out[index].source.as_str(),
            )]
        })
        .collect();
    drop(last_of);
    for (index, &keeper) in kept.iter().enumerate() {
        if keeper != index && out[keeper].role.is_none() {
            out[keeper].role = out[index].role.clone();
        }
    }
    drop_marked(
        &mut out,
        kept.iter()
            .enumerate()
            .map(|(index, &keeper)| keeper != index)
            .collect(),
    );
    // Confidence last, when each proposal's claim and speaker are final and
    // the other proposals of its sentence are known.
    let article = confidence::Article::of(input, &out);
    for group in out.chunk_by_mut(|a, b| a.sentence == b.sentence) {
        let words = sentence_words.get(&group[0].sentence.start).copied().unwrap_or(0);
        let scores: Vec<confidence::Score> = group
            .iter()
            .map(|p| {
                let mut score = confidence::Score::new(explained);
                confidence::describe(p, group, words, &article, &mut score);
                score
            })
            .collect();
        for (proposal, score) in group.iter_mut().zip(scores) {
            proposal.confidence = score.probability();
            proposal.features = score.into_names();
        }
    }
    out
}

/// The tokens of `content`: the sentence's own where it lies inside the
/// sentence (tokenizing every claim again was 4% of the
/// extraction), else its own (a quotation that opened sentences before).
fn content_tokens<'t, 'a>(
    text: &'a Text<'_>,
    sentence: &'t [Token<'a>],
    content: Span,
) -> Cow<'t, [Token<'a>]> {
    let inside = sentence
        .first()
        .zip(sentence.last())
        .is_some_and(|(first, last)| first.span.start <= content.start && content.end <= last.span.end);
    if !inside {
        return Cow::Owned(text::tokens(text, content));
    }
    let from = sentence.partition_point(|t| t.span.end <= content.start);
    let to = sentence.partition_point(|t| t.span.start < content.end);
    Cow::Borrowed(&sentence[from..to.max(from)])
}

/// A line that stands alone with no closing punctuation (a headline in
/// sentence case, a byline, a caption): what it says is nobody's claim.
fn stands_alone(text: &Text, sentence: Span, tokens: &[Token]) -> bool {
    // Closing punctuation, also inside a closing quote ("... an act.'");
    // a quote mark after a word is a scare quote ("German 'empire'").
    let ends = |t: &Token| matches!(t.text, "." | "!" | "?" | ":");
    let closed = match tokens {
        [.., before, last] if patterns::is_close_quote(last) || last.text == "'" => ends(before),
        [.., last] => ends(last),
        [] => false,
    };
    let open = !closed;
    let words = tokens.iter().filter(|t| t.is_word()).count();
    open && words <= 20 && alone_on_line(text, sentence)
}

/// Whether nothing but white space shares the sentence's line.
fn alone_on_line(text: &Text, sentence: Span) -> bool {
    let chars = text.chars();
    let end = sentence.end.min(chars.len());
    let line_start = chars[..sentence.start.min(end)]
        .iter()
        .rev()
        .take_while(|c| **c != '\n')
        .all(|c| c.is_whitespace());
    line_start
        && chars[end..]
            .iter()
            .take_while(|c| **c != '\n')
            .all(|c| c.is_whitespace())
}

/// Where a quotation open before `tokens[from]` closes: the closing
/// mark's first code point, if the sentence closes it.
fn quotation_close(tokens: &[Token], from: usize) -> Option<usize> {
    let mut open = true;
    tokens.iter().enumerate().skip(from).find_map(|(i, token)| {
        open = patterns::quotation_after(open, i, token);
        (!open).then_some(token.span.start)
    })
}

/// Drops the proposals marked for it, one mark per proposal in order.
fn drop_marked(out: &mut Vec<Proposal>, marked: Vec<bool>) {
    let mut marked = marked.into_iter();
    out.retain(|_| !marked.next().unwrap_or(false));
}

/// A quotation in a sentence of its own, `content`, given to a speaker
/// read earlier (their resolved name, the mention and the cue).
fn quotation_of(
    (source, mention, cue): &(String, Piece, Piece),
    text: &Text,
    content: Span,
    sentence: Span,
    pattern: &'static str,
) -> Proposal {
    Proposal {
        source: source.clone(),
        mention: mention.clone(),
        cue: cue.clone(),
        content: Piece::of(text, content),
        quote: Some(text.slice(content)),
        role: None,
        sentence,
        confidence: 0.0,
        features: Vec::new(),
        pattern,
    }
}

/// Whether a quotation left open at `from` closes in its paragraph at the
/// end of a sentence ("... for everybody. We serve the country better.\""):
/// it is a quotation of several sentences that no cue after it gives to
/// anyone, so it goes on the last speaker's. One closed by a comma ("...
/// better,\" Mr Lee said") is someone's report still to come.
fn closes_unattributed(chars: &[char], from: usize) -> bool {
    let rest = &chars[from.min(chars.len())..];
    // (Two apostrophes are a straight double mark in some papers' copy:
    // `''We gave him a chance. He should be fine.''`.)
    let closing = |j: usize| match rest[j] {
        '"' | '”' => Some(1),
        '\'' if rest.get(j + 1) == Some(&'\'') => Some(2),
        _ => None,
    };
    let Some(at) = (0..rest.len()).find(|&j| matches!(rest[j], '“' | '\n') || closing(j).is_some()) else {
        return false;
    };
    closing(at).is_some_and(|width| {
        at > 0
            && matches!(rest[at - 1], '.' | '!' | '?')
            && rest.get(at + width).is_none_or(|c| c.is_whitespace())
    })
}

/// Where a quotation still open after this sentence's tokens opened,
/// given where one was open before it (see `patterns::quotation_after`).
fn quotation_left_open(tokens: &[Token], open: Option<usize>) -> Option<usize> {
    tokens.iter().enumerate().fold(open, |open, (i, token)| {
        match (open, patterns::quotation_after(open.is_some(), i, token)) {
            (Some(start), true) if !matches!(token.text, "“" | "«" | "„") => Some(start),
            (_, true) => Some(token.span.end),
            (_, false) => None,
        }
    })
}

/// A headline: most words capitalized and no closing punctuation (a colon
/// closes too: "Dr Ann Ward said:" introduces what follows).
fn is_headline(tokens: &[Token]) -> bool {
    let ends = tokens
        .last()
        .is_some_and(|t| matches!(t.text, "." | "!" | "?" | ":" | "\"" | "”"));
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    words.len() >= 4 && !ends && words.iter().filter(|w| w.capitalized()).count() * 10 >= words.len() * 7
}

/// Whether a report's words name this person as someone else would: "Mr
/// Blair" or "Tony Blair" in what "Tony Blair" is said to have said.
fn names_in_third_person(content: &str, person: &str) -> bool {
    let Some((_, surname)) = person.rsplit_once(' ') else {
        return false;
    };
    content.contains(person)
        || content.match_indices(surname).any(|(at, found)| {
            !content[at + found.len()..].starts_with(|c: char| c.is_alphanumeric())
                && [
                    "Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ",
                ]
                .iter()
                .any(|title| content[..at].ends_with(title))
        })
}

#[cfg(test)]
mod tests;
