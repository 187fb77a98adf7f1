//! `claims report`: one row per source with its claims per status, how much
//! of what was checked held up, and the date of its latest claim.

use clap::Args;
use serde::Serialize;

use super::Context;
use super::list::{FilterArgs, PointInTime};
use crate::error::Result;
use crate::model::{Claim, Status};
use crate::render::{Format, Output, or_empty};
use crate::store::ReportRow;
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// `claims report`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims report --rollup                # speakers count for their organizations\n  claims report --source Kremlin        # one source, claims grouped by status\n  claims report --as-of 2005-03-31 --as-known-on 2026-01-14\n  claims report --format markdown > report.md"
)]
pub struct ReportArgs {
    /// Report on one source (name or alias): its claims grouped by status.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Also count a source's claims under the organizations it speaks for (inside the role's dates).
    #[arg(long)]
    pub rollup: bool,
    #[command(flatten)]
    pub when: PointInTime,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub listing: super::Listing,
}

pub(super) async fn run(args: ReportArgs, ctx: &mut Context) -> Result<()> {
    // One snapshot for the names, the counts and the claims.
    let out = &mut ctx.out;
    ctx.store
        .read(async |store| report(&args, store, out).await)
        .await
}

/// `claims report` against a team database on PostgreSQL: the same report.
pub(super) async fn run_on_postgres(args: ReportArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let result = database.snapshot(async |d| report(&args, d, out).await).await;
    database.close().await?;
    result
}

/// The report `args` asks for, from either backend.
async fn report(args: &ReportArgs, store: &mut impl Reading, out: &mut Output) -> Result<()> {
    let mut filter = args.filters.resolve(store).await?;
    args.when.apply(&mut filter);
    if let Some(name) = &args.source {
        let (key, name) = store.source_named(name).await?;
        if args.rollup {
            filter.credited_to = Some(key);
        } else {
            filter.sources = vec![key];
        }
        let claims = store.claims(&filter).await?;
        return print_source(out, &name, args.when, claims);
    }
    let report = store.report(&filter, args.rollup).await?;
    match out.format {
        Format::Json => out.json(&report),
        Format::Csv => {
            let mut headers = CSV_HEADERS.to_vec();
            if args.rollup {
                headers.push("includes");
            }
            let rows = report.rows.iter().map(|row| {
                let mut cells = csv_cells(row);
                if args.rollup {
                    cells.push(via_text(row, "; "));
                }
                cells
            });
            out.csv(&headers, rows)
        }
        Format::Table | Format::Markdown => {
            print_table(out, &report.rows, args.rollup, args.when);
            Ok(())
        }
    }
}

fn print_table(out: &mut Output, rows: &[ReportRow], rollup: bool, when: PointInTime) {
    let shown: Vec<Status> = Status::ALL
        .iter()
        .copied()
        .filter(|s| rows.iter().any(|row| row.count(*s) > 0))
        .collect();
    // The kind is in `source list`, CSV and JSON; here its width goes to
    // the counts, so that the report fits a 100-column terminal.
    let mut headers: Vec<String> = vec!["Source".into(), "Total".into()];
    headers.extend(shown.iter().map(|s| capitalized(s.as_str())));
    headers.extend(["Held up".into(), "Latest".into()]);
    if rollup {
        headers.push("Includes".into());
    }
    let mut headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.source.clone(), row.total.to_string()];
            cells.extend(shown.iter().map(|s| row.count(*s).to_string()));
            cells.push(percent(row.held_up));
            cells.push(or_empty(&row.latest_claim));
            if rollup {
                cells.push(via_text(row, "\n"));
            }
            cells
        })
        .collect();
    if let Some(when) = when.describe() {
        out.heading(&format!("Statuses {when}"));
    }
    // Too narrow for the statuses' names: short ones, and a key under the
    // table.
    let key = !crate::layout::fits_whole(&headers, &cells, out.width());
    if key {
        for (header, status) in headers[2..].iter_mut().zip(&shown) {
            *header = short_name(*status);
        }
        let held = headers.len() - 2 - usize::from(rollup);
        headers[held] = "Held";
    }
    out.grid(&headers, &cells, None);
    if key {
        let names: Vec<String> = shown
            .iter()
            .map(|s| format!("{} {s}", short_name(*s)))
            .chain(["Held: confirmed / (confirmed + refuted)".to_string()])
            .collect();
        let key = names.join(", ");
        out.line(match out.width() {
            Some(width) => crate::layout::wrap(&key, width),
            None => key,
        });
    }
}

/// A status's name in a narrow report's header.
fn short_name(status: Status) -> &'static str {
    match status {
        Status::Unverified => "Unver",
        Status::Disputed => "Disp",
        Status::Confirmed => "Conf",
        Status::Refuted => "Ref",
        Status::Unverifiable => "Uncheck",
        Status::Retracted => "Retr",
    }
}

/// Grouped by status, in the documented order of statuses.
fn print_source(out: &mut Output, source: &str, when: PointInTime, claims: Vec<Claim>) -> Result<()> {
    let groups: Vec<(Status, Vec<Claim>)> = Status::ALL
        .iter()
        .map(|status| {
            (
                *status,
                claims
                    .iter()
                    .filter(|c| c.status == *status)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, group)| !group.is_empty())
        .collect();
    match out.format {
        Format::Json => {
            #[derive(Serialize)]
            struct SourceReport<'a> {
                source: &'a str,
                as_of: Option<String>,
                as_known_on: Option<String>,
                total: usize,
                statuses: serde_json::Map<String, serde_json::Value>,
            }
            let mut statuses = serde_json::Map::new();
            for (status, group) in &groups {
                statuses.insert(
                    status.to_string(),
                    serde_json::to_value(group).map_err(std::io::Error::other)?,
                );
            }
            let total = claims.len();
            out.json(&SourceReport {
                source,
                as_of: when.as_of.map(|d| d.to_string()),
                as_known_on: when.as_known_on.map(|d| d.to_string()),
                total,
                statuses,
            })
        }
        Format::Csv => {
            let sorted: Vec<Claim> = groups.into_iter().flat_map(|(_, group)| group).collect();
            out.records(&sorted)
        }
        Format::Table | Format::Markdown => {
            let when = when.describe().map(|w| format!(" {w}")).unwrap_or_default();
            out.heading(&format!("{source}: {} claims{when}", claims.len()));
            for (status, group) in &groups {
                out.heading(&format!("{status} ({})", group.len()));
                out.records(group)?;
            }
            Ok(())
        }
    }
}

fn percent(share: Option<f64>) -> String {
    share
        .map(|s| format!("{:.0}%", s * 100.0))
        .unwrap_or_else(|| "-".to_string())
}

/// "unverified" -> "Unverified", for table headers.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A report row's CSV cells: full counts and an exact share.
fn csv_cells(row: &ReportRow) -> Vec<String> {
    let mut cells = vec![row.source.clone(), row.kind.to_string(), row.total.to_string()];
    cells.extend(Status::ALL.iter().map(|s| row.count(*s).to_string()));
    cells.push(row.held_up.map(|h| format!("{h:.4}")).unwrap_or_default());
    cells.push(or_empty(&row.latest_claim));
    cells
}

const CSV_HEADERS: &[&str] = &[
    "source",
    "kind",
    "total",
    "unverified",
    "disputed",
    "confirmed",
    "refuted",
    "unverifiable",
    "retracted",
    "held_up",
    "latest_claim",
];

/// With `--rollup`: which of a row's claims came from the sources that
/// speak for it.
fn via_text(row: &ReportRow, separator: &str) -> String {
    row.via
        .iter()
        .map(|share| format!("{} via {}", share.claims, share.speaker))
        .collect::<Vec<_>>()
        .join(separator)
}
