//! The LIAR data set (Wang 2017): PolitiFact statements, one per line, 14
//! tab-separated fields and no header: id, label, statement, subjects,
//! speaker slug, job, state, party, five credit-history counts, context.
//!
//! Each row becomes a claim: the statement as text; the speaker as a source
//! named from its slug ("barack-obama" is "Barack Obama", with the slug kept
//! as an alias) carrying job, state and party; the label verbatim as the
//! rating, with its status from the status map; the subjects as tags; the
//! context as the note of PolitiFact's verdict event; the row id as the
//! claim's origin ("liar:2635.json"), from which its UUID is derived. The
//! credit-history counts are totals over the speaker's other rows, which
//! the report computes itself, so they are not kept.

use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use super::{
    ClaimRecord, ReadOptions, UNKNOWN_CLAIMANT, checked_tag, claim_spec, each_line, origin_id, row_loc,
    row_problem, source_spec, too_long,
};
use crate::claimfile::{EventSpec, Problem};
use crate::model::{SourceKind, SourceProfile};

/// Fields per row.
const FIELDS: usize = 14;

/// Who records LIAR's verdicts.
const PUBLISHER: &str = "PolitiFact";

/// Reads LIAR rows from `reader`.
pub(super) fn read(
    path: &Arc<Path>,
    reader: impl BufRead,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Result<ClaimRecord, Problem>) -> bool,
) -> std::io::Result<bool> {
    each_line(reader, |line, bytes| {
        let Some(bytes) = bytes else {
            return sink(Err(too_long(path, line)));
        };
        let result = match std::str::from_utf8(bytes) {
            Ok(row) => record(path, line, row, options),
            Err(e) => Err(row_problem(
                path,
                line,
                format!(
                    "not UTF-8 text: invalid byte at offset {} of the line",
                    e.valid_up_to()
                ),
            )),
        };
        sink(result)
    })
}

fn record(path: &Arc<Path>, line: usize, row: &str, options: &ReadOptions) -> Result<ClaimRecord, Problem> {
    let fields: Vec<&str> = row.split('\t').map(str::trim).collect();
    if fields.len() != FIELDS {
        return Err(row_problem(
            path,
            line,
            format!(
                "expected {FIELDS} tab-separated fields (id, label, statement, ..., context), found {}",
                fields.len()
            ),
        ));
    }
    let [
        id,
        label,
        statement,
        subjects,
        slug,
        job,
        state,
        party,
        ..,
        context,
    ] = fields[..]
    else {
        unreachable!("the row has {FIELDS} fields");
    };
    let problem = |message: String| Err(row_problem(path, line, message));
    if id.is_empty() {
        return problem("the row has no id (field 1)".into());
    }
    if statement.is_empty() {
        return problem(format!("row {id} has no statement (field 3)"));
    }
    let Some(status) = options.status_map.status(label) else {
        return problem(format!(
            "row {id}: unknown label '{label}' (LIAR's are pants-fire, false, barely-true, half-true, mostly-true, true; add others with --status-map)"
        ));
    };
    let loc = row_loc(path, line);
    // A slug of hyphens alone names no one (found by fuzzing).
    let name = Some(display_name(slug))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| UNKNOWN_CLAIMANT.to_string());
    let kind = if name == UNKNOWN_CLAIMANT {
        SourceKind::Group
    } else {
        kind_of(slug, job)
    };
    let mut source = source_spec(&loc, &name, Some(kind));
    let given = |value: &str| Some(value.to_string()).filter(|v| !v.is_empty());
    source.profile = SourceProfile {
        description: None,
        job: given(job),
        party: given(party),
        region: given(state),
    };
    if name != UNKNOWN_CLAIMANT {
        source.aliases.push((slug.to_string(), loc.clone()));
    }
    let origin = format!("liar:{id}");
    let mut claim = claim_spec(&loc, origin_id(&origin), &name, statement.to_string());
    for subject in subjects.split(',').filter(|s| !s.trim().is_empty()) {
        match checked_tag(subject) {
            Ok(tag) => claim.tags.push(tag),
            Err(message) => return problem(format!("row {id}: {message}")),
        }
    }
    claim.history.push(EventSpec {
        on: None,
        loc: loc.clone(),
        status,
        at: options.now.clone(),
        actor: Some(PUBLISHER.to_string()),
        note: given(context),
        rating: Some(label.to_string()),
        evidence: Vec::new(),
    });
    claim.origin = Some(origin);
    claim.stated = super::stated_values(&claim, false);
    Ok(ClaimRecord {
        source,
        article: None,
        claim,
    })
}

/// A display name from a speaker slug: "barack-obama" is "Barack Obama".
pub(super) fn display_name(slug: &str) -> String {
    slug.split('-')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Speakers that are postings and forwarded messages, not a named maker:
/// claimtrack's `group`.
const POSTINGS: &[&str] = &[
    "chain-email",
    "facebook-posts",
    "blog-posting",
    "viral-image",
    "tweets",
    "instagram-posts",
    "bloggers",
    "youtube-videos",
    "various-websites",
    "multiple-sources",
    "social-media-posting",
];

/// Words that mark a government body in a slug.
const GOVERNMENT_WORDS: &[&str] = &[
    "department",
    "administration",
    "white-house",
    "office",
    "bureau",
    "county",
    "city-of",
    "state-of",
    "government",
    "commission",
    "legislature",
];

/// Words that mark an organization in a slug.
const ORGANIZATION_WORDS: &[&str] = &[
    "party",
    "committee",
    "association",
    "fund",
    "pac",
    "action",
    "club",
    "chamber",
    "coalition",
    "council",
    "foundation",
    "institute",
    "union",
    "league",
    "network",
    "project",
    "center",
    "alliance",
    "americans",
    "campaign",
    "federation",
    "society",
    "caucus",
    "crossroads",
    "moveon",
    "afscme",
    "democrats",
    "republicans",
    "group",
    "inc",
    "organization",
    "now",
    "future",
    "prosperity",
    "change",
];

/// The kind of a LIAR speaker: postings are a `group`; slugs with a word
/// of government or organization (whole words between hyphens) are that;
/// everyone else, and anyone with a job title, is a `person`.
pub(super) fn kind_of(slug: &str, job: &str) -> SourceKind {
    if POSTINGS.contains(&slug) {
        return SourceKind::Group;
    }
    let padded = format!("-{slug}-");
    let has = |words: &[&str]| words.iter().any(|w| padded.contains(&format!("-{w}-")));
    if has(GOVERNMENT_WORDS) {
        SourceKind::Government
    } else if has(ORGANIZATION_WORDS) && job.is_empty() {
        SourceKind::Organization
    } else {
        SourceKind::Person
    }
}
