//! Printing records as a table for people, or as CSV, JSON or Markdown.
//!
//! Tables fit the terminal and wrap long text; colour is used only on a
//! terminal and never when `NO_COLOR` is set. CSV and JSON are for scripts:
//! stable snake_case field names, ISO-8601 dates, full UUIDs. Every cell
//! meant for a terminal passes through [`inert`], so that text from an
//! article (an ANSI escape, a carriage return) is shown, never obeyed.

use std::io::{IsTerminal, Write};

use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::Serialize;

use crate::error::Result;
use crate::model::Status;

/// Columns whose widest cell is at most this wide are never wrapped.
const SHORT_COLUMN: u16 = 20;

/// The narrowest the main text column may become.
const MIN_TEXT_COLUMN: u16 = 12;

/// The widest a long column other than the widest one may grow.
const SECONDARY_COLUMN: u16 = 16;

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
            buffer: Vec::new(),
        }
    }

    /// Output collected in memory (tests), never coloured.
    pub fn capture(format: Format) -> Output {
        Output {
            format,
            color: false,
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
        let mut table = self.new_table();
        table.set_header(headers.iter().map(|h| {
            let cell = Cell::new(h);
            if self.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in rows {
            table.add_row(row.iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(inert(text));
                match (self.color, Some(i) == status_column, text.parse::<Status>()) {
                    (true, true, Ok(status)) => cell.fg(status_color(status)),
                    _ => cell,
                }
            }));
        }
        if let Some(constraints) = column_constraints(&table.column_max_content_widths(), terminal_width()) {
            table.set_constraints(constraints);
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
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&self.buffer)?;
        stdout.flush()?;
        self.buffer.clear();
        Ok(())
    }
}

/// How columns share a limited width. Short values (ids, dates, counts,
/// statuses) never wrap; the widest column (the claim, the note) takes what
/// is left; other long columns (tags, sources) are held to a modest width so
/// that the text people read is not squeezed into a ribbon. `None` when the
/// short columns alone would not fit: then every column wraps as needed.
fn column_constraints(widths: &[u16], available: Option<u16>) -> Option<Vec<ColumnConstraint>> {
    let widest = widths.iter().enumerate().max_by_key(|(_, w)| **w).map(|(i, _)| i);
    let constraints: Vec<ColumnConstraint> = widths
        .iter()
        .enumerate()
        .map(|(i, w)| match *w {
            w if w <= SHORT_COLUMN => ColumnConstraint::ContentWidth,
            _ if Some(i) == widest => ColumnConstraint::LowerBoundary(Width::Fixed(MIN_TEXT_COLUMN)),
            _ => ColumnConstraint::Boundaries {
                lower: Width::Fixed(12),
                upper: Width::Fixed(SECONDARY_COLUMN),
            },
        })
        .collect();
    // What the constraints need at the least: short columns whole, long
    // ones at their lower bound, three characters of border per column.
    let needed: u32 = widths
        .iter()
        .enumerate()
        .map(|(i, w)| match *w {
            w if w <= SHORT_COLUMN => u32::from(w),
            _ if Some(i) == widest => u32::from(MIN_TEXT_COLUMN),
            _ => 12,
        })
        .sum::<u32>()
        + 3 * widths.len() as u32
        + 1;
    match available {
        Some(width) if needed > u32::from(width) => None,
        _ => Some(constraints),
    }
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
