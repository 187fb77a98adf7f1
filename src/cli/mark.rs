//! `claims mark` and its shortcuts `confirm`, `dispute`, `refute`: change a
//! claim's status by appending an event to its history.

use clap::Args;

use super::{Context, text, url};
use crate::error::{Error, Result};
use crate::model::{Claim, StatusEvent};
use crate::model::{Day, Status, short_id};
use crate::render::Output;
use crate::store::marking::Marking;
use crate::store::postgres::TeamDatabase;
use crate::store::{NewEvent, NewOperation, now_timestamp};

/// What each status means (docs/statuses.md has more).
const STATUSES: &str = "The status it has now:
  unverified    logged, nobody has checked it yet (the default)
  disputed      credible parties contest it; the evidence does not settle it
  confirmed     independent evidence shows it is true as stated
  refuted       evidence shows it is false as stated
  unverifiable  it cannot be checked: a private conversation, a prediction, an opinion
  retracted     the source itself withdrew it (says nothing about whether it was true)";

/// `claims mark`.
#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  claims mark 6267f8a0 refuted --note \"The court record shows no plot\" --evidence https://example.org/ruling
  claims mark 6267 disputed --rating \"Half True\" --note \"The suspects deny it\"
  claims mark 6267f8a0 confirmed --on 2017-12-19 --note \"Ruled on the 19th, recorded today\"
  claims refute --ids-from checked.txt --note \"Court ruling of 14 January\"   # one id per line")]
pub struct MarkArgs {
    /// The claim: full UUID or short id (a unique prefix of 4+ hex digits).
    pub id: String,
    /// unverified, disputed, confirmed, refuted, unverifiable or retracted.
    #[arg(long_help = STATUSES)]
    pub status: Status,
    #[command(flatten)]
    pub details: EventDetails,
    #[command(flatten)]
    pub more: MoreIds,
    #[command(flatten)]
    pub acting: super::Acting,
}

/// `claims confirm|dispute|refute`.
#[derive(Debug, Args)]
pub struct ShortcutArgs {
    /// The claims: full UUIDs or short ids (unique prefixes of 4+ hex digits).
    #[arg(required_unless_present = "ids_from")]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub details: EventDetails,
    #[command(flatten)]
    pub more: MoreIds,
    #[command(flatten)]
    pub acting: super::Acting,
}

/// More claims for one command, from a file: one id per line (blank lines
/// and `#` comments skipped), `-` for standard input.
#[derive(Debug, Args)]
pub struct MoreIds {
    /// Also the claims listed in FILE, one id per line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    pub ids_from: Option<std::path::PathBuf>,
}

impl MoreIds {
    /// The ids the file lists, with `file:line` for each.
    pub fn read(&self) -> Result<Vec<(String, String)>> {
        let Some(path) = &self.ids_from else {
            return Ok(vec![]);
        };
        let text = if path.as_os_str() == "-" {
            std::io::read_to_string(std::io::stdin())?
        } else {
            std::fs::read_to_string(path).map_err(|source| Error::ReadFile {
                path: path.clone(),
                source,
            })?
        };
        Ok(text
            .lines()
            .enumerate()
            .map(|(n, line)| (n, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
            .map(|(n, line)| (line.to_string(), format!("{}:{}", path.display(), n + 1)))
            .collect())
    }
}

/// What a status change records besides the status.
#[derive(Debug, Args)]
pub struct EventDetails {
    /// Why: what was found, citing the evidence.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    /// A URL of evidence; repeatable.
    #[arg(long = "evidence", value_parser = url, value_name = "URL")]
    pub evidence: Vec<String>,
    /// A verdict label kept verbatim ("Mostly False").
    #[arg(long, value_parser = text, value_name = "LABEL")]
    pub rating: Option<String>,
    /// The day the verdict took effect, when earlier than today (a ruling
    /// made then, recorded now); `report --as-of` reads it.
    #[arg(long, value_parser = super::day, value_name = "DATE")]
    pub on: Option<Day>,
}

impl ShortcutArgs {
    /// Runs as `mark` with `status`, for every claim given.
    pub(super) async fn run(self, status: Status, ctx: &mut Context) -> Result<()> {
        let ids = self.ids()?;
        mark_all(ids, status, &self.details, ctx).await
    }

    /// Runs as `mark` with `status` against a team database on PostgreSQL.
    pub(super) async fn run_on_postgres(self, status: Status, url: &str, out: &mut Output) -> Result<()> {
        let ids = self.ids()?;
        mark_on_postgres(ids, status, &self.details, url, out).await
    }

    fn ids(&self) -> Result<Vec<(String, Option<String>)>> {
        let mut ids: Vec<(String, Option<String>)> = self.ids.iter().map(|id| (id.clone(), None)).collect();
        ids.extend(self.more.read()?.into_iter().map(|(id, at)| (id, Some(at))));
        Ok(ids)
    }
}

pub(super) async fn run(args: MarkArgs, ctx: &mut Context) -> Result<()> {
    let mut ids = vec![(args.id.clone(), None)];
    ids.extend(args.more.read()?.into_iter().map(|(id, at)| (id, Some(at))));
    mark_all(ids, args.status, &args.details, ctx).await
}

/// `claims mark` against a team database on PostgreSQL: the same, under
/// the session's user (the database refuses what the role does not allow).
pub(super) async fn run_on_postgres(args: MarkArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut ids = vec![(args.id.clone(), None)];
    ids.extend(args.more.read()?.into_iter().map(|(id, at)| (id, Some(at))));
    mark_on_postgres(ids, args.status, &args.details, url, out).await
}

async fn mark_on_postgres(
    ids: Vec<(String, Option<String>)>,
    status: Status,
    details: &EventDetails,
    url: &str,
    out: &mut Output,
) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let marked = database
        .write(async |d| mark_each(&ids, status, details, "", d).await)
        .await;
    database.close().await?;
    print_marked(marked?, out);
    Ok(())
}

/// Marks every claim given, in one transaction: all of them or none.
async fn mark_all(
    ids: Vec<(String, Option<String>)>,
    status: Status,
    details: &EventDetails,
    ctx: &mut Context,
) -> Result<()> {
    let actor = ctx.actor.clone();
    let marked = ctx
        .store
        .write(async |store| mark_each(&ids, status, details, &actor, store).await)
        .await?;
    print_marked(marked, &mut ctx.out);
    Ok(())
}

/// Marks each claim of `ids` once, on either backend.
async fn mark_each(
    ids: &[(String, Option<String>)],
    status: Status,
    details: &EventDetails,
    actor: &str,
    store: &mut impl Marking,
) -> Result<Vec<(Claim, StatusEvent)>> {
    if ids.is_empty() {
        return Err(Error::invalid(
            "no claim given: name one, or --ids-from a file that lists some",
        ));
    }
    let mut marked = Vec::with_capacity(ids.len());
    let mut seen = std::collections::HashSet::new();
    for (given, at) in ids {
        let claim = store.claim_to_mark(given).await.map_err(|e| match (e, at) {
            (Error::NotFound { kind, given }, Some(at)) => {
                Error::invalid(format!("{at}: no {kind} matches '{given}'"))
            }
            (other, _) => other,
        })?;
        if !seen.insert(claim.key) {
            continue;
        }
        marked.push(mark_one(store, claim, status, details, actor).await?);
    }
    Ok(marked)
}

fn print_marked(marked: Vec<(Claim, StatusEvent)>, out: &mut Output) {
    for (claim, event) in marked {
        let id = short_id(&claim.id);
        out.line(match event.from {
            Some(from) if from == event.to => format!("{id}: {} (evidence added)", event.to),
            Some(from) => format!("{id}: {from} -> {}", event.to),
            None => format!("{id}: {}", event.to),
        });
    }
}

/// Appends one claim's event and its operation.
async fn mark_one(
    store: &mut impl Marking,
    claim: Claim,
    status: Status,
    details: &EventDetails,
    actor: &str,
) -> Result<(Claim, StatusEvent)> {
    let adds_something = details.note.is_some()
        || !details.evidence.is_empty()
        || details
            .rating
            .as_ref()
            .is_some_and(|r| Some(r) != claim.rating.as_ref());
    if claim.status == status && !adds_something {
        return Err(Error::invalid(format!(
            "claim {} is already {}; add --note, --evidence or a new --rating to record more about it",
            short_id(&claim.id),
            claim.status
        )));
    }
    let at = now_timestamp();
    if let Some(on) = details.on {
        check_effective_day(store, &claim, on, &at).await?;
    }
    let event = NewEvent {
        to: status,
        rating: details.rating.clone(),
        note: details.note.clone(),
        evidence: details.evidence.clone(),
        actor: actor.to_string(),
        at,
        effective_on: details.on.map(|d| d.to_string()),
    };
    store.open().await?;
    let recorded = store.append(claim.key, &event).await?;
    store
        .close(NewOperation {
            kind: "claim.mark",
            claim_key: Some(claim.key),
            old: Some(serde_json::json!({ "status": claim.status.as_str(), "rating": claim.rating })),
            new: Some(serde_json::json!({
                "status": recorded.to.as_str(),
                "rating": recorded.rating,
                "effective_on": recorded.effective_on,
            })),
            note: recorded.note.clone(),
            actor: actor.to_string(),
            ..NewOperation::default()
        })
        .await?;
    Ok((claim, recorded))
}

/// Refuses an effective day that would make the history say something
/// impossible: a verdict in the future, before the claim was made, or
/// before the verdict it follows took effect (then `report --as-of` for
/// today would disagree with the claim's status).
async fn check_effective_day(store: &mut impl Marking, claim: &Claim, on: Day, now: &str) -> Result<()> {
    let id = short_id(&claim.id);
    if on.to_string().as_str() > &now[..10] {
        return Err(Error::invalid(format!(
            "--on {on} is in the future (today is {}, UTC): a verdict is recorded once it has taken effect",
            &now[..10]
        )));
    }
    if let Some(said_on) = claim
        .said_on
        .as_deref()
        .filter(|said| on.to_string().as_str() < *said)
    {
        return Err(Error::invalid(format!(
            "--on {on} is before claim {id} was made ({said_on})"
        )));
    }
    let history = store.history_of(claim.key).await?;
    if let Some(last) = history.last().filter(|last| on.to_string() < last.effective_on) {
        return Err(Error::invalid(format!(
            "--on {on} is before {}, when claim {id}'s current status ({}) took effect; undo that verdict first to rule on an earlier day",
            last.effective_on, last.to
        )));
    }
    Ok(())
}
