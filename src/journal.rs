//! The journal's vocabulary and its hash chain, independent of any backend:
//! what an operation is, its canonical encoding, the SHA-256 that chains it
//! to the one before, and the digests an operation keeps of the rows it
//! created. The store appends operations and `claims verify` recomputes the
//! same hashes from what the database holds; both use only this module, so
//! a PostgreSQL backend hashes byte for byte alike.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The hash before the first operation: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of the journal, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    /// Its place in the journal, from 1.
    pub id: i64,
    /// What it did (`claim.edit`, `claim.mark`, `import`, ...).
    pub kind: String,
    /// The claim it is about (internal key), if any.
    pub claim_key: Option<i64>,
    /// The source it is about (internal key), if any.
    pub source_key: Option<i64>,
    /// The article it is about (internal key), if any.
    pub article_key: Option<i64>,
    /// What the changed fields held before.
    pub old: Option<Value>,
    /// What they hold after (and, for operations that create rows, the
    /// digests of those rows).
    pub new: Option<Value>,
    /// Why.
    pub note: Option<String>,
    /// Who.
    pub actor: String,
    /// When it was recorded (UTC).
    pub at: String,
    /// The operation this one reverts, for an undo.
    pub undoes: Option<i64>,
    /// SHA-256 of the previous hash and this operation's canonical encoding.
    pub hash: String,
}

impl Operation {
    /// The bytes the hash covers: a JSON array of every field but the hash,
    /// in a fixed order, objects with sorted keys (serde_json's default map
    /// is ordered), no insignificant whitespace.
    pub fn canonical(&self) -> String {
        serde_json::to_string(&(
            self.id,
            &self.kind,
            self.claim_key,
            self.source_key,
            self.article_key,
            &self.old,
            &self.new,
            &self.note,
            &self.actor,
            &self.at,
            self.undoes,
        ))
        .expect("plain values serialize")
    }

    /// The hash this operation must carry after `previous`.
    pub fn chained_hash(&self, previous: &str) -> String {
        let mut hasher = Sha256::new();
        hasher.update(previous.as_bytes());
        hasher.update(b"\n");
        hasher.update(self.canonical().as_bytes());
        hex(&hasher.finalize())
    }
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A running digest of rows, one canonical line each, kept by an
/// operation that creates claims or events: `verify` feeds the same rows,
/// read back from the database, and must reach the same value.
#[derive(Debug, Clone, Default)]
pub struct RowDigest {
    hasher: Sha256,
    rows: u64,
    /// The line being encoded, kept to spare an allocation per row.
    line: Vec<u8>,
}

impl RowDigest {
    /// Adds one row.
    pub fn add(&mut self, row: &impl Serialize) {
        self.line.clear();
        serde_json::to_writer(&mut self.line, row).expect("plain values serialize");
        self.line.push(b'\n');
        self.hasher.update(&self.line);
        self.rows += 1;
    }

    /// How many rows went in.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The digest so far, as hex.
    pub fn hex(&self) -> String {
        hex(&self.hasher.clone().finalize())
    }
}

/// The canonical row of a claim as created: its identity and the fields an
/// edit may change later (which `verify` reverts to their first values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// UUID, hyphenated lowercase.
    pub id: String,
    /// Source key.
    pub source: i64,
    /// Article key.
    pub article: Option<i64>,
    /// The claim's words.
    pub text: String,
    /// Verbatim quote.
    pub quote: Option<String>,
    /// When it was said (`YYYY-MM-DD`).
    pub said_on: Option<String>,
    /// Tags, sorted by their bytes.
    pub tags: Vec<String>,
    /// The language it was made in (BCP 47). Left out when not recorded,
    /// so that the digests of claims recorded before there was a language
    /// stay what they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// The canonical row of a status event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    /// The claim's key.
    pub claim: i64,
    /// Status before.
    pub from: Option<String>,
    /// Status after.
    pub to: String,
    /// Rating label.
    pub rating: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Evidence URLs, as the stored JSON array text.
    pub evidence: String,
    /// Who.
    pub actor: String,
    /// When.
    pub at: String,
    /// The day it took effect, when stored (absent from records of events
    /// without one, so that digests taken before the column existed hold).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_on: Option<String>,
}

/// [`ClaimRecord`] over borrowed values, for writers that hash rows as they
/// go: the same fields in the same order, so the same bytes.
#[derive(Debug, Serialize)]
pub struct ClaimRecordRef<'a> {
    /// UUID, hyphenated lowercase.
    pub id: &'a str,
    /// Source key.
    pub source: i64,
    /// Article key.
    pub article: Option<i64>,
    /// The claim's words.
    pub text: &'a str,
    /// Verbatim quote.
    pub quote: Option<&'a str>,
    /// When it was said.
    pub said_on: Option<&'a str>,
    /// Tags, sorted by their bytes.
    pub tags: &'a [&'a str],
    /// The language it was made in, left out when not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
}

/// [`EventRecord`] over borrowed values (same fields, same order).
#[derive(Debug, Serialize)]
pub struct EventRecordRef<'a> {
    /// The claim's key.
    pub claim: i64,
    /// Status before.
    pub from: Option<&'a str>,
    /// Status after.
    pub to: &'a str,
    /// Rating label.
    pub rating: Option<&'a str>,
    /// Note.
    pub note: Option<&'a str>,
    /// Evidence URLs, as the stored JSON array text.
    pub evidence: &'a str,
    /// Who.
    pub actor: &'a str,
    /// When.
    pub at: &'a str,
    /// The day it took effect, when stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_on: Option<&'a str>,
}

/// The fields of a claim that an edit changes, as they appear in an edit
/// operation's `old` and `new` objects.
pub const EDITABLE_FIELDS: &[&str] = &[
    "source", "article", "text", "quote", "said_on", "tags", "language",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn operation() -> Operation {
        Operation {
            id: 1,
            kind: "claim.edit".into(),
            claim_key: Some(7),
            source_key: None,
            article_key: None,
            old: Some(serde_json::json!({"text": "old words"})),
            new: Some(serde_json::json!({"text": "new words"})),
            note: Some("typo".into()),
            actor: "ana".into(),
            at: "2026-12-01T10:00:00.000000Z".into(),
            undoes: None,
            hash: String::new(),
        }
    }

    #[test]
    fn the_hash_covers_every_field_and_the_previous_hash() {
        let base = operation();
        let hash = base.chained_hash(GENESIS);
        assert_eq!(hash.len(), 64);
        assert_eq!(hash, operation().chained_hash(GENESIS), "deterministic");
        assert_ne!(hash, base.chained_hash(&hash), "the previous hash counts");
        let changes: [fn(&mut Operation); 11] = [
            (|o: &mut Operation| o.id = 2),
            (|o: &mut Operation| o.kind = "claim.mark".into()),
            (|o: &mut Operation| o.claim_key = Some(8)),
            (|o: &mut Operation| o.source_key = Some(1)),
            (|o: &mut Operation| o.article_key = Some(1)),
            (|o: &mut Operation| o.old = None),
            (|o: &mut Operation| o.new = Some(serde_json::json!({"text": "new  words"}))),
            (|o: &mut Operation| o.note = None),
            (|o: &mut Operation| o.actor = "bob".into()),
            (|o: &mut Operation| o.at = "2026-12-01T10:00:00.000001Z".into()),
            (|o: &mut Operation| o.undoes = Some(1)),
        ];
        for change in changes {
            let mut changed = operation();
            change(&mut changed);
            assert_ne!(changed.chained_hash(GENESIS), hash, "{changed:?}");
        }
    }

    #[test]
    fn borrowed_records_encode_byte_for_byte_like_owned_ones() {
        let claim = ClaimRecord {
            id: "0193e3a0-0000-7000-8000-000000000001".into(),
            source: 3,
            article: None,
            text: "Words \"quoted\" and \u{e9}".into(),
            quote: Some("quoted".into()),
            said_on: Some("2017-12-18".into()),
            tags: vec!["a".into(), "b".into()],
            language: Some("pt-BR".into()),
        };
        let tags = ["a", "b"];
        let borrowed = ClaimRecordRef {
            id: &claim.id,
            source: 3,
            article: None,
            text: &claim.text,
            quote: Some("quoted"),
            said_on: Some("2017-12-18"),
            tags: &tags,
            language: Some("pt-BR"),
        };
        assert_eq!(
            serde_json::to_string(&claim).unwrap(),
            serde_json::to_string(&borrowed).unwrap()
        );
        // Without a language, a record encodes as it did before there was one.
        let unset = ClaimRecord {
            language: None,
            ..claim.clone()
        };
        let encoded = serde_json::to_string(&unset).unwrap();
        assert!(encoded.ends_with(r#""tags":["a","b"]}"#), "{encoded}");
        let event = EventRecord {
            claim: 1,
            from: None,
            to: "refuted".into(),
            rating: Some("False".into()),
            note: None,
            evidence: "[]".into(),
            actor: "ana".into(),
            at: "2017-12-18T12:00:00.000000Z".into(),
            effective_on: Some("2017-12-14".into()),
        };
        let borrowed = EventRecordRef {
            claim: 1,
            from: None,
            to: "refuted",
            rating: Some("False"),
            note: None,
            evidence: "[]",
            actor: "ana",
            at: "2017-12-18T12:00:00.000000Z",
            effective_on: Some("2017-12-14"),
        };
        assert_eq!(
            serde_json::to_string(&event).unwrap(),
            serde_json::to_string(&borrowed).unwrap()
        );
    }

    #[test]
    fn a_digest_depends_on_every_row_and_their_order() {
        let mut a = RowDigest::default();
        a.add(&("x", 1));
        a.add(&("y", 2));
        let mut b = RowDigest::default();
        b.add(&("y", 2));
        b.add(&("x", 1));
        assert_ne!(a.hex(), b.hex());
        assert_eq!(a.rows(), 2);
        let mut c = RowDigest::default();
        c.add(&("x", 1));
        c.add(&("y", 2));
        assert_eq!(a.hex(), c.hex());
    }
}
