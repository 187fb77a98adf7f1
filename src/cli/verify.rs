//! `claims verify`: re-check every quote anchor against its article's
//! stored snapshot and list the quotes that no longer anchor.

use serde::Serialize;

use super::Context;
use crate::anchor;
use crate::error::{Error, Result};
use crate::model::short_id;
use crate::render::Record;

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

pub(super) async fn run(ctx: &mut Context) -> Result<()> {
    let quotes = ctx.store.quotes_to_verify().await?;
    let mut checks = Vec::with_capacity(quotes.len());
    for q in &quotes {
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
    if ctx.out.format == crate::render::Format::Table {
        ctx.out.line(format!(
            "{} quotes checked: {} anchored, {} moved, {} orphaned",
            checks.len(),
            checks.len() - failing,
            checks.iter().filter(|c| c.verdict == "moved").count(),
            checks.iter().filter(|c| c.verdict == "orphan").count()
        ));
        if failing > 0 {
            let failing: Vec<QuoteCheck> = checks.iter().filter(|c| c.verdict != "ok").cloned().collect();
            ctx.out.records(&failing)?;
        }
    } else {
        ctx.out.records(&checks)?;
    }
    if failing == 0 {
        Ok(())
    } else {
        Err(Error::Verification(format!(
            "{} of {} quotes do not anchor in their article's snapshot",
            failing,
            checks.len()
        )))
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
