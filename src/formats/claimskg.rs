//! ClaimsKG's extractor output (`claimskg/claimskg-extractor`): ClaimReview
//! fields flattened into CSV columns (`claimReview_claimReviewed`,
//! `rating_alternateName`, `creativeWork_author_name`, ...), one file per
//! fact-checking site. Recognised by its header, so `claims import` needs
//! no converter and no `--format`.
//!
//! The extractor fills the same columns differently per site, so a few
//! rules are per site (named by `claimReview_author_name`):
//! - `creativeWork_author_name` is the claimant for AFP and Vishvas News,
//!   but the fact-check's writer for PolitiFact, Snopes, Full Fact, Africa
//!   Check, Check Your Fact and Truth or Fiction (kept in the verdict's
//!   note); PolitiFact's claimant is in its URL (`/factchecks/2021/jul/22/
//!   instagram-posts/...`);
//! - `claimReview_claimReviewed` is empty for every AAP row and most Africa
//!   Check rows: the fact-check's title stands in for the claim;
//! - dates come as `2021-07-16` or `2021-7-16`.

use std::path::Path;
use std::sync::Arc;

use super::{
    ClaimRecord, ReadOptions, UNKNOWN_CLAIMANT, claim_spec, origin_id, row_loc, row_problem, source_spec,
};
use crate::claimfile::{EventSpec, Problem};
use crate::error::Result;
use crate::model::{Day, SourceKind, Status, checked_tag};

/// The column that tells a ClaimsKG file from claimtrack's own table.
const MARK: &str = "claimReview_claimReviewed";

/// Whether a CSV header (its first line) is ClaimsKG's.
pub(super) fn is_claimskg(first_line: &str) -> bool {
    first_line.split(',').any(|c| c.trim().trim_matches('"') == MARK)
}

/// Sites whose `creativeWork_author_name` is the claimant.
const CLAIMANT_IS_AUTHOR: &[&str] = &["factcheck_afp", "afp", "vishvanews", "vishvasnews"];

/// Reads every row.
pub(super) fn read(
    path: &Arc<Path>,
    reader: impl std::io::Read,
    options: &ReadOptions,
    sink: &mut dyn FnMut(std::result::Result<ClaimRecord, Problem>) -> bool,
) -> Result<()> {
    // The claim table's reader settings: CRLF ends counted as one line,
    // and the same messages for a row that cannot be split.
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(super::table::LineEnds::new(reader));
    let headers = match csv.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(crate::Error::Files(vec![super::table::csv_problem(path, &e)])),
    };
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let columns = Columns {
        claim: column(MARK),
        rating: column("rating_alternateName"),
        value: column("rating_ratingValue"),
        best: column("rating_bestRating"),
        worst: column("rating_worstRating"),
        author: column("creativeWork_author_name"),
        said_on: column("creativeWork_datePublished"),
        site: column("claimReview_author_name"),
        url: column("claimReview_url"),
        reviewed_on: column("claimReview_datePublished"),
        title: column("extra_title"),
        tags: column("extra_tags"),
    };
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line() as usize;
        match csv.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                if sink(Err(super::table::csv_problem(path, &e))) {
                    continue;
                }
                return Ok(());
            }
        }
        let line = record.position().map_or(line, |p| p.line() as usize);
        if !sink(row(path, line, &record, &columns, options)) {
            return Ok(());
        }
    }
}

/// Where each column is.
struct Columns {
    claim: Option<usize>,
    rating: Option<usize>,
    value: Option<usize>,
    best: Option<usize>,
    worst: Option<usize>,
    author: Option<usize>,
    said_on: Option<usize>,
    site: Option<usize>,
    url: Option<usize>,
    reviewed_on: Option<usize>,
    title: Option<usize>,
    tags: Option<usize>,
}

fn row(
    path: &Arc<Path>,
    line: usize,
    record: &csv::StringRecord,
    columns: &Columns,
    options: &ReadOptions,
) -> std::result::Result<ClaimRecord, Problem> {
    let cell = |i: Option<usize>| {
        i.and_then(|i| record.get(i))
            .map(|v| v.trim().trim_matches('"').trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let problem = |message: String| row_problem(path, line, message);
    let url = cell(columns.url).ok_or_else(|| problem("the row has no claimReview_url".into()))?;
    let title = cell(columns.title);
    let text = cell(columns.claim)
        .or_else(|| title.clone())
        .ok_or_else(|| problem("the row has neither claimReview_claimReviewed nor extra_title".into()))?;
    let site = cell(columns.site).unwrap_or_else(|| "unknown fact-checker".into());
    let author = cell(columns.author);
    let site_key = site.to_ascii_lowercase();
    let (claimant, writer) = if CLAIMANT_IS_AUTHOR.contains(&site_key.as_str()) {
        (author, None)
    } else if site_key == "politifact" {
        (politifact_claimant(&url), author)
    } else {
        (None, author.filter(|a| !a.eq_ignore_ascii_case(&site)))
    };
    let (name, kind) = match claimant {
        Some(name) => (name, None),
        None => (UNKNOWN_CLAIMANT.to_string(), Some(SourceKind::Group)),
    };
    let date = |i: Option<usize>, what: &str| match cell(i) {
        Some(date) => loose_day(&date)
            .map(Some)
            .ok_or_else(|| problem(format!("{what} '{date}' is not a date"))),
        None => Ok(None),
    };
    let said_on = date(columns.said_on, "creativeWork_datePublished")?;
    let reviewed_on = date(columns.reviewed_on, "claimReview_datePublished")?;
    let loc = row_loc(path, line);
    let origin = url.clone();
    let mut claim = claim_spec(&loc, origin_id(&origin), &name, text);
    claim.said_on = said_on;
    claim.origin = Some(origin);
    if let Some(tags) = cell(columns.tags) {
        for tag in tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let tag = checked_tag(tag).map_err(problem)?;
            if !claim.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                claim.tags.push(tag);
            }
        }
    }
    let label = cell(columns.rating);
    let status = status_of(
        label.as_deref(),
        cell(columns.value),
        cell(columns.best),
        cell(columns.worst),
        options,
    );
    let note = match (&title, &writer) {
        (Some(title), Some(writer)) => Some(format!("{title} (by {writer})")),
        (Some(title), None) => Some(title.clone()),
        (None, Some(writer)) => Some(format!("by {writer}")),
        (None, None) => None,
    };
    // The review's date, else the claim's, else now.
    let at = reviewed_on
        .or(said_on)
        .map(|d| crate::model::format_timestamp(d.0.midnight().assume_utc()))
        .unwrap_or_else(|| options.now.clone());
    claim.history.push(EventSpec {
        on: None,
        loc: loc.clone(),
        status,
        at,
        actor: Some(site),
        note,
        rating: label,
        evidence: vec![url],
    });
    claim.stated = super::stated_values(&claim, false);
    Ok(ClaimRecord {
        source: source_spec(&loc, &claim.by.0.clone(), kind),
        article: None,
        claim,
    })
}

/// A rating's status: the label through the status map, else the number on
/// its scale, else unverified (and the label counted as unknown).
fn status_of(
    label: Option<&str>,
    value: Option<String>,
    best: Option<String>,
    worst: Option<String>,
    options: &ReadOptions,
) -> Status {
    if let Some(status) = label.and_then(|l| options.status_map.status(l)) {
        return status;
    }
    let number = |v: Option<String>| v.and_then(|v| v.parse::<f64>().ok());
    if let Some(status) = super::status_on_scale(number(value), number(best), number(worst)) {
        return status;
    }
    if let Some(label) = label {
        options.note_unmapped(label);
    }
    Status::Unverified
}

/// PolitiFact's claimant, from its fact-check URL:
/// `.../factchecks/2021/jul/22/instagram-posts/slug/` is "Instagram Posts".
fn politifact_claimant(url: &str) -> Option<String> {
    let rest = url.split("/factchecks/").nth(1)?;
    let slug = rest.split('/').nth(3)?;
    (!slug.is_empty()).then(|| super::liar::display_name(slug))
}

/// `2021-07-16` or `2021-7-16`.
fn loose_day(date: &str) -> Option<Day> {
    let date = date.trim().get(..10.min(date.trim().len()))?;
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [year, month, day] = parts[..] else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    format!("{year}-{month:0>2}-{day:0>2}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn politifact_names_its_claimant_in_the_url() {
        assert_eq!(
            politifact_claimant(
                "http://www.politifact.com/factchecks/2021/jul/22/instagram-posts/no-evidence/"
            )
            .as_deref(),
            Some("Instagram Posts")
        );
        assert_eq!(
            politifact_claimant("https://www.politifact.com/article/2020/x/"),
            None
        );
    }

    #[test]
    fn dates_may_leave_out_leading_zeros() {
        assert_eq!(loose_day("2021-7-16").unwrap().to_string(), "2021-07-16");
        assert_eq!(loose_day("2021-07-16").unwrap().to_string(), "2021-07-16");
        assert!(loose_day("16-07-2021").is_none());
    }

    #[test]
    fn the_header_tells_claimskg_from_the_claim_table() {
        assert!(is_claimskg(
            ",rating_ratingValue,claimReview_claimReviewed,extra_title"
        ));
        assert!(!is_claimskg("id,source,text,status"));
    }
}
