//! The age shapes the next steps (党章 第一条 and 细则 第五条: 年满十八岁; 第七条: the talk within a month).
//! Expected dates are worked out from the articles: an application recorded before the 18th birthday starts
//! the talk's month on that birthday.

use super::*;

fn minor(born: &str, applied: &'static str) -> crate::membership::MemberRecord {
    rec("A1", born, &[("application", applied, Value::Null)])
}

#[test]
fn an_applicant_under_18_is_told_when_the_talk_may_come() {
    // Born 2008-05-10: 18 on 2026-05-10. Applied 2026-04-20 (AGE_BELOW_MINIMUM on the application); the
    // month of 第七条 runs from the birthday: due 2026-06-10, not 2026-05-20.
    let r = minor("2008-05-10", "2026-04-20");
    // The day before the birthday: the only step is the talk, from the birthday, citing the age article.
    let report = run(&r, "2026-05-09").unwrap();
    assert_eq!(report.next_steps.len(), 1, "{:?}", report.next_steps);
    let step = &report.next_steps[0];
    assert_eq!(
        (step.code.as_str(), step.earliest, step.due),
        ("TALK", Some(d("2026-05-10")), Some(d("2026-06-10")))
    );
    assert!(
        step.message_zh
            .starts_with("年满18周岁后（2026-05-10）方可谈话"),
        "{}",
        step.message_zh
    );
    assert_eq!(step.citation.as_ref().unwrap().article, "第五条");
    // The day of and the day after: the ordinary talk, due a month after the birthday, under 第七条.
    for on in ["2026-05-10", "2026-05-11"] {
        let report = run(&r, on).unwrap();
        assert_eq!(
            steps(&r, on),
            vec![("TALK".to_owned(), None, Some(d("2026-06-10")))],
            "{on}"
        );
        assert_eq!(
            report.next_steps[0].citation.as_ref().unwrap().article,
            "第七条"
        );
    }
}

#[test]
fn the_talk_of_a_minor_is_overdue_a_month_after_the_birthday() {
    let r = minor("2008-05-10", "2026-04-20");
    // A month from the application (2026-05-20) is not the limit: the birthday is.
    assert!(!has(&r, "2026-05-21", "TALK_OVERDUE"));
    assert!(!has(&r, "2026-06-10", "TALK_OVERDUE"));
    assert!(has(&r, "2026-06-11", "TALK_OVERDUE"));
    let talked = |t: &'static str| {
        rec(
            "A1",
            "2008-05-10",
            &[
                ("application", "2026-04-20", Value::Null),
                ("talk", t, Value::Null),
            ],
        )
    };
    assert!(!has(&talked("2026-06-10"), "2026-06-20", "TALK_LATE"));
    assert!(has(&talked("2026-06-11"), "2026-06-20", "TALK_LATE"));
}

#[test]
fn an_applicant_already_18_counts_from_the_application() {
    // Applied on the birthday itself: the month runs from that day, as for anyone of age.
    let r = minor("2008-05-10", "2026-05-10");
    assert_eq!(
        steps(&r, "2026-05-10"),
        vec![("TALK".to_owned(), None, Some(d("2026-06-10")))]
    );
    assert!(!has(&r, "2026-05-10", "AGE_BELOW_MINIMUM"));
}

#[test]
fn born_on_29_february_the_talk_waits_for_1_march() {
    // Born 2008-02-29: 18 on 2026-03-01 (2026 has no 29 February). Applied 2026-02-20: due 2026-04-01.
    let r = minor("2008-02-29", "2026-02-20");
    assert_eq!(
        steps(&r, "2026-02-28"),
        vec![(
            "TALK".to_owned(),
            Some(d("2026-03-01")),
            Some(d("2026-04-01"))
        )]
    );
    let report = run(&r, "2026-02-28").unwrap();
    assert!(report.next_steps[0]
        .message_zh
        .starts_with("年满18周岁后（2026-03-01）方可谈话"));
    for on in ["2026-03-01", "2026-03-02"] {
        assert_eq!(
            steps(&r, on),
            vec![("TALK".to_owned(), None, Some(d("2026-04-01")))],
            "{on}"
        );
    }
    assert!(!has(&r, "2026-04-01", "TALK_OVERDUE"));
    assert!(has(&r, "2026-04-02", "TALK_OVERDUE"));
}
