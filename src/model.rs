//! The things claimtrack tracks: sources, articles, claims, their status
//! history and the links between claims, plus the small vocabularies
//! (statuses, source kinds, relations) that the database stores as text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::error::Error;

/// Defines a closed vocabulary stored as lowercase text: `as_str`, `ALL`,
/// `FromStr` (case-insensitive, with a "did you mean" on a typo), `Display`
/// and serde, so that every vocabulary round-trips through the database,
/// the command line and JSON identically.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the order documented.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the database and printed.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(given: &str) -> Result<Self, Error> {
                let wanted = given.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| {
                        let names: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        Error::Invalid(unknown_word_message($what, given, &names))
                    })
            }
        }
    };
}

/// "unknown status 'confirmd' (did you mean 'confirmed'?); expected one of ...".
fn unknown_word_message(what: &str, given: &str, names: &[&str]) -> String {
    let closest = names
        .iter()
        .map(|n| (strsim::damerau_levenshtein(&given.to_lowercase(), n), *n))
        .filter(|(distance, _)| *distance <= 2)
        .min();
    let hint = closest
        .map(|(_, n)| format!(" (did you mean '{n}'?)"))
        .unwrap_or_default();
    format!(
        "unknown {what} '{given}'{hint}; expected one of {}",
        names.join(", ")
    )
}

vocabulary!(
    /// Where a claim stands. See `docs/statuses.md` for when to use each.
    Status, "status", {
        /// Logged, not yet checked (the default).
        Unverified = "unverified",
        /// Credible sources contest it; not settled.
        Disputed = "disputed",
        /// Evidence shows it is true.
        Confirmed = "confirmed",
        /// Evidence shows it is false.
        Refuted = "refuted",
        /// It cannot be checked with the evidence that exists or can exist.
        Unverifiable = "unverifiable",
        /// Its source withdrew it.
        Retracted = "retracted",
    }
);

vocabulary!(
    /// What sort of source makes a claim.
    SourceKind, "source kind", {
        /// A named individual.
        Person = "person",
        /// A company, party, NGO, office such as the Kremlin or the White House.
        Organization = "organization",
        /// A state or its government as a whole.
        Government = "government",
        /// A state agency: the FSB, the CIA, a court's press service.
        Agency = "agency",
        /// A news outlet or agency.
        Media = "media",
        /// A loose or unnamed group: suspects, protesters, "officials".
        Group = "group",
    }
);

vocabulary!(
    /// How one claim relates to another (`A contradicts B`).
    Relation, "relation", {
        /// A and B cannot both be true.
        Contradicts = "contradicts",
        /// A is evidence for B.
        Supports = "supports",
        /// A restates B.
        Repeats = "repeats",
        /// A is a denial of B by the party B is about.
        Denies = "denies",
        /// A withdraws B.
        Retracts = "retracts",
    }
);

/// A calendar date as claimtrack stores it: `YYYY-MM-DD`, checked to be a
/// real day (2017-02-30 is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

const DAY_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl Day {
    /// The first moment after this day, as a stored UTC timestamp prefix:
    /// every timestamp of this day or earlier sorts before it.
    pub fn end_cutoff(self) -> String {
        match self.0.next_day() {
            Some(next) => Day(next).to_string(),
            None => "9999-12-32".to_string(),
        }
    }
}

impl FromStr for Day {
    type Err = Error;

    fn from_str(given: &str) -> Result<Self, Error> {
        let trimmed = given.trim();
        // `time` accepts years wider than four digits with a sign; claimtrack
        // stores dates as sortable text, so insist on the plain form.
        let shaped = trimmed.len() == 10
            && trimmed.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shaped {
            return Err(Error::Invalid(format!(
                "invalid date '{given}': expected YYYY-MM-DD"
            )));
        }
        Date::parse(trimmed, DAY_FORMAT)
            .map(Day)
            .map_err(|_| Error::Invalid(format!("invalid date '{given}': no such day in the calendar")))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.format(DAY_FORMAT).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

/// The short form of a UUID shown to people: its last 8 hex digits. The
/// leading digits of a UUIDv7 are a timestamp shared by everything made in
/// the same minute, while the last 32 bits are random.
pub fn short_id(id: &Uuid) -> String {
    let simple = id.simple().to_string();
    simple[24..].to_string()
}

/// The first `chars` characters of `text`, with an ellipsis when cut.
pub fn excerpt(text: &str, chars: usize) -> String {
    let mut cut: String = text.chars().take(chars).collect();
    if text.chars().nth(chars).is_some() {
        cut.push('…');
    }
    cut
}

/// Checks a tag wherever one comes in (a flag, a claim file, a table row):
/// not empty, no control characters, no ';' (the separator of tag lists in
/// CSV). Returns the trimmed tag, or why it is not one.
pub fn checked_tag(given: &str) -> Result<String, String> {
    let trimmed = given.trim();
    if trimmed.is_empty() || trimmed.contains(';') || trimmed.chars().any(char::is_control) {
        return Err(format!(
            "'{given}' is not a tag (tags are non-empty, without ';' or control characters)"
        ));
    }
    Ok(trimmed.to_string())
}

/// Checks a language tag wherever one comes in and writes it the way
/// BCP 47 recommends: "en", "pt-BR", "zh-Hant-TW", "es-419". Its parts are
/// letters and digits between hyphens, the first two or three letters;
/// the language in lower case, a script in title case, a region in upper
/// case. Returns the tag, or why it is not one.
pub fn checked_language(given: &str) -> Result<String, String> {
    let trimmed = given.trim().replace('_', "-");
    let refused = || {
        format!("'{given}' is not a language tag (expected a BCP 47 tag such as en, de, pt-BR or zh-Hant)")
    };
    let mut parts = trimmed.split('-');
    let language = parts.next().unwrap_or_default();
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(refused());
    }
    let mut tag = language.to_ascii_lowercase();
    for part in parts {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(refused());
        }
        tag.push('-');
        match part.len() {
            2 if part.chars().all(|c| c.is_ascii_alphabetic()) => tag.push_str(&part.to_ascii_uppercase()),
            4 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                tag.push_str(&part[..1].to_ascii_uppercase());
                tag.push_str(&part[1..].to_ascii_lowercase());
            }
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    if tag.len() > 35 {
        return Err(refused());
    }
    Ok(tag)
}

/// A source with its claim counts, as `source list` and `source show` print it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    /// The source itself.
    #[serde(flatten)]
    pub source: Source,
    /// Organizations it speaks for.
    pub speaks_for: Vec<SpeaksFor>,
    /// Sources that speak for it.
    pub spoken_for_by: Vec<SpeaksFor>,
    /// How many claims it made.
    pub claims: i64,
}

/// A person or body that makes claims.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Internal key; not shown.
    #[serde(skip)]
    pub key: i64,
    /// Unique, case-insensitive.
    pub name: String,
    /// What sort of source.
    pub kind: SourceKind,
    /// Description, job, party, region.
    #[serde(flatten)]
    pub profile: SourceProfile,
    /// Other names it goes by.
    pub aliases: Vec<String>,
}

/// What is known of a source beyond its name and kind; each part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceProfile {
    /// Free text.
    pub description: Option<String>,
    /// Job title ("U.S. senator"), as a data set gives it.
    pub job: Option<String>,
    /// Party affiliation.
    pub party: Option<String>,
    /// State or region.
    pub region: Option<String>,
}

impl SourceProfile {
    /// This profile with every part `other` gives replaced: an import that
    /// says nothing of a part keeps what the database knows.
    pub fn updated_by(&self, other: &SourceProfile) -> SourceProfile {
        SourceProfile {
            description: other.description.clone().or_else(|| self.description.clone()),
            job: other.job.clone().or_else(|| self.job.clone()),
            party: other.party.clone().or_else(|| self.party.clone()),
            region: other.region.clone().or_else(|| self.region.clone()),
        }
    }
}

/// One "speaks for" link: `speaker` speaks for `organization`.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SpeaksFor {
    /// Who speaks.
    pub speaker: String,
    /// For whom.
    pub organization: String,
    /// In which role ("press secretary"); empty when not given.
    pub role: String,
    /// First day of the role, if known.
    pub since: Option<String>,
    /// Last day of the role, if known.
    pub until: Option<String>,
}

/// A published piece the claims come from.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Internal key; not shown.
    #[serde(skip)]
    pub key: i64,
    /// Public id.
    pub id: Uuid,
    /// Unique.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub publisher: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published_on: Option<String>,
    /// SHA-256 of the body snapshot, hex, when one was stored.
    pub body_sha256: Option<String>,
    /// Length of the body snapshot in characters, when one was stored.
    pub body_chars: Option<i64>,
    /// When it was logged (UTC).
    pub created_at: String,
    /// How many claims cite it.
    pub claims: i64,
    /// How many earlier bodies were replaced and kept.
    pub earlier_snapshots: i64,
}

/// An earlier body of an article, kept when a newer one replaced it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSnapshot {
    /// SHA-256 of the body, hex.
    pub body_sha256: String,
    /// Its length in characters.
    pub body_chars: i64,
    /// When a newer body replaced it (UTC).
    pub replaced_at: String,
    /// The operation that replaced it.
    pub replaced_by: i64,
    /// Claims whose quotes are anchored in it.
    pub anchored_quotes: i64,
}

/// A claim as listed and shown.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Internal key; not shown.
    #[serde(skip)]
    pub key: i64,
    /// Public id (UUIDv7 when logged by hand).
    pub id: Uuid,
    /// Who made it (the source's name).
    pub source: String,
    /// The claim, stated so that it can be checked.
    pub text: String,
    /// The verbatim words, when quoted.
    pub quote: Option<String>,
    /// When it was made, `YYYY-MM-DD`.
    pub said_on: Option<String>,
    /// Where it was reported.
    pub article_id: Option<Uuid>,
    /// The article's URL.
    pub article_url: Option<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Current status.
    pub status: Status,
    /// A verdict label kept verbatim ("Mostly False").
    pub rating: Option<String>,
    /// When it was logged (UTC).
    pub created_at: String,
    /// When it last changed (UTC).
    pub updated_at: String,
    /// Where it came from outside claimtrack (a data set's row id).
    pub origin: Option<String>,
    /// The language it was made in (BCP 47), when recorded.
    pub language: Option<String>,
}

/// One claim, flattened for export.
#[derive(Debug, Clone)]
pub struct ClaimRow {
    /// Internal key: the next page starts after it.
    pub key: i64,
    /// Public id.
    pub id: uuid::Uuid,
    /// Source name.
    pub source: String,
    /// Source kind.
    pub source_kind: SourceKind,
    /// The claim.
    pub text: String,
    /// Verbatim words.
    pub quote: Option<String>,
    /// When it was made.
    pub said_on: Option<String>,
    /// Current status.
    pub status: Status,
    /// Latest rating label.
    pub rating: Option<String>,
    /// The latest event's note.
    pub note: Option<String>,
    /// Who recorded the latest event.
    pub reviewer: String,
    /// The day the latest event took effect.
    pub reviewed_on: String,
    /// Every evidence URL of the history, oldest first, once each.
    pub evidence: Vec<String>,
    /// The source's job title.
    pub source_job: Option<String>,
    /// The source's party.
    pub source_party: Option<String>,
    /// When the claim last changed (UTC).
    pub updated_at: String,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// The article's URL, title, publisher and publication day.
    pub article_url: Option<String>,
    /// Headline.
    pub article_title: Option<String>,
    /// Outlet.
    pub article_publisher: Option<String>,
    /// Publication day.
    pub article_published: Option<String>,
    /// Where it came from outside claimtrack.
    pub origin: Option<String>,
    /// The language it was made in.
    pub language: Option<String>,
}

/// One entry of a claim's status history.
#[derive(Debug, Clone, Serialize)]
pub struct StatusEvent {
    /// The claim it belongs to.
    pub claim_id: Uuid,
    /// The status before; `None` for the event that logged the claim.
    pub from: Option<Status>,
    /// The status after.
    pub to: Status,
    /// A rating label given with this event.
    pub rating: Option<String>,
    /// Why.
    pub note: Option<String>,
    /// URLs of the evidence.
    pub evidence: Vec<String>,
    /// Who recorded it.
    pub actor: String,
    /// When (UTC): when it was recorded, or for history from a claim file
    /// or review, the time that gives.
    pub at: String,
    /// The day the verdict took effect: the day of `at`, unless it was
    /// recorded later for an earlier day (`mark --on`).
    pub effective_on: String,
}

/// A link between two claims, seen from one of them.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimLink {
    /// The claim the relation starts from.
    pub from_id: Uuid,
    /// The relation: `from` contradicts `to`.
    pub relation: Relation,
    /// The claim it points to.
    pub to_id: Uuid,
    /// The other claim's source.
    pub other_source: String,
    /// The other claim's text.
    pub other_text: String,
}

/// The current time as claimtrack stores it: UTC, microseconds, `Z`.
pub fn now_timestamp() -> String {
    format_timestamp(time::OffsetDateTime::now_utc())
}

/// Formats a moment as a stored timestamp (`2017-12-18T09:30:00.000000Z`):
/// fixed width, so that text order is time order.
pub fn format_timestamp(at: time::OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
        utc.microsecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_checked_and_written_in_their_canonical_case() {
        for (given, tag) in [
            ("en", "en"),
            (" DE ", "de"),
            ("pt-br", "pt-BR"),
            ("pt_BR", "pt-BR"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("fil", "fil"),
        ] {
            assert_eq!(checked_language(given).as_deref(), Ok(tag), "{given}");
        }
        for bad in ["", "e", "english", "en-", "en--US", "de CH", "12", "en-abcdefghi"] {
            let message = checked_language(bad).unwrap_err();
            assert!(message.contains(&format!("'{bad}'")), "{message}");
        }
    }

    #[test]
    fn statuses_round_trip_through_their_text() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>().unwrap(), *status);
            assert_eq!(status.as_str().to_uppercase().parse::<Status>().unwrap(), *status);
        }
    }

    #[test]
    fn an_unknown_status_names_the_value_and_suggests_the_closest() {
        let message = "confirmd".parse::<Status>().unwrap_err().to_string();
        assert!(message.contains("'confirmd'"), "{message}");
        assert!(message.contains("did you mean 'confirmed'"), "{message}");
        let far = "banana".parse::<Status>().unwrap_err().to_string();
        assert!(!far.contains("did you mean"), "{far}");
    }

    #[test]
    fn days_must_be_real_calendar_days_in_plain_form() {
        assert_eq!("2017-12-18".parse::<Day>().unwrap().to_string(), "2017-12-18");
        for bad in [
            "2017-02-30",
            "2017-13-01",
            "17-12-18",
            "2017/12/18",
            "2017-1-18",
            "",
            "+02017-12-18",
        ] {
            let err = bad.parse::<Day>().unwrap_err().to_string();
            assert!(err.contains(&format!("'{bad}'")), "{bad}: {err}");
        }
        assert_eq!("2016-02-29".parse::<Day>().unwrap().end_cutoff(), "2016-03-01");
    }

    #[test]
    fn short_ids_are_the_random_tail_of_the_uuid() {
        let id = Uuid::parse_str("0193a5b2-7c1e-7d3a-8f00-1234abcd5678").unwrap();
        assert_eq!(short_id(&id), "abcd5678");
    }
}
