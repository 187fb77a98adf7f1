//! `claims publish`: the database's verdicts as a static site. This module
//! turns a [`Record`] (what the command read from the store, in one
//! snapshot) into the site's files, deterministically: the same record
//! gives the same bytes. It never touches the store; each file goes to a
//! [`SiteSink`] as it is built (the folder's writer is [`files`]); the
//! pages' HTML is `html`.
//!
//! Every page's footer names the journal head its content stands on: the
//! latest operation that changed anything the page shows, not the
//! journal's head at publishing. So a page nothing changed is the same
//! bytes after a republish (and is not rewritten), and `claims verify
//! --extends HEAD` still checks it against the database later.

pub mod files;
mod html;
mod markdown;
mod syndication;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::Result;
use crate::formats::ClaimReviewOptions;
use crate::formats::review_of;
use crate::journal::Operation;
use crate::model::{Article, Claim, ClaimRow, SourceSummary, Status};
use crate::store::publishing::{Link, RecordedEvent};

pub use files::{SiteWriter, Written};

/// Claims per page of a listing.
const PAGE_SIZE: usize = 100;
/// Claims on the front page and in the feed.
const LATEST: usize = 50;

/// Everything a site is made of, as read from the store in one snapshot.
#[derive(Debug, Default)]
pub struct Record {
    /// The live claims the filters select, any status (the site decides
    /// which it publishes).
    pub rows: Vec<ClaimRow>,
    /// The withdrawn claims the filters select.
    pub withdrawn: Vec<Claim>,
    /// Every claim's history, by claim key, oldest first.
    pub events: Vec<RecordedEvent>,
    /// Every link between claims.
    pub links: Vec<Link>,
    /// Every source, with its roles.
    pub sources: Vec<SourceSummary>,
    /// Every article.
    pub articles: Vec<Article>,
    /// The journal, oldest first.
    pub operations: Vec<Operation>,
}

/// How to publish.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where the site will be served from, ending in `/`.
    pub base_url: String,
    /// The fact-checking organization the site speaks for.
    pub publisher: String,
    /// Whether verdict notes are shown (`--no-notes` keeps them out).
    pub notes: bool,
}

/// Where a site's files go, each as soon as it is built: a publish of
/// LIAR is 107 MB of pages, which need not all be held at once.
pub trait SiteSink {
    /// Takes one file: its path (relative, `/`-separated) and bytes.
    fn file(&mut self, path: &str, bytes: &[u8]) -> Result<()>;
}

/// A site in memory, by path.
impl SiteSink for BTreeMap<String, Vec<u8>> {
    fn file(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// The sink, and the paths handed to it so far (a path given twice is a
/// bug: two pages would share an address).
struct Out<'s> {
    sink: &'s mut dyn SiteSink,
    paths: BTreeSet<String>,
}

impl Out<'_> {
    fn insert(&mut self, path: String, bytes: Vec<u8>) -> Result<()> {
        if !self.paths.insert(path.clone()) {
            return Err(crate::Error::Internal(format!("two pages of the site at {path}")));
        }
        self.sink.file(&path, &bytes)
    }
}

/// What a site holds.
#[derive(Debug, Default)]
pub struct Site {
    /// How many claims have a page.
    pub claims: usize,
    /// How many speakers have a page.
    pub speakers: usize,
    /// How many withdrawn claims have a tombstone.
    pub tombstones: usize,
}

/// The statuses a site publishes, in the order it lists them.
const PUBLISHED_STATUSES: [Status; 5] = [
    Status::Confirmed,
    Status::Disputed,
    Status::Refuted,
    Status::Unverifiable,
    Status::Retracted,
];

/// A journal position: an operation's id, time and chain hash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Stand<'a> {
    id: i64,
    at: &'a str,
    hash: &'a str,
}

/// One line of a claim's update history: a change after it was first
/// published.
#[derive(Debug, Clone)]
struct Update {
    /// When it was recorded (UTC timestamp).
    at: String,
    /// What changed.
    what: String,
    /// Why, as recorded.
    why: Option<String>,
}

/// A published claim and what its page shows.
struct ClaimPage<'a> {
    row: &'a ClaimRow,
    history: &'a [RecordedEvent],
    /// The claim's latest change time (for ordering "latest").
    latest_at: &'a str,
    /// When its first verdict was recorded: its first publication.
    first_published: &'a str,
    updates: Vec<Update>,
    related: Vec<(String, usize)>,
    speaker: Option<usize>,
    stand: Stand<'a>,
}

/// A withdrawn claim's tombstone.
struct Tombstone<'a> {
    claim: &'a Claim,
    withdrawn_at: &'a str,
    why: Option<&'a str>,
    stand: Stand<'a>,
}

/// A speaker's page.
struct SpeakerPage<'a> {
    source: &'a SourceSummary,
    slug: String,
    /// Its own published claims (indexes into the claim pages).
    own: Vec<usize>,
    /// Claims its speakers made while they spoke for it, with who.
    via: Vec<(usize, String)>,
}

/// Builds the site from `record`.
pub fn build(record: &Record, options: &Options, sink: &mut dyn SiteSink) -> Result<Site> {
    let operations: HashMap<i64, Stand> = record
        .operations
        .iter()
        .map(|o| {
            (
                o.id,
                Stand {
                    id: o.id,
                    at: &o.at,
                    hash: &o.hash,
                },
            )
        })
        .collect();
    let head = record
        .operations
        .last()
        .map(|o| operations[&o.id])
        .unwrap_or_default();
    let stand_of = |ids: &mut dyn Iterator<Item = i64>| -> Stand {
        ids.filter_map(|id| operations.get(&id).copied())
            .max()
            .unwrap_or_default()
    };

    // Each claim's history, and the journal's operations about each claim,
    // source and article.
    let mut histories: HashMap<i64, &[RecordedEvent]> = HashMap::new();
    for chunk in record.events.chunk_by(|a, b| a.claim_key == b.claim_key) {
        histories.insert(chunk[0].claim_key, chunk);
    }
    let mut about_claim: HashMap<i64, Vec<&Operation>> = HashMap::new();
    let mut about_source: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut about_article: HashMap<i64, Vec<i64>> = HashMap::new();
    for operation in &record.operations {
        if let Some(key) = operation.claim_key {
            about_claim.entry(key).or_default().push(operation);
        }
        if let Some(key) = operation.source_key {
            about_source.entry(key).or_default().push(operation.id);
        }
        if let Some(key) = operation.article_key {
            about_article.entry(key).or_default().push(operation.id);
        }
    }
    let source_keys: HashMap<&str, i64> = record
        .sources
        .iter()
        .map(|s| (s.source.name.as_str(), s.source.key))
        .collect();
    let source_names: HashMap<i64, &str> = record
        .sources
        .iter()
        .map(|s| (s.source.key, s.source.name.as_str()))
        .collect();
    let article_keys: HashMap<&str, i64> = record.articles.iter().map(|a| (a.url.as_str(), a.key)).collect();

    // The published claims: a verdict, not withdrawn (the rows are live).
    let mut pages: Vec<ClaimPage> = Vec::new();
    for row in record.rows.iter().filter(|r| r.status != Status::Unverified) {
        let history = histories.get(&row.key).copied().unwrap_or_default();
        let first = history.iter().position(|e| e.event.to != Status::Unverified);
        let first_published = first.map_or(row.updated_at.as_str(), |i| history[i].event.at.as_str());
        let latest_at = history
            .last()
            .map_or(row.updated_at.as_str(), |e| e.event.at.as_str());
        let mut updates = Vec::new();
        if let Some(first) = first {
            for recorded in &history[first + 1..] {
                updates.push(verdict_update(history, recorded, options.notes));
            }
        }
        for operation in about_claim.get(&row.key).into_iter().flatten() {
            if operation.kind == "claim.edit" && operation.at.as_str() > first_published {
                updates.push(wording_update(operation, &source_names, options.notes));
            }
        }
        updates.sort_by(|a, b| a.at.cmp(&b.at));
        pages.push(ClaimPage {
            row,
            history,
            latest_at,
            first_published,
            updates,
            related: Vec::new(),
            speaker: None,
            stand: Stand::default(),
        });
    }
    let index_of: HashMap<uuid::Uuid, usize> = pages.iter().enumerate().map(|(i, p)| (p.row.id, i)).collect();
    for link in &record.links {
        if let (Some(&from), Some(&to)) = (index_of.get(&link.from), index_of.get(&link.to)) {
            pages[from].related.push((link.relation.as_str().to_string(), to));
            pages[to]
                .related
                .push((format!("is {} by", inverse(link.relation)), from));
        }
    }
    // Each page stands on the latest operation behind anything it shows:
    // its own history and edits, its source, its article, and the claims
    // it links to.
    let own_stand: Vec<Stand> = pages
        .iter()
        .map(|page| {
            let mut ids: Vec<i64> = page.history.iter().filter_map(|e| e.operation).collect();
            ids.extend(about_claim.get(&page.row.key).into_iter().flatten().map(|o| o.id));
            if let Some(key) = source_keys.get(page.row.source.as_str()) {
                ids.extend(about_source.get(key).into_iter().flatten());
            }
            if let Some(key) = page.row.article_url.as_deref().and_then(|u| article_keys.get(u)) {
                ids.extend(about_article.get(key).into_iter().flatten());
            }
            stand_of(&mut ids.into_iter())
        })
        .collect();
    for (i, page) in pages.iter_mut().enumerate() {
        page.stand = page
            .related
            .iter()
            .map(|(_, other)| own_stand[*other])
            .chain([own_stand[i]])
            .max()
            .unwrap_or_default();
        page.related
            .sort_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
        page.related.dedup();
    }

    // Withdrawn claims that had a verdict (so were once published).
    let mut tombstones = Vec::new();
    for claim in &record.withdrawn {
        let history = histories.get(&claim.key).copied().unwrap_or_default();
        if !history.iter().any(|e| e.event.to != Status::Unverified) {
            continue;
        }
        let withdrawal = about_claim
            .get(&claim.key)
            .into_iter()
            .flatten()
            .rfind(|o| o.kind == "claim.withdraw");
        let mut ids: Vec<i64> = history.iter().filter_map(|e| e.operation).collect();
        ids.extend(about_claim.get(&claim.key).into_iter().flatten().map(|o| o.id));
        tombstones.push(Tombstone {
            claim,
            withdrawn_at: withdrawal.map_or(claim.updated_at.as_str(), |o| o.at.as_str()),
            why: withdrawal.and_then(|o| o.note.as_deref()),
            stand: stand_of(&mut ids.into_iter()),
        });
    }

    // Speakers: every source with a published claim of its own or via
    // someone who spoke for it, a slug each (unique, stable: by key).
    let mut own: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        own.entry(page.row.source.as_str()).or_default().push(i);
    }
    let mut sources: Vec<&SourceSummary> = record.sources.iter().collect();
    sources.sort_by_key(|s| s.source.key);
    let mut taken = BTreeSet::new();
    let mut speakers: Vec<SpeakerPage> = Vec::new();
    for source in sources {
        let own_claims = own.get(source.source.name.as_str()).cloned().unwrap_or_default();
        let mut via = Vec::new();
        for role in &source.spoken_for_by {
            for &i in own.get(role.speaker.as_str()).into_iter().flatten() {
                let said = pages[i].row.said_on.as_deref();
                let within = said.is_some_and(|day| {
                    role.since.as_deref().is_none_or(|since| day >= since)
                        && role.until.as_deref().is_none_or(|until| day <= until)
                });
                if within {
                    via.push((i, role.speaker.clone()));
                }
            }
        }
        if own_claims.is_empty() && via.is_empty() {
            continue;
        }
        let mut slug = slug(&source.source.name);
        if !taken.insert(slug.clone()) {
            slug = format!("{slug}-{}", source.source.key);
            taken.insert(slug.clone());
        }
        speakers.push(SpeakerPage {
            source,
            slug,
            own: own_claims,
            via,
        });
    }
    let speaker_of: HashMap<&str, usize> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.source.source.name.as_str(), i))
        .collect();
    for page in &mut pages {
        page.speaker = speaker_of.get(page.row.source.as_str()).copied();
    }

    let site = html::SiteContext {
        options,
        pages: &pages,
        speakers: &speakers,
        head,
        changed: Default::default(),
    };
    let mut files = Out {
        sink,
        paths: BTreeSet::new(),
    };
    let review_options = ClaimReviewOptions {
        publisher: Some(options.publisher.clone()),
        url_base: None,
    };
    // `claimreview.json` is written as the pages are: an array, one
    // review at a time, not a tree of every review held at once.
    let mut json = Vec::new();
    {
        use serde::ser::{SerializeSeq, Serializer};
        let mut serializer = serde_json::Serializer::pretty(&mut json);
        let mut array = serializer
            .serialize_seq(Some(pages.len()))
            .map_err(std::io::Error::from)?;
        for (i, page) in pages.iter().enumerate() {
            let url = format!("{}{}", options.base_url, claim_path(page.row));
            let mut row = page.row.clone();
            if !options.notes {
                row.note = None;
            }
            let review = review_of(&row, &review_options, &url);
            files.insert(claim_path(page.row), site.claim_page(i, &review).into_bytes())?;
            array.serialize_element(&review).map_err(std::io::Error::from)?;
        }
        array.end().map_err(std::io::Error::from)?;
    }
    for tombstone in &tombstones {
        files.insert(
            format!("claims/{}.html", tombstone.claim.id),
            site.tombstone_page(tombstone).into_bytes(),
        )?;
    }
    for (i, speaker) in speakers.iter().enumerate() {
        files.insert(
            format!("speakers/{}.html", speaker.slug),
            site.speaker_page(i).into_bytes(),
        )?;
    }

    // Listings: newest verdicts first.
    let mut latest: Vec<usize> = (0..pages.len()).collect();
    latest
        .sort_by(|&a, &b| (pages[b].latest_at, pages[b].row.id).cmp(&(pages[a].latest_at, pages[a].row.id)));
    let stand_over = |claims: &[usize]| claims.iter().map(|&i| pages[i].stand).max().unwrap_or_default();
    files.insert(
        "index.html".to_string(),
        site.front_page(&latest[..latest.len().min(LATEST)], pages.len(), tombstones.len())
            .into_bytes(),
    )?;
    for (path, body) in site.listing(
        "claims/index",
        "All fact-checks",
        "Every published fact-check, newest verdict first.",
        &latest,
        stand_over(&latest),
    ) {
        files.insert(path, body.into_bytes())?;
    }
    for status in PUBLISHED_STATUSES {
        let claims: Vec<usize> = latest
            .iter()
            .copied()
            .filter(|&i| pages[i].row.status == status)
            .collect();
        let title = format!("Rated {}", html::status_label(status));
        for (path, body) in site.listing(
            &format!("status/{}", status.as_str()),
            &title,
            html::status_meaning(status),
            &claims,
            stand_over(&claims),
        ) {
            files.insert(path, body.into_bytes())?;
        }
    }
    let mut tags: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &latest {
        for tag in &pages[i].row.tags {
            tags.entry(tag.as_str()).or_default().push(i);
        }
    }
    let mut tag_pages = Vec::new();
    let mut tag_slugs = BTreeSet::new();
    for (tag, claims) in &tags {
        let mut tag_slug = slug(tag);
        if !tag_slugs.insert(tag_slug.clone()) {
            tag_slug = format!("{tag_slug}-{}", tag_slugs.len());
            tag_slugs.insert(tag_slug.clone());
        }
        for (path, body) in site.listing(
            &format!("tags/{tag_slug}"),
            &format!("Tagged “{tag}”"),
            "Published fact-checks with this tag, newest verdict first.",
            claims,
            stand_over(claims),
        ) {
            files.insert(path, body.into_bytes())?;
        }
        tag_pages.push((tag.to_string(), tag_slug, claims.len()));
    }
    files.insert(
        "tags/index.html".to_string(),
        site.tags_page(&tag_pages, stand_over(&latest)).into_bytes(),
    )?;
    files.insert(
        "speakers/index.html".to_string(),
        site.speakers_page(stand_over(&latest)).into_bytes(),
    )?;
    let corrections = site.corrections(&tombstones);
    files.insert(
        "corrections.html".to_string(),
        site.corrections_page(&corrections, &tombstones).into_bytes(),
    )?;
    files.insert(
        "methodology.html".to_string(),
        site.methodology_page().into_bytes(),
    )?;
    files.insert("style.css".to_string(), html::STYLE.as_bytes().to_vec())?;

    // Machine-readable copies of what is published.
    json.push(b'\n');
    files.insert("claimreview.json".to_string(), json)?;
    let mut csv = Vec::new();
    {
        use crate::formats::RowWriter;
        let mut writer = crate::formats::CsvWriter::new(&mut csv)?;
        for page in &pages {
            let mut row = page.row.clone();
            if !options.notes {
                row.note = None;
            }
            writer.write(&row)?;
        }
        writer.finish()?;
    }
    files.insert("claims.csv".to_string(), csv)?;
    files.insert(
        "feed.xml".to_string(),
        syndication::atom(options, &pages, &latest[..latest.len().min(LATEST)], &corrections).into_bytes(),
    )?;
    let sitemap = syndication::sitemap(options, &site.last_changed());
    files.insert("sitemap.xml".to_string(), sitemap.into_bytes())?;
    Ok(Site {
        claims: pages.len(),
        speakers: speakers.len(),
        tombstones: tombstones.len(),
    })
}

/// A claim page's path in the site.
fn claim_path(row: &ClaimRow) -> String {
    format!("claims/{}.html", row.id)
}

/// How a relation reads from its other end.
fn inverse(relation: crate::model::Relation) -> &'static str {
    use crate::model::Relation;
    match relation {
        Relation::Contradicts => "contradicted",
        Relation::Supports => "supported",
        Relation::Repeats => "repeated",
        Relation::Denies => "denied",
        Relation::Retracts => "retracted",
    }
}

/// An event after a claim's first verdict, as an update: what changed
/// and why.
fn verdict_update(history: &[RecordedEvent], recorded: &RecordedEvent, notes: bool) -> Update {
    let event = &recorded.event;
    let before = history
        .iter()
        .take_while(|e| !std::ptr::eq(*e, recorded))
        .last()
        .map(|e| &e.event);
    let label = |status: Status| html::status_label(status);
    let mut what = match event.from {
        Some(from) if from != event.to => {
            format!("Verdict changed from {} to {}", label(from), label(event.to))
        }
        _ if event.rating.is_some() && before.and_then(|b| b.rating.as_ref()) != event.rating.as_ref() => {
            format!("Rating changed; verdict still {}", label(event.to))
        }
        _ => format!("More evidence; verdict still {}", label(event.to)),
    };
    if let Some(rating) = &event.rating {
        what.push_str(&format!(" (rated “{rating}”)"));
    }
    if event.effective_on != event.at.get(..10).unwrap_or_default() {
        what.push_str(&format!(", in effect from {}", event.effective_on));
    }
    Update {
        at: event.at.clone(),
        what,
        why: if notes { event.note.clone() } else { None },
    }
}

/// A `claim.edit` after first publication, as an update.
fn wording_update(operation: &Operation, sources: &HashMap<i64, &str>, notes: bool) -> Update {
    let mut parts = Vec::new();
    let (old, new) = (operation.old.as_ref(), operation.new.as_ref());
    if let Some(serde_json::Value::Object(new)) = new {
        for (field, value) in new {
            let was = old.and_then(|o| o.get(field)).unwrap_or(&serde_json::Value::Null);
            let shown = |v: &serde_json::Value| -> String {
                match (field.as_str(), v) {
                    (_, serde_json::Value::Null) => "nothing".to_string(),
                    ("source", serde_json::Value::Number(n)) => n
                        .as_i64()
                        .and_then(|k| sources.get(&k))
                        .map_or_else(|| "another source".to_string(), |name| (*name).to_string()),
                    ("article", _) => "another article".to_string(),
                    (_, serde_json::Value::String(s)) => format!("“{s}”"),
                    (_, serde_json::Value::Array(items)) => items
                        .iter()
                        .filter_map(|i| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    (_, other) => other.to_string(),
                }
            };
            let name = match field.as_str() {
                "text" => "Wording",
                "quote" => "Quote",
                "said_on" => "Date said",
                "source" => "Speaker",
                "article" => "Article",
                "tags" => "Tags",
                "language" => "Language",
                other => other,
            };
            parts.push(format!(
                "{name} corrected from {} to {}",
                shown(was),
                shown(value)
            ));
        }
    }
    Update {
        at: operation.at.clone(),
        what: if parts.is_empty() {
            "Corrected".to_string()
        } else {
            parts.join("; ")
        },
        why: if notes { operation.note.clone() } else { None },
    }
}

/// A file name for a name: ASCII letters and digits, lowercase, words
/// joined by `-` (accents dropped, other scripts kept as their code
/// points' hex so that no two names share a slug by accident).
fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut gap = false;
    for c in name.nfkd() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push_str(&format!("u{:x}", c as u32));
        } else {
            gap = true;
        }
    }
    out.truncate(80);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "x".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_ascii_and_keep_other_scripts_apart() {
        assert_eq!(slug("Dmitry Peskov"), "dmitry-peskov");
        assert_eq!(slug("  José  Martí! "), "jose-marti");
        assert_eq!(slug("FSB (Russia)"), "fsb-russia");
        assert_ne!(slug("Песков"), slug("Путин"));
        assert!(
            slug("Песков")
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        );
        assert_eq!(slug("!!!"), "x");
    }
}
