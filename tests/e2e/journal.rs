//! The journal and corrections (issue 11): every change is an operation
//! with its old and new values; `verify` checks the whole database against
//! the journal and names what was tampered with.

use claimtrack::journal::{GENESIS, Operation};
use sqlx::Row;

use super::harness::{Env, block_on, scalar, tamper};

/// A claim of the sample by its speaker and the start of its text.
fn claim_id(env: &Env, by: &str, starts: &str) -> String {
    let csv = env.ok(&["list", "--by", by, "--format", "csv", "--include-withdrawn"]);
    let line = csv
        .lines()
        .skip(1)
        .find(|l| l.contains(starts))
        .unwrap_or_else(|| panic!("no claim of {by} starting {starts}: {csv}"));
    line.split(',').next().unwrap().to_string()
}

/// The journal's head hash, as `verify` prints it.
fn head(env: &Env) -> String {
    let out = env.ok(&["verify"]);
    let line = out
        .lines()
        .find(|l| l.starts_with("journal head:"))
        .expect("verify prints the journal head");
    line.rsplit(' ').next().unwrap().to_string()
}

/// `verify` must fail (exit 1) and say `expected` on a FAILED line.
fn verify_fails(env: &Env, args: &[&str], expected: &str) {
    let mut all = vec!["verify"];
    all.extend_from_slice(args);
    let run = env.run(&all);
    assert_eq!(run.code, 1, "verify passed after tampering:\n{}", run.stdout);
    let failed: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("FAILED")).collect();
    assert!(
        failed.iter().any(|l| l.contains(expected)),
        "expected a FAILED line with {expected:?}, got {failed:?}"
    );
    assert!(run.stderr.starts_with("claims: "), "{}", run.stderr);
    // For scripts, the same break fails the command, named on stderr.
    for format in ["json", "csv"] {
        let mut scripted = all.clone();
        scripted.extend(["--format", format]);
        let run = env.run(&scripted);
        assert_eq!(run.code, 1, "verify --format {format} passed after tampering");
        assert!(run.stderr.contains(expected), "{}", run.stderr);
    }
}

#[test]
fn corrections_are_operations_and_the_record_stays_whole() {
    let env = Env::with_sample();
    let id = claim_id(&env, "Dmitry Peskov", "A CIA tip-off");
    let short = &id[id.len() - 8..];
    env.ok(&["refute", short, "--note", "checked", "--rating", "False"]);

    // A claim with a verdict changes only with a reason.
    let line = env.refused(&["edit", short, "--text", "A tip-off saved lives."], 2);
    assert!(line.contains("--note"), "{line}");
    let out = env.ok(&[
        "edit",
        short,
        "--text",
        "A tip-off saved lives.",
        "--tag",
        "cia",
        "--note",
        "shorter wording",
    ]);
    assert!(
        out.contains("edited") && out.contains("text") && out.contains("tags"),
        "{out}"
    );
    let line = env.refused(
        &[
            "edit",
            short,
            "--text",
            "A tip-off saved lives.",
            "--note",
            "again",
        ],
        2,
    );
    assert!(line.contains("nothing to change"), "{line}");
    let shown = env.ok(&["show", short, "--format", "json"]);
    assert!(shown.contains("A tip-off saved lives."), "{shown}");
    assert!(shown.contains("\"refuted\""), "the verdict stays: {shown}");
    assert!(
        shown.contains("\"claim.edit\""),
        "show carries the claim's changes: {shown}"
    );
    let table = env.ok(&["show", short]);
    assert!(
        table.contains("Corrections") && table.contains("shorter wording"),
        "{table}"
    );

    // Withdrawn: out of lists, reports and exports, back when reinstated.
    let listed = |env: &Env| env.ok(&["list", "--format", "csv"]).lines().count() - 1;
    let peskov_total = |env: &Env| {
        let report = env.ok(&["report", "--format", "csv"]);
        let row = report
            .lines()
            .find(|l| l.starts_with("Dmitry Peskov,"))
            .unwrap()
            .to_string();
        row.split(',').nth(2).unwrap().parse::<i64>().unwrap()
    };
    let before = listed(&env);
    let total = peskov_total(&env);
    env.refused(&["withdraw", short], 2);
    env.ok(&["withdraw", short, "--note", "logged twice"]);
    assert_eq!(listed(&env), before - 1);
    let all = env.ok(&["list", "--format", "csv", "--include-withdrawn"]);
    assert!(all.contains(&id));
    assert_eq!(peskov_total(&env), total - 1);
    let exported = env.ok(&["export", "--format", "jsonl", "-"]);
    assert!(!exported.contains(&id), "a withdrawn claim is not exported");
    env.refused(&["withdraw", short, "--note", "again"], 2);
    env.ok(&["reinstate", short]);
    assert_eq!(listed(&env), before);
    assert_eq!(peskov_total(&env), total);

    // A source renamed keeps its old name as an alias.
    env.ok(&[
        "source",
        "rename",
        "FSB",
        "Federal Security Service",
        "--note",
        "full name",
    ]);
    let by_old = env.ok(&["list", "--by", "FSB", "--format", "csv"]);
    let by_new = env.ok(&["list", "--by", "Federal Security Service", "--format", "csv"]);
    assert_eq!(by_old, by_new);
    assert!(by_new.lines().count() > 1);

    // A link removed, and a link that is not there refused.
    let links = scalar(&env.db, "SELECT count(*) FROM claim_links");
    let (from, relation, to): (String, String, String) = block_on(async {
        let url = format!("sqlite://{}?mode=ro", env.db.display());
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
            .await
            .unwrap();
        let row = sqlx::query(
            "SELECT f.short_id, l.relation, t.short_id FROM claim_links l
             JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim LIMIT 1",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap();
        (row.get(0), row.get(1), row.get(2))
    });
    env.ok(&["unlink", &from, &relation, &to, "--note", "not related"]);
    assert_eq!(
        scalar(&env.db, "SELECT count(*) FROM claim_links"),
        (links.parse::<i64>().unwrap() - 1).to_string()
    );
    env.refused(&["unlink", &from, &relation, &to], 2);

    // The log tells the claim's whole story, in order, with the reasons.
    let log = env.ok(&["log", short, "--format", "csv"]);
    let kinds: Vec<&str> = log
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(3).unwrap())
        .filter(|k| !k.starts_with("link."))
        .collect();
    assert_eq!(
        kinds,
        [
            "import",
            "claim.mark",
            "claim.edit",
            "claim.withdraw",
            "claim.reinstate"
        ],
        "{log}"
    );
    assert!(
        log.contains("shorter wording") && log.contains("logged twice"),
        "{log}"
    );
    let json = env.ok(&["log", "--source", "Federal Security Service", "--format", "json"]);
    assert!(
        json.contains("source.rename") && json.contains("\"FSB\""),
        "{json}"
    );

    // Everything checks out, and today's journal extends any earlier head.
    let earlier = head(&env);
    env.ok(&["dispute", short, "--note", "new evidence"]);
    let out = env.ok(&["verify", "--extends", &earlier]);
    assert!(out.contains("ok      the journal extends"), "{out}");
    assert!(!out.contains("FAILED"), "{out}");
}

#[test]
fn verify_names_each_kind_of_tampering() {
    // An event rewritten past the triggers.
    let env = Env::with_sample();
    env.ok(&["verify"]);
    tamper(
        &env.db,
        "DROP TRIGGER status_events_no_update;
         UPDATE status_events SET note = 'rewritten' WHERE id = 3;",
    )
    .unwrap();
    verify_fails(&env, &[], "triggers present");
    verify_fails(&env, &[], "not the ones it recorded");

    // A verdict backdated past the triggers, which are put back: the
    // effective day is part of what its operation recorded.
    let env = Env::with_sample();
    tamper_around(
        &env,
        "status_events_no_update",
        "UPDATE status_events SET effective_on = '2017-12-01' WHERE id = 3;",
    );
    verify_fails(&env, &[], "not the ones it recorded");

    // A trigger dropped and put back around an edit of a claim's words.
    let env = Env::with_sample();
    tamper_around(
        &env,
        "claims_change_follows_journal",
        "UPDATE claims SET text = 'Words nobody said.' WHERE id = 5;",
    );
    verify_fails(&env, &[], "every claim is what the journal recorded");

    // The same around a claim's language.
    let env = Env::with_sample();
    tamper_around(
        &env,
        "claims_language_follows_journal",
        "UPDATE claims SET language = 'fr' WHERE id = 5;",
    );
    verify_fails(&env, &[], "every claim is what the journal recorded");

    // A claim inserted without history, its guard dropped and put back.
    let env = Env::with_sample();
    tamper_around(
        &env,
        "claims_insert_follows_history",
        "INSERT INTO claims (uuid, source_id, text, status, created_at, updated_at) VALUES (randomblob(16), 1, 'No history at all.', 'refuted', 'x', 'x');",
    );
    verify_fails(&env, &[], "has history");

    // The whole chain recomputed after an edit: only a head noted earlier
    // shows it.
    let env = Env::with_sample();
    let id = claim_id(&env, "Dmitry Peskov", "A CIA tip-off");
    env.ok(&["edit", &id, "--text", "Honest words.", "--note", "typo"]);
    let noted = head(&env);
    recompute_chain_after(
        &env,
        "UPDATE operations SET note = 'no reason' WHERE kind = 'claim.edit'",
    );
    env.ok(&["verify"]);
    verify_fails(&env, &["--extends", &noted], "does not extend");
}

/// Runs `sql` with trigger `trigger` dropped, then puts the trigger back
/// from its own stored SQL: a rewrite the guards would refuse, with the
/// guards whole again afterwards.
fn tamper_around(env: &Env, trigger: &str, sql: &str) {
    let create: String = scalar(
        &env.db,
        &format!("SELECT sql FROM sqlite_schema WHERE name = '{trigger}'"),
    );
    tamper(&env.db, &format!("DROP TRIGGER {trigger}; {sql} {create};")).unwrap();
}

/// Rewrites the journal with `sql` (its triggers dropped and put back) and
/// recomputes every hash, as a forger with `sqlite3` and this library would.
fn recompute_chain_after(env: &Env, sql: &str) {
    let guards: Vec<String> = ["operations_no_update", "operations_no_delete"]
        .iter()
        .map(|name| {
            scalar(
                &env.db,
                &format!("SELECT sql FROM sqlite_schema WHERE name = '{name}'"),
            )
        })
        .collect();
    tamper(
        &env.db,
        &format!("DROP TRIGGER operations_no_update; DROP TRIGGER operations_no_delete; {sql};"),
    )
    .unwrap();
    let operations: Vec<Operation> = block_on(async {
        let url = format!("sqlite://{}?mode=ro", env.db.display());
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
            .await
            .unwrap();
        let rows = sqlx::query(
            "SELECT id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes FROM operations ORDER BY id",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap();
        rows.iter()
            .map(|r| {
                let json = |i: usize| {
                    r.get::<Option<String>, _>(i)
                        .map(|t| serde_json::from_str(&t).unwrap())
                };
                Operation {
                    id: r.get(0),
                    kind: r.get(1),
                    claim_key: r.get(2),
                    source_key: r.get(3),
                    article_key: r.get(4),
                    old: json(5),
                    new: json(6),
                    note: r.get(7),
                    actor: r.get(8),
                    at: r.get(9),
                    undoes: r.get(10),
                    hash: String::new(),
                }
            })
            .collect()
    });
    let mut previous = GENESIS.to_string();
    let mut updates = String::new();
    for operation in &operations {
        let hash = operation.chained_hash(&previous);
        updates.push_str(&format!(
            "UPDATE operations SET hash = '{hash}' WHERE id = {};\n",
            operation.id
        ));
        previous = hash;
    }
    tamper(&env.db, &format!("{updates}{};{};", guards[0], guards[1])).unwrap();
}

#[test]
fn undo_appends_the_inverse_and_never_deletes() {
    let env = Env::with_sample();
    let id = claim_id(&env, "FSB", "");
    let short = &id[id.len() - 8..];
    let status = |env: &Env| {
        let json = env.ok(&["show", short, "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        (
            value["status"].as_str().unwrap().to_string(),
            value["text"].as_str().unwrap().to_string(),
        )
    };
    let (status_before, text_before) = status(&env);
    let operations = |env: &Env| scalar(&env.db, "SELECT count(*) FROM operations");

    env.ok(&["edit", short, "--text", "Reworded by mistake.", "--note", "oops"]);
    let out = env.ok(&["undo"]);
    assert!(out.contains("claim.edit") && out.contains("undone"), "{out}");
    assert_eq!(status(&env).1, text_before);

    env.ok(&["withdraw", short, "--note", "wrong claim"]);
    env.ok(&["undo"]);
    assert!(
        env.ok(&["list", "--format", "csv"]).contains(&id),
        "undoing a withdrawal reinstates"
    );

    env.ok(&["mark", short, "confirmed", "--note", "too quick"]);
    let events = scalar(&env.db, "SELECT count(*) FROM status_events");
    env.ok(&["undo"]);
    assert_eq!(status(&env).0, status_before);
    assert_eq!(
        scalar(&env.db, "SELECT count(*) FROM status_events"),
        (events.parse::<i64>().unwrap() + 1).to_string(),
        "undoing a verdict appends an event; the verdict stays in the history"
    );

    // Each undo names what it undid; nothing can be undone twice, and an
    // import is not undone this way.
    let undone: String = scalar(&env.db, "SELECT max(undoes) FROM operations");
    let before = operations(&env);
    let line = env.refused(&["undo", &undone], 2);
    assert!(line.contains("already undone"), "{line}");
    let import: String = scalar(&env.db, "SELECT min(id) FROM operations WHERE kind = 'import'");
    let line = env.refused(&["undo", &import], 2);
    assert!(line.contains("cannot be undone"), "{line}");
    assert_eq!(operations(&env), before);
    let log = env.ok(&["log", short, "--format", "csv"]);
    assert_eq!(
        log.lines().filter(|l| l.contains("undo of operation")).count(),
        3,
        "{log}"
    );
    env.ok(&["verify"]);
}

#[test]
fn several_claims_are_marked_or_withdrawn_in_one_transaction() {
    let env = Env::with_sample();
    let first = claim_id(&env, "FSB", "");
    let second = claim_id(&env, "White House", "");
    let out = env.ok(&["refute", &first, &second, "--note", "both false"]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().all(|l| l.ends_with("-> refuted")), "{out}");

    // One unknown id in the file: nothing is marked, and the line is named.
    let list = env.dir.path().join("ids.txt");
    std::fs::write(&list, format!("# to dispute\n{first}\n\nffffffff\n")).unwrap();
    let line = env.refused(
        &["dispute", "--ids-from", list.to_str().unwrap(), "--note", "n"],
        2,
    );
    assert!(line.contains("ids.txt:4") && line.contains("ffffffff"), "{line}");

    std::fs::write(&list, format!("{first}\n{second}\n")).unwrap();
    let out = env.ok(&[
        "withdraw",
        "--ids-from",
        list.to_str().unwrap(),
        "--note",
        "duplicates",
    ]);
    assert_eq!(out.lines().count(), 2, "{out}");
    let listed = env.ok(&["list", "--format", "csv"]);
    assert!(!listed.contains(&first) && !listed.contains(&second));
    env.ok(&["verify"]);
}

#[test]
fn a_duplicate_source_merges_and_a_junk_source_goes() {
    let env = Env::with_sample();
    let before = env
        .ok(&["list", "--by", "Dmitry Peskov", "--format", "csv"])
        .lines()
        .count();
    env.ok(&[
        "add",
        "--by",
        "D. Peskov",
        "--new-source",
        "person",
        "--text",
        "Cooperation helped.",
    ]);
    env.ok(&["source", "add", "Wembley", "--kind", "group"]);
    let line = env.refused(&["source", "remove", "D. Peskov"], 2);
    assert!(line.contains("merge"), "{line}");

    let out = env.ok(&[
        "source",
        "merge",
        "D. Peskov",
        "into",
        "Dmitry Peskov",
        "--note",
        "same person",
    ]);
    assert!(out.contains("merged"), "{out}");
    let after = env.ok(&["list", "--by", "Dmitry Peskov", "--format", "csv"]);
    assert_eq!(after.lines().count(), before + 1);
    assert!(after.contains("Cooperation helped."));
    // The duplicate's name now finds the source it was merged into.
    assert_eq!(env.ok(&["list", "--by", "D. Peskov", "--format", "csv"]), after);

    env.ok(&["source", "remove", "Wembley", "--note", "a place, not a speaker"]);
    let line = env.refused(&["source", "show", "Wembley"], 2);
    assert!(line.contains("Wembley"), "{line}");
    let log = env.ok(&["log", "--format", "csv"]);
    assert!(
        log.contains("source.merge") && log.contains("source.remove"),
        "{log}"
    );
    // The moved claim's new speaker follows from the journal.
    env.ok(&["verify"]);
}

#[test]
fn an_import_never_overrules_a_newer_verdict_silently() {
    let env = Env::with_sample();
    let id = claim_id(&env, "Dmitry Peskov", "A CIA tip-off");
    env.ok(&["refute", &id, "--note", "checked"]);
    let sample = super::harness::sample_dir();
    let sample = sample.to_str().unwrap();

    // The sample still says unverified: a conflict, listed, nothing written.
    let line = env.refused(&["import", sample], 2);
    assert!(
        line.contains(".toml:") && line.contains(&id) && line.contains("refuted") && line.contains("--ours"),
        "{line}"
    );
    let status = |env: &Env| {
        let json = env.ok(&["show", &id, "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&json).unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status(&env), "refuted");

    let out = env.ok(&["import", "--ours", sample]);
    assert!(out.starts_with("nothing changed"), "{out}");
    assert_eq!(status(&env), "refuted");

    env.ok(&["import", "--theirs", sample]);
    assert_eq!(status(&env), "unverified");
    let log = env.ok(&["log", &id, "--format", "csv"]);
    assert_eq!(
        log.lines().last().unwrap().split(',').nth(3),
        Some("import"),
        "{log}"
    );
    env.ok(&["verify"]);
}

/// CSV rows of `report` with these extra arguments, as (source, total,
/// unverified, disputed, confirmed) for the sources the story touches.
fn report_rows(env: &Env, args: &[&str]) -> Vec<(String, i64, i64, i64, i64)> {
    let mut all = vec!["report", "--format", "csv"];
    all.extend_from_slice(args);
    let csv = env.ok(&all);
    let mut rows: Vec<(String, i64, i64, i64, i64)> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|c| ["Dmitry Peskov", "FSB", "Russian media"].contains(&c[0]))
        .map(|c| {
            let n = |i: usize| c[i].parse::<i64>().unwrap();
            (c[0].to_string(), n(2), n(3), n(4), n(5))
        })
        .collect();
    rows.sort();
    rows
}

/// Issue 11's story, on the database a desk kept with the first release
/// (the seed article's claims logged from `claims/` on 2017-12-18, one
/// verdict refuted then confirmed on 2026-11-24): every correction is an
/// operation, a stale file cannot undo them, and the record can say what
/// stood on any day and what was known on any day.
#[test]
fn a_desk_corrects_its_record_and_can_say_what_stood_when() {
    let env = Env::new();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/first-release.db"),
        &env.db,
    )
    .unwrap();
    let cia = "6267f8a0"; // Peskov: the CIA tip-off, confirmed on 2026-11-24
    let detained = "0af37212"; // FSB: seven suspects detained, unverified
    let caption = "1fa6748e"; // "Russian media": a photo caption, not a claim

    // The first write upgrades the file: its history becomes the journal's
    // first operation.
    env.ok(&["source", "add", "Dmitri Peskov", "--kind", "person"]);

    // Edit a claim with a verdict: only with a reason.
    let refused = env.refused(
        &["edit", cia, "--text", "A CIA tip-off helped save many lives."],
        2,
    );
    assert!(refused.contains("--note"), "{refused}");
    let words = "A CIA tip-off about a terror plot in St. Petersburg helped save many lives.";
    env.ok(&[
        "edit",
        cia,
        "--text",
        words,
        "--note",
        "the claim in our words, not the quote's",
    ]);

    // Log one more claim by hand, under a second spelling of Peskov, then
    // merge the duplicate source.
    let url =
        "https://www.rferl.org/a/russia-united-states-st-petersburg-terror-plot-trump-putin/28924694.html";
    let added = env
        .ok(&[
            "add",
            "--by",
            "Dmitri Peskov",
            "--text",
            "Russia is grateful for the CIA's help.",
            "--said-on",
            "2017-12-18",
            "--article",
            url,
        ])
        .trim()
        .to_string();
    env.ok(&[
        "source",
        "merge",
        "Dmitri Peskov",
        "into",
        "Dmitry Peskov",
        "--note",
        "one person, two spellings",
    ]);
    let moved = env.ok(&["show", &added, "--format", "json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&moved).unwrap()["source"],
        "Dmitry Peskov"
    );

    // Withdraw a junk claim; undo the withdrawal.
    env.ok(&["withdraw", caption, "--note", "a caption, not a claim"]);
    assert_eq!(
        env.ok(&["list", "--by", "Russian media", "--format", "csv"])
            .lines()
            .count(),
        1
    );
    let undone = env.ok(&["undo"]);
    assert!(undone.contains("(claim.withdraw) undone"), "{undone}");
    assert_eq!(
        env.ok(&["list", "--by", "Russian media", "--format", "csv"])
            .lines()
            .count(),
        2
    );

    // Backdate a verdict: ruled on 2017-12-19, recorded today.
    env.ok(&[
        "confirm",
        detained,
        "--on",
        "2017-12-19",
        "--note",
        "court records of the 19th",
    ]);
    let refused = env.refused(&["dispute", detained, "--on", "2017-12-18", "--note", "x"], 2);
    assert!(refused.contains("2017-12-19"), "{refused}");

    // The stale claim file is refused, each conflict listed, nothing written.
    let before = super::harness::fingerprint(&env.db);
    let sample = super::harness::sample_dir();
    let run = env.run(&["import", sample.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for expected in [
        "claim 195bf094-7856-5d70-801f-efdc6267f8a0: text: the file says 'A CIA tip-off about a terror plot in St. Petersburg was",
        "claim 195bf094-7856-5d70-801f-efdc6267f8a0: status: the file says unverified, but the database says confirmed",
        "claim b2d9672a-87e6-5fdc-ba95-b6640af37212: status: the file says unverified, but the database says confirmed",
    ] {
        assert!(
            run.stderr.contains(expected),
            "no {expected:?} in:\n{}",
            run.stderr
        );
    }
    assert!(run.stderr.lines().all(|l| l.contains(".toml:")), "{}", run.stderr);
    assert_eq!(
        super::harness::fingerprint(&env.db),
        before,
        "the refused import wrote"
    );

    // What stood when, and what was known when: (source, total,
    // unverified, disputed, confirmed).
    let row = |name: &str, total, unverified, disputed, confirmed| {
        (name.to_string(), total, unverified, disputed, confirmed)
    };
    assert_eq!(report_rows(&env, &["--as-known-on", "2017-12-17"]), vec![]);
    let as_filed = vec![
        row("Dmitry Peskov", 3, 2, 0, 0),
        row("FSB", 4, 2, 2, 0),
        row("Russian media", 1, 1, 0, 0),
    ];
    assert_eq!(report_rows(&env, &["--as-known-on", "2017-12-18"]), as_filed);
    assert_eq!(
        report_rows(&env, &["--as-known-on", "2026-11-24"]),
        vec![
            row("Dmitry Peskov", 3, 1, 0, 1),
            row("FSB", 4, 2, 2, 0),
            row("Russian media", 1, 1, 0, 0),
        ]
    );
    // In effect on 2017-12-19: the backdated verdict, and the claim logged
    // today (said on the 18th, unverified then); the CIA verdict only took
    // effect in 2026.
    assert_eq!(
        report_rows(&env, &["--as-of", "2017-12-19"]),
        vec![
            row("Dmitry Peskov", 4, 3, 0, 0),
            row("FSB", 4, 1, 2, 1),
            row("Russian media", 1, 1, 0, 0),
        ]
    );
    // ... as the database knew it on 2026-11-24: none of today's work.
    assert_eq!(
        report_rows(&env, &["--as-of", "2017-12-19", "--as-known-on", "2026-11-24"]),
        as_filed
    );
    assert_eq!(
        report_rows(&env, &[]),
        vec![
            row("Dmitry Peskov", 4, 2, 0, 1),
            row("FSB", 4, 1, 2, 1),
            row("Russian media", 1, 1, 0, 0),
        ]
    );

    // The journal tells the whole story, in order.
    let log: serde_json::Value = serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    let kinds: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "upgrade",
            "source.create",
            "claim.edit",
            "claim.create",
            "source.merge",
            "claim.withdraw",
            "claim.reinstate",
            "claim.mark"
        ]
    );
    let mark = &log[7];
    assert_eq!(mark["new"]["effective_on"], "2017-12-19");
    assert_eq!(mark["note"], "court records of the 19th");
    let show = env.ok(&["show", cia]);
    for expected in [
        "Corrections",
        "was extremely effective",
        "refuted after the fixture",
    ] {
        assert!(show.contains(expected), "show lacks {expected:?}:\n{show}");
    }
    let edits: serde_json::Value = serde_json::from_str(&env.ok(&["log", cia, "--format", "json"])).unwrap();
    let edit = edits
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "claim.edit")
        .unwrap();
    assert_eq!(edit["note"], "the claim in our words, not the quote's");
    assert_eq!(edit["new"]["text"], words);
    let show = env.ok(&["show", detained]);
    assert!(show.contains("in effect 2017-12-19"), "{show}");
    env.ok(&["verify"]);
}

/// A sheet states only its columns: one without `tags` or `quote` leaves
/// them alone, and a field a person edited is not overwritten silently.
#[test]
fn a_sheet_changes_only_what_it_states_and_never_a_field_edited_by_hand() {
    let env = Env::with_sample();
    let id = claim_id(&env, "Dmitry Peskov", "A CIA tip-off");
    let field = |env: &Env, name: &str| {
        let json = env.ok(&["show", &id, "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&json).unwrap()[name].clone()
    };
    let (tags, quote) = (field(&env, "tags"), field(&env, "quote"));
    assert!(!tags.as_array().unwrap().is_empty() && quote.is_string());

    // Only id, source and text: the claim keeps its tags, quote and date.
    let sheet = env.dir.path().join("words.csv");
    std::fs::write(
        &sheet,
        format!("id,source,text\n{id},Dmitry Peskov,The CIA tip-off saved many lives.\n"),
    )
    .unwrap();
    let out = env.ok(&["import", "--format", "csv", sheet.to_str().unwrap()]);
    assert!(out.contains("1 updated"), "{out}");
    assert_eq!(field(&env, "text"), "The CIA tip-off saved many lives.");
    assert_eq!((field(&env, "tags"), field(&env, "quote")), (tags.clone(), quote));
    assert_eq!(field(&env, "said_on"), "2017-12-18");
    let log = env.ok(&["log", &id, "--format", "json"]);
    let log: serde_json::Value = serde_json::from_str(&log).unwrap();
    let last = log.as_array().unwrap().last().unwrap();
    assert_eq!(last["kind"], "import.edit");
    assert!(last["note"].as_str().unwrap().contains("words.csv"), "{last}");

    // An empty cell in a column the sheet has does clear the field.
    std::fs::write(
        &sheet,
        format!("id,source,text,tags\n{id},Dmitry Peskov,The CIA tip-off saved many lives.,\n"),
    )
    .unwrap();
    env.ok(&["import", "--format", "csv", sheet.to_str().unwrap()]);
    assert_eq!(field(&env, "tags"), serde_json::json!([]));

    // A person edits the text; a sheet that says otherwise is a conflict.
    env.ok(&[
        "edit",
        &id,
        "--text",
        "A CIA tip-off saved lives.",
        "--note",
        "shorter",
    ]);
    std::fs::write(
        &sheet,
        format!("id,source,text\n{id},Dmitry Peskov,The CIA tip-off saved many lives.\n"),
    )
    .unwrap();
    let line = env.refused(&["import", "--format", "csv", sheet.to_str().unwrap()], 2);
    assert!(
        line.contains("words.csv:2")
            && line.contains("text: the file says 'The CIA tip-off saved many lives.'")
            && line.contains("the database says 'A CIA tip-off saved lives.' (edited by tester"),
        "{line}"
    );
    env.ok(&["import", "--ours", "--format", "csv", sheet.to_str().unwrap()]);
    assert_eq!(field(&env, "text"), "A CIA tip-off saved lives.");
    env.ok(&["import", "--theirs", "--format", "csv", sheet.to_str().unwrap()]);
    assert_eq!(field(&env, "text"), "The CIA tip-off saved many lives.");
    env.ok(&["verify"]);
}

/// A claim's language: given with `add`, corrected and cleared with `edit`
/// (each an operation that `undo` reverts), set by a sheet's column, and
/// a conflict when a sheet would undo a hand edit.
#[test]
fn a_claims_language_is_recorded_corrected_and_undone() {
    let env = Env::with_sample();
    let language = |env: &Env, id: &str| {
        let json: serde_json::Value =
            serde_json::from_str(&env.ok(&["show", id, "--format", "json"])).unwrap();
        json["language"].clone()
    };
    let id = env
        .ok(&[
            "add",
            "--by",
            "Kremlin",
            "--text",
            "Talks went well",
            "--language",
            "ru",
        ])
        .trim()
        .to_string();
    assert_eq!(language(&env, &id), "ru");
    let line = env.refused(
        &["add", "--by", "Kremlin", "--text", "x", "--language", "russian"],
        2,
    );
    assert!(line.contains("'russian' is not a language tag"), "{line}");
    env.ok(&["edit", &id, "--language", "EN_us"]);
    assert_eq!(language(&env, &id), "en-US");
    assert!(env.ok(&["show", &id]).contains("Language:  en-US"));
    env.ok(&["edit", &id, "--language", ""]);
    assert_eq!(language(&env, &id), serde_json::Value::Null);
    env.ok(&["undo"]);
    assert_eq!(language(&env, &id), "en-US");
    env.ok(&["verify"]);

    // A sheet sets it; a later sheet that says otherwise meets the hand edit.
    let full = serde_json::from_str::<serde_json::Value>(&env.ok(&["show", &id, "--format", "json"]))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let sheet = env.dir.path().join("languages.csv");
    std::fs::write(
        &sheet,
        format!("id,source,text,language\n{full},Kremlin,Talks went well,de\n"),
    )
    .unwrap();
    let line = env.refused(&["import", sheet.to_str().unwrap()], 2);
    assert!(line.contains("language: the file says 'de'"), "{line}");
    env.ok(&["import", "--theirs", sheet.to_str().unwrap()]);
    assert_eq!(language(&env, &id), "de");
    std::fs::write(
        &sheet,
        format!("id,source,text,language\n{full},Kremlin,Talks went well,d e\n"),
    )
    .unwrap();
    let line = env.refused(&["import", sheet.to_str().unwrap()], 2);
    assert!(
        line.contains("languages.csv:2") && line.contains("'d e' is not a language tag"),
        "{line}"
    );
    env.ok(&["verify"]);
}

/// A new body keeps the earlier one as a snapshot; quotes anchored in it
/// keep pointing at it, and the database refuses to replace a body that
/// was not kept.
#[test]
fn an_article_edit_keeps_every_earlier_body() {
    let env = Env::with_sample();
    let article = env.ok(&["article", "list", "--format", "csv"]);
    let article = article
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let body =
        std::fs::read_to_string(super::harness::sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.txt"))
            .unwrap();
    let newer = env.dir.path().join("newer.txt");
    std::fs::write(&newer, body.replace("extremely effective", "very effective")).unwrap();
    let out = env.ok(&[
        "article",
        "edit",
        &article,
        "--body",
        newer.to_str().unwrap(),
        "--note",
        "the publisher changed a word",
    ]);
    assert!(out.contains("edited body"), "{out}");
    let shown: serde_json::Value =
        serde_json::from_str(&env.ok(&["article", "show", &article, "--format", "json"])).unwrap();
    let snapshots = shown["snapshots"].as_array().unwrap();
    assert_eq!(snapshots.len(), 1);
    assert_eq!(snapshots[0]["body_chars"], body.chars().count());
    let anchored = snapshots[0]["anchored_quotes"].as_i64().unwrap();
    assert!(anchored > 10, "{shown}");
    // Every quote still checks out, in the body it was anchored in.
    let verify = env.ok(&["verify"]);
    assert!(
        verify.starts_with(&format!("{anchored} quotes checked: {anchored} anchored")),
        "{verify}"
    );
    env.refused(
        &["article", "edit", &article, "--body", newer.to_str().unwrap()],
        2,
    );

    // Past the command line: replacing a body without keeping it first,
    // or changing a kept one, is refused by the database.
    for sql in [
        "UPDATE articles SET body = 'nothing', body_sha256 = 'x'",
        "UPDATE article_snapshots SET body = 'rewritten'",
        "DELETE FROM article_snapshots",
    ] {
        let refused = tamper(&env.db, sql).expect_err(sql);
        assert!(refused.contains("snapshot"), "{sql}: {refused}");
    }
}

/// `source edit` and `article edit` change only the parts given, record
/// them old and new, and refuse a change that changes nothing.
#[test]
fn sources_and_articles_are_edited_part_by_part() {
    let env = Env::with_sample();
    let out = env.ok(&[
        "source",
        "edit",
        "Peskov",
        "--job",
        "press secretary",
        "--description",
        "",
        "--note",
        "from the Kremlin site",
    ]);
    assert!(
        out.starts_with("Dmitry Peskov: edited description, job (operation"),
        "{out}"
    );
    let shown: serde_json::Value =
        serde_json::from_str(&env.ok(&["source", "show", "Dmitry Peskov", "--format", "json"])).unwrap();
    assert_eq!(shown["job"], "press secretary");
    assert!(shown["description"].is_null(), "{shown}");
    assert_eq!(shown["kind"], "person");
    let line = env.refused(&["source", "edit", "Peskov", "--job", "press secretary"], 2);
    assert!(line.contains("nothing to change"), "{line}");
    let line = env.refused(&["source", "edit", "Peskov"], 2);
    assert!(line.contains("--kind"), "{line}");
    env.refused(&["source", "edit", "Nobody At All", "--job", "x"], 2);

    let log: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "--source", "Peskov", "--format", "json"])).unwrap();
    let edit = log.as_array().unwrap().last().unwrap();
    assert_eq!(edit["kind"], "source.edit");
    assert_eq!(edit["old"]["job"], serde_json::Value::Null);
    assert_eq!(edit["new"]["job"], "press secretary");
    assert_eq!(edit["note"], "from the Kremlin site");
    assert!(edit["old"].get("kind").is_none(), "only changed parts: {edit}");

    let article = env.ok(&["article", "list", "--format", "csv"]);
    let article = article
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let out = env.ok(&[
        "article",
        "edit",
        &article,
        "--title",
        "A corrected headline",
        "--no-published",
    ]);
    assert!(out.contains("edited published_on, title"), "{out}");
    let shown: serde_json::Value =
        serde_json::from_str(&env.ok(&["article", "show", &article, "--format", "json"])).unwrap();
    assert_eq!(shown["title"], "A corrected headline");
    assert!(shown["published_on"].is_null());
    assert_eq!(
        shown["snapshots"],
        serde_json::json!([]),
        "the body did not change"
    );
    env.refused(
        &["article", "edit", &article, "--title", "A corrected headline"],
        2,
    );
    env.ok(&["verify"]);
}
