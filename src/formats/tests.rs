//! Readers and the status map, on small inputs written here.

use super::*;

fn options() -> ReadOptions {
    ReadOptions {
        now: "2026-11-24T00:00:00.000000Z".into(),
        ..ReadOptions::default()
    }
}

/// Every result `read_records` gives for `text` in `format`.
fn read(format: ImportFormat, text: &str) -> Vec<std::result::Result<ClaimRecord, Problem>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input");
    std::fs::write(&path, text).unwrap();
    let mut results = Vec::new();
    read_records(
        format,
        &path,
        &options(),
        &Arc::new(AtomicU64::new(0)),
        &mut |r| {
            results.push(r);
            true
        },
    )
    .unwrap();
    results
}

fn ok(results: Vec<std::result::Result<ClaimRecord, Problem>>) -> Vec<ClaimRecord> {
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|p| panic!("unexpected problem: {p}")))
        .collect()
}

fn problems(results: Vec<std::result::Result<ClaimRecord, Problem>>) -> Vec<String> {
    results
        .into_iter()
        .filter_map(|r| r.err())
        .map(|p| p.to_string())
        .collect()
}

const LIAR_ROW: &str = "2635.json\tfalse\tSays the Annies List political group supports third-trimester abortions on demand.\tabortion, health-care \tdwayne-bohac\tState representative\tTexas\trepublican\t0\t1\t0\t0\t0\ta mailer \n";

#[test]
fn a_liar_row_becomes_a_rated_claim_of_a_named_speaker() {
    let records = ok(read(ImportFormat::Liar, LIAR_ROW));
    let [record] = records.as_slice() else {
        panic!("one record")
    };
    assert_eq!(record.source.name, "Dwayne Bohac");
    assert_eq!(record.source.kind, Some(crate::model::SourceKind::Person));
    assert_eq!(record.source.aliases[0].0, "dwayne-bohac");
    assert_eq!(record.source.profile.job.as_deref(), Some("State representative"));
    assert_eq!(record.source.profile.region.as_deref(), Some("Texas"));
    assert_eq!(record.source.profile.party.as_deref(), Some("republican"));
    let claim = &record.claim;
    assert_eq!(claim.origin.as_deref(), Some("liar:2635.json"));
    assert_eq!(claim.id, origin_id("liar:2635.json"));
    assert_eq!(claim.tags, ["abortion", "health-care"]);
    let event = &claim.history[0];
    assert_eq!(event.status, crate::model::Status::Refuted);
    assert_eq!(event.rating.as_deref(), Some("false"));
    assert_eq!(
        event.note.as_deref(),
        Some("a mailer"),
        "stray spaces are trimmed"
    );
    assert_eq!(event.actor.as_deref(), Some("PolitiFact"));
}

#[test]
fn liar_speakers_that_are_not_people_get_a_fitting_kind() {
    use crate::model::SourceKind::*;
    assert_eq!(liar::kind_of("chain-email", ""), Group);
    assert_eq!(liar::kind_of("facebook-posts", "Social media posting"), Group);
    assert_eq!(liar::kind_of("democratic-national-committee", ""), Organization);
    assert_eq!(liar::kind_of("republican-party-texas", ""), Organization);
    assert_eq!(liar::kind_of("barack-obama", "President"), Person);
    assert_eq!(liar::kind_of("nancy-pelosi", ""), Person);
    assert_eq!(liar::display_name("bernie-s"), "Bernie S");
}

#[test]
fn bad_liar_rows_name_their_line_and_value() {
    let text = format!(
        "{LIAR_ROW}only\tthree\tfields\n{}",
        LIAR_ROW.replace("\tfalse\t", "\tsort-of\t")
    );
    let found = problems(read(ImportFormat::Liar, &text));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0]
            .ends_with(":2: expected 14 tab-separated fields (id, label, statement, ..., context), found 3"),
        "{}",
        found[0]
    );
    assert!(
        found[1].contains(":3: row 2635.json: unknown label 'sort-of'"),
        "{}",
        found[1]
    );
}

#[test]
fn the_status_map_matches_labels_loosely_and_takes_overrides() {
    let map = StatusMap::default();
    use crate::model::Status::*;
    assert_eq!(map.status("Pants on Fire!"), Some(Refuted));
    assert_eq!(map.status("  Mostly   True. "), Some(Confirmed));
    assert_eq!(map.status("half_true"), Some(Disputed));
    // The same Arabic word with its vowel mark placed differently.
    assert_eq!(map.status("صحيح جزئياً"), Some(Disputed));
    assert_eq!(map.status("صحيح جزئيًا"), Some(Disputed));
    assert_eq!(map.status("excitement"), None);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("map.toml");
    std::fs::write(
        &file,
        "\"excitement\" = \"disputed\"\n\"half-true\" = \"confirmed\"\n",
    )
    .unwrap();
    let map = StatusMap::default().with_file(&file).unwrap();
    assert_eq!(map.status("Excitement"), Some(Disputed));
    assert_eq!(map.status("half-true"), Some(Confirmed));
    std::fs::write(&file, "\"excitement\" = \"disputed\"\n\"meh\" = \"sort-of\"\n").unwrap();
    let error = StatusMap::default().with_file(&file).unwrap_err().to_string();
    assert!(
        error.contains("map.toml:2:9: label 'meh': unknown status 'sort-of'"),
        "{error}"
    );
}

const FACT_CHECK: &str = r#"{"text": "خبر جرى تداوله", "claimDate": "2025-04-28T19:23:46Z",
  "claimReview": [
    {"publisher": {"name": "مسبار", "site": "misbar.com"}, "url": "https://misbar.com/b", "title": "later",
     "reviewDate": "2025-05-01T00:00:00Z", "textualRating": "مضلل", "languageCode": "ar"},
    {"publisher": {"site": "fatabyyano.net"}, "url": "https://fatabyyano.net/a",
     "reviewDate": "2025-04-29T10:00:00Z", "textualRating": "excitement"}]}"#;

#[test]
fn fact_check_results_keep_every_review_in_date_order_and_an_unknown_claimant() {
    for text in [
        FACT_CHECK.to_string(),
        format!("[{FACT_CHECK}]"),
        format!("{{\"claims\": [{FACT_CHECK}], \"nextPageToken\": \"x\"}}"),
    ] {
        let records = ok(read(ImportFormat::Claimreview, &text));
        let [record] = records.as_slice() else {
            panic!("one record from {text}")
        };
        assert_eq!(record.source.name, UNKNOWN_CLAIMANT);
        assert_eq!(record.claim.text, "خبر جرى تداوله");
        assert_eq!(
            record.claim.said_on.map(|d| d.to_string()).as_deref(),
            Some("2025-04-28")
        );
        let history: Vec<_> = record
            .claim
            .history
            .iter()
            .map(|e| {
                (
                    e.status,
                    e.rating.clone().unwrap_or_default(),
                    e.actor.clone().unwrap_or_default(),
                )
            })
            .collect();
        use crate::model::Status::*;
        assert_eq!(
            history,
            [
                (Unverified, "excitement".into(), "fatabyyano.net".into()),
                (Refuted, "مضلل".into(), "مسبار".into()),
            ]
        );
        assert_eq!(record.claim.history[1].evidence, ["https://misbar.com/b"]);
    }
}

#[test]
fn claimreview_graphs_skip_other_nodes_and_problems_name_the_element_line() {
    let text = r#"{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "url": "https://example.org"},
  {"@type": "ClaimReview", "claimReviewed": "The moon is cheese.",
   "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Cheese Board"}},
   "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "Nonsense"}},
  {"@type": "ClaimReview", "claimReviewed": "  "}
]}"#;
    let results = read(ImportFormat::Claimreview, text);
    assert_eq!(results.len(), 2);
    let record = results[0].as_ref().unwrap();
    assert_eq!(record.source.name, "Cheese Board");
    assert_eq!(record.source.kind, Some(crate::model::SourceKind::Organization));
    assert_eq!(
        record.claim.history[0].status,
        crate::model::Status::Refuted,
        "1 of 1..5 is false"
    );
    assert_eq!(record.claim.history[0].rating.as_deref(), Some("Nonsense"));
    let problem = results[1].as_ref().unwrap_err().to_string();
    assert!(
        problem.ends_with(":6: the ClaimReview's claimReviewed is empty"),
        "{problem}"
    );
}

#[test]
fn broken_json_is_one_problem_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        "[\n {\"text\": \"a\", \"claimReview\": []},\n {\"text\": \"b\",\n",
    )
    .unwrap();
    let error = read_records(
        ImportFormat::Claimreview,
        &path,
        &options(),
        &Arc::new(AtomicU64::new(0)),
        &mut |_| true,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("bad.json:4:1: the JSON ends early"), "{error}");
}

#[test]
fn csv_rows_are_checked_cell_by_cell_with_their_line() {
    let text = "source,text,status,tags,said_on\n\
                Ann,\"Line one\nline two\",refuted,a; b,2017-02-28\n\
                Bob,Fine,sort-of,,\n\
                Cy,Later,,,2017-02-30\n\
                ,No source,,,\n";
    let results = read(ImportFormat::Csv, text);
    let record = results[0].as_ref().unwrap();
    assert_eq!(record.claim.text, "Line one\nline two");
    assert_eq!(record.claim.tags, ["a", "b"]);
    assert_eq!(record.claim.status, Some(crate::model::Status::Refuted));
    let found = problems(results);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].contains(":4: status: unknown status 'sort-of'"),
        "{}",
        found[0]
    );
    assert!(found[1].contains(":5: said_on:"), "{}", found[1]);
    assert!(found[1].contains("2017-02-30"), "{}", found[1]);
    assert!(found[2].ends_with(":6: the row has no source"), "{}", found[2]);
}

#[test]
fn an_unknown_csv_column_is_refused_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, "source,text,staus\nAnn,Hi,refuted\n").unwrap();
    let error = read_records(
        ImportFormat::Csv,
        &path,
        &options(),
        &Arc::new(AtomicU64::new(0)),
        &mut |_| true,
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.ends_with("t.csv:1: unknown column 'staus' (column 3) (did you mean 'status'?)"),
        "{error}"
    );
}

#[test]
fn json_lines_take_tags_as_a_list_and_refuse_unknown_fields() {
    let text = "{\"source\": \"Ann\", \"text\": \"Hi\", \"tags\": [\"x\", \"y\"]}\n\n{\"source\": \"Bob\", \"text\": \"Yo\", \"colour\": 1}\n{\"source\": \n";
    let results = read(ImportFormat::Jsonl, text);
    assert_eq!(results[0].as_ref().unwrap().claim.tags, ["x", "y"]);
    let found = problems(results);
    assert!(found[0].contains(":3: unknown field `colour`"), "{}", found[0]);
    assert!(found[1].contains(":4: not a JSON object"), "{}", found[1]);
}

#[test]
fn chunks_follow_articles_and_never_hold_a_claim_twice() {
    let records = ok(read(
        ImportFormat::Liar,
        &format!("{LIAR_ROW}{LIAR_ROW}{}", LIAR_ROW.replace("2635", "2636")),
    ));
    let mut chunker = Chunker::new(Path::new("x"));
    let mut chunks = Vec::new();
    for record in records {
        chunks.extend(chunker.push(record));
    }
    chunks.extend(chunker.finish());
    let sizes: Vec<usize> = chunks.iter().map(|c| c.claims.len()).collect();
    assert_eq!(sizes, [1, 2], "the repeat starts a new chunk");
    assert!(chunks.iter().all(|c| c.merge_repeats && c.sources.len() == 1));
}

#[test]
fn csv_with_crlf_line_ends_keeps_its_line_numbers_and_quoted_line_breaks() {
    let text = "source,text,status\r\nAnn,\"one\r\ntwo\",refuted\r\nBob,fine,sorta\r\n";
    let results = read(ImportFormat::Csv, text);
    assert_eq!(results[0].as_ref().unwrap().claim.text, "one\r\ntwo");
    let found = problems(results);
    assert!(
        found[0].contains(":4: status: unknown status 'sorta'"),
        "{}",
        found[0]
    );
}

#[test]
fn a_liar_speaker_of_hyphens_alone_is_the_unknown_claimant() {
    let row = LIAR_ROW.replace("dwayne-bohac", "--");
    let records = ok(read(ImportFormat::Liar, &row));
    assert_eq!(records[0].source.name, UNKNOWN_CLAIMANT);
    assert_eq!(
        records[0].source.kind,
        Some(crate::model::SourceKind::Group),
        "as in every format"
    );
    assert!(records[0].source.aliases.is_empty());
}

/// Inputs that made a fuzz target fail, kept as `TARGET-HASH` under
/// `tests/fuzz-regressions/`: each must now read without panicking, and
/// give only records with a source and a text.
#[test]
fn inputs_found_by_fuzzing_read_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let format = match name.split('-').next().unwrap() {
            "import_liar" => ImportFormat::Liar,
            "import_csv" => ImportFormat::Csv,
            "import_jsonl" => ImportFormat::Jsonl,
            "import_claimreview" => ImportFormat::Claimreview,
            _ => continue,
        };
        let data = std::fs::read(&path).unwrap();
        let shared: Arc<Path> = Arc::from(path.as_path());
        let _ = read_from(format, &shared, data.as_slice(), &options(), &mut |result| {
            if let Ok(record) = result {
                assert!(!record.source.name.trim().is_empty(), "{name}");
                assert!(!record.claim.text.trim().is_empty(), "{name}");
            }
            true
        });
        seen += 1;
    }
    assert!(seen > 0);
}

#[test]
fn claimreview_reads_zero_to_one_scales_headlines_jobs_citations_and_kind_iris() {
    let text = r#"[
  {"@type": "ClaimReview", "claimReviewed": "Rates on a 0..1 scale.", "url": "https://checker.example/r/1",
   "headline": "Mostly wrong", "citation": [{"@type": "CreativeWork", "url": "https://data.example/t"}, "https://data.example/u"],
   "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ann Lee", "jobTitle": "Mayor"}},
   "reviewRating": {"@type": "Rating", "ratingValue": 0.1, "bestRating": 1}},
  {"@type": "ClaimReview", "claimReviewed": "Held up.", "url": "https://checker.example/r/2", "text": "Checked twice.",
   "itemReviewed": {"@type": "Claim", "author": {"@type": "GovernmentOrganization", "name": "Ministry",
     "additionalType": "https://www.wikidata.org/wiki/Q327333"}},
   "reviewRating": {"@type": "Rating", "ratingValue": 0.9, "bestRating": 1}},
  {"@type": "ClaimReview", "claimReviewed": "Undecided.", "identifier": "row-7",
   "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Posters", "additionalType": "group"}},
   "reviewRating": {"@type": "Rating", "ratingValue": 3}}
]"#;
    let records = ok(read(ImportFormat::Claimreview, text));
    use crate::model::{SourceKind, Status};
    let event = &records[0].claim.history[0];
    assert_eq!(event.status, Status::Refuted, "0.1 of 0..1");
    assert_eq!(
        event.note.as_deref(),
        Some("Mostly wrong"),
        "the headline, with no body or text"
    );
    assert_eq!(
        event.evidence,
        ["https://data.example/t", "https://data.example/u"],
        "the citations"
    );
    assert_eq!(
        records[0].claim.origin.as_deref(),
        Some("https://checker.example/r/1"),
        "its own page"
    );
    assert_eq!(records[0].source.profile.job.as_deref(), Some("Mayor"));
    let event = &records[1].claim.history[0];
    assert_eq!(event.status, Status::Confirmed, "0.9 of 0..1");
    assert_eq!(event.note.as_deref(), Some("Checked twice."));
    assert_eq!(
        event.evidence,
        ["https://checker.example/r/2"],
        "no citation: its own page"
    );
    assert_eq!(records[1].source.kind, Some(SourceKind::Agency));
    assert_eq!(
        records[2].claim.history[0].status,
        Status::Disputed,
        "3 of the default 1..5"
    );
    assert_eq!(
        records[2].claim.origin.as_deref(),
        Some("row-7"),
        "an identifier wins"
    );
    assert_eq!(
        records[2].source.kind,
        Some(SourceKind::Group),
        "an earlier export's bare word"
    );
}

#[test]
fn claimreview_export_keeps_a_review_url_types_the_speaker_and_cites_the_evidence() {
    use crate::model::{ClaimRow, SourceKind, Status};
    let row = ClaimRow {
        key: 1,
        id: uuid::Uuid::nil(),
        source: "Posters".into(),
        source_kind: SourceKind::Group,
        text: "A claim.".into(),
        quote: None,
        said_on: Some("2024-01-02".into()),
        status: Status::Refuted,
        rating: Some("False".into()),
        note: None,
        reviewer: "ana".into(),
        reviewed_on: "2024-01-03".into(),
        evidence: vec!["https://data.example/t".into()],
        source_job: Some("Spokesman".into()),
        source_party: None,
        updated_at: "2024-01-03T00:00:00.000000Z".into(),
        tags: vec![],
        article_url: None,
        article_title: None,
        article_publisher: None,
        article_published: None,
        origin: None,
        language: Some("en".into()),
    };
    let ours = ClaimReviewOptions {
        publisher: None,
        url_base: Some("https://desk.example/c/".into()),
    };
    assert_eq!(
        review_url(&row, &ours),
        format!("https://desk.example/c/{}", row.id)
    );
    let imported = ClaimRow {
        origin: Some("https://checker.example/r/1".into()),
        ..row.clone()
    };
    assert_eq!(review_url(&imported, &ours), "https://checker.example/r/1");
    let review = review_of(&row, &ours, "https://desk.example/c/x");
    let author = &review["itemReviewed"]["author"];
    assert_eq!(author["@type"], "Organization");
    assert_eq!(
        author["additionalType"],
        "https://www.wikidata.org/wiki/Q16334295"
    );
    assert_eq!(author["jobTitle"], "Spokesman");
    assert_eq!(review["citation"][0]["url"], "https://data.example/t");
    assert_eq!(review["inLanguage"], "en");
    assert_eq!(review["url"], "https://desk.example/c/x");
}
