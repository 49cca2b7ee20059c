//! Pieces the assessment's steps share (the trace collector, the article of each category), in a leaf that
//! imports none of them, so `assess.rs` and `base.rs` each import it instead of each other.
#![deny(clippy::arithmetic_side_effects)]

use super::items::Category;
use super::member::DuesMember;
use super::trace::{Cited, Step, Trace};
use super::trace_codec::{encode, room_for};
use crate::Citation;

/// Collects the steps only when asked, so the amounts-only path builds nothing.
pub(super) struct Tracer {
    on: bool,
    trace: Trace,
    /// The citation the last cited entry was copied from: the steps citing one policy value in a row (a
    /// payroll's items, then its base) share one entry, found by address, not by comparing the text.
    last_cited: Option<*const Citation>,
}

impl Tracer {
    /// A collector of `member`'s steps when `on` (the caller asked for a trace), dropping them otherwise.
    pub(super) fn new(on: bool, member: &DuesMember) -> Self {
        let mut trace = Trace::default();
        if on {
            trace.bytes.reserve_exact(room_for(member));
            // Four policy citations at most.
            trace.cited.reserve_exact(4);
        }
        Tracer {
            on,
            trace,
            last_cited: None,
        }
    }

    /// Records the step built by `step`, which is only called when tracing.
    pub(super) fn push(&mut self, step: impl FnOnce() -> Step) {
        if self.on {
            self.record(&step());
        }
    }

    /// Records the step built by `step` with `citation`, stored once however many steps in a row cite it.
    pub(super) fn push_cited(&mut self, citation: &Citation, step: impl FnOnce(Cited) -> Step) {
        if !self.on {
            return;
        }
        let cited = &mut self.trace.cited;
        let from = std::ptr::from_ref(citation);
        if self.last_cited != Some(from) {
            cited.push(citation.clone());
            self.last_cited = Some(from);
        }
        let at = u8::try_from(cited.len().saturating_sub(1)).unwrap_or(u8::MAX);
        self.record(&step(Cited(at)));
    }

    fn record(&mut self, step: &Step) {
        encode(step, &mut self.trace.bytes);
        self.trace.count = self.trace.count.saturating_add(1);
    }

    /// The steps collected, in order (empty when not tracing).
    pub(super) fn into_trace(self) -> Trace {
        self.trace
    }
}

/// The article of the 2008 Rules that sets a category's dues (Arts. 2–6).
pub(super) fn category_article(category: Category) -> &'static str {
    match category {
        Category::Employed => "第二条",
        Category::AnnualSalary => "第三条",
        Category::SelfEmployed => "第四条",
        Category::Retired => "第五条",
        Category::Farmer
        | Category::Student
        | Category::Unemployed
        | Category::Relief
        | Category::Subsistence => "第六条",
    }
}
