//! Data safety at the edges (issue 10): each test pins one class of hole
//! found by an adversarial pass, and fails on the code before its fix.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use super::harness::{Env, block_on, fingerprint, sample_dir, scalar, tamper};

/// A database with the sample and `n` more claims, so that backups and
/// exports take long enough to overlap.
fn env_with_claims(n: usize) -> Env {
    let env = Env::with_sample();
    let rows = env.dir.path().join("more.jsonl");
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "{{\"source\":\"Speaker {}\",\"source_kind\":\"person\",\"text\":\"Claim number {i} says something checkable\",\"status\":\"refuted\",\"rating\":\"false\",\"origin\":\"bulk:{i}\"}}\n",
            i % 50
        ));
    }
    std::fs::write(&rows, text).unwrap();
    env.ok(&["import", rows.to_str().unwrap()]);
    env
}

fn claims_in(db: &Path) -> i64 {
    scalar(db, "SELECT count(*) FROM claims").parse().unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial") || n.contains(".creating-"))
        .collect()
}

#[test]
fn same_path_backups_and_exports_at_once_report_only_true_successes() {
    let env = env_with_claims(6000);
    let total = claims_in(&env.db);
    let backup = env.dir.path().join("bk.db");
    let export = env.dir.path().join("out.csv");
    let reference = env.dir.path().join("reference.csv");
    env.ok(&["export", "--format", "csv", reference.to_str().unwrap()]);
    let expected = std::fs::read(&reference).unwrap();
    for round in 0..3 {
        let _ = std::fs::remove_file(&backup);
        let mut children = Vec::new();
        for i in 0..8 {
            let args: Vec<String> = if i % 2 == 0 {
                vec!["backup".into(), backup.display().to_string()]
            } else {
                vec![
                    "export".into(),
                    "--format".into(),
                    "csv".into(),
                    export.display().to_string(),
                ]
            };
            let mut command = env.command(&args.iter().map(String::as_str).collect::<Vec<_>>());
            command.stdout(Stdio::piped()).stderr(Stdio::piped());
            children.push((i, command.spawn().unwrap()));
        }
        // A reader and a killed backup run alongside.
        let mut killed = env
            .command(&["backup", env.dir.path().join("killed.db").to_str().unwrap()])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 * round));
        let _ = killed.kill();
        let _ = killed.wait();
        env.ok(&["report", "--format", "csv"]);
        let mut backups_ok = 0;
        for (i, child) in children {
            let out = child.wait_with_output().unwrap();
            if i % 2 == 0 {
                if out.status.success() {
                    backups_ok += 1;
                } else {
                    assert_eq!(
                        out.status.code(),
                        Some(2),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            } else {
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                // Whoever won, the file in place is a whole export.
                assert_eq!(std::fs::read(&export).unwrap(), expected, "round {round}");
            }
        }
        assert_eq!(backups_ok, 1, "exactly one backup takes the name");
        assert_eq!(
            claims_in(&backup),
            total,
            "the backup that said so holds every claim"
        );
        assert_eq!(scalar(&backup, "PRAGMA integrity_check"), "ok");
    }
    assert_eq!(scalar(&env.db, "PRAGMA integrity_check"), "ok");
    // The next run for a target removes what killed runs left behind.
    let _ = env.run(&["backup", env.dir.path().join("killed.db").to_str().unwrap()]);
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());
}

#[test]
fn no_output_may_be_written_over_the_database() {
    let env = Env::with_sample();
    let db = env.db.to_str().unwrap().to_string();
    let link = env.dir.path().join("hard-link.db");
    std::fs::hard_link(&env.db, &link).unwrap();
    let symlink = env.dir.path().join("sym.csv");
    std::os::unix::fs::symlink(&env.db, &symlink).unwrap();
    let wal = format!("{db}-wal");
    let shm = format!("{db}-shm");
    let targets = [
        db.clone(),
        wal,
        shm,
        link.display().to_string(),
        symlink.display().to_string(),
    ];
    for target in &targets {
        let line = env.refused(&["export", "--format", "csv", target], 2);
        assert!(line.contains("open database"), "{line}");
        let line = env.refused(&["export", "--format", "jsonl", target], 2);
        assert!(line.contains("open database"), "{line}");
    }
    // Claim files named like the database inside the database's folder.
    let line = env.refused(&["backup", &format!("{db}-wal")], 2);
    assert!(line.contains("open database"), "{line}");
    assert_eq!(claims_in(&env.db), 40);
}

#[test]
fn restore_replaces_a_live_database_and_keeps_the_old_one_aside() {
    let env = Env::with_sample();
    let backup = env.dir.path().join("bk.db");
    env.ok(&["backup", backup.to_str().unwrap()]);
    let before = env.ok(&["report", "--format", "csv"]);
    let id = env
        .ok(&["list", "--format", "csv"])
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    env.ok(&["refute", &id, "--note", "after the backup"]);
    // Another process keeps the database open with a write in its log, as a
    // crash would leave a -wal behind: a file copy would corrupt it.
    let holder = block_on(async {
        let mut conn = SqliteConnection::connect(&format!("sqlite://{}", env.db.display()))
            .await
            .unwrap();
        sqlx::query("PRAGMA wal_autocheckpoint = 0")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("SELECT count(*) FROM claims")
            .execute(&mut conn)
            .await
            .unwrap();
        conn
    });
    env.ok(&[
        "add",
        "--by",
        "Kremlin",
        "--text",
        "Logged after the backup, in the log only",
    ]);
    assert!(PathBuf::from(format!("{}-wal", env.db.display())).exists());
    let out = env.ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("before-restore"), "{out}");
    assert_eq!(env.ok(&["report", "--format", "csv"]), before);
    assert_eq!(scalar(&env.db, "PRAGMA integrity_check"), "ok");
    assert_eq!(claims_in(&env.db), 40);
    // The replaced database is kept, whole, with what came after the backup.
    let aside = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".before-restore-"))
        .expect("the replaced database is kept aside");
    assert_eq!(claims_in(&aside), 41);
    assert_eq!(
        scalar(&aside, "SELECT count(*) FROM claims WHERE status = 'refuted'"),
        {
            let refuted: i64 = scalar(&backup, "SELECT count(*) FROM claims WHERE status = 'refuted'")
                .parse()
                .unwrap();
            (refuted + 1).to_string()
        }
    );
    block_on(holder.close()).unwrap();
    // Refused: a file that is not a backup, the database itself, a missing file.
    let junk = env.dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all, just text").unwrap();
    env.refused(&["restore", junk.to_str().unwrap()], 2);
    env.refused(&["restore", env.db.to_str().unwrap()], 2);
    env.refused(
        &["restore", env.dir.path().join("missing.db").to_str().unwrap()],
        2,
    );
}

#[test]
fn history_cannot_be_rewritten_past_the_triggers() {
    let env = Env::with_sample();
    let before = fingerprint(&env.db);
    let attempts = [
        "INSERT OR REPLACE INTO status_events (id, claim_id, from_status, to_status, actor, at)
         SELECT id, claim_id, from_status, 'confirmed', 'forger', at FROM status_events LIMIT 1",
        "REPLACE INTO status_events (id, claim_id, from_status, to_status, actor, at)
         SELECT id, claim_id, from_status, 'confirmed', 'forger', at FROM status_events LIMIT 1",
        "INSERT OR REPLACE INTO claims (uuid, source_id, text, status, created_at, updated_at)
         SELECT uuid, source_id, 'forged words', status, created_at, updated_at FROM claims LIMIT 1",
        "UPDATE OR REPLACE claims SET uuid = (SELECT uuid FROM claims ORDER BY id LIMIT 1)
         WHERE id = (SELECT max(id) FROM claims)",
        "UPDATE claims SET id = id + 1000 WHERE id = 1",
        "INSERT INTO status_events (id, claim_id, from_status, to_status, actor, at)
         SELECT 9223372036854775807, id, status, 'refuted', 'forger', '2030-01-01T00:00:00.000000Z' FROM claims LIMIT 1",
        "INSERT INTO claims (uuid, source_id, text, status, created_at, updated_at)
         VALUES (randomblob(16), 1, 'a verdict with no history', 'refuted', '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z')",
        "UPDATE claims SET rating = 'Pants on Fire' WHERE id = 1",
        "UPDATE claims SET language = 'fr' WHERE id = 1",
        "UPDATE claims SET text = 'forged words' WHERE id = 1",
        // A history first, then a claim in its status but with a rating the
        // history does not give; in one transaction, so the history goes too.
        "BEGIN;
         INSERT INTO status_events (claim_id, from_status, to_status, rating, actor, at)
         VALUES ((SELECT max(id) + 1 FROM claims), NULL, 'refuted', 'False', 'forger', '2020-01-01T00:00:00.000000Z');
         INSERT INTO claims (id, uuid, source_id, text, status, rating, created_at, updated_at)
         VALUES ((SELECT max(claim_id) FROM status_events), randomblob(16), 1, 'a rating its history does not give',
                 'refuted', 'Pants on Fire', '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z');
         COMMIT;",
        "INSERT OR REPLACE INTO sources (id, name, name_key, kind, created_at)
         SELECT id, 'Someone Else', name_key, kind, created_at FROM sources LIMIT 1",
        "INSERT OR REPLACE INTO articles (id, uuid, url, title, created_at)
         SELECT id, uuid, url, 'forged title', created_at FROM articles LIMIT 1",
    ];
    for sql in attempts {
        let refused = tamper(&env.db, sql);
        assert!(refused.is_err(), "the database accepted: {sql}");
    }
    assert_eq!(fingerprint(&env.db), before, "a refused rewrite changed nothing");
    // Ordinary work goes on.
    let id = env.ok(&[
        "add",
        "--by",
        "Kremlin",
        "--text",
        "Still writable after the attempts",
    ]);
    env.ok(&["refute", id.trim(), "--note", "checked", "--rating", "False"]);
}

#[test]
fn histories_never_run_backwards_in_time() {
    let env = Env::new();
    // An imported verdict stamped in the future is refused, named by file:line.
    let file = env.dir.path().join("future.toml");
    std::fs::write(
        &file,
        "[[sources]]\nname = \"Kremlin\"\nkind = \"organization\"\n\n[[claims]]\nby = \"Kremlin\"\ntext = \"A claim from the future\"\n\n[[claims.history]]\nstatus = \"unverified\"\nat = \"2017-12-18T09:00:00Z\"\n\n[[claims.history]]\nstatus = \"refuted\"\nat = \"2999-01-01T00:00:00Z\"\n",
    )
    .unwrap();
    let line = env.refused(&["import", file.to_str().unwrap()], 2);
    assert!(
        line.contains("future.toml:") && line.contains("2999-01-01"),
        "{line}"
    );

    // The database refuses an event earlier than the one before it.
    let id = env.ok(&[
        "add",
        "--by",
        "Kremlin",
        "--new-source",
        "organization",
        "--text",
        "Logged now",
    ]);
    let id = id.trim();
    let earlier = tamper(
        &env.db,
        "INSERT INTO status_events (claim_id, from_status, to_status, actor, at, operation_id)
         SELECT id, status, 'refuted', 'x', '2001-01-01T00:00:00.000000Z',
                (SELECT max(id) + 1 FROM operations) FROM claims",
    );
    assert!(earlier.unwrap_err().contains("earlier"));

    env.ok(&["dispute", id, "--note", "first look"]);
    // The tool's own export imports again into a fresh database.
    let dir = env.dir.path().join("export");
    env.ok(&["export", dir.to_str().unwrap()]);
    let fresh = Env::new();
    fresh.ok(&["import", dir.to_str().unwrap()]);

    // A writer whose clock is behind the last event records at that event's
    // time: another program recorded an event an hour ahead of this clock.
    tamper(
        &env.db,
        "BEGIN;
         INSERT INTO status_events (claim_id, from_status, to_status, actor, at, operation_id)
         SELECT id, status, 'unverifiable', 'fast clock', strftime('%Y-%m-%dT%H:%M:%f000Z', 'now', '+1 hour'),
                (SELECT max(id) + 1 FROM operations) FROM claims;
         INSERT INTO operations (id, kind, actor, at, hash)
         SELECT max(id) + 1, 'claim.mark', 'fast clock', strftime('%Y-%m-%dT%H:%M:%f000Z', 'now', '+1 hour'),
                printf('%064d', 0) FROM operations;
         COMMIT;",
    )
    .unwrap();
    env.ok(&["confirm", id, "--note", "checked"]);
    let backwards = scalar(
        &env.db,
        "SELECT count(*) FROM status_events e JOIN status_events p
         ON p.claim_id = e.claim_id AND p.id < e.id AND p.at > e.at",
    );
    assert_eq!(backwards, "0");
}

#[test]
fn a_new_database_is_created_whole_by_many_processes_at_once() {
    let env = Env::new();
    let children: Vec<_> = (0..16)
        .map(|i| {
            let mut command = env.command(&[
                "add",
                "--by",
                "Kremlin",
                "--new-source",
                "organization",
                "--text",
                &format!("Claim logged by process {i}"),
            ]);
            command.stdout(Stdio::null()).stderr(Stdio::piped());
            command.spawn().unwrap()
        })
        .collect();
    all_succeed(children);
    assert_eq!(claims_in(&env.db), 16);
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());

    // A creation killed before its first migration committed (the file then
    // holds only sqlx's bookkeeping table) is finished, not refused.
    let killed = Env::new();
    block_on(async {
        let mut conn = SqliteConnectOptions::new()
            .filename(&killed.db)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::raw_sql(
            "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
             installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
             checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
    });
    killed.ok(&[
        "add",
        "--by",
        "Kremlin",
        "--new-source",
        "organization",
        "--text",
        "After a killed creation",
    ]);

    // Sixteen processes opening an old database at once, read-only ones
    // among them: one upgrades it, none fails.
    let old = Env::new();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/first-release.db"),
        &old.db,
    )
    .unwrap();
    let children: Vec<_> = (0..16)
        .map(|i| {
            let text = format!("Logged during the upgrade by process {i}");
            let args: Vec<&str> = if i % 2 == 0 {
                vec!["list", "--format", "csv"]
            } else {
                vec!["add", "--by", "Kremlin", "--text", &text]
            };
            let mut command = old.command(&args);
            command.stdout(Stdio::null()).stderr(Stdio::piped());
            command.spawn().unwrap()
        })
        .collect();
    all_succeed(children);
}

#[test]
fn read_commands_never_create_a_database() {
    let env = Env::new();
    let typo = env.dir.path().join("sub").join("sampel.db");
    let typo_arg = typo.to_str().unwrap();
    for args in [
        vec!["--db", typo_arg, "report"],
        vec!["--db", typo_arg, "list"],
        vec!["--db", typo_arg, "show", "abcd"],
        vec!["--db", typo_arg, "source", "list"],
        vec!["--db", typo_arg, "export", "--format", "csv"],
        vec!["--db", typo_arg, "verify"],
    ] {
        let line = env.refused(&args, 2);
        assert!(
            line.contains("sampel.db") && line.contains("claims add"),
            "{line}"
        );
    }
    assert!(!typo.parent().unwrap().exists(), "no folder was created");
    // A read-only database file in a read-only folder is still read; root
    // may write anyway, so the immutable path is checked by permissions
    // only where they hold.
    let sample = Env::with_sample();
    let report = sample.ok(&["report", "--format", "csv"]);
    assert!(report.contains("Kremlin"));
}

#[test]
fn body_files_stay_inside_the_claim_files_folder_and_folders_are_walked_once() {
    let env = Env::new();
    let dir = env.dir.path().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let secret = env.dir.path().join("secret.txt");
    std::fs::write(&secret, "outside text").unwrap();
    for (name, body_file) in [
        ("abs.toml", secret.display().to_string()),
        ("up.toml", "../secret.txt".to_string()),
    ] {
        let file = dir.join(name);
        std::fs::write(
            &file,
            format!(
                "[article]\nurl = \"https://e.org/{name}\"\ntitle = \"T\"\nbody_file = \"{body_file}\"\n"
            ),
        )
        .unwrap();
        let line = env.refused(&["import", file.to_str().unwrap()], 2);
        assert!(line.contains("outside the claim file's folder"), "{line}");
        std::fs::remove_file(&file).unwrap();
    }
    // Links back up the tree: walked once, no duplicate claims, no hang.
    let tree = env.dir.path().join("tree");
    std::fs::create_dir_all(tree.join("a")).unwrap();
    for entry in std::fs::read_dir(sample_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), tree.join("a").join(entry.file_name())).unwrap();
    }
    std::os::unix::fs::symlink(&tree, tree.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("loop2")).unwrap();
    let out = env.ok(&["import", tree.to_str().unwrap()]);
    assert!(out.contains("claims 40 added"), "{out}");
}

#[test]
fn stored_text_never_reaches_paths_or_the_terminal_raw() {
    let env = Env::with_sample();
    tamper(&env.db, "UPDATE articles SET published_on = '../../escaped'").unwrap();
    let dir = env.dir.path().join("out").join("inner");
    env.ok(&["export", dir.to_str().unwrap()]);
    for entry in std::fs::read_dir(env.dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains("escaped") && !name.ends_with(".toml"),
            "{name} was written outside"
        );
    }
    assert!(
        std::fs::read_dir(&dir).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("undated-")),
        "the bad date is not used"
    );
    // Names with escape sequences, in confirmations, hints and refusals.
    let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J Name\u{202e}";
    let out = env.ok(&["source", "add", evil, "--kind", "person"]);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'), "{out:?}");
    let hint = env.refused(&["add", "--by", "Evil]0;pwned Name", "--text", "x y z"], 2);
    assert!(!hint.contains('\u{1b}') && !hint.contains('\u{7}'), "{hint:?}");
    let out = env.ok(&["source", "alias", evil, "Evil\u{2028}Alias\u{61c}"]);
    assert!(!out.contains('\u{2028}') && !out.contains('\u{61c}'), "{out:?}");
    let list = env.ok(&["source", "list"]);
    assert!(!list.contains('\u{1b}') && !list.contains('\u{2028}'), "{list:?}");
}

#[test]
fn an_export_during_marks_is_one_snapshot() {
    let env = env_with_claims(1500);
    let ids: Vec<String> = env
        .ok(&["list", "--format", "csv", "--limit", "200"])
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let marker = {
        let db = env.db.clone();
        let ids = ids.clone();
        std::thread::spawn(move || {
            let env = Env {
                dir: tempfile::tempdir().unwrap(),
                db,
            };
            for (i, id) in ids.iter().enumerate() {
                let status = ["confirmed", "disputed", "unverifiable"][i % 3];
                env.ok(&["mark", id, status, "--note", "concurrent"]);
            }
        })
    };
    for round in 0..4 {
        let dir = env.dir.path().join(format!("export-{round}"));
        env.ok(&["export", dir.to_str().unwrap()]);
        let fresh = Env::new();
        let out = fresh.ok(&["import", dir.to_str().unwrap()]);
        assert!(
            out.contains("0 updated"),
            "an export disagreed with its own history: {out}"
        );
        // Every claim's status is its history's last status.
        assert_eq!(
            scalar(
                &fresh.db,
                "SELECT count(*) FROM claims c WHERE status <> (SELECT to_status FROM status_events WHERE claim_id = c.id ORDER BY id DESC LIMIT 1)"
            ),
            "0"
        );
        let history_added: usize = out
            .split("; ")
            .find(|p| p.ends_with("history events added"))
            .and_then(|p| p.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        let claims_added: usize = claims_in(&fresh.db) as usize;
        assert!(history_added >= claims_added);
    }
    marker.join().unwrap();
}

#[test]
fn a_write_behind_a_long_import_says_it_waits_and_names_the_cause() {
    let env = Env::with_sample();
    let lock = block_on(async {
        let mut conn = SqliteConnection::connect(&format!("sqlite://{}", env.db.display()))
            .await
            .unwrap();
        sqlx::query("BEGIN IMMEDIATE").execute(&mut conn).await.unwrap();
        conn
    });
    let before = fingerprint(&env.db);
    let run = env.run(&[
        "--wait",
        "1",
        "add",
        "--by",
        "Kremlin",
        "--text",
        "Blocked by an import",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("waiting for another claimtrack process"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("gave up after 1 s") && run.stderr.contains("--wait"),
        "{}",
        run.stderr
    );
    // Reads are not blocked by the writer.
    env.ok(&["report", "--format", "csv"]);
    block_on(async {
        let mut lock = lock;
        sqlx::query("ROLLBACK").execute(&mut lock).await.unwrap();
        lock.close().await.unwrap();
    });
    assert_eq!(fingerprint(&env.db), before);
    env.ok(&[
        "add",
        "--by",
        "Kremlin",
        "--text",
        "Written once the import is done",
    ]);
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the fault it injects is compiled into debug builds only"
)]
fn a_panic_anywhere_fails_the_command_and_writes_nothing() {
    let env = Env::new();
    let dir = env.dir.path().join("two");
    std::fs::create_dir_all(&dir).unwrap();
    for (i, entry) in std::fs::read_dir(sample_dir()).unwrap().enumerate() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            // An article's body, which the claim files name: it keeps its
            // name, whatever order the folder lists it in.
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.join(format!("{i}a.toml")), &text).unwrap();
        let other = text.replace("https://www.rferl.org/", "https://example.org/copy/");
        std::fs::write(dir.join(format!("{i}b.toml")), other).unwrap();
    }
    let run = {
        let mut command = env.command(&["import", dir.to_str().unwrap()]);
        command.env("CLAIMTRACK_FAULT", "reader-panic");
        command.output().unwrap()
    };
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("internal error"), "{stderr}");
    assert!(
        !env.db.exists() || claims_in(&env.db) == 0,
        "nothing was imported"
    );

    // A gold span that ends before it starts is skipped, not a panic.
    let gold = env.dir.path().join("gold");
    std::fs::create_dir_all(gold.join("text")).unwrap();
    std::fs::create_dir_all(gold.join("attributions")).unwrap();
    std::fs::write(gold.join("text/a.txt"), "The minister said the plan worked well.").unwrap();
    std::fs::write(
        gold.join("attributions/a_x.ann"),
        "T1\tSource 20 4\tThe minister\nT2\tCue 13 17\tsaid\nT3\tContent 18 39\tthe plan worked well\nE1\tAttribution:T2 Source:T1 Content:T3\n",
    )
    .unwrap();
    let run = env.run(&["evaluate", gold.to_str().unwrap(), "--show-errors", "5"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn messages_name_the_real_cause() {
    let env = Env::new();
    // An SQLite URI is a file name like any other: the claim persists.
    let cwd = env.dir.path();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_claims"))
        .current_dir(cwd)
        .args([
            "--db",
            "file:x?mode=memory",
            "add",
            "--by",
            "Kremlin",
            "--new-source",
            "organization",
            "--text",
            "Kept",
        ])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_claims"))
        .current_dir(cwd)
        .args(["--db", "file:x?mode=memory", "list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Kept"));
    assert!(cwd.join("file:x?mode=memory").exists());

    // A failed export says it could not write, not read.
    let sample = Env::with_sample();
    let blocker = sample.dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file").unwrap();
    let target = blocker.join("out.csv");
    let run = sample.run(&["export", "--format", "csv", target.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("cannot write") && !run.stderr.contains("cannot read"),
        "{}",
        run.stderr
    );
}

#[test]
fn ctrl_c_during_an_import_says_nothing_was_imported() {
    let env = Env::with_sample();
    let rows = env.dir.path().join("big.jsonl");
    let mut text = String::new();
    for i in 0..150_000 {
        text.push_str(&format!(
            "{{\"source\":\"Speaker {}\",\"source_kind\":\"person\",\"text\":\"Claim {i}\",\"origin\":\"big:{i}\"}}\n",
            i % 100
        ));
    }
    std::fs::write(&rows, text).unwrap();
    let before = fingerprint(&env.db);
    let child = env
        .command(&["import", rows.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    // SAFETY: kill(2) with the pid of a child this test spawned.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        // The machine finished the import first: nothing to test this time.
        eprintln!("the import finished before the interrupt; skipped");
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("interrupted: nothing was written"), "{stderr}");
    assert_eq!(fingerprint(&env.db), before);
}

#[test]
fn look_alike_names_are_one_source_and_confusables_are_flagged() {
    let env = Env::new();
    env.ok(&["source", "add", "José Martí", "--kind", "person"]);
    // Decomposed, with a zero-width space and a BOM, in capitals.
    for same in ["Jose\u{301} Martí", "José\u{200b} Martí", "\u{feff}JOSÉ MARTÍ"] {
        let line = env.refused(&["source", "add", same, "--kind", "person"], 2);
        assert!(line.contains("already exists"), "{same:?}: {line}");
    }
    env.ok(&["source", "add", "Straße Verein", "--kind", "group"]);
    env.refused(&["source", "add", "STRASSE VEREIN", "--kind", "group"], 2);
    env.ok(&[
        "add",
        "--by",
        "strasse verein",
        "--text",
        "Found by its folded name",
    ]);
    // A name that only looks like another is a new source, with a warning.
    let run = env.run(&["source", "add", "Jоsé Martí", "--kind", "person"]); // Cyrillic о
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("looks like the existing source 'José Martí'"),
        "{}",
        run.stderr
    );

    // An older database is re-keyed on upgrade; names that now collide are
    // reported and kept apart, not merged.
    let old = Env::new();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/first-release.db"),
        &old.db,
    )
    .unwrap();
    tamper(
        &old.db,
        "INSERT INTO sources (name, name_key, kind, created_at) VALUES
         ('José', 'josé', 'person', '2026-01-01T00:00:00.000000Z'),
         ('Jose' || char(769), 'jose' || char(769), 'person', '2026-01-01T00:00:00.000000Z'),
         ('Straße', 'straße', 'person', '2026-01-01T00:00:00.000000Z')",
    )
    .unwrap();
    let run = old.run(&["source", "list", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("now fold to the same name"), "{}", run.stderr);
    assert_eq!(run.stdout.matches("Jos").count(), 2, "{}", run.stdout);
    // The re-keyed name is found by its new fold.
    old.ok(&["add", "--by", "STRASSE", "--text", "Found after the upgrade"]);
    // Re-keying happens once.
    let again = old.run(&["source", "list"]);
    assert!(!again.stderr.contains("fold"), "{}", again.stderr);
}

/// Waits for every process; each must have succeeded.
fn all_succeed(children: Vec<std::process::Child>) {
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}
