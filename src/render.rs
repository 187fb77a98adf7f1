//! Printing records as a table for people, or as CSV, JSON or Markdown.
//!
//! Tables fit the terminal and wrap long text; colour is used only on a
//! terminal and never when `NO_COLOR` is set. CSV and JSON are for scripts:
//! stable snake_case field names, ISO-8601 dates, full UUIDs. Every cell
//! meant for a terminal passes through [`inert`], so that text from an
//! article (an ANSI escape, a carriage return) is shown, never obeyed.

use std::io::{IsTerminal, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use crate::layout::Style;
use serde::Serialize;

use crate::error::Result;
use crate::model::Status;

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns fitted to the terminal.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array (or object for a single record).
    Json,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

/// Where and how output goes: the format, and whether colour is allowed.
pub struct Output {
    /// The format asked for.
    pub format: Format,
    color: bool,
    /// Whether output longer than the terminal goes through a pager.
    pager: bool,
    buffer: Vec<u8>,
}

impl Output {
    /// Output to standard output in `format`, with colour only on a terminal
    /// and without `NO_COLOR`.
    pub fn stdout(format: Format) -> Output {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = format == Format::Table && !no_color && std::io::stdout().is_terminal();
        Output {
            format,
            color,
            pager: std::io::stdout().is_terminal(),
            buffer: Vec::new(),
        }
    }

    /// The width tables are fitted to, when there is one (a terminal, or
    /// `COLUMNS`).
    pub fn width(&self) -> Option<usize> {
        match self.format {
            Format::Table => terminal_width().map(usize::from),
            _ => None,
        }
    }

    /// Never page (`--no-pager`).
    pub fn without_pager(mut self) -> Output {
        self.pager = false;
        self
    }

    /// Output collected in memory (tests), never coloured.
    pub fn capture(format: Format) -> Output {
        Output {
            format,
            color: false,
            pager: false,
            buffer: Vec::new(),
        }
    }

    /// What was written so far, when capturing.
    pub fn captured(&self) -> String {
        String::from_utf8_lossy(&self.buffer).into_owned()
    }

    /// Adds a message line (a confirmation, a path written). It may quote
    /// names and text from the database or from files, so it is shown
    /// inert: no escape sequence reaches the terminal.
    pub fn line(&mut self, text: impl AsRef<str>) {
        self.raw_line(inert(text.as_ref()));
    }

    /// Adds a line already made safe (rendered tables, JSON, CSV).
    fn raw_line(&mut self, text: impl AsRef<str>) {
        self.buffer.extend_from_slice(text.as_ref().as_bytes());
        self.buffer.push(b'\n');
    }

    /// Prints the records: a table, CSV, JSON array or Markdown.
    pub fn records<R: Record>(&mut self, records: &[R]) -> Result<()> {
        match self.format {
            Format::Json => {
                let json = serde_json::to_string_pretty(records).map_err(std::io::Error::other)?;
                self.raw_line(json);
            }
            Format::Csv => self.csv(R::CSV_HEADERS, records.iter().map(Record::csv_cells))?,
            Format::Table | Format::Markdown => {
                let rows: Vec<Vec<String>> = records.iter().map(Record::cells).collect();
                let status_column = R::HEADERS.iter().position(|h| *h == "Status");
                self.grid(R::HEADERS, &rows, status_column);
            }
        }
        Ok(())
    }

    /// Prints CSV: a header row, then one row per item.
    pub fn csv(&mut self, headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<()> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(headers).map_err(std::io::Error::other)?;
        for row in rows {
            writer
                .write_record(row.iter().map(|cell| guard_cell(cell).into_owned()))
                .map_err(std::io::Error::other)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        self.buffer.extend_from_slice(&bytes);
        Ok(())
    }

    /// Prints one record as JSON (an object, not an array).
    pub fn json<T: Serialize>(&mut self, value: &T) -> Result<()> {
        let json = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
        self.raw_line(json);
        Ok(())
    }

    /// Prints a heading line before a section (bold on a terminal, `##` in
    /// Markdown).
    pub fn heading(&mut self, text: &str) {
        match self.format {
            Format::Markdown => self.raw_line(format!("## {}", markdown_cell(text))),
            _ if self.color => self.raw_line(format!("\x1b[1m{}\x1b[0m", inert(text))),
            _ => self.raw_line(inert(text)),
        }
    }

    /// Prints field/value pairs, as a two-column table or Markdown list.
    pub fn fields(&mut self, pairs: &[(&str, String)]) {
        match self.format {
            Format::Markdown => {
                for (field, value) in pairs {
                    self.raw_line(format!("- **{field}:** {}", markdown_cell(value)));
                }
                self.raw_line("");
            }
            _ => {
                let mut table = self.new_table();
                table.load_style(presets::NOTHING);
                for (field, value) in pairs {
                    let name = Cell::new(format!("{field}:"));
                    table.add_row(vec![
                        if self.color {
                            name.add_attribute(Attribute::Bold)
                        } else {
                            name
                        },
                        Cell::new(inert(value)),
                    ]);
                }
                let text = table.to_string();
                self.raw_line(trim_lines(&text));
            }
        }
    }

    /// Prints a grid of already-formatted cells with the given headers.
    pub fn grid(&mut self, headers: &[&str], rows: &[Vec<String>], status_column: Option<usize>) {
        if self.format == Format::Markdown {
            self.raw_line(format!("| {} |", headers.join(" | ")));
            self.raw_line(format!("|{}", "---|".repeat(headers.len())));
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
                self.raw_line(format!("| {} |", cells.join(" | ")));
            }
            self.raw_line("");
            return;
        }
        if rows.is_empty() {
            self.raw_line("(none)");
            return;
        }
        let mut cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|text| inert(text)).collect())
            .collect();
        let available = terminal_width().map(usize::from);
        let mut headers: Vec<&str> = headers.to_vec();
        let (mut widths, mut style) = crate::layout::fit(&headers, &cells, available);
        // Narrow: the tags go under the claim, so that the claim keeps a
        // readable width.
        if let (Some(tags), Some(claim)) = (
            headers.iter().position(|h| *h == "Tags"),
            headers.iter().position(|h| *h == "Claim"),
        ) && !crate::layout::readable(&widths, &headers, &cells)
        {
            headers.remove(tags);
            for row in &mut cells {
                let listed = row.remove(tags);
                let claim = if claim > tags { claim - 1 } else { claim };
                if !listed.is_empty() {
                    row[claim] = format!("{}\n[{listed}]", row[claim]);
                }
            }
            (widths, style) = crate::layout::fit(&headers, &cells, available);
        }
        let headers = &headers[..];
        let mut table = Table::new();
        table.set_content_arrangement(ContentArrangement::Disabled);
        if !self.color {
            table.force_no_tty();
        }
        match style {
            Style::Boxed => {
                table.load_style(presets::UTF8_FULL_CONDENSED);
            }
            Style::Compact | Style::Tight => {
                // A rule under the header, and nothing else.
                table.load_style(
                    comfy_table::TableStyle::new().header_separator(comfy_table::LineStyle::none().fill('─')),
                );
            }
        }
        table.set_header(headers.iter().enumerate().map(|(i, h)| {
            let cell = Cell::new(crate::layout::wrap(h, widths[i]));
            if self.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in &cells {
            table.add_row(row.iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(crate::layout::wrap(text, widths[i]));
                match (self.color && Some(i) == status_column, status_of(text)) {
                    (true, Some(status)) => cell.fg(status_color(status)),
                    _ => cell,
                }
            }));
        }
        let last = headers.len().saturating_sub(1);
        for (i, column) in table.column_iter_mut().enumerate() {
            column.set_padding(match style {
                Style::Boxed => (1, 1),
                Style::Compact if i < last => (0, 2),
                Style::Tight if i < last => (0, 1),
                _ => (0, 0),
            });
        }
        let text = table.to_string();
        self.raw_line(trim_lines(&text));
    }

    fn new_table(&self) -> Table {
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if !self.color {
            table.force_no_tty();
        }
        if let Some(width) = terminal_width() {
            table.set_width(width);
        }
        table
    }

    /// Writes everything to standard output. A closed pipe is reported as
    /// such (and treated as success by the binary).
    pub fn flush(&mut self) -> Result<()> {
        let lines = self.buffer.iter().filter(|&&b| b == b'\n').count();
        if self.pager
            && let Some(rows) = terminal_rows()
            && lines >= rows
            && let Some(command) = pager_command(std::env::var("PAGER").ok())
            && self.page(&command)
        {
            self.buffer.clear();
            return Ok(());
        }
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&self.buffer)?;
        stdout.flush()?;
        self.buffer.clear();
        Ok(())
    }
}

impl Output {
    /// Hands the output to a pager; false if it could not start (the
    /// output is then printed as it is).
    fn page(&self, command: &[String]) -> bool {
        let Ok(mut child) = std::process::Command::new(&command[0])
            .args(&command[1..])
            .stdin(std::process::Stdio::piped())
            .spawn()
        else {
            return false;
        };
        if let Some(mut stdin) = child.stdin.take() {
            // The reader quitting early (q in less) closes the pipe: fine.
            let _ = stdin.write_all(&self.buffer);
        }
        let _ = child.wait();
        true
    }
}

/// The pager to run: `$PAGER` split at spaces, `less -FRX` when unset;
/// none when it is empty or `cat`.
fn pager_command(pager: Option<String>) -> Option<Vec<String>> {
    let pager = pager.unwrap_or_else(|| "less -FRX".to_string());
    let words: Vec<String> = pager.split_whitespace().map(str::to_string).collect();
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// The terminal's height, when standard output is one.
fn terminal_rows() -> Option<usize> {
    if let Some(lines) = std::env::var("LINES").ok().and_then(|l| l.parse::<usize>().ok()) {
        return Some(lines);
    }
    // SAFETY: TIOCGWINSZ fills the winsize struct it is given, and nothing
    // else; a failure leaves it zeroed.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_row > 0).then_some(usize::from(size.ws_row))
}

/// The width to fit tables to: `COLUMNS` when set, else the terminal's, else
/// none (no wrapping into a pipe).
fn terminal_width() -> Option<u16> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<u16>().ok()) {
        return Some(columns.max(20));
    }
    if std::io::stdout().is_terminal() {
        return comfy_table::Table::new().width();
    }
    None
}

fn trim_lines(text: &str) -> String {
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// The status a cell shows, rated ("refuted (Mostly False)") or not.
fn status_of(text: &str) -> Option<Status> {
    text.split(" (").next().and_then(|word| word.parse().ok())
}

fn status_color(status: Status) -> Color {
    match status {
        Status::Confirmed => Color::Green,
        Status::Refuted => Color::Red,
        Status::Disputed => Color::Yellow,
        Status::Retracted => Color::Magenta,
        Status::Unverifiable => Color::DarkGrey,
        Status::Unverified => Color::Reset,
    }
}

/// Makes text safe to show on a terminal: control characters (an ESC that
/// would start an ANSI sequence, a carriage return that would overwrite the
/// line, a bidi override) are replaced by visible `\u{..}` escapes. Line
/// feeds are kept, tabs become spaces.
pub fn inert(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\n' => shown.push('\n'),
            '\t' => shown.push(' '),
            c if c.is_control() || is_bidi_control(c) => shown.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => shown.push(c),
        }
    }
    shown
}

/// Characters that reorder or break the text around them on a terminal:
/// bidi embeddings, overrides, isolates and marks (the Arabic letter mark
/// U+061C among them), and the Unicode line and paragraph separators.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}'
    )
}

/// A Markdown table cell: inert, pipes escaped, line breaks as `<br>`.
fn markdown_cell(text: &str) -> String {
    inert(text).replace('|', "\\|").replace('\n', "<br>")
}

/// Something printed as a row.
pub trait Record: Serialize {
    /// Column names for tables and Markdown (for people).
    const HEADERS: &'static [&'static str];
    /// The cells for tables and Markdown: short ids, readable values.
    fn cells(&self) -> Vec<String>;
    /// Column names for CSV (for scripts): stable snake_case.
    const CSV_HEADERS: &'static [&'static str];
    /// The CSV cells: full UUIDs, ISO-8601, lists joined with "; ".
    fn csv_cells(&self) -> Vec<String>;
}

/// `Some` text or an empty cell.
pub fn or_empty(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_is_less_unless_pager_says_otherwise() {
        assert_eq!(pager_command(None), Some(vec!["less".into(), "-FRX".into()]));
        assert_eq!(
            pager_command(Some("most -s".into())),
            Some(vec!["most".into(), "-s".into()])
        );
        assert_eq!(pager_command(Some(String::new())), None);
        assert_eq!(pager_command(Some("cat".into())), None);
    }

    #[test]
    fn a_rated_status_keeps_its_colour() {
        assert_eq!(status_of("refuted (Mostly False)"), Some(Status::Refuted));
        assert_eq!(status_of("confirmed"), Some(Status::Confirmed));
        assert_eq!(status_of("Dmitry Peskov"), None);
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(
            inert("red \x1b[31mALERT\x1b[0m"),
            "red \\u{1b}[31mALERT\\u{1b}[0m"
        );
        assert_eq!(inert("a\rb\u{202e}c\n"), "a\\u{d}b\\u{202e}c\n");
        assert_eq!(inert("Песков 🙂 e\u{301}"), "Песков 🙂 e\u{301}");
        assert_eq!(
            inert("a\u{61c}b\u{2028}c\u{2029}d"),
            "a\\u{61c}b\\u{2028}c\\u{2029}d"
        );
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b<br>c");
    }
}

/// First characters that make a spreadsheet read a cell as a formula
/// (OWASP's list for CSV injection): `=`, `+`, `-`, `@`, tab, carriage return.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell safe to open in a spreadsheet: one that would start a
/// formula, or that starts with an apostrophe, gets an apostrophe in front
/// (spreadsheets show it as text and hide the mark). [`unguard_cell`]
/// undoes exactly this, so claim tables round-trip byte for byte.
pub fn guard_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || cell.starts_with('\'') {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The cell [`guard_cell`] was given: one leading apostrophe is dropped
/// when what follows is one [`guard_cell`] would have guarded. Other cells,
/// such as "'Tis", are left as they are.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    #[test]
    fn formula_cells_are_guarded_and_come_back_exactly() {
        for cell in [
            "=1+1",
            "+33 1",
            "-5 percent",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'",
            "''",
            "'=x",
            "'Tis",
            "plain",
            "",
            "a=b",
        ] {
            let guarded = guard_cell(cell);
            assert!(!guarded.starts_with(FORMULA_STARTS), "{cell:?} → {guarded:?}");
            assert_eq!(unguard_cell(&guarded), cell);
        }
        assert_eq!(guard_cell("=1+1"), "'=1+1");
        assert_eq!(guard_cell("a=b"), "a=b");
        assert_eq!(unguard_cell("'Tis"), "'Tis", "an apostrophe we did not add stays");
    }
}
