//! The importer: claim files, and the rows every other format reads into
//! the same [`ClaimFile`] shape, loaded into the store one file at a time,
//! inside the caller's one transaction. It sits between the readers
//! (`claimfile`, `formats`, which never touch the store) and the store.
//!
//! Import is idempotent. Sources and articles are matched by name and URL,
//! claims by id (given, or derived from article URL + source + text). A file
//! that says nothing new changes nothing. New entries at the end of a
//! claim's history are appended, and a `status` (or `rating`) that differs
//! from the database's is recorded as a new event: history is never
//! rewritten.
//!
//! Files stream through [`Importer::add`]: each is checked against what the
//! run has seen (ids, declared sources, aliases), written, and dropped, so
//! memory does not grow with the number of files. Links and speaks-for
//! links wait until every file is in, since they may point into a later
//! file. Every problem is collected with its `file:line:column`; any
//! problem fails the import as a whole (the caller rolls back).

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use crate::claimfile::{ClaimFile, ClaimSpec, EventSpec, LinkSpec, Loc, Problem, SourceSpec, SpeaksForSpec};
use crate::error::{Error, Result};
use crate::model::{Relation, Source, SourceKind, Status};
use crate::store::importing::Importing;
use crate::store::{BulkLoad, NewClaim, NewEvent, NewOperation, Write, fold_name, now_timestamp};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Who is importing; used for history entries that name no one.
    pub actor: String,
    /// Keep claims whose quote is not in the article's snapshot, warning
    /// instead of failing.
    pub allow_orphans: bool,
    /// What to do when a file states a verdict other than one a person
    /// recorded in the database since.
    pub conflicts: Conflicts,
}

/// How an import settles a file's verdict that differs from a newer one
/// recorded by hand in the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Conflicts {
    /// List every conflict and import nothing.
    #[default]
    Refuse,
    /// Keep the database's verdict.
    Ours,
    /// Take the file's: appended to the history, naming the file.
    Theirs,
}

/// Added / updated / unchanged counts of one kind of record.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    /// New records.
    pub added: usize,
    /// Records that existed and changed.
    pub updated: usize,
    /// Records that existed as they were.
    pub unchanged: usize,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    /// Files read.
    pub files: usize,
    /// Articles.
    pub articles: Tally,
    /// Sources.
    pub sources: Tally,
    /// Claims.
    pub claims: Tally,
    /// History events appended (including each new claim's first).
    pub events_added: usize,
    /// Links.
    pub links: Tally,
    /// Quotes not found in their article's snapshot (kept with `allow_orphans`).
    #[serde(skip)]
    pub orphans: Vec<Problem>,
}

impl ImportSummary {
    /// True when the import wrote nothing.
    pub fn changed_nothing(&self) -> bool {
        let untouched = |t: &Tally| t.added == 0 && t.updated == 0;
        untouched(&self.articles)
            && untouched(&self.sources)
            && untouched(&self.claims)
            && untouched(&self.links)
            && self.events_added == 0
    }
}

/// What happened to one source in this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
}

/// A link whose ends are known by id, waiting for every file to be in.
struct PendingLink {
    from: (std::result::Result<Uuid, String>, Loc),
    relation: Relation,
    to: (std::result::Result<Uuid, String>, Loc),
}

/// One import run. Feed it files with [`Importer::add`], then [`Importer::finish`].
pub struct Importer<'o> {
    options: &'o ImportOptions,
    now: String,
    summary: ImportSummary,
    problems: Vec<Problem>,
    /// Every claim id seen in this run, and where.
    /// (An index into `first_locs`.)
    ids: HashMap<Uuid, u32>,
    first_locs: Vec<Loc>,
    /// The ids of table rows seen in this run, folded to 64 bits: rows
    /// repeat without error, so no place is kept, and a million rows take
    /// 8 MB here instead of a million paths.
    row_ids: std::collections::HashSet<u64>,
    /// Declared sources by folded name: kind (when given) and where.
    declared: HashMap<String, (Option<SourceKind>, Loc)>,
    /// Declared aliases by folded alias: owner's name and where.
    aliases: HashMap<String, (String, Loc)>,
    /// Sources looked up or created in this run, by folded name or alias.
    known: HashMap<String, Source>,
    /// Source keys by the exact name a claim gave: most rows of a large
    /// data set name a speaker seen before, and this spares folding the
    /// name and copying the source for each of them.
    keys_by_name: HashMap<String, i64>,
    outcomes: HashMap<String, Outcome>,
    speaks_for: Vec<(String, SpeaksForSpec)>,
    links: Vec<PendingLink>,
    /// New claims not yet written: they go in batches across files, since
    /// each statement costs a round trip to the database thread.
    pending: Vec<NewClaim>,
    /// The files the pending claims come from, for their operation.
    pending_files: Vec<String>,
    /// Whether the database held claims / articles when the run began: if
    /// not, only this run's own records can match, and the lookups that
    /// idempotence needs are answered from memory instead.
    had_claims: Option<bool>,
    had_articles: bool,
    /// What was set aside while this run fills an empty database.
    bulk: Option<BulkLoad>,
    /// Articles written or checked in this run, by URL, with what they hold.
    articles: HashMap<String, (i64, ArticleFields)>,
}

/// An article's descriptive fields, compared to decide whether an import
/// changes it. `None` in a partial article means "not given". The body is
/// kept as a digest: the run remembers every article it wrote, and bodies
/// are the bulk of a claim file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ArticleFields {
    title: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    body: Option<u64>,
}

/// A claim id folded to the 64 bits `Importer::row_ids` keeps.
fn row_key(id: &Uuid) -> u64 {
    let (high, low) = id.as_u64_pair();
    high ^ low
}

/// A body's digest, for telling whether two bodies are the same.
fn digest(body: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    hasher.finish()
}

impl ArticleFields {
    fn of(spec: &crate::claimfile::ArticleSpec) -> ArticleFields {
        ArticleFields {
            title: Some(spec.title.clone()).filter(|t| !t.is_empty()),
            publisher: spec.publisher.clone(),
            published: spec.published.map(|d| d.to_string()),
            body: spec.body.as_deref().map(digest),
        }
    }

    /// These fields with every one `other` gives replaced.
    fn updated_by(&self, other: &ArticleFields) -> ArticleFields {
        ArticleFields {
            title: other.title.clone().or_else(|| self.title.clone()),
            publisher: other.publisher.clone().or_else(|| self.publisher.clone()),
            published: other.published.clone().or_else(|| self.published.clone()),
            body: other.body.or(self.body),
        }
    }

    /// Whether everything these fields give is already in `stored`.
    fn within(&self, stored: &ArticleFields) -> bool {
        stored.updated_by(self) == *stored
    }
}

/// Imports whole files at once (for callers that already hold them).
pub async fn import(
    store: &mut Write<'_>,
    files: Vec<ClaimFile>,
    options: &ImportOptions,
) -> Result<ImportSummary> {
    let mut importer = Importer::new(options);
    for file in files {
        importer.add(store, file).await?;
    }
    importer.finish(store).await
}

impl<'o> Importer<'o> {
    /// A new run, inside one write transaction ([`Write`]).
    pub fn new(options: &'o ImportOptions) -> Self {
        Importer {
            options,
            now: now_timestamp(),
            summary: ImportSummary::default(),
            problems: Vec::new(),
            ids: HashMap::new(),
            first_locs: Vec::new(),
            row_ids: std::collections::HashSet::new(),
            declared: HashMap::new(),
            aliases: HashMap::new(),
            known: HashMap::new(),
            keys_by_name: HashMap::new(),
            outcomes: HashMap::new(),
            speaks_for: Vec::new(),
            links: Vec::new(),
            pending: Vec::new(),
            pending_files: Vec::new(),
            had_claims: None,
            had_articles: true,
            bulk: None,
            articles: HashMap::new(),
        }
    }

    /// Records problems found before a file could be parsed.
    pub fn reject(&mut self, problems: Vec<Problem>) {
        self.summary.files += 1;
        self.problems.extend(problems);
    }

    /// Whether any problem has been found so far.
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Checks and writes one file.
    pub(crate) async fn add(&mut self, store: &mut impl Importing, file: ClaimFile) -> Result<()> {
        self.summary.files += 1;
        let problems_before = self.problems.len();
        for source in &file.sources {
            self.check_declaration(source);
        }
        let mut repeats = Vec::new();
        for claim in &file.claims {
            if file.merge_repeats {
                // A table's rows: 8 bytes each. Two ids that fold alike
                // (about one chance in 10^7 at a billion rows) only cost a
                // needless lookup: the "repeat" is then found to be new.
                if !self.row_ids.insert(row_key(&claim.id)) || self.ids.contains_key(&claim.id) {
                    repeats.push(claim.id);
                }
                continue;
            }
            match self.ids.get(&claim.id) {
                Some(first) => {
                    let first = &self.first_locs[*first as usize];
                    self.problems.push(Problem {
                        loc: claim.id_loc.clone(),
                        message: format!(
                            "duplicate claim id {} (first at {first}); a claim without an id is identified by its article, source and text",
                            claim.id
                        ),
                    })
                }
                None => {
                    self.ids.insert(claim.id, self.first_locs.len() as u32);
                    self.first_locs.push(claim.id_loc.clone());
                    // Also a row of a table read earlier in this run: that
                    // one is written; this file reconciles with it.
                    if self.row_ids.contains(&row_key(&claim.id)) {
                        repeats.push(claim.id);
                    }
                }
            }
        }
        if self.problems.len() > problems_before {
            return Ok(()); // the run fails; writing this file would only add noise
        }
        if self.had_claims.is_none() {
            let (claims, articles) = store.has_claims_and_articles().await?;
            self.had_claims = Some(claims);
            self.had_articles = articles;
            if !claims {
                self.bulk = store.begin_bulk_load().await?;
            }
        }
        for source in &file.sources {
            self.write_source(store, source).await?;
        }
        if !repeats.is_empty() {
            // A repeat is reconciled like a claim already in the database,
            // so it must be there, not waiting in the batch.
            self.flush(store).await?;
        }
        let article = self.write_article(store, &file).await?;
        let keys: HashMap<String, Uuid> = file
            .claims
            .iter()
            .filter_map(|c| c.key.as_ref().map(|k| (k.clone(), c.id)))
            .collect();
        let mut file = file;
        let path = file.path.display().to_string();
        if !self.pending_files.contains(&path) {
            self.pending_files.push(path);
        }
        let mut claims = std::mem::take(&mut file.claims);
        let mut body = file.article.as_ref().and_then(|a| a.body.as_deref());
        // The database kept its own body (`--ours`): the quotes anchor there,
        // not in the file's.
        let kept;
        if let (Some(spec), Some(key)) = (&file.article, article)
            && let Some(given) = &spec.body
            && self
                .articles
                .get(&spec.url)
                .is_some_and(|(_, stored)| stored.body != Some(digest(given)))
        {
            kept = store.article_body(key).await?;
            body = kept.as_deref();
            for claim in &mut claims {
                claim.anchor = claim
                    .quote
                    .as_ref()
                    .zip(body)
                    .and_then(|((quote, _), body)| crate::anchor::find(body, quote, None));
            }
        }
        self.write_claims(store, body, claims, article, &repeats).await?;
        for LinkSpec { from, relation, to } in file.links {
            let end = |(name, loc): (String, Loc)| {
                let id = keys
                    .get(name.as_str())
                    .copied()
                    .or_else(|| Uuid::parse_str(&name).ok())
                    .ok_or(name);
                (id, loc)
            };
            self.links.push(PendingLink {
                from: end(from),
                relation,
                to: end(to),
            });
        }
        Ok(())
    }

    /// Writes the pending new claims as one `import` operation, whose
    /// digests cover them and their histories.
    async fn flush(&mut self, store: &mut impl Importing) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        store.open_operation().await?;
        store.insert_claims(std::mem::take(&mut self.pending)).await?;
        store
            .close_operation(NewOperation {
                kind: "import",
                new: Some(serde_json::json!({ "files": std::mem::take(&mut self.pending_files) })),
                actor: self.options.actor.clone(),
                ..NewOperation::default()
            })
            .await?;
        Ok(())
    }

    /// Writes what waited for every file (speaks-for links, claim links) and
    /// returns the summary, or every problem found.
    pub(crate) async fn finish(mut self, store: &mut impl Importing) -> Result<ImportSummary> {
        self.flush(store).await?;
        for (speaker, link) in std::mem::take(&mut self.speaks_for) {
            let (Some(speaker), Some(org)) = (
                self.source(store, &speaker).await?,
                self.source(store, &link.organization).await?,
            ) else {
                self.problems.push(Problem {
                    loc: link.loc.clone(),
                    message: format!(
                        "source '{}' is used but not declared in [[sources]] or known",
                        link.organization
                    ),
                });
                continue;
            };
            match store
                .add_speaks_for(&speaker, &org, &link.role, link.since, link.until)
                .await
            {
                Ok(added) => self.note_source(&speaker.name, added),
                Err(Error::Invalid(message)) => self.problems.push(Problem {
                    loc: link.loc,
                    message,
                }),
                Err(other) => return Err(other),
            }
        }
        for link in std::mem::take(&mut self.links) {
            let mut ends = Vec::with_capacity(2);
            for (id, loc) in [link.from, link.to] {
                let claim = match &id {
                    Ok(id) => store.claim_by_id(id).await?,
                    Err(_) => None,
                };
                match claim {
                    Some(claim) => ends.push((claim, loc)),
                    None => {
                        let name = id.map_or_else(|name| name, |id| id.to_string());
                        self.problems.push(Problem {
                            loc,
                            message: format!(
                                "link to unknown claim '{name}': not a key in this file nor the id of a claim"
                            ),
                        });
                    }
                }
            }
            if let [(from, loc), (to, _)] = ends.as_slice() {
                match store.add_link(from, link.relation, to, "import").await {
                    Ok(true) => self.summary.links.added += 1,
                    Ok(false) => self.summary.links.unchanged += 1,
                    Err(Error::Invalid(message)) => self.problems.push(Problem {
                        loc: loc.clone(),
                        message,
                    }),
                    Err(other) => return Err(other),
                }
            }
        }
        for outcome in self.outcomes.values() {
            match outcome {
                Outcome::Added => self.summary.sources.added += 1,
                Outcome::Updated => self.summary.sources.updated += 1,
                Outcome::Unchanged => self.summary.sources.unchanged += 1,
            }
        }
        if let Some(bulk) = self.bulk.take() {
            store.finish_bulk_load(bulk).await?;
        }
        if self.problems.is_empty() {
            Ok(self.summary)
        } else {
            Err(Error::Files(self.problems))
        }
    }

    /// A source declared twice differently, or an alias given to two sources.
    fn check_declaration(&mut self, source: &SourceSpec) {
        let key = fold_name(&source.name);
        match self.declared.get(&key) {
            Some((Some(kind), first)) if source.kind.is_some_and(|k| k != *kind) => {
                self.problems.push(Problem {
                    loc: source.loc.clone(),
                    message: format!(
                        "source '{}' is declared as {} here but as {kind} at {first}",
                        source.name,
                        source.kind.map_or("", SourceKind::as_str)
                    ),
                })
            }
            Some(_) => {}
            None => {
                if let Some((owner, first)) = self.aliases.get(&key) {
                    self.problems.push(Problem {
                        loc: source.loc.clone(),
                        message: format!("'{}' is already an alias of '{owner}' ({first})", source.name),
                    });
                }
                self.declared
                    .insert(key.clone(), (source.kind, source.loc.clone()));
            }
        }
        for (alias, loc) in &source.aliases {
            let alias_key = fold_name(alias);
            let problem = match (self.aliases.get(&alias_key), self.declared.get(&alias_key)) {
                (Some((owner, first)), _) if fold_name(owner) != key => Some(format!(
                    "alias '{alias}' is claimed by both '{owner}' ({first}) and '{}'",
                    source.name
                )),
                (_, Some((_, named))) if alias_key != key => Some(format!(
                    "alias '{alias}' of '{}' is the name of another source (declared at {named})",
                    source.name
                )),
                _ => None,
            };
            match problem {
                Some(message) => self.problems.push(Problem {
                    loc: loc.clone(),
                    message,
                }),
                None => {
                    self.aliases
                        .entry(alias_key)
                        .or_insert_with(|| (source.name.clone(), loc.clone()));
                }
            }
        }
    }

    /// The source a name or alias means, from this run's cache or the store.
    async fn source(&mut self, store: &mut impl Importing, name: &str) -> Result<Option<Source>> {
        let key = fold_name(name);
        if let Some(source) = self.known.get(&key) {
            return Ok(Some(source.clone()));
        }
        let found = store.find_source(name).await?;
        if let Some(source) = &found {
            self.known.insert(key, source.clone());
        }
        Ok(found)
    }

    /// The key of the source a claim names, if known. A source's key never
    /// changes during a run, so the answer for a name is kept.
    async fn source_key(&mut self, store: &mut impl Importing, name: &str) -> Result<Option<i64>> {
        if let Some(key) = self.keys_by_name.get(name) {
            return Ok(Some(*key));
        }
        let key = self.source(store, name).await?.map(|s| s.key);
        if let Some(key) = key {
            self.keys_by_name.insert(name.to_string(), key);
        }
        Ok(key)
    }

    fn note_source(&mut self, name: &str, changed: bool) {
        let entry = self.outcomes.entry(fold_name(name)).or_insert(Outcome::Unchanged);
        if changed && *entry == Outcome::Unchanged {
            *entry = Outcome::Updated;
        }
    }

    async fn write_source(&mut self, store: &mut impl Importing, spec: &SourceSpec) -> Result<()> {
        let key = fold_name(&spec.name);
        let mut changed = false;
        let source = match self.source(store, &spec.name).await? {
            Some(existing) if fold_name(&existing.name) != key => {
                self.problems.push(Problem {
                    loc: spec.loc.clone(),
                    message: format!(
                        "'{}' is already an alias of source '{}'",
                        spec.name, existing.name
                    ),
                });
                return Ok(());
            }
            Some(existing) => {
                // The first declaration in a run speaks for the source; later
                // rows only fill in what it left out. So a data set whose
                // rows give one speaker several job titles imports the same
                // way every time, and importing it again changes nothing.
                let first_in_run = !self.outcomes.contains_key(&key);
                let kind = match spec.kind {
                    Some(kind) if first_in_run => kind,
                    _ => existing.kind,
                };
                let profile = if first_in_run {
                    existing.profile.updated_by(&spec.profile)
                } else {
                    spec.profile.updated_by(&existing.profile)
                };
                if existing.kind != kind || profile != existing.profile {
                    store.update_source(existing.key, kind, &profile, None).await?;
                    let updated = Source {
                        kind,
                        profile,
                        ..existing.clone()
                    };
                    self.known.insert(key.clone(), updated);
                    changed = true;
                }
                existing
            }
            None => {
                self.outcomes.insert(key.clone(), Outcome::Added);
                let kind = spec.kind.unwrap_or(SourceKind::Person);
                let created = store
                    .add_source_with_profile(&spec.name, kind, &spec.profile)
                    .await?;
                self.known.insert(key.clone(), created.clone());
                created
            }
        };
        for (alias, loc) in &spec.aliases {
            match self.source(store, alias).await? {
                Some(owner) if owner.key == source.key => {}
                Some(owner) => self.problems.push(Problem {
                    loc: loc.clone(),
                    message: format!("alias '{alias}' is already taken by source '{}'", owner.name),
                }),
                None => {
                    store.add_alias(&source, alias).await?;
                    self.known.insert(fold_name(alias), source.clone());
                    changed = true;
                }
            }
        }
        self.note_source(&spec.name, changed);
        for link in &spec.speaks_for {
            self.speaks_for.push((spec.name.clone(), link.clone()));
        }
        Ok(())
    }

    /// Parts of an article the file would change that a person edited in
    /// the database: listed as conflicts, or settled by `--ours` (the
    /// database's part stays in `merged`) or `--theirs`.
    async fn settle_article_conflicts(
        &mut self,
        store: &mut impl Importing,
        key: i64,
        spec: &crate::claimfile::ArticleSpec,
        current: &ArticleFields,
        merged: &mut ArticleFields,
    ) -> Result<()> {
        let by_hand = store
            .fields_edited_by_hand(crate::store::Edited::Article(key))
            .await?;
        let parts: [(&str, bool); 4] = [
            ("title", merged.title != current.title),
            ("publisher", merged.publisher != current.publisher),
            ("published_on", merged.published != current.published),
            ("body_sha256", merged.body != current.body),
        ];
        for (part, differs) in parts {
            let Some((actor, at)) = by_hand.get(part).filter(|_| differs) else {
                continue;
            };
            match self.options.conflicts {
                Conflicts::Refuse => {
                    let show = |value: &Option<String>| shown(value.as_deref());
                    let (file, database) = match part {
                        "title" => (show(&merged.title), show(&current.title)),
                        "publisher" => (show(&merged.publisher), show(&current.publisher)),
                        "published_on" => (show(&merged.published), show(&current.published)),
                        _ => ("another body".to_string(), "a newer one".to_string()),
                    };
                    let part = part.trim_end_matches("_sha256");
                    self.problems.push(Problem {
                        loc: spec.loc.clone(),
                        message: format!(
                            "article {}: {part}: the file says {file}, but the database says {database} (edited by {actor} at {at}); --ours keeps the database's, --theirs takes the file's",
                            spec.url
                        ),
                    });
                }
                Conflicts::Ours => match part {
                    "title" => merged.title = current.title.clone(),
                    "publisher" => merged.publisher = current.publisher.clone(),
                    "published_on" => merged.published = current.published.clone(),
                    _ => merged.body = current.body,
                },
                Conflicts::Theirs => {}
            }
        }
        Ok(())
    }

    /// Creates or updates the file's article; returns its key.
    async fn write_article(&mut self, store: &mut impl Importing, file: &ClaimFile) -> Result<Option<i64>> {
        let Some(spec) = &file.article else {
            return Ok(None);
        };
        let wanted = ArticleFields::of(spec);
        let existing = match self.articles.get(&spec.url) {
            // Written or checked earlier in this run: nothing new to say.
            Some((key, seen)) if wanted.within(seen) => return Ok(Some(*key)),
            Some((key, _)) => Some(store.article(*key).await?),
            None if self.had_articles => store.find_article_by_url(&spec.url).await?,
            None => None,
        };
        let key = match existing {
            None => {
                self.summary.articles.added += 1;
                let title = if spec.title.is_empty() {
                    &spec.url
                } else {
                    &spec.title
                };
                let (publisher, published, body) =
                    (spec.publisher.as_deref(), spec.published, spec.body.as_deref());
                let key = if self.had_articles {
                    store
                        .add_article(&spec.url, title, publisher, published, body)
                        .await?
                } else {
                    // New to an empty table and to this run: no lookup.
                    store
                        .insert_article(&spec.url, title, publisher, published, body)
                        .await?
                };
                let stored = ArticleFields {
                    title: Some(title.clone()),
                    ..wanted
                };
                self.articles.insert(spec.url.clone(), (key, stored));
                key
            }
            Some(existing) => {
                let body = store.article_body(existing.key).await?;
                let current = ArticleFields {
                    title: Some(existing.title.clone()),
                    publisher: existing.publisher.clone(),
                    published: existing.published_on.clone(),
                    body: body.as_deref().map(digest),
                };
                let mut merged = if spec.partial {
                    current.updated_by(&wanted)
                } else {
                    wanted
                };
                if merged != current {
                    self.settle_article_conflicts(store, existing.key, spec, &current, &mut merged)
                        .await?;
                }
                if merged == current {
                    self.summary.articles.unchanged += 1;
                } else {
                    self.summary.articles.updated += 1;
                    let published = match &merged.published {
                        Some(day) => Some(day.parse()?),
                        None => None,
                    };
                    // A partial article without a body keeps the stored one,
                    // and so does a conflict settled by --ours.
                    let body = match (&spec.body, spec.partial) {
                        _ if merged.body == current.body => body.as_deref(),
                        (Some(given), _) => Some(given.as_str()),
                        (None, true) => body.as_deref(),
                        (None, false) => None,
                    };
                    store
                        .update_article(
                            existing.key,
                            &crate::store::ArticleParts {
                                title: merged.title.as_deref().unwrap_or(&existing.title),
                                publisher: merged.publisher.as_deref(),
                                published_on: published,
                                body,
                            },
                            "import.article",
                            Some(format!("import of {}", spec.loc.file.display())),
                        )
                        .await?;
                }
                self.articles.insert(spec.url.clone(), (existing.key, merged));
                existing.key
            }
        };
        Ok(Some(key))
    }

    /// New claims go in one batch, with their reconciling event and quote
    /// anchor computed in memory; existing claims are reconciled one by one.
    async fn write_claims(
        &mut self,
        store: &mut impl Importing,
        body: Option<&str>,
        claims: Vec<ClaimSpec>,
        article: Option<i64>,
        repeats: &[Uuid],
    ) -> Result<()> {
        let existing = if self.had_claims == Some(false) {
            store.existing_claims(repeats).await?
        } else {
            let ids: Vec<Uuid> = claims.iter().map(|c| c.id).collect();
            store.existing_claims(&ids).await?
        };
        let mut fresh = Vec::new();
        for spec in claims {
            // A verdict stamped after the import runs would count in
            // `report --as-of` before it was made, and every later event
            // would seem to run backwards from it.
            for event in spec.history.iter().filter(|e| e.at > self.now) {
                self.problems.push(Problem {
                    loc: event.loc.clone(),
                    message: format!(
                        "history entry at {} is in the future (it is now {})",
                        event.at, self.now
                    ),
                });
            }
            let Some(source_key) = self.source_key(store, &spec.by.0).await? else {
                self.problems.push(Problem {
                    loc: spec.by.1.clone(),
                    message: format!(
                        "source '{}' is used but not declared in [[sources]] or known",
                        spec.by.0
                    ),
                });
                continue;
            };
            // A quote anchored in an earlier body of the article (one a newer
            // body replaced) stays anchored there.
            let kept_in_snapshot = match (existing.get(&spec.id), &spec.quote, &spec.anchor) {
                (Some(key), Some((quote, _)), None) => store.quote_kept_in_snapshot(*key, quote).await?,
                _ => false,
            };
            if let (Some((quote, loc)), Some(_), None, false) =
                (&spec.quote, body, &spec.anchor, kept_in_snapshot)
            {
                let problem = Problem {
                    loc: loc.clone(),
                    message: format!(
                        "quote '{}' is not in the article's snapshot",
                        crate::model::excerpt(quote, 60)
                    ),
                };
                if self.options.allow_orphans {
                    self.summary.orphans.push(problem);
                } else {
                    self.problems.push(problem);
                }
            }
            match existing.get(&spec.id) {
                Some(key) => {
                    let anchor = (!kept_in_snapshot).then_some(spec.anchor.as_ref());
                    let (changed, conflicts) =
                        update_fields(store, *key, &spec, source_key, article, anchor, self.options).await?;
                    self.problems.extend(conflicts.into_iter().map(|message| Problem {
                        loc: spec.loc.clone(),
                        message,
                    }));
                    let (appended, conflict) =
                        reconcile_history(store, *key, &spec, self.options, &self.now).await?;
                    if let Some(message) = conflict {
                        self.problems.push(Problem {
                            loc: spec.loc.clone(),
                            message,
                        });
                    }
                    self.summary.events_added += appended;
                    if changed || appended > 0 {
                        self.summary.claims.updated += 1;
                    } else {
                        self.summary.claims.unchanged += 1;
                    }
                }
                None => fresh.push(new_claim(spec, source_key, article, self.options, &self.now)),
            }
        }
        self.summary.claims.added += fresh.len();
        self.summary.events_added += fresh.iter().map(|c| c.history.len()).sum::<usize>();
        self.pending.extend(fresh);
        if self.pending.len() >= store.claims_per_flush() {
            self.flush(store).await?;
        }
        Ok(())
    }
}

/// A new claim with its history: the file's, or one event that logs it;
/// plus an event for a status or rating the file sets beyond that history.
/// The spec's strings move into the claim: a million-row import allocates
/// each once.
fn new_claim(
    mut spec: ClaimSpec,
    source_key: i64,
    article_key: Option<i64>,
    options: &ImportOptions,
    now: &str,
) -> NewClaim {
    let mut history: Vec<NewEvent> = if spec.history.is_empty() {
        let review = std::mem::take(&mut spec.review);
        vec![NewEvent {
            to: spec.status.unwrap_or(Status::Unverified),
            rating: spec.rating.clone(),
            note: spec.note.take(),
            evidence: review.evidence,
            actor: review.reviewer.unwrap_or_else(|| options.actor.clone()),
            at: now.to_string(),
            effective_on: review.reviewed_on.map(|d| d.to_string()),
        }]
    } else {
        std::mem::take(&mut spec.history)
            .into_iter()
            .map(|e| event_of(e, options))
            .collect()
    };
    let last = history.last().map(|e| e.to).unwrap_or(Status::Unverified);
    let rating = history.iter().rev().find_map(|e| e.rating.clone());
    if let Some(event) = status_event(&spec, last, rating.as_deref(), options, now) {
        history.push(event);
    }
    NewClaim {
        id: spec.id,
        source_key,
        article_key,
        text: spec.text,
        quote: spec.quote.map(|q| q.0),
        said_on: spec.said_on,
        tags: spec.tags,
        history,
        anchor: spec.anchor,
        origin: spec.origin,
        language: spec.language,
    }
}

/// The event that records a `status` or `rating` the file sets and the
/// history does not end with.
fn status_event(
    spec: &ClaimSpec,
    current: Status,
    current_rating: Option<&str>,
    options: &ImportOptions,
    now: &str,
) -> Option<NewEvent> {
    let status = spec.status.unwrap_or(current);
    let rating_differs = spec.rating.is_some() && spec.rating.as_deref() != current_rating;
    (status != current || rating_differs).then(|| NewEvent {
        to: status,
        rating: spec.rating.clone().filter(|_| rating_differs),
        note: Some(
            spec.note
                .clone()
                .unwrap_or_else(|| format!("set by claim file {}", spec.loc.file.display())),
        ),
        evidence: spec.review.evidence.clone(),
        actor: spec
            .review
            .reviewer
            .clone()
            .unwrap_or_else(|| options.actor.clone()),
        at: now.to_string(),
        effective_on: spec.review.reviewed_on.map(|d| d.to_string()),
    })
}

fn event_of(spec: EventSpec, options: &ImportOptions) -> NewEvent {
    NewEvent {
        to: spec.status,
        rating: spec.rating,
        note: spec.note,
        evidence: spec.evidence,
        actor: spec.actor.unwrap_or_else(|| options.actor.clone()),
        at: spec.at,
        effective_on: spec.on.map(|d| d.to_string()),
    }
}

/// Brings an existing claim's descriptive fields, tags and anchor in line
/// with what the file states (`anchor`: where its quote stands in the
/// current body; `None` leaves it in the earlier snapshot it was anchored
/// in), recording the change as an `import.edit` in the journal that names
/// the file. A field the file does not state is left alone. A field the
/// file would change that a person edited in the database is a conflict,
/// settled by `--ours`/`--theirs` or returned (one message per field, and
/// nothing changed). Returns whether anything changed, and the conflicts.
async fn update_fields(
    store: &mut impl Importing,
    key: i64,
    spec: &ClaimSpec,
    source_key: i64,
    article_key: Option<i64>,
    anchor: Option<Option<&crate::anchor::QuoteAnchor>>,
    options: &ImportOptions,
) -> Result<(bool, Vec<String>)> {
    let existing = store.claim(key).await?;
    let current = store.claim_record(key).await?;
    let mut wanted = crate::journal::ClaimRecord {
        source: source_key,
        text: spec.text.trim().to_string(),
        ..current.clone()
    };
    let stated = spec.stated;
    if stated.article {
        wanted.article = article_key;
    }
    if stated.quote {
        wanted.quote = spec.quote.as_ref().map(|q| q.0.clone());
    }
    if stated.said_on {
        wanted.said_on = spec.said_on.map(|d| d.to_string());
    }
    if stated.language {
        wanted.language = spec.language.clone();
    }
    if stated.tags {
        let mut tags: Vec<String> = Vec::new();
        for tag in &spec.tags {
            let tag = tag.trim().to_string();
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        // Tags that differ only in ASCII case are the same tags to the database.
        let same_tags = tags.len() == current.tags.len()
            && tags
                .iter()
                .all(|t| current.tags.iter().any(|c| c.eq_ignore_ascii_case(t)));
        if !same_tags {
            tags.sort();
            wanted.tags = tags;
        }
    }
    let differing = differing_fields(&current, &wanted);
    let mut conflicts = Vec::new();
    if !differing.is_empty() {
        let by_hand = store
            .fields_edited_by_hand(crate::store::Edited::Claim(key))
            .await?;
        for field in differing {
            let Some((actor, at)) = by_hand.get(field) else {
                continue;
            };
            match options.conflicts {
                Conflicts::Refuse => {
                    let (file, database) = match field {
                        "source" => (quoted(&spec.by.0), quoted(&existing.source)),
                        "article" => {
                            let url = match wanted.article {
                                Some(article) => Some(store.article(article).await?.url),
                                None => None,
                            };
                            (shown(url.as_deref()), shown(existing.article_url.as_deref()))
                        }
                        "text" => (quoted(&wanted.text), quoted(&current.text)),
                        "quote" => (shown(wanted.quote.as_deref()), shown(current.quote.as_deref())),
                        "said_on" => (
                            shown(wanted.said_on.as_deref()),
                            shown(current.said_on.as_deref()),
                        ),
                        "language" => (
                            shown(wanted.language.as_deref()),
                            shown(current.language.as_deref()),
                        ),
                        _ => (
                            shown(
                                Some(&wanted.tags.join(", "))
                                    .filter(|t| !t.is_empty())
                                    .map(|t| t.as_str()),
                            ),
                            shown(
                                Some(&current.tags.join(", "))
                                    .filter(|t| !t.is_empty())
                                    .map(|t| t.as_str()),
                            ),
                        ),
                    };
                    conflicts.push(format!(
                        "claim {}: {field}: the file says {file}, but the database says {database} (edited by {actor} at {at}); --ours keeps the database's, --theirs takes the file's",
                        spec.id
                    ));
                }
                Conflicts::Ours => keep_field(&mut wanted, &current, field),
                Conflicts::Theirs => {}
            }
        }
    }
    if !conflicts.is_empty() {
        return Ok((false, conflicts));
    }
    let note = format!("import of {}", spec.loc.file.display());
    let edited = store
        .edit_claim(key, &wanted, "import.edit", Some(note), &options.actor)
        .await?
        .is_some();
    // A file that gives no origin keeps the one the database has.
    let origin_changed = spec.origin.is_some() && spec.origin != existing.origin;
    if origin_changed {
        store.set_origin(key, spec.origin.as_deref()).await?;
    }
    // The anchor is derived from the quote and snapshot: keep it current,
    // without counting it as a change of its own (`None`: it stays in the
    // earlier snapshot it was anchored in).
    if let Some(anchor) = anchor
        && (stated.quote || stated.article)
    {
        store.set_quote_anchor(key, anchor).await?;
    }
    Ok((edited || origin_changed, conflicts))
}

/// The editable fields (as the journal names them) on which two records
/// differ.
fn differing_fields(
    current: &crate::journal::ClaimRecord,
    wanted: &crate::journal::ClaimRecord,
) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if current.source != wanted.source {
        fields.push("source");
    }
    if current.article != wanted.article {
        fields.push("article");
    }
    if current.text != wanted.text {
        fields.push("text");
    }
    if current.quote != wanted.quote {
        fields.push("quote");
    }
    if current.said_on != wanted.said_on {
        fields.push("said_on");
    }
    if current.tags != wanted.tags {
        fields.push("tags");
    }
    if current.language != wanted.language {
        fields.push("language");
    }
    fields
}

/// Puts back the database's value of one field (`--ours`).
fn keep_field(wanted: &mut crate::journal::ClaimRecord, current: &crate::journal::ClaimRecord, field: &str) {
    match field {
        "source" => wanted.source = current.source,
        "article" => wanted.article = current.article,
        "text" => wanted.text = current.text.clone(),
        "quote" => wanted.quote = current.quote.clone(),
        "said_on" => wanted.said_on = current.said_on.clone(),
        "language" => wanted.language = current.language.clone(),
        _ => wanted.tags = current.tags.clone(),
    }
}

/// A value in a conflict message: quoted and cut to a readable length.
fn quoted(text: &str) -> String {
    format!("'{}'", crate::model::excerpt(text, 60))
}

/// An optional value in a conflict message.
fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "nothing".to_string(), quoted)
}

/// Appends the file's history entries that the database does not have yet
/// (when the database's history is where the file's starts), then an event
/// for a status or rating the file sets differently. Returns how many
/// events were appended.
/// Appends the file's history that continues the database's, and the
/// file's own status or rating when they differ. A verdict a person recorded
/// in the database since (the latest event comes from `mark`, `add` or a
/// history older than the journal, not from an import) is not overruled by
/// a file: that is a conflict, returned as a message unless `--ours` or
/// `--theirs` settles it.
async fn reconcile_history(
    store: &mut impl Importing,
    key: i64,
    spec: &ClaimSpec,
    options: &ImportOptions,
    now: &str,
) -> Result<(usize, Option<String>)> {
    let history = store.history(key).await?;
    let mut appended = 0;
    let is_prefix = history.len() < spec.history.len()
        && history
            .iter()
            .zip(&spec.history)
            .all(|(db, file)| db.to == file.status && db.at == file.at);
    let mut events: Vec<NewEvent> = Vec::new();
    if is_prefix {
        events.extend(
            spec.history[history.len()..]
                .iter()
                .map(|e| event_of(e.clone(), options)),
        );
    }
    let claim = store.claim(key).await?;
    // Where the history will stand after those events, to tell whether the
    // file's own status or rating still needs one more.
    let (mut status, mut rating) = (claim.status, claim.rating.clone());
    for event in &events {
        status = event.to;
        if event.rating.is_some() {
            rating = event.rating.clone();
        }
    }
    if let Some(event) = status_event(spec, status, rating.as_deref(), options, now) {
        let by_hand = if events.is_empty() {
            store.latest_verdict_by_hand(key).await?
        } else {
            None
        };
        match (by_hand, options.conflicts) {
            (Some((actor, at)), Conflicts::Refuse) => {
                let said = |status: Status, rating: Option<&str>| match rating {
                    Some(rating) => format!("{status} ({rating})"),
                    None => status.to_string(),
                };
                let message = format!(
                    "claim {}: status: the file says {}, but the database says {} (recorded by {actor} at {at}); --ours keeps the database's verdict, --theirs takes the file's",
                    spec.id,
                    said(event.to, spec.rating.as_deref().or(rating.as_deref())),
                    said(status, rating.as_deref()),
                );
                return Ok((0, Some(message)));
            }
            (Some(_), Conflicts::Ours) => {}
            _ => events.push(event),
        }
    }
    if events.is_empty() {
        return Ok((0, None));
    }
    store.open_operation().await?;
    for event in &events {
        store.append_event(key, event).await?;
        appended += 1;
    }
    let after = store.claim(key).await?;
    store
        .close_operation(NewOperation {
            kind: "import",
            claim_key: Some(key),
            old: Some(serde_json::json!({ "status": claim.status.as_str(), "rating": claim.rating })),
            new: Some(serde_json::json!({ "status": after.status.as_str(), "rating": after.rating })),
            note: Some(format!("import of {}", spec.loc.file.display())),
            actor: options.actor.clone(),
            ..NewOperation::default()
        })
        .await?;
    Ok((appended, None))
}
