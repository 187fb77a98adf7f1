//! `claims edit ID ...`: correct a claim's words, speaker, quote, date,
//! article, tags or language. The change is an operation in the journal with the old
//! and new values; a claim that already has a verdict needs `--note`.

use clap::Args;

use super::{Context, day, tag, text};
use crate::error::{Error, Result};
use crate::journal::Operation;
use crate::model::{Claim, Day, Status, short_id};
use crate::store::correcting::Correcting;

/// `claims edit`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims edit 6267f8a0 --text \"A CIA tip-off saved lives\" --note \"typo\"\n  claims edit 6267 --by \"Dmitry Peskov\" --note \"the draft had the Kremlin\"\n  claims edit 6267 --tag terrorism --untag misc"
)]
pub struct EditArgs {
    /// The claim: full UUID or short id.
    pub id: String,
    /// The claim's corrected words.
    #[arg(long, value_parser = text)]
    pub text: Option<String>,
    /// The source (name or alias) who really made it.
    #[arg(long = "by", value_name = "SOURCE")]
    pub by: Option<String>,
    /// The verbatim quote.
    #[arg(long, value_parser = text, conflicts_with = "no_quote")]
    pub quote: Option<String>,
    /// Remove the quote.
    #[arg(long)]
    pub no_quote: bool,
    /// When it was said (YYYY-MM-DD).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub said_on: Option<Day>,
    /// The article it comes from (URL or id).
    #[arg(long, value_name = "URL|ID")]
    pub article: Option<String>,
    /// Add a tag; repeatable.
    #[arg(long = "tag", value_parser = tag, value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove a tag; repeatable.
    #[arg(long = "untag", value_name = "TAG")]
    pub untags: Vec<String>,
    /// The language it was made in, a BCP 47 tag (en, de, pt-BR); "" clears it.
    #[arg(long, value_parser = language_or_empty, value_name = "TAG")]
    pub language: Option<String>,
    /// Why: required once the claim has a verdict.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(args: EditArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let (claim, operation) = ctx
        .store
        .write(async |store| edit(store, &args, &actor).await)
        .await?;
    ctx.out.line(super::edited(&short_id(&claim.id), &operation));
    Ok(())
}

/// `claims edit` on a team database: the edit recorded under your login;
/// the database refuses it unless you are an editor.
pub(super) async fn run_on_postgres(args: EditArgs, url: &str, out: &mut super::Output) -> Result<()> {
    let mut db = crate::store::postgres::TeamDatabase::connect(url).await?;
    let (claim, operation) = db.write(async |db| edit(db, &args, "").await).await?;
    out.line(super::edited(&short_id(&claim.id), &operation));
    db.close().await
}

/// The edit, inside the caller's write transaction, on either backend.
async fn edit(store: &mut impl Correcting, args: &EditArgs, actor: &str) -> Result<(Claim, Operation)> {
    let claim = store.claim_to_mark(&args.id).await?;
    if claim.status != Status::Unverified && args.note.is_none() {
        return Err(Error::invalid(format!(
            "claim {} is {}: say why it changes with --note",
            short_id(&claim.id),
            claim.status
        )));
    }
    let mut wanted = store.claim_record(claim.key).await?;
    if let Some(text) = &args.text {
        wanted.text = text.clone();
    }
    if let Some(name) = &args.by {
        wanted.source = store.source_key_named(name).await?;
    }
    if let Some(quote) = &args.quote {
        wanted.quote = Some(quote.clone());
    }
    if args.no_quote {
        wanted.quote = None;
    }
    if let Some(said_on) = args.said_on {
        wanted.said_on = Some(said_on.to_string());
    }
    if let Some(given) = &args.article {
        wanted.article = Some(store.article_key_named(given).await?);
    }
    if let Some(language) = &args.language {
        wanted.language = Some(language.clone()).filter(|l| !l.is_empty());
    }
    for untag in &args.untags {
        let before = wanted.tags.len();
        wanted.tags.retain(|t| !t.eq_ignore_ascii_case(untag.trim()));
        if wanted.tags.len() == before {
            return Err(Error::invalid(format!(
                "claim {} has no tag '{}'",
                short_id(&claim.id),
                untag.trim()
            )));
        }
    }
    for tag in &args.tags {
        if !wanted.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            wanted.tags.push(tag.clone());
        }
    }
    let operation = store
        .edit_claim(claim.key, &wanted, "claim.edit", args.note.clone(), actor)
        .await?
        .ok_or_else(|| {
            Error::invalid(format!(
                "claim {} already says that; nothing to change",
                short_id(&claim.id)
            ))
        })?;
    // A quote from an article with a snapshot is anchored in it.
    if args.quote.is_some() || args.no_quote || args.article.is_some() {
        let anchor = match (wanted.article, &wanted.quote) {
            (Some(article), Some(quote)) => store
                .article_body(article)
                .await?
                .and_then(|body| crate::anchor::find(&body, quote, None)),
            _ => None,
        };
        store.set_quote_anchor(claim.key, anchor.as_ref()).await?;
    }
    Ok((claim, operation))
}

/// A language tag, or "" to clear the claim's.
fn language_or_empty(given: &str) -> std::result::Result<String, String> {
    if given.trim().is_empty() {
        return Ok(String::new());
    }
    super::language(given)
}
