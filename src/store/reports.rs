//! Per-source reports: how many claims each source made and where they
//! stand. The query and the assembly of its rows serve both backends.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite};

use super::Store;
use super::claims::{ClaimFilter, Dialect, IN_ROLE};
use crate::error::Result;
use crate::model::{SourceKind, Status};

/// One source's line in a report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    /// The source.
    pub source: String,
    /// Its kind.
    pub kind: SourceKind,
    /// Claims credited to it.
    pub total: i64,
    /// Of which unverified.
    pub unverified: i64,
    /// Of which disputed.
    pub disputed: i64,
    /// Of which confirmed.
    pub confirmed: i64,
    /// Of which refuted.
    pub refuted: i64,
    /// Of which unverifiable.
    pub unverifiable: i64,
    /// Of which retracted.
    pub retracted: i64,
    /// Confirmed as a share of confirmed + refuted; `None` when neither.
    pub held_up: Option<f64>,
    /// The day of its latest dated claim.
    pub latest_claim: Option<String>,
    /// With `--rollup`: claims counted here that were made by sources
    /// speaking for it, per speaker.
    pub via: Vec<SourceShare>,
}

/// Claims a speaker contributed to an organization's roll-up row.
#[derive(Debug, Clone, Serialize)]
pub struct SourceShare {
    /// Who made them.
    pub speaker: String,
    /// How many.
    pub claims: i64,
}

/// A per-source report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Statuses in effect on this day, when asked.
    pub as_of: Option<String>,
    /// Only what the database knew at the end of this day (UTC), when asked.
    pub as_known_on: Option<String>,
    /// Whether speakers' claims also count for the organizations they speak for.
    pub rollup: bool,
    /// One row per source, most claims first.
    pub rows: Vec<ReportRow>,
}

impl ReportRow {
    /// The count for one status.
    pub fn count(&self, status: Status) -> i64 {
        match status {
            Status::Unverified => self.unverified,
            Status::Disputed => self.disputed,
            Status::Confirmed => self.confirmed,
            Status::Refuted => self.refuted,
            Status::Unverifiable => self.unverifiable,
            Status::Retracted => self.retracted,
        }
    }

    fn add(&mut self, status: Status, n: i64) {
        self.total += n;
        *match status {
            Status::Unverified => &mut self.unverified,
            Status::Disputed => &mut self.disputed,
            Status::Confirmed => &mut self.confirmed,
            Status::Refuted => &mut self.refuted,
            Status::Unverifiable => &mut self.unverifiable,
            Status::Retracted => &mut self.retracted,
        } += n;
    }
}

impl Store {
    /// Counts claims per source and status. With `rollup`, a claim made by a
    /// source that speaks for an organization (inside the role's dates) also
    /// counts in the organization's row.
    pub async fn report(&mut self, filter: &ClaimFilter, rollup: bool) -> Result<Report> {
        let groups: Vec<Group> = report_query::<Sqlite>(filter, rollup)
            .build_query_as()
            .fetch_all(self.conn())
            .await?;
        let names: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, name, kind FROM sources")
            .fetch_all(self.conn())
            .await?;
        assemble(groups, names, filter, rollup)
    }
}

/// One group of a report's query: (credited source, speaker, status,
/// claims, latest day said).
pub(crate) type Group = (i64, i64, String, i64, Option<String>);

/// The report's query, for either backend: claims per source and status,
/// and with `rollup` per organization and speaker too.
pub(crate) fn report_query<DB: Dialect>(filter: &ClaimFilter, rollup: bool) -> QueryBuilder<DB> {
    let latest = if DB::POSTGRES {
        "max(c.said_on)::text"
    } else {
        "max(c.said_on)"
    };
    let mut sql = QueryBuilder::new("SELECT c.source_id, c.source_id, ");
    let mut from = QueryBuilder::<DB>::new("");
    let status = filter.push_from(&mut from);
    sql.push(status).push(", count(*), ").push(latest);
    filter.push_from(&mut sql);
    filter.push_where(&mut sql, status, "c.source_id");
    sql.push(" GROUP BY c.source_id, ").push(status);
    if rollup {
        // count(DISTINCT c.id): a speaker holding two roles at the same
        // organization still brings each claim once.
        sql.push(" UNION ALL SELECT f.org_id, c.source_id, ")
            .push(status)
            .push(", count(DISTINCT c.id), ")
            .push(latest);
        filter.push_from(&mut sql);
        sql.push(" JOIN speaks_for f ON f.speaker_id = c.source_id AND ")
            .push(IN_ROLE);
        filter.push_where(&mut sql, status, "f.org_id");
        sql.push(" GROUP BY f.org_id, c.source_id, ").push(status);
    }
    sql
}

/// A report from its query's groups and the sources' names and kinds.
pub(crate) fn assemble(
    groups: Vec<Group>,
    names: Vec<(i64, String, String)>,
    filter: &ClaimFilter,
    rollup: bool,
) -> Result<Report> {
    let names: HashMap<i64, (String, String)> = names
        .into_iter()
        .map(|(id, name, kind)| (id, (name, kind)))
        .collect();
    let mut rows: HashMap<i64, ReportRow> = HashMap::new();
    let mut via: HashMap<(i64, i64), i64> = HashMap::new();
    for (credited, speaker, status, n, latest) in groups {
        let status: Status = status.parse()?;
        let row = match rows.entry(credited) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let (name, kind) = names.get(&credited).cloned().unwrap_or_default();
                e.insert(ReportRow {
                    source: name,
                    kind: kind.parse()?,
                    total: 0,
                    unverified: 0,
                    disputed: 0,
                    confirmed: 0,
                    refuted: 0,
                    unverifiable: 0,
                    retracted: 0,
                    held_up: None,
                    latest_claim: None,
                    via: vec![],
                })
            }
        };
        row.add(status, n);
        if latest > row.latest_claim {
            row.latest_claim = latest;
        }
        if credited != speaker {
            *via.entry((credited, speaker)).or_default() += n;
        }
    }
    for ((credited, speaker), claims) in via {
        if let Some(row) = rows.get_mut(&credited) {
            let speaker = names.get(&speaker).map(|n| n.0.clone()).unwrap_or_default();
            row.via.push(SourceShare { speaker, claims });
        }
    }
    let mut rows: Vec<ReportRow> = rows.into_values().collect();
    for row in &mut rows {
        let decided = row.confirmed + row.refuted;
        row.held_up = (decided > 0).then(|| row.confirmed as f64 / decided as f64);
        row.via
            .sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.speaker.cmp(&b.speaker)));
    }
    rows.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| a.source.to_lowercase().cmp(&b.source.to_lowercase()))
    });
    Ok(Report {
        as_of: filter.as_of.map(|d| d.to_string()),
        as_known_on: filter.known_on.map(|d| d.to_string()),
        rollup,
        rows,
    })
}
