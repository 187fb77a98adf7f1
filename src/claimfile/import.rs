//! `claims import`: loads checked claim files into the store.
//!
//! Import is idempotent. Sources and articles are matched by name and URL,
//! claims by id (given, or derived from article URL + source + text). A file
//! that says nothing new changes nothing. New history entries at the end of
//! a claim's history are appended, and a `status` (or `rating`) that differs
//! from the database's is recorded as a new event: history is never
//! rewritten. Everything runs inside the caller's one transaction; any
//! problem is collected with its `file:line:column`, and the import fails
//! as a whole.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use super::{ClaimFile, ClaimSpec, Loc, Problem, SourceSpec};
use crate::anchor;
use crate::error::{Error, Result};
use crate::model::{Source, Status};
use crate::store::{NewClaim, NewEvent, Store, fold_name, now_timestamp};

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Who is importing; used for history entries that name no one.
    pub actor: String,
    /// Keep claims whose quote is not in the article's snapshot, warning
    /// instead of failing.
    pub allow_orphans: bool,
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

/// Imports `files` into `store`. Must run inside [`Store::write`].
pub async fn import(
    store: &mut Store,
    files: &[ClaimFile],
    options: &ImportOptions,
) -> Result<ImportSummary> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut summary = ImportSummary {
        files: files.len(),
        ..ImportSummary::default()
    };
    check_run(files, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Files(problems));
    }

    import_sources(store, files, &mut summary, &mut problems).await?;

    // Articles, by URL.
    let mut article_keys: Vec<Option<i64>> = Vec::with_capacity(files.len());
    for file in files {
        let Some(spec) = &file.article else {
            article_keys.push(None);
            continue;
        };
        let key = match store.find_article_by_url(&spec.url).await? {
            None => {
                summary.articles.added += 1;
                store
                    .add_article(
                        &spec.url,
                        &spec.title,
                        spec.publisher.as_deref(),
                        spec.published,
                        spec.body.as_deref(),
                    )
                    .await?
                    .key
            }
            Some(existing) => {
                let body = store.article_body(existing.key).await?;
                let published = existing.published_on.clone();
                let same = existing.title == spec.title
                    && existing.publisher == spec.publisher
                    && published == spec.published.map(|d| d.to_string())
                    && body == spec.body;
                if same {
                    summary.articles.unchanged += 1;
                } else {
                    summary.articles.updated += 1;
                    store
                        .update_article(
                            existing.key,
                            &spec.title,
                            spec.publisher.as_deref(),
                            spec.published,
                            spec.body.as_deref(),
                        )
                        .await?;
                }
                existing.key
            }
        };
        article_keys.push(Some(key));
    }

    // Claims: new ones in one batch, existing ones reconciled.
    let now = now_timestamp();
    let mut new_claims: Vec<NewClaim> = Vec::new();
    // Existing claims carry whether their fields changed; new ones None.
    let mut reconcile: Vec<(i64, &ClaimSpec, Option<bool>)> = Vec::new();
    let mut fresh: Vec<(usize, &ClaimSpec)> = Vec::new();
    for (file, article_key) in files.iter().zip(&article_keys) {
        for spec in &file.claims {
            let Some(source) = store.find_source(&spec.by.0).await? else {
                problems.push(Problem {
                    loc: spec.by.1.clone(),
                    message: format!(
                        "source '{}' is used but not declared in [[sources]] or known",
                        spec.by.0
                    ),
                });
                continue;
            };
            match store.claim_by_id(&spec.id).await? {
                Some(existing) => {
                    let changed =
                        update_fields(store, existing.key, &existing, spec, source.key, *article_key).await?;
                    reconcile.push((existing.key, spec, Some(changed)));
                }
                None => {
                    fresh.push((new_claims.len(), spec));
                    new_claims.push(new_claim(spec, &source, *article_key, options, &now));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Files(problems));
    }
    summary.claims.added = new_claims.len();
    summary.events_added += new_claims.iter().map(|c| c.history.len()).sum::<usize>();
    let keys = store.insert_claims(&new_claims).await?;
    reconcile.extend(fresh.iter().map(|(i, spec)| (keys[*i], *spec, None)));
    for (key, spec, fields_changed) in reconcile {
        let appended = reconcile_history(store, key, spec, options, &now).await?;
        summary.events_added += appended;
        match fields_changed {
            None => {}
            Some(changed) if changed || appended > 0 => summary.claims.updated += 1,
            Some(_) => summary.claims.unchanged += 1,
        }
    }

    anchor_quotes(store, files, options, &mut summary, &mut problems).await?;
    link_claims(store, files, &mut summary, &mut problems).await?;

    if problems.is_empty() {
        Ok(summary)
    } else {
        Err(Error::Files(problems))
    }
}

/// Problems visible without the database: one id used twice in the run, a
/// source declared twice differently, an alias given to two sources.
fn check_run(files: &[ClaimFile], problems: &mut Vec<Problem>) {
    let mut ids: HashMap<Uuid, Loc> = HashMap::new();
    for spec in files.iter().flat_map(|f| &f.claims) {
        if let Some(first) = ids.get(&spec.id) {
            problems.push(Problem {
                loc: spec.id_loc.clone(),
                message: format!("duplicate claim id {} (first at {first}); a claim without an id is identified by its article, source and text", spec.id),
            });
        } else {
            ids.insert(spec.id, spec.id_loc.clone());
        }
    }
    let mut kinds: HashMap<String, &SourceSpec> = HashMap::new();
    let mut owners: HashMap<String, (&str, &Loc)> = HashMap::new();
    for source in files.iter().flat_map(|f| &f.sources) {
        let key = fold_name(&source.name);
        match kinds.get(&key) {
            Some(first) if first.kind != source.kind => problems.push(Problem {
                loc: source.loc.clone(),
                message: format!(
                    "source '{}' is declared as {} here but as {} at {}",
                    source.name, source.kind, first.kind, first.loc
                ),
            }),
            Some(_) => {}
            None => {
                kinds.insert(key.clone(), source);
            }
        }
        for (alias, loc) in &source.aliases {
            let alias_key = fold_name(alias);
            match owners.get(&alias_key) {
                Some((owner, first)) if fold_name(owner) != key => problems.push(Problem {
                    loc: loc.clone(),
                    message: format!(
                        "alias '{alias}' is claimed by both '{owner}' ({first}) and '{}'",
                        source.name
                    ),
                }),
                _ => {
                    owners.insert(alias_key, (&source.name, loc));
                }
            }
        }
    }
    for (alias_key, (owner, loc)) in &owners {
        if let Some(named) = kinds.get(alias_key)
            && fold_name(owner) != fold_name(&named.name)
        {
            problems.push(Problem {
                loc: (*loc).clone(),
                message: format!(
                    "alias '{}' of '{owner}' is the name of another source (declared at {})",
                    named.name, named.loc
                ),
            });
        }
    }
}

/// Creates or updates every declared source, its aliases, then the
/// speaks-for links (once every source exists).
async fn import_sources(
    store: &mut Store,
    files: &[ClaimFile],
    summary: &mut ImportSummary,
    problems: &mut Vec<Problem>,
) -> Result<()> {
    // Each source is counted once per run, however many files declare it.
    let mut outcome: HashMap<String, Outcome> = HashMap::new();
    for spec in files.iter().flat_map(|f| &f.sources) {
        let key = fold_name(&spec.name);
        let mut changed = false;
        let source = match store.find_source(&spec.name).await? {
            Some(existing) if fold_name(&existing.name) != key => {
                problems.push(Problem {
                    loc: spec.loc.clone(),
                    message: format!(
                        "'{}' is already an alias of source '{}'",
                        spec.name, existing.name
                    ),
                });
                continue;
            }
            Some(existing) => {
                let description = spec.description.clone().or(existing.description.clone());
                if existing.kind != spec.kind || description != existing.description {
                    store
                        .update_source(existing.key, spec.kind, description.as_deref())
                        .await?;
                    changed = true;
                }
                existing
            }
            None => {
                outcome.insert(key.clone(), Outcome::Added);
                store
                    .add_source(&spec.name, spec.kind, spec.description.as_deref())
                    .await?
            }
        };
        for (alias, loc) in &spec.aliases {
            match store.find_source(alias).await? {
                Some(owner) if owner.key == source.key => {}
                Some(owner) => problems.push(Problem {
                    loc: loc.clone(),
                    message: format!("alias '{alias}' is already taken by source '{}'", owner.name),
                }),
                None => {
                    store.add_alias(&source, alias).await?;
                    changed = true;
                }
            }
        }
        note_outcome(&mut outcome, key, changed);
    }
    for spec in files.iter().flat_map(|f| &f.sources) {
        let Some(speaker) = store.find_source(&spec.name).await? else {
            continue;
        };
        for link in &spec.speaks_for {
            let Some(org) = store.find_source(&link.organization).await? else {
                problems.push(Problem {
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
                Ok(added) => note_outcome(&mut outcome, fold_name(&spec.name), added),
                Err(Error::Invalid(message)) => problems.push(Problem {
                    loc: link.loc.clone(),
                    message,
                }),
                Err(other) => return Err(other),
            }
        }
    }
    for result in outcome.values() {
        match result {
            Outcome::Added => summary.sources.added += 1,
            Outcome::Updated => summary.sources.updated += 1,
            Outcome::Unchanged => summary.sources.unchanged += 1,
        }
    }
    Ok(())
}

/// What happened to one source in this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
}

/// Records a change to an existing source: an added one stays added, an
/// unchanged one becomes updated.
fn note_outcome(outcome: &mut HashMap<String, Outcome>, key: String, changed: bool) {
    let entry = outcome.entry(key).or_insert(Outcome::Unchanged);
    if changed && *entry == Outcome::Unchanged {
        *entry = Outcome::Updated;
    }
}

fn new_claim(
    spec: &ClaimSpec,
    source: &Source,
    article_key: Option<i64>,
    options: &ImportOptions,
    now: &str,
) -> NewClaim {
    let history = if spec.history.is_empty() {
        vec![NewEvent {
            to: spec.status.unwrap_or(Status::Unverified),
            rating: spec.rating.clone(),
            note: None,
            evidence: vec![],
            actor: options.actor.clone(),
            at: now.to_string(),
        }]
    } else {
        spec.history.iter().map(|e| event_of(e, options)).collect()
    };
    NewClaim {
        id: spec.id,
        source_key: source.key,
        article_key,
        text: spec.text.clone(),
        quote: spec.quote.as_ref().map(|q| q.0.clone()),
        said_on: spec.said_on,
        tags: spec.tags.clone(),
        history,
    }
}

fn event_of(spec: &super::EventSpec, options: &ImportOptions) -> NewEvent {
    NewEvent {
        to: spec.status,
        rating: spec.rating.clone(),
        note: spec.note.clone(),
        evidence: spec.evidence.clone(),
        actor: spec.actor.clone().unwrap_or_else(|| options.actor.clone()),
        at: spec.at.clone(),
    }
}

/// Brings an existing claim's descriptive fields in line with the file.
async fn update_fields(
    store: &mut Store,
    key: i64,
    existing: &crate::model::Claim,
    spec: &ClaimSpec,
    source_key: i64,
    article_key: Option<i64>,
) -> Result<bool> {
    let current_source = store.find_source(&existing.source).await?.map(|s| s.key);
    let current_article = match &existing.article_url {
        Some(url) => store.find_article_by_url(url).await?.map(|a| a.key),
        None => None,
    };
    let quote = spec.quote.as_ref().map(|q| q.0.clone());
    let said_on = spec.said_on.map(|d| d.to_string());
    let fields_same = current_source == Some(source_key)
        && current_article == article_key
        && existing.text == spec.text
        && existing.quote == quote
        && existing.said_on == said_on;
    if !fields_same {
        store
            .update_claim(
                key,
                source_key,
                article_key,
                &spec.text,
                quote.as_deref(),
                spec.said_on,
            )
            .await?;
    }
    let mut wanted: Vec<String> = spec.tags.clone();
    wanted.sort_by_key(|t| t.to_lowercase());
    wanted.dedup_by_key(|t| t.to_lowercase());
    let tags_same = wanted.len() == existing.tags.len()
        && wanted
            .iter()
            .zip(&existing.tags)
            .all(|(a, b)| a.eq_ignore_ascii_case(b));
    if !tags_same {
        store.set_tags(key, &wanted).await?;
    }
    Ok(!fields_same || !tags_same)
}

/// Appends the file's history entries that the database does not have yet
/// (when the database's history is where the file's starts), then an event
/// for a status or rating the file sets differently. Returns how many
/// events were appended.
async fn reconcile_history(
    store: &mut Store,
    key: i64,
    spec: &ClaimSpec,
    options: &ImportOptions,
    now: &str,
) -> Result<usize> {
    let history = store.history(key).await?;
    let mut appended = 0;
    let is_prefix = history.len() < spec.history.len()
        && history
            .iter()
            .zip(&spec.history)
            .all(|(db, file)| db.to == file.status && db.at == file.at);
    if is_prefix {
        for event in &spec.history[history.len()..] {
            store.append_event(key, &event_of(event, options)).await?;
            appended += 1;
        }
    }
    let claim = store.claim(key).await?;
    let status = spec.status.unwrap_or(claim.status);
    let rating_differs = spec.rating.is_some() && spec.rating != claim.rating;
    if status != claim.status || rating_differs {
        let file = spec.loc.file.display();
        let event = NewEvent {
            to: status,
            rating: spec.rating.clone().filter(|_| rating_differs),
            note: Some(format!("set by claim file {file}")),
            evidence: vec![],
            actor: options.actor.clone(),
            at: now.to_string(),
        };
        store.append_event(key, &event).await?;
        appended += 1;
    }
    Ok(appended)
}

/// Anchors every quote in its article's snapshot.
async fn anchor_quotes(
    store: &mut Store,
    files: &[ClaimFile],
    options: &ImportOptions,
    summary: &mut ImportSummary,
    problems: &mut Vec<Problem>,
) -> Result<()> {
    for file in files {
        let Some(body) = file.article.as_ref().and_then(|a| a.body.as_deref()) else {
            continue;
        };
        for spec in &file.claims {
            let Some((quote, loc)) = &spec.quote else { continue };
            let Some(claim) = store.claim_by_id(&spec.id).await? else {
                continue;
            };
            match anchor::find(body, quote, None) {
                Some(found) => store.set_quote_anchor(claim.key, Some(&found)).await?,
                None => {
                    store.set_quote_anchor(claim.key, None).await?;
                    let problem = Problem {
                        loc: loc.clone(),
                        message: format!(
                            "quote '{}' is not in the article's snapshot",
                            crate::model::excerpt(quote, 60)
                        ),
                    };
                    if options.allow_orphans {
                        summary.orphans.push(problem);
                    } else {
                        problems.push(problem);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Links claims named by a local key (in the same file) or an id.
async fn link_claims(
    store: &mut Store,
    files: &[ClaimFile],
    summary: &mut ImportSummary,
    problems: &mut Vec<Problem>,
) -> Result<()> {
    for file in files {
        let keys: HashMap<&str, Uuid> = file
            .claims
            .iter()
            .filter_map(|c| c.key.as_deref().map(|k| (k, c.id)))
            .collect();
        for link in &file.links {
            let mut ends = Vec::with_capacity(2);
            for (name, loc) in [&link.from, &link.to] {
                let claim = match keys.get(name.as_str()) {
                    Some(id) => store.claim_by_id(id).await?,
                    None => match Uuid::parse_str(name) {
                        Ok(id) => store.claim_by_id(&id).await?,
                        Err(_) => None,
                    },
                };
                match claim {
                    Some(claim) => ends.push(claim),
                    None => problems.push(Problem {
                        loc: loc.clone(),
                        message: format!(
                            "link to unknown claim '{name}': not a key in this file nor the id of a claim"
                        ),
                    }),
                }
            }
            if let [from, to] = ends.as_slice() {
                match store.add_link(from, link.relation, to, "import").await {
                    Ok(true) => summary.links.added += 1,
                    Ok(false) => summary.links.unchanged += 1,
                    Err(Error::Invalid(message)) => problems.push(Problem {
                        loc: link.from.1.clone(),
                        message,
                    }),
                    Err(other) => return Err(other),
                }
            }
        }
    }
    Ok(())
}
