//! Pieces the assessment's steps share (the trace collector, the article of each category), in a leaf that
//! imports none of them, so `assess.rs` and `base.rs` each import it instead of each other.
#![deny(clippy::arithmetic_side_effects)]

use super::items::Category;
use crate::TraceStep;

/// Collects trace steps only when asked, so the amounts-only path builds no strings.
pub(super) struct Tracer {
    on: bool,
    steps: Vec<TraceStep>,
}

impl Tracer {
    /// A collector that keeps steps when `on` (the caller asked for a trace) and drops them otherwise.
    pub(super) fn new(on: bool) -> Self {
        Tracer {
            on,
            steps: Vec::new(),
        }
    }

    /// Records the step built by `step`, which is only called when tracing.
    pub(super) fn push(&mut self, step: impl FnOnce() -> TraceStep) {
        if self.on {
            self.steps.push(step());
        }
    }

    /// The steps collected, in order (empty when not tracing).
    pub(super) fn into_steps(self) -> Vec<TraceStep> {
        self.steps
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
