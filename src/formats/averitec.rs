//! AVeriTeC (Schlichtkrull et al. 2023): real-world claims with their
//! speaker, date, verdict, justification and the question-and-answer
//! evidence behind it, as a JSON array. Read through the ClaimReview
//! reader's streaming JSON (one object at a time, with its line), which
//! recognises these objects by their fields.

use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::{
    ClaimRecord, ReadOptions, UNKNOWN_CLAIMANT, checked_tag, claim_spec, row_loc, row_problem, source_spec,
};
use crate::claimfile::{EventSpec, Problem, derived_id};
use crate::model::{Day, SourceKind, Status};

/// Whether an object is an AVeriTeC claim.
pub(super) fn is_averitec(object: &Map<String, Value>) -> bool {
    object.contains_key("claim")
        && object.contains_key("label")
        && (object.contains_key("questions") || object.contains_key("fact_checking_article"))
}

/// The verdicts AVeriTeC uses, as claimtrack statuses.
fn status_of(label: &str) -> Option<Status> {
    Some(match label.trim().to_ascii_lowercase().as_str() {
        "supported" => Status::Confirmed,
        "refuted" => Status::Refuted,
        "conflicting evidence/cherrypicking" => Status::Disputed,
        "not enough evidence" => Status::Unverifiable,
        _ => return None,
    })
}

/// One AVeriTeC claim: the speaker (or "unknown claimant" when null or
/// empty, as in 118 of the dev split's 500), `claim_date` (DD-MM-YYYY) as
/// the day it was said, the verdict as one history event (the label kept as
/// its rating, the justification as its note, the fact-checking article and
/// every answer's source as evidence), the claim types as tags.
pub(super) fn record(
    path: &Arc<Path>,
    line: usize,
    object: &Map<String, Value>,
    options: &ReadOptions,
) -> std::result::Result<ClaimRecord, Problem> {
    let problem = |message: String| row_problem(path, line, message);
    let text_of = |key: &str| {
        object
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let text = text_of("claim").ok_or_else(|| problem("the claim has no text".into()))?;
    let label = text_of("label").ok_or_else(|| problem("the claim has no label".into()))?;
    let status = match status_of(&label).or_else(|| options.status_map.status(&label)) {
        Some(status) => status,
        None => {
            options.note_unmapped(&label);
            Status::Unverified
        }
    };
    let (name, kind) = match text_of("speaker") {
        Some(name) => (name, None),
        None => (UNKNOWN_CLAIMANT.to_string(), Some(SourceKind::Group)),
    };
    let said_on = match text_of("claim_date") {
        Some(date) => Some(
            day_month_year(&date)
                .ok_or_else(|| problem(format!("claim_date '{date}' is not a DD-MM-YYYY date")))?,
        ),
        None => None,
    };
    let article = text_of("fact_checking_article");
    let loc = row_loc(path, line);
    let id = derived_id(article.as_deref(), &name, &text);
    let mut claim = claim_spec(&loc, id, &name, text);
    claim.said_on = said_on;
    let mut evidence: Vec<String> = article.into_iter().collect();
    let questions = object.get("questions").and_then(Value::as_array);
    for answer in questions
        .into_iter()
        .flatten()
        .filter_map(|q| q.get("answers").and_then(Value::as_array))
        .flatten()
    {
        if let Some(url) = answer
            .get("source_url")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|u| u.contains("://") && !u.contains(char::is_whitespace))
            && !evidence.iter().any(|e| e == url)
        {
            evidence.push(url.to_string());
        }
    }
    for kind in object
        .get("claim_types")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(tag) = kind.as_str().filter(|t| !t.trim().is_empty()) {
            claim.tags.push(checked_tag(tag).map_err(&problem)?);
        }
    }
    claim.history.push(EventSpec {
        on: None,
        loc: loc.clone(),
        status,
        // AVeriTeC gives no review date: the verdict is recorded now.
        at: options.now.clone(),
        actor: Some("AVeriTeC".to_string()),
        note: text_of("justification"),
        rating: Some(label),
        evidence,
    });
    claim.stated = super::stated_values(&claim, false);
    Ok(ClaimRecord {
        source: source_spec(&loc, &claim.by.0.clone(), kind),
        article: None,
        claim,
    })
}

/// `31-10-2020` (also `1-2-2020`) as a day.
pub(super) fn day_month_year(date: &str) -> Option<Day> {
    let parts: Vec<&str> = date.trim().split(['-', '/', '.']).collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    if year.len() != 4 || day.is_empty() || day.len() > 2 || month.is_empty() || month.len() > 2 {
        return None;
    }
    format!("{year}-{month:0>2}-{day:0>2}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(day_month_year("31-10-2020").unwrap().to_string(), "2020-10-31");
        assert_eq!(day_month_year("1-2-2020").unwrap().to_string(), "2020-02-01");
        assert!(day_month_year("2020-10-31").is_none());
        assert!(day_month_year("31-02-2020").is_none());
    }

    #[test]
    fn an_averitec_claim_becomes_a_rated_verdict_with_its_evidence() {
        let value: Value = serde_json::json!({
            "claim": "A letter shows Sean Connery refused an Apple advert.",
            "label": "Refuted",
            "justification": "It was satire.",
            "claim_date": "31-10-2020",
            "speaker": "  Muhammadu Buhari ",
            "fact_checking_article": "https://checkyourfact.com/x",
            "claim_types": ["Event/Property Claim"],
            "questions": [{"question": "q", "answers": [
                {"answer": "a", "source_url": "https://scoopertino.com/x"},
                {"answer": "b", "source_url": "https://checkyourfact.com/x"}
            ]}]
        });
        let object = value.as_object().unwrap();
        assert!(is_averitec(object));
        let path: Arc<Path> = Arc::from(Path::new("dev.json"));
        let options = ReadOptions {
            now: "2026-12-01T00:00:00.000000Z".into(),
            ..ReadOptions::default()
        };
        let record = record(&path, 3, object, &options).unwrap();
        assert_eq!(record.claim.by.0, "Muhammadu Buhari");
        assert_eq!(record.claim.said_on.unwrap().to_string(), "2020-10-31");
        let event = &record.claim.history[0];
        assert_eq!(
            (event.status, event.rating.as_deref()),
            (Status::Refuted, Some("Refuted"))
        );
        assert_eq!(
            event.evidence,
            ["https://checkyourfact.com/x", "https://scoopertino.com/x"]
        );
        assert_eq!(record.claim.tags, ["Event/Property Claim"]);
        let mut unnamed = object.clone();
        unnamed.insert("speaker".into(), Value::Null);
        assert_eq!(record_name(&path, &unnamed, &options), UNKNOWN_CLAIMANT);
    }

    fn record_name(path: &Arc<Path>, object: &Map<String, Value>, options: &ReadOptions) -> String {
        record(path, 1, object, options).unwrap().claim.by.0
    }
}
