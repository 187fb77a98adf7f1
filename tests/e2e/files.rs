//! Claim files end to end: the sample, idempotent import, the export round
//! trip, history kept when a file changes a status, and malformed files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::harness::{Env, fingerprint, sample_dir};
use super::story::parse_csv;

fn sample_file() -> PathBuf {
    sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.toml")
}

/// Claims per source, counted from the sample with the toml crate alone:
/// `by` resolved through the declared names and aliases.
fn expected_counts() -> HashMap<String, i64> {
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(sample_file()).unwrap()).unwrap();
    let mut canonical: HashMap<String, String> = HashMap::new();
    for source in doc["sources"].as_array().unwrap() {
        let name = source["name"].as_str().unwrap().to_string();
        canonical.insert(name.to_lowercase(), name.clone());
        for alias in source
            .get("aliases")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            canonical.insert(alias.as_str().unwrap().to_lowercase(), name.clone());
        }
    }
    let mut counts = HashMap::new();
    for claim in doc["claims"].as_array().unwrap() {
        let by = claim["by"].as_str().unwrap().to_lowercase();
        *counts.entry(canonical[&by].clone()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn the_sample_imports_and_reports_every_source() {
    let env = Env::new();
    let out = env.ok(&["import", sample_dir().to_str().unwrap()]);
    assert!(out.starts_with("imported 1 file"), "{out}");
    let rows = parse_csv(&env.ok(&["report", "--format", "csv"]));
    let reported: HashMap<String, i64> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[2].parse().unwrap()))
        .collect();
    let expected = expected_counts();
    assert_eq!(reported, expected);
    for source in [
        "Dmitry Peskov",
        "Kremlin",
        "White House",
        "FSB",
        "Vladimir Putin",
        "Donald Trump",
        "U.S. intelligence agencies",
        "Washington",
        "Russian authorities",
        "St. Petersburg court press service",
        "Jon Huntsman",
        "RIA Novosti",
        "Yevgeny Yefimov",
    ] {
        assert!(reported.contains_key(source), "the sample lacks {source}");
    }

    // The contradictions the article reports are linked.
    let denial = env.ok(&["list", "--search", "not guilty", "--format", "csv"]);
    let id = &parse_csv(&denial)[1][0];
    let shown = env.ok(&["show", id]);
    assert!(
        shown.contains("denies") && shown.contains("Islamic State"),
        "{shown}"
    );
    let putin = env.ok(&["list", "--search", "did not interfere", "--format", "csv"]);
    let shown = env.ok(&["show", &parse_csv(&putin)[1][0]]);
    assert!(
        shown.contains("denies") && shown.contains("U.S. intelligence agencies"),
        "{shown}"
    );

    // Peskov speaks for the Kremlin: the roll-up says so.
    let rolled = parse_csv(&env.ok(&["report", "--rollup", "--format", "csv"]));
    let kremlin = rolled.iter().find(|r| r[0] == "Kremlin").unwrap();
    assert!(kremlin[11].contains("via Dmitry Peskov"), "{kremlin:?}");
    assert_eq!(
        kremlin[2].parse::<i64>().unwrap(),
        expected["Kremlin"] + expected["Dmitry Peskov"] + expected["Vladimir Putin"]
    );

    // Statuses as the article left them, from the history.
    let as_of = parse_csv(&env.ok(&["report", "--as-of", "2017-12-18", "--format", "csv"]));
    let total: i64 = as_of[1..].iter().map(|r| r[2].parse::<i64>().unwrap()).sum();
    assert_eq!(total, expected.values().sum::<i64>());
    // On the 14th, only the claims said by then: four, all unverified
    // (their verdicts took effect on the 18th).
    let early = parse_csv(&env.ok(&["list", "--as-of", "2017-12-14", "--format", "csv"]));
    assert_eq!(early.len() - 1, 4, "{early:?}");
    assert!(early[1..].iter().all(|r| r[5] == "unverified"), "{early:?}");
    assert_eq!(
        parse_csv(&env.ok(&["report", "--as-of", "2017-12-13", "--format", "csv"])).len(),
        1
    );
    // The database learnt all of it today, from the file.
    assert_eq!(
        parse_csv(&env.ok(&["report", "--as-known-on", "2017-12-18", "--format", "csv"])).len(),
        1
    );

    // Every quote anchors in the snapshot.
    let verify = env.ok(&["verify"]);
    let quotes = std::fs::read_to_string(sample_file())
        .unwrap()
        .matches("\nquote = ")
        .count();
    assert_eq!(
        verify.lines().next().unwrap(),
        format!("{quotes} quotes checked: {quotes} anchored, 0 moved, 0 orphaned")
    );
    let positions = parse_csv(&env.ok(&["verify", "--format", "csv"]));
    let body: Vec<char> =
        std::fs::read_to_string(sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.txt"))
            .unwrap()
            .chars()
            .collect();
    for row in &positions[1..] {
        let (start, end): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        let at: String = body[start..end].iter().collect();
        assert_eq!(at, row[5], "the stored position holds the quote");
    }
}

#[test]
fn importing_twice_changes_nothing() {
    let env = Env::new();
    env.ok(&["import", sample_dir().to_str().unwrap()]);
    let before = fingerprint(&env.db);
    let again = env.ok(&["import", sample_file().to_str().unwrap()]);
    assert!(again.starts_with("nothing changed"), "{again}");
    assert_eq!(fingerprint(&env.db), before);
}

#[test]
fn export_import_export_is_byte_identical() {
    let env = Env::new();
    env.ok(&["import", sample_dir().to_str().unwrap()]);
    // Hand-made changes too: a mark with evidence, a hand-logged claim without article.
    let id = &parse_csv(&env.ok(&["list", "--search", "Telegram", "--format", "csv"]))[1][0];
    env.ok(&[
        "refute",
        id,
        "--note",
        "court \"record\"\nsecond line",
        "--evidence",
        "https://e.org/1",
        "--rating",
        "False",
    ]);
    env.ok(&[
        "add",
        "--by",
        "Песков",
        "--new-source",
        "person",
        "--text",
        "Tab\there, quote \" and \\ backslash 🙂",
    ]);
    let first = env.dir.path().join("first");
    let second = env.dir.path().join("second");
    env.ok(&["export", first.to_str().unwrap()]);

    let other = Env::new();
    let imported = other.ok(&["import", first.to_str().unwrap()]);
    assert!(imported.contains("claims 41 added"), "{imported}");
    other.ok(&["export", second.to_str().unwrap()]);
    let names = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&first), names(&second));
    assert_eq!(names(&first).len(), 2);
    for name in names(&first) {
        let (a, b) = (
            std::fs::read(first.join(&name)).unwrap(),
            std::fs::read(second.join(&name)).unwrap(),
        );
        assert!(a == b, "{name} differs after a round trip");
    }
    // Nothing was lost: the history, the rating, links, aliases, speaks-for.
    let shown: serde_json::Value =
        serde_json::from_str(&other.ok(&["show", id, "--format", "json"])).unwrap();
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["note"], "court \"record\"\nsecond line");
    assert_eq!(history[1]["evidence"][0], "https://e.org/1");
    assert_eq!(shown["rating"], "False");
    assert_eq!(shown["source_detail"]["aliases"].as_array().unwrap().len(), 3);
    assert_eq!(fingerprint_without_times(&env), fingerprint_without_times(&other));
}

/// What both databases must agree on, leaving out when rows were created.
fn fingerprint_without_times(env: &Env) -> String {
    let mut parts = Vec::new();
    for args in [
        &["report", "--format", "csv", "--rollup"][..],
        &["source", "list", "--format", "csv"],
        &["verify", "--format", "csv"],
    ] {
        parts.push(env.ok(args));
    }
    parts.join("\n")
}

#[test]
fn a_status_changed_in_a_file_is_appended_to_the_history() {
    let env = Env::new();
    let dir = env.dir.path().join("edited");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(
        sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.txt"),
        dir.join("rferl-2017-12-18-peskov-cia-tip-off.txt"),
    )
    .unwrap();
    let original = std::fs::read_to_string(sample_file()).unwrap();
    std::fs::write(dir.join("a.toml"), &original).unwrap();
    env.ok(&["import", dir.to_str().unwrap()]);

    // A reviewer refutes the raid claim by editing the file.
    let marker = "key = \"fsb-raid-cache\"";
    let at = original.find(marker).unwrap();
    let status_at = at + original[at..].find("status = \"disputed\"").unwrap();
    let mut edited = original.clone();
    edited.replace_range(
        status_at..status_at + "status = \"disputed\"".len(),
        "status = \"refuted\"",
    );
    std::fs::write(dir.join("a.toml"), &edited).unwrap();
    let out = env.ok(&["import", dir.to_str().unwrap(), "--as", "reviewer"]);
    assert!(
        out.contains("claims 0 added, 1 updated") && out.contains("1 history events added"),
        "{out}"
    );

    let id = &parse_csv(&env.ok(&["list", "--search", "cache of weapons", "--format", "csv"]))[1][0];
    let shown: serde_json::Value = serde_json::from_str(&env.ok(&["show", id, "--format", "json"])).unwrap();
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 2, "the old entry stays; a new one is appended");
    assert_eq!(
        (
            history[0]["to"].as_str(),
            history[1]["from"].as_str(),
            history[1]["to"].as_str()
        ),
        (Some("disputed"), Some("disputed"), Some("refuted"))
    );
    assert_eq!(history[1]["actor"], "reviewer");
    assert!(history[1]["note"].as_str().unwrap().contains("a.toml"));
    // And once recorded, importing the same file again changes nothing.
    assert!(
        env.ok(&["import", dir.to_str().unwrap()])
            .starts_with("nothing changed")
    );
}

/// Writes `text` as a claim file in a fresh folder; returns its path.
fn write_file(env: &Env, name: &str, text: &[u8]) -> PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn malformed_files_are_refused_with_their_place_and_write_nothing() {
    let env = Env::new();
    env.ok(&["import", sample_dir().to_str().unwrap()]);
    let head = "[[sources]]\nname = \"A\"\nkind = \"person\"\n\n[[claims]]\nby = \"A\"\n";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("syntax.toml", b"[[claims]\nby = \"A\"\n".to_vec(), "syntax.toml:1:"),
        ("unknown-field.toml", format!("{head}tezt = \"x\"\n").into_bytes(), "unknown-field.toml:7:1: unknown field 'tezt' (did you mean 'text'?)"),
        ("status.toml", format!("{head}text = \"x\"\nstatus = \"confirmd\"\n").into_bytes(), "status.toml:8:10: unknown status 'confirmd'"),
        ("date.toml", format!("{head}text = \"x\"\nsaid_on = 2017-02-30\n").into_bytes(), "date.toml:8:11:"),
        ("date-text.toml", format!("{head}text = \"x\"\nsaid_on = \"2017-13-01\"\n").into_bytes(), "date-text.toml:8:11: invalid date '2017-13-01'"),
        ("dup.toml", format!("{head}id = \"01939c4e-0000-7000-8000-0000000000aa\"\ntext = \"x\"\n[[claims]]\nby = \"A\"\nid = \"01939c4e-0000-7000-8000-0000000000aa\"\ntext = \"y\"\n").into_bytes(), "dup.toml:11:6: duplicate claim id"),
        ("link.toml", format!("{head}key = \"k\"\ntext = \"x\"\n[[links]]\nfrom = \"nowhere\"\nrelation = \"denies\"\nto = \"k\"\n").into_bytes(), "link.toml:10:8: link to unknown claim 'nowhere'"),
        ("alias.toml", b"[[sources]]\nname = \"Somebody\"\nkind = \"person\"\naliases = [\"Peskov\"]\n".to_vec(), "alias.toml:4:12: alias 'Peskov' is already taken by source 'Dmitry Peskov'"),
        ("alias-two.toml", b"[[sources]]\nname = \"B1\"\nkind = \"person\"\naliases = [\"Bee\"]\n[[sources]]\nname = \"B2\"\nkind = \"person\"\naliases = [\"bee\"]\n".to_vec(), "alias-two.toml:8:12: alias 'bee' is claimed by both 'B1'"),
        ("undeclared.toml", b"[[claims]]\nby = \"Nobody Known\"\ntext = \"x\"\n".to_vec(), "undeclared.toml:2:6: source 'Nobody Known' is used but not declared"),
        ("org.toml", b"[[sources]]\nname = \"C\"\nkind = \"person\"\nspeaks_for = [{ organization = \"Ghost Org\" }]\n".to_vec(), "org.toml:4:32: source 'Ghost Org' is used but not declared"),
        ("latin1.toml", b"[[sources]]\nname = \"Caf\xe9\"\nkind = \"person\"\n".to_vec(), "latin1.toml:2:12: not UTF-8 text: invalid byte at offset 23"),
        ("orphan.toml", b"[article]\nurl = \"https://e.org/o\"\ntitle = \"T\"\nbody = \"The body says one thing.\"\n[[sources]]\nname = \"D\"\nkind = \"person\"\n[[claims]]\nby = \"D\"\ntext = \"x\"\nquote = \"something else entirely\"\n".to_vec(), "orphan.toml:11:9: quote 'something else entirely' is not in the article's snapshot"),
        ("empty-text.toml", format!("{head}text = \"\"\n").into_bytes(), "empty-text.toml:7:8: a claim's text cannot be empty"),
        ("wrong-type.toml", format!("{head}text = \"x\"\ntags = \"not-a-list\"\n").into_bytes(), "wrong-type.toml:8:8: invalid type"),
    ];
    for (name, text, expected) in &cases {
        let path = write_file(&env, name, text);
        let line = env.refused(&["import", path.to_str().unwrap()], 2);
        let expected = format!("claims: {}", env.dir.path().join(expected).display());
        assert!(
            line.starts_with(&expected),
            "{name}:\n expected {expected}\n got      {line}"
        );
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
fn one_bad_file_stops_the_whole_import() {
    let env = Env::new();
    let dir = env.dir.path().join("batch");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a-good.toml"),
        "[[sources]]\nname = \"Good\"\nkind = \"person\"\n[[claims]]\nby = \"Good\"\ntext = \"fine\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b-bad.toml"),
        "[[claims]]\nby = \"Good\"\ntext = \"fine too\"\nstatus = \"wrong\"\n",
    )
    .unwrap();
    env.refused(&["import", dir.to_str().unwrap()], 2);
    // Nothing of the good file either: a database was created, but is empty.
    assert_eq!(env.ok(&["list"]).trim(), "(none)");
    assert_eq!(env.ok(&["source", "list"]).trim(), "(none)");
}

#[test]
fn orphans_can_be_kept_and_are_then_listed_by_verify() {
    let env = Env::new();
    let path = write_file(&env, "orphan.toml", b"[article]\nurl = \"https://e.org/o\"\ntitle = \"T\"\nbody = \"The body says one thing.\"\n[[sources]]\nname = \"D\"\nkind = \"person\"\n[[claims]]\nby = \"D\"\ntext = \"x\"\nquote = \"something else\"\n[[claims]]\nby = \"D\"\ntext = \"y\"\nquote = \"says one\"\n");
    let run = env.run(&["import", path.to_str().unwrap(), "--allow-orphans"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning:") && run.stderr.contains("orphan.toml:11:9"),
        "{}",
        run.stderr
    );
    let verify = env.run(&["verify"]);
    assert_eq!(verify.code, 1, "an orphan fails verification");
    assert!(
        verify
            .stdout
            .starts_with("2 quotes checked: 1 anchored, 0 moved, 1 orphaned"),
        "{}",
        verify.stdout
    );
    assert!(verify.stdout.contains("something else"), "{}", verify.stdout);
    assert!(
        verify.stderr.contains("1 of 2 quotes do not anchor"),
        "{}",
        verify.stderr
    );
}

#[test]
fn exported_file_names_stay_inside_the_folder() {
    let env = Env::new();
    for (url, title) in [
        ("https://e.org/1", "../../etc/passwd"),
        ("https://e.org/2", "/absolute/Path"),
        ("https://e.org/3", "SAME title"),
        ("https://e.org/4", "same TITLE"),
        ("https://e.org/5", "Нет латиницы"),
        ("https://e.org/6", &"long ".repeat(100)),
    ] {
        env.ok(&[
            "article",
            "add",
            url,
            "--title",
            title,
            "--published",
            "2020-01-01",
        ]);
        env.ok(&[
            "add",
            "--by",
            "S",
            "--new-source",
            "person",
            "--text",
            &format!("claim in {url}"),
            "--article",
            url,
        ]);
    }
    // A NUL cannot come through the command line; it can through a file.
    let nul = env.dir.path().join("nul.jsonl");
    std::fs::write(
        &nul,
        r#"{"source": "S", "text": "claim in a NUL title", "article_url": "https://e.org/7", "article_title": "a\u0000b/../../..\\x", "article_published": "2020-01-01"}"#,
    )
    .unwrap();
    env.ok(&["import", nul.to_str().unwrap()]);
    let out = env.dir.path().join("out");
    let written = env.ok(&["export", out.to_str().unwrap()]);
    let mut lowercase = std::collections::HashSet::new();
    for line in written.lines() {
        let path = Path::new(line);
        assert_eq!(path.parent().unwrap(), out, "{line} escaped the folder");
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(name.len() <= 100 && !name.starts_with('.'), "{name}");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
            "{name}"
        );
        assert!(
            lowercase.insert(name.to_lowercase()),
            "{name} differs from another only in case"
        );
    }
    assert_eq!(written.lines().count(), 7);
    // And the export imports back whole.
    let other = Env::new();
    assert!(
        other
            .ok(&["import", out.to_str().unwrap()])
            .contains("claims 7 added")
    );
}
