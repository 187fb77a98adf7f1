//! The site's pages as HTML: plain, accessible markup (a language, a skip
//! link, landmarks, headings in order, every status written out and not
//! only coloured), one shared stylesheet, nothing from another host and no
//! script but each claim page's JSON-LD.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::{
    ClaimPage, LATEST, Options, PAGE_SIZE, PUBLISHED_STATUSES, SpeakerPage, Stand, Tombstone, Update,
};
use crate::model::Status;

/// What every page is rendered from.
pub(super) struct SiteContext<'a> {
    pub options: &'a Options,
    pub pages: &'a [ClaimPage<'a>],
    pub speakers: &'a [SpeakerPage<'a>],
    /// The journal's head: the stand of pages about the whole site.
    pub head: Stand<'a>,
    /// Each page's path and the day its content last changed, as pages
    /// are rendered (for the sitemap).
    pub changed: RefCell<BTreeMap<String, String>>,
}

/// One line of the corrections log.
pub(super) struct Correction {
    /// When it was recorded.
    pub at: String,
    /// The claim page (or tombstone) it is about, and its text.
    pub path: String,
    pub text: String,
    pub what: String,
    pub why: Option<String>,
}

/// Escapes text for HTML content and attribute values.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A status as a reader reads it.
pub(super) fn status_label(status: Status) -> &'static str {
    match status {
        Status::Unverified => "Unverified",
        Status::Disputed => "Disputed",
        Status::Confirmed => "Confirmed",
        Status::Refuted => "Refuted",
        Status::Unverifiable => "Unverifiable",
        Status::Retracted => "Retracted",
    }
}

/// What a status means, in a sentence.
pub(super) fn status_meaning(status: Status) -> &'static str {
    match status {
        Status::Unverified => "Logged, not yet checked.",
        Status::Disputed => "Credible parties contest it, and the evidence does not settle it.",
        Status::Confirmed => "Independent evidence shows it is true as stated.",
        Status::Refuted => "Evidence shows it is false as stated.",
        Status::Unverifiable => "It cannot be checked with evidence that exists or could exist.",
        Status::Retracted => "The source itself withdrew it; this says nothing of whether it was true.",
    }
}

/// The status as a badge: its words, with a colour that only repeats them.
fn badge(status: Status) -> String {
    format!(
        r#"<span class="badge s-{}">{}</span>"#,
        status.as_str(),
        status_label(status)
    )
}

/// `2017-12-18T09:30:00.000000Z` as `18 Dec 2017, 09:30 UTC`, in a
/// `<time>` element.
fn moment(at: &str) -> String {
    let day = at.get(..10).unwrap_or(at);
    let clock = at.get(11..16).unwrap_or("");
    format!(
        r#"<time datetime="{}">{}{}</time>"#,
        esc(at),
        long_day(day),
        if clock.is_empty() {
            String::new()
        } else {
            format!(", {clock} UTC")
        }
    )
}

/// `2017-12-18` as `18 Dec 2017` in a `<time>` element.
fn day(day: &str) -> String {
    format!(r#"<time datetime="{}">{}</time>"#, esc(day), long_day(day))
}

fn long_day(day: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = day.split('-').collect();
    match parts[..] {
        [y, m, d] => match m.parse::<usize>() {
            Ok(m @ 1..=12) => format!("{} {} {y}", d.trim_start_matches('0'), MONTHS[m - 1]),
            _ => esc(day),
        },
        _ => esc(day),
    }
}

/// An element's `lang` attribute for text in a recorded language.
fn lang(language: Option<&str>) -> String {
    language.map_or(String::new(), |l| format!(r#" lang="{}""#, esc(l)))
}

impl SiteContext<'_> {
    /// The page shell: head, header with the site's navigation, the body
    /// in `<main>`, and the footer naming the journal head the content
    /// stands on.
    fn page(&self, path: &str, title: &str, body: &str, stand: Stand, extra_head: &str) -> String {
        let root = if path.contains('/') { "../" } else { "" };
        let publisher = esc(&self.options.publisher);
        let canonical = format!("{}{}", self.options.base_url, path);
        self.changed
            .borrow_mut()
            .insert(path.to_string(), stand.at.get(..10).unwrap_or("").to_string());
        let as_of = if stand.id == 0 {
            "<p>No change is recorded in the journal yet.</p>".to_string()
        } else {
            format!(
                r#"<p>Record as of {} (journal operation {}). Journal chain head: <code class="hash">{}</code></p>
<p>Anyone holding a copy of the database can check that this record was not rewritten since: <code>claims verify --extends {}</code></p>"#,
                moment(stand.at),
                stand.id,
                esc(stand.hash),
                esc(stand.hash)
            )
        };
        let nav = [
            ("index.html", "Latest"),
            ("claims/index.html", "All fact-checks"),
            ("speakers/index.html", "Speakers"),
            ("tags/index.html", "Topics"),
            ("corrections.html", "Corrections"),
            ("methodology.html", "Methodology"),
        ]
        .iter()
        .map(|(href, label)| {
            let current = if *href == path {
                r#" aria-current="page""#
            } else {
                ""
            };
            format!(r#"<li><a href="{root}{href}"{current}>{label}</a></li>"#)
        })
        .collect::<String>();
        format!(
            r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {publisher}</title>
<link rel="stylesheet" href="{root}style.css">
<link rel="canonical" href="{canonical}">
<link rel="alternate" type="application/atom+xml" title="{publisher}: latest fact-checks" href="{root}feed.xml">
{extra_head}</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="site">
<p class="name"><a href="{root}index.html">{publisher}</a></p>
<nav aria-label="Site"><ul>{nav}</ul></nav>
</header>
<main id="main">
{body}</main>
<footer class="site">
{as_of}
<p>Published by {publisher} with claimtrack. <a href="{root}methodology.html">How we check</a> · <a href="{root}corrections.html">Corrections</a> · <a href="{root}claimreview.json">ClaimReview data</a> · <a href="{root}claims.csv">CSV</a> · <a href="{root}feed.xml">Atom feed</a></p>
</footer>
</body>
</html>
"##,
            title = esc(title),
            canonical = esc(&canonical),
        )
    }

    /// The days each rendered page's content last changed, by path.
    pub(super) fn last_changed(&self) -> BTreeMap<String, String> {
        self.changed.borrow().clone()
    }

    fn speaker_link(&self, root: &str, page: &ClaimPage) -> String {
        match page.speaker {
            Some(s) => format!(
                r#"<a href="{root}speakers/{}.html">{}</a>"#,
                self.speakers[s].slug,
                esc(&page.row.source)
            ),
            None => esc(&page.row.source),
        }
    }

    /// A list of claims, each with its verdict, speaker and date.
    fn claim_list(&self, root: &str, claims: &[usize]) -> String {
        if claims.is_empty() {
            return "<p>None yet.</p>\n".to_string();
        }
        let mut out = String::from("<ol class=\"claims\">\n");
        for &i in claims {
            let page = &self.pages[i];
            let row = page.row;
            let said = row
                .said_on
                .as_deref()
                .map(|d| format!(" · said {}", day(d)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                r#"<li>{} <a href="{root}claims/{}.html"{}>{}</a><br><span class="meta">{}{said}</span></li>"#,
                badge(row.status),
                row.id,
                lang(row.language.as_deref()),
                esc(&row.text),
                self.speaker_link(root, page),
            );
        }
        out.push_str("</ol>\n");
        out
    }

    /// A claim's page.
    pub(super) fn claim_page(&self, i: usize, review: &Value) -> String {
        let page = &self.pages[i];
        let row = page.row;
        let root = "../";
        let mut body = String::new();
        let _ = writeln!(body, "<article>");
        let _ = writeln!(
            body,
            r#"<h1{}>{}</h1>"#,
            lang(row.language.as_deref()),
            esc(&row.text)
        );
        // Who, where, when.
        let mut who = self.speaker_link(root, page);
        if let Some(job) = row.source_job.as_deref().filter(|j| !j.is_empty()) {
            let _ = write!(who, ", {}", esc(job));
        }
        if let Some(party) = row.source_party.as_deref().filter(|p| !p.is_empty()) {
            let _ = write!(who, " ({})", esc(party));
        }
        let mut facts = format!("<dt>Claimed by</dt><dd>{who}</dd>\n");
        if let Some(said) = &row.said_on {
            let _ = writeln!(facts, "<dt>When</dt><dd>{}</dd>", day(said));
        }
        if let Some(url) = &row.article_url {
            let title = row
                .article_title
                .as_deref()
                .filter(|t| !t.is_empty())
                .unwrap_or(url);
            let mut place = format!(r#"<a href="{}">{}</a>"#, esc(url), esc(title));
            if let Some(publisher) = &row.article_publisher {
                let _ = write!(place, ", {}", esc(publisher));
            }
            if let Some(published) = &row.article_published {
                let _ = write!(place, ", {}", day(published));
            }
            let _ = writeln!(facts, "<dt>Where</dt><dd>{place}</dd>");
        }
        let _ = writeln!(body, "<dl class=\"facts\">\n{facts}</dl>");
        if let Some(quote) = &row.quote {
            let _ = writeln!(
                body,
                r#"<figure class="quote"><blockquote{}><p>{}</p></blockquote><figcaption>{}</figcaption></figure>"#,
                lang(row.language.as_deref()),
                esc(quote),
                esc(&row.source)
            );
        }
        // The verdict.
        let _ = writeln!(
            body,
            r#"<section class="verdict s-{}" aria-labelledby="verdict">
<h2 id="verdict">Our verdict: {}</h2>
<p>{}</p>"#,
            row.status.as_str(),
            status_label(row.status),
            status_meaning(row.status)
        );
        if let Some(rating) = &row.rating {
            let _ = writeln!(body, "<p>Rating: <strong>{}</strong></p>", esc(rating));
        }
        let _ = writeln!(
            body,
            "<p class=\"meta\">First published {}; verdict in effect from {}.</p>\n</section>",
            moment(page.first_published),
            day(&row.reviewed_on)
        );
        if self.options.notes
            && let Some(note) = &row.note
        {
            let _ = writeln!(
                body,
                "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">Why</h2>\n<p class=\"note\">{}</p>\n</section>",
                esc(note)
            );
        }
        if !row.evidence.is_empty() {
            let _ = writeln!(
                body,
                "<section aria-labelledby=\"evidence\">\n<h2 id=\"evidence\">Evidence</h2>\n<ol class=\"evidence\">"
            );
            for url in &row.evidence {
                let _ = writeln!(body, r#"<li><a href="{0}">{0}</a></li>"#, esc(url));
            }
            let _ = writeln!(body, "</ol>\n</section>");
        }
        if !page.related.is_empty() {
            let _ = writeln!(
                body,
                "<section aria-labelledby=\"related\">\n<h2 id=\"related\">Related claims</h2>\n<ul class=\"related\">"
            );
            for (relation, other) in &page.related {
                let other = &self.pages[*other];
                let _ = writeln!(
                    body,
                    r#"<li>This claim {}: <a href="{}.html"{}>{}</a> ({}) {}</li>"#,
                    esc(relation),
                    other.row.id,
                    lang(other.row.language.as_deref()),
                    esc(&other.row.text),
                    esc(&other.row.source),
                    badge(other.row.status)
                );
            }
            let _ = writeln!(body, "</ul>\n</section>");
        }
        let _ = writeln!(
            body,
            "<section aria-labelledby=\"updates\">\n<h2 id=\"updates\">Update history</h2>"
        );
        if page.updates.is_empty() {
            let _ = writeln!(
                body,
                "<p>No change since this fact-check was first published on {}.</p>",
                moment(page.first_published)
            );
        } else {
            let _ = writeln!(body, "<ol class=\"updates\">");
            for update in &page.updates {
                let _ = writeln!(body, "<li>{}</li>", update_line(update));
            }
            let _ = writeln!(body, "</ol>");
        }
        let _ = writeln!(body, "</section>\n</article>");
        // JSON-LD: `</` would end the script element early.
        let json = serde_json::to_string(review)
            .unwrap_or_default()
            .replace("</", "<\\/");
        let extra = format!("<script type=\"application/ld+json\">{json}</script>\n");
        self.page(&super::claim_path(row), &row.text, &body, page.stand, &extra)
    }

    /// A withdrawn claim's tombstone.
    pub(super) fn tombstone_page(&self, tombstone: &Tombstone) -> String {
        let claim = tombstone.claim;
        let mut body = format!(
            "<article>\n<h1>Withdrawn fact-check</h1>\n<p>We withdrew our fact-check of this claim by {} on {}:</p>\n<blockquote{}><p>{}</p></blockquote>\n",
            esc(&claim.source),
            moment(tombstone.withdrawn_at),
            lang(claim.language.as_deref()),
            esc(&claim.text)
        );
        match tombstone.why.filter(|_| self.options.notes) {
            Some(why) => {
                let _ = writeln!(body, "<h2>Why</h2>\n<p class=\"note\">{}</p>", esc(why));
            }
            None => {
                let _ = writeln!(
                    body,
                    "<h2>Why</h2>\n<p>It had been logged by mistake (see our <a href=\"../corrections.html\">corrections</a>).</p>"
                );
            }
        }
        body.push_str("</article>\n");
        self.page(
            &format!("claims/{}.html", claim.id),
            "Withdrawn fact-check",
            &body,
            tombstone.stand,
            "<meta name=\"robots\" content=\"noindex\">\n",
        )
    }

    /// A speaker's page: who, the scorecard, the verdicts over time.
    pub(super) fn speaker_page(&self, i: usize) -> String {
        let speaker = &self.speakers[i];
        let source = &speaker.source.source;
        let root = "../";
        let path = format!("speakers/{}.html", speaker.slug);
        let mut body = format!("<h1>{}</h1>\n", esc(&source.name));
        let mut about = vec![source.kind.as_str().to_string()];
        for part in [&source.profile.job, &source.profile.party, &source.profile.region]
            .into_iter()
            .flatten()
        {
            about.push(esc(part));
        }
        let _ = writeln!(body, "<p class=\"meta\">{}</p>", about.join(" · "));
        if let Some(description) = &source.profile.description {
            let _ = writeln!(body, "<p>{}</p>", esc(description));
        }
        if !source.aliases.is_empty() {
            let _ = writeln!(
                body,
                "<p>Also known as: {}.</p>",
                source
                    .aliases
                    .iter()
                    .map(|a| esc(a))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        for role in &speaker.source.speaks_for {
            let organization = self
                .speakers
                .iter()
                .find(|s| s.source.source.name == role.organization);
            let name = match organization {
                Some(o) => format!(r#"<a href="{}.html">{}</a>"#, o.slug, esc(&role.organization)),
                None => esc(&role.organization),
            };
            let _ = writeln!(
                body,
                "<p>Speaks for {name}{}.</p>",
                if role.role.is_empty() {
                    String::new()
                } else {
                    format!(" as {}", esc(&role.role))
                }
            );
        }
        let mut claims: Vec<usize> = speaker.own.clone();
        claims.extend(speaker.via.iter().map(|(c, _)| *c));
        claims.sort_by(|&a, &b| {
            let key = |i: usize| {
                (
                    self.pages[i].row.said_on.as_deref(),
                    self.pages[i].latest_at,
                    self.pages[i].row.id,
                )
            };
            key(b).cmp(&key(a))
        });
        claims.dedup();
        let _ = writeln!(
            body,
            "<section aria-labelledby=\"scorecard\">\n<h2 id=\"scorecard\">Scorecard</h2>"
        );
        let _ = writeln!(
            body,
            "<p class=\"caveat\">These figures count the {} claim{} we chose to check (<i>n</i> = {}), not everything {} said: they are not a measure of overall truthfulness.</p>",
            claims.len(),
            if claims.len() == 1 { "" } else { "s" },
            claims.len(),
            esc(&source.name)
        );
        if !speaker.via.is_empty() {
            let mut by: BTreeMap<&str, usize> = BTreeMap::new();
            for (_, who) in &speaker.via {
                *by.entry(who.as_str()).or_default() += 1;
            }
            let parts: Vec<String> = by
                .iter()
                .map(|(who, n)| {
                    let link = self
                        .speakers
                        .iter()
                        .find(|s| s.source.source.name == *who)
                        .map_or_else(
                            || esc(who),
                            |s| format!(r#"<a href="{}.html">{}</a>"#, s.slug, esc(who)),
                        );
                    format!("{n} via {link}")
                })
                .collect();
            let _ = writeln!(
                body,
                "<p>Includes {} claim{} made by people speaking for it: {}.</p>",
                speaker.via.len(),
                if speaker.via.len() == 1 { "" } else { "s" },
                parts.join(", ")
            );
        }
        let mut by_status: BTreeMap<Status, usize> = BTreeMap::new();
        let mut by_rating: BTreeMap<&str, usize> = BTreeMap::new();
        for &c in &claims {
            let row = self.pages[c].row;
            *by_status.entry(row.status).or_default() += 1;
            if let Some(rating) = &row.rating {
                *by_rating.entry(rating.as_str()).or_default() += 1;
            }
        }
        let total = claims.len();
        body.push_str(&score_table(
            "By verdict",
            PUBLISHED_STATUSES
                .iter()
                .map(|s| (badge(*s), by_status.get(s).copied().unwrap_or(0), Some(*s)))
                .collect(),
            total,
        ));
        if !by_rating.is_empty() {
            let mut ratings: Vec<(&str, usize)> = by_rating.into_iter().collect();
            ratings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            body.push_str(&score_table(
                "By rating",
                ratings.into_iter().map(|(r, n)| (esc(r), n, None)).collect(),
                total,
            ));
        }
        body.push_str("</section>\n");
        // Over time: a row per year, then every claim.
        let mut years: BTreeMap<String, BTreeMap<Status, usize>> = BTreeMap::new();
        for &c in &claims {
            let row = self.pages[c].row;
            let year = row
                .said_on
                .as_deref()
                .and_then(|d| d.get(..4))
                .unwrap_or("undated")
                .to_string();
            *years.entry(year).or_default().entry(row.status).or_default() += 1;
        }
        let _ = writeln!(
            body,
            "<section aria-labelledby=\"over-time\">\n<h2 id=\"over-time\">Verdicts over time</h2>\n<div class=\"scroll\"><table>\n<caption>Claims checked per year said, by verdict</caption>\n<thead><tr><th scope=\"col\">Year</th><th scope=\"col\"><i>n</i></th>{}</tr></thead>\n<tbody>",
            PUBLISHED_STATUSES
                .iter()
                .map(|s| format!("<th scope=\"col\">{}</th>", status_label(*s)))
                .collect::<String>()
        );
        // Latest year first, undated last.
        let mut ordered: Vec<(&String, &BTreeMap<Status, usize>)> = years.iter().collect();
        ordered.sort_by(|a, b| (a.0 == "undated", b.0).cmp(&(b.0 == "undated", a.0)));
        for (year, counts) in ordered {
            let n: usize = counts.values().sum();
            let _ = writeln!(
                body,
                "<tr><th scope=\"row\">{}</th><td>{n}</td>{}</tr>",
                esc(year),
                PUBLISHED_STATUSES
                    .iter()
                    .map(|s| format!("<td>{}</td>", counts.get(s).copied().unwrap_or(0)))
                    .collect::<String>()
            );
        }
        let _ = writeln!(
            body,
            "</tbody>\n</table></div>\n<h3>Every claim checked, latest said first</h3>"
        );
        body.push_str(&self.claim_list(root, &claims));
        body.push_str("</section>\n");
        let stand = claims
            .iter()
            .map(|&c| self.pages[c].stand)
            .max()
            .unwrap_or_default();
        self.page(&path, &source.name, &body, stand, "")
    }

    /// The front page: the latest verdicts and the ways in.
    pub(super) fn front_page(&self, latest: &[usize], total: usize, tombstones: usize) -> String {
        let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
        for page in self.pages {
            *counts.entry(page.row.status).or_default() += 1;
        }
        let mut body = format!(
            "<h1>Fact-checks by {}</h1>\n<p>{total} published fact-check{} of claims made by {} speaker{}{}.</p>\n",
            esc(&self.options.publisher),
            if total == 1 { "" } else { "s" },
            self.speakers.len(),
            if self.speakers.len() == 1 { "" } else { "s" },
            if tombstones > 0 {
                format!(", and {tombstones} withdrawn (see the <a href=\"corrections.html\">corrections</a>)")
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            body,
            "<nav aria-label=\"Verdicts\"><h2>By verdict</h2>\n<ul class=\"statuses\">"
        );
        for status in PUBLISHED_STATUSES {
            let _ = writeln!(
                body,
                r#"<li><a href="status/{}.html">{}</a> {}</li>"#,
                status.as_str(),
                status_label(status),
                counts.get(&status).copied().unwrap_or(0)
            );
        }
        let _ = writeln!(body, "</ul></nav>\n<h2>Latest verdicts</h2>");
        body.push_str(&self.claim_list("", latest));
        if total > LATEST {
            let _ = writeln!(
                body,
                "<p><a href=\"claims/index.html\">Every fact-check ({total})</a></p>"
            );
        }
        self.page("index.html", "Latest fact-checks", &body, self.head, "")
    }

    /// A listing of claims, a page of [`PAGE_SIZE`] at a time: `BASE.html`,
    /// `BASE-2.html`, ...
    pub(super) fn listing(
        &self,
        base: &str,
        title: &str,
        intro: &str,
        claims: &[usize],
        stand: Stand,
    ) -> Vec<(String, String)> {
        let chunks: Vec<&[usize]> = if claims.is_empty() {
            vec![&[]]
        } else {
            claims.chunks(PAGE_SIZE).collect()
        };
        let count = chunks.len();
        let name = |n: usize| {
            let file = base.rsplit('/').next().unwrap_or(base);
            if n == 1 {
                format!("{file}.html")
            } else {
                format!("{file}-{n}.html")
            }
        };
        chunks
            .iter()
            .enumerate()
            .map(|(k, chunk)| {
                let n = k + 1;
                let path = match base.rsplit_once('/') {
                    Some((dir, _)) => format!("{dir}/{}", name(n)),
                    None => name(n),
                };
                let root = if path.contains('/') { "../" } else { "" };
                let heading = if count > 1 {
                    format!("{title} (page {n} of {count})")
                } else {
                    title.to_string()
                };
                let mut body = format!(
                    "<h1>{}</h1>\n<p>{} <i>n</i> = {}.</p>\n",
                    esc(&heading),
                    esc(intro),
                    claims.len()
                );
                body.push_str(&self.claim_list(root, chunk));
                if count > 1 {
                    let _ = write!(body, "<nav aria-label=\"Pages\"><ul class=\"pager\">");
                    if n > 1 {
                        let _ = write!(body, r#"<li><a href="{}" rel="prev">Newer</a></li>"#, name(n - 1));
                    }
                    if n < count {
                        let _ = write!(body, r#"<li><a href="{}" rel="next">Older</a></li>"#, name(n + 1));
                    }
                    let _ = writeln!(body, "</ul></nav>");
                }
                let page = self.page(&path, &heading, &body, stand, "");
                (path, page)
            })
            .collect()
    }

    /// Every speaker with a published claim.
    pub(super) fn speakers_page(&self, stand: Stand) -> String {
        let mut speakers: Vec<&SpeakerPage> = self.speakers.iter().collect();
        speakers.sort_by(|a, b| {
            crate::names::fold_name(&a.source.source.name)
                .cmp(&crate::names::fold_name(&b.source.source.name))
                .then(a.slug.cmp(&b.slug))
        });
        let mut body = format!(
            "<h1>Speakers</h1>\n<p>Everyone whose claims we published a verdict on ({}).</p>\n<div class=\"scroll\"><table>\n<caption>Speakers, with the claims checked and how many held up</caption>\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\"><i>n</i></th><th scope=\"col\">Confirmed</th><th scope=\"col\">Refuted</th><th scope=\"col\">Other</th></tr></thead>\n<tbody>\n",
            speakers.len()
        );
        for speaker in speakers {
            let all: Vec<usize> = speaker
                .own
                .iter()
                .copied()
                .chain(speaker.via.iter().map(|(c, _)| *c))
                .collect();
            let count = |status: Status| {
                all.iter()
                    .filter(|&&c| self.pages[c].row.status == status)
                    .count()
            };
            let (yes, no) = (count(Status::Confirmed), count(Status::Refuted));
            let _ = writeln!(
                body,
                r#"<tr><th scope="row"><a href="{}.html">{}</a></th><td>{}</td><td>{yes}</td><td>{no}</td><td>{}</td></tr>"#,
                speaker.slug,
                esc(&speaker.source.source.name),
                all.len(),
                all.len() - yes - no
            );
        }
        body.push_str("</tbody>\n</table></div>\n");
        self.page("speakers/index.html", "Speakers", &body, stand, "")
    }

    /// Every tag with a published claim.
    pub(super) fn tags_page(&self, tags: &[(String, String, usize)], stand: Stand) -> String {
        let mut body = String::from("<h1>Topics</h1>\n");
        if tags.is_empty() {
            body.push_str("<p>No published fact-check has a topic yet.</p>\n");
        } else {
            body.push_str("<ul class=\"tags\">\n");
            for (tag, slug, n) in tags {
                let _ = writeln!(body, r#"<li><a href="{slug}.html">{}</a> ({n})</li>"#, esc(tag));
            }
            body.push_str("</ul>\n");
        }
        self.page("tags/index.html", "Topics", &body, stand, "")
    }

    /// The corrections across the site, newest first: every update after
    /// first publication, and every withdrawal.
    pub(super) fn corrections(&self, tombstones: &[Tombstone]) -> Vec<Correction> {
        let mut all = Vec::new();
        for page in self.pages {
            for update in &page.updates {
                all.push(Correction {
                    at: update.at.clone(),
                    path: super::claim_path(page.row),
                    text: page.row.text.clone(),
                    what: update.what.clone(),
                    why: update.why.clone(),
                });
            }
        }
        for tombstone in tombstones {
            all.push(Correction {
                at: tombstone.withdrawn_at.to_string(),
                path: format!("claims/{}.html", tombstone.claim.id),
                text: tombstone.claim.text.clone(),
                what: "Fact-check withdrawn".to_string(),
                why: tombstone.why.filter(|_| self.options.notes).map(str::to_string),
            });
        }
        all.sort_by(|a, b| (b.at.as_str(), b.path.as_str()).cmp(&(a.at.as_str(), a.path.as_str())));
        all
    }

    /// The corrections log.
    pub(super) fn corrections_page(&self, corrections: &[Correction], tombstones: &[Tombstone]) -> String {
        let mut body = String::from(
            "<h1>Corrections</h1>\n<p>Every change to a verdict or to a claim's wording after we first published it, and every fact-check we withdrew, newest first. Nothing is removed from this list.</p>\n",
        );
        if corrections.is_empty() {
            body.push_str("<p>No correction so far.</p>\n");
        } else {
            body.push_str("<ol class=\"updates\">\n");
            for correction in corrections {
                let _ = writeln!(
                    body,
                    r#"<li><a href="{}">{}</a>: {}</li>"#,
                    correction.path,
                    esc(&correction.text),
                    update_line(&Update {
                        at: correction.at.clone(),
                        what: correction.what.clone(),
                        why: correction.why.clone(),
                    })
                );
            }
            body.push_str("</ol>\n");
        }
        let stand = self
            .pages
            .iter()
            .filter(|p| !p.updates.is_empty())
            .map(|p| p.stand)
            .chain(tombstones.iter().map(|t| t.stand))
            .max()
            .unwrap_or_default();
        self.page("corrections.html", "Corrections", &body, stand, "")
    }

    /// How we check: the statuses' definitions (from `docs/statuses.md`)
    /// and what the site publishes.
    pub(super) fn methodology_page(&self) -> String {
        let mut body = String::from("<h1>Methodology</h1>\n");
        let _ = writeln!(
            body,
            "<p>{} publishes a verdict on a claim once it has one: every status but unverified. A verdict can change as evidence arrives; each change after first publication is listed on the claim's page and in the <a href=\"corrections.html\">corrections</a>, dated and explained. A fact-check withdrawn because the claim was logged by mistake keeps a page saying so.</p>\n<p>Speakers' scorecards count only the claims chosen for checking, so they describe our work, not a speaker's overall truthfulness.</p>\n<p>Every page names the entry of our journal its content stands on. The journal is a hash chain: each entry's hash covers the one before, so a record rewritten after publication would no longer extend the hash printed here.</p>",
            esc(&self.options.publisher)
        );
        body.push_str(&super::markdown::to_html(STATUSES_DOC, 2));
        self.page("methodology.html", "Methodology", &body, self.head, "")
    }
}

/// The statuses' definitions, as the repository documents them.
const STATUSES_DOC: &str = include_str!("../../docs/statuses.md");

/// One update as a line: when, what, why.
fn update_line(update: &Update) -> String {
    let mut line = format!("{}: {}.", moment(&update.at), esc(&update.what));
    if let Some(why) = &update.why {
        let _ = write!(line, " <span class=\"why\">Why: {}</span>", esc(why));
    }
    line
}

/// A scorecard table: a row per status or rating with its count, share
/// and a bar (inline SVG, labelled for screen readers).
fn score_table(caption: &str, rows: Vec<(String, usize, Option<Status>)>, total: usize) -> String {
    let mut out = format!(
        "<div class=\"scroll\"><table class=\"score\">\n<caption>{} (<i>n</i> = {total})</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">Claims</th><th scope=\"col\">Share</th><th scope=\"col\"><span class=\"visually-hidden\">Bar</span></th></tr></thead>\n<tbody>\n",
        esc(caption),
        if caption.contains("rating") {
            "Rating"
        } else {
            "Verdict"
        }
    );
    for (label, n, status) in rows {
        let share = if total == 0 { 0.0 } else { n as f64 / total as f64 };
        let percent = (share * 100.0).round() as u32;
        let width = (share * 160.0).round() as u32;
        let class = status.map_or("rating".to_string(), |s| format!("s-{}", s.as_str()));
        let _ = writeln!(
            out,
            r#"<tr><th scope="row">{label}</th><td>{n}</td><td>{percent}%</td><td><svg class="bar" width="160" height="14" viewBox="0 0 160 14" role="img" aria-label="{percent}%"><rect width="160" height="14" class="track"/><rect width="{width}" height="14" class="fill {class}"/></svg></td></tr>"#
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    out
}

/// The site's stylesheet: system fonts, a readable measure, colours with
/// at least 4.5:1 contrast, a layout that fits a phone.
pub(super) const STYLE: &str = r#":root { color-scheme: light; --ink: #1b1b1f; --muted: #4a4a55; --line: #d4d4dc; --link: #0b4fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
header.site, main, footer.site { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); padding-top: .75rem; }
header.site .name { margin: 0; font-weight: 700; font-size: 1.2rem; }
header.site .name a { color: var(--ink); text-decoration: none; }
nav ul { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
a { color: var(--link); }
a:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 1.25rem 0 .75rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.meta, .caveat { color: var(--muted); font-size: .95rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
figure.quote { margin: 1rem 0; } blockquote { margin: 0; padding: .25rem 1rem; border-left: 4px solid var(--line); font-style: italic; }
figcaption { color: var(--muted); font-size: .95rem; padding-left: 1.25rem; }
.verdict { border: 2px solid; border-radius: .5rem; padding: .25rem 1rem; margin: 1.25rem 0; }
.verdict h2 { margin-top: .75rem; }
.badge { display: inline-block; font-size: .85rem; font-weight: 700; padding: 0 .45rem; border-radius: .3rem; border: 1px solid; white-space: nowrap; }
.s-confirmed { color: #14532d; background: #e3f4e8; border-color: #1e7d3a; }
.s-refuted { color: #7a1010; background: #fde7e6; border-color: #b42318; }
.s-disputed { color: #5c3a00; background: #fff2d9; border-color: #b26a00; }
.s-unverifiable { color: #2f2f4f; background: #ecebf5; border-color: #5b5b8f; }
.s-retracted { color: #333; background: #eeeeee; border-color: #6b6b6b; }
.s-unverified { color: #333; background: #f6f6f6; border-color: #999; }
ol.claims { padding-left: 0; list-style: none; } ol.claims li { padding: .6rem 0; border-bottom: 1px solid var(--line); }
ol.updates li, ol.evidence li { margin: .35rem 0; overflow-wrap: anywhere; }
.why { color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
svg.bar .track { fill: #ececf1; } svg.bar .fill { fill: #4a4a55; stroke: none; }
svg.bar .s-confirmed { fill: #1e7d3a; } svg.bar .s-refuted { fill: #b42318; } svg.bar .s-disputed { fill: #b26a00; }
svg.bar .s-unverifiable { fill: #5b5b8f; } svg.bar .s-retracted { fill: #6b6b6b; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code { font-size: .9em; overflow-wrap: anywhere; }
footer.site { border-top: 1px solid var(--line); margin-top: 2.5rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
ul.pager { gap: 1.5rem; }
@media (max-width: 30rem) { body { font-size: 1rem; } h1 { font-size: 1.35rem; } dl.facts { grid-template-columns: 1fr; } }
"#;

#[cfg(test)]
mod tests {
    use super::STYLE;

    /// WCAG 2 relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// The first colour after `property:` in a CSS rule, as `#rrggbb`
    /// (`#rgb` expanded).
    fn colour(rule: &str, property: &str) -> Option<String> {
        let at = rule.find(&format!("{property}: #"))? + property.len() + 3;
        let hex: String = rule[at..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        Some(match hex.len() {
            3 => format!("#{}", hex.chars().flat_map(|c| [c, c]).collect::<String>()),
            6 => format!("#{hex}"),
            _ => panic!("not a colour in {rule}"),
        })
    }

    #[test]
    fn every_text_colour_of_the_stylesheet_has_at_least_4_5_to_1_contrast() {
        let mut checked = 0;
        for rule in STYLE.lines().filter(|l| l.starts_with(".s-")) {
            let (text, background) = (
                colour(rule, "color").unwrap(),
                colour(rule, "background").unwrap(),
            );
            let ratio = contrast(&text, &background);
            assert!(ratio >= 4.5, "{rule}: {ratio:.2}");
            checked += 1;
        }
        assert_eq!(checked, 6, "a rule per status");
        for variable in ["--ink", "--muted", "--link"] {
            let ratio = contrast(&colour(STYLE, variable).unwrap(), "#ffffff");
            assert!(ratio >= 4.5, "{variable} on white: {ratio:.2}");
        }
    }
}
