//! `claims add`: log one claim by hand.

use clap::Args;
use uuid::Uuid;

use super::{Context, day, language, tag, text, url};
use crate::error::{Error, Result};
use crate::model::{Day, SourceKind, Status, short_id};
use crate::render::Output;
use crate::store::marking::Adding;
use crate::store::postgres::TeamDatabase;
use crate::store::{NewClaim, NewEvent, NewOperation, now_timestamp};

/// `claims add`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims add --by Peskov --text \"A CIA tip-off saved lives\" --said-on 2017-12-18\n  claims add --by \"Dmitri Peskov\" --new-source person --text \"...\" \\\n      --article https://www.rferl.org/a/28924694.html --quote \"saved lives\"\n  claims add --by FSB --text \"Seven were detained\" --status disputed \\\n      --note \"The suspects deny it\""
)]
pub struct AddArgs {
    /// Who made the claim: a source's name or alias (case-insensitive).
    #[arg(long, value_name = "SOURCE")]
    pub by: String,
    /// The claim, stated so that it can be checked.
    #[arg(long, value_parser = text)]
    pub text: String,
    /// The article it was reported in: its URL, full UUID or short id.
    #[arg(long, value_name = "URL|ID")]
    pub article: Option<String>,
    /// The claim's verbatim words.
    #[arg(long, value_parser = text)]
    pub quote: Option<String>,
    /// When the claim was made (YYYY-MM-DD).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub said_on: Option<Day>,
    /// A tag; repeatable.
    #[arg(long = "tag", value_parser = tag, value_name = "TAG")]
    pub tags: Vec<String>,
    /// The language the claim was made in, a BCP 47 tag (en, de, pt-BR).
    #[arg(long, value_parser = language, value_name = "TAG")]
    pub language: Option<String>,
    /// Create SOURCE with this kind if no source has that name.
    #[arg(long, value_name = "KIND")]
    pub new_source: Option<SourceKind>,
    /// The status to log it with [default: unverified].
    #[arg(long, default_value_t = Status::Unverified)]
    pub status: Status,
    /// A note for the history entry that logs it.
    #[arg(long)]
    pub note: Option<String>,
    /// Evidence URL for the logging entry; repeatable.
    #[arg(long = "evidence", value_parser = url, value_name = "URL")]
    pub evidence: Vec<String>,
    /// A verdict label kept verbatim ("Mostly False").
    #[arg(long, value_parser = text, value_name = "LABEL")]
    pub rating: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(args: AddArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let id = ctx
        .store
        .write(async |store| add(&args, &actor, store).await)
        .await?;
    ctx.out.line(short_id(&id));
    Ok(())
}

/// `claims add` against a team database on PostgreSQL: the same, the claim
/// logged under the session's user.
pub(super) async fn run_on_postgres(args: AddArgs, url: &str, out: &mut Output) -> Result<()> {
    // Whether the claim was seen before is looked up on a second
    // connection while the first logs it: the lookup's round trips would
    // otherwise come after the write's (on 100,000 claims, an editor's add
    // of a sentence took 34 ms with the lookup after the write, 29 ms with
    // it beside). Without a second connection (the server full, say) the
    // write looks it up itself.
    let (database, second) = tokio::join!(TeamDatabase::connect(url), TeamDatabase::connect(url));
    let mut database = database?;
    let lookup = match second {
        Ok(second) => second.look_up_seen_before_for(&mut database).await.ok(),
        Err(_) => None,
    };
    let beside = async {
        match lookup {
            Some(lookup) => Some(
                lookup
                    .of_claim(&args.text, args.quote.as_deref(), args.note.as_deref())
                    .await
                    .map(|found| (found, false)),
            ),
            None => None,
        }
    };
    let (id, beside) = tokio::join!(database.write(async |d| add(&args, "", d).await), beside);
    let seen = match beside {
        Some(found) => found,
        None => Ok(database.take_seen_before()),
    };
    database.close().await?;
    let id = id?;
    // The claim is logged: a lookup that failed is worth a warning, not
    // the failure of the command.
    match seen {
        Ok(found) => super::say_seen_before(&found),
        Err(e) => eprintln!("claims: warning: not looked up whether this claim was seen before: {e}"),
    }
    out.line(short_id(&id));
    Ok(())
}

/// Logs the claim `args` describes, on either backend; returns its id.
async fn add(args: &AddArgs, actor: &str, store: &mut impl Adding) -> Result<Uuid> {
    let (source_key, source_name) = store.source_for(&args.by, args.new_source).await?;
    let article = match &args.article {
        Some(given) => Some(store.article_for(given).await?),
        None => None,
    };
    let article_key = article.as_ref().map(|(key, _)| *key);
    if let Some(existing) = store
        .duplicate_of(source_key, article_key, args.said_on, &args.text)
        .await?
    {
        return Err(Error::Conflict(format!(
            "{source_name} already has this claim logged as {}",
            short_id(&existing)
        )));
    }
    // A quote from an article with a snapshot is anchored in it.
    let anchor = match (&article, &args.quote) {
        (Some((_, Some(body))), Some(quote)) => {
            let found = crate::anchor::find(body, quote, None);
            if found.is_none() {
                eprintln!(
                    "claims: warning: the quote is not in the article's snapshot; `claims verify` will list it"
                );
            }
            found
        }
        _ => None,
    };
    // A UUIDv7 whose short id another claim already shows would make that
    // short id ambiguous; draw again (32 random bits: rare).
    let mut id = Uuid::now_v7();
    while store.short_id_in_use(&id).await? {
        id = Uuid::now_v7();
    }
    let claim = NewClaim {
        origin: None,
        id,
        source_key,
        article_key,
        text: args.text.clone(),
        quote: args.quote.clone(),
        said_on: args.said_on,
        tags: args.tags.clone(),
        history: vec![NewEvent {
            to: args.status,
            rating: args.rating.clone(),
            note: args.note.clone(),
            evidence: args.evidence.clone(),
            actor: actor.to_string(),
            at: now_timestamp(),
            effective_on: None,
        }],
        anchor,
        language: args.language.clone(),
    };
    store
        .create_claim(
            claim,
            NewOperation {
                kind: "claim.create",
                new: Some(serde_json::json!({ "id": id.to_string(), "status": args.status.as_str() })),
                note: args.note.clone(),
                actor: actor.to_string(),
                ..NewOperation::default()
            },
        )
        .await?;
    Ok(id)
}
