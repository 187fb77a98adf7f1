//! `claims verify`: check the whole database (the journal's hash chain, the
//! guards, every claim and event against the operation that recorded it),
//! then re-check every quote anchor against its article's stored snapshot.

use serde::Serialize;

use super::Context;
use crate::anchor;
use crate::error::{Error, Result};
use crate::model::short_id;
use crate::render::{Output, Record};
use crate::store::postgres::TeamDatabase;
use crate::store::{Audit, QuoteToVerify};

/// One quote's verdict.
#[derive(Debug, Clone, Serialize)]
struct QuoteCheck {
    claim_id: uuid::Uuid,
    source: String,
    article_url: String,
    quote: String,
    /// `ok`, `moved` (found elsewhere in the snapshot) or `orphan` (not found).
    verdict: &'static str,
    start: Option<usize>,
    end: Option<usize>,
}

/// `claims verify`.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Examples:\n  claims verify\n  claims verify --extends 1fb0cd9adb53c00e366ef414fbaea6879e51e3ca10ce09c0529c790f45900ba8"
)]
pub struct VerifyArgs {
    /// A journal head noted earlier (printed by a past `verify`): confirm
    /// that today's journal extends it, so that a rewrite of the whole
    /// chain is caught too.
    #[arg(long, value_name = "HASH")]
    pub extends: Option<String>,
    #[command(flatten)]
    pub listing: super::Listing,
}

pub(super) async fn run(args: VerifyArgs, ctx: &mut Context) -> Result<()> {
    let audit = ctx.store.audit(args.extends.as_deref()).await?;
    let quotes = ctx.store.quotes_to_verify().await?;
    report(&args, audit, &quotes, &mut ctx.out)
}

/// `claims verify` against a team database on PostgreSQL: the same checks.
pub(super) async fn run_on_postgres(args: VerifyArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let audit = database.audit(args.extends.as_deref()).await?;
    let quotes = database.quotes_to_verify().await?;
    database.close().await?;
    report(&args, audit, &quotes, out)
}

/// Prints what the checks found; an error names every break.
fn report(args: &VerifyArgs, audit: Audit, quotes: &[QuoteToVerify], out: &mut Output) -> Result<()> {
    let mut broken: Vec<String> = Vec::new();
    let mut checks = Vec::with_capacity(quotes.len());
    for q in quotes {
        let holds = q
            .anchor
            .as_ref()
            .is_some_and(|a| anchor::holds(&q.body, &q.quote, a));
        let (verdict, found) = if holds {
            ("ok", q.anchor.clone())
        } else {
            match anchor::find(&q.body, &q.quote, q.anchor.as_ref()) {
                Some(found) => ("moved", Some(found)),
                None => ("orphan", None),
            }
        };
        checks.push(QuoteCheck {
            claim_id: q.id,
            source: q.source.clone(),
            article_url: q.article_url.clone(),
            quote: q.quote.clone(),
            verdict,
            start: found.as_ref().map(|a| a.start),
            end: found.as_ref().map(|a| a.end),
        });
    }
    let failing = checks.iter().filter(|c| c.verdict != "ok").count();
    // A table lists each whole-database check and the journal's head; other
    // formats print the quote records only, and a broken check still fails
    // the command, named on stderr.
    let table = out.format == crate::render::Format::Table;
    if table {
        out.line(format!(
            "{} quotes checked: {} anchored, {} moved, {} orphaned",
            checks.len(),
            checks.len() - failing,
            checks.iter().filter(|c| c.verdict == "moved").count(),
            checks.iter().filter(|c| c.verdict == "orphan").count()
        ));
    }
    for finding in &audit.findings {
        match &finding.problem {
            None if table => out.line(format!("ok      {}", finding.check)),
            None => {}
            Some(problem) => {
                if table {
                    out.line(format!("FAILED  {}: {problem}", finding.check));
                }
                broken.push(format!("{}: {problem}", finding.check));
            }
        }
    }
    if let Some(hash) = &args.extends {
        if audit.extends == Some(true) {
            if table {
                out.line(format!("ok      the journal extends {hash}"));
            }
        } else {
            let problem = format!("the journal does not extend {hash}: operations up to it were rewritten");
            if table {
                out.line(format!("FAILED  {problem}"));
            }
            broken.push(problem);
        }
    }
    if table {
        out.line(format!(
            "journal head: operation {} {}",
            audit.head.0, audit.head.1
        ));
        if failing > 0 {
            let failing: Vec<QuoteCheck> = checks.iter().filter(|c| c.verdict != "ok").cloned().collect();
            out.records(&failing)?;
        }
    } else {
        out.records(&checks)?;
    }
    if failing > 0 {
        broken.push(format!(
            "{} of {} quotes do not anchor in their article's snapshot",
            failing,
            checks.len()
        ));
    }
    // Every break, one line each: scripts that read JSON or CSV see only
    // stderr for the whole-database checks.
    if broken.is_empty() {
        Ok(())
    } else {
        Err(Error::Verification(broken.join("\n")))
    }
}

impl Record for QuoteCheck {
    const HEADERS: &'static [&'static str] = &["Claim", "Source", "Verdict", "Quote", "Article"];
    fn cells(&self) -> Vec<String> {
        vec![
            short_id(&self.claim_id),
            self.source.clone(),
            self.verdict.to_string(),
            self.quote.clone(),
            self.article_url.clone(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "claim_id",
        "source",
        "verdict",
        "start",
        "end",
        "quote",
        "article_url",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.claim_id.to_string(),
            self.source.clone(),
            self.verdict.to_string(),
            self.start.map(|s| s.to_string()).unwrap_or_default(),
            self.end.map(|s| s.to_string()).unwrap_or_default(),
            self.quote.clone(),
            self.article_url.clone(),
        ]
    }
}
