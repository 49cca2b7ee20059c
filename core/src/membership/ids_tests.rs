//! The id table answers as the map by id it replaced (the first record of each id, a `HashMap` built in input
//! order) and reports the repeats a walk in input order finds, on random rosters with many repeats.

use std::collections::HashMap;

use proptest::prelude::*;

use super::*;

fn record(id: &str) -> MemberRecord {
    serde_json::from_str(&format!(
        r#"{{"id":"{id}","name":"甲","birth_date":"1980-01-01","org":"B1"}}"#
    ))
    .unwrap()
}

#[test]
fn a_repeat_names_the_earlier_record_and_the_table_keeps_it() {
    // Worked by hand: A at 0 and 2, B at 1, A again at 3.
    let records: Vec<MemberRecord> = ["A", "B", "A", "A"].map(record).into();
    let (table, repeats) = IdTable::build(&records);
    assert_eq!(repeats, [(2, 0), (3, 0)]);
    assert_eq!(table.get("A"), Some(0));
    assert_eq!(table.get("B"), Some(1));
    assert_eq!(table.get("C"), None);
    assert_eq!(table.get(""), None);
    let (empty, none) = IdTable::build(&[]);
    assert_eq!((empty.get("A"), none.len()), (None, 0));
}

proptest! {
    #[test]
    fn answers_as_the_map_by_id(ids in proptest::collection::vec("[A-E]{0,2}|M[0-9]{1,4}", 0..300),
                                asked in proptest::collection::vec("[A-E]{0,2}|M[0-9]{1,4}", 0..50)) {
        let records: Vec<MemberRecord> = ids.iter().map(|i| record(i)).collect();
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut walked = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match first.get(id.as_str()) {
                Some(&earlier) => walked.push((i, earlier)),
                None => { first.insert(id, i); }
            }
        }
        // The slots; the slots built a region of two slots at a time (a province's table has regions of 4,096);
        // and the scan a roster too large for them takes (reached here by lowering the limit).
        let builds = [
            IdTable::build(&records),
            IdTable::build_within(&records, u32::MAX, 1),
            IdTable::build_within(&records, 1, REGION_LOG2),
        ];
        for (table, repeats) in builds {
            prop_assert_eq!(&repeats, &walked);
            for id in ids.iter().chain(&asked) {
                prop_assert_eq!(table.get(id), first.get(id.as_str()).copied());
            }
        }
    }
}
