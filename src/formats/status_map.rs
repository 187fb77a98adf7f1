//! Rating labels to statuses: "pants-fire" is refuted, "half-true" is
//! disputed. Fact-checkers publish verdicts as free text in many languages;
//! claimtrack keeps the label verbatim as the claim's rating and chooses the
//! status from this table. The built-in table (in `docs/formats.md`) covers
//! PolitiFact's six LIAR labels and the common English and Arabic verdicts;
//! `--status-map FILE` adds to it or overrides it.

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;

use crate::claimfile::{Locator, Problem};
use crate::error::{Error, Result};
use crate::model::Status;

/// The built-in table. Labels are matched after [`normalize`].
const BUILT_IN: &[(&str, Status)] = &[
    // PolitiFact's Truth-O-Meter, as LIAR spells it.
    ("true", Status::Confirmed),
    ("mostly-true", Status::Confirmed),
    ("half-true", Status::Disputed),
    ("barely-true", Status::Refuted),
    ("false", Status::Refuted),
    ("pants-fire", Status::Refuted),
    // Common English verdicts.
    ("mostly true", Status::Confirmed),
    ("correct", Status::Confirmed),
    ("accurate", Status::Confirmed),
    ("pants on fire", Status::Refuted),
    ("mostly false", Status::Refuted),
    ("fake", Status::Refuted),
    ("fabricated", Status::Refuted),
    ("incorrect", Status::Refuted),
    ("wrong", Status::Refuted),
    ("misleading", Status::Refuted),
    ("hoax", Status::Refuted),
    ("altered", Status::Refuted),
    ("four pinocchios", Status::Refuted),
    ("mixture", Status::Disputed),
    ("mixed", Status::Disputed),
    ("half true", Status::Disputed),
    ("partly true", Status::Disputed),
    ("partly false", Status::Disputed),
    ("partially true", Status::Disputed),
    ("partially false", Status::Disputed),
    ("missing context", Status::Disputed),
    ("needs context", Status::Disputed),
    ("unproven", Status::Unverifiable),
    ("unsupported", Status::Unverifiable),
    ("no evidence", Status::Unverifiable),
    ("retracted", Status::Retracted),
    // claimtrack's own status names, as ratings that spell them come back
    // (AVeriTeC's "Refuted", exports of our own verdicts).
    ("confirmed", Status::Confirmed),
    ("refuted", Status::Refuted),
    ("disputed", Status::Disputed),
    ("unverifiable", Status::Unverifiable),
    ("unverified", Status::Unverified),
    // AVeriTeC's verdicts.
    ("supported", Status::Confirmed),
    ("conflicting evidence/cherrypicking", Status::Disputed),
    ("not enough evidence", Status::Unverifiable),
    // More of the labels the ClaimsKG sites use.
    ("not true", Status::Refuted),
    ("partlyfalse", Status::Disputed),
    ("somewhat true", Status::Disputed),
    ("somewhat false", Status::Refuted),
    ("decontextualized", Status::Disputed),
    ("miscaptioned", Status::Refuted),
    ("misattributed", Status::Refuted),
    ("altered image", Status::Refuted),
    ("altered photo/video", Status::Refuted),
    ("correct attribution", Status::Confirmed),
    ("scam", Status::Refuted),
    // Common Arabic verdicts (as the Fact Check Tools results give them).
    ("صحيح", Status::Confirmed),
    ("زائف", Status::Refuted),
    ("خطأ", Status::Refuted),
    ("خاطئ", Status::Refuted),
    ("كاذب", Status::Refuted),
    ("خبر كاذب", Status::Refuted),
    ("غير صحيح", Status::Refuted),
    ("مفبرك", Status::Refuted),
    ("مضلل", Status::Refuted),
    ("تضليل", Status::Refuted),
    ("مش حقيقي", Status::Refuted),
    ("اشاعة", Status::Refuted),
    ("معدل", Status::Refuted),
    ("فيديو معدل", Status::Refuted),
    ("صحيح جزئيا", Status::Disputed),
    ("غير صحيح جزئيا", Status::Disputed),
    ("زائف جزئيا", Status::Disputed),
    ("زائف جزئي", Status::Disputed),
    ("نصف حقيقي", Status::Disputed),
    ("محتوى ناقص", Status::Disputed),
    ("سياق ناقص", Status::Disputed),
    ("غير مثبت", Status::Unverifiable),
];

/// Rating labels to statuses.
#[derive(Debug, Clone)]
pub struct StatusMap {
    statuses: HashMap<String, Status>,
}

impl Default for StatusMap {
    fn default() -> Self {
        StatusMap {
            statuses: BUILT_IN
                .iter()
                .map(|(label, status)| (normalize(label), *status))
                .collect(),
        }
    }
}

impl StatusMap {
    /// The status a label means, if the table knows it.
    pub fn status(&self, label: &str) -> Option<Status> {
        self.statuses.get(&normalize(label)).copied()
    }

    /// The built-in table with the entries of a TOML file (`"label" =
    /// "status"`) added or overriding. A bad status names `file:line:column`.
    pub fn with_file(mut self, path: &Path) -> Result<StatusMap> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let locate = Locator::new(path, text);
        let entries: HashMap<String, Spanned<String>> = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Error::Files(vec![Problem {
                loc: locate.at(offset),
                message: format!(
                    "not a status map ({}); write one \"label\" = \"status\" per line",
                    e.message().trim_end_matches('.')
                ),
            }])
        })?;
        let mut problems = Vec::new();
        let mut sorted: Vec<_> = entries.into_iter().collect();
        sorted.sort_by_key(|(_, status)| status.span().start);
        for (label, status) in sorted {
            match status.get_ref().parse::<Status>() {
                Ok(parsed) => {
                    self.statuses.insert(normalize(&label), parsed);
                }
                Err(e) => problems.push(Problem {
                    loc: locate.at(status.span().start),
                    message: format!("label '{label}': {e}"),
                }),
            }
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(Error::Files(problems))
        }
    }

    /// The table's entries, sorted, for `docs/` and tests.
    pub fn entries(&self) -> Vec<(String, Status)> {
        let mut entries: Vec<_> = self.statuses.iter().map(|(l, s)| (l.clone(), *s)).collect();
        entries.sort();
        entries
    }
}

/// A label as it is matched: lowercase, hyphens and underscores as spaces,
/// white space collapsed, trailing full stops dropped, and Arabic short
/// vowel marks and tatweel removed (publishers write "جزئياً" and "جزئيًا"
/// for the same word).
pub fn normalize(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            let arabic_mark = ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}' || c == '\u{0640}';
            if !arabic_mark {
                out.push(c);
            }
        }
    }
    out.trim_end_matches(['.', '!']).to_string()
}
