//! The direct reader against serde's derived read, kept here as the reference: a record the direct reader
//! reads is the record serde reads from the same text, on generated records with every event kind, fields
//! dropped, added, nulled, mistyped, and dates impossible or written otherwise; and the date parser against
//! chrono's on every date of a range and on what chrono refuses.

// Counters and offsets of the generators, far from any bound.
#![allow(clippy::arithmetic_side_effects)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::*;

/// chrono's reading of a date, as serde's derive does it (`NaiveDate::from_str`).
fn chrono_date(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

#[test]
fn every_day_from_1900_to_2100_reads_as_chrono_reads_it() {
    let (first, last) = (
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2100, 12, 31).unwrap(),
    );
    let mut days = 0;
    for day in first.iter_days().take_while(|d| *d <= last) {
        let text = day.format("%Y-%m-%d").to_string();
        assert_eq!(iso_date(&text), Some(day), "{text}");
        assert_eq!(chrono_date(&text), Some(day), "{text}");
        days += 1;
    }
    // 201 years, 49 of them leap (1900 and 2100 are not).
    assert_eq!(days, 201 * 365 + 49);
}

#[test]
fn every_shaped_text_reads_as_chrono_reads_it() {
    // Every month 00–19 and 99 against every day 00–39 and 99 of 1896–2104: impossible days, month 00 and 13,
    // 29 February in leap and common years (1900 and 2100 are not leap, 2000 is) — accepted and refused alike.
    let months = (0..20).chain([99]);
    let mut refused = 0;
    for year in 1896..=2104 {
        for month in months.clone() {
            for day in (0..40).chain([99]) {
                let text = format!("{year:04}-{month:02}-{day:02}");
                let ours = iso_date(&text);
                assert_eq!(ours, chrono_date(&text), "{text}");
                refused += usize::from(ours.is_none());
            }
        }
    }
    assert!(refused > 100_000, "{refused}");
    // Every four-digit year at the edges of the year.
    for year in 0..=9999 {
        for md in ["01-01", "12-31", "02-29", "00-01", "13-01", "12-32"] {
            let text = format!("{year:04}-{md}");
            assert_eq!(iso_date(&text), chrono_date(&text), "{text}");
        }
    }
}

#[test]
fn what_chrono_takes_otherwise_written_is_not_read_here() {
    // chrono takes these (a one-digit month or day, a signed year, five digits with a sign, a trailing space);
    // the direct reader leaves them to serde.
    for text in [
        "2024-1-05",
        "2024-01-5",
        "+2024-01-05",
        "+12024-01-05",
        "2024-01-05 ",
    ] {
        assert!(chrono_date(text).is_some(), "{text}");
        assert_eq!(iso_date(text), None, "{text}");
    }
    for text in [
        "",
        "2024-01-0",
        "2024/01/05",
        "２０２４-01-05",
        "2024-01-05x",
        "-024-01-05",
        "12024-01-05",
    ] {
        assert_eq!(iso_date(text), None, "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// On any short text of digits, dashes, signs and spaces: what the direct parser reads, chrono reads alike.
    #[test]
    fn a_date_read_here_is_chronos(text in "[0-9+ -]{8,12}") {
        if let Some(d) = iso_date(&text) {
            prop_assert_eq!(chrono_date(&text), Some(d));
            prop_assert_eq!(d.format("%Y-%m-%d").to_string(), text);
        } else if text.len() == 10 && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }) {
            prop_assert_eq!(chrono_date(&text), None);
        }
    }
}

/// One well-formed event of each kind, every field given.
fn templates() -> Vec<Value> {
    let d = "2024-03-05";
    vec![
        json!({"kind":"imported","date":d,"stage":"full"}),
        json!({"kind":"imported","date":d,"stage":"probationary"}),
        json!({"kind":"application","date":d}),
        json!({"kind":"talk","date":d}),
        json!({"kind":"activist","date":d,"recommended_by":"mass_organization","filed_on":"2024-03-20"}),
        json!({"kind":"contacts","date":d,"contacts":["M1","M2"]}),
        json!({"kind":"half_year_review","date":d}),
        json!({"kind":"development_target","date":d,"higher_approval_on":"2024-04-01"}),
        json!({"kind":"sponsors","date":d,"sponsors":["M1"]}),
        json!({"kind":"political_review","date":d,"passed":false}),
        json!({"kind":"training","date":d,"days":5,"class_hours":24}),
        json!({"kind":"public_notice","date":d,"closes_on":"2024-03-12","stage":"admission",
               "objections":[{"by":"M9","at":"2024-03-06T15:00:00+08:00","content":"…"}]}),
        json!({"kind":"committee_review","date":d}),
        json!({"kind":"pre_review","date":d}),
        json!({"kind":"branch_vote","date":d,"vote":{"entitled":20,"present":15,"yes":12,"no":2,"abstain":1}}),
        json!({"kind":"interview","date":d}),
        json!({"kind":"approval","date":d,"reason":"延期"}),
        json!({"kind":"oath","date":d}),
        json!({"kind":"probation_extended","date":d,"months":6}),
        json!({"kind":"probation_cancelled","date":d}),
        json!({"kind":"conversion","date":d}),
        json!({"kind":"sanction","date":d,"sanction":"probation_within_party","years":2}),
        json!({"kind":"sanction_extended","date":d}),
        json!({"kind":"rights_restored","date":d}),
        json!({"kind":"suspended","date":d}),
        json!({"kind":"reinstated","date":d}),
        json!({"kind":"removed","date":d,"how":"struck_off"}),
        json!({"kind":"lost_contact","date":d}),
        json!({"kind":"contact_restored","date":d}),
        json!({"kind":"transfer_out","date":d,"to_org":"B2","same_city":true}),
        json!({"kind":"transfer_in","date":d,"from_org":"B3"}),
        json!({"kind":"away","date":d,"place":"深圳"}),
        json!({"kind":"returned","date":d}),
        json!({"kind":"graduated","date":d}),
        json!({"kind":"excused","date":d,"until":"2024-09-01","reason":"病假"}),
    ]
}

/// Values a field may be damaged to: nulls, wrong types, impossible or otherwise-written dates, names of other
/// enums, the object form serde's enums take, numbers out of range.
fn odd_value(k: usize) -> Value {
    let all = [
        json!(null),
        json!("2024-02-30"),
        json!("2024-2-03"),
        json!("2023-02-29"),
        json!("2024-02-29"),
        json!(" 2024-01-01"),
        json!("x"),
        json!(1.5),
        json!(-1),
        json!(4_294_967_296_u64),
        json!(7),
        json!(true),
        json!([]),
        json!({}),
        json!({"talk":null}),
        json!({"full":null}),
        json!("full"),
        json!("development_target"),
        json!("talk"),
        json!("joined"),
        json!(["M1"]),
        json!({"entitled":3,"present":3,"yes":3,"no":0,"abstain":0}),
        json!([3, 3, 3, 0, 0]),
    ];
    all.get(k % all.len()).cloned().unwrap_or(Value::Null)
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap() % n.max(1)
    }
}

/// A field name any event has, or one none has.
fn some_field(rng: &mut Rng) -> String {
    let fields = [
        "kind",
        "date",
        "stage",
        "recommended_by",
        "filed_on",
        "contacts",
        "higher_approval_on",
        "sponsors",
        "passed",
        "days",
        "class_hours",
        "closes_on",
        "objections",
        "vote",
        "reason",
        "months",
        "sanction",
        "years",
        "how",
        "to_org",
        "same_city",
        "from_org",
        "place",
        "until",
        "unexpected",
    ];
    fields[rng.below(fields.len())].to_owned()
}

/// An event: a template, maybe damaged once (a field dropped, a field of another kind or an odd value put in).
fn event(rng: &mut Rng, damaged: &mut bool) -> Value {
    let all = templates();
    let mut e = all[rng.below(all.len())].clone();
    let Value::Object(o) = &mut e else {
        return e;
    };
    match rng.below(8) {
        0 => {
            let k = some_field(rng);
            *damaged |= o.remove(&k).is_some();
        }
        1 => {
            // A field (with its well-formed value) taken from another kind's template.
            let other = all[rng.below(all.len())].clone();
            if let Value::Object(other) = other {
                let keys: Vec<&String> = other.keys().collect();
                let k = keys[rng.below(keys.len())].clone();
                *damaged |= o.get(&k) != other.get(&k);
                o.insert(k.clone(), other[&k].clone());
            }
        }
        2 | 3 => {
            o.insert(some_field(rng), odd_value(rng.below(64)));
            *damaged = true;
        }
        _ => {}
    }
    e
}

/// A record's text, and whether it was damaged (an undamaged one must be read here).
fn record(seed: u64) -> (String, bool) {
    let mut rng = Rng(seed);
    let mut damaged = false;
    let events: Vec<Value> = (0..rng.below(6))
        .map(|_| event(&mut rng, &mut damaged))
        .collect();
    let mut r = Map::new();
    r.insert("id".into(), json!(format!("M{seed}")));
    r.insert("name".into(), json!("张三"));
    r.insert("birth_date".into(), json!("1990-07-01"));
    r.insert("org".into(), json!("B1"));
    if rng.below(3) == 0 {
        r.insert("id_number".into(), json!("11010519491231002X"));
    }
    r.insert("events".into(), Value::Array(events));
    match rng.below(10) {
        0 => {
            r.insert("birth_date".into(), odd_value(rng.below(64)));
            damaged = true;
        }
        1 => {
            r.insert(some_field(&mut rng), json!(1));
            damaged = true;
        }
        _ => {}
    }
    let mut text = Value::Object(r).to_string();
    if rng.below(12) == 0 {
        // A repeated key in the first event: serde's derive refuses it, so must the direct reader.
        if let Some(at) = text.find("{\"date\"") {
            text.insert_str(at + 1, "\"date\":\"2024-01-01\",");
            damaged = true;
        }
    }
    (text, damaged)
}

/// serde's derived read: the reference.
fn reference(text: &str) -> Option<MemberRecord> {
    serde_json::from_str(text).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// What the direct reader reads, serde reads alike; an undamaged record is read here.
    #[test]
    fn a_record_read_directly_is_the_record_serde_reads(seed in any::<u64>()) {
        let (text, damaged) = record(seed);
        let direct = direct_record(&text);
        if let Some(r) = &direct {
            let serde = reference(&text);
            prop_assert_eq!(Some(r), serde.as_ref(), "{}", text);
        }
        if !damaged {
            prop_assert!(direct.is_some(), "{}", text);
        }
    }
}

#[test]
fn the_generator_reaches_both_answers() {
    // Among its records, some serde reads and the direct reader declines (a date otherwise written), some
    // neither reads, and many both read.
    let (mut both, mut neither, mut serde_only) = (0, 0, 0);
    for seed in 0..2000 {
        let (text, _) = record(seed);
        match (direct_record(&text).is_some(), reference(&text).is_some()) {
            (true, true) => both += 1,
            (false, false) => neither += 1,
            (false, true) => serde_only += 1,
            (true, false) => panic!("read here, refused by serde: {text}"),
        }
    }
    assert!(
        both > 500 && neither > 300 && serde_only > 5,
        "{both} {neither} {serde_only}"
    );
}

/// An event read alone, both ways.
fn both_ways(event: &str) -> (Option<MemberEvent>, Option<MemberEvent>) {
    let text = format!(
        r#"{{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[{event}]}}"#
    );
    let first = |r: MemberRecord| r.events.into_iter().next();
    (
        direct_record(&text).and_then(first),
        reference(&text).and_then(first),
    )
}

#[test]
fn nulls_defaults_and_tags_answer_as_serde_does() {
    let day = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    // A null optional field is None; an absent defaulted one its default — both ways.
    for (event, expected) in [
        (
            r#"{"kind":"approval","date":"2024-03-05","reason":null}"#,
            MemberEvent::Approval {
                date: day,
                reason: None,
            },
        ),
        (
            r#"{"date":"2024-03-05","kind":"political_review"}"#,
            MemberEvent::PoliticalReview {
                date: day,
                passed: true,
            },
        ),
        (
            r#"{"kind":"public_notice","date":"2024-03-05","closes_on":"2024-03-12"}"#,
            MemberEvent::PublicNotice {
                date: day,
                closes_on: day.with_day(12).unwrap(),
                stage: NoticeStage::DevelopmentTarget,
                objections: Vec::new(),
            },
        ),
    ] {
        assert_eq!(
            both_ways(event),
            (Some(expected.clone()), Some(expected)),
            "{event}"
        );
    }
    // Refused both ways: a null where the field is not optional, the tag in the object form, a repeated tag,
    // a field another kind has, a notice stage where a member stage is due.
    for event in [
        r#"{"kind":"training","date":"2024-03-05","days":null}"#,
        r#"{"kind":"excused","date":"2024-03-05","until":"2024-04-01","reason":null}"#,
        r#"{"kind":{"talk":null},"date":"2024-03-05"}"#,
        r#"{"kind":"talk","kind":"talk","date":"2024-03-05"}"#,
        r#"{"kind":"talk","date":"2024-03-05","months":6}"#,
        r#"{"kind":"imported","date":"2024-03-05","stage":"admission"}"#,
        r#"{"kind":"talk"}"#,
        r#"{"date":"2024-03-05"}"#,
    ] {
        assert_eq!(both_ways(event), (None, None), "{event}");
    }
}

/// A meeting's text, maybe damaged once.
fn meeting(seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut m = json!({"id":"MT1","kind":"general_meeting","date":"2024-03-05","org":"B1",
        "attendees":["M1","M2"],"absent_with_leave":["M3"],"absent_without_leave":["M4"],"lecturer":"M1"});
    let fields = [
        "id",
        "kind",
        "date",
        "org",
        "attendees",
        "absent_with_leave",
        "absent_without_leave",
        "lecturer",
        "unexpected",
    ];
    if let Value::Object(o) = &mut m {
        match rng.below(4) {
            0 => {
                o.remove(fields[rng.below(fields.len())]);
            }
            1 => {
                o.insert(
                    fields[rng.below(fields.len())].into(),
                    odd_value(rng.below(64)),
                );
            }
            2 => {
                // An escaped string (cannot be borrowed) or a kind of another meeting.
                let (k, v) = [
                    ("org", json!("B\n1")),
                    ("attendees", json!(["M\u{1}1"])),
                    ("kind", json!("branch_committee")),
                    ("kind", json!("party_lecture")),
                ][rng.below(4)]
                .clone();
                o.insert(k.into(), v);
            }
            _ => {}
        }
    }
    m.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// A meeting read borrowed is the meeting serde reads; one serde reads is always read (borrowed or owned).
    #[test]
    fn a_meeting_read_borrowed_is_the_meeting_serde_reads(seed in any::<u64>()) {
        let text = meeting(seed);
        let serde: Option<Meeting> = serde_json::from_str(&text).ok();
        let ours = meeting_in(&text).map(|m| match m {
            MeetingIn::Owned(m) => m,
            MeetingIn::Borrowed(v) => v.to_meeting(),
        });
        prop_assert_eq!(ours, serde, "{}", text);
    }
}

#[test]
fn a_plain_meeting_is_borrowed_and_an_escaped_one_owned() {
    let plain =
        r#"{"id":"MT1","kind":"party_lecture","date":"2024-03-05","org":"B1","attendees":["M1"]}"#;
    assert!(matches!(meeting_in(plain), Some(MeetingIn::Borrowed(_))));
    let escaped = r#"{"id":"MT1","kind":"party_lecture","date":"2024-03-05","org":"B\u0031","attendees":["M1"]}"#;
    assert!(matches!(meeting_in(escaped), Some(MeetingIn::Owned(m)) if m.org == "B1"));
    let bad = r#"{"id":"MT1","kind":"party_lecture","date":"2024-02-30","org":"B1"}"#;
    assert!(meeting_in(bad).is_none());
}
