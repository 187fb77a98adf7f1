//! `claims undo [OPERATION]`: revert an operation (by default your latest
//! that can be reverted) by appending its inverse to the journal. Nothing is
//! deleted: the operation and its undoing both stay, the second naming the
//! first.

use clap::Args;
use serde_json::Value;

use super::{Context, text};
use crate::error::{Error, Result};
use crate::journal::Operation;
use crate::model::{Relation, Status};
use crate::store::undoing::Undoing;
use crate::store::{NewEvent, NewOperation, now_timestamp};

/// The kinds of operation `undo` can revert.
const UNDOABLE: &[&str] = &[
    "claim.edit",
    "import.edit",
    "claim.mark",
    "claim.withdraw",
    "claim.reinstate",
    "link.add",
    "link.remove",
    "source.rename",
];

/// `claims undo`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims undo                           # your latest change that can be undone\n  claims undo 58 --note \"marked the wrong claim\""
)]
pub struct UndoArgs {
    /// The operation to revert (its number in `claims log`); default: your
    /// latest one that can be reverted.
    pub operation: Option<i64>,
    /// Why.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(args: UndoArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let (undone, undoing) = ctx
        .store
        .write(async |store| undo(store, &args, &actor).await)
        .await?;
    ctx.out.line(said(&undone, undoing));
    Ok(())
}

/// `claims undo` on a team database: "your latest" is your login's, the
/// undoing recorded under it; the database refuses what your role may not
/// do (undoing a confirmation takes an editor, as confirming does).
pub(super) async fn run_on_postgres(args: UndoArgs, url: &str, out: &mut super::Output) -> Result<()> {
    let mut db = crate::store::postgres::TeamDatabase::connect(url).await?;
    let (_, login) = db.identity().await?;
    let (undone, undoing) = db.write(async |db| undo(db, &args, &login).await).await?;
    out.line(said(&undone, undoing));
    db.close().await
}

fn said(undone: &Operation, undoing: i64) -> String {
    format!(
        "operation {} ({}) undone by operation {}",
        undone.id, undone.kind, undoing
    )
}

/// The undo, inside the caller's write transaction, on either backend.
async fn undo(store: &mut impl Undoing, args: &UndoArgs, actor: &str) -> Result<(Operation, i64)> {
    let id = match args.operation {
        Some(id) => id,
        None => store
            .last_undoable(actor, UNDOABLE)
            .await?
            .ok_or_else(|| Error::invalid(format!("{actor} has no operation left to undo")))?,
    };
    let (operation, undone) = store
        .operation_undone(id)
        .await?
        .ok_or_else(|| Error::invalid(format!("there is no operation {id}")))?;
    if undone {
        return Err(Error::invalid(format!("operation {id} was already undone")));
    }
    if !UNDOABLE.contains(&operation.kind.as_str()) {
        return Err(Error::invalid(format!(
            "operation {id} ({}) cannot be undone; correct it with edit, withdraw or mark",
            operation.kind
        )));
    }
    let note = args
        .note
        .clone()
        .or_else(|| Some(format!("undo of operation {id}")));
    store.undoing(id);
    let undoing = invert(store, &operation, note, actor).await?;
    Ok((operation, undoing))
}

/// Appends the inverse of `operation`; returns the new operation's id.
async fn invert(
    store: &mut impl Undoing,
    operation: &Operation,
    note: Option<String>,
    actor: &str,
) -> Result<i64> {
    let id = operation.id;
    let field = |side: &Option<Value>, name: &str| side.as_ref().and_then(|v| v.get(name)).cloned();
    let claim = match operation.claim_key {
        Some(key) => Some(store.claim(key).await?),
        None => None,
    };
    match (operation.kind.as_str(), claim) {
        ("claim.edit" | "import.edit", Some(claim)) => {
            let current = store.claim_record(claim.key).await?;
            let unreadable = |e: serde_json::Error| Error::Internal(format!("a claim record: {e}"));
            let mut fields = match serde_json::to_value(&current).map_err(unreadable)? {
                Value::Object(map) => map,
                _ => unreachable!("a record is an object"),
            };
            let new = operation.new.as_ref().and_then(Value::as_object);
            for (name, value) in new.into_iter().flatten() {
                // A record leaves an empty language out: null there.
                if fields.get(name).unwrap_or(&Value::Null) != value {
                    return Err(Error::invalid(format!(
                        "operation {id} cannot be undone: the claim's {name} has changed since"
                    )));
                }
                fields.insert(name.clone(), field(&operation.old, name).unwrap_or(Value::Null));
            }
            let wanted = serde_json::from_value(Value::Object(fields)).map_err(|e| {
                Error::invalid(format!(
                    "operation {id} cannot be undone: its old values do not make a claim ({e})"
                ))
            })?;
            let done = store
                .edit_claim(claim.key, &wanted, "claim.edit", note, actor)
                .await?;
            Ok(done.map(|o| o.id).unwrap_or(id))
        }
        ("claim.withdraw", Some(claim)) => {
            Ok(store.set_withdrawn_state(&claim, false, note, actor).await?.id)
        }
        ("claim.reinstate", Some(claim)) => {
            Ok(store.set_withdrawn_state(&claim, true, note, actor).await?.id)
        }
        ("claim.mark", Some(claim)) => {
            let status: Status = field(&operation.old, "status")
                .and_then(|v| v.as_str().map(str::to_string))
                .ok_or_else(|| Error::invalid(format!("operation {id} does not say the status before it")))?
                .parse()?;
            let rating = field(&operation.old, "rating").and_then(|v| v.as_str().map(str::to_string));
            // The undone verdict never took effect: the status before it
            // is back from the day it claimed, so that `report --as-of`
            // no longer shows it (and `--as-known-on` still shows what was
            // believed while it stood).
            let effective_on = field(&operation.new, "effective_on")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| operation.at[..10].to_string());
            let event = NewEvent {
                to: status,
                rating,
                note: note.clone(),
                evidence: vec![],
                actor: actor.to_string(),
                at: now_timestamp(),
                effective_on: Some(effective_on),
            };
            store.open_operation().await?;
            store.append_event(claim.key, &event).await?;
            let closed = store
                .close_operation(NewOperation {
                    kind: "claim.mark",
                    claim_key: Some(claim.key),
                    old: Some(serde_json::json!({ "status": claim.status.as_str(), "rating": claim.rating })),
                    new: Some(serde_json::json!({
                        "status": status.as_str(),
                        "rating": event.rating,
                        "effective_on": event.effective_on,
                    })),
                    note,
                    actor: actor.to_string(),
                    undoes: Some(id),
                    ..NewOperation::default()
                })
                .await?;
            Ok(closed.id)
        }
        ("link.add" | "link.remove", _) => {
            let side = if operation.kind == "link.add" {
                &operation.new
            } else {
                &operation.old
            };
            let end = |name: &str| {
                field(side, name)
                    .and_then(|v| v.as_str().map(str::to_string))
                    .ok_or_else(|| Error::invalid(format!("operation {id} does not name its link")))
            };
            let from = store.claim_to_mark(&end("from")?).await?;
            let to = store.claim_to_mark(&end("to")?).await?;
            let relation: Relation = end("relation")?.parse()?;
            if operation.kind == "link.add" {
                Ok(store.remove_link(&from, relation, &to, note, actor).await?.id)
            } else {
                store.add_link(&from, relation, &to, actor).await?;
                store.head_id().await
            }
        }
        ("source.rename", _) => {
            let key = operation
                .source_key
                .ok_or_else(|| Error::invalid(format!("operation {id} names no source")))?;
            let old = field(&operation.old, "name").and_then(|v| v.as_str().map(str::to_string));
            let new = field(&operation.new, "name").and_then(|v| v.as_str().map(str::to_string));
            let (Some(old), Some(new)) = (old, new) else {
                return Err(Error::invalid(format!("operation {id} does not say the names")));
            };
            let source = store.source_resolved(&new).await?;
            if source.key != key {
                return Err(Error::invalid(format!(
                    "operation {id} cannot be undone: '{new}' is no longer that source's name"
                )));
            }
            Ok(store.rename_source(&source, &old, false, note, actor).await?.id)
        }
        _ => Err(Error::invalid(format!(
            "operation {id} ({}) cannot be undone",
            operation.kind
        ))),
    }
}
