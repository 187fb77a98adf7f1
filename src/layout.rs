//! How a table's columns share a terminal's width: no header or value is
//! broken inside a word, the column people read (the claim, the note) gets
//! the room that is left, and when even that does not fit, a compact style
//! with fewer border characters takes over.
//!
//! Pure: widths in, widths and style out; `render` draws the table.

use unicode_width::UnicodeWidthStr;

/// How much of a line the table's frame takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Box borders: three characters per column, and one.
    Boxed,
    /// No vertical borders; two spaces between columns.
    Compact,
    /// No vertical borders; one space between columns.
    Tight,
}

impl Style {
    /// Characters the frame takes for `columns` columns.
    pub fn overhead(self, columns: usize) -> usize {
        match self {
            Style::Boxed => 3 * columns + 1,
            Style::Compact => 2 * columns.saturating_sub(1),
            Style::Tight => columns.saturating_sub(1),
        }
    }
}

/// Whether the table fits `available` columns (in some style) without
/// breaking a word of a header or a value.
pub fn fits_whole(headers: &[&str], rows: &[Vec<String>], available: Option<usize>) -> bool {
    let Some(available) = available else {
        return true;
    };
    let (widths, style) = fit(headers, rows, Some(available));
    widths.iter().sum::<usize>() + style.overhead(headers.len()) <= available
        && (0..headers.len()).all(|i| {
            std::iter::once(headers[i])
                .chain(rows.iter().filter_map(|r| r.get(i).map(String::as_str)))
                .flat_map(str::split_whitespace)
                .all(|word| word.width() <= widths[i] || word.width() > MAX_UNBROKEN)
        })
}

/// Whether the text column of this fit got a readable width.
pub fn readable(widths: &[usize], headers: &[&str], rows: &[Vec<String>]) -> bool {
    let natural = |i: usize| {
        std::iter::once(headers[i])
            .chain(rows.iter().filter_map(|r| r.get(i).map(String::as_str)))
            .flat_map(str::lines)
            .map(|l| l.width())
            .max()
            .unwrap_or(0)
    };
    match (0..headers.len()).max_by_key(|&i| natural(i)) {
        Some(t) => widths[t] >= natural(t).min(READABLE_TEXT),
        None => true,
    }
}

/// The narrowest the main text column may become when it has to wrap.
const MIN_TEXT: usize = 20;

/// What the text column gets before the other columns grow past
/// [`MODEST`], when it needs that much.
const READABLE_TEXT: usize = 40;

/// How wide other columns grow while the text column is still owed room.
const MODEST: usize = 16;

/// A word wider than this, outside the text column, may still be broken
/// (a long URL in a narrow terminal).
const MAX_UNBROKEN: usize = 30;

/// The widths to wrap each column to, and the style to draw it in. Without
/// `available` (not a terminal), every column has its natural width.
pub fn fit(headers: &[&str], rows: &[Vec<String>], available: Option<usize>) -> (Vec<usize>, Style) {
    let columns = headers.len();
    let mut natural = vec![0; columns];
    let mut floor = vec![0; columns];
    let lines = |i: usize| {
        std::iter::once(headers[i]).chain(rows.iter().filter_map(move |r| r.get(i).map(String::as_str)))
    };
    for i in 0..columns {
        for text in lines(i) {
            for line in text.lines() {
                natural[i] = natural[i].max(line.width());
                for word in line.split_whitespace() {
                    floor[i] = floor[i].max(word.width().min(MAX_UNBROKEN));
                }
            }
        }
    }
    let Some(available) = available else {
        return (natural, Style::Boxed);
    };
    // The column that gives way: the widest one, if it is wide.
    let text = (0..columns)
        .max_by_key(|&i| natural[i])
        .filter(|&i| natural[i] > MIN_TEXT);
    if let Some(t) = text {
        floor[t] = floor[t].min(MIN_TEXT);
    }
    // The first style whose text column gets a readable width; failing
    // that, the one that gives it the most.
    let mut best: Option<(Vec<usize>, Style)> = None;
    for style in [Style::Boxed, Style::Compact, Style::Tight] {
        let room = available.saturating_sub(style.overhead(columns));
        if natural.iter().sum::<usize>() <= room {
            return (natural, style);
        }
        if floor.iter().sum::<usize>() > room {
            continue;
        }
        let mut widths = floor.clone();
        let mut left = room - widths.iter().sum::<usize>();
        let mut grow = |widths: &mut Vec<usize>, i: usize, to: usize, keep: usize| {
            let more = to.saturating_sub(widths[i]).min(left.saturating_sub(keep));
            widths[i] += more;
            left -= more;
        };
        // What the text column is owed before others grow past a modest
        // width: a readable line of the claim.
        let owed = text.map_or(0, |t| natural[t].min(READABLE_TEXT).saturating_sub(widths[t]));
        // The others up to a modest width (a name on one line), narrowest
        // need first, so that as many as possible stop wrapping; then the
        // text column all it wants; then the others all they want.
        let mut order: Vec<usize> = (0..columns).filter(|&i| Some(i) != text).collect();
        order.sort_by_key(|&i| natural[i] - floor[i]);
        for &i in &order {
            grow(&mut widths, i, natural[i].min(MODEST), owed);
        }
        if let Some(t) = text {
            grow(&mut widths, t, natural[t], 0);
        }
        for &i in &order {
            grow(&mut widths, i, natural[i], 0);
        }
        let text_width = |widths: &[usize]| text.map_or(usize::MAX, |t| widths[t]);
        if text.is_none_or(|t| widths[t] >= natural[t].min(READABLE_TEXT)) {
            return (widths, style);
        }
        if best
            .as_ref()
            .is_none_or(|(b, _)| text_width(&widths) > text_width(b))
        {
            best = Some((widths, style));
        }
    }
    if let Some(best) = best {
        return best;
    }
    // Not even every word fits: the widest columns give way, first down to
    // their header's longest word, then (a very narrow terminal) further,
    // and words are broken.
    let room = available.saturating_sub(Style::Tight.overhead(columns));
    let headers_whole: Vec<usize> = (0..columns)
        .map(|i| {
            let header = headers[i]
                .split_whitespace()
                .map(|w| w.width())
                .max()
                .unwrap_or(1);
            if Some(i) == text {
                header.max(HARD_TEXT)
            } else {
                header
            }
        })
        .collect();
    // Columns of words wrap better than columns of dates and ids: they
    // give way first.
    let wordy: Vec<bool> = (0..columns)
        .map(|i| {
            rows.iter()
                .any(|r| r.get(i).is_some_and(|c| c.contains(char::is_whitespace)))
        })
        .collect();
    let mut widths = floor;
    for hard in [headers_whole, vec![HARD_OTHER; columns]] {
        while widths.iter().sum::<usize>() > room {
            let Some(widest) = (0..columns)
                .filter(|&i| widths[i] > hard[i])
                .max_by_key(|&i| (wordy[i], widths[i]))
            else {
                break;
            };
            widths[widest] -= 1;
        }
    }
    (widths, Style::Tight)
}

/// The text column's narrowest, when words must break.
const HARD_TEXT: usize = 10;

/// Any column's narrowest, when even headers must break.
const HARD_OTHER: usize = 3;

/// Text wrapped to `width` columns at spaces; a word wider than the
/// column is broken.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.width() <= width {
            out.push(line.to_string());
            continue;
        }
        let mut current = String::new();
        for word in line.split_whitespace() {
            let mut word = word.to_string();
            loop {
                let used = current.width();
                let gap = usize::from(!current.is_empty());
                if used + gap + word.width() <= width {
                    if gap == 1 {
                        current.push(' ');
                    }
                    current.push_str(&word);
                    break;
                }
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                    continue;
                }
                // A word wider than the column: as much as fits, then the rest.
                let mut head = String::new();
                for ch in word.chars() {
                    if head.width() + ch.to_string().width() > width {
                        break;
                    }
                    head.push(ch);
                }
                if head.is_empty() {
                    head = word.chars().next().map(String::from).unwrap_or_default();
                }
                word = word[head.len()..].to_string();
                out.push(head);
                if word.is_empty() {
                    break;
                }
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report_rows() -> (Vec<&'static str>, Vec<Vec<String>>) {
        let headers = vec![
            "Source",
            "Total",
            "Unverified",
            "Disputed",
            "Confirmed",
            "Unverifiable",
            "Held up",
            "Latest",
        ];
        let rows = vec![
            vec!["Three St. Petersburg suspects", "2", "2", "0", "0", "0", "-", ""],
            vec!["Vladimir Putin", "7", "3", "3", "0", "1", "100%", "2017-12-14"],
        ]
        .into_iter()
        .map(|r| r.into_iter().map(str::to_string).collect())
        .collect();
        (headers, rows)
    }

    #[test]
    fn at_80_columns_no_header_or_date_is_broken() {
        let (headers, rows) = report_rows();
        let (widths, style) = fit(&headers, &rows, Some(80));
        assert!(widths.iter().sum::<usize>() + style.overhead(headers.len()) <= 80);
        for (i, header) in headers.iter().enumerate() {
            for word in header.split_whitespace() {
                assert!(widths[i] >= word.len(), "{header} in {}", widths[i]);
            }
        }
        assert!(widths[7] >= "2017-12-14".len());
    }

    #[test]
    fn a_wide_terminal_keeps_the_boxed_style_and_natural_widths() {
        let (headers, rows) = report_rows();
        let (widths, style) = fit(&headers, &rows, Some(200));
        assert_eq!(style, Style::Boxed);
        assert_eq!(widths[0], "Three St. Petersburg suspects".len());
    }

    #[test]
    fn the_text_column_takes_what_is_left() {
        let headers = vec!["Id", "Said on", "Source", "Status", "Claim"];
        let claim = "A CIA tip-off about a terror plot in St. Petersburg was extremely effective information that helped save many lives.";
        let rows = vec![vec![
            "6267f8a0".to_string(),
            "2017-12-18".into(),
            "Dmitry Peskov".into(),
            "refuted (Mostly False)".into(),
            claim.into(),
        ]];
        let (widths, style) = fit(&headers, &rows, Some(80));
        assert_eq!(widths.iter().sum::<usize>() + style.overhead(5), 80);
        assert!(widths[4] >= 30, "{widths:?}");
        assert_eq!(widths[0], 8);
        assert_eq!(widths[1], 10);
    }

    #[test]
    fn when_words_cannot_all_fit_the_widest_columns_give_way() {
        let headers = vec!["Id", "Said on", "Source", "Status", "Claim", "Tags"];
        let rows = vec![vec![
            "6267f8a0".to_string(),
            "2017-12-18".into(),
            "Three St. Petersburg suspects".into(),
            "unverifiable".into(),
            "counterterrorism cooperation in the fight against terrorism".into(),
            "terrorism, us-russia-cooperation".into(),
        ]];
        for width in [60, 70, 80] {
            let (widths, style) = fit(&headers, &rows, Some(width));
            assert!(
                widths.iter().sum::<usize>() + style.overhead(6) <= width,
                "{width}: {widths:?}"
            );
            assert_eq!(
                (widths[0], widths[1]),
                (8, 10),
                "ids and dates stay whole at {width}"
            );
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_only_splits_words_too_long() {
        assert_eq!(
            wrap("a tip-off helped save lives", 10),
            "a tip-off\nhelped\nsave lives"
        );
        assert_eq!(
            wrap("https://example.org/long", 10),
            "https://ex\nample.org/\nlong"
        );
        assert_eq!(wrap("short", 10), "short");
        for line in wrap("Петербург и Москва, 東京", 6).lines() {
            assert!(line.width() <= 6, "{line}");
        }
    }
}
