//! The fast read answers exactly as the tree read: the same records, meetings and ledgers, the same errors
//! (code, field, messages, index, id), or the same whole-input error — on the example roster and on hundreds of
//! randomly damaged copies of it.

// Offsets and counters of the damage generator, far from any bound.
#![allow(clippy::arithmetic_side_effects)]

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::membership::life::Meeting;

const MEMBERS: &str = include_str!("../../../examples/data/members.json");

/// Everything a read gives, comparable.
type Outcome = std::result::Result<
    (
        Vec<MemberRecord>,
        Vec<usize>,
        Vec<BatchError>,
        Vec<Meeting>,
        Vec<Ledger>,
        Vec<BatchError>,
    ),
    Error,
>;

fn outcome(r: Result<Roster>) -> Outcome {
    r.map(|r| {
        (
            r.records,
            r.positions,
            r.errors,
            r.meetings
                .iter()
                .map(|m| match m {
                    MeetingIn::Owned(m) => m.clone(),
                    MeetingIn::Borrowed(v) => v.to_meeting(),
                })
                .collect(),
            r.ledgers,
            r.side_errors,
        )
    })
}

fn same(json: &str) {
    let fast = outcome(read_members(json));
    let tree = outcome(read_tree(json));
    assert_eq!(fast, tree, "input: {json}");
}

/// The example roster with two ledgers (the file has none).
fn base() -> Value {
    let mut doc: Value = serde_json::from_str(MEMBERS).unwrap();
    doc["ledgers"] = json!([
        {"member_id":"M01","obligations":[{"month":"2026-01","amount":"54.00"}],
         "payments":[{"paid_on":"2026-01-05","amount":"54.00","months":["2026-01"],"channel":"wechat"}],
         "good_reasons":[{"from":"2026-02","to":"2026-03","reason":"援藏"}]},
        {"member_id":"M02","obligations":[],"payments":[]}
    ]);
    doc
}

#[test]
fn the_example_roster_reads_the_same_and_fast() {
    same(MEMBERS);
    same(&base().to_string());
    // The fast read takes it without the tree (nothing in it fails), and so does the one-pass read.
    let r = read_fast(MEMBERS).unwrap();
    assert_eq!(r.records.len(), 12);
    assert!(r.errors.is_empty() && r.side_errors.is_empty());
    for doc in [MEMBERS.to_owned(), base().to_string()] {
        let whole = outcome(Ok(read_whole(&doc).unwrap()));
        assert_eq!(whole, outcome(read_tree(&doc)));
    }
}

#[test]
fn one_element_the_one_pass_read_cannot_take_sends_the_document_to_the_element_by_element_read() {
    let mut doc = base();
    // An impossible date in the second member, a meeting with an escaped id (not borrowed), a ledger of the
    // wrong shape: each alone stops the one-pass read, and the other elements are still read and kept.
    let breaks = [
        ("/members/1/birth_date", json!("2000-02-30")),
        ("/meetings/0/id", json!("M\\u0031")),
        ("/ledgers/1/payments", json!(3)),
    ];
    for (at, value) in breaks {
        let mut d = doc.clone();
        *d.pointer_mut(at).unwrap() = value;
        let text = d.to_string();
        assert!(read_whole(&text).is_none(), "{at}");
        same(&text);
        assert!(read_members(&text).unwrap().records.len() >= 11, "{at}");
    }
    doc["members"][1]["id"] = doc["members"][0]["id"].clone();
    let repeated = doc.to_string();
    let r = read_whole(&repeated).unwrap();
    assert_eq!(
        (r.records.len(), r.errors[0].code.as_str()),
        (11, "DUPLICATE_MEMBER")
    );
    same(&repeated);
}

#[test]
fn what_the_skipping_pass_lets_through_is_still_the_whole_inputs_error() {
    let deep = format!("{}1{}", "[".repeat(126), "]".repeat(126));
    let cases = [
        // A number out of range, a lone surrogate, nesting past serde_json's limit inside a member (the skipping
        // pass that delimits elements checks none of them; the tree read refuses the whole input).
        r#"{"members":[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1","x":1e400}]}"#.to_owned(),
        r#"{"members":[{"id":"A","name":"\ud800","birth_date":"2000-01-01","org":"B1"}]}"#.to_owned(),
        format!(r#"{{"members":[{{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1","x":{deep}}}]}}"#),
        format!(r#"[{{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1","x":{deep}}}]"#),
        format!(r#"{{"members":[],"meetings":[{deep}]}}"#),
        // Repeated keys: the tree keeps the last, the typed read refuses — the tree path answers.
        r#"[{"id":"A","id":"B","name":"甲","birth_date":"2000-01-01","org":"B1"}]"#.to_owned(),
        r#"[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1","events":[{"kind":"talk","kind":"application","date":"2024-01-01"}]}]"#.to_owned(),
        r#"{"members":[],"members":[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}]}"#.to_owned(),
        // Text after the document (the tree read stops at the value's end), not JSON at all, the wrong shape.
        r#"[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}] trailing"#.to_owned(),
        "[{".to_owned(),
        "42".to_owned(),
        r#"{"records":[]}"#.to_owned(),
        r#"{"members":null}"#.to_owned(),
        String::new(),
    ];
    for c in &cases {
        same(c);
    }
}

/// Snippets a damaged roster may hold where a value was: wrong types, impossible dates, unknown kinds, values
/// only a full parse refuses, a repeated id, nesting at the depth limit.
fn snippet(k: u64) -> String {
    let all = [
        "null",
        "1e400",
        r#""\ud800""#,
        r#""2024-02-30""#,
        r#""x""#,
        "-1",
        "4294967296",
        "1.5",
        "{}",
        "[]",
        r#"{"a":1,"a":2}"#,
        "true",
        r#""application""#,
        r#""full""#,
        r#"{"kind":"talk","date":"2024-01-01"}"#,
        r#""M01""#,
        r#""\u00e9\n""#,
    ];
    let i = usize::try_from(k).unwrap_or(0) % (all.len() + 1);
    all.get(i).map_or_else(
        || format!("{}0{}", "[".repeat(124), "]".repeat(124)),
        |s| (*s).to_owned(),
    )
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap() % n.max(1)
    }
}

const HOLE: &str = "\u{1}hole\u{1}";

/// One damage to the tree: a node somewhere (a record, an event, a meeting…) loses a key, gains an unknown
/// one, has its value swapped for a snippet (marked by a hole filled after printing), or its record's id
/// repeated.
fn damage(node: &mut Value, rng: &mut Lcg, levels: usize) {
    // Walk down a random number of levels, then damage the node reached.
    if levels > 0 {
        let child = match node {
            Value::Object(o) if !o.is_empty() => {
                let k = o.keys().nth(rng.below(o.len())).cloned().unwrap();
                o.get_mut(&k)
            }
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                a.get_mut(i)
            }
            _ => None,
        };
        if let Some(child) = child.filter(|c| c.is_object() || c.is_array()) {
            return damage(child, rng, levels - 1);
        }
    }
    match (rng.below(4), node) {
        (0, Value::Object(o)) if !o.is_empty() => {
            let k = o.keys().nth(rng.below(o.len())).cloned().unwrap();
            o.remove(&k);
        }
        (1, Value::Object(o)) => {
            o.insert("unexpected".into(), json!(1));
        }
        (_, Value::Object(o)) if !o.is_empty() => {
            let k = o.keys().nth(rng.below(o.len())).cloned().unwrap();
            o.insert(k, Value::String(HOLE.into()));
        }
        (_, Value::Array(a)) if !a.is_empty() => {
            let i = rng.below(a.len());
            if let Some(v) = a.get_mut(i) {
                *v = Value::String(HOLE.into());
            }
        }
        _ => {}
    }
}

/// A damaged roster's text: tree damages, holes filled with snippets, then maybe a text damage (a cut, a byte
/// dropped or doubled, a key repeated, text after the end) and maybe the records alone as a bare array.
fn damaged(seed: u64, damages: usize) -> String {
    let mut rng = Lcg(seed);
    let mut doc = base();
    if rng.below(4) == 0 {
        doc = doc["members"].clone();
    }
    for _ in 0..damages {
        let levels = rng.below(6);
        damage(&mut doc, &mut rng, levels);
    }
    let mut text = doc.to_string();
    while let Some(at) = text.find(&format!("\"{HOLE}\"")) {
        let with = snippet(rng.next());
        text.replace_range(at..at + HOLE.len() + 2, &with);
    }
    let spots: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let at = spots.get(rng.below(spots.len())).copied().unwrap_or(0);
    match rng.below(8) {
        0 => text.truncate(at),
        1 => {
            text.remove(at);
        }
        2 => {
            let c = text[at..].chars().next().unwrap_or(' ');
            text.insert(at, c);
        }
        3 => {
            // A repeated key: the first record's id given twice.
            if let Some(i) = text.find("{\"birth_date\"") {
                text.insert_str(i + 1, "\"id\":\"Z\",");
            }
        }
        4 => text.push_str(" ]"),
        _ => {}
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn damaged_rosters_read_the_same_both_ways(seed in any::<u64>(), damages in 0usize..4) {
        let text = damaged(seed, damages);
        let fast = outcome(read_members(&text));
        let tree = outcome(read_tree(&text));
        prop_assert_eq!(fast, tree, "input: {}", text);
    }
}

#[test]
fn the_damage_reaches_every_answer() {
    // The generator is worth its cases: among them, good records beside bad ones, whole-input errors, and
    // records the fast read hands to the tree path.
    let (mut mixed, mut whole, mut fallback) = (0, 0, 0);
    for seed in 0..400u64 {
        let text = damaged(seed, 1 + usize::try_from(seed % 3).unwrap());
        match read_tree(&text) {
            Ok(r)
                if !r.records.is_empty() && (!r.errors.is_empty() || !r.side_errors.is_empty()) =>
            {
                mixed += 1
            }
            Err(_) => whole += 1,
            _ => {}
        }
        if read_fast(&text).is_none() {
            fallback += 1;
        }
    }
    assert!(
        mixed > 50 && whole > 20 && fallback > 20,
        "{mixed} {whole} {fallback}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A JSON Lines record read straight into the type is the record the tree read gives for that line.
    #[test]
    fn a_record_line_read_typed_is_the_tree_reads_record(seed in any::<u64>(), damages in 0usize..3) {
        let mut rng = Lcg(seed);
        let members = base()["members"].clone();
        let mut record = members.get(rng.below(12)).cloned().unwrap();
        for _ in 0..damages {
            let levels = rng.below(4);
            damage(&mut record, &mut rng, levels);
        }
        let mut line = record.to_string();
        while let Some(at) = line.find(&format!("\"{HOLE}\"")) {
            let with = snippet(rng.next());
            line.replace_range(at..at + HOLE.len() + 2, &with);
        }
        if let Some(r) = record_line(&line) {
            let tree = from_json::<Value>(&line, "INVALID_RECORD_JSON").and_then(MemberRecord::from_value);
            prop_assert_eq!(Ok(r), tree, "line: {}", line);
        }
    }
}

#[test]
fn a_repeated_id_is_the_later_entrys_error_readable_or_not() {
    // Worked by hand: A reads; B does not (an impossible date), so its error is its own; the later B (readable)
    // and the later A repeat an earlier id; C does not read, and its repeat, unreadable too, is a repeat first.
    let rec = |id: &str, date: &str| {
        format!(r#"{{"id":"{id}","name":"甲","birth_date":"{date}","org":"B1"}}"#)
    };
    let json = format!(
        "[{},{},{},{},{},{}]",
        rec("A", "2000-01-01"),
        rec("B", "2000-02-30"),
        rec("B", "2000-01-01"),
        rec("A", "2000-01-02"),
        rec("C", "x"),
        rec("C", "y"),
    );
    for roster in [read_members(&json).unwrap(), read_tree(&json).unwrap()] {
        let ids: Vec<&str> = roster.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!((ids, roster.positions), (vec!["A"], vec![0]));
        let errors: Vec<(usize, &str, &str, &str)> = roster
            .errors
            .iter()
            .map(|e| {
                let id = e.member_id.as_deref().unwrap_or("");
                (e.index, id, e.code.as_str(), e.field.as_str())
            })
            .collect();
        assert_eq!(
            errors,
            [
                (1, "B", "INVALID_RECORD_JSON", "birth_date"),
                (2, "B", "DUPLICATE_MEMBER", "id"),
                (3, "A", "DUPLICATE_MEMBER", "id"),
                (4, "C", "INVALID_RECORD_JSON", "birth_date"),
                (5, "C", "DUPLICATE_MEMBER", "id"),
            ]
        );
    }
}

proptest! {
    /// The repeat check through the id table against the walk it replaced: in input order, an entry (readable
    /// or not) whose id came before is `DUPLICATE_MEMBER`; the others are kept or keep their own error.
    #[test]
    fn repeats_are_found_as_an_input_order_walk_finds_them(
        entries in proptest::collection::vec((0usize..4, any::<bool>()), 0..30),
    ) {
        let texts: Vec<String> = entries.iter().map(|&(id, readable)| {
            let date = if readable { "2000-01-01" } else { "x" };
            format!(r#"{{"id":"M{id}","name":"甲","birth_date":"{date}","org":"B1"}}"#)
        }).collect();
        let json = format!("[{}]", texts.join(","));
        let mut seen = std::collections::HashSet::new();
        let (mut kept, mut errors) = (Vec::new(), Vec::new());
        for (i, &(id, readable)) in entries.iter().enumerate() {
            let id = format!("M{id}");
            if !seen.insert(id.clone()) {
                errors.push((i, id, "DUPLICATE_MEMBER"));
            } else if readable {
                kept.push((i, id));
            } else {
                errors.push((i, id, "INVALID_RECORD_JSON"));
            }
        }
        for roster in [read_members(&json).unwrap(), read_tree(&json).unwrap()] {
            let got: Vec<(usize, String)> = roster.positions.iter().copied()
                .zip(roster.records.iter().map(|r| r.id.clone())).collect();
            prop_assert_eq!(&got, &kept);
            let got: Vec<(usize, String, &str)> = roster.errors.iter()
                .map(|e| (e.index, e.member_id.clone().unwrap_or_default(), e.code.as_str())).collect();
            prop_assert_eq!(&got, &errors);
            for (k, r) in roster.records.iter().enumerate() {
                prop_assert_eq!(roster.ids.get(&r.id), Some(k));
            }
        }
    }
}
