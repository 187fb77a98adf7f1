//! How output behaves: into a closed pipe, on a terminal-less run, with
//! text that tries to steer the terminal.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use claimtrack::model::{SourceKind, Status};
use claimtrack::store::{NewClaim, NewEvent, Store};

use super::harness::{Env, block_on};

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let env = Env::new();
    // Far more than a pipe buffer holds, so that `claims` is still writing
    // when the reader goes away.
    block_on(async {
        let mut store = Store::open(&env.db).await.unwrap();
        store
            .write(async |s| {
                let source = s.add_source("Bulk", SourceKind::Group, None).await?;
                let claims: Vec<NewClaim> = (0..3000)
                    .map(|i| NewClaim {
                        origin: None,
                        language: None,
                        id: uuid::Uuid::now_v7(),
                        source_key: source.key,
                        article_key: None,
                        text: format!("claim number {i} with some words to make the line longer"),
                        quote: None,
                        said_on: None,
                        tags: vec![],
                        history: vec![NewEvent {
                            to: Status::Unverified,
                            rating: None,
                            note: None,
                            evidence: vec![],
                            actor: "t".into(),
                            at: "2020-01-01T00:00:00.000000Z".into(),
                            effective_on: None,
                        }],
                        anchor: None,
                    })
                    .collect();
                s.open_operation().await?;
                s.insert_claims(claims).await?;
                s.close_operation(claimtrack::store::NewOperation {
                    kind: "import",
                    actor: "test".into(),
                    ..Default::default()
                })
                .await
                .map(|_| ())
            })
            .await
            .unwrap();
    });
    for format in ["csv", "table", "json"] {
        let mut child = env
            .command(&["list", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader (and the pipe) is gone now, like `| head -1`.
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn hostile_text_is_shown_inert_in_tables_and_exact_in_json() {
    let env = Env::new();
    let hostile = "Fake\x1b[2J\x1b[31m RED\rOVERWRITE \u{202e}desrever";
    let id = env.ok(&[
        "add",
        "--by",
        "Agent\x1b]0;pwned\x07",
        "--new-source",
        "person",
        "--text",
        hostile,
    ]);
    let table = env.ok(&["list"]);
    assert!(
        !table.contains('\x1b') && !table.contains('\r') && !table.contains('\u{202e}'),
        "{table:?}"
    );
    assert!(table.contains("\\u{1b}[2J"), "{table}");
    let report = env.ok(&["report", "--format", "markdown"]);
    assert!(!report.contains('\x1b') && !report.contains('\x07'), "{report:?}");
    let shown = env.ok(&["show", id.trim()]);
    assert!(!shown.contains('\x1b'), "{shown:?}");
    // Scripts get the text exactly as it was given.
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["list", "--format", "json"])).unwrap();
    assert_eq!(json[0]["text"], hostile);
}

#[test]
fn text_round_trips_exactly_through_add_and_json() {
    let env = Env::new();
    let texts = [
        "Песков заявил, что «информация ЦРУ помогла»",
        "قال المتحدث إن المعلومات ساعدت",
        "Robert'); DROP TABLE claims;-- \"quoted\" 100% _under_",
        "e\u{301} combining, 🇺🇦 flags, 👩‍👩‍👧 families",
    ];
    for text in texts {
        env.ok(&[
            "add",
            "--by",
            "Multilingual",
            "--new-source",
            "media",
            "--text",
            text,
        ]);
    }
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["list", "--format", "json"])).unwrap();
    let mut got: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    got.sort();
    let mut want: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
    want.sort();
    assert_eq!(got, want);
    let searched = env.ok(&["list", "--search", "100%", "--format", "csv"]);
    assert_eq!(searched.lines().count(), 2, "{searched}");
}

#[test]
fn colour_only_on_a_terminal() {
    // Tests run with stdout piped: never colour, whatever NO_COLOR says.
    let env = Env::new();
    env.ok(&[
        "add",
        "--by",
        "A",
        "--new-source",
        "person",
        "--text",
        "x",
        "--status",
        "refuted",
    ]);
    let out = env.command(&["list"]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\x1b'));
    let plain = env.ok(&["list"]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn tables_fit_the_width_they_are_given() {
    let env = Env::new();
    let long = "word ".repeat(60);
    env.ok(&[
        "add",
        "--by",
        "Wordy",
        "--new-source",
        "person",
        "--text",
        long.trim(),
    ]);
    let out = env.command(&["list"]).env("COLUMNS", "80").output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "line wider than 80: {line}");
    }
    assert!(table.lines().count() > 5, "the long claim wraps: {table}");
    // A report with every status column still fits a narrow terminal.
    for status in ["disputed", "confirmed", "refuted", "unverifiable", "retracted"] {
        env.ok(&[
            "add",
            "--by",
            "A Source With A Long Name",
            "--new-source",
            "organization",
            "--text",
            status,
            "--status",
            status,
        ]);
    }
    for width in ["60", "80", "100"] {
        let out = env.command(&["report"]).env("COLUMNS", width).output().unwrap();
        let report = String::from_utf8(out.stdout).unwrap();
        let limit: usize = width.parse().unwrap();
        for line in report.lines() {
            assert!(
                line.chars().count() <= limit,
                "report line wider than {width}: {line}"
            );
        }
        assert!(report.lines().count() > 3, "{report}");
    }
}

/// At 80 columns (and at 200) the sample's report and list break no
/// header, date or status inside a word, and the claim keeps a readable
/// width; with every status column, the report switches to short names
/// and prints a key.
#[test]
fn at_80_columns_nothing_is_broken_inside_a_word() {
    let env = Env::with_sample();
    let run = |args: &[&str], width: &str| {
        let out = env.command(args).env("COLUMNS", width).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    for width in ["80", "200"] {
        let limit: usize = width.parse().unwrap();
        let report = run(&["report"], width);
        let list = run(&["list"], width);
        for table in [&report, &list] {
            assert!(table.lines().all(|l| l.chars().count() <= limit), "{table}");
        }
        // Every header word and every date appears whole.
        for word in [
            "Source",
            "Total",
            "Unverified",
            "Disputed",
            "Confirmed",
            "Unverifiable",
            "Latest",
        ] {
            assert!(report.contains(word), "{word} broken at {width}:\n{report}");
        }
        for word in [
            "2017-12-14",
            "2017-12-17",
            "Said",
            "Status",
            "Claim",
            "unverifiable",
        ] {
            assert!(list.contains(word), "{word} broken at {width}:\n{list}");
        }
        // The claim column: a line of the first claim has 30+ characters.
        let first = "A CIA tip-off about a terror plot";
        assert!(
            list.lines().any(|l| l.contains(&first[..30])),
            "the claim is squeezed at {width}:\n{list}"
        );
    }
    for status in ["refuted", "retracted"] {
        env.ok(&[
            "add",
            "--by",
            "FSB",
            "--text",
            &format!("a claim {status}"),
            "--status",
            status,
        ]);
    }
    let report = run(&["report"], "80");
    assert!(report.lines().all(|l| l.chars().count() <= 80), "{report}");
    assert!(
        report.contains("Unver unverified") && report.contains("Uncheck"),
        "{report}"
    );
    assert!(report.contains("2017-12-14"), "{report}");
}

/// Completions and man pages come from the same definitions as --help;
/// global options are apart from a command's own; a command people reach
/// for that claimtrack does not have says what to use instead.
#[test]
fn completions_man_pages_and_help_come_from_the_command_definitions() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = env.ok(&["completions", shell]);
        for command in ["withdraw", "verify", "report"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    assert!(env.ok(&["completions", "bash"]).contains("--as-known-on"));
    env.refused(&["completions", "tcsh"], 2);

    let page = env.ok(&["man"]);
    assert!(page.starts_with(".ie") && page.contains(".TH claims 1"), "{page}");
    let dir = env.dir.path().join("man1");
    std::fs::create_dir(&dir).unwrap();
    let out = env.ok(&["man", dir.to_str().unwrap()]);
    assert!(out.starts_with("wrote "), "{out}");
    let mark = std::fs::read_to_string(dir.join("claims-mark.1")).unwrap();
    assert!(
        mark.contains("\\-\\-on") && mark.contains("unverifiable"),
        "{mark}"
    );
    assert!(dir.join("claims-source-merge.1").exists());
    assert!(!env.db.exists(), "no database for help");

    let help = env.ok(&["mark", "--help"]);
    let (own, global) = help
        .split_once("Global options:")
        .expect("a heading for global options");
    assert!(own.contains("--rating") && !own.contains("--db"), "{help}");
    assert!(global.contains("--db") && global.contains("--no-pager"), "{help}");
    assert!(
        own.contains("retracted     the source itself withdrew it"),
        "{help}"
    );
    assert!(own.contains("--as <NAME>") && !own.contains("--format"), "{help}");
    assert!(help.contains("Examples:"), "{help}");

    // Each command lists only the values it takes: listings their ways of
    // printing, import and export their file formats; only commands that
    // change the record take --as.
    let list = env.ok(&["list", "--help"]);
    assert!(
        list.contains("markdown") && !list.contains("claimreview"),
        "{list}"
    );
    assert!(!list.contains("--as <NAME>"), "{list}");
    let import = env.ok(&["import", "--help"]);
    assert!(
        import.contains("liar") && !import.contains("markdown"),
        "{import}"
    );
    let export = env.ok(&["export", "--help"]);
    assert!(
        export.contains("claimreview") && !export.contains("liar"),
        "{export}"
    );
    assert!(!export.contains("--as <NAME>"), "{export}");
    for (args, value) in [
        (vec!["export", "--format", "liar", "-"], "liar"),
        (vec!["import", "--format", "markdown", "x.md"], "markdown"),
        (vec!["report", "--as", "alice"], "--as"),
    ] {
        let line = env.refused(&args, 2);
        assert!(line.contains(value), "{line}");
    }

    let line = env.refused(&["delete", "6267"], 2);
    assert!(line.contains("withdraw") && !line.contains("evaluate"), "{line}");
}
