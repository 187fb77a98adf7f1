//! Articles: the published pieces that claims come from.

use sha2::{Digest, Sha256};
use sqlx::Row;
use uuid::Uuid;

use super::{Store, now_timestamp, parse_id};
use crate::error::{Error, Result};
use crate::model::{Article, Day};

/// The columns every article query selects, in `article_from_row`'s order.
const ARTICLE_COLUMNS: &str = "a.id, a.uuid, a.url, a.title, a.publisher, a.published_on, a.body_sha256,
    length(a.body) AS body_chars, a.created_at,
    (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims";

/// The hex SHA-256 of an article body, as stored beside the snapshot.
pub fn body_digest(body: &str) -> String {
    Sha256::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
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
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::invalid("an article title cannot be empty"));
        }
        let id = Uuid::now_v7();
        let created_at = now_timestamp();
        let publisher = publisher.map(str::trim).filter(|p| !p.is_empty());
        let key: i64 = sqlx::query_scalar(
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
        .await?;
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
        })
    }

    /// The article with this exact URL.
    pub async fn find_article_by_url(&mut self, url: &str) -> Result<Option<Article>> {
        let mut sql = sqlx::QueryBuilder::new("SELECT ");
        sql.push(ARTICLE_COLUMNS)
            .push(" FROM articles a WHERE a.url = ")
            .push_bind(url.trim());
        let row = sql.build().fetch_optional(self.conn()).await?;
        row.as_ref().map(article_from_row).transpose()
    }

    /// The article named by a URL or an id (full UUID or short-id prefix).
    pub async fn resolve_article(&mut self, given: &str) -> Result<Article> {
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
        match matches.as_slice() {
            [] => Err(Error::NotFound {
                kind: "article",
                given: given.to_string(),
            }),
            [(key, _)] => self.article(*key).await,
            many => {
                let mut candidates = Vec::new();
                for (key, _) in many {
                    let article = self.article(*key).await?;
                    candidates.push(format!("{} ({})", article.id, article.url));
                }
                Err(Error::AmbiguousId {
                    kind: "article",
                    given: given.to_string(),
                    candidates,
                })
            }
        }
    }

    /// One article by internal key.
    pub async fn article(&mut self, key: i64) -> Result<Article> {
        let mut sql = sqlx::QueryBuilder::new("SELECT ");
        sql.push(ARTICLE_COLUMNS)
            .push(" FROM articles a WHERE a.id = ")
            .push_bind(key);
        let row = sql.build().fetch_one(self.conn()).await?;
        article_from_row(&row)
    }

    /// The body snapshot of an article, if one was stored.
    pub async fn article_body(&mut self, key: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT body FROM articles WHERE id = ?")
            .bind(key)
            .fetch_one(self.conn())
            .await?)
    }

    /// Every article, newest publication first.
    pub async fn list_articles(&mut self) -> Result<Vec<Article>> {
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
    })
}

impl Store {
    /// Changes an article's title, publisher, date and body snapshot.
    pub async fn update_article(
        &mut self,
        key: i64,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<()> {
        let old: (String, Option<String>, Option<String>, Option<String>) =
            sqlx::query_as("SELECT title, publisher, published_on, body_sha256 FROM articles WHERE id = ?")
                .bind(key)
                .fetch_one(self.conn())
                .await?;
        let new = (
            title.to_string(),
            publisher.map(str::to_string),
            published_on.map(|d| d.to_string()),
            body.map(body_digest),
        );
        let object = |v: &(String, Option<String>, Option<String>, Option<String>)| serde_json::json!({"title": v.0, "publisher": v.1, "published_on": v.2, "body_sha256": v.3});
        self.journal(
            "article.edit",
            (None, None, Some(key)),
            Some(object(&old)),
            Some(object(&new)),
        )
        .await?;
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
        Ok(())
    }
}
