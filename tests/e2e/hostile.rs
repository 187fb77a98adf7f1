//! Hostile text: escape sequences, spreadsheet formulas, SQL and quote
//! characters, scripts of every direction, emoji and combining marks. Shown
//! inert, guarded in CSV, and returned byte for byte by every format.

use super::harness::Env;
use super::story::parse_csv;

/// Claim texts (and, by index, source names) no format may change.
const TEXTS: &[&str] = &[
    "Robert'); DROP TABLE claims;-- said \"it's fine\" \\ %_",
    "red \u{1b}[31mALERT\u{1b}[0m, a bell \u{7}, a backspace \u{8} and a \u{1b}]0;title\u{7} change",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "-2+3 percent, said the minister",
    "@SUM(A1:A9) and +1 more",
    "'quoted from the start",
    "Песков заявил: «это образцовый пример»",
    "قال المتحدث إن الخبر زائف تماماً",
    "family 👨‍👩‍👧 thumbs 👍🏽 flags 🇺🇦🇷🇺",
    "e\u{301}le\u{300}ve Z\u{351}\u{34b}a\u{36b}l\u{34c}g\u{35b}o",
    "line one\nline two\ttabbed",
];

const NAMES: &[&str] = &[
    "O'Brien \"the Source\"",
    "Evil \u{1b}[2J Corp",
    "=cmd|' /C calc'!A0",
    "-minus",
    "@handle",
    "'apostrophe",
    "Дмитрий Песков",
    "المتحدث الرسمي",
    "🤖 Bot",
    "Ze\u{301}phyr",
    "Tab\tName",
];

/// A database holding every hostile text as a claim of a hostile source,
/// in an article with a hostile title, each refuted so ClaimReview has it.
fn hostile_env() -> Env {
    let env = Env::new();
    env.ok(&[
        "article",
        "add",
        "https://example.org/hostile?q=1&x=<script>",
        "--title",
        "=1+1 \u{1b}[1mBold\u{1b}[0m «título»",
    ]);
    for (text, name) in TEXTS.iter().zip(NAMES) {
        // `--flag=value`: values may start with a hyphen.
        let (by, said, note) = (
            format!("--by={name}"),
            format!("--text={text}"),
            format!("--note={text}"),
        );
        let id = env.ok(&[
            "add",
            &by,
            "--new-source",
            "organization",
            &said,
            "--article",
            "https://example.org/hostile?q=1&x=<script>",
            "--tag",
            "hostile",
        ]);
        env.ok(&["refute", id.trim(), &note]);
    }
    env
}

/// (source, text, note) of every claim, as JSON shows them.
fn claims(env: &Env) -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["list", "--format", "json"])).unwrap();
    let mut claims: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let id = c["id"].as_str().unwrap();
            let shown: serde_json::Value =
                serde_json::from_str(&env.ok(&["show", id, "--format", "json"])).unwrap();
            let history = shown["history"].as_array().unwrap();
            let note = history.last().unwrap()["note"].as_str().unwrap_or("").to_string();
            (
                c["source"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
                note,
            )
        })
        .collect();
    claims.sort();
    claims
}

#[test]
fn hostile_text_is_stored_exactly_and_shown_inert() {
    let env = hostile_env();
    let stored = claims(&env);
    let mut expected: Vec<_> = TEXTS
        .iter()
        .zip(NAMES)
        .map(|(t, n)| (n.to_string(), t.to_string(), t.to_string()))
        .collect();
    expected.sort();
    assert_eq!(stored, expected);
    for args in [
        vec!["list"],
        vec!["report"],
        vec!["source", "list"],
        vec!["article", "list"],
    ] {
        let table = env.ok(&args);
        assert!(
            !table.contains('\u{1b}') && !table.contains('\u{7}') && !table.contains('\u{8}'),
            "{args:?} printed a control character raw"
        );
        assert!(table.contains("\\u{1b}"), "{args:?} should show escapes visibly");
    }
}

#[test]
fn listings_in_csv_guard_every_formula_cell() {
    let env = hostile_env();
    for args in [
        vec!["list", "--format", "csv"],
        vec!["report", "--format", "csv"],
        vec!["source", "list", "--format", "csv"],
    ] {
        for row in parse_csv(&env.ok(&args)) {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{args:?}: unguarded cell {cell:?}"
                );
            }
        }
    }
}

#[test]
fn hostile_text_round_trips_through_every_format() {
    let env = hostile_env();
    let expected = claims(&env);
    for (format, name) in [
        ("toml", "files"),
        ("csv", "claims.csv"),
        ("jsonl", "claims.jsonl"),
        ("claimreview", "reviews.json"),
    ] {
        let path = env.dir.path().join(name);
        let path = path.to_str().unwrap();
        env.ok(&["export", "--format", format, path]);
        if format == "csv" {
            for row in parse_csv(&std::fs::read_to_string(path).unwrap()) {
                for cell in row {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "unguarded {cell:?}"
                    );
                }
            }
        }
        let fresh = Env::new();
        fresh.ok(&["import", "--format", format, path]);
        let back = claims(&fresh);
        let texts = |claims: &[(String, String, String)]| -> Vec<(String, String)> {
            claims.iter().map(|(s, t, _)| (s.clone(), t.clone())).collect()
        };
        assert_eq!(
            texts(&back),
            texts(&expected),
            "{format} changed a source or a text"
        );
        assert_eq!(back, expected, "{format} changed a note");
    }
}
