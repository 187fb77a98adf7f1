//! `claims embed`: gives every claim its sentence embedding, the semantic
//! tier of matching (docs/matching.md). A write embeds the claims it logs
//! as it goes, up to a claim file's worth; this catches up after a large
//! import, a new model, or a database made without the tier.

use std::time::Instant;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::matching::semantic::{self, Embedder};
use crate::render::Output;
use crate::store::Embedded;
use crate::store::postgres::TeamDatabase;

/// `claims embed`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Needs a build with the semantic tier (cargo build --release --features semantic) and the model files (docs/matching.md).\n\nExamples:\n  claims embed\n  claims --model ~/models/all-MiniLM-L6-v2 embed"
)]
pub struct EmbedArgs {}

pub(super) async fn run(_args: EmbedArgs, ctx: &mut Context) -> Result<()> {
    let embedder = model()?;
    let started = Instant::now();
    let done = ctx.store.embed_claims(embedder).await?;
    say(&mut ctx.out, done, started);
    Ok(())
}

/// `claims embed` on a team database.
pub(super) async fn run_on_postgres(_args: EmbedArgs, url: &str, out: &mut Output) -> Result<()> {
    let embedder = model()?;
    let started = Instant::now();
    let mut database = TeamDatabase::connect(url).await?;
    let done = database.embed_claims(embedder).await;
    database.close().await?;
    say(out, done?, started);
    Ok(())
}

/// The model, or why there is none.
fn model() -> Result<&'static dyn Embedder> {
    semantic::embedder().ok_or_else(|| {
        let why = semantic::why_off().unwrap_or_else(|| match semantic::built() {
            true => "the semantic tier is off (--model none)".into(),
            false => "this build has no semantic tier (build with `--features semantic`)".into(),
        });
        let why = why.trim_end_matches(": matching lexically");
        Error::invalid(format!("cannot embed: {why}"))
    })
}

fn say(out: &mut Output, done: Embedded, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    let per_claim = match done.embedded {
        0 => String::new(),
        n => format!(", {:.1} ms a claim", seconds * 1000.0 / n as f64),
    };
    out.line(format!(
        "embedded {} claims with {} ({} already were) in {seconds:.1} s{per_claim}",
        done.embedded,
        semantic::MODEL,
        done.current
    ));
}
