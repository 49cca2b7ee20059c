//! The streaming JSON batch reader against the reader it replaced (a JSON value per member, read with its path):
//! the same outcome — amounts, error entries with index, id, code, path and message — on generated batches with
//! bad fields, repeated ids, keys named twice and malformed documents.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;

use super::batch::{assess_batch, duplicate_id, BatchError, BatchOutcome};
use super::{assess_batch_from_json, assess_batch_from_reader, AssessOptions, DuesMember};
use crate::{Error, Policy, YearMonth};

/// The reader before this change, verbatim but for names: the whole document as JSON values, each read with
/// its path, then `assess_batch`.
fn old_reader(
    policy: &Policy,
    json: &str,
    month: YearMonth,
    options: AssessOptions,
) -> Result<BatchOutcome, Error> {
    let raw: Vec<serde_json::Value> = crate::error::from_json(json, "INVALID_MEMBER_JSON")?;
    let mut members = Vec::with_capacity(raw.len());
    let mut positions = Vec::with_capacity(raw.len());
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::with_capacity(raw.len());
    for (index, value) in raw.into_iter().enumerate() {
        let id = value
            .get("member_id")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                errors.push(BatchError::new(index, Some(id.clone()), &duplicate_id(id)));
                continue;
            }
        }
        match serde_path_to_error::deserialize::<_, DuesMember>(value) {
            Ok(m) => {
                members.push(m);
                positions.push(index);
            }
            Err(e) => {
                let err = crate::error::path_error(e, "INVALID_MEMBER_JSON");
                errors.push(BatchError::new(index, id, &err));
            }
        }
    }
    let mut out = assess_batch(policy, &members, month, options);
    for e in &mut out.errors {
        e.index = positions.get(e.index).copied().unwrap_or(e.index);
    }
    out.errors.extend(errors);
    out.errors.sort_by_key(|e| e.index);
    Ok(out)
}

/// One member's text: a shape (`kind`), an amount in fen, an id drawn from a few (so ids repeat), and a fault.
fn member(kind: u8, fen: u64, id: u8, fault: u8) -> String {
    let amount = format!("\"{}.{:02}\"", fen / 100, fen % 100);
    let mut category = "\"employed\"".to_owned();
    let mut employer = ",\"employer_type\":\"enterprise\"".to_owned();
    let mut items = format!(
        "[{{\"code\":\"post_salary\",\"amount\":{amount}}},{{\"code\":\"income_tax\",\"amount\":\"10.00\"}}]"
    );
    let mut extra = String::new();
    let mut id_text = format!("\"M{id}\"");
    match fault {
        1 => category = "\"astronaut\"".into(),
        2 => items = items.replace(&amount, "\"-1\""),
        3 => items = items.replace(&amount, "\"1e3\""),
        4 => items = items.replace(&amount, "5"),
        5 => items = items.replace(&amount, "\"1.001\""),
        6 => items = "{\"code\":\"net_base\"}".into(),
        7 => extra = ",\"nickname\":\"x\"".into(),
        8 => extra = ",\"category\":\"retired\"".into(), // a key named twice: the last wins
        9 => id_text = "7".into(),
        10 => extra = ",\"admitted_on\":\"2026-02-30\"".into(),
        11 => employer = ",\"employer_type\":null".into(),
        12 => items = items.replace("\"code\":\"income_tax\",", ""),
        13 => items = items.replace(&amount, "\"100000000000000000000000000000000\""),
        14 => extra = ",\"incomes\":[{\"from\":\"2026-13\",\"items\":[]}]".into(),
        15 => {
            return format!(
                "{{\"category\":\"student\",\"member_id\":{id_text},\"member_id\":\"Z\"}}"
            )
        }
        16 => return "[]".into(),
        17 => return format!("{{\"member_id\":{id_text}}}"),
        _ => {}
    }
    match kind % 4 {
        0 => format!(
            "{{\"member_id\":{id_text},\"category\":{category}{employer},\"incomes\":[{{\"items\":{items}}}]{extra}}}"
        ),
        1 => format!(
            "{{\"member_id\":{id_text},\"category\":\"retired\",\"incomes\":[{{\"items\":[{{\"code\":\"pension\",\"amount\":{amount}}}]}}]{extra}}}"
        ),
        2 => format!("{{\"category\":{category},\"member_id\":{id_text}{extra}}}")
            .replace("\"employed\"", "\"farmer\""),
        _ => format!(
            "{{\"member_id\":{id_text},\"category\":\"employed\",\"incomes\":[{{\"items\":[{{\"code\":\"net_base\",\"amount\":{amount}}}]}}]{extra}}}"
        ),
    }
}

fn document(members: &[(u8, u64, u8, u8)], break_at: Option<usize>) -> String {
    let texts: Vec<String> = members
        .iter()
        .map(|&(k, f, i, fault)| member(k, f, i, fault))
        .collect();
    let mut doc = format!("[{}]", texts.join(","));
    if let Some(at) = break_at {
        // A malformed document: cut inside it.
        let cut = at % doc.len().max(1);
        doc.truncate(cut);
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_streaming_reader_gives_the_old_outcome(
        members in prop::collection::vec((0u8..4, 0u64..2_000_000, 0u8..12, prop_oneof![Just(0u8), 0u8..18]), 0..24),
        trace in any::<bool>(),
        broken in prop::option::weighted(0.1, 0usize..10_000),
    ) {
        let policy = Policy::bundled();
        let month: YearMonth = "2026-11".parse().unwrap();
        let options = AssessOptions { trace };
        let doc = document(&members, broken);
        let old = old_reader(&policy, &doc, month, options);
        let new = assess_batch_from_json(&policy, &doc, month, options);
        prop_assert_eq!(&new, &old, "{}", doc);
        // The reader entry hands on the same results in order (or fails on the same malformed document).
        let mut streamed = BatchOutcome::default();
        let n = assess_batch_from_reader(&policy, doc.as_bytes(), month, options, |r| match r {
            Ok(a) => streamed.assessments.push(a),
            Err(e) => streamed.errors.push(e),
        });
        match old {
            Ok(old) => {
                prop_assert_eq!(n.unwrap(), members.len());
                prop_assert_eq!(streamed, old);
            }
            Err(e) => {
                let n = n.unwrap_err();
                prop_assert_eq!(n.code(), e.code());
            }
        }
    }
}

#[test]
fn a_document_that_is_not_an_array_keeps_its_path() {
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    for doc in [
        "{}",
        "\"x\"",
        "[{\"member_id\":\"A\",\"category\":\"student\"},{\"member_id\":\"B\",\"incomes\":[{\"items\":[tru]}]}]",
        "[1,",
        "",
    ] {
        let old = old_reader(&policy, doc, month, AssessOptions::default()).unwrap_err();
        let new =
            assess_batch_from_json(&policy, doc, month, AssessOptions::default()).unwrap_err();
        assert_eq!(new, old, "{doc}");
    }
    let e = assess_batch_from_json(
        &policy,
        "[{\"member_id\":\"A\",\"incomes\":[{\"items\":[tru]}]}]",
        month,
        AssessOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.detail().field, "[0].incomes[0].items[0]");
}

#[test]
fn the_reader_entry_names_the_element_a_document_breaks_in() {
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let doc = "[{\"member_id\":\"A\",\"category\":\"student\"},{\"member_id\":\"B\",\"cat";
    let mut seen = Vec::new();
    let e = assess_batch_from_reader(
        &policy,
        doc.as_bytes(),
        month,
        AssessOptions::default(),
        |r| seen.push(r.unwrap().member_id),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_MEMBER_JSON", "[1]")
    );
    assert_eq!(seen, ["A"]);
    let e = assess_batch_from_reader(&policy, &b"{}"[..], month, AssessOptions::default(), |_| {})
        .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_MEMBER_JSON", "")
    );
}
