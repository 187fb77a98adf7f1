//! Other people's formats end to end: LIAR TSV, ClaimReview JSON-LD and
//! Fact Check Tools results, CSV and JSON Lines; and, where `../shared`
//! holds it, the real LIAR data set checked against counts taken from the
//! TSV independently.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::harness::{Env, fingerprint};
use super::story::parse_csv;

/// LIAR rows written for these tests (not from the data set): 14 fields,
/// stray spaces as the real file has them.
const LIAR_ROWS: &str = "\
1.json\tfalse\tThe bridge cost twice what was budgeted.\ttransportation,budget\tjane-roe\tMayor\tOhio\tdemocrat\t0\t1\t0\t0\t0\ta town hall
2.json\ttrue\tUnemployment fell for six months in a row.\teconomy\tjane-roe\tMayor\tOhio\tdemocrat\t0\t1\t0\t0\t0\tan interview
3.json\tpants-fire\tThe new law bans all garden gnomes.\tcrime \tchain-email\t\t\tnone\t0\t0\t0\t0\t1\tan email
4.json\thalf-true\tThe city hired 300 new teachers.\teducation\tjane-roe\t Mayor \tOhio\tdemocrat\t0\t1\t0\t0\t0\ta debate
5.json\tbarely-true\tTaxes went up under my opponent.\ttaxes\tstate-democratic-party-ohio\t\tOhio\tdemocrat\t0\t0\t0\t0\t0\ta press release
";

fn write(env: &Env, name: &str, text: &str) -> PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `report --format csv` as source → (total, refuted, confirmed, disputed).
fn report(env: &Env) -> HashMap<String, (i64, i64, i64, i64)> {
    let rows = parse_csv(&env.ok(&["report", "--format", "csv"]));
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    rows[1..]
        .iter()
        .map(|r| {
            let n = |name: &str| r[col(name)].parse::<i64>().unwrap();
            (
                r[0].clone(),
                (n("total"), n("refuted"), n("confirmed"), n("disputed")),
            )
        })
        .collect()
}

#[test]
fn liar_rows_become_rated_claims_and_importing_again_changes_nothing() {
    let env = Env::new();
    let tsv = write(&env, "liar.tsv", LIAR_ROWS);
    let tsv = tsv.to_str().unwrap();
    let out = env.ok(&["import", "--format", "liar", tsv]);
    assert!(out.contains("claims 5 added"), "{out}");
    let counts = report(&env);
    assert_eq!(counts["Jane Roe"], (3, 1, 1, 1));
    assert_eq!(counts["Chain Email"], (1, 1, 0, 0));
    assert_eq!(counts["State Democratic Party Ohio"], (1, 1, 0, 0));
    let source = env.ok(&["source", "show", "jane-roe"]);
    for expected in ["Jane Roe", "person", "Mayor", "democrat", "Ohio"] {
        assert!(source.contains(expected), "{expected} in {source}");
    }
    assert!(env.ok(&["source", "show", "Chain Email"]).contains("group"));
    assert!(
        env.ok(&["source", "show", "State Democratic Party Ohio"])
            .contains("organization")
    );
    let shown = env.ok(&["list", "--search", "gnomes", "--format", "json"]);
    let claims: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(claims[0]["rating"], "pants-fire");
    assert_eq!(claims[0]["status"], "refuted");
    assert_eq!(claims[0]["origin"], "liar:3.json");
    assert_eq!(claims[0]["tags"], serde_json::json!(["crime"]));

    let before = fingerprint(&env.db);
    let again = env.ok(&["import", "--format", "liar", tsv]);
    assert!(again.starts_with("nothing changed"), "{again}");
    assert_eq!(fingerprint(&env.db), before);
}

#[test]
fn a_bad_row_fails_the_whole_import_unless_skipped() {
    let env = Env::new();
    env.ok(&["source", "add", "Someone", "--kind", "person"]);
    let bad = LIAR_ROWS.replace("2.json\ttrue", "2.json\tsorta-true");
    let tsv = write(&env, "bad.tsv", &bad);
    let tsv = tsv.to_str().unwrap();
    let line = env.refused(&["import", "--format", "liar", tsv], 2);
    assert!(
        line.contains("bad.tsv:2: row 2.json: unknown label 'sorta-true'"),
        "{line}"
    );

    let run = env.run(&["import", "--format", "liar", "--skip-bad", tsv]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("claims 4 added") && run.stdout.contains("skipped 1 bad rows"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("skipped ") && run.stderr.contains("bad.tsv:2:"),
        "{}",
        run.stderr
    );

    let map = write(&env, "map.toml", "\"sorta-true\" = \"disputed\"\n");
    env.ok(&[
        "import",
        "--format",
        "liar",
        "--status-map",
        map.to_str().unwrap(),
        tsv,
    ]);
    assert_eq!(report(&env)["Jane Roe"], (3, 1, 0, 2));
}

#[test]
fn a_bad_csv_row_is_named_by_line_and_nothing_is_written() {
    let env = Env::new();
    env.ok(&["source", "add", "Someone", "--kind", "person"]);
    let csv = write(
        &env,
        "claims.csv",
        "source,text,status,said_on\nAnn,Fine,refuted,2017-02-28\nBob,Also fine,refuted,2017-02-30\n",
    );
    let line = env.refused(&["import", csv.to_str().unwrap()], 2);
    assert!(
        line.contains("claims.csv:3: said_on:") && line.contains("2017-02-30"),
        "{line}"
    );
}

/// Imports the sample, exports `format`, imports that into an empty
/// database, exports again: the two exports must be the same bytes, and
/// importing the export back into the first database must change nothing.
fn round_trip(format: &str, name: &str) -> String {
    let first = Env::with_sample();
    let exported = first.dir.path().join(name);
    let exported = exported.to_str().unwrap();
    first.ok(&["export", "--format", format, exported]);
    let second = Env::new();
    second.ok(&["import", "--format", format, exported]);
    let again = second.ok(&["export", "--format", format]);
    let text = std::fs::read_to_string(exported).unwrap();
    assert_eq!(again, text, "{format} export → import → export differs");
    let back = first.ok(&["import", "--format", format, exported]);
    assert!(back.starts_with("nothing changed"), "{back}");
    text
}

#[test]
fn the_sample_round_trips_through_csv_and_json_lines() {
    let csv = round_trip("csv", "claims.csv");
    assert_eq!(parse_csv(&csv).len(), 41, "a header and the sample's 40 claims");
    let jsonl = round_trip("jsonl", "claims.jsonl");
    assert_eq!(jsonl.lines().count(), 40);
}

#[test]
fn claimreview_export_carries_the_fields_search_engines_read_and_round_trips() {
    let text = round_trip("claimreview", "reviews.json");
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    // The sample's claims with a verdict: every status but unverified.
    let sample = Env::with_sample();
    let listed = parse_csv(&sample.ok(&["list", "--format", "csv"]));
    let status = listed[0].iter().position(|h| h == "status").unwrap();
    let verdicts = listed[1..].iter().filter(|r| r[status] != "unverified").count();
    assert!(verdicts > 0);
    assert_eq!(reviews.len(), verdicts);
    for review in &reviews {
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        for field in ["claimReviewed", "datePublished", "url"] {
            assert!(review[field].is_string(), "{field} in {review}");
        }
        let item = &review["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        let author_type = item["author"]["@type"].as_str().unwrap();
        assert!(
            [
                "Person",
                "Organization",
                "GovernmentOrganization",
                "NewsMediaOrganization"
            ]
            .contains(&author_type)
        );
        assert!(item["author"]["name"].is_string());
        assert!(
            item["appearance"][0]["url"]
                .as_str()
                .unwrap()
                .starts_with("https://www.rferl.org/")
        );
        assert_eq!(item["firstAppearance"], item["appearance"][0]);
        let rating = &review["reviewRating"];
        assert_eq!(rating["bestRating"], 5);
        assert_eq!(rating["worstRating"], 1);
        assert!(rating["alternateName"].is_string());
        let expected = match rating["name"].as_str().unwrap() {
            "refuted" => Some(1),
            "disputed" => Some(3),
            "confirmed" => Some(5),
            _ => None,
        };
        assert_eq!(rating["ratingValue"].as_i64(), expected, "{rating}");
    }
}

#[test]
fn fact_check_results_keep_every_claim_and_arabic_text_exactly() {
    let env = Env::new();
    let results = r#"{"claims": [
  {"text": "صورة لانقطاع الكهرباء عن أوروبا 🔌 كلها", "claimant": "منشورات فيسبوك", "claimDate": "2025-04-28T19:23:46Z",
   "claimReview": [{"publisher": {"name": "مسبار", "site": "misbar.com"}, "url": "https://misbar.com/a", "title": "انقطاع جزئي",
     "reviewDate": "2025-04-29T08:00:00Z", "textualRating": "مضلل", "languageCode": "ar"}]},
  {"text": "A claim with no claimant", "claimReview": [{"publisher": {"site": "example.org"}, "url": "https://example.org/b",
     "reviewDate": "2025-01-02T00:00:00Z", "textualRating": "Mostly False"}]},
  {"text": "A claim with no claimant", "claimReview": [{"publisher": {"site": "example.org"}, "url": "https://example.org/b",
     "reviewDate": "2025-01-02T00:00:00Z", "textualRating": "Mostly False"}]}
]}"#;
    let file = write(&env, "results.json", results);
    let out = env.ok(&["import", "--format", "claimreview", file.to_str().unwrap()]);
    assert!(out.contains("claims 2 added, 0 updated, 1 unchanged"), "{out}");
    let rows: Vec<serde_json::Value> = env
        .ok(&["export", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["text"], "صورة لانقطاع الكهرباء عن أوروبا 🔌 كلها");
    assert_eq!(rows[0]["source"], "منشورات فيسبوك");
    assert_eq!(rows[0]["rating"], "مضلل");
    assert_eq!(rows[0]["status"], "refuted");
    assert_eq!(rows[0]["note"], "انقطاع جزئي");
    assert_eq!(rows[1]["source"], "unknown claimant");
    assert_eq!(rows[1]["status"], "refuted");
}

fn shared_liar() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/liar");
    dir.join("train.tsv").exists().then_some(dir)
}

/// The real LIAR data set: every split imported, then the report checked
/// against counts computed here from the TSV alone.
#[test]
fn real_liar_counts_match_the_tsv() {
    let Some(dir) = shared_liar() else {
        eprintln!("skipped: ../shared/data/liar is not here (the real-data check needs it)");
        return;
    };
    let files: Vec<PathBuf> = ["train.tsv", "valid.tsv", "test.tsv"]
        .iter()
        .map(|f| dir.join(f))
        .collect();
    let mut speakers: HashMap<String, i64> = HashMap::new();
    let mut labels: HashMap<String, i64> = HashMap::new();
    let mut rows = 0;
    for file in &files {
        for line in std::fs::read_to_string(file).unwrap().lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            *labels.entry(fields[1].trim().to_string()).or_default() += 1;
            *speakers.entry(fields[4].trim().to_string()).or_default() += 1;
            rows += 1;
        }
    }
    assert_eq!(rows, 12_836);
    let env = Env::new();
    let mut args = vec!["import", "--format", "liar"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = env.ok(&args);
    assert!(out.contains("claims 12836 added"), "{out}");

    let (top_slug, top_count) = speakers
        .iter()
        .max_by_key(|(slug, n)| (**n, std::cmp::Reverse(*slug)))
        .unwrap();
    let report = parse_csv(&env.ok(&["report", "--format", "csv"]));
    let total = report[0].iter().position(|h| h == "total").unwrap();
    assert_eq!(report[1][total], top_count.to_string());
    let top = env.ok(&["source", "show", top_slug]);
    assert!(
        top.starts_with(&report[1][0]),
        "the top speaker {top_slug} is {}",
        report[1][0]
    );
    let mut by_source: HashMap<String, i64> = HashMap::new();
    for row in &report[1..] {
        by_source.insert(row[0].clone(), row[total].parse().unwrap());
    }
    assert_eq!(by_source.values().sum::<i64>(), 12_836);

    let listed = parse_csv(&env.ok(&["list", "--format", "csv", "--limit", "20000"]));
    let rating = listed[0].iter().position(|h| h == "rating").unwrap();
    let mut found: HashMap<String, i64> = HashMap::new();
    for row in &listed[1..] {
        *found.entry(row[rating].clone()).or_default() += 1;
    }
    assert_eq!(found, labels);
    let again = env.ok(&args);
    assert!(again.starts_with("nothing changed"), "{again}");
}
