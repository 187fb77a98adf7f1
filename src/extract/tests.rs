//! Tests of the extraction patterns and speaker resolution, on sentences
//! written for these tests.

use std::collections::HashMap;

use super::*;

fn run(text: &str) -> Vec<(String, String, String)> {
    extract(text, &HashMap::new())
        .into_iter()
        .map(|p| (p.source, p.cue.text, p.content.text))
        .collect()
}

/// The one proposal `text` gives (speaker, cue, claim), asserting that
/// there is exactly one.
fn single(text: &str) -> (String, String, String) {
    let mut found = run(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.remove(0)
}

/// Asserts that each sentence gives one proposal, by that speaker.
fn assert_single_speaker(cases: &[(&str, &str)]) {
    for &(sentence, speaker) in cases {
        assert_eq!(single(sentence).0, speaker, "{sentence}");
    }
}

/// Asserts that each sentence gives one proposal, by that speaker, of
/// that claim.
fn assert_single_claim(cases: &[(&str, &str, &str)]) {
    for &(sentence, speaker, claim) in cases {
        let found = single(sentence);
        assert_eq!(
            (found.0.as_str(), found.2.as_str()),
            (speaker, claim),
            "{sentence}"
        );
    }
}

/// Asserts that no sentence gives a proposal.
fn assert_no_proposal(sentences: &[&str]) {
    for sentence in sentences {
        let found = run(sentence);
        assert!(found.is_empty(), "{sentence}: {found:?}");
    }
}

/// Each proposal's speaker.
fn sources(text: &str) -> Vec<String> {
    run(text).into_iter().map(|p| p.0).collect()
}

/// Asserts that each sentence gives one proposal, by that speaker, with
/// that role.
fn assert_single_role(cases: &[(&str, &str, &str)]) {
    for &(sentence, speaker, role) in cases {
        assert_eq!(
            roles(sentence),
            vec![(speaker.to_string(), Some(role.to_string()))],
            "{sentence}"
        );
    }
}

/// Each proposal's speaker and the role the draft gives them.
fn roles(text: &str) -> Vec<(String, Option<String>)> {
    extract(text, &HashMap::new())
        .into_iter()
        .map(|p| (p.source, p.role))
        .collect()
}

#[test]
fn quote_then_speaker() {
    let found = run("“The plan worked,” Mayor Jane Doe said on Monday.");
    assert_eq!(
        found,
        vec![("Jane Doe".into(), "said".into(), "The plan worked".into())]
    );
    let found = run("\"We will win,\" said Senator John Smith.");
    assert_eq!(
        found,
        vec![("John Smith".into(), "said".into(), "We will win".into())]
    );
}

#[test]
fn speaker_then_content() {
    let found = run("Kremlin spokesman Dmitry Peskov said that the tip-off saved many lives.");
    assert_eq!(found[0].0, "Dmitry Peskov");
    assert_eq!(found[0].2, "the tip-off saved many lives");
    let found = run("The agency told reporters the suspects were directed from abroad.");
    assert_eq!(found[0].0, "The agency");
    assert_eq!(found[0].2, "the suspects were directed from abroad");
}

#[test]
fn content_then_speaker_and_according_to() {
    let found = run("The economy is growing, the minister said.");
    assert_eq!(
        found,
        vec![(
            "the minister".into(),
            "said".into(),
            "The economy is growing".into()
        )]
    );
    let found = run("According to the White House, the call was initiated by Putin.");
    assert_eq!(found[0].0, "White House");
    assert_eq!(found[0].2, "the call was initiated by Putin");
}

#[test]
fn according_to_inside_a_sentence_leaves_the_claim_whole() {
    // After an opening phrase, the claim goes on past the source.
    let found = run("By 2030, according to the port authority, most ferries will run on batteries.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "the port authority");
    assert_eq!(found[0].2, "By 2030, most ferries will run on batteries");
    // After a conjunction or a relative "that", joined with a space.
    let found = run("The pier closed after, according to the mayor, the council cut its budget.");
    assert_eq!(found[0].2, "The pier closed after the council cut its budget");
    // After a report's "that", the rest is the claim (the report is the
    // agency's own).
    let found = run("The agency reported that, according to its own audit, ten ferries were unsafe.");
    assert!(
        found.iter().any(|f| f.2 == "ten ferries were unsafe"),
        "{found:?}"
    );
    // A description after the source's name is no claim, and no name.
    let found = run("The ferry made a loss last year, according to Tom Lee, a trustee of the harbour fund.");
    assert_eq!(found[0].0, "Tom Lee");
    assert_eq!(found[0].2, "The ferry made a loss last year");
}

#[test]
fn by_after_a_cue_is_an_agent_a_manner_or_a_margin() {
    // A passive's agent and a manner are not what was said.
    assert_no_proposal(&[
        "New rules were announced by the transport minister Jo Vance.",
        "Mr Lund responded by accusing the minister of hiding.",
    ]);
    // The report a manner introduces, the claim past a margin, and a
    // time before the claim are what was said.
    assert_single_claim(&[
        (
            "Mr Lund responded by saying that the network does not pay guests.",
            "Lund",
            "the network does not pay guests",
        ),
        (
            "Supporters of the plan say by 55%-41% that the law should change.",
            "Supporters of the plan",
            "the law should change",
        ),
        (
            "Mr Lund said by 2008, every visitor would be fingerprinted.",
            "Lund",
            "by 2008, every visitor would be fingerprinted",
        ),
    ]);
}

#[test]
fn a_speaker_phrase_holding_another_cue_is_a_report_inside_its_claim() {
    for (sentence, speaker) in [
        (
            "A survey for the charity suggests 70% of voters say they always vote.",
            "A survey for the charity",
        ),
        ("Mr Dahl said the police said the plan would work.", "Dahl"),
        (
            "Mr Dahl vigorously denied Labour claims that he had fiddled the figures.",
            "Dahl",
        ),
    ] {
        assert_eq!(sources(sentence), [speaker], "{sentence}");
    }
}

#[test]
fn told_and_whom_after_the_claim_leave_the_claim_before_them() {
    let found = run(
        "Mary Lee opened the hearing. Rules for imams could be made tougher, she told a Commons inquiry. \
         Fees will rise, she also told the BBC's Today programme on Sunday.",
    );
    let found: Vec<(&str, &str)> = found.iter().map(|(s, _, c)| (s.as_str(), c.as_str())).collect();
    assert_eq!(
        found,
        [
            ("Mary Lee", "Rules for imams could be made tougher"),
            ("Mary Lee", "Fees will rise")
        ]
    );
    // Whom, not a clause: "told MPs the plan was sound" still reports.
    assert_single_claim(&[(
        "The minister told MPs the plan was sound.",
        "The minister",
        "the plan was sound",
    )]);
}

#[test]
fn a_report_in_an_opening_clause_ends_with_the_clause() {
    assert_single_claim(&[
        (
            "As Mr Lund announced the date in a short statement, the firm urged him to act.",
            "Lund",
            "the date in a short statement",
        ),
        (
            "When the minister said the plan was sound, critics laughed.",
            "the minister",
            "the plan was sound",
        ),
        // Only when or how before the comma: the main clause is the claim.
        (
            "As Jo Lee said on Monday, the plan is dead.",
            "Jo Lee",
            "the plan is dead",
        ),
    ]);
    // "a telling chart" is no cue.
    let found = sources("As Jo Lee pointed out with a telling chart, the gap is wide.");
    assert!(found.iter().all(|s| s == "Jo Lee"), "{found:?}");
}

#[test]
fn a_name_then_where_the_person_works_without_its_closing_comma_is_the_name() {
    assert_single_speaker(&[
        (
            "Ola Berg, Harbour Traders Association said: \"We tried very hard.\"",
            "Ola Berg",
        ),
        // Not a place or a date before the comma.
        (
            "In Leeds, Harbour Traders Association said the port was shut.",
            "Harbour Traders Association",
        ),
        (
            "Last Monday, Jo Vance told an audience that the port was shut.",
            "Jo Vance",
        ),
    ]);
}

#[test]
fn surnames_and_pronouns_resolve_to_the_full_name() {
    let found = run(
        "Dmitry Peskov spoke on Monday. Peskov said the call was useful. He added that more calls would follow.",
    );
    let sources: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(sources, vec!["Dmitry Peskov", "Dmitry Peskov"]);
}

#[test]
fn known_sources_name_the_speaker() {
    let known = HashMap::from([("the kremlin".to_string(), "Kremlin".to_string())]);
    let found = extract("The Kremlin said the information helped.", &known);
    assert_eq!(found[0].source, "Kremlin");
}

#[test]
fn nothing_to_find_is_an_empty_result() {
    assert!(run("").is_empty());
    assert!(run("The weather was fine and the streets were quiet.").is_empty());
    assert!(run("The report was published.").is_empty(), "a noun is not a cue");
}

#[test]
fn offsets_are_code_points_into_the_input() {
    let text = "Пролог — “Всё хорошо,” Ivan Petrov said.";
    let p = &extract(text, &HashMap::new())[0];
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[p.content.start..p.content.end].iter().collect::<String>(),
        p.content.text
    );
    assert_eq!(
        chars[p.mention.start..p.mention.end].iter().collect::<String>(),
        "Ivan Petrov"
    );
}

#[test]
fn random_unicode_never_panics() {
    // A small deterministic generator: no dependency, reproducible inputs.
    let alphabet: Vec<char> =
        "aZ .,;:!?\"“”‘’«»„\n\t—-'Пé😀\u{301}\u{202e}0said told according to He She They"
            .chars()
            .collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let len = (state % 120) as usize;
        let mut s = String::new();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        for p in extract(&s, &HashMap::new()) {
            assert!(
                p.content.start <= p.content.end && p.content.end <= s.chars().count(),
                "{s:?}"
            );
        }
    }
}

#[test]
fn brat_annotations_are_read_and_scored() {
    let text = "“It worked,” Jane Doe said. Officials believe it.";
    let ann = "T1\tSource 13 21\tJane Doe\nT2\tCue 22 26\tsaid\nT3\tContent 1 10\tIt worked\nT4\tAttribution 22 26\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tSource 28 37\tOfficials\nT6\tCue 38 45\tbelieve\nT7\tContent 46 48\tit\nE2\tAttribution:T5 Source:T5 Cue:T6 Content:T7\n";
    let gold = evaluate::read_ann(ann);
    assert_eq!(gold.len(), 2);
    assert!(
        gold[0].is_speech() && !gold[1].is_speech(),
        "'believe' is not a speech cue"
    );
    let proposals = extract(text, &HashMap::new());
    let mut score = evaluate::Score::default();
    score.add(&proposals, &[gold]);
    assert_eq!(
        (score.proposed, score.correct, score.gold, score.found),
        (1, 1, 1, 1)
    );
}

#[test]
fn a_participle_after_a_comma_reports_the_sentence_subject() {
    let found = run(
        "Mayor Jane Doe criticised the regional council on Friday, saying the budget would run out by May.",
    );
    assert_eq!(
        found,
        vec![(
            "Jane Doe".into(),
            "saying".into(),
            "the budget would run out by May".into()
        )]
    );
    let found = run("She thanked the volunteers in Leeds, adding that the shelter would stay open.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "adding");
    assert_eq!(found[0].2, "the shelter would stay open");
    // Not speech: "adding to".
    assert!(run("The senator won Ohio on Tuesday, adding to her wins in the South.").is_empty());
}

#[test]
fn a_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker() {
    let found = extract(
        "Mary Smith, 57, of Leeds, who said she would vote for the mayor, was not alone.",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].mention.text, "who");
    assert_eq!(found[0].source, "Mary Smith");
    assert_eq!(found[0].pattern, "np-who-cue-s");
    // The aside ends at its closing comma, where the main verb goes on.
    assert_eq!(found[0].content.text, "she would vote for the mayor");
    let found = run("The mayor won among the voters who said the roads came first.");
    assert_eq!(found[0].0, "the voters");
    assert_eq!(found[0].2, "the roads came first");
    // After a quote's attribution, a relative clause still reports.
    let found = run(
        "“We are ready,” said Tom Lee, the treasurer of the club, who also said that the accounts were audited.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "Tom Lee");
    assert_eq!(found[1].2, "the accounts were audited");
    // A "who" right after a noun phrase with a determiner or a number
    // stands for the whole phrase, whatever its words.
    assert_single_speaker(&[
        (
            "The bill was backed by the powerful dock unions who said the old law had failed them.",
            "the powerful dock unions",
        ),
        (
            "Support fell from 40 percent who said the mayor was honest in May.",
            "40 percent",
        ),
        // The object of a verb before the comma, not the clause.
        ("He met the voters, who said the roads came first.", "the voters"),
    ]);
    // A bare phrase after a list is no one's: "birther who pledged".
    assert!(
        run("He is a liar, racist, bigot and birther who pledged to ban all visitors from abroad.")
            .is_empty()
    );
}

#[test]
fn quoted_words_the_clause_goes_on_from_are_part_of_the_claim() {
    assert_single_claim(&[
        (
            "Mary Holt said \"the harbour\" was being \"sold off\" by the board.",
            "Mary Holt",
            "\"the harbour\" was being \"sold off\" by the board",
        ),
        // A quotation of its own stays the claim.
        (
            "Mary Holt said \"The harbour is sold\" before she left.",
            "Mary Holt",
            "The harbour is sold",
        ),
    ]);
}

#[test]
fn a_quotation_of_several_sentences_is_one_claim() {
    let found = extract(
        "The council met on Monday. “It is too late. The money is gone,” said Tom Lee, the treasurer.",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source, "Tom Lee");
    assert_eq!(found[0].content.text, "It is too late. The money is gone");
    assert_eq!(
        found[0].quote.as_deref(),
        Some("It is too late. The money is gone")
    );
}

#[test]
fn a_cue_inside_someone_s_quoted_words_is_not_an_attribution_of_its_own() {
    let found = run("“His own plan said to cut the schools first,” the mayor said.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "the mayor");
    // The quotation opened in an earlier sentence of the paragraph.
    let found = run("“We met twice. The minister told us the money was there,” Jane Roe said.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Jane Roe");
    // A quote mark left open does not silence the next paragraph.
    let found = run("He wrote “a plan for the town.\n\nThe mayor said the plan would cost too much.");
    assert!(found.iter().any(|f| f.0 == "The mayor"), "{found:?}");
}

#[test]
fn participles_describing_a_noun_or_another_sense_are_not_cues() {
    assert!(run("She extended her lead in pledged delegates to 300 after the vote in Ohio.").is_empty());
    assert!(run("The count stood at 153 pledged delegates for the senator on Tuesday.").is_empty());
    assert!(run("The governor charged into the debate against his rival from the coast.").is_empty());
    // A run, and an answer in deeds.
    assert_no_proposal(&[
        "Another winger charged over the line for a late try.",
        "Vale responded quickly by slotting over a penalty from the touchline.",
        "The city replied by building a second bridge across the bay.",
    ]);
    // An answer in words is one.
    assert_single_claim(&[(
        "Tom Vale responded by saying the bridge was safe.",
        "Tom Vale",
        "the bridge was safe",
    )]);
}

#[test]
fn an_article_alone_is_no_speaker() {
    assert_no_proposal(&[
        "A speech on the budget by Jo Vale drew a large crowd, suggesting that voters care about tax.",
    ]);
}

#[test]
fn when_after_an_inverted_speaker_is_no_part_of_the_name() {
    assert_single_speaker(&[("\"We cannot win them all,\" said Jo Vale afterwards.", "Jo Vale")]);
}

#[test]
fn a_pronoun_after_an_opening_prepositional_phrase_speaks() {
    let found = run("In a letter to the harbour board she wrote: \"The ferry must run.\"");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].2.as_str()),
        ("she", "The ferry must run")
    );
    // A possessive and an adjective in "-ly" inside the phrase are no
    // verbs that would make it a clause.
    for sentence in [
        "In a letter to his harbour board she wrote: \"The ferry must run.\"",
        "At her weekly press conference on Tuesday she said the ferry must run.",
    ] {
        let found = run(sentence);
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        assert_eq!(found[0].0, "she", "{sentence}");
    }
}

#[test]
fn a_clause_s_own_subject_speaks() {
    // A pronoun after a conjunction, just before the cue.
    let found = run("The mayor was booed at the pier when she said the ferry would stop.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "said");
    assert_eq!(found[0].2, "the ferry would stop");
    // "when X did A and said S": X, not the sentence's first words.
    let found = run(
        "Some in the crowd cheered, and when Tom Lee thanked Leeds and said the ferry would run, a man left.",
    );
    assert_eq!(found[0].0, "Tom Lee", "{found:?}");
    // A time before the subject with no comma after it.
    let found = run("A few minutes later they closed the pier and said the ferry would not run.");
    assert!(found[0].0.eq_ignore_ascii_case("they"), "{found:?}");
    // A capitalized article alone is no subject.
    assert!(
        !run("The album came out in 1977 and that made five hits and confirmed his status as a star.")
            .iter()
            .any(|f| f.0 == "The")
    );
}

#[test]
fn asked_whom_whether_reports_the_question() {
    let found = run("Jane Roe asked the former harbour master whether the ferry had ever run on time.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Jane Roe");
    assert_eq!(found[0].2, "whether the ferry had ever run on time");
    // A request is no question, and a "who" after the object opens a
    // relative clause.
    assert!(run("Jane Roe asked the harbour board to publish the timetable.").is_empty());
    assert!(run("Jane Roe asked the captain who ran the ferry for a lift.").is_empty());
}

#[test]
fn report_remark_and_claims_as_nouns_are_not_cues() {
    // What follows the noun: "of", "by", a verb of which it is the subject.
    assert!(run("Within an hour of early reports of the fire, the ferry had sailed.").is_empty());
    assert!(run("The harsh remarks by the mayor were aired again on Sunday night.").is_empty());
    assert!(run("The remark worried several councillors in the harbour town.").is_empty());
    // The plain form after a subject that cannot be plural, or a name.
    assert!(run("She paused on the pier to make an odd remark.").is_empty());
    assert!(run("The quarterly trade report cheered the harbour board on Friday.").is_empty());
    assert!(run("He cited a Gazette report that the ferry would stop in May.").is_empty());
    assert!(run("The list named the Harbour Report, the Gazette and two radio stations.").is_empty());
    // The verbs stay cues.
    let found = run("Local officials report that the ferry will stop in May.");
    assert_eq!(found.len(), 1, "{found:?}");
    let found = run("The Gazette reports that the ferry will stop in May.");
    assert_eq!(found.len(), 1, "{found:?}");
    let found = run("Tom Lee claims the ferry will stop in May.");
    assert_eq!(found.len(), 1, "{found:?}");
    let found = run("Critics of the timetable claim the ferry will stop in May.");
    assert_eq!(found.len(), 1, "{found:?}");
    let found = run("The board lost the ferry, which Tom Lee claims was sold illegally.");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_quote_s_speaker_keeps_speaking_after_it_and_a_lowercase_title_is_passed_over() {
    let found = run("“We will appeal,” Jane Roe said, adding that the ruling ignored the evidence.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[1].0.as_str(), found[1].1.as_str()), ("Jane Roe", "adding"));
    assert_eq!(found[1].2, "the ruling ignored the evidence");
    let found = run("“Turnout will decide it,” political scientist Tom Lee told the Gazette on Friday.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Tom Lee");
    let found = run("“Did anyone check the budget, or the ‘savings’?” Jane Roe asked.");
    assert_eq!(found[0].0, "Jane Roe");
}

#[test]
fn evidence_shows_and_people_ask() {
    let found = run("A new poll of likely voters found that the mayor leads by nine points.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "the mayor leads by nine points");
    let found = run("She asked whether the council had read the report before the vote.");
    assert_eq!(found.len(), 1, "{found:?}");
    // Not evidence, not a question: no claim.
    assert!(run("The team found a new coach for the season in the north.").is_empty());
    assert!(run("He asked for more time to finish the roads in the town.").is_empty());
}

#[test]
fn confidence_ranks_a_quoted_named_report_above_a_bare_participle() {
    let quoted = extract(
        "“The plan worked,” Mayor Jane Doe said on Monday.",
        &HashMap::new(),
    );
    let participle = extract(
        "Mayor Jane Doe criticised the regional council on Friday, saying the budget was late.",
        &HashMap::new(),
    );
    assert!(quoted[0].confidence > 0.9, "{quoted:?}");
    assert!(participle[0].confidence < quoted[0].confidence, "{participle:?}");
    assert!(
        participle
            .iter()
            .chain(&quoted)
            .all(|p| (0.0..=1.0).contains(&p.confidence))
    );
}

/// The draft-review cases of issue 15, in invented sentences: titles that
/// stay with a name, descriptions, places, adverbs and fragments taken for
/// speakers, headlines taken for claims.
mod speakers_a_checker_would_accept {
    use super::{run, sources};

    #[test]
    fn titles_and_letters_after_a_name_are_not_the_name() {
        assert_eq!(
            sources("Labour MP Jane Roe told the BBC the vote was lost."),
            ["Jane Roe"]
        );
        assert_eq!(
            sources("The report was written by Tom Lee QC. He says the ruling was wrong."),
            ["Tom Lee"]
        );
        assert_eq!(
            sources("Green MEP Ana Ruiz said the budget was too small."),
            ["Ana Ruiz"]
        );
    }

    #[test]
    fn a_description_is_the_person_the_article_names() {
        // The lede describes, the next sentence names.
        let found = sources(
            "The finance minister has denied the budget was leaked to the press.\n\nMaria Holm said the figures were published by mistake.",
        );
        assert_eq!(found, ["Maria Holm", "Maria Holm"]);
        // A title written before the name elsewhere in the article.
        let found = sources(
            "The health secretary said hospitals were ready. Later, Health Secretary Omar Diaz visited a ward.",
        );
        assert_eq!(found, ["Omar Diaz"]);
        // Two people with the title: no guess.
        let found = sources(
            "The deputy leader said the party was united. The vote is on Friday. Deputy Leader Ann Ho and Deputy Leader Bo Li spoke.",
        );
        assert_eq!(found, ["The deputy leader"]);
        // A post after the head noun: the ambassador is the one the article
        // titles Ambassador, even named later.
        let found = sources(
            "The Brevanian ambassador to Freedonia said the treaty would hold. Ambassador Lena Mirow added that talks would resume.",
        );
        assert_eq!(found, ["Lena Mirow", "Lena Mirow"]);
        // Unnamed, it is still one person; an institution "of" a place is not.
        assert_eq!(
            super::speakers::guess_kind("the Brevanian ambassador to Freedonia"),
            "person"
        );
        assert_eq!(
            super::speakers::guess_kind("The head of the port authority"),
            "person"
        );
        assert_eq!(
            super::speakers::guess_kind("The Bank of Freedonia"),
            "organization"
        );
    }

    #[test]
    fn places_ages_and_opening_adverbs_are_not_speakers() {
        assert_eq!(
            sources("Mr Okafor, 41, from Leeds, Yorkshire, said he was held for a week."),
            ["Okafor"]
        );
        assert_eq!(
            sources(
                "Tom Baker spoke first. Earlier, Tom Baker dismissed the questions and said the report was fair."
            ),
            ["Tom Baker"]
        );
    }

    #[test]
    fn an_unnamed_spokesman_speaks_for_the_organization() {
        assert_eq!(
            sources("A Treasury spokesman said the figures would be revised."),
            ["Treasury"]
        );
        assert_eq!(
            sources("The Harbour Board officials said the port would reopen."),
            ["Harbour Board"]
        );
    }

    #[test]
    fn he_is_the_last_person_given_words_or_brought_in() {
        let found = sources(
            "Mary Jones said the plan was sound. But union leader Sir Alan Park said workers were not consulted. \"It is a disgrace,\" he said.",
        );
        assert_eq!(found, ["Mary Jones", "Sir Alan Park", "Sir Alan Park"]);
        let found = sources(
            "The claims about Anne Holt were made in a book by Peter Grant. He also says Anne Holt knew of the plan.",
        );
        assert_eq!(found, ["Peter Grant"]);
    }

    #[test]
    fn he_is_never_a_party_a_trade_or_a_document() {
        // "Liberal Democrat" before a lowercase role is a party, and the
        // leader it qualifies is whom "she" means.
        let found = sources(
            "Liberal Democrat leader Anna Berg attacked the plan for its cost. \"Who will pay for it?\" she asked.",
        );
        assert_eq!(found, ["Anna Berg"]);
        // A trade in the plural ("the Federation of Coastal Farmers") and a
        // review named after its author are no one "he" means: he is still
        // the person named before them.
        for between in [
            "Further savings identified in the Ostby Review have been made",
            "Talks with the Federation of Coastal Farmers went well",
        ] {
            let found = sources(&format!(
                "Ola Lund cut the tax on fuel, and Per Holm welcomed it. {between}, the minister said. Some 300 posts have gone, he added."
            ));
            assert_eq!(found, ["Ola Lund", "Ola Lund"], "{between}");
        }
        assert_eq!(super::speakers::guess_kind("Ostby Review"), "organization");
        assert_eq!(super::speakers::guess_kind("Mortgage Lenders"), "organization");
        assert_eq!(super::speakers::guess_kind("Bill Ostby"), "person");
    }

    #[test]
    fn he_later_in_a_sentence_is_whom_it_gave_words_first() {
        // Not the person the sentence before opened with.
        let found = sources(
            "Council leader Rosa Vik opened the meeting. Lars Moe said the budget was balanced and he said borrowing would fall.",
        );
        assert_eq!(found, ["Lars Moe", "Lars Moe"]);
        let found = sources(
            "Rosa Vik chaired the debate. Lars Moe, for the Greens, added: \"The plan will fail,\" he said. \"It costs too much.\"",
        );
        assert_eq!(found.first().map(String::as_str), Some("Lars Moe"), "{found:?}");
        assert!(found.iter().all(|s| s == "Lars Moe"), "{found:?}");
    }

    #[test]
    fn a_described_subject_speaks_past_an_aside_about_it() {
        super::assert_single_claim(&[
            (
                "The book, serialised in the Daily Courier, alleges that the mayor lied.",
                "The book",
                "the mayor lied",
            ),
            (
                "The author's sources, all unnamed \"friends\" of Mr Dahl and Ms Berg, said the pair had fallen out.",
                "The author's sources",
                "the pair had fallen out",
            ),
        ]);
        // A name in the aside speaks; so does the agent of a study.
        super::assert_single_speaker(&[
            (
                "The chief inspector of ports, Jo Vance, said the docks were unsafe.",
                "Jo Vance",
            ),
            (
                "The study, carried out by professor Ann Marsh, says the limit saves lives.",
                "Ann Marsh",
            ),
        ]);
        // A passive behind the aside reports no one's words.
        let found = sources("All five men, like the others, are accused of breaches of safety laws.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn sir_and_a_first_name_is_the_knight_named_before() {
        let found = sources(
            "Business leader Sir Alan Hook said the tax was wrong. Sir Alan added: \"It will cost jobs.\"",
        );
        assert_eq!(found, ["Sir Alan Hook", "Sir Alan Hook"]);
    }

    #[test]
    fn the_spokesman_is_the_one_quoted_before_for_the_same_body() {
        let found = sources(
            "\"The scheme works,\" said a Port Authority spokesman. The spokesman showed a chart. \"Costs are down,\" the spokesman added.",
        );
        assert_eq!(found, ["Port Authority", "Port Authority"]);
        // A spokeswoman is not the spokesman quoted before; an official is
        // not the spokesman either.
        let found = sources(
            "A Port Authority spokesman said costs were down. The spokeswoman said the ferry would run.",
        );
        assert_eq!(found, ["Port Authority", "The spokeswoman"]);
        // The body may come after the noun.
        let found = sources(
            "A spokeswoman for the Harbour Board said costs were down. \"We are pleased,\" said the spokeswoman.",
        );
        assert_eq!(found, ["Harbour Board", "Harbour Board"]);
        // A body of one word no person of the article has for a name.
        let found =
            sources("\"We are pleased,\" said a spokeswoman for Harbourco. Jo Reed said costs were up.");
        assert_eq!(found, ["Harbourco", "Jo Reed"]);
        // An unnamed spokesman is one person, whom "he" goes on to mean.
        let found = sources(
            "Mary Holt said the ferry was late. The harbour spokesman said it would run. He added that fares would fall.",
        );
        assert_eq!(
            found,
            ["Mary Holt", "The harbour spokesman", "The harbour spokesman"]
        );
        let found = sources(
            "Mary Holt said the ferry was late. A spokesman for Tom Reed said it would run. He added that fares would fall.",
        );
        assert_eq!(
            found,
            [
                "Mary Holt",
                "A spokesman for Tom Reed",
                "A spokesman for Tom Reed"
            ]
        );
    }

    #[test]
    fn a_sentence_about_he_or_she_keeps_the_person_whoever_it_names() {
        // "she" opens the middle sentence's subject: it is still about
        // Mary Holt, not Tom Reed, whose work it names.
        let found = sources(
            "Mary Holt said the plan was sound. While saying she admired Tom Reed's work, she criticised the board. \"It failed,\" she said.",
        );
        assert_eq!(found, ["Mary Holt", "Mary Holt"]);
        // But "he" is not whom "she" went on about: the person named after
        // her.
        let found = sources(
            "Mary Holt said the plan was sound. She declined to discuss Tom Reed. On Friday, he told reporters the plan was dead.",
        );
        assert_eq!(found, ["Mary Holt", "Tom Reed"]);
    }

    #[test]
    fn he_after_a_claim_about_someone_else_goes_on_meaning_the_speaker() {
        // "Tom Reed would lead the campaign, he said": the claim names
        // Tom Reed; "he" is still Mary Holt, and so is the next "he".
        // Nor does "They could picture Tom Reed" make him the subject.
        let found = sources(
            "Mary Holt said the party was ready. They could picture Tom Reed in office. Tom Reed would lead the campaign, she said. \"We will win,\" she promised.",
        );
        assert_eq!(found, ["Mary Holt", "Mary Holt", "Mary Holt"]);
    }

    #[test]
    fn a_school_a_hospital_or_an_academy_is_no_person() {
        let found = sources(
            "Tom Reed said fees were too high. The speech came at Riverside School in Leeds. \"Fees put students off,\" he said.",
        );
        assert_eq!(found, ["Tom Reed", "Tom Reed"]);
        // Nor is a party's wing ("Old Labour").
        let found = sources(
            "Tom Reed said fees were too high. The red poster was a nod to Old Labour. \"Fees put students off,\" he said.",
        );
        assert_eq!(found, ["Tom Reed", "Tom Reed"]);
    }

    #[test]
    fn an_office_with_and_in_its_title_is_no_joint_speaker() {
        super::assert_single_speaker(&[
            (
                "Farming and Fisheries Secretary Ann Bloggs said the quota was fair.",
                "Ann Bloggs",
            ),
            // Two bodies, and two titled people, still speak together.
            (
                "The Greens and Free Democrats said the quota was unfair.",
                "Greens and Free Democrats",
            ),
            (
                "Farm Secretary Ann Bloggs and Fisheries Minister Tom Reed said the quota was fair.",
                "Farm Secretary Ann Bloggs and Fisheries Minister Tom Reed",
            ),
        ]);
    }

    #[test]
    fn a_year_after_the_speaker_is_when_not_who() {
        super::assert_single_speaker(&[(
            "The Harbour Planning Unit in 2003 said most ferries ran late.",
            "Harbour Planning Unit",
        )]);
    }

    #[test]
    fn a_report_inside_a_report_is_not_a_second_claim() {
        let found = run("Lena Dahl also says Erik Berg warned the board that the deal was illegal.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Lena Dahl");
    }

    #[test]
    fn a_document_is_not_a_speaker() {
        let found = run("She said the minutes should have been kept, according to the party rules.");
        assert!(
            found.iter().all(|(source, _, _)| !source.contains("rules")),
            "{found:?}"
        );
        assert_eq!(found[0].1, "said");
    }

    #[test]
    fn when_and_asides_between_the_speaker_and_the_cue_are_not_the_speaker() {
        let found = run("Harbour board chairwoman Ann Cole on Tuesday said that the ferry would stop.");
        assert_eq!(found[0].0, "Ann Cole", "{found:?}");
        let found = run("The ferry company last week said the service would stop.");
        assert_eq!(found[0].0, "The ferry company", "{found:?}");
        // A relative clause about an organization, with a name inside it.
        let found = run(
            "The ferry company, which has been criticised for months by the Harbour Board, said that the service would stop.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "The ferry company");
        let found = run("The ferry company, however, said the service would stop.");
        assert_eq!(found[0].0, "The ferry company", "{found:?}");
        let found =
            run("The ferry board, which met the minister, in May this year said the service would stop.");
        assert!(found.iter().all(|f| f.0 != "May"), "{found:?}");
        // A participle opening the sentence is no speaker; the subject
        // after its comma is.
        let found = run(
            "Having been pressed, the Harbour Board turned its attention to the unions and in May this year said that the service would stop.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.ends_with("Harbour Board"), "{found:?}");
        // A medium named after the cue, before what was said; an outlet
        // named to the end of the sentence.
        let found = run("The ferry was late again, she told BBC Radio 4's Morning Show.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "The ferry was late again");
        let found = run("The ferry company said on Twitter, \"The service will stop in May.\"");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "The service will stop in May");
    }

    #[test]
    fn a_dateline_or_a_time_before_the_subject_is_not_the_speaker() {
        let found = run("LEEDS — Ann Cole defended the ferry timetable, saying the boats would run on time.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ann Cole");
        let found = run("Hours later, Ann Cole changed her mind, telling reporters the boats would stop.");
        assert_eq!(found[0].0, "Ann Cole", "{found:?}");
        let found = run("Back in 1999, Ann Cole praised the ferry, saying it was the best in Europe.");
        assert_eq!(found[0].0, "Ann Cole", "{found:?}");
    }

    #[test]
    fn headlines_in_sentence_case_and_bylines_are_not_claims() {
        let found = run(
            "Minister denies budget leak claim\n\nBy Sam Cole\n\nThe minister said the budget was never leaked.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2, "the budget was never leaked");
        // A scare quote does not end a sentence; a closing quote after a
        // full stop does.
        let found = run("Ed Stone says the leak was 'an accident.'\n\nMore to come.");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_headline_in_title_case_names_nobody() {
        // With a full stop after it, as some archives print headlines, the
        // headline was read as a sentence, and its run of capitals as the
        // person a later "He" stood for.
        let found = run(
            "Voters Share Their Views On Ann Cole.\n\nAnn Cole spoke in Leeds on Monday.\n\nHe said the ferry would run.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ann Cole");
        // A body sentence dense with names is no headline: its verbs are
        // in lowercase, and the full name it gives is learned.
        let found = run("Former Leeds Mayor Ann Cole is backing Tom Hart.\n\nCole says the ferry will run.");
        assert_eq!(found[0].0, "Ann Cole", "{found:?}");
    }
}

/// Claim texts that stand alone: no addressee, outlet or "in the paper
/// that" before what was said.
mod standalone_claim_texts {
    use super::run;

    #[test]
    fn a_passive_told_is_not_the_subject_speaking_again() {
        let found = run(
            "She told the newspaper her worst day was when she was told she would be moved, only to be held and told she would stay.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.starts_with("her worst day"), "{found:?}");
    }

    #[test]
    fn what_was_said_starts_after_the_addressee() {
        let found = run("Ms Park told the BBC: \"We were never asked.\"");
        assert_eq!(found[0].2, "We were never asked");
        let found = run("Mr Gold told Radio Five Live with Dan Hill: \"The plan is dead.\"");
        assert_eq!(found[0].2, "The plan is dead");
        let found = run("He told the Daily Post website he had no regrets about the vote.");
        assert_eq!(found[0].2, "he had no regrets about the vote");
        let found = run("Jane Roe claimed in the Evening Star that the council had lost the files.");
        assert_eq!(found[0].2, "the council had lost the files");
        // To whom and where, then a quotation: the quotation.
        let found = run(
            "Mayor Ann Vell stressed to Tom Reed in the meeting \"the importance of the harbour to the town.\"",
        );
        assert_eq!(found[0].2, "the importance of the harbour to the town");
        // Not past a clause of the speaker's own.
        let found = run("Ann Vell wrote to Tom Reed that the \"old harbour\" would close in May.");
        assert_eq!(found[0].2, "the \"old harbour\" would close in May");
    }

    #[test]
    fn a_quotation_of_several_sentences_is_one_claim() {
        let found =
            run("The mayor said: \"The bridge is safe. The repairs are finished. We will reopen it.\"");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].2,
            "The bridge is safe. The repairs are finished. We will reopen it"
        );
    }

    #[test]
    fn a_new_quotation_after_one_left_unclosed_is_still_found() {
        // The first quotation never closes; the second opens after a cue.
        let found = run(
            "Mr Vale said: \"I lost a year of my life. He added: \"They wanted to break me.\" The ministry denied the claims, saying it had followed the rules.",
        );
        let cues: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert!(cues.contains(&"added"), "{found:?}");
        assert!(
            found.iter().any(|f| f.0 == "The ministry" || f.0 == "ministry"),
            "{found:?}"
        );
    }
}

#[test]
fn pronouns_resolve_the_same_with_or_without_a_database() {
    let text = "Kremlin spokesman Dmitry Peskov said the call was useful. A White House official said it was brief. He added that more calls would follow.";
    let without: Vec<String> = extract(text, &HashMap::new())
        .into_iter()
        .map(|p| p.source)
        .collect();
    let known = HashMap::from([
        ("dmitry peskov".to_string(), "Dmitry Peskov".to_string()),
        ("white house".to_string(), "White House".to_string()),
    ]);
    let with: Vec<String> = extract(text, &known).into_iter().map(|p| p.source).collect();
    assert_eq!(without, with);
    assert_eq!(with, ["Dmitry Peskov", "White House", "Dmitry Peskov"]);
}

#[test]
fn findings_and_interrupted_quotations() {
    // A finding reported as a claim, whoever found it.
    let found = run("The Harbour Institute estimates that the port lost two million pounds.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, "the port lost two million pounds");
    let found = run("Video of the arrest shows him with his hands in the air.");
    assert_eq!(found.len(), 1, "{found:?}");
    // "estimates" as a noun is not a cue.
    assert!(run("The estimates were published on Monday by the office.").is_empty());
    // A quotation the attribution interrupts is one claim, its parts
    // joined where the attribution stood; the quote is the longer part,
    // verbatim, so that it anchors in the article.
    let found = extract(
        "\"That,\" the mayor added, \"promises to make life harder for everyone.\"",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].content.text,
        "That, promises to make life harder for everyone"
    );
    assert_eq!(
        found[0].quote.as_deref(),
        Some("promises to make life harder for everyone")
    );
    let found =
        run("\"The ferry is late every day this winter,\" Ann Cole said, \"and nobody tells us why.\"");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].2,
        "The ferry is late every day this winter, and nobody tells us why"
    );
}

#[test]
fn an_attribution_inside_a_statement_is_left_out_of_its_text() {
    // Between the subject and its verb: the subject is part of the claim.
    let found = extract(
        "This bridge, the engineer said, is safe for heavy traffic.",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].content.text, "This bridge is safe for heavy traffic");
    assert_eq!(found[0].quote, None);
    // The span still covers both parts (PolNeAR's discontinuous content).
    let whole = "This bridge, the engineer said, is safe for heavy traffic";
    assert_eq!(
        (found[0].content.start, found[0].content.end),
        (0, whole.chars().count())
    );
    // A phrase after the attribution that qualifies the claim before it.
    let found = run("Ferry sales are rising, the harbour board said, with exports up five percent.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "Ferry sales are rising, with exports up five percent");
    // The speaker again ("but warned"), or a participle: the claim ends at
    // the attribution.
    let found =
        run("Ferry sales are rising, the harbour board said, but warned that fuel costs would climb.");
    assert_eq!(found[0].2, "Ferry sales are rising", "{found:?}");
    let found = run("Ferry sales will fall, Jo Lee estimated, pointing to the cheaper flights.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "Ferry sales will fall");
    // A clause of its own after an opening adverbial is the claim alone.
    let found = run("In contrast, the engineer said, the old bridge would close in May.");
    assert_eq!(found[0].2, "the old bridge would close in May", "{found:?}");
}

#[test]
fn a_report_inside_a_relative_clause_is_claimed_of_its_antecedent() {
    let found = run("The ferry fares, which the harbour board said will rise in May, are already high.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "the harbour board");
    assert_eq!(found[0].2, "The ferry fares will rise in May");
    let found = run("Tolls paid for the new bridge that critics say was never needed.");
    assert_eq!(found[0].2, "the new bridge was never needed", "{found:?}");
    // No antecedent to find ("what", or no determiner): the predicate.
    let found = run("Tolls rose on bridges, which engineers said was a mistake.");
    assert_eq!(found[0].2, "was a mistake", "{found:?}");
    let found = run("Tolls rose over what engineers say was a mistake in the design.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "engineers");
    // A verb inside the phrase before the cue: no report.
    assert!(
        run("Jo wrote that he penned the scathing remarks delivered by Ann.")
            .iter()
            .all(|f| f.1 != "remarks")
    );
}

#[test]
fn short_quotations_are_speech_unless_they_look_like_a_title() {
    // Title case leaves only small words in lowercase; a lowercase noun
    // makes a sentence.
    let found = run("“We’re Leeds people,” Jo Bell said.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "We’re Leeds people");
    assert!(
        run("She watched “Face the Nation” with Jo Bell, who said nothing.")
            .iter()
            .all(|f| f.2 != "Face the Nation")
    );
    // Speech punctuation inside the close and a cue that ends the
    // sentence: what was said, however capitalized.
    let found = run("“Like Leeds. Or York,” Tom Hart said. “The rents are higher.”");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].2, "Like Leeds. Or York");
    assert_eq!(found[1].2, "The rents are higher");
    // A title before a cue that goes on ("suggested saving") is no claim.
    let found = run("In his book, “Be Rich Now,” Tom Hart suggested saving a tenth of every wage.");
    assert!(found.iter().all(|f| f.2 != "Be Rich Now"), "{found:?}");
}

#[test]
fn shares_of_people_speak_and_parentheses_are_not_names() {
    let found = run("About 40 percent said they had not decided.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "About 40 percent");
    let found = run("Sen. Ann Lowe (D-Ore.) said the bill would pass.");
    assert_eq!(found[0].0, "Ann Lowe");
    let found = run("Half of Green voters said they would stay at home.");
    assert_eq!(found[0].0, "Half of Green voters");
    let found = run("More than 4 in 10 said the economy came first.");
    assert_eq!(found.len(), 1);
    // "about" before anything else is still no speaker.
    assert!(run("About the plan said nothing more was known.").is_empty());
}

#[test]
fn a_cue_before_its_speaker_at_the_end_of_the_sentence() {
    // The name after the cue speaks, past a title and an appositive; the
    // words before the comma are the claim.
    let found = run(
        "The harbour fund has raised nearly half of its target, said Oskar Lindqvist, a trustee of the fund.",
    );
    assert_eq!(
        found,
        vec![(
            "Oskar Lindqvist".into(),
            "said".into(),
            "The harbour fund has raised nearly half of its target".into()
        )]
    );
    let found = run("Rail fares will rise again in spring, says transport analyst Mr. Petra Voss.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, "Rail fares will rise again in spring");
    assert!(found[0].0.ends_with("Petra Voss"), "{:?}", found[0]);
    let found = run("The bridge will reopen in May, said a spokesman for the council on Tuesday.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, "The bridge will reopen in May");
    // A clause after the cue: the subject before it speaks, not the words
    // after the cue.
    let found = run("The company, which owns the mill, said it would close the plant.");
    assert!(
        found.iter().all(|f| f.2 != "The company, which owns the mill"),
        "{found:?}"
    );
    // Whom it was told to, and a sentence that goes on past the name.
    let found = run("The talks had failed completely, told The Daily Courier.");
    assert!(found.iter().all(|f| f.0 != "The Daily Courier"), "{found:?}");
    let found = run("The tone of the campaign, said Mr Dale, would be calmer than before.");
    assert!(
        found.iter().all(|f| f.2 != "The tone of the campaign"),
        "{found:?}"
    );
}

#[test]
fn a_clause_after_the_cue_is_not_an_inverted_speaker() {
    // "NP, who ..., said S": S is the claim, the name before speaks.
    let found = run(
        "Budget expert Lena Hart, who studies school funding at a think tank, said Mayor Cole's letter didn't settle it.",
    );
    assert!(found.iter().all(|f| !f.0.contains("Cole")), "{found:?}");
    // A participle's agent is not a speaker.
    let found = run("The novel is a slow family saga, written and edited by Ann and Bo Teller.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_quotation_then_a_name_with_an_appositive() {
    let found = run(
        "The new rules “will not end the backlog, but they help,” Ines Moreau, deputy director of the housing office, said on Friday.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Ines Moreau");
    assert!(found[0].2.contains("will not end the backlog"), "{found:?}");
}

#[test]
fn a_role_set_off_by_commas_becomes_the_speakers_role() {
    assert_eq!(
        roles("The bridge will reopen in May, said Oskar Lindqvist, a trustee of the fund."),
        vec![("Oskar Lindqvist".into(), Some("trustee of the fund".into()))]
    );
    assert_eq!(
        roles("Oskar Lindqvist, a trustee of the fund, said the bridge will reopen in May."),
        vec![("Oskar Lindqvist".into(), Some("trustee of the fund".into()))]
    );
    // A title before the name wins; a relative clause is no role.
    assert_eq!(
        roles("Harbour Minister Oskar Lindqvist, a trustee of the fund, said the bridge will reopen."),
        vec![("Oskar Lindqvist".into(), Some("Harbour Minister".into()))]
    );
    let found = roles("The bridge will reopen in May, said Oskar Lindqvist, who chairs the fund.");
    assert_eq!(found, vec![("Oskar Lindqvist".into(), None)]);
    // What the speaker was doing is no role either.
    let found = roles("Oskar Lindqvist, pressed by reporters, said the bridge will reopen in May.");
    assert_eq!(found, vec![("Oskar Lindqvist".into(), None)]);
}

#[test]
fn a_post_set_off_before_a_name_becomes_the_speakers_role() {
    assert_eq!(
        roles("The chairman of the harbour trust, Oskar Lindqvist, said the bridge will reopen in May."),
        vec![(
            "Oskar Lindqvist".into(),
            Some("chairman of the harbour trust".into())
        )]
    );
    assert_eq!(
        roles("On Monday, the union's spokeswoman, Rita Osei, said the strike would go on."),
        vec![("Rita Osei".into(), Some("union's spokeswoman".into()))]
    );
    // A thing, not a post; and "his", which the draft could not show.
    assert_eq!(
        roles("A letter from the harbour trust, Oskar Lindqvist, said the bridge will reopen."),
        vec![("Oskar Lindqvist".into(), None)]
    );
    assert_eq!(
        roles("His deputy, Oskar Lindqvist, said the bridge will reopen in May."),
        vec![("Oskar Lindqvist".into(), None)]
    );
}

#[test]
fn a_quoted_title_before_a_speaker_does_not_hide_the_report() {
    // The quotation is a show's name with no speaker of its own; the name
    // before the cue still reports what follows it.
    let found = run(
        "In an interview on the radio show \"Morning Hour,\" Councillor Rita Osei (L-Leeds) said the budget would be cut by a fifth.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Rita Osei");
    assert_eq!(found[0].2, "the budget would be cut by a fifth");
    // "as NAME, doing X, said": the quotation is that name's.
    let found = run(
        "He wore a shirt reading ''Let us vote,'' as Dara Quinn, marching at the front, said before the rally.",
    );
    assert!(
        found.iter().any(|f| f.0 == "Dara Quinn" && f.2 == "Let us vote"),
        "{found:?}"
    );
}

#[test]
fn a_lowercase_plural_of_people_speaks() {
    let found = run("But marine biologists say the reef has never been this pale.");
    assert_eq!(
        found,
        vec![(
            "marine biologists".into(),
            "say".into(),
            "the reef has never been this pale".into()
        )]
    );
    let found = run("Local harbour workers say the cranes stood idle for a week.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "the cranes stood idle for a week");
    // Not a phrase for people: no speaker.
    let found = run("Still, that’s what people said about the old bridge too.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_party_in_parentheses_and_an_appositive_after_the_name() {
    let (speaker, _, claim) =
        single("Sen. Ada Brook (R-Ohio), a member of the budget panel, said the vote would be close.");
    assert_eq!(speaker, "Ada Brook");
    assert_eq!(claim, "the vote would be close");
}

#[test]
fn former_retired_and_state_before_a_title_open_the_speaker() {
    let found = roles("\"The levy will pass,\" said former Leeds Gov. Ann Vale, a party donor.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Ann Vale");
    assert_eq!(found[0].1.as_deref(), Some("former Leeds Gov."));
    let found = run("Retired Gen. Tom Ash said the bases would close.");
    assert_eq!(found[0].0, "Tom Ash", "{found:?}");
    let found = run("\"The school stays open,\" said state Sen. Jo Pine.");
    assert_eq!(found[0].0, "Jo Pine", "{found:?}");
    // Not before an ordinary lowercase word: "former" alone is no speaker.
    assert!(run("\"It was calm,\" said former residents of the valley.").is_empty());
}

#[test]
fn a_conjunction_opening_the_sentence_is_not_part_of_the_claim() {
    let found = run("But the harvest was the worst in a decade, she said.");
    assert_eq!(
        found,
        vec![(
            "she".into(),
            "said".into(),
            "the harvest was the worst in a decade".into()
        )]
    );
    let found = run("And, the mill will close, a union official said.");
    assert_eq!(found[0].2, "the mill will close", "{found:?}");
    // A subordinate clause is still no claim on its own.
    assert!(run("Because the mill closed, she said.").is_empty());
}

#[test]
fn a_participle_after_a_closing_attribution_reports_the_same_speaker() {
    let found =
        run("The bridge will reopen in the spring, a city engineer said, adding that the costs had doubled.");
    assert_eq!(
        found,
        vec![
            (
                "a city engineer".into(),
                "said".into(),
                "The bridge will reopen in the spring".into()
            ),
            (
                "a city engineer".into(),
                "adding".into(),
                "the costs had doubled".into()
            ),
        ]
    );
}

#[test]
fn an_aside_about_an_unnamed_speaker_does_not_hide_them() {
    let found =
        run("One former aide, speaking on condition of anonymity, said the minister ignored the warnings.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "One former aide");
    assert_eq!(found[0].2, "the minister ignored the warnings");
    let found = run("A senior official, who asked not to be named, said the talks had collapsed.");
    assert_eq!(found[0].0, "A senior official", "{found:?}");
    // A clause before the comma is no speaker: nothing is made up.
    let found = run("When the vote came, speaking for the group, she said it was a fraud.");
    assert!(found.iter().all(|f| f.0 != "When the vote came"), "{found:?}");
    // Nor a report inside another's report.
    let found = run("Jo Lee said the man, who later fled, claimed he was a courier.");
    assert!(found.iter().all(|f| !f.0.contains("said")), "{found:?}");
    // A relative clause with commas of its own: the name before it speaks,
    // not the place inside it.
    let found =
        run("Sandy Kerr, who lost her son in Aurora, Colorado, in July 2012, said the call was cruel.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Sandy Kerr");
    // A noun in -ing several commas back opens no aside.
    let found = run(
        "Late last year, marketing company Adlink, one of the largest ad firms, warned that it might be sold.",
    );
    assert!(found.iter().all(|f| f.0 != "Late last year"), "{found:?}");
}

#[test]
fn a_cue_ending_with_a_colon_introduces_the_next_paragraph() {
    let text = "The mayor spoke on Monday. He said:\n\n\"We will rebuild the bridge. Nobody will be left behind.\"\n\nThe council met on Tuesday.";
    let found = extract(text, &HashMap::new());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].cue.text, "said");
    assert_eq!(
        found[0].content.text,
        "We will rebuild the bridge. Nobody will be left behind"
    );
    assert_eq!(found[0].quote.as_deref(), Some(found[0].content.text.as_str()));
    let found = run("Dr. Ann Ward stated:\n\nThe water was never tested before the spill.");
    assert_eq!(
        found,
        vec![(
            "Ann Ward".into(),
            "stated".into(),
            "The water was never tested before the spill".into()
        )]
    );
    // A colon that is not after a cue introduces nothing.
    assert!(run("The agenda:\n\nThe bridge will be rebuilt by May.").is_empty());
}

#[test]
fn his_or_her_in_a_role_names_whom_it_means() {
    assert_eq!(
        roles(
            "Tomas Reedy, 40, was held at the border in May. His lawyer Ann Fogarty said the arrest was unlawful."
        ),
        vec![("Ann Fogarty".into(), Some("Tomas Reedy's lawyer".into()))]
    );
    // With nobody before it, "his" stays as written.
    assert_eq!(
        roles("His lawyer Ann Fogarty said the arrest was unlawful."),
        vec![("Ann Fogarty".into(), Some("His lawyer".into()))]
    );
}

#[test]
fn the_company_or_the_agency_is_the_one_the_article_named() {
    let sources = |text: &str| -> Vec<String> { roles(text).into_iter().map(|(source, _)| source).collect() };
    // A speaker named before.
    assert_eq!(
        sources("Kivotel said sales rose by a fifth. The company said prices would stay low."),
        ["Kivotel", "Kivotel"]
    );
    // An agency named, not as a speaker, just before; past the possessive.
    assert_eq!(
        sources(
            "The arrests were announced by Brevania's Border Security Service on Monday. The agency said the men had been armed."
        ),
        ["Border Security Service"]
    );
    // Two that fit, named long before: no guess.
    assert_eq!(
        sources(
            "Kivotel said sales rose by a fifth. Ardent said its costs rose sharply. The vote is on Friday. The board meets on Monday. The company said prices would stay low."
        ),
        ["Kivotel", "Ardent", "The company"]
    );
    // A phrase a speaker was left as is no company.
    assert_eq!(
        sources("Harbour lawyers said the ruling was wrong. The company said it would appeal."),
        ["Harbour lawyers", "The company"]
    );
}

#[test]
fn the_company_is_the_one_the_article_introduced_as_a_company() {
    let sources = |text: &str| -> Vec<String> { roles(text).into_iter().map(|(source, _)| source).collect() };
    // A name that looks like a person's, called a company by the noun
    // before it or by "shares in".
    assert_eq!(
        sources(
            "Shares in shipping group Harlan Mercer have slumped. The company said its costs had doubled."
        ),
        ["Harlan Mercer"]
    );
    assert_eq!(
        sources("Shares in Tavish Brodie have slumped. The firm said its costs had doubled."),
        ["Tavish Brodie"]
    );
    // Of two, the first: the one the article is about, not the one it
    // goes on to buy.
    assert_eq!(
        sources(
            "Dutch brewing group Velmar Hanke is buying a stake in Polish brewer Orvik Salo. Orvik Salo makes a lager. The group said profits would rise."
        ),
        ["Velmar Hanke"]
    );
    // Named long ago, and not since: another story by now.
    assert_eq!(
        sources(
            "Retail chain Dunmore Vale opened ten shops. Sales rose. Costs fell. Shares rose. Rents fell. Meanwhile Orvik Salo launched a beer. The company said the beer was popular."
        ),
        ["The company"]
    );
    // "Firm" that qualifies is no company's noun; nor "shares in" a
    // nationality.
    assert_eq!(
        sources("Labour made a firm Greenway pledge. The company said it would wait."),
        ["The company"]
    );
    assert_eq!(
        sources(
            "Shares in Anglo-Swedish drug firm Halvard have fallen. The company said a trial had failed."
        ),
        ["Halvard"]
    );
    // An organization that spoke comes before a name only called a
    // company.
    assert_eq!(
        sources(
            "Kivotel said sales rose by a fifth. Rival group Darrow Hines lost money. The company said prices would stay low."
        ),
        ["Kivotel", "Kivotel"]
    );
    // "The Bank", capitalized as papers write it, is the bank named before,
    // by its whole name.
    assert_eq!(
        sources("The Central Bank of Valdoria raised rates. The Bank said inflation was too high."),
        ["Central Bank of Valdoria"]
    );
    // Its initials are the body named in full, joined by "of" or "for".
    assert_eq!(
        sources(
            "Figures from the Office for Harbour Statistics came out on Monday. The OHS said exports fell by a fifth in the year to March."
        ),
        ["Office for Harbour Statistics"]
    );
}

#[test]
fn a_document_speaks_for_whoever_issued_it() {
    let sources = |text: &str| -> Vec<String> { roles(text).into_iter().map(|(source, _)| source).collect() };
    assert_eq!(
        sources(
            "The Harbour Board readout said the talks were useful. Mayor Ann Vell said the port would grow. Ms Vell's letter said the fee was fair."
        ),
        ["Harbour Board", "Ann Vell", "Ann Vell"]
    );
    // A document no one is named as issuing stays as written.
    assert_eq!(sources("The report said the fee was fair."), ["The report"]);
}

#[test]
fn a_number_with_thousands_is_one_word_of_a_speaker_phrase() {
    assert_single_claim(&[(
        "Nearly half of the 2,000 voters asked said the tax was unfair.",
        "Nearly half of the 2,000 voters asked",
        "the tax was unfair",
    )]);
}

#[test]
fn she_does_not_mean_a_man_nor_he_a_woman() {
    // A man by his form of address; the woman by her kin or her trade,
    // set off beside her name or before it.
    assert_eq!(
        sources(
            "Mr Dray told the inquiry the fund was safe. Marta, a mother of three, said the fund had lost her savings. \"No one answers my letters,\" she said."
        ),
        ["Dray", "Marta", "Marta"]
    );
    assert_eq!(
        sources(
            "Mr Dray told the inquiry the fund was safe. His sister Ana Dray said the fund was broke. \"He knew it all along,\" she said."
        ),
        ["Dray", "Ana Dray", "Ana Dray"]
    );
    // With no woman quoted, "she" stays for the checker to fill in.
    assert_eq!(
        sources("Mr Dray told the inquiry the fund was safe. \"No one answers my letters,\" she said."),
        ["Dray", "she"]
    );
    // A kin word in a name is no kin ("Big Brother" is a show).
    assert_eq!(
        sources("Big Brother said the vote was fair. \"The count was checked twice,\" she said."),
        ["Big Brother", "Big Brother"]
    );
    // "Her spokesman" speaks for whom "she" means.
    assert_eq!(
        sources(
            "Ms Vell said the fund was broke. Mr Dray said the fund was safe. Her spokesman said the audit would show it."
        ),
        ["Vell", "Dray", "Vell"]
    );
}

#[test]
fn his_spokesman_speaks_for_him() {
    let sources = |text: &str| -> Vec<String> { roles(text).into_iter().map(|(source, _)| source).collect() };
    assert_eq!(
        sources("Tomas Reedy said the harbour would stay open. His spokesman said the toll would not rise."),
        ["Tomas Reedy", "Tomas Reedy"]
    );
    // Whose spokesman resolves as a mention of its own: past the title, and
    // to the full name by the surname.
    assert_eq!(
        sources(
            "Transport Minister Tomas Reedy's spokeswoman said the toll would not rise. Reedy's spokesman said the fee would fall. Tomas Reedy said the fee was fair."
        ),
        ["Tomas Reedy", "Tomas Reedy", "Tomas Reedy"]
    );
    // An organization's spokesman speaks for it, as before.
    assert_eq!(
        sources("A Harbour Board spokesman said the toll would not rise."),
        ["Harbour Board"]
    );
}

/// The confidence model reads the article around a proposal: how often its
/// speaker is named there, and how many claims the speaker makes.
#[test]
fn confidence_reads_how_often_the_article_names_the_speaker() {
    let text = "Mayor Ann Hale opened the new bridge on Monday. Hale said the bridge cost less than planned. \
                Critics doubted it. Hale said the council had checked every bill. \
                RIVERTON saying nothing had changed, residents left.";
    let proposals = extract_explained(text, &HashMap::new());
    let features = |source: &str| {
        proposals
            .iter()
            .find(|p| p.source == source)
            .map(|p| p.features.clone())
            .unwrap_or_else(|| panic!("no proposal by {source}: {proposals:?}"))
    };
    let hale = features("Ann Hale");
    assert!(hale.contains(&"source_named=<=3".to_string()), "{hale:?}");
    assert!(hale.contains(&"source_claims=<=2".to_string()), "{hale:?}");
    let once = features("RIVERTON");
    assert!(once.contains(&"source_named=<=1".to_string()), "{once:?}");
    assert!(once.contains(&"source_claims=<=1".to_string()), "{once:?}");
}

/// "His lawyer said", with no name: the speaker is that person's lawyer (a
/// person), not a source called "His lawyer" that every article's unnamed
/// lawyer would share.
#[test]
fn an_unnamed_his_lawyer_is_that_persons_lawyer() {
    let text = "Jo Reed, 40, was freed on Monday after two years in custody. \
                His lawyer said the ruling was long overdue.";
    let found = roles(text);
    assert!(
        found.contains(&("Jo Reed's lawyer".to_string(), Some("lawyer".to_string()))),
        "{found:?}"
    );
    assert_eq!(speakers::guess_kind("Jo Reed's lawyer"), "person");
    assert_eq!(speakers::guess_kind("Acme Holdings's shares"), "organization");
}

/// A source that is not one person gets the kind its head noun says, for
/// the draft's reviewer to confirm.
#[test]
fn bodies_are_guessed_outlets_agencies_governments_or_groups() {
    let cases = [
        ("Brevanian media", "media"),
        ("the state-run Kivo news agency", "media"),
        ("The Riverton Herald", "media"),
        ("Brevanian intelligence agencies", "agency"),
        ("The press service for the Kivo district court", "agency"),
        ("FSB", "agency"),
        ("Brevanian authorities", "government"),
        ("the Kivo government", "government"),
        ("Moscow", "government"),
        ("Britain", "government"),
        ("Harbour lawyers", "group"),
        ("the four men", "group"),
        ("Some analysts", "group"),
        ("Harbour Board officials", "group"),
        ("Riverton Post Office", "organization"),
        ("The Harbour Board", "organization"),
        ("Ann Vell", "person"),
    ];
    for (source, kind) in cases {
        assert_eq!(speakers::guess_kind(source), kind, "{source}");
    }
}

#[test]
fn a_holiday_is_no_person_for_he_to_mean() {
    assert_eq!(speakers::guess_kind("Boxing Day"), "organization");
    assert_eq!(speakers::guess_kind("Election Day"), "organization");
    assert_eq!(speakers::guess_kind("Doris Day"), "person");
    let found = run(
        "Tom Vale spoke on Tuesday. What happened on Boxing Day is hard to grasp. The town has failed, he claimed.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Tom Vale", "{found:?}");
}

/// A title before a name starts after the clause that runs into it ("His
/// remarks came as Foreign Secretary Ann Lowe said"), and a fragment that
/// ends in a function word is no title at all.
#[test]
fn a_title_before_a_name_leaves_the_clause_before_it_out() {
    let found =
        roles("His remarks came as Foreign Secretary Ann Lowe said the talks would resume next week.");
    assert!(
        found.contains(&("Ann Lowe".to_string(), Some("Foreign Secretary".to_string()))),
        "{found:?}"
    );
    assert_eq!(
        speakers::role_in("research by the Pew Centre", "Pew Centre"),
        None
    );
    assert_eq!(
        speakers::role_in("Tory MP Michael Mates", "Michael Mates"),
        Some("Tory MP".to_string())
    );
}

#[test]
fn a_claims_tokens_are_its_sentences_or_its_own() {
    let text = Text::new("He said: \"The U.S. budget, he said, is $3.5 billion.\" Then he left.");
    let sentences = text::sentences(&text);
    let [sentence, next] = sentences[..] else {
        panic!("{sentences:?}")
    };
    let tokens = text::tokens(&text, sentence);
    // What `plausible_content` reads of them: (a period an abbreviation
    // keeps in its sentence aside).
    let words = |tokens: &[Token]| {
        tokens
            .iter()
            .map(|t| {
                (
                    t.is_word(),
                    t.capitalized(),
                    t.lower().trim_end_matches('.').to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    // Every span inside the sentence, trimmed as claims are, reads the
    // same tokens from the sentence as tokenized alone.
    for start in sentence.start..sentence.end {
        for end in start + 1..=sentence.end {
            let content = text.trim(text::Span::new(start, end), ",.;: ");
            // Claims start and end where tokens do, but for the period of
            // an abbreviation that the trim leaves out ("the U.S").
            let cuts = |at: usize| {
                tokens.iter().any(|t| {
                    t.span.start < at && at < t.span.end && !(at + 1 == t.span.end && t.text.ends_with('.'))
                })
            };
            if content.is_empty() || cuts(content.start) || cuts(content.end) {
                continue;
            }
            let (shared, own) = (
                content_tokens(&text, &tokens, content),
                text::tokens(&text, content),
            );
            assert_eq!(words(&shared), words(&own), "{content:?}");
            for quoted in [false, true] {
                assert_eq!(
                    plausible_content(&shared, quoted),
                    plausible_content(&own, quoted)
                );
            }
        }
    }
    // A quotation that opened before the sentence: its own tokens.
    let later = text::tokens(&text, next);
    let across = text::Span::new(10, next.end - 1);
    assert!(matches!(content_tokens(&text, &later, across), Cow::Owned(_)));
    assert_eq!(
        words(&content_tokens(&text, &later, across)),
        words(&text::tokens(&text, across))
    );
}

#[test]
fn an_adjunct_after_the_cue_is_neither_the_claim_nor_the_end_of_one() {
    // The claim before the comma, past where and how it was said.
    for sentence in [
        "Turnout in the north had doubled, she said in a radio address to the party.",
        "The bridge will reopen in May, Mayor Ann Holt said after a meeting with engineers.",
        "Sales fell by a third, the company wrote in a filing to regulators on Friday.",
        "The talks had failed, Jo Reyes said to a crowd of about 2,000.",
    ] {
        let found = run(sentence);
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        let claim = sentence.split(',').next().unwrap();
        assert!(
            sentence.ends_with('.') && found[0].2 == claim,
            "{sentence}: {found:?}"
        );
    }
    // Nothing said but where or when: no claim.
    for sentence in [
        "Senator Lee Park spoke at length, and Park said during a visit to the plant.",
        "Governor Ann Holt testified before the committee on Tuesday.",
        "The minister said at the time.",
    ] {
        assert!(
            run(sentence).iter().all(|(_, _, content)| {
                !content.starts_with("during") && !content.starts_with("before") && !content.starts_with("at")
            }),
            "{sentence}: {:?}",
            run(sentence)
        );
    }
    // Still claims: a clause after the adjunct, a number's "at least", an
    // infinitive, and what other cues open with "of" or "about".
    let found = run("Mayor Ann Holt said at the meeting that the bridge would reopen.");
    assert_eq!(found[0].2, "the bridge would reopen");
    let found = run("The agency reported at least six new cases in the city.");
    assert_eq!(found[0].2, "at least six new cases in the city");
    let found = run("Governor Ann Holt warned about the cost of the new bridge.");
    assert_eq!(found[0].2, "about the cost of the new bridge");
    let found = run("Governor Ann Holt said in 2004 the plan was unhealthy.");
    assert_eq!(found.len(), 1, "{found:?}");
    // A thousands separator is not the comma before the speaker.
    let found = run("The crowd was far short of the 50,000 per day officials estimated before the opening.");
    assert!(
        found.iter().all(|(source, _, _)| !source.starts_with("000")),
        "{found:?}"
    );
}

#[test]
fn a_participles_phrase_is_no_speaker() {
    let found =
        run("The paper said it had a duty to publish the letters, based on documents found in Kabul.");
    assert!(
        found.iter().all(|(source, _, _)| source != "based on documents"),
        "{found:?}"
    );
    assert_eq!(found[0].0, "The paper");
}

#[test]
fn groups_of_people_speak_in_any_place_of_the_sentence() {
    // A group whose noun the speaker nouns do not list, by its ending.
    let found = run("In several cases, bank executives say, they were asked to keep the files.");
    assert_eq!(found[0].0, "bank executives", "{found:?}");
    // A share of people.
    let found = run("About two-thirds say they will vote for the mayor.");
    assert_eq!(found[0].0, "About two-thirds", "{found:?}");
    // The subject of a clause after a conjunction or a "why".
    let found = run("That is why critics say the plan had failed.");
    assert_eq!(
        found,
        vec![("critics".into(), "say".into(), "the plan had failed".into())]
    );
    let found = run("The shares rose sharply on Monday, but many analysts say the rally will fade.");
    assert_eq!(found[0].0, "many analysts", "{found:?}");
    // (A phrase that ends in a group is not a subject.)
    let found = run("The play explores courage and strength through ordinary women telling their stories.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_inverted_speaker_may_have_a_relative_clause_of_their_own() {
    let found =
        run("A quieter campaign may not be a bad thing, say some Democrats, who remember the last one.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "A quieter campaign may not be a bad thing");
    assert!(found[0].0.ends_with("Democrats"), "{found:?}");
    // Its report is theirs too.
    let found =
        run("The show will open in March, said Mr Jo Lee, who added that no other star had signed yet.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].2, "The show will open in March");
    assert!(found.iter().all(|(source, _, _)| source == "Jo Lee"), "{found:?}");
}

#[test]
fn the_subject_of_did_a_and_said_s_may_be_described_or_named_before() {
    // A subject described, not named.
    assert_single_speaker(&[
        (
            "The league denounced the remarks and said it would return the donations.",
            "The league",
        ),
        (
            "At a meeting on Tuesday, some senators vented about the delay and said they had lost patience.",
            "some senators",
        ),
        (
            "The senator walked in and said his campaign was closing strong.",
            "The senator",
        ),
    ]);
    // "but" as "and"; a clause cut at its conjunction is no speaker.
    let found = run("Acme Corp backed the price cuts but said regulation was still needed.");
    assert_eq!(found[0].0, "Acme Corp", "{found:?}");
    let found = run("The album came out and confirmed the band was back.");
    assert!(
        found.iter().all(|(source, _, _)| !source.ends_with("and")),
        "{found:?}"
    );
    // "X said A but argued B": the earlier report's speaker.
    let found = run(
        "The Votes at 16 alliance said it was a good thing but argued that a lower voting age would work better.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, found[0].0, "{found:?}");
    // (A base form after a modal is no report; a capitalized word is a name.)
    let found = run("The broadcasters could cancel the debate and explain their reasons to viewers.");
    assert!(found.is_empty(), "{found:?}");
    let found = run("Such analysis usually takes months but Respond gets it done in a day.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_subject_with_a_relative_clause_speaks() {
    // The subject before its relative clause, before or after the cue.
    assert_single_speaker(&[
        (
            "Farmers and others who oppose the new levy said it would close small dairies.",
            "Farmers and others",
        ),
        (
            "Neighbours of Mrs. Okafor's who have met her at the market say she is ready to run.",
            "Neighbours of Mrs. Okafor's",
        ),
        (
            "The levy will close small dairies, said a regional official who asked not to be named.",
            "a regional official",
        ),
        (
            "\"The levy is a mistake,\" said Priya Nair who runs a dairy near Leeds.",
            "Priya Nair",
        ),
    ]);
    // A pronoun alone names no one; a clause ending in a name or a pronoun
    // holds the speaker ("women who he said ..."); a noun after "the
    // biggest" is no cue; a clause with a report of its own is not the
    // subject's.
    for sentence in [
        "Those who oppose the levy say it will close small dairies.",
        "He praised the pensioners, especially women who he said are most likely to be poor.",
        "The farmer who staked the biggest claim to the land was Tom Hale.",
        "The man who said he saw the lorry denied that it was speeding.",
    ] {
        let found = run(sentence);
        assert!(
            found.iter().all(|(source, _, _)| !matches!(
                source.as_str(),
                "Those" | "especially women" | "The farmer" | "The man"
            )),
            "{sentence}: {found:?}"
        );
    }
}

#[test]
fn a_name_an_age_and_a_role_before_the_cue() {
    // The name speaks, not the role or the place after the age; the role
    // after an age alone is the speaker's.
    for (sentence, speaker, role) in [
        (
            "Ada Kowalski, 61, a retired nurse, said the clinic had closed.",
            "Ada Kowalski",
            Some("retired nurse"),
        ),
        (
            "Tom Reyes, 44, MP for Whitby in Yorkshire, said the clinic had closed.",
            "Tom Reyes",
            Some("MP for Whitby in Yorkshire"),
        ),
        (
            "Ben Ode, 26, from Cardiff, Wales, said the clinic had closed.",
            "Ben Ode",
            None,
        ),
    ] {
        let found = roles(sentence);
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        assert_eq!(found[0].0, speaker, "{sentence}");
        assert_eq!(found[0].1.as_deref(), role, "{sentence}");
    }
}

#[test]
fn a_quotation_whose_cue_is_followed_by_where_or_to_whom_is_spoken() {
    // A question, its attribution carrying on past the cue: one sentence,
    // and the quotation is what was said; so is a single word.
    for (sentence, speaker, claim) in [
        (
            "\"Who pays for the bridge?\" Dana Ode said to a crowd of about 300.",
            "Dana Ode",
            "Who pays for the bridge?",
        ),
        (
            "\"Gladly,\" she replied when the host asked again.",
            "she",
            "Gladly",
        ),
    ] {
        let found = run(sentence);
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].2.as_str()),
            (speaker, claim),
            "{sentence}"
        );
    }
    // A title quoted inside the sentence is still no claim.
    let found = run("In his book \"Be Rich,\" he suggested to readers that saving is good.");
    assert!(found.iter().all(|(_, _, claim)| claim != "Be Rich"), "{found:?}");
}

#[test]
fn an_aside_in_parentheses_after_the_speaker_is_left_out() {
    let found = run("Okafor (who has won 25 seats so far) said the count would take a week.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Okafor");
    assert_eq!(found[0].2, "the count would take a week");
}

#[test]
fn added_up_is_a_sum_not_speech() {
    let found = run("In 2004, the town's imports from Spain (and Portugal) added up to 20bn euros.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_subject_speaks_after_but_a_name_after_the_and_a_quote_s_comma() {
    assert_single_speaker(&[
        // ", but told": the sentence's subject.
        (
            "Mensah did not name his rivals, but told the crowd that the county was in trouble.",
            "Mensah",
        ),
        // "the" and a name whose verb follows it.
        (
            "In a radio interview, the Ohio Democrat criticized the budget and said the cuts went too far.",
            "Ohio Democrat",
        ),
        // A capitalized adjective and the post after it, whole.
        (
            "The Florida senator took a heckler in stride, saying the man was harmless.",
            "The Florida senator",
        ),
        // A participle after a quotation that holds the comma.
        (
            "Dana Ode called the plan a \"reckless gamble,\" adding that the county could not afford it.",
            "Dana Ode",
        ),
    ]);
    // A nationality or a place before a lowercase noun is no subject.
    for sentence in [
        "And the Dutch midfield player admires his coach and says the club will win the cup.",
        "Ghana coach Kofi Mensah believes the team is tired, but claims it will help them.",
    ] {
        let found = run(sentence);
        assert!(
            found
                .iter()
                .all(|(source, _, _)| !matches!(source.as_str(), "Dutch" | "Ghana")),
            "{sentence}: {found:?}"
        );
    }
}

#[test]
fn a_clause_after_which_he_said_a_share_and_a_pronoun_after_a_time() {
    for (sentence, speaker, claim) in [
        // A clause with its own subject after "which NP said".
        (
            "She backed a new bridge at the ford, which she said the county should pay for.",
            "she",
            "the county should pay for",
        ),
        (
            "The video shows a town meeting, in which he says he will cut the tax.",
            "he",
            "he will cut the tax",
        ),
        // A share of people written in fourths.
        (
            "Most farmers back the levy, and three-fourths say the county should raise it.",
            "three-fourths",
            "the county should raise it",
        ),
        // A pronoun after when it spoke.
        (
            "Where she once praised the plan, on Tuesday night she said it had failed.",
            "she",
            "it had failed",
        ),
    ] {
        let found = run(sentence);
        assert!(
            found
                .iter()
                .any(|(source, _, content)| source == speaker && content == claim),
            "{sentence}: {found:?}"
        );
    }
}

#[test]
fn a_phrase_after_which_he_wrote_is_no_claim() {
    // A noun phrase, not a clause, follows the cue.
    let found = run("The second episode, for which he also wrote the original story, will air in May.");
    assert!(found.is_empty(), "{found:?}");
    // A relative clause about the speaker's body is no speaker.
    let found = run("Jo Hale, head of Acme, which represents small firms, said that more firms would close.");
    assert!(
        found.iter().all(|(source, _, _)| !source.contains("represents")),
        "{found:?}"
    );
}

#[test]
fn capitals_after_a_possessive_or_a_qualify_a_noun_and_name_no_one() {
    // "his New Year message" names no one, so "He" is not "New Year".
    let found = run(
        "Ann Cole spoke in Leeds on Friday. In her New Year message the party leader praised the staff. \
         She said the party was ready for the election.",
    );
    assert!(
        found.iter().all(|(source, _, _)| source != "New Year"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(source, _, _)| source == "Ann Cole"),
        "{found:?}"
    );
}

#[test]
fn a_lowercase_role_before_an_inverted_speaker_is_part_of_the_speaker() {
    assert_single_speaker(&[
        (
            "\"The office is committed to openness,\" said spokesman Tom Reed.",
            "Tom Reed",
        ),
        (
            "\"Prices will settle by spring,\" said energy analyst Ana Ruiz, who follows the market.",
            "Ana Ruiz",
        ),
        (
            "\"The figures are weak,\" said senior economist Jo Park.",
            "Jo Park",
        ),
    ]);
    // The role goes to the draft's role, not the name.
    let found = roles("\"The office is committed to openness,\" said spokesman Tom Reed.");
    assert_eq!(found, vec![("Tom Reed".into(), Some("spokesman".into()))]);
    // Any occupation before a full name ("editor", "critic", "team
    // manager"), not only the posts a speaker is often described by.
    assert_single_role(&[
        (
            "\"The songs share a formula,\" said editor Nadia Brell.",
            "Nadia Brell",
            "editor",
        ),
        (
            "\"The film is too long,\" said critic Owen Tarrant.",
            "Owen Tarrant",
            "critic",
        ),
        (
            "\"We are ready for the test,\" said team manager Lou Garnier.",
            "Lou Garnier",
            "team manager",
        ),
    ]);
    // Two of them, joined: the one next to the cue, with his own role, not
    // the other's role and name.
    assert_eq!(
        roles("\"We had to take a kicking first,\" singer Ray Dunn and drummer Ed Moyle said."),
        vec![("Ed Moyle".into(), Some("drummer".into()))]
    );
}

#[test]
fn where_a_person_works_is_not_the_speaker() {
    assert_single_speaker(&[
        (
            "\"Demand is weak,\" said Ana Ruiz of Fenwick Capital.",
            "Ana Ruiz",
        ),
        (
            "\"Demand is weak,\" said analyst Tom Reed at Lowell Brothers in Boston.",
            "Tom Reed",
        ),
        (
            "\"Demand is weak,\" said Jo Park of the Hollis Institute.",
            "Jo Park",
        ),
        // "From" a place too, set off by a comma or not.
        (
            "\"Kids love the sound,\" said Jay Lebov from Seatwise.",
            "Jay Lebov",
        ),
        (
            "\"Growth will remain,\" said Emil Ferrand, from Hollis Capital.",
            "Emil Ferrand",
        ),
        // A peer's "of" is part of the name.
        (
            "\"The bill is flawed,\" said Lord Ashby of Westfield.",
            "Lord Ashby of Westfield",
        ),
        // A role and a name after the place: that name speaks.
        (
            "\"Growth will slow,\" said National Office of Statistics chief Li Wen.",
            "Li Wen",
        ),
        // One capitalized word before "of" is no person's name, and a
        // body's name is whole, without its article.
        (
            "\"Rates will stay,\" said the Bank of Portland.",
            "Bank of Portland",
        ),
    ]);
}

#[test]
fn a_claim_may_open_with_when_or_while_if_its_main_clause_follows() {
    let found = run("While the vote is close, the mayor will win the seat, Jo Park said.");
    assert_eq!(
        found,
        vec![(
            "Jo Park".into(),
            "said".into(),
            "While the vote is close, the mayor will win the seat".into()
        )]
    );
    let found = run("The agency said when the planes arrive, it will carry more passengers.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].2.starts_with("when the planes arrive, it will"),
        "{found:?}"
    );
    // A clause with no main clause after it is not a claim on its own.
    assert!(
        run("The mayor smiled when the vote came in, Jo Park said.")
            .iter()
            .all(|p| !p.2.starts_with("when"))
    );
    // Nor is a lowercase "on" after the cue ("added on, kept the ball").
    assert!(
        run("Tom Reed added on, kept the ball in the corner and scored late.")
            .iter()
            .all(|p| !p.2.starts_with("on"))
    );
}

#[test]
fn a_quotation_may_end_in_a_quote_of_its_own_in_straight_marks() {
    assert_single_speaker(&[
        (
            "\"You can walk off and say, 'Well done,' \" said Jo Park.",
            "Jo Park",
        ),
        ("\"It was the 'right thing,'\" Tom Reed said.", "Tom Reed"),
    ]);
}

#[test]
fn a_colon_after_the_cue_opens_the_speakers_own_quotation() {
    let (speaker, _, claim) =
        single("\"We will ask: 'Why?'\" Jo Park, the coach, added: \"We want more of it.\"");
    assert_eq!(speaker, "Jo Park");
    assert_eq!(claim, "We want more of it");
}

#[test]
fn a_plural_possessive_in_an_appositive_is_no_quote_mark() {
    assert_single_speaker(&[
        (
            "“We believe in change,” Jo Park, Sanders’ campaign manager, said in a statement.",
            "Jo Park",
        ),
        (
            "\"We believe in change,\" Jo Park, the Democrats' leader, said.",
            "Jo Park",
        ),
    ]);
}

#[test]
fn a_question_then_what_it_was_said_of_is_one_sentence() {
    let (_, _, claim) =
        single("“Who do they think they are?” Jo Park said of the firm in May, when it balked at the order.");
    assert_eq!(claim, "Who do they think they are?");
}

#[test]
fn a_day_and_a_place_after_the_cue_leave_the_claim_before_it() {
    let (_, _, claim) = single("The plan is a disgrace, Jo Park said Tuesday in Leeds, noting the costs.");
    assert_eq!(claim, "The plan is a disgrace");
}

#[test]
fn a_name_and_a_phrase_about_it_before_the_cue_speak() {
    assert_single_claim(&[
        (
            "The race is not over, his top aide, Tad Reed, said.",
            "Tad Reed",
            "The race is not over",
        ),
        (
            "The race is not over, Tad Reed, his top aide, said on Monday.",
            "Tad Reed",
            "The race is not over",
        ),
        (
            "The race is not over, his top aide, Tad Reed, told The Daily Ledger.",
            "Tad Reed",
            "The race is not over",
        ),
    ]);
    // A quotation between the commas is no phrase about a name.
    assert!(
        run("\"The rules are clear,\" a statement on behalf of Jo Lee, Trade Secretary, said.")
            .iter()
            .all(|p| p.0 != "Trade Secretary")
    );
}

#[test]
fn the_subject_of_a_clause_that_opens_before_the_cue_speaks() {
    // A clause, a conjunction, and the subject of the clause it opens.
    assert_single_speaker(&[
        (
            "The shares tumbled after the firm warned profits would halve.",
            "the firm",
        ),
        (
            "The talks stalled as the union said its members would strike.",
            "the union",
        ),
        (
            "The deal came weeks after Jo Park told reporters the plant would close.",
            "Jo Park",
        ),
    ]);
    // A pronoun there stands for the name that opens the sentence.
    assert_single_speaker(&[
        (
            "Dana Wills was jeered when she said the tax would stay.",
            "Dana Wills",
        ),
        (
            "Senate Democrats blocked the bill because they said the rule was a trap.",
            "Senate Democrats",
        ),
    ]);
    // (One word and a verb known only by its "s" may be a noun phrase.)
    let found = run("Phone firms refuse to pay because they say calls must be paid for.");
    assert!(found.iter().all(|p| p.0 != "Phone"), "{found:?}");
    // What follows the conjunction is no subject: an adjunct, a verb, a time.
    for sentence in [
        "Shops reported strong sales before Christmas with some claiming record crowds.",
        "His reign ended after the cup final when he made controversial remarks about referees.",
        "Papers released after 30 years reveal the talks had failed.",
    ] {
        let found = run(sentence);
        assert!(
            found.iter().all(
                |p| !["Christmas with some", "he made controversial", "30 years"].contains(&p.0.as_str())
            ),
            "{sentence}: {found:?}"
        );
    }
}

#[test]
fn a_finding_with_that_is_reported_whoever_found_it() {
    assert_single_speaker(&[
        (
            "The authors found that wages fell in the towns hit hardest by imports.",
            "The authors",
        ),
        (
            "Their experience shows that a carbon tax can work.",
            "Their experience",
        ),
    ]);
    // Not a finding: a noun, an intention or a negation.
    assert_no_proposal(&[
        "The network taped an hourlong show that aired on Thursday.",
        "The channel runs an early morning weekend show that plays old records.",
        "They hope to find that the money was spent well.",
        "Officials did not find that the rules were broken.",
    ]);
}

#[test]
fn a_participle_aside_may_hold_a_phrase_about_a_place() {
    assert_single_speaker(&[
        (
            "Sen. Jo Park, facing a tough race in Ohio, a swing state, said she would welcome the help.",
            "Jo Park",
        ),
        (
            "Tad Reed, speaking in Leeds, a Labour stronghold, said the vote was close.",
            "Tad Reed",
        ),
    ]);
}

#[test]
fn after_said_an_occupation_before_a_name_and_a_time_after_it_are_not_the_name() {
    for (sentence, speaker) in [
        (
            "\"I will not say it was a mistake,\" said retired surgeon Ben Okafor.",
            "Ben Okafor",
        ),
        (
            "\"The tape exists,\" said former tech executive Carla Dunn during the debate.",
            "Carla Dunn",
        ),
        (
            "\"Adults can choose,\" said Culture Secretary Tess Joel after the meeting.",
            "Tess Joel",
        ),
    ] {
        let found = extract(sentence, &HashMap::new());
        assert_eq!(found.len(), 1, "{sentence}");
        assert_eq!(found[0].source, speaker, "{sentence}");
        assert!(
            !found[0].mention.text.contains(" the "),
            "{sentence}: {}",
            found[0].mention.text
        );
    }
}

#[test]
fn a_time_of_several_words_after_a_final_cue_is_its_tail() {
    assert_single_claim(&[
        (
            "The plan will fail, the agency said last week.",
            "the agency",
            "The plan will fail",
        ),
        (
            "The plan will fail, the agency said late Thursday.",
            "the agency",
            "The plan will fail",
        ),
        (
            "The plan will fail, the agency said earlier this year.",
            "the agency",
            "The plan will fail",
        ),
    ]);
}

#[test]
fn a_plural_noun_form_set_off_after_its_speaker_is_a_cue() {
    assert_single_speaker(&[
        (
            "\"Look at the statement he put out,\" Kay Conn notes.",
            "Kay Conn",
        ),
        ("The tax burden would have to rise, Jo Lee claims.", "Jo Lee"),
        ("Voters, Frank remarks, want the plan scrapped.", "Frank"),
    ]);
    // Not set off: a noun.
    assert!(run("He rejected the charge and the Republican claims.").is_empty());
}

#[test]
fn as_reported_by_a_source_opens_its_claim() {
    for (sentence, speaker, claim) in [
        (
            "As reported by the Ledger, investigators found 200 more emails.",
            "Ledger",
            "investigators found 200 more emails",
        ),
        (
            "As first reported by Jo Lee, the deal collapsed.",
            "Jo Lee",
            "the deal collapsed",
        ),
    ] {
        let found = single(sentence);
        assert_eq!(
            (found.0.as_str(), found.1.as_str(), found.2.as_str()),
            (speaker, "reported", claim)
        );
    }
    // A participle that is no report.
    assert!(run("As expected by analysts, prices rose.").is_empty());
}

#[test]
fn a_share_of_people_may_open_with_only_and_repeat_itself_as_a_figure() {
    assert_single_speaker(&[
        (
            "A third of independents, 33%, say they feel that way.",
            "A third of independents",
        ),
        (
            "Only 49 percent of Republicans say the plan is fair.",
            "Only 49 percent of Republicans",
        ),
    ]);
}

/// A letter with no lowercase form (a mathematical capital) stays
/// uppercase in a token's lowercase text; the cue lookup takes it as it is.
#[test]
fn letters_without_a_lowercase_form_are_read_as_they_are() {
    let text = "Title line\n\nThe 𝐀𝐁𝐂 report was out. Ann Fox said 𝐒𝐀𝐈𝐃 was the word.";
    let proposals = extract(text, &HashMap::new());
    assert_eq!(proposals.len(), 1, "{proposals:?}");
    assert_eq!(proposals[0].source, "Ann Fox");
}

/// The confidence is the same whether the features are kept by name or
/// only scored, and the named features score to it.
#[test]
fn confidence_does_not_depend_on_keeping_the_feature_names() {
    let text = "Title line\n\nMayor Ann Hale said the bridge cost less. \"It was cheap,\" Hale said. \
                Critics, who doubted it, said the council had checked every bill, according to a report.";
    let scored = extract(text, &HashMap::new());
    let explained = extract_explained(text, &HashMap::new());
    assert!(scored.len() >= 3, "{scored:?}");
    assert_eq!(scored.len(), explained.len());
    for (a, b) in scored.iter().zip(&explained) {
        assert!(a.features.is_empty());
        assert!(b.features.len() > 10, "{:?}", b.features);
        assert_eq!(a.confidence, b.confidence);
        assert!((confidence::probability(&b.features) - b.confidence).abs() < 1e-12);
        assert!(a.confidence > 0.0 && a.confidence < 1.0);
    }
}

#[test]
fn a_perfect_cue_after_the_claim_keeps_its_speaker() {
    // The BBC's lede: "S, NP has said." The auxiliary is no part of the
    // speaker, and the speaker is still found after a pronoun or a plural.
    assert_single_claim(&[
        (
            "The ferry levy will be scrapped next year, Harbour Minister Ann Vale has said.",
            "Ann Vale",
            "The ferry levy will be scrapped next year",
        ),
        (
            "Council budgets are too tight to mend the pier, local councillors have warned.",
            "local councillors",
            "Council budgets are too tight to mend the pier",
        ),
    ]);
    assert_eq!(single("The pier will reopen in May, she has said.").1, "said");
}

#[test]
fn a_qualified_role_before_a_name_is_what_its_description_means() {
    // "Green leader Tom Reed" is "the Green leader" later, where "leader"
    // alone was learned before; another party's leader stays as written.
    let text = "Green leader Tom Reed spoke in Leeds. Rail fares are too high, the Green leader said. \
                Buses are cheap enough, the Red leader said.";
    assert_eq!(sources(text), vec!["Tom Reed", "the Red leader"]);
    // A day or an opening adverb before the role qualifies nothing: the
    // role the draft gives is the party's.
    let text = "On Monday Green spokesman Tom Reed spoke. Meanwhile Red spokeswoman Amy Hill \
                said the fares were fair. Mr Reed said fares were too high.";
    let found = roles(text);
    assert!(
        found.contains(&("Amy Hill".to_string(), Some("Red spokeswoman".to_string()))),
        "{found:?}"
    );
    assert!(
        found.contains(&("Tom Reed".to_string(), Some("Green spokesman".to_string()))),
        "{found:?}"
    );
}

#[test]
fn the_description_after_a_named_lede_is_the_ledes_speaker() {
    // News style names the speaker in the lede and describes them in the
    // next sentence.
    let text = "Ferry Line\n\nThe harbour will close in May, Tom Reed has said.\n\n\
                The transport secretary said the ferries were unsafe. Later the transport secretary \
                told MPs the harbour would reopen.";
    assert_eq!(sources(text), vec!["Tom Reed", "Tom Reed", "Tom Reed"]);
    // Not when the article gives the lede's speaker another role: the
    // description is someone else.
    let text = "Ferry Line\n\nThe harbour will close in May, shadow transport secretary Tom Reed has said.\n\n\
                The transport secretary said the ferries were safe.";
    assert_eq!(sources(text), vec!["Tom Reed", "The transport secretary"]);
    // Nor past the sentence after the lede.
    let text = "Ferry Line\n\nThe harbour will close in May, Tom Reed has said.\n\n\
                Fares rose in April. The transport secretary said the ferries were unsafe.";
    assert_eq!(sources(text), vec!["Tom Reed", "The transport secretary"]);
}

#[test]
fn a_claim_inside_a_report_ends_where_the_report_is_attributed() {
    // Both are proposals; the MP's claim does not run on into the
    // report's attribution.
    for text in [
        "A Green MP suggested the fares were too high, a new report has said.",
        "A Green MP suggested the fares were too high, a new report said.",
    ] {
        let found = run(text);
        assert!(
            found.contains(&(
                "Green MP".into(),
                "suggested".into(),
                "the fares were too high".into()
            )),
            "{text}: {found:?}"
        );
        assert!(
            found.contains(&(
                "a new report".into(),
                "said".into(),
                "A Green MP suggested the fares were too high".into()
            )),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_report_inside_a_pronouns_report_is_theirs() {
    // "He said S" where S is itself a finding: one claim, his, and no
    // speaker called "He said the survey".
    let found = run("Tom Reed spoke in Leeds. He said the survey showed that fares were rising.");
    assert_eq!(
        found,
        vec![(
            "Tom Reed".into(),
            "said".into(),
            "the survey showed that fares were rising".into()
        )]
    );
}

#[test]
fn the_speaker_is_found_inside_the_words_around_it() {
    // An opening phrase without its comma, a time before the name, an
    // adverb after it: the speaker is the name or the pronoun.
    let text = "Tom Reed spoke in Leeds. Speaking at the harbour he said the ferries were unsafe. \
                Last week the council said the pier would close. Mr Reed meanwhile said fares would rise. \
                Wednesday Mr Reed said the port was busy. Amy Hill vigorously denied the fares were high.";
    let found: Vec<(String, String)> = extract(text, &HashMap::new())
        .into_iter()
        .map(|p| (p.mention.text, p.source))
        .collect();
    let expected = [
        ("he", "Tom Reed"),
        ("the council", "the council"),
        ("Mr Reed", "Tom Reed"),
        ("Mr Reed", "Tom Reed"),
        ("Amy Hill", "Amy Hill"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(m, s)| (m.to_string(), s.to_string()))
        .collect();
    assert_eq!(found, expected);
    // "after he": the name just before is who he is; a family is no adverb,
    // nor a month a time before a first name.
    let found = run("The club repaid £500,000 to Lord Vale after he said the club could not win.");
    assert_eq!(found[0].0, "Lord Vale", "{found:?}");
    let found: Vec<String> = extract(
        "Ferry fares are too high, his family said. June Carter told reporters the pier was unsafe.",
        &HashMap::new(),
    )
    .into_iter()
    .map(|p| p.mention.text)
    .collect();
    assert_eq!(found, vec!["his family", "June Carter"]);
}

#[test]
fn claims_and_reports_that_are_nouns_are_no_cues() {
    // The object of a denial, after "fresh" or "amid", or after a name
    // that follows a preposition: nobody is claiming there.
    for text in [
        "Mr Reed refused to deny claims the harbour would close.",
        "The vote came amid fresh claims the count was wrong.",
        "She categorically denied reports she would resign.",
        "He hit back at Green claims he had misled voters.",
        "The party got into trouble over its central claim the fares would fall.",
    ] {
        let found = run(text);
        assert!(
            found
                .iter()
                .all(|(_, cue, _)| !matches!(cue.as_str(), "claims" | "reports" | "claim")),
            "{text}: {found:?}"
        );
    }
    // A verb still: a speaker before it, with no determiner.
    assert_eq!(single("The council claims the harbour is safe.").1, "claims");
}

/// "It" is the last speaker that is no person: not the chief executive
/// quoted after the firm, not a day or a share of people. "They" is not
/// one person either.
#[test]
fn it_and_they_pass_over_the_person_quoted_last() {
    assert_eq!(
        sources(
            "Kelso Mining said output would rise. Its chief executive Jo Reed said the mine was safe. \
             It also said prices would fall."
        ),
        vec!["Kelso Mining", "Jo Reed", "Kelso Mining"]
    );
    // A name that only looks like a person's is what "it" means, unless
    // the article writes it with "Mr" or gives it a role.
    assert_eq!(
        sources("Harlow Rovers said the fee was fair. It added that the deal was done."),
        vec!["Harlow Rovers", "Harlow Rovers"]
    );
    assert_eq!(
        sources("Mr Harlow said the fee was fair. Harlow Rovers told fans the club was safe. It added that the deal was done.")
            .last()
            .map(String::as_str),
        Some("Harlow Rovers")
    );
    assert_eq!(
        sources(
            "Dan Harlow said the fee was fair, Mr Harlow told reporters. It added that the deal was done."
        )
        .last()
        .map(String::as_str),
        Some("It")
    );
    // A share of people speaks, then "it" is the study.
    assert_eq!(
        sources(
            "Acme Research said buyers were wary. One in five said they would buy more. It said prices would fall."
        ),
        vec!["Acme Research", "One in five", "Acme Research"]
    );
    // "They": the party, not its leader quoted after it; no one when only
    // a person spoke before.
    assert_eq!(
        sources(
            "The Liberal Democrats said taxes would rise. Party leader Jo Reed said the plan was fair. They say the rich should pay."
        ),
        vec!["Liberal Democrats", "Jo Reed", "Liberal Democrats"]
    );
    assert_eq!(
        sources("Jo Reed said the plan was fair. They say the rich should pay."),
        vec!["Jo Reed", "They"]
    );
}

/// "Lib Dems" is a party, so "he" after it is the person named before.
#[test]
fn a_party_written_short_is_no_person() {
    assert_eq!(
        sources(
            "Jo Reed said the plan was fair. The Lib Dems said it was not. He added that he would not resign."
        ),
        vec!["Jo Reed", "Lib Dems", "Jo Reed"]
    );
}

/// Military, police and church ranks are titles before a name, however
/// many words come before them.
#[test]
fn ranks_before_a_name_are_titles() {
    assert_eq!(
        sources(
            "Former British Commander Colonel Jo Reed said the verdict was sad. \
             \"We act properly,\" he said. Assistant Chief Constable Dan Wells said talks went well. \
             The cardinal said poverty mattered, Cardinal Tom Hale told reporters."
        ),
        vec!["Jo Reed", "Jo Reed", "Dan Wells", "Tom Hale", "Tom Hale"]
    );
    assert_eq!(
        sources("Tory Treasurer Lord Reed said the gift was lawful."),
        vec!["Lord Reed"]
    );
}

/// A spokesman for a body is a person: "he" after him is his body's
/// word again, not the person named before.
#[test]
fn he_after_a_bodys_spokesman_is_the_body() {
    assert_eq!(
        sources(
            "Minister Jo Reed said the plan was fair. A spokesman for the Harlow Casino Association said it was not. \
             He said firms would lose out."
        ),
        vec![
            "Jo Reed",
            "Harlow Casino Association",
            "Harlow Casino Association"
        ]
    );
}

/// An occupation, a party, a country or a body's name written before a
/// person's is no part of it; a name of three words, or a body's, stays.
#[test]
fn what_qualifies_a_name_is_left_out_of_it() {
    assert_eq!(
        sources(
            "Singer Jo Reed said the tour was over. Tory Dan Wells said taxes would rise. \
             Harlow Society chairman Tom Hale said the vote was fair. Striker Ann Vale said she would stay. \
             Vale added that the club was happy."
        ),
        vec!["Jo Reed", "Dan Wells", "Tom Hale", "Ann Vale", "Ann Vale"]
    );
    for (text, source) in [
        ("Juan Carlos Reed said the tour was over.", "Juan Carlos Reed"),
        (
            "British Phonographic Industry said sales of albums rose by a fifth.",
            "British Phonographic Industry",
        ),
        (
            "China Central Television said the report was false.",
            "China Central Television",
        ),
        (
            "Stockholm International Film Festival said the prize was fair.",
            "Stockholm International Film Festival",
        ),
    ] {
        assert_eq!(sources(text), vec![source], "{text}");
    }
}

/// A sentence's opening conjunction or adverb is no part of the speaker
/// after it.
#[test]
fn an_opening_conjunction_is_no_part_of_the_speaker() {
    assert_eq!(
        sources("Earlier Jo Reed said the plan was fair. Although Acme said profits rose, its shares fell."),
        vec!["Jo Reed", "Acme"]
    );
}

#[test]
fn a_second_cue_of_the_same_speaker_ends_the_first_claim() {
    for (sentence, claims) in [
        (
            "Ms Fenwick said the harbour plan was sound and promised a vote on it next month.",
            vec![
                ("said", "the harbour plan was sound"),
                ("promised", "a vote on it next month"),
            ],
        ),
        (
            "Ms Fenwick said the ferry was late again, adding that the timetable would change.",
            vec![
                ("said", "the ferry was late again"),
                ("adding", "the timetable would change"),
            ],
        ),
        (
            "Ms Fenwick said the offer was \"fair,\" adding that it would pass.",
            // (The comma inside the closing mark is the sentence's.)
            vec![("said", "the offer was \"fair\""), ("adding", "it would pass")],
        ),
        (
            "Ms Fenwick denied the plan was dead - or dying - but said it needed money.",
            vec![
                ("denied", "the plan was dead - or dying"),
                ("said", "it needed money"),
            ],
        ),
    ] {
        let found = run(sentence);
        let found: Vec<(&str, &str)> = found.iter().map(|p| (p.1.as_str(), p.2.as_str())).collect();
        assert_eq!(found, claims, "{sentence}");
    }
}

#[test]
fn pronouns_never_mean_a_party_or_a_body() {
    // A party's two-word name ("both Tory and Lib Dem leaders") is no
    // person, and nor is it the surname of the next sentence's subject.
    let found = run("The plan was mocked by both Tory and Lib Dem leaders on Monday. \
         Lib Dem Sir Alec Finch, who chairs the harbour committee, spoke first. \
         He added the ferry was \"duty bound\" to run.");
    assert_eq!(
        found.last().map(|p| p.0.as_str()),
        Some("Sir Alec Finch"),
        "{found:?}"
    );
    // "the Commons Work and Pensions Committee": "Commons Work" is part of
    // a body's name, not the woman "she" means.
    let found = run("A harbour board spokeswoman confirmed the ferry was late. \
         In May the MPs of the Commons Transport and Harbours Committee wrote a report. \
         \"No date was ever given,\" she said.");
    assert_eq!(
        found.last().map(|p| p.0.as_str()),
        Some("A harbour board spokeswoman"),
        "{found:?}"
    );
    // A body whose last word opens the sentence is no "she" of the next
    // one: "Harbour Office minister Ann Roe" is about Ann Roe.
    let found = run("The Harbour Office has said the ferry is late. \
         Harbour Office minister Ann Roe said she hoped it would run. \
         \"I work with the crew every day,\" she said.");
    assert_eq!(found.last().map(|p| p.0.as_str()), Some("Ann Roe"), "{found:?}");
}

#[test]
fn a_sentence_s_subject_after_its_opening_phrase_is_whom_he_means() {
    // Not the programme's name, however much it looks like a person's.
    let found = run("Ferry minister Tom Vale said the fares would rise. \
         Speaking on Radio Kent's Morning Show, Mr Vale hinted the ferry might close. \
         \"There are people on very low incomes,\" he said.");
    assert_eq!(found.last().map(|p| p.0.as_str()), Some("Tom Vale"), "{found:?}");
}

#[test]
fn he_after_a_body_s_spokesman_is_the_spokesman() {
    // The spokesman's words are the body's; "he" goes on to mean him, not
    // the minister named before.
    assert_eq!(
        sources(
            "Ferry minister Tom Vale said the fares would rise. \
             A Harbour Board spokesman said the ferry was safe. \
             He added that the crew was trained."
        ),
        ["Tom Vale", "Harbour Board", "Harbour Board"]
    );
}

#[test]
fn a_passive_cue_gives_the_subject_no_words() {
    assert_no_proposal(&[
        "The harbour master was asked why the ferry had been late.",
        "The harbour master was once asked how the strike would end.",
        "Wheelchair user Tom Vale was asked: \"Why do you want the ferry?\"",
        "The harbour master widely reported to have resigned is still in post.",
        "The harbour master is said to be furious about the ferry.",
    ]);
    // The subject's own promise is no passive.
    assert_single_claim(&[(
        "The harbour master pledged to be \"the toughest master the port has had\".",
        "The harbour master",
        "to be \"the toughest master the port has had\"",
    )]);
}

#[test]
fn a_letter_s_words_follow_its_addressee() {
    assert_single_claim(&[
        (
            "Harbour chief Ann Roe has written to the council saying: \"The ferry must run.\"",
            "Ann Roe",
            "The ferry must run",
        ),
        (
            "The board has written to two of the crew telling them they will not be paid.",
            "The board",
            "they will not be paid",
        ),
        (
            "Harbour chief Ann Roe wrote to the council that the ferry must run.",
            "Ann Roe",
            "the ferry must run",
        ),
        (
            "Harbour chief Ann Roe wrote to her 2,000 followers, \"The ferry must run.\"",
            "Ann Roe",
            "The ferry must run",
        ),
    ]);
    // A letter that asks or demands says nothing to check.
    assert_no_proposal(&[
        "Harbour chief Ann Roe has written to the council asking for a new ferry.",
        "The board wrote to the crew on Tuesday demanding an apology for the \"reckless\" strike.",
    ]);
}

#[test]
fn adverbs_before_the_cue_and_programmes_after_it_are_neither_speaker_nor_claim() {
    assert_single_claim(&[
        (
            "Officials now say the ferry did not sink.",
            "Officials",
            "the ferry did not sink",
        ),
        (
            "Mr Vale told BBC Radio Kent's World at One he thought it was a \"non-story\".",
            "Vale",
            "he thought it was a \"non-story\"",
        ),
    ]);
}

#[test]
fn a_quotation_inside_the_sentence_s_own_words_is_part_of_the_claim() {
    assert_single_claim(&[
        (
            "The new ferry rebate did nothing to fix the \"unfair fares\", Ms Roe added.",
            "Roe",
            "The new ferry rebate did nothing to fix the \"unfair fares\"",
        ),
        (
            "Full details will not be revealed until a bill is published \"in the next two weeks,\" a spokesman said.",
            "a spokesman",
            "Full details will not be revealed until a bill is published \"in the next two weeks\"",
        ),
        (
            "And the harbour board had been \"far too slow\", Ms Roe said.",
            "Roe",
            "the harbour board had been \"far too slow\"",
        ),
        // A clause after the cue is the claim; a speaker after "while"
        // made no part of the sentence before.
        (
            "Because of \"volatility in the fuel market\", Ms Roe said the fares would be frozen.",
            "Roe",
            "the fares would be frozen",
        ),
        (
            "The Tories dismissed the ferry plan as \"desperate\", while the Greens said it was misdirected.",
            "Greens",
            "it was misdirected",
        ),
    ]);
    // Paraphrase, not a quotation; the next sentence quoted whole is still
    // the speaker's.
    let found = extract(
        "Ferry chief Ann Roe spoke on Monday. The board had been \"far too slow\", Ms Roe said. \"We will fix it.\"",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].quote, None);
    assert_eq!(
        (found[1].source.as_str(), found[1].content.text.as_str()),
        ("Ann Roe", "We will fix it")
    );
}

#[test]
fn a_participle_after_but_reports_its_own_clause_s_subject() {
    assert_single_claim(&[(
        "The fare rise was denied, but the Greens remain suspicious, claiming that the ferry would be sold.",
        "Greens",
        "the ferry would be sold",
    )]);
}

#[test]
fn a_dash_set_off_by_spaces_opens_no_claim() {
    assert_single_claim(&[(
        "As harbour chief Ann Roe said - any ferry would need a crew of six.",
        "Ann Roe",
        "any ferry would need a crew of six",
    )]);
}

#[test]
fn an_aside_citing_another_speaker_opens_no_claim() {
    let found = run("The Greens remain suspicious, claiming that, as Ms Roe said, the ferry would be sold.");
    assert!(
        found
            .iter()
            .any(|p| p.0 == "Greens" && p.2 == "the ferry would be sold"),
        "{found:?}"
    );
}

#[test]
fn a_question_reported_without_its_mark_is_asked() {
    assert_single_claim(&[(
        "How could the ferry run without a crew, the harbour chief asked.",
        "the harbour chief",
        "How could the ferry run without a crew",
    )]);
    // ("asked for": words after the cue, and no question reported.)
    assert!(run("What he wanted was a ferry, the harbour chief asked for.").is_empty());
}

#[test]
fn a_description_opening_a_sentence_is_whom_he_means_next() {
    // The post named in full earlier: "he" is its holder, not the
    // critic quoted last.
    assert_eq!(
        sources(
            "Harbour Secretary Ann Roe will unveil the ferry plan. Critic Jo Lee said the plan would fail. \
             The harbour secretary later toured the port. She said the ferry would run daily."
        ),
        ["Jo Lee", "Ann Roe"]
    );
    // Never named with the post, and nobody "she" could mean before: the
    // description itself.
    assert_eq!(
        sources(
            "The attorney general denied being pressed by Pier Road. Claims of pressure were \"unfounded,\" she insisted."
        ),
        ["The attorney general", "The attorney general"]
    );
    // Unresolved, and the last person named is likely the one meant, with
    // no other post given: "he" stays him.
    assert_eq!(
        sources(
            "Jo Lee said the port would close. The chancellor is travelling to Leeds. He said the ferry would run."
        ),
        ["Jo Lee", "Jo Lee"]
    );
    // A person given another post is not "the prime minister".
    assert_eq!(
        sources(
            "Tory treasurer Lord Ross said the ferry would be sold. The prime minister toured the country. \
             He insisted he did not know the date."
        ),
        ["Lord Ross", "The prime minister"]
    );
}

#[test]
fn a_street_is_no_person() {
    assert_eq!(guess_kind("Downing Street"), "organization");
    assert_eq!(guess_kind("Pier Road"), "organization");
    assert_eq!(guess_kind("Ann Roe"), "person");
}

#[test]
fn an_irregular_participle_after_an_article_is_no_cue() {
    // "a written answer": an adjective, which gave "Claims a" words.
    assert!(
        run("Claims a written answer was drafted by officials were wrong, the report found.")
            .iter()
            .all(|p| p.1 != "written")
    );
    assert!(run("The port must issue a written statement promising to sign the accord.").is_empty());
}

#[test]
fn an_audience_told_is_not_what_was_said() {
    assert_single_claim(&[
        (
            "Mr Lee told Labour members the Tories offered a \"hard right agenda\".",
            "Lee",
            "the Tories offered a \"hard right agenda\"",
        ),
        (
            "Ann Roe told delegates that the ferry was vital.",
            "Ann Roe",
            "the ferry was vital",
        ),
        (
            "Ann Roe told the audience she believed the ferry was vital.",
            "Ann Roe",
            "she believed the ferry was vital",
        ),
    ]);
    // ("members were leaving": the members are what was said.)
    assert_single_claim(&[(
        "Ann Roe told the BBC members were leaving.",
        "Ann Roe",
        "members were leaving",
    )]);
}

#[test]
fn a_form_of_address_is_no_role() {
    let found = roles(
        "Dr Jo Lee said the ferry would run. Speaking in Leeds Mr Lee told delegates the port would close.",
    );
    assert_eq!(
        found,
        [("Jo Lee".to_string(), None), ("Jo Lee".to_string(), None)]
    );
    // A post before it stays: "Labour MP Dr Ann Roe".
    let found = roles("Labour MP Dr Ann Roe said the ferry would run.");
    assert_eq!(found, [("Ann Roe".to_string(), Some("Labour MP".to_string()))]);
}

#[test]
fn whom_a_warning_was_given_and_when_are_not_what_was_said() {
    assert_single_claim(&[
        (
            "Lord Ross warned Ann Roe on 7 March 2003 that the ferry could be illegal.",
            "Lord Ross",
            "the ferry could be illegal",
        ),
        (
            "Ann Roe assured Parliament that the ferry was safe.",
            "Ann Roe",
            "the ferry was safe",
        ),
    ]);
}

#[test]
fn a_capitalized_cue_word_inside_a_name_is_no_cue() {
    assert_single_claim(&[(
        "Jo Lee of the North East Says No campaign said he was not convinced by the plan.",
        // (The campaign she is of is no part of her name.)
        "Jo Lee",
        "he was not convinced by the plan",
    )]);
}

#[test]
fn he_or_she_speaking_again_ends_the_claim_before() {
    assert_single_claim(&[(
        "Ms Roe revealed some ferries had run late and she also cautioned crews against speeding.",
        "Roe",
        "some ferries had run late",
    )]);
    // "and he refused": the claim goes on.
    assert_single_claim(&[(
        "Jo Lee said the port had asked Tim Hale to stay, but he refused.",
        "Jo Lee",
        "the port had asked Tim Hale to stay, but he refused",
    )]);
}

#[test]
fn a_described_subject_may_be_qualified_by_a_party() {
    assert_single_speaker(&[
        (
            "The Tory leader backs a lower limit and has said the rules are too loose.",
            "The Tory leader",
        ),
        (
            "A Labour party spokesman played down the row and said the plan stood.",
            "A Labour party spokesman",
        ),
    ]);
}

#[test]
fn and_said_after_a_titled_name_is_the_whole_name_speaking_again() {
    // The capitalized words that open the sentence ("Green", "Port's")
    // are only part of who spoke.
    for (text, speaker, first, second) in [
        (
            "Green councillor Ann Vale said she backed the ferry plan, and said the fares should fall.",
            "Ann Vale",
            "she backed the ferry plan",
            "the fares should fall",
        ),
        (
            "Port's deputy chief for harbours Tim Hale accused the board of waste and said its sums were wrong.",
            "Tim Hale",
            "the board of waste",
            "its sums were wrong",
        ),
    ] {
        let found = run(text);
        let expected = [(speaker, first), (speaker, second)];
        assert_eq!(
            found
                .iter()
                .map(|(source, _, claim)| (source.as_str(), claim.as_str()))
                .collect::<Vec<_>>(),
            expected,
            "{text}"
        );
    }
}

#[test]
fn it_speaking_is_the_body_a_sentence_opened_with() {
    // The previous sentence's subject, named or described, though it
    // spoke nowhere; not the person quoted last.
    for (text, body) in [
        (
            "Farmer Tom Hale said the rules were unfair. He said most would obey them. \
             At the High Court on Monday, the Ferry Users Alliance lost its case. \
             But it says the fares are unlawful.",
            "Ferry Users Alliance",
        ),
        (
            "Jo Lee said the port was safe. The Department of Ports and Harbours \
             published its review. It says the quays need repair.",
            "Department of Ports and Harbours",
        ),
        // The same sentence's subject: "... after it found".
        (
            "Jo Lee said the port was safe. The committee reached its view after it \
             found that the quays need repair.",
            "The committee",
        ),
    ] {
        assert_eq!(sources(text).last().map(String::as_str), Some(body), "{text}");
    }
    // Two bodies are no "it": the speaker quoted last that could be one.
    assert_eq!(
        sources(
            "The Harbour Board said the quays were safe. The Greens and Lib Dems \
             tabled a motion. It says the quays need repair."
        ),
        ["Harbour Board", "Harbour Board"]
    );
}

#[test]
fn it_is_no_one_he_or_she_stood_for() {
    // "Tom Hale" could be a firm's name, but "He" stood for him.
    assert_eq!(
        sources(
            "Farmer Tom Hale said the rules were unfair. He said most would obey them. \
             But it says the fares are unlawful."
        ),
        ["Tom Hale", "Tom Hale", "it"]
    );
}

#[test]
fn a_body_whose_name_words_join_is_named_whole() {
    assert_single_speaker(&[
        (
            "The Department of Ports and Harbours said the quays were safe.",
            "Department of Ports and Harbours",
        ),
        (
            "A spokesman for the Office for Coastal Safety said the quays were safe.",
            "Office for Coastal Safety",
        ),
        (
            "The head of the Port and Harbour Workers Union said the quays were safe.",
            "Port and Harbour Workers Union",
        ),
        // A constituency is no body: the member for it speaks.
        (
            "The MP for Eastfield and West Dale said the quays were safe.",
            "The MP for Eastfield and West Dale",
        ),
    ]);
    // Two bodies that "and" joins are not one name.
    assert_ne!(
        sources("The Ferry Council and the Port Authority said the quays were safe."),
        ["Ferry Council and the Port Authority"]
    );
}

#[test]
fn two_bodies_that_speak_together_are_one_joint_speaker_without_articles() {
    assert_single_speaker(&[
        (
            "Labour and the Greens said the quays were unsafe.",
            "Labour and Greens",
        ),
        (
            "Both the Ferry Council and the Port Authority said the quays were unsafe.",
            "Ferry Council and Port Authority",
        ),
    ]);
    // A post whose office has an "and" is no joint speaker.
    assert_ne!(
        sources("Later the Ports and Harbours Secretary said the quays were safe."),
        ["Ports and Harbours Secretary"]
    );
}

#[test]
fn a_month_or_year_after_the_cue_is_when_it_was_said() {
    assert_single_claim(&[
        (
            "The Greens said in November they would cut ferry fares.",
            "Greens",
            "they would cut ferry fares",
        ),
        (
            "Ms Vale said in March 2003 that the port would close.",
            "Vale",
            "the port would close",
        ),
    ]);
}

#[test]
fn a_post_after_who_is_is_the_speakers_role() {
    assert_eq!(
        roles("But Ann Rowe, who is chairman of the harbour board, warned the quays would close."),
        [(
            "Ann Rowe".to_string(),
            Some("chairman of the harbour board".to_string())
        )]
    );
    assert_eq!(
        roles("Ann Rowe, who was the first woman to run the port, said the quays would close."),
        [(
            "Ann Rowe".to_string(),
            Some("first woman to run the port".to_string())
        )]
    );
    // Not what she is near, nor where she was not.
    assert_eq!(
        roles("Ann Rowe, who is close to the mayor, said the quays would close."),
        [("Ann Rowe".to_string(), None)]
    );
}

#[test]
fn the_alliance_or_the_federation_is_the_one_the_article_named() {
    assert_eq!(
        sources(
            "The Ferry Users Alliance said fares were too high. \
             The alliance said the port had ignored it."
        ),
        ["Ferry Users Alliance", "Ferry Users Alliance"]
    );
}

#[test]
fn the_subject_of_a_participle_after_with_speaks() {
    assert_single_claim(&[
        (
            "Ferry fares rose again, with islanders saying the service was too dear.",
            "islanders",
            "the service was too dear",
        ),
        (
            "The vote was close, with many saying the plan would fail.",
            "many",
            "the plan would fail",
        ),
        (
            "The tram line opened late, with its manager Rita Osei adding that the trams were new.",
            "Rita Osei",
            "the trams were new",
        ),
    ]);
    // "adding" and "claiming" a thing report nothing.
    assert!(run("Sales rose, with the firm adding a sixth shop to its list.").is_empty());
    assert!(run("Profits fell, with the firm claiming residency in Jersey.").is_empty());
}

#[test]
fn a_shadow_post_is_not_the_post() {
    // The sentence's first word capitalizes "Shadow": still the shadow
    // minister's post, not the minister's.
    let found = run(
        "Rita Osei has apologised to MPs. The harbour minister confirmed the review would begin. \
         It will take a year. Shadow harbour minister Oskar Lindqvist welcomed the apology.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Rita Osei");
}

#[test]
fn a_post_before_a_name_set_off_by_commas_is_the_name_speaking() {
    // The post opens the sentence in capitals, without an article; the
    // name after it speaks, and the post is its role.
    assert_eq!(
        roles("Harbour Minister, Oskar Lindqvist MSP, said the bridge will reopen in May."),
        vec![("Oskar Lindqvist".into(), Some("Harbour Minister".into()))]
    );
    assert_eq!(
        roles(
            "Head of surgery at the Royal Infirmary of Leeds, Professor Rita Osei, said the ward would close."
        ),
        vec![(
            "Rita Osei".into(),
            Some("Head of surgery at the Royal Infirmary of Leeds".into())
        )]
    );
    assert_eq!(
        roles("But director of the Harbour Trust, Oskar Lindqvist, said the bridge will reopen."),
        vec![(
            "Oskar Lindqvist".into(),
            Some("director of the Harbour Trust".into())
        )]
    );
    // A surname after a form of address is a name too.
    assert_eq!(
        roles("A spokesman for Harbour Holdings, Dr Lindqvist, said the bridge will reopen."),
        vec![("Lindqvist".into(), Some("spokesman for Harbour Holdings".into()))]
    );
    // A name, then where they work: the name still speaks.
    assert_eq!(
        roles("Oskar Lindqvist, Harbour Trust, said the bridge will reopen."),
        vec![("Oskar Lindqvist".into(), Some("Harbour Trust".into()))]
    );
}

#[test]
fn a_speakers_post_shown_once_is_shown_on_each_of_their_claims() {
    let found = roles(
        "Harbour Minister, Oskar Lindqvist MSP, said the bridge will reopen in May. \
         Mr Lindqvist said the ferry would stop. He said fares would fall.",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    for (speaker, role) in &found {
        assert_eq!(speaker, "Oskar Lindqvist");
        assert_eq!(role.as_deref(), Some("Harbour Minister"));
    }
    // Where or when they spoke is no post, and is not carried on.
    let found = roles(
        "The bridge will reopen, said Oskar Lindqvist, of the Harbour Trust. \
         Mr Lindqvist said the ferry would stop.",
    );
    assert_eq!(found[1], ("Oskar Lindqvist".into(), None), "{found:?}");
}

#[test]
fn a_quotation_reopened_in_the_next_paragraph_goes_on_being_the_speakers() {
    // News style: a quotation that runs into a new paragraph leaves the
    // paragraph open and opens the next with a quote mark again (here on
    // one line, as the paragraphs of many archives are).
    let found = run(
        "Rita Osei said: \"The ferry will stop in May. \"On the other hand, I think the bridge will open. \
         \"I hope fares will fall.\" The council said the plan was costly.",
    );
    let claims: Vec<(&str, &str)> = found.iter().map(|p| (p.0.as_str(), p.2.as_str())).collect();
    assert_eq!(
        claims,
        vec![
            ("Rita Osei", "The ferry will stop in May"),
            ("Rita Osei", "On the other hand, I think the bridge will open"),
            ("Rita Osei", "I hope fares will fall"),
            ("The council", "the plan was costly"),
        ]
    );
}

#[test]
fn mr_and_a_surname_is_not_the_knight_of_that_surname() {
    let found = run(
        "Sir Oskar Lindqvist said the harbour would close. Rita Lindqvist defended her plans. \
         Mrs Lindqvist insisted the ferry would run. Sir Oskar said the debate was over. \
         He said the council would decide.",
    );
    let speakers: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        speakers,
        vec![
            "Sir Oskar Lindqvist",
            "Rita Lindqvist",
            "Sir Oskar Lindqvist",
            "Sir Oskar Lindqvist"
        ]
    );
}

#[test]
fn number_ten_speaks_as_one_name() {
    assert_single_speaker(&[
        ("No 10 was cautious but said the threat was real.", "No 10"),
        (
            "Number 10 was cautious but said the threat was real.",
            "Number 10",
        ),
    ]);
}

#[test]
fn a_spokeswoman_for_a_named_body_speaks_for_it() {
    let found = run(
        "A spokeswoman for Harbour Rights Watch said the ferry was unsafe. She added that fares were too high.",
    );
    let speakers: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(speakers, vec!["Harbour Rights Watch", "Harbour Rights Watch"]);
    // A person's spokesman is one person of their own.
    assert_single_speaker(&[(
        "A spokesman for Rita Osei said the ferry was unsafe.",
        "A spokesman for Rita Osei",
    )]);
}

#[test]
fn went_on_to_say_reports_what_was_said_next() {
    assert_single_claim(&[
        (
            "Rita Osei went on to say the ferry was unsafe.",
            "Rita Osei",
            "the ferry was unsafe",
        ),
        (
            "Rita Osei spoke for an hour, and went on to claim that fares would fall.",
            "Rita Osei",
            "fares would fall",
        ),
    ]);
    // Any other infinitive still reports nothing said.
    assert!(run("Rita Osei refused to say whether the ferry was unsafe.").is_empty());
}

#[test]
fn a_programme_named_after_a_stations_possessive_is_whom_it_was_told() {
    assert_single_claim(&[(
        "Rita Osei told Radio Leeds's the Harbour Hour her first concern was the ferry.",
        "Rita Osei",
        "her first concern was the ferry",
    )]);
}

#[test]
fn chief_executive_is_a_title_before_a_name() {
    assert_eq!(
        roles("Harbour Trust Chief Executive Rita Osei said the ferry would stop."),
        vec![("Rita Osei".into(), Some("Harbour Trust Chief Executive".into()))]
    );
    // "the Scottish Executive" is a name, not a title.
    assert_single_speaker(&[(
        "The Scottish Executive said the ferry would stop.",
        "Scottish Executive",
    )]);
}

#[test]
fn a_spokesman_for_a_long_title_is_the_spokesman_speaking() {
    // The title holds "and": the spokesman still speaks, not the name
    // after the "and" ("Fisheries Commissioner Rita Osei"), which had been
    // the mention, its role that commissioner's post.
    let found = extract(
        "And a spokesman for European Transport and Fisheries Commissioner Rita Osei said the plans would break the rules.",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].mention.text,
        "a spokesman for European Transport and Fisheries Commissioner Rita Osei"
    );
    assert_eq!(found[0].content.text, "the plans would break the rules");
}

#[test]
fn a_spokeswoman_for_a_body_whose_name_joins_words_speaks_for_it() {
    // The body's name joins its capitals with "for" and "and"; what the
    // claim is about ("said of ...:") is not the claim.
    assert_single_claim(&[(
        "A Department for Harbours and Ferries spokeswoman said of the new timetable: \"The ferry will run all winter.\"",
        "Department for Harbours and Ferries",
        "The ferry will run all winter",
    )]);
}

#[test]
fn an_unnamed_spokesperson_speaks_for_the_body_the_sentence_opens_with() {
    assert_single_speaker(&[
        (
            "Downing Street defended the decision, with a spokesperson saying the ferry would run.",
            "Downing Street",
        ),
        (
            "The Harbour Trust defended the decision, with a spokesman saying the ferry would run.",
            "Harbour Trust",
        ),
    ]);
}

#[test]
fn a_clause_after_that_may_open_with_where_it_happened() {
    assert_single_claim(&[(
        "Rita Osei has warned that on the harbour front she has seen ferries leave half empty.",
        "Rita Osei",
        "on the harbour front she has seen ferries leave half empty",
    )]);
    // A lowercase "on" with no clause after it is still no claim.
    assert!(run("The striker added on, prevented a shot.").is_empty());
}

#[test]
fn an_official_spokesman_speaks_for_whom_he_is_the_spokesman_of() {
    assert_single_speaker(&[
        (
            "Mayor Rita Osei's official spokesman said the ferry would run all winter.",
            "Rita Osei",
        ),
        (
            "Transport Secretary Jo Lee opened the pier. Mr Lee's chief spokeswoman said the ferry would run.",
            "Jo Lee",
        ),
    ]);
    // A description's spokesman, where the article says who holds the post.
    assert_eq!(
        sources(
            "Transport Secretary Jo Lee opened the pier. The transport secretary's official spokesman said the ferry would run."
        ),
        ["Jo Lee"]
    );
}

#[test]
fn what_is_denied_or_declared_by_name_is_no_claim() {
    // "that" before a named quote or claim points at it; no clause follows.
    assert!(run("Mr Lee directly denied that quote on Wednesday.").is_empty());
    assert!(run("Rita Osei denied that claim in the chamber.").is_empty());
    assert_single_claim(&[(
        "Rita Osei denied that claims were made.",
        "Rita Osei",
        "claims were made",
    )]);
    // A reflexive after "declared" is what the speaker called themself.
    assert!(run("The mayor declared himself \"delighted\" with the ferry.").is_empty());
    assert_single_claim(&[(
        "The mayor declared the ferry would run all winter.",
        "The mayor",
        "the ferry would run all winter",
    )]);
}

#[test]
fn counter_before_a_claim_noun_is_half_a_compound() {
    assert!(run("Ferry users are weary of the claims and counter claims about the timetable.").is_empty());
    assert_single_claim(&[(
        "The harbour trust counter that the timetable is sound.",
        "The harbour trust",
        "the timetable is sound",
    )]);
}

#[test]
fn a_possessive_inside_a_name_keeps_it_whole_or_opens_the_name() {
    // A book's title keeps its possessive; a body's or a person's name
    // after another's possessive is the speaker.
    assert_single_speaker(&[
        (
            "Osei's Harbour, a new book, says the ferry ran late.",
            "Osei's Harbour",
        ),
        (
            "Norway's Coastal Ferry Authority said the ferry ran late.",
            "Coastal Ferry Authority",
        ),
        ("Labour's Rita Osei said the ferry ran late.", "Rita Osei"),
    ]);
    // Whose someone is, is their role, without the possessive.
    assert_eq!(
        roles("Harbour Watch's Rita Osei said the ferry ran late."),
        [("Rita Osei".to_string(), Some("Harbour Watch".to_string()))]
    );
}

#[test]
fn a_name_set_off_after_the_subjects_post_speaks_for_the_clause() {
    assert_single_claim(&[
        (
            "The Harbour Party's island leader, Rita Osei, welcomed the move but added that the ferry ran late.",
            "Rita Osei",
            "the ferry ran late",
        ),
        (
            "The party leader, Rita Osei, urged calm, saying the ferry ran late.",
            "Rita Osei",
            "the ferry ran late",
        ),
    ]);
}

#[test]
fn an_audience_however_described_is_not_what_was_told() {
    assert_single_claim(&[
        (
            "The mayor has told a Harbour Party gathering that the ferry would run.",
            "The mayor",
            "the ferry would run",
        ),
        (
            "Rita Osei told activists in Dover on Thursday that the ferry would run.",
            "Rita Osei",
            "the ferry would run",
        ),
    ]);
}

#[test]
fn a_pronoun_after_the_sentences_named_subject_is_that_person() {
    assert_eq!(
        sources(
            "Rita Osei spoke at the pier. Jo Lee said the ferry was late. Ms Osei attacked the plan, and she said it would fail."
        ),
        ["Jo Lee", "Rita Osei"]
    );
    assert_eq!(
        sources(
            "Rita Osei spoke at the pier. Jo Lee said the ferry was late. In her speech, Ms Osei praised the timetable, which she said was sound."
        ),
        ["Jo Lee", "Rita Osei"]
    );
    // Not where the name is in what the pronoun's speaker said.
    assert_eq!(
        sources(
            "Rita Osei spoke at the pier. Jo Lee said the ferry was late. Ms Osei has failed the town, she claimed."
        ),
        ["Jo Lee", "Jo Lee"]
    );
}

#[test]
fn a_capitalized_post_after_the_is_a_description() {
    assert_eq!(
        sources("Chancellor Rita Osei spoke at the pier. The Chancellor said the ferry was late."),
        ["Rita Osei"]
    );
    // An acronym, or a monarch, stays as written.
    assert_single_speaker(&[
        ("The MEP said the ferry was late.", "MEP"),
        ("The Queen said the ferry was late.", "Queen"),
    ]);
}

#[test]
fn according_to_a_text_that_quotes_its_speaker_gives_the_speakers_words() {
    assert_single_claim(&[
        (
            "Rita Osei opened the pier. According to a text released by her office, she told the crowd: \"The ferry will run all winter.\"",
            "Rita Osei",
            "The ferry will run all winter",
        ),
        // A quoted phrase inside the report is the report's.
        (
            "According to pool reports, Jo Lee said \"there is hope\" for the ferry.",
            "pool reports",
            "Jo Lee said \"there is hope\" for the ferry",
        ),
    ]);
}

#[test]
fn a_pronoun_is_not_whom_the_report_names_by_surname() {
    // "he" would mean Jo Lee, but Jo Lee's report would not call him "Mr
    // Lee": the pronoun stays for the checker.
    assert_eq!(
        sources("Jo Lee said the ferry was late. Later he insisted he still trusted Mr Lee."),
        ["Jo Lee", "he"]
    );
    assert_eq!(
        sources("Jo Lee said the ferry was late. Later he insisted he still trusted the crew."),
        ["Jo Lee", "Jo Lee"]
    );
}

#[test]
fn where_or_when_set_off_after_a_name_is_no_role() {
    assert_eq!(
        roles("Jo Lee, in her ruling, said the ferry was late."),
        [("Jo Lee".to_string(), None)]
    );
    assert_eq!(
        roles("Jo Lee, on Monday, said the ferry was late."),
        [("Jo Lee".to_string(), None)]
    );
    assert_eq!(
        roles("Jo Lee, of the Harbour Trust, said the ferry was late."),
        [("Jo Lee".to_string(), Some("of the Harbour Trust".to_string()))]
    );
}

#[test]
fn a_relative_pronouns_antecedent_keeps_the_parts_of_joins() {
    assert_single_speaker(&[
        (
            "The ruling was overturned by the Court of Harbours who said the ferry was late.",
            "Court of Harbours",
        ),
        (
            "The plan was backed by the Bank of Dover, which said the ferry was late.",
            "Bank of Dover",
        ),
    ]);
}

#[test]
fn a_relative_report_runs_past_the_comma_inside_a_number() {
    assert_single_claim(&[(
        "Jo Lee attacked the timetable, which they said would cost 300,000 pounds a year.",
        "they",
        "the timetable would cost 300,000 pounds a year",
    )]);
}

#[test]
fn what_happens_as_it_is_said_before_a_quotation_is_not_the_claim() {
    assert_single_claim(&[(
        "As Jo Lee remarks as we walk along the pier (built in 1901): \"The ferry is late.\"",
        "Jo Lee",
        "The ferry is late",
    )]);
}

#[test]
fn going_on_is_speaking_on_when_a_person_goes_on_and_the_sentence_ends() {
    assert_single_claim(&[
        (
            "The ferry had failed because nobody had mended it, Jo Lee went on.",
            "Jo Lee",
            "The ferry had failed because nobody had mended it",
        ),
        (
            "Jo Lee went on: \"The ferry will sail again.\"",
            "Jo Lee",
            "The ferry will sail again",
        ),
    ]);
    assert!(run("After the storm, the repairs went on.").is_empty());
    assert!(run("The Ferry Goes On: A Harbour History of Dover").is_empty());
}

#[test]
fn a_closing_quote_set_off_by_a_space_ends_the_quotation() {
    let found = run(
        "Jo Lee said: \"The ferry is late. \" A spokesman said the harbour had no comment. But Ann Ward has said she will mend the pier.",
    );
    let speakers: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(speakers, ["Jo Lee", "A spokesman", "Ann Ward"], "{found:?}");
    // A quoted sentence that goes on the speaker's quotation ends at its
    // last mark, not at the space before the quote mark.
    let found = run(
        "Jo Lee said: \"The ferry is late. \"It will sail at noon. \"Nobody is to blame for it. \" A spokesman said no more.",
    );
    assert_eq!(found[2].2, "Nobody is to blame for it", "{found:?}");
}

#[test]
fn a_co_ordinator_or_campaigner_before_a_name_is_their_role() {
    assert_eq!(
        roles("\"The ferry is late,\" said co-ordinator Jo Lee."),
        [("Jo Lee".to_string(), Some("co-ordinator".to_string()))]
    );
    assert_eq!(
        roles("\"The ferry is late,\" said campaigner Jo Lee."),
        [("Jo Lee".to_string(), Some("campaigner".to_string()))]
    );
    assert_eq!(
        roles("Co-ordinator Jo Lee said the ferry was late."),
        [("Jo Lee".to_string(), Some("Co-ordinator".to_string()))]
    );
}

#[test]
fn a_department_s_brief_is_nobody_he_could_mean() {
    assert_eq!(
        sources(
            "Ann Ward said the pier was safe. The MPs of the Harbour and Coastal Affairs committee pressed Ms Ward on costs. She said the repairs were cheap."
        ),
        ["Ann Ward", "Ann Ward"]
    );
}

#[test]
fn a_slogan_s_the_is_part_of_a_campaign_s_name() {
    assert_single_speaker(&[
        (
            "The Save the Pier Campaign said the repairs were too slow.",
            "Save the Pier Campaign",
        ),
        (
            "The Stop the Tolls Coalition, which organised the march, said it would go ahead.",
            "Stop the Tolls Coalition",
        ),
    ]);
}

#[test]
fn the_party_is_the_party_named_last_before_it() {
    // Named as a speaker, by an adjective, or in the same sentence before
    // it; not by a party named after it.
    assert_eq!(
        sources(
            "The Lib Dems say the ferry is late. Labour's leader spoke too. The party says the pier is safe."
        ),
        ["Lib Dems", "Labour"]
    );
    assert_eq!(
        sources("Ferries would be free under a future Tory government, the party has said."),
        ["Conservatives"]
    );
    assert_eq!(
        sources("The Liberal Democrats met. The party said Labour had lied about the ferry."),
        ["Liberal Democrats"]
    );
    // With no party named, the description stays for the checker.
    assert_eq!(sources("The party said the ferry was late."), ["The party"]);
}

#[test]
fn a_role_before_a_name_reaches_no_further_back_than_by() {
    let found =
        roles("The meeting was hosted by ferry co-ordinator Jo Lee. \"The ferry is late,\" she said.");
    assert_eq!(
        found,
        [("Jo Lee".to_string(), Some("ferry co-ordinator".to_string()))]
    );
}

#[test]
fn according_to_whom_before_the_subject_is_no_part_of_the_speaker() {
    assert_single_claim(&[(
        "According to Mr Reed the harbour master said: \"The pier will close.\"",
        "the harbour master",
        "The pier will close",
    )]);
}

#[test]
fn a_plural_outlet_s_possessive_is_part_of_whom_it_was_told() {
    assert_single_claim(&[(
        "Jo Lee told Harbour News' Sunday with Ann Ward: \"The pier will close.\"",
        "Jo Lee",
        "The pier will close",
    )]);
}

#[test]
fn claims_before_a_name_and_its_verb_reports_a_claim() {
    assert_single_claim(&[
        (
            "The new book claims Jo Lee felt the pier was unsafe.",
            "The new book",
            "Jo Lee felt the pier was unsafe",
        ),
        (
            "It claims Mr Reed had closed the pier.",
            "It",
            "Mr Reed had closed the pier",
        ),
    ]);
    // A noun still: after a verb and its particle, after a determiner, or
    // with a possessive name after it.
    assert!(run("But he played down reports Mr Reed was closing the pier.").is_empty());
    assert!(run("The claims Jo Lee denied were false.").is_empty());
}

#[test]
fn a_post_after_the_opening_name_is_the_role_past_a_second_aside() {
    assert_eq!(
        roles(
            "Mary Lee, founder of the Harbour Fund (HF), one of the charities that run the pier, said the ferry was late."
        ),
        [(
            "Mary Lee".to_string(),
            Some("founder of the Harbour Fund (HF)".to_string())
        )]
    );
}

#[test]
fn a_party_s_post_then_a_name_is_the_name_s_with_the_post_its_role() {
    assert_eq!(
        roles("Green Party co-chairman Jo Lee visited the pier, saying the ferry was late."),
        [("Jo Lee".to_string(), Some("Green Party co-chairman".to_string()))]
    );
    assert_eq!(
        roles("Harbour Party spokesman Ann Ward called the plan costly and argued it would fail."),
        [(
            "Ann Ward".to_string(),
            Some("Harbour Party spokesman".to_string())
        )]
    );
}

#[test]
fn a_party_speaks_by_its_name_not_its_adjective() {
    assert_eq!(
        sources("A Tory spokesman said the ferry was late. Lib Dem sources said it was early."),
        ["Conservatives", "Lib Dems"]
    );
}

#[test]
fn a_form_of_address_after_the_outlet_opens_the_claim() {
    assert_single_claim(&[(
        "Sources told the BBC Mr Reed had always backed the pier.",
        "Sources",
        "Mr Reed had always backed the pier",
    )]);
}

#[test]
fn claims_after_an_opening_preposition_are_a_noun() {
    assert!(run("Following claims that the pier was unsafe, Jo Lee was asked about it.").is_empty());
    assert_single_claim(&[(
        "Amid reports that the pier was closing, Jo Lee said the ferry was late.",
        "Jo Lee",
        "the ferry was late",
    )]);
}

#[test]
fn a_lone_quote_mark_before_full_stops_is_no_quotation() {
    // (It had made the quotation's inside start after its end: a panic.)
    assert_eq!(
        run("Jo Lee said: \"The pier is shut.\"\n\n\" . . . .\n"),
        [(
            "Jo Lee".to_string(),
            "said".to_string(),
            "The pier is shut".to_string()
        )]
    );
}

#[test]
fn a_plural_noun_with_its_own_predicate_is_no_cue() {
    assert!(run("Fundraising reports through March were late for the ferry.").is_empty());
    assert!(run("The strong jobs report has cleared the way for the pier.").is_empty());
    assert!(run("Jo Lee and her harsh remarks loomed large at the pier.").is_empty());
    // (The verb, with an adjunct before its clause.)
    assert_single_claim(&[(
        "Jo Lee claims in her book that the pier was unsafe.",
        "Jo Lee",
        "the pier was unsafe",
    )]);
}

#[test]
fn keeping_a_lead_is_no_saying() {
    assert!(run("Jo Lee maintains a commanding lead over Sam Reed.").is_empty());
    assert!(run("Jo Lee maintained her energetic pace into old age.").is_empty());
    assert_single_claim(&[(
        "Jo Lee maintained the pier was unsafe.",
        "Jo Lee",
        "the pier was unsafe",
    )]);
}

#[test]
fn a_price_or_the_accused_is_no_charge_made() {
    assert!(run("The Pier Club charged a $100 fee, most of it refundable.").is_empty());
    assert!(run("The ferry captain charged with fraud this month stayed home.").is_empty());
    assert!(run("The man accused of buying the ferry will stay in custody.").is_empty());
    assert!(run("Jo Lee reported from Dover, and Sam Reed from Calais.").is_empty());
    assert!(run("Jo Lee maintains a large pledged delegate lead.").is_empty());
    assert_single_claim(&[(
        "Jo Lee charged the ferry company had lied.",
        "Jo Lee",
        "the ferry company had lied",
    )]);
}

#[test]
fn an_opening_conjunction_is_not_the_subject() {
    assert_single_claim(&[
        (
            "But Jo Lee opposed the ferry plan, saying it would cost too much.",
            "Jo Lee",
            "it would cost too much",
        ),
        (
            "Meanwhile Ms Reed defended the pier, saying repairs were cheap.",
            "Reed",
            "repairs were cheap",
        ),
    ]);
}

#[test]
fn a_quotation_after_reported_speech_goes_on_in_the_speakers_words() {
    let found = run("Jo Lee said the ferry plan was late. \"We would like to see a timetable.\"");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "Jo Lee");
    assert_eq!(found[1].2, "We would like to see a timetable");
    // (A report inside a quotation leaves the quotation its speaker.)
    let found = run(
        "Sam Reed told the radio: \"We are advised by the police. \"What they say is we need powers. \"And these powers will be limited.\"",
    );
    assert!(
        found.iter().all(|(source, _, _)| source == "Sam Reed"),
        "{found:?}"
    );
}

#[test]
fn a_post_of_three_words_after_the_party_belongs_to_the_name_after_it() {
    assert_single_speaker(&[(
        "Lib Dem foreign affairs spokesman Menzies Campbell backed the plan, adding it was overdue.",
        "Menzies Campbell",
    )]);
}

#[test]
fn a_relative_clause_between_dashes_is_an_aside_about_the_speaker() {
    assert_single_claim(&[(
        "Harbour master Jo Lee - who runs the pier committee - said the ferry was late.",
        "Jo Lee",
        "the ferry was late",
    )]);
}

#[test]
fn the_minister_is_the_one_minister_the_article_titles() {
    assert_eq!(
        sources("Ferry Minister Ann Ward will change the law. The minister said the pier was safe."),
        ["Ann Ward"]
    );
    // Two ministers, or only a first minister titled: no one.
    assert_eq!(
        sources(
            "Ferry Minister Ann Ward met Pier Minister Jo Lee on Monday. The minister said the pier was safe."
        ),
        ["The minister"]
    );
    assert_eq!(
        sources("Ms Ward met First Minister Jo Lee on Monday. The minister said the pier was safe."),
        ["The minister"]
    );
}

#[test]
fn a_union_named_then_called_a_union_is_its_name() {
    assert_eq!(
        sources("The Usdaw trade union said shops should close. The GMB union said they should not."),
        ["Usdaw", "GMB"]
    );
    // (A place then a kind of body is no name.)
    assert_eq!(
        sources("The UK elections watchdog said votes were safe."),
        ["The UK elections watchdog"]
    );
}

#[test]
fn an_adverb_or_a_day_around_the_speaker_is_passed_over() {
    assert_single_claim(&[
        (
            "Jo Lee directly denied Sam Reed made that remark.",
            "Jo Lee",
            "Sam Reed made that remark",
        ),
        (
            "On Wednesday Jo Lee said the ferry was late.",
            "Jo Lee",
            "the ferry was late",
        ),
        (
            "Last week she angrily insisted the pier was safe.",
            "she",
            "the pier was safe",
        ),
    ]);
    // (Not a noun, nor an object added.)
    assert!(
        run("The Tories pressed hard on the ferry, with Jo Lee hastily adding a sixth promise to her card, and won.")
            .is_empty()
    );
}

#[test]
fn a_fellow_member_or_an_editor_before_a_name_is_the_role() {
    assert_eq!(
        roles("Fellow Lib Dem Jo Lee said the pier was late. Political Editor Sam Reed said it was not."),
        [
            ("Jo Lee".to_string(), Some("Fellow Lib Dem".to_string())),
            ("Sam Reed".to_string(), Some("Political Editor".to_string()))
        ]
    );
}

#[test]
fn a_participle_after_a_clause_without_its_comma_is_the_subjects() {
    assert_single_speaker(&[
        (
            "He later rang the paper saying the letter had been sent in error.",
            "He",
        ),
        (
            "Jo Lee also left the Ferry Party saying the party was lost.",
            "Jo Lee",
        ),
        ("It was no good Sam Reed claiming the ferry was late.", "Sam Reed"),
    ]);
    // The document speaks for whoever sent it.
    assert_eq!(
        sources("Jo Lee sent a note. Mr Reed's e-mail suggested they should close the pier."),
        ["Reed"]
    );
}

#[test]
fn a_post_in_lowercase_after_the_is_the_subject_of_a_participle() {
    assert_single_speaker(&[
        (
            "The mayor rejected the plan, saying the figures were wrong.",
            "The mayor",
        ),
        (
            "The finance minister dismissed the report on Monday, saying it was out of date.",
            "The finance minister",
        ),
        (
            "The governor of the state vetoed the bill, saying that it would cost too much.",
            "The governor",
        ),
    ]);
    // A possessive before the post: the post whole.
    assert_single_speaker(&[(
        "The mayor's chief spokesman also rejected the claims, saying: \"The plan was always ours.\"",
        "The mayor's chief spokesman",
    )]);
    // A lowercase noun that is no post stays no speaker.
    assert!(run("The plan collapsed last week, saying nothing of the cost.").is_empty());
}

#[test]
fn a_post_in_lowercase_then_a_possessive_or_a_name_set_off() {
    // The name set off after the post is who.
    assert_single_speaker(&[(
        "But the other candidate on the stage, former Governor Ann Lee, drew a contrast, saying the rise would cost jobs.",
        "Ann Lee",
    )]);
    // A possessive after the post: the phrase is a thing, not a speaker.
    let found = run("The vice president's visit to the state is the one most telling to voters, aides say.");
    assert!(
        found.iter().all(|(source, _, _)| !source.starts_with("The vice")),
        "{found:?}"
    );
}

#[test]
fn a_participle_inside_an_earlier_claim_is_no_claim_of_the_speaker() {
    let found = run(
        "The information commissioner says he is asking for details of Cabinet Office orders telling staff to delete old e-mails.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "says");
}

#[test]
fn a_participle_inside_a_claim_after_but_or_before_a_quote_is_its_speakers() {
    let found = run(
        "Labour's Ann Roe said the leaders had a \"scorching\" from MPs adding: \"It was a meeting like no other.\"",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|(source, _, _)| source == "Ann Roe"),
        "{found:?}"
    );
    assert_eq!(found[1].2, "It was a meeting like no other");
    let found =
        run("But he denied that he was ruling out the plan despite saying there would be no vote this year.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1, "saying");
}

#[test]
fn a_name_right_before_a_participle_inside_a_claim_still_speaks() {
    let found = run(
        "The attack sparked a debate over how the city responds to crime, with Senator Jo Lee telling reporters on Thursday he saw the mayor as responsible.",
    );
    assert!(
        found
            .iter()
            .any(|(source, cue, _)| source == "Jo Lee" && cue == "telling"),
        "{found:?}"
    );
}

#[test]
fn reporting_participles_after_a_comma_before_that_a_colon_or_a_quote() {
    assert_single_claim(&[
        (
            "Party leader Jo Lee renewed calls for an inquiry, warning: \"This issue will not go away.\"",
            "Jo Lee",
            "This issue will not go away",
        ),
        (
            "The minister defended the scheme, insisting that it would save money.",
            "The minister",
            "it would save money",
        ),
        (
            "Ann Roe backed the bill, noting that the council had asked for it.",
            "Ann Roe",
            "the council had asked for it",
        ),
    ]);
    // Nouns, and participles without "that" or a quotation, are no cues.
    assert_no_proposal(&[
        "The agency issued a warning that the bridge was unsafe.",
        "The board met on Monday, arguing with staff about pay.",
        "The pair left early, noting down the times of the trains.",
    ]);
}

#[test]
fn openings_of_place_time_and_past_participles_are_no_subject() {
    assert_single_speaker(&[
        (
            "Reached by the paper, Bennett denied the story, explaining that he had been away.",
            "Bennett",
        ),
        (
            "Inside the hotel conference centre, Trump dismissed the governor, arguing that he had failed.",
            "Trump",
        ),
        (
            "WASHINGTON ― The administration expanded the programme, acknowledging that the system had failed.",
            "The administration",
        ),
    ]);
    // "Shortly after the merger announcement,": when, not who.
    let found = run(
        "Shortly after the merger announcement, the families of the founders mobilized, warning that the deal would hurt the firm.",
    );
    assert!(
        found.iter().all(|(source, _, _)| source != "Shortly"),
        "{found:?}"
    );
}

#[test]
fn a_name_s_possessive_before_a_thing_is_no_subject() {
    // The report suggests, not the party.
    let found = run(
        "Labour's focus on the economy came on the day a new report was published by the institute, suggesting that incomes had fallen.",
    );
    assert!(found.iter().all(|(source, _, _)| source != "Labour"), "{found:?}");
    // Before a post or a relative, a person is.
    for sentence in [
        "Labour's deputy leader opened the debate, insisting that the party would win.",
        "Lee's son defended his father on Tuesday, saying that he had done nothing wrong.",
    ] {
        assert_eq!(run(sentence).len(), 1, "{sentence}");
    }
}

#[test]
fn a_quotation_opened_again_that_runs_on_over_sentences_is_the_speaker_s() {
    let found = run(
        "After the ruling Jo Lee, legal director of the charity, said: \"It is not enough for the army to investigate. \"There must be a public inquiry by an independent body. Only such an inquiry could reveal what happened.\" Other allegations included a shooting.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "Jo Lee");
    assert_eq!(
        found[1].2,
        "There must be a public inquiry by an independent body. Only such an inquiry could reveal what happened"
    );
    // After a quotation that closed, a new one running on over sentences
    // that closes with no cue after it is the same speaker's too ...
    let found = run(
        "\"It is not enough,\" Jo Lee added. \"There must be a public inquiry by an independent body. Only such an inquiry could reveal it.\" Tom Roe disagreed.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (found[1].0.as_str(), found[1].2.as_str()),
        (
            "Jo Lee",
            "There must be a public inquiry by an independent body. Only such an inquiry could reveal it"
        )
    );
    // ... but not one a cue after it gives to someone else, nor one that
    // runs into the next paragraph without a close.
    for (text, speakers) in [
        (
            "\"It is not enough,\" Jo Lee added. \"There must be an inquiry. Only an inquiry could reveal it,\" Tom Roe said.",
            vec!["Jo Lee", "Tom Roe"],
        ),
        (
            "\"It is not enough,\" Jo Lee added. \"There must be an inquiry. Only an inquiry\n\nTom Roe disagreed.",
            vec!["Jo Lee"],
        ),
    ] {
        assert_eq!(sources(text), speakers, "{text}");
    }
}

#[test]
fn a_quotation_read_twice_is_one_claim_the_longer() {
    let found = run(
        "But Colonel Bob Stone said: \"Anyone at the top will be saddened but will say: 'If there is a case, let us have it out. Because we do not want people thinking soldiers get away with it',\" he said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].2.ends_with("get away with it'"), "{found:?}");
}

#[test]
fn they_after_two_names_that_open_the_sentence_before_is_the_two() {
    let found = sources(
        "Defence lawyers argued the camp was outside the law. But Judge Ann Roe and Judge Tom Lee ruled that the law could reach a prison. They said his case came within the law. The other cases had to fail, they said.",
    );
    assert_eq!(
        found,
        [
            "Defence lawyers",
            "Judge Ann Roe and Judge Tom Lee",
            "Judge Ann Roe and Judge Tom Lee"
        ]
    );
}

#[test]
fn always_and_long_between_the_auxiliary_and_the_cue() {
    assert_single_claim(&[
        (
            "Labour has always maintained Mr Reed would have a central role.",
            "Labour",
            "Mr Reed would have a central role",
        ),
        (
            "Mr Ode has long said that he will support the nominee.",
            "Ode",
            "he will support the nominee",
        ),
    ]);
}

#[test]
fn whose_audience_described_and_a_book_by_a_name_ending_in_s() {
    // The audience, however described after "his", is not what was said.
    assert_single_claim(&[(
        "The prime minister told his monthly press conference the matter had been dealt with.",
        "The prime minister",
        "the matter had been dealt with",
    )]);
    // A book speaks for its author; "Sands'" is Sands's.
    assert_eq!(
        sources("Philippe Sands is a lawyer. Mr Sands' book suggests the answer was written by Lord Vale."),
        ["Philippe Sands"]
    );
}

#[test]
fn an_amount_or_a_thing_added_is_no_claim() {
    for sentence in [
        "The minister did not raise the levy that year, but despite threats of protests, he added 2.5p per litre.",
        "In May the economy added around 150,000 jobs.",
        "Online forums added another link to the chain of rumours.",
        "The careless choice of a spokesman added to the confusion over who was in charge.",
        "Fond of old soul records, the trio added a brass section to their usual line-up.",
    ] {
        assert_eq!(run(sentence), [], "{sentence}");
    }
    // After "added", words that open a clause are still a claim.
    assert_single_claim(&[
        (
            "Ms Lund added 40 people had been hurt in the crash.",
            "Lund",
            "40 people had been hurt in the crash",
        ),
        (
            "Ms Lund added an apology was not enough.",
            "Lund",
            "an apology was not enough",
        ),
        (
            "Ms Lund added a few of them would sue.",
            "Lund",
            "a few of them would sue",
        ),
    ]);
}

#[test]
fn a_body_named_whole_and_one_of_a_body_who_holds_no_post_in_it() {
    // A name of its own, "of the" inside it, is the whole name.
    assert_eq!(
        sources("Friends of the Forest said the plan was wrong."),
        ["Friends of the Forest"]
    );
    // One of a body, holding no post in it, does not speak for it.
    assert_eq!(
        sources("Another member of the Cabinet said the plan was wrong."),
        ["Another member of the Cabinet"]
    );
    // A post in it does ("the head of the CBI" speaks for the CBI).
    assert_eq!(
        sources("The head of the Widget Council said the plan was wrong."),
        ["Widget Council"]
    );
    // The body before a person's name qualifies the name.
    assert_eq!(
        sources("Shadow leader of the Commons Owen Hale said the plan was wrong."),
        ["Owen Hale"]
    );
}

#[test]
fn a_number_ends_a_name() {
    assert_eq!(
        roles("Campaign group Transit 2040 said the freeze sends the wrong message."),
        [("Transit 2040".to_string(), Some("Campaign group".to_string()))]
    );
}

#[test]
fn a_post_without_a_determiner_then_the_name_set_off_by_commas() {
    assert_eq!(
        roles(
            "Responding to the speech, shadow chief secretary to the Exchequer, Owen Hale, said: \"This was more talk.\""
        ),
        [(
            "Owen Hale".to_string(),
            Some("shadow chief secretary to the Exchequer".to_string())
        )]
    );
}

#[test]
fn another_speakers_report_set_against_a_claim_ends_it() {
    for sentence in [
        "Ministers say the treaty would make the union work better but critics fear creating a super state.",
        "Ministers say the treaty would make the union work better, but critics say it creates a super state.",
    ] {
        assert_eq!(
            run(sentence)[0],
            (
                "Ministers".to_string(),
                "say".to_string(),
                "the treaty would make the union work better".to_string()
            ),
            "{sentence}"
        );
    }
    // "And" after a comma joins another speaker's report on.
    let found = run("Jo Lee denies that the mill closed, and Ann Fox says there was no sale.");
    assert_eq!(
        found[0],
        (
            "Jo Lee".to_string(),
            "denies".to_string(),
            "the mill closed".to_string()
        )
    );
    assert_eq!(found[1].0, "Ann Fox");
    // Without the comma, two people who told of it are in the claim.
    assert_eq!(
        run("The mayor said that Lee and Fox told police the van was red.")[0].2,
        "Lee and Fox told police the van was red"
    );
    // "But" and no report after it: the claim goes on.
    assert_single_claim(&[(
        "Ministers say the treaty is long but the benefits are large.",
        "Ministers",
        "the treaty is long but the benefits are large",
    )]);
}

#[test]
fn the_speakers_next_act_or_when_they_spoke_is_not_the_claim() {
    assert_single_claim(&[
        (
            "Mr Vale said outdoor trips were good for children but accepted that many teachers now worried.",
            "Vale",
            "outdoor trips were good for children",
        ),
        (
            "Mr Vale later stressed the party's pledge to focus on schools, when he met parents in the area.",
            "Vale",
            "the party's pledge to focus on schools",
        ),
    ]);
    // A time clause about something else stays in the claim.
    assert_single_claim(&[(
        "Mr Vale said prices would fall, when the new plant opened.",
        "Vale",
        "prices would fall, when the new plant opened",
    )]);
}

#[test]
fn words_quoted_inside_a_claim_leave_its_speaker_the_one_who_goes_on_but_said() {
    let found = run(
        "A party source told the Sunday Times Mr Lee would \"effectively run\" the press campaign but said he would be given no formal title.",
    );
    assert_eq!(
        found,
        vec![
            (
                "A party source".into(),
                "told".into(),
                "Mr Lee would \"effectively run\" the press campaign".into()
            ),
            (
                "A party source".into(),
                "said".into(),
                "he would be given no formal title".into()
            ),
        ]
    );
    // A speaker of its own after the quoted words still speaks.
    assert_eq!(
        sources("The aide said the bill was \"dead on arrival\" but the committee said it would vote."),
        ["The aide", "the committee"]
    );
}

#[test]
fn according_to_between_a_subject_and_its_verb_leaves_the_claim_whole() {
    assert_single_claim(&[
        (
            "The problem, according to Mr Lane, is not the war, or even apathy, but Mr Blair himself.",
            "Lane",
            "The problem is not the war, or even apathy, but Mr Blair himself",
        ),
        (
            "The cause, according to police, was a gas leak.",
            "police",
            "The cause was a gas leak",
        ),
    ]);
    // (A clause of its own after "but" still ends the claim.)
    assert_single_claim(&[(
        "The cause, according to police, was a gas leak, but the fire spread.",
        "police",
        "The cause was a gas leak",
    )]);
}

#[test]
fn a_member_described_by_their_seat_is_the_lede_s_member_where_no_other_is_named() {
    assert_eq!(
        sources(
            "Labour MP Jo Lee has told of her shock at the news. \"It was a horrible thing with a happy ending,\" said the Ealing North MP."
        ),
        ["Jo Lee"]
    );
    // The lede by description, then by name.
    assert_eq!(
        sources(
            "Voters should accept longer queues, a Home Office minister has said. Ann Roe said the change was overdue. \"The threat is real,\" the Salford MP told the committee."
        ),
        ["Ann Roe", "Ann Roe", "Ann Roe"]
    );
    // Another MP named: the description stays one, never a guess.
    let found = sources(
        "Tom Vale is to stand against Labour MP Ann Roe at the election. Mr Vale launched his party in January. \"It is a fight we will win,\" said the Glasgow Kelvin MP.",
    );
    assert_eq!(
        found.last().map(String::as_str),
        Some("the Glasgow Kelvin MP"),
        "{found:?}"
    );
}

#[test]
fn a_quotation_with_a_cue_before_and_after_it_is_one_claim_keeping_the_role() {
    let found = extract(
        "Ann Roe, for the Greens, added: \"If the policy goes on, changing the minister will serve no purpose,\" she said.",
        &HashMap::new(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].cue.text, "said");
    assert_eq!(found[0].role.as_deref(), Some("for the Greens"));
}

#[test]
fn but_and_a_second_cue_after_an_aside_about_the_subject_is_the_subject_s() {
    assert_eq!(
        run(
            "Dr Tom Vale, on his first full day in the job after Ann Roe was sacked, admitted \"big challenges\" but insisted the \"essentials\" were in place."
        ),
        vec![
            ("Tom Vale".into(), "admitted".into(), "big challenges".into()),
            (
                "Tom Vale".into(),
                "insisted".into(),
                "the \"essentials\" were in place".into()
            ),
        ]
    );
}

#[test]
fn a_day_with_its_verb_after_that_is_what_the_claim_is_about() {
    assert_single_claim(&[
        (
            "Party chairman Jo Lee said that Saturday had been a massive demonstration of support.",
            "Jo Lee",
            "Saturday had been a massive demonstration of support",
        ),
        ("Mr Lee said Monday he would resign.", "Lee", "he would resign"),
    ]);
}

#[test]
fn claims_after_an_opening_participle_is_a_noun() {
    assert_single_speaker(&[
        (
            "Addressing claims that the law was unenforceable, Mr Vale told the BBC: \"There has been a lot of spin.\"",
            "Vale",
        ),
        (
            "Rejecting reports of a split, the party said it was united.",
            "the party",
        ),
    ]);
}

#[test]
fn a_demand_of_others_after_and_is_the_speaker_s_next_act() {
    assert_single_claim(&[
        (
            "He said intimidation seemed to have been widespread and called on hunts to do more to stop it.",
            "He",
            "intimidation seemed to have been widespread",
        ),
        (
            "Jo Lee said the plan was flawed and urged ministers to think again.",
            "Jo Lee",
            "the plan was flawed",
        ),
    ]);
}

#[test]
fn a_participle_after_a_comma_reports_a_pronoun_and_its_auxiliary_too() {
    let found = run(
        "He spoke on Monday. Jo Lee does not believe the vote should be held, arguing it is a matter for conscience.",
    );
    assert_eq!(
        found,
        vec![(
            "Jo Lee".into(),
            "arguing".into(),
            "it is a matter for conscience".into()
        )]
    );
    // ("noting it down": no clause, no claim.)
    assert!(run("He spoke on Monday. Jo Lee heard the speech, noting it down.").is_empty());
}

#[test]
fn but_and_a_speaker_s_report_with_a_colon_ends_the_claim_before() {
    let found = run(
        "Cardinal Tom Vale claimed Labour had \"developed\" the notion, but he said: \"We are not going to back one party.\"",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].2, "Labour had \"developed\" the notion");
    assert_eq!(found[1].2, "We are not going to back one party");
}

#[test]
fn a_verb_in_quotes_after_the_subject_still_gives_but_said_to_it() {
    assert_single_claim(&[(
        "He spoke. The Pro-Life Alliance \"congratulated\" Mr Vale on his stance, but said it did not go far enough.",
        "Pro-Life Alliance",
        "it did not go far enough",
    )]);
}

#[test]
fn a_post_after_and_is_the_next_person_s_not_the_name_s_before() {
    assert_eq!(
        roles(
            "Mr Vale held talks with his Israeli counterpart, Tom Roe, and the Palestinian leader, Ann Lee. Mr Roe said he was pleased."
        ),
        [("Tom Roe".to_string(), None)]
    );
}

#[test]
fn a_concession_set_off_with_another_report_ends_the_claim() {
    let found = run(
        "Earlier, Mr Vale said he had not seen \"the slightest step\" towards peace - though he admitted that an election was under way.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].2, "he had not seen \"the slightest step\" towards peace");
    assert_eq!(found[1].2, "an election was under way");
    assert_eq!(
        run(
            "Labour say a vote for them could \"let the Tories in\", while the Tories say it means higher taxes."
        ),
        vec![
            (
                "Labour".into(),
                "say".into(),
                "a vote for them could \"let the Tories in\"".into()
            ),
            ("Tories".into(), "say".into(), "it means higher taxes".into()),
        ]
    );
    assert_eq!(
        run("Jo Lee said the plan was good, although critics say it is costly."),
        vec![
            ("Jo Lee".into(), "said".into(), "the plan was good".into()),
            ("critics".into(), "say".into(), "it is costly".into()),
        ]
    );
}

#[test]
fn officials_of_a_nationality_are_the_source_not_the_nationality() {
    assert_single_speaker(&[
        (
            "Russian officials said the talks would resume.",
            "Russian officials",
        ),
        ("Kremlin officials said the talks would resume.", "Kremlin"),
    ]);
}

#[test]
fn a_kind_of_body_then_its_name_opening_the_sentence_is_the_name() {
    assert_single_speaker(&[
        (
            "He spoke. Pressure group Liberty welcomed the ruling, saying it was overdue.",
            "Liberty",
        ),
        (
            "He spoke. Anti-abortion group the Pro-Life Alliance \"congratulated\" Mr Vale, but said it did not go far enough.",
            "Pro-Life Alliance",
        ),
    ]);
}

#[test]
fn a_finding_past_an_aside_about_the_study_is_the_study_s() {
    let found = run(
        "He spoke. A study by the council, which was commissioned by the executive and two boards, found that a service could cover its costs. It also found that a freight line could be reinstated.",
    );
    assert_eq!(
        found,
        vec![
            (
                "A study by the council".into(),
                "found".into(),
                "a service could cover its costs".into()
            ),
            (
                "A study by the council".into(),
                "found".into(),
                "a freight line could be reinstated".into()
            ),
        ]
    );
}

#[test]
fn a_post_after_an_inverted_speakers_name_is_their_role() {
    let role = |sentence: &str| roles(sentence).pop().and_then(|(_, role)| role);
    assert_eq!(
        role("\"Send them home,\" said Ola Nyberg, secretary general of the union."),
        Some("secretary general of the union".to_string())
    );
    assert_eq!(
        role("\"Send them home,\" said Ola Nyberg, a spokeswoman for the union."),
        Some("spokeswoman for the union".to_string())
    );
    assert_eq!(
        role("\"Send them home,\" said Ola Nyberg, Green MP for Fife."),
        Some("Green MP for Fife".to_string())
    );
    // What the speaker did, or when, is no post.
    for sentence in [
        "\"Send them home,\" said Ola Nyberg, her voice breaking.",
        "\"Send them home,\" said Ola Nyberg, as the crowd cheered.",
        "\"Send them home,\" said Ola Nyberg, in a statement.",
    ] {
        assert_eq!(
            roles(sentence),
            vec![("Ola Nyberg".to_string(), None)],
            "{sentence}"
        );
    }
}

#[test]
fn a_name_after_an_inverted_description_is_the_speaker() {
    assert_eq!(
        roles("\"We carry on,\" said the choir's musical director, Ola Nyberg."),
        vec![(
            "Ola Nyberg".to_string(),
            Some("choir's musical director".to_string())
        )]
    );
    assert_eq!(
        roles("\"We carry on,\" said the head of the inquiry, Green MP Ola Nyberg."),
        vec![("Ola Nyberg".to_string(), Some("Green MP".to_string()))]
    );
    // A day is no name.
    assert_eq!(
        sources("\"We carry on,\" said the director, Tuesday."),
        vec!["the director"]
    );
}

#[test]
fn a_name_after_a_description_closing_a_report_is_the_speaker() {
    assert_eq!(
        roles("The fund is safe and sound, said the choir's chief executive, Ola Nyberg."),
        vec![(
            "Ola Nyberg".to_string(),
            Some("choir's chief executive".to_string())
        )]
    );
    // A day after the speaker is when, not who.
    assert_eq!(
        roles("The fund is safe and sound, said the spokesman, Tuesday."),
        vec![("the spokesman".to_string(), None)]
    );
}

#[test]
fn a_capitalized_run_after_the_is_no_person_he_may_mean() {
    // "He" is the correspondent's, not the aircraft's after "the".
    assert_eq!(
        sources(
            "Ola Nyberg said the plan was sound. Our correspondent said the worst projects included the \
             Great Northern Express. But he added some projects were doing well."
        ),
        vec!["Ola Nyberg", "Our correspondent", "Our correspondent"]
    );
    // A post's body before the name leaves the name a person's, whom "he"
    // means (the body's name is still read as part of it).
    let found = sources(
        "Ola Nyberg said the plan was sound. But Minister for the Interior Ivo Brandt attacked \
         it. \"It will fail,\" he said.",
    );
    assert!(found[1].ends_with("Ivo Brandt"), "{found:?}");
}

#[test]
fn he_after_a_described_official_means_that_official() {
    assert_eq!(
        sources(
            "Ola Nyberg said the talks went well. A senior official said no deal was offered. He added that more talks were due."
        ),
        vec!["Ola Nyberg", "A senior official", "A senior official"]
    );
    // "The minister" is likely someone the article named: "he" stays theirs.
    assert_eq!(
        sources(
            "Minister Ola Nyberg spoke. The minister said no deal was offered. He added that more talks were due."
        ),
        vec!["Ola Nyberg", "Ola Nyberg"]
    );
}

#[test]
fn an_according_to_aside_ends_the_speaker_at_its_comma() {
    assert_single_claim(&[
        (
            "The figures follow a run of poor results, and, according to our correspondent, hold few surprises.",
            "our correspondent",
            "The figures follow a run of poor results, and hold few surprises",
        ),
        (
            "The figures, according to our correspondent, hold few surprises.",
            "our correspondent",
            "The figures hold few surprises",
        ),
        (
            "The council raised its fees sharply, according to Ola Nyberg, in a move that angered tenants.",
            "Ola Nyberg",
            "The council raised its fees sharply",
        ),
    ]);
}

#[test]
fn a_year_or_month_before_a_described_speaker_is_when() {
    assert_single_claim(&[
        (
            "In 1998 the union said it would not strike again.",
            "the union",
            "it would not strike again",
        ),
        (
            "In March the union said it would not strike again.",
            "the union",
            "it would not strike again",
        ),
        (
            "On Monday the union said it would not strike again.",
            "the union",
            "it would not strike again",
        ),
        (
            "In March Ola Nyberg said she would not strike again.",
            "Ola Nyberg",
            "she would not strike again",
        ),
    ]);
}

#[test]
fn a_quotation_going_on_alone_loses_its_closing_stop() {
    let found = run(
        "Ola Nyberg said: \"We tried hard. \"We failed, and we know it. \"It amazes me that they left.\"",
    );
    assert_eq!(
        found.last().map(|p| p.2.as_str()),
        Some("It amazes me that they left"),
        "{found:?}"
    );
}

#[test]
fn a_quotation_alone_after_a_named_persons_act_is_theirs() {
    assert_eq!(
        roles(
            "Green spokeswoman Ola Nyberg repeated her calls for an inquiry. \"Only the fullest \
             disclosure can serve the public interest.\""
        ),
        vec![("Ola Nyberg".to_string(), Some("Green spokeswoman".to_string()))]
    );
    assert_eq!(
        single("Ola Nyberg dismissed the report. \"It is a work of fiction from start to end.\""),
        (
            "Ola Nyberg".to_string(),
            "dismissed".to_string(),
            "It is a work of fiction from start to end".to_string()
        )
    );
    // Not after a description, nor after a sentence that quotes or reports.
    assert_no_proposal(&[
        "The minister dismissed the report. \"It is a work of fiction from start to end.\"",
        "On Monday, Ola Nyberg dismissed the report. \"It is a work of fiction from start to end.\"",
    ]);
}

#[test]
fn a_participles_report_is_no_claim_of_the_verb_before_it() {
    assert_eq!(
        run("Lord Vale also denied them, saying he was not leaned on in any way."),
        vec![(
            "Lord Vale".to_string(),
            "saying".to_string(),
            "he was not leaned on in any way".to_string()
        )]
    );
}

#[test]
fn a_post_in_a_body_named_by_its_kind_is_the_person_who_spoke_last() {
    assert_eq!(
        roles(
            "Peers are debating the rules. The Wren Society's Ola Nyberg said the change was \
             overdue. The reform group's general secretary told the BBC the rules were out of date."
        ),
        vec![
            ("Ola Nyberg".to_string(), Some("Wren Society".to_string())),
            (
                "Ola Nyberg".to_string(),
                Some("reform group's general secretary".to_string())
            ),
        ]
    );
    // The person who spoke, not the one the sentence before was about.
    assert_eq!(
        sources(
            "Ola Nyberg said questions must be answered. Police are searching for Ivo Brandt, who \
             failed to return. The party's parliamentary leader argued that ministers were to blame."
        ),
        vec!["Ola Nyberg", "Ola Nyberg"]
    );
    // With no one before it, the description stays.
    assert_eq!(
        sources("The reform group's general secretary told the BBC the rules were out of date."),
        vec!["The reform group's general secretary"]
    );
}

#[test]
fn a_description_opening_the_sentence_after_the_lede_is_the_ledes_person() {
    assert_eq!(
        roles(
            "Ola Nyberg has doubled the grant for rail lines.\n\nThe minister also unveiled a fund \
             for buses. Later the first savings have been made, the minister said."
        ),
        vec![("Ola Nyberg".to_string(), Some("minister".to_string()))]
    );
}

#[test]
fn and_a_pronouns_second_report_ends_the_claim_before_it() {
    let found = run("Ola Nyberg said the plan was sound, and she told MPs the cost would fall.");
    let claims: Vec<&str> = found.iter().map(|p| p.2.as_str()).collect();
    assert_eq!(claims, vec!["the plan was sound", "the cost would fall"]);
}

#[test]
fn a_participle_after_the_speakers_noun_says_which_one() {
    assert_single_speaker(&[
        (
            "An annual economic survey released on Friday said the region needed more investment.",
            "An annual economic survey",
        ),
        ("A report published today said the scheme had failed.", "A report"),
        ("The man arrested said he was innocent.", "The man"),
    ]);
}

#[test]
fn a_comment_after_a_dash_is_not_what_was_said() {
    assert_single_claim(&[(
        "The deficit would be 4.3% this year, Mr Ravi Menon said - falling short of the target.",
        "Ravi Menon",
        "The deficit would be 4.3% this year",
    )]);
}

#[test]
fn a_post_with_a_prefix_is_a_post() {
    assert_eq!(
        roles("Vice-President Jo Lakin said the budget was the tightest so far."),
        [("Jo Lakin".to_string(), Some("Vice-President".to_string()))]
    );
    // "The Tory co-chairman" is the person the article gave the post.
    assert_eq!(
        sources(
            "Tory co-chairman Ann Voss was speaking in Leeds. The Tory co-chairman said the pledges were vacuous."
        ),
        ["Ann Voss"]
    );
}

#[test]
fn a_description_given_as_a_verdict_is_a_claim_of_what_it_is() {
    // "described X as Y" claims X was Y (is, where the description
    // stands: "describes", "has described"), to where the description ends.
    assert_single_claim(&[
        (
            "Jo Lee described the ruling as \"deeply unfair\".",
            "Jo Lee",
            "the ruling was \"deeply unfair\"",
        ),
        (
            "The union has described the new rota as a disgrace.",
            "The union",
            "the new rota is a disgrace",
        ),
        (
            "The coach described his players' first season as \"hard\" after they had lost ten games.",
            "The coach",
            "his players' first season was \"hard\"",
        ),
        (
            "Ms Roe described their excuses for the delay as \"feeble\", but agreed to wait.",
            "Roe",
            "their excuses for the delay were \"feeble\"",
        ),
        (
            "Mr Vale described the report as published by the council as a whitewash.",
            "Vale",
            "the report as published by the council was a whitewash",
        ),
    ]);
    // Of oneself, or of someone named by a pronoun, the words stay as
    // written: "he was" would be anyone.
    assert_single_claim(&[
        (
            "The mayor describes himself as a socialist.",
            "The mayor",
            "himself as a socialist",
        ),
        (
            "Among the tributes was one from her friend, the poet Jo Lee, who described her as \"a sister\".",
            "Jo Lee",
            "her as \"a sister\"",
        ),
    ]);
    // The speaker's next verb is a report of its own.
    assert_eq!(
        run("Police described the driver as tall and said he wore a red coat."),
        [
            (
                "Police".to_string(),
                "described".to_string(),
                "the driver was tall".to_string()
            ),
            (
                "Police".to_string(),
                "said".to_string(),
                "he wore a red coat".to_string()
            ),
        ]
    );
    // Without "as", passive, or of whom the description is: no verdict,
    // no speaker.
    assert_no_proposal(&[
        "The witness described the scene in detail.",
        "The suspect was described as tall and thin.",
        "The plan, described by critics as a mess, was dropped.",
    ]);
    assert!(
        !sources("\"It is a fine day for the fund,\" Jo Lee described Ann Roe as saying.")
            .contains(&"Ann Roe".to_string())
    );
}

#[test]
fn a_report_inside_another_leaves_the_next_quotation_to_the_outer_speaker() {
    // Ms Roe's words go on in the quotation after the sentence, not Mr
    // Vale's, whose report is part of what she said.
    assert_eq!(
        sources(
            "Ms Roe said the tax was unfair and told MPs that Tom Vale last year described it as a \
             scandal. \"How could anyone defend it now that the figures are out?\""
        ),
        ["Roe", "Roe", "Tom Vale", "Roe"]
    );
    // But a report inside another that opens the quotation keeps it.
    assert_eq!(
        sources(
            "The Herald reports that Tom Vale told a magazine: \"I will stay at the club. \
             \"I think I will always choose the club, if it wants me.\""
        ),
        ["Herald", "Tom Vale", "Tom Vale"]
    );
}

#[test]
fn a_name_after_told_whom_and_that_opens_the_claim() {
    // Past "that" or "reporters", capitals are whom the claim is about,
    // not more of an outlet's name; so after members of a house.
    assert_single_claim(&[
        (
            "Ms Roe told MPs that Tom Vale was wrong.",
            "Roe",
            "Tom Vale was wrong",
        ),
        ("Ms Roe told MPs Tom Vale was wrong.", "Roe", "Tom Vale was wrong"),
        (
            "Ms Roe told reporters Tom Vale was wrong.",
            "Roe",
            "Tom Vale was wrong",
        ),
        (
            "Ms Roe told reporters that Tom Vale was wrong.",
            "Roe",
            "Tom Vale was wrong",
        ),
        // A number in the outlet's name is part of it.
        (
            "Ms Roe told BBC Radio 4 that the plan was dead.",
            "Roe",
            "the plan was dead",
        ),
        (
            "Ms Roe told Channel 4 News the plan was dead.",
            "Roe",
            "the plan was dead",
        ),
    ]);
}

#[test]
fn a_verdict_quoted_after_called_is_a_claim_of_what_it_is() {
    // "called X \"Y\"" claims X was Y, in the speaker's words.
    assert_single_claim(&[
        (
            "Jo Lee called the ruling \"deeply unfair\" on Monday.",
            "Jo Lee",
            "the ruling was \"deeply unfair\"",
        ),
        (
            "The mayor called it a \"shameful waste\".",
            "The mayor",
            "it was a \"shameful waste\"",
        ),
        (
            "Ms Roe calls the Greens \"the party of no\".",
            "Roe",
            "the Greens are \"the party of no\"",
        ),
        // Of a pronoun, the words as written.
        ("Mr Vale called him \"a disgrace\".", "Vale", "him \"a disgrace\""),
    ]);
    // A call for something, a name given, a call taken, a quotation
    // describing the noun after it: no verdict.
    assert_no_proposal(&[
        "The union called for \"an end to the strike\".",
        "A group called \"Friends of the Park\" met on Monday.",
        "She called a \"crisis meeting\" for Friday.",
        "It's called \"The Ridge\" by the locals.",
        "The host began taking calls from listeners to his \"Late Show\" programme.",
        "He attacked what he calls the \"reckless\" plan.",
        "Mr Fitton called her assertion of a \"claim of right\" absurd.",
        "A band called Echo Lane got the crowd to cheer for a \"new start\".",
    ]);
}

#[test]
fn all_told_is_in_all_not_words() {
    assert_no_proposal(&[
        "All told, up to 5 million people could be eligible.",
        "The fund lost money. All told the losses came to $3 million.",
    ]);
    // "told" after another "all" still reports.
    assert_single_claim(&[(
        "They all told reporters the money was gone.",
        "They all",
        "the money was gone",
    )]);
}

#[test]
fn everything_a_speaker_says_as_a_subject_is_no_claim_of_theirs() {
    // The writer's verdict on whatever was said, not what was said.
    assert_no_proposal(&[
        "Everything Tom Vale says is a lie unless proven otherwise.",
        "While not everything Tom Vale says is true, he is popular.",
        "All he said was that the plan had failed.",
    ]);
    // A noun the clause describes: the speaker says it is so.
    assert_single_claim(&[(
        "It is something the aides argue is possible after the win.",
        "the aides",
        "is possible after the win",
    )]);
}

#[test]
fn having_opening_a_sentence_is_no_speaker() {
    assert_no_proposal(&[
        "Having announced he would not resign, Tom Vale went home.",
        "\"Having said that, the team is in much better shape.\"",
    ]);
    // The speaker after the participle's clause still speaks.
    assert_single_claim(&[(
        "Having said that, Tom Vale said the plan was dead.",
        "Tom Vale",
        "the plan was dead",
    )]);
}

#[test]
fn goals_a_penalty_or_defeat_conceded_are_no_admission() {
    assert_no_proposal(&[
        "The Londoners have conceded six goals in their two outings since.",
        "Ireland conceded a penalty close to their own line, and Scotland kicked it to touch.",
        "Jo Lee conceded defeat on Wednesday, abandoning hopes of a recount.",
    ]);
    // A clause after the noun, or no such noun: an admission.
    assert_single_claim(&[
        (
            "The keeper conceded the goal was his fault.",
            "The keeper",
            "the goal was his fault",
        ),
        (
            "Tom Vale conceded a mistake had been made.",
            "Tom Vale",
            "a mistake had been made",
        ),
    ]);
}

#[test]
fn a_list_items_bullet_is_no_speakers_title() {
    let text = "Title\n\n• Tom Vale said the plan was dead.\n\n- Spokesman Ed Moe said the vote was won.\n\n* Ann Roe said the vote was lost.\n";
    assert_eq!(
        roles(text),
        vec![
            ("Tom Vale".to_string(), None),
            ("Ed Moe".to_string(), Some("Spokesman".to_string())),
            ("Ann Roe".to_string(), None),
        ]
    );
}

#[test]
fn a_report_inside_brackets_ends_where_they_close() {
    assert_single_claim(&[
        (
            "The vote was close. (Tom Vale said the plan was dead.) It passed.",
            "Tom Vale",
            "the plan was dead",
        ),
        (
            "The vote was close (Tom Vale said the plan was dead) and it passed.",
            "Tom Vale",
            "the plan was dead",
        ),
        // Brackets inside the claim, or closed before the cue, stay.
        (
            "Tom Vale said the plan was dead (and buried).",
            "Tom Vale",
            "the plan was dead (and buried)",
        ),
        (
            "The vote (the first since May) went ahead and Tom Vale said the plan was dead.",
            "Tom Vale",
            "the plan was dead",
        ),
    ]);
}

#[test]
fn whom_an_outlet_quoted_as_saying_speaks() {
    assert_single_claim(&[
        (
            "\"We will bid,\" Reuters quoted one trader as saying.",
            "one trader",
            "We will bid",
        ),
        (
            "A report in the Telegraph quoted an unnamed executive at the firm as saying the group would bid.",
            "an unnamed executive at the firm",
            "the group would bid",
        ),
        (
            "Reuters quoted Tom Vale as saying the group would bid.",
            "Tom Vale",
            "the group would bid",
        ),
        // Passive: the subject was quoted, and speaks.
        (
            "Tom Vale was quoted by The Australian newspaper as saying the group would bid.",
            "Tom Vale",
            "the group would bid",
        ),
    ]);
    assert_eq!(
        roles("\"We will bid,\" the newspaper quoted Qantas chief executive Geoff Dixon as saying."),
        vec![(
            "Geoff Dixon".to_string(),
            Some("Qantas chief executive".to_string())
        )]
    );
}

#[test]
fn a_description_opening_with_a_or_an_is_the_subject_whole() {
    assert_single_claim(&[
        (
            "A US woman is suing the firm, saying its cartridges expire early.",
            "A US woman",
            "its cartridges expire early",
        ),
        (
            "A group of parents has sued the school, saying it failed them.",
            "A group of parents",
            "it failed them",
        ),
    ]);
}

#[test]
fn when_it_was_said_is_no_part_of_the_claim() {
    assert_single_claim(&[
        (
            "Tom Vale warned two weeks ago that the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
        (
            "Tom Vale said a few days ago the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
        (
            "Tom Vale said 18 months ago that the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
        (
            "Tom Vale said at the time that the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
        (
            "Tom Vale claimed at the time not to know the man.",
            "Tom Vale",
            "not to know the man",
        ),
    ]);
}

#[test]
fn capitals_before_a_post_are_whose_post_it_is_not_who_speaks() {
    assert_eq!(
        sources(
            "Jo Reed said the match would go on. Harbour City director of football Tom Vale praised the fans. \"They were calm,\" he said."
        ),
        ["Jo Reed", "Tom Vale"]
    );
}

#[test]
fn the_star_is_the_performer_the_article_is_about() {
    assert_eq!(
        sources(
            "Singer Jo Vale said a film about his life was next. The pop star said it would be a quiet affair."
        ),
        ["Jo Vale", "Jo Vale"]
    );
    // "Star" alone is no role to show.
    assert_eq!(
        roles("Hollywood star Jo Vale was in London for the premiere. \"It is cold,\" said Vale."),
        vec![("Jo Vale".into(), None)]
    );
}

#[test]
fn the_nation_told_is_no_part_of_the_claim() {
    assert_single_claim(&[
        (
            "Tom Vale told the nation he was resigning.",
            "Tom Vale",
            "he was resigning",
        ),
        (
            "Tom Vale told the country that the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
    ]);
}

#[test]
fn whom_it_was_told_to_before_a_colon_and_a_quotation_is_no_part_of_the_claim() {
    assert_single_claim(&[
        (
            "Tom Vale tells the inspector: \"The plan will fail in the spring.\"",
            "Tom Vale",
            "The plan will fail in the spring",
        ),
        (
            "Tom Vale told the council's new auditor: \"The plan will fail in the spring.\"",
            "Tom Vale",
            "The plan will fail in the spring",
        ),
    ]);
}

#[test]
fn whom_it_was_told_to_however_described_is_no_part_of_the_claim() {
    assert_single_claim(&[
        (
            "Tom Vale told the President of the European Parliament, Josep Borrell, that the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
        (
            "Tom Vale told the chairman of the committee that the plan would fail.",
            "Tom Vale",
            "the plan would fail",
        ),
        (
            "Jo Lee told a jury in New York on Wednesday that the books were false.",
            "Jo Lee",
            "the books were false",
        ),
        (
            "Jo Lee told the BBC at that time that the firm had not agreed.",
            "Jo Lee",
            "the firm had not agreed",
        ),
        // A story's words are the claim too.
        (
            "Tom Vale told the story that his father was a spy.",
            "Tom Vale",
            "his father was a spy",
        ),
    ]);
}

#[test]
fn a_comma_and_a_verb_inside_the_claims_quotation_are_the_speakers_words() {
    assert_single_claim(&[
        (
            "Mr Howard told his party that Labour would \"do anything, say anything, claim anything to cling on\".",
            "Howard",
            "Labour would \"do anything, say anything, claim anything to cling on\"",
        ),
        // Past the quotation's close, the speaker's next act.
        (
            "Jo Lee said the \"plan\" was dead, and urged ministers to act.",
            "Jo Lee",
            "the \"plan\" was dead",
        ),
        // A quotation that never closes cuts as before.
        (
            "Jo Lee said the bill \"had the feel of a draft, and urged the government to act \"before it is too late\".",
            "Jo Lee",
            "the bill \"had the feel of a draft",
        ),
    ]);
}

#[test]
fn speculated_that_is_a_claim_and_about_a_topic_none() {
    assert_single_claim(&[
        (
            "Economists speculated it might allow for tax cuts in the Budget.",
            "Economists",
            "it might allow for tax cuts in the Budget",
        ),
        (
            "Anti-virus firms speculate that the worm is spreading.",
            "Anti-virus firms",
            "the worm is spreading",
        ),
    ]);
    assert_no_proposal(&[
        "The market speculated about the cost of rebuilding.",
        "Fans have speculated in recent weeks about the possibility of a new player.",
        "Tom Vale declined to speculate on a backup plan.",
    ]);
    // Another's speculation set against a claim is not part of it.
    assert_eq!(
        run("Technorati estimates that the number of blogs has passed 4.8 million, although some speculate that less than a quarter are kept up.")
            .into_iter()
            .map(|p| p.2)
            .collect::<Vec<_>>(),
        vec!["the number of blogs has passed 4.8 million", "less than a quarter are kept up"]
    );
}

#[test]
fn someone_in_the_us_speaks_for_themselves_not_the_country() {
    // (Nor whom "it" goes on to mean: the airline quoted before.)
    let text = "Delta confirmed that the attendant had left. A legal expert in the US speculated that Delta might be worried. \
                Delta has also faced strikes. It has said it needs to cut 6,000 jobs.";
    assert_eq!(sources(text), vec!["Delta", "A legal expert in the US", "Delta"]);
}

#[test]
fn a_bodys_initials_are_the_body_named_in_full() {
    let text = "Title\n\nThe European Union estimates that the trade is worth 200bn euros. Last month the EU said it will start \
                monitoring China. The World Trade Organisation said the plan was fair. The WTO added that it would act. \
                The UN said the plan was new.";
    assert_eq!(
        sources(text),
        vec![
            "European Union",
            "European Union",
            "World Trade Organisation",
            "World Trade Organisation",
            // (No body named in full has these initials.)
            "UN",
        ]
    );
}

#[test]
fn findings_speak_for_the_body_that_published_them() {
    assert_single_speaker(&[
        (
            "According to Labor Department figures, US firms added only 146,000 jobs.",
            "Labor Department",
        ),
        (
            "A British Retail Consortium survey found that Christmas was the worst for 10 years.",
            "British Retail Consortium",
        ),
        ("CEA research suggests that sales will rise.", "CEA"),
        // Not an opening adjective, a lone word or a name.
        ("Recent data show that the economy grew.", "Recent data"),
        (
            "Government figures show that the economy grew.",
            "Government figures",
        ),
        ("A Toshiba study found that users were happy.", "A Toshiba study"),
        (
            "Referee Graham Poll said he applied the laws of the game.",
            "Graham Poll",
        ),
    ]);
}

#[test]
fn most_telling_is_an_adjective_and_a_telling_of_a_noun() {
    assert_no_proposal(&[
        "The most telling promise Mrs Lee has made is that she will not overpromise.",
        "Perhaps most telling, though, were the candidates' favourite shows.",
        "Donald Trump's telling of a discredited story drew fire.",
    ]);
    assert_single_claim(&[(
        "Jo Lee was telling reporters the plan was dead.",
        "Jo Lee",
        "the plan was dead",
    )]);
}

#[test]
fn responding_to_or_with_something_says_nothing() {
    assert_no_proposal(&[
        "Mrs Lee responded with ads set to run on Friday in three markets.",
        "Jo Lee responded to the minister's remarks about his record.",
        "The club responded angrily to the fine imposed by the league.",
        "He responded as if he had been deeply insulted.",
        "The side replied with two late goals and a penalty.",
        "Jo Lee responded to reports that the plan had failed.",
    ]);
    assert_single_claim(&[
        (
            "He responded that the plan was unfair.",
            "He",
            "the plan was unfair",
        ),
        // The words the answer gave.
        (
            "Ann Roe responded to the charge with: \"We broke no rule.\"",
            "Ann Roe",
            "We broke no rule",
        ),
    ]);
}

#[test]
fn what_is_maintained_without_a_clause_is_kept_up_not_said() {
    assert_no_proposal(&[
        "Ms Vale maintained support among older voters in the north.",
        "The reforms help Mr Lee maintain the image of a strong leader.",
        "The firm maintains the three lines under a contract with the city.",
    ]);
    assert_single_claim(&[
        (
            "The firm maintained the accounts were never audited.",
            "The firm",
            "the accounts were never audited",
        ),
        (
            "Jo Lee maintains he was misled by the bank.",
            "Jo Lee",
            "he was misled by the bank",
        ),
    ]);
}

#[test]
fn as_predicted_is_the_writers_and_keeps_saying_has_no_speaker_of_its_own() {
    assert_no_proposal(&[
        "But in March 2019, the scheme collapsed as predicted.",
        "In the end, the talks failed as expected.",
        "Keeps saying she opposed the war, when there are recordings of her backing it.",
        "Continued claiming the vote was rigged, when every count showed otherwise.",
        // "announced that same day, as mentioned above": an aside to the end.
        "The ministry replied with the rules Ms Roe announced that same day, as mentioned above.",
    ]);
    assert_single_claim(&[
        (
            "The plant closed, Reuters quoted sources as saying.",
            "sources",
            "The plant closed",
        ),
        (
            "Tom Vale keeps saying the election was rigged.",
            "Tom Vale",
            "the election was rigged",
        ),
        (
            "He said, as expected, that the plan would fail.",
            "He",
            "the plan would fail",
        ),
        (
            "The ministry announced that same day that it would close the plant.",
            "The ministry",
            "it would close the plant",
        ),
    ]);
}

#[test]
fn a_report_a_watchdog_or_a_firm_speaks_after_an_inverted_cue() {
    assert_single_claim(&[
        (
            "Technical standards must be agreed first, said the report.",
            "the report",
            "Technical standards must be agreed first",
        ),
        (
            "Schools must teach more history, says the education watchdog.",
            "the education watchdog",
            "Schools must teach more history",
        ),
        (
            "Shoppers want music rather than films on the move, says a survey.",
            "a survey",
            "Shoppers want music rather than films on the move",
        ),
    ]);
    // What follows a body goes on with the claim: no role of the speaker.
    assert_eq!(
        roles("Sales rose by a third in the year to March, said the firm, the highest rise in a decade."),
        vec![("the firm".to_string(), None)]
    );
}

#[test]
fn an_inverted_cue_inside_the_claim_leaves_it_whole() {
    assert_single_claim(&[
        (
            "Worryingly, said the firm, gangs were using new tricks.",
            "the firm",
            "Worryingly, gangs were using new tricks",
        ),
        (
            "Finally, said the minister, the plan was dead.",
            "the minister",
            "Finally, the plan was dead",
        ),
        (
            "In some cases, said the report, viewers saw the shows first.",
            "the report",
            "In some cases, viewers saw the shows first",
        ),
        (
            "The new plan for the railways, said the minister, was dead on arrival.",
            "the minister",
            "The new plan for the railways was dead on arrival",
        ),
        (
            "The ministers' comments, said Jo Lee of Acme in Tokyo, were too weak to move the market.",
            "Jo Lee",
            "The ministers' comments were too weak to move the market",
        ),
    ]);
}

#[test]
fn a_court_or_an_inquiry_told_is_whom_not_what() {
    assert_single_claim(&[
        (
            "Lawyers for the men told a court the men did not want bail.",
            "Lawyers for the men",
            "the men did not want bail",
        ),
        (
            "Jo Lee told the inquiry the files had been destroyed.",
            "Jo Lee",
            "the files had been destroyed",
        ),
        (
            "The minister told Parliament the plan was sound.",
            "The minister",
            "the plan was sound",
        ),
    ]);
}

#[test]
fn a_passive_participle_after_the_subject_is_no_part_of_the_speaker() {
    assert_single_claim(&[
        (
            "The legal team for two Algerian suspects being held without trial told reporters the men did not want bail.",
            "The legal team for two Algerian suspects",
            "the men did not want bail",
        ),
        (
            "The team for two suspects being held said the men were innocent.",
            "The team for two suspects",
            "the men were innocent",
        ),
    ]);
}

#[test]
fn claiming_a_victim_or_lives_is_taking_not_saying() {
    assert_no_proposal(&[
        "Efforts to stop films being shared online have claimed a high-profile victim.",
        "The storm claimed 12 lives in the north.",
    ]);
    assert_single_claim(&[
        (
            "He claimed the victims had been paid.",
            "He",
            "the victims had been paid",
        ),
        (
            "She claimed her life was threatened.",
            "She",
            "her life was threatened",
        ),
    ]);
}

#[test]
fn her_before_a_noun_opens_the_claim_and_after_told_is_whom() {
    assert_single_claim(&[
        ("She said her husband was ill.", "She", "her husband was ill"),
        (
            "Jo Lee warned her party was in danger.",
            "Jo Lee",
            "her party was in danger",
        ),
        ("He told her the plan was dead.", "He", "the plan was dead"),
        (
            "He told her last week the plan was dead.",
            "He",
            "the plan was dead",
        ),
        (
            "He promised her repeatedly that he would pay.",
            "He",
            "he would pay",
        ),
    ]);
}

#[test]
fn a_name_whose_owner_is_named_is_not_the_persons_full_name() {
    // The headline's "Everton's Weir", then the body's full name.
    let text = "Everton's Weir cools hopes\n\nEverton defender David Weir has played down talk of a title. \
                Weir told BBC Radio Five Live: \"We don't want to rest on our laurels.\"";
    assert_eq!(sources(text), vec!["David Weir"]);
}

#[test]
fn whose_post_opens_the_sentence_is_not_the_he_of_the_next() {
    let text = "Headline\n\nThe singer Bill Cole will not face charges. Cole's lawyer, Walter Phillips, \
                said the decision was right. \"He looks forward to moving on,\" he said.";
    assert_eq!(sources(text), vec!["Walter Phillips", "Walter Phillips"]);
    // Whose speech it was is "he".
    let text = "Headline\n\nTony Blair will speak today. Mr Blair's speech attacked the plan. \
                \"It will fail,\" he said.";
    assert_eq!(sources(text), vec!["Tony Blair"]);
}

#[test]
fn points_added_and_a_thing_threatened_are_no_claims() {
    assert_no_proposal(&[
        "Fly-half Tom Vale added four conversions as Wales kept up their start.",
        "Wales twice threatened further scores but failed to find the pass.",
        "Acme threatened legal action against any buyer.",
    ]);
    assert_single_claim(&[
        (
            "Trump threatened to impose a tax on imported cars.",
            "Trump",
            "to impose a tax on imported cars",
        ),
        (
            "The union threatened strikes would follow.",
            "The union",
            "strikes would follow",
        ),
        (
            "He added two more points were needed.",
            "He",
            "two more points were needed",
        ),
    ]);
}

#[test]
fn a_group_without_a_determiner_speaks_after_an_inverted_cue() {
    assert_single_claim(&[
        (
            "Prices will rise sharply next year, say analysts.",
            "analysts",
            "Prices will rise sharply next year",
        ),
        (
            "Games could help children learn, say researchers at the institute.",
            "researchers at the institute",
            "Games could help children learn",
        ),
        (
            "Locally, too, say analysts, recent events have helped the market.",
            "analysts",
            "Locally, too, recent events have helped the market",
        ),
        // A name in "-ly" is no adverb: the report's claim is about Kelly.
        (
            "Kelly, said the report, was sacked.",
            "the report",
            "Kelly was sacked",
        ),
    ]);
}

#[test]
fn an_economist_or_a_lawyer_opening_the_sentence_is_the_role() {
    assert_single_role(&[
        (
            "Economist Colen Garrow said the budget would stimulate growth.",
            "Colen Garrow",
            "Economist",
        ),
        (
            "Lawyer Louise Christian said the government should have acted sooner.",
            "Louise Christian",
            "Lawyer",
        ),
    ]);
    // A body's name that opens with the word stays whole.
    assert_single_speaker(&[(
        "The Economist Intelligence Unit said the budget looked good.",
        "Economist Intelligence Unit",
    )]);
}

#[test]
fn a_post_set_off_before_the_name_is_the_role_without_its_comma() {
    assert_single_role(&[(
        "\"We need the cards,\" Acme's chief executive, Cynthia Musselman, told the BBC.",
        "Cynthia Musselman",
        "Acme's chief executive",
    )]);
}

#[test]
fn a_conjunction_after_an_inverted_speaker_opens_the_next_part() {
    // What follows ", but", ", although" or ", with" is neither the
    // speaker's post nor more of the claim before the cue.
    for sentence in [
        "Ticket sales rose sharply last year, said Ann Lee, although she gave no figures.",
        "Ticket sales rose sharply last year, said Ann Lee, with most of the gains in Asia, Europe, Africa and elsewhere.",
        "Ticket sales rose sharply last year, said Ann Lee, but prices had fallen, slowly and unevenly, in the south.",
    ] {
        assert_eq!(
            extract(sentence, &HashMap::new())
                .into_iter()
                .map(|p| (p.source, p.role, p.content.text))
                .collect::<Vec<_>>(),
            vec![(
                "Ann Lee".to_string(),
                None,
                "Ticket sales rose sharply last year".to_string()
            )],
            "{sentence}"
        );
    }
    // The part after it may report again: "adding" the same speaker, a
    // clause with a cue its own subject.
    assert_eq!(
        run("Ticket sales rose sharply last year, said Ann Lee, adding that prices would fall."),
        vec![
            (
                "Ann Lee".to_string(),
                "said".to_string(),
                "Ticket sales rose sharply last year".to_string()
            ),
            (
                "Ann Lee".to_string(),
                "adding".to_string(),
                "prices would fall".to_string()
            ),
        ]
    );
    assert_eq!(
        run(
            "Rory Armes runs the studio. The kits had reached the studio, said Mr Armes, but he said the firm was still waiting on Sony."
        ),
        vec![
            (
                "Rory Armes".to_string(),
                "said".to_string(),
                "The kits had reached the studio".to_string()
            ),
            (
                "Rory Armes".to_string(),
                "said".to_string(),
                "the firm was still waiting on Sony".to_string()
            ),
        ]
    );
}

#[test]
fn a_plural_possessive_with_a_curly_apostrophe_is_part_of_the_speaker() {
    assert_single_speaker(&[
        (
            "Bernie Sanders’ campaign says it raised more money in May.",
            "Bernie Sanders’ campaign",
        ),
        (
            "The workers’ union said the strike would go ahead.",
            "The workers’ union",
        ),
    ]);
}

#[test]
fn an_example_or_a_companion_set_off_after_the_speaker_is_no_speaker() {
    for (sentence, speaker) in [
        (
            "Certain broadcasters, like Acme TV, claim the rules do not apply to them.",
            "Certain broadcasters",
        ),
        (
            "Yet Democratic economists, like their Republican counterparts, say taxing consumption encourages savings.",
            "Democratic economists",
        ),
        (
            "Jo Fields, along with the reporter Ben Terris, says the event was cancelled.",
            "Jo Fields",
        ),
        (
            "Former members of the band, as well as their manager, said the tour would go ahead.",
            "Former members of the band",
        ),
    ] {
        assert_eq!(roles(sentence), vec![(speaker.to_string(), None)], "{sentence}");
    }
}

#[test]
fn people_familiar_with_or_close_to_something_are_a_source() {
    assert_single_speaker(&[
        (
            "People familiar with the talks said the deal was close.",
            "People familiar with the talks",
        ),
        (
            "People briefed on the situation say that the governor has not decided.",
            "People briefed on the situation",
        ),
        (
            "The deal was close, people close to the governor said.",
            "people close to the governor",
        ),
    ]);
    // People at large are not.
    assert_no_proposal(&["People say the deal was close."]);
}

#[test]
fn a_clause_of_time_after_a_cue_is_no_claim() {
    assert_no_proposal(&[
        "Her wins support her case, as Jo Lee suggested after she swept the contests in the South.",
        "Jo Lee reported after the FBI appears to have left the scene.",
    ]);
    // A time, then what was said.
    assert_single_claim(&[
        (
            "Jo Lee said after the convention he would not accept the offer.",
            "Jo Lee",
            "after the convention he would not accept the offer",
        ),
        (
            "Jo Lee said after an apology Mido would be available again.",
            "Jo Lee",
            "after an apology Mido would be available again",
        ),
        // "Until" after the attribution goes on with the claim before it.
        (
            "Lenox was a juggernaut, Jo Lee said, until it went bankrupt in 1999.",
            "Jo Lee",
            "Lenox was a juggernaut, until it went bankrupt in 1999",
        ),
    ]);
}

#[test]
fn quote_marks_around_the_first_words_of_a_claim_stay_in_it() {
    assert_single_claim(&[
        (
            "\"Dubious\" assumptions could drive the cost up by £130m, the report warned.",
            "the report",
            "\"Dubious\" assumptions could drive the cost up by £130m",
        ),
        (
            "\"Info cards\" will help people manage their details, said Acme.",
            "Acme",
            "\"Info cards\" will help people manage their details",
        ),
        // A quotation of what was said loses its marks, with or without a
        // comma before its speaker.
        ("\"We will win,\" she said.", "she", "We will win"),
        ("\"We will win\" she said.", "she", "We will win"),
    ]);
}

#[test]
fn a_post_after_a_quotation_s_speaker_may_be_followed_by_what_it_names() {
    assert_single_role(&[(
        "\"Fans are moving away from albums,\" said Paul Myers, chief executive of Wippit, a UK-based download service.",
        "Paul Myers",
        "chief executive of Wippit",
    )]);
    // What the speaker did is still no post.
    assert_eq!(
        roles("\"Fans are moving away,\" said Paul Myers, his voice breaking, a sign of the strain."),
        vec![("Paul Myers".to_string(), None)]
    );
}

#[test]
fn whom_someone_accused_with_no_charge_is_no_claim() {
    assert_no_proposal(&["In its court case, Acme has also accused Zenith, the state and two other firms."]);
    assert_single_claim(&[
        ("Acme accused Zenith of fraud.", "Acme", "Zenith of fraud"),
        // "accused" as a participle after its noun: the phrase speaks.
        (
            "But 36 people accused in connection with the blasts said the film should not be shown.",
            "36 people accused in connection with the blasts",
            "the film should not be shown",
        ),
    ]);
}

#[test]
fn a_surname_with_its_particle_comes_back_to_the_full_name() {
    assert_eq!(
        sources(
            "Planning Minister Julio De Vido has offered help. Mr De Vido said that the state would not pay."
        ),
        vec!["Julio De Vido"]
    );
    // Without the full name, the surname stays as written.
    assert_eq!(
        sources("Mr De Vido said that the state would not pay."),
        vec!["De Vido"]
    );
}

#[test]
fn an_aside_between_dashes_after_the_speaker_is_their_role() {
    assert_single_role(&[
        (
            "Jo Lee - a trustee of the fund - said exemptions were now needed.",
            "Jo Lee",
            "trustee of the fund",
        ),
        (
            "Mr Schroeder - a staunch supporter of the pact when it was set up - said exemptions were now needed.",
            "Schroeder",
            "staunch supporter of the pact when it was set up",
        ),
        (
            "\"We used to see hustlers do this,\" Andrei Illarionov - then economic adviser to the president - told reporters.",
            "Andrei Illarionov",
            "then economic adviser to the president",
        ),
        // A reflexive is no part of the post.
        (
            "Mr Bez - himself a former executive at a rival firm - said the car was cheap.",
            "Bez",
            "former executive at a rival firm",
        ),
    ]);
    // What they are like, or a clause, is no post.
    for sentence in [
        "One correspondent - all are anonymous - wrote that the nights were long.",
        "Mr Yushchenko - keen to reassure investors - said only 30 firms would be targeted.",
    ] {
        assert_eq!(roles(sentence).len(), 1, "{sentence}");
        assert_eq!(roles(sentence)[0].1, None, "{sentence}");
    }
}

#[test]
fn a_person_described_again_is_whom_he_means_not_a_name_further_on() {
    // A trade, an age or a post opening the sentence is the person the
    // article was about; the team or the person named later is not.
    let cases = [
        (
            "Jo Lee won the race in Leeds on Sunday. The 24-year-old Rovers striker spoke ahead of the \
             game against Acme United. \"We will win,\" he said.",
            "Jo Lee",
        ),
        (
            "Jo Lee won the race in Leeds on Sunday. The striker spoke ahead of the game against Acme \
             United. \"We will win,\" he said.",
            "Jo Lee",
        ),
        (
            "Ann Gray opened the new bridge on Monday. The minister spoke after a meeting with Tom Bell. \
             She said the bridge was safe.",
            "Ann Gray",
        ),
        (
            "Ann Gray opened the new bridge on Monday. The prime minister is trying to end talk of a feud \
             with Tom Bell. She said the bridge was safe.",
            "Ann Gray",
        ),
    ];
    for (text, speaker) in cases {
        assert_eq!(sources(text).last().map(String::as_str), Some(speaker), "{text}");
    }
    // But a sentence that says who the description is names them, and
    // whoever speaks in the sentence is whom "he" goes on to mean.
    assert_eq!(
        sources(
            "The inquiry by Ann Gray has found seven guilty. The highest ranking executive pleading \
             guilty was former vice president Tom Bell. He said he regretted it."
        ),
        ["Tom Bell"]
    );
    assert_eq!(
        sources(
            "Ann Gray spoke on Monday. The minister had been saying the bridge was safe, the spokesman \
             said. \"It is safe,\" he added."
        )
        .last()
        .map(String::as_str),
        Some("the spokesman")
    );
}

#[test]
fn a_quotation_before_said_and_a_name_needs_no_comma() {
    assert_single_claim(&[
        (
            "\"The plan should change, and change now\" said Jo Lee, who runs the fund.",
            "Jo Lee",
            "The plan should change, and change now",
        ),
        (
            "2004 was a \"stellar year\" said Ann Gray, director general of the trade body.",
            "Ann Gray",
            "2004 was a \"stellar year\"",
        ),
    ]);
    // Not a scare quote with a clause after the cue, nor one alone.
    let found = run("The so-called \"experts\" said Labour would lose.");
    assert!(found.iter().all(|p| p.2 != "experts"), "{found:?}");
    assert!(
        run("The \"experts\" said Labour.")
            .iter()
            .all(|p| p.2 != "experts")
    );
}

#[test]
fn a_quantity_or_a_thing_added_to_is_no_claim() {
    assert_no_proposal(&[
        "Sales rose, with Acme adding 5% to its share.",
        "Oil rose, with Brent crude adding $1.89 to $48.62 at the close.",
        "He won Minnesota, adding to his wins earlier this year in Nevada and Ohio.",
        "The scheme, adding one digit to a new account, does not work.",
    ]);
    // "it" is then whoever spoke before, not the name before "adding".
    assert_eq!(
        sources(
            "The growth will come from China, the report predicted. Most new PCs will be there, with \
             China adding 178 million new PCs by 2010, it said."
        ),
        ["the report", "the report"]
    );
    // Words added stay a claim.
    assert_eq!(
        run("Sales rose, Jo Lee said, adding that the firm would grow.")
            .last()
            .map(|p| p.2.as_str()),
        Some("the firm would grow")
    );
}

#[test]
fn a_name_in_a_quotation_that_opens_the_sentence_is_no_subject() {
    // The quotation is the speaker's words about Tom Bell; "he" next is
    // still the speaker.
    for text in [
        "Tom Bell criticised the new bridge on Monday. Jo Lee said: \"Critics are always wrong. \"Tom \
         Bell is the best engineer I know, but he is wrong about this.\" The bridge is safe, according \
         to the council. \"The evidence is good,\" he said.",
        "Tom Bell criticised the new bridge on Monday. \"Tom Bell is a fine engineer, but he is \
         wrong,\" said Jo Lee, the council leader. He said the bridge was safe.",
    ] {
        assert_eq!(sources(text).last().map(String::as_str), Some("Jo Lee"), "{text}");
    }
    // A name after the quotation still opens the sentence's clause.
    assert_eq!(
        sources("Jo Lee spoke first. \"We won,\" Tom Bell, the coach, said on Monday. He said it was hard.")
            .last()
            .map(String::as_str),
        Some("Tom Bell")
    );
}

#[test]
fn a_post_after_who_is_may_open_with_a_name() {
    assert_single_role(&[
        (
            "Jo Lee, who is UKIP Scotland chairman, said the party would win.",
            "Jo Lee",
            "UKIP Scotland chairman",
        ),
        (
            "Jo Lee, who was also Acme's president, said the firm would grow.",
            "Jo Lee",
            "Acme's president",
        ),
    ]);
    // The role is the same where "he" speaks next.
    assert_eq!(
        roles("Jo Lee, who is UKIP Scotland chairman, said the party would win. He said it was certain.")
            .last()
            .and_then(|r| r.1.clone())
            .as_deref(),
        Some("UKIP Scotland chairman")
    );
    // Nor where the sentence that gives the post reports nothing.
    assert_eq!(
        roles("Jo Lee, who was also Acme's president, left the company. She said the firm would grow."),
        [("Jo Lee".to_string(), Some("Acme's president".to_string()))]
    );
    // Not what they are close to.
    assert_eq!(
        roles("Jo Lee, who is close to the chairman, said the firm would grow."),
        [("Jo Lee".to_string(), None)]
    );
}

#[test]
fn more_posts_are_roles() {
    assert_single_role(&[
        (
            "ITV's controller of entertainment, Ann Gray, said the show would return.",
            "Ann Gray",
            "ITV's controller of entertainment",
        ),
        (
            "The men's solicitor Jo Lee said the men were innocent.",
            "Jo Lee",
            "men's solicitor",
        ),
        (
            "The prosecutor, Jo Lee, said the men were guilty.",
            "Jo Lee",
            "prosecutor",
        ),
    ]);
}

#[test]
fn a_description_that_opens_the_sentence_gives_way_to_its_speaker() {
    // The lawyer opens the sentence, but Mr Lee speaks in it: "he" next
    // is Mr Lee.
    assert_eq!(
        sources(
            "Home Secretary Jo Lee spoke on Monday. The lawyer who had represented Tom Bell had said the \
             rules were fair, said Mr Lee. He said the law was clear."
        )
        .last()
        .map(String::as_str),
        Some("Jo Lee")
    );
}

#[test]
fn a_coach_or_a_manager_is_a_post() {
    assert_single_role(&[
        (
            "Falkland coach Sven Lind named his squad on Monday. The Falkland coach said the side was ready.",
            "Sven Lind",
            "Falkland coach",
        ),
        (
            "Rovers manager Ian Dale was pleased. Dale said the win was deserved.",
            "Ian Dale",
            "Rovers manager",
        ),
    ]);
}

#[test]
fn a_role_before_a_name_stops_at_a_preposition_or_a_verb() {
    assert_single_role(&[
        // Not "future of manager": the post is found before "of".
        (
            "There are doubts about the future of manager Dan Cole. Cole said he would stay.",
            "Dan Cole",
            "manager",
        ),
        // Not "display impressed coach".
        (
            "The display impressed coach Ann Lee. Lee said the side had grown.",
            "Ann Lee",
            "coach",
        ),
        // Where no post is found yet, the walk goes on past "of".
        (
            "The head of news Jo Bell said the plan had failed.",
            "Jo Bell",
            "head of news",
        ),
        // A capitalized cue that opens the sentence qualifies no post.
        (
            "Said Wales assistant coach Tom Hale: \"We were poor.\" Hale said the side would improve.",
            "Tom Hale",
            "Wales assistant coach",
        ),
    ]);
    // A name that is the object of a preposition has no role before it.
    assert_eq!(
        roles("The film won best director for Jo Bell. Bell said the prize was a surprise."),
        vec![("Jo Bell".to_string(), None)]
    );
}

#[test]
fn a_post_held_before_gives_way_to_the_one_who_holds_it_now() {
    assert_eq!(
        sources(
            "The country's new president, Ann Ray, has offered an amnesty. The old regime of former \
             president Ed Shaw had hidden the money before President Ray took office. \"People are \
             afraid,\" the president told a meeting."
        ),
        vec!["Ann Ray"]
    );
    // "The former president" is the one who held it.
    assert_eq!(
        sources(
            "The country's new president, Ann Ray, has offered an amnesty. The old regime of former \
             president Ed Shaw had hidden the money. The former president said the charges were false."
        ),
        vec!["Ed Shaw"]
    );
}

#[test]
fn another_first_name_with_the_same_surname_is_another_person() {
    assert_eq!(
        roles(
            "Falkland captain Jon Reed will miss the match. Reed said he was upset. And coach Andy Reed \
             said: \"I am disappointed.\""
        ),
        vec![
            ("Jon Reed".to_string(), Some("captain".to_string())),
            ("Andy Reed".to_string(), Some("coach".to_string()))
        ]
    );
    // A surname of two words is the same person.
    assert_eq!(
        sources(
            "\"Savers are angry,\" said Carlos Baez Silva, president of the savers' group. The affair \
             has made Mr Baez Silva bitter. The courts have failed, he says."
        ),
        vec!["Carlos Baez Silva", "Carlos Baez Silva"]
    );
}

#[test]
fn whatever_someone_says_concedes_and_claims_nothing() {
    assert_no_proposal(&[
        "Whatever the minister says, the plan is dead.",
        "Traders agree that whatever Europe says, a weaker dollar helps exports.",
        "Whoever the minister says is guilty will be fired.",
    ]);
}

#[test]
fn a_name_of_a_body_that_ends_in_lowercase_is_the_person() {
    assert_single_speaker(&[
        (
            "The comments, said Jun Tana of Bigbank Chase bank in Tokyo, were \"too weak\".",
            "Jun Tana",
        ),
        (
            "Jun Tana of Bigbank Chase bank said the comments were weak.",
            "Jun Tana",
        ),
    ]);
}

#[test]
fn a_verb_joined_on_before_a_subject_is_no_part_of_it() {
    assert_eq!(
        sources(
            "The report said the fines should stay, but accepted many experts said they would be costly."
        ),
        vec!["The report", "many experts"]
    );
    // An adjective before the subject takes no determiner after it.
    assert_single_speaker(&[(
        "The talks failed, and unnamed officials said the plan was dead.",
        "unnamed officials",
    )]);
}

#[test]
fn officials_capitalized_by_the_sentence_speak_for_no_body_of_that_name() {
    assert_single_speaker(&[
        ("Senior officials said the talks had failed.", "Senior officials"),
        ("Some sources said the talks had failed.", "Some sources"),
        ("Two Labour sources said the talks had failed.", "Labour"),
        // A body's name in capitals after "A" stays its name.
        ("A Five spokesman said the show was fine.", "Five"),
    ]);
}

#[test]
fn an_occupation_before_a_name_is_the_role_a_pronoun_carries() {
    assert_single_role(&[
        (
            "Keeper Tony Brack echoed the sentiments. \"The boys are behind the boss,\" he added.",
            "Tony Brack",
            "Keeper",
        ),
        (
            "Veteran actor Sam Oyelaran has retired. \"I have had enough,\" he said.",
            "Sam Oyelaran",
            "actor",
        ),
        (
            "The profile of film critic Ana Lusk ran on Friday. \"It is a fair portrait,\" she said.",
            "Ana Lusk",
            "film critic",
        ),
        // The occupation and a noun before it, no verb or preposition.
        (
            "The festival, featuring singer Amy Dane, opened on Friday. \"I am thrilled,\" she said.",
            "Amy Dane",
            "singer",
        ),
        (
            "The film about drummer Ed Moyle opened on Friday. \"It is a fair portrait,\" he said.",
            "Ed Moyle",
            "drummer",
        ),
    ]);
}

#[test]
fn a_description_by_occupation_after_the_lede_is_the_lede_s_person() {
    let sources = |text: &str| -> Vec<String> { roles(text).into_iter().map(|(source, _)| source).collect() };
    assert_eq!(
        sources(
            "Headline\n\nLia Varga has pulled out of the championships after an injury in training. The double \
             Olympic champion said: \"I am very disappointed that I have been forced to withdraw.\""
        ),
        ["Lia Varga"]
    );
    // The lede's description is who the next sentence opens with, unless the
    // lede named them already: then it is whom the description spoke of.
    assert_eq!(
        sources(
            "Headline\n\nPop star Ada Moss is to marry music executive Tom Brell, the singer's agent has \
             confirmed. Brell, 26, proposed to Moss on holiday. \"No wedding plans have been set yet,\" said \
             her agent Meg Prior."
        ),
        ["Meg Prior", "Meg Prior"]
    );
}

#[test]
fn an_adverb_after_the_auxiliary_is_no_part_of_the_speaker() {
    assert_single_claim(&[
        (
            "Ruritania no longer needs the loan offered by the lenders, Trade Minister Ivo Marek has reportedly said.",
            "Ivo Marek",
            "Ruritania no longer needs the loan offered by the lenders",
        ),
        (
            "The deal will close by March, the chairman has also said.",
            "the chairman",
            "The deal will close by March",
        ),
        // The auxiliary after a name's brackets, as before.
        (
            "The economy grew in 2004, the Ruritanian Monetary Fund (RMF) has said.",
            "Ruritanian Monetary Fund",
            "The economy grew in 2004",
        ),
    ]);
}

#[test]
fn initials_in_brackets_after_an_inverted_speaker_are_part_of_the_name() {
    assert_single_claim(&[
        (
            "The economy grew by an estimated 3.1% last year, says the Office for Ruritanian Statistics (ORS).",
            "Office for Ruritanian Statistics",
            "The economy grew by an estimated 3.1% last year",
        ),
        (
            "Broadband lines rose by 38% in a year, said the Ruritanian Lines Commission (RLC), in a report.",
            "Ruritanian Lines Commission",
            "Broadband lines rose by 38% in a year",
        ),
    ]);
}

#[test]
fn it_is_no_person_the_article_described_by_a_post() {
    // An economist named beside his post spoke last; "it" is the body the
    // next sentence opens with, or none, never him.
    let text = "\"These numbers are charged,\" said Ivo Marek, an economist with Acme Bank. \
                The opposition made capital from the figures. It said there are more jobless.";
    assert_eq!(sources(text), ["Ivo Marek", "The opposition"]);
    let text = "\"These numbers are charged,\" said Ivo Marek, an economist with Acme Bank. \
                Some made capital from the figures. It said there are more jobless.";
    assert_eq!(sources(text), ["Ivo Marek", "It"]);
}

#[test]
fn it_is_the_body_that_spoke_last_before_the_body_a_claim_opened_with() {
    // The lede's opening words are the TUC's claim; "it" next is the TUC.
    let text = "The government should change the law on safety, the TUC has said. \
                It said 1,500 workers had lost their jobs.";
    assert_eq!(sources(text), ["TUC", "TUC"]);
    // Within the sentence, the body that spoke in it.
    let text = "A district court fined the man in 2003. However, the Supreme Court stated that the songs were \
                published unlawfully, and it added that the case was closed.";
    assert_eq!(sources(text), ["Supreme Court", "Supreme Court"]);
    // A government no name introduced is what "it" means after it opens a
    // sentence.
    let text = "The Ruritanian government has cut its forecast. While it predicts a fall, it said it was \
                making progress.";
    assert_eq!(
        sources(text),
        ["The Ruritanian government", "The Ruritanian government"]
    );
}

#[test]
fn a_news_agency_told_is_whom_not_what() {
    assert_single_claim(&[
        (
            "Ivo Marek told AFP news agency that the offer was still being considered.",
            "Ivo Marek",
            "the offer was still being considered",
        ),
        (
            "Welfare Minister Ana Lusk told the AP news agency the audit would allay suspicion.",
            "Ana Lusk",
            "the audit would allay suspicion",
        ),
        (
            "Ivo Marek told the agency that the offer was still being considered.",
            "Ivo Marek",
            "the offer was still being considered",
        ),
    ]);
}

#[test]
fn how_it_was_said_is_no_part_of_the_post() {
    assert_single_role(&[
        (
            "\"The country is on course for growth,\" said Ivo Marek, chief secretary to the Treasury in a statement.",
            "Ivo Marek",
            "chief secretary to the Treasury",
        ),
        (
            "\"The country is on course,\" said Ana Lusk, head of research at Acme in an interview.",
            "Ana Lusk",
            "head of research at Acme",
        ),
    ]);
}

#[test]
fn a_nationality_before_a_post_the_article_gave_is_the_same_post() {
    let text = "Ruritania no longer needs the freeze, Economics Minister Ivo Marek has said. \
                The Ruritanian Economics Minister explained that the money was for rebuilding.";
    assert_eq!(sources(text), ["Ivo Marek", "Ivo Marek"]);
    // Two ministers of that post: no one in particular.
    let text = "Economics Minister Ivo Marek and Economics Minister Ana Lusk met on Monday. \
                The Ruritanian Economics Minister explained that the money was for rebuilding.";
    assert_eq!(sources(text), ["Ruritanian Economics Minister"]);
}

#[test]
fn a_person_described_by_trade_who_did_something_and_spoke_speaks() {
    let text = "Shivering in a long dress, the Australian-born actress stopped to sign autographs and joked: \
                \"It's tight but I love it.\"";
    assert_eq!(sources(text), ["the Australian-born actress"]);
    let text = "The actress stopped to sign autographs and joked: \"It's tight but I love it.\"";
    assert_eq!(sources(text), ["The actress"]);
}

#[test]
fn a_person_described_by_age_is_the_one_the_article_is_about() {
    // The article gave the age beside the name.
    let text = "Ivo Marek, 30, and Ana Lusk, 22, won their heats. \"Bring it on,\" said the 22-year-old.";
    assert_eq!(sources(text), ["Ana Lusk"]);
    // The lede's person, though another was named since.
    let text = "Ivo Marek is to star in a film set in India. Ana Lusk is the studio's preferred choice. \
                On a visit to India, the 60-year-old actor said he hoped to start shooting next year.";
    assert_eq!(sources(text), ["Ivo Marek"]);
    // With no person opening the lede, whom the sentences before were about.
    let text = "Stars lined the red carpet on Saturday. The younger stars were represented by Ana Lusk, who \
                plays a witch. The 14-year-old said she was hoping to meet her idols.";
    assert_eq!(sources(text), ["Ana Lusk"]);
    // A name after the age is the name.
    let text = "Ivo Marek is to leave the club. \"I am keen to leave,\" said the 28-year-old Teodor Vell.";
    assert_eq!(sources(text), ["Teodor Vell"]);
}

#[test]
fn capitals_before_a_trade_and_a_name_qualify_the_trade() {
    // "Double Olympic" is no person whom "she" means.
    let text = "Double Olympic champion Kelly Brace was back to her best on Saturday. \"I'll probably be \
                entered,\" she said.";
    assert_eq!(sources(text), ["Kelly Brace"]);
    let text = "Acme Rovers chairman Jon Wardell spoke on Friday. He said: \"We will try to find funds.\"";
    assert_eq!(sources(text), ["Jon Wardell"]);
}

#[test]
fn a_time_is_no_name() {
    // "Last October" would be the person "the 30-year-old" means.
    let text = "Arsenal want a fair referee, said Sol Brant. Last October, Arsenal lost at home. \"It had an \
                impact on us,\" added the 30-year-old.";
    assert_eq!(sources(text), ["Sol Brant", "Sol Brant"]);
}

#[test]
fn a_quoted_verdict_branded_or_labelled_is_a_claim() {
    assert_single_claim(&[
        (
            "Treasury spokesman Ivo Marek also branded the rival plans as \"fantasy economics\".",
            "Ivo Marek",
            "the rival plans were \"fantasy economics\"",
        ),
        (
            "Ana Lusk labelled the schemes \"a pile of pants\".",
            "Ana Lusk",
            "the schemes were \"a pile of pants\"",
        ),
    ]);
    assert_no_proposal(&[
        // Not quoted: the writer's words.
        "Ana Lusk branded the plan a waste of money.",
        // A nickname.
        "Some of the fans dubbed him \"Minister of Discord\".",
        // Two verdicts no one statement joins.
        "Ana Lusk branded the scheme a waste of money and \"deeply flawed\".",
        // Passive: the speaker comes after.
        "The move was branded a \"humiliating retreat\" by the Tories.",
    ]);
}

#[test]
fn a_surname_after_mr_is_a_person_he_may_mean() {
    // No full name given for Mr Reddle: "he" next is still him, not the
    // spokesman quoted before.
    let text = "Home affairs spokesman Ivo Marek said: \"The jury is still out.\" Mr Reddle has said Britain \
                should take its share. But he claims the system is being abused.";
    assert_eq!(sources(text), ["Ivo Marek", "Reddle", "Reddle"]);
}

#[test]
fn a_post_after_a_lede_by_trade_is_the_lede_s_person() {
    // The lede gives a trade, not a post: the post described next is his.
    let text = "Headline\n\nAcme Rovers midfielder Tom Bexley has no plans to become a manager.\n\n\"I am not \
                interested in being a coach,\" the England captain said on television.";
    assert_eq!(sources(text), ["Tom Bexley"]);
    // A post the lede gave is another: the chancellor is not the shadow one.
    let text = "Headline\n\nShadow chancellor Oliver Lettice has set out his tax plans.\n\n\"The plans do not \
                add up,\" the chancellor said on television.";
    assert_eq!(sources(text), ["the chancellor"]);
}

#[test]
fn pointing_out_is_saying() {
    assert_single_claim(&[
        (
            "Ines Varga pointed out that the fund was empty.",
            "Ines Varga",
            "the fund was empty",
        ),
        (
            "Ines Varga also points out conditions in Lyon will be milder.",
            "Ines Varga",
            "conditions in Lyon will be milder",
        ),
        (
            "\"We lost the vote,\" Ines Varga pointed out.",
            "Ines Varga",
            "We lost the vote",
        ),
        (
            "The minister spoke for an hour, pointing out that rain was likely.",
            "The minister",
            "rain was likely",
        ),
        (
            "As Ines Varga pointed out, the fund, which is old, is empty.",
            "Ines Varga",
            "the fund, which is old, is empty",
        ),
        // The aside ends at its closing comma, as after "said that".
        (
            "Ines Varga, who pointed out that the fund was empty, resigned.",
            "Ines Varga",
            "the fund was empty",
        ),
    ]);
    // The cue is both words.
    let found = extract("Ines Varga pointed out that the fund was empty.", &HashMap::new());
    assert_eq!(found[0].cue.text, "pointed out");
    assert_no_proposal(&[
        "He pointed out the window and shouted at the crowd.",
        "It is worth pointing out that the law is old.",
        "Ines Varga pointed to the data.",
        "The point out of all this is simple.",
    ]);
}

#[test]
fn a_headline_s_epithet_gives_way_to_the_body_s_full_name() {
    // "Fuming" is capitalized only because it opens the headline.
    let text = "Fuming Marlow hits out at referee\n\nAcme coach Denis Marlow was furious after the defeat.\n\n\
                \"It was a disgrace,\" said Marlow.";
    assert_eq!(sources(text), ["Denis Marlow"]);
    // A trade before the same name is no other first name.
    let text = "Dina Holt backs new film school\n\nFilm-maker Dina Holt has opened a school.\n\n\"It is a \
                dream,\" said Holt.";
    assert_eq!(sources(text), ["Dina Holt"]);
}

#[test]
fn a_quotation_in_two_apostrophes_goes_on_like_one_in_double_marks() {
    // Some papers' copy writes '' for a straight double mark: the quoted
    // sentences that follow the attributed one are still the speaker's.
    let text = "''We gave Tom a chance,'' said coach Ivo Marek. ''It was a sensible precaution. He should be \
                fine next week.''";
    assert_eq!(
        run(text),
        [
            (
                "Ivo Marek".to_string(),
                "said".to_string(),
                "We gave Tom a chance".to_string()
            ),
            (
                "Ivo Marek".to_string(),
                "said".to_string(),
                "It was a sensible precaution. He should be fine next week".to_string()
            ),
        ]
    );
    // A new paragraph opening the quotation again.
    let text = "Headline\n\n''I heard it on Sunday,'' said Ivo Marek. ''Tom can talk to other clubs.\n\n''He has \
                been on trial with a number of them.''";
    assert_eq!(sources(text), ["Ivo Marek", "Ivo Marek", "Ivo Marek"]);
}

#[test]
fn what_someone_is_let_or_helped_to_write_is_no_report() {
    assert_no_proposal(&[
        "The prize went to Miniz, a sequencer designed to let people write, edit and share songs.",
        "The tool lets users write that they are happy.",
        "Aides helped the senator write that the plan was dead.",
    ]);
    // A verb of its own after "and" is still a report.
    assert_single_claim(&[(
        "The Lib Dems called for Ana Lusk to make statements and said chancellors had resigned.",
        "Lib Dems",
        "chancellors had resigned",
    )]);
}

#[test]
fn it_after_a_sentence_opened_by_a_body_s_initials_is_that_body() {
    let text = "The EFF, representing the reporters, has asked the court to stop Acme. It argues that the \
                reporters are protected.";
    assert_eq!(sources(text), ["EFF"]);
    // Initials before a noun describe it: the tycoon is no body.
    let text = "The US tycoon has approached the board. It argues that the offer is fair.";
    assert_eq!(sources(text), ["It"]);
}

#[test]
fn whose_member_opens_a_sentence_is_no_subject() {
    // "Bafta's" owns the person named in full after it, who is whom "he"
    // means next; "Interactive Bafta" was learned as a name before.
    let text = "Headline\n\nThe BBC led the field at this year's Interactive Bafta awards.\n\nBafta's Grant Dean, \
                chair of the committee, said all the entrants had been of \"outstanding quality\". \"It has been a \
                landmark year,\" he added.";
    assert_eq!(sources(text), ["Grant Dean", "Grant Dean"]);
}

#[test]
fn a_name_after_a_body_s_noun_is_the_body_s_not_the_speaker_s() {
    assert_single_speaker(&[
        (
            "\"It works,\" said Professor Ines Varga of the Swiss research group Mirolab.",
            "Ines Varga",
        ),
        (
            "\"It works,\" said Ivo Marek from anti-virus firm Sophex.",
            "Ivo Marek",
        ),
        // A role and a name after the place: that name is the speaker.
        (
            "\"It works,\" said National Bureau of Statistics chief Li Dena.",
            "Li Dena",
        ),
    ]);
}

#[test]
fn a_name_after_told_reporters_that_is_what_was_said() {
    assert_single_claim(&[
        (
            "Ivo Marek told reporters that the Acme Club was expected to pay.",
            "Ivo Marek",
            "the Acme Club was expected to pay",
        ),
        (
            "Ivo Marek told him that the Authority could act.",
            "Ivo Marek",
            "the Authority could act",
        ),
        // An outlet right after the cue is still whom it was told.
        (
            "Ivo Marek told the Daily Post that the club was expected to pay.",
            "Ivo Marek",
            "the club was expected to pay",
        ),
    ]);
}

#[test]
fn whom_something_was_said_to_is_no_part_of_it() {
    assert_single_claim(&[
        (
            "Ana Lusk admitted to jurors he was willing to commit fraud.",
            "Ana Lusk",
            "he was willing to commit fraud",
        ),
        (
            "Ana Lusk said to reporters that the plan was dead.",
            "Ana Lusk",
            "the plan was dead",
        ),
    ]);
}

#[test]
fn a_quotation_interrupted_by_its_speaker_and_a_participle_is_one_claim() {
    assert_single_claim(&[(
        "\"At that point,\" Mr Lusk said, referring to the first false entries, \"I knew it was wrong.\"",
        "Lusk",
        "At that point, I knew it was wrong",
    )]);
}

#[test]
fn the_speaker_after_a_claim_that_opens_the_sentence_is_its_subject() {
    // "Gordon Brown's decision" opens the claim, not the sentence's
    // subject: "he" next is the one who told the BBC.
    let text = "Headline\n\nChancellor Dena Cole will meet her rule.\n\nIvo Marek hinted at a giveaway. Dena \
                Cole's decision was sensible, Mr Marek told the BBC. Commenting on rates, he said it was not the \
                bank's job.";
    assert_eq!(sources(text), ["Ivo Marek", "Ivo Marek"]);
}

#[test]
fn a_name_after_a_fronted_phrase_is_the_sentence_s_subject() {
    let text = "Headline\n\nChancellor Dena Cole will win, according to her adviser.\n\nFormerly one of Ms Cole's \
                closest aides, Ivo Marek hinted at a giveaway. He said he hoped more would be done.";
    assert_eq!(sources(text)[1], "Ivo Marek");
    // Not inside a quotation that runs on from the sentence before.
    let text = "Headline\n\nIvo Marek spoke last.\n\n\"I come from an ordinary family. If the young Ivo Marek were \
                applying today, Dena Cole would love me.\" And he stressed his party's plans.";
    assert_eq!(
        run(text).iter().filter(|p| p.0 == "Dena Cole").count(),
        0,
        "{:?}",
        run(text)
    );
}

#[test]
fn whose_post_opens_a_sentence_is_no_subject_a_few_words_on() {
    // "Ms Cole's former adviser": the adviser is the subject, not Ms Cole.
    let text = "Headline\n\nDena Cole has set out her plans.\n\nBut Ms Cole's former adviser Ivo Marek, now a \
                candidate, said the plans were sound. He added: \"I see no need for changes.\"";
    assert_eq!(sources(text), ["Ivo Marek", "Ivo Marek"]);
}

#[test]
fn an_adjective_before_an_occupation_is_no_part_of_the_name() {
    let text = "Headline\n\nControversial DJ Ivo Marek has been dropped by four stations. Marek announced that he \
                was leaving.";
    assert_eq!(sources(text), ["Ivo Marek"]);
}

#[test]
fn a_plot_told_is_no_claim() {
    assert_no_proposal(&[
        "The film tells the story of two boys who run away from home.",
        "Wasp tells the tale of a young mother on the breadline.",
    ]);
    // An account of what happened still is.
    assert_single_claim(&[(
        "She regularly tells the story of how he wooed her into the job.",
        "She",
        "the story of how he wooed her into the job",
    )]);
}

#[test]
fn it_after_a_body_named_with_its_initials_in_brackets_is_that_body() {
    let text = "Film critics have named the year's best films. The Acme Film Institute (AFI) hailed the epic. It \
                claimed both directors \"tossed convention out\".";
    assert_eq!(sources(text), ["Acme Film Institute"]);
}

#[test]
fn a_plural_noun_after_capitals_is_the_head_of_a_participles_subject() {
    assert_single_speaker(&[
        (
            "Children's charities have reacted with alarm, saying the policy is cruel.",
            "Children's charities",
        ),
        (
            "Aid agencies reacted with anger, saying the plan would fail.",
            "Aid agencies",
        ),
        (
            "The unions have reacted with alarm, saying the policy is cruel.",
            "The unions",
        ),
        (
            "Britain's teachers denied the charge, saying they had no choice.",
            "Britain's teachers",
        ),
    ]);
    // A capitalized subject with its verb next stays as it was.
    assert_single_speaker(&[("Acme denied the charge, saying it had no choice.", "Acme")]);
}

#[test]
fn a_thing_won_or_asked_for_is_no_claim() {
    assert_no_proposal(&[
        "Rebels claimed their third victory in the town.",
        "Officials are accused of claiming salaries for workers who do not exist.",
        "Kenya's Jo Lee claimed the men's 800m at the meeting.",
        "Ivo Marek claimed the first set.",
        "The storm claimed the lives of 30 people.",
    ]);
    // A clause after "claim" is one, a noun of the list in it or not; so
    // is a deed owned or a win declared.
    assert_single_claim(&[
        (
            "The group claimed responsibility for the attack.",
            "The group",
            "responsibility for the attack",
        ),
        (
            "Rebels claimed victory in the town.",
            "Rebels",
            "victory in the town",
        ),
        ("Jo Lee claimed the title was his.", "Jo Lee", "the title was his"),
        (
            "Ivo Marek left the club claiming he needed a break from football.",
            "Ivo Marek",
            "he needed a break from football",
        ),
        (
            "Providers have long claimed no responsibility for the content they carry.",
            "Providers",
            "no responsibility for the content they carry",
        ),
    ]);
}

#[test]
fn saying_after_a_deeds_by_reports_the_deeds_subject() {
    assert_single_claim(&[
        (
            "Jack Straw hit back by saying Tory attitudes had kept the party out of power.",
            "Jack Straw",
            "Tory attitudes had kept the party out of power",
        ),
        (
            "Ivo Marek began by arguing that the plan was sound.",
            "Ivo Marek",
            "the plan was sound",
        ),
    ]);
    // Not a thing named, a win, a passive deed, or a subject set off or
    // inside a relative clause.
    assert_no_proposal(&[
        "Users can request a film by saying the actor's name.",
        "Jo Lee crowned the day by claiming victory in the women's race.",
        "Hostility is often justified by arguing that the old ways are best.",
        "Her rival, Ivo Marek, has soared in the polls by saying that the system is rigged.",
        "It is a riposte to the candidate who launched his campaign by declaring that migrants were criminals.",
    ]);
}

#[test]
fn a_list_opening_the_claim_before_said_np_is_no_aside() {
    assert_single_claim(&[(
        "Jobs, homes and schools would be the key themes in July, said Ivo Marek.",
        "Ivo Marek",
        "Jobs, homes and schools would be the key themes in July",
    )]);
    // A word set off alone is still no claim.
    assert_no_proposal(&["Yes, said Ivo Marek."]);
}

#[test]
fn a_question_closed_with_a_comma_is_what_was_asked() {
    assert_single_claim(&[(
        "\"Isn't the plan a trick?,\" Ivo Marek asked.",
        "Ivo Marek",
        "Isn't the plan a trick?",
    )]);
}

#[test]
fn making_it_clear_is_saying() {
    assert_single_claim(&[
        (
            "Coach Ivo Marek has made it clear he will pick his squad on form.",
            "Ivo Marek",
            "he will pick his squad on form",
        ),
        (
            "Jo Lee made clear that she would stay.",
            "Jo Lee",
            "she would stay",
        ),
        (
            "Jo Lee made it plain the plan failed.",
            "Jo Lee",
            "the plan failed",
        ),
        (
            "Jo Lee made it clear to reporters that she would stay.",
            "Jo Lee",
            "she would stay",
        ),
    ]);
    assert_no_proposal(&[
        "It was made clear that she would stay.",
        "Jo Lee wants to make it clear that she would stay.",
        "The report made clear the scale of the problem.",
        "Jo Lee made it clear to the public.",
        "The shootings make clear how much more work we have to do.",
    ]);
}

#[test]
fn whom_a_warning_was_to_before_its_pronoun_subject_is_no_claim() {
    assert_single_claim(&[
        (
            "Jo Lee has warned Acme they have until next week to improve their offer.",
            "Jo Lee",
            "they have until next week to improve their offer",
        ),
        (
            "Jo Lee assured voters she would not raise taxes.",
            "Jo Lee",
            "she would not raise taxes",
        ),
        // A name that is the clause's subject stays in it.
        ("Jo Lee warned Labour would lose.", "Jo Lee", "Labour would lose"),
    ]);
}

#[test]
fn a_surnames_particle_is_part_of_the_name() {
    assert_single_speaker(&[
        (
            "\"Growth will slow,\" said Anne de Vasselot, head of research at Brightway.",
            "Anne de Vasselot",
        ),
        (
            "Pieter van der Berg said the deal was fair.",
            "Pieter van der Berg",
        ),
    ]);
    assert_single_role(&[(
        "\"Growth will slow,\" said Anne de Vasselot, head of research at Brightway.",
        "Anne de Vasselot",
        "head of research at Brightway",
    )]);
    // Later mentions, with the particle or the name before it after a
    // first name, are the person named in full.
    assert_eq!(
        sources(
            "Pieter van der Berg, an adviser to the bank, said the deal was fair. \
             Mr van der Berg added that it was late. \
             \"It is late,\" he said."
        ),
        vec!["Pieter van der Berg"; 3]
    );
    assert_eq!(
        sources("Maria Clara Nunes da Costa said the plan was fair. Nunes added that it was late."),
        vec!["Maria Clara Nunes da Costa"; 2]
    );
}

#[test]
fn a_verb_of_saying_ends_the_post_after_the_name() {
    // The writer's slip, "said" twice: the post stops at the second.
    assert_single_role(&[
        (
            "\"Sales are up,\" said Ann Marsh, the firm's sales director said at the launch.",
            "Ann Marsh",
            "firm's sales director",
        ),
        (
            "\"Prices will fall,\" said Joe Bloggs, a wheat farmer from Kent told reporters.",
            "Joe Bloggs",
            "wheat farmer from Kent",
        ),
        // (A name that holds the word stays whole.)
        (
            "Jo Reed, spokesman for North East Says No, said the rival campaign was rattled.",
            "Jo Reed",
            "spokesman for North East Says No",
        ),
    ]);
}

#[test]
fn it_is_the_firm_a_sentence_opens_with_after_its_trade() {
    // After "Shares in" or a firm's trade, the name is a firm's, which
    // "it" in the same sentence, or later where nothing else explains it,
    // means.
    assert_eq!(
        sources("Budget airline SkyHop, however, is launching a route that it says will pay within a year."),
        vec!["SkyHop"]
    );
    assert_eq!(
        sources("Shares in Acme Tools surged 9% after it said sales had doubled."),
        vec!["Acme Tools"]
    );
    // (A past form without "-ed" is a verb too: not "Software maker
    // Oracle rose after it" for the speaker.)
    assert_eq!(
        sources("Software maker Zentrix rose 4% after it said sales had doubled."),
        vec!["Zentrix"]
    );
    assert_eq!(
        sources(
            "German software maker Zentrix has sued two rivals. \
             In a filing on Monday, it said both had copied its code."
        ),
        vec!["Zentrix"]
    );
    // (A name alone opening a sentence may be any word its place
    // capitalized: no firm.)
    assert_eq!(
        sources("Falling sales hit the group. Last month it said it needed more money."),
        vec!["it"]
    );
}

#[test]
fn adding_a_thing_is_no_report() {
    assert_no_proposal(&[
        "Digital radio will launch as a free service, adding paid stations later.",
        "Radio Five has revamped its breakfast show, adding traffic news, interviews and banter.",
    ]);
    // A clause after "adding" is one, however it opens.
    assert_single_claim(&[
        (
            "Jo Lee praised the plan, adding prices rose too fast last year.",
            "Jo Lee",
            "prices rose too fast last year",
        ),
        (
            "Jo Lee praised the plan, adding Labour wants it too.",
            "Jo Lee",
            "Labour wants it too",
        ),
    ]);
    assert_single_speaker(&[(
        "Jo Lee urged the board to act, adding in a letter: \"We cannot wait.\"",
        "Jo Lee",
    )]);
}

#[test]
fn the_post_after_a_documents_by_or_from_is_the_role() {
    assert_single_role(&[
        (
            "A report by telecoms firm Telnor says two million homes will stay offline.",
            "Telnor",
            "telecoms firm",
        ),
        (
            "Recent figures from the country's regulator Ofreg showed the service was popular.",
            "Ofreg",
            "country's regulator",
        ),
    ]);
}

#[test]
fn when_it_was_said_before_a_colon_and_a_quotation_is_not_the_claim() {
    assert_single_claim(&[
        (
            "Coach Ray Dunmore said after the 3-1 win: \"We worked hard for this one.\"",
            "Ray Dunmore",
            "We worked hard for this one",
        ),
        (
            "Jo Lee told reporters before Tuesday's vote: \"The bill will pass.\"",
            "Jo Lee",
            "The bill will pass",
        ),
        (
            "Jo Lee said during the debate: \"The bill will pass.\"",
            "Jo Lee",
            "The bill will pass",
        ),
    ]);
}

#[test]
fn a_modal_with_a_capital_beside_a_name_is_part_of_it() {
    assert_single_speaker(&[
        ("Singer Will Rowe said the tour was off.", "Will Rowe"),
        ("The tour was off, said Will Rowe.", "Will Rowe"),
        ("The vote would go ahead, said Karen May.", "Karen May"),
        ("Karen May told MPs the vote would go ahead.", "Karen May"),
        // A month is still when: the board speaks.
        ("The board in May said the service would stop.", "The board"),
    ]);
    // "May said": no modal takes "said", so a name the article gave.
    assert_eq!(
        sources("Guitarist Ray May has said the band will tour in spring. May said: \"We are ready.\""),
        ["Ray May", "Ray May"]
    );
}

#[test]
fn a_name_and_its_post_after_a_quotation_without_the_closing_comma() {
    assert_single_role(&[
        (
            "\"We will not cut flights,\" Jo Lamb, a Skyway spokesman told reporters.",
            "Jo Lamb",
            "Skyway spokesman",
        ),
        (
            "\"What we propose is a civic commons,\" Ray Dunmore, senior fellow at the institute told the BBC.",
            "Ray Dunmore",
            "senior fellow at the institute",
        ),
    ]);
}

#[test]
fn an_occupation_before_a_name_after_a_country_is_the_post() {
    // The subject of "echoed ... but admitted" is the whole, not the
    // country alone.
    assert_single_role(&[(
        "Erinland hooker Sean Byrne echoed the coach's comments but admitted the game had been hard.",
        "Sean Byrne",
        "Erinland hooker",
    )]);
    // Not past a verb: the sentence's subject recalled.
    assert_single_speaker(&[(
        "Eric Lane, alongside Jo King, also introduced fellow guitarist Ray Guy and recalled seeing him play.",
        "Eric Lane",
    )]);
}

#[test]
fn findings_made_by_a_named_body_speak_for_it() {
    assert_single_speaker(&[(
        "Labour's campaign cost £1.7m, according to figures revealed by the Harbour Commission on Wednesday.",
        "Harbour Commission",
    )]);
}

#[test]
fn to_and_a_noun_after_admitted_is_what_was_owned_up_to() {
    assert_no_proposal(&[
        "He admitted to a \"sense of frustration\" about the allegations.",
        "Jo Lee confessed to the killing of his partner in 2003.",
    ]);
    // Whom it was said to, before "that" or a colon and a quotation, is
    // not the claim either.
    assert_single_claim(&[
        (
            "Jo Lee said to the crowd that the vote would be close.",
            "Jo Lee",
            "the vote would be close",
        ),
        (
            "Jo Lee said to a crowd of 500: \"We will win.\"",
            "Jo Lee",
            "We will win",
        ),
    ]);
}

#[test]
fn continued_after_a_quotation_and_its_speaker_is_a_cue() {
    let found = run(
        "\"We trust this business,\" Jo Lee said. \"We will defend it by law,\" she continued, adding that any review would be short.",
    );
    let claims: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(
        claims,
        [
            "We trust this business",
            "We will defend it by law",
            "any review would be short"
        ],
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.0 == "Jo Lee"), "{found:?}");
    assert_no_proposal(&["The talks continued for hours, and the plan failed."]);
}

#[test]
fn an_infinitive_before_saying_and_a_quotation_is_what_was_vowed() {
    let found = run("Jo Lee vowed to fight back, saying: \"We have nothing to fear.\"");
    let claims: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(claims, ["to fight back", "We have nothing to fear"], "{found:?}");
}

#[test]
fn to_and_a_noun_after_other_cues_leads_on_to_what_was_said() {
    assert_single_claim(&[(
        "Jo Lee wrote to his 20,000 followers, \"It is time to end her career.\"",
        "Jo Lee",
        "It is time to end her career",
    )]);
}

#[test]
fn he_never_means_an_event_named_before_the_speaker() {
    // The event's last word, capitalized before the post, had read as the
    // surname of a person named after it; "he" is whoever spoke since.
    for (event, person) in [
        ("this year's Harbour Film Festival", "Festival director Ari Vance"),
        ("next month's Northern Cup", "Cup organiser Ari Vance"),
        ("next year's Coastal Open", "Open director Ari Vance"),
    ] {
        let text = format!(
            "Organisers say {event} will be the biggest yet. {person} says the entry is strong. \
             \"We have many new names,\" he told reporters."
        );
        let found = sources(&text);
        assert_eq!(
            found.last().map(String::as_str),
            Some("Ari Vance"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_name_after_in_opening_the_sentence_is_a_place_not_its_subject() {
    // "Santa Vela" read first as a person's name (nothing says it is a
    // place); after "in" it is still no one "she" could mean.
    let found = sources(
        "The firm, which serves the province of Santa Vela, wants a rise. Finance Minister Ana \
         De Ruiz has offered help. Speaking in Santa Vela, Ms De Ruiz later denied the \
         possibility of any increase. She added that the future would be decided soon.",
    );
    assert_eq!(found, ["Ana De Ruiz", "Ana De Ruiz"]);
}

#[test]
fn a_capitalized_post_opening_a_sentence_is_the_person_he_goes_on_about() {
    // The firm spoke last; "The Transport Minister" opens the next
    // sentence and is whom "he" means after it.
    let found = sources(
        "Transport Minister Karl Otten has offered help. However, Delta Rail told a newspaper it \
         would not accept any change. The Transport Minister did not rule out a new contract. Yet \
         he added that he did not like to guess.",
    );
    assert_eq!(found.last().map(String::as_str), Some("Karl Otten"), "{found:?}");
}

#[test]
fn an_outlet_named_by_its_kind_and_its_name_is_to_whom_not_what() {
    assert_single_claim(&[
        (
            "Delta Rail told the Danish newspaper Politiken it would not accept any change.",
            "Delta Rail",
            "it would not accept any change",
        ),
        (
            "Delta Rail told a newspaper it would not accept any change.",
            "Delta Rail",
            "it would not accept any change",
        ),
    ]);
}

#[test]
fn a_post_after_according_to_a_name_is_their_role_not_the_claim() {
    assert_single_role(&[(
        "According to Ann Tovey, president of the builder, work will begin in May.",
        "Ann Tovey",
        "president of the builder",
    )]);
    assert_single_claim(&[
        (
            "According to Ann Tovey, president of the builder, work will begin in May.",
            "Ann Tovey",
            "work will begin in May",
        ),
        // Not what is said of a post-holder, nor a thing's aside.
        (
            "According to Ann Tovey, the minister, who left last year, was wrong.",
            "Ann Tovey",
            "the minister, who left last year, was wrong",
        ),
        (
            "According to Ann Tovey, sales, which fell last year, will rise.",
            "Ann Tovey",
            "sales, which fell last year, will rise",
        ),
    ]);
}

#[test]
fn a_parenthesis_between_the_evidence_and_found_counts_for_nothing() {
    assert_single_claim(&[(
        "New research from the Northern Institute of Ballet Teaching (NIBT) has found fewer \
         children are attending classes.",
        "Northern Institute of Ballet Teaching",
        "fewer children are attending classes",
    )]);
}

#[test]
fn a_quotation_going_on_keeps_whose_the_unnamed_speaker_is() {
    let found = sources(
        "Ann Tovey is seeking damages. Her lawyers said in a statement: \"The family had hoped \
         for a resolution. \"However, the family understands that justice takes time.\"",
    );
    assert_eq!(found, ["Ann Tovey's lawyers", "Ann Tovey's lawyers"]);
}

#[test]
fn a_named_owners_thing_speaks_for_the_owner_past_an_aside() {
    // The thing's kind may be qualified ("legal action", "annual report"),
    // and "her lawsuit" is whose "she" would mean.
    assert_eq!(
        sources(
            "Ann Tovey is seeking damages. Ms Tovey's legal action, filed in Port Vela District \
             Court, also accuses Mr Hale of negligence."
        ),
        ["Ann Tovey"]
    );
    assert_eq!(
        sources("Ann Tovey sued the club. Her lawsuit said the club had lied to her."),
        ["Ann Tovey"]
    );
    assert_eq!(
        sources(
            "The Bank of Northland held rates. The Bank's latest inflation report noted that \
             spending was weaker."
        ),
        ["Bank of Northland"]
    );
}

#[test]
fn an_opening_adverb_is_no_first_name() {
    // "Now Orbis" had been learned as a person's name, which "Orbis's"
    // then meant.
    assert_eq!(
        sources(
            "Now Orbis has won the right to see the records. Orbis's statement said staff had \
             stolen secrets."
        ),
        ["Orbis"]
    );
}

#[test]
fn members_investors_and_their_like_told_are_an_audience_not_the_claim() {
    assert_single_claim(&[
        (
            "Jo Lee told prospective Labour MPs on Thursday that public meetings could help.",
            "Jo Lee",
            "public meetings could help",
        ),
        (
            "Jo Lee told investors the firm will have to shed jobs.",
            "Jo Lee",
            "the firm will have to shed jobs",
        ),
        (
            "The firm told shocked shareholders that its reserves were smaller.",
            "The firm",
            "its reserves were smaller",
        ),
    ]);
}

#[test]
fn a_post_a_description_showed_is_the_role_in_the_claims_after() {
    // The lede's description is the person the next sentence opens with;
    // the article gives no role beside the name.
    let text = "Taxes must fall, Tories insist\n\nA change of direction is needed, the shadow \
                chancellor said on Friday.\n\nAnn Tovey said the country could not compete \
                without tax cuts. Ms Tovey said the plan was costed.";
    let roles: Vec<(String, Option<String>)> = extract(text, &HashMap::new())
        .into_iter()
        .map(|p| (p.source, p.role))
        .collect();
    let expected = ("Ann Tovey".to_string(), Some("shadow chancellor".to_string()));
    assert_eq!(roles, [expected.clone(), expected.clone(), expected]);
}

#[test]
fn when_it_was_said_after_the_cue_is_no_claim() {
    assert_single_claim(&[
        (
            "A change of direction is needed, the shadow chancellor said as the conference began.",
            "the shadow chancellor",
            "A change of direction is needed",
        ),
        (
            "The plan will fail, Jo Lee said after the talks ended.",
            "Jo Lee",
            "The plan will fail",
        ),
    ]);
    // A passive is no cue: nothing is proposed.
    assert_no_proposal(&["Here, far from the war, they aren't admitted until they are vetted."]);
}

#[test]
fn a_thing_added_to_something_is_no_claim() {
    assert_no_proposal(&[
        "Jo Lee added the Harbour Cup trophy to her long list of wins - but not before she was tested.",
        "Jo Lee added the conversion to become the first player to reach 1,000 points.",
    ]);
    // A clause after a long subject, or a quotation, is still what was said.
    assert_single_claim(&[
        (
            "Acme added its bid for a stake in the bank, was being considered by regulators.",
            "Acme",
            "its bid for a stake in the bank, was being considered by regulators",
        ),
        (
            "Jo Lee added the targets intended to ensure no-one waits more than a year.",
            "Jo Lee",
            "the targets intended to ensure no-one waits more than a year",
        ),
    ]);
}

#[test]
fn the_firm_or_group_described_with_its_trade_is_the_one_named() {
    assert_eq!(
        sources(
            "Internet portal Zentio has made a new tool. The net firm estimates that spammers \
             could end up paying."
        ),
        ["Zentio"]
    );
    // "in" inside a body's name: the whole name is the group.
    assert_eq!(
        sources(
            "Figures were collected by the Digital Media in Retail Group on Monday. Most will buy \
             online this year, reports the industry group."
        ),
        ["Digital Media in Retail Group"]
    );
}

#[test]
fn a_firm_named_after_its_kind_acts_and_says() {
    assert_single_speaker(&[
        (
            "Finnish security firm Valkea issued a warning about the worm but said that it does no damage.",
            "Valkea",
        ),
        (
            "Dutch firm Brouwer cut its forecast and warned that earnings may slide.",
            "Brouwer",
        ),
    ]);
}

#[test]
fn a_comma_inside_a_closing_quote_mark_is_no_part_of_the_claim() {
    let found = run("Jo Lee conceded that her rival \"played just too well,\" and added: \"We were poor.\"");
    let claims: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(
        claims,
        ["her rival \"played just too well\"", "We were poor"],
        "{found:?}"
    );
}

#[test]
fn asked_of_a_thing_then_a_quoted_question_is_the_question() {
    assert_single_claim(&[(
        "Jo Lee, from Leeds, asked of the harbour plan: \"Who will pay for it?\"",
        "Jo Lee",
        "Who will pay for it?",
    )]);
}
