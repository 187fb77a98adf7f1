//! schema.org ClaimReview JSON-LD, and Google Fact Check Tools
//! `claims:search` results.
//!
//! Export writes one ClaimReview per claim with a verdict (any status but
//! `unverified`): the claim, its maker, where it appeared, the latest
//! verdict as `reviewRating` (with the table in `docs/formats.md`), and
//! enough of claimtrack's own (`@id` as `urn:uuid:`, the status as the
//! rating's `name`, the source kind) that importing it back loses nothing
//! ClaimReview can carry.
//!
//! Import reads one object, an array, an `@graph`, or Fact Check Tools
//! results with or without their `claims` wrapper, streaming: each element
//! is parsed and handed on before the next is read. A Fact Check Tools
//! claim keeps every review as an event of its history; a missing claimant
//! becomes the source "unknown claimant".

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Write};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{
    ClaimRecord, ReadOptions, UNKNOWN_CLAIMANT, checked_tag, claim_spec, row_loc, row_problem, source_spec,
    timestamp,
};
use crate::claimfile::{ArticleSpec, EventSpec, Problem, derived_id};
use crate::error::{Error, Result};
use crate::model::ClaimRow;
use crate::model::{Day, SourceKind, Status};

/// How to write ClaimReview.
#[derive(Debug, Clone, Default)]
pub struct ClaimReviewOptions {
    /// The fact-checking organization named as each review's author
    /// (default: whoever recorded the latest verdict).
    pub publisher: Option<String>,
    /// A URL prefix under which our reviews are published; the review's
    /// `url` is this followed by the claim's UUID. A review imported from
    /// elsewhere keeps its own URL; one of ours without a prefix has the
    /// claim's `urn:uuid:`.
    pub url_base: Option<String>,
}

/// `additionalType` IRIs for the source kinds schema.org has no type of:
/// an agency is a GovernmentOrganization, a group an Organization, and
/// the IRI (Wikidata's "government agency", "group of humans") keeps them
/// apart. Absolute, so JSON-LD processors do not read them as relative.
const KIND_IRIS: &[(SourceKind, &str)] = &[
    (SourceKind::Agency, "https://www.wikidata.org/wiki/Q327333"),
    (SourceKind::Group, "https://www.wikidata.org/wiki/Q16334295"),
];

/// The `url` of a claim's review in an export: the review's own URL for
/// one imported from elsewhere (its origin is a web address), ours under
/// `url_base`, else the claim's `urn:uuid:`.
pub fn review_url(row: &ClaimRow, options: &ClaimReviewOptions) -> String {
    if let Some(origin) = row.origin.as_deref().filter(|o| is_web_address(o)) {
        return origin.to_string();
    }
    match &options.url_base {
        Some(base) => format!("{base}{}", row.id),
        None => format!("urn:uuid:{}", row.id),
    }
}

fn is_web_address(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

/// The numeric rating of a status on a 1 (false) to 5 (true) scale, where
/// one fits: statuses that say nothing about truth have none.
pub fn rating_value(status: Status) -> Option<u8> {
    match status {
        Status::Refuted => Some(1),
        Status::Disputed => Some(3),
        Status::Confirmed => Some(5),
        Status::Unverified | Status::Unverifiable | Status::Retracted => None,
    }
}

/// A JSON array of ClaimReview objects, one per claim with a verdict,
/// written a row at a time.
pub struct ClaimReviewWriter<'a, W: Write> {
    out: W,
    options: &'a ClaimReviewOptions,
    /// Reviews written so far.
    written: usize,
}

impl<'a, W: Write> ClaimReviewWriter<'a, W> {
    /// Starts the array.
    pub fn new(mut out: W, options: &'a ClaimReviewOptions) -> Result<Self> {
        out.write_all(b"[")?;
        Ok(ClaimReviewWriter {
            out,
            options,
            written: 0,
        })
    }

    /// How many reviews were written (claims with a verdict).
    pub fn written(&self) -> usize {
        self.written
    }
}

impl<W: Write> super::RowWriter for ClaimReviewWriter<'_, W> {
    fn write(&mut self, row: &ClaimRow) -> Result<()> {
        if row.status == Status::Unverified {
            return Ok(());
        }
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        let url = review_url(row, self.options);
        serde_json::to_writer_pretty(&mut self.out, &review_of(row, self.options, &url))
            .map_err(std::io::Error::from)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        self.out.write_all(b"\n]\n")?;
        Ok(self.out.flush()?)
    }
}

/// One claim's ClaimReview, published at `url`: Google's required and
/// recommended properties, and enough of claimtrack's own that importing
/// it back loses nothing.
pub fn review_of(row: &ClaimRow, options: &ClaimReviewOptions, url: &str) -> Value {
    let urn = format!("urn:uuid:{}", row.id);
    let author_type = match row.source_kind {
        SourceKind::Person => "Person",
        SourceKind::Organization | SourceKind::Group => "Organization",
        SourceKind::Government | SourceKind::Agency => "GovernmentOrganization",
        SourceKind::Media => "NewsMediaOrganization",
    };
    let mut author = json!({"@type": author_type, "name": row.source});
    if let Some((_, iri)) = KIND_IRIS.iter().find(|(kind, _)| *kind == row.source_kind) {
        author["additionalType"] = json!(iri);
    }
    if let Some(job) = row.source_job.as_deref().filter(|j| !j.trim().is_empty()) {
        author["jobTitle"] = json!(job);
    }
    let mut claim = json!({"@type": "Claim", "author": author});
    if let Some(day) = &row.said_on {
        claim["datePublished"] = json!(day);
    }
    if let Some(quote) = &row.quote {
        claim["text"] = json!(quote);
    }
    if let Some(url) = &row.article_url {
        let mut appearance = json!({"@type": "CreativeWork", "url": url});
        if let Some(title) = &row.article_title {
            appearance["headline"] = json!(title);
        }
        if let Some(day) = &row.article_published {
            appearance["datePublished"] = json!(day);
        }
        if let Some(publisher) = &row.article_publisher {
            appearance["publisher"] = json!({"@type": "Organization", "name": publisher});
        }
        claim["appearance"] = json!([appearance.clone()]);
        claim["firstAppearance"] = appearance;
    }
    let label = row
        .rating
        .clone()
        .unwrap_or_else(|| title_case(row.status.as_str()));
    let mut rating = json!({
        "@type": "Rating",
        "name": row.status.as_str(),
        "alternateName": label,
        "bestRating": 5,
        "worstRating": 1,
    });
    if let Some(value) = rating_value(row.status) {
        rating["ratingValue"] = json!(value);
    }
    let reviewer = options.publisher.clone().unwrap_or_else(|| row.reviewer.clone());
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": urn,
        "url": url,
        "claimReviewed": row.text,
        "datePublished": row.updated_at,
        "author": {"@type": "Organization", "name": reviewer},
        "itemReviewed": claim,
        "reviewRating": rating,
    });
    if let Some(note) = &row.note {
        review["reviewBody"] = json!(note);
    }
    if !row.evidence.is_empty() {
        let cited: Vec<Value> = row
            .evidence
            .iter()
            .map(|url| json!({"@type": "CreativeWork", "url": url}))
            .collect();
        review["citation"] = json!(cited);
    }
    if !row.tags.is_empty() {
        review["keywords"] = json!(row.tags);
    }
    if let Some(origin) = &row.origin {
        review["identifier"] = json!(origin);
    }
    if let Some(language) = &row.language {
        review["inLanguage"] = json!(language);
    }
    review
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Reads ClaimReview JSON-LD or Fact Check Tools results from `reader`.
pub(super) fn read(
    path: &Arc<Path>,
    reader: impl Read,
    options: &ReadOptions,
    sink: &mut dyn FnMut(std::result::Result<ClaimRecord, Problem>) -> bool,
) -> Result<()> {
    let lines = Rc::new(Lines::default());
    let tracked = Tracked {
        inner: reader,
        lines: Rc::clone(&lines),
    };
    let mut stopped = false;
    let mut handle = |value: Value, line: usize| -> bool {
        let Some(result) = record(path, line, value, options) else {
            return true;
        };
        stopped = !sink(result);
        !stopped
    };
    let mut deserializer = serde_json::Deserializer::from_reader(tracked);
    let outcome = Document {
        handle: &mut handle,
        lines: &lines,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    match outcome {
        Ok(()) => Ok(()),
        Err(_) if stopped => Ok(()),
        Err(e) if e.is_io() => Err(Error::ReadFile {
            path: path.to_path_buf(),
            source: e.into(),
        }),
        Err(e) => {
            let message = e.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.clone(), |at| message[..at].to_string());
            let kind = if e.is_eof() {
                "the JSON ends early"
            } else {
                "not valid JSON"
            };
            Err(Error::Files(vec![Problem {
                loc: crate::claimfile::Loc {
                    file: Arc::clone(path),
                    line: e.line().max(1),
                    column: e.column().max(1),
                },
                message: format!("{kind}: {message}"),
            }]))
        }
    }
}

/// Counts lines as serde_json reads, and remembers the line where the
/// element after a [`Lines::mark`] starts (its first byte that is not white
/// space, a comma or an opening bracket).
#[derive(Default)]
struct Lines {
    line: Cell<usize>,
    pending: Cell<bool>,
    start: Cell<usize>,
}

impl Lines {
    fn mark(&self) {
        self.pending.set(true);
    }

    fn start(&self) -> usize {
        self.start.get() + 1
    }
}

struct Tracked<R> {
    inner: R,
    lines: Rc<Lines>,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &byte in &buf[..n] {
            if self.lines.pending.get() && !matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[') {
                self.lines.pending.set(false);
                self.lines.start.set(self.lines.line.get());
            }
            if byte == b'\n' {
                self.lines.line.set(self.lines.line.get() + 1);
            }
        }
        Ok(n)
    }
}

type Handle<'h> = &'h mut dyn FnMut(Value, usize) -> bool;

/// The whole document: an array of elements, an object holding them under
/// `claims` or `@graph`, or one element.
struct Document<'h, 'l> {
    handle: Handle<'h>,
    lines: &'l Lines,
}

impl<'de> DeserializeSeed<'de> for Document<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a ClaimReview object, an array of them, or Fact Check Tools results")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> std::result::Result<(), A::Error> {
        Elements {
            handle: self.handle,
            lines: self.lines,
        }
        .visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let start = self.lines.line.get() + 1;
        let mut rest = Map::new();
        let mut listed = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "claims" || key == "@graph" {
                listed = true;
                map.next_value_seed(Elements {
                    handle: &mut *self.handle,
                    lines: self.lines,
                })?;
            } else {
                rest.insert(key, map.next_value()?);
            }
        }
        if !listed {
            (self.handle)(Value::Object(rest), start);
        }
        Ok(())
    }
}

/// An array of elements, each handed on as soon as it is read.
struct Elements<'h, 'l> {
    handle: Handle<'h>,
    lines: &'l Lines,
}

impl<'de> DeserializeSeed<'de> for Elements<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of ClaimReview objects or Fact Check Tools claims")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        loop {
            self.lines.mark();
            let Some(value) = seq.next_element::<Value>()? else {
                return Ok(());
            };
            if !(self.handle)(value, self.lines.start()) {
                return Err(serde::de::Error::custom("stopped"));
            }
        }
    }
}

/// The record of one element: a ClaimReview, or a Fact Check Tools claim.
/// Nodes of other types (an `@graph` also holds pages and organizations)
/// give none.
fn record(
    path: &Arc<Path>,
    line: usize,
    value: Value,
    options: &ReadOptions,
) -> Option<std::result::Result<ClaimRecord, Problem>> {
    let Value::Object(object) = value else {
        return Some(Err(row_problem(path, line, "expected a JSON object for a claim")));
    };
    let kind = object.get("@type").and_then(Value::as_str);
    Some(if super::averitec::is_averitec(&object) {
        super::averitec::record(path, line, &object, options)
    } else if object.contains_key("claimReview") {
        fact_check_claim(path, line, &object, options)
    } else if kind == Some("ClaimReview") || object.contains_key("claimReviewed") {
        claim_review(path, line, &object, options)
    } else if kind.is_some() {
        return None;
    } else {
        Err(row_problem(
            path,
            line,
            "neither a ClaimReview (no claimReviewed), a Fact Check Tools claim (no claimReview) nor an AVeriTeC claim (no claim and label)",
        ))
    })
}

fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The first object of a value that may be one object or an array of them.
fn first_object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    match value? {
        Value::Object(object) => Some(object),
        Value::Array(items) => items.iter().find_map(Value::as_object),
        _ => None,
    }
}

/// A name given as a string or as an object with a `name`.
fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(_) => text_of(value),
        Value::Array(items) => items.iter().find_map(|item| name_of(Some(item))),
        Value::Object(object) => text_of(object.get("name")),
        _ => None,
    }
}

/// A language given as a tag ("en", Fact Check Tools' `languageCode`) or
/// as a schema.org Language (`{"@type": "Language", "name": "English",
/// "alternateName": "en"}`). A value that is not a language tag is no
/// language: a record is not refused over it.
fn language_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(tag) => crate::model::checked_language(tag).ok(),
        Value::Object(language) => [language.get("alternateName"), language.get("name")]
            .into_iter()
            .find_map(language_of),
        Value::Array(items) => items.iter().find_map(|item| language_of(Some(item))),
        _ => None,
    }
}

/// A Fact Check Tools claim: `{text, claimant, claimDate, claimReview: [...]}`.
fn fact_check_claim(
    path: &Arc<Path>,
    line: usize,
    object: &Map<String, Value>,
    options: &ReadOptions,
) -> std::result::Result<ClaimRecord, Problem> {
    let problem = |message: &str| row_problem(path, line, message);
    let text = text_of(object.get("text")).ok_or_else(|| problem("the claim has no text"))?;
    let loc = row_loc(path, line);
    let (name, kind) = match text_of(object.get("claimant")) {
        Some(name) => (name, None),
        None => (UNKNOWN_CLAIMANT.to_string(), Some(SourceKind::Group)),
    };
    let claim_date = text_of(object.get("claimDate"));
    let said_on = match &claim_date {
        Some(date) => Some(
            day_of(date)
                .ok_or_else(|| row_problem(path, line, format!("claimDate '{date}' is not a date")))?,
        ),
        None => None,
    };
    let mut claim = claim_spec(&loc, derived_id(None, &name, &text), &name, text);
    claim.said_on = said_on;
    let reviews = match object.get("claimReview") {
        Some(Value::Array(reviews)) => reviews.iter().collect(),
        Some(review @ Value::Object(_)) => vec![review],
        _ => vec![],
    };
    for review in reviews {
        let Some(review) = review.as_object() else {
            return Err(problem("a claimReview entry is not an object"));
        };
        let label = text_of(review.get("textualRating"));
        if claim.language.is_none() {
            claim.language = language_of(review.get("languageCode"));
        }
        let date = text_of(review.get("reviewDate")).or(claim_date.clone());
        let at = match &date {
            Some(date) => timestamp(date)
                .ok_or_else(|| row_problem(path, line, format!("reviewDate '{date}' is not a date")))?,
            None => options.now.clone(),
        };
        let publisher = review.get("publisher").and_then(Value::as_object);
        let actor = publisher
            .and_then(|p| text_of(p.get("name")).or_else(|| text_of(p.get("site"))))
            .unwrap_or_else(|| "unknown publisher".to_string());
        claim.history.push(EventSpec {
            on: None,
            loc: loc.clone(),
            status: status_of(label.as_deref(), None, options),
            at,
            actor: Some(actor),
            note: text_of(review.get("title")),
            rating: label,
            evidence: text_of(review.get("url")).into_iter().collect(),
        });
    }
    claim.history.sort_by(|a, b| a.at.cmp(&b.at));
    // The latest review's own page: where the claim's verdict came from,
    // and the `url` an export gives it back.
    claim.origin = claim
        .history
        .iter()
        .rev()
        .find_map(|event| event.evidence.first().cloned());
    claim.stated = super::stated_values(&claim, false);
    Ok(ClaimRecord {
        source: source_spec(&loc, &claim.by.0.clone(), kind),
        article: None,
        claim,
    })
}

/// A schema.org ClaimReview.
fn claim_review(
    path: &Arc<Path>,
    line: usize,
    object: &Map<String, Value>,
    options: &ReadOptions,
) -> std::result::Result<ClaimRecord, Problem> {
    let problem = |message: String| row_problem(path, line, message);
    let text = text_of(object.get("claimReviewed"))
        .ok_or_else(|| problem("the ClaimReview's claimReviewed is empty".into()))?;
    let loc = row_loc(path, line);
    let item = first_object(object.get("itemReviewed"));
    let author = item.and_then(|i| first_object(i.get("author")));
    let (name, kind) = match name_of(item.and_then(|i| i.get("author"))) {
        Some(name) => (name, Some(kind_of(author))),
        None => (UNKNOWN_CLAIMANT.to_string(), Some(SourceKind::Group)),
    };
    let appearance = item
        .and_then(|i| first_object(i.get("firstAppearance")).or_else(|| first_object(i.get("appearance"))));
    let article = appearance
        .and_then(|a| text_of(a.get("url")))
        .map(|url| ArticleSpec {
            loc: loc.clone(),
            url,
            title: appearance
                .and_then(|a| text_of(a.get("headline")).or_else(|| text_of(a.get("name"))))
                .unwrap_or_default(),
            publisher: name_of(appearance.and_then(|a| a.get("publisher"))),
            published: appearance
                .and_then(|a| text_of(a.get("datePublished")))
                .and_then(|d| day_of(&d)),
            body: None,
            partial: true,
        });
    let url = text_of(object.get("url")).filter(|u| !u.starts_with("urn:"));
    // The review's evidence: what it cites, else (a review from elsewhere
    // that cites nothing) its own page.
    let mut evidence: Vec<String> = Vec::new();
    for cited in match object.get("citation") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => vec![],
    } {
        let address = match cited {
            Value::Object(work) => text_of(work.get("url")),
            other => text_of(Some(other)),
        };
        if let Some(address) = address.filter(|a| !evidence.contains(a)) {
            evidence.push(address);
        }
    }
    if evidence.is_empty() {
        evidence.extend(url.clone());
    }
    let own_id = [text_of(object.get("@id")), url.clone()]
        .into_iter()
        .flatten()
        .find_map(|id| id.strip_prefix("urn:uuid:").and_then(|u| Uuid::parse_str(u).ok()));
    let id = own_id.unwrap_or_else(|| derived_id(article.as_ref().map(|a| a.url.as_str()), &name, &text));
    let job = author.and_then(|a| text_of(a.get("jobTitle")));
    let mut claim = claim_spec(&loc, id, &name, text);
    claim.quote = item
        .and_then(|i| text_of(i.get("text")))
        .map(|q| (q, loc.clone()));
    if let Some(date) = item.and_then(|i| text_of(i.get("datePublished"))) {
        claim.said_on = Some(
            day_of(&date)
                .ok_or_else(|| problem(format!("itemReviewed.datePublished '{date}' is not a date")))?,
        );
    }
    let rating = first_object(object.get("reviewRating"));
    let label = rating.and_then(|r| text_of(r.get("alternateName")));
    let status = status_of(label.as_deref(), rating, options);
    let at = match text_of(object.get("datePublished")) {
        Some(date) => {
            timestamp(&date).ok_or_else(|| problem(format!("datePublished '{date}' is not a date")))?
        }
        None => options.now.clone(),
    };
    // Our own exports name the status; a label the status says anyway
    // ("Refuted" for refuted) is not a rating of its own.
    let rating_label = label.filter(|l| !l.eq_ignore_ascii_case(status.as_str()));
    claim.history.push(EventSpec {
        on: None,
        loc: loc.clone(),
        status,
        at,
        actor: Some(name_of(object.get("author")).unwrap_or_else(|| "unknown publisher".to_string())),
        // A note keeps its spaces: only an empty one is no note. The body
        // of the review, else its text, else its headline.
        note: ["reviewBody", "text", "headline"].iter().find_map(|key| {
            object
                .get(*key)
                .and_then(Value::as_str)
                .filter(|n| !n.trim().is_empty())
                .map(str::to_string)
        }),
        rating: rating_label,
        evidence,
    });
    let keywords: Vec<String> = match object.get("keywords") {
        Some(Value::Array(items)) => items.iter().filter_map(|k| text_of(Some(k))).collect(),
        Some(Value::String(list)) => list.split(',').map(str::to_string).collect(),
        _ => vec![],
    };
    for keyword in keywords.iter().filter(|k| !k.trim().is_empty()) {
        claim.tags.push(checked_tag(keyword).map_err(problem)?);
    }
    // Where the review came from: its identifier, else, for a review that
    // is not one of ours (ours carry their claim's `urn:uuid:`), its page.
    claim.origin =
        text_of(object.get("identifier")).or_else(|| if own_id.is_none() { url.clone() } else { None });
    claim.language =
        language_of(object.get("inLanguage")).or_else(|| language_of(item.and_then(|i| i.get("inLanguage"))));
    claim.stated = super::stated_values(&claim, article.is_some());
    let mut source = source_spec(&loc, &name, kind);
    source.profile.job = job;
    Ok(ClaimRecord {
        source,
        article,
        claim,
    })
}

/// The claimtrack kind of a schema.org author.
fn kind_of(author: Option<&Map<String, Value>>) -> SourceKind {
    let Some(author) = author else {
        return SourceKind::Person;
    };
    // Our IRIs, or the bare words earlier exports wrote ("group").
    if let Some(additional) = text_of(author.get("additionalType")) {
        if let Some((kind, _)) = KIND_IRIS.iter().find(|(_, iri)| *iri == additional) {
            return *kind;
        }
        if let Ok(kind) = additional.parse() {
            return kind;
        }
    }
    match author.get("@type").and_then(Value::as_str) {
        Some("Person") | None => SourceKind::Person,
        Some("GovernmentOrganization") => SourceKind::Government,
        Some("NewsMediaOrganization") => SourceKind::Media,
        Some(_) => SourceKind::Organization,
    }
}

/// A review's status: the rating's `name` when it is a claimtrack status
/// (our own exports), else the label through the status map, else the
/// numeric rating on its scale, else unverified (counted, so the import can
/// say which labels it did not know).
fn status_of(label: Option<&str>, rating: Option<&Map<String, Value>>, options: &ReadOptions) -> Status {
    if let Some(status) = rating
        .and_then(|r| text_of(r.get("name")))
        .and_then(|n| n.parse().ok())
    {
        return status;
    }
    if let Some(status) = label.and_then(|l| options.status_map.status(l)) {
        return status;
    }
    let number = |key: &str| {
        rating
            .and_then(|r| r.get(key))
            .and_then(|v| v.as_f64().or_else(|| v.as_str()?.parse().ok()))
    };
    if let Some(status) =
        super::status_on_scale(number("ratingValue"), number("bestRating"), number("worstRating"))
    {
        return status;
    }
    if let Some(label) = label {
        options.note_unmapped(label);
    }
    Status::Unverified
}

fn day_of(date: &str) -> Option<Day> {
    date.trim().get(..10)?.parse().ok().filter(|_| {
        let rest = &date.trim()[10..];
        rest.is_empty() || rest.starts_with('T')
    })
}

/// Labels seen that the status map does not know, with counts.
pub type Unmapped = BTreeMap<String, usize>;
