//! The credits JSON readers (events read straight from their text, paths rebuilt only for a bad one) against the
//! readers they replaced (a JSON value per event, read with its path): the same documents out on generated
//! events with bad fields, keys named twice, trailing text and broken lines.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;

use super::*;

/// The event reader before this change.
fn old_read_event(value: serde_json::Value) -> std::result::Result<Event, Error> {
    serde_path_to_error::deserialize::<_, Event>(value)
        .map_err(|e| crate::error::path_error(e, "INVALID_EVENT_JSON"))
}

fn old_id(value: &serde_json::Value) -> Option<String> {
    value
        .get("event_id")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

/// `Scorer::ingest_json` before this change.
fn old_ingest(scorer: &mut Scorer, json: &str) -> Result<Ingest> {
    let values: Vec<serde_json::Value> = from_json(json, "INVALID_EVENTS_JSON")?;
    let mut events = Vec::new();
    let mut positions = Vec::new();
    let mut errors = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        let id = old_id(&value);
        match old_read_event(value) {
            Ok(e) => {
                events.push(e);
                positions.push(index);
            }
            Err(e) => errors.push(EventError::new(index, None, id, &e)),
        }
    }
    let mut r = scorer.ingest(events);
    for e in &mut r.errors {
        e.index = positions.get(e.index).copied().unwrap_or(e.index);
    }
    r.errors.extend(errors);
    r.errors.sort_by_key(|e| e.index);
    Ok(r)
}

/// `score_lines`' reading of one line before this change.
fn old_line(line: &str) -> std::result::Result<Event, Box<(Option<String>, Error)>> {
    let value: serde_json::Value =
        from_json(line, "INVALID_EVENT_JSON").map_err(|e| Box::new((None, e)))?;
    let id = old_id(&value);
    old_read_event(value).map_err(|e| Box::new((id, e)))
}

fn event(id: u8, activity: u8, fault: u8) -> String {
    let activity = ["login", "read_article", "nap", "quiz"][usize::from(activity % 4)];
    let base = format!(
        "{{\"event_id\":\"e{id}\",\"member_id\":\"M{}\",\"activity\":\"{activity}\",\"occurred_at\":\"2026-03-02T07:00:00+08:00\"",
        id % 3
    );
    match fault {
        1 => format!("{base},\"duration_seconds\":\"x\"}}"),
        2 => format!("{base},\"colour\":1}}"),
        3 => format!("{base},\"activity\":\"login\"}}"),
        4 => "{\"event_id\":\"e9\"}".to_owned(),
        5 => format!("{base}}} trailing"),
        6 => base,
        7 => base.replace("2026-03-02T07:00:00+08:00", "yesterday") + "}",
        8 => "7".to_owned(),
        _ => format!("{base}}}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn events_read_as_before(
        events in prop::collection::vec((0u8..8, 0u8..4, prop_oneof![Just(0u8), 0u8..9]), 0..16),
    ) {
        let scheme = Scheme::learning_platform();
        // JSON Lines: every line as it is (a broken line is that line's error).
        let lines: Vec<String> = events.iter().map(|&(i, a, f)| event(i, a, f)).collect();
        for line in &lines {
            let old = old_line(line);
            let new = read_event(line);
            prop_assert_eq!(format!("{new:?}"), format!("{old:?}"), "{}", line);
        }
        let jsonl = lines.join("\n");
        let new = score_jsonl(&scheme, &jsonl, false);
        prop_assert!(new.is_ok());
        // An array: the lines that are one JSON value each.
        let whole: Vec<&String> = lines.iter().filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()).collect();
        let doc = format!("[{}]", whole.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","));
        let mut a = Scorer::new(scheme.clone()).unwrap();
        let mut b = Scorer::new(scheme.clone()).unwrap();
        prop_assert_eq!(a.ingest_json(&doc).unwrap(), old_ingest(&mut b, &doc).unwrap());
        prop_assert_eq!(a.totals(), b.totals());
    }
}

#[test]
fn a_document_that_is_not_an_array_keeps_its_path() {
    let scheme = Scheme::learning_platform();
    for doc in ["{}", "[{\"event_id\":\"e1\",\"x\":[tru]}]", "[1,", ""] {
        let mut a = Scorer::new(scheme.clone()).unwrap();
        let mut b = Scorer::new(scheme.clone()).unwrap();
        assert_eq!(
            a.ingest_json(doc).unwrap_err(),
            old_ingest(&mut b, doc).unwrap_err(),
            "{doc}"
        );
    }
}
