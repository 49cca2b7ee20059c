//! `disclosure::allowed_actions` against `apply`, on the items of the workflow vectors
//! (`tests/vectors/disclosure/workflow.json`): at every step of every case, for every person of the case and an
//! outsider, each listed kind's action is accepted by `apply` and each unlisted one refused; the action the
//! vector takes next, when accepted, is listed for its actor. The whole procedure is also worked by hand from
//! 条例 第十五条 and the roles of the case.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use dangjian::disclosure::{
    allowed_actions, apply, create, Action, ActionKind, DisclosureContext, DisclosureItem, NewItem,
    Timestamp,
};
use dangjian::Policy;
use serde_json::Value;

use ActionKind::{
    Approve, Archive, ConfidentialityReview, Correct, Edit, Escalate, ExtendReview, Propose,
    Publish, Reject, Review, Withdraw,
};

fn policy(case: &Value) -> Policy {
    match case.get("policy_overrides") {
        Some(o) => Policy::bundled()
            .with_overrides_json(&o.to_string())
            .unwrap(),
        None => Policy::bundled(),
    }
}

/// The action of `kind` as a UI would submit it, written here rather than taken from the core's own probe.
fn submitted(item: &DisclosureItem, kind: ActionKind, actor: &str, at: Timestamp) -> Action {
    match kind {
        ActionKind::Correct => {
            Action::correct(actor, at, format!("{}（更正）", item.body), "更正错字")
        }
        ActionKind::Review => Action::review(actor, at, true, true),
        ActionKind::ConfidentialityReview => Action::confidentiality_review(actor, at, true),
        _ => Action::new(kind, actor, at).with_comment("按程序办理"),
    }
}

struct Case {
    policy: Policy,
    ctx: DisclosureContext,
    people: Vec<String>,
    item: DisclosureItem,
    actions: Vec<Action>,
}

fn read(case: &Value) -> Case {
    let ctx = DisclosureContext::from_json(&case["context"].to_string()).unwrap();
    let mut people: Vec<String> = ctx.roles.iter().map(|r| r.person.clone()).collect();
    people.push("OUTSIDER".to_owned());
    people.sort();
    people.dedup();
    let new: NewItem = serde_json::from_value(case["new_item"].clone()).unwrap();
    let at = case["at"].as_str().unwrap().parse().unwrap();
    let item = create(&ctx, new, case["actor"].as_str().unwrap(), at)
        .unwrap()
        .item;
    let actions = serde_json::from_value(case["actions"].clone()).unwrap();
    Case {
        policy: policy(case),
        ctx,
        people,
        item,
        actions,
    }
}

/// Every kind, listed or not, against `apply`; the list in the order of the procedure.
fn check_step(c: &Case, item: &DisclosureItem, at: Timestamp, name: &str) -> usize {
    let mut checked = 0;
    for person in &c.people {
        let allowed = allowed_actions(&c.policy, &c.ctx, item, person, at);
        assert!(allowed.windows(2).all(|w| w[0] < w[1]), "{name}: order");
        for kind in ActionKind::ALL {
            let outcome = apply(&c.policy, &c.ctx, item, &submitted(item, kind, person, at));
            assert_eq!(
                outcome.is_ok(),
                allowed.contains(&kind),
                "{name}: {person} {kind:?} at {:?}: {outcome:?}",
                item.status
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn allowed_actions_agree_with_apply_on_every_step_of_the_vectors() {
    let mut checked = 0;
    for (file, doc) in common::load_vector_files("disclosure") {
        for case in doc["cases"].as_array().unwrap() {
            if case["kind"] != "workflow" {
                continue;
            }
            let name = format!("{file}: {}", case["name"].as_str().unwrap());
            let c = read(case);
            let mut item = c.item.clone();
            for action in &c.actions {
                checked += check_step(&c, &item, action.at(), &name);
                let Ok(next) = apply(&c.policy, &c.ctx, &item, action) else {
                    break;
                };
                let listed = allowed_actions(&c.policy, &c.ctx, &item, action.actor(), action.at());
                assert!(
                    listed.contains(&action.kind()),
                    "{name}: {action:?} not listed"
                );
                item = next.item;
            }
        }
    }
    // 12 cases with several steps, people and 12 kinds each: the walk must not be empty.
    assert!(checked > 1_000, "only {checked} actions checked");
}

/// The first vector case ("the whole procedure"), worked by hand: P1 proposer and approver at B1, S1
/// confidentiality reviewer, R1 reviewer, A1 approver at B1, CA approver at the committee C1 above.
#[test]
fn the_whole_procedure_worked_by_hand() {
    let (_, doc) = common::load_vector_files("disclosure")
        .into_iter()
        .find(|(f, _)| f == "workflow.json")
        .unwrap();
    let c = read(&doc["cases"][0]);
    let mut item = c.item.clone();
    let ask = |item: &DisclosureItem, who: &str, at: Timestamp| {
        allowed_actions(&c.policy, &c.ctx, item, who, at)
    };
    let none: [ActionKind; 0] = [];
    // Each step: who asks, what the rules allow them before the vector's next action is taken.
    let expected: [&[(&str, &[ActionKind])]; 5] = [
        // Draft: only the proposer edits or proposes (提出).
        &[
            ("P1", &[Edit, Propose]),
            ("S1", &none),
            ("A1", &none),
            ("CA", &none),
        ],
        // Proposed, no 保密审查 yet: review must wait; anyone reviewing or approving at B1 may reject.
        &[
            ("S1", &[ConfidentialityReview, Reject]),
            ("R1", &[ExtendReview, Reject]),
            ("A1", &[Reject]),
            ("CA", &none),
        ],
        // 保密审查 passed (once): the reviewer may review (审核) now.
        &[("S1", &[Reject]), ("R1", &[ExtendReview, Review, Reject])],
        // Reviewed: A1 approves (审批) or reports up; P1 proposed it, so may not approve (separation of duties).
        &[
            ("A1", &[Reject, Escalate, Approve]),
            ("P1", &[Reject, Escalate]),
            ("R1", &[Reject]),
            ("CA", &none),
        ],
        // Approved: publish (实施) by proposer or approver; withdraw by an approver.
        &[("P1", &[Publish, Withdraw]), ("R1", &none)],
    ];
    for (action, step) in c.actions.iter().zip(expected) {
        for (who, kinds) in step {
            assert_eq!(
                ask(&item, who, action.at()),
                *kinds,
                "{who} at {:?}",
                item.status
            );
        }
        item = apply(&c.policy, &c.ctx, &item, action).unwrap().item;
    }
    // Published: an approver corrects, withdraws or archives; a confidentiality reviewer does nothing more.
    let later = "2026-03-05T09:00:00+08:00".parse().unwrap();
    assert_eq!(ask(&item, "A1", later), [Correct, Withdraw, Archive]);
    assert_eq!(ask(&item, "S1", later), none);
    // Before the last transition (2026-03-04T15:00+08:00) nothing is allowed: time runs forward.
    let earlier = "2026-03-04T14:59:00+08:00".parse().unwrap();
    assert_eq!(ask(&item, "A1", earlier), none);
}
