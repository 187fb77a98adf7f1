//! Every bad input the tracker names gets one clear sentence on stderr
//! naming the offending value, exit 2, and leaves the database unchanged.

use uuid::Uuid;

use claimtrack::model::{SourceKind, Status};
use claimtrack::store::{NewClaim, NewEvent, Store};

use super::harness::{Env, block_on, fingerprint, seed};

#[test]
fn bad_values_are_named_and_nothing_is_written() {
    let env = Env::new();
    let (peskov, kremlin, _) = seed(&env);
    let cases: &[(&[&str], &str)] = &[
        (
            &["mark", &peskov, "confirmd"],
            "unknown status 'confirmd' (did you mean 'confirmed'?)",
        ),
        (&["list", "--status", "banana"], "unknown status 'banana'"),
        (
            &["add", "--by", "Peskov", "--text", "x", "--said-on", "2017-02-30"],
            "'2017-02-30'",
        ),
        (
            &["add", "--by", "Peskov", "--text", "x", "--said-on", "18/12/2017"],
            "'18/12/2017'",
        ),
        (&["report", "--as-of", "yesterday"], "'yesterday'"),
        (&["add", "--by", "Peskov", "--text", "   "], "--text"),
        (
            &["add", "--by", "Pesko", "--text", "x"],
            "unknown source 'Pesko'; did you mean 'Dmitry Peskov'?",
        ),
        (
            &["add", "--by", "White House", "--text", "x"],
            "unknown source 'White House'",
        ),
        (
            &[
                "add",
                "--by",
                "Peskov",
                "--text",
                "x",
                "--article",
                "https://nowhere.example/a",
            ],
            "'https://nowhere.example/a'",
        ),
        (
            &["add", "--by", "Peskov", "--text", "x", "--new-source", "robot"],
            "unknown source kind 'robot'",
        ),
        (&["add", "--by", "Peskov", "--text", "x", "--tag", "a;b"], "'a;b'"),
        (&["show", "ffff0000"], "no claim matches 'ffff0000'"),
        (&["show", "xyz"], "'xyz'"),
        (&["show", "abc"], "'abc'"),
        (&["mark", "0000", "refuted"], "no claim matches '0000'"),
        (&["mark", &peskov, "unverified"], "already unverified"),
        (
            &["mark", &peskov, "refuted", "--evidence", "not a url"],
            "'not a url'",
        ),
        (
            &["link", &peskov, "contradicts", &peskov],
            "cannot be linked to itself",
        ),
        (&["link", &peskov, "loves", &kremlin], "unknown relation 'loves'"),
        (
            &["source", "alias", "Kremlin", "peskov"],
            "alias 'peskov' is already taken by source 'Dmitry Peskov'",
        ),
        (
            &["source", "add", "KREMLIN", "--kind", "organization"],
            "source 'KREMLIN' already exists",
        ),
        (
            &["source", "add", "Peskov", "--kind", "person"],
            "'Peskov' is already an alias of source 'Dmitry Peskov'",
        ),
        (
            &["source", "add", "X", "--kind", "person", "--speaks-for", "Peskov"],
            "'Dmitry Peskov' is a person",
        ),
        (
            &[
                "source",
                "speaks-for",
                "Peskov",
                "Kremlin",
                "--since",
                "2020-01-01",
                "--until",
                "2019-01-01",
            ],
            "2020-01-01",
        ),
        (&["source", "show", "Nobody"], "unknown source 'Nobody'"),
        (&["article", "add", "not-a-url", "--title", "T"], "'not-a-url'"),
        (
            &["article", "add", super::harness::RFERL, "--title", "Again"],
            "is already logged as",
        ),
        (
            &["article", "show", "https://nowhere.example/b"],
            "'https://nowhere.example/b'",
        ),
        (
            &["list", "--since", "2018-01-01", "--until", "2017-01-01"],
            "--since 2018-01-01 is after --until 2017-01-01",
        ),
        (&["add", "--by", "Peskov"], "--text"),
        (&["frobnicate"], "'frobnicate'"),
    ];
    for (args, expected) in cases {
        let line = env.refused(args, 2);
        assert!(
            line.contains(expected),
            "claims {args:?}: expected {expected:?} in {line:?}"
        );
        assert!(line.starts_with("claims: "), "{line}");
    }
}

#[test]
fn a_duplicate_claim_is_refused_with_the_existing_id() {
    let env = Env::new();
    let (peskov, _, _) = seed(&env);
    let line = env.refused(
        &[
            "add",
            "--by",
            "Peskov",
            "--text",
            "A CIA tip-off helped save many lives in St. Petersburg",
            "--article",
            super::harness::RFERL,
            "--said-on",
            "2017-12-18",
        ],
        2,
    );
    assert!(line.contains(&peskov), "{line}");
}

#[test]
fn an_article_body_must_be_utf8_and_is_hashed() {
    let env = Env::new();
    let bad = env.dir.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 au lait").unwrap();
    let line = env.refused(
        &[
            "article",
            "add",
            "https://a.example/1",
            "--title",
            "T",
            "--body",
            bad.to_str().unwrap(),
        ],
        2,
    );
    assert!(line.contains("offset 3"), "{line}");
    let missing = env.refused(
        &[
            "article",
            "add",
            "https://a.example/1",
            "--title",
            "T",
            "--body",
            "/no/such/file",
        ],
        2,
    );
    assert!(missing.contains("/no/such/file"), "{missing}");

    let good = env.dir.path().join("body.txt");
    std::fs::write(&good, "Песков said so.\n").unwrap();
    env.ok(&[
        "article",
        "add",
        "https://a.example/1",
        "--title",
        "T",
        "--body",
        good.to_str().unwrap(),
    ]);
    let shown: serde_json::Value =
        serde_json::from_str(&env.ok(&["article", "show", "https://a.example/1", "--format", "json"]))
            .unwrap();
    // sha256 of the exact bytes, computed independently by the sha2 crate's test vector style:
    assert_eq!(shown["body_chars"], 16);
    assert_eq!(shown["body_sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    let env = Env::new();
    seed(&env);
    let first = Uuid::parse_str("01939c4e-0000-7000-8000-00000bad0001").unwrap();
    let second = Uuid::parse_str("01939c4e-0000-7000-8000-00000bad0002").unwrap();
    block_on(async {
        let mut store = Store::open(&env.db).await.unwrap();
        store
            .write(async |s| {
                let source = s.resolve_source("Kremlin").await?;
                let event = NewEvent {
                    to: Status::Unverified,
                    rating: None,
                    note: None,
                    evidence: vec![],
                    actor: "t".into(),
                    at: "2017-12-19T00:00:00.000000Z".into(),
                    effective_on: None,
                };
                let claim = |id, text: &str| NewClaim {
                    origin: None,
                    language: None,
                    id,
                    source_key: source.key,
                    article_key: None,
                    text: text.into(),
                    quote: None,
                    said_on: None,
                    tags: vec![],
                    history: vec![event.clone()],
                    anchor: None,
                };
                s.open_operation().await?;
                s.insert_claims(vec![claim(first, "one"), claim(second, "two")])
                    .await?;
                s.close_operation(claimtrack::store::NewOperation {
                    kind: "claim.create",
                    actor: "test".into(),
                    ..Default::default()
                })
                .await
                .map(|_| ())
            })
            .await
            .unwrap();
    });
    let line = env.refused(&["show", "0bad"], 2);
    assert!(
        line.contains("ambiguous") && line.contains(&first.to_string()) && line.contains(&second.to_string()),
        "{line}"
    );
    let line = env.refused(&["mark", "0BAD", "refuted"], 2);
    assert!(line.contains("ambiguous"), "{line}");
    assert!(env.ok(&["show", "0bad0002"]).contains("two"));
}

#[test]
fn the_database_itself_refuses_to_rewrite_history() {
    let env = Env::new();
    let (peskov, _, _) = seed(&env);
    env.ok(&["confirm", &peskov, "--note", "checked"]);
    let before = fingerprint(&env.db);
    block_on(async {
        use sqlx::Connection;
        // A plain SQLite connection, not claimtrack's code: the refusal is the database's.
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", env.db.display()))
            .await
            .unwrap();
        for sql in [
            "UPDATE status_events SET to_status = 'refuted'",
            "UPDATE status_events SET note = NULL",
            "DELETE FROM status_events",
            "DELETE FROM claims",
            "UPDATE claims SET status = 'refuted'",
        ] {
            let error = sqlx::query(sql)
                .execute(&mut conn)
                .await
                .expect_err(sql)
                .to_string();
            assert!(
                error.contains("append-only") || error.contains("only by appending"),
                "{sql}: {error}"
            );
        }
    });
    assert_eq!(fingerprint(&env.db), before);
}

#[test]
fn unusable_database_paths_are_refused() {
    let env = Env::new();
    // A regular file where a folder should be.
    let file = env.dir.path().join("plain.txt");
    std::fs::write(&file, "not a folder").unwrap();
    let under_file = file.join("sub").join("claims.db");
    let mut command = env.command(&["list", "--db", under_file.to_str().unwrap()]);
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(under_file.to_str().unwrap()) && stderr.lines().count() == 1,
        "{stderr}"
    );

    // A folder.
    let out = env
        .command(&["list", "--db", env.dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("it is a folder"));

    // A text file: refused and left as it was.
    let text = env.dir.path().join("notes.db");
    std::fs::write(&text, "these are my notes, not a database\n").unwrap();
    let out = env
        .command(&[
            "add",
            "--db",
            text.to_str().unwrap(),
            "--by",
            "x",
            "--new-source",
            "person",
            "--text",
            "y",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("is not a claimtrack database (it is not an SQLite file)"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "these are my notes, not a database\n"
    );
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let env = Env::new();
    let foreign = env.dir.path().join("other.sqlite");
    block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}?mode=rwc", foreign.display()))
            .await
            .unwrap();
        sqlx::query("CREATE TABLE recipes (name TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("INSERT INTO recipes VALUES ('borscht')")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    });
    let bytes = std::fs::read(&foreign).unwrap();
    let out = env
        .command(&["report", "--db", foreign.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("not a claimtrack database") && stderr.contains("other.sqlite"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&foreign).unwrap(),
        bytes,
        "the file must be left exactly as it was"
    );
}

#[test]
fn a_database_from_a_newer_schema_is_refused() {
    let env = Env::new();
    seed(&env);
    block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", env.db.display()))
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (99990101000000, 'from the future', 1, x'00', 0)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
    });
    let line = env.refused(&["list"], 2);
    assert!(
        line.contains("newer claimtrack") && line.contains("99990101000000"),
        "{line}"
    );
}

#[test]
fn a_source_created_by_a_failed_add_is_rolled_back() {
    let env = Env::new();
    seed(&env);
    // --new-source creates the source, then the article lookup fails: the
    // whole command is one transaction, so the source must not remain.
    env.refused(
        &[
            "add",
            "--by",
            "Vladimir Putin",
            "--new-source",
            "person",
            "--text",
            "x",
            "--article",
            "https://nowhere.example/c",
        ],
        2,
    );
    let line = env.refused(&["source", "show", "Vladimir Putin"], 2);
    assert!(line.contains("unknown source"), "{line}");
    let _ = SourceKind::Person;
}
