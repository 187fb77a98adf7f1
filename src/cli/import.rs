//! `claims import PATH...`: load claim files, LIAR TSV, ClaimReview JSON-LD
//! or Fact Check Tools results, or claimtrack's CSV and JSON Lines tables,
//! all or nothing.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Args;

use super::{Acting, Context};
use crate::claimfile::{self, ClaimFile, Locator, Problem};
use crate::error::{Error, Result};
use crate::formats::{self, Chunker, ImportFormat, ReadOptions, StatusMap};
use crate::import::{Conflicts, ImportOptions, ImportSummary, Importer, Tally};
use crate::model::now_timestamp;
use crate::store::importing::Importing;

/// `claims import`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Without --format, each file's extension decides: .toml, .csv, .jsonl, .tsv (LIAR), .json (ClaimReview). ClaimsKG CSVs are recognised by their header, AVeriTeC JSON by its fields.\n\nExamples:\n  claims import claims/                   # every claim file in a folder\n  claims import --format liar ../data/liar/train.tsv\n  claims import --format claimreview factchecks.json --status-map labels.toml\n  claims import --theirs edited.csv     # the file wins over later hand edits"
)]
pub struct ImportArgs {
    /// Files, or folders searched recursively for files of the format.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The file format of every PATH [default: each file's extension].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FileFormat>,
    /// Rating labels to statuses, added to the built-in table: a TOML file of `"label" = "status"` lines.
    #[arg(long, value_name = "FILE")]
    pub status_map: Option<PathBuf>,
    /// Import the good rows and list the bad ones, instead of importing nothing.
    #[arg(long)]
    pub skip_bad: bool,
    /// Keep claims whose quote is not found in the article's snapshot, with a warning, instead of failing.
    #[arg(long)]
    pub allow_orphans: bool,
    /// Where a file's verdict differs from one recorded by hand since, keep the database's.
    #[arg(long, conflicts_with = "theirs")]
    pub ours: bool,
    /// Where a file's verdict differs from one recorded by hand since, take the file's (appended to the history).
    #[arg(long)]
    pub theirs: bool,
    #[command(flatten)]
    pub acting: Acting,
}

/// The file formats `claims import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FileFormat {
    /// Claim files, one per article.
    Toml,
    /// The claim table as CSV (claimtrack's own, or ClaimsKG's).
    Csv,
    /// The claim table as JSON Lines.
    Jsonl,
    /// PolitiFact's LIAR data set (TSV).
    Liar,
    /// schema.org ClaimReview JSON-LD, Fact Check Tools results, AVeriTeC.
    #[value(alias = "json")]
    Claimreview,
}

/// What the reading thread hands the writing one.
enum Batch {
    /// Claims to write (a claim file, or a chunk of rows).
    File(ClaimFile),
    /// Problems that fail the import.
    Bad(Vec<Problem>),
    /// A bad row left out (`--skip-bad`).
    Skipped(Problem),
}

/// Bad rows listed before a failing import stops reading: enough to fix
/// several at once, without reading a broken file to its end.
const PROBLEMS_LISTED: usize = 20;

pub(super) async fn run(args: ImportArgs, ctx: &mut Context) -> Result<()> {
    let mut run = ImportRun::start(&args, ctx.actor.clone())?;
    let summary = ctx.store.write(async |store| run.feed(store).await).await;
    let line = run.finish(summary)?;
    ctx.out.line(line);
    Ok(())
}

/// An import without its summary line (for `evaluate-matching`'s scratch
/// database): the same reading, checks and writing.
pub(super) async fn import_quietly(
    args: ImportArgs,
    store: &mut crate::store::Store,
    actor: &str,
) -> Result<()> {
    let mut run = ImportRun::start(&args, actor.to_string())?;
    let summary = store.write(async |store| run.feed(store).await).await;
    run.finish(summary).map(|_| ())
}

/// `claims import` into a team database: the same reading and checks, the
/// rows written under the session's login (see `store::postgres`).
pub(super) async fn run_on_postgres(args: ImportArgs, url: &str, out: &mut super::Output) -> Result<()> {
    let mut db = crate::store::postgres::TeamDatabase::connect(url).await?;
    let (_, login) = db.identity().await?;
    let mut run = ImportRun::start(&args, login)?;
    let summary = db.write(async |db| run.feed(db).await).await;
    let line = run.finish(summary)?;
    out.line(line);
    super::say_seen_before(&db.take_seen_before());
    db.close().await
}

/// One import: the reader thread parsing the inputs, and what the writer
/// needs to feed the importer and report.
struct ImportRun {
    options: ImportOptions,
    format: Option<ImportFormat>,
    files: usize,
    not_imported: Vec<PathBuf>,
    unmapped: Arc<Mutex<formats::Unmapped>>,
    progress: Progress,
    receiver: Option<std::sync::mpsc::Receiver<Result<Vec<Batch>>>>,
    completed: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
    skipped: Vec<Problem>,
}

impl ImportRun {
    /// Finds the inputs and starts the thread that reads them.
    fn start(args: &ImportArgs, actor: String) -> Result<ImportRun> {
        // Without --format, each file's extension says: .toml claim files,
        // .csv, .jsonl, .tsv (LIAR), .json (ClaimReview); folders hold claim files.
        let format = args.format.map(|format| match format {
            FileFormat::Toml => ImportFormat::Toml,
            FileFormat::Csv => ImportFormat::Csv,
            FileFormat::Jsonl => ImportFormat::Jsonl,
            FileFormat::Liar => ImportFormat::Liar,
            FileFormat::Claimreview => ImportFormat::Claimreview,
        });
        let mut inputs = Vec::new();
        let mut not_imported = Vec::new();
        for path in &args.paths {
            collect(path, format, &mut inputs, &mut not_imported)?;
        }
        inputs.sort();
        inputs.dedup();
        let files = inputs.len();
        let status_map = match &args.status_map {
            Some(path) => StatusMap::default().with_file(path)?,
            None => StatusMap::default(),
        };
        let options = ImportOptions {
            actor,
            allow_orphans: args.allow_orphans,
            conflicts: match (args.ours, args.theirs) {
                (true, _) => Conflicts::Ours,
                (_, true) => Conflicts::Theirs,
                _ => Conflicts::Refuse,
            },
        };
        let read_options = ReadOptions {
            status_map,
            now: now_timestamp(),
            unmapped: Arc::new(Mutex::new(Default::default())),
        };
        let unmapped = Arc::clone(&read_options.unmapped);
        let consumed = Arc::new(AtomicU64::new(0));
        let total: u64 = inputs
            .iter()
            .filter_map(|(path, _)| std::fs::metadata(path).ok())
            .map(|m| m.len())
            .sum();
        let progress = Progress::new(total, Arc::clone(&consumed));
        // A second thread reads and parses while this one writes: both cores
        // work. Batches travel in groups of about a thousand claims, and the
        // channel holds a few groups: enough for the reader to keep parsing
        // while the database writes a whole flush (with room for only four
        // claim files, each flush stalled the reader and the database then
        // waited for it: 2.65 s against 1.9 s for 100,000 claims), little
        // enough that memory does not grow with the input.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Result<Vec<Batch>>>(GROUPS_AHEAD);
        let skip_bad = args.skip_bad;
        // Set only when the reader returns normally: a reader that panicked
        // also closes the channel, and what it sent must then not be committed
        // as if it were the whole input.
        let completed = Arc::new(AtomicBool::new(false));
        let reader_completed = Arc::clone(&completed);
        let reader = std::thread::Builder::new()
            .name("claims-reader".into())
            .spawn(move || {
                read_all(inputs, &read_options, skip_bad, &consumed, &sender);
                reader_completed.store(true, Ordering::SeqCst);
                drop(sender);
            })?;
        Ok(ImportRun {
            options,
            format,
            files,
            not_imported,
            unmapped,
            progress,
            receiver: Some(receiver),
            completed,
            reader: Some(reader),
            skipped: Vec::new(),
        })
    }

    /// Feeds everything the reader sends through one importer, inside the
    /// caller's one transaction: any problem rolls the whole import back.
    async fn feed(&mut self, store: &mut impl Importing) -> Result<ImportSummary> {
        let receiver = self
            .receiver
            .take()
            .ok_or_else(|| Error::Internal("an import fed twice".into()))?;
        let mut importer = Importer::new(&self.options);
        let mut claims = 0;
        while let Ok(group) = receiver.recv() {
            for batch in group? {
                match batch {
                    Batch::File(file) if !importer.has_problems() => {
                        claims += file.claims.len();
                        importer.add(store, file).await?;
                    }
                    // After a problem, input is still checked but no longer written.
                    Batch::File(_) => importer.reject(vec![]),
                    Batch::Bad(problems) => importer.reject(problems),
                    Batch::Skipped(problem) => self.skipped.push(problem),
                }
            }
            self.progress.show(claims);
        }
        if !self.completed.load(Ordering::SeqCst) {
            return Err(Error::Internal(
                "the import's reader thread stopped before the end of the input".into(),
            ));
        }
        // Links, index builds and the commit can take seconds of their own.
        self.progress.finishing(claims);
        importer.finish(store).await
    }

    /// Stops the reader, prints the warnings and returns the summary line.
    fn finish(mut self, summary: Result<ImportSummary>) -> Result<String> {
        // Dropping the receiver stops a reader still sending.
        self.receiver = None;
        self.progress.clear();
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        let mut summary = summary?;
        // The importer counts batches; a table's rows come in many.
        summary.files = self.files;
        for orphan in &summary.orphans {
            eprintln!("claims: warning: {}", crate::render::inert(&orphan.to_string()));
        }
        for problem in &self.skipped {
            eprintln!("claims: skipped {}", crate::render::inert(&problem.to_string()));
        }
        let unmapped = self.unmapped.lock().unwrap_or_else(|e| e.into_inner());
        if !unmapped.is_empty() {
            eprintln!(
                "claims: warning: {}",
                crate::render::inert(&describe_unmapped(&unmapped))
            );
        }
        if !self.not_imported.is_empty() {
            self.not_imported.sort();
            let names: Vec<String> = self
                .not_imported
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            eprintln!(
                "claims: note: skipped {} file{} that {} not claim data by {}: {}",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                if names.len() == 1 { "is" } else { "are" },
                if self.format.is_some() {
                    "--format"
                } else {
                    "extension"
                },
                crate::render::inert(&names.join(", "))
            );
        }
        let mut line = describe(&summary);
        if !self.skipped.is_empty() {
            line.push_str(&format!("; skipped {} bad rows", self.skipped.len()));
        }
        Ok(line)
    }
}

/// Claims per group sent to the writer, and groups the channel holds.
const GROUP_CLAIMS: usize = 500;
const GROUPS_AHEAD: usize = 8;

/// Batches gathered into groups of about [`GROUP_CLAIMS`] claims.
struct Groups<'s> {
    sender: &'s std::sync::mpsc::SyncSender<Result<Vec<Batch>>>,
    group: Vec<Batch>,
    claims: usize,
}

impl Groups<'_> {
    /// Adds a batch; returns false once the writer has stopped listening.
    fn push(&mut self, batch: Batch) -> bool {
        self.claims += match &batch {
            Batch::File(file) => file.claims.len(),
            Batch::Bad(_) | Batch::Skipped(_) => 1,
        };
        self.group.push(batch);
        self.claims < GROUP_CLAIMS || self.send()
    }

    /// Sends what is gathered.
    fn send(&mut self) -> bool {
        self.claims = 0;
        let group = std::mem::take(&mut self.group);
        group.is_empty() || self.sender.send(Ok(group)).is_ok()
    }

    /// Sends what is gathered, then an error.
    fn fail(&mut self, error: Error) {
        if self.send() {
            let _ = self.sender.send(Err(error));
        }
    }
}

/// Reads every input in order, sending batches until the writer stops
/// listening or a failing import has listed enough problems.
fn read_all(
    inputs: Vec<(PathBuf, ImportFormat)>,
    options: &ReadOptions,
    skip_bad: bool,
    consumed: &Arc<AtomicU64>,
    sender: &std::sync::mpsc::SyncSender<Result<Vec<Batch>>>,
) {
    let mut groups = Groups {
        sender,
        group: Vec::new(),
        claims: 0,
    };
    let mut problems = 0;
    for (path, format) in inputs {
        if format == ImportFormat::Toml {
            let batch = match read_claim_file(&path) {
                Ok(Ok(file)) => Batch::File(file),
                Ok(Err(found)) => Batch::Bad(found),
                Err(error) => return groups.fail(error),
            };
            if let Ok(metadata) = std::fs::metadata(&path) {
                consumed.fetch_add(metadata.len(), Ordering::Relaxed);
            }
            if !groups.push(batch) {
                return;
            }
            fault_point(&mut groups);
            continue;
        }
        let mut chunker = Chunker::new(&path);
        let mut listening = true;
        let read = formats::read_records(format, &path, options, consumed, &mut |result| {
            let batch = match result {
                Ok(record) => match chunker.push(record) {
                    Some(file) => Batch::File(file),
                    None => return true,
                },
                Err(problem) if skip_bad => Batch::Skipped(problem),
                Err(problem) => {
                    problems += 1;
                    Batch::Bad(vec![problem])
                }
            };
            listening = groups.push(batch);
            listening && problems < PROBLEMS_LISTED
        });
        let last = match read {
            Ok(()) => chunker.finish().map(Batch::File),
            Err(Error::Files(found)) => {
                problems += found.len();
                Some(Batch::Bad(found))
            }
            Err(other) => return groups.fail(other),
        };
        if let Some(batch) = last {
            listening = listening && groups.push(batch);
        }
        if !listening || problems >= PROBLEMS_LISTED {
            break;
        }
    }
    groups.send();
}

/// Fault injection for the tests, in debug builds only: with
/// `CLAIMTRACK_FAULT=reader-panic` the reader hands over what it has read
/// and then panics, as a bug in a parser would.
fn fault_point(groups: &mut Groups<'_>) {
    #[cfg(debug_assertions)]
    if std::env::var_os("CLAIMTRACK_FAULT").is_some_and(|v| v == "reader-panic") {
        groups.send();
        panic!("fault injected: reader-panic");
    }
    let _ = groups;
}

/// A progress line on standard error, on a terminal only: how much of the
/// input is read and how many claims are in.
struct Progress {
    total: u64,
    consumed: Arc<AtomicU64>,
    started: Instant,
    shown: Option<Instant>,
    enabled: bool,
}

impl Progress {
    fn new(total: u64, consumed: Arc<AtomicU64>) -> Progress {
        Progress {
            total,
            consumed,
            started: Instant::now(),
            shown: None,
            enabled: std::io::stderr().is_terminal() && total > 0,
        }
    }

    fn show(&mut self, claims: usize) {
        // Only imports that take a while get a progress line.
        let quiet = self.started.elapsed() < Duration::from_millis(500);
        let recent = self
            .shown
            .is_some_and(|at| at.elapsed() < Duration::from_millis(200));
        if !self.enabled || quiet || recent {
            return;
        }
        self.shown = Some(Instant::now());
        let read = self.consumed.load(Ordering::Relaxed).min(self.total);
        let percent = read * 100 / self.total;
        let rate = claims as f64 / self.started.elapsed().as_secs_f64();
        eprint!("\r\x1b[2Kimporting: {percent:>3}% read, {claims} claims ({rate:.0}/s)");
    }

    fn finishing(&mut self, claims: usize) {
        if self.enabled && self.shown.is_some() {
            eprint!("\r\x1b[2Kimporting: all read, {claims} claims; building indexes and committing");
        }
    }

    fn clear(&mut self) {
        if self.shown.take().is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Reads and parses one claim file: `Ok(Err(problems))` when it is not a
/// valid claim file, `Err` when it cannot be read at all.
fn read_claim_file(path: &Path) -> Result<std::result::Result<claimfile::ClaimFile, Vec<Problem>>> {
    let bytes = std::fs::read(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
            return Ok(Err(vec![Problem {
                loc: Locator::new(path, valid).at(offset),
                message: format!("not UTF-8 text: invalid byte at offset {offset}"),
            }]));
        }
    };
    Ok(claimfile::parse(path, &text))
}

/// Files named directly, with the format given or their extension's; and
/// the files of that format found under folders (claim files by default).
/// The files to import from a path: a file as it is, a folder's files of
/// `format` (or, without one, of every format by extension). Files in a
/// folder that are no claim data are added to `skipped`, except article
/// bodies (`.txt`) beside claim files. A folder with nothing to import is
/// an error.
fn collect(
    path: &Path,
    format: Option<ImportFormat>,
    into: &mut Vec<(PathBuf, ImportFormat)>,
    skipped: &mut Vec<PathBuf>,
) -> Result<()> {
    let before = into.len();
    collect_in(path, format, into, skipped, &mut HashSet::new())?;
    if into.len() == before {
        let what = match format {
            Some(format) => format!("no {} files", format.name()),
            None => "no .toml, .csv, .jsonl, .tsv or .json files".to_string(),
        };
        return Err(Error::invalid(format!(
            "found nothing to import in {}: {what}",
            path.display()
        )));
    }
    Ok(())
}

/// [`collect`], remembering the folders already walked (by device and
/// inode): a folder reached twice through symbolic links, or a link to a
/// folder above it, is walked once and never loops.
fn collect_in(
    path: &Path,
    format: Option<ImportFormat>,
    into: &mut Vec<(PathBuf, ImportFormat)>,
    skipped: &mut Vec<PathBuf>,
    walked: &mut HashSet<(u64, u64)>,
) -> Result<()> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    if !metadata.is_dir() {
        let format = format.or_else(|| ImportFormat::of_path(path)).ok_or_else(|| {
            Error::invalid(format!(
                "cannot tell the format of {} from its extension; pass --format toml|csv|jsonl|liar|claimreview",
                path.display()
            ))
        })?;
        // The same file reached twice (through a link) is read once.
        if walked.insert((metadata.dev(), metadata.ino())) {
            into.push((path.to_path_buf(), format));
        }
        return Ok(());
    }
    if !walked.insert((metadata.dev(), metadata.ino())) {
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })?;
        let child = entry.path();
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if child.is_dir() {
            collect_in(&child, format, into, skipped, walked)?;
            continue;
        }
        match (format, ImportFormat::of_path(&child)) {
            (Some(wanted), Some(found)) if wanted == found => into.push((child, wanted)),
            (None, Some(found)) => into.push((child, found)),
            (Some(_), Some(_)) => skipped.push(child),
            (_, None) if child.extension().is_some_and(|e| e == "txt") => {}
            (_, None) => skipped.push(child),
        }
    }
    Ok(())
}

fn describe_unmapped(unmapped: &formats::Unmapped) -> String {
    let total: usize = unmapped.values().sum();
    let mut common: Vec<(&String, &usize)> = unmapped.iter().collect();
    common.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = common
        .iter()
        .take(5)
        .map(|(label, n)| format!("'{}' ({n})", crate::model::excerpt(label, 40)))
        .collect();
    let more = match common.len() {
        n if n > 5 => format!(" and {} more", n - 5),
        _ => String::new(),
    };
    format!(
        "{total} ratings have labels the status map does not know, so their claims stay unverified (rating kept): {}{more}; map them with --status-map FILE",
        shown.join(", ")
    )
}

fn describe(summary: &ImportSummary) -> String {
    let files = match summary.files {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    if summary.changed_nothing() {
        return format!(
            "nothing changed: {files} already imported ({} articles, {} sources, {} claims, {} links unchanged)",
            summary.articles.unchanged,
            summary.sources.unchanged,
            summary.claims.unchanged,
            summary.links.unchanged
        );
    }
    let part = |name: &str, t: &Tally| {
        format!(
            "{name} {} added, {} updated, {} unchanged",
            t.added, t.updated, t.unchanged
        )
    };
    format!(
        "imported {files}: {}; {}; {}; {} history events added; {}",
        part("articles", &summary.articles),
        part("sources", &summary.sources),
        part("claims", &summary.claims),
        summary.events_added,
        part("links", &summary.links)
    )
}
