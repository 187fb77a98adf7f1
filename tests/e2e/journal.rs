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

    // A trigger dropped and put back around an edit of a claim's words.
    let env = Env::with_sample();
    let sql: String = scalar(
        &env.db,
        "SELECT sql FROM sqlite_schema WHERE name = 'claims_change_follows_journal'",
    );
    tamper(
        &env.db,
        &format!(
            "DROP TRIGGER claims_change_follows_journal;
             UPDATE claims SET text = 'Words nobody said.' WHERE id = 5;
             {sql};"
        ),
    )
    .unwrap();
    verify_fails(&env, &[], "every claim is what the journal recorded");

    // A claim inserted without history, its guard dropped and put back.
    let env = Env::with_sample();
    let sql: String = scalar(
        &env.db,
        "SELECT sql FROM sqlite_schema WHERE name = 'claims_insert_follows_history'",
    );
    tamper(
        &env.db,
        &format!(
            "DROP TRIGGER claims_insert_follows_history;
             INSERT INTO claims (uuid, source_id, text, status, created_at, updated_at)
             VALUES (randomblob(16), 1, 'No history at all.', 'refuted', 'x', 'x');
             {sql};"
        ),
    )
    .unwrap();
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
