//! Articles: the published pieces that claims come from.

use sha2::{Digest, Sha256};
use sqlx::Row;
use uuid::Uuid;

use super::{Store, Write, now_timestamp, parse_id};
use crate::error::{Error, Result};
use crate::model::{Article, ArticleSnapshot, Day};

/// The columns every article query selects, in `article_from_row`'s order.
const ARTICLE_COLUMNS: &str = "a.id, a.uuid, a.url, a.title, a.publisher, a.published_on, a.body_sha256,
    length(a.body) AS body_chars, a.created_at,
    (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,
    (SELECT count(*) FROM article_snapshots p WHERE p.article_id = a.id) AS earlier_snapshots";

/// The hex SHA-256 of an article body, as stored beside the snapshot.
pub fn body_digest(body: &str) -> String {
    Sha256::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What an article says besides its URL, as [`Write::update_article`]
/// sets it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleParts<'a> {
    /// Headline.
    pub title: &'a str,
    /// Outlet.
    pub publisher: Option<&'a str>,
    /// Publication date.
    pub published_on: Option<Day>,
    /// The body snapshot.
    pub body: Option<&'a str>,
}

impl Store {
    /// The article with this exact URL.
    pub async fn find_article_by_url(&mut self, url: &str) -> Result<Option<Article>> {
        self.write_deferred().await?;
        let mut sql = sqlx::QueryBuilder::new("SELECT ");
        sql.push(ARTICLE_COLUMNS)
            .push(" FROM articles a WHERE a.url = ")
            .push_bind(url.trim());
        let row = sql.build().fetch_optional(self.conn()).await?;
        row.as_ref().map(article_from_row).transpose()
    }

    /// The article named by a URL or an id (full UUID or short-id prefix).
    pub async fn resolve_article(&mut self, given: &str) -> Result<Article> {
        self.write_deferred().await?;
        if given.contains(':') && Uuid::parse_str(given.trim()).is_err() {
            return self
                .find_article_by_url(given)
                .await?
                .ok_or_else(|| Error::NotFound {
                    kind: "article",
                    given: given.to_string(),
                });
        }
        let query = parse_id("article", given)?;
        let matches = self.match_ids("articles", &query, 10).await?;
        let mut articles = Vec::with_capacity(matches.len());
        for (key, _) in matches {
            articles.push(self.article(key).await?);
        }
        super::the_one_named("article", given, articles, |a| format!("{} ({})", a.id, a.url))
    }

    /// One article by internal key.
    pub async fn article(&mut self, key: i64) -> Result<Article> {
        self.write_deferred().await?;
        let mut sql = sqlx::QueryBuilder::new("SELECT ");
        sql.push(ARTICLE_COLUMNS)
            .push(" FROM articles a WHERE a.id = ")
            .push_bind(key);
        let row = sql.build().fetch_one(self.conn()).await?;
        article_from_row(&row)
    }

    /// The body snapshot of an article, if one was stored.
    pub async fn article_body(&mut self, key: i64) -> Result<Option<String>> {
        self.write_deferred().await?;
        Ok(sqlx::query_scalar("SELECT body FROM articles WHERE id = ?")
            .bind(key)
            .fetch_one(self.conn())
            .await?)
    }

    /// An article's earlier bodies, oldest first.
    pub async fn article_snapshots(&mut self, key: i64) -> Result<Vec<ArticleSnapshot>> {
        self.write_deferred().await?;
        let rows: Vec<(String, i64, String, i64, i64)> = sqlx::query_as(
            "SELECT p.body_sha256, length(p.body), p.replaced_at, p.replaced_by,
                    (SELECT count(*) FROM claims c WHERE c.snapshot_id = p.id)
             FROM article_snapshots p WHERE p.article_id = ? ORDER BY p.id",
        )
        .bind(key)
        .fetch_all(self.conn())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(body_sha256, body_chars, replaced_at, replaced_by, anchored_quotes)| ArticleSnapshot {
                    body_sha256,
                    body_chars,
                    replaced_at,
                    replaced_by,
                    anchored_quotes,
                },
            )
            .collect())
    }

    /// Every article, newest publication first.
    pub async fn list_articles(&mut self) -> Result<Vec<Article>> {
        self.write_deferred().await?;
        let mut sql = sqlx::QueryBuilder::new("SELECT ");
        sql.push(ARTICLE_COLUMNS)
            .push(" FROM articles a ORDER BY a.published_on IS NULL, a.published_on DESC, a.id DESC");
        let rows = sql.build().fetch_all(self.conn()).await?;
        rows.iter().map(article_from_row).collect()
    }
}

fn article_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Article> {
    Ok(Article {
        key: row.try_get("id")?,
        id: row.try_get("uuid")?,
        url: row.try_get("url")?,
        title: row.try_get("title")?,
        publisher: row.try_get("publisher")?,
        published_on: row.try_get("published_on")?,
        body_sha256: row.try_get("body_sha256")?,
        body_chars: row.try_get("body_chars")?,
        created_at: row.try_get("created_at")?,
        claims: row.try_get("claims")?,
        earlier_snapshots: row.try_get("earlier_snapshots")?,
    })
}

/// An article's title, publisher, publication day and body digest.
pub(crate) type ArticleState = (String, Option<String>, Option<String>, Option<String>);

/// The parts of an article that `parts` would change: their old and new
/// values, as its operation records them.
pub(crate) fn article_changes(
    old: &ArticleState,
    parts: &ArticleParts<'_>,
) -> (
    serde_json::Map<String, serde_json::Value>,
    serde_json::Map<String, serde_json::Value>,
) {
    let new: ArticleState = (
        parts.title.to_string(),
        parts.publisher.map(str::to_string),
        parts.published_on.map(|d| d.to_string()),
        parts.body.map(body_digest),
    );
    let named = |v: &ArticleState| {
        [
            ("title", Some(v.0.clone())),
            ("publisher", v.1.clone()),
            ("published_on", v.2.clone()),
            ("body_sha256", v.3.clone()),
        ]
    };
    super::changed_parts(named(old), named(&new))
}

impl Write<'_> {
    /// Logs an article whose URL the caller knows is new (an import into a
    /// database that had no articles, which keeps the URLs it wrote): one
    /// lookup fewer per article. A URL that is not new is still refused,
    /// by the database's uniqueness.
    pub async fn insert_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<Article> {
        let url = url.trim();
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::invalid("an article title cannot be empty"));
        }
        let id = Uuid::now_v7();
        let created_at = now_timestamp();
        let publisher = publisher.map(str::trim).filter(|p| !p.is_empty());
        let key: i64 = if self.bulk_loading {
            // A bulk load writes into tables that were empty, under the
            // write lock: it numbers its articles itself, and writes them
            // in batches with the operations that record them.
            let key = match self.next_article_key {
                Some(key) => key,
                None => {
                    self.write_deferred().await?;
                    sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM articles")
                        .fetch_one(self.conn())
                        .await?
                }
            };
            self.next_article_key = Some(key + 1);
            self.deferred_articles.push(super::DeferredArticle {
                key,
                id,
                url: url.to_string(),
                title: title.to_string(),
                publisher: publisher.map(str::to_string),
                published_on: published_on.map(|d| d.to_string()),
                body: body.map(str::to_string),
                created_at: created_at.clone(),
            });
            if self.deferred_articles.len() >= 1000 {
                self.write_deferred().await?;
            }
            key
        } else {
            sqlx::query_scalar(
                "INSERT INTO articles (uuid, url, title, publisher, published_on, body, body_sha256, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(id)
            .bind(url)
            .bind(title)
            .bind(publisher)
            .bind(published_on.map(|d| d.to_string()))
            .bind(body)
            .bind(body.map(body_digest))
            .bind(&created_at)
            .fetch_one(self.conn())
            .await?
        };
        self.journal(
            "article.create",
            (None, None, Some(key)),
            None,
            Some(serde_json::json!({
                "id": id.to_string(), "url": url, "title": title, "publisher": publisher,
                "published_on": published_on.map(|d| d.to_string()), "body_sha256": body.map(body_digest),
            })),
        )
        .await?;
        Ok(Article {
            key,
            id,
            url: url.to_string(),
            title: title.to_string(),
            publisher: publisher.map(str::to_string),
            published_on: published_on.map(|d| d.to_string()),
            body_sha256: body.map(body_digest),
            body_chars: body.map(|b| b.chars().count() as i64),
            created_at,
            claims: 0,
            earlier_snapshots: 0,
        })
    }

    /// Logs an article. Its URL must be new.
    pub async fn add_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<Article> {
        let url = url.trim();
        if let Some(existing) = self.find_article_by_url(url).await? {
            return Err(Error::Conflict(format!(
                "article {url} is already logged as {}",
                crate::model::short_id(&existing.id)
            )));
        }
        self.insert_article(url, title, publisher, published_on, body)
            .await
    }

    /// Changes an article's title, publisher, date and body snapshot to
    /// `parts`, recording an operation of `kind` (`article.edit` by hand,
    /// `import.article` from a file) with the parts that change first. A
    /// body that is replaced is kept as an earlier snapshot, and the quotes
    /// anchored in it keep pointing at it. Returns `None` when nothing
    /// changes.
    pub async fn update_article(
        &mut self,
        key: i64,
        parts: &ArticleParts<'_>,
        kind: &'static str,
        note: Option<String>,
    ) -> Result<Option<crate::journal::Operation>> {
        self.write_deferred().await?;
        let ArticleParts {
            title,
            publisher,
            published_on,
            body,
        } = *parts;
        let (old_title, old_publisher, old_published, old_sha, old_body): (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        ) = sqlx::query_as(
            "SELECT title, publisher, published_on, body_sha256, body FROM articles WHERE id = ?",
        )
        .bind(key)
        .fetch_one(self.conn())
        .await?;
        let old: ArticleState = (old_title, old_publisher, old_published, old_sha);
        let (before, after) = article_changes(&old, parts);
        if after.is_empty() {
            return Ok(None);
        }
        let actor = self.actor.clone();
        let operation = self
            .record(crate::store::NewOperation {
                kind,
                article_key: Some(key),
                old: Some(before.into()),
                new: Some(after.clone().into()),
                note,
                actor,
                ..crate::store::NewOperation::default()
            })
            .await?;
        if let (Some(old_body), Some(old_sha)) = (old_body, &old.3)
            && after.contains_key("body_sha256")
        {
            let snapshot = sqlx::query(
                "INSERT INTO article_snapshots (article_id, body, body_sha256, replaced_at, replaced_by)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(key)
            .bind(old_body)
            .bind(old_sha)
            .bind(&operation.at)
            .bind(operation.id)
            .execute(self.conn())
            .await?
            .last_insert_rowid();
            sqlx::query(
                "UPDATE claims SET snapshot_id = ?
                 WHERE article_id = ? AND snapshot_id IS NULL AND quote_start IS NOT NULL",
            )
            .bind(snapshot)
            .bind(key)
            .execute(self.conn())
            .await?;
        }
        sqlx::query(
            "UPDATE articles SET title = ?, publisher = ?, published_on = ?, body = ?, body_sha256 = ? WHERE id = ?",
        )
        .bind(title)
        .bind(publisher)
        .bind(published_on.map(|d| d.to_string()))
        .bind(body)
        .bind(body.map(body_digest))
        .bind(key)
        .execute(self.conn())
        .await?;
        Ok(Some(operation))
    }
}
