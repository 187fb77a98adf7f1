//! Source names as claimtrack matches them: folded (NFKC, full case
//! folding, default-ignorable characters out) and reduced to a confusable
//! skeleton. Pure functions, used by the store (unique folded names), the
//! file readers and the extractor alike.

/// Folds a name for matching: NFKC, full Unicode case folding, default-
/// ignorable characters (zero-width spaces, BOMs, bidi marks) removed, runs
/// of white space collapsed to one space, trimmed. "  Dmitry   PESKOV "
/// matches "Dmitry Peskov"; "José" composed matches "José" decomposed;
/// "Straße" matches "STRASSE".
pub fn fold_name(name: &str) -> String {
    // ASCII is its own NFKC and has no default-ignorable characters:
    // lowercasing is the whole fold (an import folds every claim's speaker).
    if name.is_ascii() {
        return name
            .split_ascii_whitespace()
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
    }
    use unicode_normalization::UnicodeNormalization;
    use unicode_security::GeneralSecurityProfile;
    use unicode_security::general_security_profile::IdentifierType;
    let visible: String = name
        .nfkc()
        .filter(|c| c.identifier_type() != Some(IdentifierType::Default_Ignorable))
        .collect();
    // Case folding can undo NFKC (and NFKC can undo folding) in rare
    // cases; folding the normal form and normalising again is stable.
    let folded: String = caseless::default_case_fold_str(&visible).nfkc().collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The UTS #39 confusable skeleton of a folded name: two names with the
/// same skeleton look alike ("Peskov" and "Реskov" with a Cyrillic Р).
pub fn name_skeleton(name: &str) -> String {
    unicode_security::skeleton(&fold_name(name)).collect()
}

/// Up to three of `known` (display name, folded name or alias) that look
/// like `name`, closest first: within a small edit distance, or holding it
/// as a word ("Peskov" suggests "Dmitry Peskov").
pub fn closest(name: &str, known: Vec<(String, String)>) -> Vec<String> {
    let wanted = fold_name(name);
    let mut scored: Vec<(f64, String)> = known
        .into_iter()
        .filter_map(|(display, key)| {
            let similarity = strsim::normalized_damerau_levenshtein(&wanted, &key);
            let contains = !wanted.is_empty()
                && (key.split(' ').any(|w| w == wanted)
                    || wanted.split(' ').any(|w| w.len() > 3 && key.contains(w)));
            let score = if contains {
                similarity.max(0.75)
            } else {
                similarity
            };
            (score >= 0.6).then_some((score, display))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut names: Vec<String> = Vec::new();
    for (_, display) in scored {
        if !names.contains(&display) {
            names.push(display);
        }
    }
    names.truncate(3);
    names
}
