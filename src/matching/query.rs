//! The search syntax of `claims list --search`, the same on both backends:
//! words in any order (all of them), "a phrase", a prefix*, OR between
//! alternatives, and -word to leave out. Words are normalized as the index
//! is ([`super::normalize`]): case and accents do not matter, and a word
//! with punctuation inside ("tip-off") is the phrase of its parts.
//!
//! A parsed query is written out in each backend's own language: an FTS5
//! MATCH expression for SQLite, a `tsquery` for PostgreSQL.

use crate::error::{Error, Result};

/// The longest word, in bytes, that a PostgreSQL `tsvector` holds; a longer
/// one is left out of the document, as `to_tsvector` leaves it out.
pub const LONGEST_LEXEME: usize = 2047;

/// A word of a search as PostgreSQL takes it: cut to [`LONGEST_LEXEME`]
/// (the server refuses a longer one, and no document holds one).
pub fn tsquery_word(word: &str) -> &str {
    if word.len() <= LONGEST_LEXEME {
        return word;
    }
    let mut end = LONGEST_LEXEME;
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// A word as a lexeme in PostgreSQL's `tsvector` and `tsquery` text:
/// between single quotes, with a quote or a backslash inside doubled, as
/// both forms read them. One writer for the index's vectors and for the
/// queries, so that the two always quote a word alike.
pub fn quoted_lexeme(word: &str) -> String {
    let mut quoted = String::with_capacity(word.len() + 2);
    push_quoted_lexeme(&mut quoted, word);
    quoted
}

/// [`quoted_lexeme`] written onto the end of `text`, for a caller that
/// builds a long text of many words (a claim's whole vector).
pub fn push_quoted_lexeme(text: &mut String, word: &str) {
    text.push('\'');
    for ch in word.chars() {
        match ch {
            '\'' => text.push_str("''"),
            '\\' => text.push_str("\\\\"),
            ch => text.push(ch),
        }
    }
    text.push('\'');
}

/// One thing to look for: the tokens of a word or phrase, in order, the
/// last one a prefix when it ended in `*`.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Normalized tokens, in order.
    pub tokens: Vec<String>,
    /// Whether the last token is a prefix.
    pub prefix: bool,
}

/// A group: any one of its alternatives (`a OR b`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The alternatives.
    pub any: Vec<Term>,
    /// Whether the group is left out (`-word`).
    pub excluded: bool,
}

/// A search: every group that is not excluded must match, and no excluded
/// one may.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    /// The groups, in the order given.
    pub groups: Vec<Group>,
    /// What the person typed, for messages.
    pub given: String,
}

impl SearchQuery {
    /// Parses `given`; refuses a query with nothing to find.
    pub fn parse(given: &str) -> Result<SearchQuery> {
        let mut groups: Vec<Group> = Vec::new();
        let mut pending_or = false;
        let mut rest = given.trim_start();
        while !rest.is_empty() {
            let excluded = rest.starts_with('-') && rest.len() > 1;
            if excluded {
                rest = &rest[1..];
            }
            let (raw, quoted, after) = if let Some(inner) = rest.strip_prefix(['"', '“', '”']) {
                let end = inner.find(['"', '“', '”']).unwrap_or(inner.len());
                let after = inner[end..]
                    .char_indices()
                    .nth(1)
                    .map_or("", |(i, _)| &inner[end + i..]);
                (&inner[..end], true, after)
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], false, &rest[end..])
            };
            rest = after.trim_start();
            if !quoted && !excluded && raw == "OR" {
                pending_or = !groups.is_empty();
                continue;
            }
            let prefix = raw.ends_with('*');
            let normalized = super::normalize(raw);
            let tokens: Vec<String> = normalized
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            if tokens.is_empty() {
                continue;
            }
            let term = Term { tokens, prefix };
            match groups.last_mut() {
                Some(group) if pending_or && !excluded && !group.excluded => group.any.push(term),
                _ => groups.push(Group {
                    any: vec![term],
                    excluded,
                }),
            }
            pending_or = false;
        }
        if groups.iter().all(|g| g.excluded) {
            return Err(Error::invalid(format!(
                "--search '{given}' has no word to look for (letters or digits, not only -excluded ones)"
            )));
        }
        Ok(SearchQuery {
            groups,
            given: given.to_string(),
        })
    }

    /// The query as an FTS5 MATCH expression. Every token is quoted, so no
    /// word of the person's is taken for an FTS5 operator.
    pub fn fts5(&self) -> String {
        let term = |term: &Term| {
            let phrase = format!("\"{}\"", term.tokens.join(" "));
            if term.prefix {
                format!("{phrase} *")
            } else {
                phrase
            }
        };
        let group = |group: &Group| {
            let any: Vec<String> = group.any.iter().map(term).collect();
            if any.len() == 1 {
                any.into_iter().next().unwrap_or_default()
            } else {
                format!("({})", any.join(" OR "))
            }
        };
        let wanted: Vec<String> = self.groups.iter().filter(|g| !g.excluded).map(group).collect();
        let mut expression = wanted.join(" AND ");
        for excluded in self.groups.iter().filter(|g| g.excluded) {
            expression = format!("({expression}) NOT {}", group(excluded));
        }
        expression
    }

    /// The query as PostgreSQL `tsquery` text, read as it is written (no
    /// parser of the server's between): tokens are letters and digits
    /// only, quoted all the same.
    pub fn tsquery(&self) -> String {
        let term = |term: &Term| {
            let last = term.tokens.len() - 1;
            let parts: Vec<String> = term
                .tokens
                .iter()
                .enumerate()
                .map(|(i, token)| {
                    let quoted = quoted_lexeme(tsquery_word(token));
                    if i == last && term.prefix {
                        format!("{quoted}:*")
                    } else {
                        quoted
                    }
                })
                .collect();
            format!("({})", parts.join(" <-> "))
        };
        let group = |group: &Group| {
            let any: Vec<String> = group.any.iter().map(term).collect();
            let joined = format!("({})", any.join(" | "));
            if group.excluded {
                format!("!{joined}")
            } else {
                joined
            }
        };
        self.groups.iter().map(group).collect::<Vec<_>>().join(" & ")
    }
}
