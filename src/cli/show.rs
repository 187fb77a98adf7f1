//! `claims show ID`: one claim with its source, article, links in both
//! directions, its whole status history, and the corrections the journal
//! records for it.

use clap::Args;
use serde::Serialize;

use super::Context;
use crate::error::Result;
use crate::model::{Article, Claim, ClaimLink, StatusEvent, short_id};
use crate::render::{Format, Output, Record, or_empty};
use crate::store::SourceSummary;
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// `claims show`.
#[derive(Debug, Args)]
#[command(after_long_help = "Examples:\n  claims show 6267f8a0\n  claims show 6267 --format json")]
pub struct ShowArgs {
    /// The claim: full UUID or short id (a unique prefix of 4+ hex digits).
    pub id: String,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// Everything `show` prints, as one JSON object.
#[derive(Serialize)]
struct ClaimDetail {
    #[serde(flatten)]
    claim: Claim,
    source_detail: SourceSummary,
    article: Option<Article>,
    links: Vec<ClaimLink>,
    history: Vec<StatusEvent>,
    /// Every operation of the journal on this claim, oldest first.
    changes: Vec<crate::journal::Operation>,
}

pub(super) async fn run(args: ShowArgs, ctx: &mut Context) -> Result<()> {
    // One snapshot: the status shown is the one its history ends in, even
    // while another process marks the claim.
    let detail = ctx.store.read(async |store| detail(&args, store).await).await?;
    print(&detail, &mut ctx.out)
}

/// `claims show` against a team database on PostgreSQL: the same claim.
pub(super) async fn run_on_postgres(args: ShowArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let detail = database.snapshot(async |d| detail(&args, d).await).await;
    database.close().await?;
    print(&detail?, out)
}

/// Everything `show` prints about the claim `args` names, from either backend.
async fn detail(args: &ShowArgs, store: &mut impl Reading) -> Result<ClaimDetail> {
    let claim = store.claim_named(&args.id).await?;
    let source_detail = store.source_summary_named(&claim.source).await?;
    let article = match &claim.article_url {
        Some(url) => store.article_by_url(url).await?,
        None => None,
    };
    let links = store.links(claim.key).await?;
    let history = store.claim_history(claim.key).await?;
    let changes = store
        .journal(&crate::store::OperationFilter {
            claim_key: Some(claim.key),
            ..Default::default()
        })
        .await?;
    Ok(ClaimDetail {
        claim,
        source_detail,
        article,
        links,
        history,
        changes,
    })
}

fn print(detail: &ClaimDetail, out: &mut Output) -> Result<()> {
    match out.format {
        Format::Json => out.json(detail),
        Format::Csv => out.records(&detail.history),
        Format::Table | Format::Markdown => print_detail(out, detail),
    }
}

fn print_detail(out: &mut Output, detail: &ClaimDetail) -> Result<()> {
    let claim = &detail.claim;
    out.heading(&format!("Claim {}", short_id(&claim.id)));
    let source = &detail.source_detail.source;
    let mut fields = vec![
        ("Id", claim.id.to_string()),
        ("Source", format!("{} ({})", source.name, source.kind)),
        ("Claim", claim.text.clone()),
    ];
    if let Some(quote) = &claim.quote {
        fields.push(("Quote", format!("“{quote}”")));
    }
    fields.push(("Said on", or_empty(&claim.said_on)));
    fields.push(("Status", claim.status.to_string()));
    if let Some(rating) = &claim.rating {
        fields.push(("Rating", rating.clone()));
    }
    if !claim.tags.is_empty() {
        fields.push(("Tags", claim.tags.join(", ")));
    }
    if let Some(article) = &detail.article {
        let mut line = article.title.clone();
        if let Some(publisher) = &article.publisher {
            line.push_str(&format!(", {publisher}"));
        }
        if let Some(day) = &article.published_on {
            line.push_str(&format!(", {day}"));
        }
        fields.push((
            "Article",
            format!("{line} [{}]\n{}", short_id(&article.id), article.url),
        ));
    }
    let speaks_for = super::source::speaks_for_text(&detail.source_detail.speaks_for);
    if !speaks_for.is_empty() {
        fields.push(("Speaks for", speaks_for));
    }
    if let Some(language) = &claim.language {
        fields.push(("Language", language.clone()));
    }
    if let Some(origin) = &claim.origin {
        fields.push(("Origin", origin.clone()));
    }
    fields.push(("Logged", claim.created_at.clone()));
    out.fields(&fields);

    if !detail.links.is_empty() {
        out.heading("Links");
        let rows: Vec<Vec<String>> = detail
            .links
            .iter()
            .map(|link| {
                let name = |id: &uuid::Uuid| {
                    if *id == claim.id {
                        "this".to_string()
                    } else {
                        short_id(id)
                    }
                };
                vec![
                    name(&link.from_id),
                    link.relation.to_string(),
                    name(&link.to_id),
                    link.other_source.clone(),
                    link.other_text.clone(),
                ]
            })
            .collect();
        out.grid(
            &["Claim", "Relation", "Claim", "Other source", "Other claim"],
            &rows,
            None,
        );
    }
    out.heading("History");
    out.records(&detail.history)?;
    // Corrections: what the history of statuses does not show.
    let corrections: Vec<Vec<String>> = detail
        .changes
        .iter()
        .filter(|o| {
            !matches!(
                o.kind.as_str(),
                "import" | "claim.create" | "claim.mark" | "upgrade"
            )
        })
        .map(|o| {
            vec![
                o.id.to_string(),
                o.at.get(..19).unwrap_or(&o.at).replace('T', " "),
                o.actor.clone(),
                o.kind.clone(),
                super::log::change(o),
                or_empty(&o.note),
            ]
        })
        .collect();
    if !corrections.is_empty() {
        out.heading("Corrections");
        out.grid(&["Op", "At", "By", "Kind", "Change", "Note"], &corrections, None);
    }
    Ok(())
}

impl Record for StatusEvent {
    const HEADERS: &'static [&'static str] =
        &["When (UTC)", "From", "Status", "Rating", "By", "Note", "Evidence"];
    fn cells(&self) -> Vec<String> {
        let mut when = self.at.get(..19).unwrap_or(&self.at).replace('T', " ");
        if !self.at.starts_with(&self.effective_on) {
            // Recorded later than it took effect (`mark --on`).
            when.push_str(&format!("\nin effect {}", self.effective_on));
        }
        vec![
            when,
            self.from
                .map(|s| s.to_string())
                .unwrap_or_else(|| "(logged)".to_string()),
            self.to.to_string(),
            or_empty(&self.rating),
            self.actor.clone(),
            or_empty(&self.note),
            self.evidence.join("\n"),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "claim_id",
        "at",
        "from_status",
        "to_status",
        "rating",
        "actor",
        "note",
        "evidence",
        "effective_on",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.claim_id.to_string(),
            self.at.clone(),
            self.from.map(|s| s.to_string()).unwrap_or_default(),
            self.to.to_string(),
            or_empty(&self.rating),
            self.actor.clone(),
            or_empty(&self.note),
            self.evidence.join("; "),
            self.effective_on.clone(),
        ]
    }
}
