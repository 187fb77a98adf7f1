//! Speakers: a per-article table of people and organizations built from
//! full mentions, so that later surnames, role phrases and pronouns resolve
//! to the entity they refer to; with a database, known names and aliases
//! resolve first.

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::HashMapExt;
use foldhash::{HashMap as FastMap, HashSet as FastSet};

use super::text::{Lowercase, Token, capitalized_run, capitalized_run_back};
use super::wordset::WordSet;

/// Honorifics written before a full name that news text also leaves out
/// ("Sir Menzies Campbell", "Menzies Campbell"). Peerages are not among
/// them: "Lord Goldsmith" without "Lord" is another name.
const HONORIFICS: &[&str] = &["sir", "dame"];

/// A folded full name without its opening honorific: "sir menzies
/// campbell" is "menzies campbell"; "sir menzies" (a first name alone) is
/// none.
fn without_honorific(folded: &str) -> Option<&str> {
    let (first, rest) = folded.split_once(' ')?;
    (HONORIFICS.contains(&first) && rest.contains(' ')).then_some(rest)
}

/// The key of `honoured` for an honorific and a first name ("sir ian"),
/// if the first word is an honorific.
fn honour_key(honorific: &str, first: &str) -> Option<String> {
    HONORIFICS
        .contains(&honorific.lowercase().as_str())
        .then(|| format!("{} {}", honorific.lowercase(), first.lowercase()))
}

/// Whether a full name opens with an honorific: "Sir Ian Blair".
fn is_honoured(full: &str) -> bool {
    full.split_once(' ')
        .is_some_and(|(first, _)| HONORIFICS.contains(&first.lowercase().as_str()))
}

/// Whether `name` (two words or more) gives a first name other than the
/// one `first_named` opens with: two given names, neither an initial, an
/// honorific, a title or a peer's style, nor the start of the other
/// ("Alex" and "Alexander" may be one man), nor a word of the first name.
fn another_first_name(first_named: &str, name: &[&str]) -> bool {
    let given = |word: &str| {
        word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && !is_title(word)
            && !in_lowercase(word, |w| {
                HONORIFICS.contains(&w) || matches!(w, "lord" | "lady" | "baroness" | "baron" | "rev")
            })
    };
    let (Some(one), Some(other)) = (first_named.split(' ').next(), name.first()) else {
        return false;
    };
    // ("Baez Silva" after "Carlos Baez Silva": a surname of two words.)
    given(one)
        && given(other)
        && !one.starts_with(other)
        && !other.starts_with(one)
        && !first_named.split(' ').any(|w| w == *other)
}

/// Pronouns that may stand for a speaker.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// The article's people and organizations, learned from full mentions, so
/// that later surname-only mentions and pronouns resolve to them.
pub(super) struct Speakers<'k> {
    known: &'k HashMap<String, String>,
    /// Known names that open with an honorific, folded without it: an
    /// article that writes "Menzies Campbell" means the known "Sir Menzies
    /// Campbell". (The other way, the longest known phrase inside a
    /// mention finds "menzies campbell" in "Sir Menzies Campbell".)
    known_without_honorific: FastMap<String, String>,
    /// Surname (lowercase) to the full name first seen with it.
    surnames: FastMap<String, String>,
    /// An honorific and a first name ("sir alan", lowercase) to the full
    /// name first seen with them: a knight or a dame is "Sir Alan" or
    /// "Dame Ann" once named in full, never "Mr Hook".
    honoured: FastMap<String, String>,
    /// Surname (lowercase) to the first full name without an honorific
    /// that has it, where the first full name had one: "Mr Blair" is Tony
    /// Blair, not Sir Ian Blair, who is "Sir Ian".
    plain_surnames: FastMap<String, String>,
    /// The last person named as a speaker, for "he"/"she".
    last_person: Option<String>,
    /// The last speaker of any kind.
    last_any: Option<String>,
    /// The speakers remembered last, the latest last, each with whether it
    /// was taken for a person: "it" is the last that is no person and
    /// reads as a body ("Yukos", "The airline", "a Toshiba study"), never
    /// the chairman quoted last, nor "Tuesday" or "40%"; "they" the last
    /// that is not one person. Asked only when "it" or "they" speaks,
    /// which is rarer than a speaker is remembered.
    recent: Vec<(String, bool)>,
    /// Surnames written after "Mr", "Ms", "Dr" ..., lowercase: whoever has
    /// one is a person, however much the name looks like a firm's.
    addressed: FastSet<String>,
    /// Names "he" or "she" has stood for: persons, whom a later "it" does
    /// not mean ("Farmer Jo Lee ... He said ... But it says": not Jo Lee).
    gendered: FastSet<String>,
    /// Whether a person is a man or a woman, where the article has shown
    /// it: "Mr Lee", "Ms Lee", "his mother Jo Lee". A later "she" does not
    /// mean a man ("Michelle, a mother of twins,
    /// said ... \"Q,\" she said": not the Mr Johnson quoted before).
    /// `None` where the article shows both (a "Mrs Lee" taken for Mr Lee).
    genders: FastMap<String, Option<Gender>>,
    /// The person the article's first sentence (or its headline) opens
    /// with: whom it is about, and whom "the 30-year-old" likely means.
    lede_named: Option<String>,
    /// The surname (lowercase) of the full name a headline in sentence
    /// case opens with, until the body names someone of that surname in
    /// full: the headline's first word is capitalized by its place and may
    /// be a trade ("Mogul Wilson backing UK rap band").
    headline_surname: Option<String>,
    /// Ages the article gives beside names ("Jo Lee, 32,"), each with the
    /// one person of that age, or with no one where two share it.
    ages: FastMap<String, Option<String>>,
    /// Names the article describes, beside them, by a post or an
    /// occupation ("Christian Jasperneite, an economist with MM
    /// Warburg"): persons, whom "it" does not mean.
    described_persons: FastSet<String>,
    /// The firm a sentence opened with as its subject ("Market leader
    /// Nintendo is releasing a console that it says ...", "Shares in
    /// American Express surged after it said"), for "it": the current
    /// sentence's, and, where nothing else explains an "it", the last one
    /// an earlier sentence opened with.
    sentence_firm: Option<String>,
    last_firm: Option<String>,
    /// The person a previous sentence opened with, for "he"/"she".
    last_subject: Option<String>,
    /// The person the current sentence opens with, promoted to
    /// `last_subject` when the next sentence starts.
    sentence_subject: Option<String>,
    /// Whether `sentence_subject` is the person "he" or "she" gave words
    /// to in this sentence, not only one named among its first words:
    /// "Tony Blair would lead the campaign, he said" is about whoever "he"
    /// is, for the next "he".
    subject_spoke: bool,
    /// The person a sentence without a person subject brings in (the
    /// agent after "by", else the first named): "The claims were made in a
    /// book by Jane Roe. She also says ..." is Jane Roe.
    sentence_named: Option<String>,
    /// The pronoun ("he" or "she") that opened the current sentence's
    /// subject, and the first person the sentence named after it.
    sentence_pronoun: Option<(&'static str, Option<String>)>,
    /// Set when the previous sentence was about "he" or "she": that pronoun
    /// and the person it named besides. "She declined to discuss Mr Reed.
    /// He said ..." is Mr Reed: "he" is not whom "she" went on about.
    other_than: Option<(&'static str, String)>,
    /// The first person the current sentence has given words to: "Mr
    /// Brown said A, and he said B" is Mr Brown both times, whoever the
    /// previous sentence opened with.
    sentence_speaker: Option<String>,
    /// The full name the current sentence opens with, if any.
    opening_name: Option<String>,
    /// The person the current sentence opens with, where a "he" or "she"
    /// follows them in it: "Tony Blair attacked the plan, and he said" and
    /// "Mr Blair contrasted A with B, which he said" are Mr Blair, whoever
    /// spoke in the sentence before.
    subject_before_pronoun: Option<String>,
    /// Who the sentence is about when it opens with a description: the
    /// person the sentence before was about, where the description likely
    /// means them again ("The skipper spoke out ..."), else the description
    /// itself. The subject for the next sentence unless someone spoke in
    /// this one ("The lawyer who had represented him had said S, said Mr
    /// Clarke. He said" is Mr Clarke).
    described_again: Option<String>,
    /// Role phrases written before or beside a name ("Home Secretary
    /// Charles Clarke", "Mike Nattrass, UKIP's deputy leader"), folded and
    /// without determiners, to the names they describe.
    roles: FastMap<String, Vec<String>>,
    /// The names of `roles` whose post the article wrote as held before
    /// ("former president Ed Shaw"), keyed as `roles` is.
    former: FastMap<String, Vec<String>>,
    /// Single title words written before a name ("Ambassador Jon
    /// Huntsman"), lowercase, to the names they title.
    titled: FastMap<String, Vec<String>>,
    /// Each name's first role phrase as written, for the source's
    /// description in a draft.
    first_roles: FastMap<String, String>,
    /// Names already guessed a person's or not.
    people: FastMap<String, bool>,
    /// Organizations named so far, as speakers or by a name with an
    /// institution's word ("Federal Security Service"), first seen first:
    /// what "the agency" or "the company" may mean, each with the
    /// sentence it was last named in.
    bodies: Vec<(String, usize)>,
    /// Names the article introduced as a company ("engineering group
    /// Jarvis", "German telecoms firm Deutsche Telekom", "shares in
    /// Krispy Kreme"): "the company", "the firm" or "the group" may mean
    /// one, however much its name looks like a person's, where no body
    /// of `bodies` fits; in the order the article introduced them, each
    /// with the sentence it was last named in.
    firms: Vec<(String, usize)>,
    /// The last unnamed spokesman, official or source who spoke for a
    /// body ("a Home Office spokesman"): the noun, lowercase, and the
    /// body. "The spokesman added" later is the same one.
    last_spokes: Option<(&'static str, String, bool)>,
    /// Sentences learned so far.
    sentences: usize,
    /// The body or document the current sentence opens with ("The
    /// committee reached ...", "A National Audit Office report says"), and
    /// the previous sentence's: what "it" speaking means ("... after it
    /// found", "It warned"), before any speaker quoted earlier.
    sentence_body: Option<String>,
    last_body: Option<String>,
    /// The first organization or document that speaks in the current
    /// sentence: what "it" means later in it ("However, the Supreme Court
    /// stated S. It added"), and in the next sentence rather than the body
    /// the sentence opened with, which was only the start of the claim
    /// ("The government should change the law, the TUC has said. It
    /// said").
    body_spoke: Option<String>,
    /// The names a sentence opens with, joined by "and" ("Lord Justice
    /// Rix and Mr Justice Forbes ruled ..."), and those of the sentence
    /// before: "They said" next is the two of them, not the last group
    /// that spoke.
    sentence_group: Option<String>,
    last_group: Option<String>,
    /// The political party named last ("Labour's campaign", "a future
    /// Tory government", "the Lib Dems"), and the one named last before
    /// the current sentence's "the party": whom "the party said" means.
    last_party: Option<&'static str>,
    party_meant: Option<&'static str>,
}

impl<'k> Speakers<'k> {
    pub(super) fn new(known: &'k HashMap<String, String>) -> Self {
        let known_without_honorific = known
            .iter()
            .filter_map(|(key, name)| Some((without_honorific(key)?, name)))
            .filter(|(key, _)| !known.contains_key(*key))
            .map(|(key, name)| (key.to_string(), name.clone()))
            .collect();
        Speakers {
            known,
            known_without_honorific,
            surnames: FastMap::new(),
            honoured: FastMap::new(),
            plain_surnames: FastMap::new(),
            last_person: None,
            last_any: None,
            recent: Vec::new(),
            addressed: FastSet::default(),
            gendered: FastSet::default(),
            genders: FastMap::default(),
            lede_named: None,
            headline_surname: None,
            ages: FastMap::default(),
            described_persons: FastSet::default(),
            sentence_firm: None,
            last_firm: None,
            last_subject: None,
            sentence_subject: None,
            subject_spoke: false,
            sentence_named: None,
            sentence_speaker: None,
            sentence_pronoun: None,
            other_than: None,
            last_spokes: None,
            opening_name: None,
            subject_before_pronoun: None,
            described_again: None,
            sentence_body: None,
            last_body: None,
            body_spoke: None,
            sentence_group: None,
            last_group: None,
            last_party: None,
            party_meant: None,
            roles: FastMap::new(),
            former: FastMap::new(),
            titled: FastMap::new(),
            first_roles: FastMap::new(),
            people: FastMap::new(),
            bodies: Vec::new(),
            firms: Vec::new(),
            sentences: 0,
        }
    }

    /// Called after `learn` on a headline in sentence case: the full name
    /// it opens with, if any, gives way to the body's full name of the
    /// same surname (see `headline_surname`).
    pub(super) fn learned_headline(&mut self, tokens: &[Token]) {
        // (Two words, a trade or an epithet and a surname: not "Last Star
        // Wars", nor "New UKIP", whose second word is a body's initials.)
        let run = capitalized_run(tokens);
        if run != 2 || !tokens[1].text.chars().any(char::is_lowercase) {
            return;
        }
        let surname = tokens[run - 1].lower().to_string();
        if self
            .surnames
            .get(&surname)
            .is_some_and(|full| full.starts_with(tokens[0].text))
        {
            self.headline_surname = Some(surname);
        }
    }

    /// The full name the sentence last learned opens with ("Mike Nattrass,
    /// UKIP's deputy leader, made the comments").
    pub(super) fn opening_name(&self) -> Option<&str> {
        self.opening_name.as_deref()
    }

    /// The one person a description names in this article: "the home
    /// secretary" where the article wrote "Home Secretary Charles Clarke".
    pub(super) fn person_described(&self, description: &str) -> Option<&str> {
        // The description as written, else up to its head noun ("the U.S.
        // ambassador to Russia" is "U.S. ambassador"), else the head noun
        // alone as a one-word title written before a name ("Ambassador Jon
        // Huntsman"), and that only past a place or a nation ("the U.S.
        // ambassador", "the Chester chairman"): "the prime minister" or "the
        // health minister" is not whoever the article calls a minister, and
        // "Holyrood leader Nicola Sturgeon" is no Conservative leader.
        let words: Vec<&str> = description.split_whitespace().collect();
        let head = described_head(&words);
        let head_alone = match head.split_last() {
            Some((noun, modifiers)) => {
                let placed = after_article(modifiers)
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) && !is_role_word(w));
                if placed { role_key(noun) } else { String::new() }
            }
            None => String::new(),
        };
        // The most specific role the article gives anyone decides: two
        // people with it name no one.
        // "The country's new president, Ann Ray, ... the regime of former
        // president Ed Shaw ... President Ray ... the president told": one
        // who holds the post now, unless the description says former; a
        // post only held before is passed over for the next way to find it.
        let former = words.iter().any(|w| w.eq_ignore_ascii_case("former"));
        // ("The Indonesian Economics Minister", after "Economics Minister
        // Aburizal Bakrie": the nation the article's post is in.)
        let unplaced = {
            let rest = after_article(head);
            let nations = rest.iter().take_while(|w| is_nationality(w)).count();
            if nations > 0 && rest.len() > nations + 1 {
                role_key(&rest[nations..].join(" "))
            } else {
                String::new()
            }
        };
        let keys = [role_key(description), role_key(&head.join(" ")), unplaced];
        let found = keys
            .iter()
            .filter(|key| !key.is_empty())
            .filter_map(|key| self.roles.get(key).map(|names| (Some(key), names)))
            .chain(self.titled.get(&head_alone).map(|names| (None, names)))
            .map(|(key, names)| {
                let held_before = key.and_then(|key| self.former.get(key));
                names
                    .iter()
                    .filter(|name| former || !held_before.is_some_and(|before| before.contains(name)))
                    .collect::<Vec<_>>()
            })
            .find(|holders| !holders.is_empty());
        match found.as_deref() {
            Some([only]) => Some(only),
            Some(_) => None,
            None => self.only_holder_of(&words),
        }
    }

    /// "The Ealing North MP": the member the article opened with (`lede`),
    /// where no one else is given that post ("Labour MP Oona King" in an
    /// article about George Galloway leaves "the Glasgow Kelvin MP"
    /// unresolved) and the lede's person holds no other.
    pub(super) fn member_described(&self, description: &str, lede: Option<&str>) -> Option<String> {
        let letters = member_letters(description)?.lowercase();
        let lede = lede?;
        let holds = |key: &str| key.rsplit(' ').next() == Some(letters.as_str());
        let others = self
            .roles
            .iter()
            .filter(|(key, _)| holds(key))
            .any(|(_, names)| names.iter().any(|name| name != lede));
        let own = self.role_of(lede).is_none_or(|role| holds(&role_key(role)));
        (!others && own && is_person_name(lede)).then(|| lede.to_string())
    }

    /// "The minister said" where the article named one minister, "Justice
    /// Minister Cathy Jamieson": a bare post (the article and one noun) is
    /// the one person the article gives a post ending in that noun. Not a
    /// shadow's, a deputy's, a former holder's or a prime minister's post,
    /// which "the minister" does not mean; two holders name no one.
    fn only_holder_of(&self, words: &[&str]) -> Option<&str> {
        // (Only "minister": "the chancellor" of an article that calls Ken
        // Clarke "former Chancellor" and Gordon Brown only "Mr Brown" is
        // Mr Brown; a minister is one of many, whom papers title.)
        let [article, noun] = words else { return None };
        if !article.eq_ignore_ascii_case("the") || *noun != "minister" {
            return None;
        }
        let mut holders = self.roles.iter().filter(|(key, _)| {
            let words: Vec<&str> = key.split(' ').collect();
            words.len() > 1
                && words.last() == Some(noun)
                && !words.iter().any(|w| {
                    matches!(
                        *w,
                        "shadow" | "deputy" | "prime" | "first" | "junior" | "vice" | "ex" | "assistant"
                    )
                })
        });
        match (holders.next(), holders.next()) {
            (Some((_, names)), None)
                if names.len() == 1
                    && !self
                        .first_roles
                        .get(&names[0])
                        .is_some_and(|written| written.lowercase().contains("former")) =>
            {
                Some(&names[0])
            }
            _ => None,
        }
    }

    /// Learns full names (two or more capitalized words) from a sentence.
    pub(super) fn learn(&mut self, tokens: &[Token]) {
        self.sentences += 1;
        // "The party said" means the party named last before it, in this
        // sentence or an earlier one ("... by a future Tory government,
        // the party has said"; not "The party said Labour had lied").
        self.party_meant = None;
        // (Capitalized words and "party" only are read: this runs on every
        // word of the article.)
        for (i, token) in tokens.iter().enumerate() {
            if token.capitalized() {
                if let Some(party) = party_named(tokens, i) {
                    self.last_party = Some(party);
                }
            } else if token.text == "party"
                && i > 0
                && tokens[i - 1].lower() == "the"
                && self.party_meant.is_none()
            {
                self.party_meant = self.last_party;
            }
        }
        let named = self.sentence_named.take();
        let pronoun = self.sentence_pronoun.take();
        self.other_than = None;
        self.subject_spoke = false;
        let described_again = self.described_again.take();
        if let Some(subject) = self.sentence_subject.take().or(described_again).or(named) {
            self.last_subject = Some(subject);
        } else if let Some((pronoun, Some(other))) = pronoun {
            self.other_than = Some((pronoun, other));
        }
        self.opening_name = None;
        self.subject_before_pronoun = None;
        self.sentence_speaker = None;
        let opened_with = self.sentence_body.take();
        self.last_body = self.body_spoke.take().or(opened_with);
        self.last_group = self.sentence_group.take();
        self.sentence_group = opening_names_joined(tokens);
        if let Some(firm) = self.sentence_firm.take() {
            self.last_firm = Some(firm);
        }
        self.sentence_firm = opening_firm(tokens);
        // The sentence's subject: a known person's surname or full name
        // among its first words ("Putin, whose country ...").
        // (A person's: "Lib Dem Sir Archy Kirkwood" opens with a party,
        // whose "Dem" an earlier "Lib Dem leaders" made a surname.)
        // After an opening phrase and its comma, the first words of the
        // clause ("In Wednesday's Budget, Mr Brown doubled ...").
        // (Or a phrase before a name in full and its verb: "Formerly one of
        // Mr Brown's closest aides, Ed Balls hinted ...".)
        let fronted_name = |clause: &[Token]| {
            clause.len() > 2
                && clause[..2]
                    .iter()
                    .all(|t| t.is_word() && t.capitalized() && !has_possessive(t.text))
                && super::patterns::looks_like_verb(&clause[2])
        };
        let after_opening = tokens
            .iter()
            .take(16)
            .position(|t| t.text == ",")
            .map(|comma| &tokens[comma + 1..])
            .filter(|clause| {
                tokens.first().is_some_and(|t| opens_adverbial(t.lower())) || fronted_name(clause)
            })
            .filter(|clause| tokens.len() - clause.len() <= 9 || fronted_name(clause));
        // Where that name starts: the sentence's subject once learned below.
        // (Not in a quotation that runs across sentences, whose marks the
        // sentence holds an odd number of: "... If the teenage Michael
        // Howard were applying today, Gordon Brown would love me.\"")
        let marks = || {
            tokens
                .iter()
                .filter(|t| super::patterns::is_open_quote(t) || super::patterns::is_close_quote(t))
                .count()
        };
        let fronted_at = after_opening
            .filter(|clause| fronted_name(clause) && marks() % 2 == 0)
            .map(|clause| tokens.len() - clause.len());
        self.sentence_body = [Some(tokens), after_opening]
            .into_iter()
            .flatten()
            .find_map(opening_body);
        // (Not whose post opens it: in "Cosby's lawyer, Walter Phillips,
        // said S. \"Q,\" he said." the lawyer is "he"; in "Mr Blair's
        // speech ... He said" Mr Blair is.)
        // (Nor whose member, named in full, opens it: in "Bafta's Grant
        // Dean, chair of ..., said S" Grant Dean is, not Bafta.)
        let owner_of_post = |clause: &[Token], i: usize| {
            let capital = |k: usize| {
                clause
                    .get(k)
                    .is_some_and(|t| t.is_word() && t.capitalized() && !has_possessive(t.text))
            };
            // (Or a post a few describing words on, plural too, in any
            // case: "But Mr Brown's former advisor Ed Balls said",
            // "Argentina's President, Nestor Kirchner, said".)
            let post = |t: &Token| {
                let word = t.lower();
                names_a_person(word)
                    || SPOKES.contains(&word)
                    || names_a_person(word.strip_suffix('s').unwrap_or(""))
            };
            has_possessive(clause[i].text)
                && ((i + 1..clause.len().min(i + 4))
                    .take_while(|&k| clause[k].is_word() && !has_possessive(clause[k].text))
                    .any(|k| post(&clause[k]))
                    || capital(i + 1) && capital(i + 2) && clause.get(i + 3).is_some_and(|t| t.text == ","))
        };
        // A quotation that opens the sentence holds the speaker's words:
        // "\"Dan Brown is the best writer I've come across,\" ... he said"
        // is no sentence about Dan Brown.
        let quoted_until = if tokens.first().is_some_and(super::patterns::is_open_quote) {
            (1..tokens.len())
                .find(|&i| super::patterns::is_close_quote(&tokens[i]))
                .unwrap_or(tokens.len())
        } else {
            0
        };
        // ("Speaking in Buenos Aires, Mr De Vido later denied": a name
        // after "in" is where, never who; not even once an earlier "the
        // province of Buenos Aires" made it look like a person's.)
        let in_place = |clause: &[Token], i: usize| {
            let run = capitalized_run_back(&clause[..i]);
            i > run
                && matches!(
                    clause[i - run - 1].lower(),
                    "in" | "at" | "from" | "near" | "outside" | "inside" | "across" | "around" | "throughout"
                )
        };
        // ("Real Madrid director of sport Emilio Butragueno praised ...":
        // capitals before a post in lowercase are whose post it is.)
        let qualifies_post = |clause: &[Token], i: usize| {
            clause.get(i + capitalized_run(&clause[i..])).is_some_and(|t| {
                t.is_word() && !t.capitalized() && (is_occupation(t.lower()) || is_role_word(t.text))
            })
        };
        let unquoted_from = tokens.get(quoted_until).map_or(usize::MAX, |t| t.span.start);
        for t in [Some(tokens), after_opening]
            .into_iter()
            .flatten()
            .flat_map(|clause| {
                (0..clause.len().min(4))
                    .filter(|&i| !owner_of_post(clause, i) && !in_place(clause, i))
                    .map(move |i| (clause, i))
            })
            .filter(|(clause, i)| clause[*i].span.start >= unquoted_from)
            .filter(|(clause, i)| clause[*i].is_word() && clause[*i].capitalized())
        {
            let (clause, i) = t;
            if let Some(full) = self.surnames.get(without_possessive(clause[i].lower())).cloned()
                && !qualifies_post(clause, i)
                && self.is_person(&full)
            {
                self.sentence_subject = Some(full);
                break;
            }
        }
        // "The prime minister ratcheted up ... He insisted ...": a person
        // described with the definite article opens the sentence, and "he"
        // next means them (the person the article says holds the post,
        // else the description), not whoever spoke last.
        if self.sentence_subject.is_none()
            && let Some(described) = [Some(tokens), after_opening]
                .into_iter()
                .flatten()
                .find_map(opening_description)
        {
            // Unresolved, the description means someone else than the
            // person "he" would mean only where there is none yet, or where
            // the article gave that person another post ("Tory Treasurer" is
            // not "the prime minister"); else it is likely them again ("The
            // chancellor" of an article about Gordon Brown).
            let head = described_head(&described.split_whitespace().collect::<Vec<_>>())
                .last()
                .map(|w| w.lowercase());
            if let Some(person) = self.person_described(&described) {
                self.sentence_subject = Some(person.to_string());
            } else if match self.previous_person() {
                None => true,
                Some(last) => self
                    .first_roles
                    .get(last)
                    .zip(head)
                    .is_some_and(|(role, head)| !role_holds(&role.lowercase(), &head)),
            } {
                self.described_again = Some(described);
            } else if !equates_a_name(tokens) {
                // (Them again: a name further on, "The chancellor spoke
                // after a meeting with Jo Lee", is no subject "he" goes on
                // about; but "The executive pleading guilty was Jo Lee" is
                // Jo Lee.)
                self.described_again = self.previous_person().cloned();
            }
        }
        // "The 24-year-old Reds skipper spoke out ahead of the game against
        // Bayer Leverkusen. \"Q,\" he said": a person described by their
        // trade or age, no post the article gives anyone, is the person
        // the article is about again; the name further on is not.
        if self.sentence_subject.is_none()
            && self.described_again.is_none()
            && [Some(tokens), after_opening]
                .into_iter()
                .flatten()
                .any(opens_with_described_person)
            && !equates_a_name(tokens)
        {
            self.described_again = self.previous_person().cloned();
        }
        // "While saying he admired Mr Blair's leadership, he criticised
        // ...": a sentence whose subject is "he" or "she" goes on about the
        // person the previous one did, whoever it names after the pronoun;
        // so does one about "they" ("They could picture Michael Howard").
        // (Not a pronoun inside a quotation: "\"He lied,\" Mr Reed shouted"
        // brings Mr Reed in.)
        let pronoun_at = tokens
            .iter()
            .take_while(|t| !super::patterns::is_open_quote(t))
            .position(|t| matches!(t.lower(), "he" | "she" | "they"));
        // The person a clause opens with as its subject: a name, its last
        // word a known person's surname, and then a lowercase word ("Mr
        // Blair contrasted"; not "Commenting on Mr Makarov's case, he
        // said", nor "Asked if Mr Blunkett could return, he replied").
        let opening_person = [Some(tokens), after_opening]
            .into_iter()
            .flatten()
            .find_map(|clause| {
                let from = usize::from(clause.first().is_some_and(|t| matches!(t.lower(), "and" | "but")));
                let run = capitalized_run(&clause[from..]);
                let last = clause.get(from + run.checked_sub(1)?)?;
                let next = clause.get(from + run)?;
                (run <= 4 && !has_possessive(last.text) && next.is_word() && !next.capitalized())
                    .then(|| self.surnames.get(last.lower()).cloned())
                    .flatten()
                    .filter(|full| self.people.get(full).copied().unwrap_or(false))
                    .map(|full| (full, last.span.start))
            });
        if let (Some((person, subject)), Some(at)) = (opening_person, pronoun_at)
            && subject < tokens[at].span.start
            && tokens[at].lower() != "they"
            // (Not "Mr Blair has failed, he claimed": there the name is
            // in what "he" said, and "he" someone else.)
            && !tokens
                .get(at + 2)
                .is_none_or(|t| matches!(t.text, "," | "." | ";" | "!" | "?"))
        {
            self.subject_before_pronoun = Some(person);
        }
        let mut named_after_pronoun: Option<String> = None;
        let mut run: Vec<&str> = Vec::new();
        let mut run_start = 0;
        let mut after_by: Option<String> = None;
        let mut first_named: Option<String> = None;
        for (i, t) in tokens.iter().enumerate() {
            // A function word is capitalized where the sentence or a
            // quotation opens ("\"Yet Britain's response ...\"") and is no
            // part of a name there; past the sentence's first token an
            // article stays ("The Greater London Act" is no person, and the
            // article is what tells). Asked only of a capitalized function
            // word: this runs on every token of every sentence.
            let opens = || {
                i == 0
                    || (tokens[..i].iter().all(|t| !t.is_word())
                        || super::patterns::is_open_quote(&tokens[i - 1]))
                        && !matches!(t.lower(), "the" | "a" | "an")
            };
            // ("Henri de Bodinat": a surname's particle between capitals
            // is part of the name.)
            let particle = || {
                !run.is_empty()
                    && is_name_particle(t.text)
                    && tokens[i + 1..]
                        .iter()
                        .find(|n| !is_name_particle(n.text))
                        .is_some_and(|n| n.is_word() && n.capitalized())
                    && tokens[i + 1..]
                        .iter()
                        .take_while(|n| is_name_particle(n.text))
                        .count()
                        < 2
            };
            let capitalized =
                t.is_word() && (t.capitalized() && !(opens() && is_function_word(t.lower())) || particle());
            if capitalized {
                if run.is_empty() {
                    run_start = i;
                }
                run.push(t.text);
                // "Mr Theede": whoever has this surname is a person.
                if i > 0 && t.capitalized() && addresses_a_surname(tokens[i - 1].text) {
                    let surname = without_possessive(t.lower());
                    if !self.addressed.contains(surname) {
                        self.addressed.insert(surname.to_string());
                    }
                }
            }
            let run_end = if capitalized { i + 1 } else { i };
            if !capitalized || i + 1 == tokens.len() {
                if run.is_empty() {
                    continue;
                }
                let (title, name) = split_title(&run);
                // "his New Year message", "a Labour MP": after a possessive
                // or "a", the capitals qualify a noun; they name no one.
                let qualifier = run_start > 0
                    && matches!(
                        tokens[run_start - 1].lower(),
                        "his" | "her" | "its" | "their" | "our" | "my" | "a" | "an"
                    );
                // "the Commons Work and Pensions Committee": capitals
                // joined by "and" to a run that ends in an institution's
                // word are part of its name, no person. ("Tony Blair and
                // Gordon Brown" are two.)
                let joined_to_body = tokens.get(run_end).is_some_and(|t| matches!(t.text, "and" | "&"))
                    && tokens[run_end + 1..]
                        .iter()
                        .take_while(|t| t.is_word() && t.capitalized())
                        .last()
                        .is_some_and(|t| is_institution_word(t.text));
                // "including the Joint Strike Fighter": a person's name
                // takes no article; a title would ("the Rev Jo Lee"), as
                // would the body a capitalized post names before the name
                // ("Chief Secretary to the Treasury Paul Boateng").
                let determined = title.is_empty()
                    && run_start > 0
                    && tokens[run_start - 1].lower() == "the"
                    && !(run_start >= 3
                        && matches!(tokens[run_start - 2].lower(), "to" | "of" | "for")
                        && tokens[run_start - 3].capitalized());
                // "Double Olympic champion Hicham El Guerrouj", "Real
                // Madrid midfielder David Beckham": capitals before a trade
                // and the name of whoever plies it qualify the trade.
                let before_trade = tokens.get(run_end).is_some_and(|t| {
                    t.is_word()
                        && !t.capitalized()
                        && (is_occupation(t.lower()) || is_post_noun(t.lower()) || t.lower() == "champion")
                }) && {
                    // ("Real Madrid director of sport Emilio Butragueno":
                    // what the post is of, in lowercase, between.)
                    let mut next = run_end + 1;
                    if tokens
                        .get(next)
                        .is_some_and(|t| matches!(t.lower(), "of" | "for"))
                    {
                        next += 1 + tokens[(next + 1).min(tokens.len())..]
                            .iter()
                            .take(3)
                            .take_while(|t| t.is_word() && !t.capitalized())
                            .count();
                    }
                    tokens.get(next).is_some_and(|t| t.is_word() && t.capitalized())
                };
                let full = if qualifier || joined_to_body || determined || before_trade {
                    None
                } else if let [honorific, first] = name.as_slice()
                    && let Some(full) = honour_key(honorific, first).and_then(|key| self.honoured.get(&key))
                {
                    // "Sir Ian", once named in full.
                    Some(full.clone())
                } else if name.len() >= 2 {
                    let full = name.join(" ");
                    let surname = name[name.len() - 1].lowercase();
                    match self.surnames.get(&surname) {
                        None => {
                            self.surnames.insert(surname, full.clone());
                            // ("President Lula" after "Luiz Inacio Lula da
                            // Silva": the name before the particle, after
                            // a first name, is the surname it went by.)
                            if let Some(at) = name.iter().position(|w| is_name_particle(w))
                                && at >= 2
                            {
                                self.surnames
                                    .entry(name[at - 1].lowercase())
                                    .or_insert_with(|| full.clone());
                            }
                            Some(full)
                        }
                        // "Tony Blair" after "Sir Ian Blair": another
                        // person, with a name of their own, and the one
                        // "Mr Blair" means.
                        Some(first_named) if is_honoured(first_named) && !is_honoured(&full) => {
                            self.plain_surnames.entry(surname).or_insert_with(|| full.clone());
                            Some(full)
                        }
                        // "Everton's Weir" in a headline, then "Everton
                        // defender David Weir": the name, not whose he is,
                        // is what "Weir" means.
                        Some(first_named)
                            if first_named.split(' ').any(has_possessive)
                                && !name.iter().any(|w| has_possessive(w)) =>
                        {
                            self.surnames.insert(surname, full.clone());
                            Some(full)
                        }
                        // "England captain Jason Robinson ... coach Andy
                        // Robinson said": another person of that surname,
                        // whose post is not the first one's ("Robinson"
                        // alone still means the first).
                        // "Mogul Wilson backing UK rap band", then "Tony
                        // Wilson, the music mogul": the body's full name
                        // is whom the surname, and the headline, mean.
                        // (Not "Film-maker Spike Lee" after "Spike Lee":
                        // a trade before the same name; nor "The Mac".)
                        Some(first_named)
                            if self.headline_surname.as_deref() == Some(surname.as_str())
                                && !in_lowercase(name[0], |w| {
                                    is_occupation(w) || is_title(w) || matches!(w, "the" | "a" | "an")
                                }) =>
                        {
                            let first_named = first_named.clone();
                            if self.lede_named.as_deref() == Some(first_named.as_str()) {
                                self.lede_named = Some(full.clone());
                            }
                            self.headline_surname = None;
                            self.surnames.insert(surname, full.clone());
                            Some(full)
                        }
                        Some(first_named) if another_first_name(first_named, &name) => Some(full),
                        Some(first_named) => Some(first_named.clone()),
                    }
                } else {
                    name.first()
                        .and_then(|surname| self.surnames.get(&surname.lowercase()).cloned())
                };
                // "Russia's Federal Security Service": past the possessive.
                let owned = run.iter().rposition(|w| has_possessive(w));
                let body = &run[owned.map_or(0, |at| at + 1)..];
                if body.len() >= 2 && !qualifier && body.iter().any(|w| is_institution_word(w)) {
                    self.note_body(&body.join(" "));
                }
                // "The Reserve Bank of Australia", "the Department of the
                // Environment": an institution and what it is of, one name,
                // the one the body speaks by and that "the bank" means.
                // (Only the words just before are read, and only after
                // "of" or "for": this runs on every capitalized run.)
                let joiner = |at: usize| matches!(tokens[at].text, "of" | "for");
                if run_start >= 2
                    && (joiner(run_start - 1) || tokens[run_start - 1].text == "the" && joiner(run_start - 2))
                {
                    let from = run_start.saturating_sub(10);
                    let words: Vec<&str> = tokens[from..run_end].iter().map(|t| t.text).collect();
                    let start = joined_name_start(&words, run_start - from);
                    let institution = &words[start..run_start - from];
                    if start < run_start - from && institution.iter().any(|w| is_institution_word(w)) {
                        let joined = words[start..].join(" ");
                        self.note_body(without_possessive(&joined));
                    }
                }
                // ("the Interactive Media in Retail Group": "in" inside a
                // body's name, between a run that is no institution and
                // one that ends as one; not "the Bank of England in
                // London".)
                if run_start >= 3
                    && tokens[run_start - 1].text == "in"
                    && run.last().is_some_and(|w| is_institution_word(w))
                    && !is_institution_word(tokens[run_start - 2].text)
                {
                    let before = capitalized_run_back(&tokens[..run_start - 1]);
                    let from = run_start - 1 - before;
                    if (1..=4).contains(&before) && from >= 1 && tokens[from - 1].lower() == "the" {
                        self.note_body(&words_of(&tokens[from..run_end]));
                    }
                }
                if title.is_empty() && !qualifier && introduces_firm(tokens, run_start) {
                    let joined = run.join(" ");
                    let firm = without_possessive(&joined);
                    if !self.firms.iter().any(|(named, _)| named == firm) {
                        self.firms.push((firm.to_string(), self.sentences));
                    }
                }
                // ("Krispy Kreme said", after "shares in Krispy Kreme
                // Doughnuts": the company named again, by its first word.)
                let first = without_possessive(run[0]);
                for (firm, named) in &mut self.firms {
                    if firm.split(' ').next() == Some(first) {
                        *named = self.sentences;
                    }
                }
                if let Some(full) = full.filter(|f| self.is_person(f)) {
                    if let [honorific, first, _, ..] = name.as_slice()
                        && let Some(key) = honour_key(honorific, first)
                    {
                        self.honoured.entry(key).or_insert_with(|| full.clone());
                    }
                    // The role written before the name: its capitalized
                    // title ("Home Secretary") or the lowercase words just
                    // before it ("foreign affairs spokesman").
                    let mut role: Vec<&str> = title.to_vec();
                    if role.is_empty() {
                        let mut k = run_start;
                        while k > 0
                            && run_start - k < 4
                            && tokens[k - 1].is_word()
                            && !tokens[k - 1].capitalized()
                            && !is_function_word(tokens[k - 1].lower())
                            && !CLAUSE_OPENERS.contains(&tokens[k - 1].lower())
                            // ("the press conference hosted by election
                            // co-ordinator Alan Milburn": no role reaches
                            // past "by"; "the future of manager Dan Cole"
                            // past any preposition once a post is found,
                            // where "head of news Jo Bell" goes on to the
                            // post, and none right before the name, whose
                            // object it is ("won best director for Jo
                            // Bell"); nor past a verb, "the win impressed
                            // coach Ann Lee".)
                            && !matches!(tokens[k - 1].lower(), "by" | "with" | "from")
                            && !(super::patterns::is_preposition(tokens[k - 1].lower())
                                && (k == run_start || tokens[k..run_start].iter().any(|t| is_role_word(t.text))))
                            && !super::patterns::is_verb_before_role(&tokens[k - 1])
                        {
                            k -= 1;
                        }
                        role = tokens[k..run_start].iter().map(|t| t.text).collect();
                        // "Tory leader Michael Howard": the capitalized
                        // words just before a lowercase role qualify it,
                        // and "the Tory leader" means him where "the
                        // Scottish Conservative leader" does not. Not a
                        // day, a form of address or an opening adverb ("On
                        // Monday Lib Dem ...", "Mr Thorpe told ...",
                        // "Meanwhile"), and no run of more than four.
                        let mut q = k;
                        while q > 0 && k - q <= 4 && qualifies_role(tokens, q - 1) {
                            q -= 1;
                        }
                        // "Real Madrid midfielder David Beckham has ...": the
                        // sentence opens with him, not with his club.
                        if q == 0 && k < run_start {
                            self.opening_name = Some(full.clone());
                        }
                        if q < k && k - q <= 4 && role.iter().any(|w| is_role_word(w)) {
                            let qualified: Vec<&str> = tokens[q..run_start].iter().map(|t| t.text).collect();
                            // "Shadow home secretary David Davis" (the
                            // capital only the sentence's first word's) is
                            // no home secretary: the post is the whole.
                            if tokens[q..k].iter().any(|t| t.lower() == "shadow") {
                                role = qualified;
                            } else {
                                self.add_role(&qualified, &full);
                            }
                        }
                    }
                    // "Mike Nattrass, UKIP's deputy leader,": an apposition.
                    if tokens.get(run_end).is_some_and(|t| t.text == ",")
                        && let Some(close) =
                            (run_end + 1..tokens.len().min(run_end + 7)).find(|&k| tokens[k].text == ",")
                        && tokens[close - 1].is_word()
                        && !tokens[close - 1].capitalized()
                        // ("Ariel Sharon, and the Palestinian leader, Mahmoud
                        // Abbas": the next person's post, not his.)
                        && !matches!(tokens[run_end + 1].lower(), "and" | "or" | "but" | "nor")
                    {
                        let mut words: Vec<&str> =
                            tokens[run_end + 1..close].iter().map(|t| t.text).collect();
                        // ("Paul Tellier, who was also Bombardier's
                        // president,": the post, without the clause's first
                        // words.)
                        if let ["who", "is" | "was", rest @ ..] = words.as_slice() {
                            let rest = rest
                                .strip_prefix(&["also"])
                                .or(rest.strip_prefix(&["now"]))
                                .unwrap_or(rest);
                            words = rest.to_vec();
                        }
                        self.add_role(&words, &full);
                    }
                    self.add_role(&role, &full);
                    // "Chairman Steve Vaughan": one capitalized title word
                    // before the name, which "the Chester chairman" means.
                    if let [title] = title.as_slice()
                        && is_role_word(title)
                    {
                        let names = self.titled.entry(title.lowercase()).or_default();
                        if !names.contains(&full) {
                            names.push(full.clone());
                        }
                    }
                    if run_start == 0 || (run_start == 1 && tokens[0].lower() == "but") {
                        self.opening_name = Some(full.clone());
                    }
                    if fronted_at == Some(run_start) && run_start >= quoted_until {
                        self.sentence_subject = Some(full.clone());
                    }
                    // "Jo Lee, 32, said": whom "the 32-year-old" means.
                    if let [comma, age, after, ..] = &tokens[run_end.min(tokens.len())..]
                        && comma.text == ","
                        && (1..=3).contains(&age.text.len())
                        && age.text.bytes().all(|b| b.is_ascii_digit())
                        && matches!(after.text, "," | "." | ")")
                    {
                        let holder = self
                            .ages
                            .entry(age.text.to_string())
                            .or_insert_with(|| Some(full.clone()));
                        if holder.as_ref() != Some(&full) {
                            *holder = None;
                        }
                    }
                    if run_start > 0 && tokens[run_start - 1].lower() == "by" && after_by.is_none() {
                        after_by = Some(full.clone());
                    }
                    // (Not a name in the opening quotation: see above.)
                    if run_start >= quoted_until {
                        if pronoun_at.is_none_or(|at| at > run_start) {
                            first_named.get_or_insert(full);
                        } else {
                            named_after_pronoun.get_or_insert(full);
                        }
                    }
                }
                run.clear();
            }
        }
        self.sentence_named = after_by.or(first_named);
        // The person the first sentence opens with, or the headline's (read
        // as a sentence when it is not in title case): not any it names,
        // "The reported feud between Tony Blair and Gordon Brown has
        // prompted a Labour donor to ..." is about the donor.
        if self.sentences <= 2 && self.lede_named.is_none() {
            self.lede_named.clone_from(&self.opening_name);
        }
        // ("They" means no one person: the other pronoun still means
        // whom the previous sentences were about.)
        self.sentence_pronoun = pronoun_at.and_then(|at| match tokens[at].lower() {
            "he" => Some(("he", named_after_pronoun)),
            "she" => Some(("she", named_after_pronoun)),
            _ => None,
        });
    }

    /// The person "he" or "she" would mean here, without resolving it:
    /// the previous sentence's subject, else the last person named.
    pub(super) fn previous_person(&self) -> Option<&String> {
        self.last_subject.as_ref().or(self.last_person.as_ref())
    }

    /// The role the article first gives a name ("Tory MP", "UKIP's deputy
    /// leader"), if any.
    pub(super) fn role_of(&self, name: &str) -> Option<&str> {
        self.first_roles.get(name).map(String::as_str)
    }

    fn add_role(&mut self, words: &[&str], name: &str) {
        // Most names come with no role: no key to fold then. ("Keeper Tony
        // Bullock echoed ... \"Q,\" he added": an occupation is his role
        // too.)
        let occupation = |w: &str| in_lowercase(w, is_occupation);
        let words = if words.iter().any(|w| is_role_word(w)) {
            words
        } else {
            // An occupation alone is the word before the name, with at
            // most one noun that qualifies it ("film critic", "lead
            // singer"): the walk back to a post takes verbs and clauses
            // that no occupation stops ("will discipline striker James
            // Beattie", "covering singer Michael Jackson", "actor Sly
            // Lee's mother").
            let Some((last, before)) = words.split_last() else {
                return;
            };
            if !occupation(last) {
                return;
            }
            let qualifier = before.last().is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && !w.ends_with("ing")
                    && !w.ends_with("ed")
                    && !is_function_word(w)
                    && !CLAUSE_OPENERS.contains(w)
                    && !super::patterns::is_preposition(w)
                    && !matches!(*w, "his" | "her" | "its" | "their" | "our" | "my" | "your")
            });
            &words[words.len() - 1 - usize::from(qualifier)..]
        };
        let key = role_key(&words.join(" "));
        // A form of address is no post: "Dr" of "Dr Fox", "Harrogate Mr"
        // of "In Harrogate Mr Kennedy said".
        if key.is_empty()
            || !key
                .split(' ')
                .any(|w| !is_form_of_address(w) && (is_post_noun(w) || is_occupation(w)))
        {
            return;
        }
        // (The key names a post, checked above, so the phrase is never a
        // form of address alone.)
        let written = without_determiner(&words.join(" "));
        if words.iter().any(|w| w.eq_ignore_ascii_case("former")) {
            let before = self.former.entry(key.clone()).or_default();
            if !before.iter().any(|n| n == name) {
                before.push(name.to_string());
            }
        }
        // ("Hollywood star Tom Hanks": "star" alone tells a reader
        // nothing, though "the star" may mean him.)
        if !written.eq_ignore_ascii_case("star") {
            self.first_roles.entry(name.to_string()).or_insert(written);
        }
        let names = self.roles.entry(key).or_default();
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }

    /// Whether a full name looks like a person's (`guess_kind`), asked
    /// once per name: an article writes the same names again and again.
    fn is_person(&mut self, name: &str) -> bool {
        if let Some(&person) = self.people.get(name) {
            return person;
        }
        let person = is_person_name(name);
        self.people.insert(name.to_string(), person);
        person
    }

    /// The source a mention refers to.
    pub(super) fn resolve(&mut self, mention: &str) -> String {
        let source = self.resolve_mention(mention);
        if let Some(gender) = gender_shown(mention, &source)
            .or_else(|| self.role_of(&source).and_then(|role| gender_shown(role, &source)))
        {
            self.show_gender(&source, gender);
        }
        // "A spokesman for the Home Office", "Andrew Hogg, spokesman for
        // the Medical Foundation", "a Labour source": whom "the spokesman"
        // or "the source" later means (see `last_spokes`).
        // (Asked of every mention: no allocation until a noun is found.)
        if mention.split_whitespace().nth(2).is_some()
            && let Some(noun) = mention.split_whitespace().find_map(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                SPOKES.iter().find(|s| s.eq_ignore_ascii_case(w))
            })
        {
            // And whether "he" goes on to mean the spokesman: the same
            // as after the longer mention.
            let person = self.last_person.as_ref() == Some(&source);
            self.last_spokes = Some((noun, source.clone(), person));
        }
        source
    }

    fn resolve_mention(&mut self, mention: &str) -> String {
        // "The Chancellor", "The Prime Minister": a post capitalized, as
        // many papers write it, is the description "the chancellor", not
        // a source named "Chancellor".
        if let Some(post) = mention.strip_prefix("The ").or_else(|| mention.strip_prefix("the "))
            && !post.is_empty()
            && post
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) && is_role_word(w))
            // ("The Queen", "The Pope": one person, whom the title names.)
            && !matches!(post, "Queen" | "King" | "Pope" | "Prince" | "Princess")
            // (An acronym stays as written: "The MEP" is as lowercase as
            // it goes.)
            && post.chars().any(char::is_lowercase)
        {
            let post: Vec<String> = post.split_whitespace().map(lowercase_but_acronym).collect();
            return self.resolve_mention(&format!("the {}", post.join(" ")));
        }
        // "The Usdaw trade union", "the GMB union": a union's name, then
        // what it is. (Only a union: "the UK elections watchdog" and "the
        // Scottish government" open with a place, which a union's name
        // rarely is.)
        if let Some(rest) = mention
            .strip_prefix("The ")
            .or_else(|| mention.strip_prefix("the "))
        {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let names = words
                .iter()
                .take_while(|w| w.starts_with(char::is_uppercase))
                .count();
            let kind = &words[names..];
            if names >= 1
                && (1..=2).contains(&kind.len())
                && kind.iter().all(|w| w.chars().all(char::is_lowercase))
                && kind.last().is_some_and(|w| *w == "union")
            {
                return self.resolve_mention(&words[..names].join(" "));
            }
        }
        // "Gov. John Kasich (R-OH)": a parenthesis is no part of a name.
        let without_parentheses;
        let mention = if mention.contains('(') {
            let mut depth = 0usize;
            without_parentheses = mention
                .chars()
                .filter(|c| {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth = depth.saturating_sub(1);
                            return false;
                        }
                        _ => {}
                    }
                    depth == 0
                })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if without_parentheses.is_empty() {
                mention
            } else {
                without_parentheses.as_str()
            }
        } else {
            mention
        };
        // "\"Q,\" said the 30-year-old", "The 64-year-old has denied the
        // killing": the person the article gave that age, else one this
        // sentence speaks of, else whom the article is about (an article
        // that describes by age is mostly about one person: 38 of 44 such
        // claims in the BBC set), else whom "he" or "she" would mean.
        if let Some(age) = aged_description(mention)
            && let Some(person) = match self.ages.get(age) {
                Some(holder) => holder.clone(),
                None => self
                    .sentence_speaker
                    .clone()
                    .or_else(|| self.subject_before_pronoun.clone())
                    .or_else(|| self.lede_named.clone())
                    .or_else(|| self.previous_person().cloned()),
            }
        {
            self.note_subject_spoke(&person);
            return person;
        }
        let folded = crate::names::fold_name(mention);
        if PRONOUNS.contains(&folded.as_str()) {
            let previous = if matches!(folded.as_str(), "he" | "she") {
                let other = match &self.other_than {
                    Some((pronoun, other)) if *pronoun != folded => Some(other.clone()),
                    _ => None,
                };
                let gender = if folded == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let person = self
                    .sentence_speaker
                    .clone()
                    .or_else(|| self.subject_before_pronoun.clone())
                    .or(other)
                    .or_else(|| self.previous_person().cloned());
                // (A man is no "she", nor a woman "he": then the person
                // last quoted who may be, or no one.)
                let person = match person {
                    Some(person) if self.gender_of(&person).is_some_and(|g| g != gender) => {
                        let shown = [
                            self.sentence_speaker.as_ref(),
                            self.subject_before_pronoun.as_ref(),
                            self.previous_person(),
                        ]
                        .into_iter()
                        .flatten()
                        .find(|p| self.gender_of(p) == Some(gender))
                        .cloned();
                        shown.or_else(|| {
                            self.recent_speaker(|speakers, name, person| {
                                speakers.gender_of(name).map_or(person, |g| g == gender)
                            })
                        })
                    }
                    person => person,
                };
                // (Whom a pronoun was taken to mean shows no gender: taken
                // wrongly, it would turn the next right one away.)
                if let Some(person) = &person {
                    self.note_subject_spoke(person);
                    if !self.gendered.contains(person) {
                        self.gendered.insert(person.clone());
                    }
                }
                person
            } else if folded == "it" {
                match self
                    .sentence_body
                    .clone()
                    .or_else(|| self.sentence_firm.clone())
                    .or_else(|| self.body_spoke.clone())
                    .or_else(|| self.last_body.clone())
                {
                    // ("A letter said ... It said": the speaker quoted as "A
                    // letter sent to Jo Lee", whose words these go on.)
                    Some(body) => {
                        let written = body.lowercase();
                        let quoted = self
                            .recent
                            .iter()
                            .rev()
                            .find(|(name, _)| {
                                name.len() > written.len() && name.lowercase().starts_with(&written)
                            })
                            .map(|(name, _)| name.clone());
                        Some(quoted.unwrap_or_else(|| self.resolve(&body)))
                    }
                    None => self
                        .recent_speaker(|speakers, name, _| {
                            !speakers.evidently_person(name) && could_be_it(name)
                        })
                        .or_else(|| self.last_firm.clone()),
                }
            } else if folded == "they" {
                // The names the sentence before opened with, else not the
                // leader quoted last when his party is meant (two people
                // named together are a "they").
                match self.last_group.clone() {
                    Some(group) => Some(self.remember(group, false)),
                    None => self.recent_speaker(|speakers, name, person| {
                        !(person || speakers.evidently_person(name)) || name.contains(" and ")
                    }),
                }
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
                    if let Some(name) = self.known_name(&phrase) {
                        let person = is_person_name(name);
                        return self.remember(name.clone(), person);
                    }
                }
            }
        }
        let words: Vec<&str> = mention.split_whitespace().collect();
        // "The party says": the party named last before it.
        if let [article, noun] = words.as_slice()
            && article.eq_ignore_ascii_case("the")
            && *noun == "party"
            && let Some(party) = self.party_meant
        {
            return self.remember(party.to_string(), false);
        }
        // "The agency said": the one agency the article has named. ("The
        // Bank said", as papers write the Bank of England once named.)
        // ("The net firm estimates", "the software company said": a
        // word of its trade before the noun; not "the rival firm", "the
        // parent company", another one.)
        let noun_at = match words.as_slice() {
            [_, _] => Some(1),
            [_, trade, _]
                if trade.chars().all(char::is_lowercase)
                    && !matches!(
                        *trade,
                        "rival"
                            | "parent"
                            | "other"
                            | "new"
                            | "former"
                            | "same"
                            | "sister"
                            | "holding"
                            | "merged"
                    ) =>
            {
                Some(2)
            }
            _ => None,
        };
        if let Some(at) = noun_at
            && words[0].eq_ignore_ascii_case("the")
            && let Some(noun) = BODY_NOUNS.iter().find(|n| n.eq_ignore_ascii_case(words[at]))
            && let Some(body) = self.body_described(noun)
        {
            return self.remember(body, false);
        }
        // "The White House readout", "a Pentagon statement", "Ms Vell's
        // letter": a document speaks for whoever issued it, named before it.
        // ("Ms Clarkson's legal action", "his written statement": the
        // kind of document after whose it is.)
        let legal_action = |last: &str, rest: &[&str]| last == "action" && rest.last() == Some(&"legal");
        if let Some((last, rest)) = words.split_last()
            && (DOCUMENTS.contains(&last.lowercase().as_str()) || legal_action(last, rest))
        {
            let issuer = after_article(rest);
            // ("Her lawsuit": whose is the person "she" means, below.)
            if let [owner] = issuer
                && is_possessive(owner)
            {
                return self.resolve(if owner.eq_ignore_ascii_case("her") {
                    "she"
                } else {
                    "he"
                });
            }
            let issuer = match issuer.iter().rposition(|w| has_possessive(w)) {
                Some(owner)
                    if owner + 1 < issuer.len()
                        && issuer.len() - owner <= 3
                        && issuer[owner + 1..]
                            .iter()
                            .all(|w| w.starts_with(char::is_lowercase)) =>
                {
                    &issuer[..=owner]
                }
                _ => issuer,
            };
            // "Wednesday's statement" was issued by no one called Wednesday.
            let dated = matches!(issuer, [day] if super::patterns::is_day(without_possessive(day)));
            if !issuer.is_empty() && !dated && issuer.iter().all(|w| w.starts_with(char::is_uppercase)) {
                let issuer = without_possessive(&issuer.join(" ")).to_string();
                // ("The Bank's latest inflation report": the bank, as "the
                // Bank" means it.)
                let body = BODY_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(&issuer));
                if body && after_article(rest).len() < rest.len() {
                    return self.resolve(&format!("the {issuer}"));
                }
                return self.resolve(&issuer);
            }
        }
        // "Labor Department figures", "CEA research", "the Daily Telegraph
        // poll": findings speak for the body that published them, where
        // its name is evidently one (initials, or two capitalized words;
        // not "Recent data", "Latest figures", "Government figures", "a
        // Toshiba study").
        if let Some((last, rest)) = words.split_last()
            // (As written: "Referee Graham Poll" is a name.)
            && FINDINGS.contains(last)
        {
            let issuer = after_article(rest);
            let named = issuer.iter().all(|w| w.starts_with(char::is_uppercase))
                && (issuer.len() >= 2
                    || issuer
                        .iter()
                        .any(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())));
            if named && !issuer.iter().any(|w| has_possessive(w)) {
                return self.resolve(&issuer.join(" "));
            }
        }
        // "figures revealed by the Electoral Commission on Wednesday", "a
        // study by the Pew Center": findings speak for the named body that
        // made or published them (to the end of its capitalized name).
        if let Some(by) = words.iter().position(|w| *w == "by")
            && let Some(noun) = words[..by]
                .iter()
                .position(|w| FINDINGS.contains(&w.lowercase().as_str()))
            && words[noun + 1..by]
                .iter()
                .all(|w| w.len() > 4 && w.ends_with("ed") && !w.starts_with(char::is_uppercase))
            && by - noun <= 2
        {
            // (A name joins its capitals with "for", "of", "the", "&" and,
            // in a body's name that ends in what it is, "and": "the Society
            // for Consumer Research", "the Pew Internet and American Life
            // Project"; not "Earthlink and Webroot", two of them.)
            let body = after_article(&words[by + 1..]);
            let capital = |w: &&&str| w.starts_with(char::is_uppercase);
            let joins = |k: usize, w: &str| {
                matches!(w, "for" | "of" | "the" | "&")
                    || w == "and"
                        && body[k + 1..].iter().take_while(capital).last().is_some_and(|w| {
                            BODY_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w))
                                || matches!(*w, "Project" | "Society" | "Centre" | "Center" | "Trust")
                        })
            };
            let mut named = body.iter().take_while(capital).count();
            while named > 0
                && body.get(named).is_some_and(|w| joins(named, w))
                && body.get(named + 1).is_some_and(|w| capital(&w))
            {
                named += 1 + body[named + 1..].iter().take_while(capital).count();
            }
            if named >= 1 {
                return self.resolve(&body[..named].join(" "));
            }
        }
        // "A UKIP spokesman", "Foreign Office officials": unnamed, they
        // speak for their organization.
        if let Some((last, rest)) = words.split_last()
            && SPOKES.contains(&last.lowercase().as_str())
        {
            // "His spokesman": he speaks for the person "he" would be;
            // "her spokesman" for whom "she" would be.
            if let [pronoun] = rest
                && is_possessive(pronoun)
            {
                return self.resolve(if pronoun.eq_ignore_ascii_case("her") {
                    "she"
                } else {
                    "he"
                });
            }
            // "The spokesman added", after "said a Home Office spokesman":
            // the one the article quoted, for the same body.
            if let [the] = rest
                && the.eq_ignore_ascii_case("the")
                && let Some((said, body, person)) = &self.last_spokes
                && said.eq_ignore_ascii_case(last)
            {
                let (body, person) = (body.clone(), *person);
                return self.remember(body, person);
            }
            // ("Senior officials", "Two Labour sources" opening a sentence,
            // capitalized only there: how many or how senior they are is
            // no body they speak for. Not "A Five spokesman", "Top of the
            // Pops".)
            let unnamed = rest
                .iter()
                .take_while(|w| UNNAMED_MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(w)))
                .count();
            let rest = if unnamed > 0
                && rest[0].starts_with(char::is_uppercase)
                && rest
                    .get(unnamed)
                    .is_none_or(|w| w.starts_with(char::is_uppercase))
            {
                &rest[unnamed..]
            } else {
                after_article(rest)
            };
            // "Mr Blair's official spokesman", "a Downing Street press
            // spokesman": how senior or official the post is does not
            // change whom it speaks for.
            let rest = match rest.iter().rposition(|w| !POST_MODIFIERS.contains(w)) {
                Some(last) => &rest[..=last],
                None => rest,
            };
            // "The prime minister's official spokesman": whose he is, where
            // the article says who holds that post.
            if let Some((owner, before)) = rest.split_last()
                && has_possessive(owner)
                && !owner.starts_with(char::is_uppercase)
                && let Some(person) = self.person_described(
                    &["the"]
                        .iter()
                        .chain(before)
                        .chain([without_possessive(owner)].iter())
                        .copied()
                        .collect::<Vec<&str>>()
                        .join(" "),
                )
            {
                let person = person.to_string();
                return self.remember(person, true);
            }
            // ("A Department for Work and Pensions spokeswoman": a body's
            // name may join its capitals with "for", "of", "and", "the".)
            let named_body = rest.first().is_some_and(|w| w.starts_with(char::is_uppercase))
                && rest.last().is_some_and(|w| w.starts_with(char::is_uppercase))
                && rest
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "for" | "of" | "and" | "the"));
            // "Downing Street defended it, with a spokesperson saying": an
            // unnamed spokesperson speaks for the body the sentence opens
            // with.
            if rest.is_empty()
                && names_a_spokesperson(&words)
                && let Some(body) = self.sentence_body.clone()
            {
                return self.remember(body, true);
            }
            // "Palestinian officials", "Russian diplomats": a nationality is
            // no body to speak for; the officials are the source.
            if let [adjective] = rest
                && is_nationality(adjective)
                && !names_a_spokesperson(&words)
            {
                return self.remember(mention.to_string(), false);
            }
            if named_body {
                let organization = rest.join(" ");
                // "Russian President Vladimir Putin's spokesman": whose
                // spokesman is a mention of its own, titled or by surname,
                // and resolves as one (to the "Vladimir Putin" the article
                // names elsewhere, not to a second source with his title).
                if has_possessive(&organization) {
                    return self.resolve(without_possessive(&organization));
                }
                // A spokesman is a person, whom "he" goes on to mean ("A
                // Home Office spokesman said ... He added"): the body's
                // words still, and its name the source.
                let spokesperson = names_a_spokesperson(&words);
                return self.remember(organization, spokesperson);
            }
        }
        // "The Conservatives and Liberal Democrats", "both Labour and the
        // Tories": a joint speaker, named without the articles. Not a
        // title whose office has an "and" before a name ("Work and
        // Pensions Secretary Alan Johnson"), which the name below takes,
        // nor a post ("the Trade and Industry Secretary").
        let mut joint: Vec<&str> = Vec::with_capacity(words.len());
        for (i, &w) in words.iter().enumerate() {
            let article =
                matches!(w, "the" | "The") && (i == 0 || words[i - 1] == "and" || i == 1 && joint.is_empty());
            if !(article || i == 0 && matches!(w, "both" | "Both")) {
                joint.push(w);
            }
        }
        if let Some(and) = joint.iter().position(|w| *w == "and")
            && and > 0
            && and + 1 < joint.len()
            && joint
                .iter()
                .enumerate()
                .all(|(i, w)| i == and || w.starts_with(char::is_uppercase))
            && (joint[..and].iter().any(|w| is_title(w))
                || !joint[and + 1..joint.len() - 1].iter().any(|w| is_title(w)))
            && !joint.last().is_some_and(|w| is_title(w))
        {
            return self.remember(joint.join(" "), false);
        }
        // "analyst Mike Powell of Dresdner Kleinwort", "Jo Lee at the
        // Treasury": a person's name, then where they work, which names
        // no one.
        if let Some(name) = name_before_affiliation(&words)
            && self.is_person(&name)
        {
            return self.remember(name, true);
        }
        // "the Ealing North MP": a seat's or a party's member described, not
        // someone named "Ealing North" with letters after the name (no name
        // takes the article); the article's one MP, if it has one.
        if member_letters(mention).is_some() {
            return self.remember(format!("the {}", words[1..].join(" ")), false);
        }
        // The trailing run of capitalized words is the name: "Kremlin
        // spokesman Dmitry Peskov" -> "Dmitry Peskov"; a possessive role
        // phrase ("Putin's spokesman") is kept whole.
        let words: Vec<&str> = mention.split_whitespace().collect();
        let tail: Vec<&str> = capitalized_tail(&words).to_vec();
        // "the Department of Trade and Industry", "the leader of the Public
        // and Commercial Services Union": a body's name whose parts words
        // join is the name whole, not its last part.
        let joined = joined_name_start(&words, words.len() - tail.len());
        if joined < words.len() - tail.len() {
            let name = &words[joined..];
            // ("Friends of the Earth": a name that is the whole mention,
            // but for its article, is whole however it reads.)
            let whole = words[..joined].iter().all(|w| matches!(*w, "The" | "the"));
            if (whole || name.iter().any(|w| is_institution_word(without_possessive(w))))
                && !name.iter().any(|w| is_title(w))
            {
                return self.remember(
                    without_possessive(&after_article(name).join(" ")).to_string(),
                    false,
                );
            }
        }
        // "the ambassador to Russia", "the MP for Sleaford and North
        // Hykeham": the name is the object of a preposition, and the
        // phrase itself names the speaker.
        let preposition = |word: &str| {
            matches!(
                word.lowercase().as_str(),
                "to" | "of" | "for" | "from" | "in" | "at" | "on" | "with"
            )
        };
        let after_preposition = [words.len() - tail.len(), joined].into_iter().any(|start| {
            start > 0 && preposition(words[start - 1])
                // "A legal expert in the US": where someone is, with its
                // article, names no one who speaks.
                || start > 1
                    && words[start - 1] == "the"
                    && words[start - 2] == "in"
                    && tail.len() == 1
                    && COUNTRIES.contains(&tail[0])
                // "a member of the Cabinet", "one of the Tories": one of a
                // body, who holds no post in it, is no voice of it (as "the
                // leader of the union" and "a spokesman for the Tories" are).
                || start > 2
                    && words[start - 1] == "the"
                    && words[start - 2] == "of"
                    && words[start - 3].starts_with(char::is_lowercase)
                    && (!is_post_noun(words[start - 3]) || matches!(words[start - 3], "member" | "members"))
                    && !names_a_spokesperson(&words[start - 3..start - 2])
        });
        // "A spokeswoman for Darlington Council": the body speaks through
        // its spokeswoman, as through "a council spokeswoman" (whom "she"
        // goes on to mean); not "a spokesman for Michael Howard".
        if after_preposition
            && let [article, noun, "for", ..] = words.as_slice()
            && matches!(*article, "A" | "a" | "The" | "the" | "An" | "an")
            && names_a_spokesperson(&[noun])
            // ("A spokesman for Ofcom": or one word that is no one's name
            // in the article.)
            && (tail.iter().any(|w| is_institution_word(without_possessive(w)))
                || words.len() == 4
                    && tail[0].starts_with(char::is_uppercase)
                    && !self.surnames.contains_key(tail[0].lowercase().as_str())
                    && !self.addressed.contains(tail[0].lowercase().as_str())
                    && !is_person_name(tail[0]))
            && !tail.iter().any(|w| is_title(w))
        {
            let body = without_possessive(&after_article(&tail).join(" ")).to_string();
            return self.remember(body, true);
        }
        if tail.is_empty()
            || after_preposition
            || words
                .last()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            // "A spokesman for Michael Howard" is one person, whom "he"
            // goes on to mean; so is "our correspondent" or "a senior
            // official", a short description whose head is a post. (Not
            // "the minister", who is likely someone the article named.)
            // ("A legal expert in the US": the head before where they are.)
            let located = words
                .iter()
                .position(|w| *w == "in")
                .filter(|&at| at > 1 && words.get(at + 1) == Some(&"the"))
                .map(|at| &words[..at]);
            let words_of_person = located.unwrap_or(&words);
            let described_person = (!after_preposition || located.is_some())
                && words_of_person.len() <= 4
                && words
                    .first()
                    .is_some_and(|w| matches!(*w, "A" | "a" | "An" | "an" | "Our" | "our"))
                && words_of_person.last().is_some_and(|w| names_a_person(w));
            return self.remember(
                mention.to_string(),
                described_person || names_a_spokesperson(&words),
            );
        }
        // (A possessive inside the name is `split_title`'s to read.)
        let last = tail.len().saturating_sub(1);
        let tail: Vec<&str> = tail
            .iter()
            .enumerate()
            .map(|(i, w)| if i == last { without_possessive(w) } else { w })
            .collect();
        // "The Kremlin" and "the Kremlin" are one source.
        let tail: Vec<&str> = match tail.split_first() {
            Some((first, rest)) if !rest.is_empty() && matches!(*first, "The" | "A" | "An") => rest.to_vec(),
            _ => tail,
        };
        // Titles are part of the phrase, not the name: the name is what
        // follows the last one ("U.S. President Donald Trump", "Tory MP
        // Michael Mates").
        let tail: Vec<&str> = match split_title(&tail) {
            (_, name) if !name.is_empty() => name,
            _ => tail,
        };
        let name = tail.join(" ");
        if let Some(known) = self.known_name(&crate::names::fold_name(&name)) {
            let person = is_person_name(known);
            return self.remember(known.clone(), person);
        }
        if tail.len() == 1
            && let Some(full) = self.surnames.get(&name.lowercase())
        {
            // ("Mr Blair": not the knight of that surname.)
            let addressed = words
                .iter()
                .any(|w| matches!(*w, "Mr" | "Mrs" | "Ms" | "Miss" | "Mr." | "Mrs." | "Ms."));
            let full = match self.plain_surnames.get(&name.lowercase()) {
                Some(plain) if addressed && is_honoured(full) => plain,
                _ => full,
            };
            return self.remember(full.clone(), true);
        }
        if tail.len() == 2
            && let Some(full) = self.honoured.get(&name.lowercase())
        {
            return self.remember(full.clone(), true);
        }
        // "Mr De Vido" after "Julio De Vido": a surname with its particle,
        // the end of a full name the article gave.
        // ("Bin Laden", "Mr von der Leyen" too.)
        if let Some((surname, particles)) = tail.split_last()
            && (1..=2).contains(&particles.len())
            && particles.iter().all(|w| is_name_particle(&w.lowercase()))
            && let Some(full) = self.surnames.get(&surname.lowercase())
            && full.lowercase().ends_with(&format!(" {}", name.lowercase()))
        {
            return self.remember(full.clone(), true);
        }
        // "The Lib Dems", "Downing Street": a run of capitals that the kind
        // guess takes for no person is no one "he" may mean, unless a
        // spokesman for it speaks ("A spokesman for the British Casino
        // Association"), whom "he" goes on to mean.
        // ("Mr Howard has said S. But he claims ...": a surname the article
        // gave no full name for, after a form of address, is a person's.)
        let addressed = tail.len() == 1 && words.len() >= 2 && addresses_a_surname(words[words.len() - 2]);
        let person = addressed || tail.len() >= 2 && (self.is_person(&name) || names_a_spokesperson(&words));
        self.remember(name, person)
    }

    /// The known source a folded name or alias is, with or without its
    /// honorific.
    fn known_name(&self, folded: &str) -> Option<&String> {
        self.known
            .get(folded)
            .or_else(|| self.known_without_honorific.get(folded))
    }

    /// The person named as the speaker after the claim that opened the
    /// sentence ("Gordon Brown's decision was sensible, Mr Balls told the
    /// BBC"): the sentence's subject, whom "he" next means, not a name
    /// the claim opened with.
    pub(super) fn spoke_after_claim(&mut self, person: &str) {
        if !self.subject_spoke && self.is_person(person) {
            self.sentence_subject = Some(person.to_string());
            self.subject_spoke = true;
        }
    }

    /// The person "he" or "she" gave words to first is the sentence's
    /// subject, for "he" and "she" in the next one, over a name among its
    /// first words, which may open the claim.
    fn note_subject_spoke(&mut self, person: &str) {
        if !self.subject_spoke {
            self.sentence_subject = Some(person.to_string());
            self.subject_spoke = true;
        }
    }

    fn remember(&mut self, name: String, person_like: bool) -> String {
        // "A Tory spokesman said", "Lib Dem sources say": the party
        // speaks, by its name, not by the adjective.
        let name = match name.as_str() {
            "Tory" | "Conservative" => "Conservatives".to_string(),
            "Lib Dem" => "Lib Dems".to_string(),
            "Liberal Democrat" => "Liberal Democrats".to_string(),
            _ => name,
        };
        // "The European Union estimates ... the EU said": a body's
        // initials are the body the article named in full (and the other
        // way round), one source.
        let name = if person_like {
            name
        } else {
            self.bodies
                .iter()
                .rev()
                .find(|(body, _)| *body != name && (initials_of(body, &name) || initials_of(&name, body)))
                .map_or(name, |(body, _)| body.clone())
        };
        if person_like {
            self.last_person = Some(name.clone());
            self.sentence_speaker.get_or_insert_with(|| name.clone());
            // The first person a sentence gives words to is who "he" or
            // "she" means in the next one.
            self.sentence_subject.get_or_insert_with(|| name.clone());
        }
        // An organization that speaks is one "the company" may mean; a
        // description ("The report") is none.
        if !person_like && !written_as_description(&name) && name.starts_with(char::is_uppercase) {
            self.note_body(&name);
        }
        if !person_like && self.body_spoke.is_none() && could_be_it(&name) {
            self.body_spoke = Some(name.clone());
        }
        self.recent.retain(|(known, _)| *known != name);
        if self.recent.len() == RECENT_SPEAKERS {
            self.recent.remove(0);
        }
        self.recent.push((name.clone(), person_like));
        self.last_any = Some(name.clone());
        name
    }

    /// The latest of the speakers remembered last that `fits`.
    fn recent_speaker(&mut self, fits: impl Fn(&mut Self, &str, bool) -> bool) -> Option<String> {
        let recent = std::mem::take(&mut self.recent);
        let found = recent
            .iter()
            .rev()
            .find(|(name, person)| fits(self, name, *person))
            .map(|(name, _)| name.clone());
        self.recent = recent;
        found
    }

    /// Whether the article shows a speaker to be a person, which "it" is
    /// not: a description of one ("a government minister"), a name with a
    /// title or role ("Dr Mike Watts", "Fund manager Jo Lee"), or a name
    /// the kind guess takes for a person's that the article gives a role
    /// or writes with "Mr" or "Ms", or one "he" or "she" has stood for. A
    /// name that only looks like one ("Borussia Dortmund", "Q Magazine",
    /// "Downing Street") is not: a firm spoken of as "it" is the likelier
    /// reading than a person.
    fn evidently_person(&mut self, name: &str) -> bool {
        if written_as_description(name) {
            // ("A legal expert in the US", "a lawyer for the firm": a
            // person described, whom "it" does not go on to mean.)
            let words: Vec<&str> = name.split_whitespace().collect();
            let head = described_head(&words);
            return is_person_name(name) || head.len() > 1 && head.last().is_some_and(|w| names_a_person(w));
        }
        let mut role = false;
        for word in name.split_whitespace() {
            if is_institution_word(word) {
                return false;
            }
            role |= is_role_word(word);
        }
        role || self.gendered.contains(name)
            || self.described_persons.contains(name)
            || self.is_person(name)
                && (self.first_roles.contains_key(name)
                    || name.rsplit(' ').next().is_some_and(|surname| {
                        self.addressed.contains(&without_possessive(surname).lowercase())
                    }))
    }

    /// Notes that the article describes a name by a post beside it
    /// ("Jo Lee, an economist with MM Warburg, said"): a person, whom a
    /// later "it" does not mean.
    pub(super) fn note_described_person(&mut self, name: &str, role: &str) {
        if is_person_name(name) && names_a_post(role) && !self.described_persons.contains(name) {
            self.described_persons.insert(name.to_string());
        }
        // ("Michelle, a mother of twins, said")
        if let Some(gender) = gender_shown(role, name) {
            self.show_gender(name, gender);
        }
    }

    fn show_gender(&mut self, name: &str, gender: Gender) {
        match self.genders.get_mut(name) {
            None => {
                self.genders.insert(name.to_string(), Some(gender));
            }
            Some(shown) if *shown != Some(gender) => *shown = None,
            Some(_) => {}
        }
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        self.genders.get(name).copied().flatten()
    }

    fn note_body(&mut self, name: &str) {
        self.bodies.retain(|(body, _)| body != name);
        self.bodies.push((name.to_string(), self.sentences));
    }

    /// The organization named so far that "the agency", "the company" or
    /// "the newspaper" means: the last that fits, named in this sentence
    /// or the two before it, else the only one that fits in the article.
    fn body_described(&self, noun: &str) -> Option<String> {
        let fitting = self.bodies.iter().rev().filter(|(body, _)| body_fits(noun, body));
        self.meant(fitting).or_else(|| {
            // ("Shares in engineering group Jarvis ... The company said":
            // a name the article called a company, where no organization
            // that spoke or has an institution's word fits. Those come
            // first: "Oil giant Shell", named in passing, is not what "the
            // company" means in an article about Unilever. Of the names
            // called companies, the first: the one the article is about,
            // whom "Irish publishing group Independent News ... buying a
            // stake in newspaper company Jagran ... the group announced"
            // means, and no person "he" or "she" stood for.)
            if !FIRM_NOUNS.contains(&noun) {
                return None;
            }
            self.firms
                .iter()
                .find(|(firm, named)| named + FIRM_RECENT >= self.sentences && !self.gendered.contains(firm))
                .map(|(firm, _)| firm.clone())
        })
    }

    /// Of the names that fit a description, latest first, the one it
    /// means: the last, if named in this sentence or the two before it,
    /// else the only one.
    fn meant<'a>(&self, mut fitting: impl Iterator<Item = &'a (String, usize)>) -> Option<String> {
        let last = fitting.next()?;
        if last.1 + 2 >= self.sentences || fitting.next().is_none() {
            Some(last.0.clone())
        } else {
            None
        }
    }
}

/// The party that the capitalized word at `i` names, as a source's name: "Labour's",
/// "Tory", "the Lib Dems", "Liberal Democrat leader", "the SNP". (The
/// second word of a two-word name counts once: at its first.)
fn party_named(tokens: &[Token], i: usize) -> Option<&'static str> {
    let word = without_possessive(tokens[i].text);
    let next = tokens.get(i + 1).map(|t| without_possessive(t.text));
    Some(match (word, next) {
        ("Labour", _) => "Labour",
        ("Tory" | "Tories" | "Conservative" | "Conservatives", _) => "Conservatives",
        ("Liberal", Some("Democrat" | "Democrats")) => "Liberal Democrats",
        ("Lib", Some("Dem" | "Dems")) => "Lib Dems",
        ("SNP", _) => "SNP",
        ("Plaid", Some("Cymru")) => "Plaid Cymru",
        ("UKIP" | "Ukip", _) => "UKIP",
        ("Greens", _) | ("Green", Some("Party")) => "Green Party",
        ("Republican" | "Republicans", _) => "Republicans",
        ("Democrat" | "Democrats" | "Democratic", _)
            if i == 0 || !matches!(tokens[i - 1].text, "Liberal" | "Lib" | "Social") =>
        {
            "Democrats"
        }
        _ => return None,
    })
}

/// Whether an organization's name fits a noun that stands for it: "the
/// agency" a state agency, "the newspaper" an outlet, "the council" or "the
/// bank" a name with that word, "the company" an organization whose name
/// says it is nothing else (no House, Party, Council, Police ...).
fn body_fits(noun: &str, body: &str) -> bool {
    let words: Vec<&str> = body.split_whitespace().collect();
    // A name, not a phrase a speaker was left as ("Officials in Cojedes
    // state", "Yukos lawyers now").
    let a_name = words.iter().all(|w| {
        w.starts_with(|c: char| !c.is_lowercase()) || matches!(*w, "of" | "and" | "for" | "the" | "in")
    });
    if !a_name {
        return false;
    }
    let kind = if is_person_name(body) {
        "person"
    } else {
        body_kind(&words)
    };
    let named = words.iter().any(|w| w.eq_ignore_ascii_case(noun));
    match noun {
        "agency" | "service" => kind == "agency",
        "newspaper" | "paper" | "magazine" | "broadcaster" => kind == "media",
        "company" | "firm" | "airline" | "carmaker" | "retailer" | "insurer" => {
            kind == "organization" && !words.iter().any(|w| is_institution_word(w))
        }
        _ => named,
    }
}

/// The nouns "the company" is written with, which mean a company the
/// article introduced as one (`Speakers::firms`).
const FIRM_NOUNS: &[&str] = &["company", "firm", "group"];

/// How many sentences back a company must have been named for "the
/// company" to mean it: an article that has moved on to another story
/// ("... Wal-Mart ... In the adverts, the company says") means another.
const FIRM_RECENT: usize = 4;

/// The lowercase nouns that introduce a company's name ("engineering group
/// Jarvis", "carmaker Renault", "UK advertising giant WPP").
const FIRM_INTRODUCERS: &[&str] = &[
    "firm",
    "group",
    "company",
    "giant",
    "carmaker",
    "maker",
    "operator",
    "supplier",
    "retailer",
    "airline",
    "insurer",
    "chain",
    "manufacturer",
    "producer",
    "brewer",
    "conglomerate",
    "developer",
    "provider",
    "distributor",
    "supermarket",
    "lender",
    // ("Internet portal Lycos", "record label EMI")
    "portal",
    "publisher",
    "broadcaster",
    "studio",
    "label",
];

/// Whether the capitalized run at `start` is a company's name by the words
/// before it: a noun of the trade ("telecoms firm Ericsson"; not "a firm
/// Labour pledge", where "firm" qualifies) or "shares in".
fn introduces_firm(tokens: &[Token], start: usize) -> bool {
    let Some(before) = start.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let earlier = start.checked_sub(2).map(|i| tokens[i].lower());
    if before.text == "in" {
        // (Not "Shares in Anglo-Swedish drug firm AstraZeneca": the name
        // is what a verb or a mark follows.)
        let after = tokens[start..].iter().find(|t| !t.capitalized());
        return earlier.is_some_and(|w| w == "shares")
            && after.is_none_or(|t| {
                !t.is_word()
                    || matches!(
                        t.lower(),
                        "have" | "has" | "had" | "were" | "was" | "rose" | "fell"
                    )
            });
    }
    FIRM_INTRODUCERS.contains(&before.text)
        && !(before.text == "firm" && earlier.is_some_and(|w| matches!(w, "a" | "an" | "very" | "so" | "as")))
}

/// Nouns that, after "the", stand for an organization named before.
const BODY_NOUNS: &[&str] = &[
    "agency",
    "service",
    "newspaper",
    "paper",
    "magazine",
    "broadcaster",
    "company",
    "firm",
    "airline",
    "carmaker",
    "retailer",
    "insurer",
    "bank",
    "council",
    "union",
    "party",
    "ministry",
    "department",
    "commission",
    "committee",
    "group",
    "club",
    "alliance",
    "league",
    "association",
    "federation",
    "coalition",
    "institute",
    "foundation",
];

/// Where the name that ends `words` starts, when the capitalized run that
/// ends them (from `tail`) is the last part of a longer name whose parts
/// "of", "for", "the" or "and" join ("Department of Trade and Industry",
/// "Public and Commercial Services Union"): `tail` when it is not. "And"
/// joins no two bodies ("Labour and the Tories"), no part is a post ("MP
/// for Eastfield and West Dale") and "the" opens a part only after "of"
/// or "for".
pub(super) fn joined_name_start(words: &[&str], tail: usize) -> usize {
    let capitalized = |w: &str| w.starts_with(char::is_uppercase) && !matches!(w, "The" | "A" | "An");
    let mut start = tail;
    loop {
        // The joiners before the part that starts at `start`.
        let mut joint = start;
        if joint > 0 && words[joint - 1] == "the" {
            joint -= 1;
            // "the Stop the War Coalition", "The Elect the Lords
            // Campaign": a slogan's one capitalized verb, after the
            // article that opens the whole name, takes "the" inside it.
            if joint >= 2
                && capitalized(words[joint - 1])
                && !is_title(words[joint - 1])
                && matches!(words[joint - 2], "The" | "the")
            {
                start = joint - 1;
                break;
            }
            if joint == 0 || !matches!(words[joint - 1], "of" | "for") {
                break;
            }
        }
        if joint == 0 || !matches!(words[joint - 1], "of" | "for" | "and" | "&") {
            break;
        }
        let before = words[..joint - 1]
            .iter()
            .rev()
            .take_while(|w| capitalized(w))
            .count();
        // (Only a part that is no body of its own comes before "and".)
        let part = &words[joint - 1 - before..joint - 1];
        let two_bodies = words[joint - 1] == "and" && part.iter().any(|w| is_institution_word(w));
        // (Nor a post: "MP for Eastfield and West Dale" is no name.)
        if before == 0 || two_bodies || part.iter().any(|w| is_title(w)) {
            break;
        }
        start = joint - 1 - before;
    }
    start
}

/// The words at the end of `words` that start with a capital.
/// A number last after a capitalized word is part of the name
/// ("Transport 2000", "Charter 88"), and so is a surname's particle
/// between capitals ("Henri de Bodinat", "Ursula von der Leyen").
fn capitalized_tail<'a, 'w>(words: &'w [&'a str]) -> &'w [&'a str] {
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let number = words.len() >= 2
        && words[words.len() - 1].chars().all(|c| c.is_ascii_digit())
        && capitalized(words[words.len() - 2]);
    let named = &words[..words.len() - usize::from(number)];
    let mut start = named.len() - named.iter().rev().take_while(|w| capitalized(w)).count();
    while start < named.len() {
        let particles = named[..start]
            .iter()
            .rev()
            .take_while(|w| is_name_particle(w))
            .count();
        if particles == 0 || particles > 2 || start == particles || !capitalized(named[start - particles - 1])
        {
            break;
        }
        start -= particles;
        start -= named[..start].iter().rev().take_while(|w| capitalized(w)).count();
    }
    &words[start..]
}

/// A lowercase word that joins a surname to the name before it: "de" in
/// "Henri de Bodinat", "van" in "Mark van Bommel", "von der" in "Ursula
/// von der Leyen", "bin" in "Osama bin Laden".
pub(super) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "des"
            | "del"
            | "della"
            | "da"
            | "di"
            | "dos"
            | "das"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
    )
}

/// The name of a person said to be of, at or from some place: the
/// capitalized run (two words or more, past any title) right before the
/// first "of", "at" or "from" ("aviation analyst Mike Powell of Dresdner
/// Kleinwort" gives "Mike Powell", "Jay LeBoff from Hotseat" "Jay
/// LeBoff"). "Bank of England" and "Secretary of State" have one
/// word there, and give none; a peer's or a royal's "of" is part of the
/// name ("Lord Walker of Gestingthorpe"); and a role and a name after the
/// place make that name the speaker ("National Bureau of Statistics chief
/// Li Deshui").
fn name_before_affiliation(words: &[&str]) -> Option<String> {
    let at = words.iter().position(|w| matches!(*w, "of" | "at" | "from"))?;
    let tail = words.len() - capitalized_tail(words).len();
    // (Where the phrase ends in lowercase, "Jo Lee of Bigbank Chase bank",
    // no name follows the place.)
    // (But "Nadia Thalman of the Swiss research group MiraLab": a name
    // after a body's noun is the body's.)
    if tail < words.len()
        && tail > at + 1
        && !matches!(words[tail - 1], "the" | "&" | "and" | "of" | "in" | "for" | "at")
        && !BODY_NOUNS.contains(&words[tail - 1])
    {
        return None;
    }
    let run = capitalized_tail(&words[..at]);
    if run.len() < 2 || words[at + 1..].is_empty() {
        return None;
    }
    let (_, name) = split_title(run);
    let peer = |w: &&str| {
        matches!(
            *w,
            "Lord"
                | "Lady"
                | "Baron"
                | "Baroness"
                | "Prince"
                | "Princess"
                | "King"
                | "Queen"
                | "Duke"
                | "Duchess"
                | "Earl"
        )
    };
    // ("Emmanuel Ferry, from Exane BNP Paribas": the name without the
    // comma that sets the place off.)
    (name.len() >= 2 && !run.iter().any(peer)).then(|| name.join(" ").trim_end_matches(',').to_string())
}

/// Whether the token at `at` can qualify a lowercase role after it: a
/// capitalized word that is no function word, form of address, time or
/// opening adverb ("Tory", "Lib Dem", "Shadow" opening a sentence; not
/// "Mr", "Monday" or "Meanwhile").
fn qualifies_role(tokens: &[Token], at: usize) -> bool {
    let t = &tokens[at];
    let word = t.lower();
    let opens = at == 0 || super::patterns::is_open_quote(&tokens[at - 1]);
    t.is_word()
        && t.capitalized()
        && !is_function_word(word)
        && !matches!(
            word,
            "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady"
        )
        && !super::patterns::is_time_word(word)
        && !(opens && (word.ends_with("ly") || OPENING_ADVERBS.contains(&word)))
        // ("Said Wales coach Ann Lee: ...": the cue, not Wales's.)
        && !(opens && super::cues::is_cue_word(word))
}

/// A person's gender, as "he" and "she" tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// The gender a mention shows its source to have: a form of address
/// before the source's last name ("Mr Lee", "Ms Lee said"; not "Mr Lee's
/// daughter Jo"), or a word of kinship or a woman's trade that heads it
/// ("his mother Jo Lee", "Mr Lee's daughter Jo", "the mother-of-nine").
/// Not a spokesman's or a chairman's: a post spoken of as a man's or a
/// woman's by habit more than by who holds it.
fn gender_shown(mention: &str, source: &str) -> Option<Gender> {
    // (Most mentions are one word, "he" or a surname: no address and no
    // kin before a name.)
    if !mention.contains(' ') {
        return kin_gender(mention.split('-').next().unwrap_or(mention));
    }
    let mut words = mention.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if has_possessive(word) || word.ends_with('\'') {
            continue;
        }
        let address = match word.trim_end_matches('.') {
            "Mr" | "Sir" | "Lord" => Some(Gender::Male),
            "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" => Some(Gender::Female),
            _ => None,
        };
        if let Some(gender) = address {
            if words
                .peek()
                .is_some_and(|next| !has_possessive(next) && source.split_whitespace().any(|w| w == *next))
            {
                return Some(gender);
            }
            continue;
        }
        // (In lowercase: "Big Brother" is a show.)
        let head = word
            .split('-')
            .next()
            .unwrap_or(word)
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        if !head.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        if let Some(gender) = kin_gender(head) {
            return Some(gender);
        }
    }
    None
}

/// Words that say a person is a woman or a man.
fn kin_gender(word: &str) -> Option<Gender> {
    match word {
        "mother" | "wife" | "daughter" | "sister" | "widow" | "grandmother" | "girlfriend" | "aunt"
        | "niece" | "actress" | "businesswoman" | "congresswoman" | "chairwoman" | "sportswoman"
        | "queen" | "princess" | "duchess" | "countess" => Some(Gender::Female),
        "father" | "husband" | "son" | "brother" | "widower" | "grandfather" | "boyfriend" | "uncle"
        | "nephew" | "businessman" | "congressman" | "sportsman" | "king" | "prince" | "duke" | "earl" => {
            Some(Gender::Male)
        }
        _ => None,
    }
}

/// A capitalized run split into the title before the name and the name:
/// "Tory MP Michael Mates" is ("Tory MP", "Michael Mates"); letters after
/// a name ("Philippe Sands QC") go, and so does a possessive ending.
fn split_title<'a>(run: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    // One word, as most runs are (a sentence's first word, a surname): a
    // title alone, or a name; what the steps below make of it, without
    // their vectors.
    if let [word] = run {
        let name = without_possessive(word);
        return if is_title(name) {
            (vec![*word], Vec::new())
        } else {
            (Vec::new(), vec![name])
        };
    }
    // A title last of all is letters after a name, or the run is no name.
    // ("Chief Executive Maeve Sherlock": "Executive" is a title after
    // "Chief", where "the Scottish Executive" is a name.)
    let start = (0..run.len().saturating_sub(1))
        .rev()
        .find(|&i| is_title(run[i]) || i > 0 && run[i] == "Executive" && run[i - 1] == "Chief")
        .map_or(0, |t| t + 1);
    // "Russia's Federal Security Service" is the service, "Labour's Alan
    // Milburn" the man; "Brown's Britain" (a book) is neither Britain nor
    // "Brown Britain": a possessive inside the run keeps it whole, unless a
    // name of two words or more follows it.
    let last = run.len() - 1;
    let start = match (start..last).rev().find(|&i| has_possessive(run[i])) {
        Some(owner) if last - owner >= 2 => owner + 1,
        _ => start,
    };
    let mut name: Vec<&str> = run[start..]
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if start + i == last {
                without_possessive(w)
            } else {
                w
            }
        })
        .collect();
    let organization = name.iter().any(|w| ORGANIZATION_WORDS.contains(w));
    while name.len() > 2 && !organization && name.last().is_some_and(|w| POSTNOMINALS.contains(w)) {
        name.pop();
    }
    if name.len() == 1 && is_title(name[0]) {
        return (run.to_vec(), Vec::new());
    }
    // "Singer George Michael", "Tory Liam Fox", "Monday Tony Blair",
    // "Fabian Society Sundar Katwala": what qualifies the name, capitalized
    // at a sentence's start or as a party's or a body's name, is no part of
    // it where a person's name of two words or more is left.
    let qualifiers = qualifiers_before_name(&name);
    name.drain(..qualifiers);
    while qualifiers > 0 && name.len() > 2 && name.last().is_some_and(|w| POSTNOMINALS.contains(w)) {
        name.pop();
    }
    let title = run[..start + qualifiers]
        .iter()
        .copied()
        .skip_while(|w| matches!(*w, "The" | "A" | "An" | "Former"))
        .collect();
    (title, name)
}

/// How many of a name's first words qualify the person the rest names: a
/// body's name that ends before it ("Fabian Society", "Entertainment
/// Weekly"), then occupations, parties, countries, days and words that
/// open a phrase ("For"); none unless two words or more are left, all
/// capitalized and no body's.
fn qualifiers_before_name(name: &[&str]) -> usize {
    if name.len() < 3 {
        return 0;
    }
    // Words that end a body's name; not "International", which opens
    // as many ("Stockholm International Film Festival").
    static ENDS: LazyLock<foldhash::HashSet<&str>> =
        LazyLock::new(|| ORGANIZATION_WORDS.iter().chain(BODY_ENDS).copied().collect());
    let body_word = |w: &str| ENDS.contains(w) || in_lowercase(w, |l| MASTHEADS.contains(&l));
    let mut cut = name[..name.len() - 2]
        .iter()
        .rposition(|w| body_word(w))
        .map_or(0, |k| k + 1);
    // (An adjective before an occupation qualifies too: "Controversial
    // DJ Howard Stern".)
    let occupation = |word: &str| in_lowercase(word, |l| OCCUPATIONS.contains(&l));
    while name.len() - cut > 2 && {
        let word = name[cut];
        name.len() - cut > 3
            && occupation(name[cut + 1])
            && !occupation(word)
            && word.ends_with(|c: char| c.is_lowercase())
            || NAME_QUALIFIERS.contains(&word)
            || COUNTRIES.contains(&word)
            || super::patterns::is_day(word)
            || in_lowercase(word, |l| {
                OCCUPATIONS.contains(&l)
                    || matches!(l, "for" | "with" | "from" | "by" | "to" | "as" | "but" | "and")
            })
    } {
        cut += 1;
    }
    if cut == 0 {
        return 0;
    }
    let rest = &name[cut..];
    let a_name = rest.iter().all(|w| w.starts_with(char::is_uppercase))
        && !rest
            .iter()
            .any(|w| body_word(w) || is_institution_word(w) || in_lowercase(w, |l| MEDIA_WORDS.contains(&l)));
    if a_name { cut } else { 0 }
}

/// Words besides an institution's that end a body's name written before a
/// person's ("Fabian Society Sundar Katwala", "Deutsche Bank Simon
/// Champion").
const BODY_ENDS: &[&str] = &[
    "Society",
    "Trust",
    "Foundation",
    "Bank",
    "Group",
    "Club",
    "Company",
    "Corporation",
    "Fund",
    "Board",
    "Weekly",
    "Alliance",
    "Federation",
    "Centre",
    "Center",
    "Network",
    "Forum",
    "Court",
    // ("The Economist Intelligence Unit", not a person after an
    // economist)
    "Unit",
    // ("Shadow leader of the Commons Oliver Heald")
    "Commons",
    "Lords",
];

/// Whether a role is a trade alone ("midfielder", "Real Madrid
/// midfielder"), no post: a description by post ("the England captain")
/// may still be the same person.
pub(super) fn is_trade_role(role: &str) -> bool {
    role.split_whitespace().last().is_some_and(|w| {
        let w = w.lowercase();
        OCCUPATIONS.contains(&w.as_str()) && !is_post_noun(&w)
    })
}

/// Whether a lowercase word is an occupation or a post a name can follow
/// ("editor David Roberts", "critic Mark Kermode"); not a word that only
/// qualifies one ("former", "fellow").
pub(super) fn is_occupation(word: &str) -> bool {
    static SET: LazyLock<foldhash::HashSet<&str>> = LazyLock::new(|| {
        OCCUPATIONS
            .iter()
            .chain(ROLE_NOUNS)
            .copied()
            .filter(|w| !matches!(*w, "former" | "ex" | "fellow" | "political"))
            .collect()
    });
    SET.contains(word)
}

/// Occupations written before a name, capitalized where a sentence opens
/// with them ("Singer George Michael", "Striker Nicolas Anelka").
const OCCUPATIONS: &[&str] = &[
    // ("Economist Colen Garrow said")
    "economist",
    "analyst",
    "historian",
    "lawyer",
    "consultant",
    "strategist",
    "academic",
    "singer",
    // ("The pop star said", after "Singer George Michael")
    "star",
    "songwriter",
    "rapper",
    "guitarist",
    "drummer",
    "bassist",
    "frontman",
    "dj",
    "producer",
    "film-maker",
    "filmmaker",
    "actor",
    "actress",
    "comedian",
    "presenter",
    "broadcaster",
    "director",
    "writer",
    "novelist",
    "poet",
    "artist",
    "designer",
    "photographer",
    "chef",
    "boss",
    "founder",
    "tycoon",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "billionaire",
    "banker",
    "farmer",
    "agent",
    "magistrate",
    "coroner",
    "referee",
    "umpire",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "wing",
    "fly-half",
    "scrum-half",
    "hooker",
    "prop",
    "flanker",
    "full-back",
    "skipper",
    "captain",
    "bowler",
    "batsman",
    "jockey",
    "trainer",
    "observer",
    "critic",
    "columnist",
    "journalist",
    "reporter",
    "scientist",
    "researcher",
    "doctor",
    "surgeon",
    "teacher",
    "campaigner",
    "activist",
    "veteran",
    "former",
    "ex",
    "fellow",
    "correspondent",
    "editor",
    "political",
];

/// Parties written before a name ("Tory Liam Fox", "Lib Dem Mark Oaten",
/// "Plaid Cymru Elfyn Llwyd"). Not nationalities: "Australian Lynton
/// Crosby" is as capitalized as "British Phonographic Industry".
const NAME_QUALIFIERS: &[&str] = &[
    "Tory",
    "Labour",
    "Conservative",
    "Lib",
    "Dem",
    "Liberal",
    "Democrat",
    "Republican",
    "Green",
    "UKIP",
    "SNP",
    "Plaid",
    "Cymru",
    "Unionist",
    "Nationalist",
    "Tories",
    "Dems",
    "Conservatives",
    "Democrats",
    "Republicans",
    "Greens",
    "Nationalists",
];

/// Whether a sentence's first word opens a phrase before its subject: a
/// preposition ("In Wednesday's Budget, ...") or a participle
/// ("Defending the plans, ...").
fn opens_adverbial(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "for"
            | "with"
            | "despite"
            | "since"
            | "following"
    ) || word.len() > 5 && word.ends_with("ing")
}

/// The description of one person a clause opens with, as written ("The
/// attorney general has again denied ...", "The Tory leader was asked
/// ..."): "the", up to four more words the last of which is a title
/// or a role, and then a lowercase word that is no part of the noun phrase
/// (a verb, most often). Not "The minister's office" nor "The chairman of
/// the committee", which are about something else or someone longer.
pub(super) fn opening_description(clause: &[Token]) -> Option<String> {
    if clause.first().is_none_or(|t| t.lower() != "the") {
        return None;
    }
    let words = clause.iter().take(6).take_while(|t| t.is_word()).count();
    (2..words.min(6)).rev().find_map(|end| {
        let next = &clause[end];
        let phrase = &clause[..end];
        // The last word the post itself, in lowercase ("The Scottish
        // Executive" is a body's name), and no second article: not "The
        // chief inspector of", nor "The pressure prompted the prime".
        // (Token tests first, the phrase joined only past them: most
        // sentences that open with "the" open with no post.)
        let head = phrase
            .last()
            .is_some_and(|t| !t.capitalized() && (is_role_word(t.text) || is_title(t.text)));
        // Or a post capitalized as many papers write it, the words before
        // it too ("The Planning Minister didn't rule out ..."), read as
        // "the planning minister" (see `resolve_mention`); only a post one
        // person holds, not "The Scottish Executive".
        let capitalized_post = !head
            && phrase.last().is_some_and(|t| {
                matches!(
                    t.text,
                    "Minister" | "Secretary" | "Chancellor" | "President" | "Premier" | "Governor" | "Mayor"
                )
            })
            && phrase[1..].iter().all(|t| t.capitalized());
        let closed = || goes_on_after_description(next) && !has_possessive(next.text);
        let plain = || {
            phrase[1..]
                .iter()
                .all(|t| !matches!(t.lower(), "the" | "a" | "an") && !has_possessive(t.text))
        };
        if !((head || capitalized_post) && closed() && plain()) {
            return None;
        }
        let text = if capitalized_post {
            let lowered: Vec<String> = phrase.iter().map(|t| lowercase_but_acronym(t.text)).collect();
            lowered.join(" ")
        } else {
            words_of(phrase)
        };
        is_definite_description(&text).then_some(text)
    })
}

/// A word of a capitalized post in lowercase, as a description is
/// written ("The Planning Minister" is "the planning minister"); an
/// acronym as it is ("The MEP").
fn lowercase_but_acronym(word: &str) -> String {
    if word.chars().all(|c| !c.is_lowercase()) {
        word.to_string()
    } else {
        word.lowercase()
    }
}

/// The age "30" of "30-year-old".
fn years_old(word: &str) -> Option<&str> {
    word.strip_suffix("-year-old")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The age of a mention that describes a person by it, with "the" and at
/// most a few words of trade after it: "the 30-year-old", "The
/// 40-year-old comic", "The 28-year-old world number one"; not "the
/// 21-year-old's agent" nor "the 30-year-old head of the firm".
fn aged_description(mention: &str) -> Option<&str> {
    let mut words = mention.split_whitespace();
    if !matches!(words.next(), Some("the" | "The")) {
        return None;
    }
    let age = years_old(words.next()?)?;
    // (Lowercase words or a nationality: "the 28-year-old Morientes" is
    // named.)
    let rest: Vec<&str> = words.collect();
    let trade = rest.len() <= 3
        && rest.iter().all(|w| {
            !has_possessive(w)
                && !matches!(*w, "of" | "for" | "at" | "with" | "and")
                && !is_post_noun(&w.lowercase())
                && (w.starts_with(char::is_lowercase)
                    || is_nationality(w)
                    || w.ends_with("man") && w.len() > 5)
        });
    trade.then_some(age)
}

/// Whether a clause opens with a person described by their trade or age,
/// then what they did: "The 24-year-old Reds skipper spoke", "The striker
/// insisted", "The 32-year-old has"; not "The manager of the bank", "The
/// film's director" nor "The striker who".
fn opens_with_described_person(clause: &[Token]) -> bool {
    if clause.first().is_none_or(|t| t.lower() != "the") {
        return false;
    }
    let aged = |w: &str| years_old(w).is_some();
    // (The age, and a team's or a country's name, qualify the trade; the
    // age alone may be the head.)
    let qualifiers = clause[1..]
        .iter()
        .take(3)
        .take_while(|t| t.is_word() && !has_possessive(t.text) && (t.capitalized() || aged(t.lower())))
        .count();
    let head = (1..=1 + qualifiers).rev().find(|&i| {
        clause.get(i).is_some_and(|t| {
            !t.capitalized() && (OCCUPATIONS.contains(&t.lower()) || (aged(t.lower()) && i == qualifiers))
        })
    });
    head.and_then(|head| clause.get(head + 1)).is_some_and(|t| {
        goes_on_after_description(t)
            && !matches!(t.lower(), "who" | "whose")
            && !OCCUPATIONS.contains(&t.lower())
    })
}

/// Whether the word after a description's head goes on with what the
/// person did ("The chancellor unveiled", "The striker spoke"), not with
/// more of the description ("The chancellor of", "The party chairman").
fn goes_on_after_description(next: &Token) -> bool {
    next.is_word()
        && !next.capitalized()
        && !matches!(
            next.lower(),
            "of" | "for" | "to" | "at" | "in" | "from" | "and" | "or" | "on" | "with"
        )
        // (A role word covers the titles too.)
        && !is_role_word(next.text)
}

/// Whether a sentence ends by saying who someone is: "... was former
/// senior vice president Joshua Bewlay.", "... is Jo Lee, 32.": a form of
/// "be", then words to a name of two capitalized words or more at the end
/// of the sentence or before a comma.
fn equates_a_name(tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        matches!(t.lower(), "is" | "was") && {
            let rest = &tokens[i + 1..];
            let end = rest.iter().position(|t| !t.is_word()).unwrap_or(rest.len());
            let name = rest[..end].iter().rev().take_while(|t| t.capitalized()).count();
            // (Only a post may stand between: not "is trying to end talk of
            // a feud with Tom Bell".)
            let between = &rest[..end - name];
            name >= 2
                && between.len() <= 6
                && between.iter().all(|t| {
                    !t.lower().ends_with("ing")
                        && !matches!(
                            t.lower(),
                            "to" | "of"
                                | "with"
                                | "for"
                                | "in"
                                | "on"
                                | "at"
                                | "by"
                                | "from"
                                | "and"
                                | "or"
                                | "a"
                                | "an"
                                | "that"
                                | "who"
                                | "not"
                        )
                })
                && rest.get(end).is_none_or(|t| matches!(t.text, "." | "," | ";"))
        }
    })
}

/// Two names joined by "and" that open a clause, each of two capitalized
/// words or more, before a lowercase word ("But Lord Justice Rix and Mr
/// Justice Forbes ruled ..."): the two, as written.
fn opening_names_joined(tokens: &[Token]) -> Option<String> {
    let from = usize::from(
        tokens
            .first()
            .is_some_and(|t| matches!(t.lower(), "but" | "and" | "yet" | "so")),
    );
    let run_end = |start: usize| {
        (start..tokens.len())
            .find(|&k| !(tokens[k].is_word() && tokens[k].capitalized()))
            .unwrap_or(tokens.len())
    };
    let first_end = run_end(from);
    let second_start = first_end + 1;
    let second_end = run_end(second_start);
    (first_end >= from + 2
        && tokens.get(first_end).is_some_and(|t| t.lower() == "and")
        && second_end >= second_start + 2
        && tokens
            .get(second_end)
            .is_some_and(|t| t.is_word() && !t.capitalized()))
    .then(|| {
        tokens[from..second_end]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The body or document a clause opens with, as written: an article,
/// capitalized words and a body's or a document's noun ("The committee",
/// "A National Audit Office report", "the paper"), or a name with an
/// organization's word ("the Countryside Alliance", "Home Office") that a
/// lowercase word follows. None for a person, a pronoun, a possessive
/// ("The party's leader") or anything else.
fn opening_body(clause: &[Token]) -> Option<String> {
    let article = clause
        .first()
        .is_some_and(|t| matches!(t.lower(), "the" | "a" | "an"));
    let start = usize::from(article);
    // (Not a preposition that opens an adverbial: "At the Court of Appeal
    // on Wednesday, the Countryside Alliance failed".)
    // ("Downing Street" opens with no participle: a capital follows it.)
    let named_in_ing = clause.first().is_some_and(|t| t.lower().ends_with("ing"))
        && clause.get(1).is_some_and(|t| t.is_word() && t.capitalized());
    if !article && !named_in_ing && clause.first().is_some_and(|t| opens_adverbial(t.lower())) {
        return None;
    }
    // (The words that join a name's parts count when a capitalized word
    // follows: "the Department of Trade and Industry"; "and" only after
    // "of" or "for", since "the Tories and Lib Dems" are two.)
    let name_word = |i: usize| {
        clause.get(i).is_some_and(|t| {
            let joins = match t.lower() {
                "of" | "for" | "the" => true,
                "and" => clause[start..i].iter().any(|t| matches!(t.lower(), "of" | "for")),
                _ => false,
            };
            t.is_word() && !has_possessive(t.text) && t.capitalized()
                || i > start
                    && joins
                    && clause
                        .get(i + 1)
                        .is_some_and(|next| next.is_word() && next.capitalized())
        })
    };
    let run = (start..start + 8).take_while(|&i| name_word(i)).count();
    let mut after = clause.get(start + run)?;
    // ("The American Film Institute (AFI) hailed ...": past the initials
    // in brackets.)
    if after.text == "("
        && clause.get(start + run + 2).is_some_and(|t| t.text == ")")
        && clause
            .get(start + run + 1)
            .is_some_and(|t| t.text.len() >= 2 && t.text.bytes().all(|b| b.is_ascii_uppercase()))
    {
        after = clause.get(start + run + 3)?;
    }
    // (Not one of two: "The Greens and Lib Dems tabled ...".)
    if matches!(after.lower(), "and" | "or") {
        return None;
    }
    if article
        && after.is_word()
        && !after.capitalized()
        && (BODY_NOUNS.contains(&after.lower())
            || DOCUMENTS.contains(&after.lower())
            || GOVERNING_NOUNS.contains(&after.lower()))
        && clause
            .get(start + run + 1)
            .is_none_or(|next| !has_possessive(next.text))
    {
        return Some(words_of(&clause[..start + run + 1]));
    }
    let name = &clause[start..start + run];
    // ("Downing Street", "the Kremlin": a government named by its seat.)
    let named = name.iter().any(|t| is_institution_word(t.text))
        || matches!(
            words_of(name).as_str(),
            "Downing Street" | "White House" | "Kremlin" | "Pentagon" | "Whitehall" | "Elysee" | "Élysée"
        );
    // ("The EFF, representing the reporters, has asked ...": a body's
    // initials, two to six capitals, no person's name.)
    let initials = matches!(name, [only] if (2..=6).contains(&only.text.len())
        && only.text.chars().all(|c| c.is_ascii_uppercase()));
    let after = if initials && after.text == "," {
        // (Past an aside set off by commas.)
        let close = (start + run + 1..clause.len().min(start + run + 12)).find(|&i| clause[i].text == ",")?;
        clause.get(close + 1)?
    } else {
        after
    };
    // (Initials with their verb next: not "The US tycoon".)
    let verb_after = !initials || super::patterns::looks_like_verb(after);
    ((named || initials)
        && verb_after
        && after.is_word()
        && !after.capitalized()
        && !has_possessive(after.text))
    .then(|| words_of(name))
}

/// The firm a sentence opens with as its subject: a name of one to three
/// capitalized words after "Shares in" or after a firm's trade ("Market
/// leader Nintendo, however, is releasing", "German investment bank
/// Deutsche Bank has challenged", "Shares in American Express surged"),
/// a verb or an aside set off by commas next. (A name alone is no firm
/// for sure: the capital of a sentence's first word is its place's.)
fn opening_firm(tokens: &[Token]) -> Option<String> {
    let shares = tokens.len() > 2
        && matches!(tokens[0].text, "Shares" | "Stock")
        && matches!(tokens[1].lower(), "in" | "of");
    let mut at = if shares { 2 } else { 0 };
    // (The trade: an optional capitalized word, then lowercase words, the
    // last a firm's noun.)
    let lead = usize::from(tokens.get(at).is_some_and(|t| t.is_word() && t.capitalized()));
    let lowercase = tokens[at + lead..]
        .iter()
        .take(3)
        .take_while(|t| t.is_word() && !t.capitalized())
        .count();
    let trade = lowercase > 0 && TRADE_NOUNS.contains(&tokens[at + lead + lowercase - 1].lower());
    if trade {
        at += lead + lowercase;
    } else if !shares {
        return None;
    }
    let run = tokens[at..]
        .iter()
        .take_while(|t| t.is_word() && t.capitalized() && !has_possessive(t.text))
        .count();
    let next = tokens.get(at + run)?;
    let verb = next.is_word() && !next.capitalized() && super::patterns::looks_like_verb(next);
    ((1..=3).contains(&run) && (verb || next.text == ",")).then(|| words_of(&tokens[at..at + run]))
}

/// Nouns of a firm's trade, which a firm's name follows ("software maker
/// Oracle", "budget airline Virgin Blue").
const TRADE_NOUNS: &[&str] = &[
    "leader",
    "giant",
    "maker",
    "firm",
    "group",
    "company",
    "carrier",
    "airline",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "operator",
    "manufacturer",
    "developer",
    "publisher",
    "broadcaster",
    "chain",
    "supplier",
    "producer",
    "conglomerate",
    "network",
];

/// Bodies that no name need introduce, which "it" goes on to mean after a
/// sentence opens with them ("The opposition made capital of the figures.
/// It said ...", "The French government rejected them. It said ...").
const GOVERNING_NOUNS: &[&str] = &[
    "government",
    "opposition",
    "administration",
    "cabinet",
    "regime",
    "court",
    "board",
    "panel",
    "tribunal",
    "watchdog",
    "regulator",
];

/// The tokens' texts, a space between each.
fn words_of(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

/// Whether a role ("education secretary", lowercase) is a post a
/// description's head noun may name: its own word, or "minister" for any
/// secretary or minister.
fn role_holds(role: &str, head: &str) -> bool {
    role.split_whitespace()
        .any(|w| w == head || head == "minister" && matches!(w, "secretary" | "minister"))
}

/// Whether a word ends in the possessive "'s" or "’s", or in the mark
/// alone after an s ("Sands'").
pub(super) fn has_possessive(word: &str) -> bool {
    without_possessive(word).len() < word.len()
}

/// A word without the possessive "'s" or "’s" it ends in (every one, as
/// `trim_end_matches` would), or the mark alone after an s: a suffix
/// test, with no substring searcher to set up for each of the article's
/// names.
fn without_possessive(word: &str) -> &str {
    let mut word = word;
    while let Some(rest) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        word = rest;
    }
    // ("Mr Sands' book": a name ending in s takes the mark alone.)
    if word.len() > 3
        && let Some(rest) = word.strip_suffix("s'").or_else(|| word.strip_suffix("s’"))
    {
        return &word[..rest.len() + 1];
    }
    word
}

/// Whether a word is a title, in any case, with or without a period
/// ("Sen.", "PRESIDENT"); no allocation, as this runs on every name.
pub(super) fn is_title(word: &str) -> bool {
    static SET: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(TITLES.iter().chain(ORGANISER_POSTS).copied()));
    let word = word.trim_end_matches('.');
    // (Asked of every capitalized word: lowercased only where the set may
    // hold it; the second lookup only after a prefix.)
    SET.may_contain(word) && in_lowercase(word, |w| SET.contains(w)) || {
        let post = after_post_prefix(word);
        post.len() < word.len() && SET.may_contain(post) && in_lowercase(post, |w| SET.contains(w))
    }
}

/// A post's word after a prefix that makes another post of it
/// ("Vice-President", "co-chairman", "ex-minister"); else the word.
fn after_post_prefix(word: &str) -> &str {
    // (A prefix is at most six letters: no scan of a longer word.)
    let Some(hyphen) = word.bytes().take(7).position(|b| b == b'-') else {
        return word;
    };
    if in_lowercase(&word[..hyphen], |p| {
        matches!(p, "vice" | "deputy" | "co" | "ex" | "acting")
    }) {
        &word[hyphen + 1..]
    } else {
        word
    }
}

/// Whether a capitalized word makes a name an institution's ("Service",
/// "Party", "Bank"): a set, since every name an article writes asks.
fn is_institution_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(ORGANIZATION_WORDS.iter().chain(GROUP_WORDS).copied()));
    SET.contains(word)
}

/// Whether a role phrase names a post ("Tory co-chairman", "chairman of
/// the committee"), rather than where someone is from or what they were
/// doing ("of Investec Securities", "on his first day"): a role word in
/// it, and no preposition opening it.
pub(super) fn names_a_post(role: &str) -> bool {
    // ("co-chairman", "ex-chief": the post after its prefix.)
    let post = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        is_post_word(word) || word.rsplit_once('-').is_some_and(|(_, noun)| is_post_word(noun))
    };
    role.split_whitespace().next().is_some_and(|first| {
        !matches!(
            first.lowercase().as_str(),
            "of" | "from" | "for" | "on" | "in" | "at" | "with" | "to" | "by"
        )
    }) && role.split_whitespace().any(post)
}

/// Whether a lowercase word, as written, is a title or a role noun
/// ("spokesman", "lawyer"): one set for the checks that ask it of every
/// name and role phrase.
fn is_post_noun(word: &str) -> bool {
    static SET: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(TITLES.iter().chain(ORGANISER_POSTS).chain(ROLE_NOUNS).copied()));
    SET.contains(word) || {
        let post = after_post_prefix(word);
        post.len() < word.len() && SET.contains(post)
    }
}

/// Whether a word names a post, in any case: a role word that is not a
/// form of address ("Mr", "Dr").
pub(super) fn is_post_word(word: &str) -> bool {
    is_role_word(word) && !in_lowercase(word.trim_end_matches('.'), is_form_of_address)
}

/// Whether a word is letters written after a name: "MP", "MSP", "QC"
/// (`POSTNOMINALS`).
pub(super) fn is_post_nominal(word: &str) -> bool {
    POSTNOMINALS.contains(&word)
}

/// Whether a word is an honorific: "Sir", "Dame", "Lord", "Lady".
pub(super) fn is_honorific(word: &str) -> bool {
    matches!(word, "Sir" | "Dame" | "Lord" | "Lady" | "Baroness" | "Baron")
}

/// Whether a word names a role, in any case.
pub(super) fn is_role_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ROLE_NOUNS.iter().copied()));
    is_title(word) || SET.may_contain(word) && in_lowercase(word, |w| SET.contains(w))
}

/// `test` of a short ASCII word in lowercase, made on the stack: titles
/// and role nouns are ASCII and short, and asked of every capitalized word.
pub(super) fn in_lowercase(word: &str, test: impl FnOnce(&str) -> bool) -> bool {
    let mut buffer = [0u8; 16];
    if word.len() > buffer.len() || !word.is_ascii() {
        return false;
    }
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(test)
}

/// A role phrase as a lookup key: folded, without determiners and
/// possessives ("The Home Secretary" and "the home secretary" are one).
fn role_key(phrase: &str) -> String {
    crate::names::fold_name(phrase)
        .split(' ')
        .filter(|w| {
            !matches!(
                *w,
                "the" | "a" | "an" | "former" | "then" | "its" | "his" | "her" | "their"
            )
        })
        .filter(|w| !has_possessive(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A phrase without its leading article or conjunction: "The attorney
/// general" is "attorney general".
pub(super) fn without_determiner(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .skip_while(|w| matches!(w.lowercase().as_str(), "the" | "a" | "an" | "but" | "and"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role a mention gives before the name it resolved to: "Tory MP
/// Michael Mates" gives "Tory MP"; "Mr Mates" gives none.
pub(super) fn role_in(mention: &str, source: &str) -> Option<String> {
    let first = source.split_whitespace().next()?;
    let words: Vec<&str> = mention.split_whitespace().collect();
    let at = words.iter().position(|w| *w == first)?;
    // A title ends at the name, and starts after the last word that opens
    // a clause: "His comments came as Prime Minister Tony Blair said" has
    // the title "Prime Minister", not the clause before it.
    let start = words[..at]
        .iter()
        .rposition(|w| CLAUSE_OPENERS.contains(&w.lowercase().as_str()))
        .map_or(0, |i| i + 1);
    // ("the report by telecoms giant BT", "Recent figures from the UK's
    // regulator Ofcom": the post starts after the document's "by" or
    // "from".)
    let start = words[start..at]
        .iter()
        .rposition(|w| matches!(*w, "by" | "from"))
        .filter(|&k| {
            words[start..start + k].iter().any(|w| {
                let w = w.lowercase();
                DOCUMENTS.contains(&w.as_str()) || FINDINGS.contains(&w.as_str())
            })
        })
        .map_or(start, |k| start + k + 1);
    // ("Acme's chief executive, Cynthia Musselman": not its comma.)
    let role = without_determiner(words[start..at].join(" ").trim_end_matches([',', ';', ':']));
    // "Sina.com and Sohu.com", "research by the Pew": a fragment, no title.
    if let Some(last) = role.split_whitespace().last()
        && (is_function_word(&last.lowercase()) || matches!(last, "of" | "by" | "for" | "to"))
    {
        return None;
    }
    // A form of address is no post ("Mr Mates", "Dr Fox"); what stands
    // before one is a title only if it names a post ("Labour MP Dr Ian
    // Gibson"), not a place ("In Harrogate Mr Kennedy said").
    let mut words: Vec<&str> = role.split_whitespace().collect();
    let written = words.len();
    while words
        .last()
        .is_some_and(|w| is_form_of_address(&w.trim_end_matches('.').lowercase()))
    {
        words.pop();
    }
    let addressed = words.len() < written;
    // ("Amnesty International's Jan Shaw": of Amnesty International.)
    if let Some(last) = words.last_mut() {
        *last = without_possessive(last);
    }
    let key = role_key(&words.join(" "));
    let post = key.split(' ').any(is_post_noun);
    (!key.is_empty() && (post || !addressed)).then(|| words.join(" "))
}

/// Whether a word, as written, is a form of address before a surname
/// ("Mr Theede", "Dr. Lee"): whoever has that surname is a person.
fn addresses_a_surname(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Mr." | "Mrs." | "Ms." | "Dr."
    )
}

/// Whether a word (lowercase) is a form of address, which says who is
/// meant but holds no post: "Mr", "Dr".
pub(super) fn is_form_of_address(word: &str) -> bool {
    matches!(word, "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "professor")
}

/// What follows an opening "his" or "her" ("His lawyer Ann Fox" gives
/// "lawyer Ann Fox"), if the phrase opens so.
pub(super) fn possessive(phrase: &str) -> Option<&str> {
    let (first, rest) = phrase.trim().split_once(' ')?;
    is_possessive(first).then_some(rest.trim_start())
}

/// Whether a description is a post in a body the article has just named
/// by what kind of body it is ("The political reform group's general
/// secretary", "the union's leader"), as news style calls the person it
/// has just named again: "the", some words, a kind of body with its
/// possessive, then up to three words ending in a post.
pub(super) fn body_post(description: &str) -> bool {
    let words: Vec<&str> = description.split_whitespace().collect();
    let Some(owner) = words.iter().position(|w| w.ends_with("'s") || w.ends_with("’s")) else {
        return false;
    };
    let owner_lower = words[owner].lowercase();
    let body = without_possessive(&owner_lower);
    let post = &words[owner + 1..];
    matches!(words.first(), Some(&("the" | "The")))
        && (BODY_NOUNS.contains(&body)
            || matches!(
                body,
                "group"
                    | "society"
                    | "charity"
                    | "body"
                    | "organisation"
                    | "organization"
                    | "campaign"
                    | "trust"
            ))
        && (1..=3).contains(&post.len())
        && post
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase) && is_post_noun(w))
}

/// "His" or "her", in any case: whose, a person's.
fn is_possessive(word: &str) -> bool {
    matches!(word.lowercase().as_str(), "his" | "her")
}

/// A guess at what kind of source a name is, for a reviewer to correct:
/// two to four capitalized words that are not an institution's ("UK
/// Independence Party", "Foreign Office", "Liberal Democrats") look like a
/// person's name; anything else is taken for an organization.
pub fn guess_kind(source: &str) -> &'static str {
    if is_person_name(source) {
        "person"
    } else {
        body_kind(&source.split_whitespace().collect::<Vec<_>>())
    }
}

/// Whether a source looks like one person (`guess_kind`), without telling
/// what else it would be: speaker resolution asks this of every name.
pub(super) fn is_person_name(source: &str) -> bool {
    // "the U.S. ambassador to Russia", "a Labour MP": a description of
    // one person.
    if written_as_description(source) && is_description(source) {
        return true;
    }
    // "Jo Reed's lawyer": a person's lawyer, spokesman or aide is a person.
    // (The "'s " found byte by byte: `rsplit_once` sets up a substring
    // searcher, and this runs on every name an article writes.)
    if let Some(at) = source.as_bytes().windows(3).rposition(|w| w == b"'s ")
        && let Some(last) = source[at + 3..].split_whitespace().last().map(str::to_lowercase)
        && is_post_noun(&last)
    {
        return true;
    }
    let words: Vec<&str> = source.split_whitespace().collect();
    // ("The Scottish National Party's Holyrood", "Brown's Britain": no
    // person's name has a possessive inside it.)
    let institution = words.iter().any(|w| {
        is_institution_word(without_possessive(w))
            || has_possessive(w)
            || w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
    });
    // "Boxing Day", "Election Day", "Christmas Eve": a date, however
    // much it looks like a first name and a surname.
    let holiday = words.len() == 2
        && matches!(words[1], "Day" | "Eve")
        && matches!(
            words[0],
            "Boxing"
                | "Christmas"
                | "Election"
                | "Polling"
                | "Independence"
                | "Memorial"
                | "Labor"
                | "Labour"
                | "Veterans"
                | "Armistice"
                | "Remembrance"
                | "Thanksgiving"
                | "Easter"
                | "Inauguration"
                | "Budget"
                | "Victory"
                | "Valentine's"
        );
    // "Review", "Act": a document or an event; "Downing Street", "Capitol
    // Hill": a place, which speaks for whoever works there.
    let thing = words.last().is_some_and(|w| {
        let w = without_possessive(w);
        THING_ENDS.contains(&w) || PLACE_ENDS.contains(&w)
    });
    // "Lib Dem", "Plaid Cymru": a party's name in two words ("both Tory
    // and Lib Dem leaders").
    let party = words
        .iter()
        .all(|w| NAME_QUALIFIERS.contains(&without_possessive(w)));
    // ("Henri de Bodinat": a surname's particle inside is no lowercase
    // word of a phrase.)
    let inner_particle = |i: usize| i > 0 && i + 1 < words.len() && is_name_particle(words[i]);
    let particles = (0..words.len()).filter(|&i| inner_particle(i)).count();
    let name_like = (2..=4).contains(&(words.len() - particles))
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| w.starts_with(char::is_uppercase) || inner_particle(i))
        // ("Last October, Arsenal lost": a time.)
        && !matches!(
            words[0],
            "The" | "A" | "An" | "Last" | "Next" | "This" | "Early" | "Late" | "Since" | "Until"
        )
        && !holiday
        && !thing
        && !party;
    name_like && !institution
}

/// The kind of a source that is not one person, from its words: a news
/// outlet ("Russian media", "the RIA Novosti news agency"), a state agency
/// ("U.S. intelligence agencies", "the court's press service"), a
/// government ("Russian authorities", "Moscow"), an unnamed group ("the
/// three men", "officials"), else an organization. The head noun decides,
/// the noun before any "of" or "for" ("The press service for the court").
fn body_kind(words: &[&str]) -> &'static str {
    let lower: Vec<String> = words
        .iter()
        .map(|w| without_possessive(w.trim_matches(|c: char| !c.is_alphanumeric())).lowercase())
        .collect();
    let head = described_head(words).len().min(lower.len());
    let Some(noun) = lower[..head].last() else {
        return "organization";
    };
    let noun = noun.as_str();
    let any = |set: &[&str]| lower[..head].iter().any(|w| set.contains(&w.as_str()));
    let masthead = words[..head]
        .last()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && MASTHEADS.contains(&noun));
    if any(MEDIA_WORDS) || masthead {
        "media"
    } else if matches!(
        noun,
        "agency" | "agencies" | "service" | "services" | "police" | "intelligence"
    ) || words.len() == 1 && STATE_AGENCIES.contains(&words[0])
    {
        "agency"
    } else if matches!(
        noun,
        "government" | "governments" | "authorities" | "administration" | "cabinet" | "regime"
    ) || words.len() == 1 && (CAPITALS.contains(&words[0]) || COUNTRIES.contains(&words[0]))
    {
        "government"
    } else if PEOPLE_PLURALS.contains(&noun) {
        "group"
    } else {
        "organization"
    }
}

/// Words that make a source a news outlet.
const MEDIA_WORDS: &[&str] = &[
    "media",
    "news",
    "newspaper",
    "newspapers",
    "television",
    "tv",
    "radio",
    "broadcaster",
    "magazine",
    "journalists",
    "reporters",
];

/// Nouns that end a newspaper's name ("The Washington Post"), capitalized.
const MASTHEADS: &[&str] = &[
    "times",
    "post",
    "telegraph",
    "herald",
    "gazette",
    "tribune",
    "guardian",
    "observer",
];

/// Whether a description's head noun, as written, is a person: a post or
/// a role in lowercase, an expert or a witness ("a senior official", "A
/// legal expert in the US").
fn names_a_person(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && (is_post_noun(word) || matches!(word, "expert" | "witness"))
}

/// Whether `short` is written as the initials of `full`'s capitalized
/// words ("EU" of "European Union", "WTO" of "World Trade Organisation";
/// not of "the" or "of"): two to six capitals.
fn initials_of(full: &str, short: &str) -> bool {
    if !(2..=6).contains(&short.len()) || !short.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut letters = short.bytes();
    let mut words = 0;
    for word in full.split_whitespace() {
        match word.bytes().next() {
            Some(first) if first.is_ascii_uppercase() => {
                if letters.next() != Some(first) {
                    return false;
                }
                words += 1;
            }
            _ if matches!(word, "of" | "the" | "and" | "for") => {}
            _ => return false,
        }
    }
    words >= 2 && letters.next().is_none()
}

/// State agencies known by their initials.
const STATE_AGENCIES: &[&str] = &[
    "FSB", "CIA", "FBI", "NSA", "KGB", "GRU", "SVR", "MI5", "MI6", "GCHQ", "DHS", "DOJ", "EPA", "IRS",
];

/// Capitals that news style writes for their governments ("Washington
/// has strongly rejected").
const CAPITALS: &[&str] = &[
    "Washington",
    "Moscow",
    "Beijing",
    "London",
    "Paris",
    "Berlin",
    "Tokyo",
    "Kyiv",
    "Kiev",
    "Tehran",
    "Pyongyang",
    "Seoul",
    "Ankara",
    "Damascus",
    "Baghdad",
    "Kabul",
    "Islamabad",
    "Delhi",
    "Brussels",
    "Madrid",
    "Rome",
    "Warsaw",
    "Minsk",
    "Tbilisi",
    "Riyadh",
    "Cairo",
    "Caracas",
    "Havana",
    "Ottawa",
    "Canberra",
    "Jerusalem",
    "Taipei",
];

/// Countries that news style writes for their governments ("Britain
/// said"), by their short names.
const COUNTRIES: &[&str] = &[
    "UK",
    "US",
    "USA",
    "Britain",
    "America",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Russia",
    "China",
    "Japan",
    "India",
    "Pakistan",
    "Iran",
    "Iraq",
    "Israel",
    "Syria",
    "Turkey",
    "Ukraine",
    "Poland",
    "Egypt",
    "Canada",
    "Australia",
    "Brazil",
    "Mexico",
    "Nigeria",
    "Venezuela",
    "Cuba",
    "Ireland",
];

/// Plural nouns for people: an unnamed group ("the three men",
/// "officials", "protesters").
const PEOPLE_PLURALS: &[&str] = &[
    "men",
    "women",
    "people",
    "suspects",
    "protesters",
    "protestors",
    "demonstrators",
    "residents",
    "officials",
    "critics",
    "experts",
    "analysts",
    "lawmakers",
    "legislators",
    "members",
    "leaders",
    "voters",
    "workers",
    "families",
    "activists",
    "campaigners",
    "students",
    "doctors",
    "teachers",
    "parents",
    "investigators",
    "prosecutors",
    "witnesses",
    "opponents",
    "supporters",
    "observers",
    "diplomats",
    "soldiers",
    "troops",
    "rebels",
    "militants",
    "fans",
    "victims",
    "relatives",
    "villagers",
    "locals",
    "citizens",
    "scientists",
    "researchers",
    "economists",
    "sources",
    "lawyers",
    "unions",
    "ministers",
    "executives",
    "bosses",
    "staff",
];

/// Plural or collective words that make a capitalized run a group.
const GROUP_WORDS: &[&str] = &[
    "Democrat",
    "Democrats",
    "Labour",
    "Dems",
    "Republicans",
    "Conservatives",
    "Tories",
    "Greens",
    "Nationalists",
    "Socialists",
    "House",
    "Kremlin",
    "Court",
    "Times",
    "News",
    "Post",
    "Press",
    "Group",
    "Bank",
    "Fund",
    "Board",
    "Foundation",
    "Trust",
    "Campaign",
    "Centre",
    "Center",
    "University",
    "College",
    "School",
    "Academy",
    "Hospital",
    "Police",
    "Army",
    "Navy",
    "Forces",
    "Command",
    "Authority",
    "Organisation",
    "Organization",
    "Society",
    "Club",
    "Company",
    "Corporation",
    "Inc",
    "Ltd",
    "Abroad",
    "International",
    "Watch",
    "Alliance",
    "League",
    "Federation",
    "Coalition",
    // Trades and professions in the plural: "the Council of Mortgage
    // Lenders" leaves the run "Mortgage Lenders", which is nobody's name.
    "Lenders",
    "Employers",
    "Workers",
    "Teachers",
    "Doctors",
    "Nurses",
    "Farmers",
    "Retailers",
    "Manufacturers",
    "Chambers",
    "Industries",
    "Unions",
];

/// Last words that make a capitalized run a document, a law, a plan or an
/// event ("the Gershon Review", "the Education Bill", "the G8 Summit"),
/// which no pronoun means. Last words only: "Bill" opens many a name.
const THING_ENDS: &[&str] = &[
    "Review",
    "Report",
    "Inquiry",
    "Act",
    "Bill",
    "Treaty",
    "Accord",
    "Agreement",
    "Plan",
    "Programme",
    "Program",
    "Strategy",
    "Scheme",
    "Summit",
    "Conference",
    "Convention",
    "Charter",
    "Directive",
    "Initiative",
    "Budget",
    "Manifesto",
    // Events: "this year's Berlin Film Festival will ...", then "Festival
    // director Dieter Kosslick says ... he told": no "he" means a festival.
    "Festival",
    "Awards",
    "Prize",
    "Prix",
    "Games",
    "Olympics",
    "Championship",
    "Championships",
    "Cup",
    "Trophy",
    "Tournament",
    "Open",
    "Final",
    "Show",
    "Fair",
    "Expo",
    "Exhibition",
    "Marathon",
    // ("Constitutional Affairs", "Home Affairs": a department's brief.)
    "Affairs",
];

/// Last words that make a run of capitals a place: "Downing Street", "Wall
/// Street", "Parliament Square". ("Hill" is also a surname.)
const PLACE_ENDS: &[&str] = &["Street", "Road", "Avenue", "Square", "Lane", "Boulevard"];

/// Whether a source name is a description of a person, not a name: "The
/// attorney general", "a UK Independence Party MEP".
pub(super) fn is_description(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    let head = described_head(&words);
    let Some(last) = head.last() else { return false };
    let last = last.trim_end_matches('.').lowercase();
    head.len() >= 2
        && (is_post_noun(&last)
            || is_occupation(&last)
            // ("The double Olympic champion said", after a lede by the
            // athlete; not a word written before a name, where "former
            // European champion Borussia Dortmund" is a club.)
            || matches!(last.as_str(), "champion" | "athlete" | "sprinter" | "runner"))
}

/// Whether a capitalized word is a nationality ("Palestinian", "Israeli",
/// "Chinese", "British"), by its ending or, for the few irregular ones
/// news names most, by name.
fn is_nationality(word: &str) -> bool {
    let lower = word.lowercase();
    word.starts_with(char::is_uppercase)
        && word.len() > 4
        && (["ian", "ese", "ish", "i"].iter().any(|end| lower.ends_with(end))
            || matches!(
                word,
                "American"
                    | "German"
                    | "Mexican"
                    | "Korean"
                    | "Cuban"
                    | "French"
                    | "Dutch"
                    | "Greek"
                    | "Swiss"
            ))
}

/// The letters of "the Ealing North MP", "the Salford MP": a member
/// described by their seat (up to three capitalized words, none a title
/// or a body's), which no name is, since no name takes the article.
fn member_letters(mention: &str) -> Option<&str> {
    // (Asked of every mention: no allocation unless it could be one.)
    if !(mention.starts_with("the ") || mention.starts_with("The "))
        || !MEMBER_LETTERS.iter().any(|l| mention.ends_with(l))
    {
        return None;
    }
    let words: Vec<&str> = mention.split_whitespace().collect();
    let [article, place @ .., letters] = words.as_slice() else {
        return None;
    };
    (matches!(*article, "the" | "The")
        && (1..=3).contains(&place.len())
        && MEMBER_LETTERS.contains(letters)
        && place
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !is_title(w) && !is_institution_word(w)))
    .then_some(*letters)
}

/// Whether a source is a person the article names ("Gordon Brown"), not a
/// description of one ("the chancellor").
pub(super) fn is_named_person(source: &str) -> bool {
    !is_description(source) && is_person_name(source)
}

/// Whether a source is a description of one person with the definite
/// article ("the chancellor", "The Tory leader"), which means someone the
/// article has in mind; "a spokesman" does not.
pub(super) fn is_definite_description(source: &str) -> bool {
    let mut words = source.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && is_description(source)
        && !words.any(|w| SPOKES.contains(&w.lowercase().as_str()))
}

/// A description as a lookup key: "The chancellor" and "the chancellor"
/// are one.
pub(super) fn description_key(source: &str) -> String {
    role_key(source)
}

/// How many of the speakers remembered last "it" and "they" look back on.
const RECENT_SPEAKERS: usize = 16;

/// Numbers and quantities written as words, which open a share of people
/// ("One in five", "Fifty nine percent of people", "Many"), not a body.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "half", "third", "quarter", "some",
    "many", "most", "all", "more", "fewer", "less", "nearly", "almost",
];

/// Whether a speaker that is no person is one "it" may stand for: a name
/// ("Yukos", "Football Association") or a singular thing with an article
/// ("The airline", "a Toshiba study"); not a day, a figure, a bare article,
/// a plural or a possessive phrase ("Tuesday", "40%", "One in five", "The",
/// "official figures", "its estimate").
fn could_be_it(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let rest = after_article(&words);
    let opening = rest.first().copied().unwrap_or_default();
    if first.starts_with(|c: char| c.is_ascii_digit())
        || name.contains('%')
        || super::patterns::is_day(opening)
        || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(opening))
    {
        return false;
    }
    match rest {
        [] => false,
        _ if rest.len() < words.len() => {
            // "The carrier", "a Toshiba study": a singular head noun (the
            // noun before "of": "The Association of British insurers").
            let head = described_head(&words);
            let noun = head[head.len() - 1];
            !(noun.ends_with('s') && noun.starts_with(char::is_lowercase))
        }
        _ => first.starts_with(char::is_uppercase),
    }
}

/// Whether a phrase reads as a description, not a title in capitals: it
/// opens in lowercase ("a Labour MP", "the U.S. ambassador") or has a
/// lowercase word after its article ("The attorney general"). "UK
/// Chancellor" and "The Shadow Secretary" are capitalized runs that learning
/// names meets, and guessing them persons would make them who "she" means.
fn written_as_description(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    match words.next() {
        Some(first) if first.starts_with(char::is_lowercase) => true,
        Some("The" | "A" | "An") => words.any(|w| w.starts_with(char::is_lowercase)),
        _ => false,
    }
}

/// Words without the article they open with ("the", "a", "an").
fn after_article<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    match words.split_first() {
        Some((first, rest)) if ["the", "a", "an"].iter().any(|a| a.eq_ignore_ascii_case(first)) => rest,
        _ => words,
    }
}

/// A description's words up to its head noun: "the U.S. ambassador to
/// Russia" is "the U.S. ambassador", whose post the rest says.
fn described_head<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    let preposition = words
        .iter()
        .skip(2)
        .position(|w| matches!(*w, "to" | "of" | "for" | "at" | "in" | "on" | "from"))
        .map(|at| at + 2);
    &words[..preposition.unwrap_or(words.len())]
}

/// Who speaks for an organization without a name of their own.
const SPOKES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "source",
    "sources",
];

/// Words before officials or sources that say how many or which ones,
/// not whom they speak for: "Senior officials said" names no body
/// "Senior" when the sentence capitalizes it.
const UNNAMED_MODIFIERS: &[&str] = &[
    "some",
    "many",
    "several",
    "most",
    "few",
    "all",
    "both",
    "other",
    "one",
    "two",
    "three",
    "four",
    "five",
    "senior",
    "junior",
    "top",
    "unnamed",
    "anonymous",
    "local",
    "former",
];

/// Lowercase words that rank a spokesperson's post ("official
/// spokesman", "senior official"), no part of whom it speaks for.
const POST_MODIFIERS: &[&str] = &["official", "chief", "senior", "press", "deputy"];

/// Whether a mention's words name one spokesman or spokeswoman: a
/// person, whom "he" or "she" goes on to mean.
pub(super) fn names_a_spokesperson(words: &[&str]) -> bool {
    words.iter().any(|w| {
        ["spokesman", "spokeswoman", "spokesperson"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
    })
}

/// Documents that speak for whoever issued them ("the White House
/// readout said").
const DOCUMENTS: &[&str] = &[
    "statement",
    "readout",
    "communique",
    "release",
    "letter",
    "memo",
    "report",
    "transcript",
    "filing",
    "website",
    "e-mail",
    "email",
    "book",
    "lawsuit",
    "complaint",
    "writ",
];

/// Words that make a capitalized run an organization's name.
const ORGANIZATION_WORDS: &[&str] = &[
    "Party",
    "Office",
    "Council",
    "Union",
    "Committee",
    "Department",
    "Ministry",
    "Government",
    "Parliament",
    "Assembly",
    "Commission",
    "Agency",
    "Service",
    "Association",
    "Institute",
];

/// The letters after a member's name, of the parliaments and assemblies
/// they sit in.
const MEMBER_LETTERS: &[&str] = &["MP", "MSP", "MEP", "AM", "MLA"];

/// Findings, which speak for whoever made or published them ("Labor
/// Department figures", "research by the Pew Center").
const FINDINGS: &[&str] = &[
    "figures",
    "data",
    "statistics",
    "survey",
    "study",
    "research",
    "poll",
    "analysis",
];

/// Letters written after a name: not part of it.
const POSTNOMINALS: &[&str] = &["QC", "KC", "MP", "MEP", "MSP", "AM", "MLA", "OBE", "MBE", "CBE"];

/// Lowercase nouns for a person's role that are not titles before a name.
const ROLE_NOUNS: &[&str] = &[
    "official",
    "lawyer",
    "host",
    "member",
    "head",
    "boss",
    "executive",
    "founder",
    "campaigner",
    "activist",
    "analyst",
    "economist",
    "historian",
    "author",
    "editor",
    "correspondent",
    "envoy",
    "negotiator",
    "deputy",
    "aide",
    "counsel",
    "lawmaker",
    "mep",
    "mp",
    "peer",
    // ("ITV's controller of entertainment, Claudia Rosencrantz, said")
    "controller",
    "prosecutor",
    "solicitor",
    "barrister",
    "headteacher",
    "headmaster",
    "headmistress",
    "curator",
    "ombudsman",
    "auditor",
    "registrar",
    "chairperson",
    "consul",
    "trustee",
    "coach",
    "manager",
];

/// Capitalized words that are titles, not names.
const TITLES: &[&str] = &[
    "mp",
    "mep",
    "msp",
    "qc",
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
    "councillor",
    "councilman",
    "councilwoman",
    "alderman",
    "treasurer",
    "colonel",
    "commander",
    "sergeant",
    "lieutenant",
    "admiral",
    "brigadier",
    "inspector",
    "superintendent",
    "constable",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "under-secretary",
    "undersecretary",
];

/// Posts of whoever runs a campaign or a meeting: titles before a name
/// ("Co-ordinator Peter Facey") and roles after an inverted cue ("said
/// co-ordinator Peter Facey"), one list for both.
pub(super) const ORGANISER_POSTS: &[&str] = &[
    "coordinator",
    "co-ordinator",
    "organiser",
    "organizer",
    "convener",
    "convenor",
];

/// Words that open a clause: a title before a name never holds one.
const CLAUSE_OPENERS: &[&str] = &[
    "as", "after", "before", "when", "while", "if", "but", "because", "since", "that", "said", "says",
];

/// Adverbs that open a sentence capitalized and qualify nothing after them.
/// (Days, "then", "meanwhile" and "however", function words, are asked of
/// elsewhere.)
const OPENING_ADVERBS: &[&str] = &["instead", "still", "also", "now"];

/// Whether a lowercase word is one of `FUNCTION_WORDS`: a set, since
/// every capitalized word that opens a sentence asks.
fn is_function_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FUNCTION_WORDS.iter().copied()));
    SET.contains(word)
}

const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "yet",
    "so",
    "then",
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "it",
    "this",
    "that",
    "although",
    "though",
    "since",
    "whilst",
    "because",
    "unless",
    "until",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "both",
    // ("Now Apple has won the right to ...": an opening adverb is no
    // first name.)
    "now",
    "still",
    "also",
    "instead",
    "indeed",
    "recently",
    "currently",
    "finally",
    "already",
    "perhaps",
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
    fn a_post_is_a_role_word_that_is_no_form_of_address() {
        for post in [
            "Tory co-chairman",
            "chairman of the trust",
            "Labour MP for Leeds",
            "QC and law professor",
        ] {
            assert!(names_a_post(post), "{post}");
        }
        for other in [
            "of Investec Securities",
            "on his first day as chairman",
            "Mr Lee also left",
            "friends",
        ] {
            assert!(!names_a_post(other), "{other}");
        }
    }

    #[test]
    fn a_word_opening_a_quotation_is_no_part_of_a_name() {
        let known = HashMap::new();
        let mut speakers = Speakers::new(&known);
        learn(
            &mut speakers,
            "He spoke. \"Yet Britain's answer has been generous.\"",
        );
        learn(&mut speakers, "But Jo Kell spoke later.");
        // Neither "Yet Britain" nor "But Jo Kell" was learned as a person.
        assert_eq!(speakers.resolve("Britain"), "Britain");
        assert_eq!(speakers.resolve("Kell"), "Jo Kell");
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
    fn a_known_name_is_found_without_its_honorific() {
        let known = HashMap::from([
            ("sir alan park".to_string(), "Sir Alan Park".to_string()),
            ("dame jo ross".to_string(), "Dame Jo Ross".to_string()),
            ("lord goldsmith".to_string(), "Lord Goldsmith".to_string()),
        ]);
        let mut speakers = Speakers::new(&known);
        assert_eq!(speakers.resolve("Alan Park"), "Sir Alan Park");
        assert_eq!(speakers.resolve("union leader Alan Park"), "Sir Alan Park");
        assert_eq!(speakers.resolve("Jo Ross"), "Dame Jo Ross");
        // A first name alone is not the knight; a peer's title is his name.
        assert_eq!(speakers.resolve("Alan"), "Alan");
        assert_eq!(speakers.resolve("Goldsmith"), "Goldsmith");
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
