//! `claims team init|add|list|remove`: the desk on a PostgreSQL server.
//! Who may do what is PostgreSQL's to enforce (roles, grants, triggers);
//! these commands set the roles up and keep the membership.

use clap::{Args, Subcommand};

use super::day;
use crate::error::{Error, Result};
use crate::model::Day;
use crate::render::{Record, or_empty};
use crate::store::postgres::{Member, TeamDatabase, TeamRole};

/// Team subcommands.
#[derive(Debug, Subcommand)]
#[command(
    after_long_help = "Examples:\n  claims --db postgres://db.example/desk team init\n  claims --db postgres://db.example/desk team add ana --role editor\n  claims --db postgres://db.example/desk team add guest --role viewer --until 2027-01-31\n  claims --db postgres://db.example/desk team list"
)]
pub enum TeamCommand {
    /// Set up the desk on an empty database: the viewer, checker, editor and admin roles and their rights (run by the database's owner).
    Init,
    /// Make a PostgreSQL login a member of the desk in a role (creating the login when there is none); again to change the role.
    Add(AddMember),
    /// List the members, their roles and until when.
    List(super::Listing),
    /// Take a login off the desk (the login itself stays: it may use other databases).
    Remove {
        /// The PostgreSQL login.
        login: String,
    },
}

/// `claims team add`.
#[derive(Debug, Args)]
pub struct AddMember {
    /// The PostgreSQL login.
    #[arg(value_parser = login)]
    pub login: String,
    /// viewer (reads), checker (logs claims, marks unverified or disputed), editor (every status, edits, merges, links), admin (members).
    #[arg(long, value_enum)]
    pub role: TeamRole,
    /// The last day of the membership (YYYY-MM-DD): a guest's access runs out after it.
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub until: Option<Day>,
}

impl TeamCommand {
    pub(super) fn listing(&self) -> Option<&super::Listing> {
        match self {
            TeamCommand::List(listing) => Some(listing),
            _ => None,
        }
    }
}

/// A login as PostgreSQL takes it unquoted: what people type and see.
fn login(given: &str) -> std::result::Result<String, String> {
    let ok = given
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && given.len() <= 63
        && given
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.' || c == '-');
    if ok {
        Ok(given.to_string())
    } else {
        Err(format!(
            "'{given}' is not a login claimtrack takes (lower-case letters, digits, '_', '.' and '-', starting with a letter or '_', at most 63)"
        ))
    }
}

/// Runs a team command against the PostgreSQL database `url`.
pub(super) async fn run(command: TeamCommand, url: &str, out: &mut crate::render::Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let result = match command {
        TeamCommand::Init => {
            let roles = database.init_team().await?;
            let (name, user) = database.identity().await?;
            out.line(format!(
                "set up the team of {name}: roles {}; add members with claims team add LOGIN --role ROLE (you, {user}, own the database)",
                roles.join(", ")
            ));
            Ok(())
        }
        TeamCommand::Add(args) => {
            require_team(&mut database).await?;
            database.add_member(&args.login, args.role, args.until).await?;
            let until = args.until.map(|d| format!(" until {d}")).unwrap_or_default();
            out.line(format!(
                "{} is {}{until}",
                args.login,
                with_article(args.role.as_str())
            ));
            Ok(())
        }
        TeamCommand::List(_) => {
            require_team(&mut database).await?;
            let members = database.members().await?;
            out.records(&members)
        }
        TeamCommand::Remove { login } => {
            require_team(&mut database).await?;
            let role = database.remove_member(&login).await?;
            out.line(format!("{login} is off the team (was {})", with_article(&role)));
            Ok(())
        }
    };
    database.close().await?;
    result
}

/// "an editor", "a viewer".
fn with_article(role: &str) -> String {
    let article = if role.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {role}")
}

async fn require_team(database: &mut TeamDatabase) -> Result<()> {
    if database.has_team().await? {
        return Ok(());
    }
    Err(Error::invalid(format!(
        "{} has no team yet: its owner sets one up with claims team init",
        database.shown()
    )))
}

impl Record for Member {
    const HEADERS: &'static [&'static str] = &["Login", "Role", "Until", "Added by", "Added"];
    fn cells(&self) -> Vec<String> {
        let until = match (&self.until, self.expired) {
            (Some(day), true) => format!("{day} (ran out)"),
            (until, _) => or_empty(until),
        };
        vec![
            self.login.clone(),
            self.role.clone(),
            until,
            self.added_by.clone(),
            self.added_at.get(..10).unwrap_or(&self.added_at).to_string(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] =
        &["login", "role", "until", "expired", "added_by", "added_at"];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.login.clone(),
            self.role.clone(),
            or_empty(&self.until),
            self.expired.to_string(),
            self.added_by.clone(),
            self.added_at.clone(),
        ]
    }
}
