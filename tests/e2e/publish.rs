//! `claims publish`: the sample as a static site, checked as a reader's
//! browser and a search engine's crawler would check it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::browser::{Browser, chromium};
use super::harness::Env;

const BASE: &str = "https://checks.example.org/";

/// Every file of a folder, by relative path, with its bytes.
pub(super) fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The claims of `list --format csv`: (id, status, source).
fn listed(env: &Env) -> Vec<(String, String, String)> {
    let csv = env.ok(&["list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, status, source) = (at("id"), at("status"), at("source"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[id].to_string(), r[status].to_string(), r[source].to_string())
        })
        .collect()
}

/// The sample, with what a desk does after first publishing: a verdict
/// changed with a reason, a wording corrected, a claim withdrawn, two
/// claims linked. Returns the env and the ids (changed, corrected,
/// withdrawn).
fn worked_sample() -> (Env, String, String, String) {
    let env = Env::with_sample();
    let claims = listed(&env);
    let published: Vec<&(String, String, String)> = claims.iter().filter(|c| c.1 != "unverified").collect();
    assert!(published.len() >= 4, "{claims:?}");
    let changed = published.iter().find(|c| c.1 == "disputed").unwrap().0.clone();
    let corrected = published.iter().find(|c| c.0 != changed).unwrap().0.clone();
    let withdrawn = published
        .iter()
        .find(|c| c.0 != changed && c.0 != corrected)
        .unwrap()
        .0
        .clone();
    env.ok(&[
        "refute",
        &changed,
        "--note",
        "The court record shows otherwise",
        "--evidence",
        "https://court.example/record/7",
        "--rating",
        "False",
    ]);
    env.ok(&[
        "edit",
        &corrected,
        "--text",
        "A corrected wording of the claim",
        "--note",
        "misquoted",
    ]);
    env.ok(&["withdraw", &withdrawn, "--note", "logged twice by mistake"]);
    env.ok(&["link", &changed, "contradicts", &corrected]);
    (env, changed, corrected, withdrawn)
}

fn publish(env: &Env, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "publish",
        dir.to_str().unwrap(),
        "--base-url",
        BASE,
        "--publisher",
        "Example Desk",
    ];
    args.extend_from_slice(extra);
    env.ok(&args)
}

/// Every `href` and `src` of an HTML page.
fn references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Option<Value> {
    let start = html.find("<script type=\"application/ld+json\">")?;
    let body = &html[start + "<script type=\"application/ld+json\">".len()..];
    let end = body.find("</script>").unwrap();
    Some(serde_json::from_str(&body[..end].replace("<\\/", "</")).expect("JSON-LD parses"))
}

#[test]
fn the_published_site_links_whole_and_carries_claimreview_on_every_claim_page() {
    let (env, changed, corrected, withdrawn) = worked_sample();
    let site = env.dir.path().join("site");
    let out = publish(&env, &site, &[]);
    assert!(out.starts_with("published "), "{out}");
    let all = files(&site);
    for needed in [
        "index.html",
        "claims/index.html",
        "speakers/index.html",
        "tags/index.html",
        "corrections.html",
        "methodology.html",
        "feed.xml",
        "sitemap.xml",
        "claimreview.json",
        "claims.csv",
        "style.css",
        "status/refuted.html",
    ] {
        assert!(all.contains_key(needed), "{needed} missing from {:?}", all.keys());
    }
    // Every internal reference resolves to a file of the site; nothing is
    // loaded from another host (links out are only <a href>).
    let mut claim_pages = 0;
    for (path, bytes) in all.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).unwrap();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"), "{path}");
        assert!(
            html.contains("<main id=\"main\">") && html.contains("<footer"),
            "{path}"
        );
        assert!(
            !html.contains("<script src") && !html.contains("@import"),
            "{path}"
        );
        let folder = Path::new(path).parent().unwrap();
        for reference in references(html) {
            if reference.starts_with("https://")
                || reference.starts_with("http://")
                || reference.starts_with('#')
            {
                continue;
            }
            let target = reference.split('#').next().unwrap();
            let resolved = normalize(&folder.join(target));
            assert!(
                all.contains_key(&resolved),
                "{path} links to {reference}, which the site does not have"
            );
        }
        // Headings in order: one h1, and no level skipped.
        let levels: Vec<usize> = (1..=6)
            .flat_map(|l| {
                html.match_indices(&format!("<h{l}"))
                    .map(|(at, _)| (at, l))
                    .collect::<Vec<_>>()
            })
            .collect::<BTreeMap<usize, usize>>()
            .into_values()
            .collect();
        assert_eq!(
            levels.iter().filter(|&&l| l == 1).count(),
            1,
            "{path}: {levels:?}"
        );
        assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "{path}: {levels:?}");
        if let Some(review) = json_ld(html) {
            claim_pages += 1;
            assert_eq!(review["@type"], "ClaimReview", "{path}");
            assert_eq!(review["url"], format!("{BASE}{path}"), "{path}");
            for field in ["claimReviewed", "datePublished"] {
                assert!(
                    review[field].as_str().is_some_and(|v| !v.is_empty()),
                    "{path}: {field}"
                );
            }
            assert_eq!(review["author"]["name"], "Example Desk");
            assert!(review["reviewRating"]["alternateName"].is_string(), "{path}");
            assert!(review["itemReviewed"]["author"]["name"].is_string(), "{path}");
            assert!(
                review["itemReviewed"]["appearance"][0]["url"].is_string(),
                "{path}"
            );
        }
    }
    let published = listed(&env).iter().filter(|c| c.1 != "unverified").count();
    assert_eq!(claim_pages, published, "one ClaimReview per published claim");
    let reviews: Vec<Value> = serde_json::from_slice(&all["claimreview.json"]).unwrap();
    assert_eq!(reviews.len(), published);

    // The verdict changed after publication is in the claim's update
    // history and the corrections log, dated and explained; so is the
    // corrected wording; the withdrawn claim has a tombstone saying why.
    let page =
        |id: &str| String::from_utf8(all[&format!("claims/{}.html", full_id(&env, id))].clone()).unwrap();
    let changed_page = page(&changed);
    assert!(
        changed_page.contains("Verdict changed from Disputed to Refuted"),
        "{changed_page}"
    );
    assert!(changed_page.contains("The court record shows otherwise"));
    assert!(changed_page.contains("https://court.example/record/7"));
    assert!(changed_page.contains("This claim contradicts"));
    let corrected_page = page(&corrected);
    assert!(
        corrected_page.contains("Wording corrected from"),
        "{corrected_page}"
    );
    assert!(corrected_page.contains("misquoted"));
    assert!(corrected_page.contains("is contradicted by"));
    let tombstone = page(&withdrawn);
    assert!(tombstone.contains("Withdrawn fact-check") && tombstone.contains("logged twice by mistake"));
    assert!(json_ld(&tombstone).is_none(), "a withdrawn claim is no review");
    let corrections = String::from_utf8(all["corrections.html"].clone()).unwrap();
    for entry in [
        "Verdict changed from Disputed to Refuted",
        "Wording corrected",
        "Fact-check withdrawn",
    ] {
        assert!(corrections.contains(entry), "{entry} not in the corrections log");
    }
    // Every page names the journal head its content stands on, and that
    // head is one `verify --extends` accepts.
    let hash = changed_page
        .split("claims verify --extends ")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(hash.len(), 64);
    env.ok(&["verify", "--extends", &hash]);
    // The feed and the sitemap are well-formed enough to name every page.
    let sitemap = String::from_utf8(all["sitemap.xml"].clone()).unwrap();
    let html_pages = all.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(sitemap.matches("<url>").count(), html_pages);
    let feed = String::from_utf8(all["feed.xml"].clone()).unwrap();
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">") && feed.contains("<entry>"));
}

/// `a/b/../c` as `a/c`, with `/` separators.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// A claim's full id from a short or full one.
fn full_id(env: &Env, id: &str) -> String {
    let shown = env.ok(&["show", id, "--format", "json"]);
    let value: Value = serde_json::from_str(&shown).unwrap();
    value["id"]
        .as_str()
        .or_else(|| value[0]["id"].as_str())
        .or_else(|| value["claim"]["id"].as_str())
        .unwrap_or_else(|| panic!("no id in {shown}"))
        .to_string()
}

#[test]
fn each_page_type_renders_in_chromium_with_no_errors() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let (env, changed, _, withdrawn) = worked_sample();
    let site = env.dir.path().join("site");
    publish(&env, &site, &[]);
    let all = files(&site);
    let speaker = all
        .keys()
        .find(|p| p.starts_with("speakers/") && *p != "speakers/index.html")
        .unwrap()
        .clone();
    let tag = all
        .keys()
        .find(|p| p.starts_with("tags/") && *p != "tags/index.html")
        .cloned();
    let mut pages = vec![
        "index.html".to_string(),
        "claims/index.html".to_string(),
        format!("claims/{}.html", full_id(&env, &changed)),
        format!("claims/{}.html", full_id(&env, &withdrawn)),
        speaker,
        "speakers/index.html".to_string(),
        "status/refuted.html".to_string(),
        "tags/index.html".to_string(),
        "corrections.html".to_string(),
        "methodology.html".to_string(),
    ];
    pages.extend(tag);
    let profile = tempfile::tempdir().unwrap();
    let shots = std::env::var_os("CLAIMTRACK_SCREENSHOTS").map(PathBuf::from);
    for (width, height) in [(1280, 1000), (390, 844)] {
        let mut browser = Browser::start(&chromium, profile.path(), width, height);
        for page in &pages {
            let url = format!("file://{}", site.join(page).display());
            let visit = browser.visit(&url);
            assert!(visit.errors.is_empty(), "{page} at {width}px: {:?}", visit.errors);
            assert!(!visit.title.is_empty(), "{page} has no title");
            let ink = visit.ink();
            assert!(
                ink > 0.01,
                "{page} at {width}px looks blank ({ink:.4} of the pixels drawn)"
            );
            assert_eq!(visit.width, width as usize);
            // Readable on a phone: nothing wider than the screen.
            let overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assert!(
                overflow.as_i64().unwrap_or(0) <= 0,
                "{page} at {width}px is {overflow}px wider than the screen"
            );
            if let Some(dir) = &shots {
                std::fs::create_dir_all(dir).unwrap();
                let name = format!("{}-{width}.png", page.replace('/', "_"));
                visit.save_png(&dir.join(name));
            }
        }
    }
}

#[test]
fn publishing_is_deterministic_and_a_mark_rewrites_only_what_it_changes() {
    let (env, changed, _, _) = worked_sample();
    let (one, two) = (env.dir.path().join("one"), env.dir.path().join("two"));
    publish(&env, &one, &[]);
    publish(&env, &two, &[]);
    assert_eq!(files(&one), files(&two), "the same database gave different bytes");
    let again = publish(&env, &one, &[]);
    assert!(
        again.contains(": 0 files written,") && again.ends_with("0 removed\n"),
        "{again}"
    );

    let before = files(&one);
    let modified = |dir: &Path| -> BTreeMap<String, std::time::SystemTime> {
        files(dir)
            .keys()
            .map(|p| {
                (
                    p.clone(),
                    std::fs::metadata(dir.join(p)).unwrap().modified().unwrap(),
                )
            })
            .collect()
    };
    let times = modified(&one);
    // One mark of a claim with no links: its page, and the pages that
    // list it or count it, change; every other claim's page stays as it was.
    let claims = listed(&env);
    let lone = claims
        .iter()
        .find(|c| {
            let shown = env.ok(&["show", &c.0]);
            c.1 != "unverified"
                && c.0 != changed
                && ["contradict", "support", "repeat", "denie", "retract"]
                    .iter()
                    .all(|relation| !shown.contains(relation))
        })
        .expect("a published claim with no links")
        .0
        .clone();
    env.ok(&["confirm", &lone, "--note", "the agency published the data"]);
    let out = publish(&env, &one, &[]);
    let after = files(&one);
    let new_times = modified(&one);
    let rewritten: BTreeSet<&String> = after
        .keys()
        .filter(|p| times.get(*p) != new_times.get(*p))
        .collect();
    let differ: BTreeSet<&String> = after.keys().filter(|p| before.get(*p) != after.get(*p)).collect();
    assert_eq!(
        rewritten, differ,
        "files rewritten with the same bytes, or changed bytes not rewritten"
    );
    let lone_page = format!("claims/{}.html", full_id(&env, &lone));
    assert!(differ.contains(&lone_page));
    let other_claim_pages: Vec<&&String> = differ
        .iter()
        .filter(|p| p.starts_with("claims/") && **p != &lone_page && !p.contains("index"))
        .collect();
    assert!(
        other_claim_pages.is_empty(),
        "a mark rewrote other claims' pages: {other_claim_pages:?}"
    );
    assert!(
        differ.len() * 2 < after.len(),
        "{} of {} files rewritten: {differ:?}",
        differ.len(),
        after.len()
    );
    assert!(
        out.contains(&format!(": {} files written,", differ.len())),
        "{out}"
    );
}

#[test]
fn only_verdicts_are_published_and_notes_can_be_kept_out() {
    let (env, changed, _, _) = worked_sample();
    let site = env.dir.path().join("site");
    publish(&env, &site, &["--no-notes"]);
    let all = files(&site);
    let claims = listed(&env);
    for (id, status, _) in &claims {
        let page = format!("claims/{}.html", full_id(&env, id));
        assert_eq!(
            all.contains_key(&page),
            status != "unverified",
            "{page} ({status})"
        );
    }
    for (path, bytes) in &all {
        let text = String::from_utf8_lossy(bytes);
        for note in [
            "The court record shows otherwise",
            "logged twice by mistake",
            "misquoted",
        ] {
            assert!(
                !text.contains(note),
                "--no-notes, yet {path} holds the note {note:?}"
            );
        }
    }
    // The verdict and its evidence stay.
    let page = String::from_utf8(all[&format!("claims/{}.html", full_id(&env, &changed))].clone()).unwrap();
    assert!(page.contains("Our verdict: Refuted") && page.contains("https://court.example/record/7"));
    // A filter narrows the site: one source's claims only.
    let (_, _, source) = claims.iter().find(|c| c.1 != "unverified").unwrap().clone();
    let narrow = env.dir.path().join("narrow");
    publish(&env, &narrow, &["--by", &source]);
    let narrow_reviews: Vec<Value> = serde_json::from_slice(&files(&narrow)["claimreview.json"]).unwrap();
    assert!(!narrow_reviews.is_empty());
    assert!(
        narrow_reviews
            .iter()
            .all(|r| r["itemReviewed"]["author"]["name"] == source.as_str())
    );
}

#[test]
fn publish_refuses_a_folder_it_did_not_write_and_a_bad_base_url() {
    let env = Env::with_sample();
    let occupied = env.dir.path().join("occupied");
    std::fs::create_dir(&occupied).unwrap();
    std::fs::write(occupied.join("notes.txt"), "mine").unwrap();
    let line = env.refused(&["publish", occupied.to_str().unwrap(), "--base-url", BASE], 2);
    assert!(
        line.contains("is not empty") && line.contains("occupied"),
        "{line}"
    );
    assert_eq!(
        std::fs::read_dir(&occupied).unwrap().count(),
        1,
        "nothing written"
    );
    let line = env.refused(&["publish", "site", "--base-url", "checks.example.org"], 2);
    assert!(line.contains("'checks.example.org'"), "{line}");
}

/// The browser check itself: a page with a stylesheet that is not there,
/// a console error and an uncaught exception reports all three, and a
/// blank page reads as blank. (Otherwise a clean run above proves little.)
#[test]
fn the_browser_check_sees_what_would_break_a_page() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.html");
    std::fs::write(
        &broken,
        "<!doctype html><html lang=\"en\"><head><title>t</title><link rel=\"stylesheet\" href=\"missing.css\"></head>\
         <body><p>text</p><script>console.error('boom'); null.x;</script></body></html>",
    )
    .unwrap();
    let blank = dir.path().join("blank.html");
    std::fs::write(
        &blank,
        "<!doctype html><html lang=\"en\"><head><title>b</title></head><body></body></html>",
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut browser = Browser::start(&chromium, profile.path(), 800, 600);
    let visit = browser.visit(&format!("file://{}", broken.display()));
    let errors = visit.errors.join("\n");
    assert!(
        errors.contains("missing.css") || errors.contains("ERR_FILE_NOT_FOUND"),
        "{errors}"
    );
    assert!(
        errors.contains("console.error") && errors.contains("boom"),
        "{errors}"
    );
    assert!(errors.contains("exception"), "{errors}");
    assert_eq!(browser.visit(&format!("file://{}", blank.display())).ink(), 0.0);
}
