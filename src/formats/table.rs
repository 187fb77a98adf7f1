//! claimtrack's claim table, as CSV (with a header row) and as JSON Lines:
//! one claim per row, with its source, article, current status, rating,
//! the latest event's note, and tags. The columns are documented in
//! `docs/formats.md`. Export then import into an empty database then export
//! gives the same table; the full history travels in claim files.

use std::borrow::Cow;
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::RowWriter;
use super::{
    ClaimRecord, checked_tag, claim_spec, each_line, origin_id, row_loc, row_problem, source_spec, too_long,
};
use crate::claimfile::{ArticleSpec, Problem, derived_id};
use crate::error::{Error, Result};
use crate::model::ClaimRow;
use crate::model::{Day, SourceKind, Status, checked_language};
use crate::render::guard_cell;

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "id",
    "source",
    "source_kind",
    "text",
    "quote",
    "said_on",
    "status",
    "rating",
    "note",
    "tags",
    "article_url",
    "article_title",
    "article_publisher",
    "article_published",
    "origin",
    "evidence",
    "reviewer",
    "reviewed_on",
    "source_job",
    "source_party",
    "language",
];

/// Tags: a `;`-separated cell in CSV, an array in JSON.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Tags {
    List(Vec<String>),
    Text(String),
}

/// One row as read, every cell optional until checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableRow {
    id: Option<String>,
    source: Option<String>,
    source_kind: Option<String>,
    text: Option<String>,
    // Outer `None`: no such column (or key); `Some(None)`: an empty cell.
    #[serde(default, deserialize_with = "present")]
    quote: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    said_on: Option<Option<String>>,
    status: Option<String>,
    rating: Option<String>,
    note: Option<String>,
    #[serde(default, deserialize_with = "present")]
    tags: Option<Option<Tags>>,
    #[serde(default, deserialize_with = "present")]
    article_url: Option<Option<String>>,
    article_title: Option<String>,
    article_publisher: Option<String>,
    article_published: Option<String>,
    origin: Option<String>,
    evidence: Option<Tags>,
    reviewer: Option<String>,
    reviewed_on: Option<String>,
    source_job: Option<String>,
    source_party: Option<String>,
    #[serde(default, deserialize_with = "present")]
    language: Option<Option<String>>,
}

/// A column (or key) that is there, empty or not: what tells a sheet that
/// clears a field from one that does not have it.
fn present<'de, D, T>(deserializer: D) -> std::result::Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// One row as written: the fields in [`COLUMNS`] order, which CSV relies
/// on and JSON Lines names.
#[derive(Debug, Serialize)]
struct OutRow<'a, T: Serialize> {
    id: String,
    source: Cow<'a, str>,
    source_kind: &'a str,
    text: Cow<'a, str>,
    quote: Option<Cow<'a, str>>,
    said_on: &'a Option<String>,
    status: &'a str,
    rating: Option<Cow<'a, str>>,
    note: Option<Cow<'a, str>>,
    tags: T,
    article_url: Option<Cow<'a, str>>,
    article_title: Option<Cow<'a, str>>,
    article_publisher: Option<Cow<'a, str>>,
    article_published: &'a Option<String>,
    origin: Option<Cow<'a, str>>,
    evidence: T,
    reviewer: Cow<'a, str>,
    reviewed_on: &'a str,
    source_job: Option<Cow<'a, str>>,
    source_party: Option<Cow<'a, str>>,
    language: &'a Option<String>,
}

/// A row with every free-text cell passed through `cell`: guarded against
/// spreadsheet formulas for CSV, [`verbatim`] for JSON Lines.
fn out_row<T: Serialize>(
    row: &ClaimRow,
    tags: T,
    evidence: T,
    cell: fn(&str) -> Cow<'_, str>,
) -> OutRow<'_, T> {
    fn optional<'a>(value: &'a Option<String>, cell: fn(&str) -> Cow<'_, str>) -> Option<Cow<'a, str>> {
        value.as_deref().map(cell)
    }
    OutRow {
        id: row.id.to_string(),
        source: cell(&row.source),
        source_kind: row.source_kind.as_str(),
        text: cell(&row.text),
        quote: optional(&row.quote, cell),
        said_on: &row.said_on,
        status: row.status.as_str(),
        rating: optional(&row.rating, cell),
        note: optional(&row.note, cell),
        tags,
        article_url: optional(&row.article_url, cell),
        article_title: optional(&row.article_title, cell),
        article_publisher: optional(&row.article_publisher, cell),
        article_published: &row.article_published,
        origin: optional(&row.origin, cell),
        evidence,
        reviewer: cell(&row.reviewer),
        reviewed_on: &row.reviewed_on,
        source_job: optional(&row.source_job, cell),
        source_party: optional(&row.source_party, cell),
        language: &row.language,
    }
}

/// Text as it is.
fn verbatim(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}

/// Reads CSV rows. The header must name known columns, and `source` and
/// `text` at least.
pub(super) fn read_csv(
    path: &Arc<Path>,
    reader: impl std::io::Read,
    sink: &mut dyn FnMut(std::result::Result<ClaimRecord, Problem>) -> bool,
) -> Result<()> {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(LineEnds::new(reader));
    let headers = match csv.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(Error::Files(vec![csv_problem(path, &e)])),
    };
    if headers.is_empty() || (headers.len() == 1 && headers[0].trim().is_empty()) {
        return Err(Error::Files(vec![row_problem(
            path,
            1,
            "the file is empty: expected a header row naming the columns",
        )]));
    }
    let mut problems = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        let name = name.trim_start_matches('\u{feff}');
        if !COLUMNS.contains(&name) {
            let closest = COLUMNS
                .iter()
                .min_by_key(|c| strsim::levenshtein(c, name))
                .filter(|c| strsim::levenshtein(c, name) <= 3)
                .map(|c| format!(" (did you mean '{c}'?)"))
                .unwrap_or_default();
            problems.push(row_problem(
                path,
                1,
                format!("unknown column '{name}' (column {}){closest}", i + 1),
            ));
        }
    }
    for required in ["source", "text"] {
        if !headers
            .iter()
            .any(|h| h.trim_start_matches('\u{feff}') == required)
        {
            problems.push(row_problem(path, 1, format!("no '{required}' column")));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Files(problems));
    }
    let headers = csv::StringRecord::from_iter(headers.iter().map(|h| h.trim_start_matches('\u{feff}')));
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line() as usize;
        match csv.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                // A row the CSV reader cannot split (wrong field count, bad
                // UTF-8) is a bad row; the reader resumes at the next one.
                if sink(Err(csv_problem(path, &e))) {
                    continue;
                }
                return Ok(());
            }
        }
        let line = record.position().map_or(line, |p| p.line() as usize);
        if record.as_byte_record().as_slice().len() > super::MAX_ROW_BYTES {
            if sink(Err(too_long(path, line))) {
                continue;
            }
            return Ok(());
        }
        // Cells our export guarded against spreadsheet formulas come back
        // as they were (see `render::guard_cell`).
        let unguarded: csv::StringRecord = record.iter().map(crate::render::unguard_cell).collect();
        let result = unguarded
            .deserialize::<TableRow>(Some(&headers))
            .map_err(|e| row_problem(path, line, csv_message(&e)))
            .and_then(|row| checked(path, line, row, "; "));
        if !sink(result) {
            return Ok(());
        }
    }
}

/// CSV with its CRLF record ends turned into LF, outside quoted cells only
/// (a cell's own line breaks stay as they are). The csv crate counts lines
/// by LF and, with CRLF, reports every row after the first one line early.
pub(super) struct LineEnds<R> {
    inner: R,
    in_quotes: bool,
    /// A carriage return outside quotes, held until the next byte shows
    /// whether it ends a record.
    held_cr: bool,
    input: Vec<u8>,
    /// Converted bytes not yet handed out, from `start`.
    output: Vec<u8>,
    start: usize,
}

impl<R: std::io::Read> LineEnds<R> {
    pub(super) fn new(inner: R) -> Self {
        LineEnds {
            inner,
            in_quotes: false,
            held_cr: false,
            input: vec![0; 1 << 16],
            output: Vec::with_capacity(1 << 16),
            start: 0,
        }
    }
}

impl<R: std::io::Read> std::io::Read for LineEnds<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.start == self.output.len() {
            self.output.clear();
            self.start = 0;
            let n = self.inner.read(&mut self.input)?;
            if n == 0 {
                if std::mem::take(&mut self.held_cr) {
                    self.output.push(b'\r');
                    continue;
                }
                return Ok(0);
            }
            for &byte in &self.input[..n] {
                if std::mem::take(&mut self.held_cr) && byte != b'\n' {
                    self.output.push(b'\r');
                }
                match byte {
                    b'"' => self.in_quotes = !self.in_quotes,
                    b'\r' if !self.in_quotes => {
                        self.held_cr = true;
                        continue;
                    }
                    _ => {}
                }
                self.output.push(byte);
            }
        }
        let n = out.len().min(self.output.len() - self.start);
        out[..n].copy_from_slice(&self.output[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}

pub(super) fn csv_problem(path: &Arc<Path>, error: &csv::Error) -> Problem {
    let line = error.position().map_or(1, |p| p.line() as usize);
    row_problem(path, line, csv_message(error))
}

fn csv_message(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("the row has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text (field {})", err.field() + 1),
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        _ => error.to_string(),
    }
}

/// Reads JSON Lines: one object per line; blank lines are skipped.
pub(super) fn read_jsonl(
    path: &Arc<Path>,
    reader: impl BufRead,
    sink: &mut dyn FnMut(std::result::Result<ClaimRecord, Problem>) -> bool,
) -> std::io::Result<bool> {
    each_line(reader, |line, text| {
        let Some(text) = text else {
            return sink(Err(too_long(path, line)));
        };
        let result = if let Err(e) = std::str::from_utf8(text) {
            Err(row_problem(
                path,
                line,
                format!(
                    "not UTF-8 text: invalid byte at offset {} of the line",
                    e.valid_up_to()
                ),
            ))
        } else if text.trim_ascii_start().first() != Some(&b'{') {
            Err(row_problem(
                path,
                line,
                "expected a JSON object ({...}) for a claim",
            ))
        } else {
            match serde_json::from_slice::<TableRow>(text) {
                Ok(row) => checked(path, line, row, ";"),
                Err(e) => Err(row_problem(path, line, json_message(&e))),
            }
        };
        sink(result)
    })
}

/// serde_json's message without its own "at line 1 column N" (the line is
/// the file's, given separately).
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("not a JSON object: {message} (column {})", error.column())
        }
        _ => message,
    }
}

/// Checks one row's cells and makes the record.
fn checked(
    path: &Arc<Path>,
    line: usize,
    row: TableRow,
    separator: &str,
) -> std::result::Result<ClaimRecord, Problem> {
    let problem = |message: String| Err(row_problem(path, line, message));
    let blank = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let stated = crate::claimfile::Stated {
        quote: row.quote.is_some(),
        said_on: row.said_on.is_some(),
        tags: row.tags.is_some(),
        article: row.article_url.is_some(),
        language: row.language.is_some(),
    };
    let (quote, said_on, tags, article_url) = (
        row.quote.flatten(),
        row.said_on.flatten(),
        row.tags.flatten(),
        row.article_url.flatten(),
    );
    let Some(source) = blank(row.source) else {
        return problem("the row has no source".into());
    };
    let Some(text) = blank(row.text) else {
        return problem("the row has no text".into());
    };
    let kind = match blank(row.source_kind) {
        Some(kind) => match kind.parse::<SourceKind>() {
            Ok(kind) => Some(kind),
            Err(e) => return problem(format!("source_kind: {e}")),
        },
        None => None,
    };
    let status = match blank(row.status) {
        Some(status) => match status.parse::<Status>() {
            Ok(status) => Some(status),
            Err(e) => return problem(format!("status: {e}")),
        },
        None => None,
    };
    let day = |name: &str, value: Option<String>| match blank(value) {
        Some(value) => value
            .parse::<Day>()
            .map(Some)
            .map_err(|e| row_problem(path, line, format!("{name}: {e}"))),
        None => Ok(None),
    };
    let said_on = day("said_on", said_on)?;
    let published = day("article_published", row.article_published)?;
    let loc = row_loc(path, line);
    let article = match blank(article_url) {
        Some(url) => {
            if !url.contains("://") || url.chars().any(char::is_whitespace) {
                return problem(format!("article_url '{url}' is not a URL"));
            }
            Some(ArticleSpec {
                loc: loc.clone(),
                url,
                title: blank(row.article_title).unwrap_or_default(),
                publisher: blank(row.article_publisher),
                published,
                body: None,
                partial: true,
            })
        }
        None if blank(row.article_title).is_some() => {
            return problem("article_title is given without article_url".into());
        }
        None => None,
    };
    let origin = blank(row.origin);
    let id = match blank(row.id) {
        Some(id) => match Uuid::parse_str(&id) {
            Ok(id) => id,
            Err(_) => return problem(format!("invalid claim id '{id}': expected a UUID")),
        },
        None => match &origin {
            Some(origin) => origin_id(origin),
            None => derived_id(article.as_ref().map(|a| a.url.as_str()), &source, &text),
        },
    };
    let mut claim = claim_spec(&loc, id, &source, text);
    let tags = match tags {
        Some(Tags::List(tags)) => tags,
        Some(Tags::Text(text)) => text.split(separator.trim()).map(str::to_string).collect(),
        None => Vec::new(),
    };
    for tag in tags.iter().filter(|t| !t.trim().is_empty()) {
        match checked_tag(tag) {
            Ok(tag) => claim.tags.push(tag),
            Err(message) => return problem(message),
        }
    }
    claim.quote = blank(quote).map(|q| (q, loc.clone()));
    claim.stated = stated;
    let reviewed_on = day("reviewed_on", row.reviewed_on)?;
    if let Some(day) = reviewed_on.filter(|d| d.0 > time::OffsetDateTime::now_utc().date()) {
        return problem(format!("reviewed_on {day} is in the future"));
    }
    let mut evidence = Vec::new();
    let listed = match row.evidence {
        Some(Tags::List(urls)) => urls,
        // Apart by "; " (a URL holds no space, but may hold a ';').
        Some(Tags::Text(text)) => text.split("; ").map(str::to_string).collect(),
        None => Vec::new(),
    };
    for url in listed.iter().map(|u| u.trim()).filter(|u| !u.is_empty()) {
        if !url.contains("://") || url.chars().any(char::is_whitespace) {
            return problem(format!("evidence '{url}' is not a URL"));
        }
        if !evidence.iter().any(|e| e == url) {
            evidence.push(url.to_string());
        }
    }
    claim.review = crate::claimfile::Review {
        evidence,
        reviewer: blank(row.reviewer),
        reviewed_on,
    };
    claim.said_on = said_on;
    claim.status = status;
    claim.rating = blank(row.rating);
    // A note keeps its spaces: only an empty one is no note.
    claim.note = row.note.filter(|n| !n.trim().is_empty());
    claim.origin = origin;
    claim.language = match blank(row.language.flatten()) {
        Some(language) => match checked_language(&language) {
            Ok(tag) => Some(tag),
            Err(message) => return problem(format!("language: {message}")),
        },
        None => None,
    };
    let mut source = source_spec(&loc, &source, kind);
    source.profile.job = blank(row.source_job);
    source.profile.party = blank(row.source_party);
    Ok(ClaimRecord {
        source,
        article,
        claim,
    })
}

/// The claim table as CSV, a row at a time. The header is written first,
/// not by serde, so that an empty database still exports one.
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the table: writes the header.
    pub fn new(out: W) -> Result<Self> {
        let mut csv = csv::WriterBuilder::new().has_headers(false).from_writer(out);
        csv.write_record(COLUMNS).map_err(csv_io)?;
        Ok(CsvWriter { csv })
    }
}

impl<W: Write> RowWriter for CsvWriter<W> {
    fn write(&mut self, row: &ClaimRow) -> Result<()> {
        let tags = guard_cell(&row.tags.join("; ")).into_owned();
        let evidence = guard_cell(&row.evidence.join("; ")).into_owned();
        self.csv
            .serialize(out_row(row, tags, evidence, guard_cell))
            .map_err(csv_io)
    }

    fn finish(&mut self) -> Result<()> {
        Ok(self.csv.flush()?)
    }
}

/// The claim table as JSON Lines, a row at a time.
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    /// Starts the file (JSON Lines has no header).
    pub fn new(out: W) -> Self {
        JsonlWriter { out }
    }
}

impl<W: Write> RowWriter for JsonlWriter<W> {
    fn write(&mut self, row: &ClaimRow) -> Result<()> {
        serde_json::to_writer(&mut self.out, &out_row(row, &row.tags, &row.evidence, verbatim))
            .map_err(std::io::Error::from)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        Ok(self.out.flush()?)
    }
}

fn csv_io(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => Error::Io(e),
        other => Error::Io(std::io::Error::other(format!("{other:?}"))),
    }
}
