//! Matching without a store: normalization, scoring, ranking, the search
//! syntax and the CheckThat! measures, each on invented text.

use std::collections::{HashMap, HashSet};

use super::evaluate::score;
use super::query::SearchQuery;
use super::*;

/// Statistics over a small collection, as the store would keep them.
fn statistics(texts: &[&str]) -> Statistics {
    let mut statistics = Statistics::default();
    for text in texts {
        statistics.add(&Candidate::of(0, &normalize(text)));
    }
    statistics
}

fn candidates(texts: &[&str]) -> Vec<Candidate> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Candidate::of(i as i64 + 1, &normalize(text)))
        .collect()
}

const COLLECTION: &[&str] = &[
    "A CIA tip-off helped Russia stop a terror attack on a cathedral in St. Petersburg.",
    "The Kremlin said the 2016 election was not influenced by Russia.",
    "Grain exports to Egypt rose by a third last year.",
    "The mayor promised to build ten thousand new homes by 2030.",
    "Unemployment fell to its lowest level in forty years.",
];

mod normalizing {
    use super::*;

    #[test]
    fn case_accents_and_punctuation_do_not_matter() {
        assert_eq!(normalize("Ángela MERKEL’s “tip-off”!"), "angela merkel s tip off");
        assert_eq!(normalize("Café  naïve\tcoöperation"), "cafe naive cooperation");
        assert_eq!(normalize("  …  "), "");
    }

    #[test]
    fn addresses_are_dropped_and_tags_split_into_words() {
        assert_eq!(
            normalize(
                "See https://example.org/x and pic.twitter.com/AbC #FyreFestival @realDonaldTrump #covid19"
            ),
            "see and fyre festival real donald trump covid19"
        );
        // Only a tag's words are split: a name in the text stays whole.
        assert_eq!(normalize("McDonald said"), "mcdonald said");
        // An address run into the word before it goes, the word stays: no
        // "https" left to match claims about web addresses.
        assert_eq!(
            normalize("burned down.https://t.co/4Qg #Fires#Smokepic.twitter.com/WqyO"),
            "burned down fires smoke"
        );
        // "www" inside a word is not an address.
        assert_eq!(normalize("Awww.. so cute"), "awww so cute");
    }

    #[test]
    fn an_embedded_tweets_signature_is_not_what_it_claims() {
        assert_eq!(
            normalize("Wombats shelter animals — Center for Bio Div (@CenterForBioDiv) January 14, 2020"),
            "wombats shelter animals center for bio div"
        );
        // Without the date it is not a signature: kept.
        assert_eq!(normalize("ask (@someone) about it"), "ask someone about it");
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search_and_never_pick_candidates() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "STOP_WORDS must be sorted and unique"
        );
        assert_eq!(
            content_words(&normalize("The CIA said the CIA was in a plot")),
            vec!["cia", "plot"]
        );
    }

    #[test]
    fn keys_are_stable_and_never_the_reserved_ones() {
        // Statistics are stored by these keys: a change of hash would
        // silently mismatch every database written before it.
        assert_eq!(word_key("kremlin"), word_key("kremlin"));
        assert_ne!(word_key("kremlin"), word_key("kremlim"));
        assert_eq!(key(1, b"kremlin"), word_key("kremlin"));
        // FNV-1a 64 of the kind byte and the word, as computed elsewhere.
        assert_eq!(word_key("kremlin"), -7_282_064_303_653_158_190);
        assert_eq!(key(2, b"abc"), 8_049_584_617_586_722_283);
        for i in 0..10_000u32 {
            let k = key(2, i.to_string().as_bytes());
            assert!(k != DOCUMENTS_KEY && k != WORDS_KEY);
        }
    }

    #[test]
    fn a_profile_counts_three_and_four_character_grams() {
        // "abcd": abc, bcd (3-grams) and abcd (4-gram).
        let profile = Profile::of("abcd");
        assert_eq!(profile.keys().count(), 3);
        assert!(Profile::of("ab").is_empty());
        // Repeats are counted, not listed twice.
        assert_eq!(Profile::of("aaaa").keys().count(), 2);
    }
}

mod ranking {
    use super::*;

    #[test]
    fn a_rewording_ranks_its_original_first() {
        let statistics = statistics(COLLECTION);
        let query = Candidate::of(
            0,
            &normalize("Russia thwarted a terrorist attack in Saint Petersburg thanks to a CIA tip"),
        );
        let ranked = rank(&query, &candidates(COLLECTION), &statistics, &KeyMap::default());
        assert_eq!(ranked[0].0, 1, "{ranked:?}");
        assert!(
            ranked[0].1 > 2.0 * ranked[1].1,
            "the original stands out: {ranked:?}"
        );
    }

    #[test]
    fn scores_are_between_zero_and_one_and_identical_text_scores_one() {
        let statistics = statistics(COLLECTION);
        let query = Candidate::of(0, &normalize(COLLECTION[2]));
        let ranked = rank(&query, &candidates(COLLECTION), &statistics, &KeyMap::default());
        assert_eq!(ranked[0].0, 3);
        assert!((ranked[0].1 - 1.0).abs() < 1e-9, "{ranked:?}");
        assert!(ranked.iter().all(|(_, s)| (0.0..=1.0).contains(s)));
    }

    #[test]
    fn a_rare_shared_word_outweighs_a_common_one() {
        let texts = [
            "the ministry said the figures were wrong",
            "the ministry said the figures were right",
            "the ministry said the figures were wrong",
            "zelensky met the ministry",
            "the ministry said the budget rose",
        ];
        let statistics = statistics(&texts);
        let query = Candidate::of(0, &normalize("zelensky said"));
        let ranked = rank(&query, &candidates(&texts), &statistics, &KeyMap::default());
        assert_eq!(ranked[0].0, 4, "{ranked:?}");
    }

    #[test]
    fn the_earlier_of_two_copies_ranks_first() {
        // The same claim twice, quote marks aside: the original check
        // comes before its repeat, whatever the order of the candidates.
        let texts = [
            "Senator Smith said 'the dam will be finished in May' at the rally.",
            "Senator Smith said \"the dam will be finished in May\" at the rally!",
            "Dams are finished in May in most years.",
        ];
        let statistics = statistics(&texts);
        let query = Candidate::of(0, &normalize("Smith: the dam will be finished in May"));
        let mut pool = candidates(&texts);
        pool.reverse();
        let ranked = rank(&query, &pool, &statistics, &KeyMap::default());
        assert_eq!(ranked[0].0, 1, "{ranked:?}");
        assert_eq!(ranked[1].0, 2, "{ranked:?}");
    }

    #[test]
    fn a_near_copy_lifts_the_earlier_claim_to_its_score() {
        let texts = [
            "A photograph shows a giant ammonite fossil from southeastern British Columbia.",
            "A photograph shows a giant ammonite fossil from Southeastern British Columbia, for real.",
        ];
        let statistics = statistics(&texts);
        let query = Candidate::of(0, &normalize("giant ammonite fossil British Columbia for real"));
        let ranked = rank(&query, &candidates(&texts), &statistics, &KeyMap::default());
        assert_eq!(ranked[0].0, 1, "{ranked:?}");
        assert_eq!(ranked[0].1, ranked[1].1);
    }

    #[test]
    fn only_the_same_text_scores_one() {
        // Rare shared words move a score towards 1, never onto it: a claim
        // that differs in one number is very alike, not the same. Among a
        // few hundred claims its words are rare enough that adding their
        // BM25 to the cosine, capped at 1, made it 1.00.
        let mut texts: Vec<String> = (0..300)
            .map(|n| format!("Ferry route {n} to the outer islands was cancelled because of a storm"))
            .collect();
        texts.push("Harbour crane number 1 at Quayside Vexmoor collapsed on Tuesday".to_string());
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let statistics = statistics(&texts);
        let crane = texts.len() as i64;
        let score_of = |query: &str| {
            let query = Candidate::of(0, &normalize(query));
            let ranked = rank(&query, &candidates(&texts), &statistics, &KeyMap::default());
            assert_eq!(ranked[0].0, crane, "{:?}", &ranked[..3]);
            ranked[0].1
        };
        let near = score_of("Harbour crane number 2 at Quayside Vexmoor collapsed on Tuesday");
        assert!(near > 0.8 && near < 0.99, "{near}");
        let same = score_of("Harbour crane number 1 at Quayside Vexmoor collapsed on Tuesday");
        assert!((same - 1.0).abs() < 1e-9, "{same}");
    }

    #[test]
    fn nothing_in_common_scores_zero() {
        let statistics = statistics(COLLECTION);
        let query = Candidate::of(0, &normalize("xyzzy qwv"));
        let ranked = rank(&query, &candidates(COLLECTION), &statistics, &KeyMap::default());
        assert!(ranked.iter().all(|(_, s)| *s == 0.0), "{ranked:?}");
    }
}

mod search_syntax {
    use super::*;

    fn parsed(given: &str) -> SearchQuery {
        SearchQuery::parse(given).unwrap()
    }

    #[test]
    fn words_in_any_order_all_of_them() {
        let query = parsed("Peskov  CIA");
        assert_eq!(query.fts5(), "\"peskov\" AND \"cia\"");
        assert_eq!(query.tsquery(), "(('peskov')) & (('cia'))");
    }

    #[test]
    fn phrases_prefixes_alternatives_and_exclusions() {
        let query = parsed("\"terror plot\" pesk* kremlin OR \"white house\" -drill");
        assert_eq!(
            query.fts5(),
            "(\"terror plot\" AND \"pesk\" * AND (\"kremlin\" OR \"white house\")) NOT \"drill\""
        );
        assert_eq!(
            query.tsquery(),
            "(('terror' <-> 'plot')) & (('pesk':*)) & (('kremlin') | ('white' <-> 'house')) & !(('drill'))"
        );
    }

    #[test]
    fn a_lexeme_is_quoted_as_postgresql_reads_it() {
        use super::query::quoted_lexeme;
        assert_eq!(quoted_lexeme("cia"), "'cia'");
        assert_eq!(quoted_lexeme("o'neil"), "'o''neil'");
        assert_eq!(quoted_lexeme("a\\b"), "'a\\\\b'");
        assert_eq!(quoted_lexeme("ёлка"), "'ёлка'");
    }

    #[test]
    fn accents_case_and_inner_punctuation_are_normalized() {
        assert_eq!(parsed("Élysée tip-off").fts5(), "\"elysee\" AND \"tip off\"");
        // Curly quotes make a phrase too.
        assert_eq!(parsed("“tip off”").fts5(), "\"tip off\"");
    }

    #[test]
    fn operators_typed_as_words_stay_words() {
        // FTS5 would read NEAR, AND or a bare * as syntax: quoted, they
        // are only words.
        assert_eq!(parsed("NEAR and").fts5(), "\"near\" AND \"and\"");
        assert_eq!(parsed("OR cia").fts5(), "\"cia\"", "a leading OR joins nothing");
    }

    #[test]
    fn a_search_with_nothing_to_find_is_refused_naming_it() {
        for given in ["", "   ", "%", "-cia", "!!! ???"] {
            let error = SearchQuery::parse(given).unwrap_err().to_string();
            assert!(error.contains(&format!("'{given}'")), "{error}");
        }
    }
}

mod measures {
    use super::*;

    fn relevant(pairs: &[(&str, &[&str])]) -> HashMap<String, HashSet<String>> {
        pairs
            .iter()
            .map(|(q, docs)| (q.to_string(), docs.iter().map(|d| d.to_string()).collect()))
            .collect()
    }

    fn ranking(query: &str, docs: &[&str]) -> (String, Vec<String>) {
        (query.to_string(), docs.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn trec_average_precision_at_k() {
        let relevant = relevant(&[("q1", &["a"]), ("q2", &["b", "c"]), ("q3", &["z"])]);
        let rankings = vec![
            ranking("q1", &["x", "a"]),                     // AP@5 1/2, AP@1 0, RR 1/2
            ranking("q2", &["b", "x", "c"]),                // AP@5 (1 + 2/3)/2, AP@1 1/2, RR 1
            ranking("q3", &["x", "y", "v", "w", "u", "z"]), // z at 6: AP@5 0, RR 1/6
            ranking("not in qrels", &["a"]),                // left out
        ];
        let scores = score(&rankings, &relevant);
        assert_eq!(scores.queries, 3);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            close(scores.map5, (0.5 + (1.0 + 2.0 / 3.0) / 2.0 + 0.0) / 3.0),
            "{scores:?}"
        );
        assert!(close(scores.map1, (0.0 + 0.5 + 0.0) / 3.0), "{scores:?}");
        assert!(close(scores.mrr, (0.5 + 1.0 + 1.0 / 6.0) / 3.0), "{scores:?}");
        assert!(close(scores.recall5, (1.0 + 1.0 + 0.0) / 3.0), "{scores:?}");
    }
}

#[test]
fn candidate_words_stop_at_the_postings_budget_but_keep_the_two_rarest() {
    // Rarest first, as the store sorts them.
    let known = [
        (3, "crane"),
        (40, "harbour"),
        (2_500, "city"),
        (3_000, "17"),
        (9_000, "said"),
    ];
    // "city" still fits (2,543 entries); "17" would take the lookup past
    // the budget, and "said" is never reached.
    assert_eq!(candidate_words(&known), vec!["crane", "harbour", "city"]);
    // Two common words are both looked up all the same: a text of nothing
    // but common words still finds candidates.
    let common = [(5_000, "minister"), (9_000, "said"), (12_000, "the")];
    assert_eq!(candidate_words(&common), vec!["minister", "said"]);
}
