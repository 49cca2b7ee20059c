//! Property test of the membership stages: for any list of pipeline events in date order, the history's days
//! never go backwards and `check` does not fail on it.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::{Days, NaiveDate};
use dangjian::membership::{check, history, Context, MemberRecord};
use dangjian::{Calendar, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};

fn event(kind: u8, date: NaiveDate, n: u32) -> Value {
    let date = date.to_string();
    match kind {
        0 => json!({"kind": "application", "date": date}),
        1 => json!({"kind": "talk", "date": date}),
        2 => json!({"kind": "activist", "date": date, "recommended_by": "party_members"}),
        3 => json!({"kind": "development_target", "date": date}),
        4 => json!({"kind": "branch_vote", "date": date,
                    "vote": {"entitled": 20, "present": 15, "yes": 8 + n % 8, "no": 0, "abstain": 0}}),
        5 => json!({"kind": "approval", "date": date}),
        6 => json!({"kind": "probation_extended", "date": date, "months": 6 + n % 7}),
        7 => json!({"kind": "conversion", "date": date}),
        8 => json!({"kind": "suspended", "date": date}),
        9 => json!({"kind": "reinstated", "date": date}),
        _ => json!({"kind": "half_year_review", "date": date}),
    }
}

proptest! {
    #[test]
    fn stage_days_never_go_backwards(steps in prop::collection::vec((0u8..11, 0u64..400, 0u32..100), 0..16)) {
        let mut date = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
        let mut events = Vec::new();
        for (kind, gap, n) in steps {
            date = date.checked_add_days(Days::new(gap)).unwrap();
            events.push(event(kind, date, n));
        }
        let record: MemberRecord = serde_json::from_value(json!({"id": "M1", "name": "甲",
            "birth_date": "1990-01-01", "org": "B1", "events": events})).unwrap();
        let (policy, calendar) = (Policy::bundled(), Calendar::official());
        let on = date.checked_add_days(Days::new(800)).unwrap();
        let h = history(&policy, &record, on).unwrap();
        prop_assert!(h.windows(2).all(|w| w[0].since <= w[1].since), "{h:?}");
        let records = [record];
        let ctx = Context::new(&policy, &calendar, &records).unwrap();
        prop_assert!(check(&ctx, &records[0], on).is_ok());
    }
}
