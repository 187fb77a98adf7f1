//! Claims in other people's formats: PolitiFact's LIAR TSV, schema.org
//! ClaimReview JSON-LD and Google Fact Check Tools results, and claimtrack's
//! own CSV and JSON Lines tables. `docs/formats.md` is the reference.
//!
//! Every reader streams its input and turns each row into a
//! [`ClaimRecord`]: the claim with its source and (partial) article, in the
//! same specs a claim file produces. [`Chunker`] packs consecutive records
//! into [`ClaimFile`]s, so one importer, [`crate::import::Importer`],
//! writes every format with the same identity, idempotence and history
//! rules.

mod averitec;
mod claimreview;
mod claimskg;
mod liar;
mod status_map;
mod table;

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use crate::claimfile::{ArticleSpec, ClaimFile, ClaimSpec, Loc, Problem, SourceSpec, claim_namespace};
use crate::error::{Error, Result};
use crate::model::{Status, checked_tag};
use crate::names::fold_name;

pub use claimreview::{ClaimReviewOptions, ClaimReviewWriter, Unmapped, rating_value, review_of, review_url};
pub use status_map::StatusMap;
pub use table::{CsvWriter, JsonlWriter};

/// The name of the source that stands for a claim whose maker is not given.
pub const UNKNOWN_CLAIMANT: &str = "unknown claimant";

/// The formats `claims import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum ImportFormat {
    /// Claim files (TOML), one per article.
    Toml,
    /// claimtrack's claim table as CSV, with a header row.
    Csv,
    /// claimtrack's claim table as JSON Lines, one object per line.
    Jsonl,
    /// PolitiFact statements in the LIAR data set's TSV.
    Liar,
    /// ClaimReview JSON-LD, or Google Fact Check Tools `claims:search` results.
    Claimreview,
}

impl ImportFormat {
    /// Its name, as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Toml => "toml",
            ImportFormat::Csv => "csv",
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Liar => "liar",
            ImportFormat::Claimreview => "claimreview",
        }
    }

    /// The format a file's extension suggests, for imports that name none.
    pub fn of_path(path: &Path) -> Option<ImportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "toml" => ImportFormat::Toml,
            "csv" => ImportFormat::Csv,
            "jsonl" | "ndjson" => ImportFormat::Jsonl,
            "tsv" => ImportFormat::Liar,
            "json" | "jsonld" => ImportFormat::Claimreview,
            _ => return None,
        })
    }
}

/// One claim read from a row of some format, with its source and article.
#[derive(Debug, Clone)]
pub struct ClaimRecord {
    /// Who made it.
    pub source: SourceSpec,
    /// Where it was reported, when the format says.
    pub article: Option<ArticleSpec>,
    /// The claim.
    pub claim: ClaimSpec,
}

/// How to read records.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Rating labels to statuses.
    pub status_map: StatusMap,
    /// When the import runs: the time of events a format does not date.
    pub now: String,
    /// Rating labels read that the status map does not know, with counts:
    /// their claims are kept, rated, and left unverified.
    pub unmapped: Arc<Mutex<claimreview::Unmapped>>,
}

impl ReadOptions {
    fn note_unmapped(&self, label: &str) {
        let mut unmapped = self.unmapped.lock().unwrap_or_else(|e| e.into_inner());
        *unmapped.entry(label.to_string()).or_default() += 1;
    }
}

/// Reads `path` in `format` (not TOML), handing each record, or the problem
/// that kept a row from being one, to `sink`; `sink` returns false to stop.
/// `consumed` counts the bytes read, for a progress display.
pub fn read_records(
    format: ImportFormat,
    path: &Path,
    options: &ReadOptions,
    consumed: &Arc<AtomicU64>,
    sink: &mut dyn FnMut(std::result::Result<ClaimRecord, Problem>) -> bool,
) -> Result<()> {
    let file = std::fs::File::open(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let shared: Arc<Path> = Arc::from(path);
    if file.metadata().is_ok_and(|m| m.len() == 0) {
        return Err(empty_file(&shared));
    }
    let reader = Counting {
        inner: file,
        consumed: Arc::clone(consumed),
    };
    read_from(format, &shared, reader, options, sink)
}

/// Reads records in `format` from any reader (`path` names it in
/// problems): [`read_records`] without the file, for fuzzing and tests.
pub fn read_from(
    format: ImportFormat,
    path: &Arc<Path>,
    reader: impl std::io::Read,
    options: &ReadOptions,
    sink: &mut dyn FnMut(std::result::Result<ClaimRecord, Problem>) -> bool,
) -> Result<()> {
    let mut reader = std::io::BufReader::with_capacity(1 << 16, reader);
    let io = |source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    };
    let rows = |any: bool| if any { Ok(()) } else { Err(empty_file(path)) };
    match format {
        ImportFormat::Liar => liar::read(path, reader, options, sink).map_err(io).and_then(rows),
        ImportFormat::Csv => {
            // ClaimsKG's flattened ClaimReview, or claimtrack's own table:
            // the header says which.
            let head = std::io::BufRead::fill_buf(&mut reader).map_err(io)?;
            let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
            if claimskg::is_claimskg(&String::from_utf8_lossy(first_line)) {
                claimskg::read(path, reader, options, sink)
            } else {
                table::read_csv(path, reader, sink)
            }
        }
        ImportFormat::Jsonl => table::read_jsonl(path, reader, sink).map_err(io).and_then(rows),
        ImportFormat::Claimreview => claimreview::read(path, reader, options, sink),
        ImportFormat::Toml => Err(Error::invalid("claim files are read by claimfile::parse")),
    }
}

/// A reader that counts the bytes it passes on.
struct Counting<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Packs consecutive records into claim files: one per run of records that
/// share an article (or have none), at most [`Chunker::CLAIMS`] claims each,
/// and never the same claim twice (a repeat starts a new chunk, where the
/// importer reconciles it with the first).
pub struct Chunker {
    path: PathBuf,
    current: Option<ClaimFile>,
    ids: HashSet<Uuid>,
    sources: HashSet<String>,
}

impl Chunker {
    /// Claims per chunk: enough that per-chunk work (article checks,
    /// source lookups) is spread thin, few enough to keep memory flat.
    pub const CLAIMS: usize = 1000;

    /// Chunks of records read from `path`.
    pub fn new(path: &Path) -> Chunker {
        Chunker {
            path: path.to_path_buf(),
            current: None,
            ids: HashSet::new(),
            sources: HashSet::new(),
        }
    }

    /// Adds a record; returns the chunk it closed, if any.
    pub fn push(&mut self, record: ClaimRecord) -> Option<ClaimFile> {
        let url = record.article.as_ref().map(|a| a.url.as_str());
        let fits = self.current.as_ref().is_some_and(|chunk| {
            chunk.article.as_ref().map(|a| a.url.as_str()) == url
                && chunk.claims.len() < Self::CLAIMS
                && !self.ids.contains(&record.claim.id)
        });
        let closed = if fits { None } else { self.finish() };
        let chunk = self.current.get_or_insert_with(|| ClaimFile {
            path: self.path.clone(),
            article: record.article,
            sources: Vec::new(),
            claims: Vec::new(),
            links: Vec::new(),
            merge_repeats: true,
        });
        // A source is declared once per chunk, unless a row declares it
        // differently (the importer then reports the disagreement).
        let declaration = format!("{}\u{1f}{:?}", fold_name(&record.source.name), record.source.kind);
        if self.sources.insert(declaration) {
            chunk.sources.push(record.source);
        }
        self.ids.insert(record.claim.id);
        chunk.claims.push(record.claim);
        closed
    }

    /// The last, unfinished chunk.
    pub fn finish(&mut self) -> Option<ClaimFile> {
        self.ids.clear();
        self.sources.clear();
        self.current.take()
    }
}

/// The longest row a line-based format may have. LIAR rows are under 2 KB
/// and a claim-table row rarely passes 10 KB; a longer line is a wrong file
/// (or a hostile one), reported without being held in memory.
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// Calls `row` with each non-blank line of `reader` (numbered from 1,
/// without its line ending or, on line 1, a byte-order mark) until it
/// returns false; a line longer than [`MAX_ROW_BYTES`] comes as `None`.
/// Lines are bytes: a reader decides what invalid UTF-8 is. Returns whether
/// there was any row at all.
fn each_line(
    mut reader: impl std::io::BufRead,
    mut row: impl FnMut(usize, Option<&[u8]>) -> bool,
) -> std::io::Result<bool> {
    use std::io::BufRead as _;
    let mut bytes = Vec::new();
    let (mut line, mut any) = (0, false);
    loop {
        bytes.clear();
        let limit = MAX_ROW_BYTES as u64 + 2;
        if (&mut reader).take(limit).read_until(b'\n', &mut bytes)? == 0 {
            return Ok(any);
        }
        line += 1;
        if bytes.len() as u64 == limit && !bytes.ends_with(b"\n") {
            any = true;
            skip_line(&mut reader)?;
            if !row(line, None) {
                return Ok(any);
            }
            continue;
        }
        let mut text = bytes.as_slice();
        text = text.strip_suffix(b"\n").unwrap_or(text);
        text = text.strip_suffix(b"\r").unwrap_or(text);
        if line == 1 {
            text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
        }
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        if !row(line, Some(text)) {
            return Ok(any);
        }
    }
}

/// Reads past the rest of a line without keeping it.
fn skip_line(reader: &mut impl std::io::BufRead) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buffer) {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(());
            }
            None => {
                let n = buffer.len();
                reader.consume(n);
            }
        }
    }
}

/// The problem of a line longer than [`MAX_ROW_BYTES`].
fn too_long(path: &Arc<Path>, line: usize) -> Problem {
    row_problem(
        path,
        line,
        format!(
            "the line is longer than {} MiB; is this the right file and format?",
            MAX_ROW_BYTES >> 20
        ),
    )
}

/// The problem of a file with no rows.
fn empty_file(path: &Arc<Path>) -> Error {
    Error::Files(vec![row_problem(
        path,
        1,
        "the file is empty: there is nothing to import",
    )])
}

/// The place of a row: `file:line`.
fn row_loc(path: &Arc<Path>, line: usize) -> Loc {
    Loc {
        file: Arc::clone(path),
        line,
        column: 0,
    }
}

/// A problem with a row.
fn row_problem(path: &Arc<Path>, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        loc: row_loc(path, line),
        message: message.into(),
    }
}

/// The id of a claim a data set identifies by `origin` (a row id, a URL):
/// a UUIDv5 of the origin, so that importing the row again finds it.
pub fn origin_id(origin: &str) -> Uuid {
    Uuid::new_v5(
        &claim_namespace(),
        format!("origin\n{}", origin.trim()).as_bytes(),
    )
}

/// A source as a row gives it: a name and perhaps a kind.
fn source_spec(loc: &Loc, name: &str, kind: Option<crate::model::SourceKind>) -> SourceSpec {
    SourceSpec {
        loc: loc.clone(),
        name: name.to_string(),
        kind,
        profile: crate::model::SourceProfile::default(),
        aliases: Vec::new(),
        speaks_for: Vec::new(),
    }
}

/// What a data set's row states: the fields it gives a value. Data sets
/// carry what they know; an empty field there is not a request to clear
/// one a checker filled in.
fn stated_values(claim: &ClaimSpec, has_article: bool) -> crate::claimfile::Stated {
    crate::claimfile::Stated {
        quote: claim.quote.is_some(),
        said_on: claim.said_on.is_some(),
        tags: !claim.tags.is_empty(),
        article: has_article,
        language: claim.language.is_some(),
    }
}

/// A file format's writer of the claim table, fed a row at a time by the
/// command that reads them from the store (formats never touch the store).
pub trait RowWriter {
    /// Writes one claim.
    fn write(&mut self, row: &crate::model::ClaimRow) -> Result<()>;
    /// Completes the file (a closing bracket) and flushes it.
    fn finish(&mut self) -> Result<()>;
}

/// A claim spec with only what every format has; the readers fill the rest.
fn claim_spec(loc: &Loc, id: Uuid, by: &str, text: String) -> ClaimSpec {
    ClaimSpec {
        loc: loc.clone(),
        id,
        id_loc: loc.clone(),
        key: None,
        by: (by.to_string(), loc.clone()),
        text,
        quote: None,
        anchor: None,
        said_on: None,
        status: None,
        rating: None,
        tags: Vec::new(),
        history: Vec::new(),
        origin: None,
        language: None,
        note: None,
        stated: crate::claimfile::Stated::NONE,
        review: crate::claimfile::Review::default(),
    }
}

/// A timestamp in any of the forms data sets use (RFC 3339, or a bare
/// date), in the form the store keeps.
fn timestamp(given: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    let given = given.trim();
    if let Ok(at) = time::OffsetDateTime::parse(given, &Rfc3339) {
        return Some(crate::model::format_timestamp(at));
    }
    if given.len() != 10 {
        return None;
    }
    let day: crate::model::Day = given.parse().ok()?;
    Some(crate::model::format_timestamp(day.0.midnight().assume_utc()))
}

#[cfg(test)]
mod tests;

/// A numeric rating's status on its scale (ClaimReview's `ratingValue`
/// between `worstRating` and `bestRating`): the bottom quarter refuted, the
/// top quarter confirmed, disputed between; `None` without a usable scale.
fn status_on_scale(value: Option<f64>, best: Option<f64>, worst: Option<f64>) -> Option<Status> {
    // schema.org's defaults are 5 and 1; a scale whose best is 1 or less
    // (0..1, as several publishers write) starts at 0.
    let value = value?;
    let best = best.unwrap_or(5.0);
    let worst = worst.unwrap_or(if best <= 1.0 { 0.0 } else { 1.0 });
    if best <= worst {
        return None;
    }
    let share = (value - worst) / (best - worst);
    Some(if share <= 0.25 {
        Status::Refuted
    } else if share >= 0.75 {
        Status::Confirmed
    } else {
        Status::Disputed
    })
}
