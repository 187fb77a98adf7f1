//! The site's feeds for machines: an Atom feed of the latest verdicts and
//! corrections, and the sitemap.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::html::{Correction, esc, status_label};
use super::{ClaimPage, Options, claim_path};

/// The Atom feed: the latest verdicts, each an entry updated when its
/// claim last changed.
pub(super) fn atom(
    options: &Options,
    pages: &[ClaimPage],
    latest: &[usize],
    corrections: &[Correction],
) -> String {
    let base = &options.base_url;
    let updated = latest
        .first()
        .map(|&i| pages[i].latest_at)
        .into_iter()
        .chain(corrections.first().map(|c| c.at.as_str()))
        .max()
        .unwrap_or("1970-01-01T00:00:00Z");
    let mut out = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{} fact-checks</title>
<id>{}</id>
<link href="{}" rel="self" type="application/atom+xml"/>
<link href="{}index.html" rel="alternate" type="text/html"/>
<updated>{}</updated>
<author><name>{}</name></author>
"#,
        esc(&options.publisher),
        esc(base),
        esc(&format!("{base}feed.xml")),
        esc(base),
        esc(updated),
        esc(&options.publisher)
    );
    for &i in latest {
        let page = &pages[i];
        let row = page.row;
        let url = format!("{base}{}", claim_path(row));
        let mut summary = format!(
            "{} said: {}. Our verdict: {}.",
            row.source,
            row.text,
            status_label(row.status)
        );
        if let Some(rating) = &row.rating {
            let _ = write!(summary, " Rated “{rating}”.");
        }
        let _ = write!(
            out,
            r#"<entry>
<title>{}: {}</title>
<id>{}</id>
<link href="{}" rel="alternate" type="text/html"/>
<published>{}</published>
<updated>{}</updated>
<summary>{}</summary>
</entry>
"#,
            status_label(row.status),
            esc(&row.text),
            esc(&url),
            esc(&url),
            esc(page.first_published),
            esc(page.latest_at),
            esc(&summary)
        );
    }
    out.push_str("</feed>\n");
    out
}

/// The sitemap: every page with the day its content last changed.
pub(super) fn sitemap(options: &Options, changed: &BTreeMap<String, String>) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, day) in changed {
        let _ = writeln!(
            out,
            "<url><loc>{}</loc>{}</url>",
            esc(&format!("{}{path}", options.base_url)),
            if day.is_empty() {
                String::new()
            } else {
                format!("<lastmod>{}</lastmod>", esc(day))
            }
        );
    }
    out.push_str("</urlset>\n");
    out
}
