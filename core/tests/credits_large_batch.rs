//! A batch large enough for the scorer's bucket sorts (thousands of events), crowded onto a few seconds so
//! that many events share an instant and their event ids decide the order: one `ingest` of it must give
//! the ledger of the same events taken one at a time, and list what changed in canonical order
//! (`occurred_at`, then `event_id` byte by byte), as the crate docs define it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dangjian::credits::{Event, Scheme, Scorer};

/// 6 000 events of 12 members within 9 seconds. Ids of two shapes: `p{i}` (short, `p1` < `p10` < `p2`) and
/// `p{i % 7}-aaaaaaaaaaaa-{i}` (the same first 15 bytes for a seventh of them, so the scorer must
/// compare whole ids).
fn events() -> Vec<Event> {
    let acts = ["login", "article", "reading_time", "daily_quiz"];
    let base = chrono::DateTime::parse_from_rfc3339("2023-05-13T23:59:55+08:00").unwrap();
    (0..6_000u32)
        .map(|i| {
            let id = if i % 2 == 0 {
                format!("p{i}")
            } else {
                format!("p{}-aaaaaaaaaaaa-{i}", i % 7)
            };
            Event {
                event_id: id,
                member_id: format!("M{}", (i * 7) % 12),
                activity: acts[(i % 4) as usize].to_owned(),
                // Across midnight China time: the day's caps restart inside the batch.
                occurred_at: base + chrono::Duration::seconds(i64::from((i * 5) % 9)),
                content_id: Some(format!("c{}", i % 5)),
                duration_seconds: Some(40 + (i % 50)),
                correct_answers: Some(i % 6),
                place: None,
                points: None,
            }
        })
        .collect()
}

fn ledger(s: &Scorer) -> Vec<(String, i64, &'static str)> {
    s.ledger()
        .into_iter()
        .map(|e| (e.event_id.to_owned(), e.points, e.reason.code()))
        .collect()
}

#[test]
fn one_large_batch_is_the_events_one_by_one() {
    let all = events();
    let mut batch = Scorer::new(Scheme::learning_platform()).unwrap();
    let r = batch.ingest(all.clone());
    assert!(r.errors.is_empty());
    assert_eq!(r.changed.len(), all.len());

    // Canonical order, worked out here from the definition.
    let mut expected: Vec<(i64, &str)> = all
        .iter()
        .map(|e| (e.occurred_at.timestamp(), e.event_id.as_str()))
        .collect();
    expected.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.as_bytes().cmp(b.1.as_bytes())));
    let got: Vec<&str> = r
        .changed
        .iter()
        .map(|&id| batch.get(id).unwrap().event_id)
        .collect();
    let expected: Vec<&str> = expected.into_iter().map(|(_, id)| id).collect();
    assert_eq!(got, expected);

    // One event per batch, backwards: every event arrives before the ones already held, so each
    // batch re-scores its member from the event's day (the one-event path never sorts a batch).
    let mut single = Scorer::new(Scheme::learning_platform()).unwrap();
    for e in all.iter().rev() {
        assert!(single.ingest(vec![e.clone()]).errors.is_empty());
    }
    assert_eq!(ledger(&single), ledger(&batch));
    assert_eq!(single.totals(), batch.totals());
}
