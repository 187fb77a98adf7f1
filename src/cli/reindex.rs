//! `claims reindex`: builds the search index and the matching statistics
//! again from the record. Both are derived data that every write keeps in
//! step; this is the repair for when `claims verify` finds them off (a
//! program or a member's `psql` that wrote them directly, a file restored
//! by hand). The record itself is not touched and the journal gains
//! nothing: only what is derived from it is made again.

use std::time::Instant;

use clap::Args;

use super::Context;
use crate::error::Result;
use crate::render::Output;
use crate::store::postgres::TeamDatabase;

/// `claims reindex`.
#[derive(Debug, Args)]
#[command(after_long_help = "Examples:\n  claims verify\n  claims reindex")]
pub struct ReindexArgs {}

pub(super) async fn run(_args: ReindexArgs, ctx: &mut Context) -> Result<()> {
    let started = Instant::now();
    let claims = ctx.store.rebuild_search_index().await?;
    say(&mut ctx.out, claims, started);
    Ok(())
}

/// `claims reindex` on a team database (a checker and up may).
pub(super) async fn run_on_postgres(_args: ReindexArgs, url: &str, out: &mut Output) -> Result<()> {
    let started = Instant::now();
    let mut database = TeamDatabase::connect(url).await?;
    let claims = database.rebuild_search_index().await;
    database.close().await?;
    say(out, claims?, started);
    Ok(())
}

fn say(out: &mut Output, claims: usize, started: Instant) {
    out.line(format!(
        "indexed {claims} claims again from the record in {:.1} s",
        started.elapsed().as_secs_f64()
    ));
}
