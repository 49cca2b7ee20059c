//! The meetings read once for the lapse rule (党章 第九条: six months without organizational life): the months
//! each organization held a meeting every member attends, and the months each member was present or absent
//! with leave — so that the rule looks a member up instead of scanning every meeting.
//!
//! By member, the index is flat (issue 19): each attendance becomes (the member's position in the roster, the
//! month), found through the roster's [`IdTable`] — the id hashed once, no table of its own — then one counting
//! pass groups them by member into a single array, each member's months a sorted run without repeats. Before,
//! a table keyed by the id's text held a small vector per member: one allocation per member and a second hash
//! table out of cache. People at meetings who are not in the roster keep a small table by id, so that a check
//! of a record outside the roster still finds its months.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::ids::IdTable;
use super::params::MeetingKind;
use crate::fx::FxMap;
use crate::YearMonth;

/// The index: by organization, by roster position, and by id for the others.
#[derive(Debug, Clone, Default)]
pub(crate) struct LifeIndex<'a> {
    held: FxMap<&'a str, Vec<YearMonth>>,
    /// Member `k`'s months are `months[starts[k]..starts[k + 1]]`.
    starts: Vec<usize>,
    months: Vec<YearMonth>,
    others: FxMap<&'a str, Vec<YearMonth>>,
}

/// One meeting as the index reads it: its organization, kind, day and the ids there or absent with leave.
pub(crate) struct Held<'a, I: Iterator<Item = &'a str>> {
    pub(crate) org: &'a str,
    pub(crate) kind: MeetingKind,
    pub(crate) date: NaiveDate,
    pub(crate) present: I,
}

/// How many records after the last one found are compared before the table is asked: minutes skip the
/// absent, so the next person present is often a few records on.
const NEAR: usize = 4;

/// The index while meetings are added: attendances of roster members as (position, month) pairs.
pub(crate) struct Builder<'a, 'r> {
    members: usize,
    ids: &'r IdTable,
    pairs: Vec<(usize, YearMonth)>,
    /// The roster position of the last person found.
    last: Option<usize>,
    index: LifeIndex<'a>,
}

impl<'a, 'r> Builder<'a, 'r> {
    /// An index over a roster of `members` records, with its id table, for meetings listing `attendances`
    /// people present or on leave in all (reserved once: grown by doubling, the pairs' copies and the
    /// allocator's consolidations grew faster than the roster — perf, ×4 against ×16).
    pub(crate) fn new(members: usize, ids: &'r IdTable, attendances: usize) -> Self {
        Self {
            members,
            ids,
            pairs: Vec::with_capacity(attendances),
            last: None,
            index: LifeIndex::default(),
        }
    }

    /// One meeting: its month for the organization (unless a 支委会), and for each member there or on leave.
    pub(crate) fn add<I: Iterator<Item = &'a str>>(&mut self, m: Held<'a, I>) {
        let month = YearMonth::of(m.date);
        if m.kind != MeetingKind::BranchCommittee {
            add(&mut self.index.held, m.org, month);
        }
        for who in m.present {
            match self.position(who) {
                Some(k) => self.pairs.push((k, month)),
                None => add(&mut self.index.others, who, month),
            }
        }
    }

    /// The roster position of `who`: first among the [`NEAR`] records after the last one found, as minutes list
    /// the people present in the roster's order more often than not (a sign-in sheet printed from it) and
    /// those ids are a compare away in memory just read; then the id table. The roster has no repeated id, so a
    /// record near with the same id is the one the table holds. With the table alone the index's build grew
    /// ×5.6 in thread time for ×4 the roster (scale bench, 64 → 256 → 1,024 units: a slot load missing the
    /// cache an attendance); on the generated province 89% of attendances are found near.
    fn position(&mut self, who: &str) -> Option<usize> {
        let next = self.last.map_or(0, |k| k.saturating_add(1));
        let near = (next..next.saturating_add(NEAR)).find(|&k| self.ids.text_at(k) == Some(who));
        let k = match near {
            Some(k) => k,
            None => self.ids.get(who)?,
        };
        self.last = Some(k);
        Some(k)
    }

    /// The index: the pairs grouped by member (one counting pass), each run sorted and without repeats.
    pub(crate) fn finish(self) -> LifeIndex<'a> {
        let Self {
            members,
            pairs,
            mut index,
            ..
        } = self;
        for months in index.held.values_mut().chain(index.others.values_mut()) {
            months.sort_unstable();
            months.dedup();
        }
        if let Some(&(_, fill)) = pairs.first() {
            let (starts, months) = grouped(&pairs, members, fill);
            (index.starts, index.months) = runs(starts, months);
        }
        index
    }
}

/// The pairs' months grouped by member: `starts` (one more than `members`) and the months, each run in the
/// order given. `fill` only stands in before each place is written.
fn grouped(
    pairs: &[(usize, YearMonth)],
    members: usize,
    fill: YearMonth,
) -> (Vec<usize>, Vec<YearMonth>) {
    let mut starts = vec![0usize; members.saturating_add(1)];
    for &(k, _) in pairs {
        if let Some(c) = starts.get_mut(k.saturating_add(1)) {
            *c = c.saturating_add(1);
        }
    }
    let mut total = 0usize;
    for s in &mut starts {
        total = total.saturating_add(*s);
        *s = total;
    }
    // `next[k]`: where member k's next month goes.
    let mut next = starts.clone();
    let mut months = vec![fill; pairs.len()];
    for &(k, month) in pairs {
        if let Some(at) = next.get_mut(k) {
            if let Some(place) = months.get_mut(*at) {
                *place = month;
            }
            *at = at.saturating_add(1);
        }
    }
    (starts, months)
}

/// Each member's run sorted and without repeats, the runs moved together.
fn runs(mut starts: Vec<usize>, mut months: Vec<YearMonth>) -> (Vec<usize>, Vec<YearMonth>) {
    let mut written = 0usize;
    let mut from = starts.first().copied().unwrap_or(0);
    for k in 1..starts.len() {
        let Some(&to) = starts.get(k) else { break };
        if let Some(run) = months.get_mut(from..to) {
            run.sort_unstable();
        }
        let mut last = None;
        for i in from..to {
            let Some(&m) = months.get(i) else { break };
            if last != Some(m) {
                if let Some(place) = months.get_mut(written) {
                    *place = m;
                }
                written = written.saturating_add(1);
                last = Some(m);
            }
        }
        from = to;
        if let Some(s) = starts.get_mut(k) {
            *s = written;
        }
    }
    months.truncate(written);
    (starts, months)
}

/// Adds `month` to `key`'s list; meetings come roughly in date order, so a repeat is usually the last one.
fn add<'a>(map: &mut FxMap<&'a str, Vec<YearMonth>>, key: &'a str, month: YearMonth) {
    let months = map.entry(key).or_default();
    if months.last() != Some(&month) {
        months.push(month);
    }
}

impl LifeIndex<'_> {
    /// The months `org` held a meeting all its members attend, sorted.
    pub(crate) fn held(&self, org: &str) -> Option<&[YearMonth]> {
        self.held.get(org).map(Vec::as_slice)
    }

    /// The months the member at roster position `k` attended a meeting or was absent from one with leave,
    /// sorted; `None` when there are none.
    pub(crate) fn present_at(&self, k: usize) -> Option<&[YearMonth]> {
        let (from, to) = (*self.starts.get(k)?, *self.starts.get(k.checked_add(1)?)?);
        self.months.get(from..to).filter(|m| !m.is_empty())
    }

    /// The months of `id`, someone at the meetings who is not in the roster.
    pub(crate) fn present_other(&self, id: &str) -> Option<&[YearMonth]> {
        self.others.get(id).map(Vec::as_slice)
    }
}
