//! Claim files written out: one per article, plus `no-article.toml` for
//! claims that come from no article (and sources that made no claim).
//! The export command reads what goes in each ([`ClaimFileContents`]);
//! this module renders and writes it, and never touches the store.
//!
//! Output is deterministic: records in a fixed order, every string escaped
//! the same way, so that export → import into an empty database → export
//! gives byte-identical files, and a diff between two exports shows only
//! what changed. Each file is written to a temporary name and renamed, so
//! an interrupted export never leaves half a file in place of a good one.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::model::{Article, Claim, ClaimLink, SourceSummary, StatusEvent, short_id};
use crate::replace::Replacement;

/// The file that holds claims with no article.
pub const NO_ARTICLE_FILE: &str = "no-article.toml";

/// What one claim file holds, as the export command reads it from the
/// database (this module only renders and writes it).
#[derive(Debug, Default)]
pub struct ClaimFileContents {
    /// The article and its body snapshot; `None` for the file of claims
    /// that come from no article.
    pub article: Option<(Article, Option<String>)>,
    /// Its sources (those whose claims are here, what they speak for, and
    /// in the no-article file the sources that made no claim), in the
    /// order they are written.
    pub sources: Vec<SourceSummary>,
    /// Its claims, in the order they were logged.
    pub claims: Vec<ExportedClaim>,
}

/// A claim with its history and the links that start from it.
#[derive(Debug)]
pub struct ExportedClaim {
    /// The claim.
    pub claim: Claim,
    /// Its history, oldest first.
    pub history: Vec<StatusEvent>,
    /// Links from it, by relation and target.
    pub links: Vec<ClaimLink>,
}

/// The file name of each article's claim file, in the order given:
/// deterministic, and unique even when two articles share a day and title.
pub fn file_names(articles: &[Article]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::from([NO_ARTICLE_FILE.to_string()]);
    articles
        .iter()
        .map(|article| {
            let mut name = format!("{}.toml", file_stem(article));
            if !taken.insert(name.to_lowercase()) {
                name = format!("{}-{}.toml", file_stem(article), short_id(&article.id));
                taken.insert(name.to_lowercase());
            }
            name
        })
        .collect()
}

/// A safe file name for an article: its publication day and a slug of its
/// title, ASCII letters, digits and hyphens only (never a path, never a
/// hidden file), at most 60 characters of slug.
fn file_stem(article: &Article) -> String {
    let mut slug = String::new();
    for word in article
        .title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() + 1 > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        slug.push_str("article");
    }
    // The day comes from the database, where any program may have put any
    // text ("../../x"): only a real date goes into a file name.
    let day = article
        .published_on
        .as_deref()
        .and_then(|d| d.parse::<crate::model::Day>().ok())
        .map_or_else(|| "undated".to_string(), |d| d.to_string());
    format!("{day}-{slug}")
}

/// Writes `text` to `dir/name` under a temporary name and renames it into
/// place, refusing to overwrite one of `protected` (the database's files).
pub fn write_atomically(dir: &Path, name: &str, text: &str, protected: &[PathBuf]) -> Result<PathBuf> {
    let mut replacement = Replacement::new(&dir.join(name), protected)?;
    replacement.write_all(text.as_bytes())?;
    replacement.finish()
}

/// Renders a claim file: deterministic, so that export, import and export
/// again give the same bytes.
pub fn render(contents: &ClaimFileContents) -> String {
    let mut out = String::new();
    match &contents.article {
        Some((article, body)) => {
            out.push_str("# A claimtrack claim file: one article, the sources it cites and their claims.\n");
            out.push_str("# Reference: docs/file-format.md\n\n[article]\n");
            field(&mut out, "url", &article.url);
            field(&mut out, "title", &article.title);
            optional(&mut out, "publisher", &article.publisher);
            if let Some(day) = &article.published_on {
                let _ = writeln!(out, "published = {day}");
            }
            if let Some(body) = body {
                let _ = writeln!(out, "body = {}", multiline(body));
            }
        }
        None => out.push_str("# A claimtrack claim file: claims that come from no article.\n# Reference: docs/file-format.md\n"),
    }
    for summary in &contents.sources {
        write_source(&mut out, summary);
    }
    for exported in &contents.claims {
        write_claim(&mut out, &exported.claim);
        for event in &exported.history {
            out.push_str("\n[[claims.history]]\n");
            field(&mut out, "status", event.to.as_str());
            let _ = writeln!(out, "at = {}", event.at);
            if !event.at.starts_with(&event.effective_on) {
                let _ = writeln!(out, "on = {}", event.effective_on);
            }
            field(&mut out, "by", &event.actor);
            optional(&mut out, "note", &event.note);
            optional(&mut out, "rating", &event.rating);
            list(&mut out, "evidence", &event.evidence);
        }
    }
    for link in contents.claims.iter().flat_map(|c| &c.links) {
        out.push_str("\n[[links]]\n");
        field(&mut out, "from", &link.from_id.to_string());
        field(&mut out, "relation", link.relation.as_str());
        field(&mut out, "to", &link.to_id.to_string());
    }
    out
}

fn write_source(out: &mut String, summary: &SourceSummary) {
    let source = &summary.source;
    out.push_str("\n[[sources]]\n");
    field(out, "name", &source.name);
    field(out, "kind", source.kind.as_str());
    optional(out, "description", &source.profile.description);
    optional(out, "job", &source.profile.job);
    optional(out, "party", &source.profile.party);
    optional(out, "region", &source.profile.region);
    list(out, "aliases", &source.aliases);
    if !summary.speaks_for.is_empty() {
        out.push_str("speaks_for = [\n");
        for link in &summary.speaks_for {
            let _ = write!(out, "  {{ organization = {}", quoted(&link.organization));
            if !link.role.is_empty() {
                let _ = write!(out, ", role = {}", quoted(&link.role));
            }
            if let Some(since) = &link.since {
                let _ = write!(out, ", since = {since}");
            }
            if let Some(until) = &link.until {
                let _ = write!(out, ", until = {until}");
            }
            out.push_str(" },\n");
        }
        out.push_str("]\n");
    }
}

fn write_claim(out: &mut String, claim: &Claim) {
    out.push_str("\n[[claims]]\n");
    field(out, "id", &claim.id.to_string());
    field(out, "by", &claim.source);
    field(out, "text", &claim.text);
    optional(out, "quote", &claim.quote);
    if let Some(day) = &claim.said_on {
        let _ = writeln!(out, "said_on = {day}");
    }
    field(out, "status", claim.status.as_str());
    optional(out, "rating", &claim.rating);
    list(out, "tags", &claim.tags);
    optional(out, "language", &claim.language);
    optional(out, "origin", &claim.origin);
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "{name} = {}", quoted(value));
}

fn optional(out: &mut String, name: &str, value: &Option<String>) {
    if let Some(value) = value {
        field(out, name, value);
    }
}

fn list(out: &mut String, name: &str, values: &[String]) {
    if !values.is_empty() {
        let items: Vec<String> = values.iter().map(|v| quoted(v)).collect();
        let _ = writeln!(out, "{name} = [{}]", items.join(", "));
    }
}

/// A TOML basic string. Every character TOML forbids raw, and every one
/// that could be misread (quotes, backslashes, carriage returns), is escaped,
/// so that any text round-trips byte for byte.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, text, false);
    out.push('"');
    out
}

/// A TOML multi-line basic string, for article bodies: readable in a diff,
/// with line feeds kept as they are and everything else escaped as in
/// [`quoted`].
pub fn multiline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    escape_into(&mut out, text, true);
    out.push_str("\"\"\"");
    out
}

fn escape_into(out: &mut String, text: &str, keep_newlines: bool) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // In a multi-line string a lone quote may stand raw; one that
            // another quote follows, or that ends the text, could close it.
            '"' if keep_newlines && !matches!(chars.peek(), Some('"') | None) => out.push('"'),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
}
