//! The `claims` command line: clap definitions and the dispatch to one
//! module per command. Each command module turns its flags into store calls
//! and prints what comes back; none of them speaks SQL.

mod add;
mod article;
mod backup;
mod copy;
mod dedupe;
mod docs;
mod edit;
mod embed;
mod evaluate_matching;
mod export;
mod extract;
mod import;
mod link;
mod list;
mod log;
mod mark;
mod publish;
mod reindex;
mod report;
mod restore;
mod show;
mod similar;
mod source;
mod team;
mod undo;
mod unlink;
mod verify;
mod withdraw;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::error::{Error, Result};
use crate::model::{Day, Status};
use crate::render::{Format, Output};
use crate::store::{self, Access, Store};

/// Track claims from news articles: who said what, and whether it held up.
#[derive(Debug, Parser)]
#[command(name = "claims", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The database file [default: $XDG_DATA_HOME/claimtrack/claims.db, else ~/.local/share/claimtrack/claims.db].
    #[arg(
        long,
        global = true,
        env = "CLAIMS_DB",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,

    /// How long to wait for another process that is writing (a long import) before giving up.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(0..=86_400), help_heading = "Global options")]
    pub wait: u64,

    /// The semantic tier's model files: a folder, or `none` to match lexically [default: $XDG_DATA_HOME/claimtrack/all-MiniLM-L6-v2, used when it holds them and the build has the tier].
    #[arg(
        long,
        global = true,
        env = "CLAIMS_MODEL",
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub model: Option<PathBuf>,

    /// Print long output straight to the terminal instead of through $PAGER (less -FRX by default).
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_pager: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, list and show the sources that make claims.
    #[command(subcommand)]
    Source(source::SourceCommand),
    /// Add, list and show articles that claims come from.
    #[command(subcommand)]
    Article(article::ArticleCommand),
    /// Log a claim; prints its short id.
    Add(add::AddArgs),
    /// Change a claim's status, appending to its history.
    Mark(mark::MarkArgs),
    /// Mark a claim confirmed (shortcut for `mark ID confirmed`).
    Confirm(mark::ShortcutArgs),
    /// Mark a claim disputed (shortcut for `mark ID disputed`).
    Dispute(mark::ShortcutArgs),
    /// Mark a claim refuted (shortcut for `mark ID refuted`).
    Refute(mark::ShortcutArgs),
    /// Link two claims: `claims link A contradicts B`.
    Link(link::LinkArgs),
    /// Remove a link: `claims unlink A contradicts B`.
    Unlink(unlink::UnlinkArgs),
    /// Correct a claim: its words, speaker, quote, date, article or tags (recorded in the journal).
    Edit(edit::EditArgs),
    /// Withdraw a claim logged by mistake: gone from lists, reports and exports, its history kept.
    Withdraw(withdraw::WithdrawArgs),
    /// Bring a withdrawn claim back.
    Reinstate(withdraw::ReinstateArgs),
    /// The journal: every change, who made it, when, why, and the old and new values.
    Log(log::LogArgs),
    /// Revert an operation (default: your latest) by appending its inverse; nothing is deleted.
    Undo(undo::UndoArgs),
    /// Show a claim: its source, article, links and whole history.
    Show(show::ShowArgs),
    /// List claims, newest first, with filters.
    List(list::ListArgs),
    /// The claims most like a claim or a text, with a score, speaker and verdict: has this been checked before?
    Similar(similar::SimilarArgs),
    /// Likely repeats across the database, for review; --apply records them as `repeats` links.
    Dedupe(dedupe::DedupeArgs),
    /// Give every claim its sentence embedding (the semantic tier of matching; needs the model files).
    Embed(embed::EmbedArgs),
    /// Build the search index and the matching statistics again from the record (when `verify` finds them off).
    Reindex(reindex::ReindexArgs),
    /// Per-source report: claims per source and how many held up.
    Report(report::ReportArgs),
    /// Load claims: claim files (TOML), CSV, JSON Lines, LIAR TSV, ClaimReview; all or nothing, and importing twice changes nothing.
    Import(import::ImportArgs),
    /// Write the database out: claim files (one per article), or CSV, JSON Lines or ClaimReview JSON-LD.
    Export(export::ExportArgs),
    /// Publish the verdicts as a static site: a page per claim (with ClaimReview), per speaker, indexes, corrections, feed.
    Publish(publish::PublishArgs),
    /// Check the whole database against its journal (hash chain, guards, every claim and event), and every quote against its snapshot; exit 1 on any break.
    Verify(verify::VerifyArgs),
    /// Write a consistent copy of the database to a new file, even while others write to it.
    Backup(backup::BackupArgs),
    /// Replace the database with a backup (checked first); the replaced database is kept aside.
    Restore(restore::RestoreArgs),
    /// Propose the attributed claims of an article's text: a table, JSON, or a claim-file draft.
    Extract(extract::ExtractArgs),
    /// Score `extract` against annotated attributions (brat standoff, as PolNeAR ships them).
    Evaluate(extract::EvaluateArgs),
    /// Score `similar` the way CLEF CheckThat! scores verified-claim retrieval: MAP@1, MAP@5, MRR, Recall@5.
    EvaluateMatching(evaluate_matching::EvaluateMatchingArgs),
    /// Copy the whole database (claims, history, journal, snapshots, links) into an empty PostgreSQL database.
    Copy(copy::CopyArgs),
    /// The desk on a PostgreSQL server: set up its roles, add and remove members.
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Print the shell completion script for bash, zsh, fish, elvish or powershell.
    Completions(docs::CompletionsArgs),
    /// Print the man page, or write one per command into a folder.
    Man(docs::ManArgs),
}

/// `--format` of the commands that print records: how they print. The
/// file formats of `import` and `export` are their own `--format`, so each
/// command's help lists only the values it takes.
#[derive(Debug, Clone, Default, Args)]
pub struct Listing {
    /// How to print: table (for people, fitted to the terminal), csv, json or markdown.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ListingFormat>,
}

/// The ways records print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListingFormat {
    /// Aligned columns fitted to the terminal.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// JSON.
    Json,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

impl Listing {
    fn output(&self) -> Format {
        match self.format {
            None | Some(ListingFormat::Table) => Format::Table,
            Some(ListingFormat::Csv) => Format::Csv,
            Some(ListingFormat::Json) => Format::Json,
            Some(ListingFormat::Markdown) => Format::Markdown,
        }
    }
}

/// `--as` of the commands that change the record: who is acting. Commands
/// that only read do not take it.
#[derive(Debug, Clone, Default, Args)]
pub struct Acting {
    /// Who is making this change, recorded in the journal [default: $USER].
    #[arg(long = "as", value_name = "NAME", value_parser = text)]
    pub actor: Option<String>,
}

/// What every command gets: the open store, the output, who is acting.
pub struct Context {
    /// The database.
    pub store: Store,
    /// Where records are printed.
    pub out: Output,
    /// Who is making changes (`--as`, else `$USER`).
    pub actor: String,
}

/// Runs a parsed command line to its end on a runtime of its own; Ctrl-C
/// stops it, dropping any open transaction (nothing is committed). The
/// binary calls this; keeping the runtime here keeps the whole command's
/// code in the library, compiled once.
pub fn execute(cli: Cli) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start: {e}")))?;
    runtime.block_on(async {
        tokio::select! {
            result = run(cli) => result,
            _ = tokio::signal::ctrl_c() => Err(Error::Interrupted),
        }
    })
}

/// Runs a parsed command line against its database, printing to stdout.
pub async fn run(cli: Cli) -> Result<()> {
    crate::matching::semantic::configure(crate::matching::semantic::ModelChoice::parse(
        cli.model.as_deref(),
    ));
    let result = run_command(cli).await;
    say_semantic_tier(result.is_ok());
    result
}

/// Runs the command of a parsed command line.
async fn run_command(cli: Cli) -> Result<()> {
    let output = cli.command.listing().map_or(Format::Table, Listing::output);
    let actor = actor(cli.command.acting().and_then(|a| a.actor.as_deref()));
    // A PostgreSQL URL: the team database, where the commands that have a
    // PostgreSQL side run (the others say so).
    let url = cli
        .db
        .as_ref()
        .and_then(|db| db.to_str())
        .filter(|db| store::postgres::is_url(db))
        .map(str::to_string);
    if let Command::Copy(args) = cli.command {
        let from = match &cli.db {
            Some(db) => db.to_string_lossy().into_owned(),
            None => default_db()?.to_string_lossy().into_owned(),
        };
        let mut out = stdout(output, cli.no_pager);
        let result = copy::run(args, &from, &mut out).await;
        out.flush()?;
        return result;
    }
    if let Some(url) = &url
        && !matches!(
            cli.command,
            Command::Completions(_) | Command::Man(_) | Command::Evaluate(_) | Command::EvaluateMatching(_)
        )
    {
        let mut out = stdout(output, cli.no_pager);
        let result = on_postgres(cli.command, url, &mut out).await;
        out.flush()?;
        return result;
    }
    // Commands that need no database, or only one named explicitly.
    match cli.command {
        Command::Team(_) => {
            return Err(Error::invalid(
                "claims team works on a PostgreSQL database: pass --db postgres://HOST/DATABASE (or set CLAIMS_DB)",
            ));
        }
        Command::Completions(args) => return docs::completions(&args),
        Command::Man(args) => return docs::man(&args),
        Command::Evaluate(args) => {
            let mut out = stdout(output, cli.no_pager);
            let result = extract::evaluate(args, &mut out);
            out.flush()?;
            return result;
        }
        Command::EvaluateMatching(args) => {
            let mut out = stdout(output, cli.no_pager);
            let result = evaluate_matching::run(args, &mut out).await;
            out.flush()?;
            return result;
        }
        Command::Extract(args) => {
            let wait = Duration::from_secs(cli.wait);
            let store = match (&cli.db, args.import) {
                // Known names help resolve speakers; with no database yet,
                // there are none (and a proposal never creates one).
                (Some(path), false) if !path.exists() => None,
                (Some(path), false) => Some(Store::open_as(path, Access::Read, wait).await?),
                (Some(path), true) => Some(Store::open_as(path, Access::Write, wait).await?),
                (None, true) => Some(Store::open_as(&default_db()?, Access::Write, wait).await?),
                (None, false) => None,
            };
            let mut store = store;
            if let Some(store) = store.as_mut() {
                store.set_actor(&actor);
            }
            let mut out = stdout(output, cli.no_pager);
            let result = extract::run(args, store, &mut out, &actor).await;
            out.flush()?;
            return result;
        }
        _ => {}
    }
    let path = match &cli.db {
        Some(path) => path.clone(),
        None => default_db()?,
    };
    let access = if cli.command.writes() {
        Access::Write
    } else {
        Access::Read
    };
    let mut store = Store::open_as(&path, access, Duration::from_secs(cli.wait))
        .await
        .map_err(|e| store::explain_failure(&path, e))?;
    store.set_actor(&actor);
    let path = store.path().to_path_buf();
    let mut ctx = Context {
        store,
        out: stdout(output, cli.no_pager),
        actor,
    };
    let result = dispatch(cli.command, &mut ctx).await;
    // Print what was produced even when a later step failed: a partial
    // listing is never written, but a message about what was done is.
    ctx.out.flush()?;
    result.map_err(|e| store::explain_failure(&path, e))?;
    for notice in ctx.store.take_notices() {
        eprintln!("claims: warning: {}", crate::render::inert(&notice));
    }
    say_seen_before(&ctx.store.take_seen_before());
    ctx.store.close().await
}

/// Runs a command against a team database on PostgreSQL: those that
/// have a PostgreSQL side; the others are refused, saying which do.
async fn on_postgres(command: Command, url: &str, out: &mut Output) -> Result<()> {
    if command.acting().is_some_and(|a| a.actor.is_some()) {
        return Err(Error::invalid(
            "--as is not taken on a team database: every change is recorded under your database login",
        ));
    }
    match command {
        Command::Team(command) => team::run(command, url, out).await,
        Command::Verify(args) => verify::run_on_postgres(args, url, out).await,
        Command::Log(args) => log::run_on_postgres(args, url, out).await,
        Command::List(args) => list::run_on_postgres(args, url, out).await,
        Command::Similar(args) => similar::run_on_postgres(args, url, out).await,
        Command::Dedupe(args) => dedupe::run_on_postgres(args, url, out).await,
        Command::Embed(args) => embed::run_on_postgres(args, url, out).await,
        Command::Reindex(args) => reindex::run_on_postgres(args, url, out).await,
        Command::Report(args) => report::run_on_postgres(args, url, out).await,
        Command::Show(args) => show::run_on_postgres(args, url, out).await,
        Command::Export(args) => export::run_on_postgres(args, url, out).await,
        Command::Publish(args) => publish::run_on_postgres(args, url, out).await,
        Command::Mark(args) => mark::run_on_postgres(args, url, out).await,
        Command::Add(args) => add::run_on_postgres(args, url, out).await,
        Command::Import(args) => import::run_on_postgres(args, url, out).await,
        Command::Edit(args) => edit::run_on_postgres(args, url, out).await,
        Command::Undo(args) => undo::run_on_postgres(args, url, out).await,
        Command::Link(args) => link::run_on_postgres(args, url, out).await,
        Command::Unlink(args) => unlink::run_on_postgres(args, url, out).await,
        Command::Withdraw(args) => withdraw::withdraw_on_postgres(args, url, out).await,
        Command::Reinstate(args) => withdraw::reinstate_on_postgres(args, url, out).await,
        Command::Confirm(args) => args.run_on_postgres(Status::Confirmed, url, out).await,
        Command::Dispute(args) => args.run_on_postgres(Status::Disputed, url, out).await,
        Command::Refute(args) => args.run_on_postgres(Status::Refuted, url, out).await,
        Command::Source(command) => source::run_on_postgres(&command, url, out).await,
        Command::Article(command) if article::run_on_postgres(&command, url, out).await? => Ok(()),
        _ => Err(Error::invalid(format!(
            "{} is a PostgreSQL database, where this version runs claims list, report, show, source list|show, article list|show, log, export, publish, verify, import, add, mark (confirm, dispute, refute), edit, link, unlink, undo, withdraw, reinstate, source (all of it), article add|edit, team and copy; the other commands that change the record work on a SQLite file for now",
            store::postgres::redacted(url)
        ))),
    }
}

impl Command {
    /// The command's `--format`, if it prints records.
    fn listing(&self) -> Option<&Listing> {
        match self {
            Command::Source(cmd) => cmd.listing(),
            Command::Article(cmd) => cmd.listing(),
            Command::Team(cmd) => cmd.listing(),
            Command::Show(args) => Some(&args.listing),
            Command::Log(args) => Some(&args.listing),
            Command::List(args) => Some(&args.listing),
            Command::Similar(args) => Some(&args.listing),
            Command::Dedupe(args) => Some(&args.listing),
            Command::Report(args) => Some(&args.listing),
            Command::Verify(args) => Some(&args.listing),
            Command::Extract(args) => Some(&args.listing),
            Command::Evaluate(args) => Some(&args.listing),
            Command::EvaluateMatching(args) => Some(&args.listing),
            _ => None,
        }
    }

    /// The command's `--as`, if it changes the record.
    fn acting(&self) -> Option<&Acting> {
        match self {
            Command::Source(cmd) => cmd.acting(),
            Command::Article(cmd) => cmd.acting(),
            Command::Add(args) => Some(&args.acting),
            Command::Mark(args) => Some(&args.acting),
            Command::Confirm(args) | Command::Dispute(args) | Command::Refute(args) => Some(&args.acting),
            Command::Link(args) => Some(&args.acting),
            Command::Unlink(args) => Some(&args.acting),
            Command::Edit(args) => Some(&args.acting),
            Command::Withdraw(args) => Some(&args.acting),
            Command::Reinstate(args) => Some(&args.acting),
            Command::Undo(args) => Some(&args.acting),
            Command::Import(args) => Some(&args.acting),
            Command::Extract(args) => Some(&args.acting),
            Command::Dedupe(args) => Some(&args.acting),
            _ => None,
        }
    }

    /// Whether the command may write to the database. Those that only read
    /// open it read-only: they never create a file or leave one behind.
    fn writes(&self) -> bool {
        match self {
            Command::Source(cmd) => !matches!(
                cmd,
                source::SourceCommand::List(_) | source::SourceCommand::Show { .. }
            ),
            Command::Article(cmd) => !matches!(
                cmd,
                article::ArticleCommand::List(_) | article::ArticleCommand::Show { .. }
            ),
            Command::Add(_)
            | Command::Mark(_)
            | Command::Confirm(_)
            | Command::Dispute(_)
            | Command::Refute(_)
            | Command::Link(_)
            | Command::Unlink(_)
            | Command::Edit(_)
            | Command::Withdraw(_)
            | Command::Reinstate(_)
            | Command::Undo(_)
            | Command::Import(_)
            | Command::Team(_)
            | Command::Embed(_)
            | Command::Reindex(_)
            | Command::Restore(_) => true,
            Command::Extract(args) => args.import,
            Command::Dedupe(args) => args.apply,
            Command::Show(_)
            | Command::Log(_)
            | Command::List(_)
            | Command::Similar(_)
            | Command::Report(_)
            | Command::Export(_)
            | Command::Publish(_)
            | Command::Verify(_)
            | Command::Backup(_)
            | Command::Copy(_)
            | Command::Evaluate(_)
            | Command::EvaluateMatching(_)
            | Command::Completions(_)
            | Command::Man(_) => false,
        }
    }
}

fn default_db() -> Result<PathBuf> {
    store::default_path().ok_or_else(|| {
        Error::invalid("cannot find a home folder for the default database; pass --db PATH or set CLAIMS_DB")
    })
}

/// Who is acting: `--as`, else `$USER`, else "unknown".
fn actor(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Runs one command in a context; the tests call this with a captured output.
pub async fn dispatch(command: Command, ctx: &mut Context) -> Result<()> {
    match command {
        Command::Source(cmd) => source::run(cmd, ctx).await,
        Command::Article(cmd) => article::run(cmd, ctx).await,
        Command::Add(args) => add::run(args, ctx).await,
        Command::Mark(args) => mark::run(args, ctx).await,
        Command::Confirm(args) => args.run(Status::Confirmed, ctx).await,
        Command::Dispute(args) => args.run(Status::Disputed, ctx).await,
        Command::Refute(args) => args.run(Status::Refuted, ctx).await,
        Command::Link(args) => link::run(args, ctx).await,
        Command::Unlink(args) => unlink::run(args, ctx).await,
        Command::Edit(args) => edit::run(args, ctx).await,
        Command::Withdraw(args) => withdraw::withdraw(args, ctx).await,
        Command::Reinstate(args) => withdraw::reinstate(args, ctx).await,
        Command::Log(args) => log::run(args, ctx).await,
        Command::Undo(args) => undo::run(args, ctx).await,
        Command::Show(args) => show::run(args, ctx).await,
        Command::List(args) => list::run(args, ctx).await,
        Command::Similar(args) => similar::run(args, ctx).await,
        Command::Dedupe(args) => dedupe::run(args, ctx).await,
        Command::Embed(args) => embed::run(args, ctx).await,
        Command::Reindex(args) => reindex::run(args, ctx).await,
        Command::Report(args) => report::run(args, ctx).await,
        Command::Import(args) => import::run(args, ctx).await,
        Command::Export(args) => export::run(args, ctx).await,
        Command::Publish(args) => publish::run(args, ctx).await,
        Command::Verify(args) => verify::run(args, ctx).await,
        Command::Backup(args) => backup::run(args, ctx).await,
        Command::Restore(args) => restore::run(args, ctx).await,
        Command::Completions(args) => docs::completions(&args),
        Command::Man(args) => docs::man(&args),
        Command::Extract(_)
        | Command::Evaluate(_)
        | Command::EvaluateMatching(_)
        | Command::Team(_)
        | Command::Copy(_) => Err(Error::invalid(
            "extract, evaluate and team run without a SQLite database context",
        )),
    }
}

/// Says, once, why the semantic tier was off when a command wanted it, and
/// how many claims the writes left for `claims embed`.
fn say_semantic_tier(done: bool) {
    use crate::matching::semantic;
    if let Some(why) = semantic::why_off() {
        eprintln!("claims: {why}");
    }
    let deferred = semantic::take_deferred();
    if done && deferred > 0 {
        eprintln!(
            "claims: {deferred} claims are not embedded yet (over {} in one write): `claims embed` does it",
            semantic::EMBEDDED_IN_WRITE
        );
    }
}

/// Says which claims just logged were seen before, on stderr (standard
/// output stays what scripts read: an id, a summary line).
fn say_seen_before((found, skipped): &(Vec<store::SeenBefore>, bool)) {
    for seen in found {
        eprintln!("claims: {}", crate::render::inert(&seen_before_line(seen)));
    }
    if *skipped {
        eprintln!(
            "claims: seen before: not looked up for this many claims at once (over {}): `claims dedupe` lists likely repeats",
            store::matching::SEEN_BEFORE_CHECKS
        );
    }
}

/// "seen before: 'TEXT' matches 6267f8a0 by Dmitry Peskov (refuted, 0.82): 'TEXT'".
fn seen_before_line(seen: &store::SeenBefore) -> String {
    let earlier = &seen.earlier.claim;
    let verdict = match &earlier.rating {
        Some(rating) => format!("{} ({rating})", earlier.status),
        None => earlier.status.to_string(),
    };
    format!(
        "seen before: '{}' matches {} by {}, {verdict}, score {:.2}: '{}'",
        shorten(&seen.text),
        crate::model::short_id(&earlier.id),
        earlier.source,
        seen.earlier.score,
        shorten(&earlier.text)
    )
}

/// A text cut to 80 characters for a one-line message.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 80 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(79).collect::<String>())
    }
}

/// Parses a `YYYY-MM-DD` flag value.
fn day(given: &str) -> std::result::Result<Day, String> {
    given.parse::<Day>().map_err(|e| e.to_string())
}

/// Checks that a flag value is a URL (scheme, no spaces): evidence and
/// article links must be followable.
fn url(given: &str) -> std::result::Result<String, String> {
    let trimmed = given.trim();
    let scheme_end = trimmed.find("://");
    let scheme_ok = scheme_end.is_some_and(|end| {
        end > 0
            && trimmed[..end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    let rest_ok = scheme_end.is_some_and(|end| trimmed.len() > end + 3);
    if !scheme_ok || !rest_ok || trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "'{given}' is not a URL (expected something like https://example.org/page)"
        ));
    }
    Ok(trimmed.to_string())
}

/// Decodes a file's bytes as UTF-8. Invalid bytes are an error naming
/// their offset, unless `lossy` asks for them to be replaced.
fn decode_utf8(bytes: Vec<u8>, path: &std::path::Path, lossy: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(Error::invalid(format!(
            "{} is not UTF-8 text: invalid byte at offset {}",
            path.display(),
            e.utf8_error().valid_up_to()
        ))),
    }
}

/// Checks a free-text flag: not empty once trimmed.
fn text(given: &str) -> std::result::Result<String, String> {
    let trimmed = given.trim();
    if trimmed.is_empty() {
        return Err("it cannot be empty".to_string());
    }
    Ok(trimmed.to_string())
}

/// Checks a language flag (see [`crate::model::checked_language`]).
fn language(given: &str) -> std::result::Result<String, String> {
    crate::model::checked_language(given)
}

/// Checks a tag flag (see [`crate::model::checked_tag`]).
fn tag(given: &str) -> std::result::Result<String, String> {
    crate::model::checked_tag(given)
}

/// Standard output in `format`, through a pager on a terminal unless
/// `--no-pager`.
fn stdout(format: Format, no_pager: bool) -> Output {
    let out = Output::stdout(format);
    if no_pager { out.without_pager() } else { out }
}

/// What to use for a command people reach for that claimtrack does not
/// have on purpose (the record keeps everything): said instead of clap's
/// nearest spelling ("delete" is not "evaluate").
pub fn instead_of(command: &str) -> Option<&'static str> {
    match command {
        "delete" | "remove" | "rm" | "del" | "drop" => Some(
            "nothing is deleted; a claim logged by mistake is withdrawn (claims withdraw ID --note WHY), a source with no claims removed (claims source remove NAME)",
        ),
        "update" | "change" | "modify" | "fix" | "correct" => {
            Some("correct a claim with claims edit ID, or change its status with claims mark ID STATUS")
        }
        "search" | "find" | "grep" => Some("claims list --search QUERY, or claims similar --text TEXT"),
        "status" | "set" => Some("claims mark ID STATUS (or confirm, dispute, refute)"),
        "history" | "journal" | "audit" => Some("claims log [ID], and claims verify"),
        "init" | "create" | "new" => {
            Some("the database is created by the first command that writes (claims import, claims add)")
        }
        _ => None,
    }
}

/// "WHAT: edited text, tags (operation 58)": what an edit operation changed,
/// as the command confirms it.
fn edited(what: &str, operation: &crate::journal::Operation) -> String {
    let parts: Vec<&str> = operation
        .new
        .as_ref()
        .and_then(|n| n.as_object())
        .map(|n| n.keys().map(|k| k.strip_suffix("_sha256").unwrap_or(k)).collect())
        .unwrap_or_default();
    format!("{what}: edited {} (operation {})", parts.join(", "), operation.id)
}
