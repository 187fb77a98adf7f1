//! Just enough Markdown for the methodology page, which is generated from
//! `docs/statuses.md`: headings, paragraphs, lists, tables, `code`,
//! **bold**, *emphasis* and links. Links to other documentation files
//! (relative `.md` paths) keep their text and lose the link, since the
//! site does not carry those files.

use super::html::esc;

/// `markdown` as HTML, its top heading at level `top` (the page's own `h1`
/// comes first, so the document's `#` becomes an `h2`).
pub(super) fn to_html(markdown: &str, top: usize) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
        } else if let Some(level) = heading_level(trimmed) {
            let text = trimmed[level..].trim();
            let level = (level + top - 1).min(6);
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inline(text)));
            i += 1;
        } else if trimmed.starts_with('|') {
            let mut rows = Vec::new();
            while i < lines.len() && lines[i].trim().starts_with('|') {
                rows.push(lines[i].trim());
                i += 1;
            }
            out.push_str(&table(&rows));
        } else if trimmed.starts_with("- ") {
            out.push_str("<ul>\n");
            while i < lines.len() && lines[i].trim().starts_with("- ") {
                let mut item = lines[i].trim()[2..].to_string();
                i += 1;
                // Continuation lines are indented.
                while i < lines.len() && lines[i].starts_with("  ") && !lines[i].trim().starts_with("- ") {
                    item.push(' ');
                    item.push_str(lines[i].trim());
                    i += 1;
                }
                out.push_str(&format!("<li>{}</li>\n", inline(&item)));
            }
            out.push_str("</ul>\n");
        } else {
            let mut paragraph = Vec::new();
            while i < lines.len() {
                let next = lines[i].trim();
                if next.is_empty()
                    || heading_level(next).is_some()
                    || next.starts_with('|')
                    || next.starts_with("- ")
                {
                    break;
                }
                paragraph.push(next);
                i += 1;
            }
            out.push_str(&format!("<p>{}</p>\n", inline(&paragraph.join(" "))));
        }
    }
    out
}

fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6)
        .contains(&hashes)
        .then_some(hashes)
        .filter(|&n| line[n..].starts_with(' '))
}

fn cells(row: &str) -> Vec<&str> {
    row.trim_matches('|').split('|').map(str::trim).collect()
}

fn table(rows: &[&str]) -> String {
    let mut out = String::from("<div class=\"scroll\"><table>\n");
    let separator = |row: &str| row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    let mut body_started = false;
    for (k, row) in rows.iter().enumerate() {
        if separator(row) {
            continue;
        }
        let header = k == 0 && rows.get(1).is_some_and(|r| separator(r));
        if header {
            out.push_str("<thead><tr>");
            for cell in cells(row) {
                out.push_str(&format!("<th scope=\"col\">{}</th>", inline(cell)));
            }
            out.push_str("</tr></thead>\n");
        } else {
            if !body_started {
                out.push_str("<tbody>\n");
                body_started = true;
            }
            out.push_str("<tr>");
            for cell in cells(row) {
                out.push_str(&format!("<td>{}</td>", inline(cell)));
            }
            out.push_str("</tr>\n");
        }
    }
    if body_started {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table></div>\n");
    out
}

/// Inline markup: code spans first (nothing inside them is markup), then
/// links, bold and emphasis over escaped text.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (k, part) in text.split('`').enumerate() {
        if k % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", esc(part)));
        } else {
            out.push_str(&emphasis(&links(part)));
        }
    }
    out
}

/// `[text](target)`: a link for an absolute web address, else the text.
fn links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&esc(&rest[..open]));
        let (label, target) = (&rest[open + 1..close], &rest[close + 2..end]);
        if target.starts_with("https://") || target.starts_with("http://") {
            out.push_str(&format!(r#"<a href="{}">{}</a>"#, esc(target), esc(label)));
        } else {
            out.push_str(&esc(label));
        }
        rest = &rest[end + 1..];
    }
    out.push_str(&esc(rest));
    out
}

/// `**bold**` and `*emphasis*` over text already escaped.
fn emphasis(escaped: &str) -> String {
    let mut out = String::new();
    for (k, part) in escaped.split("**").enumerate() {
        if k % 2 == 1 {
            out.push_str(&format!("<strong>{part}</strong>"));
        } else {
            for (j, piece) in part.split('*').enumerate() {
                if j % 2 == 1 {
                    out.push_str(&format!("<em>{piece}</em>"));
                } else {
                    out.push_str(piece);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn headings_tables_lists_and_inline_markup() {
        let html = to_html(
            "# Title\n\nA *claim* is **checked**; see [the journal](journal.md) and [a site](https://example.org/).\n\n| a | b |\n|---|---|\n| `x<y` | 2 |\n\n- one\n  continued\n- two\n",
            2,
        );
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(
            html.contains("<em>claim</em>") && html.contains("<strong>checked</strong>"),
            "{html}"
        );
        assert!(
            html.contains("see the journal and <a href=\"https://example.org/\">a site</a>"),
            "{html}"
        );
        assert!(
            html.contains("<th scope=\"col\">a</th>") && html.contains("<td><code>x&lt;y</code></td>"),
            "{html}"
        );
        assert!(html.contains("<li>one continued</li>\n<li>two</li>"), "{html}");
    }
}
