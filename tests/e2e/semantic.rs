//! The semantic tier of claim matching from the command line: embeddings
//! written as claims are logged and by `claims embed`, fused into the
//! scores of `similar`, and the fallback without a build or model files.
//! With `--features semantic` these need the model files
//! (`CLAIMTRACK_TEST_MODEL`, else the default folder): where `CI` is set
//! they must be there (`.ci/run` takes them out of the PyPI wheel);
//! elsewhere the tests skip, saying why.

#[cfg(feature = "semantic")]
use super::harness::Env;
#[cfg(feature = "semantic")]
use super::matching::{texts, with_sample};

/// The model's folder, if the tests can run the model.
#[cfg(feature = "semantic")]
fn model() -> Option<String> {
    claimtrack::matching::semantic::folder_for_tests().map(|f| f.to_string_lossy().into_owned())
}

/// A rewording that shares no rare word with the claim it rewords: the
/// lexical tier cannot find it; meaning does.
#[cfg(feature = "semantic")]
#[test]
fn semantic_tier_finds_a_rewording_without_shared_words() {
    let Some(model) = model() else { return };
    let rewording = "The Russian leader rang the American president to express his gratitude";
    let original = "Putin phoned Trump on December 17 to thank him";
    for backend in with_sample() {
        // The sample was imported without the tier: `embed` catches up,
        // and a second run has nothing to do.
        let (said, _) = backend.ok(&["--model", &model, "embed"]);
        assert!(
            said.starts_with("embedded ")
                && said.contains("(0 already were)")
                && !said.starts_with("embedded 0 "),
            "{}: {said}",
            backend.name()
        );
        let (said, _) = backend.ok(&["--model", &model, "embed"]);
        assert!(
            said.starts_with("embedded 0 claims"),
            "{}: {said}",
            backend.name()
        );
        let (lexical, _) = backend.ok(&["similar", "--text", rewording, "--format", "csv"]);
        assert!(
            !texts(&lexical).first().is_some_and(|t| t.starts_with(original)),
            "{}: the lexical tier should not find it first: {lexical}",
            backend.name()
        );
        let (csv, stderr) = backend.ok(&[
            "--model", &model, "similar", "--text", rewording, "--format", "csv",
        ]);
        assert_eq!(stderr, "", "{}", backend.name());
        let found = texts(&csv);
        assert!(
            found.first().is_some_and(|t| t.starts_with(original)),
            "{}: found {found:#?}",
            backend.name()
        );
    }
}

/// Embeddings follow the claim: an edited text is embedded again, an
/// unchanged one is not.
#[cfg(feature = "semantic")]
#[test]
fn semantic_tier_embeds_again_only_what_changed() {
    let Some(model) = model() else { return };
    let env = Env::new();
    let id = env.ok(&[
        "--model",
        &model,
        "add",
        "--by",
        "Kremlin",
        "--new-source",
        "organization",
        "--text",
        "The plot was foiled thanks to the tip",
    ]);
    let id = id.trim();
    let said = env.ok(&["--model", &model, "embed"]);
    assert!(
        said.starts_with("embedded 0 claims with all-MiniLM-L6-v2 (1 already were)"),
        "{said}"
    );
    // A database logged without the tier is embedded by `claims embed`.
    env.ok(&["add", "--by", "Kremlin", "--text", "Nobody was hurt"]);
    let said = env.ok(&["--model", &model, "embed"]);
    assert!(
        said.starts_with("embedded 1 claims with all-MiniLM-L6-v2 (1 already were)"),
        "{said}"
    );
    // A new text is embedded again.
    env.ok(&[
        "edit",
        id,
        "--text",
        "The attack was prevented because of the warning",
        "--note",
        "reworded",
    ]);
    let said = env.ok(&["--model", &model, "embed"]);
    assert!(said.starts_with("embedded 1 claims"), "{said}");
}

/// A write of more claims than one write embeds leaves them to `claims
/// embed`, and says so once.
#[cfg(feature = "semantic")]
#[test]
fn a_large_import_leaves_embedding_to_claims_embed() {
    let Some(model) = model() else { return };
    let env = Env::new();
    let lines: String = (0..501)
        .map(|i| {
            format!(
                "{{\"source\": \"Agency {}\", \"text\": \"Claim number {i} about topic {}\"}}\n",
                i % 7,
                i * 31 % 97
            )
        })
        .collect();
    let file = env.dir.path().join("many.jsonl");
    std::fs::write(&file, lines).unwrap();
    let run = env.run(&["--model", &model, "import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "claims: 501 claims are not embedded yet (over 500 in one write): `claims embed` does it"
        ),
        "{}",
        run.stderr
    );
    let said = env.ok(&["--model", &model, "embed"]);
    assert!(said.starts_with("embedded 501 claims"), "{said}");
}

/// Model files missing: the tier says so, once, and matches lexically.
#[cfg(feature = "semantic")]
#[test]
fn semantic_tier_without_model_files_falls_back() {
    let env = Env::with_sample();
    let missing = env.dir.path().join("no-model");
    let lexical = env.ok(&[
        "similar",
        "--text",
        "Putin thanked Trump for the CIA tip",
        "--format",
        "csv",
    ]);
    let run = env.run(&[
        "--model",
        missing.to_str().unwrap(),
        "similar",
        "--text",
        "Putin thanked Trump for the CIA tip",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, lexical);
    assert_eq!(
        run.stderr,
        format!(
            "claims: no model files in {} (docs/matching.md says how to install all-MiniLM-L6-v2): matching lexically\n",
            missing.display()
        )
    );
    let refused = env.refused(&["--model", missing.to_str().unwrap(), "embed"], 2);
    assert!(
        refused.starts_with("claims: cannot embed: no model files in"),
        "{refused}"
    );
}

/// The default build has no semantic tier: `embed` is refused, and a model
/// asked for by name is not used, saying so.
#[cfg(not(feature = "semantic"))]
#[test]
fn the_default_build_says_it_has_no_semantic_tier() {
    let env = super::harness::Env::with_sample();
    let refused = env.refused(&["embed"], 2);
    assert_eq!(
        refused,
        "claims: cannot embed: this build has no semantic tier (build with `--features semantic`)\n"
    );
    let run = env.run(&[
        "--model",
        "/opt/models/all-MiniLM-L6-v2",
        "similar",
        "--text",
        "Putin thanked Trump",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "claims: this build has no semantic tier (build with `--features semantic`): matching lexically\n"
    );
}
