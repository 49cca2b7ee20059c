//! The board as of a day (RULES §6; 条例 第二条 scope, 第十五条 publication, 第四章 supervision): one item
//! taken through the workflow — published 4 March 15:00, corrected 9 March 09:00, withdrawn 12 March 10:00
//! (China time) — and looked at on the day before, the day of and the day after each event, by a member of
//! its branch, the public, an officer of the committee above (an inspector under the bundled policy) and a
//! workflow participant.
//!
//! Worked by hand: an event counts from its own China-time day. Before 4 March the item is on nobody's board;
//! 4–8 March version 1; 9–11 March version 2 with the note "corrected 9 March: 更正：时间有误"; from 12 March
//! the member sees nothing and the officer sees the withdrawal record (12 March, 活动取消) with the text
//! withdrawn (version 2). The mobile number is masked in every published text (bundled policy).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use dangjian::disclosure::{
    apply, board, board_json, create, filter_visible, published_text, visible, Action, AuditViewer,
    BoardEntry, DisclosureContext, DisclosureItem, NewItem, Status, Viewer,
};
use dangjian::Policy;

const CONTEXT: &str = r#"{"orgs":[{"id":"C1","kind":"committee"},{"id":"B1","parent":"C1","kind":"branch"}],
  "roles":[{"person":"P1","org":"B1","role":"proposer"},{"person":"S1","org":"B1","role":"confidentiality_reviewer"},
           {"person":"R1","org":"B1","role":"reviewer"},{"person":"A1","org":"B1","role":"approver"}]}"#;

const V1: &str = "3月14日志愿服务，联系电话13800138000。";
const V2: &str = "3月15日志愿服务，联系电话13800138000。";
const V1_SHOWN: &str = "3月14日志愿服务，联系电话138****8000。";
const V2_SHOWN: &str = "3月15日志愿服务，联系电话138****8000。";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx() -> DisclosureContext {
    DisclosureContext::from_json(CONTEXT).unwrap()
}

fn viewer(json: &str) -> Viewer {
    serde_json::from_str(json).unwrap()
}

fn member() -> Viewer {
    viewer(r#"{"person":"M1","memberships":[{"org":"B1","status":"full","from":"2020-07-01"}]}"#)
}

fn officer_above() -> Viewer {
    viewer(
        r#"{"person":"O1","memberships":[{"org":"C1","status":"full","from":"2010-07-01"}],
            "posts":[{"org":"C1","from":"2024-01-01"}]}"#,
    )
}

fn participant() -> Viewer {
    viewer(r#"{"person":"P1","memberships":[{"org":"B1","status":"full","from":"2015-07-01"}]}"#)
}

/// The item after the whole walk, built by the workflow itself.
fn item() -> DisclosureItem {
    let new: NewItem = serde_json::from_str(&format!(
        r#"{{"id":"D1","org":"B1","title":"志愿服务通知","body":"{V1}","category":"service",
            "scope":{{"kind":"members","org":"B1"}}}}"#
    ))
    .unwrap();
    let ctx = ctx();
    let mut item = create(
        &ctx,
        new,
        "P1",
        "2026-03-02T09:00:00+08:00".parse().unwrap(),
    )
    .unwrap()
    .item;
    let correct = format!(
        r#"{{"action":"correct","actor":"A1","at":"2026-03-09T09:00:00+08:00","body":"{V2}","comment":"更正：时间有误"}}"#
    );
    for a in [
        r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#,
        r#"{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":true}"#,
        r#"{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}"#,
        r#"{"action":"approve","actor":"A1","at":"2026-03-04T09:00:00+08:00"}"#,
        r#"{"action":"publish","actor":"P1","at":"2026-03-04T15:00:00+08:00"}"#,
        &correct,
        r#"{"action":"withdraw","actor":"A1","at":"2026-03-12T10:00:00+08:00","comment":"活动取消"}"#,
    ] {
        let action: Action = serde_json::from_str(a).unwrap();
        item = apply(&Policy::bundled(), &ctx, &item, &action)
            .unwrap()
            .item;
    }
    item
}

fn board_of(v: &Viewer, item: &DisclosureItem, on: &str) -> Vec<BoardEntry> {
    board(
        &Policy::bundled(),
        &ctx(),
        v,
        std::slice::from_ref(item),
        d(on),
    )
    .unwrap()
}

/// (version, text, corrected on) of the one entry a viewer sees, or None.
fn shown(v: &Viewer, item: &DisclosureItem, on: &str) -> Option<(u32, String, Option<NaiveDate>)> {
    let b = board_of(v, item, on);
    assert!(b.len() <= 1);
    b.first().map(|e| {
        assert!(e.withdrawn.is_none(), "{on}: a plain entry");
        (
            e.version,
            e.text.clone(),
            e.corrected.as_ref().map(|c| c.on),
        )
    })
}

#[test]
fn the_workflow_dates_the_withdrawal() {
    let item = item();
    assert_eq!(item.status, Status::Withdrawn);
    assert_eq!(
        item.withdrawn_at,
        Some("2026-03-12T10:00:00+08:00".parse().unwrap())
    );
    assert_eq!(item.versions.len(), 2);
    assert_eq!(item.body, V2);
    item.validate().unwrap();
}

#[test]
fn publication_the_day_before_of_and_after() {
    let item = item();
    let m = member();
    assert_eq!(shown(&m, &item, "2026-03-03"), None);
    assert!(!visible(&ctx(), &m, &item, d("2026-03-03")));
    // Not even the participants see it before publication: it is dated later, not in the workflow now.
    assert!(!visible(&ctx(), &participant(), &item, d("2026-03-03")));
    for on in ["2026-03-04", "2026-03-05"] {
        assert!(visible(&ctx(), &m, &item, d(on)), "{on}");
        assert_eq!(
            shown(&m, &item, on),
            Some((1, V1_SHOWN.into(), None)),
            "{on}"
        );
    }
    let e = &board_of(&m, &item, "2026-03-04")[0];
    assert_eq!(e.status, Status::Published);
    assert_eq!(
        e.published_at,
        Some("2026-03-04T15:00:00+08:00".parse().unwrap())
    );
    assert_eq!(e.title, "志愿服务通知");
    // The public never: the scope is B1's members.
    assert!(board_of(&Viewer::public(), &item, "2026-03-05").is_empty());
}

#[test]
fn correction_the_day_before_of_and_after() {
    let item = item();
    let m = member();
    let p = Policy::bundled();
    assert_eq!(
        shown(&m, &item, "2026-03-08"),
        Some((1, V1_SHOWN.into(), None))
    );
    assert_eq!(
        published_text(&p, &item, d("2026-03-08")).unwrap(),
        V1_SHOWN
    );
    for on in ["2026-03-09", "2026-03-10"] {
        assert_eq!(
            shown(&m, &item, on),
            Some((2, V2_SHOWN.into(), Some(d("2026-03-09")))),
            "{on}"
        );
        assert_eq!(published_text(&p, &item, d(on)).unwrap(), V2_SHOWN);
    }
    let note = board_of(&m, &item, "2026-03-10")[0]
        .corrected
        .clone()
        .unwrap();
    assert_eq!(note.version, 2);
    assert_eq!(note.reason, "更正：时间有误");
    assert_eq!(note.at.to_rfc3339(), "2026-03-09T09:00:00+08:00");
}

#[test]
fn withdrawal_the_day_before_of_and_after() {
    let item = item();
    let m = member();
    let o = officer_above();
    assert!(visible(&ctx(), &m, &item, d("2026-03-11")));
    assert_eq!(
        shown(&m, &item, "2026-03-11"),
        Some((2, V2_SHOWN.into(), Some(d("2026-03-09"))))
    );
    // The officer above sees the plain entry too while it stands.
    assert_eq!(
        shown(&o, &item, "2026-03-11"),
        Some((2, V2_SHOWN.into(), Some(d("2026-03-09"))))
    );
    for on in ["2026-03-12", "2026-03-13"] {
        assert!(!visible(&ctx(), &m, &item, d(on)), "{on}");
        assert!(!visible(&ctx(), &o, &item, d(on)), "{on}");
        assert!(board_of(&m, &item, on).is_empty(), "{on}");
        let b = board_of(&o, &item, on);
        assert_eq!(b.len(), 1, "{on}: the inspector sees the record");
        let e = &b[0];
        assert_eq!(e.status, Status::Withdrawn);
        assert_eq!((e.version, e.text.as_str()), (2, V2_SHOWN));
        let w = e.withdrawn.as_ref().unwrap();
        assert_eq!(w.on, Some(d("2026-03-12")));
        assert_eq!(w.reason, "活动取消");
        assert_eq!(w.citation.article, "第四章（监督与追责）");
    }
    // The participant holds no post: no record under the bundled policy.
    assert!(board_of(&participant(), &item, "2026-03-12").is_empty());
}

#[test]
fn the_filter_answers_as_of_the_day() {
    let item = item();
    let other: DisclosureItem = serde_json::from_str(
        r#"{"schema_version":1,"id":"D2","org":"B1","title":"t","body":"b","category":"other",
            "scope":{"kind":"to_society"},"created_by":"P1","created_at":"2026-03-02T09:00:00+08:00",
            "status":"published","published_at":"2026-03-10T09:00:00+08:00"}"#,
    )
    .unwrap();
    let items = [item, other];
    let ids = |on: &str| -> Vec<String> {
        filter_visible(&ctx(), &member(), &items, d(on))
            .into_iter()
            .map(|i| i.id.clone())
            .collect()
    };
    assert!(ids("2026-03-03").is_empty());
    assert_eq!(ids("2026-03-09"), ["D1"]);
    assert_eq!(ids("2026-03-11"), ["D1", "D2"]);
    assert_eq!(ids("2026-03-12"), ["D2"]);
}

#[test]
fn older_documents_are_dated_by_their_history_or_withdrawn_on_every_day() {
    let mut doc = serde_json::to_value(item()).unwrap();
    doc.as_object_mut().unwrap().remove("withdrawn_at");
    let by_history: DisclosureItem = serde_json::from_value(doc.clone()).unwrap();
    let m = member();
    assert!(visible(&ctx(), &m, &by_history, d("2026-03-11")));
    assert!(!visible(&ctx(), &m, &by_history, d("2026-03-12")));
    // Neither a date nor a withdraw transition: withdrawn on every day, as before dating existed.
    doc["history"] = serde_json::json!([]);
    let undated: DisclosureItem = serde_json::from_value(doc).unwrap();
    assert_eq!(undated.withdrawal(), Some(None));
    assert!(!visible(&ctx(), &m, &undated, d("2026-03-05")));
    let b = board_of(&officer_above(), &undated, "2026-03-05");
    let w = b[0].withdrawn.as_ref().unwrap();
    assert_eq!((w.at, w.on), (None, None));
}

#[test]
fn the_day_is_china_time() {
    let mut item = item();
    // 16:30 UTC on 11 March is 00:30 on 12 March in Beijing.
    item.withdrawn_at = Some("2026-03-11T16:30:00Z".parse().unwrap());
    assert!(visible(&ctx(), &member(), &item, d("2026-03-11")));
    assert!(!visible(&ctx(), &member(), &item, d("2026-03-12")));
}

#[test]
fn a_withdrawal_before_the_publication_is_refused() {
    let mut item = item();
    item.withdrawn_at = Some("2026-03-04T14:59:00+08:00".parse().unwrap());
    let e = item.validate().unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("TIME_OUT_OF_ORDER", "withdrawn_at")
    );
    let mut item = self::item();
    item.versions.swap(0, 1);
    let e = item.validate().unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("TIME_OUT_OF_ORDER", "versions[1].at")
    );
}

#[test]
fn the_policy_names_who_sees_the_withdrawal() {
    let item = item();
    let with = |shown_to: &str| {
        Policy::bundled()
            .with_overrides_json(&format!(
                r#"{{"schema_version":1,"disclosure":{{"withdrawal":[{{"effective_from":"2026-01-01",
                "citation":{{"regulation":"某单位办法","article":"第九条"}},"value":{{"shown_to":{shown_to}}}}}]}}}}"#
            ))
            .unwrap()
    };
    let on = d("2026-03-12");
    let items = std::slice::from_ref(&item);
    let nobody = with("[]");
    assert!(board(&nobody, &ctx(), &officer_above(), items, on)
        .unwrap()
        .is_empty());
    let participants = with(r#"["participants"]"#);
    assert!(board(&participants, &ctx(), &officer_above(), items, on)
        .unwrap()
        .is_empty());
    let b = board(&participants, &ctx(), &participant(), items, on).unwrap();
    assert_eq!(b[0].withdrawn.as_ref().unwrap().citation.article, "第九条");
    assert_eq!(
        Policy::bundled().disclosure.withdrawal[0].value.shown_to,
        [AuditViewer::Officers]
    );
}

#[test]
fn the_json_entry_point_writes_the_entries() {
    let items = serde_json::to_string(&[item()]).unwrap();
    let m = serde_json::to_string(&member()).unwrap();
    let out = board_json(&Policy::bundled(), CONTEXT, &m, &items, "2026-03-10").unwrap();
    let want = format!(
        r#"[{{"id":"D1","status":"published","version":2,"title":"志愿服务通知","text":"{V2_SHOWN}","published_at":"2026-03-04T15:00:00+08:00","corrected":{{"version":2,"at":"2026-03-09T09:00:00+08:00","on":"2026-03-09","reason":"更正：时间有误"}}}}]"#
    );
    assert_eq!(out, want);
    let e = board_json(&Policy::bundled(), CONTEXT, &m, &items, "2026-3-10").unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_DATE", "on")
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A society item published on day `p`, corrected on `p + c`, withdrawn on `p + c + w` (days of March).
    fn dated(p: u32, c: u32, w: u32) -> DisclosureItem {
        let at = |day: u32, hour: u32| format!("2026-03-{day:02}T{hour:02}:00:00+08:00");
        serde_json::from_value(serde_json::json!({
            "schema_version": 1, "id": "D1", "org": "B1", "title": "t", "body": "二", "category": "other",
            "scope": {"kind": "to_society"}, "created_by": "P1", "created_at": "2026-03-01T08:00:00+08:00",
            "status": "withdrawn", "published_at": at(p, 9), "withdrawal_reason": "r",
            "withdrawn_at": at(p + c + w, 23),
            "versions": [{"number": 1, "title": "t", "body": "一", "at": at(p, 9), "actor": "P1"},
                         {"number": 2, "title": "t", "body": "二", "at": at(p + c, 12), "actor": "A1", "reason": "r"}],
        }))
        .unwrap()
    }

    proptest! {
        /// On every day: shown iff published on or before it and withdrawn after it; the text is version 2 iff
        /// the correction's day has come; the board and the filter agree with `visible`.
        #[test]
        fn every_day_answers_for_its_own_events(p in 1u32..10, c in 0u32..8, w in 0u32..8, day in 1u32..31) {
            let item = dated(p, c, w);
            item.validate().unwrap();
            let on = NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
            let want = p <= day && day < p + c + w;
            let public = Viewer::public();
            prop_assert_eq!(visible(&ctx(), &public, &item, on), want);
            let b = board(&Policy::bundled(), &ctx(), &public, std::slice::from_ref(&item), on).unwrap();
            prop_assert_eq!(b.len(), usize::from(want));
            prop_assert_eq!(filter_visible(&ctx(), &public, std::slice::from_ref(&item), on).len(), usize::from(want));
            if let Some(e) = b.first() {
                let corrected = day >= p + c;
                prop_assert_eq!(e.text.as_str(), if corrected { "二" } else { "一" });
                prop_assert_eq!(e.corrected.is_some(), corrected);
            }
        }
    }
}
