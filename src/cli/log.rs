//! `claims log [ID] [--source NAME] [--actor A] [--since DATE]`: the
//! journal, oldest first: every change with who, when, why, and what it
//! changed from and to.

use std::collections::HashMap;

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::{Context, day};
use crate::error::Result;
use crate::journal::Operation;
use crate::model::Day;
use crate::render::{Output, Record, or_empty};
use crate::store::OperationFilter;
use crate::store::journal::JournalReader;
use crate::store::postgres::TeamDatabase;

/// `claims log`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims log 6267f8a0                     # one claim's whole story\n  claims log --source Peskov --since 2026-11-01\n  claims log --actor ana --format csv"
)]
pub struct LogArgs {
    /// Only the changes to this claim (full UUID or short id).
    pub id: Option<String>,
    /// Only the changes to this source (name or alias).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only the changes made by this actor.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Only the changes recorded on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub since: Option<Day>,
    /// Only the latest N changes.
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// One journal entry with what it is about, readable.
#[derive(Debug, Serialize)]
struct Entry {
    #[serde(flatten)]
    operation: Operation,
    about: String,
}

pub(super) async fn run(args: LogArgs, ctx: &mut Context) -> Result<()> {
    let entries = ctx.store.read(async |store| entries(&args, store).await).await?;
    ctx.out.records(&entries)
}

/// `claims log` against a team database on PostgreSQL: the same journal,
/// each operation under the database user who made it.
pub(super) async fn run_on_postgres(args: LogArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let entries = database.snapshot(async |d| entries(&args, d).await).await;
    database.close().await?;
    out.records(&entries?)
}

/// The journal entries `args` selects, each with what it is about.
async fn entries(args: &LogArgs, store: &mut impl JournalReader) -> Result<Vec<Entry>> {
    let mut filter = OperationFilter {
        actor: args.actor.clone(),
        since: args.since.map(|d| format!("{d}T00:00:00.000000Z")),
        limit: args.limit.map(i64::from),
        ..OperationFilter::default()
    };
    if let Some(id) = &args.id {
        filter.claim_key = Some(store.claim_key(id).await?);
    }
    if let Some(name) = &args.source {
        filter.source_key = Some(store.source_key(name).await?);
    }
    let operations = store.journal(&filter).await?;
    let mut claims: HashMap<i64, String> = HashMap::new();
    let mut entries = Vec::with_capacity(operations.len());
    for operation in operations {
        let about = if let Some(key) = operation.claim_key {
            let id = match claims.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let id = store.claim_short_id(key).await?;
                    claims.insert(key, id.clone());
                    id
                }
            };
            format!("claim {id}")
        } else if let Some(key) = operation.source_key {
            let name = store
                .source_name_of(key)
                .await?
                .unwrap_or_else(|| format!("#{key} (removed)"));
            format!("source {name}")
        } else if let Some(key) = operation.article_key {
            format!("article {}", store.article_url(key).await?)
        } else {
            String::new()
        };
        entries.push(Entry { operation, about });
    }
    Ok(entries)
}

/// What an operation changed, in a line: `field: old -> new`, and for
/// operations that created rows, how many.
pub(super) fn change(operation: &Operation) -> String {
    let empty = serde_json::Map::new();
    let old = operation
        .old
        .as_ref()
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let new = operation
        .new
        .as_ref()
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let show = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".into(),
        other => other.to_string(),
    };
    let mut parts = Vec::new();
    for (field, value) in new {
        if field.ends_with("_sha256")
            || ((field == "claims" || field == "events") && value == &Value::from(0))
        {
            continue;
        }
        match old.get(field) {
            Some(before) => parts.push(format!("{field}: {} -> {}", show(before), show(value))),
            None => parts.push(format!("{field}: {}", show(value))),
        }
    }
    for (field, value) in old {
        if !new.contains_key(field) {
            parts.push(format!("{field}: {} -> (removed)", show(value)));
        }
    }
    parts.join("; ")
}

impl Record for Entry {
    const HEADERS: &'static [&'static str] = &["Op", "At", "Actor", "Kind", "About", "Change", "Note"];
    fn cells(&self) -> Vec<String> {
        let o = &self.operation;
        vec![
            o.id.to_string(),
            o.at.get(..19).unwrap_or(&o.at).replace('T', " "),
            o.actor.clone(),
            o.kind.clone(),
            self.about.clone(),
            change(o),
            or_empty(&o.note),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "id", "at", "actor", "kind", "about", "old", "new", "note", "undoes", "hash",
    ];
    fn csv_cells(&self) -> Vec<String> {
        let o = &self.operation;
        let json = |v: &Option<Value>| v.as_ref().map(Value::to_string).unwrap_or_default();
        vec![
            o.id.to_string(),
            o.at.clone(),
            o.actor.clone(),
            o.kind.clone(),
            self.about.clone(),
            json(&o.old),
            json(&o.new),
            or_empty(&o.note),
            o.undoes.map(|u| u.to_string()).unwrap_or_default(),
            o.hash.clone(),
        ]
    }
}
