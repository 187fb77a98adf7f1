//! Sources, their aliases and who speaks for whom.

use sqlx::Row;

use super::{Store, Write, fold_name, now_timestamp, refusal};
use crate::error::{Error, Result};
use crate::model::{Day, Source, SourceKind, SourceProfile, SourceSummary, SpeaksFor};

impl Store {
    /// The source whose name or alias is `name` (matched case-insensitively,
    /// white space collapsed), if any.
    pub async fn find_source(&mut self, name: &str) -> Result<Option<Source>> {
        let key = fold_name(name);
        let row = sqlx::query(
            "SELECT s.id, s.name, s.kind, s.description, s.job, s.party, s.region FROM sources s WHERE s.name_key = ?1
             UNION ALL
             SELECT s.id, s.name, s.kind, s.description, s.job, s.party, s.region
             FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias_key = ?1
             LIMIT 1",
        )
        .bind(&key)
        .fetch_optional(self.conn())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut source = source_from_row(&row)?;
        source.aliases = self.aliases_of(source.key).await?;
        Ok(Some(source))
    }

    /// Like [`Store::find_source`], but an unknown name is an error that
    /// suggests the closest known names.
    pub async fn resolve_source(&mut self, name: &str) -> Result<Source> {
        match self.find_source(name).await? {
            Some(source) => Ok(source),
            None => Err(Error::UnknownSource {
                name: name.to_string(),
                suggestions: self.similar_sources(name).await?,
            }),
        }
    }

    /// Up to three known source names that look like `name`, closest first:
    /// names or aliases within a small edit distance, or containing it as a
    /// word ("Peskov" suggests "Dmitry Peskov").
    pub async fn similar_sources(&mut self, name: &str) -> Result<Vec<String>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, name_key FROM sources
             UNION ALL
             SELECT s.name, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id",
        )
        .fetch_all(self.conn())
        .await?;
        Ok(crate::names::closest(name, rows))
    }

    /// Every source with its aliases, links and claim count, most claims first.
    pub async fn list_sources(&mut self) -> Result<Vec<SourceSummary>> {
        // Three queries for all of them, not three per source (LIAR's
        // 3,318 speakers took 5 s one by one).
        let rows = sqlx::query(
            "SELECT s.id, s.name, s.kind, s.description, s.job, s.party, s.region, coalesce(n.claims, 0) AS claims
             FROM sources s
             LEFT JOIN (SELECT source_id, count(*) AS claims FROM claims GROUP BY source_id) n ON n.source_id = s.id
             ORDER BY claims DESC, s.name_key",
        )
        .fetch_all(self.conn())
        .await?;
        let aliases: Vec<(i64, String)> =
            sqlx::query_as("SELECT source_id, alias FROM source_aliases ORDER BY source_id, alias_key")
                .fetch_all(self.conn())
                .await?;
        let links: Vec<SpeaksForRow> = sqlx::query_as(
            "SELECT f.speaker_id, f.org_id, p.name, o.name, f.role, f.since, f.until
             FROM speaks_for f JOIN sources p ON p.id = f.speaker_id JOIN sources o ON o.id = f.org_id
             ORDER BY p.name_key, o.name_key, f.role",
        )
        .fetch_all(self.conn())
        .await?;
        let mut summaries = Vec::with_capacity(rows.len());
        for row in rows {
            summaries.push(SourceSummary {
                source: source_from_row(&row)?,
                speaks_for: vec![],
                spoken_for_by: vec![],
                claims: row.try_get("claims")?,
            });
        }
        Ok(assemble_summaries(summaries, aliases, links))
    }

    /// One source with its aliases, links and claim count.
    pub async fn source_summary(&mut self, source: Source) -> Result<SourceSummary> {
        let claims: i64 = sqlx::query_scalar("SELECT count(*) FROM claims WHERE source_id = ?")
            .bind(source.key)
            .fetch_one(self.conn())
            .await?;
        self.summarize(source, claims).await
    }

    async fn summarize(&mut self, mut source: Source, claims: i64) -> Result<SourceSummary> {
        source.aliases = self.aliases_of(source.key).await?;
        let speaks_for = self.speaks_for_links("f.speaker_id", source.key).await?;
        let spoken_for_by = self.speaks_for_links("f.org_id", source.key).await?;
        Ok(SourceSummary {
            source,
            speaks_for,
            spoken_for_by,
            claims,
        })
    }

    async fn aliases_of(&mut self, key: i64) -> Result<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY alias_key")
                .bind(key)
                .fetch_all(self.conn())
                .await?,
        )
    }

    /// The speaks-for links whose `column` (speaker or organization) is `key`.
    async fn speaks_for_links(&mut self, column: &'static str, key: i64) -> Result<Vec<SpeaksFor>> {
        let mut query = sqlx::QueryBuilder::new(
            "SELECT p.name AS speaker, o.name AS organization, f.role, f.since, f.until
             FROM speaks_for f JOIN sources p ON p.id = f.speaker_id JOIN sources o ON o.id = f.org_id WHERE ",
        );
        query.push(column).push(" = ").push_bind(key);
        query.push(" ORDER BY p.name_key, o.name_key, f.role");
        Ok(query.build_query_as::<SpeaksFor>().fetch_all(self.conn()).await?)
    }
}

/// A speaks-for link as both backends read it for a source list: speaker
/// key, organization key, speaker, organization, role, since, until.
pub(crate) type SpeaksForRow = (i64, i64, String, String, String, Option<String>, Option<String>);

/// Sources with their aliases (by source key, in order) and speaks-for
/// links (speaker key, organization key, speaker, organization, role,
/// since, until, in order) filled in: the one assembly of both backends'
/// source lists.
pub(crate) fn assemble_summaries(
    mut summaries: Vec<SourceSummary>,
    aliases: Vec<(i64, String)>,
    links: Vec<SpeaksForRow>,
) -> Vec<SourceSummary> {
    let at: std::collections::HashMap<i64, usize> = summaries
        .iter()
        .enumerate()
        .map(|(i, s)| (s.source.key, i))
        .collect();
    for (key, alias) in aliases {
        if let Some(&i) = at.get(&key) {
            summaries[i].source.aliases.push(alias);
        }
    }
    for (speaker_key, org_key, speaker, organization, role, since, until) in links {
        let link = SpeaksFor {
            speaker,
            organization,
            role,
            since,
            until,
        };
        if let Some(&i) = at.get(&org_key) {
            summaries[i].spoken_for_by.push(link.clone());
        }
        if let Some(&i) = at.get(&speaker_key) {
            summaries[i].speaks_for.push(link);
        }
    }
    summaries
}

/// A source's kind, description, job, party and region, as stored.
pub(crate) type SourceState = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The parts of a source that a new kind and profile would change: their
/// old and new values, as its `source.edit` operation records them.
pub(crate) fn source_changes(
    old: &SourceState,
    kind: SourceKind,
    profile: &SourceProfile,
) -> (
    serde_json::Map<String, serde_json::Value>,
    serde_json::Map<String, serde_json::Value>,
) {
    let new: SourceState = (
        kind.as_str().to_string(),
        profile.description.clone(),
        profile.job.clone(),
        profile.party.clone(),
        profile.region.clone(),
    );
    let named = |v: &SourceState| {
        [
            ("kind", Some(v.0.clone())),
            ("description", v.1.clone()),
            ("job", v.2.clone()),
            ("party", v.3.clone()),
            ("region", v.4.clone()),
        ]
    };
    super::changed_parts(named(old), named(&new))
}

/// Whether `alias` (trimmed) is a new name for `source`, given the source
/// that already answers to it, if any: false when it is already this
/// source's; an error when empty or another source's.
pub(crate) fn new_alias(source: &Source, alias: &str, owner: Option<&Source>) -> Result<bool> {
    if alias.is_empty() {
        return Err(Error::invalid("an alias cannot be empty"));
    }
    match owner {
        Some(owner) if owner.key == source.key => Ok(false),
        Some(owner) => Err(Error::Conflict(format!(
            "alias '{alias}' is already taken by source '{}'",
            owner.name
        ))),
        None => Ok(true),
    }
}

/// Whether `new_name` (trimmed) may become `source`'s name, given the
/// source that already answers to it, if any.
pub(crate) fn check_new_name(source: &Source, new_name: &str, owner: Option<&Source>) -> Result<()> {
    if new_name.is_empty() {
        return Err(Error::invalid("a source name cannot be empty"));
    }
    if let Some(owner) = owner
        && owner.key != source.key
    {
        return Err(Error::Conflict(format!(
            "'{new_name}' is already the name or an alias of source '{}'",
            owner.name
        )));
    }
    Ok(())
}

/// Whether `speaker` may speak for `organization` over those days: not
/// for itself, not for a person, not ending before it starts.
pub(crate) fn check_speaks_for(
    speaker: &Source,
    organization: &Source,
    since: Option<Day>,
    until: Option<Day>,
) -> Result<()> {
    if speaker.key == organization.key {
        return Err(Error::invalid(format!(
            "'{}' cannot speak for itself",
            speaker.name
        )));
    }
    if organization.kind == SourceKind::Person {
        return Err(Error::invalid(format!(
            "'{}' is a person; a source speaks for an organization, government, agency, media outlet or group",
            organization.name
        )));
    }
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        return Err(Error::invalid(format!(
            "the role's start {since} is after its end {until}"
        )));
    }
    Ok(())
}

fn source_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Source> {
    let kind: String = row.try_get("kind")?;
    Ok(Source {
        key: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: kind.parse()?,
        profile: SourceProfile {
            description: row.try_get("description")?,
            job: row.try_get("job")?,
            party: row.try_get("party")?,
            region: row.try_get("region")?,
        },
        aliases: vec![],
    })
}

impl Store {
    /// Every folded name and alias, mapped to its source's display name.
    pub async fn source_names(&mut self) -> Result<std::collections::HashMap<String, String>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT name_key, name FROM sources
             UNION ALL SELECT a.alias_key, s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id",
        )
        .fetch_all(self.conn())
        .await?;
        Ok(rows.into_iter().collect())
    }

    /// A source's current name by key, if it still exists.
    pub async fn source_name(&mut self, key: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT name FROM sources WHERE id = ?")
            .bind(key)
            .fetch_optional(self.conn())
            .await?)
    }
}

impl Write<'_> {
    /// Adds a source. Its name may not be taken, as a name or an alias.
    pub async fn add_source(
        &mut self,
        name: &str,
        kind: SourceKind,
        description: Option<&str>,
    ) -> Result<Source> {
        let profile = SourceProfile {
            description: description.map(str::to_string),
            ..SourceProfile::default()
        };
        self.add_source_with_profile(name, kind, &profile).await
    }

    /// Adds a source with what is known of it (a data set's job, party,
    /// region), in one statement.
    pub async fn add_source_with_profile(
        &mut self,
        name: &str,
        kind: SourceKind,
        profile: &SourceProfile,
    ) -> Result<Source> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("a source name cannot be empty"));
        }
        let key = fold_name(name);
        let skeleton = super::name_skeleton(name);
        // One round trip for every check (an import creates thousands of
        // sources): the name taken, as a name or an alias, and a look-alike.
        let (named, aliased, look_alike): (Option<String>, Option<String>, Option<String>) = sqlx::query_as(
            "SELECT (SELECT name FROM sources WHERE name_key = ?1),
                    (SELECT s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias_key = ?1),
                    (SELECT name FROM sources WHERE name_skeleton = ?2 LIMIT 1)",
        )
        .bind(&key)
        .bind(&skeleton)
        .fetch_one(self.conn())
        .await?;
        if named.is_some() {
            return Err(Error::Conflict(format!("source '{name}' already exists")));
        }
        if let Some(owner) = aliased {
            return Err(Error::Conflict(format!(
                "'{name}' is already an alias of source '{owner}'"
            )));
        }
        if let Some(existing) = look_alike {
            self.notices.push(format!(
                "new source '{name}' looks like the existing source '{existing}' (Unicode confusables); if they are the same, use '{existing}'"
            ));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sources (name, name_key, name_skeleton, kind, description, job, party, region, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(name)
        .bind(&key)
        .bind(&skeleton)
        .bind(kind.as_str())
        .bind(
            profile
                .description
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty()),
        )
        .bind(&profile.job)
        .bind(&profile.party)
        .bind(&profile.region)
        .bind(now_timestamp())
        .fetch_one(self.conn())
        .await?;
        self.journal(
            "source.create",
            (None, Some(id), None),
            None,
            Some(serde_json::json!({
                "name": name, "kind": kind.as_str(), "description": profile.description,
                "job": profile.job, "party": profile.party, "region": profile.region,
            })),
        )
        .await?;
        Ok(Source {
            key: id,
            name: name.to_string(),
            kind,
            profile: profile.clone(),
            aliases: vec![],
        })
    }

    /// Gives `source` another name. Returns false when it already had it.
    pub async fn add_alias(&mut self, source: &Source, alias: &str) -> Result<bool> {
        let alias = alias.trim();
        let owner = self.find_source(alias).await?;
        if !new_alias(source, alias, owner.as_ref())? {
            return Ok(false);
        }
        sqlx::query("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES (?, ?, ?)")
            .bind(fold_name(alias))
            .bind(alias)
            .bind(source.key)
            .execute(self.conn())
            .await?;
        self.journal(
            "source.alias",
            (None, Some(source.key), None),
            None,
            Some(serde_json::json!({ "alias": alias })),
        )
        .await?;
        Ok(true)
    }

    /// Records that `speaker` speaks for `organization` in `role`, over an
    /// optional date range. Returns false when that link already existed.
    pub async fn add_speaks_for(
        &mut self,
        speaker: &Source,
        organization: &Source,
        role: &str,
        since: Option<Day>,
        until: Option<Day>,
    ) -> Result<bool> {
        check_speaks_for(speaker, organization, since, until)?;
        let inserted = sqlx::query(
            "INSERT INTO speaks_for (speaker_id, org_id, role, since, until) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(speaker.key)
        .bind(organization.key)
        .bind(role.trim())
        .bind(since.map(|d| d.to_string()))
        .bind(until.map(|d| d.to_string()))
        .execute(self.conn())
        .await
        .map_err(|e| match refusal(&e) {
            Some(message) => Error::invalid(message),
            None => Error::Database(e),
        })?;
        let added = inserted.rows_affected() > 0;
        if added {
            self.journal(
                "source.speaks_for",
                (None, Some(speaker.key), None),
                None,
                Some(serde_json::json!({
                    "organization": organization.name, "role": role.trim(),
                    "since": since.map(|d| d.to_string()), "until": until.map(|d| d.to_string()),
                })),
            )
            .await?;
        }
        Ok(added)
    }

    /// Changes a source's kind and profile, recording a `source.edit`
    /// operation with the parts that change (old and new values) first.
    /// Returns `None` when nothing changes.
    pub async fn update_source(
        &mut self,
        key: i64,
        kind: SourceKind,
        profile: &SourceProfile,
        note: Option<String>,
    ) -> Result<Option<crate::journal::Operation>> {
        let old: SourceState =
            sqlx::query_as("SELECT kind, description, job, party, region FROM sources WHERE id = ?")
                .bind(key)
                .fetch_one(self.conn())
                .await?;
        let (before, after) = source_changes(&old, kind, profile);
        if after.is_empty() {
            return Ok(None);
        }
        let actor = self.actor.clone();
        let operation = self
            .record(crate::store::NewOperation {
                kind: "source.edit",
                source_key: Some(key),
                old: Some(before.into()),
                new: Some(after.into()),
                note,
                actor,
                ..crate::store::NewOperation::default()
            })
            .await?;
        sqlx::query(
            "UPDATE sources SET kind = ?, description = ?, job = ?, party = ?, region = ? WHERE id = ?",
        )
        .bind(kind.as_str())
        .bind(&profile.description)
        .bind(&profile.job)
        .bind(&profile.party)
        .bind(&profile.region)
        .bind(key)
        .execute(self.conn())
        .await?;
        Ok(Some(operation))
    }
}
