//! Claim files: TOML, one file per article, holding the article, the
//! sources it cites, its claims with their histories, and the links between
//! them. `docs/file-format.md` is the reference.
//!
//! Parsing is two steps. serde reads the TOML into documents whose values
//! keep their byte spans; [`parse`] then checks every value (statuses,
//! dates, ids, keys) and produces specs that remember where each value
//! stood, so that any later error, even one found against the database,
//! names `file:line:column`.

mod export;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use uuid::Uuid;

use crate::model::{Day, Relation, SourceKind, SourceProfile, Status};

pub use export::{
    ClaimFileContents, ExportedClaim, NO_ARTICLE_FILE, file_names, multiline, quoted, render,
    write_atomically,
};

/// A place in a claim file: `file:line:column` (1-based; the column counts
/// characters). A column of 0 means the whole line (a row of a table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    /// The file (shared: a file's places all name it).
    pub file: std::sync::Arc<Path>,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            0 => write!(f, "{}:{}", self.file.display(), self.line),
            column => write!(f, "{}:{}:{column}", self.file.display(), self.line),
        }
    }
}

/// One problem found in a claim file.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Where.
    pub loc: Loc,
    /// What, naming the offending text.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.loc, self.message)
    }
}

/// A parsed, checked claim file.
#[derive(Debug, Clone)]
pub struct ClaimFile {
    /// Where it came from.
    pub path: PathBuf,
    /// The article, if the claims come from one.
    pub article: Option<ArticleSpec>,
    /// Sources declared in the file.
    pub sources: Vec<SourceSpec>,
    /// Its claims, in file order.
    pub claims: Vec<ClaimSpec>,
    /// Links between claims.
    pub links: Vec<LinkSpec>,
    /// Whether a claim seen earlier in the run may come again (data sets
    /// repeat rows; a repeat's new history is appended): false for claim
    /// files, where a repeated id is an error.
    pub merge_repeats: bool,
}

/// `[article]`.
#[derive(Debug, Clone)]
pub struct ArticleSpec {
    /// Where the table starts.
    pub loc: Loc,
    /// Unique URL.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub publisher: Option<String>,
    /// Publication day.
    pub published: Option<Day>,
    /// The body snapshot, read from `body` or `body_file`.
    pub body: Option<String>,
    /// Whether the source format carries only part of an article (a CSV
    /// row, a ClaimReview's appearance): then a missing body, publisher or
    /// date keeps what the database has, and an empty title means unknown.
    pub partial: bool,
}

/// `[[sources]]`.
#[derive(Debug, Clone)]
pub struct SourceSpec {
    /// Where the name is.
    pub loc: Loc,
    /// Display name.
    pub name: String,
    /// Kind: always given in a claim file; other formats may not know it
    /// (a new source then becomes a person, an existing one keeps its kind).
    pub kind: Option<SourceKind>,
    /// Description, job, party, region: the parts given replace the
    /// database's, the parts not given are kept.
    pub profile: SourceProfile,
    /// Other names, each with where it stands.
    pub aliases: Vec<(String, Loc)>,
    /// Organizations it speaks for.
    pub speaks_for: Vec<SpeaksForSpec>,
}

/// One `speaks_for` entry.
#[derive(Debug, Clone)]
pub struct SpeaksForSpec {
    /// Where the organization's name is.
    pub loc: Loc,
    /// The organization's name or alias.
    pub organization: String,
    /// The role.
    pub role: String,
    /// First day.
    pub since: Option<Day>,
    /// Last day.
    pub until: Option<Day>,
}

/// `[[claims]]`.
#[derive(Debug, Clone)]
pub struct ClaimSpec {
    /// Where the claim's table starts.
    pub loc: Loc,
    /// The claim's id: given, or derived (see [`derived_id`]).
    pub id: Uuid,
    /// Where the id is given (the claim's table when derived).
    pub id_loc: Loc,
    /// A key local to the file, for links.
    pub key: Option<String>,
    /// The source's name or alias, and where it stands.
    pub by: (String, Loc),
    /// The claim.
    pub text: String,
    /// Verbatim words, and where they stand.
    pub quote: Option<(String, Loc)>,
    /// Where the quote stands in the article's snapshot, when there is one
    /// and the quote is found in it (computed while parsing).
    pub anchor: Option<crate::anchor::QuoteAnchor>,
    /// When it was made.
    pub said_on: Option<Day>,
    /// Its current status, when the file says.
    pub status: Option<Status>,
    /// Verdict label.
    pub rating: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Its history, oldest first.
    pub history: Vec<EventSpec>,
    /// Where it came from outside claimtrack (a data set's row id).
    pub origin: Option<String>,
    /// The language it was made in (a checked BCP 47 tag).
    pub language: Option<String>,
    /// The note of the event that sets `status` (a data set's context or
    /// a spreadsheet's note column).
    pub note: Option<String>,
    /// Which of the optional fields the file states; the others are left
    /// as the database has them when the claim exists.
    pub stated: Stated,
    /// What a sheet says of the verdict its `status` sets: the evidence
    /// URLs, who reviewed it, and the day the review took effect.
    pub review: Review,
}

/// A sheet's review columns (`evidence`, `reviewer`, `reviewed_on`).
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// Evidence URLs.
    pub evidence: Vec<String>,
    /// Who reviewed it.
    pub reviewer: Option<String>,
    /// The day the review took effect.
    pub reviewed_on: Option<Day>,
}

/// Which of a claim's optional fields a file states. A claim file states
/// them all (a key left out means empty); a sheet states the columns it
/// has, a JSON line the keys it has, a data set what its format can say.
/// A field a file does not state is left alone on import: a sheet without
/// a `tags` column does not wipe a claim's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    /// The verbatim quote.
    pub quote: bool,
    /// The day it was said.
    pub said_on: bool,
    /// The tags.
    pub tags: bool,
    /// The article it comes from.
    pub article: bool,
    /// The language it was made in.
    pub language: bool,
}

impl Stated {
    /// Every field (a claim file).
    pub const ALL: Stated = Stated {
        quote: true,
        said_on: true,
        tags: true,
        article: true,
        language: true,
    };
    /// None of the optional fields.
    pub const NONE: Stated = Stated {
        quote: false,
        said_on: false,
        tags: false,
        article: false,
        language: false,
    };
}

/// `[[claims.history]]`.
#[derive(Debug, Clone)]
pub struct EventSpec {
    /// Where it stands.
    pub loc: Loc,
    /// The status it moved to.
    pub status: Status,
    /// When (a stored UTC timestamp).
    pub at: String,
    /// Who.
    pub actor: Option<String>,
    /// Why.
    pub note: Option<String>,
    /// Verdict label.
    pub rating: Option<String>,
    /// Evidence URLs.
    pub evidence: Vec<String>,
    /// The day it took effect, when earlier than the day of `at`.
    pub on: Option<Day>,
}

/// `[[links]]`: claims named by local key or id.
#[derive(Debug, Clone)]
pub struct LinkSpec {
    /// Where the link starts.
    pub from: (String, Loc),
    /// The relation.
    pub relation: Relation,
    /// Where it points.
    pub to: (String, Loc),
}

/// The namespace of derived claim ids (a UUIDv5 of "claimtrack.claim").
pub fn claim_namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://claimtrack.invalid/claim")
}

/// The id of a claim that a file gives no `id`: a UUIDv5 over the article
/// URL (empty without an article), the source's name as written, and the
/// claim's text, separated by newlines. The same claim in the same file
/// always gets the same id, so importing twice changes nothing.
pub fn derived_id(article_url: Option<&str>, by: &str, text: &str) -> Uuid {
    let name = format!(
        "{}\n{}\n{}",
        article_url.unwrap_or(""),
        crate::names::fold_name(by),
        text.trim()
    );
    Uuid::new_v5(&claim_namespace(), name.as_bytes())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    article: Option<Spanned<ArticleDoc>>,
    #[serde(default)]
    sources: Vec<Spanned<SourceDoc>>,
    #[serde(default)]
    claims: Vec<Spanned<ClaimDoc>>,
    #[serde(default)]
    links: Vec<Spanned<LinkDoc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleDoc {
    url: Spanned<String>,
    title: Spanned<String>,
    publisher: Option<String>,
    published: Option<Spanned<toml::Value>>,
    body: Option<String>,
    body_file: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDoc {
    name: Spanned<String>,
    kind: Spanned<String>,
    description: Option<String>,
    job: Option<String>,
    party: Option<String>,
    region: Option<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    speaks_for: Vec<Spanned<SpeaksForDoc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeaksForDoc {
    organization: Spanned<String>,
    role: Option<String>,
    since: Option<Spanned<toml::Value>>,
    until: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimDoc {
    key: Option<Spanned<String>>,
    id: Option<Spanned<String>>,
    by: Spanned<String>,
    text: Spanned<String>,
    quote: Option<Spanned<String>>,
    said_on: Option<Spanned<toml::Value>>,
    status: Option<Spanned<String>>,
    rating: Option<String>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    #[serde(default)]
    history: Vec<Spanned<EventDoc>>,
    origin: Option<String>,
    language: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventDoc {
    status: Spanned<String>,
    at: Spanned<toml::Value>,
    on: Option<Spanned<toml::Value>>,
    by: Option<String>,
    note: Option<String>,
    rating: Option<String>,
    #[serde(default)]
    evidence: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkDoc {
    from: Spanned<String>,
    relation: Spanned<String>,
    to: Spanned<String>,
}

/// Turns byte offsets in one file into `file:line:column`.
pub(crate) struct Locator<'a> {
    path: std::sync::Arc<Path>,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(path: &'a Path, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            path: std::sync::Arc::from(path),
            text,
            line_starts,
        }
    }

    pub(crate) fn at(&self, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        Loc {
            file: self.path.clone(),
            line,
            column,
        }
    }

    fn of<T>(&self, spanned: &Spanned<T>) -> Loc {
        self.at(spanned.span().start)
    }
}

/// Reads and checks one claim file. Every problem found is returned, each
/// naming its place; none is fatal to finding the others.
pub fn parse(path: &Path, text: &str) -> Result<ClaimFile, Vec<Problem>> {
    // A byte-order mark is not a character an editor counts: positions are
    // taken in the text after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let locate = Locator::new(path, text);
    let doc: FileDoc = match toml::from_str(text) {
        Ok(doc) => doc,
        Err(error) => {
            let span = error.span();
            let offset = span.as_ref().map_or(0, |s| s.start);
            let mut message = toml_message(&error);
            // Name the offending text when toml's message does not.
            let at = span
                .and_then(|s| text.get(s))
                .map(str::trim)
                .filter(|t| !t.is_empty() && !t.contains('\n'));
            if let Some(at) = at
                && !message.contains(at)
            {
                message.push_str(&format!(" (at '{}')", crate::model::excerpt(at, 40)));
            }
            return Err(vec![Problem {
                loc: locate.at(offset),
                message,
            }]);
        }
    };
    if doc.article.is_none() && doc.sources.is_empty() && doc.claims.is_empty() && doc.links.is_empty() {
        return Err(vec![Problem {
            loc: locate.at(0),
            message: "the file is empty: no [article], [[sources]], [[claims]] or [[links]]".into(),
        }]);
    }
    let mut problems = Vec::new();
    let mut problem = |loc: Loc, message: String| problems.push(Problem { loc, message });

    let article = doc.article.map(|spanned| {
        let loc = locate.of(&spanned);
        let a = spanned.into_inner();
        let url = a.url.get_ref().trim().to_string();
        if url.is_empty() || url.chars().any(char::is_whitespace) || !url.contains("://") {
            problem(locate.of(&a.url), format!("'{url}' is not a URL"));
        }
        if a.title.get_ref().trim().is_empty() {
            problem(locate.of(&a.title), "an article title cannot be empty".into());
        }
        let body = match (a.body, &a.body_file) {
            (Some(_), Some(file)) => {
                problem(locate.of(file), "give either body or body_file, not both".into());
                None
            }
            (Some(body), None) => Some(body),
            (None, Some(file)) => match inside_folder(path, file.get_ref()).and_then(std::fs::read) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(body) => Some(body),
                    Err(e) => {
                        let offset = e.utf8_error().valid_up_to();
                        problem(
                            locate.of(file),
                            format!(
                                "body_file '{}' is not UTF-8 (invalid byte at offset {offset})",
                                file.get_ref()
                            ),
                        );
                        None
                    }
                },
                Err(e) => {
                    problem(
                        locate.of(file),
                        format!("cannot read body_file '{}': {e}", file.get_ref()),
                    );
                    None
                }
            },
            (None, None) => None,
        };
        let published = a
            .published
            .as_ref()
            .and_then(|v| day_value(&locate, v, "published", &mut problem));
        ArticleSpec {
            loc,
            url,
            title: a.title.into_inner().trim().to_string(),
            publisher: a
                .publisher
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            published,
            body,
            partial: false,
        }
    });

    let mut sources = Vec::new();
    for spanned in doc.sources {
        let s = spanned.into_inner();
        let loc = locate.of(&s.name);
        let name = s.name.get_ref().trim().to_string();
        if name.is_empty() {
            problem(loc.clone(), "a source name cannot be empty".into());
        }
        let kind = match s.kind.get_ref().parse::<SourceKind>() {
            Ok(kind) => kind,
            Err(e) => {
                problem(locate.of(&s.kind), e.to_string());
                SourceKind::Person
            }
        };
        let aliases = s
            .aliases
            .iter()
            .map(|a| (a.get_ref().trim().to_string(), locate.of(a)))
            .collect();
        let speaks_for = s
            .speaks_for
            .into_iter()
            .map(|entry| {
                let e = entry.into_inner();
                SpeaksForSpec {
                    loc: locate.of(&e.organization),
                    organization: e.organization.get_ref().trim().to_string(),
                    role: e.role.unwrap_or_default().trim().to_string(),
                    since: e
                        .since
                        .as_ref()
                        .and_then(|v| day_value(&locate, v, "since", &mut problem)),
                    until: e
                        .until
                        .as_ref()
                        .and_then(|v| day_value(&locate, v, "until", &mut problem)),
                }
            })
            .collect();
        sources.push(SourceSpec {
            loc,
            name,
            kind: Some(kind),
            profile: SourceProfile {
                description: s.description,
                job: nonblank(s.job),
                party: nonblank(s.party),
                region: nonblank(s.region),
            },
            aliases,
            speaks_for,
        });
    }

    let article_url = article.as_ref().map(|a| a.url.clone());
    let mut claims = Vec::new();
    let mut keys: HashMap<String, Loc> = HashMap::new();
    for spanned in doc.claims {
        let loc = locate.of(&spanned);
        let c = spanned.into_inner();
        let text = c.text.get_ref().trim().to_string();
        if text.is_empty() {
            problem(locate.of(&c.text), "a claim's text cannot be empty".into());
        }
        let id = match &c.id {
            Some(id) => match Uuid::parse_str(id.get_ref().trim()) {
                Ok(id) => id,
                Err(_) => {
                    problem(
                        locate.of(id),
                        format!("invalid claim id '{}': expected a UUID", id.get_ref()),
                    );
                    Uuid::nil()
                }
            },
            None => derived_id(article_url.as_deref(), c.by.get_ref(), &text),
        };
        let key = c.key.as_ref().map(|k| k.get_ref().trim().to_string());
        if let (Some(name), Some(spanned_key)) = (&key, &c.key) {
            if let Some(first) = keys.get(name) {
                problem(
                    locate.of(spanned_key),
                    format!("duplicate key '{name}' (first used at {first})"),
                );
            } else {
                keys.insert(name.clone(), locate.of(spanned_key));
            }
        }
        let status = c
            .status
            .as_ref()
            .and_then(|s| match s.get_ref().parse::<Status>() {
                Ok(status) => Some(status),
                Err(e) => {
                    problem(locate.of(s), e.to_string());
                    None
                }
            });
        let mut tags = Vec::new();
        for tag in &c.tags {
            match crate::model::checked_tag(tag.get_ref()) {
                Ok(checked) => tags.push(checked),
                Err(message) => problem(locate.of(tag), message),
            }
        }
        let mut history = Vec::new();
        for event in c.history {
            let event_loc = locate.of(&event);
            let e = event.into_inner();
            let status = match e.status.get_ref().parse::<Status>() {
                Ok(status) => status,
                Err(err) => {
                    problem(locate.of(&e.status), err.to_string());
                    continue;
                }
            };
            let Some(at) = timestamp_value(&locate, &e.at, &mut problem) else {
                continue;
            };
            if let Some(previous) = history.last().map(|p: &EventSpec| p.at.clone())
                && at < previous
            {
                problem(
                    locate.of(&e.at),
                    format!("history entry at {at} is earlier than the one before it ({previous})"),
                );
            }
            let on =
                e.on.as_ref()
                    .and_then(|v| day_value(&locate, v, "on", &mut problem));
            if let Some(day) = on.filter(|day| day.to_string().as_str() > &at[..10]) {
                problem(
                    locate.of(e.on.as_ref().expect("parsed from it")),
                    format!(
                        "on {day} is after the entry's time ({at}): a verdict cannot take effect after it was recorded"
                    ),
                );
            }
            let mut evidence = Vec::new();
            for url in &e.evidence {
                let u = url.get_ref().trim();
                if !u.contains("://") || u.chars().any(char::is_whitespace) {
                    problem(
                        locate.of(url),
                        format!("evidence '{}' is not a URL", url.get_ref()),
                    );
                } else {
                    evidence.push(u.to_string());
                }
            }
            // What `mark` refuses: an entry that repeats the status before
            // it and records nothing new.
            if let Some(previous) = history.last()
                && previous.status == status
                && e.note.as_deref().is_none_or(|n| n.trim().is_empty())
                && evidence.is_empty()
                && e.rating.as_deref().is_none_or(|r| {
                    history.iter().rev().find_map(|p: &EventSpec| p.rating.as_deref()) == Some(r)
                })
            {
                problem(
                    event_loc.clone(),
                    format!(
                        "history entry at {at} repeats status '{status}' and records nothing new: give it a note, evidence or a new rating, or leave it out"
                    ),
                );
            }
            history.push(EventSpec {
                loc: event_loc,
                status,
                at,
                actor: e.by,
                note: e.note,
                rating: e.rating,
                evidence,
                on,
            });
        }
        let id_loc = c.id.as_ref().map_or_else(|| loc.clone(), |id| locate.of(id));
        let quote = c
            .quote
            .as_ref()
            .map(|q| (q.get_ref().clone(), locate.of(q)))
            .filter(|(q, _)| !q.trim().is_empty());
        let body = article.as_ref().and_then(|a| a.body.as_deref());
        let anchor = quote
            .as_ref()
            .zip(body)
            .and_then(|((q, _), body)| crate::anchor::find(body, q, None));
        claims.push(ClaimSpec {
            loc,
            id,
            id_loc,
            key,
            by: (c.by.get_ref().trim().to_string(), locate.of(&c.by)),
            text,
            quote,
            anchor,
            said_on: c
                .said_on
                .as_ref()
                .and_then(|v| day_value(&locate, v, "said_on", &mut problem)),
            status,
            rating: c.rating.map(|r| r.trim().to_string()).filter(|r| !r.is_empty()),
            tags,
            history,
            origin: nonblank(c.origin),
            language: c
                .language
                .as_ref()
                .filter(|l| !l.get_ref().trim().is_empty())
                .and_then(|l| match crate::model::checked_language(l.get_ref()) {
                    Ok(tag) => Some(tag),
                    Err(message) => {
                        problem(locate.of(l), message);
                        None
                    }
                }),
            note: None,
            stated: Stated::ALL,
            review: Review::default(),
        });
    }

    let mut links = Vec::new();
    for spanned in doc.links {
        let l = spanned.into_inner();
        let relation = match l.relation.get_ref().parse::<Relation>() {
            Ok(relation) => relation,
            Err(e) => {
                problem(locate.of(&l.relation), e.to_string());
                continue;
            }
        };
        links.push(LinkSpec {
            from: (l.from.get_ref().trim().to_string(), locate.of(&l.from)),
            relation,
            to: (l.to.get_ref().trim().to_string(), locate.of(&l.to)),
        });
    }

    if problems.is_empty() {
        Ok(ClaimFile {
            path: path.to_path_buf(),
            article,
            sources,
            claims,
            links,
            merge_repeats: false,
        })
    } else {
        Err(problems)
    }
}

/// A `YYYY-MM-DD` value: a TOML local date, or a string.
/// A trimmed value, or `None` when blank.
pub(crate) fn nonblank(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

fn day_value(
    locate: &Locator<'_>,
    value: &Spanned<toml::Value>,
    field: &str,
    problem: &mut impl FnMut(Loc, String),
) -> Option<Day> {
    let text = match value.get_ref() {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
        toml::Value::String(s) => s.clone(),
        other => {
            problem(
                locate.of(value),
                format!("{field} must be a date like 2017-12-18, not {other}"),
            );
            return None;
        }
    };
    match text.parse::<Day>() {
        Ok(day) => Some(day),
        Err(e) => {
            problem(locate.of(value), e.to_string());
            None
        }
    }
}

/// A history timestamp: a TOML offset date-time (or a string holding one),
/// stored in claimtrack's fixed UTC form.
fn timestamp_value(
    locate: &Locator<'_>,
    value: &Spanned<toml::Value>,
    problem: &mut impl FnMut(Loc, String),
) -> Option<String> {
    let text = match value.get_ref() {
        toml::Value::Datetime(dt) => dt.to_string(),
        toml::Value::String(s) => s.clone(),
        other => {
            problem(
                locate.of(value),
                format!("at must be a date-time like 2017-12-18T09:30:00Z, not {other}"),
            );
            return None;
        }
    };
    match time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339) {
        Ok(at) => Some(crate::model::format_timestamp(at)),
        Err(_) => {
            problem(
                locate.of(value),
                format!(
                    "invalid time '{text}': expected a date-time with an offset, like 2017-12-18T09:30:00Z"
                ),
            );
            None
        }
    }
}

/// toml's message, first line only, with a "did you mean" for unknown fields.
fn toml_message(error: &toml::de::Error) -> String {
    let message = error.message().lines().next().unwrap_or("").trim().to_string();
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once('`')
    {
        let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let closest = names
            .iter()
            .map(|n| (strsim::damerau_levenshtein(field, n), *n))
            .filter(|(d, _)| *d <= 3)
            .min();
        let hint = closest
            .map(|(_, n)| format!(" (did you mean '{n}'?)"))
            .unwrap_or_default();
        return format!(
            "unknown field '{field}'{hint}; expected one of {}",
            names.join(", ")
        );
    }
    message
}

#[cfg(test)]
mod tests;

/// Resolves a `body_file` against the claim file's folder, refusing any
/// that lies outside it once links and `..` are resolved: a claim file from
/// elsewhere must not import `/etc/passwd` as an article snapshot (and
/// export would write it out again).
fn inside_folder(claim_file: &Path, body_file: &str) -> std::io::Result<PathBuf> {
    let folder = match claim_file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let folder = folder.canonicalize()?;
    let full = folder.join(body_file).canonicalize()?;
    if full.starts_with(&folder) {
        Ok(full)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "it is outside the claim file's folder",
        ))
    }
}
