//! `claims article ...`: the published pieces that claims come from.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Context, day, text, url};
use crate::error::{Error, Result};
use crate::journal::Operation;
use crate::model::{Article, Day, short_id};
use crate::render::{Format, Output, Record, or_empty};
use crate::store::ClaimFilter;
use crate::store::correcting::Correcting;
use crate::store::importing::Importing;
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// Article subcommands.
#[derive(Debug, Subcommand)]
pub enum ArticleCommand {
    /// Log an article, optionally with a snapshot of its text.
    Add(AddArticle),
    /// List articles, newest first.
    List(super::Listing),
    /// Correct an article's title, publisher or date, or give it a newer body (earlier bodies are kept).
    Edit(EditArticle),
    /// Show an article (by URL or id) and its claims.
    Show {
        /// The article's URL, full UUID or short id (a unique prefix of 4+ hex digits).
        article: String,
        #[command(flatten)]
        listing: super::Listing,
    },
}

impl ArticleCommand {
    pub(super) fn listing(&self) -> Option<&super::Listing> {
        match self {
            ArticleCommand::List(listing) | ArticleCommand::Show { listing, .. } => Some(listing),
            ArticleCommand::Add(_) | ArticleCommand::Edit(_) => None,
        }
    }

    pub(super) fn acting(&self) -> Option<&super::Acting> {
        match self {
            ArticleCommand::Add(args) => Some(&args.acting),
            ArticleCommand::Edit(args) => Some(&args.acting),
            ArticleCommand::List(_) | ArticleCommand::Show { .. } => None,
        }
    }
}

/// `claims article add`.
#[derive(Debug, Args)]
pub struct AddArticle {
    /// The article's URL (unique).
    #[arg(value_parser = url)]
    pub url: String,
    /// Its headline.
    #[arg(long, value_parser = text)]
    pub title: String,
    /// Who published it.
    #[arg(long)]
    pub publisher: Option<String>,
    /// When it was published (YYYY-MM-DD).
    #[arg(long, value_parser = day)]
    pub published: Option<Day>,
    /// A UTF-8 text file with the article's body, kept as a snapshot with its SHA-256.
    #[arg(long, value_name = "FILE")]
    pub body: Option<PathBuf>,
    #[command(flatten)]
    pub acting: super::Acting,
}

/// `claims article edit`.
#[derive(Debug, Args)]
pub struct EditArticle {
    /// The article's URL, full UUID or short id.
    pub article: String,
    /// Its headline.
    #[arg(long, value_parser = text)]
    pub title: Option<String>,
    /// Who published it ("" clears it).
    #[arg(long)]
    pub publisher: Option<String>,
    /// When it was published (YYYY-MM-DD).
    #[arg(long, value_parser = day, conflicts_with = "no_published")]
    pub published: Option<Day>,
    /// Clear the publication date.
    #[arg(long)]
    pub no_published: bool,
    /// A UTF-8 text file with a newer body; the current one is kept as an earlier snapshot, and quotes anchored in it keep pointing at it.
    #[arg(long, value_name = "FILE")]
    pub body: Option<PathBuf>,
    /// Why.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(command: ArticleCommand, ctx: &mut Context) -> Result<()> {
    match command {
        ArticleCommand::Edit(args) => edit(args, ctx).await?,
        ArticleCommand::Add(args) => {
            let body = args.body.as_deref().map(read_utf8).transpose()?;
            let article = ctx
                .store
                .write(async |store| add(store, &args, body.as_deref()).await)
                .await?;
            ctx.out.line(short_id(&article.id));
        }
        ArticleCommand::List(_) | ArticleCommand::Show { .. } => {
            let out = &mut ctx.out;
            ctx.store
                .read(async |store| read(&command, store, out).await)
                .await?;
        }
    }
    Ok(())
}

/// `article list` and `article show`, from either backend.
async fn read(command: &ArticleCommand, store: &mut impl Reading, out: &mut Output) -> Result<()> {
    match command {
        ArticleCommand::List(_) => out.records(&store.all_articles().await?),
        ArticleCommand::Show { article, .. } => {
            let article = store.article_named(article).await?;
            let filter = ClaimFilter {
                article: Some(article.key),
                ..ClaimFilter::default()
            };
            let mut claims = store.claims(&filter).await?;
            claims.sort_by_key(|c| c.key); // the order they were logged in: the article's order
            let snapshots = store.snapshots_of(article.key).await?;
            match out.format {
                Format::Json => {
                    #[derive(serde::Serialize)]
                    struct ArticleWithClaims<'a> {
                        #[serde(flatten)]
                        article: &'a Article,
                        claim_list: &'a [crate::model::Claim],
                        snapshots: &'a [crate::model::ArticleSnapshot],
                    }
                    out.json(&ArticleWithClaims {
                        article: &article,
                        claim_list: &claims,
                        snapshots: &snapshots,
                    })
                }
                Format::Csv => out.records(&claims),
                Format::Table | Format::Markdown => {
                    out.heading(&article.title);
                    out.fields(&[
                        ("Id", article.id.to_string()),
                        ("URL", article.url.clone()),
                        ("Publisher", or_empty(&article.publisher)),
                        ("Published", or_empty(&article.published_on)),
                        (
                            "Snapshot",
                            match (&article.body_sha256, article.body_chars) {
                                (Some(sha), Some(chars)) => format!("{chars} characters, SHA-256 {sha}"),
                                _ => "none".to_string(),
                            },
                        ),
                        ("Claims", article.claims.to_string()),
                    ]);
                    if !snapshots.is_empty() {
                        out.heading("Earlier snapshots");
                        out.records(&snapshots)?;
                    }
                    if !claims.is_empty() {
                        out.records(&claims)?;
                    }
                    Ok(())
                }
            }
        }
        _ => Ok(()),
    }
}

/// `claims article` against a team database on PostgreSQL: reading, and
/// logging an article (a checker's right) under the member's login.
/// Returns false for `article edit`, which runs on SQLite only (the caller
/// says so).
pub(super) async fn run_on_postgres(command: &ArticleCommand, url: &str, out: &mut Output) -> Result<bool> {
    let body = match command {
        ArticleCommand::Add(args) => args.body.as_deref().map(read_utf8).transpose()?,
        ArticleCommand::Edit(args) => {
            nothing_to_change(args)?;
            args.body.as_deref().map(read_utf8).transpose()?
        }
        _ => None,
    };
    let mut database = TeamDatabase::connect(url).await?;
    let result = match command {
        ArticleCommand::Add(args) => database
            .write(async |d| add(d, args, body.as_deref()).await)
            .await
            .map(|article| out.line(short_id(&article.id))),
        ArticleCommand::Edit(args) => database
            .write(async |d| edit_in(d, args, body).await)
            .await
            .map(|(article, operation)| out.line(super::edited(&short_id(&article.id), &operation))),
        _ => database.snapshot(async |d| read(command, d, out).await).await,
    };
    database.close().await?;
    result.map(|()| true)
}

/// Refuses an `article edit` that gives nothing to change.
fn nothing_to_change(args: &EditArticle) -> Result<()> {
    if args.title.is_none()
        && args.publisher.is_none()
        && args.published.is_none()
        && !args.no_published
        && args.body.is_none()
    {
        return Err(Error::invalid(
            "nothing to change: give --title, --publisher, --published, --no-published or --body",
        ));
    }
    Ok(())
}

/// `article add`, inside the caller's write transaction, on either backend.
async fn add(store: &mut impl Importing, args: &AddArticle, body: Option<&str>) -> Result<Article> {
    let key = store
        .add_article(
            &args.url,
            &args.title,
            args.publisher.as_deref(),
            args.published,
            body,
        )
        .await?;
    store.article(key).await
}

/// `claims article edit`: the parts given change, the others stay.
async fn edit(args: EditArticle, ctx: &mut Context) -> Result<()> {
    nothing_to_change(&args)?;
    let body = args.body.as_deref().map(read_utf8).transpose()?;
    let (article, operation) = ctx
        .store
        .write(async |store| edit_in(store, &args, body).await)
        .await?;
    ctx.out.line(super::edited(&short_id(&article.id), &operation));
    Ok(())
}

/// `article edit`, inside the caller's write transaction, on either backend.
async fn edit_in(
    store: &mut impl Correcting,
    args: &EditArticle,
    body: Option<String>,
) -> Result<(Article, Operation)> {
    let key = store.article_key_named(&args.article).await?;
    let article = store.article(key).await?;
    let publisher = match &args.publisher {
        Some(given) => Some(given.trim().to_string()).filter(|p| !p.is_empty()),
        None => article.publisher.clone(),
    };
    let published = match (args.published, args.no_published) {
        (Some(day), _) => Some(day),
        (None, true) => None,
        (None, false) => article.published_on.as_deref().map(str::parse).transpose()?,
    };
    let body = match body {
        Some(body) => Some(body),
        None => store.article_body(article.key).await?,
    };
    let operation = store
        .update_article(
            article.key,
            &crate::store::ArticleParts {
                title: args.title.as_deref().unwrap_or(&article.title),
                publisher: publisher.as_deref(),
                published_on: published,
                body: body.as_deref(),
            },
            "article.edit",
            args.note.clone(),
        )
        .await?
        .ok_or_else(|| {
            Error::invalid(format!(
                "article {} already says that; nothing to change",
                short_id(&article.id)
            ))
        })?;
    Ok((article, operation))
}

impl Record for crate::model::ArticleSnapshot {
    const HEADERS: &'static [&'static str] = &[
        "Replaced (UTC)",
        "By operation",
        "Characters",
        "SHA-256",
        "Quotes anchored",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.replaced_at
                .get(..19)
                .unwrap_or(&self.replaced_at)
                .replace('T', " "),
            self.replaced_by.to_string(),
            self.body_chars.to_string(),
            self.body_sha256.clone(),
            self.anchored_quotes.to_string(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "replaced_at",
        "replaced_by",
        "body_chars",
        "body_sha256",
        "anchored_quotes",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.replaced_at.clone(),
            self.replaced_by.to_string(),
            self.body_chars.to_string(),
            self.body_sha256.clone(),
            self.anchored_quotes.to_string(),
        ]
    }
}

/// Reads a text file that must be UTF-8; invalid bytes are an error naming
/// their offset.
pub(super) fn read_utf8(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    super::decode_utf8(bytes, path, false)
}

impl Record for Article {
    const HEADERS: &'static [&'static str] = &["Id", "Published", "Publisher", "Title", "Claims", "URL"];
    fn cells(&self) -> Vec<String> {
        vec![
            short_id(&self.id),
            or_empty(&self.published_on),
            or_empty(&self.publisher),
            self.title.clone(),
            self.claims.to_string(),
            self.url.clone(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "id",
        "url",
        "title",
        "publisher",
        "published_on",
        "body_sha256",
        "claims",
        "created_at",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.url.clone(),
            self.title.clone(),
            or_empty(&self.publisher),
            or_empty(&self.published_on),
            or_empty(&self.body_sha256),
            self.claims.to_string(),
            self.created_at.clone(),
        ]
    }
}
