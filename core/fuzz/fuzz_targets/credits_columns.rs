//! The columnar entry point with arbitrary (often inconsistent) columns: validated, never indexed blindly.
#![no_main]
use dangjian::credits::{Columns, Scheme, Scorer};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn build(u: &mut Unstructured<'_>, scorer: &mut Scorer) -> Result<()> {
    let ids: String = u.arbitrary()?;
    let offsets: Vec<u32> = u.arbitrary()?;
    let member_ids: Vec<&str> = u.arbitrary()?;
    let members: Vec<u32> = u.arbitrary()?;
    let activities: Vec<u32> = u.arbitrary()?;
    let occurred: Vec<i64> = u.arbitrary()?;
    let offsets_s: Vec<i32> = u.arbitrary()?;
    let content_ids: Vec<&str> = u.arbitrary()?;
    let contents: Vec<u32> = u.arbitrary()?;
    let durations: Vec<Option<u32>> = u.arbitrary()?;
    let points: Vec<Option<i64>> = u.arbitrary()?;
    let c = Columns {
        event_id_bytes: &ids,
        event_id_offsets: &offsets,
        member_ids: &member_ids,
        members: &members,
        activity_codes: &["login", "article", "video", "quiz", "bonus", "deduction"],
        activities: &activities,
        occurred_at_ns: &occurred,
        offset_seconds: &offsets_s,
        content_ids: &content_ids,
        contents: &contents,
        duration_seconds: &durations,
        correct_answers: &[],
        place: &[],
        points: &points,
    };
    let _ = scorer.ingest_columns(&c);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(mut s) = Scorer::new(Scheme::learning_platform()) {
        let _ = build(&mut u, &mut s);
        let _ = build(&mut u, &mut s); // a second batch over the first: repeats, conflicts
        let _ = s.totals();
    }
});
