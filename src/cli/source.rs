//! `claims source ...`: the people and bodies that make claims.

use clap::{Args, Subcommand};

use super::{Context, day, text};
use crate::error::Result;
use crate::model::{Day, SourceKind, SpeaksFor};
use crate::render::{Format, Output, Record, or_empty};
use crate::store::SourceSummary;
use crate::store::correcting::Correcting;
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// Source subcommands.
#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Add a source: `claims source add "Dmitry Peskov" --kind person --alias Peskov`.
    Add(AddSource),
    /// List every source with its aliases and claim count.
    List(super::Listing),
    /// Show one source (by name or alias): aliases, who it speaks for, claims.
    Show {
        /// Name or alias.
        name: String,
        #[command(flatten)]
        listing: super::Listing,
    },
    /// Give a source another name it goes by.
    Alias {
        /// Name or alias of the source.
        name: String,
        /// The new alias (unique across all sources).
        alias: String,
        #[command(flatten)]
        acting: super::Acting,
    },
    /// Record that a source speaks for an organization.
    SpeaksFor(SpeaksForArgs),
    /// Merge a duplicate into the source to keep: claims, aliases and roles move; the duplicate's name becomes an alias.
    Merge {
        /// The duplicate (name or alias).
        duplicate: String,
        /// The word `into`.
        #[arg(value_parser = ["into"])]
        into: String,
        /// The source to keep (name or alias).
        keep: String,
        /// Why.
        #[arg(long, value_parser = text)]
        note: Option<String>,
        #[command(flatten)]
        acting: super::Acting,
    },
    /// Remove a source that no claim names (a junk source from a draft).
    Remove {
        /// Name or alias.
        name: String,
        /// Why.
        #[arg(long, value_parser = text)]
        note: Option<String>,
        #[command(flatten)]
        acting: super::Acting,
    },
    /// Change a source's kind or profile; an empty value ("") clears a part.
    Edit(EditSource),
    /// Rename a source; the old name stays an alias unless --drop-old-name.
    Rename {
        /// Name or alias of the source.
        name: String,
        /// Its new name (unique across names and aliases).
        #[arg(value_parser = text)]
        new: String,
        /// Do not keep the old name as an alias.
        #[arg(long)]
        drop_old_name: bool,
        /// Why.
        #[arg(long, value_parser = text)]
        note: Option<String>,
        #[command(flatten)]
        acting: super::Acting,
    },
}

impl SourceCommand {
    pub(super) fn listing(&self) -> Option<&super::Listing> {
        match self {
            SourceCommand::List(listing) | SourceCommand::Show { listing, .. } => Some(listing),
            _ => None,
        }
    }

    pub(super) fn acting(&self) -> Option<&super::Acting> {
        match self {
            SourceCommand::Add(args) => Some(&args.acting),
            SourceCommand::Edit(args) => Some(&args.acting),
            SourceCommand::SpeaksFor(args) => Some(&args.acting),
            SourceCommand::Alias { acting, .. }
            | SourceCommand::Merge { acting, .. }
            | SourceCommand::Remove { acting, .. }
            | SourceCommand::Rename { acting, .. } => Some(acting),
            SourceCommand::List(_) | SourceCommand::Show { .. } => None,
        }
    }
}

/// `claims source add`.
#[derive(Debug, Args)]
pub struct AddSource {
    /// The source's name (unique, case-insensitive).
    #[arg(value_parser = text)]
    pub name: String,
    /// person, organization, government, agency, media or group.
    #[arg(long)]
    pub kind: SourceKind,
    /// Another name it goes by ("Peskov", "Putin's spokesman"); repeatable.
    #[arg(long = "alias", value_name = "ALIAS")]
    pub aliases: Vec<String>,
    /// What or who it is.
    #[arg(long)]
    pub description: Option<String>,
    /// An organization (name or alias) this source speaks for.
    #[arg(long, value_name = "ORG")]
    pub speaks_for: Option<String>,
    /// The role in which it speaks for ORG ("press secretary").
    #[arg(long, requires = "speaks_for")]
    pub role: Option<String>,
    /// First day of that role (YYYY-MM-DD).
    #[arg(long, value_parser = day, requires = "speaks_for")]
    pub since: Option<Day>,
    /// Last day of that role (YYYY-MM-DD).
    #[arg(long, value_parser = day, requires = "speaks_for")]
    pub until: Option<Day>,
    #[command(flatten)]
    pub acting: super::Acting,
}

/// `claims source edit`.
#[derive(Debug, Args)]
pub struct EditSource {
    /// Name or alias of the source.
    pub name: String,
    /// person, organization, government, agency, media or group.
    #[arg(long)]
    pub kind: Option<SourceKind>,
    /// What or who it is ("" clears it).
    #[arg(long)]
    pub description: Option<String>,
    /// Job title ("U.S. senator"; "" clears it).
    #[arg(long)]
    pub job: Option<String>,
    /// Party affiliation ("" clears it).
    #[arg(long)]
    pub party: Option<String>,
    /// State or region ("" clears it).
    #[arg(long)]
    pub region: Option<String>,
    /// Why.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

/// `claims source speaks-for`.
#[derive(Debug, Args)]
pub struct SpeaksForArgs {
    /// Who speaks (name or alias).
    pub speaker: String,
    /// The organization spoken for (name or alias).
    pub organization: String,
    /// The role ("press secretary").
    #[arg(long)]
    pub role: Option<String>,
    /// First day of that role (YYYY-MM-DD).
    #[arg(long, value_parser = day)]
    pub since: Option<Day>,
    /// Last day of that role (YYYY-MM-DD).
    #[arg(long, value_parser = day)]
    pub until: Option<Day>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(command: SourceCommand, ctx: &mut Context) -> Result<()> {
    match command {
        SourceCommand::Add(args) => {
            let name = ctx.store.write(async |store| add(store, &args).await).await?;
            ctx.out.line(format!("added source {name}"));
        }
        SourceCommand::List(_) | SourceCommand::Show { .. } => {
            let out = &mut ctx.out;
            ctx.store
                .read(async |store| read(&command, store, out).await)
                .await?;
        }
        SourceCommand::Rename { .. } => {
            let actor = ctx.actor.clone();
            let done = ctx
                .store
                .write(async |store| rename_in(store, &command, &actor).await)
                .await?;
            ctx.out.line(renamed(&command, done));
        }
        SourceCommand::Merge {
            duplicate,
            keep,
            note,
            ..
        } => {
            let actor = ctx.actor.clone();
            let done = ctx
                .store
                .write(async |store| merge_in(store, &duplicate, &keep, note.clone(), &actor).await)
                .await?;
            ctx.out.line(merged(done));
        }
        SourceCommand::Edit(args) => edit(args, ctx).await?,
        SourceCommand::Remove { name, note, .. } => {
            let actor = ctx.actor.clone();
            let (name, operation) = ctx
                .store
                .write(async |store| remove_in(store, &name, note.clone(), &actor).await)
                .await?;
            ctx.out
                .line(format!("{name} removed (operation {})", operation.id));
        }
        SourceCommand::Alias { name, alias, .. } => {
            let done = ctx
                .store
                .write(async |store| alias_in(store, &name, &alias).await)
                .await?;
            ctx.out.line(aliased(&alias, done));
        }
        SourceCommand::SpeaksFor(args) => {
            let done = ctx
                .store
                .write(async |store| speaks_for(store, &args).await)
                .await?;
            ctx.out.line(spoken(done));
        }
    }
    Ok(())
}

/// `source list` and `source show`, from either backend.
async fn read(command: &SourceCommand, store: &mut impl Reading, out: &mut Output) -> Result<()> {
    match command {
        SourceCommand::List(_) => out.records(&store.all_sources().await?),
        SourceCommand::Show { name, .. } => show(out, &store.source_summary_named(name).await?),
        _ => Ok(()),
    }
}

/// `claims source` against a team database on PostgreSQL, through the same
/// functions as on SQLite: each change under the member's login, the
/// database holding it to the member's role (adding sources, aliases and
/// roles is a checker's right; editing, renaming, merging and removing an
/// editor's).
pub(super) async fn run_on_postgres(command: &SourceCommand, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let result = match command {
        SourceCommand::List(_) | SourceCommand::Show { .. } => {
            database.snapshot(async |d| read(command, d, out).await).await
        }
        SourceCommand::Add(args) => database
            .write(async |d| add(d, args).await)
            .await
            .map(|name| out.line(format!("added source {name}"))),
        SourceCommand::Alias { name, alias, .. } => database
            .write(async |d| alias_in(d, name, alias).await)
            .await
            .map(|done| out.line(aliased(alias, done))),
        SourceCommand::SpeaksFor(args) => database
            .write(async |d| speaks_for(d, args).await)
            .await
            .map(|done| out.line(spoken(done))),
        SourceCommand::Rename { .. } => database
            .write(async |d| rename_in(d, command, "").await)
            .await
            .map(|done| out.line(renamed(command, done))),
        SourceCommand::Merge {
            duplicate,
            keep,
            note,
            ..
        } => database
            .write(async |d| merge_in(d, duplicate, keep, note.clone(), "").await)
            .await
            .map(|done| out.line(merged(done))),
        SourceCommand::Remove { name, note, .. } => database
            .write(async |d| remove_in(d, name, note.clone(), "").await)
            .await
            .map(|(name, operation)| out.line(format!("{name} removed (operation {})", operation.id))),
        SourceCommand::Edit(args) => match nothing_to_change(args) {
            Ok(()) => database
                .write(async |d| edit_in(d, args).await)
                .await
                .map(|(name, operation)| out.line(super::edited(&name, &operation))),
            Err(e) => Err(e),
        },
    };
    database.close().await?;
    result
}

/// `source rename`, inside the caller's write transaction, on either
/// backend: the old name and the operation.
async fn rename_in(
    store: &mut impl Correcting,
    command: &SourceCommand,
    actor: &str,
) -> Result<(String, crate::journal::Operation)> {
    let SourceCommand::Rename {
        name,
        new,
        drop_old_name,
        note,
        ..
    } = command
    else {
        return Err(crate::Error::Internal("not a rename".into()));
    };
    let source = store.source_resolved(name).await?;
    let operation = store
        .rename_source(&source, new, !drop_old_name, note.clone(), actor)
        .await?;
    Ok((source.name, operation))
}

fn renamed(command: &SourceCommand, (old, operation): (String, crate::journal::Operation)) -> String {
    let (new, drop_old_name) = match command {
        SourceCommand::Rename {
            new, drop_old_name, ..
        } => (new.trim(), *drop_old_name),
        _ => ("", false),
    };
    format!(
        "{old} is now {new}{} (operation {})",
        if drop_old_name {
            ""
        } else {
            "; the old name stays an alias"
        },
        operation.id
    )
}

/// `source merge`, inside the caller's write transaction, on either backend.
async fn merge_in(
    store: &mut impl Correcting,
    duplicate: &str,
    keep: &str,
    note: Option<String>,
    actor: &str,
) -> Result<(String, String, crate::journal::Operation)> {
    let duplicate = store.source_resolved(duplicate).await?;
    let keep = store.source_resolved(keep).await?;
    let operation = store.merge_sources(&duplicate, &keep, note, actor).await?;
    Ok((duplicate.name, keep.name, operation))
}

fn merged((duplicate, keep, operation): (String, String, crate::journal::Operation)) -> String {
    format!(
        "{duplicate} merged into {keep}; '{duplicate}' is now an alias (operation {})",
        operation.id
    )
}

/// `source remove`, inside the caller's write transaction, on either backend.
async fn remove_in(
    store: &mut impl Correcting,
    name: &str,
    note: Option<String>,
    actor: &str,
) -> Result<(String, crate::journal::Operation)> {
    let source = store.source_resolved(name).await?;
    let operation = store.remove_source(&source, note, actor).await?;
    Ok((source.name, operation))
}

/// `source add`, inside the caller's write transaction, on either backend.
async fn add(store: &mut impl Correcting, args: &AddSource) -> Result<String> {
    let profile = crate::model::SourceProfile {
        description: args.description.clone(),
        ..crate::model::SourceProfile::default()
    };
    let source = store
        .add_source_with_profile(&args.name, args.kind, &profile)
        .await?;
    for alias in &args.aliases {
        store.add_alias(&source, alias).await?;
    }
    if let Some(org) = &args.speaks_for {
        let org = store.source_resolved(org).await?;
        let role = args.role.as_deref().unwrap_or("");
        store
            .add_speaks_for(&source, &org, role, args.since, args.until)
            .await?;
    }
    Ok(source.name)
}

/// `source alias`: the source's name, and whether the alias is new.
async fn alias_in(store: &mut impl Correcting, name: &str, alias: &str) -> Result<(String, bool)> {
    let source = store.source_resolved(name).await?;
    let added = store.add_alias(&source, alias).await?;
    Ok((source.name, added))
}

fn aliased(alias: &str, (source, added): (String, bool)) -> String {
    let alias = alias.trim();
    if added {
        format!("'{alias}' is now an alias of {source}")
    } else {
        format!("'{alias}' already names {source}; nothing changed")
    }
}

/// `source speaks-for`: speaker, organization, and whether the role is new.
async fn speaks_for(store: &mut impl Correcting, args: &SpeaksForArgs) -> Result<(String, String, bool)> {
    let speaker = store.source_resolved(&args.speaker).await?;
    let org = store.source_resolved(&args.organization).await?;
    let role = args.role.as_deref().unwrap_or("");
    let added = store
        .add_speaks_for(&speaker, &org, role, args.since, args.until)
        .await?;
    Ok((speaker.name, org.name, added))
}

fn spoken((speaker, org, added): (String, String, bool)) -> String {
    if added {
        format!("{speaker} now speaks for {org}")
    } else {
        format!("{speaker} already speaks for {org} in that role; nothing changed")
    }
}

fn show(out: &mut Output, summary: &SourceSummary) -> Result<()> {
    match out.format {
        Format::Json => out.json(summary),
        Format::Csv => out.records(std::slice::from_ref(summary)),
        Format::Table | Format::Markdown => {
            let source = &summary.source;
            out.heading(&source.name);
            let profile = &source.profile;
            let mut fields = vec![
                ("Kind", source.kind.to_string()),
                ("Aliases", source.aliases.join(", ")),
                ("Description", or_empty(&profile.description)),
            ];
            // Job, party and region come from data sets; most sources have none.
            for (name, value) in [
                ("Job", &profile.job),
                ("Party", &profile.party),
                ("Region", &profile.region),
            ] {
                if let Some(value) = value {
                    fields.push((name, value.clone()));
                }
            }
            fields.push(("Claims", summary.claims.to_string()));
            out.fields(&fields);
            if !summary.speaks_for.is_empty() || !summary.spoken_for_by.is_empty() {
                let rows: Vec<Vec<String>> = summary
                    .speaks_for
                    .iter()
                    .chain(&summary.spoken_for_by)
                    .map(|link| {
                        vec![
                            link.speaker.clone(),
                            link.organization.clone(),
                            link.role.clone(),
                            or_empty(&link.since),
                            or_empty(&link.until),
                        ]
                    })
                    .collect();
                out.heading("Speaks for");
                out.grid(
                    &["Speaker", "Organization", "Role", "Since", "Until"],
                    &rows,
                    None,
                );
            }
            Ok(())
        }
    }
}

/// "Kremlin (press secretary); ...": the organizations a source speaks for.
pub(super) fn speaks_for_text(links: &[SpeaksFor]) -> String {
    links
        .iter()
        .map(|link| match link.role.as_str() {
            "" => link.organization.clone(),
            role => format!("{} ({role})", link.organization),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Record for SourceSummary {
    const HEADERS: &'static [&'static str] = &["Source", "Kind", "Aliases", "Speaks for", "Claims"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.source.name.clone(),
            self.source.kind.to_string(),
            self.source.aliases.join(", "),
            speaks_for_text(&self.speaks_for),
            self.claims.to_string(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "name",
        "kind",
        "description",
        "job",
        "party",
        "region",
        "aliases",
        "speaks_for",
        "claims",
    ];
    fn csv_cells(&self) -> Vec<String> {
        let profile = &self.source.profile;
        vec![
            self.source.name.clone(),
            self.source.kind.to_string(),
            or_empty(&profile.description),
            or_empty(&profile.job),
            or_empty(&profile.party),
            or_empty(&profile.region),
            self.source.aliases.join("; "),
            speaks_for_text(&self.speaks_for),
            self.claims.to_string(),
        ]
    }
}

/// `claims source edit`: the parts given change, the others stay.
async fn edit(args: EditSource, ctx: &mut Context) -> Result<()> {
    nothing_to_change(&args)?;
    let (name, operation) = ctx.store.write(async |store| edit_in(store, &args).await).await?;
    ctx.out.line(super::edited(&name, &operation));
    Ok(())
}

/// Refuses a `source edit` that gives nothing to change.
fn nothing_to_change(args: &EditSource) -> Result<()> {
    let parts = [&args.description, &args.job, &args.party, &args.region];
    if args.kind.is_none() && parts.iter().all(|p| p.is_none()) {
        return Err(crate::Error::invalid(
            "nothing to change: give --kind, --description, --job, --party or --region",
        ));
    }
    Ok(())
}

/// `source edit`, inside the caller's write transaction, on either backend.
async fn edit_in(
    store: &mut impl Correcting,
    args: &EditSource,
) -> Result<(String, crate::journal::Operation)> {
    // An empty value clears the part; a given one replaces it.
    let given = |part: &Option<String>, was: Option<String>| match part {
        None => was,
        Some(value) => Some(value.trim().to_string()).filter(|v| !v.is_empty()),
    };
    let source = store.source_resolved(&args.name).await?;
    let profile = crate::model::SourceProfile {
        description: given(&args.description, source.profile.description.clone()),
        job: given(&args.job, source.profile.job.clone()),
        party: given(&args.party, source.profile.party.clone()),
        region: given(&args.region, source.profile.region.clone()),
    };
    let operation = store
        .update_source(
            source.key,
            args.kind.unwrap_or(source.kind),
            &profile,
            args.note.clone(),
        )
        .await?
        .ok_or_else(|| {
            crate::Error::invalid(format!(
                "source {} already says that; nothing to change",
                source.name
            ))
        })?;
    Ok((source.name, operation))
}
