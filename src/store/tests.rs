//! Unit tests of the store on in-memory databases: the schema's own
//! guarantees (append-only history, status follows history, unique names),
//! the batched write path, lookups and reports.

use uuid::Uuid;

use super::*;
use crate::matching::query::SearchQuery;
use crate::model::{Day, Relation, SourceKind, Status};
use crate::store::{ClaimFilter, NewClaim, NewEvent, NewOperation};

/// Writes claims as one operation, as the commands do.
async fn create(s: &mut Write<'_>, claims: Vec<NewClaim>) -> Result<Vec<i64>> {
    s.open_operation().await?;
    let keys = s.insert_claims(claims).await?;
    s.close_operation(NewOperation {
        kind: "claim.create",
        actor: "test".into(),
        ..NewOperation::default()
    })
    .await?;
    Ok(keys)
}

/// Appends an event as one operation, as `claims mark` does.
async fn mark(s: &mut Write<'_>, key: i64, event: &NewEvent) -> Result<crate::model::StatusEvent> {
    s.open_operation().await?;
    let recorded = s.append_event(key, event).await?;
    s.close_operation(NewOperation {
        kind: "claim.mark",
        claim_key: Some(key),
        actor: "test".into(),
        ..NewOperation::default()
    })
    .await?;
    Ok(recorded)
}

fn event(to: Status, at: &str) -> NewEvent {
    NewEvent {
        to,
        rating: None,
        note: None,
        evidence: vec![],
        actor: "test".into(),
        at: at.into(),
        effective_on: None,
    }
}

fn claim(id: Uuid, source_key: i64, text: &str, said_on: Option<&str>, history: Vec<NewEvent>) -> NewClaim {
    NewClaim {
        origin: None,
        language: None,
        id,
        source_key,
        article_key: None,
        text: text.into(),
        quote: None,
        said_on: said_on.map(|d| d.parse::<Day>().unwrap()),
        tags: vec![],
        history,
        anchor: None,
    }
}

/// A store with Peskov speaking for the Kremlin since 2012-05-21, and one
/// claim each: Peskov's confirmed (logged 2017-12-18, confirmed 2017-12-20),
/// the Kremlin's unverified (logged 2017-12-19).
async fn seeded() -> (Store, Uuid, Uuid) {
    let mut store = Store::open_in_memory().await.unwrap();
    let peskov = Uuid::now_v7();
    let kremlin_claim = Uuid::now_v7();
    store
        .write(async |s| {
            let kremlin = s.add_source("Kremlin", SourceKind::Organization, None).await?;
            let person = s.add_source("Dmitry Peskov", SourceKind::Person, None).await?;
            s.add_alias(&person, "Peskov").await?;
            s.add_speaks_for(
                &person,
                &kremlin,
                "press secretary",
                Some("2012-05-21".parse()?),
                None,
            )
            .await?;
            create(
                s,
                vec![
                    claim(
                        peskov,
                        person.key,
                        "The CIA tip-off helped save many lives",
                        Some("2017-12-18"),
                        vec![
                            event(Status::Unverified, "2017-12-18T10:00:00.000000Z"),
                            event(Status::Confirmed, "2017-12-20T10:00:00.000000Z"),
                        ],
                    ),
                    claim(
                        kremlin_claim,
                        kremlin.key,
                        "Putin thanked Trump",
                        Some("2017-12-17"),
                        vec![event(Status::Unverified, "2017-12-19T08:00:00.000000Z")],
                    ),
                ],
            )
            .await?;
            Ok(())
        })
        .await
        .unwrap();
    (store, peskov, kremlin_claim)
}

async fn raw(store: &mut Store, sql: &'static str) -> std::result::Result<u64, String> {
    sqlx::query(sql)
        .execute(store.conn())
        .await
        .map(|r| r.rows_affected())
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_history() {
    let (mut store, _, _) = seeded().await;
    let update = raw(&mut store, "UPDATE status_events SET note = 'rewritten'")
        .await
        .unwrap_err();
    assert!(update.contains("append-only"), "{update}");
    let delete = raw(&mut store, "DELETE FROM status_events").await.unwrap_err();
    assert!(delete.contains("append-only"), "{delete}");
    let delete_claim = raw(&mut store, "DELETE FROM claims").await.unwrap_err();
    assert!(delete_claim.contains("append-only"), "{delete_claim}");
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM status_events")
        .fetch_one(store.conn())
        .await
        .unwrap();
    assert_eq!(events, 3);
}

#[tokio::test]
async fn a_status_changes_only_through_an_event_that_continues_the_chain() {
    let (mut store, peskov, _) = seeded().await;
    let direct = raw(&mut store, "UPDATE claims SET status = 'refuted'")
        .await
        .unwrap_err();
    assert!(direct.contains("only by appending"), "{direct}");
    // An event claiming to start from a status the claim is not in.
    let broken = raw(
        &mut store,
        "INSERT INTO status_events (claim_id, from_status, to_status, actor, at, operation_id)
         VALUES (1, 'disputed', 'refuted', 'x', '2018-01-01T00:00:00.000000Z',
                 (SELECT coalesce(max(id), 0) + 1 FROM operations))",
    )
    .await
    .unwrap_err();
    assert!(broken.contains("does not continue"), "{broken}");

    let claim = store.resolve_claim(&peskov.to_string()).await.unwrap();
    assert_eq!(claim.status, Status::Confirmed);
    let appended = store
        .write(async |s| {
            mark(
                s,
                claim.key,
                &NewEvent {
                    rating: Some("False".into()),
                    ..event(Status::Refuted, "2018-01-02T00:00:00.000000Z")
                },
            )
            .await
        })
        .await
        .unwrap();
    assert_eq!(
        (appended.from, appended.to),
        (Some(Status::Confirmed), Status::Refuted)
    );
    let claim = store.claim(claim.key).await.unwrap();
    assert_eq!(claim.status, Status::Refuted);
    assert_eq!(claim.rating.as_deref(), Some("False"));
    assert_eq!(claim.updated_at, "2018-01-02T00:00:00.000000Z");
    let history = store.history(claim.key).await.unwrap();
    let chain: Vec<(Option<Status>, Status)> = history.iter().map(|e| (e.from, e.to)).collect();
    assert_eq!(
        chain,
        vec![
            (None, Status::Unverified),
            (Some(Status::Unverified), Status::Confirmed),
            (Some(Status::Confirmed), Status::Refuted)
        ]
    );
}

#[tokio::test]
async fn a_failed_write_leaves_nothing_behind() {
    let (mut store, _, _) = seeded().await;
    let result: Result<()> = store
        .write(async |s| {
            s.add_source("Vladimir Putin", SourceKind::Person, None).await?;
            s.add_source("peskov", SourceKind::Person, None).await?; // an alias: refused
            Ok(())
        })
        .await;
    assert!(matches!(result, Err(Error::Conflict(_))), "{result:?}");
    assert!(store.find_source("Vladimir Putin").await.unwrap().is_none());
}

#[tokio::test]
async fn names_and_aliases_are_unique_across_sources_and_match_folded() {
    let (mut store, _, _) = seeded().await;
    let found = store.find_source("  dmitry   PESKOV ").await.unwrap().unwrap();
    assert_eq!(found.name, "Dmitry Peskov");
    assert_eq!(
        store.find_source("peskov").await.unwrap().unwrap().name,
        "Dmitry Peskov"
    );

    let kremlin = store.find_source("kremlin").await.unwrap().unwrap();
    let taken = store
        .write(async |s| s.add_alias(&kremlin, "PESKOV").await)
        .await
        .unwrap_err();
    assert!(
        taken
            .to_string()
            .contains("already taken by source 'Dmitry Peskov'"),
        "{taken}"
    );
    // The database itself refuses an alias that is another source's name.
    let raw_alias = raw(
        &mut store,
        "INSERT INTO source_aliases (alias_key, alias, source_id) VALUES ('dmitry peskov', 'Dmitry Peskov', 1)",
    )
    .await
    .unwrap_err();
    assert!(raw_alias.contains("another source"), "{raw_alias}");

    // Unicode names fold too, which SQLite's NOCASE would not do.
    store
        .write(async |s| s.add_source("Песков", SourceKind::Person, None).await)
        .await
        .unwrap();
    assert_eq!(store.find_source("ПЕСКОВ").await.unwrap().unwrap().name, "Песков");
}

#[tokio::test]
async fn unknown_names_suggest_the_closest_sources() {
    let (mut store, _, _) = seeded().await;
    assert_eq!(
        store.similar_sources("Peskv").await.unwrap(),
        vec!["Dmitry Peskov"]
    );
    assert_eq!(store.similar_sources("Kremln").await.unwrap(), vec!["Kremlin"]);
    assert!(store.similar_sources("White House").await.unwrap().is_empty());
}

#[tokio::test]
async fn short_id_prefixes_resolve_through_the_index() {
    let (mut store, peskov, _) = seeded().await;
    let short = crate::model::short_id(&peskov);
    assert_eq!(store.resolve_claim(&short[..4]).await.unwrap().id, peskov);
    assert_eq!(
        store.resolve_claim(&short.to_uppercase()).await.unwrap().id,
        peskov
    );
    assert_eq!(
        store
            .resolve_claim(&peskov.simple().to_string())
            .await
            .unwrap()
            .id,
        peskov
    );
    assert!(matches!(store.resolve_claim("abc").await, Err(Error::Invalid(_))));
    assert!(matches!(
        store.resolve_claim("zzzz").await,
        Err(Error::Invalid(_))
    ));

    let plan = store.explain_claim_lookup().await.unwrap().join(" | ");
    assert!(
        plan.contains("INDEX claims_short_id"),
        "the lookup must search the index: {plan}"
    );
    assert!(!plan.contains("SCAN claims"), "{plan}");
}

#[tokio::test]
async fn an_ambiguous_prefix_lists_every_candidate() {
    let (mut store, _, _) = seeded().await;
    let first = Uuid::parse_str("01939c4e-0000-7000-8000-0000abcd0001").unwrap();
    let second = Uuid::parse_str("01939c4e-0000-7000-8000-0000abcd0002").unwrap();
    store
        .write(async |s| {
            let source = s.resolve_source("Kremlin").await?;
            let at = "2017-12-19T00:00:00.000000Z";
            create(
                s,
                vec![
                    claim(
                        first,
                        source.key,
                        "one",
                        None,
                        vec![event(Status::Unverified, at)],
                    ),
                    claim(
                        second,
                        source.key,
                        "two",
                        None,
                        vec![event(Status::Unverified, at)],
                    ),
                ],
            )
            .await
        })
        .await
        .unwrap();
    match store.resolve_claim("abcd").await {
        Err(Error::AmbiguousId { candidates, .. }) => {
            assert_eq!(candidates.len(), 2);
            assert!(
                candidates[0].contains(&first.to_string()) && candidates[1].contains(&second.to_string())
            );
        }
        other => panic!("expected an ambiguous id, got {other:?}"),
    }
    assert_eq!(store.resolve_claim("abcd0002").await.unwrap().id, second);
}

#[tokio::test]
async fn reports_count_per_source_roll_up_and_look_back_in_time() {
    let (mut store, _, _) = seeded().await;
    let plain = store.report(&ClaimFilter::default(), false).await.unwrap();
    let rows: Vec<(&str, i64, i64, i64)> = plain
        .rows
        .iter()
        .map(|r| (r.source.as_str(), r.total, r.confirmed, r.unverified))
        .collect();
    assert_eq!(rows, vec![("Dmitry Peskov", 1, 1, 0), ("Kremlin", 1, 0, 1)]);
    assert_eq!(plain.rows[0].held_up, Some(1.0));

    let rolled = store.report(&ClaimFilter::default(), true).await.unwrap();
    assert_eq!(rolled.rows[0].source, "Kremlin");
    assert_eq!((rolled.rows[0].total, rolled.rows[0].confirmed), (2, 1));
    assert_eq!(rolled.rows[0].via.len(), 1);
    assert_eq!(
        (
            rolled.rows[0].via[0].speaker.as_str(),
            rolled.rows[0].via[0].claims
        ),
        ("Dmitry Peskov", 1)
    );

    // In effect on 2017-12-18: both claims had been said (the Kremlin's on
    // the 17th, logged on the 19th: unverified until a verdict takes
    // effect). On the 16th neither had.
    let before = ClaimFilter {
        as_of: Some("2017-12-16".parse().unwrap()),
        ..ClaimFilter::default()
    };
    assert!(store.report(&before, false).await.unwrap().rows.is_empty());
    let then = ClaimFilter {
        as_of: Some("2017-12-18".parse().unwrap()),
        ..ClaimFilter::default()
    };
    let past = store.report(&then, false).await.unwrap();
    let rows: Vec<(&str, i64, i64)> = past
        .rows
        .iter()
        .map(|r| (r.source.as_str(), r.total, r.unverified))
        .collect();
    assert_eq!(rows, vec![("Dmitry Peskov", 1, 1), ("Kremlin", 1, 1)]);
    let later = ClaimFilter {
        as_of: Some("2017-12-20".parse().unwrap()),
        ..ClaimFilter::default()
    };
    let rows = store.report(&later, false).await.unwrap().rows;
    assert_eq!(rows.iter().map(|r| r.confirmed).sum::<i64>(), 1);
    assert_eq!(rows.iter().map(|r| r.total).sum::<i64>(), 2);

    // A status filter applies to the status as of that day.
    let unverified_then = ClaimFilter {
        statuses: vec![Status::Unverified],
        ..then.clone()
    };
    assert_eq!(store.list_claims(&unverified_then).await.unwrap().len(), 2);
    let unverified_later = ClaimFilter {
        statuses: vec![Status::Unverified],
        ..later.clone()
    };
    assert_eq!(store.list_claims(&unverified_later).await.unwrap().len(), 1);
}

/// Lists (id, status) of the claims a filter with these times gives.
async fn statuses_at(store: &mut Store, as_of: Option<&str>, known_on: Option<&str>) -> Vec<Status> {
    let filter = ClaimFilter {
        as_of: as_of.map(|d| d.parse().unwrap()),
        known_on: known_on.map(|d| d.parse().unwrap()),
        ..ClaimFilter::default()
    };
    let claims = store.list_claims(&filter).await.unwrap();
    let report = store.report(&filter, false).await.unwrap();
    // The report counts what the listing lists.
    assert_eq!(
        report.rows.iter().map(|r| r.total).sum::<i64>(),
        claims.len() as i64
    );
    claims.into_iter().map(|c| c.status).collect()
}

#[tokio::test]
async fn a_verdict_has_the_day_it_took_effect_and_the_time_it_was_recorded() {
    let mut store = Store::open_in_memory().await.unwrap();
    store.clock = Some("2017-12-18T10:00:00.000000Z".into());
    let key = store
        .write(async |s| {
            let peskov = s.add_source("Dmitry Peskov", SourceKind::Person, None).await?;
            let keys = create(
                s,
                vec![claim(
                    Uuid::now_v7(),
                    peskov.key,
                    "The CIA tip-off helped save many lives",
                    Some("2017-12-18"),
                    vec![event(Status::Unverified, "2017-12-18T10:00:00.000000Z")],
                )],
            )
            .await?;
            Ok(keys[0])
        })
        .await
        .unwrap();
    // Ruled on the 19th, recorded on the 22nd.
    store.clock = Some("2017-12-22T10:00:00.000000Z".into());
    let ruling = NewEvent {
        effective_on: Some("2017-12-19".into()),
        ..event(Status::Refuted, "2017-12-22T10:00:00.000000Z")
    };
    let recorded = store.write(async |s| mark(s, key, &ruling).await).await.unwrap();
    assert_eq!(recorded.effective_on, "2017-12-19");

    use Status::{Refuted, Unverified};
    assert_eq!(statuses_at(&mut store, Some("2017-12-17"), None).await, vec![]);
    assert_eq!(
        statuses_at(&mut store, Some("2017-12-18"), None).await,
        vec![Unverified]
    );
    assert_eq!(
        statuses_at(&mut store, Some("2017-12-19"), None).await,
        vec![Refuted]
    );
    assert_eq!(statuses_at(&mut store, None, Some("2017-12-17")).await, vec![]);
    assert_eq!(
        statuses_at(&mut store, None, Some("2017-12-20")).await,
        vec![Unverified]
    );
    assert_eq!(
        statuses_at(&mut store, None, Some("2017-12-22")).await,
        vec![Refuted]
    );
    // What the database said on the 20th about the 19th: not yet known.
    assert_eq!(
        statuses_at(&mut store, Some("2017-12-19"), Some("2017-12-20")).await,
        vec![Unverified]
    );

    // Withdrawn as a mistake on the 23rd, from the day it claimed: it
    // never took effect, but it was believed from the 22nd to the 23rd.
    store.clock = Some("2017-12-23T10:00:00.000000Z".into());
    let undo = NewEvent {
        effective_on: Some("2017-12-19".into()),
        ..event(Status::Unverified, "2017-12-23T10:00:00.000000Z")
    };
    store.write(async |s| mark(s, key, &undo).await).await.unwrap();
    assert_eq!(
        statuses_at(&mut store, Some("2017-12-20"), None).await,
        vec![Unverified]
    );
    assert_eq!(
        statuses_at(&mut store, Some("2017-12-20"), Some("2017-12-22")).await,
        vec![Refuted]
    );

    // The database refuses a verdict that takes effect after it is
    // recorded, and a day that is not in the calendar.
    for day in ["2017-12-24", "2017-02-30", "yesterday"] {
        let bad = NewEvent {
            effective_on: Some(day.into()),
            ..event(Status::Disputed, "2017-12-23T11:00:00.000000Z")
        };
        let refused = store.write(async |s| mark(s, key, &bad).await).await;
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.to_string().contains("CHECK constraint")),
            "{day}: {refused:?}"
        );
    }
}

#[tokio::test]
async fn a_rollup_only_credits_claims_made_inside_the_role() {
    let (mut store, _, _) = seeded().await;
    store
        .write(async |s| {
            let peskov = s.resolve_source("Peskov").await?;
            create(
                s,
                vec![claim(
                    Uuid::now_v7(),
                    peskov.key,
                    "Said before he spoke for the Kremlin",
                    Some("2010-01-01"),
                    vec![event(Status::Unverified, "2017-12-19T00:00:00.000000Z")],
                )],
            )
            .await
        })
        .await
        .unwrap();
    let rolled = store.report(&ClaimFilter::default(), true).await.unwrap();
    let kremlin = rolled.rows.iter().find(|r| r.source == "Kremlin").unwrap();
    assert_eq!(kremlin.total, 2, "the 2010 claim predates the role");
    let peskov = rolled.rows.iter().find(|r| r.source == "Dmitry Peskov").unwrap();
    assert_eq!(peskov.total, 2);

    let credited = ClaimFilter {
        credited_to: Some(store.resolve_source("Kremlin").await.unwrap().key),
        ..ClaimFilter::default()
    };
    assert_eq!(store.list_claims(&credited).await.unwrap().len(), 2);
}

#[tokio::test]
async fn filters_combine() {
    let (mut store, _, _) = seeded().await;
    let peskov = store.resolve_source("peskov").await.unwrap();
    let by = ClaimFilter {
        sources: vec![peskov.key],
        ..ClaimFilter::default()
    };
    assert_eq!(store.list_claims(&by).await.unwrap().len(), 1);
    let search = ClaimFilter {
        search: Some(SearchQuery::parse("cia TIP").unwrap()),
        ..ClaimFilter::default()
    };
    assert_eq!(store.list_claims(&search).await.unwrap().len(), 1);
    assert!(
        SearchQuery::parse("%").is_err(),
        "% is no word to search for, and no wildcard"
    );
    let since = ClaimFilter {
        since: Some("2017-12-18".parse().unwrap()),
        ..ClaimFilter::default()
    };
    assert_eq!(store.list_claims(&since).await.unwrap().len(), 1);
    let until = ClaimFilter {
        until: Some("2017-12-17".parse().unwrap()),
        ..ClaimFilter::default()
    };
    assert_eq!(
        store.list_claims(&until).await.unwrap()[0].text,
        "Putin thanked Trump"
    );
    let status = ClaimFilter {
        statuses: vec![Status::Confirmed, Status::Refuted],
        ..ClaimFilter::default()
    };
    assert_eq!(store.list_claims(&status).await.unwrap().len(), 1);
}

#[tokio::test]
async fn links_are_seen_from_both_ends_and_never_to_oneself() {
    let (mut store, peskov, kremlin) = seeded().await;
    let a = store.resolve_claim(&peskov.to_string()).await.unwrap();
    let b = store.resolve_claim(&kremlin.to_string()).await.unwrap();
    let added = store
        .write(async |s| s.add_link(&a, Relation::Supports, &b, "t").await)
        .await
        .unwrap();
    assert!(added);
    let again = store
        .write(async |s| s.add_link(&a, Relation::Supports, &b, "t").await)
        .await
        .unwrap();
    assert!(!again);
    let from_b = store.links_of(b.key).await.unwrap();
    assert_eq!(from_b.len(), 1);
    assert_eq!((from_b[0].from_id, from_b[0].to_id), (peskov, kremlin));
    assert_eq!(from_b[0].other_source, "Dmitry Peskov");
    let itself = store
        .write(async |s| s.add_link(&a, Relation::Repeats, &a, "t").await)
        .await
        .unwrap_err();
    assert!(itself.to_string().contains("itself"), "{itself}");
}

#[tokio::test]
async fn a_batch_spanning_many_insert_statements_keeps_every_row() {
    let mut store = Store::open_in_memory().await.unwrap();
    let n = 2_500; // more than two batches of BATCH_ROWS
    let written = store
        .write(async |s| {
            let source = s.add_source("Bulk", SourceKind::Group, None).await?;
            let claims: Vec<NewClaim> = (0..n)
                .map(|i| NewClaim {
                    origin: None,
                    tags: vec![format!("t{}", i % 3)],
                    ..claim(
                        Uuid::now_v7(),
                        source.key,
                        &format!("claim {i}"),
                        None,
                        vec![
                            event(Status::Unverified, "2020-01-01T00:00:00.000000Z"),
                            event(Status::Disputed, "2020-01-02T00:00:00.000000Z"),
                        ],
                    )
                })
                .collect();
            create(s, claims).await
        })
        .await
        .unwrap();
    assert_eq!(written.len(), n);
    let report = store.report(&ClaimFilter::default(), false).await.unwrap();
    assert_eq!(
        (report.rows[0].total, report.rows[0].disputed),
        (n as i64, n as i64)
    );
    let tagged = ClaimFilter {
        tag: Some("T1".into()),
        ..ClaimFilter::default()
    };
    assert_eq!(store.list_claims(&tagged).await.unwrap().len(), n / 3);
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM status_events")
        .fetch_one(store.conn())
        .await
        .unwrap();
    assert_eq!(events, 2 * n as i64);
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
}

/// Every index and trigger of the schema, as SQLite stores them.
async fn schema(store: &mut Store) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name",
    )
    .fetch_all(store.conn())
    .await
    .unwrap()
}

#[tokio::test]
async fn a_bulk_load_puts_back_every_trigger_and_index_and_moves_appended_claims() {
    let mut store = Store::open_in_memory().await.unwrap();
    let before = schema(&mut store).await;
    let (first, second) = (Uuid::now_v7(), Uuid::now_v7());
    store
        .write(async |s| {
            let source = s.add_source("Bulk", SourceKind::Group, None).await?;
            let bulk = s.begin_bulk_load().await?.expect("the tables are empty");
            let keys = create(
                s,
                vec![
                    claim(
                        first,
                        source.key,
                        "one",
                        None,
                        vec![
                            event(Status::Unverified, "2020-01-01T00:00:00.000000Z"),
                            NewEvent {
                                rating: Some("False".into()),
                                ..event(Status::Refuted, "2020-01-02T00:00:00.000000Z")
                            },
                        ],
                    ),
                    claim(
                        second,
                        source.key,
                        "two",
                        None,
                        vec![event(Status::Unverified, "2020-01-01T00:00:00.000000Z")],
                    ),
                ],
            )
            .await?;
            // A repeat later in the same load appends to a claim already in.
            mark(
                s,
                keys[1],
                &NewEvent {
                    rating: Some("True".into()),
                    ..event(Status::Confirmed, "2020-01-03T00:00:00.000000Z")
                },
            )
            .await?;
            s.finish_bulk_load(bulk).await
        })
        .await
        .unwrap();
    assert_eq!(schema(&mut store).await, before);
    let one = store.claim_by_id(&first).await.unwrap().unwrap();
    let two = store.claim_by_id(&second).await.unwrap().unwrap();
    assert_eq!(
        (one.status, one.rating.as_deref()),
        (Status::Refuted, Some("False"))
    );
    assert_eq!(
        (two.status, two.rating.as_deref()),
        (Status::Confirmed, Some("True"))
    );
    // The rules are back: history cannot be replaced, nor a claim forged.
    let forged = raw(
        &mut store,
        "INSERT OR REPLACE INTO status_events (id, claim_id, from_status, to_status, actor, at)
         VALUES (1, 1, NULL, 'confirmed', 'x', '2020-01-01T00:00:00.000000Z')",
    )
    .await
    .unwrap_err();
    assert!(
        forged.contains("history") || forged.contains("operation"),
        "{forged}"
    );
    // Once the tables hold claims, a load is checked row by row.
    let again = store.write(async |s| s.begin_bulk_load().await).await.unwrap();
    assert!(again.is_none());
}

#[tokio::test]
async fn a_bulk_load_that_breaks_the_history_rules_is_refused_whole() {
    for forged in [
        // Out of the chain: this claim's last status was unverified.
        "INSERT INTO status_events (claim_id, from_status, to_status, actor, at)
         VALUES (1, 'refuted', 'confirmed', 'x', '2020-01-05T00:00:00.000000Z')",
        // Back in time.
        "INSERT INTO status_events (claim_id, from_status, to_status, actor, at)
         VALUES (1, 'unverified', 'unverified', 'x', '2019-01-01T00:00:00.000000Z')",
        // A claim with a verdict and no history at all.
        "INSERT INTO claims (uuid, source_id, text, status, created_at, updated_at)
         VALUES (randomblob(16), 1, 'forged', 'confirmed', 'x', 'x')",
    ] {
        let mut store = Store::open_in_memory().await.unwrap();
        let before = schema(&mut store).await;
        let failed = store
            .write(async |s| {
                let source = s.add_source("Bulk", SourceKind::Group, None).await?;
                let bulk = s.begin_bulk_load().await?.expect("the tables are empty");
                create(
                    s,
                    vec![claim(
                        Uuid::now_v7(),
                        source.key,
                        "one",
                        None,
                        vec![event(Status::Unverified, "2020-01-01T00:00:00.000000Z")],
                    )],
                )
                .await?;
                sqlx::raw_sql(forged).execute(s.conn()).await?;
                s.finish_bulk_load(bulk).await
            })
            .await
            .unwrap_err();
        assert!(failed.to_string().contains("broke the history rules"), "{failed}");
        // Rolled back whole: no claim, and every trigger and index in place.
        let claims: i64 = sqlx::query_scalar("SELECT count(*) FROM claims")
            .fetch_one(store.conn())
            .await
            .unwrap();
        assert_eq!(claims, 0);
        assert_eq!(schema(&mut store).await, before);
    }
}

#[test]
fn timestamps_are_fixed_width_utc() {
    let at = time::macros::datetime!(2017-12-18 09:30:05.123456 +03:00);
    assert_eq!(format_timestamp(at), "2017-12-18T06:30:05.123456Z");
    assert_eq!(now_timestamp().len(), "2017-12-18T06:30:05.123456Z".len());
}

#[test]
fn every_migration_runs_in_a_transaction() {
    // sqlx wraps a migration in a transaction unless the file opts out with
    // `-- no-transaction`; an upgrade interrupted halfway then leaves the
    // database at the previous version, never between two.
    assert!(MIGRATOR.iter().count() >= 3);
    for migration in MIGRATOR.iter() {
        assert!(
            !migration.no_tx,
            "migration {} opts out of its transaction",
            migration.version
        );
    }
}

#[test]
fn names_fold_by_unicode_rules() {
    use super::{fold_name, name_skeleton};
    assert_eq!(fold_name("  Dmitry   PESKOV "), "dmitry peskov");
    assert_eq!(fold_name("José"), fold_name("Jose\u{301}"));
    assert_eq!(fold_name("Pes\u{200b}kov\u{feff}"), "peskov");
    assert_eq!(fold_name("Straße"), fold_name("STRASSE"));
    assert_eq!(fold_name("ПЕСКОВ"), "песков");
    assert_eq!(fold_name("ﬁnance\u{a0}ministry"), "finance ministry");
    assert_ne!(fold_name("Peskov"), fold_name("Реskov"));
    assert_eq!(name_skeleton("Peskov"), name_skeleton("Реskov"));
    assert_ne!(name_skeleton("Peskov"), name_skeleton("Putin"));
}

#[tokio::test]
async fn a_bulk_load_writes_its_articles_and_operations_before_anything_reads_them() {
    let mut store = Store::open_in_memory().await.unwrap();
    store
        .write(async |s| {
            let source = s.add_source("Bulk", SourceKind::Group, None).await?;
            let bulk = s.begin_bulk_load().await?.expect("the tables are empty");
            let before = s.chain_head().await?.0;
            let a = s
                .insert_article("https://example.org/a", "A", None, None, Some("body a"))
                .await?;
            let b = s
                .insert_article("https://example.org/b", "B", None, None, None)
                .await?;
            assert_eq!(b.key, a.key + 1);
            // Nothing written yet: both wait for the next statement that
            // needs them.
            let written: i64 = sqlx::query_scalar("SELECT count(*) FROM articles")
                .fetch_one(s.conn())
                .await?;
            assert_eq!(written, 0);
            // A read of either table writes them first, in order.
            assert_eq!(s.article(b.key).await?.url, "https://example.org/b");
            assert_eq!(s.article_body(a.key).await?.as_deref(), Some("body a"));
            let (head, _) = s.chain_head().await?;
            assert_eq!(head, before + 2);
            let kinds: Vec<String> = s
                .operations(&crate::store::OperationFilter::default())
                .await?
                .into_iter()
                .map(|o| o.kind)
                .collect();
            assert_eq!(kinds[kinds.len() - 2..], ["article.create", "article.create"]);
            // Claims of a waiting article, then the load's checks.
            let c = s
                .insert_article("https://example.org/c", "C", None, None, None)
                .await?;
            let mut one = claim(
                Uuid::now_v7(),
                source.key,
                "one",
                None,
                vec![event(Status::Unverified, "2020-01-01T00:00:00.000000Z")],
            );
            one.article_key = Some(c.key);
            create(s, vec![one]).await?;
            s.finish_bulk_load(bulk).await
        })
        .await
        .unwrap();
    let listed = store.list_articles().await.unwrap();
    assert_eq!(listed.len(), 3);
    let audit = store.audit(None).await.unwrap();
    assert!(
        audit.findings.iter().all(|f| f.problem.is_none()),
        "{:?}",
        audit.findings
    );

    // A load that fails leaves no waiting article or operation behind, and
    // the next write numbers from what is really there.
    let mut store = Store::open_in_memory().await.unwrap();
    let failed = store
        .write(async |s| {
            let _bulk = s.begin_bulk_load().await?.expect("the tables are empty");
            s.insert_article("https://example.org/d", "D", None, None, None)
                .await?;
            Err::<(), _>(Error::invalid("stop"))
        })
        .await;
    assert!(failed.is_err());
    assert_eq!(store.chain_head().await.unwrap().0, 0);
    assert!(store.list_articles().await.unwrap().is_empty());
    let again = store
        .write(async |s| {
            s.add_article("https://example.org/e", "E", None, None, None)
                .await
        })
        .await
        .unwrap();
    assert_eq!(again.key, 1);
    assert_eq!(store.chain_head().await.unwrap().0, 1);
}
