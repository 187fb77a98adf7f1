//! The documentation's examples, run: every fenced block in README.md and
//! docs/commands.md whose lines start with `$ ` is a shell session. Its
//! commands run in order in one bash, in a scratch folder (with the sample
//! in `claims/` and its Quick-start database in `target/sample.db`), with
//! `claims` on the PATH; the output shown under each command must be what
//! it prints. Ids (8 hex digits), full UUIDs and today's date and times are
//! normalised; a line `...` stands for any number of lines. A command shown
//! without output is only required to succeed; one whose output shows a
//! `claims:` error line must fail. So a changed output fails CI.

use std::path::Path;
use std::process::Command;

/// One `$ command` and the lines shown under it.
#[derive(Debug)]
struct Step {
    command: String,
    expected: Vec<String>,
}

/// The shell sessions in a Markdown file, with the line each starts on.
fn sessions(markdown: &str) -> Vec<(usize, Vec<Step>)> {
    let mut found = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((start, line)) = lines.next() {
        if !line.starts_with("```") {
            continue;
        }
        let mut body = Vec::new();
        for (_, line) in lines.by_ref() {
            if line.starts_with("```") {
                break;
            }
            body.push(line);
        }
        if !body.first().is_some_and(|l| l.starts_with("$ ")) {
            continue;
        }
        let mut steps: Vec<Step> = Vec::new();
        let mut body = body.into_iter();
        while let Some(line) = body.next() {
            if let Some(command) = line.strip_prefix("$ ") {
                let mut command = command.to_string();
                while command.ends_with('\\') {
                    command.pop();
                    command.push_str(body.next().unwrap_or_default().trim_start());
                }
                steps.push(Step {
                    command,
                    expected: Vec::new(),
                });
            } else if let Some(step) = steps.last_mut() {
                step.expected.push(line.to_string());
            }
        }
        found.push((start + 1, steps));
    }
    found
}

/// Ids, UUIDs, hashes, today's date and the times of stored timestamps as
/// placeholders of the same width, so that tables keep their shape.
fn normalised(text: &str) -> String {
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let hex = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
    let mut out = String::new();
    for line in text.lines() {
        let line = line.replace(&today, "YYYY-MM-DD");
        let chars: Vec<char> = line.chars().collect();
        let word_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
        let mut result = String::new();
        let mut i = 0;
        while i < chars.len() {
            if !word_char(chars[i]) {
                result.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && word_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let uuid = word.len() == 36 && word.matches('-').count() == 4 && hex(&word.replace('-', ""));
            let id = word.len() == 8 && hex(&word) && word.chars().any(|c| c.is_ascii_digit());
            let hash = word.len() == 64 && hex(&word);
            if uuid || hash {
                result.push_str(&"#".repeat(word.len()));
            } else if id {
                result.push_str("########");
            } else {
                result.push_str(&word);
            }
        }
        // Clock times (HH:MM:SS) as a placeholder too.
        let mut masked: Vec<char> = result.chars().collect();
        for j in 0..masked.len().saturating_sub(7) {
            let digits = [0, 1, 3, 4, 6, 7].iter().all(|k| masked[j + k].is_ascii_digit());
            if digits && masked[j + 2] == ':' && masked[j + 5] == ':' {
                for (k, c) in "HH:MM:SS".chars().enumerate() {
                    masked[j + k] = c;
                }
                // The date of a stored timestamp (always a recording time).
                if j >= 11 && masked[j - 1] == 'T' {
                    for (k, c) in "YYYY-MM-DD".chars().enumerate() {
                        masked[j - 11 + k] = c;
                    }
                }
                // and the microseconds of a stored timestamp
                if masked.get(j + 8) == Some(&'.') {
                    let mut k = j + 9;
                    while masked.get(k).is_some_and(char::is_ascii_digit) {
                        masked[k] = 'f';
                        k += 1;
                    }
                }
            }
        }
        let line: String = masked.into_iter().collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Whether `actual` shows `expected`, where a `...` line stands for any
/// number of lines.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| line == first && matches(rest, more)),
    }
}

fn run_sessions(file: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let markdown = std::fs::read_to_string(root.join(file)).unwrap();
    let claims = Path::new(env!("CARGO_BIN_EXE_claims"));
    // One folder for the whole file: its sessions continue one another,
    // as a reader following them would.
    let dir = tempfile::tempdir().unwrap();
    {
        // What the Quick start leaves behind: the sample, and its database.
        let sample = dir.path().join("claims");
        std::fs::create_dir(&sample).unwrap();
        for entry in std::fs::read_dir(root.join("claims")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), sample.join(entry.file_name())).unwrap();
        }
        std::fs::create_dir(dir.path().join("target")).unwrap();
        let status = Command::new(claims)
            .args(["--db", "target/sample.db", "import", "claims/"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(status.status.success());
    }
    for (line, steps) in sessions(&markdown) {
        let mut script = String::from("set -u\n");
        for (i, step) in steps.iter().enumerate() {
            // The command on its own line, so that a trailing comment ends
            // there; its stderr with its stdout, as a terminal shows both.
            script.push_str(&format!(
                "echo '@@{i}@@'\n{{\n{}\n}} 2>&1\necho \"@@rc $?@@\"\n",
                step.command
            ));
        }
        let output = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .current_dir(dir.path())
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    claims.parent().unwrap().display(),
                    std::env::var("PATH").unwrap()
                ),
            )
            .env("USER", "tester")
            // A session that forgets CLAIMS_DB must not touch the real
            // default database.
            .env("HOME", dir.path())
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("PAGER", "")
            .env("EDITOR", "true")
            // The examples show the lexical tier, whatever the build.
            .env("CLAIMS_MODEL", "none")
            .env_remove("CLAIMS_DB")
            .env_remove("COLUMNS")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        let output = String::from_utf8(output.stdout).unwrap();
        for (i, step) in steps.iter().enumerate() {
            let start = format!("@@{i}@@\n");
            let from = output
                .find(&start)
                .unwrap_or_else(|| panic!("{file}:{line}: `{}` did not run:\n{output}", step.command))
                + start.len();
            let rest = &output[from..];
            let end = rest.find("@@rc ").unwrap();
            let printed = &rest[..end];
            let code: i32 = rest[end + 5..]
                .split("@@")
                .next()
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            // An error is one line starting "claims: "; what logging a
            // claim says of earlier ones starts so too, and is no error.
            let fails = step
                .expected
                .iter()
                .any(|l| l.starts_with("claims: ") && !l.starts_with("claims: seen before: "));
            assert_eq!(
                code != 0,
                fails,
                "{file}:{line}: `{}` exited {code}:\n{printed}",
                step.command
            );
            if step.expected.is_empty() {
                continue;
            }
            let expected: Vec<String> = normalised(&step.expected.join("\n"))
                .lines()
                .map(str::to_string)
                .collect();
            let actual = normalised(printed);
            let actual: Vec<&str> = actual.lines().collect();
            assert!(
                matches(&expected, &actual),
                "{file}:{line}: `{}` printed\n{}\nbut the docs show\n{}",
                step.command,
                actual.join("\n"),
                expected.join("\n")
            );
        }
    }
}

#[test]
fn the_readme_examples_print_what_the_readme_shows() {
    run_sessions("README.md");
}

#[test]
fn the_command_reference_examples_print_what_it_shows() {
    run_sessions("docs/commands.md");
}

#[test]
fn normalising_keeps_words_and_hides_ids_and_today() {
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert_eq!(
        normalised(&format!("ec3de853: unverified -> disputed at {today} 17:22:20")),
        "########: unverified -> disputed at YYYY-MM-DD HH:MM:SS\n"
    );
    assert_eq!(normalised("terrorism, us-russia"), "terrorism, us-russia\n");
    let expected = vec!["a".to_string(), "...".into(), "d".into()];
    assert!(matches(&expected, &["a", "b", "c", "d"]));
    assert!(!matches(&expected, &["a", "b", "c"]));
}

/// Every command and every flag of every command is in docs/commands.md,
/// so that a flag added to the code without a word in the reference fails
/// CI (the reference is where `claims --help` sends people for the detail).
#[test]
fn the_command_reference_names_every_command_and_flag() {
    use clap::CommandFactory;
    let reference = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/commands.md"))
        .expect("docs/commands.md");
    let mut missing = Vec::new();
    let mut stack = vec![(String::from("claims"), claimtrack::cli::Cli::command())];
    while let Some((path, command)) = stack.pop() {
        if path != "claims" && !reference.contains(&path) {
            missing.push(path.clone());
        }
        for arg in command.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            if ["help", "version"].contains(&long) || arg.is_hide_set() {
                continue;
            }
            if !reference.contains(&format!("--{long}")) {
                missing.push(format!("{path} --{long}"));
            }
        }
        for sub in command.get_subcommands() {
            stack.push((format!("{path} {}", sub.get_name()), sub.clone()));
        }
    }
    missing.sort();
    assert!(missing.is_empty(), "not in docs/commands.md: {missing:?}");
}

/// Every CSV column and JSON field the reading commands print is named in
/// docs/commands.md's "Output formats", so a field added to an output
/// without a word in the reference fails CI.
#[test]
fn the_command_reference_names_every_output_field() {
    let reference = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/commands.md"))
        .expect("docs/commands.md");
    let section = reference
        .split_once("## Output formats")
        .expect("an Output formats section")
        .1;
    let env = super::harness::Env::with_sample();
    let csv = env.ok(&["list", "--format", "csv"]);
    let id = csv.lines().nth(1).unwrap().split(',').next().unwrap().to_string();
    let article = env.ok(&["article", "list", "--format", "csv"]);
    let article = article
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let mut missing = Vec::new();
    let csv_commands: [&[&str]; 8] = [
        &["list"],
        &["report"],
        &["report", "--source", "Kremlin"],
        &["source", "list"],
        &["article", "list"],
        &["article", "show", &article],
        &["log"],
        &["show", &id],
    ];
    for args in csv_commands {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        let out = env.ok(&all);
        let header = out.lines().next().unwrap_or_default().replace(',', ", ");
        if !section.contains(&format!("`{header}`")) {
            missing.push(format!("{args:?} CSV: {header}"));
        }
    }
    let verify = env.ok(&["verify", "--format", "csv"]);
    let header = verify.lines().next().unwrap_or_default().replace(',', ", ");
    if !section.contains(&format!("`{header}`")) {
        missing.push(format!("verify CSV: {header}"));
    }
    // JSON: each key named somewhere in the section, as a word.
    let named = |key: &str| {
        section.match_indices(key).any(|(at, _)| {
            let before = section[..at].chars().next_back();
            let after = section[at + key.len()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            !word(before) && !word(after)
        })
    };
    let json_commands: [&[&str]; 6] = [
        &["list"],
        &["source", "list"],
        &["article", "list"],
        &["log"],
        &["show", &id],
        &["report"],
    ];
    for args in json_commands {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&env.ok(&all)).unwrap();
        let mut objects = vec![value];
        while let Some(value) = objects.pop() {
            match value {
                serde_json::Value::Array(items) => objects.extend(items.into_iter().take(1)),
                serde_json::Value::Object(map) => {
                    for (key, inner) in map {
                        if !named(&key) {
                            missing.push(format!("{args:?} JSON: {key}"));
                        }
                        // The claim's own fields and the history's are
                        // documented; the nested source, article and
                        // operation objects are those of their own commands.
                        if ["history", "rows", "links"].contains(&key.as_str()) {
                            objects.push(inner);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // The claim table (exports) in docs/formats.md, column by column.
    let formats = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/formats.md"))
        .expect("docs/formats.md");
    let table = env.ok(&["export", "--format", "csv"]);
    for column in table.lines().next().unwrap_or_default().split(',') {
        if !formats.contains(&format!("`{column}`")) {
            missing.push(format!("export CSV (docs/formats.md): {column}"));
        }
    }
    // Every key of the claim files `export` writes, in docs/file-format.md.
    let file_format =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/file-format.md"))
            .expect("docs/file-format.md");
    let dir = env.dir.path().join("exported");
    env.ok(&["export", dir.to_str().unwrap()]);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let key = line.split([' ', '=']).next().unwrap_or_default();
            let key = key.trim_start_matches('{');
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                continue;
            }
            if !file_format.contains(&format!("{key} =")) && !file_format.contains(&format!("`{key}`")) {
                missing.push(format!("claim file key (docs/file-format.md): {key}"));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "not in the docs: {missing:?}");
}
