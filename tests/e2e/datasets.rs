//! Real data sets a fact-checker brings, imported without converters: the
//! ClaimsKG extractor's CSVs (flattened ClaimReview from ten sites) and
//! AVeriTeC. Each spot check compares a claim with the raw file; the tests
//! skip, saying why, where `../shared` is not here.

use std::path::{Path, PathBuf};

use super::harness::Env;

fn shared(dir: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(dir);
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipped: ../shared/data/{dir} is not here (the real-data check needs it)");
        None
    }
}

/// Every claim, as the JSON Lines export gives it, by origin.
fn exported(env: &Env) -> Vec<serde_json::Value> {
    env.ok(&["export", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The first history event of a claim.
fn first_event(env: &Env, id: &str) -> serde_json::Value {
    let shown: serde_json::Value = serde_json::from_str(&env.ok(&["show", id, "--format", "json"])).unwrap();
    shown["history"][0].clone()
}

#[test]
fn every_claimskg_site_imports_with_its_claimant_rating_date_and_url() {
    let Some(dir) = shared("claimskg_samples") else {
        return;
    };
    let env = Env::new();
    let run = env.run(&["import", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("imported 10 files"), "{}", run.stdout);
    assert!(
        run.stderr.contains("skipped 1 file") && run.stderr.contains("README.md"),
        "{}",
        run.stderr
    );
    let claims = exported(&env);
    // One claim per fact-check URL: the files hold 510 rows, some repeated.
    let mut urls = std::collections::HashSet::new();
    let mut rows = 0;
    for file in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
        if file.extension().is_some_and(|e| e == "csv") {
            let mut csv = csv::Reader::from_path(&file).unwrap();
            let url = csv
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "claimReview_url")
                .unwrap();
            for record in csv.records() {
                urls.insert(record.unwrap()[url].trim().to_string());
                rows += 1;
            }
        }
    }
    assert_eq!(rows, 510);
    assert_eq!(claims.len(), urls.len());

    // Per site, the second row of the raw file against the database:
    // (site, claimant, rating, review day, text starts with).
    let checks = [
        (
            "politifact",
            "Instagram Posts",
            "Pants on Fire",
            "2021-07-20",
            "“Americans not vaccinated",
        ),
        (
            "afpfactcheck",
            "Multiple persons",
            "False",
            "2021-07-18",
            "This photo shows a political rally",
        ),
        (
            "vishvasnews",
            "Facebook user Armaan Pathan",
            "False",
            "2021-07-13",
            "First thing is it is almost",
        ),
        (
            "snopes",
            "unknown claimant",
            "True",
            "2021-07-21",
            "A photograph shared widely",
        ),
        // AAP gives no claimReviewed (its title stands in) and no review
        // date (the claim's date does).
        (
            "aap",
            "unknown claimant",
            "False",
            "2021-07-21",
            "Onion and sugar flu",
        ),
    ];
    for (site, claimant, rating, day, text) in checks {
        let file = dir.join(format!("output_sample_{site}.csv"));
        let mut csv = csv::Reader::from_path(&file).unwrap();
        let headers = csv.headers().unwrap().clone();
        let row = csv.records().nth(1).unwrap().unwrap();
        let url = row[headers.iter().position(|h| h == "claimReview_url").unwrap()]
            .trim()
            .to_string();
        let claim = claims
            .iter()
            .find(|c| c["origin"] == url.as_str())
            .unwrap_or_else(|| panic!("{site}: no claim from {url}"));
        assert_eq!(claim["source"], claimant, "{site}");
        assert_eq!(claim["rating"], rating, "{site}");
        assert!(
            claim["text"].as_str().unwrap().starts_with(text),
            "{site}: {claim}"
        );
        let event = first_event(&env, claim["id"].as_str().unwrap());
        assert!(event["at"].as_str().unwrap().starts_with(day), "{site}: {event}");
        assert_eq!(event["evidence"][0], url.as_str(), "{site}");
    }
    // The writer of a PolitiFact check is in the verdict's note, not the claimant.
    let politifact = claims.iter().find(|c| c["source"] == "Instagram Posts").unwrap();
    let event = first_event(&env, politifact["id"].as_str().unwrap());
    assert!(event["note"].as_str().unwrap().contains("(by "), "{event}");

    let again = env.run(&["import", dir.to_str().unwrap()]);
    assert!(again.stdout.starts_with("nothing changed"), "{}", again.stdout);
}

#[test]
fn averitec_dev_imports_with_speakers_dates_verdicts_and_evidence() {
    let Some(dir) = shared("averitec") else { return };
    let file = dir.join("dev.json");
    let raw: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(raw.len(), 500);
    let env = Env::new();
    let out = env.ok(&["import", file.to_str().unwrap()]);
    assert!(
        out.contains("claims 493 added, 0 updated, 7 unchanged"),
        "the 7 repeated claims come once: {out}"
    );
    let claims = exported(&env);
    assert_eq!(claims.len(), 493);
    // The first claim: no speaker, a DD-MM-YYYY date, a refuted verdict
    // with its justification and the fact-check as the first evidence.
    let row = &raw[0];
    let claim = claims.iter().find(|c| c["text"] == row["claim"]).unwrap();
    assert_eq!(claim["source"], "unknown claimant");
    assert_eq!(claim["said_on"], "2020-10-31");
    assert_eq!(
        (claim["status"].as_str(), claim["rating"].as_str()),
        (Some("refuted"), Some("Refuted"))
    );
    let event = first_event(&env, claim["id"].as_str().unwrap());
    assert_eq!(event["note"], row["justification"]);
    assert_eq!(event["evidence"][0], row["fact_checking_article"]);
    // Every label to its status, and a speaker with a stray space trimmed.
    for (label, status) in [
        ("Supported", "confirmed"),
        ("Refuted", "refuted"),
        ("Conflicting Evidence/Cherrypicking", "disputed"),
        ("Not Enough Evidence", "unverifiable"),
    ] {
        let claim = claims.iter().find(|c| c["rating"] == label).unwrap();
        assert_eq!(claim["status"], status, "{label}");
    }
    let spaced = raw
        .iter()
        .find(|r| {
            r["speaker"]
                .as_str()
                .is_some_and(|s| s != s.trim() && !s.trim().is_empty())
        })
        .expect("the dev split has a speaker with a stray space");
    let claim = claims.iter().find(|c| c["text"] == spaced["claim"]).unwrap();
    assert_eq!(claim["source"], spaced["speaker"].as_str().unwrap().trim());

    assert!(
        env.ok(&["import", file.to_str().unwrap()])
            .starts_with("nothing changed")
    );
}

/// Every export format, exported, imported into an empty database and
/// exported again, gives the same bytes: on the sample, and with the real
/// data sets where they are here. Ratings that spell a status name
/// (AVeriTeC's "Refuted"), evidence URLs, the reviewer, the review day and
/// the language (Fact Check Tools' languageCode) survive the claim table.
#[test]
fn every_export_format_round_trips_everything_a_user_put_in() {
    let env = Env::with_sample();
    let mut real = false;
    if let (Some(averitec), Some(claimskg), Some(fact_check_tools)) = (
        shared("averitec"),
        shared("claimskg_samples"),
        shared("factcheck_api_arabic"),
    ) {
        env.run(&[
            "import",
            averitec.join("dev.json").to_str().unwrap(),
            claimskg.to_str().unwrap(),
            fact_check_tools
                .join("unique_claim_reviews.json")
                .to_str()
                .unwrap(),
        ]);
        real = true;
    }
    // A sheet's claim with a note spaced as typed, evidence (one URL with a
    // ';'), a reviewer, a review day and the source's job and party.
    let dir = env.dir.path();
    let sheet = dir.join("sheet.csv");
    std::fs::write(
        &sheet,
        "source,text,status,rating,note,evidence,reviewer,reviewed_on,source_job,source_party,language\n\
         Jane Roe,Taxes rose by 40%,refuted,Refuted,  kept as typed  ,https://example.org/a;b=1; https://example.org/c,ana,2021-07-13,Senator,Independent,en_gb\n",
    )
    .unwrap();
    env.ok(&["import", sheet.to_str().unwrap()]);
    for (format, file) in [
        ("csv", "out.csv"),
        ("jsonl", "out.jsonl"),
        ("claimreview", "out.json"),
    ] {
        let first = dir.join(format!("1-{file}"));
        let second = dir.join(format!("2-{file}"));
        env.ok(&["export", "--format", format, first.to_str().unwrap()]);
        let copy = Env::new();
        copy.ok(&["import", "--format", format, first.to_str().unwrap()]);
        copy.ok(&["export", "--format", format, second.to_str().unwrap()]);
        let (a, b) = (
            std::fs::read_to_string(&first).unwrap(),
            std::fs::read_to_string(&second).unwrap(),
        );
        if let Some((x, y)) = a.lines().zip(b.lines()).find(|(x, y)| x != y) {
            panic!("{format} does not round-trip: {x:?} became {y:?}");
        }
        assert_eq!(a.len(), b.len(), "{format} does not round-trip");
    }
    // Claim files: a folder of them, written again from their import.
    let (first, second) = (dir.join("1-files"), dir.join("2-files"));
    env.ok(&["export", first.to_str().unwrap()]);
    let copy = Env::new();
    copy.ok(&["import", first.to_str().unwrap()]);
    copy.ok(&["export", second.to_str().unwrap()]);
    let mut files: Vec<_> = std::fs::read_dir(&first)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    files.sort();
    assert!(files.len() > 1);
    for name in &files {
        let (a, b) = (
            std::fs::read_to_string(first.join(name)).unwrap(),
            std::fs::read_to_string(second.join(name)).unwrap(),
        );
        assert!(a == b, "{name:?} does not round-trip");
    }
    let claim_file = std::fs::read_to_string(first.join("no-article.toml")).unwrap();
    assert!(claim_file.contains("language = \"en-GB\""), "{claim_file}");
    let jsonl = std::fs::read_to_string(dir.join("1-out.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let typed = rows.iter().find(|r| r["source"] == "Jane Roe").unwrap();
    assert_eq!(typed["note"], "  kept as typed  ");
    assert_eq!(
        typed["evidence"],
        serde_json::json!(["https://example.org/a;b=1", "https://example.org/c"])
    );
    assert_eq!(
        (typed["reviewer"].as_str(), typed["reviewed_on"].as_str()),
        (Some("ana"), Some("2021-07-13"))
    );
    assert_eq!(
        (typed["status"].as_str(), typed["rating"].as_str()),
        (Some("refuted"), Some("Refuted"))
    );
    assert_eq!(
        (typed["source_job"].as_str(), typed["source_party"].as_str()),
        (Some("Senator"), Some("Independent"))
    );
    assert_eq!(typed["language"], "en-GB");
    // In effect on the review day, recorded today.
    let then = env.ok(&[
        "list",
        "--by",
        "Jane Roe",
        "--as-of",
        "2021-07-13",
        "--format",
        "csv",
    ]);
    assert!(then.contains(",refuted,"), "{then}");
    if real {
        let averitec = rows.iter().find(|r| r["rating"] == "Refuted").unwrap();
        assert_eq!(averitec["status"], "refuted");
        assert!(averitec["evidence"].as_array().unwrap().len() > 1, "{averitec}");
        assert_eq!(averitec["reviewer"], "AVeriTeC");
        let politifact = rows.iter().find(|r| r["reviewer"] == "politifact").unwrap();
        assert_eq!(politifact["reviewed_on"].as_str().unwrap().len(), 10);
        // Fact Check Tools' languageCode, kept through every format.
        let arabic = rows.iter().filter(|r| r["language"] == "ar").count();
        assert!(arabic > 1000, "{arabic} claims in Arabic");
        let claimreview = std::fs::read_to_string(dir.join("1-out.json")).unwrap();
        assert!(claimreview.contains(r#""inLanguage": "ar""#));
    }
}

/// The real Fact Check Tools results through ClaimReview: every review
/// keeps its own URL (the page a reader and a search engine follow), and
/// import → export → import changes nothing.
#[test]
fn fact_check_tools_reviews_keep_their_own_urls_through_claimreview() {
    let Some(dir) = shared("factcheck_api_arabic") else {
        eprintln!("skipped: ../shared/data/factcheck_api_arabic is not here (the real-data check needs it)");
        return;
    };
    let input = dir.join("claim_reviews.json");
    let env = Env::new();
    // Labels the status map does not know are warned about, not refused.
    assert_eq!(
        env.run(&["import", "--format", "claimreview", input.to_str().unwrap()])
            .code,
        0
    );
    let exported = env.dir.path().join("reviews.json");
    env.ok(&["export", "--format", "claimreview", exported.to_str().unwrap()]);
    let reviews: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    // What the input says: each claim's latest review's URL.
    let raw: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&input).unwrap()).unwrap();
    let items = raw
        .as_array()
        .cloned()
        .or_else(|| raw["claims"].as_array().cloned())
        .unwrap();
    let given: std::collections::HashSet<String> = items
        .iter()
        .flat_map(|c| c["claimReview"].as_array().cloned().unwrap_or_default())
        .filter_map(|r| r["url"].as_str().map(str::to_string))
        .collect();
    let kept = reviews
        .iter()
        .filter(|r| r["url"].as_str().is_some_and(|u| given.contains(u)))
        .count();
    let with_url = reviews
        .iter()
        .filter(|r| r["citation"].as_array().is_some_and(|c| !c.is_empty()))
        .count();
    eprintln!(
        "{kept} of {} exported reviews keep their own URL ({with_url} had one)",
        reviews.len()
    );
    assert!(kept > 1000, "{kept}");
    assert_eq!(kept, with_url, "a review with a URL on import lost it on export");
    let back = env.ok(&["import", "--format", "claimreview", exported.to_str().unwrap()]);
    assert!(back.starts_with("nothing changed"), "{back}");
    let copy = Env::new();
    copy.ok(&["import", "--format", "claimreview", exported.to_str().unwrap()]);
    let again = copy.ok(&["export", "--format", "claimreview"]);
    assert!(
        again == std::fs::read_to_string(&exported).unwrap(),
        "export → import → export differs"
    );
}
