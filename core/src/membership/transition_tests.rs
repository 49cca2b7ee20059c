use serde_json::{json, Value};

use super::apply;
use crate::membership::test_support::{
    activist_2025, event, fault, happy, member, pair, roster, until, with,
};
use crate::membership::{Context, MemberEvent, MemberRecord};
use crate::{Calendar, Policy, Result};

fn try_apply(record: &MemberRecord, e: MemberEvent) -> Result<MemberRecord> {
    let (policy, calendar, members) = (Policy::bundled(), Calendar::official(), roster());
    let ctx = Context::new(&policy, &calendar, &members)?;
    apply(&ctx, record, e)
}

fn refused(record: &MemberRecord, e: MemberEvent) -> (String, String) {
    fault(&try_apply(record, e).unwrap_err())
}

#[test]
fn a_development_target_only_after_a_year_as_an_activist() {
    // The happy path's activist decision is 2022-03-01, its last review 2022-09-01.
    let rows = with(&happy(), "half_year_review", "2022-09-01", Value::Null);
    let activist = member(&until(&rows, "half_year_review"));
    let early = event("development_target", "2023-02-01", Value::Null);
    assert_eq!(
        refused(&activist, early),
        pair("ACTIVIST_PERIOD_TOO_SHORT", "event")
    );
    let on_time = try_apply(
        &activist,
        event("development_target", "2023-03-01", Value::Null),
    )
    .unwrap();
    assert_eq!(on_time.events.len(), activist.events.len() + 1);
}

#[test]
fn the_higher_committees_consent_from_2026_05_18() {
    let r = member(&activist_2025("party_members"));
    assert!(try_apply(&r, event("development_target", "2026-05-17", Value::Null)).is_ok());
    assert_eq!(
        refused(&r, event("development_target", "2026-05-18", Value::Null)),
        pair("HIGHER_CONSENT_MISSING", "event")
    );
    assert!(try_apply(
        &r,
        event(
            "development_target",
            "2026-05-18",
            json!({"higher_approval_on": "2026-05-18"})
        )
    )
    .is_ok());
}

#[test]
fn approval_at_most_six_months_after_the_vote() {
    // Vote 2023-06-10, interview 2023-07-01.
    let voted = member(&until(&happy(), "interview"));
    assert_eq!(
        refused(
            &voted,
            event("approval", "2024-01-10", json!({"reason": "换届"}))
        ),
        pair("APPROVAL_TOO_LATE", "event")
    );
    assert_eq!(
        refused(&voted, event("approval", "2023-10-10", Value::Null)),
        pair("APPROVAL_LATE_NO_REASON", "event")
    );
    assert!(try_apply(
        &voted,
        event("approval", "2023-10-10", json!({"reason": "换届"}))
    )
    .is_ok());
    assert!(try_apply(&voted, event("approval", "2023-09-10", Value::Null)).is_ok());
}

#[test]
fn order_birth_and_the_events_own_errors() {
    let r = member(&until(&happy(), "talk"));
    assert_eq!(
        refused(
            &r,
            event(
                "activist",
                "2022-01-31",
                json!({"recommended_by": "party_members"})
            )
        ),
        pair("EVENT_OUT_OF_ORDER", "event.date")
    );
    // Born 2000-03-01.
    assert_eq!(
        refused(
            &member(&[]),
            event("application", "2000-02-29", Value::Null)
        ),
        pair("IMPOSSIBLE_DATE", "event.date")
    );
    let voted = member(&until(&happy(), "pre_review"));
    let bad = event(
        "branch_vote",
        "2023-06-10",
        json!({"vote": {"entitled": 20, "present": 21, "yes": 14, "no": 0, "abstain": 0}}),
    );
    assert_eq!(
        refused(&voted, bad),
        pair("VOTE_PRESENT_EXCEEDS_ENTITLED", "event.vote.present")
    );
}

#[test]
fn a_violation_already_there_does_not_block_later_events() {
    // No talk: TALK_OVERDUE from 2022-02-11 on; the activist decision is still recorded.
    let r = member(&[("application", "2022-01-10", Value::Null)]);
    let r = try_apply(
        &r,
        event(
            "activist",
            "2022-03-01",
            json!({"recommended_by": "party_members"}),
        ),
    )
    .unwrap();
    assert_eq!(r.events.len(), 2);
    // A step out of sequence is refused.
    assert_eq!(
        refused(&member(&[]), event("talk", "2022-01-10", Value::Null)),
        pair("MISSING_STEP", "event")
    );
}

#[test]
fn every_step_of_the_happy_path_is_accepted() {
    let mut r = member(&[]);
    for e in member(&happy()).events {
        r = try_apply(&r, e).unwrap();
    }
    assert_eq!(r, member(&happy()));
}
