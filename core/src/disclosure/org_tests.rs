//! The indexed tree against a naive walk of the parent links, on random forests (and random cycles for the
//! errors).

use proptest::prelude::*;

use super::{Org, OrgKind, OrgTree};

/// A forest of `n` organizations: entry `i`'s parent is one of the entries before it (or none), ids shuffled so
/// that id order, input order and tree order differ.
fn forest() -> impl Strategy<Value = Vec<Org>> {
    (1usize..40).prop_flat_map(|n| {
        (
            proptest::collection::vec(any::<prop::sample::Index>(), n),
            proptest::collection::vec(any::<bool>(), n),
            Just(n).prop_shuffle_ids(),
        )
            .prop_map(move |(parents, roots, names)| {
                (0..n)
                    .map(|i| Org {
                        id: names[i].clone(),
                        parent: (i > 0 && !roots[i]).then(|| names[parents[i].index(i)].clone()),
                        kind: OrgKind::Branch,
                    })
                    .collect::<Vec<_>>()
            })
            .prop_shuffle()
    })
}

trait ShuffleIds {
    fn prop_shuffle_ids(self) -> BoxedStrategy<Vec<String>>;
}

impl ShuffleIds for Just<usize> {
    fn prop_shuffle_ids(self) -> BoxedStrategy<Vec<String>> {
        let n = self.0;
        Just((0..n).map(|i| format!("O{i:02}")).collect::<Vec<_>>())
            .prop_shuffle()
            .boxed()
    }
}

/// The answer by walking parent links in the input list, with no index.
fn naive_ancestors<'a>(orgs: &'a [Org], id: &str) -> Vec<&'a str> {
    let parent = |id: &str| {
        orgs.iter()
            .find(|o| o.id == id)
            .and_then(|o| o.parent.as_deref())
    };
    let mut out = Vec::new();
    let mut at = parent(id);
    while let Some(p) = at {
        out.push(p);
        at = parent(p);
    }
    out
}

proptest! {
    #[test]
    fn indexed_answers_equal_the_naive_walk(orgs in forest()) {
        let tree = OrgTree::new(orgs.clone()).unwrap();
        prop_assert_eq!(tree.len(), orgs.len());
        for a in &orgs {
            let naive = naive_ancestors(&orgs, &a.id);
            prop_assert_eq!(tree.ancestors(&a.id), naive.clone());
            prop_assert_eq!(tree.parent(&a.id), a.parent.as_deref());
            for b in &orgs {
                let expect = a.id == b.id || naive.contains(&b.id.as_str());
                prop_assert_eq!(tree.is_within(&a.id, &b.id), expect, "{} within {}", a.id, b.id);
                let (ia, ib) = (tree.index_of(&a.id).unwrap(), tree.index_of(&b.id).unwrap());
                prop_assert_eq!(tree.is_within_index(ia, ib), expect);
                let pos = tree.position(ia).unwrap();
                prop_assert_eq!(tree.subtree(ib).contains(&pos), expect);
                prop_assert_eq!(tree.at_position(pos), Some(ia));
            }
        }
        // Serialized in id order, read back equal.
        let back: OrgTree = serde_json::from_str(&serde_json::to_string(&tree).unwrap()).unwrap();
        prop_assert_eq!(back, tree);
    }

    #[test]
    fn a_cycle_is_reported_on_the_first_entry_that_reaches_it(orgs in forest(), pick in any::<prop::sample::Index>()) {
        // Close a cycle: a root takes as parent one of its own descendants (or itself).
        let mut orgs = orgs;
        let roots: Vec<usize> = (0..orgs.len()).filter(|&i| orgs[i].parent.is_none()).collect();
        let r = roots[pick.index(roots.len())];
        let below: Vec<String> = orgs.iter().filter(|o| naive_ancestors(&orgs, &o.id).contains(&orgs[r].id.as_str()) || o.id == orgs[r].id).map(|o| o.id.clone()).collect();
        orgs[r].parent = Some(below[pick.index(below.len())].clone());
        let bad: Vec<usize> = (0..orgs.len()).filter(|&i| below.contains(&orgs[i].id)).collect();
        let e = OrgTree::new(orgs).unwrap_err();
        prop_assert_eq!(e.code(), "ORG_CYCLE");
        prop_assert_eq!(e.detail().field.clone(), format!("[{}].parent", bad[0]));
    }
}

#[test]
fn errors_in_input_order() {
    let org = |id: &str, parent: Option<&str>| Org {
        id: id.into(),
        parent: parent.map(Into::into),
        kind: OrgKind::Branch,
    };
    // A chain into a cycle is reported on its first entry; an unknown parent before it wins.
    let e = OrgTree::new(vec![
        org("A", Some("B")),
        org("B", Some("C")),
        org("C", Some("B")),
    ])
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("ORG_CYCLE", "[0].parent")
    );
    let e = OrgTree::new(vec![
        org("A", Some("B")),
        org("B", Some("A")),
        org("C", Some("X")),
    ])
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("ORG_CYCLE", "[0].parent")
    );
    let e = OrgTree::new(vec![
        org("C", Some("X")),
        org("A", Some("B")),
        org("B", Some("A")),
    ])
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("UNKNOWN_ORG", "[0].parent")
    );
    // A chain ending at an unknown parent is not a cycle: the unknown parent is reported on its own entry.
    let e = OrgTree::new(vec![org("A", Some("B")), org("B", Some("X"))]).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("UNKNOWN_ORG", "[1].parent")
    );
    let e = OrgTree::new(vec![org("A", Some("A"))]).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("ORG_CYCLE", "[0].parent")
    );
    let e = OrgTree::new(vec![org("A", None), org("", None)]).unwrap_err();
    assert_eq!(e.code(), "EMPTY_ID");
    let e = OrgTree::new(vec![org("A", Some("Z")), org("A", None)]).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("DUPLICATE_ORG", "[1].id")
    );
}
