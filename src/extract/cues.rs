//! Reporting verbs in all their forms, and multi-word cues.

use super::wordset::WordSet;

/// Every form of the reporting verbs claimtrack recognises, lowercase.
const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "deny",
    "denies",
    "denied",
    "denying",
    "accuse",
    "accuses",
    "accused",
    "allege",
    "alleges",
    "alleged",
    "announce",
    "announces",
    "announced",
    "stated",
    "insist",
    "insists",
    "insisted",
    "warn",
    "warns",
    "warned",
    "write",
    "writes",
    "wrote",
    "written",
    "tweet",
    "tweets",
    "tweeted",
    "confirm",
    "confirms",
    "confirmed",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "report",
    "reports",
    "reported",
    "stress",
    "stresses",
    "stressed",
    "note",
    "notes",
    "noted",
    "argue",
    "argues",
    "argued",
    "explain",
    "explains",
    "explained",
    "assert",
    "asserts",
    "asserted",
    "suggest",
    "suggests",
    "suggested",
    "predict",
    "predicts",
    "predicted",
    "complain",
    "complains",
    "complained",
    "maintain",
    "maintains",
    "maintained",
    "recall",
    "recalls",
    "recalled",
    "testify",
    "testifies",
    "testified",
    "declare",
    "declares",
    "declared",
    "promised",
    "vow",
    "vows",
    "vowed",
    "contend",
    "contends",
    "contended",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "admit",
    "admits",
    "admitted",
    "reveal",
    "reveals",
    "revealed",
    "estimate",
    "estimates",
    "estimated",
    "charge",
    "charges",
    "charged",
    "concede",
    "concedes",
    "conceded",
    "emphasize",
    "emphasizes",
    "emphasized",
    "observe",
    "observes",
    "observed",
    "remark",
    "remarks",
    "remarked",
    "disclose",
    "discloses",
    "disclosed",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "ask",
    "asks",
    "asked",
    "answer",
    "answers",
    "answered",
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "find",
    "boast",
    "boasts",
    "boasted",
    "joke",
    "joked",
    "quip",
    "quipped",
    "indicate",
    "indicates",
    "indicated",
    "tout",
    "touts",
    "touted",
    "contradict",
    "contradicts",
    "contradicted",
    "counter",
    "counters",
    "countered",
    "assure",
    "assures",
    "assured",
    "threaten",
    "threatens",
    "threatened",
    "speculate",
    "speculates",
    "speculated",
];

/// Forms that are reporting verbs but far more often something else in
/// news text ("the United States", "a tweet", "he found"): the extractor
/// does not take them as cues, though the evaluation's gold counts them.
const LOW_PRECISION: &[&str] = &[
    "state",
    "states",
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "find",
    "answer",
    "answers",
    "answered",
    "ask",
    "asks",
    "asked",
    "pledge",
    "pledges",
    "promise",
    "promises",
    "tweet",
    "tweets",
    "estimate",
    "estimates",
    "charge",
    "charges",
    "note",
];

/// Whether a word is a form of a speech or report verb (the evaluation's
/// definition of gold).
pub fn is_speech_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    SPEECH.contains(&lower.as_str())
}

/// Whether the extractor takes a word, given in lowercase (`Token::lower`),
/// as a cue. Asked of most words of every sentence: a `WordSet`, whose
/// test of the word's length and ends turns most words away unhashed. (No
/// assertion that the word is lowercase: some letters, such as the
/// mathematical capitals, have no lowercase form and stay uppercase.)
pub fn is_cue_word(lowercase: &str) -> bool {
    static CUES: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
        WordSet::new(SPEECH.iter().copied().filter(|w| !LOW_PRECISION.contains(w)))
    });
    CUES.contains(lowercase)
}

/// Forms that usually report speech only when used as verbs; as nouns
/// ("the report", "a statement") they are not cues. Checked by position.
pub fn is_ambiguous_noun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "report"
            | "reports"
            | "claim"
            | "claims"
            | "note"
            | "notes"
            | "state"
            | "states"
            | "show"
            | "shows"
            | "charge"
            | "charges"
            | "answer"
            | "find"
            | "estimate"
            | "estimates"
            | "tweet"
            | "tweets"
            | "promise"
            | "promises"
            | "counter"
            | "remark"
            | "remarks"
            | "found"
            | "add"
            | "ask"
            | "say"
            | "tell"
            | "warn"
            | "argue"
            | "deny"
    )
}

/// Whether a word after a cue opens where, when, how, to whom or of what
/// it was said ("said to a crowd", "asked when the host laughed", "added
/// with a smile", "said of Apple"), not what was said.
pub fn opens_setting(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "of"
            | "about"
            | "at"
            | "to"
            | "from"
            | "with"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "as"
            | "outside"
            | "via"
            | "following"
            | "yesterday"
            | "today"
            | "tonight"
            | "earlier"
            | "later"
            | "recently"
    )
}
