//! The bad-input corpus: every file under `tests/corpus/`, some generated
//! inputs (a 50 MB line), and bad command arguments. Each must be refused
//! with exit 2 and one clear message naming the value (and `file:line`
//! where there is one), and leave the database byte for byte as it was.

use std::path::{Path, PathBuf};

use super::harness::{Env, fingerprint};

/// Corpus file → what its message must say (after `file:line`, when the
/// place is given as `Some(line)`).
pub(super) const CORPUS: &[(&str, Option<usize>, &str)] = &[
    ("toml-truncated.toml", Some(11), "invalid basic string"),
    (
        "toml-unknown-field.toml",
        Some(11),
        "unknown field 'txt' (did you mean 'text'?)",
    ),
    ("toml-unknown-status.toml", Some(12), "unknown status 'sorta'"),
    ("toml-impossible-date.toml", Some(12), "2017-02-30"),
    ("toml-duplicate-key.toml", Some(12), "duplicate key"),
    ("toml-duplicate-id.toml", Some(15), "duplicate claim id"),
    (
        "toml-link-to-nothing.toml",
        Some(17),
        "link to unknown claim 'nowhere'",
    ),
    (
        "toml-alias-of-two.toml",
        Some(17),
        "alias 'the spokesman' is claimed by both",
    ),
    (
        "toml-undeclared-source.toml",
        Some(10),
        "source 'Nobody Known' is used but not declared",
    ),
    (
        "toml-wrong-type.toml",
        Some(12),
        "invalid type: string \"not-a-list\", expected a sequence",
    ),
    ("toml-invalid-utf8.toml", Some(11), "not UTF-8 text"),
    ("toml-empty.toml", Some(1), "the file is empty"),
    ("toml-bom-crlf.toml", Some(12), "unknown status 'sorta'"),
    ("toml-not-a-url.toml", Some(2), "'not a url' is not a URL"),
    ("toml-empty-text.toml", Some(11), "a claim's text cannot be empty"),
    (
        "toml-history-backwards.toml",
        Some(17),
        "is earlier than the one before it",
    ),
    ("csv-empty.csv", Some(1), "the file is empty"),
    (
        "csv-unknown-column.csv",
        Some(1),
        "unknown column 'staus' (column 3) (did you mean 'status'?)",
    ),
    ("csv-no-text-column.csv", Some(1), "no 'text' column"),
    ("csv-unknown-status.csv", Some(3), "unknown status 'sorta'"),
    ("csv-impossible-date.csv", Some(2), "invalid date '2017-02-30'"),
    (
        "csv-ragged-row.csv",
        Some(2),
        "the row has 5 fields but the header has 4",
    ),
    ("csv-invalid-utf8.csv", Some(2), "not UTF-8 text (field 2)"),
    ("csv-bom-crlf.csv", Some(3), "unknown status 'sorta'"),
    (
        "csv-unterminated-quote.csv",
        Some(2),
        "the row has 2 fields but the header has 4",
    ),
    ("csv-bad-id.csv", Some(2), "invalid claim id 'not-a-uuid'"),
    ("csv-bad-kind.csv", Some(2), "unknown source kind 'alien'"),
    ("csv-no-source.csv", Some(2), "the row has no source"),
    ("jsonl-empty.jsonl", Some(1), "the file is empty"),
    ("jsonl-blank-lines-only.jsonl", Some(1), "the file is empty"),
    ("jsonl-truncated.jsonl", Some(2), "EOF while parsing a string"),
    (
        "jsonl-wrong-type.jsonl",
        Some(1),
        "invalid type: integer `42`, expected a string",
    ),
    ("jsonl-unknown-field.jsonl", Some(1), "unknown field `colour`"),
    ("jsonl-not-an-object.jsonl", Some(1), "expected a JSON object"),
    (
        "jsonl-impossible-date.jsonl",
        Some(1),
        "invalid date '2017-02-30'",
    ),
    (
        "jsonl-invalid-utf8.jsonl",
        Some(1),
        "not UTF-8 text: invalid byte at offset 30",
    ),
    ("jsonl-duplicate-keys.jsonl", Some(1), "duplicate field `text`"),
    ("jsonl-bom-crlf.jsonl", Some(2), "unknown status 'sorta'"),
    ("liar-empty.tsv", Some(1), "the file is empty"),
    (
        "liar-wrong-field-count.tsv",
        Some(2),
        "expected 14 tab-separated fields",
    ),
    ("liar-unknown-label.tsv", Some(2), "unknown label 'sorta-true'"),
    ("liar-no-statement.tsv", Some(2), "row 2.json has no statement"),
    ("liar-invalid-utf8.tsv", Some(2), "not UTF-8 text"),
    ("liar-bad-subject.tsv", Some(2), "'a;b' is not a tag"),
    (
        "liar-crlf-unknown-label.tsv",
        Some(2),
        "unknown label 'sorta-true'",
    ),
    ("claimreview-empty.json", Some(1), "the file is empty"),
    ("claimreview-truncated.json", Some(3), "the JSON ends early"),
    ("claimreview-not-a-review.json", Some(1), "neither a ClaimReview"),
    ("claimreview-wrong-type.json", Some(2), "claimReviewed is empty"),
    (
        "claimreview-impossible-date.json",
        Some(2),
        "datePublished '2017-02-30' is not a date",
    ),
    (
        "claimreview-fact-check-no-text.json",
        Some(3),
        "the claim has no text",
    ),
    ("claimreview-not-json.json", Some(1), "not valid JSON"),
];

pub(super) fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// A database with the sample in it, checkpointed: its file holds
/// everything, so its bytes can be compared.
fn seeded() -> Env {
    Env::with_sample()
}

/// Runs a command that must be refused with exit 2 and a message that
/// contains `expected` (and starts with `place` when given); checks that
/// the database file did not change by a byte.
fn refused(env: &Env, args: &[&str], place: Option<&str>, expected: &str) {
    let bytes = std::fs::read(&env.db).unwrap();
    let contents = fingerprint(&env.db);
    let run = env.run(args);
    assert_eq!(run.code, 2, "{args:?}: exit {}; stderr: {}", run.code, run.stderr);
    assert_eq!(run.stdout, "", "{args:?} printed on stdout");
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("claims: "), "{args:?}: {first}");
    if let Some(place) = place {
        assert!(
            first.starts_with(&format!("claims: {place}")),
            "{args:?}: expected {place} in {first}"
        );
    }
    assert!(
        first.contains(expected),
        "{args:?}: expected {expected:?} in {first}"
    );
    assert!(run.stderr.lines().count() <= 2, "{args:?}: {}", run.stderr);
    assert_eq!(fingerprint(&env.db), contents, "{args:?} changed the database");
    assert!(
        std::fs::read(&env.db).unwrap() == bytes,
        "{args:?} changed the database file's bytes"
    );
}

pub(super) fn format_of(name: &str) -> &'static str {
    match name.split('-').next().unwrap() {
        "toml" => "toml",
        "csv" => "csv",
        "jsonl" => "jsonl",
        "liar" => "liar",
        _ => "claimreview",
    }
}

#[test]
fn every_file_of_the_corpus_is_refused_cleanly() {
    let files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_str().unwrap().to_string())
        .collect();
    for (name, _, _) in CORPUS {
        assert!(
            files.contains(&name.to_string()),
            "{name} is missing from tests/corpus"
        );
    }
    assert_eq!(files.len(), CORPUS.len(), "every corpus file has an expectation");
    let env = seeded();
    for (name, line, expected) in CORPUS {
        let path = corpus_dir().join(name);
        let path = path.to_str().unwrap();
        let place = line.map(|l| format!("{path}:{l}:"));
        refused(
            &env,
            &["import", "--format", format_of(name), path],
            place.as_deref(),
            expected,
        );
    }
}

#[test]
fn a_fifty_megabyte_line_is_refused_without_reading_it_whole() {
    let env = seeded();
    let huge = "x".repeat(50 << 20);
    for (name, text) in [
        (
            "huge.jsonl",
            format!("{{\"source\": \"Ann\", \"text\": \"{huge}\"}}\n"),
        ),
        (
            "huge.tsv",
            format!("1.json\tfalse\t{huge}\tx\tann\t\t\t\t0\t0\t0\t0\t0\tx\n"),
        ),
        ("huge.csv", format!("source,text\nAnn,{huge}\n")),
    ] {
        let path = env.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let path = path.to_str().unwrap();
        let line = if name.ends_with("csv") { 2 } else { 1 };
        refused(
            &env,
            &["import", "--format", format_of_extension(name), path],
            Some(&format!("{path}:{line}:")),
            "the line is longer than 1 MiB",
        );
    }
}

fn format_of_extension(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap() {
        "jsonl" => "jsonl",
        "tsv" => "liar",
        _ => "csv",
    }
}

#[test]
fn bad_command_arguments_are_refused_cleanly() {
    let env = seeded();
    let id = super::harness::scalar(&env.db, "SELECT lower(hex(uuid)) FROM claims ORDER BY id LIMIT 1");
    let short = id[24..].to_string();
    let bad_map = env.dir.path().join("map.toml");
    std::fs::write(&bad_map, "\"meh\" = \"sort-of\"\n").unwrap();
    let liar = corpus_dir().join("liar-unknown-label.tsv");
    let docx = env.dir.path().join("notes.docx");
    std::fs::write(&docx, "not a claim file").unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["mark", &short, "sort-of"], "unknown status 'sort-of'"),
        (vec!["add", "--by", "Kremlin", "--text", "   "], "--text"),
        (
            vec!["add", "--by", "Nobody At All", "--text", "x"],
            "Nobody At All",
        ),
        (vec!["list", "--since", "2017-02-30"], "2017-02-30"),
        (vec!["show", "zzzz"], "zzzz"),
        (
            vec!["import", "--format", "table", "x.csv"],
            "invalid value 'table' for '--format <FORMAT>' [possible values: toml, csv, jsonl, liar, claimreview] (see 'claims import --help')",
        ),
        (
            vec!["export", "--format", "liar", "out.tsv"],
            "invalid value 'liar' for '--format <FORMAT>'",
        ),
        (
            vec![
                "import",
                "--status-map",
                bad_map.to_str().unwrap(),
                liar.to_str().unwrap(),
            ],
            "unknown status 'sort-of'",
        ),
        (vec!["import", "no-such-file.csv"], "no-such-file.csv"),
        (vec!["import", docx.to_str().unwrap()], "cannot tell the format"),
        (vec!["link", &short, "likes", &short], "likes"),
        (
            vec!["list", "--format", "liar"],
            "invalid value 'liar' for '--format <FORMAT>'",
        ),
    ];
    for (args, expected) in cases {
        refused(&env, &args, None, expected);
    }
}
