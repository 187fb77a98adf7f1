//! A whole session: log the seed article's claims by hand, mark some, link
//! them, and read the per-source report with --rollup and --as-of.

use super::harness::{Env, RFERL, seed};

#[test]
fn log_mark_link_and_report_an_article_by_hand() {
    let env = Env::new();
    let (peskov, kremlin, fsb) = seed(&env);
    for id in [&peskov, &kremlin, &fsb] {
        assert_eq!(id.len(), 8, "short ids are 8 hex digits: {id}");
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    }

    assert_eq!(
        env.ok(&[
            "mark",
            &peskov,
            "confirmed",
            "--note",
            "The White House confirmed the tip-off"
        ])
        .trim(),
        format!("{peskov}: unverified -> confirmed")
    );
    env.ok(&[
        "dispute",
        &fsb[..5],
        "--note",
        "The suspects say the weapons were planted",
        "--evidence",
        "https://www.rferl.org/a/28924694.html",
    ]);
    env.ok(&[
        "refute",
        &fsb,
        "--rating",
        "False",
        "--note",
        "Court found the weapons planted",
    ]);
    // Same status again, with new evidence: recorded as an evidence event.
    let more = env.ok(&["refute", &fsb, "--evidence", "https://example.org/court-ruling"]);
    assert!(more.contains("evidence added"), "{more}");
    env.ok(&["link", &kremlin, "supports", &peskov]);

    let show = env.ok(&["show", &fsb]);
    for expected in [
        "FSB (agency)",
        "A raid uncovered",
        "refuted",
        "False",
        "(logged)",
        "disputed",
        "weapons were planted",
        "tester",
        "terrorism",
    ] {
        assert!(show.contains(expected), "show lacks {expected:?}:\n{show}");
    }
    let show_peskov = env.ok(&["show", &peskov]);
    assert!(
        show_peskov.contains("supports") && show_peskov.contains(&kremlin),
        "{show_peskov}"
    );
    assert!(show_peskov.contains("Kremlin (press secretary)"), "{show_peskov}");

    let history: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", &fsb, "--format", "json"])).unwrap();
    let events = history["history"].as_array().unwrap();
    let chain: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["from"].as_str().unwrap_or("-"), e["to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        chain,
        vec![
            ("-", "unverified"),
            ("unverified", "disputed"),
            ("disputed", "refuted"),
            ("refuted", "refuted")
        ]
    );
    assert_eq!(events[1]["evidence"][0], "https://www.rferl.org/a/28924694.html");
    assert_eq!(events[3]["evidence"][0], "https://example.org/court-ruling");
    assert_eq!(events[1]["actor"], "tester");
    assert_eq!(history["rating"], "False");
    assert_eq!(history["article_url"], RFERL);

    // The plain report: one row per source.
    let csv = env.ok(&["report", "--format", "csv"]);
    let rows = parse_csv(&csv);
    assert_eq!(
        rows[0],
        [
            "source",
            "kind",
            "total",
            "unverified",
            "disputed",
            "confirmed",
            "refuted",
            "unverifiable",
            "retracted",
            "held_up",
            "latest_claim"
        ]
    );
    let find = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no row {name}:\n{csv}"))
            .clone()
    };
    assert_eq!(
        find("Dmitry Peskov")[2..],
        ["1", "0", "0", "1", "0", "0", "0", "1.0000", "2017-12-18"]
    );
    assert_eq!(
        find("FSB")[2..],
        ["1", "0", "0", "0", "1", "0", "0", "0.0000", "2017-12-15"]
    );
    assert_eq!(
        find("Kremlin")[2..],
        ["1", "1", "0", "0", "0", "0", "0", "", "2017-12-17"]
    );

    // --rollup: the Kremlin's row includes Peskov's claim, and says so.
    let rolled = parse_csv(&env.ok(&["report", "--rollup", "--format", "csv"]));
    assert_eq!(rolled[1][0], "Kremlin", "the Kremlin now leads: {rolled:?}");
    assert_eq!(rolled[1][2..6], ["2", "1", "0", "1"]);
    assert_eq!(rolled[1][11], "1 via Dmitry Peskov");
    let table = env.ok(&["report", "--rollup"]);
    assert!(table.contains("1 via Dmitry Peskov"), "{table}");

    // --as-of: in effect at the end of 2017, the claims had been said but
    // no verdict had taken effect (they were all recorded today); the
    // database knew none of them then (--as-known-on), and today it has
    // them all with today's statuses.
    let past = env.ok(&["report", "--as-of", "2017-12-31", "--format", "json"]);
    let past: serde_json::Value = serde_json::from_str(&past).unwrap();
    assert_eq!(past["as_of"], "2017-12-31");
    let rows = past["rows"].as_array().unwrap();
    let sum = |field: &str| rows.iter().map(|r| r[field].as_i64().unwrap()).sum::<i64>();
    assert_eq!((sum("total"), sum("unverified")), (3, 3), "{past}");
    let known = env.ok(&["report", "--as-known-on", "2017-12-31", "--format", "json"]);
    let known: serde_json::Value = serde_json::from_str(&known).unwrap();
    assert_eq!(known["rows"].as_array().unwrap().len(), 0);
    assert_eq!(known["as_known_on"], "2017-12-31");
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let now: serde_json::Value =
        serde_json::from_str(&env.ok(&["report", "--as-known-on", &today, "--format", "json"])).unwrap();
    let total: i64 = now["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["total"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 3);

    // --source: one source's claims grouped by status.
    let by_status = env.ok(&["report", "--source", "Kremlin", "--rollup", "--format", "json"]);
    let by_status: serde_json::Value = serde_json::from_str(&by_status).unwrap();
    assert_eq!(by_status["total"], 2);
    assert_eq!(by_status["statuses"]["confirmed"][0]["source"], "Dmitry Peskov");
    assert_eq!(by_status["statuses"]["unverified"][0]["source"], "Kremlin");

    // list and its filters.
    let all = parse_csv(&env.ok(&["list", "--format", "csv"]));
    assert_eq!(all.len(), 4);
    assert_eq!(all[1][4], "2017-12-18", "newest claim first");
    let tagged = parse_csv(&env.ok(&["list", "--tag", "TERRORISM", "--format", "csv"]));
    assert_eq!(tagged.len(), 3);
    let refuted = parse_csv(&env.ok(&["list", "--status", "refuted,disputed", "--format", "csv"]));
    assert_eq!(refuted.len(), 2);
    assert_eq!(refuted[1][1], "FSB");
    let window = parse_csv(&env.ok(&[
        "list",
        "--since",
        "2017-12-16",
        "--until",
        "2017-12-17",
        "--format",
        "csv",
    ]));
    assert_eq!(window.len(), 2);
    assert_eq!(window[1][1], "Kremlin");
    let searched = parse_csv(&env.ok(&["list", "--search", "cache of WEAPONS", "--format", "csv"]));
    assert_eq!(searched.len(), 2);
    let by = parse_csv(&env.ok(&["list", "--by", "peskov", "--article", RFERL, "--format", "csv"]));
    assert_eq!(by.len(), 2);
    assert_eq!(by[1][2], "A CIA tip-off helped save many lives in St. Petersburg");

    // Sources and articles.
    let sources: serde_json::Value =
        serde_json::from_str(&env.ok(&["source", "list", "--format", "json"])).unwrap();
    let peskov_source = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Dmitry Peskov")
        .unwrap();
    assert_eq!(
        peskov_source["aliases"],
        serde_json::json!(["Peskov", "Putin's spokesman"])
    );
    assert_eq!(peskov_source["speaks_for"][0]["organization"], "Kremlin");
    assert_eq!(peskov_source["speaks_for"][0]["role"], "press secretary");
    assert_eq!(peskov_source["speaks_for"][0]["since"], "2012-05-22");
    let shown = env.ok(&["source", "show", "KREMLIN"]);
    assert!(
        shown.contains("Dmitry Peskov") && shown.contains("press secretary"),
        "{shown}"
    );
    let articles = parse_csv(&env.ok(&["article", "list", "--format", "csv"]));
    assert_eq!(articles[1][1], RFERL);
    assert_eq!(articles[1][6], "3");
    let article_id = &articles[1][0];
    let by_id = env.ok(&["article", "show", &article_id[article_id.len() - 8..]]);
    assert!(
        by_id.contains("RFE/RL") && by_id.contains("A raid uncovered"),
        "{by_id}"
    );
}

#[test]
fn every_format_prints_the_same_report() {
    let env = Env::new();
    let (peskov, _, _) = seed(&env);
    env.ok(&["confirm", &peskov, "--note", "checked"]);

    let table = env.ok(&["report"]);
    assert!(
        table.contains("Dmitry Peskov") && table.contains("100%"),
        "{table}"
    );
    assert!(!table.contains('\x1b'), "no colour into a pipe");

    let markdown = env.ok(&["report", "--format", "markdown"]);
    let lines: Vec<&str> = markdown.lines().collect();
    assert!(lines[0].starts_with("| Source | Total |"), "{markdown}");
    assert!(lines[1].starts_with("|---|"), "{markdown}");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("| ")).count(),
        4,
        "{markdown}"
    );

    let json: serde_json::Value = serde_json::from_str(&env.ok(&["report", "--format", "json"])).unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let first = &rows[0];
    assert_eq!(
        (
            first["source"].as_str(),
            first["confirmed"].as_i64(),
            first["held_up"].as_f64()
        ),
        (Some("Dmitry Peskov"), Some(1), Some(1.0))
    );

    let csv = parse_csv(&env.ok(&["list", "--format", "csv"]));
    let id = &csv[1][0];
    assert_eq!(id.len(), 36, "CSV carries full UUIDs: {id}");
    assert!(id.ends_with(&peskov));
    assert!(
        csv[1][10].ends_with('Z') && csv[1][10].contains('T'),
        "ISO-8601 UTC: {}",
        csv[1][10]
    );
}

#[test]
fn a_new_source_can_be_created_while_logging() {
    let env = Env::new();
    let id = env.ok(&[
        "add",
        "--by",
        "Jon Huntsman",
        "--new-source",
        "person",
        "--text",
        "Further improvements in the U.S.-Russia relationship can be expected",
    ]);
    let shown = env.ok(&["show", id.trim(), "--format", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["source_detail"]["kind"], "person");
    // The same source, under another case, is not created twice.
    env.ok(&[
        "add",
        "--by",
        "JON HUNTSMAN",
        "--new-source",
        "person",
        "--text",
        "Another claim",
    ]);
    let sources: serde_json::Value =
        serde_json::from_str(&env.ok(&["source", "list", "--format", "json"])).unwrap();
    assert_eq!(sources.as_array().unwrap().len(), 1);
}

#[test]
fn every_command_has_help() {
    let env = Env::new();
    let commands: &[&[&str]] = &[
        &[],
        &["source"],
        &["source", "add"],
        &["source", "list"],
        &["source", "show"],
        &["source", "alias"],
        &["source", "speaks-for"],
        &["article"],
        &["article", "add"],
        &["article", "list"],
        &["article", "show"],
        &["add"],
        &["mark"],
        &["confirm"],
        &["dispute"],
        &["refute"],
        &["link"],
        &["show"],
        &["list"],
        &["report"],
        &["import"],
        &["export"],
        &["verify"],
        &["extract"],
        &["evaluate"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let help = env.ok(&args);
        assert!(help.contains("Usage:"), "{args:?}: {help}");
        // Every flag carries a description, on its line or the next (the
        // examples after the options are command lines, not flags).
        let options = help.split("\nExamples:").next().unwrap_or_default();
        let lines: Vec<&str> = options.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            if !(trimmed.starts_with("--") || trimmed.starts_with("-h,") || trimmed.starts_with("-V,")) {
                continue;
            }
            let described_here = trimmed.trim_end().contains("  ");
            let indent = line.len() - trimmed.len();
            let described_below = lines.get(i + 1).is_some_and(|next| {
                let rest = next.trim_start();
                !rest.is_empty() && next.len() - rest.len() > indent
            });
            assert!(
                described_here || described_below,
                "{args:?}: flag without help: {line}"
            );
        }
    }
    assert!(!env.db.exists(), "help opens no database");
}

pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}
