//! Next steps before the branch vote never invite a breach (细则 第十四条至第十八条, 第二十一条、第二十二条): the
//! vote is offered only when its prerequisites would all be met on its earliest day; otherwise the next steps say
//! what must happen first. Working days are counted on the State Council's 2026 notice (RULES §8).

use super::*;
use crate::membership::NextStep;

/// The Spring-Festival pipeline up to its notice (closing on `closes`), without the vote.
fn before_vote(
    closes: &'static str,
    objections: Value,
) -> Vec<(&'static str, &'static str, Value)> {
    until(&spring(closes, "2026-03-02", objections), "public_notice")
}

fn next(rows: &[(&'static str, &'static str, Value)], on: &str) -> Vec<NextStep> {
    run(&member(rows), on).unwrap().next_steps
}

fn step<'a>(steps: &'a [NextStep], code: &str) -> Option<&'a NextStep> {
    steps.iter().find(|s| s.code == code)
}

#[test]
fn a_complete_notice_offers_the_vote_from_the_day_after_it_closes() {
    // 12, 13, 14 (make-up Saturday), [15–23 Spring Festival], 24, 25: five working days close on the 25th.
    let rows = before_vote("2026-02-25", json!([]));
    // Besides the half-year review (due 2026-06-01, six months after 2025-12-01), the vote is the only step.
    for on in ["2026-02-24", "2026-02-25", "2026-02-26"] {
        assert_eq!(
            steps(&member(&rows), on),
            vec![
                ("HALF_YEAR_REVIEW".to_owned(), None, Some(d("2026-06-01"))),
                ("BRANCH_VOTE".to_owned(), Some(d("2026-02-26")), None)
            ],
            "{on}"
        );
    }
    let s = next(&rows, "2026-02-26");
    assert_eq!(
        step(&s, "BRANCH_VOTE")
            .unwrap()
            .citation
            .as_ref()
            .unwrap()
            .article,
        "第二十一条、第二十二条"
    );
}

#[test]
fn a_short_notice_asks_for_a_new_one_instead_of_the_vote() {
    // Closing on the 24th is four working days: the vote of the 25th would breach 第十七条, on any day.
    let rows = before_vote("2026-02-24", json!([]));
    for on in ["2026-02-23", "2026-02-24", "2026-02-25"] {
        let s = next(&rows, on);
        assert!(step(&s, "BRANCH_VOTE").is_none(), "{on}: {s:?}");
        let n = step(&s, "PUBLIC_NOTICE").unwrap();
        assert!(
            n.message_zh
                .starts_with("表决前须先解决：公示期不足，重新公示 5 个工作日"),
            "{}",
            n.message_zh
        );
        assert_eq!(n.earliest, Some(d(on)));
        assert_eq!(n.citation.as_ref().unwrap().article, "第十七条");
    }
    // The violation itself is there from the day the notice ended, not before.
    let r = member(&rows);
    assert!(!has(&r, "2026-02-23", "NOTICE_WINDOW_TOO_SHORT"));
    assert!(has(&r, "2026-02-24", "NOTICE_WINDOW_TOO_SHORT"));
    assert!(has(&r, "2026-02-25", "NOTICE_WINDOW_TOO_SHORT"));
}

#[test]
fn a_pending_objection_is_handled_before_the_vote() {
    let pending = json!([{"by": "M9", "at": "2026-02-13T15:00:00+08:00", "content": "有异议"}]);
    let s = next(&before_vote("2026-02-25", pending), "2026-02-26");
    assert!(step(&s, "BRANCH_VOTE").is_none(), "{s:?}");
    assert_eq!(
        step(&s, "PUBLIC_NOTICE").unwrap().message_zh,
        "表决前须先解决：处理公示期间的异议"
    );
    // Once decided (not upheld), the vote is offered again.
    let answered = json!([{"by": "M9", "at": "2026-02-13T15:00:00+08:00", "content": "有异议",
        "decision": {"upheld": false, "reason": "经核实不属实", "by": "C1", "at": "2026-02-20T10:00:00+08:00"}}]);
    let s = next(&before_vote("2026-02-25", answered), "2026-02-26");
    assert_eq!(
        step(&s, "BRANCH_VOTE").unwrap().earliest,
        Some(d("2026-02-26"))
    );
}

#[test]
fn a_sponsor_who_may_not_sponsor_is_replaced_first() {
    // X1 was removed on 2025-09-01: not a full member on the day of any vote.
    let rows = with(
        &before_vote("2026-02-25", json!([])),
        "sponsors",
        "2025-12-05",
        json!({"sponsors": ["S1", "X1"]}),
    );
    let s = next(&rows, "2026-02-26");
    assert!(step(&s, "BRANCH_VOTE").is_none(), "{s:?}");
    let n = step(&s, "SPONSORS").unwrap();
    assert!(
        n.message_zh.contains("另行确定入党介绍人（X1"),
        "{}",
        n.message_zh
    );
    assert_eq!(n.citation.as_ref().unwrap().article, "第十四条");
}

#[test]
fn a_short_training_or_a_missing_review_keeps_the_vote_back() {
    // 2 days and 20 class hours: under both 3 days and 24 hours (第十六条).
    let rows = with(
        &before_vote("2026-02-25", json!([])),
        "training",
        "2026-01-20",
        json!({"days": 2, "class_hours": 20}),
    );
    let s = next(&rows, "2026-02-26");
    assert!(step(&s, "BRANCH_VOTE").is_none(), "{s:?}");
    assert_eq!(
        step(&s, "TRAINING").unwrap().message_zh,
        "表决前须先解决：集中培训不少于 3 天或 24 学时"
    );
    // The minimum itself: 3 days suffice.
    let rows = with(
        &before_vote("2026-02-25", json!([])),
        "training",
        "2026-01-20",
        json!({"days": 3}),
    );
    assert!(step(&next(&rows, "2026-02-26"), "BRANCH_VOTE").is_some());
    // Without the committee's review (第十七条) the review is the step, not the vote.
    let rows = with(
        &before_vote("2026-02-25", json!([])),
        "committee_review",
        "",
        Value::Null,
    );
    let s = next(&rows, "2026-02-26");
    assert!(step(&s, "BRANCH_VOTE").is_none(), "{s:?}");
    assert!(step(&s, "COMMITTEE_REVIEW").is_some());
}
