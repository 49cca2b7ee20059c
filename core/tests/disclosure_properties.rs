//! Property tests of disclosure visibility and the audit chain.
//!
//! - Over random organization trees, scopes, statuses and viewers, no viewer ever sees an item outside its
//!   scope: the answer is checked against an oracle that walks the tree downwards (children), the opposite
//!   direction from the library (which walks parents upwards).
//! - Any single-entry edit of a valid audit log is found by `verify`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use dangjian::disclosure::{
    visible, AuditEvent, AuditLog, DisclosureContext, DisclosureItem, MemberStatus, Membership,
    Org, OrgKind, OrgTree, Post, Role, RoleAssignment, Scope, Status, Viewer,
};
use proptest::prelude::*;
use proptest::sample::select;

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// A random forest: org i's parent is one of 0..i (or none).
fn tree() -> impl Strategy<Value = Vec<Org>> {
    (1usize..9).prop_flat_map(|n| {
        let parents: Vec<_> = (0..n)
            .map(|i| {
                if i == 0 {
                    Just(None).boxed()
                } else {
                    proptest::option::weighted(0.8, 0..i).boxed()
                }
            })
            .collect();
        let kinds = proptest::collection::vec(
            select(vec![
                OrgKind::Committee,
                OrgKind::GeneralBranch,
                OrgKind::Branch,
                OrgKind::Group,
            ]),
            n,
        );
        (parents, kinds).prop_map(|(parents, kinds)| {
            parents
                .into_iter()
                .zip(kinds)
                .enumerate()
                .map(|(i, (p, kind))| Org {
                    id: format!("O{i}"),
                    parent: p.map(|p| format!("O{p}")),
                    kind,
                })
                .collect()
        })
    })
}

fn org_id() -> impl Strategy<Value = String> {
    (0usize..9).prop_map(|i| format!("O{i}"))
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::ToSociety),
        Just(Scope::WholeParty),
        (proptest::collection::vec(org_id(), 1..4), any::<bool>()).prop_map(
            |(orgs, include_descendants)| Scope::Organizations {
                orgs,
                include_descendants
            }
        ),
        org_id().prop_map(|org| Scope::Members { org }),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    select(vec![
        Status::Draft,
        Status::Proposed,
        Status::Reviewed,
        Status::Approved,
        Status::Published,
        Status::Withdrawn,
        Status::Archived,
    ])
}

fn member_status() -> impl Strategy<Value = MemberStatus> {
    select(vec![
        MemberStatus::Full,
        MemberStatus::Probationary,
        MemberStatus::Suspended,
        MemberStatus::Removed,
    ])
}

fn day(offset: i64) -> NaiveDate {
    on() + chrono::Duration::days(offset)
}

fn viewer() -> impl Strategy<Value = Viewer> {
    (
        proptest::option::of(select(vec![
            "V1".to_owned(),
            "P1".to_owned(),
            "A1".to_owned(),
        ])),
        proptest::collection::vec(
            (
                org_id(),
                member_status(),
                -30i64..30,
                proptest::option::of(-30i64..30),
            ),
            0..3,
        ),
        proptest::collection::vec(
            (org_id(), -30i64..30, proptest::option::of(-30i64..30)),
            0..2,
        ),
    )
        .prop_map(|(person, ms, ps)| Viewer {
            person,
            memberships: ms
                .into_iter()
                .map(|(org, status, f, t)| Membership {
                    org,
                    status,
                    from: day(f),
                    to: t.map(day),
                })
                .collect(),
            posts: ps
                .into_iter()
                .map(|(org, f, t)| Post {
                    org,
                    from: day(f),
                    to: t.map(day),
                })
                .collect(),
        })
}

fn item(
    org: String,
    scope: Scope,
    status: Status,
    published_offset: i64,
    withdrawn: bool,
) -> DisclosureItem {
    let published = matches!(
        status,
        Status::Published | Status::Archived | Status::Withdrawn
    );
    let json = serde_json::json!({
        "schema_version": 1, "id": "D1", "org": org, "title": "t", "body": "b", "category": "other",
        "scope": scope, "created_by": "P1", "created_at": "2026-01-01T09:00:00+08:00", "status": status,
    });
    let mut item: DisclosureItem = serde_json::from_value(json).unwrap();
    if published {
        item.published_at = Some(
            format!("{}T09:00:00+08:00", day(published_offset))
                .parse()
                .unwrap(),
        );
    }
    if withdrawn || status == Status::Withdrawn {
        item.withdrawal_reason = Some("r".into());
    }
    item
}

/// The oracle: who may see a published item, computed from the children downwards.
fn oracle(orgs: &[Org], roles: &[RoleAssignment], v: &Viewer, item: &DisclosureItem) -> bool {
    let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for o in orgs {
        if let Some(p) = &o.parent {
            children.entry(p.as_str()).or_default().push(&o.id);
        }
    }
    let subtree = |root: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![root.to_owned()];
        while let Some(x) = stack.pop() {
            if seen.insert(x.clone()) {
                for c in children.get(x.as_str()).into_iter().flatten() {
                    stack.push((*c).to_owned());
                }
            }
        }
        seen
    };
    let covering: Vec<&Membership> = v
        .memberships
        .iter()
        .filter(|m| m.from <= on() && m.to.is_none_or(|t| on() <= t))
        .collect();
    let standing = !covering.is_empty()
        && covering
            .iter()
            .all(|m| matches!(m.status, MemberStatus::Full | MemberStatus::Probationary));
    let member_of: BTreeSet<&str> = covering.iter().map(|m| m.org.as_str()).collect();
    let officer_of: BTreeSet<&str> = v
        .posts
        .iter()
        .filter(|p| p.from <= on() && p.to.is_none_or(|t| on() <= t))
        .map(|p| p.org.as_str())
        .collect();
    // Officers of an organization or of any organization above it: the target is in the officer org's subtree.
    let officer_over = |target: &str| officer_of.iter().any(|o| subtree(o).contains(target));
    match item.status {
        Status::Withdrawn => false,
        Status::Archived if item.withdrawal_reason.is_some() => false,
        Status::Published | Status::Archived => {
            if item.published_at.unwrap().date_naive() > on() {
                return false;
            }
            match &item.scope {
                Scope::ToSociety => true,
                _ if !standing => false,
                Scope::WholeParty => true,
                Scope::Organizations {
                    orgs: listed,
                    include_descendants,
                } => listed.iter().any(|o| {
                    let reach = if *include_descendants {
                        subtree(o)
                    } else {
                        BTreeSet::from([o.clone()])
                    };
                    member_of.iter().any(|m| reach.contains(*m)) || officer_over(o)
                }),
                Scope::Members { org } => member_of.contains(org.as_str()) || officer_over(org),
                other => panic!("the naive model has no rule for the scope {other:?}: add one"),
            }
        }
        _ => {
            standing
                && v.person.as_deref().is_some_and(|p| {
                    roles.iter().any(|r| {
                        r.person == p
                            && (r.org == item.org || Some(&r.org) == item.approval_org.as_ref())
                    })
                })
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn no_viewer_sees_an_item_outside_its_scope(
        orgs in tree(),
        org_pick in 0usize..9,
        scope in scope(),
        status in status(),
        published_offset in -5i64..5,
        withdrawn in any::<bool>(),
        v in viewer(),
        role_org in 0usize..9,
    ) {
        let n = orgs.len();
        let clamp = |s: &str| format!("O{}", s.trim_start_matches('O').parse::<usize>().unwrap() % n);
        let scope = match scope {
            Scope::Organizations { orgs: o, include_descendants } =>
                Scope::Organizations { orgs: o.iter().map(|x| clamp(x)).collect(), include_descendants },
            Scope::Members { org } => Scope::Members { org: clamp(&org) },
            s => s,
        };
        let org = format!("O{}", org_pick % n);
        let roles = vec![
            RoleAssignment { person: "P1".into(), org: org.clone(), role: Role::Proposer },
            RoleAssignment { person: "A1".into(), org: format!("O{}", role_org % n), role: Role::Approver },
        ];
        let ctx = DisclosureContext::new(OrgTree::new(orgs.clone()).unwrap(), roles.clone()).unwrap();
        let it = item(org, scope, status, published_offset, withdrawn);
        let seen = visible(&ctx, &v, &it, on());
        let allowed = oracle(&orgs, &roles, &v, &it);
        prop_assert!(!seen || allowed, "seen outside scope: {:?} {:?}", it.scope, v);
        prop_assert_eq!(seen, allowed);
    }

    #[test]
    fn any_single_edit_of_the_log_is_found(n in 1usize..8, target in 0usize..8, field in 0usize..5) {
        let mut log = AuditLog::new();
        for i in 0..n {
            log.append(AuditEvent {
                item_id: format!("D{i}"), action: "propose".into(), actor: "P1".into(),
                at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Proposed,
                comment: String::new(), version: 0, content_sha256: String::new(),
            });
        }
        prop_assert!(log.verify().valid);
        let t = target % n;
        let e = &mut log.entries[t];
        match field {
            0 => e.event.actor.push('x'),
            1 => e.event.comment.push('x'),
            2 => e.event.version += 1,
            3 => e.event.to = Status::Approved,
            _ => e.event.item_id.push('x'),
        }
        let v = log.verify();
        prop_assert!(!v.valid);
        prop_assert_eq!(v.first_broken, Some(t as u64));
        prop_assert!(AuditLog::from_json(&log.to_json()).is_err());
    }
}
