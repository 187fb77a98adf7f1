//! Scoring claim matching the way CLEF CheckThat! scores verified-claim
//! retrieval: the verified claims and the queries as TSV (an id column,
//! then text columns; cells may be quoted and span lines), relevance from
//! TREC qrels (`query 0 document 1`), and MAP@1, MAP@5, MRR and Recall@5
//! in the TREC convention: average precision at k sums the precision at
//! each relevant rank up to k and divides by the number of relevant
//! documents. Reading and scoring only; `claims evaluate-matching` runs the
//! queries.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Result};

/// One row of a TSV: its id and its text columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The first column.
    pub id: String,
    /// The other columns, in order.
    pub columns: Vec<String>,
}

/// Reads a CheckThat!-style TSV with a header row. A row without an id or
/// text is an error naming its line.
pub fn read_tsv(path: &Path) -> Result<Vec<Row>> {
    let file = std::fs::File::open(path).map_err(|source| read_error(path, source))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .flexible(true)
        .from_reader(std::io::BufReader::new(file));
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            Error::invalid(format!("{}:{line}: {e}", path.display()))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let id = record.get(0).unwrap_or("").trim().to_string();
        let columns: Vec<String> = record.iter().skip(1).map(str::to_string).collect();
        if id.is_empty() || columns.iter().all(|c| c.trim().is_empty()) {
            return Err(Error::invalid(format!(
                "{}:{line}: a row needs an id and a text, tab-separated",
                path.display()
            )));
        }
        rows.push(Row { id, columns });
    }
    if rows.is_empty() {
        return Err(Error::invalid(format!(
            "{} has no rows after its header",
            path.display()
        )));
    }
    Ok(rows)
}

/// Relevant documents per query, from TREC qrels (`query 0 document
/// relevance`; a relevance of 0 is not relevant).
pub fn read_qrels(path: &Path) -> Result<HashMap<String, HashSet<String>>> {
    let text = std::fs::read_to_string(path).map_err(|source| read_error(path, source))?;
    let mut relevant: HashMap<String, HashSet<String>> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [query, _, document, relevance] = fields[..] else {
            return Err(Error::invalid(format!(
                "{}:{}: '{line}' is not a qrels line (query 0 document relevance)",
                path.display(),
                i + 1
            )));
        };
        let relevance: i64 = relevance.parse().map_err(|_| {
            Error::invalid(format!(
                "{}:{}: relevance '{relevance}' is not a number",
                path.display(),
                i + 1
            ))
        })?;
        if relevance > 0 {
            relevant
                .entry(query.to_string())
                .or_default()
                .insert(document.to_string());
        }
    }
    Ok(relevant)
}

/// The scores of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Queries scored (those with a relevant document).
    pub queries: usize,
    /// Mean average precision at 1.
    pub map1: f64,
    /// Mean average precision at 5 (the task's official measure).
    pub map5: f64,
    /// Mean reciprocal rank of the first relevant document.
    pub mrr: f64,
    /// Mean share of the relevant documents in the first five.
    pub recall5: f64,
}

/// Scores ranked document ids per query against the relevant ones.
/// Queries with no relevant document are left out, as trec_eval does.
pub fn score(rankings: &[(String, Vec<String>)], relevant: &HashMap<String, HashSet<String>>) -> Scores {
    let mut scores = Scores::default();
    for (query, ranked) in rankings {
        let Some(relevant) = relevant.get(query).filter(|r| !r.is_empty()) else {
            continue;
        };
        scores.queries += 1;
        let average_precision = |k: usize| {
            let mut hits = 0.0;
            let mut sum = 0.0;
            for (rank, document) in ranked.iter().take(k).enumerate() {
                if relevant.contains(document) {
                    hits += 1.0;
                    sum += hits / (rank + 1) as f64;
                }
            }
            sum / relevant.len() as f64
        };
        scores.map1 += average_precision(1);
        scores.map5 += average_precision(5);
        if let Some(rank) = ranked.iter().position(|d| relevant.contains(d)) {
            scores.mrr += 1.0 / (rank + 1) as f64;
        }
        scores.recall5 +=
            ranked.iter().take(5).filter(|d| relevant.contains(*d)).count() as f64 / relevant.len() as f64;
    }
    if scores.queries > 0 {
        let n = scores.queries as f64;
        scores.map1 /= n;
        scores.map5 /= n;
        scores.mrr /= n;
        scores.recall5 /= n;
    }
    scores
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
    Error::ReadFile {
        path: path.to_path_buf(),
        source,
    }
}
