//! Unit tests of claim-file parsing and writing.

use std::path::Path;

use super::*;

fn problems(text: &str) -> Vec<String> {
    parse(Path::new("f.toml"), text)
        .expect_err("the file must be refused")
        .iter()
        .map(|p| p.to_string())
        .collect()
}

const MINIMAL: &str = r#"
[article]
url = "https://example.org/a"
title = "A title"
published = 2017-12-18

[[sources]]
name = "Dmitry Peskov"
kind = "person"
aliases = ["Peskov"]
speaks_for = [{ organization = "Kremlin", role = "press secretary", since = 2012-05-22 }]

[[claims]]
key = "k1"
by = "Peskov"
text = "It helped save many lives."
said_on = "2017-12-18"
status = "disputed"
tags = ["terrorism"]
[[claims.history]]
status = "unverified"
at = 2017-12-18T12:00:00+03:00
[[claims.history]]
status = "disputed"
at = 2017-12-19T00:00:00Z
evidence = ["https://example.org/e"]

[[links]]
from = "k1"
relation = "supports"
to = "k1"
"#;

#[test]
fn a_complete_file_parses_into_checked_specs() {
    let file = parse(Path::new("f.toml"), MINIMAL).unwrap();
    let article = file.article.as_ref().unwrap();
    assert_eq!(article.published.unwrap().to_string(), "2017-12-18");
    assert_eq!(
        file.sources[0].speaks_for[0].since.unwrap().to_string(),
        "2012-05-22"
    );
    let claim = &file.claims[0];
    assert_eq!(claim.status, Some(Status::Disputed));
    assert_eq!(claim.said_on.unwrap().to_string(), "2017-12-18");
    assert_eq!(
        claim.history[0].at, "2017-12-18T09:00:00.000000Z",
        "offsets are converted to UTC"
    );
    assert_eq!(claim.history[1].evidence, vec!["https://example.org/e"]);
    assert_eq!((claim.by.1.line, claim.by.1.column), (15, 6));
    assert_eq!(
        claim.id,
        derived_id(
            Some("https://example.org/a"),
            "Peskov",
            "It helped save many lives."
        )
    );
}

#[test]
fn derived_ids_depend_on_article_source_and_text_only() {
    let a = derived_id(Some("https://e.org/1"), "Peskov", "Text");
    assert_eq!(a, derived_id(Some("https://e.org/1"), "  peskov ", " Text "));
    assert_ne!(a, derived_id(Some("https://e.org/2"), "Peskov", "Text"));
    assert_ne!(a, derived_id(Some("https://e.org/1"), "Putin", "Text"));
    assert_ne!(a, derived_id(None, "Peskov", "Text"));
    assert_eq!(a.get_version_num(), 5);
}

#[test]
fn every_problem_names_its_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "[[claims]]\nby = \"A\"\ntezt = \"x\"\n",
            "f.toml:3:1: unknown field 'tezt' (did you mean 'text'?)",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\nstatus = \"confirmd\"\n",
            "f.toml:4:10: unknown status 'confirmd'",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\nsaid_on = \"2017-02-30\"\n",
            "f.toml:4:11: invalid date '2017-02-30'",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\nsaid_on = \"2017-02-30\"\n",
            "f.toml:4:11:",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\nsaid_on = 2017-12-18T10:00:00Z\n",
            "f.toml:4:11: said_on must be a date",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"  \"\n",
            "f.toml:3:8: a claim's text cannot be empty",
        ),
        (
            "[[claims]]\nid = \"nope\"\nby = \"A\"\ntext = \"x\"\n",
            "f.toml:2:6: invalid claim id 'nope'",
        ),
        (
            "[[sources]]\nname = \"A\"\nkind = \"robot\"\n",
            "f.toml:3:8: unknown source kind 'robot'",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\ntags = [\"a;b\"]\n",
            "f.toml:4:9: 'a;b' is not a tag",
        ),
        (
            "[[links]]\nfrom = \"a\"\nrelation = \"hates\"\nto = \"b\"\n",
            "f.toml:3:12: unknown relation 'hates'",
        ),
        (
            "[[claims]]\nkey = \"a\"\nby = \"A\"\ntext = \"x\"\n[[claims]]\nkey = \"a\"\nby = \"A\"\ntext = \"y\"\n",
            "f.toml:6:7: duplicate key 'a' (first used at f.toml:2:7)",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\n[[claims.history]]\nstatus = \"refuted\"\nat = 2017-12-18\n",
            "f.toml:6:6: invalid time '2017-12-18'",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\n[[claims.history]]\nstatus = \"refuted\"\nat = 2017-12-18T10:00:00Z\n[[claims.history]]\nstatus = \"confirmed\"\nat = 2017-12-17T10:00:00Z\n",
            "f.toml:9:6: history entry at 2017-12-17T10:00:00.000000Z is earlier",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\n[[claims.history]]\nstatus = \"refuted\"\nat = 2017-12-18T10:00:00Z\non = 2017-12-19\n",
            "f.toml:7:6: on 2017-12-19 is after the entry's time",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\n[[claims.history]]\nstatus = \"refuted\"\nat = 2017-12-18T10:00:00Z\non = \"2017-02-30\"\n",
            "f.toml:7:6: invalid date '2017-02-30'",
        ),
        (
            "[[claims]]\nby = \"A\"\ntext = \"x\"\n[[claims.history]]\nstatus = \"refuted\"\nat = 2017-12-18T10:00:00Z\nnote = \"n\"\n[[claims.history]]\nstatus = \"refuted\"\nat = 2017-12-19T10:00:00Z\n",
            "f.toml:8:1: history entry at 2017-12-19T10:00:00.000000Z repeats status 'refuted' and records nothing new",
        ),
        (
            "[article]\nurl = \"not a url\"\ntitle = \"T\"\n",
            "f.toml:2:7: 'not a url' is not a URL",
        ),
        (
            "[article]\nurl = \"https://e.org/x\"\ntitle = \"T\"\nbody_file = \"missing.txt\"\n",
            "f.toml:4:13: cannot read body_file 'missing.txt'",
        ),
        ("[article\n", "f.toml:1:9:"),
        ("[[claims]]\nby = 3\ntext = \"x\"\n", "f.toml:2:6: invalid type"),
        (
            "[[claims]]\nby = \"A\"\nby = \"B\"\ntext = \"x\"\n",
            "f.toml:3:1: duplicate key",
        ),
    ];
    for (text, expected) in cases {
        let found = problems(text);
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "{text:?}\nexpected {expected:?}\ngot {found:?}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_allowed_and_positions_still_count_from_it() {
    let text = "\u{feff}[[claims]]\nby = \"A\"\ntext = \"x\"\nstatus = \"nope\"\n";
    let found = problems(text);
    assert!(found[0].starts_with("f.toml:4:10:"), "{found:?}");
    assert!(
        parse(
            Path::new("f.toml"),
            "\u{feff}[[claims]]\nby = \"A\"\ntext = \"x\"\n"
        )
        .is_ok()
    );
}

#[test]
fn quoted_strings_survive_a_toml_round_trip() {
    let hostile = [
        "plain",
        "quotes \" and \\ backslashes \\\"",
        "newline\nand\r\nCRLF and \t tab",
        "control \u{0} \u{1b}[31m \u{7f} \u{85}",
        "Песков «цитата» 👩‍👩‍👧 e\u{301} قال",
        "\"\"\" triple quotes \"\"\"\"",
        "ends with a quote\"",
        "",
    ];
    for text in hostile {
        let single = format!("v = {}\n", export::quoted(text));
        let value: toml::Table = toml::from_str(&single).unwrap_or_else(|e| panic!("{single:?}: {e}"));
        assert_eq!(value["v"].as_str().unwrap(), text, "{single:?}");
        let multi = format!("v = {}\n", export::multiline(text));
        let value: toml::Table = toml::from_str(&multi).unwrap_or_else(|e| panic!("{multi:?}: {e}"));
        assert_eq!(value["v"].as_str().unwrap(), text, "{multi:?}");
    }
}
